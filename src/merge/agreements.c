/*
 * Which agreement mentions name the same agreement. A name is reduced to
 * its words, folded, without articles and small words, with the kind word
 * normalized (accord, pact, deal -> agreement; plurals; MoU -> memorandum of
 * understanding), in sorted order: "the Treaty of Rome" and "Rome treaty"
 * meet. An acronym ("ABM Treaty") joins the long form ("Anti-Ballistic
 * Missile Treaty") when a document names both, or writes the acronym in
 * parentheses, and when no document ties it to another long form.
 * A name with no capitalized word of its own ("agreement to cut output")
 * describes an agreement rather than names it: it merges across documents
 * only with descriptions of the same parties (parties_of()), since the same
 * words between other states are another agreement.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"
#include "util/utf8.h"

static const char *const STOPWORDS[] = {"the", "a",   "an",    "of", "on",      "for",
                                        "and", "to",  "in",    "at", "between", "with",
                                        "by",  "its", "their", "new"};

/* Kind words and their normal form ("" for a word that only drops). */
static const struct {
    const char *word, *normal;
} KINDS[] = {
    {"agreement", "agreement"},
    {"agreements", "agreement"},
    {"accord", "agreement"},
    {"accords", "agreement"},
    {"pact", "agreement"},
    {"pacts", "agreement"},
    {"deal", "agreement"},
    {"deals", "agreement"},
    {"treaty", "treaty"},
    {"treaties", "treaty"},
    {"declaration", "declaration"},
    {"declarations", "declaration"},
    {"memorandum", "memorandum"},
    {"memoranda", "memorandum"},
    {"memorandums", "memorandum"},
    {"mou", "memorandum-understanding"},
    {"protocol", "protocol"},
    {"protocols", "protocol"},
    {"plan", "plan"},
    {"plans", "plan"},
    {"convention", "convention"},
    {"conventions", "convention"},
};

#define N(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_WORDS 32

static int is_stop(const char *w)
{
    for (size_t i = 0; i < N(STOPWORDS); i++)
        if (strcmp(w, STOPWORDS[i]) == 0)
            return 1;
    return 0;
}

static const char *kind_of(const char *w)
{
    for (size_t i = 0; i < N(KINDS); i++)
        if (strcmp(w, KINDS[i].word) == 0)
            return KINDS[i].normal;
    return NULL;
}

/* One agreement name taken apart. */
typedef struct {
    const char *words[MAX_WORDS]; /* folded words (slug parts), in order */
    size_t off[MAX_WORDS];        /* their offsets in `store` while it grows */
    int caps[MAX_WORDS];          /* written with a capital letter */
    int upper[MAX_WORDS];         /* written in capitals only, 2 letters or more */
    size_t n;
    evg_i_buf store;
} parsed;

/* Split `name` (without any parenthesized part) at spaces and hyphens. */
static int parse(parsed *p, const char *name)
{
    evg_i_buf_clear(&p->store);
    p->n = 0;
    for (const char *s = name; *s && p->n < MAX_WORDS;) {
        size_t n = strcspn(s, " -\t\n\r/"), at = p->store.len, letters = 0, caps = 0;
        if (*s == '(') { /* "(ABM)": read separately */
            const char *close = strchr(s, ')');
            s = close ? close + 1 : s + strlen(s);
            continue;
        }
        for (size_t i = 0; i < n; i++) {
            letters += (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z');
            caps += s[i] >= 'A' && s[i] <= 'Z';
        }
        if (n && (evg_i_slug(&p->store, s, n) < 0 || evg_i_buf_putc(&p->store, '\0') < 0))
            return EVG_ENOMEM;
        if (n && p->store.len > at + 1) {
            p->off[p->n] = at;
            p->caps[p->n] = (unsigned char)s[0] >= 0x80 || (s[0] >= 'A' && s[0] <= 'Z');
            p->upper[p->n++] = letters >= 2 && caps == letters;
        }
        s += n;
        s += strspn(s, " -\t\n\r/");
    }
    for (size_t i = 0; i < p->n; i++)
        p->words[i] = p->store.ptr + p->off[i];
    return 0;
}

static int by_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* "agreement:" and the sorted, deduplicated normal words of `p`. */
static int key_of(evg_i_buf *out, const parsed *p)
{
    const char *w[2 * MAX_WORDS];
    size_t n = 0;

    for (size_t i = 0; i < p->n; i++) {
        const char *k = kind_of(p->words[i]);
        if (is_stop(p->words[i]))
            continue;
        if (k && strchr(k, '-')) { /* "mou" stands for two words */
            w[n++] = "memorandum";
            w[n++] = "understanding";
        } else {
            w[n++] = k ? k : p->words[i];
        }
    }
    if (n)
        qsort(w, n, sizeof(*w), by_str);
    if (evg_i_buf_puts(out, "agreement:") < 0)
        return EVG_ENOMEM;
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(w[i], w[i - 1]) == 0)
            continue;
        if ((i && evg_i_buf_putc(out, '-') < 0) || evg_i_buf_puts(out, w[i]) < 0)
            return EVG_ENOMEM;
    }
    return 0;
}

