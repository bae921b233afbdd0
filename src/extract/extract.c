/*
 * Extraction of one article: tokenize, look every token up in the lexicon,
 * then read sentence by sentence (people, delegations, agreements, events),
 * infer what the text leaves implicit, and write the event record.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "extract/extract_internal.h"
#include "model/doc_internal.h"
#include "model/place.h"
#include "util/error.h"
#include "util/utf8.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_extract_opts_init, evg_extract_opts, EVG_EXTRACT_OPTS_VERSION,
                   EVG_EXTRACT_OPTS_INIT)

const char *x_span_text(x_ctx *x, size_t start, size_t end)
{
    size_t a = x->toks.toks[start].start, b = x->toks.toks[end - 1].end;
    return evg_i_arena_strndup(&x->arena, x->text + a, b - a);
}

int x_add_mention(x_ctx *x, x_mention_kind kind, size_t start, size_t end, int person)
{
    if (evg_i_grow((void **)&x->ment, &x->cap_ment, x->nment + 1, sizeof(*x->ment)) < 0)
        return EVG_ENOMEM;
    x->ment[x->nment].kind = kind;
    x->ment[x->nment].start = start;
    x->ment[x->nment].end = end;
    x->ment[x->nment].person = person;
    x->ment[x->nment].sent = x->sent;
    if (person >= 0) {
        x->people[person].mentions++;
        if (kind != M_PLACE)
            x->people[person].last_ment = x->last_ref = (long)x->nment;
    }
    x->nment++;
    return 0;
}

/* Look every token up once: the longest phrase starting there. */
static int match_all(x_ctx *x)
{
    size_t n = x->toks.n;

    free(x->mp);
    free(x->mlen);
    free(x->wcls);
    free(x->in_agreement);
    x->mp = calloc(n ? n : 1, sizeof(*x->mp));
    x->mlen = calloc(n ? n : 1, 1);
    x->wcls = calloc(n ? n : 1, sizeof(*x->wcls));
    x->in_agreement = calloc(n ? n : 1, 1);
    if (x->mp == NULL || x->mlen == NULL || x->wcls == NULL || x->in_agreement == NULL)
        return EVG_ENOMEM;
    for (size_t s = 0; s < x->toks.nsents; s++) {
        size_t lim = x->toks.sents[s + 1];
        for (size_t i = x->toks.sents[s]; i < lim; i++) {
            size_t len = evg_i_lx_match(&x->mp[i], &x->wcls[i], x->lx, &x->toks, i, lim);
            x->mlen[i] = (uint8_t)(len > 255 ? 255 : len);
        }
    }
    return 0;
}

/* Note a dateline's date, found in tokens [i, end), unless one is known. */
static void dateline_date_in(x_ctx *x, size_t i, size_t end)
{
    for (; i < end && !x->dateline_date[0]; i++)
        if (!x_date_at(x, i, end, x->dateline_date))
            x->dateline_date[0] = '\0';
}

/* Note a dateline's place, the capitalized words from token i, unless one is known. */
static void dateline_place_at(x_ctx *x, size_t i, size_t end)
{
    size_t e = i;

    if (x->dateline_place || i >= end || !x_is_cap(x, i) || (x_cls(x, i) & LX_NOTNAME))
        return;
    while (e < end && e - i < x_param(x, EVG_P_TITLE_PLACE_MAX_WORDS) + 1 &&
           x_is_cap(x, e) && !(x_cls(x, e) & LX_NOTNAME))
        e++;
    /* "MOSCOW" -> "Moscow" */
    char *place = (char *)x_span_text(x, i, e);
    for (char *c = place; c && *c; c++)
        if (*c >= 'A' && *c <= 'Z' && c > place && c[-1] != ' ' && c[-1] != '-')
            *c = (char)(*c + 32);
    x->dateline_place = place;
    if (x->mlen[i] && (x_cls(x, i) & (LX_CAPITAL | LX_COUNTRY)))
        x->dateline_country = x_country_at(x, i);
    /* "GENEVA, May 6 -": a city of the lexicon, in its country */
    int cc;
    if (evg_i_lx_city_at(&cc, x->lx, &x->toks, i, e, x->date) == e - i) {
        x->dateline_city = place;
        x->dateline_located = cc;
    }
}

