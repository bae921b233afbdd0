/*
 * What a query reads: the JSON Lines that `evgraph extract` wrote, merged
 * into the full graph exactly as `evgraph build` merges them, or one GraphML
 * file that evgraph wrote, read back (graph/graphml_read.c). Either way the
 * questions are answered from the same full graph.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "graph/views.h"
#include "query/query_internal.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_query_load_opts_init, evg_query_load_opts,
                   EVG_QUERY_LOAD_OPTS_VERSION, EVG_QUERY_LOAD_OPTS_INIT)

typedef struct {
    char **v;
    size_t n, cap;
} path_list;

/* Take `p` (NULL: out of memory) into the list. */
static int push(path_list *l, char *p)
{
    if (p == NULL || evg_i_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0) {
        free(p);
        return EVG_ENOMEM;
    }
    l->v[l->n++] = p;
    return 0;
}

static void path_list_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    evg_i_buf b = EVG_I_BUF_INIT;

    if (evg_i_buf_printf(&b, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name) < 0)
        return NULL;
    return evg_i_buf_detach(&b);
}

/* The *.jsonl files of `dir` (not hidden), in byte order: 0, EVG_EIO or EVG_ENOMEM. */
static int list_folder(path_list *out, const char *dir, evg_error *err)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    size_t first = out->n;
    int rc = 0;

    if (d == NULL)
        return evg_i_error_set(err, EVG_EIO, dir, 0, 0, "cannot read folder: %s",
                               strerror(errno));
    while (rc == 0 && (ent = readdir(d)) != NULL) {
        size_t n = strlen(ent->d_name);
        if (ent->d_name[0] == '.' || n <= 6 || strcmp(ent->d_name + n - 6, ".jsonl") != 0)
            continue;
        rc = push(out, join(dir, ent->d_name));
    }
    closedir(d);
    if (out->n > first)
        qsort(out->v + first, out->n - first, sizeof(*out->v), by_name);
    return rc == EVG_ENOMEM ? evg_i_error_nomem(err) : rc;
}

/* GraphML: named *.graphml, or a file whose first non-blank byte is '<'. */
static int is_graphml(const char *path)
{
    size_t n = strlen(path);
    FILE *f;
    int c = EOF;

    if (strcmp(path, "-") == 0)
        return 0;
    if (n >= 8 && strcasecmp(path + n - 8, ".graphml") == 0)
        return 1;
    if ((f = fopen(path, "rb")) == NULL)
        return 0; /* reading it as JSON Lines says why it cannot be read */
    for (int i = 0; i < 4096 && (c = getc(f)) != EOF; i++)
        if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != 0xEF && c != 0xBB &&
            c != 0xBF) /* blanks and a BOM */
            break;
    fclose(f);
    return c == '<';
}

static void report(const evg_query_load_opts *o, evg_error *e, size_t *failed)
{
    evg_i_diag(o->on_diag, o->diag_payload, EVG_SEV_ERROR, e);
    (*failed)++;
}

