#include <assert.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/doc_internal.h"
#include "model/place.h"
#include "util/buf.h"
#include "util/strmap.h"
#include "util/utf8.h"

static const char *const ENTITY_TYPES[] = {"person", "organization", "country",
                                           "agreement", "place"};
/*
 * The one table of event types (include/evgraph/doc.h): the name the event
 * record, the GraphML and the queries use, and whether the type brings
 * people together in person. Indexed by evg_event_type.
 */
static const struct {
    const char *name;
    int in_person;
} EVENT_TYPES[] = {
    [EVG_EV_MEETING] = {"meeting", 1},
    [EVG_EV_CALL] = {"call", 0},
    [EVG_EV_VISIT] = {"visit", 1},
    [EVG_EV_SIGNING] = {"signing", 1},
};
static_assert(sizeof(EVENT_TYPES) / sizeof(EVENT_TYPES[0]) == EVG_EV__COUNT,
              "one row of EVENT_TYPES per evg_event_type");
static const char *const STATUSES[] = {"reported", "planned"};
static const char *const ROLES[] = {"host", "guest", "participant"};
static const char *const RELATIONS[] = {"signed", "referenced", "negotiated", "ratified",
                                        "withdrawn"};

#define NAME_OF(table, v)                                                                \
    ((size_t)(v) < sizeof(table) / sizeof(table[0]) ? table[(v)] : "unknown")

const char *evg_entity_type_name(evg_entity_type t)
{
    return NAME_OF(ENTITY_TYPES, t);
}
const char *evg_event_type_name(evg_event_type t)
{
    return (unsigned)t < EVG_EV__COUNT ? EVENT_TYPES[t].name : "unknown";
}
int evg_event_type_from_name(evg_event_type *out, const char *name)
{
    for (unsigned t = 0; name && t < EVG_EV__COUNT; t++)
        if (strcmp(EVENT_TYPES[t].name, name) == 0) {
            *out = (evg_event_type)t;
            return 0;
        }
    return EVG_EINVAL;
}
int evg_event_type_in_person(evg_event_type t)
{
    return (unsigned)t < EVG_EV__COUNT && EVENT_TYPES[t].in_person;
}
const char *evg_event_status_name(evg_event_status s)
{
    return NAME_OF(STATUSES, s);
}
const char *evg_role_name(evg_role r)
{
    return NAME_OF(ROLES, r);
}
const char *evg_agreement_rel_name(evg_agreement_rel r)
{
    return NAME_OF(RELATIONS, r);
}

static int parse_name(int *out, const char *const *table, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++)
        if (strcmp(table[i], s) == 0) {
            *out = (int)i;
            return 0;
        }
    return -1;
}

#define PARSE_INTO(type, table)                                                          \
    int v, r = parse_name(&v, table, sizeof(table) / sizeof(table[0]), s);               \
    if (r == 0)                                                                          \
        *out = (type)v;                                                                  \
    return r

int evg_i_entity_type_parse(evg_entity_type *out, const char *s)
{
    PARSE_INTO(evg_entity_type, ENTITY_TYPES);
}
int evg_i_event_type_parse(evg_event_type *out, const char *s)
{
    return evg_event_type_from_name(out, s) < 0 ? -1 : 0;
}
int evg_i_event_status_parse(evg_event_status *out, const char *s)
{
    PARSE_INTO(evg_event_status, STATUSES);
}
int evg_i_role_parse(evg_role *out, const char *s)
{
    PARSE_INTO(evg_role, ROLES);
}
int evg_i_agreement_rel_parse(evg_agreement_rel *out, const char *s)
{
    PARSE_INTO(evg_agreement_rel, RELATIONS);
}

int evg_i_doc_new(evg_doc **out, const char *id, const char *path, const char *date,
                  const char *title, evg_error *err)
{
    evg_doc *d;

    *out = NULL;
    if ((d = calloc(1, sizeof(*d))) == NULL)
        return evg_i_error_nomem(err);
    d->id = evg_i_arena_strdup(&d->arena, id);
    d->path = evg_i_arena_strdup(&d->arena, path);
    d->date = evg_i_arena_strdup(&d->arena, date);
    d->title = evg_i_arena_strdup(&d->arena, title);
    if (!d->id || (path && !d->path) || (date && !d->date) || (title && !d->title)) {
        evg_doc_free(d);
        return evg_i_error_nomem(err);
    }
    *out = d;
    return 0;
}

