#!/usr/bin/env python3
"""Run the sentence suite: invented articles, each with the events evgraph must extract.

usage: run.py [--filter REGEX] [--evgraph PATH] [--lexicon FILE]... [--verbose]
              [--update-known]

Every case of the NN-*.txt files beside this script becomes one article of a JSON Lines
file; `evgraph extract` runs once over all of them and each case's output is compared with
its expected events (README.md beside this script gives the format and the matching rules).
One line is printed per failure, then `N passed, M failed, K known failures`.

The exit status is 0 when every case passes or is listed in known-failures.txt, 1 when a case
fails that is not listed or a listed case now passes (the list must stay honest), 2 when a
case file or the list is malformed or evgraph cannot be run.

The suite lexicon (lexicon.json, the invented countries) and gazetteer (officials.tsv, the
invented office holders) are always passed to evgraph; each --lexicon adds a file after it. --update-known rewrites known-failures.txt from this run,
keeping the reasons already written. Only the Python standard library is used.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
KNOWN = os.path.join(HERE, "known-failures.txt")
SUITE_LEXICON = os.path.join(HERE, "lexicon.json")
SUITE_OFFICIALS = os.path.join(HERE, "officials.tsv")
DEFAULT_DATE = "2024-03-06"  # a Wednesday

# Expected kinds and the output events each one accepts: (types, status).
KINDS = {
    "meeting": ({"meeting", "visit", "signing"}, "reported"),
    "call": ({"call"}, "reported"),
    "planned": (None, "planned"),  # any type
    "visit": ({"visit"}, "reported"),
    "signing": ({"signing"}, "reported"),
}
OUTPUT_TYPES = {"meeting", "call", "visit", "signing"}

# Words that are not part of a name when names are compared (as the shared scorer does):
# honorifics, some titles, generational suffixes.
NOT_NAME = {"mr", "mrs", "ms", "dr", "sir", "h", "e", "he", "hon", "prof", "lord", "lady",
            "sheikh", "gen", "general", "president", "minister", "king", "queen", "prince",
            "jr", "sr", "ii", "iii", "iv"}


class CaseError(Exception):
    """A malformed case file or list: the message names the file and line."""


# ---------------------------------------------------------------------------- names


def fold(s):
    """Lower case without accents: 'Ursel von der Brändt' -> 'ursel von der brandt'."""
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    for a, b in (("ı", "i"), ("ø", "o"), ("ß", "ss"), ("đ", "d"), ("ł", "l")):
        s = s.replace(a, b)
    return s.casefold()


def all_tokens(name):
    """Every word of a folded name, initials and suffixes included."""
    return re.findall(r"[a-z0-9]+", fold(name).replace("'", "").replace("\u2019", ""))


def name_tokens(name):
    """The words that identify a person: no honorifics, suffixes or initials."""
    return [t for t in all_tokens(name) if t not in NOT_NAME and len(t) > 1]


def same_person(a, b):
    """True when two written names can be the same person: the same words, the same set of
    words in another order ('Park Jin-ho' / 'Jin-ho Park'), or the same surname with the
    surname alone on one side or the same given name (or its initial) on both."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    if ta[-1] != tb[-1]:
        return set(ta) == set(tb)
    if len(ta) == 1 or len(tb) == 1:
        return True
    return ta[0][0] == tb[0][0]


def exact_name(a, b):
    """Every word as written, initials, particles and suffixes included."""
    return all_tokens(a) == all_tokens(b)


def same_agreement(a, b):
    """Half of the content words in common, as the shared scorer matches agreements."""
    stop = {"the", "of", "on", "and", "a", "an", "in", "for", "between", "to", "with", "its",
            "their"}
    wa = {t for t in re.findall(r"[a-z0-9]+", fold(a)) if t not in stop}
    wb = {t for t in re.findall(r"[a-z0-9]+", fold(b)) if t not in stop}
    return bool(wa and wb) and len(wa & wb) / len(wa | wb) >= 0.5


def match_people(expected, got, same):
    """A one-to-one assignment of expected names to got names, or None (augmenting paths)."""
    if len(expected) != len(got):
        return None
    owner = [None] * len(got)

    def place(i, seen):
        for j, g in enumerate(got):
            if j not in seen and same(expected[i], g):
                seen.add(j)
                if owner[j] is None or place(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(expected)):
        if not place(i, set()):
            return None
    out = [None] * len(expected)
    for j, i in enumerate(owner):
        out[i] = j
    return out


