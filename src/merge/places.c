/*
 * Which country a place's name points to: "Tallinn", "the Estonian
 * capital", "Kadriorg Palace in Tallinn" -> EST. Words come from the data
 * embedded in the library: Debian's iso-codes names and the lexicon's
 * countries.json (other names, demonyms, capitals, seats of government,
 * cities, each valid from/until a date, so that Moscow is in the Soviet
 * Union in 1987). Used when a record's place entity gives no country: to
 * tell whether two reports' places can be one, and whether a meeting is at a
 * third location (CAMEO 044). Also the labels of places with their city.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "merge/merge.h"
#include "model/place.h"
#include "util/data.h"
#include "util/utf8.h"

typedef struct {
    const char *key;          /* slug of the word: "tallinn", "estonian" */
    const char *code;         /* ISO alpha-3 */
    const char *from, *until; /* validity, or NULL */
    size_t order;             /* position in the data: the first valid entry wins */
} place_word;

typedef struct {
    place_word *w;
    size_t n, cap;
} place_table;

#define MAX_PHRASE 4 /* words: "Bosnia and Herzegovina" */

static int add_word(place_table *t, evg_i_arena *a, const char *word, const char *code,
                    const char *from, const char *until)
{
    evg_i_buf slug = EVG_I_BUF_INIT;
    place_word *w;
    int rc = 0;

    if (word == NULL || code == NULL)
        return 0;
    if (evg_i_slug(&slug, word, strlen(word)) < 0 ||
        evg_i_grow((void **)&t->w, &t->cap, t->n + 1, sizeof(*t->w)) < 0) {
        rc = EVG_ENOMEM;
        goto cleanup;
    }
    w = &t->w[t->n];
    memset(w, 0, sizeof(*w));
    w->order = t->n;
    if (slug.len == 0)
        goto cleanup;
    if ((w->key = evg_i_arena_strdup(a, slug.ptr)) == NULL ||
        (w->code = evg_i_arena_strdup(a, code)) == NULL ||
        (from && (w->from = evg_i_arena_strdup(a, from)) == NULL) ||
        (until && (w->until = evg_i_arena_strdup(a, until)) == NULL))
        rc = EVG_ENOMEM;
    else
        t->n++;
cleanup:
    evg_i_buf_free(&slug);
    return rc;
}

static json_t *load(const char *file)
{
    const evg_i_data_file *f = evg_i_data_find(file);
    return f ? json_loadb(f->bytes, f->size, 0, NULL) : NULL;
}

/* The lexicon's words first (they carry dates), then iso-codes' names. */
static int load_words(place_table *t, evg_i_arena *a)
{
    static const char *const FIELDS[] = {"name",     "aliases", "demonyms",
                                         "capitals", "seats",   "cities"};
    static const char *const ISO[] = {"name", "common_name", "official_name"};
    json_t *lex = load("countries.json"), *iso = load("iso_3166-1.json"), *e, *v;
    size_t i, k;
    int rc = 0;

    json_array_foreach(json_object_get(lex, "countries"), i, e)
    {
        const char *code = json_string_value(json_object_get(e, "code"));
        const char *from = json_string_value(json_object_get(e, "from"));
        const char *until = json_string_value(json_object_get(e, "until"));
        for (size_t f = 0; f < sizeof FIELDS / sizeof FIELDS[0] && rc == 0; f++) {
            json_t *x = json_object_get(e, FIELDS[f]);
            if (json_is_string(x))
                rc = add_word(t, a, json_string_value(x), code, from, until);
            json_array_foreach(x, k, v)
            {
                if (rc == 0)
                    rc = add_word(t, a, json_string_value(v), code, from, until);
            }
        }
    }
    json_array_foreach(json_object_get(iso, "3166-1"), i, e)
    {
        const char *code = json_string_value(json_object_get(e, "alpha_3"));
        for (size_t f = 0; f < sizeof ISO / sizeof ISO[0] && rc == 0; f++)
            rc = add_word(t, a, json_string_value(json_object_get(e, ISO[f])), code, NULL,
                          NULL);
    }
    json_decref(lex);
    json_decref(iso);
    return rc;
}

static int by_key(const void *a, const void *b)
{
    const place_word *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->order > y->order) - (x->order < y->order);
}

/*
 * The country the word `key` names at `date` (NULL: any), or NULL; sets
 * `*dated` when an entry for the word has a validity, so that the answer
 * may depend on the date.
 */
