/*
 * JSON Lines of articles: one {"id", "date", "title", "text"} object per line,
 * read as a stream, so a file of any size takes the memory of one line.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include <jansson.h>

#include "ingest/ingest_internal.h"
#include "ingest/jobs.h"
#include "util/error.h"
#include "util/jsonload.h"
#include "util/utf8.h"

/* A string member or null; EVG_EPARSE naming the field when it is something else. */
static int member(const char **out, json_t *o, const char *key, const char *name,
                  int line, evg_error *err)
{
    json_t *v = json_object_get(o, key);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_string(v))
        return evg_i_error_set(err, EVG_EPARSE, name, line, 0, "%s: expected a string",
                               key);
    *out = json_string_value(v);
    return 0;
}

/* One line into an article; EVG_EPARSE (err says why) or EVG_ENOMEM. */
static int line_article(evg_article **out, const char *text, size_t len, const char *name,
                        const char *base, int line, evg_error *err)
{
    json_error_t je;
    int nomem = 0;
    json_t *o = evg_i_json_loadb(text, len, JSON_REJECT_DUPLICATES, &je, &nomem);
    const char *id = NULL, *date = NULL, *title = NULL, *body = NULL, *source = NULL,
               *url = NULL;
    evg_i_buf fallback = EVG_I_BUF_INIT;
    int rc = 0;

    *out = NULL;
    if (o == NULL && nomem)
        return evg_i_error_set(err, EVG_ENOMEM, name, line, 0, "out of memory");
    if (o == NULL)
        return evg_i_error_set(err, EVG_EPARSE, name, line, je.column > 0 ? je.column : 0,
                               "invalid JSON: %s", je.text);
    if (!json_is_object(o)) {
        rc = evg_i_error_set(err, EVG_EPARSE, name, line, 0, "expected a JSON object");
        goto cleanup;
    }
    EVG_CHECK(member(&id, o, "id", name, line, err));
    EVG_CHECK(member(&date, o, "date", name, line, err));
    EVG_CHECK(member(&title, o, "title", name, line, err));
    EVG_CHECK(member(&body, o, "text", name, line, err));
    EVG_CHECK(member(&source, o, "source", name, line, err));
    EVG_CHECK(member(&url, o, "url", name, line, err));
    if (body == NULL) {
        rc = evg_i_error_set(err, EVG_EPARSE, name, line, 0, "text: missing");
        goto cleanup;
    }
    if (id == NULL || id[0] == '\0') {
        /* A record without an id is named by its file and line ("news-line-7"), so that
         * those of two files do not take the same id, which merges them into one. */
        if ((base                           ? evg_i_buf_puts(&fallback, base)
             : strcmp(name, "<stdin>") == 0 ? evg_i_buf_puts(&fallback, "stdin")
                                            : evg_i_path_id(&fallback, name)) < 0 ||
            evg_i_buf_printf(&fallback, "-line-%d", line) < 0) {
            rc = evg_i_error_nomem(err);
            goto cleanup;
        }
        id = fallback.ptr;
    }
    rc = evg_i_article_new(out, id, name, line, date, title, body,
                           json_string_length(json_object_get(o, "text")), err);
    if (rc == 0 && (evg_i_article_set_source(*out, source) < 0 ||
                    evg_i_article_set_url(*out, url) < 0)) {
        evg_article_free(*out);
        *out = NULL;
        rc = evg_i_error_nomem(err);
    }
cleanup:
    json_decref(o);
    evg_i_buf_free(&fallback);
    return rc;
}

/*
 * Scraped text is often not quite UTF-8, which JSON must be: a line holding
 * invalid bytes (or NUL) is read with each replaced by U+FFFD, as an article
 * file is, and `warning` says so. `*text` points to the line to parse.
 */
static int repair_line(const char **text, size_t *len, evg_i_buf *fixed, const char *name,
                       int line, evg_error *warning)
{
    size_t nbad = 0;

    if (evg_i_utf8_valid(*text, *len))
        return 0;
    if (evg_i_utf8_repair(fixed, *text, *len, &nbad, NULL) < 0)
        return EVG_ENOMEM;
    *text = fixed->ptr;
    *len = fixed->len;
    evg_i_error_set(warning, EVG_EPARSE, name, line, 0,
                    "invalid UTF-8 replaced by U+FFFD (%zu byte%s)", nbad,
                    nbad == 1 ? "" : "s");
    return 0;
}

int evg_i_jsonl_article(evg_article **out, const char *text, size_t len, const char *name,
                        const char *id, int line, evg_error *warning, evg_error *err)
{
    evg_i_buf fixed = EVG_I_BUF_INIT;
    int rc;

    *out = NULL;
    if (repair_line(&text, &len, &fixed, name, line, warning) < 0)
        rc = evg_i_error_set(err, EVG_ENOMEM, name, line, 0, "out of memory");
    else
        rc = line_article(out, text, len, name, id, line, err);
    evg_i_buf_free(&fixed);
    return rc;
}

int evg_i_jsonl_lines(FILE *f, const char *name, const char *id, evg_i_job_fn fn,
                      void *payload, evg_error *err)
{
    evg_i_job job;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n;
    int line = 0, rc = 0;

    memset(&job, 0, sizeof job);
    job.kind = EVG_I_JOB_LINE;
    job.src = name;
    job.id = id;
    for (;;) {
        errno = 0;
        if ((n = getline(&buf, &cap, f)) < 0)
            break;
        line++;
        size_t k = 0;
        while (k < (size_t)n &&
               (buf[k] == ' ' || buf[k] == '\t' || buf[k] == '\r' || buf[k] == '\n'))
            k++;
        if (k == (size_t)n)
            continue; /* blank lines are allowed */
        job.text = buf;
        job.len = (size_t)n;
        job.line = line;
        if ((rc = fn(&job, payload)) < 0)
            break;
        rc = 0; /* only a negative status stops the reading */
    }
    if (rc == 0 && ferror(f))
        rc = evg_i_error_set(err, EVG_EIO, name, line, 0, "read failed: %s",
                             strerror(errno));
    else if (rc == 0 && errno == ENOMEM) /* the next line did not fit */
        rc = evg_i_error_set(err, EVG_ENOMEM, name, line + 1, 0, "out of memory");
    free(buf);
    return rc;
}

int evg_i_read_jsonl(FILE *f, const char *name, const evg_ingest_opts *opts,
                     size_t *failed, evg_article_fn fn, void *payload, evg_error *err)
{
    evg_i_job_runner r = {opts, failed, fn, payload, err};
    return evg_i_jsonl_lines(f, name, NULL, evg_i_job_run, &r, err);
}
