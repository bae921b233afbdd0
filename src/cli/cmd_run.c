/* evgraph run: the main job, articles in, events and graphs in a folder out. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

static cli_strlist inputs, lexicons, officials;
static const char *output, *top_arg, *alias_path, *cutoff_arg, *measures_arg, *jobs;
static const char *format_arg;                /* --format */
static evg_format run_fmt = EVG_FMT_GRAPHML; /* of the two graphs */
static int help;

static const cli_opt opts[] = {
    {CLI_OPT_OPERANDS, "INPUT", 0, &inputs, NULL,
     "an article file, a folder of *.txt (recursive), - for stdin", CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "output", 'o', &output, "DIR",
     "write events.jsonl, graph.graphml, people.graphml (or as --format says), "
     "report.html in DIR",
     CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "format", 'f', &format_arg, "FORMAT",
     "write the graphs as graphml (default), gexf, gexf12, json or csv", 0},
    {CLI_OPT_LIST, "lexicon", 'l', &lexicons, "FILE",
     "add the entries of the JSON lexicon FILE (repeatable)", 0},
    {CLI_OPT_LIST, "officials", 0, &officials, "FILE", CLI_OFFICIALS_HELP, 0},
    {CLI_OPT_VALUE, "alias", 0, &alias_path, "FILE",
     "merge the name variants listed in the JSON alias FILE", 0},
    {CLI_OPT_VALUE, "top", 0, &top_arg, "N",
     "list the N most central people per measure (default 5)", 0},
    {CLI_OPT_VALUE, "measures", 0, &measures_arg, "LIST", CLI_MEASURES_HELP, 0},
    {CLI_OPT_VALUE, "betweenness-cutoff", 0, &cutoff_arg, "L", CLI_CUTOFF_HELP, 0},
    {CLI_OPT_VALUE, "jobs", 'j', &jobs, "N",
     "extract on N threads, 0 for one per processor (default 1); same output", 0},
    {CLI_OPT_SWITCH, "help", 'h', &help, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

/* The outputs: DIR/events.jsonl, DIR/graph.graphml, DIR/people.graphml, DIR/report.html. */
typedef struct {
    char *events, *full, *people, *report;
} run_paths;

/* mkdir -p: create `dir` and any missing parents. */
static int make_dirs(const char *dir)
{
    char *p = strdup(dir);
    struct stat st;
    int rc = 0;

    if (p == NULL)
        return -1;
    for (char *s = p + 1; rc == 0 && *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = -1;
        *s = '/';
    }
    if (rc == 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
        rc = -1;
    if (rc == 0 && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
        errno = ENOTDIR;
        rc = -1;
    }
    free(p);
    return rc;
}

/* Extract the inputs into `path` and into x->corpus. Returns -1 when it had to stop. */
static int extract_events(cli_extraction *x, const char *path)
{
    evg_ofile *of = NULL;
    evg_error e;

    memset(&e, 0, sizeof e);
    if (evg_ofile_open(&of, path, &e) < 0) {
        cli_error(&e);
        return -1;
    }
    x->out = evg_ofile_stream(of);
    x->out_name = path;
    if (cli_extract_inputs(x, &inputs, &lexicons, &officials) < 0) {
        evg_ofile_abort(of);
        return -1;
    }
    if (x->docs == 0 && x->failed > 0) {
        /* Keep the outputs of an earlier run rather than replace them with empty ones. */
        cli_errorf("%s: left as it was: no input could be read", output);
        evg_ofile_abort(of);
        return -1;
    }
    if (evg_ofile_commit(of, &e) < 0) {
        cli_error(&e);
        return -1;
    }
    return 0;
}

static void print_counts(const evg_corpus *c, const evg_graph *full, const evg_graph *people)
{
    static const struct {
        const char *label;
        evg_node_type type;
    } rows[] = {{"people", EVG_NODE_PERSON},       {"organizations", EVG_NODE_ORGANIZATION},
                {"countries", EVG_NODE_COUNTRY},   {"meetings", EVG_NODE_MEETING},
                {"agreements", EVG_NODE_AGREEMENT}, {"places", EVG_NODE_PLACE}};
    size_t by_type[EVG_EV_SIGNING + 1] = {0}, events = 0;
    const char *sep = "";
    evg_graph_stats st;

    for (size_t i = 0; i < evg_corpus_doc_count(c); i++) {
        const evg_doc *d = evg_corpus_doc(c, i);
        for (size_t k = 0; k < evg_doc_event_count(d); k++, events++)
            by_type[evg_doc_event(d, k)->type]++;
    }
    printf("documents      %zu\n", evg_corpus_doc_count(c));
    printf("events         %zu (", events);
    for (int t = 0; t <= EVG_EV_SIGNING; t++, sep = ", ")
        printf("%s%s %zu", sep, evg_event_type_name((evg_event_type)t), by_type[t]);
    printf(")\n");
    evg_graph_get_stats(&st, full);
    printf("reports        %zu, merged into %zu meetings\n", st.reports, st.meetings);
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

/* Build, score and export both views, write the report, then print the summary. */
static int build_and_report(const evg_corpus *c, const evg_aliases *aliases,
                            const run_paths *p, size_t ntop, const evg_analysis_opts *ao)
{
    evg_graph *full = NULL, *people = NULL;
    evg_scores *full_s = NULL, *people_s = NULL;
    evg_report_opts ro = EVG_REPORT_OPTS_INIT;
    int rc;

    /* The report lies beside the graphs and names them without the folder. */
    ro.full_file = cli_base_name(p->full);
    ro.people_file = cli_base_name(p->people);
    if ((rc = cli_build_export(&full, &full_s, c, EVG_VIEW_FULL, aliases, p->full,
                               run_fmt, ao)) < 0 ||
        (rc = cli_build_export(&people, &people_s, c, EVG_VIEW_PEOPLE, aliases, p->people,
                               run_fmt, ao)) < 0 ||
        (rc = cli_write_report(p->report, EVG_REPORT_HTML, c, full, people, people_s,
                               &ro)) < 0)
        goto cleanup;
    cli_warn_conflicts(full);
    print_counts(c, full, people);
    if (print_top(people, people_s, EVG_M_BETWEENNESS, ntop) < 0 ||
        print_top(people, people_s, EVG_M_DEGREE, ntop) < 0) {
        cli_errorf("out of memory");
        rc = -1;
    }
cleanup:
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

static cli_status run_main(int argc, char **argv)
{
    cli_extraction x = {NULL, NULL, 0, NULL, 0, 0, 1};
    run_paths p = {NULL, NULL, NULL, NULL};
    evg_aliases *aliases = NULL;
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    evg_error e;
    size_t ntop;
    char msg[128], full_name[32], people_name[32];
    cli_status st;

    memset(&e, 0, sizeof e);
    if ((st = cli_parse(&cli_cmd_run, argc, argv)) != CLI_OK)
        goto cleanup;
    if (parse_top(&ntop) < 0) {
        snprintf(msg, sizeof msg, "--top expects a number from 0 to 1000, not '%.40s'", top_arg);
        st = cli_usage_error(&cli_cmd_run, msg);
        goto cleanup;
    }
    if (cli_parse_cutoff(&ao, cutoff_arg, &cli_cmd_run, &st) < 0 ||
        cli_parse_measures(&ao, measures_arg, &cli_cmd_run, &st) < 0)
        goto cleanup;
    if (cli_parse_jobs(&x.threads, jobs) < 0) {
        st = cli_usage_error(&cli_cmd_run, "--jobs: expected a number of threads");
        goto cleanup;
    }
    if (format_arg && evg_format_from_name(&run_fmt, format_arg) < 0) {
        snprintf(msg, sizeof msg,
                 "unknown format '%.40s' (expected graphml, gexf, gexf12, json or csv)",
                 format_arg);
        st = cli_usage_error(&cli_cmd_run, msg);
        goto cleanup;
    }
    /* graph.graphml, graph.gexf, ...; CSV: graph.nodes.csv and graph.edges.csv */
    snprintf(full_name, sizeof full_name, "graph%s", evg_format_extension(run_fmt));
    snprintf(people_name, sizeof people_name, "people%s", evg_format_extension(run_fmt));
    st = CLI_FAILED;
    if (cli_load_aliases(&aliases, alias_path) < 0) /* before anything is written */
        goto cleanup;
    if (make_dirs(output) < 0) {
        cli_errorf("%s: cannot create directory: %s", output, strerror(errno));
        goto cleanup;
    }
    if (!(p.events = cli_path_join(output, "events.jsonl")) ||
        !(p.full = cli_path_join(output, full_name)) ||
        !(p.people = cli_path_join(output, people_name)) ||
        !(p.report = cli_path_join(output, "report.html")) ||
        evg_corpus_new(&x.corpus, &e) < 0) {
        cli_errorf("out of memory");
        goto cleanup;
    }
    if (extract_events(&x, p.events) < 0 ||
        build_and_report(x.corpus, aliases, &p, ntop, &ao) < 0)
        goto cleanup;
    st = x.failed ? CLI_FAILED : CLI_OK;
cleanup:
    evg_aliases_free(aliases);
    evg_corpus_free(x.corpus);
    free(p.events);
    free(p.full);
    free(p.people);
    free(p.report);
    cli_opts_free(opts);
    return st;
}

const cli_cmd cli_cmd_run = {"run", run_main, opts,
                             "extract, build, score and export into a folder, with a summary"};
