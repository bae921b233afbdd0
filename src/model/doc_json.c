/* The event record as JSON Lines (docs/events.md), through jansson. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "model/doc_internal.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/utf8.h"

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
        for (size_t i = 0; t && !bad && i < e->ntitles; i++)
            bad = json_array_append_new(t, json_string(e->titles[i])) < 0;
        if (bad) /* set_new would have taken t; here it is still ours */
            json_decref(t);
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
                          ev->evidence[i].text ? ev->evidence[i].text : ""));
    bad = bad || set_str(o, "id", ev->id) ||
          set_str(o, "type", evg_event_type_name(ev->type)) ||
          set_str(o, "status", evg_event_status_name(ev->status)) ||
          set_str(o, "date", ev->date) || set_str(o, "date_source", ev->date_source) ||
          set_str(o, "place", ev->place);
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

/* Whether any of `n` strings (NULLs skipped) is not valid UTF-8. */
static int any_invalid(const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] && !evg_i_utf8_valid(v[i], strlen(v[i])))
            return 1;
    return 0;
}

/* Name the first part of `d` holding a string that is not valid UTF-8, or 0. */
static int find_bad_string(char *where, size_t size, const evg_doc *d)
{
    const char *meta[] = {d->id, d->path, d->date, d->title};

    if (any_invalid(meta, 4))
        return snprintf(where, size, "doc");
    for (size_t i = 0; i < d->nents; i++) {
        const evg_entity *e = &d->ents[i];
        const char *f[] = {e->id, e->name, e->country, e->org, e->kind};
        if (any_invalid(f, 5) || any_invalid(e->titles, e->ntitles))
            return snprintf(where, size, "entities[%zu]", i);
    }
    for (size_t i = 0; i < d->nevents; i++) {
        const evg_event *ev = &d->events[i];
        const char *f[] = {ev->id, ev->date, ev->place};
        int badev = any_invalid(f, 3);
        for (size_t k = 0; k < ev->nevidence; k++)
            badev |= any_invalid(&ev->evidence[k].text, 1);
        for (size_t k = 0; k < ev->nparticipants; k++)
            badev |= any_invalid(&ev->participants[k].entity, 1);
        for (size_t k = 0; k < ev->nagreements; k++)
            badev |= any_invalid(&ev->agreements[k].entity, 1);
        if (badev)
            return snprintf(where, size, "events[%zu]", i);
    }
    return 0;
}

int evg_doc_to_json(char **out, size_t *len_out, const evg_doc *d, evg_error *err)
{
    json_t *root = doc_json(d);
    char *s, where[64];
    size_t n;

    *out = NULL;
    if (root == NULL) {
        /* jansson answers NULL both when out of memory and for invalid UTF-8. */
        if (find_bad_string(where, sizeof where, d) > 0)
            return evg_i_error_set(err, EVG_EINVAL, d->id, 0, 0,
                                   "%s: a string is not valid UTF-8; cannot write JSON",
                                   where);
        return evg_i_error_nomem(err);
    }
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

/*
 * Where in the record a field is: "events[0].participants[1].role". Made on
 * the stack as the reader descends and rendered only for an error message,
 * so a valid record costs no formatting.
 */
typedef struct field_path {
    const struct field_path *up;
    const char *key; /* NULL: an array element of `up` */
    long index;      /* -1: not an array element */
} field_path;

#define FIELD(up, key) {(up), (key), -1}
#define ELEMENT(up, key, i) {(up), (key), (long)(i)}

static void render_path(evg_i_buf *b, const field_path *p)
{
    if (p == NULL)
        return;
    render_path(b, p->up);
    if (p->key)
        evg_i_buf_printf(b, "%s%s", b->len ? "." : "", p->key);
    if (p->index >= 0)
        evg_i_buf_printf(b, "[%ld]", p->index);
}

typedef struct {
    const char *source;
    int line;
    evg_error *err;
} reader;

/* Report a malformed record as "WHERE: what is wrong"; WHERE names the field. */
static int bad(const reader *r, const field_path *where, const char *fmt, ...)
    EVG_PRINTF(3, 4);
static int bad(const reader *r, const field_path *where, const char *fmt, ...)
{
    evg_i_buf w = EVG_I_BUF_INIT;
    char what[200];
    va_list ap;
    int rc;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    render_path(&w, where);
    rc = evg_i_error_set(r->err, EVG_EPARSE, r->source, r->line, 0, "%.180s: %s",
                         w.ptr ? w.ptr : "record", what);
    evg_i_buf_free(&w);
    return rc;
}

static const char *type_name(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT:
        return "an object";
    case JSON_ARRAY:
        return "an array";
    case JSON_STRING:
        return "a string";
    case JSON_INTEGER:
        return "an integer";
    case JSON_REAL:
        return "a number";
    case JSON_TRUE:
    case JSON_FALSE:
        return "a boolean";
    default:
        return "null";
    }
}

