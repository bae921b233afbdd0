#!/usr/bin/python3
"""Usage: formats_check.py json|csv|agree FILE-OR-DIR...

Checks of the JSON and CSV exports, and of the agreement of all formats:

  json  FILE.json...    NetworkX's node_link_graph() loads each file as it is
                        (no options), with every node, link and attribute; the
                        shape is the node-link one (directed, multigraph, graph,
                        nodes with id, links with id/source/target).
  csv   FILE.nodes.csv...  each nodes table and its edges table beside it read
                        as RFC 4180 by Python's csv module, with the columns
                        Gephi's spreadsheet import gives a meaning to, links to
                        declared nodes, Timeset intervals in Gephi's notation,
                        no cell a spreadsheet would run as a formula, CRLF
                        records.
  agree DIR...          every graph written in every format (NAME.graphml,
                        NAME.gexf, NAME-1.2.gexf, NAME.json, NAME.nodes.csv,
                        NAME.edges.csv) has the same nodes, edges, columns and
                        values in each, and GEXF/CSV intervals match the dates.

Prints one line per file and "N passed, N failed"; exit 1 on any failure.
"""
import csv
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"
GEXF = {"1.3": ("{http://gexf.net/1.3}", "{http://gexf.net/1.3/viz}"),
        "1.2": ("{http://www.gexf.net/1.2draft}", "{http://www.gexf.net/1.2draft/viz}")}
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
INTERVAL = r"\[([0-9]{4}-[0-9]{2}-[0-9]{2}), ([0-9]{4}-[0-9]{2}-[0-9]{2})\]"
# one interval, or an interval set (the days of the meetings, as GEXF spells)
TIMESET = re.compile(r"^<%s(?:; %s)*>$" % (INTERVAL, INTERVAL.replace("(", "(?:")))
FORMULA = tuple("=+-@\t\r")
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
NODE_SPECIAL = ["Id", "Label"]
EDGE_SPECIAL = ["Source", "Target", "Type", "Id", "Label", "Weight"]
START_END = {"node": ("first_seen", "last_seen"), "edge": ("first_date", "last_date")}


class Graph:
    """One export read back: typed values per node and edge, the declared columns."""

    def __init__(self):
        self.nodes, self.edges = {}, {}  # id -> {column: value}; edges also source/target
        self.node_cols, self.edge_cols = [], []
        self.intervals = {"node": {}, "edge": {}}  # id -> (start, end) where written


def cast(kind, text):
    if kind in ("int", "integer", "long"):
        return int(text)
    if kind in ("float", "double"):
        return float(text)
    return text


# ---- readers ---------------------------------------------------------------


def read_graphml(path):
    g, root = Graph(), ET.parse(path).getroot()
    keys = {}
    for k in root.findall(GRAPHML + "key"):
        keys[k.get("id")] = (k.get("attr.name"), k.get("attr.type"))
        if k.get("for") in ("node", "edge"):
            (g.node_cols if k.get("for") == "node" else g.edge_cols).append(k.get("attr.name"))
    graph = root.find(GRAPHML + "graph")
    for kind, tag, table in (("node", "node", g.nodes), ("edge", "edge", g.edges)):
        for el in graph.findall(GRAPHML + tag):
            vals = {}
            if kind == "edge":
                vals["source"], vals["target"] = el.get("source"), el.get("target")
            for d in el.findall(GRAPHML + "data"):
                name, typ = keys[d.get("key")]
                vals[name] = cast(typ, d.text or "")
            table[el.get("id")] = vals
    return g


def gexf_values(el, ns, decl):
    vals = {}
    attvalues = el.find(ns + "attvalues")
    for a in attvalues.findall(ns + "attvalue") if attvalues is not None else []:
        vals[a.get("for")] = cast(decl[a.get("for")], a.get("value"))
    if el.get("label") is not None:
        vals["label"] = el.get("label")
    return vals


def gexf_interval(el, ns):
    """(start, end) of an element: its start=/end=, or the span of its spells."""
    spells = el.find(ns + "spells")
    if spells is not None:
        days = [(sp.get("start"), sp.get("end")) for sp in spells.findall(ns + "spell")]
        return (min(d[0] for d in days), max(d[1] for d in days))
    if el.get("start") or el.get("end"):
        return (el.get("start"), el.get("end"))
    return None


