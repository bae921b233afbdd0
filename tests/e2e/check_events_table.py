"""The events table and the origin of articles, end to end.

Invented JSON Lines articles with "url" and "source" are extracted; the
record carries both; `build --format events-csv` / `events-tsv` write one row
per meeting and participant that Python's csv module reads back, with the
formula guard; the GraphML has the meetings' outlets and urls (and no such
columns without them); the report shows the outlet and links the address,
escaped, and never links a javascript: address.

    python3 check_events_table.py path/to/evgraph WORKDIR
"""
import csv
import json
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

EVGRAPH, WORK = sys.argv[1], sys.argv[2]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)

ARTICLES = [
    {"id": "tallinn-talks", "date": "2025-03-04", "title": "Ministers meet",
     "url": "https://harbour.example/news?id=1&lang=en", "source": "Harbour Gazette",
     "text": "Minister of Economic Affairs of Estonia Ivo Tamm received Finland's "
             "Minister for Foreign Trade Rui Canto in Tallinn on Tuesday."},
    {"id": "riga-talks", "date": "2025-04-08", "title": "Talks in Riga",
     "url": "javascript:alert(1)", "source": "=HYPERLINK(\"http://evil.example\")",
     "text": "Minister of Economics of Latvia Lena Kask received Finland's Minister for "
             "Foreign Trade Rui Canto in Riga on Tuesday. They discussed rail freight, "
             "\"energy\" links."},
]


def run(*args, code=0):
    p = subprocess.run([EVGRAPH, *args], cwd=WORK, capture_output=True, text=True)
    if p.returncode != code:
        sys.exit(f"evgraph {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p


def check(cond, what):
    if not cond:
        sys.exit(f"check_events_table: {what}")


with open(os.path.join(WORK, "articles.jsonl"), "w", encoding="utf-8") as f:
    for a in ARTICLES:
        f.write(json.dumps(a) + "\n")
run("extract", "articles.jsonl", "-o", "events.jsonl")
docs = [json.loads(l)["doc"] for l in open(os.path.join(WORK, "events.jsonl"))]
check(docs[0]["url"] == ARTICLES[0]["url"] and docs[0]["source"] == "Harbour Gazette",
      f"record lacks url/source: {docs[0]}")
check(docs[1]["source"] == ARTICLES[1]["source"], "second record's source")

# the CSV table, as a spreadsheet program or Python reads it
run("build", "events.jsonl", "--format", "events-csv", "-o", "table.csv")
with open(os.path.join(WORK, "table.csv"), newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
check(len(rows) == 4, f"expected 4 rows (2 meetings x 2 people), got {len(rows)}")
check([r["date"] for r in rows] == ["2025-03-04"] * 2 + ["2025-04-08"] * 2,
      "rows by date")
first = rows[0]
check(first["participant"] == "Ivo Tamm" and first["country"] == "EST" and
      first["role"] == "host" and first["type"] == "meeting" and
      first["status"] == "reported" and first["place"] == "Tallinn", f"row 1: {first}")
check(first["title"].startswith("Minister of Economic Affairs"), "title held")
check(first["docs"] == "tallinn-talks" and first["outlets"] == "Harbour Gazette" and
      first["urls"] == ARTICLES[0]["url"], f"sources of row 1: {first}")
check(rows[2]["outlets"] == "'" + ARTICLES[1]["source"], "formula guard on the outlet")
check('"energy" links' in rows[2]["evidence"], "quotes in the evidence")
check({r["participant"] for r in rows[2:]} == {"Lena Kask", "Rui Canto"}, "April")

# the TSV table: the same cells, one line per row
run("build", "events.jsonl", "-o", "table.tsv")
lines = open(os.path.join(WORK, "table.tsv"), encoding="utf-8").read().splitlines()
check(len(lines) == 5 and lines[0].split("\t")[:4] == ["meeting_id", "date", "type",
                                                       "status"], "TSV header")
check(all(len(l.split("\t")) == 16 for l in lines), "16 cells on every TSV line")

# filters apply to the table too
run("build", "events.jsonl", "--format", "events-csv", "--country", "LVA", "-o", "lv.csv")
with open(os.path.join(WORK, "lv.csv"), newline="", encoding="utf-8") as f:
    check({r["meeting_id"] for r in csv.DictReader(f)} == {"meeting:riga-talks-1"},
          "--country LVA")
check("people view has none" in run("build", "events.jsonl", "--view", "people",
                                    "--format", "events-tsv", "-o", "x.tsv",
                                    code=2).stderr, "people view refused")

# GraphML: outlets and urls of the meetings
run("build", "events.jsonl", "-o", "g.graphml")
ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
root = ET.parse(os.path.join(WORK, "g.graphml")).getroot()
keys = {k.get("attr.name"): k.get("id") for k in root.findall("g:key", ns)}
check("outlets" in keys and "urls" in keys, "GraphML declares outlets and urls")
node = root.find(".//g:node[@id='meeting:tallinn-talks-1']", ns)
data = {d.get("key"): d.text for d in node.findall("g:data", ns)}
check(data.get(keys["outlets"]) == "Harbour Gazette" and
      data.get(keys["urls"]) == ARTICLES[0]["url"], f"meeting's outlets/urls: {data}")
# without them, no such columns
plain = [dict(a, url=None, source=None) for a in ARTICLES]
with open(os.path.join(WORK, "plain.jsonl"), "w", encoding="utf-8") as f:
    for a in plain:
        f.write(json.dumps(a) + "\n")
run("extract", "plain.jsonl", "-o", "plain-events.jsonl")
check('"url"' not in open(os.path.join(WORK, "plain-events.jsonl")).read(),
      "no url key without one")
run("build", "plain-events.jsonl", "-o", "plain.graphml")
check("outlets" not in open(os.path.join(WORK, "plain.graphml")).read(),
      "no outlets column without outlets")

# the report: the outlet shown, the address linked and escaped; javascript: not linked
run("report", "events.jsonl", "-o", "report.html")
html = open(os.path.join(WORK, "report.html"), encoding="utf-8").read()
check('<a href="https://harbour.example/news?id=1&amp;lang=en" rel="noopener noreferrer">'
      in html, "report links the article's address")
check("Harbour Gazette" in html, "report shows the outlet")
check('href="javascript' not in html and "javascript:alert(1)" in html,
      "a javascript: address is text, not a link")
print("check_events_table: ok")
