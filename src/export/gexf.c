/*
 * GEXF, Gephi's own format, with a working timeline: the graph is
 * mode="dynamic" with timeformat="date". An element behind meetings of two
 * or more days (a tie, a person, a country, an agreement, a place) has one
 * <spell> per day instead, so that the timeline shows when people met
 * rather than one stretch from the first meeting to the last; graphology
 * ignores spells, NetworkX reads them. Every other node and edge whose dates
 * are known carries start= and end= (people and other entities from
 * first/last seen, meetings their date, edges the first and last date of the
 * events behind them); an element without dates is there at every time.
 * Gephi's importer (ImporterGEXF) and graphology-gexf (Gephi Lite) read the
 * roles of columns.c natively: label=, weight=, kind= (the relation, so
 * Gephi keeps typed parallel edges apart), viz:color as r/g/b (read by every
 * Gephi version and by NetworkX), viz:size and viz:position; every other column is an
 * <attribute> whose id is its title, since graphology names attributes by
 * id, with Gephi's types only.
 *
 * GEXF 1.3 (EVG_FMT_GEXF) is what Gephi 0.9 and later write. 1.2draft
 * (EVG_FMT_GEXF12) is the same graph in the older namespace, without kind=
 * and timerepresentation, which 1.2draft lacks: the only GEXF that NetworkX
 * (2.8 on Debian 12, and 3.x) reads, so Python users can load the timeline
 * too.
 */
#include <stdio.h>

#include "export/export_internal.h"

typedef struct {
    const char *ns, *viz_ns, *version;
    int v13; /* kind= and timerepresentation= exist */
} gexf_dialect;

static const gexf_dialect GEXF13 = {"http://gexf.net/1.3", "http://gexf.net/1.3/viz",
                                    "1.3", 1};
static const gexf_dialect GEXF12 = {"http://www.gexf.net/1.2draft",
                                    "http://www.gexf.net/1.2draft/viz", "1.2", 0};

static const char *gexf_type(evg_i_coltype t)
{
    switch (t) {
    case EVG_I_COL_INT:
        return "integer";
    case EVG_I_COL_FLOAT:
        return "float";
    case EVG_I_COL_DOUBLE:
        return "double";
    default:
        return "string";
    }
}

static void write_declarations(FILE *f, const char *class_,
                               const evg_i_column *const *list, size_t n)
{
    fprintf(f, "    <attributes class=\"%s\">\n", class_);
    for (size_t i = 0; i < n; i++)
        if (list[i]->role == EVG_I_ROLE_DATA)
            fprintf(f, "      <attribute id=\"%s\" title=\"%s\" type=\"%s\"/>\n",
                    list[i]->name, list[i]->name, gexf_type(list[i]->type));
    fputs("    </attributes>\n", f);
}

/* ` name="value"` when the value is there. */
static void put_xml_attr(FILE *f, const char *name, const char *value)
{
    if (value == NULL)
        return;
    fprintf(f, " %s=\"", name);
    evg_i_xml_attr(f, value);
    fputc('"', f);
}

/* The <attvalues> of the DATA columns that have a value. */
static void write_attvalues(FILE *f, const evg_i_column *const *list,
                            const evg_i_value *vals, size_t n)
{
    char buf[EVG_I_DOUBLE_BUF];
    int open = 0;

    for (size_t i = 0; i < n; i++) {
        if (list[i]->role != EVG_I_ROLE_DATA || !vals[i].present)
            continue;
        if (!open)
            fputs("        <attvalues>\n", f);
        open = 1;
        fprintf(f, "          <attvalue for=\"%s\" value=\"", list[i]->name);
        evg_i_xml_attr(f, evg_i_value_text(buf, list[i], &vals[i]));
        fputs("\"/>\n", f);
    }
    if (open)
        fputs("        </attvalues>\n", f);
}

/*
 * The spells of an element with the days of two or more meetings
 * (EVG_I_DATES): one per day, start = end = that date, as the one-day
 * interval of start= and end= is.
 */
static void write_spells(FILE *f, const char *dates)
{
    char day[EVG_I_DATE_LEN + 1];
    size_t at = 0;

    fputs("        <spells>\n", f);
    while (evg_i_dates_next(day, dates, &at))
        fprintf(f, "          <spell start=\"%s\" end=\"%s\"/>\n", day, day);
    fputs("        </spells>\n", f);
}

/* The value of the column with `role` among `vals`, or NULL. */
static const evg_i_value *role_value(const evg_i_column *const *list,
                                     const evg_i_value *vals, size_t n,
                                     evg_i_colrole role)
{
    for (size_t i = 0; i < n; i++)
        if (list[i]->role == role && vals[i].present)
            return &vals[i];
    return NULL;
}

