/*
 * What the text leaves implicit: the country of officials whose titles name
 * none, from the issuer of the text, the other side of their meetings or the
 * article's home.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"
#include "util/utf8.h"

/* Whether token i lies in the name of a person mention: a capitalized word of it
 * that is no title word and no country. `named` marks the tokens of the mentions of
 * people (named_tokens()). */
static int in_name(const x_ctx *x, const uint8_t *named, size_t i)
{
    if (!x_is_cap(x, i) || (x_cls(x, i) & (LX_HEAD | LX_MOD | LX_COUNTRY | LX_DEMONYM)))
        return 0;
    return named[i];
}

/* The tokens inside mentions of people, once the article is read (in_name() asks of
 * each country's word); NULL when out of memory. */
static uint8_t *named_tokens(const x_ctx *x)
{
    uint8_t *named = calloc(x->toks.n + 1, 1);

    for (size_t m = 0; named && m < x->nment; m++)
        if (x->ment[m].kind == M_PERSON)
            for (size_t i = x->ment[m].start; i < x->ment[m].end && i < x->toks.n; i++)
                named[i] = 1;
    return named;
}

int x_source_issuer(x_ctx *x, const char *source)
{
    evg_i_tokens t;
    int c = -1;

    if (source == NULL || source[0] == '\0' || x->issuer_country >= 0)
        return 0;
    /* "https://www.mfa.gov.xx/...": the country of the domain */
    if ((c = evg_i_lx_domain_country(x->lx, source)) >= 0) {
        x->issuer_country = evg_i_lx_state_at(x->lx, c, x->date);
        return 0;
    }
    /* "Ministry of Foreign Affairs of Ardania": the first country it names */
    memset(&t, 0, sizeof t);
    if (evg_i_tokenize(&t, source, strlen(source), &x->lx->abbrevs) < 0)
        return EVG_ENOMEM;
    for (size_t i = 0; i < t.n && c < 0; i++) {
        lx_phrase ph;
        size_t len = evg_i_lx_match(&ph, NULL, x->lx, &t, i, t.n);
        if (len && (ph.classes & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)))
            c = evg_i_lx_country_at(x->lx, ph.countries, ph.ncountries, x->date);
    }
    evg_i_tokens_free(&t);
    x->issuer_country = c;
    return 0;
}

/*
 * "pressing Belmont to cut tariffs", "called on the Tarvos government": the
 * country named right after a phrase of pressure, blame or demand, or -1.
 */
static int pressed_country(const x_ctx *x, size_t i, size_t lim)
{
    size_t len = x_phrase(x, i, lim, LXW_PRESSURE);

    if (len == 0)
        return -1;
    i += len;
    if (i < lim && x_word(x, i, LXW_THE))
        i++;
    return i < lim && (x_cls(x, i) & (LX_COUNTRY | LX_CAPITAL)) ? x_country_at(x, i) : -1;
}

/*
 * Whether token i is part of a place written with its country for the
 * reader ("in Papeete, French Polynesia", "in Castel Ruen, Valmora"): the
 * country after the city and its comma, or the city before them. A writer
 * locates a place abroad; such a place is where things happened, not the
 * home of the text's officials.
 */
static int located_place(const x_ctx *x, size_t i, size_t s, size_t e)
{
    size_t comma, k;

    if ((x_cls(x, i) & LX_COUNTRY) && i > s && x_is(x, i - 1, ",")) {
        comma = i - 1; /* the country after the city */
    } else {
        for (comma = i;
             comma < e && x_is_cap(x, comma) && !(x_cls(x, comma) & LX_COUNTRY); comma++)
            ;
        if (comma == i || comma + 1 >= e || !x_is(x, comma, ",") ||
            !(x_cls(x, comma + 1) & LX_COUNTRY))
            return 0;
    }
    /* the city: capitalized words before the comma, after a place preposition */
    for (k = comma; k > s && x_is_cap(x, k - 1) && !(x_cls(x, k - 1) & LX_COUNTRY); k--)
        ;
    if (k == comma || k == s)
        return 0;
    if (x_word(x, k - 1, LXW_THE) && k - 1 > s)
        k--;
    return x_word(x, k - 1, LXW_PLACE_PREP);
}

