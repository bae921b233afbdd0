/* Unit tests of src/model: the event record and its JSON Lines form. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evgraph/doc.h"
#include "model/doc_internal.h"
#include "unit_helpers.h"

#define RECORD EVG_TEST_DATA "/doc/record.jsonl"

static const char EVIDENCE1[] =
    "Foreign Minister of Veloria Marek Dalvin on Thursday received the newly appointed "
    "Ambassador of the Republic of Ostmark, Ingrid Sæther, at the ministry in Cardova.";
static const char EVIDENCE3[] =
    "The sides discussed the implementation of the \"Cardova Memorandum\" on Trade and "
    "Transit,\ta tab and a backslash \\ for escaping.";

static void add_entity(evg_doc *d, evg_entity_type type, const char *id, const char *name,
                       const char *country, const char *org, const char *kind,
                       const char *const *titles, size_t ntitles)
{
    evg_entity e;

    memset(&e, 0, sizeof e);
    e.id = id;
    e.type = type;
    e.name = name;
    e.country = country;
    e.org = org;
    e.kind = kind;
    e.titles = titles;
    e.ntitles = ntitles;
    assert_int_equal(evg_i_doc_add_entity(d, &e, NULL), 0);
}

static void add_entities(evg_doc *d)
{
    static const char *const t1[] = {"Foreign Minister"};
    static const char *const t2[] = {"Ambassador"};
    static const char *const t3[] = {"Army General", "Commander of the Land Forces"};

    add_entity(d, EVG_ENT_PERSON, "person:marek-dalvin", "Marek Dalvin", "XVL", NULL,
               NULL, t1, 1);
    add_entity(d, EVG_ENT_PERSON, "person:ingrid-saether", "Ingrid Sæther", "XOS", NULL,
               NULL, t2, 1);
    add_entity(d, EVG_ENT_PERSON, "person:kerem-aydin", "Kerem Aydın", "XOS",
               "org:ostmark-land-forces", NULL, t3, 2);
    add_entity(d, EVG_ENT_ORGANIZATION, "org:ostmark-land-forces", "Ostmark Land Forces",
               "XOS", NULL, NULL, NULL, 0);
    add_entity(d, EVG_ENT_COUNTRY, "country:XOS", "Republic of Ostmark", NULL, NULL, NULL,
               NULL, 0);
    add_entity(d, EVG_ENT_AGREEMENT, "agreement:cardova-memorandum",
               "Cardova Memorandum on Trade and Transit", NULL, NULL, "memorandum", NULL,
               0);
    /* a place: the city it is in (itself), the country it lies in */
    evg_entity place = {.id = "place:cardova",
                        .type = EVG_ENT_PLACE,
                        .name = "Cardova",
                        .country = "XVL",
                        .city = "Cardova"};
    assert_int_equal(evg_i_doc_add_entity(d, &place, NULL), 0);
}

static void add_events(evg_doc *d)
{
    evg_participant p1[] = {{"person:marek-dalvin", EVG_ROLE_HOST},
                            {"person:ingrid-saether", EVG_ROLE_GUEST}};
    evg_participant p2[] = {{"person:marek-dalvin", EVG_ROLE_PARTICIPANT},
                            {"person:kerem-aydin", EVG_ROLE_PARTICIPANT}};
    evg_participant p3[] = {{"person:ingrid-saether", EVG_ROLE_PARTICIPANT}};
    /* the other side: a state, and a body through an official the text does not name */
    evg_party y3[] = {{"country:XOS", EVG_ROLE_PARTICIPANT, NULL},
                      {"org:ostmark-land-forces", EVG_ROLE_GUEST, "Deputy Commander"}};
    evg_agreement_ref a1[] = {{"agreement:cardova-memorandum", EVG_REL_REFERENCED}};
    evg_agreement_ref a3[] = {{"agreement:cardova-memorandum", EVG_REL_SIGNED}};
    evg_evidence e1[] = {{0, 164, EVIDENCE1}};
    evg_evidence e3[] = {{166, 305, EVIDENCE3}};
    evg_event ev;

    memset(&ev, 0, sizeof ev);
    ev = (evg_event){.id = "veloria-ostmark-001#1",
                     .type = EVG_EV_MEETING,
                     .status = EVG_STATUS_REPORTED,
                     .date = "2024-03-14",
                     .place = "Cardova",
                     .place_id = "place:cardova",
                     .participants = p1,
                     .nparticipants = 2,
                     .agreements = a1,
                     .nagreements = 1,
                     .evidence = e1,
                     .nevidence = 1,
                     .date_source = "text"};
    assert_int_equal(evg_i_doc_add_event(d, &ev, NULL), 0);
    ev = (evg_event){.id = "veloria-ostmark-001#2",
                     .type = EVG_EV_CALL,
                     .status = EVG_STATUS_PLANNED,
                     .participants = p2,
                     .nparticipants = 2};
    assert_int_equal(evg_i_doc_add_event(d, &ev, NULL), 0);
    ev = (evg_event){.id = "veloria-ostmark-001#3",
                     .type = EVG_EV_SIGNING,
                     .status = EVG_STATUS_REPORTED,
                     .date = "2024-03-13",
                     .place = "Cardova",
                     .place_id = "place:cardova",
                     .participants = p3,
                     .nparticipants = 1,
                     .parties = y3,
                     .nparties = 2,
                     .agreements = a3,
                     .nagreements = 1,
                     .evidence = e3,
                     .nevidence = 1,
                     .date_source = "text"};
    assert_int_equal(evg_i_doc_add_event(d, &ev, NULL), 0);
}

