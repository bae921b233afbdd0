#!/usr/bin/env python3
"""Python's ctypes, standard library only, drives libevgraph.so: extract an article and
read its events through the accessor functions (no struct layout). Usage: LIBRARY"""
import ctypes as C
import sys

lib = C.CDLL(sys.argv[1])
P, S = C.c_void_p, C.c_char_p
for name, res, args in [("evg_lexicon_load", C.c_int, [C.POINTER(P), P, C.c_size_t, P]),
                        ("evg_article_parse", C.c_int, [C.POINTER(P), S, S, S, C.c_size_t, P]),
                        ("evg_extract", C.c_int, [C.POINTER(P), P, P, P, P]),
                        ("evg_doc_event_count", C.c_size_t, [P]), ("evg_doc_event", P, [P, C.c_size_t]),
                        ("evg_event_get_type", C.c_int, [P]), ("evg_event_type_name", S, [C.c_int]),
                        ("evg_event_get_date", S, [P]), ("evg_event_participant_count", C.c_size_t, [P]),
                        ("evg_event_participant", S, [P, C.c_size_t, C.POINTER(C.c_int)]),
                        ("evg_role_name", S, [C.c_int])]:
    getattr(lib, name).restype, getattr(lib, name).argtypes = res, args
text = (b"date 2031-04-02 Ministers meet in Velmora\n\nVELMORA, April 2 (Ardanian Press) - Ardanian "
        b"Foreign Minister Tomas Vandrell met Belmontese Foreign Minister Ilse Korrath in Velmora "
        b"on Wednesday to discuss river trade.\n")
lx, art, doc, err = P(), P(), P(), C.create_string_buffer(1024)
assert lib.evg_global_init() == 0 and lib.evg_lexicon_load(C.byref(lx), None, 0, err) == 0
assert lib.evg_article_parse(C.byref(art), b"velmora", None, text, len(text), err) == 0
assert lib.evg_extract(C.byref(doc), art, lx, None, err) == 0
lines = []
for i in range(lib.evg_doc_event_count(doc)):
    ev, role = lib.evg_doc_event(doc, i), C.c_int()
    people = [lib.evg_event_participant(ev, k, C.byref(role)).decode() + "/" + lib.evg_role_name(role.value).decode()
              for k in range(lib.evg_event_participant_count(ev))]
    lines.append(f"{lib.evg_event_type_name(lib.evg_event_get_type(ev)).decode()} {lib.evg_event_get_date(ev).decode()} {' '.join(sorted(people))}")
lib.evg_doc_free(doc), lib.evg_article_free(art), lib.evg_lexicon_free(lx)
print("\n".join(lines))
sys.exit(0 if any(l.startswith("meeting 2031-04-02") and "person:ilse-korrath" in l and "person:tomas-vandrell" in l for l in lines) else 1)
