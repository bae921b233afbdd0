/*
 * Positions for drawing a graph (the network picture of reports). A force
 * layout of a whole graph with many components lets the small ones drift to
 * the edges and leaves the picture mostly empty, so each connected component
 * is laid out on its own with igraph's Fruchterman-Reingold (Fruchterman and
 * Reingold 1991), scaled to a size that grows with the square root of its
 * vertex count (so all are about as dense), and the components are packed in
 * rows ("shelves"), largest first; vertices without edges come last, in a
 * grid of their own.
 */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/analysis.h"
#include "graph/graph_impl.h"
#include "util/optsinit.h"

EVG_I_OPTS_INIT_FN(evg_layout_opts_init, evg_layout_opts, EVG_LAYOUT_OPTS_VERSION,
                   EVG_LAYOUT_OPTS_INIT)

#define EVG_LAYOUT_ITERATIONS 500
#define EVG_LAYOUT_UNIT 1.0   /* a component of V vertices is V^0.75 units wide */
#define EVG_LAYOUT_MARGIN 1.2 /* between components: room for names */

struct evg_layout {
    size_t n;
    double *x, *y;
    size_t *comp; /* component rank of each vertex */
    size_t ncomp;
    double width, height;
};

/* One component: its vertices and edges, and the size of its box once laid out. */
typedef struct {
    size_t first_v, nv; /* into the vertex order */
    size_t first_e, ne; /* into the edge order */
    size_t low;         /* its lowest vertex, for ties */
    double w, h;
} component;

static int by_size(const void *a, const void *b)
{
    const component *x = a, *y = b;

    if (x->nv != y->nv)
        return x->nv > y->nv ? -1 : 1;
    return x->low < y->low ? -1 : x->low > y->low;
}

static int layout_new(evg_layout **out, size_t n, evg_error *err)
{
    evg_layout *l = calloc(1, sizeof(*l));

    *out = NULL;
    if (l == NULL)
        return evg_i_error_nomem(err);
    l->n = n;
    if (n && ((l->x = calloc(n, sizeof(double))) == NULL ||
              (l->y = calloc(n, sizeof(double))) == NULL ||
              (l->comp = calloc(n, sizeof(size_t))) == NULL)) {
        evg_layout_free(l);
        return evg_i_error_nomem(err);
    }
    *out = l;
    return 0;
}

/*
 * Number the components by rank into l->comp, fill `comps` (ranked), and
 * order vertex and edge indices by component in `vorder` and `eorder`.
 */
