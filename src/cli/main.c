/*
 * The evgraph tool: finds the subcommand in a table and turns its outcome
 * into the exit status: 0 success, 1 an input or runtime failure (even when
 * the rest of the batch was processed), 2 a usage error.
 */
#include <errno.h>
#include <string.h>

#include "cmd.h"

static cli_status help_main(int argc, char **argv);

static cli_strlist help_topic;
static int help_help;

static const cli_opt help_opts[] = {
    {CLI_OPT_OPERANDS, "COMMAND", 0, &help_topic, NULL, "the command to describe", 0},
    {CLI_OPT_SWITCH, "help", 'h', &help_help, NULL, "show this help and exit",
     CLI_OPT_STOP},
    {0},
};

static const cli_cmd cmd_help = {"help", help_main, help_opts,
                                 "show the help of a command", NULL};

static const cli_cmd *const commands[] = {
    &cli_cmd_extract, &cli_cmd_build,   &cli_cmd_report, &cli_cmd_query,
    &cli_cmd_run,     &cli_cmd_convert, &cmd_help,       NULL};

static int show_help, show_version, list_options, command_at;

static const cli_opt global_opts[] = {
    {CLI_OPT_COMMAND, "COMMAND", 0, &command_at, NULL, "one of the commands above",
     CLI_OPT_REQUIRED | CLI_OPT_HIDDEN},
    {CLI_OPT_SWITCH, "help", 'h', &show_help, NULL, "show this help and exit",
     CLI_OPT_STOP},
    {CLI_OPT_SWITCH, "version", 'V', &show_version, NULL, "show the version and exit",
     CLI_OPT_STOP},
    /* For the test that every option is documented in docs/evgraph.1. */
    {CLI_OPT_SWITCH, "list-options", 0, &list_options, NULL, "list every long option",
     CLI_OPT_STOP | CLI_OPT_HIDDEN},
    {0},
};

static const cli_cmd *find_command(const char *name)
{
    for (size_t i = 0; commands[i]; i++)
        if (strcmp(commands[i]->name, name) == 0)
            return commands[i];
    return NULL;
}

static void print_global_help(FILE *f)
{
    cli_opts_usage_fprint(f, "evgraph", global_opts);
    fprintf(f,
            "\nTurn news articles about officials into a graph of who met whom, when,\n"
            "where, and under which agreements.\n\ncommands:\n");
    for (size_t i = 0; commands[i]; i++)
        fprintf(f, "  %-9s %s\n", commands[i]->name, commands[i]->summary);
    cli_opts_help_fprint(f, global_opts);
    fprintf(
        f,
        "\nRun 'evgraph help COMMAND' for the options of a command; see evgraph(1).\n");
}

static void print_option_list(void)
{
    char prefix[64];

    cli_opts_list_fprint(stdout, "evgraph ", global_opts);
    for (size_t i = 0; commands[i]; i++) {
        snprintf(prefix, sizeof prefix, "evgraph %s ", commands[i]->name);
        cli_opts_list_fprint(stdout, prefix, commands[i]->opts);
    }
}

static cli_status unknown_command(const char *name)
{
    cli_errorf("unknown command '%s'", name);
    fprintf(stderr, "Run 'evgraph --help' for the list of commands.\n");
    return CLI_USAGE;
}

static cli_status help_main(int argc, char **argv)
{
    const cli_cmd *cmd;
    cli_status st = cli_parse(&cmd_help, argc, argv);

    if (st == CLI_OK && help_topic.n > 1)
        st = cli_usage_error(&cmd_help, "give at most one command");
    if (st == CLI_OK && help_topic.n == 0) {
        print_global_help(stdout);
    } else if (st == CLI_OK) {
        if ((cmd = find_command(help_topic.v[0])) == NULL)
            st = unknown_command(help_topic.v[0]);
        else
            cli_help_fprint(stdout, cmd);
    }
    cli_opts_free(help_opts);
    return st;
}

/* The global options, then the command with the arguments after it. */
static cli_status dispatch(int argc, char **argv)
{
    cli_opt_error e;
    const cli_cmd *cmd;
    int rc = cli_opts_parse(global_opts, argc, argv, &e);

    cli_opts_free(global_opts);
    if (rc == -2) {
        cli_errorf("out of memory");
        return CLI_FAILED;
    }
    if (rc < 0) {
        cli_errorf("%s", e.text);
        cli_opts_usage_fprint(stderr, "evgraph", global_opts);
        fprintf(stderr, "Run 'evgraph --help' for the list of commands.\n");
        return CLI_USAGE;
    }
    if (show_help || list_options || show_version) {
        if (show_help)
            print_global_help(stdout);
        else if (list_options)
            print_option_list();
        else
            printf("evgraph %s\n", evg_version());
        return CLI_HELP;
    }
    if ((cmd = find_command(argv[command_at])) == NULL)
        return unknown_command(argv[command_at]);
    return cmd->entry(argc - command_at, argv + command_at);
}

int main(int argc, char **argv)
{
    cli_status st;

    evg_global_init();
    for (size_t i = 0; commands[i]; i++)
        if (commands[i]->init)
            commands[i]->init();
    /* Ctrl-C or a kill while a big output is written leaves no temporary file. */
    if (evg_ofile_clean_on_signals() < 0)
        cli_warnf("temporary files may be left behind if a signal stops the run");
    st = dispatch(argc, argv);
    cli_diag_flush(); /* the count of diagnostics not shown, if any */
    /* A full disk or a closed pipe must not pass for success (a failed command has said
     * why). */
    if ((st == CLI_OK || st == CLI_HELP) && (fflush(stdout) != 0 || ferror(stdout))) {
        cli_errorf("<stdout>: write failed: %s", strerror(errno));
        st = CLI_FAILED;
    }
    switch (st) {
    case CLI_OK:
    case CLI_HELP:
        return 0;
    case CLI_FAILED:
        return 1;
    default:
        return 2;
    }
}
