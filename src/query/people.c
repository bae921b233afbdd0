/*
 * Questions about people: whom a person met, the meetings of two people or
 * countries, the shortest chain of meetings between two people, and a
 * person's neighbourhood. A name that fits nobody is an empty answer.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/paths.h"
#include "graph/views.h"
#include "query/query_internal.h"

/* Someone met: the meetings shared with the subject, in date order. */
typedef struct {
    size_t v, n;
    const char *label, *id; /* for sorting */
    const char *first, *last;
    json_t *places, *sources, *ids;
} contact;

/* Append string `s` to the array `a` unless it holds it already. */
static int add_once(json_t *a, const char *s)
{
    size_t i;
    json_t *x;

    if (s == NULL)
        return 0;
    json_array_foreach(a, i, x)
    {
        if (strcmp(json_string_value(x), s) == 0)
            return 0;
    }
    return evg_i_q_push(a, json_string(s));
}

static void widen(const char **first, const char **last, const char *date)
{
    if (date && (*first == NULL || strcmp(date, *first) < 0))
        *first = date;
    if (date && (*last == NULL || strcmp(date, *last) > 0))
        *last = date;
}

/* Count meeting `m` into the contact `k`. */
static int count_into(contact *k, const evg_query *q, size_t m)
{
    const evg_i_vattr *a = evg_i_q_v(q, m);
    json_t *docs = evg_i_q_split(a->docs), *d;
    size_t i;
    int fail = docs == NULL;

    k->n++;
    widen(&k->first, &k->last, a->date);
    fail |= add_once(k->places, a->place) < 0;
    json_array_foreach(docs, i, d)
    {
        fail |= add_once(k->sources, json_string_value(d)) < 0;
    }
    fail |= evg_i_q_push(k->ids, json_string(a->id)) < 0;
    json_decref(docs);
    return fail ? EVG_ENOMEM : 0;
}

/* Most meetings first, then by name, then id. */
static int by_contact(const void *a, const void *b)
{
    const contact *x = a, *y = b;
    int c;

    if (x->n != y->n)
        return x->n > y->n ? -1 : 1;
    if ((c = strcmp(x->label, y->label)) != 0)
        return c;
    return strcmp(x->id, y->id);
}