/*
 * Where and when the story is told from, before its first sentence: a wire
 * dateline ("MOSCOW, March 31 -", "PORT VELL, May 6, 2025 /Wire/ -"), or
 * short opening lines of a release ("Port Vell, 19/06/2021", "March 4,
 * 2025"). Its date is the report's, not an event's; the events the text
 * does not date took place that day, and where no other place is given.
 */
static void find_dateline(x_ctx *x)
{
    const evg_i_tokens *t = &x->toks;
    size_t s = x->body_sent, k;

    /* Short lines before the text: a byline, a place, a date. */
    for (k = 0; k < x_param(x, EVG_P_DATELINE_LINES) && s + k < t->nsents; k++) {
        size_t a = t->sents[s + k], b = t->sents[s + k + 1];
        if (b - a > x_param(x, EVG_P_DATELINE_TOKENS) ||
            !(t->toks[a].flags & EVG_TK_PARA) ||
            (x_is(x, b - 1, ".") && !(t->toks[b - 1].flags & EVG_TK_ABBREV)))
            break;
        int dated = x->dateline_date[0] != '\0';
        /* "Ministry of Defence of Valmora": a letterhead names the issuer */
        for (size_t i = a; i < b && x->issuer_country < 0; i++)
            if (x_word(x, i, LXW_ISSUER_HEAD))
                for (size_t j = a; j < b && x->issuer_country < 0; j++)
                    if (x_cls(x, j) & (LX_COUNTRY | LX_DEMONYM))
                        x->issuer_country = x_country_at(x, j);
        dateline_date_in(x, a, b);
        /* "Port Vell, 19/06/2021"; "June 4, 2025, Kessa Lodge, Port Vell Region": a line
         * that opens with a place, or gives a date; not a caption ("Photo: the Ministry
         * of Ardania") */
        if (((x_cls(x, a) & (LX_CAPITAL | LX_COUNTRY)) ||
             (!dated && x->dateline_date[0])) &&
            x_class_in(x, a, b, LX_CAPITAL | LX_COUNTRY)) {
            size_t i = a;
            while (i < b && !(x_is_cap(x, i) && !(x_cls(x, i) & LX_NOTNAME) &&
                              !x_word(x, i, LXW_MONTH)))
                i++;
            dateline_place_at(x, i, b);
            for (i = a; i < b && x->dateline_country < 0; i++)
                if (x_cls(x, i) & (LX_CAPITAL | LX_COUNTRY))
                    x->dateline_country = x_country_at(x, i);
        }
    }
    if (s + k >= t->nsents)
        return;
    /* The opening of the first paragraph up to a dash */
    size_t a = t->sents[s + k], i;
    for (i = a;
         i < t->n && i - a <= x_param(x, EVG_P_DATELINE_TOKENS) && !x_is_dash(x, i); i++)
        if (!(x_is_cap(x, i) || (t->toks[i].flags & EVG_TK_NUM) || x_is(x, i, ",") ||
              x_is(x, i, "/") || x_is(x, i, ".")))
            break;
    if (i > a && i < t->n && x_is_dash(x, i) && (x_is_cap(x, a) || x_is(x, a, ","))) {
        size_t comma = a;
        while (comma < i && !x_is(x, comma, ","))
            comma++;
        /* "WASHINGTON, May 6" or "CANADA, May 6": a place, then a date; "Port Vell -" */
        if (comma < i || (t->toks[a].flags & EVG_TK_ALLCAPS)) {
            x->dateline_end = i + 1;
            dateline_date_in(x, a, i);
            dateline_place_at(x, a, comma);
        }
    }
}

/*
 * After reading: an event needs one official among its people, someone with
 * a title or an organization (two bare names meeting are athletes or
 * executives more often than officials), and
 * an in-person event without a place of its own happened where the story
 * is told from.
 */
