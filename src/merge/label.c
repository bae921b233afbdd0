/* Readable labels and XML-safe ids for the vertices of a graph being built. */
#include <string.h>

#include <utf8proc.h>

#include "merge/merge.h"

/* The part of an id after its "<type>:" prefix. */
static const char *after_prefix(const char *raw)
{
    const char *colon = strchr(raw, ':');
    return colon && colon[1] ? colon + 1 : raw;
}

/* The last word of a name: "Zakir Hasanov" -> "Hasanov". */
static void surname(const char **s_out, size_t *n_out, const char *name)
{
    size_t n = strlen(name), start;

    while (n > 0 && name[n - 1] == ' ')
        n--;
    start = n;
    while (start > 0 && name[start - 1] != ' ')
        start--;
    *s_out = name + start;
    *n_out = n - start;
}

/* Participants of a meeting label in role order: hosts, guests, the rest. */
static int put_names(evg_i_buf *out, evg_i_builder *b, const evg_i_meeting *mt,
                     size_t *shown)
{
    static const int order[] = {EVG_ROLE_HOST, EVG_ROLE_GUEST, EVG_ROLE_PARTICIPANT};
    size_t total = 0;

    *shown = 0;
    for (size_t r = 0; r < 3; r++) {
        for (size_t k = 0; k < mt->npeople; k++) {
            const char *label, *s;
            size_t n;
            if (mt->roles[k] != order[r])
                continue;
            if (++total > 3)
                continue; /* "and N more" below */
            if (evg_i_label(&label, b, mt->people[k]) < 0)
                return EVG_ENOMEM;
            surname(&s, &n, label);
            if ((*shown && evg_i_buf_puts(out, " \xE2\x80\x93 ") < 0) ||
                evg_i_buf_put(out, s, n) < 0)
                return EVG_ENOMEM;
            (*shown)++;
        }
    }
    if (total > *shown && evg_i_buf_printf(out, " and %zu more", total - *shown) < 0)
        return EVG_ENOMEM;
    return 0;
}

/* "Hasanov – Bayraktaroglu, 2024-12-23"; "Marenko – Vell (planned call), 2025-04-01". */
static int meeting_label(evg_i_buf *out, evg_i_builder *b, const evg_i_bvertex *v)
{
    const evg_i_meeting *mt = &b->mt[v->meeting];
    size_t shown;

    if (put_names(out, b, mt, &shown) < 0)
        return EVG_ENOMEM;
    if (shown == 0 && evg_i_buf_puts(out, after_prefix(v->raw)) < 0)
        return EVG_ENOMEM;
    if (mt->status == EVG_STATUS_PLANNED || mt->type != EVG_EV_MEETING) {
        if (evg_i_buf_puts(out, mt->status == EVG_STATUS_PLANNED ? " (planned " : " (") <
                0 ||
            evg_i_buf_puts(out, evg_event_type_name(mt->type)) < 0 ||
            evg_i_buf_putc(out, ')') < 0)
            return EVG_ENOMEM;
    }
    if (mt->date && (evg_i_buf_puts(out, ", ") < 0 || evg_i_buf_puts(out, mt->date) < 0))
        return EVG_ENOMEM;
    return 0;
}

/*
 * A label is one line of display text: controls (tab, newline...) become
 * spaces, runs of spaces one, none at either end. The copy is in the arena.
 */
static char *one_line(evg_i_arena *a, const char *s)
{
    char *p = evg_i_arena_strdup(a, s), *w = p;

    for (const char *r = p; r && *r; r++) {
        unsigned char c = (unsigned char)*r;
        int space = c < 0x20 || c == 0x7F || c == ' ';
        if (space && (w == p || w[-1] == ' '))
            continue;
        *w++ = space ? ' ' : (char)c;
    }
    if (p) {
        while (w > p && w[-1] == ' ')
            w--;
        *w = '\0';
    }
    return p;
}

/* The chosen name: an alias's canonical one, the best full form, the best short one. */
static const char *best_name(const evg_i_bvertex *v)
{
    const char *name = v->canonical;

    if (name == NULL)
        name = evg_i_tally_best(&v->names, EVG_I_RANK_NAME);
    if (name == NULL)
        name = evg_i_tally_best(&v->short_names, EVG_I_RANK_NAME);
    return name;
}

