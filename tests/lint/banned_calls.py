#!/usr/bin/env python3
"""No banned call in the C of the project.

The style guide bans gets, sprintf, vsprintf, strcpy, strcat, strtok, atoi and sscanf
(after curl's checksrc): they overflow buffers or cannot report a bad number. Use
snprintf, a strbuf (util/buf.h), strtol with the end pointer checked, or
evg_i_leading_int() (util/date.h). Comments and string literals are not code and are
skipped. Usage: banned_calls.py DIR...
"""
import os
import re
import sys

BANNED = ("gets", "sprintf", "vsprintf", "strcpy", "strcat", "strtok", "atoi", "sscanf")
CALL = re.compile(r"(?<![\w.>])(" + "|".join(BANNED) + r")\s*\(")
# Comments, string and character literals, replaced by blanks of the same lines.
NOT_CODE = re.compile(r'/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'', re.S)


def code_only(text):
    return NOT_CODE.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def main():
    bad = 0
    for top in sys.argv[1:]:
        for d, _, names in sorted(os.walk(top)):
            for n in sorted(names):
                if not n.endswith((".c", ".h")):
                    continue
                p = os.path.join(d, n)
                code = code_only(open(p, encoding="utf-8", errors="replace").read())
                for m in CALL.finditer(code):
                    line = code.count("\n", 0, m.start()) + 1
                    print(f"{p}:{line}: {m.group(1)}() is banned (docs/design.md, Banned calls)")
                    bad += 1
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
