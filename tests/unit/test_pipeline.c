/*
 * The extraction pipeline on several threads: the same documents, warnings
 * and errors, with the same text and in the same order, as on one thread,
 * for article files, JSON Lines and inputs that cannot be read.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "evgraph.h"
#include "unit_helpers.h"

static evg_lexicon *lx;

static int setup(void **state)
{
    (void)state;
    evg_global_init();
    return evg_lexicon_load(&lx, NULL, 0, NULL);
}

static int teardown(void **state)
{
    (void)state;
    evg_lexicon_free(lx);
    return 0;
}

/* Everything the run handed back, in the order it came: records and diagnostics. */
typedef struct {
    char *log;
    size_t len, cap;
    size_t docs, progress;
    size_t with_doc; /* calls that got a document */
} run_log;

static void log_put(run_log *r, const char *s, size_t n)
{
    if (r->len + n + 1 > r->cap) {
        r->cap = 2 * (r->len + n + 1);
        r->log = realloc(r->log, r->cap);
        assert_non_null(r->log);
    }
    memcpy(r->log + r->len, s, n);
    r->len += n;
    r->log[r->len] = '\0';
}

static int on_doc(evg_doc *d, const char *line, size_t len, void *payload)
{
    run_log *r = payload;

    log_put(r, line, len);
    r->docs++;
    r->with_doc += d != NULL;
    evg_doc_free(d);
    return 0;
}

static void on_diag(const evg_error *e, evg_severity sev, void *payload)
{
    char text[512];
    int n = snprintf(text, sizeof text, "%s %s:%d: %s\n",
                     sev == EVG_SEV_WARNING ? "warning" : "error", e->source, e->line,
                     e->text);
    log_put(payload, text, (size_t)n);
}

static void on_progress(size_t docs, size_t bytes, size_t total, void *payload)
{
    (void)docs;
    (void)bytes;
    (void)total;
    ((run_log *)payload)->progress++;
}

static const char *const first[] = {"Ana", "Luis", "Marta", "Jan",
                                    "Eva", "Ole",  "Rui",   "Ines"};
static const char *const last[] = {"Lopes", "Gil",  "Rossi", "Novak",
                                   "Kral",  "Berg", "Costa", "Vidal"};

static void body(char *out, size_t n, int i)
{
    snprintf(out, n,
             "Foreign Minister %s %s met Spanish Foreign Minister %s %s on Monday. They "
             "signed an agreement to expand trade between the two countries.",
             first[i % 8], last[(i / 8) % 8], first[(i + 3) % 8], last[(i + 5) % 8]);
}

/*
 * 120 inputs, many more than a window holds: good articles, one without its
 * date line, one with Latin-1 bytes, and JSON Lines with good, broken and
 * repaired lines among them.
 */
static void write_inputs(const char *dir)
{
    char name[64], text[2048], b[256];

    for (int i = 0; i < 120; i++) {
        body(b, sizeof b, i);
        snprintf(name, sizeof name, "%03d.%s", i, i == 60 ? "jsonl" : "txt");
        if (i == 17)
            snprintf(text, sizeof text, "no date line\n\n%s\n", b);
        else if (i == 33)
            snprintf(text, sizeof text,
                     "date 2024-03-04 Caf\xe9 talks\n\n%s\nM\xeal\xe9\xe9.\n", b);
        else if (i == 60)
            snprintf(text, sizeof text,
                     "{\"id\":\"j1\",\"date\":\"2024-03-01\",\"text\":\"%s\"}\n\n"
                     "{\"id\":\"j2\",\"text\":\n"
                     "{\"id\":\"j3\",\"date\":\"2024-03-02\",\"text\":\"Caf\xe9. %s\"}\n"
                     "{\"id\":\"j4\",\"title\":\"no text\"}\n"
                     "{\"id\":\"j5\",\"date\":\"2024-03-02\",\"text\":\"%s\"}\n",
                     b, b, b);
        else
            snprintf(text, sizeof text, "date 2024-03-%02d Talks\n\n%s\n", 1 + i % 28, b);
        char *path = th_join(dir, name);
        assert_non_null(path);
        assert_int_equal(th_write_str(path, text), 0);
        free(path);
    }
}

