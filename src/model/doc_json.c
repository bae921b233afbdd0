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
          set_str(meta, "date", d->date) || set_str(meta, "title", d->title) ||
          (d->url && set_str(meta, "url", d->url)) ||
          (d->source && set_str(meta, "source", d->source));
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
    const char *meta[] = {d->id, d->path, d->date, d->title, d->url, d->source};

    if (any_invalid(meta, 6))
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

typedef json_t *JV;
#define JV_IS_OBJECT(v) json_is_object(v)
#define JV_IS_ARRAY(v) json_is_array(v)
#define JV_IS_STRING(v) json_is_string(v)
#define JV_IS_NULL(v) json_is_null(v)
#define JV_IS_INTEGER(v) json_is_integer(v)
#define JV_INTEGER(v) json_integer_value(v)
#define JV_STRING(v) json_string_value(v)
#define JV_STRLEN(v) json_string_length(v)
#define JV_SIZE(a) json_array_size(a)
#define JV_FIRST(a) json_array_get((a), 0)
#define JV_NEXT(a, prev, i) json_array_get((a), (i))
typedef void *JV_ITER;
#define JV_ITER_FIRST(o) json_object_iter(o)
#define JV_ITER_NEXT(o, it) json_object_iter_next((o), (it))
#define JV_ITER_KEY(it) json_object_iter_key(it)
#define JV_ITER_VALUE(it) json_object_iter_value(it)
#define JV_STRICT 0 /* jansson rejected duplicate keys; others are let be */

#include "model/doc_read.inc"

int evg_doc_parse_json(evg_doc **out, const char *text, size_t len, const char *source,
                       int line, evg_error *err)
{
    json_error_t jerr;
    json_t *root = NULL;
    evg_i_arena tmp = EVG_I_ARENA_INIT;
    reader r = {source, line, err, NULL, &tmp};
    /* A scratch window releases the tree at its end: walking it to free
     * nothing would cost more than a record's checks. */
    int own_tree = !evg_i_jscratch_active(), rc = 0, nomem = 0;

    *out = NULL;
    /* The fast parser takes the records it can vouch for; the rest, and
     * every one with a fault to report, are read here. */
    if (evg_i_doc_parse_fast(out, text, len, source, line))
        return 0;
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
    EVG_CHECK(read_record(&r, root));
    *out = r.doc;
    r.doc = NULL;
cleanup:
    evg_doc_free(r.doc);
    evg_i_arena_free(&tmp);
    if (own_tree)
        json_decref(root);
    return rc;
}
