#!/bin/sh
# shards.sh EVGRAPH SOURCE_DIR WORK
# The articles of examples/ and tests/merge/ extracted in one run, then in
# shards under GNU parallel: one job per file, and --pipe over a JSON Lines
# file of the same articles, a few lines per job. The shards, concatenated in
# order (parallel -k), are the single run's events byte for byte, and build
# makes the same graph of them whatever the order of the shards.
set -eu
evgraph=$1 src=$2 work=$3

if ! parallel --version 2>/dev/null | grep -q 'GNU parallel'; then
    echo "GNU parallel is not installed: skipped"
    exit 77
fi
rm -rf "$work"
mkdir -p "$work/shards"
cd "$src" # the documents' paths are relative to it, the same in every run
dirs="examples/articles tests/merge/articles"

# The single run.
"$evgraph" extract $dirs >"$work/single.jsonl"
"$evgraph" build -o "$work/single.graphml" "$work/single.jsonl"
test "$(grep -c . "$work/single.jsonl")" -ge 8

# One job per file, in the order extract reads a folder (byte order of paths).
find $dirs -name '*.txt' | LC_ALL=C sort >"$work/files"
parallel --will-cite -j 2 -k "$evgraph" extract {} <"$work/files" >"$work/files.jsonl"
cmp "$work/single.jsonl" "$work/files.jsonl"
# Each job to its own file, merged by build in reverse: the order does not matter.
parallel --will-cite -j 2 "$evgraph" extract -o "$work/shards/{#}.jsonl" {} <"$work/files"
"$evgraph" build -o "$work/files.graphml" $(ls -r "$work"/shards/*.jsonl)
cmp "$work/single.graphml" "$work/files.graphml"

# --pipe: JSON Lines of articles on standard input, three lines per job.
command -v python3 >/dev/null || { echo "no python3: --pipe part skipped"; exit 77; }
python3 "$src/bench/articles_jsonl.py" 1 "$work/articles.jsonl" <"$work/files"
"$evgraph" extract - <"$work/articles.jsonl" >"$work/jsonl-single.jsonl"
"$evgraph" build -o "$work/jsonl-single.graphml" "$work/jsonl-single.jsonl"
parallel --will-cite --pipe -N 3 -j 2 -k "$evgraph" extract - \
    <"$work/articles.jsonl" >"$work/piped.jsonl"
cmp "$work/jsonl-single.jsonl" "$work/piped.jsonl"
"$evgraph" build -o "$work/piped.graphml" "$work/piped.jsonl"
cmp "$work/jsonl-single.graphml" "$work/piped.graphml"
echo "sharded runs equal the single run"