static void run(const char *const *paths, size_t n, unsigned threads, int lines_only,
                run_log *r, size_t *failed)
{
    evg_extract_run_opts o = EVG_EXTRACT_RUN_OPTS_INIT;

    o.threads = threads;
    o.lines_only = lines_only != 0;
    if (lines_only < 0)
        o.version = 1; /* a caller of version 1: what lies past its options is not read */
    o.on_diag = on_diag;
    o.diag_payload = r;
    o.on_progress = on_progress;
    o.progress_payload = r;
    memset(r, 0, sizeof *r);
    assert_int_equal(evg_extract_paths(failed, paths, n, lx, &o, on_doc, r, NULL), 0);
}

/* `a` comes before `b` in `s`, and both are there. */
static void assert_before(const char *s, const char *a, const char *b)
{
    const char *pa = strstr(s, a), *pb = strstr(s, b);

    if (pa == NULL || pb == NULL || pa >= pb)
        fail_msg("expected '%s' before '%s'", a, b);
}

static void test_same_on_any_threads(void **state)
{
    (void)state;
    char *dir = th_mkdtemp();
    char *missing = th_join(dir, "missing.txt");
    const char *paths[] = {dir, missing};
    run_log one, more;
    size_t f1 = 0, fn = 0;

    assert_non_null(missing);
    write_inputs(dir);
    run(paths, 2, 1, 0, &one, &f1);
    assert_int_equal(one.docs, 118 + 3);
    assert_int_equal(one.with_doc, one.docs);
    assert_int_equal(f1, 1 + 2 + 1); /* 017.txt, two JSON lines, the missing file */
    assert_int_equal(one.progress, 118 + 3 + 3);
    /* input order, each warning before its record */
    assert_before(one.log, "error ", "{\"doc\":{\"id\":\"000\""); /* the missing file */
    assert_before(one.log, "\"id\":\"016\"", "/017.txt:1: expected a first line");
    assert_before(one.log, "/017.txt:1:", "\"id\":\"018\"");
    assert_before(one.log, "warning ", "\"id\":\"033\"");
    assert_before(one.log, "\"id\":\"032\"",
                  "/033.txt:1: invalid UTF-8 replaced by U+FFFD");
    assert_before(one.log, "\"id\":\"j1\"", "/060.jsonl:3: invalid JSON");
    assert_before(one.log, "/060.jsonl:3:", "/060.jsonl:4: invalid UTF-8");
    assert_before(one.log, "/060.jsonl:4: invalid UTF-8", "\"id\":\"j3\"");
    assert_before(one.log, "\"id\":\"j3\"", "/060.jsonl:5: text: missing");
    assert_before(one.log, "/060.jsonl:5:", "\"id\":\"j5\"");
    assert_before(one.log, "\"id\":\"j5\"", "\"id\":\"061\"");
    for (unsigned t = 1; t <= 4;
         t++) { /* lines only on 1 and 3 threads: the same lines */
        run(paths, 2, t, t % 2, &more, &fn);
        assert_int_equal(more.docs, one.docs);
        assert_int_equal(more.with_doc, t % 2 ? 0 : one.docs);
        assert_int_equal(fn, f1);
        assert_int_equal(more.progress, one.progress);
        assert_string_equal(more.log, one.log); /* byte for byte, in order */
        free(more.log);
    }
    run(paths, 2, 2, -1, &more, &fn);
    assert_int_equal(more.with_doc, one.docs);
    assert_string_equal(more.log, one.log);
    free(more.log);
    free(one.log);
    th_rmtree(dir);
    free(dir);
    free(missing);
}

/* A callback that stops the run stops it on any number of threads, with its status. */
static int stop_at_ten(evg_doc *d, const char *line, size_t len, void *payload)
{
    size_t *n = payload;

    (void)line;
    (void)len;
    evg_doc_free(d);
    return ++*n == 10 ? EVG_ERROR : 0;
}

static void test_callback_stops(void **state)
{
    (void)state;
    char *dir = th_mkdtemp();
    const char *paths[] = {dir};

    write_inputs(dir);
    for (unsigned t = 1; t <= 3; t++) {
        evg_extract_run_opts o = EVG_EXTRACT_RUN_OPTS_INIT;
        size_t n = 0;
        o.threads = t;
        assert_int_equal(evg_extract_paths(NULL, paths, 1, lx, &o, stop_at_ten, &n, NULL),
                         EVG_ERROR);
        assert_int_equal(n, 10);
    }
    th_rmtree(dir);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_on_any_threads),
        cmocka_unit_test(test_callback_stops),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
