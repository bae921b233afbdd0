/*
 * Unit tests of what the merged graph carries for analysts: the CAMEO and
 * PLOVER codes of each kind of meeting (the table in docs/merge.md, row by
 * row), the four views, communities, and output bytes that depend on the set
 * of documents only.
 */
#include "merge_helpers.h"

#define KIVI PERSON("mart-kivisild", "Mart Kivisild", "'EST'")
#define OZOLA PERSON("ilze-ozola", "Ilze Ozola", "'LVA'")
#define VIRTA PERSON("aino-virta", "Aino Virta", "'FIN'")
#define NOBODY PERSON("jon-doe", "Jon Doe", "null")
#define KO PART("mart-kivisild") "," PART("ilze-ozola")

/* One meeting per row: its event, and the codes it must get. */
static const struct {
    const char *doc, *id;
    const char *cameo, *plover_type, *plover_mode; /* NULL: no mode */
} ROWS[] = {
    {DOC("a", "'2025-05-12'", KIVI "," OZOLA,
         EVENT("a#1", "call", "reported", "'2025-05-12'", "null", KO)),
     "meeting:a-1", "041", "CONSULT", "phone"},
    {DOC("b", "'2025-05-12'", KIVI "," OZOLA,
         EVENT("b#1", "meeting", "planned", "'2025-06-12'", "null", KO)),
     "meeting:b-1", "036", "AGREE", NULL},
    {DOC("c", "'2025-05-12'", KIVI "," OZOLA,
         EVENT("c#1", "signing", "planned", "'2025-06-12'", "null", KO)),
     "meeting:c-1", "030", "AGREE", NULL},
    {DOC("d", "'2025-05-12'", KIVI "," OZOLA,
         EVENT("d#1", "signing", "reported", "'2025-05-12'", "'Tallinn'", KO)),
     "meeting:d-1", "057", "SUPPORT", NULL},
    {DOC("e", "'2025-05-12'", KIVI,
         EVENT("e#1", "visit", "reported", "'2025-05-12'", "'Riga'",
               PART("mart-kivisild"))),
     "meeting:e-1", "042", "CONSULT", "visit"},
    {DOC("f", "'2025-05-12'", KIVI "," OZOLA,
         EVENT("f#1", "meeting", "reported", "'2025-05-12'", "null",
               HOST("mart-kivisild") "," GUEST("ilze-ozola"))),
     "meeting:f-1", "042", "CONSULT", "visit"},
    {DOC("g", "'2025-05-12'", KIVI "," OZOLA, /* no roles, but in one side's country */
         EVENT("g#1", "meeting", "reported", "'2025-05-12'", "'Riga Castle'", KO)),
     "meeting:g-1", "042", "CONSULT", "visit"},
    {DOC("h", "'2025-05-12'", KIVI "," OZOLA,
         EVENT("h#1", "meeting", "reported", "'2025-05-12'", "'Stockholm'", KO)),
     "meeting:h-1", "044", "CONSULT", "third-party"},
    {DOC("i", "'2025-05-12'", KIVI "," OZOLA "," VIRTA,
         EVENT("i#1", "meeting", "reported", "'2025-05-12'", "'Tallinn'",
               KO "," PART("aino-virta"))),
     "meeting:i-1", "042", "CONSULT", "multilateral"},
    {DOC("j", "'2025-05-12'", KIVI "," OZOLA,
         EVENT("j#1", "meeting", "reported", "'2025-05-12'", "null", KO)),
     "meeting:j-1", "040", "CONSULT", NULL},
    {DOC("m", "'2025-05-12'", KIVI "," NOBODY, /* Stockholm may be Jon Doe's home */
         EVENT("m#1", "meeting", "reported", "'2025-05-12'", "'Stockholm'",
               PART("mart-kivisild") "," PART("jon-doe"))),
     "meeting:m-1", "040", "CONSULT", NULL},
    {DOC("k", "'2025-05-12'", KIVI "," NOBODY,
         "{'id':'k#1','type':'meeting','status':'reported','date':'2025-05-12','place':"
         "null,"
         "'participants':[" PART("mart-kivisild") "," PART(
             "jon-doe") "],'agreements':[],"
                        "'evidence':[{'start':0,'end':9,'text':'They opened negotiations "
                        "on transit.'}]}"),
     "meeting:k-1", "046", "CONSULT", NULL},
    {DOC("l", "'2025-05-12'", KIVI "," OZOLA "," VIRTA,
         "{'id':'l#1','type':'meeting','status':'reported','date':'2025-05-12','place':"
         "'Helsinki','participants':[" KO
         "," PART("aino-virta") "],'agreements':[],"
                                "'evidence':[{'start':0,'end':9,'text':'Virta MEDIATED "
                                "between the two.'}]}"),
     "meeting:l-1", "045", "CONSULT", "multilateral"},
};

