#!/usr/bin/env python3
"""Usage: gephi_lint.py FILE.graphml|FILE.gexf...

The Gephi rules that schema validation and the loaders do not check (see
GEPHI_RULES.md in the shared consumer checks): where keys sit, what they are
called, what their values look like, and what Gephi would silently change on
import (merged parallel edges, columns overwritten by its statistics). For
GEXF also what Gephi's timeline needs: a dynamic graph with timeformat
"date" and start <= end, ISO dates, on every element that has them, or
spells in order and not beside start/end.
Prints one line per problem and "N passed, N failed"; exit 1 on any problem.
"""
import re
import sys
import xml.etree.ElementTree as ET

NS = "{http://graphml.graphdrawing.org/xmlns}"
TYPES = {"boolean", "int", "long", "float", "double", "string"}
PREFIX = {"node": "v_", "edge": "e_", "graph": "g_"}
# Column ids that Gephi's statistics create; an imported column of that name
# would be overwritten (or clash) when an analyst runs them.
GEPHI_STATS = {
    "degree", "indegree", "outdegree", "weighted degree", "weighted indegree",
    "weighted outdegree", "betweenesscentrality", "closnesscentrality",
    "harmoniccloseness", "harmonicclosnesscentrality", "eccentricity",
    "eigencentrality", "pageranks", "modularity_class", "clustering",
    "componentnumber", "strongcompnum", "authority", "hub",
}
SPECIAL = {("node", "label"): "string", ("node", "color"): "string",
           ("node", "size"): "float", ("edge", "label"): "string",
           ("edge", "weight"): "double", ("node", "type"): "string"}
REQUIRED_NODE = ("label", "type", "color")
NMTOKEN = re.compile(r"^[A-Za-z0-9._:\-\u00b7\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u037d"
                     r"\u037f-\u1fff\u200c\u200d\u203f\u2040\u2070-\u218f\u2c00-\u2fef"
                     r"\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff]+$")
