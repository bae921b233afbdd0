/*
 * Unit tests of the merge (src/graph/{people,agreements,meetings,alias}.c):
 * one person, meeting and agreement across documents, and a graph that
 * depends on the set of documents only.
 */
#include "merge/merge.h"
#include "merge_helpers.h"

/* ---- people ------------------------------------------------------------- */

static void test_names_fold(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-01-10'",
            PERSON("selcuk-bayraktaroglu", "Selçuk Bayraktaroğlu", "'TUR'"), ""),
        DOC("b", "'2025-01-11'",
            PERSON("selcuk-bayraktaroglu", "SELCUK BAYRAKTAROGLU", "'TUR'"), ""),
        DOC("c", "'2025-01-12'",
            PERSON("s-bayraktaroglu", "Selcuk  Bayraktaroglu", "null"), ""),
    };
    evg_graph *g = mh_graph(docs, 3, NULL);
    size_t v;

    (void)state;
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 1);
    v = mh_vertex(g, "person:selcuk-bayraktaroglu"); /* the most frequent id */
    /* Capitals only rank last; of the others, the longer (with its diacritics) wins. */
    assert_string_equal(evg_graph_vertex_label(g, v), "Selçuk Bayraktaroğlu");
    assert_string_equal(evg_graph_vertex_attr(g, v, "aliases"),
                        "SELCUK BAYRAKTAROGLU; Selcuk  Bayraktaroglu");
    assert_string_equal(evg_graph_vertex_attr(g, v, "country"), "TUR");
    assert_int_equal(mh_num(g, v, "sources"), 3);
    evg_graph_free(g);
}

static void test_surname_joins_its_person(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-05-12'", PERSON("kadri-lepik", "Kadri Lepik", "'EST'"), ""),
        DOC("b", "'2025-05-13'", PERSON("lepik", "Lepik", "'EST'"), ""),
        DOC("c", "'2025-05-14'", PERSON("k-lepik", "K. Lepik", "null"), ""),
    };
    evg_graph *g = mh_graph(docs, 3, NULL);
    size_t v;

    (void)state;
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 1);
    v = mh_vertex(g, "person:kadri-lepik");
    assert_string_equal(evg_graph_vertex_label(g, v), "Kadri Lepik");
    assert_string_equal(evg_graph_vertex_attr(g, v, "aliases"), "K. Lepik; Lepik");
    assert_int_equal(mh_num(g, v, "sources"), 3);
    evg_graph_free(g);
}

/*
 * Spelling variants of one person of one country are one node: a doubled
 * letter, "sch" for "sh", "y" for "i"; of two countries, two people.
 */
static void test_spelling_variants(void **state)
{
    const char *docs[] = {
        DOC("a", "'1987-03-01'", PERSON("george-shultz", "George Shultz", "'USA'"), ""),
        DOC("b", "'1987-03-02'", PERSON("george-schultz", "George Schultz", "'USA'"), ""),
        DOC("c", "'1987-03-03'",
            PERSON("francois-mitterrand", "Francois Mitterrand", "'FRA'"), ""),
        DOC("d", "'1987-03-04'",
            PERSON("francois-mitterand", "Francois Mitterand", "'FRA'"), ""),
        DOC("e", "'1987-03-05'", PERSON("nikolay-orlov", "Nikolay Orlov", "'BGR'"), ""),
        DOC("f", "'1987-03-06'", PERSON("nikolai-orlov", "Nikolai Orlov", "'SUN'"), ""),
    };
    /* the order of the documents changes nothing */
    evg_graph *g = mh_graph_any_order(docs, 6);

    (void)state;
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 4);
    /* one node of two sources each, under one of the two ids */
    assert_true(mh_has(g, "person:george-schultz") != mh_has(g, "person:george-shultz"));
    assert_int_equal(
        mh_num(g,
               mh_vertex(g, mh_has(g, "person:george-shultz") ? "person:george-shultz"
                                                              : "person:george-schultz"),
               "sources"),
        2);
    assert_true(mh_has(g, "person:francois-mitterrand") !=
                mh_has(g, "person:francois-mitterand"));
    /* the same skeleton in two countries: two people */
    assert_true(mh_has(g, "person:nikolai-orlov") && mh_has(g, "person:nikolay-orlov"));
    evg_graph_free(g);
}

/* A short name joins a full name of its era only: a title is no given name. */
static void test_surname_of_another_era(void **state)
{
    const char *docs[] = {
        DOC("a", "'1987-05-12'", PERSON_T("hassan", "Hassan", "'MAR'", "King"), ""),
        DOC("b", "'2004-10-20'", PERSON("margaret-hassan", "Margaret Hassan", "null"),
            ""),
        DOC("c", "'2001-03-02'", PERSON("hassan", "Hassan", "null"), ""),
    };
    evg_graph *g = mh_graph(docs, 3, NULL);

    (void)state;
    /* 1987 is 17 years from 2004: two people; 2001 is of her era */
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "person:margaret-hassan"), "sources"), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "person:hassan"), "sources"), 1);
    evg_graph_free(g);
}

static void test_same_surname_other_countries(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-02-01'",
            PERSON("anna-berg", "Anna Berg", "'SWE'") "," PERSON("lars-berg", "Lars Berg",
                                                                 "'NOR'"),
            ""),
        DOC("b", "'2025-02-02'", PERSON("berg", "Berg", "'SWE'"), ""),
        DOC("c", "'2025-02-03'", PERSON("berg", "Berg", "'NOR'"), ""),
        DOC("d", "'2025-02-04'", PERSON("berg", "Berg", "null"), ""), /* either: apart */
        DOC("e", "'2025-02-05'", PERSON("a-berg", "A. Berg", "null"), ""), /* Anna only */
        DOC("f", "'2025-02-06'", PERSON("ozola", "Ozola", "'LVA'"), ""),
        DOC("g", "'2025-02-07'", PERSON("ozola", "Ozola", "'EST'"), ""),
    };
    evg_graph *g = mh_graph(docs, 7, NULL);

    (void)state;
    /* Anna Berg, Lars Berg, the ambiguous Berg, two Ozolas of two countries. */
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 5);
    assert_int_equal(mh_num(g, mh_vertex(g, "person:anna-berg"), "sources"), 3);
    assert_string_equal(mh_attr(g, "person:anna-berg", "aliases"), "A. Berg; Berg");
    assert_int_equal(mh_num(g, mh_vertex(g, "person:lars-berg"), "sources"), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "person:berg"), "sources"), 1);
    assert_null(mh_attr(g, "person:berg", "country"));
    /* Two people called Ozola: the ids clash, the second by key gets ".2". */
    assert_string_equal(mh_attr(g, "person:ozola", "country"), "EST");
    assert_string_equal(mh_attr(g, "person:ozola.2", "country"), "LVA");
    evg_graph_free(g);
}

static void test_surname_without_country_joins_the_one(void **state)
{
    const char *one[] = {
        DOC("a", "'2025-02-01'", PERSON("kask", "Kask", "'EST'"), ""),
        DOC("b", "'2025-02-02'", PERSON("kask", "Kask", "null"), ""),
    };
    evg_graph *g = mh_graph(one, 2, NULL);

    (void)state;
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 1);
    assert_int_equal(mh_num(g, mh_vertex(g, "person:kask"), "sources"), 2);
    evg_graph_free(g);
}

