/*
 * The events table, for spreadsheets: one row per meeting and participant
 * (a meeting without one gets one row with the participant's cells empty),
 * meetings by date (undated last) then id, each meeting's participants by
 * label then id. The columns (docs/formats.md):
 *
 *   meeting_id, date, type, status, place, place_country, participant_id,
 *   participant, participant_type, title, country, role, evidence, docs,
 *   outlets, urls
 *
 * `title` is the one the person held at the meeting's date, `country` the
 * person's (or the participating country's own code). CSV as csv.c writes
 * it, with its guard against formula injection; TSV the same cells
 * tab-separated, tabs and line breaks in them made spaces. Only the full
 * and bipartite views hold meetings and their participants.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "export/export_internal.h"
#include "util/error.h"

static const char *const HEADER[] = {"meeting_id",
                                     "date",
                                     "type",
                                     "status",
                                     "place",
                                     "place_country",
                                     "participant_id",
                                     "participant",
                                     "participant_type",
                                     "title",
                                     "country",
                                     "role",
                                     "evidence",
                                     "docs",
                                     "outlets",
                                     "urls"};
#define NCOLS (sizeof HEADER / sizeof HEADER[0])

typedef struct {
    size_t m, e; /* meeting vertex; its participated_in edge, or SIZE_MAX */
} row;

typedef struct {
    const evg_graph *g;
    size_t *rank; /* of each meeting vertex, in date order */
} sorter;

static _Thread_local const sorter *the_sorter; /* qsort() takes no payload */

static int by_date(const void *a, const void *b)
{
    const evg_graph *g = the_sorter->g;
    const evg_i_vattr *x = evg_i_graph_vattr(g, *(const size_t *)a);
    const evg_i_vattr *y = evg_i_graph_vattr(g, *(const size_t *)b);
    int c;

    if ((x->date == NULL) != (y->date == NULL))
        return x->date == NULL ? 1 : -1;
    if (x->date && (c = strcmp(x->date, y->date)) != 0)
        return c;
    return strcmp(x->id, y->id);
}

static int by_row(const void *a, const void *b)
{
    const row *x = a, *y = b;
    const evg_graph *g = the_sorter->g;
    const evg_i_vattr *p, *q;
    int c;

    if (x->m != y->m)
        return the_sorter->rank[x->m] < the_sorter->rank[y->m] ? -1 : 1;
    if (x->e == SIZE_MAX || y->e == SIZE_MAX)
        return (x->e != SIZE_MAX) - (y->e != SIZE_MAX);
    p = evg_i_graph_vattr(g, evg_i_graph_eattr(g, x->e)->from);
    q = evg_i_graph_vattr(g, evg_i_graph_eattr(g, y->e)->from);
    if ((c = strcmp(p->label ? p->label : "", q->label ? q->label : "")) != 0)
        return c;
    if ((c = strcmp(p->id, q->id)) != 0)
        return c;
    return (x->e > y->e) - (x->e < y->e);
}

