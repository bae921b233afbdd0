"""What the bad-input tests share: running evgraph and checking what it says.

Each case is a function taking a Case; it writes its inputs into case.dir, runs
the tool there and checks the exit status, every line of standard error, and
what was (or was not) written. A failed check raises Failure with the reason.
"""
import json
import os
import resource
import shlex
import shutil
import subprocess
import sys
import time


class Failure(Exception):
    pass


def check(cond, what):
    if not cond:
        raise Failure(what)


class Result:
    def __init__(self, args, rc, out, err, seconds):
        self.args, self.rc, self.out, self.err, self.seconds = args, rc, out, err, seconds

    @property
    def err_lines(self):
        return self.err.decode("utf-8", "replace").splitlines()

    def describe(self):
        return "evgraph %s: exit %d\n--- stderr\n%s" % (
            " ".join(self.args), self.rc, self.err.decode("utf-8", "replace"))


class Case:
    """A scratch folder for one case and the tool to run in it."""

    def __init__(self, evgraph, work, scale=1.0):
        self.evgraph = os.path.abspath(evgraph)
        self.dir = os.path.abspath(work)
        self.scale = scale
        # A command to run the tool under, such as valgrind (.ci/run); slower, so the
        # timeouts grow with it.
        self.wrapper = shlex.split(os.environ.get("EVG_TEST_WRAPPER", ""))
        self.slow = 20 if self.wrapper else 1
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)

    def path(self, name):
        return os.path.join(self.dir, name)

    def write(self, name, data):
        """Write `data` (str or bytes) to `name` in the case folder; returns the path."""
        p = self.path(name)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
        return p

    def read(self, name):
        with open(self.path(name), "rb") as f:
            return f.read()

    def run(self, *args, stdin=None, timeout=120, env=None, prefix=(), memory=None):
        """Run evgraph with `args` in the case folder; standard input from bytes or a file;
        `memory`: at most that many bytes of address space (as `ulimit -v` sets)."""
        e = dict(os.environ, LC_ALL="C")
        e.update(env or {})
        start = time.monotonic()
        p = subprocess.run(list(prefix) + self.command(*args), cwd=self.dir,
                           input=stdin if isinstance(stdin, bytes) else None,
                           stdin=None if isinstance(stdin, bytes) else
                           (stdin or subprocess.DEVNULL),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e,
                           timeout=timeout * self.slow,
                           preexec_fn=None if memory is None else
                           lambda: resource.setrlimit(resource.RLIMIT_AS, (memory, memory)))
        return Result(list(args), p.returncode, p.stdout, p.stderr, time.monotonic() - start)

    def command(self, *args):
        """The command line that runs evgraph with `args`."""
        return self.wrapper + [self.evgraph] + list(args)

    def expect(self, r, rc, err):
        """Exit status `rc` and exactly the lines `err` on standard error, in order."""
        if r.rc != rc or r.err_lines != err:
            raise Failure("%s\n--- expected exit %d and stderr\n%s" % (
                r.describe(), rc, "\n".join(err)))

    def expect_set(self, r, rc, err):
        """As expect(), in any order (walks report in the order the system lists)."""
        if r.rc != rc or sorted(r.err_lines) != sorted(err):
            raise Failure("%s\n--- expected exit %d and stderr (any order)\n%s" % (
                r.describe(), rc, "\n".join(err)))

    def no_temporaries(self):
        """No temporary output file (".evgraph.tmp.PID.N") left anywhere in the case
        folder."""
        left = [os.path.join(d, f) for d, _, fs in os.walk(self.dir) for f in fs
                if is_temporary(f)]
        check(not left, "temporary files left behind: %s" % left)


def is_temporary(name):
    """Whether a file name is that of an output being written: ".evgraph.tmp.PID.N"."""
    return name.startswith(".evgraph.tmp.")


def records(data):
    """The JSON lines of `data` (bytes), parsed."""
    return [json.loads(l) for l in data.decode("utf-8").splitlines() if l.strip()]


def doc_ids(data):
    return [r["doc"]["id"] for r in records(data)]


ARTICLE = ("date 2024-06-04 Estonian and Finnish interior ministers meet in Tallinn\n\n"
           "Minister of the Interior of Estonia Kadri Lepik received Finland's Minister of "
           "the Interior Antti Rautio in Tallinn on Tuesday. The ministers signed a "
           "memorandum on border cooperation.\n")


def article(headline="Ministers meet", date="2024-06-04", body=None):
    """A small article of invented officials, in the text format."""
    return "date %s %s\n\n%s" % (date, headline, body or ARTICLE.split("\n\n", 1)[1])


def main(cases):
    """run.py CASE EVGRAPH WORK [SCALE]: run one case, exit 0 or 1 with the reason."""
    if len(sys.argv) < 4 or sys.argv[1] not in cases:
        sys.exit("usage: run.py CASE EVGRAPH WORK [SCALE]; cases: %s" % " ".join(sorted(cases)))
    case = Case(sys.argv[2], sys.argv[3], float(sys.argv[4]) if len(sys.argv) > 4 else 1.0)
    try:
        skipped = cases[sys.argv[1]](case)
    except Failure as f:
        print("FAIL %s: %s" % (sys.argv[1], f))
        sys.exit(1)
    if skipped:
        print("SKIP %s: %s" % (sys.argv[1], skipped))
        sys.exit(77)
    print("ok %s" % sys.argv[1])