static void settle_events(x_ctx *x)
{
    for (size_t e = 0; e < x->nevents; e++) {
        x_event *ev = &x->events[e];
        int official = 0, n = 0;
        /* A bare capitalized pair ("Dayton Hudson", "Guantanamo Bay") takes no part. */
        for (int k = 0; k < ev->nparts; k++)
            if (!x->people[ev->part[k]].weak) {
                ev->part[n] = ev->part[k];
                ev->role[n++] = ev->role[k];
                official |= x->people[ev->part[k]].official;
            }
        /* a meeting whose other side was no person is no meeting; states, bodies and
         * unnamed officials are sides, two of them at least (a visit needs one) */
        int sides = n + ev->nparties, visitor = 0;
        for (int k = 0; k < ev->nparties; k++)
            visitor |= ev->party_role[k] != EVG_ROLE_HOST;
        if ((!official && (n > 0 || ev->nparties == 0)) ||
            (n == 1 && ev->nparts > 1 && ev->nparties == 0 && ev->type != EVG_EV_VISIT) ||
            (n == 0 && (ev->type == EVG_EV_VISIT ? !visitor : sides < 2)))
            ev->dead = 1;
        ev->nparts = n;
        if (!ev->dead && !ev->place && ev->type != EVG_EV_CALL &&
            ev->status == EVG_STATUS_REPORTED) {
            ev->place = x->dateline_place;
            ev->place_country = x->dateline_country;
            ev->place_city = x->dateline_city;
            ev->place_located =
                x->dateline_located >= 0 ? x->dateline_located : x->dateline_country;
        }
        /* Nothing in the text dates a reported event: the dispatch's day, said so. */
        if (!ev->dead && !ev->date[0] && !ev->vague &&
            ev->status == EVG_STATUS_REPORTED && x->dateline_date[0]) {
            memcpy(ev->date, x->dateline_date, 11);
            ev->date_source = X_SOURCE_DATELINE;
        }
    }
}

/* Where the article first names a second country (its end when it never does). */
static void find_two_countries(x_ctx *x)
{
    int first = -1;

    x->two_countries_at = x->toks.n;
    for (size_t i = 0; i < x->toks.n; i++) {
        if (!(x_cls(x, i) & (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL)))
            continue;
        int c = x_country_at(x, i);
        if (c >= 0 && first >= 0 && c != first) {
            x->two_countries_at = i;
            return;
        }
        if (c >= 0)
            first = c;
    }
}

static int read_sentences(x_ctx *x)
{
    int rc;

    for (x->sent = 0; x->sent < x->toks.nsents; x->sent++) {
        x->s0 = x->toks.sents[x->sent];
        x->s1 = x->toks.sents[x->sent + 1];
        if (x->sent < x->body_sent) { /* the headline: its people only */
            if ((rc = x_find_people(x)) < 0)
                return rc;
            continue;
        }
        /* agreements first: their names hold capitalized words that are nobody */
        if ((rc = x_find_agreements(x, x->sent_agr, X_MAX_AGR)) < 0)
            return rc;
        x->nsent_agr = rc;
        if (rc > 0 || x_class_in(x, x->s0, x->s1, LX_AGREEMENT))
            x->agr_sent = x->sent + 1;
        if ((rc = x_find_people(x)) < 0 || (rc = x_find_events(x)) < 0)
            return rc;
    }
    /* the headline's agreement: the statement the release is, unless the body names it */
    for (x->sent = 0; x->sent < x->body_sent && x->sent < x->toks.nsents; x->sent++) {
        x->s0 = x->toks.sents[x->sent];
        x->s1 = x->toks.sents[x->sent + 1];
        if ((rc = x_find_headline_agreements(x)) < 0)
            return rc;
    }
    x->sent = x->toks.nsents;
    return x_settle_agreements(x);
}

/* ---- the record ------------------------------------------------------- */

typedef struct {
    evg_doc *d;
    evg_error *err;
    x_ctx *x;
    evg_i_buf buf;
} out_ctx;

/* Add an entity unless one with its id exists. */
static int emit(out_ctx *o, const evg_entity *e)
{
    if (evg_i_doc_entity_index(o->d, e->id) >= 0)
        return 0;
    return evg_i_doc_add_entity(o->d, e, o->err);
}