# ---------------------------------------------------------------------------- case files


class Expect:
    def __init__(self, kind, people, attrs, where):
        self.kind = kind          # a key of KINDS, or "parties" (an event of no named person)
        self.people = people      # names as written in the case; for "parties", the parties
        self.attrs = attrs        # {'date': ..., 'place': ..., 'city': ...,
                                  #  'place_country': ..., 'type': ..., 'exact': True,
                                  #  'country': {name: code or None}}
        self.where = where

    def __str__(self):
        s = f"{self.kind}: {' | '.join(self.people)}"
        extra = []
        for k in ("date", "place", "city", "place_country", "type"):
            if k in self.attrs:
                extra.append(f"{k}={self.attrs[k] if self.attrs[k] is not None else 'null'}")
        if self.attrs.get("exact"):
            extra.append("exact")
        for n, c in self.attrs.get("country", {}).items():
            extra.append(f"{n}={c or 'null'}")
        if "parties" in self.attrs:
            extra.append("parties=" + ", ".join(self.attrs["parties"]))
        return s + (" ; " + "; ".join(extra) if extra else "")


class Case:
    def __init__(self, cid, path, line):
        self.id = cid
        self.path = path
        self.line = line
        self.date = DEFAULT_DATE
        self.headline = ""
        self.source = None        # the JSON Lines record's "source": who issued the text
        self.body_lines = []
        self.expects = []
        self.none = False
        self.agreements = None    # None: not checked; []: none may be found
        self.no_parties = False   # "parties: none": no event of no named person may exist

    def where(self):
        return f"{os.path.relpath(self.path, HERE)}:{self.line}"

    def body(self):
        """Lines of a paragraph joined by a space, paragraphs by a blank line."""
        paras, cur = [], []
        for ln in self.body_lines:
            if ln.strip():
                cur.append(ln.strip())
            elif cur:
                paras.append(" ".join(cur))
                cur = []
        if cur:
            paras.append(" ".join(cur))
        return "\n\n".join(paras) + "\n"


DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
CODE_RE = re.compile(r"^[A-Z]{3}$")


# Attributes naming the agreements an event has with a relation of the record.
AGREEMENT_RELATIONS = ("signed", "referenced", "negotiated", "ratified", "withdrawn")


def parse_attrs(text, people, where):
    attrs = {}
    for item in [x.strip() for x in text.split(";") if x.strip()]:
        if item == "exact":
            attrs["exact"] = True
            continue
        if "=" not in item:
            raise CaseError(f"{where}: attribute '{item}' is not KEY=VALUE or 'exact'")
        key, value = (x.strip() for x in item.split("=", 1))
        if key == "date":
            if value != "null" and not DATE_RE.match(value):
                raise CaseError(f"{where}: date '{value}' is not YYYY-MM-DD or null")
            attrs["date"] = None if value == "null" else value
        elif key in ("place", "city"):
            attrs[key] = None if value == "null" else value
        elif key == "place_country":
            if value != "null" and not CODE_RE.match(value):
                raise CaseError(f"{where}: place_country '{value}' is not an alpha-3 code or null")
            attrs[key] = None if value == "null" else value
        elif key == "type":
            if value not in OUTPUT_TYPES:
                raise CaseError(f"{where}: type '{value}' is not one of {sorted(OUTPUT_TYPES)}")
            attrs["type"] = value
        elif key == "parties":
            attrs["parties"] = [parse_party(x.strip(), where) for x in value.split(",") if x.strip()]
        elif key in AGREEMENT_RELATIONS:
            attrs[key] = [] if value == "none" else [x.strip() for x in value.split(",")
                                                     if x.strip()]
        else:
            if not any(same_person(key, p) for p in people):
                raise CaseError(f"{where}: '{key}' is neither an attribute nor a person of this line")
            if value != "null" and not CODE_RE.match(value):
                raise CaseError(f"{where}: country '{value}' of {key} is not an alpha-3 code or null")
            attrs.setdefault("country", {})[key] = None if value == "null" else value
    return attrs


PARTY_RE = re.compile(r"^([A-Z]{3}|org:[a-z0-9-]+)(?:\s*\((.+)\))?$")


def parse_party(text, where):
    """'ARD' (a state), 'org:grain-council' (a body), 'ARD (deputy foreign minister)' (an
    official of it the text does not name): kept as written, compared by party_key()."""
    if not PARTY_RE.match(text):
        raise CaseError(f"{where}: party '{text}' is not CODE, org:SLUG or CODE (office)")
    return text


