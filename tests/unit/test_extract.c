/*
 * Extraction on sentences written for these tests: each case is one
 * phenomenon of how news words meetings (titles, delegations, passives,
 * calls, plans, negation, background, dates, agreements).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "evgraph.h"
#include "extract/lexicon.h"
#include "extract/token.h"

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

/* Extract an article written as "date YYYY-MM-DD title\n\nbody" with lexicon `with`. */
static evg_doc *extract_with(const evg_lexicon *with, const char *date, const char *body)
{
    char text[8192];
    evg_article *a = NULL;
    evg_doc *d = NULL;

    snprintf(text, sizeof text, "date %s Test\n\n%s", date, body);
    assert_int_equal(evg_article_parse(&a, "t", NULL, text, strlen(text), NULL), 0);
    assert_int_equal(evg_extract(&d, a, with, NULL, NULL), 0);
    evg_article_free(a);
    return d;
}

/* The same with the built-in lexicon. */
static evg_doc *extract(const char *date, const char *body)
{
    return extract_with(lx, date, body);
}

static const evg_entity *person(const evg_doc *d, const char *name)
{
    for (size_t i = 0; i < evg_doc_entity_count(d); i++) {
        const evg_entity *e = evg_doc_entity(d, i);
        if (e->type == EVG_ENT_PERSON && strcmp(e->name, name) == 0)
            return e;
    }
    return NULL;
}

static int takes_part(const evg_event *ev, const char *id)
{
    for (size_t k = 0; k < ev->nparticipants; k++)
        if (strcmp(ev->participants[k].entity, id) == 0)
            return 1;
    return 0;
}

/* The event of type t in which both named people take part, or NULL. */
static const evg_event *event_of(const evg_doc *d, evg_event_type t, const char *a,
                                 const char *b)
{
    const evg_entity *pa = person(d, a), *pb = b ? person(d, b) : NULL;
    if (pa == NULL || (b && pb == NULL))
        return NULL;
    for (size_t i = 0; i < evg_doc_event_count(d); i++) {
        const evg_event *ev = evg_doc_event(d, i);
        if (ev->type == t && takes_part(ev, pa->id) && (!pb || takes_part(ev, pb->id)))
            return ev;
    }
    return NULL;
}

static evg_role role_of(const evg_event *ev, const evg_entity *p)
{
    for (size_t k = 0; k < ev->nparticipants; k++)
        if (strcmp(ev->participants[k].entity, p->id) == 0)
            return ev->participants[k].role;
    fail_msg("%s does not take part", p->name);
    return EVG_ROLE_PARTICIPANT;
}

static void test_delegation_and_back_references(void **state)
{
    (void)state;
    evg_doc *d = extract(
        "2023-05-10",
        "Georgia's Minister of Economy, Levan Kapanadze on Wednesday received a "
        "delegation led "
        "by Deputy Foreign Minister of Lithuania Rasa Vaitkute. At the meeting, Minister "
        "Kapanadze welcomed the Lithuanian guests. Later, Chairman of the National Bank "
        "of "
        "Georgia Irakli Gelashvili held a meeting with the delegation from the Baltic "
        "country. "
        "The meeting, held at the National Bank building, focused on payments.");
    const evg_event *m1 = event_of(d, EVG_EV_MEETING, "Levan Kapanadze", "Rasa Vaitkute");
    const evg_event *m2 =
        event_of(d, EVG_EV_MEETING, "Irakli Gelashvili", "Rasa Vaitkute");
    assert_non_null(m1);
    assert_non_null(m2);
    assert_true(m1 != m2);
    assert_string_equal(m1->date, "2023-05-10");
    assert_string_equal(m2->date, "2023-05-10"); /* the visit's programme, same day */
    assert_int_equal(role_of(m1, person(d, "Levan Kapanadze")), EVG_ROLE_HOST);
    assert_int_equal(role_of(m1, person(d, "Rasa Vaitkute")), EVG_ROLE_GUEST);
    assert_int_equal(role_of(m2, person(d, "Irakli Gelashvili")), EVG_ROLE_HOST);
    assert_non_null(m2->place);
    assert_string_equal(m2->place, "National Bank building");
    assert_string_equal(person(d, "Levan Kapanadze")->country, "GEO");
    assert_string_equal(person(d, "Rasa Vaitkute")->country, "LTU");
    /* "Minister Kapanadze welcomed the guests" reports the first meeting again */
    size_t meetings = 0;
    for (size_t i = 0; i < evg_doc_event_count(d); i++)
        meetings += evg_doc_event(d, i)->type == EVG_EV_MEETING;
    assert_int_equal(meetings, 2);
    evg_doc_free(d);
}

static void test_titles_kept(void **state)
{
    (void)state;
    evg_doc *d = extract("2022-02-01",
                         "Norway's Defence Minister, Lieutenant General Ola Brekke met "
                         "Finnish Foreign Minister Aino Lehtonen in Oslo.");
    const evg_entity *p = person(d, "Ola Brekke");
    assert_non_null(p);
    assert_int_equal(p->ntitles, 2);
    assert_string_equal(p->titles[0], "Defence Minister");
    assert_string_equal(p->titles[1], "Lieutenant General");
    assert_string_equal(p->country, "NOR");
    assert_string_equal(person(d, "Aino Lehtonen")->country, "FIN");
    const evg_event *ev = event_of(d, EVG_EV_MEETING, "Ola Brekke", "Aino Lehtonen");
    assert_non_null(ev);
    assert_string_equal(ev->place, "Oslo");
    evg_doc_free(d);
}

static void test_plural_subject_and_passive(void **state)
{
    (void)state;
    evg_doc *d =
        extract("2021-09-14",
                "Prime Minister Tomas Varga and President Jana Kollar held talks on "
                "energy. Separately, Interior Minister Pavol Sedlak was received by "
                "King Harald of Norway.");
    assert_non_null(event_of(d, EVG_EV_MEETING, "Tomas Varga", "Jana Kollar"));
    const evg_event *ev = event_of(d, EVG_EV_MEETING, "Pavol Sedlak", "Harald");
    assert_non_null(ev);
    assert_int_equal(role_of(ev, person(d, "Harald")), EVG_ROLE_HOST);
    assert_int_equal(role_of(ev, person(d, "Pavol Sedlak")), EVG_ROLE_GUEST);
    assert_string_equal(person(d, "Harald")->country, "NOR");
    evg_doc_free(d);
}

static void test_call_planned_negated_background(void **state)
{
    (void)state;
    evg_doc *d = extract(
        "2020-06-03",
        "Foreign Minister Marta Oliveira spoke by telephone with Spanish Foreign "
        "Minister Luis "
        "Serrano on Tuesday. Portuguese Economy Minister Rui Costa will meet Italian "
        "Economy "
        "Minister Paolo Ricci next week. Trade Minister Ana Duarte did not meet French "
        "Trade "
        "Minister Claire Morel. President Joao Mendes visited Greek Prime Minister Nikos "
        "Pappas in 2011.");
    const evg_event *call = event_of(d, EVG_EV_CALL, "Marta Oliveira", "Luis Serrano");
    assert_non_null(call);
    assert_string_equal(call->date, "2020-06-02");
    const evg_event *plan = event_of(d, EVG_EV_MEETING, "Rui Costa", "Paolo Ricci");
    assert_non_null(plan);
    assert_int_equal(plan->status, EVG_STATUS_PLANNED);
    assert_null(plan->date); /* "next week" names no day */
    assert_null(event_of(d, EVG_EV_MEETING, "Ana Duarte", "Claire Morel"));
    assert_null(event_of(d, EVG_EV_MEETING, "Joao Mendes", "Nikos Pappas"));
    evg_doc_free(d);
}