static const char *country_id(out_ctx *o, int c)
{
    evg_i_buf_clear(&o->buf);
    if (evg_i_buf_printf(&o->buf, "country:%s", o->x->lx->country[c].code) < 0)
        return NULL;
    return evg_i_arena_strdup(&o->x->arena, o->buf.ptr);
}

static int emit_country(out_ctx *o, int c)
{
    evg_entity e;

    memset(&e, 0, sizeof e);
    e.type = EVG_ENT_COUNTRY;
    e.id = country_id(o, c);
    e.name = o->x->lx->country[c].name;
    return e.id ? emit(o, &e) : evg_i_error_nomem(o->err);
}

/* Whether token i of a title starts a country's name ("of Lithuania", "of the UK"). */
static int country_word(const evg_lexicon *lx, const evg_i_tokens *t, size_t i)
{
    lx_phrase p;
    if (evg_i_lx_word_is(lx, t, i, LXW_THE) && i + 1 < t->n)
        i++;
    return evg_i_lx_match(&p, NULL, lx, t, i, t->n) > 0 &&
           (p.classes & (LX_COUNTRY | LX_CAPITAL));
}

/*
 * What a ministry's name adds to the one word of a title's domain (the
 * lexicon's ministry_names): " Affairs" after "Foreign" ("Foreign Minister":
 * the Ministry of Foreign Affairs); "" for most domains.
 */
static const char *ministry_rest(const evg_lexicon *lx, const char *dom, size_t domlen)
{
    const lx_strlist *names = &lx->list[LXL_MINISTRY_NAMES];

    for (size_t k = 0; k < names->n; k++) {
        const char *space = strchr(names->s[k], ' ');
        if (space && (size_t)(space - names->s[k]) == domlen &&
            strncasecmp(dom, names->s[k], domlen) == 0)
            return space;
    }
    return "";
}

/*
 * "Defense Minister" or "Minister of Defense" of a known country: the
 * ministry, "org:azerbaijan-ministry-of-defense". Returns 0 when the title
 * names no ministry.
 */
static int ministry_of(out_ctx *o, x_person *p)
{
    x_ctx *x = o->x;
    evg_i_tokens t;
    const char *dom = NULL;
    size_t domlen = 0;
    int rc = 0;

    if (p->country < 0)
        return 0;
    memset(&t, 0, sizeof t);
    for (int k = 0; k < p->ntitles && !dom; k++) {
        const char *title = p->titles[k];
        if (evg_i_tokenize(&t, title, strlen(title), &x->lx->abbrevs) < 0) {
            rc = EVG_ENOMEM;
            break;
        }
        for (size_t i = 0; i < t.n && !dom; i++) {
            if (!evg_i_lx_word_is(x->lx, &t, i, LXW_MINISTRY_HEAD))
                continue;
            const lx_phrase *of =
                i + 2 < t.n ? evg_i_lx_word(x->lx, evg_i_tok_fold(&t, i + 2)) : NULL;
            if (i + 2 < t.n && evg_i_lx_word_is(x->lx, &t, i + 1, LXW_OF) && of &&
                (of->classes & LX_MOD) && !(of->classes & (LX_COUNTRY | LX_DEMONYM))) {
                /* "Minister of Trade, Industry and Energy (of Ardania)": to a country */
                size_t e = i + 2;
                while (e < t.n && !(evg_i_lx_word_is(x->lx, &t, e, LXW_OF) &&
                                    e + 1 < t.n && country_word(x->lx, &t, e + 1)))
                    e++;
                dom = title + t.toks[i + 2].start;
                domlen = t.toks[e - 1].end - t.toks[i + 2].start;
            } else if (i + 2 < t.n && evg_i_lx_word_is(x->lx, &t, i + 1, LXW_OF)) {
                continue; /* "Minister of Lithuania": of a country, not a domain */
            } else if (i > 0 && (t.toks[i - 1].flags & EVG_TK_CAP) &&
                       !evg_i_lx_word_is(x->lx, &t, i - 1, LXW_GENERIC_MODIFIER)) {
                const lx_phrase *ph = evg_i_lx_word(x->lx, evg_i_tok_fold(&t, i - 1));
                if (ph && (ph->classes & LX_MOD) &&
                    !(ph->classes & (LX_COUNTRY | LX_DEMONYM | LX_ORG))) {
                    dom = title + t.toks[i - 1].start;
                    domlen = t.toks[i - 1].end - t.toks[i - 1].start;
                }
            }
        }
    }
    if (dom && rc == 0) {
        const char *cname = x->lx->country[p->country].name;
        evg_i_buf_clear(&o->buf);
        if (evg_i_buf_printf(&o->buf, "%s Ministry of %.*s%s", cname, (int)domlen, dom,
                             ministry_rest(x->lx, dom, domlen)) < 0 ||
            (p->org_name = evg_i_arena_strdup(&x->arena, o->buf.ptr)) == NULL) {
            rc = EVG_ENOMEM;
        } else {
            evg_i_buf_clear(&o->buf);
            if (evg_i_buf_puts(&o->buf, "org:") < 0 ||
                evg_i_slug(&o->buf, p->org_name, strlen(p->org_name)) < 0 ||
                (p->org_id = evg_i_arena_strdup(&x->arena, o->buf.ptr)) == NULL)
                rc = EVG_ENOMEM;
        }
    }
    evg_i_tokens_free(&t);
    return rc < 0 ? evg_i_error_nomem(o->err) : 0;
}

