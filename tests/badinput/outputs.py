"""What evgraph writes: nothing lost, nothing written where it must not be.

Each case checks one way an output could lose data with exit 0, or land where it should
not: documents of the same file name in two folders, standard output under another name,
an output that is an input, a date no record can hold, `run -o DIR` as a set (the files
replaced together, a lock, a manifest), and what replacing a file keeps (mode, owner, the
symbolic links that may be followed).
"""
import fcntl
import hashlib
import json
import os
import re
import subprocess
import threading

from harness import Failure, article, check, doc_ids, records

NOBODY = 65534  # Debian's user and group nobody: someone else than the runner

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


def usage_error(c, r, command, first):
    """Exit 2, the line `first`, then the usage line and the hint of `command`."""
    lines = r.err_lines
    check(r.rc == 2 and len(lines) == 3 and lines[0] == first and
          lines[1].startswith("usage: evgraph %s " % command) and
          lines[2] == "Run 'evgraph %s --help' for more information." % command,
          "%s\n--- expected exit 2 and first\n%s" % (r.describe(), first))


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


def stdout_append(c):
    """-o naming standard output appends under `>>`, as -o - does; the file that standard
    output is open on is never truncated nor replaced. A FIFO is written as it is."""
    for i in range(4):
        c.write("a%d.txt" % i, meeting(i))
    log = c.write("log.jsonl", "")
    inode = os.stat(log).st_ino
    for i, target in enumerate(["/dev/stdout", "/dev/fd/1", "log.jsonl", "-"]):
        with open(log, "ab") as out:
            p = subprocess.run(c.command("extract", "a%d.txt" % i, "-o", target),
                               cwd=c.dir, stdout=out, stderr=subprocess.PIPE,
                               env=dict(os.environ, LC_ALL="C"), timeout=120 * c.slow)
        check(p.returncode == 0 and not p.stderr, "-o %s >> log.jsonl: exit %d\n%s" % (
            target, p.returncode, p.stderr.decode()))
    check(doc_ids(c.read("log.jsonl")) == ["a0", "a1", "a2", "a3"],
          "every run appended: %s" % doc_ids(c.read("log.jsonl")))
    check(os.stat(log).st_ino == inode, "log.jsonl is the same file, not a new one")
    # build and report too: what was there stays, the graph follows it.
    r = c.run("extract", "a0.txt", "a1.txt", "-o", "events.jsonl")
    c.expect(r, 0, [])
    for cmd, out in (("build", "graph.graphml"), ("report", "report.html")):
        c.write(out, "kept\n")
        with open(c.path(out), "ab") as f:
            p = subprocess.run(c.command(cmd, "events.jsonl", "-o", "/dev/stdout"),
                               cwd=c.dir, stdout=f, stderr=subprocess.PIPE,
                               timeout=120 * c.slow)
        data = c.read(out)
        check(p.returncode == 0 and data.startswith(b"kept\n") and len(data) > 1000,
              "%s -o /dev/stdout >> %s appends: exit %d, %d bytes" % (
                  cmd, out, p.returncode, len(data)))
    # A FIFO is opened and written, not replaced by a file.
    fifo = c.path("pipe")
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    r = c.run("extract", "a2.txt", "-o", "pipe")
    reader.join(60)
    c.expect(r, 0, [])
    check(got and doc_ids(got[0]) == ["a2"], "the record came through the FIFO")
    check(os.path.exists(fifo) and not os.path.isfile(fifo), "the FIFO is still a FIFO")
    c.no_temporaries()


