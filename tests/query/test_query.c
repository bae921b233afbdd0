/*
 * The query engine from the library's side: GraphML read back into the graph
 * that was written, views projected from the full graph equal to the views
 * built from events, neighbourhoods, shortest chains, forgiving names, and
 * each command's answer through the public API. The tool's side (every
 * command, both sources, every output format) is in *.test.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include <evgraph.h>

#include "analysis/paths.h"
#include "graph/graph_impl.h"
#include "graph/views.h"
#include "query/query_internal.h"
#include "util/date.h"

#define FIXTURE(name) EVG_QUERY_FIXTURES "/" name

static evg_corpus *read_corpus(const char *path)
{
    evg_corpus *c = NULL;
    size_t failed = 0;

    assert_int_equal(evg_corpus_new(&c, NULL), 0);
    assert_int_equal(evg_corpus_read_events(&failed, c, path, NULL, NULL), 0);
    assert_int_equal(failed, 0);
    return c;
}

static evg_graph *build(const char *path, evg_view view)
{
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_corpus *c = read_corpus(path);
    evg_graph *g = NULL;

    bo.view = view;
    assert_int_equal(evg_graph_build(&g, c, &bo, NULL), 0);
    evg_corpus_free(c);
    return g;
}

/*
 * `g` with the scores of the measures `measures` (betweenness and closeness
 * with `cutoff`, 0: exact), as GraphML in a new string (free()).
 */
static char *graphml_scored(const evg_graph *g, unsigned measures, double cutoff)
{
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    evg_scores *s = NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    assert_non_null(f);
    ao.measures = measures;
    ao.betweenness_cutoff = cutoff;
    assert_int_equal(evg_scores_compute(&s, g, &ao, NULL), 0);
    assert_int_equal(evg_export(f, g, s, NULL, NULL), 0);
    assert_int_equal(fclose(f), 0);
    evg_scores_free(s);
    return text;
}

static char *graphml_measures(const evg_graph *g, unsigned measures)
{
    return graphml_scored(g, measures, 0);
}

/* `g` with all its scores, as GraphML in a new string (free()). */
static char *graphml_of(const evg_graph *g)
{
    return graphml_measures(g, EVG_MEASURES_ALL);
}

static int read_text(evg_graph **out, const char *text, evg_error *err)
{
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    int rc;

    assert_non_null(f);
    rc = evg_i_graphml_read(out, NULL, f, "mem.graphml", err);
    fclose(f);
    /* Whatever happened, igraph keeps no attributes and no cleanup is pending. */
    assert_false(igraph_has_attribute_table());
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    return rc;
}

static const char *const SOURCES[] = {
    FIXTURE("cast.jsonl"),
    EVG_SOURCE_DIR "/tests/consumers/events.jsonl",
    EVG_SOURCE_DIR "/tests/consumers/tricky.jsonl",
    EVG_SOURCE_DIR "/tests/report/data/malicious.jsonl",
    EVG_SOURCE_DIR "/tests/unit/data/graph/spells.jsonl",
};

/* Written, read back, written again: the same bytes, in every view. */
static void test_graphml_round_trip(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof SOURCES / sizeof SOURCES[0]; i++)
        for (int v = EVG_VIEW_FULL; v <= EVG_VIEW_BIPARTITE; v++) {
            evg_graph *g = build(SOURCES[i], (evg_view)v), *back = NULL;
            char *a = graphml_of(g), *b;
            assert_int_equal(read_text(&back, a, NULL), 0);
            assert_int_equal(evg_graph_view(back), v);
            assert_int_equal(evg_graph_vertex_count(back), evg_graph_vertex_count(g));
            assert_int_equal(evg_graph_edge_count(back), evg_graph_edge_count(g));
            b = graphml_of(back);
            assert_string_equal(a, b);
            free(a);
            free(b);
            evg_graph_free(back);
            evg_graph_free(g);
        }
}

