#ifndef EVG_UTIL_FILEIO_H
#define EVG_UTIL_FILEIO_H

#include <stdio.h>

#include "util/buf.h"

/*
 * Read all of `path` ("-" for standard input) into `out` (NUL-terminated).
 * Returns 0, EVG_EIO (err names the path and the system's reason) or
 * EVG_ENOMEM.
 */
int evg_i_read_file(evg_i_buf *out, const char *path, evg_error *err);

/* Read all of an open stream; `name` is used in error messages. */
int evg_i_read_stream(evg_i_buf *out, FILE *f, const char *name, evg_error *err);

/* The display name of a path: "<stdin>" for "-". */
const char *evg_i_display_name(const char *path);

#endif
