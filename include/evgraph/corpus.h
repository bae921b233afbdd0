#ifndef EVGRAPH_CORPUS_H
#define EVGRAPH_CORPUS_H

#include "evgraph/doc.h"

EVG_BEGIN_DECLS

/**
 * A collection of event records (evg_doc) from which a graph is built.
 * Opaque; owns the documents added to it.
 */
typedef struct evg_corpus evg_corpus;

/** Create an empty corpus. Returns 0 or EVG_ENOMEM. Free with evg_corpus_free(). */
EVG_API int evg_corpus_new(evg_corpus **out, evg_error *err);

/**
 * Add a document; the corpus takes ownership of `d` in every case (it is
 * freed if adding fails). Returns 0 or EVG_ENOMEM.
 */
EVG_API int evg_corpus_add_doc(evg_corpus *c, evg_doc *d, evg_error *err);

/** Options of evg_corpus_read_events(). */
typedef struct {
    unsigned version;
    evg_diag_fn on_diag; /* per-line diagnostics; NULL: ignored */
    void *diag_payload;
    /*
     * Since version 2: threads parsing lines, the calling thread one of
     * them (0 or 1: the calling thread alone). The corpus and the
     * diagnostics are the same for any number.
     */
    unsigned threads;
    /*
     * Since version 3: called on the calling thread each time about a
     * megabyte of lines is in the corpus, with the documents and bytes read
     * from this file so far and its size (0 for standard input or a pipe).
     * NULL: none.
     */
    evg_progress_fn on_progress;
    void *progress_payload;
} evg_read_opts;

#define EVG_READ_OPTS_VERSION 3
#define EVG_READ_OPTS_INIT                                                               \
    {                                                                                    \
        EVG_READ_OPTS_VERSION, NULL, NULL, 0, NULL, NULL                                 \
    }

/**
 * `*opts` set to EVG_READ_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_READ_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_read_opts_init(evg_read_opts *opts, unsigned version);

/**
 * Read the JSON Lines that `evgraph extract` wrote from `path` ("-" for
 * standard input) into the corpus. A malformed line is reported to
 * `opts->on_diag` with its file and line number, counted in `*failed_out`,
 * and skipped. Blank lines, CR LF line ends and a BOM are accepted. `opts`
 * and `failed_out` may be NULL. Returns 0 when the file was read (even with
 * bad lines), EVG_EIO when it could not be opened or read, EVG_ENOMEM (err
 * names the file and the line that did not fit, when one did not: a line
 * too big for the memory is no malformed line).
 */
EVG_API int evg_corpus_read_events(size_t *failed_out, evg_corpus *c, const char *path,
                                   const evg_read_opts *opts, evg_error *err);

EVG_API size_t evg_corpus_doc_count(const evg_corpus *c);
/** The i-th document; borrowed. */
EVG_API const evg_doc *evg_corpus_doc(const evg_corpus *c, size_t i);

/** NULL-safe. */
EVG_API void evg_corpus_free(evg_corpus *c);

EVG_END_DECLS

#endif
