/*
 * gen_events: realistic extracted events for benchmarks, as the JSON Lines
 * that `evgraph extract` writes (docs/events.md), with no article behind them.
 *
 *   gen_events [-n EVENTS] [-s SEED] [-o FILE]
 *
 * What makes them realistic, and the merge busy:
 *   - a world of countries (real ISO codes, capitals and adjectives) with
 *     invented officials; who takes part is heavy-tailed: countries are drawn
 *     from a Zipf law (s = 0.8) and officials within their country from
 *     another (s = 1.05), so a few heads of state and foreign ministers are in
 *     thousands of meetings and most officials in a handful;
 *   - happenings over ten years (2015-2024): bilateral meetings with a host
 *     and a guest, multi-party meetings of three to eight, calls, visits,
 *     signings of agreements, meetings announced for later;
 *   - each happening reported by one to six outlets (about two on average),
 *     each in its own way: a participant left out, a surname alone, a name in
 *     capitals, a date a day off, the dateline's date, no date at all;
 *   - articles that report several happenings of their day.
 * The same arguments always give the same bytes (a seeded generator).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "gen_world.h"

#define FIRST_DAY 0L /* 2015-01-01 */
#define DAYS 3653L   /* to 2024-12-31 */

/* ---- happenings and their reports -------------------------------------- */

enum { H_MEETING, H_MULTI, H_CALL, H_VISIT, H_SIGNING, H_PLANNED };

#define MAX_PARTS 8

typedef struct {
    int kind;
    long day; /* days since 2015-01-01 */
    int np;
    size_t people[MAX_PARTS]; /* people[0] hosts a bilateral meeting */
    int place;                /* capital of this country index, or -1 */
    size_t agreement;         /* SIZE_MAX: none */
} happening;

typedef struct {
    const happening *h;
    int drop;      /* participants left out (from the end) */
    int short_at;  /* participant written as a surname alone, or -1 */
    int caps_at;   /* participant written in capitals, or -1 */
    int date_mode; /* 0 text, 1 a day later, 2 dateline, 3 none */
} report;

static void make_people(gw_world *w, happening *h, int n)
{
    int c = gw_country(w);

    h->np = 0;
    while (h->np < n) {
        /* the first two from different countries: a bilateral meeting */
        size_t p = gw_person_of(w, h->np == 0 ? c : gw_country_other(w, c));
        int dup = 0;
        for (int k = 0; k < h->np; k++)
            dup |= h->people[k] == p;
        if (!dup)
            h->people[h->np++] = p;
    }
}

static void make_happening(gw_world *w, happening *h, long day)
{
    uint64_t x = gw_rand(w) % 100;

    memset(h, 0, sizeof(*h));
    h->day = day;
    h->agreement = SIZE_MAX;
    h->kind = x < 52   ? H_MEETING
              : x < 62 ? H_MULTI
              : x < 80 ? H_CALL
              : x < 85 ? H_VISIT
              : x < 93 ? H_SIGNING
                       : H_PLANNED;
    make_people(w, h,
                h->kind == H_MULTI   ? 3 + (int)(gw_rand(w) % 6)
                : h->kind == H_VISIT ? 1
                                     : 2);
    h->place = h->kind == H_CALL ? -1 : w->people[h->people[0]].country;
    if (h->kind != H_CALL && gw_rand(w) % 10 == 0) /* a summit in a third country */
        h->place = gw_country(w);
    if (h->kind == H_PLANNED) /* announced one to four weeks ahead */
        h->day += 7 + (long)(gw_rand(w) % 22);
    if (h->kind == H_SIGNING || (h->kind == H_MEETING && gw_rand(w) % 8 == 0))
        h->agreement = gw_agreement(w, w->people[h->people[0]].country,
                                    w->people[h->people[1]].country);
}

/* How one outlet reports happening `h`. */
static void make_report(gw_world *w, report *r, const happening *h)
{
    uint64_t x = gw_rand(w) % 100;

    r->h = h;
    r->drop = h->np > 2 && gw_rand(w) % 5 == 0
                  ? 1 + (int)(gw_rand(w) % (uint64_t)(h->np - 2))
                  : 0;
    r->short_at =
        gw_rand(w) % 12 == 0 ? (int)(gw_rand(w) % (uint64_t)(h->np - r->drop)) : -1;
    r->caps_at =
        gw_rand(w) % 30 == 0 ? (int)(gw_rand(w) % (uint64_t)(h->np - r->drop)) : -1;
    r->date_mode = x < 82 ? 0 : x < 87 ? 1 : x < 97 ? 2 : 3;
}

