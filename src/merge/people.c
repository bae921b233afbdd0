/*
 * Which person mentions name the same person.
 *
 * 1. Full names ("Kadri Lepik", "Selçuk Bayraktaroğlu") match by their slug
 *    (case and diacritics folded); mentions with the same entity id match
 *    too; a user alias maps a variant to its canonical name. These links are
 *    unioned (union-find), so the result does not depend on their order.
 * 2. A short name, a surname alone ("Lepik"), initials and a surname
 *    ("K. Lepik") or a name led by a particle ("von der Leyen"), joins the
 *    one full-name person it can be: whose name ends with the same words,
 *    whose given names start with the initials, who represents the same
 *    country (or no known one), and whose documents are of its era (within
 *    ERA_YEARS). When several could be meant, it stays apart, and short
 *    names of different countries stay apart too.
 * Time: O(M log M) for M person mentions.
 */
#include <stdlib.h>
#include <string.h>

#include "merge/merge.h"
#include "util/spelling.h"
#include "util/utf8.h"

typedef struct {
    const char *key;      /* slug of the whole name (or the alias's canonical slug) */
    const char *initials; /* short names: the initials, one byte each; else NULL */
    const char *surname;  /* short names: slug of the words after the initials */
    int is_short;
    int by_id;            /* no letter or digit in the name: the key comes from the id */
    const char *skeleton; /* full names: the key as spelling variants share it */
} name_info;

typedef struct {
    const char *last; /* last token of a full key, for lookup */
    const char *key;  /* the full key */
    size_t root;
} full_entry;

typedef struct {
    size_t root;
    const char *cc;
} root_cc;

typedef struct {
    evg_i_builder *b;
    size_t *person; /* mention indices of people */
    size_t n;
    name_info *info; /* parallel to person */
    size_t *first;   /* parallel to person: the first mention of the same name */
    size_t *uf;      /* union-find parents over 0..n */
    full_entry *full;
    size_t nfull;
    root_cc *cc;
    size_t ncc;
    const char **root_key;    /* per root: the smallest full key of its component */
    int *year_min, *year_max; /* per root: the years of its full names' documents, -1 */
} people_ctx;

/*
 * Years a short name may lie outside the years of a full name's documents and
 * still be that person: "King Hassan" of 1987 is not "Margaret Hassan" of 2004.
 */
#define ERA_YEARS 10

static size_t find(size_t *uf, size_t i)
{
    while (uf[i] != i) {
        uf[i] = uf[uf[i]];
        i = uf[i];
    }
    return i;
}

/* Union by smaller index, so every root is its component's first mention. */
static void unite(size_t *uf, size_t a, size_t b)
{
    a = find(uf, a);
    b = find(uf, b);
    if (a != b) {
        if (a < b)
            uf[b] = a;
        else
            uf[a] = b;
    }
}

static char *keep(people_ctx *p, const char *s, size_t n)
{
    return evg_i_arena_strndup(p->b->arena, s, n);
}

/* Whether a word's slug is one letter: an initial ("K." -> "k"). */
static int is_initial(const char *slug)
{
    size_t chars = 0;

    for (const unsigned char *s = (const unsigned char *)slug; *s; s++)
        chars += (*s & 0xC0) != 0x80;
    return chars == 1 && !(slug[0] >= '0' && slug[0] <= '9');
}

/* The part of an id after its "<type>:" prefix. */
static const char *after_prefix(const char *id)
{
    const char *colon = strchr(id, ':');
    return colon && colon[1] ? colon + 1 : id;
}

/*
 * Split `name` into word slugs joined by '-' (the key), note its leading
 * initials and where the words after them start, and classify it.
 */
