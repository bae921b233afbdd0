/*
 * Mentions -> entity vertices. Every mention counts its name form, country,
 * organization, kind and titles into its vertex; once all are counted, the
 * winners are chosen (tally.c), and the represents and member_of edges drawn
 * from a person or an organization to the country and organization chosen
 * for it, weighted by the documents that say so.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"
#include "util/date.h"
#include "util/utf8.h"

static int nomem(evg_i_builder *b)
{
    return evg_i_error_nomem(b->err);
}

int evg_i_vertex_get(size_t *out, evg_i_builder *b, const char *raw, evg_node_type type)
{
    long found = evg_i_strmap_get(&b->map, raw, strlen(raw));
    evg_i_bvertex *v;

    if (found >= 0) {
        *out = (size_t)found;
        return 0;
    }
    if (evg_i_grow((void **)&b->v, &b->capv, b->nv + 1, sizeof(*b->v)) < 0)
        return nomem(b);
    v = &b->v[b->nv];
    memset(v, 0, sizeof(*v));
    v->org = v->meeting = v->country_v = SIZE_MAX;
    v->type = type;
    if ((v->raw = evg_i_arena_strdup(b->arena, raw)) == NULL ||
        evg_i_strmap_put(&b->map, raw, strlen(raw), (long)b->nv) < 0)
        return nomem(b);
    *out = b->nv++;
    return 0;
}

int evg_i_note(evg_i_builder *b, size_t i, size_t doc)
{
    size_t(*n)[2];

    if (b->nnotes && b->notes[b->nnotes - 1][0] == i && b->notes[b->nnotes - 1][1] == doc)
        return 0; /* the common repeat */
    if (evg_i_grow((void **)&b->notes, &b->capnotes, b->nnotes + 1, sizeof(*b->notes)) <
        0)
        return nomem(b);
    n = &b->notes[b->nnotes++];
    (*n)[0] = i;
    (*n)[1] = doc;
    return 0;
}

/*
 * The notes bucketed by vertex (a counting sort, linear where a comparison
 * sort of millions of pairs was not), then each vertex's distinct documents
 * counted with a stamp per document.
 */
int evg_i_count_sources(evg_i_builder *b)
{
    size_t *start = calloc(b->nv + 1, sizeof(*start));
    size_t *docs = calloc(b->nnotes + 1, sizeof(*docs));
    size_t *stamp = calloc(b->ndocs + 1, sizeof(*stamp));
    int rc = 0;

    if (start == NULL || docs == NULL || stamp == NULL) {
        rc = nomem(b);
        goto cleanup;
    }
    for (size_t i = 0; i < b->nnotes; i++)
        start[b->notes[i][0] + 1]++;
    for (size_t v = 0; v < b->nv; v++)
        start[v + 1] += start[v];
    for (size_t i = 0; i < b->nnotes; i++) /* start[v] becomes the end of v's run */
        docs[start[b->notes[i][0]]++] = b->notes[i][1];
    for (size_t v = 0, at = 0; v < b->nv; at = start[v++])
        for (size_t k = at; k < start[v]; k++)
            if (stamp[docs[k]] != v + 1) {
                stamp[docs[k]] = v + 1;
                b->v[v].sources++;
            }
cleanup:
    free(start);
    free(docs);
    free(stamp);
    return rc;
}

void evg_i_widen(const char **first, const char **last, const char *date)
{
    if (date == NULL)
        return;
    if (*first == NULL || strcmp(date, *first) < 0)
        *first = date;
    if (*last == NULL || strcmp(date, *last) > 0)
        *last = date;
}

int evg_i_add_edge(evg_i_builder *b, size_t from, size_t to, evg_i_relation rel, int role,
                   double w, const char *date)
{
    evg_i_eattr *e;

    if (evg_i_grow((void **)&b->e, &b->cape, b->ne + 1, sizeof(*b->e)) < 0)
        return nomem(b);
    e = &b->e[b->ne++];
    memset(e, 0, sizeof(*e));
    e->from = from;
    e->to = to;
    e->rel = rel;
    e->role = role;
    e->weight = w;
    e->first_date = e->last_date = date;
    return 0;
}

