#ifndef EVG_MODEL_DOC_INTERNAL_H
#define EVG_MODEL_DOC_INTERNAL_H

#include "evgraph/doc.h"
#include "util/arena.h"

/*
 * A document owns one arena holding every string and array of its entities
 * and events; the two tables themselves are growable heap arrays.
 */
struct evg_doc {
    evg_i_arena arena;
    const char *id, *path, *date, *title;
    evg_entity *ents;
    size_t nents, cap_ents;
    evg_event *events;
    size_t nevents, cap_events;
};

/* A new empty document; strings are copied (any may be NULL except id). */
int evg_i_doc_new(evg_doc **out, const char *id, const char *path, const char *date,
                  const char *title, evg_error *err);

/*
 * Append a deep copy of `e` (strings and the titles array copied into the
 * arena). Returns 0 or EVG_ENOMEM.
 */
int evg_i_doc_add_entity(evg_doc *d, const evg_entity *e, evg_error *err);

/* Append a deep copy of `ev`. Returns 0 or EVG_ENOMEM. */
int evg_i_doc_add_event(evg_doc *d, const evg_event *ev, evg_error *err);

/* Index of the entity with this id, or -1. */
long evg_i_doc_entity_index(const evg_doc *d, const char *id);

/* Parse the names used in JSON back to enums: 0, or -1 when unknown. */
int evg_i_entity_type_parse(evg_entity_type *out, const char *s);
int evg_i_event_type_parse(evg_event_type *out, const char *s);
int evg_i_event_status_parse(evg_event_status *out, const char *s);
int evg_i_role_parse(evg_role *out, const char *s);
int evg_i_agreement_rel_parse(evg_agreement_rel *out, const char *s);

#endif