static int analyse(people_ctx *p, name_info *in, const char *name, const char *id)
{
    evg_i_buf word = EVG_I_BUF_INIT, key = EVG_I_BUF_INIT, ini = EVG_I_BUF_INIT;
    size_t nwords = 0, nini = 0, rest_at = 0;
    int lower_lead = name && name[0] >= 'a' && name[0] <= 'z', rc = EVG_ENOMEM;

    for (const char *s = name ? name : ""; *s;) {
        size_t n = strcspn(s, " \t\r\n");
        evg_i_buf_clear(&word);
        if (n && evg_i_slug(&word, s, n) < 0)
            goto cleanup;
        s += n;
        s += strspn(s, " \t\r\n");
        if (word.len == 0)
            continue; /* a word of punctuation only */
        if (nwords == nini && is_initial(word.ptr)) {
            if (evg_i_buf_put(&ini, word.ptr, 1) < 0)
                goto cleanup;
            nini++;
        }
        if ((key.len && evg_i_buf_putc(&key, '-') < 0))
            goto cleanup;
        if (nwords == nini)
            rest_at = key.len; /* the first word after the initials */
        if (evg_i_buf_puts(&key, word.ptr) < 0)
            goto cleanup;
        nwords++;
    }
    in->by_id = key.len == 0;
    if (key.len == 0 && id &&
        evg_i_slug(&key, after_prefix(id), strlen(after_prefix(id))) < 0)
        goto cleanup;
    if (evg_i_buf_put(&key, "", 0) < 0 || evg_i_buf_put(&ini, "", 0) < 0)
        goto cleanup;
    /* "Lepik", "K. Lepik", "von der Leyen"; a name of initials only stays whole. */
    in->is_short = nini < nwords && (nwords - nini == 1 || (lower_lead && nini == 0));
    if ((in->key = keep(p, key.ptr, key.len)) == NULL)
        goto cleanup;
    if (in->is_short &&
        ((in->initials = keep(p, ini.ptr, ini.len)) == NULL ||
         (in->surname = keep(p, key.ptr + rest_at, key.len - rest_at)) == NULL))
        goto cleanup;
    if (!in->is_short && !in->by_id &&
        (evg_i_spelling_skeleton(&word, in->key) < 0 ||
         (in->skeleton = keep(p, word.ptr, strlen(word.ptr))) == NULL))
        goto cleanup;
    rc = 0;
cleanup:
    evg_i_buf_free(&word);
    evg_i_buf_free(&key);
    evg_i_buf_free(&ini);
    return rc;
}

/*
 * The analysis of mention `i`'s name, and its alias: computed once per
 * distinct name (an official is named the same way in thousands of
 * articles), copied for the repeats. `*first_out` is the first mention of
 * the same name, or `i` itself.
 */
static int analyse_cached(size_t *first_out, people_ctx *p, evg_i_strmap *names, size_t i)
{
    evg_i_mention *m = &p->b->m[p->person[i]];
    const char *name = m->e->name ? m->e->name : "", *canon = NULL;
    name_info *in = &p->info[i];
    long seen = name[0] ? evg_i_strmap_get(names, name, strlen(name)) : -1;

    *first_out = i;
    if (seen >= 0) {
        *first_out = (size_t)seen;
        *in = p->info[seen];
        m->canonical = p->b->m[p->person[seen]].canonical;
        return 0;
    }
    if (analyse(p, in, m->e->name, m->e->id) < 0)
        return evg_i_error_nomem(p->b->err);
    if (evg_i_alias_lookup(p->b, in->key, &canon, &m->canonical)) {
        in->key = canon; /* the user's word over the rules, even for a surname */
        in->is_short = 0;
    }
    /* A name without letters takes its key from the id: not shared. */
    if (!in->by_id && evg_i_strmap_put(names, name, strlen(name), (long)i) < 0)
        return evg_i_error_nomem(p->b->err);
    return 0;
}

/* Unite mention `i` with the first one seen under `key` in `seen`. */
static int unite_by(people_ctx *p, evg_i_strmap *seen, const char *key, size_t i)
{
    long first = evg_i_strmap_get(seen, key, strlen(key));

    if (first >= 0)
        unite(p->uf, (size_t)first, i);
    else if (evg_i_strmap_put(seen, key, strlen(key), (long)i) < 0)
        return evg_i_error_nomem(p->b->err);
    return 0;
}

/*
 * Name analysis, aliases, and unions of full names by slug and by entity id.
 * A repeated name is united with its first mention, which was united by slug.
 */
