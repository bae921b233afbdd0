/* XML text output shared by the XML-based exporters (GraphML, GEXF). */
#include <string.h>

#include <utf8proc.h>

#include "export/export_internal.h"

/*
 * The escape for one ASCII byte, "" to drop it, or NULL to copy it. In an
 * attribute value (`attr`) tab and newline need references as well: an XML
 * parser normalizes them to spaces there.
 */
static const char *ascii_escape(unsigned char c, int attr)
{
    switch (c) {
    case '&':
        return "&amp;";
    case '<':
        return "&lt;";
    case '>':
        return "&gt;";
    case '"':
        return "&quot;";
    case '\'':
        return "&apos;";
    case '\r':
        return "&#13;"; /* a raw CR would be read back as LF */
    case '\t':
        return attr ? "&#9;" : NULL;
    case '\n':
        return attr ? "&#10;" : NULL;
    default:
        return c < 0x20 ? "" : NULL; /* XML 1.0 has no other controls */
    }
}

static void write_escaped(FILE *f, const char *s, int attr)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0; /* bytes at p that can be copied as they are */

    for (;;) {
        const unsigned char *q = p + run;
        const char *esc = NULL;
        utf8proc_int32_t c = 0;
        utf8proc_ssize_t k = 1;

        if (*q == '\0')
            break;
        if (*q < 0x80) {
            esc = ascii_escape(*q, attr);
        } else {
            k = utf8proc_iterate(q, (utf8proc_ssize_t)strnlen((const char *)q, 4), &c);
            if (k <= 0) {
                esc = "\xEF\xBF\xBD"; /* U+FFFD for a byte that is not UTF-8 */
                k = 1;
            } else if (c == 0xFFFE || c == 0xFFFF) {
                esc = "";
            }
        }
        if (esc == NULL) {
            run += (size_t)k;
            continue;
        }
        fwrite(p, 1, run, f);
        fputs(esc, f);
        p = q + k;
        run = 0;
    }
    fwrite(p, 1, run, f);
}

void evg_i_xml_text(FILE *f, const char *s)
{
    write_escaped(f, s, 0);
}

void evg_i_xml_attr(FILE *f, const char *s)
{
    write_escaped(f, s, 1);
}
