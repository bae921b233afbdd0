/* The event record as JSON Lines (docs/events.md), through jansson. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "model/doc_internal.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/jsonload.h"
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

    bad = bad || set_str(o, "id", e->id) ||
          set_str(o, "type", evg_entity_type_name(e->type)) ||
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
    } else if (!bad && e->type == EVG_ENT_ORGANIZATION) {
        bad = set_str(o, "country", e->country);
    } else if (!bad && e->type == EVG_ENT_PLACE) {
        bad = set_str(o, "country", e->country) || set_str(o, "city", e->city);
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *parties_json(const evg_event *ev)
{
    json_t *ys = json_array();
    int bad = ys == NULL;

    for (size_t i = 0; !bad && i < ev->nparties; i++) {
        const evg_party *p = &ev->parties[i];
        json_t *o = json_object();
        bad = o == NULL || set_str(o, "entity", p->entity) ||
              set_str(o, "role", evg_role_name(p->role)) ||
              set_str(o, "title", p->title) || json_array_append(ys, o);
        json_decref(o);
    }
    if (bad) {
        json_decref(ys);
        return NULL;
    }
    return ys;
}

static json_t *event_json(const evg_event *ev)
{
    json_t *o = json_object(), *ps = json_array(), *as = json_array(), *es = json_array();
    int bad = !o || !ps || !as || !es;

    for (size_t i = 0; !bad && i < ev->nparticipants; i++)
        bad = json_array_append_new(
            ps, json_pack("{s:s, s:s}", "entity", ev->participants[i].entity, "role",
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
    /* the place's entity when there is one: a record without it reads as before */
    if (!bad && ev->place_id)
        bad = set_str(o, "place_id", ev->place_id);
    if (!bad)
        bad = json_object_set(o, "participants", ps);
    /* parties only when there are some: a record without them reads as before */
    if (!bad && ev->nparties > 0)
        bad = set_new(o, "parties", parties_json(ev));
    if (!bad)
        bad = json_object_set(o, "agreements", as) || json_object_set(o, "evidence", es);
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
        bad = json_object_set(root, "doc", meta) ||
              json_object_set(root, "entities", ents) ||
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
        const char *f[] = {e->id, e->name, e->country, e->org, e->kind, e->city};
        if (any_invalid(f, 6) || any_invalid(e->titles, e->ntitles))
            return snprintf(where, size, "entities[%zu]", i);
    }
    for (size_t i = 0; i < d->nevents; i++) {
        const evg_event *ev = &d->events[i];
        const char *f[] = {ev->id, ev->date, ev->place, ev->place_id};
        int badev = any_invalid(f, 4);
        for (size_t k = 0; k < ev->nevidence; k++)
            badev |= any_invalid(&ev->evidence[k].text, 1);
        for (size_t k = 0; k < ev->nparticipants; k++)
            badev |= any_invalid(&ev->participants[k].entity, 1);
        for (size_t k = 0; k < ev->nparties; k++)
            badev |= any_invalid(&ev->parties[k].entity, 1) ||
                     any_invalid(&ev->parties[k].title, 1);
        for (size_t k = 0; k < ev->nagreements; k++)
            badev |= any_invalid(&ev->agreements[k].entity, 1);
        if (badev)
            return snprintf(where, size, "events[%zu]", i);
    }
    return 0;
}

/*
 * Name the first date of `d` that the reader would refuse, or 0: what is
 * written must read back (a date past 9999-12-31 once made a whole article
 * drop out of every later build).
 */
static int find_bad_date(char *where, size_t size, const evg_doc *d)
{
    if (d->date && !evg_i_date_valid(d->date, strlen(d->date)))
        return snprintf(where, size, "doc.date '%.16s'", d->date);
    for (size_t i = 0; i < d->nevents; i++) {
        const char *date = d->events[i].date;
        if (date && !evg_i_date_valid(date, strlen(date)))
            return snprintf(where, size, "events[%zu].date '%.16s'", i, date);
    }
    return 0;
}