static const char *lookup(const place_table *t, const char *key, const char *date,
                          int *dated)
{
    size_t lo = 0, hi = t->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(t->w[mid].key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < t->n && strcmp(t->w[i].key, key) == 0; i++) {
        const place_word *w = &t->w[i];
        *dated |= w->from != NULL || w->until != NULL;
        if (date && ((w->from && strcmp(date, w->from) < 0) ||
                     (w->until && strcmp(date, w->until) > 0)))
            continue;
        return w->code;
    }
    return NULL;
}

static int table(place_table **out, evg_i_builder *b)
{
    place_table *t = b->places;

    if (t == NULL) {
        if ((t = calloc(1, sizeof(*t))) == NULL)
            return evg_i_error_nomem(b->err);
        b->places = t;
        if (load_words(t, b->arena) < 0)
            return evg_i_error_nomem(b->err);
        if (t->n)
            qsort(t->w, t->n, sizeof(*t->w), by_key);
    }
    *out = t;
    return 0;
}

/* The country of `place` at `date`; `*dated` set when another date could change it. */
static int place_country(const char **out, int *dated, evg_i_builder *b,
                         const char *place, const char *date)
{
    evg_i_buf slug = EVG_I_BUF_INIT;
    const char *found = NULL, *starts[64];
    place_table *t = NULL;
    size_t nw = 0;
    int rc = 0;

    *out = NULL;
    EVG_CHECK(table(&t, b));
    if (evg_i_slug(&slug, place, strlen(place)) < 0) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    for (char *p = slug.ptr; p && *p && nw < 64;
         p = strchr(p, '-') ? strchr(p, '-') + 1 : NULL)
        starts[nw++] = p;
    /* Every run of up to MAX_PHRASE words; two countries named: none is sure. */
    for (size_t i = 0; i < nw; i++) {
        for (size_t k = 1; k <= MAX_PHRASE && i + k <= nw; k++) {
            size_t n = (i + k < nw ? (size_t)(starts[i + k] - starts[i]) - 1
                                   : strlen(starts[i]));
            char phrase[128];
            const char *code;
            if (n >= sizeof phrase)
                break;
            memcpy(phrase, starts[i], n);
            phrase[n] = '\0';
            code = lookup(t, phrase, date, dated);
            if (code && found && strcmp(code, found) != 0) {
                found = NULL;
                goto done;
            }
            if (code)
                found = code;
        }
    }
done:
    *out = found;
cleanup:
    evg_i_buf_free(&slug);
    return rc;
}

/*
 * A million reports name a few thousand places: the answer for a name is
 * kept, unless a word of it changed country in time (Moscow: SUN, then RUS).
 */
int evg_i_place_country(const char **out, evg_i_builder *b, const char *place,
                        const char *date)
{
    const evg_i_memo_val *seen = evg_i_memo_get(&b->place_codes, place, strlen(place));
    evg_i_memo_val val = {NULL, NULL};
    int dated = 0;

    if (seen) {
        *out = seen->a;
        return 0;
    }
    if (place_country(out, &dated, b, place, date) < 0)
        return EVG_ENOMEM;
    val.a = *out;
    if (!dated && evg_i_memo_put(&b->place_codes, place, strlen(place), val) < 0)
        return evg_i_error_nomem(b->err);
    return 0;
}

int evg_i_builder_place_label(const char **out, evg_i_builder *b, const char *name,
                              const char *city)
{
    const evg_i_memo_val *seen;
    evg_i_memo_val val = {NULL, NULL};

    *out = name;
    if (city == NULL || name == NULL)
        return 0;
    /* the memo's key: the name, a byte no text holds, the city */
    evg_i_buf_clear(&b->tmp);
    if (evg_i_buf_puts(&b->tmp, name) < 0 || evg_i_buf_putc(&b->tmp, '\x1f') < 0 ||
        evg_i_buf_puts(&b->tmp, city) < 0)
        return evg_i_error_nomem(b->err);
    if ((seen = evg_i_memo_get(&b->place_labels, b->tmp.ptr, b->tmp.len)) != NULL) {
        *out = seen->a;
        return 0;
    }
    evg_i_buf_clear(&b->text);
    if (evg_i_place_label(&b->text, name, city) < 0 ||
        (val.a = evg_i_arena_strdup(b->arena, b->text.ptr)) == NULL ||
        evg_i_memo_put(&b->place_labels, b->tmp.ptr, b->tmp.len, val) < 0)
        return evg_i_error_nomem(b->err);
    *out = val.a;
    return 0;
}

void evg_i_place_table_free(evg_i_builder *b)
{
    place_table *t = b->places;

    if (t) {
        free(t->w);
        free(t);
    }
    b->places = NULL;
}
