/* Unit tests of src/store/: the event store written and read back. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/corpus.h"
#include "evgraph/store.h"
#include "unit_helpers.h"

/* An invented record whose fields cover every table, with the id `id`. */
static const char *record(char *buf, size_t size, const char *id, const char *place)
{
    snprintf(buf, size,
             "{\"doc\":{\"id\":\"%s\",\"path\":\"feed/%s.txt\",\"date\":\"2024-05-02\","
             "\"title\":\"\"},\"entities\":["
             "{\"id\":\"person:aro-venn\",\"type\":\"person\",\"name\":\"Aro Venn\","
             "\"titles\":[\"President\",\"Colonel \\\"Ret.\\\"\"],\"country\":\"XAR\","
             "\"org\":\"org:ardania-office\"},"
             "{\"id\":\"person:lisa-hart\",\"type\":\"person\",\"name\":\"Lisa Hart\","
             "\"titles\":[],\"country\":null,\"org\":null},"
             "{\"id\":\"org:ardania-office\",\"type\":\"organization\","
             "\"name\":\"Ardania Office\",\"country\":\"XAR\"},"
             "{\"id\":\"country:XBE\",\"type\":\"country\",\"name\":\"Belmont\"},"
             "{\"id\":\"agreement:kessa-water-accord\",\"type\":\"agreement\","
             "\"name\":\"Kessa Water Accord\",\"kind\":\"accord\"},"
             "{\"id\":\"place:%s\",\"type\":\"place\",\"name\":\"%s\","
             "\"country\":\"XAR\",\"city\":\"%s\"}],\"events\":["
             "{\"id\":\"%s#1\",\"type\":\"signing\",\"status\":\"reported\","
             "\"date\":\"2024-05-01\",\"date_source\":\"text\",\"place\":\"%s\","
             "\"place_id\":\"place:%s\",\"participants\":["
             "{\"entity\":\"person:lisa-hart\",\"role\":\"guest\"},"
             "{\"entity\":\"person:aro-venn\",\"role\":\"host\"}],"
             "\"parties\":[{\"entity\":\"country:XBE\",\"role\":\"guest\","
             "\"title\":\"deputy minister\"}],"
             "\"agreements\":[{\"entity\":\"agreement:kessa-water-accord\","
             "\"relation\":\"signed\"}],"
             "\"evidence\":[{\"start\":0,\"end\":12,\"text\":\"Aro Venn met\"},"
             "{\"start\":13,\"end\":20,\"text\":\"\"}]},"
             "{\"id\":\"%s#2\",\"type\":\"call\",\"status\":\"planned\",\"date\":null,"
             "\"date_source\":null,\"place\":null,\"participants\":[],\"agreements\":[],"
             "\"evidence\":[]}]}\n",
             id, id, place, place, place, id, place, place, id);
    return buf;
}

static evg_doc *parse(const char *line)
{
    evg_doc *d = NULL;

    assert_int_equal(evg_doc_parse_json(&d, line, strlen(line), "test", 1, NULL), 0);
    return d;
}

/* The JSON line of the i-th document of the store `path`. */
static char *stored_line(const char *path, size_t i, size_t *count_out)
{
    evg_corpus *c = NULL;
    char *line = NULL;
    size_t failed = 9;
    evg_error e;

    memset(&e, 0, sizeof e);
    assert_int_equal(evg_corpus_new(&c, NULL), 0);
    assert_int_equal(evg_corpus_read_events(&failed, c, path, NULL, &e), 0);
    assert_int_equal(failed, 0);
    *count_out = evg_corpus_doc_count(c);
    if (i < *count_out)
        assert_int_equal(evg_doc_to_json(&line, NULL, evg_corpus_doc(c, i), NULL), 0);
    evg_corpus_free(c);
    return line;
}

static void test_put_read_back_same_record(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "events.db"), buf[4096], *line;
    evg_store *s = NULL;
    evg_doc *d;
    size_t n = 0;
    (void)state;

    assert_int_equal(evg_store_open(&s, path, NULL), 0);
    d = parse(record(buf, sizeof buf, "alpha", "kessa-hall"));
    assert_int_equal(evg_store_put(s, d, NULL), 0);
    evg_doc_free(d);
    assert_int_equal(evg_store_put_count(s), 1);
    assert_int_equal(evg_store_replaced_count(s), 0);
    assert_int_equal(evg_store_commit(s, NULL), 0);
    line = stored_line(path, 0, &n);
    assert_int_equal(n, 1);
    assert_string_equal(line, buf); /* every field back, byte for byte */
    free(line);
    th_rmtree(dir);
    free(path);
    free(dir);
}

