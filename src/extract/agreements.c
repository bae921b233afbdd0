/*
 * Agreements: well-known ones by a name of the lexicon ("NAFTA"), named ones,
 * a capitalized phrase around a kind word ("the Shusha Declaration",
 * "Anti-Ballistic Missile Treaty", "Treaty of Rome"), and described ones, a
 * lower-case kind word with its modifiers and what it is about ("a
 * memorandum of understanding on tourism"), which stop before tails of time
 * and place. A verb is never one; hypothetical, sought, negated and generic
 * ones are none; "the deal" refers back. One entity per name within the
 * article. Every word the rules test is in grammar.json (docs/lexicon.md);
 * tests/sentences/16-agreements.txt has a case for each rule.
 */
#include <string.h>
#include <strings.h>

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
    return x_word(x, i, LXW_AGR_CONNECTOR);
}

/*
 * Whether a time or place tail with no preposition starts at i: "last week",
 * "Monday", "here"; not a number, which may be part of the name.
 */
static int bare_tail_at(const x_ctx *x, size_t i)
{
    return x_phrase(x, i, x->s1, LXW_AGR_TAIL_WORD) ||
           (x_time_at(x, i) && !(x->toks.toks[i].flags & EVG_TK_NUM));
}

/*
 * Whether a tail that is no part of an agreement's name starts at token i: a
 * time ("on Friday", "of 12 May 2019", "in 1994", "by the end of") or a place
 * ("in Port Vell").
 */
static int tail_at(const x_ctx *x, size_t i)
{
    size_t j = i + 1;

    if (j >= x->s1 || !x_word(x, i, LXW_AGR_TAIL))
        return 0;
    if (x_time_at(x, j) || evg_i_lx_begins_with(x->lx, LXL_TIME_PREFIXES, x_fold(x, j)))
        return 1;
    /* "by the end of", "during the first quarter" */
    if (x_word(x, j, LXW_THE) && j + 1 < x->s1 && x_word(x, j + 1, LXW_AGR_TIME_NOUN))
        return 1;
    if (!x_word(x, i, LXW_PLACE_PREP))
        return 0;
    if (x_cls(x, j) & (LX_COUNTRY | LX_CAPITAL))
        return 1;
    if (!x_is_cap(x, j) || (x_cls(x, j) & (LX_AGREEMENT | LX_ORG)))
        return 0;
    /* a place no lexicon knows: capitalized words that end the clause or come
     * before a time ("in Kelmar on Friday"), not "in Agricultural Research at" */
    while (j < x->s1 && x_is_cap(x, j))
        j++;
    return j >= x->s1 || (x->toks.toks[j].flags & EVG_TK_PUNCT) ||
           (x_word(x, j, LXW_AGR_TAIL) && x_time_at(x, j + 1));
}

/* The initials of the capitalized words of `name`, with or without its last: "ABM(T)". */
static void initials(const char *name, int with_last, char *out, size_t cap)
{
    size_t n = 0;
    const char *last = strrchr(name, ' ');
    const char *end = with_last || !last ? name + strlen(name) : last;

    for (const char *p = name; *p && p < end && n + 1 < cap; p++)
        if ((p == name || p[-1] == ' ' || p[-1] == '-') && *p >= 'A' && *p <= 'Z')
            out[n++] = *p;
    out[n] = '\0';
}

/* "the 1972 ABM treaty" after "the Anti-Ballistic Missile Treaty": the same one (the
 * first agreement whose initials, with or without the last word's, are the word). */
static int acronym_of(const x_ctx *x, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++) {
        if (!(x->toks.toks[i].flags & EVG_TK_ALLCAPS))
            continue;
        long a = evg_i_strmap_get(&x->agr_by_acronym, x->text + x->toks.toks[i].start,
                                  x->toks.toks[i].end - x->toks.toks[i].start);
        if (a >= 0)
            return (int)a;
    }
    return -1;
}

/* ASCII case-insensitive equality (strcasecmp() would follow the locale). */
static int ascii_caseeq(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if ((*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) !=
            (*b >= 'A' && *b <= 'Z' ? *b + 32 : *b))
            return 0;
    return *a == *b;
}

/* `key` (len bytes) stands for agreement a in `m` unless an earlier one has it. */
static int first_for(evg_i_strmap *m, const char *key, size_t len, size_t a)
{
    if (evg_i_strmap_get(m, key, len) >= 0)
        return 0;
    return evg_i_strmap_put(m, key, len, (long)a);
}

/* Index the tails of `name` (each run of its last words, after a space, in ASCII lower
 * case) in `m` for agreement a. */
