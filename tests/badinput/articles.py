"""Bad input to the article readers: article files, folders, JSON Lines of articles.

Each case runs `evgraph extract` on a batch where one input is bad and the others good,
and checks the exact messages (file and line), that the good ones were still extracted,
and the exit status: 1 when an input failed, 0 when there were only warnings.
"""
import json
import os
import random
import resource
import subprocess
import threading
import time

from harness import ARTICLE, Failure, article, check, doc_ids, records

GOOD = article("Interior ministers meet")
W = "evgraph: warning: "


def names(rec):
    return sorted(e["name"] for e in rec["entities"] if e["type"] == "person")


def invalid_utf8(c):
    c.write("good.txt", GOOD)
    c.write("latin1.txt", b"date 2024-06-04 Caf\xe9 talks\n\nMinister of the Interior of "
            b"Estonia Kadri Lepik received Finland's Minister of the Interior Antti Rautio "
            b"in Tallinn on Tuesday.\nThe m\xeal\xe9e \xff ended.\n")
    r = c.run("extract", "good.txt", "latin1.txt", "-o", "out.jsonl")
    # One warning per file: the first line with invalid bytes, and how many in all.
    c.expect(r, 0, [W + "latin1.txt:1: invalid UTF-8 replaced by U+FFFD (4 bytes)"])
    recs = records(c.read("out.jsonl"))
    check([x["doc"]["id"] for x in recs] == ["good", "latin1"], "both articles extracted")
    check(recs[1]["doc"]["title"] == "Caf\ufffd talks", "the title keeps U+FFFD in place")
    check(names(recs[1]) == ["Antti Rautio", "Kadri Lepik"], "the repaired body is read")


def nul_bytes(c):
    c.write("nul.txt", b"date 2024-06-04 Talks\n\nMinister of the Interior of Estonia Kadri "
            b"Lepik received\0 Finland's Minister of the Interior Antti Rautio in Tallinn.\n")
    r = c.run("extract", "nul.txt", "-o", "out.jsonl")
    c.expect(r, 0, [W + "nul.txt:3: invalid UTF-8 replaced by U+FFFD (1 byte)"])
    check(names(records(c.read("out.jsonl"))[0]) == ["Antti Rautio", "Kadri Lepik"],
          "the text after the NUL byte is read")


def binary_file(c):
    rnd = random.Random(8)
    c.write("a.txt", GOOD)
    c.write("junk.txt", bytes(rnd.randrange(256) for _ in range(64 * 1024)))
    c.write("z.txt", GOOD)
    r = c.run("extract", ".", "-o", "out.jsonl")
    c.expect(r, 1, ["evgraph: ./junk.txt:1:1: expected a first line 'date YYYY-MM-DD "
                    "headline'"])
    check(doc_ids(c.read("out.jsonl")) == ["a", "z"], "the articles around the junk are read")


def empty_file(c):
    c.write("a.txt", GOOD)
    c.write("empty.txt", "")
    c.write("blank.txt", "\n\n  \n")
    r = c.run("extract", "a.txt", "empty.txt", "blank.txt", "-o", "out.jsonl")
    c.expect(r, 1, ["evgraph: empty.txt:1: empty article",
                    "evgraph: blank.txt:1: empty article"])
    check(doc_ids(c.read("out.jsonl")) == ["a"], "the good article is read")


def no_date_line(c):
    c.write("a.txt", "Interior ministers meet\n\n" + ARTICLE.split("\n\n", 1)[1])
    c.write("b.txt", "Date: 2024-06-04 Interior ministers meet\n\nBody.\n")
    c.write("c.txt", GOOD)
    # Blank lines before the date line, and a date line without a headline, are accepted.
    c.write("d.txt", "\n\ndate 2024-06-04\n\nBody.\n")
    r = c.run("extract", "a.txt", "b.txt", "c.txt", "d.txt", "-o", "out.jsonl")
    c.expect(r, 1, ["evgraph: a.txt:1:1: expected a first line 'date YYYY-MM-DD headline'",
                    "evgraph: b.txt:1:1: expected a first line 'date YYYY-MM-DD headline'"])
    check(doc_ids(c.read("out.jsonl")) == ["c", "d"], "the good articles are read")


