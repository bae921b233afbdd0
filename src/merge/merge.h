#ifndef EVG_MERGE_MERGE_H
#define EVG_MERGE_MERGE_H

/*
 * The merge across documents (src/merge/), and what it hands to the graph
 * (src/graph/finalize.c and attrs.c read the builder it fills). Building a
 * graph happens in stages over a working set, the builder:
 *   collect.c   the documents in id order, each id once, and one mention
 *               per entity of each document;
 *   resolve.c   a vertex key for every mention: which mentions name the same
 *               person (people.c), agreement (agreements.c), organization,
 *               place or country, with the user's aliases (alias.c);
 *   entities.c  one builder vertex per key, its name forms, countries,
 *               organizations and titles counted, then the winners chosen;
 *   meetings.c  one report per event (reports.c), reports of the same
 *               meeting merged into one meeting vertex, with its codes
 *               (codes.c) and edges;
 * (evg_i_merge() runs these in order), then in src/graph/:
 *   finalize.c  what the view keeps, unique NMTOKEN-safe ids, sorting,
 *               parallel edges summed, igraph, communities.
 * Every choice is a count or a comparison of contents, never a matter of
 * which document came first, so the graph is a function of the set of
 * documents (docs/merge.md). The builder borrows from the corpus; every
 * string the finished graph keeps is copied into the graph's arena.
 */
#include <limits.h>
#include <stdint.h>

#include "graph/graph_internal.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/strmap.h"

/* ---- tally.c: choosing between variants by counting -------------------- */

typedef struct {
    const char *text; /* borrowed: from the corpus or the arena */
    size_t n;
    uint64_t hash; /* evg_i_hash() of text: a form is found without a strcmp() per form */
} evg_i_form;

/*
 * Forms and their counts, in the order first counted. A tally of a few forms
 * is searched by hash along the array; a larger one through an open
 * addressing table of form indices + 1 (0: empty) that lives in the same
 * block, after the `cap` forms (tally.c): a vertex has nine tallies, most of
 * one form, so the struct stays three words.
 */
typedef struct {
    evg_i_form *v;
    size_t n, cap;
} evg_i_tally;

#define EVG_I_TALLY_INIT                                                                 \
    {                                                                                    \
        NULL, 0, 0                                                                       \
    }

/* How evg_i_tally_best() ranks forms. */
typedef enum {
    EVG_I_RANK_CODE, /* most frequent, then byte order */
    EVG_I_RANK_NAME /* not all capitals, from a capital, most frequent, longer, byte order
                     */
} evg_i_rank;

/* Count `n` more of `text` (NULL or "" is ignored). Returns 0 or EVG_ENOMEM. */
int evg_i_tally_add(evg_i_tally *t, const char *text, size_t n);
/* The winning form, or NULL when the tally is empty. */
const char *evg_i_tally_best(const evg_i_tally *t, evg_i_rank rank);
/* How often `text` was counted. */
size_t evg_i_tally_get(const evg_i_tally *t, const char *text);
void evg_i_tally_free(evg_i_tally *t);
/* Whether form a ranks before form b (a comparison, for callers that sort). */
int evg_i_form_before(const evg_i_form *a, const evg_i_form *b, evg_i_rank rank);

/* ---- memo.c: results computed once per distinct text -------------------- */

typedef struct {
    const char *a, *b; /* what the caller stores: a key, a canonical name (arena) */
} evg_i_memo_val;

typedef struct {
    evg_i_strmap map; /* text -> index into v */
    evg_i_memo_val *v;
    size_t n, cap;
} evg_i_memo;

/* The value stored for `text`, or NULL. */
const evg_i_memo_val *evg_i_memo_get(const evg_i_memo *m, const char *text, size_t len);
/* Store `val` for `text` (not yet stored). Returns 0 or EVG_ENOMEM. */
int evg_i_memo_put(evg_i_memo *m, const char *text, size_t len, evg_i_memo_val val);
void evg_i_memo_free(evg_i_memo *m);

/* ---- the builder ------------------------------------------------------- */

typedef struct {
    const char *key;          /* folded, for deduplication (arena) */
    evg_i_tally forms;        /* as written */
    const char *first, *last; /* dates of the documents that give it, or NULL */
    size_t n;
    size_t seen_doc, seen_pos; /* where first seen: (first, document, position) least */
    const char *shown;         /* its best form in the graph's arena, once asked for */
} evg_i_title;

