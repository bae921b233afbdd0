#!/usr/bin/env python3
"""Check the people of the shared corpus graph as an analyst would look them up.

usage: check_corpus_people.py SHARED_DIR SOURCE_DIR EVGRAPH WORK

Runs `evgraph run -j2 SHARED_DIR/corpus -o WORK` and fails unless
- "Reagan" and "President Reagan" of 1987 are one node, Ronald Reagan of the USA, and
  Nancy Reagan is not merged with him (no node of hers has his title);
- King Hassan (Morocco, 1987) and Margaret Hassan (2004) are two nodes;
- no person is labelled with a name the lexicon gives a country or a body
  (SOURCE_DIR/data/lexicon), whatever its case;
- person labels that differ only by country are fewer than 1% of the people, and
  `evgraph query G stats` reports their number (labels compared as written).
Prints the figures. Exits 77 (skipped) when the corpus is absent.
"""
import collections
import json
import os
import subprocess
import sys

from corpus_run import graph_nodes, run_corpus



def lexicon_names(source):
    """Folded names and aliases of the lexicon's countries and bodies."""
    names = set()
    with open(os.path.join(source, "data", "lexicon", "countries.json"), encoding="utf-8") as fh:
        for c in json.load(fh)["countries"]:
            names.update(n.casefold() for n in [c.get("name")] + c.get("aliases", []) if n)
    with open(os.path.join(source, "data", "lexicon", "organizations.json"),
              encoding="utf-8") as fh:
        for o in json.load(fh)["organizations"]:
            names.update(n.casefold() for n in [o["name"]] + o.get("aliases", []))
    return names


def main(argv):
    shared, source, evgraph, work = argv[1:5]
    status = run_corpus(shared, evgraph, work)
    if status is not None:
        return status
    people = [(d.get("label", ""), d.get("country", "")) for d in graph_nodes(work, "person")]
    problems = []
    labels = collections.Counter(label for label, _ in people)
    reagans = [(l, c) for l, c in people if l in ("Reagan", "President Reagan", "Ronald Reagan")]
    if reagans != [("Ronald Reagan", "USA")]:
        problems.append(f"Reagan is not one node, Ronald Reagan of the USA: {reagans}")
    # Nancy Reagan stays herself: never a node carrying the President's title (the
    # corpus names her beside him, in no meeting of her own, so she need not be a node)
    nancy = [d for d in graph_nodes(work, "person") if d.get("label") == "Nancy Reagan"]
    if len(nancy) > 1 or any("President" in d.get("titles", "") for d in nancy):
        problems.append(f"Nancy Reagan is merged with the President: {nancy}")
    hassans = [(l, c) for l, c in people if l in ("Hassan", "King Hassan", "Margaret Hassan")]
    if not any(l == "Margaret Hassan" for l, _ in hassans):
        problems.append(f"no Margaret Hassan: {hassans}")
    if not any(c == "MAR" for l, c in hassans):
        problems.append(f"King Hassan of Morocco is merged into another: {hassans}")
    names = lexicon_names(source)
    bodies = sorted({l for l, _ in people if l.casefold() in names})
    if bodies:
        problems.append(f"people labelled with a country's or a body's name: {bodies[:10]}")
    by_label = collections.defaultdict(set)
    for label, country in people:
        by_label[label.casefold()].add(country)
    split = sorted(l for l, cs in by_label.items() if len(cs) > 1)
    share = len(split) / len(people) if people else 0.0
    stats = subprocess.run([evgraph, "query", os.path.join(work, "graph.graphml"), "stats",
                            "--json"], capture_output=True, text=True)
    said = json.loads(stats.stdout)["stats"]["people_labels_split_by_country"]
    by_exact = collections.defaultdict(set)
    for label, country in people:
        by_exact[label].add(country)
    exact = sum(1 for cs in by_exact.values() if len(cs) > 1)
    if said != exact:
        problems.append(f"query stats says {said} labels split by country, the graph has {exact}")
    if share >= 0.01:
        problems.append(f"{len(split)} labels differ only by country ({share:.1%} of people)")
    print(f"{len(people)} people; Reagan: {reagans}; Hassan: {hassans}; labelled as a country "
          f"or body: {len(bodies)}; labels that differ only by country: {len(split)} "
          f"({share:.2%}) {split[:5]}")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
