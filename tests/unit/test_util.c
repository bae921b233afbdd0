/* Unit tests of src/util: buffers, the arena, UTF-8, dates, errors, file I/O, the work
 * window. */
#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "evgraph/io.h"
#include "unit_helpers.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/error.h"
#include "util/fileio.h"
#include "util/utf8.h"
#include "util/window.h"

/* ---- buf and grow --------------------------------------------------------- */

static void test_buf_grows_and_keeps_bytes(void **state)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    (void)state;

    /* 5000 appends of 3 bytes cross many doublings; every byte must survive. */
    for (int i = 0; i < 5000; i++)
        assert_int_equal(evg_i_buf_put(&b, "abc", 3), 0);
    assert_int_equal(b.len, 15000);
    assert_true(b.cap > b.len);
    assert_int_equal(b.ptr[b.len], '\0');
    for (size_t i = 0; i < b.len; i++)
        assert_int_equal(b.ptr[i], "abc"[i % 3]);
    assert_int_equal(evg_i_buf_putc(&b, 'Z'), 0);
    assert_int_equal(evg_i_buf_puts(&b, "yx"), 0);
    assert_string_equal(b.ptr + 15000, "Zyx");
    evg_i_buf_free(&b);
    assert_null(b.ptr);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
}

static void test_buf_put_nothing_still_terminates(void **state)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    (void)state;

    assert_int_equal(evg_i_buf_put(&b, NULL, 0), 0);
    assert_non_null(b.ptr);
    assert_string_equal(b.ptr, "");
    evg_i_buf_free(&b);
}

static void test_buf_printf(void **state)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    char big[3000];
    (void)state;

    assert_int_equal(evg_i_buf_printf(&b, "%s:%d: %s", "events.jsonl", 12, "bad"), 0);
    assert_string_equal(b.ptr, "events.jsonl:12: bad");
    /* Output longer than the capacity at hand must grow the buffer, not truncate. */
    memset(big, 'q', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    assert_int_equal(evg_i_buf_printf(&b, "[%s]%zu", big, (size_t)42), 0);
    assert_int_equal(b.len, 20 + 1 + 2999 + 1 + 2);
    assert_int_equal(b.ptr[20], '[');
    assert_int_equal(b.ptr[20 + 3000], ']');
    assert_string_equal(b.ptr + b.len - 2, "42");
    evg_i_buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.ptr, "");
    assert_int_equal(evg_i_buf_printf(&b, "%s", ""), 0);
    assert_string_equal(b.ptr, "");
    evg_i_buf_free(&b);
}

static void test_buf_detach(void **state)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    char *s;
    (void)state;

    assert_int_equal(evg_i_buf_puts(&b, "Shusha Declaration"), 0);
    s = evg_i_buf_detach(&b);
    assert_string_equal(s, "Shusha Declaration");
    assert_null(b.ptr);
    assert_int_equal(b.len, 0);
    assert_int_equal(b.cap, 0);
    free(s);
    /* An empty buffer detaches to an empty string the caller can free. */
    s = evg_i_buf_detach(&b);
    assert_non_null(s);
    assert_string_equal(s, "");
    free(s);
    /* The buffer is usable again after detach. */
    assert_int_equal(evg_i_buf_puts(&b, "again"), 0);
    assert_string_equal(b.ptr, "again");
    evg_i_buf_free(&b);
}

static void test_buf_overflow_is_refused(void **state)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    char *before;
    (void)state;

    assert_int_equal(evg_i_buf_puts(&b, "kept"), 0);
    before = b.ptr;
    assert_int_equal(evg_i_buf_grow(&b, SIZE_MAX), EVG_ENOMEM);
    assert_int_equal(evg_i_buf_grow(&b, SIZE_MAX - 3), EVG_ENOMEM);
    assert_ptr_equal(b.ptr, before);
    assert_string_equal(b.ptr, "kept");
    assert_int_equal(b.len, 4);
    evg_i_buf_free(&b);
}

/* Pairs equal by their first member only: which of a run is kept shows. */
typedef struct {
    int key, tag;
} pair;

static int by_key(const void *a, const void *b)
{
    const pair *x = a, *y = b;
    return (x->key > y->key) - (x->key < y->key);
}

static void test_unique(void **state)
{
    pair v[] = {{1, 0}, {1, 1}, {2, 2}, {3, 3}, {3, 4}, {3, 5}, {7, 6}};
    const pair want[] = {{1, 0}, {2, 2}, {3, 3}, {7, 6}};
    (void)state;

    assert_int_equal(evg_i_unique(v, 7, sizeof *v, by_key), 4);
    for (size_t i = 0; i < 4; i++) { /* the first of each run, in order */
        assert_int_equal(v[i].key, want[i].key);
        assert_int_equal(v[i].tag, want[i].tag);
    }
    assert_int_equal(evg_i_unique(v, 1, sizeof *v, by_key), 1);
    assert_int_equal(evg_i_unique(v, 0, sizeof *v, by_key), 0);
}