static void test_titles_dated_country_unified(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-01-10'",
            PERSON_T("ivo-tamm", "Ivo Tamm", "'EST'", "Minister of Defence"), ""),
        DOC("b", "'2025-03-01'",
            "{'id':'person:ivo-tamm','type':'person','name':'Ivo Tamm','titles':"
            "['minister of defence','Prime Minister'],'country':'EST','org':null}",
            ""),
        DOC("c", "'2025-06-01'",
            PERSON_T("ivo-tamm", "Ivo Tamm", "'FIN'", "Prime Minister"), ""),
    };
    evg_graph *g = mh_graph(docs, 3, NULL);
    size_t e;

    (void)state;
    assert_string_equal(mh_attr(g, "person:ivo-tamm", "titles"),
                        "Minister of Defence; Prime Minister");
    assert_string_equal(mh_attr(g, "person:ivo-tamm", "title"), "Prime Minister");
    assert_string_equal(mh_attr(g, "person:ivo-tamm", "titles_seen"),
                        "Minister of Defence (2025-01-10/2025-03-01); "
                        "Prime Minister (2025-03-01/2025-06-01)");
    /* Two documents say Estonia, one Finland: Estonia, and one edge to it. */
    assert_string_equal(mh_attr(g, "person:ivo-tamm", "country"), "EST");
    e = mh_edge(g, "person:ivo-tamm", "country:EST", "represents");
    assert_true(e != SIZE_MAX && evg_graph_edge_weight(g, e) == 2.0);
    assert_false(mh_has(g, "country:FIN"));
    evg_graph_free(g);
}

/*
 * A person keeps every title with its dates; the edge to each meeting shows the one
 * held at the meeting's date, the node the latest.
 */
static void test_title_at_meeting_date(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-01-10'",
            PERSON_T("ivo-tamm", "Ivo Tamm", "'EST'", "Minister of Defence") "," PERSON_T(
                "rui-canto", "Rui Canto", "'FIN'", "Foreign Minister"),
            EVENT("a#1", "meeting", "reported", "'2025-01-09'", "null",
                  HOST("ivo-tamm") "," GUEST("rui-canto"))),
        DOC("b", "'2025-06-01'",
            PERSON_T("ivo-tamm", "Ivo Tamm", "'EST'", "Prime Minister") "," PERSON_T(
                "lena-kask", "Lena Kask", "'LVA'", "President"),
            EVENT("b#1", "meeting", "reported", "'2025-05-30'", "null",
                  HOST("ivo-tamm") "," GUEST("lena-kask"))),
        /* a later meeting that names no title: the one held last before it */
        DOC("c", "'2025-09-01'",
            PERSON("ivo-tamm", "Ivo Tamm", "'EST'") "," PERSON("rui-canto", "Rui Canto",
                                                               "'FIN'"),
            EVENT("c#1", "call", "reported", "'2025-08-30'", "null",
                  PART("ivo-tamm") "," PART("rui-canto"))),
    };
    evg_graph *g = mh_graph(docs, 3, NULL);
    size_t e;

    (void)state;
    assert_string_equal(mh_attr(g, "person:ivo-tamm", "title"), "Prime Minister");
    e = mh_edge(g, "person:ivo-tamm", "meeting:a-1", "participated_in");
    assert_true(e != SIZE_MAX);
    assert_string_equal(evg_graph_edge_attr(g, e, "title"), "Minister of Defence");
    e = mh_edge(g, "person:ivo-tamm", "meeting:b-1", "participated_in");
    assert_true(e != SIZE_MAX);
    assert_string_equal(evg_graph_edge_attr(g, e, "title"), "Prime Minister");
    e = mh_edge(g, "person:ivo-tamm", "meeting:c-1", "participated_in");
    assert_true(e != SIZE_MAX);
    assert_string_equal(evg_graph_edge_attr(g, e, "title"), "Prime Minister");
    e = mh_edge(g, "person:rui-canto", "meeting:c-1", "participated_in");
    assert_true(e != SIZE_MAX);
    assert_string_equal(evg_graph_edge_attr(g, e, "title"), "Foreign Minister");
    evg_graph_free(g);
}

/*
 * drop_mentions: the full graph leaves out what is only mentioned (a person in no
 * event, an agreement no meeting names, a country nobody of an event is from), and
 * keeps every entity an event reaches.
 */
static void test_drop_mentions(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-01-10'",
            PERSON_T("ivo-tamm", "Ivo Tamm", "'EST'", "Minister of Defence") "," PERSON_T(
                "rui-canto", "Rui Canto", "'FIN'",
                "Foreign Minister") "," PERSON_T("lena-kask", "Lena Kask", "'LVA'",
                                                 "President") ","
                                                              "{'id':'agreement:old-pact'"
                                                              ",'type':'agreement','name'"
                                                              ":'Old "
                                                              "Pact','kind':'other'}",
            EVENT("a#1", "meeting", "reported", "'2025-01-09'", "null",
                  HOST("ivo-tamm") "," GUEST("rui-canto"))),
    };
    evg_corpus *c = mh_corpus(docs, 1);
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_graph *all = mh_build(c, EVG_VIEW_FULL, NULL), *g = NULL;
    evg_error err;

    (void)state;
    o.drop_mentions = 1;
    assert_int_equal(evg_graph_build(&g, c, &o, &err), 0);
    /* by default the mentioned are there */
    assert_true(mh_has(all, "person:lena-kask") && mh_has(all, "agreement:old-pact") &&
                mh_has(all, "country:LVA"));
    assert_false(mh_has(g, "person:lena-kask"));
    assert_false(mh_has(g, "agreement:old-pact"));
    assert_false(mh_has(g, "country:LVA"));
    assert_true(mh_has(g, "person:ivo-tamm") && mh_has(g, "person:rui-canto"));
    assert_true(mh_has(g, "country:EST") && mh_has(g, "country:FIN"));
    assert_true(mh_has(g, "meeting:a-1"));
    assert_true(mh_edge(g, "person:ivo-tamm", "country:EST", "represents") != SIZE_MAX);
    evg_graph_free(g);
    evg_graph_free(all);
    evg_corpus_free(c);
}

/*
 * Filters (evg_filter): events of two months and three countries. Each
 * filter keeps only the meetings it selects and what they touch; a filter
 * of older options versions is not read; bad values are refused.
 */
static const char *const FILTER_DOCS[] = {
    DOC("a", "'2025-03-05'",
        PERSON("ivo-tamm", "Ivo Tamm", "'EST'") "," PERSON("rui-canto", "Rui Canto",
                                                           "'FIN'"),
        EVENT("a#1", "meeting", "reported", "'2025-03-04'", "null",
              HOST("ivo-tamm") "," GUEST("rui-canto"))),
    DOC("b", "'2025-03-21'",
        PERSON("ivo-tamm", "Ivo Tamm", "'EST'") "," PERSON("lena-kask", "Lena Kask",
                                                           "'LVA'"),
        EVENT("b#1", "call", "reported", "'2025-03-20'", "null",
              PART("ivo-tamm") "," PART("lena-kask"))),
    DOC("c", "'2025-04-09'",
        PERSON("rui-canto", "Rui Canto", "'FIN'") "," PERSON("lena-kask", "Lena Kask",
                                                             "'LVA'"),
        EVENT("c#1", "meeting", "reported", "'2025-04-08'", "'Riga'",
              HOST("lena-kask") "," GUEST("rui-canto"))),
    DOC("d", "'2025-04-16'",
        PERSON("mia-saar", "Mia Saar", "'EST'") "," PERSON("ott-oja", "Ott Oja", "'FIN'"),
        EVENT("d#1", "visit", "planned", "'2025-04-30'", "null",
              HOST("ott-oja") "," GUEST("mia-saar"))),
};

