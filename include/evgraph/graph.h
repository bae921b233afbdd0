#ifndef EVGRAPH_GRAPH_H
#define EVGRAPH_GRAPH_H

#include "evgraph/corpus.h"

EVG_BEGIN_DECLS

/**
 * A graph built from a corpus (igraph inside; attributes kept by evgraph).
 * Opaque; copies every label it needs, so it outlives the corpus.
 */
typedef struct evg_graph evg_graph;

/** The kind of a vertex. */
typedef enum {
    EVG_NODE_PERSON,
    EVG_NODE_ORGANIZATION,
    EVG_NODE_COUNTRY,
    EVG_NODE_MEETING,
    EVG_NODE_AGREEMENT,
    EVG_NODE_PLACE,
    EVG_NODE__COUNT
} evg_node_type;

/** Which graph to build. */
typedef enum {
    EVG_VIEW_FULL,  /* every node type, typed edges */
    EVG_VIEW_PEOPLE /* person-person, weight = meetings shared */
} evg_view;

typedef struct {
    unsigned version;
    evg_view view;
} evg_build_opts;

#define EVG_BUILD_OPTS_VERSION 1
#define EVG_BUILD_OPTS_INIT {EVG_BUILD_OPTS_VERSION, EVG_VIEW_FULL}

/**
 * Build the graph of `c` in the requested view. Vertices are ordered by id,
 * edges by (source, target, relation), so the same corpus always gives the
 * same graph. `opts` may be NULL (full view). Returns 0, EVG_ENOMEM or
 * EVG_EGRAPH. Free with evg_graph_free().
 */
EVG_API int evg_graph_build(evg_graph **out, const evg_corpus *c,
                            const evg_build_opts *opts, evg_error *err);

EVG_API evg_view evg_graph_view(const evg_graph *g);
EVG_API size_t evg_graph_vertex_count(const evg_graph *g);
EVG_API size_t evg_graph_edge_count(const evg_graph *g);
/** Number of vertices of type `t`. */
EVG_API size_t evg_graph_count_type(const evg_graph *g, evg_node_type t);

/** Vertex attributes; borrowed, valid while the graph lives. v < vertex count. */
EVG_API const char *evg_graph_vertex_id(const evg_graph *g, size_t v);
EVG_API const char *evg_graph_vertex_label(const evg_graph *g, size_t v);
EVG_API evg_node_type evg_graph_vertex_type(const evg_graph *g, size_t v);

/** Find a vertex by id: 0 and `*out` set, or EVG_ENOTFOUND. */
EVG_API int evg_graph_find_vertex(size_t *out, const evg_graph *g, const char *id);

/** "person", "organization", ...: static strings. */
EVG_API const char *evg_node_type_name(evg_node_type t);

/** NULL-safe. */
EVG_API void evg_graph_free(evg_graph *g);

EVG_END_DECLS

#endif
