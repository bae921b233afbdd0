#!/usr/bin/env python3
"""The people graph as a user would script it instead of `evgraph build`.

    people_graph.py EVENTS.jsonl

Reads the JSON Lines of `evgraph extract` with the standard library's json
and builds, in python-igraph, the people graph without any merging: one
vertex per person id, an edge between two people who took part in the same
reported in-person event (meeting, visit, signing), weighted by the number
of such event records. Then degree, strength, eigenvector centrality and
PageRank, as `evgraph build --view people --measures
degree,strength,eigenvector,pagerank` computes them. Prints the counts and
the top person by PageRank. bench/run sets its CPU time and peak memory
beside evgraph's (not the same graph: evgraph merges reports and names).
"""
import json
import sys

import igraph

IN_PERSON = {"meeting", "visit", "signing"}


def main():
    index, weights = {}, {}
    with open(sys.argv[1], encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line)
            for e in record.get("entities") or []:
                if e.get("type") == "person":
                    index.setdefault(e["id"], len(index))
            for ev in record.get("events") or []:
                if ev.get("type") not in IN_PERSON or ev.get("status") != "reported":
                    continue
                people = sorted({index.setdefault(p["entity"], len(index))
                                 for p in ev.get("participants") or []})
                for i, a in enumerate(people):
                    for b in people[i + 1:]:
                        weights[a, b] = weights.get((a, b), 0) + 1
    g = igraph.Graph(n=len(index), edges=list(weights), directed=False)
    g.es["weight"] = list(weights.values())
    degree = g.degree()
    strength = g.strength(weights="weight")
    eigenvector = g.eigenvector_centrality(weights="weight")
    pagerank = g.pagerank(weights="weight")
    names = list(index)
    top = max(range(len(names)), key=pagerank.__getitem__) if names else None
    print("vertices", g.vcount())
    print("edges", g.ecount())
    print("max_degree", max(degree, default=0), "max_strength", max(strength, default=0))
    print("max_eigenvector", max(eigenvector, default=0))
    print("top_pagerank", names[top] if top is not None else "-")


if __name__ == "__main__":
    main()
