/*
 * The event store: the records of docs/events.md in SQLite tables, one row
 * per document, entity, event, participant, party, agreement reference and
 * evidence sentence. Written in one transaction per batch (evg_store_open()
 * to evg_store_commit()); read back into a corpus by walking the tables
 * side by side in document order, each in the order of its primary key, so
 * a read is one scan of each table.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <jansson.h>
#include <sqlite3.h>

#include "model/corpus_internal.h"
#include "model/doc_internal.h"
#include "store/store_internal.h"
#include "util/buf.h"
#include "util/date.h"
#include "util/error.h"
#include "util/fileio.h"
#include "util/utf8.h"

/* PRAGMA application_id of an event store: "EVGR". */
#define STORE_APP_ID 0x45564752
/* How long a writer or reader waits for another process's lock, in ms. */
#define STORE_BUSY_MS 1000

static const char SCHEMA[] =
    "PRAGMA application_id = 1163282258;"
    "PRAGMA user_version = 1;"
    "CREATE TABLE documents ("
    " doc INTEGER PRIMARY KEY,"
    " id TEXT NOT NULL UNIQUE,"
    " path TEXT, date TEXT, title TEXT);"
    "CREATE TABLE entities ("
    " doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " id TEXT NOT NULL, type TEXT NOT NULL, name TEXT NOT NULL,"
    " titles TEXT, country TEXT, org TEXT, kind TEXT, city TEXT,"
    " PRIMARY KEY (doc, seq)) WITHOUT ROWID;"
    "CREATE INDEX entities_id ON entities(id);"
    "CREATE TABLE events ("
    " doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,"
    " seq INTEGER NOT NULL,"
    " id TEXT NOT NULL, type TEXT NOT NULL, status TEXT NOT NULL,"
    " date TEXT, date_source TEXT, place TEXT, place_id TEXT,"
    " PRIMARY KEY (doc, seq)) WITHOUT ROWID;"
    "CREATE INDEX events_date ON events(date);"
    "CREATE INDEX events_id ON events(id);"
    "CREATE TABLE participants ("
    " doc INTEGER NOT NULL, event INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " entity TEXT NOT NULL, role TEXT NOT NULL,"
    " PRIMARY KEY (doc, event, seq),"
    " FOREIGN KEY (doc, event) REFERENCES events(doc, seq) ON DELETE CASCADE)"
    " WITHOUT ROWID;"
    "CREATE INDEX participants_entity ON participants(entity);"
    "CREATE TABLE parties ("
    " doc INTEGER NOT NULL, event INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " entity TEXT NOT NULL, role TEXT NOT NULL, title TEXT,"
    " PRIMARY KEY (doc, event, seq),"
    " FOREIGN KEY (doc, event) REFERENCES events(doc, seq) ON DELETE CASCADE)"
    " WITHOUT ROWID;"
    "CREATE INDEX parties_entity ON parties(entity);"
    "CREATE TABLE agreements ("
    " doc INTEGER NOT NULL, event INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " entity TEXT NOT NULL, relation TEXT NOT NULL,"
    " PRIMARY KEY (doc, event, seq),"
    " FOREIGN KEY (doc, event) REFERENCES events(doc, seq) ON DELETE CASCADE)"
    " WITHOUT ROWID;"
    "CREATE INDEX agreements_entity ON agreements(entity);"
    "CREATE TABLE evidence ("
    " doc INTEGER NOT NULL, event INTEGER NOT NULL, seq INTEGER NOT NULL,"
    " start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text TEXT NOT NULL,"
    " PRIMARY KEY (doc, event, seq),"
    " FOREIGN KEY (doc, event) REFERENCES events(doc, seq) ON DELETE CASCADE)"
    " WITHOUT ROWID;";

/* The tables below documents, in the order they are written and read. */
static const char *const CHILD_TABLES[] = {"entities", "events",     "participants",
                                           "parties",  "agreements", "evidence"};
#define NCHILD (sizeof CHILD_TABLES / sizeof CHILD_TABLES[0])

int evg_store_is_path(const char *path)
{
    size_t n = path ? strlen(path) : 0;

    return n > 3 && strcmp(path + n - 3, ".db") == 0;
}

/* "FILE: WHAT: SQLite's reason" as EVG_EIO; a lock and a non-database named plainly. */
static int db_error(evg_error *err, sqlite3 *db, int code, const char *name,
                    const char *what)
{
    const char *why = db ? sqlite3_errmsg(db) : sqlite3_errstr(code);

    switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return evg_i_error_set(err, EVG_EIO, name, 0, 0,
                               "%s: the event store is locked by another process (%s)",
                               what, why);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
        return evg_i_error_set(err, EVG_EIO, name, 0, 0,
                               "%s: not an event store: not an SQLite database, or a "
                               "corrupt one (%s)",
                               what, why);
    case SQLITE_NOMEM:
        return evg_i_error_nomem(err);
    default:
        return evg_i_error_set(err, EVG_EIO, name, 0, 0, "%s: %s", what, why);
    }
}

/* The integer a PRAGMA answers; 0 or an SQLite error code. */
static int pragma_int(long *out, sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);

    *out = 0;
    if (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        *out = (long)sqlite3_column_int64(st, 0);
        rc = SQLITE_OK;
    } else if (rc == SQLITE_DONE) {
        rc = SQLITE_OK;
    }
    sqlite3_finalize(st);
    return rc;
}

