#!/usr/bin/env python3
"""Check the agreements of the shared corpus as an analyst would read them.

usage: check_corpus_agreements.py SHARED_DIR EVGRAPH WORK

Runs `evgraph run -j2 SHARED_DIR/corpus -o WORK` and fails when
- an agreement name ends in a preposition, an article, a conjunction or a time word
  (a weekday, a month, "today", "week"): a name cut short or run on into a tail;
- two agreement nodes of the graph have labels that fold to the same words (described
  agreements between other parties carry their parties in the label);
- a name reads "agreement to ..." where the article has no such noun phrase: a verb
  ("agreed to ...") made into an agreement.
Prints the counts and the first offenders. Exits 77 (skipped) when the corpus is absent.
"""
import collections
import json
import os
import re
import sys
import unicodedata

from corpus_run import graph_nodes, run_corpus

LAST_WORD_NOT = {
    # prepositions, articles, conjunctions
    "in", "on", "at", "of", "to", "for", "by", "with", "from", "until", "during", "since",
    "into", "over", "under", "about", "as", "than", "toward", "towards", "between", "among",
    "the", "a", "an", "and", "or", "but",
    # time words
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "january", "february", "march", "april", "june", "july", "august", "september",
    "october", "november", "december", "today", "yesterday", "tomorrow", "tonight",
    "week", "weekend", "month", "morning", "afternoon", "evening",
}
SMALL = {"the", "a", "an", "of", "on", "in", "for", "and", "to", "between", "with"}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).casefold()


def words(s):
    return re.findall(r"[a-z0-9]+", fold(s).replace("'", ""))


def label_key(label):
    return tuple(sorted(set(words(label)) - SMALL))


def main(argv):
    shared, evgraph, work = argv[1:4]
    status = run_corpus(shared, evgraph, work)
    if status is not None:
        return status
    bad_end, verb_made, names = [], [], 0
    with open(os.path.join(work, "events.jsonl"), encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            text = None
            for e in rec.get("entities", []):
                if e.get("type") != "agreement":
                    continue
                names += 1
                name = e.get("name") or ""
                w = words(name)
                if w and w[-1] in LAST_WORD_NOT:
                    bad_end.append(name)
                if fold(name).startswith("agreement to "):
                    if text is None:
                        path = rec["doc"].get("path") or ""
                        try:
                            with open(path, encoding="utf-8", errors="replace") as art:
                                text = " ".join(fold(art.read()).split())
                        except OSError:
                            text = ""
                    head = " ".join(fold(name).split()[:3])  # "agreement to <verb>"
                    if text and head not in text:
                        verb_made.append(name)
    labels = collections.defaultdict(list)
    for data in graph_nodes(work, "agreement"):
        labels[label_key(data.get("label", ""))].append(data.get("label", ""))
    same = [v for v in labels.values() if len(v) > 1]
    print(f"{names} agreement names; ending in a preposition or a time word: {len(bad_end)}; "
          f"'agreement to' not in the text: {len(verb_made)}; "
          f"agreement nodes: {sum(len(v) for v in labels.values())}, "
          f"labels folding to the same words: {len(same)}")
    for what, items in (("ends badly", bad_end), ("made from a verb", verb_made),
                        ("same words", same)):
        for item in items[:10]:
            print(f"  {what}: {item}")
    return 1 if bad_end or verb_made or same else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
