/*
 * The attributes of a finished vertex, copied out of the builder (which
 * borrows from the corpus) into the graph's arena: the chosen forms, the
 * titles with their dates, the meeting's codes and texts.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"
#include "graph/graph_impl.h"
#include "util/date.h"

/*
 * Titles by first sight: date (undated last), then document (in id order)
 * and position in it, so that titles given together keep their order.
 */
static int title_order(const evg_i_title *x, const evg_i_title *y)
{
    if ((x->first == NULL) != (y->first == NULL))
        return x->first == NULL ? 1 : -1;
    if (x->first && strcmp(x->first, y->first) != 0)
        return strcmp(x->first, y->first);
    if (x->seen_doc != y->seen_doc)
        return x->seen_doc < y->seen_doc ? -1 : 1;
    if (x->seen_pos != y->seen_pos)
        return x->seen_pos < y->seen_pos ? -1 : 1;
    return strcmp(x->key, y->key);
}

/* The title seen last (then the most often, then by folded text). */
static const evg_i_title *latest(const evg_i_bvertex *v)
{
    const evg_i_title *best = NULL;

    for (size_t i = 0; i < v->ntitles; i++) {
        const evg_i_title *t = &v->titles[i];
        int c = best == NULL ? 1 : 0;
        if (!c && (t->last == NULL) != (best->last == NULL))
            c = best->last == NULL;
        else if (!c && t->last && strcmp(t->last, best->last) != 0)
            c = strcmp(t->last, best->last) > 0;
        else if (!c && t->n != best->n)
            c = t->n > best->n;
        else if (!c)
            c = strcmp(t->key, best->key) < 0;
        if (c)
            best = t;
    }
    return best;
}

/* Days from `date` to title t's dates (0 within them); LONG_MAX for an undated title. */
static long distance(const evg_i_title *t, long day)
{
    long first, last;

    if (t->first == NULL || t->last == NULL)
        return LONG_MAX;
    first = evg_i_date_days(t->first);
    last = evg_i_date_days(t->last);
    return day < first ? first - day : day > last ? day - last : 0;
}

/*
 * Whether title t is a better answer than `best` at `day` (evg_i_title_at):
 * nearer in time (held then: 0), then the most often given, then held before
 * rather than after, then the one seen first.
 */
static int better_at(const evg_i_title *t, const evg_i_title *best, long day)
{
    long dt = distance(t, day), db = distance(best, day);

    if (dt != db)
        return dt < db;
    if (t->n != best->n)
        return t->n > best->n;
    if (dt != 0 && dt != LONG_MAX &&
        (evg_i_date_days(t->last) < day) != (evg_i_date_days(best->last) < day))
        return evg_i_date_days(t->last) < day;
    /* an office before a rank: the title written first ("Defense Minister, Colonel
     * General ...") */
    return title_order(t, best) < 0;
}

const char *evg_i_title_at(evg_i_builder *b, evg_i_bvertex *v, const char *date,
                           int *fail)
{
    evg_i_title *best = NULL;

    if (v->ntitles == 0)
        return NULL;
    if (date == NULL) {
        best = (evg_i_title *)latest(v);
    } else {
        long day = evg_i_date_days(date);
        for (size_t i = 0; i < v->ntitles; i++)
            if (best == NULL || better_at(&v->titles[i], best, day))
                best = &v->titles[i];
    }
    if (best->shown == NULL)
        best->shown = evg_i_arena_copy(
            b->arena, evg_i_tally_best(&best->forms, EVG_I_RANK_NAME), fail);
    return best->shown;
}

/* " (first)" or " (first/last)" after a title in titles_seen. */
static int seen_dates(evg_i_buf *seen, const char *first, const char *last)
{
    int same = strcmp(first, last) == 0;

    if (evg_i_buf_puts(seen, " (") < 0 || evg_i_buf_puts(seen, first) < 0 ||
        (!same && (evg_i_buf_putc(seen, '/') < 0 || evg_i_buf_puts(seen, last) < 0)))
        return EVG_ENOMEM;
    return evg_i_buf_putc(seen, ')');
}

