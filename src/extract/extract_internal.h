#ifndef EVG_EXTRACT_INTERNAL_H
#define EVG_EXTRACT_INTERNAL_H

/*
 * The working state of extracting one article. The article is read once,
 * sentence by sentence, left to right: people, delegations, agreements and
 * dates found so far are the discourse that later sentences refer back to
 * ("the minister", "the Turkish delegation", "the meeting").
 */
#include <string.h>

#include "evgraph/extract.h"
#include "extract/lexicon.h"
#include "extract/token.h"
#include "util/arena.h"
#include "util/buf.h"
#include "util/strmap.h"

#define X_MAX_TITLES 6

/* How an event's date was found (the record's date_source, docs/events.md). */
#define X_SOURCE_TEXT "text"
#define X_SOURCE_CONTEXT "context"
#define X_SOURCE_DATELINE "dateline"
#define X_MAX_PARTS 24
#define X_MAX_AGR 8
#define X_MAX_EVIDENCE 12

typedef struct {
    const char *name;    /* full name, longest form seen */
    const char *surname; /* folded last name token */
    const char *given;   /* folded first name token, NULL for a surname alone */
    const char *titles[X_MAX_TITLES];
    int ntitles;
    int country;          /* lexicon country index, -1 unknown */
    int country_inferred; /* set from context rather than from a title */
    int country_implied;  /* from a title that names no country ("Foreign Secretary") */
    int org;              /* lexicon organization index, -1 */
    const char *org_id, *org_name; /* a ministry derived from a title */
    size_t first_tok;
    int leads;      /* leads a visiting delegation */
    int weak;       /* a bare name without a title or honorific: no participant */
    int visiting;   /* "Visiting Foreign Minister ...": never of the venue's country */
    int official;   /* holds a title with a head, or an organization */
    int mentions;   /* mentions of the person so far */
    long last_ment; /* the latest of them that is no place's, -1 */
    long ev_chain;  /* the events the person was added to (events.c), -1 */
    int nev;        /* their number */
} x_person;

/* A person in a chain of people sharing a word (people.c): the next link, -1 ends. */
typedef struct {
    int person;
    long next;
} x_plink;

/* A mention in the text: [start, end) tokens. */
typedef enum {
    M_PERSON,     /* a named person */
    M_REF,        /* "the minister", "he": resolved to a person */
    M_DELEGATION, /* a delegation or "the guests": resolved to its leader */
    M_PLACE,      /* the object of a visit that is no person */
    M_GROUP       /* "they", "the two": the people of the event in focus when used */
} x_mention_kind;

typedef struct {
    x_mention_kind kind;
    size_t start, end;
    int person; /* -1 when unresolved */
    size_t sent;
} x_mention;

typedef struct {
    int leader;  /* person index or -1 */
    int country; /* -1 */
} x_delegation;

typedef struct {
    const char *name, *kind, *id;
    const char
        *head;     /* a described one's modifiers and kind word ("grain pact"), or NULL */
    int same_as;   /* the named agreement it turned out to be, or -1 */
    long ev_chain; /* the events it was added to (events.c), -1 */
} x_agreement;

/* An event in a chain of events holding the same thing (events.c): the next link, -1
 * ends. */
typedef struct {
    int ev;
    long next;
} x_elink;

/* A side of an event that names no person: a state, a body, an unnamed official
 * (parties.c). */
#define X_MAX_PARTIES 8
typedef struct {
    int country;       /* lexicon country index, -1 */
    int org;           /* lexicon organization index, -1 (when no country) */
    const char *title; /* the unnamed official's office as written, or NULL */
    int agent;  /* an official, a delegation, officials: not the state's name alone */
    int plural; /* "the foreign ministers of": the office of each state listed */
} x_party;

/* Where an event took place (context.c). */
typedef struct {
    const char *name; /* as written ("Defense Ministry", "Baku"), or NULL */
    /* the city it is in as written: itself when it is one ("Baku"), the one the text
     * gives ("at the Defense Ministry in Baku"), or NULL */
    const char *city;
    int country; /* the country a capital or a country's name among its own words names
                    ("Pyongyang", "the Kremlin"), -1: who is at home there (infer.c) */
    int located; /* the country it lies in: its city's (countries.json's capitals and
                    cities: "Geneva"), else `country`, else one the text gives after it
                    ("in Papeete, French Polynesia"); -1 */
} x_place;

