/*
 * GraphML for Gephi, Gephi Lite (graphology), NetworkX and igraph, following
 * the consumers' rules (GEPHI_RULES.md in the shared consumer checks):
 * every <key> before <graph>, with for / attr.name / attr.type, key ids
 * prefixed v_ / e_ / g_; Gephi's special names label, color (#rrggbb), size
 * (float), weight (double); dates as ISO strings; metric columns named so
 * that they do not collide with the columns Gephi's own statistics create
 * (degree, betweenesscentrality, pageranks...); edgedefault always written.
 * Values are written only where they apply (no <default>, which graphology
 * does not cast). Keys and their order depend only on the view and on
 * whether scores are given, so the same graph gives the same bytes.
 */
#include <math.h>
#include <stddef.h>
#include <stdio.h>

#include "export/export_internal.h"

#define IN_FULL 1u
#define IN_PEOPLE 2u
#define IN_BOTH (IN_FULL | IN_PEOPLE)

typedef enum { F_TEXT, F_COUNT, F_PERSON_COUNT } field_kind;

/* A node column read from evg_i_vattr at `off`. */
typedef struct {
    const char *id, *name, *type;
    unsigned views;
    field_kind kind;
    size_t off;
} node_key;

#define TEXT(n, views)                                                                   \
    {                                                                                    \
        "v_" #n, #n, "string", views, F_TEXT, offsetof(evg_i_vattr, n)                   \
    }
static const node_key NODE_KEYS[] = {
    TEXT(titles, IN_BOTH),
    TEXT(country, IN_BOTH),
    TEXT(org, IN_BOTH),
    TEXT(kind, IN_FULL),
    TEXT(event_type, IN_FULL),
    TEXT(status, IN_FULL),
    TEXT(date, IN_FULL),
    TEXT(place, IN_FULL),
    TEXT(doc, IN_FULL),
    TEXT(evidence, IN_FULL),
    TEXT(first_seen, IN_BOTH),
    TEXT(last_seen, IN_BOTH),
    {"v_sources", "sources", "int", IN_BOTH, F_COUNT, offsetof(evg_i_vattr, sources)},
    {"v_meetings", "meetings", "int", IN_BOTH, F_PERSON_COUNT,
     offsetof(evg_i_vattr, meetings)},
    {"v_events", "events", "int", IN_BOTH, F_PERSON_COUNT, offsetof(evg_i_vattr, events)},
};
#undef TEXT

/* Metric columns: short names, none equal to a Gephi statistics column. */
static const struct {
    evg_measure m;
    const char *name;
} METRICS[] = {
    {EVG_M_DEGREE, "deg"},    {EVG_M_STRENGTH, "strength"}, {EVG_M_BETWEENNESS, "btw"},
    {EVG_M_CLOSENESS, "clo"}, {EVG_M_EIGENVECTOR, "eig"},   {EVG_M_PAGERANK, "pr"},
};

