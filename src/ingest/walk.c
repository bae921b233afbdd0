/* Turning the INPUT arguments (files, directories, "-") into articles. */
#define _DEFAULT_SOURCE /* d_type and DT_REG in <dirent.h> */
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "evgraph/ingest.h"
#include "ingest/ingest_internal.h"
#include "ingest/jobs.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fileio.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_ingest_opts_init, evg_ingest_opts, EVG_INGEST_OPTS_VERSION,
                   EVG_INGEST_OPTS_INIT)

typedef struct {
    evg_i_input *v; /* the id is NULL until expand() gives it */
    size_t n, cap;
} pathlist;

typedef struct {
    dev_t dev;
    ino_t ino;
} dir_key;

/* Deeper directories are reported and skipped: a guard against runaway trees. */
#define MAX_DEPTH 64

typedef struct {
    const evg_ingest_opts *opts;
    size_t failed;
    size_t bytes; /* total size of the files found */
    int skipping; /* opts->skip exists: its device and inode are left out */
    dev_t skip_dev;
    ino_t skip_ino;
} walker;

/* An input that is skipped: counted, and reported through the callback. */
static void report(walker *w, const char *src, evg_status code, const char *fmt, ...)
    EVG_PRINTF(4, 5);
static void report(walker *w, const char *src, evg_status code, const char *fmt, ...)
{
    evg_error e;
    va_list ap;

    memset(&e, 0, sizeof e);
    e.code = code;
    snprintf(e.source, sizeof e.source, "%s", src);
    va_start(ap, fmt);
    vsnprintf(e.text, sizeof e.text, fmt, ap);
    va_end(ap);
    w->failed++;
    if (w->opts && w->opts->on_diag)
        w->opts->on_diag(&e, EVG_SEV_ERROR, w->opts->diag_payload);
}

static int list_add(pathlist *l, const char *p)
{
    char *c = evg_i_strdup(p);

    if (c == NULL || evg_i_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0) {
        free(c);
        return EVG_ENOMEM;
    }
    l->v[l->n].path = c;
    l->v[l->n++].id = NULL;
    return 0;
}

static void list_free(pathlist *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->v[i].path);
        free(l->v[i].id);
    }
    free(l->v);
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(((const evg_i_input *)a)->path, ((const evg_i_input *)b)->path);
}

/* The id of input `in`: "stdin", its file name (`root` 0), or its path below the folder
 * walked (the first `root` bytes of its path). */
static int give_id(evg_i_input *in, size_t root)
{
    evg_i_buf id = EVG_I_BUF_INIT;
    int rc = strcmp(in->path, "-") == 0 ? evg_i_buf_puts(&id, "stdin")
             : root == 0                ? evg_i_path_id(&id, in->path)
                                        : evg_i_walk_id(&id, in->path, root);

    if (rc == 0 && (in->id = evg_i_buf_detach(&id)) == NULL)
        in->id = evg_i_strdup(""); /* an empty name gives an empty id */
    evg_i_buf_free(&id);
    return rc < 0 || in->id == NULL ? EVG_ENOMEM : 0;
}

static int has_suffix(const char *name, const char *suffix)
{
    size_t n = strlen(name), k = strlen(suffix);
    return n > k && strcmp(name + n - k, suffix) == 0;
}

/* JSON Lines of articles: "*.jsonl", "*.ndjson". */
static int is_jsonl(const char *name)
{
    return has_suffix(name, ".jsonl") || has_suffix(name, ".ndjson");
}

/* What a directory walk reads: articles ("*.txt") and JSON Lines of them. */
static int has_txt_suffix(const char *name)
{
    return has_suffix(name, ".txt") || is_jsonl(name);
}

static int collect(walker *w, pathlist *out, const char *dir, dir_key *stack,
                   size_t depth);

