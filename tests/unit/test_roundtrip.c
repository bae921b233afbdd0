/*
 * What extraction writes, the events reader reads back, field for field:
 * each record of the sample articles and of articles dated at the ends of
 * the calendar is written, parsed with evg_doc_parse_json() (what `build`
 * does) and written again to the same bytes. A date past 9999-12-31
 * ("tomorrow" on the last day) once came out as "10000-01-0", which the
 * reader refuses: the article then dropped out of every later build.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph.h"
#include "model/doc_internal.h"
#include "unit_helpers.h"
#include "util/date.h"

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

/* Write the record of `a`, read it back and write it again: the same bytes. Returns
 * the number of events; every date read back is checked for a real YYYY-MM-DD. */
static size_t round_trip(const evg_article *a)
{
    evg_doc *d = NULL, *back = NULL;
    char *once = NULL, *twice = NULL;
    size_t n1 = 0, n2 = 0, nev;
    evg_error e;

    memset(&e, 0, sizeof e);
    assert_int_equal(evg_extract(&d, a, lx, NULL, &e), 0);
    assert_int_equal(evg_doc_to_json(&once, &n1, d, &e), 0);
    if (evg_doc_parse_json(&back, once, n1, evg_article_id(a), 1, &e) != 0)
        fail_msg("%s: the record does not read back: %s\n%s", evg_article_id(a), e.text,
                 once);
    assert_int_equal(evg_doc_to_json(&twice, &n2, back, &e), 0);
    assert_int_equal(n1, n2);
    assert_memory_equal(once, twice, n1);
    nev = evg_doc_event_count(back);
    for (size_t i = 0; i < nev; i++) {
        const char *date = evg_doc_event(back, i)->date;
        assert_true(date == NULL || evg_i_date_valid(date, strlen(date)));
    }
    evg_free(once);
    evg_free(twice);
    evg_doc_free(back);
    evg_doc_free(d);
    return nev;
}

/* The article `body` dated `date`; the dates of its events, in `dates` (NULL: none). */
static size_t dates_of(const char *date, const char *body, const char *dates[],
                       size_t max)
{
    char text[2048];
    evg_article *a = NULL;
    evg_doc *d = NULL;
    size_t n;

    snprintf(text, sizeof text, "date %s Ministers meet\n\n%s\n", date, body);
    assert_int_equal(evg_article_parse(&a, "edge", NULL, text, strlen(text), NULL), 0);
    assert_true(round_trip(a) > 0);
    assert_int_equal(evg_extract(&d, a, lx, NULL, NULL), 0);
    n = evg_doc_event_count(d);
    for (size_t i = 0; i < n && i < max; i++) {
        const char *s = evg_doc_event(d, i)->date;
        dates[i] = s ? (strcmp(s, "9999-12-31") == 0 ? "9999-12-31" : "other") : NULL;
    }
    evg_doc_free(d);
    evg_article_free(a);
    return n;
}

static void test_last_day_of_the_calendar(void **state)
{
    const char *dates[4];
    (void)state;

    /* Past the last day: no date (a time the record cannot hold), never a broken one. */
    assert_int_equal(
        dates_of("9999-12-31",
                 "Minister of the Interior of Ardania Kadri Lepik will meet Belmont's "
                 "Minister of the Interior Antti Rautio in Valmora tomorrow.",
                 dates, 4),
        1);
    assert_null(dates[0]);
    assert_true(
        dates_of("9999-12-31",
                 "Minister of the Interior of Ardania Kadri Lepik will visit Valmora "
                 "on Monday for talks with Belmont's Minister of the Interior Antti "
                 "Rautio.",
                 dates, 4) >= 1);
    assert_null(dates[0]);
    assert_int_equal(
        dates_of("9999-12-31",
                 "Minister of the Interior of Ardania Kadri Lepik is due to hold "
                 "talks with Belmont's Minister of the Interior Antti Rautio on "
                 "January 5.",
                 dates, 4),
        1);
    assert_null(dates[0]);
    /* The last day itself is a date like any other. */
    assert_int_equal(
        dates_of("9999-12-31",
                 "Minister of the Interior of Ardania Kadri Lepik met Belmont's "
                 "Minister of the Interior Antti Rautio in Valmora today.",
                 dates, 4),
        1);
    assert_string_equal(dates[0], "9999-12-31");
    /* Before the first day: no date either. */
    assert_int_equal(
        dates_of("0001-01-01",
                 "Minister of the Interior of Ardania Kadri Lepik met Belmont's "
                 "Minister of the Interior Antti Rautio in Valmora yesterday.",
                 dates, 4),
        1);
    assert_null(dates[0]);
}

/* Every article of `dir` ("*.txt"): each record reads back. */
static size_t round_trip_folder(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t files = 0;

    assert_non_null(d);
    while ((de = readdir(d)) != NULL) {
        size_t n = strlen(de->d_name);
        char *path;
        evg_article *a = NULL;
        if (n < 5 || strcmp(de->d_name + n - 4, ".txt") != 0)
            continue;
        path = th_join(dir, de->d_name);
        assert_int_equal(evg_article_read_file(&a, path, NULL), 0);
        round_trip(a);
        evg_article_free(a);
        free(path);
        files++;
    }
    closedir(d);
    return files;
}

static void test_sample_articles_read_back(void **state)
{
    (void)state;
    assert_true(round_trip_folder(EVG_SOURCE_DIR "/examples/articles") > 0);
}

static void test_unwritable_dates_refused(void **state)
{
    evg_doc *d = NULL;
    evg_event ev;
    char *line = (char *)&line;
    evg_error e;
    (void)state;

    /* A record with a date the reader would refuse is not written at all. */
    assert_int_equal(evg_i_doc_new(&d, "far", NULL, "9999-12-31", "Talks", NULL), 0);
    memset(&ev, 0, sizeof ev);
    ev.id = "far#1";
    ev.type = EVG_EV_MEETING;
    ev.status = EVG_STATUS_PLANNED;
    ev.date = "10000-01-01";
    assert_int_equal(evg_i_doc_add_event(d, &ev, NULL), 0);
    memset(&e, 0, sizeof e);
    assert_int_equal(evg_doc_to_json(&line, NULL, d, &e), EVG_EINVAL);
    assert_null(line);
    assert_string_equal(e.source, "far");
    assert_non_null(strstr(e.text, "events[0].date '10000-01-01'"));
    evg_doc_free(d);
    assert_int_equal(evg_i_doc_new(&d, "old", NULL, "2023-02-29", "Talks", NULL), 0);
    assert_int_equal(evg_doc_to_json(&line, NULL, d, &e), EVG_EINVAL);
    assert_non_null(strstr(e.text, "doc.date"));
    evg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_last_day_of_the_calendar),
        cmocka_unit_test(test_sample_articles_read_back),
        cmocka_unit_test(test_unwritable_dates_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