int evg_i_doc_set_origin(evg_doc *d, const char *url, const char *source, evg_error *err)
{
    d->url = url && url[0] ? evg_i_arena_strdup(&d->arena, url) : NULL;
    d->source = source && source[0] ? evg_i_arena_strdup(&d->arena, source) : NULL;
    if ((url && url[0] && !d->url) || (source && source[0] && !d->source))
        return evg_i_error_nomem(err);
    return 0;
}

/* A table of exactly `n` elements (evg_i_grow would round up); none for 0. */
static int exact_table(void **table, size_t *cap, size_t n, size_t size)
{
    if (n == 0)
        return 0;
    if (n > SIZE_MAX / size || (*table = malloc(n * size)) == NULL)
        return EVG_ENOMEM;
    *cap = n;
    return 0;
}

int evg_i_doc_new_sized(evg_doc **out, size_t nents, size_t nevents, evg_error *err)
{
    evg_doc *d;

    *out = NULL;
    if ((d = calloc(1, sizeof(*d))) == NULL)
        return evg_i_error_nomem(err);
    if (exact_table((void **)&d->ents, &d->cap_ents, nents, sizeof(*d->ents)) < 0 ||
        exact_table((void **)&d->events, &d->cap_events, nevents, sizeof(*d->events)) <
            0) {
        evg_doc_free(d);
        return evg_i_error_nomem(err);
    }
    *out = d;
    return 0;
}

/* ---- entities by id ------------------------------------------------------ */

/* Fewer entities are scanned: most documents name a handful. */
#define ID_INDEX_MIN 16

static size_t id_slot(const evg_doc *d, const char *id)
{
    size_t i = (size_t)evg_i_hash(id, strlen(id)) & (d->id_cap - 1);

    while (d->id_slots[i] && strcmp(d->ents[d->id_slots[i] - 1].id, id) != 0)
        i = (i + 1) & (d->id_cap - 1);
    return i;
}

/* Index entity `k` (its id new to the table); the table at most half full. */
static int id_index_add(evg_doc *d, size_t k)
{
    if (k >= UINT32_MAX)
        return EVG_ENOMEM;
    if (2 * (k + 1) >= d->id_cap) {
        size_t cap = d->id_cap ? 2 * d->id_cap : 4 * ID_INDEX_MIN;
        uint32_t *slots = calloc(cap, sizeof(*slots));
        if (slots == NULL)
            return EVG_ENOMEM;
        free(d->id_slots);
        d->id_slots = slots;
        d->id_cap = cap;
        for (size_t j = 0; j < k; j++)
            d->id_slots[id_slot(d, d->ents[j].id)] = (uint32_t)j + 1;
    }
    d->id_slots[id_slot(d, d->ents[k].id)] = (uint32_t)k + 1;
    return 0;
}

/* Entity d->ents[nents] was just filled in: count it, and index it when the table is
 * due. */
static int entity_added(evg_doc *d, evg_error *err)
{
    if (d->nents + 1 > ID_INDEX_MIN && id_index_add(d, d->nents) < 0)
        return evg_i_error_nomem(err);
    d->nents++;
    return 0;
}

int evg_i_doc_push_entity(evg_doc *d, const evg_entity *e, evg_error *err)
{
    if (evg_i_grow((void **)&d->ents, &d->cap_ents, d->nents + 1, sizeof(*d->ents)) < 0)
        return evg_i_error_nomem(err);
    d->ents[d->nents] = *e;
    return entity_added(d, err);
}

int evg_i_doc_push_event(evg_doc *d, const evg_event *ev, evg_error *err)
{
    if (evg_i_grow((void **)&d->events, &d->cap_events, d->nevents + 1,
                   sizeof(*d->events)) < 0)
        return evg_i_error_nomem(err);
    d->events[d->nevents++] = *ev;
    return 0;
}

/* ---- settling a document ------------------------------------------------ */

/*
 * The block being filled: arrays from the front (all their elements are
 * multiples of a pointer's size, so the front stays aligned), strings from
 * the back (they need no alignment).
 */
typedef struct {
    unsigned char *lo, *hi;
} slab;