/* One directory entry at `path`: descend into a directory, keep a *.txt file. */
static int visit(walker *w, pathlist *out, const char *path, const struct dirent *de,
                 dir_key *stack, size_t depth)
{
    const char *name = de->d_name;
    struct stat st;
    size_t i;

#ifdef _DIRENT_HAVE_D_TYPE
    /* A regular file needs no stat unless its size is wanted or a file is left out:
     * one system call fewer for each article of a large corpus. */
    if (de->d_type == DT_REG && !(w->opts && w->opts->on_total) && !w->skipping)
        return has_txt_suffix(name) ? list_add(out, path) : 0;
#endif
    if (stat(path, &st) != 0) {
        /* A dangling link is worth a word only where an article was expected. */
        if (errno != ENOENT || has_txt_suffix(name))
            report(w, path, EVG_EIO, "cannot read: %s", strerror(errno));
        return 0;
    }
    /* the output of this very run ("run coll -o coll/out"): not an input */
    if (w->skipping && st.st_dev == w->skip_dev && st.st_ino == w->skip_ino)
        return 0;
    if (S_ISREG(st.st_mode) && has_txt_suffix(name)) {
        w->bytes += (size_t)st.st_size;
        return list_add(out, path);
    }
    if (S_ISREG(st.st_mode))
        return 0;
    if (!S_ISDIR(st.st_mode))
        return 0;
    for (i = 0; i <= depth; i++)
        if (stack[i].dev == st.st_dev && stack[i].ino == st.st_ino) {
            report(w, path, EVG_EIO, "symbolic link loop; skipped");
            return 0;
        }
    stack[depth + 1].dev = st.st_dev;
    stack[depth + 1].ino = st.st_ino;
    return collect(w, out, path, stack, depth + 1);
}

/*
 * Collect the *.txt files under `dir`. `stack` holds the directories on the
 * current path (device, inode) so that a symlink loop is reported, not followed.
 */
static int collect(walker *w, pathlist *out, const char *dir, dir_key *stack,
                   size_t depth)
{
    DIR *d;
    struct dirent *de;
    evg_i_buf p = EVG_I_BUF_INIT;
    const char *sep = dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/";
    int rc = 0;

    if (depth >= MAX_DEPTH) {
        report(w, dir, EVG_EIO, "directory nesting too deep; skipped");
        return 0;
    }
    if ((d = opendir(dir)) == NULL) {
        report(w, dir, EVG_EIO, "cannot open directory: %s", strerror(errno));
        return 0;
    }
    while (rc == 0) {
        errno = 0;
        if ((de = readdir(d)) == NULL) {
            if (errno != 0)
                report(w, dir, EVG_EIO, "cannot list directory: %s", strerror(errno));
            break;
        }
        if (de->d_name[0] == '.')
            continue; /* ".", "..", and hidden files */
        evg_i_buf_clear(&p);
        if (evg_i_buf_printf(&p, "%s%s%s", dir, sep, de->d_name) < 0)
            rc = EVG_ENOMEM;
        else
            rc = visit(w, out, p.ptr, de, stack, depth);
    }
    closedir(d);
    evg_i_buf_free(&p);
    return rc;
}

static int expand(walker *w, pathlist *out, const char *path)
{
    struct stat st;
    dir_key stack[MAX_DEPTH + 1];
    pathlist found = {NULL, 0, 0};
    int rc;

    size_t root = strlen(path) + (path[0] && path[strlen(path) - 1] == '/' ? 0 : 1);

    if (strcmp(path, "-") == 0)
        return list_add(out, path) < 0 ? EVG_ENOMEM : give_id(&out->v[out->n - 1], 0);
    if (stat(path, &st) != 0) {
        report(w, path, EVG_EIO, "cannot read: %s", strerror(errno));
        return 0;
    }
    if (!S_ISDIR(st.st_mode)) {
        w->bytes += S_ISREG(st.st_mode) ? (size_t)st.st_size : 0;
        /* a file named explicitly is read whatever its suffix */
        return list_add(out, path) < 0 ? EVG_ENOMEM : give_id(&out->v[out->n - 1], 0);
    }
    stack[0].dev = st.st_dev;
    stack[0].ino = st.st_ino;
    rc = collect(w, &found, path, stack, 0);
    for (size_t i = 0; rc == 0 && i < found.n; i++)
        rc = give_id(&found.v[i], root);
    if (rc == 0 && found.n > 0) {
        qsort(found.v, found.n, sizeof(*found.v), cmp_path);
        size_t need = out->n + found.n;
        if (evg_i_grow((void **)&out->v, &out->cap, need, sizeof(*out->v)) < 0) {
            rc = EVG_ENOMEM;
        } else { /* the strings move to `out` */
            memcpy(out->v + out->n, found.v, found.n * sizeof(*found.v));
            out->n += found.n;
            found.n = 0;
        }
    }
    list_free(&found);
    return rc;
}

/*
 * An input that could not be opened or broke off once the reading began:
 * a job in its place, so that it is reported in input order.
 */
static int fail_job(evg_i_job_fn fn, void *payload, const char *src, const char *fmt, ...)
    EVG_PRINTF(4, 5);
static int fail_job(evg_i_job_fn fn, void *payload, const char *src, const char *fmt, ...)
{
    evg_i_job job;
    va_list ap;

    memset(&job, 0, sizeof job);
    job.kind = EVG_I_JOB_FAILED;
    job.src = src;
    job.failed.code = EVG_EIO;
    snprintf(job.failed.source, sizeof job.failed.source, "%s", src);
    va_start(ap, fmt);
    vsnprintf(job.failed.text, sizeof job.failed.text, fmt, ap);
    va_end(ap);
    return fn(&job, payload);
}