/* `g` as GEXF without scores, in a new string (free()). */
static char *gexf_of(const evg_graph *g)
{
    evg_export_opts o = EVG_EXPORT_OPTS_INIT;
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    assert_non_null(f);
    o.format = EVG_FMT_GEXF;
    assert_int_equal(evg_export(f, g, NULL, &o, NULL), 0);
    assert_int_equal(fclose(f), 0);
    return text;
}

/*
 * The timeline's spells, which GraphML does not hold, come back from the
 * full graph read from GraphML: its GEXF, and that of every view made from
 * it, is the GEXF of the graph built from the events.
 */
static void test_graphml_spells_round_trip(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof SOURCES / sizeof SOURCES[0]; i++) {
        evg_graph *full = build(SOURCES[i], EVG_VIEW_FULL), *back = NULL;
        char *text = graphml_of(full);
        assert_int_equal(read_text(&back, text, NULL), 0);
        for (int v = EVG_VIEW_FULL; v <= EVG_VIEW_BIPARTITE; v++) {
            evg_graph *built = build(SOURCES[i], (evg_view)v), *made = NULL;
            char *a, *b;
            assert_int_equal(evg_i_graph_project(&made, back, (evg_view)v, NULL), 0);
            a = gexf_of(built);
            b = gexf_of(made);
            assert_string_equal(a, b);
            free(a);
            free(b);
            evg_graph_free(made);
            evg_graph_free(built);
        }
        free(text);
        evg_graph_free(back);
        evg_graph_free(full);
    }
}

/* The scores written with the graph come back with it, as written (nine digits). */
static void test_graphml_scores(void **state)
{
    evg_graph *g = build(FIXTURE("cast.jsonl"), EVG_VIEW_FULL), *back = NULL;
    evg_scores *s = NULL, *read = NULL;
    char *text = graphml_of(g), a[40], b[40];
    FILE *f = fmemopen(text, strlen(text), "r");

    (void)state;
    assert_int_equal(evg_i_graphml_read(&back, &read, f, "mem.graphml", NULL), 0);
    fclose(f);
    assert_non_null(read);
    assert_int_equal(evg_scores_compute(&s, g, NULL, NULL), 0);
    assert_int_equal(evg_scores_vertex_count(read), evg_graph_vertex_count(g));
    for (int m = 0; m < EVG_M__COUNT; m++)
        for (size_t v = 0; v < evg_graph_vertex_count(g); v++) {
            snprintf(a, sizeof a, "%.9g", evg_scores_get(s, (evg_measure)m, v));
            snprintf(b, sizeof b, "%.9g", evg_scores_get(read, (evg_measure)m, v));
            assert_string_equal(a, b);
        }
    evg_scores_free(read);
    evg_scores_free(s);
    evg_graph_free(back);
    evg_graph_free(g);
    free(text);
}

/*
 * A graph built with some measures comes back with those, and without the
 * others (not with zeros for them); a graph built with none, without scores.
 */
static void test_graphml_some_scores(void **state)
{
    evg_graph *g = build(FIXTURE("cast.jsonl"), EVG_VIEW_FULL), *back = NULL;
    unsigned some = EVG_MEASURE_BIT(EVG_M_DEGREE) | EVG_MEASURE_BIT(EVG_M_PAGERANK);
    evg_scores *s = NULL, *read = NULL;
    char *text = graphml_measures(g, some), a[40], b[40];
    FILE *f = fmemopen(text, strlen(text), "r");

    (void)state;
    assert_int_equal(evg_i_graphml_read(&back, &read, f, "mem.graphml", NULL), 0);
    fclose(f);
    assert_non_null(read);
    assert_int_equal(evg_scores_measures(read), some);
    assert_int_equal(evg_scores_compute(&s, g, NULL, NULL), 0);
    for (size_t v = 0; v < evg_graph_vertex_count(g); v++) {
        snprintf(a, sizeof a, "%.9g", evg_scores_get(s, EVG_M_PAGERANK, v));
        snprintf(b, sizeof b, "%.9g", evg_scores_get(read, EVG_M_PAGERANK, v));
        assert_string_equal(a, b);
    }
    evg_scores_free(read);
    evg_graph_free(back);
    free(text);
    text = graphml_measures(g, 0);
    f = fmemopen(text, strlen(text), "r");
    read = s; /* overwritten */
    assert_int_equal(evg_i_graphml_read(&back, &read, f, "mem.graphml", NULL), 0);
    fclose(f);
    assert_null(read);
    evg_scores_free(s);
    evg_graph_free(back);
    evg_graph_free(g);
    free(text);
}

