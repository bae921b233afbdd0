/*
 * Graphs derived from a built graph: the people, countries and bipartite
 * views of a full graph (so that a graph read from GraphML answers the same
 * questions as one built from events), and the neighbourhood of a vertex.
 * The views follow finalize.c and links.c: the vertices a view keeps
 * (evg_i_view_keeps(), one rule for both), in the
 * same id order; "met" once per in-person reported meeting, dated with the
 * meeting's date; parallel edges summed with their dates widened; the
 * communities of the new graph. A test checks that the people, countries and
 * bipartite views made here are byte for byte the views built from events.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "graph/graph_impl.h"
#include "graph/views.h"
#include "util/buf.h"

typedef struct {
    evg_i_eattr *v;
    size_t n, cap;
} edge_list;

static int push_edge(edge_list *l, const evg_i_eattr *e)
{
    if (evg_i_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
        return EVG_ENOMEM;
    l->v[l->n++] = *e;
    return 0;
}

/* Every string of `src` copied into the arena of `g`. */
static int copy_vertex(evg_i_vattr *dst, const evg_i_vattr *src, evg_graph *g)
{
    const char **fields[] = {
        &dst->id,          &dst->label,      &dst->titles,      &dst->country,
        &dst->org,         &dst->kind,       &dst->event_type,  &dst->status,
        &dst->date,        &dst->place,      &dst->doc,         &dst->evidence,
        &dst->first_seen,  &dst->last_seen,  &dst->title,       &dst->titles_seen,
        &dst->aliases,     &dst->docs,       &dst->countries,   &dst->place_country,
        &dst->cameo,       &dst->cameo_name, &dst->plover_type, &dst->plover_mode,
        &dst->signatories, &dst->city,       &dst->dates,
    };
    int fail = 0;

    *dst = *src;
    dst->community = EVG_I_NO_COMMUNITY;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        *fields[i] = evg_i_arena_copy(&g->arena, *fields[i], &fail);
    return fail ? EVG_ENOMEM : 0;
}

/* The edges sorted, parallel ones summed, their strings copied: into g->e. */
static int take_edges(evg_graph *g, edge_list *l)
{
    int fail = 0;

    for (size_t i = 0; i < l->n; i++) /* lists of the source graph, before joining */
        l->v[i].dates = evg_i_arena_copy(&g->arena, l->v[i].dates, &fail);
    if (fail || evg_i_edges_merge(&g->ne, l->v, l->n, &g->arena) < 0)
        return EVG_ENOMEM;
    for (size_t i = 0; i < g->ne; i++) {
        l->v[i].first_date = evg_i_arena_copy(&g->arena, l->v[i].first_date, &fail);
        l->v[i].last_date = evg_i_arena_copy(&g->arena, l->v[i].last_date, &fail);
        l->v[i].cameo = evg_i_arena_copy(&g->arena, l->v[i].cameo, &fail);
        l->v[i].title = evg_i_arena_copy(&g->arena, l->v[i].title, &fail);
    }
    g->e = l->v; /* the list's array becomes the graph's */
    l->v = NULL;
    return fail ? EVG_ENOMEM : 0;
}

/* igraph's graph and every vertex's community. */
static int finish(evg_graph *g, evg_error *err)
{
    int rc = evg_i_graph_create_igraph(g, err);

    return rc < 0 ? rc : evg_i_graph_communities(g, err);
}

/* A new graph of view `view` holding the vertices of `src` that `final` maps. */
static int new_graph(evg_graph **out, const evg_graph *src, evg_view view,
                     const size_t *final)
{
    evg_graph *g = calloc(1, sizeof(*g));
    size_t n = 0;

    *out = NULL;
    if (g == NULL)
        return EVG_ENOMEM;
    *out = g;
    g->view = view;
    g->stats = src->stats;
    for (size_t v = 0; v < src->nv; v++)
        n += final[v] != SIZE_MAX;
    if (n && (g->v = calloc(n, sizeof(*g->v))) == NULL)
        return EVG_ENOMEM;
    for (size_t v = 0; v < src->nv; v++) {
        if (final[v] == SIZE_MAX)
            continue;
        if (copy_vertex(&g->v[g->nv], &src->v[v], g) < 0)
            return EVG_ENOMEM;
        g->type_count[g->v[g->nv++].type]++;
    }
    return 0;
}

