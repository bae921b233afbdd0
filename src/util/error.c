#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/common.h"
#include "util/error.h"

int evg_i_error_set(evg_error *err, evg_status code, const char *src, int line, int col,
                    const char *fmt, ...)
{
    va_list ap;

    if (err == NULL)
        return code;
    err->code = code;
    snprintf(err->source, sizeof err->source, "%s", src ? src : "");
    err->line = line;
    err->column = col;
    va_start(ap, fmt);
    vsnprintf(err->text, sizeof err->text, fmt, ap);
    va_end(ap);
    return code;
}

int evg_i_error_nomem(evg_error *err)
{
    return evg_i_error_set(err, EVG_ENOMEM, NULL, 0, 0, "out of memory");
}

int evg_i_error_write(evg_error *err, FILE *f, const char *src)
{
    int e = errno;

    /* What is left in the buffer is written again: its failure is the reason now. */
    if (f && fflush(f) != 0 && errno)
        e = errno;
    return evg_i_error_set(err, EVG_EIO, src, 0, 0, "write failed: %s",
                           strerror(e ? e : EIO));
}

void evg_i_diag(evg_diag_fn fn, void *payload, evg_severity sev, const evg_error *e)
{
    if (fn)
        fn(e, sev, payload);
}

const char *evg_status_str(int code)
{
    switch (code) {
    case EVG_OK: return "success";
    case EVG_ENOMEM: return "out of memory";
    case EVG_EIO: return "input/output error";
    case EVG_EPARSE: return "malformed input";
    case EVG_EINVAL: return "invalid argument";
    case EVG_ENOTFOUND: return "not found";
    case EVG_EGRAPH: return "graph library error";
    default: return "error";
    }
}

char *evg_error_format(char *buf, size_t size, const evg_error *err)
{
    if (size == 0)
        return buf;
    if (err == NULL) {
        snprintf(buf, size, "unknown error");
        return buf;
    }
    const char *text = err->text[0] ? err->text : evg_status_str(err->code);
    if (err->source[0] && err->line > 0 && err->column > 0)
        snprintf(buf, size, "%s:%d:%d: %s", err->source, err->line, err->column, text);
    else if (err->source[0] && err->line > 0)
        snprintf(buf, size, "%s:%d: %s", err->source, err->line, text);
    else if (err->source[0])
        snprintf(buf, size, "%s: %s", err->source, text);
    else
        snprintf(buf, size, "%s", text);
    return buf;
}

const char *evg_version(void)
{
    return EVG_VERSION;
}

void evg_free(void *ptr)
{
    free(ptr);
}
