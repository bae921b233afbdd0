#ifndef EVG_UTIL_BUF_H
#define EVG_UTIL_BUF_H

#include <stddef.h>

#include "util/error.h"

/* A growable byte buffer, always NUL-terminated once anything was added. */
typedef struct {
    char *ptr;
    size_t len, cap;
} evg_i_buf;

#define EVG_I_BUF_INIT                                                                   \
    {                                                                                    \
        NULL, 0, 0                                                                       \
    }

/* Each returns 0 or EVG_ENOMEM (the buffer is then unchanged). */
int evg_i_buf_grow(evg_i_buf *b, size_t extra);
int evg_i_buf_put(evg_i_buf *b, const char *s, size_t n);
int evg_i_buf_puts(evg_i_buf *b, const char *s);
int evg_i_buf_putc(evg_i_buf *b, char c);
int evg_i_buf_printf(evg_i_buf *b, const char *fmt, ...) EVG_PRINTF(2, 3);
void evg_i_buf_clear(evg_i_buf *b);
/* Hand the contents to the caller (free()), leaving the buffer empty. */
char *evg_i_buf_detach(evg_i_buf *b);
void evg_i_buf_free(evg_i_buf *b);

/*
 * Make room for `need` elements of `size` bytes in the array `*ptr` of
 * capacity `*cap` (doubling). Returns 0 or EVG_ENOMEM.
 */
int evg_i_grow(void **ptr, size_t *cap, size_t need, size_t size);

/*
 * Drop the repeats of the sorted array v[0..n) of elements of `size` bytes
 * (equal by `cmp`), keeping the first of each run; returns the new count.
 */
size_t evg_i_unique(void *v, size_t n, size_t size,
                    int (*cmp)(const void *, const void *));

/* strdup/strndup that return NULL only on allocation failure (and for NULL input). */
char *evg_i_strdup(const char *s);
char *evg_i_strndup(const char *s, size_t n);

#endif
