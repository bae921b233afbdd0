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
    uint64_t c = x_cls(x, i);
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
 * A title run being read, step by step: "Ardania's Deputy Minister of Trade,
 * Industry and Energy - Chief of Staff, Colonel General".
 */
typedef struct {
    const x_ctx *x;
    size_t start;         /* the run's first token */
    size_t j;             /* the next token to read */
    size_t ustart;        /* where the unit being read starts */
    size_t last_head_end; /* the end of the last head read, (size_t)-1 before one */
    int in_of;            /* inside an of-chain, where nouns continue the title */
    size_t honor_from; /* where trailing honorifics start ("... of Defense Mr."), or -1 */
    x_title_info *ti;
} title_run;

/* What a step did: not apply (the next step may), read on, or end the run. */
typedef enum { STEP_NONE, STEP_NEXT, STEP_END } title_step;

/*
 * Before the title: "the", and a possessive country or organization
 * ("Ardania's Trade Minister", "the Fund's Managing Director").
 */
static void possessive_opener(title_run *r)
{
    const x_ctx *x = r->x;

    if (r->j < x->s1 && x_word(x, r->j, LXW_THE))
        r->j++;
    if (r->j < x->s1 && (x_cls(x, r->j) & (LX_COUNTRY | LX_CAPITAL | LX_ORG)) &&
        x_is_poss(x, r->j + x->mlen[r->j])) {
        title_entities(x, r->j, r->ti);
        r->j += x->mlen[r->j] + 1;
    }
    r->ustart = r->j;
}

/*
 * "Federation Council Speaker", "Northern Survey Office Director": the
 * capitalized name of a body just before a head, one of its words a title
 * noun. Its length in tokens, 0 when there is none.
 */
static size_t body_before_head(const x_ctx *x, size_t j)
{
    size_t e = j;
    int noun = 0;

    while (e < x->s1 && e - j < x_param(x, EVG_P_PORTFOLIO_MAX_WORDS) && x_is_cap(x, e) &&
           !(x_cls(x, e) & (LX_HEAD | LX_NOTNAME | LX_HONOR | LX_RANK)) &&
           (!x->mlen[e] || x->mlen[e] == 1)) {
        noun |= (x_cls(x, e) & (LX_NOUN | LX_ORG)) != 0;
        e++;
    }
    return e > j && noun && e < x->s1 && (x_cls(x, e) & LX_HEAD) ? e - j : 0;
}

/*
 * Title words: "Deputy Foreign Minister"; an unknown capitalized word before
 * a head ("Fisheries Commissioner", "Treasury Secretary"); nouns such as
 * "Forces" only inside an of-chain.
 */
static title_step title_words(title_run *r)
{
    const x_ctx *x = r->x;
    size_t j = r->j, n = x->mlen[j];

    if (!n && x_is_cap(x, j) && j + 1 < x->s1 && (x_cls(x, j + 1) & LX_HEAD) &&
        !(x->toks.toks[j].flags & EVG_TK_SENT))
        n = 1;
    else if (!(n && title_tok(x, j) && (r->in_of || !(x_cls(x, j) == LX_NOUN))) &&
             (n = body_before_head(x, j)) == 0)
        return STEP_NONE;
    uint64_t c = x_cls(x, j);
    if (!(c & LX_HONOR) || (c & (LX_HEAD | LX_RANK | LX_ROYAL)))
        r->honor_from = (size_t)-1;
    else if (r->honor_from == (size_t)-1)
        r->honor_from = j;
    title_entities(x, j, r->ti);
    r->j += n;
    if (c & HEAD_CLS || r->in_of)
        r->last_head_end = r->j;
    return STEP_NEXT;
}

/* "Minister of Commerce of Ardania (MCA)": an acronym in brackets goes with the title. */
static title_step bracketed_acronym(title_run *r)
{
    const x_ctx *x = r->x;
    size_t j = r->j;

    if (!x_is(x, j, "(") || r->last_head_end != j || j + 2 >= x->s1 ||
        !x_is(x, j + 2, ")") || !(x->toks.toks[j + 1].flags & EVG_TK_ALLCAPS))
        return STEP_NONE;
    r->j = r->last_head_end = j + 3;
    return STEP_NEXT;
}