#define ARRAY_OK(t) (alignof(t) <= alignof(void *) && sizeof(t) % alignof(void *) == 0)
static_assert(ARRAY_OK(const char *) && ARRAY_OK(evg_participant) &&
                  ARRAY_OK(evg_party) && ARRAY_OK(evg_agreement_ref) &&
                  ARRAY_OK(evg_evidence),
              "a document's arrays pack one after another, each aligned");

static size_t str_room(const char *s)
{
    return s ? strlen(s) + 1 : 0;
}

static const char *slab_str(slab *b, const char *s)
{
    size_t n = str_room(s);

    if (s == NULL)
        return NULL;
    b->hi -= n;
    return memcpy(b->hi, s, n);
}

static void *slab_array(slab *b, const void *v, size_t n, size_t size)
{
    void *p = b->lo;

    if (n == 0)
        return NULL;
    b->lo += n * size;
    return memcpy(p, v, n * size);
}

static size_t entity_room(const evg_entity *e)
{
    size_t n = str_room(e->id) + str_room(e->name) + str_room(e->country) +
               str_room(e->org) + str_room(e->kind) + str_room(e->city) +
               e->ntitles * sizeof(*e->titles);

    for (size_t i = 0; i < e->ntitles; i++)
        n += str_room(e->titles[i]);
    return n;
}

/* Participants, parties, agreements and the place name entities: their ids are the
 * entities' own. */
static size_t event_room(const evg_event *ev)
{
    size_t n = str_room(ev->id) + str_room(ev->date) + str_room(ev->date_source) +
               str_room(ev->place) + ev->nparticipants * sizeof(*ev->participants) +
               ev->nparties * sizeof(*ev->parties) +
               ev->nagreements * sizeof(*ev->agreements) +
               ev->nevidence * sizeof(*ev->evidence);

    for (size_t i = 0; i < ev->nparties; i++)
        n += str_room(ev->parties[i].title);
    for (size_t i = 0; i < ev->nevidence; i++)
        n += str_room(ev->evidence[i].text);
    return n;
}

static void settle_entity(slab *b, evg_entity *e)
{
    const char **titles = slab_array(b, e->titles, e->ntitles, sizeof(*e->titles));

    for (size_t i = 0; i < e->ntitles; i++)
        titles[i] = slab_str(b, titles[i]);
    e->titles = titles;
    e->id = slab_str(b, e->id);
    e->name = slab_str(b, e->name);
    e->country = slab_str(b, e->country);
    e->org = slab_str(b, e->org);
    e->kind = slab_str(b, e->kind);
    e->city = slab_str(b, e->city);
}

/* The settled id of the entity whose borrowed id was `id` (in old[]); with the table
 * of ids, found by its text, the same (ids are unique) without a scan. */
static const char *entity_id(const evg_doc *d, const char *const *old, const char *id)
{
    long i;

    if (d->id_cap)
        return (i = evg_i_doc_entity_index(d, id)) >= 0 ? d->ents[i].id : NULL;
    for (size_t k = 0; k < d->nents; k++)
        if (old[k] == id)
            return d->ents[k].id;
    return NULL; /* not reached: the reader points only at entities' ids */
}

static void settle_event(slab *b, evg_event *ev, const evg_doc *d, const char *const *old)
{
    evg_participant *ps = slab_array(b, ev->participants, ev->nparticipants, sizeof(*ps));
    evg_party *ys = slab_array(b, ev->parties, ev->nparties, sizeof(*ys));
    evg_agreement_ref *as = slab_array(b, ev->agreements, ev->nagreements, sizeof(*as));
    evg_evidence *es = slab_array(b, ev->evidence, ev->nevidence, sizeof(*es));

    for (size_t i = 0; i < ev->nparticipants; i++)
        ps[i].entity = entity_id(d, old, ps[i].entity);
    for (size_t i = 0; i < ev->nparties; i++) {
        ys[i].entity = entity_id(d, old, ys[i].entity);
        ys[i].title = slab_str(b, ys[i].title);
    }
    for (size_t i = 0; i < ev->nagreements; i++)
        as[i].entity = entity_id(d, old, as[i].entity);
    for (size_t i = 0; i < ev->nevidence; i++)
        es[i].text = slab_str(b, es[i].text);
    if (ev->place_id)
        ev->place_id = entity_id(d, old, ev->place_id);
    ev->participants = ps;
    ev->parties = ys;
    ev->agreements = as;
    ev->evidence = es;
    ev->id = slab_str(b, ev->id);
    ev->date = slab_str(b, ev->date);
    ev->date_source = slab_str(b, ev->date_source);
    ev->place = slab_str(b, ev->place);
}

