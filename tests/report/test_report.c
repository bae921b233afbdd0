/*
 * Unit tests of src/report and the layout of src/analysis: what a report
 * holds, that names cannot break out of the text they are in (HTML, SVG,
 * Markdown), that the same input gives the same bytes, the files beside a
 * Markdown report, the errors, and the helpers for text and numbers.
 */
#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "evgraph.h"
#include "report/report_internal.h"
#include "util/buf.h"
#include "unit_helpers.h"

#define MALICIOUS EVG_REPORT_DATA "/malicious.jsonl"

/* Everything a report is made from, built as `evgraph report` does. */
typedef struct {
    evg_corpus *c;
    evg_graph *full, *people;
    evg_scores *s;
    evg_report *r;
} fixture;

static void build(fixture *x)
{
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_error e;

    assert_int_equal(evg_graph_build(&x->full, x->c, &bo, &e), 0);
    bo.view = EVG_VIEW_PEOPLE;
    assert_int_equal(evg_graph_build(&x->people, x->c, &bo, &e), 0);
    assert_int_equal(evg_scores_compute(&x->s, x->people, NULL, &e), 0);
    assert_int_equal(evg_report_new(&x->r, x->c, x->full, x->people, x->s, NULL, &e), 0);
}

static void load(fixture *x, const char *path)
{
    size_t failed = 1;
    evg_error e;

    memset(x, 0, sizeof *x);
    assert_int_equal(evg_corpus_new(&x->c, &e), 0);
    assert_int_equal(evg_corpus_read_events(&failed, x->c, path, NULL, &e), 0);
    assert_int_equal(failed, 0);
    build(x);
}

static void release(fixture *x)
{
    evg_report_free(x->r);
    evg_scores_free(x->s);
    evg_graph_free(x->people);
    evg_graph_free(x->full);
    evg_corpus_free(x->c);
}

/*
 * A memory stream whose buffer pointer is on the heap: with a local one, gcc 12 at -O3
 * (-Wdangling-pointer) takes the address the stream kept for one that callers may use
 * after the function returned, and -Werror stops the build.
 */
typedef struct {
    char *buf;
    size_t len;
} mem_out;

static FILE *mem_open(mem_out **m)
{
    FILE *f;

    assert_non_null(*m = calloc(1, sizeof **m));
    assert_non_null(f = open_memstream(&(*m)->buf, &(*m)->len));
    return f;
}

/* Close the stream; its text, which the caller frees. */
static char *mem_close(FILE *f, mem_out *m)
{
    char *buf;

    fclose(f);
    buf = m->buf;
    free(m);
    return buf;
}

static char *write_str(const evg_report *r, evg_report_format fmt, const char *prefix)
{
    mem_out *m;
    FILE *f = mem_open(&m);
    evg_error e;

    assert_int_equal(evg_report_write(f, r, fmt, prefix, &e), 0);
    return mem_close(f, m);
}

static char *picture_str(const evg_report *r, evg_report_picture p)
{
    mem_out *m;
    FILE *f = mem_open(&m);
    evg_error e;

    assert_int_equal(evg_report_write_picture(f, r, p, &e), 0);
    return mem_close(f, m);
}

static size_t count(const char *hay, const char *needle)
{
    size_t n = 0;

    for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
        n++;
    return n;
}

/* Whether `needle` occurs in `hay` ignoring ASCII case. */
static int contains_nocase(const char *hay, const char *needle)
{
    size_t k = strlen(needle);

    for (; *hay; hay++) {
        size_t i = 0;
        while (i < k && hay[i] && tolower((unsigned char)hay[i]) == needle[i])
            i++;
        if (i == k)
            return 1;
    }
    return 0;
}

/* ---- escaping ----------------------------------------------------------- */

