#!/usr/bin/env python3
"""Articles as JSON Lines, for the benchmarks and the scaling test.

    articles_jsonl.py COPIES OUT.jsonl < FILES

FILES: article paths on standard input, separated by NUL bytes (find
-print0) or by newlines. Each article file ("date YYYY-MM-DD headline", a
blank line, the body; docs/evgraph.1) becomes one {"id", "date", "title",
"text"} line, COPIES times over (ids suffixed with the copy number after the
first), so that a file of any size can be made from a small folder. The id
is the file name without its extension, as when extract reads the file
itself.
"""
import json
import os
import re
import sys

HEADER = re.compile(r"date (\d{4}-\d{2}-\d{2})(?: (.*))?$")


def article(path):
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        first, _, rest = f.read().partition("\n")
    m = HEADER.match(first.strip())
    if m is None:
        return None, None, first + "\n" + rest
    return m.group(1), m.group(2) or "", rest.lstrip("\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: articles_jsonl.py COPIES OUT.jsonl < FILES")
    copies = int(sys.argv[1])
    data = sys.stdin.read()
    paths = [p for p in re.split("[\0\n]", data) if p]
    arts = []
    for p in paths:
        date, title, text = article(p)
        arts.append((os.path.splitext(os.path.basename(p))[0], date, title, text))
    with open(sys.argv[2], "w", encoding="utf-8") as out:
        for c in range(copies):
            for ident, date, title, text in arts:
                rec = {"id": ident if c == 0 else f"{ident}#{c}", "date": date,
                       "title": title, "text": text}
                out.write(json.dumps(rec, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