int evg_doc_to_json(char **out, size_t *len_out, const evg_doc *d, evg_error *err)
{
    json_t *root = NULL;
    char *s, where[64];
    size_t n;

    *out = NULL;
    if (find_bad_date(where, sizeof where, d) > 0)
        return evg_i_error_set(err, EVG_EINVAL, d->id, 0, 0,
                               "%s: not a date YYYY-MM-DD from 0001-01-01 to 9999-12-31; "
                               "cannot write it",
                               where);
    if ((root = doc_json(d)) == NULL) {
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
        rc = evg_i_error_write(err, NULL, NULL);
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

#define FIELD(up, key)                                                                   \
    {                                                                                    \
        (up), (key), -1                                                                  \
    }
#define ELEMENT(up, key, i)                                                              \
    {                                                                                    \
        (up), (key), (long)(i)                                                           \
    }

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
    evg_doc *doc;     /* being built on the tree's strings, settled at the end */
    evg_i_arena *tmp; /* its arrays until then */
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

/* ---- the members of an object ------------------------------------------ */

/*
 * The members read of each kind of object, as indices into its key table;
 * the tables list keys in the order evg_doc_to_json() writes them.
 */
enum { R_DOC, R_ENTITIES, R_EVENTS, R_N };
enum { M_ID, M_PATH, M_DATE, M_TITLE, M_N };
enum { N_ID, N_TYPE, N_NAME, N_TITLES, N_COUNTRY, N_CITY, N_ORG, N_KIND, N_N };
enum {
    V_ID,
    V_TYPE,
    V_STATUS,
    V_DATE,
    V_SOURCE,
    V_PLACE,
    V_PLACE_ID,
    V_PARTS,
    V_PARTIES,
    V_AGREEMENTS,
    V_EVIDENCE,
    V_N
};
enum { P_ENTITY, P_ROLE, P_N };          /* a participant: role; an agreement: relation */
enum { Y_ENTITY, Y_ROLE, Y_TITLE, Y_N }; /* a party */
enum { X_START, X_END, X_TEXT, X_N };

static const char *const ROOT_KEYS[R_N] = {
    [R_DOC] = "doc", [R_ENTITIES] = "entities", [R_EVENTS] = "events"};
static const char *const META_KEYS[M_N] = {
    [M_ID] = "id", [M_PATH] = "path", [M_DATE] = "date", [M_TITLE] = "title"};
static const char *const ENTITY_KEYS[N_N] = {
    [N_ID] = "id",           [N_TYPE] = "type", [N_NAME] = "name", [N_TITLES] = "titles",
    [N_COUNTRY] = "country", [N_CITY] = "city", [N_ORG] = "org",   [N_KIND] = "kind"};
static const char *const EVENT_KEYS[V_N] = {[V_ID] = "id",
                                            [V_TYPE] = "type",
                                            [V_STATUS] = "status",
                                            [V_DATE] = "date",
                                            [V_SOURCE] = "date_source",
                                            [V_PLACE] = "place",
                                            [V_PLACE_ID] = "place_id",
                                            [V_PARTS] = "participants",
                                            [V_PARTIES] = "parties",
                                            [V_AGREEMENTS] = "agreements",
                                            [V_EVIDENCE] = "evidence"};
static const char *const PARTICIPANT_KEYS[P_N] = {
    [P_ENTITY] = "entity", [P_ROLE] = "role"};
static const char *const PARTY_KEYS[Y_N] = {
    [Y_ENTITY] = "entity", [Y_ROLE] = "role", [Y_TITLE] = "title"};
static const char *const AGREEMENT_KEYS[P_N] = {
    [P_ENTITY] = "entity", [P_ROLE] = "relation"};
static const char *const EVIDENCE_KEYS[X_N] = {
    [X_START] = "start", [X_END] = "end", [X_TEXT] = "text"};

/* strcmp() == 0 for the short keys of a record, without a call per key. */
static int same_key(const char *a, const char *b)
{
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return *a == *b;
}

/*
 * The members of object `obj` named in keys[0, n), in one pass over it:
 * out[i] is the value of keys[i], or NULL when absent. A hash lookup per
 * key (absent ones too) cost more than a record's own checks. jansson
 * rejected duplicate keys, so each name is there at most once. A record
 * we wrote has its keys in the order of the table, absent ones aside, so
 * the search for a key starts after the last one found.
 */
static void pick(json_t **out, const char *const *keys, size_t n, json_t *obj)
{
    size_t next = 0;

    memset(out, 0, n * sizeof(*out));
    for (void *it = json_object_iter(obj); it; it = json_object_iter_next(obj, it)) {
        const char *k = json_object_iter_key(it);
        for (size_t tried = 0, i = next; tried < n; tried++, i = i + 1 < n ? i + 1 : 0)
            if (same_key(k, keys[i])) {
                out[i] = json_object_iter_value(it);
                next = i + 1 < n ? i + 1 : 0;
                break;
            }
    }
}

#define PICK(out, keys, obj) pick((out), (keys), sizeof(keys) / sizeof((keys)[0]), (obj))

/* ---- values -------------------------------------------------------------- */

/*
 * Member `key` of an object, value `v` (NULL when absent), as a string
 * (the tree's, until the document is settled); NULL when absent or null.
 * A required field must be present and not empty.
 */
static int get_str(const char **out, const reader *r, json_t *v, const field_path *where,
                   const char *key, int required)
{
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
static int get_date(const char **out, const reader *r, json_t *v, const field_path *where)
{
    field_path w = FIELD(where, "date");
    int rc = get_str(out, r, v, where, "date", 0);

    if (rc < 0 || *out == NULL || evg_i_date_valid(*out, json_string_length(v)))
        return rc;
    return bad(r, &w, "expected a date as YYYY-MM-DD or null, not '%.40s'", *out);
}

/* Member `key`, value `v`, as an array; NULL when absent or null. */
static int get_array(json_t **out, const reader *r, json_t *v, const field_path *where,
                     const char *key)
{
    field_path w = FIELD(where, key);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return 0;
    if (!json_is_array(v))
        return bad(r, &w, "expected an array, not %s", type_name(v));
    *out = v;
    return 0;
}

/* One offset of an evidence span, member `key`, value `v`: an integer >= 0. */
static int get_offset(size_t *out, const reader *r, json_t *v, const field_path *where,
                      const char *key)
{
    field_path w = FIELD(where, key);

    if (!json_is_integer(v) || json_integer_value(v) < 0)
        return bad(r, &w, "expected a byte offset (an integer >= 0), not %s",
                   v ? (json_is_integer(v) ? "a negative one" : type_name(v))
                     : "nothing");
    *out = (size_t)json_integer_value(v);
    return 0;
}

/* ---- the parts of a record ---------------------------------------------- */

/* The titles of an entity, value `v`: an array of strings. */
static int read_titles(evg_entity *e, const reader *r, json_t *v, const field_path *where)
{
    json_t *arr = NULL;
    const char **titles;
    size_t n;
    int rc;

    if ((rc = get_array(&arr, r, v, where, "titles")) < 0 ||
        (n = json_array_size(arr)) == 0)
        return rc;
    if ((titles = evg_i_arena_alloc(r->tmp, n * sizeof(*titles))) == NULL)
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; i < n; i++) {
        json_t *t = json_array_get(arr, i);
        field_path w = ELEMENT(where, "titles", i);
        if (!json_is_string(t))
            return bad(r, &w, "expected a string, not %s", type_name(t));
        titles[i] = json_string_value(t);
    }
    e->titles = titles;
    e->ntitles = n;
    return 0;
}

static int read_entity(const reader *r, json_t *o, size_t idx)
{
    field_path where = ELEMENT(NULL, "entities", idx), wtype = FIELD(&where, "type"),
               wid = FIELD(&where, "id");
    const char *type = NULL;
    json_t *v[N_N];
    evg_entity e;
    int rc;

    memset(&e, 0, sizeof e);
    if (!json_is_object(o))
        return bad(r, &where, "expected an object, not %s", type_name(o));
    PICK(v, ENTITY_KEYS, o);
    if ((rc = get_str(&e.id, r, v[N_ID], &where, "id", 1)) < 0 ||
        (rc = get_str(&type, r, v[N_TYPE], &where, "type", 1)) < 0 ||
        (rc = get_str(&e.name, r, v[N_NAME], &where, "name", 1)) < 0 ||
        (rc = get_str(&e.country, r, v[N_COUNTRY], &where, "country", 0)) < 0 ||
        (rc = get_str(&e.org, r, v[N_ORG], &where, "org", 0)) < 0 ||
        (rc = get_str(&e.kind, r, v[N_KIND], &where, "kind", 0)) < 0 ||
        (rc = get_str(&e.city, r, v[N_CITY], &where, "city", 0)) < 0)
        return rc;
    if (evg_i_entity_type_parse(&e.type, type) < 0)
        return bad(r, &wtype, "unknown entity type '%.40s'", type);
    if (e.type == EVG_ENT_AGREEMENT && e.kind == NULL)
        e.kind = "other"; /* as written for an agreement of no known kind */
    if (e.type != EVG_ENT_PLACE)
        e.city = NULL; /* written for places only */
    if (evg_i_doc_entity_index(r->doc, e.id) >= 0)
        return bad(r, &wid, "duplicate entity id '%.60s'", e.id);
    if ((rc = read_titles(&e, r, v[N_TITLES], &where)) < 0)
        return rc;
    return evg_i_doc_push_entity(r->doc, &e, r->err);
}

/*
 * A member object of an event's participants, parties or agreements, picked
 * into v[nkeys]: its entity must be among the document's; *idx_out is its index.
 */
static int read_member(json_t **v, long *idx_out, const reader *r, json_t *m,
                       const char *const *keys, size_t nkeys, const field_path *where)
{
    field_path w = FIELD(where, "entity");
    const char *id;
    int rc;

    if (!json_is_object(m))
        return bad(r, where, "expected an object, not %s", type_name(m));
    pick(v, keys, nkeys, m);
    if ((rc = get_str(&id, r, v[P_ENTITY], where, "entity", 1)) < 0)
        return rc;
    if ((*idx_out = evg_i_doc_entity_index(r->doc, id)) < 0)
        return bad(r, &w, "'%.60s' is not among the entities", id);
    return 0;
}

static int read_participants(evg_event *ev, const reader *r, json_t *arr,
                             const field_path *where)
{
    size_t n = json_array_size(arr);
    evg_participant *ps;

    if (n == 0)
        return 0;
    if ((ps = evg_i_arena_alloc(r->tmp, n * sizeof(*ps))) == NULL)
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; i < n; i++) {
        field_path w = ELEMENT(where, "participants", i), w2 = FIELD(&w, "role");
        json_t *m = json_array_get(arr, i), *v[P_N];
        const char *role;
        long k;
        int rc;
        if ((rc = read_member(v, &k, r, m, PARTICIPANT_KEYS, P_N, &w)) < 0 ||
            (rc = get_str(&role, r, v[P_ROLE], &w, "role", 0)) < 0)
            return rc;
        /* The entity's own id (as evg_i_doc_settle() wants): ids are unique,
         * so the same entity twice is the same pointer. */
        ps[i].entity = r->doc->ents[k].id;
        ps[i].role = EVG_ROLE_PARTICIPANT;
        if (role && evg_i_role_parse(&ps[i].role, role) < 0)
            return bad(r, &w2, "unknown role '%.40s'", role);
        for (size_t j = 0; j < i; j++)
            if (ps[j].entity == ps[i].entity)
                return bad(r, &w, "'%.60s' is listed twice", ps[i].entity);
    }
    ev->participants = ps;
    ev->nparticipants = n;
    return 0;
}

/* Parties: countries and organizations among the entities, each once. */
static int read_parties(evg_event *ev, const reader *r, json_t *arr,
                        const field_path *where)
{
    size_t n = json_array_size(arr);
    evg_party *ys;

    if (n == 0)
        return 0;
    if ((ys = evg_i_arena_alloc(r->tmp, n * sizeof(*ys))) == NULL)
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; i < n; i++) {
        field_path w = ELEMENT(where, "parties", i), w2 = FIELD(&w, "role");
        json_t *m = json_array_get(arr, i), *v[Y_N];
        const char *role;
        long k = -1;
        int rc;
        if ((rc = read_member(v, &k, r, m, PARTY_KEYS, Y_N, &w)) < 0 ||
            (rc = get_str(&role, r, v[Y_ROLE], &w, "role", 0)) < 0 ||
            (rc = get_str(&ys[i].title, r, v[Y_TITLE], &w, "title", 0)) < 0)
            return rc;
        ys[i].entity = r->doc->ents[k].id;
        if (r->doc->ents[k].type != EVG_ENT_COUNTRY &&
            r->doc->ents[k].type != EVG_ENT_ORGANIZATION)
            return bad(r, &w, "'%.60s' is no country or organization", ys[i].entity);
        ys[i].role = EVG_ROLE_PARTICIPANT;
        if (role && evg_i_role_parse(&ys[i].role, role) < 0)
            return bad(r, &w2, "unknown role '%.40s'", role);
        if (ys[i].title && ys[i].title[0] == '\0')
            ys[i].title = NULL;
        for (size_t j = 0; j < i; j++)
            if (ys[j].entity == ys[i].entity)
                return bad(r, &w, "'%.60s' is listed twice", ys[i].entity);
    }
    ev->parties = ys;
    ev->nparties = n;
    return 0;
}