/* Whether person p takes part in a live event: one of the events p was added to
 * (events.c) still has p. */
static int takes_part(const x_ctx *x, int p)
{
    for (long l = x->people[p].ev_chain; l >= 0; l = x->elink[l].next) {
        const x_event *ev = &x->events[x->elink[l].ev];
        for (int k = 0; !ev->dead && k < ev->nparts; k++)
            if (ev->part[k] == p)
                return 1;
    }
    return 0;
}

static const char *person_id(out_ctx *o, const x_person *p)
{
    evg_i_buf_clear(&o->buf);
    if (evg_i_buf_puts(&o->buf, "person:") < 0 ||
        evg_i_slug(&o->buf, p->name, strlen(p->name)) < 0)
        return NULL;
    return evg_i_arena_strdup(&o->x->arena, o->buf.ptr);
}

/*
 * Whether person p is named only in the headline, by a surname the body never
 * writes: in "Foreign Minister Completes Successful Week" every word is
 * capitalized, so a name there needs the body. (One who takes part in an
 * event, named in the body by title only, is kept by the caller.)
 */
static int headline_only(const x_ctx *x, const x_person *p)
{
    size_t body = x->body_sent < x->toks.nsents ? x->toks.sents[x->body_sent] : x->toks.n;

    if (p->first_tok >= body || p->surname == NULL)
        return 0;
    for (size_t i = body; i < x->toks.n; i++)
        if (strcmp(x_fold(x, i), p->surname) == 0)
            return 0;
    return 1;
}

static int emit_people(out_ctx *o, const char **ids)
{
    x_ctx *x = o->x;
    int rc;

    for (size_t i = 0; i < x->npeople; i++) {
        x_person *p = &x->people[i];
        evg_entity e;
        ids[i] = NULL;
        if ((p->weak || headline_only(x, p)) && !takes_part(x, (int)i))
            continue;
        if ((ids[i] = person_id(o, p)) == NULL)
            return evg_i_error_nomem(o->err);
        if (p->org < 0 && (rc = ministry_of(o, p)) < 0)
            return rc;
        memset(&e, 0, sizeof e);
        e.type = EVG_ENT_PERSON;
        e.id = ids[i];
        e.name = p->name;
        e.titles = p->titles;
        e.ntitles = (size_t)p->ntitles;
        e.country = p->country >= 0 ? x->lx->country[p->country].code : NULL;
        e.org = p->org >= 0 ? x->lx->org[p->org].id : p->org_id;
        if ((rc = emit(o, &e)) < 0)
            return rc;
    }
    /* Then what they represent: organizations, then countries. */
    for (size_t i = 0; i < x->npeople; i++) {
        x_person *p = &x->people[i];
        evg_entity e;
        if (ids[i] == NULL || (p->org < 0 && p->org_id == NULL))
            continue;
        memset(&e, 0, sizeof e);
        e.type = EVG_ENT_ORGANIZATION;
        if (p->org >= 0) {
            const lx_org *org = &x->lx->org[p->org];
            int c = evg_i_lx_country_at(x->lx, org->countries, org->ncountries, x->date);
            e.id = org->id;
            e.name = org->name;
            e.country = c >= 0 ? x->lx->country[c].code : NULL;
        } else {
            e.id = p->org_id;
            e.name = p->org_name;
            e.country = x->lx->country[p->country].code;
        }
        if ((rc = emit(o, &e)) < 0)
            return rc;
    }
    for (size_t i = 0; i < x->npeople; i++)
        if (ids[i] && x->people[i].country >= 0 &&
            (rc = emit_country(o, x->people[i].country)) < 0)
            return rc;
    return 0;
}