/*
 * Whether token i, in a sentence from token s0, is where someone went: in the
 * places that follow a verb of visiting, through "the", place prepositions and
 * a list ("visited Sarn", "paid a visit to the Belmont", "will visit Aceh in
 * Corvia, as well as Belmont"); not past any other word ("a visit to Sarn
 * showed Ardania's support").
 */
static int visited_at(const x_ctx *x, size_t i, size_t s0)
{
    for (size_t j = i; j-- > s0;) {
        if ((x_cls(x, j) & LX_TRIGGER) && x->mp[j].frame == FR_VISIT &&
            j + x->mlen[j] <= i)
            return 1;
        if (!(x_is_cap(x, j) || x_is(x, j, ",") || x_word(x, j, LXW_THE) ||
              x_word(x, j, LXW_PLACE_PREP) || x_word(x, j, LXW_LIST_GLUE)))
            return 0;
    }
    return 0;
}

/* The country a visit went to: its place's, else the first country visited in its
 * sentences ("visited Sarn"); -1 when unknown. */
static int visit_destination(const x_ctx *x, const x_event *ev)
{
    if (ev->place_country >= 0)
        return ev->place_country;
    for (int k = 0; k < ev->nsent; k++) {
        size_t s = ev->sent[k];
        for (size_t i = x->toks.sents[s]; i < x->toks.sents[s + 1]; i++)
            if ((x_cls(x, i) & (LX_COUNTRY | LX_CAPITAL)) &&
                visited_at(x, i, x->toks.sents[s]))
                return x_country_at(x, i);
    }
    return -1;
}

/*
 * Where officials whose titles name no country come from: the dateline's
 * country, or else the country the article names most that no foreign
 * official in it is from (a report names visitors' countries, not home's).
 */
