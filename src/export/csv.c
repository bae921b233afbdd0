/*
 * CSV in the two tables Gephi's spreadsheet import (File > Import
 * spreadsheet) reads, nodes first, then edges appended to the same
 * workspace. The columns are those of columns.c, with the headers Gephi
 * gives a meaning to:
 *
 *   nodes: Id, Label, type, color, size, ..., Timeset
 *   edges: Source, Target, Type (always Undirected), Id, Label, Weight,
 *          Kind (the relation: Gephi keeps typed parallel edges apart),
 *          relation, role, ..., Timeset
 *
 * Timeset is the element's interval in Gephi's own notation,
 * "<[2024-06-04, 2024-06-05]>", which the import recognizes by the column's
 * name and turns into the timeline, like GEXF's start= / end=; an element
 * of several days has one interval per day, "<[d1, d1]; [d2, d2]>" (an
 * interval set, like GEXF's spells).
 *
 * RFC 4180: comma separated, CRLF after each record, a field quoted when it
 * holds a comma, a quote, a line break or space at either end, quotes
 * doubled. Text cells that start with = + - @ tab or carriage return get a
 * leading single quote (OWASP's advice against formula injection when a
 * spreadsheet opens the file); numbers are ours and never do. Controls other
 * than tab and line breaks are dropped and invalid UTF-8 is replaced by
 * U+FFFD, as in the XML formats.
 */
#include <string.h>

#include "export/export_internal.h"
#include "util/buf.h"
#include "util/error.h"

typedef enum { C_COLUMN, C_ID, C_SOURCE, C_TARGET, C_TYPE, C_KIND, C_TIMESET } cell_kind;

typedef struct {
    const char *header;
    cell_kind kind;
    const evg_i_column *col; /* C_COLUMN, C_KIND */
} csv_col;

typedef struct {
    FILE *f;
    const evg_i_columns *cols;
    int nodes; /* the nodes table, else the edges table */
    csv_col list[EVG_I_MAX_COLUMNS + 8];
    size_t n;
    evg_i_buf clean;   /* the current text cell, cleaned */
    evg_i_buf timeset; /* the current Timeset of several days */
} csv_table;

static const char *header_of(const evg_i_column *c)
{
    switch (c->role) {
    case EVG_I_ROLE_LABEL:
        return "Label";
    case EVG_I_ROLE_WEIGHT:
        return "Weight";
    default:
        return c->name;
    }
}

static void add(csv_table *t, const char *header, cell_kind kind, const evg_i_column *c)
{
    t->list[t->n].header = header;
    t->list[t->n].kind = kind;
    t->list[t->n].col = c;
    t->n++;
}

/* The columns of the table in Gephi's order: its special columns first. */
static void plan(csv_table *t)
{
    const evg_i_column *const *list = t->nodes ? t->cols->node : t->cols->edge;
    size_t n = t->nodes ? t->cols->nnode : t->cols->nedge;
    const evg_i_column *label = evg_i_columns_find(list, n, EVG_I_ROLE_LABEL, 0),
                       *weight = evg_i_columns_find(list, n, EVG_I_ROLE_WEIGHT, 0),
                       *kind =
                           evg_i_columns_find(list, n, EVG_I_ROLE_DATA, EVG_I_COL_KIND);

    if (!t->nodes) {
        add(t, "Source", C_SOURCE, NULL);
        add(t, "Target", C_TARGET, NULL);
        add(t, "Type", C_TYPE, NULL);
    }
    add(t, "Id", C_ID, NULL);
    if (label)
        add(t, "Label", C_COLUMN, label);
    if (weight)
        add(t, "Weight", C_COLUMN, weight);
    if (kind)
        add(t, "Kind", C_KIND, kind);
    for (size_t i = 0; i < n; i++)
        if (list[i] != label && list[i] != weight)
            add(t, header_of(list[i]), C_COLUMN, list[i]);
    if (evg_i_columns_find(list, n, EVG_I_ROLE_DATA, EVG_I_COL_START | EVG_I_COL_END))
        add(t, "Timeset", C_TIMESET, NULL);
}

int evg_i_csv_field(FILE *f, evg_i_buf *clean, const char *s, int text, int tsv)
{
    size_t n;
    int quote, formula;

    if (evg_i_text_clean(clean, s) < 0)
        return EVG_ENOMEM;
    s = clean->ptr;
    n = strlen(s);
    formula = text && n > 0 && strchr("=+-@\t\r", s[0]) != NULL;
    quote = !tsv && (strpbrk(s, ",\"\r\n") != NULL ||
                     (n > 0 && (s[0] == ' ' || s[n - 1] == ' ')));
    if (quote)
        fputc('"', f);
    if (formula)
        fputc('\'', f);
    for (; *s; s++) {
        if (*s == '"' && quote)
            fputc('"', f);
        fputc(tsv && (*s == '\t' || *s == '\r' || *s == '\n') ? ' ' : *s, f);
    }
    if (quote)
        fputc('"', f);
    return 0;
}

