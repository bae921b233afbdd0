/*
 * The column table shared by every exporter (see columns.h). To give every
 * format a new attribute, add one row to NODE_COLUMNS or EDGE_COLUMNS: a
 * field of evg_i_vattr / evg_i_eattr through TEXT() or COUNT(), or a value
 * computed by a getter of its own (a double field needs one like e_real).
 *
 * Names are snake_case, unique among the node columns and among the edge
 * columns. They must not be Gephi's reserved columns (id, label, timeset,
 * weight, and on edges source, target, type, kind), which the roles stand
 * for, nor the columns Gephi's statistics create (degree, pageranks,
 * eigencentrality, betweenesscentrality, closnesscentrality,
 * modularity_class...): an analyst who runs those would overwrite ours.
 * Hence deg, btw, clo, eig, pr.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/columns.h"
#include "export/export_internal.h"
#include "util/error.h"

#define T(t) (1u << (t))
#define ALL_TYPES ((1u << EVG_NODE__COUNT) - 1u)
#define R(r) (1u << (r))
#define ALL_RELS ((1u << EVG_I_REL__COUNT) - 1u)

/* Colours by node type (Okabe-Ito palette: distinguishable with colour blindness). */
static const char *const COLORS[EVG_NODE__COUNT] = {
    [EVG_NODE_PERSON] = "#0072b2",    [EVG_NODE_ORGANIZATION] = "#e69f00",
    [EVG_NODE_COUNTRY] = "#009e73",   [EVG_NODE_MEETING] = "#cc79a7",
    [EVG_NODE_AGREEMENT] = "#d55e00", [EVG_NODE_PLACE] = "#56b4e9",
};

static void put_text(evg_i_value *out, const char *s)
{
    out->present = s != NULL;
    out->text = s;
}

static void put_real(evg_i_value *out, double x)
{
    out->present = 1;
    out->real = x;
}

/* ---- node getters ------------------------------------------------------ */

static const evg_i_vattr *vattr(const evg_i_columns *cols, size_t v)
{
    return evg_i_graph_vattr(cols->g, v);
}

static void v_text(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                   size_t v)
{
    put_text(out,
             *(const char *const *)(const void *)((const char *)vattr(cols, v) + c->off));
}

static void v_count(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                    size_t v)
{
    out->present = 1;
    out->integer =
        (long long)*(const size_t *)(const void *)((const char *)vattr(cols, v) + c->off);
}

static void v_community(evg_i_value *out, const evg_i_column *c,
                        const evg_i_columns *cols, size_t v)
{
    long k = vattr(cols, v)->community;
    (void)c;
    out->present = k != EVG_I_NO_COMMUNITY;
    out->integer = k;
}

static void v_type(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                   size_t v)
{
    (void)c;
    put_text(out, evg_node_type_name(vattr(cols, v)->type));
}

static void v_color(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                    size_t v)
{
    const evg_i_vattr *a = vattr(cols, v);
    (void)c;
    if (cols->by_country && a->type == EVG_NODE_PERSON)
        put_text(out, evg_i_palette_color(&cols->palette, a->country));
    else if (cols->by_country && a->type == EVG_NODE_COUNTRY && strchr(a->id, ':'))
        put_text(out, evg_i_palette_color(&cols->palette, strchr(a->id, ':') + 1));
    else
        put_text(out, COLORS[a->type]);
}

/*
 * Node size for Gephi and Gephi Lite: 5 to 30, linear in PageRank (which is
 * positive for every vertex, so isolated people stay visible).
 */
static void v_size(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                   size_t v)
{
    double pr = evg_scores_get(cols->s, EVG_M_PAGERANK, v);
    (void)c;
    put_real(out, cols->max_pr > 0 ? 5.0 + 25.0 * pr / cols->max_pr : 5.0);
}

/*
 * Positions: the layout's units (an edge is about 1 long) times 100, so that
 * nodes of size 5 to 30 sit apart in Gephi, which draws positions as given.
 * Gephi's y grows upwards, the report's pictures' (SVG) downwards: y is
 * counted from the layout's far edge, so that Gephi shows the report's
 * picture, not its mirror, and no position is negative.
 */
#define POSITION_SCALE 100.0

static void v_x(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                size_t v)
{
    (void)c;
    put_real(out, POSITION_SCALE * evg_layout_x(cols->layout, v));
}

