/* The tool's option parser: every accepted form, every usage error, the help text. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "opts.h"

static cli_strlist operands, lists;
static const char *value;
static int sw_a, sw_b, stop;

static const cli_opt table[] = {
    {CLI_OPT_OPERANDS, "INPUT", 0, &operands, NULL, "the inputs", CLI_OPT_REQUIRED},
    {CLI_OPT_VALUE, "output", 'o', &value, "FILE", "where to write", 0},
    {CLI_OPT_LIST, "lexicon", 'l', &lists, "FILE", "repeatable", 0},
    {CLI_OPT_SWITCH, "all", 'a', &sw_a, NULL, "switch a", 0},
    {CLI_OPT_SWITCH, "brief", 'b', &sw_b, NULL, "switch b", CLI_OPT_HIDDEN},
    {CLI_OPT_SWITCH, "help", 'h', &stop, NULL, "show this help and exit", CLI_OPT_STOP},
    {0},
};

/* Parse a NULL-terminated list of arguments (argv[0] is added). */
static int parse(const cli_opt *t, cli_opt_error *err, ...)
{
    char *argv[32];
    int argc = 0;
    va_list ap;

    argv[argc++] = "cmd";
    va_start(ap, err);
    for (char *a; (a = va_arg(ap, char *)) != NULL;)
        argv[argc++] = a;
    va_end(ap);
    argv[argc] = NULL;
    memset(err, 0, sizeof *err);
    return cli_opts_parse(t, argc, argv, err);
}

static void value_forms(void **state)
{
    cli_opt_error e;
    const char *const *forms[] = {
        (const char *const[]){"--output=x.json", "in", NULL},
        (const char *const[]){"--output", "x.json", "in", NULL},
        (const char *const[]){"-o", "x.json", "in", NULL},
        (const char *const[]){"-ox.json", "in", NULL},
        (const char *const[]){"in", "-o", "x.json", NULL},
    };

    (void)state;
    for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
        assert_int_equal(parse(table, &e, forms[i][0], forms[i][1], forms[i][2], NULL),
                         0);
        assert_string_equal(value, "x.json");
        assert_int_equal(operands.n, 1);
        assert_string_equal(operands.v[0], "in");
        cli_opts_free(table);
    }
}

static void switches_lists_and_operands(void **state)
{
    cli_opt_error e;

    (void)state;
    assert_int_equal(parse(table, &e, "-ab", "-l", "one", "a", "--lexicon=two", "-",
                           "-lthree", "--", "-b", "--all", NULL),
                     0);
    assert_int_equal(sw_a, 1);
    assert_int_equal(sw_b, 1);
    assert_null(value);
    assert_int_equal(lists.n, 3);
    assert_string_equal(lists.v[0], "one");
    assert_string_equal(lists.v[1], "two");
    assert_string_equal(lists.v[2], "three");
    /* "-" is an operand, and after "--" everything is. */
    assert_int_equal(operands.n, 4);
    assert_string_equal(operands.v[0], "a");
    assert_string_equal(operands.v[1], "-");
    assert_string_equal(operands.v[2], "-b");
    assert_string_equal(operands.v[3], "--all");
    cli_opts_free(table);
    assert_null(lists.v);

    /* A second parse starts from scratch. */
    assert_int_equal(parse(table, &e, "in", NULL), 0);
    assert_int_equal(sw_a, 0);
    assert_int_equal(lists.n, 0);
    cli_opts_free(table);
}

static void expect_error(const char *text, ...)
{
    char *argv[16];
    int argc = 0;
    cli_opt_error e;
    va_list ap;

    argv[argc++] = "cmd";
    va_start(ap, text);
    for (char *a; (a = va_arg(ap, char *)) != NULL;)
        argv[argc++] = a;
    va_end(ap);
    argv[argc] = NULL;
    assert_int_equal(cli_opts_parse(table, argc, argv, &e), -1);
    assert_string_equal(e.text, text);
    cli_opts_free(table);
}

