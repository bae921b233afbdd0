"""Bad input to the readers of evgraph's own formats: events (JSON Lines), lexicons, alias
files, the GraphML given to `query`; and hostile names in what the exporters write.

A bad line of events is skipped and the rest built (exit status 1). A bad lexicon or alias
file stops the command before anything is read (they change every result), with exit
status 1, and leaves an existing output as it was. A usage error is exit status 2.
"""
import csv
import json
import os
import random
import re
import xml.etree.ElementTree as ET

from harness import article, check

W = "evgraph: warning: "
OLD = b"the previous output\n"


def events(c, name="events.jsonl"):
    """Extract two small articles of invented officials into `name`; its lines."""
    c.write("a/one.txt", article("Interior ministers meet"))
    c.write("a/two.txt", article("Defence ministers meet", "2024-07-01", (
        "Minister of Defence of Latvia Ilze Ozola received Estonia's Minister of Defence "
        "Tarmo Saar in Riga on Monday.\n")))
    r = c.run("extract", "a", "-o", name)
    c.expect(r, 0, [])
    return c.read(name).decode().splitlines()


def graph_names(path):
    """The labels of the nodes of a GraphML file, parsed by a real XML parser."""
    root = ET.parse(path).getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    key = [k.get("id") for k in root.findall("g:key", ns) if k.get("attr.name") == "label"]
    return sorted(d.text for n in root.iter("{%s}node" % ns["g"])
                  for d in n.findall("g:data", ns) if d.get("key") in key)


def events_truncated(c):
    lines = events(c)
    c.write("cut.jsonl", lines[0] + "\n" + lines[1][:100])
    r = c.run("build", "cut.jsonl", "-o", "graph.graphml")
    c.expect(r, 1, ["evgraph: cut.jsonl:2:100: invalid JSON: premature end of input near "
                    "'\"entitie'"])
    names = graph_names(c.path("graph.graphml"))
    check("Kadri Lepik" in names and "Ilze Ozola" not in names, "line 1 built: %s" % names)


def events_wrong_types(c):
    lines = events(c)
    rec = json.loads(lines[1])
    bad = []
    for change in ({"doc": 5}, {"entities": {}}, {"events": "none"},
                   {"doc": dict(rec["doc"], date="2024-99-99")}):
        bad.append(json.dumps(dict(rec, **change)))
    c.write("bad.jsonl", "\n".join([lines[0]] + bad + ['"a string"', "[]"]) + "\n")
    r = c.run("build", "bad.jsonl", "-o", "graph.graphml")
    c.expect(r, 1, [
        "evgraph: bad.jsonl:2: doc: expected an object, not an integer",
        "evgraph: bad.jsonl:3: entities: expected an array, not an object",
        "evgraph: bad.jsonl:4: events: expected an array, not a string",
        "evgraph: bad.jsonl:5: doc.date: expected a date as YYYY-MM-DD or null, not "
        "'2024-99-99'",
        "evgraph: bad.jsonl:6:10: invalid JSON: '[' or '{' expected near '\"a string\"'",
        "evgraph: bad.jsonl:7: record: expected a JSON object, not an array"])
    check("Kadri Lepik" in graph_names(c.path("graph.graphml")), "line 1 built")


def events_deep_huge_utf8(c):
    lines = events(c)
    c.write("bad.jsonl", "\n".join([
        lines[0],
        '{"doc": ' + "[" * 50000 + "]" * 50000 + "}",
        lines[1][:-1] + ', "n": 1e99999}',
        lines[1].replace("Ilze Ozola", "Ilze Ozola\udcff", 1)]).encode(
            "utf-8", "surrogateescape") + b"\n")
    r = c.run("build", "bad.jsonl", "-o", "graph.graphml")
    err = r.err_lines
    check(r.rc == 1 and len(err) == 3, r.describe())
    for line, what in zip(err, ("2:", "3:", "4:")):
        check(line.startswith("evgraph: bad.jsonl:" + what), "names the line: " + line)
    check("maximum parsing depth" in err[0] and "real number overflow" in err[1] and
          "unable to decode byte 0xff" in err[2], r.describe())


def events_duplicates(c):
    """A document read twice is counted once; twice with different records, a warning."""
    lines = events(c)
    c.write("twice.jsonl", "\n".join(lines + lines) + "\n")
    r = c.run("build", "twice.jsonl", "-o", "twice.graphml")
    c.expect(r, 0, [])
    r = c.run("build", "events.jsonl", "-o", "once.graphml")
    check(c.read("twice.graphml") == c.read("once.graphml"), "a document read twice counts once")
    c.write("differ.jsonl", "\n".join(
        lines + [lines[0].replace("Kadri Lepik", "Kadri Lepikk")]) + "\n")
    r = c.run("build", "differ.jsonl", "-o", "differ.graphml")
    c.expect(r, 0, [W + "1 document id was read twice with different records; the record "
                    "whose JSON sorts first was used"])
    names = graph_names(c.path("differ.graphml"))
    check(("Kadri Lepik" in names) != ("Kadri Lepikk" in names), "one record used: %s" % names)


