/*
 * Document ids of the inputs: unique per input path, so that two articles of
 * the same file name in different folders never become one document (the
 * graph keeps one record per id). docs/events.md states the rule.
 */
#include <stdlib.h>
#include <string.h>

#include "ingest/ingest_internal.h"
#include "util/buf.h"

/* Append `path` without the extension of its file name (a dot, not the name's first). */
static int put_stem(evg_i_buf *out, const char *path)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');

    if (dot == NULL || dot == base)
        return evg_i_buf_puts(out, path);
    return evg_i_buf_put(out, path, (size_t)(dot - path));
}

int evg_i_walk_id(evg_i_buf *out, const char *path, size_t root)
{
    size_t n = strlen(path);

    path += root < n ? root : n;
    while (*path == '/')
        path++;
    return put_stem(out, path);
}

/* `p` without leading "./": "./feedA/x.txt" and "feedA/x.txt" are one input. */
static const char *plain(const char *p)
{
    while (p[0] == '.' && p[1] == '/')
        for (p += 2; *p == '/'; p++)
            ;
    return p;
}

static int is_jsonl(const char *path)
{
    size_t n = strlen(path);

    return (n > 6 && strcmp(path + n - 6, ".jsonl") == 0) ||
           (n > 7 && strcmp(path + n - 7, ".ndjson") == 0);
}

/* Inputs by kind, id, then path: the inputs that share an id stand together. */
static int by_id(const void *a, const void *b)
{
    const evg_i_input *x = *(evg_i_input *const *)a, *y = *(evg_i_input *const *)b;
    int c = is_jsonl(x->path) - is_jsonl(y->path);

    if (c == 0)
        c = strcmp(x->id, y->id);
    return c ? c : strcmp(x->path, y->path);
}

/* Whether the inputs v[i..j) (of one id) are not all the same path. */
static int several(evg_i_input *const *v, size_t i, size_t j)
{
    for (size_t k = i + 1; k < j; k++)
        if (strcmp(plain(v[k]->path), plain(v[i]->path)) != 0)
            return 1;
    return 0;
}

/*
 * Rename, in `v` sorted by id, every input of an id that two different paths
 * share: by the plain path without extension (`whole` 0) or with it. Sets
 * `*renamed` when any was. Returns 0 or EVG_ENOMEM.
 */
static int rename_shared(evg_i_input **v, size_t n, int whole, int *renamed)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    int rc = 0;

    qsort(v, n, sizeof(*v), by_id);
    for (size_t i = 0, j; rc == 0 && i < n; i = j) {
        for (j = i + 1; j < n && is_jsonl(v[j]->path) == is_jsonl(v[i]->path) &&
                        strcmp(v[j]->id, v[i]->id) == 0;
             j++)
            ;
        if (!several(v, i, j))
            continue;
        for (size_t k = i; rc == 0 && k < j; k++) {
            char *id;
            if (strcmp(v[k]->path, "-") == 0)
                continue; /* standard input is "stdin" */
            evg_i_buf_clear(&b);
            rc = whole ? evg_i_buf_puts(&b, plain(v[k]->path))
                       : put_stem(&b, plain(v[k]->path));
            if (rc == 0 && (id = evg_i_strdup(b.ptr ? b.ptr : "")) == NULL)
                rc = EVG_ENOMEM;
            if (rc == 0) {
                free(v[k]->id);
                v[k]->id = id;
                *renamed = 1;
            }
        }
    }
    evg_i_buf_free(&b);
    return rc;
}

int evg_i_unique_ids(evg_i_input *in, size_t n)
{
    evg_i_input **v = NULL;
    int rc = 0, renamed = 0;

    if (n < 2)
        return 0;
    if ((v = malloc(n * sizeof(*v))) == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < n; i++)
        v[i] = &in[i];
    rc = rename_shared(v, n, 0, &renamed);
    if (rc == 0 && renamed)
        rc = rename_shared(v, n, 1, &renamed);
    free(v);
    return rc;
}
