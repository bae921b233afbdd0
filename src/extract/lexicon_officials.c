/*
 * Reading a gazetteer of office holders (data/officials/officials_open.tsv, a
 * user's --officials files; docs/lexicon.md) into the lexicon: one official
 * per person key, with its terms in file order, found by surname.
 * officials.c uses it in extraction.
 */
#include <stdlib.h>
#include <string.h>

#include "extract/lexicon.h"
#include "util/date.h"
#include "util/error.h"
#include "util/fileio.h"
#include "util/utf8.h"

/* The columns of a gazetteer file, in order; `aliases` may be left out. */
static const char *const COLUMNS[] = {"name", "country", "office", "start",
                                      "end",  "src",     "key",    "aliases"};
#define NCOLUMNS (sizeof COLUMNS / sizeof *COLUMNS)
#define NREQUIRED 7

/* The end of the office code of an interval out of office (an elite, not an
 * official): "ELI", "VGBELI". */
#define OUT_OF_OFFICE "ELI"

typedef struct {
    evg_lexicon *lx;
    const char *src;
    size_t line;
    evg_error *err;
    evg_i_buf slug;
} off_loader;

static int bad_row(off_loader *ol, const char *what, const char *field)
{
    return evg_i_error_set(ol->err, EVG_EPARSE, ol->src, ol->line, 0, "%s%s%s%s", what,
                           field ? " '" : "", field ? field : "", field ? "'" : "");
}

/* Split `line` (NUL-terminated, modified) at tabs into at most NCOLUMNS fields. */
static size_t split(char *line, char **f)
{
    size_t n = 0;
    for (char *p = line; n < NCOLUMNS; p++) {
        f[n++] = p;
        if ((p = strchr(p, '\t')) == NULL)
            break;
        *p = '\0';
    }
    return n;
}

/* "YYYY-MM-DD" or "": copied into `out`; -1 when neither. */
static int date_field(char out[11], const char *s)
{
    if (s[0] == '\0') {
        out[0] = '\0';
        return 0;
    }
    if (!evg_i_date_valid(s, strlen(s)))
        return -1;
    memcpy(out, s, 11);
    return 0;
}

/* Whether the folded word `w` is a title word of the lexicon ("General", "President"). */
static int title_word(const evg_lexicon *lx, const char *w)
{
    const lx_phrase *p = evg_i_lx_word(lx, w);
    return p && (p->classes & (LX_HEAD | LX_MOD | LX_RANK | LX_HONOR | LX_ROYAL));
}

/* The slug of `name`'s word [s, s + n) into ol->slug; 0 or EVG_ENOMEM. */
static int word_slug(off_loader *ol, const char *s, size_t n)
{
    evg_i_buf_clear(&ol->slug);
    return evg_i_slug(&ol->slug, s, n) < 0 || evg_i_buf_putc(&ol->slug, '\0') < 0
               ? EVG_ENOMEM
               : 0;
}

/* A new official named `name`; its index, or EVG_ENOMEM. */
static long new_official(off_loader *ol, const char *name)
{
    evg_lexicon *lx = ol->lx;
    const char *last = strrchr(name, ' ');
    const char *surname = last ? last + 1 : name;
    lx_official *o;
    long idx = (long)lx->noff, prev;

    if (evg_i_grow((void **)&lx->off, &lx->cap_off, lx->noff + 1, sizeof(*lx->off)) < 0)
        return EVG_ENOMEM;
    o = &lx->off[lx->noff];
    memset(o, 0, sizeof *o);
    o->first = o->next = -1;
    if ((o->name = evg_i_arena_strdup(&lx->arena, name)) == NULL)
        return EVG_ENOMEM;
    /* the given name: the first word before the surname that is no title */
    for (const char *w = name; last && w < last;) {
        size_t n = strcspn(w, " ");
        if (word_slug(ol, w, n) < 0)
            return EVG_ENOMEM;
        if (ol->slug.len > 1 && !title_word(lx, ol->slug.ptr)) {
            if ((o->given = evg_i_arena_strdup(&lx->arena, ol->slug.ptr)) == NULL)
                return EVG_ENOMEM;
            break;
        }
        w += n + (w[n] == ' ');
    }
    if (word_slug(ol, surname, strlen(surname)) < 0)
        return EVG_ENOMEM;
    prev = evg_i_strmap_get(&lx->off_surnames, ol->slug.ptr, strlen(ol->slug.ptr));
    o->next = (int32_t)prev;
    if (evg_i_strmap_put(&lx->off_surnames, ol->slug.ptr, strlen(ol->slug.ptr), idx) < 0)
        return EVG_ENOMEM;
    lx->noff++;
    return idx;
}

