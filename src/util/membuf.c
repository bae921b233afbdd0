/* Writers into memory (util/membuf.h). */
#include <stdlib.h>

#include "util/error.h"
#include "util/membuf.h"

int evg_i_write_to_buffer(char **out, size_t *len_out, evg_i_writer write,
                          const void *payload, evg_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = NULL;
    int rc = 0;

    *out = NULL;
    if ((f = open_memstream(&buf, &len)) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    EVG_CHECK(write(f, payload, err));
    if (fflush(f) != 0 || ferror(f)) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    fclose(f);
    f = NULL;
    *out = buf;
    if (len_out)
        *len_out = len;
    buf = NULL;
cleanup:
    if (f)
        fclose(f);
    free(buf);
    return rc;
}
