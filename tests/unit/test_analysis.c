/* Unit tests of src/analysis: centrality on graphs with known answers. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "analysis/analysis_internal.h"
#include "evgraph.h"

#define EPS 1e-9

/*
 * A people-view graph from a list of meetings: `pairs` holds two person
 * slugs per meeting ("a", "b"; the second may be NULL for an event of one
 * person), each pair one reported event of type `kind`.
 */
static evg_graph *people_graph(const char *const *pairs, size_t n, const char *kind)
{
    char line[8192];
    size_t len = 0;
    evg_corpus *c = NULL;
    evg_doc *d = NULL;
    evg_graph *g = NULL;
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_error err;

    len += (size_t)snprintf(line + len, sizeof line - len,
                            "{\"doc\":{\"id\":\"t\"},\"entities\":[");
    for (size_t i = 0; i < 2 * n; i++) {
        int seen = pairs[i] == NULL;
        for (size_t j = 0; j < i && !seen; j++)
            seen = pairs[j] && strcmp(pairs[i], pairs[j]) == 0;
        if (!seen)
            len += (size_t)snprintf(
                line + len, sizeof line - len,
                "%s{\"id\":\"person:%s\",\"type\":\"person\",\"name\":\"P %s\"}",
                i ? "," : "", pairs[i], pairs[i]);
    }
    len += (size_t)snprintf(line + len, sizeof line - len, "],\"events\":[");
    for (size_t i = 0; i < n; i++) {
        len += (size_t)snprintf(line + len, sizeof line - len,
                                "%s{\"id\":\"t#%zu\",\"type\":\"%s\",\"participants\":["
                                "{\"entity\":\"person:%s\"}",
                                i ? "," : "", i + 1, kind, pairs[2 * i]);
        if (pairs[2 * i + 1])
            len += (size_t)snprintf(line + len, sizeof line - len,
                                    ",{\"entity\":\"person:%s\"}", pairs[2 * i + 1]);
        len += (size_t)snprintf(line + len, sizeof line - len, "]}");
    }
    len += (size_t)snprintf(line + len, sizeof line - len, "]}");
    assert_true(len < sizeof line);
    if (evg_doc_parse_json(&d, line, len, "test", 1, &err) < 0)
        fail_msg("%s", err.text);
    assert_int_equal(evg_corpus_new(&c, &err), 0);
    assert_int_equal(evg_corpus_add_doc(c, d, &err), 0);
    o.view = EVG_VIEW_PEOPLE;
    assert_int_equal(evg_graph_build(&g, c, &o, &err), 0);
    evg_corpus_free(c);
    return g;
}

static evg_scores *scores_of(const evg_graph *g, double cutoff)
{
    evg_analysis_opts o = EVG_ANALYSIS_OPTS_INIT;
    evg_scores *s = NULL;
    evg_error err;

    o.betweenness_cutoff = cutoff;
    if (evg_scores_compute(&s, g, &o, &err) < 0)
        fail_msg("scores: %s", err.text);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    assert_int_equal(evg_scores_vertex_count(s), evg_graph_vertex_count(g));
    return s;
}

static void assert_scores(const evg_scores *s, evg_measure m, const double *want,
                          size_t n)
{
    for (size_t v = 0; v < n; v++)
        if (fabs(evg_scores_get(s, m, v) - want[v]) > 1e-6)
            fail_msg("%s of vertex %zu: %.9g, expected %.9g", evg_measure_name(m), v,
                     evg_scores_get(s, m, v), want[v]);
}

/* p1 - p2 - p3 - p4 - p5 */
static const char *const PATH[] = {"p1", "p2", "p2", "p3", "p3", "p4", "p4", "p5"};