static int find_components(evg_layout *l, component **comps_out, size_t *vorder,
                           size_t *eorder, const evg_graph *g, evg_error *err)
{
    igraph_vector_int_t memb;
    igraph_integer_t no = 0;
    component *c = NULL;
    size_t *rank = NULL, ne = evg_graph_edge_count(g);
    int have_memb = 0, rc = 0;

    EVG_IGRAPH(igraph_vector_int_init(&memb, 0));
    have_memb = 1;
    EVG_IGRAPH(igraph_connected_components(evg_i_graph_igraph(g), &memb, NULL, &no,
                                           IGRAPH_WEAK));
    if ((c = calloc((size_t)no + 1, sizeof(*c))) == NULL ||
        (rank = calloc((size_t)no + 1, sizeof(*rank))) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    for (size_t i = 0; i < (size_t)no; i++)
        c[i].low = SIZE_MAX;
    for (size_t v = l->n; v-- > 0;) {
        component *k = &c[VECTOR(memb)[v]];
        k->nv++;
        k->low = v;
    }
    /* Sort by size, remembering which igraph component went where. */
    for (size_t i = 0; i < (size_t)no; i++)
        c[i].first_v = i;
    qsort(c, (size_t)no, sizeof(*c), by_size);
    for (size_t i = 0; i < (size_t)no; i++)
        rank[c[i].first_v] = i;
    for (size_t v = 0; v < l->n; v++)
        l->comp[v] = rank[VECTOR(memb)[v]];
    l->ncomp = (size_t)no;
    /* Counting sort of vertices and edges by component rank. */
    for (size_t i = 0, at = 0; i < (size_t)no; i++) {
        c[i].first_v = at;
        at += c[i].nv;
        c[i].nv = 0;
    }
    for (size_t v = 0; v < l->n; v++) {
        component *k = &c[l->comp[v]];
        vorder[k->first_v + k->nv++] = v;
    }
    for (size_t e = 0; e < ne; e++)
        c[l->comp[evg_i_graph_eattr(g, e)->from]].ne++;
    for (size_t i = 0, at = 0; i < (size_t)no; i++) {
        c[i].first_e = at;
        at += c[i].ne;
        c[i].ne = 0;
    }
    for (size_t e = 0; e < ne; e++) {
        component *k = &c[l->comp[evg_i_graph_eattr(g, e)->from]];
        eorder[k->first_e + k->ne++] = e;
    }
    *comps_out = c;
    c = NULL;
cleanup:
    if (have_memb)
        igraph_vector_int_destroy(&memb);
    free(c);
    free(rank);
    return rc;
}

/*
 * Turn a component's positions so that its longest extent lies across:
 * pairs and chains come out horizontal, which packs better on a wide page.
 * The angle is that of the principal axis of the points (their covariance).
 */
static void turn_flat(igraph_matrix_t *res, size_t n)
{
    double mx = 0, my = 0, sxx = 0, syy = 0, sxy = 0, a, c, s;

    for (size_t i = 0; i < n; i++)
        mx += MATRIX(*res, i, 0) / (double)n, my += MATRIX(*res, i, 1) / (double)n;
    for (size_t i = 0; i < n; i++) {
        double dx = MATRIX(*res, i, 0) - mx, dy = MATRIX(*res, i, 1) - my;
        sxx += dx * dx, syy += dy * dy, sxy += dx * dy;
    }
    a = 0.5 * atan2(2 * sxy, sxx - syy);
    c = cos(-a);
    s = sin(-a);
    for (size_t i = 0; i < n; i++) {
        double dx = MATRIX(*res, i, 0) - mx, dy = MATRIX(*res, i, 1) - my;
        MATRIX(*res, i, 0) = dx * c - dy * s;
        MATRIX(*res, i, 1) = dx * s + dy * c;
    }
}

/*
 * Scale positions `res` so that the longer side of the component is
 * V^0.75 * EVG_LAYOUT_UNIT: a large component gets more room than its share
 * of vertices, since it holds the structure worth reading, and its dense
 * core needs it. Then move it to the origin.
 */
static void normalize(evg_layout *l, component *k, const size_t *vorder,
                      igraph_matrix_t *res)
{
    double minx = INFINITY, miny = INFINITY, maxx = -INFINITY, maxy = -INFINITY, side, s;

    turn_flat(res, k->nv);
    for (size_t i = 0; i < k->nv; i++) {
        minx = fmin(minx, MATRIX(*res, i, 0));
        miny = fmin(miny, MATRIX(*res, i, 1));
        maxx = fmax(maxx, MATRIX(*res, i, 0));
        maxy = fmax(maxy, MATRIX(*res, i, 1));
    }
    side = fmax(maxx - minx, maxy - miny);
    s = side > 1e-9 ? pow((double)k->nv, 0.75) * EVG_LAYOUT_UNIT / side : 0;
    for (size_t i = 0; i < k->nv; i++) {
        size_t v = vorder[k->first_v + i];
        l->x[v] = (MATRIX(*res, i, 0) - minx) * s;
        l->y[v] = (MATRIX(*res, i, 1) - miny) * s;
    }
    k->w = (maxx - minx) * s;
    k->h = (maxy - miny) * s;
}

/* Lay out component `k` alone; `local` maps graph vertices to component indices. */
static int layout_component(evg_layout *l, component *k, const size_t *vorder,
                            const size_t *eorder, size_t *local, const evg_graph *g,
                            unsigned long seed, evg_error *err)
{
    igraph_t ig;
    igraph_vector_int_t edges;
    igraph_vector_t w;
    igraph_matrix_t res;
    int have_ig = 0, have_edges = 0, have_w = 0, have_res = 0, rc = 0;

    for (size_t i = 0; i < k->nv; i++)
        local[vorder[k->first_v + i]] = i;
    EVG_IGRAPH(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * k->ne)));
    have_edges = 1;
    EVG_IGRAPH(igraph_vector_init(&w, (igraph_integer_t)k->ne));
    have_w = 1;
    for (size_t i = 0; i < k->ne; i++) {
        const evg_i_eattr *e = evg_i_graph_eattr(g, eorder[k->first_e + i]);
        VECTOR(edges)[2 * i] = (igraph_integer_t)local[e->from];
        VECTOR(edges)[2 * i + 1] = (igraph_integer_t)local[e->to];
        VECTOR(w)[i] = e->weight > 0 ? e->weight : 1.0;
    }
    EVG_IGRAPH(igraph_create(&ig, &edges, (igraph_integer_t)k->nv, IGRAPH_UNDIRECTED));
    have_ig = 1;
    EVG_IGRAPH(igraph_matrix_init(&res, 0, 0));
    have_res = 1;
    igraph_rng_seed(igraph_rng_default(), seed);
    EVG_IGRAPH(igraph_layout_fruchterman_reingold(
        &ig, &res, 0, EVG_LAYOUT_ITERATIONS, sqrt((double)k->nv), IGRAPH_LAYOUT_AUTOGRID,
        &w, NULL, NULL, NULL, NULL));
    normalize(l, k, vorder, &res);
