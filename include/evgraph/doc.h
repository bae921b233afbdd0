#ifndef EVGRAPH_DOC_H
#define EVGRAPH_DOC_H

#include <stdio.h>

#include "evgraph/error.h"

EVG_BEGIN_DECLS

/**
 * The event record of one document: what `evgraph extract` writes as one JSON
 * line (see docs/events.md). Opaque; produced by evg_extract() or read back
 * with evg_doc_parse_json(); owns all its strings.
 */
typedef struct evg_doc evg_doc;

typedef enum {
    EVG_ENT_PERSON,
    EVG_ENT_ORGANIZATION,
    EVG_ENT_COUNTRY,
    EVG_ENT_AGREEMENT,
    EVG_ENT_PLACE
} evg_entity_type;

/*
 * The types of event. Each has one row in the table of src/model/doc.c (its
 * name and whether it brings people together in person); every other part
 * of the library asks that table through the functions below
 * (docs/design.md, "An event type").
 */
typedef enum {
    EVG_EV_MEETING,
    EVG_EV_CALL,
    EVG_EV_VISIT,
    EVG_EV_SIGNING,
    EVG_EV__COUNT /* how many types there are; not a type */
} evg_event_type;
typedef enum { EVG_STATUS_REPORTED, EVG_STATUS_PLANNED } evg_event_status;
typedef enum { EVG_ROLE_HOST, EVG_ROLE_GUEST, EVG_ROLE_PARTICIPANT } evg_role;
/*
 * What an event did with an agreement: signed it, or only referred to it;
 * negotiated it (talks on its text), ratified it, or withdrew from it.
 */
typedef enum {
    EVG_REL_SIGNED,
    EVG_REL_REFERENCED,
    EVG_REL_NEGOTIATED,
    EVG_REL_RATIFIED,
    EVG_REL_WITHDRAWN
} evg_agreement_rel;

/** An entity as stored in a document. All pointers are borrowed from the doc. */
typedef struct {
    const char *id; /* "<type>:<slug>"; countries "country:<ISO alpha-3>" */
    evg_entity_type type;
    const char *name;          /* full name as first written */
    const char *const *titles; /* persons: offices and ranks as written */
    size_t ntitles;
    const char *country; /* persons, organizations, places: ISO alpha-3, or NULL */
    const char *org;     /* persons: organization entity id, or NULL */
    const char *kind;    /* agreements: "declaration", "treaty", ...; else NULL */
    /* Places: the city it is in as written, itself for a city ("Baku", and "Baku" for
     * "Defense Ministry" when the text says "at the Defense Ministry in Baku"); NULL
     * when unknown. */
    const char *city;
} evg_entity;

typedef struct {
    const char *entity; /* entity id */
    evg_role role;
} evg_participant;

/*
 * A side of an event that is no named person: a state or a body that took
 * part as such ("Ardania and Belmont signed the accord"), or an official of it
 * the text does not name ("Ardania's deputy foreign minister visited
 * Belmont"), whose office is `title`. The record never invents a person.
 */
typedef struct {
    const char *entity; /* country or organization entity id */
    evg_role role;
    const char *title; /* the unnamed official's office as written, or NULL */
} evg_party;

typedef struct {
    const char *entity; /* agreement entity id */
    evg_agreement_rel relation;
} evg_agreement_ref;

/** Byte offsets into the article body, and the sentence text. */
typedef struct {
    size_t start, end;
    const char *text;
} evg_evidence;

typedef struct {
    const char *id; /* "<doc id>#<n>" */
    evg_event_type type;
    evg_event_status status;
    const char *date;  /* "YYYY-MM-DD" or NULL */
    const char *place; /* free text or NULL */
    const evg_participant *participants;
    size_t nparticipants;
    const evg_agreement_ref *agreements;
    size_t nagreements;
    const evg_evidence *evidence;
    size_t nevidence;
    /* How the date was found: "text" (a time expression in the sentence),
     * "context" (the event continues one dated before: a visit's programme),
     * "dateline" (no time in the text: the dispatch's date); NULL without date. */
    const char *date_source;
    /* The sides that took part without a named person, each entity once. */
    const evg_party *parties;
    size_t nparties;
    /* The id of the place entity `place` names, or NULL (records of earlier versions:
     * the place entity of that name, if any). */
    const char *place_id;
} evg_event;

