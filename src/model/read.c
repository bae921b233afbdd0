/*
 * Reading the JSON Lines of `evgraph extract` into a corpus, on one thread
 * or several. The calling thread reads the file in batches of whole lines;
 * the threads of a work window (util/window.h: workers, and the caller while
 * it waits) parse a batch's lines into documents (jansson, then the checks
 * of doc_json.c); the calling thread adds the documents to the corpus and
 * reports the bad lines in file order. So the corpus and the diagnostics are
 * the same whatever the number of threads, and a window of two batches per
 * thread bounds what is held besides the documents themselves.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>

#include "model/corpus_internal.h"
#include "store/store_internal.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/jscratch.h"
#include "util/window.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_read_opts_init, evg_read_opts, EVG_READ_OPTS_VERSION,
                   EVG_READ_OPTS_INIT)

/* A batch holds whole lines of about this many bytes (a longer line, alone). */
#define BATCH_BYTES (1u << 20)

/* A line that did not parse: where, and why. */
typedef struct {
    size_t line; /* index in the batch */
    evg_error err;
} bad_line;

typedef struct {
    evg_i_buf text; /* whole lines, each with its '\n' (the file's last maybe without) */
    size_t *ends;   /* where each line ends in `text` */
    size_t nlines, cap_ends;
    evg_doc **docs; /* per line: its document, or NULL (blank or bad) */
    size_t cap_docs;
    int first;     /* the number of its first line in the file */
    bad_line *bad; /* the lines that did not parse, in order */
    size_t nbad, cap_bad;
    int nomem;           /* parsing ran out of memory after `nlines` lines */
    evg_error nomem_err; /* where: the line, when it was the line's parse */
    evg_i_jscratch js;   /* jansson's memory while a line is parsed */
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
    if (rc == EVG_ENOMEM)
        b->nomem_err = e;
    if (rc == EVG_ENOMEM || (rc < 0 && evg_i_grow((void **)&b->bad, &b->cap_bad,
                                                  b->nbad + 1, sizeof(*b->bad)) < 0))
        return -1;
    if (rc < 0) {
        b->bad[b->nbad].line = i;
        b->bad[b->nbad++].err = e;
    }
    return 0;
}

