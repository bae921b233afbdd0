#ifndef EVG_UTIL_UTF8_H
#define EVG_UTIL_UTF8_H

#include <stddef.h>

#include "util/buf.h"

/*
 * Append `n` bytes of `s` to `out`, replacing every byte that does not start
 * a valid UTF-8 sequence (a stray continuation byte, a truncated or overlong
 * sequence, a surrogate, a NUL byte) by U+FFFD, one per byte. `*nbad_out`
 * (may be NULL) receives how many bytes were replaced and `*first_bad_out`
 * (may be NULL) the offset in `s` of the first. Returns 0 or EVG_ENOMEM.
 */
int evg_i_utf8_repair(evg_i_buf *out, const char *s, size_t n, size_t *nbad_out,
                      size_t *first_bad_out);

/* Whether `n` bytes of `s` are valid UTF-8 without NUL bytes. */
int evg_i_utf8_valid(const char *s, size_t n);

/*
 * Append the folded form of `s` to `out`: compatibility decomposition, case
 * folding and marks stripped by utf8proc, plus the Latin letters that have no
 * decomposition (ı, ø, đ, ł, æ, œ, þ, ð) mapped to ASCII and the typographic
 * apostrophes (’ ‘ ʼ) to "'". "Selçuk" and "SELCUK" both fold to "selcuk".
 * Returns 0 or EVG_ENOMEM.
 */
int evg_i_fold(evg_i_buf *out, const char *s, size_t n);

/*
 * Append a slug of `s` to `out`: folded, apostrophes dropped ("O'Brien" ->
 * "obrien"), runs of anything but letters and digits turned into one '-', no
 * leading or trailing '-'. Letters of other scripts are kept as UTF-8
 * (NMTOKEN-safety in XML ids is the exporter's business); punctuation and
 * symbols outside ASCII (dashes, quotes, guillemets) separate like ASCII
 * ones. Returns 0 or EVG_ENOMEM.
 */
int evg_i_slug(evg_i_buf *out, const char *s, size_t n);

#endif
