#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/common.h"
#include "util/error.h"
#include "util/utf8.h"

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
    case EVG_OK:
        return "success";
    case EVG_ENOMEM:
        return "out of memory";
    case EVG_EIO:
        return "input/output error";
    case EVG_EPARSE:
        return "malformed input";
    case EVG_EINVAL:
        return "invalid argument";
    case EVG_ENOTFOUND:
        return "not found";
    case EVG_EGRAPH:
        return "graph library error";
    default:
        return "error";
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

char *evg_text_escape(char *buf, size_t size, const char *s)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    size_t n = 0;

    if (size == 0)
        return buf;
    buf[0] = '\0';
    if (s == NULL || evg_i_text_escape(&b, s, strlen(s), 0) < 0) {
        evg_i_buf_free(&b);
        return buf;
    }
    /* whole escapes and characters only: cut where the next would not fit */
    while (n < b.len && n < size - 1) {
        size_t k = 1;
        unsigned char c = (unsigned char)b.ptr[n];
        if (c == '\\')
            k = b.ptr[n + 1] == '\\' ? 2 : b.ptr[n + 1] == 'x' ? 4 : 6;
        else if (c >= 0xF0)
            k = 4;
        else if (c >= 0xE0)
            k = 3;
        else if (c >= 0xC0)
            k = 2;
        if (n + k > size - 1)
            break;
        n += k;
    }
    memcpy(buf, b.ptr, n);
    buf[n] = '\0';
    evg_i_buf_free(&b);
    return buf;
}
