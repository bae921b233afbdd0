/*
 * Choosing between variants by counting them. Whatever the input order, the
 * same multiset of forms elects the same winner: order never breaks a tie.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"

/* Past this many forms, a tally keeps a hash table of them. */
#define LINEAR_FORMS 8

/* The index of the form `text` (hash `h`) in `t`, or SIZE_MAX. */
static size_t find(const evg_i_tally *t, const char *text, uint64_t h)
{
    if (t->slot == NULL) {
        for (size_t i = 0; i < t->n; i++)
            if (t->v[i].hash == h &&
                (t->v[i].text == text || strcmp(t->v[i].text, text) == 0))
                return i;
        return SIZE_MAX;
    }
    for (size_t k = (size_t)h & (t->nslot - 1);; k = (k + 1) & (t->nslot - 1)) {
        uint32_t s = t->slot[k];
        if (s == 0)
            return SIZE_MAX;
        if (t->v[s - 1].hash == h &&
            (t->v[s - 1].text == text || strcmp(t->v[s - 1].text, text) == 0))
            return s - 1;
    }
}

/* Put form `i` into the table (there is room). */
static void place(evg_i_tally *t, size_t i)
{
    size_t k = (size_t)t->v[i].hash & (t->nslot - 1);

    while (t->slot[k] != 0)
        k = (k + 1) & (t->nslot - 1);
    t->slot[k] = (uint32_t)(i + 1);
}

/* A table of at least twice as many slots as forms. 0 or EVG_ENOMEM. */
static int rehash(evg_i_tally *t, size_t forms)
{
    size_t nslot = 16;
    uint32_t *slot;

    while (nslot < forms * 2)
        nslot *= 2;
    if (forms >= UINT32_MAX || (slot = calloc(nslot, sizeof(*slot))) == NULL)
        return EVG_ENOMEM;
    free(t->slot);
    t->slot = slot;
    t->nslot = nslot;
    for (size_t i = 0; i < t->n; i++)
        place(t, i);
    return 0;
}

int evg_i_tally_add(evg_i_tally *t, const char *text, size_t n)
{
    uint64_t h;
    size_t i;

    if (text == NULL || text[0] == '\0' || n == 0)
        return 0;
    h = evg_i_hash(text, strlen(text));
    if ((i = find(t, text, h)) != SIZE_MAX) {
        t->v[i].n += n;
        return 0;
    }
    if (evg_i_grow((void **)&t->v, &t->cap, t->n + 1, sizeof(*t->v)) < 0)
        return EVG_ENOMEM;
    t->v[t->n].text = text;
    t->v[t->n].hash = h;
    t->v[t->n++].n = n;
    if (t->slot && t->n * 2 <= t->nslot)
        place(t, t->n - 1);
    else if (t->n > LINEAR_FORMS)
        return rehash(t, t->n);
    return 0;
}

/* A form written in capitals only ("JACKSON") comes from a headline or a dateline. */
static int all_caps(const char *s)
{
    int upper = 0;

    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            return 0;
        upper |= *s >= 'A' && *s <= 'Z';
    }
    return upper;
}

/* A name written from a capital ("Treaty of Rome", not "the Rome treaty"). */
static int capitalized(const char *s)
{
    return (*s >= 'A' && *s <= 'Z') || (unsigned char)*s >= 0x80;
}

int evg_i_form_before(const evg_i_form *a, const evg_i_form *b, evg_i_rank rank)
{
    if (rank == EVG_I_RANK_NAME) {
        int ca = all_caps(a->text), cb = all_caps(b->text);
        if (ca != cb)
            return cb;
        ca = capitalized(a->text);
        cb = capitalized(b->text);
        if (ca != cb)
            return ca;
    }
    if (a->n != b->n)
        return a->n > b->n;
    if (rank == EVG_I_RANK_NAME) {
        /* The longer form keeps its diacritics, hyphens and middle names. */
        size_t la = strlen(a->text), lb = strlen(b->text);
        if (la != lb)
            return la > lb;
    }
    return strcmp(a->text, b->text) < 0;
}

const char *evg_i_tally_best(const evg_i_tally *t, evg_i_rank rank)
{
    const evg_i_form *best = NULL;

    for (size_t i = 0; i < t->n; i++)
        if (best == NULL || evg_i_form_before(&t->v[i], best, rank))
            best = &t->v[i];
    return best ? best->text : NULL;
}

size_t evg_i_tally_get(const evg_i_tally *t, const char *text)
{
    size_t i = text && t->n ? find(t, text, evg_i_hash(text, strlen(text))) : SIZE_MAX;

    return i == SIZE_MAX ? 0 : t->v[i].n;
}

void evg_i_tally_free(evg_i_tally *t)
{
    free(t->v);
    free(t->slot);
    t->v = NULL;
    t->slot = NULL;
    t->n = t->cap = t->nslot = 0;
}
