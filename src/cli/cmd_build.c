/* evgraph build: extracted events in, a graph with centrality scores out. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static cli_strlist inputs;
static const char *output, *format, *view, *alias_path, *cutoff_arg, *measures_arg, *jobs;
static const char *max_people_arg;
static int help, layout, drop_mentions;
static cli_filter_args filter;

static const cli_opt opts[] = {
    {CLI_OPT_OPERANDS, "EVENTS.jsonl", 0, &inputs, NULL,
     "output of 'evgraph extract', - for stdin, or an event store (FILE.db)",
     CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "output", 'o', &output, "FILE",
     "write the graph to FILE, replaced once complete (- for stdout)", CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "format", 'f', &format, "FORMAT",
     "graphml, gexf (Gephi timeline), gexf12 (GEXF 1.2draft, for NetworkX), json "
     "(node-link), csv (FILE.nodes.csv and FILE.edges.csv), or not a graph but the "
     "events table, one row per meeting and participant: events-csv or events-tsv "
     "(FILE.tsv); default: from FILE's extension (an extension of no format is refused), "
     "else graphml",
     0},
    {CLI_OPT_VALUE, "view", 0, &view, "VIEW",
     "full (all kinds of node; default), people (who met whom), countries "
     "(whose officials met) or bipartite (people and their meetings)",
     0},
    {CLI_OPT_VALUE, "alias", 0, &alias_path, "FILE",
     "merge the name variants listed in the JSON alias FILE", 0},
    {CLI_OPT_VALUE, "max-meeting-people", 0, &max_people_arg, "N", CLI_MAX_PEOPLE_HELP,
     0},
    {CLI_OPT_VALUE, "measures", 0, &measures_arg, "LIST", CLI_MEASURES_HELP, 0},
    {CLI_OPT_VALUE, "betweenness-cutoff", 0, &cutoff_arg, "L", CLI_CUTOFF_HELP, 0},
    {CLI_OPT_VALUE, "jobs", 'j', &jobs, "N",
     "read the events on N threads, 0 for one per processor (default 1); same output", 0},
    {CLI_OPT_SWITCH, "drop-mentions", 0, &drop_mentions, NULL, CLI_DROP_MENTIONS_HELP, 0},
    CLI_FILTER_OPTS(filter),
    {CLI_OPT_SWITCH, "layout", 0, &layout, NULL,
     "write positions (x, y; GEXF viz:position) and colour people by country, as the "
     "report draws them; not computed without it",
     0},
    {CLI_OPT_SWITCH, "help", 'h', &help, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

int cli_parse_filter(evg_build_opts *bo, const cli_filter_args *a, const cli_cmd *cmd,
                     cli_status *st)
{
    char msg[256];

    if (cli_filter_parse(&bo->filter, a, msg, sizeof msg) < 0) {
        *st = cli_usage_error(cmd, msg);
        return -1;
    }
    return 0;
}

int cli_load_aliases(evg_aliases **out, const char *path)
{
    evg_error e;

    memset(&e, 0, sizeof e);
    *out = NULL;
    if (path == NULL || evg_aliases_load(out, path, &e) == 0)
        return 0;
    cli_error(&e);
    return -1;
}

void cli_warn_conflicts(const evg_graph *g)
{
    evg_graph_stats st;

    evg_graph_get_stats(&st, g);
    if (st.conflicts > 0)
        cli_warnf("%zu document id%s read twice with different records; "
                  "the record whose JSON sorts first was used",
                  st.conflicts, st.conflicts == 1 ? " was" : "s were");
}

int cli_build_export(evg_graph **g_out, evg_scores **s_out, const evg_corpus *c,
                     const evg_build_opts *bo_in, evg_outset *set, const char *path,
                     evg_format fmt, const evg_analysis_opts *ao, unsigned flags)
{
    evg_build_opts bo = *bo_in;
    evg_export_opts eo = EVG_EXPORT_OPTS_INIT;
    evg_graph *g = NULL;
    evg_scores *s = NULL;
    evg_layout *lay = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    bo.on_diag = cli_diag;
    eo.format = fmt;
    cli_progress_stage("merging %zu records into the %s graph", evg_corpus_doc_count(c),
                       evg_view_name(bo.view));
    if ((rc = evg_graph_build(&g, c, &bo, &e)) < 0)
        goto failed;
    cli_progress_stage("centrality of %zu nodes, %zu edges", evg_graph_vertex_count(g),
                       evg_graph_edge_count(g));
    if ((rc = evg_scores_compute(&s, g, ao, &e)) < 0)
        goto failed;
    /* the report's picture: its layout (the same function on the same graph) and colours
     */
    if (flags & CLI_BUILD_STYLED) {
        cli_progress_stage("layout of %zu nodes", evg_graph_vertex_count(g));
        if ((rc = evg_layout_compute(&lay, g, NULL, &e)) < 0)
            goto failed;
        eo.layout = lay;
        eo.color_by_country = 1;
    }
    cli_progress_stage("writing %s", path);
    if ((rc = set ? evg_export_to_set(set, path, g, s, &eo, &e)
                  : evg_export_file(path, g, s, &eo, &e)) < 0)
        goto failed;
    cli_progress_clear();
    if (g_out) {
        *g_out = g;
        g = NULL;
    }
    if (s_out) {
        *s_out = s;
        s = NULL;
    }
    goto cleanup;
