#ifndef EVGRAPH_EXPORT_H
#define EVGRAPH_EXPORT_H

#include <stdio.h>

#include "evgraph/analysis.h"

EVG_BEGIN_DECLS

/** Output formats. */
typedef enum { EVG_FMT_GRAPHML } evg_format;

typedef struct {
    unsigned version;
    evg_format format;
} evg_export_opts;

#define EVG_EXPORT_OPTS_VERSION 1
#define EVG_EXPORT_OPTS_INIT {EVG_EXPORT_OPTS_VERSION, EVG_FMT_GRAPHML}

/**
 * Write `g` with its scores `s` (may be NULL: no metric columns and no node
 * size) to `f` in the chosen format. Output is deterministic: the same graph
 * gives the same bytes, with no timestamp, numbers always with '.' whatever
 * the locale (only the calling thread's numeric locale is switched, for the
 * duration of the call). `opts` may be NULL (GraphML).
 *
 * GraphML: one file per view with edgedefault="undirected"; node columns
 * label, type, color (by type), size (5 to 30, linear in PageRank), the
 * entity's attributes (titles, country, org, kind; meetings: event_type,
 * status, date, place, doc, evidence), first_seen / last_seen, sources
 * (documents naming it), meetings / events (persons), and the metrics deg,
 * strength, btw, clo, eig, pr; edge columns label (= relation), relation,
 * weight, role, first_date, last_date.
 *
 * Returns 0, EVG_EIO (writing failed), or EVG_EINVAL (unknown format, or
 * scores of another graph).
 */
EVG_API int evg_export(FILE *f, const evg_graph *g, const evg_scores *s,
                       const evg_export_opts *opts, evg_error *err);

/**
 * The same, into the file `path`, written atomically (see evg_ofile_open()):
 * on failure the previous file, if any, is left as it was, and `err` names
 * the path. "-" writes to standard output.
 */
EVG_API int evg_export_file(const char *path, const evg_graph *g, const evg_scores *s,
                            const evg_export_opts *opts, evg_error *err);

/**
 * The format named `name` ("graphml"), or the one a file name's extension
 * implies ("out.graphml"). Returns 0 or EVG_EINVAL.
 */
EVG_API int evg_format_from_name(evg_format *out, const char *name);

/** The format's name: "graphml". */
EVG_API const char *evg_format_name(evg_format f);

EVG_END_DECLS

#endif
