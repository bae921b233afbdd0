/* The export driver: the table of formats, options, locale and atomic files. */
#include <errno.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "evgraph/io.h"
#include "export/export_internal.h"
#include "util/error.h"
#include "util/optsinit.h"
#include "util/membuf.h"

EVG_I_OPTS_INIT_FN(evg_export_opts_init, evg_export_opts, EVG_EXPORT_OPTS_VERSION,
                   EVG_EXPORT_OPTS_INIT)

static const evg_i_exporter EXPORTERS[] = {
    {EVG_FMT_GRAPHML, "graphml", ".graphml", 1, evg_i_graphml_write},
    {EVG_FMT_GEXF, "gexf", ".gexf", 1, evg_i_gexf_write},
    {EVG_FMT_JSON, "json", ".json", 1, evg_i_json_write},
    {EVG_FMT_CSV, "csv", ".csv", 1, evg_i_csv_write},
    /* ".gexf" means the current version; 1.2draft is chosen by name. */
    {EVG_FMT_GEXF12, "gexf12", ".gexf", 0, evg_i_gexf_write},
    /* tables of the meetings, not graphs: chosen by name (".csv" is the graph's) */
    {EVG_FMT_EVENTS_CSV, "events-csv", ".csv", 0, evg_i_events_csv_write},
    {EVG_FMT_EVENTS_TSV, "events-tsv", ".tsv", 1, evg_i_events_tsv_write},
};

#define NEXPORTERS (sizeof EXPORTERS / sizeof EXPORTERS[0])

/* The v1 layout of evg_export_opts, which callers built before csv_table. */
typedef struct {
    unsigned version;
    evg_format format;
} export_opts_v1;

/* Version 2 of the options, before color_by_country. */
typedef struct {
    unsigned version;
    evg_format format;
    evg_csv_table csv_table;
    const evg_layout *layout;
} export_opts_v2;

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

/* The caller's options in the current layout; EVG_EINVAL for an unknown version. */
static int read_opts(evg_export_opts *out, const evg_export_opts *opts, evg_error *err)
{
    *out = (evg_export_opts)EVG_EXPORT_OPTS_INIT;
    if (opts == NULL)
        return 0;
    if (opts->version == 1) {
        out->format = ((const export_opts_v1 *)(const void *)opts)->format;
        return 0;
    }
    if (opts->version == 2) { /* no color_by_country */
        const export_opts_v2 *v2 = (const export_opts_v2 *)(const void *)opts;
        out->format = v2->format;
        out->csv_table = v2->csv_table;
        out->layout = v2->layout;
    } else if (opts->version != EVG_EXPORT_OPTS_VERSION) {
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unsupported export options");
    } else {
        *out = *opts;
    }
    if (out->csv_table != EVG_CSV_NODES && out->csv_table != EVG_CSV_EDGES)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown CSV table %d",
                               (int)out->csv_table);
    return 0;
}

int evg_export(FILE *f, const evg_graph *g, const evg_scores *s,
               const evg_export_opts *opts, evg_error *err)
{
    const evg_i_exporter *ex;
    evg_export_opts o;
    locale_t c_numeric, previous;
    int saved;
    int rc;

    if (f == NULL || g == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output stream or graph");
    if ((rc = read_opts(&o, opts, err)) < 0)
        return rc;
    if (s && evg_scores_vertex_count(s) != evg_graph_vertex_count(g))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "the scores were computed on another graph");
    if ((ex = find_exporter(o.format)) == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "unknown export format %d",
                               (int)o.format);
    /*
     * Numbers are written with '.' whatever the program's locale: switch this
     * thread (not the process, as setlocale would) to the "C" numeric locale.
     */
    if ((c_numeric = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0)) == (locale_t)0)
        return evg_i_error_nomem(err);
    previous = uselocale(c_numeric);
    errno = 0; /* a failed write sets it: its reason is told */
    rc = ex->write(f, g, s, &o, err);
    saved = errno;
    uselocale(previous);
    freelocale(c_numeric);
    errno = saved;
    if (rc == 0 && ferror(f))
        rc = evg_i_error_write(err, f, NULL);
    return rc;
}

/* Name the file in a message that names none yet. */
static int name_path(int rc, evg_error *err, const char *path)
{
    if (strcmp(path, "-") == 0)
        path = "<stdout>";
    if (err && err->source[0] == '\0') {
        size_t n = strnlen(path, sizeof err->source - 1); /* a long path is cut */
        memcpy(err->source, path, n);
        err->source[n] = '\0';
    }
    return rc;
}

/* The file `path` alone, or the file of that name in `set`. */
static int open_out(evg_ofile **out, evg_outset *set, const char *path, evg_error *err)
{
    return set ? evg_outset_file(out, set, path, err) : evg_ofile_open(out, path, err);
}

