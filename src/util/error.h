#ifndef EVG_UTIL_ERROR_H
#define EVG_UTIL_ERROR_H

#include <stdio.h>

#include "evgraph/error.h"

#if defined(__GNUC__)
#define EVG_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define EVG_PRINTF(f, a)
#endif

/* Jump to `cleanup` when a call fails; the function declares `int rc`. */
#define EVG_CHECK(expr)                                                                  \
    do {                                                                                 \
        if ((rc = (expr)) < 0)                                                           \
            goto cleanup;                                                                \
    } while (0)

/* Fill `err` (may be NULL) and return `code`. `src` may be NULL. */
int evg_i_error_set(evg_error *err, evg_status code, const char *src, int line, int col,
                    const char *fmt, ...) EVG_PRINTF(6, 7);

/* The common out-of-memory case. */
int evg_i_error_nomem(evg_error *err);

/*
 * A write to `f` (may be NULL) failed: EVG_EIO, "write failed: " and the
 * system's reason ("No space left on device"), from errno or from flushing
 * what `f` still holds. `src` may be NULL.
 */
int evg_i_error_write(evg_error *err, FILE *f, const char *src);

/* Report a diagnostic through an optional callback. */
void evg_i_diag(evg_diag_fn fn, void *payload, evg_severity sev, const evg_error *e);

#endif
