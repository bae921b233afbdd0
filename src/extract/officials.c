/*
 * The gazetteer of office holders: who held an office of which state, and
 * when (data/officials, and a user's files in the same columns; docs/lexicon.md).
 * Extraction uses it as a boost, never a filter: a person the text names is
 * checked against the officials of the same surname in office on the
 * article's date; when exactly one fits (given name, country), that one's
 * state at the date is the person's country, and a surname the text gives
 * with a title ("President Aro") is completed to the listed full name. A name
 * never comes from the gazetteer alone: "the President" stays unnamed.
 */
#include <string.h>

#include "extract/extract_internal.h"
#include "util/spelling.h"
#include "util/utf8.h"

/* Whether a term in office covers `date`: a start known, no end or a later one. */
static int covers(const lx_term *t, const char *date)
{
    return t->in_office && t->start[0] && strcmp(t->start, date) <= 0 &&
           (t->end[0] == '\0' || strcmp(date, t->end) <= 0);
}

/*
 * Whether the text's given name `text` agrees with the official's `listed`:
 * equal, an initial of it, or a spelling variant ("Nikolai", "Nikolay": the
 * same spelling skeleton). A surname alone in the text fits any; a given
 * name in the text needs one in the list ("Baroness Penn" is no "Arthur Penn").
 */
static int same_given(const char *text, const char *listed)
{
    evg_i_buf a = EVG_I_BUF_INIT, b = EVG_I_BUF_INIT;
    int same;

    if (text == NULL)
        return 1;
    if (listed == NULL)
        return 0;
    if (strcmp(text, listed) == 0)
        return 1;
    if ((text[1] == '\0' || listed[1] == '\0') && text[0] == listed[0])
        return 1;
    same = text[0] == listed[0] && evg_i_spelling_skeleton(&a, text) == 0 &&
           evg_i_spelling_skeleton(&b, listed) == 0 && strcmp(a.ptr, b.ptr) == 0;
    evg_i_buf_free(&a);
    evg_i_buf_free(&b);
    return same;
}

/*
 * The official who fits person p at the article's date, or -1: the same
 * surname, a given name that agrees, a term in office that covers the date,
 * and, when the text gives p's country, in that state. `*state` receives the
 * official's state at the date. Several that fit are none.
 */
static long fitting_official(const x_ctx *x, const x_person *p, int *state)
{
    const evg_lexicon *lx = x->lx;
    evg_i_buf slug = EVG_I_BUF_INIT;
    long found = -1, o;
    int explicit_country = p->country >= 0 && !p->country_inferred && !p->country_implied;

    const char *key = p->surname;
    size_t len = key ? strspn(key, "abcdefghijklmnopqrstuvwxyz0123456789") : 0;

    if (x->date == NULL || key == NULL || lx->noff == 0)
        return -1;
    /* a folded surname of plain letters is its own slug; others are slugged */
    if (key[len] != '\0') {
        if (evg_i_slug(&slug, key, strlen(key)) < 0) {
            evg_i_buf_free(&slug);
            return -1;
        }
        key = slug.ptr;
        len = slug.len;
    }
    o = len ? evg_i_strmap_get(&lx->off_surnames, key, len) : -1;
    for (; o >= 0; o = lx->off[o].next) {
        const lx_official *of = &lx->off[o];
        int st = -1;
        if (!same_given(p->given, of->given))
            continue;
        for (int32_t t = of->first; t >= 0; t = lx->terms[t].next)
            if (covers(&lx->terms[t], x->date)) {
                st = evg_i_lx_state_at(lx, lx->terms[t].country, x->date);
                if (!explicit_country || st == p->country)
                    break;
                st = -2;
            }
        if (st == -1 || st == -2)
            continue;
        if (found >= 0 && found != o) { /* two fit: undecided */
            found = -1;
            break;
        }
        found = o;
        *state = st;
    }
    evg_i_buf_free(&slug);
    return found;
}

int x_listed_official(const x_ctx *x, const x_person *p)
{
    int state;
    return p->given != NULL && fitting_official(x, p, &state) >= 0;
}

int x_listed_given_differs(const x_ctx *x, const char *sur, const char *given)
{
    x_person p;
    int state;
    long o;

    memset(&p, 0, sizeof p);
    p.surname = sur;
    p.country = p.org = -1;
    if (given == NULL || (o = fitting_official(x, &p, &state)) < 0)
        return 0;
    return x->lx->off[o].given != NULL && !same_given(given, x->lx->off[o].given);
}

void x_apply_officials(x_ctx *x)
{
    for (size_t i = 0; i < x->npeople; i++) {
        x_person *p = &x->people[i];
        int state = -1;
        long o = fitting_official(x, p, &state);
        if (o < 0)
            continue;
        /* a listed person's state at the date beats every weaker clue; a title
         * that names a country is no weaker one (fitting_official kept to it) */
        if (state >= 0 && (p->country < 0 || p->country_inferred || p->country_implied)) {
            p->country = state;
            p->country_inferred = p->country_implied = 0;
        }
        /* "President Aro", "Mr. Aro": the full name of the one who held office then */
        if (p->given == NULL && x->lx->off[o].given && (p->ntitles > 0 || !p->weak)) {
            p->name = x->lx->off[o].name;
            p->given = x->lx->off[o].given;
        }
    }
}
