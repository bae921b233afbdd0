#!/bin/sh
# same_as_jsonl.sh EVGRAPH SOURCE_DIR WORK [GEN_EVENTS]
# Events as JSON Lines and the same events in an event store give the same
# bytes: every view of build in GraphML and JSON, the reports, query answers;
# and the store converted back gives the JSON Lines.
set -eu
evgraph=$1 src=$2 work=$3 gen=${4:-}
rm -rf "$work"
mkdir -p "$work"
cd "$src"

# Invented events: the repository's articles extracted, the fixtures, and
# (when the tool is built) generated ones of an invented world.
"$evgraph" extract examples/articles tests/merge/articles >"$work/articles.jsonl"
sets="articles tricky events cast venues"
cp tests/consumers/tricky.jsonl "$work/tricky.jsonl"
cp tests/consumers/events.jsonl "$work/events.jsonl"
cp tests/query/fixtures/cast.jsonl "$work/cast.jsonl"
cp tests/query/fixtures/venues.jsonl "$work/venues.jsonl"
if [ -n "$gen" ]; then
    "$gen" -n 500 -s 7 -o "$work/gen.jsonl"
    sets="$sets gen"
fi

for s in $sets; do
    j=$work/$s.jsonl d=$work/$s.db
    "$evgraph" convert "$j" -o "$d"
    # The JSON Lines as written, and the store back as JSON Lines: the same.
    "$evgraph" convert "$j" -o "$work/$s.norm.jsonl"
    "$evgraph" convert "$d" -o "$work/$s.back.jsonl"
    cmp "$work/$s.norm.jsonl" "$work/$s.back.jsonl"
    for v in full people countries bipartite; do
        for f in graphml json; do
            "$evgraph" build --view $v -f $f -o "$work/$s.j.$v.$f" "$j"
            "$evgraph" build --view $v -f $f -o "$work/$s.d.$v.$f" "$d"
            cmp "$work/$s.j.$v.$f" "$work/$s.d.$v.$f"
        done
    done
    # Reports, with their pictures, in two folders under the same names.
    mkdir -p "$work/j-$s" "$work/d-$s"
    for f in md html; do
        "$evgraph" report -o "$work/j-$s/report.$f" "$j"
        "$evgraph" report -o "$work/d-$s/report.$f" "$d"
    done
    for f in "$work/j-$s"/*; do
        cmp "$f" "$work/d-$s/${f##*/}"
    done
    for q in meetings stats top agreements; do
        "$evgraph" query --json "$j" $q >"$work/$s.j.$q"
        "$evgraph" query --json "$d" $q >"$work/$s.d.$q"
        cmp "$work/$s.j.$q" "$work/$s.d.$q"
    done
    echo "$s: the store gives the same outputs"
done

# Several sources, JSON Lines and a store mixed, as several JSON Lines files.
"$evgraph" build -o "$work/mixed.j.graphml" "$work/articles.jsonl" "$work/cast.jsonl"
"$evgraph" build -o "$work/mixed.d.graphml" "$work/articles.db" "$work/cast.jsonl"
cmp "$work/mixed.j.graphml" "$work/mixed.d.graphml"
echo "a store among JSON Lines sources: the same graph"