#define NROWS (sizeof ROWS / sizeof ROWS[0])

static void test_codes_per_case(void **state)
{
    (void)state;
    for (size_t i = 0; i < NROWS; i++) {
        const char *one[] = {ROWS[i].doc};
        evg_graph *g = mh_graph(one, 1, NULL);
        size_t m = mh_vertex(g, ROWS[i].id);
        const char *mode = evg_graph_vertex_attr(g, m, "plover_mode");
        if (strcmp(evg_graph_vertex_attr(g, m, "cameo"), ROWS[i].cameo) != 0 ||
            strcmp(evg_graph_vertex_attr(g, m, "plover_type"), ROWS[i].plover_type) !=
                0 ||
            (mode == NULL) != (ROWS[i].plover_mode == NULL) ||
            (mode && strcmp(mode, ROWS[i].plover_mode) != 0))
            fail_msg("%s: %s %s %s, expected %s %s %s", ROWS[i].id,
                     evg_graph_vertex_attr(g, m, "cameo"),
                     evg_graph_vertex_attr(g, m, "plover_type"), mode ? mode : "-",
                     ROWS[i].cameo, ROWS[i].plover_type,
                     ROWS[i].plover_mode ? ROWS[i].plover_mode : "-");
        assert_non_null(evg_graph_vertex_attr(g, m, "cameo_name"));
        evg_graph_free(g);
    }
}

static void test_participant_codes(void **state)
{
    const char *hosted[] = {ROWS[5].doc}, *placed[] = {ROWS[6].doc},
               *third[] = {ROWS[7].doc};
    evg_graph *g = mh_graph(hosted, 1, NULL);

    (void)state;
    /* A visit is two linked events: the guest makes it (042), the host hosts it (043). */
    assert_string_equal(evg_graph_edge_attr(g,
                                            mh_edge(g, "person:mart-kivisild",
                                                    "meeting:f-1", "participated_in"),
                                            "cameo"),
                        "043");
    assert_string_equal(evg_graph_edge_attr(g,
                                            mh_edge(g, "person:ilze-ozola", "meeting:f-1",
                                                    "participated_in"),
                                            "cameo"),
                        "042");
    evg_graph_free(g);
    /* Without roles, whoever represents the country of the place hosts. */
    g = mh_graph(placed, 1, NULL);
    assert_string_equal(evg_graph_edge_attr(g,
                                            mh_edge(g, "person:ilze-ozola", "meeting:g-1",
                                                    "participated_in"),
                                            "cameo"),
                        "043");
    assert_string_equal(evg_graph_edge_attr(g,
                                            mh_edge(g, "person:mart-kivisild",
                                                    "meeting:g-1", "participated_in"),
                                            "cameo"),
                        "042");
    evg_graph_free(g);
    g = mh_graph(third, 1, NULL);
    assert_string_equal(evg_graph_edge_attr(g,
                                            mh_edge(g, "person:ilze-ozola", "meeting:h-1",
                                                    "participated_in"),
                                            "cameo"),
                        "044");
    assert_string_equal(mh_attr(g, "meeting:h-1", "countries"), "EST; LVA");
    assert_string_equal(mh_attr(g, "meeting:h-1", "place_country"), "SWE");
    evg_graph_free(g);
}

/* Kivisild (EST) met Ozola (LVA) twice, Virta (FIN) once; Ozola phoned Virta. */
static const char *const VIEWS_DOCS[] = {
    DOC("v1", "'2025-01-10'", KIVI "," OZOLA,
        EVENT("v1#1", "meeting", "reported", "'2025-01-10'", "null", KO)),
    DOC("v2", "'2025-03-10'", KIVI "," OZOLA,
        EVENT("v2#1", "meeting", "reported", "'2025-03-10'", "null", KO)),
    DOC("v3", "'2025-04-10'", KIVI "," VIRTA,
        EVENT("v3#1", "visit", "reported", "'2025-04-10'", "null",
              PART("mart-kivisild") "," PART("aino-virta"))),
    DOC("v4", "'2025-05-10'", OZOLA "," VIRTA,
        EVENT("v4#1", "call", "reported", "'2025-05-10'", "null",
              PART("ilze-ozola") "," PART("aino-virta"))),
    DOC("v5", "'2025-05-10'", KIVI "," VIRTA "," NOBODY,
        EVENT("v5#1", "meeting", "planned", "'2025-07-10'", "null",
              PART("mart-kivisild") "," PART("aino-virta"))),
};

