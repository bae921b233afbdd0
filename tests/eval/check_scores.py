#!/usr/bin/env python3
"""Run the shared scorer on a gold set and check minimum figures.

usage: check_scores.py SHARED_DIR SET EVGRAPH NAME=MIN...
NAME is a figure of score.py --json: an F1 (meeting_pairs, agreements, ...)
or date_accuracy / country_accuracy. Exits 77 (skipped) when the set is absent.
"""
import json
import os
import subprocess
import sys


def main(argv):
    shared, name, evgraph = argv[1:4]
    gold = os.path.join(shared, "eval", name, "gold")
    articles = os.path.join(shared, "eval", name, "articles")
    score = os.path.join(shared, "eval", "score.py")
    if not (os.path.isdir(gold) and os.path.isfile(score)):
        print(f"skipped: {gold} not found (the shared evaluation folder is absent)")
        return 77
    res = subprocess.run([sys.executable, score, "--gold", gold, "--articles", articles,
                          "--extract", evgraph + " extract", "--json"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stdout, res.stderr)
        return 1
    figures = json.loads(res.stdout)
    failed = 0
    for spec in argv[4:]:
        key, minimum = spec.split("=")
        value = figures[key]["f1"] if isinstance(figures.get(key), dict) else figures.get(key)
        ok = value is not None and value >= float(minimum)
        print(f"{name} {key}: {value} (at least {minimum}) {'ok' if ok else 'FAILED'}")
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
