/*
 * The query handle: the full graph, the incident edges of every vertex (so
 * that a person's meetings or a meeting's people are found without a scan),
 * the name index, and on first need the people and countries views with
 * their centrality scores. Building the index is O(V + E).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/scores.h"
#include "graph/views.h"
#include "query/query_internal.h"

/* Incidence lists in one array (compressed rows), each vertex's edges in edge order. */
static int index_edges(evg_query *q)
{
    size_t nv = evg_graph_vertex_count(q->g), ne = evg_graph_edge_count(q->g);
    size_t *at;

    if ((q->off = calloc(nv + 2, sizeof(*q->off))) == NULL ||
        (q->inc = calloc(2 * ne + 1, sizeof(*q->inc))) == NULL)
        return EVG_ENOMEM;
    for (size_t e = 0; e < ne; e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(q->g, e);
        q->off[a->from + 2]++;
        if (a->to != a->from)
            q->off[a->to + 2]++;
    }
    for (size_t v = 0; v < nv; v++)
        q->off[v + 2] += q->off[v + 1];
    at = q->off + 1; /* at[v] is where the next edge of v goes; ends as off[v + 1] */
    for (size_t e = 0; e < ne; e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(q->g, e);
        q->inc[at[a->from]++] = e;
        if (a->to != a->from)
            q->inc[at[a->to]++] = e;
    }
    return 0;
}

int evg_query_new(evg_query **out, evg_graph *full, evg_error *err)
{
    evg_query *q = NULL;
    int rc = 0;

    *out = NULL;
    if (full == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no graph");
    if (evg_graph_view(full) != EVG_VIEW_FULL) {
        rc = evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                             "queries need the full graph, not the %s view",
                             evg_view_name(evg_graph_view(full)));
        evg_graph_free(full);
        return rc;
    }
    if ((q = calloc(1, sizeof(*q))) == NULL) {
        evg_graph_free(full);
        return evg_i_error_nomem(err);
    }
    q->g = full;
    q->measures = EVG_MEASURES_ALL;
    if (index_edges(q) < 0 || evg_i_q_index_names(q) < 0) {
        evg_query_free(q);
        return evg_i_error_nomem(err);
    }
    *out = q;
    return 0;
}

void evg_query_free(evg_query *q)
{
    if (q == NULL)
        return;
    for (size_t i = 0; i < sizeof q->scores / sizeof q->scores[0]; i++)
        evg_scores_free(q->scores[i]);
    evg_graph_free(q->people);
    evg_graph_free(q->countries);
    evg_graph_free(q->g);
    free(q->off);
    free(q->inc);
    free(q->names);
    free(q->place_words);
    free(q->source);
    evg_i_strmap_free(&q->by_words);
    evg_i_arena_free(&q->arena);
    free(q);
}

const evg_graph *evg_query_graph(const evg_query *q)
{
    return q->g;
}

const size_t *evg_i_q_edges(const evg_query *q, size_t v, size_t *n_out)
{
    *n_out = q->off[v + 1] - q->off[v];
    return q->inc + q->off[v];
}

const evg_i_vattr *evg_i_q_v(const evg_query *q, size_t v)
{
    return evg_i_graph_vattr(q->g, v);
}

const evg_i_eattr *evg_i_q_e(const evg_query *q, size_t e)
{
    return evg_i_graph_eattr(q->g, e);
}

/*
 * Measure `m` into `*slot` (made for the vertices of `g` when NULL), unless
 * there with the query's cutoff.
 */
static int score(evg_scores **slot, const evg_query *q, const evg_graph *g, evg_measure m,
                 evg_error *err)
{
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    int by_paths = (EVG_I_PATH_MEASURES & EVG_MEASURE_BIT(m)) != 0;

    if (!(q->measures & EVG_MEASURE_BIT(m)))
        return evg_i_error_set(
            err, EVG_ENOTFOUND, q->source, 0, 0,
            "the graph has no %s scores; build it with --measures all, "
            "or a --measures list that names %s",
            evg_measure_name(m), evg_measure_name(m));
    if (evg_scores_has(*slot, m) &&
        !(by_paths && q->cutoff_given && evg_scores_cutoff(*slot) != q->cutoff))
        return 0;
    if (*slot == NULL && evg_i_scores_new(slot, evg_graph_vertex_count(g), err) < 0)
        return EVG_ENOMEM;
    /* Scores of another cutoff (the GraphML's) are dropped, not mixed with these. */
    if (by_paths && evg_scores_cutoff(*slot) != q->cutoff)
        (*slot)->have &= ~EVG_I_PATH_MEASURES;
    ao.betweenness_cutoff = q->cutoff;
    ao.measures = EVG_MEASURE_BIT(m);
    return evg_i_scores_measure(*slot, g, m, &ao, err);
}

int evg_i_q_view(const evg_graph **g_out, const evg_scores **s_out, evg_query *q,
                 evg_view view, evg_measure m, evg_error *err)
{
    evg_graph **slot = view == EVG_VIEW_PEOPLE      ? &q->people
                       : view == EVG_VIEW_COUNTRIES ? &q->countries
                                                    : NULL;
    size_t k = view == EVG_VIEW_PEOPLE ? 1 : view == EVG_VIEW_COUNTRIES ? 2 : 0;
    const evg_graph *g = q->g;
    int rc = 0;

    if (slot && *slot == NULL)
        EVG_CHECK(evg_i_graph_project(slot, q->g, view, err));
    if (slot)
        g = *slot;
    if (s_out)
        EVG_CHECK(score(&q->scores[k], q, g, m, err));
    *g_out = g;
    if (s_out)
        *s_out = q->scores[k];
cleanup:
    return rc;
}