static evg_doc *build_doc(void)
{
    evg_doc *d = NULL;
    char title[] = "Foreign Minister of Veloria receives the new Ambassador of Ostmark";

    assert_int_equal(evg_i_doc_new(&d, "veloria-ostmark-001",
                                   "articles/veloria-ostmark-001.txt", "2024-03-14",
                                   title, NULL),
                     0);
    /* The doc copies: changing the caller's string afterwards changes nothing. */
    title[0] = 'X';
    add_entities(d);
    add_events(d);
    return d;
}

/* ---- writing and the round trip ---------------------------------------------- */

static void test_write_matches_record(void **state)
{
    evg_doc *d = build_doc();
    char *line = NULL, *want = th_read(RECORD, NULL);
    size_t len = 0;
    (void)state;

    assert_non_null(want);
    assert_int_equal(evg_doc_to_json(&line, &len, d, NULL), 0);
    assert_int_equal(len, strlen(line));
    assert_int_equal(line[len - 1], '\n');
    assert_string_equal(line, want);
    evg_free(line);
    free(want);
    evg_doc_free(d);
}

static void test_round_trip_is_byte_identical(void **state)
{
    char *want = th_read(RECORD, NULL), *once = NULL, *twice = NULL;
    evg_doc *d = NULL, *d2 = NULL;
    size_t n1 = 0, n2 = 0;
    evg_error e;
    (void)state;

    assert_int_equal(evg_doc_parse_json(&d, want, strlen(want), "record.jsonl", 1, &e),
                     0);
    assert_int_equal(evg_doc_to_json(&once, &n1, d, &e), 0);
    assert_string_equal(once, want);
    assert_int_equal(evg_doc_parse_json(&d2, once, n1, "once", 1, &e), 0);
    assert_int_equal(evg_doc_to_json(&twice, &n2, d2, &e), 0);
    assert_int_equal(n1, n2);
    assert_memory_equal(once, twice, n1);
    evg_free(once);
    evg_free(twice);
    evg_doc_free(d);
    evg_doc_free(d2);
    free(want);
}

/*
 * The optional "url" and "source" of a document (where a JSON Lines article
 * was published) are read, written after "title" and read back; a record
 * without them is written without them, as before.
 */
static void test_origin_round_trip(void **state)
{
    static const char with[] =
        "{\"doc\":{\"id\":\"d1\",\"path\":null,\"date\":\"2025-03-04\",\"title\":\"t\","
        "\"url\":\"https://paper.example/a?b=1&c=<2>\",\"source\":\"Harbour Gazette\"},"
        "\"entities\":[],\"events\":[]}\n";
    static const char without[] = "{\"doc\":{\"id\":\"d2\",\"path\":null,\"date\":null,"
                                  "\"title\":null},\"entities\":[],\"events\":[]}\n";
    evg_doc *d = NULL, *d2 = NULL;
    char *line = NULL;
    size_t n = 0;
    evg_error e;
    (void)state;

    assert_int_equal(evg_doc_parse_json(&d, with, strlen(with), "w", 1, &e), 0);
    assert_string_equal(evg_doc_url(d), "https://paper.example/a?b=1&c=<2>");
    assert_string_equal(evg_doc_source(d), "Harbour Gazette");
    assert_int_equal(evg_doc_to_json(&line, &n, d, &e), 0);
    assert_string_equal(line, with);
    evg_free(line);
    assert_int_equal(evg_doc_parse_json(&d2, without, strlen(without), "w", 2, &e), 0);
    assert_null(evg_doc_url(d2));
    assert_null(evg_doc_source(d2));
    assert_int_equal(evg_doc_to_json(&line, &n, d2, &e), 0);
    assert_string_equal(line, without);
    evg_free(line);
    evg_doc_free(d);
    evg_doc_free(d2);
    /* not a string: the record is refused, naming the field */
    assert_int_equal(evg_doc_parse_json(&d,
                                        "{\"doc\":{\"id\":\"x\",\"url\":3},"
                                        "\"entities\":[],\"events\":[]}",
                                        52, "w", 3, &e),
                     EVG_EPARSE);
    assert_non_null(strstr(e.text, "url"));
}

