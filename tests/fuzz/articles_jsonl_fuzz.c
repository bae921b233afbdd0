/*
 * JSON Lines of articles, read as a stream: any bytes as a *.jsonl file given
 * to `evgraph extract`. A bad line is reported with the file and its line and
 * the rest goes on; every article handed on has a clean body and, when it has
 * one, a real date.
 */
#include <string.h>

#include "fuzz_common.h"
#include "ingest/ingest_internal.h"
#include "util/utf8.h"

typedef struct {
    size_t articles;
    size_t diags;
} tally;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    evg_global_init();
    return 0;
}

static int on_article(const evg_article *a, void *payload)
{
    tally *t = payload;
    const char *body = evg_article_body(a), *date = evg_article_date(a);
    size_t n = evg_article_body_len(a);

    FUZZ_CHECK(evg_article_id(a)[0] != '\0', "an article has an id");
    FUZZ_CHECK(strlen(body) == n, "the body holds no NUL");
    FUZZ_CHECK(evg_i_utf8_valid(body, n), "the body is valid UTF-8");
    FUZZ_CHECK(memchr(body, '\r', n) == NULL, "the body has LF line ends only");
    FUZZ_CHECK(date == NULL || evg_i_date_valid(date, strlen(date)),
               "a real date or none");
    t->articles++;
    return 0;
}

static void on_diag(const evg_error *err, evg_severity sev, void *payload)
{
    static const int need_line = 1;

    fuzz_check_diag(err, sev, (void *)&need_line);
    FUZZ_CHECK(strcmp(err->source, "fuzz.jsonl") == 0, "a diagnostic names the file");
    if (sev == EVG_SEV_ERROR)
        ((tally *)payload)->diags++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    evg_ingest_opts opts = EVG_INGEST_OPTS_INIT;
    tally t = {0, 0};
    size_t failed = 0;
    evg_error e;
    FILE *f;
    int rc;

    if (size == 0)
        return 0; /* fmemopen wants a buffer; an empty file is tested elsewhere */
    if ((f = fmemopen((void *)data, size, "rb")) == NULL)
        return 0;
    memset(&e, 0, sizeof e);
    opts.on_diag = on_diag;
    opts.diag_payload = &t;
    rc = evg_i_read_jsonl(f, "fuzz.jsonl", &opts, &failed, on_article, &t, &e);
    fclose(f);
    FUZZ_CHECK(rc == 0, "a batch of bad lines still completes");
    FUZZ_CHECK(failed == t.diags, "each failed line was reported once");
    return 0;
}
