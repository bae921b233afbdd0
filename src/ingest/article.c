/* The article text format: `date YYYY-MM-DD <headline>`, a blank line, the body. */
#include <stdlib.h>
#include <string.h>

#include "evgraph/ingest.h"
#include "ingest/ingest_internal.h"
#include "util/buf.h"
#include "util/fileio.h"
#include "util/utf8.h"

struct evg_article {
    char *id, *path, *date, *title, *body;
    char *source; /* who issued the text (a JSON Lines record's "source"), or NULL */
    char *url;    /* where it was published (a JSON Lines record's "url"), or NULL */
    size_t body_len;
    size_t nbad;  /* bytes of invalid UTF-8 (or NUL) replaced by U+FFFD */
    int bad_line; /* the line of the first of them; 0 when none */
};

const char *evg_article_id(const evg_article *a)
{
    return a->id;
}
const char *evg_article_path(const evg_article *a)
{
    return a->path;
}
const char *evg_article_date(const evg_article *a)
{
    return a->date;
}
const char *evg_article_title(const evg_article *a)
{
    return a->title;
}
const char *evg_article_body(const evg_article *a)
{
    return a->body;
}
const char *evg_article_source(const evg_article *a)
{
    return a->source;
}
const char *evg_article_url(const evg_article *a)
{
    return a->url;
}
size_t evg_article_body_len(const evg_article *a)
{
    return a->body_len;
}

size_t evg_i_article_repairs(const evg_article *a, int *line_out)
{
    if (line_out)
        *line_out = a->bad_line;
    return a->nbad;
}

void evg_article_free(evg_article *a)
{
    if (a == NULL)
        return;
    free(a->id);
    free(a->path);
    free(a->date);
    free(a->title);
    free(a->source);
    free(a->url);
    free(a->body);
    free(a);
}

static int put_lf(evg_i_buf *out, const char *s, size_t n);

/*
 * A copy of `s` that is valid UTF-8: a file name is any bytes, and the id and
 * path of a document go into JSON, which must be UTF-8. NULL when out of memory.
 */
static char *utf8_dup(const char *s)
{
    evg_i_buf b = EVG_I_BUF_INIT;

    if (evg_i_utf8_valid(s, strlen(s)))
        return evg_i_strdup(s);
    if (evg_i_utf8_repair(&b, s, strlen(s), NULL, NULL) < 0) {
        evg_i_buf_free(&b);
        return NULL;
    }
    return evg_i_buf_detach(&b);
}

int evg_article_clone(evg_article **out, const evg_article *a, evg_error *err)
{
    evg_article *c = calloc(1, sizeof(*c));

    *out = NULL;
    if (c == NULL)
        return evg_i_error_nomem(err);
    *c = *a;
    c->id = evg_i_strdup(a->id);
    c->path = evg_i_strdup(a->path);
    c->date = evg_i_strdup(a->date);
    c->title = evg_i_strdup(a->title);
    c->body = evg_i_strndup(a->body, a->body_len);
    c->source = a->source ? evg_i_strdup(a->source) : NULL;
    c->url = a->url ? evg_i_strdup(a->url) : NULL;
    if (!c->id || (a->path && !c->path) || (a->date && !c->date) ||
        (a->title && !c->title) || !c->body || (a->source && !c->source) ||
        (a->url && !c->url)) {
        evg_article_free(c);
        return evg_i_error_nomem(err);
    }
    *out = c;
    return 0;
}

/*
 * An article from its parts (a JSON Lines record): the body repaired like a
 * file's, `date` checked (NULL allowed). Returns 0, EVG_EPARSE (a date that is
 * no real date: err names `src` and `line`) or EVG_ENOMEM.
 */
int evg_i_article_set_source(evg_article *a, const char *source)
{
    char *s = NULL;

    if (source && source[0] && (s = utf8_dup(source)) == NULL)
        return EVG_ENOMEM;
    free(a->source);
    a->source = s;
    return 0;
}

int evg_i_article_set_url(evg_article *a, const char *url)
{
    char *s = NULL;

    if (url && url[0] && (s = utf8_dup(url)) == NULL)
        return EVG_ENOMEM;
    free(a->url);
    a->url = s;
    return 0;
}

