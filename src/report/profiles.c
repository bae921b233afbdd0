/*
 * The sections of a report about groups, agreements and people: the
 * communities of the people graph, the agreements signed or referenced at
 * meetings, and a profile of each of the most central people with the
 * sentences that support every meeting.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"
#include "util/buf.h"

#define GROUPS_MAX 12         /* communities listed */
#define GROUP_NAMES_MAX 20    /* members named per community */
#define AGREEMENTS_MAX 200    /* rows of the agreements table */
#define AGREEMENT_MEETINGS 5  /* meetings named per agreement and relation */
#define PROFILE_EVENTS_MAX 12 /* events listed per person */
#define PROFILE_QUOTES_MAX 3  /* sentences quoted per event */

static void text(evg_i_rw *w, const char *s)
{
    w->r->text(w, s);
}

/* " (name)": the name a text run of its own, which the HTML report may isolate. */
static void in_brackets(evg_i_rw *w, const char *name)
{
    text(w, " (");
    text(w, name);
    text(w, ")");
}

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static void nomem(evg_i_rw *w)
{
    w->nomem = 1;
}

/* ---- communities -------------------------------------------------------- */

/*
 * Whether the people graph carries communities: every vertex has one, and
 * no community spans two connected components (which no community detection
 * does, while a graph built without detection has them all at 0).
 */
static int has_communities(const evg_report *r)
{
    size_t n = evg_graph_vertex_count(r->people);
    size_t *comp;
    int ok = n > 0;

    if (n == 0 || (comp = malloc(n * sizeof(*comp))) == NULL)
        return 0;
    for (size_t i = 0; i < n; i++)
        comp[i] = SIZE_MAX;
    for (size_t v = 0; v < n && ok; v++) {
        long c = evg_i_graph_vattr(r->people, v)->community;
        size_t k = evg_layout_component(r->layout, v);
        if (c < 0 || (size_t)c >= n)
            ok = 0;
        else if (comp[c] == SIZE_MAX)
            comp[c] = k;
        else
            ok = comp[c] == k;
    }
    free(comp);
    return ok;
}

typedef struct {
    size_t id, size;
} group;

static int by_size(const void *a, const void *b)
{
    const group *x = a, *y = b;

    if (x->size != y->size)
        return x->size > y->size ? -1 : 1;
    return x->id < y->id ? -1 : x->id > y->id;
}

static size_t group_of(const evg_report *r, size_t v, int communities)
{
    return communities ? (size_t)evg_i_graph_vattr(r->people, v)->community
                       : evg_layout_component(r->layout, v);
}

static void group_item(evg_i_rw *w, const group *g, size_t number, int communities)
{
    const evg_report *r = w->rep;
    size_t n = evg_graph_vertex_count(r->people), named = 0;

    w->r->item(w, 1);
    evg_i_rw_textf(w, "%s %zu", communities ? "Community" : "Group", number);
    evg_i_rw_textf(w, " (%zu people): ", g->size);
    for (size_t i = 0; i < n && named < GROUP_NAMES_MAX; i++) {
        size_t v = r->order[i];
        if (group_of(r, v, communities) != g->id)
            continue;
        if (named++)
            text(w, ", ");
        text(w, evg_graph_vertex_label(r->people, v));
    }
    if (g->size > named)
        evg_i_rw_textf(w, " and %zu more", g->size - named);
    w->r->item(w, 0);
}

void evg_i_report_communities(evg_i_rw *w, const char *anchor, const char *title)
{
    const evg_report *r = w->rep;
    size_t n = evg_graph_vertex_count(r->people), k = 0, alone = 0;
    int communities = has_communities(r);
    group *g;

    w->r->heading(w, 2, anchor, title);
    w->r->para(w, 1);
    text(w,
         communities
             ? "Communities of the people graph found by igraph's multilevel "
               "(Louvain) method: people who met each other more than they met others."
             : "Groups of people linked by a chain of in-person meetings (the connected "
               "parts of the people graph).");
    text(w, " Largest first; members in order of centrality.");
    w->r->para(w, 0);
    if (n == 0 || (g = calloc(n, sizeof(*g))) == NULL) {
        if (n)
            nomem(w);
        return;
    }
    for (size_t i = 0; i < n; i++)
        g[i].id = i;
    for (size_t v = 0; v < n; v++)
        g[group_of(r, v, communities) % n].size++;
    qsort(g, n, sizeof(*g), by_size);
    while (k < n && g[k].size > 1)
        k++;
    for (size_t i = k; i < n; i++)
        alone += g[i].size;
    w->r->list(w, 1);
    for (size_t i = 0; i < k && i < GROUPS_MAX; i++)
        group_item(w, &g[i], i + 1, communities);
    w->r->list(w, 0);
    w->r->para(w, 1);
    if (k > GROUPS_MAX)
        evg_i_rw_textf(w, "%zu smaller groups are not listed. ", k - GROUPS_MAX);
    if (alone)
        evg_i_rw_textf(w, "%zu %s in no group with anyone else.", alone,
                       plural(alone, "person is", "people are"));
    w->r->para(w, 0);
    free(g);
}

