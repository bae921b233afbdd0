#ifndef EVG_MODEL_CORPUS_INTERNAL_H
#define EVG_MODEL_CORPUS_INTERNAL_H

#include "evgraph/corpus.h"

struct evg_corpus {
    evg_doc **docs;
    size_t ndocs, cap;
};

#endif
