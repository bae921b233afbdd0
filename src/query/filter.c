/*
 * Which meetings a question is about: event types and statuses, a date
 * range, a place, people who all took part, countries whose officials all
 * took part. Dates are compared as text, which ISO dates allow: a range end
 * may be a year or a month ("2024-11" is all of November).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "query/query_internal.h"
#include "util/date.h"

/* Resolve each of `names` (of `types`) into `*out`; *nobody when one names nobody. */
static int resolve_all(size_t **out, size_t *n_out, evg_i_qctx *c,
                       const char *const *names, size_t n, unsigned types, int *nobody)
{
    int rc = 0;

    *n_out = 0;
    if (n == 0)
        return 0;
    if ((*out = calloc(n, sizeof(**out))) == NULL)
        return evg_i_error_nomem(c->err);
    for (size_t i = 0; i < n && rc == 0; i++) {
        size_t v;
        if ((rc = evg_i_q_resolve(&v, c, names[i], types)) != 0)
            break;
        if (v == SIZE_MAX)
            *nobody = 1;
        else
            (*out)[(*n_out)++] = v;
    }
    return rc;
}

int evg_i_q_filter_init(evg_i_qctx *c, unsigned types, unsigned statuses, int *nobody_out)
{
    const evg_query_request *req = c->req;
    evg_i_qfilter *f = &c->f;
    const char *dates[2] = {req->from, req->to};
    evg_i_buf place = EVG_I_BUF_INIT;
    int rc = 0;

    *nobody_out = 0;
    f->types = req->event_types ? req->event_types : types;
    f->statuses = req->statuses ? req->statuses : statuses;
    if (f->types >= 1u << 4 || f->statuses >= 1u << 2)
        return evg_i_error_set(c->err, EVG_EINVAL, NULL, 0, 0,
                               "unknown event type or status");
    for (int i = 0; i < 2; i++)
        if (dates[i] && evg_i_date_bound(dates[i]) < 0)
            return evg_i_error_set(c->err, EVG_EINVAL, NULL, 0, 0,
                                   "'%.40s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                                   dates[i]);
    f->from = req->from;
    f->to = req->to;
    if (req->place) {
        if (evg_i_q_fold_words(&place, req->place) < 0)
            return evg_i_error_nomem(c->err);
        f->place = evg_i_buf_detach(&place);
        if (f->place == NULL && (f->place = evg_i_strdup("")) == NULL)
            return evg_i_error_nomem(c->err);
    }
    EVG_QCHECK(resolve_all(&f->people, &f->npeople, c, req->people, req->npeople,
                           EVG_I_QPERSON, nobody_out));
    EVG_QCHECK(resolve_all(&f->countries, &f->ncountries, c, req->countries,
                           req->ncountries, EVG_I_QCOUNTRY, nobody_out));
cleanup:
    return rc;
}

void evg_i_q_filter_free(evg_i_qfilter *f)
{
    free(f->place);
    free(f->people);
    free(f->countries);
    memset(f, 0, sizeof *f);
}

static int type_bit(const char *name)
{
    evg_event_type t;

    return evg_event_type_from_name(&t, name) == 0 ? 1 << t : 0;
}

unsigned evg_i_q_in_person_types(void)
{
    unsigned bits = 0;

    for (unsigned t = 0; t < EVG_EV__COUNT; t++)
        if (evg_event_type_in_person((evg_event_type)t))
            bits |= 1u << t;
    return bits;
}

static int status_bit(const char *name)
{
    if (name && strcmp(name, evg_event_status_name(EVG_STATUS_REPORTED)) == 0)
        return 1 << EVG_STATUS_REPORTED;
    if (name && strcmp(name, evg_event_status_name(EVG_STATUS_PLANNED)) == 0)
        return 1 << EVG_STATUS_PLANNED;
    return 0;
}

int evg_i_q_pass(const evg_query *q, const evg_i_qfilter *f, size_t m)
{
    const evg_i_vattr *a = evg_i_q_v(q, m);

    if (a->type != EVG_NODE_MEETING || !(f->types & (unsigned)type_bit(a->event_type)) ||
        !(f->statuses & (unsigned)status_bit(a->status)))
        return 0;
    if ((f->from || f->to) && a->date == NULL)
        return 0;
    if (f->from && strcmp(a->date, f->from) < 0)
        return 0;
    if (f->to && strncmp(a->date, f->to, strlen(f->to)) > 0)
        return 0;
    if (f->place &&
        (q->place_words[m] == NULL || strstr(q->place_words[m], f->place) == NULL))
        return 0;
    for (size_t i = 0; i < f->npeople; i++)
        if (!evg_i_q_took_part(q, m, f->people[i]))
            return 0;
    for (size_t i = 0; i < f->ncountries; i++)
        if (!evg_i_q_took_part(q, m, f->countries[i]))
            return 0;
    return 1;
}

size_t evg_i_q_people_of(size_t *out, size_t cap, const evg_query *q, size_t m)
{
    size_t ne, n = 0;
    const size_t *inc = evg_i_q_edges(q, m, &ne);

    for (size_t i = 0; i < ne && n < cap; i++) {
        const evg_i_eattr *e = evg_i_q_e(q, inc[i]);
        if (e->rel == EVG_I_REL_PARTICIPATED_IN && e->to == m &&
            evg_i_q_v(q, e->from)->type == EVG_NODE_PERSON)
            out[n++] = e->from;
    }
    return n;
}

int evg_i_q_took_part(const evg_query *q, size_t m, size_t who)
{
    const evg_i_vattr *w = evg_i_q_v(q, who);
    const char *code = w->type == EVG_NODE_COUNTRY ? strchr(w->id, ':') : NULL;
    size_t ne;
    const size_t *inc = evg_i_q_edges(q, m, &ne);

    for (size_t i = 0; i < ne; i++) {
        const evg_i_eattr *e = evg_i_q_e(q, inc[i]);
        const char *cc;
        if (e->rel != EVG_I_REL_PARTICIPATED_IN || e->to != m)
            continue;
        if (e->from == who)
            return 1;
        cc = evg_i_q_v(q, e->from)->country;
        if (code && evg_i_q_v(q, e->from)->type == EVG_NODE_PERSON && cc &&
            strcmp(cc, code + 1) == 0)
            return 1;
    }
    return 0;
}

typedef struct {
    const char *date, *id;
    size_t m;
} dated;

static int by_date(const void *a, const void *b)
{
    const dated *x = a, *y = b;
    int c;

    if ((x->date == NULL) != (y->date == NULL))
        return x->date == NULL ? 1 : -1;
    if (x->date && (c = strcmp(x->date, y->date)) != 0)
        return c;
    return strcmp(x->id, y->id);
}

int evg_i_q_by_first(const char *first_a, const char *label_a, const char *id_a,
                     const char *first_b, const char *label_b, const char *id_b)
{
    int c;

    if ((first_a == NULL) != (first_b == NULL))
        return first_a == NULL ? 1 : -1;
    if (first_a && (c = strcmp(first_a, first_b)) != 0)
        return c;
    if ((c = strcmp(label_a, label_b)) != 0)
        return c;
    return strcmp(id_a, id_b);
}

int evg_i_q_sort_meetings(size_t *m, size_t n, const evg_query *q)
{
    dated *d = n ? calloc(n, sizeof(*d)) : NULL;

    if (n == 0)
        return 0;
    if (d == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        d[i].date = evg_i_q_v(q, m[i])->date;
        d[i].id = evg_i_q_v(q, m[i])->id;
        d[i].m = m[i];
    }
    qsort(d, n, sizeof(*d), by_date);
    for (size_t i = 0; i < n; i++)
        m[i] = d[i].m;
    free(d);
    return 0;
}

int evg_i_q_select(size_t **out, size_t *n_out, const evg_query *q,
                   const evg_i_qfilter *f, size_t p)
{
    size_t nv = evg_graph_vertex_count(q->g), ne = 0, n = 0;
    const size_t *inc = p == SIZE_MAX ? NULL : evg_i_q_edges(q, p, &ne);
    size_t *m = calloc((p == SIZE_MAX ? nv : ne) + 1, sizeof(*m));

    *out = NULL;
    *n_out = 0;
    if (m == NULL)
        return EVG_ENOMEM;
    for (size_t v = 0; p == SIZE_MAX && v < nv; v++)
        if (evg_i_q_pass(q, f, v))
            m[n++] = v;
    for (size_t i = 0; i < ne; i++) {
        const evg_i_eattr *e = evg_i_q_e(q, inc[i]);
        if (e->rel == EVG_I_REL_PARTICIPATED_IN && e->from == p &&
            evg_i_q_pass(q, f, e->to))
            m[n++] = e->to;
    }
    if (evg_i_q_sort_meetings(m, n, q) < 0) {
        free(m);
        return EVG_ENOMEM;
    }
    *out = m;
    *n_out = n;
    return 0;
}
