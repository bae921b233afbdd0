/*
 * The dates of the meetings behind an edge or a vertex (EVG_I_DATES), for
 * the timeline's spells: gathered as pointers to dates (each the first
 * EVG_I_DATE_LEN bytes at the pointer), sorted, each kept once and joined.
 * Time O(k log k) for k dates: a pair that met 500 times costs a sort of 500.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "graph/dates.h"
#include "graph/graph_impl.h"
#include "util/buf.h"

int evg_i_dates_next(char *out, const char *dates, size_t *at)
{
    if (dates == NULL || dates[*at] == '\0')
        return 0;
    memcpy(out, dates + *at, EVG_I_DATE_LEN);
    out[EVG_I_DATE_LEN] = '\0';
    *at += EVG_I_DATE_LEN;
    if (dates[*at] == ' ')
        (*at)++;
    return 1;
}

/* "dddd-dd-dd" at `s` (NUL-terminated there when `whole`). */
static int date_shape(const char *s, int whole)
{
    static const char shape[] = "dddd-dd-dd";

    for (size_t i = 0; i < EVG_I_DATE_LEN; i++)
        if (shape[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != shape[i])
            return 0;
    return !whole || s[EVG_I_DATE_LEN] == '\0';
}

int evg_i_dates_add(evg_i_dates *d, const char *date)
{
    if (date == NULL || !date_shape(date, 1))
        return 0;
    if (evg_i_grow((void **)&d->v, &d->cap, d->n + 1, sizeof(*d->v)) < 0)
        return EVG_ENOMEM;
    d->v[d->n++] = date;
    return 0;
}

int evg_i_dates_add_list(evg_i_dates *d, const char *dates)
{
    size_t at = 0;

    while (dates && dates[at] != '\0') {
        if (evg_i_grow((void **)&d->v, &d->cap, d->n + 1, sizeof(*d->v)) < 0)
            return EVG_ENOMEM;
        d->v[d->n++] = dates + at;
        at += EVG_I_DATE_LEN;
        at += dates[at] == ' ';
    }
    return 0;
}

static int by_date(const void *a, const void *b)
{
    return memcmp(*(const char *const *)a, *(const char *const *)b, EVG_I_DATE_LEN);
}

int evg_i_dates_join(const char **out, evg_i_dates *d, evg_i_arena *a)
{
    size_t kept = 0;
    char *p;

    *out = NULL;
    if (d->n > 1)
        qsort(d->v, d->n, sizeof(*d->v), by_date);
    for (size_t i = 0; i < d->n; i++)
        if (kept == 0 || by_date(&d->v[kept - 1], &d->v[i]) != 0)
            d->v[kept++] = d->v[i];
    d->n = 0;
    if (kept < 2)
        return 0;
    if ((p = evg_i_arena_alloc(a, kept * (EVG_I_DATE_LEN + 1))) == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < kept; i++) {
        memcpy(p + i * (EVG_I_DATE_LEN + 1), d->v[i], EVG_I_DATE_LEN);
        p[i * (EVG_I_DATE_LEN + 1) + EVG_I_DATE_LEN] = i + 1 < kept ? ' ' : '\0';
    }
    *out = p;
    return 0;
}

void evg_i_dates_free(evg_i_dates *d)
{
    free(d->v);
    memset(d, 0, sizeof(*d));
}

typedef struct {
    size_t v;
    const char *date;
} took;

typedef struct {
    took *v;
    size_t n, cap;
} took_list;

static int push(took_list *l, size_t v, const char *date)
{
    if (evg_i_grow((void **)&l->v, &l->cap, l->n + 1, sizeof(*l->v)) < 0)
        return EVG_ENOMEM;
    l->v[l->n].v = v;
    l->v[l->n++].date = date;
    return 0;
}

/*
 * Who took part in a meeting of date `date`, from edge `a` of a full graph:
 * a participating person and the country it is of, a country as a party, the
 * agreements and places of the meeting (merge/links.c's took_part).
 */
static int took_from_edge(took_list *l, const evg_graph *g, const evg_i_eattr *a,
                          const char *date)
{
    const evg_i_vattr *p = &g->v[a->from];
    char id[64];
    size_t c;
    int rc = 0;

    switch (a->rel) {
    case EVG_I_REL_PARTICIPATED_IN:
        if (p->type == EVG_NODE_COUNTRY)
            return push(l, a->from, date);
        if (p->type != EVG_NODE_PERSON)
            return 0;
        rc = push(l, a->from, date);
        if (rc == 0 && p->country &&
            (size_t)snprintf(id, sizeof id, "country:%s", p->country) < sizeof id &&
            evg_graph_find_vertex(&c, g, id) == 0)
            rc = push(l, c, date);
        return rc;
    case EVG_I_REL_REFERENCES:
    case EVG_I_REL_SIGNED:
    case EVG_I_REL_HELD_AT:
        return push(l, a->to, date);
    default:
        return 0;
    }
}

/* The edges of relation `rel`, grouped by the end `by_to` (or from) chooses. */
static int group_by(size_t **start_out, size_t **edges_out, const evg_graph *g,
                    evg_i_relation rel, int by_to)
{
    size_t *start = calloc(g->nv + 2, sizeof(*start));
    size_t *edges = calloc(g->ne + 1, sizeof(*edges));

    *start_out = start;
    *edges_out = edges;
    if (start == NULL || edges == NULL)
        return EVG_ENOMEM;
    for (size_t e = 0; e < g->ne; e++)
        if (g->e[e].rel == rel)
            start[(by_to ? g->e[e].to : g->e[e].from) + 2]++;
    for (size_t v = 0; v < g->nv; v++)
        start[v + 2] += start[v + 1];
    for (size_t e = 0; e < g->ne; e++) /* start[v + 1] becomes the end of v's run */
        if (g->e[e].rel == rel)
            edges[start[(by_to ? g->e[e].to : g->e[e].from) + 1]++] = e;
    return 0;
}

/*
 * The dates of a signatory edge (person -> agreement) of several meetings:
 * those of the meetings that signed the agreement with the person there.
 * `signed_` groups the signed edges by agreement, `part` the participations
 * by meeting.
 */
static int signatory_dates(evg_graph *g, evg_i_eattr *a, const size_t *sstart,
                           const size_t *signed_, const size_t *pstart,
                           const size_t *part, evg_i_dates *d)
{
    int rc = 0;

    for (size_t i = sstart[a->to]; i < sstart[a->to + 1] && rc == 0; i++) {
        const evg_i_eattr *s = &g->e[signed_[i]];
        for (size_t k = pstart[s->from]; k < pstart[s->from + 1]; k++)
            if (g->e[part[k]].from == a->from) {
                rc = evg_i_dates_add(d, s->first_date);
                break;
            }
    }
    return rc == 0 ? evg_i_dates_join(&a->dates, d, &g->arena) : rc;
}

/* The dates of the signatory edges that span several meetings. */
static int signatories(evg_graph *g, evg_i_dates *d)
{
    size_t *sstart = NULL, *signed_ = NULL, *pstart = NULL, *part = NULL;
    int rc = 0, any = 0;

    for (size_t e = 0; e < g->ne && !any; e++)
        any = g->e[e].rel == EVG_I_REL_SIGNATORY && g->e[e].first_date &&
              g->e[e].last_date && strcmp(g->e[e].first_date, g->e[e].last_date) != 0;
    if (!any)
        return 0;
    if ((rc = group_by(&sstart, &signed_, g, EVG_I_REL_SIGNED, 1)) < 0 ||
        (rc = group_by(&pstart, &part, g, EVG_I_REL_PARTICIPATED_IN, 1)) < 0)
        goto cleanup;
    for (size_t e = 0; e < g->ne && rc == 0; e++) {
        evg_i_eattr *a = &g->e[e];
        if (a->rel == EVG_I_REL_SIGNATORY && a->first_date && a->last_date &&
            strcmp(a->first_date, a->last_date) != 0)
            rc = signatory_dates(g, a, sstart, signed_, pstart, part, d);
    }
cleanup:
    free(sstart);
    free(signed_);
    free(pstart);
    free(part);
    return rc;
}

int evg_i_graph_full_dates(evg_graph *g)
{
    took_list l = {NULL, 0, 0};
    evg_i_dates d = EVG_I_DATES_INIT;
    size_t *start = NULL, *at = NULL;
    const char **date = NULL;
    int rc = 0;

    if (g->view != EVG_VIEW_FULL)
        return 0;
    for (size_t e = 0; e < g->ne && rc == 0; e++) {
        const evg_i_eattr *a = &g->e[e];
        if (a->first_date && a->last_date && strcmp(a->first_date, a->last_date) == 0)
            rc = took_from_edge(&l, g, a, a->first_date);
    }
    if (rc == 0 && ((start = calloc(g->nv + 1, sizeof(*start))) == NULL ||
                    (at = calloc(g->nv + 1, sizeof(*at))) == NULL ||
                    (date = calloc(l.n + 1, sizeof(*date))) == NULL))
        rc = EVG_ENOMEM;
    if (rc < 0)
        goto cleanup;
    /* grouped by vertex (a counting sort), then each vertex's dates joined */
    for (size_t i = 0; i < l.n; i++)
        start[l.v[i].v + 1]++;
    for (size_t v = 0; v < g->nv; v++)
        at[v + 1] = start[v + 1] += start[v];
    for (size_t i = 0; i < l.n; i++)
        date[at[l.v[i].v]++] = l.v[i].date;
    for (size_t v = 0; v < g->nv && rc == 0; v++) {
        for (size_t k = start[v]; k < start[v + 1] && rc == 0; k++)
            rc = evg_i_dates_add(&d, date[k]);
        if (rc == 0)
            rc = evg_i_dates_join(&g->v[v].dates, &d, &g->arena);
    }
    if (rc == 0)
        rc = signatories(g, &d);
cleanup:
    free(start);
    free(at);
    free(date);
    free(l.v);
    evg_i_dates_free(&d);
    return rc;
}
