#ifndef EVGRAPH_IO_H
#define EVGRAPH_IO_H

#include <stdio.h>

#include "evgraph/error.h"

EVG_BEGIN_DECLS

/**
 * An output file written atomically: data goes to a temporary file in the
 * target's folder, ".evgraph.tmp.<pid>.<n>" (short, so that a target name
 * as long as the system allows still works), which replaces the target only
 * on evg_ofile_commit(). A run killed midway leaves the old file (or none),
 * never a truncated one; the temporary file is removed by a signal once
 * evg_ofile_clean_on_signals() was called, and left behind by SIGKILL or a
 * crash. The new file keeps the mode of the one it replaces (and its owner
 * and group where permitted), never wider; a new one gets 0666 less the
 * umask. A symbolic link is followed (the file it names is replaced, the
 * link stays), except one that the kernel's protected_symlinks rule would
 * refuse: a link in a sticky folder anyone may write to (/tmp) owned by
 * neither the runner nor the folder's owner. The path "-" means standard
 * output, and so does any path naming the file standard output is open on
 * (/dev/stdout, /dev/fd/1, the file a shell's `>>` appends to): it is
 * written at its current position, never truncated. A path that is not a
 * regular file (a device such as /dev/null, a FIFO) is written directly, not
 * atomically.
 */
typedef struct evg_ofile evg_ofile;

/**
 * Open `path` for writing. On error returns EVG_EIO with `err` naming the
 * path (a symbolic link refused as above is one), EVG_EINVAL for an empty
 * path, and `*out` is NULL. Free with evg_ofile_commit() or
 * evg_ofile_abort().
 */
EVG_API int evg_ofile_open(evg_ofile **out, const char *path, evg_error *err);

/** The stream to write to; borrowed, valid until commit or abort. */
EVG_API FILE *evg_ofile_stream(evg_ofile *of);

/**
 * Flush, sync and rename into place, then free `of` (even on failure).
 * Returns EVG_EIO when any write failed; the target is then left untouched.
 */
EVG_API int evg_ofile_commit(evg_ofile *of, evg_error *err);

/** Discard what was written and free `of`; the target is untouched. NULL-safe. */
EVG_API void evg_ofile_abort(evg_ofile *of);

/**
 * Make the signals that end a process by default and that users and systems
 * send to stop one (SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGXCPU,
 * SIGXFSZ) first remove the temporary files of the outputs being written
 * (of evg_ofile and evg_outset, and a set's lock file), then end the process
 * by their default action, as if they had not been caught: the outputs are
 * left as they were, the exit status says which signal. A signal the process
 * ignores (nohup) or handles already is left as it is. For programs: the
 * evgraph tool calls it at start. A program with handlers of its own calls
 * evg_ofile_remove_temporaries() from them instead. Returns 0, or EVG_EIO
 * when a handler cannot be installed.
 */
EVG_API int evg_ofile_clean_on_signals(void);

/**
 * Remove the temporary files of every output being written; none of them can
 * be committed afterwards, so this is for a program that is ending.
 * Async-signal-safe: it may be called from a signal handler.
 */
EVG_API void evg_ofile_remove_temporaries(void);

/**
 * Whether writing the output `path` ("-": standard output) would replace
 * one of the `n` input files `inputs` ("-": standard input): the same file,
 * by device and inode, whatever its name (a symbolic or hard link, "./x").
 * Folders among the inputs are not searched. Returns 0, or EVG_EINVAL with
 * `err` naming the output and the input.
 */
EVG_API int evg_output_check(const char *path, const char *const *inputs, size_t n,
                             evg_error *err);

/**
 * A set of output files in one folder, replaced together, as `evgraph run`
 * writes them. Each file is written to a temporary file beside its target
 * (see evg_ofile_open()) and kept there until evg_outset_commit() renames
 * them all, once every one is complete; then the manifest "run.json" in the
 * folder names the files of that complete run with their sizes and SHA-256
 * checksums (docs/formats.md). While a set is open, the file "run.lock" in
 * the folder is locked (flock), so that a second set on the same folder,
 * from this process or another, cannot be opened; the lock ends with the
 * set, or with the process, and the file is removed by the set's end.
 */
typedef struct evg_outset evg_outset;

/** The name of a set's manifest in its folder. */
#define EVG_OUTSET_MANIFEST "run.json"
/** The name of a set's lock file in its folder. */
#define EVG_OUTSET_LOCK "run.lock"

/**
 * Open a set of outputs in the folder `dir`, created with its parents when
 * missing, and lock it. Returns 0, EVG_EINVAL (an empty name) or EVG_EIO:
 * the folder cannot be created, or another set holds its lock (`err` says
 * so); `*out` is then NULL. Free with evg_outset_commit() or
 * evg_outset_abort().
 */
EVG_API int evg_outset_open(evg_outset **out, const char *dir, evg_error *err);

/**
 * Open the file `name` (a file name, without '/') of the set for writing,
 * as evg_ofile_open() does "<dir>/<name>"; its evg_ofile_commit() completes
 * it (flushed, synced, checksummed) without replacing the target yet, and
 * evg_ofile_abort() leaves it out of the set. Returns 0, EVG_EINVAL (a name
 * with '/', or one already in the set), EVG_EIO or EVG_ENOMEM.
 */
EVG_API int evg_outset_file(evg_ofile **out, evg_outset *set, const char *name,
                            evg_error *err);

/**
 * Rename every completed file of the set into place, then write the
 * manifest, release the lock and free `set` (even on failure). Returns 0 or
 * EVG_EIO (`err` names the file); a failure before the first rename leaves
 * every target as it was.
 */
EVG_API int evg_outset_commit(evg_outset *set, evg_error *err);

/** Discard the files of the set and release the lock; the targets are untouched.
 * NULL-safe. */
EVG_API void evg_outset_abort(evg_outset *set);

EVG_END_DECLS

#endif
