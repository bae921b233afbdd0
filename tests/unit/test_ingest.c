/* Unit tests of src/ingest: the article format and the walk over INPUT paths. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evgraph/ingest.h"
#include "ingest/ingest_internal.h"
#include "unit_helpers.h"

#define DATA EVG_TEST_DATA "/ingest/"

/* Parse `text` as an article named "t" read from "t.txt"; the status. */
static int parse(evg_article **a, const char *text, evg_error *e)
{
    memset(e, 0, sizeof *e);
    return evg_article_parse(a, "t", "t.txt", text, strlen(text), e);
}

/* ---- the article format -------------------------------------------------------- */

static void test_good_file(void **state)
{
    evg_article *a = NULL;
    evg_error e;
    size_t len = 0;
    char *raw = th_read(DATA "good.txt", &len);
    const char *first_nl = strchr(raw, '\n');
    (void)state;

    assert_int_equal(evg_article_read_file(&a, DATA "good.txt", &e), 0);
    assert_non_null(a);
    assert_string_equal(evg_article_id(a), "good");
    assert_string_equal(evg_article_path(a), DATA "good.txt");
    assert_string_equal(evg_article_date(a), "2024-03-14");
    assert_string_equal(
        evg_article_title(a),
        "Foreign Minister of Veloria receives the new Ambassador of Ostmark");
    /* The body starts right after the header line and the blank line. */
    assert_int_equal(first_nl[1], '\n');
    assert_string_equal(evg_article_body(a), first_nl + 2);
    assert_int_equal(evg_article_body_len(a), len - (size_t)(first_nl - raw) - 2);
    assert_memory_equal(evg_article_body(a), "Foreign Minister of Veloria Marek Dalvin",
                        40);
    assert_non_null(strstr(evg_article_body(a), "Ingrid Sæther"));
    assert_int_equal(evg_i_article_repairs(a, NULL), 0);
    evg_article_free(a);
    evg_article_free(NULL);
    free(raw);
}

static void test_bom_and_crlf(void **state)
{
    evg_article *plain = NULL, *bom = NULL, *crlf = NULL;
    evg_error e;
    (void)state;

    assert_int_equal(
        parse(&plain, "date 2024-01-05 Talks in Cardova\n\nLine one.\nLine two.\n", &e),
        0);
    assert_int_equal(parse(&bom,
                           "\xEF\xBB\xBF"
                           "date 2024-01-05 Talks in Cardova\n\nLine one.\nLine two.\n",
                           &e),
                     0);
    assert_int_equal(
        parse(&crlf, "date 2024-01-05 Talks in Cardova\r\n\r\nLine one.\r\nLine two.\r\n",
              &e),
        0);
    for (int i = 0; i < 2; i++) {
        const evg_article *x = i == 0 ? bom : crlf;
        assert_string_equal(evg_article_date(x), "2024-01-05");
        assert_string_equal(evg_article_title(x), "Talks in Cardova");
        assert_string_equal(evg_article_body(x), "Line one.\nLine two.\n");
        assert_int_equal(evg_article_body_len(x), evg_article_body_len(plain));
    }
    evg_article_free(plain);
    evg_article_free(bom);
    evg_article_free(crlf);

    /* A lone CR (old Mac line ends) also ends a line. */
    assert_int_equal(parse(&plain, "date 2024-01-05 Old\r\rA.\rB.", &e), 0);
    assert_string_equal(evg_article_title(plain), "Old");
    assert_string_equal(evg_article_body(plain), "A.\nB.");
    evg_article_free(plain);
}