static void v_y(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                size_t v)
{
    (void)c;
    put_real(out, POSITION_SCALE *
                      (evg_layout_height(cols->layout) - evg_layout_y(cols->layout, v)));
}

static void v_metric(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                     size_t v)
{
    put_real(out, evg_scores_get(cols->s, (evg_measure)c->arg, v));
}

/* ---- edge getters ------------------------------------------------------ */

static const evg_i_eattr *eattr(const evg_i_columns *cols, size_t e)
{
    return evg_i_graph_eattr(cols->g, e);
}

static void e_text(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                   size_t e)
{
    put_text(out,
             *(const char *const *)(const void *)((const char *)eattr(cols, e) + c->off));
}

static void e_real(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                   size_t e)
{
    put_real(out, *(const double *)(const void *)((const char *)eattr(cols, e) + c->off));
}

static void e_relation(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                       size_t e)
{
    (void)c;
    put_text(out, evg_i_relation_name(eattr(cols, e)->rel));
}

static void e_role(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                   size_t e)
{
    int role = eattr(cols, e)->role;
    (void)c;
    put_text(out, role >= 0 ? evg_role_name((evg_role)role) : NULL);
}

/* ---- the tables -------------------------------------------------------- */

#define NODE(name, type, role, flags, applies, get)                                      \
    {                                                                                    \
        name, type, role, flags, applies, get, 0, 0                                      \
    }
#define TEXT(f, applies, flags)                                                          \
    {                                                                                    \
#f, EVG_I_COL_STRING, EVG_I_ROLE_DATA, flags, applies, v_text,                   \
            offsetof(evg_i_vattr, f), 0                                                  \
    }
#define COUNT(f, applies)                                                                \
    {                                                                                    \
#f, EVG_I_COL_INT, EVG_I_ROLE_DATA, 0, applies, v_count,                         \
            offsetof(evg_i_vattr, f), 0                                                  \
    }
#define METRIC(name, m)                                                                  \
    {                                                                                    \
        name, EVG_I_COL_DOUBLE, EVG_I_ROLE_DATA, EVG_I_COL_SCORES, ALL_TYPES, v_metric,  \
            0, m                                                                         \
    }

#define PERSON T(EVG_NODE_PERSON)
#define MEETING T(EVG_NODE_MEETING)
#define AGREEMENT T(EVG_NODE_AGREEMENT)
#define NAMED_TYPES (PERSON | T(EVG_NODE_ORGANIZATION) | AGREEMENT | T(EVG_NODE_PLACE))
#define IN_COUNTRY_TYPES (PERSON | T(EVG_NODE_ORGANIZATION) | T(EVG_NODE_PLACE))

static const evg_i_column NODE_COLUMNS[] = {
    {"label", EVG_I_COL_STRING, EVG_I_ROLE_LABEL, 0, ALL_TYPES, v_text,
     offsetof(evg_i_vattr, label), 0},
    NODE("type", EVG_I_COL_STRING, EVG_I_ROLE_DATA, 0, ALL_TYPES, v_type),
    NODE("color", EVG_I_COL_STRING, EVG_I_ROLE_COLOR, 0, ALL_TYPES, v_color),
    NODE("size", EVG_I_COL_FLOAT, EVG_I_ROLE_SIZE, EVG_I_COL_SCORES, ALL_TYPES, v_size),
    NODE("x", EVG_I_COL_FLOAT, EVG_I_ROLE_X, EVG_I_COL_LAYOUT, ALL_TYPES, v_x),
    NODE("y", EVG_I_COL_FLOAT, EVG_I_ROLE_Y, EVG_I_COL_LAYOUT, ALL_TYPES, v_y),
    /* people */
    TEXT(titles, PERSON, 0),
    TEXT(title, PERSON, 0),
    TEXT(titles_seen, PERSON, 0),
    TEXT(country, IN_COUNTRY_TYPES, 0),
    TEXT(city, T(EVG_NODE_PLACE), 0),
    TEXT(org, PERSON, 0),
    TEXT(aliases, NAMED_TYPES, 0),
    /* agreements */
    TEXT(kind, AGREEMENT, 0),
    TEXT(signatories, AGREEMENT, 0),
    COUNT(signed_count, AGREEMENT),
    COUNT(referenced_count, AGREEMENT),
    /* meetings */
    TEXT(event_type, MEETING, 0),
    TEXT(status, MEETING, 0),
    TEXT(date, MEETING, 0),
    TEXT(place, MEETING, 0),
    TEXT(place_country, MEETING, 0),
    TEXT(countries, MEETING, 0),
    TEXT(cameo, MEETING, 0),
    TEXT(cameo_name, MEETING, 0),
    TEXT(plover_type, MEETING, 0),
    TEXT(plover_mode, MEETING, 0),
    TEXT(doc, MEETING, 0),
    TEXT(docs, MEETING, 0),
    /* of JSON Lines articles that give them: no column otherwise */
    TEXT(outlets, MEETING, EVG_I_COL_SOME),
    TEXT(urls, MEETING, EVG_I_COL_SOME),
    TEXT(evidence, MEETING, 0),
    COUNT(reports, MEETING),
    COUNT(people, MEETING | T(EVG_NODE_COUNTRY) | T(EVG_NODE_ORGANIZATION)),
    /* every vertex */
    TEXT(first_seen, ALL_TYPES, EVG_I_COL_START),
    TEXT(last_seen, ALL_TYPES, EVG_I_COL_END),
    COUNT(sources, ALL_TYPES),
    COUNT(meetings, PERSON | T(EVG_NODE_COUNTRY)),
    COUNT(events, PERSON | T(EVG_NODE_COUNTRY)),
    NODE("community", EVG_I_COL_INT, EVG_I_ROLE_DATA, 0, ALL_TYPES, v_community),
    METRIC("deg", EVG_M_DEGREE),
    METRIC("strength", EVG_M_STRENGTH),
    METRIC("btw", EVG_M_BETWEENNESS),
    METRIC("clo", EVG_M_CLOSENESS),
    METRIC("eig", EVG_M_EIGENVECTOR),
    METRIC("pr", EVG_M_PAGERANK),
};