def party_key(text):
    m = PARTY_RE.match(text)
    return (m.group(1), fold(m.group(2)) if m.group(2) else None)


def parse_expect(case, line, where):
    if line == "none":
        if case.none:
            raise CaseError(f"{where}: 'none' given twice")
        case.none = True
        return
    m = re.match(r"^([a-z]+):\s*(.*)$", line)
    if not m:
        raise CaseError(f"{where}: expected 'KIND: Name | Name ; attributes' or 'none'")
    kind, rest = m.group(1), m.group(2).strip()
    if kind == "agreement":
        if case.agreements is None:
            case.agreements = []
        name, _, attrs = rest.partition(";")
        name, attrs = name.strip(), attrs.strip()
        if attrs not in ("", "exact"):
            raise CaseError(f"{where}: an agreement takes only the attribute 'exact'")
        if name != "none":
            case.agreements.append((name, attrs == "exact"))
        return
    if kind == "parties":
        names, _, attrs = rest.partition(";")
        if names.strip() == "none":
            case.no_parties = True
            return
        items = [parse_party(p.strip(), where) for p in names.split("|") if p.strip()]
        if not items:
            raise CaseError(f"{where}: no parties")
        case.expects.append(Expect("parties", items, parse_attrs(attrs, [], where), where))
        return
    if kind not in KINDS:
        raise CaseError(f"{where}: unknown kind '{kind}' (one of {', '.join(KINDS)}, parties, agreement)")
    names, _, attrs = rest.partition(";")
    people = [p.strip() for p in names.split("|") if p.strip()]
    if not people:
        raise CaseError(f"{where}: no people")
    case.expects.append(Expect(kind, people, parse_attrs(attrs, people, where), where))


def parse_file(path):
    """Cases of one file. States: before a case, header (@ lines), body, expectations."""
    cases, case, state = [], None, "outside"
    with open(path, encoding="utf-8") as fh:
        lines = fh.read().split("\n")
    for n, raw in enumerate(lines, 1):
        line = raw.rstrip()
        where = f"{os.path.relpath(path, HERE)}:{n}"
        if line.startswith("=== "):
            if case is not None and state != "expect":
                raise CaseError(f"{where}: case '{case.id}' has no '.' line ending its body")
            cid = line[4:].strip()
            if not ID_RE.match(cid):
                raise CaseError(f"{where}: id '{cid}' is not lower-case words joined by hyphens")
            case = Case(cid, path, n)
            cases.append(case)
            state = "header"
            continue
        if state == "outside":
            if line and not line.startswith("#"):
                raise CaseError(f"{where}: text outside a case (a case starts with '=== ID')")
            continue
        if state == "header":
            if line.startswith("@date "):
                case.date = line[6:].strip()
                if not DATE_RE.match(case.date):
                    raise CaseError(f"{where}: @date '{case.date}' is not YYYY-MM-DD")
                continue
            if line.startswith("@headline "):
                case.headline = line[10:].strip()
                continue
            if line.startswith("@source "):
                case.source = line[8:].strip()
                continue
            if line.startswith("@"):
                raise CaseError(f"{where}: unknown header '{line.split()[0]}'")
            state = "body"
        if state == "body":
            if line == ".":
                if not "".join(case.body_lines).strip():
                    raise CaseError(f"{where}: case '{case.id}' has an empty body")
                state = "expect"
            else:
                case.body_lines.append(line)
            continue
        # expectations
        if not line or line.startswith("#"):
            continue
        parse_expect(case, line, where)
    if case is not None and state != "expect":
        raise CaseError(f"{os.path.relpath(path, HERE)}: case '{case.id}' has no '.' line")
    for c in cases:
        if not c.expects and not c.none and not c.no_parties:
            raise CaseError(f"{c.where()}: case '{c.id}' expects nothing: write 'none'")
        if c.none and any(e.kind != "parties" and len(e.people) >= 2 for e in c.expects):
            raise CaseError(f"{c.where()}: case '{c.id}' says 'none' and lists an event of two people")
    return cases


def load_cases():
    cases, seen = [], {}
    for path in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]-*.txt"))):
        for c in parse_file(path):
            if c.id in seen:
                raise CaseError(f"{c.where()}: id '{c.id}' is already used at {seen[c.id]}")
            seen[c.id] = c.where()
            cases.append(c)
    return cases


