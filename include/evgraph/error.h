#ifndef EVGRAPH_ERROR_H
#define EVGRAPH_ERROR_H

#include "evgraph/common.h"

EVG_BEGIN_DECLS

/** Status codes. Functions that can fail return 0 or one of these (negative). */
typedef enum {
    EVG_OK = 0,
    EVG_ERROR = -1,  /* generic failure */
    EVG_ENOMEM = -2, /* out of memory */
    EVG_EIO = -3,    /* reading or writing a file failed */
    EVG_EPARSE = -4, /* malformed input: an article, a JSON line, a lexicon */
    EVG_EINVAL = -5, /* invalid argument or option */
    EVG_ENOTFOUND = -6,
    EVG_EGRAPH = -7 /* igraph reported an error */
} evg_status;

/**
 * Details of a failure, filled by the function that failed. Callers own it
 * (usually on the stack) and may pass NULL when they do not want details.
 */
typedef struct evg_error {
    evg_status code;
    char source[128]; /* file name, "<stdin>", or "" */
    int line, column; /* 1-based; 0 when not applicable */
    char text[256];
} evg_error;

/** Severity of a diagnostic passed to an evg_diag_fn. */
typedef enum { EVG_SEV_WARNING = 1, EVG_SEV_ERROR = 2 } evg_severity;

/**
 * Callback receiving one diagnostic about one input while a batch goes on
 * (a malformed article, invalid UTF-8 that was repaired). `err` is only valid
 * during the call.
 */
typedef void (*evg_diag_fn)(const evg_error *err, evg_severity sev, void *payload);

/**
 * Progress of a long run, for a progress line: documents done, bytes of
 * input read, and the total bytes to read (0 when unknown: a pipe).
 */
typedef void (*evg_progress_fn)(size_t docs, size_t bytes, size_t total, void *payload);

/**
 * Prepare the library: installs the igraph error handler that turns igraph
 * failures into evg_status codes instead of aborting, and jansson's
 * allocator (json_set_alloc_funcs), through which the events reader gives
 * jansson scratch memory while it parses a record; every other jansson
 * allocation goes to the allocator set before, so an application that sets
 * its own should do so before this call. Call once before any other
 * function; calling it again is harmless. Returns 0.
 */
EVG_API int evg_global_init(void);

/** A short English name for a status code ("out of memory"); a static string. */
EVG_API const char *evg_status_str(int code);

/**
 * Format `err` as "SOURCE:LINE:COLUMN: TEXT" (missing parts left out) into
 * `buf` of `size` bytes, always NUL-terminated. Returns `buf`.
 */
EVG_API char *evg_error_format(char *buf, size_t size, const evg_error *err);

/**
 * `s` as it may be shown on a terminal or in a tab-separated line: control
 * characters (C0, DEL, C1), bidirectional controls (U+061C, U+200E, U+200F,
 * U+202A to U+202E, U+2066 to U+2069) and the line and paragraph separators
 * (U+2028, U+2029) written as visible escapes (`\x1b` below U+0080, `\u202e`
 * above), a byte that is no UTF-8 as `\xff`, a backslash as `\\`; the rest
 * as it is. Writes into `buf` of `size` bytes, always NUL-terminated, cut
 * before the escape or character that would not fit. Returns `buf`.
 */
EVG_API char *evg_text_escape(char *buf, size_t size, const char *s);

EVG_END_DECLS

#endif