/* Whether a sighting (date, doc, pos) comes before the title's first one. */
static int earlier(const evg_i_title *t, const char *date, size_t doc, size_t pos)
{
    int c;

    if (t->n == 0 || (date && !t->first))
        return 1;
    if (!date && t->first)
        return 0;
    c = date ? strcmp(date, t->first) : 0;
    return c < 0 ||
           (c == 0 && (doc < t->seen_doc || (doc == t->seen_doc && pos < t->seen_pos)));
}

/* The folded form of `title` (arena), computed once per distinct title. */
static int folded_title(const char **out, evg_i_builder *b, const char *title)
{
    size_t len = strlen(title);
    const evg_i_memo_val *seen = evg_i_memo_get(&b->folded, title, len);
    evg_i_memo_val val = {NULL, NULL};

    if (seen) {
        *out = seen->a;
        return 0;
    }
    evg_i_buf_clear(&b->tmp);
    if (evg_i_fold(&b->tmp, title, len) < 0 || evg_i_buf_put(&b->tmp, "", 0) < 0 ||
        (val.a = evg_i_arena_strdup(b->arena, b->tmp.ptr)) == NULL ||
        evg_i_memo_put(&b->folded, title, len, val) < 0)
        return nomem(b);
    *out = val.a;
    return 0;
}

/*
 * Count `title` for person `v`, seen at position `pos` of document `doc`
 * dated `date` (or NULL).
 */
static int add_title(evg_i_builder *b, evg_i_bvertex *v, const char *title,
                     const char *date, size_t doc, size_t pos)
{
    const char *key = NULL;
    evg_i_title *t = NULL;
    int rc = 0;

    if (title == NULL || title[0] == '\0')
        return 0;
    EVG_CHECK(folded_title(&key, b, title));
    for (size_t k = 0; k < v->ntitles && t == NULL; k++)
        if (v->titles[k].key == key || strcmp(v->titles[k].key, key) == 0)
            t = &v->titles[k];
    if (t == NULL) {
        if (evg_i_grow((void **)&v->titles, &v->cap_titles, v->ntitles + 1,
                       sizeof(*v->titles)) < 0)
            return nomem(b);
        t = &v->titles[v->ntitles++];
        memset(t, 0, sizeof(*t));
        t->key = key;
    }
    if (evg_i_tally_add(&t->forms, title, 1) < 0)
        return nomem(b);
    if (earlier(t, date, doc, pos)) {
        t->seen_doc = doc;
        t->seen_pos = pos;
    }
    evg_i_widen(&t->first, &t->last, date);
    t->n++;
cleanup:
    return rc;
}

static const evg_node_type NODE_OF_ENTITY[] = {
    [EVG_ENT_PERSON] = EVG_NODE_PERSON,   [EVG_ENT_ORGANIZATION] = EVG_NODE_ORGANIZATION,
    [EVG_ENT_COUNTRY] = EVG_NODE_COUNTRY, [EVG_ENT_AGREEMENT] = EVG_NODE_AGREEMENT,
    [EVG_ENT_PLACE] = EVG_NODE_PLACE,
};

/* The key of the organization a person's `org` id names in document `doc`. */
static int org_key(const char **out, evg_i_builder *b, size_t doc, const char *id)
{
    size_t m = evg_i_mention_of(b, doc, id);

    if (m != SIZE_MAX && b->m[m].type == EVG_ENT_ORGANIZATION) {
        *out = b->m[m].key;
        return 0;
    }
    return evg_i_org_key(out, b, NULL, id); /* not defined there: its id alone */
}

/*
 * Mentions of one entity mostly share one key string (resolve.c, people.c):
 * a small cache by the key's address spares most lookups by its text. A hit
 * is exact, since the builder's key strings are never changed or freed.
 */
#define KEY_CACHE 65536

typedef struct {
    const char *key;
    size_t v;
} key_slot;

static int mention_vertex(evg_i_builder *b, key_slot *cache, evg_i_mention *m)
{
    uint64_t h = (uint64_t)(uintptr_t)m->key * 0x9E3779B97F4A7C15ULL;
    key_slot *s = &cache[h >> 48]; /* the top 16 bits: KEY_CACHE slots */
    int rc = 0;

    if (s->key == m->key) {
        m->v = s->v;
        return 0;
    }
    EVG_CHECK(evg_i_vertex_get(&m->v, b, m->key, NODE_OF_ENTITY[m->e->type]));
    s->key = m->key;
    s->v = m->v;
cleanup:
    return rc;
}

