/*
 * Reports -> meetings. Every event of every document is a report
 * (reports.c); reports of one meeting (several outlets, several days'
 * coverage) become one meeting vertex. Two reports may be of the same
 * meeting when:
 *   - they are of the same kind and status: in-person meetings and signings
 *     together (a signing is done at a meeting), calls with calls, visits
 *     with visits, planned with planned;
 *   - the participants of one include those of the other (the same people,
 *     or one outlet names fewer of them), with at least one person;
 *   - their dates are at most one day apart, however each was found (a
 *     report dated by its dispatch, with no time word, is often of the day
 *     before, which another outlet dates), or one is unknown (an undated
 *     report then stands at its document's date, give or take a week, a
 *     month for planned events, announced further ahead);
 *   - their places are not known to lie in different countries;
 *   - they come from different documents, or are a meeting and a signing of
 *     one document (an article's two events are two events otherwise).
 * Two reports that are not of one meeting by themselves may still be parts
 * of one gathering: another document's report names all their people and
 * may be of one meeting with each ({A,B} and {A,C} of one outlet, {A,B,C,D}
 * of another). From one document, such parts are of one day and each names
 * someone the other does not: a day's talks reported pair by pair.
 * A report joins a meeting when it may be of one meeting with every report
 * in it, by themselves or as parts of a gathering in it (so {A,B} and {A,C}
 * never chain through {A}, and dates never drift more than a day). Reports
 * are taken dated first, by date, then by document id and position; a
 * dated report joins the compatible meeting nearest in date (then the one
 * sharing most people, then the earliest formed), and with it every other
 * meeting it may join that is one with them as parts of a gathering (the
 * gathering came after its parts); an undated one joins only the one
 * meeting it fits, or all it fits when they are one as parts of it, or
 * else the one formed by undated reports of its people. That order
 * depends on the contents alone, so the meetings are a function of the set
 * of documents.
 * Time: O(R log R + R * k * p) for R reports, k meetings per person within
 * the dates a report may fit (a few days; a month for an undated one), p
 * people per meeting, when each meeting's summary shows the report to be of
 * one meeting with all its reports (fits_all()); else O(s) more for its s
 * reports, s^2 for a report that is a part, which looks for the report
 * naming it whole.
 */
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"

static int nomem(evg_i_builder *b)
{
    return evg_i_error_nomem(b->err);
}

/* Whether the sorted set a[0..na) holds every element of b[0..nb). */
static int contains(const size_t *a, size_t na, const size_t *b, size_t nb)
{
    size_t i = 0;

    for (size_t j = 0; j < nb; j++) {
        while (i < na && a[i] < b[j])
            i++;
        if (i == na || a[i] != b[j])
            return 0;
    }
    return 1;
}

#define UNDATED_WINDOW 7  /* days between an undated report's document and the meeting */
#define PLANNED_WINDOW 30 /* the same for planned events */

/* Dates one day apart; an undated report by its document's date, within a window. */
static int dates_fit(const evg_i_report *x, const evg_i_report *y)
{
    long a = x->day, b = y->day, window = 1;

    if (a != EVG_I_NO_DAY && b != EVG_I_NO_DAY)
        return a - b <= 1 && b - a <= 1;
    if (a == EVG_I_NO_DAY) {
        a = x->doc_day;
        window = x->ev->status == EVG_STATUS_PLANNED ? PLANNED_WINDOW : UNDATED_WINDOW;
    }
    if (b == EVG_I_NO_DAY) {
        b = y->doc_day;
        window = y->ev->status == EVG_STATUS_PLANNED ? PLANNED_WINDOW : UNDATED_WINDOW;
    }
    return a == EVG_I_NO_DAY || b == EVG_I_NO_DAY || (a - b <= window && b - a <= window);
}

/* Whether the places of two reports are not known to lie in different countries. */
static int places_fit(const evg_i_report *x, const evg_i_report *y)
{
    return x->place_cc == NULL || y->place_cc == NULL ||
           strcmp(x->place_cc, y->place_cc) == 0;
}

static int may_be_same(const evg_i_report *x, const evg_i_report *y)
{
    if (x->cls != y->cls || x->npeople == 0 || y->npeople == 0)
        return 0;
    if (x->doc == y->doc &&
        ((x->ev->type != EVG_EV_MEETING && x->ev->type != EVG_EV_SIGNING) ||
         x->ev->type == y->ev->type))
        return 0; /* in one article only a meeting and its signing are one event */
    if (!dates_fit(x, y) || !places_fit(x, y))
        return 0;
    return contains(x->people, x->npeople, y->people, y->npeople) ||
           contains(y->people, y->npeople, x->people, x->npeople);
}

