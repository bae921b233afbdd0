/* Unit tests of src/graph: corpus -> graph in both views. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "merge/merge.h"
#include "evgraph.h"
#include "graph/graph_impl.h"
#include "graph/views.h"
#include "unit_helpers.h"

#define FIXTURE EVG_TEST_DATA "/graph/two_docs.jsonl"

static evg_corpus *read_fixture(const char *path)
{
    evg_corpus *c = NULL;
    size_t failed = 99;
    evg_error err;

    assert_int_equal(evg_corpus_new(&c, &err), 0);
    assert_int_equal(evg_corpus_read_events(&failed, c, path, NULL, &err), 0);
    assert_int_equal(failed, 0);
    return c;
}

/* A corpus from JSON lines written in the test. */
static evg_corpus *corpus_of(const char *const *lines, size_t n)
{
    evg_corpus *c = NULL;
    evg_error err;

    assert_int_equal(evg_corpus_new(&c, &err), 0);
    for (size_t i = 0; i < n; i++) {
        evg_doc *d = NULL;
        int rc =
            evg_doc_parse_json(&d, lines[i], strlen(lines[i]), "test", (int)i + 1, &err);
        if (rc < 0)
            fail_msg("line %zu: %s", i + 1, err.text);
        assert_int_equal(evg_corpus_add_doc(c, d, &err), 0);
    }
    return c;
}

static evg_graph *build(const evg_corpus *c, evg_view view)
{
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_graph *g = NULL;
    evg_error err;

    o.view = view;
    if (evg_graph_build(&g, c, &o, &err) < 0)
        fail_msg("build: %s", err.text);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    return g;
}

static size_t vertex(const evg_graph *g, const char *id)
{
    size_t v = SIZE_MAX;
    if (evg_graph_find_vertex(&v, g, id) != 0)
        fail_msg("no vertex %s", id);
    return v;
}

/* The edge from -> to with this relation, or fail. */
static size_t edge(const evg_graph *g, const char *from, const char *to, const char *rel)
{
    size_t a = vertex(g, from), b = vertex(g, to), x, y;

    for (size_t e = 0; e < evg_graph_edge_count(g); e++) {
        evg_graph_edge_ends(&x, &y, g, e);
        if (x == a && y == b && strcmp(evg_graph_edge_relation(g, e), rel) == 0)
            return e;
    }
    fail_msg("no edge %s -%s-> %s", from, rel, to);
    return SIZE_MAX;
}