static void test_grow_array(void **state)
{
    int *v = NULL;
    size_t cap = 0;
    (void)state;

    assert_int_equal(evg_i_grow((void **)&v, &cap, 1, sizeof *v), 0);
    assert_int_equal(cap, 8);
    for (int i = 0; i < 8; i++)
        v[i] = i * 7;
    assert_int_equal(evg_i_grow((void **)&v, &cap, 9, sizeof *v), 0);
    assert_int_equal(cap, 16);
    assert_int_equal(evg_i_grow((void **)&v, &cap, 100, sizeof *v), 0);
    assert_int_equal(cap, 128);
    for (int i = 0; i < 8; i++)
        assert_int_equal(v[i], i * 7);
    /* Enough room already: nothing changes. */
    assert_int_equal(evg_i_grow((void **)&v, &cap, 50, sizeof *v), 0);
    assert_int_equal(cap, 128);
    /* need * size overflowing size_t is refused and the array kept. */
    assert_int_equal(evg_i_grow((void **)&v, &cap, SIZE_MAX / 2, sizeof *v), EVG_ENOMEM);
    assert_int_equal(evg_i_grow((void **)&v, &cap, SIZE_MAX, 1), EVG_ENOMEM);
    assert_int_equal(cap, 128);
    assert_int_equal(v[7], 49);
    free(v);
}

static void test_strdup(void **state)
{
    char *s;
    (void)state;

    assert_null(evg_i_strdup(NULL));
    assert_null(evg_i_strndup(NULL, 3));
    s = evg_i_strdup("Ankara");
    assert_string_equal(s, "Ankara");
    free(s);
    s = evg_i_strndup("Ankara-Baku", 6);
    assert_string_equal(s, "Ankara");
    free(s);
}

/* ---- arena ------------------------------------------------------------------ */

static void test_arena_alignment_and_zero(void **state)
{
    evg_i_arena a = EVG_I_ARENA_INIT;
    const size_t align = alignof(max_align_t);
    (void)state;

    /* Odd sizes, many of them: every block start stays aligned and zeroed. */
    for (size_t i = 1; i < 3000; i++) {
        unsigned char *p = evg_i_arena_alloc(&a, i % 37 + 1);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % align, 0);
        for (size_t k = 0; k < i % 37 + 1; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xAB, i % 37 + 1);
    }
    evg_i_arena_free(&a);
    assert_null(a.head);
}

static void test_arena_large_allocation(void **state)
{
    evg_i_arena a = EVG_I_ARENA_INIT;
    const size_t align = alignof(max_align_t);
    unsigned char *small1, *big, *small2;
    (void)state;

    small1 = evg_i_arena_alloc(&a, 10);
    big = evg_i_arena_alloc(&a, 100000);
    small2 = evg_i_arena_alloc(&a, 10);
    assert_non_null(small1);
    assert_non_null(big);
    assert_non_null(small2);
    assert_int_equal((uintptr_t)big % align, 0);
    for (size_t i = 0; i < 100000; i++)
        assert_int_equal(big[i], 0);
    memset(big, 0x5A, 100000); /* the whole block is ours */
    /* The large block went aside: the small ones share the current block. */
    assert_ptr_equal(small2, small1 + ((10 + align - 1) / align) * align);
    assert_int_equal(small1[0], 0);
    assert_int_equal(small2[9], 0);
    /* An allocation that cannot be sized is refused, not wrapped around. */
    assert_null(evg_i_arena_alloc(&a, SIZE_MAX));
    assert_null(evg_i_arena_alloc(&a, SIZE_MAX - align + 2));
    evg_i_arena_free(&a);
    evg_i_arena_free(&a); /* twice is harmless */
}

static void test_arena_strings(void **state)
{
    evg_i_arena a = EVG_I_ARENA_INIT;
    char *s;
    (void)state;

    s = evg_i_arena_strdup(&a, "Selçuk Bayraktaroğlu");
    assert_string_equal(s, "Selçuk Bayraktaroğlu");
    s = evg_i_arena_strndup(&a, "Land Forces Command", 4);
    assert_string_equal(s, "Land");
    s = evg_i_arena_strndup(&a, "", 0);
    assert_string_equal(s, "");
    assert_null(evg_i_arena_strdup(&a, NULL));
    assert_null(evg_i_arena_strndup(&a, "x", SIZE_MAX));
    evg_i_arena_free(&a);
}

