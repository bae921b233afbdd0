/*
 * States, bodies and officials the text does not name, as the sides of an
 * event: "Ardania and Belmont signed the accord", "Ardania's deputy foreign
 * minister visited Belmont", "President X received Belmont's envoy". The
 * record keeps them as parties (docs/events.md), never as invented people,
 * and only where a side names no person. A party is a country or an
 * organization of the lexicon, with the office of its unnamed official
 * when the text gives one.
 */
#include <string.h>

#include "extract/extract_internal.h"

/* Whether a mention of someone lies in tokens [s, e). */
static int person_inside(const x_ctx *x, size_t s, size_t e)
{
    for (size_t m = x->nment; m-- > 0 && x->ment[m].sent == x->sent;)
        if (x->ment[m].start < e && x->ment[m].end > s && x_ment_stands(x, &x->ment[m]))
            return 1;
    return 0;
}

/* Whether a unit of a title names an office: a head word, singular or plural. */
static int unit_office(const x_ctx *x, size_t s, size_t e)
{
    return x_unit_has_head(x, s, e) || x_class_in(x, s, e, LX_PLURAL_HEAD);
}

/* Whether a title run names an office. */
static int has_office(const x_ctx *x, const x_title_info *ti)
{
    for (int u = 0; u < ti->nunits; u++)
        if (unit_office(x, ti->ustart[u], ti->uend[u]))
            return 1;
    return 0;
}

/* Whether token i names a state: its name, its adjective or its capital. */
static int state_word(const x_ctx *x, size_t i)
{
    return (x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)) != 0;
}

/*
 * The office a unit [s, e) of a title names, as written, without the state it is
 * of: "Ardania's deputy foreign minister" and "the Deputy Foreign Minister of
 * Ardania" hold "deputy foreign minister"; "the Ambassador of Belmont" holds
 * "Ambassador". An arena string, NULL when the unit is all state.
 */
static const char *office_text(x_ctx *x, size_t s, size_t e)
{
    /* before: "the", the state and its possessive */
    while (s < e && (x_word(x, s, LXW_THE) || x_is_poss(x, s) || state_word(x, s) ||
                     x_word(x, s, LXW_AND) || x_is(x, s, ",")))
        s += state_word(x, s) && x->mlen[s] ? x->mlen[s] : 1;
    /* after: "of Ardania", "on Monday" and whatever follows them */
    for (size_t i = s; i + 1 < e; i++) {
        size_t c = i + 1 + x_word(x, i + 1, LXW_THE);
        if (x_word(x, i, LXW_TITLE_LINK) && c < e &&
            (state_word(x, c) || x_word(x, c, LXW_WEEKDAY) || x_word(x, c, LXW_MONTH) ||
             !x_is_cap(x, c))) {
            e = i;
            break;
        }
    }
    return s < e ? x_span_text(x, s, e) : NULL;
}

/* The offices of a title run: its units that name one, joined by ", ". */
static const char *title_text(x_ctx *x, const x_title_info *ti)
{
    const char *t = NULL;

    for (int u = 0; u < ti->nunits; u++) {
        if (!unit_office(x, ti->ustart[u], ti->uend[u]))
            continue;
        const char *s = office_text(x, ti->ustart[u], ti->uend[u]);
        if (s == NULL)
            continue;
        if (t == NULL) {
            t = s;
            continue;
        }
        evg_i_buf_clear(&x->tmp);
        if (evg_i_buf_printf(&x->tmp, "%s, %s", t, s) < 0)
            return t;
        t = evg_i_arena_strdup(&x->arena, x->tmp.ptr);
    }
    return t;
}

/*
 * A state or a body named alone at token i: "Ardania", "the Grain Council";
 * not "Ardania Airlines" (a longer name goes on) nor "Ardania's economy"
 * (what follows the possessive is no office). Its end, or i.
 */