static void test_full_view_merges_entities(void **state)
{
    evg_corpus *c = read_fixture(FIXTURE);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    size_t ilva;

    (void)state;
    assert_int_equal(evg_graph_view(g), EVG_VIEW_FULL);
    assert_int_equal(evg_graph_vertex_count(g), 15);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 4);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_COUNTRY), 4);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_MEETING), 4);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_ORGANIZATION), 1);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_AGREEMENT), 1);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PLACE), 1);
    /*
     * The person in both documents (the same entity id) is one vertex; of
     * two name forms seen once each, the longer labels it, the other is kept.
     */
    ilva = vertex(g, "person:ilva-marenko");
    assert_string_equal(evg_graph_vertex_label(g, ilva), "Ilva Marenko-Lind");
    assert_string_equal(evg_graph_vertex_attr(g, ilva, "aliases"), "Ilva Marenko");
    assert_int_equal(evg_graph_vertex_type(g, ilva), EVG_NODE_PERSON);
    assert_string_equal(evg_graph_vertex_attr(g, ilva, "titles"),
                        "Foreign Minister; Ambassador-at-Large");
    assert_string_equal(evg_graph_vertex_attr(g, ilva, "country"), "XAR");
    assert_string_equal(evg_graph_vertex_attr(g, ilva, "org"),
                        "Ministry of Foreign Affairs of Arvenia");
    assert_string_equal(evg_graph_vertex_attr(g, ilva, "first_seen"), "2025-03-02");
    assert_string_equal(evg_graph_vertex_attr(g, ilva, "last_seen"), "2025-04-01");
    assert_null(evg_graph_vertex_attr(g, ilva, "evidence"));
    assert_null(evg_graph_vertex_attr(g, ilva, "no such attribute"));
    /* Countries: the documents' name (the longer of two), else iso-codes, else the code.
     */
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "country:XAR")),
                        "Republic of Arvenia");
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "country:NOR")), "Norway");
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "country:XCO")), "XCO");
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "place:government-house")),
                        "Government House");
    assert_string_equal(
        evg_graph_vertex_attr(g, vertex(g, "agreement:harbour-accord"), "kind"),
        "accord");
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_full_view_edges(void **state)
{
    evg_corpus *c = read_fixture(FIXTURE);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    size_t e;

    (void)state;
    assert_int_equal(evg_graph_edge_count(g), 20);
    /* Stated by both documents: one edge of weight 2. */
    e = edge(g, "person:ilva-marenko", "country:XAR", "represents");
    assert_true(evg_graph_edge_weight(g, e) == 2.0);
    e = edge(g, "org:arvenian-foreign-ministry", "country:XAR", "represents");
    assert_true(evg_graph_edge_weight(g, e) == 1.0);
    edge(g, "person:ilva-marenko", "org:arvenian-foreign-ministry", "member_of");
    e = edge(g, "person:tomas-oberg", "meeting:a-001-1", "participated_in");
    assert_string_equal(evg_graph_edge_attr(g, e, "role"), "host");
    assert_string_equal(evg_graph_edge_attr(g, e, "first_date"), "2025-03-03");
    e = edge(g, "person:ilva-marenko", "meeting:a-001-1", "participated_in");
    assert_string_equal(evg_graph_edge_attr(g, e, "role"), "guest");
    edge(g, "meeting:a-001-1", "agreement:harbour-accord", "references");
    edge(g, "meeting:b-002-1", "agreement:harbour-accord", "signed");
    edge(g, "meeting:a-001-1", "place:government-house", "held_at");
    edge(g, "meeting:b-002-1", "place:government-house", "held_at");
    /* The people of the meeting at which it was signed are its signatories. */
    edge(g, "person:ilva-marenko", "agreement:harbour-accord", "signatory");
    edge(g, "person:tomas-oberg", "agreement:harbour-accord", "signatory");
    /* Sorted by (source, target, relation), no two alike. */
    for (e = 1; e < evg_graph_edge_count(g); e++) {
        size_t a, b, x, y;
        evg_graph_edge_ends(&a, &b, g, e - 1);
        evg_graph_edge_ends(&x, &y, g, e);
        assert_true(a < x || (a == x && b < y) ||
                    (a == x && b == y &&
                     strcmp(evg_graph_edge_relation(g, e - 1),
                            evg_graph_edge_relation(g, e)) < 0));
    }
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_meeting_vertices(void **state)
{
    evg_corpus *c = read_fixture(FIXTURE);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    size_t m = vertex(g, "meeting:a-001-1");

    (void)state;
    assert_int_equal(evg_graph_vertex_type(g, m), EVG_NODE_MEETING);
    assert_string_equal(evg_graph_vertex_label(g, m),
                        "\xC3\x96"
                        "berg \xE2\x80\x93 Marenko-Lind, 2025-03-03");
    assert_string_equal(evg_graph_vertex_attr(g, m, "event_type"), "meeting");
    assert_string_equal(evg_graph_vertex_attr(g, m, "status"), "reported");
    assert_string_equal(evg_graph_vertex_attr(g, m, "date"), "2025-03-03");
    assert_string_equal(evg_graph_vertex_attr(g, m, "place"), "Government House");
    assert_string_equal(evg_graph_vertex_attr(g, m, "doc"), "a-001");
    assert_non_null(
        strstr(evg_graph_vertex_attr(g, m, "evidence"), "received Foreign Minister"));
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "meeting:a-001-2")),
                        "Marenko-Lind \xE2\x80\x93 Quill (call), 2025-03-02");
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "meeting:b-002-1")),
                        "\xC3\x96"
                        "berg \xE2\x80\x93 Marenko-Lind (signing), 2025-03-10");
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "meeting:b-002-2")),
                        "Marenko-Lind \xE2\x80\x93 Vell (planned meeting), 2025-04-01");
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_people_view(void **state)
{
    evg_corpus *c = read_fixture(FIXTURE);
    evg_graph *g = build(c, EVG_VIEW_PEOPLE);
    size_t e;

    (void)state;
    assert_int_equal(evg_graph_view(g), EVG_VIEW_PEOPLE);
    /* Everyone who took part in an event, even only a call or a planned one. */
    assert_int_equal(evg_graph_vertex_count(g), 4);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PERSON), 4);
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_MEETING), 0);
    vertex(g, "person:dara-quill");
    vertex(g, "person:kasimir-vell");
    /* A meeting and a signing shared; the call and the planned meeting make no edge. */
    assert_int_equal(evg_graph_edge_count(g), 1);
    e = edge(g, "person:ilva-marenko", "person:tomas-oberg", "met");
    assert_true(evg_graph_edge_weight(g, e) == 2.0);
    assert_string_equal(evg_graph_edge_attr(g, e, "first_date"), "2025-03-03");
    assert_string_equal(evg_graph_edge_attr(g, e, "last_date"), "2025-03-10");
    assert_null(evg_graph_edge_attr(g, e, "role"));
    evg_graph_free(g);
    evg_corpus_free(c);
}