static void test_html_escapes_names(void **state)
{
    fixture x;
    char *html;

    (void)state;
    load(&x, MALICIOUS);
    html = write_str(x.r, EVG_REPORT_HTML, NULL);
    /* Nothing of the names became markup: no script, image, frame or comment. */
    assert_false(contains_nocase(html, "<script"));
    assert_false(contains_nocase(html, "<img"));
    assert_false(contains_nocase(html, "<iframe"));
    assert_false(contains_nocase(html, "<!--"));
    assert_false(contains_nocase(html, "<b>"));
    assert_false(contains_nocase(html, "href=\"javascript"));
    /* ...and they are all there, as text. */
    assert_non_null(strstr(html,
                           "Mara &lt;script&gt;alert(&quot;p1&quot;)&lt;/script&gt; "
                           "O&apos;Brien &amp; Sons"));
    assert_non_null(strstr(html, "&lt;/svg&gt;&lt;img src=x onerror=alert(3)&gt; Tovo"));
    assert_non_null(
        strstr(html, "Treaty of ]]&gt; &lt;!-- &amp; --&gt; &quot;Peace&quot;"));
    assert_non_null(
        strstr(html, "Hall &lt;/style&gt;&lt;script&gt;alert(6)&lt;/script&gt;"));
    /* The page: one style sheet, five pictures, a policy that forbids scripts. */
    assert_int_equal(count(html, "<style>"), 1);
    assert_int_equal(count(html, "</style>"), 1);
    assert_int_equal(count(html, "<svg "), 5);
    assert_int_equal(count(html, "</svg>"), 5);
    assert_non_null(
        strstr(html, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    assert_int_equal(count(html, "<title>Who met whom</title>"), 1);
    free(html);
    release(&x);
}

static void test_svg_escapes_names(void **state)
{
    fixture x;

    (void)state;
    load(&x, MALICIOUS);
    for (int p = 0; p < EVG_PIC__COUNT; p++) {
        char *svg = picture_str(x.r, (evg_report_picture)p);
        assert_true(
            strncmp(svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) == 0);
        assert_int_equal(count(svg, "<svg "), 1);
        assert_int_equal(count(svg, "</svg>"), 1);
        assert_false(contains_nocase(svg, "<script"));
        assert_false(contains_nocase(svg, "<img"));
        free(svg);
    }
    release(&x);
}

/* The number of '|' in `line` that are not escaped. */
static size_t pipes(const char *line, size_t len)
{
    size_t n = 0;

    for (size_t i = 0; i < len; i++)
        n += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    return n;
}

static void test_markdown_escapes_names(void **state)
{
    fixture x;
    char *md;
    size_t columns = 0;

    (void)state;
    load(&x, MALICIOUS);
    md = write_str(x.r, EVG_REPORT_MARKDOWN, "rep-");
    /* No raw HTML: every '<' is escaped. */
    for (const char *p = strchr(md, '<'); p; p = strchr(p + 1, '<'))
        assert_int_equal(p[-1], '\\');
    assert_non_null(
        strstr(md, "Mara \\<script\\>alert(\"p1\")\\</script\\> O'Brien \\& Sons"));
    assert_non_null(strstr(md, "\\[x\\](javascript:alert(2))"));
    /* A name's line break or '|' cannot end or split a table row. */
    for (const char *line = md; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        if (len && line[0] == '|') {
            if (columns == 0)
                columns = pipes(line, len);
            assert_int_equal(pipes(line, len), columns);
        } else {
            columns = 0; /* a table ended */
        }
        line += len + (end != NULL);
    }
    /* A name that would start a heading does not. */
    assert_null(strstr(md, "\n# Ivo"));
    assert_non_null(strstr(md, "### \\# Ivo \\`tick\\` Brandt second line\n"));
    for (int p = 0; p < EVG_PIC__COUNT; p++) {
        char link[96];
        snprintf(link, sizeof link, "](rep-%s.svg)", evg_report_picture_name(p));
        assert_int_equal(count(md, link), 1);
    }
    free(md);
    release(&x);
}

/* ---- content ------------------------------------------------------------ */

static void test_content(void **state)
{
    fixture x;
    char *html;
    const char *mara, *tovo, *ana, *ivo, *table;

    (void)state;
    load(&x, MALICIOUS);
    html = write_str(x.r, EVG_REPORT_HTML, NULL);
    /* Summary: 2 articles, 3 events (2 meetings, a call), 4 people, 3 of them met. */
    assert_non_null(strstr(html, "<dt>Articles</dt><dd>2</dd>"));
    assert_non_null(strstr(
        html, "<dt>Events</dt><dd>3: 2 meetings in person (2 talks), 1 call</dd>"));
    assert_non_null(strstr(html, "4 named, 4 in events, 3 met someone in person"));
    assert_non_null(strstr(html, "2024-05-01 to 2024-06-09"));
    /*
     * Rankings: Mara and Tovo tie on every measure and go in id order; Ivo,
     * who only phoned, comes last.
     */
    table = strstr(html, "id=\"rankings\"");
    assert_non_null(table);
    mara = strstr(table, "<td>Mara &lt;script");
    tovo = strstr(table, "<td>&lt;/svg&gt;&lt;img");
    ana = strstr(table, "<td>Ana &quot;Lu&quot;");
    ivo = strstr(table, "<td># Ivo");
    assert_true(mara && tovo && ana && ivo);
    assert_true(mara < tovo && tovo < ana && ana < ivo);
    /* The three who met form one group (or community); Ivo is alone. */
    assert_non_null(strstr(html, " 1 (3 people): "));
    assert_non_null(strstr(html, "1 person is in no group with anyone else."));
    /* The treaty: signed at the first meeting by its three people, referenced later. */
    assert_non_null(strstr(html, "<strong>signed:</strong>"));
    assert_non_null(strstr(html, "<strong>referenced:</strong>"));
    assert_non_null(strstr(html, "(Bee &amp; &quot;Quote&quot; Republic); Mara"));
    /* A profile quotes the evidence and names the others present. */
    assert_non_null(
        strstr(html, "<blockquote>Tovo received Mara O&apos;Brien at River House"));
    assert_non_null(strstr(html, "2 times from 2024-05-01 to 2024-06-09"));
    free(html);
    release(&x);
}

/*
 * Like load(), with the people scored for the measures of `measures` only,
 * betweenness and closeness with `cutoff` (0: exact).
 */
static void load_scored(fixture *x, const char *path, unsigned measures, double cutoff)
{
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    size_t failed = 1;
    evg_error e;

    memset(x, 0, sizeof *x);
    ao.measures = measures;
    ao.betweenness_cutoff = cutoff;
    assert_int_equal(evg_corpus_new(&x->c, &e), 0);
    assert_int_equal(evg_corpus_read_events(&failed, x->c, path, NULL, &e), 0);
    assert_int_equal(evg_graph_build(&x->full, x->c, &bo, &e), 0);
    bo.view = EVG_VIEW_PEOPLE;
    assert_int_equal(evg_graph_build(&x->people, x->c, &bo, &e), 0);
    assert_int_equal(evg_scores_compute(&x->s, x->people, &ao, &e), 0);
    assert_int_equal(evg_report_new(&x->r, x->c, x->full, x->people, x->s, NULL, &e), 0);
}

static void load_measures(fixture *x, const char *path, unsigned measures)
{
    load_scored(x, path, measures, 0);
}

/* Approximate betweenness and closeness (--betweenness-cutoff) are said to be. */
static void test_approximate_measures(void **state)
{
    fixture x;
    char *html;

    (void)state;
    load_scored(&x, MALICIOUS, EVG_MEASURES_ALL, 2.5);
    html = write_str(x.r, EVG_REPORT_HTML, NULL);
    assert_non_null(strstr(strstr(html, "id=\"rankings\""),
                           "Betweenness and closeness are approximate: they count only "
                           "the shortest paths up to 2.5 long"));
    free(html);
    release(&x);
    load_scored(&x, MALICIOUS, EVG_MEASURE_BIT(EVG_M_BETWEENNESS), 0.75);
    html = write_str(x.r, EVG_REPORT_MARKDOWN, "r");
    assert_non_null(strstr(html,
                           "Betweenness is approximate: it counts only the shortest "
                           "paths up to 0.75 long"));
    free(html);
    release(&x);
    load(&x, MALICIOUS); /* exact */
    html = write_str(x.r, EVG_REPORT_HTML, NULL);
    assert_null(strstr(html, "approximate"));
    free(html);
    release(&x);
}

/*
 * A report of people scored for some measures only (run --measures) shows
 * those and says which are missing; nobody is left out of the network
 * picture for want of a degree score.
 */
static void test_chosen_measures(void **state)
{
    fixture all, x;
    char *html, *net_all, *net, *btw, *deg;
    const char *table;

    (void)state;
    load(&all, MALICIOUS);
    net_all = picture_str(all.r, EVG_PIC_NETWORK);
    html = write_str(all.r, EVG_REPORT_HTML, NULL);
    assert_null(strstr(html, "Not computed"));
    free(html);
    load_measures(&x, MALICIOUS, EVG_MEASURE_BIT(EVG_M_PAGERANK));
    html = write_str(x.r, EVG_REPORT_HTML, NULL);
    table = strstr(html, "id=\"rankings\"");
    assert_non_null(table);
    assert_non_null(strstr(table, "<th class=\"r\">PageRank</th></tr>"));
    assert_null(strstr(html, ">Betweenness</th>"));
    assert_null(strstr(html, ">Degree</th>"));
    assert_non_null(strstr(table,
                           "ranked by PageRank. PageRank: damping 0.85. Not computed "
                           "(--measures): degree, strength, betweenness, closeness, "
                           "eigenvector."));
    assert_non_null(
        strstr(html, "<strong>Centrality:</strong> number 1 of 4; PageRank "));
    assert_null(strstr(html, "; betweenness "));
    assert_non_null(strstr(html, "<code>pr</code> are the scores of this report; "));
    assert_null(strstr(html, "<code>btw</code>,"));
    /* The network's caption says how the drawing was made of what there is. */
    assert_non_null(strstr(html, "coloured by country and sized by PageRank."));
    assert_null(strstr(html, "most central by betweenness"));
    assert_non_null(strstr(html, " first, ranked by PageRank, are named where"));
    assert_null(strstr(html, "<code>btw</code> (betweenness)")); /* nor in Gephi's Size */
    assert_non_null(strstr(html, "<code>pr</code> (PageRank), from 5 to 40"));
    btw = picture_str(x.r, EVG_PIC_BETWEENNESS);
    deg = picture_str(x.r, EVG_PIC_DEGREE);
    assert_non_null(strstr(btw, "Betweenness was not computed (--measures)."));
    assert_non_null(strstr(deg, "Degree was not computed (--measures)."));
    net = picture_str(x.r, EVG_PIC_NETWORK);
    assert_int_equal(count(net, "<circle"), count(net_all, "<circle"));
    assert_true(count(net, "<circle") >= 3); /* the three who met */
    free(net);
    free(btw);
    free(deg);
    free(html);
    release(&x);
    /* None at all: still every person, ranked by id, and the same drawing. */
    load_measures(&x, MALICIOUS, 0);
    html = write_str(x.r, EVG_REPORT_HTML, NULL);
    assert_non_null(strstr(html, "listed in the order of their identifiers."));
    assert_non_null(strstr(html, "<strong>Centrality:</strong> number 1 of 4.</p>"));
    assert_non_null(strstr(html, "all of one size (PageRank was not computed)."));
    assert_null(strstr(html, "Size:")); /* no score to size the nodes by in Gephi */
    assert_non_null(strstr(
        html, " first, listed in the order of their identifiers, are named where"));
    assert_non_null(
        strstr(html, "<strong>Columns:</strong> <code>first_seen</code> and "));
    net = picture_str(x.r, EVG_PIC_NETWORK);
    assert_int_equal(count(net, "<circle"), count(net_all, "<circle"));
    free(net);
    free(html);
    release(&x);
    free(net_all);
    release(&all);
}

/* One meeting of a and b (person ids and names), a document of its own. */
static void crowd_meeting(evg_i_buf *all, int n, const char *a, const char *an,
                          const char *b, const char *bn)
{
    char line[1024];

    snprintf(
        line, sizeof line,
        "{\"doc\":{\"id\":\"d%04d\",\"date\":\"2024-05-01\",\"title\":\"t\"},"
        "\"entities\":[{\"id\":\"person:%s\",\"type\":\"person\",\"name\":\"%s\","
        "\"titles\":[],\"country\":\"ITA\",\"org\":null},{\"id\":\"person:%s\",\"type\":"
        "\"person\",\"name\":\"%s\",\"titles\":[],\"country\":\"AUT\",\"org\":null}],"
        "\"events\":[{\"id\":\"d%04d#1\",\"type\":\"meeting\",\"status\":\"reported\","
        "\"date\":\"2024-05-01\",\"place\":null,\"participants\":[{\"entity\":"
        "\"person:%s\",\"role\":\"host\"},{\"entity\":\"person:%s\",\"role\":\"guest\"}],"
        "\"agreements\":[],\"evidence\":[{\"start\":0,\"end\":1,\"text\":\"x\"}]}]}\n",
        n, a, an, b, bn, n, a, b);
    assert_int_equal(evg_i_buf_puts(all, line), 0);
}

/*
 * A crowded picture: eight hubs who all met each other, each with fifteen
 * people of its own. The ten most central are always named in the network
 * (the hubs were crowded out by each other's names); the bar chart of
 * betweenness shows only the people who score, and counts the ones at 0.
 */
static void test_crowded_network_and_zero_bars(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "crowd.jsonl"), line[128];
    char a[32], an[64], b[32], bn[64];
    evg_i_buf all = EVG_I_BUF_INIT;
    int n = 0;
    fixture x;

    (void)state;
    for (int h = 0; h < 8; h++) {
        snprintf(a, sizeof a, "h%d", h);
        snprintf(an, sizeof an, "Hub Person Number %02d", h);
        for (int l = 0; l < 15; l++) {
            snprintf(b, sizeof b, "l%d-%d", h, l);
            snprintf(bn, sizeof bn, "Leaf Person %02d-%02d", h, l);
            crowd_meeting(&all, n++, a, an, b, bn);
        }
        for (int g = h + 1; g < 8; g++) {
            snprintf(b, sizeof b, "h%d", g);
            snprintf(bn, sizeof bn, "Hub Person Number %02d", g);
            crowd_meeting(&all, n++, a, an, b, bn);
        }
    }
    assert_int_equal(th_write_str(path, all.ptr), 0);
    load(&x, path);

    char *net = picture_str(x.r, EVG_PIC_NETWORK);
    for (size_t i = 0; i < 10; i++) {
        const char *name = evg_graph_vertex_label(x.people, x.r->order[i]);
        char want[128];
        snprintf(want, sizeof want, ">%s</text>", name);
        if (strstr(net, want) == NULL)
            fail_msg("#%zu by rank, %s, has no name in the network", i + 1, name);
    }
    free(net);

    /* the hubs lie between others; their people do not */
    char *bars = picture_str(x.r, EVG_PIC_BETWEENNESS);
    size_t scored = 0, people = evg_graph_vertex_count(x.people), zeros = 0;
    for (size_t v = 0; v < people; v++) {
        double sc = evg_scores_get(x.s, EVG_M_BETWEENNESS, v);
        scored += sc > 0;
        zeros += sc <= 0;
    }
    assert_true(scored > 0 && scored < 10 && zeros > 0);
    assert_int_equal(count(bars, "<rect x="), scored); /* the background has no x */
    snprintf(line, sizeof line, "%zu more people score at 0, left out.", zeros);
    assert_non_null(strstr(bars, line));
    free(bars);

    release(&x);
    evg_i_buf_free(&all);
    th_rmtree(dir);
    free(path);
    free(dir);
}

static void test_empty_corpus(void **state)
{
    fixture x;
    evg_error e;
    char *html, *md;

    (void)state;
    memset(&x, 0, sizeof x);
    assert_int_equal(evg_corpus_new(&x.c, &e), 0);
    build(&x);
    html = write_str(x.r, EVG_REPORT_HTML, NULL);
    assert_int_equal(count(html, "<svg "), 5);
    assert_non_null(strstr(html, "No two people met in person."));
    assert_non_null(strstr(html, "No event has a date."));
    assert_non_null(strstr(html, "No event joined officials of two countries."));
    assert_non_null(strstr(html, "Nobody took part in an event."));
    md = write_str(x.r, EVG_REPORT_MARKDOWN, NULL);
    assert_non_null(strstr(md, "](network.svg)"));
    free(md);
    free(html);
    release(&x);
}

/* The same documents in any order, and any numeric locale, give the same bytes. */
static void test_same_bytes(void **state)
{
    fixture a, b;
    char *ha, *hb, *ma, *mb, *line = NULL;
    size_t cap = 0, failed = 0;
    FILE *in = fopen(MALICIOUS, "r");
    const char *lines[2] = {NULL, NULL};
    evg_error e;

    (void)state;
    load(&a, MALICIOUS);
    /* The two documents again, the second first. */
    memset(&b, 0, sizeof b);
    assert_int_equal(evg_corpus_new(&b.c, &e), 0);
    assert_non_null(in);
    for (int i = 0; i < 2 && getline(&line, &cap, in) > 0; i++)
        lines[i] = strdup(line);
    fclose(in);
    free(line);
    for (int i = 1; i >= 0; i--) {
        evg_doc *d;
        assert_non_null(lines[i]);
        assert_int_equal(evg_doc_parse_json(&d, lines[i], strlen(lines[i]), "t", 1, &e),
                         0);
        assert_int_equal(evg_corpus_add_doc(b.c, d, &e), 0);
        free((char *)lines[i]);
    }
    assert_int_equal(failed, 0);
    build(&b);
    ha = write_str(a.r, EVG_REPORT_HTML, NULL);
    hb = write_str(b.r, EVG_REPORT_HTML, NULL);
    assert_string_equal(ha, hb);
    ma = write_str(a.r, EVG_REPORT_MARKDOWN, "p-");
    mb = write_str(b.r, EVG_REPORT_MARKDOWN, "p-");
    assert_string_equal(ma, mb);
    free(hb);
    /* Written again: the same. */
    hb = write_str(a.r, EVG_REPORT_HTML, NULL);
    assert_string_equal(ha, hb);
    free(ha);
    free(hb);
    free(ma);
    free(mb);
    release(&a);
    release(&b);
}

/*
 * Switch LC_NUMERIC to a locale whose decimal point is a comma: an installed
 * one, else de_DE compiled by localedef into `dir` (Debian's libc-bin has the
 * sources but no compiled locales). Returns 0 when one is active.
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
        snprintf(cmd, sizeof cmd,
                 "localedef -i de_DE -f UTF-8 '%s/de_DE.UTF-8' >/dev/null 2>&1", dir);
        if (pass == 0 && system(cmd) != 0)
            return -1;
        setenv("LOCPATH", dir, 1);
    }
    return -1;
}

static void test_numeric_locale(void **state)
{
    fixture x;
    char *c_html, *c_svg, *other, *dir = th_mkdtemp();
    int active;

    (void)state;
    assert_non_null(dir);
    load(&x, MALICIOUS);
    c_html = write_str(x.r, EVG_REPORT_HTML, NULL);
    c_svg = picture_str(x.r, EVG_PIC_NETWORK);
    assert_non_null(strstr(c_html, ">0.353<")); /* a PageRank in the table */
    if ((active = comma_locale(dir)) == 0) {
        other = write_str(x.r, EVG_REPORT_HTML, NULL);
        assert_string_equal(c_html, other);
        free(other);
        other = picture_str(x.r, EVG_PIC_NETWORK);
        assert_string_equal(c_svg, other);
        free(other);
        setlocale(LC_NUMERIC, "C");
    }
    unsetenv("LOCPATH");
    th_rmtree(dir);
    free(dir);
    free(c_html);
    free(c_svg);
    release(&x);
    if (active != 0)
        skip(); /* no locale with a decimal comma here, and localedef failed */
}

