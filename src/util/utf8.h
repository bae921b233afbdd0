#ifndef EVG_UTIL_UTF8_H
#define EVG_UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

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

/*
 * Whether code point c must not reach a terminal as it is: a control
 * character (C0, DEL, C1), a bidirectional control (U+061C, U+200E, U+200F,
 * U+202A to U+202E, U+2066 to U+2069) or the line and paragraph separators
 * (U+2028, U+2029). They move the cursor, recolour or retitle the terminal,
 * or reverse the text that follows them.
 */
int evg_i_unsafe_char(int32_t c);

/* evg_i_text_escape(): tab, line feed and carriage return become spaces. */
#define EVG_I_ESC_FLAT 1u

/*
 * Append `n` bytes of `s` to `out` as text for a terminal or a tab-separated
 * line: each unsafe character (evg_i_unsafe_char()) as a visible escape,
 * `\x1b` below U+0080 and `\u202e` above, a byte that is no UTF-8 as `\xff`,
 * a backslash as `\\`, so that the text reads back unambiguously; everything
 * else as it is. Returns 0 or EVG_ENOMEM.
 */
int evg_i_text_escape(evg_i_buf *out, const char *s, size_t n, unsigned flags);

#endif
