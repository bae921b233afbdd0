/* realpath() is XSI, beyond the _POSIX_C_SOURCE every file gets. */
#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evgraph/io.h"
#include "util/fileio.h"

const char *evg_i_display_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int evg_i_read_stream(evg_i_buf *out, FILE *f, const char *name, evg_error *err)
{
    for (;;) {
        size_t n;
        if (evg_i_buf_grow(out, 65536) < 0)
            return evg_i_error_nomem(err);
        n = fread(out->ptr + out->len, 1, out->cap - out->len - 1, f);
        out->len += n;
        out->ptr[out->len] = '\0';
        if (n == 0) {
            if (ferror(f))
                return evg_i_error_set(err, EVG_EIO, name, 0, 0, "read failed: %s",
                                       strerror(errno));
            return 0;
        }
    }
}

/*
 * A named file, read with open/fstat/read rather than stdio: a whole article
 * is read in one call into a buffer of its size, four system calls a file,
 * which counts when a corpus is tens of thousands of small files.
 */
int evg_i_read_file(evg_i_buf *out, const char *path, evg_error *err)
{
    struct stat st;
    int fd, rc = 0;

    if (strcmp(path, "-") == 0)
        return evg_i_read_stream(out, stdin, "<stdin>", err);
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
    if (fstat(fd, &st) != 0) {
        st.st_size = 0; /* unknown size: the loop grows the buffer as it goes */
        st.st_mode = 0;
    } else if (S_ISDIR(st.st_mode)) {
        close(fd);
        return evg_i_error_set(err, EVG_EIO, path, 0, 0, "is a directory");
    }
    for (;;) {
        size_t want = st.st_size > 0 && (size_t)st.st_size > out->len
                          ? (size_t)st.st_size - out->len + 1 : 65536;
        ssize_t n;
        if (evg_i_buf_grow(out, want) < 0) {
            rc = evg_i_error_nomem(err);
            break;
        }
        n = read(fd, out->ptr + out->len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = evg_i_error_set(err, EVG_EIO, path, 0, 0, "read failed: %s", strerror(errno));
            break;
        }
        out->len += (size_t)n;
        out->ptr[out->len] = '\0';
        /* a short read of a regular file is its end; a pipe or device reads to 0 */
        if (n == 0 || (S_ISREG(st.st_mode) && (size_t)n < want))
            break;
    }
    close(fd);
    return rc;
}

/* ---- atomic output files ---------------------------------------------- */

struct evg_ofile {
    FILE *f;
    char *path; /* target; NULL for stdout */
    char *tmp;  /* temporary file beside it; NULL when writing to `path` directly */
};

/*
 * Create a new temporary file beside `path`: "<path>.tmp.<pid>.<n>". open()
 * with mode 0666 lets the umask decide the permissions, as for any output
 * file, without touching the process-wide umask (mkstemp would make it 0600).
 * O_EXCL and the counter avoid a file another writer or a crashed run left.
 */
static int create_tmp(evg_i_buf *tmp, const char *path, evg_error *err)
{
    for (unsigned n = 0; n < 1000; n++) {
        int fd;
        evg_i_buf_clear(tmp);
        if (evg_i_buf_printf(tmp, "%s.tmp.%ld.%u", path, (long)getpid(), n) < 0)
            return evg_i_error_nomem(err);
        fd = open(tmp->ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0)
            return fd;
        if (errno != EEXIST)
            break;
    }
    return evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot create: %s",
                           strerror(errno));
}

/*
 * Where `path` is really written. A device or a FIFO ("/dev/null", "/dev/stdout",
 * a shell's process substitution) is opened and written as is, into `*f_out`:
 * renaming a file over it would replace the device itself (as root, /dev/null).
 * A symbolic link is followed, so that the file it names is replaced and the
 * link kept; a dangling one is replaced. Otherwise `*target` is a copy of `path`.
 */