static int index_tails(x_ctx *x, evg_i_strmap *m, const char *name, size_t a)
{
    evg_i_buf_clear(&x->tmp);
    if (evg_i_buf_puts(&x->tmp, name) < 0)
        return EVG_ENOMEM;
    for (char *c = x->tmp.ptr; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    for (const char *c = x->tmp.ptr; *c; c++)
        if (*c == ' ' && first_for(m, c + 1, strlen(c + 1), a) < 0)
            return EVG_ENOMEM;
    return 0;
}

/* Index new agreement a: its id, shorter names, tails, initials, bracketed acronym,
 * kind. */
static int index_agreement(x_ctx *x, size_t a)
{
    const x_agreement *ag = &x->agrs[a];
    const char *open = strchr(ag->name, '(');
    char ini[16];
    int rc = 0;

    if (evg_i_strmap_put(&x->agr_by_id, ag->id, strlen(ag->id), (long)a) < 0 ||
        first_for(&x->agr_kinds, ag->kind, strlen(ag->kind), a) < 0 ||
        index_tails(x, &x->agr_by_tail, ag->name, a) < 0)
        return EVG_ENOMEM;
    for (int with_last = 0; with_last < 2 && rc == 0; with_last++) {
        initials(ag->name, with_last, ini, sizeof ini);
        if (strlen(ini) >= 2)
            rc = first_for(&x->agr_by_acronym, ini, strlen(ini), a);
    }
    if (rc == 0 && open && strchr(open + 1, ')'))
        rc = first_for(&x->agr_by_paren, open + 1, strcspn(open + 1, ")"), a);
    /* "Valmora Compact" is a shorter name of "Valmora Compact of Association", of the
     * same kind: the rest opens with a lower-case word. A capitalized rest is another
     * thing: "Compact of Free Association Section 432 Review" is a review of the
     * compact. Each such shorter name is a key. */
    evg_i_buf_clear(&x->tmp);
    if (rc == 0 &&
        (evg_i_buf_puts(&x->tmp, ag->kind) < 0 || evg_i_buf_putc(&x->tmp, '\0') < 0))
        rc = EVG_ENOMEM;
    for (const char *c = ag->name; rc == 0 && *c; c++)
        if (c[0] == ' ' && c[1] >= 'a' && c[1] <= 'z') {
            size_t klen = strlen(ag->kind) + 1;
            x->tmp.len = klen;
            if (evg_i_buf_put(&x->tmp, ag->name, (size_t)(c - ag->name)) < 0)
                rc = EVG_ENOMEM;
            else
                rc = first_for(&x->agr_by_prefix, x->tmp.ptr, x->tmp.len, a);
        }
    return rc < 0 ? EVG_ENOMEM : 0;
}

/* The agreement with this name, created when new; -1 on OOM. */
static int agreement_for(x_ctx *x, const char *name, const char *kind)
{
    evg_i_buf id = EVG_I_BUF_INIT;

    if (name == NULL)
        return -1;
    if (evg_i_buf_puts(&id, "agreement:") < 0 ||
        evg_i_slug(&id, name, strlen(name)) < 0) {
        evg_i_buf_free(&id);
        return -1;
    }
    /* the first with that id or of which `name` is a shorter name (index_agreement()) */
    long by_id = evg_i_strmap_get(&x->agr_by_id, id.ptr, id.len), shorter;
    evg_i_buf_clear(&x->tmp);
    if (evg_i_buf_puts(&x->tmp, kind) < 0 || evg_i_buf_putc(&x->tmp, '\0') < 0 ||
        evg_i_buf_puts(&x->tmp, name) < 0) {
        evg_i_buf_free(&id);
        return -1;
    }
    shorter = evg_i_strmap_get(&x->agr_by_prefix, x->tmp.ptr, x->tmp.len);
    if (by_id >= 0 || shorter >= 0) {
        evg_i_buf_free(&id);
        return (int)(by_id < 0                        ? shorter
                     : shorter < 0 || by_id < shorter ? by_id
                                                      : shorter);
    }
    if (evg_i_grow((void **)&x->agrs, &x->cap_agrs, x->nagrs + 1, sizeof(*x->agrs)) < 0) {
        evg_i_buf_free(&id);
        return -1;
    }
    x_agreement *ag = &x->agrs[x->nagrs];
    ag->name = name;
    ag->kind = kind;
    ag->head = NULL;
    ag->same_as = -1;
    ag->ev_chain = -1;
    ag->id = evg_i_arena_strdup(&x->arena, id.ptr);
    evg_i_buf_free(&id);
    if (ag->id == NULL || index_agreement(x, x->nagrs) < 0)
        return -1;
    return (int)x->nagrs++;
}

/* Whether a title ("Trade Minister") opens at token i: the cheap class test first. */
static int opens_title(const x_ctx *x, size_t i)
{
    x_title_info ti;
    return (x_cls(x, i) & (HEAD_CLS | LX_MOD)) && x_title_run(x, i, &ti) > i;
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
    /* "Treaty of Rome", "Treaty on the Non-Proliferation of Nuclear Weapons"; not the
     * party it is signed for, nor a signer's title: "the Accord for Ardania and Trade
     * Minister X" */
    size_t j = e;
    int pair = 0;
    while (j < x->s1) {
        /* "to Amend the Charter": an infinitive inside a title-case name */
        int infinitive =
            x_word(x, j, LXW_INFINITIVE) && j + 1 < x->s1 && capword(x, j + 1) &&
            !(x_cls(x, j + 1) & (LX_COUNTRY | LX_CAPITAL | LX_DEMONYM | LX_ORG));
        if (tail_at(x, j))
            break;
        /* "Memorandum of Understanding (MOU) between ...": its acronym, and on */
        if (x_is(x, j, "(") && j + 2 < x->s1 &&
            (x->toks.toks[j + 1].flags & EVG_TK_ALLCAPS) && x_is(x, j + 2, ")")) {
            e = j + 3;
            j += 3;
            continue;
        }
        /* "the Charter, as Amended" */
        if (x_is(x, j, ",") && j + 2 < x->s1 && x_word(x, j + 1, LXW_AGR_COMMA_GOES_ON) &&
            capword(x, j + 2)) {
            e = j + 3;
            j += 3;
            continue;
        }
        /* "the Trade Agreement and the Strategy for Growth": another thing; not the
         * second of a pair ("between the Ministry of X and the Ministry of Y") */
        if (x_word(x, j, LXW_BETWEEN)) {
            pair = 1;
        } else if (x_word(x, j, LXW_AND) && j + 1 < x->s1 &&
                   (x_word(x, j + 1, LXW_THE) || x_word(x, j + 1, LXW_INDEFINITE))) {
            if (!pair)
                break;
            pair = 0;
        }
        if (!connector(x, j) && !capword(x, j) && !infinitive)
            break;
        /* "the Louvre Accord West Germany and Japan signed": countries, not the name */
        if (j >= k + x->mlen[k] && !connector(x, j - 1) &&
            (x_cls(x, j) & (LX_COUNTRY | LX_CAPITAL | LX_DEMONYM)))
            break;
        if (capword(x, j) && opens_title(x, j))
            break;
        if (x_word(x, j, LXW_SIGNED_FOR) && j + 1 < x->s1) {
            size_t the = (size_t)x_word(x, j + 1, LXW_THE);
            if (j + 1 + the < x->s1 &&
                (x_cls(x, j + 1 + the) & (LX_COUNTRY | LX_CAPITAL | LX_DEMONYM)))
                break;
        }
        if (capword(x, j))
            e = j + 1;
        j++;
    }
    *s_out = s;
    *e_out = e;
}

/*
 * The modifiers before a lower-case kind word: "superpower arms control
 * agreement", "port and customs agreement".
 */
static size_t described_start(const x_ctx *x, size_t k)
{
    size_t s = k, words = 0;
    while (s > x->s0 && words < x_param(x, EVG_P_AGREEMENT_MAX_MODIFIERS)) {
        size_t i = s - 1;
        uint16_t f = x->toks.toks[i].flags;
        /* "and" between two modifiers, not before the article of another noun */
        if (s < k && x_word(x, i, LXW_AND) && i > x->s0 &&
            (x->toks.toks[i - 1].flags & EVG_TK_WORD) &&
            !(x->toks.toks[i - 1].flags & (EVG_TK_CAP | EVG_TK_ALLCAPS)) &&
            !x_word(x, i - 1, LXW_AGR_LEFT_STOP) &&
            !(x_cls(x, i - 1) & (LX_TRIGGER | LX_PLANNED | LX_NEGATION | LX_AGREEMENT))) {
            s = i;
            continue;
        }
        /* "Group of Seven communique": "of" inside a capitalized name */
        if (s < k && x_word(x, i, LXW_OF) && i > x->s0 && x_is_cap(x, s) &&
            x_is_cap(x, i - 1) && !x_word(x, i - 1, LXW_AGR_LEFT_STOP)) {
            s = i;
            continue;
        }
        if (!(f & EVG_TK_WORD) || (f & EVG_TK_POSS) || x_word(x, i, LXW_AGR_LEFT_STOP) ||
            (x_cls(x, i) &
             (LX_TRIGGER | LX_PLANNED | LX_NEGATION | LX_AGREEMENT | LX_CONDITION)))
            break;
        s = i;
        words++;
    }
    return s;
}

/*
 * Whether the agreement whose modifiers start at s is none: hypothetical,
 * sought, negated or generic ("any agreement on", "hopes to reach a deal",
 * "without a deal"), or a grant ("an aid package"). Looks at the modifiers
 * and a few words before them, within the clause.
 */
static int unreal(const x_ctx *x, size_t s, size_t k)
{
    size_t w = x_param(x, EVG_P_AGREEMENT_UNREAL_WINDOW);
    size_t from = s > x->s0 + w ? s - w : x->s0;

    for (size_t i = s; i > from; i--)
        if ((x->toks.toks[i - 1].flags & EVG_TK_PUNCT) && !x_is(x, i - 1, "-")) {
            from = i;
            break;
        }
    for (size_t i = from; i < k; i++)
        if (x_phrase(x, i, k, LXW_AGR_UNREAL) ||
            (i >= s && x_word(x, i, LXW_AGR_NOT_MODIFIER)))
            return 1;
    return 0;
}

/* The words of the modifiers [s, k); a compound counts two: "grain-for-gas deal". */
static size_t modifier_words(const x_ctx *x, size_t s, size_t k)
{
    size_t n = 0;
    for (size_t i = s; i < k; i++) {
        const evg_i_tok *t = &x->toks.toks[i];
        n += (t->flags & EVG_TK_WORD) ? 1 : 0;
        n += (t->flags & EVG_TK_WORD) &&
             memchr(x->text + t->start, '-', t->end - t->start);
    }
    return n;
}

/* Whether a verb that makes an agreement has it as object: "signed a fisheries
 * agreement". */
static int made(const x_ctx *x, size_t s)
{
    size_t v = s;
    if (v > x->s0 && (x_word(x, v - 1, LXW_THE) || x_word(x, v - 1, LXW_INDEFINITE)))
        v--;
    return v > x->s0 && x_word(x, v - 1, LXW_AGR_MAKING_VERB);
}

/* Whether an agreement of this kind was found before in the article. */
static int kind_found(const x_ctx *x, const char *kind)
{
    return evg_i_strmap_get(&x->agr_kinds, kind, strlen(kind)) >= 0;
}

/* The first agreement of `m` (tails of names) whose name ends with the words `words`,
 * whatever their ASCII case, and is longer; -1 when none. */
static long with_tail(x_ctx *x, const evg_i_strmap *m, const char *words)
{
    long a;

    evg_i_buf_clear(&x->tmp);
    if (words == NULL || words[0] == '\0' || evg_i_buf_puts(&x->tmp, words) < 0)
        return -1;
    for (char *c = x->tmp.ptr; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
            *c = (char)(*c + 32);
    a = evg_i_strmap_get(m, x->tmp.ptr, x->tmp.len);
    return a >= 0 && ascii_caseeq(
                         x->agrs[a].name + strlen(x->agrs[a].name) - strlen(words), words)
               ? a
               : -1;
}

/*
 * The name of an agreement found before whose last words are tokens [s, e),
 * whatever their case: "Collaboration Arrangement" ends "Indigenous
 * Collaboration Arrangement". NULL when none.
 */
static const char *named_with_tail(x_ctx *x, size_t s, size_t e)
{
    long a = with_tail(x, &x->agr_by_tail, x_span_text(x, s, e));
    return a >= 0 ? x->agrs[a].name : NULL;
}

/* Whether the kind word at k names an agreement alone: "a joint statement". */
static int standalone(const x_ctx *x, size_t k)
{
    return x_phrase(x, k, k + x->mlen[k], LXW_AGR_STANDALONE) == x->mlen[k];
}

/* Words that may close a name but not end one: "agreement by six nations in", "...
 * signed". */
static int dangling(const x_ctx *x, size_t i)
{
    return x_word(x, i, LXW_DANGLING) || x_word(x, i, LXW_AGREEMENT_PARTICIPLE) ||
           x_is(x, i, "-");
}

/*
 * A lower-case "-ing" word before an article or a possessive: it opens what
 * an agreement does ("an agreement ending a dispute", "a memorandum affirming
 * their partnership"), not a noun ("the agreement signing ceremony").
 */
static int gerund(const x_ctx *x, size_t j)
{
    const evg_i_tok *t = &x->toks.toks[j];
    const char *f = x_fold(x, j);

    return (t->flags & EVG_TK_WORD) && !(t->flags & (EVG_TK_CAP | EVG_TK_ALLCAPS)) &&
           t->fold_len > 5 && evg_i_lx_ends_in(x->lx, LXL_GERUND_SUFFIXES, f) &&
           j + 1 < x->s1 &&
           (x_word(x, j + 1, LXW_THE) || x_word(x, j + 1, LXW_INDEFINITE) ||
            x_word(x, j + 1, LXW_POSSESSIVE));
}

/* Whether what an agreement is about ends before token e: a clause or a tail begins. */
static int ends_complement(const x_ctx *x, size_t e)
{
    uint16_t f = x->toks.toks[e].flags;
    return ((f & EVG_TK_PUNCT) && !x_is(x, e, "-") && !x_is(x, e, "'") &&
            !x_is(x, e, "%")) ||
           x_word(x, e, LXW_AGR_RIGHT_STOP) || tail_at(x, e) || bare_tail_at(x, e);
}

/*
 * What it is about: "to reschedule some 7.5 billion dlrs", at most
 * agreement_complement_max_words words (a name, not the sentence), ending
 * before a clause or a tail. `*cs_out` receives where it starts, after a
 * participle ("reached", "signed") that is not part of the name.
 */
static size_t described_end(const x_ctx *x, size_t k, size_t *cs_out)
{
    size_t e = k + x->mlen[k], j = e;

    *cs_out = e;
    /*
     * "an agreement reached between ...", "the deal signed in Cairo";
     * "agreement also was reached in December between A and B": after a
     * passive and a tail, only the parties ("between", "with") belong to it
     */
    size_t p = j;
    while (p < x->s1 && p - j < 3 &&
           (x_word(x, p, LXW_BE) || x_word(x, p, LXW_ADVERBIAL)))
        p++;
    if (p < x->s1 && x_word(x, p, LXW_AGREEMENT_PARTICIPLE)) {
        size_t after = p + 1, q = after;
        if (q < x->s1 && tail_at(x, q))
            for (q++; q < x->s1 && q - after < 5 && !x_word(x, q, LXW_BETWEEN) &&
                      !x_word(x, q, LXW_WITH) && !(x->toks.toks[q].flags & EVG_TK_PUNCT);
                 q++)
                ;
        if (p == j && q == after)
            j = after;
        else if (q < x->s1 && (x_word(x, q, LXW_BETWEEN) || x_word(x, q, LXW_WITH)))
            j = q;
    }
    if (j >= x->s1 || tail_at(x, j) ||
        !(x_word(x, j, LXW_AGR_COMPLEMENT) || gerund(x, j)))
        return e;
    /* "to" opens a purpose only before a verb-like word, not "to the US" */
    if (x_word(x, j, LXW_INFINITIVE) && j + 1 < x->s1 &&
        (x_word(x, j + 1, LXW_THE) || (x->toks.toks[j + 1].flags & EVG_TK_CAP)))
        return e;
    *cs_out = j;
    int pair = x_word(x, j, LXW_BETWEEN);
    for (e = j + 1;
         e < x->s1 && e - j <= x_param(x, EVG_P_AGREEMENT_COMPLEMENT_MAX_WORDS); e++) {
        if (ends_complement(x, e))
            break;
        /* "the trade agreement and the fisheries accord": another thing; not the
         * second of a pair ("between Nigeria and the Paris Club") */
        if (x_word(x, e, LXW_AND) && e + 1 < x->s1 &&
            (x_word(x, e + 1, LXW_THE) || x_word(x, e + 1, LXW_INDEFINITE))) {
            if (!pair)
                break;
            pair = 0;
        }
        /* "the arrangement with Trade Minister X": the counterpart is no part of it */
        if (x_is_cap(x, e) && opens_title(x, e))
            break;
    }
    /* cut by the limit, not by a stop: end before its last phrase, which the limit cut
     * short ("... spare parts for its ageing" -> "... spare parts") */
    if (e < x->s1 && e - j > x_param(x, EVG_P_AGREEMENT_COMPLEMENT_MAX_WORDS) &&
        !ends_complement(x, e))
        for (size_t c = e; c-- > j + 2;)
            if (dangling(x, c)) {
                e = c;
                break;
            }
    while (e > j && dangling(x, e - 1))
        e--;
    if (e == j) { /* "an agreement with" and nothing it is about */
        *cs_out = k + x->mlen[k];
        return *cs_out;
    }
    return e;
}

/* A number in the modifiers, other than a year alone: "five billion stg", "1987-88". */
static int numbered(const x_ctx *x, size_t s, size_t k)
{
    for (size_t i = s; i < k; i++) {
        const evg_i_tok *t = &x->toks.toks[i];
        if (x_word(x, i, LXW_NUMBER))
            return 1;
        if ((t->flags & EVG_TK_NUM) && !(t->end - t->start == 4 && k - s == 1))
            return 1;
    }
    return 0;
}

/*
 * Whether the sentence is about states: a country, an organization or an
 * official in it, or an official of a country, a meeting or two countries
 * earlier in the article ("Egypt and Israel ... The protocol establishing").
 */
static int political(const x_ctx *x)
{
    if (x->nevents > 0 || x->two_countries_at < x->s1)
        return 1;
    for (size_t p = 0; p < x->npeople; p++)
        if (!x->people[p].weak && (x->people[p].country >= 0 || x->people[p].org >= 0))
            return 1;
    for (size_t i = x->s0; i < x->s1; i++)
        if (x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL | LX_ORG))
            return 1;
    for (size_t m = x->nment; m-- > 0 && x->ment[m].sent == x->sent;)
        if (x->ment[m].person >= 0 && !x->people[x->ment[m].person].weak)
            return 1;
    return 0;
}

/* The two countries the article names most, in the order it first names them. */
static int two_countries(const x_ctx *x, int *a, int *b)
{
    int counts[512], order[512], n = 0;

    if (x->lx->ncountry > 512)
        return 0;
    memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < x->toks.n; i++) {
        if (!(x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)))
            continue;
        int c =
            evg_i_lx_country_at(x->lx, x->mp[i].countries, x->mp[i].ncountries, x->date);
        if (c >= 0 && counts[c]++ == 0)
            order[n++] = c;
    }
    *a = *b = -1;
    for (int k = 0; k < n; k++) {
        int c = order[k];
        if (*a < 0 || counts[c] > counts[*a]) {
            *b = *a;
            *a = c;
        } else if (*b < 0 || counts[c] > counts[*b]) {
            *b = c;
        }
    }
    if (*a < 0 || *b < 0)
        return 0;
    for (int k = 0; k < n; k++) /* back into the article's order */
        if (order[k] == *b) {
            int t = *a;
            *a = *b;
            *b = t;
            break;
        } else if (order[k] == *a) {
            break;
        }
    return 1;
}

