/*
 * The edges of a merged meeting, and what they count into their ends:
 * participated_in (person -> meeting), references and signed (meeting ->
 * agreement), signatory (person -> agreement signed there), held_at
 * (meeting -> place), and for the people and countries views met (person --
 * person, country -- country) once per in-person meeting.
 */
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"

static int nomem(evg_i_builder *b)
{
    return evg_i_error_nomem(b->err);
}

/*
 * Vertex `v` took part in meeting `mt`: its first and last dates widened,
 * and the date noted for its spells (finalize.c). 0 or EVG_ENOMEM.
 */
static int took_part(evg_i_builder *b, size_t v, const evg_i_meeting *mt)
{
    evg_i_widen(&b->v[v].first, &b->v[v].last, mt->date);
    if (mt->date == NULL)
        return 0; /* an undated meeting gives no spell */
    if (evg_i_grow((void **)&b->took, &b->captook, b->ntook + 1, sizeof(*b->took)) < 0)
        return nomem(b);
    b->took[b->ntook].v = v;
    b->took[b->ntook++].date = mt->date;
    return 0;
}

/* In person and reported: what makes a meeting in the people and countries views. */
static int in_person(const evg_i_meeting *mt)
{
    return mt->status == EVG_STATUS_REPORTED && evg_event_type_in_person(mt->type);
}

/* The agreements of a meeting: each once, signed if any report says so. */
typedef struct {
    size_t v;
    int signed_;
    size_t said;
} agr_ref;

static int by_ref(const void *a, const void *b)
{
    const agr_ref *x = a, *y = b;
    return (x->v > y->v) - (x->v < y->v);
}

static int meeting_agreements(agr_ref **out, size_t *n_out, evg_i_builder *b,
                              const evg_i_meeting *mt)
{
    agr_ref *a = NULL;
    size_t n = 0, total = 0, k = 0;

    *out = NULL;
    *n_out = 0;
    for (size_t i = 0; i < mt->nreports; i++)
        total += b->r[mt->reports[i]].ev->nagreements;
    if (total == 0)
        return 0;
    if ((a = calloc(total, sizeof(*a))) == NULL)
        return nomem(b);
    for (size_t i = 0; i < mt->nreports; i++) {
        const evg_i_report *r = &b->r[mt->reports[i]];
        for (size_t j = 0; j < r->ev->nagreements; j++) {
            size_t m = evg_i_mention_of(b, r->doc, r->ev->agreements[j].entity);
            if (m == SIZE_MAX || b->m[m].v == SIZE_MAX)
                continue;
            a[n].v = b->m[m].v;
            a[n].signed_ = r->ev->agreements[j].relation == EVG_REL_SIGNED;
            a[n++].said = 1;
        }
    }
    if (n)
        qsort(a, n, sizeof(*a), by_ref);
    for (size_t i = 0; i < n; i++) { /* fold duplicates into the first of each run */
        if (k > 0 && a[k - 1].v == a[i].v) {
            a[k - 1].signed_ |= a[i].signed_;
            a[k - 1].said++;
        } else {
            a[k++] = a[i];
        }
    }
    *out = a;
    *n_out = k;
    return 0;
}

static int agreement_links(evg_i_builder *b, const evg_i_meeting *mt)
{
    agr_ref *a = NULL;
    size_t n = 0;
    int rc = 0;

    EVG_CHECK(meeting_agreements(&a, &n, b, mt));
    for (size_t i = 0; i < n; i++) {
        evg_i_bvertex *ag = &b->v[a[i].v];
        EVG_CHECK(evg_i_add_edge(b, mt->v, a[i].v,
                                 a[i].signed_ ? EVG_I_REL_SIGNED : EVG_I_REL_REFERENCES,
                                 -1, (double)a[i].said, mt->date));
        EVG_CHECK(took_part(b, a[i].v, mt));
        if (!a[i].signed_) {
            ag->referenced_count++;
            continue;
        }
        ag->signed_count++;
        for (size_t p = 0; p < mt->npeople; p++) {
            if (b->v[mt->people[p]].type != EVG_NODE_PERSON)
                continue;
            EVG_CHECK(evg_i_add_edge(b, mt->people[p], a[i].v, EVG_I_REL_SIGNATORY, -1,
                                     1.0, mt->date));
            ag = &b->v[a[i].v];
            if (evg_i_grow((void **)&ag->signers, &ag->cap_signers, ag->nsigners + 1,
                           sizeof(*ag->signers)) < 0) {
                rc = nomem(b);
                goto cleanup;
            }
            ag->signers[ag->nsigners++] = mt->people[p];
        }
    }
cleanup:
    free(a);
    return rc;
}

