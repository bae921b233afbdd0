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

#endif
