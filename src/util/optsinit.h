#ifndef EVG_UTIL_OPTSINIT_H
#define EVG_UTIL_OPTSINIT_H

/*
 * The body of a public evg_<name>_opts_init() (libgit2's git_*_options_init):
 * `*opts` set to the struct's _INIT macro, for callers that cannot expand a
 * C macro (bindings). `version` must be the _VERSION the caller was built
 * against, which is the library's: a struct of another version has another
 * size. Returns 0, or EVG_EINVAL (NULL opts, other version; opts untouched).
 */
#include "evgraph/error.h"

#define EVG_I_OPTS_INIT_FN(fn, type, VERSION, INIT)                                      \
    int fn(type *opts, unsigned version)                                                 \
    {                                                                                    \
        const type init = INIT;                                                          \
        if (opts == NULL || version != (VERSION))                                        \
            return EVG_EINVAL;                                                           \
        *opts = init;                                                                    \
        return 0;                                                                        \
    }

#endif
