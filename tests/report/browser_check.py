#!/usr/bin/env python3
"""Render a report in headless Chromium and check what a reader would see.

    browser_check.py CHROMIUM REPORT.html SCREENSHOT.png [--pictures N]
                     [--expect-text TEXT]...

Chromium loads the page from a file:// URL with networking, the GPU and
every background service off, in a fresh profile, and

- takes a 1200 x 3000 screenshot, which must not be blank: the PNG is
  decoded here (zlib and the PNG filters, standard library only) and enough
  of its pixels must be ink (not white), and some of them coloured (the
  pictures: country colours, bars), not only black text;
- dumps the DOM it built, which must hold N <svg> pictures (--pictures), no
  <script> element and no element with an event handler attribute (on...),
  and each --expect-text as text (proof that a name full of markup was shown
  as text, not parsed).

Exit status: 0 when all holds, 1 with the reasons on stderr, 77 (skipped)
when CHROMIUM is not an executable file.
"""
import argparse
import html.parser
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

SKIP = 77
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1",
]


def chromium(binary, args, timeout=180):
    profile = tempfile.mkdtemp(prefix="evg-chromium-")
    try:
        return subprocess.run(
            [binary] + FLAGS + ["--user-data-dir=" + profile] + args,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout, check=False)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def decode_png(data):
    """(width, height, channels, rows of bytes) of an 8-bit RGB or RGBA PNG."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG file")
    pos, idat, head = 8, [], None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            head = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = head
    if depth != 8 or colour not in (2, 6) or interlace:
        raise ValueError("unexpected PNG kind: depth %d colour %d" % (depth, colour))
    ch = 3 if colour == 2 else 4
    raw, stride = zlib.decompress(b"".join(idat)), width * ch
    rows, prev = [], bytearray(stride)
    for y in range(height):
        at = y * (stride + 1)
        f, line = raw[at], bytearray(raw[at + 1:at + 1 + stride])
        for i in range(stride):
            a = line[i - ch] if i >= ch else 0
            b, c = prev[i], prev[i - ch] if i >= ch else 0
            line[i] = (line[i] + (0, a, b, (a + b) // 2, paeth(a, b, c))[f]) & 0xFF
        rows.append(line)
        prev = line
    return width, height, ch, rows


def ink(png):
    """The share of pixels that are not white, and how many are clearly coloured."""
    width, height, ch, rows = decode_png(png)
    dark = coloured = 0
    for line in rows:
        for i in range(0, width * ch, ch):
            r, g, b = line[i], line[i + 1], line[i + 2]
            if min(r, g, b) < 235:
                dark += 1
                if max(r, g, b) - min(r, g, b) > 60:
                    coloured += 1
    return dark / float(width * height), coloured


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.svgs, self.scripts, self.handlers, self.text = 0, 0, [], []

    def handle_starttag(self, tag, attrs):
        self.svgs += tag == "svg"
        self.scripts += tag == "script"
        self.handlers += [(tag, k) for k, _ in attrs if k.lower().startswith("on")]

    def handle_data(self, data):
        self.text.append(data)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("chromium")
    ap.add_argument("report")
    ap.add_argument("screenshot")
    ap.add_argument("--pictures", type=int, default=5)
    ap.add_argument("--expect-text", action="append", default=[])
    ap.add_argument("--min-ink", type=float, default=0.02)
    ap.add_argument("--min-coloured", type=int, default=2000)
    a = ap.parse_args()
    if not (os.path.isfile(a.chromium) and os.access(a.chromium, os.X_OK)):
        print("skipped: no Chromium at %s (Debian: apt-get install chromium)"
              % a.chromium)
        return SKIP
    url = "file://" + os.path.abspath(a.report)
    problems = []

    shot = chromium(a.chromium,
                    ["--window-size=1200,3000", "--screenshot=" + a.screenshot, url])
    if shot.returncode != 0 or not os.path.exists(a.screenshot):
        problems.append("chromium --screenshot failed (%d): %s" % (
            shot.returncode, shot.stderr.decode(errors="replace")[-2000:]))
    else:
        share, coloured = ink(open(a.screenshot, "rb").read())
        print("%s: %.1f%% of the pixels inked, %d coloured"
              % (a.screenshot, 100 * share, coloured))
        if share < a.min_ink:
            problems.append("the screenshot is blank: %.2f%% inked" % (100 * share))
        if coloured < a.min_coloured:
            problems.append("the screenshot shows no pictures: %d coloured pixels"
                            % coloured)

    dump = chromium(a.chromium, ["--dump-dom", url])
    dom = Dom()
    dom.feed(dump.stdout.decode("utf-8", errors="replace"))
    text = "".join(dom.text)
    print("DOM: %d svg, %d script, %d handler attributes"
          % (dom.svgs, dom.scripts, len(dom.handlers)))
    if dump.returncode != 0 or not dump.stdout:
        problems.append("chromium --dump-dom failed (%d)" % dump.returncode)
    if dom.svgs < a.pictures:
        problems.append("%d pictures rendered, expected %d" % (dom.svgs, a.pictures))
    if dom.scripts or dom.handlers:
        problems.append("the browser built script: %d <script>, handlers %s"
                        % (dom.scripts, dom.handlers))
    for t in a.expect_text:
        if t not in text:
            problems.append("the page does not show the text %r" % t)
    for p in problems:
        print("FAIL: " + p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
