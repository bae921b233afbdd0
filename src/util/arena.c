#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/arena.h"

/*
 * Blocks start small and double up to MAX_BLOCK: a document's record needs
 * a kilobyte or two, and a million of them in one corpus must not each hold
 * a large block mostly empty; a graph's arena soon reaches the large blocks.
 */
#define FIRST_BLOCK 512
#define MAX_BLOCK 65536

struct evg_i_arena_block {
    evg_i_arena_block *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

/* A new block of at least `need` bytes, linked in; NULL when out of memory. */
static evg_i_arena_block *add_block(evg_i_arena *a, size_t need)
{
    evg_i_arena_block *b;
    size_t cap = a->head ? a->head->cap * 2 : FIRST_BLOCK;

    if (cap > MAX_BLOCK)
        cap = MAX_BLOCK;
    if (need > cap)
        cap = need;
    if (cap > SIZE_MAX - sizeof(*b) || (b = malloc(sizeof(*b) + cap)) == NULL)
        return NULL;
    b->used = 0;
    b->cap = cap;
    /* A large allocation goes behind the current block so its space stays usable. */
    if (a->head && need > MAX_BLOCK) {
        b->next = a->head->next;
        a->head->next = b;
    } else {
        b->next = a->head;
        a->head = b;
    }
    return b;
}

/* `size` bytes at a multiple of `align` (a power of two, at most max_align_t's). */
static void *alloc_aligned(evg_i_arena *a, size_t size, size_t align)
{
    evg_i_arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;

    if (size > SIZE_MAX - alignof(max_align_t))
        return NULL;
    if (b == NULL || at > b->cap || b->cap - at < size) {
        if ((b = add_block(a, size)) == NULL)
            return NULL;
        at = 0;
    }
    b->used = at + size;
    return b->data + at;
}

void *evg_i_arena_alloc(evg_i_arena *a, size_t size)
{
    void *p = alloc_aligned(a, size, alignof(max_align_t));

    if (p)
        memset(p, 0, size);
    return p;
}

char *evg_i_arena_strndup(evg_i_arena *a, const char *s, size_t n)
{
    char *p;

    /* Text needs no alignment: strings are packed. */
    if (s == NULL || n == SIZE_MAX || (p = alloc_aligned(a, n + 1, 1)) == NULL)
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

const char *evg_i_arena_copy(evg_i_arena *a, const char *s, int *fail)
{
    const char *p;

    if (s == NULL)
        return NULL;
    if ((p = evg_i_arena_strdup(a, s)) == NULL)
        *fail = 1;
    return p;
}
