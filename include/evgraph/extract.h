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
 * Immutable once loaded, so one lexicon serves any number of threads.
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

/** NULL-safe. */
EVG_API void evg_lexicon_free(evg_lexicon *lx);

/** Options of evg_extract(). */
typedef struct {
    unsigned version;
    int keep_empty; /* reserved; documents are always written, even without events */
} evg_extract_opts;

#define EVG_EXTRACT_OPTS_VERSION 1
#define EVG_EXTRACT_OPTS_INIT {EVG_EXTRACT_OPTS_VERSION, 0}

/**
 * Extract the people, countries, organizations, agreements and meetings of
 * one article. Thread-safe for distinct articles sharing one lexicon.
 * `opts` may be NULL. Returns 0 or EVG_ENOMEM. Free with evg_doc_free().
 */
EVG_API int evg_extract(evg_doc **out, const evg_article *a, const evg_lexicon *lx,
                        const evg_extract_opts *opts, evg_error *err);

EVG_END_DECLS

#endif
