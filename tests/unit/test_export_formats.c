/*
 * Unit tests of the GEXF, JSON and CSV exporters and of what every format
 * shares (columns.c): escaping, formula guards, timeline intervals, the
 * multigraph flag, positions, views, empty graphs, determinism.
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

#include "evgraph.h"
#include "export/export_internal.h"
#include "export_helpers.h"
#include "graph/graph_impl.h"
#include "graph/views.h"
#include "unit_helpers.h"

#define FIXTURE EVG_TEST_DATA "/graph/two_docs.jsonl"
/* Ilona Vesk and Teodor Brann meet on 2024-02-10 (with Mira Solt), 2024-05-03
 * (reported twice), 2024-09-21 and on no given date, and phone on 2024-07-01;
 * they sign one accord on 2024-02-10 and again on 2024-09-21. */
#define SPELLS EVG_TEST_DATA "/graph/spells.jsonl"

static const evg_format ALL_FORMATS[] = {EVG_FMT_GRAPHML, EVG_FMT_GEXF, EVG_FMT_GEXF12,
                                         EVG_FMT_JSON, EVG_FMT_CSV};
#define NFORMATS (sizeof ALL_FORMATS / sizeof ALL_FORMATS[0])

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;
    for (const char *p = hay; (p = strstr(p, needle)) != NULL; p += strlen(needle))
        n++;
    return n;
}

/* ---- a small RFC 4180 reader, to read the CSV back ---------------------- */

typedef struct {
    char ***rows; /* rows[r][f], each field malloc()ed */
    size_t *nfields;
    size_t nrows;
} csv_doc;

/* Parse `text`; every record must end with CRLF. */
static csv_doc csv_parse(const char *text)
{
    csv_doc d = {NULL, NULL, 0};
    const char *p = text;

    while (*p) {
        char **fields = NULL;
        size_t nf = 0;
        for (;;) {
            char *v = malloc(strlen(p) + 1);
            size_t n = 0;
            assert_non_null(v);
            if (*p == '"') {
                for (p++; !(*p == '"' && p[1] != '"'); p++) {
                    assert_true(*p != '\0'); /* an unterminated quote */
                    if (*p == '"')
                        p++;
                    v[n++] = *p;
                }
                p++;
            } else {
                while (*p && *p != ',' && *p != '\r' && *p != '\n')
                    v[n++] = *p++;
            }
            v[n] = '\0';
            fields = realloc(fields, (nf + 1) * sizeof(*fields));
            assert_non_null(fields);
            fields[nf++] = v;
            if (*p != ',')
                break;
            p++;
        }
        assert_true(p[0] == '\r' && p[1] == '\n'); /* CRLF after every record */
        p += 2;
        d.rows = realloc(d.rows, (d.nrows + 1) * sizeof(*d.rows));
        d.nfields = realloc(d.nfields, (d.nrows + 1) * sizeof(*d.nfields));
        assert_true(d.rows && d.nfields);
        d.rows[d.nrows] = fields;
        d.nfields[d.nrows++] = nf;
    }
    return d;
}

static void csv_free(csv_doc *d)
{
    for (size_t r = 0; r < d->nrows; r++) {
        for (size_t f = 0; f < d->nfields[r]; f++)
            free(d->rows[r][f]);
        free(d->rows[r]);
    }
    free(d->rows);
    free(d->nfields);
}

/* The cell of column `header` in the row whose first `key_col` field is `key`. */
static const char *csv_cell(const csv_doc *d, const char *key_col, const char *key,
                            const char *header)
{
    size_t kc = SIZE_MAX, hc = SIZE_MAX;

    for (size_t f = 0; f < d->nfields[0]; f++) {
        if (strcmp(d->rows[0][f], key_col) == 0)
            kc = f;
        if (strcmp(d->rows[0][f], header) == 0)
            hc = f;
    }
    if (kc == SIZE_MAX || hc == SIZE_MAX)
        return NULL;
    for (size_t r = 1; r < d->nrows; r++)
        if (strcmp(d->rows[r][kc], key) == 0)
            return d->rows[r][hc];
    return NULL;
}

/* ---- a graph made by hand, for cases the builder does not produce ------- */

static evg_graph *hand_graph(evg_view view, const evg_i_vattr *v, size_t nv,
                             const evg_i_eattr *e, size_t ne)
{
    evg_graph *g = calloc(1, sizeof(*g));

    assert_non_null(g);
    g->view = view;
    g->v = calloc(nv ? nv : 1, sizeof(*g->v));
    g->e = calloc(ne ? ne : 1, sizeof(*g->e));
    assert_true(g->v && g->e);
    memcpy(g->v, v, nv * sizeof(*v));
    memcpy(g->e, e, ne * sizeof(*e));
    g->nv = nv;
    g->ne = ne;
    return g;
}

static evg_i_vattr vertex(const char *id, evg_node_type type, const char *first,
                          const char *last)
{
    evg_i_vattr a;

    memset(&a, 0, sizeof a);
    a.id = id;
    a.label = id + strcspn(id, ":") + 1;
    a.type = type;
    a.first_seen = first;
    a.last_seen = last;
    return a;
}

static evg_i_eattr edge(size_t from, size_t to, evg_i_relation rel, const char *first,
                        const char *last)
{
    evg_i_eattr a;

    memset(&a, 0, sizeof a);
    a.from = from;
    a.to = to;
    a.rel = rel;
    a.role = -1;
    a.weight = 1;
    a.first_date = first;
    a.last_date = last;
    return a;
}

