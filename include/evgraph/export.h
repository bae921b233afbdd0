#ifndef EVGRAPH_EXPORT_H
#define EVGRAPH_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "evgraph/analysis.h"
#include "evgraph/io.h"

EVG_BEGIN_DECLS

/**
 * Output formats. Every format carries the same node and edge attributes
 * under the same names (docs/formats.md lists them).
 */
typedef enum {
    EVG_FMT_GRAPHML, /* GraphML: Gephi, Gephi Lite, NetworkX, igraph, yEd, Cytoscape */
    EVG_FMT_GEXF,    /* GEXF 1.3 with a Gephi timeline (start/end dates) */
    EVG_FMT_JSON,    /* JSON node-link: D3, NetworkX node_link_graph, graphology */
    EVG_FMT_CSV,     /* CSV nodes and edges tables for Gephi's spreadsheet import */
    EVG_FMT_GEXF12,  /* GEXF 1.2draft, the same timeline, for NetworkX's read_gexf */
    /*
     * Not a graph: the events table for spreadsheets, one row per meeting and
     * participant (docs/formats.md), of the full or bipartite view; CSV with
     * the formula guard of EVG_FMT_CSV, or tab-separated.
     */
    EVG_FMT_EVENTS_CSV,
    EVG_FMT_EVENTS_TSV
} evg_format;

/** The two tables of the CSV format. */
typedef enum { EVG_CSV_NODES, EVG_CSV_EDGES } evg_csv_table;

typedef struct {
    unsigned version;
    evg_format format;
    /** CSV only: the table evg_export() writes (evg_export_file() writes both). */
    evg_csv_table csv_table;
    /**
     * Positions to write (x, y columns; GEXF viz:position), from
     * evg_layout_compute() on the same graph; NULL for none. Borrowed for
     * the duration of the call.
     */
    const evg_layout *layout;
    /**
     * Colour people by country as the report draws them (the nine countries
     * with most people who met someone in person get a colour each, other
     * countries a grey, no country a lighter grey; country nodes likewise),
     * not every node by its type. Version 3 and later.
     */
    int color_by_country;
} evg_export_opts;

/* Version 1 had only `format`, 2 no `color_by_country`: the rest is then as in the INIT.
 */
#define EVG_EXPORT_OPTS_VERSION 3
#define EVG_EXPORT_OPTS_INIT                                                             \
    {                                                                                    \
        EVG_EXPORT_OPTS_VERSION, EVG_FMT_GRAPHML, EVG_CSV_NODES, NULL, 0                 \
    }

/**
 * `*opts` set to EVG_EXPORT_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_EXPORT_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_export_opts_init(evg_export_opts *opts, unsigned version);

/**
 * Write `g` with its scores `s` (may be NULL: no metric columns and no node
 * size) to `f` in the chosen format. Output is deterministic: the same graph
 * gives the same bytes, with no timestamp, numbers always with '.' whatever
 * the locale (only the calling thread's numeric locale is switched, for the
 * duration of the call). `opts` may be NULL (GraphML).
 *
 * Every format writes the same columns (docs/formats.md lists them all):
 * for nodes label, type, color (by type), size (5 to 30, linear in
 * PageRank; with scores), x and y (with a layout), the entity's attributes
 * (titles, country, org, kind, meetings' event_type, date, place, CAMEO and
 * PLOVER codes, evidence...), first_seen / last_seen, counts (sources,
 * meetings, events...), community, and the metrics deg, strength, btw, clo,
 * eig, pr (with scores); for edges label (= relation), relation, weight,
 * role, first_date, last_date. A view declares the columns that apply to
 * what it holds (the people view has no meeting columns), and an element
 * has a value only where the column applies. GEXF and CSV add each
 * element's interval for Gephi's timeline. For CSV this writes one table,
 * opts->csv_table.
 *
 * Returns 0, EVG_EIO (writing failed), EVG_ENOMEM or EVG_EINVAL (unknown
 * format, or scores of another graph).
 */
EVG_API int evg_export(FILE *f, const evg_graph *g, const evg_scores *s,
                       const evg_export_opts *opts, evg_error *err);

/**
 * The same, into memory: what evg_export() would write to a file, byte for
 * byte. On success `*out` holds the bytes, NUL-terminated (free with evg_free()),
 * and `*len_out` (when not NULL) their count; on failure `*out` is NULL. Returns what
 * evg_export() returns.
 */
EVG_API int evg_export_to_buffer(char **out, size_t *len_out, const evg_graph *g,
                                 const evg_scores *s, const evg_export_opts *opts,
                                 evg_error *err);

/**
 * The same, into the file `path`, written atomically (see evg_ofile_open()):
 * on failure the previous file, if any, is left as it was, and `err` names
 * the path. "-" writes to standard output (not for CSV).
 *
 * CSV is two files, named by evg_export_csv_path(): "out.csv" gives
 * "out.nodes.csv" and "out.edges.csv". Both are written completely before
 * either replaces an older one.
 */
EVG_API int evg_export_file(const char *path, const evg_graph *g, const evg_scores *s,
                            const evg_export_opts *opts, evg_error *err);

/**
 * The same, as the file `name` of the output set `set` (see
 * evg_outset_file()): complete, and renamed with the rest of the set by
 * evg_outset_commit(). CSV adds its two tables to the set.
 */
EVG_API int evg_export_to_set(evg_outset *set, const char *name, const evg_graph *g,
                              const evg_scores *s, const evg_export_opts *opts,
                              evg_error *err);

/**
 * The name of one CSV table for the output `path`: its ".csv" extension
 * (any case), if any, replaced by ".nodes.csv" or ".edges.csv"
 * ("graphs/people.csv" -> "graphs/people.nodes.csv"). Written to `buf` of
 * `size` bytes. Returns 0, or EVG_EINVAL when `path` is NULL, empty or "-",
 * or the name does not fit.
 */
EVG_API int evg_export_csv_path(char *buf, size_t size, const char *path,
                                evg_csv_table table);

/**
 * The format named `name` ("graphml", "gexf", "gexf12", "json", "csv",
 * "events-csv", "events-tsv", in any case), or the one a file name's
 * extension implies (".graphml", ".gexf" for GEXF 1.3, ".json", ".csv" for
 * the graph's two tables, ".tsv" for the events table). Returns 0 or
 * EVG_EINVAL.
 */
EVG_API int evg_format_from_name(evg_format *out, const char *name);

/** The format's name: "graphml", "gexf", ...; "unknown" for another value. */
EVG_API const char *evg_format_name(evg_format f);

/**
 * The extension of the files written in format `f`: ".graphml", ".gexf"
 * (both GEXF versions), ".json", ".csv" (the two tables then take
 * evg_export_csv_path()'s names); "" for another value. Static.
 */
EVG_API const char *evg_format_extension(evg_format f);

EVG_END_DECLS

#endif
