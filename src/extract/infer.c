/*
 * What the text leaves implicit: the country of officials whose titles name
 * none, from the other side of their meetings or from the article's home.
 */
#include <string.h>

#include "extract/extract_internal.h"
#include "util/utf8.h"

/* Whether token i lies in the name of a person mention: a capitalized word of it
 * that is no title word and no country. */
static int in_name(const x_ctx *x, size_t i)
{
    if (!x_is_cap(x, i) || (x_cls(x, i) & (LX_HEAD | LX_MOD | LX_COUNTRY | LX_DEMONYM)))
        return 0;
    for (size_t m = 0; m < x->nment; m++)
        if (x->ment[m].kind == M_PERSON && x->ment[m].start <= i && i < x->ment[m].end)
            return 1;
    return 0;
}

/*
 * Where officials whose titles name no country come from: the dateline's
 * country, or else the country the article names most that no foreign
 * official in it is from (a report names visitors' countries, not home's).
 */
static int home_country(x_ctx *x)
{
    int counts[512], best = -1;

    if (x->dateline_country >= 0)
        return x->home_country = x->dateline_country;
    int second = -1;
    if (x->lx->ncountry > 512)
        return -1;
    memset(counts, 0, sizeof counts);
    for (size_t i = 0; i < x->toks.n; i++) {
        if (!(x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)))
            continue;
        /* "Sofia Restrepo" names no capital: words of a person's name do not count */
        if (in_name(x, i))
            continue;
        int c = x_country_at(x, i);
        if (c >= 0)
            counts[c]++;
    }
    for (size_t p = 0; p < x->npeople; p++)
        if (x->people[p].country >= 0 && !x->people[p].country_inferred)
            counts[x->people[p].country] = 0;
    /* where a visitor went is not where he comes from */
    for (size_t e = 0; e < x->nevents; e++) {
        if (x->events[e].type != EVG_EV_VISIT)
            continue;
        for (int k = 0; k < x->events[e].nsent; k++) {
            size_t s = x->events[e].sent[k];
            for (size_t i = x->toks.sents[s]; i < x->toks.sents[s + 1]; i++)
                if (x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)) {
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
/* Country c to the people of ev who have neither a country nor an organization. */
static void give_country(x_ctx *x, const x_event *ev, int c)
{
    for (int k = 0; k < ev->nparts; k++) {
        x_person *p = &x->people[ev->part[k]];
        if (p->country < 0 && p->org < 0) {
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

void x_infer_countries(x_ctx *x)
{
    signers_states(x);
    one_country_gatherings(x);
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
    if (host_country < 0)
        host_country = home_country(x);
    if (host_country < 0)
        return;
    for (size_t e = 0; e < x->nevents; e++) {
        const x_event *ev = &x->events[e];
        for (int k = 0; !ev->dead && k < ev->nparts; k++) {
            x_person *p = &x->people[ev->part[k]];
            if (p->country < 0 && p->org < 0 && ev->role[k] != EVG_ROLE_GUEST &&
                (ev->role[k] == EVG_ROLE_HOST || host_country == x->home_country)) {
                p->country = host_country;
                p->country_inferred = 1;
            }
        }
    }
}