/* ---- UTF-8 repair ------------------------------------------------------------- */

typedef struct {
    const char *in;
    size_t len;
    const char *out;
    size_t nbad, first;
} repair_case;

static void test_utf8_repair(void **state)
{
    static const repair_case cases[] = {
        {"plain ASCII", 11, "plain ASCII", 0, 0},
        {"T\xC3\xBCrkiye \xE2\x80\x99 \xF0\x9F\x87\xB9", 17,
         "T\xC3\xBCrkiye \xE2\x80\x99 \xF0\x9F\x87\xB9", 0, 0},
        {"", 0, "", 0, 0},
        {"a\x80z", 3, "a\xEF\xBF\xBDz", 1, 1},               /* stray continuation */
        {"ab\xC3", 3, "ab\xEF\xBF\xBD", 1, 2},               /* truncated at the end */
        {"\xE2\x82x", 3, "\xEF\xBF\xBD\xEF\xBF\xBDx", 2, 0}, /* truncated, one per byte */
        {"\xC0\xAF", 2, "\xEF\xBF\xBD\xEF\xBF\xBD", 2, 0},   /* overlong '/' */
        {"x\xED\xA0\x80", 4, "x\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3,
         1}, /* surrogate */
        {"\xF4\x90\x80\x80", 4, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4,
         0}, /* above U+10FFFF */
        {"a\0b", 3,
         "a\xEF\xBF\xBD"
         "b",
         1, 1}, /* NUL byte */
        {"ok \xFF ok \xFE", 9, "ok \xEF\xBF\xBD ok \xEF\xBF\xBD", 2, 3},
    };
    (void)state;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        evg_i_buf b = EVG_I_BUF_INIT;
        size_t nbad = 99, first = 99;
        assert_int_equal(evg_i_utf8_repair(&b, cases[i].in, cases[i].len, &nbad, &first),
                         0);
        assert_string_equal(b.ptr, cases[i].out);
        assert_int_equal(b.len, strlen(cases[i].out));
        assert_int_equal(nbad, cases[i].nbad);
        if (cases[i].nbad)
            assert_int_equal(first, cases[i].first);
        assert_int_equal(evg_i_utf8_valid(cases[i].in, cases[i].len), cases[i].nbad == 0);
        assert_true(evg_i_utf8_valid(b.ptr, b.len));
        evg_i_buf_free(&b);
    }
}

static void test_utf8_repair_appends(void **state)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    (void)state;

    /* Repair appends to what the buffer holds; NULL counters are allowed. */
    assert_int_equal(evg_i_buf_puts(&b, "head:"), 0);
    assert_int_equal(evg_i_utf8_repair(&b, "\x80tail", 5, NULL, NULL), 0);
    assert_string_equal(b.ptr, "head:\xEF\xBF\xBDtail");
    evg_i_buf_free(&b);
}

/* ---- folding and slugs ---------------------------------------------------------- */

static void assert_fold(const char *in, const char *want)
{
    evg_i_buf b = EVG_I_BUF_INIT;

    assert_int_equal(evg_i_fold(&b, in, strlen(in)), 0);
    assert_non_null(b.ptr);
    assert_string_equal(b.ptr, want);
    evg_i_buf_free(&b);
}

static void test_fold(void **state)
{
    (void)state;
    assert_fold("Selçuk Bayraktaroğlu", "selcuk bayraktaroglu");
    assert_fold("SELCUK BAYRAKTAROGLU", "selcuk bayraktaroglu");
    assert_fold("Kılıçarslan", "kilicarslan"); /* dotless ı has no decomposition */
    assert_fold("İLKNUR", "ilknur");           /* dotted capital İ */
    assert_fold("Jørgen Søvik", "jorgen sovik");
    assert_fold("ØSTBY", "ostby");
    assert_fold("Straße", "strasse");
    assert_fold("\xEF\xAC\x81nance \xEF\xAC\x82ow", "finance flow"); /* ﬁ ﬂ ligatures */
    assert_fold("Łukasz Đurić", "lukasz duric");
    assert_fold("Ægir Œuvray Þórsson", "aegir oeuvray thorsson");
    assert_fold("O’Brien", "o'brien");
    assert_fold("Ünal Çelik-Ömer", "unal celik-omer");
    assert_fold("already lower 123", "already lower 123");
    assert_fold("", "");
}