int evg_i_article_new(evg_article **out, const char *id, const char *src, int line,
                      const char *date, const char *title, const char *text, size_t len,
                      evg_error *err)
{
    evg_article *a = NULL;
    evg_i_buf clean = EVG_I_BUF_INIT, lf = EVG_I_BUF_INIT;
    size_t first_bad = 0;
    int rc = 0;

    *out = NULL;
    if (date && !evg_i_date_valid(date, strlen(date)))
        return evg_i_error_set(err, EVG_EPARSE, src, line, 0,
                               "date: expected a real date as YYYY-MM-DD, not '%.20s'",
                               date);
    if ((a = calloc(1, sizeof(*a))) == NULL || (a->id = utf8_dup(id)) == NULL ||
        (a->path = utf8_dup(src)) == NULL || (date && !(a->date = evg_i_strdup(date))) ||
        (a->title = evg_i_strdup(title ? title : "")) == NULL ||
        evg_i_utf8_repair(&clean, text, len, &a->nbad, &first_bad) < 0 ||
        put_lf(&lf, clean.ptr ? clean.ptr : "", clean.len) < 0 ||
        (a->body = evg_i_strndup(lf.ptr ? lf.ptr : "", lf.len)) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    a->body_len = lf.len;
    if (a->nbad)
        a->bad_line = line;
    *out = a;
    a = NULL;
cleanup:
    evg_article_free(a);
    evg_i_buf_free(&clean);
    evg_i_buf_free(&lf);
    return rc;
}

/* Copy `n` bytes into `out` with CR LF and lone CR turned into LF. */
static int put_lf(evg_i_buf *out, const char *s, size_t n)
{
    size_t run = 0;

    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\r')
            continue;
        if (evg_i_buf_put(out, s + run, i - run) < 0)
            return EVG_ENOMEM;
        if (i + 1 >= n || s[i + 1] != '\n')
            if (evg_i_buf_putc(out, '\n') < 0)
                return EVG_ENOMEM;
        run = i + 1;
    }
    return evg_i_buf_put(out, s + run, n - run);
}

static int is_blank_char(char c)
{
    return c == ' ' || c == '\t';
}

/* The line (1-based) of byte `off` of the raw text: CR LF, LF and a lone CR each end a
 * line. */
static int line_of(const char *s, size_t off)
{
    int line = 1;

    for (size_t i = 0; i < off; i++)
        if (s[i] == '\n' || (s[i] == '\r' && (i + 1 >= off || s[i + 1] != '\n')))
            line++;
    return line;
}

/* Parse the header line "date YYYY-MM-DD headline" (line `lno`) into the article. */
static int parse_header(evg_article *a, const char *line, size_t n, const char *src,
                        int lno, evg_error *err)
{
    size_t i = 0;

    while (i < n && is_blank_char(line[i])) /* some sources indent the header */
        i++;
    if (n - i < 5 || memcmp(line + i, "date", 4) != 0 || !is_blank_char(line[i + 4]))
        return evg_i_error_set(err, EVG_EPARSE, src, lno, (int)i + 1,
                               "expected a first line 'date YYYY-MM-DD headline'");
    for (i += 4; i < n && is_blank_char(line[i]); i++)
        ;
    if (n - i < 10 || !evg_i_date_valid(line + i, 10) ||
        (n - i > 10 && !is_blank_char(line[i + 10]))) {
        size_t w = 0; /* the word that should have been the date, as written */
        while (i + w < n && !is_blank_char(line[i + w]) && w < 24)
            w++;
        return evg_i_error_set(err, EVG_EPARSE, src, lno, (int)i + 1,
                               "invalid date '%.*s': expected a real date as YYYY-MM-DD",
                               (int)w, line + i);
    }
    if ((a->date = evg_i_strndup(line + i, 10)) == NULL)
        return evg_i_error_nomem(err);
    for (i += 10; i < n && is_blank_char(line[i]); i++)
        ;
    while (n > i && is_blank_char(line[n - 1]))
        n--;
    if ((a->title = evg_i_strndup(line + i, n - i)) == NULL)
        return evg_i_error_nomem(err);
    return 0;
}