static int home_country(x_ctx *x, const uint8_t *named)
{
    int counts[512], best = -1;
    unsigned char talked_of[512];

    if (x->issuer_country >= 0)
        return x->home_country = x->issuer_country;
    int second = -1, dateline_again = 0;
    if (x->lx->ncountry > 512)
        return x->home_country = x->dateline_country;
    memset(counts, 0, sizeof counts);
    memset(talked_of, 0, sizeof talked_of);
    /* a country pressed or blamed anywhere is what the text talks about, not home */
    for (size_t s = 0; s < x->toks.nsents; s++)
        for (size_t i = x->toks.sents[s]; i < x->toks.sents[s + 1]; i++) {
            int c = pressed_country(x, i, x->toks.sents[s + 1]);
            if (c >= 0)
                talked_of[c] = 1;
        }
    for (size_t s = 0; s < x->toks.nsents; s++)
        for (size_t i = x->toks.sents[s]; i < x->toks.sents[s + 1]; i++) {
            if (!(x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)))
                continue;
            /* "Sofia Restrepo" names no capital: words of a person's name do not count */
            if (in_name(x, named, i) ||
                located_place(x, i, x->toks.sents[s], x->toks.sents[s + 1]))
                continue;
            int c = x_country_at(x, i);
            if (c >= 0)
                counts[c]++;
            /* the country or its capital by name: "British" opens company names too */
            dateline_again += c >= 0 && c == x->dateline_country &&
                              (x_cls(x, i) & (LX_COUNTRY | LX_CAPITAL));
        }
    for (size_t p = 0; p < x->npeople; p++)
        if (x->people[p].country >= 0 && !x->people[p].country_inferred)
            counts[x->people[p].country] = 0;
    for (size_t c = 0; c < x->lx->ncountry; c++)
        if (talked_of[c])
            counts[c] = 0;
    /* a summit's host city is nobody's home: "met ... in Castel Ruen, Valmora, on the
     * sidelines of the summit" names Valmora for the summit, not for the people */
    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        if (ev->dead || !ev->third_place || ev->place_country < 0)
            continue;
        for (int k = 0; k < ev->nsent; k++)
            for (size_t i = x->toks.sents[ev->sent[k]];
                 i < x->toks.sents[ev->sent[k] + 1]; i++)
                if ((x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)) &&
                    !in_name(x, named, i) && x_country_at(x, i) == ev->place_country &&
                    counts[ev->place_country] > 0)
                    counts[ev->place_country]--;
    }
    /* where a visitor went is not where he comes from: the place of a visit, and a
     * country right after a verb of visiting ("visited Belmont"); not the other
     * countries of its sentences ("to show Ardania's support for Belmont") */
    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        if (ev->type != EVG_EV_VISIT)
            continue;
        if (ev->place_country >= 0)
            counts[ev->place_country] = 0;
        for (int k = 0; k < ev->nsent; k++) {
            size_t s = ev->sent[k];
            for (size_t i = x->toks.sents[s]; i < x->toks.sents[s + 1]; i++)
                if ((x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)) &&
                    visited_at(x, i, x->toks.sents[s])) {
                    int c = x_country_at(x, i);
                    if (c >= 0)
                        counts[c] = 0;
                }
        }
    }
    for (size_t i = 0; i < x->toks.n; i++) { /* the first named wins a tie */
        if (!(x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)))
            continue;
        int c = x_country_at(x, i);
        if (c >= 0 && counts[c] > 0 && (best < 0 || counts[c] > counts[best])) {
            if (best != c)
                second = best;
            best = c;
        } else if (c >= 0 && c != best && counts[c] > 0 &&
                   (second < 0 || counts[c] > counts[second])) {
            second = c;
        }
    }
    /*
     * A dateline is where the story is told from: home, when the text names its country
     * again. A wire story told from a listening post ("LONDON - ... Tehran radio said")
     * that never does is at home where the text says most, at least one more time than
     * the mentions a home needs; else at the dateline.
     */
    if (x->dateline_country >= 0) {
        if (dateline_again > 1 || best < 0 || best == x->dateline_country ||
            (size_t)counts[best] <= x_param(x, EVG_P_HOME_COUNTRY_MIN_MENTIONS) ||
            (second >= 0 && counts[second] >= counts[best]))
            best = x->dateline_country;
        return x->home_country = best;
    }
    /* Without a dateline, home is the one country left, or one named again and more
     * than any other */
    if (best >= 0 && second >= 0 &&
        ((size_t)counts[best] < x_param(x, EVG_P_HOME_COUNTRY_MIN_MENTIONS) ||
         counts[second] >= counts[best]))
        best = -1;
    return x->home_country = best;
}

/*
 * People whose titles name no country: a host-side official in a meeting
 * with a foreign guest belongs to the country of the other hosts; the
 * others to the article's home country.
 */
/* Country c to the people of ev who have neither a country nor an organization
 * (a visitor never takes the country of the place he visits). */
static void give_country(x_ctx *x, const x_event *ev, int c)
{
    for (int k = 0; k < ev->nparts; k++) {
        x_person *p = &x->people[ev->part[k]];
        if (p->country < 0 && p->org < 0 && !p->visiting) {
            p->country = c;
            p->country_inferred = 1;
        }
    }
}

/*
 * "President Kim met Chinese Foreign Minister Wang in Pyongyang": an official
 * without a country, meeting a foreigner in the capital of a country, is of it.
 */
static void place_hosts(x_ctx *x)
{
    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        int c = ev->place_country, foreign = 0;
        /* "on the margins of a summit in Jakarta": a third country's capital */
        if (ev->dead || c < 0 || ev->third_place)
            continue;
        for (int k = 0; k < ev->nparts; k++) {
            const x_person *p = &x->people[ev->part[k]];
            foreign |= p->country >= 0 && p->country != c && !p->country_inferred;
        }
        if (foreign)
            give_country(x, ev, c);
    }
}

/*
 * "A meeting of the security council with ministers A, B and C": a gathering
 * whose people of known country are all of one, at least two of them, has the
 * others of that country too.
 */