/* Colours by node type (Okabe-Ito palette: distinguishable with colour blindness). */
static const char *const COLORS[EVG_NODE__COUNT] = {
    [EVG_NODE_PERSON] = "#0072b2",    [EVG_NODE_ORGANIZATION] = "#e69f00",
    [EVG_NODE_COUNTRY] = "#009e73",   [EVG_NODE_MEETING] = "#cc79a7",
    [EVG_NODE_AGREEMENT] = "#d55e00", [EVG_NODE_PLACE] = "#56b4e9",
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

static void put_key(FILE *f, const char *id, const char *for_, const char *name,
                    const char *type)
{
    fprintf(f, "  <key id=\"%s\" for=\"%s\" attr.name=\"%s\" attr.type=\"%s\"/>\n", id,
            for_, name, type);
}

static void write_keys(FILE *f, unsigned view, const evg_scores *s)
{
    put_key(f, "g_view", "graph", "view", "string");
    put_key(f, "v_label", "node", "label", "string");
    put_key(f, "v_type", "node", "type", "string");
    put_key(f, "v_color", "node", "color", "string");
    if (s)
        put_key(f, "v_size", "node", "size", "float");
    for (size_t i = 0; i < N(NODE_KEYS); i++)
        if (NODE_KEYS[i].views & view)
            put_key(f, NODE_KEYS[i].id, "node", NODE_KEYS[i].name, NODE_KEYS[i].type);
    for (size_t i = 0; s && i < N(METRICS); i++) {
        char id[32];
        snprintf(id, sizeof id, "v_%s", METRICS[i].name);
        put_key(f, id, "node", METRICS[i].name, "double");
    }
    put_key(f, "e_label", "edge", "label", "string");
    put_key(f, "e_relation", "edge", "relation", "string");
    put_key(f, "e_weight", "edge", "weight", "double");
    if (view & IN_FULL)
        put_key(f, "e_role", "edge", "role", "string");
    put_key(f, "e_first_date", "edge", "first_date", "string");
    put_key(f, "e_last_date", "edge", "last_date", "string");
}

static void put_text(FILE *f, const char *indent, const char *key, const char *value)
{
    if (value == NULL)
        return;
    fprintf(f, "%s<data key=\"%s\">", indent, key);
    evg_i_xml_text(f, value);
    fputs("</data>\n", f);
}

static void put_double(FILE *f, const char *indent, const char *key, double x)
{
    char buf[EVG_I_DOUBLE_BUF];
    fprintf(f, "%s<data key=\"%s\">%s</data>\n", indent, key, evg_i_fmt_double(buf, x));
}

/*
 * Node size for Gephi and Gephi Lite: 5 to 30, linear in PageRank (which is
 * positive for every vertex, so isolated people stay visible).
 */
static double node_size(const evg_scores *s, size_t v, double max_pr)
{
    double pr = evg_scores_get(s, EVG_M_PAGERANK, v);
    return max_pr > 0 ? 5.0 + 25.0 * pr / max_pr : 5.0;
}

static void write_node(FILE *f, const evg_graph *g, size_t v, unsigned view,
                       const evg_scores *s, double max_pr)
{
    const evg_i_vattr *a = evg_i_graph_vattr(g, v);
    const char *in = "      ";

    fputs("    <node id=\"", f);
    evg_i_xml_text(f, a->id); /* NMTOKEN already; escaping is only a safeguard */
    fputs("\">\n", f);
    put_text(f, in, "v_label", a->label);
    put_text(f, in, "v_type", evg_node_type_name(a->type));
    put_text(f, in, "v_color", COLORS[a->type]);
    if (s)
        put_double(f, in, "v_size", node_size(s, v, max_pr));
    for (size_t i = 0; i < N(NODE_KEYS); i++) {
        const node_key *k = &NODE_KEYS[i];
        const char *field = (const char *)a + k->off;
        if (!(k->views & view))
            continue;
        if (k->kind == F_TEXT)
            put_text(f, in, k->id, *(const char *const *)(const void *)field);
        else if (k->kind == F_COUNT || a->type == EVG_NODE_PERSON)
            fprintf(f, "%s<data key=\"%s\">%zu</data>\n", in, k->id,
                    *(const size_t *)(const void *)field);
    }
    for (size_t i = 0; s && i < N(METRICS); i++) {
        char id[32];
        snprintf(id, sizeof id, "v_%s", METRICS[i].name);
        put_double(f, in, id, evg_scores_get(s, METRICS[i].m, v));
    }
    fputs("    </node>\n", f);
}

static void write_edge(FILE *f, const evg_graph *g, size_t e)
{
    const evg_i_eattr *a = evg_i_graph_eattr(g, e);
    const char *rel = evg_i_relation_name(a->rel), *in = "      ";

    fprintf(f, "    <edge id=\"e%zu\" source=\"", e);
    evg_i_xml_text(f, evg_i_graph_vattr(g, a->from)->id);
    fputs("\" target=\"", f);
    evg_i_xml_text(f, evg_i_graph_vattr(g, a->to)->id);
    fputs("\">\n", f);
    put_text(f, in, "e_label", rel);
    put_text(f, in, "e_relation", rel);
    put_double(f, in, "e_weight", a->weight);
    if (a->role >= 0)
        put_text(f, in, "e_role", evg_role_name((evg_role)a->role));
    put_text(f, in, "e_first_date", a->first_date);
    put_text(f, in, "e_last_date", a->last_date);
    fputs("    </edge>\n", f);
}

int evg_i_graphml_write(FILE *f, const evg_graph *g, const evg_scores *s,
                        const evg_export_opts *opts, evg_error *err)
{
    evg_view view_kind = evg_graph_view(g);
    unsigned view = view_kind == EVG_VIEW_PEOPLE ? IN_PEOPLE : IN_FULL;
    size_t nv = evg_graph_vertex_count(g), ne = evg_graph_edge_count(g);
    double max_pr = 0;

    (void)opts;
    (void)err; /* stream errors are checked by the driver */
    for (size_t v = 0; s && v < nv; v++)
        max_pr = fmax(max_pr, evg_scores_get(s, EVG_M_PAGERANK, v));
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
          f);
    write_keys(f, view, s);
    fputs("  <graph id=\"G\" edgedefault=\"undirected\">\n", f);
    put_text(f, "    ", "g_view", view_kind == EVG_VIEW_PEOPLE ? "people" : "full");
    for (size_t v = 0; v < nv; v++)
        write_node(f, g, v, view, s, max_pr);
    for (size_t e = 0; e < ne; e++)
        write_edge(f, g, e);
    fputs("  </graph>\n</graphml>\n", f);
    return 0;
}