/* The entity id of a party: its country's, or its organization's. */
static const char *party_id(out_ctx *o, const x_party *p)
{
    return p->country >= 0 ? country_id(o, p->country) : o->x->lx->org[p->org].id;
}

/* The entities of the events' parties, after the people's own: countries, organizations
 * (with the organization's country as of the article's date). */
static int emit_parties(out_ctx *o)
{
    const x_ctx *x = o->x;
    int rc = 0;

    for (size_t v = 0; v < x->nevents; v++)
        for (int k = 0; !x->events[v].dead && k < x->events[v].nparties && rc == 0; k++) {
            const x_party *p = &x->events[v].party[k];
            if (p->country >= 0) {
                rc = emit_country(o, p->country);
                continue;
            }
            const lx_org *org = &x->lx->org[p->org];
            int c = evg_i_lx_country_at(x->lx, org->countries, org->ncountries, x->date);
            evg_entity e;
            memset(&e, 0, sizeof e);
            e.type = EVG_ENT_ORGANIZATION;
            e.id = org->id;
            e.name = org->name;
            e.country = c >= 0 ? x->lx->country[c].code : NULL;
            rc = emit(o, &e);
        }
    return rc;
}

/* The id of an event's place: "place:" and the slug of its label (model/place.h), so
 * that the Defense Ministry in Baku and the one in Ankara are two places. */
static const char *place_id(out_ctx *o, const x_event *xe)
{
    evg_i_buf_clear(&o->x->tmp);
    evg_i_buf_clear(&o->buf);
    if (evg_i_place_label(&o->x->tmp, xe->place, xe->place_city) < 0 ||
        evg_i_buf_puts(&o->buf, "place:") < 0 ||
        evg_i_slug(&o->buf, o->x->tmp.ptr, o->x->tmp.len) < 0)
        return NULL;
    return evg_i_arena_strdup(&o->x->arena, o->buf.ptr);
}

static int emit_agreements_places(out_ctx *o)
{
    x_ctx *x = o->x;
    int rc;

    for (size_t a = 0; a < x->nagrs; a++) {
        evg_entity e;
        if (x->agrs[a].same_as >= 0) /* the description of one named later */
            continue;
        memset(&e, 0, sizeof e);
        e.type = EVG_ENT_AGREEMENT;
        e.id = x->agrs[a].id;
        e.name = x->agrs[a].name;
        e.kind = x->agrs[a].kind;
        if ((rc = emit(o, &e)) < 0)
            return rc;
    }
    for (size_t v = 0; v < x->nevents; v++) {
        const x_event *xe = &x->events[v];
        evg_entity e;
        if (xe->dead || xe->place == NULL)
            continue;
        memset(&e, 0, sizeof e);
        e.type = EVG_ENT_PLACE;
        e.name = xe->place;
        e.city = xe->place_city;
        e.country =
            xe->place_located >= 0 ? x->lx->country[xe->place_located].code : NULL;
        if ((e.id = place_id(o, xe)) == NULL)
            return evg_i_error_nomem(o->err);
        if ((rc = emit(o, &e)) < 0)
            return rc;
    }
    return 0;
}

static int cmp_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return x < y ? -1 : x > y;
}

