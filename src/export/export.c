/* The export driver: the table of formats, locale and atomic files. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "evgraph/io.h"
#include "export/export_internal.h"
#include "util/error.h"

static const evg_i_exporter EXPORTERS[] = {
    {EVG_FMT_GRAPHML, "graphml", ".graphml", evg_i_graphml_write},
};

#define NEXPORTERS (sizeof EXPORTERS / sizeof EXPORTERS[0])

static const evg_i_exporter *find_exporter(evg_format f)
{
    for (size_t i = 0; i < NEXPORTERS; i++)
        if (EXPORTERS[i].format == f)
            return &EXPORTERS[i];
    return NULL;
}

const char *evg_i_fmt_double(char buf[EVG_I_DOUBLE_BUF], double x)
{
    /* -0 and values that no consumer parses alike are written as 0. */
    if (!isfinite(x) || x == 0.0)
        x = 0.0;
    snprintf(buf, EVG_I_DOUBLE_BUF, "%.9g", x);
    return buf;
}

int evg_export(FILE *f, const evg_graph *g, const evg_scores *s,
               const evg_export_opts *opts, evg_error *err)
{
    const evg_i_exporter *ex = find_exporter(opts ? opts->format : EVG_FMT_GRAPHML);
    locale_t c_numeric, previous;
    int rc;

    if (f == NULL || g == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output stream or graph");
    if (opts && opts->version != EVG_EXPORT_OPTS_VERSION)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unsupported export options");
    if (s && evg_scores_vertex_count(s) != evg_graph_vertex_count(g))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "the scores were computed on another graph");
    if (ex == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown export format %d",
                               (int)opts->format);
    /*
     * Numbers are written with '.' whatever the program's locale: switch this
     * thread (not the process, as setlocale would) to the "C" numeric locale.
     */
    if ((c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0)) == (locale_t)0)
        return evg_i_error_nomem(err);
    previous = uselocale(c_numeric);
    rc = ex->write(f, g, s, opts, err);
    uselocale(previous);
    freelocale(c_numeric);
    if (rc == 0 && ferror(f))
        rc = evg_i_error_set(err, EVG_EIO, NULL, 0, 0, "write failed");
    return rc;
}

int evg_export_file(const char *path, const evg_graph *g, const evg_scores *s,
                    const evg_export_opts *opts, evg_error *err)
{
    evg_ofile *of = NULL;
    int rc;

    if (path == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output path");
    if ((rc = evg_ofile_open(&of, path, err)) < 0)
        return rc;
    if ((rc = evg_export(evg_ofile_stream(of), g, s, opts, err)) < 0) {
        /* Keep whatever file was there; name the file in the message. */
        evg_ofile_abort(of);
        if (err && err->source[0] == '\0')
            snprintf(err->source, sizeof err->source, "%s", path);
        return rc;
    }
    return evg_ofile_commit(of, err);
}

int evg_format_from_name(evg_format *out, const char *name)
{
    size_t n = name ? strlen(name) : 0;

    for (size_t i = 0; name && i < NEXPORTERS; i++) {
        size_t k = strlen(EXPORTERS[i].extension);
        if (strcasecmp(name, EXPORTERS[i].name) == 0 ||
            (n > k && strcasecmp(name + n - k, EXPORTERS[i].extension) == 0)) {
            *out = EXPORTERS[i].format;
            return 0;
        }
    }
    return EVG_EINVAL;
}

const char *evg_format_name(evg_format f)
{
    const evg_i_exporter *ex = find_exporter(f);
    return ex ? ex->name : "unknown";
}
