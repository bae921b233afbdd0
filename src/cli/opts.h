#ifndef EVG_CLI_OPTS_H
#define EVG_CLI_OPTS_H

/*
 * A small command-line parser driven by a table of option specs, from which
 * the --help text is printed too, so the two cannot drift apart.
 *
 * Accepted forms: `--name`, `--name VALUE`, `--name=VALUE`, `-x`, `-x VALUE`,
 * `-xVALUE`, clustered switches `-ab`, `--` (everything after it is an
 * operand) and `-` (an operand, conventionally standard input).
 */
#include <stddef.h>
#include <stdio.h>

#include <evgraph.h>

typedef enum {
    CLI_OPT_SWITCH,   /* --name: sets *(int *)target to 1 */
    CLI_OPT_VALUE,    /* --name VALUE: *(const char **)target; given at most once */
    CLI_OPT_LIST,     /* --name VALUE, repeatable: appended to *(cli_strlist *)target */
    CLI_OPT_OPERANDS, /* the non-option arguments: *(cli_strlist *)target */
    CLI_OPT_COMMAND   /* the first operand names a subcommand: parsing stops there,
                       *(int *)target receives its index in argv (0 when absent) */
} cli_opt_kind;

enum {
    CLI_OPT_REQUIRED = 1 << 0, /* a usage error when absent */
    CLI_OPT_HIDDEN = 1 << 1,   /* accepted, left out of --help and listings */
    CLI_OPT_STOP = 1 << 2 /* --help, --version: once seen, required checks are skipped */
};

typedef struct {
    cli_opt_kind kind;
    const char *name; /* long name without "--"; for operands the placeholder, "INPUT" */
    char alias;       /* short letter, or 0 */
    void *target;
    const char *value; /* placeholder of the value ("FILE"), NULL for switches */
    const char *help;  /* one line */
    unsigned flags;
} cli_opt;

/* Strings collected from argv (borrowed from it); `v` is freed by cli_opts_free(). */
typedef struct {
    const char **v;
    size_t n;
} cli_strlist;

/* A usage error's message, e.g. "unknown option '--frob'". */
typedef struct {
    char text[256];
} cli_opt_error;

/*
 * Parse argv[1..argc-1] (argv[0] is the program or command name) into the
 * targets of `table`, which ends with an entry whose name is NULL. Returns 0,
 * or -1 with `err` filled on a usage error, or -2 when out of memory.
 * Call cli_opts_free() on the same table afterwards in every case.
 */
int cli_opts_parse(const cli_opt *table, int argc, char **argv, cli_opt_error *err);

/* Release the lists that parsing allocated. */
void cli_opts_free(const cli_opt *table);

/* "usage: PROG [options] INPUT..." with a newline. */
void cli_opts_usage_fprint(FILE *f, const char *prog, const cli_opt *table);

/* One line per visible option: "  -o, --output FILE   write to FILE". */
void cli_opts_help_fprint(FILE *f, const cli_opt *table);

/* The long names of the visible options, one "PREFIX--name" line each. */
void cli_opts_list_fprint(FILE *f, const char *prefix, const cli_opt *table);

/* ---- the event filters of build, run, report and query ----------------- */

/*
 * The values of --from, --to, --country, --type and --status, as given. The
 * same options, spelling, parsing and messages for every command that
 * selects meetings; CLI_FILTER_OPTS(args) puts them into a command's table.
 */
typedef struct {
    const char *from, *to, *status;
    cli_strlist countries, types;
} cli_filter_args;

#define CLI_FROM_HELP "only meetings on or after DATE (YYYY, YYYY-MM or YYYY-MM-DD)"
#define CLI_TO_HELP "only meetings on or before DATE"
#define CLI_COUNTRY_HELP                                                                 \
    "only meetings an official of COUNTRY took part in (repeatable: all of them)"
#define CLI_FILTER_OPTS(a)                                                               \
    {CLI_OPT_LIST,                                                                       \
     "country",                                                                          \
     0,                                                                                  \
     &(a).countries,                                                                     \
     "COUNTRY",                                                                          \
     "only meetings an official of COUNTRY (ISO code or name) took part in "             \
     "(repeatable: all of them); the graphs keep the meetings the filters select and "   \
     "what they touch",                                                                  \
     0},                                                                                 \
        {CLI_OPT_VALUE, "from", 0, &(a).from, "DATE", CLI_FROM_HELP, 0},                 \
        {CLI_OPT_VALUE, "to", 0, &(a).to, "DATE", CLI_TO_HELP, 0},                       \
        {CLI_OPT_LIST,                                                                   \
         "type",                                                                         \
         0,                                                                              \
         &(a).types,                                                                     \
         "TYPE",                                                                         \
         "only meetings of TYPE: meeting, call, visit or signing (repeatable)",          \
         0},                                                                             \
    {                                                                                    \
        CLI_OPT_VALUE, "status", 0, &(a).status, "STATUS",                               \
            "reported, planned or any (the default)", 0                                  \
    }

/*
 * The event type called `name` (meeting, call, visit, signing) added to
 * `*bits` as 1u << evg_event_type: 0, or -1 with the message in `msg`.
 */
int cli_filter_type(unsigned *bits, const char *name, char *msg, size_t size);

/*
 * The status called `name` into `*bits` (1u << evg_event_status; "any":
 * both): 0, or -1 with the message in `msg`.
 */
int cli_filter_status(unsigned *bits, const char *name, char *msg, size_t size);

/*
 * `a` into the library's filter (`out->countries` borrows `a`'s list),
 * checked by evg_filter_check() as well: 0, or -1 with the message of the
 * usage error in `msg`. "--status any" keeps every status.
 */
int cli_filter_parse(evg_filter *out, const cli_filter_args *a, char *msg, size_t size);

#endif
