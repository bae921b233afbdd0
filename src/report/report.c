/*
 * The report driver: the choice of renderer, the numeric locale, the table
 * of pictures, and files written atomically (a Markdown report with its
 * pictures beside it).
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "evgraph/io.h"
#include "report/report_internal.h"
#include "util/buf.h"
#include "util/membuf.h"

static const char *const PICTURES[EVG_PIC__COUNT] = {
    [EVG_PIC_NETWORK] = "network",     [EVG_PIC_BETWEENNESS] = "betweenness",
    [EVG_PIC_DEGREE] = "degree",       [EVG_PIC_TIMELINE] = "timeline",
    [EVG_PIC_COUNTRIES] = "countries",
};

const char *evg_report_picture_name(evg_report_picture p)
{
    return (size_t)p < EVG_PIC__COUNT ? PICTURES[p] : NULL;
}

/*
 * Numbers are written with '.' whatever the program's locale: this thread
 * (not the process, as setlocale would) switches to the "C" numeric locale.
 */
typedef struct {
    locale_t c, previous;
} numeric;

static int numeric_enter(numeric *n, evg_error *err)
{
    if ((n->c = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0)) == (locale_t)0)
        return evg_i_error_nomem(err);
    n->previous = uselocale(n->c);
    return 0;
}

static void numeric_leave(numeric *n)
{
    uselocale(n->previous);
    freelocale(n->c);
}

static int finish(FILE *f, int nomem, evg_error *err)
{
    if (nomem)
        return evg_i_error_nomem(err);
    if (ferror(f))
        return evg_i_error_write(err, f, NULL);
    return 0;
}

int evg_report_write(FILE *f, const evg_report *r, evg_report_format format,
                     const char *picture_prefix, evg_error *err)
{
    evg_i_rw w;
    numeric n = {(locale_t)0, (locale_t)0};
    int rc;

    if (f == NULL || r == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output stream or report");
    if (format != EVG_REPORT_HTML && format != EVG_REPORT_MARKDOWN)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown report format %d",
                               (int)format);
    memset(&w, 0, sizeof w);
    w.f = f;
    w.rep = r;
    w.r = format == EVG_REPORT_HTML ? &evg_i_html_renderer : &evg_i_md_renderer;
    w.prefix = picture_prefix ? picture_prefix : "";
    if ((rc = numeric_enter(&n, err)) < 0)
        return rc;
    evg_i_report_sections(&w);
    numeric_leave(&n);
    return finish(f, w.nomem, err);
}

int evg_report_write_picture(FILE *f, const evg_report *r, evg_report_picture p,
                             evg_error *err)
{
    numeric n = {(locale_t)0, (locale_t)0};
    int rc;

    if (f == NULL || r == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output stream or report");
    if ((size_t)p >= EVG_PIC__COUNT)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown picture %d", (int)p);
    if ((rc = numeric_enter(&n, err)) < 0)
        return rc;
    evg_i_svg_write(f, r, p, 1);
    numeric_leave(&n);
    return finish(f, 0, err);
}

/* Whether `path` ends in `ext` (any case) after a file name of its own. */
static int has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), k = strlen(ext);

    return n > k && strcasecmp(path + n - k, ext) == 0 && path[n - k - 1] != '/';
}

evg_report_format evg_report_format_of_path(const char *path)
{
    if (path && (has_extension(path, ".md") || has_extension(path, ".markdown")))
        return EVG_REPORT_MARKDOWN;
    return EVG_REPORT_HTML;
}

/* The length of `path` without its extension (a dot in the file name, not first). */
static size_t stem_len(const char *path)
{
    const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');

    return dot && dot > base ? (size_t)(dot - path) : strlen(path);
}

/*
 * Write the document (p < 0) or picture p into `path`, atomically, or as the
 * file `path` of `set` when that is not NULL.
 */
static int write_into(evg_outset *set, const char *path, const evg_report *r, int p,
                      const char *prefix, evg_error *err)
{
    evg_ofile *of = NULL;
    FILE *f;
    int rc;

    if ((rc = set ? evg_outset_file(&of, set, path, err)
                  : evg_ofile_open(&of, path, err)) < 0)
        return rc;
    f = evg_ofile_stream(of);
    if (p < 0)
        rc = evg_report_write(f, r, prefix ? EVG_REPORT_MARKDOWN : EVG_REPORT_HTML,
                              prefix, err);
    else
        rc = evg_report_write_picture(f, r, (evg_report_picture)p, err);
    if (rc < 0) {
        /* Keep whatever file was there; name the file in the message. */
        evg_ofile_abort(of);
        if (err && err->source[0] == '\0')
            snprintf(err->source, sizeof err->source, "%s",
                     strcmp(path, "-") == 0 ? "<stdout>" : path);
        return rc;
    }
    return evg_ofile_commit(of, err);
}

/*
 * Markdown: "dir/report.md" gets "dir/report-network.svg" and the others,
 * linked from the document as "report-network.svg" (relative to it).
 */
static int write_markdown(evg_outset *set, const char *path, const evg_report *r,
                          evg_error *err)
{
    evg_i_buf file = EVG_I_BUF_INIT, prefix = EVG_I_BUF_INIT;
    const char *slash = strrchr(path, '/');
    size_t base = slash ? (size_t)(slash - path) + 1 : 0, stem = stem_len(path);
    int rc = 0;

    if (evg_i_buf_put(&prefix, path + base, stem - base) < 0 ||
        evg_i_buf_putc(&prefix, '-') < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    for (int p = 0; p < EVG_PIC__COUNT; p++) {
        evg_i_buf_clear(&file);
        if (evg_i_buf_put(&file, path, stem) < 0 ||
            evg_i_buf_printf(&file, "-%s.svg", PICTURES[p]) < 0) {
            rc = evg_i_error_nomem(err);
            goto cleanup;
        }
        EVG_CHECK(write_into(set, file.ptr, r, p, NULL, err));
    }
    EVG_CHECK(write_into(set, path, r, -1, prefix.ptr, err));
cleanup:
    evg_i_buf_free(&file);
    evg_i_buf_free(&prefix);
    return rc;
}

static int write_path(evg_outset *set, const char *path, const evg_report *r,
                      evg_report_format format, evg_error *err)
{
    if (path == NULL || r == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output path or report");
    if (format == EVG_REPORT_HTML)
        return write_into(set, path, r, -1, NULL, err);
    if (format != EVG_REPORT_MARKDOWN)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown report format %d",
                               (int)format);
    if (strcmp(path, "-") == 0)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "a Markdown report needs a file name: its pictures are "
                               "written beside it");
    return write_markdown(set, path, r, err);
}

int evg_report_write_file(const char *path, const evg_report *r, evg_report_format format,
                          evg_error *err)
{
    return write_path(NULL, path, r, format, err);
}

int evg_report_write_to_set(evg_outset *set, const char *name, const evg_report *r,
                            evg_report_format format, evg_error *err)
{
    if (set == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output set");
    return write_path(set, name, r, format, err);
}

typedef struct {
    const evg_report *r;
    evg_report_format format;
    const char *picture_prefix;
} report_call;

static int report_to(FILE *f, const void *payload, evg_error *err)
{
    const report_call *c = payload;
    return evg_report_write(f, c->r, c->format, c->picture_prefix, err);
}

int evg_report_write_buffer(char **out, size_t *len_out, const evg_report *r,
                            evg_report_format format, const char *picture_prefix,
                            evg_error *err)
{
    report_call c = {r, format, picture_prefix};
    return evg_i_write_to_buffer(out, len_out, report_to, &c, err);
}