/*
 * obj[key] as a string, NULL when absent or null. A required field must be
 * present and not empty.
 */
static int get_str(const char **out, const reader *r, json_t *obj, const field_path *where,
                   const char *key, int required)
{
    json_t *v = json_object_get(obj, key);
    field_path w = FIELD(where, key);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return required ? bad(r, &w, "missing (expected a string)") : 0;
    if (!json_is_string(v))
        return bad(r, &w, "expected a string, not %s", type_name(v));
    if (required && json_string_length(v) == 0)
        return bad(r, &w, "must not be empty");
    *out = json_string_value(v);
    return 0;
}

/* An optional date: "YYYY-MM-DD" (a real one) or null. */
static int get_date(const char **out, const reader *r, json_t *obj, const field_path *where)
{
    field_path w = FIELD(where, "date");
    int rc = get_str(out, r, obj, where, "date", 0);

    if (rc < 0 || *out == NULL || evg_i_date_valid(*out, strlen(*out)))
        return rc;
    return bad(r, &w, "expected a date as YYYY-MM-DD or null, not '%.40s'", *out);
}

/* obj[key] as an array, NULL when absent or null. */
static int get_array(json_t **out, const reader *r, json_t *obj, const field_path *where,
                     const char *key)
{
    json_t *v = json_object_get(obj, key);
    field_path w = FIELD(where, key);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_array(v))
        return bad(r, &w, "expected an array, not %s", type_name(v));
    *out = v;
    return 0;
}

/* The titles of an entity: an array of strings, as a temporary vector in *out. */
static int read_titles(const char ***out, size_t *n_out, const reader *r, json_t *o,
                       const field_path *where)
{
    json_t *titles = NULL;
    int rc;

    *out = NULL;
    *n_out = 0;
    if ((rc = get_array(&titles, r, o, where, "titles")) < 0 || titles == NULL ||
        json_array_size(titles) == 0)
        return rc;
    if ((*out = calloc(json_array_size(titles), sizeof(**out))) == NULL)
        return evg_i_error_nomem(r->err);
    *n_out = json_array_size(titles);
    for (size_t i = 0; i < *n_out; i++) {
        json_t *t = json_array_get(titles, i);
        field_path w = ELEMENT(where, "titles", i);
        if (!json_is_string(t))
            return bad(r, &w, "expected a string, not %s", type_name(t));
        (*out)[i] = json_string_value(t);
    }
    return 0;
}

static int read_entity(evg_doc *d, const reader *r, json_t *o, size_t idx)
{
    field_path where = ELEMENT(NULL, "entities", idx), wtype = FIELD(&where, "type"),
               wid = FIELD(&where, "id");
    const char *type = NULL;
    const char **titles = NULL;
    evg_entity e;
    int rc;

    memset(&e, 0, sizeof e);
    if (!json_is_object(o))
        return bad(r, &where, "expected an object, not %s", type_name(o));
    if ((rc = get_str(&e.id, r, o, &where, "id", 1)) < 0 ||
        (rc = get_str(&type, r, o, &where, "type", 1)) < 0 ||
        (rc = get_str(&e.name, r, o, &where, "name", 1)) < 0 ||
        (rc = get_str(&e.country, r, o, &where, "country", 0)) < 0 ||
        (rc = get_str(&e.org, r, o, &where, "org", 0)) < 0 ||
        (rc = get_str(&e.kind, r, o, &where, "kind", 0)) < 0)
        return rc;
    if (evg_i_entity_type_parse(&e.type, type) < 0)
        return bad(r, &wtype, "unknown entity type '%.40s'", type);
    if (e.type == EVG_ENT_AGREEMENT && e.kind == NULL)
        e.kind = "other"; /* as written for an agreement of no known kind */
    if (evg_i_doc_entity_index(d, e.id) >= 0)
        return bad(r, &wid, "duplicate entity id '%.60s'", e.id);
    rc = read_titles(&titles, &e.ntitles, r, o, &where);
    e.titles = titles;
    if (rc == 0)
        rc = evg_i_doc_add_entity(d, &e, r->err);
    free(titles);
    return rc;
}

