/*
 * Helpers of the export tests (test_export.c, test_export_formats.c): a
 * corpus from JSON lines written in the test, a graph of it, an export into
 * a string. Header-only; include after <cmocka.h>.
 */
#ifndef EVG_EXPORT_HELPERS_H
#define EVG_EXPORT_HELPERS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph.h"

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

/* People whose names a spreadsheet would run as formulas. */
static const char FORMULAS[] =
    "{\"doc\":{\"id\":\"f-1\",\"date\":\"2025-06-02\"},\"entities\":["
    "{\"id\":\"person:sum\",\"type\":\"person\",\"name\":\"=SUM(A1:A9)\","
    "\"titles\":[\"+Minister\"],\"country\":\"XAR\"},"
    "{\"id\":\"person:vela\",\"type\":\"person\",\"name\":\"-Vela Morrow\","
    "\"titles\":[\"@Adviser\"],\"country\":\"XBE\"}],"
    "\"events\":[{\"id\":\"f-1#1\",\"type\":\"meeting\",\"status\":\"reported\","
    "\"date\":\"2025-06-01\",\"place\":\"=cmd|' /C calc'!A0\",\"participants\":["
    "{\"entity\":\"person:sum\",\"role\":\"host\"},{\"entity\":\"person:vela\"}],"
    "\"evidence\":[{\"start\":0,\"end\":5,\"text\":\"\\tTabbed, \\\"quoted\\\"\"}]}]}";

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

/* Export into a malloc()ed string; `opts` may be NULL. */
static char *export_opts_str(const evg_graph *g, const evg_scores *s,
                             const evg_export_opts *opts)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    evg_error err;

    assert_non_null(f);
    if (evg_export(f, g, s, opts, &err) < 0)
        fail_msg("export: %s", err.text);
    fclose(f);
    return buf;
}

/* Export in format `fmt` (CSV: the nodes table). */
static char *export_fmt(const evg_graph *g, const evg_scores *s, evg_format fmt)
{
    evg_export_opts o = EVG_EXPORT_OPTS_INIT;

    o.format = fmt;
    return export_opts_str(g, s, &o);
}

#endif