/* Append tokens [s, e) as written, "the two countries" named ("Venezuela and China"). */
static int put_span(x_ctx *x, size_t s, size_t e)
{
    int a, b;
    for (size_t i = s; i < e; i++) {
        const evg_i_tok *t = &x->toks.toks[i];
        size_t pair = x_phrase(x, i, e, LXW_COUNTRY_PAIR);
        if (pair && two_countries(x, &a, &b)) {
            if ((i > s && evg_i_buf_putc(&x->tmp, ' ') < 0) ||
                evg_i_buf_printf(&x->tmp, "%s and %s", x->lx->country[a].name,
                                 x->lx->country[b].name) < 0)
                return EVG_ENOMEM;
            i += pair - 1;
            continue;
        }
        if (i > s && t->start > x->toks.toks[i - 1].end &&
            evg_i_buf_putc(&x->tmp, ' ') < 0)
            return EVG_ENOMEM;
        if (evg_i_buf_put(&x->tmp, x->text + t->start, t->end - t->start) < 0)
            return EVG_ENOMEM;
    }
    return 0;
}

/*
 * A lower-case agreement: "an agreement to limit production", "a trade
 * deal between Venezuela and China", "the five billion stg deal". "The
 * agreement" alone refers back to one already found. Returns the name
 * (arena) or NULL.
 */