/* Every vertex id, label and edge of two graphs are the same. */
static void assert_same_graph(const evg_graph *a, const evg_graph *b)
{
    assert_int_equal(evg_graph_vertex_count(a), evg_graph_vertex_count(b));
    assert_int_equal(evg_graph_edge_count(a), evg_graph_edge_count(b));
    for (size_t v = 0; v < evg_graph_vertex_count(a); v++) {
        assert_string_equal(evg_graph_vertex_id(a, v), evg_graph_vertex_id(b, v));
        assert_string_equal(evg_graph_vertex_label(a, v), evg_graph_vertex_label(b, v));
    }
    for (size_t e = 0; e < evg_graph_edge_count(a); e++) {
        size_t x1, y1, x2, y2;
        evg_graph_edge_ends(&x1, &y1, a, e);
        evg_graph_edge_ends(&x2, &y2, b, e);
        assert_int_equal(x1, x2);
        assert_int_equal(y1, y2);
        assert_true(evg_graph_edge_weight(a, e) == evg_graph_edge_weight(b, e));
    }
}

static char *line_of(const char *text, int which)
{
    const char *nl = strchr(text, '\n');
    return which == 0 ? strndup(text, (size_t)(nl - text)) : strdup(nl + 1);
}

static void test_input_order_and_duplicates(void **state)
{
    size_t len;
    FILE *f = fopen(FIXTURE, "rb");
    char buf[16384];
    (void)state;

    assert_non_null(f);
    len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    char *l0 = line_of(buf, 0), *l1 = line_of(buf, 1);
    const char *fwd[] = {l0, l1}, *rev[] = {l1, l0}, *dup[] = {l1, l0, l1, l0};
    evg_corpus *c1 = corpus_of(fwd, 2), *c2 = corpus_of(rev, 2), *c3 = corpus_of(dup, 4);
    for (int view = EVG_VIEW_FULL; view <= EVG_VIEW_PEOPLE; view++) {
        evg_graph *g1 = build(c1, (evg_view)view), *g2 = build(c2, (evg_view)view),
                  *g3 = build(c3, (evg_view)view);
        assert_same_graph(g1, g2);
        assert_same_graph(g1, g3); /* a document read twice counts once */
        evg_graph_free(g1);
        evg_graph_free(g2);
        evg_graph_free(g3);
    }
    evg_corpus_free(c1);
    evg_corpus_free(c2);
    evg_corpus_free(c3);
    free(l0);
    free(l1);
}

/* A record of one meeting of Ann Bay and Bo Dahl, on `date`, at `place` (a JSON value)
 * with the place entities `places` (JSON objects, comma-joined) and `place_id` (or NULL).
 */