typedef struct {
    evg_event_type type;
    evg_event_status status;
    x_party party[X_MAX_PARTIES];
    evg_role party_role[X_MAX_PARTIES];
    int nparties;
    int part[X_MAX_PARTS];
    evg_role role[X_MAX_PARTS];
    int nparts;
    char date[11];           /* "" when unknown */
    const char *date_source; /* "text", "context", "dateline" (static strings) */
    const char *place;
    int place_country;      /* the country of a place that names one ("Pyongyang"), -1 */
    const char *place_city; /* the city of the place (x_place), or NULL */
    int place_located;      /* the country the place lies in (x_place), -1 */
    int third_place; /* "on the margins of", "on the sidelines of": nobody's home */
    int agr[X_MAX_AGR];
    evg_agreement_rel rel[X_MAX_AGR];
    int nagr;
    size_t sent[X_MAX_EVIDENCE];
    int nsent;
    int dead;  /* merged into another */
    int vague; /* the text gives a vague time ("last week"): no date inherited */
    int talk; /* "discussed": goes on from the event in focus when its people took part */
    size_t trig; /* the trigger's token, while the event is being read */
} x_event;

/* People on one side of an event's trigger (sides.c). */
#define X_MAX_SIDE 20
typedef struct {
    int p[X_MAX_SIDE];
    int n;
    size_t start, end; /* tokens the side covers */
} x_side;

typedef struct {
    const evg_lexicon *lx;
    const char *text; /* the headline (when used), a blank line, the body */
    size_t len;
    size_t body_off; /* where the body starts in `text` */
    size_t
        body_sent; /* the first sentence of the body: those before are the headline's */
    const char *date; /* the article's date */
    evg_i_tokens toks;
    /* the longest lexicon match starting at each token */
    lx_phrase *mp;
    uint8_t *mlen;
    lx_wset *wcls;         /* the word classes of the single word at each token */
    uint8_t *in_agreement; /* token inside an agreement's name */
    uint32_t *quote_of;    /* token inside quotation q: q + 1; 0 outside any */
    size_t *speaker; /* quotation q: the token of its speaker's name, or (size_t)-1 */
    int sent_agr[X_MAX_AGR], nsent_agr; /* the agreements of the current sentence */
    size_t agr_at[X_MAX_AGR];           /* where each of them is mentioned (a token) */
    size_t agr_sent; /* the last sentence that names an agreement, plus one (0: none) */
    evg_i_arena arena;
    evg_i_buf tmp;

    x_person *people;
    size_t npeople, cap_people;
    /* The people by the folded words of their names and titles, so that a name is
     * looked up without reading everyone found before (people.c): each word to
     * the latest link of its chain in `plink`. */
    evg_i_strmap by_surname, by_given, by_inner, by_title;
    x_plink *plink;
    size_t nplink, cap_plink;
    x_mention *ment;
    size_t nment, cap_ment;
    long last_ref; /* the latest mention of a person that is no place's, -1 */
    x_delegation *dels;
    size_t ndels, cap_dels;
    x_agreement *agrs;
    size_t nagrs, cap_agrs;
    /* The agreements found so far by id, by a shorter name ("kind\0prefix"), by the
     * last words of the name (ASCII lower case), by the initials of the name, by the
     * acronym in its brackets; each to the first such agreement. And their kinds. */
    evg_i_strmap agr_by_id, agr_by_prefix, agr_by_tail, agr_by_acronym, agr_by_paren,
        agr_kinds;
    x_event *events;
    size_t nevents, cap_events;
    /* The recorded events by what they hold, so that a new report finds the event it
     * repeats without reading them all (events.c): chains in `elink` from each person
     * and agreement (their ev_chain), each party (party_events, keyed by its country
     * and organization) and each sentence (sent_events); the latest dated event of
     * each status. */
    x_elink *elink;
    size_t nelink, cap_elink;
    evg_i_strmap party_events;
    long *sent_events;
    long latest_dated[2];
    int index_oom;           /* an index could not grow: extraction fails */
    size_t dateline_end;     /* tokens of "MOSCOW, March 31 -", 0 when none */
    size_t two_countries_at; /* the token where a second country is first named */
    const char *dateline_place;
    const char *dateline_city; /* the dateline's place when it is a known city, or NULL */
    char dateline_date[11];    /* "" when none */
    int dateline_country;      /* -1 */
    int dateline_located;      /* the country the dateline's place lies in, -1 */
    int home_country;          /* where unmarked officials come from, -1 */
    int issuer_country; /* the state whose office issued the text (source, letterhead), -1
                         */
    int focus;          /* the event the discourse is about, -1 */
    /* "a meeting of the Group of Five" named before its people: who joins it */
    x_event pending;
    int has_pending, pending_event; /* pending_event: its index once it has people, -1 */
    size_t pending_sent;
    /* "Participants included:" and a list below: the meeting they join, -1 when none */
    int list_target;
    int visitor;   /* the person leading the visit the article is about, -1 */
    size_t sent;   /* current sentence */
    size_t s0, s1; /* its token range */
} x_ctx;

