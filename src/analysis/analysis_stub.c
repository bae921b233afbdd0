/* PLACEHOLDER until src/analysis is written: every call fails. */
#include "evgraph/analysis.h"
#include "util/error.h"

int evg_scores_compute(evg_scores **out, const evg_graph *g, const evg_analysis_opts *opts,
                       evg_error *err)
{
    (void)g, (void)opts;
    *out = NULL;
    return evg_i_error_set(err, EVG_ERROR, NULL, 0, 0, "centrality not written yet");
}
double evg_scores_get(const evg_scores *s, evg_measure m, size_t v) { (void)s, (void)m, (void)v; return 0; }
size_t evg_scores_top(size_t *out, size_t n, const evg_scores *s, const evg_graph *g, evg_measure m, int type) { (void)out, (void)n, (void)s, (void)g, (void)m, (void)type; return 0; }
const char *evg_measure_name(evg_measure m) { (void)m; return ""; }
void evg_scores_free(evg_scores *s) { (void)s; }
