#!/usr/bin/env python3
"""NetworkX side of the side-by-side in bench/run.

    nx_bench.py GRAPH.graphml

Loads a GraphML that evgraph wrote, then computes PageRank (damping 0.85,
weighted) and betweenness (exact, over path lengths 1/weight): the same work
as `graph_bench graphml`. Prints one "step seconds" line per step, in CPU
seconds of this process (user + system), as graph_bench does.
"""
import sys
import time

import networkx as nx


def step(name, start):
    print(f"{name:<12} {time.process_time() - start:.3f}", flush=True)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: nx_bench.py GRAPH.graphml")
    total = t = time.process_time()
    g = nx.read_graphml(sys.argv[1])
    step("load", t)
    print(f"vertices     {g.number_of_nodes()}\nedges        {g.number_of_edges()}")
    # evgraph's path length is 1/weight: a stronger tie is a shorter path.
    for _, _, d in g.edges(data=True):
        d["length"] = 1.0 / d["weight"]
    t = time.process_time()
    nx.pagerank(g, alpha=0.85, weight="weight")
    step("pagerank", t)
    t = time.process_time()
    nx.betweenness_centrality(g, weight="length", normalized=False)
    step("betweenness", t)
    step("total", total)


if __name__ == "__main__":
    main()