/* Lexicon classes of the longest phrase at token i (0 when none). */
static inline uint64_t x_cls(const x_ctx *x, size_t i)
{
    return x->mlen[i] ? x->mp[i].classes : 0;
}

/* The country the phrase at token i names, as of the article's date; -1 when none. */
static inline int x_country_at(const x_ctx *x, size_t i)
{
    return evg_i_lx_country_at(x->lx, x->mp[i].countries, x->mp[i].ncountries, x->date);
}

/* Whether the word at token i is of grammatical word class c (grammar.json). */
static inline int x_word(const x_ctx *x, size_t i, lx_wclass c)
{
    return lx_wset_has(&x->wcls[i], c);
}

/*
 * The entry of word class c at token i that may be a phrase ("as well",
 * "this morning"), ending at or before `lim`: its length in tokens, 0 when
 * none. Only words that start such a phrase cost a lookup.
 */
static inline size_t x_phrase(const x_ctx *x, size_t i, size_t lim, lx_wclass c)
{
    if (i >= lim)
        return 0;
    if (!x_word(x, i, LXW_PHRASE_START))
        return (size_t)x_word(x, i, c);
    return evg_i_lx_word_phrase(x->lx, &x->toks, i, lim, c);
}

/* A window size or limit of the rules (the lexicon's params). */
static inline size_t x_param(const x_ctx *x, evg_param p)
{
    return x->lx->param[p];
}

static inline const char *x_fold(const x_ctx *x, size_t i)
{
    return evg_i_tok_fold(&x->toks, i);
}

/*
 * Whether token i folds to `folded`: punctuation (",", "-"); words are word
 * classes. The length and the first byte decide most calls; with a literal,
 * strlen() is a constant and memcmp() is inlined.
 */
static inline int x_is(const x_ctx *x, size_t i, const char *folded)
{
    size_t n = strlen(folded);
    const char *f = x_fold(x, i);
    return x->toks.toks[i].fold_len == n && f[0] == folded[0] &&
           memcmp(f, folded, n) == 0;
}

/*
 * Whether a mention stands for someone: a person, or "they" while an event is
 * in focus ("the provincial premiers" with no meeting in focus is no one).
 */
static inline int x_ment_stands(const x_ctx *x, const x_mention *mm)
{
    return mm->kind != M_PLACE &&
           (mm->person >= 0 || (mm->kind == M_GROUP && x->focus >= 0));
}

/* Whether token i is a dash: "-", "--", an en or an em dash. */
static inline int x_is_dash(const x_ctx *x, size_t i)
{
    return x_is(x, i, "-") || x_is(x, i, "--") || x_is(x, i, "\xE2\x80\x93") ||
           x_is(x, i, "\xE2\x80\x94");
}
const char *x_span_text(x_ctx *x, size_t start, size_t end);

/* names.c: title runs and names. */
#define TITLE_CLS                                                                        \
    (LX_HEAD | LX_MOD | LX_RANK | LX_ROYAL | LX_HONOR | LX_DEMONYM | LX_COUNTRY |        \
     LX_CAPITAL | LX_ORG | LX_NOUN)
#define HEAD_CLS (LX_HEAD | LX_RANK | LX_ROYAL | LX_HONOR)
#define NOT_NAME_CLS                                                                     \
    (LX_HEAD | LX_ROYAL | LX_MOD | LX_RANK | LX_HONOR | LX_COUNTRY | LX_DEMONYM |        \
     LX_CAPITAL | LX_ORG | LX_NOTNAME | LX_GROUP | LX_TRIGGER | LX_NOUN | LX_AGREEMENT | \
     LX_PLANNED | LX_NEGATION | LX_SEQUENCE | LX_PLACE_NOUN | LX_VENUE)

typedef struct {
    size_t ustart[X_MAX_TITLES], uend[X_MAX_TITLES]; /* title units, tokens */
    int nunits;
    int country, org;
    int implied; /* the country a national title implies ("Foreign Secretary"), -1 */
    int country_implied; /* `country` is the implied one */
} x_title_info;

/* The title run starting at token i: its end (i when none); fills `ti`. */
size_t x_title_run(const x_ctx *x, size_t i, x_title_info *ti);
/* The name starting at token i: its end (i when none). */
size_t x_name_at(const x_ctx *x, size_t i);
size_t x_name_core_end(const x_ctx *x, size_t s, size_t e);
int x_is_cap(const x_ctx *x, size_t i);
int x_is_poss(const x_ctx *x, size_t i);
int x_unit_has_head(const x_ctx *x, size_t s, size_t e);

/* people.c: names, titles and delegations of the current sentence. */
int x_find_people(x_ctx *x);
/* The quotations of the article and who spoke each ("'...', Mr Rell says"). */
int x_find_quotes(x_ctx *x);

