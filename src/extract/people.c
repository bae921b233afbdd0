/*
 * People in the text: a title run followed by a name ("Azerbaijan's Defense
 * Minister, Colonel General Zakir Hasanov"), a name with a title in
 * apposition ("Werner Seifert, its chief"), later mentions by surname
 * ("Minister Hasanov") or by title ("the minister"), pronouns, and
 * delegations with their leaders ("a delegation led by ...", "the Turkish
 * guests"). Time complexity: O(t * w) for t tokens and the longest lexicon
 * phrase w; a name is looked up in hash tables of the people's words (their
 * surnames, given names, inner names and title words), so a mention costs
 * the people who share its words, not all the people found so far.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"
#include "util/utf8.h"

/* ---- people ----------------------------------------------------------- */

static int same_folded(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/*
 * Whether the folded word `w` is an inner word of a person's full name, neither
 * the first nor the last: "Minister Raineri" after "Ricardo Raineri Bernain",
 * whose first surname comes before the second.
 */
static int inner_name(x_ctx *x, const x_person *p, const char *w)
{
    const char *first, *last;

    evg_i_buf_clear(&x->tmp);
    if (evg_i_fold(&x->tmp, p->name, strlen(p->name)) < 0 ||
        (first = strchr(x->tmp.ptr, ' ')) == NULL)
        return 0;
    last = strrchr(x->tmp.ptr, ' ');
    size_t n = strlen(w);
    for (const char *q = first + 1; q < last; q++)
        if ((q[-1] == ' ') && strncmp(q, w, n) == 0 && q[n] == ' ')
            return 1;
    return 0;
}

/* ---- the indexes of people ---------------------------------------------- */

/* Add person p to the chain of `key` in `m`. 0 or EVG_ENOMEM. */
static int chain_add(x_ctx *x, evg_i_strmap *m, const char *key, size_t len, int p)
{
    if (evg_i_grow((void **)&x->plink, &x->cap_plink, x->nplink + 1, sizeof(*x->plink)) <
        0)
        return EVG_ENOMEM;
    x->plink[x->nplink].person = p;
    x->plink[x->nplink].next = evg_i_strmap_get(m, key, len);
    if (evg_i_strmap_put(m, key, len, (long)x->nplink) < 0)
        return EVG_ENOMEM;
    x->nplink++;
    return 0;
}

/* The first link of the chain of `key` in `m`, -1 when none. */
static long chain_of(const evg_i_strmap *m, const char *key)
{
    return evg_i_strmap_get(m, key, strlen(key));
}

/* Whether folded `w` is a single word: the indexes hold words, a spaced key is
 * looked up by reading everyone. */
static int one_word(const char *w)
{
    return strchr(w, ' ') == NULL;
}

/* Index the inner words of p's name as written now (inner_name() reads them). */
static int index_inner(x_ctx *x, int p)
{
    const char *name = x->people[p].name, *first, *last;

    evg_i_buf_clear(&x->tmp);
    if (evg_i_fold(&x->tmp, name, strlen(name)) < 0)
        return EVG_ENOMEM;
    if ((first = strchr(x->tmp.ptr, ' ')) == NULL)
        return 0;
    last = strrchr(x->tmp.ptr, ' ');
    for (const char *q = first + 1; q < last; q++)
        if (q[-1] == ' ' && *q != ' ' &&
            chain_add(x, &x->by_inner, q, strcspn(q, " "), p) < 0)
            return EVG_ENOMEM;
    return 0;
}

/* Index a new person: surname, given name, inner words. */
static int index_person(x_ctx *x, int p)
{
    const x_person *pp = &x->people[p];

    if (chain_add(x, &x->by_surname, pp->surname, strlen(pp->surname), p) < 0 ||
        (pp->given && chain_add(x, &x->by_given, pp->given, strlen(pp->given), p) < 0))
        return EVG_ENOMEM;
    return index_inner(x, p);
}

/* Index title t of person p by its folded words (split at spaces and hyphens). */
static int index_title(x_ctx *x, int p, const char *t)
{
    evg_i_buf_clear(&x->tmp);
    if (evg_i_fold(&x->tmp, t, strlen(t)) < 0)
        return EVG_ENOMEM;
    for (const char *q = x->tmp.ptr; *q; q++) {
        size_t n = strcspn(q, " -");
        if ((q == x->tmp.ptr || q[-1] == ' ' || q[-1] == '-') && n &&
            chain_add(x, &x->by_title, q, n, p) < 0)
            return EVG_ENOMEM;
    }
    return 0;
}

static int same_folded(const char *a, const char *b);

/* Whether someone found so far has surname `sur`. */
static int surname_known(const x_ctx *x, const char *sur)
{
    return chain_of(&x->by_surname, sur) >= 0;
}

/* Whether someone has the given name `w`, or (inner) w as an inner word of the
 * name; the latest such person, -1 when none. */
static int latest_given(x_ctx *x, const char *w)
{
    int best = -1;

    if (!one_word(w)) {
        for (size_t p = x->npeople; p-- > 0;)
            if (same_folded(x->people[p].given, w))
                return (int)p;
        return -1;
    }
    for (long l = chain_of(&x->by_given, w); l >= 0; l = x->plink[l].next) {
        int p = x->plink[l].person; /* given names change: the chain holds old ones too */
        if (p > best && same_folded(x->people[p].given, w))
            best = p;
    }
    return best;
}

static int inner_name(x_ctx *x, const x_person *p, const char *w);

/* The latest person with `w` as an inner word of the name, -1 when none. */
static int latest_inner(x_ctx *x, const char *w)
{
    int best = -1;

    if (!one_word(w)) {
        for (size_t p = x->npeople; p-- > 0;)
            if (inner_name(x, &x->people[p], w))
                return (int)p;
        return -1;
    }
    for (long l = chain_of(&x->by_inner, w); l >= 0; l = x->plink[l].next) {
        int p = x->plink[l].person; /* names grow: the chain holds old forms too */
        if (p > best && inner_name(x, &x->people[p], w))
            best = p;
    }
    return best;
}

/* The person a name [s, e) refers to, created when new. Returns -1 on OOM. */
static int person_for(x_ctx *x, size_t s, size_t e)
{
    const char *name = x_span_text(x, s, e);
    int found = -1;

    e = x_name_core_end(x, s, e);
    const char *sur = x_fold(x, e - 1), *given = e - s > 1 ? x_fold(x, s) : NULL;

    if (name == NULL)
        return -1;
    /*
     * One word for someone named before: after a title, the name that comes first
     * ("Prince Tamir" after "Crown Prince Tamir bin Aldan", "Deputy Minister Vo" after
     * "Vo Van Lanh"); and "Ferrer" alone after "Marisol Ferrer Quintana", the first of
     * two surnames. Not when someone has it as surname.
     */
    if (e - s == 1 && !surname_known(x, sur)) {
        int titled = s > x->s0 && (x_cls(x, s - 1) & (LX_HEAD | LX_RANK | LX_HONOR));
        int by_given = titled ? latest_given(x, sur) : -1, inner = latest_inner(x, sur);
        if (by_given >= 0 || inner >= 0)
            return by_given > inner ? by_given : inner;
    }
    /* The people of that surname, the latest first (a surname never changes). */
    long chain = chain_of(&x->by_surname, sur);
    /* "Mr. Menezes Pinto" after "João Menezes Pinto": the end of a longer name */
    for (long l = chain; e - s > 1 && l >= 0; l = x->plink[l].next) {
        int p = x->plink[l].person;
        const char *full = x->people[p].name;
        if (strlen(full) > strlen(name) &&
            strcmp(full + strlen(full) - strlen(name), name) == 0 &&
            full[strlen(full) - strlen(name) - 1] == ' ')
            return p;
    }
    /*
     * The gazetteer's holder of an office at the date owns his surname: "President
     * Reagan" is not the "Nancy Reagan" named after him without a title, and a bare
     * "Reagan" after both is the President.
     */
    int shared = 0,
        untitled = !(s > x->s0 && (x_cls(x, s - 1) & (LX_HEAD | LX_RANK | LX_HONOR)));
    for (long l = chain; l >= 0 && shared < 2; l = x->plink[l].next)
        shared++;
    for (long l = chain; l >= 0; l = x->plink[l].next) {
        x_person *pp = &x->people[x->plink[l].person];
        if (given && pp->given && !same_folded(pp->given, given) &&
            pp->given[0] != given[0])
            continue;
        if (given && untitled && pp->given == NULL && pp->ntitles > 0 &&
            x_listed_given_differs(x, sur, given))
            continue;
        if (!given && shared > 1 && pp->given &&
            x_listed_given_differs(x, sur, pp->given))
            continue;
        found = x->plink[l].person;
        break;
    }
    if (found >= 0) {
        x_person *pp = &x->people[found];
        if (given && (pp->given == NULL || strlen(name) > strlen(pp->name))) {
            pp->name = name; /* the fullest form seen */
            pp->given = evg_i_arena_strdup(&x->arena, given);
            if (pp->given == NULL ||
                chain_add(x, &x->by_given, pp->given, strlen(pp->given), found) < 0 ||
                index_inner(x, found) < 0)
                return -1;
        }
        return found;
    }
    if (evg_i_grow((void **)&x->people, &x->cap_people, x->npeople + 1,
                   sizeof(*x->people)) < 0)
        return -1;
    x_person *np = &x->people[x->npeople];
    memset(np, 0, sizeof *np);
    np->name = name;
    np->surname = evg_i_arena_strdup(&x->arena, sur);
    np->given = given ? evg_i_arena_strdup(&x->arena, given) : NULL;
    np->country = np->org = -1;
    np->first_tok = s;
    np->last_ment = np->ev_chain = -1;
    if (np->surname == NULL || (given && np->given == NULL) ||
        index_person(x, (int)x->npeople) < 0)
        return -1;
    return (int)x->npeople++;
}

/* Whether every word of title a occurs in title b (both as written). */
static int title_within(x_ctx *x, const char *a, const char *b)
{
    evg_i_buf fa = EVG_I_BUF_INIT;
    int inside = 1;

    if (evg_i_fold(&fa, a, strlen(a)) < 0)
        return 0;
    evg_i_buf_clear(&x->tmp);
    if (evg_i_fold(&x->tmp, b, strlen(b)) < 0)
        inside = 0;
    for (char *w = fa.ptr, *end; inside && w && *w; w = end ? end + 1 : NULL) {
        end = strchr(w, ' ');
        size_t n = end ? (size_t)(end - w) : strlen(w);
        int found = 0;
        for (const char *q = x->tmp.ptr; !found && (q = strstr(q, w)) != NULL; q++)
            found = (q == x->tmp.ptr || q[-1] == ' ') && (q[n] == '\0' || q[n] == ' ');
        inside = found;
        (void)n;
    }
    evg_i_buf_free(&fa);
    return inside;
}

/* Add a title unless the person already holds it, or a fuller one ("Minister" after
 * "Defense Minister"); a fuller one replaces a shorter. */
static int add_title(x_ctx *x, x_person *p, size_t s, size_t e)
{
    const char *t = x_span_text(x, s, e);
    if (t == NULL)
        return EVG_ENOMEM;
    for (int k = 0; k < p->ntitles; k++) {
        if (title_within(x, t, p->titles[k]))
            return 0;
        if (title_within(x, p->titles[k], t)) {
            p->titles[k] = t;
            return index_title(x, (int)(p - x->people), t);
        }
    }
    if (p->ntitles < X_MAX_TITLES) {
        p->titles[p->ntitles++] = t;
        return index_title(x, (int)(p - x->people), t);
    }
    return 0;
}

/* Give person p what a title run says: titles, country, organization. */
static int apply_titles(x_ctx *x, int p, const x_title_info *ti)
{
    x_person *pp = &x->people[p];

    for (int u = 0; u < ti->nunits; u++)
        if (x_unit_has_head(x, ti->ustart[u], ti->uend[u]) &&
            add_title(x, pp, ti->ustart[u], ti->uend[u]) < 0)
            return EVG_ENOMEM;
    pp->weak = 0;
    for (int u = 0; u < ti->nunits; u++)
        pp->official |= x_unit_has_head(x, ti->ustart[u], ti->uend[u]);
    pp->official |= ti->org >= 0;
    /* a country the title names beats one inferred or one a national title implies */
    if (ti->country >= 0 && (pp->country < 0 || pp->country_inferred ||
                             (pp->country_implied && !ti->country_implied))) {
        pp->country = ti->country;
        pp->country_inferred = 0;
        pp->country_implied = ti->country_implied;
    }
    if (ti->org >= 0 && pp->org < 0) {
        pp->org = ti->org;
        const lx_org *o = &x->lx->org[ti->org];
        if (pp->country < 0 && o->ncountries)
            pp->country =
                evg_i_lx_country_at(x->lx, o->countries, o->ncountries, x->date);
    }
    return 0;
}

/* Whether a person's titles mention the folded head word `head`. */
static int has_title_word(x_ctx *x, const x_person *p, const char *head)
{
    size_t hl = strlen(head);
    for (int k = 0; k < p->ntitles; k++) {
        evg_i_buf_clear(&x->tmp);
        if (evg_i_fold(&x->tmp, p->titles[k], strlen(p->titles[k])) < 0)
            return 0;
        for (const char *q = x->tmp.ptr; (q = strstr(q, head)) != NULL; q++)
            if ((q == x->tmp.ptr || q[-1] == ' ' || q[-1] == '-') &&
                (q[hl] == '\0' || q[hl] == ' ' || q[hl] == '-'))
                return 1;
    }
    return 0;
}

/* The most recently mentioned person, or -1. */
static int last_person(const x_ctx *x)
{
    return x->last_ref >= 0 ? x->ment[x->last_ref].person : -1;
}

/*
 * "he", "she": the person the text is about. Among the people of the last
 * two sentences that mention anyone, the one mentioned most so far (on a
 * tie, the first named in the latest of them): subjects recur, objects come
 * and go.
 */
static int salient_person(const x_ctx *x)
{
    size_t m, sents = 0, last_sent = (size_t)-1, best_sent = (size_t)-1;
    int best = -1, best_count = 0;

    x_sentence_mentions(x, &m);
    for (; m-- > 0;) {
        const x_mention *mm = &x->ment[m];
        if (mm->person < 0 || mm->kind == M_PLACE)
            continue;
        if (mm->sent != last_sent) {
            if (++sents > x_param(x, EVG_P_PRONOUN_SPAN_SENTENCES))
                break;
            last_sent = mm->sent;
        }
        int count = x->people[mm->person].mentions;
        /* on a tie, the one named first in the latest sentence: its subject */
        if (count > best_count || (count == best_count && mm->sent == best_sent)) {
            best = mm->person;
            best_count = count;
            best_sent = mm->sent;
        }
    }
    return best >= 0 ? best : last_person(x);
}

/* "the Saudi leader": the latest person of that country. */
static int person_by_country(const x_ctx *x, int country)
{
    for (size_t m = x->nment; m-- > 0;) {
        int p = x->ment[m].person;
        if (p >= 0 && x->ment[m].kind != M_PLACE && x->people[p].country == country)
            return p;
    }
    return -1;
}

/* Mentions read back from the latest before the people holding a title are looked up:
 * the one meant is most often named just before. */
#define RECENT_MENTIONS 32

/*
 * "the minister": the latest person mentioned whose title has that head word. The
 * latest mentions first; then, of the people whose titles hold the head's first word,
 * the one mentioned last.
 */
static int person_by_title(x_ctx *x, const char *head)
{
    size_t m = x->nment, stop = m > RECENT_MENTIONS ? m - RECENT_MENTIONS : 0, w;
    long best = -1;
    int found = -1;

    while (m-- > stop) {
        int p = x->ment[m].person;
        if (p >= 0 && x->ment[m].kind != M_PLACE &&
            has_title_word(x, &x->people[p], head))
            return p;
    }
    if ((w = strcspn(head, " -")) == 0) { /* no word to look up: everyone's titles */
        while (stop-- > 0) {
            int p = x->ment[stop].person;
            if (p >= 0 && x->ment[stop].kind != M_PLACE &&
                has_title_word(x, &x->people[p], head))
                return p;
        }
        return -1;
    }
    for (long l = evg_i_strmap_get(&x->by_title, head, w); l >= 0; l = x->plink[l].next) {
        const x_person *pp = &x->people[x->plink[l].person];
        if (pp->last_ment > best && has_title_word(x, pp, head)) {
            best = pp->last_ment;
            found = x->plink[l].person;
        }
    }
    return found;
}

/* ---- delegations ------------------------------------------------------ */

static int new_delegation(x_ctx *x, int leader, int country)
{
    if (evg_i_grow((void **)&x->dels, &x->cap_dels, x->ndels + 1, sizeof(*x->dels)) < 0)
        return EVG_ENOMEM;
    x->dels[x->ndels].leader = leader;
    x->dels[x->ndels].country = country;
    x->ndels++;
    if (leader >= 0) {
        x->people[leader].leads = 1;
        x->visitor = leader;
    }
    return 0;
}

/* The person mention starting exactly at token i, or -1. */
static int mention_at(const x_ctx *x, size_t i, size_t *end_out)
{
    for (size_t m = x->nment; m-- > 0;) {
        if (x->ment[m].sent != x->sent)
            break;
        if (x->ment[m].start == i && x->ment[m].kind == M_PERSON) {
            *end_out = x->ment[m].end;
            return x->ment[m].person;
        }
    }
    return -1;
}

/*
 * "a delegation led by X", "the Turkish delegation", "the guests", "the
 * delegation from the fraternal country": a mention resolved to the leader.
 */
static int delegation_at(x_ctx *x, size_t g)
{
    size_t s = g, e = g + x->mlen[g];
    int country = -1, definite = 0;

    if (s > x->s0 && (x_cls(x, s - 1) & LX_DEMONYM)) {
        s--;
        country = x_country_at(x, s);
    }
    if (s > x->s0 && x_word(x, s - 1, LXW_DELEGATION_DET)) {
        definite = 1;
        s--;
    } else if (s > x->s0 && x_word(x, s - 1, LXW_INDEFINITE)) {
        s--;
    }
    /* "led by X", "headed by X" */
    size_t k = e;
    if (k < x->s1 && x_is(x, k, ","))
        k++;
    if (k + 2 < x->s1 && x_word(x, k, LXW_LEADER_VERB) && x_word(x, k + 1, LXW_AGENT)) {
        size_t pend;
        int p = mention_at(x, k + 2, &pend);
        if (p < 0 && k + 3 < x->s1 && x_word(x, k + 2, LXW_THE))
            p = mention_at(x, k + 3, &pend);
        if (p >= 0) {
            if (country >= 0 && x->people[p].country < 0)
                x->people[p].country = country;
            if (new_delegation(x, p, country) < 0)
                return EVG_ENOMEM;
            return x_add_mention(x, M_DELEGATION, s, pend, p);
        }
    }
    if (!definite && country < 0)
        return 0; /* "a delegation" with no leader named: nothing to resolve yet */
    for (size_t d = x->ndels; d-- > 0;) {
        if (x->dels[d].leader < 0)
            continue;
        if (country >= 0 && x->dels[d].country >= 0 && x->dels[d].country != country)
            continue;
        return x_add_mention(x, M_DELEGATION, s, e, x->dels[d].leader);
    }
    return 0;
}

/* ---- quotations --------------------------------------------------------- */

/* Whether token i is a quotation mark: 1 opening, 0 closing, -1 either ('"'). */
static int quote_mark(const x_ctx *x, size_t i, int *open_out)
{
    const evg_i_tok *t = &x->toks.toks[i];
    const char *c = x->text + t->start;
    size_t n = t->end - t->start;

    if (!(t->flags & EVG_TK_PUNCT))
        return 0;
    if (n == 1 && c[0] == '"')
        *open_out = -1;
    else if (n == 3 && memcmp(c, "\xE2\x80\x9C", 3) == 0) /* left double quotation mark */
        *open_out = 1;
    else if (n == 3 &&
             memcmp(c, "\xE2\x80\x9D", 3) == 0) /* right double quotation mark */
        *open_out = 0;
    else
        return 0;
    return 1;
}

/* A verb that tells who spoke a quotation: "said", "noted". */
static int quote_verb(const x_ctx *x, size_t i)
{
    return x_word(x, i, LXW_SPEECH_VERB) || (x_cls(x, i) & LX_QUOTE_VERB);
}

/* The last word of the capitalized run (or pronoun) before a speech verb from k, or -1.
 */
static size_t speaker_before_verb(const x_ctx *x, size_t k)
{
    for (size_t e = k; e < x->toks.n && e - k <= x_param(x, EVG_P_SPEAKER_WORDS); e++) {
        if (quote_verb(x, e))
            return e > k ? e - 1 : (size_t)-1;
        if (!(x->toks.toks[e].flags & EVG_TK_WORD) ||
            (x->toks.toks[e].flags & EVG_TK_PARA))
            return (size_t)-1;
    }
    return (size_t)-1;
}

/*
 * Who spoke the quotation closing before token c: "..., Mr Rell says", "...,"
 * said the minister", or (looking before the opening mark o) "Rell said:
 * '...'". Returns the token of the speaker's last word, or (size_t)-1.
 */
static size_t quote_speaker_at(const x_ctx *x, size_t o, size_t c)
{
    size_t k = c, n = x->toks.n;

    if (k < n && x_is(x, k, ","))
        k++;
    if (k < n && quote_verb(x, k)) {
        size_t e = k + 1;
        while (e < n && e - k <= x_param(x, EVG_P_SPEAKER_WORDS) &&
               (x->toks.toks[e].flags & EVG_TK_WORD) &&
               !(x->toks.toks[e].flags & EVG_TK_POSS) && (x_is_cap(x, e) || x->mlen[e]))
            e++;
        return e > k + 1 ? e - 1 : (size_t)-1;
    }
    if (k < n && !(x->toks.toks[k].flags & EVG_TK_PARA)) {
        size_t s = speaker_before_verb(x, k);
        if (s != (size_t)-1)
            return s;
    }
    /* before the opening mark: "Rell said:" */
    if (o >= 2 && (x_is(x, o - 1, ":") || x_is(x, o - 1, ","))) {
        size_t v = o - 2;
        if (quote_verb(x, v))
            return v >= 1 && (x->toks.toks[v - 1].flags & EVG_TK_WORD) ? v - 1
                                                                       : (size_t)-1;
    }
    return (size_t)-1;
}

int x_find_quotes(x_ctx *x)
{
    size_t n = x->toks.n, open = (size_t)-1, cap = 0, nquotes = 0;

    free(x->quote_of);
    if ((x->quote_of = calloc(n ? n : 1, sizeof(*x->quote_of))) == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        int op, mark = quote_mark(x, i, &op);
        /* a quotation left open at a paragraph's end goes on in the next (or ends) */
        if (open != (size_t)-1 && (x->toks.toks[i].flags & EVG_TK_PARA) && !mark)
            open = (size_t)-1;
        if (!mark)
            continue;
        if (open == (size_t)-1 && op != 0) {
            open = i;
            continue;
        }
        if (open == (size_t)-1 || op == 1) {
            open = op == 1 ? i : (size_t)-1;
            continue;
        }
        if (evg_i_grow((void **)&x->speaker, &cap, nquotes + 1, sizeof(*x->speaker)) < 0)
            return EVG_ENOMEM;
        x->speaker[nquotes] = quote_speaker_at(x, open, i + 1);
        for (size_t k = open + 1; k < i; k++)
            x->quote_of[k] = (uint32_t)nquotes + 1;
        nquotes++;
        open = (size_t)-1;
    }
    return 0;
}

/* "we", "our" inside a quotation: the person who spoke it, by surname, or -1. */
static int quote_speaker(x_ctx *x, size_t i)
{
    uint32_t q = x->quote_of[i];
    size_t k, s;

    long l;

    if (q == 0 || (k = x->speaker[q - 1]) == (size_t)-1)
        return -1;
    if ((l = chain_of(&x->by_surname, x_fold(x, k))) >= 0)
        return x->plink[l].person; /* the latest of that surname */
    /* named only after the quotation ("'We met Varas,' Ilse Rell said"): the person is
     * made now, and gets the title the text gives when it is read */
    if (!x_is_cap(x, k) || x->mlen[k])
        return -1;
    for (s = k; s > 0 && k - s < 2 && x_is_cap(x, s - 1) && !x->mlen[s - 1]; s--)
        ;
    return k > s ? person_for(x, s, k + 1) : -1;
}

/* ---- the sentence scan ------------------------------------------------ */

static int is_pronoun(const x_ctx *x, size_t i)
{
    /* "her" before a noun is possessive ("her Mexican counterpart"); before a
     * preposition, a conjunction or a time word it is the object ("talks with her
     * yesterday") */
    if (x_word(x, i, LXW_OBJECT_OR_POSSESSIVE))
        return i + 1 >= x->s1 || !(x->toks.toks[i + 1].flags & EVG_TK_WORD) ||
               x_word(x, i + 1, LXW_OBJECT_FOLLOWER);
    return x_word(x, i, LXW_PERSONAL_PRONOUN);
}

/* "they", "both", "the two (leaders)": the people of the event in focus. */
static size_t group_ref(const x_ctx *x, size_t i)
{
    /* "Both praised ...", "they both": not "both countries" */
    if (x_word(x, i, LXW_GROUP_PRONOUN) ||
        (x_word(x, i, LXW_GROUP_QUANTIFIER) &&
         (i == x->s0 || x_word(x, i - 1, LXW_GROUP_PRONOUN) || x_is(x, i - 1, ","))))
        return i + 1;
    /* "the two leaders", "the two men"; not "the two countries" */
    if (x_word(x, i, LXW_THE) && i + 2 < x->s1 && x_word(x, i + 1, LXW_PAIR_NUMERAL)) {
        if (x_cls(x, i + 2) & (LX_HEAD | LX_GROUP))
            return i + 2 + x->mlen[i + 2];
        if (x_word(x, i + 2, LXW_GROUP_NOUN))
            return i + 3;
    }
    return i;
}

/* "King Harald of Norway": the country after a name; returns where the mention ends. */
static size_t country_after(x_ctx *x, int p, size_t ne)
{
    if (p < 0 || ne + 1 >= x->s1 || !x_word(x, ne, LXW_OF))
        return ne;
    size_t k = ne + 1;
    if (k + 1 < x->s1 && x_word(x, k, LXW_THE))
        k++;
    if (!(x_cls(x, k) & (LX_COUNTRY | LX_CAPITAL)))
        return ne;
    if (x->people[p].country < 0)
        x->people[p].country = x_country_at(x, k);
    return k + x->mlen[k];
}

/*
 * The name of a body in apposition, from token k: capitalized words and the
 * connectors between them, one of them a word of bodies ("Ministry",
 * "Department"), up to punctuation, a trigger, or an "and" before another
 * person. Returns its end, or k.
 */
static size_t body_apposition(const x_ctx *x, size_t k)
{
    x_title_info ti;
    size_t e = k;
    int body = 0;

    while (e < x->s1) {
        if (x_is_cap(x, e) && !(x_cls(x, e) & (LX_HEAD | LX_TRIGGER))) {
            body |= (x_cls(x, e) & (LX_NOUN | LX_ORG)) != 0;
            e++;
            continue;
        }
        /* "of" or "the" before a capitalized word, "of the" too */
        size_t next = e + 1 < x->s1 ? e + 1 + x_word(x, e + 1, LXW_THE) : x->s1;
        if (e == k || !(x_word(x, e, LXW_OF) || x_word(x, e, LXW_THE)) || next >= x->s1 ||
            !x_is_cap(x, next))
            break;
        e++;
    }
    if (!body || e == k)
        return k;
    /* what follows: punctuation, a verb of the event, or "and" and the next person */
    if (e >= x->s1 || (x->toks.toks[e].flags & EVG_TK_PUNCT) ||
        (x_cls(x, e) & LX_TRIGGER) ||
        (x_word(x, e, LXW_AND) && e + 1 < x->s1 &&
         (x_title_run(x, e + 1, &ti) > e + 1 || x_name_at(x, e + 1) > e + 1)))
        return e;
    return k;
}

/*
 * A title in apposition after a name ending at `ne`: ", its chief," or ",
 * Jordan's Minister of Planning." Returns its end (ne when there is none)
 * and fills `ti`.
 */
static size_t apposition(const x_ctx *x, size_t ne, x_title_info *ti)
{
    size_t k = ne;

    /* "A (President of Ardania), and B": a title in brackets */
    if (k + 2 < x->s1 && x_is(x, k, "(")) {
        size_t te = x_title_run(x, k + 1, ti);
        return te > k + 1 && te < x->s1 && x_is(x, te, ")") ? te + 1 : ne;
    }
    if (k + 1 >= x->s1 || !x_is(x, k, ","))
        return ne;
    k++;
    if (x_word(x, k, LXW_POSSESSIVE))
        k++;
    size_t te = x_title_run(x, k, ti), body;
    /* "A, Ardanian Ministry of Trade, signed", "B, Department of Fisheries and C":
     * the body a person speaks for, in apposition */
    if (te == k && (body = body_apposition(x, k)) > k)
        return body;
    /*
     * An apposition closes: "X, its chief, said"; "Bush, the Crown Prince paid" does not.
     */
    int closed = te >= x->s1 || (x->toks.toks[te].flags & EVG_TK_PUNCT) ||
                 x_word(x, te, LXW_SUBJECT_RELATIVE);
    /* "A, the Minister of X, B, and ...": a bare name after the comma is the title's
     * own (the list is written title first); "A, Minister of X, Mr B, ..." is not */
    x_title_info next;
    if (closed && te + 1 < x->s1 && x_is(x, te, ",") &&
        x_title_run(x, te + 1, &next) == te + 1 && x_name_at(x, te + 1) > te + 1)
        return ne;
    return te > k && closed ? te : ne;
}

/* Whether a title run [i, te) names its countries after "of": "Ministers of A and B". */
static int of_countries(const x_ctx *x, size_t i, size_t te)
{
    for (size_t k = i; k + 1 < te; k++) {
        size_t c = k + 1 + x_word(x, k + 1, LXW_THE);
        if (x_word(x, k, LXW_OF) && c < x->s1 && (x_cls(x, c) & LX_COUNTRY))
            return 1;
    }
    return 0;
}

/*
 * After a plural title ending at te, its names: "the foreign ministers of A, B and
 * C -- X, Y and Z --", "..., X, Y and Z, held": a comma, a dash or a colon, then two
 * names or more joined by commas and "and". Each is a person with the title.
 * Returns the end of the list, te when there is none, (size_t)-1 on OOM.
 */
static size_t plural_names(x_ctx *x, size_t i, size_t te, const x_title_info *title)
{
    size_t spans[2 * X_MAX_SIDE], k = te;
    x_title_info t = *title, *ti = &t;
    int n = 0;

    /* "the ministers of A, B and C": which is whose, the title does not say */
    t.country = t.implied = -1;

    if (k >= x->s1 || !(x_is(x, k, ",") || x_is(x, k, ":") || x_is_dash(x, k)))
        return te;
    for (k++; k < x->s1 && n < X_MAX_SIDE;) {
        size_t e = x_name_at(x, k);
        if (e < k + 2)
            break;
        spans[2 * n] = k;
        spans[2 * n + 1] = e;
        n++;
        k = e;
        int comma = k < x->s1 && x_is(x, k, ",");
        k += comma;
        if (k < x->s1 && x_word(x, k, LXW_AND))
            k++;
        else if (!comma)
            break;
    }
    if (n < 2)
        return te;
    /* the first mention covers the title, so that a verb before it reaches the list */
    for (int q = 0; q < n; q++) {
        int p = person_for(x, spans[2 * q], spans[2 * q + 1]);
        if (p < 0 || apply_titles(x, p, ti) < 0 ||
            x_add_mention(x, M_PERSON, q ? spans[2 * q] : i, spans[2 * q + 1], p) < 0)
            return (size_t)-1;
    }
    return spans[2 * n - 1];
}

/* A title run at i followed by a name, or a definite title ("the minister"). */
static int titled_person(x_ctx *x, size_t *ip)
{
    x_title_info ti;
    size_t i = *ip, te, ns, ne;
    int p;

    /* Most words start no title: not a lexicon word, not capitalized, not "the". */
    if (!x->mlen[i] && !x_is_cap(x, i) && !x_word(x, i, LXW_THE))
        return 0;
    te = x_title_run(x, i, &ti);
    if (te == i)
        return 0;
    int plural = ti.nunits > 0 &&
                 x_class_in(x, ti.ustart[0], ti.uend[ti.nunits - 1], LX_PLURAL_HEAD);
    ns = te;
    if (ns < x->s1 && x_is(x, ns, ","))
        ns++;
    ne = x_name_at(x, ns);
    /* a headline capitalizes its words: "Prime Minister Holds Call" names no one */
    if (x->sent < x->body_sent && ne == ns + 1 && ne < x->s1 && x_is_cap(x, ne))
        ne = ns;
    /* "Vice Premier He Lifeng", "Foreign Minister Park Jin-ho", "Minister Sofia Rell": a
     * name that starts with a surname that is also a word, a place's name or a place
     * noun, then goes on */
    if (ne == ns && ns + 1 < x->s1 &&
        (x_cls(x, ns) & (LX_SURNAME_WORD | LX_PLACE_NOUN | LX_CAPITAL | LX_COUNTRY)) &&
        x_is_cap(x, ns) && x->mlen[ns] == 1 && !(x->toks.toks[ns].flags & EVG_TK_SENT)) {
        size_t ne1 = x_name_at(x, ns + 1);
        if (ne1 > ns + 1)
            ne = ne1;
    }
    if (ne > ns) {
        /* A royal or a title with a surname alone ("King Fahd", "Minister Hasanov"). */
        if ((p = person_for(x, ns, ne)) < 0 || apply_titles(x, p, &ti) < 0)
            return EVG_ENOMEM;
        size_t me = country_after(x, p, ne);
        x_title_info app; /* "Dr. Amal Haddad, Jordan's Minister of Planning" */
        size_t ae = apposition(x, me, &app);
        if (ae > me && apply_titles(x, p, &app) < 0)
            return EVG_ENOMEM;
        me = ae;
        /* "French President X and his Prime Minister Y": Y is of X's country */
        if (x->people[p].country < 0 && i > x->s0 &&
            x_word(x, i - 1, LXW_PERSONAL_POSSESSIVE)) {
            int owner = last_person(x);
            if (owner >= 0 && owner != p)
                x->people[p].country = x->people[owner].country;
        }
        /* The mention covers the title: "Adviser to the Minister, General X (of Y)". */
        if (x_add_mention(x, M_PERSON, i, me, p) < 0)
            return EVG_ENOMEM;
        *ip = me;
        /* "Foreign Ministers A of X and B of Y": the plural title is the second's too */
        size_t n2 = me + 1, e2;
        if (n2 < x->s1 && x_word(x, me, LXW_AND) && plural &&
            x_title_run(x, n2, &app) == n2 && (e2 = x_name_at(x, n2)) > n2) {
            int p2 = person_for(x, n2, e2);
            if (p2 < 0 || apply_titles(x, p2, &ti) < 0)
                return EVG_ENOMEM;
            e2 = country_after(x, p2, e2);
            if (x_add_mention(x, M_PERSON, n2, e2, p2) < 0)
                return EVG_ENOMEM;
            *ip = e2;
        }
        return 1;
    }
    if (plural) {
        /* "the foreign ministers of A, B and C -- X, Y and Z --": the title's names */
        size_t end = plural_names(x, i, te, &ti);
        if (end == (size_t)-1)
            return EVG_ENOMEM;
        if (end > te) {
            *ip = end;
            return 1;
        }
        /* "The ministers signed", "Foreign Ministers of A, B and C met": the people of
         * the meeting in focus */
        if ((x_word(x, i, LXW_THE) || (ti.country >= 0 && of_countries(x, i, te))) &&
            !(i > x->s0 && (x->toks.toks[i - 1].flags & EVG_TK_NUM))) {
            if (x_add_mention(x, M_GROUP, i, te, -1) < 0)
                return EVG_ENOMEM;
            *ip = te;
            return 1;
        }
    }
    /* "the minister", "the Secretary": the latest person holding such a title */
    if (x_word(x, i, LXW_THE) && ti.nunits == 1) {
        /* the last head as a whole: "the Prime Minister" is no other minister */
        size_t head = ti.uend[0], hlen = 0;
        for (size_t j = ti.ustart[0]; j < ti.uend[0]; j += x->mlen[j] ? x->mlen[j] : 1)
            if (x->mlen[j] && (x_cls(x, j) & LX_HEAD)) {
                head = j;
                hlen = x->mlen[j];
            }
        if (hlen) {
            evg_i_buf_clear(&x->tmp);
            for (size_t j = head; j < head + hlen; j++)
                if ((j > head && evg_i_buf_putc(&x->tmp, ' ') < 0) ||
                    evg_i_buf_puts(&x->tmp, x_fold(x, j)) < 0)
                    return EVG_ENOMEM;
            const char *phrase = evg_i_arena_strdup(&x->arena, x->tmp.ptr);
            if (phrase == NULL)
                return EVG_ENOMEM;
            p = person_by_title(x, phrase);
            if (p < 0 && ti.country >= 0)
                p = person_by_country(x, ti.country);
            if (p >= 0 && x_add_mention(x, M_REF, i, te, p) < 0)
                return EVG_ENOMEM;
        }
    }
    *ip = te;
    return 1;
}

/* A bare name of unknown words only: no title, country or organization words in it. */
static int bare_name_ok(const x_ctx *x, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if (x->mlen[i] && !(x_cls(x, i) & LX_PARTICLE))
            return 0;
    return 1;
}

/* A bare name that is surely a person's: "George W. Bush", "Zaid bin Sultan". */
static int person_like(const x_ctx *x, size_t s, size_t e)
{
    for (size_t i = s; i < e; i++)
        if ((x->toks.toks[i].flags & EVG_TK_ABBREV) || (x_cls(x, i) & LX_PARTICLE))
            return 1;
    return 0;
}

/* "Werner Seifert, its chief": a bare name with a title in apposition. */
static int named_person(x_ctx *x, size_t *ip)
{
    size_t i = *ip, ne = x_name_at(x, i);
    x_title_info ti;
    int p = -1, known = 0;

    if (ne == i)
        return 0;
    /* a surname known, or the first of two ("Ferrer" after "Marisol Ferrer Quintana") */
    known = surname_known(x, x_fold(x, ne - 1)) ||
            (ne - i == 1 && latest_inner(x, x_fold(x, i)) >= 0);
    /* "Athough Reagan said": a capitalized first word of the sentence before a known
     * surname is no given name of his */
    if (known && ne - i == 2 && (x->toks.toks[i].flags & EVG_TK_SENT) &&
        latest_given(x, x_fold(x, i)) < 0)
        i++;
    /* the mention covers its apposition, so that a list goes on after it: "A, Minister of
     * Trade, B, Minister of Energy, and C met" */
    size_t me = apposition(x, ne, &ti);
    if (me > ne && ((p = person_for(x, i, ne)) < 0 || apply_titles(x, p, &ti) < 0))
        return EVG_ENOMEM;
    if (p < 0 && (known || (ne - i >= 2 && bare_name_ok(x, i, ne)))) {
        size_t before = x->npeople;
        if ((p = person_for(x, i, ne)) < 0)
            return EVG_ENOMEM;
        if (x->npeople > before) {
            /* a bare name listed in office at the date is an official's ("Aro Venn said")
             */
            int listed = x_listed_official(x, &x->people[p]);
            x->people[p].weak = !person_like(x, i, ne) && !listed;
            x->people[p].official |= listed;
        }
    }
    if (p >= 0 && x_add_mention(x, M_PERSON, i, me, p) < 0)
        return EVG_ENOMEM;
    *ip = p >= 0 ? me : ne;
    return 1;
}

/*
 * A word that starts no mention: not in the lexicon, not capitalized, and
 * none of the words the scan below looks at: an article ("the minister",
 * "the two"), a pronoun ("he", "her"), a group word ("they", "both"). Most
 * words are such words.
 */
static int plain_word(const x_ctx *x, size_t i)
{
    return !x->mlen[i] && !x_is_cap(x, i) && !x_word(x, i, LXW_THE) &&
           !x_word(x, i, LXW_PERSONAL_PRONOUN) &&
           !x_word(x, i, LXW_OBJECT_OR_POSSESSIVE) && !x_word(x, i, LXW_GROUP_PRONOUN) &&
           !x_word(x, i, LXW_GROUP_QUANTIFIER);
}

int x_find_people(x_ctx *x)
{
    /* a dateline ("PORT VELL, May 6 -") names a place, nobody */
    size_t i =
        x->s0 < x->dateline_end && x->dateline_end < x->s1 ? x->dateline_end : x->s0;
    int rc;

    while (i < x->s1) {
        size_t before = i;
        if (x->in_agreement[i] || plain_word(x, i)) {
            /* "... Cooperation in Agricultural Research" is no person; nor is "said" */
            i++;
            continue;
        }
        if ((rc = titled_person(x, &i)) < 0)
            return rc;
        /* a headline capitalizes its words: only a title there says a name follows */
        if (rc == 0 && x->sent >= x->body_sent && (rc = named_person(x, &i)) < 0)
            return rc;
        if (rc == 0 && (x_cls(x, i) & LX_FIRST_PERSON) && x->quote_of[i]) {
            int p = quote_speaker(x, i);
            if (p >= 0 && x_add_mention(x, M_REF, i, i + 1, p) < 0)
                return EVG_ENOMEM;
        } else if (rc == 0 && is_pronoun(x, i)) {
            int p = salient_person(x);
            if (p >= 0 && x_add_mention(x, M_REF, i, i + 1, p) < 0)
                return EVG_ENOMEM;
        } else if (rc == 0 && group_ref(x, i) > i) {
            size_t e = group_ref(x, i);
            if (x_add_mention(x, M_GROUP, i, e, -1) < 0)
                return EVG_ENOMEM;
            i = e;
        }
        if (i == before)
            i++;
    }
    for (i = x->s0; i < x->s1; i++)
        if ((x_cls(x, i) & LX_GROUP) && (rc = delegation_at(x, i)) < 0)
            return rc;
    return 0;
}
