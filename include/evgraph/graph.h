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
 * Which graph to build. Every view is built from the same merged corpus (see
 * evg_graph_build()): one vertex per person, organization, country, agreement
 * and place across documents, one per meeting however many documents report
 * it.
 *
 * EVG_VIEW_FULL: every kind of vertex (people, organizations, countries,
 * meetings, agreements, places named by a meeting's place). Edges:
 * participated_in (person -> meeting, with the role), represents (person or
 * organization -> country), member_of (person -> organization),
 * references / signed (meeting -> agreement), held_at (meeting -> place),
 * signatory (person -> agreement signed at a meeting the person took part
 * in). The weight of an edge is the number of statements behind it (for
 * represents and member_of: the documents that say so; for participated_in,
 * references and signed: the reports of the meeting that say so; for
 * signatory: the meetings).
 *
 * EVG_VIEW_PEOPLE: people only; an edge "met" joins two people who took part
 * in the same in-person meeting (type meeting, visit or signing with status
 * reported), weight = the number of such meetings, with the first and last
 * date. Calls and planned events make no edge, nor do meetings of more
 * people than evg_build_opts.max_meeting_people. Every person who took part in
 * at least one event of any kind is a vertex, so someone who only had a call
 * shows as an isolated vertex (with `meetings` 0); people who are only
 * mentioned are left out.
 *
 * EVG_VIEW_COUNTRIES: countries only; an edge "met" joins two countries whose
 * officials (people representing them) took part in the same in-person
 * meeting, weight = the number of such meetings, with the first and last
 * date. Every country with an official in at least one event is a vertex.
 *
 * EVG_VIEW_BIPARTITE: people and meetings, joined by participated_in (with
 * the role): the two-mode network from which the people view is projected.
 * Every meeting is there (calls and planned ones too, with their event_type
 * and status to filter by), with every person who took part in one.
 */
typedef enum {
    EVG_VIEW_FULL,      /* every node type, typed edges */
    EVG_VIEW_PEOPLE,    /* person-person, weight = meetings shared */
    EVG_VIEW_COUNTRIES, /* country-country, weight = meetings of their officials */
    EVG_VIEW_BIPARTITE  /* person-meeting */
} evg_view;

/** "full", "people", "countries", "bipartite"; "unknown" otherwise. Static. */
EVG_API const char *evg_view_name(evg_view v);

/** The view called `name` (as evg_view_name() writes it): 0, or EVG_EINVAL. */
EVG_API int evg_view_from_name(evg_view *out, const char *name);

/**
 * A user's alias table: canonical names, each with the variants that name
 * the same person (or organization, agreement, place) when the merge rules
 * cannot tell. Opaque; read from JSON by evg_aliases_load().
 */
typedef struct evg_aliases evg_aliases;

/**
 * Parse an alias table: a JSON object whose keys are canonical names and
 * whose values are arrays of variant names,
 * {"Selcuk Bayraktaroglu": ["Bayraktaroglu", "S. Bayraktaroglu"]}.
 * Names match after folding case and diacritics and ignoring punctuation.
 * A UTF-8 byte order mark in front is skipped. `source` names the input in
 * messages. Returns 0, EVG_ENOMEM (out of memory, even while parsing the
 * JSON: err names the source), EVG_EPARSE (not JSON, a
 * duplicate key, a value that is not an array of non-empty strings, a name
 * with no letters or digits, a variant listed under two canonical names, a
 * canonical name listed as another's variant; err has the source, the line
 * and the name at fault). Free with evg_aliases_free().
 */
EVG_API int evg_aliases_parse(evg_aliases **out, const char *text, size_t len,
                              const char *source, evg_error *err);

/**
 * The same, from the file `path` ("-" for standard input). Returns 0,
 * EVG_EIO (the file cannot be read), EVG_EPARSE or EVG_ENOMEM.
 */
EVG_API int evg_aliases_load(evg_aliases **out, const char *path, evg_error *err);

/** The number of canonical names. */
EVG_API size_t evg_aliases_count(const evg_aliases *a);

/** NULL-safe. */
EVG_API void evg_aliases_free(evg_aliases *a);

/**
 * The default of evg_build_opts.max_meeting_people: a meeting of more people
 * joins none of them in the people view.
 */
#define EVG_MAX_MEETING_PEOPLE 100

/**
 * Which merged meetings a graph keeps (evg_build_opts.filter). A meeting is
 * kept when it passes every part given; a graph keeps only the kept meetings
 * and what they touch: their people, the organizations and countries those
 * people belong to and the countries that took part, the agreements signed
 * or referenced there, their places (the people, countries and
 * organizations of the other views likewise count only kept meetings). The
 * events themselves are never filtered. The zero value keeps every meeting.
 *
 * - `from`, `to`: dates "YYYY", "YYYY-MM" or "YYYY-MM-DD" (NULL: open); a
 *   meeting is kept when its date is on or after `from` and on or before
 *   `to`, where a year or month `to` includes all of it ("2024-11" is all of
 *   November); undated meetings are left out once either is given.
 * - `countries`: ISO 3166 alpha-3 codes ("FRA", any case) or names the
 *   country tables know ("France", "French", "UK"): a meeting is kept when,
 *   for each country, someone of that country (a person representing it) or
 *   the country itself took part; several countries: all of them.
 * - `event_types`: a set of (1u << evg_event_type); 0: every type.
 * - `statuses`: a set of (1u << evg_event_status); 0: every status.
 *
 * Strings are borrowed for the duration of the call that reads them.
 */
typedef struct {
    const char *from, *to;
    const char *const *countries;
    size_t ncountries;
    unsigned event_types;
    unsigned statuses;
} evg_filter;

/**
 * Check a filter before a long run: its dates, type and status bits and
 * countries. Returns 0, or EVG_EINVAL with a message naming the value at
 * fault ("'2024-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)", "unknown
 * country 'Narnia'"). evg_graph_build() checks the same.
 */
EVG_API int evg_filter_check(const evg_filter *f, evg_error *err);

/**
 * Options of evg_graph_build(). Version 1 callers have only `view`;
 * `aliases` came with version 2 (borrowed for the duration of the call; may
 * be NULL); `max_meeting_people` to `drop_mentions` with version 3, `filter`
 * with version 4 (earlier versions get the defaults).
 *
 * `max_meeting_people`: in the people view, a meeting of more people than
 * this (a conference, a summit's plenary) adds no "met" edge at all, instead
 * of one between every two of its people: 2,000 people would make two
 * million edges, a graph that buries every other meeting and a file of
 * hundreds of megabytes. Its people stay vertices of the people view, and
 * the full and bipartite views keep every participation (the meeting is one
 * vertex joined to each). 0: no limit. Each such meeting is reported once
 * to `on_diag` (may be NULL) as a warning naming its first document and
 * event, when the view is the people view. `drop_mentions`: below.
 */
typedef struct {
    unsigned version;
    evg_view view;
    const evg_aliases *aliases;
    size_t max_meeting_people;
    evg_diag_fn on_diag;
    void *diag_payload;
    /**
     * Full view: leave out what is only mentioned, the entities linked to no
     * event: people who took part in none, agreements no meeting signed or
     * referenced, places of no meeting, countries and organizations that
     * neither took part nor have someone who did. The events keep them.
     */
    int drop_mentions;
    /** Which meetings to keep, and with them what they touch (evg_filter). */
    evg_filter filter;
} evg_build_opts;

#define EVG_BUILD_OPTS_VERSION 4
#define EVG_BUILD_OPTS_INIT                                                              \
    {                                                                                    \
        EVG_BUILD_OPTS_VERSION, EVG_VIEW_FULL, NULL, EVG_MAX_MEETING_PEOPLE, NULL, NULL, \
            0,                                                                           \
        {                                                                                \
            NULL, NULL, NULL, 0, 0, 0                                                    \
        }                                                                                \
    }

/**
 * `*opts` set to EVG_BUILD_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_BUILD_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_build_opts_init(evg_build_opts *opts, unsigned version);

/**
 * Build the graph of `c` in the requested view. The result depends only on
 * the set of documents, never on their order: documents are read in id
 * order, a document id seen twice is read once (when the two records differ,
 * the one whose JSON sorts first), and every choice between variants is made
 * by counting (the most frequent form; ties by fixed rules, never by input
 * order). So building from the concatenation of shards gives the same graph
 * as building from all events at once. The merge rules (docs/merge.md):
 *
 * - People: one vertex per person. Full names match after folding case and
 *   diacritics ("Selçuk Bayraktaroğlu" = "SELCUK BAYRAKTAROGLU"); the same
 *   entity id means the same person. A surname alone ("Bayraktaroglu"), or
 *   initials and a surname ("S. Bayraktaroglu"), joins the one full name it
 *   matches whose person represents the same country (or an unknown one);
 *   when several match it stays apart, and so do people of different
 *   countries sharing a surname. The aliases merge what these rules cannot.
 *   Label: the most frequent full form (forms in capitals only last; ties:
 *   the longer, then byte order). Country and organization: the most frequent
 *   (ties by byte order). Titles accumulate with the first and last dates of
 *   the documents that give them.
 * - Meetings: reports of the same meeting become one vertex: same kind
 *   (calls with calls, visits with visits, meetings with signings), same
 *   status, participants equal or one set containing the other, dates at
 *   most one day apart (or one unknown, when only one meeting matches, or
 *   one of undated reports of the same people, and the undated report's
 *   document is within a week of the meeting, a month if planned),
 *   places not known to lie in different countries. Two reports of one
 *   document merge only when one is a signing and the other a meeting.
 * - Agreements: names match after folding, dropping articles and small
 *   words, ignoring word order and taking accord, pact and deal for
 *   agreement; "ABM Treaty" joins "Anti-Ballistic Missile Treaty" when a
 *   document names both (or writes "Anti-Ballistic Missile (ABM) Treaty").
 *   A name without a capitalized word ("agreement to cut output") describes
 *   rather than names an agreement, and stays with its document.
 * - Codes: every meeting gets its CAMEO code and PLOVER type and mode.
 *
 * `opts` may be NULL (full view, no aliases). Returns 0, EVG_EINVAL (unknown
 * view or options version, a filter evg_filter_check() refuses), EVG_ENOMEM
 * or EVG_EGRAPH. Free with
 * evg_graph_free().
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
 * ("person:zakir-hasanov", "country:AZE"; of merged entities the most
 * frequent, ties by byte order; "person:<slug>" of the canonical name for an
 * alias), meetings "meeting:<doc id>-<n>" of their first report in document
 * order. Characters that cannot appear become '_'; a clash gets ".2", ".3"...
 */
EVG_API const char *evg_graph_vertex_id(const evg_graph *g, size_t v);
EVG_API const char *evg_graph_vertex_label(const evg_graph *g, size_t v);
EVG_API evg_node_type evg_graph_vertex_type(const evg_graph *g, size_t v);

/** Find a vertex by id: 0 and `*out` set, or EVG_ENOTFOUND. */
EVG_API int evg_graph_find_vertex(size_t *out, const evg_graph *g, const char *id);

/**
 * A vertex attribute by name, as text; NULL when it does not apply to the
 * vertex's type, is unknown, or `name` is not one of:
 * - "titles" (persons: every title, "; "-joined, in order of first sight),
 *   "title" (the most recently seen), "titles_seen" ("Minister of Defence
 *   (2024-03-01/2024-06-30); ...": each title with the first and last date
 *   of the documents giving it, one date when they are the same);
 * - "country" (ISO alpha-3; of a place, the country it lies in), "org" (the
 *   organization's label), "aliases" (persons, organizations, agreements,
 *   places: the other name forms seen, "; "-joined in byte order), "city"
 *   (places: the city it is in, itself for a city; a venue with its city is
 *   labelled "Defense Ministry, Baku");
 * - "kind" (agreements), "signatories" (agreements: labels of the people
 *   who signed it, "; "-joined);
 * - "event_type", "status", "date", "place" (the place's label),
 *   "place_country" (ISO alpha-3 of the place, when known), "doc" (the
 *   first report's document), "docs" (every reporting document, "; "-joined
 *   in id order), "outlets" and "urls" (the reporting documents' outlets
 *   and urls, as JSON Lines articles give them in "source" and "url", each
 *   once, "; "-joined in id order; NULL when none does), "evidence" (the reports'
 * sentences, each once, space-joined; each led by "[doc id] " when several documents
 * report the meeting), "countries" (of the participants, "; "-joined), "cameo" (the CAMEO
 * event code, "042"), "cameo_name" ("Make a visit"), "plover_type"
 *   ("CONSULT"), "plover_mode" ("visit"; NULL when none applies) (meetings);
 * - "first_seen", "last_seen" (earliest and latest date of the events the
 *   vertex is part of). Borrowed.
 */
EVG_API const char *evg_graph_vertex_attr(const evg_graph *g, size_t v, const char *name);

/**
 * A numeric vertex attribute by name into `*out`: "sources" (documents that
 * name the vertex or report the meeting), "reports" (meetings: event records
 * merged into it), "meetings" (persons, countries: in-person reported
 * meetings taken part in, by the country's officials), "events" (persons,
 * countries: meetings of any kind or status), "people" (meetings: the
 * participants; countries and organizations: the people representing them
 * or members of them), "signed_count", "referenced_count" (agreements: the
 * meetings that signed or referenced it), "community" (every vertex: its
 * community, numbered from 0 by decreasing size, ties by first vertex).
 * Returns 0, or EVG_ENOTFOUND for another name or an attribute that does not
 * apply to the vertex's type.
 */
EVG_API int evg_graph_vertex_number(long *out, const evg_graph *g, size_t v,
                                    const char *name);

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
 * "references", "signed", "held_at", "signatory" (full view),
 * "participated_in" (bipartite view) or "met" (people and countries views);
 * a static string.
 */
EVG_API const char *evg_graph_edge_relation(const evg_graph *g, size_t e);

/**
 * An edge attribute by name, as text, or NULL: "role" (participated_in:
 * host, guest or participant), "cameo" (participated_in: the CAMEO code of
 * the person's part, 042 for the visitor and 043 for the host of a visit,
 * else the meeting's), "title" (participated_in of a person: the title held
 * at the meeting's date), "first_date", "last_date" (of the events behind the
 * edge). Borrowed.
 */
EVG_API const char *evg_graph_edge_attr(const evg_graph *g, size_t e, const char *name);

/**
 * The filter the graph was built with (evg_build_opts.filter), as text:
 * "from 2025-03; to 2025-03; country LVA, FIN; type call; status planned"
 * (only the parts given, countries as codes), or NULL when it keeps every
 * meeting. The exports write it as the graph's "filter" and the report
 * says it. Borrowed.
 */
EVG_API const char *evg_graph_filter(const evg_graph *g);

/** What merging did, over the whole corpus (the same for every view). */
typedef struct {
    size_t documents;      /* distinct document ids read */
    size_t duplicates;     /* records skipped: their document id was read already */
    size_t conflicts;      /* of those, records that differed from the one kept */
    size_t reports;        /* event records */
    size_t meetings;       /* meetings after merging */
    size_t merged_reports; /* reports folded into another: reports - meetings */
    size_t person_mentions, people;        /* person entities; people after merging */
    size_t agreement_mentions, agreements; /* likewise for agreements */
} evg_graph_stats;

/**
 * The events of a graph, counted one way everywhere (the run summary, the
 * report, `query stats`; docs/formats.md). An event is a meeting vertex:
 * the reports of one happening merged. A meeting is an event in person
 * (talks, a visit, a signing) that took place (reported); a call is a
 * reported call; planned events are counted apart whatever their type. So
 * events = meetings + calls + planned, and meetings = talks + visits +
 * signings.
 */
typedef struct {
    size_t events;   /* meeting vertices: merged events of every type and status */
    size_t meetings; /* reported and in person: talks + visits + signings */
    size_t talks, visits, signings;
    size_t calls;   /* reported calls */
    size_t planned; /* planned events of any type */
} evg_event_counts;

/** Count the events of `g` (of any view that has meeting vertices; else all 0). */
EVG_API void evg_graph_event_counts(evg_event_counts *out, const evg_graph *g);

/** Fill `*out` with what building `g` merged. */
EVG_API void evg_graph_get_stats(evg_graph_stats *out, const evg_graph *g);

/** "person", "organization", ...: static strings. */
EVG_API const char *evg_node_type_name(evg_node_type t);

/** NULL-safe. */
EVG_API void evg_graph_free(evg_graph *g);

EVG_END_DECLS

#endif
