/* Spelling variants of names: one skeleton for the ways one name is written. */
#include <string.h>

#include "util/error.h"
#include "util/spelling.h"

/* Spellings that variants of one name differ by, as (from, to) over a slug. */
static const struct {
    const char *from, *to;
} SPELLINGS[] = {{"sch", "sh"}, {"tch", "ch"}, {"ph", "f"}, {"ck", "k"}, {"y", "i"}};

int evg_i_spelling_skeleton(evg_i_buf *out, const char *k)
{
    evg_i_buf_clear(out);
    for (const char *s = k; *s;) {
        size_t i, n = 1;
        const char *to = NULL;
        for (i = 0; i < sizeof SPELLINGS / sizeof *SPELLINGS && !to; i++)
            if (strncmp(s, SPELLINGS[i].from, strlen(SPELLINGS[i].from)) == 0) {
                to = SPELLINGS[i].to;
                n = strlen(SPELLINGS[i].from);
            }
        if (to == NULL) {
            if (!(out->len && out->ptr[out->len - 1] == *s) &&
                evg_i_buf_putc(out, *s) < 0) /* a doubled letter counts once */
                return EVG_ENOMEM;
        } else if (evg_i_buf_puts(out, to) < 0) {
            return EVG_ENOMEM;
        }
        s += n;
    }
    return evg_i_buf_put(out, "", 0);
}
