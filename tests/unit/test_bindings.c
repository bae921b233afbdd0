/*
 * What bindings use (the public headers only): the opts_init
 * functions give what the _INIT macros give, the accessors read what the
 * structs hold, and the buffer writers write what the FILE * writers write.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "evgraph.h"

/* fn(&a, VERSION) fills what INIT gives; another version or NULL is EVG_EINVAL. */
#define CHECK_INIT(fn, type, VERSION, INIT)                                              \
    do {                                                                                 \
        type a, b = INIT;                                                                \
        memset(&a, 0x5A, sizeof a);                                                      \
        assert_int_equal(fn(&a, (VERSION) + 1), EVG_EINVAL);                             \
        assert_int_equal(fn(NULL, (VERSION)), EVG_EINVAL);                               \
        assert_int_equal(fn(&a, (VERSION)), 0);                                          \
        assert_int_equal(a.version, (VERSION));                                          \
        assert_int_equal(b.version, (VERSION));                                          \
        check_same_##type(&a, &b);                                                       \
    } while (0)

static void check_same_evg_analysis_opts(const evg_analysis_opts *a,
                                         const evg_analysis_opts *b)
{
    assert_int_equal(a->measures, b->measures);
    assert_true(a->betweenness_cutoff == b->betweenness_cutoff);
}
static void check_same_evg_layout_opts(const evg_layout_opts *a, const evg_layout_opts *b)
{
    assert_int_equal(a->seed, b->seed);
}
static void check_same_evg_build_opts(const evg_build_opts *a, const evg_build_opts *b)
{
    assert_int_equal(a->view, b->view);
    assert_int_equal(a->max_meeting_people, b->max_meeting_people);
}
static void check_same_evg_query_request(const evg_query_request *a,
                                         const evg_query_request *b)
{
    assert_int_equal(a->command, b->command);
    assert_int_equal(a->limit, b->limit);
    assert_int_equal(a->depth, b->depth);
    assert_null(a->subject);
}
/* The others hold pointers and zeros only: a pointer field NULL is what to check. */
#define SAME_FIRST_POINTER(type, field)                                                  \
    static void check_same_##type(const type *a, const type *b)                          \
    {                                                                                    \
        assert_ptr_equal(a->field, b->field);                                            \
    }
SAME_FIRST_POINTER(evg_read_opts, on_progress)
SAME_FIRST_POINTER(evg_export_opts, layout)
SAME_FIRST_POINTER(evg_ingest_opts, on_diag)
SAME_FIRST_POINTER(evg_query_load_opts, aliases)
SAME_FIRST_POINTER(evg_report_opts, title)
SAME_FIRST_POINTER(evg_extract_run_opts, on_diag)
static void check_same_evg_extract_opts(const evg_extract_opts *a,
                                        const evg_extract_opts *b)
{
    assert_int_equal(a->keep_empty, b->keep_empty);
}

static void opts_init_match_macros(void **state)
{
    (void)state;
    CHECK_INIT(evg_analysis_opts_init, evg_analysis_opts, EVG_ANALYSIS_OPTS_VERSION,
               EVG_ANALYSIS_OPTS_INIT);
    CHECK_INIT(evg_layout_opts_init, evg_layout_opts, EVG_LAYOUT_OPTS_VERSION,
               EVG_LAYOUT_OPTS_INIT);
    CHECK_INIT(evg_read_opts_init, evg_read_opts, EVG_READ_OPTS_VERSION,
               EVG_READ_OPTS_INIT);
    CHECK_INIT(evg_export_opts_init, evg_export_opts, EVG_EXPORT_OPTS_VERSION,
               EVG_EXPORT_OPTS_INIT);
    CHECK_INIT(evg_extract_opts_init, evg_extract_opts, EVG_EXTRACT_OPTS_VERSION,
               EVG_EXTRACT_OPTS_INIT);
    CHECK_INIT(evg_extract_run_opts_init, evg_extract_run_opts,
               EVG_EXTRACT_RUN_OPTS_VERSION, EVG_EXTRACT_RUN_OPTS_INIT);
    CHECK_INIT(evg_build_opts_init, evg_build_opts, EVG_BUILD_OPTS_VERSION,
               EVG_BUILD_OPTS_INIT);
    CHECK_INIT(evg_ingest_opts_init, evg_ingest_opts, EVG_INGEST_OPTS_VERSION,
               EVG_INGEST_OPTS_INIT);
    CHECK_INIT(evg_query_load_opts_init, evg_query_load_opts, EVG_QUERY_LOAD_OPTS_VERSION,
               EVG_QUERY_LOAD_OPTS_INIT);
    CHECK_INIT(evg_query_request_init, evg_query_request, EVG_QUERY_REQUEST_VERSION,
               EVG_QUERY_REQUEST_INIT);
    CHECK_INIT(evg_report_opts_init, evg_report_opts, EVG_REPORT_OPTS_VERSION,
               EVG_REPORT_OPTS_INIT);
}