def read_gexf(path, version):
    ns, viz = GEXF[version]
    g, graph = Graph(), ET.parse(path).getroot().find(ns + "graph")
    decl = {"node": {}, "edge": {}}
    for attrs in graph.findall(ns + "attributes"):
        for a in attrs.findall(ns + "attribute"):
            decl[attrs.get("class")][a.get("id")] = a.get("type")
            (g.node_cols if attrs.get("class") == "node" else g.edge_cols).append(a.get("id"))
    # The roles, which GEXF writes in places of its own (label=, viz:*, weight=).
    g.node_cols += ["label", "color", "size", "x", "y"]
    g.edge_cols += ["label", "weight"]
    for el in graph.find(ns + "nodes").findall(ns + "node"):
        vals = gexf_values(el, ns, decl["node"])
        color, size, pos = el.find(viz + "color"), el.find(viz + "size"), el.find(viz + "position")
        if color is not None:
            vals["color"] = "#%02x%02x%02x" % tuple(int(color.get(c)) for c in "rgb")
        if size is not None:
            vals["size"] = float(size.get("value"))
        if pos is not None:
            vals["x"], vals["y"] = float(pos.get("x")), float(pos.get("y"))
        g.nodes[el.get("id")] = vals
        if gexf_interval(el, ns):
            g.intervals["node"][el.get("id")] = gexf_interval(el, ns)
    for el in graph.find(ns + "edges").findall(ns + "edge"):
        vals = gexf_values(el, ns, decl["edge"])
        vals["source"], vals["target"] = el.get("source"), el.get("target")
        if el.get("weight") is not None:
            vals["weight"] = float(el.get("weight"))
        if version == "1.3" and el.get("kind") != vals.get("relation"):
            raise ValueError("edge %s: kind %r is not its relation %r"
                             % (el.get("id"), el.get("kind"), vals.get("relation")))
        g.edges[el.get("id")] = vals
        if gexf_interval(el, ns):
            g.intervals["edge"][el.get("id")] = gexf_interval(el, ns)
    return g


def read_json(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    g = Graph()
    for n in data["nodes"]:
        g.nodes[n["id"]] = {k: v for k, v in n.items() if k != "id"}
    for e in data["links"]:
        g.edges[e["id"]] = {k: v for k, v in e.items() if k != "id"}
    g.node_cols = sorted({k for v in g.nodes.values() for k in v})
    g.edge_cols = sorted({k for v in g.edges.values() for k in v} - {"source", "target"})
    return g


def read_csv_table(path, problems):
    with open(path, "rb") as fh:
        raw = fh.read()
    if raw and not raw.endswith(b"\r\n"):
        problems.append("%s: does not end with CRLF" % path)
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh, strict=True))
    if not rows:
        problems.append("%s: no header" % path)
        return [], []
    header, body = rows[0], rows[1:]
    for i, r in enumerate(body):
        if len(r) != len(header):
            problems.append("%s: record %d has %d fields, header %d" % (path, i + 2, len(r), len(header)))
        for cell in r:
            if cell.startswith(FORMULA):
                problems.append("%s: record %d: cell %r would run as a formula" % (path, i + 2, cell[:30]))
            if CONTROL.search(cell):
                problems.append("%s: record %d: control character in %r" % (path, i + 2, cell[:30]))
    return header, body


def uncsv(text):
    """A CSV text cell as the other formats hold it: the formula guard removed."""
    return text[1:] if text.startswith("'") and text[1:2] in FORMULA and text[1:2] else text