def malformed_date(c):
    for name, date in (("short", "2024-6-4"), ("words", "June 4, 2024"),
                       ("month13", "2024-13-01"), ("year0", "0000-01-01")):
        c.write(name + ".txt", article(date=date))
    c.write("ok.txt", GOOD)
    r = c.run("extract", "short.txt", "words.txt", "month13.txt", "year0.txt", "ok.txt")
    err = r.err_lines
    check(r.rc == 1 and len(err) == 4, r.describe())
    for line, name in zip(err, ("short", "words", "month13", "year0")):
        check(line.startswith("evgraph: %s.txt:1:" % name) and "date" in line,
              "%s: names the file, line and the date: %s" % (name, line))
    check(doc_ids(r.out) == ["ok"], "the good article is read")


def impossible_date(c):
    c.write("feb30.txt", article(date="2023-02-30"))
    c.write("feb29.txt", article(date="2023-02-29"))
    c.write("leap.txt", article(date="2024-02-29"))
    r = c.run("extract", "feb30.txt", "feb29.txt", "leap.txt", "-o", "out.jsonl")
    c.expect(r, 1, [
        "evgraph: feb30.txt:1:6: invalid date '2023-02-30': expected a real date as YYYY-MM-DD",
        "evgraph: feb29.txt:1:6: invalid date '2023-02-29': expected a real date as YYYY-MM-DD"])
    recs = records(c.read("out.jsonl"))
    check([x["doc"]["date"] for x in recs] == ["2024-02-29"], "a leap day is a real date")