/* ---- files and errors --------------------------------------------------- */

static void test_markdown_file(void **state)
{
    fixture x;
    evg_error e;
    char *dir = th_mkdtemp(), *md_path, *md;

    (void)state;
    assert_non_null(dir);
    load(&x, MALICIOUS);
    md_path = th_join(dir, "my report.md");
    assert_int_equal(evg_report_write_file(md_path, x.r, EVG_REPORT_MARKDOWN, &e), 0);
    for (int p = 0; p < EVG_PIC__COUNT; p++) {
        char name[64], *path, *svg, *expect;
        snprintf(name, sizeof name, "my report-%s.svg", evg_report_picture_name(p));
        path = th_join(dir, name);
        svg = th_read(path, NULL);
        assert_non_null(svg);
        expect = picture_str(x.r, (evg_report_picture)p);
        assert_string_equal(svg, expect);
        free(expect);
        free(svg);
        free(path);
    }
    md = th_read(md_path, NULL);
    assert_non_null(md);
    assert_non_null(strstr(md, "](my%20report-network.svg)"));
    assert_int_equal(th_count_entries(dir, ".svg"), EVG_PIC__COUNT);
    assert_int_equal(th_count_entries(dir, ".md"), 1);
    assert_int_equal(evg_report_format_of_path(md_path), EVG_REPORT_MARKDOWN);
    assert_int_equal(evg_report_format_of_path("x/REPORT.Markdown"), EVG_REPORT_MARKDOWN);
    assert_int_equal(evg_report_format_of_path("report.html"), EVG_REPORT_HTML);
    assert_int_equal(evg_report_format_of_path("x/.md"), EVG_REPORT_HTML);
    free(md);
    free(md_path);
    th_rmtree(dir);
    free(dir);
    release(&x);
}

