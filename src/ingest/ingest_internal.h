#ifndef EVG_INGEST_INTERNAL_H
#define EVG_INGEST_INTERNAL_H

#include <stddef.h>

#include "util/buf.h"

/* Whether `n` bytes of `s` are a real calendar date "YYYY-MM-DD". */
int evg_i_date_valid(const char *s, size_t n);

/* Append the id of `path` (file name without directory and extension). */
int evg_i_path_id(evg_i_buf *out, const char *path);

#endif
