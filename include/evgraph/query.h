#ifndef EVGRAPH_QUERY_H
#define EVGRAPH_QUERY_H

#include <stdio.h>

#include "evgraph/analysis.h"

EVG_BEGIN_DECLS

/**
 * A graph loaded for questions: the full graph (built from extracted events,
 * or read from a GraphML that evgraph wrote) with an index of who took part
 * in what and of names. Opaque. Made once, asked many times
 * (evg_query_run()); the people and countries views and centrality scores
 * are made on the first question that needs them, so one handle must not be
 * asked from two threads at once.
 */
typedef struct evg_query evg_query;

/** Options of evg_query_load(). */
typedef struct {
    unsigned version;
    /** Events only: name variants to merge (borrowed for the call; may be NULL). */
    const evg_aliases *aliases;
    /** Each malformed line of JSON Lines, with its file and line; NULL: ignored. */
    evg_diag_fn on_diag;
    void *diag_payload;
    /**
     * Since version 2. > 0: the betweenness and closeness the queries compute
     * count only the shortest paths no longer than this, as
     * evg_analysis_opts.betweenness_cutoff: approximate, for large graphs.
     * <= 0: the cutoff of the GraphML's own scores when it was written with
     * one (evg_scores_cutoff()), else exact.
     */
    double betweenness_cutoff;
} evg_query_load_opts;

#define EVG_QUERY_LOAD_OPTS_VERSION 2
#define EVG_QUERY_LOAD_OPTS_INIT                                                         \
    {                                                                                    \
        EVG_QUERY_LOAD_OPTS_VERSION, NULL, NULL, NULL, 0.0                               \
    }

/**
 * `*opts` set to EVG_QUERY_LOAD_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_QUERY_LOAD_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_query_load_opts_init(evg_query_load_opts *opts, unsigned version);

/**
 * Load what `sources` name, `n` of them: JSON Lines that `evgraph extract`
 * wrote (files, folders standing for their `*.jsonl` files in byte order,
 * "-" for standard input), merged into one full graph as `evgraph build`
 * does; or exactly one GraphML file that evgraph wrote in the full view
 * (recognized by its `.graphml` extension or by starting with '<').
 *
 * A malformed line, an unreadable file or folder is reported to
 * `opts->on_diag`, counted in `*failed_out` (may be NULL), and the rest is
 * read. Returns 0; EVG_EIO when no source could be read at all; EVG_EPARSE
 * for a GraphML that is not one evgraph wrote; EVG_EINVAL for no source, a
 * GraphML among other sources, or a GraphML of another view than full (err
 * says which view and what to give instead); EVG_ENOMEM; EVG_EGRAPH.
 * `opts` may be NULL. Free with evg_query_free().
 */
EVG_API int evg_query_load(evg_query **out, size_t *failed_out,
                           const char *const *sources, size_t n,
                           const evg_query_load_opts *opts, evg_error *err);

/**
 * Make a query handle of `full`, a graph of the full view, which it takes
 * in every case (freed with the handle, or at once on failure). Returns 0,
 * EVG_EINVAL (another view) or EVG_ENOMEM.
 */
EVG_API int evg_query_new(evg_query **out, evg_graph *full, evg_error *err);

/** The full graph; borrowed, valid while `q` lives. */
EVG_API const evg_graph *evg_query_graph(const evg_query *q);

/** NULL-safe. */
EVG_API void evg_query_free(evg_query *q);

/** The questions (docs/queries.md describes each, its output and its JSON). */
typedef enum {
    EVG_QUERY_WHO_MET,    /* subject: everyone the person met */
    EVG_QUERY_MEETINGS,   /* the meetings the filters select */
    EVG_QUERY_BETWEEN,    /* subject, other: the meetings of two people or countries */
    EVG_QUERY_PATH,       /* subject, other: the shortest chain of meetings */
    EVG_QUERY_EGO,        /* subject: the neighbourhood as a graph */
    EVG_QUERY_TOP,        /* the most central people, countries or organizations */
    EVG_QUERY_AGREEMENTS, /* agreements, their parties and signatories */
    EVG_QUERY_PERSON,     /* subject: a profile */
    EVG_QUERY_STATS,      /* what the graph holds */
    EVG_QUERY__COUNT
} evg_query_command;

/** "who-met", "meetings", ...; "unknown" for another value. Static. */
EVG_API const char *evg_query_command_name(evg_query_command c);

/** The command named `name`: 0, or EVG_EINVAL. */
EVG_API int evg_query_command_from_name(evg_query_command *out, const char *name);
/** The command whose name is at most two letters from `name` ("whomet": "who-met"), or
 * NULL. */
EVG_API const char *evg_query_command_nearest(const char *name);

/**
 * How many names command `c` takes after it: 0, 1 (a person) or 2 (two
 * people or countries, A and B); when `usage_out` is not NULL, those
 * operands as a usage line writes them ("PERSON", "A B", "": a static
 * string). Returns EVG_EINVAL for a value that is no command.
 */
EVG_API int evg_query_command_operands(evg_query_command c, const char **usage_out);

/**
 * 1 when command `c` selects meetings and so takes the event filters of
 * evg_query_request (people, countries, dates, types, statuses, place),
 * else 0.
 */
EVG_API int evg_query_command_filters(evg_query_command c);