/*
 * Reading entities and events through functions. These functions are the
 * stable API: a later version may add a field to evg_entity, evg_event or
 * the structs they point to, which changes their size, so code that reads
 * the fields directly (kept for C users) must be rebuilt against the new
 * headers, while code that uses only these functions (bindings through
 * libffi, ctypes and the like) keeps working. Every one accepts NULL and
 * an index out of range, and then returns NULL (0 for counts and enums,
 * `*_out` untouched). Strings are borrowed from the document.
 */

/** "<type>:<slug>"; countries "country:<ISO alpha-3>". */
EVG_API const char *evg_entity_get_id(const evg_entity *e);
EVG_API evg_entity_type evg_entity_get_type(const evg_entity *e);
/** The full name as first written. */
EVG_API const char *evg_entity_get_name(const evg_entity *e);
/** Persons, organizations, places: ISO alpha-3, or NULL. */
EVG_API const char *evg_entity_get_country(const evg_entity *e);
/** Persons: the organization entity id, or NULL. */
EVG_API const char *evg_entity_get_org(const evg_entity *e);
/** Agreements: "declaration", "treaty", ...; else NULL. */
EVG_API const char *evg_entity_get_kind(const evg_entity *e);
/** Places: the city it is in as written, or NULL. */
EVG_API const char *evg_entity_get_city(const evg_entity *e);
/** Persons: the offices and ranks as written. */
EVG_API size_t evg_entity_title_count(const evg_entity *e);
EVG_API const char *evg_entity_title(const evg_entity *e, size_t i);

/** "<doc id>#<n>". */
EVG_API const char *evg_event_get_id(const evg_event *ev);
EVG_API evg_event_type evg_event_get_type(const evg_event *ev);
EVG_API evg_event_status evg_event_get_status(const evg_event *ev);
/** "YYYY-MM-DD", or NULL. */
EVG_API const char *evg_event_get_date(const evg_event *ev);
/** How the date was found: "text", "context", "dateline"; NULL without a date. */
EVG_API const char *evg_event_get_date_source(const evg_event *ev);
/** The place as written, and the id of its place entity; each may be NULL. */
EVG_API const char *evg_event_get_place(const evg_event *ev);
EVG_API const char *evg_event_get_place_id(const evg_event *ev);
/** The named people who took part: the entity id of the i-th, its role in `*role_out`. */
EVG_API size_t evg_event_participant_count(const evg_event *ev);
EVG_API const char *evg_event_participant(const evg_event *ev, size_t i,
                                          evg_role *role_out);
/**
 * The sides without a named person (evg_party): the country or organization
 * id of the i-th, its role, and the unnamed official's office (or NULL).
 */
EVG_API size_t evg_event_party_count(const evg_event *ev);
EVG_API const char *evg_event_party(const evg_event *ev, size_t i, evg_role *role_out,
                                    const char **title_out);
/** The agreements: the entity id of the i-th and what the event did with it. */
EVG_API size_t evg_event_agreement_count(const evg_event *ev);
EVG_API const char *evg_event_agreement(const evg_event *ev, size_t i,
                                        evg_agreement_rel *relation_out);
/** The supporting sentences: the text of the i-th and its byte offsets in the body. */
EVG_API size_t evg_event_evidence_count(const evg_event *ev);
EVG_API const char *evg_event_evidence(const evg_event *ev, size_t i, size_t *start_out,
                                       size_t *end_out);

/** Document metadata; borrowed strings, date and title may be NULL. */
EVG_API const char *evg_doc_id(const evg_doc *d);
EVG_API const char *evg_doc_path(const evg_doc *d);
EVG_API const char *evg_doc_date(const evg_doc *d);
EVG_API const char *evg_doc_title(const evg_doc *d);
/**
 * Where the document was published, when its JSON Lines article gave it: the
 * "url" and the outlet ("source"); NULL otherwise. Borrowed.
 */
