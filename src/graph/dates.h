#ifndef EVG_GRAPH_DATES_H
#define EVG_GRAPH_DATES_H

/*
 * Gathering the dates of an element's meetings into EVG_I_DATES form
 * (graph_internal.h): add dates, then join them, sorted and each once, into
 * an arena. The gatherer is reused from one element to the next.
 */
#include "graph/graph_internal.h"
#include "util/arena.h"

typedef struct {
    const char **v; /* each points at EVG_I_DATE_LEN bytes of a date */
    size_t n, cap;
} evg_i_dates;

#define EVG_I_DATES_INIT                                                                 \
    {                                                                                    \
        NULL, 0, 0                                                                       \
    }

/* Add `date` (NULL, or not "YYYY-MM-DD": nothing added). 0 or EVG_ENOMEM. */
int evg_i_dates_add(evg_i_dates *d, const char *date);
/* Add every date of an EVG_I_DATES list (NULL: none). 0 or EVG_ENOMEM. */
int evg_i_dates_add_list(evg_i_dates *d, const char *dates);
/*
 * The dates added, in EVG_I_DATES form, in `a`: NULL when fewer than two
 * distinct. Empties `d` for the next element. 0 or EVG_ENOMEM.
 */
int evg_i_dates_join(const char **out, evg_i_dates *d, evg_i_arena *a);
void evg_i_dates_free(evg_i_dates *d);

/*
 * Every vertex's dates in a full-view graph read back from a file, from its
 * edges: the people and the countries that took part in each meeting, the
 * agreements and places of it, as the merge notes them (merge/links.c);
 * and the dates of the signatory edges of several meetings (the meetings
 * that signed the agreement with the person there). Other views: nothing.
 * 0 or EVG_ENOMEM.
 */
int evg_i_graph_full_dates(evg_graph *g);

#endif