static void test_blank_line_variants(void **state)
{
    evg_article *a = NULL;
    evg_error e;
    (void)state;

    /* No blank line after the header: the body is the next line on. */
    assert_int_equal(parse(&a, "date 2024-01-05 Title\nThe body starts here.\n", &e), 0);
    assert_string_equal(evg_article_body(a), "The body starts here.\n");
    evg_article_free(a);
    /* A "blank" line of spaces counts as the blank line. */
    assert_int_equal(parse(&a, "date 2024-01-05 Title\n  \t\nBody.\n", &e), 0);
    assert_string_equal(evg_article_body(a), "Body.\n");
    evg_article_free(a);
    /* Only one blank line is dropped; a second belongs to the body. */
    assert_int_equal(parse(&a, "date 2024-01-05 Title\n\n\nBody.", &e), 0);
    assert_string_equal(evg_article_body(a), "\nBody.");
    assert_int_equal(evg_article_body_len(a), 6);
    evg_article_free(a);
    /* A header alone: empty body; a date alone: empty headline. */
    assert_int_equal(parse(&a, "date 2024-01-05 Only a headline", &e), 0);
    assert_string_equal(evg_article_title(a), "Only a headline");
    assert_string_equal(evg_article_body(a), "");
    assert_int_equal(evg_article_body_len(a), 0);
    evg_article_free(a);
    assert_int_equal(parse(&a, "date\t2024-01-05   \n\nBody", &e), 0);
    assert_string_equal(evg_article_title(a), "");
    assert_string_equal(evg_article_body(a), "Body");
    evg_article_free(a);
}

static void test_indented_header(void **state)
{
    evg_article *a = NULL;
    evg_error e;
    (void)state;

    /* Some sources put a space before "date"; blank lines before it are skipped too. */
    assert_int_equal(evg_article_read_file(&a, DATA "indented_header.txt", &e), 0);
    assert_string_equal(evg_article_date(a), "2024-12-23");
    assert_string_equal(evg_article_title(a),
                        "Chief of General Staff hosts a delegation from Ostmark");
    assert_memory_equal(evg_article_body(a), "Chief of General Staff of Veloria", 33);
    evg_article_free(a);
    assert_int_equal(parse(&a, "\n  \n\tdate 2024-01-05 T\n\nB", &e), 0);
    assert_string_equal(evg_article_body(a), "B");
    evg_article_free(a);
    /* An error in such a header names the line it is on. */
    assert_int_equal(parse(&a, "\n\nMinisters met.\n", &e), EVG_EPARSE);
    assert_int_equal(e.line, 3);
}

static void test_seed_article(void **state)
{
    const char *path =
        EVG_SOURCE_DIR "/../shared/eval/seed/articles/000_5399b3df569d0065.txt";
    evg_article *a = NULL;
    evg_error e;
    (void)state;

    if (access(path, R_OK) != 0) {
        print_message("the seed article is absent (../shared): skipped\n");
        skip();
    }
    assert_int_equal(evg_article_read_file(&a, path, &e), 0);
    assert_string_equal(evg_article_id(a), "000_5399b3df569d0065");
    assert_string_equal(evg_article_date(a), "2024-12-23");
    assert_memory_equal(evg_article_title(a), "Azerbaijan", 10);
    assert_memory_equal(evg_article_body(a), "Photo:", 6);
    evg_article_free(a);
}

static void test_missing_date_line(void **state)
{
    evg_article *a = (evg_article *)&a;
    evg_error e;
    char msg[400];
    (void)state;

    assert_int_equal(evg_article_read_file(&a, DATA "missing_date.txt", &e), EVG_EPARSE);
    assert_null(a);
    assert_int_equal(e.code, EVG_EPARSE);
    assert_string_equal(e.source, DATA "missing_date.txt");
    assert_int_equal(e.line, 1);
    assert_string_equal(evg_error_format(msg, sizeof msg, &e),
                        DATA "missing_date.txt:1:1: expected a first line "
                             "'date YYYY-MM-DD headline'");
    assert_int_equal(evg_article_read_file(&a, DATA "impossible_date.txt", &e),
                     EVG_EPARSE);
    assert_string_equal(e.source, DATA "impossible_date.txt");
    assert_int_equal(e.line, 1);
    assert_int_equal(e.column, 6);
    assert_string_equal(e.text,
                        "invalid date '2023-02-29': expected a real date as YYYY-MM-DD");
}