/* One entity of one document. */
typedef struct {
    size_t doc;          /* index into builder.docs */
    const evg_entity *e; /* borrowed from the corpus */
    const char *key;     /* the vertex key it resolves to (arena), set by resolve */
    const char
        *canonical; /* the user alias's canonical name, when the name is a variant */
    int is_short;   /* a surname alone, initials and a surname; an acronym form */
    /*
     * e->type, copied while the document's entities are read in a row: the
     * stages that pick the mentions of one type then need not reach into
     * the corpus for every mention (a cache miss each, millions of them).
     */
    evg_entity_type type;
    size_t v; /* builder vertex, set by evg_i_take_entities() */
} evg_i_mention;

/* A builder vertex: an entity across documents, or a merged meeting. */
typedef struct {
    const char *raw; /* merge key, unique among vertices */
    evg_node_type type;
    const char *idbase; /* preferred id (before NMTOKEN-safety and ".N"), or NULL: raw */
    evg_i_tally names;  /* full name forms */
    evg_i_tally short_names; /* surnames alone, acronym forms: labels of last resort */
    evg_i_tally ids;         /* entity ids of the full-name mentions */
    evg_i_tally short_ids;   /* entity ids of the short ones */
    evg_i_tally countries, orgs, kinds; /* orgs: organization vertex keys */
    evg_i_tally cities;                 /* places: the cities their mentions give */
    evg_i_title *titles;
    size_t ntitles, cap_titles;
    const char *canonical; /* an alias's canonical name: the label */
    size_t *signers;       /* agreements: people of the meetings that signed it */
    size_t nsigners, cap_signers;
    const char *country, *kind, *city; /* chosen */
    size_t org;                        /* chosen organization vertex, or SIZE_MAX */
    size_t country_v;         /* the vertex of `country` (not for places), or SIZE_MAX */
    size_t meeting;           /* meetings: index into builder.meetings */
    const char *first, *last; /* dates of the events it is part of */
    size_t sources;           /* set by evg_i_count_sources() from the notes */
    size_t meetings, events, people, signed_count, referenced_count;
    const char *label; /* computed by evg_i_label() */
} evg_i_bvertex;

#define EVG_I_NO_DAY LONG_MIN

/* One event of one document. */
typedef struct {
    size_t doc;          /* index into builder.docs */
    size_t index;        /* the event's index in its document */
    const evg_event *ev; /* borrowed */
    int cls;             /* what may merge with what: kind and status (reports.c) */
    long day;            /* days since 1970-01-01, or EVG_I_NO_DAY */
    long doc_day;        /* the same of its document's date, or EVG_I_NO_DAY */
    const char *date;    /* the valid ISO date, or NULL */
    size_t *people;      /* person vertices, ascending, each once (a pool's) */
    int *roles;          /* their evg_role, parallel to `people` (a pool's) */
    size_t npeople;
    const char *place;    /* its place's label ("Defense Ministry, Baku"), or NULL */
    const char *place_cc; /* ISO alpha-3 of the place: its entity's, else its name's */
    size_t meeting;       /* index into builder.meetings */
} evg_i_report;

/* Reports merged into one meeting. */
typedef struct {
    size_t *reports; /* report indices, in (document, event) order once sorted */
    size_t nreports, cap;
    size_t v;       /* its builder vertex */
    size_t *people; /* the union of the participants, ascending (a pool's) */
    int *roles;     /* the role each played (most often stated; a pool's) */
    size_t *said;   /* how many reports name each (a pool's) */
    size_t npeople;
    evg_event_type type; /* signing if any report is one, else the reports' type */
    evg_event_status status;
    const char *date, *first, *last; /* the chosen date; the reports' range */
    const char *place, *place_cc;
    const char *cameo, *cameo_name, *plover_type, *plover_mode;
} evg_i_meeting;

/* Vertex `v` took part in a meeting of date `date` (borrowed from the corpus). */
typedef struct {
    size_t v;
    const char *date;
} evg_i_took;

