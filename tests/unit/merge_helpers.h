/*
 * Helpers of the merge tests (test_merge.c, test_codes.c): event records
 * written compactly in the test, built into graphs, looked up by id or label.
 * Records are written with single quotes, turned into double quotes here, so
 * that a record reads as JSON does.
 */
#ifndef EVG_MERGE_HELPERS_H
#define EVG_MERGE_HELPERS_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "evgraph.h"
#include "graph/graph_impl.h"

/* A person entity: PERSON("kadri-lepik", "Kadri Lepik", "'EST'") or country "null". */
#define PERSON(slug, name, cc)                                                           \
    "{'id':'person:" slug "','type':'person','name':'" name                              \
    "','titles':[],'country':" cc ",'org':null}"
#define PERSON_T(slug, name, cc, title)                                                  \
    "{'id':'person:" slug "','type':'person','name':'" name "','titles':['" title        \
    "'],'country':" cc ",'org':null}"
/* A participant of an event. */
#define HOST(slug) "{'entity':'person:" slug "','role':'host'}"
#define GUEST(slug) "{'entity':'person:" slug "','role':'guest'}"
#define PART(slug) "{'entity':'person:" slug "','role':'participant'}"
/* An event: EVENT("a#1", "meeting", "reported", "'2025-05-12'", "'Tallinn'", HOST(..) ","
 * ..). */
#define EVENT(id, type, status, date, place, parts)                                      \
    "{'id':'" id "','type':'" type "','status':'" status "','date':" date                \
    ",'date_source':'text','place':" place ",'participants':[" parts                     \
    "],'agreements':[],'evidence':[{'start':0,'end':1,'text':'" id " happened.'}]}"
/* A document: DOC("a", "'2025-05-13'", entities, events). */
#define DOC(id, date, ents, evs)                                                         \
    "{'doc':{'id':'" id "','date':" date ",'title':'t'},'entities':[" ents               \
    "],'events':[" evs "]}"

static inline char *mh_json(const char *s)
{
    char *j = strdup(s);

    assert_non_null(j);
    for (char *p = j; *p; p++)
        *p = *p == '\'' ? '"' : *p;
    return j;
}

/* A corpus of the records `lines` (single-quoted), in the order given. */
static inline evg_corpus *mh_corpus(const char *const *lines, size_t n)
{
    evg_corpus *c = NULL;
    evg_error err;

    assert_int_equal(evg_corpus_new(&c, &err), 0);
    for (size_t i = 0; i < n; i++) {
        evg_doc *d = NULL;
        char *j = mh_json(lines[i]);
        if (evg_doc_parse_json(&d, j, strlen(j), "test", (int)i + 1, &err) < 0)
            fail_msg("record %zu: %s", i + 1, err.text);
        free(j);
        assert_int_equal(evg_corpus_add_doc(c, d, &err), 0);
    }
    return c;
}

static inline evg_graph *mh_build(const evg_corpus *c, evg_view view,
                                  const evg_aliases *a)
{
    evg_build_opts o = EVG_BUILD_OPTS_INIT;
    evg_graph *g = NULL;
    evg_error err;

    o.view = view;
    o.aliases = a;
    if (evg_graph_build(&g, c, &o, &err) < 0)
        fail_msg("build: %s", err.text);
    assert_int_equal(IGRAPH_FINALLY_STACK_SIZE(), 0);
    return g;
}

/* Build the full view of `lines` at once. */
static inline evg_graph *mh_graph(const char *const *lines, size_t n,
                                  const evg_aliases *a)
{
    evg_corpus *c = mh_corpus(lines, n);
    evg_graph *g = mh_build(c, EVG_VIEW_FULL, a);

    evg_corpus_free(c);
    return g;
}

static inline size_t mh_vertex(const evg_graph *g, const char *id)
{
    size_t v = SIZE_MAX;

    if (evg_graph_find_vertex(&v, g, id) != 0)
        fail_msg("no vertex %s", id);
    return v;
}

static inline int mh_has(const evg_graph *g, const char *id)
{
    size_t v;
    return evg_graph_find_vertex(&v, g, id) == 0;
}

static inline long mh_num(const evg_graph *g, size_t v, const char *name)
{
    long x = -99;

    if (evg_graph_vertex_number(&x, g, v, name) != 0)
        fail_msg("vertex %s has no %s", evg_graph_vertex_id(g, v), name);
    return x;
}

static inline const char *mh_attr(const evg_graph *g, const char *id, const char *name)
{
    return evg_graph_vertex_attr(g, mh_vertex(g, id), name);
}

/* The one edge from -> to with relation `rel`; SIZE_MAX when there is none. */
static inline size_t mh_edge(const evg_graph *g, const char *from, const char *to,
                             const char *rel)
{
    size_t a = mh_vertex(g, from), b = mh_vertex(g, to), x, y;

    for (size_t e = 0; e < evg_graph_edge_count(g); e++) {
        evg_graph_edge_ends(&x, &y, g, e);
        if (x == a && y == b && strcmp(evg_graph_edge_relation(g, e), rel) == 0)
            return e;
    }
    return SIZE_MAX;
}

/* The GraphML bytes of `g` with its scores (fail on error); free() them. */
static inline char *mh_graphml(const evg_graph *g)
{
    evg_scores *s = NULL;
    evg_error err;
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    assert_int_equal(evg_scores_compute(&s, g, NULL, &err), 0);
    assert_int_equal(evg_export(f, g, s, NULL, &err), 0);
    fclose(f);
    evg_scores_free(s);
    return buf;
}

/* The graph of `lines` (fail on error), asserting that their reverse order gives the same
 * GraphML bytes: the merge does not depend on the order of the documents. */
static inline evg_graph *mh_graph_any_order(const char *const *lines, size_t n)
{
    const char **rev = calloc(n + 1, sizeof(*rev));
    evg_graph *g, *r;
    char *a, *b;

    assert_non_null(rev);
    for (size_t i = 0; i < n; i++)
        rev[i] = lines[n - 1 - i];
    g = mh_graph(lines, n, NULL);
    r = mh_graph(rev, n, NULL);
    a = mh_graphml(g);
    b = mh_graphml(r);
    assert_string_equal(a, b);
    free(a);
    free(b);
    free(rev);
    evg_graph_free(r);
    return g;
}

#endif
