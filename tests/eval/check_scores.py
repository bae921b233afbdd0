#!/usr/bin/env python3
"""Run the shared scorer on a gold set and check minimum figures.

usage: check_scores.py SHARED_DIR SET EVGRAPH NAME=MIN...
NAME is a figure of score.py --json: an F1 (meeting_pairs, call_pairs, participants, ...),
meeting_pairs_per_doc_f1, date_accuracy or country_accuracy; or `negatives`, whose
value is the number of pairs of people predicted to meet in articles whose gold has no
event at all, and whose bound is a maximum (negatives=0). Exits 77 (skipped) when the
set is absent.
"""
import json
import os
import subprocess
import sys


def negatives(figures, gold):
    """Pairs predicted in the articles that report no meeting, call or plan."""
    if "details" not in figures:  # without them every count would be 0
        raise SystemExit("score.py --verbose gave no per-article details")
    n = 0
    for det in figures["details"]:
        with open(os.path.join(gold, det["doc"] + ".json"), encoding="utf-8") as fh:
            if not json.load(fh).get("events"):
                n += len(det.get("pred_pairs", []))
    return n


def main(argv):
    shared, name, evgraph = argv[1:4]
    gold = os.path.join(shared, "eval", name, "gold")
    articles = os.path.join(shared, "eval", name, "articles")
    score = os.path.join(shared, "eval", "score.py")
    if not (os.path.isdir(gold) and os.path.isfile(score)):
        print(f"skipped: {gold} not found (the shared evaluation folder is absent)")
        return 77
    res = subprocess.run([sys.executable, score, "--gold", gold, "--articles", articles,
                          "--extract", evgraph + " extract", "--json", "--verbose"],
                         capture_output=True, text=True)
    if res.returncode != 0:
        print(res.stdout, res.stderr)
        return 1
    figures = json.loads(res.stdout)
    failed = 0
    for spec in argv[4:]:
        key, bound = spec.split("=")
        if key == "negatives":
            value = negatives(figures, gold)
            ok = value <= int(bound)
            print(f"{name} {key}: {value} (at most {bound}) {'ok' if ok else 'FAILED'}")
        else:
            value = figures[key]["f1"] if isinstance(figures.get(key), dict) else figures.get(key)
            ok = value is not None and value >= float(bound)
            print(f"{name} {key}: {value} (at least {bound}) {'ok' if ok else 'FAILED'}")
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
