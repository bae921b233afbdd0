/* Unit tests of src/model/corpus.c and read.c: reading JSON Lines into a corpus. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/corpus.h"
#include "unit_helpers.h"

#define CORPUS EVG_TEST_DATA "/doc/corpus.jsonl"

static int read_into(evg_corpus *c, const char *path, th_diags *d, size_t *failed,
                     evg_error *e)
{
    evg_read_opts opts = EVG_READ_OPTS_INIT;

    opts.on_diag = th_collect_diag;
    opts.diag_payload = d;
    memset(e, 0, sizeof *e);
    return evg_corpus_read_events(failed, c, path, &opts, e);
}

static void test_bad_line_reported_rest_kept(void **state)
{
    evg_corpus *c = NULL;
    th_diags d = {0};
    size_t failed = 99;
    evg_error e;
    char msg[400];
    (void)state;

    assert_int_equal(evg_corpus_new(&c, NULL), 0);
    assert_int_equal(read_into(c, CORPUS, &d, &failed, &e), 0);
    /* Lines 1, 3 and 6 are records, 2 and 5 blank, 4 has an unknown event type. */
    assert_int_equal(evg_corpus_doc_count(c), 3);
    assert_string_equal(evg_doc_id(evg_corpus_doc(c, 0)), "cardova-talks");
    assert_string_equal(evg_doc_id(evg_corpus_doc(c, 1)), "border-protocol");
    assert_string_equal(evg_doc_id(evg_corpus_doc(c, 2)), "envoy-visit");
    assert_int_equal(evg_doc_event_count(evg_corpus_doc(c, 0)), 1);
    assert_string_equal(evg_doc_entity(evg_corpus_doc(c, 0), 1)->name, "Ingrid Sæther");
    assert_int_equal(failed, 1);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.sev[0], EVG_SEV_ERROR);
    assert_int_equal(d.errs[0].code, EVG_EPARSE);
    assert_string_equal(d.errs[0].source, CORPUS);
    assert_int_equal(d.errs[0].line, 4);
    assert_string_equal(evg_error_format(msg, sizeof msg, &d.errs[0]),
                        CORPUS ":4: events[0].type: unknown event type 'phonecall'");
    evg_corpus_free(c);
}

static void test_reading_twice_accumulates(void **state)
{
    evg_corpus *c = NULL;
    size_t failed = 0;
    evg_error e;
    (void)state;

    assert_int_equal(evg_corpus_new(&c, &e), 0);
    /* No options: bad lines are still counted, just not reported. */
    assert_int_equal(evg_corpus_read_events(&failed, c, CORPUS, NULL, &e), 0);
    assert_int_equal(failed, 1);
    assert_int_equal(evg_corpus_read_events(NULL, c, CORPUS, NULL, NULL), 0);
    assert_int_equal(evg_corpus_doc_count(c), 6);
    assert_string_equal(evg_doc_id(evg_corpus_doc(c, 3)), "cardova-talks");
    evg_corpus_free(c);
    evg_corpus_free(NULL);
}

static void test_missing_file_and_directory(void **state)
{
    evg_corpus *c = NULL;
    th_diags d = {0};
    size_t failed = 99;
    evg_error e;
    (void)state;

    assert_int_equal(evg_corpus_new(&c, NULL), 0);
    assert_int_equal(read_into(c, EVG_TEST_DATA "/doc/absent.jsonl", &d, &failed, &e),
                     EVG_EIO);
    assert_int_equal(e.code, EVG_EIO);
    assert_string_equal(e.source, EVG_TEST_DATA "/doc/absent.jsonl");
    assert_non_null(strstr(e.text, "cannot open"));
    assert_int_equal(failed, 0);
    assert_int_equal(d.n, 0);
    assert_int_equal(read_into(c, EVG_TEST_DATA "/doc", &d, &failed, &e), EVG_EIO);
    assert_string_equal(e.text, "is a directory");
    assert_int_equal(evg_corpus_doc_count(c), 0);
    evg_corpus_free(c);
}

static void test_line_ends_bom_and_last_line(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "crlf.jsonl");
    evg_corpus *c = NULL;
    th_diags d = {0};
    size_t failed = 0;
    evg_error e;
    (void)state;

    /* A BOM, CR LF line ends, a blank CR LF line, a last line without newline,
     * and a bad line after a blank one keeps its own line number. */
    assert_int_equal(th_write_str(path, "\xEF\xBB\xBF{\"doc\":{\"id\":\"a\"}}\r\n"
                                        "\r\n"
                                        "{\"doc\":{\"id\":\"b\"}}\r\n"
                                        "{\"doc\":{\"id\":\"\"}}\r\n"
                                        "{\"doc\":{\"id\":\"c\"}}"),
                     0);
    assert_int_equal(evg_corpus_new(&c, NULL), 0);
    assert_int_equal(read_into(c, path, &d, &failed, &e), 0);
    assert_int_equal(evg_corpus_doc_count(c), 3);
    assert_string_equal(evg_doc_id(evg_corpus_doc(c, 0)), "a");
    assert_string_equal(evg_doc_id(evg_corpus_doc(c, 2)), "c");
    assert_int_equal(failed, 1);
    assert_int_equal(d.errs[0].line, 4);
    assert_string_equal(d.errs[0].text, "doc.id: must not be empty");
    evg_corpus_free(c);
    th_rmtree(dir);
    free(path);
    free(dir);
}