static const char *described(x_ctx *x, size_t k, size_t *s_out, size_t *e_out)
{
    const char *kind = x->mp[k].kind;
    size_t s = described_start(x, k), ke = k + x->mlen[k], cs,
           e = described_end(x, k, &cs);
    size_t s_all = s;

    /* "a similar accord with Belmont": which one, the rest tells */
    while (s < k && x_word(x, s, LXW_AGR_VAGUE))
        s++;
    int definite = s_all > x->s0 && x_word(x, s_all - 1, LXW_AGREEMENT_DET);
    int possessive = s_all > x->s0 && x_word(x, s_all - 1, LXW_POSSESSIVE);

    /*
     * "its package to save ...": one named before; "the most important agreement": praise
     */
    int alone = standalone(x, k);
    const char *named;

    if ((possessive && s == k && !alone) || (s < k && x_word(x, s, LXW_SUPERLATIVE)))
        return NULL;
    if (unreal(x, s_all, k))
        return NULL;
    /* "The Valmora Pact is an agreement between seven states": what one named is */
    if (s_all > x->s0 + 2 && x_word(x, s_all - 1, LXW_INDEFINITE) &&
        x_word(x, s_all - 2, LXW_BE) && x->in_agreement[s_all - 3])
        return NULL;

    if (evg_i_lx_in_list(x->lx, LXL_NAMED_ONLY_KINDS, kind))
        return NULL;
    /* "to deal with", "help deal with debt", "a great deal of"; but a noun with its
     * article or modifiers: "a deal with the banks", "the refinancing deal with" */
    if ((k > x->s0 && x_word(x, k - 1, LXW_NOT_AGREEMENT_BEFORE)) ||
        (x_phrase(x, k, x->s1, LXW_NOT_AGREEMENT) && s_all == k &&
         !(s > x->s0 && (x_word(x, s - 1, LXW_INDEFINITE) || definite || possessive))))
        return NULL;
    /* "the agreement" refers back; "the five billion stg deal" names one; without what
     * it is about, one word before it is not enough ("wage agreements") */
    /* "the protocol establishing the zones" after "a trade protocol": that one */
    if ((definite || possessive) && s == k && kind_found(x, kind))
        return NULL;
    /* "a collaboration arrangement to ..." after "the Indigenous Collaboration
     * Arrangement": that one, by its name */
    if (s < k && (named = named_with_tail(x, s, ke)) != NULL) {
        *s_out = s;
        *e_out = ke;
        return named;
    }
    if (alone) {
        /* a kind that names one alone needs nothing more */
    } else if (e == ke &&
               modifier_words(x, s, k) + made(x, s_all) <
                   x_param(x, EVG_P_AGREEMENT_MIN_MODIFIERS) &&
               (definite ? !numbered(x, s, k) : 1)) {
        return NULL;
    }
    if (!alone && !political(x))
        return NULL;
    /* "an accord on loans was needed": wished for */
    if (x_phrase(x, e, x->s1, LXW_AGR_UNREAL_AFTER))
        return NULL;
    /* "a provisional deal on a directive": law-making */
    for (size_t i = cs; i < e; i++)
        if (x_word(x, i, LXW_AGR_LAW_NOUN))
            return NULL;
    /*
     * "agreement on an EU-UK trade agreement": the one it is about, found next;
     * not "an agreement to pursue talks toward a deal"
     */
    for (size_t i = cs; i < e && !x_word(x, i, LXW_INFINITIVE); i++)
        if ((x_cls(x, i) & LX_AGREEMENT) && strcmp(x->mp[i].kind, kind) == 0)
            return NULL;
    *s_out = s;
    *e_out = e;
    evg_i_buf_clear(&x->tmp);
    if (put_span(x, s, ke) < 0 ||
        (cs < e && (evg_i_buf_putc(&x->tmp, ' ') < 0 || put_span(x, cs, e) < 0)))
        return NULL;
    return evg_i_arena_strdup(&x->arena, x->tmp.ptr);
}