/* Nodes out of id order (a file saved by another tool) come back sorted. */
static void test_graphml_unsorted(void **state)
{
    const char *text =
        "<?xml version=\"1.0\"?><graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        "<key id=\"g\" for=\"graph\" attr.name=\"view\" attr.type=\"string\"/>"
        "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
        "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
        "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>"
        "<key id=\"w\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>"
        "<graph edgedefault=\"undirected\"><data key=\"g\">people</data>"
        "<node id=\"person:b\"><data key=\"l\">B</data><data "
        "key=\"t\">person</data></node>"
        "<node id=\"person:a\"><data key=\"l\">A</data><data "
        "key=\"t\">person</data></node>"
        "<edge source=\"person:b\" target=\"person:a\"><data key=\"r\">met</data>"
        "<data key=\"w\">2</data></edge></graph></graphml>";
    evg_graph *g = NULL;
    evg_scores *none = NULL;
    size_t from, to;
    FILE *f = fmemopen((void *)text, strlen(text), "r");

    (void)state;
    assert_int_equal(evg_i_graphml_read(&g, &none, f, "mem.graphml", NULL), 0);
    fclose(f);
    assert_null(none); /* no metric columns */
    evg_graph_free(g);
    assert_int_equal(read_text(&g, text, NULL), 0);
    assert_string_equal(evg_graph_vertex_id(g, 0), "person:a");
    assert_string_equal(evg_graph_vertex_label(g, 1), "B");
    evg_graph_edge_ends(&from, &to, g, 0);
    assert_int_equal(from, 0); /* "met": the smaller index first */
    assert_int_equal(to, 1);
    assert_true(evg_graph_edge_weight(g, 0) == 2.0);
    evg_graph_free(g);
}

static void expect_parse_error(const char *text, const char *says)
{
    evg_graph *g = NULL;
    evg_error err;

    memset(&err, 0, sizeof err);
    assert_int_equal(read_text(&g, text, &err), EVG_EPARSE);
    assert_null(g);
    assert_string_equal(err.source, "mem.graphml");
    if (strstr(err.text, says) == NULL)
        fail_msg("expected '%s' in '%s'", says, err.text);
}

static void test_graphml_errors(void **state)
{
    const char *head =
        "<?xml version=\"1.0\"?><graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">"
        "<key id=\"g\" for=\"graph\" attr.name=\"view\" attr.type=\"string\"/>"
        "<key id=\"t\" for=\"node\" attr.name=\"type\" attr.type=\"string\"/>"
        "<key id=\"l\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>"
        "<key id=\"r\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>"
        "<graph edgedefault=\"undirected\">";
    char buf[2048];

    (void)state;
    expect_parse_error("{\"doc\": {}}\n", "not a GraphML file");
    expect_parse_error("<graphml><graph><node id=\"a\"></graph>", "not a GraphML file");
    snprintf(buf, sizeof buf, "%s<node id=\"x\"/></graph></graphml>", head);
    expect_parse_error(buf, "no view");
    snprintf(buf, sizeof buf,
             "%s<data key=\"g\">full</data><node id=\"x\"><data key=\"t\">planet</data>"
             "<data key=\"l\">X</data></node></graph></graphml>",
             head);
    expect_parse_error(buf, "node 1: unknown type 'planet'");
    snprintf(
        buf, sizeof buf,
        "%s<data key=\"g\">full</data>"
        "<node id=\"m\"><data key=\"t\">meeting</data><data key=\"l\">M</data></node>"
        "<node id=\"n\"><data key=\"t\">meeting</data><data key=\"l\">N</data></node>"
        "<edge source=\"m\" target=\"n\"><data key=\"r\">participated_in</data></edge>"
        "</graph></graphml>",
        head);
    expect_parse_error(buf, "edge 1: 'participated_in' cannot join");
}