static int read_agreements(evg_event *ev, const reader *r, json_t *arr,
                           const field_path *where)
{
    size_t n = json_array_size(arr);
    evg_agreement_ref *as;

    if (n == 0)
        return 0;
    if ((as = evg_i_arena_alloc(r->tmp, n * sizeof(*as))) == NULL)
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; i < n; i++) {
        field_path w = ELEMENT(where, "agreements", i), w2 = FIELD(&w, "relation");
        json_t *m = json_array_get(arr, i), *v[P_N];
        const char *rel;
        long k;
        int rc;
        if ((rc = read_member(v, &k, r, m, AGREEMENT_KEYS, P_N, &w)) < 0 ||
            (rc = get_str(&rel, r, v[P_ROLE], &w, "relation", 0)) < 0)
            return rc;
        as[i].entity = r->doc->ents[k].id;
        if (r->doc->ents[k].type != EVG_ENT_AGREEMENT)
            return bad(r, &w, "'%.60s' is not an agreement", as[i].entity);
        as[i].relation = EVG_REL_REFERENCED;
        if (rel && evg_i_agreement_rel_parse(&as[i].relation, rel) < 0)
            return bad(r, &w2, "unknown relation '%.40s'", rel);
    }
    ev->agreements = as;
    ev->nagreements = n;
    return 0;
}

