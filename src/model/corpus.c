#include <stdlib.h>

#include "model/corpus_internal.h"
#include "util/buf.h"

int evg_corpus_new(evg_corpus **out, evg_error *err)
{
    if ((*out = calloc(1, sizeof(**out))) == NULL)
        return evg_i_error_nomem(err);
    return 0;
}

int evg_corpus_add_doc(evg_corpus *c, evg_doc *d, evg_error *err)
{
    if (evg_i_grow((void **)&c->docs, &c->cap, c->ndocs + 1, sizeof(*c->docs)) < 0) {
        evg_doc_free(d);
        return evg_i_error_nomem(err);
    }
    c->docs[c->ndocs++] = d;
    return 0;
}

size_t evg_corpus_doc_count(const evg_corpus *c)
{
    return c->ndocs;
}

const evg_doc *evg_corpus_doc(const evg_corpus *c, size_t i)
{
    return c->docs[i];
}

void evg_corpus_free(evg_corpus *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->ndocs; i++)
        evg_doc_free(c->docs[i]);
    free(c->docs);
    free(c);
}
