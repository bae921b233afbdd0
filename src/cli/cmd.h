#ifndef EVG_CLI_CMD_H
#define EVG_CLI_CMD_H

/*
 * What the commands of the evgraph tool share: the command table entry, the
 * status a command returns, and the helpers that print diagnostics. The tool
 * sees the library only through <evgraph.h>.
 */
#include <evgraph.h>

#include "opts.h"

#if defined(__GNUC__)
#define EVG_CLI_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define EVG_CLI_PRINTF(fmt, args)
#endif

/* A command's outcome; main() turns it into the exit status (see evgraph.1). */
typedef enum {
    CLI_OK,     /* exit 0 */
    CLI_HELP,   /* --help was printed: exit 0 */
    CLI_FAILED, /* an input or runtime failure, even if the rest was processed: exit 1 */
    CLI_USAGE   /* a usage error: exit 2 */
} cli_status;

typedef struct {
    const char *name;
    cli_status (*entry)(int argc, char **argv); /* argv[0] is the command name */
    const cli_opt *opts;
    const char *summary; /* one line, for `evgraph --help` */
    void (*init)(void);  /* NULL, or fills help text made from the library's tables
                          * (main() calls it before anything else) */
} cli_cmd;

extern const cli_cmd cli_cmd_extract;
extern const cli_cmd cli_cmd_build;
extern const cli_cmd cli_cmd_run;
extern const cli_cmd cli_cmd_report;
extern const cli_cmd cli_cmd_query;
extern const cli_cmd cli_cmd_convert;

/* ---- cli.c: diagnostics and shared glue -------------------------------- */

/* "evgraph: SOURCE:LINE: TEXT" on stderr. */
void cli_error(const evg_error *err);
/* "evgraph: TEXT" on stderr. */
void cli_errorf(const char *fmt, ...) EVG_CLI_PRINTF(1, 2);
/* "evgraph: warning: TEXT" on stderr. */
void cli_warnf(const char *fmt, ...) EVG_CLI_PRINTF(1, 2);
/*
 * An evg_diag_fn printing each diagnostic as above; `payload` is unused. Of
 * the diagnostics of one input in a row, the first CLI_DIAG_MAX errors and
 * warnings are printed, and the rest summed up in one line: "evgraph: FILE:
 * ... and N more errors (the first 20 of each file are shown)", printed
 * before any other message, or by cli_diag_flush().
 */
void cli_diag(const evg_error *err, evg_severity sev, void *payload);
#define CLI_DIAG_MAX 20
/* Print the line that counts the diagnostics not shown, if any (main() does, last). */
void cli_diag_flush(void);

/* ---- progress.c: the progress line of long runs ------------------------ */

/*
 * Start: the line is shown only when standard error is a terminal, and
 * rates count from now. Every function below does nothing otherwise.
 */
void cli_progress_begin(void);
/* Whether the line is shown (standard error is a terminal). */
int cli_progress_on(void);
/* "evgraph: TEXT" in place of the line, at once: a step of the run. */
void cli_progress_stage(const char *fmt, ...) EVG_CLI_PRINTF(1, 2);
/*
 * "evgraph: N WHAT, X MB, Y MB/s, ETA Z s" (the ETA when `total` bytes are
 * known), at most four times a second.
 */
void cli_progress_rate(const char *what, size_t docs, size_t bytes, size_t total);
/* Take the line off the screen (before a diagnostic, and at the end). */
void cli_progress_clear(void);

/* Reading events from several files: the counts of the files before. */
typedef struct {
    size_t docs, bytes;           /* of the files read */
    size_t total;                 /* bytes of all the files; 0 when one is a pipe */
    size_t file_docs, file_bytes; /* of the file being read */
} cli_reading;

void cli_reading_init(cli_reading *r, const char *const *paths, size_t n);
/* An evg_progress_fn for evg_read_opts, `payload` the cli_reading. */
void cli_reading_progress(size_t docs, size_t bytes, size_t total, void *payload);
/* After each file. */
void cli_reading_next(cli_reading *r);

/*
 * Parse a command's arguments with its table. Prints the help (CLI_HELP) or
 * the usage error (CLI_USAGE); CLI_OK means go on. cli_opts_free() the
 * table afterwards in every case.
 */
cli_status cli_parse(const cli_cmd *cmd, int argc, char **argv);

/* Print "evgraph: MESSAGE", the usage line and a hint; returns CLI_USAGE. */
cli_status cli_usage_error(const cli_cmd *cmd, const char *message);

/* The full --help text of a command, on `f`. */
void cli_help_fprint(FILE *f, const cli_cmd *cmd);

/* "DIR/NAME" in a new string (free()), NULL when out of memory. */
char *cli_path_join(const char *dir, const char *name);

/*
 * Refuse an output that would replace an input: when writing `output` ("-":
 * standard output) would replace one of the files of `lists` (a
 * NULL-terminated array: the operands, --lexicon, --officials) or `file`
 * (--alias; may be NULL), print a usage error of `cmd` into `*st` naming
 * both and return -1; otherwise 0.
 */
int cli_check_output(const cli_cmd *cmd, const char *output,
                     const cli_strlist *const *lists, const char *file, cli_status *st);

/* ---- shared between extract and run ------------------------------------ */

/* Extraction of a batch of inputs, article by article. */
typedef struct {
    FILE *out;            /* each document's JSON line is written here */
    const char *out_name; /* for error messages */
    int flush;            /* flush after each line, so a pipeline sees it at once */
    evg_corpus *corpus;   /* when not NULL, each document is also added to it */
    size_t docs;          /* documents written */
    size_t failed;        /* inputs that could not be read, parsed or extracted */
    unsigned threads;     /* extraction threads (1: the main thread only) */
    const char *skip;     /* the output, left out of the walk of input folders, or NULL */
    evg_store *store;     /* when not NULL, each document goes into it instead of `out` */
} cli_extraction;

