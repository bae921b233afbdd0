/*
 * The most central vertices and what the graph holds. Centrality is read
 * from the graph whose question it answers, as `evgraph run` and the report
 * do: people from the people graph (who met whom), countries from the
 * countries graph, organizations from the full graph (the only one that
 * holds them).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_internal.h"

typedef struct {
    size_t v;
    double score; /* at nine significant digits, as written in every output */
    const char *id;
} ranked;

/*
 * `x` at nine significant digits, the precision of every output: so rounding
 * noise never reorders a tie, and scores read back from a GraphML (written
 * so) rank exactly as scores computed again.
 */
static double nine_digits(double x)
{
    char buf[40];

    snprintf(buf, sizeof buf, "%.9g", x);
    return strtod(buf, NULL);
}

static int by_score(const void *a, const void *b)
{
    const ranked *x = a, *y = b;

    if (x->score != y->score)
        return x->score > y->score ? -1 : 1;
    return strcmp(x->id, y->id);
}

static json_t *ranked_row(const evg_graph *g, const ranked *r, size_t rank)
{
    const evg_i_vattr *a = evg_i_graph_vattr(g, r->v);
    const char *colon = strchr(a->id, ':');
    json_t *o = json_object();
    int fail = evg_i_q_set(o, "rank", json_integer((json_int_t)rank)) < 0;

    fail |= evg_i_q_set(o, "id", json_string(a->id)) < 0;
    fail |= evg_i_q_set(o, "name", json_string(a->label)) < 0;
    fail |=
        evg_i_q_set(o, "country",
                    evg_i_q_text(a->type == EVG_NODE_COUNTRY && colon ? colon + 1
                                                                      : a->country)) < 0;
    fail |= evg_i_q_set(o, "score", json_real(r->score)) < 0;
    if (fail) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The vertices of type `t` of `g` by decreasing score, at most `limit` (0: all). */
static int rank(json_t *list, const evg_graph *g, const evg_scores *s, evg_measure m,
                evg_node_type t, size_t limit)
{
    size_t nv = evg_graph_vertex_count(g), n = 0;
    ranked *r = calloc(nv + 1, sizeof(*r));
    int rc = 0;

    if (r == NULL)
        return EVG_ENOMEM;
    for (size_t v = 0; v < nv; v++) {
        if (evg_graph_vertex_type(g, v) != t)
            continue;
        r[n].v = v;
        r[n].score = nine_digits(evg_scores_get(s, m, v));
        r[n++].id = evg_graph_vertex_id(g, v);
    }
    if (n)
        qsort(r, n, sizeof(*r), by_score);
    if (limit && n > limit)
        n = limit;
    for (size_t i = 0; i < n && rc == 0; i++)
        if (evg_i_q_push(list, ranked_row(g, &r[i], i + 1)) < 0)
            rc = EVG_ENOMEM;
    free(r);
    return rc;
}

int evg_i_q_top(evg_i_qctx *c)
{
    const evg_query_request *req = c->req;
    evg_node_type t = (evg_node_type)req->node_type;
    evg_view view = t == EVG_NODE_PERSON    ? EVG_VIEW_PEOPLE
                    : t == EVG_NODE_COUNTRY ? EVG_VIEW_COUNTRIES
                                            : EVG_VIEW_FULL;
    const evg_graph *g = NULL;
    const evg_scores *s = NULL;
    json_t *doc = NULL, *list = NULL;
    int rc = 0, fail;

    if ((size_t)req->measure >= EVG_M__COUNT)
        return evg_i_error_set(c->err, EVG_EINVAL, NULL, 0, 0, "unknown measure %d",
                               (int)req->measure);
    if (t != EVG_NODE_PERSON && t != EVG_NODE_COUNTRY && t != EVG_NODE_ORGANIZATION)
        return evg_i_error_set(c->err, EVG_EINVAL, NULL, 0, 0,
                               "top ranks people, countries or organizations");
    EVG_CHECK(evg_i_q_view(&g, &s, c->q, view, req->measure, c->err));
    if ((list = json_array()) == NULL ||
        rank(list, g, s, req->measure, t, req->limit) < 0)
        goto nomem;
    doc = evg_i_q_doc(c);
    fail = evg_i_q_set(doc, "measure", json_string(evg_measure_name(req->measure))) < 0;
    fail |= evg_i_q_set(doc, "type", json_string(evg_node_type_name(t))) < 0;
    fail |= evg_i_q_set(doc, "graph", json_string(evg_view_name(view))) < 0;
    /* whether the paths measure ranks by is approximate: its cutoff, or null */
    if (req->measure == EVG_M_BETWEENNESS || req->measure == EVG_M_CLOSENESS)
        fail |= evg_i_q_set(doc, "betweenness_cutoff",
                            evg_scores_cutoff(s) > 0 ? json_real(evg_scores_cutoff(s))
                                                     : json_null()) < 0;
    fail |= evg_i_q_set(doc, "top", json_incref(list)) < 0;
    if (fail)
        goto nomem;
    c->r->count = json_array_size(list);
    c->r->doc = doc;
    doc = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(c->err);
cleanup:
    json_decref(doc);
    json_decref(list);
    return rc;
}

/* ---- stats ------------------------------------------------------------------ */

typedef struct {
    size_t reports;
    const char *first, *last;
} tally;

static void count_meeting(tally *t, const evg_i_vattr *a)
{
    t->reports += a->reports;
    if (a->date && (t->first == NULL || strcmp(a->date, t->first) < 0))
        t->first = a->date;
    if (a->date && (t->last == NULL || strcmp(a->date, t->last) > 0))
        t->last = a->date;
}

/* The number of distinct documents that report a meeting. */
static long documents_with_events(const evg_query *q)
{
    evg_i_strmap seen = EVG_I_STRMAP_INIT;
    long n = 0;

    for (size_t v = 0; v < evg_graph_vertex_count(q->g) && n >= 0; v++) {
        const char *d = evg_i_q_v(q, v)->docs;
        while (d && *d && n >= 0) {
            const char *end = strstr(d, "; ");
            size_t len = end ? (size_t)(end - d) : strlen(d);
            if (evg_i_strmap_get(&seen, d, len) < 0)
                n = evg_i_strmap_put(&seen, d, len, 0) < 0 ? -1 : n + 1;
            d = end ? end + 2 : NULL;
        }
    }
    evg_i_strmap_free(&seen);
    return n;
}

typedef struct {
    const char *label, *country;
} label_cc;

static int by_label_cc(const void *a, const void *b)
{
    const label_cc *x = a, *y = b;
    int c = strcmp(x->label, y->label);
    return c ? c : strcmp(x->country, y->country);
}

/*
 * The person labels that two or more people of different countries share
 * ("Hassan" of MAR and of no known country): names the graph may have split
 * by a wrong country. -1 when out of memory.
 */
static long labels_split_by_country(const evg_query *q)
{
    size_t nv = evg_graph_vertex_count(q->g), n = 0;
    label_cc *l = calloc(nv + 1, sizeof(*l));
    long split = 0;

    if (l == NULL)
        return -1;
    for (size_t v = 0; v < nv; v++) {
        const evg_i_vattr *a = evg_i_q_v(q, v);
        if (a->type != EVG_NODE_PERSON || a->label == NULL)
            continue;
        l[n].label = a->label;
        l[n++].country = a->country ? a->country : "";
    }
    if (n)
        qsort(l, n, sizeof(*l), by_label_cc);
    for (size_t i = 0, j; i < n; i = j) { /* each run of one label */
        int countries = 1;
        for (j = i + 1; j < n && strcmp(l[j].label, l[i].label) == 0; j++)
            countries += strcmp(l[j].country, l[j - 1].country) != 0;
        split += countries > 1;
    }
    free(l);
    return split;
}

static int put_count(json_t *o, const char *key, size_t n)
{
    return evg_i_q_set(o, key, json_integer((json_int_t)n));
}

static json_t *stats(evg_query *q, const tally *t, long docs, size_t people_edges,
                     long split)
{
    const evg_graph *g = q->g;
    json_t *o = json_object();
    int fail =
        evg_i_q_set(o, "source", json_string(q->from_graphml ? "graphml" : "events")) < 0;

    fail |= evg_i_q_set(o, "documents",
                        q->from_graphml ? json_null()
                                        : json_integer((json_int_t)q->docs_read)) < 0;
    fail |= put_count(o, "documents_with_events", (size_t)docs) < 0;
    fail |= put_count(o, "reports", t->reports) < 0;
    /* one definition of each count, the run summary's and the report's */
    evg_event_counts ev;
    evg_graph_event_counts(&ev, g);
    fail |= put_count(o, "events", ev.events) < 0;
    fail |= put_count(o, "meetings", ev.meetings) < 0;
    fail |= put_count(o, "talks", ev.talks) < 0;
    fail |= put_count(o, "visits", ev.visits) < 0;
    fail |= put_count(o, "signings", ev.signings) < 0;
    fail |= put_count(o, "calls", ev.calls) < 0;
    fail |= put_count(o, "planned", ev.planned) < 0;
    fail |= put_count(o, "people", evg_graph_count_type(g, EVG_NODE_PERSON)) < 0;
    fail |= put_count(o, "people_labels_split_by_country", (size_t)split) < 0;
    fail |=
        put_count(o, "organizations", evg_graph_count_type(g, EVG_NODE_ORGANIZATION)) < 0;
    fail |= put_count(o, "countries", evg_graph_count_type(g, EVG_NODE_COUNTRY)) < 0;
    fail |= put_count(o, "agreements", evg_graph_count_type(g, EVG_NODE_AGREEMENT)) < 0;
    fail |= put_count(o, "places", evg_graph_count_type(g, EVG_NODE_PLACE)) < 0;
    fail |= put_count(o, "edges", evg_graph_edge_count(g)) < 0;
    fail |= put_count(o, "people_edges", people_edges) < 0;
    fail |= evg_i_q_set(o, "first", evg_i_q_text(t->first)) < 0;
    fail |= evg_i_q_set(o, "last", evg_i_q_text(t->last)) < 0;
    if (fail) {
        json_decref(o);
        return NULL;
    }
    return o;
}

int evg_i_q_stats(evg_i_qctx *c)
{
    const evg_graph *people = NULL;
    tally t;
    long docs = documents_with_events(c->q), split = labels_split_by_country(c->q);
    json_t *doc = NULL;
    int rc = 0;

    memset(&t, 0, sizeof t);
    for (size_t v = 0; v < evg_graph_vertex_count(c->q->g); v++)
        if (evg_i_q_v(c->q, v)->type == EVG_NODE_MEETING)
            count_meeting(&t, evg_i_q_v(c->q, v));
    EVG_CHECK(evg_i_q_view(&people, NULL, c->q, EVG_VIEW_PEOPLE, EVG_M_DEGREE, c->err));
    doc = evg_i_q_doc(c);
    if (docs < 0 || split < 0 ||
        evg_i_q_set(doc, "stats",
                    stats(c->q, &t, docs, evg_graph_edge_count(people), split)) < 0) {
        rc = evg_i_error_nomem(c->err);
        goto cleanup;
    }
    c->r->count = 1;
    c->r->doc = doc;
    doc = NULL;
cleanup:
    json_decref(doc);
    return rc;
}
