/*
 * Names as people type them. Every form the graph knows of a person (its
 * label and aliases) or a country (its name and ISO code) is folded to
 * words (utf8proc: case and diacritics dropped; anything but letters and
 * digits separates words). A name then matches, in this order, the first
 * way that finds anything:
 *   1. an id ("person:zakir-hasanov", "country:AZE"), or a country's ISO code
 *      written in capitals ("AZE"); a country's forms are also the names,
 *      other names and adjectives of the data ("UK", "Britain", "USSR");
 *   2. a whole form ("selcuk bayraktaroglu" = "Selçuk Bayraktaroğlu");
 *   3. some of a form's words in order, a letter standing for a word it
 *      begins ("Hasanov", "Z. Hasanov", "Recep Erdogan"), with at least one
 *      whole word; also when the whole forms found only people who took
 *      part in no event.
 * When several people fit and only one of them took part in any event, the
 * name is taken to mean that one: the others are merely mentioned somewhere.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model/countries.h"
#include "query/query_internal.h"
#include "util/utf8.h"

int evg_i_q_fold_words(evg_i_buf *out, const char *s)
{
    evg_i_buf folded = EVG_I_BUF_INIT;
    int rc = 0, gap = 0;

    evg_i_buf_clear(out);
    if (evg_i_buf_putc(out, '\0') < 0 || evg_i_fold(&folded, s, strlen(s)) < 0) {
        rc = EVG_ENOMEM;
        goto cleanup;
    }
    evg_i_buf_clear(out);
    for (size_t i = 0; i < folded.len && rc == 0; i++) {
        unsigned char c = (unsigned char)folded.ptr[i];
        if (c < 0x80 && !isalnum(c)) { /* letters of other scripts stay in words */
            gap = out->len > 0;
            continue;
        }
        if (gap && evg_i_buf_putc(out, ' ') < 0)
            rc = EVG_ENOMEM;
        gap = 0;
        if (rc == 0 && evg_i_buf_putc(out, (char)c) < 0)
            rc = EVG_ENOMEM;
    }
cleanup:
    evg_i_buf_free(&folded);
    return rc;
}

static int add_form(evg_query *q, size_t v, const char *form, evg_i_buf *tmp)
{
    evg_i_qname *n;
    long first;

    if (evg_i_q_fold_words(tmp, form) < 0)
        return EVG_ENOMEM;
    if (tmp->len == 0)
        return 0;
    if (evg_i_grow((void **)&q->names, &q->capnames, q->nnames + 1, sizeof(*q->names)) <
        0)
        return EVG_ENOMEM;
    n = &q->names[q->nnames];
    if ((n->words = evg_i_arena_strndup(&q->arena, tmp->ptr, tmp->len)) == NULL)
        return EVG_ENOMEM;
    n->v = v;
    first = evg_i_strmap_get(&q->by_words, tmp->ptr, tmp->len);
    n->next = first;
    if (evg_i_strmap_put(&q->by_words, tmp->ptr, tmp->len, (long)q->nnames) < 0)
        return EVG_ENOMEM;
    q->nnames++;
    return 0;
}

/* Each "; "-separated part of `list` as a form of v. */
static int add_forms(evg_query *q, size_t v, const char *list, evg_i_buf *tmp)
{
    evg_i_buf part = EVG_I_BUF_INIT;
    int rc = 0;

    while (list && *list && rc == 0) {
        const char *end = strstr(list, "; ");
        size_t n = end ? (size_t)(end - list) : strlen(list);
        evg_i_buf_clear(&part);
        if (evg_i_buf_put(&part, list, n) < 0 || evg_i_buf_putc(&part, '\0') < 0)
            rc = EVG_ENOMEM;
        else
            rc = add_form(q, v, part.ptr, tmp);
        list = end ? end + 2 : NULL;
    }
    evg_i_buf_free(&part);
    return rc;
}

/*
 * A country's forms beyond its label and code: the names, other names and
 * adjectives the data gives ("UK", "Britain", "British"; "USSR", "Soviet
 * Union"), loaded on the first country vertex.
 */
static int add_country_forms(evg_query *q, size_t v, const char *code, json_t **forms,
                             evg_i_buf *tmp)
{
    json_t *f;
    size_t i;
    int rc = 0;

    if (*forms == NULL && (*forms = evg_i_country_forms()) == NULL)
        return EVG_ENOMEM;
    json_array_foreach(json_object_get(*forms, code), i, f) if (rc == 0) rc =
        add_form(q, v, json_string_value(f), tmp);
    return rc;
}

