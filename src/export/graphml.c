/*
 * GraphML for Gephi, Gephi Lite (graphology), NetworkX and igraph, following
 * the consumers' rules (GEPHI_RULES.md in the shared consumer checks):
 * every <key> before <graph>, with for / attr.name / attr.type, key ids
 * prefixed v_ / e_ / g_; Gephi's special names label, color (#rrggbb), size
 * (float), weight (double); dates as ISO strings; edgedefault always
 * written. The columns are those of columns.c, under their own names (the
 * roles need no place of their own in GraphML: Gephi reads label, color,
 * size and weight by name). Values are written only where they apply (no
 * <default>, which graphology does not cast).
 */
#include <stdio.h>

#include "export/export_internal.h"

static const char *graphml_type(evg_i_coltype t)
{
    switch (t) {
    case EVG_I_COL_INT:
        return "int";
    case EVG_I_COL_FLOAT:
        return "float";
    case EVG_I_COL_DOUBLE:
        return "double";
    default:
        return "string";
    }
}

static void put_key(FILE *f, const char *prefix, const char *for_, const evg_i_column *c)
{
    fprintf(f, "  <key id=\"%s%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n",
            prefix, c->name, for_, c->name, graphml_type(c->type));
}

static void write_keys(FILE *f, const evg_i_columns *cols)
{
    fputs(
        "  <key id=\"g_view\" for=\"graph\" attr.name=\"view\" attr.type=\"string\"/>\n",
        f);
    if (cols->cutoff > 0)
        fputs("  <key id=\"g_betweenness_cutoff\" for=\"graph\" "
              "attr.name=\"betweenness_cutoff\" attr.type=\"double\"/>\n",
              f);
    if (cols->filter)
        fputs("  <key id=\"g_filter\" for=\"graph\" attr.name=\"filter\" "
              "attr.type=\"string\"/>\n",
              f);
    for (size_t i = 0; i < cols->nnode; i++)
        put_key(f, "v_", "node", cols->node[i]);
    for (size_t i = 0; i < cols->nedge; i++)
        put_key(f, "e_", "edge", cols->edge[i]);
}

static void put_data(FILE *f, const char *prefix, const evg_i_column *c,
                     const evg_i_value *v)
{
    char buf[EVG_I_DOUBLE_BUF];

    if (!v->present)
        return;
    fprintf(f, "      <data key=\"%s%s\">", prefix, c->name);
    evg_i_xml_text(f, evg_i_value_text(buf, c, v));
    fputs("</data>\n", f);
}

static void write_node(FILE *f, const evg_i_columns *cols, size_t v)
{
    fputs("    <node id=\"", f);
    evg_i_xml_attr(f, evg_i_graph_vattr(cols->g, v)->id); /* NMTOKEN already */
    fputs("\">\n", f);
    for (size_t i = 0; i < cols->nnode; i++) {
        evg_i_value val;
        evg_i_node_value(&val, cols, cols->node[i], v);
        put_data(f, "v_", cols->node[i], &val);
    }
    fputs("    </node>\n", f);
}

static void write_edge(FILE *f, const evg_i_columns *cols, size_t e)
{
    const evg_i_eattr *a = evg_i_graph_eattr(cols->g, e);

    fprintf(f, "    <edge id=\"" EVG_I_EDGE_ID_FMT "\" source=\"", e);
    evg_i_xml_attr(f, evg_i_graph_vattr(cols->g, a->from)->id);
    fputs("\" target=\"", f);
    evg_i_xml_attr(f, evg_i_graph_vattr(cols->g, a->to)->id);
    fputs("\">\n", f);
    for (size_t i = 0; i < cols->nedge; i++) {
        evg_i_value val;
        evg_i_edge_value(&val, cols, cols->edge[i], e);
        put_data(f, "e_", cols->edge[i], &val);
    }
    fputs("    </edge>\n", f);
}

int evg_i_graphml_write(FILE *f, const evg_graph *g, const evg_scores *s,
                        const evg_export_opts *opts, evg_error *err)
{
    evg_i_columns cols;
    char buf[EVG_I_DOUBLE_BUF];
    int rc;

    if ((rc = evg_i_columns_init(&cols, g, s, opts, err)) < 0)
        return rc;
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
          f);
    write_keys(f, &cols);
    fputs("  <graph id=\"G\" edgedefault=\"undirected\">\n", f);
    fprintf(f, "    <data key=\"g_view\">%s</data>\n", cols.view);
    /* approximate betweenness and closeness say so, for whoever reads them back */
    if (cols.cutoff > 0)
        fprintf(f, "    <data key=\"g_betweenness_cutoff\">%s</data>\n",
                evg_i_fmt_double(buf, cols.cutoff));
    /* a graph of the meetings a filter selected says which */
    if (cols.filter) {
        fputs("    <data key=\"g_filter\">", f);
        evg_i_xml_text(f, cols.filter);
        fputs("</data>\n", f);
    }
    for (size_t v = 0; v < evg_graph_vertex_count(g); v++)
        write_node(f, &cols, v);
    for (size_t e = 0; e < evg_graph_edge_count(g); e++)
        write_edge(f, &cols, e);
    fputs("  </graph>\n</graphml>\n", f);
    return 0;
}
