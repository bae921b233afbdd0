#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include <jansson.h>

#include "util/jscratch.h"

#define FIRST_BLOCK (64u << 10)
#define MAX_BLOCK (64u << 20)

static _Thread_local evg_i_jscratch *active;
static json_malloc_t prev_malloc = malloc;
static json_free_t prev_free = free;
static pthread_once_t installed = PTHREAD_ONCE_INIT;

static void *scratch_malloc(size_t n)
{
    evg_i_jscratch *s = active;
    size_t need = (n + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);

    if (s && need >= n && s->cap - s->used >= need) {
        void *p = s->block + s->used;
        s->used += need;
        return p;
    }
    if (s)
        s->missed += need;
    return prev_malloc(n);
}

static void scratch_free(void *p)
{
    evg_i_jscratch *s = active;

    if (p == NULL || (s && s->block && (unsigned char *)p >= s->block &&
                      (unsigned char *)p < s->block + s->cap))
        return;
    prev_free(p);
}

static void install_once(void)
{
    json_get_alloc_funcs(&prev_malloc, &prev_free);
    json_set_alloc_funcs(scratch_malloc, scratch_free);
}

void evg_i_jscratch_install(void)
{
    pthread_once(&installed, install_once);
}

void evg_i_jscratch_begin(evg_i_jscratch *s)
{
    size_t cap = s->cap ? s->cap : FIRST_BLOCK;

    evg_i_jscratch_install();
    while (cap < MAX_BLOCK && cap < s->used + s->missed)
        cap *= 2;
    if (cap != s->cap || s->block == NULL) {
        /* Not enough last time: a larger block (none at all just means malloc). */
        free(s->block);
        s->block = malloc(cap);
        s->cap = s->block ? cap : 0;
    }
    s->used = s->missed = 0;
    active = s;
}

void evg_i_jscratch_end(evg_i_jscratch *s)
{
    (void)s;
    active = NULL;
}

void evg_i_jscratch_free(evg_i_jscratch *s)
{
    free(s->block);
    s->block = NULL;
    s->used = s->cap = s->missed = 0;
}