/* ---- one document ------------------------------------------------------ */

typedef struct {
    json_t *ents; /* the entities array */
    json_t *seen; /* entity id -> itself: each entity once per document */
    size_t body;  /* length of the article body so far: evidence offsets */
} doc_state;

/* Add entity `e` (taken) unless its id is there; its id, borrowed from the document. */
static const char *add_entity(doc_state *d, json_t *e)
{
    const char *id = json_string_value(json_object_get(e, "id"));
    json_t *known = json_object_get(d->seen, id);

    if (known) {
        json_decref(e);
        return json_string_value(known);
    }
    json_object_set_new(d->seen, id, json_string(id));
    json_array_append_new(d->ents, e);
    return json_string_value(json_object_get(d->seen, id));
}

static void add_country(doc_state *d, const gw_world *w, int c)
{
    char id[32];

    snprintf(id, sizeof id, "country:%s", w->countries[c].code);
    add_entity(d, json_pack("{s:s, s:s, s:s}", "id", id, "type", "country", "name",
                            w->countries[c].name));
}

/* The person, their country and ministry; the person's entity id. */
static const char *add_person(doc_state *d, const gw_world *w, size_t p, int form)
{
    char id[160], name[128], org[160], org_name[160];
    const char *org_id = gw_org_id(w, p, org, sizeof org);
    const char *cc = w->countries[w->people[p].country].code;

    gw_person_name(name, sizeof name, w, p, form);
    snprintf(id, sizeof id, "person:%s", name);
    gw_slug(id + 7);
    add_country(d, w, w->people[p].country);
    if (org_id) {
        gw_org_name(org_name, sizeof org_name, w, p);
        add_entity(d, json_pack("{s:s, s:s, s:s, s:s}", "id", org_id, "type",
                                "organization", "name", org_name, "country", cc));
    }
    return add_entity(d, json_pack("{s:s, s:s, s:s, s:[s], s:s, s:s?}", "id", id, "type",
                                   "person", "name", name, "titles", gw_title(w, p),
                                   "country", cc, "org", org_id));
}

static const char *add_agreement(doc_state *d, const gw_world *w, size_t a)
{
    char id[160], name[128];

    gw_agreement_name(name, sizeof name, w, a);
    snprintf(id, sizeof id, "agreement:%s", name);
    gw_slug(id + 10);
    return add_entity(d, json_pack("{s:s, s:s, s:s, s:s}", "id", id, "type", "agreement",
                                   "name", name, "kind", gw_agreement_kind(a)));
}

static const char *role_of(const happening *h, int k)
{
    if (h->kind == H_MEETING || h->kind == H_SIGNING || h->kind == H_PLANNED)
        return k == 0 ? "host" : k == 1 ? "guest" : "participant";
    return "participant";
}

/*
 * The participants of a report. Two officials may bear one name (the names
 * are drawn at random); an article then names them once, as an extractor
 * would, and an event lists each entity once (docs/events.md).
 */
static json_t *participants(doc_state *d, const gw_world *w, const report *r)
{
    json_t *ps = json_array(), *ids = json_object();

    for (int k = 0; k < r->h->np - r->drop; k++) {
        int form = k == r->short_at ? GW_SHORT : k == r->caps_at ? GW_CAPS : GW_FULL;
        const char *id = add_person(d, w, r->h->people[k], form);
        if (json_object_get(ids, id))
            continue;
        json_object_set_new(ids, id, json_true());
        json_array_append_new(
            ps, json_pack("{s:s, s:s}", "entity", id, "role", role_of(r->h, k)));
    }
    json_decref(ids);
    return ps;
}

/* The sentence an outlet writes: "Foreign Minister Ana Velani received ...". */
static void sentence(char *out, size_t size, const gw_world *w, const report *r,
                     const char *place)
{
    static const char *const VERB[] = {"held talks with",          "met",
                                       "spoke by telephone with",  "laid a wreath in",
                                       "signed an agreement with", "will host"};
    char a[128], b[128];
    const happening *h = r->h;

    gw_person_name(a, sizeof a, w, h->people[0], GW_FULL);
    if (h->np - r->drop < 2)
        snprintf(out, size, "%s %s %s %s.", gw_title(w, h->people[0]), a, VERB[h->kind],
                 place[0] ? place : "the capital");
    else {
        gw_person_name(b, sizeof b, w, h->people[1], GW_FULL);
        snprintf(out, size, "%s %s %s %s of %s %s%s%s%s.", gw_title(w, h->people[0]), a,
                 VERB[h->kind], gw_title(w, h->people[1]),
                 w->countries[w->people[h->people[1]].country].name, b,
                 h->np - r->drop > 2 ? " and other officials" : "",
                 place[0] ? " in " : "", place);
    }
}