static int export_one(evg_outset *set, const char *path, const evg_graph *g,
                      const evg_scores *s, const evg_export_opts *o, evg_error *err)
{
    evg_ofile *of = NULL;
    int rc;

    if ((rc = open_out(&of, set, path, err)) < 0)
        return rc;
    if ((rc = evg_export(evg_ofile_stream(of), g, s, o, err)) < 0) {
        evg_ofile_abort(of); /* keep whatever file was there */
        return name_path(rc, err, path);
    }
    return evg_ofile_commit(of, err);
}

/*
 * The two CSV tables: both are written and flushed to their temporary files
 * before the first replaces its target, so a failure while writing leaves
 * both older files as they were.
 */
static int export_csv(evg_outset *set, const char *path, const evg_graph *g,
                      const evg_scores *s, const evg_export_opts *o, evg_error *err)
{
    char names[2][4096];
    evg_ofile *of[2] = {NULL, NULL};
    evg_export_opts t = *o;
    int rc = 0;

    for (int k = 0; k < 2; k++)
        if (evg_export_csv_path(names[k], sizeof names[k], path, (evg_csv_table)k) < 0)
            return name_path(evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                                             "CSV is two files (nodes and edges): give a "
                                             "file name, not standard output"),
                             err, path);
    for (int k = 0; k < 2 && rc == 0; k++) {
        t.csv_table = (evg_csv_table)k;
        if ((rc = open_out(&of[k], set, names[k], err)) < 0)
            break;
        if ((rc = evg_export(evg_ofile_stream(of[k]), g, s, &t, err)) == 0 &&
            fflush(evg_ofile_stream(of[k])) != 0)
            rc = evg_i_error_write(err, NULL, NULL);
        if (rc < 0)
            name_path(rc, err, names[k]);
    }
    for (int k = 0; k < 2; k++) {
        if (of[k] == NULL)
            continue;
        if (rc < 0)
            evg_ofile_abort(of[k]);
        else
            rc = evg_ofile_commit(of[k], err);
        of[k] = NULL;
    }
    return rc;
}

static int export_path(evg_outset *set, const char *path, const evg_graph *g,
                       const evg_scores *s, const evg_export_opts *opts, evg_error *err)
{
    evg_export_opts o;
    int rc;

    if (path == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output path");
    if ((rc = read_opts(&o, opts, err)) < 0)
        return name_path(rc, err, path);
    if (o.format == EVG_FMT_CSV)
        return export_csv(set, path, g, s, &o, err);
    return export_one(set, path, g, s, &o, err);
}

int evg_export_file(const char *path, const evg_graph *g, const evg_scores *s,
                    const evg_export_opts *opts, evg_error *err)
{
    return export_path(NULL, path, g, s, opts, err);
}

int evg_export_to_set(evg_outset *set, const char *name, const evg_graph *g,
                      const evg_scores *s, const evg_export_opts *opts, evg_error *err)
{
    if (set == NULL)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "no output set");
    return export_path(set, name, g, s, opts, err);
}

int evg_export_csv_path(char *buf, size_t size, const char *path, evg_csv_table table)
{
    size_t n = path ? strlen(path) : 0;
    int k;

    if (n == 0 || strcmp(path, "-") == 0 || buf == NULL ||
        (table != EVG_CSV_NODES && table != EVG_CSV_EDGES))
        return EVG_EINVAL;
    if (n > 4 && strcasecmp(path + n - 4, ".csv") == 0)
        n -= 4;
    k = snprintf(buf, size, "%.*s.%s.csv", (int)n, path,
                 table == EVG_CSV_NODES ? "nodes" : "edges");
    return k < 0 || (size_t)k >= size ? EVG_EINVAL : 0;
}

int evg_format_from_name(evg_format *out, const char *name)
{
    size_t n = name ? strlen(name) : 0;

    for (size_t i = 0; name && i < NEXPORTERS; i++) {
        const char *ext = EXPORTERS[i].extension;
        size_t k = strlen(ext);
        if (strcasecmp(name, EXPORTERS[i].name) == 0 ||
            (EXPORTERS[i].by_extension && n > k && strcasecmp(name + n - k, ext) == 0)) {
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

const char *evg_format_extension(evg_format f)
{
    const evg_i_exporter *ex = find_exporter(f);
    return ex ? ex->extension : "";
}

typedef struct {
    const evg_graph *g;
    const evg_scores *s;
    const evg_export_opts *opts;
} export_call;

static int export_to(FILE *f, const void *payload, evg_error *err)
{
    const export_call *c = payload;
    return evg_export(f, c->g, c->s, c->opts, err);
}

int evg_export_to_buffer(char **out, size_t *len_out, const evg_graph *g,
                         const evg_scores *s, const evg_export_opts *opts, evg_error *err)
{
    export_call c = {g, s, opts};
    return evg_i_write_to_buffer(out, len_out, export_to, &c, err);
}
