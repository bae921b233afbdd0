/*
 * Unit tests of the output side of src/util (fileio.c, outset.c): what
 * replacing a file keeps (mode, owner, the links that may be followed),
 * standard output under any name, an output that is an input, and the sets
 * of outputs `evgraph run` writes (renamed together, locked, a manifest).
 */
#define _XOPEN_SOURCE 700 /* S_ISVTX */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "evgraph/io.h"
#include "unit_helpers.h"
#include "util/fileio.h"

/* Nobody's ids on Debian: a user and a group the runner is not. */
#define NOBODY 65534

static int dir_setup(void **state)
{
    char *dir = th_mkdtemp();

    if (dir == NULL)
        return -1;
    *state = dir;
    return 0;
}

static int dir_teardown(void **state)
{
    th_rmtree(*state);
    free(*state);
    return 0;
}

/* Write `text` to `path` through an evg_ofile and commit. */
static void replace(const char *path, const char *text)
{
    evg_ofile *of = NULL;
    evg_error e;

    memset(&e, 0, sizeof e);
    assert_int_equal(evg_ofile_open(&of, path, &e), 0);
    fputs(text, evg_ofile_stream(of));
    assert_int_equal(evg_ofile_commit(of, &e), 0);
}

static mode_t mode_of(const char *path)
{
    struct stat st;

    assert_int_equal(stat(path, &st), 0);
    return st.st_mode & 07777;
}

/* ---- mode and owner ------------------------------------------------------------ */

static void test_replace_keeps_mode(void **state)
{
    char *path = th_join(*state, "private.jsonl"), *fresh = th_join(*state, "new.jsonl");
    mode_t old = umask(022);

    assert_int_equal(th_write_str(path, "secret\n"), 0);
    /* 0600 stays 0600, though the umask would give 0644: never wider. */
    assert_int_equal(chmod(path, 0600), 0);
    replace(path, "still secret\n");
    assert_int_equal(mode_of(path), 0600);
    /* A mode the umask would narrow (0664 under 077) is kept as well. */
    assert_int_equal(chmod(path, 0664), 0);
    umask(077);
    replace(path, "shared\n");
    assert_int_equal(mode_of(path), 0664);
    /* A set-user-id bit is not carried over; a new file follows the umask. */
    assert_int_equal(chmod(path, 04755), 0);
    replace(path, "plain\n");
    assert_int_equal(mode_of(path), 0755);
    replace(fresh, "new\n");
    assert_int_equal(mode_of(fresh), 0600);
    umask(old);
    free(path);
    free(fresh);
}

static void test_replace_keeps_owner(void **state)
{
    char *path = th_join(*state, "theirs.jsonl");
    struct stat st;

    if (geteuid() != 0) {
        free(path);
        skip(); /* only root may give a file to another user */
    }
    assert_int_equal(th_write_str(path, "old\n"), 0);
    assert_int_equal(chown(path, NOBODY, NOBODY), 0);
    assert_int_equal(chmod(path, 0640), 0);
    replace(path, "new\n");
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_uid, NOBODY);
    assert_int_equal(st.st_gid, NOBODY);
    assert_int_equal(st.st_mode & 0777, 0640);
    free(path);
}

/* ---- symbolic links in shared folders -------------------------------------------- */

static void test_link_rule(void **state)
{
    struct stat link, dir;
    (void)state;

    memset(&link, 0, sizeof link);
    memset(&dir, 0, sizeof dir);
    dir.st_uid = 0;
    link.st_uid = 1000;
    /* An ordinary folder: any link is followed. */
    dir.st_mode = S_IFDIR | 0755;
    assert_true(evg_i_link_trusted(&link, &dir, 2000));
    /* Sticky but not writable by all, or writable by all but not sticky: followed. */
    dir.st_mode = S_IFDIR | S_ISVTX | 0775;
    assert_true(evg_i_link_trusted(&link, &dir, 2000));
    dir.st_mode = S_IFDIR | 0777;
    assert_true(evg_i_link_trusted(&link, &dir, 2000));
    /* /tmp: only the runner's own links, or the folder owner's. */
    dir.st_mode = S_IFDIR | S_ISVTX | 0777;
    assert_false(evg_i_link_trusted(&link, &dir, 2000));
    assert_true(evg_i_link_trusted(&link, &dir, 1000));
    link.st_uid = 0;
    assert_true(evg_i_link_trusted(&link, &dir, 2000));
}

