/*
 * What qualifies the sentence of an event: background ("in 1967"),
 * plans ("next week") and the place it names ("held at the General Staff").
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"
/* ---- qualifiers ------------------------------------------------------- */

/* Whether a lexicon class occurs in tokens [a, b). */
int x_class_in(const x_ctx *x, size_t a, size_t b, uint64_t cls)
{
    for (size_t i = a; i < b; i++)
        if (x_cls(x, i) & cls)
            return 1;
    return 0;
}

/* Whether a lexicon class occurs in the `w` tokens of the sentence before token t. */
int x_class_before(const x_ctx *x, size_t t, size_t w, uint64_t cls)
{
    return x_class_in(x, t >= x->s0 + w ? t - w : x->s0, t, cls);
}

/* "in 1967" with a year before the article's: background, not news. */
int x_background(const x_ctx *x)
{
    int year = x->date ? atoi(x->date) : 0;

    for (size_t i = x->s0; i + 1 < x->s1; i++) {
        if (!x_word(x, i, LXW_YEAR_PREP) || !(x->toks.toks[i + 1].flags & EVG_TK_NUM))
            continue;
        int y = atoi(x_fold(x, i + 1));
        if (y >= 1900 && y < year)
            return 1;
    }
    return x_class_in(x, x->s0, x->s1, LX_PAST);
}

/* "next week", "tomorrow", "later this month" (an opener and a word) in the sentence. */
int x_says_next(const x_ctx *x)
{
    for (size_t i = x->s0; i < x->s1; i++)
        if (x_phrase(x, i, x->s1, LXW_FUTURE_TIME) ||
            x_phrase(x, i, x->s1 - 1, LXW_FUTURE_OPENER))
            return 1;
    return 0;
}

/* ---- places ----------------------------------------------------------- */

/* A capitalized phrase starting at i ("Alley of Honor", "General Staff of the Azerbaijan
 * Army"). */
static size_t cap_phrase(const x_ctx *x, size_t i)
{
    size_t e = i, j;
    for (j = i; j < x->s1; j++) {
        uint16_t f = x->toks.toks[j].flags;
        if ((f & EVG_TK_WORD) && (f & (EVG_TK_CAP | EVG_TK_ALLCAPS)) &&
            !(f & EVG_TK_POSS)) {
            e = j + 1;
            continue;
        }
        if (x_word(x, j, LXW_PLACE_CONNECTOR) && j > i)
            continue;
        break;
    }
    /* "the National Bank building": a venue word after the name */
    if (e > i && e < x->s1 && (x_cls(x, e) & LX_VENUE) && x->mlen[e] == 1)
        e++;
    return e;
}

/* Where the sentence says a meeting took place, or NULL. */
const char *x_sentence_place(x_ctx *x, size_t from, size_t to, int *country_out)
{
    *country_out = -1;
    for (size_t i = from; i + 1 < to; i++) {
        size_t k = i + 1, e;
        int venue_needed = 0;
        if (x_word(x, i, LXW_HOSTING_VERB) && k < x->s1 &&
            (x_word(x, k, LXW_PLACE_PREP) || x_word(x, k, LXW_AGENT))) {
            venue_needed = x_word(x, k, LXW_AGENT);
            k++;
        } else if (!x_word(x, i, LXW_PLACE_PREP)) {
            continue;
        }
        if (k < x->s1 && x_word(x, k, LXW_THE))
            k++;
        if (k >= x->s1 || !(x->toks.toks[k].flags & (EVG_TK_CAP | EVG_TK_ALLCAPS)) ||
            (x->toks.toks[k].flags & EVG_TK_NUM) || x->in_agreement[k])
            continue;
        e = cap_phrase(x, k);
        /* Months and weekdays are times, not places; "in the Estonian capital" names
         * no place by an adjective alone */
        if (e == k || (x_cls(x, k) & LX_NOTNAME) ||
            (x->mlen[k] == e - k && (x_cls(x, k) & LX_DEMONYM) &&
             !(x_cls(x, k) & LX_COUNTRY)))
            continue;
        if (venue_needed && !x_class_in(x, k, e, LX_VENUE | LX_ORG | LX_NOUN | LX_MOD))
            continue;
        /* "in Baku", "in the Alley of Honor", "at the Defense Ministry" */
        if (!x_class_in(x, k, e, LX_VENUE | LX_CAPITAL | LX_COUNTRY | LX_NOUN) &&
            !x_word(x, i, LXW_PLACE_PREP) && !x_word(x, i, LXW_HELD))
            continue;
        /* "in Pyongyang", "in the Kremlin": the country the place is in */
        for (size_t j = k; j < e && *country_out < 0; j++)
            if (x_cls(x, j) & (LX_CAPITAL | LX_COUNTRY))
                *country_out = x_country_at(x, j);
        return x_span_text(x, k, e);
    }
    return NULL;
}