static int read_evidence(evg_event *ev, const reader *r, json_t *arr,
                         const field_path *where)
{
    size_t n = json_array_size(arr);
    evg_evidence *es;

    if (n == 0)
        return 0;
    if ((es = evg_i_arena_alloc(r->tmp, n * sizeof(*es))) == NULL)
        return evg_i_error_nomem(r->err);
    for (size_t i = 0; i < n; i++) {
        evg_evidence *e = &es[i];
        json_t *x = json_array_get(arr, i), *v[X_N];
        field_path w = ELEMENT(where, "evidence", i);
        int rc;
        if (!json_is_object(x))
            return bad(r, &w, "expected an object, not %s", type_name(x));
        PICK(v, EVIDENCE_KEYS, x);
        if ((rc = get_offset(&e->start, r, v[X_START], &w, "start")) < 0 ||
            (rc = get_offset(&e->end, r, v[X_END], &w, "end")) < 0 ||
            (rc = get_str(&e->text, r, v[X_TEXT], &w, "text", 0)) < 0)
            return rc;
        if (e->end < e->start)
            return bad(r, &w, "end %zu is before start %zu", e->end, e->start);
        if (e->text == NULL)
            e->text = "";
    }
    ev->evidence = es;
    ev->nevidence = n;
    return 0;
}