/* Whether token i may stand inside the name of a body: a capitalized word. */
static int body_word(const x_ctx *x, size_t i)
{
    return x_is_cap(x, i) && !x_word(x, i, LXW_THE);
}

/* A comma inside a list of portfolios: "for Coastal Waters, Fisheries and Ports X". */
static int portfolio_comma(const x_ctx *x, size_t e)
{
    /* at the sentence's end (e == s1, maybe past the last token): no comma */
    if (e >= x->s1 || !x_is(x, e, ","))
        return 0;
    for (size_t k = e + 1;
         k + 1 < x->s1 && k - e <= x_param(x, EVG_P_PORTFOLIO_MAX_WORDS); k++) {
        if (x_word(x, k, LXW_AND))
            return x_is_cap(x, k + 1);
        if (!x_is_cap(x, k))
            return 0;
    }
    return 0;
}

/*
 * The name of a body or a portfolio after "of" or "for" that the lexicon
 * does not know, up to the name of the person ("Director of the Northern
 * Survey Office Ilo Varas", "Envoy for Coastal Waters and Fisheries Rui
 * Canto", "Speaker of the Tarvos Assembly Lea Morand"): capitalized words
 * and the connectors between them; the person's name is the last run of
 * unknown words, less its first word when a connector comes right before it
 * ("and Fisheries Rui Canto"). Returns where the title ends, or k.
 */
static size_t named_body(const x_ctx *x, size_t k)
{
    size_t e = k, tail = k;
    int after_link = 1; /* the unknown words at the end follow a connector */

    while (e < x->s1) {
        /* a rank or an honorific opens the name: "of Staff Gen. Ilo Varas" */
        if (e > k && (x_cls(x, e) & (LX_RANK | LX_HONOR)))
            return e;
        if (body_word(x, e) || (e > k && x_is_poss(x, e))) {
            /* a country's name after an unknown word is a surname: "Lisa Monaco" */
            int surname = e > tail && (x_cls(x, e) & (LX_COUNTRY | LX_CAPITAL)) &&
                          x->mlen[e] == 1 && (e + 1 >= x->s1 || !x_is_cap(x, e + 1));
            /* a particle ("Tran Van Minh") is a word of the name */
            if (((x->mlen[e] && !(x_cls(x, e) & LX_PARTICLE)) || x_is_poss(x, e)) &&
                !surname) {
                tail = e + 1; /* a known word: the name starts after it */
                after_link = 0;
            }
            e++;
        } else if (e > k &&
                   (x_word(x, e, LXW_TITLE_LINK) || x_word(x, e, LXW_AND) ||
                    x_word(x, e, LXW_THE) || x_is(x, e, "&") || portfolio_comma(x, e)) &&
                   e + 1 < x->s1 && (body_word(x, e + 1) || x_word(x, e + 1, LXW_THE)) &&
                   !(e - tail >= 2 && !after_link)) { /* "... Ed Rell to Port Vell" */
            tail = ++e;
            after_link = 1;
        } else {
            break;
        }
    }
    /* "for Northern Waters, Ilo Varas": all of it is the title, the name follows */
    if (e < x->s1 && x_is(x, e, ",") && e + 1 < x->s1 && x_name_at(x, e + 1) > e + 1 &&
        !(x_cls(x, e + 1) & LX_SUFFIX) &&
        e - tail <= x_param(x, EVG_P_TITLE_PLACE_MAX_WORDS))
        return e;
    /* "and Counterterrorism Lisa Monaco", "of Ardania Aro Venn": a portfolio or a
     * place, then the name */
    if (e - tail >= 3 && after_link)
        tail++;
    /* "of the International Grain Council (IGC), X": the body's name, the person later */
    if (e == tail && e > k && e < x->s1 && (x->toks.toks[e].flags & EVG_TK_PUNCT))
        return e;
    return e - tail >= 1 && tail > k ? tail : k;
}

/* Whether title words of the lexicon alone lead from k to e: then the usual steps read
 * it. */