static void test_planted_link_refused(void **state)
{
    char *shared = th_join(*state, "shared"), *victim = th_join(*state, "victim.txt");
    char *mine = th_join(shared, "mine.jsonl"), *planted = th_join(shared, "out.jsonl");
    char *chain = th_join(*state, "chain.jsonl"), *got;
    evg_ofile *of = (evg_ofile *)&of;
    evg_error e;
    struct stat st;

    assert_int_equal(mkdir(shared, 0700), 0);
    assert_int_equal(chmod(shared, 01777), 0); /* like /tmp */
    assert_int_equal(th_write_str(victim, "keep me\n"), 0);
    /* The runner's own link in the shared folder is followed, and stays a link. */
    assert_int_equal(symlink(victim, mine), 0);
    replace(mine, "written through my link\n");
    assert_int_equal(lstat(mine, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    got = th_read(victim, NULL);
    assert_string_equal(got, "written through my link\n");
    free(got);
    assert_int_equal(th_write_str(victim, "keep me\n"), 0);
    if (geteuid() != 0) /* a link of another user needs root to make */
        goto cleanup;
    /* Another user's link there is not followed, nor is a chain through it. */
    assert_int_equal(symlink(victim, planted), 0);
    assert_int_equal(lchown(planted, NOBODY, NOBODY), 0);
    assert_int_equal(symlink(planted, chain), 0);
    memset(&e, 0, sizeof e);
    assert_int_equal(evg_ofile_open(&of, planted, &e), EVG_EIO);
    assert_null(of);
    assert_string_equal(e.source, planted);
    assert_non_null(strstr(e.text, "not followed"));
    assert_int_equal(evg_ofile_open(&of, chain, &e), EVG_EIO);
    assert_string_equal(e.source, chain);
    assert_non_null(strstr(e.text, planted));
    got = th_read(victim, NULL);
    assert_string_equal(got, "keep me\n");
    free(got);
    assert_int_equal(lstat(planted, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    /* A link the folder's owner made is trusted, as the kernel does. */
    assert_int_equal(lchown(planted, 0, 0), 0);
    replace(planted, "the owner's link\n");
    got = th_read(victim, NULL);
    assert_string_equal(got, "the owner's link\n");
    free(got);
cleanup:
    free(shared);
    free(victim);
    free(mine);
    free(planted);
    free(chain);
}

/* ---- standard output under another name -------------------------------------------- */

/* Open `file` for appending as descriptor 1; returns the saved descriptor. */
static int stdout_to(const char *file)
{
    int saved, fd;

    fflush(stdout);
    saved = dup(STDOUT_FILENO);
    fd = open(file, O_WRONLY | O_APPEND);
    assert_true(saved >= 0 && fd >= 0);
    assert_int_equal(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
    close(fd);
    return saved;
}

static void stdout_back(int saved)
{
    fflush(stdout);
    dup2(saved, STDOUT_FILENO);
    close(saved);
}

static void test_stdout_by_any_name(void **state)
{
    char *log = th_join(*state, "log.jsonl"), *got;
    const char *names[] = {"/dev/stdout", "/dev/fd/1", log};
    struct stat before, after;
    int saved;

    /* `evgraph ... -o NAME >> log.jsonl`: each run appends, none replaces the file. */
    assert_int_equal(th_write_str(log, "line 0\n"), 0);
    assert_int_equal(stat(log, &before), 0);
    for (size_t i = 0; i < 3; i++) {
        evg_ofile *of = NULL;
        evg_error e;
        FILE *f;
        int rc;
        saved = stdout_to(log);
        rc = evg_ofile_open(&of, names[i], &e);
        f = rc == 0 ? evg_ofile_stream(of) : NULL;
        if (f)
            fprintf(f, "line %zu\n", i + 1);
        if (rc == 0)
            rc = evg_ofile_commit(of, &e);
        stdout_back(saved);
        assert_int_equal(rc, 0);
        assert_ptr_equal(f, stdout);
    }
    got = th_read(log, NULL);
    assert_string_equal(got, "line 0\nline 1\nline 2\nline 3\n");
    free(got);
    assert_int_equal(stat(log, &after), 0);
    assert_int_equal(after.st_ino, before.st_ino); /* the same file, never renamed over */
    assert_int_equal(th_count_entries(*state, TH_TMP), 0);
    free(log);
}

/* ---- an output that is an input ---------------------------------------------------- */

static void test_output_is_an_input(void **state)
{
    char *in = th_join(*state, "k.txt"), *other = th_join(*state, "other.txt");
    char *hard = th_join(*state, "hard.txt"), *soft = th_join(*state, "soft.txt");
    char *dotted = th_join(*state, "./k.txt"), *none = th_join(*state, "none.jsonl");
    const char *inputs[] = {other, in};
    evg_error e;

    assert_int_equal(th_write_str(in, "input\n"), 0);
    assert_int_equal(th_write_str(other, "other\n"), 0);
    assert_int_equal(link(in, hard), 0);
    assert_int_equal(symlink(in, soft), 0);
    /* The same file under any name is refused, naming the output and the input. */
    memset(&e, 0, sizeof e);
    assert_int_equal(evg_output_check(in, inputs, 2, &e), EVG_EINVAL);
    assert_string_equal(e.source, in);
    assert_non_null(strstr(e.text, in));
    assert_int_equal(evg_output_check(hard, inputs, 2, NULL), EVG_EINVAL);
    assert_int_equal(evg_output_check(soft, inputs, 2, NULL), EVG_EINVAL);
    assert_int_equal(evg_output_check(dotted, inputs, 2, NULL), EVG_EINVAL);
    /* Another file, one not there yet, a folder or a device: nothing to lose. */
    assert_int_equal(evg_output_check(in, inputs, 1, NULL), 0);
    assert_int_equal(evg_output_check(none, inputs, 2, NULL), 0);
    assert_int_equal(evg_output_check("/dev/null", inputs, 2, NULL), 0);
    {
        const char *dev[] = {"/dev/null"};
        assert_int_equal(evg_output_check("/dev/null", dev, 1, NULL), 0);
    }
    free(in);
    free(other);
    free(hard);
    free(soft);
    free(dotted);
    free(none);
}

/* ---- sets of outputs --------------------------------------------------------------- */

/* Write `text` as the file `name` of `set` and complete it. */
static void put(evg_outset *set, const char *name, const char *text)
{
    evg_ofile *of = NULL;
    evg_error e;

    memset(&e, 0, sizeof e);
    assert_int_equal(evg_outset_file(&of, set, name, &e), 0);
    fputs(text, evg_ofile_stream(of));
    assert_int_equal(evg_ofile_commit(of, &e), 0);
}

static void assert_file(const char *dir, const char *name, const char *want)
{
    char *path = th_join(dir, name), *got = th_read(path, NULL);

    assert_non_null(got);
    assert_string_equal(got, want);
    free(got);
    free(path);
}

/* SHA-256 of "abc" and of "" (FIPS 180-2 test vectors). */
#define SHA_ABC "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
#define SHA_EMPTY "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

static void test_set_renamed_together(void **state)
{
    char *dir = th_join(*state, "out/nested"), *lock = th_join(dir, EVG_OUTSET_LOCK);
    evg_outset *set = NULL;
    evg_error e;

    /* The folder is made with its parents; the old files stay until the commit. */
    assert_int_equal(evg_outset_open(&set, dir, &e), 0);
    assert_int_equal(access(lock, F_OK), 0);
    put(set, "b.txt", "old b\n");
    put(set, "a.txt", "old a\n");
    assert_int_equal(evg_outset_commit(set, &e), 0);
    assert_int_equal(access(lock, F_OK), -1); /* removed at the end */
    assert_int_equal(evg_outset_open(&set, dir, &e), 0);
    put(set, "a.txt", "abc");
    assert_file(dir, "a.txt", "old a\n"); /* complete, but not in place yet */
    put(set, "b.txt", "");
    assert_file(dir, "b.txt", "old b\n");
    assert_int_equal(th_count_entries(dir, TH_TMP), 2);
    assert_int_equal(evg_outset_commit(set, &e), 0);
    assert_file(dir, "a.txt", "abc");
    assert_file(dir, "b.txt", "");
    assert_int_equal(th_count_entries(dir, TH_TMP), 0);
    /* The manifest names the files of the run, by name, with sizes and checksums. */
    assert_file(
        dir, EVG_OUTSET_MANIFEST,
        "{\n  \"files\": [\n    {\n      \"name\": \"a.txt\",\n      \"sha256\": "
        "\"" SHA_ABC
        "\",\n      \"size\": 3\n    },\n    {\n      \"name\": \"b.txt\",\n      "
        "\"sha256\": \"" SHA_EMPTY "\",\n      \"size\": 0\n    }\n  ]\n}\n");
    free(dir);
    free(lock);
}

static void test_set_abort_and_failure(void **state)
{
    char *dir = *state, *sub = th_join(dir, "c.txt");
    evg_outset *set = NULL;
    evg_ofile *of = NULL;
    evg_error e;

    assert_int_equal(th_write_str(sub, "old c\n"), 0);
    assert_int_equal(evg_outset_open(&set, dir, &e), 0);
    put(set, "c.txt", "new c\n");
    /* A file that fails leaves the whole set undone: nothing was replaced. */
    assert_int_equal(evg_outset_file(&of, set, "d", &e), 0);
    evg_ofile_abort(of);
    evg_outset_abort(set);
    assert_file(dir, "c.txt", "old c\n");
    assert_int_equal(th_count_entries(dir, TH_TMP), 0);
    assert_int_equal(th_count_entries(dir, EVG_OUTSET_LOCK), 0);
    assert_int_equal(th_count_entries(dir, EVG_OUTSET_MANIFEST), 0);
    evg_outset_abort(NULL); /* NULL-safe */
    /* Names that are not plain file names of the folder, or a name twice. */
    assert_int_equal(evg_outset_open(&set, dir, &e), 0);
    assert_int_equal(evg_outset_file(&of, set, "x/y.txt", &e), EVG_EINVAL);
    assert_null(of);
    assert_int_equal(evg_outset_file(&of, set, EVG_OUTSET_MANIFEST, &e), EVG_EINVAL);
    put(set, "c.txt", "newer c\n");
    assert_int_equal(evg_outset_file(&of, set, "c.txt", &e), EVG_EINVAL);
    /* An aborted file is left out: only c.txt is listed. */
    assert_int_equal(evg_outset_file(&of, set, "e.txt", &e), 0);
    evg_ofile_abort(of);
    assert_int_equal(evg_outset_commit(set, &e), 0);
    assert_file(dir, "c.txt", "newer c\n");
    assert_int_equal(th_count_entries(dir, "e.txt"), 0);
    {
        char *path = th_join(dir, EVG_OUTSET_MANIFEST), *m = th_read(path, NULL);
        assert_non_null(strstr(m, "\"c.txt\""));
        assert_null(strstr(m, "e.txt"));
        free(m);
        free(path);
    }
    free(sub);
}

static void test_set_locked(void **state)
{
    char *dir = *state, *file = th_join(dir, "not-a-folder");
    evg_outset *a = NULL, *b = (evg_outset *)&b;
    evg_error e;

    assert_int_equal(evg_outset_open(&a, dir, &e), 0);
    /* A second set on the folder is refused while the first is open. */
    memset(&e, 0, sizeof e);
    assert_int_equal(evg_outset_open(&b, dir, &e), EVG_EIO);
    assert_null(b);
    assert_string_equal(e.source, dir);
    assert_non_null(strstr(e.text, "another run is writing into this folder"));
    put(a, "f.txt", "from a\n");
    assert_int_equal(evg_outset_commit(a, &e), 0);
    /* Once it is done, the next one may go. */
    assert_int_equal(evg_outset_open(&b, dir, &e), 0);
    evg_outset_abort(b);
    assert_file(dir, "f.txt", "from a\n");
    /* A folder that cannot be made. */
    assert_int_equal(th_write_str(file, "x"), 0);
    assert_int_equal(evg_outset_open(&b, file, &e), EVG_EIO);
    assert_non_null(strstr(e.text, "cannot create directory"));
    assert_int_equal(evg_outset_open(&b, "", &e), EVG_EINVAL);
    free(file);
}

/*
 * A target whose name is as long as a file name may be (NAME_MAX, 255 bytes
 * on Linux): the temporary file's name must not be longer, so it is not
 * made from the target's.
 */
static void test_longest_name(void **state)
{
    char name[256], *path;
    evg_ofile *of = NULL;
    evg_error e;

    memset(name, 'n', 255);
    memcpy(name + 255 - 8, ".graphml", 8);
    name[255] = '\0';
    path = th_join(*state, name);
    memset(&e, 0, sizeof e);
    assert_int_equal(evg_ofile_open(&of, path, &e), 0);
    fputs("graph\n", evg_ofile_stream(of));
    assert_int_equal(th_count_entries(*state, TH_TMP), 1);
    assert_int_equal(evg_ofile_commit(of, &e), 0);
    assert_file(*state, name, "graph\n");
    replace(path, "again\n"); /* and replaced */
    assert_file(*state, name, "again\n");
    assert_int_equal(th_count_entries(*state, TH_TMP), 0);
    free(path);
}

/*
 * What a signal handler calls (evg_ofile_clean_on_signals()): every
 * temporary file of the outputs being written goes, complete or not, and
 * the lock of a set; the targets stay as they were. Aborting them afterwards
 * is harmless.
 */
static void test_remove_temporaries(void **state)
{
    char *dir = *state, *single = th_join(dir, "single.txt"), *sub = th_join(dir, "set");
    evg_outset *set = NULL;
    evg_ofile *of = NULL, *half = NULL;
    evg_error e;

    memset(&e, 0, sizeof e);
    assert_int_equal(th_write_str(single, "old\n"), 0);
    assert_int_equal(evg_ofile_open(&half, single, &e), 0);
    fputs("half written", evg_ofile_stream(half));
    fflush(evg_ofile_stream(half));
    assert_int_equal(evg_outset_open(&set, sub, &e), 0);
    put(set, "done.txt", "complete, not yet in place\n");
    assert_int_equal(evg_outset_file(&of, set, "open.txt", &e), 0);
    assert_int_equal(th_count_entries(dir, TH_TMP), 1);
    assert_int_equal(th_count_entries(sub, TH_TMP), 2);
    assert_int_equal(th_count_entries(sub, EVG_OUTSET_LOCK), 1);
    evg_ofile_remove_temporaries();
    assert_int_equal(th_count_entries(dir, TH_TMP), 0);
    assert_int_equal(th_count_entries(sub, TH_TMP), 0);
    assert_int_equal(th_count_entries(sub, EVG_OUTSET_LOCK), 0);
    assert_file(dir, "single.txt", "old\n");
    evg_ofile_abort(half);
    evg_ofile_abort(of);
    evg_outset_abort(set);
    assert_file(dir, "single.txt", "old\n");
    assert_int_equal(th_count_entries(sub, "done.txt"), 0);
    /* Later outputs are written, and removed by a signal, as before. */
    replace(single, "new\n");
    assert_file(dir, "single.txt", "new\n");
    free(single);
    free(sub);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_longest_name, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_remove_temporaries, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_replace_keeps_mode, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_replace_keeps_owner, dir_setup,
                                        dir_teardown),
        cmocka_unit_test(test_link_rule),
        cmocka_unit_test_setup_teardown(test_planted_link_refused, dir_setup,
                                        dir_teardown),
        cmocka_unit_test_setup_teardown(test_stdout_by_any_name, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_output_is_an_input, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(test_set_renamed_together, dir_setup,
                                        dir_teardown),
        cmocka_unit_test_setup_teardown(test_set_abort_and_failure, dir_setup,
                                        dir_teardown),
        cmocka_unit_test_setup_teardown(test_set_locked, dir_setup, dir_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
