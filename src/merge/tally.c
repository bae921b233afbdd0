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

/* The slots of the table of a tally of capacity `cap`: 0, or a power of two >= 2 cap. */
static size_t nslots(size_t cap)
{
    size_t n = 16;

    if (cap <= LINEAR_FORMS)
        return 0;
    while (n < cap * 2)
        n *= 2;
    return n;
}

static uint32_t *slots(const evg_i_tally *t)
{
    return t->cap > LINEAR_FORMS ? (uint32_t *)(void *)(t->v + t->cap) : NULL;
}

/* The index of the form `text` (hash `h`) in `t`, or SIZE_MAX. */
static size_t find(const evg_i_tally *t, const char *text, uint64_t h)
{
    const uint32_t *slot = slots(t);
    size_t mask = nslots(t->cap) - 1;

    if (slot == NULL) {
        for (size_t i = 0; i < t->n; i++)
            if (t->v[i].hash == h &&
                (t->v[i].text == text || strcmp(t->v[i].text, text) == 0))
                return i;
        return SIZE_MAX;
    }
    for (size_t k = (size_t)h & mask;; k = (k + 1) & mask) {
        uint32_t s = slot[k];
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
    uint32_t *slot = slots(t);
    size_t mask = nslots(t->cap) - 1, k = (size_t)t->v[i].hash & mask;

    while (slot[k] != 0)
        k = (k + 1) & mask;
    slot[k] = (uint32_t)(i + 1);
}

/* Room for twice the forms, and the table for them rebuilt. 0 or EVG_ENOMEM. */
static int grow(evg_i_tally *t)
{
    size_t cap = t->cap ? t->cap * 2 : 2, ns = nslots(cap);
    evg_i_form *v;

    if (cap >= UINT32_MAX / 4 ||
        (v = realloc(t->v, cap * sizeof(*v) + ns * sizeof(uint32_t))) == NULL)
        return EVG_ENOMEM;
    t->v = v;
    t->cap = cap;
    if (ns) {
        memset(slots(t), 0, ns * sizeof(uint32_t));
        for (size_t i = 0; i < t->n; i++)
            place(t, i);
    }
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
    if (t->n == t->cap && grow(t) < 0)
        return EVG_ENOMEM;
    t->v[t->n].text = text;
    t->v[t->n].hash = h;
    t->v[t->n].n = n;
    if (slots(t))
        place(t, t->n);
    t->n++;
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
    t->v = NULL;
    t->n = t->cap = 0;
}
