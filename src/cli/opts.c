/* Table-driven option parsing and help text for the evgraph tool. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "opts.h"

typedef struct {
    const cli_opt *table;
    int argc;
    char **argv;
    int i;               /* the argument being read */
    unsigned char *seen; /* one per table entry */
    int stop;            /* a CLI_OPT_STOP option was seen */
    cli_opt_error *err;
} parser;

static int fail(parser *p, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(p->err->text, sizeof p->err->text, fmt, ap);
    va_end(ap);
    return -1;
}

static int is_list(const cli_opt *o)
{
    return o->kind == CLI_OPT_LIST || o->kind == CLI_OPT_OPERANDS;
}

/* An entry that is an option (as opposed to an operand). */
static int is_option(const cli_opt *o)
{
    return o->kind == CLI_OPT_SWITCH || o->kind == CLI_OPT_VALUE ||
           o->kind == CLI_OPT_LIST;
}

static const cli_opt *find_long(const cli_opt *t, const char *name, size_t len)
{
    for (; t->name; t++)
        if (is_option(t) && strlen(t->name) == len && memcmp(t->name, name, len) == 0)
            return t;
    return NULL;
}

static const cli_opt *find_short(const cli_opt *t, char c)
{
    for (; t->name; t++)
        if (is_option(t) && t->alias == c)
            return t;
    return NULL;
}

static const cli_opt *find_kind(const cli_opt *t, cli_opt_kind kind)
{
    for (; t->name; t++)
        if (t->kind == kind)
            return t;
    return NULL;
}

/* Lists hold at most argc strings, so one allocation of that size suffices. */
static int list_add(parser *p, cli_strlist *l, const char *s)
{
    if (l->v == NULL && (l->v = calloc((size_t)p->argc, sizeof(*l->v))) == NULL)
        return -2;
    l->v[l->n++] = s;
    return 0;
}

/* Record that option `o` was given, with `value` when it takes one. */
static int take(parser *p, const cli_opt *o, const char *value)
{
    size_t idx = (size_t)(o - p->table);

    if (o->flags & CLI_OPT_STOP)
        p->stop = 1;
    if (o->kind == CLI_OPT_VALUE && p->seen[idx])
        return fail(p, "option '--%s' given more than once", o->name);
    p->seen[idx] = 1;
    switch (o->kind) {
    case CLI_OPT_SWITCH:
        *(int *)o->target = 1;
        return 0;
    case CLI_OPT_VALUE:
        *(const char **)o->target = value;
        return 0;
    default:
        return list_add(p, o->target, value);
    }
}

/* The next argument, taken as an option's value; NULL when there is none. */
static const char *next_value(parser *p)
{
    if (p->i + 1 >= p->argc)
        return NULL;
    return p->argv[++p->i];
}

static int parse_long(parser *p, const char *arg)
{
    const char *eq = strchr(arg, '=');
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    const cli_opt *o = find_long(p->table, arg, len);
    const char *value = eq ? eq + 1 : NULL;

    if (o == NULL)
        return fail(p, "unknown option '--%.*s'", (int)len, arg);
    if (o->kind == CLI_OPT_SWITCH) {
        if (eq)
            return fail(p, "option '--%s' takes no value", o->name);
        return take(p, o, NULL);
    }
    if (value == NULL && (value = next_value(p)) == NULL)
        return fail(p, "option '--%s' requires a value %s", o->name, o->value);
    return take(p, o, value);
}

/* "-abc" is "-a -b -c"; the first option taking a value takes the rest ("-oFILE"). */
static int parse_short(parser *p, const char *arg)
{
    for (const char *c = arg; *c; c++) {
        const cli_opt *o = find_short(p->table, *c);
        const char *value;
        int rc;
        if (o == NULL)
            return fail(p, "unknown option '-%c'", *c);
        if (o->kind == CLI_OPT_SWITCH) {
            if ((rc = take(p, o, NULL)) < 0)
                return rc;
            continue;
        }
        value = c[1] ? c + 1 : next_value(p);
        if (value == NULL)
            return fail(p, "option '-%c' requires a value %s", *c, o->value);
        return take(p, o, value);
    }
    return 0;
}