static char *meeting_at(const char *doc, const char *date, const char *place,
                        const char *place_id, const char *places)
{
    char *line = malloc(2048);

    assert_non_null(line);
    snprintf(line, 2048,
             "{\"doc\":{\"id\":\"%s\",\"date\":\"%s\"},\"entities\":["
             "{\"id\":\"person:ann-bay\",\"type\":\"person\",\"name\":\"Ann Bay\","
             "\"titles\":[\"Minister\"],\"country\":\"XAR\"},"
             "{\"id\":\"person:bo-dahl\",\"type\":\"person\",\"name\":\"Bo Dahl\","
             "\"titles\":[\"Minister\"],\"country\":\"XBE\"}%s%s],"
             "\"events\":[{\"id\":\"%s#1\",\"type\":\"meeting\",\"date\":\"%s\","
             "\"place\":%s%s%s%s,\"participants\":[{\"entity\":\"person:ann-bay\"},"
             "{\"entity\":\"person:bo-dahl\"}]}]}",
             doc, date, places[0] ? "," : "", places, doc, date, place,
             place_id ? ",\"place_id\":\"" : "", place_id ? place_id : "",
             place_id ? "\"" : "");
    return line;
}

static void test_places_with_cities(void **state)
{
    char *lines[] = {
        /* a venue with its city */
        meeting_at("d1", "2025-03-02", "\"Defense Ministry\"",
                   "place:defense-ministry-sarn",
                   "{\"id\":\"place:defense-ministry-sarn\",\"type\":\"place\",\"name\":"
                   "\"Defense Ministry\",\"country\":\"XBE\",\"city\":\"Sarn\"}"),
        /* the city itself */
        meeting_at("d2", "2025-03-09", "\"Sarn\"", "place:sarn",
                   "{\"id\":\"place:sarn\",\"type\":\"place\",\"name\":\"Sarn\","
                   "\"country\":\"XBE\",\"city\":\"Sarn\"}"),
        /* a venue of that name the text gives no city: another place */
        meeting_at("d3", "2025-03-16", "\"Defense Ministry\"", NULL,
                   "{\"id\":\"place:defense-ministry\",\"type\":\"place\",\"name\":"
                   "\"Defense Ministry\",\"country\":null}"),
        /* a record of an earlier version: no city, no country, no place_id */
        meeting_at("d4", "2025-03-23", "\"Geneva\"", NULL,
                   "{\"id\":\"place:geneva\",\"type\":\"place\",\"name\":\"Geneva\"}"),
    };
    const char *const *cl = (const char *const *)lines;
    evg_corpus *c = corpus_of(cl, 4);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    size_t v;

    (void)state;
    assert_int_equal(evg_graph_count_type(g, EVG_NODE_PLACE), 4);
    v = vertex(g, "place:defense-ministry-sarn");
    assert_string_equal(evg_graph_vertex_label(g, v), "Defense Ministry, Sarn");
    assert_string_equal(evg_graph_vertex_attr(g, v, "city"), "Sarn");
    assert_string_equal(evg_graph_vertex_attr(g, v, "country"), "XBE");
    edge(g, "meeting:d1-1", "place:defense-ministry-sarn", "held_at");
    /* the meeting's place is the place's label: "Sarn" finds it */
    assert_string_equal(evg_graph_vertex_attr(g, vertex(g, "meeting:d1-1"), "place"),
                        "Defense Ministry, Sarn");
    assert_string_equal(
        evg_graph_vertex_attr(g, vertex(g, "meeting:d1-1"), "place_country"), "XBE");
    v = vertex(g, "place:sarn");
    assert_string_equal(evg_graph_vertex_label(g, v), "Sarn");
    assert_string_equal(evg_graph_vertex_attr(g, v, "city"), "Sarn");
    v = vertex(g, "place:defense-ministry");
    assert_string_equal(evg_graph_vertex_label(g, v), "Defense Ministry");
    assert_null(evg_graph_vertex_attr(g, v, "city"));
    assert_null(evg_graph_vertex_attr(g, v, "country"));
    /* no country in the record: the one its name tells (the lexicon's cities) */
    v = vertex(g, "place:geneva");
    assert_string_equal(evg_graph_vertex_attr(g, v, "country"), "CHE");
    assert_string_equal(
        evg_graph_vertex_attr(g, vertex(g, "meeting:d4-1"), "place_country"), "CHE");
    evg_graph_free(g);
    evg_corpus_free(c);
    for (size_t i = 0; i < 4; i++)
        free(lines[i]);
}