/* held_at the chosen place; the place is named by the reports that give it. */
static int place_link(evg_i_builder *b, const evg_i_meeting *mt)
{
    const char *key = NULL, *other = NULL;
    size_t pl;
    int rc = 0;

    if (mt->place == NULL)
        return 0;
    EVG_CHECK(evg_i_place_key(&key, b, mt->place));
    if (strcmp(key, "place:") == 0)
        return 0; /* no letter or digit in it */
    EVG_CHECK(evg_i_vertex_get(&pl, b, key, EVG_NODE_PLACE));
    EVG_CHECK(evg_i_tally_add(&b->v[pl].names, mt->place, 1) < 0 ? nomem(b) : 0);
    /* a place no record gives a country: the country its meetings' places are in
     * (records of earlier versions, or written by other tools) */
    if (b->v[pl].country == NULL &&
        evg_i_tally_add(&b->v[pl].countries, mt->place_cc, 1) < 0)
        return nomem(b);
    EVG_CHECK(took_part(b, pl, mt));
    EVG_CHECK(evg_i_add_edge(b, mt->v, pl, EVG_I_REL_HELD_AT, -1, 1.0, mt->date));
    for (size_t k = 0; k < mt->nreports; k++) {
        const evg_i_report *r = &b->r[mt->reports[k]];
        if (r->place == NULL)
            continue;
        other = key; /* mostly the very name chosen: no need to slug it again */
        if (strcmp(r->place, mt->place) != 0)
            EVG_CHECK(evg_i_place_key(&other, b, r->place));
        if (other == key || strcmp(other, key) == 0)
            EVG_CHECK(evg_i_note(b, pl, r->doc));
    }
cleanup:
    return rc;
}

/*
 * The countries of the meeting's people (chosen country vertices) and the
 * countries that took part as parties, ascending, each once.
 */
static size_t meeting_countries(size_t *out, evg_i_builder *b, const evg_i_meeting *mt)
{
    size_t n = 0;

    for (size_t p = 0; p < mt->npeople; p++) {
        const evg_i_bvertex *v = &b->v[mt->people[p]];
        size_t at,
            c = v->country_v; /* linked by choose() to every person with a country */
        if (v->type == EVG_NODE_COUNTRY)
            c = mt->people[p];
        else if (v->type != EVG_NODE_PERSON || v->country == NULL || c == SIZE_MAX)
            continue;
        for (at = 0; at < n && out[at] < c; at++)
            ;
        if (at < n && out[at] == c)
            continue;
        memmove(out + at + 1, out + at, (n - at) * sizeof(*out));
        out[at] = c;
        n++;
    }
    return n;
}

/*
 * Whether the people of an in-person meeting are joined pairwise by "met":
 * not when they are more than the builder's limit, a conference rather than
 * talks, whose clique would swamp the people view (and its file). The
 * people view then warns, naming the meeting's first document and event.
 */
static int people_met(evg_i_builder *b, const evg_i_meeting *mt)
{
    const evg_i_report *r = &b->r[mt->reports[0]];
    const evg_doc *d = b->docs[r->doc];
    size_t n = 0;
    evg_error e;

    for (size_t p = 0; p < mt->npeople; p++)
        n += b->v[mt->people[p]].type == EVG_NODE_PERSON;
    if (n <= b->max_people)
        return 1;
    if (b->view == EVG_VIEW_PEOPLE && b->on_diag) {
        memset(&e, 0, sizeof e);
        evg_i_error_set(
            &e, EVG_EINVAL, evg_doc_path(d) ? evg_doc_path(d) : evg_doc_id(d), 0, 0,
            "meeting %s has %zu people, more than the %zu the people view joins "
            "pairwise: it joins none of them (the full and bipartite views keep "
            "them all)",
            r->ev->id ? r->ev->id : evg_doc_id(d), n, b->max_people);
        evg_i_diag(b->on_diag, b->diag_payload, EVG_SEV_WARNING, &e);
    }
    return 0;
}

