#!/usr/bin/env python3
"""The shared library exports the public API and nothing else.

Every symbol libevgraph.so defines for the dynamic linker (nm -D --defined-only) must be
an evg_* name that is not internal (evg_i_*) and that a public header declares with
EVG_API. Anything else is a leak: make it static, or leave it hidden (the library is
built with -fvisibility=hidden; only EVG_API marks a function visible).
Usage: exports.py NM LIBRARY INCLUDE_DIR
"""
import os
import re
import subprocess
import sys


def main():
    nm, lib, inc = sys.argv[1:4]
    out = subprocess.run([nm, "-D", "--defined-only", lib], check=True,
                         capture_output=True, text=True).stdout
    syms = sorted({line.split()[-1] for line in out.splitlines() if line.strip()})
    declared = set()
    for d, _, names in os.walk(inc):
        for n in names:
            if n.endswith(".h"):
                text = open(os.path.join(d, n), encoding="utf-8").read()
                for decl in re.findall(r"EVG_API\b[^;{]*?\b(evg_\w+)\s*\(", text, re.S):
                    declared.add(decl)
    bad = 0
    for s in syms:
        why = None
        if not s.startswith("evg_"):
            why = "is not an evg_* name"
        elif s.startswith("evg_i_"):
            why = "is internal (evg_i_*)"
        elif s not in declared:
            why = "is not declared EVG_API in a public header"
        if why:
            print(f"{lib}: exports {s}, which {why}")
            bad += 1
    if not syms:
        print(f"{lib}: no exported symbol at all")
        bad += 1
    print(f"{len(syms)} symbols, {bad} leaks")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
