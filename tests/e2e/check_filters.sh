#!/bin/sh
# The event filters of build, run and report (--from, --to, --country, --type,
# --status): invented articles of two months and three countries, and two
# invented records (a call, a planned visit). The graphs and the report keep
# only the meetings selected and what they touch; run's events.jsonl keeps
# everything; bad values are usage errors (exit 2) naming the value.
#   sh check_filters.sh path/to/evgraph
set -eu
evgraph=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
mkdir art

cat >art/a_march.txt <<'EOF'
date 2025-03-04 Estonian and Finnish trade ministers meet in Tallinn

Minister of Economic Affairs of Estonia Ivo Tamm received Finland's Minister for Foreign Trade Rui Canto in Tallinn on Tuesday. The ministers discussed port fees and a joint ferry timetable.
EOF
cat >art/b_april.txt <<'EOF'
date 2025-04-08 Latvian and Finnish trade ministers meet in Riga

Minister of Economics of Latvia Lena Kask received Finland's Minister for Foreign Trade Rui Canto in Riga on Tuesday. The two ministers discussed rail freight and energy links.
EOF

fail() {
    echo "check_filters: $*" >&2
    exit 1
}
has() { grep -q "node id=\"$2\"" "$1" || fail "$1 lacks $2"; }
lacks() { ! grep -q "node id=\"$2\"" "$1" || fail "$1 has $2"; }

# run: one month in the graphs and the report, both in the events
"$evgraph" run art -o out --from 2025-03 --to 2025-03-31 >summary.txt
grep -q '"id": *"a_march#1"' out/events.jsonl || fail "events.jsonl lacks March"
grep -q '"id": *"b_april#1"' out/events.jsonl || fail "events.jsonl lacks April"
has out/graph.graphml meeting:a_march-1
has out/graph.graphml person:ivo-tamm
lacks out/graph.graphml meeting:b_april-1
lacks out/graph.graphml person:lena-kask
lacks out/graph.graphml country:LVA
lacks out/graph.graphml place:riga
has out/people.graphml person:rui-canto
lacks out/people.graphml person:lena-kask
grep -q 'Ivo Tamm' out/report.html || fail "report lacks Ivo Tamm"
! grep -q 'Lena Kask' out/report.html || fail "report shows Lena Kask"
grep -q '<data key="g_filter">from 2025-03; to 2025-03-31</data>' out/graph.graphml ||
    fail "graph.graphml does not name its filter"
grep -q 'Only the meetings of the filter <strong>from 2025-03; to 2025-03-31</strong>' \
    out/report.html || fail "the report does not name its filter"
grep -q 'merged into 2 events, of which the filter keeps 1' summary.txt ||
    fail "summary: $(cat summary.txt)"

# build on the events: a country (by name and by code), the other month
"$evgraph" build out/events.jsonl -o lva.graphml --country Latvia
has lva.graphml meeting:b_april-1
has lva.graphml person:lena-kask
lacks lva.graphml meeting:a_march-1
lacks lva.graphml person:ivo-tamm
"$evgraph" build out/events.jsonl -o est.graphml --country est
has est.graphml meeting:a_march-1
lacks est.graphml meeting:b_april-1
"$evgraph" build out/events.jsonl -o april.graphml --from 2025-04
has april.graphml meeting:b_april-1
lacks april.graphml meeting:a_march-1

# a call and a planned visit, written as records: --type and --status
cat out/events.jsonl >all.jsonl
cat >>all.jsonl <<'EOF'
{"doc": {"id": "c_call", "date": "2025-03-21", "title": "t"}, "entities": [{"id": "person:ivo-tamm", "type": "person", "name": "Ivo Tamm", "titles": [], "country": "EST", "org": null}, {"id": "person:mia-saar", "type": "person", "name": "Mia Saar", "titles": [], "country": "LVA", "org": null}], "events": [{"id": "c_call#1", "type": "call", "status": "reported", "date": "2025-03-20", "date_source": "text", "place": null, "participants": [{"entity": "person:ivo-tamm", "role": "participant"}, {"entity": "person:mia-saar", "role": "participant"}], "agreements": [], "evidence": []}]}
{"doc": {"id": "d_plan", "date": "2025-04-16", "title": "t"}, "entities": [{"id": "person:ott-oja", "type": "person", "name": "Ott Oja", "titles": [], "country": "FIN", "org": null}, {"id": "person:lena-kask", "type": "person", "name": "Lena Kask", "titles": [], "country": "LVA", "org": null}], "events": [{"id": "d_plan#1", "type": "visit", "status": "planned", "date": "2025-04-30", "date_source": "text", "place": null, "participants": [{"entity": "person:ott-oja", "role": "guest"}, {"entity": "person:lena-kask", "role": "host"}], "agreements": [], "evidence": []}]}
EOF
"$evgraph" build all.jsonl -o call.graphml --type call
has call.graphml meeting:c_call-1
has call.graphml person:mia-saar
lacks call.graphml meeting:a_march-1
lacks call.graphml meeting:d_plan-1
lacks call.graphml person:rui-canto
"$evgraph" build all.jsonl -o planned.graphml --status planned
has planned.graphml meeting:d_plan-1
has planned.graphml person:ott-oja
lacks planned.graphml meeting:b_april-1
lacks planned.graphml person:ivo-tamm
"$evgraph" report all.jsonl -o april.html --from 2025-04 --status reported
grep -q 'Lena Kask' april.html || fail "report of April lacks Lena Kask"
! grep -q 'Ivo Tamm' april.html || fail "report of April shows Ivo Tamm"

# bad values: exit 2 and a message naming the value, the same for every command
bad() {
    want=$1
    shift
    set +e
    "$@" >/dev/null 2>err.txt
    rc=$?
    set -e
    [ "$rc" -eq 2 ] || fail "$* exited $rc, not 2"
    grep -qF "$want" err.txt || fail "$*: expected '$want', got: $(cat err.txt)"
}
date_msg="'2025-13' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
bad "$date_msg" "$evgraph" build all.jsonl -o x.graphml --from 2025-13
bad "$date_msg" "$evgraph" run art -o out2 --to 2025-13
bad "$date_msg" "$evgraph" report all.jsonl -o x.html --from 2025-13
bad "$date_msg" "$evgraph" query all.jsonl meetings --from 2025-13
bad "unknown country 'Narnia'" "$evgraph" build all.jsonl -o x.graphml --country Narnia
bad "unknown --type 'party' (expected meeting, call, visit or signing)" \
    "$evgraph" report all.jsonl -o x.html --type party
bad "unknown --type 'party' (expected meeting, call, visit or signing)" \
    "$evgraph" query all.jsonl meetings --type party
bad "unknown --status 'maybe' (expected reported, planned or any)" \
    "$evgraph" run art -o out2 --status maybe
[ ! -e out2 ] || fail "a usage error wrote out2"
[ ! -e x.graphml ] || fail "a usage error wrote x.graphml"
echo "check_filters: ok"
