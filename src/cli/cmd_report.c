/* evgraph report: extracted events in, a report with pictures out. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd.h"

static cli_strlist inputs;
static const char *output, *format, *top_arg, *title, *alias_path, *measures_arg,
    *cutoff_arg, *max_people_arg;
static int help;
static cli_filter_args filter;

static const cli_opt opts[] = {
    {CLI_OPT_OPERANDS, "SOURCE", 0, &inputs, NULL,
     "output of 'evgraph extract': a file, a folder of *.jsonl, - for stdin, or an "
     "event store (FILE.db)",
     CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "output", 'o', &output, "FILE",
     "write the report to FILE, replaced once complete; Markdown (FILE.md) gets its "
     "pictures beside it as FILE-*.svg; - for stdout (HTML)",
     CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "format", 'f', &format, "FORMAT",
     "html or markdown (default: from FILE's extension, else html)", 0},
    {CLI_OPT_VALUE, "alias", 0, &alias_path, "FILE",
     "merge the name variants listed in the JSON alias FILE", 0},
    {CLI_OPT_VALUE, "max-meeting-people", 0, &max_people_arg, "N", CLI_MAX_PEOPLE_HELP,
     0},
    {CLI_OPT_VALUE, "top", 0, &top_arg, "N",
     "name and profile the N most central people (default 10)", 0},
    {CLI_OPT_VALUE, "title", 0, &title, "TEXT", "the heading (default: Who met whom)", 0},
    {CLI_OPT_VALUE, "measures", 0, &measures_arg, "LIST", CLI_MEASURES_HELP, 0},
    {CLI_OPT_VALUE, "betweenness-cutoff", 0, &cutoff_arg, "L", CLI_CUTOFF_HELP, 0},
    CLI_FILTER_OPTS(filter),
    {CLI_OPT_SWITCH, "help", 'h', &help, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

int cli_write_report(evg_outset *set, const char *path, evg_report_format fmt,
                     const evg_corpus *c, const evg_graph *full, const evg_graph *people,
                     const evg_scores *people_scores, const evg_report_opts *ro)
{
    evg_report *r = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    if ((rc = evg_report_new(&r, c, full, people, people_scores, ro, &e)) < 0 ||
        (rc = set ? evg_report_write_to_set(set, path, r, fmt, &e)
                  : evg_report_write_file(path, r, fmt, &e)) < 0)
        cli_error(&e);
    evg_report_free(r);
    return rc;
}

const char *cli_base_name(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash ? slash + 1 : path;
}

/* The files to read, each a malloc()ed path. */
typedef struct {
    char **v;
    size_t n, cap;
} file_list;

/* Take `path` (NULL: out of memory) into the list; -2 when out of memory. */
static int push(file_list *l, char *path)
{
    if (path && l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        char **v = realloc(l->v, cap * sizeof(*v));
        if (v == NULL) {
            free(path);
            return -2;
        }
        l->v = v;
        l->cap = cap;
    }
    if (path == NULL)
        return -2;
    l->v[l->n++] = path;
    return 0;
}