cleanup:
    if (have_res)
        igraph_matrix_destroy(&res);
    if (have_ig)
        igraph_destroy(&ig);
    if (have_w)
        igraph_vector_destroy(&w);
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    return rc;
}

/*
 * Shelf packing: components left to right in rows of a width that makes the
 * whole about 3:2, a new row when the next does not fit, and a new row for
 * the first vertex without edges.
 */
static void pack(evg_layout *l, const component *c, const size_t *vorder)
{
    double area = 0, row_w = 0, x = 0, y = 0, row_h = 0;

    for (size_t i = 0; i < l->ncomp; i++) {
        area += (c[i].w + EVG_LAYOUT_MARGIN) * (c[i].h + EVG_LAYOUT_MARGIN);
        row_w = fmax(row_w, c[i].w + EVG_LAYOUT_MARGIN);
    }
    row_w = fmax(row_w, sqrt(area * 1.5));
    for (size_t i = 0; i < l->ncomp; i++) {
        double w = c[i].w + EVG_LAYOUT_MARGIN, h = c[i].h + EVG_LAYOUT_MARGIN;
        int first_isolate = c[i].nv == 1 && (i == 0 || c[i - 1].nv > 1);
        if (x > 0 && (x + w > row_w + 1e-9 || first_isolate)) {
            y += row_h;
            x = row_h = 0;
        }
        for (size_t j = 0; j < c[i].nv; j++) {
            size_t v = vorder[c[i].first_v + j];
            l->x[v] += x + EVG_LAYOUT_MARGIN / 2;
            l->y[v] += y + EVG_LAYOUT_MARGIN / 2;
        }
        x += w;
        row_h = fmax(row_h, h);
        l->width = fmax(l->width, x);
    }
    l->height = y + row_h;
}

int evg_layout_compute(evg_layout **out, const evg_graph *g, const evg_layout_opts *opts,
                       evg_error *err)
{
    evg_layout *l = NULL;
    component *comps = NULL;
    size_t *vorder = NULL, *eorder = NULL, *local = NULL;
    size_t n = evg_graph_vertex_count(g), ne = evg_graph_edge_count(g);
    unsigned long seed = opts ? opts->seed : 20241223UL;
    int rc = 0;

    *out = NULL;
    evg_i_igraph_init();
    if (opts && opts->version != EVG_LAYOUT_OPTS_VERSION)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unsupported layout options");
    EVG_CHECK(layout_new(&l, n, err));
    if (n == 0)
        goto done;
    if ((vorder = calloc(n, sizeof(*vorder))) == NULL ||
        (local = calloc(n, sizeof(*local))) == NULL ||
        (ne && (eorder = calloc(ne, sizeof(*eorder))) == NULL)) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    EVG_CHECK(find_components(l, &comps, vorder, eorder, g, err));
    for (size_t i = 0; i < l->ncomp && comps[i].nv > 1; i++)
        EVG_CHECK(layout_component(l, &comps[i], vorder, eorder, local, g, seed, err));
    pack(l, comps, vorder);
done:
    *out = l;
    l = NULL;
cleanup:
    free(comps);
    free(vorder);
    free(eorder);
    free(local);
    evg_layout_free(l);
    return rc;
}

double evg_layout_x(const evg_layout *l, size_t v)
{
    return l && v < l->n ? l->x[v] : 0.0;
}

double evg_layout_y(const evg_layout *l, size_t v)
{
    return l && v < l->n ? l->y[v] : 0.0;
}

double evg_layout_width(const evg_layout *l)
{
    return l ? l->width : 0.0;
}

double evg_layout_height(const evg_layout *l)
{
    return l ? l->height : 0.0;
}

size_t evg_layout_component(const evg_layout *l, size_t v)
{
    return l && v < l->n ? l->comp[v] : SIZE_MAX;
}

size_t evg_layout_component_count(const evg_layout *l)
{
    return l ? l->ncomp : 0;
}

void evg_layout_free(evg_layout *l)
{
    if (l == NULL)
        return;
    free(l->x);
    free(l->y);
    free(l->comp);
    free(l);
}