static int lexicon_run_to(const x_ctx *x, size_t k, size_t e)
{
    while (k < e && x->mlen[k] && title_tok(x, k))
        k += x->mlen[k];
    return k >= e;
}

/*
 * Of-chains after a head: "Minister of Defense", "Chief of the General Staff
 * of the Ardanian Army"; or a place of a few capitalized words that closes
 * the title ("Director General for Northern Europe, Ilo Varas").
 */
static title_step of_chain(title_run *r)
{
    const x_ctx *x = r->x;
    size_t k = r->j + 1, e;

    if (!x_word(x, r->j, LXW_TITLE_LINK) || r->last_head_end != r->j)
        return STEP_NONE;
    if (k < x->s1 && x_word(x, k, LXW_THE))
        k++;
    /* "Minister of the People's Power for Fisheries X", "Director-General of the
     * International Grain Council (IGC), X": a body's name the lexicon knows in part */
    if (k < x->s1 && x->mlen[k] && title_tok(x, k) &&
        (e = named_body(x, k)) > k + x->mlen[k] && !lexicon_run_to(x, k, e)) {
        for (size_t i = k; i < e; i++)
            if (x->mlen[i])
                title_entities(x, i, r->ti);
        r->j = r->last_head_end = e;
        r->in_of = 1;
        return STEP_NEXT;
    }
    /* "chief executive of the Ardanian carmaker Ostra Motors": a company of a country */
    if (k + 2 < x->s1 && (x_cls(x, k) & LX_DEMONYM) && x->mlen[k] == 1) {
        size_t n = k + 1;
        while (n < x->s1 && n < k + 3 && !x_is_cap(x, n) &&
               x_word(x, n, LXW_COMPANY_NOUN))
            n++;
        /* the company's name: capitalized words, "Motors" and "Bank" among them */
        for (e = n; n > k + 1 && e < x->s1 && x_is_cap(x, e) &&
                    e - n < x_param(x, EVG_P_NAME_MAX_WORDS);
             e++)
            ;
        if (n > k + 1 && e > n) {
            title_entities(x, k, r->ti);
            r->j = r->last_head_end = e;
            r->in_of = 1;
            return STEP_NEXT;
        }
    }
    if (k < x->s1 && x->mlen[k] && title_tok(x, k)) {
        r->j = k;
        r->in_of = 1;
        return STEP_NEXT;
    }
    for (e = k; e < x->s1 && x_is_cap(x, e) && !x->mlen[e]; e++)
        ;
    if (e > k && (e >= x->s1 || !x_is_cap(x, e)) && !portfolio_comma(x, e) &&
        e - k <= x_param(x, EVG_P_TITLE_PLACE_MAX_WORDS)) {
        r->j = r->last_head_end = e;
        r->in_of = 1;
        return STEP_NEXT;
    }
    if ((e = named_body(x, k)) > k) {
        r->j = r->last_head_end = e;
        r->in_of = 1;
        return STEP_NEXT;
    }
    return STEP_END;
}

/*
 * A list of portfolios in an of-chain: "Minister of Trade, Industry and
 * Energy", "of Fisheries and Coastal Development of Ardania". After "and",
 * capitalized words count only when "of" follows them; after a comma, a
 * head starts a new unit instead.
 */
static title_step portfolio_list(title_run *r)
{
    const x_ctx *x = r->x;
    size_t j = r->j, k = j + 1, e = k;

    int conj = x_word(x, j, LXW_AND) || x_is(x, j, "&"); /* "Housing & Communities" */

    if (!r->in_of || r->last_head_end != j || !(x_is(x, j, ",") || conj) || k >= x->s1)
        return STEP_NONE;
    if (x->mlen[k] && title_tok(x, k) &&
        !(x_is(x, j, ",") && (x_cls(x, k) & (LX_HEAD | LX_RANK | LX_ROYAL | LX_HONOR)))) {
        r->j = k;
        return STEP_NEXT;
    }
    while (conj && e < x->s1 && e - k < x_param(x, EVG_P_PORTFOLIO_MAX_WORDS) &&
           x_is_cap(x, e) && (!x->mlen[e] || title_tok(x, e)))
        e++;
    if (e > k && e < x->s1 && x_word(x, e, LXW_PORTFOLIO_LINK)) {
        r->j = r->last_head_end = e;
        return STEP_NEXT;
    }
    /* "for Trade, Coastal Affairs and Fisheries", "for Water and Coastal Security X":
     * portfolios the lexicon does not know */
    if ((conj || portfolio_comma(x, j)) && (e = named_body(x, k)) > k) {
        r->j = r->last_head_end = e;
        return STEP_NEXT;
    }
    return STEP_NONE;
}

