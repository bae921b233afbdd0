#!/usr/bin/env python3
"""word_literals.py SRC_DIR BASELINE: the extractor's English stays in its lexicon.

Counts the string literals of the C sources in SRC_DIR (src/extract) that are lower-case
English words ("said", "as well"), comments left out, in every file but the lexicon
loaders (lexicon*.c, which name the sections, parameters and columns of the files). The words the rules use
belong in data/lexicon/grammar.json (docs/lexicon.md); what is left are the names of
values of the event record ("text", "dateline"). Fails, listing them, when there are
more than BASELINE; when there are fewer, passes and says to lower it: the count may
only fall."""
import os
import re
import sys

WORD = re.compile(r"[a-z][a-z' -]*")


def literals(text):
    """(line, contents) of each string literal of C source `text`."""
    out, i, line, n = [], 0, 1, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = n if end < 0 else end + 2
            line += text.count("\n", i, end)
            i = end
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
        elif c in "\"'":
            j, start = i + 1, line
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            if c == '"':
                out.append((start, text[i + 1:j]))
            i = j + 1
        else:
            line += c == "\n"
            i += 1
    return out


def main():
    src, baseline = sys.argv[1], int(sys.argv[2])
    found = []
    for name in sorted(os.listdir(src)):
        if not name.endswith((".c", ".h")) or re.fullmatch(r"lexicon\w*\.c", name):
            continue
        with open(os.path.join(src, name), encoding="utf-8") as fh:
            for line, s in literals(fh.read()):
                if WORD.fullmatch(s):
                    found.append("%s:%d: \"%s\"" % (name, line, s))
    print("\n".join(found))
    print("%d English word literals in %s (baseline %d)" % (len(found), src, baseline))
    if len(found) > baseline:
        print("more than the baseline: put the words in data/lexicon/grammar.json "
              "(docs/lexicon.md) and test them with x_word()")
        return 1
    if len(found) < baseline:
        print("fewer than the baseline: lower it to %d in tests/lint/CMakeLists.txt"
              % len(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
