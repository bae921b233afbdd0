"""Input that made evgraph unsafe to run rather than wrong: work that grows with the
square of one article or one lexicon phrase, and names that drive the terminal.

many_officials: one article naming fifty thousand distinct officials who meet two
by two took minutes (every new name was compared with every name before it); it must be
extracted, and its events built, with every official, meeting and agreement, well within
a timeout that the quadratic work exceeded many times over. long_lexicon_phrase: one
lexicon phrase of 30,000 words took 4.5 GB (every prefix of it was a key of its own);
it must load in little memory and change nothing that text can match. many_reports:
twenty thousand outlets reporting one meeting took seconds growing with the square of
their number (each report was compared with every report of the meeting before it, and
every report's date with every other's); they must make that one meeting, with the same
date, people and reports whatever their order, and leave other meetings of the same
people apart.

terminal_escapes: names, titles and document ids (file names) holding control
characters and bidirectional overrides reach the terminal only as visible escapes, in
every command of `query` as a table and as TSV, in diagnostics and in the run summary;
JSON escapes them too and reads back the same; the HTML report isolates each name that
carries a right-to-left override, so it cannot reverse the others; Markdown shows it.
"""
import json
import re
import resource
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

from harness import check, records

# Invented syllables: every official's name is made of them, none is a real person's.
ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "dr", "kr", "st", "tr", "gr"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
CODAS = ["", "n", "r", "l", "s", "k", "m", "v"]