/*
 * Whether two reports that are not of one meeting by themselves (neither
 * names all the other's people, or one article gives both) may still be two
 * parts of one gathering that another report names whole: of the same kind,
 * dates and places that fit; from one document, of the same day, each naming
 * someone the other does not (a day's talks reported pair by pair). Two
 * reports of one article of the same people, or one naming all the other's,
 * are the article's two meetings.
 */
static int may_be_parts(const evg_i_report *x, const evg_i_report *y)
{
    if (x->cls != y->cls || x->npeople == 0 || y->npeople == 0 || !dates_fit(x, y) ||
        !places_fit(x, y))
        return 0;
    return x->doc != y->doc ||
           (x->day == y->day && !contains(x->people, x->npeople, y->people, y->npeople) &&
            !contains(y->people, y->npeople, x->people, x->npeople));
}

/*
 * Whether report `g`, of another document than both, names everyone `x` and
 * `y` name and may be of one meeting with each: the gathering they are parts of.
 */
static int gathers(const evg_i_report *g, const evg_i_report *x, const evg_i_report *y)
{
    return g->doc != x->doc && g->doc != y->doc &&
           contains(g->people, g->npeople, x->people, x->npeople) &&
           contains(g->people, g->npeople, y->people, y->npeople) && may_be_same(x, g) &&
           may_be_same(y, g);
}

#define FEW 16 /* elements an insertion sort orders faster than a call to qsort() */

/*
 * Sort `n` elements of `size` bytes (at most 32) by `cmp`: insertion sort
 * for the few reports and participants of most meetings, which come mostly
 * in order already; qsort() for the rest. The elements sorted here are
 * equal only when identical, so both give the same result.
 */
static void sort_few(void *v, size_t n, size_t size,
                     int (*cmp)(const void *, const void *))
{
    char *base = v, tmp[32];

    if (n > FEW || size > sizeof tmp) {
        qsort(v, n, size, cmp);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        size_t j = i;
        if (cmp(base + (i - 1) * size, base + i * size) <= 0)
            continue;
        memcpy(tmp, base + i * size, size);
        for (; j > 0 && cmp(base + (j - 1) * size, tmp) > 0; j--)
            memcpy(base + j * size, base + (j - 1) * size, size);
        memcpy(base + j * size, tmp, size);
    }
}

/* A report's place in the order of merging: dated first, by date, then by position. */
typedef struct {
    int undated;
    long day;
    size_t r; /* report index: documents in id order, events in order */
} order_key;

static int by_order(const void *a, const void *b)
{
    const order_key *x = a, *y = b;

    if (x->undated != y->undated)
        return x->undated - y->undated;
    if (x->day != y->day)
        return x->day < y->day ? -1 : 1;
    return (x->r > y->r) - (x->r < y->r);
}

/*
 * The meetings each person vertex is in, to find candidates fast, with the
 * day of the report that put each there (LONG_MAX: an undated one). Reports
 * are taken dated first, by date, so `day` never decreases along a list, and
 * a report need only look at the stretch of days it may fit (window()).
 */
typedef struct {
    size_t *m;
    long *day;
    size_t n, cap, capday;
} mlist;

/* A meeting report `r` may join: how near it is (nearness()). */
typedef struct {
    size_t m;
    long days;
    size_t shared;
} cand;

/*
 * What every report of a meeting has in common, kept as reports join, so
 * that a report that may be of one meeting with each of them by itself (the
 * common case: many outlets, one meeting) is found so without comparing it
 * with each (fits_all()), and nearness() and undated_twin() need not look
 * at them one by one.
 */
typedef struct {
    int cls;
    size_t ndated;       /* reports with a day */
    long dmin, dmax;     /* their days */
    size_t nundated;     /* reports without, whose document has a date */
    long umin, umax;     /* those documents' days */
    long wmin;           /* the narrowest window among them */
    const char *cc;      /* the one country of the places given, or NULL */
    int cc_mixed;        /* places in two countries */
    int empty;           /* a report without people */
    size_t *all, nall;   /* the union of the reports' people, ascending */
    size_t *each, neach; /* the people every report names, ascending */
} summary;

/* Of each document, the meetings its reports joined so far (at most a few kept). */
#define DOC_MEETINGS 4
typedef struct {
    size_t n;               /* reports placed */
    size_t m[DOC_MEETINGS]; /* the meetings of the first DOC_MEETINGS */
} doc_placed;

typedef struct {
    evg_i_builder *b;
    mlist *of;    /* per vertex */
    summary *sum; /* per meeting */
    size_t nsum;
    doc_placed *placed; /* per document */
    size_t *stamp;      /* per meeting: the last report that looked at it, + 1 */
    size_t *into;       /* per meeting: the meeting it was merged into, or SIZE_MAX */
    size_t capmt;
    cand *cands; /* the meetings the report at hand may join, best first */
    size_t ncands, capcands;
    size_t *unite; /* those of them it joins into one meeting */
    size_t nunite, capunite;
} merge_ctx;

