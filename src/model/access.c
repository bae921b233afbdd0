/*
 * Entities and events read through functions (include/evgraph/doc.h): the
 * stable API, for bindings, which must not depend on the structs' layout.
 */
#include "evgraph/doc.h"

/* `ret fn(const type *x)`: x's `field`, or `none` when x is NULL. */
#define GETTER(ret, fn, type, field, none)                                               \
    ret fn(const type *x)                                                                \
    {                                                                                    \
        return x ? x->field : (none);                                                    \
    }

GETTER(const char *, evg_entity_get_id, evg_entity, id, NULL)
GETTER(evg_entity_type, evg_entity_get_type, evg_entity, type, (evg_entity_type)0)
GETTER(const char *, evg_entity_get_name, evg_entity, name, NULL)
GETTER(const char *, evg_entity_get_country, evg_entity, country, NULL)
GETTER(const char *, evg_entity_get_org, evg_entity, org, NULL)
GETTER(const char *, evg_entity_get_kind, evg_entity, kind, NULL)
GETTER(const char *, evg_entity_get_city, evg_entity, city, NULL)
GETTER(size_t, evg_entity_title_count, evg_entity, ntitles, 0)
const char *evg_entity_title(const evg_entity *e, size_t i)
{
    return e && i < e->ntitles ? e->titles[i] : NULL;
}

GETTER(const char *, evg_event_get_id, evg_event, id, NULL)
GETTER(evg_event_type, evg_event_get_type, evg_event, type, (evg_event_type)0)
GETTER(evg_event_status, evg_event_get_status, evg_event, status, (evg_event_status)0)
GETTER(const char *, evg_event_get_date, evg_event, date, NULL)
GETTER(const char *, evg_event_get_date_source, evg_event, date_source, NULL)
GETTER(const char *, evg_event_get_place, evg_event, place, NULL)
GETTER(const char *, evg_event_get_place_id, evg_event, place_id, NULL)

GETTER(size_t, evg_event_participant_count, evg_event, nparticipants, 0)
const char *evg_event_participant(const evg_event *ev, size_t i, evg_role *role_out)
{
    if (ev == NULL || i >= ev->nparticipants)
        return NULL;
    if (role_out)
        *role_out = ev->participants[i].role;
    return ev->participants[i].entity;
}

GETTER(size_t, evg_event_party_count, evg_event, nparties, 0)
const char *evg_event_party(const evg_event *ev, size_t i, evg_role *role_out,
                            const char **title_out)
{
    if (ev == NULL || i >= ev->nparties)
        return NULL;
    if (role_out)
        *role_out = ev->parties[i].role;
    if (title_out)
        *title_out = ev->parties[i].title;
    return ev->parties[i].entity;
}

GETTER(size_t, evg_event_agreement_count, evg_event, nagreements, 0)
const char *evg_event_agreement(const evg_event *ev, size_t i,
                                evg_agreement_rel *relation_out)
{
    if (ev == NULL || i >= ev->nagreements)
        return NULL;
    if (relation_out)
        *relation_out = ev->agreements[i].relation;
    return ev->agreements[i].entity;
}

GETTER(size_t, evg_event_evidence_count, evg_event, nevidence, 0)
const char *evg_event_evidence(const evg_event *ev, size_t i, size_t *start_out,
                               size_t *end_out)
{
    if (ev == NULL || i >= ev->nevidence)
        return NULL;
    if (start_out)
        *start_out = ev->evidence[i].start;
    if (end_out)
        *end_out = ev->evidence[i].end;
    return ev->evidence[i].text;
}