static void test_path_graph(void **state)
{
    evg_graph *g = people_graph(PATH, 4, "meeting");
    evg_scores *s = scores_of(g, 0);
    const double deg[] = {1, 2, 2, 2, 1};
    const double btw[] = {0, 3, 4, 3, 0};
    /* Sum of 1/distance to the others, divided by n - 1 = 4. */
    const double clo[] = {
        (1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0) / 4, (1 + 1 + 1 / 2.0 + 1 / 3.0) / 4,
        (1 + 1 + 1 / 2.0 + 1 / 2.0) / 4, (1 + 1 + 1 / 2.0 + 1 / 3.0) / 4,
        (1 + 1 / 2.0 + 1 / 3.0 + 1 / 4.0) / 4};
    double pr = 0;

    (void)state;
    assert_int_equal(evg_graph_vertex_count(g), 5);
    assert_string_equal(evg_graph_vertex_id(g, 0), "person:p1");
    assert_scores(s, EVG_M_DEGREE, deg, 5);
    assert_scores(s, EVG_M_STRENGTH, deg, 5);
    assert_scores(s, EVG_M_BETWEENNESS, btw, 5);
    assert_scores(s, EVG_M_CLOSENESS, clo, 5);
    /* Eigenvector: scaled so the centre is 1, symmetric, ends lowest. */
    assert_true(fabs(evg_scores_get(s, EVG_M_EIGENVECTOR, 2) - 1.0) < EPS);
    assert_true(fabs(evg_scores_get(s, EVG_M_EIGENVECTOR, 0) -
                     evg_scores_get(s, EVG_M_EIGENVECTOR, 4)) < 1e-6);
    /* The path's eigenvector is (1/2, sqrt(3)/2, 1, ...) scaled. */
    assert_true(fabs(evg_scores_get(s, EVG_M_EIGENVECTOR, 0) - 0.5) < 1e-6);
    assert_true(fabs(evg_scores_get(s, EVG_M_EIGENVECTOR, 1) - sqrt(3) / 2) < 1e-6);
    for (size_t v = 0; v < 5; v++)
        pr += evg_scores_get(s, EVG_M_PAGERANK, v);
    assert_true(fabs(pr - 1.0) < 1e-9);
    assert_true(evg_scores_get(s, EVG_M_PAGERANK, 2) >
                evg_scores_get(s, EVG_M_PAGERANK, 0));
    /* Out of range reads are 0, not a crash. */
    assert_true(evg_scores_get(s, EVG_M_DEGREE, 5) == 0.0);
    assert_true(evg_scores_get(s, EVG_M__COUNT, 0) == 0.0);
    evg_scores_free(s);
    evg_graph_free(g);
}

static void test_betweenness_cutoff(void **state)
{
    evg_graph *g = people_graph(PATH, 4, "meeting");
    evg_scores *s = scores_of(g, 1.5), *t = scores_of(g, 2.5);
    const double none[] = {0, 0, 0, 0, 0}, two[] = {0, 1, 1, 1, 0};

    (void)state;
    assert_scores(s, EVG_M_BETWEENNESS, none, 5); /* no path of length 2 counted */
    assert_scores(t, EVG_M_BETWEENNESS, two, 5);  /* only paths up to length 2 */
    /* The scores say they are approximate, and with which cutoff. */
    assert_true(evg_scores_cutoff(s) == 1.5);
    assert_true(evg_scores_cutoff(t) == 2.5);
    evg_scores_free(s);
    evg_scores_free(t);
    evg_graph_free(g);
}

/* The cutoff is that of betweenness and closeness: 0 when exact or not computed. */
static void test_cutoff_only_with_path_measures(void **state)
{
    evg_graph *g = people_graph(PATH, 4, "meeting");
    evg_analysis_opts o = EVG_ANALYSIS_OPTS_INIT;
    evg_scores *exact = scores_of(g, 0), *fast = NULL, *clo = NULL;
    evg_error err;

    (void)state;
    assert_true(evg_scores_cutoff(exact) == 0.0);
    assert_true(evg_scores_cutoff(NULL) == 0.0);
    o.betweenness_cutoff = 2.5;
    o.measures = EVG_MEASURE_BIT(EVG_M_DEGREE) | EVG_MEASURE_BIT(EVG_M_PAGERANK);
    assert_int_equal(evg_scores_compute(&fast, g, &o, &err), 0);
    assert_true(evg_scores_cutoff(fast) == 0.0); /* nothing it applies to */
    o.measures = EVG_MEASURE_BIT(EVG_M_CLOSENESS);
    assert_int_equal(evg_scores_compute(&clo, g, &o, &err), 0);
    assert_true(evg_scores_cutoff(clo) == 2.5);
    evg_scores_free(exact);
    evg_scores_free(fast);
    evg_scores_free(clo);
    evg_graph_free(g);
}

