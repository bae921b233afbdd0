/*
 * Reading the JSON Lines of `evgraph extract` into a corpus, on one thread
 * or several. The calling thread reads the file in batches of whole lines;
 * workers parse a batch's lines into documents (jansson, then the checks of
 * doc_json.c); the calling thread adds the documents to the corpus and
 * reports the bad lines in file order. So the corpus and the diagnostics are
 * the same whatever the number of threads, and a window of a few batches per
 * worker bounds what is held besides the documents themselves.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "model/corpus_internal.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/jscratch.h"

/* A batch holds whole lines of about this many bytes (a longer line, alone). */
#define BATCH_BYTES (1u << 20)

enum { EMPTY, WAITING, TAKEN, DONE };

/* A line that did not parse: where, and why. */
typedef struct {
    size_t line; /* index in the batch */
    evg_error err;
} bad_line;

typedef struct {
    evg_i_buf text;    /* whole lines, each with its '\n' (the file's last maybe without) */
    size_t *ends;      /* where each line ends in `text` */
    size_t nlines, cap_ends;
    evg_doc **docs;    /* per line: its document, or NULL (blank or bad) */
    size_t cap_docs;
    int first;         /* the number of its first line in the file */
    bad_line *bad;     /* the lines that did not parse, in order */
    size_t nbad, cap_bad;
    int nomem;         /* parsing ran out of memory after `nlines` lines */
    int state;
    evg_i_jscratch js; /* jansson's memory while a line is parsed */
} batch;

/* Whether a line holds only white space (blank lines are allowed and skipped). */
static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* Parse line `i` of `b` into b->docs[i]; 0, or -1 when memory ran out. */
static int parse_line(const char *name, batch *b, size_t i)
{
    size_t at = i ? b->ends[i - 1] : 0, n = b->ends[i] - at;
    const char *line = b->text.ptr + at;
    int lineno = b->first + (int)i, rc;
    evg_error e;

    b->docs[i] = NULL;
    if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3; /* a BOM some editors put in front of UTF-8 */
        n -= 3;
    }
    if (blank(line, n))
        return 0;
    memset(&e, 0, sizeof e);
    evg_i_jscratch_begin(&b->js);
    rc = evg_doc_parse_json(&b->docs[i], line, n, name, lineno, &e);
    evg_i_jscratch_end(&b->js);
    if (rc == EVG_ENOMEM ||
        (rc < 0 && evg_i_grow((void **)&b->bad, &b->cap_bad, b->nbad + 1,
                              sizeof(*b->bad)) < 0))
        return -1;
    if (rc < 0) {
        b->bad[b->nbad].line = i;
        b->bad[b->nbad++].err = e;
    }
    return 0;
}

/* Parse every line of `b` (a worker's job, or the caller's with no threads). */
static void parse_batch(const char *name, batch *b)
{
    for (size_t i = 0; i < b->nlines; i++)
        if (parse_line(name, b, i) < 0) {
            b->nlines = i; /* the rest is dropped: the caller reports no memory */
            b->nomem = 1;
            return;
        }
}

/*
 * Hand the documents of a parsed batch to the corpus and report its bad
 * lines, in file order. Returns 0 or EVG_ENOMEM.
 */
static int deliver(evg_corpus *c, batch *b, const evg_read_opts *opts, size_t *failed,
                   evg_error *err)
{
    size_t k = 0;
    int rc = 0;

    for (size_t i = 0; i < b->nlines; i++) {
        evg_doc *d = b->docs[i];
        b->docs[i] = NULL;
        if (k < b->nbad && b->bad[k].line == i && rc == 0) {
            (*failed)++;
            evg_i_diag(opts ? opts->on_diag : NULL, opts ? opts->diag_payload : NULL,
                       EVG_SEV_ERROR, &b->bad[k++].err);
        }
        if (d && rc == 0)
            rc = evg_corpus_add_doc(c, d, err); /* takes `d` in every case */
        else
            evg_doc_free(d);
    }
    if (rc == 0 && b->nomem)
        rc = evg_i_error_nomem(err);
    b->nlines = b->nbad = 0;
    b->nomem = 0;
    return rc;
}

static void batch_free(batch *b)
{
    for (size_t i = 0; i < b->nlines; i++)
        evg_doc_free(b->docs[i]);
    evg_i_buf_free(&b->text);
    free(b->ends);
    free(b->docs);
    free(b->bad);
    evg_i_jscratch_free(&b->js);
    memset(b, 0, sizeof *b);
}

