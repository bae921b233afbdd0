/*
 * The lexicon loader: any bytes as a user's --lexicon file. A file that does
 * not load gets an EVG_EPARSE naming it; one that loads extends the built-in
 * lexicon, and extraction with it still works and gives records that are
 * written as JSON.
 */
#include <string.h>

#include "fuzz_common.h"

/* Invented countries and people, in the style of a government readout. */
static const char ARTICLE[] =
    "date 2024-10-07 Zanarian foreign minister receives Kestrian counterpart\n\n"
    "Zanarian Foreign Minister Ilo Varas received Kestria's Minister of Foreign Affairs "
    "Maren Solvik in Port Zan on Monday. The ministers signed a visa agreement and "
    "discussed shipping routes. Prime Minister Tovan Ekker will visit Kestria next week "
    "for talks with President Anja Holm, the Zanarian government said.\n";

static const char *path;
static evg_article *article;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    evg_error e;

    (void)argc;
    (void)argv;
    evg_global_init();
    path = fuzz_tmp_path(".json");
    FUZZ_CHECK(
        evg_article_parse(&article, "zan", NULL, ARTICLE, sizeof ARTICLE - 1, &e) == 0,
        "the test article parses");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    evg_lexicon *lx = NULL;
    evg_doc *d = NULL;
    char *line = NULL;
    evg_error e;
    int rc;

    fuzz_write_file(path, data, size);
    memset(&e, 0, sizeof e);
    rc = evg_lexicon_load(&lx, &path, 1, &e);
    if (rc < 0) {
        FUZZ_CHECK(rc == EVG_EPARSE && lx == NULL, "a bad lexicon is a parse error");
        fuzz_check_error(&e, rc, path, 0);
        return 0;
    }
    FUZZ_CHECK(evg_extract(&d, article, lx, NULL, &e) == 0, "extraction succeeds");
    FUZZ_CHECK(evg_doc_to_json(&line, NULL, d, &e) == 0, "the record can be written");
    free(line);
    evg_doc_free(d);
    evg_lexicon_free(lx);
    return 0;
}