static size_t named_party(const x_ctx *x, size_t i, size_t lim, x_party *out)
{
    uint64_t c = x_cls(x, i);
    size_t e = i + x->mlen[i];

    if (!(c & (LX_COUNTRY | LX_ORG)) || e > lim)
        return i;
    if (e < x->s1 && (x_is_poss(x, e) || (x_is_cap(x, e) && !(x_cls(x, e) & LX_TRIGGER))))
        return i;
    if (c & LX_COUNTRY)
        out->country = x_country_at(x, i);
    else if (x->mp[i].org >= 0)
        out->org = x->mp[i].org;
    return out->country >= 0 || out->org >= 0 ? e : i;
}

size_t x_party_at(x_ctx *x, size_t k, size_t lim, x_party *out)
{
    x_title_info ti;
    size_t i = k, e;

    memset(out, 0, sizeof *out);
    out->country = out->org = -1;
    /* "the", "his": "his Belmontese counterpart" */
    if (i < lim && (x_word(x, i, LXW_THE) || x_word(x, i, LXW_POSSESSIVE)))
        i++;
    if (i >= lim || person_inside(x, k, i + 1))
        return k;
    /* an official of a state or body: "Ardania's deputy foreign minister", "the
     * Belmontese envoy", "the Deputy Foreign Minister of Ardania" (no name after) */
    e = x_title_run(x, i, &ti);
    if (e > i && e <= lim && has_office(x, &ti) && !ti.country_implied &&
        (ti.country >= 0 || ti.org >= 0)) {
        if (person_inside(x, k, e) || (e < x->s1 && x_name_at(x, e) > e))
            return k;
        out->country = ti.country;
        out->org = ti.country >= 0 ? -1 : ti.org;
        out->agent = 1;
        out->plural = x_class_in(x, k, e, LX_PLURAL_HEAD);
        out->title = title_text(x, &ti); /* (NULL when memory ran out: no office) */
        return e;
    }
    /* its people: "the Ardanian delegation", "senior Belmontese officials", "the Ardanian
     * side" */
    while (i + 1 < lim && x_word(x, i, LXW_GENERIC_MODIFIER))
        i++;
    if ((x_cls(x, i) & (LX_DEMONYM | LX_COUNTRY)) && (e = i + x->mlen[i]) < lim &&
        ((x_cls(x, e) & (LX_GROUP | LX_UNNAMED)) || x_word(x, e, LXW_STATE_NOUN)) &&
        !person_inside(x, k, e + 1)) {
        out->country = x_country_at(x, i);
        out->agent = 1;
        return out->country >= 0 ? e + x->mlen[e] + !x->mlen[e] : k;
    }
    e = named_party(x, i, lim, out);
    return e > i ? e : k;
}

/* Add a party to a side, each state or body once. */
static void side_add(x_pside *s, const x_party *p)
{
    for (int k = 0; k < s->n; k++)
        if (x_same_party(&s->p[k], p)) {
            if (s->p[k].title == NULL)
                s->p[k].title = p->title;
            s->p[k].agent |= p->agent;
            return;
        }
    if (s->n < X_MAX_PARTIES)
        s->p[s->n++] = *p;
}

/*
 * "The Ardanian and Belmontese foreign ministers", "Ardanian and Belmontese
 * officials": the adjectives of states sharing one office or noun, each a party
 * with it. The end of the phrase (k when there is none) with `out` filled.
 */
static size_t shared_office(x_ctx *x, size_t k, size_t lim, x_pside *out)
{
    int cs[X_MAX_PARTIES], n = 0;
    size_t i = k + (k < lim && x_word(x, k, LXW_THE)), e;
    x_party last;

    while (i < lim && (x_cls(x, i) & LX_DEMONYM) && n < X_MAX_PARTIES) {
        size_t j = i + (x->mlen[i] ? x->mlen[i] : 1);
        if (j < lim && x_word(x, j, LXW_AND)) {
            cs[n++] = x_country_at(x, i);
            i = j + 1;
        } else if (j < lim && x_is(x, j, ",")) {
            cs[n++] = x_country_at(x, i);
            i = j + 1 + (j + 1 < lim && x_word(x, j + 1, LXW_AND));
        } else {
            break;
        }
    }
    if (n == 0 || (e = x_party_at(x, i, lim, &last)) == i || !last.agent ||
        last.country < 0)
        return k;
    memset(out, 0, sizeof *out);
    out->start = k;
    out->end = e;
    for (int q = 0; q < n; q++) {
        x_party p = last;
        if ((p.country = cs[q]) >= 0)
            side_add(out, &p);
    }
    side_add(out, &last);
    return e;
}

