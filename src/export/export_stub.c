/* PLACEHOLDER until src/export is written: every call fails. */
#include "evgraph/export.h"
#include "util/error.h"

int evg_export(FILE *f, const evg_graph *g, const evg_scores *s, const evg_export_opts *opts,
               evg_error *err)
{
    (void)f, (void)g, (void)s, (void)opts;
    return evg_i_error_set(err, EVG_ERROR, NULL, 0, 0, "export not written yet");
}
int evg_export_file(const char *path, const evg_graph *g, const evg_scores *s,
                    const evg_export_opts *opts, evg_error *err)
{
    (void)path, (void)g, (void)s, (void)opts;
    return evg_i_error_set(err, EVG_ERROR, NULL, 0, 0, "export not written yet");
}
int evg_format_from_name(evg_format *out, const char *name) { (void)out, (void)name; return EVG_EINVAL; }
const char *evg_format_name(evg_format f) { (void)f; return "graphml"; }
