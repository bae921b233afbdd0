/*
 * The shortest chain of meetings between two people (igraph's breadth-first
 * search on the people who shared a selected meeting, analysis/paths.c),
 * with the meetings behind every step; and a person's neighbourhood as a
 * graph of the people view (graph/project.c).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/paths.h"
#include "graph/views.h"
#include "query/query_internal.h"

/* Every two people of every meeting of `m`, as vertex pairs into `*out` (free()). */
static int pairs_of(size_t **out, size_t *n_out, const evg_query *q, const size_t *m,
                    size_t n)
{
    size_t nv = evg_graph_vertex_count(q->g), np, count = 0, cap = 0;
    size_t *people = calloc(nv + 1, sizeof(*people)), *pairs = NULL;
    int rc = people ? 0 : EVG_ENOMEM;

    for (size_t i = 0; i < n && rc == 0; i++) {
        np = evg_i_q_people_of(people, nv, q, m[i]);
        for (size_t a = 0; a < np && rc == 0; a++)
            for (size_t b = a + 1; b < np && rc == 0; b++) {
                rc = evg_i_grow((void **)&pairs, &cap, 2 * count + 2, sizeof(*pairs));
                if (rc == 0) {
                    pairs[2 * count] = people[a];
                    pairs[2 * count++ + 1] = people[b];
                }
            }
    }
    free(people);
    *out = pairs;
    *n_out = count;
    return rc;
}

/* {id, date, type, place, sources} of each selected meeting both took part in. */
static json_t *step_meetings(const evg_query *q, const evg_i_qfilter *f, size_t x,
                             size_t y)
{
    size_t *m = NULL, n = 0;
    json_t *list = json_array();
    int fail = list == NULL || evg_i_q_select(&m, &n, q, f, x) < 0;

    for (size_t i = 0; i < n && !fail; i++) {
        const evg_i_vattr *a = evg_i_q_v(q, m[i]);
        json_t *o;
        if (!evg_i_q_took_part(q, m[i], y))
            continue;
        o = json_object();
        fail |= evg_i_q_set(o, "id", json_string(a->id)) < 0;
        fail |= evg_i_q_set(o, "date", evg_i_q_text(a->date)) < 0;
        fail |= evg_i_q_set(o, "type", evg_i_q_text(a->event_type)) < 0;
        fail |= evg_i_q_set(o, "place", evg_i_q_text(a->place)) < 0;
        fail |= evg_i_q_set(o, "sources", evg_i_q_split(a->docs)) < 0;
        fail |= evg_i_q_push(list, o) < 0;
    }
    free(m);
    if (fail) {
        json_decref(list);
        return NULL;
    }
    return list;
}

/* "people" and "steps" of the path into `doc`. */
static int describe(json_t *doc, const evg_i_qctx *c, const size_t *path, size_t len)
{
    json_t *people = json_array(), *steps = json_array();
    int fail = 0;

    for (size_t i = 0; i < len && !fail; i++)
        fail = evg_i_q_push(people, evg_i_q_person(c->q, path[i])) < 0;
    for (size_t i = 0; i + 1 < len && !fail; i++) {
        json_t *s = json_object();
        fail |= evg_i_q_set(s, "step", json_integer((json_int_t)(i + 1))) < 0;
        fail |= evg_i_q_set(s, "from", evg_i_q_person(c->q, path[i])) < 0;
        fail |= evg_i_q_set(s, "to", evg_i_q_person(c->q, path[i + 1])) < 0;
        fail |= evg_i_q_set(s, "meetings",
                            step_meetings(c->q, &c->f, path[i], path[i + 1])) < 0;
        fail |= evg_i_q_push(steps, s) < 0;
    }
    fail |= evg_i_q_set(doc, "length",
                        len ? json_integer((json_int_t)(len - 1)) : json_null()) < 0;
    fail |= evg_i_q_set(doc, "people", people) < 0;
    fail |= evg_i_q_set(doc, "steps", steps) < 0;
    return fail ? EVG_ENOMEM : 0;
}