def events_bom_crlf_empty(c):
    lines = events(c)
    c.write("dos.jsonl", b"\xef\xbb\xbf" + "\r\n".join(lines).encode() + b"\r\n")
    c.write("empty.jsonl", "")
    r = c.run("build", "dos.jsonl", "-o", "dos.graphml")
    c.expect(r, 0, [])
    r = c.run("build", "events.jsonl", "-o", "plain.graphml")
    check(c.read("dos.graphml") == c.read("plain.graphml"), "BOM and CR LF read as plain")
    r = c.run("build", "empty.jsonl", "-o", "empty.graphml")
    c.expect(r, 0, [])
    check(graph_names(c.path("empty.graphml")) == [], "no events, an empty graph")


def events_binary(c):
    lines = events(c)
    rnd = random.Random(7)
    c.write("junk.jsonl", bytes(rnd.randrange(256) for _ in range(8192)))
    r = c.run("build", "junk.jsonl", "events.jsonl", "-o", "graph.graphml")
    check(r.rc == 1 and r.err_lines and
          all(l.startswith("evgraph: junk.jsonl:") for l in r.err_lines), r.describe())
    check(len(graph_names(c.path("graph.graphml"))) > 4, "events.jsonl still built")
    check(len(lines) == 2, "two records")


def keeps_old(c, name):
    check(c.read(name) == OLD, "%s left as it was" % name)


def refuses_config(c, cases, out, command):
    """Each (name, text, message) of `cases`: the file NAME holding TEXT given to
    command(NAME) + ("-o", out) stops the run with exit 1 and the message, before
    any input is read: `out`, written before, keeps its old bytes, no temporary
    file is left."""
    for name, text, message in cases:
        c.write(name, text)
        c.write(out, OLD)
        r = c.run(*command(name), "-o", out)
        c.expect(r, 1, [message])
        keeps_old(c, out)
        c.no_temporaries()


def lexicon_bad(c):
    c.write("a.txt", article())
    cases = [
        ("cut.json", '{"abbreviations": ["Amb.",\n  "Gen.", ',
         "evgraph: cut.json:2:10: invalid JSON: ']' expected near end of file"),
        ("types.json", '{"countries": {"code": 5}}',
         "evgraph: types.json: 'countries' must be an array of objects"),
        ("latin1.json", b'{"not_names": ["Caf\xe9"]}',
         "evgraph: latin1.json:1:19: invalid JSON: unable to decode byte 0xe9 near '\"Caf'"),
        ("empty.json", "",
         "evgraph: empty.json:1: invalid JSON: '[' or '{' expected near end of file"),
        ("array.json", "[]", "evgraph: array.json: a lexicon file must hold a JSON object"),
        ("param.json", '{"params": {"subject_window": 6}}',
         "evgraph: param.json: params: unknown parameter 'subject_window' (see docs/lexicon.md)"),
        ("negative.json", '{"params": {"object_max_skip": {"value": -4}}}',
         "evgraph: negative.json: params: 'object_max_skip' must be a whole number from 0 "
         "to 100000"),
        ("huge.json", '{"params": {"object_max_skip": 1000000000}}',
         "evgraph: huge.json: params: 'object_max_skip' must be a whole number from 0 to "
         "100000"),
        ("nowords.json", '{"be_forms": {"doc": "Forms of to be.", "examples": ["was met"]}}',
         "evgraph: nowords.json: be_forms: a section object needs \"words\""),
        ("phrase.json", '{"speech_verbs": ["said that"]}',
         "evgraph: phrase.json: speech_verbs: 'said that' is more than one word (the class "
         "holds single words)"),
        ("flagkey.json",
         '{"triggers": [{"frame": "join", "type": "meeting", "words": ["sat in on"], '
         '"people_afterwards": true}]}',
         "evgraph: flagkey.json: triggers: unknown key 'people_afterwards' (a trigger holds "
         "frame, type, words, after_light_verb, appeal_unless_purpose, joins_only, "
         "people_after)"),
        ("flagvalue.json",
         '{"triggers": [{"frame": "join", "type": "meeting", "words": ["sat in on"], '
         '"joins_only": "yes"}]}',
         "evgraph: flagvalue.json: triggers: 'joins_only' must be true or false"),
    ]
    refuses_config(c, cases, "out.jsonl", lambda name: ("extract", "-l", name, "a.txt"))