int evg_i_doc_settle(evg_doc *d, evg_error *err)
{
    size_t room = str_room(d->id) + str_room(d->path) + str_room(d->date) +
                  str_room(d->title) + str_room(d->url) + str_room(d->source);
    const char **old = NULL;
    slab b;

    for (size_t i = 0; i < d->nents; i++)
        room += entity_room(&d->ents[i]);
    for (size_t i = 0; i < d->nevents; i++)
        room += event_room(&d->events[i]);
    if ((d->slab = malloc(room ? room : 1)) == NULL ||
        (d->nents && (old = malloc(d->nents * sizeof(*old))) == NULL))
        return evg_i_error_nomem(err);
    b.lo = d->slab;
    b.hi = d->slab + room;
    d->id = slab_str(&b, d->id);
    d->path = slab_str(&b, d->path);
    d->date = slab_str(&b, d->date);
    d->title = slab_str(&b, d->title);
    d->url = slab_str(&b, d->url);
    d->source = slab_str(&b, d->source);
    for (size_t i = 0; i < d->nents; i++) {
        old[i] = d->ents[i].id;
        settle_entity(&b, &d->ents[i]);
    }
    for (size_t i = 0; i < d->nevents; i++)
        settle_event(&b, &d->events[i], d, old);
    free(old);
    return 0;
}

/* Copy a string into the arena; a NULL input stays NULL. Sets *fail on OOM. */
static const char *dup_opt(evg_doc *d, const char *s, int *fail)
{
    const char *p;

    if (s == NULL)
        return NULL;
    if ((p = evg_i_arena_strdup(&d->arena, s)) == NULL)
        *fail = 1;
    return p;
}

int evg_i_doc_add_entity(evg_doc *d, const evg_entity *e, evg_error *err)
{
    evg_entity c = *e;
    const char **titles = NULL;
    int fail = 0;

    if (evg_i_grow((void **)&d->ents, &d->cap_ents, d->nents + 1, sizeof(*d->ents)) < 0)
        return evg_i_error_nomem(err);
    c.id = dup_opt(d, e->id, &fail);
    c.name = dup_opt(d, e->name, &fail);
    c.country = dup_opt(d, e->country, &fail);
    c.org = dup_opt(d, e->org, &fail);
    c.kind = dup_opt(d, e->kind, &fail);
    c.city = dup_opt(d, e->city, &fail);
    if (e->ntitles) {
        titles = evg_i_arena_alloc(&d->arena, e->ntitles * sizeof(*titles));
        fail |= titles == NULL;
        for (size_t i = 0; titles && i < e->ntitles; i++)
            titles[i] = dup_opt(d, e->titles[i], &fail);
    }
    c.titles = titles;
    if (fail)
        return evg_i_error_nomem(err);
    d->ents[d->nents] = c;
    return entity_added(d, err);
}