/* The place entity of an event, value `v`: a place among the document's entities. */
static int read_place_id(evg_event *ev, const reader *r, json_t *v,
                         const field_path *where)
{
    field_path w = FIELD(where, "place_id");
    const char *id;
    long k;
    int rc;

    if ((rc = get_str(&id, r, v, where, "place_id", 0)) < 0 || id == NULL)
        return rc;
    if ((k = evg_i_doc_entity_index(r->doc, id)) < 0)
        return bad(r, &w, "'%.60s' is not among the entities", id);
    if (r->doc->ents[k].type != EVG_ENT_PLACE)
        return bad(r, &w, "'%.60s' is no place", id);
    ev->place_id = r->doc->ents[k].id; /* the entity's own, as evg_i_doc_settle() wants */
    return 0;
}

static int read_event(const reader *r, json_t *o, size_t idx)
{
    field_path where = ELEMENT(NULL, "events", idx), wtype = FIELD(&where, "type"),
               wstatus = FIELD(&where, "status");
    const char *type = NULL, *status = NULL, *source = NULL;
    json_t *v[V_N], *ps = NULL, *ys = NULL, *as = NULL, *es = NULL;
    evg_event ev;
    int rc;

    memset(&ev, 0, sizeof ev);
    if (!json_is_object(o))
        return bad(r, &where, "expected an object, not %s", type_name(o));
    PICK(v, EVENT_KEYS, o);
    if ((rc = get_str(&ev.id, r, v[V_ID], &where, "id", 1)) < 0 ||
        (rc = get_str(&type, r, v[V_TYPE], &where, "type", 1)) < 0 ||
        (rc = get_str(&status, r, v[V_STATUS], &where, "status", 0)) < 0 ||
        (rc = get_date(&ev.date, r, v[V_DATE], &where)) < 0 ||
        (rc = get_str(&source, r, v[V_SOURCE], &where, "date_source", 0)) < 0 ||
        (rc = get_str(&ev.place, r, v[V_PLACE], &where, "place", 0)) < 0 ||
        (rc = read_place_id(&ev, r, v[V_PLACE_ID], &where)) < 0)
        return rc;
    if (evg_i_event_type_parse(&ev.type, type) < 0)
        return bad(r, &wtype, "unknown event type '%.40s'", type);
    ev.status = EVG_STATUS_REPORTED;
    if (status && evg_i_event_status_parse(&ev.status, status) < 0)
        return bad(r, &wstatus, "unknown status '%.40s'", status);
    if ((rc = get_array(&ps, r, v[V_PARTS], &where, "participants")) < 0 ||
        (rc = get_array(&ys, r, v[V_PARTIES], &where, "parties")) < 0 ||
        (rc = get_array(&as, r, v[V_AGREEMENTS], &where, "agreements")) < 0 ||
        (rc = get_array(&es, r, v[V_EVIDENCE], &where, "evidence")) < 0)
        return rc;
    ev.date_source = ev.date ? source : NULL; /* no date, no source of it: as written */
    if ((rc = read_participants(&ev, r, ps, &where)) < 0 ||
        (rc = read_parties(&ev, r, ys, &where)) < 0 ||
        (rc = read_agreements(&ev, r, as, &where)) < 0 ||
        (rc = read_evidence(&ev, r, es, &where)) < 0)
        return rc;
    return evg_i_doc_push_event(r->doc, &ev, r->err);
}

