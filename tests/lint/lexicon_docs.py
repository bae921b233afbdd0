#!/usr/bin/env python3
"""lexicon_docs.py LEXICON_DIR DOC: every section of the built-in lexicon, and every
parameter, is described in docs/lexicon.md (named there in backquotes), and every word
class of grammar.json says what its words do: a "doc" and two "examples"."""
import json
import os
import sys


def main():
    lexdir, doc = sys.argv[1], sys.argv[2]
    with open(doc, encoding="utf-8") as fh:
        text = fh.read()
    missing = []
    for name in sorted(os.listdir(lexdir)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(lexdir, name), encoding="utf-8") as fh:
            sections = json.load(fh)
        for key, value in sections.items():
            if key in ("about", "replace"):
                continue
            if "`%s`" % key not in text:
                missing.append("%s: section %s is not in %s" % (name, key, doc))
            if name == "grammar.json" and key != "params" and not (
                    isinstance(value, dict) and isinstance(value.get("doc"), str)
                    and len(value.get("examples", [])) == 2):
                missing.append("%s: %s needs a doc and two examples" % (name, key))
        for key in sections.get("params", {}):
            if "`%s`" % key not in text:
                missing.append("%s: parameter %s is not in %s" % (name, key, doc))
    print("\n".join(missing) if missing else "every section and parameter is documented")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