static void write_node(FILE *f, const evg_i_columns *cols, size_t v,
                       const gexf_dialect *d)
{
    const evg_i_vattr *a = evg_i_graph_vattr(cols->g, v);
    evg_i_value vals[EVG_I_MAX_COLUMNS];
    const evg_i_value *label, *color, *size, *x, *y;
    const char *start, *end;
    char buf[EVG_I_DOUBLE_BUF];
    int rgb[3];

    for (size_t i = 0; i < cols->nnode; i++)
        evg_i_node_value(&vals[i], cols, cols->node[i], v);
    label = role_value(cols->node, vals, cols->nnode, EVG_I_ROLE_LABEL);
    color = role_value(cols->node, vals, cols->nnode, EVG_I_ROLE_COLOR);
    size = role_value(cols->node, vals, cols->nnode, EVG_I_ROLE_SIZE);
    x = role_value(cols->node, vals, cols->nnode, EVG_I_ROLE_X);
    y = role_value(cols->node, vals, cols->nnode, EVG_I_ROLE_Y);
    evg_i_node_interval(&start, &end, cols, v);
    fputs("      <node", f);
    put_xml_attr(f, "id", a->id);
    put_xml_attr(f, "label", label ? label->text : NULL);
    if (a->dates == NULL) { /* spells replace the interval: Gephi would join both */
        put_xml_attr(f, "start", start);
        put_xml_attr(f, "end", end);
    }
    fputs(">\n", f);
    write_attvalues(f, cols->node, vals, cols->nnode);
    if (a->dates)
        write_spells(f, a->dates);
    if (color && evg_i_color_rgb(rgb, color->text) == 0)
        fprintf(f, "        <viz:color r=\"%d\" g=\"%d\" b=\"%d\"/>\n", rgb[0], rgb[1],
                rgb[2]);
    if (size)
        fprintf(f, "        <viz:size value=\"%s\"/>\n",
                evg_i_fmt_double(buf, size->real));
    if (x && y) {
        fprintf(f, "        <viz:position x=\"%s\"", evg_i_fmt_double(buf, x->real));
        fprintf(f, " y=\"%s\"%s/>\n", evg_i_fmt_double(buf, y->real),
                d->v13 ? "" : " z=\"0\""); /* 1.2draft requires z */
    }
    fputs("      </node>\n", f);
}

static void write_edge(FILE *f, const evg_i_columns *cols, size_t e,
                       const gexf_dialect *d)
{
    const evg_i_eattr *a = evg_i_graph_eattr(cols->g, e);
    const evg_i_column *kind =
        evg_i_columns_find(cols->edge, cols->nedge, EVG_I_ROLE_DATA, EVG_I_COL_KIND);
    evg_i_value vals[EVG_I_MAX_COLUMNS];
    const evg_i_value *label, *weight;
    const char *start, *end;
    char buf[EVG_I_DOUBLE_BUF];

    for (size_t i = 0; i < cols->nedge; i++)
        evg_i_edge_value(&vals[i], cols, cols->edge[i], e);
    label = role_value(cols->edge, vals, cols->nedge, EVG_I_ROLE_LABEL);
    weight = role_value(cols->edge, vals, cols->nedge, EVG_I_ROLE_WEIGHT);
    evg_i_edge_interval(&start, &end, cols, e);
    fprintf(f, "      <edge id=\"" EVG_I_EDGE_ID_FMT "\"", e);
    put_xml_attr(f, "source", evg_i_graph_vattr(cols->g, a->from)->id);
    put_xml_attr(f, "target", evg_i_graph_vattr(cols->g, a->to)->id);
    put_xml_attr(f, "label", label ? label->text : NULL);
    if (d->v13 && kind) {
        evg_i_value k;
        evg_i_edge_value(&k, cols, kind, e);
        put_xml_attr(f, "kind", k.present ? k.text : NULL);
    }
    put_xml_attr(f, "weight", weight ? evg_i_fmt_double(buf, weight->real) : NULL);
    if (a->dates == NULL) {
        put_xml_attr(f, "start", start);
        put_xml_attr(f, "end", end);
    }
    fputs(">\n", f);
    write_attvalues(f, cols->edge, vals, cols->nedge);
    if (a->dates)
        write_spells(f, a->dates);
    fputs("      </edge>\n", f);
}

static void write_header(FILE *f, const evg_i_columns *cols, const gexf_dialect *d)
{
    char buf[EVG_I_DOUBLE_BUF];

    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    /* NetworkX's read_gexf fails on 1.3 with an obscure error: say what it needs */
    if (d->v13)
        fputs("<!-- GEXF 1.3, for Gephi. NetworkX (read_gexf) reads only GEXF 1.2draft: "
              "write it with evgraph build -f gexf12. -->\n",
              f);
    fprintf(f,
            "<gexf xmlns=\"%s\" xmlns:viz=\"%s\" version=\"%s\">\n"
            "  <meta>\n"
            "    <creator>evgraph</creator>\n"
            "    <description>%s view",
            d->ns, d->viz_ns, d->version, cols->view);
    /* GEXF has no graph attributes: approximate measures say so here */
    if (cols->cutoff > 0)
        fprintf(f, "; betweenness and closeness over paths up to %s long",
                evg_i_fmt_double(buf, cols->cutoff));
    if (cols->filter) {
        fputs("; only the meetings of the filter ", f);
        evg_i_xml_text(f, cols->filter);
    }
    fprintf(f,
            "</description>\n"
            "  </meta>\n"
            "  <graph mode=\"dynamic\" defaultedgetype=\"undirected\" "
            "timeformat=\"date\"%s>\n",
            d->v13 ? " timerepresentation=\"interval\"" : "");
    write_declarations(f, "node", cols->node, cols->nnode);
    write_declarations(f, "edge", cols->edge, cols->nedge);
}

int evg_i_gexf_write(FILE *f, const evg_graph *g, const evg_scores *s,
                     const evg_export_opts *opts, evg_error *err)
{
    const gexf_dialect *d = opts->format == EVG_FMT_GEXF12 ? &GEXF12 : &GEXF13;
    size_t nv = evg_graph_vertex_count(g), ne = evg_graph_edge_count(g);
    evg_i_columns cols;
    int rc;

    if ((rc = evg_i_columns_init(&cols, g, s, opts, err)) < 0)
        return rc;
    write_header(f, &cols, d);
    fprintf(f, "    <nodes count=\"%zu\">\n", nv);
    for (size_t v = 0; v < nv; v++)
        write_node(f, &cols, v, d);
    fprintf(f, "    </nodes>\n    <edges count=\"%zu\">\n", ne);
    for (size_t e = 0; e < ne; e++)
        write_edge(f, &cols, e, d);
    fputs("    </edges>\n  </graph>\n</gexf>\n", f);
    return 0;
}
