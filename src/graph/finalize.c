/*
 * Builder -> graph: choose what the view shows, give vertices unique XML-safe
 * ids, sort vertices by id and edges by (source, target, relation), sum
 * parallel edges, create the igraph graph and find its communities. Sorting
 * makes the output independent of input order; time O((V + E) log(V + E))
 * plus the communities'.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_internal.h"
#include "graph/build_internal.h"
#include "graph/graph_impl.h"

typedef struct {
    const char *base; /* NMTOKEN-safe raw id */
    const char *id;   /* base, or base.N when several raw ids share it */
    const char *raw;
    size_t bi; /* builder index */
} slot;

static int keep_vertex(const evg_i_bvertex *v, evg_view view)
{
    /*
     * The people view keeps every person who took part in at least one event
     * of any kind, so someone who only phoned or only has a planned visit is
     * an isolated vertex; people merely mentioned are left out. Countries
     * likewise with their officials' events.
     */
    switch (view) {
    case EVG_VIEW_PEOPLE:
        return v->type == EVG_NODE_PERSON && v->events > 0;
    case EVG_VIEW_COUNTRIES:
        return v->type == EVG_NODE_COUNTRY && v->events > 0;
    case EVG_VIEW_BIPARTITE:
        return v->type == EVG_NODE_MEETING || (v->type == EVG_NODE_PERSON && v->events > 0);
    default:
        return 1;
    }
}

/* "met" joins people in the people view and countries in the countries view. */
static int keep_edge(const evg_i_eattr *e, const evg_i_builder *b, evg_view view)
{
    evg_node_type from = b->v[e->from].type;

    switch (view) {
    case EVG_VIEW_PEOPLE:
        return e->rel == EVG_I_REL_MET && from == EVG_NODE_PERSON;
    case EVG_VIEW_COUNTRIES:
        return e->rel == EVG_I_REL_MET && from == EVG_NODE_COUNTRY;
    case EVG_VIEW_BIPARTITE:
        return e->rel == EVG_I_REL_PARTICIPATED_IN;
    default:
        return e->rel != EVG_I_REL_MET;
    }
}

static int by_base(const void *a, const void *b)
{
    const slot *x = a, *y = b;
    int c = strcmp(x->base, y->base);
    return c ? c : strcmp(x->raw, y->raw);
}

static int by_id(const void *a, const void *b)
{
    return strcmp(((const slot *)a)->id, ((const slot *)b)->id);
}

/* Give the second and later raw ids sharing a safe form the ids base.2, base.3... */
static int uniquify(slot *s, size_t n, evg_i_builder *b)
{
    evg_i_strmap taken = EVG_I_STRMAP_INIT;
    evg_i_buf buf = EVG_I_BUF_INIT;
    int rc = 0;

    for (size_t i = 0; i < n; i++)
        if (evg_i_strmap_put(&taken, s[i].base, strlen(s[i].base), (long)i) < 0)
            goto nomem;
    for (size_t i = 1; i < n; i++) {
        size_t k = 2;
        if (strcmp(s[i].base, s[i - 1].base) != 0)
            continue;
        do {
            evg_i_buf_clear(&buf);
            if (evg_i_buf_printf(&buf, "%s.%zu", s[i].base, k++) < 0)
                goto nomem;
        } while (evg_i_strmap_get(&taken, buf.ptr, buf.len) >= 0);
        if ((s[i].id = evg_i_arena_strdup(b->arena, buf.ptr)) == NULL ||
            evg_i_strmap_put(&taken, buf.ptr, buf.len, (long)i) < 0)
            goto nomem;
    }
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(b->err);
cleanup:
    evg_i_strmap_free(&taken);
    evg_i_buf_free(&buf);
    return rc;
}

/* Kept vertices in final order; `final[bi]` their index, SIZE_MAX if dropped. */
static int order_vertices(slot **out, size_t *n_out, size_t *final, evg_i_builder *b,
                          evg_view view)
{
    evg_i_buf buf = EVG_I_BUF_INIT;
    slot *s = NULL;
    size_t n = 0;
    int rc = 0;

    if (b->nv && (s = calloc(b->nv, sizeof(*s))) == NULL)
        goto nomem;
    for (size_t i = 0; i < b->nv; i++) {
        final[i] = SIZE_MAX;
        if (!keep_vertex(&b->v[i], view))
            continue;
        evg_i_buf_clear(&buf);
        if (evg_i_nmtoken(&buf, b->v[i].idbase ? b->v[i].idbase : b->v[i].raw) < 0 ||
            (s[n].base = evg_i_arena_strdup(b->arena, buf.ptr)) == NULL)
            goto nomem;
        s[n].id = s[n].base;
        s[n].raw = b->v[i].raw;
        s[n++].bi = i;
    }
    if (n)
        qsort(s, n, sizeof(*s), by_base);
    EVG_CHECK(uniquify(s, n, b));
    if (n)
        qsort(s, n, sizeof(*s), by_id);
    for (size_t i = 0; i < n; i++)
        final[s[i].bi] = i;
    *out = s;
    *n_out = n;
    s = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(b->err);
cleanup:
    free(s);
    evg_i_buf_free(&buf);
    return rc;
}

