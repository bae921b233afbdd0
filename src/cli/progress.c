/*
 * The progress line of long runs: one line on standard error, rewritten in
 * place, only when standard error is a terminal (nothing in a pipe or a
 * log, nor with TERM=dumb). Diagnostics clear it first (cli.c), so they stand on lines of
 * their own and the next update writes it again below them.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"

static struct {
    int on;         /* standard error is a terminal */
    int shown;      /* a line is on the screen */
    double started; /* of what the rate is measured over */
    double updated; /* last rate line */
} line;

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void cli_progress_begin(void)
{
    const char *term = getenv("TERM");

    /* a terminal that cannot go back to the start of the line gets none */
    line.on = isatty(fileno(stderr)) && term && term[0] && strcmp(term, "dumb") != 0;
    line.started = line.updated = now();
}

int cli_progress_on(void)
{
    return line.on;
}

void cli_progress_stage(const char *fmt, ...)
{
    va_list ap;

    if (!line.on)
        return;
    fputs("\revgraph: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\033[K", stderr); /* the rest of the previous line */
    line.shown = 1;
}

void cli_progress_rate(const char *what, size_t docs, size_t bytes, size_t total)
{
    double t = now(), rate;

    if (!line.on || t - line.updated < 0.25)
        return;
    line.updated = t;
    rate = bytes / 1e6 / (t - line.started > 1e-6 ? t - line.started : 1e-6);
    if (total > bytes && rate > 0)
        cli_progress_stage("%zu %s, %.1f MB, %.1f MB/s, ETA %.0f s", docs, what,
                           bytes / 1e6, rate, (total - bytes) / 1e6 / rate);
    else
        cli_progress_stage("%zu %s, %.1f MB, %.1f MB/s", docs, what, bytes / 1e6, rate);
}

void cli_progress_clear(void)
{
    if (line.shown)
        fputs("\r\033[K", stderr);
    line.shown = 0;
}

void cli_reading_init(cli_reading *r, const char *const *paths, size_t n)
{
    struct stat st;

    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < n; i++) {
        if (strcmp(paths[i], "-") == 0 || stat(paths[i], &st) != 0 ||
            !S_ISREG(st.st_mode)) {
            r->total = 0; /* a pipe or a folder: no ETA */
            return;
        }
        r->total += (size_t)st.st_size;
    }
}

void cli_reading_progress(size_t docs, size_t bytes, size_t total, void *payload)
{
    cli_reading *r = payload;

    (void)total; /* of this file: r->total is of them all */
    r->file_docs = docs;
    r->file_bytes = bytes;
    cli_progress_rate("records", r->docs + docs, r->bytes + bytes, r->total);
}

void cli_reading_next(cli_reading *r)
{
    r->docs += r->file_docs;
    r->bytes += r->file_bytes;
    r->file_docs = r->file_bytes = 0;
}