/* A view projected from the full graph is the view built from the events. */
static void test_projection_equals_build(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof SOURCES / sizeof SOURCES[0]; i++) {
        evg_graph *full = build(SOURCES[i], EVG_VIEW_FULL);
        for (int v = EVG_VIEW_FULL; v <= EVG_VIEW_BIPARTITE; v++) {
            evg_graph *built = build(SOURCES[i], (evg_view)v), *made = NULL;
            char *a, *b;
            assert_int_equal(evg_i_graph_project(&made, full, (evg_view)v, NULL), 0);
            a = graphml_of(built);
            b = graphml_of(made);
            assert_string_equal(a, b);
            free(a);
            free(b);
            evg_graph_free(made);
            evg_graph_free(built);
        }
        evg_graph_free(full);
    }
}

static void test_projection_needs_full(void **state)
{
    evg_graph *people = build(FIXTURE("cast.jsonl"), EVG_VIEW_PEOPLE), *out = NULL;

    (void)state;
    assert_int_equal(evg_i_graph_project(&out, people, EVG_VIEW_PEOPLE, NULL),
                     EVG_EINVAL);
    assert_null(out);
    evg_graph_free(people);
}

static size_t vertex(const evg_graph *g, const char *id)
{
    size_t v = SIZE_MAX;
    if (evg_graph_find_vertex(&v, g, id) != 0)
        fail_msg("no vertex %s", id);
    return v;
}

static void test_ego(void **state)
{
    evg_graph *people = build(FIXTURE("cast.jsonl"), EVG_VIEW_PEOPLE), *ego = NULL;

    (void)state;
    /* Mart Lepik met Jonas Berg only; Berg's call with Rautio is no meeting. */
    assert_int_equal(
        evg_i_graph_ego(&ego, people, vertex(people, "person:mart-lepik"), 5, NULL), 0);
    assert_int_equal(evg_graph_vertex_count(ego), 2);
    assert_int_equal(evg_graph_edge_count(ego), 1);
    assert_string_equal(evg_graph_vertex_id(ego, 0), "person:jonas-berg");
    assert_int_equal(evg_graph_view(ego), EVG_VIEW_PEOPLE);
    evg_graph_free(ego);
    /* Ilze Ozola: the Riga meeting at depth 1; the Tallinn one adds no one new. */
    assert_int_equal(
        evg_i_graph_ego(&ego, people, vertex(people, "person:ilze-ozola"), 1, NULL), 0);
    assert_int_equal(evg_graph_vertex_count(ego), 4);
    assert_int_equal(evg_graph_edge_count(ego), 6);
    evg_graph_free(ego);
    assert_int_equal(evg_i_graph_ego(&ego, people, SIZE_MAX, 1, NULL), 0);
    assert_int_equal(evg_graph_vertex_count(ego), 0);
    evg_graph_free(ego);
    evg_graph_free(people);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

static void test_shortest_path(void **state)
{
    /* 0-1, 1-2, 2-3, 0-4, 4-3: two chains of length 3 and 2 from 0 to 3. */
    const size_t pairs[] = {0, 1, 1, 2, 2, 3, 0, 4, 4, 3};
    size_t *path = NULL, len = 0;

    (void)state;
    assert_int_equal(evg_i_shortest_path(&path, &len, 6, pairs, 5, 0, 3, NULL), 0);
    assert_int_equal(len, 3);
    assert_int_equal(path[0], 0);
    assert_int_equal(path[1], 4);
    assert_int_equal(path[2], 3);
    free(path);
    assert_int_equal(evg_i_shortest_path(&path, &len, 6, pairs, 5, 0, 5, NULL), 0);
    assert_int_equal(len, 0); /* 5 has no edge */
    assert_null(path);
    assert_int_equal(evg_i_shortest_path(&path, &len, 6, pairs, 5, 0, 6, NULL),
                     EVG_EINVAL);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
}

static evg_query *load(const char *path)
{
    evg_query *q = NULL;
    const char *src[] = {path};
    size_t failed = 0;

    assert_int_equal(evg_query_load(&q, &failed, src, 1, NULL, NULL), 0);
    assert_int_equal(failed, 0);
    return q;
}

/* The ids `name` matches among people (and countries with `countries`), ","-joined. */
static const char *match(evg_query *q, const char *name, int countries)
{
    static char buf[512];
    size_t *v = NULL, n = 0;

    buf[0] = '\0';
    assert_int_equal(
        evg_i_q_match(&v, &n, q, name, EVG_I_QPERSON | (countries ? EVG_I_QCOUNTRY : 0u)),
        0);
    for (size_t i = 0; i < n; i++)
        snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%s%s", i ? "," : "",
                 evg_graph_vertex_id(evg_query_graph(q), v[i]));
    free(v);
    return buf;
}