static void one_country_gatherings(x_ctx *x)
{
    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        int c = -1, known = 0, mixed = 0;
        for (int k = 0; !ev->dead && k < ev->nparts; k++) {
            const x_person *p = &x->people[ev->part[k]];
            if (p->country < 0 || p->country_inferred || p->org >= 0)
                continue;
            mixed |= c >= 0 && p->country != c;
            c = p->country;
            known++;
        }
        if (mixed || known < 2 || known == ev->nparts)
            continue;
        give_country(x, ev, c);
    }
}

/* Whether some live event has a person of no country and no organization. */
static int any_without_country(const x_ctx *x)
{
    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        for (int k = 0; !ev->dead && k < ev->nparts; k++) {
            const x_person *p = &x->people[ev->part[k]];
            if (p->country < 0 && p->org < 0)
                return 1;
        }
    }
    return 0;
}

/* The country named at token k ("Ghana", "the United States"), or -1. */
static int country_named_at(const x_ctx *x, size_t k, size_t lim)
{
    if (k < lim && x_word(x, k, LXW_THE))
        k++;
    return k < lim && (x_cls(x, k) & LX_COUNTRY) ? x_country_at(x, k) : -1;
}

/*
 * "Rell, the deputy minister, signed for Belmont", "On behalf of Ardania,
 * Aro Venn signed": the state a signer signs for is the signer's, over any
 * clue but a title that names another.
 */
static void signers_states(x_ctx *x)
{
    for (size_t m = 0; m < x->nment; m++) {
        const x_mention *mm = &x->ment[m];
        size_t s0 = x->toks.sents[mm->sent], s1 = x->toks.sents[mm->sent + 1],
               j = mm->end;
        size_t len;
        int c = -1;
        if (mm->kind != M_PERSON || mm->person < 0)
            continue;
        x_person *p = &x->people[mm->person];
        if (p->country >= 0 && !p->country_inferred && !p->country_implied)
            continue;
        /* after: ", signed for Belmont" */
        if (j < s1 && x_is(x, j, ","))
            j++;
        if (j < s1 && x_word(x, j, LXW_AGR_MAKING_VERB) &&
            (len = x_phrase(x, j + 1, s1, LXW_SIGNER_FOR)) > 0)
            c = country_named_at(x, j + 1 + len, s1);
        /* before: "On behalf of Ardania, Aro Venn signed" */
        if (c < 0 && mm->start > s0 && x_is(x, mm->start - 1, ",")) {
            size_t k = mm->start - 1;
            while (k > s0 && !(x->toks.toks[k - 1].flags & EVG_TK_PUNCT))
                k--;
            if ((len = x_phrase(x, k, mm->start - 1, LXW_SIGNER_FOR)) > 0 &&
                x_class_in(x, mm->end, s1, LX_TRIGGER)) {
                c = country_named_at(x, k + len, mm->start - 1);
                for (size_t v = mm->end; c >= 0 && v < s1; v++)
                    if (x_word(x, v, LXW_AGR_MAKING_VERB))
                        break;
                    else if (v + 1 == s1)
                        c = -1;
            }
        }
        if (c >= 0) {
            p->country = c;
            p->country_inferred = p->country_implied = 0;
        }
    }
}

/* "Visiting Foreign Minister Ines Korda": the people whose mention a visitor marker
 * opens. */
static void mark_visitors(x_ctx *x)
{
    for (size_t m = 0; m < x->nment; m++) {
        const x_mention *mm = &x->ment[m];
        size_t s0 = x->toks.sents[mm->sent], i = mm->start;
        if (mm->kind != M_PERSON || mm->person < 0)
            continue;
        /* the marker before the mention, or opening it as part of the title */
        if ((i > s0 && x_word(x, i - 1, LXW_VISITING)) || x_word(x, i, LXW_VISITING))
            x->people[mm->person].visiting = 1;
    }
}

