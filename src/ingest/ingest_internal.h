#ifndef EVG_INGEST_INTERNAL_H
#define EVG_INGEST_INTERNAL_H

#include <stddef.h>

#include "evgraph/ingest.h"
#include "util/buf.h"
#include "util/date.h" /* evg_i_date_valid */

/* Append the id of `path` (file name without directory and extension). */
int evg_i_path_id(evg_i_buf *out, const char *path);

/*
 * How many bytes of invalid UTF-8 (or NUL) the article had replaced by
 * U+FFFD, and in `*line_out` (may be NULL) the line of the first; 0 and 0
 * when the text was clean.
 */
size_t evg_i_article_repairs(const evg_article *a, int *line_out);

#endif
