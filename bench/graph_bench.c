/*
 * graph_bench: how long each step of a graph takes, for bench/run.
 *
 *   graph_bench events EVENTS.jsonl [--view VIEW] [--cutoff N] [--jobs N]
 *       read the events (on N threads), build the view (communities
 *       included), then time communities again and each centrality measure
 *       on its own;
 *   graph_bench build EVENTS.jsonl [--view VIEW] [--jobs N]
 *       only read and build (for profiling them);
 *   graph_bench read EVENTS.jsonl [--jobs N]
 *       only read;
 *   graph_bench graphml GRAPH.graphml [--cutoff N]
 *       load a full-view GraphML that evgraph wrote, then PageRank and
 *       betweenness: the same work as bench/nx_bench.py does with NetworkX.
 *
 * Prints one "step seconds" line per step (CPU seconds: user + system; the
 * read also as wall seconds, "read_wall", since it may use threads), then
 * the peak resident memory.
 * The measures are computed as evg_scores_compute() does (the same igraph
 * calls), one at a time so that each can be timed.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "analysis/analysis_internal.h"
#include "evgraph.h"
#include "graph/graph_impl.h"

typedef struct {
    const char *mode, *input, *view;
    double cutoff;
    unsigned jobs;
} bench_args;

/*
 * The CPU time of the process: the machine may be busy with other work, and
 * every step here runs on one thread, so CPU time is what a step costs.
 */
