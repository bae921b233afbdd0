/*
 * The alias file reader: any bytes as an --alias file. A file that does not
 * read gets an EVG_EPARSE naming it; one that reads merges names in a build
 * of a small corpus, whose graph is still written in every view.
 */
#include <string.h>

#include "fuzz_common.h"

/* Two reports of invented officials, one naming a person by surname only. */
static const char *const RECORDS[] = {
    "{\"doc\":{\"id\":\"a\",\"date\":\"2024-03-04\"},\"entities\":["
    "{\"id\":\"person:mart-kivisild\",\"type\":\"person\",\"name\":\"Mart Kivisild\","
    "\"titles\":[\"Minister\"],\"country\":\"EST\"},"
    "{\"id\":\"person:ilo-varas\",\"type\":\"person\",\"name\":\"Ilo Varas\"},"
    "{\"id\":\"country:EST\",\"type\":\"country\",\"name\":\"Estonia\"},"
    "{\"id\":\"agreement:visa-agreement\",\"type\":\"agreement\",\"name\":\"Visa "
    "Agreement\","
    "\"kind\":\"agreement\"}],"
    "\"events\":[{\"id\":\"a#1\",\"type\":\"meeting\",\"date\":\"2024-03-04\","
    "\"participants\":[{\"entity\":\"person:mart-kivisild\",\"role\":\"host\"},"
    "{\"entity\":\"person:ilo-varas\",\"role\":\"guest\"}],"
    "\"agreements\":[{\"entity\":\"agreement:visa-agreement\",\"relation\":\"signed\"}]}]"
    "}",
    "{\"doc\":{\"id\":\"b\",\"date\":\"2024-03-05\"},\"entities\":["
    "{\"id\":\"person:m-kivisild\",\"type\":\"person\",\"name\":\"M. Kivisild\"},"
    "{\"id\":\"person:varas\",\"type\":\"person\",\"name\":\"Varas\"},"
    "{\"id\":\"place:tallinn\",\"type\":\"place\",\"name\":\"Tallinn\"}],"
    "\"events\":[{\"id\":\"b#1\",\"type\":\"call\",\"date\":\"2024-03-05\","
    "\"place\":\"Tallinn\",\"participants\":[{\"entity\":\"person:m-kivisild\"},"
    "{\"entity\":\"person:varas\"}]}]}",
};

static evg_corpus *corpus;
static FILE *devnull;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    evg_error e;

    (void)argc;
    (void)argv;
    evg_global_init();
    FUZZ_CHECK(evg_corpus_new(&corpus, &e) == 0, "a corpus");
    for (size_t i = 0; i < sizeof RECORDS / sizeof RECORDS[0]; i++) {
        evg_doc *d = NULL;
        FUZZ_CHECK(evg_doc_parse_json(&d, RECORDS[i], strlen(RECORDS[i]), "records",
                                      (int)i + 1, &e) == 0,
                   "the test records read");
        FUZZ_CHECK(evg_corpus_add_doc(corpus, d, &e) == 0, "a record is added");
    }
    FUZZ_CHECK((devnull = fopen("/dev/null", "wb")) != NULL, "/dev/null opens");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    evg_aliases *a = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    rc = evg_aliases_parse(&a, (const char *)data, size, "fuzz.json", &e);
    if (rc < 0) {
        FUZZ_CHECK(rc == EVG_EPARSE && a == NULL, "a bad alias file is a parse error");
        fuzz_check_error(&e, rc, "fuzz.json", 0);
        return 0;
    }
    for (int v = EVG_VIEW_FULL; v <= EVG_VIEW_BIPARTITE; v++) {
        evg_build_opts bo = EVG_BUILD_OPTS_INIT;
        evg_graph *g = NULL;
        evg_scores *s = NULL;
        bo.view = (evg_view)v;
        bo.aliases = a;
        FUZZ_CHECK(evg_graph_build(&g, corpus, &bo, &e) == 0, "the corpus builds");
        FUZZ_CHECK(evg_scores_compute(&s, g, NULL, &e) == 0, "the graph gets its scores");
        FUZZ_CHECK(evg_export(devnull, g, s, NULL, &e) == 0, "the graph is written");
        evg_scores_free(s);
        evg_graph_free(g);
    }
    evg_aliases_free(a);
    return 0;
}