/* The meeting `m` is part of now (merged into another, or itself). */
static size_t current(const merge_ctx *c, size_t m)
{
    while (c->into[m] != SIZE_MAX)
        m = c->into[m];
    return m;
}

static long window_of(const evg_i_report *x)
{
    return x->ev->status == EVG_STATUS_PLANNED ? PLANNED_WINDOW : UNDATED_WINDOW;
}

/* Whether day `a` lies within `w` days of every day of [lo, hi]. */
static int near_all(long a, long lo, long hi, long w)
{
    return a - lo <= w && hi - a <= w;
}

/*
 * Whether report `r` may be of one meeting with every report of meeting `m`
 * by itself (may_be_same()), as far as the meeting's summary tells; 0 when
 * it cannot tell, and fits() then asks each report.
 */
static int fits_all(const merge_ctx *c, size_t r, size_t m)
{
    const evg_i_report *x = &c->b->r[r];
    const summary *s = &c->sum[m];
    const doc_placed *d = &c->placed[x->doc];

    if (x->cls != s->cls || x->npeople == 0 || s->empty)
        return 0;
    if (d->n > DOC_MEETINGS)
        return 0; /* cannot tell whether a report of its document is in it */
    for (size_t i = 0; i < d->n; i++)
        if (current(c, d->m[i]) == m)
            return 0;
    if (x->place_cc && (s->cc_mixed || (s->cc && strcmp(s->cc, x->place_cc) != 0)))
        return 0;
    if (x->day != EVG_I_NO_DAY) {
        if ((s->ndated && !near_all(x->day, s->dmin, s->dmax, 1)) ||
            (s->nundated && !near_all(x->day, s->umin, s->umax, s->wmin)))
            return 0;
    } else if (x->doc_day != EVG_I_NO_DAY) {
        if ((s->ndated && !near_all(x->doc_day, s->dmin, s->dmax, window_of(x))) ||
            (s->nundated && !near_all(x->doc_day, s->umin, s->umax, s->wmin)))
            return 0;
    }
    return contains(x->people, x->npeople, s->all, s->nall) ||
           contains(s->each, s->neach, x->people, x->npeople);
}

/* The sorted union (or intersection) of a[0..na) and b[0..nb) into out; its size. */
static size_t set_merge(size_t *out, const size_t *a, size_t na, const size_t *b,
                        size_t nb, int intersect)
{
    size_t i = 0, j = 0, n = 0;

    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            out[n++] = a[i++];
            j++;
        } else if (a[i] < b[j]) {
            if (intersect)
                i++;
            else
                out[n++] = a[i++];
        } else {
            if (intersect)
                j++;
            else
                out[n++] = b[j++];
        }
    }
    for (; !intersect && i < na; i++)
        out[n++] = a[i];
    for (; !intersect && j < nb; j++)
        out[n++] = b[j];
    return n;
}

/* Set *v (of *n) to its union or intersection with b[0..nb). */
static int set_update(size_t **v, size_t *n, const size_t *b, size_t nb, int intersect)
{
    size_t *out;

    if (intersect ? contains(b, nb, *v, *n) : contains(*v, *n, b, nb))
        return 0; /* unchanged */
    if ((out = malloc((*n + nb) * sizeof(*out) + 1)) == NULL)
        return EVG_ENOMEM;
    *n = set_merge(out, *v, *n, b, nb, intersect);
    free(*v);
    *v = out;
    return 0;
}

/* Add summary `from` (of a report, or of a meeting merged into the one of `s`) to `s`. */
static int summarize_merged(summary *s, const summary *from)
{
    if (set_update(&s->all, &s->nall, from->all, from->nall, 0) < 0 ||
        set_update(&s->each, &s->neach, from->each, from->neach, 1) < 0)
        return EVG_ENOMEM;
    s->empty |= from->empty;
    if (from->ndated) {
        s->dmin = s->ndated == 0 || from->dmin < s->dmin ? from->dmin : s->dmin;
        s->dmax = s->ndated == 0 || from->dmax > s->dmax ? from->dmax : s->dmax;
        s->ndated += from->ndated;
    }
    if (from->nundated) {
        s->umin = s->nundated == 0 || from->umin < s->umin ? from->umin : s->umin;
        s->umax = s->nundated == 0 || from->umax > s->umax ? from->umax : s->umax;
        s->wmin = s->nundated == 0 || from->wmin < s->wmin ? from->wmin : s->wmin;
        s->nundated += from->nundated;
    }
    if (from->cc_mixed || (from->cc && s->cc && strcmp(from->cc, s->cc) != 0))
        s->cc_mixed = 1;
    else if (s->cc == NULL)
        s->cc = from->cc;
    return 0;
}

