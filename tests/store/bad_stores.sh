#!/bin/sh
# bad_stores.sh EVGRAPH SOURCE_DIR WORK
# A store that is no store, of another schema version, locked by another
# process, or with a hand-edited bad row: a clear error naming the file, exit
# 1, and a store being written is left as it was when the batch fails.
set -eu
evgraph=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$work"

# expect STATUS PATTERN CMD...: the exit status and a line of stderr.
expect() {
    want=$1 pattern=$2
    shift 2
    status=0
    "$@" >out 2>err || status=$?
    if [ "$status" -ne "$want" ] || ! grep -q -- "$pattern" err; then
        echo "FAILED: $* exited $status (expected $want), stderr:" >&2
        cat err >&2
        exit 1
    fi
}

"$evgraph" extract "$src/examples/articles" -o good.db
"$evgraph" convert good.db -o good.jsonl

echo "not a database, only text" >text.db
expect 1 "text.db: cannot read: not an event store: not an SQLite database" \
    "$evgraph" build -o out.graphml text.db
expect 1 "text.db: cannot write: not an event store" \
    "$evgraph" extract "$src/examples/articles" -o text.db
test "$(cat text.db)" = "not a database, only text"
: >empty.db
expect 1 "empty.db: not an event store: an empty database" "$evgraph" query empty.db stats
# A database cut short: what it holds is unreadable.
head -c 5000 good.db >cut.db
expect 1 "cut.db: " "$evgraph" build -o out.graphml cut.db
mkdir dir.db
expect 1 "dir.db: is a directory" "$evgraph" build -o out.graphml dir.db
expect 1 "dir.db: is a directory" "$evgraph" extract "$src/examples/articles" -o dir.db
expect 1 "missing.db: cannot open: No such file" "$evgraph" report -o r.html missing.db
# An output that is an input is refused, as for any file.
expect 2 "good.db" "$evgraph" convert good.db -o good.db

if ! command -v sqlite3 >/dev/null || ! command -v python3 >/dev/null; then
    echo "no sqlite3 or python3: the rest is skipped"
    exit 77
fi
sqlite3 other.db 'CREATE TABLE t (a); PRAGMA user_version = 1'
expect 1 "other.db: not an event store: an SQLite database of another program" \
    "$evgraph" build -o out.graphml other.db
cp good.db v9.db
sqlite3 v9.db 'PRAGMA user_version = 9'
expect 1 "v9.db: event store of schema version 9; this evgraph reads version 1" \
    "$evgraph" build -o out.graphml v9.db
expect 1 "v9.db: event store of schema version 9" \
    "$evgraph" extract "$src/examples/articles" -o v9.db

# Locked by another process: a writer is refused at once, a reader too while
# the other holds an exclusive lock; the store is unchanged.
cp good.db locked.db
python3 - "$evgraph" "$src/examples/articles" <<'PY'
import sqlite3, subprocess, sys
evgraph, articles = sys.argv[1], sys.argv[2]
db = sqlite3.connect("locked.db", isolation_level=None)
db.execute("BEGIN EXCLUSIVE")
for args in (["extract", articles, "-o", "locked.db"], ["build", "-o", "l.graphml", "locked.db"]):
    p = subprocess.run([evgraph] + args, capture_output=True, text=True)
    assert p.returncode == 1, (args, p.returncode, p.stderr)
    assert "locked.db: " in p.stderr and "locked by another process" in p.stderr, p.stderr
db.execute("ROLLBACK")
db.close()
PY
"$evgraph" convert locked.db | cmp good.jsonl -

# A hand-edited row: that document is reported by id and skipped, the rest read.
cp good.db edited.db
sqlite3 edited.db "UPDATE events SET type = 'picnic' WHERE id = 'kenya_japan_call#1';
    UPDATE participants SET entity = 'person:nobody'
    WHERE doc = (SELECT doc FROM documents WHERE id = 'chile_vietnam_memorandum')
    AND event = 0 AND seq = 0"
expect 1 "edited.db: document 'kenya_japan_call': events\[0\].type: unknown event type 'picnic'" \
    "$evgraph" convert edited.db -o edited.jsonl
grep -q "edited.db: document 'chile_vietnam_memorandum': events\[0\].participants: 'person:nobody' is not among the entities" err
test "$(grep -c . edited.jsonl)" -eq "$(($(grep -c . good.jsonl) - 2))"

# A batch that fails leaves the store as it was: nothing readable, no commit.
cp good.db kept.db
expect 1 "left as it was" "$evgraph" extract "$work/no-such-article.txt" -o kept.db
"$evgraph" convert kept.db | cmp good.jsonl -
echo "bad stores are refused, clearly"