#define ETEXT(f, applies, flags)                                                         \
    {                                                                                    \
#f, EVG_I_COL_STRING, EVG_I_ROLE_DATA, flags, applies, e_text,                   \
            offsetof(evg_i_eattr, f), 0                                                  \
    }

static const evg_i_column EDGE_COLUMNS[] = {
    {"label", EVG_I_COL_STRING, EVG_I_ROLE_LABEL, 0, ALL_RELS, e_relation, 0, 0},
    {"relation", EVG_I_COL_STRING, EVG_I_ROLE_DATA, EVG_I_COL_KIND, ALL_RELS, e_relation,
     0, 0},
    {"weight", EVG_I_COL_DOUBLE, EVG_I_ROLE_WEIGHT, 0, ALL_RELS, e_real,
     offsetof(evg_i_eattr, weight), 0},
    {"role", EVG_I_COL_STRING, EVG_I_ROLE_DATA, 0, R(EVG_I_REL_PARTICIPATED_IN), e_role,
     0, 0},
    ETEXT(cameo, R(EVG_I_REL_PARTICIPATED_IN), 0),
    ETEXT(title, R(EVG_I_REL_PARTICIPATED_IN), 0),
    ETEXT(first_date, ALL_RELS, EVG_I_COL_START),
    ETEXT(last_date, ALL_RELS, EVG_I_COL_END),
};

#define N(a) (sizeof(a) / sizeof((a)[0]))

_Static_assert(N(NODE_COLUMNS) <= EVG_I_MAX_COLUMNS, "raise EVG_I_MAX_COLUMNS");
_Static_assert(N(EDGE_COLUMNS) <= EVG_I_MAX_COLUMNS, "raise EVG_I_MAX_COLUMNS");
_Static_assert(EVG_NODE__COUNT <= 32 && EVG_I_REL__COUNT <= 32, "masks are unsigned");

/*
 * The node types and relations a view can hold, which decide the columns it
 * declares. A view not listed here declares every column (values are still
 * written only where they apply).
 */
static void view_scope(unsigned *types_out, unsigned *rels_out, evg_view view)
{
    *types_out = ALL_TYPES;
    *rels_out = ALL_RELS;
    switch (view) {
    case EVG_VIEW_FULL:
        *rels_out = ALL_RELS & ~R(EVG_I_REL_MET);
        break;
    case EVG_VIEW_PEOPLE:
        *types_out = PERSON;
        *rels_out = R(EVG_I_REL_MET);
        break;
    case EVG_VIEW_COUNTRIES:
        *types_out = T(EVG_NODE_COUNTRY);
        *rels_out = R(EVG_I_REL_MET);
        break;
    case EVG_VIEW_BIPARTITE:
        *types_out = PERSON | MEETING;
        *rels_out = R(EVG_I_REL_PARTICIPATED_IN);
        break;
    default:
        break;
    }
}

