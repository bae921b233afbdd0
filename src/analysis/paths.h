#ifndef EVG_ANALYSIS_PATHS_H
#define EVG_ANALYSIS_PATHS_H

/*
 * Shortest paths for queries, on a graph given as pairs of vertex indices
 * (a query's own selection of meetings), computed by igraph. No igraph type
 * appears here.
 */
#include <stddef.h>

#include "evgraph/error.h"

/*
 * The shortest path from `from` to `to` in the undirected graph of `nv`
 * vertices whose edges are pairs[2i], pairs[2i+1] (i < npairs), every edge
 * of length 1 (igraph's breadth-first igraph_get_shortest_path; among paths
 * of equal length the one igraph's search meets first, which depends only
 * on the order of vertices and edges). The vertices along it, `from` first
 * and `to` last, in `*path_out` (free()) and their number in `*len_out`;
 * 0 vertices and NULL when `to` cannot be reached. Returns 0, EVG_EINVAL
 * (an index out of range), EVG_ENOMEM or EVG_EGRAPH.
 */
int evg_i_shortest_path(size_t **path_out, size_t *len_out, size_t nv,
                        const size_t *pairs, size_t npairs, size_t from, size_t to,
                        evg_error *err);

#endif