/* The "doc" member, value `meta`: the document's metadata. */
static int read_meta(const reader *r, json_t *meta)
{
    static const field_path DOC = FIELD(NULL, "doc");
    evg_doc *d = r->doc;
    json_t *v[M_N];
    int rc;

    if (meta == NULL)
        return bad(r, &DOC, "missing (expected an object)");
    if (!json_is_object(meta))
        return bad(r, &DOC, "expected an object, not %s", type_name(meta));
    PICK(v, META_KEYS, meta);
    if ((rc = get_str(&d->id, r, v[M_ID], &DOC, "id", 1)) < 0 ||
        (rc = get_str(&d->path, r, v[M_PATH], &DOC, "path", 0)) < 0 ||
        (rc = get_date(&d->date, r, v[M_DATE], &DOC)) < 0 ||
        (rc = get_str(&d->title, r, v[M_TITLE], &DOC, "title", 0)) < 0)
        return rc;
    return 0;
}

int evg_doc_parse_json(evg_doc **out, const char *text, size_t len, const char *source,
                       int line, evg_error *err)
{
    static const field_path RECORD = FIELD(NULL, "record");
    json_error_t jerr;
    json_t *root = NULL, *v[R_N], *ents = NULL, *evs = NULL;
    evg_i_arena tmp = EVG_I_ARENA_INIT;
    reader r = {source, line, err, NULL, &tmp};
    /* A scratch window releases the tree at its end: walking it to free
     * nothing would cost more than a record's checks. */
    int own_tree = !evg_i_jscratch_active(), rc = 0, nomem = 0;

    *out = NULL;
    if ((root = evg_i_json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr, &nomem)) ==
        NULL) {
        if (nomem)
            rc = evg_i_error_set(err, EVG_ENOMEM, source, line, 0, "out of memory");
        else
            rc = evg_i_error_set(err, EVG_EPARSE, source, line,
                                 jerr.column > 0 ? jerr.column : 0, "invalid JSON: %s",
                                 jerr.text);
        goto cleanup;
    }
    if (!json_is_object(root)) {
        rc = bad(&r, &RECORD, "expected a JSON object, not %s", type_name(root));
        goto cleanup;
    }
    PICK(v, ROOT_KEYS, root);
    EVG_CHECK(get_array(&ents, &r, v[R_ENTITIES], NULL, "entities"));
    EVG_CHECK(get_array(&evs, &r, v[R_EVENTS], NULL, "events"));
    EVG_CHECK(
        evg_i_doc_new_sized(&r.doc, json_array_size(ents), json_array_size(evs), err));
    EVG_CHECK(read_meta(&r, v[R_DOC]));
    for (size_t i = 0; i < json_array_size(ents); i++)
        EVG_CHECK(read_entity(&r, json_array_get(ents, i), i));
    for (size_t i = 0; i < json_array_size(evs); i++)
        EVG_CHECK(read_event(&r, json_array_get(evs, i), i));
    EVG_CHECK(evg_i_doc_settle(r.doc, err));
    *out = r.doc;
    r.doc = NULL;
cleanup:
    evg_doc_free(r.doc);
    evg_i_arena_free(&tmp);
    if (own_tree)
        json_decref(root);
    return rc;
}