static void test_empty_corpus(void **state)
{
    evg_corpus *c = NULL;
    evg_error err;
    size_t v;

    (void)state;
    assert_int_equal(evg_corpus_new(&c, &err), 0);
    for (int view = EVG_VIEW_FULL; view <= EVG_VIEW_PEOPLE; view++) {
        evg_graph *g = build(c, (evg_view)view);
        assert_int_equal(evg_graph_vertex_count(g), 0);
        assert_int_equal(evg_graph_edge_count(g), 0);
        assert_int_equal(evg_graph_find_vertex(&v, g, "person:x"), EVG_ENOTFOUND);
        assert_int_equal(igraph_vcount(evg_i_graph_igraph(g)), 0);
        evg_graph_free(g);
    }
    evg_corpus_free(c);
}

static void check_nmtoken(const char *in, const char *want)
{
    evg_i_buf b = EVG_I_BUF_INIT;

    assert_int_equal(evg_i_nmtoken(&b, in), 0);
    assert_string_equal(b.ptr, want);
    evg_i_buf_free(&b);
}

static void test_nmtoken(void **state)
{
    (void)state;
    check_nmtoken("person:zakir-hasanov", "person:zakir-hasanov");
    check_nmtoken("meeting:a b#1", "meeting:a_b_1");
    check_nmtoken("x<&\"'>y", "x_____y");
    check_nmtoken("a\x01"
                  "b",
                  "a_b");
    check_nmtoken("", "_");
    /* Letters of other scripts stay readable; symbols and invalid bytes do not. */
    check_nmtoken("person:\xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBD",
                  "person:\xD0\xB8\xD0\xB2\xD0\xB0\xD0\xBD");
    check_nmtoken("p:\xE2\x98\x83x", "p:_x");
    check_nmtoken("p:\xFFx", "p:_x");
}

static void test_unsafe_and_clashing_ids(void **state)
{
    const char *lines[] = {
        "{\"doc\":{\"id\":\"d1\"},\"entities\":["
        "{\"id\":\"person:a b\",\"type\":\"person\",\"name\":\"Ann Bay\"},"
        "{\"id\":\"person:a_b\",\"type\":\"person\",\"name\":\"Bo Dahl\"}],"
        "\"events\":[{\"id\":\"d1#1\",\"type\":\"meeting\",\"participants\":["
        "{\"entity\":\"person:a b\",\"role\":\"host\"},{\"entity\":\"person:a_b\"}]}]}",
    };
    evg_corpus *c = corpus_of(lines, 1);
    evg_graph *g = build(c, EVG_VIEW_FULL), *p = build(c, EVG_VIEW_PEOPLE);

    (void)state;
    /* Both ids become "person:a_b"; the first by key keeps it, the other gets ".2". */
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "person:a_b")), "Ann Bay");
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "person:a_b.2")), "Bo Dahl");
    assert_int_equal(evg_graph_edge_count(g), 2);
    assert_int_equal(evg_graph_edge_count(p), 1);
    assert_true(evg_graph_edge_weight(p, 0) == 1.0);
    /* No date: no date in the label, none on the edge. */
    assert_string_equal(evg_graph_vertex_label(g, vertex(g, "meeting:d1-1")),
                        "Bay \xE2\x80\x93 Dahl");
    assert_null(evg_graph_edge_attr(p, 0, "first_date"));
    evg_graph_free(g);
    evg_graph_free(p);
    evg_corpus_free(c);
}

/*
 * A summit of 101 people a month after three of them met: the people view
 * joins no one of a meeting of more than max_meeting_people (100 by
 * default), warning once, and keeps the three's meeting; the full view keeps
 * every participation. Names from lists of invented given names and
 * surnames, 110 distinct people.
 */