static int find_kinds(x_ctx *x, int *found, int max);

/*
 * The agreements of the sentence. A verb is never one: "both sides agreed to
 * open talks" names no agreement; "the agreement to open talks" does.
 */
int x_find_agreements(x_ctx *x, int *found, int max)
{
    return find_kinds(x, found, max);
}

/*
 * The headline's agreements, read after the body: only a kind that names one
 * alone, and only when the body names none of its kind. A release headed
 * "Ardania and Belmont: joint statement" is that statement; other kind words
 * in a headline, all capitalized, tell nothing of a name.
 */
int x_find_headline_agreements(x_ctx *x)
{
    for (size_t k = x->s0; k < x->s1; k++) {
        const char *name;
        if (!(x_cls(x, k) & LX_AGREEMENT) || !standalone(x, k) ||
            kind_found(x, x->mp[k].kind))
            continue;
        if ((name = x_span_text(x, k, k + x->mlen[k])) == NULL ||
            agreement_for(x, name, x->mp[k].kind) < 0)
            return EVG_ENOMEM;
        k += x->mlen[k] - 1;
    }
    return 0;
}

/* Whether a capitalized phrase starting at s follows a title head and "for" or "of". */
static int portfolio(const x_ctx *x, size_t s)
{
    if (s < x->s0 + 2 || !x_word(x, s - 1, LXW_TITLE_LINK))
        return 0;
    for (size_t k = s - 1; k-- > x->s0 && s - k <= x_param(x, EVG_P_PORTFOLIO_MAX_WORDS);)
        if (x_cls(x, k) & LX_HEAD)
            return 1;
    return 0;
}

