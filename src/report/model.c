/*
 * What a report shows, computed once: the people in order of centrality,
 * where each is drawn, their colours, the incident edges of the full graph
 * (profiles, agreements), the timeline and the country matrix.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"
#include "util/buf.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_report_opts_init, evg_report_opts, EVG_REPORT_OPTS_VERSION,
                   EVG_REPORT_OPTS_INIT)

typedef struct {
    long long btw, deg, pr; /* scores in units of 1e-9 */
    size_t v;
} ranked;

/*
 * Scores compared at nine decimals: two people whose PageRank differs only
 * by rounding noise tie, and the tie goes to the vertex order (by id), the
 * same on every machine.
 */
static long long quantize(double x)
{
    return isfinite(x) && fabs(x) < 9e9 ? llround(x * 1e9) : 0;
}

/*
 * Betweenness, then degree, then PageRank, then the vertex order (by id). A
 * measure that was not computed scores 0 for everyone: the next one decides.
 */
static int by_centrality(const void *a, const void *b)
{
    const ranked *x = a, *y = b;

    if (x->btw != y->btw)
        return x->btw > y->btw ? -1 : 1;
    if (x->deg != y->deg)
        return x->deg > y->deg ? -1 : 1;
    if (x->pr != y->pr)
        return x->pr > y->pr ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v;
}

static int rank_people(evg_report *r, evg_error *err)
{
    size_t n = evg_graph_vertex_count(r->people);
    ranked *k;

    if (n == 0)
        return 0;
    if ((k = calloc(n, sizeof(*k))) == NULL ||
        (r->order = calloc(n, sizeof(size_t))) == NULL ||
        (r->rank_of = calloc(n, sizeof(size_t))) == NULL ||
        (r->full_of = calloc(n, sizeof(size_t))) == NULL ||
        (r->met = calloc(n, sizeof(size_t))) == NULL) {
        free(k);
        return evg_i_error_nomem(err);
    }
    for (size_t e = 0; e < evg_graph_edge_count(r->people); e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(r->people, e);
        r->met[a->from]++;
        r->met[a->to]++;
    }
    for (size_t v = 0; v < n; v++) {
        k[v].btw = quantize(evg_scores_get(r->scores, EVG_M_BETWEENNESS, v));
        k[v].deg = quantize(evg_scores_get(r->scores, EVG_M_DEGREE, v));
        k[v].pr = quantize(evg_scores_get(r->scores, EVG_M_PAGERANK, v));
        k[v].v = v;
        if (evg_graph_find_vertex(&r->full_of[v], r->full,
                                  evg_graph_vertex_id(r->people, v)) < 0)
            r->full_of[v] = SIZE_MAX;
    }
    qsort(k, n, sizeof(*k), by_centrality);
    for (size_t i = 0; i < n; i++) {
        r->order[i] = k[i].v;
        r->rank_of[k[i].v] = i;
    }
    free(k);
    return 0;
}

/* The incident edges of every vertex of the full graph, as one array (CSR). */
static int index_edges(evg_report *r, evg_error *err)
{
    size_t n = evg_graph_vertex_count(r->full), ne = evg_graph_edge_count(r->full);
    size_t *fill;

    if ((r->adj_start = calloc(n + 1, sizeof(size_t))) == NULL ||
        (ne && (r->adj = calloc(2 * ne, sizeof(size_t))) == NULL) ||
        (fill = calloc(n + 1, sizeof(size_t))) == NULL)
        return evg_i_error_nomem(err);
    for (size_t e = 0; e < ne; e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(r->full, e);
        r->adj_start[a->from + 1]++;
        r->adj_start[a->to + 1]++;
    }
    for (size_t v = 0; v < n; v++)
        r->adj_start[v + 1] += r->adj_start[v];
    memcpy(fill, r->adj_start, (n + 1) * sizeof(size_t));
    for (size_t e = 0; e < ne; e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(r->full, e);
        r->adj[fill[a->from]++] = e;
        r->adj[fill[a->to]++] = e;
    }
    free(fill);
    return 0;
}