static void test_visit_to_place(void **state)
{
    (void)state;
    evg_doc *d =
        extract("2019-11-20",
                "Defence Minister Yusuf Karaca met Georgian Defence Minister Nino "
                "Beridze on Wednesday. Minister Karaca then visited the tomb of the "
                "former President Eduard Shevardnadze in Tbilisi.");
    const evg_event *visit = event_of(d, EVG_EV_VISIT, "Yusuf Karaca", NULL);
    assert_non_null(visit);
    assert_int_equal(visit->nparticipants,
                     1); /* the man in the tomb does not take part */
    assert_string_equal(visit->date, "2019-11-20");
    assert_null(event_of(d, EVG_EV_MEETING, "Yusuf Karaca", "Eduard Shevardnadze"));
    evg_doc_free(d);
}

static void test_agreements(void **state)
{
    (void)state;
    evg_doc *d = extract("2018-04-12", "Tourism Minister Leila Haddad met Jordanian "
                                       "Tourism Minister Omar Khalil in Amman on "
                                       "Thursday and they signed a memorandum of "
                                       "understanding on tourism. Both praised the "
                                       "Aqaba Declaration, which was signed in 2015.");
    const evg_event *ev = event_of(d, EVG_EV_MEETING, "Leila Haddad", "Omar Khalil");
    assert_non_null(ev);
    int signed_mou = 0, referenced_decl = 0;
    for (size_t k = 0; k < ev->nagreements; k++) {
        const evg_entity *a = evg_doc_find_entity(d, ev->agreements[k].entity);
        assert_non_null(a);
        if (strstr(a->name, "memorandum of understanding on tourism"))
            signed_mou = ev->agreements[k].relation == EVG_REL_SIGNED;
        if (strcmp(a->name, "Aqaba Declaration") == 0)
            referenced_decl = ev->agreements[k].relation == EVG_REL_REFERENCED;
    }
    assert_true(signed_mou);
    assert_true(referenced_decl);
    evg_doc_free(d);
}

static void test_dates(void **state)
{
    (void)state;
    /* 2024-03-07 is a Thursday */
    evg_doc *d =
        extract("2024-03-07",
                "Finance Minister Ivo Horvat met Slovenian Finance Minister Mojca "
                "Zupan yesterday. Foreign Minister Ivo Horvat met Austrian Foreign "
                "Minister Karl Huber on Monday. Horvat met Czech Foreign Minister Jan "
                "Dvorak on March 1. Horvat met Slovak Foreign Minister Peter Hudak "
                "last week.");
    assert_string_equal(event_of(d, EVG_EV_MEETING, "Ivo Horvat", "Mojca Zupan")->date,
                        "2024-03-06");
    assert_string_equal(event_of(d, EVG_EV_MEETING, "Ivo Horvat", "Karl Huber")->date,
                        "2024-03-04");
    assert_string_equal(event_of(d, EVG_EV_MEETING, "Ivo Horvat", "Jan Dvorak")->date,
                        "2024-03-01");
    assert_null(event_of(d, EVG_EV_MEETING, "Ivo Horvat", "Peter Hudak")->date);
    evg_doc_free(d);
}

static void test_folding_and_history(void **state)
{
    (void)state;
    evg_doc *d =
        extract("1987-04-13",
                "Soviet Foreign Minister Eduard Sergeyev met Turkish Foreign Minister "
                "Selçuk Aydın today. Later Sergeyev and SELCUK AYDIN held talks again.");
    const evg_entity *s = person(d, "Eduard Sergeyev");
    assert_non_null(s);
    assert_string_equal(s->country, "SUN"); /* the Soviet Union in 1987 */
    assert_non_null(person(d, "Selçuk Aydın"));
    assert_null(person(d, "SELCUK AYDIN")); /* one person, name as first written */
    assert_string_equal(person(d, "Selçuk Aydın")->id, "person:selcuk-aydin");
    evg_doc_free(d);
    d = extract("2020-01-15", "Russian Foreign Minister Pavel Orlov met Turkish Foreign "
                              "Minister Deniz Aksoy in Ankara.");
    assert_string_equal(person(d, "Pavel Orlov")->country, "RUS");
    evg_doc_free(d);
}

/* An article's source address names its issuer's country by its domain. */
static void test_source_domains(void **state)
{
    int gbr, usa, nzl;

    (void)state;
    gbr = (int)evg_i_strmap_get(&lx->codes, "GBR", 3);
    usa = (int)evg_i_strmap_get(&lx->codes, "USA", 3);
    nzl = (int)evg_i_strmap_get(&lx->codes, "NZL", 3);
    /* an ISO 3166-1 alpha-2 code, the lexicon's "domains", any case */
    assert_int_equal(evg_i_lx_domain_country(lx, "https://www.beehive.govt.nz/release/1"),
                     nzl);
    assert_int_equal(evg_i_lx_domain_country(lx, "www.gov.uk"), gbr);
    assert_int_equal(evg_i_lx_domain_country(lx, "HTTPS://WWW.STATE.GOV/readout"), usa);
    assert_int_equal(evg_i_lx_domain_country(lx, "press.gov.uk:8080/x"), gbr);
    /* a generic domain, a name that is no address, nothing at all */
    assert_int_equal(evg_i_lx_domain_country(lx, "https://www.example.com/news"), -1);
    assert_int_equal(evg_i_lx_domain_country(lx, "Ministry of Foreign Affairs"), -1);
    assert_int_equal(evg_i_lx_domain_country(lx, "Reuters"), -1);
    assert_int_equal(evg_i_lx_domain_country(lx, ""), -1);
}

static void test_no_meeting(void **state)
{
    (void)state;
    evg_doc *d =
        extract("2005-01-22",
                "The champion meets her rival in the final on Sunday. Shares rose 3 "
                "pct after the company met analysts' forecasts.");
    assert_int_equal(evg_doc_event_count(d), 0);
    evg_doc_free(d);
}

static void test_tokens(void **state)
{
    (void)state;
    evg_i_tokens t;
    const char *s = "The U.S. envoy met Gen. Lee in Baku.The talks, News.az said, were "
                    "Azerbaijan\xE2\x80\x99s first.";
    memset(&t, 0, sizeof t);
    assert_int_equal(evg_i_tokenize(&t, s, strlen(s), &lx->abbrevs), 0);
    assert_int_equal(t.nsents, 2);
    assert_string_equal(evg_i_tok_fold(&t, 1), "u.s.");
    assert_string_equal(evg_i_tok_fold(&t, 4), "gen.");
    size_t i;
    for (i = 0; i < t.n && strcmp(evg_i_tok_fold(&t, i), "news.az"); i++)
        ;
    assert_true(i < t.n);
    for (i = 0; i < t.n && strcmp(evg_i_tok_fold(&t, i), "'s"); i++)
        ;
    assert_true(i < t.n && (t.toks[i].flags & EVG_TK_POSS));
    assert_string_equal(evg_i_tok_fold(&t, i - 1), "azerbaijan");
    evg_i_tokens_free(&t);
}