int evg_i_doc_add_event(evg_doc *d, const evg_event *ev, evg_error *err)
{
    evg_event c = *ev;
    evg_participant *ps = NULL;
    evg_party *ys = NULL;
    evg_agreement_ref *as = NULL;
    evg_evidence *es = NULL;
    int fail = 0;

    if (evg_i_grow((void **)&d->events, &d->cap_events, d->nevents + 1,
                   sizeof(*d->events)) < 0)
        return evg_i_error_nomem(err);
    c.id = dup_opt(d, ev->id, &fail);
    c.date = dup_opt(d, ev->date, &fail);
    c.date_source = ev->date ? dup_opt(d, ev->date_source, &fail) : NULL;
    c.place = dup_opt(d, ev->place, &fail);
    c.place_id = dup_opt(d, ev->place_id, &fail);
    if (ev->nparticipants &&
        (ps = evg_i_arena_alloc(&d->arena, ev->nparticipants * sizeof(*ps))) == NULL)
        fail = 1;
    for (size_t i = 0; ps && i < ev->nparticipants; i++) {
        ps[i].role = ev->participants[i].role;
        ps[i].entity = dup_opt(d, ev->participants[i].entity, &fail);
    }
    if (ev->nparties &&
        (ys = evg_i_arena_alloc(&d->arena, ev->nparties * sizeof(*ys))) == NULL)
        fail = 1;
    for (size_t i = 0; ys && i < ev->nparties; i++) {
        ys[i].role = ev->parties[i].role;
        ys[i].entity = dup_opt(d, ev->parties[i].entity, &fail);
        ys[i].title = dup_opt(d, ev->parties[i].title, &fail);
    }
    if (ev->nagreements &&
        (as = evg_i_arena_alloc(&d->arena, ev->nagreements * sizeof(*as))) == NULL)
        fail = 1;
    for (size_t i = 0; as && i < ev->nagreements; i++) {
        as[i].relation = ev->agreements[i].relation;
        as[i].entity = dup_opt(d, ev->agreements[i].entity, &fail);
    }
    if (ev->nevidence &&
        (es = evg_i_arena_alloc(&d->arena, ev->nevidence * sizeof(*es))) == NULL)
        fail = 1;
    for (size_t i = 0; es && i < ev->nevidence; i++) {
        es[i] = ev->evidence[i];
        es[i].text = dup_opt(d, ev->evidence[i].text, &fail);
    }
    if (fail)
        return evg_i_error_nomem(err);
    c.participants = ps;
    c.parties = ys;
    c.agreements = as;
    c.evidence = es;
    d->events[d->nevents++] = c;
    return 0;
}

long evg_i_doc_entity_index(const evg_doc *d, const char *id)
{
    if (d->id_cap) {
        uint32_t k = d->id_slots[id_slot(d, id)];
        return k ? (long)k - 1 : -1;
    }
    for (size_t i = 0; i < d->nents; i++)
        if (strcmp(d->ents[i].id, id) == 0)
            return (long)i;
    return -1;
}

const char *evg_doc_id(const evg_doc *d)
{
    return d->id;
}
const char *evg_doc_path(const evg_doc *d)
{
    return d->path;
}
const char *evg_doc_date(const evg_doc *d)
{
    return d->date;
}
const char *evg_doc_title(const evg_doc *d)
{
    return d->title;
}
const char *evg_doc_url(const evg_doc *d)
{
    return d->url;
}
const char *evg_doc_source(const evg_doc *d)
{
    return d->source;
}
size_t evg_doc_entity_count(const evg_doc *d)
{
    return d->nents;
}
const evg_entity *evg_doc_entity(const evg_doc *d, size_t i)
{
    return &d->ents[i];
}
size_t evg_doc_event_count(const evg_doc *d)
{
    return d->nevents;
}
const evg_event *evg_doc_event(const evg_doc *d, size_t i)
{
    return &d->events[i];
}

const evg_entity *evg_doc_find_entity(const evg_doc *d, const char *id)
{
    long i = evg_i_doc_entity_index(d, id);
    return i < 0 ? NULL : &d->ents[i];
}

void evg_doc_free(evg_doc *d)
{
    if (d == NULL)
        return;
    evg_i_arena_free(&d->arena);
    free(d->slab);
    free(d->ents);
    free(d->id_slots);
    free(d->events);
    free(d);
}

int evg_i_place_label(evg_i_buf *out, const char *name, const char *city)
{
    evg_i_buf n = EVG_I_BUF_INIT, c = EVG_I_BUF_INIT;
    int rc = 0, held = 1;

    if (city && city != name) {
        /* the city's slug as whole words of the name's: "-baku-" in
         * "-baku-congress-center-" */
        if (evg_i_buf_putc(&n, '-') < 0 || evg_i_slug(&n, name, strlen(name)) < 0 ||
            evg_i_buf_putc(&n, '-') < 0 || evg_i_buf_putc(&c, '-') < 0 ||
            evg_i_slug(&c, city, strlen(city)) < 0 || evg_i_buf_putc(&c, '-') < 0) {
            rc = EVG_ENOMEM;
            goto cleanup;
        }
        held = c.len <= 2 || strstr(n.ptr, c.ptr) != NULL;
    }
    if (evg_i_buf_puts(out, name) < 0 ||
        (!held && (evg_i_buf_puts(out, ", ") < 0 || evg_i_buf_puts(out, city) < 0)))
        rc = EVG_ENOMEM;
cleanup:
    evg_i_buf_free(&n);
    evg_i_buf_free(&c);
    return rc;
}