typedef struct {
    evg_i_arena *arena; /* the graph's */
    evg_error *err;
    const struct evg_aliases *aliases; /* may be NULL */
    evg_view view;                     /* what the graph will show */
    size_t max_people;   /* a meeting of more people makes no person-person "met" */
    evg_diag_fn on_diag; /* warnings; may be NULL */
    void *diag_payload;
    int drop_mentions; /* leave out entities linked to no event */
    /* evg_filter, as filter.c prepared it: only kept meetings get a vertex */
    int filtering;                       /* a filter was given */
    const char *filter_from, *filter_to; /* borrowed from the caller */
    unsigned filter_types, filter_statuses;
    char (*filter_cc)[4]; /* ISO alpha-3 codes, all of which must take part */
    size_t nfilter_cc;
    const evg_doc **docs; /* sorted by id, each id once */
    size_t ndocs;
    size_t *doc_first; /* index of each document's first mention */
    evg_i_mention *m;
    size_t nm;
    evg_i_strmap map; /* vertex key -> vertex index */
    evg_i_bvertex *v;
    size_t nv, capv;
    evg_i_eattr *e; /* from/to are builder vertex indices */
    size_t ne, cape;
    evg_i_report *r;
    size_t nr;
    evg_i_meeting *mt;
    size_t nmt;
    /*
     * The participant lists of reports and of meetings, carved out of these
     * pools: a million events would otherwise be millions of small
     * allocations.
     */
    size_t *report_people, *meeting_people, *meeting_said;
    int *report_roles, *meeting_roles;
    size_t meeting_used;
    size_t (*notes)[2]; /* (vertex, document) pairs: which documents name what */
    size_t nnotes, capnotes;
    evg_i_took *took; /* when entities took part in meetings: the timeline's spells */
    size_t ntook, captook;
    evg_i_memo keys;   /* "<prefix><name>" -> (organization or place key, canonical) */
    evg_i_memo folded; /* a title -> its folded form */
    evg_i_memo country_keys; /* a country's id -> its key */
    evg_i_memo place_codes;  /* a place's name -> its country code, when not date-bound */
    evg_i_memo place_labels; /* a place's name and city -> its label */
    evg_i_buf tmp;           /* scratch, reused: no allocation per mention */
    evg_i_buf text; /* scratch for a label or a meeting's text, copied out after */
    void *iso;      /* country names (json_t *), loaded on first need */
    void *places;   /* place words -> alpha-3 (places.c), loaded on first need */
    evg_graph_stats stats;
} evg_i_builder;

/* ---- stages ------------------------------------------------------------ */

/*
 * merge.c: every stage of the merge in order, from the corpus `c` into `b`
 * (options and arena set by the caller). 0 or EVG_ENOMEM.
 */
int evg_i_merge(evg_i_builder *b, const evg_corpus *c);

/* collect.c: documents in id order, one each, and their mentions. 0 or EVG_ENOMEM. */
int evg_i_collect(evg_i_builder *b, const evg_corpus *c);

/* The mention of entity `id` in document `doc`, or SIZE_MAX. */
size_t evg_i_mention_of(const evg_i_builder *b, size_t doc, const char *id);

/* resolve.c: a vertex key for every mention. 0 or EVG_ENOMEM. */
int evg_i_resolve(evg_i_builder *b);
/* The key of the organization named `name` (or, without a usable name, `id`). */
int evg_i_org_key(const char **out, evg_i_builder *b, const char *name, const char *id);
/* The key of the place named `name` (an event's place text). */
int evg_i_place_key(const char **out, evg_i_builder *b, const char *name);
/* people.c: the keys of person mentions. 0 or EVG_ENOMEM. */
int evg_i_resolve_people(evg_i_builder *b);
/* agreements.c: the keys of agreement mentions. 0 or EVG_ENOMEM. */
int evg_i_resolve_agreements(evg_i_builder *b);
/*
 * The canonical name of a name whose slug (evg_i_slug) is `key` in the
 * user's aliases: its slug in `*key_out` and the name as written in
 * `*name_out` (either may be NULL); 1 when found, 0 when not.
 */
int evg_i_alias_lookup(const evg_i_builder *b, const char *key, const char **key_out,
                       const char **name_out);

/* entities.c: vertices from mentions, their attributes chosen, their edges. */
int evg_i_take_entities(evg_i_builder *b);

/* The vertex with key `raw`, created with `type` when it is new. 0 or EVG_ENOMEM. */
int evg_i_vertex_get(size_t *out, evg_i_builder *b, const char *raw, evg_node_type type);
/* Note that document `doc` names vertex `i` (its sources). 0 or EVG_ENOMEM. */
int evg_i_note(evg_i_builder *b, size_t i, size_t doc);
/* Set every vertex's `sources`: the distinct documents noted for it. 0 or EVG_ENOMEM. */
int evg_i_count_sources(evg_i_builder *b);
/* The vertex of the country with code `cc`, -1 when none, or EVG_ENOMEM. */
long evg_i_country_vertex(evg_i_builder *b, const char *cc);
/* Append an edge (weight `w`, one date); 0 or EVG_ENOMEM. */
int evg_i_add_edge(evg_i_builder *b, size_t from, size_t to, evg_i_relation rel, int role,
                   double w, const char *date);
/* Widen [*first, *last] to include `date` (NULL is ignored). */
void evg_i_widen(const char **first, const char **last, const char *date);

