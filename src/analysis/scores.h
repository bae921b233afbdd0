#ifndef EVG_ANALYSIS_SCORES_H
#define EVG_ANALYSIS_SCORES_H

/*
 * The scores object and the functions that make and fill it, without any
 * igraph type: included by graph/ (reading scores back from GraphML) and
 * by query/ (a measure computed on first need), which must not see igraph
 * (docs/design.md, "Boundaries"). The igraph side is analysis_internal.h.
 */
#include <stddef.h>

#include "evgraph/analysis.h"

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