static evg_graph *filtered(const evg_corpus *c, evg_view view, evg_filter f)
{
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_graph *g = NULL;
    evg_error err;

    o.view = view;
    o.filter = f;
    if (evg_graph_build(&g, c, &o, &err) < 0)
        fail_msg("%s", err.text);
    return g;
}

/* Which of the meetings a-1, b-1, c-1, d-1 the graph has: "ab", "c"... */
static void assert_meetings(const evg_graph *g, const char *want)
{
    char have[5] = "", id[16];
    size_t n = 0;

    for (char m = 'a'; m <= 'd'; m++) {
        snprintf(id, sizeof id, "meeting:%c-1", m);
        if (mh_has(g, id))
            have[n++] = m;
    }
    have[n] = '\0';
    assert_string_equal(have, want);
}

static void test_filter(void **state)
{
    evg_corpus *c = mh_corpus(FILTER_DOCS, 4);
    const char *latvia[] = {"Latvia"}, *lva[] = {"lva"}, *two[] = {"EST", "FIN"};
    evg_graph *g;
    size_t e;

    (void)state;
    /* no filter: everything, the mentioned too */
    g = filtered(c, EVG_VIEW_FULL, (evg_filter){0});
    assert_meetings(g, "abcd");
    assert_null(evg_graph_filter(g));
    evg_graph_free(g);
    /* one month: its meetings and their people, countries, no place of April */
    g = filtered(c, EVG_VIEW_FULL, (evg_filter){.from = "2025-03", .to = "2025-03"});
    assert_meetings(g, "ab");
    assert_true(mh_has(g, "person:ivo-tamm") && mh_has(g, "person:rui-canto") &&
                mh_has(g, "person:lena-kask"));
    assert_false(mh_has(g, "person:mia-saar") || mh_has(g, "person:ott-oja"));
    assert_true(mh_has(g, "country:EST") && mh_has(g, "country:LVA"));
    assert_false(mh_has(g, "place:riga"));
    evg_graph_free(g);
    /* and its people view: the tie of April is gone, March's counted once */
    g = filtered(c, EVG_VIEW_PEOPLE, (evg_filter){.from = "2025-03-01", .to = "2025-03"});
    assert_true(mh_edge(g, "person:ivo-tamm", "person:rui-canto", "met") != SIZE_MAX);
    assert_true(mh_edge(g, "person:lena-kask", "person:rui-canto", "met") == SIZE_MAX);
    assert_int_equal(mh_num(g, mh_vertex(g, "person:rui-canto"), "meetings"), 1);
    assert_false(mh_has(g, "person:ott-oja"));
    evg_graph_free(g);
    g = filtered(c, EVG_VIEW_FULL, (evg_filter){.from = "2025-04-09"});
    assert_meetings(g, "d");
    evg_graph_free(g);
    /* a country: meetings someone of it took part in, by code or name */
    g = filtered(c, EVG_VIEW_FULL, (evg_filter){.countries = latvia, .ncountries = 1});
    assert_meetings(g, "bc");
    assert_true(mh_has(g, "place:riga") && mh_has(g, "person:ivo-tamm"));
    assert_false(mh_has(g, "person:mia-saar"));
    evg_graph_free(g);
    g = filtered(c, EVG_VIEW_FULL, (evg_filter){.countries = lva, .ncountries = 1});
    assert_meetings(g, "bc");
    evg_graph_free(g);
    g = filtered(c, EVG_VIEW_FULL,
                 (evg_filter){.countries = two, .ncountries = 2, .from = "2025"});
    assert_meetings(g, "ad");
    assert_string_equal(evg_graph_filter(g), "from 2025; country EST, FIN");
    evg_graph_free(g);
    /* a type, a status */
    g = filtered(c, EVG_VIEW_FULL, (evg_filter){.event_types = 1u << EVG_EV_CALL});
    assert_meetings(g, "b");
    assert_string_equal(evg_graph_filter(g), "type call");
    assert_false(mh_has(g, "person:rui-canto"));
    evg_graph_free(g);
    g = filtered(c, EVG_VIEW_BIPARTITE,
                 (evg_filter){.statuses = 1u << EVG_STATUS_PLANNED});
    assert_meetings(g, "d");
    e = mh_edge(g, "person:mia-saar", "meeting:d-1", "participated_in");
    assert_true(e != SIZE_MAX);
    assert_false(mh_has(g, "person:ivo-tamm"));
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_filter_refused(void **state)
{
    evg_corpus *c = mh_corpus(FILTER_DOCS, 4);
    const char *narnia[] = {"Narnia"};
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_graph *g = NULL;
    evg_error err;

    (void)state;
    o.filter.from = "2025-13";
    assert_int_equal(evg_filter_check(&o.filter, &err), EVG_EINVAL);
    assert_string_equal(err.text,
                        "'2025-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    assert_int_equal(evg_graph_build(&g, c, &o, &err), EVG_EINVAL);
    assert_null(g);
    o.filter.from = NULL;
    o.filter.countries = narnia;
    o.filter.ncountries = 1;
    assert_int_equal(evg_graph_build(&g, c, &o, &err), EVG_EINVAL);
    assert_non_null(strstr(err.text, "unknown country 'Narnia'"));
    o.filter.ncountries = 0;
    o.filter.event_types = 1u << 7;
    assert_int_equal(evg_filter_check(&o.filter, &err), EVG_EINVAL);
    /* version 3 options end before the filter: not read */
    o.version = 3;
    assert_int_equal(evg_graph_build(&g, c, &o, &err), 0);
    assert_meetings(g, "abcd");
    evg_graph_free(g);
    evg_corpus_free(c);
}

#define ALIASES                                                                          \
    "{\"Recep Tayyip Erdogan\": [\"Tayyip Erdoğan\", \"R. T. Erdogan\", \"Erdogan\"]}"

static void test_aliases_merge(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-01-01'",
            PERSON("recep-tayyip-erdogan", "Recep Tayyip Erdogan", "'TUR'"), ""),
        DOC("b", "'2025-01-02'", PERSON("tayyip-erdogan", "Tayyip Erdogan", "null"), ""),
        DOC("c", "'2025-01-03'", PERSON("erdogan", "ERDOGAN", "'TUR'"), ""),
    };
    evg_aliases *a = NULL;
    evg_error err;
    evg_graph *g;

    (void)state;
    /* By the rules alone: two full names, and a surname that could be either. */
    g = mh_graph(docs, 3, NULL);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 3);
    evg_graph_free(g);
    assert_int_equal(
        evg_aliases_parse(&a, ALIASES, strlen(ALIASES), "aliases.json", &err), 0);
    assert_int_equal(evg_aliases_count(a), 1);
    g = mh_graph(docs, 3, a);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 1);
    assert_string_equal(mh_attr(g, "person:recep-tayyip-erdogan", "aliases"),
                        "ERDOGAN; Tayyip Erdogan");
    assert_string_equal(
        evg_graph_vertex_label(g, mh_vertex(g, "person:recep-tayyip-erdogan")),
        "Recep Tayyip Erdogan");
    evg_graph_free(g);
    evg_aliases_free(a);
}