static void usage_errors(void **state)
{
    (void)state;
    expect_error("unknown option '--nope'", "in", "--nope", NULL);
    expect_error("unknown option '--nope'", "--nope=3", "in", NULL);
    expect_error("unknown option '-z'", "-az", "in", NULL);
    expect_error("option '--output' requires a value FILE", "in", "--output", NULL);
    expect_error("option '-o' requires a value FILE", "in", "-o", NULL);
    expect_error("option '--all' takes no value", "--all=yes", "in", NULL);
    expect_error("option '--output' given more than once", "-o", "a", "--output", "b",
                 "in", NULL);
    expect_error("missing operand INPUT", "-o", "a", NULL);
}

static void stop_option_skips_required_checks(void **state)
{
    cli_opt_error e;

    (void)state;
    assert_int_equal(parse(table, &e, "--help", NULL), 0);
    assert_int_equal(stop, 1);
    cli_opts_free(table);
}

static int cmd_at, version;
static const cli_opt global[] = {
    {CLI_OPT_COMMAND, "COMMAND", 0, &cmd_at, NULL, "the command", CLI_OPT_REQUIRED},
    {CLI_OPT_SWITCH, "version", 'V', &version, NULL, "show the version", CLI_OPT_STOP},
    {0},
};

static void command_stops_parsing(void **state)
{
    cli_opt_error e;

    (void)state;
    /* Options after the command belong to it and are not looked at. */
    assert_int_equal(parse(global, &e, "extract", "--unknown", "-V", NULL), 0);
    assert_int_equal(cmd_at, 1);
    assert_int_equal(version, 0);
    assert_int_equal(parse(global, &e, "-V", NULL), 0);
    assert_int_equal(version, 1);
    assert_int_equal(parse(global, &e, NULL), -1);
    assert_string_equal(e.text, "missing operand COMMAND");
}

/* What `print` wrote, in a malloc()ed string. */
static char *capture(void (*print)(FILE *, const cli_opt *), const cli_opt *t)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);

    assert_non_null(f);
    print(f, t);
    fclose(f);
    return buf;
}

static void print_usage(FILE *f, const cli_opt *t)
{
    cli_opts_usage_fprint(f, "evgraph cmd", t);
}

static void help_text(void **state)
{
    char *usage = capture(print_usage, table);
    char *help = capture(cli_opts_help_fprint, table);

    (void)state;
    assert_string_equal(usage, "usage: evgraph cmd [options] INPUT...\n");
    assert_string_equal(help, "\narguments:\n"
                              "  INPUT               the inputs\n"
                              "\noptions:\n"
                              "  -o, --output FILE   where to write\n"
                              "  -l, --lexicon FILE  repeatable\n"
                              "  -a, --all           switch a\n"
                              "  -h, --help          show this help and exit\n");
    free(usage);
    free(help);
}

static void help_wraps_long_lines(void **state)
{
    static int x;
    static const cli_opt t[] = {
        {CLI_OPT_SWITCH, "x", 'x', &x, NULL,
         "a very long explanation that goes on and on, well past the right margin of any "
         "ordinary terminal window",
         0},
        {0},
    };
    char *help = capture(cli_opts_help_fprint, t);

    (void)state;
    assert_string_equal(help,
                        "\noptions:\n"
                        "  -x, --x  a very long explanation that goes on and on, well "
                        "past the right\n"
                        "           margin of any ordinary terminal window\n");
    for (char *line = help, *nl; (nl = strchr(line, '\n')) != NULL; line = nl + 1)
        assert_true(nl - line <= 79);
    free(help);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(value_forms),
        cmocka_unit_test(switches_lists_and_operands),
        cmocka_unit_test(usage_errors),
        cmocka_unit_test(stop_option_skips_required_checks),
        cmocka_unit_test(command_stops_parsing),
        cmocka_unit_test(help_text),
        cmocka_unit_test(help_wraps_long_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