static void test_names(void **state)
{
    evg_query *q = load(FIXTURE("cast.jsonl"));

    (void)state;
    assert_string_equal(match(q, "Kadri Lepik", 0), "person:kadri-lepik");
    assert_string_equal(match(q, "KADRI   lepik", 0), "person:kadri-lepik");
    assert_string_equal(match(q, "Janis Berzins", 0), "person:janis-berzins");
    assert_string_equal(match(q, "Bērziņš", 0), "person:janis-berzins");
    assert_string_equal(match(q, "A. Rautio", 0), "person:antti-rautio");
    assert_string_equal(match(q, "K. Lepik", 0),
                        "person:kadri-lepik,person:kadri-lepik-saar");
    assert_string_equal(match(q, "Lepik-Saar", 0), "person:kadri-lepik-saar");
    assert_string_equal(match(q, "person:mart-lepik", 0), "person:mart-lepik");
    assert_string_equal(match(q, "Lepik", 0),
                        "person:kadri-lepik,person:kadri-lepik-saar,person:mart-lepik");
    /* Anna Ozola is only mentioned: "Ozola" is the one who met people. */
    assert_string_equal(match(q, "Ozola", 0), "person:ilze-ozola");
    assert_string_equal(match(q, "Anna Ozola", 0), "person:anna-ozola");
    assert_string_equal(match(q, "Lepik Kadri", 0), ""); /* words in order */
    assert_string_equal(match(q, "K.", 0), "");          /* no whole word */
    assert_string_equal(match(q, "Nobody", 0), "");
    assert_string_equal(match(q, "FIN", 1), "country:FIN");
    assert_string_equal(match(q, "finland", 1), "country:FIN");
    assert_string_equal(match(q, "fin", 0), "");     /* a code only in capitals */
    assert_string_equal(match(q, "Finland", 0), ""); /* a person was asked for */
    evg_query_free(q);
}

static evg_query_result *ask(evg_query *q, evg_query_command cmd, const char *a,
                             const char *b)
{
    evg_query_request req = EVG_QUERY_REQUEST_INIT;
    evg_query_result *r = NULL;

    req.command = cmd;
    req.subject = a;
    req.other = b;
    assert_int_equal(evg_query_run(&r, q, &req, NULL), 0);
    return r;
}

/* The answer as JSON text, compacted (free()). */
static char *json_of(const evg_query_result *r)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    assert_int_equal(evg_query_result_write(f, r, EVG_QUERY_JSON, NULL), 0);
    fclose(f);
    return text;
}

