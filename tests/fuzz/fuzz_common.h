#ifndef EVG_FUZZ_COMMON_H
#define EVG_FUZZ_COMMON_H

/*
 * What the fuzz targets share. Each target defines both entry points of
 * libFuzzer; standalone.c supplies main() when libFuzzer does not. A target
 * checks the promises of the code it drives (every error names its source,
 * what was written reads back the same) and abort()s when one is broken, so
 * that the fuzzer reports it like a crash.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <evgraph.h>

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond, what)                                                           \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            fprintf(stderr, "%s:%d: broken promise: %s (%s)\n", __FILE__, __LINE__,      \
                    what, #cond);                                                        \
            abort();                                                                     \
        }                                                                                \
    } while (0)

/*
 * A file of the fuzzer's own in the temporary folder, with `suffix` (the
 * readers choose by extension); rewritten with each input. The path is
 * static; the file is removed at exit.
 */
const char *fuzz_tmp_path(const char *suffix);

/* Replace the contents of the file at `path` with `size` bytes of `data`. */
void fuzz_write_file(const char *path, const uint8_t *data, size_t size);

/*
 * An evg_diag_fn that checks a diagnostic names its source (and a line when
 * `payload` points to a nonzero int), as users are promised.
 */
void fuzz_check_diag(const evg_error *err, evg_severity sev, void *payload);

/*
 * The error a reader returned with status `rc` names `source`, has a
 * message, and when `need_line` a line (1 or more) for a parse error.
 */
void fuzz_check_error(const evg_error *err, int rc, const char *source, int need_line);

#endif