static double weight(const evg_graph *g, const char *a, const char *b, const char *rel)
{
    size_t e = mh_edge(g, a, b, rel);
    if (e == SIZE_MAX)
        fail_msg("no edge %s -%s- %s", a, rel, b);
    return evg_graph_edge_weight(g, e);
}

static void test_views(void **state)
{
    evg_corpus *c = mh_corpus(VIEWS_DOCS, 5);
    evg_graph *full = mh_build(c, EVG_VIEW_FULL, NULL),
              *p = mh_build(c, EVG_VIEW_PEOPLE, NULL),
              *k = mh_build(c, EVG_VIEW_COUNTRIES, NULL),
              *bi = mh_build(c, EVG_VIEW_BIPARTITE, NULL);

    (void)state;
    assert_int_equal(evg_graph_count_type(full, EVG_NODE_MEETING), 5);
    assert_int_equal(evg_graph_count_type(full, EVG_NODE_PERSON), 4);
    /* People: who took part in something (not Jon Doe); met = in-person meetings. */
    assert_int_equal(evg_graph_vertex_count(p), 3);
    assert_int_equal(evg_graph_edge_count(p), 2);
    assert_true(weight(p, "person:ilze-ozola", "person:mart-kivisild", "met") == 2.0);
    assert_true(weight(p, "person:aino-virta", "person:mart-kivisild", "met") == 1.0);
    assert_int_equal(mh_num(p, mh_vertex(p, "person:aino-virta"), "meetings"), 1);
    assert_int_equal(mh_num(p, mh_vertex(p, "person:aino-virta"), "events"), 3);
    /* Countries, through their officials. */
    assert_int_equal(evg_graph_vertex_count(k), 3);
    assert_int_equal(evg_graph_edge_count(k), 2);
    assert_true(weight(k, "country:EST", "country:LVA", "met") == 2.0);
    assert_true(weight(k, "country:EST", "country:FIN", "met") == 1.0);
    assert_string_equal(
        evg_graph_edge_attr(k, mh_edge(k, "country:EST", "country:LVA", "met"),
                            "last_date"),
        "2025-03-10");
    assert_int_equal(mh_num(k, mh_vertex(k, "country:EST"), "meetings"), 3);
    assert_int_equal(mh_num(k, mh_vertex(k, "country:EST"), "events"), 4);
    assert_int_equal(mh_num(k, mh_vertex(k, "country:EST"), "people"), 1);
    /* Bipartite: the people of the people view and every meeting. */
    assert_int_equal(evg_graph_count_type(bi, EVG_NODE_PERSON), 3);
    assert_int_equal(evg_graph_count_type(bi, EVG_NODE_MEETING), 5);
    assert_int_equal(evg_graph_edge_count(bi), 10);
    for (size_t e = 0; e < evg_graph_edge_count(bi); e++)
        assert_string_equal(evg_graph_edge_relation(bi, e), "participated_in");
    assert_int_equal(evg_graph_view(k), EVG_VIEW_COUNTRIES);
    evg_graph_free(full);
    evg_graph_free(p);
    evg_graph_free(k);
    evg_graph_free(bi);
    evg_corpus_free(c);
}

static void test_view_names(void **state)
{
    evg_view v = EVG_VIEW_FULL;

    (void)state;
    for (int i = EVG_VIEW_FULL; i <= EVG_VIEW_BIPARTITE; i++) {
        assert_int_equal(evg_view_from_name(&v, evg_view_name((evg_view)i)), 0);
        assert_int_equal((int)v, i);
    }
    assert_int_equal(evg_view_from_name(&v, "People"), EVG_EINVAL);
    assert_string_equal(evg_view_name((evg_view)9), "unknown");
}

