#ifndef EVGRAPH_EXTRACT_H
#define EVGRAPH_EXTRACT_H

#include "evgraph/doc.h"
#include "evgraph/ingest.h"

EVG_BEGIN_DECLS

/**
 * The word lists extraction works from: titles and ranks, countries (names
 * from Debian's iso-codes, demonyms, capitals), organizations, meeting
 * trigger words, agreement kinds. The built-in lexicon is compiled into the
 * library; users extend or replace it with JSON files (docs/lexicon.md).
 * Immutable once extraction starts (add gazetteer files with
 * evg_lexicon_add_officials() before), so one lexicon serves any number of threads.
 */
typedef struct evg_lexicon evg_lexicon;

/**
 * Load the built-in lexicon, then each of `paths` in order (each extends, or
 * with `"replace": true` replaces, the sections it names). `npaths` may be 0.
 * Returns 0, EVG_EIO (unreadable file), EVG_EPARSE (bad JSON or a field of
 * the wrong type; err names the file, line and field) or EVG_ENOMEM.
 * Free with evg_lexicon_free().
 */
EVG_API int evg_lexicon_load(evg_lexicon **out, const char *const *paths, size_t npaths,
                             evg_error *err);

/**
 * Add the office holders of the gazetteer file `path` to `lx`, before the
 * lexicon is used: a tab-separated file whose first line names the columns
 * name, country, office, start, end, src, key (and aliases), as
 * data/officials/officials_open.tsv, which evg_lexicon_load() loads itself
 * (docs/lexicon.md). Returns 0, EVG_EIO, EVG_EPARSE (err names the file and
 * line) or EVG_ENOMEM.
 */
EVG_API int evg_lexicon_add_officials(evg_lexicon *lx, const char *path, evg_error *err);

/** NULL-safe. */
EVG_API void evg_lexicon_free(evg_lexicon *lx);

/** Options of evg_extract(). */
typedef struct {
    unsigned version;
    int keep_empty; /* reserved; documents are always written, even without events */
} evg_extract_opts;

#define EVG_EXTRACT_OPTS_VERSION 1
#define EVG_EXTRACT_OPTS_INIT                                                            \
    {                                                                                    \
        EVG_EXTRACT_OPTS_VERSION, 0                                                      \
    }

/**
 * `*opts` set to EVG_EXTRACT_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_EXTRACT_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_extract_opts_init(evg_extract_opts *opts, unsigned version);

/**
 * Extract the people, countries, organizations, agreements and meetings of
 * one article. Thread-safe for distinct articles sharing one lexicon.
 * `opts` may be NULL. Returns 0 or EVG_ENOMEM. Free with evg_doc_free().
 */
EVG_API int evg_extract(evg_doc **out, const evg_article *a, const evg_lexicon *lx,
                        const evg_extract_opts *opts, evg_error *err);

/**
 * Called in input order with each extracted document, which the callee now
 * owns (free with evg_doc_free(); NULL when the run asked for lines only), and
 * its record as one JSON line with its
 * newline (borrowed, valid during the call). Return 0 to go on, or a negative
 * evg_status to stop.
 */
typedef int (*evg_doc_fn)(evg_doc *d, const char *line, size_t len, void *payload);

/** Options of evg_extract_paths(). */
typedef struct {
    unsigned version;
    unsigned threads;    /* extraction threads; 0 or 1: all on the calling thread */
    evg_diag_fn on_diag; /* unreadable inputs, articles that failed; NULL: ignored */
    void *diag_payload;
    evg_progress_fn
        on_progress; /* after each document, bytes of article text; NULL: none */
    void *progress_payload;
    /*
     * Since version 2: nonzero when `fn` wants the JSON lines alone; it gets
     * NULL for the document, which is freed on the thread that made it
     * (freed on the calling thread, each costs a lock in malloc at -j N).
     */
    int lines_only;
    /* Since version 3: what the walk of input folders leaves out (evg_ingest_opts). */
    const char *skip;
} evg_extract_run_opts;

#define EVG_EXTRACT_RUN_OPTS_VERSION 3
#define EVG_EXTRACT_RUN_OPTS_INIT                                                        \
    {                                                                                    \
        EVG_EXTRACT_RUN_OPTS_VERSION, 1, NULL, NULL, NULL, NULL, 0, NULL                 \
    }

/**
 * `*opts` set to EVG_EXTRACT_RUN_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_EXTRACT_RUN_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_extract_run_opts_init(evg_extract_run_opts *opts, unsigned version);

/**
 * Read the articles of `paths` (as evg_ingest_paths() does), extract each and
 * hand the documents to `fn` in input order, whatever the number of threads:
 * the output of N threads is the output of one: the calling thread works as
 * one of the N. Memory stays bounded: at most 32 articles per thread (and
 * about 8 MB of JSON Lines text) are in flight. `fn` and the callbacks of
 * `opts` run on the calling thread, which reports the inputs that fail in
 * their place among the documents. An input or article that fails is
 * reported to `opts->on_diag` and counted in `*failed_out`; the rest goes on.
 * Returns 0, the callback's negative status when it stopped the run, or
 * EVG_ENOMEM. Threads the system refuses to start leave their share to the
 * others (the calling thread at least), with the same output.
 */
EVG_API int evg_extract_paths(size_t *failed_out, const char *const *paths, size_t npaths,
                              const evg_lexicon *lx, const evg_extract_run_opts *opts,
                              evg_doc_fn fn, void *payload, evg_error *err);

EVG_END_DECLS

#endif
