/*
 * Small helpers shared by the unit tests: temporary directories, writing and
 * reading whole files, and a diagnostic collector. Header-only so that every
 * test_<module>.c stays one executable.
 */
#ifndef EVG_UNIT_HELPERS_H
#define EVG_UNIT_HELPERS_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evgraph/error.h"

/* A fresh directory under $TMPDIR (or /tmp); the caller frees the name. */
static inline char *th_mkdtemp(void)
{
    const char *base = getenv("TMPDIR");
    size_t n;
    char *p;

    if (base == NULL || base[0] == '\0')
        base = "/tmp";
    n = strlen(base) + sizeof "/evg-unit-XXXXXX";
    if ((p = malloc(n)) == NULL)
        return NULL;
    snprintf(p, n, "%s/evg-unit-XXXXXX", base);
    if (mkdtemp(p) == NULL) {
        free(p);
        return NULL;
    }
    return p;
}

/* "dir/name" in a malloc()ed string. */
static inline char *th_join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);

    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/* Write `len` bytes to `path`; 0 on success. */
static inline int th_write(const char *path, const char *data, size_t len)
{
    FILE *f = fopen(path, "wb");
    int ok;

    if (f == NULL)
        return -1;
    ok = fwrite(data, 1, len, f) == len;
    return (fclose(f) == 0 && ok) ? 0 : -1;
}

static inline int th_write_str(const char *path, const char *s)
{
    return th_write(path, s, strlen(s));
}

/* The whole file as a NUL-terminated malloc()ed string (length in *len_out), or NULL. */
static inline char *th_read(const char *path, size_t *len_out)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t len = 0, cap = 0, n;

    if (f == NULL)
        return NULL;
    do {
        if (cap - len < 4096) {
            char *nb = realloc(buf, cap + 8192);
            if (nb == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = nb;
            cap += 8192;
        }
        n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
    } while (n > 0);
    fclose(f);
    buf[len] = '\0';
    if (len_out)
        *len_out = len;
    return buf;
}

/* Remove a tree; symbolic links are removed, not followed. */
static inline void th_rmtree(const char *path)
{
    struct stat st;
    DIR *d;
    struct dirent *de;

    if (lstat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        unlink(path);
        return;
    }
    chmod(path, 0700);
    if ((d = opendir(path)) != NULL) {
        while ((de = readdir(d)) != NULL) {
            char *child;
            if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
                continue;
            if ((child = th_join(path, de->d_name)) != NULL) {
                th_rmtree(child);
                free(child);
            }
        }
        closedir(d);
    }
    rmdir(path);
}

/* What the name of an output's temporary file starts with (src/util/fileio.h). */
#define TH_TMP ".evgraph.tmp."

/* How many entries of `dir` have names containing `part`. */
static inline int th_count_entries(const char *dir, const char *part)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    int n = 0;

    if (d == NULL)
        return -1;
    while ((de = readdir(d)) != NULL)
        if (strstr(de->d_name, part) != NULL)
            n++;
    closedir(d);
    return n;
}

/* Diagnostics collected from an evg_diag_fn, for assertions. */
#define TH_MAX_DIAGS 16
typedef struct {
    int n;
    evg_error errs[TH_MAX_DIAGS];
    evg_severity sev[TH_MAX_DIAGS];
} th_diags;

static inline void th_collect_diag(const evg_error *err, evg_severity sev, void *payload)
{
    th_diags *d = payload;

    if (d->n < TH_MAX_DIAGS) {
        d->errs[d->n] = *err;
        d->sev[d->n] = sev;
    }
    d->n++;
}

/* The index of the first diagnostic whose source ends with `suffix`, or -1. */
static inline int th_find_diag(const th_diags *d, const char *suffix)
{
    size_t k = strlen(suffix);

    for (int i = 0; i < d->n && i < TH_MAX_DIAGS; i++) {
        size_t n = strlen(d->errs[i].source);
        if (n >= k && strcmp(d->errs[i].source + n - k, suffix) == 0)
            return i;
    }
    return -1;
}

#endif
