#!/bin/sh
# shared_corpus.sh EVGRAPH CORPUS WORK
# On the shared corpus (skipped when absent): its events as JSON Lines and
# as a store give the same graphs, and the last 1,000 articles in path order
# appended to a store of the rest give the graph of one fresh run on all.
set -eu
evgraph=$1 corpus=$2 work=$3
if [ ! -d "$corpus" ]; then
    echo "no shared corpus at $corpus: skipped"
    exit 77
fi
command -v python3 >/dev/null || { echo "no python3: skipped"; exit 77; }
src=$(cd "$(dirname "$0")/../.." && pwd)
rm -rf "$work"
mkdir -p "$work"

# The articles as JSON Lines (each keeps its id in every run), in path order.
find "$corpus" -name '*.txt' | LC_ALL=C sort >"$work/files"
python3 "$src/bench/articles_jsonl.py" 1 "$work/all.articles.jsonl" <"$work/files"
total=$(grep -c . "$work/all.articles.jsonl")
test "$total" -gt 1000
tail -n 1000 "$work/all.articles.jsonl" >"$work/new.articles.jsonl"

# The fresh run on all.
"$evgraph" extract "$work/all.articles.jsonl" -o "$work/all.jsonl"
"$evgraph" convert "$work/all.jsonl" -o "$work/all.db"
for v in full people; do
    "$evgraph" build --view $v -o "$work/fresh-$v.graphml" "$work/all.jsonl"
    "$evgraph" build --view $v -o "$work/db-$v.graphml" "$work/all.db"
    cmp "$work/fresh-$v.graphml" "$work/db-$v.graphml"
done
"$evgraph" query --json "$work/all.jsonl" stats >"$work/fresh.stats"
"$evgraph" query --json "$work/all.db" stats >"$work/db.stats"
cmp "$work/fresh.stats" "$work/db.stats"

# A store of the rest (the events of all but the last 1,000 articles), then
# the last 1,000 extracted into it.
ndocs=$(grep -c . "$work/all.jsonl")
head -n $((ndocs - 1000)) "$work/all.jsonl" >"$work/rest.jsonl"
"$evgraph" convert "$work/rest.jsonl" -o "$work/store.db"
"$evgraph" extract "$work/new.articles.jsonl" -o "$work/store.db"
for v in full people; do
    "$evgraph" build --view $v -o "$work/appended-$v.graphml" "$work/store.db"
    cmp "$work/fresh-$v.graphml" "$work/appended-$v.graphml"
done
echo "the shared corpus: the store gives the graphs of JSON Lines, appended or not"
