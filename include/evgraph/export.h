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
 * Write `g` with its scores `s` (may be NULL: no metric columns) to `f` in
 * the chosen format. Output is deterministic: the same graph gives the same
 * bytes. Returns 0, EVG_EIO or EVG_EINVAL (unknown format).
 */
EVG_API int evg_export(FILE *f, const evg_graph *g, const evg_scores *s,
                       const evg_export_opts *opts, evg_error *err);

/**
 * The same, into the file `path`, written atomically (see evg_ofile_open()).
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
