#ifndef EVGRAPH_STORE_H
#define EVGRAPH_STORE_H

#include "evgraph/doc.h"

EVG_BEGIN_DECLS

/**
 * An event store: the records of `evgraph extract` in an SQLite database
 * (a file named `*.db`), in tables any SQLite client can query: documents,
 * entities, events, participants, parties, agreements, evidence
 * (docs/events.md). A store is appended to: a record whose document id is
 * already there replaces that document's rows. evg_corpus_read_events()
 * reads a store as it reads JSON Lines, with the same documents.
 *
 * A store opened for writing holds one transaction from evg_store_open()
 * to evg_store_commit(): another process cannot write to it meanwhile, and
 * a run that stops before the commit (an error, a signal, a crash) leaves
 * the store as it was.
 */
typedef struct evg_store evg_store;

/** The schema version of the stores this library writes and reads (PRAGMA user_version).
 */
#define EVG_STORE_SCHEMA_VERSION 1

/** Whether `path` names an event store: it ends in ".db". */
EVG_API int evg_store_is_path(const char *path);

/**
 * Open the store `path` for appending, creating it (and its tables) when
 * missing, and begin its transaction. Returns 0, or EVG_EIO with `err`
 * naming the file: it cannot be created or opened, is locked by another
 * writer (after waiting a second), is not an SQLite database or is
 * corrupt, is no event store, or has another schema version; `*out` is
 * then NULL. Free with evg_store_commit() or evg_store_abort().
 */
EVG_API int evg_store_open(evg_store **out, const char *path, evg_error *err);

/**
 * Add the record `d`, replacing the rows of a document of the same id.
 * Returns 0, EVG_EINVAL (a string is not valid UTF-8 or a date not a real
 * YYYY-MM-DD: what evg_doc_to_json() refuses) or EVG_EIO (the database
 * failed: full disk, ...); `err` names the file and the document.
 */
EVG_API int evg_store_put(evg_store *s, const evg_doc *d, evg_error *err);

/** Documents put so far, and those of them that replaced one already stored. */
EVG_API size_t evg_store_put_count(const evg_store *s);
EVG_API size_t evg_store_replaced_count(const evg_store *s);

/**
 * Commit what was put, close the store and free `s` (even on failure).
 * Returns 0 or EVG_EIO; on failure the store is left as it was.
 */
EVG_API int evg_store_commit(evg_store *s, evg_error *err);

/** Roll back what was put, close the store and free `s`. NULL-safe. */
EVG_API void evg_store_abort(evg_store *s);

EVG_END_DECLS

#endif