static void test_errors(void **state)
{
    fixture x;
    evg_report *r = (evg_report *)0x1;
    evg_report_opts o = EVG_REPORT_OPTS_INIT;
    evg_error e;
    FILE *full;

    (void)state;
    load(&x, MALICIOUS);
    /* The views the wrong way round, scores of another graph, options of another version.
     */
    assert_int_equal(evg_report_new(&r, x.c, x.people, x.full, NULL, NULL, &e),
                     EVG_EINVAL);
    assert_null(r);
    assert_int_equal(evg_report_new(&r, x.c, x.full, x.people, NULL, NULL, &e), 0);
    evg_report_free(r); /* scores computed when not given */
    {
        evg_scores *fs;
        assert_int_equal(evg_scores_compute(&fs, x.full, NULL, &e), 0);
        assert_int_equal(evg_report_new(&r, x.c, x.full, x.people, fs, NULL, &e),
                         EVG_EINVAL);
        evg_scores_free(fs);
    }
    o.version = 99;
    assert_int_equal(evg_report_new(&r, x.c, x.full, x.people, x.s, &o, &e), EVG_EINVAL);
    /* Unknown format or picture; Markdown has no pictures on standard output. */
    assert_int_equal(evg_report_write(stdout, x.r, (evg_report_format)7, NULL, &e),
                     EVG_EINVAL);
    assert_int_equal(evg_report_write_picture(stdout, x.r, EVG_PIC__COUNT, &e),
                     EVG_EINVAL);
    assert_null(evg_report_picture_name(EVG_PIC__COUNT));
    assert_int_equal(evg_report_write_file("-", x.r, EVG_REPORT_MARKDOWN, &e),
                     EVG_EINVAL);
    /* A full disk. */
    full = fopen("/dev/full", "w");
    if (full) {
        setvbuf(full, NULL, _IONBF, 0);
        assert_int_equal(evg_report_write(full, x.r, EVG_REPORT_HTML, NULL, &e), EVG_EIO);
        fclose(full);
    }
    /* A folder that does not exist: the error names the file. */
    assert_int_equal(
        evg_report_write_file("/nonexistent-evg/r.html", x.r, EVG_REPORT_HTML, &e),
        EVG_EIO);
    assert_non_null(strstr(e.source, "/nonexistent-evg/r.html"));
    release(&x);
}

