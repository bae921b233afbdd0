/*
 * Corpus -> builder: one vertex per entity id across documents, one per
 * event, and the raw typed edges (duplicates are summed later).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph/build_internal.h"
#include "util/utf8.h"

static int nomem(evg_i_builder *b)
{
    return evg_i_error_nomem(b->err);
}

static const char *keep(evg_i_builder *b, const char *s, int *fail)
{
    const char *p;

    if (s == NULL)
        return NULL;
    if ((p = evg_i_arena_strdup(b->arena, s)) == NULL)
        *fail = 1;
    return p;
}

static int new_vertex(size_t *out, evg_i_builder *b, const char *raw, evg_node_type type)
{
    evg_i_bvertex *v;

    if (evg_i_grow((void **)&b->v, &b->capv, b->nv + 1, sizeof(*b->v)) < 0)
        return nomem(b);
    v = &b->v[b->nv];
    memset(v, 0, sizeof(*v));
    if ((v->raw = evg_i_arena_strdup(b->arena, raw)) == NULL)
        return nomem(b);
    v->type = type;
    *out = b->nv++;
    return 0;
}

/* The vertex with id `raw`, created with `type` when it is new. */
static int vertex_get(size_t *out, evg_i_builder *b, const char *raw, evg_node_type type)
{
    long found = evg_i_strmap_get(&b->map, raw, strlen(raw));

    if (found >= 0) {
        *out = (size_t)found;
        return 0;
    }
    if (new_vertex(out, b, raw, type) < 0)
        return EVG_ENOMEM;
    if (evg_i_strmap_put(&b->map, raw, strlen(raw), (long)*out) < 0)
        return nomem(b);
    return 0;
}

/* Count document `doc` (0-based) once among the sources of vertex `i`. */
static void touch(evg_i_builder *b, size_t i, size_t doc)
{
    if (b->v[i].last_doc != doc + 1) {
        b->v[i].last_doc = doc + 1;
        b->v[i].sources++;
    }
}

/* Whether `d` looks like an ISO date (YYYY, YYYY-MM or YYYY-MM-DD). */
static int iso_date(const char *d)
{
    size_t n = d ? strlen(d) : 0;

    if (n != 4 && n != 7 && n != 10)
        return 0;
    for (size_t i = 0; i < n; i++) {
        int dash = i == 4 || i == 7;
        if (dash ? d[i] != '-' : (d[i] < '0' || d[i] > '9'))
            return 0;
    }
    return 1;
}

/* Widen [*first, *last] to include `date` (an arena string or NULL). */
static void widen(const char **first, const char **last, const char *date)
{
    if (date == NULL)
        return;
    if (*first == NULL || strcmp(date, *first) < 0)
        *first = date;
    if (*last == NULL || strcmp(date, *last) > 0)
        *last = date;
}

static int add_edge(evg_i_builder *b, size_t from, size_t to, evg_i_relation rel,
                    int role, const char *date)
{
    evg_i_eattr *e;

    if (evg_i_grow((void **)&b->e, &b->cape, b->ne + 1, sizeof(*b->e)) < 0)
        return nomem(b);
    e = &b->e[b->ne++];
    e->from = from;
    e->to = to;
    e->rel = rel;
    e->role = role;
    e->weight = 1.0;
    e->first_date = e->last_date = date;
    return 0;
}

/* Add `title` to person `i` unless a title folding to the same text is there. */
static int add_title(evg_i_builder *b, size_t i, const char *title)
{
    evg_i_buf key = EVG_I_BUF_INIT;
    evg_i_bvertex *v = &b->v[i];
    int rc = 0, fail = 0;

    if (title == NULL || title[0] == '\0')
        return 0;
    if (evg_i_fold(&key, title, strlen(title)) < 0 || evg_i_buf_put(&key, "", 0) < 0) {
        rc = nomem(b);
        goto cleanup;
    }
    for (size_t k = 0; k < v->ntitles; k++)
        if (strcmp(v->titles[k].key, key.ptr) == 0)
            goto cleanup;
    if (evg_i_grow((void **)&v->titles, &v->cap_titles, v->ntitles + 1,
                   sizeof(*v->titles)) < 0) {
        rc = nomem(b);
        goto cleanup;
    }
    v->titles[v->ntitles].text = keep(b, title, &fail);
    v->titles[v->ntitles].key = keep(b, key.ptr, &fail);
    if (fail)
        rc = nomem(b);
    else
        v->ntitles++;
cleanup:
    evg_i_buf_free(&key);
    return rc;
}

static const evg_node_type NODE_OF_ENTITY[] = {
    [EVG_ENT_PERSON] = EVG_NODE_PERSON,   [EVG_ENT_ORGANIZATION] = EVG_NODE_ORGANIZATION,
    [EVG_ENT_COUNTRY] = EVG_NODE_COUNTRY, [EVG_ENT_AGREEMENT] = EVG_NODE_AGREEMENT,
    [EVG_ENT_PLACE] = EVG_NODE_PLACE,
};

