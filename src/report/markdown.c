/*
 * The Markdown renderer (GitHub's dialect: pipe tables). Pictures are image
 * links to SVG files written beside the document. All text goes through
 * evg_i_report_md(), which escapes whatever could open markup or raw HTML,
 * and never contains a line break, so a name cannot end a table row or a
 * list item either.
 */
#include <string.h>

#include "report/report_internal.h"

static void text(evg_i_rw *w, const char *s)
{
    evg_i_report_md(w->f, s, w->block_start);
    if (s && s[0])
        w->block_start = 0;
}

static void begin(evg_i_rw *w, const char *title)
{
    (void)w;
    (void)title;
}

static void end(evg_i_rw *w)
{
    (void)w;
}

static void heading(evg_i_rw *w, int level, const char *anchor, const char *s)
{
    (void)anchor; /* GitHub derives the same anchors from the text of our headings */
    for (int i = 0; i < level; i++)
        fputc('#', w->f);
    fputc(' ', w->f);
    w->block_start = 0; /* "# 1. x" is a heading: nothing to escape at its start */
    text(w, s);
    fputs("\n\n", w->f);
}

static void para(evg_i_rw *w, int open)
{
    w->block_start = open;
    if (!open)
        fputs("\n\n", w->f);
}

static void strong(evg_i_rw *w, const char *s)
{
    fputs("**", w->f);
    text(w, s);
    fputs("**", w->f);
}

static void code(evg_i_rw *w, const char *s)
{
    /* Code spans take no escapes: only text without backticks goes in one. */
    if (strchr(s, '`') || strchr(s, '\n')) {
        text(w, s);
        return;
    }
    fprintf(w->f, "`%s`", s);
}

static void anchor_link(evg_i_rw *w, const char *anchor, const char *s)
{
    fputc('[', w->f);
    text(w, s);
    fprintf(w->f, "](#%s)", anchor);
}

/* "[text](<href>)": the angle brackets keep parentheses and spaces of `href` in */
static void url(evg_i_rw *w, const char *href, const char *s)
{
    if (!evg_i_report_web_address(href)) {
        text(w, s);
        return;
    }
    fputc('[', w->f);
    text(w, s);
    fprintf(w->f, "](<%s>)", href);
}

static void list(evg_i_rw *w, int open)
{
    if (!open)
        fputc('\n', w->f);
}

static void item(evg_i_rw *w, int open)
{
    w->in_item = open;
    w->block_start = open;
    fputs(open ? "- " : "\n", w->f);
}

static void quote(evg_i_rw *w, const char *s)
{
    fputs(w->in_item ? "\n\n  > " : "> ", w->f);
    w->block_start = 1;
    text(w, s);
    if (!w->in_item)
        fputs("\n\n", w->f);
}

static void facts(evg_i_rw *w, int open)
{
    if (!open)
        fputc('\n', w->f);
}

static void fact(evg_i_rw *w, const char *label, int open)
{
    if (!open) {
        fputc('\n', w->f);
        return;
    }
    fputs("- **", w->f);
    text(w, label);
    fputs(":** ", w->f);
}

static void table(evg_i_rw *w, int open, const char *const *head, const char *align,
                  size_t ncols)
{
    if (!open) {
        fputc('\n', w->f);
        return;
    }
    w->align = align;
    w->ncols = ncols;
    fputc('|', w->f);
    for (size_t i = 0; i < ncols; i++) {
        fputc(' ', w->f);
        text(w, head[i]);
        fputs(" |", w->f);
    }
    fputs("\n|", w->f);
    for (size_t i = 0; i < ncols; i++)
        fputs(align[i] == 'r' ? " ---: |" : " --- |", w->f);
    fputc('\n', w->f);
}

static void row(evg_i_rw *w, int open)
{
    w->col = 0;
    fputs(open ? "|" : "\n", w->f);
}

static void cell(evg_i_rw *w, int open)
{
    fputs(open ? " " : " |", w->f);
    w->col += !open;
}

/* A file name as a link destination: bytes other than these are %-encoded. */
static void url_part(FILE *f, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
            (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
            fputc(*p, f);
        else
            fprintf(f, "%%%02X", *p);
    }
}

static void figure(evg_i_rw *w, evg_report_picture p, int open)
{
    if (!open) {
        fputs("*\n\n", w->f);
        return;
    }
    fputs("![", w->f);
    text(w, evg_i_picture_title(p));
    fputs("](", w->f);
    url_part(w->f, w->prefix ? w->prefix : "");
    url_part(w->f, evg_report_picture_name(p));
    fputs(".svg)\n\n*", w->f);
}

static void pair(evg_i_rw *w, int open)
{
    (void)w;
    (void)open;
}

static void toc(evg_i_rw *w, int open)
{
    fputs(open ? "" : "\n\n", w->f);
}

const evg_i_renderer evg_i_md_renderer = {
    .begin = begin,
    .end = end,
    .heading = heading,
    .para = para,
    .text = text,
    .strong = strong,
    .code = code,
    .link = anchor_link,
    .url = url,
    .list = list,
    .item = item,
    .quote = quote,
    .facts = facts,
    .fact = fact,
    .table = table,
    .row = row,
    .cell = cell,
    .figure = figure,
    .pair = pair,
    .toc = toc,
};