/* JSON Lines of articles from a file, or from standard input already begun. */
static int jsonl_jobs(const char *path, const char *id, FILE *f, evg_i_job_fn fn,
                      void *payload, evg_error *err)
{
    evg_error e;
    int rc;

    if (f == NULL && (f = fopen(path, "rb")) == NULL)
        return fail_job(fn, payload, path, "cannot open: %s", strerror(errno));
    memset(&e, 0, sizeof e);
    rc = evg_i_jsonl_lines(f, evg_i_display_name(path), id, fn, payload, &e);
    if (f != stdin)
        fclose(f);
    if (rc == EVG_EIO) /* a file that breaks off is one failed input, not the end */
        return fail_job(fn, payload, path, "%s", e.text);
    if (rc < 0 && err)
        *err = e;
    return rc;
}

/* Standard input holds JSON Lines when its first non-blank byte is '{'. */
static int stdin_is_jsonl(void)
{
    int c;
    while ((c = getc(stdin)) == ' ' || c == '\t' || c == '\r' || c == '\n')
        ;
    if (c != EOF)
        ungetc(c, stdin);
    return c == '{';
}

/* One article on standard input: read here, for no two jobs may share the stream. */
static int stdin_job(evg_i_job_fn fn, void *payload, evg_error *err)
{
    evg_i_buf text = EVG_I_BUF_INIT;
    evg_i_job job;
    int rc;

    memset(&job, 0, sizeof job);
    rc = evg_i_read_file(&text, "-", &job.failed);
    if (rc == EVG_ENOMEM) {
        rc = evg_i_error_nomem(err);
    } else {
        job.kind = rc < 0 ? EVG_I_JOB_FAILED : EVG_I_JOB_FILE;
        job.src = "-";
        job.text = text.ptr ? text.ptr : "";
        job.len = text.len;
        rc = fn(&job, payload);
    }
    evg_i_buf_free(&text);
    return rc;
}

/* The jobs of one input file: the file itself, or each line of JSON Lines. */
static int input_jobs(const evg_i_input *in, evg_i_job_fn fn, void *payload,
                      evg_error *err)
{
    evg_i_job job;

    if (strcmp(in->path, "-") == 0)
        return stdin_is_jsonl() ? jsonl_jobs(in->path, NULL, stdin, fn, payload, err)
                                : stdin_job(fn, payload, err);
    if (is_jsonl(in->path))
        return jsonl_jobs(in->path, in->id, NULL, fn, payload, err);
    memset(&job, 0, sizeof job);
    job.kind = EVG_I_JOB_FILE;
    job.src = in->path;
    job.id = in->id;
    return fn(&job, payload);
}

int evg_i_ingest_jobs(size_t *failed_out, const char *const *paths, size_t npaths,
                      const evg_ingest_opts *opts, evg_i_job_fn fn, void *payload,
                      evg_error *err)
{
    walker w = {opts, 0, 0, 0, 0, 0};
    pathlist files = {NULL, 0, 0};
    struct stat st;
    int rc = 0;

    if (opts && opts->version >= 2 && opts->skip && stat(opts->skip, &st) == 0) {
        w.skipping = 1;
        w.skip_dev = st.st_dev;
        w.skip_ino = st.st_ino;
    }

    for (size_t i = 0; rc == 0 && i < npaths; i++)
        rc = expand(&w, &files, paths[i]);
    if (rc == 0)
        rc = evg_i_unique_ids(files.v, files.n);
    if (rc < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    if (opts && opts->on_total)
        opts->on_total(w.bytes, opts->diag_payload);
    for (size_t i = 0; rc == 0 && i < files.n; i++)
        rc = input_jobs(&files.v[i], fn, payload, err);
cleanup:
    list_free(&files);
    if (failed_out)
        *failed_out = w.failed;
    return rc;
}

int evg_ingest_paths(size_t *failed_out, const char *const *paths, size_t npaths,
                     const evg_ingest_opts *opts, evg_article_fn fn, void *payload,
                     evg_error *err)
{
    size_t walk_failed = 0, read_failed = 0;
    evg_i_job_runner r = {opts, &read_failed, fn, payload, err};
    int rc = evg_i_ingest_jobs(&walk_failed, paths, npaths, opts, evg_i_job_run, &r, err);

    if (failed_out)
        *failed_out = walk_failed + read_failed;
    return rc;
}
