"""Limits: what a huge input may cost, and what evgraph says when it is too much.

One meeting of 2,000 people must not make a people graph of two million edges (a GraphML
of hundreds of megabytes), while the full graph keeps every participant; a line bigger
than the memory the process may use is out of memory, said promptly, not "invalid JSON"
after minutes, nor a crash. (Long names, a full disk: outputs.py; a flood of bad lines,
byte order marks: data.py.)
"""
import json
import os
import re
import xml.etree.ElementTree as ET

from harness import check

W = "evgraph: warning: "
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"

# Invented given names and surnames made of syllables: no doubled letter, no h, c or y,
# so that no two spell the same skeleton (docs/merge.md) and no two people merge.
CONS, VOWELS = "bdfgklmnprstv", "aeiou"


def _word(i, syllables):
    out = ""
    for _ in range(syllables):
        out += CONS[i % len(CONS)] + VOWELS[(i // len(CONS)) % len(VOWELS)]
        i //= len(CONS) * len(VOWELS)
    return out.capitalize()


def person_names(n):
    """`n` distinct invented names, "Given Surname"."""
    return ["%s %s" % (_word(i % 60, 2), _word(i // 60 + 7, 3)) for i in range(n)]


def meeting_record(doc, path, date, names, first=0):
    """A record of one in-person meeting of the people `names` (ids from `first` on)."""
    ents = [{"id": "person:p%05d" % (first + i), "type": "person", "name": name,
             "titles": ["Minister of Trade"]} for i, name in enumerate(names)]
    ev = {"id": doc + "#1", "type": "meeting", "status": "reported", "date": date,
          "place": "Valmora", "participants": [{"entity": e["id"]} for e in ents],
          "evidence": [{"start": 0, "end": 10, "text": "The ministers met in Valmora."}]}
    return json.dumps({"doc": {"id": doc, "path": path, "date": date, "title": "Talks"},
                       "entities": ents, "events": [ev]}) + "\n"


def graphml_counts(path):
    """(nodes, edges, {relation: count}) of a GraphML file, read by a real XML parser."""
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(GRAPHML + "key")}
    rel = {}
    for e in root.iter(GRAPHML + "edge"):
        for d in e.findall(GRAPHML + "data"):
            if keys.get(d.get("key")) == "relation":
                rel[d.text] = rel.get(d.text, 0) + 1
    return (len(list(root.iter(GRAPHML + "node"))), len(list(root.iter(GRAPHML + "edge"))),
            rel)


def node_value(path, node_id, column):
    root = ET.parse(path).getroot()
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(GRAPHML + "key")}
    for n in root.iter(GRAPHML + "node"):
        if n.get("id") == node_id:
            for d in n.findall(GRAPHML + "data"):
                if keys.get(d.get("key")) == column:
                    return d.text
    return None


def big_meeting(c):
    """One meeting of 2,000 people and one of three of them: the people view keeps the
    three's edges and joins no one of the 2,000 (a warning names the document and the
    event), so its file stays small; the full and bipartite views keep every participant."""
    names = person_names(2000)
    check(len(set(names)) == 2000, "2,000 distinct names")
    c.write("events.jsonl", meeting_record("summit", "news/summit.txt", "2024-06-04", names) +
            meeting_record("talks", "news/talks.txt", "2024-03-01", names[:3]))
    warning = (W + "news/summit.txt: meeting summit#1 has 2000 people, more than the 100 the "
               "people view joins pairwise: it joins none of them (the full and bipartite "
               "views keep them all)")
    r = c.run("build", "events.jsonl", "--view", "people", "-o", "people.graphml")
    c.expect(r, 0, [warning])
    size = os.path.getsize(c.path("people.graphml"))
    check(size < 3 * 2**20, "the people GraphML is %d bytes" % size)
    nodes, edges, rel = graphml_counts(c.path("people.graphml"))
    check(nodes == 2000 and edges == 3 and rel == {"met": 3},
          "people view: %d nodes, %d edges %s" % (nodes, edges, rel))
    for view in ("full", "bipartite"):
        r = c.run("build", "events.jsonl", "--view", view, "-o", view + ".graphml")
        c.expect(r, 0, [])
        nodes, edges, rel = graphml_counts(c.path(view + ".graphml"))
        check(rel.get("participated_in") == 2003, "%s view: %s" % (view, rel))
        check(node_value(c.path(view + ".graphml"), "meeting:summit-1", "people") == "2000",
              "%s view: the summit's people" % view)
    # The report builds the people graph too: one warning, the same.
    r = c.run("report", "events.jsonl", "--measures", "degree", "-o", "report.html")
    c.expect(r, 0, [warning])
    # The limit is an option: a meeting of 150 within it makes its 11,175 pairs; 0 is none.
    c.write("150.jsonl", meeting_record("forum", "forum.txt", "2024-06-04", names[:150]))
    for limit in ("150", "0"):
        r = c.run("build", "150.jsonl", "--view", "people", "--max-meeting-people", limit,
                  "--measures", "none", "-o", "150.graphml")
        c.expect(r, 0, [])
        check(graphml_counts(c.path("150.graphml"))[1] == 150 * 149 // 2, "150 pairwise")
    r = c.run("build", "150.jsonl", "--view", "people", "--max-meeting-people", "149",
              "--measures", "none", "-o", "149.graphml")
    check(r.rc == 0 and len(r.err_lines) == 1 and "has 150 people, more than the 149" in
          r.err_lines[0] and graphml_counts(c.path("149.graphml"))[1] == 0, r.describe())
    for cmd, out in (("build", "x.graphml"), ("run", "outdir"), ("report", "x.html")):
        r = c.run(cmd, "--max-meeting-people", "-3", "events.jsonl", "-o", out)
        check(r.rc == 2 and r.err_lines[0] == "evgraph: --max-meeting-people expects a whole "
              "number (0: no limit), not '-3'", r.describe())


# The file and line when reading the line ran out; the file alone when extracting the
# article it holds did; nothing when building the graph did.
OOM = re.compile(r"^evgraph: (?:(big\.jsonl|big-articles\.jsonl)(:1)?: )?out of memory$")


def out_of_memory(c):
    """A valid line of 32 MB read under address-space limits from too little to enough
    (ulimit -v, as shared machines set): each run either succeeds or says it is out of
    memory, naming the file (and line) when the line needed it, with exit status 1, within
    seconds: never "invalid JSON", never a crash, never minutes."""
    with open(c.evgraph, "rb") as f:
        wrapped = f.read(4) != b"\x7fELF"  # .ci/memcheck puts a script running valgrind
    if c.wrapper or wrapped or os.environ.get("EVG_SANITIZE"):
        return "a limit on address space does not suit valgrind or the sanitizers"
    c.write("small.jsonl", meeting_record("small", "small.txt", "2024-06-04",
                                          person_names(3)))
    size = 32 * 2**20
    rec = json.loads(meeting_record("big", "big.txt", "2024-06-04", person_names(3)))
    rec["doc"]["title"] = "Talks in Valmora " * (size // 17)
    c.write("big.jsonl", json.dumps(rec) + "\n")
    body = ("Minister of Trade of Ardania Lena Varo received Belmont's Minister of Trade "
            "Piet Sandor in Valmora on Tuesday. ")
    c.write("big-articles.jsonl", json.dumps({"id": "big", "date": "2024-06-04", "title":
                                              "Talks", "text": body * (size // len(body))}) +
            "\n")
    base = 48 * 2**20  # up to the least the tool needs to start and build a small file
    while c.run("build", "small.jsonl", "-o", "small.graphml", memory=base).rc != 0:
        check(base < 8 * 2**30, "the small build never succeeds under a limit")
        base = base * 5 // 4
    for cmd, src, out in (("build", "big.jsonl", "big.graphml"),
                          ("extract", "big-articles.jsonl", "big-events.jsonl")):
        seen = {"ok": 0, "line": 0, "other": 0}
        limit = base
        while seen["ok"] < 2:  # from too little, a step of 10 % at a time, to enough
            check(limit < base + 64 * size, "%s: never succeeds: %s" % (cmd, seen))
            limit = limit * 11 // 10
            r = c.run(cmd, src, "-o", out, memory=limit, timeout=300)
            what = "%s under %d MB: %s" % (cmd, limit >> 20, r.describe())
            check(r.rc in (0, 1), "ended by a signal or with an unexpected status: " + what)
            check(r.seconds < 30, "%.1f s, not prompt: %s" % (r.seconds, what))
            if r.rc == 0:
                check(not r.err_lines, what)
                seen["ok"] += 1
                continue
            check(r.err_lines and all(OOM.match(l) for l in r.err_lines),
                  "not 'out of memory' alone: " + what)
            seen["line" if any(src + ":" in l for l in r.err_lines) else "other"] += 1
        print("%s from %d MB: %s" % (cmd, base >> 20, seen))
        check(seen["line"] > 0 and seen["ok"] > 0, "%s: the limits tried did not both fail "
              "on the line and succeed: %s" % (cmd, seen))


CASES = {f.__name__: f for f in (big_meeting, out_of_memory)}
