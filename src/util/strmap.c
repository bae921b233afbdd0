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

/* A slot's tag: the hash's top bits, never 0, which marks an empty slot. */
static inline uint8_t tag_of(uint64_t h)
{
    return (uint8_t)((h >> 57) | 0x80);
}

/*
 * The slot holding the key, or the empty slot where it would go. The probe
 * reads the one-byte tags first: a miss, the common case for the words of a
 * text looked up in a lexicon, touches only the small tag array, which stays
 * in cache where the slots would not.
 */
static size_t find(const evg_i_strmap *m, const char *key, size_t len, uint64_t h)
{
    size_t i = (size_t)h & (m->cap - 1);
    uint8_t tag = tag_of(h);

    for (;;) {
        uint8_t t = m->tags[i];
        if (t == 0)
            return i;
        if (t == tag) {
            const struct evg_i_strmap_slot *s = &m->slots[i];
            if (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0)
                return i;
        }
        i = (i + 1) & (m->cap - 1);
    }
}

long evg_i_strmap_get_hashed(const evg_i_strmap *m, const char *key, size_t len,
                             uint64_t hash)
{
    size_t i;

    if (m->cap == 0)
        return -1;
    i = find(m, key, len, hash);
    return m->tags[i] ? m->slots[i].value : -1;
}

long evg_i_strmap_get(const evg_i_strmap *m, const char *key, size_t len)
{
    return evg_i_strmap_get_hashed(m, key, len, evg_i_hash(key, len));
}

static int rehash(evg_i_strmap *m, size_t ncap)
{
    struct evg_i_strmap_slot *old = m->slots, *slots;
    uint8_t *otags = m->tags, *tags;
    size_t ocap = m->cap;

    slots = calloc(ncap, sizeof(*slots));
    tags = calloc(ncap, 1);
    if (slots == NULL || tags == NULL) {
        free(slots);
        free(tags);
        return EVG_ENOMEM;
    }
    m->slots = slots;
    m->tags = tags;
    m->cap = ncap;
    for (size_t i = 0; i < ocap; i++)
        if (otags[i]) {
            size_t j = find(m, old[i].key, old[i].len, old[i].hash);
            slots[j] = old[i];
            tags[j] = otags[i];
        }
    free(old);
    free(otags);
    return 0;
}

int evg_i_strmap_put(evg_i_strmap *m, const char *key, size_t len, long value)
{
    struct evg_i_strmap_slot *s;
    uint64_t h = evg_i_hash(key, len);
    size_t i;

    /* at most half full: a miss, the common case, then probes 2.5 slots on average;
     * small to start with: an article makes a dozen maps of a few keys each */
    if ((m->count + 1) * 2 >= m->cap && rehash(m, m->cap ? m->cap * 2 : 8) < 0)
        return EVG_ENOMEM;
    i = find(m, key, len, h);
    s = &m->slots[i];
    if (m->tags[i] == 0) {
        if ((s->key = evg_i_arena_alloc(&m->keys, len + 1)) == NULL)
            return EVG_ENOMEM;
        m->tags[i] = tag_of(h);
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
    free(m->slots);
    free(m->tags);
    evg_i_arena_free(&m->keys);
    m->slots = NULL;
    m->tags = NULL;
    m->cap = m->count = 0;
}