/*
 * Add what report `x` says to summary `s`; `first`: the meeting's first
 * report, `s` made from it alone (its people copied, the others borrowed).
 */
static int summarize(summary *s, const evg_i_report *x, int first)
{
    summary one;

    memset(&one, 0, sizeof one);
    one.cls = x->cls;
    one.all = one.each = x->people;
    one.nall = one.neach = x->npeople;
    one.empty = x->npeople == 0;
    if (x->day != EVG_I_NO_DAY) {
        one.ndated = 1;
        one.dmin = one.dmax = x->day;
    } else if (x->doc_day != EVG_I_NO_DAY) {
        one.nundated = 1;
        one.umin = one.umax = x->doc_day;
        one.wmin = window_of(x);
    }
    one.cc = x->place_cc;
    if (!first)
        return summarize_merged(s, &one);
    *s = one;
    s->all = s->each = NULL;
    s->nall = s->neach = 0;
    if (x->npeople && ((s->all = malloc(x->npeople * sizeof(*s->all))) == NULL ||
                       (s->each = malloc(x->npeople * sizeof(*s->each))) == NULL))
        return EVG_ENOMEM;
    if (x->npeople) {
        memcpy(s->all, x->people, x->npeople * sizeof(*s->all));
        memcpy(s->each, x->people, x->npeople * sizeof(*s->each));
    }
    s->nall = s->neach = x->npeople;
    return 0;
}

/*
 * Whether reports `x` and `y` may be of one meeting whose reports are those
 * of the meetings unite[0..n) and report `r`: of the same meeting by
 * themselves, or two parts of a gathering one of those reports names whole.
 */
static int compatible(const merge_ctx *c, size_t x, size_t y, size_t n, size_t r)
{
    const evg_i_report *rs = c->b->r;

    if (may_be_same(&rs[x], &rs[y]))
        return 1;
    if (!may_be_parts(&rs[x], &rs[y]))
        return 0;
    if (gathers(&rs[r], &rs[x], &rs[y]))
        return 1;
    for (size_t i = 0; i < n; i++) {
        const evg_i_meeting *mt = &c->b->mt[c->unite[i]];
        for (size_t k = 0; k < mt->nreports; k++)
            if (gathers(&rs[mt->reports[k]], &rs[x], &rs[y]))
                return 1;
    }
    return 0;
}

/*
 * Whether report `r` may be of meeting c->unite[0]: of one meeting with each
 * of its reports (a gathering named whole in it joins its parts).
 */
static int fits(const merge_ctx *c, size_t r)
{
    const evg_i_meeting *mt = &c->b->mt[c->unite[0]];

    if (fits_all(c, r, c->unite[0]))
        return 1;
    for (size_t k = 0; k < mt->nreports; k++)
        if (!compatible(c, r, mt->reports[k], 1, r))
            return 0;
    return 1;
}

/*
 * Whether the meeting c->unite[n] is one with c->unite[0..n) and report `r`
 * (it is with `r`: fits()) as parts of a gathering: each of its reports of
 * one meeting with each of theirs, and two of them only as parts of a
 * gathering. Meetings that may be one without one were kept apart by an
 * undated report that could be of either (choose_meetings()): a report does
 * not settle that.
 */
static int unites(const merge_ctx *c, size_t n, size_t r)
{
    const evg_i_meeting *mt = &c->b->mt[c->unite[n]];
    int parts = 0;

    for (size_t i = 0; i < n; i++) {
        const evg_i_meeting *ot = &c->b->mt[c->unite[i]];
        for (size_t k = 0; k < mt->nreports; k++)
            for (size_t j = 0; j < ot->nreports; j++) {
                const evg_i_report *x = &c->b->r[mt->reports[k]];
                const evg_i_report *y = &c->b->r[ot->reports[j]];
                if (may_be_same(x, y))
                    continue;
                if (!compatible(c, mt->reports[k], ot->reports[j], n + 1, r))
                    return 0;
                parts = 1;
            }
    }
    return parts;
}

/* How near meeting `m` is to report `r`: days apart (LONG_MAX: none dated), people
 * shared. */
