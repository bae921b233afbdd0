#!/usr/bin/env python3
"""Each stage of src/ includes only what docs/design.md allows it.

The table under "## Boundaries" in docs/design.md is the one place that says, per
folder of src/, which of the libraries with a boundary (igraph, jansson, cJSON, sqlite3) it
may reach and which headers of other stages it may include. This test reads that
table and fails when a file of src/ includes a header of another stage not listed
for its folder, or reaches a library header, directly or through any chain of
project headers, that its folder is not allowed. src/util/ and include/evgraph/ are
shared by every stage; src/cli/ may include only its own headers and the public ones. Usage: boundaries.py SOURCE_DIR [--print]
"""
import os
import re
import sys

LIBS = {"igraph.h": "igraph", "jansson.h": "jansson", "cjson/cJSON.h": "cJSON",
        "cJSON.h": "cJSON", "sqlite3.h": "sqlite3"}
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]', re.M)


def read_table(design):
    text = open(design, encoding="utf-8").read()
    m = re.search(r"^## Boundaries\n(.*?)(?=^## )", text, re.S | re.M)
    if not m:
        sys.exit(f"{design}: no '## Boundaries' section")
    table = {}
    for line in m.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| `src/") or len(cells) != 3:
            continue
        folder = cells[0].strip("`").removeprefix("src/").rstrip("/")
        libs = set(re.findall(r"\b(igraph|jansson|cJSON|sqlite3)\b", cells[1]))
        heads = set(re.findall(r"`([a-z]+/[a-z_]+\.h)`", cells[2]))
        table[folder] = (libs, heads)
    return table


def main():
    root = sys.argv[1]
    src = os.path.join(root, "src")
    table = read_table(os.path.join(root, "docs", "design.md"))
    files = {}
    for d, _, names in os.walk(src):
        for n in names:
            if n.endswith((".c", ".h")):
                p = os.path.join(d, n)
                files[os.path.relpath(p, src)] = INCLUDE.findall(open(p, encoding="utf-8").read())

    def resolve(frm, name):
        for cand in (name, os.path.join(os.path.dirname(frm), name)):
            if os.path.normpath(cand) in files:
                return os.path.normpath(cand)
        return None

    def libs_of(f, seen):
        """Library headers reached from f, each with the chain that reaches it."""
        out = {}
        for kind, name in files[f]:
            if name in LIBS:
                out.setdefault(LIBS[name], [f, name])
                continue
            r = resolve(f, name) if kind == '"' else None
            if r and r not in seen:
                seen.add(r)
                for lib, chain in libs_of(r, seen).items():
                    out.setdefault(lib, [f] + chain)
        return out

    errors, used = [], {}
    for f in sorted(files):
        folder = f.split("/")[0]
        if folder not in table:
            errors.append(f"src/{f}: folder src/{folder}/ is not in the Boundaries table")
        libs, heads = table.get(folder, (set(), set()))
        got_libs, got_heads = libs_of(f, {f}), set()
        for kind, name in files[f]:
            r = resolve(f, name) if kind == '"' else None
            other = r.split("/")[0] if r else None
            # util/ is shared by every stage, but not by the tool, which sees <evgraph.h> only
            if r and other != folder and (other != "util" or folder == "cli"):
                got_heads.add(r)
                if r not in heads:
                    errors.append(f"src/{f}: includes {r}, a header of {other}/ that "
                                  f"src/{folder}/ may not include")
        for lib, chain in sorted(got_libs.items()):
            if lib not in libs:
                errors.append(f"src/{f}: reaches {lib} ({' -> '.join(chain)}); "
                              f"src/{folder}/ may not use {lib}")
        u = used.setdefault(folder, (set(), set()))
        u[0].update(got_libs)
        u[1].update(got_heads)
    for folder, (libs, heads) in sorted(table.items()):
        u = used.get(folder, (set(), set()))
        for x in sorted((libs - u[0]) | (heads - u[1])):
            errors.append(f"docs/design.md: src/{folder}/ is allowed {x} but does not use it "
                          "(keep the table exact)")
    if "--print" in sys.argv:
        for folder, (libs, heads) in sorted(used.items()):
            print(folder, sorted(libs), sorted(heads))
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
