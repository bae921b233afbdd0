#ifndef EVG_UTIL_FILEIO_H
#define EVG_UTIL_FILEIO_H

#include <stdio.h>
#include <sys/stat.h>

#include "evgraph/io.h"
#include "util/buf.h"

/*
 * Read all of `path` ("-" for standard input) into `out` (NUL-terminated),
 * after what it holds. A UTF-8 byte order mark at the start of the file is
 * dropped: what is read whole is text (articles, lexicons, alias files,
 * gazetteers), and some editors write one. Returns 0, EVG_EIO (err names the
 * path and the system's reason) or EVG_ENOMEM.
 */
int evg_i_read_file(evg_i_buf *out, const char *path, evg_error *err);

/* Read all of an open stream, likewise; `name` is used in error messages. */
int evg_i_read_stream(evg_i_buf *out, FILE *f, const char *name, evg_error *err);

/* The display name of a path: "<stdin>" for "-". */
const char *evg_i_display_name(const char *path);

/*
 * What a member of a set of outputs (evg_outset) does with its complete,
 * synced and closed temporary file `tmp`, which is to replace `target`:
 * take it over (0), or fail (negative status in `err`; `tmp` is then
 * removed).
 */
typedef int (*evg_i_ofile_keep_fn)(void *payload, const char *target, const char *tmp,
                                   evg_error *err);

/*
 * evg_ofile_open(), but evg_ofile_commit() hands the temporary file to
 * `keep` instead of renaming it (when `keep` is not NULL). A target written
 * directly (standard output, a device, a pipe) never reaches `keep`.
 */
int evg_i_ofile_open_kept(evg_ofile **out, const char *path, evg_i_ofile_keep_fn keep,
                          void *payload, evg_error *err);

/*
 * Whether a symbolic link with status `link`, in a folder with status
 * `dir`, may be followed by user `uid`: the kernel's protected_symlinks
 * rule. Outside a sticky folder anyone may write to, always; inside one,
 * when `uid` or the folder's owner owns the link.
 */
int evg_i_link_trusted(const struct stat *link, const struct stat *dir, uid_t uid);

/*
 * The temporary files of outputs being written, which a signal ending the
 * process removes (tmpfiles.c, evg_ofile_clean_on_signals()). Note `path`
 * once its file is created; forget it once the file is renamed or removed.
 * Both are safe while a signal handler runs on another thread.
 */
void evg_i_tmp_note(const char *path);
void evg_i_tmp_forget(const char *path);

/* The name of a temporary output file in its folder: ".evgraph.tmp.<pid>.<n>". */
#define EVG_I_TMP_PREFIX ".evgraph.tmp."

#endif