/* participated_in, and what each person's and country's counts gain. */
static int people_links(evg_i_builder *b, const evg_i_meeting *mt, size_t *cc, size_t ncc)
{
    int met = in_person(mt), rc = 0, fail = 0;
    int pairs = met && people_met(b, mt);

    for (size_t p = 0; p < mt->npeople; p++) {
        evg_i_bvertex *v = &b->v[mt->people[p]];
        EVG_CHECK(evg_i_add_edge(b, mt->people[p], mt->v, EVG_I_REL_PARTICIPATED_IN,
                                 mt->roles[p], (double)mt->said[p], mt->date));
        b->e[b->ne - 1].cameo = evg_i_participant_cameo(b, mt, p);
        if (v->type != EVG_NODE_PERSON)
            continue;
        b->e[b->ne - 1].title = evg_i_title_at(b, v, mt->date, &fail);
        if (fail)
            return nomem(b);
        b->v[mt->v].people++;
        v->events++;
        v->meetings += (size_t)met;
        EVG_CHECK(took_part(b, mt->people[p], mt));
        for (size_t q = p + 1; pairs && q < mt->npeople; q++)
            if (b->v[mt->people[q]].type == EVG_NODE_PERSON)
                EVG_CHECK(evg_i_add_edge(b, mt->people[p], mt->people[q], EVG_I_REL_MET,
                                         -1, 1.0, mt->date));
    }
    for (size_t i = 0; i < ncc; i++) {
        evg_i_bvertex *c = &b->v[cc[i]];
        c->events++;
        c->meetings += (size_t)met;
        EVG_CHECK(took_part(b, cc[i], mt));
        for (size_t j = i + 1; met && j < ncc; j++)
            EVG_CHECK(evg_i_add_edge(b, cc[i], cc[j], EVG_I_REL_MET, -1, 1.0, mt->date));
    }
cleanup:
    return rc;
}

int evg_i_meeting_kept(evg_i_builder *b, size_t m)
{
    const evg_i_meeting *mt = &b->mt[m];
    size_t *cc = NULL, ncc;
    int kept;

    if (!b->filtering)
        return 1;
    if (mt->npeople && (cc = calloc(mt->npeople, sizeof(*cc))) == NULL)
        return nomem(b);
    ncc = meeting_countries(cc, b, mt);
    kept = evg_i_filter_keeps(b, mt, cc, ncc);
    free(cc);
    return kept;
}

int evg_i_meeting_links(evg_i_builder *b, size_t m)
{
    evg_i_meeting *mt = &b->mt[m];
    size_t *cc = NULL, ncc;
    int rc = 0;

    evg_i_widen(&b->v[mt->v].first, &b->v[mt->v].last, mt->first);
    evg_i_widen(&b->v[mt->v].first, &b->v[mt->v].last, mt->last);
    if (mt->npeople && (cc = calloc(mt->npeople, sizeof(*cc))) == NULL)
        return nomem(b);
    ncc = meeting_countries(cc, b, mt);
    EVG_CHECK(people_links(b, mt, cc, ncc));
    EVG_CHECK(agreement_links(b, mt));
    EVG_CHECK(place_link(b, mt));
cleanup:
    free(cc);
    return rc;
}

/* Join `n` strings with `sep` into the arena (by way of b->text); NULL when n == 0. */
static int join(const char **out, evg_i_builder *b, const char *const *s, size_t n,
                const char *sep)
{
    evg_i_buf *buf = &b->text;
    int rc = 0;

    *out = NULL;
    evg_i_buf_clear(buf);
    for (size_t i = 0; i < n && rc == 0; i++)
        if ((i && evg_i_buf_puts(buf, sep) < 0) || evg_i_buf_puts(buf, s[i]) < 0)
            rc = EVG_ENOMEM;
    if (rc == 0 && n && (*out = evg_i_arena_strdup(b->arena, buf->ptr)) == NULL)
        rc = EVG_ENOMEM;
    return rc;
}

