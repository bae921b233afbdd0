#!/usr/bin/env python3
"""Run the query tests of one .test file, in the manner of jq's tests/jq.test.

A .test file holds groups of lines, separated by blank lines; lines starting
with '#' between groups are comments. A group is:

    the query: a command of `evgraph query` and its arguments, split as a
        shell splits them (quotes group words);
    the fixture: the sources, split the same way, each one of
        NAME          a file or folder of fixtures/ (or a file made below);
        graphml:NAME  the GraphML that `evgraph build NAME` writes;
        both:NAME     the query runs on NAME and on graphml:NAME, and both
                      must print the same;
        people:NAME   the GraphML of the people view of NAME;
        measures=LIST:NAME  the GraphML that `evgraph build NAME --measures LIST`
                      writes (only those centrality measures in it);
        cutoff=L:NAME the GraphML that `evgraph build NAME --betweenness-cutoff L`
                      writes (approximate betweenness and closeness);
        stdin:NAME    "-", with NAME on standard input;
        none          no source at all;
        seed          the events `evgraph extract` writes for the seed article,
                      examples/articles/000_5399b3df569d0065.txt (both:seed,
                      graphml:seed too);
    the expected standard output, line by line, with these directives:
        %%empty       an empty line of output;
        %%exit N      the exit status (0 when not given);
        %%stderr      the lines after it are the expected standard error
                      (without it, standard error must be empty);
        %%file NAME   the lines after it are the expected content of the file
                      NAME the tool wrote in the work folder.

The tool runs in a fresh work folder holding a copy of fixtures/, so messages
name files as the fixture line does.

usage: run_tests.py EVGRAPH FILE.test FIXTURES SOURCE_DIR WORK
With EVG_UPDATE_GOLDEN=1 in the environment, the expected output of every
group is rewritten with what the tool printed (review the diff).
"""
import difflib
import os
import shlex
import shutil
import subprocess
import sys

SEED = "examples/articles/000_5399b3df569d0065.txt"


def parse(path):
    """The file as a list of items: ('text', line) or ('group', dict)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    items, i = [], 0
    while i < len(lines):
        if lines[i] == "" or lines[i].startswith("#"):
            items.append(("text", lines[i]))
            i += 1
            continue
        start = i
        body = []
        i += 2
        while i < len(lines) and lines[i] != "":
            body.append(lines[i])
            i += 1
        if start + 1 >= len(lines) or lines[start + 1] == "":
            sys.exit(f"{path}:{start + 1}: a group needs a query line and a fixture line")
        items.append(("group", {"line": start + 1, "query": lines[start],
                                "fixture": lines[start + 1], "body": body}))
    return items


def expected(body, where):
    """(stdout, exit status, stderr or None, {file: content}) of a group's lines."""
    parts, rc, current = {"out": [], "err": None}, 0, "out"
    files = {}
    for line in body:
        if line.startswith("%%exit "):
            rc = int(line[7:])
        elif line == "%%stderr":
            current, parts["err"] = "err", []
        elif line.startswith("%%file "):
            current = "file:" + line[7:]
            parts[current] = []
        elif line == "%%empty":
            parts[current].append("")
        elif line.startswith("%%"):
            sys.exit(f"{where}: unknown directive {line}")
        else:
            parts[current].append(line)
    join = lambda ls: "".join(l + "\n" for l in ls)
    for key, lines in parts.items():
        if key.startswith("file:"):
            files[key[5:]] = join(lines)
    return (join(parts["out"]), rc, None if parts["err"] is None else join(parts["err"]),
            files)


def block(text):
    """Expected lines for `text`: empty lines as %%empty."""
    return [l if l else "%%empty" for l in text.split("\n")[:-1]] if text else []


def render(out, rc, err, files):
    """The lines of a group's expected output."""
    lines = block(out)
    if rc != 0:
        lines.append(f"%%exit {rc}")
    if err:
        lines += ["%%stderr"] + block(err)
    for name in sorted(files):
        lines += [f"%%file {name}"] + block(files[name])
    return lines