/* The rows in order into `*out`; 0 or EVG_ENOMEM. */
static int plan_rows(row **out, size_t *n_out, const evg_graph *g)
{
    size_t nv = evg_graph_vertex_count(g), ne = evg_graph_edge_count(g), nm = 0, n = 0;
    size_t *meetings = calloc(nv + 1, sizeof(*meetings));
    size_t *rank = calloc(nv + 1, sizeof(*rank));
    unsigned char *has = calloc(nv + 1, 1);
    row *r = calloc(nv + ne + 1, sizeof(*r));
    sorter s = {g, rank};
    int rc = 0;

    if (meetings == NULL || rank == NULL || has == NULL || r == NULL) {
        rc = EVG_ENOMEM;
        goto cleanup;
    }
    for (size_t v = 0; v < nv; v++)
        if (evg_i_graph_vattr(g, v)->type == EVG_NODE_MEETING)
            meetings[nm++] = v;
    the_sorter = &s;
    qsort(meetings, nm, sizeof(*meetings), by_date);
    for (size_t i = 0; i < nm; i++)
        rank[meetings[i]] = i;
    for (size_t e = 0; e < ne; e++) {
        const evg_i_eattr *a = evg_i_graph_eattr(g, e);
        if (a->rel != EVG_I_REL_PARTICIPATED_IN ||
            evg_i_graph_vattr(g, a->to)->type != EVG_NODE_MEETING)
            continue;
        r[n].m = a->to;
        r[n++].e = e;
        has[a->to] = 1;
    }
    for (size_t i = 0; i < nm; i++)
        if (!has[meetings[i]]) {
            r[n].m = meetings[i];
            r[n++].e = SIZE_MAX;
        }
    qsort(r, n, sizeof(*r), by_row);
    the_sorter = NULL;
    *out = r;
    *n_out = n;
    r = NULL;
cleanup:
    free(meetings);
    free(rank);
    free(has);
    free(r);
    return rc;
}

static int write_table(FILE *f, const evg_graph *g, int tsv, evg_error *err)
{
    const char sep = tsv ? '\t' : ',';
    const char *eol = tsv ? "\n" : "\r\n";
    evg_i_buf clean = EVG_I_BUF_INIT;
    row *r = NULL;
    size_t n = 0;
    int rc = 0;

    if (evg_graph_view(g) == EVG_VIEW_PEOPLE || evg_graph_view(g) == EVG_VIEW_COUNTRIES)
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "the events table needs the meetings: build the full or "
                               "bipartite view, not the %s view",
                               evg_view_name(evg_graph_view(g)));
    if (plan_rows(&r, &n, g) < 0)
        return evg_i_error_nomem(err);
    for (size_t k = 0; k < NCOLS; k++) {
        if (k)
            fputc(sep, f);
        fputs(HEADER[k], f);
    }
    fputs(eol, f);
    for (size_t i = 0; i < n && rc == 0; i++) {
        const evg_i_vattr *m = evg_i_graph_vattr(g, r[i].m);
        const evg_i_eattr *e = r[i].e == SIZE_MAX ? NULL : evg_i_graph_eattr(g, r[i].e);
        const evg_i_vattr *p = e ? evg_i_graph_vattr(g, e->from) : NULL;
        const char *country = p ? p->country : NULL;
        const char *title = e && e->title ? e->title : p ? p->title : NULL;
        if (p && p->type == EVG_NODE_COUNTRY && strchr(p->id, ':'))
            country = strchr(p->id, ':') + 1;
        const char *cells[NCOLS] = {
            m->id,
            m->date,
            m->event_type,
            m->status,
            m->place,
            m->place_country,
            p ? p->id : NULL,
            p ? p->label : NULL,
            p ? evg_node_type_name(p->type) : NULL,
            title,
            country,
            e && e->role >= 0 ? evg_role_name((evg_role)e->role) : NULL,
            m->evidence,
            m->docs,
            m->outlets,
            m->urls,
        };
        for (size_t k = 0; k < NCOLS && rc == 0; k++) {
            if (k)
                fputc(sep, f);
            if (cells[k])
                rc = evg_i_csv_field(f, &clean, cells[k], 1, tsv);
        }
        fputs(eol, f);
    }
    free(r);
    evg_i_buf_free(&clean);
    return rc < 0 ? evg_i_error_nomem(err) : 0;
}

int evg_i_events_csv_write(FILE *f, const evg_graph *g, const evg_scores *s,
                           const evg_export_opts *opts, evg_error *err)
{
    (void)s;
    (void)opts;
    return write_table(f, g, 0, err);
}

int evg_i_events_tsv_write(FILE *f, const evg_graph *g, const evg_scores *s,
                           const evg_export_opts *opts, evg_error *err)
{
    (void)s;
    (void)opts;
    return write_table(f, g, 1, err);
}