static void test_dates(void **state)
{
    static const struct {
        const char *text;
        int ok;
    } cases[] = {
        {"date 2024-02-29 Leap day talks\n\nB", 1},
        {"date 2023-02-29 Not a leap year\n\nB", 0},
        {"date 2023-13-01 No such month\n\nB", 0},
        {"date 2023-02-30 No such day\n\nB", 0},
        {"date 2023-04-31 April has 30\n\nB", 0},
        {"date 2023-2-01 Short month\n\nB", 0},
        {"date 24-01-01 Short year\n\nB", 0},
        {"date 2023-01-011 Extra digit\n\nB", 0},
        {"date 2023-01-01x Glued headline\n\nB", 0},
        {"date 2023/01/01 Slashes\n\nB", 0},
        {"date\n\nB", 0},
        {"date \n\nB", 0},
        {"dated 2023-01-01 Not the keyword\n\nB", 0},
        {"Date 2023-01-01 Capitalised keyword\n\nB", 0},
        {"date\t2023-01-01\tTabs are blanks\n\nB", 1},
    };
    (void)state;

    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        evg_article *a = NULL;
        evg_error e;
        int rc = parse(&a, cases[i].text, &e);
        if (cases[i].ok) {
            assert_int_equal(rc, 0);
            assert_non_null(a);
        } else {
            assert_int_equal(rc, EVG_EPARSE);
            assert_null(a);
            assert_string_equal(e.source, "t.txt");
            assert_int_equal(e.line, 1);
        }
        evg_article_free(a);
    }
}

static void test_empty(void **state)
{
    evg_article *a = NULL;
    evg_error e;
    (void)state;

    assert_int_equal(parse(&a, "", &e), EVG_EPARSE);
    assert_null(a);
    assert_string_equal(e.text, "empty article");
    assert_int_equal(e.line, 1);
    assert_string_equal(e.source, "t.txt");
    assert_int_equal(parse(&a, "\n \n\t\n  ", &e), EVG_EPARSE);
    assert_string_equal(e.text, "empty article");
    assert_int_equal(parse(&a, "\xEF\xBB\xBF", &e), EVG_EPARSE);
    assert_string_equal(e.text, "empty article");
    assert_int_equal(evg_article_parse(&a, "t", NULL, NULL, 0, &e), EVG_EPARSE);
    /* Without a path the id is the error source. */
    assert_string_equal(e.source, "t");
    assert_int_equal(evg_article_parse(&a, "t", NULL, "", 0, NULL), EVG_EPARSE);
}

static void test_invalid_utf8_repaired(void **state)
{
    evg_article *a = NULL;
    evg_error e;
    int line = 0;
    (void)state;

    assert_int_equal(
        parse(&a, "date 2024-01-05 Caf\xE9 talks\n\nBody \xFF\xFE here\n", &e), 0);
    assert_string_equal(evg_article_title(a), "Caf\xEF\xBF\xBD talks");
    assert_string_equal(evg_article_body(a), "Body \xEF\xBF\xBD\xEF\xBF\xBD here\n");
    assert_int_equal(evg_i_article_repairs(a, &line), 3);
    assert_int_equal(line, 1);
    evg_article_free(a);
    /* The line of the first bad byte counts CR LF as one line end. */
    assert_int_equal(parse(&a, "date 2024-01-05 T\r\n\r\nfine\r\nbad \x80 byte\r\n", &e),
                     0);
    assert_int_equal(evg_i_article_repairs(a, &line), 1);
    assert_int_equal(line, 4);
    assert_string_equal(evg_article_body(a), "fine\nbad \xEF\xBF\xBD byte\n");
    evg_article_free(a);
    /* A NUL byte inside the body is replaced too: the body stays one C string. */
    assert_int_equal(
        evg_article_parse(&a, "t", NULL, "date 2024-01-05 T\n\na\0b", 22, &e), 0);
    assert_string_equal(evg_article_body(a), "a\xEF\xBF\xBD"
                                             "b");
    assert_int_equal(evg_article_body_len(a), 5);
    evg_article_free(a);
}

static void test_read_file_errors_and_ids(void **state)
{
    evg_article *a = NULL;
    evg_error e;
    evg_i_buf b = EVG_I_BUF_INIT;
    static const char *const ids[][2] = {
        {"a/b/c.txt", "c"},     {"2024.report.txt", "2024.report"}, {"noext", "noext"},
        {"dir.d/file", "file"}, {"x/.hidden", ".hidden"},           {"-", "-"},
    };
    (void)state;

    assert_int_equal(evg_article_read_file(&a, DATA "no-such-file.txt", &e), EVG_EIO);
    assert_null(a);
    assert_string_equal(e.source, DATA "no-such-file.txt");
    assert_non_null(strstr(e.text, "cannot open"));
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        evg_i_buf_clear(&b);
        assert_int_equal(evg_i_path_id(&b, ids[i][0]), 0);
        assert_string_equal(b.ptr, ids[i][1]);
    }
    evg_i_buf_free(&b);
}