/*
 * Every distinct sentence, in document order; when several documents report
 * the meeting, each sentence is led by its document's id: "[doc] sentence".
 */
static int evidence(const char **out, evg_i_builder *b, const evg_i_meeting *mt)
{
    evg_i_buf *buf = &b->text;
    int several = b->r[mt->reports[0]].doc != b->r[mt->reports[mt->nreports - 1]].doc;
    int rc = 0;

    *out = NULL;
    evg_i_buf_clear(buf);
    for (size_t k = 0; k < mt->nreports && rc == 0; k++) {
        const evg_i_report *r = &b->r[mt->reports[k]];
        const char *doc = evg_doc_id(b->docs[r->doc]);
        for (size_t i = 0; i < r->ev->nevidence && rc == 0; i++) {
            const char *text = r->ev->evidence[i].text;
            int dup = text == NULL || text[0] == '\0';
            for (size_t j = 0; j < i && !dup; j++)
                dup = strcmp(text, r->ev->evidence[j].text) == 0;
            if (!dup && ((buf->len && evg_i_buf_putc(buf, ' ') < 0) ||
                         (several &&
                          (evg_i_buf_putc(buf, '[') < 0 || evg_i_buf_puts(buf, doc) < 0 ||
                           evg_i_buf_puts(buf, "] ") < 0)) ||
                         evg_i_buf_puts(buf, text) < 0))
                rc = EVG_ENOMEM;
        }
    }
    if (rc == 0 && buf->len && (*out = evg_i_arena_strdup(b->arena, buf->ptr)) == NULL)
        rc = EVG_ENOMEM;
    return rc;
}

int evg_i_meeting_origins(evg_i_builder *b, const evg_i_meeting *mt,
                          const char **outlets_out, const char **urls_out)
{
    const char **s = calloc(mt->nreports + 1, sizeof(*s));
    int rc = 0;

    *outlets_out = *urls_out = NULL;
    if (s == NULL)
        return nomem(b);
    for (int pass = 0; pass < 2 && rc == 0; pass++) {
        size_t n = 0;
        for (size_t k = 0; k < mt->nreports; k++) {
            const evg_doc *d = b->docs[b->r[mt->reports[k]].doc];
            const char *v = pass == 0 ? evg_doc_source(d) : evg_doc_url(d);
            size_t j = 0;
            while (v && j < n && strcmp(s[j], v) != 0)
                j++;
            if (v && j == n)
                s[n++] = v;
        }
        rc = join(pass == 0 ? outlets_out : urls_out, b, s, n, "; ");
    }
    free(s);
    return rc == EVG_ENOMEM ? nomem(b) : rc;
}

int evg_i_meeting_texts(evg_i_builder *b, const evg_i_meeting *mt, const char **docs_out,
                        const char **evidence_out, const char **countries_out)
{
    const char **s = calloc(mt->nreports + mt->npeople + 1, sizeof(*s));
    size_t *cc = calloc(mt->npeople + 1, sizeof(*cc)), n = 0, ncc;
    int rc = 0;

    if (s == NULL || cc == NULL) {
        rc = EVG_ENOMEM;
        goto cleanup;
    }
    for (size_t k = 0; k < mt->nreports; k++) { /* reports are in document order */
        const char *doc = evg_doc_id(b->docs[b->r[mt->reports[k]].doc]);
        if (n == 0 || strcmp(s[n - 1], doc) != 0)
            s[n++] = doc;
    }
    EVG_CHECK(join(docs_out, b, s, n, "; "));
    EVG_CHECK(evidence(evidence_out, b, mt));
    ncc = meeting_countries(cc, b, mt); /* vertex order is not code order: sort codes */
    for (size_t i = 0; i < ncc; i++)
        s[i] = strchr(b->v[cc[i]].raw, ':') + 1;
    for (size_t i = 1; i < ncc; i++)
        for (size_t j = i; j > 0 && strcmp(s[j - 1], s[j]) > 0; j--) {
            const char *t = s[j];
            s[j] = s[j - 1];
            s[j - 1] = t;
        }
    EVG_CHECK(join(countries_out, b, s, ncc, "; "));
cleanup:
    free(s);
    free(cc);
    return rc == EVG_ENOMEM ? nomem(b) : rc;
}
