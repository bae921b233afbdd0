/*
 * Titles and names: a title run ("Azerbaijan's Defense Minister, Colonel
 * General", "Minister of Trade, Industry and Energy of Ardania") and the name
 * that follows it ("Zakir Hasanov", "Zaid bin Sultan al-Nahayan"). Time
 * complexity: O(w) per run for a run of w tokens.
 */
#include <string.h>

#include "extract/extract_internal.h"
#include "util/utf8.h"

static int is_word(const x_ctx *x, size_t i)
{
    return (x->toks.toks[i].flags & EVG_TK_WORD) &&
           !(x->toks.toks[i].flags & EVG_TK_POSS);
}

int x_is_cap(const x_ctx *x, size_t i)
{
    /* "al-Sudani" counts as capitalized: names continue through it */
    return is_word(x, i) &&
           (x->toks.toks[i].flags & (EVG_TK_CAP | EVG_TK_ALLCAPS | EVG_TK_PREFIXED)) &&
           !(x->toks.toks[i].flags & EVG_TK_NUM);
}

int x_is_poss(const x_ctx *x, size_t i)
{
    return i < x->s1 && (x->toks.toks[i].flags & EVG_TK_POSS);
}

static int is_initial(const x_ctx *x, size_t i)
{
    const evg_i_tok *t = &x->toks.toks[i];
    return (t->flags & EVG_TK_ABBREV) && (t->flags & EVG_TK_CAP) &&
           t->end - t->start <= 4 && x->text[t->end - 1] == '.' &&
           !(x_cls(x, i) & (LX_HONOR | LX_RANK));
}

/* Note the country and organization a title token names, if not known yet. */
static void title_entities(const x_ctx *x, size_t i, x_title_info *ti)
{
    const lx_phrase *p = &x->mp[i];
    if (ti->country < 0 && (p->classes & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)))
        ti->country = evg_i_lx_country_at(x->lx, p->countries, p->ncountries, x->date);
    if (ti->org < 0 && (p->classes & LX_ORG) && p->org >= 0)
        ti->org = p->org;
    if (ti->implied < 0 && (p->classes & LX_HEAD) && p->ncountries)
        ti->implied = evg_i_lx_country_at(x->lx, p->countries, p->ncountries, x->date);
}

/* Whether token i can continue a title: a title word (case permitting). */
static int title_tok(const x_ctx *x, size_t i)
{
    uint32_t c = x_cls(x, i);
    if (!(c & TITLE_CLS))
        return 0;
    /* A noun like "people" or "state" continues a title only inside an of-chain. */
    return 1;
}

/* A unit holds a head (minister, general, king), not only modifiers. */
int x_unit_has_head(const x_ctx *x, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (x_cls(x, i) & (LX_HEAD | LX_RANK | LX_ROYAL))
            return 1;
    return 0;
}

/*
 * The title run starting at i: returns its end (i when there is none) and
 * fills `ti` with its units (split at commas) and the country and
 * organization it names.
 */
