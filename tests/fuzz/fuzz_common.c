/* Helpers of the fuzz targets: a scratch file, checks of diagnostics. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_common.h"

static char tmp_dir[256], tmp_path[320];

static void remove_tmp(void)
{
    if (tmp_path[0])
        unlink(tmp_path);
    if (tmp_dir[0])
        rmdir(tmp_dir);
}

const char *fuzz_tmp_path(const char *suffix)
{
    const char *base = getenv("TMPDIR");

    if (tmp_path[0])
        return tmp_path;
    snprintf(tmp_dir, sizeof tmp_dir, "%s/evg-fuzz-XXXXXX",
             base && *base ? base : "/tmp");
    FUZZ_CHECK(mkdtemp(tmp_dir) != NULL, "a scratch folder");
    snprintf(tmp_path, sizeof tmp_path, "%s/input%s", tmp_dir, suffix);
    atexit(remove_tmp);
    return tmp_path;
}

void fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
    FILE *f = fopen(path, "wb");

    FUZZ_CHECK(f != NULL, "the scratch file opens");
    FUZZ_CHECK(size == 0 || fwrite(data, 1, size, f) == size,
               "the scratch file is written");
    FUZZ_CHECK(fclose(f) == 0, "the scratch file is written");
}

void fuzz_check_diag(const evg_error *err, evg_severity sev, void *payload)
{
    const int *need_line = payload;

    FUZZ_CHECK(sev == EVG_SEV_ERROR || sev == EVG_SEV_WARNING, "a known severity");
    FUZZ_CHECK(err->code < 0, "a diagnostic has a status");
    FUZZ_CHECK(err->source[0] != '\0', "a diagnostic names its source");
    FUZZ_CHECK(err->text[0] != '\0', "a diagnostic says what is wrong");
    FUZZ_CHECK(memchr(err->text, '\0', sizeof err->text) != NULL, "the text ends");
    if (need_line && *need_line && err->code == EVG_EPARSE)
        FUZZ_CHECK(err->line >= 1, "a parse error names its line");
}

void fuzz_check_error(const evg_error *err, int rc, const char *source, int need_line)
{
    FUZZ_CHECK(rc < 0 && err->code == rc, "the error holds the status returned");
    FUZZ_CHECK(rc != EVG_ENOMEM, "no allocation fails here");
    FUZZ_CHECK(strcmp(err->source, source) == 0, "the error names the input");
    FUZZ_CHECK(err->text[0] != '\0', "the error says what is wrong");
    if (need_line && rc == EVG_EPARSE)
        FUZZ_CHECK(err->line >= 1, "a parse error names its line");
}
