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
    size_t body_len;
};

const char *evg_article_id(const evg_article *a) { return a->id; }
const char *evg_article_path(const evg_article *a) { return a->path; }
const char *evg_article_date(const evg_article *a) { return a->date; }
const char *evg_article_title(const evg_article *a) { return a->title; }
const char *evg_article_body(const evg_article *a) { return a->body; }
size_t evg_article_body_len(const evg_article *a) { return a->body_len; }

void evg_article_free(evg_article *a)
{
    if (a == NULL)
        return;
    free(a->id);
    free(a->path);
    free(a->date);
    free(a->title);
    free(a->body);
    free(a);
}

int evg_i_date_valid(const char *s, size_t n)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;

    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
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

/* Parse the header line "date YYYY-MM-DD headline" into the article. */
static int parse_header(evg_article *a, const char *line, size_t n, const char *src,
                        evg_error *err)
{
    size_t i;

    if (n < 5 || memcmp(line, "date", 4) != 0 || (line[4] != ' ' && line[4] != '\t'))
        return evg_i_error_set(err, EVG_EPARSE, src, 1, 1,
                               "expected a first line 'date YYYY-MM-DD headline'");
    for (i = 4; i < n && (line[i] == ' ' || line[i] == '\t'); i++)
        ;
    if (n - i < 10 || !evg_i_date_valid(line + i, 10) ||
        (n - i > 10 && line[i + 10] != ' ' && line[i + 10] != '\t'))
        return evg_i_error_set(err, EVG_EPARSE, src, 1, (int)i + 1,
                               "invalid date '%.*s': expected a real date as YYYY-MM-DD",
                               (int)(n - i < 10 ? n - i : 10), line + i);
    if ((a->date = evg_i_strndup(line + i, 10)) == NULL)
        return evg_i_error_nomem(err);
    for (i += 10; i < n && (line[i] == ' ' || line[i] == '\t'); i++)
        ;
    while (n > i && (line[n - 1] == ' ' || line[n - 1] == '\t'))
        n--;
    if ((a->title = evg_i_strndup(line + i, n - i)) == NULL)
        return evg_i_error_nomem(err);
    return 0;
}

int evg_article_parse(evg_article **out, const char *id, const char *path, const char *text,
                      size_t len, evg_error *err)
{
    evg_article *a = NULL;
    evg_i_buf clean = EVG_I_BUF_INIT, lf = EVG_I_BUF_INIT;
    const char *src = path ? path : id;
    const char *s, *eol, *body;
    size_t n;
    int rc = 0;

    *out = NULL;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    if (evg_i_utf8_repair(&clean, text, len, NULL, NULL) < 0 || put_lf(&lf, clean.ptr, clean.len) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    if ((a = calloc(1, sizeof(*a))) == NULL || (a->id = evg_i_strdup(id)) == NULL ||
        (path && (a->path = evg_i_strdup(path)) == NULL)) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    s = lf.ptr ? lf.ptr : "";
    n = lf.len;
    if (n == 0) {
        rc = evg_i_error_set(err, EVG_EPARSE, src, 1, 0, "empty article");
        goto cleanup;
    }
    eol = memchr(s, '\n', n);
    EVG_CHECK(parse_header(a, s, eol ? (size_t)(eol - s) : n, src, err));
    body = eol ? eol + 1 : s + n;
    if (body < s + n && *body == '\n') /* the blank line after the header */
        body++;
    a->body_len = (size_t)(s + n - body);
    if ((a->body = evg_i_strndup(body, a->body_len)) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
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
    evg_i_buf text = EVG_I_BUF_INIT, id = EVG_I_BUF_INIT;
    int rc = 0;

    *out = NULL;
    EVG_CHECK(evg_i_read_file(&text, path, err));
    if (strcmp(path, "-") == 0)
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