static char *summit_line(size_t n)
{
    static const char *const first[] = {"Aino", "Brita", "Cato",   "Dagny",
                                        "Eero", "Frode", "Gunnel", "Hilde",
                                        "Ivo",  "Jorun", "Kerttu"};
    static const char *const last[] = {"Lepik",    "Rautio", "Ozola",   "Saar",
                                       "Kivisild", "Tamm",   "Berzins", "Virtanen",
                                       "Varas",    "Kask"};
    size_t cap = 200 * n + 1024, len = 0;
    char *buf = malloc(cap);

    assert_non_null(buf);
#define PUT(...) (len += (size_t)snprintf(buf + len, cap - len, __VA_ARGS__))
    PUT("{\"doc\":{\"id\":\"summit\",\"path\":\"news/summit.txt\",\"date\":"
        "\"2025-05-06\"},\"entities\":[");
    for (size_t i = 0; i < n; i++)
        PUT("%s{\"id\":\"person:p%zu\",\"type\":\"person\",\"name\":\"%s %s\"}",
            i ? "," : "", i, first[i % 11], last[i / 11]);
    PUT("],\"events\":[{\"id\":\"summit#1\",\"type\":\"meeting\",\"status\":"
        "\"reported\",\"date\":\"2025-05-06\",\"participants\":[");
    for (size_t i = 0; i < n; i++)
        PUT("%s{\"entity\":\"person:p%zu\"}", i ? "," : "", i);
    PUT("]}]}");
#undef PUT
    assert_true(len < cap);
    return buf;
}

static evg_graph *build_capped(const evg_corpus *c, evg_view view, unsigned version,
                               size_t max, th_diags *d)
{
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_graph *g = NULL;
    evg_error err;

    o.version = version;
    o.view = view;
    o.max_meeting_people = max;
    o.on_diag = th_collect_diag;
    o.diag_payload = d;
    if (evg_graph_build(&g, c, &o, &err) < 0)
        fail_msg("build: %s", err.text);
    return g;
}

static void test_large_meeting(void **state)
{
    char *summit = summit_line(101);
    const char *lines[] = {
        summit,
        "{\"doc\":{\"id\":\"talks\",\"date\":\"2025-04-01\"},\"entities\":["
        "{\"id\":\"person:p0\",\"type\":\"person\",\"name\":\"Aino Lepik\"},"
        "{\"id\":\"person:p1\",\"type\":\"person\",\"name\":\"Brita Lepik\"},"
        "{\"id\":\"person:p2\",\"type\":\"person\",\"name\":\"Cato Lepik\"}],"
        "\"events\":[{\"id\":\"talks#1\",\"type\":\"meeting\",\"status\":\"reported\","
        "\"date\":\"2025-04-01\",\"participants\":[{\"entity\":\"person:p0\"},"
        "{\"entity\":\"person:p1\"},{\"entity\":\"person:p2\"}]}]}",
    };
    evg_corpus *c = corpus_of(lines, 2);
    th_diags d = {0};
    evg_graph *g, *full, *made = NULL;
    long people = 0;

    (void)state;
    /* The default: the three's meeting only, and one warning naming the summit. */
    g = build_capped(c, EVG_VIEW_PEOPLE, EVG_BUILD_OPTS_VERSION, EVG_MAX_MEETING_PEOPLE,
                     &d);
    assert_int_equal(evg_graph_vertex_count(g), 101);
    assert_int_equal(evg_graph_edge_count(g), 3);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.sev[0], EVG_SEV_WARNING);
    assert_string_equal(d.errs[0].source, "news/summit.txt");
    assert_non_null(strstr(d.errs[0].text,
                           "meeting summit#1 has 101 people, more than the "
                           "100 the people view joins pairwise"));
    evg_graph_free(g);
    /* A limit the summit is within, or none: every two of its people met. */
    for (size_t max = 101; max != SIZE_MAX; max = max ? 0 : SIZE_MAX) {
        d.n = 0;
        g = build_capped(c, EVG_VIEW_PEOPLE, EVG_BUILD_OPTS_VERSION, max, &d);
        assert_int_equal(evg_graph_edge_count(g), 101 * 100 / 2);
        assert_int_equal(d.n, 0);
        evg_graph_free(g);
    }
    /* Callers of version 2 get the default. */
    g = build_capped(c, EVG_VIEW_PEOPLE, 2, 0, &d);
    assert_int_equal(evg_graph_edge_count(g), 3);
    evg_graph_free(g);
    /* The full view keeps every participation, and warns of nothing. */
    d.n = 0;
    full = build_capped(c, EVG_VIEW_FULL, EVG_BUILD_OPTS_VERSION, EVG_MAX_MEETING_PEOPLE,
                        &d);
    assert_int_equal(evg_graph_vertex_number(&people, full,
                                             vertex(full, "meeting:summit-1"), "people"),
                     0);
    assert_int_equal(people, 101);
    assert_int_equal(d.n, 0);
    /* The people view made from the full graph (queries) is the same. */
    assert_int_equal(evg_i_graph_project(&made, full, EVG_VIEW_PEOPLE, NULL), 0);
    assert_int_equal(evg_graph_edge_count(made), 3);
    assert_int_equal(evg_graph_vertex_count(made), 101);
    evg_graph_free(made);
    evg_graph_free(full);
    evg_corpus_free(c);
    free(summit);
}