static void test_communities(void **state)
{
    /* Two triangles of meetings, and one meeting bridging them. */
    const char *docs[] = {
        DOC("t1", "'2025-01-01'",
            PERSON("a-a", "Ann A", "null") "," PERSON("b-b", "Bo B", "null"),
            EVENT("t1#1", "meeting", "reported", "'2025-01-01'", "null",
                  PART("a-a") "," PART("b-b"))),
        DOC("t2", "'2025-01-05'",
            PERSON("b-b", "Bo B", "null") "," PERSON("c-c", "Cy C", "null"),
            EVENT("t2#1", "meeting", "reported", "'2025-01-05'", "null",
                  PART("b-b") "," PART("c-c"))),
        DOC("t3", "'2025-01-09'",
            PERSON("a-a", "Ann A", "null") "," PERSON("c-c", "Cy C", "null"),
            EVENT("t3#1", "meeting", "reported", "'2025-01-09'", "null",
                  PART("a-a") "," PART("c-c"))),
        DOC("u1", "'2025-02-01'",
            PERSON("d-d", "Di D", "null") "," PERSON("e-e", "Ed E", "null"),
            EVENT("u1#1", "meeting", "reported", "'2025-02-01'", "null",
                  PART("d-d") "," PART("e-e"))),
        DOC("u2", "'2025-02-05'",
            PERSON("e-e", "Ed E", "null") "," PERSON("f-f", "Fa F", "null"),
            EVENT("u2#1", "meeting", "reported", "'2025-02-05'", "null",
                  PART("e-e") "," PART("f-f"))),
        DOC("u3", "'2025-02-09'",
            PERSON("d-d", "Di D", "null") "," PERSON("f-f", "Fa F", "null"),
            EVENT("u3#1", "meeting", "reported", "'2025-02-09'", "null",
                  PART("d-d") "," PART("f-f"))),
        DOC("w1", "'2025-03-01'",
            PERSON("c-c", "Cy C", "null") "," PERSON("d-d", "Di D", "null"),
            EVENT("w1#1", "meeting", "reported", "'2025-03-01'", "null",
                  PART("c-c") "," PART("d-d"))),
    };
    evg_corpus *c = mh_corpus(docs, 7);
    evg_graph *p = mh_build(c, EVG_VIEW_PEOPLE, NULL);
    long ca = mh_num(p, mh_vertex(p, "person:a-a"), "community");

    (void)state;
    assert_int_equal(ca, 0); /* equal sizes: the community of the first vertex is 0 */
    assert_int_equal(mh_num(p, mh_vertex(p, "person:b-b"), "community"), ca);
    assert_int_equal(mh_num(p, mh_vertex(p, "person:c-c"), "community"), ca);
    assert_int_equal(mh_num(p, mh_vertex(p, "person:d-d"), "community"), 1);
    assert_int_equal(mh_num(p, mh_vertex(p, "person:e-e"), "community"), 1);
    assert_int_equal(mh_num(p, mh_vertex(p, "person:f-f"), "community"), 1);
    evg_graph_free(p);
    evg_corpus_free(c);
}

/* The same documents in other orders, some twice: the same bytes in every view. */
static void test_order_does_not_matter(void **state)
{
    const char *all[NROWS + 5], *rev[NROWS + 5], *dup[2 * (NROWS + 5)];
    size_t n = 0;

    (void)state;
    for (size_t i = 0; i < NROWS; i++)
        all[n++] = ROWS[i].doc;
    for (size_t i = 0; i < 5; i++)
        all[n++] = VIEWS_DOCS[i];
    for (size_t i = 0; i < n; i++) {
        rev[i] = all[n - 1 - i];
        dup[2 * i] = all[(i * 7) % n]; /* 7 is prime to n: a permutation */
        dup[2 * i + 1] = all[i];
    }
    for (int view = EVG_VIEW_FULL; view <= EVG_VIEW_BIPARTITE; view++) {
        evg_corpus *c1 = mh_corpus(all, n), *c2 = mh_corpus(rev, n),
                   *c3 = mh_corpus(dup, 2 * n);
        evg_graph *g1 = mh_build(c1, (evg_view)view, NULL),
                  *g2 = mh_build(c2, (evg_view)view, NULL),
                  *g3 = mh_build(c3, (evg_view)view, NULL);
        char *b1 = mh_graphml(g1), *b2 = mh_graphml(g2), *b3 = mh_graphml(g3);
        assert_true(evg_graph_vertex_count(g1) > 0);
        assert_string_equal(b1, b2);
        assert_string_equal(b1, b3);
        free(b1);
        free(b2);
        free(b3);
        evg_graph_free(g1);
        evg_graph_free(g2);
        evg_graph_free(g3);
        evg_corpus_free(c1);
        evg_corpus_free(c2);
        evg_corpus_free(c3);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_codes_per_case),
        cmocka_unit_test(test_participant_codes),
        cmocka_unit_test(test_views),
        cmocka_unit_test(test_view_names),
        cmocka_unit_test(test_communities),
        cmocka_unit_test(test_order_does_not_matter),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
