/*
 * A set of output files replaced together (evgraph run -o DIR): each is
 * written beside its target and renamed only once all are complete; a lock
 * file keeps two runs apart; a manifest names the files of the last
 * complete run with their sizes and SHA-256 checksums (Nettle's, the one
 * every reader can check with sha256sum).
 */
#define _DEFAULT_SOURCE /* flock() */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>
#include <nettle/sha2.h>

#include "evgraph/io.h"
#include "util/buf.h"
#include "util/error.h"
#include "util/fileio.h"

typedef struct {
    char *name;   /* in the folder: "events.jsonl" */
    char *target; /* the file it replaces (a symbolic link's file); NULL until complete */
    char *tmp;    /* the complete file, until the commit renames it */
    json_int_t size;
    char sha256[2 * SHA256_DIGEST_SIZE + 1];
} member;

struct evg_outset {
    char *dir;
    char *lock; /* "<dir>/run.lock" */
    int lock_fd;
    member **m; /* each allocated once: an open file's payload points to it */
    size_t n, cap;
};

/* "DIR/NAME" into `out`. */
static int join(evg_i_buf *out, const char *dir, const char *name)
{
    size_t n = strlen(dir);

    evg_i_buf_clear(out);
    return evg_i_buf_printf(out, "%s%s%s", dir, n && dir[n - 1] == '/' ? "" : "/", name);
}

/* mkdir -p: create `dir` and any missing parents. */
static int make_dirs(const char *dir, evg_error *err)
{
    char *p = evg_i_strdup(dir);
    struct stat st;
    int rc = 0;

    if (p == NULL)
        return evg_i_error_nomem(err);
    for (char *s = p + 1; rc == 0 && *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            rc = -1;
        *s = '/';
    }
    if (rc == 0 && mkdir(p, 0777) != 0 && errno != EEXIST)
        rc = -1;
    if (rc == 0 && (stat(p, &st) != 0 || !S_ISDIR(st.st_mode))) {
        errno = ENOTDIR;
        rc = -1;
    }
    free(p);
    return rc < 0 ? evg_i_error_set(err, EVG_EIO, dir, 0, 0,
                                    "cannot create directory: %s", strerror(errno))
                  : 0;
}

/*
 * Lock "<dir>/run.lock". flock() locks end with the process, so a killed run
 * leaves no stale lock, only the file. A run that ends removes the file
 * while it still holds the lock; one that opened it just before must then
 * lock the new file instead, hence the check that the locked file is still
 * the one of that name.
 */
static int take_lock(evg_outset *s, evg_error *err)
{
    for (int tries = 0; tries < 100; tries++) {
        struct stat a, b;
        int fd = open(s->lock, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0666);
        if (fd < 0)
            return evg_i_error_set(err, EVG_EIO, s->lock, 0, 0, "cannot create: %s",
                                   strerror(errno));
        if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
            int e = errno;
            close(fd);
            if (e == EWOULDBLOCK)
                return evg_i_error_set(err, EVG_EIO, s->dir, 0, 0,
                                       "another run is writing into this folder (%s is "
                                       "locked); try again once it has finished",
                                       EVG_OUTSET_LOCK);
            return evg_i_error_set(err, EVG_EIO, s->lock, 0, 0, "cannot lock: %s",
                                   strerror(e));
        }
        if (fstat(fd, &a) == 0 && stat(s->lock, &b) == 0 && a.st_dev == b.st_dev &&
            a.st_ino == b.st_ino) {
            s->lock_fd = fd;
            evg_i_tmp_note(s->lock); /* a signal ending the run removes it too */
            return 0;
        }
        close(fd);
    }
    return evg_i_error_set(err, EVG_EIO, s->lock, 0, 0, "cannot lock: it keeps changing");
}

/* Remove the lock file, then unlock: whoever waits locks a new file. */
static void release(evg_outset *s)
{
    if (s->lock_fd >= 0) {
        /* forgotten first: once it is removed, a waiting run may create a new file of
         * that name, which a signal now must not remove */
        evg_i_tmp_forget(s->lock);
        unlink(s->lock);
        close(s->lock_fd);
    }
    for (size_t i = 0; i < s->n; i++) {
        if (s->m[i]->tmp) {
            unlink(s->m[i]->tmp);
            evg_i_tmp_forget(s->m[i]->tmp);
        }
        free(s->m[i]->name);
        free(s->m[i]->target);
        free(s->m[i]->tmp);
        free(s->m[i]);
    }
    free(s->m);
    free(s->dir);
    free(s->lock);
    free(s);
}

int evg_outset_open(evg_outset **out, const char *dir, evg_error *err)
{
    evg_outset *s = NULL;
    evg_i_buf lock = EVG_I_BUF_INIT;
    int rc = 0;

    *out = NULL;
    if (dir[0] == '\0')
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0,
                               "an empty output folder name");
    if ((s = calloc(1, sizeof(*s))) == NULL || (s->dir = evg_i_strdup(dir)) == NULL ||
        join(&lock, dir, EVG_OUTSET_LOCK) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    s->lock = evg_i_buf_detach(&lock);
    s->lock_fd = -1;
    EVG_CHECK(make_dirs(dir, err));
    EVG_CHECK(take_lock(s, err));
    *out = s;
    s = NULL;
cleanup:
    if (s)
        release(s);
    evg_i_buf_free(&lock);
    return rc;
}

