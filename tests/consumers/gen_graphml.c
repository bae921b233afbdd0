/*
 * gen_graphml EVENTS.jsonl OUTDIR: build both views of the events, compute
 * centrality and write OUTDIR/full.graphml, OUTDIR/people.graphml, and the
 * two views of an empty corpus, for the consumer checks. Uses the public API
 * only, as a program outside the library would.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <evgraph.h>

static int fail(const char *what, const evg_error *err)
{
    char buf[512];
    fprintf(stderr, "gen_graphml: %s: %s\n", what,
            evg_error_format(buf, sizeof buf, err));
    return 1;
}

static int write_view(const evg_corpus *c, evg_view view, const char *dir,
                      const char *name)
{
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_graph *g = NULL;
    evg_scores *s = NULL;
    evg_error err;
    char path[4096];
    int rc = 1;

    bo.view = view;
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (evg_graph_build(&g, c, &bo, &err) < 0)
        rc = fail("build", &err);
    else if (evg_scores_compute(&s, g, NULL, &err) < 0)
        rc = fail("centrality", &err);
    else if (evg_export_file(path, g, s, NULL, &err) < 0)
        rc = fail("export", &err);
    else {
        printf("%s: %zu nodes, %zu edges\n", path, evg_graph_vertex_count(g),
               evg_graph_edge_count(g));
        rc = 0;
    }
    evg_scores_free(s);
    evg_graph_free(g);
    return rc;
}

int main(int argc, char **argv)
{
    evg_corpus *c = NULL, *empty = NULL;
    evg_error err;
    size_t failed = 0;
    int rc = 1;

    if (argc != 3) {
        fprintf(stderr, "usage: gen_graphml EVENTS.jsonl OUTDIR\n");
        return 2;
    }
    evg_global_init();
    if (mkdir(argv[2], 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "gen_graphml: %s: %s\n", argv[2], strerror(errno));
        return 1;
    }
    if (evg_corpus_new(&c, &err) < 0 || evg_corpus_new(&empty, &err) < 0)
        rc = fail("corpus", &err);
    else if (evg_corpus_read_events(&failed, c, argv[1], NULL, &err) < 0)
        rc = fail(argv[1], &err);
    else if (failed > 0)
        fprintf(stderr, "gen_graphml: %s: %zu malformed lines\n", argv[1], failed);
    else
        rc = write_view(c, EVG_VIEW_FULL, argv[2], "full.graphml") ||
             write_view(c, EVG_VIEW_PEOPLE, argv[2], "people.graphml") ||
             write_view(empty, EVG_VIEW_FULL, argv[2], "empty-full.graphml") ||
             write_view(empty, EVG_VIEW_PEOPLE, argv[2], "empty-people.graphml");
    evg_corpus_free(c);
    evg_corpus_free(empty);
    return rc;
}
