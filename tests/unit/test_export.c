/* Unit tests of src/export: the driver, GraphML bytes, escaping, format names, files. */
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <igraph.h>

#include "evgraph.h"
#include "export/export_internal.h"
#include "export_helpers.h"
#include "unit_helpers.h"

#define FIXTURE EVG_TEST_DATA "/graph/two_docs.jsonl"

/* GraphML, the default format. */
static char *export_str(const evg_graph *g, const evg_scores *s)
{
    return export_opts_str(g, s, NULL);
}

static void test_fmt_double(void **state)
{
    char b[EVG_I_DOUBLE_BUF];

    (void)state;
    assert_string_equal(evg_i_fmt_double(b, 2.0), "2");
    assert_string_equal(evg_i_fmt_double(b, 0.25), "0.25");
    assert_string_equal(evg_i_fmt_double(b, 1.0 / 3), "0.333333333");
    assert_string_equal(evg_i_fmt_double(b, 1.5e-7), "1.5e-07");
    assert_string_equal(evg_i_fmt_double(b, -0.0), "0");
    assert_string_equal(evg_i_fmt_double(b, NAN), "0");
    assert_string_equal(evg_i_fmt_double(b, INFINITY), "0");
}

static char *xml_of(const char *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    evg_i_xml_text(f, s);
    fclose(f);
    return buf;
}

static void test_xml_text(void **state)
{
    const struct {
        const char *in, *out;
    } cases[] = {
        {"a<b&c\"d'e>", "a&lt;b&amp;c&quot;d&apos;e&gt;"},
        {"\x01x\ty\r\n\x1f", "x\ty&#13;\n"},
        {"S\xC3\xA1r\xC3\xA1", "S\xC3\xA1r\xC3\xA1"},
        {"bad\xFFz", "bad\xEF\xBF\xBDz"},
        {"cut\xE2\x82", "cut\xEF\xBF\xBD\xEF\xBF\xBD"},
        {"no\xEF\xBF\xBEpe", "nope"},
        {"", ""},
    };

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *got = xml_of(cases[i].in);
        assert_string_equal(got, cases[i].out);
        free(got);
    }
}

/* Keys first, each complete and prefixed; edgedefault written; no <default>. */
static void check_structure(const char *xml)
{
    const char *graph = strstr(xml, "<graph ");
    const char *p = xml;

    assert_non_null(graph);
    assert_non_null(strstr(graph, "edgedefault=\"undirected\""));
    assert_null(strstr(xml, "<default"));
    assert_null(strstr(xml, "<desc"));
    assert_null(strstr(xml, "<!--"));
    while ((p = strstr(p, "<key ")) != NULL) {
        const char *end = strchr(p, '>');
        char key[256];
        assert_true(p < graph);
        snprintf(key, sizeof key, "%.*s", (int)(end - p), p);
        assert_true(strstr(key, " id=\"v_") || strstr(key, " id=\"e_") ||
                    strstr(key, " id=\"g_"));
        assert_non_null(strstr(key, " for=\""));
        assert_null(strstr(key, "for=\"all\""));
        assert_non_null(strstr(key, " attr.name=\""));
        assert_non_null(strstr(key, " attr.type=\""));
        /* Column names Gephi's statistics would overwrite. */
        const char *gephi[] = {"\"degree\"",
                               "\"weighted degree\"",
                               "\"eigencentrality\"",
                               "\"pageranks\"",
                               "\"betweenesscentrality\"",
                               "\"closnesscentrality\"",
                               "\"harmonicclosnesscentrality\"",
                               "\"modularity_class\""};
        for (size_t i = 0; i < sizeof gephi / sizeof gephi[0]; i++)
            assert_null(strstr(key, gephi[i]));
        p = end;
    }
}

