/*
 * The events reader and what follows it: any bytes as an events.jsonl given
 * to `evgraph build`. Bad lines are reported with the file and line and
 * skipped; the records that read are built into every view, scored and
 * exported in every format. The graph depends only on the set of records:
 * built from them in reverse order it is written to the same bytes.
 */
#include <string.h>

#include "fuzz_common.h"

static const char *path;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    evg_global_init();
    path = fuzz_tmp_path(".jsonl");
    FUZZ_CHECK((devnull = fopen("/dev/null", "wb")) != NULL, "/dev/null opens");
    return 0;
}

static void on_diag(const evg_error *err, evg_severity sev, void *payload)
{
    static const int need_line = 1;

    fuzz_check_diag(err, sev, (void *)&need_line);
    FUZZ_CHECK(strcmp(err->source, path) == 0, "a diagnostic names the file");
    ++*(size_t *)payload;
}

static const evg_format FORMATS[] = {EVG_FMT_GRAPHML, EVG_FMT_GEXF, EVG_FMT_GEXF12,
                                     EVG_FMT_JSON, EVG_FMT_CSV};

/* Build `view`, score it and write it to `f` in each of the first `nfmt` FORMATS. */
static void build_export(FILE *f, const evg_corpus *c, evg_view view, size_t nfmt)
{
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_graph *g = NULL;
    evg_scores *s = NULL;
    evg_error e;

    bo.view = view;
    FUZZ_CHECK(evg_graph_build(&g, c, &bo, &e) == 0, "records that read build a graph");
    FUZZ_CHECK(evg_scores_compute(&s, g, NULL, &e) == 0, "a graph gets its scores");
    for (size_t k = 0; k < nfmt; k++) {
        evg_export_opts eo = EVG_EXPORT_OPTS_INIT;
        eo.format = FORMATS[k];
        FUZZ_CHECK(evg_export(f, g, s, &eo, &e) == 0, "a graph is written");
    }
    evg_scores_free(s);
    evg_graph_free(g);
}

/* The records of `c` in reverse order, through their JSON. */
static evg_corpus *reversed(const evg_corpus *c)
{
    evg_corpus *r = NULL;
    evg_error e;

    FUZZ_CHECK(evg_corpus_new(&r, &e) == 0, "a corpus");
    for (size_t i = evg_corpus_doc_count(c); i-- > 0;) {
        char *line = NULL;
        size_t n = 0;
        evg_doc *d = NULL;
        FUZZ_CHECK(evg_doc_to_json(&line, &n, evg_corpus_doc(c, i), &e) == 0,
                   "a record that read can be written");
        FUZZ_CHECK(evg_doc_parse_json(&d, line, n, "again", 1, &e) == 0,
                   "a written record reads back");
        FUZZ_CHECK(evg_corpus_add_doc(r, d, &e) == 0, "a record is added");
        free(line);
    }
    return r;
}

/* The full view of `c` as GraphML, in a malloc()ed buffer. */
static char *graphml(size_t *len, const evg_corpus *c)
{
    char *buf = NULL;
    FILE *f = open_memstream(&buf, len);

    FUZZ_CHECK(f != NULL, "a memory stream");
    build_export(f, c, EVG_VIEW_FULL, 1); /* GraphML */
    FUZZ_CHECK(fclose(f) == 0, "a memory stream");
    return buf;
}

static void check_order_free(const evg_corpus *c)
{
    evg_corpus *r = reversed(c);
    size_t n1 = 0, n2 = 0;
    char *a = graphml(&n1, c), *b = graphml(&n2, r);

    FUZZ_CHECK(n1 == n2 && memcmp(a, b, n1) == 0,
               "the graph does not depend on the order of the records");
    free(a);
    free(b);
    evg_corpus_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    evg_read_opts ro = EVG_READ_OPTS_INIT;
    evg_corpus *c = NULL;
    size_t failed = 0, diags = 0;
    evg_error e;

    fuzz_write_file(path, data, size);
    memset(&e, 0, sizeof e);
    ro.on_diag = on_diag;
    ro.diag_payload = &diags;
    FUZZ_CHECK(evg_corpus_new(&c, &e) == 0, "a corpus");
    FUZZ_CHECK(evg_corpus_read_events(&failed, c, path, &ro, &e) == 0,
               "a file of bad lines still reads");
    FUZZ_CHECK(failed == diags, "each bad line was reported once");
    if (evg_corpus_doc_count(c) > 0) {
        for (int v = EVG_VIEW_FULL; v <= EVG_VIEW_BIPARTITE; v++)
            build_export(devnull, c, (evg_view)v, sizeof FORMATS / sizeof FORMATS[0]);
        check_order_free(c);
    }
    evg_corpus_free(c);
    return 0;
}