/*
 * Whether the capitalized name around the kind word at k, ending at e, is a
 * body: "North Ardanian Treaty Organisation", "Charter Savings Association of
 * Sarn"; not "Compact of Free Association" nor "Agreement to Amend the Charter
 * of the Commission", where a lower-case word follows the kind word.
 */
static int body(const x_ctx *x, size_t k, size_t e)
{
    size_t ke = k + x->mlen[k];
    if (ke >= e || !capword(x, ke))
        return 0;
    for (size_t i = ke; i < e; i++)
        if (x_word(x, i, LXW_BODY_HEAD))
            return 1;
    return 0;
}

/* Whether an agreement first made on `from` (NULL: any day) exists at `date`. */
static int made_by(const char *from, const char *date)
{
    return from == NULL || date == NULL || strcmp(date, from) >= 0;
}

/*
 * The agreement found before whose name gives the acronym at token k in
 * brackets ("Northern Pacific Fisheries Treaty (NORPACT)"), or -1.
 */
static int defined_acronym(const x_ctx *x, size_t k)
{
    const evg_i_tok *t = &x->toks.toks[k];
    size_t n = t->end - t->start;

    if (!(t->flags & EVG_TK_ALLCAPS) || n < 2 || x->in_agreement[k])
        return -1;
    if (memchr(x->text + t->start, ')', n) == NULL) /* the index holds what ')' ends */
        return (int)evg_i_strmap_get(&x->agr_by_paren, x->text + t->start, n);
    for (size_t a = 0; a < x->nagrs; a++) {
        const char *open = strchr(x->agrs[a].name, '(');
        if (open && strncmp(open + 1, x->text + t->start, n) == 0 && open[1 + n] == ')')
            return (int)a;
    }
    return -1;
}