static void check_alias_error(const char *text, int line, const char *message)
{
    evg_aliases *a = (evg_aliases *)&a;
    evg_error err;

    memset(&err, 0, sizeof err);
    assert_int_equal(evg_aliases_parse(&a, text, strlen(text), "al.json", &err),
                     EVG_EPARSE);
    assert_null(a);
    assert_string_equal(err.source, "al.json");
    assert_int_equal(err.line, line);
    if (strstr(err.text, message) == NULL)
        fail_msg("'%s' does not say '%s'", err.text, message);
}

static void test_alias_errors(void **state)
{
    evg_aliases *a = NULL;
    evg_error err;

    (void)state;
    check_alias_error("{\"A B\": [\"C\"],\n \"D\": [\"E\"", 2, "invalid JSON");
    check_alias_error("[\"A\"]", 1, "expected an object");
    check_alias_error("{\n\"Ann Bay\": \"Bay\"}", 2, "'Ann Bay': expected an array");
    check_alias_error("{\"Ann Bay\": [\"Bay\", \"\"]}", 1,
                      "variant 2 is not a non-empty");
    check_alias_error("{\"Ann Bay\": [\"--\"]}", 1, "'--': a name needs a letter");
    check_alias_error("{\"A\": [], \"A\": []}", 1, "duplicate");
    /* A variant under two names, in either order; a canonical name as a variant. */
    check_alias_error("{\"Ann Bay\": [\"Bay\"],\n\"Bo Bay\": [\"BAY\"]}", 2,
                      "'BAY' names both 'Ann Bay' and 'Bo Bay'");
    check_alias_error("{\"Bo Bay\": [\"Bay\"],\n\"Ann Bay\": [\"BAY\"]}", 2,
                      "'BAY' names both 'Ann Bay' and 'Bo Bay'");
    check_alias_error("{\"Ann Bay\": [\"Bay\"],\n\"Bay\": []}", 1, "names both");
    assert_int_equal(evg_aliases_load(&a, EVG_TEST_DATA "/no/such/file.json", &err),
                     EVG_EIO);
    assert_null(a);
    evg_aliases_free(NULL);
}

/* ---- meetings ----------------------------------------------------------- */

#define KIVI PERSON("mart-kivisild", "Mart Kivisild", "'EST'")
#define OZOLA PERSON("ilze-ozola", "Ilze Ozola", "'LVA'")
#define VIRTA PERSON("aino-virta", "Aino Virta", "'FIN'")
#define MEET(id, date, place, parts) EVENT(id, "meeting", "reported", date, place, parts)
#define KO PART("mart-kivisild") "," PART("ilze-ozola")

static size_t meetings(const evg_graph *g)
{
    return evg_graph_count_type(g, EVG_NODE_MEETING);
}

static void test_reports_of_one_meeting(void **state)
{
    const char *docs[] = {
        DOC("err", "'2025-05-13'", KIVI "," OZOLA,
            MEET("err#1", "'2025-05-12'", "'Tallinn'",
                 HOST("mart-kivisild") "," GUEST("ilze-ozola"))),
        DOC("lsm", "'2025-05-12'", OZOLA "," KIVI,
            MEET("lsm#1", "'2025-05-12'", "'the Estonian capital'",
                 PART("ilze-ozola") "," PART("mart-kivisild"))),
        DOC("lrt", "'2025-05-14'", OZOLA, /* a day later, naming one of the two */
            MEET("lrt#1", "'2025-05-13'", "null", PART("ilze-ozola"))),
        DOC("zz", "'2025-06-20'", KIVI "," OZOLA, /* another meeting, in Riga */
            MEET("zz#1", "'2025-06-19'", "'Riga'",
                 PART("ilze-ozola") "," PART("mart-kivisild"))),
    };
    evg_graph *g = mh_graph(docs, 4, NULL);
    evg_graph_stats st;
    size_t m, e;

    (void)state;
    assert_int_equal(meetings(g), 2);
    m = mh_vertex(g, "meeting:err-1");
    assert_int_equal(mh_num(g, m, "sources"), 3);
    assert_int_equal(mh_num(g, m, "reports"), 3);
    assert_string_equal(evg_graph_vertex_attr(g, m, "docs"), "err; lrt; lsm");
    assert_string_equal(evg_graph_vertex_attr(g, m, "date"), "2025-05-12");
    assert_string_equal(evg_graph_vertex_attr(g, m, "last_seen"), "2025-05-13");
    assert_string_equal(evg_graph_vertex_attr(g, m, "place"),
                        "Tallinn"); /* from a capital */
    assert_string_equal(evg_graph_vertex_attr(g, m, "place_country"), "EST");
    assert_string_equal(
        evg_graph_vertex_attr(g, m, "evidence"),
        "[err] err#1 happened. [lrt] lrt#1 happened. [lsm] lsm#1 happened.");
    /* The roles one report gives survive; the edge counts the reports naming her. */
    e = mh_edge(g, "person:ilze-ozola", "meeting:err-1", "participated_in");
    assert_string_equal(evg_graph_edge_attr(g, e, "role"), "guest");
    assert_true(evg_graph_edge_weight(g, e) == 3.0);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:zz-1"), "sources"), 1);
    assert_int_equal(mh_num(g, mh_vertex(g, "person:ilze-ozola"), "meetings"), 2);
    evg_graph_get_stats(&st, g);
    assert_int_equal(st.reports, 4);
    assert_int_equal(st.meetings, 2);
    assert_int_equal(st.merged_reports, 2);
    evg_graph_free(g);
}