/*
 * A file of many batches: a BOM, blank lines, bad lines, a line longer
 * than a batch, no newline at the end. Returns the number of records
 * written; the bad lines' numbers go to `bad` (at most `nbad`).
 */
static int write_many(const char *path, int *bad, int nbad)
{
    FILE *f = fopen(path, "wb");
    char *pad = malloc(1500001);
    int lineno = 0, records = 0, k = 0;

    if (f == NULL || pad == NULL)
        return -1;
    memset(pad, 'x', 1500000);
    pad[1500000] = '\0';
    fputs("\xEF\xBB\xBF", f);
    for (int i = 0; i < 3000; i++) {
        int len = i == 1500 ? 1500000 : 400 + (i * 37) % 1200;
        lineno++;
        if (i % 97 == 5) {
            fputs("  \n", f); /* blank: skipped, yet counted as a line */
            lineno++;
        }
        if (i % 250 == 7 && k < nbad) {
            fprintf(
                f,
                "{\"doc\":{\"id\":\"r%d\"},\"events\":[{\"id\":\"e\",\"type\":\"x\"}]}",
                i);
            bad[k++] = lineno;
        } else {
            fprintf(f, "{\"doc\":{\"id\":\"r%d\",\"title\":\"%.*s\"}}", i, len, pad);
            records++;
        }
        if (i < 2999)
            fputc('\n', f);
    }
    free(pad);
    return fclose(f) == 0 ? records : -1;
}

/* What the progress callback was told: how often, and the last figures. */
typedef struct {
    size_t calls, docs, bytes, total;
    int backwards; /* docs or bytes went down, or the total changed */
} progress_log;

static void on_progress(size_t docs, size_t bytes, size_t total, void *payload)
{
    progress_log *p = payload;

    p->backwards |= p->calls && (docs < p->docs || bytes < p->bytes || total != p->total);
    p->calls++;
    p->docs = docs;
    p->bytes = bytes;
    p->total = total;
}

static void test_threads_same_corpus_and_diagnostics(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "many.jsonl");
    int bad[TH_MAX_DIAGS], records = write_many(path, bad, TH_MAX_DIAGS);
    const unsigned threads[] = {0, 1, 2, 3};
    progress_log first = {0};
    FILE *f = fopen(path, "rb");
    long size;
    (void)state;

    assert_true(records > 2900);
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    size = ftell(f);
    fclose(f);
    for (size_t t = 0; t < sizeof threads / sizeof threads[0]; t++) {
        evg_read_opts opts = EVG_READ_OPTS_INIT;
        evg_corpus *c = NULL;
        th_diags d = {0};
        progress_log p = {0};
        size_t failed = 0;
        evg_error e;
        char id[32];

        opts.on_diag = th_collect_diag;
        opts.diag_payload = &d;
        opts.threads = threads[t];
        opts.on_progress = on_progress;
        opts.progress_payload = &p;
        assert_int_equal(evg_corpus_new(&c, NULL), 0);
        assert_int_equal(evg_corpus_read_events(&failed, c, path, &opts, &e), 0);
        assert_int_equal(evg_corpus_doc_count(c), (size_t)records);
        /* Progress: batch by batch, in order, to the whole file; the same on any threads.
         */
        assert_true(p.calls > 2);
        assert_false(p.backwards);
        assert_int_equal(p.docs, (size_t)records);
        assert_int_equal(p.bytes, (size_t)size);
        assert_int_equal(p.total, (size_t)size);
        if (t == 0)
            first = p;
        assert_int_equal(p.calls, first.calls);
        assert_int_equal(failed, 3000 - records);
        assert_int_equal(d.n, 3000 - records);
        for (int i = 0, k = 0; i < 3000; i++) { /* every record, in file order */
            if (i % 250 == 7)
                continue;
            snprintf(id, sizeof id, "r%d", i);
            assert_string_equal(evg_doc_id(evg_corpus_doc(c, (size_t)k)), id);
            if (i == 1500) /* the line longer than a batch, whole */
                assert_int_equal(strlen(evg_doc_title(evg_corpus_doc(c, (size_t)k))),
                                 1500000);
            k++;
        }
        for (int k = 0; k < d.n && k < TH_MAX_DIAGS; k++) /* reported in file order */
            assert_int_equal(d.errs[k].line, bad[k]);
        evg_corpus_free(c);
    }
    th_rmtree(dir);
    free(path);
    free(dir);
}

/*
 * One record of 600 people and 300 events, far more than the parser's first
 * scratch block, between two small ones: read through the corpus (parsed in
 * a scratch window, on one thread or two) it is the record parsed alone.
 */