/* ---- walking INPUT paths -------------------------------------------------------- */

#define MAX_SEEN 32
typedef struct {
    int n;
    char ids[MAX_SEEN][64];
    char sources[MAX_SEEN][64]; /* "" when the article has none */
    int stop_after;             /* 0: never stop */
} seen;

static int on_article(const evg_article *a, void *payload)
{
    seen *s = payload;

    if (s->n < MAX_SEEN) {
        snprintf(s->ids[s->n], sizeof s->ids[0], "%s", evg_article_id(a));
        snprintf(s->sources[s->n], sizeof s->sources[0], "%s",
                 evg_article_source(a) ? evg_article_source(a) : "");
    }
    s->n++;
    return s->stop_after && s->n >= s->stop_after ? EVG_ENOTFOUND : 0;
}

/* Write a small valid article `name` under `dir` (sub-directories must exist). */
static void put_article(const char *dir, const char *name, int day)
{
    char text[200], *path = th_join(dir, name);

    snprintf(text, sizeof text,
             "date 2024-05-%02d Envoys meet in Cardova\n\n"
             "The envoy of Ostmark met the Velorian deputy minister on day %d.\n",
             day, day);
    assert_int_equal(th_write_str(path, text), 0);
    free(path);
}

static void make_dir(const char *dir, const char *name)
{
    char *path = th_join(dir, name);

    assert_int_equal(mkdir(path, 0755), 0);
    free(path);
}

static int walk_setup(void **state)
{
    char *dir = th_mkdtemp();

    if (dir == NULL)
        return -1;
    *state = dir;
    return 0;
}

static int walk_teardown(void **state)
{
    th_rmtree(*state);
    free(*state);
    return 0;
}

static int walk(const char *const *paths, size_t n, seen *s, th_diags *d, size_t *failed)
{
    evg_ingest_opts opts = EVG_INGEST_OPTS_INIT;
    evg_error e;

    opts.on_diag = th_collect_diag;
    opts.diag_payload = d;
    memset(&e, 0, sizeof e);
    return evg_ingest_paths(failed, paths, n, &opts, on_article, s, &e);
}

static void test_walk_order_and_filter(void **state)
{
    const char *root = *state;
    const char *paths[1] = {root};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 99;
    /* Byte order of the full paths: "sub-2/" sorts before "sub/" ('-' < '/'). Ids are
     * the paths below the folder walked. */
    static const char *const order[] = {"a", "b", "sub-2/e-1", "sub/c", "sub/deeper/d"};

    put_article(root, "b.txt", 2);
    put_article(root, "a.txt", 1);
    put_article(root, "notes.md", 9);   /* not *.txt: ignored */
    put_article(root, ".draft.txt", 9); /* hidden: ignored */
    put_article(root, "UPPER.TXT", 9);  /* suffix is case-sensitive */
    make_dir(root, "sub");
    make_dir(root, "sub/deeper");
    make_dir(root, ".git");
    put_article(root, ".git/x.txt", 9); /* hidden directory: ignored */
    put_article(root, "sub/c.txt", 3);
    put_article(root, "sub/deeper/d.txt", 4);
    make_dir(root, "sub-2");
    put_article(root, "sub-2/e-1.txt", 5);
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    assert_int_equal(s.n, 5);
    for (int i = 0; i < 5; i++)
        assert_string_equal(s.ids[i], order[i]);
    assert_int_equal(failed, 0);
    assert_int_equal(d.n, 0);
}

