#ifndef EVG_GRAPH_BUILD_INTERNAL_H
#define EVG_GRAPH_BUILD_INTERNAL_H

/*
 * Building a graph happens in two passes over a working set:
 *   collect.c  reads the corpus (documents in id order) into builder
 *              vertices, merged by entity id, and raw typed edges;
 *   finalize.c keeps what the view needs, gives every vertex a unique
 *              NMTOKEN-safe id, sorts, aggregates parallel edges and hands
 *              the result to igraph.
 * Every string the finished graph keeps is copied into the graph's arena, so
 * the graph outlives the corpus; the builder itself borrows from the corpus.
 */
#include "graph/graph_internal.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/strmap.h"

typedef struct {
    const char *text; /* as first written */
    const char *key;  /* folded, for deduplication */
} evg_i_title;

typedef struct {
    const char *raw; /* merge key: the entity id, or "meeting:<event id>" */
    evg_node_type type;
    const char *name; /* from the first document that defines the entity */
    const char *text; /* fallback label: the first place text seen */
    evg_i_title *titles;
    size_t ntitles, cap_titles;
    const char *country, *org, *kind; /* first non-NULL in document order */
    const evg_doc *doc;               /* meetings: borrowed from the corpus */
    const evg_event *ev;              /* meetings: borrowed from the corpus */
    const char *first, *last;
    size_t sources, meetings, events;
    size_t last_doc;   /* 1 + index of the last document counted in `sources` */
    const char *label; /* computed by evg_i_label() */
} evg_i_bvertex;

typedef struct {
    evg_i_arena *arena; /* the graph's */
    evg_i_strmap map;   /* raw id -> vertex index (meetings are not merged) */
    evg_i_bvertex *v;
    size_t nv, capv;
    evg_i_eattr *e; /* from/to are builder vertex indices */
    size_t ne, cape;
    void *iso; /* country names (json_t *), loaded on first need */
    evg_error *err;
} evg_i_builder;

/* Read every document of `c` into `b`. Returns 0 or EVG_ENOMEM. */
int evg_i_collect(evg_i_builder *b, const evg_corpus *c);

/* Fill `g` (view already set) from `b`. Returns 0, EVG_ENOMEM or EVG_EGRAPH. */
int evg_i_finalize(evg_graph *g, evg_i_builder *b);

/* Release the builder's own memory (not the arena). NULL-safe. */
void evg_i_builder_free(evg_i_builder *b);

/*
 * The readable label of builder vertex `i`: the entity's name, else the text
 * it was first seen as, else for countries the iso-codes name, else the id
 * without its type prefix. Meetings get "Hasanov – Bayraktaroglu, 2024-12-23".
 * Returns 0 or EVG_ENOMEM; `*out` lives in the arena.
 */
int evg_i_label(const char **out, evg_i_builder *b, size_t i);

/*
 * Append an XML NMTOKEN-safe form of `s` to `out`: ASCII letters, digits and
 * . - _ : kept, letters, marks and digits of other scripts kept when XML 1.0
 * allows them in names, everything else turned into '_'; never empty.
 * Returns 0 or EVG_ENOMEM.
 */
int evg_i_nmtoken(evg_i_buf *out, const char *s);

/*
 * The name of the country with ISO 3166 alpha-3 code `code` from Debian's
 * iso-codes (current countries first, then former ones such as SUN) in
 * `*out`, NULL when unknown; borrowed from `b`. Loads the embedded data into
 * `b->iso` on first use. Returns 0 or EVG_ENOMEM.
 */
int evg_i_country_name(const char **out, evg_i_builder *b, const char *code);

/* Release what evg_i_country_name() loaded. */
void evg_i_country_names_free(evg_i_builder *b);

#endif