static void nearness(long *days_out, size_t *shared_out, const merge_ctx *c, size_t r,
                     size_t m)
{
    const evg_i_report *x = &c->b->r[r];
    const summary *s = &c->sum[m];

    *days_out = LONG_MAX;
    if (x->day != EVG_I_NO_DAY && s->ndated) {
        long lo = x->day - s->dmin, hi = s->dmax - x->day;
        /* Dated reports of one meeting are at most a day apart: its days are dmin and
         * dmax. */
        lo = lo < 0 ? -lo : lo;
        hi = hi < 0 ? -hi : hi;
        *days_out = lo < hi ? lo : hi;
        if (s->dmax - s->dmin > 1)
            for (size_t k = 0; k < c->b->mt[m].nreports; k++) {
                const evg_i_report *y = &c->b->r[c->b->mt[m].reports[k]];
                long d = y->day > x->day ? y->day - x->day : x->day - y->day;
                if (y->day != EVG_I_NO_DAY && d < *days_out)
                    *days_out = d;
            }
    }
    /* Everyone some report of it names: its union. */
    *shared_out = 0;
    for (size_t i = 0; i < x->npeople; i++)
        *shared_out += (size_t)contains(s->all, s->nall, &x->people[i], 1);
}

/* Whether every report of meeting `m` is undated and names the people report `r` names.
 */
static int undated_twin(const merge_ctx *c, size_t m, size_t r)
{
    const summary *s = &c->sum[m];
    const evg_i_report *x = &c->b->r[r];

    /* Each names them all when the union and the intersection are both theirs. */
    return s->ndated == 0 && s->nall == x->npeople && s->neach == x->npeople &&
           (x->npeople == 0 ||
            (memcmp(s->all, x->people, x->npeople * sizeof(*x->people)) == 0 &&
             memcmp(s->each, x->people, x->npeople * sizeof(*x->people)) == 0));
}