static void test_bad_options(void **state)
{
    evg_corpus *c = NULL;
    evg_graph *g = (evg_graph *)&g;
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_error err;

    (void)state;
    assert_int_equal(evg_corpus_new(&c, &err), 0);
    o.version = 99;
    assert_int_equal(evg_graph_build(&g, c, &o, &err), EVG_EINVAL);
    assert_null(g);
    o.version = EVG_BUILD_OPTS_VERSION;
    o.view = (evg_view)7;
    assert_int_equal(evg_graph_build(&g, c, &o, &err), EVG_EINVAL);
    assert_null(g);
    /* NULL options: the full view. */
    assert_int_equal(evg_graph_build(&g, c, NULL, &err), 0);
    assert_int_equal(evg_graph_view(g), EVG_VIEW_FULL);
    evg_graph_free(g);
    evg_graph_free(NULL);
    evg_corpus_free(c);
}

static void test_igraph_error_path(void **state)
{
    evg_graph *g = calloc(1, sizeof(*g));
    evg_i_eattr e = {0, 0, EVG_I_REL_MET, -1, 1.0, NULL, NULL, NULL, NULL, NULL};
    evg_error err;

    (void)state;
    assert_non_null(g);
    /* A vertex id igraph reads as negative: igraph_create fails. */
    e.from = SIZE_MAX;
    g->e = &e;
    g->ne = 1;
    g->nv = 2;
    memset(&err, 0, sizeof err);
    assert_int_equal(evg_i_graph_create_igraph(g, &err), EVG_EGRAPH);
    assert_int_equal(err.code, EVG_EGRAPH);
    assert_non_null(strstr(err.text, "igraph"));
    assert_int_equal(g->have_ig, 0);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    /* An edge past the last vertex: igraph would grow the graph; we refuse. */
    e.from = 0;
    e.to = 5;
    assert_int_equal(evg_i_graph_create_igraph(g, &err), EVG_EGRAPH);
    assert_non_null(strstr(err.text, "missing vertex"));
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    g->e = NULL;
    g->ne = 0;
    evg_graph_free(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_full_view_merges_entities),
        cmocka_unit_test(test_full_view_edges),
        cmocka_unit_test(test_meeting_vertices),
        cmocka_unit_test(test_people_view),
        cmocka_unit_test(test_input_order_and_duplicates),
        cmocka_unit_test(test_places_with_cities),
        cmocka_unit_test(test_empty_corpus),
        cmocka_unit_test(test_nmtoken),
        cmocka_unit_test(test_unsafe_and_clashing_ids),
        cmocka_unit_test(test_large_meeting),
        cmocka_unit_test(test_bad_options),
        cmocka_unit_test(test_igraph_error_path),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