/* ---- GEXF --------------------------------------------------------------- */

static void test_gexf_timeline_and_escaping(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    evg_scores *s = NULL;
    evg_error err;
    char *x, *bare;

    (void)state;
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    x = export_fmt(g, s, EVG_FMT_GEXF);
    bare = export_fmt(g, NULL, EVG_FMT_GEXF);
    /* NetworkX reads only 1.2draft: the file says which format to ask for */
    assert_non_null(strstr(
        x, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- GEXF 1.3, for Gephi. "
           "NetworkX (read_gexf) reads only GEXF 1.2draft: write it with evgraph build "
           "-f gexf12. -->\n<gexf "
           "xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\""
           " version=\"1.3\">\n"));
    assert_non_null(strstr(x, "<graph mode=\"dynamic\" defaultedgetype=\"undirected\" "
                              "timeformat=\"date\" timerepresentation=\"interval\">"));
    /* The name in an XML attribute: every special character escaped, controls gone. */
    assert_non_null(strstr(x, "<node id=\"person:marta-mo\" label=\"Marta &quot;Mo&quot; "
                              "&lt;\xC3\x98ster&gt; &amp; Sons Jr\" start=\"2025-05-05\" "
                              "end=\"2025-05-05\">"));
    /* Line breaks in an attribute value survive as references; U+0002 is dropped. */
    assert_non_null(
        strstr(x, "<attvalue for=\"evidence\" value=\"a&#13;&#10;b --&gt; c\"/>"));
    assert_non_null(
        strstr(x, "<attvalue for=\"titles\" value=\"Envoy &apos;Special&apos;\"/>"));
    /* Roles in GEXF's own places, not as attributes. */
    assert_non_null(strstr(x, "<viz:color r=\"0\" g=\"114\" b=\"178\"/>"));
    assert_int_equal(count(x, "<viz:size value="), evg_graph_vertex_count(g));
    assert_int_equal(count(bare, "<viz:size"), 0);
    assert_null(strstr(x, "id=\"label\""));
    assert_null(strstr(x, "id=\"color\""));
    assert_null(strstr(x, "id=\"weight\""));
    assert_null(strstr(x, "type=\"anyURI\""));
    assert_null(strstr(x, "type=\"date\""));
    assert_non_null(
        strstr(x, "<attribute id=\"sources\" title=\"sources\" type=\"integer\"/>"));
    assert_non_null(strstr(x, "<attribute id=\"pr\" title=\"pr\" type=\"double\"/>"));
    assert_non_null(strstr(x, "label=\"participated_in\" kind=\"participated_in\" "
                              "weight=\"1\" start=\"2025-05-05\" end=\"2025-05-05\">"));
    assert_non_null(strstr(x, "<attvalue for=\"role\" value=\"host\"/>"));
    assert_int_equal(count(x, "<node "), evg_graph_vertex_count(g));
    assert_int_equal(count(x, "<edge "), evg_graph_edge_count(g));
    free(x);
    free(bare);
    evg_scores_free(s);
    evg_graph_free(g);
    evg_corpus_free(c);
}

static void test_gexf12(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    char *x = export_fmt(g, NULL, EVG_FMT_GEXF12);

    (void)state;
    assert_null(strstr(x, "<!--"));
    assert_non_null(
        strstr(x, "<gexf xmlns=\"http://www.gexf.net/1.2draft\" "
                  "xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" version=\"1.2\">"));
    assert_non_null(strstr(x, "<graph mode=\"dynamic\" defaultedgetype=\"undirected\" "
                              "timeformat=\"date\">"));
    /* 1.2draft has no kind=; the relation is still an attribute. */
    assert_null(strstr(x, " kind="));
    assert_non_null(strstr(x, "<attvalue for=\"relation\" value=\"participated_in\"/>"));
    assert_non_null(strstr(x, "start=\"2025-05-05\" end=\"2025-05-05\""));
    free(x);
    evg_graph_free(g);
    evg_corpus_free(c);
}

/*
 * Intervals come from first/last dates: one date alone gives both ends, an
 * end before the start is raised to it, what is not an ISO date is left out.
 */
