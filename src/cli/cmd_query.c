/*
 * evgraph query: questions about a graph from the shell. The arguments name
 * the sources, then a command and its operands; the library loads the
 * sources (evg_query_load), answers (evg_query_run) and writes the answer
 * (evg_query_result_write). This file only parses, picks the output format
 * and turns outcomes into exit statuses.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

static cli_strlist operands, people, countries, types;
static const char *from, *to, *status, *place, *measure, *limit, *depth, *output, *format,
    *party, *alias_path, *cutoff_arg;
static int json, tsv, table, timing, help;

/* The help of the operands; the commands come from the library's table (init_help). */
static char operands_help[512];

static const cli_opt opts[] = {
    {CLI_OPT_OPERANDS, "SOURCE... COMMAND [ARG]", 0, &operands, NULL, operands_help,
     CLI_OPT_REQUIRED},
    {CLI_OPT_SWITCH, "json", 0, &json, NULL, "write the answer as JSON", 0},
    {CLI_OPT_SWITCH, "tsv", 0, &tsv, NULL,
     "write a header line and tab-separated lines (the default when the output is not a "
     "terminal)",
     0},
    {CLI_OPT_SWITCH, "table", 0, &table, NULL,
     "write aligned columns (the default on a terminal)", 0},
    {CLI_OPT_LIST, "person", 0, &people, "NAME",
     "only meetings NAME took part in (repeatable: all of them)", 0},
    {CLI_OPT_LIST, "country", 0, &countries, "COUNTRY", CLI_COUNTRY_HELP, 0},
    {CLI_OPT_VALUE, "from", 0, &from, "DATE", CLI_FROM_HELP, 0},
    {CLI_OPT_VALUE, "to", 0, &to, "DATE", CLI_TO_HELP, 0},
    {CLI_OPT_LIST, "type", 0, &types, "TYPE",
     "only meetings of TYPE: meeting, call, visit or signing (repeatable); for top, "
     "what to rank: person (default), country or organization",
     0},
    {CLI_OPT_VALUE, "status", 0, &status, "STATUS",
     "reported (the default of most commands), planned or any", 0},
    {CLI_OPT_VALUE, "place", 0, &place, "TEXT", "only meetings whose place contains TEXT",
     0},
    {CLI_OPT_VALUE, "measure", 0, &measure, "MEASURE",
     "top: degree, strength, betweenness (default), closeness, eigenvector or pagerank",
     0},
    {CLI_OPT_VALUE, "limit", 'n', &limit, "N", "top: the N first (default 10; 0: all)",
     0},
    {CLI_OPT_VALUE, "betweenness-cutoff", 0, &cutoff_arg, "L",
     "top: approximate betweenness and closeness, counting only shortest paths of "
     "length at most L (an edge of weight w is 1/w long), for large graphs; default: "
     "the cutoff a GraphML was built with, else exact",
     0},
    {CLI_OPT_VALUE, "party", 0, &party, "COUNTRY",
     "agreements: only those COUNTRY is a party to", 0},
    {CLI_OPT_VALUE, "depth", 0, &depth, "N",
     "ego: people up to N meetings away (default 1)", 0},
    {CLI_OPT_VALUE, "output", 'o', &output, "FILE",
     "ego: write the graph to FILE, replaced once complete (- for stdout)", 0},
    {CLI_OPT_VALUE, "format", 'f', &format, "FORMAT",
     "ego: graphml, gexf, gexf12, json or csv (default: from FILE's extension, else "
     "graphml)",
     0},
    {CLI_OPT_VALUE, "alias", 0, &alias_path, "FILE",
     "merge the name variants listed in the JSON alias FILE (events only)", 0},
    {CLI_OPT_SWITCH, "timing", 0, &timing, NULL,
     "print the milliseconds spent loading, answering and writing on standard error", 0},
    {CLI_OPT_SWITCH, "help", 'h', &help, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

/* What the arguments ask, parsed; `msg` says what is wrong when parsing fails. */
typedef struct {
    evg_query_request req;
    const char *const *sources;
    size_t nsources;
    evg_query_format fmt;
    evg_format graph_fmt;
    char msg[256];
} plan;

static int fail(plan *p, const char *fmt, ...) EVG_CLI_PRINTF(2, 3);

/* Say what is wrong in p->msg; -1. */
static int fail(plan *p, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(p->msg, sizeof p->msg, fmt, ap);
    va_end(ap);
    return -1;
}

#define BIT(c) (1u << (c))

/* The commands that select meetings, and so take the event filters. */
static unsigned filtering(void)
{
    unsigned bits = 0;

    for (unsigned c = 0; c < EVG_QUERY__COUNT; c++)
        if (evg_query_command_filters((evg_query_command)c))
            bits |= BIT(c);
    return bits;
}

/*
 * The commands, each as `item` prints it (its name, then its usage), joined
 * by ", " and the last by `last`, into buf: "who-met, ... or stats".
 */
static void command_list(char *buf, size_t size, int usage, const char *last)
{
    size_t at = 0;

    buf[0] = '\0';
    for (unsigned c = 0; c < EVG_QUERY__COUNT && at < size; c++) {
        const char *u = "";
        evg_query_command_operands((evg_query_command)c, &u);
        at += (size_t)snprintf(buf + at, size - at, "%s%s%s%s",
                               c == 0                     ? ""
                               : c + 1 < EVG_QUERY__COUNT ? ", "
                                                          : last,
                               evg_query_command_name((evg_query_command)c),
                               usage && u[0] ? " " : "", usage ? u : "");
    }
}

static void init_help(void)
{
    char list[256];

    command_list(list, sizeof list, 1, ", ");
    snprintf(
        operands_help, sizeof operands_help,
        "SOURCE: output of 'evgraph extract' (files, folders of *.jsonl, - for stdin, "
        "event stores FILE.db) "
        "or one GraphML of the full graph that evgraph wrote; COMMAND: %s",
        list);
}

/* The sources, then the command and its operands. */
static int split_operands(plan *p)
{
    evg_query_command c = EVG_QUERY_STATS;
    size_t i = 0, n, want;
    char list[256];

    while (i < operands.n && evg_query_command_from_name(&c, operands.v[i]) < 0)
        i++;
    /* "whomet": a command mistyped, not missing */
    for (size_t k = 1; i == operands.n && k < operands.n; k++)
        if (evg_query_command_nearest(operands.v[k]))
            return fail(p, "unknown command '%s'; did you mean %s?", operands.v[k],
                        evg_query_command_nearest(operands.v[k]));
    if (i == operands.n) {
        command_list(list, sizeof list, 0, " or ");
        return fail(p, "missing COMMAND (%s)", list);
    }
    if (i == 0)
        return fail(p, "missing SOURCE before '%s'", operands.v[0]);
    p->req.command = c;
    p->sources = operands.v;
    p->nsources = i;
    n = operands.n - i - 1;
    want = (size_t)evg_query_command_operands(c, NULL);
    if (n != want)
        return fail(p,
                    want == 0   ? "%s takes no operand%s"
                    : want == 1 ? "%s takes one name%s"
                                : "%s takes two names%s",
                    evg_query_command_name(c), n > want ? ", and more were given" : "");
    p->req.subject = n > 0 ? operands.v[i + 1] : NULL;
    p->req.other = n > 1 ? operands.v[i + 2] : NULL;
    return 0;
}

/* Options that make no sense for the command are usage errors, not silently ignored. */
static int check_applies(plan *p)
{
    const struct {
        const char *name;
        int given;
        unsigned cmds;
    } o[] = {
        {"person", people.n > 0, filtering()},
        {"country", countries.n > 0, filtering()},
        {"from", from != NULL, filtering()},
        {"to", to != NULL, filtering()},
        {"type", types.n > 0, filtering() | BIT(EVG_QUERY_TOP)},
        {"status", status != NULL, filtering()},
        {"place", place != NULL, filtering()},
        {"measure", measure != NULL, BIT(EVG_QUERY_TOP)},
        {"limit", limit != NULL, BIT(EVG_QUERY_TOP)},
        {"party", party != NULL, BIT(EVG_QUERY_AGREEMENTS)},
        {"depth", depth != NULL, BIT(EVG_QUERY_EGO)},
        {"output", output != NULL, BIT(EVG_QUERY_EGO)},
        {"format", format != NULL, BIT(EVG_QUERY_EGO)},
        {"json", json, ~BIT(EVG_QUERY_EGO)},
        {"tsv", tsv, ~BIT(EVG_QUERY_EGO)},
        {"table", table, ~BIT(EVG_QUERY_EGO)},
    };

    for (size_t i = 0; i < sizeof o / sizeof o[0]; i++)
        if (o[i].given && !(o[i].cmds & BIT(p->req.command)))
            return fail(p, "option '--%s' does not apply to %s", o[i].name,
                        evg_query_command_name(p->req.command));
    if (p->req.command == EVG_QUERY_EGO && output == NULL)
        return fail(p, "ego writes a graph: give -o FILE");
    if (json + tsv + table > 1)
        return fail(p, "give one of --json, --tsv and --table");
    return 0;
}

/* A whole number from `lo` to `hi`: 0, or -1. */
static int number(size_t *out, const char *s, long lo, long hi)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return -1;
    *out = (size_t)v;
    return 0;
}

/* --type: event types, or for top the kind of vertex to rank. */
static int parse_types(plan *p)
{
    static const struct {
        const char *name;
        evg_node_type t;
    } nodes[] = {{"person", EVG_NODE_PERSON},
                 {"country", EVG_NODE_COUNTRY},
                 {"organization", EVG_NODE_ORGANIZATION}};

    for (size_t i = 0; i < types.n; i++) {
        size_t k = 0;
        if (p->req.command == EVG_QUERY_TOP) {
            while (k < 3 && strcmp(types.v[i], nodes[k].name) != 0)
                k++;
            if (k == 3 || types.n > 1)
                return fail(p, "top ranks one --type: person, country or organization");
            p->req.node_type = (int)nodes[k].t;
            continue;
        }
        if (cli_filter_type(&p->req.event_types, types.v[i], p->msg, sizeof p->msg) < 0)
            return -1;
    }
    return 0;
}

static int parse_values(plan *p)
{
    size_t n;

    if (status && cli_filter_status(&p->req.statuses, status, p->msg, sizeof p->msg) < 0)
        return -1;
    for (n = 0; measure && n < EVG_M__COUNT; n++)
        if (strcmp(measure, evg_measure_name((evg_measure)n)) == 0)
            break;
    if (measure && n == EVG_M__COUNT)
        return fail(p,
                    "unknown --measure '%.40s' (expected degree, strength, betweenness, "
                    "closeness, eigenvector or pagerank)",
                    measure);
    if (measure)
        p->req.measure = (evg_measure)n;
    if (limit && number(&p->req.limit, limit, 0, 1000000) < 0)
        return fail(p, "--limit expects a number from 0 to 1000000, not '%.40s'", limit);
    if (depth && number(&n, depth, 1, 1000) < 0)
        return fail(p, "--depth expects a number from 1 to 1000, not '%.40s'", depth);
    if (depth)
        p->req.depth = (unsigned)n;
    return parse_types(p);
}

/* The graph format of ego: --format, else the extension of -o, else GraphML. */
static int parse_graph_format(plan *p)
{
    p->graph_fmt = EVG_FMT_GRAPHML;
    if (format && evg_format_from_name(&p->graph_fmt, format) < 0)
        return fail(
            p, "unknown format '%.60s' (expected graphml, gexf, gexf12, json or csv)",
            format);
    if (!format && output && evg_format_from_name(&p->graph_fmt, output) < 0)
        p->graph_fmt = EVG_FMT_GRAPHML;
    if (p->graph_fmt == EVG_FMT_EVENTS_CSV || p->graph_fmt == EVG_FMT_EVENTS_TSV)
        return fail(p, "ego writes a graph: graphml, gexf, gexf12, json or csv, not %s",
                    evg_format_name(p->graph_fmt));
    if (p->graph_fmt == EVG_FMT_CSV && output && strcmp(output, "-") == 0)
        return fail(p, "CSV is two files (nodes and edges): give -o FILE.csv, not -");
    return 0;
}

static int make_plan(plan *p)
{
    evg_query_request init = EVG_QUERY_REQUEST_INIT;

    memset(p, 0, sizeof *p);
    p->req = init;
    if (split_operands(p) < 0 || check_applies(p) < 0 || parse_values(p) < 0 ||
        parse_graph_format(p) < 0)
        return -1;
    p->req.people = people.v;
    p->req.npeople = people.n;
    p->req.countries = countries.v;
    p->req.ncountries = countries.n;
    p->req.from = from;
    p->req.to = to;
    p->req.place = place;
    p->req.party = party;
    /* Aligned columns for a person at a terminal; lines for cut and awk in a pipe. */
    p->fmt = json                             ? EVG_QUERY_JSON
             : tsv                            ? EVG_QUERY_TSV
             : table || isatty(STDOUT_FILENO) ? EVG_QUERY_TABLE
                                              : EVG_QUERY_TSV;
    return 0;
}

static double seconds(void)
{
    struct timespec t;

    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* ego: the neighbourhood with its scores, in the chosen format. */
static int write_ego(const evg_query_result *r, const plan *p)
{
    const evg_graph *g = evg_query_result_graph(r);
    evg_export_opts eo = EVG_EXPORT_OPTS_INIT;
    evg_scores *s = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    eo.format = p->graph_fmt;
    if (evg_graph_vertex_count(g) == 0)
        cli_warnf("an empty graph: nobody called '%s' took part in a meeting",
                  p->req.subject);
    if ((rc = evg_scores_compute(&s, g, NULL, &e)) < 0 ||
        (rc = evg_export_file(output, g, s, &eo, &e)) < 0)
        cli_error(&e);
    evg_scores_free(s);
    return rc;
}

/* Answer and write; the status of the command. */
static cli_status answer(evg_query *q, const plan *p, double *t_query)
{
    evg_query_result *r = NULL;
    evg_error e;
    cli_status st = CLI_FAILED;
    int rc;

    memset(&e, 0, sizeof e);
    rc = evg_query_run(&r, q, &p->req, &e);
    *t_query = seconds();
    /* names that matched nothing, with the nearest ones: for people, not the answer */
    for (size_t i = 0; rc == 0 && i < evg_query_result_note_count(r); i++)
        cli_errorf("%s", evg_query_result_note(r, i)); /* escaped: the name is anyone's */
    if (rc == EVG_EINVAL) {
        st = cli_usage_error(&cli_cmd_query, e.text);
    } else if (rc < 0) {
        cli_error(&e);
    } else if (evg_query_result_outcome(r) == EVG_QUERY_AMBIGUOUS) {
        fputs("evgraph: ", stderr);
        evg_query_result_write(stderr, r, EVG_QUERY_TABLE, NULL);
    } else if (p->req.command == EVG_QUERY_EGO) {
        st = write_ego(r, p) < 0 ? CLI_FAILED : CLI_OK;
    } else if (evg_query_result_write(stdout, r, p->fmt, &e) < 0) {
        cli_errorf("<stdout>: %s", e.text);
    } else {
        st = CLI_OK;
    }
    evg_query_result_free(r);
    return st;
}

static cli_status query_main(int argc, char **argv)
{
    evg_query_load_opts lo = EVG_QUERY_LOAD_OPTS_INIT;
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    evg_aliases *aliases = NULL;
    evg_query *q = NULL;
    evg_error e;
    plan p;
    size_t failed = 0;
    double t0, t1, t2 = 0, t3;
    cli_status st;

    memset(&e, 0, sizeof e);
    if ((st = cli_parse(&cli_cmd_query, argc, argv)) != CLI_OK ||
        cli_parse_cutoff(&ao, cutoff_arg, &cli_cmd_query, &st) < 0)
        goto cleanup;
    if (make_plan(&p) < 0) {
        st = cli_usage_error(&cli_cmd_query, p.msg);
        goto cleanup;
    }
    if (output) { /* ego -o FILE: the graph must not replace a source */
        cli_strlist src = {(const char **)p.sources, p.nsources};
        const cli_strlist *const in[] = {&src, NULL};
        if (cli_check_output(&cli_cmd_query, output, in, alias_path, &st) < 0)
            goto cleanup;
    }
    st = CLI_FAILED;
    if (cli_load_aliases(&aliases, alias_path) < 0)
        goto cleanup;
    lo.aliases = aliases;
    lo.on_diag = cli_diag;
    lo.betweenness_cutoff = ao.betweenness_cutoff;
    t0 = seconds();
    if (evg_query_load(&q, &failed, p.sources, p.nsources, &lo, &e) < 0) {
        cli_error(&e);
        goto cleanup;
    }
    t1 = seconds();
    st = answer(q, &p, &t2);
    t3 = seconds();
    if (timing)
        fprintf(stderr, "evgraph: timing: load %.1f ms, query %.1f ms, output %.1f ms\n",
                1e3 * (t1 - t0), 1e3 * (t2 - t1), 1e3 * (t3 - t2));
    if (st == CLI_OK && failed)
        st = CLI_FAILED; /* answered, but some input could not be read */
cleanup:
    evg_query_free(q);
    evg_aliases_free(aliases);
    cli_opts_free(opts);
    return st;
}

const cli_cmd cli_cmd_query = {"query", query_main, opts,
                               "answer questions about the graph: who met whom, paths, "
                               "centrality",
                               init_help};