static void test_commands(void **state)
{
    evg_query *q = load(FIXTURE("cast.jsonl"));
    evg_query_result *r;
    char *text;

    (void)state;
    r = ask(q, EVG_QUERY_WHO_MET, "Rautio", NULL);
    assert_int_equal(evg_query_result_outcome(r), EVG_QUERY_ANSWER);
    assert_int_equal(evg_query_result_count(r),
                     3); /* Lepik twice, Ozola, Bērziņš; no call */
    text = json_of(r);
    assert_non_null(strstr(text,
                           "\"name\": \"Kadri Lepik\",\n      \"country\": \"EST\",\n"
                           "      \"meetings\": 2"));
    assert_null(strstr(text, "Jonas Berg"));
    free(text);
    evg_query_result_free(r);
    r = ask(q, EVG_QUERY_WHO_MET, "Lepik", NULL);
    assert_int_equal(evg_query_result_outcome(r), EVG_QUERY_AMBIGUOUS);
    assert_int_equal(evg_query_result_count(r), 3);
    assert_null(evg_query_result_graph(r));
    evg_query_result_free(r);
    r = ask(q, EVG_QUERY_PATH, "Kadri Lepik", "Jānis Bērziņš");
    assert_int_equal(evg_query_result_count(r), 1);
    evg_query_result_free(r);
    r = ask(q, EVG_QUERY_PATH, "Mart Lepik", "Kadri Lepik");
    assert_int_equal(evg_query_result_count(r), 0); /* only a call links them */
    evg_query_result_free(r);
    r = ask(q, EVG_QUERY_BETWEEN, "EST", "Latvia");
    assert_int_equal(evg_query_result_count(r), 1);
    evg_query_result_free(r);
    r = ask(q, EVG_QUERY_EGO, "Ilze Ozola", NULL);
    assert_int_equal(evg_graph_vertex_count(evg_query_result_graph(r)), 4);
    evg_query_result_free(r);
    r = ask(q, EVG_QUERY_STATS, NULL, NULL);
    assert_int_equal(evg_query_result_count(r), 1);
    assert_null(evg_query_result_graph(r));
    evg_query_result_free(r);
    evg_query_free(q);
}

static void test_bad_requests(void **state)
{
    evg_query *q = load(FIXTURE("cast.jsonl"));
    evg_query_request req = EVG_QUERY_REQUEST_INIT;
    evg_query_result *r = NULL;
    evg_error err;

    (void)state;
    req.command = EVG_QUERY_MEETINGS;
    req.from = "2024-02-30";
    assert_int_equal(evg_query_run(&r, q, &req, &err), EVG_EINVAL);
    assert_non_null(strstr(err.text, "'2024-02-30' is not a date"));
    req.from = "2024-13";
    assert_int_equal(evg_query_run(&r, q, &req, &err), EVG_EINVAL);
    req.from = NULL;
    req.command = EVG_QUERY_WHO_MET; /* no subject */
    assert_int_equal(evg_query_run(&r, q, &req, &err), EVG_EINVAL);
    req.command = EVG_QUERY_EGO;
    req.subject = "Kadri Lepik";
    req.depth = 0;
    assert_int_equal(evg_query_run(&r, q, &req, &err), EVG_EINVAL);
    req.command = EVG_QUERY_BETWEEN;
    req.other = "KADRI lepik";
    assert_int_equal(evg_query_run(&r, q, &req, &err), EVG_EINVAL);
    req.command = EVG_QUERY_TOP;
    req.node_type = EVG_NODE_MEETING;
    assert_int_equal(evg_query_run(&r, q, &req, &err), EVG_EINVAL);
    assert_null(r);
    evg_query_free(q);
}

static void test_dates(void **state)
{
    (void)state;
    assert_int_equal(evg_i_date_bound("2024"), 0);
    assert_int_equal(evg_i_date_bound("2024-02"), 0);
    assert_int_equal(evg_i_date_bound("2024-02-29"), 0);
    assert_int_equal(evg_i_date_bound("2023-02-29"), -1);
    assert_int_equal(evg_i_date_bound("2024-00"), -1);
    assert_int_equal(evg_i_date_bound("24-01-01"), -1);
    assert_int_equal(evg_i_date_bound("2024/01/01"), -1);
    assert_int_equal(evg_i_date_bound(""), -1);
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");

    assert_non_null(f);
    assert_true(fputs(text, f) >= 0);
    assert_int_equal(fclose(f), 0);
}

static void write_graph(const char *path, evg_view view)
{
    evg_graph *g = build(FIXTURE("cast.jsonl"), view);
    char *text = graphml_of(g);

    write_file(path, text);
    free(text);
    evg_graph_free(g);
}