/* ---- agreements --------------------------------------------------------- */

typedef struct {
    size_t v;
    const char *date, *label;
} agreement;

static int by_date(const void *a, const void *b)
{
    const agreement *x = a, *y = b;
    int c;

    if ((x->date == NULL) != (y->date == NULL))
        return x->date ? -1 : 1;
    if (x->date && (c = strcmp(x->date, y->date)) != 0)
        return c;
    if ((c = strcmp(x->label, y->label)) != 0)
        return c;
    return x->v < y->v ? -1 : x->v > y->v;
}

/* Meetings linked to agreement `v` by `rel`, at most AGREEMENT_MEETINGS named. */
static size_t agreement_meetings(evg_i_rw *w, size_t v, evg_i_relation rel, int write)
{
    const evg_report *r = w->rep;
    size_t k = 0;

    for (size_t i = r->adj_start[v]; i < r->adj_start[v + 1]; i++) {
        if (evg_i_graph_eattr(r->full, r->adj[i])->rel != rel)
            continue;
        if (write && k < AGREEMENT_MEETINGS) {
            if (k)
                text(w, "; ");
            text(w, evg_graph_vertex_label(r->full, evg_i_report_other(r, r->adj[i], v)));
        }
        k++;
    }
    if (write && k > AGREEMENT_MEETINGS)
        evg_i_rw_textf(w, " and %zu more", k - AGREEMENT_MEETINGS);
    return k;
}

/* The people at the meetings that signed agreement `v`, each once, with country. */
static void signatories(evg_i_rw *w, size_t v)
{
    const evg_report *r = w->rep;
    size_t *seen = NULL, k = 0, cap = 0;

    for (size_t i = r->adj_start[v]; i < r->adj_start[v + 1]; i++) {
        size_t m = evg_i_report_other(r, r->adj[i], v);
        if (evg_i_graph_eattr(r->full, r->adj[i])->rel != EVG_I_REL_SIGNED)
            continue;
        for (size_t j = r->adj_start[m]; j < r->adj_start[m + 1]; j++) {
            size_t p = evg_i_report_other(r, r->adj[j], m), d = 0;
            const char *c = evg_i_graph_vattr(r->full, p)->country;
            if (evg_i_graph_eattr(r->full, r->adj[j])->rel != EVG_I_REL_PARTICIPATED_IN)
                continue;
            while (d < k && seen[d] != p)
                d++;
            if (d < k)
                continue;
            if (evg_i_grow((void **)&seen, &cap, k + 1, sizeof(*seen)) < 0) {
                nomem(w);
                break;
            }
            seen[k] = p;
            text(w, k++ ? "; " : "");
            text(w, evg_graph_vertex_label(r->full, p));
            if (c)
                in_brackets(w, evg_i_report_country(r, c));
        }
    }
    free(seen);
}

static void agreement_row(evg_i_rw *w, const agreement *a)
{
    const evg_report *r = w->rep;
    const evg_i_vattr *va = evg_i_graph_vattr(r->full, a->v);
    size_t s;

    w->r->row(w, 1);
    w->r->cell(w, 1);
    text(w, a->label);
    w->r->cell(w, 0);
    w->r->cell(w, 1);
    text(w, va->kind ? va->kind : "");
    w->r->cell(w, 0);
    w->r->cell(w, 1);
    text(w, a->date ? a->date : "");
    w->r->cell(w, 0);
    w->r->cell(w, 1);
    signatories(w, a->v);
    w->r->cell(w, 0);
    w->r->cell(w, 1);
    if ((s = agreement_meetings(w, a->v, EVG_I_REL_SIGNED, 0)) > 0) {
        w->r->strong(w, "signed:");
        text(w, " ");
        agreement_meetings(w, a->v, EVG_I_REL_SIGNED, 1);
    }
    if (agreement_meetings(w, a->v, EVG_I_REL_REFERENCES, 0) > 0) {
        text(w, s ? "; " : "");
        w->r->strong(w, "referenced:");
        text(w, " ");
        agreement_meetings(w, a->v, EVG_I_REL_REFERENCES, 1);
    }
    w->r->cell(w, 0);
    w->r->row(w, 0);
}

