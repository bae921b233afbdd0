#ifndef EVG_GRAPH_VIEWS_H
#define EVG_GRAPH_VIEWS_H

/*
 * Graphs made from other graphs rather than from a corpus, for queries: a
 * graph read back from the GraphML evgraph wrote (graphml_read.c), the
 * people, countries or bipartite view of a full graph, and the
 * neighbourhood of one vertex (project.c). Like evg_graph_build(), each
 * returns a graph of its own (strings copied), freed with evg_graph_free().
 * No igraph type appears here.
 */
#include <stdio.h>

#include "evgraph/analysis.h"
#include "graph/graph_internal.h"

/*
 * Read the GraphML that evg_export() wrote (any view) from `f`, named
 * `name` in messages. Vertices come back sorted by id and edges by (source,
 * target, relation, role), so the graph is the one that was written: the
 * same attributes, view and communities (stats, which GraphML does not
 * hold, are zero). When `scores_out` is not NULL, the scores written with
 * the graph (at nine significant digits) are handed back there (free with
 * evg_scores_free()): the measures whose metric column (deg, strength, btw,
 * clo, eig, pr) every node has, the others absent (evg_scores_has());
 * NULL when there is none.
 *
 * igraph reads the file with its C attribute handler, which igraph keeps
 * in one process-wide variable: it is installed for the duration of the
 * call only and the previous handler put back, so no other igraph graph
 * ever carries attributes. Do not run other igraph code in another thread
 * meanwhile (igraph 0.10 as Debian builds it is not thread-safe anyway).
 *
 * Returns 0, EVG_EPARSE (not GraphML, or not a graph evgraph wrote: err
 * names the file and the node or edge at fault), EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_graphml_read(evg_graph **out, evg_scores **scores_out, FILE *f,
                       const char *name, evg_error *err);

/*
 * The `view` of `full` (a full-view graph): the graph evg_graph_build() of
 * the same corpus gives for that view, attribute for attribute (people who
 * took part in an event; "met" edges per in-person reported meeting, with
 * its date; countries through their officials; people and meetings), with
 * its own communities. EVG_VIEW_FULL gives a copy. Returns 0, EVG_EINVAL
 * (`full` is not a full view), EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_graph_project(evg_graph **out, const evg_graph *full, evg_view view,
                        evg_error *err);

/*
 * The subgraph of `g` induced by `center` and every vertex at most `order`
 * edges away from it (igraph_neighborhood), in the view of `g`, with its
 * own communities. `center` SIZE_MAX gives an empty graph. Returns 0,
 * EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_graph_ego(evg_graph **out, const evg_graph *g, size_t center, unsigned order,
                    evg_error *err);

#endif