/* Agreements named by a kind word: treaties, declarations, deals. */
static int find_kinds(x_ctx *x, int *found, int max)
{
    int n = 0;

    for (size_t k = x->s0; k < x->s1 && n < max; k++) {
        long known;
        size_t len;
        int a;
        /* "NAFTA", "New START", "the Iran nuclear deal": a well-known one by its name */
        if ((x->toks.toks[k].flags & (EVG_TK_CAP | EVG_TK_ALLCAPS)) &&
            (len = evg_i_lx_known_at(&known, x->lx, x->text, &x->toks, k, x->s1,
                                     &x->tmp)) &&
            made_by(x->lx->known[known].from, x->date) &&
            !(k + len < x->s1 &&
              capword(x, k + len))) { /* not "... Section 432 Review" */
            if ((a = agreement_for(x, x->lx->known[known].name,
                                   x->lx->known[known].kind)) < 0)
                return EVG_ENOMEM;
            x->agr_at[n] = k;
            found[n++] = a;
            for (size_t i = k; i < k + len; i++)
                x->in_agreement[i] = 1;
            k += len - 1;
            continue;
        }
        /* "NORPACT" after "the Northern Pacific Fisheries Treaty (NORPACT)" */
        if ((a = defined_acronym(x, k)) >= 0) {
            x->agr_at[n] = k;
            found[n++] = a;
            x->in_agreement[k] = 1;
            continue;
        }
        if (!(x_cls(x, k) & LX_AGREEMENT))
            continue;
        const char *kind = x->mp[k].kind;
        size_t s, e;
        a = -2;
        const char *name = NULL;
        if (capword(x, k)) {
            named_span(x, k, &s, &e);
            /* "Special Envoy for Compact Negotiations": a title's portfolio, no agreement
             */
            if (portfolio(x, s) || body(x, k, e))
                continue;
            /* A lone capitalized kind word needs "the ... of X" or another capitalized
             * word. */
            if ((e - s > x->mlen[k] || (standalone(x, k) && !kind_found(x, kind))) &&
                (name = x_span_text(x, s, e)) == NULL)
                return EVG_ENOMEM;
        } else {
            name = described(x, k, &s, &e);
        }
        if (name)
            a = acronym_of(x, s, e);
        if (name && a < 0) {
            size_t before = x->nagrs;
            a = agreement_for(x, name, kind);
            /* a new description: its head, to find its name later in the article */
            if (a >= 0 && x->nagrs > before && !capword(x, k) && s < k &&
                (x->agrs[a].head = x_span_text(x, s, k + x->mlen[k])) == NULL)
                return EVG_ENOMEM;
        }
        if (a == -1)
            return EVG_ENOMEM;
        if (a >= 0) {
            x->agr_at[n] = s;
            found[n++] = a;
            for (size_t i = s; i < e; i++)
                x->in_agreement[i] = 1;
            k = e - 1;
        }
    }
    return n;
}