/*
 * Check that `db` is an event store of this schema version; `*empty_out`
 * (may be NULL: then an empty database is an error) says it has no table
 * yet. 0 or EVG_EIO naming the file.
 */
static int check_schema(int *empty_out, sqlite3 *db, const char *name, evg_error *err)
{
    long app, version, tables;
    int rc;

    if ((rc = pragma_int(&app, db, "PRAGMA application_id")) != SQLITE_OK ||
        (rc = pragma_int(&version, db, "PRAGMA user_version")) != SQLITE_OK ||
        (rc = pragma_int(&tables, db, "SELECT count(*) FROM sqlite_master")) != SQLITE_OK)
        return db_error(err, db, rc, name, "cannot read");
    if (empty_out)
        *empty_out = tables == 0 && app == 0 && version == 0;
    if (tables == 0 && app == 0 && version == 0)
        return empty_out ? 0
                         : evg_i_error_set(err, EVG_EIO, name, 0, 0,
                                           "not an event store: an empty database");
    if (app != STORE_APP_ID)
        return evg_i_error_set(err, EVG_EIO, name, 0, 0,
                               "not an event store: an SQLite database of another "
                               "program (application_id %ld)",
                               app);
    if (version != EVG_STORE_SCHEMA_VERSION)
        return evg_i_error_set(err, EVG_EIO, name, 0, 0,
                               "event store of schema version %ld; this evgraph reads "
                               "version %d (convert it to JSON Lines with the evgraph "
                               "that wrote it)",
                               version, EVG_STORE_SCHEMA_VERSION);
    return 0;
}

/* Open `path` with `flags`, waiting a while for other processes' locks. */
static int open_db(sqlite3 **out, const char *path, int flags, const char *name,
                   evg_error *err)
{
    /* One connection, used by one thread: no locking inside SQLite. */
    int rc = sqlite3_open_v2(path, out, flags | SQLITE_OPEN_NOMUTEX, NULL);

    if (rc != SQLITE_OK) {
        int e = db_error(err, *out, rc, name, "cannot open");
        sqlite3_close(*out);
        *out = NULL;
        return e;
    }
    sqlite3_extended_result_codes(*out, 1);
    sqlite3_busy_timeout(*out, STORE_BUSY_MS);
    return 0;
}

/* ---- writing ------------------------------------------------------------ */

enum { W_FIND, W_DOC, W_ENT, W_EV, W_PART, W_PARTY, W_AGR, W_EVI, W_N };

static const char *const WRITE_SQL[W_N] = {
    [W_FIND] = "SELECT doc FROM documents WHERE id = ?1",
    [W_DOC] = "INSERT INTO documents (id, path, date, title) VALUES (?1, ?2, ?3, ?4)",
    [W_ENT] = "INSERT INTO entities VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    [W_EV] = "INSERT INTO events VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    [W_PART] = "INSERT INTO participants VALUES (?1, ?2, ?3, ?4, ?5)",
    [W_PARTY] = "INSERT INTO parties VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [W_AGR] = "INSERT INTO agreements VALUES (?1, ?2, ?3, ?4, ?5)",
    [W_EVI] = "INSERT INTO evidence VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
};

struct evg_store {
    sqlite3 *db;
    char *name; /* for messages */
    sqlite3_stmt *w[W_N];
    sqlite3_stmt *del[NCHILD + 1]; /* the rows of a document, children first */
    size_t put, replaced;
};

static void store_close(evg_store *s, int commit_failed)
{
    (void)commit_failed;
    for (size_t i = 0; i < W_N; i++)
        sqlite3_finalize(s->w[i]);
    for (size_t i = 0; i <= NCHILD; i++)
        sqlite3_finalize(s->del[i]);
    sqlite3_close(s->db);
    free(s->name);
    free(s);
}

static int prepare_writes(evg_store *s, evg_error *err)
{
    int rc = SQLITE_OK;

    for (size_t i = 0; rc == SQLITE_OK && i < W_N; i++)
        rc = sqlite3_prepare_v3(s->db, WRITE_SQL[i], -1, SQLITE_PREPARE_PERSISTENT,
                                &s->w[i], NULL);
    for (size_t i = 0; rc == SQLITE_OK && i <= NCHILD; i++) {
        char sql[80];
        snprintf(sql, sizeof sql, "DELETE FROM %s WHERE doc = ?1",
                 i < NCHILD ? CHILD_TABLES[NCHILD - 1 - i] : "documents");
        rc = sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s->del[i],
                                NULL);
    }
    return rc == SQLITE_OK ? 0 : db_error(err, s->db, rc, s->name, "cannot prepare");
}

int evg_store_open(evg_store **out, const char *path, evg_error *err)
{
    evg_store *s = NULL;
    const char *name = evg_i_display_name(path);
    struct stat st;
    int rc = 0, empty = 0, src;

    *out = NULL;
    if (path == NULL || path[0] == '\0')
        return evg_i_error_set(err, EVG_EINVAL, NULL, 0, 0, "empty store name");
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return evg_i_error_set(err, EVG_EIO, name, 0, 0, "is a directory");
    if ((s = calloc(1, sizeof(*s))) == NULL || (s->name = strdup(name)) == NULL) {
        free(s);
        return evg_i_error_nomem(err);
    }
    EVG_CHECK(
        open_db(&s->db, path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, name, err));
    /* Take the write lock now: a second writer is told at once, before any work. */
    if ((src = sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL)) != SQLITE_OK) {
        rc = db_error(err, s->db, src, name, "cannot write");
        goto cleanup;
    }
    EVG_CHECK(check_schema(&empty, s->db, name, err));
    if (empty && (src = sqlite3_exec(s->db, SCHEMA, NULL, NULL, NULL)) != SQLITE_OK) {
        rc = db_error(err, s->db, src, name, "cannot create the tables");
        goto cleanup;
    }
    EVG_CHECK(prepare_writes(s, err));
    *out = s;
    s = NULL;