static const char *const KIND_NAMES[] = {"meeting", "meeting", "call",
                                         "visit",   "signing", "meeting"};

static json_t *event_json(doc_state *d, gw_world *w, const report *r, const char *doc_id,
                          int n)
{
    const happening *h = r->h;
    char id[128], date[16], place[96], text[512];
    json_t *as = json_array();
    size_t start = d->body;

    snprintf(id, sizeof id, "%s#%d", doc_id, n);
    gw_date(date, h->day + (r->date_mode == 1));
    place[0] = '\0';
    if (h->place >= 0)
        gw_place_name(place, sizeof place, w, h->place);
    if (h->agreement != SIZE_MAX)
        json_array_append_new(
            as, json_pack("{s:s, s:s}", "entity", add_agreement(d, w, h->agreement),
                          "relation", h->kind == H_SIGNING ? "signed" : "referenced"));
    sentence(text, sizeof text, w, r, place);
    d->body += strlen(text) + 1;
    return json_pack("{s:s, s:s, s:s, s:s?, s:s?, s:s?, s:o, s:o, s:[{s:I, s:I, s:s}]}",
                     "id", id, "type", KIND_NAMES[h->kind], "status",
                     h->kind == H_PLANNED ? "planned" : "reported", "date",
                     r->date_mode == 3 ? NULL : date, "date_source",
                     r->date_mode == 3   ? NULL
                     : r->date_mode == 2 ? "dateline"
                                         : "text",
                     "place", place[0] ? place : NULL, "participants",
                     participants(d, w, r), "agreements", as, "evidence", "start",
                     (json_int_t)start, "end", (json_int_t)(start + strlen(text)), "text",
                     text);
}

static const char *const OUTLETS[] = {
    "northwire",         "capital-post", "daily-ledger",    "harbour-times",
    "the-meridian",      "state-news",   "evening-courier", "continental",
    "the-observer-desk", "policy-brief", "gazette-online",  "world-desk"};
#define NOUTLETS (sizeof OUTLETS / sizeof OUTLETS[0])

/* Write one article's record: reports r[0..n) of day `day`. 0, or -1 on failure. */
static int write_doc(FILE *out, gw_world *w, const report *r, size_t n, long day,
                     size_t seq)
{
    doc_state d = {json_array(), json_object(), 0};
    json_t *evs = json_array(), *root;
    char id[96], date[16], title[256], a[128];
    int rc;

    gw_date(date, day);
    snprintf(id, sizeof id, "%s-%.4s%.2s%.2s-%07zu", OUTLETS[gw_rand(w) % NOUTLETS], date,
             date + 5, date + 8, seq);
    for (size_t i = 0; i < n; i++)
        json_array_append_new(evs, event_json(&d, w, &r[i], id, (int)i + 1));
    gw_person_name(a, sizeof a, w, r[0].h->people[0], GW_FULL);
    snprintf(title, sizeof title, "%s %s in talks with %s counterpart",
             gw_title(w, r[0].h->people[0]), a,
             w->countries[w->people[r[0].h->people[r[0].h->np > 1]].country].adjective);
    root = json_pack("{s:{s:s, s:n, s:s, s:s}, s:o, s:o}", "doc", "id", id, "path",
                     "date", date, "title", title, "entities", d.ents, "events", evs);
    json_decref(d.seen);
    if (root == NULL)
        return -1;
    rc = json_dumpf(root, out, JSON_COMPACT) < 0 || fputc('\n', out) == EOF ? -1 : 0;
    json_decref(root);
    return rc;
}

/* ---- the days ---------------------------------------------------------- */

typedef struct {
    happening *h;
    report *r;
    size_t nh, nr, caph, capr;
} day_buf;

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    void *q;
    size_t c = *cap ? *cap : 64;

    if (need <= *cap)
        return 0;
    while (c < need)
        c *= 2;
    if ((q = realloc(*p, c * size)) == NULL)
        return -1;
    *p = q;
    *cap = c;
    return 0;
}

