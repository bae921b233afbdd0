#ifndef EVG_MODEL_DOC_INTERNAL_H
#define EVG_MODEL_DOC_INTERNAL_H

#include <stdint.h>

#include "evgraph/doc.h"
#include "util/arena.h"

/*
 * A document owns one arena holding every string and array of its entities
 * and events; the two tables themselves are growable heap arrays. A record
 * read back is built first on strings it borrows, then settled: its tables
 * are exact and all it holds is copied into one block of the size measured,
 * so a million records do not each keep half-empty arena blocks and tables.
 */
struct evg_doc {
    evg_i_arena arena;
    unsigned char *slab; /* a settled document's strings and arrays */
    const char *id, *path, *date, *title;
    const char *url, *source; /* of JSON Lines input: where it was published */
    evg_entity *ents;
    size_t nents, cap_ents;
    /* Entities by id, once there are more than a few: an open-addressing table of
     * their indexes plus one (0: empty), kept as entities are added. */
    uint32_t *id_slots;
    size_t id_cap;
    evg_event *events;
    size_t nevents, cap_events;
};

/* A new empty document; strings are copied (any may be NULL except id). */
int evg_i_doc_new(evg_doc **out, const char *id, const char *path, const char *date,
                  const char *title, evg_error *err);

/*
 * Set the document's url and outlet (copied; either may be NULL). 0 or
 * EVG_ENOMEM.
 */
int evg_i_doc_set_origin(evg_doc *d, const char *url, const char *source, evg_error *err);

/*
 * A new empty document for a record read back: all fields NULL, tables for
 * exactly `nents` entities and `nevents` events.
 */
int evg_i_doc_new_sized(evg_doc **out, size_t nents, size_t nevents, evg_error *err);

/*
 * Append `e` or `ev` as it is, its strings and arrays only borrowed (until
 * evg_i_doc_settle()). Returns 0 or EVG_ENOMEM.
 */
int evg_i_doc_push_entity(evg_doc *d, const evg_entity *e, evg_error *err);
int evg_i_doc_push_event(evg_doc *d, const evg_event *ev, evg_error *err);

/*
 * Copy everything `d` borrows (its metadata, the entities and events pushed)
 * into one block of its own. A participant's, party's or agreement's entity, and an
 * event's place_id, must be the very pointer of that entity's id; it is pointed at the
 * copy of the id.
 * Call once, on a document made by evg_i_doc_new_sized(). 0 or EVG_ENOMEM.
 */
int evg_i_doc_settle(evg_doc *d, evg_error *err);

/*
 * doc_json_fast.c: the record on line `line` of `source` read by cJSON, when
 * it is a record jansson would read the same and it has no fault: 1 and
 * `*out` set; otherwise 0, and evg_doc_parse_json() reads it with jansson.
 */
int evg_i_doc_parse_fast(evg_doc **out, const char *text, size_t len, const char *source,
                         int line);

/*
 * Append a deep copy of `e` (strings and the titles array copied into the
 * arena). Returns 0 or EVG_ENOMEM.
 */
int evg_i_doc_add_entity(evg_doc *d, const evg_entity *e, evg_error *err);

/* Append a deep copy of `ev`. Returns 0 or EVG_ENOMEM. */
int evg_i_doc_add_event(evg_doc *d, const evg_event *ev, evg_error *err);

/* Index of the entity with this id, or -1. O(1) on average (a hash table from the
 * 17th entity on), so reading or making a document of n entities takes O(n). */
long evg_i_doc_entity_index(const evg_doc *d, const char *id);

/* Parse the names used in JSON back to enums: 0, or -1 when unknown. */
int evg_i_entity_type_parse(evg_entity_type *out, const char *s);
int evg_i_event_type_parse(evg_event_type *out, const char *s);
int evg_i_event_status_parse(evg_event_status *out, const char *s);
int evg_i_role_parse(evg_role *out, const char *s);
int evg_i_agreement_rel_parse(evg_agreement_rel *out, const char *s);

#endif
