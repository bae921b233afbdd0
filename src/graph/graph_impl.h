#ifndef EVG_GRAPH_GRAPH_IMPL_H
#define EVG_GRAPH_GRAPH_IMPL_H

/*
 * The graph itself: an undirected igraph_t whose vertex and edge ids index
 * our attribute arrays. Included by graph/ and analysis/ only (igraph).
 */
#include "graph/graph_internal.h"
#include "graph/igraph_boundary.h"
#include "util/arena.h"

struct evg_graph {
    evg_view view;
    igraph_t ig;
    int have_ig;       /* ig initialised: igraph_destroy() needed */
    evg_i_arena arena; /* every string of the attributes */
    evg_i_vattr *v;
    size_t nv;
    evg_i_eattr *e;
    size_t ne;
    size_t type_count[EVG_NODE__COUNT];
    evg_graph_stats stats; /* what the merge did, for evg_graph_get_stats() */
    const char *filter;    /* the filter it was built with, as text (arena), or NULL */
};

/* The igraph graph of `g`; borrowed. */
const igraph_t *evg_i_graph_igraph(const evg_graph *g);

/*
 * Create `g->ig` from `g->e` with `g->nv` vertices (undirected). Exposed
 * so that tests can drive the igraph error path with a bad edge list.
 * Returns 0, EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_graph_create_igraph(evg_graph *g, evg_error *err);

/*
 * Whether `view` keeps a vertex of type `type` that took part in `events`
 * events: the one rule of which vertices a view shows, for the graph built
 * from a corpus (finalize.c) and the views projected from a full graph
 * (project.c). The people view keeps every person who took part in at least
 * one event of any kind, so someone who only phoned or only has a planned
 * visit is an isolated vertex; people merely mentioned are left out.
 * Countries likewise with their officials' events.
 */
int evg_i_view_keeps(evg_view view, evg_node_type type, size_t events);

/*
 * The order of edges in every graph: by source, target, relation, then role
 * (a qsort() comparator of evg_i_eattr). Built graphs and graphs read back
 * from GraphML are sorted by it, so that they compare edge for edge.
 */
int evg_i_edge_cmp(const void *a, const void *b);

/*
 * Sort the edges e[0..n) (evg_i_edge_cmp()) and sum the parallel ones (same
 * ends and relation: weights added, dates widened, the days of their meetings
 * kept in `dates`, made in `a`) in place; how many remain in *kept_out. 0 or
 * EVG_ENOMEM.
 */
int evg_i_edges_merge(size_t *kept_out, evg_i_eattr *e, size_t n, evg_i_arena *a);

/* Every vertex's community, from `g->ig` and the edge weights (finalize.c). */
int evg_i_graph_communities(evg_graph *g, evg_error *err);

#endif
