/*
 * The JSON objects answers are made of (docs/queries.md): a person, an
 * entity (person or country), a meeting with its participants, agreements
 * and sources. jansson's `_new` setters steal their value even on failure,
 * and a NULL value (out of memory, or a string jansson refused) fails the
 * whole object, so a key is never silently missing.
 */
#include <string.h>

#include "query/query_internal.h"

json_t *evg_i_q_text(const char *s)
{
    return s ? json_string(s) : json_null();
}

int evg_i_q_set(json_t *obj, const char *key, json_t *value)
{
    if (obj == NULL || value == NULL) {
        json_decref(value);
        return -1;
    }
    return json_object_set_new(obj, key, value);
}

int evg_i_q_push(json_t *arr, json_t *value)
{
    if (arr == NULL || value == NULL) {
        json_decref(value);
        return -1;
    }
    return json_array_append_new(arr, value);
}

/* `o`, or NULL (and `o` released) when any step failed. */
static json_t *done(json_t *o, int fail)
{
    if (fail) {
        json_decref(o);
        return NULL;
    }
    return o;
}

json_t *evg_i_q_split(const char *list)
{
    json_t *a = json_array();
    int fail = a == NULL;

    while (list && *list && !fail) {
        const char *end = strstr(list, "; ");
        size_t n = end ? (size_t)(end - list) : strlen(list);
        fail = evg_i_q_push(a, json_stringn(list, n)) < 0;
        list = end ? end + 2 : NULL;
    }
    return done(a, fail);
}

/* A country's ISO code: what follows "country:" in its id. */
static const char *code_of(const evg_i_vattr *a)
{
    const char *colon = strchr(a->id, ':');
    return colon ? colon + 1 : a->id;
}

json_t *evg_i_q_person(const evg_query *q, size_t v)
{
    const evg_i_vattr *a = evg_i_q_v(q, v);
    json_t *o = json_object();
    int fail = evg_i_q_set(o, "id", json_string(a->id)) < 0;

    fail |= evg_i_q_set(o, "name", json_string(a->label)) < 0;
    fail |= evg_i_q_set(
                o, "country",
                evg_i_q_text(a->type == EVG_NODE_COUNTRY ? code_of(a) : a->country)) < 0;
    return done(o, fail);
}