static void test_graphml_escaped_and_parses(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    evg_scores *s = NULL;
    char *xml;
    FILE *f;
    igraph_t ig;
    evg_error err;

    (void)state;
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    xml = export_str(g, s);
    check_structure(xml);
    /* Labels are one line: the control character and the tab became one space. */
    assert_non_null(
        strstr(xml, "<data key=\"v_label\">Marta &quot;Mo&quot; &lt;\xC3\x98ster&gt; "
                    "&amp; Sons Jr</data>"));
    assert_non_null(
        strstr(xml, "<data key=\"v_titles\">Envoy &apos;Special&apos;</data>"));
    assert_non_null(strstr(xml, "<data key=\"v_place\">Caf\xC3\xA9 &lt;Nord&gt;</data>"));
    assert_null(strchr(xml, '\x01'));
    assert_non_null(strstr(xml, "<node id=\"person:marta-mo\">"));
    assert_non_null(strstr(xml, "<data key=\"v_color\">#0072b2</data>"));
    assert_non_null(strstr(xml, "<data key=\"e_weight\">1</data>"));
    /* igraph's own GraphML reader (libxml2) reads it back, label intact. */
    igraph_set_attribute_table(&igraph_cattribute_table);
    f = fmemopen(xml, strlen(xml), "r");
    assert_non_null(f);
    assert_int_equal(igraph_read_graph_graphml(&ig, f, 0), IGRAPH_SUCCESS);
    fclose(f);
    assert_int_equal(igraph_vcount(&ig), (igraph_integer_t)evg_graph_vertex_count(g));
    assert_int_equal(igraph_ecount(&ig), (igraph_integer_t)evg_graph_edge_count(g));
    for (igraph_integer_t v = 0; v < igraph_vcount(&ig); v++) {
        assert_string_equal(VAS(&ig, "label", v), evg_graph_vertex_label(g, (size_t)v));
        assert_string_equal(VAS(&ig, "id", v), evg_graph_vertex_id(g, (size_t)v));
    }
    assert_string_equal(VAS(&ig, "label", 3), "Marta \"Mo\" <\xC3\x98ster> & Sons Jr");
    /* Other text keeps its line breaks (CR included); controls are dropped. */
    assert_string_equal(VAS(&ig, "evidence", 1), "a\r\nb --> c");
    assert_true(fabs(VAN(&ig, "pr", 0) - evg_scores_get(s, EVG_M_PAGERANK, 0)) < 1e-8);
    igraph_destroy(&ig);
    igraph_set_attribute_table(NULL);
    free(xml);
    evg_scores_free(s);
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_graphml_views_and_columns(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *full = build(c, EVG_VIEW_FULL), *people = build(c, EVG_VIEW_PEOPLE);
    evg_scores *s = NULL;
    char *a, *b;
    evg_error err;

    (void)state;
    assert_int_equal(evg_scores_compute(&s, people, NULL, &err), 0);
    a = export_str(people, s);
    b = export_str(full, NULL);
    check_structure(a);
    check_structure(b);
    /* People view: no meeting columns; scores give size and metric columns. */
    assert_null(strstr(a, "v_event_type"));
    assert_non_null(strstr(a, "<data key=\"g_view\">people</data>"));
    assert_non_null(strstr(a, "attr.name=\"size\" attr.type=\"float\""));
    assert_non_null(strstr(a, "<key id=\"v_btw\" for=\"node\" attr.name=\"btw\" "
                              "attr.type=\"double\"/>"));
    assert_non_null(strstr(a, "<data key=\"e_relation\">met</data>"));
    assert_non_null(strstr(a, "<data key=\"e_first_date\">2025-05-05</data>"));
    assert_non_null(strstr(a, "<data key=\"v_meetings\">1</data>"));
    /* Full view without scores: no size, no metrics. */
    assert_null(strstr(b, "v_size"));
    assert_null(strstr(b, "v_pr"));
    assert_non_null(strstr(b, "<data key=\"g_view\">full</data>"));
    assert_non_null(strstr(b, "<data key=\"v_event_type\">meeting</data>"));
    assert_non_null(strstr(b, "<data key=\"e_role\">host</data>"));
    free(a);
    free(b);
    evg_scores_free(s);
    evg_graph_free(full);
    evg_graph_free(people);
    evg_corpus_free(c);
}

static void test_deterministic(void **state)
{
    size_t len = 0;
    char *text = th_read(FIXTURE, &len), *rev, *nl;
    (void)state;

    assert_non_null(text);
    /* The same documents in the other order give the same bytes. */
    nl = strchr(text, '\n');
    assert_non_null(nl);
    rev = malloc(len + 2);
    assert_non_null(rev);
    snprintf(rev, len + 2, "%s\n%.*s", nl + 1, (int)(nl - text), text);
    evg_corpus *c1 = corpus_of_text(text), *c2 = corpus_of_text(rev);
    for (int view = EVG_VIEW_FULL; view <= EVG_VIEW_PEOPLE; view++) {
        evg_graph *g1 = build(c1, (evg_view)view), *g2 = build(c2, (evg_view)view);
        evg_scores *s1 = NULL, *s2 = NULL;
        evg_error err;
        assert_int_equal(evg_scores_compute(&s1, g1, NULL, &err), 0);
        assert_int_equal(evg_scores_compute(&s2, g2, NULL, &err), 0);
        char *x1 = export_str(g1, s1), *x2 = export_str(g2, s2), *x3 = export_str(g1, s1);
        assert_string_equal(x1, x2);
        assert_string_equal(x1, x3);
        free(x1);
        free(x2);
        free(x3);
        evg_scores_free(s1);
        evg_scores_free(s2);
        evg_graph_free(g1);
        evg_graph_free(g2);
    }
    evg_corpus_free(c1);
    evg_corpus_free(c2);
    free(rev);
    free(text);
}

/*
 * Switch LC_NUMERIC to a locale whose decimal point is a comma: an installed
 * one, else one compiled with localedef into `dir` (Debian ships the sources
 * in libc-bin without compiled locales). Returns 0 when one is active.
 */
static int comma_locale(const char *dir)
{
    const char *names[] = {"de_DE.UTF-8", "de_DE.utf8", "fr_FR.UTF-8"};
    char cmd[1024], probe[16];

    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
            if (setlocale(LC_NUMERIC, names[i]) == NULL)
                continue;
            snprintf(probe, sizeof probe, "%.1f", 0.5);
            if (strcmp(probe, "0,5") == 0)
                return 0;
            setlocale(LC_NUMERIC, "C");
        }
        if (pass == 0) {
            snprintf(cmd, sizeof cmd,
                     "localedef -i de_DE -f UTF-8 '%s/de_DE.UTF-8' >/dev/null 2>&1", dir);
            if (system(cmd) != 0)
                return -1;
            setenv("LOCPATH", dir, 1);
        }
    }
    return -1;
}