static void test_fold_appends(void **state)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    (void)state;

    assert_int_equal(evg_i_buf_puts(&b, "x|"), 0);
    assert_int_equal(evg_i_fold(&b, "ÇAY", strlen("ÇAY")), 0);
    assert_int_equal(evg_i_fold(&b, "|ABC", 4), 0);
    assert_string_equal(b.ptr, "x|cay|abc");
    evg_i_buf_free(&b);
}

static void assert_slug(const char *in, const char *want)
{
    evg_i_buf b = EVG_I_BUF_INIT;

    assert_int_equal(evg_i_slug(&b, in, strlen(in)), 0);
    assert_non_null(b.ptr);
    assert_string_equal(b.ptr, want);
    evg_i_buf_free(&b);
}

static void test_slug(void **state)
{
    (void)state;
    assert_slug("Zakir Hasanov", "zakir-hasanov");
    assert_slug("Selçuk Bayraktaroğlu", "selcuk-bayraktaroglu");
    assert_slug("O’Brien", "obrien");
    assert_slug("O'Brien", "obrien");
    assert_slug("Ministry of Defense, (Azerbaijan)!!", "ministry-of-defense-azerbaijan");
    assert_slug("  --Leading and trailing--  ", "leading-and-trailing");
    assert_slug("a...b///c", "a-b-c");
    assert_slug("Treaty No. 5", "treaty-no-5");
    assert_slug("", "");
    assert_slug("?!-- ,", "");
    /* Dashes, quotes and guillemets outside ASCII separate like ASCII ones. */
    assert_slug("Nord — Süd «Pakt» “2024”", "nord-sud-pakt-2024");
    /* Letters of other scripts are kept. */
    assert_slug("Олег Петренко", "олег-петренко");
}

static void test_slug_appends(void **state)
{
    evg_i_buf b = EVG_I_BUF_INIT;
    (void)state;

    /* The leading-separator rule applies to the slug, not to what came before. */
    assert_int_equal(evg_i_buf_puts(&b, "person:"), 0);
    assert_int_equal(evg_i_slug(&b, " Ayla Demir ", 12), 0);
    assert_string_equal(b.ptr, "person:ayla-demir");
    evg_i_buf_free(&b);
}

/* ---- dates ------------------------------------------------------------------------ */

static void test_date_valid(void **state)
{
    static const char *const good[] = {"2024-02-29", "2000-02-29", "2023-12-31",
                                       "0001-01-01", "2023-04-30", "9999-12-31"};
    static const char *const bad[] = {"2023-02-29",  "1900-02-29",
                                      "2023-13-01",  "2023-02-30",
                                      "2023-04-31",  "2023-00-10",
                                      "2023-01-00",  "0000-01-01",
                                      "2023/01/01",  "2023-1-01",
                                      "20230101",    "2023-01-0x",
                                      "2023-01-011", ""};
    (void)state;

    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++)
        assert_true(evg_i_date_valid(good[i], strlen(good[i])));
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_false(evg_i_date_valid(bad[i], strlen(bad[i])));
    /* Only the `n` bytes given count. */
    assert_true(evg_i_date_valid("2024-02-29 trailing", 10));
}

/* ---- errors ------------------------------------------------------------------------ */

static void test_error_set_and_format(void **state)
{
    evg_error e;
    char buf[300];
    (void)state;

    assert_int_equal(evg_i_error_set(NULL, EVG_EPARSE, "x", 1, 1, "no target"),
                     EVG_EPARSE);
    assert_int_equal(evg_i_error_set(&e, EVG_EPARSE, "a.txt", 3, 7, "bad %s", "date"),
                     EVG_EPARSE);
    assert_int_equal(e.code, EVG_EPARSE);
    assert_string_equal(e.source, "a.txt");
    assert_int_equal(e.line, 3);
    assert_int_equal(e.column, 7);
    assert_string_equal(e.text, "bad date");
    assert_string_equal(evg_error_format(buf, sizeof buf, &e), "a.txt:3:7: bad date");
    e.column = 0;
    assert_string_equal(evg_error_format(buf, sizeof buf, &e), "a.txt:3: bad date");
    e.line = 0;
    assert_string_equal(evg_error_format(buf, sizeof buf, &e), "a.txt: bad date");
    evg_i_error_set(&e, EVG_ENOMEM, NULL, 0, 0, "%s", "");
    assert_string_equal(e.source, "");
    assert_string_equal(evg_error_format(buf, sizeof buf, &e), "out of memory");
    assert_string_equal(evg_error_format(buf, sizeof buf, NULL), "unknown error");
    assert_int_equal(evg_i_error_nomem(&e), EVG_ENOMEM);
    assert_string_equal(e.text, "out of memory");
}

/* Text for a terminal: controls, bidirectional controls and bad bytes as visible escapes,
 * a backslash doubled, the rest as it is; a short buffer cuts between whole escapes. */