/* ---- layout ------------------------------------------------------------- */

static void test_layout(void **state)
{
    fixture x;
    evg_layout *a, *b;
    evg_layout_opts o = EVG_LAYOUT_OPTS_INIT;
    evg_error e;
    size_t n, ivo;

    (void)state;
    load(&x, MALICIOUS);
    n = evg_graph_vertex_count(x.people);
    assert_int_equal(n, 4);
    assert_int_equal(evg_graph_find_vertex(&ivo, x.people, "person:ivo-brandt"), 0);
    assert_int_equal(evg_layout_compute(&a, x.people, NULL, &e), 0);
    assert_int_equal(evg_layout_compute(&b, x.people, &o, &e), 0);
    /* A triangle and a vertex without edges: two components, the triangle first. */
    assert_int_equal(evg_layout_component_count(a), 2);
    for (size_t v = 0; v < n; v++) {
        assert_int_equal(evg_layout_component(a, v), v == ivo ? 1 : 0);
        assert_true(evg_layout_x(a, v) >= 0 && evg_layout_x(a, v) <= evg_layout_width(a));
        assert_true(evg_layout_y(a, v) >= 0 &&
                    evg_layout_y(a, v) <= evg_layout_height(a));
        /* The same graph and seed: the same positions, to the bit. */
        assert_true(evg_layout_x(a, v) == evg_layout_x(b, v));
        assert_true(evg_layout_y(a, v) == evg_layout_y(b, v));
        /* The vertex without edges lies below the others. */
        if (v != ivo)
            assert_true(evg_layout_y(a, v) < evg_layout_y(a, ivo));
    }
    assert_int_equal(evg_layout_component(a, n), SIZE_MAX);
    evg_layout_free(b);
    o.version = 2;
    assert_int_equal(evg_layout_compute(&b, x.people, &o, &e), EVG_EINVAL);
    assert_null(b);
    evg_layout_free(a);
    evg_layout_free(NULL);
    release(&x);
}