static void test_intervals(void **state)
{
    const evg_i_vattr v[] = {
        vertex("meeting:m1", EVG_NODE_MEETING, "2024", "2024"),
        vertex("person:a", EVG_NODE_PERSON, "2024-03-01", NULL),
        vertex("person:b", EVG_NODE_PERSON, "2024-05-02", "2024-04-01"),
        vertex("place:p", EVG_NODE_PLACE, NULL, NULL),
    };
    const evg_i_eattr e[] = {
        edge(1, 0, EVG_I_REL_PARTICIPATED_IN, NULL, "2024-06-30"),
        edge(0, 3, EVG_I_REL_HELD_AT, "2024-06-01", "2024-06-30"),
    };
    evg_graph *g = hand_graph(EVG_VIEW_FULL, v, 4, e, 2);
    evg_export_opts o = EVG_EXPORT_OPTS_INIT;
    char *x = export_fmt(g, NULL, EVG_FMT_GEXF), *nodes, *edges;
    csv_doc dn, de;

    (void)state;
    assert_non_null(strstr(x, "<node id=\"meeting:m1\" label=\"m1\">"));
    assert_non_null(strstr(
        x, "<node id=\"person:a\" label=\"a\" start=\"2024-03-01\" end=\"2024-03-01\">"));
    assert_non_null(strstr(
        x, "<node id=\"person:b\" label=\"b\" start=\"2024-05-02\" end=\"2024-05-02\">"));
    assert_non_null(strstr(x, "<node id=\"place:p\" label=\"p\">"));
    assert_non_null(strstr(x, "start=\"2024-06-30\" end=\"2024-06-30\""));
    assert_non_null(strstr(x, "start=\"2024-06-01\" end=\"2024-06-30\""));
    /* The dates themselves stay as written, in every format. */
    assert_non_null(strstr(x, "<attvalue for=\"first_seen\" value=\"2024\"/>"));
    o.format = EVG_FMT_CSV;
    nodes = export_opts_str(g, NULL, &o);
    o.csv_table = EVG_CSV_EDGES;
    edges = export_opts_str(g, NULL, &o);
    dn = csv_parse(nodes);
    de = csv_parse(edges);
    assert_string_equal(csv_cell(&dn, "Id", "meeting:m1", "Timeset"), "");
    assert_string_equal(csv_cell(&dn, "Id", "person:a", "Timeset"),
                        "<[2024-03-01, 2024-03-01]>");
    assert_string_equal(csv_cell(&dn, "Id", "person:b", "Timeset"),
                        "<[2024-05-02, 2024-05-02]>");
    assert_string_equal(csv_cell(&dn, "Id", "person:b", "last_seen"), "2024-04-01");
    assert_string_equal(csv_cell(&de, "Id", "e1", "Timeset"),
                        "<[2024-06-01, 2024-06-30]>");
    assert_string_equal(csv_cell(&de, "Id", "e0", "role"), "");
    csv_free(&dn);
    csv_free(&de);
    free(nodes);
    free(edges);
    free(x);
    evg_graph_free(g);
}

/* ---- spells: the days of the meetings on the timeline -------------------- */

/* The element of `x` that starts with `head`, up to `close`: malloc()ed. */
static char *element(const char *x, const char *head, const char *close)
{
    const char *a = strstr(x, head), *b;
    char *out;

    if (a == NULL)
        fail_msg("no %s", head);
    b = strstr(a, close);
    assert_non_null(b);
    out = strndup(a, (size_t)(b - a));
    assert_non_null(out);
    return out;
}

/* The lines of `text` in the other order, malloc()ed. */
static char *reversed_lines(const char *text)
{
    size_t len = strlen(text);
    const char *end = text + len;
    char *rev = calloc(len + 2, 1);
    size_t n = 0;

    assert_non_null(rev);
    while (end > text) {
        const char *start = end - 1;
        while (start > text && start[-1] != '\n')
            start--;
        memcpy(rev + n, start, (size_t)(end - start));
        n += (size_t)(end - start);
        if (rev[n - 1] != '\n')
            rev[n++] = '\n';
        end = start;
    }
    return rev;
}

/* The view `view` of the events file `path` (lines reversed or not) in `fmt`. */
static char *export_file(const char *path, evg_view view, evg_format fmt, int reversed)
{
    size_t len = 0;
    char *text = th_read(path, &len), *x;
    evg_corpus *c;
    evg_graph *g;

    assert_non_null(text);
    if (reversed) {
        char *rev = reversed_lines(text);
        free(text);
        text = rev;
    }
    c = corpus_of_text(text);
    g = build(c, view);
    x = export_fmt(g, NULL, fmt);
    evg_graph_free(g);
    evg_corpus_free(c);
    free(text);
    return x;
}

/*
 * A pair that met on three days has one spell per day on its edge (the
 * undated meeting counts in the weight but gives none; two reports of one
 * day give one); a person has one per day they took part in anything, the
 * call too; one day alone stays start= and end=.
 */
static void test_gexf_spells_people(void **state)
{
    char *x = export_file(SPELLS, EVG_VIEW_PEOPLE, EVG_FMT_GEXF, 0);
    char *pair = element(x,
                         "<edge id=\"e1\" source=\"person:ilona-vesk\" "
                         "target=\"person:teodor-brann\"",
                         "</edge>");
    char *ilona = element(x, "<node id=\"person:ilona-vesk\"", "</node>");

    (void)state;
    assert_non_null(strstr(pair, "label=\"met\" kind=\"met\" weight=\"4\">\n"));
    assert_null(strstr(pair, "\" start=")); /* no interval beside the spells */
    assert_non_null(strstr(pair,
                           "        <spells>\n"
                           "          <spell start=\"2024-02-10\" end=\"2024-02-10\"/>\n"
                           "          <spell start=\"2024-05-03\" end=\"2024-05-03\"/>\n"
                           "          <spell start=\"2024-09-21\" end=\"2024-09-21\"/>\n"
                           "        </spells>\n"));
    assert_int_equal(count(pair, "<spell "), 3);
    assert_non_null(
        strstr(ilona, "<node id=\"person:ilona-vesk\" label=\"Ilona Vesk\">"));
    assert_non_null(strstr(ilona,
                           "<spell start=\"2024-02-10\" end=\"2024-02-10\"/>\n"
                           "          <spell start=\"2024-05-03\" end=\"2024-05-03\"/>\n"
                           "          <spell start=\"2024-07-01\" end=\"2024-07-01\"/>\n"
                           "          <spell start=\"2024-09-21\" end=\"2024-09-21\"/>\n"
                           "        </spells>"));
    assert_int_equal(count(ilona, "<spell "), 4);
    /* the span stays in first_seen and last_seen */
    assert_non_null(strstr(ilona, "<attvalue for=\"first_seen\" value=\"2024-02-10\"/>"));
    assert_non_null(strstr(ilona, "<attvalue for=\"last_seen\" value=\"2024-09-21\"/>"));
    assert_non_null(strstr(x, "<node id=\"person:mira-solt\" label=\"Mira Solt\" "
                              "start=\"2024-02-10\" end=\"2024-02-10\">"));
    assert_non_null(strstr(x, "target=\"person:mira-solt\" label=\"met\" kind=\"met\" "
                              "weight=\"1\" start=\"2024-02-10\" end=\"2024-02-10\">"));
    assert_int_equal(count(x, "<spells>"), 3);
    free(pair);
    free(ilona);
    free(x);
}