static void test_days_apart_stay_apart(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-05-12'", KIVI "," OZOLA,
            MEET("a#1", "'2025-05-12'", "null",
                 PART("ilze-ozola") "," PART("mart-kivisild"))),
        DOC("b", "'2025-05-13'", KIVI "," OZOLA,
            MEET("b#1", "'2025-05-13'", "null",
                 PART("ilze-ozola") "," PART("mart-kivisild"))),
        DOC("c", "'2025-05-14'", KIVI "," OZOLA,
            MEET("c#1", "'2025-05-14'", "null",
                 PART("ilze-ozola") "," PART("mart-kivisild"))),
    };
    evg_graph *g = mh_graph(docs, 3, NULL), *p;
    evg_corpus *c = mh_corpus(docs, 3);

    (void)state;
    /* 12 and 13 are one; 14 is two days after 12, so a meeting of its own. */
    assert_int_equal(meetings(g), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:a-1"), "reports"), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:c-1"), "reports"), 1);
    p = mh_build(c, EVG_VIEW_PEOPLE, NULL);
    assert_int_equal(evg_graph_edge_count(p), 1);
    assert_true(evg_graph_edge_weight(p, 0) == 2.0); /* two meetings, not three reports */
    assert_string_equal(evg_graph_edge_attr(p, 0, "first_date"), "2025-05-12");
    assert_string_equal(evg_graph_edge_attr(p, 0, "last_date"), "2025-05-14");
    evg_graph_free(p);
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_kinds_and_status(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-05-12'", KIVI "," OZOLA,
            MEET("a#1", "'2025-05-12'", "null",
                 PART("ilze-ozola") "," PART("mart-kivisild"))),
        DOC("b", "'2025-05-12'", KIVI "," OZOLA,
            EVENT("b#1", "call", "reported", "'2025-05-12'", "null",
                  PART("ilze-ozola") "," PART("mart-kivisild"))),
        DOC("c", "'2025-05-12'", KIVI "," OZOLA,
            EVENT("c#1", "meeting", "planned", "'2025-05-12'", "null",
                  PART("ilze-ozola") "," PART("mart-kivisild"))),
        DOC("d", "'2025-05-12'", KIVI "," OZOLA,
            EVENT("d#1", "meeting", "planned", "'2025-05-12'", "null",
                  PART("ilze-ozola") "," PART("mart-kivisild"))),
        /* In one article, a meeting and its signing are one; two meetings are two. */
        DOC("e", "'2025-07-01'", KIVI "," OZOLA,
            MEET("e#1", "'2025-07-01'", "null",
                 PART("ilze-ozola") "," PART(
                     "mart-kivisild")) "," EVENT("e#2", "signing", "reported",
                                                 "'2025-07-01'", "null",
                                                 PART("ilze-ozola") "," PART(
                                                     "mart-kivisild"))),
        DOC("f", "'2025-08-01'", KIVI "," OZOLA,
            MEET("f#1", "'2025-08-01'", "null",
                 PART("ilze-ozola") "," PART(
                     "mart-kivisild")) "," MEET("f#2", "'2025-08-01'", "null",
                                                PART("ilze-ozola") "," PART(
                                                    "mart-kivisild"))),
    };
    evg_graph *g = mh_graph(docs, 6, NULL);

    (void)state;
    /* a, b, c+d, e, f#1, f#2 */
    assert_int_equal(meetings(g), 6);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:c-1"), "reports"), 2);
    assert_string_equal(mh_attr(g, "meeting:e-1", "event_type"), "signing");
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:e-1"), "reports"), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:e-1"), "sources"), 1);
    assert_true(mh_has(g, "meeting:f-2"));
    evg_graph_free(g);
}

static void test_no_chaining_and_undated(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-05-12'", KIVI "," OZOLA,
            MEET("a#1", "'2025-05-12'", "null",
                 PART("mart-kivisild") "," PART("ilze-ozola"))),
        DOC("b", "'2025-05-12'", KIVI "," VIRTA,
            MEET("b#1", "'2025-05-12'", "null",
                 PART("mart-kivisild") "," PART("aino-virta"))),
        DOC("c", "'2025-05-12'", KIVI,
            MEET("c#1", "'2025-05-12'", "null", PART("mart-kivisild"))),
        /* Undated: Ozola and Virta met only once, so it is that meeting ... */
        DOC("d", "null", OZOLA "," VIRTA,
            MEET("d#1", "null", "null", PART("ilze-ozola") "," PART("aino-virta"))),
        DOC("e", "'2025-09-01'", OZOLA "," VIRTA,
            MEET("e#1", "'2025-09-01'", "null",
                 PART("ilze-ozola") "," PART("aino-virta"))),
        /* ... but Kivisild and Ozola met twice: an undated report stays apart. */
        DOC("f", "null", KIVI "," OZOLA,
            MEET("f#1", "null", "null", PART("ilze-ozola") "," PART("mart-kivisild"))),
        DOC("g", "'2025-10-01'", KIVI "," OZOLA,
            MEET("g#1", "'2025-10-01'", "null",
                 PART("ilze-ozola") "," PART("mart-kivisild"))),
        /* Another undated report of the same people: with the first, not alone again. */
        DOC("h", "null", KIVI "," OZOLA,
            MEET("h#1", "null", "null", PART("mart-kivisild") "," PART("ilze-ozola"))),
    };
    evg_graph *g = mh_graph(docs, 8, NULL);

    (void)state;
    /* {K,O} and {K,V} stay two; {K} joins the first formed of them. */
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:a-1"), "reports"), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:b-1"), "reports"), 1);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:d-1"), "reports"), 2);
    assert_string_equal(mh_attr(g, "meeting:d-1", "date"), "2025-09-01");
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:f-1"), "reports"), 2);
    assert_int_equal(meetings(g), 5);
    evg_graph_free(g);
}

/* ---- a gathering and its parts ------------------------------------------ */

#define PETRA PERSON("jonas-petraitis", "Jonas Petraitis", "'LTU'")
#define FOUR KIVI "," OZOLA "," VIRTA "," PETRA
/* A meeting dated by how its date was found: 'text', 'dateline'. */
#define MEET_BY(id, date, source, parts)                                                 \
    "{'id':'" id "','type':'meeting','status':'reported','date':" date                   \
    ",'date_source':'" source "','place':null,'participants':[" parts                    \
    "],'agreements':[],'evidence':[{'start':0,'end':1,'text':'" id " happened.'}]}"
#define KV PART("mart-kivisild") "," PART("aino-virta")
#define KJ PART("mart-kivisild") "," PART("jonas-petraitis")
#define KOVJ KO "," PART("aino-virta") "," PART("jonas-petraitis")

/*
 * One outlet reports the day's talks pair by pair, at its dispatch's date;
 * another, with the host and the guests of one round table, "yesterday".
 * Whichever document's id sorts first, and in any order: one meeting of
 * the four reports, dated by the text; each pair met once.
 */
static void check_parts_of_gathering(const char *pairs_doc, const char *whole_doc,
                                     const char *meeting)
{
    const char *docs[] = {pairs_doc, whole_doc};
    evg_graph *g = mh_graph_any_order(docs, 2);
    evg_corpus *c = mh_corpus(docs, 2);
    evg_graph *p = mh_build(c, EVG_VIEW_PEOPLE, NULL);
    size_t m;

    assert_int_equal(meetings(g), 1);
    m = mh_vertex(g, meeting); /* named after the first report in document order */
    assert_int_equal(mh_num(g, m, "reports"), 4);
    assert_int_equal(mh_num(g, m, "sources"), 2);
    assert_string_equal(evg_graph_vertex_attr(g, m, "date"), "2025-05-12");
    assert_string_equal(evg_graph_vertex_attr(g, m, "last_seen"), "2025-05-13");
    assert_int_equal(mh_num(g, mh_vertex(g, "person:mart-kivisild"), "meetings"), 1);
    /* all four met once: six pairs, each of weight 1 */
    assert_int_equal(evg_graph_edge_count(p), 6);
    for (size_t e = 0; e < evg_graph_edge_count(p); e++)
        assert_true(evg_graph_edge_weight(p, e) == 1.0);
    evg_graph_free(p);
    evg_graph_free(g);
    evg_corpus_free(c);
}

/* A day's pairs, as one outlet reports them: Kivisild with each of the others. */
#define PAIRS(doc, date, source)                                                         \
    MEET_BY(doc "#1", date, source, KO)                                                  \
    "," MEET_BY(doc "#2", date, source, KV) "," MEET_BY(doc "#3", date, source, KJ)
#define AND(a, b) a "," b