/* The first entry of `l` put there on `day` or later. */
static size_t first_from(const mlist *l, long day)
{
    size_t lo = 0, hi = l->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (l->day[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/*
 * The stretches [from[i], to[i]) of `l` whose meetings report `x` may fit;
 * a meeting outside them holds a report too far in time (dates_fit()).
 * A dated report (taken after every earlier day) fits only meetings put
 * there from the day before on; an undated one, the meetings of dated
 * reports within its window of its document's date, and the undated ones.
 */
static int window(size_t from[2], size_t to[2], const mlist *l, const evg_i_report *x)
{
    long w = x->ev->status == EVG_STATUS_PLANNED ? PLANNED_WINDOW : UNDATED_WINDOW;

    from[0] = 0;
    to[0] = to[1] = from[1] = l->n;
    if (x->day != EVG_I_NO_DAY) {
        from[0] = first_from(l, x->day - 1);
        return 1;
    }
    if (x->doc_day == EVG_I_NO_DAY)
        return 1;
    from[0] = first_from(l, x->doc_day - w);
    to[0] = first_from(l, x->doc_day + w + 1);
    from[1] = first_from(l, LONG_MAX);
    return 2;
}

static int list_add(size_t **v, size_t *n, size_t *cap, size_t x)
{
    if (evg_i_grow((void **)v, cap, *n + 1, sizeof(**v)) < 0)
        return EVG_ENOMEM;
    (*v)[(*n)++] = x;
    return 0;
}

/* Note meeting `m` as one report `r` may join, if it may (choose_meetings()). */
static int consider(merge_ctx *c, size_t r, size_t m)
{
    cand *k;

    c->unite[0] = m;
    if (!fits(c, r))
        return 0;
    if (evg_i_grow((void **)&c->cands, &c->capcands, c->ncands + 1, sizeof(*c->cands)) <
        0)
        return nomem(c->b);
    k = &c->cands[c->ncands++];
    k->m = m;
    nearness(&k->days, &k->shared, c, r, m);
    return 0;
}

/* Candidates best first: nearest in date, then sharing most people, then formed first. */
static int by_preference(const void *a, const void *b)
{
    const cand *x = a, *y = b;

    if (x->days != y->days)
        return x->days < y->days ? -1 : 1;
    if (x->shared != y->shared)
        return x->shared > y->shared ? -1 : 1;
    return (x->m > y->m) - (x->m < y->m);
}

/* The meetings, into c->cands, that report `r` may join. */
static int candidates(merge_ctx *c, size_t r)
{
    const evg_i_report *x = &c->b->r[r];
    size_t from[2], to[2];
    int rc = 0;

    c->ncands = 0;
    for (size_t i = 0; i < x->npeople; i++) {
        mlist *l = &c->of[x->people[i]];
        int nw = window(from, to, l, x);
        for (int w = 0; w < nw; w++)
            for (size_t k = from[w]; k < to[w]; k++) {
                size_t m = l->m[k] = current(c, l->m[k]);
                if (c->stamp[m] == r + 1)
                    continue; /* seen through another participant */
                c->stamp[m] = r + 1;
                EVG_CHECK(consider(c, r, m));
            }
    }
    sort_few(c->cands, c->ncands, sizeof(*c->cands), by_preference);
cleanup:
    return rc;
}

/*
 * The meetings report `r` joins, into c->unite: the best it may join, and
 * each other it may join that is one with those taken as parts of a
 * gathering (unites(): the gathering, taken after its parts, joins the
 * meetings they formed); none for a new meeting. Undated, a report could be
 * of any of several meetings: it joins them when they are all one so, or
 * else the one formed by undated reports of the same people, if there is one.
 */
static int choose_meetings(merge_ctx *c, size_t r)
{
    size_t twin = SIZE_MAX, ntwins = 0;
    int rc = 0;

    c->nunite = 0;
    if (evg_i_grow((void **)&c->unite, &c->capunite, 1, sizeof(*c->unite)) < 0)
        return nomem(c->b);
    EVG_CHECK(candidates(c, r));
    if (evg_i_grow((void **)&c->unite, &c->capunite, c->ncands, sizeof(*c->unite)) < 0)
        return nomem(c->b);
    for (size_t k = 0; k < c->ncands; k++) {
        c->unite[c->nunite] = c->cands[k].m;
        if (c->nunite == 0 || unites(c, c->nunite, r))
            c->nunite++;
        if (c->b->r[r].day == EVG_I_NO_DAY && undated_twin(c, c->cands[k].m, r)) {
            twin = c->cands[k].m;
            ntwins++;
        }
    }
    if (c->b->r[r].day == EVG_I_NO_DAY && c->nunite < c->ncands) {
        c->nunite = ntwins == 1;
        c->unite[0] = twin;
    }
cleanup:
    return rc;
}

/* Put report `r` into the meetings c->unite[0..nunite), made one (none: a new meeting).
 */
static int join(merge_ctx *c, size_t r)
{
    evg_i_builder *b = c->b;
    evg_i_report *x = &b->r[r];
    size_t m = c->nunite ? c->unite[0] : SIZE_MAX;
    doc_placed *d = &c->placed[x->doc];

    if (m == SIZE_MAX) {
        size_t *stamp, *into;
        summary *sum;
        if (evg_i_grow((void **)&b->mt, &c->capmt, b->nmt + 1, sizeof(*b->mt)) < 0 ||
            (stamp = realloc(c->stamp, c->capmt * sizeof(*c->stamp))) == NULL)
            return nomem(b);
        c->stamp = stamp;
        if ((into = realloc(c->into, c->capmt * sizeof(*c->into))) == NULL)
            return nomem(b);
        c->into = into;
        if ((sum = realloc(c->sum, c->capmt * sizeof(*c->sum))) == NULL)
            return nomem(b);
        c->sum = sum;
        m = b->nmt++;
        memset(&b->mt[m], 0, sizeof(b->mt[m]));
        c->stamp[m] = 0;
        c->into[m] = SIZE_MAX;
        c->nsum = m + 1;
        if (summarize(&c->sum[m], x, 1) < 0)
            return nomem(b);
    } else if (summarize(&c->sum[m], x, 0) < 0) {
        return nomem(b);
    }
    for (size_t i = 1; i < c->nunite; i++) { /* the people's lists find it by c->into */
        evg_i_meeting *from = &b->mt[c->unite[i]];
        for (size_t k = 0; k < from->nreports; k++)
            if (list_add(&b->mt[m].reports, &b->mt[m].nreports, &b->mt[m].cap,
                         from->reports[k]) < 0)
                return nomem(b);
        from->nreports = 0;
        c->into[c->unite[i]] = m;
        if (summarize_merged(&c->sum[m], &c->sum[c->unite[i]]) < 0)
            return nomem(b);
    }
    if (list_add(&b->mt[m].reports, &b->mt[m].nreports, &b->mt[m].cap, r) < 0)
        return nomem(b);
    if (d->n < DOC_MEETINGS)
        d->m[d->n] = m;
    d->n++;
    for (size_t i = 0; i < x->npeople; i++) {
        mlist *l = &c->of[x->people[i]];
        size_t n = l->n;
        if (n > 0 && l->m[n - 1] == m)
            continue;
        if (list_add(&l->m, &l->n, &l->cap, m) < 0 ||
            evg_i_grow((void **)&l->day, &l->capday, n + 1, sizeof(*l->day)) < 0)
            return nomem(b);
        l->day[n] = x->day == EVG_I_NO_DAY ? LONG_MAX : x->day;
    }
    return 0;
}

static int by_index(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/*
 * Drop the meetings merged into others, keeping the order in which the rest
 * were formed, and sort each one's reports into document order.
 */
static void settle(evg_i_builder *b)
{
    size_t n = 0;

    for (size_t m = 0; m < b->nmt; m++) {
        if (b->mt[m].nreports == 0) {
            free(b->mt[m].reports);
            continue;
        }
        b->mt[n] = b->mt[m];
        sort_few(b->mt[n].reports, b->mt[n].nreports, sizeof(size_t), by_index);
        for (size_t k = 0; k < b->mt[n].nreports; k++)
            b->r[b->mt[n].reports[k]].meeting = n;
        n++;
    }
    b->nmt = n;
}

static int merge_reports(evg_i_builder *b)
{
    merge_ctx c;
    order_key *order = NULL;
    int rc = 0;

    memset(&c, 0, sizeof c);
    c.b = b;
    if ((b->nv && (c.of = calloc(b->nv, sizeof(*c.of))) == NULL) ||
        (b->nr && (order = calloc(b->nr, sizeof(*order))) == NULL) ||
        (b->ndocs && (c.placed = calloc(b->ndocs, sizeof(*c.placed))) == NULL)) {
        rc = nomem(b);
        goto cleanup;
    }
    for (size_t i = 0; i < b->nr; i++) {
        order[i].undated = b->r[i].day == EVG_I_NO_DAY;
        order[i].day = order[i].undated ? 0 : b->r[i].day;
        order[i].r = i;
    }
    if (b->nr)
        qsort(order, b->nr, sizeof(*order), by_order);
    for (size_t i = 0; i < b->nr; i++) {
        EVG_CHECK(choose_meetings(&c, order[i].r));
        EVG_CHECK(join(&c, order[i].r));
    }
    settle(b);
    b->stats.meetings = b->nmt;
    b->stats.merged_reports = b->nr - b->nmt;
cleanup:
    for (size_t i = 0; c.of && i < b->nv; i++) {
        free(c.of[i].m);
        free(c.of[i].day);
    }
    free(c.of);
    for (size_t m = 0; c.sum && m < c.nsum; m++) {
        free(c.sum[m].all);
        free(c.sum[m].each);
    }
    free(c.sum);
    free(c.placed);
    free(c.stamp);
    free(c.into);
    free(c.cands);
    free(c.unite);
    free(order);
    return rc;
}

/* ---- one meeting from its reports -------------------------------------- */

typedef struct {
    size_t v;
    int role;
} part;

static int by_part(const void *a, const void *b)
{
    const part *x = a, *y = b;
    if (x->v != y->v)
        return x->v < y->v ? -1 : 1;
    return x->role - y->role;
}

/* The role most stated: host or guest over participant; host and guest tied: participant.
 */
static int merged_role(const size_t count[3])
{
    if (count[EVG_ROLE_HOST] > count[EVG_ROLE_GUEST])
        return EVG_ROLE_HOST;
    if (count[EVG_ROLE_GUEST] > count[EVG_ROLE_HOST])
        return EVG_ROLE_GUEST;
    return EVG_ROLE_PARTICIPANT;
}

/* Scratch space for meeting_people() and meeting_date(), reused from meeting to meeting.
 */
typedef struct {
    part *v;
    size_t cap;
} parts;

typedef struct {
    const char **v;
    size_t cap;
} dates;

/*
 * The participants of meeting `mt`: every report's, with the role most
 * stated, into the builder's pools.
 */
static int meeting_people(evg_i_builder *b, evg_i_meeting *mt, parts *scratch)
{
    part *p;
    size_t n = 0, total = 0;

    for (size_t k = 0; k < mt->nreports; k++)
        total += b->r[mt->reports[k]].npeople;
    if (total == 0)
        return 0;
    if (evg_i_grow((void **)&scratch->v, &scratch->cap, total, sizeof(*scratch->v)) < 0)
        return nomem(b);
    p = scratch->v;
    mt->people = b->meeting_people + b->meeting_used;
    mt->roles = b->meeting_roles + b->meeting_used;
    mt->said = b->meeting_said + b->meeting_used;
    for (size_t k = 0; k < mt->nreports; k++) {
        const evg_i_report *r = &b->r[mt->reports[k]];
        for (size_t i = 0; i < r->npeople; i++) {
            p[n].v = r->people[i];
            p[n++].role = r->roles[i];
        }
    }
    sort_few(p, n, sizeof(*p), by_part);
    for (size_t i = 0; i < n;) {
        size_t count[3] = {0, 0, 0}, j = i;
        for (; j < n && p[j].v == p[i].v; j++)
            count[p[j].role]++;
        mt->people[mt->npeople] = p[i].v;
        mt->said[mt->npeople] = j - i;
        mt->roles[mt->npeople++] = merged_role(count);
        i = j;
    }
    b->meeting_used += mt->npeople;
    return 0;
}

/* How much a date says: a time expression, its context, the dateline, anything else. */
static int date_rank(const char *source)
{
    static const char *const RANKS[] = {"text", "context", "dateline"};

    for (int i = 0; i < 3; i++)
        if (source && strcmp(source, RANKS[i]) == 0)
            return i;
    return 3;
}

static int by_text(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/*
 * The meeting's date: of the best-sourced dates the most frequent, ties the
 * earliest (ISO dates sort as text). `scratch` holds the dates to count.
 */
static int meeting_date(evg_i_builder *b, evg_i_meeting *mt, dates *scratch)
{
    int best_rank = 4;
    size_t best_n = 0, n = 0;

    for (size_t k = 0; k < mt->nreports; k++) {
        const evg_i_report *r = &b->r[mt->reports[k]];
        if (r->date) {
            evg_i_widen(&mt->first, &mt->last, r->date);
            if (date_rank(r->ev->date_source) < best_rank)
                best_rank = date_rank(r->ev->date_source);
        }
    }
    if (best_rank == 4)
        return 0;
    if (evg_i_grow((void **)&scratch->v, &scratch->cap, mt->nreports,
                   sizeof(*scratch->v)) < 0)
        return nomem(b);
    for (size_t k = 0; k < mt->nreports; k++) {
        const evg_i_report *r = &b->r[mt->reports[k]];
        if (r->date && date_rank(r->ev->date_source) == best_rank)
            scratch->v[n++] = r->date;
    }
    sort_few(scratch->v, n, sizeof(*scratch->v), by_text);
    for (size_t i = 0, j; i < n; i = j) {
        for (j = i; j < n && strcmp(scratch->v[j], scratch->v[i]) == 0; j++)
            ;
        if (j - i > best_n) {
            mt->date = scratch->v[i];
            best_n = j - i;
        }
    }
    return 0;
}

/* Type, status, date, place and participants of meeting `mt`. */
static int describe_meeting(evg_i_builder *b, evg_i_meeting *mt, parts *scratch,
                            dates *dscratch)
{
    evg_i_tally places = EVG_I_TALLY_INIT, ccs = EVG_I_TALLY_INIT;
    int rc = 0;

    mt->type = b->r[mt->reports[0]].ev->type;
    mt->status = b->r[mt->reports[0]].ev->status;
    for (size_t k = 0; k < mt->nreports; k++) {
        const evg_i_report *r = &b->r[mt->reports[k]];
        if (r->ev->type == EVG_EV_SIGNING)
            mt->type = EVG_EV_SIGNING; /* the meeting at which something was signed */
        if (evg_i_tally_add(&places, r->place, 1) < 0 ||
            evg_i_tally_add(&ccs, r->place_cc, 1) < 0) {
            rc = nomem(b);
            goto cleanup;
        }
    }
    EVG_CHECK(meeting_date(b, mt, dscratch));
    mt->place = evg_i_tally_best(&places, EVG_I_RANK_NAME);
    mt->place_cc = evg_i_tally_best(&ccs, EVG_I_RANK_CODE);
    EVG_CHECK(meeting_people(b, mt, scratch));
cleanup:
    evg_i_tally_free(&places);
    evg_i_tally_free(&ccs);
    return rc;
}

/* "meeting:<doc id>-<n>": the id of the meeting's first report, '#' made '-'. */
static int meeting_vertex(evg_i_builder *b, size_t m)
{
    evg_i_meeting *mt = &b->mt[m];
    evg_i_buf *raw = &b->tmp;
    const char *id = b->r[mt->reports[0]].ev->id;
    int rc = 0;

    evg_i_buf_clear(raw);
    /* An event built in memory may lack an id: "(null)", as printf wrote it before. */
    if (evg_i_buf_puts(raw, "meeting:") < 0 ||
        evg_i_buf_puts(raw, id ? id : "(null)") < 0)
        return nomem(b);
    for (char *p = raw->ptr; *p; p++)
        *p = *p == '#' ? '-' : *p;
    EVG_CHECK(evg_i_vertex_get(&mt->v, b, raw->ptr, EVG_NODE_MEETING));
    b->v[mt->v].meeting = m;
    for (size_t k = 0; k < mt->nreports; k++)
        EVG_CHECK(evg_i_note(b, mt->v, b->r[mt->reports[k]].doc));
cleanup:
    return rc;
}

int evg_i_take_meetings(evg_i_builder *b)
{
    parts scratch = {NULL, 0};
    dates dscratch = {NULL, 0};
    int rc = 0, kept;

    EVG_CHECK(evg_i_collect_reports(b));
    EVG_CHECK(merge_reports(b));
    for (size_t m = 0; m < b->nmt; m++) {
        EVG_CHECK(describe_meeting(b, &b->mt[m], &scratch, &dscratch));
        EVG_CHECK(kept = evg_i_meeting_kept(b, m));
        if (!kept) { /* filtered out: no vertex, no edge, nothing counted */
            b->mt[m].v = SIZE_MAX;
            continue;
        }
        EVG_CHECK(meeting_vertex(b, m));
        evg_i_meeting_codes(b, &b->mt[m]);
        EVG_CHECK(evg_i_meeting_links(b, m));
    }
cleanup:
    free(scratch.v);
    free(dscratch.v);
    return rc;
}