def invented_word(i, salt):
    """A capitalized word of three invented syllables, distinct for each i < 2 million."""
    n = len(ONSETS) * len(VOWELS) * len(CODAS)
    k = i * 7919 + salt
    word = ""
    for _ in range(3):
        s = k % n
        word += ONSETS[s % len(ONSETS)] + VOWELS[s // len(ONSETS) % len(VOWELS)] + \
            CODAS[s // len(ONSETS) // len(VOWELS)]
        k //= n
    return word.capitalize()


def official(i):
    return "%s %s" % (invented_word(i, 11), invented_word(i, 5003))


TITLES = ["Trade Minister", "Energy Minister", "Deputy Foreign Minister",
          "Minister of Transport"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def many_officials(c):
    """N distinct invented officials meet two by two, each pair signs an accord named
    after them, and one of them speaks by surname: every one is found, once, with the
    right meeting, in time."""
    n = max(200, int(50000 * c.scale)) // 2 * 2
    pars = []
    for i in range(0, n, 2):
        a, b = official(i), official(i + 1)
        pars.append("%s %s met %s %s in Castel Ruen on %s. The two ministers signed the "
                    "%s-%s Accord. %s said the talks were useful." % (
                        TITLES[i % 4], a, TITLES[(i // 2 + 1) % 4], b, DAYS[i // 2 % 5],
                        a.split()[1], b.split()[1], a.split()[1]))
    c.write("big.txt", "date 2024-03-08 Ministers of Valmora meet all week\n\n" +
            "\n\n".join(pars) + "\n")
    r = x = c.run("extract", "big.txt", "-o", "events.jsonl", timeout=30)
    c.expect(r, 0, [])
    (rec,) = records(c.read("events.jsonl"))
    people = {e["id"]: e["name"] for e in rec["entities"] if e["type"] == "person"}
    check(sorted(people.values()) == sorted(official(i) for i in range(n)),
          "%d people extracted of %d" % (len(people), n))
    agreements = [e for e in rec["entities"] if e["type"] == "agreement"]
    check(len(agreements) == n // 2, "%d agreements of %d" % (len(agreements), n // 2))
    pairs = sorted(tuple(sorted(people[p["entity"]] for p in ev["participants"]))
                   for ev in rec["events"])
    check(pairs == sorted(tuple(sorted((official(i), official(i + 1))))
                          for i in range(0, n, 2)), "the meetings are the pairs")
    check(all(len(ev["agreements"]) == 1 for ev in rec["events"]),
          "each meeting signs its accord")
    r = c.run("build", "events.jsonl", "--view", "people", "--measures", "none",
              "-o", "people.graphml", timeout=120)
    c.expect(r, 0, [])
    check(c.read("people.graphml").count(b"<node ") == n, "every official is a node")
    print("many_officials: %d officials, %.1f MB, extracted in %.1f s" % (
        n, len(c.read("big.txt")) / 1e6, x.seconds))


def report_record(doc, date, names, kind="meeting", place="Port Vell"):
    """One outlet's record of an event of the people `names` (no date: its dispatch's)."""
    ents = [{"id": "person:" + n.lower().replace(" ", "-"), "type": "person", "name": n,
             "titles": [TITLES[i % 4]]} for i, n in enumerate(names)]
    ev = {"id": doc + "#1", "type": kind, "status": "reported", "date": date,
          "date_source": "text" if date else None, "place": place,
          "participants": [{"entity": e["id"]} for e in ents],
          "evidence": [{"start": 0, "end": 10, "text": "The ministers met."}]}
    return json.dumps({"doc": {"id": doc, "date": "2024-03-08", "title": "Talks"},
                       "entities": ents, "events": [ev]}) + "\n"


def many_reports(c):
    """N outlets report one meeting of two ministers, a quarter naming a third, dated the
    day, the day before or not at all, some without a place: one meeting of three people
    and N reports, dated the day most give; the same people's call that day and their
    meeting twelve days later stay two events of their own; the reversed input gives the
    same bytes."""
    n = max(2000, int(20000 * c.scale)) // 4 * 4
    a, b, third = official(1), official(2), official(3)
    lines = [report_record("outlet%06d" % i, ["2024-03-08", "2024-03-07", None,
                                              "2024-03-08"][i % 4],
                           [a, b, third] if i % 4 == 3 else [a, b],
                           place=None if i % 5 == 4 else "Port Vell") for i in range(n)]
    lines.append(report_record("later", "2024-03-20", [a, b]))
    lines.append(report_record("phoned", "2024-03-08", [a, b], kind="call", place=None))
    c.write("events.jsonl", "".join(lines))
    c.write("reversed.jsonl", "".join(reversed(lines)))
    for name in ("events", "reversed"):
        r = c.run("build", name + ".jsonl", "--view", "full", "--measures", "none",
                  "-o", name + ".graphml", timeout=120)
        c.expect(r, 0, [])
    check(c.read("events.graphml") == c.read("reversed.graphml"), "the order changes nothing")
    nodes = graphml_nodes(c.read("events.graphml"))
    meetings = {k: v for k, v in nodes.items() if v.get("type") == "meeting"}
    check(len(meetings) == 3, "%d meetings: %s" % (len(meetings), sorted(meetings)))
    big = [v for v in meetings.values() if v.get("reports") == str(n)]
    check(len(big) == 1 and big[0].get("people") == "3" and
          big[0].get("date") == "2024-03-08" and big[0].get("first_seen") == "2024-03-07" and
          big[0].get("place") == "Port Vell", "the outlets' meeting: %s" % big[:1])
    others = sorted((v.get("event_type"), v.get("date"), v.get("reports"))
                    for v in meetings.values() if v not in big)
    check(others == [("call", "2024-03-08", "1"), ("meeting", "2024-03-20", "1")],
          "the others: %s" % others)


def graphml_nodes(data):
    """{node id: {column: text}} of a GraphML document, read by a real XML parser."""
    ns = "{http://graphml.graphdrawing.org/xmlns}"
    root = ET.fromstring(data)
    keys = {k.get("id"): k.get("attr.name") for k in root.iter(ns + "key")}
    return {n.get("id"): {keys.get(d.get("key")): d.text for d in n.findall(ns + "data")}
            for n in root.iter(ns + "node")}


def long_lexicon_phrase(c):
    """A lexicon phrase of 30,000 words (about 300 KB) loads in little memory, and what text
    can match is unchanged: its beginning, a title head of its own, still names one."""
    words = [invented_word(i, 7).lower() for i in range(int(30000 * max(c.scale, 0.2)))]
    head = "grand steward"
    c.write("long.json", json.dumps({"heads": [" ".join(words), head]}))
    c.write("plain.json", json.dumps({"heads": [head]}))
    c.write("a.txt", "date 2024-03-08 Talks in Castel Ruen\n\n"
            "Grand Steward Aro Venn received Trade Minister Ilse Rell in Castel Ruen on "
            "Thursday. %s %s met her too.\n" % (words[0].capitalize(), words[1]))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = c.run("extract", "--lexicon", "long.json", "a.txt", "-o", "long.jsonl", timeout=60)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    c.expect(r, 0, [])
    r = c.run("extract", "--lexicon", "plain.json", "a.txt", "-o", "plain.jsonl")
    c.expect(r, 0, [])
    check(c.read("long.jsonl") == c.read("plain.jsonl"),
          "a phrase no sentence can hold changed the events")
    (rec,) = records(c.read("long.jsonl"))
    check(any(e.get("titles") == ["Grand Steward"] for e in rec["entities"]),
          "the short head still names a title: %r" % rec["entities"])
    if not c.wrapper:  # a tool such as valgrind has a size of its own
        check(rss < 300 * 1024 or rss <= before,
              "loading the phrase took %d MB" % (rss // 1024))
    print("long_lexicon_phrase: %d words, max RSS %d MB" % (len(words), rss // 1024))


# What must never reach a terminal raw: C0 controls but tab and line feed, DEL, C1
# controls, bidirectional controls, line and paragraph separators.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e"
                    "\u2066-\u2069]")
ESC, CSI, RLO, LRI, PDI = "\x1b", "\u009b", "\u202e", "\u2066", "\u2069"
DOC = "feed" + ESC + "]0;owned" + "\x07" + RLO + "d1"
NAMES = ["Ana " + ESC + "[2J" + ESC + "[31mLind", "Jon " + RLO + "Berg", "Eva" + CSI + "31m Ek",
         LRI + "Ola Sum" + PDI, "Ivo\\Dal"]


def hostile_record():
    """One record: a meeting of the hostile names, their titles and the document id."""
    ents = [{"id": "person:p%d" % i, "type": "person", "name": n,
             "titles": ["Minister" + RLO + " of Trade", "Envoy" + ESC + "[5m"],
             "country": "EST"} for i, n in enumerate(NAMES)]
    ents += [{"id": "country:EST", "type": "country", "name": "Estonia"},
             {"id": "agreement:a", "type": "agreement", "name": "Accord " + RLO + "of Sarn",
              "kind": "accord"}]
    evs = [{"id": DOC + "#%d" % i, "type": "meeting", "status": "reported",
            "date": "2024-03-0%d" % i, "place": "Port" + ESC + "[1m Vell",
            "participants": [{"entity": "person:p0"}, {"entity": "person:p%d" % i}],
            "agreements": [{"entity": "agreement:a", "relation": "signed"}],
            "evidence": [{"start": 0, "end": 3, "text": "Met."}]}
           for i in range(1, len(NAMES))]
    return json.dumps({"doc": {"id": DOC, "path": DOC + ".txt", "date": "2024-03-09",
                               "title": "Talks" + RLO}, "entities": ents, "events": evs})


def safe(c, r, what):
    """Nothing unsafe on either stream of run `r`."""
    for name, data in (("stdout", r.out), ("stderr", r.err)):
        bad = UNSAFE.findall(data.decode("utf-8", "replace"))
        check(not bad, "%s: %r on %s:\n%s" % (what, bad[:5], name, r.describe()))


QUERIES = [("who-met", "person:p0"), ("meetings",), ("between", "person:p0", "person:p1"),
           ("path", "person:p1", "person:p2"), ("top",), ("agreements",),
           ("person", "person:p1"), ("stats",), ("who-met", "Nobody" + ESC + "[2J"),
           ("person", "Ana")]


def terminal_escapes(c):
    """Hostile names, titles and document ids: visible escapes on a terminal, in TSV and
    in diagnostics; JSON reads back the same; the HTML report isolates them."""
    c.write("events.jsonl", hostile_record() + "\n")
    for q in QUERIES:
        for fmt in ("--table", "--tsv"):
            r = c.run("query", fmt, "events.jsonl", *q)
            check(r.rc in (0, 1), r.describe())
            safe(c, r, "query %s %s" % (fmt, " ".join(q)))
    r = c.run("query", "--table", "events.jsonl", "meetings")
    out = r.out.decode()
    # (the graph's labels lose C0 controls, as every export does: "Ana [2J [31mLind")
    for shown in ("Jon \\u202eBerg", "Eva\\u009b31m Ek",
                  "\\u2066Ola Sum\\u2069", "Ivo\\\\Dal", "feed\\x1b]0;owned\\x07\\u202ed1",
                  "Port\\x1b[1m Vell"):
        check(shown in out, "%r is not shown as an escape:\n%s" % (shown, out))
    r = c.run("query", "--tsv", "events.jsonl", "person", "person:p1")
    check("Minister\\u202e of Trade" in r.out.decode(), "a title escaped:\n" + r.describe())
    # JSON: the same strings back, and nothing unsafe in the bytes written
    r = c.run("query", "--json", "events.jsonl", "meetings")
    safe(c, r, "query --json meetings")
    doc = json.loads(r.out)
    got = sorted(p["name"] for m in doc["meetings"] for p in m["participants"])
    check(set(got) == set(NAMES[1:] + ["Ana [2J [31mLind"]), "JSON names read back: %r" % got)
    check(doc["meetings"][0]["sources"] == [DOC], "JSON sources: %r" % doc["meetings"][0])
    # diagnostics name files as they are called, escaped
    bad = c.write("in/" + ESC + "]2;title" + "\x07" + RLO + ".txt", "no date line\n\nText.\n")
    r = c.run("extract", "in", "-o", "out.jsonl")
    check(r.rc == 1 and "in/\\x1b]2;title\\x07\\u202e.txt" in r.err.decode(), r.describe())
    safe(c, r, "extract of a hostile file name")
    # the report: HTML isolates names with an override; Markdown shows it escaped
    r = c.run("report", "events.jsonl", "-o", "report.html")
    c.expect(r, 0, [])
    isolated(c.read("report.html").decode())
    r = c.run("report", "--format", "markdown", "events.jsonl", "-o", "report.md")
    c.expect(r, 0, [])
    md = c.read("report.md").decode()
    check(RLO not in md and "\\u202e" in md, "Markdown shows the override escaped")


class _Bdi(HTMLParser):
    """Text of the page outside SVG pictures that holds a bidirectional control,
    and whether it stands inside <bdi>."""

    def __init__(self):
        super().__init__()
        self.depth = self.svg = 0
        self.loose = []

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "bdi"
        self.svg += tag == "svg"

    def handle_endtag(self, tag):
        self.depth -= tag == "bdi"
        self.svg -= tag == "svg"

    def handle_data(self, data):
        if re.search("[\u202a-\u202e\u2066-\u2069]", data) and not self.depth and \
                not self.svg and self.lasttag != "title":
            self.loose.append(data)


def isolated(html):
    p = _Bdi()
    p.feed(html)
    check(html.count(RLO) > 0, "the names are in the report")
    check(not p.loose, "an override outside <bdi>: %r" % p.loose[:3])
    check("<bdi>Jon " + RLO + "Berg</bdi>" in html, "the name alone is isolated")


CASES = {f.__name__: f for f in (many_officials, many_reports, long_lexicon_phrase,
                                 terminal_escapes)}
BIG = {"many_officials"}
