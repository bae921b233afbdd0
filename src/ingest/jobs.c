/* One job of the walk into one article: the reading that any thread may do. */
#include <string.h>

#include "ingest/ingest_internal.h"
#include "ingest/jobs.h"
#include "util/error.h"
#include "util/fileio.h"

/* An article whose invalid UTF-8 (or NUL) was repaired is still read, with a warning. */
static void warn_repairs(const evg_article *a, const char *path, evg_error *warning)
{
    int line = 0;
    size_t nbad = evg_i_article_repairs(a, &line);

    if (nbad > 0)
        evg_i_error_set(warning, EVG_EPARSE, evg_i_display_name(path), line, 0,
                        "invalid UTF-8 replaced by U+FFFD (%zu byte%s)", nbad,
                        nbad == 1 ? "" : "s");
}

int evg_i_job_read(evg_article **out, const evg_i_job *job, evg_error *warning,
                   evg_error *err)
{
    int rc;

    *out = NULL;
    switch (job->kind) {
    case EVG_I_JOB_LINE:
        return evg_i_jsonl_article(out, job->text, job->len, job->src, job->id, job->line,
                                   warning, err);
    case EVG_I_JOB_FAILED:
        if (err)
            *err = job->failed;
        return job->failed.code;
    case EVG_I_JOB_FILE:
        break;
    }
    if (strcmp(job->src, "-") == 0) /* standard input, already read by the walk */
        rc = evg_article_parse(out, "stdin", "<stdin>", job->text ? job->text : "",
                               job->len, err);
    else
        rc = evg_i_article_read_file(out, job->src, job->id, err);
    if (rc == 0)
        warn_repairs(*out, job->src, warning);
    return rc;
}

int evg_i_job_run(const evg_i_job *job, void *runner)
{
    const evg_i_job_runner *r = runner;
    evg_diag_fn on_diag = r->opts ? r->opts->on_diag : NULL;
    evg_article *a = NULL;
    evg_error warning, e;
    int rc;

    memset(&warning, 0, sizeof warning);
    memset(&e, 0, sizeof e);
    rc = evg_i_job_read(&a, job, &warning, &e);
    if (warning.code && on_diag)
        on_diag(&warning, EVG_SEV_WARNING, r->opts->diag_payload);
    if (rc == EVG_ENOMEM)
        return evg_i_error_nomem(r->err);
    if (rc < 0) {
        (*r->failed)++;
        if (on_diag)
            on_diag(&e, EVG_SEV_ERROR, r->opts->diag_payload);
        return 0;
    }
    rc = r->fn(a, r->payload);
    evg_article_free(a);
    return rc < 0 ? rc : 0; /* only a negative status stops the walk */
}
