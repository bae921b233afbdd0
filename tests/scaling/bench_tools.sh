#!/bin/sh
# bench_tools.sh GEN_EVENTS GRAPH_BENCH EVGRAPH WORK
# The tools of bench/run on a small size: the generator is deterministic and
# writes records that build accepts without a complaint, and graph_bench
# times every step of them and of the GraphML that build writes.
set -eu
gen=$1 gbench=$2 evgraph=$3 work=$4

rm -rf "$work"
mkdir -p "$work"
"$gen" -n 400 -s 7 -o "$work/a.jsonl"
"$gen" -n 400 -s 7 -o "$work/b.jsonl"
cmp "$work/a.jsonl" "$work/b.jsonl"
"$gen" -n 400 -s 8 -o "$work/c.jsonl"
! cmp -s "$work/a.jsonl" "$work/c.jsonl"
# 400 events, in at most as many articles.
test "$(grep -o '"participants"' "$work/a.jsonl" | wc -l)" -eq 400
test "$(wc -l <"$work/a.jsonl")" -le 400

# Every record is valid: build says nothing on stderr and exits 0.
"$evgraph" build -o "$work/g.graphml" "$work/a.jsonl" 2>"$work/build.err"
test ! -s "$work/build.err"

"$gbench" events "$work/a.jsonl" --view people --cutoff 2 --jobs 2 >"$work/events.out"
for step in read read_wall build vertices edges communities degree strength betweenness closeness \
    eigenvector pagerank measures peak_rss_kb; do
    grep -q "^$step " "$work/events.out" || { echo "no '$step' line:"; cat "$work/events.out"; exit 1; }
done
# Reports of one meeting merge: fewer people than mentions, and some edges.
test "$(awk '$1 == "edges" {print $2}' "$work/events.out")" -gt 0

"$gbench" read "$work/a.jsonl" --jobs 3 >"$work/read.out"
test "$(awk '{print $1}' "$work/read.out" | tr '\n' ' ')" = "read read_wall peak_rss_kb "

"$gbench" graphml "$work/g.graphml" >"$work/graphml.out"
for step in load pagerank betweenness total; do
    grep -q "^$step " "$work/graphml.out" || { echo "no '$step' line:"; cat "$work/graphml.out"; exit 1; }
done
echo "bench tools run"
