#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/strmap.h"

struct evg_i_strmap_slot {
    char *key; /* NULL: empty */
    size_t len;
    uint64_t hash;
    long value;
};

uint64_t evg_i_hash(const char *s, size_t len)
{
    uint64_t h = EVG_I_HASH_INIT;

    for (size_t i = 0; i < len; i++)
        h = evg_i_hash_byte(h, (unsigned char)s[i]);
    return h;
}

static struct evg_i_strmap_slot *find(const evg_i_strmap *m, const char *key, size_t len,
                                      uint64_t h)
{
    size_t i = (size_t)h & (m->cap - 1);

    for (;;) {
        struct evg_i_strmap_slot *s = &m->slots[i];
        if (s->key == NULL ||
            (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
            return s;
        i = (i + 1) & (m->cap - 1);
    }
}

long evg_i_strmap_get_hashed(const evg_i_strmap *m, const char *key, size_t len, uint64_t hash)
{
    struct evg_i_strmap_slot *s;

    if (m->cap == 0)
        return -1;
    s = find(m, key, len, hash);
    return s->key ? s->value : -1;
}

long evg_i_strmap_get(const evg_i_strmap *m, const char *key, size_t len)
{
    return evg_i_strmap_get_hashed(m, key, len, evg_i_hash(key, len));
}

static int rehash(evg_i_strmap *m, size_t ncap)
{
    struct evg_i_strmap_slot *old = m->slots, *slots;
    size_t ocap = m->cap;

    if ((slots = calloc(ncap, sizeof(*slots))) == NULL)
        return EVG_ENOMEM;
    m->slots = slots;
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (old[i].key)
            *find(m, old[i].key, old[i].len, old[i].hash) = old[i];
    free(old);
    return 0;
}

int evg_i_strmap_put(evg_i_strmap *m, const char *key, size_t len, long value)
{
    struct evg_i_strmap_slot *s;
    uint64_t h = evg_i_hash(key, len);

    /* at most half full: a miss, the common case, then probes 2.5 slots on average */
    if ((m->count + 1) * 2 >= m->cap && rehash(m, m->cap ? m->cap * 2 : 64) < 0)
        return EVG_ENOMEM;
    s = find(m, key, len, h);
    if (s->key == NULL) {
        if ((s->key = malloc(len + 1)) == NULL)
            return EVG_ENOMEM;
        memcpy(s->key, key, len);
        s->key[len] = '\0';
        s->len = len;
        s->hash = h;
        m->count++;
    }
    s->value = value;
    return 0;
}

void evg_i_strmap_free(evg_i_strmap *m)
{
    for (size_t i = 0; i < m->cap; i++)
        free(m->slots[i].key);
    free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
}