/* Every source, folders listed: into `files`; unreadable folders reported. */
static int expand(path_list *files, size_t *graphml, const char *const *src, size_t n,
                  const evg_query_load_opts *o, size_t *failed, evg_error *err)
{
    struct stat st;
    int rc = 0;

    for (size_t i = 0; i < n && rc == 0; i++) {
        evg_error e;
        memset(&e, 0, sizeof e);
        if (strcmp(src[i], "-") != 0 && stat(src[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t before = files->n;
            if ((rc = list_folder(files, src[i], &e)) == 0 && files->n == before) {
                evg_i_error_set(&e, EVG_EIO, src[i], 0, 0,
                                "no *.jsonl file in this folder");
                rc = EVG_EIO;
            }
            if (rc == EVG_EIO) {
                report(o, &e, failed);
                rc = 0;
            } else if (rc < 0) {
                rc = evg_i_error_nomem(err);
            }
            continue;
        }
        *graphml += (size_t)is_graphml(src[i]);
        if ((rc = push(files, evg_i_strdup(src[i]))) < 0)
            rc = evg_i_error_nomem(err);
    }
    return rc;
}

/* The graph of a GraphML file, and the scores written with it (NULL when none were). */
static int load_graphml(evg_graph **out, evg_scores **scores_out, const char *path,
                        evg_error *err)
{
    FILE *f = fopen(path, "rb");
    evg_graph *g = NULL;
    int rc;

    *out = NULL;
    if (f == NULL)
        return evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot open: %s",
                               strerror(errno));
    rc = evg_i_graphml_read(&g, scores_out, f, path, err);
    fclose(f);
    if (rc == 0 && evg_graph_view(g) != EVG_VIEW_FULL) {
        rc = evg_i_error_set(err, EVG_EINVAL, path, 0, 0,
                             "a graph of the %s view; queries need the full graph "
                             "('evgraph build' without --view, or the graph.graphml "
                             "of 'evgraph run'), or the events",
                             evg_view_name(evg_graph_view(g)));
        evg_graph_free(g);
        g = NULL;
        evg_scores_free(*scores_out);
        *scores_out = NULL;
    }
    *out = g;
    return rc;
}

/* The JSON Lines of `files` into one full graph, as `evgraph build` does. */
static int load_events(evg_graph **out, const path_list *files,
                       const evg_query_load_opts *o, size_t *failed, evg_error *err)
{
    evg_read_opts ro = EVG_READ_OPTS_INIT;
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_corpus *c = NULL;
    int rc = 0;

    *out = NULL;
    ro.on_diag = o->on_diag;
    ro.diag_payload = o->diag_payload;
    bo.aliases = o->aliases;
    EVG_CHECK(evg_corpus_new(&c, err));
    for (size_t i = 0; i < files->n; i++) {
        evg_error e;
        size_t bad = 0;
        memset(&e, 0, sizeof e);
        rc = evg_corpus_read_events(&bad, c, files->v[i], &ro, &e);
        *failed += bad;
        if (rc == EVG_ENOMEM)
            goto cleanup;
        if (rc < 0)
            report(o, &e, failed);
        rc = 0;
    }
    if (evg_corpus_doc_count(c) == 0 && *failed > 0) {
        rc = evg_i_error_set(err, EVG_EIO, NULL, 0, 0, "no source could be read");
        goto cleanup;
    }
    rc = evg_graph_build(out, c, &bo, err);
cleanup:
    if (rc == EVG_ENOMEM)
        evg_i_error_nomem(err);
    evg_corpus_free(c);
    return rc;
}

int evg_query_load(evg_query **out, size_t *failed_out, const char *const *sources,
                   size_t n, const evg_query_load_opts *opts, evg_error *err)
{
    evg_query_load_opts o = EVG_QUERY_LOAD_OPTS_INIT;
    path_list files = {NULL, 0, 0};
    evg_graph *g = NULL;
    evg_scores *scores = NULL;
    size_t graphml = 0, failed = 0;
    int rc = 0;

    *out = NULL;
    if (opts && (opts->version < 1 || opts->version > EVG_QUERY_LOAD_OPTS_VERSION))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unsupported load options");
    if (opts && opts->version == 1) { /* version 1 ends before betweenness_cutoff */
        o.aliases = opts->aliases;
        o.on_diag = opts->on_diag;
        o.diag_payload = opts->diag_payload;
    } else if (opts) {
        o = *opts;
    }
    if (!(o.betweenness_cutoff <= 0 || isfinite(o.betweenness_cutoff)))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "the cutoff must be finite");
    if (n == 0)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no source to read");
    EVG_CHECK(expand(&files, &graphml, sources, n, &o, &failed, err));
    if (graphml && files.n > 1) {
        rc = evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                             "a GraphML file must be the only source");
        goto cleanup;
    }
    if (graphml && o.aliases) {
        rc = evg_i_error_set(
            err, EVG_EINVAL, files.v[0], 0, 0,
            "aliases apply to events: a GraphML was merged when it was built");
        goto cleanup;
    }
    if (graphml)
        EVG_CHECK(load_graphml(&g, &scores, files.v[0], err));
    else
        EVG_CHECK(load_events(&g, &files, &o, &failed, err));
    EVG_CHECK(evg_query_new(out, g, err));
    g = NULL; /* taken */
    (*out)->from_graphml = graphml > 0;
    if (graphml) {
        /*
         * Scoring is the slow part of `top`: the file has the scores of the full
         * graph, and says which measures its maker chose (--measures).
         */
        (*out)->measures = evg_scores_measures(scores);
        if (((*out)->source = evg_i_strdup(files.v[0])) == NULL) {
            evg_query_free(*out);
            *out = NULL;
            rc = evg_i_error_nomem(err);
            goto cleanup;
        }
    }
    /* The cutoff asked for, else the one the file's own scores were computed with. */
    (*out)->cutoff_given = o.betweenness_cutoff > 0;
    (*out)->cutoff =
        o.betweenness_cutoff > 0 ? o.betweenness_cutoff : evg_scores_cutoff(scores);
    (*out)->scores[0] = scores;
    scores = NULL;
    if (!graphml) {
        evg_graph_stats st;
        evg_graph_get_stats(&st, evg_query_graph(*out));
        (*out)->docs_read = st.documents;
    }
cleanup:
    if (failed_out)
        *failed_out = failed;
    evg_scores_free(scores);
    evg_graph_free(g);
    path_list_free(&files);
    return rc;
}