/**
 * A question. Names (subject, other, people, countries, party) match
 * forgivingly: an id ("person:zakir-hasanov", "country:AZE"), a country's
 * ISO code, or a name compared after folding case and diacritics, against
 * every form the graph knows (a person's aliases too), whole or by some of
 * its words in order ("Hasanov", "Z. Hasanov") when only one fits.
 *
 * Event filters (all commands that list meetings): `event_types` and
 * `statuses` are bit sets of (1u << evg_event_type) and
 * (1u << evg_event_status), 0 for the command's default (who-met and path:
 * in-person meetings, visits and signings that took place, the meetings of
 * the people graph; meetings, between, agreements, person: every type;
 * status: reported, except person and agreements: both); `from` and `to`
 * are dates "YYYY", "YYYY-MM" or "YYYY-MM-DD", inclusive (an undated meeting
 * is then left out); `place` matches a meeting's place by folded substring.
 */
typedef struct {
    unsigned version;
    evg_query_command command;
    const char *subject;       /* who-met, ego, person: PERSON; between, path: A */
    const char *other;         /* between, path: B */
    const char *const *people; /* meetings: each of them took part */
    size_t npeople;
    const char *const *countries; /* meetings: an official of each took part */
    size_t ncountries;
    const char *from, *to;
    unsigned event_types, statuses;
    const char *place;
    evg_measure measure; /* top */
    int node_type;       /* top: EVG_NODE_PERSON, _COUNTRY or _ORGANIZATION */
    size_t limit;        /* top: how many (0: all) */
    unsigned depth;      /* ego: meetings away from the person, 1 or more */
    const char *party;   /* agreements: a country among its parties */
} evg_query_request;

#define EVG_QUERY_REQUEST_VERSION 1
#define EVG_QUERY_REQUEST_INIT                                                           \
    {                                                                                    \
        EVG_QUERY_REQUEST_VERSION, EVG_QUERY_STATS, NULL, NULL, NULL, 0, NULL, 0, NULL,  \
            NULL, 0, 0, NULL, EVG_M_BETWEENNESS, EVG_NODE_PERSON, 10, 1, NULL            \
    }

/**
 * `*opts` set to EVG_QUERY_REQUEST_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_QUERY_REQUEST_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_query_request_init(evg_query_request *opts, unsigned version);

/** The answer to one question. Opaque; owns what it holds. */
typedef struct evg_query_result evg_query_result;

/**
 * Answer `req`. "Nothing found" is an answer: a name that matches nobody,
 * or filters that select nothing, give an empty result and 0. A name that
 * fits several people (or countries) equally gives a result whose outcome
 * is EVG_QUERY_AMBIGUOUS, listing them. Returns 0, EVG_EINVAL (a request
 * that cannot be asked: a bad date, a depth of 0, a measure or node type
 * out of range, a missing subject, two names of one person for between;
 * err says which), EVG_ENOTFOUND (`top` of a GraphML written without the
 * scores of its measure; err names the file and the --measures to build it
 * with), EVG_ENOMEM or EVG_EGRAPH. Free with evg_query_result_free().
 */
EVG_API int evg_query_run(evg_query_result **out, evg_query *q,
                          const evg_query_request *req, evg_error *err);

typedef enum {
    EVG_QUERY_ANSWER,   /* the answer, possibly empty */
    EVG_QUERY_AMBIGUOUS /* a name fits several: the candidates instead */
} evg_query_outcome;

EVG_API evg_query_outcome evg_query_result_outcome(const evg_query_result *r);

/**
 * Notes on the answer, for people rather than scripts: each name of the
 * request that matched nothing, with the nearest names the graph knows
 * ("no person named 'Jame Baker'; did you mean 'James Baker'?"). The answer
 * itself is as without them (empty). evg_query_result_note() returns the
 * i-th (borrowed) or NULL.
 */
EVG_API size_t evg_query_result_note_count(const evg_query_result *r);
EVG_API const char *evg_query_result_note(const evg_query_result *r, size_t i);

/**
 * The number of answers: people met, meetings, steps of the path, people
 * in the ego graph, ranked vertices, agreements, the person's meetings;
 * for stats 1; for an ambiguous name the candidates.
 */
EVG_API size_t evg_query_result_count(const evg_query_result *r);

/**
 * EVG_QUERY_EGO: the neighbourhood, a graph of the people view (possibly
 * empty); borrowed, valid while `r` lives. NULL for other commands.
 */
EVG_API const evg_graph *evg_query_result_graph(const evg_query_result *r);

/** How evg_query_result_write() prints. */
typedef enum {
    EVG_QUERY_TABLE, /* a heading and aligned columns, for people */
    EVG_QUERY_JSON,  /* one JSON document, the schema of docs/queries.md */
    EVG_QUERY_TSV    /* a header line, then one line per answer, tab-separated */
} evg_query_format;

/**
 * Write `r` to `f`. The same result gives the same bytes; numbers always
 * use '.' (the calling thread's numeric locale is "C" during the call).
 * An ambiguous result writes its candidates. Returns 0, EVG_EIO (writing
 * failed), EVG_EINVAL (unknown format) or EVG_ENOMEM.
 */
EVG_API int evg_query_result_write(FILE *f, const evg_query_result *r,
                                   evg_query_format fmt, evg_error *err);

/**
 * The same, into memory, byte for byte what evg_query_result_write()
 * writes. On success `*out` holds the bytes, NUL-terminated (free with evg_free()),
 * and `*len_out` (when not NULL) their count; on failure `*out` is NULL. Returns what
 * evg_query_result_write() returns.
 */
EVG_API int evg_query_result_write_buffer(char **out, size_t *len_out,
                                          const evg_query_result *r, evg_query_format fmt,
                                          evg_error *err);

/** NULL-safe. */
EVG_API void evg_query_result_free(evg_query_result *r);

EVG_END_DECLS

#endif