static void test_parsed_fields(void **state)
{
    char *text = th_read(RECORD, NULL);
    evg_doc *d = NULL;
    const evg_entity *p;
    const evg_event *ev;
    evg_error e;
    (void)state;

    assert_int_equal(evg_doc_parse_json(&d, text, strlen(text), "record.jsonl", 1, &e),
                     0);
    free(text); /* the doc owns copies of everything */
    assert_string_equal(evg_doc_id(d), "veloria-ostmark-001");
    assert_string_equal(evg_doc_path(d), "articles/veloria-ostmark-001.txt");
    assert_string_equal(evg_doc_date(d), "2024-03-14");
    assert_int_equal(evg_doc_entity_count(d), 7);
    p = evg_doc_find_entity(d, "person:kerem-aydin");
    assert_ptr_equal(p, evg_doc_entity(d, 2));
    assert_string_equal(p->name, "Kerem Aydın");
    assert_int_equal(p->type, EVG_ENT_PERSON);
    assert_int_equal(p->ntitles, 2);
    assert_string_equal(p->titles[1], "Commander of the Land Forces");
    assert_string_equal(p->org, "org:ostmark-land-forces");
    assert_null(evg_doc_entity(d, 0)->org);
    assert_string_equal(evg_doc_entity(d, 5)->kind, "memorandum");
    assert_null(evg_doc_find_entity(d, "person:nobody"));
    assert_int_equal(evg_doc_event_count(d), 3);
    ev = evg_doc_event(d, 0);
    assert_int_equal(ev->type, EVG_EV_MEETING);
    assert_int_equal(ev->participants[0].role, EVG_ROLE_HOST);
    assert_int_equal(ev->participants[1].role, EVG_ROLE_GUEST);
    assert_int_equal(ev->agreements[0].relation, EVG_REL_REFERENCED);
    assert_int_equal(ev->evidence[0].end, 164);
    assert_string_equal(ev->evidence[0].text, EVIDENCE1);
    /* the place entity the event names, by its own id; its city and country */
    assert_ptr_equal(ev->place_id, evg_doc_entity(d, 6)->id);
    assert_string_equal(evg_doc_entity(d, 6)->city, "Cardova");
    assert_string_equal(evg_doc_entity(d, 6)->country, "XVL");
    assert_null(evg_doc_entity(d, 0)->city);
    ev = evg_doc_event(d, 1);
    assert_int_equal(ev->type, EVG_EV_CALL);
    assert_int_equal(ev->status, EVG_STATUS_PLANNED);
    assert_null(ev->date);
    assert_null(ev->place);
    assert_null(ev->place_id);
    assert_int_equal(ev->nagreements, 0);
    assert_int_equal(ev->nevidence, 0);
    assert_int_equal(ev->nparties, 0);
    ev = evg_doc_event(d, 2);
    assert_int_equal(ev->nparties, 2);
    assert_string_equal(ev->parties[0].entity, "country:XOS");
    assert_null(ev->parties[0].title);
    assert_int_equal(ev->parties[1].role, EVG_ROLE_GUEST);
    assert_string_equal(ev->parties[1].title, "Deputy Commander");
    assert_ptr_equal(ev->parties[1].entity, evg_doc_entity(d, 3)->id);
    assert_int_equal(ev->agreements[0].relation, EVG_REL_SIGNED);
    assert_string_equal(ev->evidence[0].text, EVIDENCE3);
    evg_doc_free(d);
    evg_doc_free(NULL);
}

static void test_write_json_to_stream(void **state)
{
    evg_doc *d = build_doc();
    char *dir = th_mkdtemp(), *path = th_join(dir, "out.jsonl");
    char *want = th_read(RECORD, NULL), *got;
    FILE *f = fopen(path, "wb");
    evg_error e;
    (void)state;

    assert_int_equal(evg_doc_write_json(f, d, &e), 0);
    assert_int_equal(evg_doc_write_json(f, d, &e), 0);
    fclose(f);
    got = th_read(path, NULL);
    assert_int_equal(strlen(got), 2 * strlen(want));
    assert_memory_equal(got, want, strlen(want));
    assert_string_equal(got + strlen(want), want);
    free(got);
    /* A stream that cannot be written to: EVG_EIO. */
    f = fopen(path, "rb");
    assert_int_equal(evg_doc_write_json(f, d, &e), EVG_EIO);
    fclose(f);
    th_rmtree(dir);
    free(path);
    free(dir);
    free(want);
    evg_doc_free(d);
}