/* infer.c: countries the text leaves implicit. */
/* 0 or EVG_ENOMEM. */
int x_infer_countries(x_ctx *x);
/*
 * The issuer's country from an article's `source` (an address's country domain,
 * else the first country it names) into x->issuer_country, unless known.
 * Returns 0 or EVG_ENOMEM.
 */
int x_source_issuer(x_ctx *x, const char *source);

/* officials.c */
void x_apply_officials(x_ctx *x);
/* Whether person p, a given name and a surname, is an official listed in office at the
 * article's date: a bare name that is a person's all the same ("Aro Venn said"). */
int x_listed_official(const x_ctx *x, const x_person *p);
/*
 * Whether folded given name `given` disagrees with the one official in office at
 * the article's date under folded surname `sur` ("President Reagan" in 1987 is
 * Ronald Reagan: "Nancy" disagrees); 0 when the gazetteer lists no such one.
 */
int x_listed_given_differs(const x_ctx *x, const char *sur, const char *given);

/* time.c: the date a sentence speaks of, resolved against the article date. */
/*
 * The day of the time expression nearest token `trig` in [start, end): 1 and
 * `out` set, 0 when there is none, -1 when it is vague ("last week").
 */
int x_sentence_date(const x_ctx *x, size_t start, size_t end, size_t trig, int future,
                    char out[11]);

/* The date written at token i ("March 31"), resolved against the article's: 1 or 0. */
int x_date_at(const x_ctx *x, size_t i, size_t end, char out[11]);
/* Whether a time starts at token i of the sentence: a weekday, a month, a number, a
 * word of the calendar ("today", "last week", "next"); the words are grammar.json's. */
int x_time_at(const x_ctx *x, size_t i);

/* agreements.c */
int x_find_agreements(x_ctx *x, int *found, int max);
int x_find_headline_agreements(x_ctx *x);
evg_agreement_rel x_agreement_relation(const x_ctx *x, int i);
/* After the article: descriptions that a name given later ends. 0 or EVG_ENOMEM. */
int x_settle_agreements(x_ctx *x);

/* sides.c: the participants on each side of a trigger. */

void x_side_add(x_side *s, int p);
/* The mentions of the current sentence: [*first, returned end) of x->ment. */
size_t x_sentence_mentions(const x_ctx *x, size_t *first);
/* The first mention from `from` (after at most `maxskip` other tokens) and those listed
 * with it. */
void x_right_side(const x_ctx *x, size_t from, x_side *out, size_t maxskip);
/* The nearest mention before `to`, at most `maxdist` tokens and in the same clause. */
void x_left_side(const x_ctx *x, size_t to, x_side *out, size_t maxdist);
/* "After talks with X, Y said": the subject after the opening phrase's comma. */
void x_fronted_subject(const x_ctx *x, size_t t, size_t after, x_side *out);
int x_is_clause_punct(const x_ctx *x, size_t i);

/* parties.c: states, bodies and unnamed officials on a side of a trigger. */
/* Whether two parties are the same state or body (their offices aside). */
static inline int x_same_party(const x_party *a, const x_party *b)
{
    return a->country == b->country && a->org == b->org;
}

typedef struct {
    x_party p[X_MAX_PARTIES];
    int n;
    size_t start, end;
} x_pside;
/* The party at token k ("Ardania", "Ardania's trade minister"), ending by lim: its end (k
 * when none); a person's mention is none. */
size_t x_party_at(x_ctx *x, size_t k, size_t lim, x_party *out);
/* The parties that are the subject of the verb at t: "Ardania and Belmont (have) signed".
 */
void x_party_left(x_ctx *x, size_t t, x_pside *out);
/* The parties listed from token `from` on: the object of a verb. */
void x_party_right(x_ctx *x, size_t from, x_pside *out);
/* Whether a side holds an official or a delegation, not only states' names. */
int x_pside_agent(const x_pside *s);

/* context.c: what qualifies the current sentence. */
int x_class_in(const x_ctx *x, size_t a, size_t b, uint64_t cls);
int x_class_before(const x_ctx *x, size_t t, size_t w, uint64_t cls);
/* "in 1967", "last year": background, not news. */
int x_background(const x_ctx *x);
/* "next week", "tomorrow", "later this month". */
int x_says_next(const x_ctx *x);
/* Where tokens [from, to) of the sentence say a meeting took place: its name (an arena
 * string) or NULL, and all of it in `*out` (name NULL and countries -1 when none). */
const char *x_sentence_place(x_ctx *x, size_t from, size_t to, x_place *out);
/* Set the place of `ev` to `p`. */
void x_set_place(x_event *ev, const x_place *p);

/* events.c */
int x_find_events(x_ctx *x);

/* extract.c: the record. */
int x_add_mention(x_ctx *x, x_mention_kind kind, size_t start, size_t end, int person);

#endif