static void test_user_lexicon(void **state)
{
    (void)state;
    const char *path = EVG_TEST_DATA "/extract/vizier.json";
    evg_lexicon *mine = NULL;
    evg_article *a = NULL;
    evg_doc *d = NULL;
    const char *text =
        "date 2001-01-01 T\n\nGrand Vizier Kemal Arslan received Ambassador "
        "Hugo Lind.";

    assert_int_equal(evg_lexicon_load(&mine, &path, 1, NULL), 0);
    assert_int_equal(evg_article_parse(&a, "t", NULL, text, strlen(text), NULL), 0);
    assert_int_equal(evg_extract(&d, a, mine, NULL, NULL), 0);
    assert_non_null(person(d, "Kemal Arslan"));
    assert_int_equal(evg_doc_event_count(d), 1);
    evg_doc_free(d);
    evg_lexicon_free(mine);
    /* without the word, no title and so no meeting */
    assert_int_equal(evg_extract(&d, a, lx, NULL, NULL), 0);
    assert_null(person(d, "Kemal Arslan"));
    evg_doc_free(d);
    evg_article_free(a);
}

static void test_bad_lexicon(void **state)
{
    (void)state;
    const char *bad[] = {EVG_TEST_DATA "/extract/bad_frame.json",
                         EVG_TEST_DATA "/extract/bad_json.json",
                         EVG_TEST_DATA "/extract/unknown_section.json",
                         EVG_TEST_DATA "/extract/missing.json",
                         EVG_TEST_DATA "/extract/bad_param_name.json",
                         EVG_TEST_DATA "/extract/bad_param_value.json",
                         EVG_TEST_DATA "/extract/section_no_words.json",
                         EVG_TEST_DATA "/extract/bad_known_kind.json"};
    const int codes[] = {EVG_EPARSE, EVG_EPARSE, EVG_EPARSE, EVG_EIO,
                         EVG_EPARSE, EVG_EPARSE, EVG_EPARSE, EVG_EPARSE};
    /* what each message names, besides the file */
    const char *says[] = {"dance",       "invalid JSON",   "haeds",
                          "cannot open", "subject_window", "subject_max_distance",
                          "\"words\"",   "handshake"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        evg_lexicon *l = NULL;
        evg_error err;
        memset(&err, 0, sizeof err);
        assert_int_equal(evg_lexicon_load(&l, &bad[i], 1, &err), codes[i]);
        assert_null(l);
        assert_string_equal(err.source, bad[i]);
        assert_true(err.text[0] != '\0');
        assert_non_null(strstr(err.text, says[i]));
    }
}

/*
 * A user's grammar: a month added to the built-in ones, a window of the rules
 * changed, a section written as an object with its doc and examples.
 */
static void test_user_grammar(void **state)
{
    (void)state;
    const char *path = EVG_TEST_DATA "/extract/grammar_ext.json";
    const char *body =
        "Foreign Minister Kemal Arslan did not meet Ambassador Hugo Lind. "
        "Grand Vizier Omar Tell received Ambassador Mara Ekholm on janvier 9.";
    evg_lexicon *mine = NULL;
    evg_doc *d;

    assert_int_equal(evg_lexicon_load(&mine, &path, 1, NULL), 0);
    d = extract_with(mine, "2024-03-05", body);
    /* with no negation window, "did not meet" is a meeting; "janvier 9" a date; the
     * royals given as an object make "Grand Vizier" a title */
    assert_non_null(event_of(d, EVG_EV_MEETING, "Kemal Arslan", "Hugo Lind"));
    const evg_event *ev = event_of(d, EVG_EV_MEETING, "Omar Tell", "Mara Ekholm");
    assert_non_null(ev);
    assert_string_equal(ev->date, "2024-01-09");
    evg_doc_free(d);
    evg_lexicon_free(mine);
    d = extract("2024-03-05", body);
    assert_non_null(person(d, "Kemal Arslan"));
    assert_null(event_of(d, EVG_EV_MEETING, "Kemal Arslan", "Hugo Lind"));
    assert_null(person(d, "Omar Tell"));
    evg_doc_free(d);
}

/*
 * Title runs, step by step, with invented countries (Ardania, Kestria) and
 * people: a possessive opener, of-chains, lists of portfolios, two titles
 * joined by a dash, a new unit after a comma, a place closing the title.
 */
static void test_title_runs(void **state)
{
    (void)state;
    const char *path = EVG_TEST_DATA "/extract/ardania.json";
    evg_lexicon *mine = NULL;
    const evg_entity *p;
    evg_doc *d;

    assert_int_equal(evg_lexicon_load(&mine, &path, 1, NULL), 0);
    d = extract_with(
        mine, "2024-03-05",
        "Ardanian Minister of Trade, Industry and Energy Tomas Rell met Kestrian Foreign "
        "Minister Ilo Varas in Port Ardan. Kestria's Defense Minister, Colonel General "
        "Aron "
        "Malk received Ardanian Deputy Minister of Defense - Chief of the General Staff "
        "Mira "
        "Holt. Later, Director General for Coastal Waters, Ines Dorr, held talks with "
        "Minister of Fisheries and Coastal Development of Kestria Pavo Lind.");
    /* a list of portfolios, its ministry named from the title */
    p = person(d, "Tomas Rell");
    assert_non_null(p);
    assert_int_equal(p->ntitles, 1);
    assert_string_equal(p->titles[0], "Ardanian Minister of Trade, Industry and Energy");
    assert_string_equal(p->country, "ZZD");
    assert_string_equal(p->org, "org:ardania-ministry-of-trade-industry-and-energy");
    /* "Foreign Minister": the Ministry of Foreign Affairs (ministry_names) */
    assert_string_equal(person(d, "Ilo Varas")->org,
                        "org:kestria-ministry-of-foreign-affairs");
    /* a possessive opener; a comma starts a new unit */
    p = person(d, "Aron Malk");
    assert_non_null(p);
    assert_int_equal(p->ntitles, 2);
    assert_string_equal(p->titles[0], "Defense Minister");
    assert_string_equal(p->titles[1], "Colonel General");
    assert_string_equal(p->country, "ZZK");
    /* a dash joins two titles into one unit */
    p = person(d, "Mira Holt");
    assert_non_null(p);
    assert_int_equal(p->ntitles, 1);
    assert_string_equal(
        p->titles[0], "Ardanian Deputy Minister of Defense - Chief of the General Staff");
    /* a place of unknown capitalized words closes a title before a comma */
    p = person(d, "Ines Dorr");
    assert_non_null(p);
    assert_string_equal(p->titles[0], "Director General for Coastal Waters");
    /* "and" in a portfolio list goes on with "of" to the country */
    p = person(d, "Pavo Lind");
    assert_non_null(p);
    assert_string_equal(p->titles[0],
                        "Minister of Fisheries and Coastal Development of Kestria");
    assert_string_equal(p->country, "ZZK");
    assert_non_null(event_of(d, EVG_EV_MEETING, "Tomas Rell", "Ilo Varas"));
    assert_non_null(event_of(d, EVG_EV_MEETING, "Aron Malk", "Mira Holt"));
    assert_non_null(event_of(d, EVG_EV_MEETING, "Ines Dorr", "Pavo Lind"));
    evg_doc_free(d);
    /* without the countries, "Kestria's" opens no title: only "Defense Minister" */
    d = extract("2024-03-05",
                "Kestria's Defense Minister, Colonel General Aron Malk spoke.");
    p = person(d, "Aron Malk");
    assert_non_null(p);
    assert_null(p->country);
    evg_doc_free(d);
    evg_lexicon_free(mine);
}

