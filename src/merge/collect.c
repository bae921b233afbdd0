/*
 * Corpus -> builder: the documents in id order, each id once, and one
 * mention per entity of each. A document id read twice (two extraction runs,
 * overlapping shards) counts once; when the two records differ, the one
 * whose JSON sorts first is kept, so the choice depends on the records and
 * not on which file came first.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"

typedef struct {
    const evg_doc *d;
    const char *id; /* evg_doc_id(d), looked up once rather than in every comparison */
    char *json;     /* the record as JSON, for duplicates only; NULL otherwise */
} doc_slot;

static int by_doc_id(const void *a, const void *b)
{
    const doc_slot *x = a, *y = b;
    int c = strcmp(x->id, y->id);

    if (c == 0 && x->json && y->json)
        c = strcmp(x->json, y->json);
    return c;
}

/* Serialize every record whose id another record shares; sets *any when there was one. */
static int serialize_duplicates(int *any, doc_slot *s, size_t n)
{
    *any = 0;
    for (size_t i = 0; i < n; i++) {
        int dup = (i > 0 && strcmp(s[i].id, s[i - 1].id) == 0) ||
                  (i + 1 < n && strcmp(s[i].id, s[i + 1].id) == 0);
        /* A record that cannot be serialized (invalid UTF-8) sorts last. */
        if (dup && evg_doc_to_json(&s[i].json, NULL, s[i].d, NULL) == EVG_ENOMEM)
            return EVG_ENOMEM;
        if (dup && s[i].json == NULL && (s[i].json = strdup("\xFF")) == NULL)
            return EVG_ENOMEM;
        *any |= dup;
    }
    return 0;
}

/* b->docs: one record per id, sorted; stats counted. */
static int choose_docs(evg_i_builder *b, const evg_corpus *c)
{
    size_t n = evg_corpus_doc_count(c);
    doc_slot *s = NULL;
    int rc = 0, dups = 0;

    if (n && ((s = calloc(n, sizeof(*s))) == NULL ||
              (b->docs = calloc(n, sizeof(*b->docs))) == NULL)) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        s[i].d = evg_corpus_doc(c, i);
        s[i].id = evg_doc_id(s[i].d);
    }
    if (n)
        qsort(s, n, sizeof(*s), by_doc_id);
    if (serialize_duplicates(&dups, s, n) < 0) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    if (dups)
        qsort(s, n, sizeof(*s), by_doc_id); /* equal ids now ordered by their JSON */
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && strcmp(s[i].id, s[i - 1].id) == 0) {
            b->stats.duplicates++;
            b->stats.conflicts += strcmp(s[i].json, s[i - 1].json) != 0;
            continue;
        }
        b->docs[b->ndocs++] = s[i].d;
    }
    b->stats.documents = b->ndocs;
cleanup:
    for (size_t i = 0; s && i < n; i++)
        free(s[i].json);
    free(s);
    return rc;
}

int evg_i_collect(evg_i_builder *b, const evg_corpus *c)
{
    size_t nm = 0;
    int rc = 0;

    EVG_CHECK(choose_docs(b, c));
    for (size_t i = 0; i < b->ndocs; i++)
        nm += evg_doc_entity_count(b->docs[i]);
    if ((b->ndocs && (b->doc_first = calloc(b->ndocs, sizeof(*b->doc_first))) == NULL) ||
        (nm && (b->m = calloc(nm, sizeof(*b->m))) == NULL))
        return evg_i_error_nomem(b->err);
    for (size_t i = 0; i < b->ndocs; i++) {
        const evg_doc *d = b->docs[i];
        b->doc_first[i] = b->nm;
        for (size_t k = 0; k < evg_doc_entity_count(d); k++) {
            evg_i_mention *m = &b->m[b->nm++];
            m->doc = i;
            m->e = evg_doc_entity(d, k);
            m->type = m->e->type;
            m->v = SIZE_MAX;
        }
    }
cleanup:
    return rc;
}

/* Entities of a document scanned by pointer before its table of ids is asked. */
#define MENTION_SCAN 16

size_t evg_i_mention_of(const evg_i_builder *b, size_t doc, const char *id)
{
    const evg_doc *d = b->docs[doc];
    const evg_entity *e = NULL;

    /*
     * The participants and agreements of a document read from JSON point at
     * their entity's own id: among a few entities, found without reading a
     * string (every participant of millions of events is looked up). Else,
     * and in a document of many entities, by its text: the document's table
     * of ids finds it in O(1), and ids are unique, so it is the same entity.
     */
    for (size_t i = 0;
         evg_doc_entity_count(d) <= MENTION_SCAN && i < evg_doc_entity_count(d); i++)
        if (evg_doc_entity(d, i)->id == id)
            return b->doc_first[doc] + i;
    if (id)
        e = evg_doc_find_entity(d, id);
    /* Entities are one array in their document: the offset is the index. */
    return e ? b->doc_first[doc] + (size_t)(e - evg_doc_entity(d, 0)) : SIZE_MAX;
}

void evg_i_builder_free(evg_i_builder *b)
{
    if (b == NULL)
        return;
    for (size_t i = 0; i < b->nv; i++) {
        evg_i_bvertex *v = &b->v[i];
        evg_i_tally_free(&v->names);
        evg_i_tally_free(&v->short_names);
        evg_i_tally_free(&v->ids);
        evg_i_tally_free(&v->short_ids);
        evg_i_tally_free(&v->countries);
        evg_i_tally_free(&v->orgs);
        evg_i_tally_free(&v->kinds);
        evg_i_tally_free(&v->cities);
        for (size_t k = 0; k < v->ntitles; k++)
            evg_i_tally_free(&v->titles[k].forms);
        free(v->titles);
        free(v->signers);
    }
    for (size_t i = 0; i < b->nmt; i++)
        free(b->mt[i].reports);
    free(b->filter_cc);
    free(b->report_people);
    free(b->report_roles);
    free(b->meeting_people);
    free(b->meeting_roles);
    free(b->meeting_said);
    free(b->v);
    free(b->e);
    free(b->notes);
    free(b->took);
    free(b->r);
    free(b->mt);
    free(b->m);
    free(b->docs);
    free(b->doc_first);
    evg_i_strmap_free(&b->map);
    evg_i_memo_free(&b->keys);
    evg_i_memo_free(&b->folded);
    evg_i_memo_free(&b->country_keys);
    evg_i_memo_free(&b->place_codes);
    evg_i_memo_free(&b->place_labels);
    evg_i_buf_free(&b->tmp);
    evg_i_buf_free(&b->text);
    evg_i_country_names_free(b);
    evg_i_place_table_free(b);
    memset(b, 0, sizeof(*b));
}