static int emit_events(out_ctx *o, const char **pids, const char *docid)
{
    x_ctx *x = o->x;
    int n = 0, rc;

    for (size_t v = 0; v < x->nevents; v++) {
        x_event *xe = &x->events[v];
        evg_participant parts[X_MAX_PARTS];
        evg_party parties[X_MAX_PARTIES];
        evg_agreement_ref agr[X_MAX_AGR];
        evg_evidence evid[X_MAX_EVIDENCE];
        evg_event ev;
        char id[160];
        if (xe->dead)
            continue;
        memset(&ev, 0, sizeof ev);
        snprintf(id, sizeof id, "%s#%d", docid, ++n);
        ev.id = id;
        ev.type = xe->type;
        ev.status = xe->status;
        ev.date = xe->date[0] ? xe->date : NULL;
        ev.date_source = xe->date[0] ? xe->date_source : NULL;
        ev.place = xe->place;
        if (xe->place && (ev.place_id = place_id(o, xe)) == NULL)
            return evg_i_error_nomem(o->err);
        for (int k = 0; k < xe->nparts; k++) {
            /* Two people written apart can share an id ("Ana Lind", "Ana L'ind"):
             * the record lists an entity once, as its reader requires. */
            size_t j = 0;
            while (j < ev.nparticipants &&
                   strcmp(parts[j].entity, pids[xe->part[k]]) != 0)
                j++;
            if (j < ev.nparticipants)
                continue;
            parts[ev.nparticipants].entity = pids[xe->part[k]];
            parts[ev.nparticipants++].role = xe->role[k];
        }
        for (int k = 0; k < xe->nparties; k++) {
            if ((parties[k].entity = party_id(o, &xe->party[k])) == NULL)
                return evg_i_error_nomem(o->err);
            parties[k].role = xe->party_role[k];
            parties[k].title = xe->party[k].title;
        }
        ev.nparties = (size_t)xe->nparties;
        ev.nagreements = 0;
        for (int k = 0; k < xe->nagr; k++) {
            int a = xe->agr[k];
            if (x->agrs[a].same_as >= 0)
                a = x->agrs[a].same_as;
            size_t dup = 0;
            while (dup < ev.nagreements && agr[dup].entity != x->agrs[a].id)
                dup++;
            if (dup < ev.nagreements) /* named and described in one event: the stronger */
            {
                if (xe->rel[k] == EVG_REL_SIGNED)
                    agr[dup].relation = EVG_REL_SIGNED;
                continue;
            }
            agr[ev.nagreements].entity = x->agrs[a].id;
            agr[ev.nagreements++].relation = xe->rel[k];
        }
        qsort(xe->sent, (size_t)xe->nsent, sizeof(xe->sent[0]), cmp_size);
        for (int k = 0; k < xe->nsent; k++) {
            size_t s = xe->sent[k];
            size_t from = x->toks.toks[x->toks.sents[s]].start;
            size_t to = x->toks.toks[x->toks.sents[s + 1] - 1].end;
            evid[k].text = evg_i_arena_strndup(&x->arena, x->text + from, to - from);
            evid[k].start = from - x->body_off; /* offsets into the body */
            evid[k].end = to - x->body_off;
            if (evid[k].text == NULL)
                return evg_i_error_nomem(o->err);
        }
        ev.nevidence = (size_t)xe->nsent;
        ev.participants = parts;
        ev.parties = parties;
        ev.agreements = agr;
        ev.evidence = evid;
        if ((rc = evg_i_doc_add_event(o->d, &ev, o->err)) < 0)
            return rc;
    }
    return 0;
}

