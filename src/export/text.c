/* Text cleaning shared by the exporters that do not escape on the fly (JSON, CSV). */
#include <string.h>

#include "export/export_internal.h"
#include "util/utf8.h"

/*
 * The same text in every format: what the XML writers drop (controls other
 * than tab, CR and LF, which XML 1.0 cannot carry; U+FFFE and U+FFFF) is
 * dropped here too, and invalid UTF-8 becomes U+FFFD as there.
 */
int evg_i_text_clean(evg_i_buf *out, const char *s)
{
    size_t k = 0;

    evg_i_buf_clear(out);
    if (evg_i_utf8_repair(out, s, strlen(s), NULL, NULL) < 0 ||
        evg_i_buf_putc(out, '\0') < 0)
        return EVG_ENOMEM;
    for (size_t i = 0; out->ptr[i]; i++) {
        unsigned char c = (unsigned char)out->ptr[i];
        /* U+FFFE and U+FFFF are EF BF BE and EF BF BF. */
        if (c == 0xEF && (unsigned char)out->ptr[i + 1] == 0xBF &&
            ((unsigned char)out->ptr[i + 2] & 0xFE) == 0xBE) {
            i += 2;
            continue;
        }
        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
            out->ptr[k++] = (char)c;
    }
    out->ptr[k] = '\0';
    out->len = k;
    return 0;
}