static int by_edge(const void *a, const void *b)
{
    const evg_i_eattr *x = a, *y = b;

    if (x->from != y->from)
        return x->from < y->from ? -1 : 1;
    if (x->to != y->to)
        return x->to < y->to ? -1 : 1;
    if (x->rel != y->rel)
        return x->rel < y->rel ? -1 : 1;
    return x->role < y->role ? -1 : x->role > y->role;
}

static void widen(const char **first, const char **last, const char *f, const char *l)
{
    if (f && (*first == NULL || strcmp(f, *first) < 0))
        *first = f;
    if (l && (*last == NULL || strcmp(l, *last) > 0))
        *last = l;
}

size_t evg_i_edges_merge(evg_i_eattr *e, size_t n)
{
    size_t kept = 0;

    if (n)
        qsort(e, n, sizeof(*e), by_edge);
    for (size_t i = 0; i < n; i++) {
        evg_i_eattr *last = kept ? &e[kept - 1] : NULL;
        if (last && last->from == e[i].from && last->to == e[i].to && last->rel == e[i].rel) {
            last->weight += e[i].weight;
            widen(&last->first_date, &last->last_date, e[i].first_date, e[i].last_date);
        } else {
            e[kept++] = e[i];
        }
    }
    return kept;
}

/* The kept edges, renumbered, sorted, parallel ones summed, into g->e. */
static int fill_edges(evg_graph *g, const evg_i_builder *b, const size_t *final)
{
    size_t n = 0;

    if (b->ne && (g->e = calloc(b->ne, sizeof(*g->e))) == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < b->ne; i++) {
        evg_i_eattr e = b->e[i];
        if (!keep_edge(&e, b, g->view) || final[e.from] == SIZE_MAX ||
            final[e.to] == SIZE_MAX)
            continue;
        e.from = final[b->e[i].from];
        e.to = final[b->e[i].to];
        if (e.rel == EVG_I_REL_MET && e.from > e.to) { /* undirected: smaller id first */
            e.to = final[b->e[i].from];
            e.from = final[b->e[i].to];
        }
        g->e[n++] = e;
    }
    g->ne = evg_i_edges_merge(g->e, n);
    for (size_t i = 0; i < g->ne; i++) { /* dates were borrowed from the corpus */
        evg_i_eattr *e = &g->e[i];
        if ((e->first_date && (e->first_date = evg_i_arena_strdup(b->arena, e->first_date)) == NULL) ||
            (e->last_date && (e->last_date = evg_i_arena_strdup(b->arena, e->last_date)) == NULL))
            return EVG_ENOMEM;
    }
    return 0;
}

int evg_i_graph_communities(evg_graph *g, evg_error *err)
{
    igraph_vector_t w;
    long *c = NULL;
    int have_w = 0, rc = 0;

    if (g->nv == 0)
        return 0;
    if ((c = calloc(g->nv, sizeof(*c))) == NULL)
        return evg_i_error_nomem(err);
    EVG_IGRAPH(igraph_vector_init(&w, (igraph_integer_t)g->ne));
    have_w = 1;
    for (size_t e = 0; e < g->ne; e++)
        VECTOR(w)[e] = g->e[e].weight;
    EVG_CHECK(evg_i_communities(c, &g->ig, &w, err));
    for (size_t v = 0; v < g->nv; v++)
        g->v[v].community = c[v];
cleanup:
    if (have_w)
        igraph_vector_destroy(&w);
    free(c);
    return rc;
}

int evg_i_finalize(evg_graph *g, evg_i_builder *b)
{
    size_t *final = NULL, n = 0;
    slot *s = NULL;
    int rc = 0;

    if (b->nv && (final = calloc(b->nv, sizeof(*final))) == NULL) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    EVG_CHECK(order_vertices(&s, &n, final, b, g->view));
    if (n && (g->v = calloc(n, sizeof(*g->v))) == NULL) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        EVG_CHECK(evg_i_fill_vertex(&g->v[i], b, s[i].bi, s[i].id));
        g->type_count[g->v[i].type]++;
        g->nv++;
    }
    if (fill_edges(g, b, final) < 0) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    EVG_CHECK(evg_i_graph_create_igraph(g, b->err));
    EVG_CHECK(evg_i_graph_communities(g, b->err));
    g->stats = b->stats;
cleanup:
    free(final);
    free(s);
    return rc;
}