/*
 * The full view: people, countries and places get the days of their
 * meetings, a meeting keeps its interval and its edges their one day; the
 * countries view joins the countries on the days their officials met; GEXF
 * 1.2draft has the same spells, for NetworkX.
 */
static void test_gexf_spells_views(void **state)
{
    char *full = export_file(SPELLS, EVG_VIEW_FULL, EVG_FMT_GEXF, 0);
    char *cc = export_file(SPELLS, EVG_VIEW_COUNTRIES, EVG_FMT_GEXF, 0);
    char *v12 = export_file(SPELLS, EVG_VIEW_PEOPLE, EVG_FMT_GEXF12, 0);
    char *ilona = element(full, "<node id=\"person:ilona-vesk\"", "</node>");
    char *xar = element(full, "<node id=\"country:XAR\"", "</node>");
    char *arvel = element(full, "<node id=\"place:arvel\"", "</node>");
    char *pair = element(
        cc, "<edge id=\"e0\" source=\"country:XAR\" target=\"country:XBE\"", "</edge>");

    (void)state;
    assert_int_equal(count(ilona, "<spell "), 4);
    assert_int_equal(count(xar, "<spell "), 4);
    assert_non_null(strstr(arvel,
                           "<spell start=\"2024-02-10\" end=\"2024-02-10\"/>\n"
                           "          <spell start=\"2024-09-21\" end=\"2024-09-21\"/>"));
    assert_non_null(strstr(full, "(visit), 2024-09-21\" start=\"2024-09-21\" "
                                 "end=\"2024-09-21\">"));
    /* both signed the accord at two meetings: two spells on the agreement and
     * on each signatory edge; no meeting has spells */
    assert_int_equal(count(full, "<spells>"), 8);
    assert_int_equal(count(full, "kind=\"signatory\" weight=\"2\">"), 2);
    assert_int_equal(count(pair, "<spell "), 3);
    assert_non_null(strstr(pair, "<spell start=\"2024-09-21\" end=\"2024-09-21\"/>"));
    assert_non_null(strstr(v12, "<spell start=\"2024-05-03\" end=\"2024-05-03\"/>"));
    assert_int_equal(count(v12, "<spells>"), 3);
    free(ilona);
    free(xar);
    free(arvel);
    free(pair);
    free(full);
    free(cc);
    free(v12);
}

/*
 * The same bytes with the documents in the other order, and from the view
 * projected from the full graph (as queries make it).
 */
static void test_gexf_spells_deterministic(void **state)
{
    (void)state;
    for (int v = EVG_VIEW_FULL; v <= EVG_VIEW_BIPARTITE; v++) {
        char *a = export_file(SPELLS, (evg_view)v, EVG_FMT_GEXF, 0);
        char *b = export_file(SPELLS, (evg_view)v, EVG_FMT_GEXF, 1);
        size_t len = 0;
        char *text = th_read(SPELLS, &len), *p;
        evg_corpus *c = corpus_of_text(text);
        evg_graph *full = build(c, EVG_VIEW_FULL), *made = NULL;
        assert_string_equal(a, b);
        assert_int_equal(evg_i_graph_project(&made, full, (evg_view)v, NULL), 0);
        p = export_fmt(made, NULL, EVG_FMT_GEXF);
        assert_string_equal(a, p);
        free(p);
        evg_graph_free(made);
        evg_graph_free(full);
        evg_corpus_free(c);
        free(text);
        free(a);
        free(b);
    }
}