static void test_text_escape(void **state)
{
    char buf[64];
    (void)state;

    assert_string_equal(
        evg_text_escape(buf, sizeof buf, "Sel\xC3\xA7uk \xD8\xB9\xD9\x84\xD9\x8A"),
        "Sel\xC3\xA7uk \xD8\xB9\xD9\x84\xD9\x8A"); /* letters stay */
    assert_string_equal(evg_text_escape(buf, sizeof buf, "a\x1b[2Jb\tc\x7f"),
                        "a\\x1b[2Jb\\x09c\\x7f");
    assert_string_equal(evg_text_escape(buf, sizeof buf,
                                        "\xC2\x9B"
                                        "1\xE2\x80\xAEx\xE2\x81\xA6y\xE2\x80\xA8"),
                        "\\u009b1\\u202ex\\u2066y\\u2028");
    assert_string_equal(evg_text_escape(buf, sizeof buf, "C:\\x \xFF"), "C:\\\\x \\xff");
    /* cut before an escape that would not fit, never inside it */
    assert_string_equal(evg_text_escape(buf, 6, "ab\xE2\x80\xAE"), "ab");
    assert_string_equal(evg_text_escape(buf, 9, "ab\xE2\x80\xAE"), "ab\\u202e");
    assert_string_equal(evg_text_escape(buf, 3, "a\xC3\xA7"), "a");
    assert_string_equal(evg_text_escape(buf, 1, "abc"), "");
    assert_string_equal(evg_text_escape(buf, sizeof buf, NULL), "");
    {
        evg_i_buf b = EVG_I_BUF_INIT;
        assert_int_equal(evg_i_text_escape(&b, "a\tb\nc\rd\x01", 8, EVG_I_ESC_FLAT), 0);
        assert_string_equal(b.ptr, "a b c d\\x01"); /* a cell: line breaks as spaces */
        evg_i_buf_free(&b);
    }
}

static void test_error_truncation(void **state)
{
    evg_error e;
    char longsrc[400], small[12];
    (void)state;

    memset(longsrc, 'd', sizeof longsrc - 1);
    longsrc[sizeof longsrc - 1] = '\0';
    evg_i_error_set(&e, EVG_EIO, longsrc, 1, 0, "%s", longsrc);
    assert_int_equal(strlen(e.source), sizeof e.source - 1);
    assert_int_equal(strlen(e.text), sizeof e.text - 1);
    /* The formatted line is cut to the buffer and stays terminated. */
    evg_i_error_set(&e, EVG_EIO, "file.jsonl", 12, 0, "cannot open");
    assert_string_equal(evg_error_format(small, sizeof small, &e), "file.jsonl:");
    small[0] = 'X';
    evg_error_format(small, 0, &e); /* size 0: nothing written */
    assert_int_equal(small[0], 'X');
}

static void test_status_str(void **state)
{
    (void)state;
    assert_string_equal(evg_status_str(EVG_OK), "success");
    assert_string_equal(evg_status_str(EVG_EIO), "input/output error");
    assert_string_equal(evg_status_str(EVG_EPARSE), "malformed input");
    assert_string_equal(evg_status_str(EVG_EGRAPH), "graph library error");
    assert_string_equal(evg_status_str(-99), "error");
}

static int diag_calls;
static void count_diag(const evg_error *e, evg_severity sev, void *payload)
{
    assert_int_equal(sev, EVG_SEV_WARNING);
    assert_string_equal(e->text, "note");
    assert_ptr_equal(payload, &diag_calls);
    diag_calls++;
}

static void test_diag(void **state)
{
    evg_error e;
    (void)state;

    evg_i_error_set(&e, EVG_EPARSE, "s", 1, 0, "note");
    evg_i_diag(NULL, NULL, EVG_SEV_ERROR, &e); /* no callback: nothing happens */
    evg_i_diag(count_diag, &diag_calls, EVG_SEV_WARNING, &e);
    assert_int_equal(diag_calls, 1);
}

/* ---- reading files -------------------------------------------------------------------
 */