/* Parse every line of a batch: the window's work, on any thread. */
static void parse_batch(void *job, void *payload)
{
    batch *b = job;
    const char *name = payload;

    for (size_t i = 0; i < b->nlines; i++)
        if (parse_line(name, b, i) <
            0) {           /* out of memory: nomem_err says where, if known */
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
    if (rc == 0 && b->nomem && b->nomem_err.code == EVG_ENOMEM) {
        rc = EVG_ENOMEM; /* "FILE:LINE: out of memory" */
        if (err)
            *err = b->nomem_err;
    } else if (rc == 0 && b->nomem) {
        rc = evg_i_error_nomem(err);
    }
    b->nlines = b->nbad = 0;
    b->nomem = 0;
    memset(&b->nomem_err, 0, sizeof b->nomem_err);
    return rc;
}

static void batch_free(void *job)
{
    batch *b = job;

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
    if (evg_i_grow((void **)&b->ends, &b->cap_ends, b->nlines + 1, sizeof(*b->ends)) <
            0 ||
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
    size_t size;                 /* of the file, 0 when unknown (a pipe) */
    size_t docs, bytes;          /* delivered so far, for the progress callback */
    evg_progress_fn on_progress; /* NULL: none */
    void *progress_payload;
} source;

/*
 * Fill `b` with the next whole lines of the input: about BATCH_BYTES, at
 * least one line unless the input is at its end (then b->nlines is 0).
 * Returns 0, EVG_EIO or EVG_ENOMEM.
 */
/* Out of memory reading the line after the `nlines` of `b`: its file and line. */
static int nomem_at(const source *in, const batch *b, evg_error *err)
{
    return evg_i_error_set(err, EVG_ENOMEM, in->name, in->line + (int)b->nlines + 1, 0,
                           "out of memory");
}

static int fill(batch *b, source *in, evg_error *err)
{
    size_t last;

    b->text.len = b->nlines = 0;
    b->first = in->line + 1;
    if (in->carry.len && evg_i_buf_put(&b->text, in->carry.ptr, in->carry.len) < 0)
        return nomem_at(in, b, err);
    in->carry.len = 0;
    while (!in->eof && (b->text.len < BATCH_BYTES || b->nlines == 0)) {
        size_t from = b->text.len, got;
        if (evg_i_buf_grow(&b->text, 65536) < 0)
            return nomem_at(in, b, err);
        got = fread(b->text.ptr + from, 1, b->text.cap - from - 1, in->f);
        b->text.len += got;
        b->text.ptr[b->text.len] = '\0';
        if (got == 0 && ferror(in->f))
            return evg_i_error_set(err, EVG_EIO, in->name, in->line + (int)b->nlines + 1,
                                   0, "read failed: %s", strerror(errno));
        in->eof = got == 0;
        if (split_lines(b, from) < 0)
            return nomem_at(in, b, err);
    }
    last = b->nlines ? b->ends[b->nlines - 1] : 0;
    if (in->eof && last < b->text.len && add_line(b, b->text.len) < 0)
        return nomem_at(in, b, err);
    last = b->nlines ? b->ends[b->nlines - 1] : 0;
    if (last < b->text.len) { /* a line not yet ended: the next batch's */
        if (evg_i_buf_put(&in->carry, b->text.ptr + last, b->text.len - last) < 0)
            return nomem_at(in, b, err);
        b->text.len = last;
    }
    in->line += (int)b->nlines;
    return 0;
}

/*
 * Wait for the oldest batch to be parsed (parsing meanwhile), then deliver
 * it and say how far the file is read.
 */
static int deliver_oldest(evg_i_window *w, evg_corpus *c, source *in,
                          const evg_read_opts *opts, size_t *failed, evg_error *err)
{
    batch *b = evg_i_window_wait(w);
    size_t before = evg_corpus_doc_count(c), bytes = b->text.len;
    int rc = deliver(c, b, opts, failed, err);

    evg_i_window_pop(w);
    in->docs += evg_corpus_doc_count(c) - before;
    in->bytes += bytes;
    if (rc == 0 && in->on_progress)
        in->on_progress(in->docs, in->bytes, in->size, in->progress_payload);
    return rc;
}

/*
 * Read `in` in batches: the caller fills them and hands their documents to
 * the corpus in file order, `threads` threads parse them (the caller too,
 * while the oldest is not done).
 */
static int read_batches(evg_corpus *c, source *in, unsigned threads,
                        const evg_read_opts *opts, size_t *failed, evg_error *err)
{
    evg_i_window w;
    batch *b;
    int rc = 0, read_rc = 0;

    /* jansson seeds its hashes and takes its allocator once: before the threads */
    json_object_seed(0);
    evg_i_jscratch_install();
    /* two batches a thread: one parsed while the next waits */
    if (evg_i_window_init(&w, 2 * (size_t)threads, sizeof(batch), threads, parse_batch,
                          (void *)in->name) < 0)
        return evg_i_error_nomem(err);
    while (rc == 0 && read_rc == 0 && !in->eof) {
        while (rc == 0 && (b = evg_i_window_tail(&w)) == NULL)
            rc = deliver_oldest(&w, c, in, opts, failed, err);
        if (rc < 0)
            break;
        /* A read error still lets the whole lines before it through. */
        if ((read_rc = fill(b, in, err)) == EVG_ENOMEM || b->nlines == 0)
            break;
        evg_i_window_push(&w);
        if (evg_i_window_workers(&w) == 0) /* parse it here and now: one batch held */
            rc = deliver_oldest(&w, c, in, opts, failed, err);
    }
    while (rc == 0 && evg_i_window_count(&w))
        rc = deliver_oldest(&w, c, in, opts, failed, err);
    evg_i_window_free(&w, batch_free);
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

    if (evg_store_is_path(path)) /* an event store: the same documents, from SQLite */
        return evg_i_store_read(failed_out, c, path, opts, err);
    memset(&in, 0, sizeof in);
    in.name = evg_i_display_name(path);
    if (failed_out)
        *failed_out = 0;
    if (strcmp(path, "-") == 0)
        in.f = stdin;
    else if ((in.f = fopen(path, "rb")) == NULL)
        return evg_i_error_set(err, EVG_EIO, in.name, 0, 0, "cannot open: %s",
                               strerror(errno));
    if (fstat(fileno(in.f), &st) == 0) {
        if (S_ISDIR(st.st_mode) && in.f != stdin) {
            fclose(in.f);
            return evg_i_error_set(err, EVG_EIO, in.name, 0, 0, "is a directory");
        }
        if (S_ISREG(st.st_mode)) /* stdin too, when a file is redirected to it */
            in.size = (size_t)st.st_size;
    }
    if (opts && opts->version >= 3) {
        in.on_progress = opts->on_progress;
        in.progress_payload = opts->progress_payload;
    }
    rc = read_batches(c, &in, threads, opts, &failed, err);
    evg_i_buf_free(&in.carry);
    if (in.f != stdin)
        fclose(in.f);
    if (failed_out)
        *failed_out = failed;
    return rc;
}
