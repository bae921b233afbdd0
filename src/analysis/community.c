/*
 * Communities: Louvain modularity optimisation (Blondel, Guillaume, Lambiotte,
 * Lefebvre 2008, "Fast unfolding of communities in large networks"), igraph's
 * igraph_community_multilevel, on the undirected weighted graph, resolution
 * 1. Louvain visits vertices in a random order: igraph's generator is seeded
 * with a fixed value first, so the same graph always gives the same
 * communities. They are then numbered by decreasing size (ties: by their
 * first vertex, and vertices are sorted by id), so that community 0 is the
 * largest whatever numbers igraph gave. Time: about O(E) per level,
 * O(V log V) levels at worst.
 */
#include <stdlib.h>

#include "analysis/analysis_internal.h"

#define EVG_COMMUNITY_SEED 20250512

typedef struct {
    size_t size, first, label; /* label: igraph's number */
} community;

static int by_size(const void *a, const void *b)
{
    const community *x = a, *y = b;

    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return (x->first > y->first) - (x->first < y->first);
}

/* Renumber `m` (n labels below n) by decreasing community size. */
static int renumber(long *out, const igraph_vector_int_t *m, size_t n)
{
    community *c = calloc(n + 1, sizeof(*c));
    long *rank = calloc(n + 1, sizeof(*rank));

    if (c == NULL || rank == NULL) {
        free(c);
        free(rank);
        return EVG_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        c[i].first = SIZE_MAX;
    for (size_t v = 0; v < n; v++) {
        size_t k = (size_t)VECTOR(*m)[v];
        c[k].label = k;
        c[k].size++;
        if (c[k].first == SIZE_MAX)
            c[k].first = v;
    }
    qsort(c, n, sizeof(*c), by_size);
    for (size_t i = 0; i < n && c[i].size > 0; i++)
        rank[c[i].label] = (long)i;
    for (size_t v = 0; v < n; v++)
        out[v] = rank[VECTOR(*m)[v]];
    free(c);
    free(rank);
    return 0;
}

int evg_i_communities(long *out, const igraph_t *ig, const igraph_vector_t *weights,
                      evg_error *err)
{
    igraph_vector_int_t membership;
    size_t n = (size_t)igraph_vcount(ig);
    int have = 0, rc = 0;

    if (n == 0)
        return 0;
    EVG_IGRAPH(igraph_vector_int_init(&membership, 0));
    have = 1;
    igraph_rng_seed(igraph_rng_default(), EVG_COMMUNITY_SEED);
    EVG_IGRAPH(igraph_community_multilevel(ig, igraph_ecount(ig) ? weights : NULL, 1.0,
                                           &membership, NULL, NULL));
    for (size_t v = 0; v < n; v++)
        if (VECTOR(membership)[v] < 0 || (size_t)VECTOR(membership)[v] >= n) {
            rc = evg_i_error_set(err, EVG_EGRAPH, NULL, 0, 0, "community out of range");
            goto cleanup;
        }
    if (renumber(out, &membership, n) < 0)
        rc = evg_i_error_nomem(err);
cleanup:
    if (have)
        igraph_vector_int_destroy(&membership);
    return rc;
}