static int build_doc(evg_doc **out, x_ctx *x, const evg_article *a, evg_error *err)
{
    out_ctx o = {NULL, err, x, EVG_I_BUF_INIT};
    const char **pids = NULL;
    int rc = 0;

    EVG_CHECK(evg_i_doc_new(&o.d, evg_article_id(a), evg_article_path(a),
                            evg_article_date(a), evg_article_title(a), err));
    EVG_CHECK(evg_i_doc_set_origin(o.d, evg_article_url(a), evg_article_source(a), err));
    if ((pids = calloc(x->npeople + 1, sizeof(*pids))) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    EVG_CHECK(emit_people(&o, pids));
    EVG_CHECK(emit_parties(&o));
    EVG_CHECK(emit_agreements_places(&o));
    EVG_CHECK(emit_events(&o, pids, evg_article_id(a)));
    *out = o.d;
    o.d = NULL;
cleanup:
    evg_doc_free(o.d);
    free(pids);
    evg_i_buf_free(&o.buf);
    return rc;
}

static void ctx_free(x_ctx *x)
{
    evg_i_tokens_free(&x->toks);
    free(x->mp);
    free(x->mlen);
    free(x->wcls);
    free(x->in_agreement);
    free(x->quote_of);
    free(x->speaker);
    free(x->people);
    evg_i_strmap_free(&x->by_surname);
    evg_i_strmap_free(&x->by_given);
    evg_i_strmap_free(&x->by_inner);
    evg_i_strmap_free(&x->by_title);
    free(x->plink);
    free(x->ment);
    free(x->dels);
    free(x->agrs);
    evg_i_strmap_free(&x->agr_by_id);
    evg_i_strmap_free(&x->agr_by_prefix);
    evg_i_strmap_free(&x->agr_by_tail);
    evg_i_strmap_free(&x->agr_by_acronym);
    evg_i_strmap_free(&x->agr_by_paren);
    evg_i_strmap_free(&x->agr_kinds);
    free(x->events);
    free(x->elink);
    evg_i_strmap_free(&x->party_events);
    free(x->sent_events);
    evg_i_buf_free(&x->tmp);
    evg_i_arena_free(&x->arena);
}

/*
 * The text to read: the headline, when it is written as prose (not in
 * capitals alone), then the body. The headline names people the body may
 * call by title alone ("the Prime Minister"); no event is taken from it,
 * since it repeats the body's.
 */
static int with_headline(x_ctx *x, const evg_article *a)
{
    const char *h = evg_article_title(a), *body = evg_article_body(a);
    size_t hl = h ? strlen(h) : 0, bl = evg_article_body_len(a);
    int lower = 0;

    for (size_t i = 0; i < hl && !lower; i++)
        lower = h[i] >= 'a' && h[i] <= 'z';
    x->text = body;
    x->len = bl;
    if (!lower)
        return 0;
    evg_i_buf_clear(&x->tmp);
    if (evg_i_buf_put(&x->tmp, h, hl) < 0 || evg_i_buf_puts(&x->tmp, "\n\n") < 0 ||
        evg_i_buf_put(&x->tmp, body, bl) < 0)
        return EVG_ENOMEM;
    x->body_off = hl + 2;
    x->len = x->tmp.len;
    x->text = evg_i_arena_strndup(&x->arena, x->tmp.ptr, x->tmp.len);
    return x->text ? 0 : EVG_ENOMEM;
}

int evg_extract(evg_doc **out, const evg_article *a, const evg_lexicon *lx,
                const evg_extract_opts *opts, evg_error *err)
{
    x_ctx x;
    int rc = 0;

    (void)opts;
    *out = NULL;
    memset(&x, 0, sizeof x);
    x.lx = lx;
    x.date = evg_article_date(a);
    x.focus = x.visitor = x.dateline_country = x.dateline_located = x.home_country =
        x.issuer_country = x.pending_event = x.list_target = -1;
    x.last_ref = x.latest_dated[0] = x.latest_dated[1] = -1;
    if (with_headline(&x, a) < 0 ||
        evg_i_tokenize(&x.toks, x.text, x.len, &lx->abbrevs) < 0 || match_all(&x) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    while (x.body_sent < x.toks.nsents &&
           x.toks.toks[x.toks.sents[x.body_sent]].start < x.body_off)
        x.body_sent++;
    if (x_find_quotes(&x) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    if (x_source_issuer(&x, evg_article_source(a)) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    find_dateline(&x);
    find_two_countries(&x);
    if ((rc = read_sentences(&x)) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    settle_events(&x);
    x_apply_officials(&x);
    if (x_infer_countries(&x) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    rc = build_doc(out, &x, a, err);
cleanup:
    ctx_free(&x);
    return rc;
}
