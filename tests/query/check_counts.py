#!/usr/bin/env python3
"""One count of each kind of event, whoever says it.

usage: check_counts.py EVGRAPH SOURCE_DIR WORK [CORPUS_DIR]

Runs `evgraph run` on SOURCE_DIR/examples/articles (and on CORPUS_DIR when it is
given and exists), then reads the events, meetings, calls and planned events from
the three places an analyst sees them: the run summary on standard output, the
report's summary ("Events: N: M meetings in person (...), C calls, P planned") and
`evgraph query GRAPH stats --json`. Fails unless all three agree, and unless
events = meetings + calls + planned and meetings = talks + visits + signings.
"""
import html
import json
import os
import re
import subprocess
import sys


def counts_of_run(evgraph, inputs, out):
    res = subprocess.run([evgraph, "run", "-j2", inputs, "-o", out], capture_output=True,
                         text=True)
    if res.returncode not in (0, 1):
        sys.exit(f"evgraph run {inputs} failed ({res.returncode}): {res.stderr[-2000:]}")
    summary = res.stdout
    m = re.search(r"^events +(\d+) \(meetings (\d+), calls (\d+), planned (\d+)\)$", summary,
                  re.M)
    t = re.search(r"^meetings +(\d+) in person, reported \(talks (\d+), visits (\d+), "
                  r"signings (\d+)\)$", summary, re.M)
    if not m or not t:
        sys.exit(f"the run summary gives no event counts:\n{summary}")
    said = {"run": dict(zip(("events", "meetings", "calls", "planned"), map(int, m.groups())))}
    said["run"].update(dict(zip(("talks", "visits", "signings"), map(int, t.groups()[1:]))))

    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        text = html.unescape(re.sub(r"<[^>]+>", " ", f.read()))
    # "Events 12: 8 meetings in person (6 talks, 1 visit, 1 signing), 2 calls, 2 planned";
    # a kind of none is left out
    r = re.search(r"Events +(\d+): (\d+) meetings? in person([^\n]*?)(?=\s{2,}|Dates)", text)
    if not r:
        sys.exit("the report's summary gives no event counts")
    rest = r.group(3)

    def part(word):
        m = re.search(r"(\d+) " + word, rest)
        return int(m.group(1)) if m else 0
    said["report"] = {"events": int(r.group(1)), "meetings": int(r.group(2)),
                      "talks": part("talks"), "visits": part("visits?"),
                      "signings": part("signings?"), "calls": part("calls?"),
                      "planned": part("planned")}

    res = subprocess.run([evgraph, "query", os.path.join(out, "graph.graphml"), "stats",
                          "--json"], capture_output=True, text=True, check=True)
    st = json.loads(res.stdout)["stats"]
    said["query"] = {k: st[k] for k in said["report"]}
    return said


def main(argv):
    evgraph, source, work = argv[1:4]
    sets = [os.path.join(source, "examples", "articles")]
    if len(argv) > 4 and os.path.isdir(argv[4]):
        sets.append(argv[4])
    problems = []
    for i, inputs in enumerate(sets):
        said = counts_of_run(evgraph, inputs, os.path.join(work, f"run{i}"))
        first = said["run"]
        print(f"{inputs}: {first}")
        for who, c in said.items():
            for k, v in first.items():
                if c.get(k) != v:
                    problems.append(f"{inputs}: {k}: the run summary says {v}, {who} {c.get(k)}")
        if first["events"] != first["meetings"] + first["calls"] + first["planned"]:
            problems.append(f"{inputs}: events are not meetings + calls + planned: {first}")
        if first["meetings"] != first["talks"] + first["visits"] + first["signings"]:
            problems.append(f"{inputs}: meetings are not talks + visits + signings: {first}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