size_t evg_i_report_other(const evg_report *r, size_t e, size_t v)
{
    const evg_i_eattr *a = evg_i_graph_eattr(r->full, e);

    return a->from == v ? a->to : a->from;
}

int evg_i_report_drawn(const evg_report *r, size_t pv)
{
    /* From the edges, not the degree score: --measures may have left it out. */
    return r->met[pv] > 0;
}

static int drawn(const void *r, size_t pv)
{
    return evg_i_report_drawn(r, pv);
}

/* The countries with most people drawn get a colour each (graph/palette.c, as the
 * exports). */
static int choose_colors(evg_report *r, evg_error *err)
{
    return evg_i_palette_make(&r->palette, r->people, drawn, r) < 0
               ? evg_i_error_nomem(err)
               : 0;
}

const char *evg_i_report_color(const evg_report *r, size_t pv)
{
    return evg_i_palette_color(&r->palette, evg_i_graph_vattr(r->people, pv)->country);
}

const char *evg_i_report_country(const evg_report *r, const char *code)
{
    char id[64];
    size_t v;

    if (code == NULL)
        return NULL;
    snprintf(id, sizeof id, "country:%s", code);
    if (evg_graph_find_vertex(&v, r->full, id) == 0)
        return evg_graph_vertex_label(r->full, v);
    return code;
}

static int check_inputs(const evg_graph *full, const evg_graph *people,
                        const evg_scores *s, const evg_report_opts *opts, evg_error *err)
{
    if (full == NULL || people == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "a report needs both graphs");
    if (evg_graph_view(full) != EVG_VIEW_FULL ||
        evg_graph_view(people) != EVG_VIEW_PEOPLE)
        return evg_i_error_set(
            err, EVG_EINVAL, NULL, 0, 0,
            "a report needs the full and the people view, in that order");
    if (s && evg_scores_vertex_count(s) != evg_graph_vertex_count(people))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "the scores were computed on another graph");
    if (opts && opts->version != EVG_REPORT_OPTS_VERSION)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unsupported report options");
    return 0;
}

int evg_report_new(evg_report **out, const evg_corpus *corpus, const evg_graph *full,
                   const evg_graph *people, const evg_scores *people_scores,
                   const evg_report_opts *opts, evg_error *err)
{
    evg_report *r = NULL;
    int rc;

    *out = NULL;
    EVG_CHECK(check_inputs(full, people, people_scores, opts, err));
    if ((r = calloc(1, sizeof(*r))) == NULL ||
        (r->title = evg_i_strdup(opts && opts->title ? opts->title : "Who met whom")) ==
            NULL ||
        (r->full_file = evg_i_strdup(
             opts && opts->full_file ? opts->full_file : "graph.graphml")) == NULL ||
        (r->people_file = evg_i_strdup(
             opts && opts->people_file ? opts->people_file : "people.graphml")) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    r->corpus = corpus;
    r->full = full;
    r->people = people;
    r->top = opts && opts->top ? opts->top : EVG_I_REPORT_TOP;
    r->scores = people_scores;
    if (r->scores == NULL) {
        EVG_CHECK(evg_scores_compute(&r->own_scores, people, NULL, err));
        r->scores = r->own_scores;
    }
    EVG_CHECK(evg_layout_compute(&r->layout, people, NULL, err));
    EVG_CHECK(rank_people(r, err));
    EVG_CHECK(index_edges(r, err));
    EVG_CHECK(choose_colors(r, err));
    EVG_CHECK(evg_i_report_timeline(r, err));
    EVG_CHECK(evg_i_report_matrix(r, err));
    *out = r;
    r = NULL;
cleanup:
    evg_report_free(r);
    return rc;
}

void evg_report_free(evg_report *r)
{
    if (r == NULL)
        return;
    evg_i_report_stats_free(r);
    evg_layout_free(r->layout);
    evg_scores_free(r->own_scores);
    free(r->title);
    free(r->full_file);
    free(r->people_file);
    free(r->order);
    free(r->rank_of);
    free(r->full_of);
    free(r->met);
    free(r->adj_start);
    free(r->adj);
    free(r);
}
