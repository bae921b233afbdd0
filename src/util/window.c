/*
 * The ordered work window of window.h. One mutex guards the counters and the
 * slots' states; a slot itself belongs to whoever moved it last: the caller
 * while it fills or reads it, the thread that took it while it is done.
 * Signals go only to a thread that waits for them (idle workers, a watching
 * caller), which keeps the futex calls to a few per stall rather than per job.
 */
#include <stdlib.h>
#include <string.h>

#include "util/error.h"
#include "util/window.h"

enum { EMPTY, WAITING, TAKEN, DONE };

static void *slot(const evg_i_window *w, size_t seq)
{
    return w->slots + (seq % w->cap) * w->size;
}

/* Take the next waiting job, do it unlocked, mark it done. Called locked. */
static void do_one(evg_i_window *w)
{
    size_t seq = w->take++;

    w->state[seq % w->cap] = TAKEN;
    pthread_mutex_unlock(&w->mu);
    w->work(slot(w, seq), w->payload);
    pthread_mutex_lock(&w->mu);
    w->state[seq % w->cap] = DONE;
}

static void *worker(void *arg)
{
    evg_i_window *w = arg;

    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (w->take == w->next && !w->stop) {
            w->idle++;
            pthread_cond_wait(&w->jobs, &w->mu);
            w->idle--;
        }
        if (w->take == w->next)
            break; /* stopped, nothing left */
        do_one(w);
        if (w->watching)
            pthread_cond_signal(&w->done);
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

int evg_i_window_init(evg_i_window *w, size_t cap, size_t size, unsigned threads,
                      evg_i_work_fn work, void *payload)
{
    unsigned nworkers = threads > 1 ? threads - 1 : 0;

    memset(w, 0, sizeof *w);
    w->cap = cap ? cap : 1;
    w->size = size;
    w->work = work;
    w->payload = payload;
    if ((w->slots = calloc(w->cap, size)) == NULL ||
        (w->state = calloc(w->cap, 1)) == NULL ||
        (nworkers && (w->threads = calloc(nworkers, sizeof(*w->threads))) == NULL)) {
        free(w->slots);
        free(w->state);
        return EVG_ENOMEM;
    }
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->jobs, NULL);
    pthread_cond_init(&w->done, NULL);
    for (; w->started < nworkers; w->started++)
        if (pthread_create(&w->threads[w->started], NULL, worker, w) != 0)
            break; /* the caller does the work of those that did not start */
    return 0;
}

unsigned evg_i_window_workers(const evg_i_window *w)
{
    return w->started;
}

size_t evg_i_window_count(const evg_i_window *w)
{
    return w->next - w->emit;
}

void *evg_i_window_tail(evg_i_window *w)
{
    return w->next - w->emit < w->cap ? slot(w, w->next) : NULL;
}

void evg_i_window_push(evg_i_window *w)
{
    pthread_mutex_lock(&w->mu);
    w->state[w->next++ % w->cap] = WAITING;
    if (w->idle)
        pthread_cond_signal(&w->jobs);
    pthread_mutex_unlock(&w->mu);
}

void *evg_i_window_head(evg_i_window *w)
{
    int done;

    if (w->emit == w->next)
        return NULL;
    pthread_mutex_lock(&w->mu);
    done = w->state[w->emit % w->cap] == DONE;
    pthread_mutex_unlock(&w->mu);
    return done ? slot(w, w->emit) : NULL;
}

void *evg_i_window_wait(evg_i_window *w)
{
    if (w->emit == w->next)
        return NULL;
    pthread_mutex_lock(&w->mu);
    while (w->state[w->emit % w->cap] != DONE) {
        if (w->take < w->next) {
            do_one(w); /* rather than sleep */
            continue;
        }
        w->watching = 1;
        pthread_cond_wait(&w->done, &w->mu);
        w->watching = 0;
    }
    pthread_mutex_unlock(&w->mu);
    return slot(w, w->emit);
}

void evg_i_window_pop(evg_i_window *w)
{
    /* done, so no worker holds it: the caller's alone */
    w->state[w->emit++ % w->cap] = EMPTY;
}

void evg_i_window_free(evg_i_window *w, void (*clear)(void *slot))
{
    if (w->slots == NULL)
        return;
    pthread_mutex_lock(&w->mu);
    w->stop = 1;
    w->take = w->next;
    pthread_cond_broadcast(&w->jobs);
    pthread_mutex_unlock(&w->mu);
    for (unsigned i = 0; i < w->started; i++)
        pthread_join(w->threads[i], NULL);
    pthread_mutex_destroy(&w->mu);
    pthread_cond_destroy(&w->jobs);
    pthread_cond_destroy(&w->done);
    for (size_t i = 0; clear && i < w->cap; i++)
        clear(w->slots + i * w->size);
    free(w->slots);
    free(w->state);
    free(w->threads);
    memset(w, 0, sizeof *w);
}