static void test_walk_argument_order(void **state)
{
    const char *root = *state;
    char *x = th_join(root, "x"), *y = th_join(root, "y"),
         *md = th_join(root, "y/brief.md");
    const char *paths[3] = {y, x, md};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;

    make_dir(root, "x");
    make_dir(root, "y");
    put_article(root, "x/one.txt", 1);
    put_article(root, "y/two.txt", 2);
    put_article(root, "y/brief.md", 3);
    /* Inputs in the order given; a file named explicitly is read whatever its suffix. */
    assert_int_equal(walk(paths, 3, &s, &d, &failed), 0);
    assert_int_equal(s.n, 3);
    assert_string_equal(s.ids[0], "two");
    assert_string_equal(s.ids[1], "one");
    assert_string_equal(s.ids[2], "brief");
    free(x);
    free(y);
    free(md);
}

/* Write JSON Lines of one record without an id at `name` under `dir`. */
static void put_records(const char *dir, const char *name)
{
    char *path = th_join(dir, name);

    assert_int_equal(th_write_str(path,
                                  "{\"date\": \"2024-05-02\", \"title\": \"Talks\", "
                                  "\"text\": \"The envoy met the minister.\"}\n"),
                     0);
    free(path);
}

/* The id `rest` of the path `dir`/`rest`, as the walk gives it when names clash. */
static void assert_id_under(const char *got, const char *dir, const char *rest)
{
    char *want = th_join(dir, rest);

    assert_string_equal(got, want);
    free(want);
}

static void test_walk_same_name_in_two_folders(void **state)
{
    const char *root = *state;
    char *a = th_join(root, "feedA"), *b = th_join(root, "feedB");
    char *fa = th_join(root, "feedA/article.txt"), *top = th_join(root, "top.txt");
    const char *one[1] = {root}, *two[2] = {a, b}, *files[3] = {fa, top, fa};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;

    make_dir(root, "feedA");
    make_dir(root, "feedB");
    put_article(root, "feedA/article.txt", 1);
    put_article(root, "feedB/article.txt", 2);
    put_records(root, "feedA/news.jsonl");
    put_records(root, "feedB/news.jsonl");
    put_article(root, "top.txt", 3);
    /* One folder: each file by its path below it, records without an id after it. */
    assert_int_equal(walk(one, 1, &s, &d, &failed), 0);
    assert_int_equal(s.n, 5);
    assert_string_equal(s.ids[0], "feedA/article");
    assert_string_equal(s.ids[1], "feedA/news-line-1");
    assert_string_equal(s.ids[2], "feedB/article");
    assert_string_equal(s.ids[3], "feedB/news-line-1");
    assert_string_equal(s.ids[4], "top");
    /* Two folders holding the same names: each by its path as given. */
    memset(&s, 0, sizeof s);
    assert_int_equal(walk(two, 2, &s, &d, &failed), 0);
    assert_int_equal(s.n, 4);
    assert_id_under(s.ids[0], root, "feedA/article");
    assert_id_under(s.ids[1], root, "feedA/news-line-1");
    assert_id_under(s.ids[2], root, "feedB/article");
    assert_id_under(s.ids[3], root, "feedB/news-line-1");
    /* A file named alone keeps its file name; the same file twice, one id. */
    memset(&s, 0, sizeof s);
    assert_int_equal(walk(files, 3, &s, &d, &failed), 0);
    assert_int_equal(s.n, 3);
    assert_string_equal(s.ids[0], "article");
    assert_string_equal(s.ids[1], "top");
    assert_string_equal(s.ids[2], "article");
    assert_int_equal(failed, 0);
    assert_int_equal(d.n, 0);
    free(a);
    free(b);
    free(fa);
    free(top);
}

static void test_unique_ids(void **state)
{
    static const char *const given[][3] = {
        /* path, id before, id after */
        {"feedA/article.txt", "article", "feedA/article"},
        {"./feedB/article.txt", "article", "feedB/article"},
        {"notes/brief.txt", "brief", "notes/brief.txt"}, /* the same name but for */
        {"notes/brief.md", "brief", "notes/brief.md"},   /* the extension: whole paths */
        {"-", "stdin", "stdin"},
        {"stdin.txt", "stdin", "stdin.txt"},
        {"one.txt", "one", "one"},
        {"./one.txt", "one", "one"},                /* the same path: the same id */
        {"feedA/news.jsonl", "article", "article"}, /* records: another kind of id */
    };
    enum { N = sizeof given / sizeof given[0] };
    evg_i_input in[N];
    (void)state;

    for (size_t i = 0; i < N; i++) {
        in[i].path = evg_i_strdup(given[i][0]);
        in[i].id = evg_i_strdup(given[i][1]);
    }
    assert_int_equal(evg_i_unique_ids(in, N), 0);
    for (size_t i = 0; i < N; i++) {
        assert_string_equal(in[i].path, given[i][0]); /* input order kept */
        assert_string_equal(in[i].id, given[i][2]);
        free(in[i].path);
        free(in[i].id);
    }
}

