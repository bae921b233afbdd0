/* PLACEHOLDER while the extractor is written: documents without events. */
#include <stdlib.h>

#include "evgraph/extract.h"
#include "model/doc_internal.h"
#include "util/error.h"

struct evg_lexicon {
    int unused;
};

int evg_lexicon_load(evg_lexicon **out, const char *const *paths, size_t npaths, evg_error *err)
{
    (void)paths, (void)npaths;
    if ((*out = calloc(1, sizeof(**out))) == NULL)
        return evg_i_error_nomem(err);
    return 0;
}

void evg_lexicon_free(evg_lexicon *lx)
{
    free(lx);
}

int evg_extract(evg_doc **out, const evg_article *a, const evg_lexicon *lx,
                const evg_extract_opts *opts, evg_error *err)
{
    (void)lx, (void)opts;
    return evg_i_doc_new(out, evg_article_id(a), evg_article_path(a), evg_article_date(a),
                         evg_article_title(a), err);
}