def read_csv(nodes_path, types, problems):
    """Both tables; `types` maps column names to GraphML types for casting."""
    g = Graph()
    edges_path = nodes_path[: -len(".nodes.csv")] + ".edges.csv"
    for kind, path in (("node", nodes_path), ("edge", edges_path)):
        header, body = read_csv_table(path, problems)
        special = NODE_SPECIAL if kind == "node" else EDGE_SPECIAL
        if header[: len(special)] != special:
            problems.append("%s: header starts %r, Gephi expects %r" % (path, header[: len(special)], special))
        cols = [{"Label": "label", "Weight": "weight"}.get(h, h) for h in header
                if h not in ("Id", "Source", "Target", "Type", "Kind", "Timeset")]
        (g.node_cols if kind == "node" else g.edge_cols).extend(cols)
        for r in body:
            row = dict(zip(header, r))
            vals = {}
            for h, cell in row.items():
                if cell == "" or h in ("Id", "Type", "Kind", "Timeset"):
                    continue
                name = {"Label": "label", "Weight": "weight", "Source": "source",
                        "Target": "target"}.get(h, h)
                typ = types.get((kind, name), "string")
                vals[name] = cast(typ, cell) if typ != "string" else uncsv(cell)
            eid = uncsv(row.get("Id", ""))
            (g.nodes if kind == "node" else g.edges)[eid] = vals
            if kind == "edge":
                if row.get("Type") not in ("Undirected", "Directed"):
                    problems.append("%s: Type %r" % (path, row.get("Type")))
                if row.get("Kind") != row.get("relation"):
                    problems.append("%s: edge %s: Kind %r is not its relation" % (path, eid, row.get("Kind")))
            if row.get("Timeset"):
                m = TIMESET.match(row["Timeset"])
                if not m:
                    problems.append("%s: %s: Timeset %r is not <[date, date]; ...>" % (path, eid, row["Timeset"]))
                else:
                    days = re.findall(INTERVAL, row["Timeset"])
                    if days != sorted(set(days)):
                        problems.append("%s: %s: Timeset %r not in order" % (path, eid, row["Timeset"]))
                    g.intervals[kind][eid] = (min(d[0] for d in days), max(d[1] for d in days))
    return g


# ---- checks ----------------------------------------------------------------


def check_json(path):
    import networkx as nx

    problems = []
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    for k in ("directed", "multigraph", "graph", "nodes", "links"):
        if k not in data:
            problems.append("no %r member" % k)
    if problems:
        return problems
    G = nx.node_link_graph(data)
    if G.number_of_nodes() != len(data["nodes"]) or G.number_of_edges() != len(data["links"]):
        problems.append("NetworkX read %d nodes, %d edges of %d, %d" % (
            G.number_of_nodes(), G.number_of_edges(), len(data["nodes"]), len(data["links"])))
    ids = {n["id"] for n in data["nodes"]}
    if len(ids) != len(data["nodes"]):
        problems.append("node ids repeat")
    pairs = set()
    for e in data["links"]:
        if e["source"] not in ids or e["target"] not in ids:
            problems.append("link %s: an end is not a node" % e.get("id"))
        pairs.add(tuple(sorted((e["source"], e["target"]))))
    if not data["multigraph"] and len(pairs) != len(data["links"]):
        problems.append("parallel links but multigraph is false (NetworkX would drop some)")
    for n in data["nodes"]:
        got = G.nodes[n["id"]]
        for k, v in n.items():
            if k != "id" and got.get(k) != v:
                problems.append("node %s: NetworkX has %s=%r, file %r" % (n["id"], k, got.get(k), v))
    if G.graph != data["graph"]:
        problems.append("graph attributes %r" % G.graph)
    return problems


def check_csv(path):
    problems = []
    if not path.endswith(".nodes.csv"):
        return ["not a .nodes.csv file"]
    g = read_csv(path, {}, problems)
    for eid, e in g.edges.items():
        if uncsv(e.get("source", "")) not in g.nodes or uncsv(e.get("target", "")) not in g.nodes:
            problems.append("edge %s: Source or Target is not a node Id" % eid)
    for kind in ("node", "edge"):
        for eid, (start, end) in g.intervals[kind].items():
            if start > end:
                problems.append("%s %s: Timeset ends before it starts" % (kind, eid))
    return problems


