/* Shortest chains for queries: igraph's breadth-first search on a list of pairs. */
#include <stdlib.h>

#include "analysis/paths.h"
#include "graph/igraph_boundary.h"

int evg_i_shortest_path(size_t **path_out, size_t *len_out, size_t nv,
                        const size_t *pairs, size_t npairs, size_t from, size_t to,
                        evg_error *err)
{
    igraph_vector_int_t edges, vs;
    igraph_t ig;
    int have_edges = 0, have_vs = 0, have_ig = 0, rc = 0;
    size_t *path = NULL, n;

    *path_out = NULL;
    *len_out = 0;
    if (from >= nv || to >= nv)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no such vertex");
    evg_i_igraph_init();
    EVG_IGRAPH(igraph_vector_int_init(&edges, (igraph_integer_t)(2 * npairs)));
    have_edges = 1;
    for (size_t i = 0; i < 2 * npairs; i++) {
        if (pairs[i] >= nv) {
            rc = evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no such vertex");
            goto cleanup;
        }
        VECTOR(edges)[i] = (igraph_integer_t)pairs[i];
    }
    EVG_IGRAPH(igraph_create(&ig, &edges, (igraph_integer_t)nv, IGRAPH_UNDIRECTED));
    have_ig = 1;
    EVG_IGRAPH(igraph_vector_int_init(&vs, 0));
    have_vs = 1;
    /* Unreachable: an empty path and a warning, which the warning handler drops. */
    EVG_IGRAPH(igraph_get_shortest_path(&ig, &vs, NULL, (igraph_integer_t)from,
                                        (igraph_integer_t)to, IGRAPH_ALL));
    n = (size_t)igraph_vector_int_size(&vs);
    if (n > 0) {
        if ((path = calloc(n, sizeof(*path))) == NULL) {
            rc = evg_i_error_nomem(err);
            goto cleanup;
        }
        for (size_t i = 0; i < n; i++)
            path[i] = (size_t)VECTOR(vs)[i];
        *path_out = path;
        *len_out = n;
    }
cleanup:
    if (have_vs)
        igraph_vector_int_destroy(&vs);
    if (have_ig)
        igraph_destroy(&ig);
    if (have_edges)
        igraph_vector_int_destroy(&edges);
    return rc;
}