/* Count what mention `i` says into its vertex. */
static int take_mention(evg_i_builder *b, key_slot *cache, size_t i)
{
    evg_i_mention *m = &b->m[i];
    const evg_entity *e = m->e;
    const char *date = evg_doc_date(b->docs[m->doc]), *org = NULL;
    const char *name = e->name; /* a place's: its label, with its city */
    evg_i_bvertex *v;
    int rc = 0;

    EVG_CHECK(mention_vertex(b, cache, m));
    v = &b->v[m->v];
    EVG_CHECK(evg_i_note(b, m->v, m->doc));
    if (e->type == EVG_ENT_PLACE) {
        EVG_CHECK(evg_i_builder_place_label(&name, b, e->name, e->city));
        if (evg_i_tally_add(&v->cities, e->city, 1) < 0)
            return nomem(b);
    }
    if (evg_i_tally_add(m->is_short ? &v->short_names : &v->names, name, 1) < 0 ||
        evg_i_tally_add(m->is_short ? &v->short_ids : &v->ids, e->id, 1) < 0 ||
        evg_i_tally_add(&v->countries, e->type == EVG_ENT_COUNTRY ? NULL : e->country,
                        1) < 0 ||
        evg_i_tally_add(&v->kinds, e->type == EVG_ENT_AGREEMENT ? e->kind : NULL, 1) < 0)
        return nomem(b);
    if (m->canonical && (v->canonical == NULL || strcmp(m->canonical, v->canonical) < 0))
        v->canonical = m->canonical;
    if (e->type != EVG_ENT_PERSON)
        return 0;
    if (e->org && e->org[0]) {
        EVG_CHECK(org_key(&org, b, m->doc, e->org));
        if (evg_i_tally_add(&v->orgs, org, 1) < 0)
            return nomem(b);
    }
    if (date && !evg_i_date_valid(date, strlen(date)))
        date = NULL;
    for (size_t k = 0; k < e->ntitles; k++)
        EVG_CHECK(add_title(b, v, e->titles[k], date, m->doc, k));
cleanup:
    return rc;
}

/* "<prefix><slug of name>" in the arena. */
static int slug_id(const char **out, evg_i_builder *b, const char *prefix,
                   const char *name)
{
    evg_i_buf buf = EVG_I_BUF_INIT;
    int rc = 0;

    if (evg_i_buf_puts(&buf, prefix) < 0 || evg_i_slug(&buf, name, strlen(name)) < 0 ||
        (*out = evg_i_arena_strdup(b->arena, buf.ptr)) == NULL)
        rc = nomem(b);
    evg_i_buf_free(&buf);
    return rc;
}

/*
 * The vertex's preferred id: an alias's "<type>:<canonical slug>", else the
 * most frequent entity id of its full-name mentions, else of its short ones
 * (surnames alone, acronyms), else its key.
 */
static int choose_id(evg_i_builder *b, evg_i_bvertex *v)
{
    const char *best = evg_i_tally_best(&v->ids, EVG_I_RANK_CODE);
    static const char *const PREFIX[EVG_NODE__COUNT] = {[EVG_NODE_PERSON] = "person:",
                                                        [EVG_NODE_ORGANIZATION] = "org:",
                                                        [EVG_NODE_AGREEMENT] =
                                                            "agreement:",
                                                        [EVG_NODE_PLACE] = "place:"};

    if (v->canonical && PREFIX[v->type])
        return slug_id(&v->idbase, b, PREFIX[v->type], v->canonical);
    if (best == NULL)
        best = evg_i_tally_best(&v->short_ids, EVG_I_RANK_CODE);
    if (best)
        return (v->idbase = evg_i_arena_strdup(b->arena, best)) ? 0 : nomem(b);
    return 0;
}

/* A `rel` edge from `from` to the vertex `key` (created if needed), weight `w`. */
static int link(evg_i_builder *b, size_t from, const char *key, evg_node_type type,
                evg_i_relation rel, size_t w, size_t *to_out)
{
    int rc = 0;

    EVG_CHECK(evg_i_vertex_get(to_out, b, key, type));
    EVG_CHECK(evg_i_add_edge(b, from, *to_out, rel, -1, (double)w, NULL));
cleanup:
    return rc;
}

