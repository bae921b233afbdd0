/* PLACEHOLDER until src/graph is written: every call fails. */
#include <stdlib.h>

#include "evgraph/graph.h"
#include "graph/igraph_boundary.h"

int evg_graph_build(evg_graph **out, const evg_corpus *c, const evg_build_opts *opts,
                    evg_error *err)
{
    (void)c, (void)opts;
    *out = NULL;
    return evg_i_error_set(err, EVG_ERROR, NULL, 0, 0, "graph building not written yet");
}

evg_view evg_graph_view(const evg_graph *g) { (void)g; return EVG_VIEW_FULL; }
size_t evg_graph_vertex_count(const evg_graph *g) { (void)g; return 0; }
size_t evg_graph_edge_count(const evg_graph *g) { (void)g; return 0; }
size_t evg_graph_count_type(const evg_graph *g, evg_node_type t) { (void)g, (void)t; return 0; }
const char *evg_graph_vertex_id(const evg_graph *g, size_t v) { (void)g, (void)v; return ""; }
const char *evg_graph_vertex_label(const evg_graph *g, size_t v) { (void)g, (void)v; return ""; }
evg_node_type evg_graph_vertex_type(const evg_graph *g, size_t v) { (void)g, (void)v; return EVG_NODE_PERSON; }
int evg_graph_find_vertex(size_t *out, const evg_graph *g, const char *id) { (void)out, (void)g, (void)id; return EVG_ENOTFOUND; }
const char *evg_node_type_name(evg_node_type t) { (void)t; return ""; }
void evg_graph_free(evg_graph *g) { (void)g; }