static void test_write_defaults(void **state)
{
    evg_doc *d = NULL;
    char *line = NULL;
    (void)state;

    /* A person without titles gets "titles":[]; an agreement without kind "other";
     * missing metadata is null. */
    assert_int_equal(evg_i_doc_new(&d, "d1", NULL, NULL, NULL, NULL), 0);
    add_entity(d, EVG_ENT_PERSON, "person:ayla-demir", "Ayla Demir", NULL, NULL, NULL,
               NULL, 0);
    add_entity(d, EVG_ENT_AGREEMENT, "agreement:x", "Border Protocol", NULL, NULL, NULL,
               NULL, 0);
    assert_int_equal(evg_doc_to_json(&line, NULL, d, NULL), 0);
    assert_string_equal(
        line, "{\"doc\":{\"id\":\"d1\",\"path\":null,\"date\":null,\"title\":null},"
              "\"entities\":[{\"id\":\"person:ayla-demir\",\"type\":\"person\","
              "\"name\":\"Ayla Demir\",\"titles\":[],\"country\":null,\"org\":null},"
              "{\"id\":\"agreement:x\",\"type\":\"agreement\",\"name\":\"Border "
              "Protocol\",\"kind\":\"other\"}],\"events\":[]}\n");
    evg_free(line);
    evg_doc_free(d);
}

static void test_write_invalid_utf8(void **state)
{
    static const char *const titles[] = {"Minister", "bad \xC3"};
    evg_doc *d = NULL;
    char *line = (char *)&line;
    evg_error e;
    (void)state;

    /* jansson refuses invalid UTF-8; the error names where it is, not "out of memory". */
    assert_int_equal(evg_i_doc_new(&d, "d1", NULL, NULL, NULL, NULL), 0);
    add_entity(d, EVG_ENT_PERSON, "person:a", "Ayla Demir", NULL, NULL, NULL, NULL, 0);
    add_entity(d, EVG_ENT_PERSON, "person:b", "Bora Tan", NULL, NULL, NULL, titles, 2);
    assert_int_equal(evg_doc_to_json(&line, NULL, d, &e), EVG_EINVAL);
    assert_null(line);
    assert_string_equal(e.source, "d1");
    assert_string_equal(e.text,
                        "entities[1]: a string is not valid UTF-8; cannot write JSON");
    evg_doc_free(d);
}

static void test_names(void **state)
{
    evg_entity_type t;
    evg_role r;
    (void)state;

    assert_string_equal(evg_entity_type_name(EVG_ENT_ORGANIZATION), "organization");
    assert_string_equal(evg_event_type_name(EVG_EV_VISIT), "visit");
    assert_string_equal(evg_event_status_name(EVG_STATUS_PLANNED), "planned");
    assert_string_equal(evg_role_name(EVG_ROLE_GUEST), "guest");
    assert_string_equal(evg_agreement_rel_name(EVG_REL_SIGNED), "signed");
    assert_string_equal(evg_agreement_rel_name(EVG_REL_WITHDRAWN), "withdrawn");
    assert_string_equal(evg_entity_type_name((evg_entity_type)42), "unknown");
    assert_string_equal(evg_role_name((evg_role)-1), "unknown");
    assert_int_equal(evg_i_entity_type_parse(&t, "place"), 0);
    assert_int_equal(t, EVG_ENT_PLACE);
    assert_int_equal(evg_i_entity_type_parse(&t, "Place"), -1);
    assert_int_equal(evg_i_role_parse(&r, NULL), -1);
}

/* ---- malformed records ---------------------------------------------------------- */

#define ENTS                                                                             \
    "\"entities\":[{\"id\":\"person:a\",\"type\":\"person\",\"name\":\"Ayla Demir\"},"   \
    "{\"id\":\"person:b\",\"type\":\"person\",\"name\":\"Bora Tan\"},"                   \
    "{\"id\":\"agreement:p\",\"type\":\"agreement\",\"name\":\"Border Protocol\"},"      \
    "{\"id\":\"country:XAR\",\"type\":\"country\",\"name\":\"Ardania\"}]"
#define DOC "{\"doc\":{\"id\":\"d1\"}," ENTS
#define EV(body) DOC ",\"events\":[{\"id\":\"d1#1\",\"type\":\"meeting\"" body "}]}"
#define PA "{\"entity\":\"person:a\"}"
#define CA "{\"entity\":\"country:XAR\"}"

typedef struct {
    const char *json;
    const char *text; /* the exact message */
} bad_case;

