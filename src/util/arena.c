#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

#define BLOCK_SIZE 8192

struct evg_i_arena_block {
    evg_i_arena_block *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

void *evg_i_arena_alloc(evg_i_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    evg_i_arena_block *b = a->head;
    size_t need = (size + align - 1) & ~(align - 1);

    if (need < size)
        return NULL;
    if (b == NULL || b->cap - b->used < need) {
        size_t cap = need > BLOCK_SIZE ? need : BLOCK_SIZE;
        if (cap > SIZE_MAX - sizeof(*b))
            return NULL;
        if ((b = malloc(sizeof(*b) + cap)) == NULL)
            return NULL;
        b->used = 0;
        b->cap = cap;
        /* A large allocation goes behind the current block so its space stays usable. */
        if (a->head && need > BLOCK_SIZE) {
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
    }
    void *p = b->data + b->used;
    b->used += need;
    memset(p, 0, size);
    return p;
}

char *evg_i_arena_strndup(evg_i_arena *a, const char *s, size_t n)
{
    char *p;

    if (s == NULL || n == SIZE_MAX || (p = evg_i_arena_alloc(a, n + 1)) == NULL)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *evg_i_arena_strdup(evg_i_arena *a, const char *s)
{
    return s ? evg_i_arena_strndup(a, s, strlen(s)) : NULL;
}

void evg_i_arena_free(evg_i_arena *a)
{
    evg_i_arena_block *b = a->head;

    while (b) {
        evg_i_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
}