/* A member object of an event array with a required entity id among the doc's. */
static int member_entity(const char **out, const reader *r, const evg_doc *d, json_t *m,
                         const field_path *where)
{
    field_path w = FIELD(where, "entity");
    int rc;

    if (!json_is_object(m))
        return bad(r, where, "expected an object, not %s", type_name(m));
    if ((rc = get_str(out, r, m, where, "entity", 1)) < 0)
        return rc;
    if (evg_i_doc_entity_index(d, *out) < 0)
        return bad(r, &w, "'%.60s' is not among the entities", *out);
    return 0;
}

static int read_participants(evg_event *ev, evg_participant **buf, const reader *r,
                             const evg_doc *d, json_t *arr, const field_path *where)
{
    const char *role;
    size_t n = json_array_size(arr);
    int rc;

    if (arr == NULL || n == 0)
        return 0;
    if ((*buf = calloc(n, sizeof(**buf))) == NULL)
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; i < n; i++) {
        evg_participant *p = &(*buf)[i];
        field_path w = ELEMENT(where, "participants", i), w2 = FIELD(&w, "role");
        if ((rc = member_entity(&p->entity, r, d, json_array_get(arr, i), &w)) < 0 ||
            (rc = get_str(&role, r, json_array_get(arr, i), &w, "role", 0)) < 0)
            return rc;
        p->role = EVG_ROLE_PARTICIPANT;
        if (role && evg_i_role_parse(&p->role, role) < 0)
            return bad(r, &w2, "unknown role '%.40s'", role);
        for (size_t k = 0; k < i; k++)
            if (strcmp((*buf)[k].entity, p->entity) == 0)
                return bad(r, &w, "'%.60s' is listed twice", p->entity);
    }
    ev->participants = *buf;
    ev->nparticipants = n;
    return 0;
}

static int read_agreements(evg_event *ev, evg_agreement_ref **buf, const reader *r,
                           const evg_doc *d, json_t *arr, const field_path *where)
{
    const char *rel;
    size_t n = json_array_size(arr);
    int rc;

    if (arr == NULL || n == 0)
        return 0;
    if ((*buf = calloc(n, sizeof(**buf))) == NULL)
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; i < n; i++) {
        evg_agreement_ref *a = &(*buf)[i];
        field_path w = ELEMENT(where, "agreements", i), w2 = FIELD(&w, "relation");
        if ((rc = member_entity(&a->entity, r, d, json_array_get(arr, i), &w)) < 0 ||
            (rc = get_str(&rel, r, json_array_get(arr, i), &w, "relation", 0)) < 0)
            return rc;
        if (evg_doc_find_entity(d, a->entity)->type != EVG_ENT_AGREEMENT)
            return bad(r, &w, "'%.60s' is not an agreement", a->entity);
        a->relation = EVG_REL_REFERENCED;
        if (rel && evg_i_agreement_rel_parse(&a->relation, rel) < 0)
            return bad(r, &w2, "unknown relation '%.40s'", rel);
    }
    ev->agreements = *buf;
    ev->nagreements = n;
    return 0;
}

/* One offset of an evidence span: a non-negative integer. */
static int get_offset(size_t *out, const reader *r, json_t *x, const field_path *where,
                      const char *key)
{
    json_t *v = json_object_get(x, key);
    field_path w = FIELD(where, key);

    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return bad(r, &w, "expected a byte offset (an integer >= 0), not %s",
                   v ? (json_is_integer(v) ? "a negative one" : type_name(v))
                     : "nothing");
    *out = (size_t)json_integer_value(v);
    return 0;
}

static int read_evidence(evg_event *ev, evg_evidence **buf, const reader *r, json_t *arr,
                         const field_path *where)
{
    size_t n = json_array_size(arr);
    int rc;

    if (arr == NULL || n == 0)
        return 0;
    if ((*buf = calloc(n, sizeof(**buf))) == NULL)
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; i < n; i++) {
        evg_evidence *e = &(*buf)[i];
        json_t *x = json_array_get(arr, i);
        field_path w = ELEMENT(where, "evidence", i);
        if (!json_is_object(x))
            return bad(r, &w, "expected an object, not %s", type_name(x));
        if ((rc = get_offset(&e->start, r, x, &w, "start")) < 0 ||
            (rc = get_offset(&e->end, r, x, &w, "end")) < 0 ||
            (rc = get_str(&e->text, r, x, &w, "text", 0)) < 0)
            return rc;
        if (e->end < e->start)
            return bad(r, &w, "end %zu is before start %zu", e->end, e->start);
        if (e->text == NULL)
            e->text = "";
    }
    ev->evidence = *buf;
    ev->nevidence = n;
    return 0;
}

