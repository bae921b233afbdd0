#ifndef EVG_GRAPH_GRAPH_INTERNAL_H
#define EVG_GRAPH_GRAPH_INTERNAL_H

/*
 * The attributes the graph keeps beside igraph (STYLE 4.3.6), for the
 * exporters and the other modules of the library. This header does not
 * include igraph: export/ reads attributes through it without seeing
 * igraph_t. The struct itself is in graph_impl.h (graph/ and analysis/ only).
 */
#include "evgraph/graph.h"

/* Edge relations. The people view has only EVG_I_REL_MET. */
typedef enum {
    EVG_I_REL_PARTICIPATED_IN, /* person -> meeting, with a role */
    EVG_I_REL_REPRESENTS,      /* person or organization -> country */
    EVG_I_REL_MEMBER_OF,       /* person -> organization */
    EVG_I_REL_REFERENCES,      /* meeting -> agreement */
    EVG_I_REL_SIGNED,          /* meeting -> agreement signed there */
    EVG_I_REL_HELD_AT,         /* meeting -> place */
    EVG_I_REL_MET,             /* person -- person (people view) */
    EVG_I_REL__COUNT
} evg_i_relation;

/*
 * One vertex. Strings live in the graph's arena; a field that does not apply
 * to the vertex's type (or is unknown) is NULL.
 */
typedef struct {
    const char *id;    /* unique, NMTOKEN-safe: "person:zakir-hasanov" */
    const char *label; /* readable name */
    evg_node_type type;
    const char *titles;  /* persons: every title, deduplicated, "; "-joined */
    const char *country; /* persons, organizations, places: ISO alpha-3 */
    const char *org;     /* persons: the organization's label */
    const char *kind;    /* agreements: declaration, treaty, ... */
    const char *event_type, *status, *date, *place, *doc, *evidence; /* meetings */
    const char *first_seen, *last_seen; /* earliest and latest event date */
    size_t sources;                     /* documents that name the vertex */
    size_t meetings; /* persons: in-person reported events taken part in */
    size_t events;   /* persons: events of any kind or status taken part in */
} evg_i_vattr;

/* One edge; `from` and `to` index the vertex arrays (from < to for MET). */
typedef struct {
    size_t from, to;
    evg_i_relation rel;
    int role;                           /* evg_role for PARTICIPATED_IN, else -1 */
    double weight;                      /* parallel edges summed */
    const char *first_date, *last_date; /* of the events behind it, or NULL */
} evg_i_eattr;

/* Borrowed; v < vertex count, e < edge count. */
const evg_i_vattr *evg_i_graph_vattr(const evg_graph *g, size_t v);
const evg_i_eattr *evg_i_graph_eattr(const evg_graph *g, size_t e);

/* "participated_in", "represents", ..., "met": static strings. */
const char *evg_i_relation_name(evg_i_relation r);

#endif
