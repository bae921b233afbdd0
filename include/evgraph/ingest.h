#ifndef EVGRAPH_INGEST_H
#define EVGRAPH_INGEST_H

#include "evgraph/error.h"

EVG_BEGIN_DECLS

/**
 * One news article: an id, where it came from, its date, headline and body.
 * The text format is: line 1 `date YYYY-MM-DD <headline>`, a blank line,
 * then the body. Opaque; owns its strings.
 */
typedef struct evg_article evg_article;

/**
 * Parse an article from `len` bytes of `text`. `id` names the document
 * (usually the file name without extension); `path` is kept for reference
 * and used as the error source (may be NULL: `id` is used). Invalid UTF-8
 * and NUL bytes are replaced by U+FFFD (one per byte); a BOM, CR LF and lone
 * CR line ends, blank lines and blanks before the `date` line are accepted.
 * The body starts after the header line and one blank line (if any).
 *
 * Returns 0, EVG_EPARSE when the text is empty or the date line is missing
 * or not a real date (err names the source and the header's line, 1 unless
 * blank lines precede it), or EVG_ENOMEM. Free with evg_article_free().
 */
EVG_API int evg_article_parse(evg_article **out, const char *id, const char *path,
                              const char *text, size_t len, evg_error *err);

/**
 * Read and parse the article file at `path`; its id is the file name without
 * directory and extension. Returns 0, EVG_EIO or EVG_EPARSE.
 */
EVG_API int evg_article_read_file(evg_article **out, const char *path, evg_error *err);

/** The document id; borrowed. */
EVG_API const char *evg_article_id(const evg_article *a);
/** The path given when reading, or NULL; borrowed. */
EVG_API const char *evg_article_path(const evg_article *a);
/** The date as "YYYY-MM-DD"; borrowed. */
EVG_API const char *evg_article_date(const evg_article *a);
/** The headline (may be empty); borrowed. */
EVG_API const char *evg_article_title(const evg_article *a);
/**
 * Who issued the article, as a JSON Lines record's "source" gives it (a
 * ministry, a government office, an outlet, or an address such as
 * "https://www.mfa.gov.xx/..."), or NULL; borrowed. Extraction reads the
 * issuer's country from it.
 */
EVG_API const char *evg_article_source(const evg_article *a);
/** Where the article was published, as a JSON Lines record's "url" gives it, or NULL. */
EVG_API const char *evg_article_url(const evg_article *a);
/** The body: valid UTF-8, NUL-terminated, LF line ends; borrowed. */
EVG_API const char *evg_article_body(const evg_article *a);
/** The body length in bytes. Evidence offsets index into the body. */
EVG_API size_t evg_article_body_len(const evg_article *a);
/** NULL-safe. */
EVG_API void evg_article_free(evg_article *a);

/**
 * A copy of `a` that lives on its own (to hand an article to another thread).
 * Returns 0 or EVG_ENOMEM. Free with evg_article_free().
 */
EVG_API int evg_article_clone(evg_article **out, const evg_article *a, evg_error *err);

/**
 * Called once per article read by evg_ingest_paths(). Return 0 to go on, or
 * a negative evg_status to stop the walk (that status is then returned).
 */
typedef int (*evg_article_fn)(const evg_article *a, void *payload);

/** Options of evg_ingest_paths(). */
typedef struct {
    unsigned version;
    evg_diag_fn on_diag; /* per-input diagnostics; NULL: ignored */
    void *diag_payload;
    /* Called once, before the first article, with the total size in bytes of the files
     * to read (standard input not counted) and `diag_payload`; NULL: not called, and
     * the walk saves a stat() per file. */
    void (*on_total)(size_t bytes, void *payload);
    /* Since version 2: a file or folder the walk of folders leaves out, whatever name
     * reaches it (an output folder inside an input folder); NULL: none. */
    const char *skip;
} evg_ingest_opts;

#define EVG_INGEST_OPTS_VERSION 2
#define EVG_INGEST_OPTS_INIT                                                             \
    {                                                                                    \
        EVG_INGEST_OPTS_VERSION, NULL, NULL, NULL, NULL                                  \
    }

/**
 * `*opts` set to EVG_INGEST_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_INGEST_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_ingest_opts_init(evg_ingest_opts *opts, unsigned version);

/**
 * Read every article named by `paths`: a file, a directory (walked
 * recursively; `*.txt`, `*.jsonl` and `*.ndjson` files in byte order of
 * their paths), or "-" for standard input. A `*.jsonl` or `*.ndjson` file,
 * and standard input that starts with '{', hold JSON Lines of articles, one
 * `{"id", "date", "title", "text"}` object per line (date and title may be
 * missing or null; an optional "source" names who issued it), read as a stream: memory
 * does not grow with the file. Calls `fn` for each article in that order.
 *
 * `opts->skip` (version 2) is left out of the walk of folders: an output
 * folder or file of the run that lies inside an input folder.
 * An input that cannot be read or parsed is reported to `opts->on_diag` and
 * counted in `*failed_out`; the walk goes on. So is a directory that cannot
 * be listed, and a symbolic link that leads back into the walk (reported,
 * not followed). Hidden files and directories (".name") are skipped. An
 * article whose invalid UTF-8 (or NUL) was repaired is still read, and
 * reported as an EVG_SEV_WARNING with the line of the first bad byte (not
 * counted); so is a line of JSON Lines, whose bytes are repaired before the
 * JSON is parsed.
 * `opts`, `failed_out` and `err` may be NULL. Returns 0 when the walk
 * completed (even with failed inputs), the callback's status when it
 * stopped the walk, or EVG_ENOMEM.
 */
EVG_API int evg_ingest_paths(size_t *failed_out, const char *const *paths, size_t npaths,
                             const evg_ingest_opts *opts, evg_article_fn fn,
                             void *payload, evg_error *err);

EVG_END_DECLS

#endif