static void test_walk_bad_article_goes_on(void **state)
{
    const char *root = *state;
    const char *paths[1] = {root};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;
    char *bad = th_join(root, "b-bad.txt");
    char msg[400], want[400];

    put_article(root, "a.txt", 1);
    assert_int_equal(
        th_write_str(bad, "Ministers met in Cardova.\n\nNo date line here.\n"), 0);
    put_article(root, "c.txt", 3);
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.ids[0], "a");
    assert_string_equal(s.ids[1], "c");
    assert_int_equal(failed, 1);
    assert_int_equal(d.n, 1);
    assert_int_equal(d.sev[0], EVG_SEV_ERROR);
    assert_int_equal(d.errs[0].code, EVG_EPARSE);
    assert_string_equal(d.errs[0].source, bad);
    assert_int_equal(d.errs[0].line, 1);
    snprintf(want, sizeof want,
             "%s:1:1: expected a first line 'date YYYY-MM-DD headline'", bad);
    assert_string_equal(evg_error_format(msg, sizeof msg, &d.errs[0]), want);
    free(bad);
}

static void test_walk_unreadable_file(void **state)
{
    const char *root = *state;
    const char *paths[1] = {root};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;
    char *locked = th_join(root, "locked.txt");

    /* root reads a file whatever its mode, so there is nothing to test as root. */
    if (geteuid() == 0) {
        print_message("running as root, which can read a mode-000 file: skipped\n");
        free(locked);
        skip();
    }
    put_article(root, "a.txt", 1);
    put_article(root, "locked.txt", 2);
    put_article(root, "z.txt", 3);
    assert_int_equal(chmod(locked, 0), 0);
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    assert_int_equal(s.n, 2);
    assert_int_equal(failed, 1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.errs[0].source, locked);
    assert_int_equal(d.errs[0].code, EVG_EIO);
    assert_non_null(strstr(d.errs[0].text, "cannot open"));
    free(locked);
}

static void test_walk_unreadable_directory(void **state)
{
    const char *root = *state;
    const char *paths[1] = {root};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;
    char *sub = th_join(root, "closed");

    if (geteuid() == 0) {
        print_message("running as root, which can list a mode-000 directory: skipped\n");
        free(sub);
        skip();
    }
    put_article(root, "a.txt", 1);
    make_dir(root, "closed");
    put_article(root, "closed/b.txt", 2);
    assert_int_equal(chmod(sub, 0), 0);
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    assert_int_equal(s.n, 1);
    assert_int_equal(failed, 1);
    assert_string_equal(d.errs[0].source, sub);
    assert_non_null(strstr(d.errs[0].text, "cannot open directory"));
    free(sub);
}

static void test_walk_symlink_loop(void **state)
{
    const char *root = *state;
    const char *paths[1] = {root};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;
    char *up = th_join(root, "sub/up"), *self = th_join(root, "self");
    char *l1 = th_join(root, "l1.txt"), *l2 = th_join(root, "l2.txt");

    make_dir(root, "sub");
    put_article(root, "sub/a.txt", 1);
    put_article(root, "b.txt", 2);
    assert_int_equal(symlink("..", up), 0);     /* sub/up -> root: a cycle */
    assert_int_equal(symlink(".", self), 0);    /* root/self -> root */
    assert_int_equal(symlink("l2.txt", l1), 0); /* links that point at each other */
    assert_int_equal(symlink("l1.txt", l2), 0);
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    /* Each real file once; each loop reported and skipped. */
    assert_int_equal(s.n, 2);
    assert_string_equal(s.ids[0], "b");
    assert_string_equal(s.ids[1], "sub/a");
    assert_int_equal(failed, 4);
    assert_int_equal(d.n, 4);
    assert_true(th_find_diag(&d, "/sub/up") >= 0);
    assert_true(th_find_diag(&d, "/self") >= 0);
    assert_non_null(strstr(d.errs[th_find_diag(&d, "/self")].text, "loop"));
    assert_true(th_find_diag(&d, "/l1.txt") >= 0);
    assert_true(th_find_diag(&d, "/l2.txt") >= 0);
    free(up);
    free(self);
    free(l1);
    free(l2);
}

