/*
 * A program outside the source tree that uses an installed evgraph: the
 * version from the headers and from the library agree, a bad article is
 * refused with its line, a good one goes through extraction to JSON.
 */
#include <stdio.h>
#include <string.h>

#include <evgraph.h>

static const char good[] =
    "date 2024-06-04 Estonian and Finnish interior ministers meet in Tallinn\n\n"
    "Minister of the Interior of Estonia Kadri Lepik received Finland's Minister of the "
    "Interior Antti Rautio in Tallinn on Tuesday.\n";
static const char bad[] = "date 2023-02-30 A day that never was\n\nBody.\n";

static int fail(const char *what, const evg_error *err)
{
    char buf[512];

    fprintf(stderr, "consumer: %s: %s\n", what, evg_error_format(buf, sizeof buf, err));
    return 1;
}

int main(void)
{
    evg_article *a = NULL;
    evg_lexicon *lx = NULL;
    evg_doc *d = NULL;
    evg_error err;
    int rc = 1;

    memset(&err, 0, sizeof err);
    evg_global_init();
    if (strcmp(evg_version(), EVG_VERSION) != 0) {
        fprintf(stderr, "consumer: headers say %s, library says %s\n", EVG_VERSION,
                evg_version());
        return 1;
    }
    if (evg_article_parse(&a, "bad", "bad.txt", bad, sizeof bad - 1, &err) !=
            EVG_EPARSE ||
        err.line != 1 || strcmp(err.source, "bad.txt") != 0) {
        fprintf(stderr, "consumer: the impossible date was not refused at bad.txt:1\n");
        goto cleanup;
    }
    if (evg_article_parse(&a, "consumer", NULL, good, sizeof good - 1, &err) < 0) {
        rc = fail("parse", &err);
        goto cleanup;
    }
    if (evg_lexicon_load(&lx, NULL, 0, &err) < 0 ||
        evg_extract(&d, a, lx, NULL, &err) < 0 ||
        evg_doc_write_json(stdout, d, &err) < 0) {
        rc = fail("extract", &err);
        goto cleanup;
    }
    printf("evgraph %s\n", evg_version());
    rc = 0;
cleanup:
    evg_doc_free(d);
    evg_lexicon_free(lx);
    evg_article_free(a);
    return rc;
}
