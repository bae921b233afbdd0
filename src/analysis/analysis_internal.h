#ifndef EVG_ANALYSIS_ANALYSIS_INTERNAL_H
#define EVG_ANALYSIS_ANALYSIS_INTERNAL_H

#include "evgraph/analysis.h"
#include "graph/igraph_boundary.h"

/* Scores of `n` vertices: val[m][v] for measure m and vertex v. */
struct evg_scores {
    size_t n;
    double *val[EVG_M__COUNT];
};

/*
 * Compute every measure of `ig` into `s` (s->n == vertex count, arrays
 * allocated). `weights` are the edge weights (tie strengths, one per edge);
 * path-based measures use 1/weight as the length of an edge. Exposed so that
 * tests can drive the igraph error path with a bad weight vector.
 * Returns 0, EVG_ENOMEM or EVG_EGRAPH.
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
 * graph's vertex count), as evg_scores_compute() computes it: for timing
 * each measure (bench/). Returns 0, EVG_EINVAL, EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_scores_measure(evg_scores *s, const evg_graph *g, evg_measure m,
                         const evg_analysis_opts *opts, evg_error *err);

/* A scores object for `n` vertices, every score 0. Returns 0 or EVG_ENOMEM. */
int evg_i_scores_new(evg_scores **out, size_t n, evg_error *err);

#endif