/* Add "met" between every two of the `n` vertices `at` (new indices), dated `date`. */
static int met_pairs(edge_list *l, const size_t *at, size_t n, const char *date)
{
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 1; j < n; j++) {
            evg_i_eattr e = {0};
            e.from = at[i] < at[j] ? at[i] : at[j];
            e.to = at[i] < at[j] ? at[j] : at[i];
            e.rel = EVG_I_REL_MET;
            e.role = -1;
            e.weight = 1.0;
            e.first_date = e.last_date = date;
            if (push_edge(l, &e) < 0)
                return EVG_ENOMEM;
        }
    return 0;
}

/* The vertex of the country with code `cc` in `full`, or SIZE_MAX. */
static size_t country_vertex(const evg_graph *full, const char *cc)
{
    char id[64];
    size_t v;

    snprintf(id, sizeof id, "country:%s", cc);
    return evg_graph_find_vertex(&v, full, id) == 0 ? v : SIZE_MAX;
}

/* Insert `x` into the ascending set at[0..*n) unless it is there. */
static void add_unique(size_t *at, size_t *n, size_t x)
{
    size_t i = 0;

    while (i < *n && at[i] < x)
        i++;
    if (i < *n && at[i] == x)
        return;
    memmove(at + i + 1, at + i, (*n - i) * sizeof(*at));
    at[i] = x;
    (*n)++;
}

/*
 * The "met" edges of the people or countries view: for each in-person
 * reported meeting, its people (or their countries) pairwise. `byto`
 * holds the participated_in edges of `full` ordered by meeting.
 */
static int met_edges(edge_list *l, const evg_graph *full, const size_t *final,
                     evg_view view, const size_t *byto, size_t nby)
{
    size_t *at = calloc(nby + 1, sizeof(*at));
    int rc = 0;

    if (at == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < nby && rc == 0;) {
        size_t m = full->e[byto[i]].to, n = 0, j = i;
        for (; j < nby && full->e[byto[j]].to == m; j++) {
            const evg_i_vattr *p = &full->v[full->e[byto[j]].from];
            size_t c;
            /* a country that took part as a party stands for itself (the countries
             * view keeps it; the people view keeps no country) */
            if (p->type == EVG_NODE_COUNTRY && final[full->e[byto[j]].from] != SIZE_MAX)
                add_unique(at, &n, final[full->e[byto[j]].from]);
            if (p->type != EVG_NODE_PERSON)
                continue;
            if (view == EVG_VIEW_PEOPLE && final[full->e[byto[j]].from] != SIZE_MAX)
                add_unique(at, &n, final[full->e[byto[j]].from]);
            else if (p->country && (c = country_vertex(full, p->country)) != SIZE_MAX &&
                     final[c] != SIZE_MAX)
                add_unique(at, &n, final[c]);
        }
        /* the people view joins no one of a meeting of too many (graph.h) */
        if (evg_i_vattr_met(&full->v[m]) &&
            (view != EVG_VIEW_PEOPLE || n <= EVG_MAX_MEETING_PEOPLE))
            rc = met_pairs(l, at, n, full->v[m].date);
        i = j;
    }
    free(at);
    return rc;
}

/*
 * The participated_in edges of `full`, grouped by meeting (a counting sort
 * on the target); within a meeting in edge order, that is by person.
 */
static int participations(size_t **out, size_t *n_out, const evg_graph *full)
{
    size_t *start = calloc(full->nv + 1, sizeof(*start));
    size_t *p = calloc(full->ne + 1, sizeof(*p)), n = 0;

    *out = NULL;
    *n_out = 0;
    if (start == NULL || p == NULL) {
        free(start);
        free(p);
        return EVG_ENOMEM;
    }
    for (size_t e = 0; e < full->ne; e++)
        if (full->e[e].rel == EVG_I_REL_PARTICIPATED_IN) {
            start[full->e[e].to + 1]++;
            n++;
        }
    for (size_t v = 0; v < full->nv; v++)
        start[v + 1] += start[v];
    for (size_t e = 0; e < full->ne; e++)
        if (full->e[e].rel == EVG_I_REL_PARTICIPATED_IN)
            p[start[full->e[e].to]++] = e;
    free(start);
    *out = p;
    *n_out = n;
    return 0;
}

