/*
 * Agreements: named ones, a capitalized phrase around a kind word ("the
 * Shusha Declaration", "Anti-Ballistic Missile Treaty", "Treaty of Rome"),
 * and described ones that follow a signing ("signed a memorandum of
 * understanding on tourism"). One entity per name within the article.
 */
#include <string.h>

#include "extract/extract_internal.h"
#include "util/utf8.h"

static int capword(const x_ctx *x, size_t i)
{
    uint16_t f = x->toks.toks[i].flags;
    return (f & EVG_TK_WORD) && (f & (EVG_TK_CAP | EVG_TK_ALLCAPS | EVG_TK_NUM)) &&
           !(f & EVG_TK_POSS);
}

static int connector(const x_ctx *x, size_t i)
{
    return x_is(x, i, "of") || x_is(x, i, "on") || x_is(x, i, "for") || x_is(x, i, "and") ||
           x_is(x, i, "the") || x_is(x, i, "between") || x_is(x, i, "in");
}

/* The agreement with this name, created when new; -1 on OOM. */
static int agreement_for(x_ctx *x, size_t s, size_t e, const char *kind)
{
    const char *name = x_span_text(x, s, e);
    evg_i_buf id = EVG_I_BUF_INIT;

    if (name == NULL)
        return -1;
    if (evg_i_buf_puts(&id, "agreement:") < 0 || evg_i_slug(&id, name, strlen(name)) < 0) {
        evg_i_buf_free(&id);
        return -1;
    }
    for (size_t a = 0; a < x->nagrs; a++)
        if (strcmp(x->agrs[a].id, id.ptr) == 0) {
            evg_i_buf_free(&id);
            return (int)a;
        }
    if (evg_i_grow((void **)&x->agrs, &x->cap_agrs, x->nagrs + 1, sizeof(*x->agrs)) < 0) {
        evg_i_buf_free(&id);
        return -1;
    }
    x_agreement *ag = &x->agrs[x->nagrs];
    ag->name = name;
    ag->kind = kind;
    ag->id = evg_i_arena_strdup(&x->arena, id.ptr);
    evg_i_buf_free(&id);
    return ag->id ? (int)x->nagrs++ : -1;
}

/* A named agreement whose kind word is at k: its [start, end) or start == end. */
static void named_span(const x_ctx *x, size_t k, size_t *s_out, size_t *e_out)
{
    size_t s = k, e = k + x->mlen[k];

    while (s > x->s0 && capword(x, s - 1) && !(x->toks.toks[s - 1].flags & EVG_TK_SENT))
        s--;
    if (s > x->s0 && capword(x, s - 1)) /* the sentence's first word, if not "The" */
        if (!(x_cls(x, s - 1) & LX_NOTNAME))
            s--;
    /* "Treaty of Rome", "Treaty on the Non-Proliferation of Nuclear Weapons" */
    size_t j = e;
    while (j < x->s1 && (connector(x, j) || capword(x, j))) {
        if (capword(x, j))
            e = j + 1;
        j++;
    }
    *s_out = s;
    *e_out = e;
}

/* "a memorandum of understanding on tourism": the kind word and what it is about. */
static size_t described_end(const x_ctx *x, size_t k)
{
    size_t e = k + x->mlen[k], j = e;
    static const char *const stops[] = {"with", "at", "during", "which", "that", "after",
                                        "before", "while", "when", "said", "in"};

    if (j < x->s1 && (x_is(x, j, "on") || x_is(x, j, "for") || x_is(x, j, "to") ||
                      x_is(x, j, "of") || x_is(x, j, "between") || x_is(x, j, "in"))) {
        for (; j < x->s1 && j - e < 10; j++) {
            if (!(x->toks.toks[j].flags & EVG_TK_WORD) && !x_is(x, j, "-"))
                break;
            int stop = 0;
            for (size_t q = 0; q < sizeof(stops) / sizeof(stops[0]); q++)
                stop |= j > e && x_is(x, j, stops[q]);
            if (stop)
                break;
        }
        return j;
    }
    return e;
}

int x_find_agreements(x_ctx *x, int *found, int max)
{
    int n = 0;

    for (size_t k = x->s0; k < x->s1 && n < max; k++) {
        if (!(x_cls(x, k) & LX_AGREEMENT))
            continue;
        const char *kind = x->mp[k].kind;
        size_t s, e;
        int a = -2;
        if (capword(x, k)) {
            named_span(x, k, &s, &e);
            /* A lone capitalized kind word needs "the ... of X" or another capitalized word. */
            if (e - s > x->mlen[k])
                a = agreement_for(x, s, e, kind);
        } else if (k > x->s0 && (x_is(x, k - 1, "a") || x_is(x, k - 1, "an") ||
                                 x_is(x, k - 1, "the")) &&
                   k >= x->s0 + 2 && (x_cls(x, k - 2) & LX_TRIGGER) &&
                   x->mp[k - 2].frame == FR_SIGN) {
            s = k;
            e = described_end(x, k);
            a = agreement_for(x, s, e, kind);
        }
        if (a == -1)
            return EVG_ENOMEM;
        if (a >= 0) {
            found[n++] = a;
            k = e - 1;
        }
    }
    return n;
}