static int write_big_record(FILE *f, int n)
{
    fprintf(f, "{\"doc\":{\"id\":\"big\",\"date\":\"2025-03-04\"},\"entities\":[");
    fprintf(f, "{\"id\":\"country:NLD\",\"type\":\"country\",\"name\":\"Netherlands\"}");
    for (int i = 0; i < n; i++)
        fprintf(f,
                ",{\"id\":\"person:envoy-%d\",\"type\":\"person\",\"name\":\"Envoy %d\","
                "\"titles\":[\"Special Envoy\",\"Adviser %d\"],\"country\":\"NLD\"}",
                i, i, i);
    fprintf(f, "],\"events\":[");
    for (int i = 0; i < n / 2; i++)
        fprintf(f,
                "%s{\"id\":\"big#%d\",\"type\":\"meeting\",\"status\":\"reported\","
                "\"date\":\"2025-03-0%d\",\"date_source\":\"text\",\"participants\":["
                "{\"entity\":\"person:envoy-%d\",\"role\":\"host\"},"
                "{\"entity\":\"person:envoy-%d\",\"role\":\"guest\"}],"
                "\"evidence\":[{\"start\":0,\"end\":21,\"text\":\"Envoy %d met Envoy "
                "%d.\"}]}",
                i ? "," : "", i + 1, 1 + i % 9, 2 * i, 2 * i + 1, 2 * i, 2 * i + 1);
    return fprintf(f, "]}\n") > 0 ? 0 : -1;
}

static void test_big_record_as_parsed_alone(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "big.jsonl"), *text = NULL;
    char *alone = NULL, *read = NULL;
    size_t len = 0, alen = 0, rlen = 0;
    evg_doc *d = NULL;
    FILE *f = open_memstream(&text, &len);
    (void)state;

    assert_non_null(f);
    assert_int_equal(write_big_record(f, 600), 0);
    assert_int_equal(fclose(f), 0);
    assert_true(len > 100000);
    assert_int_equal(evg_doc_parse_json(&d, text, len, "big.jsonl", 2, NULL), 0);
    assert_int_equal(evg_doc_to_json(&alone, &alen, d, NULL), 0);
    evg_doc_free(d);
    assert_non_null(f = fopen(path, "wb"));
    fputs("{\"doc\":{\"id\":\"before\"}}\n", f);
    fwrite(text, 1, len, f);
    fputs("{\"doc\":{\"id\":\"after\"}}\n", f);
    assert_int_equal(fclose(f), 0);
    for (unsigned threads = 1; threads <= 2; threads++) {
        evg_read_opts opts = EVG_READ_OPTS_INIT;
        evg_corpus *c = NULL;
        size_t failed = 0;

        opts.threads = threads;
        assert_int_equal(evg_corpus_new(&c, NULL), 0);
        assert_int_equal(evg_corpus_read_events(&failed, c, path, &opts, NULL), 0);
        assert_int_equal(failed, 0);
        assert_int_equal(evg_corpus_doc_count(c), 3);
        assert_string_equal(evg_doc_id(evg_corpus_doc(c, 2)), "after");
        assert_int_equal(evg_doc_to_json(&read, &rlen, evg_corpus_doc(c, 1), NULL), 0);
        assert_int_equal(rlen, alen);
        assert_memory_equal(read, alone, alen);
        free(read);
        evg_corpus_free(c);
    }
    free(alone);
    free(text);
    th_rmtree(dir);
    free(path);
    free(dir);
}

static void test_stdin(void **state)
{
    evg_corpus *c = NULL;
    th_diags d = {0};
    size_t failed = 0;
    evg_error e;
    (void)state;

    assert_non_null(freopen(CORPUS, "rb", stdin));
    assert_int_equal(evg_corpus_new(&c, NULL), 0);
    assert_int_equal(read_into(c, "-", &d, &failed, &e), 0);
    assert_int_equal(evg_corpus_doc_count(c), 3);
    assert_int_equal(failed, 1);
    assert_string_equal(d.errs[0].source, "<stdin>");
    assert_int_equal(d.errs[0].line, 4);
    evg_corpus_free(c);
}

static void test_add_doc(void **state)
{
    evg_corpus *c = NULL;
    evg_doc *d = NULL;
    const char *line = "{\"doc\":{\"id\":\"manual\"}}";
    (void)state;

    assert_int_equal(evg_corpus_new(&c, NULL), 0);
    assert_int_equal(evg_corpus_doc_count(c), 0);
    for (int i = 0; i < 20; i++) {
        assert_int_equal(evg_doc_parse_json(&d, line, strlen(line), "x", 1, NULL), 0);
        assert_int_equal(evg_corpus_add_doc(c, d, NULL), 0); /* the corpus owns d now */
    }
    assert_int_equal(evg_corpus_doc_count(c), 20);
    assert_string_equal(evg_doc_id(evg_corpus_doc(c, 19)), "manual");
    evg_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bad_line_reported_rest_kept),
        cmocka_unit_test(test_reading_twice_accumulates),
        cmocka_unit_test(test_missing_file_and_directory),
        cmocka_unit_test(test_line_ends_bom_and_last_line),
        cmocka_unit_test(test_threads_same_corpus_and_diagnostics),
        cmocka_unit_test(test_big_record_as_parsed_alone),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_add_doc),
    };
    return cmocka_run_group_tests_name("corpus", tests, NULL, NULL);
}
