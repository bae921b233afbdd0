/*
 * Results computed once per distinct text. A large corpus names the same
 * official, ministry, place and title in thousands of documents; folding
 * and slugging each occurrence again (utf8proc, a temporary buffer each)
 * cost more than the rest of the merge.
 */
#include <stdlib.h>

#include "merge/merge.h"

const evg_i_memo_val *evg_i_memo_get(const evg_i_memo *m, const char *text, size_t len)
{
    long i = evg_i_strmap_get(&m->map, text, len);

    return i < 0 ? NULL : &m->v[i];
}

int evg_i_memo_put(evg_i_memo *m, const char *text, size_t len, evg_i_memo_val val)
{
    if (evg_i_grow((void **)&m->v, &m->cap, m->n + 1, sizeof(*m->v)) < 0 ||
        evg_i_strmap_put(&m->map, text, len, (long)m->n) < 0)
        return EVG_ENOMEM;
    m->v[m->n++] = val;
    return 0;
}

void evg_i_memo_free(evg_i_memo *m)
{
    evg_i_strmap_free(&m->map);
    free(m->v);
    m->v = NULL;
    m->n = m->cap = 0;
}
