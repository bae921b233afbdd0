/*
 * Questions about the whole graph: the meetings some filters select, the
 * agreements and their parties, the most central vertices, and counts.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_internal.h"

int evg_i_q_meetings(evg_i_qctx *c)
{
    size_t *m = NULL, n = 0;
    json_t *doc = NULL, *list = json_array();
    int nobody, rc = 0;

    EVG_QCHECK(evg_i_q_filter_init(c, EVG_I_QANY_TYPE, EVG_I_QREPORTED, &nobody));
    if (!nobody && evg_i_q_select(&m, &n, c->q, &c->f, SIZE_MAX) < 0)
        goto nomem;
    for (size_t i = 0; i < n; i++)
        if (evg_i_q_push(list, evg_i_q_meeting(c->q, m[i])) < 0)
            goto nomem;
    doc = evg_i_q_doc(c);
    if (evg_i_q_set(doc, "meetings", json_incref(list)) < 0)
        goto nomem;
    c->r->count = n;
    c->r->doc = doc;
    doc = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(c->err);
cleanup:
    json_decref(doc);
    json_decref(list);
    free(m);
    return rc;
}

/* ---- agreements ---------------------------------------------------------- */

/* Whether the request narrows meetings at all (else every agreement is listed). */
static int filtering(const evg_query_request *r)
{
    return r->from || r->to || r->place || r->npeople || r->ncountries ||
           r->event_types || r->statuses;
}

/* Insert the code `cc` into the sorted JSON array of strings `a`, once. */
static int add_code(json_t *a, const char *cc)
{
    size_t i = 0;
    int c = 1;

    if (cc == NULL)
        return 0;
    while (i < json_array_size(a) &&
           (c = strcmp(json_string_value(json_array_get(a, i)), cc)) < 0)
        i++;
    if (i < json_array_size(a) && c == 0)
        return 0;
    return json_array_insert_new(a, i, json_string(cc));
}

/*
 * The agreement's parties (the countries of the people of the selected
 * meetings that signed or referenced it, and of its signatories) and the
 * ids of those meetings. Returns how many meetings were selected, or -1.
 */
static long links(json_t *parties, json_t *ids, const evg_query *q,
                  const evg_i_qfilter *f, size_t ag)
{
    size_t ne, np, nv = evg_graph_vertex_count(q->g);
    const size_t *inc = evg_i_q_edges(q, ag, &ne);
    size_t *people = calloc(nv + 1, sizeof(*people));
    long n = 0;
    int fail = people == NULL;

    for (size_t i = 0; i < ne && !fail; i++) {
        const evg_i_eattr *e = evg_i_q_e(q, inc[i]);
        if (e->rel == EVG_I_REL_SIGNATORY) {
            fail |= add_code(parties, evg_i_q_v(q, e->from)->country) < 0;
            continue;
        }
        if ((e->rel != EVG_I_REL_SIGNED && e->rel != EVG_I_REL_REFERENCES) ||
            !evg_i_q_pass(q, f, e->from))
            continue;
        n++;
        fail |= evg_i_q_push(ids, json_string(evg_i_q_v(q, e->from)->id)) < 0;
        np = evg_i_q_people_of(people, nv, q, e->from);
        for (size_t j = 0; j < np && !fail; j++)
            fail |= add_code(parties, evg_i_q_v(q, people[j])->country) < 0;
    }
    free(people);
    return fail ? -1 : n;
}

/* Labels of the signatories (signatory edges), as person objects. */
static json_t *signatories(const evg_query *q, size_t ag)
{
    size_t ne;
    const size_t *inc = evg_i_q_edges(q, ag, &ne);
    json_t *a = json_array();
    int fail = a == NULL;

    for (size_t i = 0; i < ne && !fail; i++)
        if (evg_i_q_e(q, inc[i])->rel == EVG_I_REL_SIGNATORY)
            fail = evg_i_q_push(a, evg_i_q_person(q, evg_i_q_e(q, inc[i])->from)) < 0;
    if (fail) {
        json_decref(a);
        return NULL;
    }
    return a;
}

static int has_code(const json_t *a, const char *code)
{
    size_t i;
    json_t *x;

    json_array_foreach(a, i, x)
    {
        if (strcmp(json_string_value(x), code) == 0)
            return 1;
    }
    return 0;
}