static void test_walk_dangling_links(void **state)
{
    const char *root = *state;
    const char *paths[1] = {root};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;
    char *txt = th_join(root, "moved.txt"), *md = th_join(root, "moved.md");

    put_article(root, "a.txt", 1);
    assert_int_equal(symlink("nowhere/moved.txt", txt), 0);
    assert_int_equal(symlink("nowhere/moved.md", md), 0);
    /* A dangling link where an article was expected is reported; another is not. */
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    assert_int_equal(s.n, 1);
    assert_int_equal(failed, 1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.errs[0].source, txt);
    assert_non_null(strstr(d.errs[0].text, "cannot read"));
    free(txt);
    free(md);
}

static void test_walk_too_deep(void **state)
{
    const char *root = *state;
    const char *paths[1] = {root};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;
    char rel[400];
    size_t n = 0;

    /* 70 nested directories: the walk stops at 64 levels, reports, and goes on. */
    for (int i = 0; i < 70; i++) {
        n += (size_t)snprintf(rel + n, sizeof rel - n, "%s", i ? "/d" : "d");
        make_dir(root, rel);
        if (i == 2)
            put_article(root, "d/d/d/shallow.txt", 1);
    }
    snprintf(rel + n, sizeof rel - n, "/deep.txt");
    put_article(root, rel, 2);
    put_article(root, "top.txt", 3);
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.ids[0], "d/d/d/shallow");
    assert_string_equal(s.ids[1], "top");
    assert_int_equal(failed, 1);
    assert_int_equal(d.n, 1);
    assert_string_equal(d.errs[0].text, "directory nesting too deep; skipped");
}

static void test_walk_callback_stops(void **state)
{
    const char *root = *state;
    const char *paths[1] = {root};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;

    put_article(root, "a.txt", 1);
    put_article(root, "b.txt", 2);
    put_article(root, "c.txt", 3);
    s.stop_after = 2;
    assert_int_equal(walk(paths, 1, &s, &d, &failed), EVG_ENOTFOUND);
    assert_int_equal(s.n, 2);
    assert_string_equal(s.ids[1], "b");
}

static void test_walk_missing_and_repaired(void **state)
{
    const char *root = *state;
    char *missing = th_join(root, "gone"), *latin1 = th_join(root, "latin1.txt");
    const char *paths[2] = {missing, latin1};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;

    assert_int_equal(th_write_str(latin1, "date 2024-05-02 Talks\n\nThe minister of "
                                          "Ostmark, J\xF6rg Falk, met the envoy.\n"),
                     0);
    assert_int_equal(walk(paths, 2, &s, &d, &failed), 0);
    /* The missing input is an error; the repaired one a warning, and still read. */
    assert_int_equal(failed, 1);
    assert_int_equal(s.n, 1);
    assert_int_equal(d.n, 2);
    assert_string_equal(d.errs[0].source, missing);
    assert_int_equal(d.sev[0], EVG_SEV_ERROR);
    assert_string_equal(d.errs[1].source, latin1);
    assert_int_equal(d.sev[1], EVG_SEV_WARNING);
    assert_int_equal(d.errs[1].line, 3);
    assert_string_equal(d.errs[1].text, "invalid UTF-8 replaced by U+FFFD (1 byte)");
    free(missing);
    free(latin1);
}

static void test_walk_stdin(void **state)
{
    const char *root = *state;
    char *in = th_join(root, "stdin.txt");
    const char *paths[1] = {"-"};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;

    put_article(root, "stdin.txt", 7);
    assert_non_null(freopen(in, "rb", stdin));
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    assert_int_equal(s.n, 1);
    assert_string_equal(s.ids[0], "stdin");
    /* stdin is now at its end: a second "-" is an empty article from "<stdin>". */
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    assert_int_equal(failed, 1);
    assert_string_equal(d.errs[0].source, "<stdin>");
    assert_string_equal(d.errs[0].text, "empty article");
    free(in);
}

