#!/usr/bin/env python3
"""Names full of markup cannot break or inject into a report.

    check_escaping.py EVGRAPH FIXTURE.jsonl WORKDIR

Runs `evgraph report` on FIXTURE (hand-written records whose names, titles,
places, agreements and sentences hold <script>, &, quotes, ]]>, comments,
Markdown and table syntax) into WORKDIR/report.html and WORKDIR/report.md
(with its SVG pictures), then reads them with real parsers:

- the HTML with Python's html.parser: only the elements and attributes a
  report uses, no event handler, no link out of the page, and every name of
  the fixture shown as text, exactly as written (line breaks as spaces);
- each SVG file with xml.etree (well-formed XML), with the names as text;
- the Markdown: no raw HTML (every '<' escaped), every table row with as
  many cells as its header.
"""
import html.parser
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

ELEMENTS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "p", "a",
    "strong", "code", "ul", "li", "blockquote", "dl", "dt", "dd", "div", "table",
    "thead",
    "tbody", "tr", "th", "td", "figure", "figcaption",
    "svg", "g", "rect", "circle", "line", "text", "tspan",
}
ATTRIBUTES = {
    "lang", "charset", "name", "content", "http-equiv", "id", "class", "href", "xmlns",
    "viewbox", "width", "height", "role", "font-family", "font-size", "font-weight",
    "x", "y",
    "x1", "y1", "x2", "y2", "cx", "cy", "r", "fill", "stroke", "stroke-width",
    "stroke-opacity", "stroke-linecap", "stroke-linejoin", "paint-order", "text-anchor",
}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems, self.text, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag not in ELEMENTS:
            self.problems.append("element <%s>" % tag)
        for k, v in attrs:
            if k not in ATTRIBUTES:
                self.problems.append("attribute %s=%r on <%s>" % (k, v, tag))
            if k == "href" and not (v or "").startswith("#"):
                self.problems.append("a link out of the page: %r" % v)
        if tag == "style" and "head" in self.stack[:1] and len(self.stack) > 1:
            self.problems.append("<style> outside <head>")
        if tag not in ("meta",):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack and self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.problems.append("a comment: %r" % data)


def names(fixture):
    """Every string of the fixture a report may show, line breaks as spaces."""
    out = set()
    for line in open(fixture, encoding="utf-8"):
        rec = json.loads(line)
        for e in rec["entities"]:
            out.add(e["name"])
            out.update(e.get("titles") or [])
        for ev in rec["events"]:
            if ev.get("place"):
                out.add(ev["place"])
    return {" ".join(n.split("\n")) for n in out}


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if p.returncode != 0:
        sys.exit("%s failed (%d): %s" % (" ".join(cmd), p.returncode, p.stderr.decode()))


def main():
    evgraph, fixture, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    html_path = os.path.join(work, "report.html")
    md_path = os.path.join(work, "report.md")
    run([evgraph, "report", fixture, "-o", html_path])
    run([evgraph, "report", fixture, "-o", md_path])
    expected, problems = names(fixture), []

    page = Page()
    page.feed(open(html_path, encoding="utf-8").read())
    page.close()
    problems += ["report.html: " + p for p in page.problems]
    text = " ".join(" ".join(page.text).split())
    for n in sorted(expected):
        if " ".join(n.split()) not in text:
            problems.append("report.html does not show %r as text" % n)

    svg_text = []
    for pic in ("network", "betweenness", "degree", "timeline", "countries"):
        path = os.path.join(work, "report-%s.svg" % pic)
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            problems.append("report-%s.svg: %s" % (pic, e))
            continue
        for el in root.iter():
            tag = el.tag.split("}")[-1]
            handler = any(k.lower().startswith("on") for k in el.attrib)
            if tag.lower() not in ELEMENTS or handler:
                problems.append("report-%s.svg: element %s %s" % (pic, tag, el.attrib))
        svg_text.append("".join(root.itertext()))
    # Names are cut to fit in pictures; the network's tooltips hold them whole.
    for n in ("Mara <script>alert(\"p1\")</script> O'Brien & Sons",
              "</svg><img src=x onerror=alert(3)> Tovo"):
        if not any(n in t for t in svg_text):
            problems.append("no picture shows %r" % n)

    md = open(md_path, encoding="utf-8").read()
    for i, ch in enumerate(md):
        if ch == "<" and md[i - 1] != "\\":
            problems.append("report.md: raw '<' at %r" % md[max(0, i - 20):i + 20])
    cells = None
    for line in md.split("\n"):
        if line.startswith("|"):
            n = sum(1 for i, ch in enumerate(line) if ch == "|" and line[i - 1:i] != "\\")
            cells = cells or n
            if n != cells:
                problems.append("report.md: a row of %d cells, not %d: %r"
                                % (n - 1, cells - 1, line))
        else:
            cells = None

    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    print("%d names checked in HTML, 5 SVG pictures, Markdown; %d problems"
          % (len(expected), len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
