#ifndef EVG_QUERY_QUERY_INTERNAL_H
#define EVG_QUERY_QUERY_INTERNAL_H

/*
 * The query engine: questions answered from the full graph's own attribute
 * arrays (graph_internal.h) through an index built once, the incidence of
 * every vertex and the folded forms of every name:
 *   load.c     sources -> full graph (built from events, or read from GraphML);
 *   index.c    the handle: incidence lists, lazily the people and countries
 *              views and their scores;
 *   names.c    forgiving name matching (folded forms, words in order, aliases);
 *   filter.c   the event filters: types, statuses, dates, place, people, countries;
 *   objects.c  the JSON objects every answer is made of (a person, a meeting);
 *   run.c      requests, results, dispatch, ambiguous names;
 *   people.c   who-met, between;
 *   path.c     path (igraph, through analysis/paths.c), ego (graph/project.c);
 *   person.c   person;
 *   lists.c    meetings, agreements;
 *   stats.c    top, stats;
 *   write.c    a result as a table, TSV or JSON.
 * An answer is built once as a jansson document; every format is written
 * from it, so the table, the TSV and the JSON always say the same.
 */
#include <jansson.h>

#include "evgraph/query.h"
#include "graph/graph_internal.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/strmap.h"

/* One name form of a person or country: its folded words, chained by form. */
typedef struct {
    const char *words; /* folded words joined by single spaces (arena) */
    size_t v;
    long next; /* the next form with the same words, or -1 */
} evg_i_qname;

struct evg_query {
    evg_graph *g;       /* the full graph; owned */
    size_t *off, *inc;  /* edges of vertex v: inc[off[v] .. off[v + 1]), in edge order */
    evg_i_qname *names; /* forms of people and countries */
    size_t nnames, capnames;
    evg_i_strmap by_words;    /* words -> first form */
    const char **place_words; /* meetings: the folded words of the place, or NULL */
    evg_i_arena arena;
    evg_graph *people, *countries; /* views, made on first need */
    evg_scores *scores[3];         /* full, people, countries: measures on first need */
    size_t docs_read;              /* documents read from JSON Lines (0 from GraphML) */
    int from_graphml;
    /*
     * The measures `top` may rank by: every one for events, those written in
     * the file for a GraphML (built with --measures, it has only those: the
     * others are refused rather than computed, as they may take hours).
     */
    unsigned measures;
    /*
     * Betweenness and closeness computed here count paths up to this long
     * (0: exact); `cutoff_given`: the caller asked for it, so scores read
     * from a GraphML with another cutoff are computed again.
     */
    double cutoff;
    int cutoff_given;
    char *source; /* the GraphML file, for messages; NULL for events */
};

/* ---- index.c ------------------------------------------------------------ */

/* The vertex's incident edges (indices into the graph's edges). */
const size_t *evg_i_q_edges(const evg_query *q, size_t v, size_t *n_out);
/* Attributes of vertex v and edge e of the full graph. */
const evg_i_vattr *evg_i_q_v(const evg_query *q, size_t v);
const evg_i_eattr *evg_i_q_e(const evg_query *q, size_t e);
/*
 * The people or countries view (built on first need; the full graph for
 * EVG_VIEW_FULL) and, when `s_out` is not NULL, its scores, which then have
 * measure `m` (computed on first need; `m` is ignored without `s_out`).
 * Returns 0, EVG_ENOTFOUND (`m` is not among q->measures: err says how to
 * build a graph that has it), EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_q_view(const evg_graph **g_out, const evg_scores **s_out, evg_query *q,
                 evg_view view, evg_measure m, evg_error *err);

/* ---- names.c ------------------------------------------------------------ */

/* Index the names of every person and country, and meetings' places. 0 or EVG_ENOMEM. */
int evg_i_q_index_names(evg_query *q);

/* The folded words of `s` ("Selçuk  BAYRAKTAROĞLU" -> "selcuk bayraktaroglu"). */
int evg_i_q_fold_words(evg_i_buf *out, const char *s);

#define EVG_I_QPERSON (1u << EVG_NODE_PERSON)
#define EVG_I_QCOUNTRY (1u << EVG_NODE_COUNTRY)