static int link_full_names(people_ctx *p)
{
    evg_i_strmap names = EVG_I_STRMAP_INIT; /* a name -> its first mention */
    evg_i_strmap keys = EVG_I_STRMAP_INIT, ids = EVG_I_STRMAP_INIT;
    evg_i_strmap skels = EVG_I_STRMAP_INIT; /* skeleton@country -> its first mention */
    evg_i_buf sk = EVG_I_BUF_INIT;
    int rc = 0;

    for (size_t i = 0; i < p->n; i++) {
        const evg_entity *e = p->b->m[p->person[i]].e, *first;
        EVG_CHECK(analyse_cached(&p->first[i], p, &names, i));
        if (p->info[i].is_short)
            continue;
        /* spelling variants of one person of one country ("Shultz", "Schultz") */
        if (p->info[i].skeleton && e->country && e->country[0]) {
            evg_i_buf_clear(&sk);
            if (evg_i_buf_printf(&sk, "%s@%s", p->info[i].skeleton, e->country) < 0) {
                rc = evg_i_error_nomem(p->b->err);
                goto cleanup;
            }
            EVG_CHECK(unite_by(p, &skels, sk.ptr, i));
        }
        first = p->b->m[p->person[p->first[i]]].e;
        if (p->first[i] != i)
            unite(p->uf, p->first[i], i);
        else
            EVG_CHECK(unite_by(p, &keys, p->info[i].key, i));
        /*
         * A repeated name with the id of the name's first mention needs no
         * lookup: that mention was united with the id's first holder.
         */
        if (e->id && (first == e || first->id == NULL || strcmp(e->id, first->id) != 0))
            EVG_CHECK(unite_by(p, &ids, e->id, i));
    }
cleanup:
    evg_i_strmap_free(&names);
    evg_i_strmap_free(&keys);
    evg_i_strmap_free(&ids);
    evg_i_strmap_free(&skels);
    evg_i_buf_free(&sk);
    return rc;
}

static int by_full(const void *a, const void *b)
{
    const full_entry *x = a, *y = b;
    int c = strcmp(x->last, y->last);
    return c ? c : strcmp(x->key, y->key);
}

static int by_root_cc(const void *a, const void *b)
{
    const root_cc *x = a, *y = b;
    if (x->root != y->root)
        return x->root < y->root ? -1 : 1;
    return strcmp(x->cc, y->cc);
}

/* The year of the document of person mention i, or -1 when it has no date. */
static int doc_year(const people_ctx *p, size_t i)
{
    const char *d = evg_doc_date(p->b->docs[p->b->m[p->person[i]].doc]);
    int y = 0;

    for (int k = 0; k < 4; k++) {
        if (d == NULL || d[k] < '0' || d[k] > '9')
            return -1;
        y = y * 10 + (d[k] - '0');
    }
    return y;
}

/* Per component: its key, its full names by last word, its countries, its years. */
static int index_components(people_ctx *p)
{
    /* per root: the country noted last, to skip the run of its repeats */
    const char **last_cc = calloc(p->n + 1, sizeof(*last_cc));

    if (last_cc == NULL || (p->full = calloc(p->n + 1, sizeof(*p->full))) == NULL ||
        (p->cc = calloc(p->n + 1, sizeof(*p->cc))) == NULL ||
        (p->root_key = calloc(p->n + 1, sizeof(*p->root_key))) == NULL ||
        (p->year_min = malloc((p->n + 1) * sizeof(*p->year_min))) == NULL ||
        (p->year_max = malloc((p->n + 1) * sizeof(*p->year_max))) == NULL) {
        free(last_cc);
        return evg_i_error_nomem(p->b->err);
    }
    for (size_t i = 0; i <= p->n; i++)
        p->year_min[i] = p->year_max[i] = -1;
    for (size_t i = 0; i < p->n; i++) {
        const name_info *in = &p->info[i];
        const char *cc = p->b->m[p->person[i]].e->country, *dash;
        size_t r = find(p->uf, i);
        if (in->is_short)
            continue;
        int y = doc_year(p, i);
        if (y >= 0 && (p->year_min[r] < 0 || y < p->year_min[r]))
            p->year_min[r] = y;
        if (y > p->year_max[r])
            p->year_max[r] = y;
        if (p->first[i] == i) { /* a repeated name adds nothing */
            if (p->root_key[r] == NULL || strcmp(in->key, p->root_key[r]) < 0)
                p->root_key[r] = in->key;
            dash = strrchr(in->key, '-');
            p->full[p->nfull].last = dash ? dash + 1 : in->key;
            p->full[p->nfull].key = in->key;
            p->full[p->nfull++].root = r;
        }
        if (cc && cc[0] && (last_cc[r] == NULL || strcmp(last_cc[r], cc) != 0)) {
            p->cc[p->ncc].root = r;
            p->cc[p->ncc++].cc = last_cc[r] = cc;
        }
    }
    free(last_cc);
    if (p->nfull)
        qsort(p->full, p->nfull, sizeof(*p->full), by_full);
    if (p->ncc)
        qsort(p->cc, p->ncc, sizeof(*p->cc), by_root_cc);
    /*
     * One entry per distinct name and per distinct country of a component:
     * an official named in thousands of articles would otherwise make every
     * short name that could be theirs scan thousands of equal entries.
     */
    p->nfull = evg_i_unique(p->full, p->nfull, sizeof(*p->full), by_full);
    p->ncc = evg_i_unique(p->cc, p->ncc, sizeof(*p->cc), by_root_cc);
    return 0;
}