static void test_numbers_ignore_locale(void **state)
{
    static const evg_format formats[] = {EVG_FMT_GRAPHML, EVG_FMT_GEXF, EVG_FMT_GEXF12,
                                         EVG_FMT_JSON, EVG_FMT_CSV};
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_PEOPLE);
    evg_scores *s = NULL;
    evg_error err;
    char *before[5], *dir = th_mkdtemp();
    locale_t mine;
    int changed = 0;

    (void)state;
    assert_non_null(dir);
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    for (size_t i = 0; i < 5; i++)
        before[i] = export_fmt(g, s, formats[i]);
    assert_non_null(strstr(before[0], "<data key=\"v_pr\">0.5</data>"));
    assert_non_null(strstr(before[3], "\"pr\":0.5}"));
    if (comma_locale(dir) == 0) {
        changed = 1;
        mine = uselocale((locale_t)0);
        for (size_t i = 0; i < 5; i++) {
            char *after = export_fmt(g, s, formats[i]);
            assert_true(uselocale((locale_t)0) ==
                        mine); /* the thread's locale is restored */
            assert_string_equal(before[i], after);
            free(after);
        }
        setlocale(LC_NUMERIC, "C");
    }
    unsetenv("LOCPATH");
    th_rmtree(dir);
    free(dir);
    for (size_t i = 0; i < 5; i++)
        free(before[i]);
    evg_scores_free(s);
    evg_graph_free(g);
    evg_corpus_free(c);
    if (!changed)
        skip(); /* no locale with a decimal comma could be had on this machine */
}