/* Whether folded `title` holds the words of `phrase` (folded) in a row, whole words. */
static int title_holds(const char *title, const char *phrase)
{
    size_t n = strlen(phrase);

    for (const char *p = title; n && (p = strstr(p, phrase)) != NULL; p++)
        if ((p == title || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
            return 1;
    return 0;
}

/*
 * "Ardania's Prime Minister hosts Corvian President": a headline's country
 * before a title is the country of the one official of the body who holds
 * that title and whose country the text does not give.
 */
static void headline_titles(x_ctx *x, const uint8_t *named)
{
    evg_i_buf fold = EVG_I_BUF_INIT, tf = EVG_I_BUF_INIT;

    for (size_t s = 0; s < x->body_sent; s++) {
        size_t lim = x->toks.sents[s + 1];
        for (size_t i = x->toks.sents[s]; i < lim; i++) {
            if (!(x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM)) || in_name(x, named, i))
                continue;
            int c = x_country_at(x, i);
            size_t a = i + (x->mlen[i] ? x->mlen[i] : 1), b;
            if (a < lim && x_is(x, a, "'s"))
                a++;
            for (b = a; b < lim && (x_cls(x, b) & (LX_HEAD | LX_MOD)); b++)
                ;
            if (c < 0 || b == a || !(x_cls(x, b - 1) & LX_HEAD))
                continue;
            evg_i_buf_clear(&fold);
            if (evg_i_fold(&fold, x->text + x->toks.toks[a].start,
                           x->toks.toks[b - 1].end - x->toks.toks[a].start) < 0)
                break;
            int only = -1, many = 0;
            for (size_t p = 0; p < x->npeople && !many; p++) {
                x_person *pp = &x->people[p];
                if (pp->country >= 0 || pp->org >= 0)
                    continue;
                for (int k = 0; k < pp->ntitles; k++) {
                    evg_i_buf_clear(&tf);
                    /* a title of punctuation alone folds to nothing: no buffer */
                    if (evg_i_fold(&tf, pp->titles[k], strlen(pp->titles[k])) < 0 ||
                        tf.ptr == NULL || fold.ptr == NULL ||
                        !title_holds(tf.ptr, fold.ptr))
                        continue;
                    many = only >= 0;
                    only = (int)p;
                    break;
                }
            }
            if (only >= 0 && !many) {
                x->people[only].country = c;
                x->people[only].country_inferred = x->people[only].country_implied = 0;
            }
        }
    }
    evg_i_buf_free(&fold);
    evg_i_buf_free(&tf);
}

/*
 * The home official abroad (home: the issuer's country, or the article's):
 * in a meeting placed in another country (not a third country's summit), the
 * guests, or without roles the first named, are home's; the others of no
 * country are of the place.
 */
static void home_abroad(x_ctx *x, int home)
{
    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        int c = ev->place_country >= 0 ? ev->place_country : ev->place_located,
            guests = 0;
        /* a place the sentence gives, not the dateline's: where the story is told from */
        if (ev->dead || c < 0 || c == home || ev->third_place ||
            (ev->place && ev->place == x->dateline_place))
            continue;
        for (int k = 0; k < ev->nparts; k++)
            guests += ev->role[k] == EVG_ROLE_GUEST;
        for (int k = 0; k < ev->nparts; k++) {
            x_person *p = &x->people[ev->part[k]];
            int ours = guests ? ev->role[k] == EVG_ROLE_GUEST : k == 0;
            if (p->country >= 0 || p->org >= 0 || p->visiting || ours)
                continue;
            p->country = c;
            p->country_inferred = 1;
        }
    }
}

/*
 * The country person p is posted to ("Ardanian Ambassador to Belmont"): a
 * country after a posting preposition in one of p's titles, other than p's
 * own; -1 when none.
 */
static int posted_to(const x_ctx *x, const x_person *p)
{
    int c = -1;

    for (int k = 0; k < p->ntitles && c < 0; k++) {
        evg_i_tokens t;
        memset(&t, 0, sizeof t);
        if (evg_i_tokenize(&t, p->titles[k], strlen(p->titles[k]), &x->lx->abbrevs) < 0)
            return -1;
        for (size_t i = 0; i + 1 < t.n && c < 0; i++) {
            lx_phrase ph;
            if (!evg_i_lx_word_is(x->lx, &t, i, LXW_POSTED_TO) ||
                !evg_i_lx_match(&ph, NULL, x->lx, &t, i + 1, t.n) ||
                !(ph.classes & LX_COUNTRY))
                continue;
            c = evg_i_lx_country_at(x->lx, ph.countries, ph.ncountries, x->date);
            if (c == p->country)
                c = -1;
        }
        evg_i_tokens_free(&t);
    }
    return c;
}