static json_t *contact_json(const evg_query *q, contact *k)
{
    json_t *o = evg_i_q_person(q, k->v);
    int fail = evg_i_q_set(o, "meetings", json_integer((json_int_t)k->n)) < 0;

    fail |= evg_i_q_set(o, "first", evg_i_q_text(k->first)) < 0;
    fail |= evg_i_q_set(o, "last", evg_i_q_text(k->last)) < 0;
    fail |= evg_i_q_set(o, "places", k->places) < 0;
    fail |= evg_i_q_set(o, "sources", k->sources) < 0;
    fail |= evg_i_q_set(o, "meeting_ids", k->ids) < 0;
    k->places = k->sources = k->ids = NULL; /* taken */
    if (fail) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The contact of `o` in `k` (slot[o] its index), created on first sight. */
static contact *contact_of(contact *k, size_t *nk, size_t *slot, const evg_query *q,
                           size_t o)
{
    contact *c;

    if (slot[o] != SIZE_MAX)
        return &k[slot[o]];
    c = &k[*nk];
    memset(c, 0, sizeof *c);
    c->v = o;
    c->label = evg_i_q_v(q, o)->label;
    c->id = evg_i_q_v(q, o)->id;
    c->places = json_array();
    c->sources = json_array();
    c->ids = json_array();
    slot[o] = (*nk)++;
    return c->places && c->sources && c->ids ? c : NULL;
}

/* Everyone who shared one of the meetings `m` with `p`, as rows of "met". */
static int contacts(json_t *met, const evg_query *q, size_t p, const size_t *m, size_t n)
{
    size_t nv = evg_graph_vertex_count(q->g), nk = 0, np;
    contact *k = calloc(nv + 1, sizeof(*k));
    size_t *slot = malloc((nv + 1) * sizeof(*slot)),
           *people = calloc(nv + 1, sizeof(*people));
    int rc = k && slot && people ? 0 : EVG_ENOMEM;

    for (size_t v = 0; rc == 0 && v < nv; v++)
        slot[v] = SIZE_MAX;
    for (size_t i = 0; i < n && rc == 0; i++) {
        np = evg_i_q_people_of(people, nv, q, m[i]);
        for (size_t j = 0; j < np && rc == 0; j++) {
            contact *c = people[j] == p ? NULL : contact_of(k, &nk, slot, q, people[j]);
            if (people[j] != p)
                rc = c ? count_into(c, q, m[i]) : EVG_ENOMEM;
        }
    }
    if (rc == 0 && nk)
        qsort(k, nk, sizeof(*k), by_contact);
    for (size_t i = 0; i < nk; i++) {
        if (rc == 0 && evg_i_q_push(met, contact_json(q, &k[i])) < 0)
            rc = EVG_ENOMEM;
        json_decref(k[i].places);
        json_decref(k[i].sources);
        json_decref(k[i].ids);
    }
    free(k);
    free(slot);
    free(people);
    return rc;
}

int evg_i_q_who_met(evg_i_qctx *c)
{
    size_t p, *m = NULL, n = 0;
    json_t *doc = NULL, *met = json_array();
    int nobody, rc = 0;

    EVG_QCHECK(evg_i_q_resolve(&p, c, c->req->subject, EVG_I_QPERSON));
    EVG_QCHECK(evg_i_q_filter_init(c, EVG_I_QIN_PERSON, EVG_I_QREPORTED, &nobody));
    if (p != SIZE_MAX && !nobody) {
        if (evg_i_q_select(&m, &n, c->q, &c->f, p) < 0 ||
            contacts(met, c->q, p, m, n) < 0)
            goto nomem;
    }
    c->r->count = json_array_size(met);
    doc = evg_i_q_doc(c);
    if (evg_i_q_set(doc, "person",
                    p == SIZE_MAX ? json_null() : evg_i_q_person(c->q, p)) < 0 ||
        evg_i_q_set(doc, "met", json_incref(met)) < 0)
        goto nomem;
    c->r->doc = doc;
    doc = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(c->err);
cleanup:
    json_decref(doc);
    json_decref(met);
    free(m);
    return rc;
}

/* The meetings of `m` that both `a` and `b` took part in, as meeting objects. */
static int shared(json_t *list, size_t *count, const evg_query *q, const size_t *m,
                  size_t n, size_t a, size_t b)
{
    for (size_t i = 0; i < n; i++) {
        if (!evg_i_q_took_part(q, m[i], a) || !evg_i_q_took_part(q, m[i], b))
            continue;
        if (evg_i_q_push(list, evg_i_q_meeting(q, m[i])) < 0)
            return EVG_ENOMEM;
        (*count)++;
    }
    return 0;
}

int evg_i_q_between(evg_i_qctx *c)
{
    size_t a, b, *m = NULL, n = 0;
    json_t *doc = NULL, *list = json_array();
    int nobody, rc = 0;
    const unsigned who = EVG_I_QPERSON | EVG_I_QCOUNTRY;

    EVG_QCHECK(evg_i_q_resolve(&a, c, c->req->subject, who));
    EVG_QCHECK(evg_i_q_resolve(&b, c, c->req->other, who));
    EVG_QCHECK(evg_i_q_filter_init(c, EVG_I_QANY_TYPE, EVG_I_QREPORTED, &nobody));
    if (a != SIZE_MAX && a == b) {
        rc = evg_i_error_set(
            c->err, EVG_EINVAL, NULL, 0, 0,
            "'%.60s' and '%.60s' both name %.60s: give two different names",
            c->req->subject, c->req->other, evg_i_q_v(c->q, a)->label);
        goto cleanup;
    }
    if (a != SIZE_MAX && b != SIZE_MAX && !nobody) {
        /* A person's meetings are few; a country's are found among all. */
        size_t from = evg_i_q_v(c->q, a)->type == EVG_NODE_PERSON ? a : SIZE_MAX;
        if (evg_i_q_select(&m, &n, c->q, &c->f, from) < 0 ||
            shared(list, &c->r->count, c->q, m, n, a, b) < 0)
            goto nomem;
    }
    doc = evg_i_q_doc(c);
    if (evg_i_q_set(doc, "a", a == SIZE_MAX ? json_null() : evg_i_q_entity(c->q, a)) <
            0 ||
        evg_i_q_set(doc, "b", b == SIZE_MAX ? json_null() : evg_i_q_entity(c->q, b)) <
            0 ||
        evg_i_q_set(doc, "meetings", json_incref(list)) < 0)
        goto nomem;
    c->r->doc = doc;
    doc = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(c->err);
cleanup:
    json_decref(doc);
    json_decref(list);
    free(m);
    return rc;
}
