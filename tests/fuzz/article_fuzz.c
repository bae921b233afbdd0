/*
 * The article reader and extraction: any bytes as an article file. A text
 * that is no article gets an EVG_EPARSE naming the file and a line; one that
 * is has a clean body (valid UTF-8, LF line ends, no NUL) and extracts into a
 * record that is written as JSON and reads back to the same bytes, with
 * evidence offsets inside the body.
 */
#include <string.h>

#include "fuzz_common.h"
#include "util/date.h"
#include "util/utf8.h"

static evg_lexicon *lexicon;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    evg_error e;

    (void)argc;
    (void)argv;
    evg_global_init();
    FUZZ_CHECK(evg_lexicon_load(&lexicon, NULL, 0, &e) == 0,
               "the built-in lexicon loads");
    return 0;
}

static void check_body(const evg_article *a)
{
    const char *body = evg_article_body(a);
    size_t n = evg_article_body_len(a);

    FUZZ_CHECK(strlen(body) == n, "the body holds no NUL");
    FUZZ_CHECK(evg_i_utf8_valid(body, n), "the body is valid UTF-8");
    FUZZ_CHECK(memchr(body, '\r', n) == NULL, "the body has LF line ends only");
    FUZZ_CHECK(evg_i_date_valid(evg_article_date(a), strlen(evg_article_date(a))),
               "the date is a real date");
    FUZZ_CHECK(evg_i_utf8_valid(evg_article_title(a), strlen(evg_article_title(a))),
               "the headline is valid UTF-8");
}

static void check_evidence(const evg_doc *d, size_t body_len)
{
    for (size_t i = 0; i < evg_doc_event_count(d); i++) {
        const evg_event *ev = evg_doc_event(d, i);
        for (size_t k = 0; k < ev->nevidence; k++)
            FUZZ_CHECK(ev->evidence[k].start <= ev->evidence[k].end &&
                           ev->evidence[k].end <= body_len,
                       "evidence lies inside the body");
    }
}

/* Written, read back, written again: the same bytes. */
static void check_round_trip(const evg_doc *d)
{
    char *line = NULL, *again = NULL;
    size_t n = 0, m = 0;
    evg_doc *back = NULL;
    evg_error e;

    FUZZ_CHECK(evg_doc_to_json(&line, &n, d, &e) == 0,
               "an extracted record can be written");
    FUZZ_CHECK(evg_doc_parse_json(&back, line, n, "fuzz.jsonl", 1, &e) == 0,
               "a written record reads back");
    FUZZ_CHECK(evg_doc_to_json(&again, &m, back, &e) == 0,
               "a read record can be written");
    FUZZ_CHECK(n == m && memcmp(line, again, n) == 0, "the record reads back the same");
    evg_doc_free(back);
    free(line);
    free(again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    evg_article *a = NULL;
    evg_doc *d = NULL;
    evg_error e;
    int rc;

    memset(&e, 0, sizeof e);
    rc = evg_article_parse(&a, "fuzz", "fuzz.txt", (const char *)data, size, &e);
    if (rc < 0) {
        FUZZ_CHECK(rc == EVG_EPARSE && a == NULL, "a bad article is a parse error");
        fuzz_check_error(&e, rc, "fuzz.txt", 1);
        return 0;
    }
    check_body(a);
    FUZZ_CHECK(evg_extract(&d, a, lexicon, NULL, &e) == 0, "extraction succeeds");
    check_evidence(d, evg_article_body_len(a));
    check_round_trip(d);
    evg_doc_free(d);
    evg_article_free(a);
    return 0;
}
