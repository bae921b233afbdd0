#ifndef EVG_UTIL_MEMBUF_H
#define EVG_UTIL_MEMBUF_H

/*
 * What a writer to a FILE * writes, into memory instead: the writers of
 * export, report and query results get a buffer variant through this.
 */
#include <stddef.h>
#include <stdio.h>

#include "evgraph/error.h"

/* A writer: writes to `f`, says what failed in `err`; 0 or a negative status. */
typedef int (*evg_i_writer)(FILE *f, const void *payload, evg_error *err);

/*
 * Run `write` on a stream into memory (open_memstream). On success `*out`
 * is the bytes written, NUL-terminated (free with evg_free()), and
 * `*len_out` (when not NULL) their count. Returns 0, the writer's status, or
 * EVG_ENOMEM; `*out` is NULL on failure.
 */
int evg_i_write_to_buffer(char **out, size_t *len_out, evg_i_writer write,
                          const void *payload, evg_error *err);

#endif
