#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "model/corpus_internal.h"
#include "util/buf.h"
#include "util/fileio.h"

int evg_corpus_new(evg_corpus **out, evg_error *err)
{
    if ((*out = calloc(1, sizeof(**out))) == NULL)
        return evg_i_error_nomem(err);
    return 0;
}

int evg_corpus_add_doc(evg_corpus *c, evg_doc *d, evg_error *err)
{
    if (evg_i_grow((void **)&c->docs, &c->cap, c->ndocs + 1, sizeof(*c->docs)) < 0) {
        evg_doc_free(d);
        return evg_i_error_nomem(err);
    }
    c->docs[c->ndocs++] = d;
    return 0;
}

size_t evg_corpus_doc_count(const evg_corpus *c)
{
    return c->ndocs;
}

const evg_doc *evg_corpus_doc(const evg_corpus *c, size_t i)
{
    return c->docs[i];
}

void evg_corpus_free(evg_corpus *c)
{
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->ndocs; i++)
        evg_doc_free(c->docs[i]);
    free(c->docs);
    free(c);
}

/* Whether a line holds only white space (blank lines are allowed and skipped). */
static int blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r' && s[i] != '\n')
            return 0;
    return 1;
}

/* Parse one line; a malformed one is reported and counted, not fatal. */
static int read_line(evg_corpus *c, const char *line, size_t n, const char *name,
                     int lineno, const evg_read_opts *opts, size_t *failed,
                     evg_error *err)
{
    evg_doc *d = NULL;
    evg_error e;
    int rc;

    if (lineno == 1 && n >= 3 && memcmp(line, "\xEF\xBB\xBF", 3) == 0) {
        line += 3; /* a BOM some editors put in front of UTF-8 */
        n -= 3;
    }
    if (blank(line, n))
        return 0;
    memset(&e, 0, sizeof e);
    rc = evg_doc_parse_json(&d, line, n, name, lineno, &e);
    if (rc == EVG_ENOMEM)
        return evg_i_error_nomem(err);
    if (rc < 0) {
        (*failed)++;
        evg_i_diag(opts ? opts->on_diag : NULL, opts ? opts->diag_payload : NULL,
                   EVG_SEV_ERROR, &e);
        return 0;
    }
    return evg_corpus_add_doc(c, d, err);
}

int evg_corpus_read_events(size_t *failed_out, evg_corpus *c, const char *path,
                           const evg_read_opts *opts, evg_error *err)
{
    const char *name = evg_i_display_name(path);
    FILE *f = NULL;
    char *line = NULL;
    size_t cap = 0, failed = 0;
    ssize_t n;
    int lineno = 0, rc = 0;
    struct stat st;

    if (failed_out)
        *failed_out = 0;
    if (strcmp(path, "-") == 0)
        f = stdin;
    else if ((f = fopen(path, "rb")) == NULL)
        return evg_i_error_set(err, EVG_EIO, name, 0, 0, "cannot open: %s", strerror(errno));
    else if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(f);
        return evg_i_error_set(err, EVG_EIO, name, 0, 0, "is a directory");
    }
    for (;;) {
        errno = 0; /* tells getline's ENOMEM from the end of the file */
        if ((n = getline(&line, &cap, f)) < 0)
            break;
        EVG_CHECK(read_line(c, line, (size_t)n, name, ++lineno, opts, &failed, err));
    }
    if (ferror(f))
        rc = evg_i_error_set(err, EVG_EIO, name, lineno + 1, 0, "read failed: %s",
                             strerror(errno));
    else if (errno == ENOMEM)
        rc = evg_i_error_nomem(err);
cleanup:
    free(line);
    if (f != stdin)
        fclose(f);
    if (failed_out)
        *failed_out = failed;
    return rc;
}
