#!/usr/bin/env python3
"""run.py CASE EVGRAPH WORK [SCALE]: one bad-input case (harness.py says how they work).

The cases are in articles.py (article files, folders, JSON Lines of articles), data.py
(events, lexicons, alias files, GraphML, exports; a flood of bad lines, byte order marks),
outputs.py (what is written, and where: document ids, standard output, outputs that are
inputs, run's set of files, long names, a full disk), unsafe.py (work quadratic in one
input, names that drive a terminal) and limits.py (a meeting of 2,000 people, out of
memory). SCALE shrinks the big inputs (the 100 MB line, the 1 GB stream) for slow builds
such as the sanitizer one.
"""
import os
import sys

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import articles  # noqa: E402
import data  # noqa: E402
import limits  # noqa: E402
import outputs  # noqa: E402
import unsafe  # noqa: E402
from harness import main  # noqa: E402

if __name__ == "__main__":
    main(dict(articles.CASES, **data.CASES, **outputs.CASES, **unsafe.CASES, **limits.CASES))