/* Length of the line at `s` (up to `n` bytes) if it holds only blanks, else -1. */
static long blank_line(const char *s, size_t n)
{
    size_t i = 0;

    while (i < n && is_blank_char(s[i]))
        i++;
    if (i < n && s[i] != '\n')
        return -1;
    return (long)i;
}

/*
 * Split the clean text `s` into header and body. Blank lines before the
 * header are skipped; one blank line after it is dropped.
 */
static int split_article(evg_article *a, const char *s, size_t n, const char *src,
                         evg_error *err)
{
    const char *end = s + n, *eol, *body;
    long k;
    int lno = 1, rc;

    while (s < end && (k = blank_line(s, (size_t)(end - s))) >= 0 && s + k < end) {
        s += k + 1; /* a blank line before the header */
        lno++;
    }
    if (s == end || blank_line(s, (size_t)(end - s)) >= 0)
        return evg_i_error_set(err, EVG_EPARSE, src, 1, 0, "empty article");
    eol = memchr(s, '\n', (size_t)(end - s));
    rc = parse_header(a, s, eol ? (size_t)(eol - s) : (size_t)(end - s), src, lno, err);
    if (rc < 0)
        return rc;
    body = eol ? eol + 1 : end;
    if (body < end && (k = blank_line(body, (size_t)(end - body))) >= 0)
        body += body + k < end ? k + 1 : k; /* the blank line after the header */
    a->body_len = (size_t)(end - body);
    if ((a->body = evg_i_strndup(body, a->body_len)) == NULL)
        return evg_i_error_nomem(err);
    return 0;
}

int evg_article_parse(evg_article **out, const char *id, const char *path,
                      const char *text, size_t len, evg_error *err)
{
    evg_article *a = NULL;
    evg_i_buf clean = EVG_I_BUF_INIT, lf = EVG_I_BUF_INIT;
    const char *src = path ? path : id;
    size_t first_bad = 0;
    int rc = 0;

    *out = NULL;
    if (text == NULL)
        text = "";
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if ((a = calloc(1, sizeof(*a))) == NULL || (a->id = utf8_dup(id)) == NULL ||
        (path && (a->path = utf8_dup(path)) == NULL)) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    /* Most articles are clean UTF-8 with LF line ends: read them where they are. */
    if (evg_i_utf8_valid(text, len) && memchr(text, '\r', len) == NULL) {
        EVG_CHECK(split_article(a, text, len, src, err));
        *out = a;
        return 0;
    }
    if (evg_i_utf8_repair(&clean, text, len, &a->nbad, &first_bad) < 0 ||
        put_lf(&lf, clean.ptr, clean.len) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    if (a->nbad)
        a->bad_line = line_of(text, first_bad);
    EVG_CHECK(split_article(a, lf.ptr, lf.len, src, err));
    *out = a;
    a = NULL;
cleanup:
    evg_article_free(a);
    evg_i_buf_free(&clean);
    evg_i_buf_free(&lf);
    return rc;
}

/* The id of a path: its file name without directory and extension. */
int evg_i_path_id(evg_i_buf *out, const char *path)
{
    const char *base = strrchr(path, '/');
    const char *dot;

    base = base ? base + 1 : path;
    dot = strrchr(base, '.');
    if (dot == NULL || dot == base)
        dot = base + strlen(base);
    return evg_i_buf_put(out, base, (size_t)(dot - base));
}

int evg_article_read_file(evg_article **out, const char *path, evg_error *err)
{
    return evg_i_article_read_file(out, path, NULL, err);
}

int evg_i_article_read_file(evg_article **out, const char *path, const char *given,
                            evg_error *err)
{
    evg_i_buf text = EVG_I_BUF_INIT, id = EVG_I_BUF_INIT;
    int rc = 0;

    *out = NULL;
    EVG_CHECK(evg_i_read_file(&text, path, err));
    if (given)
        rc = evg_i_buf_puts(&id, given);
    else if (strcmp(path, "-") == 0)
        rc = evg_i_buf_puts(&id, "stdin");
    else
        rc = evg_i_path_id(&id, path);
    if (rc < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    rc = evg_article_parse(out, id.ptr, strcmp(path, "-") == 0 ? "<stdin>" : path,
                           text.ptr ? text.ptr : "", text.len, err);
cleanup:
    evg_i_buf_free(&text);
    evg_i_buf_free(&id);
    return rc;
}