/* The CSV Timeset of an element of several days is Gephi's interval set, a day each. */
static void test_csv_timeset_days(void **state)
{
    size_t len = 0;
    char *text = th_read(SPELLS, &len), *nodes, *edges;
    evg_corpus *c = corpus_of_text(text);
    evg_graph *g = build(c, EVG_VIEW_PEOPLE);
    evg_export_opts o = EVG_EXPORT_OPTS_INIT;
    csv_doc dn, de;

    (void)state;
    o.format = EVG_FMT_CSV;
    nodes = export_opts_str(g, NULL, &o);
    o.csv_table = EVG_CSV_EDGES;
    edges = export_opts_str(g, NULL, &o);
    dn = csv_parse(nodes);
    de = csv_parse(edges);
    assert_string_equal(csv_cell(&de, "Id", "e1", "Timeset"),
                        "<[2024-02-10, 2024-02-10]; [2024-05-03, 2024-05-03]; "
                        "[2024-09-21, 2024-09-21]>");
    assert_string_equal(csv_cell(&de, "Id", "e0", "Timeset"),
                        "<[2024-02-10, 2024-02-10]>");
    assert_string_equal(csv_cell(&dn, "Id", "person:teodor-brann", "Timeset"),
                        "<[2024-02-10, 2024-02-10]; [2024-05-03, 2024-05-03]; "
                        "[2024-07-01, 2024-07-01]; [2024-09-21, 2024-09-21]>");
    assert_string_equal(csv_cell(&dn, "Id", "person:mira-solt", "Timeset"),
                        "<[2024-02-10, 2024-02-10]>");
    csv_free(&dn);
    csv_free(&de);
    free(nodes);
    free(edges);
    evg_graph_free(g);
    evg_corpus_free(c);
    free(text);
}

/*
 * Merging parallel edges keeps each day once, sorted, whatever the order:
 * 500 meetings of one pair (each day twice, shuffled) give 500 days; an
 * undated one adds none; two edges of one day keep no list (start = end).
 */
static void test_edges_merge_dates(void **state)
{
    enum { DAYS = 500 };
    static char day[DAYS][11];
    evg_i_eattr *e = calloc(2 * DAYS + 3, sizeof(*e));
    evg_i_arena a = EVG_I_ARENA_INIT;
    char got[11];
    size_t n = 0, kept = 0, at = 0, k = 0;

    (void)state;
    assert_non_null(e);
    for (size_t i = 0; i < DAYS; i++)
        snprintf(day[i], sizeof day[i], "%04d-%02d-%02d", (int)(2000 + i / 336),
                 (int)(1 + i / 28 % 12), (int)(1 + i % 28));
    for (size_t i = 0; i < 2 * DAYS; i++) {
        size_t d = (i * 7919) % DAYS; /* 7919 is prime: every day twice, shuffled */
        e[n++] = edge(0, 1, EVG_I_REL_MET, day[d], day[d]);
    }
    e[n++] = edge(0, 1, EVG_I_REL_MET, NULL, NULL);
    e[n++] = edge(0, 2, EVG_I_REL_MET, day[3], day[3]);
    e[n++] = edge(0, 2, EVG_I_REL_MET, day[3], day[3]);
    assert_int_equal(evg_i_edges_merge(&kept, e, n, &a), 0);
    assert_int_equal(kept, 2);
    assert_true(e[0].weight == 2 * DAYS + 1);
    assert_string_equal(e[0].first_date, day[0]);
    assert_string_equal(e[0].last_date, day[DAYS - 1]);
    assert_int_equal(strlen(e[0].dates), DAYS * 11 - 1);
    while (evg_i_dates_next(got, e[0].dates, &at))
        assert_string_equal(got, day[k++]);
    assert_int_equal(k, DAYS);
    assert_null(e[1].dates);
    assert_string_equal(e[1].first_date, day[3]);
    evg_i_arena_free(&a);
    free(e);
}

/* ---- JSON --------------------------------------------------------------- */

static json_t *load_json(const char *text)
{
    json_error_t jerr;
    json_t *j = json_loads(text, 0, &jerr);

    if (j == NULL)
        fail_msg("JSON: %s at %d:%d", jerr.text, jerr.line, jerr.column);
    return j;
}

static void test_json_node_link(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    evg_scores *s = NULL;
    evg_error err;
    char *text;
    json_t *j, *nodes, *links;
    size_t nv = evg_graph_vertex_count(g), ne = evg_graph_edge_count(g), v,
           marta = SIZE_MAX;

    (void)state;
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    text = export_fmt(g, s, EVG_FMT_JSON);
    j = load_json(text);
    assert_true(json_is_false(json_object_get(j, "directed")));
    assert_true(json_is_false(json_object_get(j, "multigraph")));
    assert_string_equal(
        json_string_value(json_object_get(json_object_get(j, "graph"), "view")), "full");
    nodes = json_object_get(j, "nodes");
    links = json_object_get(j, "links");
    assert_int_equal(json_array_size(nodes), nv);
    assert_int_equal(json_array_size(links), ne);
    for (v = 0; v < nv; v++) {
        json_t *n = json_array_get(nodes, v);
        double pr = json_real_value(json_object_get(n, "pr"));
        assert_string_equal(json_string_value(json_object_get(n, "id")),
                            evg_graph_vertex_id(g, v));
        assert_true(json_is_integer(json_object_get(n, "sources")));
        assert_true(json_is_real(json_object_get(n, "size")));
        assert_true(fabs(pr - evg_scores_get(s, EVG_M_PAGERANK, v)) < 1e-9);
        if (strcmp(evg_graph_vertex_id(g, v), "person:marta-mo") == 0)
            marta = v;
        if (evg_graph_vertex_type(g, v) == EVG_NODE_MEETING)
            assert_string_equal(json_string_value(json_object_get(n, "evidence")),
                                "a\r\nb --> c");
        else
            assert_null(json_object_get(n, "evidence")); /* no value: no key */
    }
    assert_true(marta != SIZE_MAX);
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(nodes, marta), "label")),
        "Marta \"Mo\" <\xC3\x98ster> & Sons Jr");
    assert_string_equal(
        json_string_value(json_object_get(json_array_get(nodes, marta), "color")),
        "#0072b2");
    for (size_t e = 0; e < ne; e++) {
        json_t *l = json_array_get(links, e);
        size_t from, to;
        char id[32];
        evg_graph_edge_ends(&from, &to, g, e);
        snprintf(id, sizeof id, "e%zu", e);
        assert_string_equal(json_string_value(json_object_get(l, "id")), id);
        assert_string_equal(json_string_value(json_object_get(l, "source")),
                            evg_graph_vertex_id(g, from));
        assert_string_equal(json_string_value(json_object_get(l, "target")),
                            evg_graph_vertex_id(g, to));
        assert_true(json_is_real(json_object_get(l, "weight")));
        assert_string_equal(json_string_value(json_object_get(l, "relation")),
                            evg_graph_edge_relation(g, e));
    }
    /* One element per line: the header, the nodes, "],\"links\":[", the links. */
    assert_int_equal(count(text, "\n"), 1 + nv + 1 + ne + 1);
    assert_string_equal(text + strlen(text) - 4, "\n]}\n");
    json_decref(j);
    free(text);
    evg_scores_free(s);
    evg_graph_free(g);
    evg_corpus_free(c);
}

