#!/usr/bin/env python3
"""The worked examples of docs/queries.md are what the tool prints.

Every line of a fenced block that starts with "$ evgraph " is run by the shell
(as a terminal would show it: standard output is a pseudo-terminal, so tables
are tables and a pipe gets TSV) in a work folder holding events.jsonl and
graph.graphml of examples/articles, made by `evgraph extract` and `evgraph
build`, and a link to tests/; the lines after it, up to the next "$ " line or
the end of the block, are its expected output (standard error included).

usage: check_docs.py EVGRAPH SOURCE_DIR WORK
With EVG_UPDATE_GOLDEN=1 the outputs in docs/queries.md are rewritten with what
the tool printed (review the diff).
"""
import os
import pty
import shutil
import subprocess
import sys


def run_on_terminal(command, cwd, env):
    """What `command` prints on a terminal (CR LF read as LF)."""
    master, slave = pty.openpty()
    proc = subprocess.Popen(["sh", "-c", command], cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave)
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 65536)
        except OSError:  # the terminal closed: the command is done
            break
        if not data:
            break
        chunks.append(data)
    os.close(master)
    proc.wait()
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def examples(lines):
    """(index of the "$ " line, index past its output) of each example."""
    found, fence, i = [], False, 0
    while i < len(lines):
        if lines[i].startswith("```"):
            fence = not fence
        elif fence and lines[i].startswith("$ evgraph "):
            j = i + 1
            while j < len(lines) and not lines[j].startswith("$ ") and \
                    not lines[j].startswith("```"):
                j += 1
            # An empty line between two examples separates them; it is no output.
            k = j
            while k > i + 1 and lines[k - 1] == "" and j < len(lines) and \
                    lines[j].startswith("$ "):
                k -= 1
            found.append((i, k))
            i = j
            continue
        i += 1
    return found


def prepare(evgraph, source_dir, work):
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    os.symlink(os.path.join(source_dir, "tests"), os.path.join(work, "tests"))
    for args in (["extract", os.path.join(source_dir, "examples", "articles"), "-o",
                  "events.jsonl"], ["build", "events.jsonl", "-o", "graph.graphml"]):
        r = subprocess.run([evgraph] + args, cwd=work, capture_output=True)
        if r.returncode != 0:
            sys.exit(f"evgraph {' '.join(args)} failed: {r.stderr.decode()}")
    bindir = os.path.join(work, "bin")
    os.makedirs(bindir)
    os.symlink(evgraph, os.path.join(bindir, "evgraph"))
    # TERM=dumb: no progress line, which a terminal would show only for a moment
    return dict(os.environ, TERM="dumb", PATH=bindir + os.pathsep + os.environ.get("PATH", ""),
                LC_ALL="C.UTF-8")


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    evgraph, source_dir, work = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3]
    doc = os.path.join(source_dir, "docs", "queries.md")
    try:  # the examples show what a terminal shows; without one they cannot run
        for fd in os.openpty():
            os.close(fd)
    except OSError as e:
        print(f"no pseudo-terminal to run the examples on ({e}): skipped")
        sys.exit(77)
    env = prepare(evgraph, source_dir, work)
    with open(doc, encoding="utf-8") as f:
        lines = f.read().split("\n")
    update = os.environ.get("EVG_UPDATE_GOLDEN") == "1"
    failures, out = [], []
    last = 0
    for start, end in examples(lines):
        command = lines[start][2:]
        got = run_on_terminal(command, work, env).split("\n")
        if got and got[-1] == "":
            got.pop()
        want = lines[start + 1:end]
        if got != want:
            failures.append(f"docs/queries.md:{start + 1}: {command}\n  expected:\n" +
                            "\n".join(want) + "\n  printed:\n" + "\n".join(got))
        out += lines[last:start + 1] + got
        last = end
    out += lines[last:]
    if update:
        with open(doc, "w", encoding="utf-8") as f:
            f.write("\n".join(out))
    elif failures:
        print("\n\n".join(failures), file=sys.stderr)
        print("\nIf the change is intended: EVG_UPDATE_GOLDEN=1 ctest -R docs.queries-examples,"
              " and review the diff.", file=sys.stderr)
        sys.exit(1)
    print(f"{len(examples(lines))} examples checked")


if __name__ == "__main__":
    main()