/* A GraphML of the people view, a GraphML among events, aliases for a GraphML. */
static void test_load_refusals(void **state)
{
    const char *path = EVG_QUERY_WORK "/refusals.graphml";
    const char *two[] = {path, FIXTURE("cast.jsonl")};
    evg_query_load_opts lo = EVG_QUERY_LOAD_OPTS_INIT;
    evg_aliases *al = NULL;
    evg_query *q = NULL;
    evg_error err;

    (void)state;
    write_graph(path, EVG_VIEW_PEOPLE);
    assert_int_equal(evg_query_load(&q, NULL, two, 1, NULL, &err), EVG_EINVAL);
    assert_non_null(strstr(err.text, "a graph of the people view"));
    assert_string_equal(err.source, path);
    write_graph(path, EVG_VIEW_FULL);
    assert_int_equal(evg_query_load(&q, NULL, two, 2, NULL, &err), EVG_EINVAL);
    assert_non_null(strstr(err.text, "only source"));
    const char *aliases = "{\"A B\": [\"B\"]}";
    assert_int_equal(evg_aliases_parse(&al, aliases, strlen(aliases), "a.json", NULL), 0);
    lo.aliases = al;
    assert_int_equal(evg_query_load(&q, NULL, two, 1, &lo, &err), EVG_EINVAL);
    assert_non_null(strstr(err.text, "aliases"));
    assert_null(q);
    assert_int_equal(evg_query_load(&q, NULL, two, 1, NULL, &err), 0);
    {
        evg_graph *full = build(FIXTURE("cast.jsonl"), EVG_VIEW_FULL);
        assert_int_equal(evg_graph_vertex_count(evg_query_graph(q)),
                         evg_graph_vertex_count(full));
        evg_graph_free(full);
    }
    evg_query_free(q);
    q = NULL;
    assert_int_equal(evg_query_load(&q, NULL, two, 0, NULL, &err), EVG_EINVAL);
    evg_aliases_free(al);
    remove(path);
}

/* A chain of four officials: exact betweenness 2 for the middle two, 1 within 2.5. */
#define CHAIN EVG_SOURCE_DIR "/tests/e2e/cases/build-betweenness-cutoff/events.jsonl"

/* The full graph of CHAIN, scored with `cutoff` (0: exact), as a GraphML file. */
static void write_scored(const char *path, double cutoff)
{
    evg_graph *g = build(CHAIN, EVG_VIEW_FULL);
    char *text = graphml_scored(g, EVG_MEASURES_ALL, cutoff);

    write_file(path, text);
    free(text);
    evg_graph_free(g);
}

/* `top` by `m` of `type` as JSON, parsed (json_decref()). */
static json_t *top_json(evg_query *q, evg_measure m, int type)
{
    evg_query_request req = EVG_QUERY_REQUEST_INIT;
    evg_query_result *r = NULL;
    json_t *doc;
    char *text;

    req.command = EVG_QUERY_TOP;
    req.measure = m;
    req.node_type = type;
    assert_int_equal(evg_query_run(&r, q, &req, NULL), 0);
    text = json_of(r);
    assert_non_null(doc = json_loads(text, 0, NULL));
    free(text);
    evg_query_result_free(r);
    return doc;
}

static double first_score(const json_t *doc)
{
    return json_number_value(
        json_object_get(json_array_get(json_object_get(doc, "top"), 0), "score"));
}

/*
 * A graph scored with a cutoff says so in its GraphML and comes back with it;
 * the query computes the people graph's betweenness with the same cutoff and
 * says which it used, unless it is given another; an exact graph answers null.
 */
