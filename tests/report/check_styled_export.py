#!/usr/bin/env python3
"""The people graph `evgraph run` writes looks like the report's picture of it.

usage: check_styled_export.py EVGRAPH SOURCE_DIR WORK

Runs `evgraph run` on SOURCE_DIR/examples/articles and fails unless every person
the report's network draws has, in people.graphml, the colour of its dot and a
position (x, y as Gephi reads them), the positions keep the picture's order
(the dots' left-to-right and top-to-bottom order), and `evgraph build --view people`
without --layout writes no position while `--layout` writes the same ones.
"""
import html
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

G = "{http://graphml.graphdrawing.org/xmlns}"


def nodes(path):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(G + "key")}
    out = {}
    for n in root.iter(G + "node"):
        d = {keys[x.get("key")]: x.text or "" for x in n.iter(G + "data")}
        out[d.get("label")] = d
    return out


def main(argv):
    evgraph, source, work = argv[1:4]
    out = os.path.join(work, "run")
    subprocess.run([evgraph, "run", os.path.join(source, "examples", "articles"), "-o", out],
                   check=True, capture_output=True)
    people = nodes(os.path.join(out, "people.graphml"))
    with open(os.path.join(out, "report.html"), encoding="utf-8") as f:
        page = f.read()
    dots = re.findall(r'<circle cx="([-\d.]+)" cy="([-\d.]+)" r="[\d.]+" fill="(#[0-9a-f]{6})">'
                      r'<title>([^<(]+?)(?: \([^<]*\))?</title>', page)
    problems = []
    if not dots:
        problems.append("the report draws no dot")
    for cx, cy, color, name in dots:
        name = html.unescape(name)
        n = people.get(name)
        if n is None:
            problems.append(f"{name}: drawn, not in people.graphml")
            continue
        if n.get("color") != color:
            problems.append(f"{name}: {n.get('color')} in people.graphml, {color} in the report")
        if "x" not in n or "y" not in n:
            problems.append(f"{name}: no position in people.graphml")
    # the same picture: of two dots a pixel or more apart, the one left of (above) the
    # other has the smaller x (the greater y: Gephi's y grows upwards)
    placed = [(float(cx), float(cy), html.unescape(nm)) for cx, cy, _, nm in dots
              if "x" in people.get(html.unescape(nm), {})]
    for axis, key, flip in ((0, "x", 1), (1, "y", -1)):
        for a in placed:
            for b in placed:
                if b[axis] - a[axis] >= 1 and \
                        flip * float(people[a[2]][key]) >= flip * float(people[b[2]][key]):
                    problems.append(f"{a[2]} and {b[2]}: on {key}, the picture's order is not "
                                    "the positions'")
    events = os.path.join(out, "events.jsonl")
    plain, styled = os.path.join(work, "plain.graphml"), os.path.join(work, "styled.graphml")
    subprocess.run([evgraph, "build", events, "--view", "people", "-o", plain], check=True)
    subprocess.run([evgraph, "build", events, "--view", "people", "--layout", "-o", styled],
                   check=True)
    if any("x" in n for n in nodes(plain).values()):
        problems.append("build without --layout wrote positions")
    s = nodes(styled)
    if any(s[k].get("x") != people[k].get("x") or s[k].get("color") != people[k].get("color")
           for k in people):
        problems.append("build --layout did not write the run's positions and colours")
    for p in problems:
        print(p, file=sys.stderr)
    print(f"{len(dots)} dots checked")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