/*
 * The parties listed from token k, ending by `lim`: "Ardania", "Ardania and
 * Belmont", "Ardania, Belmont and Corvia" (commas count only with an "and"
 * after them). "The foreign ministers of Ardania and Belmont": each state has
 * the office. Returns the list's end (k when none).
 */
static size_t party_list(x_ctx *x, size_t k, size_t lim, x_pside *out)
{
    x_party p;
    size_t e = shared_office(x, k, lim, out), end;
    int pending = 0; /* items after a comma, not yet confirmed by an "and" */

    if (e > k)
        return e;
    memset(out, 0, sizeof *out);
    if ((e = x_party_at(x, k, lim, &p)) == k)
        return k;
    end = e;
    out->start = k;
    side_add(out, &p);
    /* "the foreign ministers of Ardania and Belmont": every state the title names */
    for (size_t i = k; p.plural && i < e; i += x->mlen[i] ? x->mlen[i] : 1) {
        x_party q = p;
        if ((x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM)) &&
            (q.country = x_country_at(x, i)) >= 0)
            side_add(out, &q);
    }
    const char *shared = p.plural ? p.title : NULL;
    while (e < lim) {
        size_t j = e;
        int comma = x_is(x, j, ",");
        j += comma;
        int joined = j < lim && x_word(x, j, LXW_AND);
        j += joined;
        if (j == e || j >= lim)
            break;
        size_t e2 = x_party_at(x, j, lim, &p);
        if (e2 == j || out->n == X_MAX_PARTIES)
            break;
        if (p.title == NULL && shared)
            p.title = shared, p.agent = 1;
        out->p[out->n++] = p;
        pending = joined ? 0 : pending + 1;
        e = e2;
        if (!pending)
            end = e;
    }
    out->n -= pending; /* "Ardania, Belmont" without an "and": Ardania alone */
    /* the same state twice ("Ardania's minister and Ardanian officials"): once */
    x_pside dedup = *out;
    dedup.n = 0;
    for (int q = 0; q < out->n; q++)
        side_add(&dedup, &out->p[q]);
    *out = dedup;
    out->end = end;
    return end;
}

/* Whether the parties list reaches `to` over words that may stand before a verb. */
static size_t filler_start(const x_ctx *x, size_t c, size_t t)
{
    size_t f = t;
    while (f > c &&
           (x_word(x, f - 1, LXW_SUBJECT_FILLER) || x_word(x, f - 1, LXW_WEEKDAY)))
        f--;
    return f;
}

void x_party_left(x_ctx *x, size_t t, x_pside *out)
{
    size_t c = t, f;

    memset(out, 0, sizeof *out);
    /* the clause of the verb: back to a comma, a clause mark, "that" or "said" */
    while (c > x->s0 && !x_is(x, c - 1, ",") && !x_is_clause_punct(x, c - 1) &&
           !x_word(x, c - 1, LXW_COMPLEMENTIZER) && !x_word(x, c - 1, LXW_SPEECH_VERB))
        c--;
    f = filler_start(x, c, t);
    for (size_t k = c; k < f; k++) {
        x_pside s;
        if (party_list(x, k, f, &s) == f) {
            *out = s;
            return;
        }
        /* a subject is the clause's first noun phrase: not past a verb or a name */
        if (x_cls(x, k) & LX_TRIGGER)
            return;
    }
}

void x_party_right(x_ctx *x, size_t from, x_pside *out)
{
    memset(out, 0, sizeof *out);
    if (from < x->s1)
        party_list(x, from, x->s1, out);
}

int x_pside_agent(const x_pside *s)
{
    for (int k = 0; k < s->n; k++)
        if (s->p[k].agent)
            return 1;
    return 0;
}
