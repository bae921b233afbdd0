#ifndef EVG_UTIL_WINDOW_H
#define EVG_UTIL_WINDOW_H

#include <pthread.h>
#include <stddef.h>

/*
 * A window of jobs done on several threads and handed on in the order they
 * came: the calling thread puts jobs in at the tail, workers do them, and
 * the caller takes them out at the head, in order, doing waiting jobs itself
 * rather than sleeping while the head is not done. So `threads` threads work
 * with threads - 1 workers, one thread is the caller alone, and what the
 * caller hands on (records, diagnostics) is the same whatever the count.
 *
 * A job is a slot of `size` bytes the caller fills between _tail and _push,
 * and reads between _head/_wait and _pop; the work function gets it alone,
 * without the lock, and must not touch the window.
 */
typedef void (*evg_i_work_fn)(void *slot, void *payload);

typedef struct {
    unsigned char *slots; /* cap slots of `size` bytes */
    unsigned char *state;
    size_t size, cap;
    size_t next, emit, take; /* jobs [emit, next) are in the window; [take, next) wait */
    evg_i_work_fn work;
    void *payload;
    pthread_t *threads;
    unsigned started;
    int stop;     /* workers take nothing more */
    int idle;     /* workers waiting for a job */
    int watching; /* the caller waits for the head */
    pthread_mutex_t mu;
    pthread_cond_t jobs, done;
} evg_i_window;

/*
 * A window of `cap` zeroed slots of `size` bytes and up to threads - 1
 * workers (fewer if the system refuses some: the caller does the rest).
 * 0, or EVG_ENOMEM.
 */
int evg_i_window_init(evg_i_window *w, size_t cap, size_t size, unsigned threads,
                      evg_i_work_fn work, void *payload);
/* Workers running beside the caller (0: the caller does every job, in _wait). */
unsigned evg_i_window_workers(const evg_i_window *w);
/* Jobs in the window: put in and not yet taken out. */
size_t evg_i_window_count(const evg_i_window *w);
/* The slot of the next job, while the window is not full; NULL when it is. */
void *evg_i_window_tail(evg_i_window *w);
/* The tail slot holds a job: let a thread do it. */
void evg_i_window_push(evg_i_window *w);
/* The oldest job if it is done, else NULL (also when the window is empty). */
void *evg_i_window_head(evg_i_window *w);
/* The oldest job, once done (doing others meanwhile); NULL when the window is empty. */
void *evg_i_window_wait(evg_i_window *w);
/* The oldest job was handed on: its slot is free for a new one. */
void evg_i_window_pop(evg_i_window *w);
/*
 * Stop the workers (they finish the job they hold and take no other) and
 * free the window; jobs still in it are neither done nor handed on. `clear`
 * (may be NULL) gets every slot, used or not, to free what the caller and
 * the work put in them.
 */
void evg_i_window_free(evg_i_window *w, void (*clear)(void *slot));

#endif
