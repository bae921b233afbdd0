/*
 * Replays fuzz inputs without libFuzzer, so that any compiler runs the
 * corpora as ordinary tests (and the sanitizer build runs them under ASan and
 * UBSan). Each argument is a file or a folder of files; each file is handed
 * to LLVMFuzzerTestOneInput() once, in a buffer of exactly its size so that
 * AddressSanitizer sees a read past its end. A crash is the failure; the
 * targets abort() when an invariant does not hold.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int run_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    long size;

    if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (size = ftell(f)) < 0 ||
        fseek(f, 0, SEEK_SET) != 0) {
        fprintf(stderr, "standalone: %s: cannot read\n", path);
        if (f)
            fclose(f);
        return -1;
    }
    /* malloc(0) may return NULL; one byte more is never read by the target. */
    if ((data = malloc(size > 0 ? (size_t)size : 1)) == NULL ||
        fread(data, 1, (size_t)size, f) != (size_t)size) {
        fprintf(stderr, "standalone: %s: cannot read\n", path);
        free(data);
        fclose(f);
        return -1;
    }
    fclose(f);
    LLVMFuzzerTestOneInput(data, (size_t)size);
    free(data);
    return 0;
}

/* The files of `dir` (not hidden), in byte order of their names. */
static int run_dir(const char *dir, size_t *count)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0;
    int rc = 0;

    if (d == NULL) {
        fprintf(stderr, "standalone: %s: cannot open folder\n", dir);
        return -1;
    }
    while ((de = readdir(d)) != NULL) {
        char *p;
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **v = realloc(names, (cap = cap ? 2 * cap : 64) * sizeof(*v));
            if (v == NULL)
                abort();
            names = v;
        }
        size_t size = strlen(dir) + strlen(de->d_name) + 2;
        if ((p = malloc(size)) == NULL)
            abort();
        snprintf(p, size, "%s/%s", dir, de->d_name);
        names[n++] = p;
    }
    closedir(d);
    qsort(names, n, sizeof(*names), by_name);
    for (size_t i = 0; i < n; i++) {
        if (rc == 0 && run_file(names[i]) < 0)
            rc = -1;
        free(names[i]);
    }
    free(names);
    *count += n;
    return rc;
}

int main(int argc, char **argv)
{
    size_t count = 0;
    int rc = 0;

    LLVMFuzzerInitialize(&argc, &argv);
    for (int i = 1; i < argc; i++) {
        struct stat st;
        if (stat(argv[i], &st) != 0) {
            fprintf(stderr, "standalone: %s: not found\n", argv[i]);
            rc = 1;
        } else if (S_ISDIR(st.st_mode)) {
            rc |= run_dir(argv[i], &count) < 0;
        } else {
            rc |= run_file(argv[i]) < 0;
            count++;
        }
    }
    if (count == 0) { /* an empty corpus would pass without testing anything */
        fprintf(stderr, "standalone: no input was run\n");
        rc = 1;
    }
    printf("%zu inputs run\n", count);
    return rc;
}
