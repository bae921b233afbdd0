#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util/utf8.h"

static const char REPLACEMENT[] = "\xEF\xBF\xBD";

int evg_i_utf8_repair(evg_i_buf *out, const char *s, size_t n, size_t *nbad_out,
                      size_t *first_bad_out)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, run = 0, nbad = 0, first = 0;

    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k;

        if (p[i] >= 0x01 && p[i] < 0x80) { /* ASCII fast path */
            i++;
            continue;
        }
        k = p[i] == 0 ? -1 : utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k > 0) {
            i += (size_t)k;
            continue;
        }
        if (evg_i_buf_put(out, s + run, i - run) < 0 ||
            evg_i_buf_put(out, REPLACEMENT, 3) < 0)
            return EVG_ENOMEM;
        if (nbad++ == 0)
            first = i;
        i++;
        run = i;
    }
    if (evg_i_buf_put(out, s + run, n - run) < 0)
        return EVG_ENOMEM;
    if (nbad_out)
        *nbad_out = nbad;
    if (first_bad_out)
        *first_bad_out = first;
    return 0;
}

int evg_i_utf8_valid(const char *s, size_t n)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0;

    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k;

        if (p[i] >= 0x01 && p[i] < 0x80) {
            i++;
            continue;
        }
        if (p[i] == 0)
            return 0;
        k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return 0;
        i += (size_t)k;
    }
    return 1;
}

/* Letters that neither decompose nor case-fold to ASCII. */
static const char *extra_fold(utf8proc_int32_t cp)
{
    switch (cp) {
    case 0x0131:
        return "i"; /* ı dotless i */
    case 0x00F8:
        return "o"; /* ø */
    case 0x0111:
        return "d"; /* đ */
    case 0x0142:
        return "l"; /* ł */
    case 0x00E6:
        return "ae"; /* æ */
    case 0x0153:
        return "oe"; /* œ */
    case 0x00FE:
        return "th"; /* þ */
    case 0x00F0:
        return "d"; /* ð */
    case 0x2018:    /* left single quotation mark */
    case 0x2019:    /* right single quotation mark, as in O’Brien */
    case 0x02BC:
        return "'"; /* modifier letter apostrophe */
    default:
        return NULL;
    }
}

int evg_i_fold(evg_i_buf *out, const char *s, size_t n)
{
    size_t i;
    utf8proc_uint8_t *mapped = NULL;
    utf8proc_ssize_t len;

    for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++)
        ;
    if (i == n) { /* ASCII: lower-case and done */
        if (evg_i_buf_grow(out, n) < 0)
            return EVG_ENOMEM;
        for (i = 0; i < n; i++) {
            char c = s[i];
            out->ptr[out->len++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
        }
        out->ptr[out->len] = '\0';
        return 0;
    }
    len = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &mapped,
                       UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_CASEFOLD |
                           UTF8PROC_STRIPMARK);
    if (len < 0) /* invalid UTF-8 cannot reach here after ingest; copy as is */
        return evg_i_buf_put(out, s, n);
    for (utf8proc_ssize_t j = 0; j < len;) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(mapped + j, len - j, &cp);
        const char *x = k > 0 ? extra_fold(cp) : NULL;
        if (k <= 0)
            k = 1;
        if ((x ? evg_i_buf_puts(out, x)
               : evg_i_buf_put(out, (char *)mapped + j, (size_t)k)) < 0) {
            free(mapped);
            return EVG_ENOMEM;
        }
        j += k;
    }
    free(mapped);
    return 0;
}

/* Whether a code point above ASCII belongs in a slug: letters, digits, marks. */
static int slug_keeps(utf8proc_int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
        return 1;
    default:
        return 0;
    }
}

int evg_i_slug(evg_i_buf *out, const char *s, size_t n)
{
    evg_i_buf f = EVG_I_BUF_INIT;
    size_t start = out->len;
    int pending = 0, rc = 0;

    if (evg_i_fold(&f, s, n) < 0) {
        evg_i_buf_free(&f);
        return EVG_ENOMEM;
    }
    for (size_t i = 0, k = 1; i < f.len && rc == 0; i += k) {
        unsigned char c = (unsigned char)f.ptr[i];
        utf8proc_int32_t cp = c;
        int keep;
        k = 1;
        if (c >= 0x80) { /* a letter of another script stays; dashes and quotes do not */
            utf8proc_ssize_t m = utf8proc_iterate((const utf8proc_uint8_t *)f.ptr + i,
                                                  (utf8proc_ssize_t)(f.len - i), &cp);
            k = m > 0 ? (size_t)m : 1;
            keep = m > 0 && slug_keeps(cp);
        } else {
            keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        }
        if (c == '\'')
            continue; /* O'Brien -> obrien */
        if (!keep) {
            pending = out->len > start;
            continue;
        }
        if (pending)
            rc = evg_i_buf_putc(out, '-');
        pending = 0;
        if (rc == 0)
            rc = evg_i_buf_put(out, f.ptr + i, k);
    }
    evg_i_buf_free(&f);
    if (rc == 0 && out->ptr == NULL)
        rc = evg_i_buf_put(out, "", 0);
    return rc;
}

int evg_i_unsafe_char(int32_t c)
{
    return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x061C || c == 0x200E ||
           c == 0x200F || (c >= 0x2028 && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

int evg_i_text_escape(evg_i_buf *out, const char *s, size_t n, unsigned flags)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t i = 0, run = 0;

    while (i < n) {
        utf8proc_int32_t c = p[i];
        utf8proc_ssize_t k = 1;
        int rc;

        if (c >= 0x20 && c < 0x7F && c != '\\') { /* ASCII fast path */
            i++;
            continue;
        }
        if (c >= 0x80 &&
            (k = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &c)) <= 0)
            c = -1; /* a byte that is no UTF-8 */
        if (c >= 0 && c != '\\' && !evg_i_unsafe_char(c)) {
            i += (size_t)k;
            continue;
        }
        if (evg_i_buf_put(out, s + run, i - run) < 0)
            return EVG_ENOMEM;
        if (c == '\\')
            rc = evg_i_buf_puts(out, "\\\\");
        else if ((flags & EVG_I_ESC_FLAT) && (c == '\t' || c == '\n' || c == '\r'))
            rc = evg_i_buf_putc(out, ' ');
        else if (c < 0)
            rc = evg_i_buf_printf(out, "\\x%02x", (unsigned)p[i]);
        else if (c < 0x80)
            rc = evg_i_buf_printf(out, "\\x%02x", (unsigned)c);
        else
            rc = evg_i_buf_printf(out, "\\u%04x", (unsigned)c);
        if (rc < 0)
            return EVG_ENOMEM;
        i += c < 0 ? 1 : (size_t)k;
        run = i;
    }
    return evg_i_buf_put(out, s + run, n - run);
}