/*
 * The row of agreement `ag` in `*out`; NULL when the filters leave it out:
 * with filters, only agreements of a selected meeting; with a party, only
 * those whose parties include it. Returns 0 or EVG_ENOMEM.
 */
static int agreement(json_t **out, const evg_i_qctx *c, size_t ag, size_t party)
{
    const evg_i_vattr *a = evg_i_q_v(c->q, ag);
    json_t *o = json_object(), *parties = json_array(), *ids = json_array();
    long n = parties && ids ? links(parties, ids, c->q, &c->f, ag) : -1;
    int fail = n < 0 || o == NULL;

    *out = NULL;
    if (fail || (filtering(c->req) && n == 0) ||
        (party != SIZE_MAX &&
         !has_code(parties, strchr(evg_i_q_v(c->q, party)->id, ':') + 1))) {
        json_decref(o);
        json_decref(parties);
        json_decref(ids);
        return fail ? EVG_ENOMEM : 0;
    }
    fail |= evg_i_q_set(o, "id", json_string(a->id)) < 0;
    fail |= evg_i_q_set(o, "name", json_string(a->label)) < 0;
    fail |= evg_i_q_set(o, "kind", evg_i_q_text(a->kind)) < 0;
    fail |= evg_i_q_set(o, "signed", json_integer((json_int_t)a->signed_count)) < 0;
    fail |=
        evg_i_q_set(o, "referenced", json_integer((json_int_t)a->referenced_count)) < 0;
    fail |= evg_i_q_set(o, "parties", parties) < 0;
    fail |= evg_i_q_set(o, "signatories", signatories(c->q, ag)) < 0;
    fail |= evg_i_q_set(o, "first", evg_i_q_text(a->first_seen)) < 0;
    fail |= evg_i_q_set(o, "last", evg_i_q_text(a->last_seen)) < 0;
    fail |= evg_i_q_set(o, "meeting_ids", ids) < 0;
    if (fail) {
        json_decref(o);
        return EVG_ENOMEM;
    }
    *out = o;
    return 0;
}

/* A row with the keys it is sorted by. */
typedef struct {
    json_t *o;
    const char *first, *label, *id;
} row;

/* By first date (undated last), then name, then id. */
static int by_first(const void *a, const void *b)
{
    const row *x = a, *y = b;

    return evg_i_q_by_first(x->first, x->label, x->id, y->first, y->label, y->id);
}

static int agreement_rows(json_t *list, const evg_i_qctx *c, size_t party)
{
    size_t nv = evg_graph_vertex_count(c->q->g), n = 0;
    row *rows = calloc(nv + 1, sizeof(*rows));
    int rc = rows ? 0 : EVG_ENOMEM;

    for (size_t v = 0; v < nv && rc == 0; v++) {
        const evg_i_vattr *a = evg_i_q_v(c->q, v);
        if (a->type != EVG_NODE_AGREEMENT)
            continue;
        rows[n].first = a->first_seen;
        rows[n].label = a->label;
        rows[n].id = a->id;
        rc = agreement(&rows[n].o, c, v, party);
        n += rows[n].o != NULL;
    }
    if (rc == 0 && n)
        qsort(rows, n, sizeof(*rows), by_first);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && evg_i_q_push(list, rows[i].o) < 0) /* the push takes the row */
            rc = EVG_ENOMEM;
        else if (rc != 0)
            json_decref(rows[i].o);
    }
    free(rows);
    return rc;
}

int evg_i_q_agreements(evg_i_qctx *c)
{
    size_t party = SIZE_MAX;
    json_t *doc = NULL, *list = json_array();
    int nobody, rc = 0;

    EVG_QCHECK(evg_i_q_resolve(&party, c, c->req->party, EVG_I_QCOUNTRY));
    EVG_QCHECK(evg_i_q_filter_init(c, EVG_I_QANY_TYPE, EVG_I_QANY_STATUS, &nobody));
    if (!(c->req->party && party == SIZE_MAX) && !nobody &&
        agreement_rows(list, c, party) < 0)
        goto nomem;
    doc = evg_i_q_doc(c);
    if (evg_i_q_set(doc, "agreements", json_incref(list)) < 0)
        goto nomem;
    c->r->count = json_array_size(list);
    c->r->doc = doc;
    doc = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(c->err);
cleanup:
    json_decref(doc);
    json_decref(list);
    return rc;
}
