#ifndef EVG_UTIL_SPELLING_H
#define EVG_UTIL_SPELLING_H

#include "util/buf.h"

/*
 * The spelling skeleton of a folded name or slug `k` into `out` (replaced,
 * NUL-terminated): the letters that spelling variants of one name share.
 * German and English renderings and transliterations (sch/sh, tch/ch, ph/f,
 * ck/k, y/i) are made one and a doubled letter counts once, so
 * "george-shultz" and "george-schultz", "francois-mitterrand" and
 * "francois-mitterand", "nikolai" and "nikolay" have the same skeleton.
 * Variants are decided against it, never pairwise. Returns 0 or EVG_ENOMEM.
 */
int evg_i_spelling_skeleton(evg_i_buf *out, const char *k);

#endif
