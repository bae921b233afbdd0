/*
 * A person's profile: who they are (name, country, organization, the title
 * seen last, other names), their titles over time, their meetings with the
 * role they had, and the agreements those meetings signed or discussed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_internal.h"
#include "util/date.h"

static json_t *profile(const evg_query *q, size_t p)
{
    const evg_i_vattr *a = evg_i_q_v(q, p);
    json_t *o = evg_i_q_person(q, p);
    int fail = evg_i_q_set(o, "org", evg_i_q_text(a->org)) < 0;

    fail |= evg_i_q_set(o, "title", evg_i_q_text(a->title)) < 0;
    fail |= evg_i_q_set(o, "aliases", evg_i_q_split(a->aliases)) < 0;
    fail |= evg_i_q_set(o, "first", evg_i_q_text(a->first_seen)) < 0;
    fail |= evg_i_q_set(o, "last", evg_i_q_text(a->last_seen)) < 0;
    fail |= evg_i_q_set(o, "meetings", json_integer((json_int_t)a->meetings)) < 0;
    fail |= evg_i_q_set(o, "events", json_integer((json_int_t)a->events)) < 0;
    fail |= evg_i_q_set(o, "sources", json_integer((json_int_t)a->sources)) < 0;
    fail |= evg_i_q_set(o, "community",
                        a->community == EVG_I_NO_COMMUNITY
                            ? json_null()
                            : json_integer((json_int_t)a->community)) < 0;
    if (fail) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/*
 * One entry of titles_seen, "Title (2024-01-02/2024-03-04)", "Title
 * (2024-01-02)" or "Title" (undated), as {title, first, last}.
 */
