#ifndef EVG_MODEL_PLACE_H
#define EVG_MODEL_PLACE_H

#include "util/buf.h"

/*
 * Append the label of a place to `out`: its name, then ", " and its city when
 * the name does not hold the city's words already ("Defense Ministry, Baku";
 * "Baku"; "Baku Congress Center"). The slug of the label is the place's key:
 * the entity id after "place:" in the record, the vertex key in the graph, so
 * that a venue of one city is not the venue of the same name in another.
 * `city` may be NULL. Returns 0 or EVG_ENOMEM.
 */
int evg_i_place_label(evg_i_buf *out, const char *name, const char *city);

#endif