def same_values(what, a, b, fa, fb, problems):
    if set(a) != set(b):
        problems.append("%s: %s has %s, %s has %s" % (what, fa, sorted(set(a) - set(b)), fb,
                                                       sorted(set(b) - set(a))))
        return
    for k in a:
        if a[k] != b[k] or type(a[k]) is not type(b[k]):
            problems.append("%s: %s=%r in %s, %r in %s" % (what, k, a[k], fa, b[k], fb))


def expected_intervals(g, kind):
    first, last = START_END[kind]
    out = {}
    for eid, v in (g.nodes if kind == "node" else g.edges).items():
        ends = [v.get(first), v.get(last)]
        ends = [d if isinstance(d, str) and DATE.match(d) else None for d in ends]
        if ends[0] or ends[1]:
            out[eid] = (ends[0] or ends[1], ends[1] or ends[0])
    return out


def check_agree(base):
    problems = []
    ref = read_graphml(base + ".graphml")
    types = {}
    root = ET.parse(base + ".graphml").getroot()
    for k in root.findall(GRAPHML + "key"):
        types[(k.get("for"), k.get("attr.name"))] = k.get("attr.type")
    others = {
        ".gexf": read_gexf(base + ".gexf", "1.3"),
        "-1.2.gexf": read_gexf(base + "-1.2.gexf", "1.2"),
        ".json": read_json(base + ".json"),
        ".csv": read_csv(base + ".nodes.csv", types, problems),
    }
    for suffix, g in others.items():
        fa, fb = "graphml", suffix.lstrip(".-")
        if set(ref.nodes) != set(g.nodes) or set(ref.edges) != set(g.edges):
            problems.append("%s: other node or edge ids than GraphML" % fb)
            continue
        if suffix != ".json":  # JSON declares nothing: its keys are the values present
            for kind, a, b in (("node", ref.node_cols, g.node_cols), ("edge", ref.edge_cols, g.edge_cols)):
                if suffix.endswith(".gexf"):  # roles are not declared: only those GraphML has
                    b = [c for c in b if c in a or c not in ("color", "size", "x", "y")]
                if sorted(a) != sorted(b):
                    problems.append("%s columns: graphml %s, %s %s" % (kind, sorted(a), fb, sorted(b)))
        else:
            for kind, a, b in (("node", ref.node_cols, g.node_cols), ("edge", ref.edge_cols, g.edge_cols)):
                if set(b) - set(a) - {"source", "target"}:
                    problems.append("json %s keys not in GraphML: %s" % (kind, sorted(set(b) - set(a))))
        for nid in ref.nodes:
            same_values("node " + nid, ref.nodes[nid], g.nodes[nid], fa, fb, problems)
        for eid in ref.edges:
            same_values("edge " + eid, ref.edges[eid], g.edges[eid], fa, fb, problems)
        if suffix != ".json":
            for kind in ("node", "edge"):
                want = expected_intervals(ref, kind)
                if g.intervals[kind] != want:
                    diff = set(want.items()) ^ set(g.intervals[kind].items())
                    problems.append("%s %s intervals differ from the dates: %s" % (fb, kind, sorted(diff)[:3]))
    return problems[:40]


def expand(args, pattern):
    files = []
    for a in args:
        files += sorted(glob.glob(os.path.join(a, pattern))) if os.path.isdir(a) else [a]
    return files


def main(argv):
    if len(argv) < 2 or argv[0] not in ("json", "csv", "agree"):
        print(__doc__, file=sys.stderr)
        return 2
    mode, args = argv[0], argv[1:]
    if mode == "json":
        files, check = expand(args, "*.json"), check_json
    elif mode == "csv":
        files, check = expand(args, "*.nodes.csv"), check_csv
    else:
        files = [f[: -len(".graphml")] for f in expand(args, "*.graphml")]
        check = check_agree
    if not files:
        print("no files to check")
        return 1
    failed = 0
    for f in files:
        try:
            problems = check(f)
        except Exception as exc:  # a file that does not even load
            problems = ["%s: %s" % (type(exc).__name__, exc)]
        print("%s %s" % ("FAIL" if problems else "PASS", f))
        for p in problems[:40]:
            print("    " + p)
        failed += bool(problems)
    print("%d passed, %d failed" % (len(files) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