/* Whether two vertices share more than one edge (NetworkX then needs a multigraph). */
typedef struct {
    size_t a, b;
} end_pair;

static int cmp_pair(const void *x, const void *y)
{
    const end_pair *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    return p->b < q->b ? -1 : p->b > q->b;
}

static int has_parallel_edges(int *out, const evg_graph *g, evg_error *err)
{
    size_t ne = evg_graph_edge_count(g);
    end_pair *pairs;

    *out = 0;
    if (ne < 2)
        return 0;
    if ((pairs = malloc(ne * sizeof(*pairs))) == NULL)
        return evg_i_error_nomem(err);
    for (size_t e = 0; e < ne; e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(g, e);
        pairs[e].a = a->from < a->to ? a->from : a->to; /* undirected */
        pairs[e].b = a->from < a->to ? a->to : a->from;
    }
    qsort(pairs, ne, sizeof(*pairs), cmp_pair);
    for (size_t e = 1; e < ne && !*out; e++)
        *out = cmp_pair(&pairs[e - 1], &pairs[e]) == 0;
    free(pairs);
    return 0;
}

/* Whether some vertex of the type column `c` applies to has a value in it. */
static int some_value(const evg_i_column *c, const evg_i_columns *cols)
{
    evg_i_value val;

    for (size_t v = 0; v < evg_graph_vertex_count(cols->g); v++) {
        if (!(c->applies & T(vattr(cols, v)->type)))
            continue;
        memset(&val, 0, sizeof val);
        c->get(&val, c, cols, v);
        if (val.present)
            return 1;
    }
    return 0;
}

/*
 * Whether column `c` exists with the scores and layout given. A measure that
 * was not computed has no column at all, rather than zeros that would read
 * as scores; the node size, made from PageRank, exists only with PageRank.
 */
static int wanted(const evg_i_column *c, const evg_i_columns *cols)
{
    if (c->flags & EVG_I_COL_SCORES) {
        evg_measure m = c->role == EVG_I_ROLE_SIZE ? EVG_M_PAGERANK : (evg_measure)c->arg;
        if (!evg_scores_has(cols->s, m))
            return 0;
    }
    if ((c->flags & EVG_I_COL_SOME) && !some_value(c, cols))
        return 0;
    return cols->layout || !(c->flags & EVG_I_COL_LAYOUT);
}

/* The people a palette counts: those who met someone in person (`met` marks them). */
static int marked(const void *met, size_t v)
{
    return ((const unsigned char *)met)[v];
}

/*
 * The report's colours (graph/palette.c): counted over the people who met
 * someone in person, an edge of the people view, else an in-person meeting.
 */
static int country_palette(evg_i_columns *out, evg_error *err)
{
    size_t nv = evg_graph_vertex_count(out->g), ne = evg_graph_edge_count(out->g);
    unsigned char *met = calloc(nv + 1, 1);
    int rc;

    if (met == NULL)
        return evg_i_error_nomem(err);
    for (size_t e = 0; e < ne; e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(out->g, e);
        if (a->rel == EVG_I_REL_MET)
            met[a->from] = met[a->to] = 1;
    }
    if (evg_graph_view(out->g) != EVG_VIEW_PEOPLE)
        for (size_t v = 0; v < nv; v++)
            met[v] |= evg_i_graph_vattr(out->g, v)->meetings > 0;
    rc = evg_i_palette_make(&out->palette, out->g, marked, met);
    free(met);
    return rc < 0 ? evg_i_error_nomem(err) : 0;
}

int evg_i_columns_init(evg_i_columns *out, const evg_graph *g, const evg_scores *s,
                       const evg_export_opts *opts, evg_error *err)
{
    unsigned types, rels;
    size_t nv = evg_graph_vertex_count(g);

    memset(out, 0, sizeof(*out));
    out->g = g;
    out->s = s;
    out->layout = opts ? opts->layout : NULL;
    out->by_country = opts && opts->color_by_country;
    if (out->by_country && country_palette(out, err) < 0)
        return EVG_ENOMEM;
    out->view = evg_view_name(evg_graph_view(g));
    out->cutoff = evg_scores_cutoff(s);
    out->filter = evg_graph_filter(g);
    view_scope(&types, &rels, evg_graph_view(g));
    for (size_t v = 0; s && v < nv; v++) {
        double pr = evg_scores_get(s, EVG_M_PAGERANK, v);
        out->max_pr = pr > out->max_pr ? pr : out->max_pr;
    }
    for (size_t i = 0; i < N(NODE_COLUMNS); i++) {
        const evg_i_column *c = &NODE_COLUMNS[i];
        if ((c->applies & types) && wanted(c, out))
            out->node[out->nnode++] = c;
    }
    for (size_t i = 0; i < N(EDGE_COLUMNS); i++) {
        const evg_i_column *c = &EDGE_COLUMNS[i];
        if ((c->applies & rels) && wanted(c, out))
            out->edge[out->nedge++] = c;
    }
    return has_parallel_edges(&out->multigraph, g, err);
}