/*
 * The vertices that `name` names among vertices of the types in `types`
 * (bits 1u << evg_node_type), best matches only: `*out` (free()) and
 * `*n_out`; none is 0 and NULL. Returns 0 or EVG_ENOMEM.
 */
int evg_i_q_match(size_t **out, size_t *n_out, const evg_query *q, const char *name,
                  unsigned types);

/* ---- the answer being built ------------------------------------------- */

struct evg_query_result {
    evg_query_command command;
    evg_query_outcome outcome;
    json_t *doc;      /* what every format writes */
    size_t count;     /* evg_query_result_count() */
    evg_graph *graph; /* ego */
    char **notes;     /* what the answer leaves unsaid: names that matched nothing */
    size_t nnotes, capnotes;
};

/* Event type and status bits (evg_query_request). */
#define EVG_I_QIN_PERSON evg_i_q_in_person_types()
#define EVG_I_QANY_TYPE ((1u << EVG_EV__COUNT) - 1)
/* The bits of the event types that are in person (evg_event_type_in_person()). */
unsigned evg_i_q_in_person_types(void);
#define EVG_I_QREPORTED (1u << EVG_STATUS_REPORTED)
#define EVG_I_QANY_STATUS 0x3u

/* The event filters of a request, names resolved. */
typedef struct {
    unsigned types, statuses;
    const char *from, *to;      /* prefixes of ISO dates, or NULL */
    char *place;                /* folded, or NULL */
    size_t *people, *countries; /* vertices */
    size_t npeople, ncountries;
} evg_i_qfilter;

/* Edit distance of a and b (lengths na, nb, under 64), or more than `limit` when over it.
 */
size_t evg_i_q_distance(const char *a, size_t na, const char *b, size_t nb, size_t limit);

/*
 * Up to `max` vertices of `types` whose forms are nearest to `name` in spelling
 * (a few letters apart, as a whole or by its last word), nearest first, into
 * out; returns how many. For "did you mean".
 */
size_t evg_i_q_suggest(size_t *out, size_t max, const evg_query *q, const char *name,
                       unsigned types);

/* What a command works with. */
typedef struct {
    evg_query *q;
    const evg_query_request *req;
    evg_query_result *r;
    evg_i_qfilter f;
    evg_error *err;
} evg_i_qctx;

/* A name fits several: the result lists them (a positive code, not an error). */
#define EVG_I_QAMBIGUOUS 1

/* EVG_CHECK that also stops at EVG_I_QAMBIGUOUS. */
#define EVG_QCHECK(expr)                                                                 \
    do {                                                                                 \
        if ((rc = (expr)) != 0)                                                          \
            goto cleanup;                                                                \
    } while (0)

/*
 * The one vertex `name` names (types as evg_i_q_match) in `*out`, SIZE_MAX
 * when none. When several fit, the result becomes the list of candidates
 * and EVG_I_QAMBIGUOUS is returned; callers return it up unchanged.
 * Returns 0, EVG_I_QAMBIGUOUS or EVG_ENOMEM.
 */
int evg_i_q_resolve(size_t *out, evg_i_qctx *c, const char *name, unsigned types);

/* ---- filter.c ----------------------------------------------------------- */

/*
 * The filters of c->req into c->f, with the command's default types and
 * statuses. Returns 0, EVG_I_QAMBIGUOUS, EVG_EINVAL (a bad date) or
 * EVG_ENOMEM. Found nobody for a name: *nobody_out is set (the answer is empty).
 */
int evg_i_q_filter_init(evg_i_qctx *c, unsigned types, unsigned statuses,
                        int *nobody_out);
void evg_i_q_filter_free(evg_i_qfilter *f);

/* Whether meeting vertex `m` passes the filters. */
int evg_i_q_pass(const evg_query *q, const evg_i_qfilter *f, size_t m);

/* The people of meeting `m`, ascending, into out (at most `cap`); how many. */
size_t evg_i_q_people_of(size_t *out, size_t cap, const evg_query *q, size_t m);

/* Whether `who` (a person, or a country by its officials) took part in `m`. */
int evg_i_q_took_part(const evg_query *q, size_t m, size_t who);