static size_t count_type(const evg_doc *d, evg_event_type t)
{
    size_t n = 0;
    for (size_t i = 0; i < evg_doc_event_count(d); i++)
        n += evg_doc_event(d, i)->type == t;
    return n;
}

static void test_meeting_joined_by_list(void **state)
{
    (void)state;
    evg_doc *d =
        extract("2016-10-07",
                "Finance ministers of the Group of Seven began a meeting in Rome on "
                "Friday. Officials attending included German Finance Minister Hans "
                "Weber, French Finance Minister Claire Dubois and Italian Finance "
                "Minister Marco Rossi. The summit was attended by President Olaf "
                "Lindqvist of Sweden, his Prime Minister Anna Berg, and by Chancellor "
                "Karl Moser of Austria.");
    const evg_event *g7 = event_of(d, EVG_EV_MEETING, "Hans Weber", "Marco Rossi");
    assert_non_null(g7);
    assert_int_equal(g7->nparticipants, 6); /* one meeting: the summit is the same one */
    assert_true(takes_part(g7, person(d, "Claire Dubois")->id));
    assert_true(takes_part(g7, person(d, "Karl Moser")->id));
    assert_string_equal(g7->date, "2016-10-07");
    /* "his Prime Minister": of the country of the one before */
    assert_string_equal(person(d, "Anna Berg")->country, "SWE");
    evg_doc_free(d);
}

static void test_subjects_out_of_place(void **state)
{
    (void)state;
    evg_doc *d = extract(
        "2011-05-12",
        "After talks with Polish President Jan Nowak, Czech Prime Minister Petr Svoboda "
        "said "
        "the pipeline would be built. After a day of meetings with Economy Minister Ewa "
        "Lis, "
        "Trade Minister Piotr Mazur and Energy Minister Adam Kowal, Svoboda flew home. "
        "Svoboda will hold talks with Hungarian Prime Minister Gabor Kiss and meet "
        "Hungarian "
        "President Laszlo Toth.");
    assert_non_null(event_of(d, EVG_EV_MEETING, "Petr Svoboda", "Jan Nowak"));
    /* meetings with three people: three meetings, not one among the three */
    assert_non_null(event_of(d, EVG_EV_MEETING, "Petr Svoboda", "Ewa Lis"));
    assert_non_null(event_of(d, EVG_EV_MEETING, "Petr Svoboda", "Adam Kowal"));
    assert_null(event_of(d, EVG_EV_MEETING, "Ewa Lis", "Adam Kowal"));
    /* "and meet X": the same subject, still planned */
    const evg_event *ev = event_of(d, EVG_EV_MEETING, "Petr Svoboda", "Laszlo Toth");
    assert_non_null(ev);
    assert_int_equal(ev->status, EVG_STATUS_PLANNED);
    assert_null(event_of(d, EVG_EV_MEETING, "Gabor Kiss", "Laszlo Toth"));
    evg_doc_free(d);
}

static void test_portfolio_titles(void **state)
{
    (void)state;
    evg_doc *d =
        extract("2023-02-14",
                "Minister of Trade, Industry and Energy of Japan Kenji Sato held "
                "talks with Deputy Minister of Agriculture and Rural Development of "
                "Vietnam Tran Van Minh in Tokyo. Later Deputy Minister Tran and Mr. Van "
                "Minh toured a port.");
    const evg_entity *s = person(d, "Kenji Sato");
    assert_non_null(s);
    assert_string_equal(s->titles[0], "Minister of Trade, Industry and Energy of Japan");
    assert_string_equal(s->country, "JPN");
    assert_string_equal(s->org, "org:japan-ministry-of-trade-industry-and-energy");
    const evg_entity *t = person(d, "Tran Van Minh");
    assert_non_null(t);
    assert_string_equal(t->country, "VNM");
    assert_non_null(event_of(d, EVG_EV_MEETING, "Kenji Sato", "Tran Van Minh"));
    /* "Deputy Minister Tran" and "Mr. Van Minh" are the same man */
    size_t people = 0;
    for (size_t i = 0; i < evg_doc_entity_count(d); i++)
        people += evg_doc_entity(d, i)->type == EVG_ENT_PERSON;
    assert_int_equal(people, 2);
    evg_doc_free(d);
}

static void test_dateline(void **state)
{
    (void)state;
    evg_doc *d = extract("1989-03-04",
                         "OSLO, March 3 - Foreign Minister Knut Aas met Swedish Foreign "
                         "Minister Lena Holm to discuss fishing quotas.");
    const evg_event *ev = event_of(d, EVG_EV_MEETING, "Knut Aas", "Lena Holm");
    assert_non_null(ev);
    /* no time in the sentence: the dispatch's date, and the record says so */
    assert_string_equal(ev->date, "1989-03-03");
    assert_string_equal(ev->date_source, "dateline");
    assert_string_equal(ev->place, "Oslo");
    assert_string_equal(person(d, "Knut Aas")->country, "NOR"); /* home: the dateline's */
    evg_doc_free(d);
    d = extract("1989-03-04",
                "Foreign Minister Knut Aas met Swedish Foreign Minister Lena "
                "Holm on Friday.");
    ev = event_of(d, EVG_EV_MEETING, "Knut Aas", "Lena Holm");
    assert_string_equal(ev->date, "1989-03-03");
    assert_string_equal(ev->date_source, "text");
    evg_doc_free(d);
}

/* The city of lexicon `with` that `text` starts with: its length in tokens; the code of
 * its country at `date` in `cc` ("" when none). */
static size_t city_of(const evg_lexicon *with, const char *text, const char *date,
                      char cc[4])
{
    evg_i_tokens t;
    int c = -1;
    size_t n;

    memset(&t, 0, sizeof t);
    assert_int_equal(evg_i_tokenize(&t, text, strlen(text), &with->abbrevs), 0);
    n = evg_i_lx_city_at(&c, with, &t, 0, t.n, date);
    snprintf(cc, 4, "%s", c >= 0 ? with->country[c].code : "");
    evg_i_tokens_free(&t);
    return n;
}

