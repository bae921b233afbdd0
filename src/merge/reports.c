/*
 * Events -> reports: every event of every document, with what the merge of
 * meetings (meetings.c) compares: its participants as vertices, its kind and
 * status, its day and its document's, and the country of its place. Also
 * the pools the participant lists of reports and meetings are carved from.
 */
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"
#include "util/date.h"

enum { KIND_MEETING, KIND_CALL, KIND_VISIT };

static int nomem(evg_i_builder *b)
{
    return evg_i_error_nomem(b->err);
}

/* What may be of one meeting: in person (a signing is done at a meeting), calls, visits.
 */
static int event_kind(evg_event_type t)
{
    return t == EVG_EV_CALL ? KIND_CALL : t == EVG_EV_VISIT ? KIND_VISIT : KIND_MEETING;
}

/* Host and guest say more than participant; of two claims the first stays. */
static int stronger(int role, int than)
{
    return than == EVG_ROLE_PARTICIPANT && role != EVG_ROLE_PARTICIPANT;
}

/*
 * The participants of report `r`, as vertices, ascending, each once, into
 * the pools from `*used` on (advanced past them): its people, then its
 * parties (the states and bodies that took part without a named person),
 * which take part as their country's or organization's vertex.
 */
static void report_people(evg_i_builder *b, evg_i_report *r, size_t *used)
{
    const evg_event *ev = r->ev;
    size_t n = 0;

    r->people = b->report_people + *used;
    r->roles = b->report_roles + *used;
    for (size_t k = 0; k < ev->nparticipants + ev->nparties; k++) {
        const char *id;
        int role;
        if (k < ev->nparticipants) {
            id = ev->participants[k].entity;
            role = (int)ev->participants[k].role;
        } else {
            id = ev->parties[k - ev->nparticipants].entity;
            role = (int)ev->parties[k - ev->nparticipants].role;
        }
        size_t m = evg_i_mention_of(b, r->doc, id), v, at;
        if (m == SIZE_MAX || b->m[m].v == SIZE_MAX)
            continue; /* the parser guarantees it; a record built in memory may not */
        v = b->m[m].v;
        for (at = 0; at < n && r->people[at] < v; at++)
            ;
        if (at < n && r->people[at] == v) { /* "Lepik" and "Kadri Lepik" in one event */
            if (stronger(role, r->roles[at]))
                r->roles[at] = role;
            continue;
        }
        memmove(r->people + at + 1, r->people + at, (n - at) * sizeof(size_t));
        memmove(r->roles + at + 1, r->roles + at, (n - at) * sizeof(int));
        r->people[at] = v;
        r->roles[at] = role;
        n++;
    }
    r->npeople = n;
    *used += n;
}

/*
 * The place entity of a report: the one its place_id names, else (a record of
 * an earlier version) the first of its place's name, one with a country first.
 */
static const evg_entity *place_entity(const evg_i_builder *b, const evg_i_report *r)
{
    const evg_entity *named = NULL;

    if (r->ev->place_id) {
        size_t m = evg_i_mention_of(b, r->doc, r->ev->place_id);
        return m != SIZE_MAX && b->m[m].type == EVG_ENT_PLACE ? b->m[m].e : NULL;
    }
    for (size_t m = b->doc_first[r->doc]; m < b->nm && b->m[m].doc == r->doc; m++) {
        const evg_entity *e = b->m[m].e;
        if (b->m[m].type != EVG_ENT_PLACE || !e->name ||
            strcmp(e->name, r->ev->place) != 0)
            continue;
        if (e->country && e->country[0])
            return e;
        if (named == NULL)
            named = e;
    }
    return named;
}

/* A report's place: its label (with the city its entity gives) and its country, the
 * entity's own, else what its name says. */
static int report_place(evg_i_builder *b, evg_i_report *r)
{
    const evg_entity *e;
    int rc = 0;

    if (r->ev->place == NULL || r->ev->place[0] == '\0')
        return 0;
    e = place_entity(b, r);
    r->place = r->ev->place;
    if (e && e->name && e->name[0])
        EVG_CHECK(evg_i_builder_place_label(&r->place, b, e->name, e->city));
    if (e && e->country && e->country[0]) {
        r->place_cc = e->country;
        return 0;
    }
    rc = evg_i_place_country(&r->place_cc, b, r->place,
                             r->date ? r->date : evg_doc_date(b->docs[r->doc]));
cleanup:
    return rc;
}

/* The events of the documents, and their participants. */
static void count_reports(size_t *n_out, size_t *people_out, const evg_i_builder *b)
{
    *n_out = *people_out = 0;
    for (size_t d = 0; d < b->ndocs; d++) {
        *n_out += evg_doc_event_count(b->docs[d]);
        for (size_t k = 0; k < evg_doc_event_count(b->docs[d]); k++)
            *people_out += evg_doc_event(b->docs[d], k)->nparticipants +
                           evg_doc_event(b->docs[d], k)->nparties;
    }
}

int evg_i_collect_reports(evg_i_builder *b)
{
    size_t n, people, used = 0;
    int rc = 0;

    count_reports(&n, &people, b);
    if ((b->r = calloc(n + 1, sizeof(*b->r))) == NULL ||
        (b->report_people = calloc(people + 1, sizeof(size_t))) == NULL ||
        (b->report_roles = calloc(people + 1, sizeof(int))) == NULL ||
        (b->meeting_people = calloc(people + 1, sizeof(size_t))) == NULL ||
        (b->meeting_roles = calloc(people + 1, sizeof(int))) == NULL ||
        (b->meeting_said = calloc(people + 1, sizeof(size_t))) == NULL)
        return nomem(b);
    for (size_t d = 0; d < b->ndocs; d++) {
        for (size_t k = 0; k < evg_doc_event_count(b->docs[d]); k++) {
            evg_i_report *r = &b->r[b->nr++];
            r->doc = d;
            r->index = k;
            r->ev = evg_doc_event(b->docs[d], k);
            r->cls = event_kind(r->ev->type) * 2 + (int)r->ev->status;
            r->day = r->doc_day = EVG_I_NO_DAY;
            if (evg_doc_date(b->docs[d]) &&
                evg_i_date_valid(evg_doc_date(b->docs[d]),
                                 strlen(evg_doc_date(b->docs[d]))))
                r->doc_day = evg_i_date_days(evg_doc_date(b->docs[d]));
            if (r->ev->date && evg_i_date_valid(r->ev->date, strlen(r->ev->date))) {
                r->date = r->ev->date;
                r->day = evg_i_date_days(r->date);
            }
            r->meeting = SIZE_MAX;
            report_people(b, r, &used);
            EVG_CHECK(report_place(b, r)); /* after the date: names of places change */
        }
    }
    b->stats.reports = b->nr;
cleanup:
    return rc;
}
