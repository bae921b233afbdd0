#ifndef EVG_INGEST_JOBS_H
#define EVG_INGEST_JOBS_H

/*
 * The inputs as a sequence of jobs, one per article, so that the reading can
 * be spread over threads: the walk lists the files and splits JSON Lines
 * into lines, in input order, on one thread (the cheap part); each job is
 * then turned into an article by evg_i_job_read() on any thread (opening,
 * reading and parsing: the costly part).
 */
#include <stddef.h>

#include "evgraph/ingest.h"

typedef enum {
    EVG_I_JOB_FILE,  /* the article file `src`; for "-", `text` holds standard input */
    EVG_I_JOB_LINE,  /* line `line` (`text`, `len`) of the JSON Lines input named `src` */
    EVG_I_JOB_FAILED /* an input that broke off or could not be opened: `failed` says why
                      */
} evg_i_job_kind;

typedef struct {
    evg_i_job_kind kind;
    const char *src;
    /* the document id of a file; for a line, what a record without an id is named
     * after ("<id>-line-<n>"); NULL: from `src` */
    const char *id;
    const char *text;
    size_t len;
    int line;
    evg_error failed;
} evg_i_job;

/* Called once per job, in input order; the job is borrowed for the call. Return 0 to go
 * on, or a negative evg_status to stop the walk. */
typedef int (*evg_i_job_fn)(const evg_i_job *job, void *payload);

/*
 * Walk `paths` as evg_ingest_paths() does, handing each article to `fn` as a
 * job. Inputs that cannot be listed (a missing path, a directory that cannot
 * be opened, a symbolic link loop) are reported to `opts->on_diag` before the
 * first job and counted in `*failed_out`; inputs that fail later come as
 * EVG_I_JOB_FAILED jobs, in their place. Returns 0, the callback's status, or
 * EVG_ENOMEM.
 */
int evg_i_ingest_jobs(size_t *failed_out, const char *const *paths, size_t npaths,
                      const evg_ingest_opts *opts, evg_i_job_fn fn, void *payload,
                      evg_error *err);

/*
 * The article of one job; safe on any thread. Invalid UTF-8 (or NUL) that
 * was repaired sets `warning` (code 0 when none): it may come with an
 * article or with an error. Returns 0, EVG_EIO or EVG_EPARSE (`err` names the
 * file and line: the input is skipped) or EVG_ENOMEM.
 */
int evg_i_job_read(evg_article **out, const evg_i_job *job, evg_error *warning,
                   evg_error *err);

/* What evg_i_job_run() hands the articles to, and where it reports. */
typedef struct {
    const evg_ingest_opts *opts; /* may be NULL */
    size_t *failed;              /* counts the jobs that failed */
    evg_article_fn fn;
    void *payload;
    evg_error *err; /* may be NULL */
} evg_i_job_runner;

/*
 * An evg_i_job_fn that reads each job on this thread, given an
 * evg_i_job_runner: the warning and the error of the job go to
 * `opts->on_diag`, a failure is counted in `*failed`, and the article is
 * handed to `fn`. Returns 0, the callback's negative status, or EVG_ENOMEM.
 */
int evg_i_job_run(const evg_i_job *job, void *runner);

#endif