/* Note a line end at `at` in `b`. 0 or EVG_ENOMEM. */
static int add_line(batch *b, size_t at)
{
    if (evg_i_grow((void **)&b->ends, &b->cap_ends, b->nlines + 1, sizeof(*b->ends)) < 0 ||
        evg_i_grow((void **)&b->docs, &b->cap_docs, b->nlines + 1, sizeof(*b->docs)) < 0)
        return EVG_ENOMEM;
    b->ends[b->nlines] = at;
    b->docs[b->nlines++] = NULL;
    return 0;
}

/* Note the line ends of text[from, len). 0 or EVG_ENOMEM. */
static int split_lines(batch *b, size_t from)
{
    const char *p = b->text.ptr + from, *end = b->text.ptr + b->text.len, *nl;

    while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        if (add_line(b, (size_t)(nl + 1 - b->text.ptr)) < 0)
            return EVG_ENOMEM;
        p = nl + 1;
    }
    return 0;
}

/* The input: an open file, the line number reached, the bytes after the last '\n'. */
typedef struct {
    FILE *f;
    const char *name;
    int line; /* lines handed out so far */
    int eof;
    evg_i_buf carry;
} source;

/*
 * Fill `b` with the next whole lines of the input: about BATCH_BYTES, at
 * least one line unless the input is at its end (then b->nlines is 0).
 * Returns 0, EVG_EIO or EVG_ENOMEM.
 */
static int fill(batch *b, source *in, evg_error *err)
{
    size_t last;

    b->text.len = b->nlines = 0;
    b->first = in->line + 1;
    if (in->carry.len && evg_i_buf_put(&b->text, in->carry.ptr, in->carry.len) < 0)
        return evg_i_error_nomem(err);
    in->carry.len = 0;
    while (!in->eof && (b->text.len < BATCH_BYTES || b->nlines == 0)) {
        size_t from = b->text.len, got;
        if (evg_i_buf_grow(&b->text, 65536) < 0)
            return evg_i_error_nomem(err);
        got = fread(b->text.ptr + from, 1, b->text.cap - from - 1, in->f);
        b->text.len += got;
        b->text.ptr[b->text.len] = '\0';
        if (got == 0 && ferror(in->f))
            return evg_i_error_set(err, EVG_EIO, in->name, in->line + (int)b->nlines + 1, 0,
                                   "read failed: %s", strerror(errno));
        in->eof = got == 0;
        if (split_lines(b, from) < 0)
            return evg_i_error_nomem(err);
    }
    last = b->nlines ? b->ends[b->nlines - 1] : 0;
    if (in->eof && last < b->text.len && add_line(b, b->text.len) < 0)
        return evg_i_error_nomem(err);
    last = b->nlines ? b->ends[b->nlines - 1] : 0;
    if (last < b->text.len) { /* a line not yet ended: the next batch's */
        if (evg_i_buf_put(&in->carry, b->text.ptr + last, b->text.len - last) < 0)
            return evg_i_error_nomem(err);
        b->text.len = last;
    }
    in->line += (int)b->nlines;
    return 0;
}

/* ---- several threads ---------------------------------------------------- */

typedef struct {
    const char *name;
    batch *b; /* the window: batches [emit, next) are in b[seq % cap] */
    size_t cap, next, emit, take;
    int stop;
    pthread_mutex_t mu;
    pthread_cond_t work, done;
} pool;