/* Two edges between the same nodes: NetworkX keeps both only in a multigraph. */
static void test_json_multigraph(void **state)
{
    const evg_i_vattr v[] = {
        vertex("agreement:pact", EVG_NODE_AGREEMENT, NULL, NULL),
        vertex("meeting:m1", EVG_NODE_MEETING, "2024-06-01", "2024-06-01"),
    };
    const evg_i_eattr e[] = {
        edge(1, 0, EVG_I_REL_REFERENCES, NULL, NULL),
        edge(1, 0, EVG_I_REL_SIGNED, NULL, NULL),
    };
    evg_graph *multi = hand_graph(EVG_VIEW_FULL, v, 2, e, 2),
              *simple = hand_graph(EVG_VIEW_FULL, v, 2, e, 1);
    char *a = export_fmt(multi, NULL, EVG_FMT_JSON),
         *b = export_fmt(simple, NULL, EVG_FMT_JSON),
         *x = export_fmt(multi, NULL, EVG_FMT_GEXF);
    json_t *ja = load_json(a), *jb = load_json(b);

    (void)state;
    assert_true(json_is_true(json_object_get(ja, "multigraph")));
    assert_true(json_is_false(json_object_get(jb, "multigraph")));
    /* GEXF tells them apart by kind, so Gephi does not merge them. */
    assert_non_null(strstr(x, "kind=\"references\""));
    assert_non_null(strstr(x, "kind=\"signed\""));
    json_decref(ja);
    json_decref(jb);
    free(a);
    free(b);
    free(x);
    evg_graph_free(multi);
    evg_graph_free(simple);
}

/* ---- CSV ---------------------------------------------------------------- */

static void test_csv_quoting_and_formulas(void **state)
{
    evg_corpus *c = corpus_of_text(FORMULAS);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    evg_scores *s = NULL;
    evg_export_opts o = EVG_EXPORT_OPTS_INIT;
    evg_error err;
    char *nodes, *edges;
    csv_doc dn, de;

    (void)state;
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    o.format = EVG_FMT_CSV;
    nodes = export_opts_str(g, s, &o);
    o.csv_table = EVG_CSV_EDGES;
    edges = export_opts_str(g, s, &o);
    dn = csv_parse(nodes);
    de = csv_parse(edges);
    assert_int_equal(dn.nrows, 1 + evg_graph_vertex_count(g));
    assert_int_equal(de.nrows, 1 + evg_graph_edge_count(g));
    for (size_t r = 1; r < dn.nrows; r++)
        assert_int_equal(dn.nfields[r], dn.nfields[0]);
    assert_string_equal(dn.rows[0][0], "Id");
    assert_string_equal(dn.rows[0][1], "Label");
    assert_string_equal(dn.rows[0][dn.nfields[0] - 1], "Timeset");
    /* Text a spreadsheet would run gets a leading quote; numbers do not. */
    assert_string_equal(csv_cell(&dn, "Id", "person:sum", "Label"), "'=SUM(A1:A9)");
    assert_string_equal(csv_cell(&dn, "Id", "person:sum", "titles"), "'+Minister");
    assert_string_equal(csv_cell(&dn, "Id", "person:vela", "Label"), "'-Vela Morrow");
    assert_string_equal(csv_cell(&dn, "Id", "person:vela", "titles"), "'@Adviser");
    assert_string_equal(csv_cell(&dn, "Id", "person:vela", "Timeset"),
                        "<[2025-06-01, 2025-06-01]>");
    assert_string_equal(csv_cell(&dn, "Id", "person:vela", "meetings"), "1");
    assert_string_equal(csv_cell(&dn, "type", "meeting", "place"), "'=cmd|' /C calc'!A0");
    assert_string_equal(csv_cell(&dn, "type", "meeting", "evidence"),
                        "'\tTabbed, \"quoted\"");
    assert_non_null(strstr(nodes, ",\"'\tTabbed, \"\"quoted\"\"\","));
    assert_string_equal(de.rows[0][0], "Source");
    assert_string_equal(de.rows[0][6], "Kind");
    for (size_t r = 1; r < de.nrows; r++) {
        assert_string_equal(csv_cell(&de, "Id", de.rows[r][3], "Type"), "Undirected");
        assert_string_equal(csv_cell(&de, "Id", de.rows[r][3], "Kind"),
                            csv_cell(&de, "Id", de.rows[r][3], "relation"));
    }
    csv_free(&dn);
    csv_free(&de);
    free(nodes);
    free(edges);
    evg_scores_free(s);
    evg_graph_free(g);
    evg_corpus_free(c);
}