static json_t *title_entry(const char *s, size_t n)
{
    const char *open = NULL, *d1 = NULL, *d2 = NULL;
    json_t *o = json_object();
    size_t tn = n;
    int fail;

    for (const char *p = s; p + 1 < s + n; p++)
        if (p[0] == ' ' && p[1] == '(')
            open = p;
    if (open && s[n - 1] == ')') {
        size_t inner = (size_t)(s + n - 1 - (open + 2));
        const char *in = open + 2;
        if (inner == 10 && evg_i_date_valid(in, 10))
            d1 = d2 = in;
        else if (inner == 21 && in[10] == '/' && evg_i_date_valid(in, 10) &&
                 evg_i_date_valid(in + 11, 10))
            d1 = in, d2 = in + 11;
        if (d1)
            tn = (size_t)(open - s);
    }
    fail = evg_i_q_set(o, "title", json_stringn(s, tn)) < 0;
    fail |= evg_i_q_set(o, "first", d1 ? json_stringn(d1, 10) : json_null()) < 0;
    fail |= evg_i_q_set(o, "last", d2 ? json_stringn(d2, 10) : json_null()) < 0;
    if (fail) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *titles(const char *seen)
{
    json_t *a = json_array();
    int fail = a == NULL;

    while (seen && *seen && !fail) {
        const char *end = strstr(seen, "; ");
        size_t n = end ? (size_t)(end - seen) : strlen(seen);
        fail = evg_i_q_push(a, title_entry(seen, n)) < 0;
        seen = end ? end + 2 : NULL;
    }
    if (fail) {
        json_decref(a);
        return NULL;
    }
    return a;
}

/* The role of person p in meeting m, or NULL. */
static const evg_i_eattr *taking_part(const evg_query *q, size_t p, size_t m)
{
    size_t ne;
    const size_t *inc = evg_i_q_edges(q, p, &ne);

    for (size_t i = 0; i < ne; i++) {
        const evg_i_eattr *e = evg_i_q_e(q, inc[i]);
        if (e->rel == EVG_I_REL_PARTICIPATED_IN && e->from == p && e->to == m)
            return e;
    }
    return NULL;
}

/* An agreement of the person's meetings: signed at one of them, or only referenced. */
typedef struct {
    size_t v;
    int signed_;
    const char *first, *label, *id;
    json_t *ids;
} deal;

static int by_deal(const void *a, const void *b)
{
    const deal *x = a, *y = b;

    return evg_i_q_by_first(x->first, x->label, x->id, y->first, y->label, y->id);
}

/* The agreements of meeting m into `d` (n_d of them so far). */
static int collect_deals(deal *d, size_t *nd, const evg_query *q, size_t m)
{
    size_t ne;
    const size_t *inc = evg_i_q_edges(q, m, &ne);
    const char *date = evg_i_q_v(q, m)->date;

    for (size_t i = 0; i < ne; i++) {
        const evg_i_eattr *e = evg_i_q_e(q, inc[i]);
        size_t k = 0;
        if ((e->rel != EVG_I_REL_SIGNED && e->rel != EVG_I_REL_REFERENCES) ||
            e->from != m)
            continue;
        while (k < *nd && d[k].v != e->to)
            k++;
        if (k == *nd) {
            d[k].v = e->to;
            d[k].label = evg_i_q_v(q, e->to)->label;
            d[k].id = evg_i_q_v(q, e->to)->id;
            if ((d[k].ids = json_array()) == NULL)
                return EVG_ENOMEM;
            (*nd)++;
        }
        d[k].signed_ |= e->rel == EVG_I_REL_SIGNED;
        if (date && (d[k].first == NULL || strcmp(date, d[k].first) < 0))
            d[k].first = date;
        if (evg_i_q_push(d[k].ids, json_string(evg_i_q_v(q, m)->id)) < 0)
            return EVG_ENOMEM;
    }
    return 0;
}

static int deals(json_t *out, const evg_query *q, const size_t *m, size_t n)
{
    size_t total = 0, nd = 0, ne;
    deal *d;
    int rc = 0;

    for (size_t i = 0; i < n; i++)
        total += (evg_i_q_edges(q, m[i], &ne), ne);
    if ((d = calloc(total + 1, sizeof(*d))) == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = collect_deals(d, &nd, q, m[i]);
    if (rc == 0 && nd)
        qsort(d, nd, sizeof(*d), by_deal);
    for (size_t i = 0; i < nd; i++) {
        json_t *o = rc == 0 ? json_object() : NULL;
        int fail = evg_i_q_set(o, "id", json_string(d[i].id)) < 0;
        fail |= evg_i_q_set(o, "name", json_string(d[i].label)) < 0;
        fail |= evg_i_q_set(o, "kind", evg_i_q_text(evg_i_q_v(q, d[i].v)->kind)) < 0;
        fail |= evg_i_q_set(o, "relation",
                            json_string(d[i].signed_ ? "signed" : "referenced")) < 0;
        fail |= evg_i_q_set(o, "first", evg_i_q_text(d[i].first)) < 0;
        fail |= evg_i_q_set(o, "meeting_ids", json_incref(d[i].ids)) < 0;
        if (evg_i_q_push(out, o) < 0 || fail)
            rc = EVG_ENOMEM;
        json_decref(d[i].ids);
    }
    free(d);
    return rc;
}

/* The person's selected meetings, each with the person's role and title there. */
static int meetings(json_t *out, const evg_query *q, size_t p, const size_t *m, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        json_t *o = evg_i_q_meeting(q, m[i]);
        const evg_i_eattr *e = taking_part(q, p, m[i]);
        const char *role = e && e->role >= 0 ? evg_role_name((evg_role)e->role) : NULL;
        if (evg_i_q_set(o, "role", evg_i_q_text(role)) < 0 ||
            evg_i_q_set(o, "title", evg_i_q_text(e ? e->title : NULL)) < 0 ||
            evg_i_q_push(out, o) < 0)
            return EVG_ENOMEM;
    }
    return 0;
}

int evg_i_q_person_cmd(evg_i_qctx *c)
{
    size_t p, *m = NULL, n = 0;
    json_t *doc = NULL, *ms = json_array(), *ds = json_array();
    int nobody, rc = 0, fail;

    EVG_QCHECK(evg_i_q_resolve(&p, c, c->req->subject, EVG_I_QPERSON));
    EVG_QCHECK(evg_i_q_filter_init(c, EVG_I_QANY_TYPE, EVG_I_QANY_STATUS, &nobody));
    if (p != SIZE_MAX && !nobody &&
        (evg_i_q_select(&m, &n, c->q, &c->f, p) < 0 || meetings(ms, c->q, p, m, n) < 0 ||
         deals(ds, c->q, m, n) < 0))
        goto nomem;
    doc = evg_i_q_doc(c);
    fail = evg_i_q_set(doc, "person", p == SIZE_MAX ? json_null() : profile(c->q, p)) < 0;
    fail |= evg_i_q_set(doc, "titles",
                        p == SIZE_MAX ? json_array()
                                      : titles(evg_i_q_v(c->q, p)->titles_seen)) < 0;
    fail |= evg_i_q_set(doc, "meetings", json_incref(ms)) < 0;
    fail |= evg_i_q_set(doc, "agreements", json_incref(ds)) < 0;
    if (fail)
        goto nomem;
    c->r->count = n;
    c->r->doc = doc;
    doc = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(c->err);
cleanup:
    json_decref(doc);
    json_decref(ms);
    json_decref(ds);
    free(m);
    return rc;
}