/*
 * A described agreement's name with the parties its key holds
 * ("agreement:...@ARD-BMT"): "trade agreement (ARD, BMT)", so that the same
 * words between other parties read apart. A name alone otherwise.
 */
static int with_parties(evg_i_buf *out, const char *name, const char *key)
{
    const char *at = strrchr(key, '@');

    evg_i_buf_clear(out);
    if (evg_i_buf_puts(out, name) < 0)
        return EVG_ENOMEM;
    if (at && at[1] && at[1] != '?') {
        if (evg_i_buf_puts(out, " (") < 0)
            return EVG_ENOMEM;
        for (const char *c = at + 1; *c; c++)
            if ((*c == '-' ? evg_i_buf_puts(out, ", ") : evg_i_buf_putc(out, *c)) < 0)
                return EVG_ENOMEM;
        if (evg_i_buf_putc(out, ')') < 0)
            return EVG_ENOMEM;
    }
    return evg_i_buf_put(out, "", 0);
}

int evg_i_label(const char **out, evg_i_builder *b, size_t i)
{
    evg_i_bvertex *v = &b->v[i];
    const char *label = best_name(v);
    int rc = 0;

    /* b->text is free: a meeting's label needs only its people's, never another meeting's
     */
    if (v->label == NULL && v->type == EVG_NODE_MEETING && v->meeting != SIZE_MAX) {
        evg_i_buf_clear(&b->text);
        if (meeting_label(&b->text, b, v) < 0 || evg_i_buf_put(&b->text, "", 0) < 0) {
            rc = evg_i_error_nomem(b->err);
            goto cleanup;
        }
        label = b->text.ptr;
    }
    if (v->label == NULL && label == NULL && v->type == EVG_NODE_COUNTRY)
        EVG_CHECK(evg_i_country_name(&label, b, after_prefix(v->raw)));
    if (v->label == NULL && label && v->type == EVG_NODE_AGREEMENT) {
        if (with_parties(&b->text, label, v->raw) < 0) {
            rc = evg_i_error_nomem(b->err);
            goto cleanup;
        }
        label = b->text.ptr;
    }
    if (v->label == NULL) {
        v->label = one_line(b->arena,
                            label ? label : after_prefix(v->idbase ? v->idbase : v->raw));
        if (v->label == NULL)
            rc = evg_i_error_nomem(b->err);
    }
    *out = v->label;
cleanup:
    return rc;
}

/* Whether code point `c` may appear in an XML 1.0 (5th edition) name. */
static int xml_name_char(utf8proc_int32_t c)
{
    return (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) ||
           (c >= 0xF8 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) ||
           (c >= 0x200C && c <= 0x200D) || (c >= 0x203F && c <= 0x2040) ||
           (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) ||
           (c >= 0x3001 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
           (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF) || c == 0xB7;
}

/* Letters, combining marks and decimal digits: what reads as part of a word. */
static int wordish(utf8proc_int32_t c)
{
    utf8proc_category_t cat = utf8proc_category(c);

    return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_MC) ||
           cat == UTF8PROC_CATEGORY_ND;
}

static int ascii_name_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '-' || c == '_' || c == ':';
}

int evg_i_nmtoken(evg_i_buf *out, const char *s)
{
    const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t n = (utf8proc_ssize_t)strlen(s);
    char *w;

    /*
     * A character is kept or becomes one '_': the token is never longer
     * than `s` (or "_"), so room is made once and bytes written directly,
     * ASCII without a call to utf8proc (every vertex's id passes here).
     */
    if (evg_i_buf_grow(out, (size_t)n + 1) < 0)
        return EVG_ENOMEM;
    w = out->ptr + out->len;
    while (n > 0) {
        utf8proc_int32_t c = *p;
        utf8proc_ssize_t k = 1;
        int ok;
        if (c < 0x80) {
            ok = ascii_name_char(c);
        } else if ((k = utf8proc_iterate(p, n, &c)) <=
                   0) { /* not UTF-8: one byte is '_' */
            k = 1;
            ok = 0;
        } else {
            ok = xml_name_char(c) && wordish(c);
        }
        if (ok) {
            memcpy(w, p, (size_t)k);
            w += k;
        } else {
            *w++ = '_';
        }
        p += k;
        n -= k;
    }
    if (w == out->ptr + out->len)
        *w++ = '_';
    *w = '\0';
    out->len = (size_t)(w - out->ptr);
    return 0;
}
