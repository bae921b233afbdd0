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

/*
 * Drop a UTF-8 byte order mark at the start of what `out` holds from `from`
 * on: the files read whole are UTF-8 text (articles, lexicons, alias files,
 * gazetteers), and some editors put one in front.
 */
static void drop_bom(evg_i_buf *out, size_t from)
{
    if (out->len - from >= 3 && memcmp(out->ptr + from, "\xEF\xBB\xBF", 3) == 0) {
        memmove(out->ptr + from, out->ptr + from + 3, out->len - from - 3 + 1);
        out->len -= 3;
    }
}

int evg_i_read_stream(evg_i_buf *out, FILE *f, const char *name, evg_error *err)
{
    size_t from = out->len;

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
            drop_bom(out, from);
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
    size_t from = out->len;
    int fd, rc = 0;

    if (strcmp(path, "-") == 0)
        return evg_i_read_stream(out, stdin, "<stdin>", err);
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
        return evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot open: %s",
                               strerror(errno));
    if (fstat(fd, &st) != 0) {
        st.st_size = 0; /* unknown size: the loop grows the buffer as it goes */
        st.st_mode = 0;
    } else if (S_ISDIR(st.st_mode)) {
        close(fd);
        return evg_i_error_set(err, EVG_EIO, path, 0, 0, "is a directory");
    }
    for (;;) {
        size_t want = st.st_size > 0 && (size_t)st.st_size > out->len
                          ? (size_t)st.st_size - out->len + 1
                          : 65536;
        ssize_t n;
        if (evg_i_buf_grow(out, want) < 0) {
            rc = evg_i_error_nomem(err);
            break;
        }
        n = read(fd, out->ptr + out->len, want);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = evg_i_error_set(err, EVG_EIO, path, 0, 0, "read failed: %s",
                                 strerror(errno));
            break;
        }
        out->len += (size_t)n;
        out->ptr[out->len] = '\0';
        /* a short read of a regular file is its end; a pipe or device reads to 0 */
        if (n == 0 || (S_ISREG(st.st_mode) && (size_t)n < want))
            break;
    }
    close(fd);
    if (rc == 0)
        drop_bom(out, from);
    return rc;
}

/* ---- atomic output files ---------------------------------------------- */

struct evg_ofile {
    FILE *f;
    char *path; /* target; NULL for stdout */
    char *tmp;  /* temporary file beside it; NULL when writing to `path` directly */
    evg_i_ofile_keep_fn keep; /* a member of a set: takes the complete temporary file */
    void *keep_payload;
};

int evg_i_link_trusted(const struct stat *link, const struct stat *dir, uid_t uid)
{
    if ((dir->st_mode & (S_ISVTX | S_IWOTH)) != (S_ISVTX | S_IWOTH))
        return 1;
    return link->st_uid == uid || link->st_uid == dir->st_uid;
}

/* The folder of `path` into `out`: "." when it names none, "/" for "/name". */
static int dir_of(evg_i_buf *out, const char *path)
{
    const char *slash = strrchr(path, '/');

    evg_i_buf_clear(out);
    if (slash == NULL)
        return evg_i_buf_puts(out, ".");
    return evg_i_buf_put(out, path, slash == path ? 1 : (size_t)(slash - path));
}

/*
 * Refuse what the kernel's protected_symlinks rule refuses, whatever the
 * system's setting: following a symbolic link that lies in a sticky folder
 * anyone may write to (/tmp) and is owned by neither the runner nor the
 * folder's owner, which another user may have planted there to send the
 * output elsewhere. Every link of a chain is checked.
 */
static int check_links(const char *path, evg_error *err)
{
    evg_i_buf cur = EVG_I_BUF_INIT, dir = EVG_I_BUF_INIT, next = EVG_I_BUF_INIT, t;
    char target[4096];
    struct stat lst, dst;
    int rc = 0;

    if (evg_i_buf_puts(&cur, path) < 0)
        rc = evg_i_error_nomem(err);
    for (int hops = 0; rc == 0 && hops < 40; hops++) {
        ssize_t n;
        if (lstat(cur.ptr, &lst) != 0 || !S_ISLNK(lst.st_mode))
            break;
        if (dir_of(&dir, cur.ptr) < 0) {
            rc = evg_i_error_nomem(err);
            break;
        }
        if (stat(dir.ptr, &dst) == 0 && !evg_i_link_trusted(&lst, &dst, geteuid())) {
            if (hops == 0)
                rc = evg_i_error_set(err, EVG_EIO, path, 0, 0,
                                     "a symbolic link of another user in a sticky folder "
                                     "anyone may write to: not followed");
            else
                rc = evg_i_error_set(
                    err, EVG_EIO, path, 0, 0,
                    "leads through %.100s, a symbolic link of another user "
                    "in a sticky folder anyone may write to: not followed",
                    cur.ptr);
            break;
        }
        if ((n = readlink(cur.ptr, target, sizeof target - 1)) < 0)
            break;
        target[n] = '\0';
        evg_i_buf_clear(&next);
        if ((target[0] != '/' &&
             (evg_i_buf_puts(&next, dir.ptr) < 0 || evg_i_buf_putc(&next, '/') < 0)) ||
            evg_i_buf_puts(&next, target) < 0) {
            rc = evg_i_error_nomem(err);
            break;
        }
        t = cur;
        cur = next;
        next = t;
    }
    evg_i_buf_free(&cur);
    evg_i_buf_free(&dir);
    evg_i_buf_free(&next);
    return rc;
}