int evg_i_q_index_names(evg_query *q)
{
    evg_i_buf tmp = EVG_I_BUF_INIT;
    json_t *forms = NULL;
    int rc = 0;

    if ((q->place_words = calloc(evg_graph_vertex_count(q->g) + 1, sizeof(char *))) ==
        NULL)
        return EVG_ENOMEM;
    for (size_t v = 0; v < evg_graph_vertex_count(q->g) && rc == 0; v++) {
        const evg_i_vattr *a = evg_i_q_v(q, v);
        if (a->type == EVG_NODE_MEETING && a->place) {
            if (evg_i_q_fold_words(&tmp, a->place) < 0 ||
                (q->place_words[v] = evg_i_arena_strdup(&q->arena, tmp.ptr)) == NULL)
                rc = EVG_ENOMEM;
            continue;
        }
        if (a->type != EVG_NODE_PERSON && a->type != EVG_NODE_COUNTRY)
            continue;
        rc = add_form(q, v, a->label, &tmp);
        if (rc == 0 && a->type == EVG_NODE_PERSON)
            rc = add_forms(q, v, a->aliases, &tmp);
        if (rc == 0 && a->type == EVG_NODE_COUNTRY && strchr(a->id, ':')) {
            rc = add_form(q, v, strchr(a->id, ':') + 1, &tmp);
            if (rc == 0)
                rc = add_country_forms(q, v, strchr(a->id, ':') + 1, &forms, &tmp);
        }
    }
    json_decref(forms);
    evg_i_buf_free(&tmp);
    return rc;
}

/* Append v to the set out[0..*n) unless there; `cap` is large enough. */
static void add_vertex(size_t *out, size_t *n, size_t v)
{
    for (size_t i = 0; i < *n; i++)
        if (out[i] == v)
            return;
    out[(*n)++] = v;
}

/* The next word of `*s` (words separated by one space) in [*w, *w + *len). */
static int next_word(const char **s, const char **w, size_t *len)
{
    if (**s == '\0')
        return 0;
    *w = *s;
    *len = strcspn(*s, " ");
    *s += *len;
    if (**s == ' ')
        (*s)++;
    return 1;
}

/* Whether the query's words appear among the form's, in order (rule 3). */
static int words_in_order(const char *form, const char *query)
{
    const char *qw, *fw;
    size_t ql, fl;
    int whole = 0;

    if (!next_word(&query, &qw, &ql))
        return 0;
    while (next_word(&form, &fw, &fl)) {
        int same = ql == fl && memcmp(qw, fw, ql) == 0;
        int initial = ql == 1 && qw[0] == fw[0];
        if (!same && !initial)
            continue;
        whole |= same && ql > 1;
        if (!next_word(&query, &qw, &ql))
            return whole;
    }
    return 0;
}

static int allowed(const evg_query *q, size_t v, unsigned types)
{
    return (types >> evg_i_q_v(q, v)->type) & 1u;
}

/* Rule 1: an id, or a country's code in capitals. */
static int by_id(const evg_query *q, const char *name, unsigned types, size_t *v)
{
    char id[16];

    if (evg_graph_find_vertex(v, q->g, name) == 0 && allowed(q, *v, types))
        return 1;
    if (strlen(name) == 3 && isupper((unsigned char)name[0]) &&
        isupper((unsigned char)name[1]) && isupper((unsigned char)name[2])) {
        snprintf(id, sizeof id, "country:%s", name);
        return evg_graph_find_vertex(v, q->g, id) == 0 && allowed(q, *v, types);
    }
    return 0;
}

/* Whether one of out[0..n) took part in an event (a country always counts). */
static int any_active(const evg_query *q, const size_t *out, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (evg_i_q_v(q, out[i])->type != EVG_NODE_PERSON ||
            evg_i_q_v(q, out[i])->events > 0)
            return 1;
    return 0;
}

/* Of several people, the only one who took part in an event, if there is one. */
static void prefer_active(const evg_query *q, size_t *out, size_t *n)
{
    size_t active = SIZE_MAX, count = 0;

    for (size_t i = 0; i < *n; i++)
        if (evg_i_q_v(q, out[i])->events > 0) {
            active = out[i];
            count++;
        }
    if (count == 1 && *n > 1) {
        out[0] = active;
        *n = 1;
    }
}