/* Whether component `root` may represent `cc`: it has no known country, or has `cc`. */
static int country_fits(const people_ctx *p, size_t root, const char *cc)
{
    int any = 0;

    size_t lo = 0, hi = p->ncc;

    if (cc == NULL || cc[0] == '\0')
        return 1;
    while (lo < hi) { /* the pairs are sorted by root: find its run */
        size_t mid = lo + (hi - lo) / 2;
        if (p->cc[mid].root < root)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < p->ncc && p->cc[i].root == root; i++) {
        any = 1;
        if (strcmp(p->cc[i].cc, cc) == 0)
            return 1;
    }
    return !any;
}

/* Whether a short name of `year` (-1: unknown) may be of component `root`'s era. */
static int era_fits(const people_ctx *p, size_t root, int year)
{
    return year < 0 || p->year_min[root] < 0 ||
           (year >= p->year_min[root] - ERA_YEARS &&
            year <= p->year_max[root] + ERA_YEARS);
}

/* Whether the short name (initials, surname) fits the full key `full`. */
static int name_fits(const name_info *s, const char *full)
{
    size_t nf = strlen(full), ns = strlen(s->surname);
    const char *given;

    /* The surname words end the full name, after a word boundary. */
    if (ns >= nf || strcmp(full + nf - ns, s->surname) != 0 || full[nf - ns - 1] != '-')
        return 0;
    given = full;
    for (const char *i = s->initials; *i; i++) {
        if (given >= full + nf - ns || *given != *i)
            return 0;
        given = strchr(given, '-') + 1; /* the next given name */
    }
    return 1;
}

/* The one component a short name of `year` can mean, or SIZE_MAX. */
static size_t match_short(people_ctx *p, const name_info *s, const char *cc, int year)
{
    const char *dash = strrchr(s->surname, '-'), *last = dash ? dash + 1 : s->surname;
    size_t lo = 0, hi = p->nfull, found = SIZE_MAX;

    while (lo < hi) { /* the first entry whose last word is `last` */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(p->full[mid].last, last) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < p->nfull && strcmp(p->full[i].last, last) == 0; i++) {
        const full_entry *f = &p->full[i];
        if (!name_fits(s, f->key) || !country_fits(p, f->root, cc) ||
            !era_fits(p, f->root, year))
            continue;
        if (found != SIZE_MAX && found != f->root)
            return SIZE_MAX; /* ambiguous: two people could be meant */
        found = f->root;
    }
    return found;
}

#define NO_COUNTRY ""

/* "person:~<short key>@<country>" for a short name that matched nobody. */
static int short_key(const char **out, people_ctx *p, const char *key, const char *cc)
{
    evg_i_buf k = EVG_I_BUF_INIT;
    int rc = 0;

    if (evg_i_buf_puts(&k, "person:~") < 0 || evg_i_buf_puts(&k, key) < 0 ||
        evg_i_buf_putc(&k, '@') < 0 || evg_i_buf_puts(&k, cc ? cc : NO_COUNTRY) < 0 ||
        (*out = evg_i_arena_strdup(p->b->arena, k.ptr)) == NULL)
        rc = evg_i_error_nomem(p->b->err);
    evg_i_buf_free(&k);
    return rc;
}

/* The last answer of match_short() for one name: a name recurs, mostly with one country.
 */
typedef struct {
    const char *cc;
    size_t root;
    int set, year;
} short_memo;

/* match_short() for person mention `i`, remembered per name (its first mention). */
static size_t match_short_cached(people_ctx *p, short_memo *memo, size_t i,
                                 const char *cc)
{
    short_memo *k = &memo[p->first[i]];
    int year = doc_year(p, i);

    if (!k->set || (k->cc == NULL) != (cc == NULL) || (cc && strcmp(k->cc, cc) != 0) ||
        k->year != year) {
        k->root = match_short(p, &p->info[i], cc, year);
        k->cc = cc;
        k->year = year;
        k->set = 1;
    }
    return k->root;
}