/* titles, title and titles_seen of a person. */
static int titles(evg_i_vattr *o, evg_i_arena *a, const evg_i_bvertex *v)
{
    evg_i_buf list = EVG_I_BUF_INIT, seen = EVG_I_BUF_INIT;
    const evg_i_title **t = NULL;
    int rc = 0, fail = 0;

    if (v->ntitles == 0)
        return 0;
    if ((t = calloc(v->ntitles, sizeof(*t))) == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < v->ntitles;
         i++) { /* insertion sort: a person has few titles */
        size_t j = i;
        for (; j > 0 && title_order(&v->titles[i], t[j - 1]) < 0; j--)
            t[j] = t[j - 1];
        t[j] = &v->titles[i];
    }
    for (size_t i = 0; i < v->ntitles && rc == 0; i++) {
        const char *form = evg_i_tally_best(&t[i]->forms, EVG_I_RANK_NAME);
        const char *sep = i ? "; " : "";
        /* puts, not printf: this runs for every person of a large graph */
        if (evg_i_buf_puts(&list, sep) < 0 || evg_i_buf_puts(&list, form) < 0 ||
            evg_i_buf_puts(&seen, sep) < 0 || evg_i_buf_puts(&seen, form) < 0)
            rc = EVG_ENOMEM;
        else if (t[i]->first)
            rc = seen_dates(&seen, t[i]->first, t[i]->last);
    }
    if (rc == 0) {
        o->titles = evg_i_arena_copy(a, list.ptr, &fail);
        o->titles_seen = evg_i_arena_copy(a, seen.ptr, &fail);
        o->title = evg_i_arena_copy(
            a, evg_i_tally_best(&latest(v)->forms, EVG_I_RANK_NAME), &fail);
        rc = fail ? EVG_ENOMEM : 0;
    }
    free(t);
    evg_i_buf_free(&list);
    evg_i_buf_free(&seen);
    return rc;
}

/* Append `s` to a "; "-separated list. */
static int list_add(evg_i_buf *list, const char *s)
{
    if (list->len && evg_i_buf_puts(list, "; ") < 0)
        return EVG_ENOMEM;
    return evg_i_buf_puts(list, s);
}

/* The other name forms: every form but the label, each once, in byte order. */
static int aliases(evg_i_vattr *o, evg_i_arena *a, const evg_i_bvertex *v)
{
    const char **f = calloc(v->names.n + v->short_names.n + 1, sizeof(*f));
    evg_i_buf buf = EVG_I_BUF_INIT;
    size_t n = 0;
    int rc = 0;

    if (f == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < v->names.n; i++)
        f[n++] = v->names.v[i].text;
    for (size_t i = 0; i < v->short_names.n; i++)
        f[n++] = v->short_names.v[i].text;
    for (size_t i = 1; i < n; i++) /* few forms: insertion sort */
        for (size_t j = i; j > 0 && strcmp(f[j - 1], f[j]) > 0; j--) {
            const char *x = f[j];
            f[j] = f[j - 1];
            f[j - 1] = x;
        }
    for (size_t i = 0; i < n && rc == 0; i++) {
        if (strcmp(f[i], o->label) == 0 || (i > 0 && strcmp(f[i], f[i - 1]) == 0))
            continue;
        rc = list_add(&buf, f[i]);
    }
    if (rc == 0 && buf.len && (o->aliases = evg_i_arena_strdup(a, buf.ptr)) == NULL)
        rc = EVG_ENOMEM;
    free(f);
    evg_i_buf_free(&buf);
    return rc;
}

