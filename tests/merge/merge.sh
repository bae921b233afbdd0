#!/bin/sh
# End-to-end checks of the merge through the tool: articles written for these
# tests go through `evgraph extract` then `evgraph build`, and the GraphML is
# read back with xmllint.
#   merge.sh EVGRAPH SOURCE_DIR WORK_DIR
# Exits 77 (skipped) when xmllint is missing (Debian: libxml2-utils).
set -u
evgraph=$1 src=$2 work=$3
command -v xmllint >/dev/null 2>&1 || { echo "xmllint not found: skipped"; exit 77; }
rm -rf "$work" && mkdir -p "$work" || exit 1
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# The value of an XPath expression over a GraphML file (namespaces ignored).
xpath() {
    xmllint --xpath "$2" "$1" 2>/dev/null
}
node() { # the nodes whose data `key` is `value`
    echo "//*[local-name()='node'][*[local-name()='data'][@key='$1']='$2']"
}

"$evgraph" extract "$src/articles" -o "$work/events.jsonl" || fail "extract"
"$evgraph" build "$work/events.jsonl" -o "$work/full.graphml" || fail "build"

# Two outlets' reports of the Tallinn talks are one meeting with two sources;
# the later meeting in Riga and the visit to Helsinki are meetings of their own;
# the September talks, reported pair by pair and as one round table, are one.
n=$(xpath "$work/full.graphml" "count($(node v_type meeting))")
[ "$n" = 4 ] || fail "4 meetings expected, got '$n'"
m="$(node v_type meeting)[*[@key='v_date']='2025-05-12']"
[ "$(xpath "$work/full.graphml" "count($m)")" = 1 ] || fail "one meeting on 2025-05-12"
[ "$(xpath "$work/full.graphml" "string($m/*[@key='v_sources'])")" = 2 ] ||
    fail "the Tallinn talks should have 2 sources"
[ "$(xpath "$work/full.graphml" "string($(node v_type meeting)[*[@key='v_date']='2025-06-19']/*[@key='v_sources'])")" = 1 ] ||
    fail "the Riga meeting should have 1 source"

# The round table: both of one article's pairs are parts of it, and the people met once.
m="$(node v_type meeting)[*[@key='v_date']='2025-09-10']"
[ "$(xpath "$work/full.graphml" "count($m)")" = 1 ] || fail "one meeting on 2025-09-10"
[ "$(xpath "$work/full.graphml" "string($m/*[@key='v_reports'])")" = 3 ] ||
    fail "the round table should have 3 reports"
[ "$(xpath "$work/full.graphml" "string($m/*[@key='v_sources'])")" = 2 ] ||
    fail "the round table should have 2 sources"
"$evgraph" query "$work/full.graphml" who-met "Mart Kivisild" >"$work/met.tsv" || fail "who-met"
grep -q "^Aino Virta	FIN	1	" "$work/met.tsv" || fail "Kivisild met Virta once: $(cat "$work/met.tsv")"

# "Martin Kivisild" is another person by the rules, the same with the aliases.
kivisild="//*[local-name()='node'][*[@key='v_type']='person'][contains(*[@key='v_label'],'Kivisild')]"
[ "$(xpath "$work/full.graphml" "count($kivisild)")" = 2 ] || fail "2 Kivisilds without aliases"
"$evgraph" build "$work/events.jsonl" --alias "$src/aliases.json" -o "$work/alias.graphml" ||
    fail "build --alias"
[ "$(xpath "$work/alias.graphml" "count($kivisild)")" = 1 ] || fail "1 Kivisild with aliases"
[ "$(xpath "$work/alias.graphml" "string($kivisild/*[@key='v_label'])")" = "Mart Kivisild" ] ||
    fail "the canonical name labels the merged person"

# A bad alias file: an error naming the file and line, exit 1, nothing written.
"$evgraph" build "$work/events.jsonl" --alias "$src/bad_aliases.json" -o "$work/bad.graphml" \
    2>"$work/bad.err"
rc=$?
[ $rc = 1 ] || fail "a bad alias file should exit 1, not $rc"
grep -q "^evgraph: .*bad_aliases.json:2: 'Mart Kivisild': expected an array" "$work/bad.err" ||
    fail "the error should name bad_aliases.json:2: $(cat "$work/bad.err")"
[ ! -e "$work/bad.graphml" ] || fail "nothing written after a bad alias file"

# Shards in any order, lines in any order, a shard read twice: the same bytes.
# The pairs of the September talks go to one shard, their round table to the other.
sed -n '1,3p' "$work/events.jsonl" >"$work/shard1.jsonl"
sed -n '4,$p' "$work/events.jsonl" >"$work/shard2.jsonl"
grep -q '"tallinn_pairs"' "$work/shard1.jsonl" && grep -q '"tallinn_round_table"' "$work/shard2.jsonl" ||
    fail "the shards should split the September talks"
sed '1!G;h;$!d' "$work/events.jsonl" >"$work/reversed.jsonl"
for view in full people countries bipartite; do
    "$evgraph" build "$work/events.jsonl" --view $view -o "$work/$view.all.graphml" || fail "$view"
    "$evgraph" build "$work/shard2.jsonl" "$work/shard1.jsonl" --view $view \
        -o "$work/$view.shards.graphml" || fail "$view shards"
    "$evgraph" build "$work/reversed.jsonl" "$work/shard1.jsonl" --view $view \
        -o "$work/$view.again.graphml" || fail "$view again"
    cmp "$work/$view.all.graphml" "$work/$view.shards.graphml" || fail "$view: shards differ"
    cmp "$work/$view.all.graphml" "$work/$view.again.graphml" || fail "$view: order differs"
done
[ "$(xpath "$work/countries.all.graphml" "count(//*[local-name()='edge'])")" = 3 ] ||
    fail "countries: EST-LVA, EST-FIN and LVA-FIN"

[ $fails = 0 ] && echo "merge checks passed"
[ $fails = 0 ]