void evg_i_report_agreements(evg_i_rw *w, const char *anchor, const char *title)
{
    static const char *const head[] = {"Agreement", "Kind", "Date", "Signatories",
                                       "Meetings"};
    const evg_report *r = w->rep;
    size_t n = evg_graph_vertex_count(r->full), k = 0, named = 0;
    agreement *a =
        calloc(evg_graph_count_type(r->full, EVG_NODE_AGREEMENT) + 1, sizeof(*a));

    w->r->heading(w, 2, anchor, title);
    if (a == NULL) {
        nomem(w);
        return;
    }
    for (size_t v = 0; v < n; v++) {
        const evg_i_vattr *va = evg_i_graph_vattr(r->full, v);
        if (va->type != EVG_NODE_AGREEMENT)
            continue;
        if (agreement_meetings(w, v, EVG_I_REL_SIGNED, 0) +
                agreement_meetings(w, v, EVG_I_REL_REFERENCES, 0) ==
            0) {
            named++;
            continue;
        }
        a[k++] = (agreement){v, va->first_seen, va->label ? va->label : ""};
    }
    qsort(a, k, sizeof(*a), by_date);
    w->r->para(w, 1);
    evg_i_rw_textf(
        w,
        "The %zu %s signed or referenced at a meeting, by the date of their "
        "first meeting. Signatories are the people at the meetings that signed "
        "it.",
        k, plural(k, "agreement", "agreements"));
    if (named)
        evg_i_rw_textf(w, " %zu more %s named in the articles without a meeting.", named,
                       plural(named, "is", "are"));
    w->r->para(w, 0);
    if (k) {
        w->r->table(w, 1, head, "lldll", 5);
        for (size_t i = 0; i < k && i < AGREEMENTS_MAX; i++)
            agreement_row(w, &a[i]);
        w->r->table(w, 0, NULL, NULL, 0);
    }
    if (k > AGREEMENTS_MAX) {
        w->r->para(w, 1);
        evg_i_rw_textf(w, "%zu more are in graph.graphml.", k - AGREEMENTS_MAX);
        w->r->para(w, 0);
    }
    free(a);
}

/* ---- profiles ----------------------------------------------------------- */

typedef struct {
    size_t v, e; /* a vertex (counterpart or meeting) and the edge to it */
    double weight;
    const char *date, *label;
} link_;

static int by_weight(const void *a, const void *b)
{
    const link_ *x = a, *y = b;

    if (x->weight != y->weight)
        return x->weight > y->weight ? -1 : 1;
    return x->v < y->v ? -1 : x->v > y->v;
}

static int by_when(const void *a, const void *b)
{
    const link_ *x = a, *y = b;
    int c;

    if ((x->date == NULL) != (y->date == NULL))
        return x->date ? -1 : 1;
    if (x->date && (c = strcmp(x->date, y->date)) != 0)
        return c;
    return x->v < y->v ? -1 : x->v > y->v;
}

/* The people `pv` met in person (people graph), most meetings first. */
static void counterparts(evg_i_rw *w, size_t pv)
{
    const evg_report *r = w->rep;
    size_t ne = evg_graph_edge_count(r->people), k = 0;
    link_ *l = calloc(ne + 1, sizeof(*l));

    if (l == NULL) {
        nomem(w);
        return;
    }
    for (size_t e = 0; e < ne; e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(r->people, e);
        if (a->from == pv || a->to == pv)
            l[k++] = (link_){a->from == pv ? a->to : a->from, e, a->weight, NULL, NULL};
    }
    qsort(l, k, sizeof(*l), by_weight);
    w->r->para(w, 1);
    w->r->strong(w, "Met in person:");
    text(w, k ? " " : " nobody.");
    for (size_t i = 0; i < k; i++) {
        const evg_i_eattr *a = evg_i_graph_eattr(r->people, l[i].e);
        const char *c = evg_i_graph_vattr(r->people, l[i].v)->country;
        text(w, i ? "; " : "");
        text(w, evg_graph_vertex_label(r->people, l[i].v));
        if (c)
            in_brackets(w, evg_i_report_country(r, c));
        evg_i_rw_textf(w, ", %.0f %s", a->weight,
                       plural((size_t)a->weight, "time", "times"));
        if (a->first_date && a->last_date && strcmp(a->first_date, a->last_date) != 0)
            evg_i_rw_textf(w, " from %s to %s", a->first_date, a->last_date);
        else if (a->first_date)
            evg_i_rw_textf(w, " on %s", a->first_date);
    }
    text(w, k ? "." : "");
    w->r->para(w, 0);
    free(l);
}

