/*
 * JSON node-link, the shape D3's force layout and NetworkX's
 * node_link_graph() read as they are:
 *
 *   {"directed":false,"multigraph":false,"graph":{"view":"people",...},
 *    "nodes":[{"id":"person:...","label":...,...}, ...],
 *    "links":[{"id":"e0","source":"person:...","target":"person:...",...}, ...]}
 *
 * Attributes sit flat on each node and link, named and typed as the columns
 * of columns.c (strings, integers, reals); a value that does not apply is
 * left out. "multigraph" is true when two nodes are joined by more than one
 * edge, so that NetworkX keeps them all. graphology (Sigma.js, Gephi Lite)
 * takes it through its own serialized format: docs/formats.md shows the few
 * lines that map nodes to {key, attributes} and links to edges.
 *
 * Everything is produced by jansson: each node and link is one object dumped
 * compact on a line of its own (a large graph is never held as one JSON
 * tree, and the file reads well in a diff); keys come in column order.
 * Reals go through evg_i_fmt_double() first, so every format writes the same
 * digits.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "export/export_internal.h"
#include "util/buf.h"
#include "util/error.h"

#define DUMP_FLAGS (JSON_COMPACT | JSON_REAL_PRECISION(9))

/* What the element builders share: the columns and a buffer for cleaning text. */
typedef struct {
    const evg_i_columns *cols;
    evg_i_buf tmp;
} json_ctx;

/*
 * A JSON string of `s` cleaned as in every format (jansson refuses invalid
 * UTF-8). NULL when out of memory: json_object_set_new() then fails (and
 * takes no reference), so every set below is checked and nothing leaks.
 */
static json_t *jstring(json_ctx *x, const char *s)
{
    return evg_i_text_clean(&x->tmp, s) < 0 ? NULL : json_stringn(x->tmp.ptr, x->tmp.len);
}

static json_t *jvalue(json_ctx *x, const evg_i_column *c, const evg_i_value *v)
{
    char buf[EVG_I_DOUBLE_BUF];

    switch (c->type) {
    case EVG_I_COL_STRING:
        return jstring(x, v->text);
    case EVG_I_COL_INT:
        return json_integer((json_int_t)v->integer);
    default:
        /* The digits of every other format; never NaN, which JSON lacks. */
        return json_real(strtod(evg_i_fmt_double(buf, v->real), NULL));
    }
}

static json_t *node_object(json_ctx *x, size_t v)
{
    const evg_i_columns *cols = x->cols;
    json_t *o = json_object();
    int bad =
        o == NULL ||
        json_object_set_new(o, "id", jstring(x, evg_i_graph_vattr(cols->g, v)->id)) < 0;

    for (size_t i = 0; !bad && i < cols->nnode; i++) {
        evg_i_value val;
        evg_i_node_value(&val, cols, cols->node[i], v);
        if (val.present)
            bad = json_object_set_new(o, cols->node[i]->name,
                                      jvalue(x, cols->node[i], &val)) < 0;
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *link_object(json_ctx *x, size_t e)
{
    const evg_i_columns *cols = x->cols;
    const evg_i_eattr *a = evg_i_graph_eattr(cols->g, e);
    json_t *o = json_object();
    int bad = o == NULL ||
              json_object_set_new(o, "id", json_sprintf(EVG_I_EDGE_ID_FMT, e)) < 0 ||
              json_object_set_new(
                  o, "source", jstring(x, evg_i_graph_vattr(cols->g, a->from)->id)) < 0 ||
              json_object_set_new(o, "target",
                                  jstring(x, evg_i_graph_vattr(cols->g, a->to)->id)) < 0;

    for (size_t i = 0; !bad && i < cols->nedge; i++) {
        evg_i_value val;
        evg_i_edge_value(&val, cols, cols->edge[i], e);
        if (val.present)
            bad = json_object_set_new(o, cols->edge[i]->name,
                                      jvalue(x, cols->edge[i], &val)) < 0;
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* `"directed":false,"multigraph":...,"graph":{...}`, the members before the lists. */
static int write_header(FILE *f, const evg_i_columns *cols)
{
    json_t *head = json_object(), *graph = json_object();
    int bad =
        head == NULL || graph == NULL ||
        json_object_set_new(graph, "view", json_string(cols->view)) < 0 ||
        json_object_set_new(graph, "creator", json_string("evgraph")) < 0 ||
        (cols->cutoff > 0 &&
         json_object_set_new(graph, "betweenness_cutoff", json_real(cols->cutoff)) < 0) ||
        (cols->filter &&
         json_object_set_new(graph, "filter", json_string(cols->filter)) < 0) ||
        json_object_set_new(head, "directed", json_false()) < 0 ||
        json_object_set_new(head, "multigraph", json_boolean(cols->multigraph)) < 0 ||
        json_object_set_new(head, "graph", json_incref(graph)) < 0;

    if (!bad) {
        fputc('{', f);
        bad = json_dumpf(head, f, DUMP_FLAGS | JSON_EMBED) < 0;
    }
    json_decref(graph);
    json_decref(head);
    return bad ? -1 : 0;
}

/* One list, an element per line; `make` builds element `i`. */
static int write_list(FILE *f, const char *name, size_t n, json_ctx *x,
                      json_t *(*make)(json_ctx *, size_t))
{
    fprintf(f, ",\"%s\":[", name);
    for (size_t i = 0; i < n; i++) {
        json_t *o = make(x, i);
        int rc;
        if (o == NULL)
            return -1;
        fputs(i ? ",\n" : "\n", f);
        rc = json_dumpf(o, f, DUMP_FLAGS);
        json_decref(o);
        if (rc < 0)
            return -1;
    }
    fputs(n ? "\n]" : "]", f);
    return 0;
}

int evg_i_json_write(FILE *f, const evg_graph *g, const evg_scores *s,
                     const evg_export_opts *opts, evg_error *err)
{
    evg_i_columns cols;
    json_ctx x = {&cols, EVG_I_BUF_INIT};
    int rc;

    if ((rc = evg_i_columns_init(&cols, g, s, opts, err)) < 0)
        return rc;
    if (write_header(f, &cols) < 0 ||
        write_list(f, "nodes", evg_graph_vertex_count(g), &x, node_object) < 0 ||
        write_list(f, "links", evg_graph_edge_count(g), &x, link_object) < 0)
        /* jansson reports no more than NULL or -1: memory, or the stream. */
        rc = ferror(f) ? 0 : evg_i_error_nomem(err);
    else
        fputs("}\n", f);
    evg_i_buf_free(&x.tmp);
    return rc;
}