static void test_walk_without_options(void **state)
{
    const char *root = *state;
    char *missing = th_join(root, "gone.txt");
    const char *paths[2] = {root, missing};
    seen s = {0};

    put_article(root, "a.txt", 1);
    /* No options, no counters, no error struct: the walk still runs. */
    assert_int_equal(evg_ingest_paths(NULL, paths, 2, NULL, on_article, &s, NULL), 0);
    assert_int_equal(s.n, 1);
    free(missing);
}

static void test_walk_jsonl(void **state)
{
    const char *root = *state;
    char *path = th_join(root, "batch.jsonl");
    const char *paths[1] = {path};
    seen s = {0};
    th_diags d = {0};
    size_t failed = 0;

    assert_int_equal(
        th_write_str(path,
                     "{\"id\": \"v1\", \"date\": \"2024-05-01\", \"title\": \"Talks\", "
                     "\"source\": \"Ministry of Foreign Affairs of Ardania\", "
                     "\"text\": \"The envoy met the minister.\"}\n"
                     "\n"
                     "{\"id\": \"v2\", \"date\": \"2024-02-30\", \"text\": \"x\"}\n"
                     "not json at all\n"
                     "{\"id\": \"v3\", \"title\": 7, \"text\": \"x\"}\n"
                     "{\"id\": \"v4\"}\n"
                     "{\"id\": \"v5\", \"source\": [\"a\"], \"text\": \"x\"}\n"
                     "{\"date\": null, \"text\": \"No id, no date.\"}\n"),
        0);
    assert_int_equal(walk(paths, 1, &s, &d, &failed), 0);
    /* the good lines, in order; the unnamed one takes its line number */
    assert_int_equal(s.n, 2);
    assert_string_equal(s.ids[0], "v1");
    assert_string_equal(s.ids[1], "batch-line-8");
    /* who issued it, when the record says; nothing when it does not */
    assert_string_equal(s.sources[0], "Ministry of Foreign Affairs of Ardania");
    assert_string_equal(s.sources[1], "");
    /* each bad line reported with its line: impossible date, not JSON, wrong type, no
     * text, a source that is no string */
    assert_int_equal(failed, 5);
    assert_int_equal(d.n, 5);
    assert_int_equal(d.errs[0].line, 3);
    assert_int_equal(d.errs[1].line, 4);
    assert_int_equal(d.errs[2].line, 5);
    assert_int_equal(d.errs[3].line, 6);
    assert_non_null(strstr(d.errs[2].text, "title"));
    assert_non_null(strstr(d.errs[3].text, "text"));
    assert_int_equal(d.errs[4].line, 7);
    assert_non_null(strstr(d.errs[4].text, "source"));
    assert_non_null(strstr(d.errs[0].source, "batch.jsonl"));
    free(path);
}

#define WALK(t) cmocka_unit_test_setup_teardown(t, walk_setup, walk_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_good_file),
        cmocka_unit_test(test_bom_and_crlf),
        cmocka_unit_test(test_blank_line_variants),
        cmocka_unit_test(test_indented_header),
        cmocka_unit_test(test_seed_article),
        cmocka_unit_test(test_missing_date_line),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_invalid_utf8_repaired),
        cmocka_unit_test(test_read_file_errors_and_ids),
        cmocka_unit_test(test_unique_ids),
        WALK(test_walk_order_and_filter),
        WALK(test_walk_argument_order),
        WALK(test_walk_same_name_in_two_folders),
        WALK(test_walk_bad_article_goes_on),
        WALK(test_walk_unreadable_file),
        WALK(test_walk_unreadable_directory),
        WALK(test_walk_symlink_loop),
        WALK(test_walk_dangling_links),
        WALK(test_walk_too_deep),
        WALK(test_walk_callback_stops),
        WALK(test_walk_missing_and_repaired),
        WALK(test_walk_stdin),
        WALK(test_walk_without_options),
        WALK(test_walk_jsonl),
    };
    return cmocka_run_group_tests_name("ingest", tests, NULL, NULL);
}