def aliases_bad(c):
    lines = events(c)
    check(len(lines) == 2, "two records")
    cases = [
        ("cut.json", '{"Kadri Lepik": ["K. Lepik",\n',
         "evgraph: cut.json:2: invalid JSON: ']' expected near end of file"),
        ("types.json", '{\n  "Kadri Lepik": ["K. Lepik"],\n  "Tarmo Saar": "T. Saar"\n}\n',
         "evgraph: types.json:3: 'Tarmo Saar': expected an array of variant names"),
        ("conflict.json", '{"Kadri Lepik": ["Lepik"],\n "Kadri Lepp": ["Lepik"]}',
         "evgraph: conflict.json:1: 'Lepik' names both 'Kadri Lepik' and 'Kadri Lepp'"),
        ("dupkey.json", '{"A B": [], "A B": []}',
         "evgraph: dupkey.json:1:17: invalid JSON: duplicate object key near '\"A B\"'"),
    ]
    refuses_config(c, cases, "graph.graphml",
                   lambda name: ("build", "--alias", name, "events.jsonl"))


def graphml_bad(c):
    events(c)
    r = c.run("build", "events.jsonl", "-o", "graph.graphml")
    r = c.run("build", "events.jsonl", "--view", "people", "-o", "people.graphml")
    good = c.read("graph.graphml")
    cut = len(good) // 2
    while good[cut - 1:cut] == b"\n":  # cut inside a line: the error names that line
        cut += 1
    c.write("cut.graphml", good[:cut])
    c.write("empty.graphml", "")
    c.write("junk.graphml", bytes(random.Random(3).randrange(256) for _ in range(4096)))
    c.write("foreign.graphml", '<?xml version="1.0"?>\n<graphml><graph edgedefault='
            '"undirected"><node id="n0"/></graph></graphml>\n')
    expect = {
        "cut.graphml": "evgraph: cut.graphml:%d: not a GraphML file: " % (
            good[:cut].count(b"\n") + 1),
        "empty.graphml": "evgraph: empty.graphml:1: not a GraphML file: ",
        "junk.graphml": "evgraph: junk.graphml:1: not a GraphML file: ",
        "foreign.graphml": "evgraph: foreign.graphml: no view named (not a graph evgraph "
                           "wrote?)",
        "people.graphml": "evgraph: people.graphml: a graph of the people view; queries need "
                          "the full graph",
    }
    for name, start in expect.items():
        r = c.run("query", name, "stats", timeout=60)
        check(r.rc == 1 and len(r.err_lines) == 1 and r.err_lines[0].startswith(start) and
              r.out == b"", "%s: expected %r\n%s" % (name, start, r.describe()))
    r = c.run("query", "graph.graphml", "who-met", "Kadri Lepik")
    check(r.rc == 0 and b"Antti Rautio" in r.out, "the good graph answers:\n" + r.describe())


HOSTILE = ["Ana <b>Lind</b> & Co", "=HYPERLINK(\"http://x\")", "+Jon \"Berg\"", "-Eva 'Ek'",
           "@Ola Sum", "Tab\tBell\u0007Esc\u001b Nils"]


def hostile_events():
    ents = [{"id": "person:p%d" % i, "type": "person", "name": n, "titles": ["=Minister"],
             "country": "EST"} for i, n in enumerate(HOSTILE)]
    ents.append({"id": "country:EST", "type": "country", "name": "Estonia"})
    evs = [{"id": "d1#%d" % i, "type": "meeting", "status": "reported", "date": "2024-03-04",
            "place": "<Oslo>", "participants": [{"entity": "person:p0"},
                                                {"entity": "person:p%d" % i}],
            "evidence": [{"start": 0, "end": 3, "text": "<script>alert(1)</script>"}]}
           for i in range(1, len(HOSTILE))]
    return json.dumps({"doc": {"id": "d1", "path": "d1.txt", "date": "2024-03-04",
                               "title": "<i>Talks</i> & more"},
                       "entities": ents, "events": evs}) + "\n"