/* The size and SHA-256 of the file `path` into `m`. */
static int checksum(member *m, const char *path, evg_error *err)
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];
    char buf[65536];
    int fd = open(path, O_RDONLY | O_CLOEXEC), rc = 0;

    if (fd < 0)
        return evg_i_error_set(err, EVG_EIO, path, 0, 0, "cannot open: %s",
                               strerror(errno));
    sha256_init(&ctx);
    m->size = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = evg_i_error_set(err, EVG_EIO, path, 0, 0, "read failed: %s",
                                 strerror(errno));
            break;
        }
        if (n == 0)
            break;
        sha256_update(&ctx, (size_t)n, (const uint8_t *)buf);
        m->size += n;
    }
    close(fd);
    sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(m->sha256 + 2 * i, 3, "%02x", digest[i]);
    return rc;
}

/* An evg_i_ofile_keep_fn: the member takes its complete temporary file. */
static int keep_member(void *payload, const char *target, const char *tmp, evg_error *err)
{
    member *m = payload;
    char *t = NULL, *p = NULL;
    int rc;

    if ((rc = checksum(m, tmp, err)) < 0)
        return rc;
    if ((t = evg_i_strdup(target)) == NULL || (p = evg_i_strdup(tmp)) == NULL) {
        free(t);
        return evg_i_error_nomem(err);
    }
    m->target = t;
    m->tmp = p;
    return 0;
}

int evg_outset_file(evg_ofile **out, evg_outset *s, const char *name, evg_error *err)
{
    evg_i_buf path = EVG_I_BUF_INIT;
    member *m = NULL;
    int rc = 0;

    *out = NULL;
    if (name[0] == '\0' || strchr(name, '/') || strcmp(name, EVG_OUTSET_LOCK) == 0 ||
        strcmp(name, EVG_OUTSET_MANIFEST) == 0)
        return evg_i_error_set(err, EVG_EINVAL, name, 0, 0,
                               "not a name for a file of the output folder");
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->m[i]->name, name) == 0)
            return evg_i_error_set(err, EVG_EINVAL, name, 0, 0,
                                   "written twice in one run");
    if (join(&path, s->dir, name) < 0 || (m = calloc(1, sizeof(*m))) == NULL ||
        (m->name = evg_i_strdup(name)) == NULL ||
        evg_i_grow((void **)&s->m, &s->cap, s->n + 1, sizeof(*s->m)) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    EVG_CHECK(evg_i_ofile_open_kept(out, path.ptr, keep_member, m, err));
    s->m[s->n++] = m;
    m = NULL;
cleanup:
    if (m)
        free(m->name);
    free(m);
    evg_i_buf_free(&path);
    return rc;
}

static int by_name(const void *a, const void *b)
{
    return strcmp((*(member *const *)a)->name, (*(member *const *)b)->name);
}

/* Make the renames in `dir` durable. */
static void sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_CLOEXEC);

    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

/* {"files": [{"name", "sha256", "size"}, ...]} of the complete members, by name. */
static int write_manifest(evg_outset *s, evg_error *err)
{
    json_t *root = json_object(), *files = json_array();
    evg_i_buf path = EVG_I_BUF_INIT;
    evg_ofile *of = NULL;
    int rc = 0, bad = root == NULL || files == NULL;

    for (size_t i = 0; !bad && i < s->n; i++)
        if (s->m[i]->target)
            bad = json_array_append_new(
                      files, json_pack("{s:s, s:s, s:I}", "name", s->m[i]->name, "sha256",
                                       s->m[i]->sha256, "size", s->m[i]->size)) < 0;
    if (bad || json_object_set(root, "files", files) < 0 ||
        join(&path, s->dir, EVG_OUTSET_MANIFEST) < 0) {
        rc = evg_i_error_nomem(err);
        goto cleanup;
    }
    EVG_CHECK(evg_ofile_open(&of, path.ptr, err));
    if (json_dumpf(root, evg_ofile_stream(of), JSON_INDENT(2) | JSON_SORT_KEYS) < 0 ||
        fputc('\n', evg_ofile_stream(of)) == EOF) {
        evg_ofile_abort(of);
        rc = evg_i_error_set(err, EVG_EIO, path.ptr, 0, 0, "write failed: %s",
                             strerror(errno));
        goto cleanup;
    }
    rc = evg_ofile_commit(of, err);
cleanup:
    json_decref(files);
    json_decref(root);
    evg_i_buf_free(&path);
    return rc;
}

int evg_outset_commit(evg_outset *s, evg_error *err)
{
    int rc = 0;

    if (s->n)
        qsort(s->m, s->n, sizeof(*s->m), by_name);
    for (size_t i = 0; rc == 0 && i < s->n; i++) {
        member *m = s->m[i];
        if (m->tmp == NULL)
            continue;
        if (rename(m->tmp, m->target) != 0)
            rc = evg_i_error_set(err, EVG_EIO, m->target, 0, 0, "cannot replace: %s",
                                 strerror(errno));
        else {
            evg_i_tmp_forget(m->tmp);
            free(m->tmp);
            m->tmp = NULL;
        }
    }
    sync_dir(s->dir);
    if (rc == 0)
        rc = write_manifest(s, err);
    release(s);
    return rc;
}

void evg_outset_abort(evg_outset *s)
{
    if (s)
        release(s);
}