def output_is_input(c):
    """-o naming an input (the same file, under any name) is a usage error, before
    anything is read or written: the input stays as it was."""
    c.write("k.txt", meeting(0))
    r = c.run("extract", "k.txt", "-o", "events.jsonl")
    c.expect(r, 0, [])
    c.write("aliases.json", '{"Lena Varo": ["L. Varo"]}\n')
    os.link(c.path("events.jsonl"), c.path("hard.graphml"))
    os.symlink("k.txt", c.path("soft.jsonl"))
    kept = {n: c.read(n) for n in ("k.txt", "events.jsonl", "aliases.json")}
    cases = [
        (["extract", "k.txt", "-o", "k.txt"], "k.txt", "k.txt"),
        (["extract", "k.txt", "-o", "soft.jsonl"], "soft.jsonl", "k.txt"),
        (["extract", "a.txt", "-l", "k.txt", "-o", "./k.txt"], "./k.txt", "k.txt"),
        (["build", "events.jsonl", "-o", "events.jsonl"], "events.jsonl", "events.jsonl"),
        (["build", "events.jsonl", "-o", "hard.graphml"], "hard.graphml", "events.jsonl"),
        (["build", "events.jsonl", "--alias", "aliases.json", "-f", "json", "-o",
          "aliases.json"], "aliases.json", "aliases.json"),
        (["report", "events.jsonl", "-o", "events.jsonl"], "events.jsonl", "events.jsonl"),
        (["query", "events.jsonl", "ego", "Lena Varo", "-o", "events.jsonl"],
         "events.jsonl", "events.jsonl"),
    ]
    for args, out, inp in cases:
        r = c.run(*args)
        usage_error(c, r, args[0], "evgraph: %s: is also the input %s; choose another "
                    "output file" % (out, inp))
    # Standard output appended to an input: refused as well (it would read what it writes).
    with open(c.path("events.jsonl"), "ab") as f:
        p = subprocess.run(c.command("build", "events.jsonl", "-o", "-"), cwd=c.dir,
                           stdout=f, stderr=subprocess.PIPE, timeout=120 * c.slow)
    err = p.stderr.decode().splitlines()
    check(p.returncode == 2 and err[0] == "evgraph: <stdout>: is also the input "
          "events.jsonl; choose another output file", "stdout >> input: %d %s" % (
              p.returncode, err))
    for name, data in kept.items():
        check(c.read(name) == data, "%s is untouched" % name)
    c.no_temporaries()


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


def manifest_of(c, folder):
    """The files run.json names, checked against the folder: {name: (size, sha256)}."""
    with open(c.path(folder + "/run.json")) as f:
        files = json.load(f)["files"]
    listed = {}
    for entry in files:
        data = c.read(folder + "/" + entry["name"])
        check(entry["size"] == len(data) and
              entry["sha256"] == hashlib.sha256(data).hexdigest(),
              "%s/%s matches its size and checksum" % (folder, entry["name"]))
        listed[entry["name"]] = (entry["size"], entry["sha256"])
    check([e["name"] for e in files] == sorted(listed), "names in order")
    return listed


def snapshot(c, folder):
    return {n: c.read(folder + "/" + n) for n in sorted(os.listdir(c.path(folder)))}