failed:
    cli_error(&e);
cleanup:
    evg_layout_free(lay);
    evg_scores_free(s);
    evg_graph_free(g);
    return rc;
}

int cli_parse_max_people(evg_build_opts *bo, const char *value, const cli_cmd *cmd,
                         cli_status *st)
{
    char msg[128], *end;
    long v;

    if (value == NULL)
        return 0;
    errno = 0;
    v = strtol(value, &end, 10);
    if (errno || end == value || *end || v < 0 || v > 1000000000) {
        snprintf(msg, sizeof msg,
                 "--max-meeting-people expects a whole number (0: no limit), not '%.40s'",
                 value);
        *st = cli_usage_error(cmd, msg);
        return -1;
    }
    bo->max_meeting_people = (size_t)v;
    return 0;
}

int cli_parse_cutoff(evg_analysis_opts *ao, const char *value, const cli_cmd *cmd,
                     cli_status *st)
{
    char msg[128], *end;
    double v;

    if (value == NULL)
        return 0;
    errno = 0;
    v = strtod(value, &end);
    if (errno || end == value || *end || !isfinite(v) || v <= 0) {
        snprintf(msg, sizeof msg,
                 "--betweenness-cutoff expects a positive number, not '%.40s'", value);
        *st = cli_usage_error(cmd, msg);
        return -1;
    }
    ao->betweenness_cutoff = v;
    return 0;
}

/* A usage error about --measures: WHAT 'WORD' and the valid names. Returns -1. */
static int bad_measures(const cli_cmd *cmd, cli_status *st, const char *what,
                        const char *word, size_t len)
{
    char msg[320];

    snprintf(msg, sizeof msg,
             "--measures: %s '%.*s' (expected degree, strength, betweenness, closeness, "
             "eigenvector or pagerank, separated by commas; or all, or none)",
             what, (int)(len > 60 ? 60 : len), word);
    *st = cli_usage_error(cmd, msg);
    return -1;
}

int cli_parse_measures(evg_analysis_opts *ao, const char *value, const cli_cmd *cmd,
                       cli_status *st)
{
    unsigned set = 0;
    evg_measure m;
    char name[16];

    if (value == NULL)
        return 0;
    if (strcmp(value, "none") == 0) {
        ao->measures = 0;
        return 0;
    }
    for (const char *w = value;; w++) {
        size_t len = strcspn(w, ",");
        if (len == 0)
            return bad_measures(cmd, st, "an empty name in", value, strlen(value));
        if (len >= sizeof name) /* longer than any name */
            return bad_measures(cmd, st, "unknown measure", w, len);
        memcpy(name, w, len);
        name[len] = '\0';
        if (strcmp(name, "all") == 0)
            set |= EVG_MEASURES_ALL;
        else if (strcmp(name, "none") == 0)
            return bad_measures(cmd, st, "none cannot be listed with other names, as in",
                                value, strlen(value));
        else if (evg_measure_from_name(&m, name) == 0)
            set |= EVG_MEASURE_BIT(m);
        else
            return bad_measures(cmd, st, "unknown measure", w, len);
        w += len;
        if (*w == '\0')
            break;
    }
    ao->measures = set;
    return 0;
}

/*
 * The output format: --format, else the extension of the output file, else
 * GraphML (no extension, "-", a device). An extension that names no format
 * ("x.xlsx") is refused: 1, with the message in `msg`.
 */
static int choose_format(evg_format *out, char *msg, size_t size)
{
    const char *base = strrchr(output, '/');

    if (format)
        return evg_format_from_name(out, format);
    *out = EVG_FMT_GRAPHML;
    if (evg_format_from_name(out, output) == 0)
        return 0;
    base = base ? base + 1 : output;
    if (strchr(base + 1, '.') && strncmp(output, "/dev/", 5) != 0) {
        snprintf(msg, size,
                 "no format is written as '%.60s' (.graphml, .gexf, .json, .csv or "
                 ".tsv; or choose one with --format)",
                 strrchr(base, '.'));
        return 1;
    }
    return 0;
}

static int choose_view(evg_view *out)
{
    *out = EVG_VIEW_FULL;
    return view == NULL ? 0 : evg_view_from_name(out, view);
}

/*
 * Read every input into `c` on `threads` threads; an unreadable file or a bad
 * line is reported and counted.
 */