class Runner:
    def __init__(self, evgraph, fixtures, source_dir, work):
        self.evgraph, self.source_dir, self.work = evgraph, source_dir, work
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(fixtures, work)
        self.made = set()

    def tool(self, args, stdin=None):
        if stdin is None:
            return subprocess.run([self.evgraph] + args, cwd=self.work, capture_output=True,
                                  stdin=subprocess.DEVNULL)
        with open(os.path.join(self.work, stdin), "rb") as f:
            return subprocess.run([self.evgraph] + args, cwd=self.work, capture_output=True,
                                  stdin=f)

    def make(self, name, graphml, view="full", measures=None, cutoff=None):
        """The file a fixture word names, made when needed."""
        if name == "seed" and "seed" not in self.made:
            r = self.tool(["extract", os.path.join(self.source_dir, SEED), "-o", "seed.jsonl"])
            if r.returncode != 0:
                sys.exit("extracting the seed failed: " + r.stderr.decode())
            self.made.add("seed")
        source = "seed.jsonl" if name == "seed" else name
        if not graphml:
            return source
        target = os.path.splitext(os.path.basename(source))[0] + f".{view}.graphml"
        extra = []
        if measures is not None:
            target = target.replace(".graphml", f".{measures.replace(',', '-')}.graphml")
            extra = ["--measures", measures]
        if cutoff is not None:
            target = target.replace(".graphml", f".cutoff-{cutoff}.graphml")
            extra = ["--betweenness-cutoff", cutoff]
        if target not in self.made:
            r = self.tool(["build", source, "--view", view, "-o", target] + extra)
            if r.returncode != 0:
                sys.exit(f"evgraph build {source} failed: " + r.stderr.decode())
            self.made.add(target)
        return target

    def variants(self, fixture):
        """The source lists a fixture line stands for (two for both:)."""
        words = shlex.split(fixture)
        self.stdin = None
        both = any(w.startswith("both:") for w in words)
        runs = []
        for as_graphml in ([False, True] if both else [False]):
            srcs = []
            for w in words:
                if w == "none":
                    continue
                kind, _, name = w.rpartition(":") if ":" in w else ("", "", w)
                if kind == "stdin":
                    self.stdin = name
                    srcs.append("-")
                    continue
                if kind == "people":
                    srcs.append(self.make(name, True, "people"))
                    continue
                if kind.startswith("cutoff="):
                    srcs.append(self.make(name, True, cutoff=kind[len("cutoff="):]))
                    continue
                if kind.startswith("measures="):
                    srcs.append(self.make(name, True, measures=kind[len("measures="):]))
                    continue
                srcs.append(self.make(name, kind == "graphml" or (kind == "both" and as_graphml)))
            runs.append(srcs)
        return runs

    def run(self, group, names):
        """(sources, stdout, status, stderr, {file: content}) of each source list."""
        results = []
        for srcs in self.variants(group["fixture"]):
            for name in names:
                if os.path.exists(os.path.join(self.work, name)):
                    os.remove(os.path.join(self.work, name))
            r = self.tool(["query"] + srcs + shlex.split(group["query"]), self.stdin)
            files = {}
            for name in names:
                path = os.path.join(self.work, name)
                if os.path.exists(path):
                    with open(path, encoding="utf-8", errors="replace") as f:
                        files[name] = f.read()
            results.append((srcs, r.stdout.decode("utf-8", "replace"), r.returncode,
                            r.stderr.decode("utf-8", "replace"), files))
        return results


def compare(where, group, results):
    """Failure messages for one group, empty when it passed."""
    out, rc, err, files = expected(group["body"], where)
    problems = []
    for srcs, got_out, got_rc, got_err, got_files in results:
        label = f"{where}: evgraph query {' '.join(srcs)} {group['query']}"
        for name, want, got in [("standard output", out, got_out)] + [
                (f"file {n}", files[n], got_files.get(n)) for n in sorted(files)]:
            if got is None:
                problems.append(f"{label}\n  {name} was not written")
            elif got != want:
                diff = difflib.unified_diff(want.splitlines(), got.splitlines(), "expected",
                                            "actual", lineterm="")
                problems.append(f"{label}\n  {name} differs:\n" + "\n".join(diff))
        if got_rc != rc:
            problems.append(f"{label}\n  exit status {got_rc}, expected {rc}")
        if (err or "") != got_err:
            problems.append(f"{label}\n  standard error:\n{got_err}  expected:\n{err or ''}")
    return problems


def main():
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    evgraph, test_file, fixtures, source_dir, work = sys.argv[1:]
    runner = Runner(os.path.abspath(evgraph), fixtures, source_dir, work)
    update = os.environ.get("EVG_UPDATE_GOLDEN") == "1"
    items, failures, count, text = parse(test_file), [], 0, []
    for kind, item in items:
        if kind == "text":
            text.append(item)
            continue
        count += 1
        where = f"{test_file}:{item['line']}"
        names = sorted(expected(item["body"], where)[3])
        results = runner.run(item, names)
        first = results[0][1:]
        if any(r[1:] != first for r in results[1:]):
            failures.append(f"{where}: the sources of '{item['fixture']}' answer differently")
        if update:
            text += [item["query"], item["fixture"]] + render(*first)
        else:
            failures += compare(where, item, results)
    if update:
        with open(test_file, "w", encoding="utf-8") as f:
            f.write("".join(l + "\n" for l in text))
    for f in failures:
        print(f + "\n", file=sys.stderr)
    print(f"{test_file}: {count} groups, {len(failures)} failures")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