/*
 * Keys of short names: the matched component's, else one per (short name,
 * country); without a country, the one country its unmatched namesakes
 * have, if they have exactly one.
 */
static int key_short_names(people_ctx *p)
{
    evg_i_strmap cc_of =
        EVG_I_STRMAP_INIT; /* short key -> index of its one country, or -2 */
    short_memo *memo = calloc(p->n + 1, sizeof(*memo));
    int rc = 0;

    if (memo == NULL)
        return evg_i_error_nomem(p->b->err);
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < p->n; i++) {
            evg_i_mention *m = &p->b->m[p->person[i]];
            const name_info *in = &p->info[i];
            const char *cc = m->e->country && m->e->country[0] ? m->e->country : NULL;
            size_t r;
            long one;
            if (!in->is_short || m->key != NULL)
                continue;
            if ((r = match_short_cached(p, memo, i, cc)) != SIZE_MAX) {
                m->key = p->b->m[p->person[r]].key;
                continue;
            }
            one = evg_i_strmap_get(&cc_of, in->key, strlen(in->key));
            if (pass == 0 && cc) { /* note the countries of unmatched short names */
                const char *seen = one >= 0 && one != LONG_MAX
                                       ? p->b->m[p->person[one]].e->country
                                       : NULL;
                if (one == -1 || (seen && strcmp(seen, cc) != 0))
                    if (evg_i_strmap_put(&cc_of, in->key, strlen(in->key),
                                         one == -1 ? (long)i : LONG_MAX) < 0) {
                        rc = evg_i_error_nomem(p->b->err);
                        goto cleanup;
                    }
            }
            if (pass == 1 && cc == NULL && one >= 0 && one != LONG_MAX)
                cc = p->b->m[p->person[one]].e->country;
            if (pass == 1 || cc)
                EVG_CHECK(short_key(&m->key, p, in->key, cc));
        }
    }
cleanup:
    evg_i_strmap_free(&cc_of);
    free(memo);
    return rc;
}

/* Keys of full names: "person:" and the smallest full key of the component. */
static int key_full_names(people_ctx *p)
{
    evg_i_buf k = EVG_I_BUF_INIT;
    int rc = 0;

    for (size_t i = 0; i < p->n && rc == 0; i++) {
        evg_i_mention *m = &p->b->m[p->person[i]];
        size_t r = find(p->uf, i);
        m->is_short = p->info[i].is_short;
        if (p->info[i].is_short || r != i)
            continue;
        evg_i_buf_clear(&k);
        if (evg_i_buf_puts(&k, "person:") < 0 || evg_i_buf_puts(&k, p->root_key[r]) < 0 ||
            (m->key = evg_i_arena_strdup(p->b->arena, k.ptr)) == NULL)
            rc = evg_i_error_nomem(p->b->err);
    }
    for (size_t i = 0; i < p->n && rc == 0; i++)
        if (!p->info[i].is_short)
            p->b->m[p->person[i]].key = p->b->m[p->person[find(p->uf, i)]].key;
    evg_i_buf_free(&k);
    return rc;
}

int evg_i_resolve_people(evg_i_builder *b)
{
    people_ctx p;
    int rc = 0;

    memset(&p, 0, sizeof p);
    p.b = b;
    if ((p.person = calloc(b->nm + 1, sizeof(*p.person))) == NULL) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    for (size_t i = 0; i < b->nm; i++)
        if (b->m[i].type == EVG_ENT_PERSON)
            p.person[p.n++] = i;
    b->stats.person_mentions = p.n;
    if ((p.info = calloc(p.n + 1, sizeof(*p.info))) == NULL ||
        (p.first = calloc(p.n + 1, sizeof(*p.first))) == NULL ||
        (p.uf = calloc(p.n + 1, sizeof(*p.uf))) == NULL) {
        rc = evg_i_error_nomem(b->err);
        goto cleanup;
    }
    for (size_t i = 0; i < p.n; i++)
        p.uf[i] = i;
    EVG_CHECK(link_full_names(&p));
    EVG_CHECK(index_components(&p));
    EVG_CHECK(key_full_names(&p));
    EVG_CHECK(key_short_names(&p));
cleanup:
    free(p.person);
    free(p.info);
    free(p.first);
    free(p.uf);
    free(p.full);
    free(p.cc);
    free(p.root_key);
    free(p.year_min);
    free(p.year_max);
    return rc;
}