static int operand(parser *p, const char *arg, int *done)
{
    const cli_opt *o = find_kind(p->table, CLI_OPT_COMMAND);

    if (o) {
        *(int *)o->target = p->i;
        p->seen[o - p->table] = 1;
        *done = 1;
        return 0;
    }
    if ((o = find_kind(p->table, CLI_OPT_OPERANDS)) == NULL)
        return fail(p, "unexpected argument '%s'", arg);
    return take(p, o, arg);
}

static int check_required(parser *p)
{
    for (const cli_opt *o = p->table; o->name; o++) {
        if (!(o->flags & CLI_OPT_REQUIRED) || p->seen[o - p->table])
            continue;
        if (o->kind == CLI_OPT_OPERANDS || o->kind == CLI_OPT_COMMAND)
            return fail(p, "missing operand %s", o->name);
        return fail(p, "missing option '--%s %s'", o->name, o->value);
    }
    return 0;
}

static void reset_targets(const cli_opt *t)
{
    for (; t->name; t++) {
        switch (t->kind) {
        case CLI_OPT_SWITCH:
        case CLI_OPT_COMMAND:
            *(int *)t->target = 0;
            break;
        case CLI_OPT_VALUE:
            *(const char **)t->target = NULL;
            break;
        default:
            memset(t->target, 0, sizeof(cli_strlist));
            break;
        }
    }
}

int cli_opts_parse(const cli_opt *table, int argc, char **argv, cli_opt_error *err)
{
    parser p = {table, argc, argv, 1, NULL, 0, err};
    size_t n = 0;
    int rc = 0, done = 0, only_operands = 0;

    reset_targets(table);
    while (table[n].name)
        n++;
    if ((p.seen = calloc(n + 1, 1)) == NULL)
        return -2;
    for (; rc == 0 && !done && p.i < argc; p.i++) {
        const char *arg = argv[p.i];
        if (only_operands || arg[0] != '-' || arg[1] == '\0')
            rc = operand(&p, arg, &done);
        else if (strcmp(arg, "--") == 0)
            only_operands = 1;
        else if (arg[1] == '-')
            rc = parse_long(&p, arg + 2);
        else
            rc = parse_short(&p, arg + 1);
    }
    if (rc == 0 && !p.stop)
        rc = check_required(&p);
    free(p.seen);
    return rc;
}

void cli_opts_free(const cli_opt *table)
{
    for (; table->name; table++) {
        if (is_list(table)) {
            cli_strlist *l = table->target;
            free(l->v);
            l->v = NULL;
            l->n = 0;
        }
    }
}

/* ---- help ------------------------------------------------------------- */

void cli_opts_usage_fprint(FILE *f, const char *prog, const cli_opt *table)
{
    const cli_opt *t;

    fprintf(f, "usage: %s [options]", prog);
    for (t = table; t->name; t++) {
        if (!(t->flags & CLI_OPT_REQUIRED) || !is_option(t))
            continue;
        if (t->alias)
            fprintf(f, " -%c %s", t->alias, t->value);
        else
            fprintf(f, " --%s %s", t->name, t->value);
    }
    for (t = table; t->name; t++) {
        if (t->kind == CLI_OPT_OPERANDS)
            fprintf(f, (t->flags & CLI_OPT_REQUIRED) ? " %s..." : " [%s...]", t->name);
        else if (t->kind == CLI_OPT_COMMAND)
            fprintf(f, " %s [ARGS]", t->name);
    }
    fputc('\n', f);
}

/* The left column of an option's help line: "-o, --output FILE". */
static int left_column(char *buf, size_t size, const cli_opt *t)
{
    if (!is_option(t))
        return snprintf(buf, size, "%s", t->name);
    return snprintf(buf, size, "%c%c%c --%s%s%s", t->alias ? '-' : ' ',
                    t->alias ? t->alias : ' ', t->alias ? ',' : ' ', t->name,
                    t->value ? " " : "", t->value ? t->value : "");
}

