#!/usr/bin/env python3
"""killed.py EVGRAPH WORK [TRIES]: nothing already written is lost when a run is killed,
and a run stopped by a signal it can catch leaves nothing behind.

`evgraph extract -o`, `build -o` and `run -o` are started on a new corpus over the
complete outputs of an old one and killed (SIGKILL) at random moments, from before they
read to after they finish. After every kill each output file must be, byte for byte, the
old complete one or the new complete one; never truncated, never missing. The kills must
land while an output was being written (its temporary file is left beside it) often
enough to say so, or the test fails as having tested nothing. `run` replaces its files as
a set, so after a kill they may still be all old, all new, or (killed among the renames) a
mix, each file whole; a killed run may leave its lock file (run.lock, locked by nobody once
the process is gone), which is no output. Finally two full runs give byte-identical files.

Then `extract`, `build` and `run` are stopped by SIGTERM and by SIGINT (Ctrl-C) while an
output is being written (as soon as its temporary file is seen): each must end by that
signal, leave no temporary file and no lock file, and every output must be the old file
(or, for a signal among the renames of run's set, the new one), whole.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import time

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import Case, Failure, check, is_temporary  # noqa: E402

FIRST = ["Kadri", "Antti", "Ilze", "Tarmo", "Mart", "Liis", "Janis", "Aino", "Ilo", "Rasmus"]
LAST = ["Lepik", "Rautio", "Ozola", "Saar", "Kivisild", "Tamm", "Berzins", "Virtanen",
        "Varas", "Kask", "Laine", "Kalnins"]
POSTS = [("Minister of the Interior of Estonia", "EST"), ("Minister of Defence of Latvia",
                                                        "LVA"),
         ("Minister of Foreign Affairs of Finland", "FIN"), ("Prime Minister of Estonia", "EST")]
CITIES = ["Tallinn", "Riga", "Helsinki", "Tartu"]


def corpus(folder, n, seed):
    """`n` articles of invented officials meeting, in `folder`."""
    rnd = random.Random(seed)
    os.makedirs(folder)
    for i in range(n):
        a, b = rnd.sample(POSTS, 2)
        pa = "%s %s" % (rnd.choice(FIRST), rnd.choice(LAST))
        pb = "%s %s" % (rnd.choice(FIRST), rnd.choice(LAST))
        day = 1 + i % 28
        text = ("date 2024-05-%02d %s meets %s\n\n%s %s received the %s %s in %s on Tuesday. "
                "The ministers signed a memorandum on border cooperation and discussed the "
                "budget of the coast guard for the coming year.\n" % (
                    day, pa, pb, a[0], pa, b[0], pb, rnd.choice(CITIES)))
        with open(os.path.join(folder, "a%04d.txt" % i), "w") as f:
            f.write(text)


def events(path, n, seed):
    """`n` records of meetings of two of 3,000 invented officials: a graph big enough
    that writing it takes a while."""
    rnd = random.Random(seed)
    people = ["%s %s %s" % (a, b, c) for a in FIRST for b in LAST for c in LAST][:3000]
    with open(path, "w") as f:
        for i in range(n):
            pair = rnd.sample(range(len(people)), 2)
            ents = [{"id": "person:p%d" % k, "type": "person", "name": people[k],
                     "titles": [rnd.choice(POSTS)[0]]} for k in pair]
            date = "2024-%02d-%02d" % (1 + i % 12, 1 + i % 28)
            ev = {"id": "d%d#1" % i, "type": "meeting", "status": "reported", "date": date,
                  "place": rnd.choice(CITIES),
                  "participants": [{"entity": e["id"]} for e in ents]}
            f.write(json.dumps({"doc": {"id": "d%d" % i, "path": "d%d.txt" % i,
                                        "date": date}, "entities": ents,
                                "events": [ev]}) + "\n")


def snapshot(folder):
    """The regular files of `folder` (not temporaries nor run's lock file) and their bytes."""
    out = {}
    for d, _, files in os.walk(folder):
        for f in files:
            if not is_temporary(f) and f != "run.lock":
                p = os.path.join(d, f)
                with open(p, "rb") as fh:
                    out[os.path.relpath(p, folder)] = fh.read()
    return out


def temporaries(folder):
    return [os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs if is_temporary(f)]


def differ(data, ref):
    """When `data` is complete (it ends as `ref` does) but differs: where, since that is
    output that is not deterministic rather than a truncated file."""
    if data[-64:] != ref[-64:]:
        return ""
    a, b = data.splitlines(), ref.splitlines()
    line = next((n for n, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return ("; it is complete but differs from another run of the same input at line %d: "
            "%r, not %r (output not deterministic)" % (
                line + 1, a[line][:120] if line < len(a) else b"",
                b[line][:120] if line < len(b) else b""))


def full_run(c, args, cwd):
    r = subprocess.run(c.command(*args), cwd=cwd, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    check(r.returncode == 0, "%s: exit %d\n%s" % (args, r.returncode, r.stderr.decode()))


def kill_runs(c, name, args_old, args_new, tries):
    """Kill `args_new` (writing into out/) over the outputs of `args_old`, `tries` times."""
    base = c.path(name)
    old_dir, new_dir, out = (os.path.join(base, d) for d in ("old", "new", "out"))
    for d, args in ((old_dir, args_old), (new_dir, args_new)):
        os.makedirs(d)
        full_run(c, args, d)
    old, new = snapshot(old_dir), snapshot(new_dir)
    check(old.keys() == new.keys() and all(old[k] != new[k] for k in old),
          "%s: the old and new outputs differ" % name)
    span = 0  # the slowest of three runs, so that kills also fall after the end
    for _ in range(3):
        start = time.monotonic()
        full_run(c, args_new, new_dir)
        span = max(span, time.monotonic() - start)
    rnd = random.Random(name)
    seen = {"old": 0, "new": 0, "mixed": 0, "mid-write": 0}
    for i in range(tries):
        shutil.rmtree(out, ignore_errors=True)
        shutil.copytree(old_dir, out)
        p = subprocess.Popen(c.command(*args_new), cwd=out, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0, span * 1.5))
        p.send_signal(signal.SIGKILL)
        p.wait()
        seen["mid-write"] += bool(temporaries(out))
        now = snapshot(out)
        check(now.keys() == old.keys(), "%s, kill %d: files %s, expected %s" % (
            name, i, sorted(now), sorted(old)))
        for k, data in now.items():
            check(data in (old[k], new[k]), "%s, kill %d: %s is neither the old nor the new "
                  "file (%d bytes; old %d, new %d)%s" % (name, i, k, len(data), len(old[k]),
                                                          len(new[k]), differ(data, new[k])))
        state = {"old" if now[k] == old[k] else "new" for k in now}
        seen["mixed" if len(state) > 1 else state.pop()] += 1
    print("%s: %d kills over %.2f s runs: %s" % (name, tries, span, seen))
    check(seen["old"] + seen["mixed"] and seen["new"] + seen["mixed"], "%s: the kills never "
          "fell both before and after an output was replaced: %s" % (name, seen))
    return seen["mid-write"]


def _default_signals():
    """In the child: the signals at their default action, whatever the parent ignores (a
    background job of a shell ignores SIGINT), as in a terminal."""
    for sig in (signal.SIGINT, signal.SIGTERM):
        signal.signal(sig, signal.SIG_DFL)


def signal_runs(c, name, args_old, args_new, tries):
    """Stop `args_new` (writing into out/ over the outputs of `args_old`) by SIGTERM and by
    SIGINT as soon as a temporary output file appears, `tries` times each."""
    base = c.path(name + "-signals")
    old_dir, new_dir, out = (os.path.join(base, d) for d in ("old", "new", "out"))
    for d, args in ((old_dir, args_old), (new_dir, args_new)):
        os.makedirs(d)
        full_run(c, args, d)
    old, new = snapshot(old_dir), snapshot(new_dir)
    for sig in (signal.SIGTERM, signal.SIGINT):
        landed = 0
        for i in range(tries):
            shutil.rmtree(out, ignore_errors=True)
            shutil.copytree(old_dir, out)
            p = subprocess.Popen(c.command(*args_new), cwd=out, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.DEVNULL, preexec_fn=_default_signals)
            seen = False
            while p.poll() is None and not seen:
                seen = bool(temporaries(out))
                if not seen:
                    time.sleep(0.001)
            if seen:
                p.send_signal(sig)
            rc = p.wait(timeout=300)
            what = "%s, %s %d" % (name, signal.Signals(sig).name, i)
            if rc == 0:
                continue  # it finished before the signal came: nothing to check
            landed += 1
            check(rc == -sig, "%s: ended with %d, not by the signal" % (what, rc))
            check(not temporaries(out), "%s: temporary files left: %s" % (
                what, temporaries(out)))
            check(not os.path.exists(os.path.join(out, "run.lock")), "%s: run.lock left" % what)
            now = snapshot(out)
            check(now.keys() == old.keys(), "%s: files %s, expected %s" % (
                what, sorted(now), sorted(old)))
            for k, data in now.items():
                check(data in (old[k], new[k]), "%s: %s is neither the old nor the new file"
                      % (what, k))
        print("%s: %s landed %d of %d times while an output was written" % (
            name, signal.Signals(sig).name, landed, tries))
        check(landed > 0, "%s: %s never landed while an output was written" % (
            name, signal.Signals(sig).name))


def main():
    c = Case(sys.argv[1], sys.argv[2])
    tries = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    try:
        corpus(c.path("a"), 150, 1)
        corpus(c.path("b"), 250, 2)
        a, b = c.path("a"), c.path("b")
        mid = kill_runs(c, "extract", ["extract", a, "-o", "events.jsonl"],
                        ["extract", b, "-o", "events.jsonl"], tries)
        for d, src in (("ev-a", a), ("ev-b", b)):
            os.makedirs(c.path(d))
            full_run(c, ["extract", src, "-o", "events.jsonl"], c.path(d))
        mid += kill_runs(c, "build", ["build", c.path("ev-a/events.jsonl"), "-o", "graph.graphml"],
                         ["build", c.path("ev-b/events.jsonl"), "-o", "graph.graphml"], tries)
        mid += kill_runs(c, "run", ["run", a, "-o", "."], ["run", b, "-o", "."], tries)
        check(mid > 0, "no kill fell while an output was being written")
        print("kills while an output was being written: %d" % mid)
        # Reruns: the same input, byte-identical outputs.
        for d in ("again1", "again2"):
            os.makedirs(c.path(d))
            full_run(c, ["run", b, "-o", "."], c.path(d))
        check(snapshot(c.path("again1")) == snapshot(c.path("again2")) ==
              snapshot(c.path("run/new")), "reruns differ")
        # Stopped by a signal it catches: no temporary file, no lock, the old outputs.
        events(c.path("big-a.jsonl"), 4000, 3)
        events(c.path("big-b.jsonl"), 6000, 4)
        tries = 3
        signal_runs(c, "extract", ["extract", a, "-o", "events.jsonl"],
                    ["extract", b, "-o", "events.jsonl"], tries)
        signal_runs(c, "build", ["build", c.path("big-a.jsonl"), "-o", "graph.graphml"],
                    ["build", c.path("big-b.jsonl"), "-o", "graph.graphml"], tries)
        signal_runs(c, "run", ["run", a, "-o", "."], ["run", b, "-o", "."], tries)
    except Failure as f:
        print("FAIL killed: %s" % f)
        sys.exit(1)
    print("ok killed")


if __name__ == "__main__":
    main()
