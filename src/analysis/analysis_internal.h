#ifndef EVG_ANALYSIS_ANALYSIS_INTERNAL_H
#define EVG_ANALYSIS_ANALYSIS_INTERNAL_H

#include "evgraph/analysis.h"
#include "graph/igraph_boundary.h"

/*
 * Scores of `n` vertices: val[m][v] for measure m and vertex v, when bit m
 * of `have` is set; val[m] is NULL for a measure never computed.
 */
struct evg_scores {
    size_t n;
    unsigned have; /* EVG_MEASURE_BIT() of each measure computed */
    double cutoff; /* of betweenness and closeness: > 0 approximate, 0 exact */
    double *val[EVG_M__COUNT];
};

/* The measures a cutoff applies to: those counted along shortest paths. */
#define EVG_I_PATH_MEASURES                                                              \
    (EVG_MEASURE_BIT(EVG_M_BETWEENNESS) | EVG_MEASURE_BIT(EVG_M_CLOSENESS))

/*
 * Compute the measures `opts` asks for (NULL: all) of `ig` into `s` (made by
 * evg_i_scores_new() for the vertex count). `weights` are the edge weights
 * (tie strengths, one per edge); path-based measures use 1/weight as the
 * length of an edge. Exposed so that tests can drive the igraph error path
 * with a bad weight vector. Returns 0, EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_scores_run(evg_scores *s, const igraph_t *ig, const igraph_vector_t *weights,
                     const evg_analysis_opts *opts, evg_error *err);

/*
 * The Louvain community of every vertex of `ig` (weighted by `weights`, one
 * per edge) into out[0..vcount), numbered from 0 by decreasing size, ties by
 * first vertex; deterministic (seeded). Returns 0, EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_communities(long *out, const igraph_t *ig, const igraph_vector_t *weights,
                      evg_error *err);

/*
 * Measure `m` alone of `g` into `s` (made by evg_i_scores_new() for the
 * graph's vertex count), as evg_scores_compute() computes it, whatever the
 * set of measures of `opts`: for timing each measure (bench/) and for
 * computing a measure on first need (query/). `s` then has it; on failure it
 * has what it had. Returns 0, EVG_EINVAL, EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_scores_measure(evg_scores *s, const evg_graph *g, evg_measure m,
                         const evg_analysis_opts *opts, evg_error *err);

/* A scores object for `n` vertices without any measure. Returns 0 or EVG_ENOMEM. */
int evg_i_scores_new(evg_scores **out, size_t n, evg_error *err);

/*
 * The array of measure `m` of `s` (s->n scores, all 0 when new), allocated on
 * first call; NULL when out of memory. The measure is not marked as computed:
 * fill the array, then set its bit in s->have (a reader of scores does both).
 */
double *evg_i_scores_column(evg_scores *s, evg_measure m);

#endif
