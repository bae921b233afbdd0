#ifndef EVGRAPH_IO_H
#define EVGRAPH_IO_H

#include <stdio.h>

#include "evgraph/error.h"

EVG_BEGIN_DECLS

/**
 * An output file written atomically: data goes to a temporary file beside
 * the target, "<target>.tmp.<pid>.<n>", which replaces the target only on
 * evg_ofile_commit(). A run killed midway leaves the old file (or none),
 * never a truncated one; a run killed by a signal may leave its temporary
 * file. A symbolic link is followed (the file it names is replaced, the link
 * stays). The path "-" means standard output, and a path that is not a
 * regular file (a device such as /dev/null, a FIFO) is written directly, not
 * atomically.
 */
typedef struct evg_ofile evg_ofile;

/**
 * Open `path` for writing. On error returns EVG_EIO with `err` naming the
 * path (EVG_EINVAL for an empty path), and `*out` is NULL. Free with
 * evg_ofile_commit() or evg_ofile_abort().
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

EVG_END_DECLS

#endif
