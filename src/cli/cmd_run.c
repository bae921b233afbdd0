/* evgraph run: the main job, articles in, events and graphs in a folder out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

static cli_strlist inputs, lexicons, officials;
static const char *output, *top_arg, *alias_path, *cutoff_arg, *measures_arg, *jobs;
static const char *format_arg;               /* --format */
static const char *store_path;               /* --store */
static const char *max_people_arg;           /* --max-meeting-people */
static evg_format run_fmt = EVG_FMT_GRAPHML; /* of the two graphs */
static int help, drop_mentions;
static cli_filter_args filter;

static const cli_opt opts[] = {
    {CLI_OPT_OPERANDS, "INPUT", 0, &inputs, NULL,
     "an article file, a folder of *.txt (recursive), - for stdin", CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "output", 'o', &output, "DIR",
     "write events.jsonl, graph.graphml, people.graphml (or as --format says), "
     "report.html in DIR",
     CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "store", 0, &store_path, "FILE.db",
     "add the events to the event store FILE.db (created when missing) instead of "
     "writing DIR/events.jsonl, and build from every document in it",
     0},
    {CLI_OPT_VALUE, "format", 'f', &format_arg, "FORMAT",
     "write the graphs as graphml (default), gexf, gexf12, json or csv", 0},
    {CLI_OPT_LIST, "lexicon", 'l', &lexicons, "FILE",
     "add the entries of the JSON lexicon FILE (repeatable)", 0},
    {CLI_OPT_LIST, "officials", 0, &officials, "FILE", CLI_OFFICIALS_HELP, 0},
    {CLI_OPT_VALUE, "alias", 0, &alias_path, "FILE",
     "merge the name variants listed in the JSON alias FILE", 0},
    {CLI_OPT_VALUE, "max-meeting-people", 0, &max_people_arg, "N", CLI_MAX_PEOPLE_HELP,
     0},
    {CLI_OPT_VALUE, "top", 0, &top_arg, "N",
     "list the N most central people per measure (default 5)", 0},
    {CLI_OPT_VALUE, "measures", 0, &measures_arg, "LIST", CLI_MEASURES_HELP, 0},
    {CLI_OPT_VALUE, "betweenness-cutoff", 0, &cutoff_arg, "L", CLI_CUTOFF_HELP, 0},
    {CLI_OPT_VALUE, "jobs", 'j', &jobs, "N",
     "extract on N threads, 0 for one per processor (default 1); same output", 0},
    {CLI_OPT_SWITCH, "drop-mentions", 0, &drop_mentions, NULL, CLI_DROP_MENTIONS_HELP, 0},
    CLI_FILTER_OPTS(filter),
    {CLI_OPT_SWITCH, "help", 'h', &help, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

/* The files of the set: events.jsonl, graph.graphml, people.graphml, report.html. */
typedef struct {
    const char *events, *full, *people, *report;
} run_names;

/*
 * Extract the inputs into the file `name` of `set` and into x->corpus.
 * Returns -1 when it had to stop.
 */
static int extract_events(cli_extraction *x, evg_outset *set, const char *name)
{
    evg_ofile *of = NULL;
    evg_error e;
    char *path = cli_path_join(output, name); /* for messages */
    int rc = -1;

    memset(&e, 0, sizeof e);
    if (path == NULL) {
        cli_errorf("out of memory");
        return -1;
    }
    if (evg_outset_file(&of, set, name, &e) < 0) {
        cli_error(&e);
        goto cleanup;
    }
    x->out = evg_ofile_stream(of);
    x->out_name = path;
    if (cli_extract_inputs(x, &inputs, &lexicons, &officials) < 0)
        goto cleanup;
    if (x->docs == 0 && x->failed > 0) {
        /* Keep the outputs of an earlier run rather than replace them with empty ones. */
        cli_errorf("%s: left as it was: no input could be read", output);
        goto cleanup;
    }
    rc = evg_ofile_commit(of, &e);
    of = NULL;
    if (rc < 0)
        cli_error(&e);
cleanup:
    evg_ofile_abort(of);
    x->out = NULL;
    x->out_name = NULL;
    free(path);
    return rc < 0 ? -1 : 0;
}

/*
 * --store: extract the inputs into the store, in one transaction, then read
 * the whole store into x->corpus. Returns -1 when it had to stop.
 */
static int store_events(cli_extraction *x)
{
    evg_read_opts ro = EVG_READ_OPTS_INIT;
    evg_corpus *extracted = x->corpus;
    evg_error e;
    size_t bad = 0;
    int rc = -1;

    memset(&e, 0, sizeof e);
    if (evg_store_open(&x->store, store_path, &e) < 0) {
        cli_error(&e);
        return -1;
    }
    x->corpus = NULL; /* the documents go to the store, and come back with the rest */
    x->out_name = store_path;
    if (cli_extract_inputs(x, &inputs, &lexicons, &officials) < 0)
        goto cleanup;
    if (x->docs == 0 && x->failed > 0) {
        cli_errorf("%s: left as it was: no input could be read", store_path);
        goto cleanup;
    }
    rc = evg_store_commit(x->store, &e);
    x->store = NULL;
    if (rc < 0) {
        cli_error(&e);
        goto cleanup;
    }
    ro.on_diag = cli_diag;
    if ((rc = evg_corpus_read_events(&bad, extracted, store_path, &ro, &e)) < 0)
        cli_error(&e);
    cli_diag_flush();
    x->failed += bad;
cleanup:
    evg_store_abort(x->store);
    x->store = NULL;
    x->corpus = extracted;
    x->out_name = NULL;
    return rc < 0 ? -1 : 0;
}

static void print_counts(const evg_corpus *c, const evg_graph *full,
                         const evg_graph *people, int filtered)
{
    static const struct {
        const char *label;
        evg_node_type type;
    } rows[] = {{"people", EVG_NODE_PERSON},
                {"organizations", EVG_NODE_ORGANIZATION},
                {"countries", EVG_NODE_COUNTRY},
                {"agreements", EVG_NODE_AGREEMENT},
                {"places", EVG_NODE_PLACE}};
    evg_graph_stats st;
    evg_event_counts ev;

    /* the counts of the report and of `query stats`, defined once
     * (evg_graph_event_counts) */
    evg_graph_get_stats(&st, full);
    evg_graph_event_counts(&ev, full);
    printf("documents      %zu\n", evg_corpus_doc_count(c));
    if (filtered) /* the graphs hold the meetings the filter keeps */
        printf("reports        %zu event records, merged into %zu events, of which the "
               "filter keeps %zu\n",
               st.reports, st.meetings, ev.events);
    else
        printf("reports        %zu event records, merged into %zu events\n", st.reports,
               ev.events);
    printf("events         %zu (meetings %zu, calls %zu, planned %zu)\n", ev.events,
           ev.meetings, ev.calls, ev.planned);
    printf(
        "meetings       %zu in person, reported (talks %zu, visits %zu, signings %zu)\n",
        ev.meetings, ev.talks, ev.visits, ev.signings);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        printf("%-14s %zu\n", rows[i].label, evg_graph_count_type(full, rows[i].type));
    printf("edges          %zu in the full graph, %zu in the people graph\n",
           evg_graph_edge_count(full), evg_graph_edge_count(people));
}

/*
 * The `n` people with the highest score for `m`, ties in vertex order (--top 0
 * or a measure left out by --measures: none).
 */
static int print_top(const evg_graph *g, const evg_scores *s, evg_measure m, size_t n)
{
    size_t *top, k;

    if (n == 0 || !evg_scores_has(s, m))
        return 0;
    if ((top = calloc(n, sizeof(*top))) == NULL)
        return -1;
    k = evg_scores_top(top, n, s, g, m, EVG_NODE_PERSON);
    if (m == EVG_M_BETWEENNESS && evg_scores_cutoff(s) > 0)
        printf("\ntop people by %s (people graph; approximate: paths up to %.9g long):\n",
               evg_measure_name(m), evg_scores_cutoff(s));
    else
        printf("\ntop people by %s (people graph):\n", evg_measure_name(m));
    if (k == 0)
        printf("  (none)\n");
    for (size_t i = 0; i < k; i++) {
        char name[1024]; /* a name that would drive the terminal, escaped */
        printf("  %zu  %.6f  %s\n", i + 1, evg_scores_get(s, m, top[i]),
               evg_text_escape(name, sizeof name, evg_graph_vertex_label(g, top[i])));
    }
    free(top);
    return 0;
}

/*
 * Build, score and export both views and write the report into `set`; once
 * they are all written, put the set in place and print the summary. `*set`
 * is NULL afterwards, whatever happened.
 */
static int build_and_report(const evg_corpus *c, const evg_build_opts *bo_in,
                            evg_outset **set, const run_names *p, size_t ntop,
                            const evg_analysis_opts *ao)
{
    evg_build_opts bo = *bo_in;
    evg_graph *full = NULL, *people = NULL;
    evg_scores *full_s = NULL, *people_s = NULL;
    evg_report_opts ro = EVG_REPORT_OPTS_INIT;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    /* The report lies beside the graphs and names them without the folder. */
    ro.full_file = p->full;
    ro.people_file = p->people;
    /* the people graph as the report draws it: its positions and colours */
    bo.view = EVG_VIEW_FULL;
    bo.drop_mentions = drop_mentions;
    if ((rc = cli_build_export(&full, &full_s, c, &bo, *set, p->full, run_fmt, ao, 0)) <
        0)
        goto cleanup;
    bo.view = EVG_VIEW_PEOPLE;
    if ((rc = cli_build_export(&people, &people_s, c, &bo, *set, p->people, run_fmt, ao,
                               CLI_BUILD_STYLED)) < 0 ||
        (rc = cli_write_report(*set, p->report, EVG_REPORT_HTML, c, full, people,
                               people_s, &ro)) < 0)
        goto cleanup;
    rc = evg_outset_commit(*set, &e);
    *set = NULL;
    if (rc < 0) {
        cli_error(&e);
        goto cleanup;
    }
    cli_warn_conflicts(full);
    print_counts(c, full, people,
                 bo.filter.from || bo.filter.to || bo.filter.ncountries ||
                     bo.filter.event_types || bo.filter.statuses);
    if (print_top(people, people_s, EVG_M_BETWEENNESS, ntop) < 0 ||
        print_top(people, people_s, EVG_M_DEGREE, ntop) < 0) {
        cli_errorf("out of memory");
        rc = -1;
    }
cleanup:
    evg_outset_abort(*set);
    *set = NULL;
    evg_scores_free(people_s);
    evg_graph_free(people);
    evg_scores_free(full_s);
    evg_graph_free(full);
    return rc;
}

/* --top N: a count from 0 to 1000. */
static int parse_top(size_t *out)
{
    char *end;
    long v;

    *out = 5;
    if (top_arg == NULL)
        return 0;
    errno = 0;
    v = strtol(top_arg, &end, 10);
    if (errno || end == top_arg || *end || v < 0 || v > 1000)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* No file of the set may replace an input (a usage error into `*st`, -1). */
static int check_outputs(const run_names *p, cli_status *st)
{
    const char *names[] = {p->full, p->people, p->report, EVG_OUTSET_MANIFEST, p->events};
    const cli_strlist *const in[] = {&inputs, &lexicons, &officials, NULL};
    int rc = 0;

    if (store_path)
        rc = cli_check_output(&cli_cmd_run, store_path, in, alias_path, st);
    for (size_t i = 0; rc == 0 && i < sizeof names / sizeof names[0]; i++) {
        char *path = names[i] ? cli_path_join(output, names[i]) : NULL;
        if (names[i] == NULL)
            break;
        if (path == NULL) {
            cli_errorf("out of memory");
            *st = CLI_FAILED;
            return -1;
        }
        rc = cli_check_output(&cli_cmd_run, path, in, alias_path, st);
        free(path);
    }
    return rc;
}

static cli_status run_main(int argc, char **argv)
{
    cli_extraction x = {NULL, NULL, 0, NULL, 0, 0, 1, NULL, NULL};
    run_names p = {"events.jsonl", NULL, NULL, "report.html"};
    evg_outset *set = NULL;
    evg_aliases *aliases = NULL;
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_error e;
    size_t ntop;
    char msg[128], full_name[32], people_name[32];
    cli_status st;

    memset(&e, 0, sizeof e);
    if ((st = cli_parse(&cli_cmd_run, argc, argv)) != CLI_OK)
        goto cleanup;
    if (parse_top(&ntop) < 0) {
        snprintf(msg, sizeof msg, "--top expects a number from 0 to 1000, not '%.40s'",
                 top_arg);
        st = cli_usage_error(&cli_cmd_run, msg);
        goto cleanup;
    }
    if (cli_parse_cutoff(&ao, cutoff_arg, &cli_cmd_run, &st) < 0 ||
        cli_parse_measures(&ao, measures_arg, &cli_cmd_run, &st) < 0 ||
        cli_parse_max_people(&bo, max_people_arg, &cli_cmd_run, &st) < 0 ||
        cli_parse_filter(&bo, &filter, &cli_cmd_run, &st) < 0)
        goto cleanup;
    if (cli_parse_jobs(&x.threads, jobs) < 0) {
        st = cli_usage_error(&cli_cmd_run, "--jobs: expected a number of threads");
        goto cleanup;
    }
    x.skip = output; /* "run coll -o coll/out": the output folder is no input */
    if (format_arg && (evg_format_from_name(&run_fmt, format_arg) < 0 ||
                       run_fmt == EVG_FMT_EVENTS_CSV || run_fmt == EVG_FMT_EVENTS_TSV)) {
        snprintf(msg, sizeof msg,
                 "unknown format '%.40s' (expected graphml, gexf, gexf12, json or csv)",
                 format_arg);
        st = cli_usage_error(&cli_cmd_run, msg);
        goto cleanup;
    }
    /* graph.graphml, graph.gexf, ...; CSV: graph.nodes.csv and graph.edges.csv */
    snprintf(full_name, sizeof full_name, "graph%s", evg_format_extension(run_fmt));
    snprintf(people_name, sizeof people_name, "people%s", evg_format_extension(run_fmt));
    p.full = full_name;
    p.people = people_name;
    if (store_path && !evg_store_is_path(store_path)) {
        snprintf(msg, sizeof msg,
                 "--store: expected a file name ending in .db, not '%.40s'", store_path);
        st = cli_usage_error(&cli_cmd_run, msg);
        goto cleanup;
    }
    if (store_path)
        p.events = NULL; /* the events are in the store */
    if (check_outputs(&p, &st) < 0)
        goto cleanup;
    st = CLI_FAILED;
    if (cli_load_aliases(&aliases, alias_path) < 0) /* before anything is written */
        goto cleanup;
    bo.aliases = aliases;
    /* The folder, locked: a second run into it is refused until this one ends. */
    if (evg_outset_open(&set, output, &e) < 0 || evg_corpus_new(&x.corpus, &e) < 0) {
        cli_error(&e);
        goto cleanup;
    }
    if ((store_path ? store_events(&x) : extract_events(&x, set, p.events)) < 0 ||
        build_and_report(x.corpus, &bo, &set, &p, ntop, &ao) < 0)
        goto cleanup;
    st = x.failed ? CLI_FAILED : CLI_OK;
cleanup:
    evg_outset_abort(set);
    evg_aliases_free(aliases);
    evg_corpus_free(x.corpus);
    cli_opts_free(opts);
    return st;
}

const cli_cmd cli_cmd_run = {
    "run", run_main, opts,
    "extract, build, score and export into a folder, with a summary", NULL};