/* The other people at meeting `m` (full graph), after "with". */
static void others(evg_i_rw *w, size_t m, size_t fv)
{
    const evg_report *r = w->rep;
    size_t k = 0;

    for (size_t i = r->adj_start[m]; i < r->adj_start[m + 1]; i++) {
        size_t p = evg_i_report_other(r, r->adj[i], m);
        if (p == fv ||
            evg_i_graph_eattr(r->full, r->adj[i])->rel != EVG_I_REL_PARTICIPATED_IN)
            continue;
        text(w, k++ ? ", " : "; with ");
        text(w, evg_graph_vertex_label(r->full, p));
    }
}

/* The next " [doc id] " in `p` (an id without spaces), or NULL. */
static const char *next_marker(const char *p)
{
    for (const char *m = strstr(p, " ["); m; m = strstr(m + 2, " [")) {
        size_t id = strcspn(m + 2, "] ");
        if (id > 0 && m[2 + id] == ']' && m[3 + id] == ' ')
            return m;
    }
    return NULL;
}

/*
 * The evidence of a meeting, one quote per report: merged meetings give
 * "[doc id] sentence [doc id] sentence", a meeting of one report its
 * sentences alone.
 */
static void quotes(evg_i_rw *w, const evg_i_vattr *m)
{
    const char *p = m->evidence;

    if (p == NULL || p[0] == '\0')
        return;
    for (size_t shown = 0; p && shown < PROFILE_QUOTES_MAX; shown++) {
        const char *next = next_marker(p);
        char *part = evg_i_strndup(p, next ? (size_t)(next - p) : strlen(p));
        if (part == NULL) {
            nomem(w);
            return;
        }
        w->r->quote(w, part);
        free(part);
        p = next ? next + 1 : NULL;
    }
}

/*
 * Where the meeting's articles were published, when JSON Lines input said:
 * ", Outlet; Other" and each address, linked (at most ORIGIN_URLS_MAX).
 */
#define ORIGIN_URLS_MAX 3
static void origins(evg_i_rw *w, const evg_i_vattr *m)
{
    const char *p = m->urls;

    if (m->outlets) {
        text(w, ", ");
        text(w, m->outlets);
    }
    for (size_t shown = 0; p && *p && shown < ORIGIN_URLS_MAX; shown++) {
        const char *end = strstr(p, "; ");
        char *one = evg_i_strndup(p, end ? (size_t)(end - p) : strlen(p));
        if (one == NULL) {
            nomem(w);
            return;
        }
        text(w, shown == 0 && m->outlets == NULL ? ", " : " ");
        w->r->url(w, one, one);
        free(one);
        p = end ? end + 2 : NULL;
    }
}

static void event_item(evg_i_rw *w, const link_ *l, size_t fv)
{
    const evg_report *r = w->rep;
    const evg_i_vattr *m = evg_i_graph_vattr(r->full, l->v);
    const evg_i_eattr *e = evg_i_graph_eattr(r->full, l->e);

    w->r->item(w, 1);
    w->r->strong(w, m->date ? m->date : "undated");
    evg_i_rw_textf(w, ", %s%s",
                   m->status && strcmp(m->status, "planned") == 0 ? "planned " : "",
                   m->event_type ? m->event_type : "event");
    if (m->place) {
        text(w, " in ");
        text(w, m->place);
    }
    if (e->role >= 0)
        evg_i_rw_textf(w, ", as %s", evg_role_name((evg_role)e->role));
    others(w, l->v, fv);
    if (m->doc) {
        text(w, "; article ");
        text(w, m->doc);
    }
    if (m->sources > 1)
        evg_i_rw_textf(w, " and %zu more", m->sources - 1);
    origins(w, m);
    quotes(w, m);
    w->r->item(w, 0);
}