/*
 * Words of the kinds that name one alone ("Joint Statement", "Memorandum of
 * Understanding"): capitalized, they still name no particular agreement.
 */
static const char *const GENERIC[] = {"joint",       "press",      "understanding",
                                      "cooperation", "statement",  "statements",
                                      "communique",  "communiques"};

static int is_generic(const char *w)
{
    for (size_t i = 0; i < N(GENERIC); i++)
        if (strcmp(w, GENERIC[i]) == 0)
            return 1;
    return 0;
}

/* Whether a word of its own (not a small, kind or generic word) is capitalized. */
static int is_specific(const parsed *p)
{
    for (size_t i = 0; i < p->n; i++)
        if (p->caps[i] && !is_stop(p->words[i]) && !kind_of(p->words[i]) &&
            !is_generic(p->words[i]))
            return 1;
    return 0;
}

/* The acronym of an acronym form ("ABM Treaty" -> "abm"): one word in capitals, kinds. */
static const char *acronym_of(const parsed *p)
{
    const char *acr = NULL;

    for (size_t i = 0; i < p->n; i++) {
        if (is_stop(p->words[i]) || kind_of(p->words[i]))
            continue;
        if (!p->upper[i] || acr)
            return NULL;
        acr = p->words[i];
    }
    return acr;
}

/*
 * Whether `acr` spells the initials of the long form `p`: of its own words,
 * of its own and kind words, or of all its words.
 */
static int spells(const char *acr, const parsed *p)
{
    for (int variant = 0; variant < 3; variant++) {
        char ini[MAX_WORDS + 1];
        size_t n = 0;
        for (size_t i = 0; i < p->n; i++) {
            int stop = is_stop(p->words[i]), kind = kind_of(p->words[i]) != NULL;
            if ((variant < 2 && stop) || (variant == 0 && kind))
                continue;
            ini[n++] = p->words[i][0];
        }
        ini[n] = '\0';
        if (n >= 2 && strcmp(ini, acr) == 0)
            return 1;
    }
    return 0;
}

/* The kind words of `p`, normalized and joined in sorted order, into `out`. */
static void kinds_of(char *out, size_t cap, const parsed *p)
{
    const char *k[MAX_WORDS];
    size_t n = 0, len = 0;

    for (size_t i = 0; i < p->n; i++)
        if (kind_of(p->words[i]))
            k[n++] = kind_of(p->words[i]);
    if (n)
        qsort(k, n, sizeof(*k), by_str);
    out[0] = '\0';
    for (size_t i = 0; i < n; i++)
        if ((i == 0 || strcmp(k[i], k[i - 1]) != 0) && len + strlen(k[i]) + 2 < cap) {
            len += (size_t)snprintf(out + len, cap - len, "%s%s", len ? " " : "", k[i]);
        }
}