/* The labels of the people who signed agreement `ag`, each once, in byte order. */
static int signatories(evg_i_vattr *o, evg_i_builder *b, size_t ag)
{
    const char **s = NULL;
    evg_i_buf buf = EVG_I_BUF_INIT;
    size_t n = 0;
    int rc = 0;

    if (b->v[ag].nsigners == 0)
        return 0;
    if ((s = calloc(b->v[ag].nsigners, sizeof(*s))) == NULL)
        return EVG_ENOMEM;
    for (size_t i = 0; i < b->v[ag].nsigners && rc == 0; i++)
        rc = evg_i_label(&s[n++], b, b->v[ag].signers[i]);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && strcmp(s[j - 1], s[j]) > 0; j--) {
            const char *x = s[j];
            s[j] = s[j - 1];
            s[j - 1] = x;
        }
    for (size_t i = 0; i < n && rc == 0; i++)
        if (i == 0 || strcmp(s[i], s[i - 1]) != 0)
            rc = list_add(&buf, s[i]);
    if (rc == 0 && (o->signatories = evg_i_arena_strdup(b->arena, buf.ptr)) == NULL)
        rc = EVG_ENOMEM;
    free(s);
    evg_i_buf_free(&buf);
    return rc;
}

/* The meeting-only attributes. */
static int meeting_attrs(evg_i_vattr *o, evg_i_builder *b, const evg_i_bvertex *v)
{
    const evg_i_meeting *mt = &b->mt[v->meeting];
    int fail = 0;

    o->event_type = evg_event_type_name(mt->type);
    o->status = evg_event_status_name(mt->status);
    o->date = evg_i_arena_copy(b->arena, mt->date, &fail);
    o->place = evg_i_arena_copy(b->arena, mt->place, &fail);
    o->place_country = evg_i_arena_copy(b->arena, mt->place_cc, &fail);
    o->doc =
        evg_i_arena_copy(b->arena, evg_doc_id(b->docs[b->r[mt->reports[0]].doc]), &fail);
    o->reports = mt->nreports;
    o->cameo = mt->cameo;
    o->cameo_name = mt->cameo_name;
    o->plover_type = mt->plover_type;
    o->plover_mode = mt->plover_mode;
    if (fail)
        return EVG_ENOMEM;
    if (evg_i_meeting_origins(b, mt, &o->outlets, &o->urls) < 0)
        return EVG_ENOMEM;
    return evg_i_meeting_texts(b, mt, &o->docs, &o->evidence, &o->countries);
}

int evg_i_fill_vertex(evg_i_vattr *o, evg_i_builder *b, size_t bi, const char *id)
{
    evg_i_bvertex *v = &b->v[bi];
    int fail = 0, rc = 0;

    o->id = id;
    o->type = v->type;
    o->community = EVG_I_NO_COMMUNITY;
    EVG_CHECK(evg_i_label(&o->label, b, bi));
    o->country = evg_i_arena_copy(b->arena,
                                  v->country || v->type != EVG_NODE_PLACE
                                      ? v->country
                                      : evg_i_tally_best(&v->countries, EVG_I_RANK_CODE),
                                  &fail);
    o->city = evg_i_arena_copy(b->arena, v->city, &fail);
    o->kind = evg_i_arena_copy(b->arena, v->kind, &fail);
    o->first_seen = evg_i_arena_copy(b->arena, v->first, &fail);
    o->last_seen = evg_i_arena_copy(b->arena, v->last, &fail);
    o->sources = v->sources;
    o->meetings = v->meetings;
    o->events = v->events;
    o->people = v->people;
    o->signed_count = v->signed_count;
    o->referenced_count = v->referenced_count;
    if (v->org != SIZE_MAX)
        EVG_CHECK(evg_i_label(&o->org, b, v->org));
    if (fail || titles(o, b->arena, v) < 0 ||
        (v->type != EVG_NODE_MEETING && v->type != EVG_NODE_COUNTRY &&
         aliases(o, b->arena, v) < 0) ||
        (v->type == EVG_NODE_AGREEMENT && signatories(o, b, bi) < 0) ||
        (v->type == EVG_NODE_MEETING && v->meeting != SIZE_MAX &&
         meeting_attrs(o, b, v) < 0))
        rc = evg_i_error_nomem(b->err);
cleanup:
    return rc;
}

int evg_i_vattr_met(const evg_i_vattr *m)
{
    evg_event_type t;

    return m->type == EVG_NODE_MEETING && m->status && m->event_type &&
           strcmp(m->status, evg_event_status_name(EVG_STATUS_REPORTED)) == 0 &&
           (evg_event_type_from_name(&t, m->event_type) < 0 ||
            evg_event_type_in_person(t));
}
