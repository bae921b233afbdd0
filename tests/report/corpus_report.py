#!/usr/bin/env python3
"""The report of a whole corpus: made in seconds, and readable in a browser.

    corpus_report.py EVGRAPH CHROMIUM CORPUS_DIR WORKDIR

Extracts every article of CORPUS_DIR (the shared news corpus beside the
checkout), times `evgraph report` on the result, fails when it takes more
than a minute, then renders the page in headless Chromium with
browser_check.py (all five pictures, a screenshot that is not blank).
Exit 77 (skipped) when the corpus is absent.
"""
import os
import subprocess
import sys
import time

LIMIT_SECONDS = 60.0


def main():
    evgraph, chromium, corpus, work = sys.argv[1:5]
    if not os.path.isdir(corpus):
        print("skipped: no corpus at %s (the shared folder beside the checkout)" % corpus)
        return 77
    os.makedirs(work, exist_ok=True)
    events = os.path.join(work, "corpus.jsonl")
    report = os.path.join(work, "corpus-report.html")
    # Some articles of a real feed may not parse: reported, exit 1, the rest written.
    p = subprocess.run([evgraph, "extract", corpus, "-o", events], stderr=subprocess.PIPE,
                       check=False)
    if p.returncode not in (0, 1) or not os.path.exists(events):
        sys.exit("evgraph extract failed (%d): %s"
                 % (p.returncode, p.stderr.decode()[-2000:]))
    start = time.monotonic()
    p = subprocess.run([evgraph, "report", events, "-o", report], stderr=subprocess.PIPE,
                       check=False)
    seconds = time.monotonic() - start
    if p.returncode != 0:
        sys.exit("evgraph report failed (%d): %s"
                 % (p.returncode, p.stderr.decode()[-2000:]))
    print("evgraph report of %s: %.2f s, %d bytes"
          % (corpus, seconds, os.path.getsize(report)))
    if seconds > LIMIT_SECONDS:
        sys.exit("the report took %.1f s, more than %.0f s" % (seconds, LIMIT_SECONDS))
    check = os.path.join(os.path.dirname(os.path.abspath(__file__)), "browser_check.py")
    shot = os.path.join(work, "corpus-report.png")
    return subprocess.run([sys.executable, check, chromium, report, shot],
                          check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
