/* Diagnostics, help and argument parsing shared by the commands. */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"

/*
 * Diagnostics of one input in a row (a file of events, of articles as JSON
 * Lines): the first CLI_DIAG_MAX errors and as many warnings are printed, the
 * others only counted, and summed up in one line when the diagnostics of
 * another input begin, when another message is printed, or at the end
 * (cli_diag_flush()). A file of 100,000 bad lines says so in 21 lines.
 */
static struct {
    char source[sizeof(((evg_error *)0)->source)];
    size_t shown[2], hidden[2]; /* [0] warnings, [1] errors */
} run;

/*
 * "evgraph: " (and "warning: ") then the message, on stderr. File names and
 * the input quoted in messages come from anyone: what would drive the
 * terminal (control characters, bidirectional controls) is written as
 * visible escapes (evg_text_escape(): "\x1b", "\u202e").
 */
static void vsay(int warning, const char *fmt, va_list ap)
{
    const char *prefix = warning ? "warning: " : "";
    char small[512], *msg = small, *safe;
    va_list again;
    int n;

    cli_progress_clear();
    va_copy(again, ap);
    n = vsnprintf(small, sizeof small, fmt, ap);
    if (n >= (int)sizeof small && (msg = malloc((size_t)n + 1)) != NULL)
        vsnprintf(msg, (size_t)n + 1, fmt, again);
    va_end(again);
    if (msg == NULL)
        msg = small; /* out of memory: the message cut short */
    /* an escape is at most 6 bytes for a character of at least 1 */
    if ((safe = malloc(6 * strlen(msg) + 1)) != NULL)
        fprintf(stderr, "evgraph: %s%s\n", prefix,
                evg_text_escape(safe, 6 * strlen(msg) + 1, msg));
    else
        fprintf(stderr, "evgraph: %sout of memory\n", prefix);
    free(safe);
    if (msg != small)
        free(msg);
}

static void say(int warning, const char *fmt, ...) EVG_CLI_PRINTF(2, 3);
static void say(int warning, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsay(warning, fmt, ap);
    va_end(ap);
}

void cli_diag_flush(void)
{
    for (int k = 1; k >= 0; k--)
        if (run.hidden[k])
            say(!k, "%s: ... and %zu more %s%s (the first %d of each file are shown)",
                run.source, run.hidden[k], k ? "error" : "warning",
                run.hidden[k] == 1 ? "" : "s", CLI_DIAG_MAX);
    memset(&run, 0, sizeof run);
}

void cli_error(const evg_error *err)
{
    char buf[512];

    cli_diag_flush();
    say(0, "%s", evg_error_format(buf, sizeof buf, err));
}

void cli_errorf(const char *fmt, ...)
{
    va_list ap;

    cli_diag_flush();
    va_start(ap, fmt);
    vsay(0, fmt, ap);
    va_end(ap);
}

void cli_warnf(const char *fmt, ...)
{
    va_list ap;

    cli_diag_flush();
    va_start(ap, fmt);
    vsay(1, fmt, ap);
    va_end(ap);
}

void cli_diag(const evg_error *err, evg_severity sev, void *payload)
{
    char buf[512];
    int k = sev != EVG_SEV_WARNING;

    (void)payload;
    if (err->source[0] == '\0' || strcmp(err->source, run.source) != 0) {
        cli_diag_flush(); /* another input: its own count */
        snprintf(run.source, sizeof run.source, "%s", err->source);
    }
    if (err->source[0] && run.shown[k] >= CLI_DIAG_MAX) {
        run.hidden[k]++;
        return;
    }
    run.shown[k]++;
    say(!k, "%s", evg_error_format(buf, sizeof buf, err));
}

void cli_help_fprint(FILE *f, const cli_cmd *cmd)
{
    char prog[64];

    snprintf(prog, sizeof prog, "evgraph %s", cmd->name);
    cli_opts_usage_fprint(f, prog, cmd->opts);
    /* The summary is written for the command list; as a sentence it gets a capital. */
    fprintf(f, "\n%c%s.\n", toupper((unsigned char)cmd->summary[0]), cmd->summary + 1);
    cli_opts_help_fprint(f, cmd->opts);
    fprintf(f, "\nSee evgraph(1) for details and examples.\n");
}

cli_status cli_usage_error(const cli_cmd *cmd, const char *message)
{
    char prog[64];

    snprintf(prog, sizeof prog, "evgraph %s", cmd->name);
    cli_errorf("%s", message);
    cli_opts_usage_fprint(stderr, prog, cmd->opts);
    fprintf(stderr, "Run 'evgraph %s --help' for more information.\n", cmd->name);
    return CLI_USAGE;
}

/* The value of the table's "help" switch. */
static int help_requested(const cli_opt *t)
{
    for (; t->name; t++)
        if (t->kind == CLI_OPT_SWITCH && strcmp(t->name, "help") == 0)
            return *(const int *)t->target;
    return 0;
}

cli_status cli_parse(const cli_cmd *cmd, int argc, char **argv)
{
    cli_opt_error e;
    int rc = cli_opts_parse(cmd->opts, argc, argv, &e);

    if (rc == -2) {
        cli_errorf("out of memory");
        return CLI_FAILED;
    }
    if (rc < 0)
        return cli_usage_error(cmd, e.text);
    if (help_requested(cmd->opts)) {
        cli_help_fprint(stdout, cmd);
        return CLI_HELP;
    }
    return CLI_OK;
}

int cli_check_output(const cli_cmd *cmd, const char *output,
                     const cli_strlist *const *lists, const char *file, cli_status *st)
{
    char buf[512];
    evg_error e;
    int rc = 0;

    memset(&e, 0, sizeof e);
    for (size_t i = 0; rc == 0 && lists && lists[i]; i++)
        rc = evg_output_check(output, lists[i]->v, lists[i]->n, &e);
    if (rc == 0 && file)
        rc = evg_output_check(output, &file, 1, &e);
    if (rc == 0)
        return 0;
    *st = cli_usage_error(cmd, evg_error_format(buf, sizeof buf, &e));
    return -1;
}

char *cli_path_join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    const char *sep = n > 0 && dir[n - 1] != '/' ? "/" : "";
    size_t size = n + strlen(sep) + strlen(name) + 1;
    char *p = malloc(size);

    if (p)
        snprintf(p, size, "%s%s%s", dir, sep, name);
    return p;
}
