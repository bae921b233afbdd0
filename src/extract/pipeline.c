/*
 * Extraction of a batch on several threads with the output of one: the
 * calling thread walks the inputs and puts one job per article (a file, or a
 * line of JSON Lines) into a window, in order; workers, and the caller when
 * the window is full, read the article, extract it and write its record as
 * JSON; the caller hands the records and diagnostics on in input order. The
 * window bounds memory and keeps the output streaming.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "evgraph/extract.h"
#include "ingest/jobs.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/window.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_extract_run_opts_init, evg_extract_run_opts,
                   EVG_EXTRACT_RUN_OPTS_VERSION, EVG_EXTRACT_RUN_OPTS_INIT)

typedef struct {
    /* the job, a copy of the walk's: its strings live in the buffers */
    evg_i_job job;
    evg_i_buf src, id, text;
    /* what came of it */
    evg_doc *d;
    char *line;
    size_t len;
    size_t bytes; /* of article text */
    int rc;
    evg_error warning, err;
} slot;

/* A slot that held a line longer than this gives its buffer back when done. */
#define KEEP_TEXT (64u << 10)
/* Lines of JSON Lines held in the window, at most (and one more): with the
 * window's length, what bounds the memory of a run whatever its articles. */
#define HOLD_TEXT (8u << 20)

typedef struct {
    const evg_lexicon *lx;
    const evg_extract_run_opts *opts;
    evg_doc_fn fn;
    void *payload;
    evg_i_window win;
    size_t held; /* bytes of job text in the window */
    evg_error fatal;
    size_t failed, docs, bytes, total;
} pipeline;

/* Read, extract and write one article: the window's work, on any thread. */
static void process(void *job, void *payload)
{
    const pipeline *p = payload;
    slot *s = job;
    evg_article *a = NULL;

    s->rc = evg_i_job_read(&a, &s->job, &s->warning, &s->err);
    if (s->rc < 0)
        return;
    s->bytes = evg_article_body_len(a);
    s->rc = evg_extract(&s->d, a, p->lx, NULL, &s->err);
    if (s->rc == 0)
        s->rc = evg_doc_to_json(&s->line, &s->len, s->d, &s->err);
    if (p->opts->lines_only) {
        evg_doc_free(s->d); /* here: a free on the thread that allocated takes no lock */
        s->d = NULL;
    }
    if (s->rc < 0 && s->err.source[0] == '\0')
        snprintf(s->err.source, sizeof s->err.source, "%s",
                 evg_article_path(a) ? evg_article_path(a) : evg_article_id(a));
    evg_article_free(a);
}

/* Take a copy of the walk's job (borrowed for the call) into an empty slot. */
static int slot_fill(slot *s, const evg_i_job *job)
{
    evg_i_buf_clear(&s->src);
    evg_i_buf_clear(&s->id);
    evg_i_buf_clear(&s->text);
    if (evg_i_buf_puts(&s->src, job->src) < 0 ||
        (job->id && evg_i_buf_puts(&s->id, job->id) < 0) ||
        (job->text && evg_i_buf_put(&s->text, job->text, job->len) < 0))
        return EVG_ENOMEM;
    s->job = *job;
    s->job.src = s->src.ptr;
    s->job.id = job->id ? (s->id.ptr ? s->id.ptr : "") : NULL;
    s->job.text = job->text ? (s->text.ptr ? s->text.ptr : "") : NULL;
    return 0;
}

/* Empty a slot for its next job; its buffers are kept for that one. */
static void slot_clear(slot *s)
{
    evg_doc_free(s->d);
    free(s->line);
    s->d = NULL;
    s->line = NULL;
    s->len = s->bytes = 0;
    s->rc = 0;
    memset(&s->warning, 0, sizeof s->warning);
    memset(&s->err, 0, sizeof s->err);
    if (s->text.cap > KEEP_TEXT)
        evg_i_buf_free(&s->text);
}

/* Everything a slot holds, when the window goes. */
static void slot_free(void *job)
{
    slot *s = job;

    slot_clear(s);
    evg_i_buf_free(&s->src);
    evg_i_buf_free(&s->id);
    evg_i_buf_free(&s->text);
}

/*
 * Hand on the oldest job, done (the caller's thread, in order): its warning,
 * then its document or its error, which is counted. No memory, or the
 * callback's refusal, stops the run.
 */