static void test_format_names(void **state)
{
    const struct {
        const char *name;
        int rc;
        evg_format want;
    } cases[] = {
        {"graphml", 0, EVG_FMT_GRAPHML},
        {"GraphML", 0, EVG_FMT_GRAPHML},
        {"out/people.GRAPHML", 0, EVG_FMT_GRAPHML},
        {"gexf", 0, EVG_FMT_GEXF},
        {"out/graph.gexf", 0, EVG_FMT_GEXF}, /* the extension means GEXF 1.3 */
        {"GEXF12", 0, EVG_FMT_GEXF12},
        {"json", 0, EVG_FMT_JSON},
        {"people.json", 0, EVG_FMT_JSON},
        {"csv", 0, EVG_FMT_CSV},
        {"tables/people.CSV", 0, EVG_FMT_CSV},
        {"people.nodes.csv", 0, EVG_FMT_CSV},
        {"people.gexf12", EVG_EINVAL, 0}, /* 1.2draft by name only */
        {"people.txt", EVG_EINVAL, 0},
        {".graphml", EVG_EINVAL, 0}, /* no name */
        {".csv", EVG_EINVAL, 0},
        {"", EVG_EINVAL, 0},
        {NULL, EVG_EINVAL, 0},
    };

    (void)state;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        evg_format f = (evg_format)99;
        assert_int_equal(evg_format_from_name(&f, cases[i].name), cases[i].rc);
        assert_int_equal(f, cases[i].rc == 0 ? cases[i].want : (evg_format)99);
    }
    assert_string_equal(evg_format_name(EVG_FMT_GRAPHML), "graphml");
    assert_string_equal(evg_format_name(EVG_FMT_GEXF), "gexf");
    assert_string_equal(evg_format_name(EVG_FMT_GEXF12), "gexf12");
    assert_string_equal(evg_format_name(EVG_FMT_JSON), "json");
    assert_string_equal(evg_format_name(EVG_FMT_CSV), "csv");
    assert_string_equal(evg_format_name((evg_format)99), "unknown");
    assert_string_equal(evg_format_extension(EVG_FMT_GRAPHML), ".graphml");
    assert_string_equal(evg_format_extension(EVG_FMT_GEXF), ".gexf");
    assert_string_equal(evg_format_extension(EVG_FMT_GEXF12), ".gexf");
    assert_string_equal(evg_format_extension(EVG_FMT_JSON), ".json");
    assert_string_equal(evg_format_extension(EVG_FMT_CSV), ".csv");
    assert_string_equal(evg_format_extension((evg_format)99), "");
}

static void test_csv_path(void **state)
{
    char buf[64], tiny[12];

    (void)state;
    assert_int_equal(evg_export_csv_path(buf, sizeof buf, "out.csv", EVG_CSV_NODES), 0);
    assert_string_equal(buf, "out.nodes.csv");
    assert_int_equal(evg_export_csv_path(buf, sizeof buf, "g/People.CSV", EVG_CSV_EDGES),
                     0);
    assert_string_equal(buf, "g/People.edges.csv");
    assert_int_equal(evg_export_csv_path(buf, sizeof buf, "dir.csv/out", EVG_CSV_NODES),
                     0);
    assert_string_equal(buf, "dir.csv/out.nodes.csv");
    assert_int_equal(evg_export_csv_path(tiny, sizeof tiny, "out.csv", EVG_CSV_EDGES),
                     EVG_EINVAL); /* "out.edges.csv" does not fit */
    assert_int_equal(evg_export_csv_path(buf, sizeof buf, "-", EVG_CSV_NODES),
                     EVG_EINVAL);
    assert_int_equal(evg_export_csv_path(buf, sizeof buf, "", EVG_CSV_NODES), EVG_EINVAL);
    assert_int_equal(evg_export_csv_path(buf, sizeof buf, NULL, EVG_CSV_NODES),
                     EVG_EINVAL);
    assert_int_equal(evg_export_csv_path(buf, sizeof buf, "o.csv", (evg_csv_table)5),
                     EVG_EINVAL);
}

