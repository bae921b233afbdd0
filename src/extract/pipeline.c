/*
 * Extraction of a batch on several threads with the output of one: the
 * calling thread reads articles in order and numbers them; workers extract
 * and write each record as JSON; the calling thread hands the records on in
 * the order they were read. A window of a few articles per worker bounds
 * memory and keeps the output streaming.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "evgraph/extract.h"
#include "util/error.h"

typedef struct {
    evg_article *a;
    evg_doc *d;
    char *line;
    size_t len;
    int rc;
    evg_error err;
    int state; /* EMPTY, WAITING (read, not taken), TAKEN, DONE */
} slot;

enum { EMPTY, WAITING, TAKEN, DONE };

typedef struct {
    const evg_lexicon *lx;
    const evg_extract_run_opts *opts;
    evg_doc_fn fn;
    void *payload;
    /* the window: sequence numbers [emit, next) are in slots[seq % cap] */
    slot *slots;
    size_t cap, next, emit, take;
    int stop;   /* no more articles will come (or the run is stopping) */
    int status; /* the first fatal status, or 0 */
    evg_error fatal;
    size_t failed, docs, bytes, total;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
} pipeline;

/* Extract one article and write its line: the work of a worker (or of the caller). */
static void process(const pipeline *p, slot *s)
{
    memset(&s->err, 0, sizeof s->err);
    s->rc = evg_extract(&s->d, s->a, p->lx, NULL, &s->err);
    if (s->rc == 0)
        s->rc = evg_doc_to_json(&s->line, &s->len, s->d, &s->err);
    if (s->rc < 0 && s->err.source[0] == '\0')
        snprintf(s->err.source, sizeof s->err.source, "%s",
                 evg_article_path(s->a) ? evg_article_path(s->a) : evg_article_id(s->a));
}

static void slot_clear(slot *s)
{
    evg_article_free(s->a);
    evg_doc_free(s->d);
    free(s->line);
    memset(s, 0, sizeof *s);
}

/*
 * Hand on one finished document (the caller's thread, in order). An article
 * that failed is reported and counted; no memory, or the callback's refusal,
 * stops the run.
 */
static int deliver(pipeline *p, slot *s)
{
    int rc = 0;

    p->bytes += evg_article_body_len(s->a);
    if (s->rc == EVG_ENOMEM) {
        p->fatal = s->err;
        rc = EVG_ENOMEM;
    } else if (s->rc < 0) {
        p->failed++;
        if (p->opts->on_diag)
            p->opts->on_diag(&s->err, EVG_SEV_ERROR, p->opts->diag_payload);
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
    slot_clear(s);
    return rc;
}

static void *worker(void *arg)
{
    pipeline *p = arg;

    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->take == p->next && !p->stop)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->take == p->next)
            break; /* stopped, nothing left */
        slot *s = &p->slots[p->take++ % p->cap];
        s->state = TAKEN;
        pthread_mutex_unlock(&p->mu);
        process(p, s);
        pthread_mutex_lock(&p->mu);
        s->state = DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Deliver what is done at the head of the window; with `all`, wait for the rest. */
static int drain(pipeline *p, int all, size_t room)
{
    int rc = 0;

    pthread_mutex_lock(&p->mu);
    while (p->emit < p->next && rc == 0) {
        slot *s = &p->slots[p->emit % p->cap];
        if (s->state != DONE) {
            if (!all && p->next - p->emit < p->cap - room + 1)
                break;
            pthread_cond_wait(&p->done, &p->mu);
            continue;
        }
        pthread_mutex_unlock(&p->mu);
        rc = deliver(p, s);
        pthread_mutex_lock(&p->mu);
        p->emit++;
    }
    pthread_mutex_unlock(&p->mu);
    return rc;
}

/* An article read: into the window (waiting for room), or done here with no threads. */
static int on_article(const evg_article *a, void *payload)
{
    pipeline *p = payload;
    slot one;
    int rc;

    if (p->cap == 0) {
        memset(&one, 0, sizeof one);
        if (evg_article_clone(&one.a, a, &p->fatal) < 0)
            return EVG_ENOMEM;
        process(p, &one);
        return deliver(p, &one);
    }
    if ((rc = drain(p, 0, 1)) < 0) /* room for one more */
        return rc;
    pthread_mutex_lock(&p->mu);
    slot *s = &p->slots[p->next % p->cap];
    pthread_mutex_unlock(&p->mu);
    if (evg_article_clone(&s->a, a, &p->fatal) < 0)
        return EVG_ENOMEM;
    pthread_mutex_lock(&p->mu);
    s->state = WAITING;
    p->next++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->mu);
    return 0;
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
                      const evg_lexicon *lx, const evg_extract_run_opts *opts, evg_doc_fn fn,
                      void *payload, evg_error *err)
{
    evg_extract_run_opts defaults = EVG_EXTRACT_RUN_OPTS_INIT;
    evg_ingest_opts io = EVG_INGEST_OPTS_INIT;
    pipeline p;
    pthread_t *threads = NULL;
    unsigned nthreads = 0, started = 0;
    size_t walk_failed = 0;
    int rc = 0;

    memset(&p, 0, sizeof p);
    p.lx = lx;
    p.opts = opts ? opts : &defaults;
    p.fn = fn;
    p.payload = payload;
    nthreads = p.opts->threads > 1 ? p.opts->threads : 0;
    /* jansson seeds its hash function on first use; do it before there are threads */
    json_object_seed(0);
    if (nthreads) {
        p.cap = 4 * (size_t)nthreads;
        if ((p.slots = calloc(p.cap, sizeof(*p.slots))) == NULL ||
            (threads = calloc(nthreads, sizeof(*threads))) == NULL) {
            free(p.slots);
            return evg_i_error_nomem(err);
        }
        pthread_mutex_init(&p.mu, NULL);
        pthread_cond_init(&p.work, NULL);
        pthread_cond_init(&p.done, NULL);
        for (; started < nthreads; started++)
            if (pthread_create(&threads[started], NULL, worker, &p) != 0)
                break;
        if (started == 0) {
            rc = evg_i_error_set(err, EVG_ERROR, NULL, 0, 0, "cannot start threads");
            goto cleanup;
        }
    }
    io.on_diag = on_diag;
    io.diag_payload = &p;
    io.on_total = p.opts->on_progress ? on_total : NULL; /* sizes cost a stat a file */
    rc = evg_ingest_paths(&walk_failed, paths, npaths, &io, on_article, &p, err);
    if (nthreads && rc == 0)
        rc = drain(&p, 1, 0);
cleanup:
    if (nthreads) {
        pthread_mutex_lock(&p.mu);
        p.stop = 1;
        p.take = p.next; /* workers take nothing more */
        pthread_cond_broadcast(&p.work);
        pthread_mutex_unlock(&p.mu);
        for (unsigned i = 0; i < started; i++)
            pthread_join(threads[i], NULL);
        for (size_t i = 0; i < p.cap; i++)
            slot_clear(&p.slots[i]);
        pthread_mutex_destroy(&p.mu);
        pthread_cond_destroy(&p.work);
        pthread_cond_destroy(&p.done);
    }
    if (rc < 0 && p.fatal.code && err)
        *err = p.fatal;
    free(p.slots);
    free(threads);
    if (failed_out)
        *failed_out = walk_failed + p.failed;
    return rc;
}