static void test_weights_are_tie_strength(void **state)
{
    /* a-b and b-c met three times, a-c once: the short way from a to c is via b. */
    const char *const pairs[] = {"a", "b", "a", "b", "a", "b", "b",
                                 "c", "b", "c", "b", "c", "a", "c"};
    evg_graph *g = people_graph(pairs, 7, "meeting");
    evg_scores *s = scores_of(g, 0);
    const double btw[] = {0, 1, 0}, str[] = {4, 6, 4}, deg[] = {2, 2, 2};

    (void)state;
    assert_int_equal(evg_graph_edge_count(g), 3);
    assert_scores(s, EVG_M_BETWEENNESS, btw, 3);
    assert_scores(s, EVG_M_STRENGTH, str, 3);
    assert_scores(s, EVG_M_DEGREE, deg, 3);
    assert_true(evg_scores_get(s, EVG_M_PAGERANK, 1) >
                evg_scores_get(s, EVG_M_PAGERANK, 0));
    evg_scores_free(s);
    evg_graph_free(g);
}

static void test_graph_without_edges(void **state)
{
    /* Two people who only phoned: two isolated vertices. */
    const char *const pairs[] = {"a", "b"};
    evg_graph *g = people_graph(pairs, 1, "call");
    evg_scores *s = scores_of(g, 0);
    const double zero[] = {0, 0}, half[] = {0.5, 0.5};

    (void)state;
    assert_int_equal(evg_graph_vertex_count(g), 2);
    assert_int_equal(evg_graph_edge_count(g), 0);
    for (int m = EVG_M_DEGREE; m <= EVG_M_EIGENVECTOR; m++)
        assert_scores(s, (evg_measure)m, zero, 2);
    assert_scores(s, EVG_M_PAGERANK, half, 2);
    evg_scores_free(s);
    evg_graph_free(g);
}

static void test_single_vertex_and_empty(void **state)
{
    const char *const pairs[] = {"a", NULL}; /* one person visiting a place */
    evg_graph *g = people_graph(pairs, 1, "visit"), *e = NULL;
    evg_scores *s = scores_of(g, 0), *t;
    evg_corpus *c = NULL;
    evg_error err;
    size_t top[4];

    (void)state;
    assert_int_equal(evg_graph_vertex_count(g), 1);
    assert_true(evg_scores_get(s, EVG_M_CLOSENESS, 0) == 0.0); /* not NaN */
    assert_true(fabs(evg_scores_get(s, EVG_M_PAGERANK, 0) - 1.0) < EPS);
    assert_int_equal(evg_corpus_new(&c, &err), 0);
    assert_int_equal(evg_graph_build(&e, c, NULL, &err), 0);
    t = scores_of(e, 0);
    assert_int_equal(evg_scores_vertex_count(t), 0);
    assert_int_equal(evg_scores_top(top, 4, t, e, EVG_M_DEGREE, -1), 0);
    evg_scores_free(t);
    evg_graph_free(e);
    evg_corpus_free(c);
    evg_scores_free(s);
    evg_graph_free(g);
}