static void test_pairwise_reports_join_a_gathering(void **state)
{
    (void)state;
    /* the pairs' article sorts first, then last */
    check_parts_of_gathering(
        DOC("ard", "'2025-05-13'", FOUR, PAIRS("ard", "'2025-05-13'", "dateline")),
        DOC("bel", "'2025-05-13'", FOUR, MEET_BY("bel#1", "'2025-05-12'", "text", KOVJ)),
        "meeting:ard-1");
    check_parts_of_gathering(
        DOC("cor", "'2025-05-13'", FOUR, PAIRS("cor", "'2025-05-13'", "dateline")),
        DOC("bel", "'2025-05-13'", FOUR, MEET_BY("bel#1", "'2025-05-12'", "text", KOVJ)),
        "meeting:bel-1");
}

/*
 * The pairs dated a day before the gathering, their meetings formed first:
 * the gathering makes them one, whichever id sorts first; undated, the
 * gathering joins them too (they may be of no other meeting).
 */
static void test_gathering_unites_its_parts(void **state)
{
    const char *pairs_first[] = {
        DOC("ard", "'2025-05-12'", FOUR, PAIRS("ard", "'2025-05-12'", "text")),
        DOC("bel", "'2025-05-13'", FOUR, MEET_BY("bel#1", "'2025-05-13'", "text", KOVJ)),
    };
    const char *undated[] = {
        DOC("ard", "'2025-05-12'", FOUR, PAIRS("ard", "'2025-05-12'", "text")),
        DOC("bel", "'2025-05-14'", FOUR, MEET("bel#1", "null", "null", KOVJ)),
    };
    evg_graph *g = mh_graph_any_order(pairs_first, 2);

    (void)state;
    assert_int_equal(meetings(g), 1);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-1"), "reports"), 4);
    evg_graph_free(g);
    g = mh_graph_any_order(undated, 2);
    assert_int_equal(meetings(g), 1);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-1"), "reports"), 4);
    assert_string_equal(mh_attr(g, "meeting:ard-1", "date"), "2025-05-12");
    evg_graph_free(g);
}

/*
 * Two outlets each name a part of a round table, a third names it whole:
 * one meeting; without the third, two (neither names all the other's people).
 */
static void test_gathering_named_whole_joins_outlets(void **state)
{
    const char *docs[] = {
        DOC("ard", "'2025-05-12'", FOUR,
            MEET("ard#1", "'2025-05-12'", "null", KO "," PART("aino-virta"))),
        DOC("bel", "'2025-05-12'", FOUR,
            MEET("bel#1", "'2025-05-12'", "null", KO "," PART("jonas-petraitis"))),
        DOC("cor", "'2025-05-12'", FOUR, MEET("cor#1", "'2025-05-12'", "null", KOVJ)),
    };
    evg_graph *g = mh_graph_any_order(docs, 3);

    (void)state;
    assert_int_equal(meetings(g), 1);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-1"), "sources"), 3);
    evg_graph_free(g);
    g = mh_graph_any_order(docs, 2);
    assert_int_equal(meetings(g), 2);
    evg_graph_free(g);
}

/*
 * Parts of one article are parts of a gathering only as a day's pairs: with
 * no gathering named whole, or another outlet naming one person, the pairs
 * stay two meetings; so do an article's pairs of two days, and its two
 * meetings of the same people.
 */
static void test_pairs_of_one_article_stay_apart(void **state)
{
    const char *alone[] = {
        DOC("ard", "'2025-05-12'", FOUR,
            AND(MEET("ard#1", "'2025-05-12'", "null", KO),
                MEET("ard#2", "'2025-05-12'", "null", KV))),
        DOC("bel", "'2025-05-12'", KIVI,
            MEET("bel#1", "'2025-05-12'", "null", PART("mart-kivisild"))),
    };
    const char *two_days[] = {
        DOC("ard", "'2025-05-13'", FOUR,
            AND(MEET("ard#1", "'2025-05-12'", "null", KO),
                MEET("ard#2", "'2025-05-13'", "null", KV))),
        DOC("bel", "'2025-05-13'", FOUR,
            MEET("bel#1", "'2025-05-12'", "null", KO "," PART("aino-virta"))),
    };
    const char *twice[] = {
        DOC("ard", "'2025-05-12'", FOUR,
            AND(MEET("ard#1", "'2025-05-12'", "null", KO),
                MEET("ard#2", "'2025-05-12'", "null", KO))),
        DOC("bel", "'2025-05-12'", FOUR,
            MEET("bel#1", "'2025-05-12'", "null", KO "," PART("aino-virta"))),
    };
    evg_graph *g = mh_graph_any_order(alone, 2);

    (void)state;
    assert_int_equal(meetings(g), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-1"), "reports"), 2); /* + bel */
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-2"), "reports"), 1);
    evg_graph_free(g);
    g = mh_graph_any_order(two_days, 2);
    assert_int_equal(meetings(g), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-1"), "reports"), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-2"), "reports"), 1);
    evg_graph_free(g);
    g = mh_graph_any_order(twice, 2);
    assert_int_equal(meetings(g), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-1"), "reports"), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:ard-2"), "reports"), 1);
    evg_graph_free(g);
}

static void test_undated_by_document_date(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-05-12'", KIVI "," OZOLA, MEET("a#1", "'2025-05-12'", "null", KO)),
        /* Undated, in an article of three days later: that meeting. */
        DOC("b", "'2025-05-15'", KIVI "," OZOLA, MEET("b#1", "null", "null", KO)),
        /* Undated, in an article of August: another meeting. */
        DOC("c", "'2025-08-01'", KIVI "," OZOLA, MEET("c#1", "null", "null", KO)),
        /* Planned: announced further ahead, a month is allowed. */
        DOC("d", "'2025-05-01'", KIVI "," OZOLA,
            EVENT("d#1", "meeting", "planned", "null", "null", KO)),
        DOC("e", "'2025-05-02'", KIVI "," OZOLA,
            EVENT("e#1", "meeting", "planned", "'2025-05-25'", "null", KO)),
    };
    evg_graph *g = mh_graph(docs, 5, NULL);

    (void)state;
    assert_int_equal(meetings(g), 3);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:a-1"), "reports"), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:c-1"), "reports"), 1);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:d-1"), "reports"), 2);
    assert_string_equal(mh_attr(g, "meeting:d-1", "date"), "2025-05-25");
    evg_graph_free(g);
}

static void test_places_in_other_countries(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-05-12'", KIVI "," OZOLA,
            MEET("a#1", "'2025-05-12'", "'Tallinn'",
                 PART("mart-kivisild") "," PART("ilze-ozola"))),
        DOC("b", "'2025-05-12'", KIVI "," OZOLA,
            MEET("b#1", "'2025-05-12'", "'Riga Castle'",
                 PART("mart-kivisild") "," PART("ilze-ozola"))),
        DOC("c", "'2025-05-12'", KIVI "," OZOLA,
            MEET("c#1", "'2025-05-12'", "'Kadriorg Palace'",
                 PART("mart-kivisild") "," PART("ilze-ozola"))),
    };
    evg_graph *g = mh_graph(docs, 3, NULL);

    (void)state;
    /* Tallinn and Riga are in two countries; Kadriorg Palace says nothing, and joins. */
    assert_int_equal(meetings(g), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:a-1"), "reports"), 2);
    assert_string_equal(mh_attr(g, "meeting:b-1", "place_country"), "LVA");
    evg_graph_free(g);
}

/* The countries of a signing no person is named in ("Estonia and Latvia signed"). */
#define STATES                                                                           \
    "{'id':'country:EST','type':'country','name':'Estonia'},"                            \
    "{'id':'country:LVA','type':'country','name':'Latvia'}"
