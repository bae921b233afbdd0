#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/buf.h"

int evg_i_grow(void **ptr, size_t *cap, size_t need, size_t size)
{
    size_t ncap;
    void *p;

    if (need <= *cap)
        return 0;
    ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return EVG_ENOMEM;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / size)
        return EVG_ENOMEM;
    if ((p = realloc(*ptr, ncap * size)) == NULL)
        return EVG_ENOMEM;
    *ptr = p;
    *cap = ncap;
    return 0;
}

size_t evg_i_unique(void *v, size_t n, size_t size,
                    int (*cmp)(const void *, const void *))
{
    char *base = v;
    size_t k = 0;

    for (size_t i = 0; i < n; i++) {
        if (k > 0 && cmp(base + (k - 1) * size, base + i * size) == 0)
            continue;
        if (k != i)
            memcpy(base + k * size, base + i * size, size);
        k++;
    }
    return k;
}

int evg_i_buf_grow(evg_i_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return EVG_ENOMEM;
    return evg_i_grow((void **)&b->ptr, &b->cap, b->len + extra + 1, 1);
}

int evg_i_buf_put(evg_i_buf *b, const char *s, size_t n)
{
    if (evg_i_buf_grow(b, n) < 0)
        return EVG_ENOMEM;
    if (n)
        memcpy(b->ptr + b->len, s, n);
    b->len += n;
    b->ptr[b->len] = '\0';
    return 0;
}

int evg_i_buf_puts(evg_i_buf *b, const char *s)
{
    return evg_i_buf_put(b, s, strlen(s));
}

int evg_i_buf_putc(evg_i_buf *b, char c)
{
    return evg_i_buf_put(b, &c, 1);
}

int evg_i_buf_printf(evg_i_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return EVG_ERROR;
    if (evg_i_buf_grow(b, (size_t)n) < 0)
        return EVG_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

void evg_i_buf_clear(evg_i_buf *b)
{
    b->len = 0;
    if (b->ptr)
        b->ptr[0] = '\0';
}

char *evg_i_buf_detach(evg_i_buf *b)
{
    char *p = b->ptr;

    if (p == NULL)
        p = calloc(1, 1);
    b->ptr = NULL;
    b->len = b->cap = 0;
    return p;
}

void evg_i_buf_free(evg_i_buf *b)
{
    free(b->ptr);
    b->ptr = NULL;
    b->len = b->cap = 0;
}

char *evg_i_strdup(const char *s)
{
    return s ? evg_i_strndup(s, strlen(s)) : NULL;
}

char *evg_i_strndup(const char *s, size_t n)
{
    char *p;

    if (s == NULL || (p = malloc(n + 1)) == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}
