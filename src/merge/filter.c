/*
 * Which merged meetings a graph keeps (evg_filter, include/evgraph/graph.h):
 * the filter checked, its countries turned into ISO alpha-3 codes, and the
 * test of one meeting. A meeting left out gets no vertex and no edge, so
 * nothing it touches is counted, and finalize.c keeps only what the kept
 * meetings reach.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "merge/merge.h"
#include "model/countries.h"
#include "util/date.h"
#include "util/utf8.h"

#define ALL_TYPES ((1u << EVG_EV__COUNT) - 1u) /* every type of the one table */
#define ALL_STATUSES ((1u << EVG_STATUS_REPORTED) | (1u << EVG_STATUS_PLANNED))

/* Whether `s` is three ASCII letters; their capitals into `code`. */
static int three_letters(char code[4], const char *s)
{
    for (size_t i = 0; i < 3; i++)
        if (!isalpha((unsigned char)s[i]))
            return 0;
    if (s[3] != '\0')
        return 0;
    for (size_t i = 0; i < 3; i++)
        code[i] = (char)toupper((unsigned char)s[i]);
    code[3] = '\0';
    return 1;
}

/*
 * The code of the country `name` into `code`: a code the tables know (any
 * case), else the least code one of whose names, other names or adjectives
 * has the same slug, else a code in capitals the tables do not know (a
 * record may use one). 1 when found, 0 when not, EVG_ENOMEM.
 */
static int country_code(char code[4], json_t *forms, const char *name, evg_i_buf *a,
                        evg_i_buf *b)
{
    const char *key, *best = NULL;
    json_t *list, *f;
    size_t i;

    if (three_letters(code, name) && json_object_get(forms, code))
        return 1;
    evg_i_buf_clear(a);
    if (evg_i_slug(a, name, strlen(name)) < 0)
        return EVG_ENOMEM;
    json_object_foreach(forms, key, list)
    {
        json_array_foreach(list, i, f)
        {
            const char *form = json_string_value(f);
            evg_i_buf_clear(b);
            if (evg_i_slug(b, form, strlen(form)) < 0)
                return EVG_ENOMEM;
            if (a->len > 0 && b->len == a->len && memcmp(a->ptr, b->ptr, a->len) == 0 &&
                strlen(key) == 3 && (best == NULL || strcmp(key, best) < 0))
                best = key;
        }
    }
    if (best) {
        memcpy(code, best, 4);
        return 1;
    }
    return strlen(name) == 3 && three_letters(code, name) && strcmp(code, name) == 0;
}

/* Check `f`; with `codes` not NULL, its countries' codes into codes[0..ncountries). */
static int check(char (*codes)[4], const evg_filter *f, evg_error *err)
{
    const char *dates[2] = {f->from, f->to};
    evg_i_buf a = EVG_I_BUF_INIT, b = EVG_I_BUF_INIT;
    json_t *forms = NULL;
    char code[4];
    int rc = 0;

    for (int i = 0; i < 2; i++)
        if (dates[i] && evg_i_date_bound(dates[i]) < 0)
            return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                                   "'%.40s' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)",
                                   dates[i]);
    if ((f->event_types & ~ALL_TYPES) || (f->statuses & ~ALL_STATUSES))
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "unknown event type or status");
    if (f->ncountries && (forms = evg_i_country_forms()) == NULL)
        return evg_i_error_nomem(err);
    for (size_t i = 0; i < f->ncountries; i++) {
        const char *name = f->countries[i] ? f->countries[i] : "";
        if ((rc = country_code(code, forms, name, &a, &b)) < 0) {
            rc = evg_i_error_nomem(err);
            goto cleanup;
        }
        if (rc == 0) {
            rc = evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                                 "unknown country '%.40s' (expected an ISO 3166 code "
                                 "such as FRA, or a name such as France)",
                                 name);
            goto cleanup;
        }
        rc = 0;
        if (codes)
            memcpy(codes[i], code, 4);
    }
cleanup:
    json_decref(forms);
    evg_i_buf_free(&a);
    evg_i_buf_free(&b);
    return rc;
}