/* The edges of the view: met pairs, or the participations between kept vertices. */
static int view_edges(edge_list *l, const evg_graph *full, const size_t *final,
                      evg_view view)
{
    size_t *byto = NULL, nby = 0;
    int rc = 0;

    if (view == EVG_VIEW_FULL || view == EVG_VIEW_BIPARTITE) {
        for (size_t e = 0; e < full->ne && rc == 0; e++) {
            evg_i_eattr a = full->e[e];
            if ((view == EVG_VIEW_BIPARTITE && a.rel != EVG_I_REL_PARTICIPATED_IN) ||
                final[a.from] == SIZE_MAX || final[a.to] == SIZE_MAX)
                continue;
            a.from = final[a.from];
            a.to = final[a.to];
            rc = push_edge(l, &a);
        }
        return rc;
    }
    if ((rc = participations(&byto, &nby, full)) == 0)
        rc = met_edges(l, full, final, view, byto, nby);
    free(byto);
    return rc;
}

int evg_i_graph_project(evg_graph **out, const evg_graph *full, evg_view view,
                        evg_error *err)
{
    evg_graph *g = NULL;
    edge_list l = {NULL, 0, 0};
    size_t *final = NULL, n = 0;
    int rc = 0;

    *out = NULL;
    if (full->view != EVG_VIEW_FULL || (size_t)view > EVG_VIEW_BIPARTITE)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "a view is made from the full graph only");
    if ((final = calloc(full->nv + 1, sizeof(*final))) == NULL)
        goto nomem;
    for (size_t v = 0; v < full->nv; v++)
        final[v] =
            evg_i_view_keeps(view, full->v[v].type, full->v[v].events) ? n++ : SIZE_MAX;
    if (new_graph(&g, full, view, final) < 0 || view_edges(&l, full, final, view) < 0 ||
        take_edges(g, &l) < 0)
        goto nomem;
    EVG_CHECK(finish(g, err));
    *out = g;
    g = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(err);
cleanup:
    free(final);
    free(l.v);
    evg_graph_free(g);
    return rc;
}

/* Number in `final` the vertices within `order` edges of `center`; others SIZE_MAX. */
static int neighbourhood(size_t *final, const evg_graph *g, size_t center, unsigned order,
                         evg_error *err)
{
    igraph_vector_int_list_t res;
    int have_res = 0, rc = 0;
    size_t n = 0;

    for (size_t v = 0; v < g->nv; v++)
        final[v] = SIZE_MAX;
    if (center >= g->nv)
        return 0;
    EVG_IGRAPH(igraph_vector_int_list_init(&res, 0));
    have_res = 1;
    EVG_IGRAPH(igraph_neighborhood(&g->ig, &res, igraph_vss_1((igraph_integer_t)center),
                                   (igraph_integer_t)order, IGRAPH_ALL, 0));
    {
        const igraph_vector_int_t *vs = igraph_vector_int_list_get_ptr(&res, 0);
        for (igraph_integer_t i = 0; i < igraph_vector_int_size(vs); i++)
            final[VECTOR(*vs)[i]] = 0;
    }
    for (size_t v = 0; v < g->nv; v++) /* new indices in id order */
        if (final[v] != SIZE_MAX)
            final[v] = n++;
cleanup:
    if (have_res)
        igraph_vector_int_list_destroy(&res);
    return rc;
}

int evg_i_graph_ego(evg_graph **out, const evg_graph *g, size_t center, unsigned order,
                    evg_error *err)
{
    evg_graph *sub = NULL;
    edge_list l = {NULL, 0, 0};
    size_t *final = NULL;
    int rc = 0;

    *out = NULL;
    if ((final = calloc(g->nv + 1, sizeof(*final))) == NULL)
        goto nomem;
    EVG_CHECK(neighbourhood(final, g, center, order, err));
    if (new_graph(&sub, g, g->view, final) < 0)
        goto nomem;
    for (size_t e = 0; e < g->ne; e++) {
        evg_i_eattr a = g->e[e];
        if (final[a.from] == SIZE_MAX || final[a.to] == SIZE_MAX)
            continue;
        a.from = final[a.from];
        a.to = final[a.to];
        if (push_edge(&l, &a) < 0)
            goto nomem;
    }
    if (take_edges(sub, &l) < 0)
        goto nomem;
    EVG_CHECK(finish(sub, err));
    *out = sub;
    sub = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(err);
cleanup:
    free(final);
    free(l.v);
    evg_graph_free(sub);
    return rc;
}
