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

/**
 * Which graph to build.
 *
 * EVG_VIEW_FULL: one vertex per entity id across all documents (people,
 * organizations, countries, agreements, places named by an event's `place`)
 * and one per event (type meeting, whatever the event's own type). Edges:
 * participated_in (person -> meeting, with the role), represents (person or
 * organization -> country), member_of (person -> organization),
 * references / signed (meeting -> agreement), held_at (meeting -> place).
 * The weight of an edge is the number of statements behind it (for
 * represents and member_of: the documents that say so).
 *
 * EVG_VIEW_PEOPLE: people only; an edge joins two people who took part in
 * the same in-person event (type meeting, visit or signing with status
 * reported), weight = the number of such events, with the first and last
 * date. Calls and planned events make no edge. Every person who took part in
 * at least one event of any kind is a vertex, so someone who only had a call
 * shows as an isolated vertex (with `meetings` 0 in the exports); people who
 * are only mentioned are left out.
 */
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
 * same graph, whatever the order of its documents. Documents are read in
 * document-id order: where documents disagree about an entity (its name, a
 * person's country or organization) the first one wins; a person's titles
 * are the union of all (deduplicated, ignoring case and accents). A document
 * id seen twice is read once. An empty corpus gives an empty graph.
 * `opts` may be NULL (full view). Returns 0, EVG_EINVAL (unknown view),
 * EVG_ENOMEM or EVG_EGRAPH. Free with evg_graph_free().
 */
EVG_API int evg_graph_build(evg_graph **out, const evg_corpus *c,
                            const evg_build_opts *opts, evg_error *err);

EVG_API evg_view evg_graph_view(const evg_graph *g);
EVG_API size_t evg_graph_vertex_count(const evg_graph *g);
EVG_API size_t evg_graph_edge_count(const evg_graph *g);
/** Number of vertices of type `t`. */
EVG_API size_t evg_graph_count_type(const evg_graph *g, evg_node_type t);

/**
 * Vertex attributes; borrowed, valid while the graph lives. v < vertex count.
 * Ids are unique XML NMTOKENs (ASCII letters, digits, `.-_:`, and letters of
 * other scripts): the entity id where it is one already
 * ("person:zakir-hasanov", "country:AZE"), meetings "meeting:<doc id>-<n>".
 * Characters that cannot appear become '_'; a clash gets ".2", ".3"...
 */
EVG_API const char *evg_graph_vertex_id(const evg_graph *g, size_t v);
EVG_API const char *evg_graph_vertex_label(const evg_graph *g, size_t v);
EVG_API evg_node_type evg_graph_vertex_type(const evg_graph *g, size_t v);

/** Find a vertex by id: 0 and `*out` set, or EVG_ENOTFOUND. */
EVG_API int evg_graph_find_vertex(size_t *out, const evg_graph *g, const char *id);

/**
 * A vertex attribute by name, as text; NULL when it does not apply to the
 * vertex's type, is unknown, or `name` is not one of: "titles" (persons,
 * "; "-joined), "country" (ISO alpha-3), "org" (the organization's label),
 * "kind" (agreements), "event_type", "status", "date", "place", "doc",
 * "evidence" (meetings), "first_seen", "last_seen" (earliest and latest date
 * of the events the vertex is part of). Borrowed.
 */
EVG_API const char *evg_graph_vertex_attr(const evg_graph *g, size_t v, const char *name);

/**
 * The ends of edge `e` (e < edge count). Typed edges point from the actor
 * (person -> meeting, meeting -> agreement); people-view edges have the
 * smaller vertex index first. The graph is undirected for centrality.
 */
EVG_API void evg_graph_edge_ends(size_t *from_out, size_t *to_out, const evg_graph *g,
                                 size_t e);

/** The weight of edge `e`: parallel statements summed (1 or more). */
EVG_API double evg_graph_edge_weight(const evg_graph *g, size_t e);

/**
 * The relation of edge `e`: "participated_in", "represents", "member_of",
 * "references", "signed", "held_at" (full view) or "met" (people view);
 * a static string.
 */
EVG_API const char *evg_graph_edge_relation(const evg_graph *g, size_t e);

/**
 * An edge attribute by name, as text, or NULL: "role" (participated_in:
 * host, guest or participant), "first_date", "last_date" (of the events
 * behind the edge). Borrowed.
 */
EVG_API const char *evg_graph_edge_attr(const evg_graph *g, size_t e, const char *name);

/** "person", "organization", ...: static strings. */
EVG_API const char *evg_node_type_name(evg_node_type t);

/** NULL-safe. */
EVG_API void evg_graph_free(evg_graph *g);

EVG_END_DECLS

#endif