/* ---- what every format shares ------------------------------------------- */

/* With a layout every format has positions (an edge about 100 units long). */
static void test_layout_positions(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    evg_layout *l = NULL;
    evg_export_opts o = EVG_EXPORT_OPTS_INIT;
    evg_error err;
    size_t nv = evg_graph_vertex_count(g);
    json_t *j;

    (void)state;
    assert_int_equal(evg_layout_compute(&l, g, NULL, &err), 0);
    o.layout = l;
    for (size_t i = 0; i < NFORMATS; i++) {
        char *with, *without;
        o.format = ALL_FORMATS[i];
        with = export_opts_str(g, NULL, &o);
        without = export_fmt(g, NULL, ALL_FORMATS[i]);
        switch (ALL_FORMATS[i]) {
        case EVG_FMT_GRAPHML:
            assert_non_null(strstr(with, "attr.name=\"x\" attr.type=\"float\""));
            assert_int_equal(count(with, "<data key=\"v_y\">"), nv);
            break;
        case EVG_FMT_GEXF:
        case EVG_FMT_GEXF12:
            assert_int_equal(count(with, "<viz:position x="), nv);
            break;
        case EVG_FMT_JSON:
            j = load_json(with);
            for (size_t v = 0; v < nv; v++) {
                json_t *n = json_array_get(json_object_get(j, "nodes"), v);
                double x = json_real_value(json_object_get(n, "x"));
                assert_true(fabs(x - 100 * evg_layout_x(l, v)) <= 1e-6 * (1 + fabs(x)));
            }
            json_decref(j);
            break;
        default:
            assert_non_null(strstr(with, ",x,y,"));
        }
        assert_null(strstr(without, "position"));
        assert_null(strstr(without, "\"x\""));
        assert_null(strstr(without, ",x,y,"));
        free(with);
        free(without);
    }
    evg_layout_free(l);
    evg_graph_free(g);
    evg_corpus_free(c);
}

/* The people view declares no meeting columns, in any format. */
static void test_view_columns(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *people = build(c, EVG_VIEW_PEOPLE), *full = build(c, EVG_VIEW_FULL);

    (void)state;
    for (size_t i = 0; i < NFORMATS; i++) {
        char *p = export_fmt(people, NULL, ALL_FORMATS[i]);
        char *f = export_fmt(full, NULL, ALL_FORMATS[i]);
        assert_null(strstr(p, "event_type"));
        assert_null(strstr(p, "evidence"));
        assert_non_null(strstr(p, "titles"));
        assert_non_null(strstr(f, "event_type"));
        free(p);
        free(f);
    }
    evg_graph_free(people);
    evg_graph_free(full);
    evg_corpus_free(c);
}

static void test_empty_graph_all_formats(void **state)
{
    evg_corpus *c = NULL;
    evg_graph *g;
    evg_scores *s = NULL;
    evg_error err;
    char *x;

    (void)state;
    assert_int_equal(evg_corpus_new(&c, &err), 0);
    g = build(c, EVG_VIEW_FULL);
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    x = export_fmt(g, s, EVG_FMT_GEXF);
    assert_non_null(
        strstr(x, "<nodes count=\"0\">\n    </nodes>\n    <edges count=\"0\">"));
    free(x);
    x = export_fmt(g, s, EVG_FMT_JSON);
    assert_string_equal(x,
                        "{\"directed\":false,\"multigraph\":false,\"graph\":{\"view\":"
                        "\"full\",\"creator\":\"evgraph\"},\"nodes\":[],\"links\":[]}\n");
    free(x);
    x = export_fmt(g, s, EVG_FMT_CSV);
    assert_int_equal(count(x, "\r\n"), 1); /* the header alone */
    assert_int_equal(strncmp(x, "Id,Label,type,color,size,", 25), 0);
    free(x);
    evg_scores_free(s);
    evg_graph_free(g);
    evg_corpus_free(c);
}

/* Whether the export `x` in `fmt` declares the node column `name`. */
static int declares(const char *x, evg_format fmt, const char *name)
{
    char pat[64];

    switch (fmt) {
    case EVG_FMT_GRAPHML:
        snprintf(pat, sizeof pat, "attr.name=\"%s\"", name);
        return strstr(x, pat) != NULL;
    case EVG_FMT_GEXF:
    case EVG_FMT_GEXF12:
        if (strcmp(name, "size") == 0)
            return strstr(x, "<viz:size") != NULL;
        snprintf(pat, sizeof pat, "<attribute id=\"%s\"", name);
        return strstr(x, pat) != NULL;
    case EVG_FMT_JSON:
        snprintf(pat, sizeof pat, "\"%s\":", name);
        return strstr(x, pat) != NULL;
    default: { /* CSV: a field of the header line */
        size_t n = strlen(name);
        for (const char *p = x; *p && *p != '\r'; p += strcspn(p, ",\r"), p += *p == ',')
            if (strncmp(p, name, n) == 0 && (p[n] == ',' || p[n] == '\r'))
                return 1;
        return 0;
    }
    }
}