def export_escaping(c):
    """Names made of markup, quotes, control characters and spreadsheet formulas: every
    format parses, the names read back (control characters dropped), no CSV cell starts a
    formula."""
    c.write("events.jsonl", hostile_events())
    clean = sorted(" ".join(re.sub("[\x00-\x1f]", " ", n).split()) for n in HOSTILE)
    for fmt in ("graphml", "gexf", "json", "csv"):
        r = c.run("build", "events.jsonl", "--view", "people", "-o", "people." + fmt)
        c.expect(r, 0, [])
    got = graph_names(c.path("people.graphml"))
    check(got == clean, "GraphML names: %r" % got)
    ET.parse(c.path("people.gexf"))
    nodes = json.loads(c.read("people.json"))["nodes"]
    check(sorted(n["label"] for n in nodes) == clean,
          "JSON names: %r" % [n["label"] for n in nodes])
    with open(c.path("people.nodes.csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    cells = [cell for row in rows[1:] for cell in row]
    check(not any(cell[:1] in ("=", "+", "-", "@") and not _number(cell) for cell in cells),
          "a CSV cell starts a formula: %r" % cells)
    check("'=HYPERLINK(\"http://x\")" in cells, "the formula name is kept, quoted")
    check(all("\u0007" not in cell and "\u001b" not in cell for cell in cells),
          "control characters in CSV")


def _number(cell):
    try:
        float(cell)
        return True
    except ValueError:
        return False


def usage_errors(c):
    c.write("a.txt", article())
    c.write("out.jsonl", OLD)
    for args in (("extract", "--no-such-option", "a.txt", "-o", "out.jsonl"),
                 ("extract", "-o", "out.jsonl"),
                 ("build", "--view", "sideways", "a.txt", "-o", "out.jsonl"),
                 ("frobnicate",)):
        r = c.run(*args)
        check(r.rc == 2 and r.err_lines and r.err_lines[0].startswith("evgraph: "),
              r.describe())
        keeps_old(c, "out.jsonl")
    # An output named for no format ("x.xlsx") is refused, nothing written; no
    # extension, or a device, is GraphML.
    c.write("events.jsonl", "")
    r = c.run("build", "events.jsonl", "-o", "graph.xlsx")
    check(r.rc == 2 and r.err_lines[:1] == [
        "evgraph: no format is written as '.xlsx' (.graphml, .gexf, .json, .csv or .tsv; or "
        "choose one with --format)"] and not os.path.exists(c.path("graph.xlsx")),
        r.describe())
    for name in ("graph", "/dev/null"):
        r = c.run("build", "events.jsonl", "-o", name)
        check(r.rc == 0, r.describe())
    check(c.read("graph").startswith(b"<?xml") and b"<graphml" in c.read("graph"),
          "no extension: GraphML")
    # --measures: the word at fault is named, with every valid name; nothing is written.
    valid = ("degree, strength, betweenness, closeness, eigenvector or pagerank, "
             "separated by commas; or all, or none")
    for cmd, value, says in (
            ("build", "pagerank,closenes", "unknown measure 'closenes'"),
            ("build", "PageRank", "unknown measure 'PageRank'"),
            ("build", "degree,,pagerank", "an empty name in 'degree,,pagerank'"),
            ("build", "", "an empty name in ''"),
            ("build", "none,degree", "none cannot be listed with other names"),
            ("run", "eigen", "unknown measure 'eigen'")):
        target = "out.jsonl" if cmd == "build" else "outdir"
        r = c.run(cmd, "--measures", value, "a.txt", "-o", target)
        first = r.err_lines[0] if r.err_lines else ""
        check(r.rc == 2 and first.startswith(f"evgraph: --measures: {says}")
              and first.endswith(f"(expected {valid})"), r.describe())
        keeps_old(c, "out.jsonl")
        check(not os.path.isdir(c.path("outdir")), "run made its folder on a usage error")
    for cmd in ("build", "run"):
        r = c.run(cmd, "-j", "many", "a.txt", "-o", "out.jsonl")
        check(r.rc == 2 and r.err_lines == [
            "evgraph: --jobs: expected a number of threads",
            f"usage: evgraph {cmd} [options] -o {'FILE EVENTS.jsonl' if cmd == 'build' else 'DIR INPUT'}...",
            f"Run 'evgraph {cmd} --help' for more information."], r.describe())
        keeps_old(c, "out.jsonl")


def error_cap(c):
    """A file of 1,622 bad lines is reported in 21 lines: the first 20 errors, then how
    many more; each file is counted apart; the good lines are built all the same. The
    warnings of a file (invalid UTF-8 in articles as JSON Lines) likewise."""
    lines = events(c)
    c.write("bad.jsonl", '{"doc": 5}\n' * 1622 + "\n".join(lines) + "\n")
    c.write("worse.jsonl", "[]\n" * 25)
    c.write("few.jsonl", "[]\n" * 3)
    r = c.run("build", "bad.jsonl", "worse.jsonl", "few.jsonl", "-o", "graph.graphml")
    more = "(the first 20 of each file are shown)"
    c.expect(r, 1, ["evgraph: bad.jsonl:%d: doc: expected an object, not an integer" % i
                    for i in range(1, 21)] +
             ["evgraph: bad.jsonl: ... and 1602 more errors " + more] +
             ["evgraph: worse.jsonl:%d: record: expected a JSON object, not an array" % i
              for i in range(1, 21)] +
             ["evgraph: worse.jsonl: ... and 5 more errors " + more] +
             ["evgraph: few.jsonl:%d: record: expected a JSON object, not an array" % i
              for i in range(1, 4)])
    check("Ilze Ozola" in graph_names(c.path("graph.graphml")), "the good lines built")
    # One more than the cap: "1 more error".
    c.write("21.jsonl", "[]\n" * 21)
    r = c.run("build", "21.jsonl", "events.jsonl", "-o", "graph.graphml")
    check(r.rc == 1 and len(r.err_lines) == 21 and
          r.err_lines[-1] == "evgraph: 21.jsonl: ... and 1 more error " + more, r.describe())
    # Warnings: 25 articles with a byte that is not UTF-8, and one bad line.
    art = json.dumps({"id": "x", "date": "2024-06-04", "title": "Talks",
                      "text": "Kadri Lepik met Antti Rautio in Tallinn on Tuesday. BAD"})
    rows = [art.replace('"x"', '"a%d"' % i).encode().replace(b"BAD", b"\xff")
            for i in range(25)]
    c.write("arts.jsonl", b"\n".join(rows + [b"{"]) + b"\n")
    r = c.run("extract", "arts.jsonl", "-o", "out.jsonl")
    # 20 warnings, the error of line 26, then the sum of the file's warnings not shown.
    check(r.rc == 1 and len(r.err_lines) == 22 and
          all(l.startswith(W + "arts.jsonl:%d: invalid UTF-8" % (i + 1))
              for i, l in enumerate(r.err_lines[:20])) and
          r.err_lines[20].startswith("evgraph: arts.jsonl:26: invalid JSON") and
          r.err_lines[21] == W + "arts.jsonl: ... and 5 more warnings " + more, r.describe())


def bom_everywhere(c):
    """A UTF-8 byte order mark in front of an alias file, a lexicon or a gazetteer of
    officials is read as if it were not there, as it is in articles and events."""
    BOM = b"\xef\xbb\xbf"
    events(c)
    aliases = '{"Kadri Lepik": ["K. Lepik", "Lepik"]}\n'
    c.write("aliases.json", aliases)
    c.write("bom-aliases.json", BOM + aliases.encode())
    for name in ("aliases.json", "bom-aliases.json"):
        r = c.run("build", "--alias", name, "events.jsonl", "-o", name + ".graphml")
        c.expect(r, 0, [])
    check(c.read("aliases.json.graphml") == c.read("bom-aliases.json.graphml"),
          "the same graph with the mark")
    # A verb of meeting that only the lexicon knows, with someone only the gazetteer
    # knows: a meeting comes out only when both were read.
    c.write("a.txt", article(body="Minister of the Interior of Estonia Kadri Lepik "
                             "parleyed with Antti Rautio in Tallinn on Tuesday.\n"))
    lexicon = '{"triggers": [{"frame": "mutual", "type": "meeting", "words": ["parleyed"]}]}'
    c.write("lexicon.json", lexicon)
    c.write("bom-lexicon.json", BOM + lexicon.encode())
    officials = ("name\tcountry\toffice\tstart\tend\tsrc\tkey\taliases\n"
                 "Antti Rautio\tFIN\tINTERIOR\t2023-01-01\t2025-12-31\tpress\tp:rautio\t\n")
    c.write("officials.tsv", officials)
    c.write("bom-officials.tsv", BOM + officials.encode())
    outs = []
    for prefix in ("", "bom-"):
        r = c.run("extract", "-l", prefix + "lexicon.json", "--officials",
                  prefix + "officials.tsv", "a.txt", "-o", prefix + "out.jsonl")
        c.expect(r, 0, [])
        outs.append(c.read(prefix + "out.jsonl"))
    check(outs[0] == outs[1], "the same events with the mark")
    check(b'"type":"meeting"' in outs[0], "the lexicon and the gazetteer were used: %r" %
          outs[0])


CASES = {f.__name__: f for f in (error_cap, bom_everywhere, 
    events_truncated, events_wrong_types, events_deep_huge_utf8, events_duplicates,
    events_bom_crlf_empty, events_binary, lexicon_bad, aliases_bad, graphml_bad,
    export_escaping, usage_errors)}
BIG = set()