/* The vertex "country:<code>" and a `represents` edge from `from` to it. */
static int represent(evg_i_builder *b, size_t from, const char *code, size_t doc)
{
    evg_i_buf raw = EVG_I_BUF_INIT;
    size_t c;
    int rc;

    if (evg_i_buf_printf(&raw, "country:%s", code) < 0) {
        rc = nomem(b);
        goto cleanup;
    }
    EVG_CHECK(vertex_get(&c, b, raw.ptr, EVG_NODE_COUNTRY));
    touch(b, c, doc);
    EVG_CHECK(add_edge(b, from, c, EVG_I_REL_REPRESENTS, -1, NULL));
cleanup:
    evg_i_buf_free(&raw);
    return rc;
}

/* Merge one entity definition of document `doc` into its vertex. */
static int take_entity(evg_i_builder *b, const evg_entity *e, size_t doc)
{
    size_t i, o;
    int rc = 0, fail = 0;

    EVG_CHECK(vertex_get(&i, b, e->id, NODE_OF_ENTITY[e->type]));
    touch(b, i, doc);
    if (b->v[i].name == NULL && e->name && e->name[0])
        b->v[i].name = keep(b, e->name, &fail);
    if (b->v[i].kind == NULL && e->type == EVG_ENT_AGREEMENT)
        b->v[i].kind = keep(b, e->kind, &fail);
    if (b->v[i].country == NULL && e->country && e->country[0])
        b->v[i].country = keep(b, e->country, &fail);
    if (e->type == EVG_ENT_PERSON && b->v[i].org == NULL && e->org && e->org[0])
        b->v[i].org = keep(b, e->org, &fail);
    if (fail)
        return nomem(b);
    for (size_t k = 0; e->type == EVG_ENT_PERSON && k < e->ntitles; k++)
        EVG_CHECK(add_title(b, i, e->titles[k]));
    /* Places carry a country too, but "represents" is for actors only. */
    if ((e->type == EVG_ENT_PERSON || e->type == EVG_ENT_ORGANIZATION) && e->country &&
        e->country[0])
        EVG_CHECK(represent(b, i, e->country, doc));
    if (e->type == EVG_ENT_PERSON && e->org && e->org[0]) {
        EVG_CHECK(vertex_get(&o, b, e->org, EVG_NODE_ORGANIZATION));
        touch(b, o, doc);
        EVG_CHECK(add_edge(b, i, o, EVG_I_REL_MEMBER_OF, -1, NULL));
    }
cleanup:
    return rc;
}

static int in_person(const evg_event *ev)
{
    return ev->status == EVG_STATUS_REPORTED &&
           (ev->type == EVG_EV_MEETING || ev->type == EVG_EV_VISIT ||
            ev->type == EVG_EV_SIGNING);
}

/* The vertex "place:<slug of text>", or *out = SIZE_MAX when the slug is empty. */
static int place_vertex(size_t *out, evg_i_builder *b, const char *text, size_t doc)
{
    evg_i_buf raw = EVG_I_BUF_INIT;
    int rc = 0, fail = 0;

    *out = SIZE_MAX;
    if (evg_i_buf_puts(&raw, "place:") < 0 || evg_i_slug(&raw, text, strlen(text)) < 0) {
        rc = nomem(b);
        goto cleanup;
    }
    if (raw.len == strlen("place:"))
        goto cleanup;
    EVG_CHECK(vertex_get(out, b, raw.ptr, EVG_NODE_PLACE));
    touch(b, *out, doc);
    if (b->v[*out].text == NULL && (b->v[*out].text = keep(b, text, &fail)) == NULL)
        rc = nomem(b);
cleanup:
    evg_i_buf_free(&raw);
    return rc;
}

/* participated_in edges, each participant once; person vertices into `people`. */
static int take_participants(evg_i_builder *b, const evg_event *ev, size_t m,
                             const char *date, size_t *people, size_t *npeople)
{
    int rc = 0;

    *npeople = 0;
    for (size_t k = 0; k < ev->nparticipants; k++) {
        size_t p, seen = 0;
        EVG_CHECK(vertex_get(&p, b, ev->participants[k].entity, EVG_NODE_PERSON));
        for (size_t j = 0; j < k; j++)
            seen |= strcmp(ev->participants[j].entity, ev->participants[k].entity) == 0;
        if (seen)
            continue;
        EVG_CHECK(add_edge(b, p, m, EVG_I_REL_PARTICIPATED_IN,
                           (int)ev->participants[k].role, date));
        b->v[p].events++;
        b->v[p].meetings += (size_t)in_person(ev);
        widen(&b->v[p].first, &b->v[p].last, date);
        if (b->v[p].type == EVG_NODE_PERSON)
            people[(*npeople)++] = p;
    }
cleanup:
    return rc;
}