/* Whether `path` is what standard output is open on: /dev/stdout, /dev/fd/1, or the
 * very file a shell's `>>` appends to. */
static int names_stdout(const char *path)
{
    struct stat a, b;

    return fstat(STDOUT_FILENO, &a) == 0 && stat(path, &b) == 0 && a.st_dev == b.st_dev &&
           a.st_ino == b.st_ino;
}

/*
 * The file that replaces `old` gets its owner and group where that is
 * permitted (as root; a group the runner is in) and its permission bits,
 * never wider: when the group cannot be kept its bits are dropped, as they
 * would open the file to another group.
 */
static void keep_owner_and_mode(int fd, const struct stat *old)
{
    mode_t mode = old->st_mode & 0777;
    struct stat now;

    if (fchown(fd, old->st_uid, old->st_gid) != 0 &&
        fchown(fd, (uid_t)-1, old->st_gid) != 0 &&
        (fstat(fd, &now) != 0 || now.st_gid != old->st_gid))
        mode &= ~(mode_t)070;
    (void)fchmod(fd, mode);
}

/*
 * Create a new temporary file in the folder of `path`:
 * "<folder>/.evgraph.tmp.<pid>.<n>", a name short whatever the target's (a
 * target's own name may be as long as a file name can be). A new output gets
 * mode 0666 less the umask, as any output file (without touching the
 * process-wide umask; mkstemp would make it 0600); one that replaces `old`
 * (NULL: none) keeps its mode and owner, and is never more open than it
 * while it is written. O_EXCL and the counter avoid a file another writer or
 * a crashed run left. The file is noted, so that a signal ending the process
 * removes it (before it is made: the file left by a signal that comes as
 * open() returns would have a name nothing removes).
 */
static int create_tmp(evg_i_buf *tmp, const char *path, const struct stat *old,
                      evg_error *err)
{
    mode_t mode = old ? old->st_mode & 0777 : 0666;
    const char *slash = strrchr(path, '/');
    int folder = slash ? (int)(slash - path + 1) : 0; /* "dir/" kept, or nothing */
    int e = EEXIST;

    for (unsigned n = 0; n < 1000; n++) {
        int fd;
        evg_i_buf_clear(tmp);
        if (evg_i_buf_printf(tmp, "%.*s" EVG_I_TMP_PREFIX "%ld.%u", folder, path,
                             (long)getpid(), n) < 0)
            return evg_i_error_nomem(err);
        /* noted before it exists: a signal may come as soon as it does */
        evg_i_tmp_note(tmp->ptr);
        fd = open(tmp->ptr, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
        if (fd >= 0) {
            if (old)
                keep_owner_and_mode(fd, old);
            return fd;
        }
        e = errno;
        evg_i_tmp_forget(tmp->ptr);
        if (e != EEXIST)
            break;
    }
    return evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot create: %s", strerror(e));
}

/* Remove the temporary file `tmp`, which no signal need remove any more. */
static void remove_tmp(const char *tmp)
{
    unlink(tmp);
    evg_i_tmp_forget(tmp);
}

/*
 * Where `path` is really written. A device or a FIFO ("/dev/null", a shell's
 * process substitution) is opened and written as is, into `*f_out`: renaming
 * a file over it would replace the device itself (as root, /dev/null). A
 * symbolic link is followed, so that the file it names is replaced and the
 * link kept; a dangling one is replaced. Otherwise `*target` is a copy of
 * `path`. An existing regular file's status goes to `*old`, `*have_old` set.
 */
static int resolve_target(char **target, FILE **f_out, struct stat *old, int *have_old,
                          const char *path, evg_error *err)
{
    struct stat st;
    char *real = NULL;

    *f_out = NULL;
    *have_old = 0;
    if (lstat(path, &st) != 0 && errno == ENAMETOOLONG) /* before anything is written */
        return evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot create: %s",
                               strerror(errno));
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
    if (*f_out == NULL && stat(*target, old) == 0 && S_ISREG(old->st_mode))
        *have_old = 1;
    return 0;
}

