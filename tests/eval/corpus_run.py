"""What the corpus checks share: run evgraph on the shared corpus, read its graph's nodes."""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


def run_corpus(shared, evgraph, work):
    """`evgraph run -j2 SHARED/corpus -o WORK`: None when written, else the exit status
    the check should end with (77: skipped, the corpus is absent; 1: the run failed)."""
    corpus = os.path.join(shared, "corpus")
    if not os.path.isdir(corpus):
        print(f"skipped: {corpus} not found (the shared corpus is absent)")
        return 77
    res = subprocess.run([evgraph, "run", "-j2", corpus, "-o", work],
                         capture_output=True, text=True)
    if res.returncode not in (0, 1):  # 1: some inputs had errors, the rest was written
        print(res.stderr[-2000:], file=sys.stderr)
        return 1
    return None


def graph_nodes(work, node_type):
    """The attributes (name -> text) of the nodes of `node_type` in WORK/graph.graphml."""
    root = ET.parse(os.path.join(work, "graph.graphml")).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(GRAPHML + "key")}
    nodes = []
    for node in root.iter(GRAPHML + "node"):
        data = {keys[d.get("key")]: d.text or "" for d in node.iter(GRAPHML + "data")}
        if data.get("type") == node_type:
            nodes.append(data)
    return nodes