/* The events person `fv` (full graph) took part in, by date. */
static void events(evg_i_rw *w, size_t fv)
{
    const evg_report *r = w->rep;
    size_t k = 0, deg = r->adj_start[fv + 1] - r->adj_start[fv];
    link_ *l = calloc(deg + 1, sizeof(*l));

    if (l == NULL) {
        nomem(w);
        return;
    }
    for (size_t i = r->adj_start[fv]; i < r->adj_start[fv + 1]; i++) {
        size_t e = r->adj[i], m = evg_i_report_other(r, e, fv);
        if (evg_i_graph_eattr(r->full, e)->rel == EVG_I_REL_PARTICIPATED_IN)
            l[k++] = (link_){m, e, 0, evg_i_graph_vattr(r->full, m)->date, NULL};
    }
    qsort(l, k, sizeof(*l), by_when);
    w->r->list(w, 1);
    for (size_t i = 0; i < k && i < PROFILE_EVENTS_MAX; i++)
        event_item(w, &l[i], fv);
    w->r->list(w, 0);
    if (k > PROFILE_EVENTS_MAX) {
        w->r->para(w, 1);
        evg_i_rw_textf(w, "%zu more events are in graph.graphml.",
                       k - PROFILE_EVENTS_MAX);
        w->r->para(w, 0);
    }
    free(l);
}

static void labelled(evg_i_rw *w, const char *label, const char *value)
{
    if (value == NULL || value[0] == '\0')
        return;
    w->r->strong(w, label);
    text(w, " ");
    text(w, value);
    text(w, ". ");
}

/* " number 3 of 40; betweenness 12, degree 4, PageRank 0.05.": the measures computed. */
static void centrality(evg_i_rw *w, size_t rank, size_t pv)
{
    static const struct {
        evg_measure m;
        const char *name;
    } shown[] = {{EVG_M_BETWEENNESS, "betweenness"},
                 {EVG_M_DEGREE, "degree"},
                 {EVG_M_PAGERANK, "PageRank"}};
    const evg_report *r = w->rep;
    const char *sep = "; ";
    char num[EVG_I_NUM_BUF];

    evg_i_rw_textf(w, " number %zu of %zu", rank + 1, evg_graph_vertex_count(r->people));
    for (size_t i = 0; i < sizeof shown / sizeof shown[0]; i++) {
        if (!evg_scores_has(r->scores, shown[i].m))
            continue;
        evg_i_rw_textf(w, "%s%s %s", sep, shown[i].name,
                       evg_i_report_num(num, evg_scores_get(r->scores, shown[i].m, pv)));
        sep = ", ";
    }
    evg_i_rw_textf(w, ".");
}

static void profile(evg_i_rw *w, size_t rank)
{
    const evg_report *r = w->rep;
    size_t pv = r->order[rank], fv = r->full_of[pv];
    const evg_i_vattr *a = evg_i_graph_vattr(r->people, pv);
    char anchor[32];

    snprintf(anchor, sizeof anchor, "profile-%zu", rank + 1);
    w->r->heading(w, 3, anchor, evg_graph_vertex_label(r->people, pv));
    w->r->para(w, 1);
    /* With the dates of the articles that give each title, when the graph has them. */
    labelled(w, "Titles:", a->titles_seen ? a->titles_seen : a->titles);
    labelled(w, "Country:", evg_i_report_country(r, a->country));
    labelled(w, "Organization:", a->org);
    w->r->strong(w, "Centrality:");
    centrality(w, rank, pv);
    w->r->para(w, 0);
    counterparts(w, pv);
    if (fv != SIZE_MAX)
        events(w, fv);
}

void evg_i_report_profiles(evg_i_rw *w, const char *anchor, const char *title)
{
    const evg_report *r = w->rep;
    size_t n = evg_graph_vertex_count(r->people), k = n < r->top ? n : r->top;

    w->r->heading(w, 2, anchor, title);
    w->r->para(w, 1);
    if (k)
        evg_i_rw_textf(
            w,
            "The %zu most central people: their titles, the people they met and "
            "every event they took part in, with the sentences that report it.",
            k);
    else
        text(w, "Nobody took part in an event.");
    w->r->para(w, 0);
    for (size_t i = 0; i < k; i++)
        profile(w, i);
}
