#ifndef EVG_UTIL_STRMAP_H
#define EVG_UTIL_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

/*
 * A hash map from byte strings to non-negative integers (indexes into the
 * caller's own tables). Open addressing with linear probing and a one-byte
 * tag per slot; keys are copied into the map's own arena (a few blocks, not
 * one allocation per key: a map of a few keys costs one or two).
 */
typedef struct {
    struct evg_i_strmap_slot *slots;
    uint8_t *tags; /* 0: the slot is empty */
    size_t cap, count;
    evg_i_arena keys;
} evg_i_strmap;

#define EVG_I_STRMAP_INIT                                                                \
    {                                                                                    \
        NULL, NULL, 0, 0, EVG_I_ARENA_INIT                                               \
    }

/* The value stored for the key, or -1. */
long evg_i_strmap_get(const evg_i_strmap *m, const char *key, size_t len);

/*
 * Store `value` (>= 0) for the key, replacing any previous value. Returns 0
 * or EVG_ENOMEM.
 */
int evg_i_strmap_put(evg_i_strmap *m, const char *key, size_t len, long value);

void evg_i_strmap_free(evg_i_strmap *m);

/* FNV-1a, also used by callers that need a stable hash of a string. */
uint64_t evg_i_hash(const char *s, size_t len);

#define EVG_I_HASH_INIT 1469598103934665603ULL

/* One more byte of an FNV-1a hash: evg_i_hash(s) is EVG_I_HASH_INIT and each byte in
 * turn. */
static inline uint64_t evg_i_hash_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * 1099511628211ULL;
}

/* evg_i_strmap_get() for a key whose evg_i_hash() the caller computed along the way. */
long evg_i_strmap_get_hashed(const evg_i_strmap *m, const char *key, size_t len,
                             uint64_t hash);

#endif