static int read_event(evg_doc *d, const reader *r, json_t *o, size_t idx)
{
    field_path where = ELEMENT(NULL, "events", idx), wtype = FIELD(&where, "type"),
               wstatus = FIELD(&where, "status");
    const char *type = NULL, *status = NULL;
    json_t *ps = NULL, *as = NULL, *es = NULL;
    evg_participant *pbuf = NULL;
    evg_agreement_ref *abuf = NULL;
    evg_evidence *ebuf = NULL;
    evg_event ev;
    int rc;

    memset(&ev, 0, sizeof ev);
    if (!json_is_object(o))
        return bad(r, &where, "expected an object, not %s", type_name(o));
    EVG_CHECK(get_str(&ev.id, r, o, &where, "id", 1));
    EVG_CHECK(get_str(&type, r, o, &where, "type", 1));
    EVG_CHECK(get_str(&status, r, o, &where, "status", 0));
    EVG_CHECK(get_date(&ev.date, r, o, &where));
    EVG_CHECK(get_str(&ev.date_source, r, o, &where, "date_source", 0));
    EVG_CHECK(get_str(&ev.place, r, o, &where, "place", 0));
    if (evg_i_event_type_parse(&ev.type, type) < 0)
        EVG_CHECK(bad(r, &wtype, "unknown event type '%.40s'", type));
    ev.status = EVG_STATUS_REPORTED;
    if (status && evg_i_event_status_parse(&ev.status, status) < 0)
        EVG_CHECK(bad(r, &wstatus, "unknown status '%.40s'", status));
    EVG_CHECK(get_array(&ps, r, o, &where, "participants"));
    EVG_CHECK(get_array(&as, r, o, &where, "agreements"));
    EVG_CHECK(get_array(&es, r, o, &where, "evidence"));
    EVG_CHECK(read_participants(&ev, &pbuf, r, d, ps, &where));
    EVG_CHECK(read_agreements(&ev, &abuf, r, d, as, &where));
    EVG_CHECK(read_evidence(&ev, &ebuf, r, es, &where));
    rc = evg_i_doc_add_event(d, &ev, r->err);
cleanup:
    free(pbuf);
    free(abuf);
    free(ebuf);
    return rc;
}

/* The "doc" member: the document's metadata; creates *out. */
static int read_meta(evg_doc **out, const reader *r, json_t *root)
{
    static const field_path DOC = FIELD(NULL, "doc");
    json_t *meta = json_object_get(root, "doc");
    const char *id = NULL, *path = NULL, *date = NULL, *title = NULL;
    int rc;

    if (meta == NULL)
        return bad(r, &DOC, "missing (expected an object)");
    if (!json_is_object(meta))
        return bad(r, &DOC, "expected an object, not %s", type_name(meta));
    if ((rc = get_str(&id, r, meta, &DOC, "id", 1)) < 0 ||
        (rc = get_str(&path, r, meta, &DOC, "path", 0)) < 0 ||
        (rc = get_date(&date, r, meta, &DOC)) < 0 ||
        (rc = get_str(&title, r, meta, &DOC, "title", 0)) < 0)
        return rc;
    return evg_i_doc_new(out, id, path, date, title, r->err);
}

int evg_doc_parse_json(evg_doc **out, const char *text, size_t len, const char *source,
                       int line, evg_error *err)
{
    static const field_path RECORD = FIELD(NULL, "record");
    json_error_t jerr;
    json_t *root = NULL, *ents = NULL, *evs = NULL;
    evg_doc *d = NULL;
    reader r = {source, line, err};
    int rc = 0;

    *out = NULL;
    if ((root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr)) == NULL) {
        rc = evg_i_error_set(err, EVG_EPARSE, source, line, jerr.column > 0 ? jerr.column : 0,
                             "invalid JSON: %s", jerr.text);
        goto cleanup;
    }
    if (!json_is_object(root)) {
        rc = bad(&r, &RECORD, "expected a JSON object, not %s", type_name(root));
        goto cleanup;
    }
    EVG_CHECK(get_array(&ents, &r, root, NULL, "entities"));
    EVG_CHECK(get_array(&evs, &r, root, NULL, "events"));
    EVG_CHECK(read_meta(&d, &r, root));
    for (size_t i = 0; ents && i < json_array_size(ents); i++)
        EVG_CHECK(read_entity(d, &r, json_array_get(ents, i), i));
    for (size_t i = 0; evs && i < json_array_size(evs); i++)
        EVG_CHECK(read_event(d, &r, json_array_get(evs, i), i));
    *out = d;
    d = NULL;
cleanup:
    evg_doc_free(d);
    json_decref(root);
    return rc;
}