def crlf_bom(c):
    c.write("plain.txt", GOOD)
    c.write("dos.txt", b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    c.write("mac.txt", GOOD.replace("\n", "\r"))
    r = c.run("extract", "plain.txt", "dos.txt", "mac.txt", "-o", "out.jsonl")
    c.expect(r, 0, [])
    recs = records(c.read("out.jsonl"))
    for x in recs:
        del x["doc"]["id"], x["doc"]["path"]
        for e in x["events"]:
            e["id"] = e["id"].split("#")[1]
    check(recs[0] == recs[1] == recs[2], "BOM + CR LF and lone CR read as LF:\n%s" % recs)


def missing_file(c):
    c.write("a.txt", GOOD)
    r = c.run("extract", "gone.txt", "a.txt", "-o", "out.jsonl")
    c.expect(r, 1, ["evgraph: gone.txt: cannot read: No such file or directory"])
    check(doc_ids(c.read("out.jsonl")) == ["a"], "the good article is read")


def unreadable_files(c):
    c.write("d/a.txt", GOOD)
    c.write("d/secret.txt", GOOD)
    os.makedirs(c.path("d/closed"))
    c.write("d/closed/inner.txt", GOOD)
    os.chmod(c.path("d/secret.txt"), 0)
    os.chmod(c.path("d/closed"), 0)
    try:
        if os.access(c.path("d/secret.txt"), os.R_OK):
            return "running as a user whom mode 000 does not stop (root): nothing to test"
        r = c.run("extract", "d", "-o", "out.jsonl")
    finally:
        os.chmod(c.path("d/closed"), 0o755)
        os.chmod(c.path("d/secret.txt"), 0o644)
    c.expect_set(r, 1, ["evgraph: d/secret.txt: cannot open: Permission denied",
                        "evgraph: d/closed: cannot open directory: Permission denied"])
    check(doc_ids(c.read("out.jsonl")) == ["a"], "the readable article is read")


def symlink_loops(c):
    c.write("d/a.txt", GOOD)
    c.write("d/sub/b.txt", article("Second meeting"))
    os.symlink("loop2.txt", c.path("d/loop1.txt"))
    os.symlink("loop1.txt", c.path("d/loop2.txt"))
    os.symlink("..", c.path("d/sub/up"))
    os.symlink("nowhere.txt", c.path("d/dangling.txt"))
    os.mkfifo(c.path("d/fifo.txt"))  # never opened: reading it would block
    r = c.run("extract", "d", "-o", "out.jsonl", timeout=60)
    c.expect_set(r, 1, [
        "evgraph: d/loop1.txt: cannot read: Too many levels of symbolic links",
        "evgraph: d/loop2.txt: cannot read: Too many levels of symbolic links",
        "evgraph: d/sub/up: symbolic link loop; skipped",
        "evgraph: d/dangling.txt: cannot read: No such file or directory"])
    check(doc_ids(c.read("out.jsonl")) == ["a", "sub/b"], "each article read once")


def huge_line(c):
    """One article whose body is a single line of 100 MB (times the scale)."""
    sentence = ("Minister of the Interior of Estonia Kadri Lepik received Finland's Minister "
                "of the Interior Antti Rautio in Tallinn on Tuesday. The talks covered the "
                "budget of the border guard, the roads of the northern districts and more. ")
    size = int(100e6 * c.scale)
    with open(c.path("huge.txt"), "w") as f:
        f.write("date 2024-06-04 A very long article\n\n")
        f.write(sentence * (size // len(sentence)))
        f.write("\n")
    c.write("small.txt", GOOD)
    r = c.run("extract", "huge.txt", "small.txt", "-o", "out.jsonl", timeout=600)
    c.expect(r, 0, [])
    recs = records(c.read("out.jsonl"))
    check([x["doc"]["id"] for x in recs] == ["huge", "small"], "both articles extracted")
    check(names(recs[0]) == ["Antti Rautio", "Kadri Lepik"], "the huge body is read")
    print("huge_line: %.0f MB in %.1f s" % (size / 1e6, r.seconds))


def corpus_stream(c):
    """1 GB (times the scale) of JSON Lines articles through standard input, never on disk:
    every article is extracted and the memory used stays flat."""
    body = ("Minister of the Interior of Estonia Kadri Lepik received Finland's Minister of the "
            "Interior Antti Rautio in Tallinn on Tuesday. " * 4 +
            "The ministers discussed the budget of the border guard for the coming year. " * 20)
    template = json.dumps({"id": "n%08d", "date": "2024-06-04", "title": "Talks",
                           "text": body}) + "\n"
    total = int(1e9 * c.scale)
    count = total // len(template)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    p = subprocess.Popen(c.command("extract", "-"), cwd=c.dir, stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = {"n": 0, "last": None, "bad": 0, "err": b""}

    def feed():
        batch = 256
        try:
            for i in range(0, count, batch):
                p.stdin.write("".join(template % k
                                      for k in range(i, min(i + batch, count))).encode())
            p.stdin.close()
        except BrokenPipeError:
            pass

    def drain_err():
        out["err"] = p.stderr.read()

    start = time.monotonic()
    threads = [threading.Thread(target=feed), threading.Thread(target=drain_err)]
    for t in threads:
        t.start()
    for line in p.stdout:
        rec = json.loads(line)
        out["n"] += 1
        out["last"] = rec["doc"]["id"]
        if len(rec["entities"]) < 2:
            out["bad"] += 1
    for t in threads:
        t.join()
    rc = p.wait(timeout=60)
    seconds = time.monotonic() - start
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    check(rc == 0 and out["err"] == b"", "exit %d, stderr %r" % (rc, out["err"][:500]))
    check(out["n"] == count and out["last"] == "n%08d" % (count - 1),
          "%d of %d articles, last %s" % (out["n"], count, out["last"]))
    check(out["bad"] == 0, "%d articles lost their officials" % out["bad"])
    check(rss < 400 * 1024 or rss <= before, "memory grew with the input: %d kB" % rss)
    print("corpus_stream: %.0f MB, %d articles in %.1f s, max RSS %d MB" % (
        count * len(template) / 1e6, count, seconds, rss // 1024))


JSONL_GOOD = json.dumps({"id": "good", "date": "2024-06-04", "title": "Ministers meet",
                         "text": ARTICLE.split("\n\n", 1)[1]})


def jsonl(c, name, lines):
    return c.write(name, "\n".join([JSONL_GOOD] + lines) + "\n")


def jsonl_truncated(c):
    c.write("news.jsonl", (JSONL_GOOD + "\n" + JSONL_GOOD.replace("good", "second") + "\n" +
                           JSONL_GOOD.replace("good", "cut")[:70]))
    r = c.run("extract", "news.jsonl", "-o", "out.jsonl")
    c.expect(r, 1, ["evgraph: news.jsonl:3:70: invalid JSON: unexpected token near end of "
                    "file"])
    check(doc_ids(c.read("out.jsonl")) == ["good", "second"], "the whole lines are read")


def jsonl_wrong_types(c):
    jsonl(c, "news.jsonl", [
        '{"id": 5, "date": "2024-06-04", "text": "x"}',
        '{"id": "b", "date": 20240604, "text": "x"}',
        '{"id": "c", "date": "2024-06-04", "text": ["x"]}',
        '["id", "d"]',
        '"just a string"',
        '{"id": "e", "date": "2024-06-04", "title": null, "text": "Fine."}'])
    r = c.run("extract", "news.jsonl", "-o", "out.jsonl")
    c.expect(r, 1, ["evgraph: news.jsonl:2: id: expected a string",
                    "evgraph: news.jsonl:3: date: expected a string",
                    "evgraph: news.jsonl:4: text: expected a string",
                    "evgraph: news.jsonl:5: expected a JSON object",
                    "evgraph: news.jsonl:6:15: invalid JSON: '[' or '{' expected near "
                    "'\"just a string\"'"])
    check(doc_ids(c.read("out.jsonl")) == ["good", "e"], "the good lines are read")


def jsonl_huge_numbers(c):
    jsonl(c, "news.jsonl", [
        '{"id": "a", "date": "2024-06-04", "text": "x", "words": 1e999999}',
        '{"id": "b", "date": "2024-06-04", "text": "x", "words": 123456789012345678901234567890}',
        '{"id": "c", "date": "2024-06-04", "text": "Fine.", "words": -9223372036854775808}'])
    r = c.run("extract", "news.jsonl", "-o", "out.jsonl")
    c.expect(r, 1, ["evgraph: news.jsonl:2:64: invalid JSON: real number overflow near "
                    "'1e999999'",
                    "evgraph: news.jsonl:3:86: invalid JSON: too big integer"])
    check(doc_ids(c.read("out.jsonl")) == ["good", "c"], "the good lines are read")


def jsonl_deep_nesting(c):
    jsonl(c, "news.jsonl", ['{"id": "a", "text": ' + "[" * 100000 + "]" * 100000 + "}",
                            '{"id": "b", "date": "2024-06-04", "text": "Fine."}'])
    r = c.run("extract", "news.jsonl", "-o", "out.jsonl")
    check(r.rc == 1 and len(r.err_lines) == 1 and
          r.err_lines[0].startswith("evgraph: news.jsonl:2:") and
          "maximum parsing depth" in r.err_lines[0],
          "the deep line is refused with its line:\n" + r.describe())
    check(doc_ids(c.read("out.jsonl")) == ["good", "b"], "the good lines are read")


def jsonl_invalid_utf8(c):
    c.write("news.jsonl", JSONL_GOOD.encode() + b"\n" +
            b'{"id": "b", "date": "2024-06-04", "title": "Caf\xe9\0", "text": "Fine."}\n')
    r = c.run("extract", "news.jsonl", "-o", "out.jsonl")
    c.expect(r, 0, [W + "news.jsonl:2: invalid UTF-8 replaced by U+FFFD (2 bytes)"])
    recs = records(c.read("out.jsonl"))
    check(recs[1]["doc"]["title"] == "Caf\ufffd\ufffd", "repaired title: %r" % recs[1]["doc"])


def jsonl_duplicate_ids(c):
    """The same id twice is kept twice (build merges them); a key twice is an error; a
    record without an id is named by its file and line."""
    jsonl(c, "news.jsonl", [JSONL_GOOD,
                            '{"id": "x", "id": "y", "date": "2024-06-04", "text": "x"}',
                            '{"date": "2024-06-04", "text": "No id."}'])
    jsonl(c, "more.jsonl", ['{"date": "2024-06-04", "text": "No id."}'])
    r = c.run("extract", "news.jsonl", "more.jsonl", "-o", "out.jsonl")
    c.expect(r, 1, ["evgraph: news.jsonl:3:16: invalid JSON: duplicate object key near "
                    "'\"id\"'"])
    check(doc_ids(c.read("out.jsonl")) == ["good", "good", "news-line-4", "good",
                                           "more-line-2"], "ids: " + str(c.read("out.jsonl")))


def jsonl_binary(c):
    rnd = random.Random(88)
    junk = bytes(rnd.randrange(256) for _ in range(16 * 1024)).replace(b"\n", b" ")
    c.write("news.jsonl", JSONL_GOOD.encode() + b"\n" + junk + b"\n" + JSONL_GOOD.encode() +
            b"\n")
    r = c.run("extract", "news.jsonl", "-o", "out.jsonl")
    err = r.err_lines
    check(r.rc == 1 and len(err) == 2 and err[0].startswith(W + "news.jsonl:2: invalid UTF-8")
          and err[1].startswith("evgraph: news.jsonl:2:1: invalid JSON"), r.describe())
    check(doc_ids(c.read("out.jsonl")) == ["good", "good"], "the lines around it are read")


CASES = {f.__name__: f for f in (
    invalid_utf8, nul_bytes, binary_file, empty_file, no_date_line, malformed_date,
    impossible_date, crlf_bom, missing_file, unreadable_files, symlink_loops, huge_line,
    corpus_stream, jsonl_truncated, jsonl_wrong_types, jsonl_huge_numbers, jsonl_deep_nesting,
    jsonl_invalid_utf8, jsonl_duplicate_ids, jsonl_binary)}
BIG = {"huge_line", "corpus_stream"}