int evg_i_q_match(size_t **out, size_t *n_out, const evg_query *q, const char *name,
                  unsigned types)
{
    evg_i_buf key = EVG_I_BUF_INIT;
    size_t *found = calloc(q->nnames + 2, sizeof(*found)), n = 0, v;
    int rc = 0;

    *out = NULL;
    *n_out = 0;
    if (found == NULL || evg_i_q_fold_words(&key, name) < 0) {
        rc = EVG_ENOMEM;
        goto cleanup;
    }
    if (by_id(q, name, types, &v)) {
        found[n++] = v;
    } else if (key.len > 0) {
        for (long i = evg_i_strmap_get(&q->by_words, key.ptr, key.len); i >= 0;
             i = q->names[i].next)
            if (allowed(q, q->names[i].v, types))
                add_vertex(found, &n, q->names[i].v);
        /* A whole form that names only people in no event ("Blair", mentioned
         * alone) does not hide the active ones of rule 3 ("Tony Blair"). */
        for (size_t i = 0, whole = any_active(q, found, n); whole == 0 && i < q->nnames;
             i++)
            if (allowed(q, q->names[i].v, types) &&
                words_in_order(q->names[i].words, key.ptr))
                add_vertex(found, &n, q->names[i].v);
        /* Each rule found vertices in the order of their forms: sort them. */
        for (size_t i = 1; i < n; i++)
            for (size_t j = i; j > 0 && found[j - 1] > found[j]; j--) {
                size_t t = found[j];
                found[j] = found[j - 1];
                found[j - 1] = t;
            }
        prefer_active(q, found, &n);
    }
    if (n > 0) {
        *out = found;
        *n_out = n;
        found = NULL;
    }
cleanup:
    free(found);
    evg_i_buf_free(&key);
    return rc;
}

size_t evg_i_q_distance(const char *a, size_t na, const char *b, size_t nb, size_t limit)
{
    size_t row[64], prev, best;

    if (na >= 64 || nb >= 64 || (na > nb ? na - nb : nb - na) > limit)
        return limit + 1;
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        prev = row[0];
        row[0] = i;
        best = row[0];
        for (size_t j = 1; j <= nb; j++) {
            size_t cur = row[j], sub = prev + (a[i - 1] != b[j - 1]);
            row[j] = row[j] + 1 < row[j - 1] + 1 ? row[j] + 1 : row[j - 1] + 1;
            if (sub < row[j])
                row[j] = sub;
            prev = cur;
            if (row[j] < best)
                best = row[j];
        }
        if (best > limit)
            return limit + 1;
    }
    return row[nb];
}

size_t evg_i_q_suggest(size_t *out, size_t max, const evg_query *q, const char *name,
                       unsigned types)
{
    evg_i_buf key = EVG_I_BUF_INIT;
    size_t n = 0, dist[8];

    if (max > 8)
        max = 8;
    if (evg_i_q_fold_words(&key, name) < 0 || key.len == 0) {
        evg_i_buf_free(&key);
        return 0;
    }
    /* a few letters apart: one for a short name, else one in four, two to three */
    size_t limit = key.len < 5       ? 1
                   : key.len / 4 < 2 ? 2
                   : key.len / 4 > 3 ? 3
                                     : key.len / 4;
    const char *klast = strrchr(key.ptr, ' ');
    klast = klast ? klast + 1 : key.ptr;
    for (size_t i = 0; i < q->nnames; i++) {
        const evg_i_qname *f = &q->names[i];
        if (!allowed(q, f->v, types))
            continue;
        const char *last = strrchr(f->words, ' ');
        last = last ? last + 1 : f->words;
        size_t d = evg_i_q_distance(key.ptr, key.len, f->words, strlen(f->words), limit);
        /* "Shulz": the surname of "George Shultz" */
        if (klast == key.ptr && last != f->words) {
            size_t dl = evg_i_q_distance(key.ptr, key.len, last, strlen(last), limit);
            d = dl < d ? dl : d;
        }
        if (d > limit)
            continue;
        size_t k = 0;
        while (k < n && out[k] != f->v)
            k++;
        if (k < n) { /* the vertex again, by another form: keep the nearer */
            if (d >= dist[k])
                continue;
            memmove(out + k, out + k + 1, (n - k - 1) * sizeof(*out));
            memmove(dist + k, dist + k + 1, (n - k - 1) * sizeof(*dist));
            n--;
        }
        /* nearest first, then the vertex that took part in more, then the lower index */
        for (k = 0; k < n; k++) {
            const evg_i_vattr *a = evg_i_q_v(q, out[k]), *b = evg_i_q_v(q, f->v);
            if (d < dist[k] ||
                (d == dist[k] &&
                 (b->events > a->events || (b->events == a->events && f->v < out[k]))))
                break;
        }
        if (k >= max)
            continue;
        if (n == max)
            n--;
        memmove(out + k + 1, out + k, (n - k) * sizeof(*out));
        memmove(dist + k + 1, dist + k, (n - k) * sizeof(*dist));
        out[k] = f->v;
        dist[k] = d;
        n++;
    }
    evg_i_buf_free(&key);
    return n;
}
