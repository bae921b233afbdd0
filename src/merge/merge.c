/*
 * The merge's stages in order: the documents and their mentions, which
 * mentions name the same thing, one vertex per thing with its attributes
 * chosen, one meeting per set of reports, and the documents behind each.
 */
#include "merge/merge.h"

int evg_i_merge(evg_i_builder *b, const evg_corpus *c)
{
    int rc = 0;

    EVG_CHECK(evg_i_collect(b, c));
    EVG_CHECK(evg_i_resolve(b));
    EVG_CHECK(evg_i_take_entities(b));
    EVG_CHECK(evg_i_take_meetings(b));
    EVG_CHECK(evg_i_count_sources(b));
cleanup:
    return rc;
}
