/*
 * What qualifies the sentence of an event: background ("in 1967"),
 * plans ("next week") and the place it names ("held at the General Staff").
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"
#include "util/date.h"
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
    int year = x->date ? evg_i_leading_int(x->date) : 0;

    for (size_t i = x->s0; i + 1 < x->s1; i++) {
        if (!x_word(x, i, LXW_YEAR_PREP) || !(x->toks.toks[i + 1].flags & EVG_TK_NUM))
            continue;
        int y = evg_i_leading_int(x_fold(x, i + 1));
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

/* The capitalized place starting at token k (after its preposition and "the"): its end,
 * k when none starts there. */
static size_t place_at(const x_ctx *x, size_t k)
{
    size_t e;

    if (k >= x->s1 || !(x->toks.toks[k].flags & (EVG_TK_CAP | EVG_TK_ALLCAPS)) ||
        (x->toks.toks[k].flags & EVG_TK_NUM) || x->in_agreement[k])
        return k;
    e = cap_phrase(x, k);
    /* Months and weekdays are times, not places; "in the Estonian capital" names
     * no place by an adjective alone */
    if (e == k || (x_cls(x, k) & LX_NOTNAME) ||
        (x->mlen[k] == e - k && (x_cls(x, k) & LX_DEMONYM) &&
         !(x_cls(x, k) & LX_COUNTRY)))
        return k;
    return e;
}

/* The place a place preposition at token e opens ("in Baku"): its end, and its start in
 * `*k_out`; e when there is none. */
static size_t place_after(const x_ctx *x, size_t e, size_t *k_out)
{
    size_t k = e + 1;

    *k_out = e;
    if (e >= x->s1 || !x_word(x, e, LXW_PLACE_PREP))
        return e;
    if (k < x->s1 && x_word(x, k, LXW_THE))
        k++;
    size_t end = place_at(x, k);
    if (end == k)
        return e;
    *k_out = k;
    return end;
}

/* The country a capital or a country's name among tokens [k, e) names, -1. */
static int named_country(const x_ctx *x, size_t k, size_t e)
{
    int c = -1;

    for (size_t j = k; j < e && c < 0; j++)
        if (x_cls(x, j) & (LX_CAPITAL | LX_COUNTRY))
            c = x_country_at(x, j);
    return c;
}

/* Whether tokens [k, e) are a city of the lexicon, its country in `*cc`. */
static int is_city(const x_ctx *x, size_t k, size_t e, int *cc)
{
    return evg_i_lx_city_at(cc, x->lx, &x->toks, k, e, x->date) == e - k;
}

/* Whether tokens [k, e) are a country's name alone, its country in `*cc`. */
static int is_country(const x_ctx *x, size_t k, size_t e, int *cc)
{
    if (x->mlen[k] != e - k || !(x_cls(x, k) & LX_COUNTRY))
        return 0;
    *cc = x_country_at(x, k);
    return 1;
}

/* Words that make a capitalized phrase a person, a body, another venue or a seat of
 * government ("Whitehall"), not a town. */
#define NOT_TOWN                                                                         \
    (LX_HEAD | LX_ROYAL | LX_RANK | LX_HONOR | LX_ORG | LX_DEMONYM | LX_TRIGGER |        \
     LX_GROUP | LX_VENUE | LX_AGREEMENT | LX_NOTNAME | LX_CAPITAL)

/*
 * The city of venue [k, e): the one the text gives after it ("at the Defense Ministry in
 * Baku", a known city or not, unless it is a country: "in Ardania"), else a known city
 * that opens its name or follows "of" in it ("the Baku Congress Center", "the Institute
 * of Geneva"). Sets p->city and p->located; returns where the place's words end.
 */
static size_t venue_city(x_ctx *x, size_t k, size_t e, x_place *p)
{
    size_t ck, ce = place_after(x, e, &ck);
    int cc = -1;

    if (ce > ck) {
        if (is_country(x, ck, ce, &cc)) {
            p->located = cc;
            return ce;
        }
        if (is_city(x, ck, ce, &cc) || !x_class_in(x, ck, ce, NOT_TOWN)) {
            p->city = x_span_text(x, ck, ce);
            p->located = cc;
            return ce;
        }
    }
    for (size_t j = k; j < e; j++) {
        size_t n = j == k || x_word(x, j - 1, LXW_OF)
                       ? evg_i_lx_city_at(&cc, x->lx, &x->toks, j, e, x->date)
                       : 0;
        if (n > 0) {
            p->city = x_span_text(x, j, j + n);
            p->located = cc;
            break;
        }
    }
    return e;
}

/* "in Papeete, French Polynesia": the country the text names after a place ending at e
 * (then the sentence ends, or punctuation or a time or place follows), or -1. */
static int country_after(const x_ctx *x, size_t e)
{
    size_t k = e + 1;
    int cc = -1;

    if (k >= x->s1 || !x_is(x, e, ",") || !x->mlen[k] ||
        x_is_poss(x, k + x->mlen[k] - 1) || !is_country(x, k, k + x->mlen[k], &cc))
        return -1;
    k += x->mlen[k];
    if (k < x->s1 && (x->toks.toks[k].flags & EVG_TK_WORD) &&
        !x_word(x, k, LXW_TIME_PLACE_PREP))
        return -1;
    return cc;
}

/*
 * Place [k, e) of a meeting, with its city and the country it lies in: a city is its
 * own city; "in Baku at the Defense Ministry" is the venue in that city; a venue's city
 * is the one the text gives (venue_city()).
 */
static void fill_place(x_ctx *x, size_t k, size_t e, x_place *p)
{
    int cc = -1;

    p->name = x_span_text(x, k, e);
    p->country = named_country(x, k, e);
    if (is_city(x, k, e, &cc)) {
        size_t vk, ve = place_after(x, e, &vk);
        p->city = p->name;
        p->located = cc;
        if (ve > vk && x_class_in(x, vk, ve, LX_VENUE)) {
            p->name = x_span_text(x, vk, ve);
            e = ve;
        }
    } else if (is_country(x, k, e, &cc)) {
        p->located = cc;
    } else {
        e = venue_city(x, k, e, p);
    }
    if (p->located < 0)
        p->located = p->country;
    if (p->located < 0)
        p->located = country_after(x, e);
}

const char *x_sentence_place(x_ctx *x, size_t from, size_t to, x_place *out)
{
    out->name = out->city = NULL;
    out->country = out->located = -1;
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
        if ((e = place_at(x, k)) == k)
            continue;
        if (venue_needed && !x_class_in(x, k, e, LX_VENUE | LX_ORG | LX_NOUN | LX_MOD))
            continue;
        /* "in Baku", "in the Alley of Honor", "at the Defense Ministry" */
        if (!x_class_in(x, k, e, LX_VENUE | LX_CAPITAL | LX_COUNTRY | LX_NOUN) &&
            !x_word(x, i, LXW_PLACE_PREP) && !x_word(x, i, LXW_HELD))
            continue;
        fill_place(x, k, e, out);
        return out->name;
    }
    return NULL;
}

void x_set_place(x_event *ev, const x_place *p)
{
    ev->place = p->name;
    ev->place_country = p->country;
    ev->place_city = p->city;
    ev->place_located = p->located;
}
