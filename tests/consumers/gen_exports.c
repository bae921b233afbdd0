/*
 * gen_exports OUTDIR EVENTS.jsonl...: every view of each events file (and
 * of an empty corpus) in every format, for the consumer checks:
 * OUTDIR/<name>-<view>.graphml, .gexf (1.3), -1.2.gexf (1.2draft), .json and
 * .nodes.csv / .edges.csv, where <name> is the events file's base name.
 * Graphs of events files get scores and a layout (positions in every
 * format); the empty ones get scores only. Files of an earlier run are
 * removed first, so the folder holds exactly what this run wrote. Uses the
 * public API only, as a program outside the library would.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <evgraph.h>

static const char *const VIEWS[] = {"full", "people", "countries", "bipartite"};

static const struct {
    evg_format format;
    const char *suffix;
} FORMATS[] = {
    {EVG_FMT_GRAPHML, ".graphml"}, {EVG_FMT_GEXF, ".gexf"}, {EVG_FMT_GEXF12, "-1.2.gexf"},
    {EVG_FMT_JSON, ".json"},       {EVG_FMT_CSV, ".csv"},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static int fail(const char *what, const evg_error *err)
{
    char buf[512];
    fprintf(stderr, "gen_exports: %s: %s\n", what,
            evg_error_format(buf, sizeof buf, err));
    return 1;
}

/* Every format of one graph. */
static int write_formats(const evg_graph *g, const evg_scores *s, const evg_layout *l,
                         const char *dir, const char *base)
{
    for (size_t i = 0; i < N(FORMATS); i++) {
        evg_export_opts eo = EVG_EXPORT_OPTS_INIT;
        evg_error err;
        char path[4096];

        eo.format = FORMATS[i].format;
        eo.layout = l;
        snprintf(path, sizeof path, "%s/%s%s", dir, base, FORMATS[i].suffix);
        if (evg_export_file(path, g, s, &eo, &err) < 0)
            return fail(path, &err);
    }
    printf("%s/%s: %zu nodes, %zu edges\n", dir, base, evg_graph_vertex_count(g),
           evg_graph_edge_count(g));
    return 0;
}

/*
 * The `view` of `c` in every format, scored for the measures of `measures`
 * (those left out have no column), betweenness and closeness with `cutoff`
 * (0: exact); `tag` is added to the names of graphs scored otherwise than
 * exactly with all.
 */
static int write_view_measures(const evg_corpus *c, evg_view view, int with_layout,
                               const char *dir, const char *name, unsigned measures,
                               double cutoff, const char *tag)
{
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    evg_graph *g = NULL;
    evg_scores *s = NULL;
    evg_layout *l = NULL;
    evg_error err;
    char base[512];
    int rc = 1;

    bo.view = view;
    ao.measures = measures;
    ao.betweenness_cutoff = cutoff;
    snprintf(base, sizeof base, "%s-%s%s", name, evg_view_name(view), tag);
    if (evg_graph_build(&g, c, &bo, &err) < 0)
        rc = fail("build", &err);
    else if (evg_scores_compute(&s, g, &ao, &err) < 0)
        rc = fail("centrality", &err);
    else if (with_layout && evg_layout_compute(&l, g, NULL, &err) < 0)
        rc = fail("layout", &err);
    else
        rc = write_formats(g, s, l, dir, base);
    evg_layout_free(l);
    evg_scores_free(s);
    evg_graph_free(g);
    return rc;
}

static int write_view(const evg_corpus *c, evg_view view, int with_layout,
                      const char *dir, const char *name)
{
    return write_view_measures(c, view, with_layout, dir, name, EVG_MEASURES_ALL, 0, "");
}

static int write_views(const evg_corpus *c, int with_layout, const char *dir,
                       const char *name)
{
    for (size_t i = 0; i < N(VIEWS); i++) {
        evg_view v;
        if (evg_view_from_name(&v, VIEWS[i]) < 0) {
            fprintf(stderr, "gen_exports: unknown view %s\n", VIEWS[i]);
            return 1;
        }
        if (write_view(c, v, with_layout, dir, name) != 0)
            return 1;
    }
    return 0;
}

/* Remove what an earlier run wrote (files with the extensions written here). */
static int clear_dir(const char *dir)
{
    static const char *const exts[] = {".graphml", ".gexf", ".json", ".csv"};
    DIR *d = opendir(dir);
    struct dirent *e;

    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        for (size_t i = 0; i < N(exts); i++) {
            size_t k = strlen(exts[i]);
            char path[4096];
            if (n <= k || strcmp(e->d_name + n - k, exts[i]) != 0)
                continue;
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            unlink(path);
        }
    }
    closedir(d);
    return 0;
}

/* "dir/tricky.jsonl" -> "tricky". */
static void base_name(char *out, size_t size, const char *path)
{
    const char *b = strrchr(path, '/');
    const char *dot;

    b = b ? b + 1 : path;
    dot = strrchr(b, '.');
    snprintf(out, size, "%.*s", (int)(dot && dot != b ? (size_t)(dot - b) : strlen(b)),
             b);
}

static int write_events(const char *path, const char *dir)
{
    evg_corpus *c = NULL;
    evg_error err;
    size_t failed = 0;
    char name[256];
    int rc = 1;

    base_name(name, sizeof name, path);
    if (evg_corpus_new(&c, &err) < 0)
        rc = fail("corpus", &err);
    else if (evg_corpus_read_events(&failed, c, path, NULL, &err) < 0)
        rc = fail(path, &err);
    else if (failed > 0)
        fprintf(stderr, "gen_exports: %s: %zu malformed lines\n", path, failed);
    else if ((rc = write_views(c, 1, dir, name)) == 0 &&
             /* what `build --measures` writes for a large graph: the fast measures */
             (rc = write_view_measures(c, EVG_VIEW_FULL, 1, dir, name,
                                       EVG_MEASURES_ALL &
                                           ~(EVG_MEASURE_BIT(EVG_M_BETWEENNESS) |
                                             EVG_MEASURE_BIT(EVG_M_CLOSENESS)),
                                       0, "-fast")) == 0 &&
             /* approximate betweenness and closeness: the cutoff on the graph */
             (rc = write_view_measures(c, EVG_VIEW_PEOPLE, 1, dir, name, EVG_MEASURES_ALL,
                                       2.0, "-cutoff")) == 0)
        /* and with none: no metric columns, no size */
        rc = write_view_measures(c, EVG_VIEW_PEOPLE, 1, dir, name, 0, 0, "-nomeasures");
    evg_corpus_free(c);
    return rc;
}

int main(int argc, char **argv)
{
    evg_corpus *empty = NULL;
    evg_error err;
    int rc = 0;

    if (argc < 2) {
        fprintf(stderr, "usage: gen_exports OUTDIR EVENTS.jsonl...\n");
        return 2;
    }
    evg_global_init();
    if ((mkdir(argv[1], 0777) != 0 && errno != EEXIST) || clear_dir(argv[1]) < 0) {
        fprintf(stderr, "gen_exports: %s: %s\n", argv[1], strerror(errno));
        return 1;
    }
    for (int i = 2; i < argc && rc == 0; i++)
        rc = write_events(argv[i], argv[1]);
    if (rc == 0 && evg_corpus_new(&empty, &err) < 0)
        rc = fail("corpus", &err);
    else if (rc == 0)
        rc = write_views(empty, 0, argv[1], "empty");
    evg_corpus_free(empty);
    return rc;
}