/* An invented record: two ministers meet at a signing, a country takes part as such. */
static const char RECORD[] =
    "{\"doc\":{\"id\":\"velmora\",\"date\":\"2031-04-02\"},\"entities\":["
    "{\"id\":\"person:tomas-vandrell\",\"type\":\"person\",\"name\":\"Tomas Vandrell\","
    "\"titles\":[\"Foreign Minister\"],\"country\":\"FRA\"},"
    "{\"id\":\"person:ilse-korrath\",\"type\":\"person\",\"name\":\"Ilse Korrath\"},"
    "{\"id\":\"country:DEU\",\"type\":\"country\",\"name\":\"Germany\"},"
    "{\"id\":\"agreement:river-accord\",\"type\":\"agreement\",\"name\":\"River Accord\","
    "\"kind\":\"accord\"}],"
    "\"events\":[{\"id\":\"velmora#1\",\"type\":\"signing\",\"date\":\"2031-04-02\","
    "\"place\":\"Velmora\",\"participants\":[{\"entity\":\"person:tomas-vandrell\","
    "\"role\":\"host\"},{\"entity\":\"person:ilse-korrath\",\"role\":\"guest\"}],"
    "\"parties\":[{\"entity\":\"country:DEU\",\"role\":\"guest\",\"title\":\"envoy\"}],"
    "\"agreements\":[{\"entity\":\"agreement:river-accord\",\"relation\":\"signed\"}],"
    "\"evidence\":[{\"start\":3,\"end\":40,\"text\":\"They signed the River "
    "Accord.\"}]}]}";

static evg_doc *record(void)
{
    evg_doc *d = NULL;
    evg_error err;

    if (evg_doc_parse_json(&d, RECORD, strlen(RECORD), "test", 1, &err) < 0)
        fail_msg("%s", err.text);
    return d;
}

static void accessors_read_the_fields(void **state)
{
    evg_doc *d = record();
    const evg_entity *e = evg_doc_find_entity(d, "person:tomas-vandrell");
    const evg_event *ev = evg_doc_event(d, 0);
    evg_role role = EVG_ROLE_PARTICIPANT;
    evg_agreement_rel rel = EVG_REL_REFERENCED;
    const char *title = NULL;
    size_t start = 0, end = 0;

    (void)state;
    assert_string_equal(evg_entity_get_id(e), e->id);
    assert_int_equal(evg_entity_get_type(e), EVG_ENT_PERSON);
    assert_string_equal(evg_entity_get_name(e), "Tomas Vandrell");
    assert_string_equal(evg_entity_get_country(e), "FRA");
    assert_null(evg_entity_get_org(e));
    assert_int_equal(evg_entity_title_count(e), 1);
    assert_string_equal(evg_entity_title(e, 0), "Foreign Minister");
    assert_null(evg_entity_title(e, 1));
    assert_string_equal(
        evg_entity_get_kind(evg_doc_find_entity(d, "agreement:river-accord")), "accord");

    assert_string_equal(evg_event_get_id(ev), "velmora#1");
    assert_int_equal(evg_event_get_type(ev), EVG_EV_SIGNING);
    assert_int_equal(evg_event_get_status(ev), EVG_STATUS_REPORTED);
    assert_string_equal(evg_event_get_date(ev), "2031-04-02");
    assert_string_equal(evg_event_get_place(ev), "Velmora");
    assert_int_equal(evg_event_participant_count(ev), 2);
    assert_string_equal(evg_event_participant(ev, 1, &role), "person:ilse-korrath");
    assert_int_equal(role, EVG_ROLE_GUEST);
    assert_null(evg_event_participant(ev, 2, &role));
    assert_int_equal(evg_event_party_count(ev), 1);
    assert_string_equal(evg_event_party(ev, 0, &role, &title), "country:DEU");
    assert_string_equal(title, "envoy");
    assert_int_equal(evg_event_agreement_count(ev), 1);
    assert_string_equal(evg_event_agreement(ev, 0, &rel), "agreement:river-accord");
    assert_int_equal(rel, EVG_REL_SIGNED);
    assert_int_equal(evg_event_evidence_count(ev), 1);
    assert_string_equal(evg_event_evidence(ev, 0, &start, &end),
                        "They signed the River Accord.");
    assert_int_equal(start, 3);
    assert_int_equal(end, 40);

    assert_null(evg_entity_get_id(NULL));
    assert_int_equal(evg_event_participant_count(NULL), 0);
    assert_null(evg_event_evidence(NULL, 0, NULL, NULL));
    evg_doc_free(d);
}

