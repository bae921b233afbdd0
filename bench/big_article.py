#!/usr/bin/env python3
"""One big invented article, to show that extraction grows linearly with it.

    big_article.py people N OUT.txt [OUT_LEXICON.json]
    big_article.py phrase N OUT_LEXICON.json
    big_article.py reports N OUT.jsonl

people: an article (evgraph's text format) in which N distinct invented
officials meet each other two by two, in paragraphs of a few sentences told
four ways in turn: a dated meeting in a place with an agreement of its own
named after the pair ("the Velkan-Tarvik Accord") and the chairman of an
invented organization; an undated visit, then "he" and "the minister"; an
ambassador at talks that the two "also discussed"; a call. With OUT_LEXICON,
the organizations (and the invented country whose officials they are) are
written there as a lexicon file for --lexicon, so that they are recognized;
without it they are capitalized words like any other. Twice N makes an
article twice the size with twice of everything.

phrase: a lexicon file whose `titles`-section phrase `heads` holds one phrase
of N words (about 6 N bytes), and a second one of N words sharing none of
them; the loader must not need memory quadratic in a phrase's length.

reports: N event records (evgraph's JSON Lines), one per invented outlet,
all reporting one meeting of two ministers: a quarter name a third person
too, some date it the day before or not at all (their dispatch is of the
day), some give no place. The merge must make one meeting of them in time
linear in N.

Names are made of invented syllables, deterministically (the same N gives
the same bytes); none is a real person's. Only the Python standard library.
"""
import json
import sys

ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "dr", "kr", "st", "tr", "gr"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
CODAS = ["", "n", "r", "l", "s", "k", "m", "v"]

TITLES = ["Trade Minister", "Foreign Minister", "Deputy Foreign Minister",
          "Minister of Energy", "Defence Minister", "Finance Minister",
          "Minister of Transport", "Interior Minister"]
PLACES = ["Castel Ruen", "Port Vell", "Sarn", "Dravik", "Norhavn", "Kelmar"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
KINDS = ["Accord", "Agreement", "Memorandum", "Treaty"]


def syllable(k):
    o = ONSETS[k % len(ONSETS)]
    k //= len(ONSETS)
    v = VOWELS[k % len(VOWELS)]
    k //= len(VOWELS)
    return o + v + CODAS[k % len(CODAS)]


def word(i, salt):
    """A distinct invented word for every i (three syllables cover 10^7 and more)."""
    n = len(ONSETS) * len(VOWELS) * len(CODAS)
    k = i * 7919 + salt  # spread neighbours apart, still one-to-one per salt
    parts = [syllable(k % n), syllable((k // n) % n), syllable((k // n // n) % n)]
    return "".join(parts).capitalize()


def person(i):
    return "%s %s" % (word(i, 11), word(i, 5003))


def org(i):
    return "%s Harbour Board" % word(i, 20011)


def people_article(n, lexicon_path):
    out = ["date 2024-03-06 Officials of Valmora meet in a week of talks", ""]
    orgs = []
    for i in range(0, n - 1, 2):
        a, b = person(i), person(i + 1)
        ta, tb = TITLES[i % len(TITLES)], TITLES[(i // 2 + 3) % len(TITLES)]
        place = PLACES[(i // 2) % len(PLACES)]
        day = WEEKDAYS[(i // 2) % len(WEEKDAYS)]
        agreement = "%s-%s %s" % (a.split()[1], b.split()[1], KINDS[(i // 2) % len(KINDS)])
        form = (i // 2) % 4
        if form == 0:
            o = org(i)
            orgs.append(o)
            par = ["Valmoran %s %s met %s %s in %s on %s." % (ta, a, tb, b, place, day),
                   "The two ministers signed the %s." % agreement,
                   "The chairman of the %s, %s, attended the talks." % (o, person(i + n + 1)),
                   "%s said the talks were useful." % a.split()[1]]
        elif form == 1:
            par = ["%s %s received %s %s in %s." % (ta, a, tb, b, place),
                   "He said the visit would deepen ties.",
                   "The minister also thanked %s." % b.split()[1]]
        elif form == 2:
            par = ["%s %s held talks with %s %s in %s on %s, with the Valmoran "
                   "Ambassador to Corvia %s." % (ta, a, tb, b, place, day, person(i + n + 1)),
                   "The two also discussed trade."]
        else:
            par = ["%s %s spoke by telephone with %s %s on %s." % (ta, a, tb, b, day),
                   "They agreed to meet again."]
        out.append(" ".join(par))
        out.append("")
    with open_out(sys.argv[3]) as f:
        f.write("\n".join(out))
    if lexicon_path:
        lex = {"about": "Invented for bench/big_article.py.",
               "countries": [{"code": "VLM", "name": "Valmora",
                              "demonyms": ["Valmoran", "Valmorans"],
                              "capitals": ["Castel Ruen"]},
                             {"code": "CRV", "name": "Corvia",
                              "demonyms": ["Corvian", "Corvians"],
                              "capitals": ["Dravik"]}],
               "organizations": [{"name": o, "aliases": [], "country": "VLM"}
                                 for o in orgs]}
        with open_out(lexicon_path) as f:
            json.dump(lex, f, indent=1)


def phrase_lexicon(n, path):
    first = " ".join(word(i, 7) for i in range(n))
    second = " ".join(word(i, 90001) for i in range(n))
    with open_out(path) as f:
        json.dump({"about": "Invented for bench/big_article.py.",
                   "heads": [first, second]}, f)


def reports_events(n, path):
    a, b, c = person(1), person(2), person(3)

    def ent(name, title):
        return {"id": "person:" + name.lower().replace(" ", "-"), "type": "person",
                "name": name, "titles": [title], "country": None, "org": None}

    with open_out(path) as f:
        for i in range(n):
            doc = "outlet%06d" % i
            people = [ent(a, TITLES[0]), ent(b, TITLES[1])]
            if i % 4 == 3:
                people.append(ent(c, TITLES[2]))
            date = ["2024-03-08", "2024-03-07", None, "2024-03-08"][i % 4]
            place = None if i % 5 == 4 else PLACES[1]
            ents = list(people)
            if place:
                ents.append({"id": "place:port-vell", "type": "place", "name": place,
                             "country": None, "city": None})
            ev = {"id": doc + "#1", "type": "meeting", "status": "reported",
                  "date": date, "date_source": "text" if date else None,
                  "place": place, "place_id": "place:port-vell" if place else None,
                  "participants": [{"entity": e["id"], "role": "participant"}
                                   for e in people],
                  "agreements": [], "evidence": []}
            rec = {"doc": {"id": doc, "date": "2024-03-08", "title": "Talks"},
                   "entities": ents, "events": [ev]}
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")


def open_out(path):
    return open(path, "w", encoding="utf-8", newline="\n")


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ("people", "phrase", "reports"):
        sys.exit(__doc__.split("\n\n")[1])
    n = int(sys.argv[2])
    if sys.argv[1] == "people":
        people_article(n, sys.argv[4] if len(sys.argv) > 4 else None)
    elif sys.argv[1] == "reports":
        reports_events(n, sys.argv[3])
    else:
        phrase_lexicon(n, sys.argv[3])


if __name__ == "__main__":
    main()