static void test_city_lookup(void **state)
{
    (void)state;
    const char *path = EVG_TEST_DATA "/extract/ardania.json";
    evg_lexicon *mine = NULL;
    char cc[4];

    /* a city of countries.json, a capital, a territory's capital */
    assert_int_equal(city_of(lx, "Geneva", "2024-01-01", cc), 1);
    assert_string_equal(cc, "CHE");
    assert_int_equal(city_of(lx, "Tallinn", NULL, cc), 1);
    assert_string_equal(cc, "EST");
    assert_int_equal(city_of(lx, "Papeete", NULL, cc), 1);
    assert_string_equal(cc, "PYF");
    /* the longest: "New York", not the exchange; case and accents aside */
    assert_int_equal(city_of(lx, "New York Stock Exchange", NULL, cc), 2);
    assert_string_equal(cc, "USA");
    assert_int_equal(city_of(lx, "ZURICH", NULL, cc), 1);
    assert_string_equal(cc, "CHE");
    assert_int_equal(city_of(lx, "St. Petersburg", "2020-05-01", cc), 2);
    assert_string_equal(cc, "RUS");
    /* the state of the date: a city of Russia, a capital of both, in 1987 */
    assert_int_equal(city_of(lx, "Leningrad", "1987-05-01", cc), 1);
    assert_string_equal(cc, "SUN");
    assert_int_equal(city_of(lx, "Moscow", "1987-05-01", cc), 1);
    assert_string_equal(cc, "SUN");
    assert_int_equal(city_of(lx, "Brno", "1987-05-01", cc), 1);
    assert_string_equal(cc, "CSK");
    /* a seat of government is a metonym, no city; nor is a country or a word */
    assert_int_equal(city_of(lx, "Kremlin", NULL, cc), 0);
    assert_string_equal(cc, "");
    assert_int_equal(city_of(lx, "Switzerland", NULL, cc), 0);
    assert_int_equal(city_of(lx, "talks", NULL, cc), 0);
    /* a user's lexicon adds cities of its countries */
    assert_int_equal(evg_lexicon_load(&mine, &path, 1, NULL), 0);
    assert_int_equal(city_of(mine, "Lindby", NULL, cc), 1);
    assert_string_equal(cc, "ZZD");
    assert_int_equal(city_of(mine, "Port Ardan", NULL, cc), 2);
    assert_string_equal(cc, "ZZD");
    assert_int_equal(city_of(lx, "Lindby", NULL, cc), 0);
    evg_lexicon_free(mine);
}

static const evg_entity *entity(const evg_doc *d, const char *id)
{
    const evg_entity *e = evg_doc_find_entity(d, id);
    if (e == NULL)
        fail_msg("no entity %s", id);
    return e;
}

static void test_places(void **state)
{
    (void)state;
    evg_doc *d = extract(
        "2024-03-06",
        "Defense Minister Tarik Oran of Azerbaijan received Turkish Defense Minister "
        "Pieter Aalst at the Defense Ministry in Baku on Monday. On Tuesday Oran met "
        "Georgian Defense Minister Levan Moss at the Defense Ministry in Tbilisi.");
    const evg_event *a = event_of(d, EVG_EV_MEETING, "Tarik Oran", "Pieter Aalst");
    const evg_event *b = event_of(d, EVG_EV_MEETING, "Tarik Oran", "Levan Moss");
    const evg_entity *e;

    /* one venue name in two cities: two places, each event names its own */
    assert_non_null(a);
    assert_non_null(b);
    assert_string_equal(a->place, "Defense Ministry");
    assert_string_equal(b->place, "Defense Ministry");
    assert_string_equal(a->place_id, "place:defense-ministry-baku");
    assert_string_equal(b->place_id, "place:defense-ministry-tbilisi");
    e = entity(d, a->place_id);
    assert_string_equal(e->name, "Defense Ministry");
    assert_string_equal(e->city, "Baku");
    assert_string_equal(e->country, "AZE");
    e = entity(d, b->place_id);
    assert_string_equal(e->city, "Tbilisi");
    assert_string_equal(e->country, "GEO");
    evg_doc_free(d);

    /* a city that is no capital: its country is the place's, nobody's own */
    d = extract("2024-03-06",
                "Foreign Minister Knut Aas met Foreign Minister Lena Holm in "
                "Geneva on Monday.");
    a = event_of(d, EVG_EV_MEETING, "Knut Aas", "Lena Holm");
    assert_non_null(a);
    e = entity(d, a->place_id);
    assert_string_equal(e->id, "place:geneva");
    assert_string_equal(e->city, "Geneva");
    assert_string_equal(e->country, "CHE");
    assert_null(person(d, "Knut Aas")->country);
    evg_doc_free(d);

    /* the dateline's city when the text gives no place; a venue never takes it */
    d = extract("2024-03-06",
                "GENEVA, March 5 - Foreign Minister Knut Aas met Foreign Minister Lena "
                "Holm. Later Aas received Foreign Minister Ivo Sand at the Grand Hotel.");
    a = event_of(d, EVG_EV_MEETING, "Knut Aas", "Lena Holm");
    b = event_of(d, EVG_EV_MEETING, "Knut Aas", "Ivo Sand");
    assert_non_null(a);
    assert_non_null(b);
    e = entity(d, a->place_id);
    assert_string_equal(e->name, "Geneva");
    assert_string_equal(e->city, "Geneva");
    assert_string_equal(e->country, "CHE");
    e = entity(d, b->place_id);
    assert_string_equal(e->name, "Grand Hotel");
    assert_null(e->city);
    assert_null(e->country);
    evg_doc_free(d);
}

static void test_relative_clause(void **state)
{
    (void)state;
    evg_doc *d =
        extract("1990-06-12",
                "Dutch Prime Minister Ruud Lubbers met Belgian Prime Minister Wilfried "
                "Maertens today. They were joined for dinner by Luxembourg Prime "
                "Minister Jacques Santer, who had talks with Lubbers yesterday.");
    const evg_event *two = event_of(d, EVG_EV_MEETING, "Jacques Santer", "Ruud Lubbers");
    assert_non_null(two);
    int found_yesterday = 0;
    for (size_t i = 0; i < evg_doc_event_count(d); i++) {
        const evg_event *ev = evg_doc_event(d, i);
        if (ev->nparticipants == 2 && takes_part(ev, person(d, "Jacques Santer")->id))
            found_yesterday = ev->date && strcmp(ev->date, "1990-06-11") == 0;
    }
    assert_true(found_yesterday);
    evg_doc_free(d);
}

static void test_described_agreements(void **state)
{
    (void)state;
    evg_doc *d = extract("1995-08-01", "Transport Minister Ilze Ozola and Estonian "
                                       "Transport Minister Mart Tamm signed an "
                                       "agreement to expand rail freight across the "
                                       "border. They also praised the Baltic "
                                       "Free Trade Agreement and said the 1993 BFTA "
                                       "treaty had doubled trade. A great deal of "
                                       "work remains, Tamm said.");
    size_t agreements = 0;
    int rail = 0;
    for (size_t i = 0; i < evg_doc_entity_count(d); i++) {
        const evg_entity *e = evg_doc_entity(d, i);
        if (e->type != EVG_ENT_AGREEMENT)
            continue;
        agreements++;
        rail |=
            strcmp(e->name, "agreement to expand rail freight across the border") == 0;
    }
    assert_true(rail);
    assert_int_equal(agreements, 2); /* the BFTA treaty is the Free Trade Agreement */
    assert_int_equal(count_type(d, EVG_EV_SIGNING), 1);
    evg_doc_free(d);
}