/* "ABM" in "Anti-Ballistic Missile (ABM) Treaty", folded into `out`; 0 when none. */
static int parenthesized(char *out, size_t cap, const char *name)
{
    const char *open = strchr(name, '('), *close = open ? strchr(open, ')') : NULL;
    size_t n = close ? (size_t)(close - open - 1) : 0;

    if (n < 2 || n >= cap)
        return 0;
    for (size_t i = 0; i < n; i++) {
        char c = open[1 + i];
        if (c < 'A' || c > 'Z')
            return 0;
        out[i] = (char)(c - 'A' + 'a');
    }
    out[n] = '\0';
    return 1;
}

/* What one agreement mention says of itself. */
typedef struct {
    size_t m;              /* mention index */
    const char *name;      /* the name used: as written, or the alias's canonical name */
    const char *key;       /* its key (arena) */
    const char *base;      /* the key before "@<document>": what the name alone gives */
    const char *acr;       /* an acronym form's acronym (arena), else NULL */
    const char *kinds;     /* its kind words (arena) */
    const char *canonical; /* the alias's canonical name, when the name is a variant */
    int specific;
} agr_info;

/* A learned tie: acronym form key -> long form key. */
typedef struct {
    const char *acr_key, *long_key;
} tie;

typedef struct {
    evg_i_builder *b;
    agr_info *a;
    size_t n;
    tie *t;
    size_t nt, capt;
    parsed p;
} agr_ctx;

static const char *keep(agr_ctx *c, const char *s)
{
    return evg_i_arena_strdup(c->b->arena, s);
}

static int add_tie(agr_ctx *c, const char *acr_key, const char *long_key)
{
    if (evg_i_grow((void **)&c->t, &c->capt, c->nt + 1, sizeof(*c->t)) < 0)
        return EVG_ENOMEM;
    c->t[c->nt].acr_key = acr_key;
    c->t[c->nt++].long_key = long_key;
    return 0;
}

/*
 * Key (without the parties of a description), acronym and kinds of the
 * name `name`; a parenthesized acronym ties itself.
 */
static int describe(agr_ctx *c, agr_info *a, const char *name)
{
    evg_i_buf key = EVG_I_BUF_INIT;
    char kinds[128], acr[16];
    const char *canon = NULL;
    int rc = EVG_ENOMEM;

    a->name = name;
    if (evg_i_slug(&key, a->name, strlen(a->name)) < 0)
        goto cleanup;
    if (evg_i_alias_lookup(c->b, key.ptr, NULL, &canon))
        a->name = a->canonical = canon;
    evg_i_buf_clear(&key);
    if (parse(&c->p, a->name) < 0 || key_of(&key, &c->p) < 0)
        goto cleanup;
    a->specific = canon != NULL || is_specific(&c->p);
    kinds_of(kinds, sizeof kinds, &c->p);
    if ((a->key = a->base = keep(c, key.ptr)) == NULL ||
        (a->kinds = keep(c, kinds)) == NULL)
        goto cleanup;
    if (acronym_of(&c->p) && (a->acr = keep(c, acronym_of(&c->p))) == NULL)
        goto cleanup;
    if (a->specific && !a->acr && parenthesized(acr, sizeof acr, a->name)) {
        /* "Anti-Ballistic Missile (ABM) Treaty": "ABM Treaty" is this one. */
        const char *acr_key;
        evg_i_buf_clear(&key);
        if (evg_i_buf_printf(&key, "%s %s", acr, kinds) < 0 || parse(&c->p, key.ptr) < 0)
            goto cleanup;
        evg_i_buf_clear(&key);
        if (key_of(&key, &c->p) < 0 || (acr_key = keep(c, key.ptr)) == NULL ||
            add_tie(c, acr_key, a->key) < 0)
            goto cleanup;
    }
    rc = 0;
cleanup:
    evg_i_buf_free(&key);
    return rc;
}

