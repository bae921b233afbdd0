#ifndef EVG_ANALYSIS_ANALYSIS_INTERNAL_H
#define EVG_ANALYSIS_ANALYSIS_INTERNAL_H

/*
 * The igraph side of analysis/, for graph/ (which is allowed igraph):
 * the functions that take igraph types. What needs no igraph is in
 * analysis/scores.h, which other stages include.
 */
#include "analysis/scores.h"
#include "graph/igraph_boundary.h"

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

#endif