/*
 * Two titles of one person joined by a dash or "and": "Deputy Minister of
 * Defense - Chief of the General Staff", "Deputy Premier and Foreign
 * Minister". A definite title ends at "and": "The Secretary and Foreign
 * Minister Varas" are two people.
 */
static title_step joined_titles(title_run *r)
{
    const x_ctx *x = r->x;
    size_t j = r->j;
    int conj = x_word(x, j, LXW_AND), dash;

    if (!((x->toks.toks[j].flags & EVG_TK_PUNCT) || conj) || j + 1 >= x->s1 ||
        r->last_head_end != j || x_is(x, j, ","))
        return STEP_NONE;
    dash = x_is_dash(x, j);
    if (conj && x_word(x, r->start, LXW_THE))
        return STEP_END;
    if ((dash || conj) && x->mlen[j + 1] &&
        (x_cls(x, j + 1) & HEAD_CLS || x_cls(x, j + 1) & LX_MOD)) {
        r->in_of = dash ? 0 : r->in_of;
        r->j++;
        return STEP_NEXT;
    }
    return dash ? STEP_NONE : STEP_END;
}

/* A new unit after a comma: "Defense Minister, Colonel General", ", Army General". */
static title_step new_unit(title_run *r)
{
    const x_ctx *x = r->x;
    x_title_info *ti = r->ti;
    size_t j = r->j;

    if (!x_is(x, j, ",") || r->last_head_end != j || j + 1 >= x->s1 ||
        !(x_cls(x, j + 1) & (LX_RANK | LX_HEAD | LX_ROYAL | LX_MOD)) ||
        ti->nunits + 1 >= X_MAX_TITLES)
        return STEP_NONE;
    ti->ustart[ti->nunits] = r->ustart;
    ti->uend[ti->nunits++] = r->last_head_end;
    r->ustart = r->j = j + 1;
    r->in_of = 0;
    return STEP_NEXT;
}

/*
 * The run read: close its last unit and keep it if a unit carries a head or
 * starts with an honorific; its end, or its start when it is no title.
 */
static size_t run_end(title_run *r)
{
    const x_ctx *x = r->x;
    x_title_info *ti = r->ti;
    int any = 0;

    if (r->last_head_end == (size_t)-1)
        return r->start;
    if (r->last_head_end > r->ustart && ti->nunits < X_MAX_TITLES) {
        ti->ustart[ti->nunits] = r->ustart;
        /* an honorific before the name is no part of the title: "Secretary Mr. X" */
        ti->uend[ti->nunits++] =
            r->honor_from > r->ustart && r->honor_from < r->last_head_end
                ? r->honor_from
                : r->last_head_end;
    }
    for (int u = 0; u < ti->nunits; u++)
        any |= x_unit_has_head(x, ti->ustart[u], ti->uend[u]) ||
               (x_cls(x, ti->ustart[u]) & LX_HONOR);
    if (!any)
        return r->start;
    /* what the title names, from its own words only: "Agriculture Minister Sofia Rell"
     * read "Sofia" on the way but ends before it */
    ti->country = ti->org = ti->implied = -1;
    for (size_t i = r->start; i < r->last_head_end; i += x->mlen[i] ? x->mlen[i] : 1)
        if (x->mlen[i] && x_cls(x, i))
            title_entities(x, i, ti);
    ti->country_implied = ti->country < 0 && ti->implied >= 0;
    if (ti->country < 0)
        ti->country = ti->implied;
    return r->last_head_end;
}