INT = re.compile(r"^-?[0-9]+$")
COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
DATE = re.compile(r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$")


def value_ok(kind, text):
    if kind in ("int", "long"):
        return bool(INT.match(text))
    if kind in ("float", "double"):
        try:
            return float(text) == float(text) and abs(float(text)) != float("inf")
        except ValueError:
            return False
    if kind == "boolean":
        return text in ("true", "false")
    return True


def check_keys(root, problems):
    keys, seen_graph = {}, False
    for child in root:
        if child.tag == NS + "graph":
            seen_graph = True
        elif child.tag == NS + "key":
            kid, for_ = child.get("id", ""), child.get("for")
            name, kind = child.get("attr.name"), child.get("attr.type")
            if seen_graph:
                problems.append("key %s after <graph>" % kid)
            if for_ not in PREFIX:
                problems.append("key %s: for=%r (must be node, edge or graph)" % (kid, for_))
            elif not kid.startswith(PREFIX[for_]):
                problems.append("key %s: id not prefixed %s" % (kid, PREFIX[for_]))
            if not name or kind not in TYPES:
                problems.append("key %s: attr.name %r / attr.type %r" % (kid, name, kind))
            if name and name.lower() in GEPHI_STATS:
                problems.append("key %s: attr.name %r is a Gephi statistics column" % (kid, name))
            want = SPECIAL.get((for_, name))
            if want and kind != want:
                problems.append("key %s: %s must be %s, not %s" % (kid, name, want, kind))
            if child.find(NS + "default") is not None:
                problems.append("key %s: <default> (graphology does not cast it)" % kid)
            keys[kid] = (for_, name, kind)
    return keys


def check_data(elem, where, kind_of, keys, problems):
    names = {}
    for d in elem.findall(NS + "data"):
        k = d.get("key")
        if k not in keys or keys[k][0] != kind_of:
            problems.append("%s: data for undeclared or %s key %r" % (where, kind_of, k))
            continue
        _, name, kind = keys[k]
        name, text = name or k, d.text or ""
        if not value_ok(kind, text):
            problems.append("%s: %s=%r is not a %s" % (where, name, text, kind))
        if name == "color" and not COLOR.match(text):
            problems.append("%s: color %r is not #rrggbb" % (where, text))
        if (name.endswith("date") or name in ("first_seen", "last_seen")) and not DATE.match(text):
            problems.append("%s: %s %r is not an ISO date" % (where, name, text))
        names[name] = text
    return names


def lint(path):
    problems = []
    text = open(path, encoding="utf-8").read()
    if re.search(r"<!--(?:(?!-->).)*--(?!>)", text, re.S):
        problems.append("'--' inside an XML comment")
    root = ET.fromstring(text.encode("utf-8"))
    if root.tag != NS + "graphml":
        return problems + ["root is %s, not <graphml> in the GraphML namespace" % root.tag]
    keys = check_keys(root, problems)
    graphs = root.findall(NS + "graph")
    if len(graphs) != 1 or graphs[0].get("edgedefault") not in ("directed", "undirected"):
        problems.append("need exactly one <graph> with edgedefault")
        return problems
    g = graphs[0]
    if g.find(NS + "key") is not None:
        problems.append("<key> inside <graph> (keys go before it)")
    ids, pairs = set(), set()
    for n in g.findall(NS + "node"):
        nid = n.get("id", "")
        if not NMTOKEN.match(nid):
            problems.append("node id %r is not a safe NMTOKEN" % nid)
        if nid in ids:
            problems.append("node id %r twice" % nid)
        ids.add(nid)
        if n.find(NS + "desc") is not None:
            problems.append("node %s: <desc> (Gephi makes it the label)" % nid)
        names = check_data(n, "node " + nid, "node", keys, problems)
        for req in REQUIRED_NODE:
            if not names.get(req):
                problems.append("node %s: no %s" % (nid, req))
    eids = set()
    for e in g.findall(NS + "edge"):
        eid, s, t = e.get("id", ""), e.get("source"), e.get("target")
        if not NMTOKEN.match(eid) or eid in eids:
            problems.append("edge id %r missing, unsafe or repeated" % eid)
        eids.add(eid)
        if e.get("directed") is not None:
            problems.append("edge %s: own directed= (a mixed graph)" % eid)
        if s not in ids or t not in ids:
            problems.append("edge %s: end %r or %r is not a declared node" % (eid, s, t))
        pair = (s, t) if g.get("edgedefault") == "directed" else tuple(sorted((s, t)))
        if pair in pairs:
            problems.append("edge %s: parallel edge %s-%s (Gephi merges it)" % (eid, s, t))
        pairs.add(pair)
        names = check_data(e, "edge " + eid, "edge", keys, problems)
        if "weight" not in names:
            problems.append("edge %s: no weight" % eid)
    return problems


GEXF_NS = {"http://gexf.net/1.3": ("1.3", "http://gexf.net/1.3/viz"),
           "http://www.gexf.net/1.2draft": ("1.2", "http://www.gexf.net/1.2draft/viz")}
GEXF_TYPES = {"integer": "int", "long": "long", "double": "double", "float": "float",
              "boolean": "boolean", "string": "string"}
# Gephi's own columns: an attribute with one of these ids clashes with them.
GEXF_RESERVED = {"node": {"id", "label", "timeset", "interval"},
                 "edge": {"id", "label", "timeset", "interval", "weight", "kind", "type",
                          "source", "target"}}
ISO = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def check_one(el, where, problems):
    start, end = el.get("start"), el.get("end")
    for v in (start, end):
        if v is not None and not ISO.match(v):
            problems.append("%s: start/end %r is not an ISO date" % (where, v))
    if start and end and start > end:
        problems.append("%s: ends (%s) before it starts (%s)" % (where, end, start))


def check_interval(el, where, problems, ns):
    """start/end, or <spells>: never both (Gephi would join them into one long
    interval); spells each valid, in order, none overlapping the next."""
    check_one(el, where, problems)
    spells = el.find(ns + "spells")
    if spells is None:
        return
    if el.get("start") or el.get("end"):
        problems.append("%s: both start/end and <spells>" % where)
    last = None
    for sp in spells.findall(ns + "spell"):
        check_one(sp, where + " spell", problems)
        if last is not None and (sp.get("start") or "") <= last:
            problems.append("%s: spell %s not after the one before it" % (where, sp.get("start")))
        last = sp.get("end") or ""


def gexf_declarations(graph, ns, problems):
    decl = {"node": {}, "edge": {}}
    for attrs in graph.findall(ns + "attributes"):
        cls = attrs.get("class")
        for a in attrs.findall(ns + "attribute"):
            aid, title, typ = a.get("id"), a.get("title"), a.get("type")
            if cls not in decl:
                problems.append("attributes class %r" % cls)
                continue
            if typ not in GEXF_TYPES:
                problems.append("attribute %s: type %r is not one Gephi keeps" % (aid, typ))
            if aid != title:
                problems.append("attribute %s: id differs from title %r (graphology names by id)"
                                % (aid, title))
            if aid.lower() in GEPHI_STATS or aid.lower() in GEXF_RESERVED[cls]:
                problems.append("attribute %s: clashes with a Gephi column" % aid)
            if a.find(ns + "default") is not None:
                problems.append("attribute %s: <default>" % aid)
            decl[cls][aid] = GEXF_TYPES.get(typ, "string")
    return decl


def gexf_attvalues(el, ns, where, decl, problems):
    values = el.find(ns + "attvalues")
    for a in values.findall(ns + "attvalue") if values is not None else []:
        aid = a.get("for")
        if aid not in decl:
            problems.append("%s: value for undeclared attribute %r" % (where, aid))
        elif not value_ok(decl[aid], a.get("value", "")):
            problems.append("%s: %s=%r is not a %s" % (where, aid, a.get("value"), decl[aid]))


def gexf_nodes(graph, ns, viz, decl, problems):
    ids = set()
    for n in graph.iter(ns + "node"):
        nid = n.get("id", "")
        if not NMTOKEN.match(nid) or nid in ids:
            problems.append("node id %r unsafe or repeated" % nid)
        ids.add(nid)
        if not n.get("label"):
            problems.append("node %s: no label" % nid)
        check_interval(n, "node " + nid, problems, ns)
        gexf_attvalues(n, ns, "node " + nid, decl["node"], problems)
        color = n.find(viz + "color")
        if color is None:
            problems.append("node %s: no viz:color" % nid)
        elif color.get("a") not in (None, "1", "1.0") or not all(
                INT.match(color.get(c) or "") and 0 <= int(color.get(c)) <= 255 for c in "rgb"):
            problems.append("node %s: viz:color is not r/g/b 0-255 without alpha" % nid)
        size = n.find(viz + "size")
        if size is not None and not (value_ok("float", size.get("value", "")) and
                                     float(size.get("value")) >= 0):
            problems.append("node %s: viz:size %r" % (nid, size.get("value")))
    return ids


def lint_gexf(path):
    problems = []
    text = open(path, encoding="utf-8").read()
    if "xsi:schemaLocation" in text:
        problems.append("xsi:schemaLocation (the RNG rejects it)")
    if 'xmlns:viz="' not in text:
        problems.append("the viz namespace is not bound to the prefix viz (graphology looks for viz:)")
    root = ET.fromstring(text.encode("utf-8"))
    uri = root.tag[1:].split("}")[0] if root.tag.startswith("{") else ""
    if uri not in GEXF_NS or not root.tag.endswith("}gexf"):
        return problems + ["root %s is not GEXF 1.3 or 1.2draft" % root.tag]
    version, viz_uri = GEXF_NS[uri]
    ns, viz = "{%s}" % uri, "{%s}" % viz_uri
    if root.get("version") != version:
        problems.append("version %r in the %s namespace" % (root.get("version"), version))
    graph = root.find(ns + "graph")
    if graph is None:
        return problems + ["no <graph>"]
    if graph.get("mode") != "dynamic" or graph.get("timeformat") != "date":
        problems.append("graph is not mode=dynamic timeformat=date: no Gephi timeline")
    if graph.get("defaultedgetype") not in ("directed", "undirected"):
        problems.append("no defaultedgetype")
    decl = gexf_declarations(graph, ns, problems)
    ids = gexf_nodes(graph, ns, viz, decl, problems)
    eids, kinds = set(), set()
    for e in graph.iter(ns + "edge"):
        eid, s, t = e.get("id", ""), e.get("source"), e.get("target")
        if not NMTOKEN.match(eid) or eid in eids:
            problems.append("edge id %r missing, unsafe or repeated" % eid)
        eids.add(eid)
        if s not in ids or t not in ids:
            problems.append("edge %s: end %r or %r is not a declared node" % (eid, s, t))
        if not value_ok("double", e.get("weight", "")):
            problems.append("edge %s: weight %r" % (eid, e.get("weight")))
        if version == "1.3" and not e.get("kind"):
            problems.append("edge %s: no kind (Gephi merges typed parallel edges)" % eid)
        pair = tuple(sorted((s or "", t or ""))) + (e.get("kind") or "",)
        if pair in kinds:
            problems.append("edge %s: parallel edge of the same kind (Gephi merges it)" % eid)
        kinds.add(pair)
        check_interval(e, "edge " + eid, problems, ns)
        gexf_attvalues(e, ns, "edge " + eid, decl["edge"], problems)
    return problems


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for path in argv:
        try:
            problems = lint_gexf(path) if path.endswith(".gexf") else lint(path)
        except (OSError, ET.ParseError, UnicodeDecodeError) as exc:
            problems = ["cannot read: %s" % exc]
        print("%s %s" % ("FAIL" if problems else "PASS", path))
        for p in problems[:40]:
            print("    " + p)
        failed += bool(problems)
    print("%d passed, %d failed" % (len(argv) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