static int by_code(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

#define MAX_PARTIES 32

/* "ARD" of "country:ARD"; the whole id of a country entity written otherwise. */
static const char *country_code(const evg_entity *e)
{
    const char *colon = strchr(e->id, ':');
    return colon ? colon + 1 : e->id;
}

/*
 * Append the parties of agreement `id` in document `d` to `out`, for telling
 * descriptions apart: the countries of the people and states of the events
 * that sign or reference it, else the countries the document names; sorted,
 * each once, joined by '-' ("ARD-BMT"); nothing when none.
 */
static int parties_of(evg_i_buf *out, const evg_doc *d, const char *id)
{
    const char *code[MAX_PARTIES];
    size_t n = 0;

    for (size_t i = 0; i < evg_doc_event_count(d); i++) {
        const evg_event *ev = evg_doc_event(d, i);
        int on = 0;
        for (size_t a = 0; a < ev->nagreements && !on; a++)
            on = strcmp(ev->agreements[a].entity, id) == 0;
        for (size_t p = 0; on && p < ev->nparticipants && n < MAX_PARTIES; p++) {
            const evg_entity *e = evg_doc_find_entity(d, ev->participants[p].entity);
            if (e && e->country)
                code[n++] = e->country;
        }
        for (size_t p = 0; on && p < ev->nparties && n < MAX_PARTIES; p++) {
            const evg_entity *e = evg_doc_find_entity(d, ev->parties[p].entity);
            if (e && e->type == EVG_ENT_COUNTRY)
                code[n++] = country_code(e);
        }
    }
    if (n == 0) /* no event bears on it: the countries of the document */
        for (size_t i = 0; i < evg_doc_entity_count(d) && n < MAX_PARTIES; i++)
            if (evg_doc_entity(d, i)->type == EVG_ENT_COUNTRY)
                code[n++] = country_code(evg_doc_entity(d, i));
    if (n)
        qsort(code, n, sizeof(*code), by_code);
    for (size_t i = 0; i < n; i++) {
        if (i && strcmp(code[i], code[i - 1]) == 0)
            continue;
        if ((i && evg_i_buf_putc(out, '-') < 0) || evg_i_buf_puts(out, code[i]) < 0)
            return EVG_ENOMEM;
    }
    return 0;
}

/*
 * describe() once per distinct name (a treaty is named the same way in
 * thousands of articles), copied for the repeats; then a description's key
 * gets its parties: "@<parties>". Descriptions with the same words and the
 * same parties are one agreement across documents; the same words between
 * other parties ("trade agreement" of Ardania and Belmont, of Corvia and
 * Tarvos) are another.
 */
static int describe_cached(agr_ctx *c, evg_i_strmap *seen, agr_info *a)
{
    const evg_i_mention *m = &c->b->m[a->m];
    const char *name = m->e->name && m->e->name[0] ? m->e->name : m->e->id;
    const evg_doc *d = c->b->docs[m->doc];
    long first = evg_i_strmap_get(seen, name, strlen(name));
    evg_i_buf key = EVG_I_BUF_INIT;
    size_t mention = a->m;
    int rc = 0;

    if (first >= 0) {
        *a = c->a[first];
        a->m = mention;
    } else if (describe(c, a, name) < 0 ||
               evg_i_strmap_put(seen, name, strlen(name), (long)(a - c->a)) < 0) {
        return EVG_ENOMEM;
    }
    if (a->specific)
        return 0;
    if (evg_i_buf_puts(&key, a->base) < 0 || evg_i_buf_putc(&key, '@') < 0)
        rc = EVG_ENOMEM;
    else {
        size_t at = key.len;
        if (parties_of(&key, d, m->e->id) < 0 ||
            (key.len == at && evg_i_buf_putc(&key, '?') < 0) ||
            (a->key = keep(c, key.ptr)) == NULL)
            rc = EVG_ENOMEM;
    }
    evg_i_buf_free(&key);
    return rc;
}

/* Ties between the acronym forms and long forms named by one document. */
static int tie_document(agr_ctx *c, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        const agr_info *acr = &c->a[i];
        if (!acr->acr)
            continue;
        for (size_t j = from; j < to; j++) {
            const agr_info *full = &c->a[j];
            if (full->acr || !full->specific || strcmp(full->key, acr->key) == 0)
                continue;
            if (acr->kinds[0] && strcmp(acr->kinds, full->kinds) != 0)
                continue;
            if (parse(&c->p, full->name) < 0)
                return EVG_ENOMEM;
            if (spells(acr->acr, &c->p) && add_tie(c, acr->key, full->key) < 0)
                return EVG_ENOMEM;
        }
    }
    return 0;
}