static void file_list_free(file_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.jsonl files of folder `dir` (not hidden), in byte order, into `out`. */
static int list_folder(file_list *out, const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *ent;
    size_t first = out->n;
    int rc = 0;

    if (d == NULL)
        return -1;
    while (rc == 0 && (ent = readdir(d)) != NULL) {
        size_t n = strlen(ent->d_name);
        if (ent->d_name[0] == '.' || n <= 6 || strcmp(ent->d_name + n - 6, ".jsonl") != 0)
            continue;
        rc = push(out, cli_path_join(dir, ent->d_name));
    }
    closedir(d);
    if (out->n > first)
        qsort(out->v + first, out->n - first, sizeof(*out->v), by_name);
    return rc;
}

/*
 * Read every SOURCE into `c`: a folder stands for its *.jsonl files. An
 * unreadable input or a bad line is reported with its file and line and
 * counted in *failed_out; the rest goes on.
 */
static int read_sources(size_t *failed_out, evg_corpus *c)
{
    evg_read_opts ro = EVG_READ_OPTS_INIT;
    cli_reading reading;
    file_list files = {NULL, 0, 0};
    struct stat st;
    int rc = 0;

    ro.on_diag = cli_diag;
    for (size_t i = 0; rc == 0 && i < inputs.n; i++) {
        const char *in = inputs.v[i];
        int listed = 0;
        if (strcmp(in, "-") != 0 && stat(in, &st) == 0 && S_ISDIR(st.st_mode)) {
            if ((listed = list_folder(&files, in)) == -1) {
                cli_errorf("%s: cannot read folder: %s", in, strerror(errno));
                (*failed_out)++;
            }
            if (listed == -2)
                rc = EVG_ENOMEM;
            continue;
        }
        if (push(&files, strdup(in)) < 0)
            rc = EVG_ENOMEM;
    }
    cli_reading_init(&reading, (const char *const *)files.v, files.n);
    ro.on_progress = cli_progress_on() ? cli_reading_progress : NULL;
    ro.progress_payload = &reading;
    for (size_t i = 0; rc == 0 && i < files.n; i++, cli_reading_next(&reading)) {
        evg_error e;
        size_t bad = 0;
        memset(&e, 0, sizeof e);
        rc = evg_corpus_read_events(&bad, c, files.v[i], &ro, &e);
        cli_diag_flush(); /* the errors of each input are counted apart */
        *failed_out += bad;
        if (rc < 0)
            cli_error(&e);
        if (rc < 0 && rc != EVG_ENOMEM) {
            (*failed_out)++;
            rc = 0;
        }
    }
    if (rc == EVG_ENOMEM)
        cli_errorf("out of memory");
    file_list_free(&files);
    return rc;
}

/* Build both views and score the people as `ao` asks, then write the report. */
static int report_corpus(const evg_corpus *c, const evg_build_opts *bo_in,
                         evg_report_format fmt, const evg_report_opts *ro,
                         const evg_analysis_opts *ao)
{
    evg_build_opts bo = *bo_in;
    evg_graph *full = NULL, *people = NULL;
    evg_scores *s = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    bo.view = EVG_VIEW_FULL;
    bo.on_diag = cli_diag;
    cli_progress_stage("merging %zu records", evg_corpus_doc_count(c));
    if ((rc = evg_graph_build(&full, c, &bo, &e)) < 0)
        goto failed;
    cli_warn_conflicts(full);
    bo.view = EVG_VIEW_PEOPLE;
    if ((rc = evg_graph_build(&people, c, &bo, &e)) < 0)
        goto failed;
    cli_progress_stage("centrality of %zu people, %zu ties",
                       evg_graph_vertex_count(people), evg_graph_edge_count(people));
    if ((rc = evg_scores_compute(&s, people, ao, &e)) < 0)
        goto failed;
    cli_progress_stage("writing %s", output);
    rc = cli_write_report(NULL, output, fmt, c, full, people, s, ro);
    cli_progress_clear();
    goto cleanup;
failed:
    cli_error(&e);
cleanup:
    evg_scores_free(s);
    evg_graph_free(people);
    evg_graph_free(full);
    return rc;
}

/* --format, else the output's extension; --top from 1 to 1000. */
static cli_status check_options(evg_report_format *fmt, evg_report_opts *ro)
{
    char msg[160], *end;
    long v;

    *fmt = evg_report_format_of_path(output);
    if (format && strcmp(format, "html") == 0)
        *fmt = EVG_REPORT_HTML;
    else if (format && strcmp(format, "markdown") == 0)
        *fmt = EVG_REPORT_MARKDOWN;
    else if (format) {
        snprintf(msg, sizeof msg, "unknown format '%.40s' (expected html or markdown)",
                 format);
        return cli_usage_error(&cli_cmd_report, msg);
    }
    if (*fmt == EVG_REPORT_MARKDOWN && strcmp(output, "-") == 0)
        return cli_usage_error(&cli_cmd_report,
                               "a Markdown report needs a file name "
                               "(-o FILE.md): its pictures go beside it");
    ro->title = title;
    if (top_arg) {
        errno = 0;
        v = strtol(top_arg, &end, 10);
        if (errno || end == top_arg || *end || v < 1 || v > 1000) {
            snprintf(msg, sizeof msg,
                     "--top expects a number from 1 to 1000, not '%.40s'", top_arg);
            return cli_usage_error(&cli_cmd_report, msg);
        }
        ro->top = (size_t)v;
    }
    return CLI_OK;
}

static cli_status report_main(int argc, char **argv)
{
    evg_report_opts ro = EVG_REPORT_OPTS_INIT;
    evg_analysis_opts ao = EVG_ANALYSIS_OPTS_INIT;
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_report_format fmt;
    evg_aliases *aliases = NULL;
    evg_corpus *c = NULL;
    evg_error e;
    size_t failed = 0;
    const cli_strlist *const in[] = {&inputs, NULL};
    cli_status st;

    memset(&e, 0, sizeof e);
    if ((st = cli_parse(&cli_cmd_report, argc, argv)) != CLI_OK ||
        (st = check_options(&fmt, &ro)) != CLI_OK ||
        cli_parse_cutoff(&ao, cutoff_arg, &cli_cmd_report, &st) < 0 ||
        cli_parse_measures(&ao, measures_arg, &cli_cmd_report, &st) < 0 ||
        cli_parse_max_people(&bo, max_people_arg, &cli_cmd_report, &st) < 0 ||
        cli_parse_filter(&bo, &filter, &cli_cmd_report, &st) < 0 ||
        cli_check_output(&cli_cmd_report, output, in, alias_path, &st) < 0)
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
    if (read_sources(&failed, c) < 0)
        goto cleanup;
    if (evg_corpus_doc_count(c) == 0 && failed > 0) {
        cli_errorf("%s: left as it was: no input could be read", output);
        goto cleanup;
    }
    bo.aliases = aliases;
    if (report_corpus(c, &bo, fmt, &ro, &ao) < 0)
        goto cleanup;
    st = failed ? CLI_FAILED : CLI_OK;
cleanup:
    evg_corpus_free(c);
    evg_aliases_free(aliases);
    cli_opts_free(opts);
    return st;
}

const cli_cmd cli_cmd_report = {"report", report_main, opts,
                                "write a report with pictures (HTML or Markdown)", NULL};