static void test_clause_boundaries(void **state)
{
    (void)state;
    evg_doc *d = extract("1988-02-09", "Trade Minister Omar Haddad, who leaves for Tunis "
                                       "on Tuesday, met President Karim Saleh. "
                                       "Councillors who back Senator Ruth Payne met "
                                       "Governor Alan Drew. Finance Minister Tom "
                                       "Reed said farm quotas meet the target. Foreign "
                                       "Minister Ana Cruz signed a measure "
                                       "lifting currency limits. Central Bank Governor "
                                       "Luis Mora and Finance Minister Ines "
                                       "Vidal conferred on the telephone.");
    assert_non_null(event_of(d, EVG_EV_MEETING, "Omar Haddad", "Karim Saleh"));
    assert_null(event_of(d, EVG_EV_MEETING, "Ruth Payne", "Alan Drew"));
    assert_int_equal(count_type(d, EVG_EV_SIGNING), 0); /* a measure is no agreement */
    assert_non_null(event_of(d, EVG_EV_CALL, "Luis Mora", "Ines Vidal"));
    assert_null(event_of(d, EVG_EV_MEETING, "Luis Mora", "Ines Vidal"));
    /* "Reed said quotas meet": the quotas meet, not Reed */
    for (size_t i = 0; i < evg_doc_event_count(d); i++)
        assert_false(takes_part(evg_doc_event(d, i), person(d, "Tom Reed")->id));
    evg_doc_free(d);
}

static void test_companies_are_nobody(void **state)
{
    (void)state;
    evg_doc *d =
        extract("1987-05-04",
                "Dayton Hudson met with Minnesota Governor Rudy Perpich. Volvo said "
                "it received the order after General Electric won a contract. Commerce "
                "Secretary Ann Dole visited the New York Stock Exchange.");
    for (size_t i = 0; i < evg_doc_event_count(d); i++)
        assert_int_not_equal(evg_doc_event(d, i)->type, EVG_EV_MEETING);
    assert_null(person(d, "General Electric"));
    assert_non_null(event_of(d, EVG_EV_VISIT, "Ann Dole", NULL));
    evg_doc_free(d);
}

static const evg_entity *agreement_named(const evg_doc *d, const char *name)
{
    for (size_t i = 0; i < evg_doc_entity_count(d); i++) {
        const evg_entity *e = evg_doc_entity(d, i);
        if (e->type == EVG_ENT_AGREEMENT && strcmp(e->name, name) == 0)
            return e;
    }
    return NULL;
}

static void test_agreed_to(void **state)
{
    (void)state;
    evg_doc *d =
        extract("2003-04-10", "Peru and Chile are neighbours. Both sides agreed "
                              "to begin talks on fishing rights "
                              "in the south. The two countries also signed a "
                              "trade deal between the two countries "
                              "that cuts tariffs. A programme had been agreed "
                              "to chart the coast. It was the most "
                              "important agreement between the two in decades. "
                              "They welcomed an agreement to set up a joint fund.");
    /* the verb names no agreement; the noun does */
    assert_null(agreement_named(d, "agreement to begin talks on fishing rights"));
    assert_non_null(agreement_named(d, "trade deal between Peru and Chile"));
    assert_non_null(agreement_named(d, "agreement to set up a joint fund"));
    size_t n = 0;
    for (size_t i = 0; i < evg_doc_entity_count(d); i++)
        n += evg_doc_entity(d, i)->type == EVG_ENT_AGREEMENT;
    assert_int_equal(n, 2); /* not what "a programme" agreed, not praise */
    evg_doc_free(d);
}

/*
 * The gazetteer as a boost (tests/unit/data/extract/officials.tsv, invented
 * people): a surname with a title completes to the one in office then; the
 * state at the date; out-of-office intervals and other eras decide nothing.
 */
static void test_officials(void **state)
{
    evg_lexicon *with = NULL;
    evg_error e;
    evg_doc *d;
    (void)state;

    assert_int_equal(evg_lexicon_load(&with, NULL, 0, NULL), 0);
    assert_int_equal(
        evg_lexicon_add_officials(with, EVG_TEST_DATA "/extract/officials.tsv", &e), 0);
    /* the one in office at the date, whatever the surname's other holders */
    d = extract_with(with, "2021-05-04",
                     "President Tammsaar met Chancellor Weber in Berlin.");
    assert_non_null(person(d, "Ivo Tammsaar"));
    assert_string_equal(person(d, "Ivo Tammsaar")->country, "EST");
    evg_doc_free(d);
    d = extract_with(with, "2003-05-06",
                     "President Tammsaar met Chancellor Weber in Berlin.");
    assert_non_null(person(d, "Lena Tammsaar"));
    assert_string_equal(person(d, "Lena Tammsaar")->country, "FIN");
    evg_doc_free(d);
    /* out of every term: the text's name stands, the gazetteer says nothing */
    d = extract_with(with, "2010-05-04",
                     "President Tammsaar met Chancellor Weber in Berlin.");
    assert_null(person(d, "Ivo Tammsaar"));
    assert_null(person(d, "Lena Tammsaar"));
    evg_doc_free(d);
    /* a row coded with a state that did not exist yet: the state of the date */
    d = extract_with(with, "1987-06-02",
                     "Defence Minister Boris Orlovsky met Defence Minister Hans Keller.");
    assert_string_equal(person(d, "Boris Orlovsky")->country, "SUN");
    evg_doc_free(d);
    d = extract_with(with, "1995-06-02",
                     "Minister Boris Orlovsky met Minister Hans Keller.");
    assert_null(person(d, "Boris Orlovsky")->country); /* out of office then */
    evg_doc_free(d);
    /* an interval out of office decides no country */
    d = extract_with(with, "1987-06-02",
                     "Minister Petr Volkov met Minister Hans Keller.");
    assert_null(person(d, "Petr Volkov")->country);
    evg_doc_free(d);
    /* a country the title names is kept; two who fit are none */
    d = extract_with(with, "2021-05-04",
                     "Finnish Foreign Minister Ivo Tammsaar met Chancellor Brenner.");
    assert_string_equal(person(d, "Ivo Tammsaar")->country, "FIN");
    assert_null(person(d, "Karl Brenner"));
    evg_doc_free(d);
    d = extract_with(with, "2012-05-04", "Prime Minister Kask met Chancellor Brenner.");
    assert_null(person(d, "Karl Brenner"));
    assert_null(person(d, "Otto Brenner"));
    evg_doc_free(d);
    /* a file written by a spreadsheet: a byte order mark and CRLF line ends */
    assert_int_equal(evg_lexicon_add_officials(
                         with, EVG_TEST_DATA "/extract/officials_bom_crlf.tsv", &e),
                     0);
    /* no name for "the President" when the text names no one */
    d = extract_with(with, "2021-05-04", "The President met Chancellor Weber in Berlin.");
    assert_null(person(d, "Ivo Tammsaar"));
    evg_doc_free(d);
    evg_lexicon_free(with);
}