#define STATES_SIGN(id)                                                                  \
    "{'id':'" id "','type':'signing','status':'reported','date':'2025-05-12',"           \
    "'participants':[],'parties':[{'entity':'country:EST','role':'participant'},"        \
    "{'entity':'country:LVA','role':'participant','title':'Foreign Minister'}],"         \
    "'agreements':[],'evidence':[]}"

static void test_parties(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-05-12'", STATES, STATES_SIGN("a#1")),
        DOC("b", "'2025-05-13'", STATES, STATES_SIGN("b#1")),
        DOC("c", "'2025-05-12'", KIVI "," OZOLA, MEET("c#1", "'2025-05-12'", "null", KO)),
    };
    evg_corpus *c = mh_corpus(docs, 3);
    evg_graph *g = mh_build(c, EVG_VIEW_FULL, NULL), *cv, *pv;
    size_t e;

    (void)state;
    /* two outlets' reports of the states' signing are one; the people's meeting another
     */
    assert_int_equal(meetings(g), 2);
    assert_int_equal(mh_num(g, mh_vertex(g, "meeting:a-1"), "reports"), 2);
    assert_int_not_equal(e = mh_edge(g, "country:LVA", "meeting:a-1", "participated_in"),
                         SIZE_MAX);
    assert_string_equal(evg_graph_edge_attr(g, e, "role"), "participant");
    assert_int_equal(mh_edge(g, "country:EST", "meeting:c-1", "participated_in"),
                     SIZE_MAX);
    /* the countries met twice: through their people, and as parties */
    cv = mh_build(c, EVG_VIEW_COUNTRIES, NULL);
    assert_int_equal(evg_graph_edge_count(cv), 1);
    assert_true(evg_graph_edge_weight(cv, 0) == 2.0);
    /* no one is made up: the people graph has the two people only */
    pv = mh_build(c, EVG_VIEW_PEOPLE, NULL);
    assert_int_equal(evg_graph_vertex_count(pv), 2);
    assert_int_equal(evg_graph_edge_count(pv), 1);
    assert_true(evg_graph_edge_weight(pv, 0) == 1.0);
    evg_graph_free(pv);
    evg_graph_free(cv);
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_duplicate_documents(void **state)
{
    const char *one = DOC("a", "'2025-05-12'", KIVI, "");
    const char *other = DOC("a", "'2025-05-12'", OZOLA, "");
    const char *fwd[] = {one, other, one}, *rev[] = {other, one};
    evg_graph *g1 = mh_graph(fwd, 3, NULL), *g2 = mh_graph(rev, 2, NULL);
    evg_graph_stats st;

    (void)state;
    evg_graph_get_stats(&st, g1);
    assert_int_equal(st.documents, 1);
    assert_int_equal(st.duplicates, 2);
    assert_int_equal(st.conflicts, 1);
    /* The record whose JSON sorts first, whatever the order: Ilze before Mart. */
    assert_true(mh_has(g1, "person:ilze-ozola") && !mh_has(g1, "person:mart-kivisild"));
    assert_true(mh_has(g2, "person:ilze-ozola") && !mh_has(g2, "person:mart-kivisild"));
    evg_graph_free(g1);
    evg_graph_free(g2);
}

/* ---- agreements --------------------------------------------------------- */

#define AGR(slug, name, kind)                                                            \
    "{'id':'agreement:" slug "','type':'agreement','name':'" name "','kind':'" kind "'}"

static void test_agreements(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-01-01'",
            AGR("treaty-of-rome", "Treaty of Rome", "treaty") "," AGR(
                "harbour-accord", "Harbour Accord",
                "accord") "," AGR("anti-ballistic-missile-treaty",
                                  "Anti-Ballistic Missile Treaty",
                                  "treaty") "," AGR("abm-treaty", "ABM Treaty",
                                                    "treaty") "," AGR("agreement-to-cut-"
                                                                      "output",
                                                                      "agreement to cut "
                                                                      "output",
                                                                      "agreement"),
            ""),
        DOC("b", "'2025-01-02'",
            AGR("rome-treaty", "the Rome treaty", "treaty") "," AGR(
                "harbour-agreement", "Harbour Agreement",
                "agreement") "," AGR("abm-treaty", "ABM treaty",
                                     "treaty") "," AGR("agreement-to-cut-output",
                                                       "agreement to cut output",
                                                       "agreement"),
            ""),
        DOC("c", "'2025-01-03'", AGR("npt", "NPT", "treaty"), ""),
        /* the tie of "a" again: learned twice, the same one */
        DOC("d", "'2025-01-04'",
            AGR("anti-ballistic-missile-treaty", "Anti-Ballistic Missile Treaty",
                "treaty") "," AGR("abm-treaty", "ABM Treaty", "treaty"),
            ""),
    };
    evg_graph *g = mh_graph(docs, 4, NULL);
    size_t abm;
    evg_graph_stats st;

    (void)state;
    /* Rome, Harbour, ABM, the description of cuts (both documents, no parties), NPT. */
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_AGREEMENT), 5);
    /* Ids: the most frequent, ties by byte order; labels: capitalized forms first. */
    assert_int_equal(mh_num(g, mh_vertex(g, "agreement:rome-treaty"), "sources"), 2);
    assert_string_equal(evg_graph_vertex_label(g, mh_vertex(g, "agreement:rome-treaty")),
                        "Treaty of Rome");
    assert_string_equal(mh_attr(g, "agreement:rome-treaty", "aliases"),
                        "the Rome treaty");
    assert_string_equal(mh_attr(g, "agreement:harbour-accord", "kind"), "accord");
    abm = mh_vertex(
        g, "agreement:anti-ballistic-missile-treaty"); /* ids of long forms first */
    assert_string_equal(evg_graph_vertex_label(g, abm), "Anti-Ballistic Missile Treaty");
    assert_int_equal(mh_num(g, abm, "sources"), 3);
    assert_true(mh_has(g, "agreement:agreement-to-cut-output") &&
                !mh_has(g, "agreement:agreement-to-cut-output.2"));
    assert_int_equal(
        mh_num(g, mh_vertex(g, "agreement:agreement-to-cut-output"), "sources"), 2);
    evg_graph_get_stats(&st, g);
    assert_int_equal(st.agreement_mentions, 12);
    assert_int_equal(st.agreements, 5);
    evg_graph_free(g);
}

#define COUNTRY(code, name) "{'id':'country:" code "','type':'country','name':'" name "'}"

/*
 * Descriptions merge across documents when their parties agree (the
 * countries of the events that sign it, else of the document), and stay apart
 * between other parties, with the parties in the label; in any order.
 */