/* meetings.c: reports, merged meetings, their vertices and edges. */
int evg_i_take_meetings(evg_i_builder *b);
/* reports.c: every event of every document as a report into b->r. 0 or EVG_ENOMEM. */
int evg_i_collect_reports(evg_i_builder *b);
/* links.c: the edges of meeting `m` and what they count into their ends. */
int evg_i_meeting_links(evg_i_builder *b, size_t m);
/*
 * links.c: the meeting's "; "-joined document ids, its evidence (each
 * sentence once, "[doc] " before each when several documents report it) and
 * its participants' countries, into the arena (NULL when empty). 0 or
 * EVG_ENOMEM.
 */
int evg_i_meeting_texts(evg_i_builder *b, const evg_i_meeting *mt, const char **docs_out,
                        const char **evidence_out, const char **countries_out);

/*
 * filter.c: check `f` (may be NULL) and set the builder's filter from it.
 * 0, EVG_EINVAL (a date, bit or country evg_filter_check() refuses) or
 * EVG_ENOMEM.
 */
int evg_i_filter_prepare(evg_i_builder *b, const evg_filter *f);
/*
 * filter.c: whether meeting `mt` passes the builder's filter; `cc` are the
 * country vertices that took part in it (links.c), `ncc` of them.
 */
int evg_i_filter_keeps(const evg_i_builder *b, const evg_i_meeting *mt, const size_t *cc,
                       size_t ncc);
/*
 * filter.c: the builder's filter as text into the arena ("from 2025-03; to
 * 2025-03; country LVA; type call, visit; status planned"), NULL when there
 * is none. 0 or EVG_ENOMEM.
 */
int evg_i_filter_describe(const char **out, evg_i_builder *b);
/* links.c: whether meeting `m` passes the builder's filter (1 or 0), or EVG_ENOMEM. */
int evg_i_meeting_kept(evg_i_builder *b, size_t m);

/*
 * links.c: the distinct outlets and urls of the meeting's documents (their
 * "source" and "url"), "; "-joined in document order, into the arena (NULL
 * when none gives one). 0 or EVG_ENOMEM.
 */
int evg_i_meeting_origins(evg_i_builder *b, const evg_i_meeting *mt,
                          const char **outlets_out, const char **urls_out);

/* codes.c: the CAMEO code and PLOVER type and mode of meeting `m`. */
void evg_i_meeting_codes(evg_i_builder *b, evg_i_meeting *m);
/* The CAMEO code of participant `p` (an index into m->people) of meeting `m` (static). */
const char *evg_i_participant_cameo(const evg_i_builder *b, const evg_i_meeting *m,
                                    size_t p);

/*
 * places.c: the ISO alpha-3 code the name of a place points to at `date`
 * (NULL: any time) in `*out`, or NULL when it names no country or two.
 * Returns 0 or EVG_ENOMEM.
 */
int evg_i_place_country(const char **out, evg_i_builder *b, const char *place,
                        const char *date);
/*
 * places.c: the label of a place named `name` in `city` (model/place.h:
 * "Defense Ministry, Baku"), `name` itself without a city; computed once per
 * distinct name and city, `*out` in the arena. Returns 0 or EVG_ENOMEM.
 */
int evg_i_builder_place_label(const char **out, evg_i_builder *b, const char *name,
                              const char *city);
/* Release what evg_i_place_country() loaded. */
void evg_i_place_table_free(evg_i_builder *b);

/*
 * attrs.c: the title person `v` held at `date` (a valid date or NULL;
 * docs/formats.md): the title whose documents' dates are nearest to it (those
 * spanning it first), then the most often given, then one held before rather
 * than after, then the one seen first; without a date, the vertex's title. In
 * the graph's arena; NULL when the person has none, or on EVG_ENOMEM (*fail set).
 */
const char *evg_i_title_at(evg_i_builder *b, evg_i_bvertex *v, const char *date,
                           int *fail);

/* attrs.c: the attributes of builder vertex `bi`, with id `id`, into `o`. */
int evg_i_fill_vertex(evg_i_vattr *o, evg_i_builder *b, size_t bi, const char *id);

/* finalize.c: fill `g` (view set) from `b`. 0, EVG_ENOMEM or EVG_EGRAPH. */
int evg_i_finalize(evg_graph *g, evg_i_builder *b);

/* Release the builder's own memory (not the arena). NULL-safe. */
void evg_i_builder_free(evg_i_builder *b);

/*
 * The readable label of builder vertex `i`: the chosen name, else for
 * countries the iso-codes name, else the id without its type prefix.
 * Meetings get "Hasanov – Bayraktaroglu, 2024-12-23".
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