static void test_top(void **state)
{
    /* A star around "hub" plus one pair: ties broken by id. */
    const char *const pairs[] = {"hub", "c", "hub", "a", "hub", "b", "x", "y"};
    evg_graph *g = people_graph(pairs, 4, "meeting");
    evg_scores *s = scores_of(g, 0);
    size_t top[10];
    size_t n = evg_scores_top(top, 10, s, g, EVG_M_DEGREE, EVG_NODE_PERSON);

    (void)state;
    assert_int_equal(n, 6);
    assert_string_equal(evg_graph_vertex_id(g, top[0]), "person:hub");
    assert_string_equal(evg_graph_vertex_id(g, top[1]), "person:a");
    assert_string_equal(evg_graph_vertex_id(g, top[2]), "person:b");
    assert_string_equal(evg_graph_vertex_id(g, top[3]), "person:c");
    assert_string_equal(evg_graph_vertex_id(g, top[4]), "person:x");
    assert_int_equal(evg_scores_top(top, 2, s, g, EVG_M_BETWEENNESS, -1), 2);
    assert_string_equal(evg_graph_vertex_id(g, top[0]), "person:hub");
    assert_int_equal(evg_scores_top(top, 10, s, g, EVG_M_DEGREE, EVG_NODE_MEETING), 0);
    assert_int_equal(evg_scores_top(top, 0, s, g, EVG_M_DEGREE, -1), 0);
    evg_scores_free(s);
    evg_graph_free(g);
}

static void test_repeatable(void **state)
{
    evg_graph *g = people_graph(PATH, 4, "meeting");
    evg_scores *a = scores_of(g, 0), *b = scores_of(g, 0);

    (void)state;
    for (int m = 0; m < EVG_M__COUNT; m++)
        for (size_t v = 0; v < 5; v++)
            assert_memory_equal(&a->val[m][v], &b->val[m][v], sizeof(double));
    evg_scores_free(a);
    evg_scores_free(b);
    evg_graph_free(g);
}

/*
 * PageRank is the same, bit for bit, run after run, on a graph large enough
 * for igraph's OpenMP solver to split the work between threads.
 */
static void test_pagerank_repeatable_in_threads(void **state)
{
    igraph_t ig;
    igraph_vector_t w;
    evg_scores *first = NULL, *again = NULL;
    evg_error err;
    const igraph_integer_t n = 1000;

    (void)state;
    igraph_rng_seed(igraph_rng_default(), 7);
    assert_int_equal(igraph_barabasi_game(&ig, n, 1.0, 3, NULL, 0, 1.0, IGRAPH_UNDIRECTED,
                                          IGRAPH_BARABASI_PSUMTREE, NULL),
                     IGRAPH_SUCCESS);
    assert_int_equal(igraph_vector_init(&w, igraph_ecount(&ig)), IGRAPH_SUCCESS);
    for (igraph_integer_t e = 0; e < igraph_ecount(&ig); e++)
        VECTOR(w)[e] = 1.0 + (double)(e % 5);
    assert_int_equal(evg_i_scores_new(&first, (size_t)n, &err), 0);
    assert_int_equal(evg_i_scores_run(first, &ig, &w, NULL, &err), 0);
    for (int run = 0; run < 6; run++) {
        assert_int_equal(evg_i_scores_new(&again, (size_t)n, &err), 0);
        assert_int_equal(evg_i_scores_run(again, &ig, &w, NULL, &err), 0);
        assert_memory_equal(first->val[EVG_M_PAGERANK], again->val[EVG_M_PAGERANK],
                            (size_t)n * sizeof(double));
        evg_scores_free(again);
    }
    igraph_vector_destroy(&w);
    igraph_destroy(&ig);
    evg_scores_free(first);
}

static void test_igraph_error_path(void **state)
{
    igraph_t ig;
    igraph_vector_t w;
    evg_scores *s = NULL;
    evg_error err;

    (void)state;
    assert_int_equal(igraph_ring(&ig, 4, IGRAPH_UNDIRECTED, 0, 0), IGRAPH_SUCCESS);
    assert_int_equal(evg_i_scores_new(&s, 4, &err), 0);
    /* A weight vector of the wrong length: igraph refuses, we report it. */
    assert_int_equal(igraph_vector_init(&w, 2), IGRAPH_SUCCESS);
    memset(&err, 0, sizeof err);
    assert_int_equal(evg_i_scores_run(s, &ig, &w, NULL, &err), EVG_EGRAPH);
    assert_int_equal(err.code, EVG_EGRAPH);
    assert_non_null(strstr(err.text, "igraph"));
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    /* A negative weight: igraph rejects it as a path length. */
    assert_int_equal(igraph_vector_resize(&w, 4), IGRAPH_SUCCESS);
    igraph_vector_fill(&w, 1.0);
    VECTOR(w)[1] = -1.0;
    memset(&err, 0, sizeof err);
    assert_int_equal(evg_i_scores_run(s, &ig, &w, NULL, &err), EVG_EGRAPH);
    assert_true(err.text[0] != '\0');
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    igraph_vector_destroy(&w);
    igraph_destroy(&ig);
    evg_scores_free(s);
}