static void test_read_file(void **state)
{
    char *dir = th_mkdtemp(), *path = th_join(dir, "in.txt");
    char data[70000];
    evg_i_buf b = EVG_I_BUF_INIT;
    evg_error e;
    (void)state;

    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (char)('a' + i % 26);
    assert_int_equal(th_write(path, data, sizeof data), 0);
    assert_int_equal(evg_i_read_file(&b, path, &e), 0);
    assert_int_equal(b.len, sizeof data);
    assert_memory_equal(b.ptr, data, sizeof data);
    assert_int_equal(b.ptr[b.len], '\0');
    evg_i_buf_free(&b);

    /* A directory and a missing file are EVG_EIO naming the path. */
    assert_int_equal(evg_i_read_file(&b, dir, &e), EVG_EIO);
    assert_string_equal(e.source, dir);
    assert_string_equal(e.text, "is a directory");
    unlink(path);
    assert_int_equal(evg_i_read_file(&b, path, &e), EVG_EIO);
    assert_string_equal(e.source, path);
    assert_non_null(strstr(e.text, "cannot open"));
    evg_i_buf_free(&b);
    assert_string_equal(evg_i_display_name("-"), "<stdin>");
    assert_string_equal(evg_i_display_name("x.txt"), "x.txt");
    th_rmtree(dir);
    free(path);
    free(dir);
}

/* ---- atomic output files --------------------------------------------------------------
 */

typedef struct {
    char *dir, *target;
} ofile_fixture;

static int ofile_setup(void **state)
{
    ofile_fixture *fx = calloc(1, sizeof *fx);

    if (fx == NULL || (fx->dir = th_mkdtemp()) == NULL)
        return -1;
    fx->target = th_join(fx->dir, "events.jsonl");
    *state = fx;
    return th_write_str(fx->target, "old contents\n");
}

static int ofile_teardown(void **state)
{
    ofile_fixture *fx = *state;

    th_rmtree(fx->dir);
    free(fx->target);
    free(fx->dir);
    free(fx);
    return 0;
}

static void test_ofile_commit_replaces(void **state)
{
    ofile_fixture *fx = *state;
    evg_ofile *of = NULL;
    evg_error e;
    char *got;
    struct stat st;
    mode_t old = umask(077);

    assert_int_equal(chmod(fx->target, 0644), 0);
    assert_int_equal(evg_ofile_open(&of, fx->target, &e), 0);
    assert_non_null(of);
    fputs("new line 1\n", evg_ofile_stream(of));
    /* Until the commit the old file is what readers see, plus one temporary. */
    got = th_read(fx->target, NULL);
    assert_string_equal(got, "old contents\n");
    free(got);
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 1);
    fprintf(evg_ofile_stream(of), "new line %d\n", 2);
    assert_int_equal(evg_ofile_commit(of, &e), 0);
    got = th_read(fx->target, NULL);
    assert_string_equal(got, "new line 1\nnew line 2\n");
    free(got);
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 0);
    /* The replaced file's mode is kept (not mkstemp's 0600); test_fileio.c has more. */
    assert_int_equal(stat(fx->target, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0644);
    umask(old);
}

static void test_ofile_abort_keeps_old(void **state)
{
    ofile_fixture *fx = *state;
    evg_ofile *of = NULL;
    evg_error e;
    char *got;

    assert_int_equal(evg_ofile_open(&of, fx->target, &e), 0);
    fputs("half-written", evg_ofile_stream(of));
    evg_ofile_abort(of);
    got = th_read(fx->target, NULL);
    assert_string_equal(got, "old contents\n");
    free(got);
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 0);
    evg_ofile_abort(NULL); /* NULL-safe */
}

static void test_ofile_missing_directory(void **state)
{
    ofile_fixture *fx = *state;
    evg_ofile *of = (evg_ofile *)&of; /* must be reset to NULL */
    evg_error e;
    char *path = th_join(fx->dir, "no/such/dir/out.graphml");

    memset(&e, 0, sizeof e);
    assert_int_equal(evg_ofile_open(&of, path, &e), EVG_EIO);
    assert_null(of);
    assert_int_equal(e.code, EVG_EIO);
    assert_string_equal(e.source, path);
    assert_non_null(strstr(e.text, "cannot create"));
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 0);
    free(path);
}

static void test_ofile_commit_failure_cleans_up(void **state)
{
    ofile_fixture *fx = *state;
    char *sub = th_join(fx->dir, "graphs");
    evg_ofile *of = NULL;
    evg_error e;

    /* The target becomes a directory while it is written: the rename fails, the
     * temporary goes away. */
    assert_int_equal(evg_ofile_open(&of, sub, &e), 0);
    fputs("data", evg_ofile_stream(of));
    assert_int_equal(mkdir(sub, 0755), 0);
    assert_int_equal(evg_ofile_commit(of, &e), EVG_EIO);
    assert_string_equal(e.source, sub);
    assert_non_null(strstr(e.text, "cannot replace"));
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 0);
    free(sub);
}

