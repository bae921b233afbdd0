#ifndef EVGRAPH_REPORT_H
#define EVGRAPH_REPORT_H

#include <stdio.h>

#include "evgraph/analysis.h"
#include "evgraph/io.h"

EVG_BEGIN_DECLS

/**
 * A report: what a corpus and its graphs say, for readers who never open
 * Gephi. Computed once by evg_report_new() (rankings, the layout of the
 * network picture, the timeline, the country matrix), then written as one
 * self-contained HTML page, as Markdown with its pictures in separate SVG
 * files, or picture by picture. Opaque.
 *
 * The report borrows the corpus, the graphs and the scores it was made from:
 * they must live, unchanged, until evg_report_free(). It is meant to be made,
 * written and freed in one go.
 */
typedef struct evg_report evg_report;

/** The pictures of a report, each an SVG image. */
typedef enum {
    EVG_PIC_NETWORK,     /* the people graph: coloured by country, sized by PageRank */
    EVG_PIC_BETWEENNESS, /* bar chart of the top people by betweenness */
    EVG_PIC_DEGREE,      /* bar chart of the top people by degree */
    EVG_PIC_TIMELINE,    /* events per week, month or year, stacked by type */
    EVG_PIC_COUNTRIES,   /* country-to-country matrix of events */
    EVG_PIC__COUNT
} evg_report_picture;

typedef enum { EVG_REPORT_HTML, EVG_REPORT_MARKDOWN } evg_report_format;

typedef struct {
    unsigned version;
    const char *title; /* the heading; NULL: "Who met whom" */
    size_t top;        /* people named in the network and bar charts, and profiled
                          (0: 10); the rankings table lists max(50, top) */
    /* The exported graphs the section on Gephi names; NULL: what `evgraph run`
       writes by default, "graph.graphml" and "people.graphml". */
    const char *full_file, *people_file;
} evg_report_opts;

#define EVG_REPORT_OPTS_VERSION 1
#define EVG_REPORT_OPTS_INIT                                                             \
    {                                                                                    \
        EVG_REPORT_OPTS_VERSION, NULL, 0, NULL, NULL                                     \
    }

/**
 * `*opts` set to EVG_REPORT_OPTS_INIT, for callers that cannot use the macro
 * (bindings). `version` is EVG_REPORT_OPTS_VERSION. Returns 0, or EVG_EINVAL
 * when `opts` is NULL or `version` is another (`*opts` untouched).
 */
EVG_API int evg_report_opts_init(evg_report_opts *opts, unsigned version);

/**
 * Compute a report. `full` must be a graph of the full view and `people` of
 * the people view, built from the same corpus; `people_scores` are the
 * centrality scores of `people` (NULL: computed here). `corpus` may be NULL
 * (for graphs that were not built here): the article counts are then left
 * out. `opts` may be NULL. Every name and sentence is escaped when written,
 * whatever it contains.
 *
 * Returns 0, EVG_EINVAL (a graph of the wrong view, scores of another graph,
 * options of another version), EVG_ENOMEM or EVG_EGRAPH (the layout or the
 * scores failed in igraph). Free with evg_report_free().
 */
EVG_API int evg_report_new(evg_report **out, const evg_corpus *corpus,
                           const evg_graph *full, const evg_graph *people,
                           const evg_scores *people_scores, const evg_report_opts *opts,
                           evg_error *err);

/**
 * Write the report to `f`. HTML: one page with its CSS and pictures inline,
 * no script, no external resource, readable on a phone and printable.
 * Markdown (GitHub's dialect, with pipe tables): each picture is an image
 * link to "<picture_prefix><name>.svg" (see evg_report_picture_name()), which
 * the caller writes with evg_report_write_picture(); `picture_prefix` may be
 * NULL (""), and is ignored for HTML. The same report always gives the same
 * bytes: no timestamp, numbers in one format whatever the locale (only the
 * calling thread's numeric locale is switched, during the call).
 * Returns 0, EVG_EINVAL (unknown format) or EVG_EIO (writing failed).
 */
EVG_API int evg_report_write(FILE *f, const evg_report *r, evg_report_format format,
                             const char *picture_prefix, evg_error *err);

/**
 * The same, into memory, byte for byte what evg_report_write() writes.
 * On success `*out` holds the bytes, NUL-terminated (free with evg_free()),
 * and `*len_out` (when not NULL) their count; on failure `*out` is NULL. Returns what
 * evg_report_write() returns, or EVG_ENOMEM.
 */
EVG_API int evg_report_write_buffer(char **out, size_t *len_out, const evg_report *r,
                                    evg_report_format format, const char *picture_prefix,
                                    evg_error *err);

/**
 * Write one picture as a standalone SVG document to `f`.
 * Returns 0, EVG_EINVAL (unknown picture) or EVG_EIO.
 */
EVG_API int evg_report_write_picture(FILE *f, const evg_report *r, evg_report_picture p,
                                     evg_error *err);

/** "network", "betweenness", "degree", "timeline", "countries"; NULL if unknown. */
EVG_API const char *evg_report_picture_name(evg_report_picture p);

/**
 * Write the report into the file `path` in `format`, atomically (see
 * evg_ofile_open()). Markdown has its pictures written beside it, each
 * atomically and before the document, as "<path without its extension>-
 * <name>.svg" (report.md: report-network.svg, ...), and links to them by
 * their file names. "-" writes to standard output (HTML only: Markdown
 * needs a file name for its pictures). On failure `err` names the file, and
 * the file that failed keeps its previous content.
 * Returns 0, EVG_EINVAL (Markdown to "-", unknown format), EVG_EIO or
 * EVG_ENOMEM.
 */
EVG_API int evg_report_write_file(const char *path, const evg_report *r,
                                  evg_report_format format, evg_error *err);

/**
 * The same, as the file `name` of the output set `set` (see
 * evg_outset_file()), Markdown with its pictures: complete, and renamed
 * with the rest of the set by evg_outset_commit().
 */
EVG_API int evg_report_write_to_set(evg_outset *set, const char *name,
                                    const evg_report *r, evg_report_format format,
                                    evg_error *err);

/** The format a name implies: Markdown for ".md", ".markdown" (any case), else HTML. */
EVG_API evg_report_format evg_report_format_of_path(const char *path);

/** NULL-safe. */
EVG_API void evg_report_free(evg_report *r);

EVG_END_DECLS

#endif
