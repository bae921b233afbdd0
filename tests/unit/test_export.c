/* Unit tests of src/export: GraphML bytes, escaping, formats, atomic files. */
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
#include "unit_helpers.h"

#define FIXTURE EVG_TEST_DATA "/graph/two_docs.jsonl"

/* A person whose name needs every kind of escaping, and a control character. */
static const char TRICKY[] =
    "{\"doc\":{\"id\":\"x-1\",\"date\":\"2025-05-05\"},\"entities\":["
    "{\"id\":\"person:marta-mo\",\"type\":\"person\","
    "\"name\":\"Marta \\\"Mo\\\" <\\u00d8ster> & Sons\\u0001\\tJr\","
    "\"titles\":[\"Envoy 'Special'\"],\"country\":\"XAR\"},"
    "{\"id\":\"person:jo\",\"type\":\"person\",\"name\":\"Jo \\u0160ar\\u00e1\"}],"
    "\"events\":[{\"id\":\"x-1#1\",\"type\":\"meeting\",\"status\":\"reported\","
    "\"date\":\"2025-05-05\",\"place\":\"Caf\\u00e9 <Nord>\",\"participants\":["
    "{\"entity\":\"person:marta-mo\",\"role\":\"host\"},{\"entity\":\"person:jo\"}],"
    "\"evidence\":[{\"start\":0,\"end\":5,\"text\":\"a\\r\\nb --> c\\u0002\"}]}]}";

static evg_corpus *corpus_of_text(const char *text)
{
    evg_corpus *c = NULL;
    evg_error err;
    const char *p = text;

    assert_int_equal(evg_corpus_new(&c, &err), 0);
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        evg_doc *d = NULL;
        if (n > 0) {
            if (evg_doc_parse_json(&d, p, n, "test", 1, &err) < 0)
                fail_msg("%s", err.text);
            assert_int_equal(evg_corpus_add_doc(c, d, &err), 0);
        }
        p += n + (nl != NULL);
    }
    return c;
}

static evg_graph *build(const evg_corpus *c, evg_view view)
{
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_graph *g = NULL;
    evg_error err;

    o.view = view;
    assert_int_equal(evg_graph_build(&g, c, &o, &err), 0);
    return g;
}

/* Export into a malloc()ed string. */
static char *export_str(const evg_graph *g, const evg_scores *s)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    evg_error err;

    assert_non_null(f);
    if (evg_export(f, g, s, NULL, &err) < 0)
        fail_msg("export: %s", err.text);
    fclose(f);
    return buf;
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
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_PEOPLE);
    evg_scores *s = NULL;
    evg_error err;
    char *before, *after = NULL, *dir = th_mkdtemp();
    locale_t mine;

    (void)state;
    assert_non_null(dir);
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    before = export_str(g, s);
    assert_non_null(strstr(before, "<data key=\"v_pr\">0.5</data>"));
    if (comma_locale(dir) == 0) {
        mine = uselocale((locale_t)0);
        after = export_str(g, s);
        assert_true(uselocale((locale_t)0) == mine); /* the thread's locale is restored */
        setlocale(LC_NUMERIC, "C");
        assert_string_equal(before, after);
        free(after);
    }
    unsetenv("LOCPATH");
    th_rmtree(dir);
    free(dir);
    free(before);
    evg_scores_free(s);
    evg_graph_free(g);
    evg_corpus_free(c);
    if (after == NULL)
        skip(); /* no locale with a decimal comma could be had on this machine */
}

static void test_format_names(void **state)
{
    evg_format f = (evg_format)99;

    (void)state;
    assert_int_equal(evg_format_from_name(&f, "graphml"), 0);
    assert_int_equal(f, EVG_FMT_GRAPHML);
    f = (evg_format)99;
    assert_int_equal(evg_format_from_name(&f, "GraphML"), 0);
    assert_int_equal(f, EVG_FMT_GRAPHML);
    assert_int_equal(evg_format_from_name(&f, "out/people.GRAPHML"), 0);
    assert_int_equal(evg_format_from_name(&f, "gexf"), EVG_EINVAL);
    assert_int_equal(evg_format_from_name(&f, "people.txt"), EVG_EINVAL);
    assert_int_equal(evg_format_from_name(&f, ".graphml"), EVG_EINVAL); /* no name */
    assert_int_equal(evg_format_from_name(&f, ""), EVG_EINVAL);
    assert_int_equal(evg_format_from_name(&f, NULL), EVG_EINVAL);
    assert_string_equal(evg_format_name(EVG_FMT_GRAPHML), "graphml");
    assert_string_equal(evg_format_name((evg_format)99), "unknown");
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
    assert_int_equal(th_count_entries(dir, ".tmp."), 0);
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
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_export_file_atomic),
        cmocka_unit_test(test_empty_graph_exports),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