static void test_graphml_cutoff(void **state)
{
    const char *path = EVG_QUERY_WORK "/cutoff.graphml";
    const char *src[] = {path};
    evg_query_load_opts lo = EVG_QUERY_LOAD_OPTS_INIT;
    evg_query *q = NULL;
    json_t *doc;
    struct { /* what a caller built against version 1 passes */
        unsigned version;
        const evg_aliases *aliases;
        evg_diag_fn on_diag;
        void *diag_payload;
    } v1 = {1, NULL, NULL, NULL};

    (void)state;
    write_scored(path, 2.5);
    {
        evg_graph *back = NULL;
        evg_scores *read = NULL;
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        assert_int_equal(evg_i_graphml_read(&back, &read, f, path, NULL), 0);
        fclose(f);
        assert_true(evg_scores_cutoff(read) == 2.5);
        evg_scores_free(read);
        evg_graph_free(back);
    }
    assert_int_equal(evg_query_load(&q, NULL, src, 1, NULL, NULL), 0);
    doc = top_json(q, EVG_M_BETWEENNESS, EVG_NODE_PERSON);
    assert_true(json_real_value(json_object_get(doc, "betweenness_cutoff")) == 2.5);
    assert_true(first_score(doc) == 1.0); /* not the exact 2 */
    json_decref(doc);
    doc = top_json(q, EVG_M_DEGREE, EVG_NODE_PERSON); /* no paths: nothing to say */
    assert_null(json_object_get(doc, "betweenness_cutoff"));
    json_decref(doc);
    evg_query_free(q);

    /* Another cutoff asked for: the file's scores of the full graph are redone too. */
    lo.betweenness_cutoff = 1.5;
    assert_int_equal(evg_query_load(&q, NULL, src, 1, &lo, NULL), 0);
    doc = top_json(q, EVG_M_BETWEENNESS, EVG_NODE_PERSON);
    assert_true(json_real_value(json_object_get(doc, "betweenness_cutoff")) == 1.5);
    assert_true(first_score(doc) == 0.0);
    json_decref(doc);
    doc = top_json(q, EVG_M_CLOSENESS, EVG_NODE_ORGANIZATION);
    assert_true(json_real_value(json_object_get(doc, "betweenness_cutoff")) == 1.5);
    assert_true(evg_scores_cutoff(q->scores[0]) == 1.5);
    json_decref(doc);
    evg_query_free(q);
    lo.betweenness_cutoff = NAN;
    assert_int_equal(evg_query_load(&q, NULL, src, 1, &lo, NULL), EVG_EINVAL);
    assert_null(q);

    /* Exact: null, and the exact score; options of version 1 still load. */
    write_scored(path, 0);
    assert_int_equal(
        evg_query_load(&q, NULL, src, 1, (const evg_query_load_opts *)(void *)&v1, NULL),
        0);
    doc = top_json(q, EVG_M_BETWEENNESS, EVG_NODE_PERSON);
    assert_true(json_is_null(json_object_get(doc, "betweenness_cutoff")));
    assert_true(first_score(doc) == 2.0);
    json_decref(doc);
    evg_query_free(q);
    remove(path);
}

/* A folder: its *.jsonl files; without any, nothing to read. */
static void test_load_folder(void **state)
{
    const char *dir[] = {FIXTURE("shards")}, *empty[] = {EVG_QUERY_WORK};
    evg_query *q = NULL;
    size_t failed = 0;
    evg_error err;

    (void)state;
    assert_int_equal(evg_query_load(&q, &failed, dir, 1, NULL, &err), 0);
    assert_int_equal(failed, 0);
    assert_true(evg_graph_count_type(evg_query_graph(q), EVG_NODE_MEETING) >= 5);
    evg_query_free(q);
    q = NULL;
    assert_int_equal(evg_query_load(&q, &failed, empty, 1, NULL, &err), EVG_EIO);
    assert_int_equal(failed, 1);
    assert_null(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_graphml_round_trip),
        cmocka_unit_test(test_graphml_spells_round_trip),
        cmocka_unit_test(test_graphml_scores),
        cmocka_unit_test(test_graphml_some_scores),
        cmocka_unit_test(test_graphml_unsorted),
        cmocka_unit_test(test_graphml_errors),
        cmocka_unit_test(test_projection_equals_build),
        cmocka_unit_test(test_projection_needs_full),
        cmocka_unit_test(test_ego),
        cmocka_unit_test(test_shortest_path),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_commands),
        cmocka_unit_test(test_bad_requests),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_load_refusals),
        cmocka_unit_test(test_load_folder),
        cmocka_unit_test(test_graphml_cutoff),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
