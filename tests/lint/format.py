"""Every .c and .h file under src, include, tests and bench is formatted as .clang-format
says: lists the files that differ and fails when there is one.

    format.py CLANG_FORMAT SOURCE_DIR
"""
import pathlib
import subprocess
import sys


def main():
    tool, root = sys.argv[1], pathlib.Path(sys.argv[2])
    files = sorted(p for d in ("src", "include", "tests", "bench") for ext in ("*.c", "*.h")
                   for p in (root / d).rglob(ext))
    if not files:
        sys.exit("format.py: no C files under %s" % root)
    bad = []
    for f in files:
        out = subprocess.run([tool, "--style=file", str(f)], capture_output=True, check=True,
                             cwd=root).stdout
        if out != f.read_bytes():
            bad.append(str(f.relative_to(root)))
    for f in bad:
        print("not formatted: %s" % f)
    if bad:
        sys.exit("%d of %d files differ from .clang-format; run clang-format -i on them" %
                 (len(bad), len(files)))
    print("%d files formatted" % len(files))


main()
