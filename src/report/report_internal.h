#ifndef EVG_REPORT_REPORT_INTERNAL_H
#define EVG_REPORT_REPORT_INTERNAL_H

/*
 * Reports. model.c computes what a report shows (rankings, the layout,
 * colours, the timeline and the country matrix) once; sections.c says what
 * the document contains, once, through a renderer (html.c, markdown.c), as
 * cmark does with its renderers; svg.c and network.c draw the pictures. The
 * graph is read through graph/graph_internal.h, never through igraph.
 */
#include <stdio.h>

#include "evgraph/report.h"
#include "graph/graph_internal.h"

#define EVG_I_REPORT_TOP 10        /* default of opts->top */
#define EVG_I_REPORT_TABLE_ROWS 50 /* at least this many rows in the rankings */
#define EVG_I_MATRIX_MAX 12        /* countries in the matrix */

/* Timeline series: reported events by type, then planned events of any type. */
enum {
    EVG_I_TL_MEETING,
    EVG_I_TL_VISIT,
    EVG_I_TL_CALL,
    EVG_I_TL_SIGNING,
    EVG_I_TL_PLANNED,
    EVG_I_TL__COUNT
};

typedef struct {
    char label[24]; /* "2024", "2024-06", "2024-06-03" (the Monday of a week) */
    size_t count[EVG_I_TL__COUNT];
} evg_i_bucket;

typedef struct {
    const char *unit; /* "week", "month", "year"; NULL without dated events */
    evg_i_bucket *b;
    size_t nb, dated, undated, max; /* max: the highest bar */
    const char *first, *last;       /* the earliest and latest event date */
} evg_i_timeline;

typedef struct {
    const char **code; /* the countries shown (ISO alpha-3), most involved first */
    size_t n;
    size_t *cell;     /* n * n: events with officials of both countries */
    size_t max;       /* the highest cell */
    size_t countries; /* countries with at least one event shared with another */
    size_t pairs;     /* country pairs with at least one event */
} evg_i_matrix;

/* A country with its own colour in the network picture. */
struct evg_report {
    const evg_corpus *corpus; /* may be NULL */
    const evg_graph *full, *people;
    const evg_scores *scores; /* of `people`: borrowed or own_scores */
    evg_scores *own_scores;
    char *title;
    size_t top;
    char *full_file, *people_file; /* the exported graphs, for the section on Gephi */
    evg_layout *layout;            /* of `people` */
    size_t *order;                 /* people-graph vertices, most central first */
    size_t *rank_of;               /* people-graph vertex -> position in `order` */
    size_t *full_of;   /* people-graph vertex -> full-graph vertex, SIZE_MAX if none */
    size_t *met;       /* people-graph vertex -> its edges (whatever the scores hold) */
    size_t *adj_start; /* full graph: the incident edges of v are */
    size_t *adj;       /*   adj[adj_start[v] .. adj_start[v + 1]) */
    evg_i_palette palette; /* people's colours by country, as the exports' */
    evg_i_timeline tl;
    evg_i_matrix mx;
};

/* ---- model.c ------------------------------------------------------------ */

/* The name of the country `code` (the full graph's label), or the code. */
const char *evg_i_report_country(const evg_report *r, const char *code);

/* The colour of a person of the people graph in the network picture. */
const char *evg_i_report_color(const evg_report *r, size_t pv);

/* Whether people-graph vertex `pv` is drawn (has met someone in person). */
int evg_i_report_drawn(const evg_report *r, size_t pv);

/* The vertex at the other end of full-graph edge `e` from `v`. */
size_t evg_i_report_other(const evg_report *r, size_t e, size_t v);

/* ---- stats.c: the timeline and the country matrix ------------------------ */

int evg_i_report_timeline(evg_report *r, evg_error *err);
int evg_i_report_matrix(evg_report *r, evg_error *err);
void evg_i_report_stats_free(evg_report *r);
/* The timeline series of an event vertex (EVG_I_TL_PLANNED for any planned one). */
int evg_i_report_series(const evg_i_vattr *a);
/* "meeting", "visit", "call", "signing", "planned". */
extern const char *const EVG_I_TL_NAMES[EVG_I_TL__COUNT];
/* "talks", "visit", "call", "signing", "planned": the series as the pictures name them.
 */
extern const char *const EVG_I_TL_LABELS[EVG_I_TL__COUNT];
extern const char *const EVG_I_TL_COLORS[EVG_I_TL__COUNT];

/* ---- text.c: escaping and numbers --------------------------------------- */

/*
 * Whether text holds a character written right to left or a bidirectional
 * control (embedding, override, isolate): the HTML report isolates such text
 * (<bdi>), so that its direction never reaches the names beside it.
 */
int evg_i_report_isolate(const char *s);

/*
 * Whether `s` may be linked to: "http://" or "https://" (any case) and a
 * host, then printable ASCII without space, quote, < > or backslash; a
 * "javascript:" or "data:" address, or one that would need escaping to
 * stay one link, is shown as text instead.
 */
int evg_i_report_web_address(const char *s);