/* Print `text` at column `indent`, wrapped at spaces to stay within 79 columns. */
static void print_wrapped(FILE *f, const char *text, int indent)
{
    int col = indent, line_empty = 1;

    while (*text) {
        int len = (int)strcspn(text, " ");
        if (!line_empty && col + 1 + len > 79) {
            fprintf(f, "\n%*s", indent, "");
            col = indent;
            line_empty = 1;
        }
        if (!line_empty) {
            fputc(' ', f);
            col++;
        }
        fprintf(f, "%.*s", len, text);
        col += len;
        line_empty = 0;
        text += len;
        text += strspn(text, " ");
    }
    fputc('\n', f);
}

static void print_section(FILE *f, const char *title, const cli_opt *table, int operands,
                          int width)
{
    char left[96];
    int any = 0;

    for (const cli_opt *t = table; t->name; t++) {
        if ((t->flags & CLI_OPT_HIDDEN) || is_option(t) == operands)
            continue;
        if (!any++)
            fprintf(f, "\n%s:\n", title);
        left_column(left, sizeof left, t);
        fprintf(f, "  %-*s  ", width, left);
        print_wrapped(f, t->help, width + 4);
    }
}

void cli_opts_help_fprint(FILE *f, const cli_opt *table)
{
    char left[96];
    int width = 0;

    for (const cli_opt *t = table; t->name; t++) {
        int n = left_column(left, sizeof left, t);
        if (!(t->flags & CLI_OPT_HIDDEN) && n > width)
            width = n < (int)sizeof left ? n : (int)sizeof left - 1;
    }
    print_section(f, "arguments", table, 1, width);
    print_section(f, "options", table, 0, width);
}

void cli_opts_list_fprint(FILE *f, const char *prefix, const cli_opt *table)
{
    for (const cli_opt *t = table; t->name; t++)
        if (!(t->flags & CLI_OPT_HIDDEN) && is_option(t))
            fprintf(f, "%s--%s\n", prefix, t->name);
}

/* ---- the event filters ------------------------------------------------ */

int cli_filter_type(unsigned *bits, const char *name, char *msg, size_t size)
{
    evg_event_type t;
    size_t n;

    if (evg_event_type_from_name(&t, name) == 0) {
        *bits |= 1u << t;
        return 0;
    }
    /* The expected names, from the one table of event types. */
    n = (size_t)snprintf(msg, size, "unknown --type '%.40s' (expected ", name);
    for (int k = 0; k < EVG_EV__COUNT && n < size; k++)
        n += (size_t)snprintf(msg + n, size - n, "%s%s",
                              k == 0                  ? ""
                              : k + 1 < EVG_EV__COUNT ? ", "
                                                      : " or ",
                              evg_event_type_name((evg_event_type)k));
    if (n < size)
        snprintf(msg + n, size - n, ")");
    return -1;
}

int cli_filter_status(unsigned *bits, const char *name, char *msg, size_t size)
{
    if (strcmp(name, "any") == 0)
        *bits = (1u << EVG_STATUS_REPORTED) | (1u << EVG_STATUS_PLANNED);
    else if (strcmp(name, evg_event_status_name(EVG_STATUS_REPORTED)) == 0)
        *bits = 1u << EVG_STATUS_REPORTED;
    else if (strcmp(name, evg_event_status_name(EVG_STATUS_PLANNED)) == 0)
        *bits = 1u << EVG_STATUS_PLANNED;
    else {
        snprintf(msg, size,
                 "unknown --status '%.40s' (expected reported, planned or any)", name);
        return -1;
    }
    return 0;
}

int cli_filter_parse(evg_filter *out, const cli_filter_args *a, char *msg, size_t size)
{
    evg_error e;

    memset(out, 0, sizeof *out);
    memset(&e, 0, sizeof e);
    for (size_t i = 0; i < a->types.n; i++)
        if (cli_filter_type(&out->event_types, a->types.v[i], msg, size) < 0)
            return -1;
    if (a->status && cli_filter_status(&out->statuses, a->status, msg, size) < 0)
        return -1;
    out->from = a->from;
    out->to = a->to;
    out->countries = a->countries.v;
    out->ncountries = a->countries.n;
    if (evg_filter_check(out, &e) < 0) {
        snprintf(msg, size, "%s", e.text);
        return -1;
    }
    return 0;
}
