#ifndef EVG_EXPORT_EXPORT_INTERNAL_H
#define EVG_EXPORT_EXPORT_INTERNAL_H

/*
 * Exporters, one file per format (cmark's renderers): each row of the table
 * in export.c names a format and its writer. Adding GEXF, JSON or CSV means
 * one more file and one more row. Writers read the graph through
 * graph/graph_internal.h and never see igraph.
 */
#include <stdio.h>

#include "evgraph/export.h"
#include "graph/graph_internal.h"

typedef int (*evg_i_export_fn)(FILE *f, const evg_graph *g, const evg_scores *s,
                               const evg_export_opts *opts, evg_error *err);

typedef struct {
    evg_format format;
    const char *name;      /* "graphml" */
    const char *extension; /* ".graphml" */
    evg_i_export_fn write;
} evg_i_exporter;

/* The GraphML writer (graphml.c). */
int evg_i_graphml_write(FILE *f, const evg_graph *g, const evg_scores *s,
                        const evg_export_opts *opts, evg_error *err);

/*
 * The one float format of every exporter: up to 9 significant digits, no
 * trailing zeros ("2", "0.25", "1.5e-07"), "0" for -0, NaN and infinities,
 * always with '.' as decimal point. Callers hold the "C" numeric locale
 * (evg_export() installs it for the calling thread). Returns `buf`.
 */
#define EVG_I_DOUBLE_BUF 32
const char *evg_i_fmt_double(char buf[EVG_I_DOUBLE_BUF], double x);

/*
 * Write `s` as XML character data or attribute text: & < > " ' escaped,
 * characters XML 1.0 forbids (controls other than tab, newline, carriage
 * return; U+FFFE, U+FFFF) dropped, invalid UTF-8 replaced by U+FFFD.
 * Errors show in ferror(f).
 */
void evg_i_xml_text(FILE *f, const char *s);

#endif