/* The happenings of `day` and their reports, `want` reports at least. */
static int make_day(day_buf *b, gw_world *w, long day, size_t want)
{
    b->nh = b->nr = 0;
    /* Reports point into b->h: reserve the happenings first. */
    if (grow((void **)&b->h, &b->caph, want, sizeof(*b->h)) < 0)
        return -1;
    while (b->nr < want && b->nh < b->caph) {
        happening *h = &b->h[b->nh++];
        int outlets = 1;
        make_happening(w, h, day);
        while (outlets < 6 && gw_rand(w) % 2 == 0)
            outlets++;
        if (grow((void **)&b->r, &b->capr, b->nr + (size_t)outlets, sizeof(*b->r)) < 0)
            return -1;
        for (int k = 0; k < outlets; k++)
            make_report(w, &b->r[b->nr++], h);
    }
    for (size_t i = b->nr; i > 1; i--) { /* outlets publish in no particular order */
        size_t j = (size_t)(gw_rand(w) % i);
        report t = b->r[i - 1];
        b->r[i - 1] = b->r[j];
        b->r[j] = t;
    }
    return 0;
}

/* Articles of one to four reports of the day, never two of one happening. */
static int write_day(FILE *out, gw_world *w, const day_buf *b, long day, size_t limit,
                     size_t *written, size_t *seq)
{
    size_t i = 0;

    while (i < b->nr && *written < limit) {
        size_t n = 1, size = 1 + (size_t)(gw_rand(w) % 4);
        while (n < size && i + n < b->nr && *written + n < limit) {
            int twice = 0;
            for (size_t k = i; k < i + n; k++)
                twice |= b->r[k].h == b->r[i + n].h;
            if (twice)
                break;
            n++;
        }
        if (write_doc(out, w, &b->r[i], n, day + (long)(gw_rand(w) % 5 == 0), (*seq)++) <
            0)
            return -1;
        i += n;
        *written += n;
    }
    return 0;
}

static int generate(FILE *out, size_t events, uint64_t seed)
{
    gw_world w;
    day_buf b = {NULL, NULL, 0, 0, 0, 0};
    size_t written = 0, seq = 0;
    int rc = 0;

    if (gw_init(&w, seed) < 0)
        return -1;
    /* Spread evenly: by the end of day d, (d + 1) / DAYS of the events. */
    for (long day = FIRST_DAY; day < DAYS && rc == 0; day++) {
        size_t due = (size_t)((double)events * (double)(day + 1) / (double)DAYS);
        if (due <= written)
            continue;
        rc = make_day(&b, &w, day, due - written);
        if (rc == 0)
            rc = write_day(out, &w, &b, day, due, &written, &seq);
    }
    free(b.h);
    free(b.r);
    gw_free(&w);
    return rc;
}

static void usage(FILE *f)
{
    fprintf(f,
            "usage: gen_events [-n EVENTS] [-s SEED] [-o FILE]\n"
            "Write EVENTS (default 1000000) realistic extracted events as JSON Lines.\n");
}

static int parse_count(unsigned long long *out, const char *s)
{
    char *end;

    errno = 0;
    *out = strtoull(s, &end, 10);
    return errno || end == s || *end != '\0' || s[0] == '-' ? -1 : 0;
}

int main(int argc, char **argv)
{
    unsigned long long events = 1000000, seed = 1;
    const char *path = NULL;
    FILE *out = stdout;
    int rc;

    for (int i = 1; i < argc; i++) {
        int has = i + 1 < argc;
        if (strcmp(argv[i], "-n") == 0 && has && parse_count(&events, argv[i + 1]) == 0)
            i++;
        else if (strcmp(argv[i], "-s") == 0 && has &&
                 parse_count(&seed, argv[i + 1]) == 0)
            i++;
        else if (strcmp(argv[i], "-o") == 0 && has)
            path = argv[++i];
        else {
            usage(strcmp(argv[i], "-h") == 0 ? stdout : stderr);
            return strcmp(argv[i], "-h") == 0 ? 0 : 2;
        }
    }
    if (path && (out = fopen(path, "w")) == NULL) {
        fprintf(stderr, "gen_events: %s: %s\n", path, strerror(errno));
        return 1;
    }
    rc = generate(out, (size_t)events, (uint64_t)seed);
    if (fflush(out) != 0 || ferror(out))
        rc = -1;
    if (path && fclose(out) != 0)
        rc = -1;
    if (rc < 0)
        fprintf(stderr, "gen_events: %s: write failed or out of memory\n",
                path ? path : "<stdout>");
    return rc < 0 ? 1 : 0;
}
