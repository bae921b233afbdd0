/* The event record as JSON Lines (docs/events.md), through jansson. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "model/doc_internal.h"
#include "util/buf.h"

/* ---- writing ---------------------------------------------------------- */

/* Set obj[key] to a string or null; steals nothing on our side. -1 on failure. */
static int set_str(json_t *obj, const char *key, const char *s)
{
    json_t *v = s ? json_string(s) : json_null();
    return v ? json_object_set_new(obj, key, v) : -1;
}

static int set_new(json_t *obj, const char *key, json_t *v)
{
    return v ? json_object_set_new(obj, key, v) : -1;
}

static json_t *entity_json(const evg_entity *e)
{
    json_t *o = json_object();
    int bad = o == NULL;

    bad = bad || set_str(o, "id", e->id) || set_str(o, "type", evg_entity_type_name(e->type)) ||
          set_str(o, "name", e->name);
    if (!bad && e->type == EVG_ENT_PERSON) {
        json_t *t = json_array();
        for (size_t i = 0; t && i < e->ntitles; i++)
            if (json_array_append_new(t, json_string(e->titles[i])) < 0)
                bad = 1;
        bad = bad || set_new(o, "titles", t) || set_str(o, "country", e->country) ||
              set_str(o, "org", e->org);
    } else if (!bad && e->type == EVG_ENT_AGREEMENT) {
        bad = set_str(o, "kind", e->kind ? e->kind : "other");
    } else if (!bad && (e->type == EVG_ENT_ORGANIZATION || e->type == EVG_ENT_PLACE)) {
        bad = set_str(o, "country", e->country);
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *event_json(const evg_event *ev)
{
    json_t *o = json_object(), *ps = json_array(), *as = json_array(), *es = json_array();
    int bad = !o || !ps || !as || !es;

    for (size_t i = 0; !bad && i < ev->nparticipants; i++)
        bad = json_array_append_new(ps, json_pack("{s:s, s:s}", "entity",
                                                  ev->participants[i].entity, "role",
                                                  evg_role_name(ev->participants[i].role)));
    for (size_t i = 0; !bad && i < ev->nagreements; i++)
        bad = json_array_append_new(
            as, json_pack("{s:s, s:s}", "entity", ev->agreements[i].entity, "relation",
                          evg_agreement_rel_name(ev->agreements[i].relation)));
    for (size_t i = 0; !bad && i < ev->nevidence; i++)
        bad = json_array_append_new(
            es, json_pack("{s:I, s:I, s:s}", "start", (json_int_t)ev->evidence[i].start,
                          "end", (json_int_t)ev->evidence[i].end, "text",
                          ev->evidence[i].text));
    bad = bad || set_str(o, "id", ev->id) ||
          set_str(o, "type", evg_event_type_name(ev->type)) ||
          set_str(o, "status", evg_event_status_name(ev->status)) ||
          set_str(o, "date", ev->date) || set_str(o, "place", ev->place);
    if (!bad) {
        bad = json_object_set(o, "participants", ps) || json_object_set(o, "agreements", as) ||
              json_object_set(o, "evidence", es);
    }
    json_decref(ps);
    json_decref(as);
    json_decref(es);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *doc_json(const evg_doc *d)
{
    json_t *root = json_object(), *meta = json_object(), *ents = json_array(),
           *evs = json_array();
    int bad = !root || !meta || !ents || !evs;

    bad = bad || set_str(meta, "id", d->id) || set_str(meta, "path", d->path) ||
          set_str(meta, "date", d->date) || set_str(meta, "title", d->title);
    for (size_t i = 0; !bad && i < d->nents; i++)
        bad = json_array_append_new(ents, entity_json(&d->ents[i])) < 0;
    for (size_t i = 0; !bad && i < d->nevents; i++)
        bad = json_array_append_new(evs, event_json(&d->events[i])) < 0;
    if (!bad)
        bad = json_object_set(root, "doc", meta) || json_object_set(root, "entities", ents) ||
              json_object_set(root, "events", evs);
    json_decref(meta);
    json_decref(ents);
    json_decref(evs);
    if (bad) {
        json_decref(root);
        return NULL;
    }
    return root;
}

int evg_doc_to_json(char **out, size_t *len_out, const evg_doc *d, evg_error *err)
{
    json_t *root = doc_json(d);
    char *s;
    size_t n;

    *out = NULL;
    if (root == NULL)
        return evg_i_error_nomem(err);
    s = json_dumps(root, JSON_COMPACT);
    json_decref(root);
    if (s == NULL)
        return evg_i_error_nomem(err);
    n = strlen(s);
    /* Hand back a malloc()ed buffer with the newline, freeable by evg_free(). */
    char *line = realloc(s, n + 2);
    if (line == NULL) {
        free(s);
        return evg_i_error_nomem(err);
    }
    line[n] = '\n';
    line[n + 1] = '\0';
    *out = line;
    if (len_out)
        *len_out = n + 1;
    return 0;
}

int evg_doc_write_json(FILE *f, const evg_doc *d, evg_error *err)
{
    char *line = NULL;
    size_t n = 0;
    int rc = evg_doc_to_json(&line, &n, d, err);

    if (rc < 0)
        return rc;
    if (fwrite(line, 1, n, f) != n)
        rc = evg_i_error_set(err, EVG_EIO, NULL, 0, 0, "write failed");
    free(line);
    return rc;
}

/* ---- reading ---------------------------------------------------------- */

typedef struct {
    const char *source;
    int line;
    evg_error *err;
} reader;

static int bad_field(const reader *r, const char *where, const char *what)
{
    return evg_i_error_set(r->err, EVG_EPARSE, r->source, r->line, 0, "%s: %s", where, what);
}

/* A string member, or NULL when absent or null; -1 when of another type. */
static int get_str(const char **out, const reader *r, json_t *obj, const char *key,
                   const char *where, int required)
{
    json_t *v = json_object_get(obj, key);

    *out = NULL;
    if (v == NULL || json_is_null(v)) {
        if (required)
            return bad_field(r, where, "missing string field");
        return 0;
    }
    if (!json_is_string(v))
        return bad_field(r, where, "expected a string");
    *out = json_string_value(v);
    return 0;
}

static int get_array(json_t **out, const reader *r, json_t *obj, const char *key,
                     const char *where)
{
    json_t *v = json_object_get(obj, key);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_array(v))
        return bad_field(r, where, "expected an array");
    *out = v;
    return 0;
}

static int read_entity(evg_doc *d, const reader *r, json_t *o, size_t idx)
{
    char where[64];
    const char *type = NULL;
    evg_entity e;
    json_t *titles = NULL;
    const char **tv = NULL;
    int rc = 0;

    memset(&e, 0, sizeof e);
    snprintf(where, sizeof where, "entities[%zu]", idx);
    if (!json_is_object(o))
        return bad_field(r, where, "expected an object");
    if ((rc = get_str(&e.id, r, o, "id", where, 1)) < 0 ||
        (rc = get_str(&type, r, o, "type", where, 1)) < 0 ||
        (rc = get_str(&e.name, r, o, "name", where, 1)) < 0 ||
        (rc = get_str(&e.country, r, o, "country", where, 0)) < 0 ||
        (rc = get_str(&e.org, r, o, "org", where, 0)) < 0 ||
        (rc = get_str(&e.kind, r, o, "kind", where, 0)) < 0 ||
        (rc = get_array(&titles, r, o, "titles", where)) < 0)
        return rc;
    if (evg_i_entity_type_parse(&e.type, type) < 0)
        return bad_field(r, where, "unknown entity type");
    if (titles && json_array_size(titles) > 0) {
        e.ntitles = json_array_size(titles);
        if ((tv = calloc(e.ntitles, sizeof(*tv))) == NULL)
            return evg_i_error_nomem(r->err);
        for (size_t i = 0; i < e.ntitles; i++) {
            tv[i] = json_string_value(json_array_get(titles, i));
            if (tv[i] == NULL) {
                free(tv);
                return bad_field(r, where, "titles: expected strings");
            }
        }
        e.titles = tv;
    }
    rc = evg_i_doc_add_entity(d, &e, r->err);
    free(tv);
    return rc;
}

static int read_members(evg_event *ev, const reader *r, json_t *o, const char *where,
                        void **bufs)
{
    json_t *ps, *as, *es;
    int rc;

    if ((rc = get_array(&ps, r, o, "participants", where)) < 0 ||
        (rc = get_array(&as, r, o, "agreements", where)) < 0 ||
        (rc = get_array(&es, r, o, "evidence", where)) < 0)
        return rc;
    evg_participant *pv = ps ? calloc(json_array_size(ps) + 1, sizeof(*pv)) : NULL;
    evg_agreement_ref *av = as ? calloc(json_array_size(as) + 1, sizeof(*av)) : NULL;
    evg_evidence *ev_ = es ? calloc(json_array_size(es) + 1, sizeof(*ev_)) : NULL;
    bufs[0] = pv;
    bufs[1] = av;
    bufs[2] = ev_;
    if ((ps && !pv) || (as && !av) || (es && !ev_))
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; ps && i < json_array_size(ps); i++) {
        json_t *p = json_array_get(ps, i);
        const char *ent = NULL, *role = NULL;
        if (!json_is_object(p) || get_str(&ent, r, p, "entity", where, 1) < 0 ||
            get_str(&role, r, p, "role", where, 0) < 0)
            return bad_field(r, where, "participants: expected {entity, role}");
        pv[i].entity = ent;
        pv[i].role = EVG_ROLE_PARTICIPANT;
        if (role && evg_i_role_parse(&pv[i].role, role) < 0)
            return bad_field(r, where, "participants: unknown role");
    }
    ev->participants = pv;
    ev->nparticipants = ps ? json_array_size(ps) : 0;
    for (size_t i = 0; as && i < json_array_size(as); i++) {
        json_t *a = json_array_get(as, i);
        const char *ent = NULL, *rel = NULL;
        if (!json_is_object(a) || get_str(&ent, r, a, "entity", where, 1) < 0 ||
            get_str(&rel, r, a, "relation", where, 0) < 0)
            return bad_field(r, where, "agreements: expected {entity, relation}");
        av[i].entity = ent;
        av[i].relation = EVG_REL_REFERENCED;
        if (rel && evg_i_agreement_rel_parse(&av[i].relation, rel) < 0)
            return bad_field(r, where, "agreements: unknown relation");
    }
    ev->agreements = av;
    ev->nagreements = as ? json_array_size(as) : 0;
    for (size_t i = 0; es && i < json_array_size(es); i++) {
        json_t *x = json_array_get(es, i), *s, *e;
        const char *text = NULL;
        if (!json_is_object(x) || get_str(&text, r, x, "text", where, 0) < 0)
            return bad_field(r, where, "evidence: expected {start, end, text}");
        s = json_object_get(x, "start");
        e = json_object_get(x, "end");
        if (!json_is_integer(s) || !json_is_integer(e) || json_integer_value(s) < 0 ||
            json_integer_value(e) < json_integer_value(s))
            return bad_field(r, where, "evidence: start and end must be offsets");
        ev_[i].start = (size_t)json_integer_value(s);
        ev_[i].end = (size_t)json_integer_value(e);
        ev_[i].text = text ? text : "";
    }
    ev->evidence = ev_;
    ev->nevidence = es ? json_array_size(es) : 0;
    return 0;
}

static int read_event(evg_doc *d, const reader *r, json_t *o, size_t idx)
{
    char where[64];
    const char *type = NULL, *status = NULL;
    evg_event ev;
    void *bufs[3] = {NULL, NULL, NULL};
    int rc;

    memset(&ev, 0, sizeof ev);
    snprintf(where, sizeof where, "events[%zu]", idx);
    if (!json_is_object(o))
        return bad_field(r, where, "expected an object");
    if ((rc = get_str(&ev.id, r, o, "id", where, 1)) < 0 ||
        (rc = get_str(&type, r, o, "type", where, 1)) < 0 ||
        (rc = get_str(&status, r, o, "status", where, 0)) < 0 ||
        (rc = get_str(&ev.date, r, o, "date", where, 0)) < 0 ||
        (rc = get_str(&ev.place, r, o, "place", where, 0)) < 0)
        return rc;
    if (evg_i_event_type_parse(&ev.type, type) < 0)
        return bad_field(r, where, "unknown event type");
    ev.status = EVG_STATUS_REPORTED;
    if (status && evg_i_event_status_parse(&ev.status, status) < 0)
        return bad_field(r, where, "unknown status");
    rc = read_members(&ev, r, o, where, bufs);
    if (rc == 0)
        rc = evg_i_doc_add_event(d, &ev, r->err);
    for (int i = 0; i < 3; i++)
        free(bufs[i]);
    return rc;
}

/* Every entity an event names must be among the document's entities. */
static int check_references(const evg_doc *d, const reader *r)
{
    char where[64];

    for (size_t i = 0; i < d->nevents; i++) {
        const evg_event *ev = &d->events[i];
        snprintf(where, sizeof where, "events[%zu]", i);
        for (size_t k = 0; k < ev->nparticipants; k++)
            if (evg_i_doc_entity_index(d, ev->participants[k].entity) < 0)
                return bad_field(r, where, "participant is not among the entities");
        for (size_t k = 0; k < ev->nagreements; k++)
            if (evg_i_doc_entity_index(d, ev->agreements[k].entity) < 0)
                return bad_field(r, where, "agreement is not among the entities");
    }
    return 0;
}

int evg_doc_parse_json(evg_doc **out, const char *text, size_t len, const char *source,
                       int line, evg_error *err)
{
    json_error_t jerr;
    json_t *root = NULL, *meta, *ents = NULL, *evs = NULL;
    evg_doc *d = NULL;
    const char *id = NULL, *path = NULL, *date = NULL, *title = NULL;
    reader r = {source, line, err};
    int rc = 0;

    *out = NULL;
    if ((root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
        rc = evg_i_error_set(err, EVG_EPARSE, source, line, jerr.column > 0 ? jerr.column : 0,
                             "invalid JSON: %s", jerr.text);
        goto cleanup;
    }
    if (!json_is_object(root)) {
        rc = bad_field(&r, "record", "expected a JSON object");
        goto cleanup;
    }
    meta = json_object_get(root, "doc");
    if (!json_is_object(meta)) {
        rc = bad_field(&r, "doc", "missing or not an object");
        goto cleanup;
    }
    EVG_CHECK(get_str(&id, &r, meta, "id", "doc", 1));
    EVG_CHECK(get_str(&path, &r, meta, "path", "doc", 0));
    EVG_CHECK(get_str(&date, &r, meta, "date", "doc", 0));
    EVG_CHECK(get_str(&title, &r, meta, "title", "doc", 0));
    EVG_CHECK(get_array(&ents, &r, root, "entities", "entities"));
    EVG_CHECK(get_array(&evs, &r, root, "events", "events"));
    EVG_CHECK(evg_i_doc_new(&d, id, path, date, title, err));
    for (size_t i = 0; ents && i < json_array_size(ents); i++)
        EVG_CHECK(read_entity(d, &r, json_array_get(ents, i), i));
    for (size_t i = 0; evs && i < json_array_size(evs); i++)
        EVG_CHECK(read_event(d, &r, json_array_get(evs, i), i));
    EVG_CHECK(check_references(d, &r));
    *out = d;
    d = NULL;
cleanup:
    evg_doc_free(d);
    json_decref(root);
    return rc;
}
