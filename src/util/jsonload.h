#ifndef EVG_UTIL_JSONLOAD_H
#define EVG_UTIL_JSONLOAD_H

/*
 * Reading JSON that says when memory ran out (util/jscratch.c). Apart from
 * jscratch.h so that code which only installs the allocator (evg_global_init()
 * in graph/) does not see jansson (docs/design.md, "Boundaries").
 */
#include <stddef.h>

#include <jansson.h>

#include "util/jscratch.h"

/*
 * json_loadb(), telling running out of memory (`*nomem_out` 1, NULL
 * returned) from bad JSON (`*nomem_out` 0, NULL returned, `je` says why).
 * jansson's parser cannot: an allocation that fails ends the parse with the
 * text of a syntax error, or with none; and one that fails while a long
 * string is read goes unnoticed at first, so that every further byte tries
 * the allocation again (minutes for a line of 100 MB) before the parser
 * reads past its buffer. During this call the first allocation of the
 * calling thread that fails makes every later one fail at once, so jansson
 * stops promptly, on a path that checks what it got. On any thread, inside
 * a scratch window or not.
 */
json_t *evg_i_json_loadb(const char *text, size_t len, size_t flags, json_error_t *je,
                         int *nomem_out);

#endif
