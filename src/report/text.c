/*
 * Text into a report: escaped for HTML and SVG (the XML writer of the
 * exporters), or for Markdown; and numbers for people to read.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "export/export_internal.h"
#include "util/buf.h"
#include "util/utf8.h"
#include "report/report_internal.h"

int evg_i_report_web_address(const char *s)
{
    size_t skip;

    if (s == NULL)
        return 0;
    skip = strncasecmp(s, "https://", 8) == 0  ? 8
           : strncasecmp(s, "http://", 7) == 0 ? 7
                                               : 0;
    if (skip == 0 || s[skip] == '\0' || s[skip] == '/')
        return 0;
    for (const char *p = s; *p; p++)
        if (*p <= ' ' || *p >= 0x7f || strchr("\"'<>\\`", *p))
            return 0;
    return 1;
}

int evg_i_report_isolate(const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)(s ? s : "");
    utf8proc_int32_t c;

    while (*p) {
        utf8proc_ssize_t k = *p < 0x80 ? 1 : utf8proc_iterate(p, -1, &c);
        if (k <= 0) {
            p++;
            continue;
        }
        if (*p >= 0x80) {
            switch (utf8proc_get_property(c)->bidi_class) {
            case UTF8PROC_BIDI_CLASS_R:
            case UTF8PROC_BIDI_CLASS_AL:
            case UTF8PROC_BIDI_CLASS_AN:
            case UTF8PROC_BIDI_CLASS_LRE:
            case UTF8PROC_BIDI_CLASS_LRO:
            case UTF8PROC_BIDI_CLASS_RLE:
            case UTF8PROC_BIDI_CLASS_RLO:
            case UTF8PROC_BIDI_CLASS_PDF:
            case UTF8PROC_BIDI_CLASS_LRI:
            case UTF8PROC_BIDI_CLASS_RLI:
            case UTF8PROC_BIDI_CLASS_FSI:
            case UTF8PROC_BIDI_CLASS_PDI:
                return 1;
            default:
                break;
            }
        }
        p += k;
    }
    return 0;
}

void evg_i_report_xml(FILE *f, const char *s)
{
    evg_i_xml_text(f, s ? s : "");
}

/*
 * The byte length of the first `max` characters of `s` (whole sequences; a
 * byte that is not UTF-8 counts as one); `*more` tells whether any follow.
 */
static size_t prefix_len(const char *s, size_t max, int *more)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    size_t at = 0, n = strlen(s);

    for (size_t chars = 0; at < n && chars < max; chars++) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p + at, (utf8proc_ssize_t)(n - at), &c);
        at += k > 0 ? (size_t)k : 1;
    }
    *more = at < n;
    return at;
}

size_t evg_i_report_chars(const char *s, size_t max)
{
    size_t n = 0;

    if (s == NULL)
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n < max; p++)
        n += (*p & 0xC0) != 0x80; /* count the first byte of each sequence */
    return n;
}

void evg_i_report_xml_cut(FILE *f, const char *s, size_t max)
{
    char *head;
    int more;

    if (s == NULL)
        return;
    prefix_len(s, max, &more);
    if (max == 0 || !more) {
        evg_i_xml_text(f, s);
        return;
    }
    /* One character less than `max`, then the ellipsis. */
    if ((head = evg_i_strndup(s, prefix_len(s, max - 1, &more))) == NULL) {
        evg_i_xml_text(f, s);
        return;
    }
    evg_i_xml_text(f, head);
    fputs("\xE2\x80\xA6", f);
    free(head);
}

/*
 * Markdown escapes. Anywhere: what opens inline markup, raw HTML, entities,
 * GitHub's tables, strikethrough and maths. Where a block's text starts:
 * what opens a heading, a list, a quote or a rule there.
 */
static int md_special(int c)
{
    return c && strchr("\\`*_[]<>|&~$#", c) != NULL;
}

static int md_line_start(const char *s)
{
    size_t d = strspn(s, "0123456789");

    if (s[0] && strchr("#-+=>", s[0]))
        return 1;
    return d > 0 && (s[d] == '.' || s[d] == ')');
}

void evg_i_report_md(FILE *f, const char *s, int line_start)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p);

    if (line_start && md_line_start((const char *)p)) {
        size_t d = strspn((const char *)p, "0123456789");
        fwrite(p, 1, d, f); /* "1987." -> "1987\." ; "# x" -> "\# x" */
        fputc('\\', f);
        fputc(p[d], f);
        p += d + 1;
        n -= d + 1;
    }
    while (n > 0) {
        utf8proc_int32_t c;
        utf8proc_ssize_t k = utf8proc_iterate(p, (utf8proc_ssize_t)n, &c);
        if (k <= 0) {
            fputs("\xEF\xBF\xBD", f); /* not UTF-8 */
            k = 1;
        } else if (c == '\n' || c == '\r' || c == '\t' || c == 0x2028 || c == 0x2029) {
            fputc(' ', f); /* a table row or a list item is one line */
        } else if (c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0xFFFE || c == 0xFFFF) {
            ; /* controls are dropped */
        } else if (evg_i_unsafe_char(c)) {
            /* a bidirectional control would reverse the rest of the line: shown, as
             * the query's tables show it ("\u202e"; a backslash before a letter is
             * itself in Markdown) */
            fprintf(f, "\\u%04x", (unsigned)c);
        } else {
            if (c < 0x80 && md_special((int)c))
                fputc('\\', f);
            fwrite(p, 1, (size_t)k, f);
        }
        p += k;
        n -= (size_t)k;
    }
}

const char *evg_i_report_num(char buf[EVG_I_NUM_BUF], double x)
{
    double a;
    int decimals;

    if (!isfinite(x) || x == 0.0)
        x = 0.0;
    a = fabs(x);
    if (a >= 1e15 || (a == floor(a))) {
        snprintf(buf, EVG_I_NUM_BUF, "%.0f", x);
        return buf;
    }
    /* Three significant digits, at least one decimal, at most six. */
    decimals = a >= 1 ? 3 - 1 - (int)floor(log10(a)) : 2 - (int)floor(log10(a));
    if (decimals < 1)
        decimals = 1;
    if (decimals > 6)
        decimals = 6;
    snprintf(buf, EVG_I_NUM_BUF, "%.*f", decimals, x);
    /* No trailing zeros: 0.25, not 0.250; 1, not 1.000 (for 0.9999997). */
    for (size_t n = strlen(buf); n > 0 && (buf[n - 1] == '0' || buf[n - 1] == '.'); n--) {
        char c = buf[n - 1];
        buf[n - 1] = '\0';
        if (c == '.')
            break;
    }
    if (buf[0] == '\0' || strcmp(buf, "-0") == 0 || strtod(buf, NULL) == 0.0)
        snprintf(buf, EVG_I_NUM_BUF, "0"); /* too small to show: no "-0.000000" */
    return buf;
}