/* The winners of vertex `i`, and its represents and member_of edges. */
static int choose(evg_i_builder *b, size_t i)
{
    evg_i_bvertex *v = &b->v[i];
    evg_i_buf key = EVG_I_BUF_INIT;
    const char *org = evg_i_tally_best(&v->orgs, EVG_I_RANK_CODE);
    size_t to;
    int rc = 0;

    EVG_CHECK(choose_id(b, v));
    v->country = evg_i_tally_best(&b->v[i].countries, EVG_I_RANK_CODE);
    v->kind = evg_i_tally_best(&b->v[i].kinds, EVG_I_RANK_CODE);
    v->city = evg_i_tally_best(&b->v[i].cities, EVG_I_RANK_NAME);
    if (v->country && v->type != EVG_NODE_PLACE) {
        size_t w = evg_i_tally_get(&v->countries, v->country);
        if (evg_i_buf_puts(&key, "country:") < 0 ||
            evg_i_buf_puts(&key, v->country) < 0) {
            rc = nomem(b);
            goto cleanup;
        }
        EVG_CHECK(link(b, i, key.ptr, EVG_NODE_COUNTRY, EVG_I_REL_REPRESENTS, w, &to));
        b->v[to].people += b->v[i].type == EVG_NODE_PERSON;
        b->v[i].country_v = to;
    }
    if (org) {
        EVG_CHECK(link(b, i, org, EVG_NODE_ORGANIZATION, EVG_I_REL_MEMBER_OF,
                       evg_i_tally_get(&b->v[i].orgs, org), &to));
        b->v[i].org = to;
        b->v[to].people++;
    }
cleanup:
    evg_i_buf_free(&key);
    return rc;
}

long evg_i_country_vertex(evg_i_builder *b, const char *cc)
{
    evg_i_buf_clear(&b->tmp);
    if (evg_i_buf_puts(&b->tmp, "country:") < 0 || evg_i_buf_puts(&b->tmp, cc) < 0)
        return EVG_ENOMEM;
    return evg_i_strmap_get(&b->map, b->tmp.ptr, b->tmp.len);
}

#define NO_VERTEX LONG_MAX

/*
 * A country is named also by the documents that give it as somebody's
 * country. Each code's vertex is looked up once (NO_VERTEX: none): a few
 * hundred codes, given by millions of mentions.
 */
static int country_notes(evg_i_builder *b)
{
    evg_i_strmap vertex_of = EVG_I_STRMAP_INIT;
    int rc = 0;

    for (size_t i = 0; i < b->nm && rc == 0; i++) {
        /* a place lies in a country; it names nobody's */
        const char *cc = b->m[i].type == EVG_ENT_COUNTRY || b->m[i].type == EVG_ENT_PLACE
                             ? NULL
                             : b->m[i].e->country;
        long c;
        if (cc == NULL || cc[0] == '\0')
            continue;
        if ((c = evg_i_strmap_get(&vertex_of, cc, strlen(cc))) < 0) {
            if ((c = evg_i_country_vertex(b, cc)) == EVG_ENOMEM ||
                evg_i_strmap_put(&vertex_of, cc, strlen(cc), c < 0 ? NO_VERTEX : c) < 0) {
                rc = nomem(b);
                break;
            }
            c = c < 0 ? NO_VERTEX : c;
        }
        if (c != NO_VERTEX)
            rc = evg_i_note(b, (size_t)c, b->m[i].doc);
    }
    evg_i_strmap_free(&vertex_of);
    return rc;
}

int evg_i_take_entities(evg_i_builder *b)
{
    key_slot *cache = calloc(KEY_CACHE, sizeof(*cache));
    size_t n;
    int rc = 0;

    if (cache == NULL)
        return nomem(b);
    for (size_t i = 0; i < b->nm; i++)
        EVG_CHECK(take_mention(b, cache, i));
    /* choose() may add organizations and countries no document defines: they come last.
     */
    n = b->nv;
    for (size_t i = 0; i < n; i++)
        EVG_CHECK(choose(b, i));
    for (size_t i = n; i < b->nv; i++)
        EVG_CHECK(choose_id(b, &b->v[i]));
    EVG_CHECK(country_notes(b));
    for (size_t i = 0; i < b->nv; i++) {
        b->stats.people += b->v[i].type == EVG_NODE_PERSON;
        b->stats.agreements += b->v[i].type == EVG_NODE_AGREEMENT;
    }
cleanup:
    free(cache);
    return rc;
}