static void test_options_and_names(void **state)
{
    evg_graph *g = people_graph(PATH, 1, "meeting");
    evg_analysis_opts o = EVG_ANALYSIS_OPTS_INIT;
    evg_scores *s = (evg_scores *)&o;
    evg_error err;

    (void)state;
    o.version = 42;
    assert_int_equal(evg_scores_compute(&s, g, &o, &err), EVG_EINVAL);
    assert_null(s);
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    evg_scores_free(s);
    evg_scores_free(NULL);
    assert_string_equal(evg_measure_name(EVG_M_DEGREE), "degree");
    assert_string_equal(evg_measure_name(EVG_M_BETWEENNESS), "betweenness");
    assert_string_equal(evg_measure_name(EVG_M_PAGERANK), "pagerank");
    assert_string_equal(evg_measure_name(EVG_M__COUNT), "unknown");
    evg_graph_free(g);
}

/* Scores of `g` for the set of measures `measures` (evg_analysis_opts version 2). */
static evg_scores *scores_for(const evg_graph *g, unsigned measures)
{
    evg_analysis_opts o = EVG_ANALYSIS_OPTS_INIT;
    evg_scores *s = NULL;
    evg_error err;

    o.measures = measures;
    if (evg_scores_compute(&s, g, &o, &err) < 0)
        fail_msg("scores: %s", err.text);
    assert_int_equal(evg_scores_vertex_count(s), evg_graph_vertex_count(g));
    return s;
}

/* Only the measures asked for are computed; the others are absent, not zeros. */
static void test_chosen_measures(void **state)
{
    evg_graph *g = people_graph(PATH, 4, "meeting");
    evg_scores *all = scores_of(g, 0);
    evg_scores *s =
        scores_for(g, EVG_MEASURE_BIT(EVG_M_PAGERANK) | EVG_MEASURE_BIT(EVG_M_DEGREE));
    const double deg[] = {1, 2, 2, 2, 1};
    size_t top[5];

    (void)state;
    assert_int_equal(EVG_ANALYSIS_OPTS_VERSION, 2);
    assert_int_equal(evg_scores_measures(all), EVG_MEASURES_ALL);
    assert_int_equal(evg_scores_measures(s),
                     EVG_MEASURE_BIT(EVG_M_PAGERANK) | EVG_MEASURE_BIT(EVG_M_DEGREE));
    for (int m = 0; m < EVG_M__COUNT; m++)
        assert_int_equal(evg_scores_has(s, (evg_measure)m),
                         m == EVG_M_PAGERANK || m == EVG_M_DEGREE);
    assert_false(evg_scores_has(s, EVG_M__COUNT));
    assert_false(evg_scores_has(NULL, EVG_M_DEGREE));
    assert_scores(s, EVG_M_DEGREE, deg, 5);
    /* What was computed is what computing everything gives, bit for bit. */
    for (size_t v = 0; v < 5; v++)
        assert_memory_equal(&s->val[EVG_M_PAGERANK][v], &all->val[EVG_M_PAGERANK][v],
                            sizeof(double));
    /* p3 lies on 4 paths, but betweenness was not computed: 0, and no ranking. */
    assert_true(evg_scores_get(all, EVG_M_BETWEENNESS, 2) == 4.0);
    assert_true(evg_scores_get(s, EVG_M_BETWEENNESS, 2) == 0.0);
    assert_null(s->val[EVG_M_BETWEENNESS]); /* nothing allocated for it either */
    assert_int_equal(evg_scores_top(top, 5, s, g, EVG_M_BETWEENNESS, -1), 0);
    assert_int_equal(evg_scores_top(top, 5, s, g, EVG_M_DEGREE, -1), 5);
    /* A measure computed afterwards, on first need (as queries do). */
    assert_int_equal(evg_i_scores_measure(s, g, EVG_M_BETWEENNESS, NULL, NULL), 0);
    assert_true(evg_scores_has(s, EVG_M_BETWEENNESS));
    assert_true(evg_scores_get(s, EVG_M_BETWEENNESS, 2) == 4.0);
    evg_scores_free(s);
    /* None at all: the vertex count, and nothing else. */
    s = scores_for(g, 0);
    assert_int_equal(evg_scores_measures(s), 0);
    for (int m = 0; m < EVG_M__COUNT; m++) {
        assert_false(evg_scores_has(s, (evg_measure)m));
        assert_null(s->val[m]);
    }
    assert_true(evg_scores_get(s, EVG_M_PAGERANK, 0) == 0.0);
    evg_scores_free(s);
    evg_scores_free(all);
    evg_graph_free(g);
}