cleanup:
    if (s && s->db)
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    if (s)
        store_close(s, 0);
    return rc;
}

/* Bind a string or NULL; SQLITE_OK or an error code. */
static int bind_text(sqlite3_stmt *st, int i, const char *v)
{
    return v ? sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC) : sqlite3_bind_null(st, i);
}

/* Run an INSERT or DELETE bound already; SQLITE_OK or the error code. */
static int run_stmt(sqlite3_stmt *st)
{
    int rc = sqlite3_step(st);

    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* The titles of a person as a JSON array, in `*out` (free()). */
static int titles_json(char **out, const evg_entity *e)
{
    json_t *a = json_array();
    int bad = a == NULL;

    for (size_t i = 0; !bad && i < e->ntitles; i++)
        bad = json_array_append_new(a, json_string(e->titles[i])) < 0;
    *out = bad ? NULL : json_dumps(a, JSON_COMPACT);
    json_decref(a);
    return *out ? 0 : -1;
}

static int put_entity(evg_store *s, sqlite3_int64 doc, size_t seq, const evg_entity *e)
{
    sqlite3_stmt *st = s->w[W_ENT];
    const char *country = NULL, *org = NULL, *kind = NULL, *city = NULL;
    char *titles = NULL;
    int rc;

    /* The fields evg_doc_to_json() writes for the type, and nothing else. */
    if (e->type == EVG_ENT_PERSON) {
        if (titles_json(&titles, e) < 0)
            return SQLITE_NOMEM;
        country = e->country;
        org = e->org;
    } else if (e->type == EVG_ENT_ORGANIZATION) {
        country = e->country;
    } else if (e->type == EVG_ENT_AGREEMENT) {
        kind = e->kind ? e->kind : "other";
    } else if (e->type == EVG_ENT_PLACE) {
        country = e->country;
        city = e->city;
    }
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)seq);
    bind_text(st, 3, e->id);
    bind_text(st, 4, evg_entity_type_name(e->type));
    bind_text(st, 5, e->name);
    bind_text(st, 6, titles);
    bind_text(st, 7, country);
    bind_text(st, 8, org);
    bind_text(st, 9, kind);
    bind_text(st, 10, city);
    rc = run_stmt(st);
    free(titles);
    return rc;
}

/* The first columns of a row below an event: doc, event, seq. */
static void bind_member(sqlite3_stmt *st, sqlite3_int64 doc, size_t ev, size_t seq)
{
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)ev);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)seq);
}

static int put_event(evg_store *s, sqlite3_int64 doc, size_t seq, const evg_event *ev)
{
    sqlite3_stmt *st = s->w[W_EV];
    int rc;

    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int64(st, 2, (sqlite3_int64)seq);
    bind_text(st, 3, ev->id);
    bind_text(st, 4, evg_event_type_name(ev->type));
    bind_text(st, 5, evg_event_status_name(ev->status));
    bind_text(st, 6, ev->date);
    bind_text(st, 7, ev->date ? ev->date_source : NULL);
    bind_text(st, 8, ev->place);
    bind_text(st, 9, ev->place_id);
    rc = run_stmt(st);
    for (size_t i = 0; rc == SQLITE_OK && i < ev->nparticipants; i++) {
        st = s->w[W_PART];
        bind_member(st, doc, seq, i);
        bind_text(st, 4, ev->participants[i].entity);
        bind_text(st, 5, evg_role_name(ev->participants[i].role));
        rc = run_stmt(st);
    }
    for (size_t i = 0; rc == SQLITE_OK && i < ev->nparties; i++) {
        const char *title = ev->parties[i].title;
        st = s->w[W_PARTY];
        bind_member(st, doc, seq, i);
        bind_text(st, 4, ev->parties[i].entity);
        bind_text(st, 5, evg_role_name(ev->parties[i].role));
        bind_text(st, 6, title && title[0] ? title : NULL);
        rc = run_stmt(st);
    }
    for (size_t i = 0; rc == SQLITE_OK && i < ev->nagreements; i++) {
        st = s->w[W_AGR];
        bind_member(st, doc, seq, i);
        bind_text(st, 4, ev->agreements[i].entity);
        bind_text(st, 5, evg_agreement_rel_name(ev->agreements[i].relation));
        rc = run_stmt(st);
    }
    for (size_t i = 0; rc == SQLITE_OK && i < ev->nevidence; i++) {
        const evg_evidence *x = &ev->evidence[i];
        st = s->w[W_EVI];
        bind_member(st, doc, seq, i);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)x->start);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)x->end);
        bind_text(st, 6, x->text ? x->text : "");
        rc = run_stmt(st);
    }
    return rc;
}

/* Whether one of `n` strings (NULLs skipped) is not valid UTF-8. */
static int any_invalid(const char *const *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (v[i] && !evg_i_utf8_valid(v[i], strlen(v[i])))
            return 1;
    return 0;
}

