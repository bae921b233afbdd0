#ifndef EVGRAPH_ANALYSIS_H
#define EVGRAPH_ANALYSIS_H

#include "evgraph/graph.h"

EVG_BEGIN_DECLS

/** Centrality measures, all computed by igraph on the undirected graph. */
typedef enum {
    EVG_M_DEGREE,      /* number of incident edges */
    EVG_M_STRENGTH,    /* sum of incident edge weights */
    EVG_M_BETWEENNESS, /* weighted by 1/weight; exact unless a cutoff is set */
    EVG_M_CLOSENESS,   /* harmonic closeness, normalized */
    EVG_M_EIGENVECTOR, /* scaled to a maximum of 1 */
    EVG_M_PAGERANK,    /* damping 0.85 */
    EVG_M__COUNT
} evg_measure;

/** Centrality scores of every vertex of one graph. Opaque. */
typedef struct evg_scores evg_scores;

typedef struct {
    unsigned version;
    double betweenness_cutoff; /* <= 0: exact; else paths up to this length (approximate) */
} evg_analysis_opts;

#define EVG_ANALYSIS_OPTS_VERSION 1
#define EVG_ANALYSIS_OPTS_INIT {EVG_ANALYSIS_OPTS_VERSION, 0.0}

/**
 * Compute every measure on `g`. `opts` may be NULL. Edge weights are tie
 * strengths (strength, eigenvector, PageRank); betweenness and closeness read
 * an edge of weight w as a path of length 1/w. Repeatable: igraph's random
 * number generator is seeded with a fixed value before the one step that uses
 * it (the eigenvector start vector). An empty graph gives empty scores; in a
 * graph without edges every score is 0 except PageRank (1/n each).
 * Returns 0, EVG_EINVAL (options of another version), EVG_ENOMEM or
 * EVG_EGRAPH. Free with evg_scores_free().
 */
EVG_API int evg_scores_compute(evg_scores **out, const evg_graph *g,
                               const evg_analysis_opts *opts, evg_error *err);

/** The number of vertices scored (the vertex count of the graph they came from). */
EVG_API size_t evg_scores_vertex_count(const evg_scores *s);

/** The score of vertex `v` for measure `m` (0 when `v` or `m` is out of range). */
EVG_API double evg_scores_get(const evg_scores *s, evg_measure m, size_t v);

/**
 * The vertices of type `type` (or of any type when `type` is negative) with
 * the highest score for `m`, best first, ties broken by vertex id: at most
 * `n` written to `out`. Returns how many were written (0 also when memory
 * ran out).
 */
EVG_API size_t evg_scores_top(size_t *out, size_t n, const evg_scores *s,
                              const evg_graph *g, evg_measure m, int type);

/** "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank". */
EVG_API const char *evg_measure_name(evg_measure m);

/** NULL-safe. */
EVG_API void evg_scores_free(evg_scores *s);

EVG_END_DECLS

#endif