def run_set(c):
    """run -o DIR replaces its files together: a failure while writing any of them leaves
    every old one; run.json names the files of the last complete run; a second run into a
    folder that one is writing is refused."""
    for i in range(2):
        c.write("old/a%d.txt" % i, meeting(i))
        c.write("new/b%d.txt" % i, meeting(i + 1, date="2024-07-0%d" % (i + 1)))
    r = c.run("run", "old", "-o", "out")
    c.expect(r, 0, [])
    check(sorted(manifest_of(c, "out")) == ["events.jsonl", "graph.graphml",
                                            "people.graphml", "report.html"],
          "the manifest names the four files")
    check(sorted(os.listdir(c.path("out"))) == ["events.jsonl", "graph.graphml",
                                                "people.graphml", "report.html", "run.json"],
          "no lock file or temporary left: %s" % os.listdir(c.path("out")))
    old = snapshot(c, "out")
    # The last file of the set cannot be written: the others are not replaced either.
    os.remove(c.path("out/report.html"))
    os.mkdir(c.path("out/report.html"))
    r = c.run("run", "new", "-o", "out")
    c.expect(r, 1, ["evgraph: out/report.html: is a directory"])
    for name in ("events.jsonl", "graph.graphml", "people.graphml", "run.json"):
        check(c.read("out/" + name) == old[name], "out/%s is the old one" % name)
    os.rmdir(c.path("out/report.html"))
    c.write("out/report.html", old["report.html"])
    # Another run holds the folder's lock: refused, nothing written.
    with open(c.path("out/run.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        r = c.run("run", "new", "-o", "out")
        c.expect(r, 1, ["evgraph: out: another run is writing into this folder (run.lock "
                        "is locked); try again once it has finished"])
    os.remove(c.path("out/run.lock"))
    check(snapshot(c, "out") == old, "the folder is as it was")
    # Once it is free, the new run replaces the set, and the manifest with it.
    r = c.run("run", "new", "-o", "out")
    c.expect(r, 0, [])
    now = manifest_of(c, "out")
    check(all(now[n][1] != hashlib.sha256(old[n]).hexdigest() for n in now),
          "every file is the new one")
    r = c.run("run", "new", "-f", "csv", "-o", "out")
    c.expect(r, 0, [])
    check(sorted(manifest_of(c, "out")) == ["events.jsonl", "graph.edges.csv",
                                            "graph.nodes.csv", "people.edges.csv",
                                            "people.nodes.csv", "report.html"],
          "the manifest names the files of the last run only")
    c.no_temporaries()


def output_mode_owner(c):
    """Replacing an output keeps its mode, never wider, and its owner where permitted."""
    c.write("a.txt", meeting(0))
    os.umask(0o022)
    for name, mode in (("private.jsonl", 0o600), ("group.jsonl", 0o640),
                       ("open.jsonl", 0o664)):
        c.write(name, "old\n")
        os.chmod(c.path(name), mode)
        r = c.run("extract", "a.txt", "-o", name)
        c.expect(r, 0, [])
        got = os.stat(c.path(name)).st_mode & 0o7777
        check(got == mode, "%s: mode %o, not %o" % (name, got, mode))
    r = c.run("extract", "a.txt", "-o", "fresh.jsonl")
    check(os.stat(c.path("fresh.jsonl")).st_mode & 0o777 == 0o644, "a new file: the umask")
    r = c.run("run", "a.txt", "-o", "out")
    os.chmod(c.path("out/report.html"), 0o600)
    r = c.run("run", "a.txt", "-o", "out")
    c.expect(r, 0, [])
    check(os.stat(c.path("out/report.html")).st_mode & 0o777 == 0o600, "run keeps 0600")
    if os.geteuid() != 0:
        return "only root can give a file to another user (the modes were checked)"
    os.chown(c.path("group.jsonl"), NOBODY, NOBODY)
    r = c.run("extract", "a.txt", "-o", "group.jsonl")
    c.expect(r, 0, [])
    st = os.stat(c.path("group.jsonl"))
    check((st.st_uid, st.st_gid, st.st_mode & 0o777) == (NOBODY, NOBODY, 0o640),
          "owner, group and mode kept: %d %d %o" % (st.st_uid, st.st_gid, st.st_mode))


def output_symlink_shared(c):
    """An output that is a symbolic link is written through it, the link kept; in a sticky
    folder anyone may write to, a link of another user is refused (protected_symlinks)."""
    c.write("a.txt", meeting(0))
    victim = c.write("victim.jsonl", "precious\n")
    shared = c.path("shared")
    os.mkdir(shared)
    os.chmod(shared, 0o1777)
    os.symlink(victim, c.path("shared/mine.jsonl"))
    r = c.run("extract", "a.txt", "-o", "shared/mine.jsonl")
    c.expect(r, 0, [])
    check(os.path.islink(c.path("shared/mine.jsonl")), "the runner's link stays a link")
    check(doc_ids(c.read("victim.jsonl")) == ["a"], "written through the runner's link")
    c.write("victim.jsonl", "precious\n")
    if os.geteuid() != 0:
        return "only root can plant a link of another user (the runner's link was checked)"
    planted = c.path("shared/out.jsonl")
    os.symlink(victim, planted)
    os.lchown(planted, NOBODY, NOBODY)
    os.symlink(planted, c.path("via.jsonl"))
    for out, msg in (("shared/out.jsonl", "a symbolic link of another user in a sticky "
                      "folder anyone may write to: not followed"),
                     ("via.jsonl", "leads through %s, a symbolic link of another user in a "
                      "sticky folder anyone may write to: not followed" % planted)):
        r = c.run("extract", "a.txt", "-o", out)
        c.expect(r, 1, ["evgraph: %s: %s" % (out, msg)])
    r = c.run("run", "a.txt", "-o", "shared")
    check(r.rc == 0, "run into the shared folder: %s" % r.describe())
    check(c.read("victim.jsonl") == b"precious\n", "the file behind the link is untouched")
    check(os.path.islink(planted), "the planted link is left alone")
    c.no_temporaries()


def output_inside_input(c):
    """`run coll -o coll/out` twice, `extract coll -o coll/events.jsonl` twice: the
    output of the last run is no input of the next, which reads the articles alone."""
    c.write("coll/one.txt", meeting(0))
    c.write("coll/two.txt", meeting(1))
    for _ in range(2):
        r = c.run("run", "coll", "-o", "coll/out")
        c.expect(r, 0, [])
        check(doc_ids(c.read("coll/out/events.jsonl")) == ["one", "two"],
              "run read %s" % doc_ids(c.read("coll/out/events.jsonl")))
    c.write("feed/one.txt", meeting(0))
    c.write("feed/two.txt", meeting(1))
    for _ in range(2):
        r = c.run("extract", "feed", "-o", "feed/events.jsonl")
        c.expect(r, 0, [])
        check(doc_ids(c.read("feed/events.jsonl")) == ["one", "two"],
              "extract read %s" % doc_ids(c.read("feed/events.jsonl")))


def long_output_names(c):
    """An output name as long as a file name may be (255 bytes; 248 and more used to fail,
    the temporary name made from it being too long) is written by every command, and
    replaced; a name one byte longer is refused by the system, and said so."""
    c.write("a.txt", meeting(0))
    r = c.run("extract", "a.txt", "-o", "events.jsonl")
    c.expect(r, 0, [])
    for n in (248, 255):
        for cmd, ext in (("extract", ".jsonl"), ("build", ".graphml"), ("report", ".html")):
            name = "n" * (n - len(ext)) + ext
            src = "a.txt" if cmd == "extract" else "events.jsonl"
            for _ in range(2):  # a new file, then a replaced one
                r = c.run(cmd, src, "-o", name)
                c.expect(r, 0, [])
            check(os.path.getsize(c.path(name)) > 0, "%s: %d bytes written" % (cmd, n))
            os.remove(c.path(name))
    name = "n" * 250 + ".jsonl"  # the message names its first 127 bytes
    r = c.run("extract", "a.txt", "-o", name)
    c.expect(r, 1, ["evgraph: %s: cannot create: File name too long" % name[:127]])
    c.no_temporaries()


def disk_full(c):
    """A write that fails says why: /dev/full (a disk with no room left) as the output of
    every command, by name and as standard output."""
    if not os.path.exists("/dev/full"):
        return "no /dev/full on this system"
    c.write("a.txt", meeting(0))
    r = c.run("extract", "a.txt", "-o", "events.jsonl")
    c.expect(r, 0, [])
    why = "write failed: No space left on device"
    for args in (("extract", "a.txt"), ("build", "events.jsonl"),
                 ("build", "events.jsonl", "-f", "json"), ("report", "events.jsonl"),
                 ("query", "events.jsonl", "ego", "Lena Varo")):
        r = c.run(*args, "-o", "/dev/full")
        c.expect(r, 1, ["evgraph: /dev/full: " + why])
        with open("/dev/full", "wb") as full:
            p = subprocess.run(c.command(*args, "-o", "-"), cwd=c.dir, stdout=full,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                               env=dict(os.environ, LC_ALL="C"), timeout=120)
        err = p.stderr.decode().splitlines()
        check(p.returncode == 1 and err == ["evgraph: <stdout>: " + why],
              "%s -o - > /dev/full: exit %d, %s" % (" ".join(args), p.returncode, err))


CASES = {f.__name__: f for f in (
    same_name_folders, stdout_append, output_is_input, date_past_9999, run_set,
    output_mode_owner, output_symlink_shared, output_inside_input, long_output_names,
    disk_full)}
