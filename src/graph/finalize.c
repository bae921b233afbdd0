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
#include "merge/merge.h"
#include "graph/dates.h"
#include "graph/graph_impl.h"

typedef struct {
    const char *base; /* NMTOKEN-safe raw id */
    const char *id;   /* base, or base.N when several raw ids share it */
    const char *raw;
    size_t bi; /* builder index */
} slot;

int evg_i_view_keeps(evg_view view, evg_node_type type, size_t events)
{
    switch (view) {
    case EVG_VIEW_PEOPLE:
        return type == EVG_NODE_PERSON && events > 0;
    case EVG_VIEW_COUNTRIES:
        return type == EVG_NODE_COUNTRY && events > 0;
    case EVG_VIEW_BIPARTITE:
        return type == EVG_NODE_MEETING || (type == EVG_NODE_PERSON && events > 0);
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

/*
 * Whether `id` is taken: the form of a vertex (binary search: `s` is sorted
 * by form, so no table of every form is needed) or an id given already.
 */
static int taken(const slot *s, size_t n, const evg_i_strmap *given, const evg_i_buf *id)
{
    size_t lo = 0, hi = n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(s[mid].base, id->ptr);
        if (c == 0)
            return 1;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return evg_i_strmap_get(given, id->ptr, id->len) >= 0;
}

/*
 * Give the second and later raw ids sharing a safe form the ids base.2,
 * base.3...; the number of ids so changed, or EVG_ENOMEM.
 */
static long uniquify(slot *s, size_t n, evg_i_builder *b)
{
    evg_i_strmap given = EVG_I_STRMAP_INIT;
    evg_i_buf buf = EVG_I_BUF_INIT;
    long rc = 0;

    for (size_t i = 1; i < n; i++) { /* sorted: equal forms are adjacent */
        size_t k = 2;
        if (strcmp(s[i].base, s[i - 1].base) != 0)
            continue;
        do {
            evg_i_buf_clear(&buf);
            if (evg_i_buf_printf(&buf, "%s.%zu", s[i].base, k++) < 0)
                goto nomem;
        } while (taken(s, n, &given, &buf));
        if ((s[i].id = evg_i_arena_strdup(b->arena, buf.ptr)) == NULL ||
            evg_i_strmap_put(&given, buf.ptr, buf.len, (long)i) < 0)
            goto nomem;
        rc++;
    }
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(b->err);
cleanup:
    evg_i_strmap_free(&given);
    evg_i_buf_free(&buf);
    return rc;
}

/*
 * Order `s`, sorted by form, by id: the few renamed ids (base.2...) sorted
 * on their own and merged in, rather than every id sorted again. Ids are
 * unique, so this is the order a sort by id gives. 0 or EVG_ENOMEM.
 */
static int order_by_id(slot *s, size_t n, size_t renamed)
{
    slot *moved = calloc(renamed, sizeof(*moved));
    slot *kept = calloc(n - renamed + 1, sizeof(*kept));
    size_t nm = 0, nk = 0, i = 0, j = 0;

    if (moved == NULL || kept == NULL) {
        free(moved);
        free(kept);
        return EVG_ENOMEM;
    }
    for (size_t k = 0; k < n; k++) {
        if (s[k].id != s[k].base)
            moved[nm++] = s[k];
        else
            kept[nk++] = s[k];
    }
    qsort(moved, nm, sizeof(*moved), by_id);
    for (size_t k = 0; k < n; k++) {
        int take_kept = j == nm || (i < nk && strcmp(kept[i].id, moved[j].id) < 0);
        s[k] = take_kept ? kept[i++] : moved[j++];
    }
    free(moved);
    free(kept);
    return 0;
}

/*
 * With drop_mentions or a filter: which vertices a (kept) event reaches. Meetings; what
 * an edge joins to a meeting (its people and parties, agreements, place); then the
 * countries and organizations of the people reached. NULL when not asked;
 * EVG_ENOMEM in *rc.
 */
static unsigned char *reached(const evg_i_builder *b, int *rc)
{
    unsigned char *in;

    *rc = 0;
    if (!b->drop_mentions && !b->filtering)
        return NULL;
    if ((in = calloc(b->nv + 1, 1)) == NULL) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    for (size_t i = 0; i < b->nv; i++)
        in[i] = b->v[i].type == EVG_NODE_MEETING;
    for (size_t e = 0; e < b->ne; e++) {
        const evg_i_eattr *a = &b->e[e];
        if (b->v[a->from].type == EVG_NODE_MEETING)
            in[a->to] = 1;
        if (b->v[a->to].type == EVG_NODE_MEETING)
            in[a->from] = 1;
    }
    for (size_t e = 0; e < b->ne; e++) {
        const evg_i_eattr *a = &b->e[e];
        if ((a->rel == EVG_I_REL_REPRESENTS || a->rel == EVG_I_REL_MEMBER_OF) &&
            b->v[a->from].type == EVG_NODE_PERSON && in[a->from])
            in[a->to] = 1;
    }
    return in;
}

/* Kept vertices in final order; `final[bi]` their index, SIZE_MAX if dropped. */
static int order_vertices(slot **out, size_t *n_out, size_t *final, evg_i_builder *b,
                          evg_view view)
{
    evg_i_buf buf = EVG_I_BUF_INIT;
    slot *s = NULL;
    size_t n = 0;
    long renamed;
    int rc = 0;

    unsigned char *in = reached(b, &rc);

    if (rc < 0 || (b->nv && (s = calloc(b->nv, sizeof(*s))) == NULL))
        goto nomem;
    for (size_t i = 0; i < b->nv; i++) {
        final[i] = SIZE_MAX;
        if (!evg_i_view_keeps(view, b->v[i].type, b->v[i].events) || (in && !in[i]))
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
    if ((renamed = uniquify(s, n, b)) < 0) {
        rc = (int)renamed;
        goto cleanup;
    }
    /* Without renamed ids, the ids are the forms, in order already. */
    if (renamed && order_by_id(s, n, (size_t)renamed) < 0)
        goto nomem;
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
    free(in);
    evg_i_buf_free(&buf);
    return rc;
}

int evg_i_edge_cmp(const void *a, const void *b)
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

#define FEW_EDGES 16 /* a run an insertion sort orders faster than qsort() */

/* Sort a run of edges of one source by evg_i_edge_cmp(), stably. */
static void sort_run(evg_i_eattr *e, size_t n)
{
    if (n > FEW_EDGES) {
        qsort(e, n, sizeof(*e), evg_i_edge_cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        evg_i_eattr x = e[i];
        size_t j = i;
        for (; j > 0 && evg_i_edge_cmp(&e[j - 1], &x) > 0; j--)
            e[j] = e[j - 1];
        e[j] = x;
    }
}

/*
 * Sort edges by evg_i_edge_cmp(): bucketed by source first (a counting sort,
 * linear), then each source's run sorted. Edges equal by evg_i_edge_cmp() keep
 * their order, as qsort()'s merge sort keeps it: the first of them gives
 * the merged edge its role and CAMEO code. Falls back on qsort() when out
 * of memory.
 */
static void sort_edges(evg_i_eattr *e, size_t n)
{
    size_t nv = 0, *start;
    evg_i_eattr *tmp;

    for (size_t i = 0; i < n; i++)
        nv = e[i].from + 1 > nv ? e[i].from + 1 : nv;
    start = calloc(nv + 1, sizeof(*start));
    tmp = malloc(n * sizeof(*tmp));
    if (start == NULL || tmp == NULL) {
        qsort(e, n, sizeof(*e), evg_i_edge_cmp);
    } else {
        for (size_t i = 0; i < n; i++)
            start[e[i].from + 1]++;
        for (size_t v = 0; v < nv; v++)
            start[v + 1] += start[v];
        for (size_t i = 0; i < n; i++) /* start[v] becomes the end of v's run */
            tmp[start[e[i].from]++] = e[i];
        memcpy(e, tmp, n * sizeof(*e));
        for (size_t v = 0, at = 0; v < nv; at = start[v++])
            sort_run(e + at, start[v] - at);
    }
    free(start);
    free(tmp);
}

/*
 * The dates of the group e[0..n) of parallel edges into `d`: every edge's
 * list, or its one date. 1 when each edge had its day (a list or first ==
 * last, or none), 0 when one spans a range without a list of its own.
 */
static int group_dates(evg_i_dates *d, const evg_i_eattr *e, size_t n, int *fail)
{
    for (size_t i = 0; i < n; i++) {
        if (e[i].dates) {
            *fail |= evg_i_dates_add_list(d, e[i].dates) < 0;
        } else if (e[i].first_date && e[i].last_date &&
                   strcmp(e[i].first_date, e[i].last_date) != 0) {
            d->n = 0;
            return 0;
        } else {
            *fail |= evg_i_dates_add(d, e[i].first_date) < 0;
        }
    }
    return 1;
}

int evg_i_edges_merge(size_t *kept_out, evg_i_eattr *e, size_t n, evg_i_arena *a)
{
    evg_i_dates d = EVG_I_DATES_INIT;
    size_t kept = 0;
    int fail = 0;

    if (n)
        sort_edges(e, n);
    for (size_t i = 0, j; i < n; i = j) {
        evg_i_eattr m = e[i];
        for (j = i + 1;
             j < n && e[j].from == m.from && e[j].to == m.to && e[j].rel == m.rel; j++) {
            m.weight += e[j].weight;
            widen(&m.first_date, &m.last_date, e[j].first_date, e[j].last_date);
        }
        /* parallel edges: the days of their meetings, each once */
        if (j - i > 1) {
            m.dates = NULL;
            if (group_dates(&d, e + i, j - i, &fail) && !fail)
                fail |= evg_i_dates_join(&m.dates, &d, a) < 0;
        }
        e[kept++] = m;
    }
    evg_i_dates_free(&d);
    *kept_out = kept;
    return fail ? EVG_ENOMEM : 0;
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
    if (evg_i_edges_merge(&g->ne, g->e, n, b->arena) < 0)
        return EVG_ENOMEM;
    for (size_t i = 0; i < g->ne; i++) { /* dates were borrowed from the corpus */
        evg_i_eattr *e = &g->e[i];
        if ((e->first_date &&
             (e->first_date = evg_i_arena_strdup(b->arena, e->first_date)) == NULL) ||
            (e->last_date &&
             (e->last_date = evg_i_arena_strdup(b->arena, e->last_date)) == NULL))
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

/*
 * Every kept vertex's dates (EVG_I_DATES) from the builder's (vertex, date)
 * pairs, grouped by vertex with a counting sort: linear, plus a sort of
 * each vertex's own dates.
 */
static int vertex_dates(evg_graph *g, const evg_i_builder *b, const slot *s)
{
    size_t *start = calloc(b->nv + 1, sizeof(*start));
    const char **date = calloc(b->ntook + 1, sizeof(*date));
    evg_i_dates d = EVG_I_DATES_INIT;
    int rc = 0;

    if (start == NULL || date == NULL) {
        rc = EVG_ENOMEM;
        goto cleanup;
    }
    for (size_t i = 0; i < b->ntook; i++)
        start[b->took[i].v + 1]++;
    for (size_t v = 0; v < b->nv; v++)
        start[v + 1] += start[v];
    for (size_t i = 0; i < b->ntook; i++) /* start[v] becomes the end of v's run */
        date[start[b->took[i].v]++] = b->took[i].date;
    for (size_t i = 0; i < g->nv && rc == 0; i++) {
        size_t bi = s[i].bi, at = bi ? start[bi - 1] : 0;
        for (size_t k = at; k < start[bi] && rc == 0; k++)
            rc = evg_i_dates_add(&d, date[k]);
        if (rc == 0)
            rc = evg_i_dates_join(&g->v[i].dates, &d, b->arena);
    }
cleanup:
    free(start);
    free(date);
    evg_i_dates_free(&d);
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
    if (vertex_dates(g, b, s) < 0 || fill_edges(g, b, final) < 0) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    EVG_CHECK(evg_i_graph_create_igraph(g, b->err));
    EVG_CHECK(evg_i_graph_communities(g, b->err));
    g->stats = b->stats;
    EVG_CHECK(evg_i_filter_describe(&g->filter, b));
cleanup:
    free(final);
    free(s);
    return rc;
}
