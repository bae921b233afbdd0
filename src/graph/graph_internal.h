#ifndef EVG_GRAPH_GRAPH_INTERNAL_H
#define EVG_GRAPH_GRAPH_INTERNAL_H

/*
 * The attributes the graph keeps beside igraph (STYLE 4.3.6), for the
 * exporters and the other modules of the library. This header does not
 * include igraph: export/ reads attributes through it without seeing
 * igraph_t. The struct itself is in graph_impl.h (graph/ and analysis/ only).
 */
#include "evgraph/graph.h"

/*
 * Edge relations. The people and countries views have only EVG_I_REL_MET,
 * the bipartite view only EVG_I_REL_PARTICIPATED_IN.
 */
typedef enum {
    EVG_I_REL_PARTICIPATED_IN, /* person -> meeting, with a role */
    EVG_I_REL_REPRESENTS,      /* person or organization -> country */
    EVG_I_REL_MEMBER_OF,       /* person -> organization */
    EVG_I_REL_REFERENCES,      /* meeting -> agreement */
    EVG_I_REL_SIGNED,          /* meeting -> agreement signed there */
    EVG_I_REL_HELD_AT,         /* meeting -> place */
    EVG_I_REL_MET,             /* person -- person, country -- country */
    EVG_I_REL_SIGNATORY,       /* person -> agreement signed at a meeting of theirs */
    EVG_I_REL__COUNT
} evg_i_relation;

/* "No community": only in a vertex that was never part of a built graph. */
#define EVG_I_NO_COMMUNITY (-1L)

/*
 * One vertex. Strings live in the graph's arena; a field that does not apply
 * to the vertex's type (or is unknown) is NULL, a count that does not apply
 * is 0. Lists are "; "-joined unless said otherwise.
 */
typedef struct {
    const char *id;    /* unique, NMTOKEN-safe: "person:zakir-hasanov" */
    const char *label; /* readable name */
    evg_node_type type;
    const char *titles;  /* persons: every title, folded-deduplicated, by first sight */
    const char *country; /* persons, organizations, places: ISO alpha-3 (most frequent) */
    const char *city; /* places: the city it is in (most frequent), itself for a city */
    const char *org;  /* persons: the organization's label (most frequent) */
    const char *kind; /* agreements: declaration, treaty, ... (most frequent) */
    const char *event_type, *status, *date, *place, *doc, *evidence; /* meetings */
    const char *first_seen, *last_seen; /* earliest and latest event date */
    size_t sources;                     /* documents that name the vertex */
    size_t meetings; /* persons, countries: in-person reported meetings taken part in */
    size_t events;   /* persons, countries: meetings of any kind or status */

    /* ---- added with the merge (issue 4); see evg_graph_vertex_attr() ---- */
    const char *title; /* persons: the most recently seen title */
    const char
        *titles_seen; /* persons: "Title (first/last); ..." (ISO dates of documents) */
    const char
        *aliases; /* persons, orgs, agreements, places: other name forms, byte order */
    const char *docs;      /* meetings: every reporting document id, in id order */
    const char *outlets;   /* meetings: the documents' outlets ("source"), each once */
    const char *urls;      /* meetings: the documents' urls, each once, in id order */
    const char *countries; /* meetings: the participants' countries, sorted */
    const char
        *place_country;     /* meetings: ISO alpha-3 of the place, when its name tells */
    const char *cameo;      /* meetings: CAMEO event code, "040".."046", "057", "036" */
    const char *cameo_name; /* meetings: the code's CAMEO name, "Make a visit" */
    const char
        *plover_type; /* meetings: PLOVER event type, "CONSULT", "SUPPORT", "AGREE" */
    const char
        *plover_mode; /* meetings: PLOVER mode: visit, third-party, multilateral, phone */
    const char
        *signatories;    /* agreements: labels of the people who signed it, byte order */
    size_t reports;      /* meetings: event records merged into it (>= sources) */
    size_t people;       /* meetings: participants; countries, orgs: their people */
    size_t signed_count; /* agreements: meetings at which it was signed */
    size_t referenced_count; /* agreements: meetings that referenced it */
    long community;          /* every vertex: community (Louvain), 0 = the largest */
    /* ---- added with the timeline's spells (issue 20) ---- */
    const char *dates; /* persons, countries, agreements, places: EVG_I_DATES */
} evg_i_vattr;

/*
 * EVG_I_DATES: the distinct dates ("YYYY-MM-DD") of the meetings behind an
 * element, ascending, separated by one space, when there are two or more;
 * NULL when there is at most one (then first and last date, or first and
 * last seen, are that one date). Undated meetings give none. The GEXF
 * writer makes one spell of each (evg_i_dates_next() walks them).
 */
#define EVG_I_DATE_LEN 10 /* "YYYY-MM-DD" */

/*
 * The date of `dates` at *at (a cursor from 0) into `out` (EVG_I_DATE_LEN + 1
 * bytes), the cursor moved past it: 1, or 0 when there are no more.
 */
int evg_i_dates_next(char *out, const char *dates, size_t *at);

/* One edge; `from` and `to` index the vertex arrays (from < to for MET). */
typedef struct {
    size_t from, to;
    evg_i_relation rel;
    int role;                           /* evg_role for PARTICIPATED_IN, else -1 */
    double weight;                      /* parallel edges summed */
    const char *first_date, *last_date; /* of the events behind it, or NULL */
    /* ---- added with the merge (issue 4) ---- */
    const char
        *cameo; /* PARTICIPATED_IN: "042" visitor, "043" host, else the meeting's */
    /* ---- added with who is who (issue 17) ---- */
    const char
        *title; /* PARTICIPATED_IN of a person: the title held at the meeting's date */
    /* ---- added with the timeline's spells (issue 20) ---- */
    const char *dates; /* EVG_I_DATES of the events behind it */
} evg_i_eattr;

/* Borrowed; v < vertex count, e < edge count. */
const evg_i_vattr *evg_i_graph_vattr(const evg_graph *g, size_t v);
const evg_i_eattr *evg_i_graph_eattr(const evg_graph *g, size_t e);

/*
 * Whether vertex `m` is a reported meeting of an in-person type
 * (evg_event_type_in_person(); a type of no name known counts as in
 * person): what joins its people by "met" in the people and countries
 * views, as the merge decides it for built graphs (merge/links.c).
 */
int evg_i_vattr_met(const evg_i_vattr *m);

/* "participated_in", "represents", ..., "met", "signatory": static strings. */
const char *evg_i_relation_name(evg_i_relation r);

/* ---- palette.c: people coloured by country ---------------------------------- */

#define EVG_I_PALETTE_COLORS 9 /* countries with a colour of their own */
extern const char *const EVG_I_COLOR_OTHER, *const EVG_I_COLOR_UNKNOWN;

typedef struct {
    const char *code, *color;
    size_t people; /* people of the country counted */
} evg_i_country_color;

typedef struct {
    evg_i_country_color c[EVG_I_PALETTE_COLORS];
    size_t n;
} evg_i_palette;

/*
 * The colours of g's people by country: the EVG_I_PALETTE_COLORS countries with
 * most people for whom `counted` says so (the people drawn: those who met someone
 * in person), ties by code. Returns 0 or EVG_ENOMEM.
 */
int evg_i_palette_make(evg_i_palette *out, const evg_graph *g,
                       int (*counted)(const void *payload, size_t v),
                       const void *payload);
/* The colour of a person of country `code` (NULL: unknown). */
const char *evg_i_palette_color(const evg_i_palette *p, const char *code);

#endif
