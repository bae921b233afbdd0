#ifndef EVG_UTIL_UTF8_H
#define EVG_UTIL_UTF8_H

#include <stddef.h>

#include "util/buf.h"

/*
 * Append `n` bytes of `s` to `out`, replacing every invalid UTF-8 sequence
 * and every NUL byte by U+FFFD. `*nbad_out` (may be NULL) receives how many
 * were replaced and `*first_bad_out` (may be NULL) the byte offset of the
 * first. Returns 0 or EVG_ENOMEM.
 */
int evg_i_utf8_repair(evg_i_buf *out, const char *s, size_t n, size_t *nbad_out,
                      size_t *first_bad_out);

/* Whether `n` bytes of `s` are valid UTF-8 without NUL bytes. */
int evg_i_utf8_valid(const char *s, size_t n);

/*
 * Append the folded form of `s` to `out`: compatibility decomposition, case
 * folding and marks stripped by utf8proc, plus the Latin letters that have no
 * decomposition (ı, ø, đ, ł, æ, œ, þ) mapped to ASCII. "Selçuk" and "SELCUK"
 * both fold to "selcuk". Returns 0 or EVG_ENOMEM.
 */
int evg_i_fold(evg_i_buf *out, const char *s, size_t n);

/*
 * Append a slug of `s` to `out`: folded, runs of anything but ASCII letters
 * and digits turned into one '-', no leading or trailing '-'. Characters that
 * fold to non-ASCII letters are kept as UTF-8 (NMTOKEN-safe in XML ids is the
 * exporter's business). Returns 0 or EVG_ENOMEM.
 */
int evg_i_slug(evg_i_buf *out, const char *s, size_t n);

#endif
