#ifndef EVG_UTIL_ARENA_H
#define EVG_UTIL_ARENA_H

#include <stddef.h>

/*
 * A bump allocator: many small allocations freed at once. A document's
 * strings and arrays live in its arena, so freeing a document is one call.
 */
typedef struct evg_i_arena_block evg_i_arena_block;
typedef struct {
    evg_i_arena_block *head;
} evg_i_arena;

#define EVG_I_ARENA_INIT                                                                 \
    {                                                                                    \
        NULL                                                                             \
    }

/* Zeroed memory aligned for any type, or NULL when out of memory. */
void *evg_i_arena_alloc(evg_i_arena *a, size_t size);
/* Copies; NULL when out of memory or when `s` is NULL. */
char *evg_i_arena_strndup(evg_i_arena *a, const char *s, size_t n);
char *evg_i_arena_strdup(evg_i_arena *a, const char *s);
/*
 * A copy of `s` in `a`, NULL staying NULL; sets `*fail` to 1 when out of
 * memory, so that many fields can be copied before one check.
 */
const char *evg_i_arena_copy(evg_i_arena *a, const char *s, int *fail);
void evg_i_arena_free(evg_i_arena *a);

#endif