/* Parse the value of --jobs: a count of threads, 0 for one per processor. */
int cli_parse_jobs(unsigned *out, const char *value);

/*
 * Load the lexicon (built in, extended by `lexicons`), then extract every
 * article of `inputs` into `x`. Bad inputs are reported and counted in
 * x->failed. Returns 0, or a negative status (printed) when the batch had to
 * stop: a lexicon that does not load, a write failure, no memory.
 */
int cli_extract_inputs(cli_extraction *x, const cli_strlist *inputs,
                       const cli_strlist *lexicons, const cli_strlist *officials);

/* The --officials option of extract and run. */
#define CLI_OFFICIALS_HELP                                                               \
    "add the office holders of the tab-separated FILE, in the columns of the built-in "  \
    "gazetteer (repeatable; docs/lexicon.md)"

/* ---- shared between build and run -------------------------------------- */

/*
 * Build the graph of `c` as `bo` says (its view, aliases, people per meeting,
 * mentions left out; its warnings are printed), compute its centrality scores
 * (as `ao` says; NULL: exact) and export both to `path` in `format`, or to
 * the file `path` of `set` when `set` is not NULL. The graph and scores are
 * handed back in `*g_out` and `*s_out` when those are not NULL (the caller
 * frees them). `flags`: CLI_BUILD_STYLED, with the report's layout and
 * colours by country (positions cost time: only for the graph the report
 * draws, or on request). Returns 0 or a negative status (printed).
 */
enum { CLI_BUILD_STYLED = 1 };
int cli_build_export(evg_graph **g_out, evg_scores **s_out, const evg_corpus *c,
                     const evg_build_opts *bo, evg_outset *set, const char *path,
                     evg_format format, const evg_analysis_opts *ao, unsigned flags);

/* The help text of --max-meeting-people, the same for build, run and report. */
#define CLI_MAX_PEOPLE_HELP                                                              \
    "in the people view, join no one of a meeting of more than N people (default 100; "  \
    "0: no limit), with a warning: a conference is no meeting of everyone with "         \
    "everyone; the full and bipartite views keep all its people"

/*
 * The value of --max-meeting-people into bo->max_meeting_people (the default
 * when `value` is NULL): a whole number, 0 for no limit. Returns 0, or -1
 * after printing a usage error for `cmd` into `*st`.
 */
int cli_parse_max_people(evg_build_opts *bo, const char *value, const cli_cmd *cmd,
                         cli_status *st);

/* The help text of --betweenness-cutoff, the same for build, run and report. */
#define CLI_CUTOFF_HELP                                                                  \
    "approximate betweenness and closeness: count only shortest paths of length at "     \
    "most L (an edge of weight w is 1/w long); for large graphs, where the exact "       \
    "measures are slow"

/*
 * The value of --betweenness-cutoff into `ao` (left exact when `value` is
 * NULL): a positive finite number. Returns 0, or -1 after printing a usage
 * error for `cmd` into `*st`.
 */
int cli_parse_cutoff(evg_analysis_opts *ao, const char *value, const cli_cmd *cmd,
                     cli_status *st);

/* The help text of --measures, the same for build, run and report. */
#define CLI_DROP_MENTIONS_HELP                                                           \
    "full graph: leave out people, organizations, countries, agreements and places "     \
    "linked to no event (only mentioned); the events keep them"
#define CLI_MEASURES_HELP                                                                \
    "compute only these centrality measures, comma-separated: degree, strength, "        \
    "betweenness, closeness, eigenvector, pagerank; all (default) or none; the others "  \
    "are not written. On large graphs leave out betweenness and closeness, which take "  \
    "O(V E) time, or use --betweenness-cutoff"

/*
 * The value of --measures into ao->measures (every measure when `value` is
 * NULL): names of measures separated by commas, or `all`, or `none` alone.
 * Returns 0, or -1 after printing a usage error for `cmd` (naming the word at
 * fault and the valid ones) into `*st`.
 */
int cli_parse_measures(evg_analysis_opts *ao, const char *value, const cli_cmd *cmd,
                       cli_status *st);

/*
 * --from, --to, --country, --type, --status into bo->filter (opts.h). Returns
 * 0, or -1 after printing a usage error for `cmd` into `*st`.
 */
int cli_parse_filter(evg_build_opts *bo, const cli_filter_args *a, const cli_cmd *cmd,
                     cli_status *st);

/* --alias FILE: the alias table in `*out` (NULL when `path` is NULL); -1 printed. */
int cli_load_aliases(evg_aliases **out, const char *path);

/* A warning when `g` was built from documents read twice with different records. */
void cli_warn_conflicts(const evg_graph *g);

/* ---- shared between report and run ------------------------------------- */

/*
 * Write the report of `c` (may be NULL) and its graphs to `path` in `fmt`
 * (Markdown: pictures beside it), or to the file `path` of `set` when `set`
 * is not NULL. `ro` may be NULL. Returns 0 or a negative status (printed).
 */
int cli_write_report(evg_outset *set, const char *path, evg_report_format fmt,
                     const evg_corpus *c, const evg_graph *full, const evg_graph *people,
                     const evg_scores *people_scores, const evg_report_opts *ro);

/* The file name of `path`, without its folder (a pointer into `path`). */
const char *cli_base_name(const char *path);

#endif