static void *worker(void *arg)
{
    pool *p = arg;

    pthread_mutex_lock(&p->mu);
    for (;;) {
        while (p->take == p->next && !p->stop)
            pthread_cond_wait(&p->work, &p->mu);
        if (p->take == p->next)
            break; /* stopped, nothing left */
        batch *b = &p->b[p->take++ % p->cap];
        b->state = TAKEN;
        pthread_mutex_unlock(&p->mu);
        parse_batch(p->name, b);
        pthread_mutex_lock(&p->mu);
        b->state = DONE;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

/* Wait for the oldest batch of the window to be parsed, then deliver it. */
static int deliver_oldest(pool *p, evg_corpus *c, const evg_read_opts *opts,
                          size_t *failed, evg_error *err)
{
    batch *b = &p->b[p->emit % p->cap];

    pthread_mutex_lock(&p->mu);
    while (b->state != DONE)
        pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
    p->emit++;
    b->state = EMPTY;
    return deliver(c, b, opts, failed, err);
}

/* Read `in` with `n` worker threads parsing. */
static int read_threaded(evg_corpus *c, source *in, unsigned n, const evg_read_opts *opts,
                         size_t *failed, evg_error *err)
{
    pool p;
    pthread_t *threads = calloc(n, sizeof(*threads));
    unsigned started = 0;
    int rc = 0, read_rc = 0;

    memset(&p, 0, sizeof p);
    p.name = in->name;
    p.cap = 2 * (size_t)n;
    if (threads == NULL || (p.b = calloc(p.cap, sizeof(*p.b))) == NULL) {
        free(threads);
        return evg_i_error_nomem(err);
    }
    pthread_mutex_init(&p.mu, NULL);
    pthread_cond_init(&p.work, NULL);
    pthread_cond_init(&p.done, NULL);
    /* jansson seeds its hashes and takes its allocator once: before the threads */
    json_object_seed(0);
    evg_i_jscratch_install();
    for (; started < n; started++)
        if (pthread_create(&threads[started], NULL, worker, &p) != 0)
            break;
    if (started == 0)
        rc = evg_i_error_set(err, EVG_ERROR, NULL, 0, 0, "cannot start threads");
    while (rc == 0 && read_rc == 0) {
        batch *b = &p.b[p.next % p.cap];
        if (p.next - p.emit == p.cap && (rc = deliver_oldest(&p, c, opts, failed, err)) < 0)
            break;
        /* A read error still lets the whole lines before it through. */
        if ((read_rc = fill(b, in, err)) == EVG_ENOMEM || b->nlines == 0)
            break;
        pthread_mutex_lock(&p.mu);
        b->state = WAITING;
        p.next++;
        pthread_cond_signal(&p.work);
        pthread_mutex_unlock(&p.mu);
    }
    while (rc == 0 && p.emit < p.next)
        rc = deliver_oldest(&p, c, opts, failed, err);
    pthread_mutex_lock(&p.mu);
    p.stop = 1;
    pthread_cond_broadcast(&p.work);
    pthread_mutex_unlock(&p.mu);
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL); /* they finish what they took; nothing more */
    for (size_t i = 0; i < p.cap; i++)
        batch_free(&p.b[i]);
    pthread_mutex_destroy(&p.mu);
    pthread_cond_destroy(&p.work);
    pthread_cond_destroy(&p.done);
    free(p.b);
    free(threads);
    return rc < 0 ? rc : read_rc;
}

/* Read `in` on the calling thread. */
static int read_here(evg_corpus *c, source *in, const evg_read_opts *opts, size_t *failed,
                     evg_error *err)
{
    batch b;
    int rc = 0, read_rc;

    memset(&b, 0, sizeof b);
    do {
        /* A read error still lets the whole lines before it through. */
        if ((read_rc = fill(&b, in, err)) == EVG_ENOMEM)
            break;
        parse_batch(in->name, &b);
        rc = deliver(c, &b, opts, failed, err);
    } while (rc == 0 && read_rc == 0 && in->eof == 0);
    batch_free(&b);
    return rc < 0 ? rc : read_rc;
}

int evg_corpus_read_events(size_t *failed_out, evg_corpus *c, const char *path,
                           const evg_read_opts *opts, evg_error *err)
{
    source in;
    struct stat st;
    size_t failed = 0;
    unsigned threads = opts && opts->version >= 2 ? opts->threads : 0;
    int rc;

    memset(&in, 0, sizeof in);
    in.name = evg_i_display_name(path);
    if (failed_out)
        *failed_out = 0;
    if (strcmp(path, "-") == 0)
        in.f = stdin;
    else if ((in.f = fopen(path, "rb")) == NULL)
        return evg_i_error_set(err, EVG_EIO, in.name, 0, 0, "cannot open: %s",
                               strerror(errno));
    else if (fstat(fileno(in.f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(in.f);
        return evg_i_error_set(err, EVG_EIO, in.name, 0, 0, "is a directory");
    }
    if (threads > 1)
        rc = read_threaded(c, &in, threads, opts, &failed, err);
    else
        rc = read_here(c, &in, opts, &failed, err);
    evg_i_buf_free(&in.carry);
    if (in.f != stdin)
        fclose(in.f);
    if (failed_out)
        *failed_out = failed;
    return rc;
}