/* One field, quoted when needed; `text` cells are neutralized against formulas. */
static int put_field(csv_table *t, const char *s, int text)
{
    return evg_i_csv_field(t->f, &t->clean, s, text, 0);
}

static void interval_of(const char **start, const char **end, const csv_table *t,
                        size_t i)
{
    if (t->nodes)
        evg_i_node_interval(start, end, t->cols, i);
    else
        evg_i_edge_interval(start, end, t->cols, i);
}

/*
 * The Timeset of an element of several days (EVG_I_DATES, the spells of
 * GEXF): one one-day interval per day, "<[d1, d1]; [d2, d2]>", Gephi's
 * interval set.
 */
static int put_days(csv_table *t, const char *dates)
{
    char day[EVG_I_DATE_LEN + 1];
    size_t at = 0, n = 0;
    int rc = 0;

    evg_i_buf_clear(&t->timeset);
    rc = evg_i_buf_putc(&t->timeset, '<');
    while (rc == 0 && evg_i_dates_next(day, dates, &at))
        rc = evg_i_buf_printf(&t->timeset, "%s[%s, %s]", n++ ? "; " : "", day, day);
    if (rc == 0)
        rc = evg_i_buf_putc(&t->timeset, '>');
    return rc < 0 ? EVG_ENOMEM : put_field(t, t->timeset.ptr, 1);
}

static int put_cell(csv_table *t, const csv_col *c, size_t i)
{
    const evg_i_eattr *a = t->nodes ? NULL : evg_i_graph_eattr(t->cols->g, i);
    const evg_graph *g = t->cols->g;
    char buf[64];
    const char *start, *end;
    evg_i_value v;

    switch (c->kind) {
    case C_ID:
        if (t->nodes)
            return put_field(t, evg_i_graph_vattr(g, i)->id, 1);
        snprintf(buf, sizeof buf, EVG_I_EDGE_ID_FMT, i);
        return put_field(t, buf, 1);
    case C_SOURCE:
        return put_field(t, evg_i_graph_vattr(g, a->from)->id, 1);
    case C_TARGET:
        return put_field(t, evg_i_graph_vattr(g, a->to)->id, 1);
    case C_TYPE:
        return put_field(t, "Undirected", 1);
    case C_TIMESET:
        if (t->nodes ? evg_i_graph_vattr(g, i)->dates != NULL : a->dates != NULL)
            return put_days(t, t->nodes ? evg_i_graph_vattr(g, i)->dates : a->dates);
        interval_of(&start, &end, t, i);
        if (start == NULL)
            return 0;
        snprintf(buf, sizeof buf, "<[%s, %s]>", start, end);
        return put_field(t, buf, 1);
    default:
        if (t->nodes)
            evg_i_node_value(&v, t->cols, c->col, i);
        else
            evg_i_edge_value(&v, t->cols, c->col, i);
        if (!v.present)
            return 0;
        return put_field(t, evg_i_value_text(buf, c->col, &v),
                         c->col->type == EVG_I_COL_STRING);
    }
}

static int write_rows(csv_table *t, size_t rows)
{
    for (size_t k = 0; k < t->n; k++) {
        fputs(k ? "," : "", t->f);
        if (put_field(t, t->list[k].header, 1) < 0)
            return EVG_ENOMEM;
    }
    fputs("\r\n", t->f);
    for (size_t i = 0; i < rows; i++) {
        for (size_t k = 0; k < t->n; k++) {
            fputs(k ? "," : "", t->f);
            if (put_cell(t, &t->list[k], i) < 0)
                return EVG_ENOMEM;
        }
        fputs("\r\n", t->f);
    }
    return 0;
}

int evg_i_csv_write(FILE *f, const evg_graph *g, const evg_scores *s,
                    const evg_export_opts *opts, evg_error *err)
{
    evg_i_columns cols;
    csv_table t;
    int rc;

    if ((rc = evg_i_columns_init(&cols, g, s, opts, err)) < 0)
        return rc;
    memset(&t, 0, sizeof t);
    t.f = f;
    t.cols = &cols;
    t.nodes = opts->csv_table != EVG_CSV_EDGES;
    plan(&t);
    rc = write_rows(&t, t.nodes ? evg_graph_vertex_count(g) : evg_graph_edge_count(g));
    evg_i_buf_free(&t.clean);
    evg_i_buf_free(&t.timeset);
    return rc < 0 ? evg_i_error_nomem(err) : 0;
}