static double now(void)
{
    struct timespec t;

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static double wall(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void step(const char *name, double start)
{
    printf("%-12s %.3f\n", name, now() - start);
    fflush(stdout);
}

static int fail(const evg_error *e)
{
    char buf[512];

    evg_error_format(buf, sizeof buf, e);
    fprintf(stderr, "graph_bench: %s\n", buf);
    return 1;
}

/* The communities again, timed: build computed them already. */
static int time_communities(const evg_graph *g, evg_error *e)
{
    igraph_vector_t w;
    long *out = calloc(evg_graph_vertex_count(g) + 1, sizeof(*out));
    double t = now();
    int rc;

    if (out == NULL ||
        igraph_vector_init(&w, (igraph_integer_t)evg_graph_edge_count(g))) {
        free(out);
        return evg_i_error_nomem(e);
    }
    for (size_t i = 0; i < evg_graph_edge_count(g); i++)
        VECTOR(w)[i] = evg_graph_edge_weight(g, i);
    rc = evg_i_communities(out, evg_i_graph_igraph(g), &w, e);
    step("communities", t);
    igraph_vector_destroy(&w);
    free(out);
    return rc;
}

/* Each of `n` measures of `g`, timed; their total. */
static int time_measures(const evg_graph *g, const evg_measure *m, size_t n,
                         double cutoff, evg_error *e)
{
    evg_analysis_opts o = EVG_ANALYSIS_OPTS_INIT;
    evg_scores *s = NULL;
    double total = now();
    int rc;

    o.betweenness_cutoff = cutoff;
    if ((rc = evg_i_scores_new(&s, evg_graph_vertex_count(g), e)) < 0)
        return rc;
    for (size_t i = 0; i < n && rc == 0; i++) {
        double t = now();
        if ((rc = evg_i_scores_measure(s, g, m[i], &o, e)) == 0)
            step(evg_measure_name(m[i]), t);
    }
    if (rc == 0)
        step("measures", total);
    evg_scores_free(s);
    return rc;
}

static int bench_events(const bench_args *a, evg_error *e)
{
    static const evg_measure ALL[] = {EVG_M_DEGREE,      EVG_M_STRENGTH,
                                      EVG_M_BETWEENNESS, EVG_M_CLOSENESS,
                                      EVG_M_EIGENVECTOR, EVG_M_PAGERANK};
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_read_opts ro = EVG_READ_OPTS_INIT;
    evg_corpus *c = NULL;
    evg_graph *g = NULL;
    size_t bad = 0;
    double t = now(), w = wall();
    int rc;

    ro.threads = a->jobs;
    if ((rc = evg_view_from_name(&bo.view, a->view)) < 0) {
        fprintf(stderr, "graph_bench: unknown view '%s'\n", a->view);
        return rc;
    }
    if ((rc = evg_corpus_new(&c, e)) < 0 ||
        (rc = evg_corpus_read_events(&bad, c, a->input, &ro, e)) < 0)
        goto cleanup;
    step("read", t);
    printf("%-12s %.3f\n", "read_wall", wall() - w);
    if (strcmp(a->mode, "read") == 0)
        goto cleanup;
    t = now();
    if ((rc = evg_graph_build(&g, c, &bo, e)) < 0)
        goto cleanup;
    step("build", t);
    printf("vertices     %zu\nedges        %zu\n", evg_graph_vertex_count(g),
           evg_graph_edge_count(g));
    if (strcmp(a->mode, "build") == 0)
        goto cleanup;
    if ((rc = time_communities(g, e)) == 0)
        rc = time_measures(g, ALL, sizeof ALL / sizeof ALL[0], a->cutoff, e);
cleanup:
    evg_graph_free(g);
    evg_corpus_free(c);
    return rc;
}

static int bench_graphml(const bench_args *a, evg_error *e)
{
    static const evg_measure TWO[] = {EVG_M_PAGERANK, EVG_M_BETWEENNESS};
    evg_query *q = NULL;
    const char *src[] = {a->input};
    double t = now();
    int rc;

    if ((rc = evg_query_load(&q, NULL, src, 1, NULL, e)) < 0)
        return rc;
    step("load", t);
    printf("vertices     %zu\nedges        %zu\n",
           evg_graph_vertex_count(evg_query_graph(q)),
           evg_graph_edge_count(evg_query_graph(q)));
    rc = time_measures(evg_query_graph(q), TWO, 2, a->cutoff, e);
    if (rc == 0)
        step("total", t);
    evg_query_free(q);
    return rc;
}

static int parse_args(bench_args *a, int argc, char **argv)
{
    char *end;

    if (argc < 3 || (strcmp(argv[1], "events") != 0 && strcmp(argv[1], "build") != 0 &&
                     strcmp(argv[1], "read") != 0 && strcmp(argv[1], "graphml") != 0))
        return -1;
    a->mode = argv[1];
    a->input = argv[2];
    a->view = "full";
    a->cutoff = 0;
    a->jobs = 1;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--view") == 0)
            a->view = argv[i + 1];
        else if (strcmp(argv[i], "--cutoff") == 0) {
            a->cutoff = strtod(argv[i + 1], &end);
            if (end == argv[i + 1] || *end)
                return -1;
        } else if (strcmp(argv[i], "--jobs") == 0) {
            a->jobs = (unsigned)strtoul(argv[i + 1], &end, 10);
            if (end == argv[i + 1] || *end || a->jobs == 0)
                return -1;
        } else
            return -1;
    }
    return argc % 2 == 1 ? 0 : -1;
}

int main(int argc, char **argv)
{
    bench_args a;
    evg_error e;
    struct rusage ru;
    int rc;

    memset(&e, 0, sizeof e);
    if (parse_args(&a, argc, argv) < 0) {
        fprintf(stderr, "usage: graph_bench events EVENTS.jsonl [--view VIEW] [--cutoff "
                        "N] [--jobs N]\n"
                        "       graph_bench build EVENTS.jsonl [--view VIEW] [--jobs N]\n"
                        "       graph_bench read EVENTS.jsonl [--jobs N]\n"
                        "       graph_bench graphml GRAPH.graphml [--cutoff N]\n");
        return 2;
    }
    if (evg_global_init() < 0)
        return 1;
    rc = strcmp(a.mode, "graphml") == 0 ? bench_graphml(&a, &e) : bench_events(&a, &e);
    if (rc < 0)
        return fail(&e);
    getrusage(RUSAGE_SELF, &ru);
    printf("peak_rss_kb  %ld\n", ru.ru_maxrss);
    return 0;
}