static int read_inputs(size_t *failed_out, evg_corpus *c, unsigned threads)
{
    evg_read_opts ro = EVG_READ_OPTS_INIT;
    cli_reading reading;

    cli_reading_init(&reading, inputs.v, inputs.n);
    ro.on_diag = cli_diag;
    ro.threads = threads;
    ro.on_progress = cli_progress_on() ? cli_reading_progress : NULL;
    ro.progress_payload = &reading;
    for (size_t i = 0; i < inputs.n; i++, cli_reading_next(&reading)) {
        evg_error e;
        size_t bad = 0;
        int rc;
        memset(&e, 0, sizeof e);
        rc = evg_corpus_read_events(&bad, c, inputs.v[i], &ro, &e);
        cli_diag_flush(); /* the errors of each input are counted apart */
        *failed_out += bad;
        if (rc == EVG_ENOMEM) {
            cli_error(&e);
            return rc;
        }
        if (rc < 0) {
            cli_error(&e);
            (*failed_out)++;
        }
    }
    return 0;
}

/* The option values, checked: CLI_OK, or CLI_USAGE after the message. */
static cli_status check_options(evg_analysis_opts *ao, evg_build_opts *bo,
                                unsigned *threads, evg_format *fmt)
{
    char msg[256];
    cli_status st = CLI_OK;
    int rc;

    if (cli_parse_cutoff(ao, cutoff_arg, &cli_cmd_build, &st) < 0 ||
        cli_parse_measures(ao, measures_arg, &cli_cmd_build, &st) < 0 ||
        cli_parse_max_people(bo, max_people_arg, &cli_cmd_build, &st) < 0 ||
        cli_parse_filter(bo, &filter, &cli_cmd_build, &st) < 0)
        return st;
    if (cli_parse_jobs(threads, jobs) < 0)
        return cli_usage_error(&cli_cmd_build, "--jobs: expected a number of threads");
    if (choose_view(&bo->view) < 0) {
        snprintf(msg, sizeof msg,
                 "unknown view '%.60s' (expected full, people, countries or bipartite)",
                 view);
        return cli_usage_error(&cli_cmd_build, msg);
    }
    if ((rc = choose_format(fmt, msg, sizeof msg)) < 0) {
        snprintf(msg, sizeof msg,
                 "unknown format '%.60s' (expected graphml, gexf, gexf12, json, csv, "
                 "events-csv or events-tsv)",
                 format);
        return cli_usage_error(&cli_cmd_build, msg);
    }
    if (rc > 0)
        return cli_usage_error(&cli_cmd_build, msg);
    if ((*fmt == EVG_FMT_EVENTS_CSV || *fmt == EVG_FMT_EVENTS_TSV) &&
        (bo->view == EVG_VIEW_PEOPLE || bo->view == EVG_VIEW_COUNTRIES)) {
        snprintf(msg, sizeof msg,
                 "the events table (%s) lists meetings: the %s view has none (leave out "
                 "--view)",
                 evg_format_name(*fmt), evg_view_name(bo->view));
        return cli_usage_error(&cli_cmd_build, msg);
    }
    return CLI_OK;
}

static cli_status build_main(int argc, char **argv)
{
    evg_corpus *c = NULL;
    evg_graph *g = NULL;
    evg_aliases *aliases = NULL;
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_format fmt;
    evg_error e;
    size_t failed = 0;
    unsigned threads;
    const cli_strlist *const in[] = {&inputs, NULL};
    cli_status st;

    memset(&e, 0, sizeof e);
    /* The output first: a usage error comes alone, before a format guess warns. */
    if ((st = cli_parse(&cli_cmd_build, argc, argv)) != CLI_OK ||
        cli_check_output(&cli_cmd_build, output, in, alias_path, &st) < 0 ||
        (st = check_options(&ao, &bo, &threads, &fmt)) != CLI_OK)
        goto cleanup;
    st = CLI_FAILED;
    if (cli_load_aliases(&aliases, alias_path) <
        0) /* before reading: nothing is written */
        goto cleanup;
    if (evg_corpus_new(&c, &e) < 0) {
        cli_error(&e);
        goto cleanup;
    }
    cli_progress_begin();
    if (read_inputs(&failed, c, threads) < 0)
        goto cleanup;
    if (evg_corpus_doc_count(c) == 0 && failed > 0) {
        cli_errorf("%s: left as it was: no input could be read", output);
        goto cleanup;
    }
    bo.aliases = aliases;
    bo.drop_mentions = drop_mentions;
    if (cli_build_export(&g, NULL, c, &bo, NULL, output, fmt, &ao,
                         layout ? CLI_BUILD_STYLED : 0u) < 0)
        goto cleanup;
    cli_warn_conflicts(g);
    st = failed ? CLI_FAILED : CLI_OK;
cleanup:
    evg_graph_free(g);
    evg_aliases_free(aliases);
    evg_corpus_free(c);
    cli_opts_free(opts);
    return st;
}

const cli_cmd cli_cmd_build = {"build", build_main, opts,
                               "build a graph from extracted events and write it", NULL};