/* ---- text helpers ------------------------------------------------------- */

static char *md_of(const char *s, int line_start)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    evg_i_report_md(f, s, line_start);
    fclose(f);
    return buf;
}

static char *cut_of(const char *s, size_t max)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    evg_i_report_xml_cut(f, s, max);
    fclose(f);
    return buf;
}

static void test_text_helpers(void **state)
{
    const struct {
        const char *in;
        int line_start;
        const char *out;
    } md[] = {
        {"1987. The year", 1, "1987\\. The year"},
        {"1987. The year", 0, "1987. The year"},
        {"- item", 1, "\\- item"},
        {"a|b<c>&d*e_f`g[h]i~j$k#l\\m", 0,
         "a\\|b\\<c\\>\\&d\\*e\\_f\\`g\\[h\\]i\\~j\\$k\\#l\\\\m"},
        {"two\nlines\tand\x01", 0, "two lines and"},
        {"bad \xFF byte", 0, "bad \xEF\xBF\xBD byte"},
        {"Aušra", 0, "Aušra"},
    };
    const struct {
        const char *in;
        size_t max;
        const char *out;
    } cut[] = {
        {"Aušra Kairytė", 5, "Aušr\xE2\x80\xA6"},
        {"Aušra", 5, "Aušra"},
        {"a<b", 0, "a&lt;b"},
        {"<<<<<<", 3, "&lt;&lt;\xE2\x80\xA6"},
    };
    char *out;

    (void)state;
    for (size_t i = 0; i < sizeof md / sizeof md[0]; i++) {
        out = md_of(md[i].in, md[i].line_start);
        assert_string_equal(out, md[i].out);
        free(out);
    }
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        out = cut_of(cut[i].in, cut[i].max);
        assert_string_equal(out, cut[i].out);
        free(out);
    }
    assert_int_equal(evg_i_report_chars("Aušra Kairytė", 100), 13);
    assert_int_equal(evg_i_report_chars("Aušra Kairytė", 4), 4);
}

