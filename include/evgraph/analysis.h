#ifndef EVGRAPH_ANALYSIS_H
#define EVGRAPH_ANALYSIS_H

#include "evgraph/graph.h"

EVG_BEGIN_DECLS

/** Centrality measures, all computed by igraph on the undirected graph. */
typedef enum {
    EVG_M_DEGREE,      /* number of incident edges */
    EVG_M_STRENGTH,    /* sum of incident edge weights */
    EVG_M_BETWEENNESS, /* weighted by 1/weight; exact unless a cutoff is set */
    EVG_M_CLOSENESS,   /* harmonic closeness, normalized; exact unless a cutoff is set */
    EVG_M_EIGENVECTOR, /* scaled to a maximum of 1 */
    EVG_M_PAGERANK,    /* damping 0.85 */
    EVG_M__COUNT
} evg_measure;

/** The bit of measure `m` in a set of measures (evg_analysis_opts.measures). */
#define EVG_MEASURE_BIT(m) (1u << (unsigned)(m))

/** The set of every measure. */
#define EVG_MEASURES_ALL ((1u << EVG_M__COUNT) - 1u)

/**
 * Centrality scores of every vertex of one graph, for the measures that were
 * computed (evg_scores_has()). Opaque.
 */
typedef struct evg_scores evg_scores;

typedef struct {
    unsigned version;
    /*
     * <= 0: exact. Else betweenness and harmonic closeness count only the
     * shortest paths no longer than this (in lengths 1/weight: a path of
     * two edges of weight 1 is 2 long): approximate, and much faster on
     * large graphs, where the exact measures take O(V E) time. Must be
     * finite.
     */
    double betweenness_cutoff;
    /*
     * Since version 2: the measures to compute, a set of
     * EVG_MEASURE_BIT(EVG_M_...) or'ed together; 0 computes none (the
     * scores then hold only the vertex count).
     * EVG_ANALYSIS_OPTS_INIT sets EVG_MEASURES_ALL, and options of version 1
     * (which have no such field) compute every measure. Degree, strength,
     * eigenvector and PageRank take about O(E) time each (the last two per
     * iteration); exact betweenness and closeness O(V E): on a large graph
     * leave them out or set a cutoff.
     */
    unsigned measures;
} evg_analysis_opts;

#define EVG_ANALYSIS_OPTS_VERSION 2
#define EVG_ANALYSIS_OPTS_INIT                                                           \
    {                                                                                    \
        EVG_ANALYSIS_OPTS_VERSION, 0.0, EVG_MEASURES_ALL                                 \
    }

/**
 * `*opts` set to EVG_ANALYSIS_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_ANALYSIS_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_analysis_opts_init(evg_analysis_opts *opts, unsigned version);

/**
 * Compute on `g` the measures `opts` asks for (every measure when `opts` is
 * NULL). Edge weights are tie
 * strengths (strength, eigenvector, PageRank); betweenness and closeness read
 * an edge of weight w as a path of length 1/w. Repeatable: igraph's random
 * number generator is seeded with a fixed value before the one step that uses
 * it (the eigenvector start vector). An empty graph gives empty scores; in a
 * graph without edges every score is 0 except PageRank (1/n each). A measure
 * left out is absent from the scores: evg_scores_has() says 0, and the
 * exporters write no column for it (rather than zeros).
 * Returns 0, EVG_EINVAL (options of an unknown version, a cutoff that is not
 * finite, a bit of `measures` that names no measure), EVG_ENOMEM or
 * EVG_EGRAPH. Free with evg_scores_free().
 */
EVG_API int evg_scores_compute(evg_scores **out, const evg_graph *g,
                               const evg_analysis_opts *opts, evg_error *err);

/** Whether measure `m` was computed (1) or left out (0; also when `s` is NULL). */
EVG_API int evg_scores_has(const evg_scores *s, evg_measure m);

/** The set of measures computed (EVG_MEASURE_BIT() of each); 0 when `s` is NULL. */
EVG_API unsigned evg_scores_measures(const evg_scores *s);