static int by_tie(const void *a, const void *b)
{
    const tie *x = a, *y = b;
    int k = strcmp(x->acr_key, y->acr_key);
    return k ? k : strcmp(x->long_key, y->long_key);
}

/* The long form of an acronym key when exactly one is tied to it, else NULL. */
static const char *long_form(const agr_ctx *c, const char *key)
{
    size_t lo = 0, hi = c->nt;
    const char *found = NULL;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(c->t[mid].acr_key, key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < c->nt && strcmp(c->t[i].acr_key, key) == 0; i++) {
        if (found && strcmp(found, c->t[i].long_key) != 0)
            return NULL; /* two long forms claim this acronym */
        found = c->t[i].long_key;
    }
    return found;
}

int evg_i_resolve_agreements(evg_i_builder *b)
{
    evg_i_strmap seen = EVG_I_STRMAP_INIT;  /* a name -> its first mention in c.a */
    evg_i_strmap named = EVG_I_STRMAP_INIT; /* the key of a name -> a mention in c.a */
    agr_ctx c;
    size_t start = 0;
    int rc = 0;

    memset(&c, 0, sizeof c);
    c.b = b;
    if ((c.a = calloc(b->nm + 1, sizeof(*c.a))) == NULL)
        goto nomem;
    for (size_t i = 0; i < b->nm; i++)
        if (b->m[i].type == EVG_ENT_AGREEMENT)
            c.a[c.n++].m = i;
    b->stats.agreement_mentions = c.n;
    for (size_t i = 0; i < c.n; i++)
        if (describe_cached(&c, &seen, &c.a[i]) < 0)
            goto nomem;
    /* "the international coffee agreement" is the International Coffee Agreement */
    for (size_t i = 0; i < c.n; i++)
        if (c.a[i].specific &&
            evg_i_strmap_put(&named, c.a[i].key, strlen(c.a[i].key), (long)i) < 0)
            goto nomem;
    for (size_t i = 0; i < c.n; i++)
        if (!c.a[i].specific &&
            evg_i_strmap_get(&named, c.a[i].base, strlen(c.a[i].base)) >= 0)
            c.a[i].key = c.a[i].base;
    for (size_t i = 1; i <= c.n; i++) { /* mentions of one document are adjacent */
        if (i < c.n && b->m[c.a[i].m].doc == b->m[c.a[start].m].doc)
            continue;
        if (tie_document(&c, start, i) < 0)
            goto nomem;
        start = i;
    }
    /*
     * One tie per pair of keys: a treaty named with its acronym in thousands
     * of articles would otherwise make each of its acronym mentions scan
     * thousands of equal ties.
     */
    if (c.nt)
        qsort(c.t, c.nt, sizeof(*c.t), by_tie);
    c.nt = evg_i_unique(c.t, c.nt, sizeof(*c.t), by_tie);
    for (size_t i = 0; i < c.n; i++) {
        const char *full = c.a[i].acr ? long_form(&c, c.a[i].key) : NULL;
        b->m[c.a[i].m].key = full ? full : c.a[i].key;
        b->m[c.a[i].m].is_short =
            c.a[i].acr != NULL; /* a label only without the long form */
        b->m[c.a[i].m].canonical = c.a[i].canonical;
    }
    goto cleanup;
nomem:
    rc = evg_i_error_nomem(b->err);
cleanup:
    evg_i_strmap_free(&seen);
    evg_i_strmap_free(&named);
    free(c.a);
    free(c.t);
    evg_i_buf_free(&c.p.store);
    return rc;
}