static int resolve_target(char **target, FILE **f_out, const char *path, evg_error *err)
{
    struct stat st;
    char *real = NULL;

    *f_out = NULL;
    if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            return evg_i_error_set(err, EVG_EIO, path, 0, 0, "is a directory");
        if ((*f_out = fopen(path, "wb")) == NULL)
            return evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot open: %s",
                                   strerror(errno));
    } else if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
        real = realpath(path, NULL); /* NULL when dangling: the link is replaced */
    }
    *target = real ? real : evg_i_strdup(path);
    if (*target == NULL) {
        if (*f_out)
            fclose(*f_out);
        *f_out = NULL;
        return evg_i_error_nomem(err);
    }
    return 0;
}

int evg_ofile_open(evg_ofile **out, const char *path, evg_error *err)
{
    evg_ofile *of = NULL;
    evg_i_buf tmp = EVG_I_BUF_INIT;
    int fd = -1, rc = 0;

    *out = NULL;
    if ((of = calloc(1, sizeof(*of))) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    if (strcmp(path, "-") == 0) {
        of->f = stdout;
        *out = of;
        return 0;
    }
    if (path[0] == '\0') {
        rc = evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "an empty output file name");
        goto cleanup;
    }
    if ((rc = resolve_target(&of->path, &of->f, path, err)) < 0 || of->f != NULL)
        goto done; /* a device or a pipe, opened as is */
    if ((fd = create_tmp(&tmp, of->path, err)) < 0) {
        rc = fd;
        goto cleanup;
    }
    if ((of->f = fdopen(fd, "wb")) == NULL) {
        rc = evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
        close(fd);
        unlink(tmp.ptr);
        goto cleanup;
    }
    of->tmp = evg_i_buf_detach(&tmp);
done:
    if (rc == 0) {
        *out = of;
        of = NULL;
    }
cleanup:
    if (of) {
        free(of->path);
        free(of);
    }
    evg_i_buf_free(&tmp);
    return rc;
}

FILE *evg_ofile_stream(evg_ofile *of)
{
    return of->f;
}

static void ofile_release(evg_ofile *of)
{
    free(of->path);
    free(of->tmp);
    free(of);
}

int evg_ofile_commit(evg_ofile *of, evg_error *err)
{
    int rc = 0;

    if (of->path == NULL) { /* stdout */
        if (fflush(of->f) != 0 || ferror(of->f))
            rc = evg_i_error_set(err, EVG_EIO, "<stdout>", 0, 0, "write failed: %s",
                                 strerror(errno));
        ofile_release(of);
        return rc;
    }
    if (of->tmp == NULL) { /* a device or a pipe: nothing to sync or rename */
        if (fflush(of->f) != 0 || ferror(of->f))
            rc = evg_i_error_set(err, EVG_EIO, of->path, 0, 0, "write failed: %s",
                                 strerror(errno));
        if (fclose(of->f) != 0 && rc == 0)
            rc = evg_i_error_set(err, EVG_EIO, of->path, 0, 0, "write failed: %s",
                                 strerror(errno));
        ofile_release(of);
        return rc;
    }
    if (fflush(of->f) != 0 || ferror(of->f) || fsync(fileno(of->f)) != 0) {
        rc = evg_i_error_set(err, EVG_EIO, of->path, 0, 0, "write failed: %s",
                             strerror(errno));
        fclose(of->f);
        unlink(of->tmp);
    } else if (fclose(of->f) != 0) {
        rc = evg_i_error_set(err, EVG_EIO, of->path, 0, 0, "write failed: %s",
                             strerror(errno));
        unlink(of->tmp);
    } else if (rename(of->tmp, of->path) != 0) {
        rc = evg_i_error_set(err, EVG_EIO, of->path, 0, 0, "cannot replace: %s",
                             strerror(errno));
        unlink(of->tmp);
    }
    ofile_release(of);
    return rc;
}

void evg_ofile_abort(evg_ofile *of)
{
    if (of == NULL)
        return;
    if (of->path) {
        fclose(of->f);
        if (of->tmp)
            unlink(of->tmp);
    } else {
        fflush(of->f);
    }
    ofile_release(of);
}