size_t x_title_run(const x_ctx *x, size_t i, x_title_info *ti)
{
    size_t j = i, ustart, last_head_end = (size_t)-1; /* no head yet */
    int in_of = 0;

    memset(ti, 0, sizeof *ti);
    ti->country = ti->org = ti->implied = -1;
    if (j < x->s1 && x_word(x, j, LXW_THE))
        j++;
    /* A possessive country or organization first: "Azerbaijan's Defense Minister". */
    if (j < x->s1 && (x_cls(x, j) & (LX_COUNTRY | LX_CAPITAL | LX_ORG)) &&
        x_is_poss(x, j + x->mlen[j])) {
        title_entities(x, j, ti);
        j += x->mlen[j] + 1;
    }
    ustart = j;
    while (j < x->s1) {
        size_t n = x->mlen[j];
        /* "Europe Director", "Treasury Secretary": an unknown capitalized word before a
         * head */
        if (!n && x_is_cap(x, j) && j + 1 < x->s1 && (x_cls(x, j + 1) & LX_HEAD) &&
            !(x->toks.toks[j].flags & EVG_TK_SENT))
            n = 1;
        else if (n && title_tok(x, j) && (in_of || !(x_cls(x, j) == LX_NOUN)))
            ;
        else
            n = 0;
        if (n) {
            title_entities(x, j, ti);
            j += n;
            if (x_cls(x, j - n) & HEAD_CLS || in_of)
                last_head_end = j;
            continue;
        }
        /*
         * of-chains: "Minister of Defense", "Chief of the General Staff of the ... Army"
         */
        if (x_word(x, j, LXW_TITLE_LINK) && last_head_end == j) {
            size_t k = j + 1;
            if (k < x->s1 && x_word(x, k, LXW_THE))
                k++;
            if (k < x->s1 && x->mlen[k] && title_tok(x, k)) {
                j = k;
                in_of = 1;
                continue;
            }
            /* "director general for Europe, X": a place closing the title */
            size_t e = k;
            while (e < x->s1 && x_is_cap(x, e) && !x->mlen[e])
                e++;
            if (e > k && (e >= x->s1 || !x_is_cap(x, e)) &&
                e - k <= x_param(x, EVG_P_TITLE_PLACE_MAX_WORDS)) {
                j = last_head_end = e;
                in_of = 1;
                continue;
            }
            break;
        }
        /* Lists of portfolios: "Minister of Economy, Trade and Industry",
         * "of Agriculture and Rural Development of Vietnam" */
        if (in_of && last_head_end == j && (x_is(x, j, ",") || x_word(x, j, LXW_AND)) &&
            j + 1 < x->s1) {
            size_t k = j + 1, e = k;
            if (x->mlen[k] && title_tok(x, k) &&
                !(x_is(x, j, ",") && (x_cls(x, k) & (LX_HEAD | LX_RANK | LX_ROYAL)))) {
                j = k;
                continue;
            }
            /* after "and", capitalized words that go on with "of": not a name after a
             * comma */
            while (x_word(x, j, LXW_AND) && e < x->s1 &&
                   e - k < x_param(x, EVG_P_PORTFOLIO_MAX_WORDS) && x_is_cap(x, e) &&
                   (!x->mlen[e] || title_tok(x, e)))
                e++;
            if (e > k && e < x->s1 && x_word(x, e, LXW_PORTFOLIO_LINK)) {
                j = last_head_end = e;
                continue;
            }
        }
        /* Joined titles: "Deputy Minister of Defense - Chief of ...", "... and Foreign
         * Minister" */
        if ((x->toks.toks[j].flags & EVG_TK_PUNCT || x_word(x, j, LXW_AND)) &&
            j + 1 < x->s1 && last_head_end == j && !x_is(x, j, ",")) {
            const char *f = x_fold(x, j);
            int dash = strcmp(f, "-") == 0 || strcmp(f, "--") == 0 ||
                       strcmp(f, "\xE2\x80\x93") == 0 || strcmp(f, "\xE2\x80\x94") == 0;
            /* "The Secretary and Foreign Minister Hayashi" are two people: a definite
             * title ends at "and" */
            if (x_word(x, j, LXW_AND) && x_word(x, i, LXW_THE))
                break;
            if ((dash || x_word(x, j, LXW_AND)) && x->mlen[j + 1] &&
                (x_cls(x, j + 1) & HEAD_CLS || x_cls(x, j + 1) & LX_MOD)) {
                in_of = dash ? 0 : in_of;
                j++;
                continue;
            }
            if (!dash)
                break;
        }
        /* A new unit after a comma: ", Colonel General", ", Army General" */
        if (x_is(x, j, ",") && last_head_end == j && j + 1 < x->s1 &&
            (x_cls(x, j + 1) & (LX_RANK | LX_HEAD | LX_ROYAL | LX_MOD)) &&
            ti->nunits + 1 < X_MAX_TITLES) {
            ti->ustart[ti->nunits] = ustart;
            ti->uend[ti->nunits++] = last_head_end;
            ustart = j + 1;
            j++;
            in_of = 0;
            continue;
        }
        break;
    }
    if (last_head_end == (size_t)-1)
        return i;
    if (last_head_end > ustart && ti->nunits < X_MAX_TITLES) {
        ti->ustart[ti->nunits] = ustart;
        ti->uend[ti->nunits++] = last_head_end;
    }
    /* Keep the units that carry a head; the run must have at least one. */
    int any = 0;
    for (int u = 0; u < ti->nunits; u++)
        any |= x_unit_has_head(x, ti->ustart[u], ti->uend[u]) ||
               (x_cls(x, ti->ustart[u]) & LX_HONOR);
    if (!any)
        return i;
    if (ti->country < 0)
        ti->country = ti->implied;
    return last_head_end;
}

/* The name starting at i: its end, or i when there is none. */
size_t x_name_at(const x_ctx *x, size_t i)
{
    size_t j = i, words = 0;

    if (i >= x->s1 || !x_is_cap(x, i) || (x_cls(x, i) & NOT_NAME_CLS))
        return i;
    while (j < x->s1 && words < x_param(x, EVG_P_NAME_MAX_WORDS)) {
        if (x_is_cap(x, j) &&
            (j == i ||
             !(x_cls(x, j) & (LX_HEAD | LX_ROYAL | LX_COUNTRY | LX_DEMONYM | LX_ORG |
                              LX_NOTNAME | LX_GROUP | LX_TRIGGER | LX_AGREEMENT)))) {
            j++;
            words++;
            continue;
        }
        /*
         * "Zaid bin Sultan al-Nahayan": after a particle any capitalized word is a name
         */
        if (j > i && (x_cls(x, j) & LX_PARTICLE) && !x_is_cap(x, j) && j + 1 < x->s1 &&
            x_is_cap(x, j + 1) &&
            !(x_cls(x, j + 1) & (LX_NOTNAME | LX_COUNTRY | LX_ORG))) {
            j += 2;
            words += 2;
            continue;
        }
        if (is_initial(x, j) && j + 1 < x->s1 && x_is_cap(x, j + 1)) {
            j++;
            continue;
        }
        break;
    }
    /* A name does not end in an initial. */
    while (j > i && is_initial(x, j - 1))
        j--;
    /* "Kent house", "Chequers estate": a place, not a person */
    if (j < x->s1 && !x_is_cap(x, j) && (x_cls(x, j) & (LX_VENUE | LX_PLACE_NOUN)))
        return i;
    return j;
}
