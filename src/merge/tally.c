/*
 * Choosing between variants by counting them. Whatever the input order, the
 * same multiset of forms elects the same winner: order never breaks a tie.
 */
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"

int evg_i_tally_add(evg_i_tally *t, const char *text, size_t n)
{
    if (text == NULL || text[0] == '\0' || n == 0)
        return 0;
    for (size_t i = 0; i < t->n; i++)
        if (strcmp(t->v[i].text, text) == 0) {
            t->v[i].n += n;
            return 0;
        }
    if (evg_i_grow((void **)&t->v, &t->cap, t->n + 1, sizeof(*t->v)) < 0)
        return EVG_ENOMEM;
    t->v[t->n].text = text;
    t->v[t->n++].n = n;
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
    for (size_t i = 0; text && i < t->n; i++)
        if (strcmp(t->v[i].text, text) == 0)
            return t->v[i].n;
    return 0;
}

void evg_i_tally_free(evg_i_tally *t)
{
    free(t->v);
    t->v = NULL;
    t->n = t->cap = 0;
}