EVG_API const char *evg_doc_url(const evg_doc *d);
EVG_API const char *evg_doc_source(const evg_doc *d);

EVG_API size_t evg_doc_entity_count(const evg_doc *d);
/** The i-th entity (i < count); borrowed, lives as long as the doc. */
EVG_API const evg_entity *evg_doc_entity(const evg_doc *d, size_t i);
/** The entity with this id, or NULL; found in O(1) on average whatever the count. */
EVG_API const evg_entity *evg_doc_find_entity(const evg_doc *d, const char *id);

EVG_API size_t evg_doc_event_count(const evg_doc *d);
/** The i-th event (i < count); borrowed, lives as long as the doc. */
EVG_API const evg_event *evg_doc_event(const evg_doc *d, size_t i);

/**
 * Write the record as one line of JSON (with the trailing newline) to `f`.
 * Returns 0, or EVG_EIO when writing failed, EVG_EINVAL when a string is
 * not valid UTF-8 or a date is not one the reader accepts (err names the
 * part of the record), EVG_ENOMEM.
 */
EVG_API int evg_doc_write_json(FILE *f, const evg_doc *d, evg_error *err);

/**
 * The record as one line of JSON with its newline, in `*out` (free with
 * evg_free()), its length in `*len_out` (may be NULL). Keys come in a fixed
 * order, so the same record always gives the same bytes. Returns 0,
 * EVG_EINVAL (a string is not valid UTF-8, or a date is not a real
 * YYYY-MM-DD from 0001-01-01 to 9999-12-31, which evg_doc_parse_json()
 * would refuse) or EVG_ENOMEM; `*out` is NULL on error.
 */
EVG_API int evg_doc_to_json(char **out, size_t *len_out, const evg_doc *d,
                            evg_error *err);

/**
 * Parse one JSON line written by evg_doc_write_json(). `source` and `line`
 * are used in error messages. Returns 0, EVG_EPARSE or EVG_ENOMEM (also when
 * the JSON parser ran out of memory, which it would report as a syntax
 * error; err has the source and line). Free with evg_doc_free().
 *
 * EVG_EPARSE covers: not JSON (or duplicate keys), a missing or empty id, a
 * field of the wrong type, an unknown type, status, role or relation, a date
 * that is not a real YYYY-MM-DD, an evidence span ending before it starts,
 * a duplicate entity id, a participant, party or agreement that is not among
 * the entities (or a person or party listed twice, a party that is no country
 * or organization, or an agreement reference to a non-agreement). err->text starts with
 * the field, e.g. "events[0].participants[1].role: unknown role 'boss'".
 */
EVG_API int evg_doc_parse_json(evg_doc **out, const char *text, size_t len,
                               const char *source, int line, evg_error *err);

/** NULL-safe. */
EVG_API void evg_doc_free(evg_doc *d);

/** "person", "meeting", "host", "signed" ...: static strings. */
EVG_API const char *evg_entity_type_name(evg_entity_type t);
EVG_API const char *evg_event_type_name(evg_event_type t);

/**
 * The event type named `name` ("meeting", "call", "visit", "signing") into
 * `*out`. Returns 0, or EVG_EINVAL when no type has that name (`*out` is
 * then untouched).
 */
EVG_API int evg_event_type_from_name(evg_event_type *out, const char *name);

/**
 * 1 when events of type `t` bring their participants together in person
 * (a meeting, a visit, a signing; not a call), else 0, also for a value
 * that is no type. People of a reported in-person event are joined by
 * "met" in the people view.
 */
EVG_API int evg_event_type_in_person(evg_event_type t);
EVG_API const char *evg_event_status_name(evg_event_status s);
EVG_API const char *evg_role_name(evg_role r);
EVG_API const char *evg_agreement_rel_name(evg_agreement_rel r);

EVG_END_DECLS

#endif