def load_known():
    known = {}
    if not os.path.exists(KNOWN):
        return known
    with open(KNOWN, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            cid, _, reason = line.partition(" ")
            if cid in known:
                raise CaseError(f"known-failures.txt:{n}: '{cid}' listed twice")
            known[cid] = reason.strip()
    return known


# ---------------------------------------------------------------------------- comparing


class Event:
    """An output event with its named people resolved."""

    def __init__(self, ev, ents):
        self.type = ev.get("type")
        self.status = ev.get("status", "reported")
        self.date = ev.get("date")
        self.place = ev.get("place")
        # the place's entity: the one place_id names, else the place entity of that name
        pe = ents.get(ev.get("place_id")) if ev.get("place_id") else next(
            (e for e in ents.values() if e.get("type") == "place" and self.place is not None
             and e.get("name") == self.place), None)
        self.city = (pe or {}).get("city")
        self.place_country = (pe or {}).get("country")
        self.people = []
        for p in ev.get("participants", []):
            e = ents.get(p.get("entity"), {})
            if e.get("type") == "person" and e.get("name"):
                self.people.append(e)
        self.names = [e["name"] for e in self.people]
        self.agreements = {}  # relation -> agreement names
        for a in ev.get("agreements", []):
            name = ents.get(a.get("entity"), {}).get("name") or a.get("entity", "")
            self.agreements.setdefault(a.get("relation"), []).append(name)
        self.parties = []  # (code or org id, folded office or None)
        for p in ev.get("parties", []):
            ent = p.get("entity") or ""
            code = ent[len("country:"):] if ent.startswith("country:") else ent
            self.parties.append((code, fold(p["title"]) if p.get("title") else None))

    def __str__(self):
        s = self.type + ("/planned" if self.status == "planned" else "")
        s += f": {' | '.join(self.names) or '(no named person)'}"
        extra = [f"date={self.date or 'null'}"]
        if self.parties:
            extra.append("parties=" + ", ".join(c + (f" ({t})" if t else "")
                                                for c, t in self.parties))
        if self.place:
            extra.append(f"place={self.place}")
        if self.city:
            extra.append(f"city={self.city}")
        if self.place_country:
            extra.append(f"place_country={self.place_country}")
        countries = [f"{e['name']}={e.get('country') or 'null'}" for e in self.people]
        return s + " ; " + "; ".join(extra + countries)


def accepts(kind, ev):
    if kind == "parties":  # reported, of any type; "type=" narrows it
        return ev.status == "reported" and not ev.names
    types, status = KINDS[kind]
    return ev.status == status and (types is None or ev.type in types)


def same_parties(expected, got):
    """The parties asked for are exactly the event's; an office given must agree."""
    want = [party_key(p) for p in expected]
    if sorted(c for c, _ in want) != sorted(c for c, _ in got):
        return False
    offices = dict(got)
    return all(t is None or offices.get(c) == t for c, t in want)


def same_place(a, b):
    strip = lambda s: re.sub(r"^the\s+", "", fold(s or "").strip())
    return strip(a) == strip(b)


def check_attrs(exp, ev, assign):
    """Differences between the attributes asked for and the event's, as text."""
    bad = []
    a = exp.attrs
    if "date" in a and a["date"] != ev.date:
        bad.append(f"date {ev.date or 'null'}, not {a['date'] or 'null'}")
    if "place" in a:
        if (a["place"] is None) != (ev.place is None) or \
                (a["place"] is not None and not same_place(a["place"], ev.place)):
            bad.append(f"place {ev.place or 'null'}, not {a['place'] or 'null'}")
    if "city" in a:
        if (a["city"] is None) != (ev.city is None) or \
                (a["city"] is not None and not same_place(a["city"], ev.city)):
            bad.append(f"city {ev.city or 'null'}, not {a['city'] or 'null'}")
    if "place_country" in a and a["place_country"] != ev.place_country:
        bad.append(f"place_country {ev.place_country or 'null'}, "
                   f"not {a['place_country'] or 'null'}")
    if "type" in a and a["type"] != ev.type:
        bad.append(f"type {ev.type}, not {a['type']}")
    if "parties" in a and not same_parties(a["parties"], ev.parties):
        bad.append(f"parties {ev.parties or 'none'}, not {', '.join(a['parties'])}")
    for rel in AGREEMENT_RELATIONS:
        if rel in a:
            got = list(ev.agreements.get(rel, []))
            want = a[rel]
            ok = len(got) == len(want)
            for w in want:
                hit = next((g for g in got if same_agreement(w, g)), None)
                ok = ok and hit is not None
                if hit is not None:
                    got.remove(hit)
            if not ok:
                bad.append(f"{rel} {', '.join(ev.agreements.get(rel, [])) or 'none'}, "
                           f"not {', '.join(want) or 'none'}")
    if a.get("exact"):
        for i, name in enumerate(exp.people):
            got = ev.names[assign[i]]
            if not exact_name(name, got):
                bad.append(f"name '{got}', not '{name}'")
    for key, code in a.get("country", {}).items():
        for i, name in enumerate(exp.people):
            if same_person(key, name):
                got = ev.people[assign[i]].get("country")
                if (got or None) != code:
                    bad.append(f"{name} country {got or 'null'}, not {code or 'null'}")
                break
    return bad


def bipartite(n_left, edges):
    """A maximum matching of left items to right items: {left: right}. edges[l] lists rights."""
    owner = {}

    def place(l, seen):
        for r in edges[l]:
            if r not in seen:
                seen.add(r)
                if r not in owner or place(owner[r], seen):
                    owner[r] = l
                    return True
        return False

    for l in range(n_left):
        place(l, set())
    return {l: r for r, l in owner.items()}


def compare(case, rec):
    """The problems of one case, as short texts (empty when it passes), and its events.

    Each expected line takes one event of its kind with the same people; lines that ask the
    same of several events (the same pair met twice) share them out by their attributes."""
    ents = {e.get("id"): e for e in rec.get("entities", [])}
    events = [Event(ev, ents) for ev in rec.get("events", [])]
    exps = case.expects
    assign = {}   # (line, event) -> the position in event.names of each expected person
    for li, exp in enumerate(exps):
        for ei, ev in enumerate(events):
            if exp.kind == "parties":
                if accepts(exp.kind, ev) and same_parties(exp.people, ev.parties):
                    assign[(li, ei)] = []
            elif accepts(exp.kind, ev):
                a = match_people(exp.people, ev.names, same_person)
                if a is not None:
                    assign[(li, ei)] = a
    loose = [[ei for ei in range(len(events)) if (li, ei) in assign] for li in range(len(exps))]
    strict = [[ei for ei in loose[li] if not check_attrs(exps[li], events[ei], assign[(li, ei)])]
              for li in range(len(exps))]
    chosen = bipartite(len(exps), strict)
    taken = set(chosen.values())
    rest = [li for li in range(len(exps)) if li not in chosen]
    second = bipartite(len(rest), [[ei for ei in loose[li] if ei not in taken] for li in rest])
    problems = []
    for k, li in enumerate(rest):
        exp = exps[li]
        if k in second:
            ei = second[k]
            taken.add(ei)
            bad = check_attrs(exp, events[ei], assign[(li, ei)])
            problems.append(f"{exp}: {', '.join(bad)}")
        else:
            problems.append(f"missing: {exp}")
    for ei, ev in enumerate(events):
        if ei in taken:
            continue
        if any(ei in loose[li] for li in range(len(exps))):
            problems.append(f"found more than once: {ev}")
        elif len(ev.names) >= 2:
            problems.append(f"unexpected: {ev}")
        elif not ev.names and ev.parties and (case.no_parties or
                                              any(e.kind == "parties" for e in exps)):
            problems.append(f"unexpected: {ev}")
    if case.agreements is not None:
        got = [e.get("name", "") for e in rec.get("entities", []) if e.get("type") == "agreement"]
        left = list(got)
        for want, exact in case.agreements:
            same = (lambda a, b: all_tokens(a) == all_tokens(b)) if exact else same_agreement
            hit = next((g for g in left if same(want, g)), None)
            if hit is None:
                problems.append(f"missing: agreement: {want}")
            else:
                left.remove(hit)
        for g in left:
            problems.append(f"unexpected: agreement: {g}")
    return problems, events


def describe_events(events):
    return "; ".join(f"[{ev}]" for ev in events if ev.names or ev.parties) or \
        "no event with a named person or a party"


# ---------------------------------------------------------------------------- running


def find_evgraph(given):
    if given:
        return given
    for cand in ("build/evgraph", "build/src/cli/evgraph"):
        p = os.path.join(HERE, "..", "..", cand)
        if os.access(p, os.X_OK):
            return os.path.normpath(p)
    return "evgraph"


def run_extract(evgraph, lexicons, cases, tmp):
    src = os.path.join(tmp, "sentences.jsonl")
    with open(src, "w", encoding="utf-8") as fh:
        for c in cases:
            rec = {"id": c.id, "date": c.date, "title": c.headline, "text": c.body()}
            if c.source is not None:
                rec["source"] = c.source
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    cmd = [evgraph, "extract", "--officials", SUITE_OFFICIALS]
    for lx in lexicons:
        cmd += ["--lexicon", lx]
    cmd.append(src)
    try:
        res = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as e:
        raise CaseError(f"cannot run {evgraph}: {e}")
    if res.returncode != 0:
        raise CaseError(f"{' '.join(cmd)} exited {res.returncode}:\n{res.stderr.strip()}")
    out = {}
    for n, line in enumerate(res.stdout.splitlines(), 1):
        if line.strip():
            rec = json.loads(line)
            out[(rec.get("doc") or {}).get("id")] = rec
    return out


def write_known(results, known):
    lines = ["# Cases of the sentence suite that fail today, one id per line with why.",
             "# run.py fails when a case fails that is not here, and when one here passes:",
             "# remove its line when the extractor learns it (run.py --update-known).", ""]
    for c, problems in results:
        if problems:
            reason = known.get(c.id) or problems[0]
            lines.append(f"{c.id} {reason}")
    with open(KNOWN, "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--filter", help="run only the cases whose id matches this regex")
    ap.add_argument("--evgraph", help="the evgraph tool (default: build/evgraph, then PATH)")
    ap.add_argument("--lexicon", action="append", default=[],
                    help="a lexicon file passed to evgraph after the suite's (repeatable)")
    ap.add_argument("--verbose", action="store_true",
                    help="print every case with what was extracted, known failures too")
    ap.add_argument("--update-known", action="store_true",
                    help="rewrite known-failures.txt with the cases failing now")
    a = ap.parse_args(argv)

    try:
        cases = load_cases()
        known = load_known()
        ids = {c.id for c in cases}
        stale = sorted(k for k in known if k not in ids)
        if stale and not a.update_known:
            raise CaseError(f"known-failures.txt lists ids no case has: {', '.join(stale)}")
        if a.filter:
            rx = re.compile(a.filter)
            cases = [c for c in cases if rx.search(c.id)]
            if a.update_known:
                raise CaseError("--update-known needs the whole suite (no --filter)")
        if not cases:
            raise CaseError("no case matches")
        with tempfile.TemporaryDirectory(prefix="evg-sentences-") as tmp:
            out = run_extract(find_evgraph(a.evgraph), [SUITE_LEXICON] + a.lexicon, cases, tmp)
    except CaseError as e:
        print(f"run.py: {e}", file=sys.stderr)
        return 2

    passed = failed = known_failed = fixed = 0
    results = []
    for c in cases:
        rec = out.get(c.id)
        if rec is None:
            problems, events = ["no output record for this article"], []
        else:
            problems, events = compare(c, rec)
        results.append((c, problems))
        got = describe_events(events)
        expected = "; ".join(str(e) for e in c.expects) if c.expects else ""
        if c.none:
            expected = ("none; " + expected) if expected else "none"
        if c.agreements is not None:
            expected += "; agreements: " + (", ".join(a for a, _ in c.agreements) or "none")
        if not problems:
            if c.id in known:
                fixed += 1
                print(f"FIXED {c.id} ({c.where()}): passes but is in known-failures.txt; "
                      f"remove it from the list")
            else:
                passed += 1
                if a.verbose:
                    print(f"ok    {c.id}: {got}")
            continue
        if c.id in known:
            known_failed += 1
            if a.verbose:
                print(f"known {c.id} ({c.where()}): {' / '.join(problems)}; expected: {expected}; "
                      f"got: {got}")
            continue
        failed += 1
        print(f"FAIL  {c.id} ({c.where()}): {' / '.join(problems)}; expected: {expected}; "
              f"got: {got}")
    if a.update_known:
        write_known(results, known)
        print(f"known-failures.txt: {sum(1 for _, p in results if p)} failing cases")
        return 0
    summary = f"{passed} passed, {failed} failed, {known_failed} known failures"
    if fixed:
        summary += f", {fixed} known failures now pass"
    print(summary)
    return 1 if failed or fixed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
