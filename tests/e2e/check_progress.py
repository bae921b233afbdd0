#!/usr/bin/env python3
"""The progress line of long runs: on a terminal only, and gone at the end.

Runs `evgraph extract` and `evgraph build` twice each: with standard error on
a pseudo-terminal, where each must write its progress line (rewritten in
place with CR, cleared at the end) and leave the output as without it; and
with standard error on a pipe, where nothing at all may be written there.
On a terminal with TERM=dumb, nothing either.

usage: check_progress.py EVGRAPH SOURCE_DIR WORK
"""
import os
import pty
import shutil
import subprocess
import sys

CLEAR = "\r\x1b[K"


def on_terminal(args, cwd, term="xterm"):
    """(exit status, what standard error showed) with stderr on a pseudo-terminal."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(args, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=slave,
                            env=dict(os.environ, TERM=term))
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the other side closed
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    return proc.wait(), b"".join(chunks).decode("utf-8", "replace")


def main():
    evgraph, source_dir, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    articles = os.path.join(source_dir, "examples", "articles")
    problems = []

    def check(name, args, shown):
        tty, pipe = os.path.join(work, "tty-" + name), os.path.join(work, "pipe-" + name)
        rc, err = on_terminal(args + ["-o", tty], work)
        if rc != 0:
            problems.append(f"{name}: exit status {rc} on a terminal: {err!r}")
            return
        for text in shown:
            if "evgraph: " + text not in err:
                problems.append(f"{name}: no '{text}' in the progress line: {err!r}")
        if err and not err.endswith(CLEAR):
            problems.append(f"{name}: the progress line is left on the screen: {err!r}")
        if "\n" in err.replace("\r\n", ""):
            problems.append(f"{name}: the progress line takes more than one line: {err!r}")
        piped = subprocess.run(args + ["-o", pipe], cwd=work, capture_output=True,
                               stdin=subprocess.DEVNULL)
        if piped.returncode != 0 or piped.stderr:
            problems.append(f"{name}: with standard error on a pipe: exit status "
                            f"{piped.returncode}, {piped.stderr!r}")
        with open(tty, "rb") as a, open(pipe, "rb") as b:
            if a.read() != b.read():
                problems.append(f"{name}: the output differs with a progress line")

    # The article line shows at most four times a second: a run of the
    # examples may end before the first (then nothing shows, nothing to
    # clear); the build's steps always show.
    check("events.jsonl", [evgraph, "extract", articles], [])
    check("graph.graphml", [evgraph, "build", "pipe-events.jsonl", "--view", "people"],
          ["merging ", "centrality of ", "writing "])
    # TERM=dumb: a terminal that cannot rewrite a line gets none.
    rc, shown = on_terminal([evgraph, "build", "pipe-events.jsonl", "-o", "dumb.graphml"],
                            work, term="dumb")
    if rc != 0 or shown:
        problems.append(f"TERM=dumb: exit status {rc}, shown {shown!r}")
    for p in problems:
        print(p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