/*
 * A measure that was not computed has no column in any format, rather than
 * zeros; the node size (from PageRank) only comes with PageRank.
 */
static void test_chosen_measures_all_formats(void **state)
{
    static const char *const COLS[EVG_M__COUNT] = {"deg", "strength", "btw",
                                                   "clo", "eig",      "pr"};
    static const unsigned SETS[] = {EVG_MEASURE_BIT(EVG_M_PAGERANK),
                                    EVG_MEASURE_BIT(EVG_M_BETWEENNESS) |
                                        EVG_MEASURE_BIT(EVG_M_DEGREE),
                                    0, EVG_MEASURES_ALL};
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    char pat[64];

    (void)state;
    for (size_t k = 0; k < sizeof SETS / sizeof SETS[0]; k++) {
        evg_analysis_opts o = EVG_ANALYSIS_OPTS_INIT;
        evg_scores *s = NULL;
        evg_error err;
        o.measures = SETS[k];
        assert_int_equal(evg_scores_compute(&s, g, &o, &err), 0);
        for (size_t i = 0; i < NFORMATS; i++) {
            char *x = export_fmt(g, s, ALL_FORMATS[i]);
            for (int m = 0; m < EVG_M__COUNT; m++) {
                int want = (SETS[k] & EVG_MEASURE_BIT(m)) != 0;
                if (declares(x, ALL_FORMATS[i], COLS[m]) != want)
                    fail_msg("format %d, measures 0x%x: column %s %s",
                             (int)ALL_FORMATS[i], SETS[k], COLS[m],
                             want ? "missing" : "written");
            }
            assert_int_equal(declares(x, ALL_FORMATS[i], "size"),
                             (SETS[k] & EVG_MEASURE_BIT(EVG_M_PAGERANK)) != 0);
            assert_true(declares(x, ALL_FORMATS[i], "community")); /* from the build */
            if (ALL_FORMATS[i] == EVG_FMT_GRAPHML) /* every node has its value */
                for (int m = 0; m < EVG_M__COUNT; m++) {
                    snprintf(pat, sizeof pat, "<data key=\"v_%s\">", COLS[m]);
                    assert_int_equal(count(x, pat), SETS[k] & EVG_MEASURE_BIT(m)
                                                        ? evg_graph_vertex_count(g)
                                                        : 0);
                }
            free(x);
        }
        evg_scores_free(s);
    }
    evg_graph_free(g);
    evg_corpus_free(c);
}

/* The same documents in any order give the same bytes, in every format. */
static void test_deterministic_all_formats(void **state)
{
    size_t len = 0;
    char *text = th_read(FIXTURE, &len), *rev, *nl;

    (void)state;
    assert_non_null(text);
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
        for (size_t i = 0; i < NFORMATS; i++) {
            char *x1 = export_fmt(g1, s1, ALL_FORMATS[i]),
                 *x2 = export_fmt(g2, s2, ALL_FORMATS[i]),
                 *x3 = export_fmt(g1, s1, ALL_FORMATS[i]);
            assert_string_equal(x1, x2);
            assert_string_equal(x1, x3);
            free(x1);
            free(x2);
            free(x3);
        }
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

/* A stream that refuses every byte: each format reports EVG_EIO. */
static void test_write_errors(void **state)
{
    evg_corpus *c = corpus_of_text(TRICKY);
    evg_graph *g = build(c, EVG_VIEW_FULL);
    FILE *full = fopen("/dev/full", "w");

    (void)state;
    if (full == NULL) {
        evg_graph_free(g);
        evg_corpus_free(c);
        skip(); /* no /dev/full on this system */
    }
    setvbuf(full, NULL, _IONBF, 0); /* fail at the first write, not at a flush */
    for (size_t i = 0; i < NFORMATS; i++) {
        evg_export_opts o = EVG_EXPORT_OPTS_INIT;
        evg_error err;
        o.format = ALL_FORMATS[i];
        memset(&err, 0, sizeof err);
        assert_int_equal(evg_export(full, g, NULL, &o, &err), EVG_EIO);
        assert_non_null(strstr(err.text, "write failed"));
        clearerr(full);
    }
    fclose(full);
    evg_graph_free(g);
    evg_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gexf_timeline_and_escaping),
        cmocka_unit_test(test_gexf12),
        cmocka_unit_test(test_intervals),
        cmocka_unit_test(test_gexf_spells_people),
        cmocka_unit_test(test_gexf_spells_views),
        cmocka_unit_test(test_gexf_spells_deterministic),
        cmocka_unit_test(test_csv_timeset_days),
        cmocka_unit_test(test_edges_merge_dates),
        cmocka_unit_test(test_json_node_link),
        cmocka_unit_test(test_json_multigraph),
        cmocka_unit_test(test_csv_quoting_and_formulas),
        cmocka_unit_test(test_layout_positions),
        cmocka_unit_test(test_view_columns),
        cmocka_unit_test(test_empty_graph_all_formats),
        cmocka_unit_test(test_deterministic_all_formats),
        cmocka_unit_test(test_chosen_measures_all_formats),
        cmocka_unit_test(test_write_errors),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