/*
 * Options of version 1 end with the cutoff: a caller built against that
 * header gets every measure, and nothing past its struct is read (the
 * sanitizer build would see it).
 */
static void test_options_version_1(void **state)
{
    evg_graph *g = people_graph(PATH, 4, "meeting");
    struct {
        unsigned version;
        double betweenness_cutoff;
    } *v1 = malloc(sizeof *v1);
    evg_analysis_opts bad = EVG_ANALYSIS_OPTS_INIT;
    evg_scores *s = NULL;
    evg_error err;

    (void)state;
    assert_non_null(v1);
    v1->version = 1;
    v1->betweenness_cutoff = 1.5; /* paths of one step: nobody is between */
    assert_int_equal(
        evg_scores_compute(&s, g, (const evg_analysis_opts *)(void *)v1, &err), 0);
    assert_int_equal(evg_scores_measures(s), EVG_MEASURES_ALL);
    assert_true(evg_scores_get(s, EVG_M_BETWEENNESS, 2) == 0.0);
    evg_scores_free(s);
    free(v1);
    /* A bit that names no measure. */
    bad.measures = EVG_MEASURE_BIT(EVG_M__COUNT);
    memset(&err, 0, sizeof err);
    s = (evg_scores *)&bad;
    assert_int_equal(evg_scores_compute(&s, g, &bad, &err), EVG_EINVAL);
    assert_null(s);
    assert_non_null(strstr(err.text, "unknown measure"));
    evg_graph_free(g);
}

static void test_measure_names(void **state)
{
    evg_measure m = EVG_M_DEGREE;

    (void)state;
    for (int i = 0; i < EVG_M__COUNT; i++) {
        assert_int_equal(evg_measure_from_name(&m, evg_measure_name((evg_measure)i)), 0);
        assert_int_equal(m, i);
    }
    assert_int_equal(evg_measure_from_name(&m, "PageRank"), EVG_EINVAL);
    assert_int_equal(evg_measure_from_name(&m, "all"), EVG_EINVAL);
    assert_int_equal(evg_measure_from_name(&m, ""), EVG_EINVAL);
    assert_int_equal(evg_measure_from_name(&m, NULL), EVG_EINVAL);
    assert_int_equal(m, EVG_M__COUNT - 1); /* untouched by a failure */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_path_graph),
        cmocka_unit_test(test_betweenness_cutoff),
        cmocka_unit_test(test_cutoff_only_with_path_measures),
        cmocka_unit_test(test_weights_are_tie_strength),
        cmocka_unit_test(test_graph_without_edges),
        cmocka_unit_test(test_single_vertex_and_empty),
        cmocka_unit_test(test_top),
        cmocka_unit_test(test_repeatable),
        cmocka_unit_test(test_pagerank_repeatable_in_threads),
        cmocka_unit_test(test_igraph_error_path),
        cmocka_unit_test(test_options_and_names),
        cmocka_unit_test(test_chosen_measures),
        cmocka_unit_test(test_options_version_1),
        cmocka_unit_test(test_measure_names),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