static void test_same_id_replaces_appended_keeps_order(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "events.db"), a[4096], b[4096],
         c2[4096], *line;
    evg_store *s = NULL;
    evg_doc *d;
    size_t n = 0;
    (void)state;

    assert_int_equal(evg_store_open(&s, path, NULL), 0);
    d = parse(record(a, sizeof a, "alpha", "kessa-hall"));
    assert_int_equal(evg_store_put(s, d, NULL), 0);
    evg_doc_free(d);
    d = parse(record(b, sizeof b, "beta", "port-vell"));
    assert_int_equal(evg_store_put(s, d, NULL), 0);
    evg_doc_free(d);
    assert_int_equal(evg_store_commit(s, NULL), 0);
    /* A second batch: alpha again, with another place, replaces the first. */
    assert_int_equal(evg_store_open(&s, path, NULL), 0);
    d = parse(record(c2, sizeof c2, "alpha", "tarn-gate"));
    assert_int_equal(evg_store_put(s, d, NULL), 0);
    evg_doc_free(d);
    assert_int_equal(evg_store_replaced_count(s), 1);
    assert_int_equal(evg_store_commit(s, NULL), 0);
    line = stored_line(path, 0, &n);
    assert_int_equal(n, 2);
    assert_string_equal(line, b); /* beta first: the new alpha was added after it */
    free(line);
    line = stored_line(path, 1, &n);
    assert_string_equal(line, c2);
    free(line);
    th_rmtree(dir);
    free(path);
    free(dir);
}

static void test_abort_leaves_store_as_it_was(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "events.db"), a[4096], b[4096], *line;
    evg_store *s = NULL;
    evg_doc *d;
    size_t n = 0;
    (void)state;

    assert_int_equal(evg_store_open(&s, path, NULL), 0);
    d = parse(record(a, sizeof a, "alpha", "kessa-hall"));
    assert_int_equal(evg_store_put(s, d, NULL), 0);
    evg_doc_free(d);
    assert_int_equal(evg_store_commit(s, NULL), 0);
    assert_int_equal(evg_store_open(&s, path, NULL), 0);
    d = parse(record(b, sizeof b, "alpha", "port-vell"));
    assert_int_equal(evg_store_put(s, d, NULL), 0);
    evg_doc_free(d);
    d = parse(record(b, sizeof b, "beta", "port-vell"));
    assert_int_equal(evg_store_put(s, d, NULL), 0);
    evg_doc_free(d);
    evg_store_abort(s);
    line = stored_line(path, 0, &n);
    assert_int_equal(n, 1);
    assert_string_equal(line, a);
    free(line);
    th_rmtree(dir);
    free(path);
    free(dir);
}

static void test_second_writer_refused_naming_file(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "events.db");
    evg_store *s = NULL, *t = NULL;
    evg_error e;
    (void)state;

    memset(&e, 0, sizeof e);
    assert_int_equal(evg_store_open(&s, path, NULL), 0);
    assert_int_equal(evg_store_open(&t, path, &e), EVG_EIO);
    assert_null(t);
    assert_string_equal(e.source, path);
    assert_non_null(strstr(e.text, "locked by another process"));
    assert_int_equal(evg_store_commit(s, NULL), 0);
    th_rmtree(dir);
    free(path);
    free(dir);
}

static void test_bad_record_refused(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "events.db"), buf[4096], *p;
    evg_store *s = NULL;
    evg_doc *d;
    evg_error e;
    (void)state;

    memset(&e, 0, sizeof e);
    record(buf, sizeof buf, "alpha", "kessa-hall");
    /* Invalid UTF-8 in a name, which the JSON parser would refuse: made by hand. */
    d = parse(buf);
    p = (char *)evg_doc_entity(d, 1)->name;
    p[0] = (char)0xC3;
    p[1] = '(';
    assert_int_equal(evg_store_open(&s, path, NULL), 0);
    assert_int_equal(evg_store_put(s, d, &e), EVG_EINVAL);
    assert_non_null(strstr(e.text, "document 'alpha': entities[1]"));
    evg_store_abort(s);
    evg_doc_free(d);
    th_rmtree(dir);
    free(path);
    free(dir);
}

static void test_is_path(void **state)
{
    (void)state;
    assert_true(evg_store_is_path("events.db"));
    assert_true(evg_store_is_path("a/b.db"));
    assert_false(evg_store_is_path(".db"));
    assert_false(evg_store_is_path("events.jsonl"));
    assert_false(evg_store_is_path("events.db.jsonl"));
    assert_false(evg_store_is_path("-"));
    assert_false(evg_store_is_path(NULL));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_put_read_back_same_record),
        cmocka_unit_test(test_same_id_replaces_appended_keeps_order),
        cmocka_unit_test(test_abort_leaves_store_as_it_was),
        cmocka_unit_test(test_second_writer_refused_naming_file),
        cmocka_unit_test(test_bad_record_refused),
        cmocka_unit_test(test_is_path),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