/* Callers built against version 1 of the options (no csv_table, no layout) still work. */
static void test_options_version_1(void **state)
{
    struct {
        unsigned version;
        evg_format format;
    } v1 = {1, EVG_FMT_GEXF};
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_PEOPLE);
    evg_export_opts now = EVG_EXPORT_OPTS_INIT;
    char *a, *b;

    (void)state;
    now.format = EVG_FMT_GEXF;
    a = export_opts_str(g, NULL, (const evg_export_opts *)(const void *)&v1);
    b = export_opts_str(g, NULL, &now);
    assert_non_null(strstr(a, "<gexf xmlns=\"http://gexf.net/1.3\""));
    assert_string_equal(a, b);
    free(a);
    free(b);
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_bad_arguments(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY), *empty = NULL;
    evg_graph *g = build(c, EVG_VIEW_FULL), *e;
    evg_scores *other = NULL;
    evg_export_opts o = EVG_EXPORT_OPTS_INIT;
    evg_error err;
    FILE *f = tmpfile();

    (void)state;
    assert_non_null(f);
    assert_int_equal(evg_corpus_new(&empty, &err), 0);
    e = build(empty, EVG_VIEW_FULL);
    assert_int_equal(evg_scores_compute(&other, e, NULL, &err), 0);
    assert_int_equal(evg_export(f, g, other, NULL, &err), EVG_EINVAL);
    assert_non_null(strstr(err.text, "another graph"));
    o.format = (evg_format)42;
    assert_int_equal(evg_export(f, g, NULL, &o, &err), EVG_EINVAL);
    o = (evg_export_opts)EVG_EXPORT_OPTS_INIT;
    o.version = 7;
    assert_int_equal(evg_export(f, g, NULL, &o, &err), EVG_EINVAL);
    o = (evg_export_opts)EVG_EXPORT_OPTS_INIT;
    o.format = EVG_FMT_CSV;
    o.csv_table = (evg_csv_table)9;
    assert_int_equal(evg_export(f, g, NULL, &o, &err), EVG_EINVAL);
    assert_int_equal(evg_export(NULL, g, NULL, NULL, &err), EVG_EINVAL);
    assert_int_equal(ftell(f), 0); /* nothing written on refusal */
    fclose(f);
    evg_scores_free(other);
    evg_graph_free(e);
    evg_graph_free(g);
    evg_corpus_free(empty);
    evg_corpus_free(c);
}

static void test_export_file_atomic(void **state)
{
    char *dir = th_mkdtemp(), *path, *missing, *got, *want;
    evg_corpus *c = corpus_of_text(TRICKY), *empty = NULL;
    evg_graph *g = build(c, EVG_VIEW_FULL), *e;
    evg_scores *other = NULL;
    evg_error err;

    (void)state;
    assert_non_null(dir);
    path = th_join(dir, "full.graphml");
    missing = th_join(dir, "no/such/dir/full.graphml");
    assert_int_equal(evg_export_file(path, g, NULL, NULL, &err), 0);
    got = th_read(path, NULL);
    want = export_str(g, NULL);
    assert_string_equal(got, want);
    free(got);
    /* A failed export leaves the earlier file whole and no temporary behind. */
    assert_int_equal(evg_corpus_new(&empty, &err), 0);
    e = build(empty, EVG_VIEW_FULL);
    assert_int_equal(evg_scores_compute(&other, e, NULL, &err), 0);
    memset(&err, 0, sizeof err);
    assert_int_equal(evg_export_file(path, g, other, NULL, &err), EVG_EINVAL);
    assert_string_equal(err.source, path);
    got = th_read(path, NULL);
    assert_string_equal(got, want);
    assert_int_equal(th_count_entries(dir, TH_TMP), 0);
    /* An unwritable place: EVG_EIO naming the file. */
    memset(&err, 0, sizeof err);
    assert_int_equal(evg_export_file(missing, g, NULL, NULL, &err), EVG_EIO);
    assert_string_equal(err.source, missing);
    free(got);
    free(want);
    evg_scores_free(other);
    evg_graph_free(e);
    evg_graph_free(g);
    evg_corpus_free(empty);
    evg_corpus_free(c);
    th_rmtree(dir);
    free(path);
    free(missing);
    free(dir);
}