static const bad_case BAD[] = {
    {"not json at all", NULL},
    {"", NULL},
    {"[1,2]", "record: expected a JSON object, not an array"},
    {"\"text\"", NULL}, /* jansson refuses a bare string at the top */
    {"{}", "doc: missing (expected an object)"},
    {"{\"doc\":[]}", "doc: expected an object, not an array"},
    {"{\"doc\":{}}", "doc.id: missing (expected a string)"},
    {"{\"doc\":{\"id\":5}}", "doc.id: expected a string, not an integer"},
    {"{\"doc\":{\"id\":\"\"}}", "doc.id: must not be empty"},
    {"{\"doc\":{\"id\":\"d1\",\"title\":true}}",
     "doc.title: expected a string, not a boolean"},
    {"{\"doc\":{\"id\":\"d1\",\"date\":\"2023-02-29\"}}",
     "doc.date: expected a date as YYYY-MM-DD or null, not '2023-02-29'"},
    {"{\"doc\":{\"id\":\"d1\"},\"entities\":{}}",
     "entities: expected an array, not an object"},
    {"{\"doc\":{\"id\":\"d1\"},\"events\":7}",
     "events: expected an array, not an integer"},
    {"{\"doc\":{\"id\":\"d1\"},\"entities\":[5]}",
     "entities[0]: expected an object, not an integer"},
    {"{\"doc\":{\"id\":\"d1\"},\"entities\":[{\"id\":\"person:a\",\"type\":\"person\"}]}",
     "entities[0].name: missing (expected a string)"},
    {"{\"doc\":{\"id\":\"d1\"},\"entities\":[{\"id\":\"x:a\",\"type\":\"spaceship\","
     "\"name\":\"A\"}]}",
     "entities[0].type: unknown entity type 'spaceship'"},
    {"{\"doc\":{\"id\":\"d1\"},\"entities\":[{\"id\":\"person:a\",\"type\":\"person\","
     "\"name\":"
     "\"A\",\"titles\":\"Minister\"}]}",
     "entities[0].titles: expected an array, not a string"},
    {"{\"doc\":{\"id\":\"d1\"},\"entities\":[{\"id\":\"person:a\",\"type\":\"person\","
     "\"name\":"
     "\"A\",\"titles\":[\"Minister\",3.5]}]}",
     "entities[0].titles[1]: expected a string, not a number"},
    {"{\"doc\":{\"id\":\"d1\"},\"entities\":[{\"id\":\"person:a\",\"type\":\"person\","
     "\"name\":"
     "\"A\",\"country\":[]}]}",
     "entities[0].country: expected a string, not an array"},
    {"{\"doc\":{\"id\":\"d1\"},\"entities\":[{\"id\":\"person:a\",\"type\":\"person\","
     "\"name\":"
     "\"A\"},{\"id\":\"person:a\",\"type\":\"person\",\"name\":\"B\"}]}",
     "entities[1].id: duplicate entity id 'person:a'"},
    {DOC ",\"events\":[\"meeting\"]}", "events[0]: expected an object, not a string"},
    {DOC ",\"events\":[{\"type\":\"meeting\"}]}",
     "events[0].id: missing (expected a string)"},
    {EV(""), NULL}, /* valid: checked apart below */
    {DOC ",\"events\":[{\"id\":\"d1#1\",\"type\":\"party\"}]}",
     "events[0].type: unknown event type 'party'"},
    {EV(",\"status\":\"rumoured\""), "events[0].status: unknown status 'rumoured'"},
    {EV(",\"date\":\"2024-13-01\""),
     "events[0].date: expected a date as YYYY-MM-DD or null, not '2024-13-01'"},
    {EV(",\"place\":{}"), "events[0].place: expected a string, not an object"},
    {EV(",\"place\":\"Sarn\",\"place_id\":\"place:sarn\""),
     "events[0].place_id: 'place:sarn' is not among the entities"},
    {EV(",\"place\":\"A\",\"place_id\":\"person:a\""),
     "events[0].place_id: 'person:a' is no place"},
    {EV(",\"place_id\":5"), "events[0].place_id: expected a string, not an integer"},
    {EV(",\"participants\":{}"),
     "events[0].participants: expected an array, not an object"},
    {EV(",\"participants\":[\"person:a\"]"),
     "events[0].participants[0]: expected an object, not a string"},
    {EV(",\"participants\":[{\"role\":\"host\"}]"),
     "events[0].participants[0].entity: missing (expected a string)"},
    {EV(",\"participants\":[" PA ",{\"entity\":\"person:b\",\"role\":\"boss\"}]"),
     "events[0].participants[1].role: unknown role 'boss'"},
    {EV(",\"participants\":[" PA ",{\"entity\":\"person:nobody\"}]"),
     "events[0].participants[1].entity: 'person:nobody' is not among the entities"},
    {EV(",\"participants\":[" PA "," PA "]"),
     "events[0].participants[1]: 'person:a' is listed twice"},
    {EV(",\"parties\":{}"), "events[0].parties: expected an array, not an object"},
    {EV(",\"parties\":[{\"entity\":\"country:XBE\"}]"),
     "events[0].parties[0].entity: 'country:XBE' is not among the entities"},
    {EV(",\"parties\":[{\"entity\":\"person:a\"}]"),
     "events[0].parties[0]: 'person:a' is no country or organization"},
    {EV(",\"parties\":[" CA "," CA "]"),
     "events[0].parties[1]: 'country:XAR' is listed twice"},
    {EV(",\"parties\":[{\"entity\":\"country:XAR\",\"role\":\"ally\"}]"),
     "events[0].parties[0].role: unknown role 'ally'"},
    {EV(",\"parties\":[{\"entity\":\"country:XAR\",\"title\":7}]"),
     "events[0].parties[0].title: expected a string, not an integer"},
    {EV(",\"agreements\":[{\"entity\":\"agreement:p\",\"relation\":\"endorsed\"}]"),
     "events[0].agreements[0].relation: unknown relation 'endorsed'"},
    {EV(",\"agreements\":[{\"entity\":\"agreement:q\"}]"),
     "events[0].agreements[0].entity: 'agreement:q' is not among the entities"},
    {EV(",\"agreements\":[{\"entity\":\"person:a\"}]"),
     "events[0].agreements[0]: 'person:a' is not an agreement"},
    {EV(",\"evidence\":[{\"start\":20,\"end\":10,\"text\":\"x\"}]"),
     "events[0].evidence[0]: end 10 is before start 20"},
    {EV(",\"evidence\":[{\"start\":-1,\"end\":10}]"),
     "events[0].evidence[0].start: expected a byte offset (an integer >= 0), not a "
     "negative one"},
    {EV(",\"evidence\":[{\"start\":\"3\",\"end\":10}]"),
     "events[0].evidence[0].start: expected a byte offset (an integer >= 0), not a "
     "string"},
    {EV(",\"evidence\":[{\"start\":3}]"),
     "events[0].evidence[0].end: expected a byte offset (an integer >= 0), not nothing"},
    {EV(",\"evidence\":[{\"start\":3,\"end\":4,\"text\":9}]"),
     "events[0].evidence[0].text: expected a string, not an integer"},
    {"{\"doc\":{\"id\":\"d1\",\"id\":\"d2\"}}", NULL}, /* duplicate key */
    {"{\"doc\":{\"id\":\"d1\"}} trailing", NULL},
    {"{\"doc\":{\"id\":\"a\\u0000b\"}}", NULL}, /* NUL inside a string */
    {"{\"doc\":{\"id\":\"caf\xE9\"}}", NULL},   /* invalid UTF-8 */
};

