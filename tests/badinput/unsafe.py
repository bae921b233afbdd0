"""Input that made evgraph unsafe to run rather than wrong: work that grows with the
square of one article or one lexicon phrase.

many_officials: one article naming fifty thousand distinct officials who meet two
by two took minutes (every new name was compared with every name before it); it must be
extracted, and its events built, with every official, meeting and agreement, well within
a timeout that the quadratic work exceeded many times over. long_lexicon_phrase: one
lexicon phrase of 30,000 words took 4.5 GB (every prefix of it was a key of its own);
it must load in little memory and change nothing that text can match.
"""
import json
import resource

from harness import check, records

# Invented syllables: every official's name is made of them, none is a real person's.
ONSETS = ["b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z",
          "br", "dr", "kr", "st", "tr", "gr"]
VOWELS = ["a", "e", "i", "o", "u", "ai", "ei", "ou"]
CODAS = ["", "n", "r", "l", "s", "k", "m", "v"]


def invented_word(i, salt):
    """A capitalized word of three invented syllables, distinct for each i < 2 million."""
    n = len(ONSETS) * len(VOWELS) * len(CODAS)
    k = i * 7919 + salt
    word = ""
    for _ in range(3):
        s = k % n
        word += ONSETS[s % len(ONSETS)] + VOWELS[s // len(ONSETS) % len(VOWELS)] + \
            CODAS[s // len(ONSETS) // len(VOWELS)]
        k //= n
    return word.capitalize()


def official(i):
    return "%s %s" % (invented_word(i, 11), invented_word(i, 5003))


TITLES = ["Trade Minister", "Energy Minister", "Deputy Foreign Minister",
          "Minister of Transport"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def many_officials(c):
    """N distinct invented officials meet two by two, each pair signs an accord named
    after them, and one of them speaks by surname: every one is found, once, with the
    right meeting, in time."""
    n = max(200, int(50000 * c.scale)) // 2 * 2
    pars = []
    for i in range(0, n, 2):
        a, b = official(i), official(i + 1)
        pars.append("%s %s met %s %s in Castel Ruen on %s. The two ministers signed the "
                    "%s-%s Accord. %s said the talks were useful." % (
                        TITLES[i % 4], a, TITLES[(i // 2 + 1) % 4], b, DAYS[i // 2 % 5],
                        a.split()[1], b.split()[1], a.split()[1]))
    c.write("big.txt", "date 2024-03-08 Ministers of Valmora meet all week\n\n" +
            "\n\n".join(pars) + "\n")
    r = x = c.run("extract", "big.txt", "-o", "events.jsonl", timeout=30)
    c.expect(r, 0, [])
    (rec,) = records(c.read("events.jsonl"))
    people = {e["id"]: e["name"] for e in rec["entities"] if e["type"] == "person"}
    check(sorted(people.values()) == sorted(official(i) for i in range(n)),
          "%d people extracted of %d" % (len(people), n))
    agreements = [e for e in rec["entities"] if e["type"] == "agreement"]
    check(len(agreements) == n // 2, "%d agreements of %d" % (len(agreements), n // 2))
    pairs = sorted(tuple(sorted(people[p["entity"]] for p in ev["participants"]))
                   for ev in rec["events"])
    check(pairs == sorted(tuple(sorted((official(i), official(i + 1))))
                          for i in range(0, n, 2)), "the meetings are the pairs")
    check(all(len(ev["agreements"]) == 1 for ev in rec["events"]),
          "each meeting signs its accord")
    r = c.run("build", "events.jsonl", "--view", "people", "--measures", "none",
              "-o", "people.graphml", timeout=120)
    c.expect(r, 0, [])
    check(c.read("people.graphml").count(b"<node ") == n, "every official is a node")
    print("many_officials: %d officials, %.1f MB, extracted in %.1f s" % (
        n, len(c.read("big.txt")) / 1e6, x.seconds))


def long_lexicon_phrase(c):
    """A lexicon phrase of 30,000 words (about 300 KB) loads in little memory, and what text
    can match is unchanged: its beginning, a title head of its own, still names one."""
    words = [invented_word(i, 7).lower() for i in range(int(30000 * max(c.scale, 0.2)))]
    head = "grand steward"
    c.write("long.json", json.dumps({"heads": [" ".join(words), head]}))
    c.write("plain.json", json.dumps({"heads": [head]}))
    c.write("a.txt", "date 2024-03-08 Talks in Castel Ruen\n\n"
            "Grand Steward Aro Venn received Trade Minister Ilse Rell in Castel Ruen on "
            "Thursday. %s %s met her too.\n" % (words[0].capitalize(), words[1]))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    r = c.run("extract", "--lexicon", "long.json", "a.txt", "-o", "long.jsonl", timeout=60)
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    c.expect(r, 0, [])
    r = c.run("extract", "--lexicon", "plain.json", "a.txt", "-o", "plain.jsonl")
    c.expect(r, 0, [])
    check(c.read("long.jsonl") == c.read("plain.jsonl"),
          "a phrase no sentence can hold changed the events")
    (rec,) = records(c.read("long.jsonl"))
    check(any(e.get("titles") == ["Grand Steward"] for e in rec["entities"]),
          "the short head still names a title: %r" % rec["entities"])
    if not c.wrapper:  # a tool such as valgrind has a size of its own
        check(rss < 300 * 1024 or rss <= before,
              "loading the phrase took %d MB" % (rss // 1024))
    print("long_lexicon_phrase: %d words, max RSS %d MB" % (len(words), rss // 1024))


CASES = {f.__name__: f for f in (many_officials, long_lexicon_phrase)}
BIG = {"many_officials"}