/**
 * The cutoff betweenness and closeness were computed with: > 0 when they
 * are approximate (evg_analysis_opts.betweenness_cutoff), 0 when they are
 * exact or neither was computed; 0 when `s` is NULL.
 */
EVG_API double evg_scores_cutoff(const evg_scores *s);

/** The number of vertices scored (the vertex count of the graph they came from). */
EVG_API size_t evg_scores_vertex_count(const evg_scores *s);

/**
 * The score of vertex `v` for measure `m`: 0 when `v` or `m` is out of range
 * or `m` was not computed (check evg_scores_has() to tell the two apart).
 */
EVG_API double evg_scores_get(const evg_scores *s, evg_measure m, size_t v);

/**
 * The vertices of type `type` (or of any type when `type` is negative) with
 * the highest score for `m`, best first, ties broken by vertex id: at most
 * `n` written to `out`. Returns how many were written (0 also when `m` was
 * not computed or memory ran out).
 */
EVG_API size_t evg_scores_top(size_t *out, size_t n, const evg_scores *s,
                              const evg_graph *g, evg_measure m, int type);

/**
 * "degree", "strength", "betweenness", "closeness", "eigenvector", "pagerank";
 * "unknown" otherwise. Static.
 */
EVG_API const char *evg_measure_name(evg_measure m);

/** The measure called `name` (as evg_measure_name() writes it): 0, or EVG_EINVAL. */
EVG_API int evg_measure_from_name(evg_measure *out, const char *name);

/** NULL-safe. */
EVG_API void evg_scores_free(evg_scores *s);

/* ---- layout: positions for drawing a graph ------------------------------ */

/** Positions of the vertices of one graph in the plane. Opaque. */
typedef struct evg_layout evg_layout;

typedef struct {
    unsigned version;
    unsigned long seed; /* igraph's random numbers (starting positions) */
} evg_layout_opts;

#define EVG_LAYOUT_OPTS_VERSION 1
#define EVG_LAYOUT_OPTS_INIT                                                             \
    {                                                                                    \
        EVG_LAYOUT_OPTS_VERSION, 20241223UL                                              \
    }

/**
 * `*opts` set to EVG_LAYOUT_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_LAYOUT_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_layout_opts_init(evg_layout_opts *opts, unsigned version);

/**
 * Lay `g` out for drawing. Each connected component is laid out on its own
 * by igraph's Fruchterman-Reingold algorithm (edge weights pull harder), the
 * components are packed in rows, largest first, and vertices without edges
 * follow in a grid below them. A component of V vertices
 * spans about 1.5 sqrt(V) units, so that all are drawn about as dense, with
 * 1.5 units between components. The same graph and seed always give the
 * same positions (igraph's generator is seeded before each component).
 * `opts` may be NULL.
 * Time: about O(V^2) per iteration in a component of V vertices, and 500
 * iterations (igraph's grid makes large components about O(V) per iteration).
 * Returns 0, EVG_EINVAL (options of another version), EVG_ENOMEM or
 * EVG_EGRAPH. Free with evg_layout_free().
 */
EVG_API int evg_layout_compute(evg_layout **out, const evg_graph *g,
                               const evg_layout_opts *opts, evg_error *err);

/** The position of vertex `v` (0 when out of range), within [0, width] x [0, height]. */
EVG_API double evg_layout_x(const evg_layout *l, size_t v);
EVG_API double evg_layout_y(const evg_layout *l, size_t v);
EVG_API double evg_layout_width(const evg_layout *l);
EVG_API double evg_layout_height(const evg_layout *l);

/**
 * The connected component of vertex `v`, numbered from 0 by decreasing size
 * (equal sizes: the one holding the lower vertex first); a vertex without
 * edges is a component of its own. SIZE_MAX when `v` is out of range.
 */
EVG_API size_t evg_layout_component(const evg_layout *l, size_t v);
EVG_API size_t evg_layout_component_count(const evg_layout *l);

/** NULL-safe. */
EVG_API void evg_layout_free(evg_layout *l);

EVG_END_DECLS

#endif