/* The chain from a to b through the selected meetings, in `*path` (free()). */
static int chain(size_t **path, size_t *len, evg_i_qctx *c, size_t a, size_t b)
{
    size_t *m = NULL, n = 0, *pairs = NULL, npairs = 0;
    int rc;

    if ((rc = evg_i_q_select(&m, &n, c->q, &c->f, SIZE_MAX)) == 0 &&
        (rc = pairs_of(&pairs, &npairs, c->q, m, n)) == 0)
        rc = evg_i_shortest_path(path, len, evg_graph_vertex_count(c->q->g), pairs,
                                 npairs, a, b, c->err);
    else
        rc = evg_i_error_nomem(c->err);
    free(m);
    free(pairs);
    return rc;
}

int evg_i_q_path(evg_i_qctx *c)
{
    size_t a, b, *path = NULL, len = 0;
    json_t *doc = NULL;
    int nobody, rc = 0;

    EVG_QCHECK(evg_i_q_resolve(&a, c, c->req->subject, EVG_I_QPERSON));
    EVG_QCHECK(evg_i_q_resolve(&b, c, c->req->other, EVG_I_QPERSON));
    EVG_QCHECK(evg_i_q_filter_init(c, EVG_I_QIN_PERSON, EVG_I_QREPORTED, &nobody));
    if (a != SIZE_MAX && b != SIZE_MAX && !nobody)
        EVG_CHECK(chain(&path, &len, c, a, b));
    doc = evg_i_q_doc(c);
    if (evg_i_q_set(doc, "from", a == SIZE_MAX ? json_null() : evg_i_q_person(c->q, a)) <
            0 ||
        evg_i_q_set(doc, "to", b == SIZE_MAX ? json_null() : evg_i_q_person(c->q, b)) <
            0 ||
        describe(doc, c, path, len) < 0) {
        rc = evg_i_error_nomem(c->err);
        goto cleanup;
    }
    c->r->count = len ? len - 1 : 0;
    c->r->doc = doc;
    doc = NULL;
cleanup:
    json_decref(doc);
    free(path);
    return rc;
}

int evg_i_q_ego(evg_i_qctx *c)
{
    const evg_graph *people = NULL;
    size_t p, center = SIZE_MAX;
    json_t *doc = NULL;
    int rc = 0, fail;

    if (c->req->depth == 0 || c->req->depth > 1000)
        return evg_i_error_set(c->err, EVG_EINVAL, NULL, 0, 0,
                               "the depth must be from 1 to 1000, not %u", c->req->depth);
    EVG_QCHECK(evg_i_q_resolve(&p, c, c->req->subject, EVG_I_QPERSON));
    EVG_CHECK(evg_i_q_view(&people, NULL, c->q, EVG_VIEW_PEOPLE, EVG_M_DEGREE, c->err));
    /* Someone who took part in no event is not in the people view: an empty graph. */
    if (p != SIZE_MAX &&
        evg_graph_find_vertex(&center, people, evg_i_q_v(c->q, p)->id) < 0)
        center = SIZE_MAX;
    EVG_CHECK(evg_i_graph_ego(&c->r->graph, people, center, c->req->depth, c->err));
    c->r->count = evg_graph_vertex_count(c->r->graph);
    doc = evg_i_q_doc(c);
    fail = evg_i_q_set(doc, "person",
                       p == SIZE_MAX ? json_null() : evg_i_q_person(c->q, p)) < 0;
    fail |= evg_i_q_set(doc, "view", json_string("people")) < 0;
    fail |= evg_i_q_set(doc, "depth", json_integer((json_int_t)c->req->depth)) < 0;
    fail |= evg_i_q_set(doc, "nodes", json_integer((json_int_t)c->r->count)) < 0;
    fail |= evg_i_q_set(doc, "edges",
                        json_integer((json_int_t)evg_graph_edge_count(c->r->graph))) < 0;
    if (fail) {
        rc = evg_i_error_nomem(c->err);
        goto cleanup;
    }
    c->r->doc = doc;
    doc = NULL;
cleanup:
    json_decref(doc);
    return rc;
}