/* The bytes `f` holds from its start, NUL-terminated; free() them. */
static char *slurp(FILE *f, size_t *len)
{
    long n;
    char *s;

    assert_int_equal(fflush(f), 0);
    n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    *len = (size_t)n;
    return s;
}

static void same_bytes(char *buf, size_t blen, FILE *f)
{
    size_t flen;
    char *want = slurp(f, &flen);

    assert_true(flen > 0);
    assert_int_equal(blen, flen);
    assert_memory_equal(buf, want, flen);
    assert_int_equal(buf[blen], '\0');
    free(want);
    evg_free(buf);
    fclose(f);
}

static void buffers_hold_what_files_get(void **state)
{
    evg_corpus *c = NULL;
    evg_graph *full = NULL, *people = NULL;
    evg_scores *s = NULL;
    evg_query *q = NULL;
    evg_query_result *r = NULL;
    evg_report *rep = NULL;
    evg_build_opts bo = EVG_BUILD_OPTS_INIT;
    evg_export_opts eo = EVG_EXPORT_OPTS_INIT;
    evg_query_request req = EVG_QUERY_REQUEST_INIT;
    evg_error err;
    char *buf = NULL;
    size_t len = 0;
    FILE *f;

    (void)state;
    assert_int_equal(evg_corpus_new(&c, &err), 0);
    assert_int_equal(evg_corpus_add_doc(c, record(), &err), 0);
    assert_int_equal(evg_graph_build(&full, c, &bo, &err), 0);
    bo.view = EVG_VIEW_PEOPLE;
    assert_int_equal(evg_graph_build(&people, c, &bo, &err), 0);
    assert_int_equal(evg_scores_compute(&s, people, NULL, &err), 0);

    for (int fmt = EVG_FMT_GRAPHML; fmt <= EVG_FMT_JSON; fmt++) {
        eo.format = (evg_format)fmt;
        assert_int_equal(evg_export_to_buffer(&buf, &len, people, s, &eo, &err), 0);
        assert_non_null(f = tmpfile());
        assert_int_equal(evg_export(f, people, s, &eo, &err), 0);
        same_bytes(buf, len, f);
    }

    assert_int_equal(evg_report_new(&rep, c, full, people, s, NULL, &err), 0);
    assert_int_equal(
        evg_report_write_buffer(&buf, &len, rep, EVG_REPORT_HTML, NULL, &err), 0);
    assert_non_null(f = tmpfile());
    assert_int_equal(evg_report_write(f, rep, EVG_REPORT_HTML, NULL, &err), 0);
    same_bytes(buf, len, f);
    evg_report_free(rep); /* it borrows `full`, which the query takes */

    assert_int_equal(evg_query_new(&q, full, &err), 0);
    full = NULL; /* the query owns it */
    req.command = EVG_QUERY_MEETINGS;
    assert_int_equal(evg_query_run(&r, q, &req, &err), 0);
    for (int fmt = EVG_QUERY_TABLE; fmt <= EVG_QUERY_TSV; fmt++) {
        assert_int_equal(
            evg_query_result_write_buffer(&buf, &len, r, (evg_query_format)fmt, &err), 0);
        assert_non_null(f = tmpfile());
        assert_int_equal(evg_query_result_write(f, r, (evg_query_format)fmt, &err), 0);
        same_bytes(buf, len, f);
    }

    evg_query_result_free(r);
    evg_query_free(q);
    evg_scores_free(s);
    evg_graph_free(people);
    evg_graph_free(full);
    evg_corpus_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(opts_init_match_macros),
        cmocka_unit_test(accessors_read_the_fields),
        cmocka_unit_test(buffers_hold_what_files_get),
    };
    evg_global_init();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