static void test_described_agreements_by_parties(void **state)
{
    const char *docs[] = {
        DOC("e", "'2025-02-01'",
            COUNTRY("ARD", "Ardania") "," COUNTRY("BMT", "Belmont") "," AGR(
                "trade-agreement", "trade agreement", "agreement"),
            ""),
        DOC("f", "'2025-02-02'",
            COUNTRY("BMT", "Belmont") "," COUNTRY("ARD", "Ardania") "," AGR(
                "trade-agreement", "trade agreements", "agreement"),
            ""),
        DOC("g", "'2025-02-03'",
            COUNTRY("CRV", "Corvia") "," COUNTRY("TRV", "Tarvos") "," AGR(
                "trade-agreement", "trade agreement", "agreement"),
            ""),
    };
    /* the order of the documents changes nothing */
    evg_graph *g = mh_graph_any_order(docs, 3);

    (void)state;
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_AGREEMENT), 2);
    /* "trade agreement" and "trade agreements": one node, either name, its parties */
    assert_non_null(
        strstr(evg_graph_vertex_label(g, mh_vertex(g, "agreement:trade-agreement")),
               " (ARD, BMT)"));
    assert_int_equal(mh_num(g, mh_vertex(g, "agreement:trade-agreement"), "sources"), 2);
    assert_string_equal(
        evg_graph_vertex_label(g, mh_vertex(g, "agreement:trade-agreement.2")),
        "trade agreement (CRV, TRV)");
    evg_graph_free(g);
}

/*
 * A description with the words of a name is that named agreement; a kind that
 * names one alone ("Memorandum of Understanding") names no particular one.
 */
static void test_descriptions_of_named_agreements(void **state)
{
    const char *docs[] = {
        DOC("h", "'2025-03-01'",
            COUNTRY("ARD", "Ardania") "," AGR(
                "kessa-grain-agreement", "Kessa Grain Agreement",
                "agreement") "," AGR("memorandum-of-understanding",
                                     "Memorandum of Understanding", "memorandum"),
            ""),
        DOC("i", "'2025-03-02'",
            COUNTRY("CRV", "Corvia") "," AGR(
                "kessa-grain-agreement", "kessa grain agreement",
                "agreement") "," AGR("memorandum-of-understanding",
                                     "Memorandum of Understanding", "memorandum"),
            ""),
    };
    evg_graph *g = mh_graph(docs, 2, NULL);

    (void)state;
    assert_int_equal(
        mh_num(g, mh_vertex(g, "agreement:kessa-grain-agreement"), "sources"), 2);
    assert_false(mh_has(g, "agreement:kessa-grain-agreement.2"));
    assert_true(mh_has(g, "agreement:memorandum-of-understanding.2")); /* two memoranda */
    evg_graph_free(g);
}

static void test_signatories(void **state)
{
    const char *docs[] = {
        DOC("a", "'2025-05-12'",
            KIVI "," OZOLA "," AGR("tallinn-protocol", "Tallinn Protocol", "protocol"),
            "{'id':'a#1','type':'signing','status':'reported','date':'2025-05-12','place'"
            ":null,"
            "'participants':[" PART("mart-kivisild") "," PART(
                "ilze-ozola") "],'agreements':"
                              "[{'entity':'agreement:tallinn-protocol','relation':'"
                              "signed'}],'evidence':[]}"),
        DOC("b", "'2025-06-12'",
            KIVI "," VIRTA "," AGR("tallinn-protocol", "Tallinn protocol", "protocol"),
            "{'id':'b#1','type':'meeting','status':'reported','date':'2025-06-12','place'"
            ":null,"
            "'participants':[" PART("mart-kivisild") "," PART(
                "aino-virta") "],'agreements':"
                              "[{'entity':'agreement:tallinn-protocol','relation':'"
                              "referenced'}],'evidence':[]}"),
    };
    evg_graph *g = mh_graph(docs, 2, NULL);
    size_t p = mh_vertex(g, "agreement:tallinn-protocol");

    (void)state;
    assert_string_equal(evg_graph_vertex_attr(g, p, "signatories"),
                        "Ilze Ozola; Mart Kivisild");
    assert_int_equal(mh_num(g, p, "signed_count"), 1);
    assert_int_equal(mh_num(g, p, "referenced_count"), 1);
    assert_true(mh_edge(g, "person:ilze-ozola", "agreement:tallinn-protocol",
                        "signatory") != SIZE_MAX);
    assert_true(mh_edge(g, "person:aino-virta", "agreement:tallinn-protocol",
                        "signatory") == SIZE_MAX);
    assert_true(mh_edge(g, "meeting:a-1", "agreement:tallinn-protocol", "signed") !=
                SIZE_MAX);
    assert_true(mh_edge(g, "meeting:b-1", "agreement:tallinn-protocol", "references") !=
                SIZE_MAX);
    evg_graph_free(g);
}

/*
 * A tally of many forms (past the few searched along the array, into its
 * hash table, grown several times): each form counted once per add, found
 * by equal text at another address, the winner the most frequent.
 */
static void test_tally_many_forms(void **state)
{
    evg_i_tally t = EVG_I_TALLY_INIT;
    char forms[200][16], probe[16];
    (void)state;

    for (int i = 0; i < 200; i++)
        snprintf(forms[i], sizeof forms[i], "Form %d", i);
    for (int round = 0; round < 3; round++)
        for (int i = 0; i < 200; i++)
            assert_int_equal(evg_i_tally_add(&t, forms[i], i == 137 ? 5 : 1), 0);
    assert_int_equal(t.n, 200);
    for (int i = 0; i < 200; i++) {
        snprintf(probe, sizeof probe, "Form %d", i); /* same text, not the same pointer */
        assert_int_equal(evg_i_tally_get(&t, probe), i == 137 ? 15 : 3);
    }
    assert_int_equal(evg_i_tally_get(&t, "Form 200"), 0);
    assert_int_equal(evg_i_tally_get(&t, NULL), 0);
    assert_string_equal(evg_i_tally_best(&t, EVG_I_RANK_CODE), "Form 137");
    assert_int_equal(evg_i_tally_add(&t, "", 1), 0);
    assert_int_equal(t.n, 200);
    evg_i_tally_free(&t);
    assert_int_equal(evg_i_tally_get(&t, "Form 1"), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names_fold),
        cmocka_unit_test(test_tally_many_forms),
        cmocka_unit_test(test_surname_joins_its_person),
        cmocka_unit_test(test_spelling_variants),
        cmocka_unit_test(test_surname_of_another_era),
        cmocka_unit_test(test_same_surname_other_countries),
        cmocka_unit_test(test_surname_without_country_joins_the_one),
        cmocka_unit_test(test_titles_dated_country_unified),
        cmocka_unit_test(test_title_at_meeting_date),
        cmocka_unit_test(test_drop_mentions),
        cmocka_unit_test(test_filter),
        cmocka_unit_test(test_filter_refused),
        cmocka_unit_test(test_aliases_merge),
        cmocka_unit_test(test_alias_errors),
        cmocka_unit_test(test_reports_of_one_meeting),
        cmocka_unit_test(test_days_apart_stay_apart),
        cmocka_unit_test(test_kinds_and_status),
        cmocka_unit_test(test_no_chaining_and_undated),
        cmocka_unit_test(test_pairwise_reports_join_a_gathering),
        cmocka_unit_test(test_gathering_unites_its_parts),
        cmocka_unit_test(test_gathering_named_whole_joins_outlets),
        cmocka_unit_test(test_pairs_of_one_article_stay_apart),
        cmocka_unit_test(test_undated_by_document_date),
        cmocka_unit_test(test_places_in_other_countries),
        cmocka_unit_test(test_parties),
        cmocka_unit_test(test_duplicate_documents),
        cmocka_unit_test(test_agreements),
        cmocka_unit_test(test_described_agreements_by_parties),
        cmocka_unit_test(test_descriptions_of_named_agreements),
        cmocka_unit_test(test_signatories),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
