#ifndef EVG_GRAPH_IGRAPH_BOUNDARY_H
#define EVG_GRAPH_IGRAPH_BOUNDARY_H

/*
 * The igraph boundary (STYLE.md 4.3): one error handler that records igraph's
 * reason and frees its finally stack instead of aborting, and a macro that
 * turns each igraph call's status into ours. Only src/graph/ and
 * src/analysis/ include igraph.
 */
#include <igraph.h>

#include "util/error.h"

/* Wrap an igraph call in a function that declares `int rc` and `cleanup:`. */
#define EVG_IGRAPH(expr)                                                                 \
    do {                                                                                 \
        igraph_error_t ig_ = (expr);                                                     \
        if (ig_ != IGRAPH_SUCCESS) {                                                     \
            rc = evg_i_from_igraph(ig_, err);                                            \
            goto cleanup;                                                                \
        }                                                                                \
    } while (0)

/* Install the handler (idempotent). */
void evg_i_igraph_init(void);

/*
 * Map an igraph status to EVG_ENOMEM or EVG_EGRAPH, moving the recorded
 * reason into `err` (may be NULL) and clearing it.
 */
int evg_i_from_igraph(igraph_error_t code, evg_error *err);

#endif
