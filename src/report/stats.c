/*
 * The numbers behind two pictures: events per week, month or year (the
 * timeline), and events shared by officials of two countries (the matrix).
 * Both read the event vertices of the full graph, so events merged across
 * articles count once.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/strmap.h"

const char *const EVG_I_TL_NAMES[EVG_I_TL__COUNT] = {"meeting", "visit", "call",
                                                     "signing", "planned"};
/* As the pictures name them: the event counts' words (evg_graph_event_counts). */
const char *const EVG_I_TL_LABELS[EVG_I_TL__COUNT] = {"talks", "visit", "call", "signing",
                                                      "planned"};
/* Okabe-Ito colours, as in the exports; planned events in a light grey. */
const char *const EVG_I_TL_COLORS[EVG_I_TL__COUNT] = {"#0072b2", "#e69f00", "#56b4e9",
                                                      "#d55e00", "#c8c8c8"};

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d)
{
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, long *m, long *d)
{
    long era, doe, yoe, doy, mp;

    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* The date of an event vertex, or NULL when it has no full date. */
static const char *event_date(const evg_i_vattr *a, long *y, long *m, long *d, long *days)
{
    const char *s = a->date;

    if (s == NULL || strlen(s) != 10 || !evg_i_date_valid(s, 10))
        return NULL;
    *y = strtol(s, NULL, 10);
    *m = strtol(s + 5, NULL, 10);
    *d = strtol(s + 8, NULL, 10);
    *days = days_from_civil(*y, *m, *d);
    return s;
}

int evg_i_report_series(const evg_i_vattr *a)
{
    if (a->status && strcmp(a->status, "planned") == 0)
        return EVG_I_TL_PLANNED;
    for (int i = 0; i < EVG_I_TL_PLANNED; i++)
        if (a->event_type && strcmp(a->event_type, EVG_I_TL_NAMES[i]) == 0)
            return i;
    return EVG_I_TL_MEETING;
}

/* Days since the epoch of the Monday of the week holding `days`. */
static long monday(long days)
{
    long wd = ((days % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday: wd 3 */
    return days - wd;
}

/* The bucket of a date, counting from the first event's bucket. */
static size_t bucket_of(const evg_i_timeline *t, long y, long m, long days, long y0,
                        long m0, long days0)
{
    if (strcmp(t->unit, "week") == 0)
        return (size_t)((monday(days) - monday(days0)) / 7);
    if (strcmp(t->unit, "month") == 0)
        return (size_t)((y * 12 + m) - (y0 * 12 + m0));
    return (size_t)(y - y0);
}

static void bucket_label(evg_i_bucket *b, const char *unit, size_t i, long y0, long m0,
                         long days0)
{
    long y, m, d;

    if (strcmp(unit, "week") == 0) {
        civil_from_days(monday(days0) + 7 * (long)i, &y, &m, &d);
        snprintf(b->label, sizeof b->label, "%04d-%02d-%02d", (int)y, (int)m, (int)d);
    } else if (strcmp(unit, "month") == 0) {
        long k = y0 * 12 + (m0 - 1) + (long)i;
        snprintf(b->label, sizeof b->label, "%04d-%02d", (int)(k / 12),
                 (int)(k % 12 + 1));
    } else {
        snprintf(b->label, sizeof b->label, "%04d", (int)(y0 + (long)i));
    }
}

/* Weeks for half a year or less, months for up to six years, else years. */
static const char *choose_unit(long span_days)
{
    if (span_days <= 26 * 7)
        return "week";
    return span_days <= 6 * 366 ? "month" : "year";
}

int evg_i_report_timeline(evg_report *r, evg_error *err)
{
    evg_i_timeline *t = &r->tl;
    size_t n = evg_graph_vertex_count(r->full);
    long y, m, d, days, y0 = 0, m0 = 0, days0 = 0, days1 = 0;

    for (size_t v = 0; v < n; v++) {
        const evg_i_vattr *a = evg_i_graph_vattr(r->full, v);
        const char *s;
        if (a->type != EVG_NODE_MEETING)
            continue;
        if ((s = event_date(a, &y, &m, &d, &days)) == NULL) {
            t->undated++;
            continue;
        }
        if (t->dated++ == 0 || strcmp(s, t->first) < 0)
            t->first = s, y0 = y, m0 = m, days0 = days;
        if (t->dated == 1 || strcmp(s, t->last) > 0)
            t->last = s, days1 = days;
    }
    if (t->dated == 0)
        return 0;
    t->unit = choose_unit(days1 - days0);
    event_date(&(evg_i_vattr){.date = t->last}, &y, &m, &d, &days);
    t->nb = bucket_of(t, y, m, days, y0, m0, days0) + 1;
    if ((t->b = calloc(t->nb, sizeof(*t->b))) == NULL)
        return evg_i_error_nomem(err);
    for (size_t i = 0; i < t->nb; i++)
        bucket_label(&t->b[i], t->unit, i, y0, m0, days0);
    for (size_t v = 0; v < n; v++) {
        const evg_i_vattr *a = evg_i_graph_vattr(r->full, v);
        size_t total = 0, i;
        if (a->type != EVG_NODE_MEETING || event_date(a, &y, &m, &d, &days) == NULL)
            continue;
        i = bucket_of(t, y, m, days, y0, m0, days0);
        t->b[i].count[evg_i_report_series(a)]++;
        for (int k = 0; k < EVG_I_TL__COUNT; k++)
            total += t->b[i].count[k];
        if (total > t->max)
            t->max = total;
    }
    return 0;
}

/* ---- the country matrix ------------------------------------------------- */

typedef struct {
    const char *a, *b; /* a < b */
    size_t n;
} pair;

typedef struct {
    const char *code;
    size_t n; /* events shared with other countries */
} involvement;

static int by_involvement(const void *x, const void *y)
{
    const involvement *p = x, *q = y;

    if (p->n != q->n)
        return p->n > q->n ? -1 : 1;
    return strcmp(p->code, q->code);
}

/* The distinct countries of the people who took part in event `v`, sorted. */
static size_t event_countries(const char **out, const evg_report *r, size_t v)
{
    size_t k = 0;

    for (size_t i = r->adj_start[v]; i < r->adj_start[v + 1]; i++) {
        size_t e = r->adj[i], p = evg_i_report_other(r, e, v), j = 0;
        const char *c = evg_i_graph_vattr(r->full, p)->country;
        if (evg_i_graph_eattr(r->full, e)->rel != EVG_I_REL_PARTICIPATED_IN || c == NULL)
            continue;
        while (j < k && strcmp(out[j], c) < 0)
            j++;
        if (j < k && strcmp(out[j], c) == 0)
            continue;
        memmove(out + j + 1, out + j, (k - j) * sizeof(*out));
        out[j] = c;
        k++;
    }
    return k;
}

/* Count each pair of countries once per in-person meeting that joins them. */
static int count_pairs(pair **out, size_t *nout, const evg_report *r, evg_error *err)
{
    evg_i_strmap map = EVG_I_STRMAP_INIT;
    const char **cs = NULL;
    pair *p = NULL;
    size_t np = 0, cap = 0, n = evg_graph_vertex_count(r->full);
    int rc = 0;

    if (n && (cs = calloc(r->adj_start[n] + 1, sizeof(*cs))) == NULL)
        goto nomem;
    for (size_t v = 0; v < n; v++) {
        const evg_i_vattr *a = evg_i_graph_vattr(r->full, v);
        size_t k;
        if (!evg_i_vattr_met(a))
            continue;
        k = event_countries(cs, r, v);
        for (size_t i = 0; i < k; i++) {
            for (size_t j = i + 1; j < k; j++) {
                char key[64];
                int len = snprintf(key, sizeof key, "%.30s|%.30s", cs[i], cs[j]);
                long at = evg_i_strmap_get(&map, key, (size_t)len);
                if (at < 0) {
                    if (evg_i_grow((void **)&p, &cap, np + 1, sizeof(*p)) < 0 ||
                        evg_i_strmap_put(&map, key, (size_t)len, (long)np) < 0)
                        goto nomem;
                    p[np] = (pair){cs[i], cs[j], 0};
                    at = (long)np++;
                }
                p[at].n++;
            }
        }
    }
    *out = p;
    *nout = np;
    p = NULL;
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(err);
cleanup:
    evg_i_strmap_free(&map);
    free(cs);
    free(p);
    return rc;
}

/* The countries in most pairs, ranked; returns how many there are in all. */
static int rank_countries(involvement **out, size_t *nout, const pair *p, size_t np,
                          evg_error *err)
{
    involvement *inv = NULL;
    size_t k = 0;

    if (np && (inv = calloc(2 * np, sizeof(*inv))) == NULL)
        return evg_i_error_nomem(err);
    for (size_t i = 0; i < np; i++) {
        const char *ends[2] = {p[i].a, p[i].b};
        for (int e = 0; e < 2; e++) {
            size_t j = 0;
            while (j < k && strcmp(inv[j].code, ends[e]) != 0)
                j++;
            if (j == k)
                inv[k++].code = ends[e];
            inv[j].n += p[i].n;
        }
    }
    if (k)
        qsort(inv, k, sizeof(*inv), by_involvement);
    *out = inv;
    *nout = k;
    return 0;
}

static long index_of(const evg_i_matrix *mx, const char *code)
{
    for (size_t i = 0; i < mx->n; i++)
        if (strcmp(mx->code[i], code) == 0)
            return (long)i;
    return -1;
}

int evg_i_report_matrix(evg_report *r, evg_error *err)
{
    evg_i_matrix *mx = &r->mx;
    pair *p = NULL;
    involvement *inv = NULL;
    size_t np = 0, ninv = 0;
    int rc = 0;

    EVG_CHECK(count_pairs(&p, &np, r, err));
    EVG_CHECK(rank_countries(&inv, &ninv, p, np, err));
    mx->pairs = np;
    mx->countries = ninv;
    mx->n = ninv < EVG_I_MATRIX_MAX ? ninv : EVG_I_MATRIX_MAX;
    if (mx->n == 0)
        goto cleanup;
    if ((mx->code = calloc(mx->n, sizeof(*mx->code))) == NULL ||
        (mx->cell = calloc(mx->n * mx->n, sizeof(*mx->cell))) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    for (size_t i = 0; i < mx->n; i++)
        mx->code[i] = inv[i].code;
    for (size_t i = 0; i < np; i++) {
        long a = index_of(mx, p[i].a), b = index_of(mx, p[i].b);
        if (a < 0 || b < 0)
            continue;
        mx->cell[(size_t)a * mx->n + (size_t)b] =
            mx->cell[(size_t)b * mx->n + (size_t)a] = p[i].n;
        if (p[i].n > mx->max)
            mx->max = p[i].n;
    }
cleanup:
    free(p);
    free(inv);
    return rc;
}

void evg_i_report_stats_free(evg_report *r)
{
    free(r->tl.b);
    free(r->mx.code);
    free(r->mx.cell);
    memset(&r->tl, 0, sizeof r->tl);
    memset(&r->mx, 0, sizeof r->mx);
}