/* What evg_doc_to_json() would refuse: "doc.date", "entities[2]", ...; or 0. */
static int find_invalid(char *where, size_t size, const evg_doc *d)
{
    const char *meta[] = {evg_doc_id(d), evg_doc_path(d), evg_doc_title(d)};
    const char *date = evg_doc_date(d);

    if (date && !evg_i_date_valid(date, strlen(date)))
        return snprintf(where, size, "doc.date '%.16s' is not a date", date);
    if (any_invalid(meta, 3) || (date && any_invalid(&date, 1)))
        return snprintf(where, size, "doc: a string is not valid UTF-8");
    for (size_t i = 0; i < evg_doc_entity_count(d); i++) {
        const evg_entity *e = evg_doc_entity(d, i);
        const char *f[] = {e->id, e->name, e->country, e->org, e->kind, e->city};
        if (any_invalid(f, 6) || any_invalid(e->titles, e->ntitles))
            return snprintf(where, size, "entities[%zu]: a string is not valid UTF-8", i);
    }
    for (size_t i = 0; i < evg_doc_event_count(d); i++) {
        const evg_event *ev = evg_doc_event(d, i);
        const char *f[] = {ev->id, ev->date, ev->place, ev->place_id, ev->date_source};
        int bad = any_invalid(f, 5);
        if (ev->date && !evg_i_date_valid(ev->date, strlen(ev->date)))
            return snprintf(where, size, "events[%zu].date '%.16s' is not a date", i,
                            ev->date);
        for (size_t k = 0; k < ev->nevidence; k++)
            bad |= any_invalid(&ev->evidence[k].text, 1);
        for (size_t k = 0; k < ev->nparties; k++)
            bad |= any_invalid(&ev->parties[k].title, 1);
        if (bad)
            return snprintf(where, size, "events[%zu]: a string is not valid UTF-8", i);
    }
    return 0;
}

/* Remove the rows of the document with id `id`, if any; *found_out says so. */
static int remove_doc(int *found_out, evg_store *s, const char *id)
{
    sqlite3_stmt *st = s->w[W_FIND];
    sqlite3_int64 doc = 0;
    int rc;

    *found_out = 0;
    bind_text(st, 1, id);
    if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        doc = sqlite3_column_int64(st, 0);
        *found_out = 1;
        rc = SQLITE_DONE;
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return rc;
    rc = SQLITE_OK;
    for (size_t i = 0; *found_out && rc == SQLITE_OK && i <= NCHILD; i++) {
        sqlite3_bind_int64(s->del[i], 1, doc);
        rc = run_stmt(s->del[i]);
    }
    return rc;
}

int evg_store_put(evg_store *s, const evg_doc *d, evg_error *err)
{
    char where[96];
    sqlite3_int64 doc;
    int found = 0, rc;

    if (find_invalid(where, sizeof where, d) > 0)
        return evg_i_error_set(err, EVG_EINVAL, s->name, 0, 0,
                               "document '%.60s': %s; cannot store it", evg_doc_id(d),
                               where);
    if ((rc = remove_doc(&found, s, evg_doc_id(d))) == SQLITE_OK) {
        sqlite3_stmt *st = s->w[W_DOC];
        bind_text(st, 1, evg_doc_id(d));
        bind_text(st, 2, evg_doc_path(d));
        bind_text(st, 3, evg_doc_date(d));
        bind_text(st, 4, evg_doc_title(d));
        rc = run_stmt(st);
    }
    doc = sqlite3_last_insert_rowid(s->db);
    for (size_t i = 0; rc == SQLITE_OK && i < evg_doc_entity_count(d); i++)
        rc = put_entity(s, doc, i, evg_doc_entity(d, i));
    for (size_t i = 0; rc == SQLITE_OK && i < evg_doc_event_count(d); i++)
        rc = put_event(s, doc, i, evg_doc_event(d, i));
    if (rc != SQLITE_OK) {
        snprintf(where, sizeof where, "cannot store document '%.60s'", evg_doc_id(d));
        return db_error(err, s->db, rc, s->name, where);
    }
    s->put++;
    s->replaced += found;
    return 0;
}

size_t evg_store_put_count(const evg_store *s)
{
    return s->put;
}

size_t evg_store_replaced_count(const evg_store *s)
{
    return s->replaced;
}

int evg_store_commit(evg_store *s, evg_error *err)
{
    int rc = 0, src;

    if (s == NULL)
        return 0;
    /* Statements end before the commit so that it can take the lock it needs. */
    for (size_t i = 0; i < W_N; i++)
        sqlite3_reset(s->w[i]);
    if ((src = sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL)) != SQLITE_OK) {
        rc = db_error(err, s->db, src, s->name, "cannot commit");
        sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    }
    store_close(s, rc < 0);
    return rc;
}

void evg_store_abort(evg_store *s)
{
    if (s == NULL)
        return;
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
    store_close(s, 1);
}

/* ---- reading ------------------------------------------------------------ */

enum { R_DOC, R_ENT, R_EV, R_PART, R_PARTY, R_AGR, R_EVI, R_N };