void evg_i_node_value(evg_i_value *out, const evg_i_columns *cols, const evg_i_column *c,
                      size_t v)
{
    memset(out, 0, sizeof(*out));
    if (c->applies & T(evg_i_graph_vattr(cols->g, v)->type))
        c->get(out, c, cols, v);
}

void evg_i_edge_value(evg_i_value *out, const evg_i_columns *cols, const evg_i_column *c,
                      size_t e)
{
    memset(out, 0, sizeof(*out));
    if (c->applies & R(evg_i_graph_eattr(cols->g, e)->rel))
        c->get(out, c, cols, e);
}

const char *evg_i_value_text(char buf[32], const evg_i_column *c, const evg_i_value *v)
{
    switch (c->type) {
    case EVG_I_COL_STRING:
        return v->text;
    case EVG_I_COL_INT:
        snprintf(buf, 32, "%lld", v->integer);
        return buf;
    default:
        return evg_i_fmt_double(buf, v->real);
    }
}

/* Whether `s` is an ISO date YYYY-MM-DD (the form GEXF's timeformat="date" takes). */
static int iso_date(const char *s)
{
    static const char shape[] = "dddd-dd-dd";

    for (size_t i = 0; i < sizeof shape - 1; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
            return 0;
    return s[sizeof shape - 1] == '\0';
}

/* The interval from the START and END columns of `list`, read with `get`. */
static void interval(const char **start_out, const char **end_out,
                     const evg_i_column *const *list, size_t n, const evg_i_columns *cols,
                     size_t i, int node)
{
    const char *ends[2] = {NULL, NULL};
    const unsigned flag[2] = {EVG_I_COL_START, EVG_I_COL_END};

    for (int k = 0; k < 2; k++) {
        const evg_i_column *c = evg_i_columns_find(list, n, EVG_I_ROLE_DATA, flag[k]);
        evg_i_value val;
        if (c == NULL || c->type != EVG_I_COL_STRING)
            continue;
        if (node)
            evg_i_node_value(&val, cols, c, i);
        else
            evg_i_edge_value(&val, cols, c, i);
        if (val.present && iso_date(val.text))
            ends[k] = val.text;
    }
    *start_out = ends[0] ? ends[0] : ends[1];
    *end_out = ends[1] ? ends[1] : ends[0];
    /* An end before the start would make Gephi reject the interval. */
    if (*start_out && strcmp(*start_out, *end_out) > 0)
        *end_out = *start_out;
}

void evg_i_node_interval(const char **start_out, const char **end_out,
                         const evg_i_columns *cols, size_t v)
{
    interval(start_out, end_out, cols->node, cols->nnode, cols, v, 1);
}

void evg_i_edge_interval(const char **start_out, const char **end_out,
                         const evg_i_columns *cols, size_t e)
{
    interval(start_out, end_out, cols->edge, cols->nedge, cols, e, 0);
}

const evg_i_column *evg_i_columns_find(const evg_i_column *const *list, size_t n,
                                       evg_i_colrole role, unsigned flag)
{
    for (size_t i = 0; i < n; i++)
        if (list[i]->role == role && (flag == 0 || (list[i]->flags & flag)))
            return list[i];
    return NULL;
}

static int hex_digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

int evg_i_color_rgb(int rgb_out[3], const char *hex)
{
    if (hex == NULL || hex[0] != '#' || strlen(hex) != 7)
        return -1;
    for (int k = 0; k < 3; k++) {
        int hi = hex_digit(hex[1 + 2 * k]), lo = hex_digit(hex[2 + 2 * k]);
        if (hi < 0 || lo < 0)
            return -1;
        rgb_out[k] = hi * 16 + lo;
    }
    return 0;
}