static void test_numbers(void **state)
{
    char b[EVG_I_NUM_BUF];

    (void)state;
    assert_string_equal(evg_i_report_num(b, 3.0), "3");
    assert_string_equal(evg_i_report_num(b, 963.5), "963.5");
    assert_string_equal(evg_i_report_num(b, 0.0123456), "0.0123");
    assert_string_equal(evg_i_report_num(b, 0.25), "0.25");
    assert_string_equal(evg_i_report_num(b, 0.9999997), "1");
    assert_string_equal(evg_i_report_num(b, 1.5), "1.5");
    assert_string_equal(evg_i_report_num(b, 100.04), "100");
    assert_string_equal(evg_i_report_num(b, 12.3456), "12.3");
    assert_string_equal(evg_i_report_num(b, 0.000012345), "0.000012");
    assert_string_equal(evg_i_report_num(b, 1e-12), "0");
    assert_string_equal(evg_i_report_num(b, -0.0), "0");
    assert_string_equal(evg_i_report_num(b, NAN), "0");
    assert_string_equal(evg_i_report_num(b, INFINITY), "0");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_html_escapes_names),
        cmocka_unit_test(test_svg_escapes_names),
        cmocka_unit_test(test_markdown_escapes_names),
        cmocka_unit_test(test_content),
        cmocka_unit_test(test_chosen_measures),
        cmocka_unit_test(test_approximate_measures),
        cmocka_unit_test(test_crowded_network_and_zero_bars),
        cmocka_unit_test(test_empty_corpus),
        cmocka_unit_test(test_same_bytes),
        cmocka_unit_test(test_numeric_locale),
        cmocka_unit_test(test_markdown_file),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_layout),
        cmocka_unit_test(test_text_helpers),
        cmocka_unit_test(test_numbers),
    };

    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