static int add_row(off_loader *ol, char **f, size_t nf)
{
    evg_lexicon *lx = ol->lx;
    lx_term t;
    long o, c;

    if (nf < NREQUIRED)
        return bad_row(ol, "expected at least 7 tab-separated columns", NULL);
    if (f[0][0] == '\0' || f[6][0] == '\0')
        return bad_row(ol, "a row needs a name and a key", NULL);
    if (date_field(t.start, f[3]) < 0)
        return bad_row(ol, "start is not a date YYYY-MM-DD:", f[3]);
    if (date_field(t.end, f[4]) < 0)
        return bad_row(ol, "end is not a date YYYY-MM-DD:", f[4]);
    c = evg_i_strmap_get(&lx->codes, f[1], strlen(f[1]));
    if ((o = evg_i_strmap_get(&lx->off_keys, f[6], strlen(f[6]))) < 0) {
        if ((o = new_official(ol, f[0])) < 0 ||
            evg_i_strmap_put(&lx->off_keys, f[6], strlen(f[6]), o) < 0)
            return evg_i_error_nomem(ol->err);
    }
    if (evg_i_grow((void **)&lx->terms, &lx->cap_terms, lx->nterms + 1,
                   sizeof(*lx->terms)) < 0)
        return evg_i_error_nomem(ol->err);
    t.official = (int32_t)o;
    t.country = (int16_t)c;
    size_t ol_len = strlen(f[2]), el = strlen(OUT_OF_OFFICE);
    t.in_office = !(ol_len >= el && strcmp(f[2] + ol_len - el, OUT_OF_OFFICE) == 0);
    /* terms in file order: appended at the end of the official's list */
    t.next = -1;
    lx->terms[lx->nterms] = t;
    if (lx->off[o].first < 0) {
        lx->off[o].first = (int32_t)lx->nterms;
    } else {
        int32_t k = lx->off[o].first;
        while (lx->terms[k].next >= 0)
            k = lx->terms[k].next;
        lx->terms[k].next = (int32_t)lx->nterms;
    }
    lx->nterms++;
    return 0;
}

int evg_i_lx_add_officials(evg_lexicon *lx, const char *text, size_t len, const char *src,
                           evg_error *err)
{
    off_loader ol = {lx, src, 0, err, EVG_I_BUF_INIT};
    evg_i_buf line = EVG_I_BUF_INIT;
    int rc = 0;

    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* a byte order mark */
        text += 3;
        len -= 3;
    }

    for (size_t at = 0; at < len && rc == 0;) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
        char *f[NCOLUMNS];
        size_t nf;
        ol.line++;
        evg_i_buf_clear(&line);
        if (evg_i_buf_put(&line, text + at, n) < 0 || evg_i_buf_putc(&line, '\0') < 0) {
            rc = evg_i_error_nomem(err);
            break;
        }
        at += n + (nl != NULL);
        if (line.len > 1 && line.ptr[line.len - 2] == '\r')
            line.ptr[line.len - 2] = '\0';
        if (line.ptr[0] == '\0')
            continue;
        nf = split(line.ptr, f);
        if (ol.line == 1) { /* the header names the columns */
            for (size_t k = 0; k < NREQUIRED && rc == 0; k++)
                if (k >= nf || strcmp(f[k], COLUMNS[k]) != 0)
                    rc = bad_row(&ol,
                                 "the first line must name the columns name, country, "
                                 "office, start, end, src, key (tab-separated), not",
                                 k < nf ? f[k] : "(none)");
            continue;
        }
        rc = add_row(&ol, f, nf);
    }
    if (rc == 0 && ol.line == 0)
        rc = evg_i_error_set(err, EVG_EPARSE, src, 0, 0, "empty gazetteer of officials");
    evg_i_buf_free(&line);
    evg_i_buf_free(&ol.slug);
    return rc;
}

int evg_lexicon_add_officials(evg_lexicon *lx, const char *path, evg_error *err)
{
    evg_i_buf text = EVG_I_BUF_INIT;
    int rc;

    if ((rc = evg_i_read_file(&text, path, err)) == 0)
        rc = evg_i_lx_add_officials(lx, text.ptr ? text.ptr : "", text.len, path, err);
    evg_i_buf_free(&text);
    return rc;
}