static void test_malformed_records(void **state)
{
    (void)state;

    for (size_t i = 0; i < sizeof BAD / sizeof BAD[0]; i++) {
        evg_doc *d = (evg_doc *)&d;
        evg_error e;
        int rc;

        memset(&e, 0, sizeof e);
        rc = evg_doc_parse_json(&d, BAD[i].json, strlen(BAD[i].json), "events.jsonl", 7,
                                &e);
        if (strcmp(BAD[i].json, EV("")) == 0) { /* the base case is well formed */
            assert_int_equal(rc, 0);
            assert_int_equal(evg_doc_event_count(d), 1);
            evg_doc_free(d);
            continue;
        }
        if (rc != EVG_EPARSE)
            print_error("case %zu parsed: %s\n", i, BAD[i].json);
        assert_int_equal(rc, EVG_EPARSE);
        assert_null(d);
        assert_int_equal(e.code, EVG_EPARSE);
        assert_string_equal(e.source, "events.jsonl");
        assert_int_equal(e.line, 7);
        if (BAD[i].text)
            assert_string_equal(e.text, BAD[i].text);
        else
            assert_memory_equal(e.text, "invalid JSON: ", 14);
    }
}

static void test_malformed_messages(void **state)
{
    evg_doc *d = NULL;
    evg_error e;
    char msg[400];
    const char *dup = "{\"doc\":{\"id\":\"d1\",\"id\":\"d2\"}}";
    const char *party = DOC ",\"events\":[{\"id\":\"d1#1\",\"type\":\"party\"}]}";
    (void)state;

    /* What the CLI prints after "evgraph: ". */
    assert_int_equal(evg_doc_parse_json(&d, party, strlen(party), "events.jsonl", 12, &e),
                     EVG_EPARSE);
    assert_string_equal(evg_error_format(msg, sizeof msg, &e),
                        "events.jsonl:12: events[0].type: unknown event type 'party'");
    assert_int_equal(evg_doc_parse_json(&d, dup, strlen(dup), "events.jsonl", 3, &e),
                     EVG_EPARSE);
    assert_non_null(strstr(e.text, "duplicate object key"));
    assert_true(e.column > 0);
    snprintf(msg, sizeof msg, "events.jsonl:3:%d: ", e.column);
    {
        char full[400];
        evg_error_format(full, sizeof full, &e);
        assert_memory_equal(full, msg, strlen(msg));
    }
    /* A NULL error struct is allowed. */
    assert_int_equal(evg_doc_parse_json(&d, "[]", 2, NULL, 0, NULL), EVG_EPARSE);
    assert_null(d);
}