/* CSV into files: both tables, replaced together or not at all. */
static void test_export_file_csv(void **state)
{
    char *dir = th_mkdtemp(), *path, *nodes, *edges, *missing, *got[2], *want[2];
    evg_corpus *c = corpus_of_text(TRICKY), *empty = NULL;
    evg_graph *g = build(c, EVG_VIEW_FULL), *e;
    evg_scores *other = NULL;
    evg_export_opts o = EVG_EXPORT_OPTS_INIT;
    evg_error err;

    (void)state;
    assert_non_null(dir);
    path = th_join(dir, "full.csv");
    nodes = th_join(dir, "full.nodes.csv");
    edges = th_join(dir, "full.edges.csv");
    missing = th_join(dir, "no/such/full.csv");
    o.format = EVG_FMT_CSV;
    assert_int_equal(evg_export_file(path, g, NULL, &o, &err), 0);
    got[0] = th_read(nodes, NULL);
    got[1] = th_read(edges, NULL);
    for (int k = 0; k < 2; k++) {
        o.csv_table = (evg_csv_table)k;
        want[k] = export_opts_str(g, NULL, &o);
        assert_non_null(got[k]);
        assert_string_equal(got[k], want[k]);
        free(got[k]);
    }
    assert_int_equal(strncmp(want[0], "Id,Label,", 9), 0);
    assert_int_equal(strncmp(want[1], "Source,Target,Type,Id,Label,Weight,Kind,", 40), 0);
    assert_int_equal(th_count_entries(dir, ".csv"), 2); /* the two tables, nothing else */
    assert_int_equal(th_count_entries(dir, TH_TMP), 0);
    /* A failed export leaves both earlier tables whole. */
    assert_int_equal(evg_corpus_new(&empty, &err), 0);
    e = build(empty, EVG_VIEW_FULL);
    assert_int_equal(evg_scores_compute(&other, e, NULL, &err), 0);
    memset(&err, 0, sizeof err);
    assert_int_equal(evg_export_file(path, g, other, &o, &err), EVG_EINVAL);
    assert_string_equal(err.source, nodes);
    got[0] = th_read(nodes, NULL);
    got[1] = th_read(edges, NULL);
    assert_string_equal(got[0], want[0]);
    assert_string_equal(got[1], want[1]);
    assert_int_equal(th_count_entries(dir, TH_TMP), 0);
    /* Standard output takes one stream, not two tables. */
    memset(&err, 0, sizeof err);
    assert_int_equal(evg_export_file("-", g, NULL, &o, &err), EVG_EINVAL);
    assert_non_null(strstr(err.text, "two files"));
    memset(&err, 0, sizeof err);
    assert_int_equal(evg_export_file(missing, g, NULL, &o, &err), EVG_EIO);
    assert_non_null(strstr(err.source, "no/such/full.nodes.csv"));
    for (int k = 0; k < 2; k++) {
        free(got[k]);
        free(want[k]);
    }
    evg_scores_free(other);
    evg_graph_free(e);
    evg_graph_free(g);
    evg_corpus_free(empty);
    evg_corpus_free(c);
    th_rmtree(dir);
    free(path);
    free(nodes);
    free(edges);
    free(missing);
    free(dir);
}

static void test_empty_graph_exports(void **state)
{
    evg_corpus *c = NULL;
    evg_graph *g;
    evg_scores *s = NULL;
    evg_error err;
    char *xml;

    (void)state;
    assert_int_equal(evg_corpus_new(&c, &err), 0);
    g = build(c, EVG_VIEW_PEOPLE);
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    xml = export_str(g, s);
    check_structure(xml);
    assert_null(strstr(xml, "<node"));
    assert_non_null(strstr(xml, "</graph>\n</graphml>\n"));
    free(xml);
    evg_scores_free(s);
    evg_graph_free(g);
    evg_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fmt_double),
        cmocka_unit_test(test_xml_text),
        cmocka_unit_test(test_graphml_escaped_and_parses),
        cmocka_unit_test(test_graphml_views_and_columns),
        cmocka_unit_test(test_deterministic),
        cmocka_unit_test(test_numbers_ignore_locale),
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_csv_path),
        cmocka_unit_test(test_options_version_1),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_export_file_atomic),
        cmocka_unit_test(test_export_file_csv),
        cmocka_unit_test(test_empty_graph_exports),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