static const char *const READ_SQL[R_N] = {
    [R_DOC] = "SELECT doc, id, path, date, title FROM documents ORDER BY doc",
    [R_ENT] =
        "SELECT doc, id, type, name, titles, country, org, kind, city FROM entities "
        "ORDER BY doc, seq",
    [R_EV] = "SELECT doc, seq, id, type, status, date, date_source, place, place_id "
             "FROM events ORDER BY doc, seq",
    [R_PART] = "SELECT doc, event, entity, role FROM participants "
               "ORDER BY doc, event, seq",
    [R_PARTY] = "SELECT doc, event, entity, role, title FROM parties "
                "ORDER BY doc, event, seq",
    [R_AGR] = "SELECT doc, event, entity, relation FROM agreements "
              "ORDER BY doc, event, seq",
    [R_EVI] = "SELECT doc, event, start_offset, end_offset, text FROM evidence "
              "ORDER BY doc, event, seq",
};

/* A member row of an event as read: its event's index, entity and two values. */
typedef struct {
    size_t event;
    const char *entity, *name, *title; /* name: role or relation */
    size_t start, end;                 /* evidence */
} member;

typedef struct {
    member *v;
    size_t n, cap;
} members;

typedef struct {
    sqlite3 *db;
    const char *name;
    sqlite3_stmt *st[R_N];
    int has[R_N]; /* the statement is on a row */
    evg_error *err;
    /* The document being read: strings in `tmp`, rows in the tables below. */
    evg_i_arena tmp;
    evg_entity *ents;
    size_t nents, cap_ents;
    evg_event *evs;
    sqlite3_int64 *ev_seq; /* each event's seq, ascending */
    size_t nevs, cap_evs, cap_seq;
    members m[R_N]; /* R_PART .. R_EVI used */
    char bad[200];  /* why the document is no valid record; "" when it is */
} reader;

