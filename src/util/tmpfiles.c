/*
 * The temporary files of the outputs being written, removed when a signal
 * ends the process (evg_ofile_clean_on_signals()): a run interrupted while
 * writing the graph of a large corpus would otherwise leave hundreds of
 * megabytes beside its outputs.
 *
 * The handler may run at any moment, on any thread, even while another
 * thread notes or forgets a file. So the table is a fixed array of pointers
 * changed only by lock-free atomic operations (which C11 allows in a signal
 * handler): the handler takes each path out of the table with an exchange,
 * and a thread that forgets a path frees it only when its own exchange took
 * it, so the handler never reads freed memory. The handler calls only
 * unlink() and raise(), which are async-signal-safe.
 */
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "evgraph/io.h"
#include "util/buf.h"
#include "util/fileio.h"

/* More files than a program writes at once; one more is simply not removed by a signal.
 */
#define SLOTS 128

static _Atomic(char *) slots[SLOTS];
/* The paths evg_ofile_remove_temporaries() took out: a signal handler may not free()
 * them, and kept here they are no leak to valgrind or LeakSanitizer. */
static _Atomic(char *) removed[SLOTS];

/* The signals whose default action ends the process and that a user or a system sends
 * to stop it: hang-up, Ctrl-C, Ctrl-\, a closed pipe, kill, CPU and file size limits. */
static const int SIGNALS[] = {SIGHUP,  SIGINT,  SIGQUIT, SIGPIPE,
                              SIGTERM, SIGXCPU, SIGXFSZ};
#define NSIGNALS (sizeof SIGNALS / sizeof SIGNALS[0])

void evg_i_tmp_note(const char *path)
{
    char *copy = evg_i_strdup(path);

    if (copy == NULL)
        return; /* out of memory: this one stays if a signal comes */
    for (size_t i = 0; i < SLOTS; i++) {
        char *expected = NULL;
        if (atomic_load(&slots[i]) == NULL &&
            atomic_compare_exchange_strong(&slots[i], &expected, copy))
            return;
    }
    free(copy); /* the table is full: likewise */
}

void evg_i_tmp_forget(const char *path)
{
    for (size_t i = 0; i < SLOTS; i++) {
        char *p = atomic_load(&slots[i]);
        /* `p` is never freed while in the table: reading it is safe; it is ours to
         * free only when our exchange takes it out, not the handler's */
        if (p && strcmp(p, path) == 0 &&
            atomic_compare_exchange_strong(&slots[i], &p, NULL)) {
            free(p);
            return;
        }
    }
}

void evg_ofile_remove_temporaries(void)
{
    for (size_t i = 0; i < SLOTS; i++) {
        char *p = atomic_exchange(&slots[i], NULL);
        if (p == NULL)
            continue;
        unlink(p);
        for (size_t k = 0; k < SLOTS; k++) {
            char *expected = NULL;
            if (atomic_compare_exchange_strong(&removed[k], &expected, p))
                break;
        }
    }
}

/* Remove the temporary files, then end the process by the signal's default action. */
static void on_signal(int sig)
{
    evg_ofile_remove_temporaries();
    /* SA_RESETHAND made the action the default one again, and the signal is blocked
     * while the handler runs: it is delivered, and ends the process, on return. */
    raise(sig);
}

int evg_ofile_clean_on_signals(void)
{
    struct sigaction sa, old;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sa.sa_flags = SA_RESETHAND;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NSIGNALS; i++) /* one signal at a time cleans up */
        sigaddset(&sa.sa_mask, SIGNALS[i]);
    for (size_t i = 0; i < NSIGNALS; i++) {
        if (sigaction(SIGNALS[i], NULL, &old) != 0)
            return EVG_EIO;
        /* a signal ignored (nohup) or handled by the program is left as it is */
        if ((old.sa_flags & SA_SIGINFO) || old.sa_handler != SIG_DFL)
            continue;
        if (sigaction(SIGNALS[i], &sa, NULL) != 0)
            return EVG_EIO;
    }
    return 0;
}