/*
 * What an event does with the sentence's agreement i, as far as the words
 * before it in its clause tell: "negotiating", "ratified", "withdrew from";
 * referenced when none does, or when it is negated or wished ("refused to
 * ratify", "did not withdraw from"). A signing is decided by its trigger.
 */
evg_agreement_rel x_agreement_relation(const x_ctx *x, int i)
{
    static const struct {
        lx_wclass cls;
        evg_agreement_rel rel;
    } VERBS[] = {{LXW_AGR_NEGOTIATING, EVG_REL_NEGOTIATED},
                 {LXW_AGR_RATIFYING, EVG_REL_RATIFIED},
                 {LXW_AGR_WITHDRAWING, EVG_REL_WITHDRAWN}};
    size_t at = x->agr_at[i], w = x_param(x, EVG_P_AGREEMENT_RELATION_WINDOW);
    size_t from = at > x->s0 + w ? at - w : x->s0;

    for (size_t j = at; j > from; j--)
        if ((x->toks.toks[j - 1].flags & EVG_TK_PUNCT) && !x_is(x, j - 1, "-")) {
            from = j;
            break;
        }
    for (size_t v = at; v-- > from;) /* the nearest verb first */
        for (size_t k = 0; k < sizeof VERBS / sizeof *VERBS; k++) {
            if (!x_phrase(x, v, at, VERBS[k].cls))
                continue;
            for (size_t n = v > x->s0 + 3 ? v - 3 : x->s0; n < v; n++)
                if ((x_cls(x, n) & LX_NEGATION) || x_phrase(x, n, v, LXW_AGR_UNREAL))
                    return EVG_REL_REFERENCED;
            return VERBS[k].rel;
        }
    return EVG_REL_REFERENCED;
}

/*
 * After the article: a description whose modifiers and kind word end a name
 * the article gives later ("a collaboration arrangement to ..." before "the
 * Indigenous Collaboration Arrangement") is that named agreement.
 */
int x_settle_agreements(x_ctx *x)
{
    evg_i_strmap named = EVG_I_STRMAP_INIT; /* the tails of the named ones */
    int rc = 0;

    /* a named one (no head) is never the description of another: same_as stays -1 */
    for (size_t b = 0; b < x->nagrs && rc == 0; b++)
        if (x->agrs[b].head == NULL)
            rc = index_tails(x, &named, x->agrs[b].name, b);
    for (size_t a = 0; a < x->nagrs && rc == 0; a++) {
        long b;
        if (x->agrs[a].head != NULL && (b = with_tail(x, &named, x->agrs[a].head)) >= 0)
            x->agrs[a].same_as = (int)b;
    }
    evg_i_strmap_free(&named);
    return rc;
}