/*
 * The meetings that pass `f`: all of them, or those person `p` took part in
 * (`p` SIZE_MAX: all), ordered by date, in `*out` (free()). 0 or EVG_ENOMEM.
 */
int evg_i_q_select(size_t **out, size_t *n_out, const evg_query *q,
                   const evg_i_qfilter *f, size_t p);

/*
 * The order of listed things: by first date (undated last), then label, then
 * id; as strcmp, of (first_a, label_a, id_a) and (first_b, label_b, id_b).
 */
int evg_i_q_by_first(const char *first_a, const char *label_a, const char *id_a,
                     const char *first_b, const char *label_b, const char *id_b);

/* Meeting vertices ordered by date (undated last), then id. 0 or EVG_ENOMEM. */
int evg_i_q_sort_meetings(size_t *m, size_t n, const evg_query *q);

/* ---- objects.c ---------------------------------------------------------- */

/* Builders of the JSON objects of docs/queries.md; NULL when out of memory. */
json_t *evg_i_q_text(const char *s);                   /* a string, or null */
json_t *evg_i_q_person(const evg_query *q, size_t v);  /* {id, name, country} */
json_t *evg_i_q_entity(const evg_query *q, size_t v);  /* {id, name, type, country} */
json_t *evg_i_q_meeting(const evg_query *q, size_t m); /* the whole meeting */
json_t *evg_i_q_split(const char *list);               /* "a; b" -> ["a", "b"] */
/* Set key to value (stolen); -1 when either is NULL or jansson fails. */
int evg_i_q_set(json_t *obj, const char *key, json_t *value);
int evg_i_q_push(json_t *arr, json_t *value);

/* The request's arguments as given: {"person": ..., "from": ...}. */
json_t *evg_i_q_echo(const evg_query_request *req);

/* ---- commands (people.c, path.c, person.c, lists.c, stats.c) ----------- */

/* Each fills c->r->doc and c->r->count; 0, EVG_I_QAMBIGUOUS or a negative status. */
int evg_i_q_who_met(evg_i_qctx *c);
int evg_i_q_between(evg_i_qctx *c);
int evg_i_q_path(evg_i_qctx *c);
int evg_i_q_person_cmd(evg_i_qctx *c);
int evg_i_q_ego(evg_i_qctx *c);
int evg_i_q_meetings(evg_i_qctx *c);
int evg_i_q_agreements(evg_i_qctx *c);
int evg_i_q_top(evg_i_qctx *c);
int evg_i_q_stats(evg_i_qctx *c);

/* How write.c lays out an answer as a table and as TSV (write.c). */
typedef struct evg_i_qlayout evg_i_qlayout;
extern const evg_i_qlayout EVG_I_QL_WHO_MET, EVG_I_QL_MEETINGS, EVG_I_QL_BETWEEN,
    EVG_I_QL_PATH, EVG_I_QL_EGO, EVG_I_QL_TOP, EVG_I_QL_AGREEMENTS, EVG_I_QL_PERSON,
    EVG_I_QL_STATS;

/*
 * A query command: its one row in the table of run.c, which is all the
 * library and the tool know of it (docs/design.md, "A query command").
 */
typedef struct {
    const char *name;            /* as typed: "who-met" */
    unsigned operands;           /* names after it: 0, 1 (a person) or 2 (A and B) */
    const char *usage;           /* the operands as help shows them: "PERSON", "A B" */
    int filters;                 /* selects meetings: takes the event filters */
    int (*run)(evg_i_qctx *c);   /* fills the answer */
    const evg_i_qlayout *layout; /* its table and TSV */
} evg_i_qcommand;

/* The row of command `c` (c < EVG_QUERY__COUNT). */
const evg_i_qcommand *evg_i_q_command(evg_query_command c);

/* A new answer: {"command", "query"}; NULL when out of memory. */
json_t *evg_i_q_doc(const evg_i_qctx *c);

/* ---- write.c ------------------------------------------------------------ */

int evg_i_q_write(FILE *f, const evg_query_result *r, evg_query_format fmt,
                  evg_error *err);

#endif