/* A name only the headline gives, in capitals every word, needs the body. */
static void test_headline_only_names(void **state)
{
    static const char text[] =
        "date 2024-09-30 Foreign Minister Completes Successful Week Of Engagements\n\n"
        "Foreign Minister Ilse Varga today wrapped up a week of talks in Sarn. She met "
        "Prime Minister Rui Canto of Belmont on Monday.";
    evg_article *a = NULL;
    evg_doc *d = NULL;
    (void)state;

    assert_int_equal(evg_article_parse(&a, "t", NULL, text, strlen(text), NULL), 0);
    assert_int_equal(evg_extract(&d, a, lx, NULL, NULL), 0);
    assert_null(person(d, "Completes Successful"));
    assert_non_null(person(d, "Ilse Varga"));
    evg_doc_free(d);
    evg_article_free(a);
}

/* A gazetteer that does not read names its file and line. */
static void test_bad_officials(void **state)
{
    static const struct {
        const char *file;
        int code;
        size_t line;
        const char *says;
    } bad[] = {
        {EVG_TEST_DATA "/extract/officials_bad_date.tsv", EVG_EPARSE, 3, "soon"},
        {EVG_TEST_DATA "/extract/officials_bad_header.tsv", EVG_EPARSE, 1, "person"},
        {EVG_TEST_DATA "/extract/no_such.tsv", EVG_EIO, 0, NULL}};
    evg_lexicon *with = NULL;
    (void)state;

    assert_int_equal(evg_lexicon_load(&with, NULL, 0, NULL), 0);
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        evg_error e;
        memset(&e, 0, sizeof e);
        assert_int_equal(evg_lexicon_add_officials(with, bad[i].file, &e), bad[i].code);
        assert_string_equal(e.source, bad[i].file);
        if (bad[i].says) {
            assert_int_equal(e.line, bad[i].line);
            assert_non_null(strstr(e.text, bad[i].says));
        }
    }
    evg_lexicon_free(with);
}

static void test_readout_style(void **state)
{
    (void)state;
    evg_doc *d = extract(
        "2022-09-22",
        "NEW YORK, Sept 21 - World Bank President Dana Holt held talks with Dr. Amal "
        "Nasser, Jordan's Minister of Planning. H.E. Sheikh Fahad bin Nasser received "
        "George "
        "W. Brandt at the palace. President Ri Chol Jin met Chinese Foreign Minister "
        "Zhang Lei "
        "in Pyongyang. A planned meeting between Prime Minister Ola Berg and Chancellor "
        "Max "
        "Weber was cancelled.");
    const evg_event *ev = event_of(d, EVG_EV_MEETING, "Dana Holt", "Amal Nasser");
    assert_non_null(ev);
    assert_string_equal(ev->date, "2022-09-21"); /* "Sept" in the dateline */
    assert_string_equal(person(d, "Dana Holt")->org, "org:world-bank");
    const evg_entity *n = person(d, "Amal Nasser");
    assert_string_equal(n->country, "JOR"); /* the title in apposition after "Dr." */
    assert_string_equal(n->titles[0], "Minister of Planning");
    /* a bare name with an initial is a person */
    assert_non_null(event_of(d, EVG_EV_MEETING, "Fahad bin Nasser", "George W. Brandt"));
    /* meeting a foreigner in Pyongyang: of the country of Pyongyang */
    assert_string_equal(person(d, "Ri Chol Jin")->country, "PRK");
    assert_null(event_of(d, EVG_EV_MEETING, "Ola Berg", "Max Weber"));
    evg_doc_free(d);
}

typedef struct {
    char *out;
    size_t len, cap, docs;
} collected;

static int collect_line(evg_doc *d, const char *line, size_t len, void *payload)
{
    collected *c = payload;
    if (c->len + len + 1 > c->cap) {
        c->cap = 2 * (c->len + len + 1);
        c->out = realloc(c->out, c->cap);
        assert_non_null(c->out);
    }
    memcpy(c->out + c->len, line, len);
    c->len += len;
    c->out[c->len] = '\0';
    c->docs++;
    evg_doc_free(d);
    return 0;
}

/* Extract a folder on `threads` threads; the JSON Lines in `c`. */
static void run_threads(const char *dir, unsigned threads, collected *c, size_t *failed)
{
    evg_extract_run_opts o = EVG_EXTRACT_RUN_OPTS_INIT;
    o.threads = threads;
    memset(c, 0, sizeof *c);
    assert_int_equal(evg_extract_paths(failed, &dir, 1, lx, &o, collect_line, c, NULL),
                     0);
}

static void test_threads_same_output(void **state)
{
    (void)state;
    char dir[] = "/tmp/evg-threads-XXXXXX";
    const char *first[] = {"Ana", "Luis", "Marta", "Jan", "Eva", "Ole", "Rui", "Ines"};
    const char *last[] = {"Lopes", "Gil",  "Rossi", "Novak",
                          "Kral",  "Berg", "Costa", "Vidal"};
    collected one, four;
    size_t f1 = 0, f4 = 0;

    assert_non_null(mkdtemp(dir));
    for (int i = 0; i < 60; i++) {
        char name[64], text[512];
        snprintf(name, sizeof name, "%s/%03d.txt", dir, i);
        if (i == 17) /* one bad article among them */
            snprintf(text, sizeof text, "no date line\n\nbody\n");
        else
            snprintf(
                text, sizeof text,
                "date 2024-03-%02d Talks\n\nForeign Minister %s %s met Spanish Foreign "
                "Minister %s %s on Monday. They signed an agreement to expand trade "
                "between the two countries.\n",
                1 + i % 28, first[i % 8], last[(i / 8) % 8], first[(i + 3) % 8],
                last[(i + 5) % 8]);
        FILE *f = fopen(name, "w");
        assert_non_null(f);
        fputs(text, f);
        fclose(f);
    }
    run_threads(dir, 1, &one, &f1);
    run_threads(dir, 4, &four, &f4);
    assert_int_equal(one.docs, 59);
    assert_int_equal(f1, 1);
    assert_int_equal(four.docs, one.docs);
    assert_int_equal(f4, f1);
    assert_int_equal(four.len, one.len);
    assert_memory_equal(four.out, one.out, one.len); /* byte for byte, in order */
    assert_non_null(strstr(one.out, "\"id\":\"000\""));
    assert_true(strstr(one.out, "\"id\":\"000\"") < strstr(one.out, "\"id\":\"059\""));
    free(one.out);
    free(four.out);
    for (int i = 0; i < 60; i++) {
        char name[64];
        snprintf(name, sizeof name, "%s/%03d.txt", dir, i);
        unlink(name);
    }
    rmdir(dir);
}

/* Write `text` to a new temporary file; its name in `path` (a "/tmp/...XXXXXX" buffer).
 */
static void write_temp(char *path, const char *text)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
    close(fd);
}

/* A phrase of `words` invented words ("vel0 vel1 ..."), whose folded key is `*len` long.
 */
static char *phrase_of(size_t words, size_t *len)
{
    char *p = calloc(words * 12 + 1, 1);
    size_t n = 0;
    assert_non_null(p);
    for (size_t i = 0; i < words; i++)
        n += (size_t)snprintf(p + n, words * 12 + 1 - n, "%svel%zu", i ? " " : "", i);
    *len = n;
    return p;
}

