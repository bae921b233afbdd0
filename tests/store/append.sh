#!/bin/sh
# append.sh EVGRAPH SOURCE_DIR WORK
# Articles added to an event store in two batches, and built: the graph of
# one fresh run on all of them. Extracting an article again replaces its
# rows. `run --store` likewise.
set -eu
evgraph=$1 src=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
cd "$src" # the documents' paths are relative to it, the same in every run

# The articles as files given one by one (ids: their file names), in path order;
# the last three are "the new day".
find examples/articles tests/merge/articles tests/e2e/cases/run-small/articles \
    -name '*.txt' | LC_ALL=C sort >"$work/all"
total=$(wc -l <"$work/all")
test "$total" -ge 8
head -n $((total - 3)) "$work/all" >"$work/old"
tail -n 3 "$work/all" >"$work/new"

# A fresh run on all, as JSON Lines.
"$evgraph" extract $(cat "$work/all") -o "$work/all.jsonl"
"$evgraph" build -o "$work/fresh.graphml" "$work/all.jsonl"
"$evgraph" build --view people -o "$work/fresh-people.graphml" "$work/all.jsonl"

# The store of the old articles, then the new ones appended.
"$evgraph" extract $(cat "$work/old") -o "$work/store.db"
"$evgraph" extract $(cat "$work/new") -o "$work/store.db"
"$evgraph" build -o "$work/appended.graphml" "$work/store.db"
"$evgraph" build --view people -o "$work/appended-people.graphml" "$work/store.db"
cmp "$work/fresh.graphml" "$work/appended.graphml"
cmp "$work/fresh-people.graphml" "$work/appended-people.graphml"
# The store holds the records of the fresh run (in the order they were added).
"$evgraph" convert "$work/store.db" -o "$work/store.jsonl"
cmp "$work/all.jsonl" "$work/store.jsonl"

# An article extracted again replaces its rows: nothing counts twice.
"$evgraph" extract $(head -n 2 "$work/old") -o "$work/store.db"
"$evgraph" build -o "$work/again.graphml" "$work/store.db"
cmp "$work/fresh.graphml" "$work/again.graphml"
"$evgraph" convert "$work/store.db" | grep -c . >"$work/count"
test "$(cat "$work/count")" -eq "$total"
if command -v sqlite3 >/dev/null; then
    test "$(sqlite3 "$work/store.db" 'SELECT count(*) FROM documents')" -eq "$total"
    # The example of docs/events.md, the meetings of a person in a month, on a
    # person and month of these articles.
    awk '/^The meetings of a person in a month/ {on = 1} on && /^```$/ {exit}
         on == 2 {print} on && /^```sql$/ {on = 2}' docs/events.md |
        sed -e 's/person:kadri-lepik/person:nguyen-van-thanh/' \
            -e 's/2024-06-01/2024-09-01/; s/2024-06-30/2024-09-30/' >"$work/month.sql"
    test "$(grep -c . "$work/month.sql")" -ge 8
    sqlite3 -readonly "$work/store.db" <"$work/month.sql" >"$work/month.out"
    test "$(grep -c '^2024-09-18|' "$work/month.out")" -eq 2
    grep -q '^2024-09-18|signing|Ministry of Agriculture|' "$work/month.out"
    # No rows of a replaced document are left behind.
    test "$(sqlite3 "$work/store.db" 'SELECT count(*) FROM entities
        WHERE doc NOT IN (SELECT doc FROM documents)')" -eq 0
fi

# run --store: two runs into one store give the graphs and report of one run on all.
"$evgraph" run $(cat "$work/old") -o "$work/run-old" --store "$work/run.db" >/dev/null
"$evgraph" run $(cat "$work/new") -o "$work/run-new" --store "$work/run.db" \
    >"$work/run-new.out"
"$evgraph" run $(cat "$work/all") -o "$work/run-all" >"$work/run-all.out"
for f in graph.graphml people.graphml report.html; do
    cmp "$work/run-all/$f" "$work/run-new/$f"
done
cmp "$work/run-all.out" "$work/run-new.out"
test ! -e "$work/run-new/events.jsonl"
echo "appending to a store equals a fresh run"
