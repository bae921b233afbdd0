#ifndef EVG_INGEST_INTERNAL_H
#define EVG_INGEST_INTERNAL_H

#include <stddef.h>
#include <stdio.h>

#include "evgraph/ingest.h"
#include "ingest/jobs.h"
#include "util/buf.h"
#include "util/date.h" /* evg_i_date_valid */

/* Append the id of `path` (file name without directory and extension). */
int evg_i_path_id(evg_i_buf *out, const char *path);

/*
 * An input file of a walk and the id of its document; for JSON Lines, the
 * name of its records that have no id ("<id>-line-<n>").
 */
typedef struct {
    char *path;
    char *id;
} evg_i_input;

/*
 * Append the id of the file `path` found by walking the folder named by the
 * first `root` bytes of it (its separator included): the path below that
 * folder without the file's extension ("feedA/article" for
 * "corpus/feedA/article.txt" with root "corpus/").
 */
int evg_i_walk_id(evg_i_buf *out, const char *path, size_t root);

/*
 * Make the ids of `n` inputs (in input order) tell apart different inputs:
 * where two inputs of different paths share an id, each input of that id
 * is named by its path as given instead, without "./" and without the
 * extension ("feedA/article"); where that is not enough (the same path but
 * for the extension), by its whole path. The same path given twice keeps
 * one id; "-" is always "stdin". Articles and JSON Lines files are told
 * apart separately, as their ids name different things. Returns 0 or
 * EVG_ENOMEM (the ids are then as they were, or some renamed).
 */
int evg_i_unique_ids(evg_i_input *v, size_t n);

/* The article in the file `path`, whose document id is `id`. */
int evg_i_article_read_file(evg_article **out, const char *path, const char *id,
                            evg_error *err);

/*
 * How many bytes of invalid UTF-8 (or NUL) the article had replaced by
 * U+FFFD, and in `*line_out` (may be NULL) the line of the first; 0 and 0
 * when the text was clean.
 */
size_t evg_i_article_repairs(const evg_article *a, int *line_out);

/*
 * An article from its parts (a JSON Lines record): the text repaired like a
 * file's, `date` (may be NULL) checked. `src` and `line` name where it came
 * from. Returns 0, EVG_EPARSE or EVG_ENOMEM.
 */
int evg_i_article_new(evg_article **out, const char *id, const char *src, int line,
                      const char *date, const char *title, const char *text, size_t len,
                      evg_error *err);

/* Note who issued the article (NULL or "": nobody said). Returns 0 or EVG_ENOMEM. */
int evg_i_article_set_source(evg_article *a, const char *source);
/* Note where the article was published (NULL or "": unknown). 0 or EVG_ENOMEM. */
int evg_i_article_set_url(evg_article *a, const char *url);

/*
 * Split JSON Lines of articles read from `f` (named `name` in messages) into
 * jobs, one per line that is not blank; `id` (may be NULL) is the jobs' id,
 * what records without an id are named after. Returns 0, the callback's negative
 * status, EVG_EIO (reading failed; `err` says why) or EVG_ENOMEM.
 */
int evg_i_jsonl_lines(FILE *f, const char *name, const char *id, evg_i_job_fn fn,
                      void *payload, evg_error *err);

/*
 * The article of line `line` of JSON Lines input `name`; a record without an
 * id is named "<id>-line-<line>" (`id` NULL: the file name of `name`, or
 * "stdin"). Invalid UTF-8 (or NUL) is replaced before the JSON is parsed,
 * and `warning` says so. Returns 0, EVG_EPARSE (`err` says why) or
 * EVG_ENOMEM.
 */
int evg_i_jsonl_article(evg_article **out, const char *text, size_t len, const char *name,
                        const char *id, int line, evg_error *warning, evg_error *err);

/*
 * Read JSON Lines of articles from `f` (named `name` in messages) and hand
 * each to `fn`, all on this thread. A bad line is reported to `opts->on_diag`
 * with its line number and counted in `*failed`; the rest goes on. Returns 0,
 * the callback's negative status, EVG_EIO (reading failed) or EVG_ENOMEM.
 */
int evg_i_read_jsonl(FILE *f, const char *name, const evg_ingest_opts *opts,
                     size_t *failed, evg_article_fn fn, void *payload, evg_error *err);

#endif
