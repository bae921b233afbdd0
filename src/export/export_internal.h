#ifndef EVG_EXPORT_EXPORT_INTERNAL_H
#define EVG_EXPORT_EXPORT_INTERNAL_H

/*
 * Exporters, one file per format (cmark's renderers): each row of the table
 * in export.c names a format and its writer. Every writer takes its columns
 * from columns.c, so all formats carry the same attributes. Writers read the
 * graph through graph/graph_internal.h and never see igraph.
 */
#include <stdio.h>

#include "evgraph/export.h"
#include "export/columns.h"
#include "graph/graph_internal.h"
#include "util/buf.h"

typedef int (*evg_i_export_fn)(FILE *f, const evg_graph *g, const evg_scores *s,
                               const evg_export_opts *opts, evg_error *err);

typedef struct {
    evg_format format;
    const char *name;      /* "graphml" */
    const char *extension; /* of the files written: ".graphml" */
    int by_extension; /* the extension chooses this format (GEXF: 1.3, not 1.2draft) */
    evg_i_export_fn write;
} evg_i_exporter;

/* The writers (graphml.c, gexf.c, json.c, csv.c). `opts` is never NULL. */
int evg_i_graphml_write(FILE *f, const evg_graph *g, const evg_scores *s,
                        const evg_export_opts *opts, evg_error *err);
int evg_i_gexf_write(FILE *f, const evg_graph *g, const evg_scores *s,
                     const evg_export_opts *opts, evg_error *err);
int evg_i_json_write(FILE *f, const evg_graph *g, const evg_scores *s,
                     const evg_export_opts *opts, evg_error *err);
int evg_i_csv_write(FILE *f, const evg_graph *g, const evg_scores *s,
                    const evg_export_opts *opts, evg_error *err);

/* events.c: the events table, one row per meeting and participant. */
int evg_i_events_csv_write(FILE *f, const evg_graph *g, const evg_scores *s,
                           const evg_export_opts *opts, evg_error *err);
int evg_i_events_tsv_write(FILE *f, const evg_graph *g, const evg_scores *s,
                           const evg_export_opts *opts, evg_error *err);

/*
 * csv.c: one field of a CSV (RFC 4180: quoted when it holds a comma, a
 * quote, a line break or space at either end) or, with `tsv`, of a
 * tab-separated table (never quoted: tabs and line breaks become spaces).
 * `s` is cleaned into `clean` first; a `text` cell starting with = + - @
 * tab or CR gets a leading single quote against formula injection. Returns
 * 0 or EVG_ENOMEM; write errors show in ferror(f).
 */
int evg_i_csv_field(FILE *f, evg_i_buf *clean, const char *s, int text, int tsv);

/*
 * The one float format of every exporter: up to 9 significant digits, no
 * trailing zeros ("2", "0.25", "1.5e-07"), "0" for -0, NaN and infinities,
 * always with '.' as decimal point. Callers hold the "C" numeric locale
 * (evg_export() installs it for the calling thread). Returns `buf`.
 */
#define EVG_I_DOUBLE_BUF 32
const char *evg_i_fmt_double(char buf[EVG_I_DOUBLE_BUF], double x);

/*
 * Write `s` as XML character data: & < > " ' escaped, characters XML 1.0
 * forbids (controls other than tab, newline, carriage return; U+FFFE,
 * U+FFFF) dropped, invalid UTF-8 replaced by U+FFFD. Errors show in
 * ferror(f).
 */
void evg_i_xml_text(FILE *f, const char *s);

/*
 * The same for an attribute value: tab and newline are written as character
 * references too, since an XML parser turns them into spaces otherwise.
 */
void evg_i_xml_attr(FILE *f, const char *s);

/*
 * `s` into `out` (replacing what it held) as every format writes it:
 * invalid UTF-8 replaced by U+FFFD, controls other than tab, CR and LF and
 * the non-characters U+FFFE, U+FFFF dropped. Returns 0 or EVG_ENOMEM.
 */
int evg_i_text_clean(evg_i_buf *out, const char *s);

#endif