int evg_filter_check(const evg_filter *f, evg_error *err)
{
    return f ? check(NULL, f, err) : 0;
}

int evg_i_filter_prepare(evg_i_builder *b, const evg_filter *f)
{
    int rc;

    b->filtering = 0;
    /* a filter that keeps every meeting is none: mentions stay as without one */
    if (f == NULL || (f->from == NULL && f->to == NULL && f->ncountries == 0 &&
                      (f->event_types == 0 || f->event_types == ALL_TYPES) &&
                      (f->statuses == 0 || f->statuses == ALL_STATUSES)))
        return check(NULL, f ? f : &(evg_filter){0}, b->err);
    if (f->ncountries &&
        (b->filter_cc = calloc(f->ncountries, sizeof(*b->filter_cc))) == NULL)
        return evg_i_error_nomem(b->err);
    if ((rc = check(b->filter_cc, f, b->err)) < 0)
        return rc;
    b->filtering = 1;
    b->filter_from = f->from;
    b->filter_to = f->to;
    b->filter_types = f->event_types ? f->event_types : ALL_TYPES;
    b->filter_statuses = f->statuses ? f->statuses : ALL_STATUSES;
    b->nfilter_cc = f->ncountries;
    return 0;
}

int evg_i_filter_describe(const char **out, evg_i_builder *b)
{
    static const evg_event_type types[] = {EVG_EV_MEETING, EVG_EV_CALL, EVG_EV_VISIT,
                                           EVG_EV_SIGNING};
    evg_i_buf t = EVG_I_BUF_INIT;
    const char *sep = "";
    int bad = 0;

    *out = NULL;
    if (!b->filtering)
        return 0;
    if (b->filter_from) {
        bad |= evg_i_buf_printf(&t, "from %s", b->filter_from) < 0;
        sep = "; ";
    }
    if (b->filter_to) {
        bad |= evg_i_buf_printf(&t, "%sto %s", sep, b->filter_to) < 0;
        sep = "; ";
    }
    for (size_t i = 0; i < b->nfilter_cc; i++) {
        bad |= evg_i_buf_printf(&t, "%s%s",
                                i        ? ", "
                                : sep[0] ? "; country "
                                         : "country ",
                                b->filter_cc[i]) < 0;
        sep = "; ";
    }
    if (b->filter_types != ALL_TYPES) {
        const char *s2 = sep[0] ? "; type " : "type ";
        for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
            if (b->filter_types & (1u << types[k])) {
                bad |=
                    evg_i_buf_printf(&t, "%s%s", s2, evg_event_type_name(types[k])) < 0;
                s2 = ", ";
            }
        sep = "; ";
    }
    if (b->filter_statuses != ALL_STATUSES)
        bad |= evg_i_buf_printf(
                   &t, "%sstatus %s", sep,
                   evg_event_status_name(b->filter_statuses == (1u << EVG_STATUS_PLANNED)
                                             ? EVG_STATUS_PLANNED
                                             : EVG_STATUS_REPORTED)) < 0;
    if (!bad && (*out = evg_i_arena_strdup(b->arena, t.ptr ? t.ptr : "")) == NULL)
        bad = 1;
    evg_i_buf_free(&t);
    return bad ? evg_i_error_nomem(b->err) : 0;
}

int evg_i_filter_keeps(const evg_i_builder *b, const evg_i_meeting *mt, const size_t *cc,
                       size_t ncc)
{
    if (!b->filtering)
        return 1;
    if (!(b->filter_types & (1u << mt->type)) ||
        !(b->filter_statuses & (1u << mt->status)))
        return 0;
    if ((b->filter_from || b->filter_to) && mt->date == NULL)
        return 0;
    if (b->filter_from && strcmp(mt->date, b->filter_from) < 0)
        return 0;
    if (b->filter_to && strncmp(mt->date, b->filter_to, strlen(b->filter_to)) > 0)
        return 0;
    for (size_t i = 0; i < b->nfilter_cc; i++) {
        size_t k = 0;
        while (k < ncc && strcmp(strchr(b->v[cc[k]].raw, ':') + 1, b->filter_cc[i]) != 0)
            k++;
        if (k == ncc)
            return 0;
    }
    return 1;
}