/* Step statement `k`; SQLITE_OK or an error code. */
static int step(reader *r, int k)
{
    int rc = sqlite3_step(r->st[k]);

    r->has[k] = rc == SQLITE_ROW;
    return rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* A copy of column `c` of statement `k` in the document's scratch, or NULL. */
static const char *col_str(reader *r, int k, int c, int *nomem)
{
    const unsigned char *s = sqlite3_column_text(r->st[k], c);
    const char *copy;

    if (s == NULL)
        return NULL;
    copy = evg_i_arena_strndup(&r->tmp, (const char *)s,
                               (size_t)sqlite3_column_bytes(r->st[k], c));
    *nomem |= copy == NULL;
    return copy;
}

/* Note the first fault of the document. */
static void fault(reader *r, const char *fmt, ...) EVG_PRINTF(2, 3);
static void fault(reader *r, const char *fmt, ...)
{
    va_list ap;

    if (r->bad[0])
        return;
    va_start(ap, fmt);
    vsnprintf(r->bad, sizeof r->bad, fmt, ap);
    va_end(ap);
}

/* Parse a JSON array of strings (titles) into the scratch. */
static void read_titles(reader *r, evg_entity *e, const char *json, int *nomem)
{
    json_error_t jerr;
    json_t *a;
    size_t n;
    const char **t;

    if (json == NULL)
        return;
    if ((a = json_loads(json, JSON_DECODE_ANY, &jerr)) == NULL || !json_is_array(a)) {
        fault(r, "entities[%zu].titles: not a JSON array of strings", r->nents);
        json_decref(a);
        return;
    }
    if ((n = json_array_size(a)) > 0 &&
        (t = evg_i_arena_alloc(&r->tmp, n * sizeof(*t))) != NULL) {
        for (size_t i = 0; i < n; i++) {
            json_t *v = json_array_get(a, i);
            if (!json_is_string(v)) {
                fault(r, "entities[%zu].titles[%zu]: not a string", r->nents, i);
                n = 0;
                break;
            }
            t[i] = evg_i_arena_strdup(&r->tmp, json_string_value(v));
            *nomem |= t[i] == NULL;
        }
        e->titles = t;
        e->ntitles = n;
    } else if (n > 0) {
        *nomem = 1;
    }
    json_decref(a);
}

/* The entity rows of document `doc`. 0 or an SQLite error code. */
static int read_entities(reader *r, sqlite3_int64 doc, int *nomem)
{
    sqlite3_stmt *st = r->st[R_ENT];
    int rc = SQLITE_OK;

    while (rc == SQLITE_OK && r->has[R_ENT] && sqlite3_column_int64(st, 0) <= doc) {
        if (sqlite3_column_int64(st, 0) == doc) {
            evg_entity e;
            const char *type;
            memset(&e, 0, sizeof e);
            e.id = col_str(r, R_ENT, 1, nomem);
            type = (const char *)sqlite3_column_text(st, 2);
            e.name = col_str(r, R_ENT, 3, nomem);
            e.country = col_str(r, R_ENT, 5, nomem);
            e.org = col_str(r, R_ENT, 6, nomem);
            e.kind = col_str(r, R_ENT, 7, nomem);
            e.city = col_str(r, R_ENT, 8, nomem);
            if (e.id == NULL || e.id[0] == '\0' || e.name == NULL || e.name[0] == '\0')
                fault(r, "entities[%zu]: an empty id or name", r->nents);
            else if (type == NULL || evg_i_entity_type_parse(&e.type, type) < 0)
                fault(r, "entities[%zu].type: unknown entity type '%.40s'", r->nents,
                      type ? type : "");
            if (e.type == EVG_ENT_AGREEMENT && e.kind == NULL)
                e.kind = "other";
            if (e.type != EVG_ENT_PLACE)
                e.city = NULL;
            read_titles(r, &e, (const char *)sqlite3_column_text(st, 4), nomem);
            if (evg_i_grow((void **)&r->ents, &r->cap_ents, r->nents + 1,
                           sizeof(*r->ents)) < 0) {
                *nomem = 1;
                return SQLITE_OK;
            }
            r->ents[r->nents++] = e;
        }
        rc = step(r, R_ENT);
    }
    return rc;
}

static int read_events(reader *r, sqlite3_int64 doc, int *nomem)
{
    sqlite3_stmt *st = r->st[R_EV];
    int rc = SQLITE_OK;

    while (rc == SQLITE_OK && r->has[R_EV] && sqlite3_column_int64(st, 0) <= doc) {
        if (sqlite3_column_int64(st, 0) == doc) {
            evg_event ev;
            const char *type = (const char *)sqlite3_column_text(st, 3),
                       *status = (const char *)sqlite3_column_text(st, 4);
            memset(&ev, 0, sizeof ev);
            ev.id = col_str(r, R_EV, 2, nomem);
            ev.date = col_str(r, R_EV, 5, nomem);
            ev.date_source = col_str(r, R_EV, 6, nomem);
            ev.place = col_str(r, R_EV, 7, nomem);
            ev.place_id = col_str(r, R_EV, 8, nomem);
            if (ev.id == NULL || ev.id[0] == '\0')
                fault(r, "events[%zu].id: must not be empty", r->nevs);
            else if (type == NULL || evg_i_event_type_parse(&ev.type, type) < 0)
                fault(r, "events[%zu].type: unknown event type '%.40s'", r->nevs,
                      type ? type : "");
            else if (status == NULL || evg_i_event_status_parse(&ev.status, status) < 0)
                fault(r, "events[%zu].status: unknown status '%.40s'", r->nevs,
                      status ? status : "");
            else if (ev.date && !evg_i_date_valid(ev.date, strlen(ev.date)))
                fault(r, "events[%zu].date: expected a date as YYYY-MM-DD, not '%.40s'",
                      r->nevs, ev.date);
            if (ev.date == NULL)
                ev.date_source = NULL;
            if (evg_i_grow((void **)&r->evs, &r->cap_evs, r->nevs + 1, sizeof(*r->evs)) <
                    0 ||
                evg_i_grow((void **)&r->ev_seq, &r->cap_seq, r->nevs + 1,
                           sizeof(*r->ev_seq)) < 0) {
                *nomem = 1;
                return SQLITE_OK;
            }
            r->ev_seq[r->nevs] = sqlite3_column_int64(st, 1);
            r->evs[r->nevs++] = ev;
        }
        rc = step(r, R_EV);
    }
    return rc;
}

/* The index of the event of seq `seq` among the document's, or -1. */
static long event_index(const reader *r, sqlite3_int64 seq)
{
    size_t lo = 0, hi = r->nevs;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (r->ev_seq[mid] < seq)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < r->nevs && r->ev_seq[lo] == seq ? (long)lo : -1;
}

static const char *const MEMBER_TABLE[R_N] = {[R_PART] = "participants",
                                              [R_PARTY] = "parties",
                                              [R_AGR] = "agreements",
                                              [R_EVI] = "evidence"};

/* The rows of table `k` (participants .. evidence) of document `doc`. */
static int read_members(reader *r, int k, sqlite3_int64 doc, int *nomem)
{
    sqlite3_stmt *st = r->st[k];
    members *ms = &r->m[k];
    int rc = SQLITE_OK;

    while (rc == SQLITE_OK && r->has[k] && sqlite3_column_int64(st, 0) <= doc) {
        if (sqlite3_column_int64(st, 0) == doc) {
            long ev = event_index(r, sqlite3_column_int64(st, 1));
            member m;
            memset(&m, 0, sizeof m);
            if (ev < 0) {
                fault(r, "%s: a row of event %lld, which is not among the events",
                      MEMBER_TABLE[k], (long long)sqlite3_column_int64(st, 1));
            } else if (k == R_EVI) {
                sqlite3_int64 a = sqlite3_column_int64(st, 2),
                              b = sqlite3_column_int64(st, 3);
                m.start = a < 0 ? 0 : (size_t)a;
                m.end = b < 0 ? 0 : (size_t)b;
                m.title = col_str(r, k, 4, nomem);
                if (a < 0 || b < a)
                    fault(r, "events[%ld].evidence: a span from %lld to %lld", ev,
                          (long long)a, (long long)b);
            } else {
                m.entity = col_str(r, k, 2, nomem);
                m.name = col_str(r, k, 3, nomem);
                if (k == R_PARTY)
                    m.title = col_str(r, k, 4, nomem);
            }
            m.event = ev < 0 ? 0 : (size_t)ev;
            if (evg_i_grow((void **)&ms->v, &ms->cap, ms->n + 1, sizeof(*ms->v)) < 0) {
                *nomem = 1;
                return SQLITE_OK;
            }
            ms->v[ms->n++] = m;
        }
        rc = step(r, k);
    }
    return rc;
}

/*
 * The entity id a member names, as the document's own pointer (what
 * evg_i_doc_settle() wants), or NULL with the fault noted.
 */
static const char *member_entity(reader *r, const evg_doc *d, const member *m, int k,
                                 int type_a, int type_b, const char *what)
{
    long i = m->entity ? evg_i_doc_entity_index(d, m->entity) : -1;

    if (i < 0) {
        fault(r, "events[%zu].%s: '%.60s' is not among the entities", m->event,
              MEMBER_TABLE[k], m->entity ? m->entity : "");
        return NULL;
    }
    if (type_a >= 0 && (int)d->ents[i].type != type_a && (int)d->ents[i].type != type_b) {
        fault(r, "events[%zu].%s: '%.60s' is %s", m->event, MEMBER_TABLE[k], m->entity,
              what);
        return NULL;
    }
    return d->ents[i].id;
}

static const size_t MEMBER_SIZE[R_N] = {[R_PART] = sizeof(evg_participant),
                                        [R_PARTY] = sizeof(evg_party),
                                        [R_AGR] = sizeof(evg_agreement_ref),
                                        [R_EVI] = sizeof(evg_evidence)};

/* Point each event at its members, in the arrays of `r` (which do not move now). */
static void attach_members(reader *r, const evg_doc *d, int *nomem)
{
    for (int k = R_PART; k <= R_EVI; k++) {
        members *ms = &r->m[k];
        for (size_t i = 0; i < ms->n;) {
            size_t j = i, ev = ms->v[i].event;
            void *arr;
            while (j < ms->n && ms->v[j].event == ev)
                j++;
            if ((arr = evg_i_arena_alloc(&r->tmp, (j - i) * MEMBER_SIZE[k])) == NULL) {
                *nomem = 1;
                return;
            }
            for (size_t x = i; x < j; x++) {
                const member *m = &ms->v[x];
                size_t at = x - i;
                if (k == R_PART) {
                    evg_participant *p = (evg_participant *)arr + at;
                    p->entity = member_entity(r, d, m, k, -1, -1, NULL);
                    if (m->name == NULL || evg_i_role_parse(&p->role, m->name) < 0)
                        fault(r, "events[%zu].participants: unknown role '%.40s'", ev,
                              m->name ? m->name : "");
                } else if (k == R_PARTY) {
                    evg_party *p = (evg_party *)arr + at;
                    p->entity =
                        member_entity(r, d, m, k, EVG_ENT_COUNTRY, EVG_ENT_ORGANIZATION,
                                      "no country or organization");
                    p->title = m->title && m->title[0] ? m->title : NULL;
                    if (m->name == NULL || evg_i_role_parse(&p->role, m->name) < 0)
                        fault(r, "events[%zu].parties: unknown role '%.40s'", ev,
                              m->name ? m->name : "");
                } else if (k == R_AGR) {
                    evg_agreement_ref *a = (evg_agreement_ref *)arr + at;
                    a->entity = member_entity(r, d, m, k, EVG_ENT_AGREEMENT,
                                              EVG_ENT_AGREEMENT, "not an agreement");
                    if (m->name == NULL ||
                        evg_i_agreement_rel_parse(&a->relation, m->name) < 0)
                        fault(r, "events[%zu].agreements: unknown relation '%.40s'", ev,
                              m->name ? m->name : "");
                } else {
                    evg_evidence *e = (evg_evidence *)arr + at;
                    e->start = m->start;
                    e->end = m->end;
                    e->text = m->title ? m->title : "";
                }
            }
            if (k == R_PART) {
                r->evs[ev].participants = arr;
                r->evs[ev].nparticipants = j - i;
                for (size_t x = i; x < j; x++)
                    for (size_t y = i; y < x; y++)
                        if (r->evs[ev].participants[x - i].entity &&
                            r->evs[ev].participants[x - i].entity ==
                                r->evs[ev].participants[y - i].entity)
                            fault(r, "events[%zu].participants: '%.60s' is listed twice",
                                  ev, r->evs[ev].participants[x - i].entity);
            } else if (k == R_PARTY) {
                r->evs[ev].parties = arr;
                r->evs[ev].nparties = j - i;
            } else if (k == R_AGR) {
                r->evs[ev].agreements = arr;
                r->evs[ev].nagreements = j - i;
            } else {
                r->evs[ev].evidence = arr;
                r->evs[ev].nevidence = j - i;
            }
            i = j;
        }
    }
}

/* Make the document of the rows read into `r`; NULL in `*out` when they are no record. */
static int make_doc(evg_doc **out, reader *r, const char *meta[4], int *nomem)
{
    evg_doc *d = NULL;
    int rc = 0;

    *out = NULL;
    EVG_CHECK(evg_i_doc_new_sized(&d, r->nents, r->nevs, r->err));
    d->id = meta[0];
    d->path = meta[1];
    d->date = meta[2];
    d->title = meta[3];
    for (size_t i = 0; i < r->nents; i++) {
        if (evg_i_doc_entity_index(d, r->ents[i].id) >= 0)
            fault(r, "entities[%zu].id: duplicate entity id '%.60s'", i, r->ents[i].id);
        if (r->bad[0])
            break;
        EVG_CHECK(evg_i_doc_push_entity(d, &r->ents[i], r->err));
    }
    if (r->bad[0])
        goto cleanup;
    attach_members(r, d, nomem);
    for (size_t i = 0; !r->bad[0] && !*nomem && i < r->nevs; i++) {
        evg_event *ev = &r->evs[i];
        if (ev->place_id) {
            long k = evg_i_doc_entity_index(d, ev->place_id);
            if (k < 0 || d->ents[k].type != EVG_ENT_PLACE)
                fault(r, "events[%zu].place_id: '%.60s' is no place among the entities",
                      i, ev->place_id);
            else
                ev->place_id = d->ents[k].id;
        }
    }
    if (r->bad[0] || *nomem)
        goto cleanup;
    for (size_t i = 0; i < r->nevs; i++)
        EVG_CHECK(evg_i_doc_push_event(d, &r->evs[i], r->err));
    EVG_CHECK(evg_i_doc_settle(d, r->err));
    *out = d;
    d = NULL;
cleanup:
    evg_doc_free(d);
    return rc;
}

/* Forget the rows of the last document. */
static void reader_clear(reader *r)
{
    evg_i_arena_free(&r->tmp);
    r->nents = r->nevs = 0;
    for (int k = 0; k < R_N; k++)
        r->m[k].n = 0;
    r->bad[0] = '\0';
}

/*
 * Read the document the documents statement is on, with its rows in the
 * other tables; the document in `*out`, or NULL when its rows are no valid
 * record (r->bad says why). 0, EVG_EIO or EVG_ENOMEM.
 */
static int read_doc(evg_doc **out, reader *r)
{
    sqlite3_stmt *st = r->st[R_DOC];
    sqlite3_int64 doc = sqlite3_column_int64(st, 0);
    const char *meta[4];
    int nomem = 0, rc = SQLITE_OK;

    *out = NULL;
    reader_clear(r);
    for (int i = 0; i < 4; i++)
        meta[i] = col_str(r, R_DOC, i + 1, &nomem);
    if (meta[0] == NULL || meta[0][0] == '\0')
        fault(r, "doc.id: must not be empty");
    else if (meta[2] && !evg_i_date_valid(meta[2], strlen(meta[2])))
        fault(r, "doc.date: expected a date as YYYY-MM-DD, not '%.40s'", meta[2]);
    if (rc == SQLITE_OK)
        rc = read_entities(r, doc, &nomem);
    if (rc == SQLITE_OK)
        rc = read_events(r, doc, &nomem);
    for (int k = R_PART; rc == SQLITE_OK && k <= R_EVI; k++)
        rc = read_members(r, k, doc, &nomem);
    if (rc != SQLITE_OK)
        return db_error(r->err, r->db, rc, r->name, "cannot read");
    if (nomem)
        return evg_i_error_nomem(r->err);
    if ((rc = make_doc(out, r, meta, &nomem)) < 0)
        return rc;
    return nomem ? evg_i_error_nomem(r->err) : 0;
}

static void reader_free(reader *r)
{
    for (int k = 0; k < R_N; k++) {
        sqlite3_finalize(r->st[k]);
        free(r->m[k].v);
    }
    if (r->db)
        sqlite3_exec(r->db, "COMMIT", NULL, NULL, NULL);
    sqlite3_close(r->db);
    evg_i_arena_free(&r->tmp);
    free(r->ents);
    free(r->evs);
    free(r->ev_seq);
}

int evg_i_store_read(size_t *failed_out, evg_corpus *c, const char *path,
                     const evg_read_opts *opts, evg_error *err)
{
    reader r;
    struct stat st;
    size_t failed = 0, docs = 0;
    int rc = 0, src = SQLITE_OK;

    memset(&r, 0, sizeof r);
    r.name = evg_i_display_name(path);
    r.err = err;
    if (failed_out)
        *failed_out = 0;
    if (stat(path, &st) < 0)
        return evg_i_error_set(err, EVG_EIO, r.name, 0, 0, "cannot open: %s",
                               strerror(errno));
    if (S_ISDIR(st.st_mode))
        return evg_i_error_set(err, EVG_EIO, r.name, 0, 0, "is a directory");
    EVG_CHECK(open_db(&r.db, path, SQLITE_OPEN_READONLY, r.name, err));
    /* One read transaction: the tables are read as of one moment. */
    if ((src = sqlite3_exec(r.db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK) {
        rc = db_error(err, r.db, src, r.name, "cannot read");
        goto cleanup;
    }
    EVG_CHECK(check_schema(NULL, r.db, r.name, err));
    for (int k = 0; src == SQLITE_OK && k < R_N; k++)
        if ((src = sqlite3_prepare_v2(r.db, READ_SQL[k], -1, &r.st[k], NULL)) ==
            SQLITE_OK)
            src = step(&r, k);
    if (src != SQLITE_OK) {
        rc = db_error(err, r.db, src, r.name, "cannot read");
        goto cleanup;
    }
    while (r.has[R_DOC]) {
        evg_doc *d = NULL;
        EVG_CHECK(read_doc(&d, &r));
        if (d == NULL) {
            evg_error e;
            const char *id = (const char *)sqlite3_column_text(r.st[R_DOC], 1);
            memset(&e, 0, sizeof e);
            evg_i_error_set(&e, EVG_EPARSE, r.name, 0, 0, "document '%.60s': %s",
                            id ? id : "", r.bad);
            evg_i_diag(opts ? opts->on_diag : NULL, opts ? opts->diag_payload : NULL,
                       EVG_SEV_ERROR, &e);
            failed++;
        } else {
            EVG_CHECK(evg_corpus_add_doc(c, d, err)); /* takes `d` */
            docs++;
        }
        if ((src = step(&r, R_DOC)) != SQLITE_OK) {
            rc = db_error(err, r.db, src, r.name, "cannot read");
            goto cleanup;
        }
        if (opts && opts->version >= 3 && opts->on_progress && docs % 4096 == 0)
            opts->on_progress(docs, 0, 0, opts->progress_payload);
    }
cleanup:
    reader_free(&r);
    if (failed_out)
        *failed_out = failed;
    return rc;
}