/* references/signed edges; an agreement listed twice is signed if either says so. */
static int take_agreements(evg_i_builder *b, const evg_event *ev, size_t m,
                           const char *date)
{
    int rc = 0;

    for (size_t k = 0; k < ev->nagreements; k++) {
        const char *id = ev->agreements[k].entity;
        int signed_ = 0, first = 1;
        size_t a;
        for (size_t j = 0; j < ev->nagreements; j++) {
            if (strcmp(ev->agreements[j].entity, id) != 0)
                continue;
            signed_ |= ev->agreements[j].relation == EVG_REL_SIGNED;
            first &= j >= k;
        }
        if (!first)
            continue;
        EVG_CHECK(vertex_get(&a, b, id, EVG_NODE_AGREEMENT));
        widen(&b->v[a].first, &b->v[a].last, date);
        EVG_CHECK(add_edge(b, m, a, signed_ ? EVG_I_REL_SIGNED : EVG_I_REL_REFERENCES, -1,
                           date));
    }
cleanup:
    return rc;
}

/* One event: a meeting vertex, its edges, and person pairs for the people view. */
static int take_event(evg_i_builder *b, const evg_doc *d, const evg_event *ev, size_t doc)
{
    evg_i_buf raw = EVG_I_BUF_INIT;
    size_t m, pl, np = 0, *people = NULL;
    const char *date = NULL;
    int rc = 0, fail = 0;

    if (evg_i_buf_printf(&raw, "meeting:%s", ev->id) < 0 ||
        (ev->nparticipants &&
         (people = calloc(ev->nparticipants, sizeof(*people))) == NULL)) {
        rc = nomem(b);
        goto cleanup;
    }
    for (char *p = raw.ptr; *p; p++)
        *p = *p == '#' ? '-' : *p; /* "<doc>#<n>" -> "meeting:<doc>-<n>" */
    EVG_CHECK(new_vertex(&m, b, raw.ptr, EVG_NODE_MEETING));
    b->v[m].doc = d;
    b->v[m].ev = ev;
    b->v[m].sources = 1;
    if (iso_date(ev->date) && (date = keep(b, ev->date, &fail)) == NULL) {
        rc = nomem(b);
        goto cleanup;
    }
    widen(&b->v[m].first, &b->v[m].last, date);
    EVG_CHECK(take_participants(b, ev, m, date, people, &np));
    EVG_CHECK(take_agreements(b, ev, m, date));
    if (ev->place && ev->place[0]) {
        EVG_CHECK(place_vertex(&pl, b, ev->place, doc));
        if (pl != SIZE_MAX) {
            widen(&b->v[pl].first, &b->v[pl].last, date);
            EVG_CHECK(add_edge(b, m, pl, EVG_I_REL_HELD_AT, -1, date));
        }
    }
    for (size_t i = 0; in_person(ev) && i < np; i++)
        for (size_t j = i + 1; j < np; j++)
            EVG_CHECK(add_edge(b, people[i], people[j], EVG_I_REL_MET, -1, date));
cleanup:
    free(people);
    evg_i_buf_free(&raw);
    return rc;
}

static int by_doc_id(const void *a, const void *b)
{
    const evg_doc *x = *(const evg_doc *const *)a, *y = *(const evg_doc *const *)b;
    int c = strcmp(evg_doc_id(x), evg_doc_id(y));

    /* Equal ids keep their corpus order (pointers into one array of docs). */
    return c ? c : (x < y ? -1 : x > y);
}

int evg_i_collect(evg_i_builder *b, const evg_corpus *c)
{
    size_t n = evg_corpus_doc_count(c);
    const evg_doc **docs = NULL;
    int rc = 0;

    if (n && (docs = calloc(n, sizeof(*docs))) == NULL)
        return nomem(b);
    for (size_t i = 0; i < n; i++)
        docs[i] = evg_corpus_doc(c, i);
    /* Doc-id order makes "first definition wins" independent of input order. */
    if (n)
        qsort(docs, n, sizeof(*docs), by_doc_id);
    for (size_t i = 0; i < n; i++) {
        const evg_doc *d = docs[i];
        /* The same document read twice (two extract runs) counts once. */
        if (i > 0 && strcmp(evg_doc_id(d), evg_doc_id(docs[i - 1])) == 0)
            continue;
        for (size_t k = 0; k < evg_doc_entity_count(d); k++)
            EVG_CHECK(take_entity(b, evg_doc_entity(d, k), i));
        for (size_t k = 0; k < evg_doc_event_count(d); k++)
            EVG_CHECK(take_event(b, d, evg_doc_event(d, k), i));
    }
cleanup:
    free(docs);
    return rc;
}

void evg_i_builder_free(evg_i_builder *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->nv; i++)
        free(b->v[i].titles);
    free(b->v);
    free(b->e);
    evg_i_strmap_free(&b->map);
    evg_i_country_names_free(b);
    b->v = NULL;
    b->e = NULL;
    b->nv = b->ne = 0;
}