/* Text for HTML or SVG (XML): & < > " ' escaped, controls dropped. */
void evg_i_report_xml(FILE *f, const char *s);
/* At most `max` characters of `s` (whole UTF-8 sequences), with "…" when cut. */
void evg_i_report_xml_cut(FILE *f, const char *s, size_t max);
/* The number of characters of `s`, at most `max`. */
size_t evg_i_report_chars(const char *s, size_t max);
/*
 * Text for Markdown: every character that could start inline markup is
 * escaped, line breaks become spaces; `line_start`: the text opens a block
 * (a paragraph, a list item, a quote), where "#", "-", "1." would too.
 */
void evg_i_report_md(FILE *f, const char *s, int line_start);

/*
 * A score for people to read: whole numbers without decimals, others with
 * three significant digits (at most 6 decimals) and no trailing zeros, "0"
 * for -0 and non-finite values. The caller holds the "C" numeric locale. Returns `buf`.
 */
#define EVG_I_NUM_BUF 48
const char *evg_i_report_num(char buf[EVG_I_NUM_BUF], double x);

/* ---- the pictures (svg.c, network.c) ------------------------------------ */

/*
 * Write picture `p` as an <svg> element; `standalone` adds the XML
 * declaration (a file of its own). Errors show in ferror(f).
 */
void evg_i_svg_write(FILE *f, const evg_report *r, evg_report_picture p, int standalone);
void evg_i_svg_network(FILE *f, const evg_report *r, int standalone);

/* The title of a picture ("Network of people"), for captions and alt text. */
const char *evg_i_picture_title(evg_report_picture p);

/* SVG helpers shared by svg.c and network.c. */
void evg_i_svg_open(FILE *f, double w, double h, const char *title, int standalone);
void evg_i_svg_close(FILE *f);
/* <text> at (x, y) with `anchor` ("start", "middle", "end") and extra attributes. */
void evg_i_svg_text(FILE *f, double x, double y, const char *anchor, const char *attrs,
                    const char *s, size_t max_chars);
/* A picture with nothing to show: a framed message. */
void evg_i_svg_empty(FILE *f, const char *title, const char *message, int standalone);

/* ---- renderers ---------------------------------------------------------- */

typedef struct evg_i_rw evg_i_rw;

/*
 * The building blocks of a document. `open` is 1 to start a block, 0 to end
 * it; text() and friends escape what they are given.
 */
typedef struct {
    void (*begin)(evg_i_rw *w, const char *title);
    void (*end)(evg_i_rw *w);
    void (*heading)(evg_i_rw *w, int level, const char *anchor, const char *text);
    void (*para)(evg_i_rw *w, int open);
    void (*text)(evg_i_rw *w, const char *s);
    void (*strong)(evg_i_rw *w, const char *s);
    void (*code)(evg_i_rw *w, const char *s);
    void (*link)(evg_i_rw *w, const char *anchor, const char *text); /* within the page */
    /* a link out of the page when `href` is an http(s) address, else `text` alone */
    void (*url)(evg_i_rw *w, const char *href, const char *text);
    void (*list)(evg_i_rw *w, int open);
    void (*item)(evg_i_rw *w, int open);
    void (*quote)(evg_i_rw *w, const char *s); /* an evidence sentence, inside an item */
    void (*facts)(evg_i_rw *w, int open);
    void (*fact)(evg_i_rw *w, const char *label, int open);
    /* head: ncols column titles; align: ncols of 'l', 'r' (numbers) or 'd' (dates:
     * unbroken). */
    void (*table)(evg_i_rw *w, int open, const char *const *head, const char *align,
                  size_t ncols);
    void (*row)(evg_i_rw *w, int open);
    void (*cell)(evg_i_rw *w, int open);
    void (*figure)(evg_i_rw *w, evg_report_picture p, int open); /* inside: the caption */
    void (*pair)(evg_i_rw *w,
                 int open);             /* two figures side by side where there is room */
    void (*toc)(evg_i_rw *w, int open); /* the line of links to the sections */
} evg_i_renderer;

struct evg_i_rw {
    FILE *f;
    const evg_i_renderer *r;
    const evg_report *rep;
    const char *prefix; /* Markdown: picture file names start with this */
    const char *align;  /* the current table's column alignment */
    size_t ncols, col;  /* its number of columns, the current one */
    int in_item;        /* inside a list item (Markdown quotes are indented) */
    int block_start;    /* the next text opens a block (Markdown) */
    int nomem;          /* memory ran out: the document is incomplete */
};

extern const evg_i_renderer evg_i_html_renderer;
extern const evg_i_renderer evg_i_md_renderer;

/* Formatted text through w->r->text (so it is escaped too). */
void evg_i_rw_textf(evg_i_rw *w, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* sections.c: the whole document through `w`. */
void evg_i_report_sections(evg_i_rw *w);

/* profiles.c: the sections about groups, agreements and people. */
void evg_i_report_communities(evg_i_rw *w, const char *anchor, const char *title);
void evg_i_report_agreements(evg_i_rw *w, const char *anchor, const char *title);
void evg_i_report_profiles(evg_i_rw *w, const char *anchor, const char *title);

#endif
