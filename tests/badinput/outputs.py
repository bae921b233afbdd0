"""What evgraph writes: nothing lost, nothing written where it must not be.

Each case checks one way an output could lose data with exit 0: documents of the same file
name in two folders, a date no record can hold.
"""
import json
import re

from harness import article, check, doc_ids, records

# Invented officials of invented countries, one meeting per article.
MEETINGS = [
    ("Ardanian and Belmontese foreign ministers meet",
     "Minister of Foreign Affairs of Ardania Lena Varo received Belmont's Minister of "
     "Foreign Affairs Piet Sandor in Valmora on Tuesday. The ministers discussed a "
     "memorandum on river transport.\n"),
    ("Corvian and Ardanian defence ministers meet",
     "Minister of Defence of Corvia Ilan Moret received Ardania's Minister of Defence "
     "Tomas Keller in Port Vell on Wednesday. The ministers discussed the exercises of "
     "the coast guard.\n"),
    ("Belmontese and Corvian trade ministers meet",
     "Minister of Trade of Belmont Ada Rusk met Corvia's Minister of Trade Jon Halder in "
     "Belmont City on Thursday. The ministers discussed tariffs on grain.\n"),
]


def meeting(i, date="2024-06-04"):
    headline, body = MEETINGS[i % len(MEETINGS)]
    return article(headline, date=date, body=body)


def meetings_in(c, events, name):
    """The meeting nodes of the graph built from `events` (a JSON node-link graph)."""
    r = c.run("build", events, "-f", "json", "-o", name)
    check(r.rc == 0 and not r.err_lines, "build %s: %s" % (events, r.describe()))
    with open(c.path(name)) as f:
        graph = json.load(f)
    return sorted(n["id"] for n in graph["nodes"] if n.get("type") == "meeting")


def same_name_folders(c):
    """Two articles of one file name in two folders are two documents, however the
    folders are given; the same file read twice stays one document."""
    c.write("corpus/feedA/article.txt", meeting(0))
    c.write("corpus/feedB/article.txt", meeting(1))
    runs = {
        "walk.jsonl": (["corpus"], ["feedA/article", "feedB/article"]),
        "folders.jsonl": (["corpus/feedA", "corpus/feedB"],
                          ["corpus/feedA/article", "corpus/feedB/article"]),
        "files.jsonl": (["corpus/feedA/article.txt", "./corpus/feedB/article.txt"],
                        ["corpus/feedA/article", "corpus/feedB/article"]),
    }
    for out, (inputs, ids) in sorted(runs.items()):
        r = c.run("extract", *inputs, "-o", out)
        c.expect(r, 0, [])
        check(doc_ids(c.read(out)) == ids, "%s: ids %s" % (inputs, doc_ids(c.read(out))))
        # No record is dropped as a duplicate: no warning, both meetings in the graph.
        check(len(meetings_in(c, out, out + ".json")) == 2, "%s: two meetings" % inputs)
    # A record read twice (the same id, the same path) counts once, without a warning.
    r = c.run("extract", "corpus/feedA/article.txt", "corpus/feedA/article.txt", "-o",
              "twice.jsonl")
    c.expect(r, 0, [])
    check(doc_ids(c.read("twice.jsonl")) == ["article", "article"], "one id, twice")
    check(len(meetings_in(c, "twice.jsonl", "twice.json")) == 1, "one meeting")
    # Records without an id in two JSON Lines files of one name stay apart too.
    line = json.dumps({"date": "2024-06-04", "text": MEETINGS[2][1]}) + "\n"
    c.write("feeds/x/news.jsonl", line)
    c.write("feeds/y/news.jsonl", line.replace("Ada Rusk", "Ada Rusk-Moll"))
    r = c.run("extract", "feeds", "-o", "lines.jsonl")
    c.expect(r, 0, [])
    check(doc_ids(c.read("lines.jsonl")) == ["x/news-line-1", "y/news-line-1"],
          "record ids: %s" % doc_ids(c.read("lines.jsonl")))


DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def date_past_9999(c):
    """An event after 9999-12-31 ("tomorrow" on the last day) gets no date: every record
    extract writes, build reads back."""
    body = ("Minister of Foreign Affairs of Ardania Lena Varo received Belmont's Minister "
            "of Foreign Affairs Piet Sandor in Valmora today. Minister of Defence of Corvia "
            "Ilan Moret will meet Ardania's Minister of Defence Tomas Keller in Port Vell "
            "tomorrow.\n")
    c.write("last.txt", article("Ministers meet", date="9999-12-31", body=body))
    c.write("monday.txt", article("Ministers to meet", date="9999-12-31", body=(
        "Minister of Trade of Belmont Ada Rusk will visit Corvia on Monday for talks with "
        "Corvia's Minister of Trade Jon Halder.\n")))
    c.write("first.txt", article("Ministers met", date="0001-01-01", body=(
        "Minister of Trade of Belmont Ada Rusk met Corvia's Minister of Trade Jon Halder "
        "yesterday.\n")))
    r = c.run("extract", "last.txt", "monday.txt", "first.txt", "-o", "events.jsonl")
    c.expect(r, 0, [])
    recs = records(c.read("events.jsonl"))
    dates = [e["date"] for rec in recs for e in rec["events"]]
    check(len(recs) == 3 and len(dates) >= 4, "three records: %s" % dates)
    check(all(d is None or (DATE.match(d) and "0001-01-01" <= d <= "9999-12-31")
              for d in dates), "dates a reader accepts: %s" % dates)
    check("9999-12-31" in dates and None in dates, "today dated, tomorrow not: %s" % dates)
    # build reads every record back: no line refused, every document in the graph.
    r = c.run("build", "events.jsonl", "-o", "graph.graphml")
    c.expect(r, 0, [])
    r = c.run("query", "events.jsonl", "stats", "--json")
    check(r.rc == 0 and not r.err_lines, r.describe())
    check(json.loads(r.out)["stats"]["documents"] == 3, "three documents read back: %s" %
          r.out.decode())


CASES = {f.__name__: f for f in (
    same_name_folders, date_past_9999)}