/* A record of `n` people, one event of people a and b; `dup`: person dup's id repeats
 * the first's (dup < 0: none); `missing`: b is named by an id no entity has. */
static char *many_entities(int n, int a, int b, int dup, int missing)
{
    size_t cap = (size_t)n * 80 + 256, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    len += (size_t)snprintf(s + len, cap - len, "{\"doc\":{\"id\":\"d\"},\"entities\":[");
    for (int i = 0; i < n; i++)
        len += (size_t)snprintf(
            s + len, cap - len,
            "%s{\"id\":\"person:p%d\",\"type\":\"person\",\"name\":\"P %d\"}",
            i ? "," : "", i == dup ? 0 : i, i);
    snprintf(s + len, cap - len,
             "],\"events\":[{\"id\":\"d#1\",\"type\":\"meeting\",\"participants\":["
             "{\"entity\":\"person:p%d\"},{\"entity\":\"person:p%d\"}]}]}",
             a, missing ? n + 1 : b);
    return s;
}

/*
 * A record of many entities (past the few that are scanned, into the table of
 * ids): every entity is found by id, its participants point at their entity, it
 * writes back as it was read; a duplicate id and an unknown participant are
 * refused as in a small record.
 */
static void test_many_entities(void **state)
{
    evg_doc *d = NULL;
    evg_error e;
    char *json = many_entities(300, 299, 17, -1, 0), *out = NULL, id[32];
    size_t n;
    (void)state;

    assert_int_equal(evg_doc_parse_json(&d, json, strlen(json), "x", 1, &e), 0);
    assert_int_equal(evg_doc_entity_count(d), 300);
    for (int i = 0; i < 300; i++) {
        snprintf(id, sizeof id, "person:p%d", i);
        assert_ptr_equal(evg_doc_find_entity(d, id), evg_doc_entity(d, (size_t)i));
    }
    assert_null(evg_doc_find_entity(d, "person:p300"));
    assert_ptr_equal(evg_doc_event(d, 0)->participants[0].entity,
                     evg_doc_entity(d, 299)->id);
    assert_ptr_equal(evg_doc_event(d, 0)->participants[1].entity,
                     evg_doc_entity(d, 17)->id);
    assert_int_equal(evg_doc_to_json(&out, &n, d, &e), 0);
    evg_doc_free(d);
    assert_int_equal(evg_doc_parse_json(&d, out, n, "again", 1, &e), 0);
    assert_int_equal(evg_doc_entity_count(d), 300);
    assert_ptr_equal(evg_doc_event(d, 0)->participants[0].entity,
                     evg_doc_find_entity(d, "person:p299")->id);
    evg_free(out);
    evg_doc_free(d);
    free(json);
    json = many_entities(300, 1, 2, 250, 0);
    assert_int_equal(evg_doc_parse_json(&d, json, strlen(json), "x", 1, &e), EVG_EPARSE);
    assert_non_null(strstr(e.text, "entities[250].id: duplicate entity id 'person:p0'"));
    free(json);
    json = many_entities(300, 1, 2, -1, 1);
    assert_int_equal(evg_doc_parse_json(&d, json, strlen(json), "x", 1, &e), EVG_EPARSE);
    assert_non_null(strstr(e.text, "'person:p301' is not among the entities"));
    free(json);
}

/* Every relation of an event to an agreement reads back and writes as it was read. */
static void test_agreement_relations(void **state)
{
    static const char *const names[] = {"signed", "referenced", "negotiated", "ratified",
                                        "withdrawn"};
    (void)state;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        char json[1024], *out = NULL;
        size_t n = 0;
        evg_doc *d = NULL;
        evg_error e;
        snprintf(json, sizeof json,
                 EV(",\"agreements\":[{\"entity\":\"agreement:p\",\"relation\":\"%s\"}]"),
                 names[i]);
        assert_int_equal(evg_doc_parse_json(&d, json, strlen(json), "x", 1, &e), 0);
        assert_int_equal(evg_doc_event(d, 0)->agreements[0].relation,
                         (evg_agreement_rel)i);
        assert_int_equal(evg_doc_to_json(&out, &n, d, &e), 0);
        assert_non_null(strstr(out, names[i]));
        free(out);
        evg_doc_free(d);
    }
}