/*
 * "Secretary Ames met Minister Rell of Belmont, with the Ardanian Ambassador
 * to Belmont": an ambassador sits with his own side, so in a meeting with
 * officials of the country he is posted to, the people of no country are of
 * his.
 */
static void ambassadors_sides(x_ctx *x)
{
    for (size_t a = 0; a < x->npeople; a++) {
        const x_person *p = &x->people[a];
        int to;
        if (p->country < 0 || p->country_inferred || p->country_implied ||
            p->ntitles == 0 || (to = posted_to(x, p)) < 0)
            continue;
        /* the events the ambassador was added to (events.c), in any order: each gives
         * the same country, to people who then count as no host */
        for (long l = p->ev_chain; l >= 0; l = x->elink[l].next) {
            const x_event *ev = &x->events[x->elink[l].ev];
            int in = 0, host = 0;
            for (int k = 0; !ev->dead && k < ev->nparts; k++) {
                const x_person *q = &x->people[ev->part[k]];
                in |= (size_t)ev->part[k] == a;
                host |= q->country == to && !q->country_inferred;
            }
            if (in && host)
                give_country(x, ev, p->country);
        }
    }
}

static void infer(x_ctx *x, const uint8_t *named);

int x_infer_countries(x_ctx *x)
{
    uint8_t *named = named_tokens(x);

    if (named == NULL)
        return EVG_ENOMEM;
    infer(x, named);
    free(named);
    return 0;
}

static void infer(x_ctx *x, const uint8_t *named)
{
    mark_visitors(x);
    signers_states(x);
    headline_titles(x, named);
    ambassadors_sides(x);
    one_country_gatherings(x);
    if (x->issuer_country >= 0)
        home_abroad(x, x->issuer_country);
    else
        place_hosts(x);
    if (!any_without_country(x))
        return;
    int votes[8], codes[8], n = 0, host_country = -1, best = 0;

    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        for (int k = 0; !ev->dead && k < ev->nparts; k++) {
            int c = x->people[ev->part[k]].country;
            if (ev->role[k] != EVG_ROLE_HOST || c < 0 ||
                x->people[ev->part[k]].country_inferred)
                continue;
            int j;
            for (j = 0; j < n && codes[j] != c; j++)
                ;
            if (j == n && n < 8) {
                codes[n] = c;
                votes[n++] = 0;
            }
            if (j < n)
                votes[j]++;
        }
    }
    for (int j = 0; j < n; j++)
        if (votes[j] > best) {
            best = votes[j];
            host_country = codes[j];
        }
    if (host_country < 0 || x->issuer_country >= 0)
        host_country = home_country(x, named);
    if (host_country < 0)
        return;
    if (x->issuer_country < 0 && x->home_country >= 0)
        home_abroad(x, x->home_country);
    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        /* a visit with no counterpart to a known place abroad is home's official
         * travelling */
        int to = visit_destination(x, ev);
        int travels = ev->type == EVG_EV_VISIT && host_country == x->home_country &&
                      to >= 0 && to != host_country;
        for (int k = 0; !ev->dead && k < ev->nparts; k++) {
            x_person *p = &x->people[ev->part[k]];
            int guest = ev->role[k] == EVG_ROLE_GUEST && !travels;
            if (p->country < 0 && p->org < 0 &&
                ((x->issuer_country >= 0 && !guest && !p->visiting) ||
                 (!guest && (!p->visiting || travels) &&
                  (ev->role[k] == EVG_ROLE_HOST || host_country == x->home_country)))) {
                p->country = host_country;
                p->country_inferred = 1;
            }
        }
    }
}
