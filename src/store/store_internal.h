#ifndef EVG_STORE_STORE_INTERNAL_H
#define EVG_STORE_STORE_INTERNAL_H

/*
 * The event store (SQLite) as the rest of the library sees it: only this
 * folder includes sqlite3.h. The schema is written out in store.c and
 * documented in docs/events.md.
 */
#include "evgraph/corpus.h"
#include "evgraph/store.h"

/*
 * Read every document of the store `path` into `c`, in the order they were
 * added, as evg_corpus_read_events() reads JSON Lines: a document whose rows
 * do not make a valid record (a hand-edited store) is reported to
 * opts->on_diag with the file and the document id, counted in `*failed_out`
 * and skipped. Returns 0, EVG_EIO (the file cannot be opened, is locked, is
 * no SQLite database or no event store, has another schema version, is
 * corrupt; `err` names the file) or EVG_ENOMEM.
 */
int evg_i_store_read(size_t *failed_out, evg_corpus *c, const char *path,
                     const evg_read_opts *opts, evg_error *err);

#endif