static void test_parse_only_len_bytes(void **state)
{
    const char *two = "{\"doc\":{\"id\":\"first\"}}\n{\"doc\":{\"id\":\"second\"}}\n";
    evg_doc *d = NULL;
    evg_error e;
    (void)state;

    /* Only `len` bytes are read: a line inside a larger buffer. */
    assert_int_equal(evg_doc_parse_json(&d, two, 23, "x", 1, &e), 0);
    assert_string_equal(evg_doc_id(d), "first");
    assert_int_equal(evg_doc_entity_count(d), 0);
    assert_int_equal(evg_doc_event_count(d), 0);
    evg_doc_free(d);
    assert_int_equal(evg_doc_parse_json(&d, two, strlen(two), "x", 1, &e), EVG_EPARSE);
}

/*
 * The fast reader (cJSON) takes a plain record and reads it as jansson does;
 * it leaves to jansson every line that cJSON would read more leniently
 * (duplicate or unknown keys, 3.0 for 3, leading zeros, long integers,
 * "\u0000", raw control characters, invalid UTF-8, trailing text, no
 * object), so that those get jansson's verdict and message.
 */
static void test_fast_reader_vouches(void **state)
{
    static const char *const lenient[] = {
        "{\"doc\":{\"id\":\"d1\",\"id\":\"d2\"}}",
        "{\"doc\":{\"id\":\"d\"},\"x\":1,\"x\":2}",
        "{\"doc\":{\"id\":\"d\"},\"entities\":[],\"events\":[{\"id\":\"d#1\",\"type\":"
        "\"meeting\",\"evidence\":[{\"start\":3.0,\"end\":5}]}]}",
        "{\"doc\":{\"id\":\"d\"},\"entities\":[],\"events\":[{\"id\":\"d#1\",\"type\":"
        "\"meeting\",\"evidence\":[{\"start\":03,\"end\":5}]}]}",
        "{\"doc\":{\"id\":\"d\"},\"entities\":[],\"events\":[{\"id\":\"d#1\",\"type\":"
        "\"meeting\",\"evidence\":[{\"start\":1234567890123456,\"end\":1234567890123457}]"
        "}]}",
        "{\"doc\":{\"id\":\"d\\u0000x\"}}",
        "{\"doc\":{\"id\":\"d\x01x\"}}",
        "{\"doc\":{\"id\":\"d\xffx\"}}",
        "{\"doc\":{\"id\":\"d\"}} x",
        "[{\"doc\":{\"id\":\"d\"}}]",
    };
    static const int valid[] = {0, 0, 0, 0, 1, 0, 0, 0, 0, 0};
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    FILE *f = fopen(RECORD, "r");
    (void)state;

    assert_non_null(f);
    while ((n = getline(&line, &cap, f)) > 0) {
        evg_doc *fast = NULL, *ref = NULL;
        char *a = NULL, *b = NULL;
        size_t na = 0, nb = 0;
        assert_int_equal(evg_i_doc_parse_fast(&fast, line, (size_t)n, "x", 1), 1);
        assert_int_equal(evg_doc_parse_json(&ref, line, (size_t)n, "x", 1, NULL), 0);
        assert_int_equal(evg_doc_to_json(&a, &na, fast, NULL), 0);
        assert_int_equal(evg_doc_to_json(&b, &nb, ref, NULL), 0);
        assert_int_equal(na, nb);
        assert_memory_equal(a, b, na);
        free(a);
        free(b);
        evg_doc_free(fast);
        evg_doc_free(ref);
    }
    free(line);
    fclose(f);
    for (size_t i = 0; i < sizeof lenient / sizeof lenient[0]; i++) {
        evg_doc *d = NULL;
        evg_error e;
        if (evg_i_doc_parse_fast(&d, lenient[i], strlen(lenient[i]), "x", 1) != 0)
            print_error("case %zu taken: %s\n", i, lenient[i]);
        assert_null(d);
        assert_int_equal(
            evg_doc_parse_json(&d, lenient[i], strlen(lenient[i]), "x", 1, &e),
            valid[i] ? 0 : EVG_EPARSE);
        evg_doc_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_matches_record),
        cmocka_unit_test(test_round_trip_is_byte_identical),
        cmocka_unit_test(test_parsed_fields),
        cmocka_unit_test(test_origin_round_trip),
        cmocka_unit_test(test_write_json_to_stream),
        cmocka_unit_test(test_write_defaults),
        cmocka_unit_test(test_write_invalid_utf8),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_malformed_records),
        cmocka_unit_test(test_malformed_messages),
        cmocka_unit_test(test_agreement_relations),
        cmocka_unit_test(test_many_entities),
        cmocka_unit_test(test_parse_only_len_bytes),
        cmocka_unit_test(test_fast_reader_vouches),
    };
    return cmocka_run_group_tests_name("doc", tests, NULL, NULL);
}
