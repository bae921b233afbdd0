#ifndef EVG_UTIL_JSCRATCH_H
#define EVG_UTIL_JSCRATCH_H

#include <stddef.h>

/*
 * Scratch memory for jansson while one record is parsed. A record's tree
 * costs jansson hundreds of small malloc() and free() calls; reading a
 * million events spent half its time there and left the heap fragmented
 * for the build. Between evg_i_jscratch_begin() and evg_i_jscratch_end(),
 * jansson's allocations on the calling thread come from the scratch block
 * and its frees of them cost nothing; what does not fit goes to spill
 * blocks of the window, and the block grows for the next record.
 * evg_i_jscratch_end() releases everything made in the window, so a tree
 * parsed in it needs no json_decref() (which would walk the whole tree to
 * free nothing); no JSON value made in the window may be used after it.
 *
 * jansson has one allocator per process: evg_i_jscratch_install() sets it
 * (once; evg_global_init() and the first begin call it). Outside a scratch
 * window, and on threads without one, it hands everything to the
 * allocator that was there before, so other users of jansson in the
 * process see no difference. It sets cJSON's hooks (model/doc_json_fast.c)
 * the same way, handing to malloc() and free() outside a window: a program
 * that sets cJSON's hooks itself after that should leave them to malloc()
 * and free(), or its trees made in our windows would not be ours to drop.
 */
typedef struct evg_i_jspill evg_i_jspill;
typedef struct {
    unsigned char *block;
    size_t used, cap;
    size_t missed;       /* bytes that did not fit since the last begin */
    evg_i_jspill *spill; /* this window's blocks for what did not fit */
} evg_i_jscratch;

#define EVG_I_JSCRATCH_INIT                                                              \
    {                                                                                    \
        NULL, 0, 0, 0, NULL                                                              \
    }

void evg_i_jscratch_install(void);
void evg_i_jscratch_begin(evg_i_jscratch *s);
void evg_i_jscratch_end(evg_i_jscratch *s);
/*
 * Whether the calling thread is in a window: then what jansson makes now
 * is released by evg_i_jscratch_end(), with no json_decref() needed.
 */
int evg_i_jscratch_active(void);
/* Release the block (not during a window). */
void evg_i_jscratch_free(evg_i_jscratch *s);

#endif
