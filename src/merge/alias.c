/*
 * The user's alias table: {"Canonical Name": ["Variant", ...], ...}. Names
 * are compared by their slug (folded case and diacritics, punctuation
 * ignored), the key every entity name gets in the merge, so a variant
 * written with or without accents matches alike.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "merge/merge.h"
#include "util/error.h"
#include "util/fileio.h"
#include "util/jsonload.h"
#include "util/utf8.h"

typedef struct {
    const char *name; /* a canonical name as written */
    const char *key;  /* its slug */
} canonical;

struct evg_aliases {
    evg_i_arena arena;
    canonical *c;
    size_t n, cap;
    evg_i_strmap map; /* slug of a canonical name or a variant -> canonical index */
};

/*
 * The line of the first occurrence of `name` as a JSON string in `text`, for
 * messages (jansson keeps no positions of values); 0 when not found as is.
 */
static int line_of(const char *text, size_t len, const char *name)
{
    size_t n = strlen(name);

    for (size_t i = 0; i + n + 2 <= len; i++) {
        if (text[i] == '"' && memcmp(text + i + 1, name, n) == 0 &&
            text[i + n + 1] == '"') {
            int line = 1;
            for (size_t k = 0; k < i; k++)
                line += text[k] == '\n';
            return line;
        }
    }
    return 0;
}

typedef struct {
    evg_aliases *a;
    const char *text, *source;
    size_t len;
    evg_error *err;
} parse_ctx;

static int bad(parse_ctx *p, const char *name, const char *what)
{
    return evg_i_error_set(p->err, EVG_EPARSE, p->source, line_of(p->text, p->len, name),
                           0, "'%s': %s", name, what);
}

/* The slug of `name` into the arena; "" when it has no letter or digit. */
static int slug_of(const char **out, evg_aliases *a, const char *name)
{
    evg_i_buf buf = EVG_I_BUF_INIT;
    int rc = 0;

    if (evg_i_slug(&buf, name, strlen(name)) < 0 ||
        (*out = evg_i_arena_strdup(&a->arena, buf.ptr ? buf.ptr : "")) == NULL)
        rc = EVG_ENOMEM;
    evg_i_buf_free(&buf);
    return rc;
}

/* Map the slug of `name` to canonical `k`, unless it names another already. */
static int bind(parse_ctx *p, const char *name, size_t k, int is_canonical)
{
    evg_aliases *a = p->a;
    const char *slug;
    long prev;

    if (slug_of(&slug, a, name) < 0)
        return evg_i_error_nomem(p->err);
    if (slug[0] == '\0')
        return bad(p, name, "a name needs a letter or a digit");
    prev = evg_i_strmap_get(&a->map, slug, strlen(slug));
    if (prev >= 0 && (size_t)prev != k) {
        /* The message names both canonical names in byte order: the same whatever the
         * order. */
        const char *x = a->c[prev].name, *y = a->c[k].name;
        if (strcmp(x, y) > 0) {
            x = a->c[k].name;
            y = a->c[prev].name;
        }
        return evg_i_error_set(p->err, EVG_EPARSE, p->source,
                               line_of(p->text, p->len, name), 0,
                               "'%s' names both '%s' and '%s'", name, x, y);
    }
    if (is_canonical)
        a->c[k].key = slug;
    if (evg_i_strmap_put(&a->map, slug, strlen(slug), (long)k) < 0)
        return evg_i_error_nomem(p->err);
    return 0;
}

static int take_entry(parse_ctx *p, const char *name, json_t *variants)
{
    evg_aliases *a = p->a;
    size_t k = a->n, i;
    json_t *v;
    int rc;

    if (!json_is_array(variants))
        return bad(p, name, "expected an array of variant names");
    if (evg_i_grow((void **)&a->c, &a->cap, a->n + 1, sizeof(*a->c)) < 0 ||
        (a->c[k].name = evg_i_arena_strdup(&a->arena, name)) == NULL)
        return evg_i_error_nomem(p->err);
    a->n++;
    if ((rc = bind(p, name, k, 1)) < 0)
        return rc;
    json_array_foreach(variants, i, v)
    {
        const char *s = json_string_value(v);
        if (s == NULL || s[0] == '\0')
            return evg_i_error_set(
                p->err, EVG_EPARSE, p->source, line_of(p->text, p->len, name), 0,
                "'%s': variant %zu is not a non-empty string", name, i + 1);
        if ((rc = bind(p, s, k, 0)) < 0)
            return rc;
    }
    return 0;
}

/*
 * Every slug bound to one canonical name: a second binding to another one is
 * an error whichever comes first, so the outcome does not depend on order.
 */
static int take_all(parse_ctx *p, json_t *root)
{
    const char *name;
    json_t *variants;
    int rc;

    json_object_foreach(root, name, variants)
    {
        if ((rc = take_entry(p, name, variants)) < 0)
            return rc;
    }
    return 0;
}

int evg_aliases_parse(evg_aliases **out, const char *text, size_t len, const char *source,
                      evg_error *err)
{
    parse_ctx p = {NULL, text, source ? source : "", len, err};
    json_error_t je;
    json_t *root = NULL;
    int rc = 0, nomem = 0;

    *out = NULL;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) { /* a byte order mark */
        p.text = text += 3;
        p.len = len -= 3;
    }
    if ((p.a = calloc(1, sizeof(*p.a))) == NULL)
        return evg_i_error_nomem(err);
    if ((root = evg_i_json_loadb(text, len, JSON_REJECT_DUPLICATES, &je, &nomem)) ==
        NULL) {
        rc = nomem ? evg_i_error_set(err, EVG_ENOMEM, p.source, 0, 0, "out of memory")
                   : evg_i_error_set(err, EVG_EPARSE, p.source, je.line, je.column,
                                     "invalid JSON: %s", je.text);
        goto cleanup;
    }
    if (!json_is_object(root)) {
        rc = evg_i_error_set(err, EVG_EPARSE, p.source, 1, 0,
                             "expected an object of canonical names and their variants");
        goto cleanup;
    }
    EVG_CHECK(take_all(&p, root));
    *out = p.a;
    p.a = NULL;
cleanup:
    json_decref(root);
    evg_aliases_free(p.a);
    return rc;
}

int evg_aliases_load(evg_aliases **out, const char *path, evg_error *err)
{
    evg_i_buf buf = EVG_I_BUF_INIT;
    int rc;

    *out = NULL;
    if ((rc = evg_i_read_file(&buf, path, err)) == 0)
        rc = evg_aliases_parse(out, buf.ptr ? buf.ptr : "", buf.len,
                               evg_i_display_name(path), err);
    evg_i_buf_free(&buf);
    return rc;
}

size_t evg_aliases_count(const evg_aliases *a)
{
    return a ? a->n : 0;
}

void evg_aliases_free(evg_aliases *a)
{
    if (a == NULL)
        return;
    evg_i_strmap_free(&a->map);
    free(a->c);
    evg_i_arena_free(&a->arena);
    free(a);
}

int evg_i_alias_lookup(const evg_i_builder *b, const char *key, const char **key_out,
                       const char **name_out)
{
    const evg_aliases *a = b->aliases;
    long k = a && key ? evg_i_strmap_get(&a->map, key, strlen(key)) : -1;

    if (k < 0)
        return 0;
    if (key_out)
        *key_out = a->c[k].key;
    if (name_out)
        *name_out = a->c[k].name;
    return 1;
}