/*
 * A lexicon phrase longer than any sentence can match (its key past LX_KEY_MAX)
 * stores only the prefixes text can reach: memory linear in its length, not
 * one key per prefix. What can match is unchanged: a head of exactly
 * LX_KEY_MAX bytes still matches whole, its longer neighbour only as far as
 * the other phrases go.
 */
static void test_long_lexicon_phrase(void **state)
{
    (void)state;
    char path[] = "/tmp/evg-phrase-XXXXXX";
    size_t len, cut;
    char *huge = phrase_of(20000, &len), *json, *fit;
    evg_lexicon *mine = NULL;
    evg_i_tokens t;
    lx_phrase ph;

    /* `huge` up to the last word text can reach, then a word that makes LX_KEY_MAX */
    for (cut = LX_KEY_MAX; huge[cut] != ' '; cut--)
        ;
    fit = calloc(LX_KEY_MAX + 1, 1);
    assert_non_null(fit);
    memcpy(fit, huge, cut);
    memset(fit + cut, 'z', LX_KEY_MAX - cut); /* "... vel40zzz": 255 bytes */
    fit[cut] = ' ';
    json = malloc(len + 2 * LX_KEY_MAX + 64);
    assert_non_null(json);
    snprintf(json, len + 2 * LX_KEY_MAX + 64,
             "{\"heads\": [\"%s\", \"%s\", \"grand steward\"]}", huge, fit);
    write_temp(path, json);
    const char *p = path;
    assert_int_equal(evg_lexicon_load(&mine, &p, 1, NULL), 0);
    unlink(path);
    /* 20,000 words, but a few dozen new entries: the prefixes up to LX_KEY_MAX */
    assert_true(mine->nphrase - lx->nphrase < 2 * LX_KEY_MAX / 5);
    memset(&t, 0, sizeof t);
    assert_int_equal(evg_i_tokenize(&t, fit, strlen(fit), &mine->abbrevs), 0);
    assert_int_equal(evg_i_lx_match(&ph, NULL, mine, &t, 0, t.n), t.n);
    assert_true(ph.classes & LX_HEAD);
    evg_i_tokens_free(&t);
    /* the long phrase's text matches no further than its reachable prefix, a prefix
     * of `fit` too, which is no phrase: nothing */
    assert_int_equal(evg_i_tokenize(&t, huge, strlen(huge), &mine->abbrevs), 0);
    assert_int_equal(evg_i_lx_match(&ph, NULL, mine, &t, 0, t.n), 0);
    evg_i_tokens_free(&t);
    evg_doc *d = extract_with(
        mine, "2024-03-05", "Grand Steward Aro Venn received Trade Minister Ilse Rell.");
    assert_non_null(event_of(d, EVG_EV_MEETING, "Aro Venn", "Ilse Rell"));
    evg_doc_free(d);
    evg_lexicon_free(mine);
    free(json);
    free(fit);
    free(huge);
}

/*
 * "The minister" is the latest person holding such a title, however far back:
 * found among the people who hold the title once the latest mentions do not
 * name one.
 */
static void test_title_reference_far_back(void **state)
{
    (void)state;
    char body[8192];
    size_t n = (size_t)snprintf(
        body, sizeof body, "Trade Minister Aro Venn arrived in Port Vell on Monday. ");
    for (int i = 0; i < 40; i++)
        n += (size_t)snprintf(body + n, sizeof body - n,
                              "Ambassador Ola Ve%c%c said the port was busy. ",
                              'a' + i % 20, 'a' + i / 20);
    snprintf(body + n, sizeof body - n,
             "The minister received Ambassador Ola Vebb at the port on Tuesday.");
    evg_doc *d = extract("2024-03-06", body);
    assert_non_null(event_of(d, EVG_EV_MEETING, "Aro Venn", "Ola Vebb"));
    evg_doc_free(d);
}

static void test_government_readouts(void **state)
{
    (void)state;
    evg_doc *d =
        extract("2023-07-14", "Secretary of State Arthur J. Penn met today with Japanese "
                              "Foreign Minister Sato Kenji "
                              "on the margins of the ASEAN Foreign Ministers' Meeting in "
                              "Jakarta. The Secretary and "
                              "Foreign Minister Sato discussed maritime security. "
                              "Secretary Penn also spoke with "
                              "Turkish Foreign Minister Emre Aydin. Minister Claire "
                              "Tremblay met with her Mexican "
                              "counterpart, Rosa Campos, in Ottawa. Foreign Secretary "
                              "Tom Hale welcomed the Prime "
                              "Minister of Iraq, Ali Jassim al-Hakim, to London.");
    const evg_event *ev = event_of(d, EVG_EV_MEETING, "Arthur J. Penn", "Sato Kenji");
    assert_non_null(ev);
    assert_int_equal(ev->nparticipants, 2);
    /* "The Secretary and Foreign Minister Sato": two people, one title each */
    assert_int_equal(person(d, "Sato Kenji")->ntitles, 1);
    /* on the margins of a meeting in Jakarta: nobody is Indonesian; "Secretary of State"
     * with no country named is the United States' */
    assert_string_equal(person(d, "Arthur J. Penn")->country, "USA");
    /* readouts' "spoke with" is a call */
    assert_non_null(event_of(d, EVG_EV_CALL, "Arthur J. Penn", "Emre Aydin"));
    /* "her Mexican counterpart" is no pronoun: the counterpart is named */
    assert_non_null(event_of(d, EVG_EV_MEETING, "Claire Tremblay", "Rosa Campos"));
    assert_string_equal(person(d, "Claire Tremblay")->country,
                        "CAN"); /* host in Ottawa */
    assert_non_null(event_of(d, EVG_EV_MEETING, "Tom Hale", "Ali Jassim al-Hakim"));
    evg_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_delegation_and_back_references),
        cmocka_unit_test(test_titles_kept),
        cmocka_unit_test(test_plural_subject_and_passive),
        cmocka_unit_test(test_call_planned_negated_background),
        cmocka_unit_test(test_visit_to_place),
        cmocka_unit_test(test_agreements),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_folding_and_history),
        cmocka_unit_test(test_source_domains),
        cmocka_unit_test(test_no_meeting),
        cmocka_unit_test(test_tokens),
        cmocka_unit_test(test_user_lexicon),
        cmocka_unit_test(test_bad_lexicon),
        cmocka_unit_test(test_user_grammar),
        cmocka_unit_test(test_title_runs),
        cmocka_unit_test(test_meeting_joined_by_list),
        cmocka_unit_test(test_subjects_out_of_place),
        cmocka_unit_test(test_portfolio_titles),
        cmocka_unit_test(test_dateline),
        cmocka_unit_test(test_city_lookup),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_relative_clause),
        cmocka_unit_test(test_described_agreements),
        cmocka_unit_test(test_clause_boundaries),
        cmocka_unit_test(test_companies_are_nobody),
        cmocka_unit_test(test_agreed_to),
        cmocka_unit_test(test_officials),
        cmocka_unit_test(test_bad_officials),
        cmocka_unit_test(test_headline_only_names),
        cmocka_unit_test(test_readout_style),
        cmocka_unit_test(test_threads_same_output),
        cmocka_unit_test(test_government_readouts),
        cmocka_unit_test(test_long_lexicon_phrase),
        cmocka_unit_test(test_title_reference_far_back),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