int evg_i_ofile_open_kept(evg_ofile **out, const char *path, evg_i_ofile_keep_fn keep,
                          void *payload, evg_error *err)
{
    evg_ofile *of = NULL;
    evg_i_buf tmp = EVG_I_BUF_INIT;
    struct stat old;
    int fd = -1, rc = 0, have_old = 0;

    *out = NULL;
    if ((of = calloc(1, sizeof(*of))) == NULL) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    of->keep = keep;
    of->keep_payload = payload;
    if (path[0] == '\0') {
        rc = evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "an empty output file name");
        goto cleanup;
    }
    if (strcmp(path, "-") != 0 && (rc = check_links(path, err)) < 0)
        goto cleanup;
    /* Standard output, however named, is written where it stands: under `>>` at its
     * end, never truncated nor replaced. */
    if (strcmp(path, "-") == 0 || names_stdout(path)) {
        of->f = stdout;
        goto done;
    }
    if ((rc = resolve_target(&of->path, &of->f, &old, &have_old, path, err)) < 0 ||
        of->f != NULL)
        goto done; /* a device or a pipe, opened as is */
    if ((fd = create_tmp(&tmp, of->path, have_old ? &old : NULL, err)) < 0) {
        rc = fd;
        goto cleanup;
    }
    if ((of->f = fdopen(fd, "wb")) == NULL) {
        rc =
            evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot open: %s", strerror(errno));
        close(fd);
        remove_tmp(tmp.ptr);
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

int evg_ofile_open(evg_ofile **out, const char *path, evg_error *err)
{
    return evg_i_ofile_open_kept(out, path, NULL, NULL, err);
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

/* Flush a stream that is written as is (stdout, a device, a pipe). */
static int commit_direct(evg_ofile *of, evg_error *err)
{
    const char *name = of->path ? of->path : "<stdout>";
    int rc = 0;

    if (fflush(of->f) != 0 || ferror(of->f))
        rc = evg_i_error_set(err, EVG_EIO, name, 0, 0, "write failed: %s",
                             strerror(errno));
    if (of->path && fclose(of->f) != 0 && rc == 0)
        rc = evg_i_error_set(err, EVG_EIO, name, 0, 0, "write failed: %s",
                             strerror(errno));
    return rc;
}

int evg_ofile_commit(evg_ofile *of, evg_error *err)
{
    int rc = 0;

    if (of->tmp == NULL) { /* stdout, a device or a pipe: nothing to sync or rename */
        rc = commit_direct(of, err);
        ofile_release(of);
        return rc;
    }
    if (fflush(of->f) != 0 || ferror(of->f) || fsync(fileno(of->f)) != 0) {
        rc = evg_i_error_set(err, EVG_EIO, of->path, 0, 0, "write failed: %s",
                             strerror(errno));
        fclose(of->f);
        remove_tmp(of->tmp);
    } else if (fclose(of->f) != 0) {
        rc = evg_i_error_set(err, EVG_EIO, of->path, 0, 0, "write failed: %s",
                             strerror(errno));
        remove_tmp(of->tmp);
    } else if (of->keep) { /* a member of a set: renamed with the others */
        if ((rc = of->keep(of->keep_payload, of->path, of->tmp, err)) < 0)
            remove_tmp(of->tmp);
    } else if (rename(of->tmp, of->path) != 0) {
        rc = evg_i_error_set(err, EVG_EIO, of->path, 0, 0, "cannot replace: %s",
                             strerror(errno));
        remove_tmp(of->tmp);
    } else {
        evg_i_tmp_forget(of->tmp);
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
            remove_tmp(of->tmp);
    } else {
        fflush(of->f);
    }
    ofile_release(of);
}

/* ---- an output that is also an input ---------------------------------- */

int evg_output_check(const char *path, const char *const *inputs, size_t n,
                     evg_error *err)
{
    struct stat out, in;
    int std = strcmp(path, "-") == 0;

    /* Nothing there yet, or no file (a device, a pipe): nothing an input could lose. */
    if ((std ? fstat(STDOUT_FILENO, &out) : stat(path, &out)) != 0 ||
        !S_ISREG(out.st_mode))
        return 0;
    for (size_t i = 0; i < n; i++) {
        int r =
            strcmp(inputs[i], "-") == 0 ? fstat(STDIN_FILENO, &in) : stat(inputs[i], &in);
        if (r == 0 && S_ISREG(in.st_mode) && in.st_dev == out.st_dev &&
            in.st_ino == out.st_ino)
            return evg_i_error_set(err, EVG_EINVAL, std ? "<stdout>" : path, 0, 0,
                                   "is also the input %s; choose another output file",
                                   evg_i_display_name(inputs[i]));
    }
    return 0;
}