/*
 * The title run starting at i: returns its end (i when there is none) and
 * fills `ti` with its units (split at commas) and the country and
 * organization it names. Each step reads on from where the last stopped.
 */
size_t x_title_run(const x_ctx *x, size_t i, x_title_info *ti)
{
    title_run r = {x, i, i, i, (size_t)-1, 0, (size_t)-1, ti};

    memset(ti, 0, sizeof *ti);
    ti->country = ti->org = ti->implied = -1;
    possessive_opener(&r);
    while (r.j < x->s1) {
        title_step st;
        if ((st = title_words(&r)) == STEP_NONE &&
            (st = bracketed_acronym(&r)) == STEP_NONE &&
            (st = of_chain(&r)) == STEP_NONE && (st = portfolio_list(&r)) == STEP_NONE &&
            (st = joined_titles(&r)) == STEP_NONE)
            st = new_unit(&r);
        if (st != STEP_NEXT)
            break;
    }
    return run_end(&r);
}

/* The end of a name [s, e) without its suffix: "Hale" of "Walter T. Hale, Jr.". */
size_t x_name_core_end(const x_ctx *x, size_t s, size_t e)
{
    while (e > s + 1 && ((x_cls(x, e - 1) & LX_SUFFIX) || x_is(x, e - 1, ",")))
        e--;
    return e;
}

/* Whether the word at i names a body of the lexicon, whatever its case ("Opec"). */
static int names_body(const x_ctx *x, size_t i)
{
    const lx_phrase *p = evg_i_lx_word(x->lx, x_fold(x, i));
    return p && (p->classes & LX_ORG);
}

/* The name starting at i: its end, or i when there is none. */
size_t x_name_at(const x_ctx *x, size_t i)
{
    size_t j = i, words = 0;

    if (i >= x->s1 || !x_is_cap(x, i) || (x_cls(x, i) & NOT_NAME_CLS))
        return i;
    while (j < x->s1 && words < x_param(x, EVG_P_NAME_MAX_WORDS)) {
        /* "Lisa Monaco": a country's one-word name ending a name is a surname */
        int surname = j > i && x->mlen[j] == 1 && (x_cls(x, j) & LX_COUNTRY) &&
                      !x->mlen[j - 1] && (j + 1 >= x->s1 || !x_is_cap(x, j + 1));
        if (x_is_cap(x, j) &&
            (j == i || surname ||
             !(x_cls(x, j) &
               (LX_HEAD | LX_ROYAL | LX_COUNTRY | LX_DEMONYM | LX_ORG | LX_NOTNAME |
                LX_GROUP | LX_TRIGGER | LX_AGREEMENT | LX_SUFFIX)))) {
            j++;
            words++;
            continue;
        }
        /* "Tariq bin Salem al-Rafi", "Ursel von der Brandt", "Ana de la Cruz": after one
         * or more particles any capitalized word is a name */
        size_t p = j;
        while (p > i && p < x->s1 && (x_cls(x, p) & LX_PARTICLE) && !x_is_cap(x, p))
            p++;
        if (p > j && p < x->s1 && x_is_cap(x, p) &&
            !(x_cls(x, p) & (LX_NOTNAME | LX_COUNTRY | LX_ORG))) {
            words += p + 1 - j;
            j = p + 1;
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
    /* "Walter T. Hale, Jr.", "Marcus Lee III": a suffix closes it */
    if (j > i + 1 || (j > i && !(x->toks.toks[i].flags & EVG_TK_SENT))) {
        size_t k = j < x->s1 && x_is(x, j, ",") ? j + 1 : j;
        if (k < x->s1 && (x_cls(x, k) & LX_SUFFIX))
            j = k + 1;
    }
    /* "Kent house", "Chequers estate": a place, not a person */
    if (j < x->s1 && !x_is_cap(x, j) && (x_cls(x, j) & (LX_VENUE | LX_PLACE_NOUN)))
        return i;
    /* "spokesman for the Growers Association", "an Opec official": one word that ends
     * the names of bodies, or names one in any case, is nobody's name */
    if (j == i + 1 && (x_word(x, i, LXW_BODY_HEAD) || names_body(x, i)))
        return i;
    return j;
}