static void test_ofile_two_writers(void **state)
{
    ofile_fixture *fx = *state;
    evg_ofile *a = NULL, *b = NULL;
    evg_error e;
    char *got;

    /* Two open at once get distinct temporaries; the last commit wins whole. */
    assert_int_equal(evg_ofile_open(&a, fx->target, &e), 0);
    assert_int_equal(evg_ofile_open(&b, fx->target, &e), 0);
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 2);
    fputs("from a\n", evg_ofile_stream(a));
    fputs("from b\n", evg_ofile_stream(b));
    assert_int_equal(evg_ofile_commit(a, &e), 0);
    assert_int_equal(evg_ofile_commit(b, &e), 0);
    got = th_read(fx->target, NULL);
    assert_string_equal(got, "from b\n");
    free(got);
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 0);
}

static void test_ofile_special_targets(void **state)
{
    ofile_fixture *fx = *state;
    char *fifo = th_join(fx->dir, "pipe"), *link = th_join(fx->dir, "link.jsonl");
    char *dangling = th_join(fx->dir, "dangling.jsonl"), *got;
    evg_ofile *of = NULL;
    evg_error e;
    struct stat st;
    FILE *reader;

    /* A FIFO (like a device, or a shell's process substitution) is written as is:
     * renaming a file over it would replace it (as root, /dev/null itself). */
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_non_null(reader = fopen(fifo, "r+")); /* keeps the FIFO open for the writer */
    assert_int_equal(evg_ofile_open(&of, fifo, &e), 0);
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 0);
    fputs("through the pipe\n", evg_ofile_stream(of));
    assert_int_equal(evg_ofile_commit(of, &e), 0);
    {
        char line[64];
        assert_non_null(fgets(line, sizeof line, reader));
        assert_string_equal(line, "through the pipe\n");
    }
    fclose(reader);
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    /* A symbolic link: the file it names is replaced, the link stays. */
    assert_int_equal(symlink("events.jsonl", link), 0);
    assert_int_equal(evg_ofile_open(&of, link, &e), 0);
    fputs("via the link\n", evg_ofile_stream(of));
    assert_int_equal(evg_ofile_commit(of, &e), 0);
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    got = th_read(fx->target, NULL);
    assert_string_equal(got, "via the link\n");
    free(got);
    /* A dangling link is replaced by the file. */
    assert_int_equal(symlink("no/such/file", dangling), 0);
    assert_int_equal(evg_ofile_open(&of, dangling, &e), 0);
    assert_int_equal(evg_ofile_commit(of, &e), 0);
    assert_int_equal(lstat(dangling, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    /* A directory, and no name at all, are refused at once. */
    assert_int_equal(evg_ofile_open(&of, fx->dir, &e), EVG_EIO);
    assert_null(of);
    assert_string_equal(e.source, fx->dir);
    assert_string_equal(e.text, "is a directory");
    assert_int_equal(evg_ofile_open(&of, "", &e), EVG_EINVAL);
    assert_null(of);
    assert_int_equal(th_count_entries(fx->dir, TH_TMP), 0);
    free(fifo);
    free(link);
    free(dangling);
}

static void test_ofile_stdout(void **state)
{
    evg_ofile *of = NULL;
    evg_error e;
    (void)state;

    assert_int_equal(evg_ofile_open(&of, "-", &e), 0);
    assert_ptr_equal(evg_ofile_stream(of), stdout);
    assert_int_equal(evg_ofile_commit(of, &e), 0);
    assert_int_equal(evg_ofile_open(&of, "-", &e), 0);
    evg_ofile_abort(of);
}

/* ---- the work window ---------------------------------------------------- */

typedef struct {
    size_t seq;
    uint64_t val;
    int times; /* how often the work ran on it */
    pthread_t who;
    char *owned; /* what the caller put in, for the clear test */
} wjob;

/* Work of uneven length, so that jobs finish out of order on several threads. */
static uint64_t mix(size_t seq)
{
    uint64_t h = seq + 1;
    for (size_t i = 0; i < 2000 * (seq % 7); i++)
        h = h * 6364136223846793005u + 1442695040888963407u;
    return h;
}

static void wjob_work(void *slot, void *payload)
{
    wjob *j = slot;
    (void)payload;
    j->val = mix(j->seq);
    j->times++;
    j->who = pthread_self();
}

/* Check the head job, then free its slot. Returns its sequence number. */
static size_t take_head(evg_i_window *w, size_t want)
{
    wjob *j = evg_i_window_wait(w);

    assert_non_null(j);
    assert_int_equal(j->seq, want);
    assert_int_equal(j->times, 1);
    assert_true(j->val == mix(want));
    free(j->owned);
    memset(j, 0, sizeof *j);
    evg_i_window_pop(w);
    return want;
}

static void test_window_hands_on_in_order(void **state)
{
    (void)state;
    for (unsigned threads = 1; threads <= 4; threads++) {
        evg_i_window w;
        size_t pushed = 0, taken = 0, caller_did = 0;
        wjob *j;

        assert_int_equal(evg_i_window_init(&w, 8, sizeof(wjob), threads, wjob_work, NULL),
                         0);
        assert_null(evg_i_window_head(&w));
        assert_null(evg_i_window_wait(&w));
        while (pushed < 400) {
            while ((j = evg_i_window_tail(&w)) == NULL) {
                assert_int_equal(evg_i_window_count(&w), 8);
                caller_did += pthread_equal(((wjob *)evg_i_window_wait(&w))->who,
                                            pthread_self()) != 0;
                take_head(&w, taken++);
            }
            j->seq = pushed++;
            evg_i_window_push(&w);
            while ((j = evg_i_window_head(&w)) != NULL) {
                caller_did += pthread_equal(j->who, pthread_self()) != 0;
                take_head(&w, taken++);
            }
        }
        while (evg_i_window_count(&w)) {
            caller_did +=
                pthread_equal(((wjob *)evg_i_window_wait(&w))->who, pthread_self()) != 0;
            take_head(&w, taken++);
        }
        assert_int_equal(taken, 400);
        if (threads == 1) /* no workers: the caller did every job */
            assert_int_equal(caller_did, 400);
        evg_i_window_free(&w, NULL);
    }
}

static int cleared;

static void wjob_clear(void *slot)
{
    wjob *j = slot;
    free(j->owned);
    j->owned = NULL;
    cleared++;
}

static void test_window_free_with_jobs_left(void **state)
{
    evg_i_window w;
    wjob *j;
    (void)state;

    cleared = 0;
    assert_int_equal(evg_i_window_init(&w, 4, sizeof(wjob), 3, wjob_work, NULL), 0);
    for (size_t i = 0; (j = evg_i_window_tail(&w)) != NULL; i++) {
        j->seq = i;
        j->owned = evg_i_strdup("held by the job");
        evg_i_window_push(&w);
    }
    assert_int_equal(evg_i_window_count(&w), 4);
    take_head(&w, 0); /* the rest stays: done, being done, or waiting */
    assert_int_equal(evg_i_window_count(&w), 3);
    evg_i_window_free(&w, wjob_clear); /* the leak checkers see what clear missed */
    assert_int_equal(cleared, 4);
    assert_null(w.slots);
    evg_i_window_free(&w, wjob_clear); /* twice is harmless */
    assert_int_equal(cleared, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_buf_grows_and_keeps_bytes),
        cmocka_unit_test(test_buf_put_nothing_still_terminates),
        cmocka_unit_test(test_buf_printf),
        cmocka_unit_test(test_buf_detach),
        cmocka_unit_test(test_buf_overflow_is_refused),
        cmocka_unit_test(test_grow_array),
        cmocka_unit_test(test_unique),
        cmocka_unit_test(test_strdup),
        cmocka_unit_test(test_arena_alignment_and_zero),
        cmocka_unit_test(test_arena_large_allocation),
        cmocka_unit_test(test_arena_strings),
        cmocka_unit_test(test_utf8_repair),
        cmocka_unit_test(test_utf8_repair_appends),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_appends),
        cmocka_unit_test(test_slug),
        cmocka_unit_test(test_slug_appends),
        cmocka_unit_test(test_date_valid),
        cmocka_unit_test(test_error_set_and_format),
        cmocka_unit_test(test_error_truncation),
        cmocka_unit_test(test_text_escape),
        cmocka_unit_test(test_status_str),
        cmocka_unit_test(test_diag),
        cmocka_unit_test(test_read_file),
        cmocka_unit_test_setup_teardown(test_ofile_commit_replaces, ofile_setup,
                                        ofile_teardown),
        cmocka_unit_test_setup_teardown(test_ofile_abort_keeps_old, ofile_setup,
                                        ofile_teardown),
        cmocka_unit_test_setup_teardown(test_ofile_missing_directory, ofile_setup,
                                        ofile_teardown),
        cmocka_unit_test_setup_teardown(test_ofile_commit_failure_cleans_up, ofile_setup,
                                        ofile_teardown),
        cmocka_unit_test_setup_teardown(test_ofile_two_writers, ofile_setup,
                                        ofile_teardown),
        cmocka_unit_test_setup_teardown(test_ofile_special_targets, ofile_setup,
                                        ofile_teardown),
        cmocka_unit_test(test_ofile_stdout),
        cmocka_unit_test(test_window_hands_on_in_order),
        cmocka_unit_test(test_window_free_with_jobs_left),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
