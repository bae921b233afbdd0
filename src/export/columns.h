#ifndef EVG_EXPORT_COLUMNS_H
#define EVG_EXPORT_COLUMNS_H

/*
 * The one list of node and edge columns that every format writes, so that
 * GraphML, GEXF, JSON and CSV always carry the same attributes under the
 * same names. A column says what it is called, its type, how to read its
 * value from the graph (evg_i_vattr / evg_i_eattr) or the scores, and which
 * node types or relations it applies to; a writer only decides how to spell
 * it. Giving every format a new attribute is one row in columns.c.
 *
 * Some columns have a place of their own in some formats (their role): the
 * node label is GEXF's label= and CSV's "Label", colour and size are GEXF's
 * viz:color and viz:size, x and y GEXF's viz:position, the edge weight is
 * GEXF's weight= and CSV's "Weight". Columns flagged START / END give the element's
 * interval on a timeline (GEXF start= / end=, CSV "Timeset"), and the KIND column is the
 * edge kind (GEXF kind=, CSV "Kind") that keeps typed parallel edges apart.
 */
#include <stddef.h>

#include "evgraph/analysis.h"
#include "evgraph/export.h"
#include "graph/graph_internal.h"

typedef enum {
    EVG_I_COL_STRING,
    EVG_I_COL_INT,   /* a count: GraphML int, GEXF integer, JSON integer */
    EVG_I_COL_FLOAT, /* GraphML / GEXF float (Gephi's node size is one) */
    EVG_I_COL_DOUBLE
} evg_i_coltype;

typedef enum {
    EVG_I_ROLE_DATA, /* an ordinary column everywhere */
    EVG_I_ROLE_LABEL,
    EVG_I_ROLE_COLOR, /* "#rrggbb" */
    EVG_I_ROLE_SIZE,
    EVG_I_ROLE_WEIGHT,
    EVG_I_ROLE_X, /* GEXF viz:position */
    EVG_I_ROLE_Y
} evg_i_colrole;

/* Column flags. */
#define EVG_I_COL_START 1u   /* an ISO date: where the element starts on a timeline */
#define EVG_I_COL_END 2u     /* an ISO date: where it ends */
#define EVG_I_COL_KIND 4u    /* the edge's kind (its relation) */
#define EVG_I_COL_SCORES 8u  /* exists only with its measure computed (size: PageRank) */
#define EVG_I_COL_LAYOUT 16u /* exists only when a layout is given */
#define EVG_I_COL_SOME 32u   /* exists only when some element has a value */

/* One value; `present` 0 means the element has none (nothing is written). */
typedef struct {
    int present;
    const char *text;  /* EVG_I_COL_STRING */
    long long integer; /* EVG_I_COL_INT */
    double real;       /* EVG_I_COL_FLOAT, EVG_I_COL_DOUBLE */
} evg_i_value;

typedef struct evg_i_columns evg_i_columns;
typedef struct evg_i_column evg_i_column;

struct evg_i_column {
    const char *name; /* attr.name / GEXF id and title / JSON key / CSV header */
    evg_i_coltype type;
    evg_i_colrole role;
    unsigned flags;
    unsigned applies; /* bit (1u << evg_node_type) or (1u << evg_i_relation) */
    /* Read the value of element `i` (applies already checked). */
    void (*get)(evg_i_value *out, const evg_i_column *c, const evg_i_columns *cols,
                size_t i);
    size_t off; /* the field read by the field getters */
    int arg;    /* the measure of a metric column */
};

#define EVG_I_MAX_COLUMNS 64

/* The columns one graph is written with, in the order every format uses. */
struct evg_i_columns {
    const evg_graph *g;
    const evg_scores *s;      /* may be NULL */
    const evg_layout *layout; /* may be NULL */
    int by_country;           /* people (and countries) coloured by country */
    evg_i_palette palette;    /* their colours, as the report's */
    double max_pr;            /* the highest PageRank, for node sizes */
    const char *view;         /* "full", "people", ... */
    double cutoff;            /* of betweenness and closeness: > 0 approximate, 0 exact */
    const char *filter;       /* evg_graph_filter(), or NULL */
    int multigraph;           /* two vertices are joined by more than one edge */
    const evg_i_column *node[EVG_I_MAX_COLUMNS];
    size_t nnode;
    const evg_i_column *edge[EVG_I_MAX_COLUMNS];
    size_t nedge;
};

/*
 * The columns of `g` (with scores `s`, NULL for none, and the positions and
 * colours `opts` asks for): those that apply to a node type or relation the
 * graph's view can hold, so that the columns and their order depend only on
 * the view and on whether scores and a layout are given. Returns 0 or
 * EVG_ENOMEM (the parallel-edge check sorts a copy of the ends; the palette).
 */
int evg_i_columns_init(evg_i_columns *out, const evg_graph *g, const evg_scores *s,
                       const evg_export_opts *opts, evg_error *err);

/* The value of column `c` for node or edge `i` (absent where `c` does not apply). */
void evg_i_node_value(evg_i_value *out, const evg_i_columns *cols, const evg_i_column *c,
                      size_t v);
void evg_i_edge_value(evg_i_value *out, const evg_i_columns *cols, const evg_i_column *c,
                      size_t e);

/*
 * A present value as text: strings as they are, counts in decimal, reals
 * through evg_i_fmt_double() into `buf`. Borrowed (from the graph or `buf`).
 */
const char *evg_i_value_text(char buf[32], const evg_i_column *c, const evg_i_value *v);

/*
 * The interval of node `v` or edge `e` on a timeline: the values of its
 * START and END columns when they are ISO dates (YYYY-MM-DD), else NULL.
 * When only one is known both ends are that date.
 */
void evg_i_node_interval(const char **start_out, const char **end_out,
                         const evg_i_columns *cols, size_t v);
void evg_i_edge_interval(const char **start_out, const char **end_out,
                         const evg_i_columns *cols, size_t e);

/* The first column of `list` with role `role` (or flag `flag` when role is DATA), or
 * NULL. */
const evg_i_column *evg_i_columns_find(const evg_i_column *const *list, size_t n,
                                       evg_i_colrole role, unsigned flag);

/* Parse "#rrggbb" into 0-255 channels; 0, or -1 when `hex` is not one. */
int evg_i_color_rgb(int rgb_out[3], const char *hex);

/* "e<index>": edge ids, the same in every format. */
#define EVG_I_EDGE_ID_FMT "e%zu"

#endif
