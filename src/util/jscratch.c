#include <pthread.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>

#include <cJSON.h>
#include <jansson.h>

#include "util/jsonload.h"

#define FIRST_BLOCK (64u << 10)
#define MAX_BLOCK (64u << 20)

/* A block for what did not fit in the scratch block during one window. */
struct evg_i_jspill {
    evg_i_jspill *next;
    size_t used, cap;
    alignas(max_align_t) unsigned char data[];
};

static _Thread_local evg_i_jscratch *active;
/* In evg_i_json_loadb(): an allocation failed, and every later one fails at once. */
static _Thread_local int watching, failed;
static json_malloc_t prev_malloc = malloc;
static json_free_t prev_free = free;
static pthread_once_t installed = PTHREAD_ONCE_INIT;

/*
 * `need` bytes from the window's spill blocks, adding one when full; each
 * twice the last, so a huge record makes few blocks for frees to look
 * through. Kept out of line: inlined, it made every allocation save and
 * restore registers.
 */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static void *
spill_alloc(evg_i_jscratch *s, size_t need)
{
    evg_i_jspill *b = s->spill;

    s->missed += need;
    if (b == NULL || b->cap - b->used < need) {
        size_t cap = FIRST_BLOCK;
        if (b)
            cap = b->cap < MAX_BLOCK ? 2 * b->cap : b->cap;
        if (cap < need)
            cap = need;
        if (cap > SIZE_MAX - sizeof(*b) || (b = malloc(sizeof(*b) + cap)) == NULL)
            return NULL;
        b->used = 0;
        b->cap = cap;
        b->next = s->spill;
        s->spill = b;
    }
    b->used += need;
    return b->data + b->used - need;
}

static int in_spill(const evg_i_jscratch *s, const unsigned char *p)
{
    for (const evg_i_jspill *b = s->spill; b; b = b->next)
        if (p >= b->data && p < b->data + b->cap)
            return 1;
    return 0;
}

/*
 * What an allocation gave: a failure during a watched parse is noted, and
 * closes the scratch block, so that every later allocation fails too (the
 * fast path below sees a full block; the others test `failed`).
 */
static void *watched(void *p)
{
    if (p == NULL && watching) {
        failed = 1;
        if (active)
            active->used = active->cap;
    }
    return p;
}

static void *scratch_malloc(size_t n)
{
    evg_i_jscratch *s = active;
    size_t need = (n + alignof(max_align_t) - 1) & ~(alignof(max_align_t) - 1);

    if (s == NULL)
        return watched(failed ? NULL : prev_malloc(n));
    if (need < n)
        return NULL;
    if (s->cap - s->used >= need) {
        void *p = s->block + s->used;
        s->used += need;
        return p;
    }
    return watched(failed ? NULL : spill_alloc(s, need));
}

static void scratch_free(void *p)
{
    evg_i_jscratch *s = active;

    if (p == NULL)
        return;
    if (s && ((s->block && (unsigned char *)p >= s->block &&
               (unsigned char *)p < s->block + s->cap) ||
              in_spill(s, p)))
        return; /* released with the window */
    prev_free(p);
}

static void install_once(void)
{
    json_get_alloc_funcs(&prev_malloc, &prev_free);
    json_set_alloc_funcs(scratch_malloc, scratch_free);
    /* cJSON (model/doc_json_fast.c) gets the same windows. */
    cJSON_InitHooks(&(cJSON_Hooks){scratch_malloc, scratch_free});
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
        /* Not enough last time: a larger block (none at all just means spilling). */
        free(s->block);
        s->block = malloc(cap);
        s->cap = s->block ? cap : 0;
    }
    s->used = s->missed = 0;
    active = s;
}

void evg_i_jscratch_end(evg_i_jscratch *s)
{
    while (s->spill) {
        evg_i_jspill *next = s->spill->next;
        free(s->spill);
        s->spill = next;
    }
    active = NULL;
}

int evg_i_jscratch_active(void)
{
    return active != NULL;
}

void evg_i_jscratch_free(evg_i_jscratch *s)
{
    free(s->block);
    s->block = NULL;
    s->used = s->cap = s->missed = 0;
}

json_t *evg_i_json_loadb(const char *text, size_t len, size_t flags, json_error_t *je,
                         int *nomem_out)
{
    json_t *root;

    evg_i_jscratch_install();
    watching = 1;
    failed = 0;
    root = json_loadb(text, len, flags, je);
    *nomem_out = failed;
    if (failed) {
        json_decref(root); /* cannot be a whole tree: a part of it failed */
        root = NULL;
    }
    watching = failed = 0;
    return root;
}