json_t *evg_i_q_entity(const evg_query *q, size_t v)
{
    json_t *o = evg_i_q_person(q, v);

    if (evg_i_q_set(o, "type", json_string(evg_node_type_name(evg_i_q_v(q, v)->type))) <
        0) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *participants(const evg_query *q, size_t m)
{
    json_t *a = json_array();
    size_t ne;
    const size_t *inc = evg_i_q_edges(q, m, &ne);
    int fail = a == NULL;

    for (size_t i = 0; i < ne && !fail; i++) {
        const evg_i_eattr *e = evg_i_q_e(q, inc[i]);
        json_t *p;
        if (e->rel != EVG_I_REL_PARTICIPATED_IN || e->to != m)
            continue;
        p = evg_i_q_person(q, e->from);
        /* the title held at this meeting, where the graph knows it */
        if (e->title)
            fail |= evg_i_q_set(p, "title", json_string(e->title)) < 0;
        fail |= evg_i_q_set(p, "role",
                            evg_i_q_text(e->role >= 0 ? evg_role_name((evg_role)e->role)
                                                      : NULL)) < 0;
        fail |= evg_i_q_push(a, p) < 0;
    }
    return done(a, fail);
}

static json_t *agreements(const evg_query *q, size_t m)
{
    json_t *a = json_array();
    size_t ne;
    const size_t *inc = evg_i_q_edges(q, m, &ne);
    int fail = a == NULL;

    for (size_t i = 0; i < ne && !fail; i++) {
        const evg_i_eattr *e = evg_i_q_e(q, inc[i]);
        json_t *o;
        if ((e->rel != EVG_I_REL_SIGNED && e->rel != EVG_I_REL_REFERENCES) ||
            e->from != m)
            continue;
        o = json_object();
        fail |= evg_i_q_set(o, "id", json_string(evg_i_q_v(q, e->to)->id)) < 0;
        fail |= evg_i_q_set(o, "name", json_string(evg_i_q_v(q, e->to)->label)) < 0;
        fail |= evg_i_q_set(o, "relation",
                            json_string(e->rel == EVG_I_REL_SIGNED ? "signed"
                                                                   : "referenced")) < 0;
        fail |= evg_i_q_push(a, o) < 0;
    }
    return done(a, fail);
}

json_t *evg_i_q_meeting(const evg_query *q, size_t m)
{
    const evg_i_vattr *a = evg_i_q_v(q, m);
    json_t *o = json_object();
    int fail = evg_i_q_set(o, "id", json_string(a->id)) < 0;

    fail |= evg_i_q_set(o, "date", evg_i_q_text(a->date)) < 0;
    fail |= evg_i_q_set(o, "type", evg_i_q_text(a->event_type)) < 0;
    fail |= evg_i_q_set(o, "status", evg_i_q_text(a->status)) < 0;
    fail |= evg_i_q_set(o, "place", evg_i_q_text(a->place)) < 0;
    fail |= evg_i_q_set(o, "place_country", evg_i_q_text(a->place_country)) < 0;
    fail |= evg_i_q_set(o, "participants", participants(q, m)) < 0;
    fail |= evg_i_q_set(o, "countries", evg_i_q_split(a->countries)) < 0;
    fail |= evg_i_q_set(o, "agreements", agreements(q, m)) < 0;
    fail |= evg_i_q_set(o, "sources", evg_i_q_split(a->docs)) < 0;
    fail |= evg_i_q_set(o, "cameo", evg_i_q_text(a->cameo)) < 0;
    fail |= evg_i_q_set(o, "evidence", evg_i_q_text(a->evidence)) < 0;
    return done(o, fail);
}

/* ["a", "b"] of `n` strings. */
static json_t *strings(const char *const *s, size_t n)
{
    json_t *a = json_array();
    int fail = a == NULL;

    for (size_t i = 0; i < n && !fail; i++)
        fail = evg_i_q_push(a, json_string(s[i])) < 0;
    return done(a, fail);
}

/* The bits of `mask` as names ("meeting", "call"...), by `name` of each bit. */
static json_t *bits(unsigned mask, unsigned count, const char *(*name)(unsigned))
{
    json_t *a = json_array();
    int fail = a == NULL;

    for (unsigned i = 0; i < count && !fail; i++)
        if (mask & (1u << i))
            fail = evg_i_q_push(a, json_string(name(i))) < 0;
    return done(a, fail);
}

static const char *type_name(unsigned i)
{
    return evg_event_type_name((evg_event_type)i);
}

static const char *status_name(unsigned i)
{
    return evg_event_status_name((evg_event_status)i);
}

static int set_text(json_t *o, const char *key, const char *s)
{
    return s ? evg_i_q_set(o, key, json_string(s)) : 0;
}

json_t *evg_i_q_echo(const evg_query_request *req)
{
    evg_query_command c = req->command;
    int pair = evg_i_q_command(c)->operands == 2;
    json_t *o = json_object();
    int fail = o == NULL;

    fail |= set_text(o, pair ? "a" : "person", req->subject) < 0;
    fail |= set_text(o, "b", req->other) < 0;
    if (req->npeople)
        fail |= evg_i_q_set(o, "people", strings(req->people, req->npeople)) < 0;
    if (req->ncountries)
        fail |= evg_i_q_set(o, "countries", strings(req->countries, req->ncountries)) < 0;
    fail |= set_text(o, "from", req->from) < 0;
    fail |= set_text(o, "to", req->to) < 0;
    if (req->event_types)
        fail |=
            evg_i_q_set(o, "types", bits(req->event_types, EVG_EV__COUNT, type_name)) < 0;
    if (req->statuses)
        fail |= evg_i_q_set(o, "statuses", bits(req->statuses, 2, status_name)) < 0;
    fail |= set_text(o, "place", req->place) < 0;
    fail |= set_text(o, "party", req->party) < 0;
    if (c == EVG_QUERY_TOP) {
        fail |=
            evg_i_q_set(o, "measure", json_string(evg_measure_name(req->measure))) < 0;
        fail |= evg_i_q_set(
                    o, "type",
                    json_string(evg_node_type_name((evg_node_type)req->node_type))) < 0;
        fail |= evg_i_q_set(o, "n", json_integer((json_int_t)req->limit)) < 0;
    }
    if (c == EVG_QUERY_EGO)
        fail |= evg_i_q_set(o, "depth", json_integer((json_int_t)req->depth)) < 0;
    return done(o, fail);
}
