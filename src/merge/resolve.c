/*
 * Which mentions name the same entity: a vertex key for every mention.
 * Countries are their ISO code; organizations and places their folded name
 * (or the canonical name of a user alias); people and agreements have rules
 * of their own (people.c, agreements.c).
 */
#include <string.h>

#include "merge/merge.h"
#include "util/utf8.h"

/* The part of an id after its "<type>:" prefix. */
static const char *after_prefix(const char *id)
{
    const char *colon = strchr(id, ':');
    return colon && colon[1] ? colon + 1 : id;
}

/*
 * "<prefix><slug>" in the arena, the slug of the alias's canonical name when
 * `name` is a variant; `id` (without its prefix) stands in for a name that
 * has no letter or digit.
 */
static int compute_key(const char **out, const char **canonical_out, int *by_id_out,
                       evg_i_builder *b, const char *prefix, const char *name,
                       const char *id)
{
    evg_i_buf slug = EVG_I_BUF_INIT, key = EVG_I_BUF_INIT;
    const char *canon = NULL;
    int rc = 0;

    if (evg_i_slug(&slug, name ? name : "", name ? strlen(name) : 0) < 0) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    *by_id_out = slug.len == 0;
    if (slug.len == 0 && id &&
        evg_i_slug(&slug, after_prefix(id), strlen(after_prefix(id))) < 0) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    evg_i_alias_lookup(b, slug.ptr, &canon, canonical_out);
    if (evg_i_buf_puts(&key, prefix) < 0 ||
        evg_i_buf_puts(&key, canon      ? canon
                             : slug.ptr ? slug.ptr
                                        : "") < 0 ||
        (*out = evg_i_arena_strdup(b->arena, key.ptr)) == NULL)
        rc = evg_i_error_nomem(b->err);
cleanup:
    evg_i_buf_free(&slug);
    evg_i_buf_free(&key);
    return rc;
}

/*
 * compute_key(), once per distinct (prefix, name): every mention of a name
 * shares its key. A name without letters or digits depends on its `id` and
 * is not remembered.
 */
static int named_key(const char **out, const char **canonical_out, evg_i_builder *b,
                     const char *prefix, const char *name, const char *id)
{
    const evg_i_memo_val *seen;
    evg_i_memo_val val = {NULL, NULL};
    int by_id = 0;

    evg_i_buf_clear(&b->tmp);
    if (evg_i_buf_puts(&b->tmp, prefix) < 0 ||
        evg_i_buf_puts(&b->tmp, name ? name : "") < 0)
        return evg_i_error_nomem(b->err);
    if ((seen = evg_i_memo_get(&b->keys, b->tmp.ptr, b->tmp.len)) != NULL)
        val = *seen;
    else if (compute_key(&val.a, &val.b, &by_id, b, prefix, name, id) < 0)
        return EVG_ENOMEM;
    else if (!by_id && evg_i_memo_put(&b->keys, b->tmp.ptr, b->tmp.len, val) < 0)
        return evg_i_error_nomem(b->err);
    *out = val.a;
    if (canonical_out)
        *canonical_out = val.b;
    return 0;
}

int evg_i_org_key(const char **out, evg_i_builder *b, const char *name, const char *id)
{
    return named_key(out, NULL, b, "org:", name, id);
}

int evg_i_place_key(const char **out, evg_i_builder *b, const char *name)
{
    return named_key(out, NULL, b, "place:", name, NULL);
}

/* A country's key is its id, one copy for all its mentions. */
static int country_key(const char **out, evg_i_builder *b, const char *id)
{
    const evg_i_memo_val *seen;
    evg_i_memo_val val = {NULL, NULL};

    if (id == NULL) /* as a failed copy: a record always has one */
        return evg_i_error_nomem(b->err);
    if ((seen = evg_i_memo_get(&b->country_keys, id, strlen(id))) != NULL) {
        *out = seen->a;
        return 0;
    }
    if ((val.a = evg_i_arena_strdup(b->arena, id)) == NULL ||
        evg_i_memo_put(&b->country_keys, id, strlen(id), val) < 0)
        return evg_i_error_nomem(b->err);
    *out = val.a;
    return 0;
}

int evg_i_resolve(evg_i_builder *b)
{
    int rc = 0;

    for (size_t i = 0; i < b->nm; i++) {
        evg_i_mention *m = &b->m[i];
        switch (m->type) {
        case EVG_ENT_COUNTRY:
            EVG_CHECK(country_key(&m->key, b, m->e->id));
            break;
        case EVG_ENT_ORGANIZATION:
            EVG_CHECK(named_key(&m->key, &m->canonical, b, "org:", m->e->name, m->e->id));
            break;
        case EVG_ENT_PLACE: {
            /* a venue with its city is keyed as "Defense Ministry, Baku" */
            const char *label = NULL;
            EVG_CHECK(evg_i_builder_place_label(&label, b, m->e->name, m->e->city));
            EVG_CHECK(named_key(&m->key, &m->canonical, b, "place:", label, m->e->id));
            break;
        }
        default:
            break;
        }
    }
    EVG_CHECK(evg_i_resolve_people(b));
    EVG_CHECK(evg_i_resolve_agreements(b));
cleanup:
    return rc;
}
