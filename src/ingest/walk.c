/* Turning the INPUT arguments (files, directories, "-") into articles. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "evgraph/ingest.h"
#include "util/buf.h"

typedef struct {
    char **paths;
    size_t n, cap;
} pathlist;

typedef struct {
    dev_t dev;
    ino_t ino;
} dir_key;

typedef struct {
    const evg_ingest_opts *opts;
    size_t failed;
} walker;

static void report(walker *w, const char *src, int code, const char *fmt, const char *arg)
{
    evg_error e;

    memset(&e, 0, sizeof e);
    e.code = (evg_status)code;
    snprintf(e.source, sizeof e.source, "%s", src);
    snprintf(e.text, sizeof e.text, fmt, arg);
    w->failed++;
    if (w->opts && w->opts->on_diag)
        w->opts->on_diag(&e, EVG_SEV_ERROR, w->opts->diag_payload);
}

static int list_add(pathlist *l, const char *p)
{
    char *c = evg_i_strdup(p);

    if (c == NULL || evg_i_grow((void **)&l->paths, &l->cap, l->n + 1, sizeof(*l->paths)) < 0) {
        free(c);
        return EVG_ENOMEM;
    }
    l->paths[l->n++] = c;
    return 0;
}

static void list_free(pathlist *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->paths[i]);
    free(l->paths);
}

static int cmp_path(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_txt_suffix(const char *name)
{
    size_t n = strlen(name);
    return n > 4 && strcmp(name + n - 4, ".txt") == 0;
}

/*
 * Collect the *.txt files under `dir`. `stack` holds the directories on the
 * current path (device, inode) so that a symlink loop is reported, not followed.
 */
static int collect(walker *w, pathlist *out, const char *dir, dir_key *stack, size_t depth)
{
    DIR *d;
    struct dirent *de;
    evg_i_buf p = EVG_I_BUF_INIT;
    int rc = 0;

    if (depth >= 64) {
        report(w, dir, EVG_EIO, "%s", "directory nesting too deep; skipped");
        return 0;
    }
    if ((d = opendir(dir)) == NULL) {
        report(w, dir, EVG_EIO, "cannot open directory: %s", strerror(errno));
        return 0;
    }
    while (rc == 0 && (de = readdir(d)) != NULL) {
        struct stat st;
        if (de->d_name[0] == '.')
            continue; /* ".", "..", and hidden files */
        evg_i_buf_clear(&p);
        if (evg_i_buf_printf(&p, "%s/%s", dir, de->d_name) < 0) {
            rc = EVG_ENOMEM;
            break;
        }
        if (stat(p.ptr, &st) != 0) {
            report(w, p.ptr, EVG_EIO, "cannot read: %s", strerror(errno));
            continue;
        }
        if (S_ISDIR(st.st_mode)) {
            size_t i;
            for (i = 0; i <= depth; i++)
                if (stack[i].dev == st.st_dev && stack[i].ino == st.st_ino)
                    break;
            if (i <= depth) {
                report(w, p.ptr, EVG_EIO, "%s", "symbolic link loop; skipped");
                continue;
            }
            stack[depth + 1].dev = st.st_dev;
            stack[depth + 1].ino = st.st_ino;
            rc = collect(w, out, p.ptr, stack, depth + 1);
        } else if (S_ISREG(st.st_mode) && has_txt_suffix(de->d_name)) {
            rc = list_add(out, p.ptr);
        }
    }
    closedir(d);
    evg_i_buf_free(&p);
    return rc;
}

static int expand(walker *w, pathlist *out, const char *path)
{
    struct stat st;
    dir_key stack[65];
    pathlist found = {NULL, 0, 0};
    int rc;

    if (strcmp(path, "-") == 0)
        return list_add(out, path);
    if (stat(path, &st) != 0) {
        report(w, path, EVG_EIO, "cannot read: %s", strerror(errno));
        return 0;
    }
    if (!S_ISDIR(st.st_mode))
        return list_add(out, path); /* a file named explicitly is read whatever its suffix */
    stack[0].dev = st.st_dev;
    stack[0].ino = st.st_ino;
    rc = collect(w, &found, path, stack, 0);
    if (rc == 0)
        qsort(found.paths, found.n, sizeof(*found.paths), cmp_path);
    for (size_t i = 0; rc == 0 && i < found.n; i++)
        rc = list_add(out, found.paths[i]);
    list_free(&found);
    return rc;
}

int evg_ingest_paths(size_t *failed_out, const char *const *paths, size_t npaths,
                     const evg_ingest_opts *opts, evg_article_fn fn, void *payload,
                     evg_error *err)
{
    walker w = {opts, 0};
    pathlist files = {NULL, 0, 0};
    int rc = 0;

    if (failed_out)
        *failed_out = 0;
    for (size_t i = 0; rc == 0 && i < npaths; i++)
        rc = expand(&w, &files, paths[i]);
    if (rc < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    for (size_t i = 0; i < files.n; i++) {
        evg_article *a = NULL;
        evg_error e;
        memset(&e, 0, sizeof e);
        rc = evg_article_read_file(&a, files.paths[i], &e);
        if (rc == EVG_ENOMEM) {
            rc = evg_i_error_nomem(err);
            goto cleanup;
        }
        if (rc < 0) {
            w.failed++;
            if (opts && opts->on_diag)
                opts->on_diag(&e, EVG_SEV_ERROR, opts->diag_payload);
            rc = 0;
            continue;
        }
        rc = fn(a, payload);
        evg_article_free(a);
        if (rc < 0)
            goto cleanup;
    }
cleanup:
    list_free(&files);
    if (failed_out)
        *failed_out = w.failed;
    return rc;
}