static int deliver(pipeline *p, slot *s)
{
    evg_diag_fn on_diag = p->opts->on_diag;
    int rc = 0;

    if (s->warning.code && on_diag)
        on_diag(&s->warning, EVG_SEV_WARNING, p->opts->diag_payload);
    p->bytes += s->bytes;
    if (s->rc == EVG_ENOMEM) {
        p->fatal = s->err;
        rc = EVG_ENOMEM;
    } else if (s->rc < 0) {
        p->failed++;
        if (on_diag)
            on_diag(&s->err, EVG_SEV_ERROR, p->opts->diag_payload);
    } else {
        evg_doc *d = s->d;
        s->d = NULL;
        p->docs++;
        if ((rc = p->fn(d, s->line, s->len, p->payload)) < 0)
            memset(&p->fatal, 0, sizeof p->fatal);
    }
    if (p->opts->on_progress)
        p->opts->on_progress(p->docs + p->failed, p->bytes, p->total,
                             p->opts->progress_payload);
    p->held -= s->job.len;
    slot_clear(s);
    evg_i_window_pop(&p->win);
    return rc;
}

/*
 * A job of the walk: into the window, once there is room in it. What is done
 * goes out at once, so that a stream's records do not wait for the end: with
 * one thread each job is done here and then; with workers, a record waits at
 * most for the walk's next job.
 */
static int on_job(const evg_i_job *job, void *payload)
{
    pipeline *p = payload;
    slot *s;
    int rc = 0;

    while (rc == 0 && ((s = evg_i_window_tail(&p->win)) == NULL ||
                       (p->held > HOLD_TEXT && evg_i_window_count(&p->win))))
        rc = deliver(p, evg_i_window_wait(&p->win));
    if (rc < 0)
        return rc;
    if (slot_fill(s, job) < 0)
        return evg_i_error_nomem(&p->fatal);
    p->held += job->len;
    evg_i_window_push(&p->win);
    while (rc == 0 &&
           (s = evg_i_window_workers(&p->win) ? evg_i_window_head(&p->win)
                                              : evg_i_window_wait(&p->win)) != NULL)
        rc = deliver(p, s);
    return rc;
}

/* Hand on the rest, waiting for it. */
static int drain(pipeline *p)
{
    slot *s;
    int rc = 0;

    while (rc == 0 && (s = evg_i_window_wait(&p->win)) != NULL)
        rc = deliver(p, s);
    return rc;
}

/* The caller's options in the current layout (version 1 had no lines_only, 2 no skip). */
static void read_opts(evg_extract_run_opts *out, const evg_extract_run_opts *opts)
{
    *out = (evg_extract_run_opts)EVG_EXTRACT_RUN_OPTS_INIT;
    if (opts && opts->version < 2)
        memcpy(out, opts, offsetof(evg_extract_run_opts, lines_only));
    else if (opts && opts->version < 3)
        memcpy(out, opts, offsetof(evg_extract_run_opts, skip));
    else if (opts)
        *out = *opts;
    out->version = EVG_EXTRACT_RUN_OPTS_VERSION;
}

static void on_total(size_t bytes, void *payload)
{
    ((pipeline *)payload)->total = bytes;
}

/* Ingest diagnostics go to the user's callback (the walk passes our pipeline). */
static void on_diag(const evg_error *e, evg_severity sev, void *payload)
{
    const pipeline *p = payload;
    if (p->opts->on_diag)
        p->opts->on_diag(e, sev, p->opts->diag_payload);
}

int evg_extract_paths(size_t *failed_out, const char *const *paths, size_t npaths,
                      const evg_lexicon *lx, const evg_extract_run_opts *opts,
                      evg_doc_fn fn, void *payload, evg_error *err)
{
    evg_extract_run_opts o;
    evg_ingest_opts io = EVG_INGEST_OPTS_INIT;
    pipeline p;
    unsigned threads;
    size_t walk_failed = 0;
    int rc;

    memset(&p, 0, sizeof p);
    p.lx = lx;
    read_opts(&o, opts);
    p.opts = &o;
    p.fn = fn;
    p.payload = payload;
    threads = p.opts->threads > 1 ? p.opts->threads : 1;
    /* jansson seeds its hash function on first use; do it before there are threads */
    json_object_seed(0);
    /* A window of many jobs per thread keeps each busy while another is held up (the
     * head's, or the caller, by a slow output or a busy machine); with no workers, the
     * caller does one job at a time. */
    if (evg_i_window_init(&p.win, threads > 1 ? 32 * (size_t)threads : 1, sizeof(slot),
                          threads, process, &p) < 0)
        return evg_i_error_nomem(err);
    io.on_diag = on_diag;
    io.diag_payload = &p;
    io.on_total = p.opts->on_progress ? on_total : NULL; /* sizes cost a stat a file */
    io.skip = p.opts->skip;
    rc = evg_i_ingest_jobs(&walk_failed, paths, npaths, &io, on_job, &p, err);
    if (rc == 0)
        rc = drain(&p);
    evg_i_window_free(&p.win, slot_free);
    if (rc < 0 && p.fatal.code && err)
        *err = p.fatal;
    if (failed_out)
        *failed_out = walk_failed + p.failed;
    return rc;
}
