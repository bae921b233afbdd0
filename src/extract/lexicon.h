#ifndef EVG_EXTRACT_LEXICON_H
#define EVG_EXTRACT_LEXICON_H

#include <stdint.h>

#include "evgraph/extract.h"
#include "extract/token.h"
#include "util/arena.h"
#include "util/strmap.h"

/* What a lexicon phrase can be (several at once: "general" is a rank and a modifier). */
#define LX_COUNTRY (1ull << 0)   /* a country's name or alias */
#define LX_DEMONYM (1ull << 1)   /* "Turkish", "Azerbaijani" */
#define LX_CAPITAL (1ull << 2)   /* "Baku" as a metonym */
#define LX_ORG (1ull << 3)       /* an organization name or alias */
#define LX_HEAD (1ull << 4)      /* title head: minister, president */
#define LX_ROYAL (1ull << 5)     /* king, sheikh: may take a single name */
#define LX_MOD (1ull << 6)       /* title modifier: deputy, foreign */
#define LX_RANK (1ull << 7)      /* colonel general */
#define LX_HONOR (1ull << 8)     /* mr, dr, h.e. */
#define LX_PARTICLE (1ull << 9)  /* von, al, bin */
#define LX_GROUP (1ull << 10)    /* delegation, guests */
#define LX_NOUN (1ull << 11)     /* nouns inside titles and organization names: forces */
#define LX_TRIGGER (1ull << 12)  /* an event trigger */
#define LX_PLANNED (1ull << 13)  /* will, is due to */
#define LX_NEGATION (1ull << 14) /* not, never */
#define LX_PAST (1ull << 15)     /* last year, previously */
#define LX_SEQUENCE (1ull << 16) /* subsequently */
#define LX_PLACE_NOUN                                                                    \
    (1ull << 17) /* grave, factory: the object of a visit that is no person */
#define LX_VENUE (1ull << 18)     /* ministry, palace: heads of meeting venues */
#define LX_AGREEMENT (1ull << 19) /* treaty, declaration, memorandum of understanding */
#define LX_NOTNAME (1ull << 20)   /* capitalized words that are no part of a name: The */
#define LX_CALL_MARK (1ull << 21) /* "by telephone": a meeting word used of a call */
#define LX_THIRD_PLACE (1ull << 22) /* "on the sidelines of": away from both homes */
#define LX_LIGHT (1ull << 23)       /* "held", "had": a verb whose noun names the event */
#define LX_SUFFIX (1ull << 24)      /* "Jr.", "III": closes a name, is no surname */
#define LX_SURNAME_WORD                                                                  \
    (1ull << 25)                /* "He": a word that is also a surname, after a title */
#define LX_UNNAMED (1ull << 26) /* "officials", "members": officials named by no name */
#define LX_NOT_PERSON_OBJ                                                                \
    (1ull << 27) /* "criticism", "deadline": a meeting verb's other sense */
#define LX_SOUGHT                                                                        \
    (1ull << 28) /* "demanded", "hoped to": a meeting wished for, not held */
#define LX_CALLED_OFF                                                                    \
    (1ull << 29)                  /* "cancelled", "postponed": no event in the sentence */
#define LX_PREFIX (1ull << 30)    /* internal: the start of a longer phrase */
#define LX_CONDITION (1ull << 31) /* "if", "unless": what follows may not happen */
#define LX_APART (1ull << 33)     /* "separately": the people met one by one */
#define LX_TOGETHER                                                                      \
    (1ull << 34) /* "trilateral", "jointly": a call held by all at once                  \
                  */
#define LX_GERUND_OPENER                                                                 \
    (1ull << 35) /* "after": "after meeting X" is a verb, not a noun */
#define LX_FIRST_PERSON (1ull << 36) /* "we", "our": the speaker, inside a quotation */
#define LX_QUOTE_VERB                                                                    \
    (1ull << 37) /* "noted": a verb that tells who spoke a quotation                     \
                  */
#define LX_PLURAL_HEAD                                                                   \
    (1ull << 38) /* "Presidents": a title over two names joined by "and" */
#define LX_PURPOSE                                                                       \
    (1ull << 32) /* "discuss": "called X to discuss" is a call, not an appeal */

/*
 * Grammatical word classes (data/lexicon/grammar.json, docs/lexicon.md): what one
 * word is or does in the rules ("was" is a form of "be", "said" a verb of saying).
 * Unlike the classes above, which belong to the longest phrase starting at a token,
 * these are looked up for the single word at every token, so "the" is an article
 * also where "the United Nations" starts. Each is one bit of an lx_wset; a rule's
 * exact word set is its own class, so there are more than 64.
 */
typedef enum {
    /* verbs */
    LXW_BE,                   /* be_forms */
    LXW_SPEECH_VERB,          /* speech_verbs */
    LXW_CLAUSE_OPENER,        /* clause_openers */
    LXW_HOSTING_VERB,         /* hosting_verbs */
    LXW_HELD,                 /* held_verbs */
    LXW_LEADER_VERB,          /* delegation_leader_verbs */
    LXW_AGREEMENT_PARTICIPLE, /* agreement_participles */
    /* articles, pronouns, determiners, nouns */
    LXW_THE,                  /* definite_articles */
    LXW_INDEFINITE,           /* indefinite_articles */
    LXW_PERSONAL_PRONOUN,     /* personal_pronouns */
    LXW_OBJECT_OR_POSSESSIVE, /* object_or_possessive_pronouns */
    LXW_OBJECT_FOLLOWER,      /* object_pronoun_followers */
    LXW_GROUP_PRONOUN,        /* group_pronouns */
    LXW_GROUP_QUANTIFIER,     /* group_quantifiers */
    LXW_PAIR_NUMERAL,         /* pair_numerals */
    LXW_GROUP_NOUN,           /* group_nouns */
    LXW_POSSESSIVE,           /* possessive_determiners */
    LXW_PERSONAL_POSSESSIVE,  /* personal_possessives */
    LXW_DELEGATION_DET,       /* delegation_determiners */
    LXW_AGREEMENT_DET,        /* agreement_determiners */
    LXW_SUPERLATIVE,          /* superlatives */
    LXW_GENERIC_MODIFIER,     /* generic_title_modifiers */
    LXW_MINISTRY_HEAD,        /* ministry_heads */
    LXW_PLURAL_MEETING,       /* plural_meeting_nouns */
    /* relative pronouns and clause words */
    LXW_RELATIVE,         /* relative_pronouns */
    LXW_SUBJECT_RELATIVE, /* subject_relatives */
    LXW_CLAUSE_BARRIER,   /* clause_barriers */
    LXW_RELATIVE_CLAUSE,  /* relative_clause_words */
    LXW_COMPLEMENTIZER,   /* complementizers */
    /* conjunctions, prepositions, openers */
    LXW_AND,             /* coordinators */
    LXW_LIST_GLUE,       /* list_glue */
    LXW_LIST_JOINER,     /* list_joiners (also phrases: "as well") */
    LXW_TITLE_LINK,      /* title_links */
    LXW_PORTFOLIO_LINK,  /* portfolio_links */
    LXW_OF,              /* of_links */
    LXW_AGENT,           /* agent_prepositions */
    LXW_WITH,            /* counterpart_prepositions */
    LXW_BETWEEN,         /* pair_prepositions */
    LXW_INFINITIVE,      /* infinitive_markers */
    LXW_PLACE_PREP,      /* place_prepositions */
    LXW_TIME_PLACE_PREP, /* time_place_prepositions */
    LXW_YEAR_PREP,       /* year_prepositions */
    LXW_PLACE_CONNECTOR, /* place_name_connectors */
    LXW_FRONTED_OPENER,  /* fronted_openers */
    LXW_ADVERBIAL,       /* adverbials_before_with */
    LXW_NOUN_OPENER,     /* meeting_noun_openers */
    LXW_NOUN_DETERMINER, /* meeting_noun_determiners */
    /* agreements */
    LXW_AGR_CONNECTOR,        /* agreement_name_connectors */
    LXW_AGR_LEFT_STOP,        /* agreement_left_stops */
    LXW_AGR_COMPLEMENT,       /* agreement_complements */
    LXW_AGR_RIGHT_STOP,       /* agreement_right_stops */
    LXW_DANGLING,             /* dangling_words */
    LXW_NUMBER,               /* number_words */
    LXW_NOT_AGREEMENT_BEFORE, /* not_agreement_before */
    LXW_NOT_AGREEMENT,        /* not_agreement_phrases (phrases) */
    LXW_COUNTRY_PAIR,         /* country_pair_phrases (phrases) */
    LXW_AGR_TAIL,             /* agreement_tail_prepositions */
    LXW_AGR_TAIL_WORD,        /* agreement_tail_words (phrases) */
    LXW_AGR_TIME_NOUN,        /* agreement_time_nouns */
    LXW_BODY_HEAD,            /* body_heads */
    LXW_AGR_UNREAL,           /* agreement_unreal_markers (phrases) */
    LXW_AGR_UNREAL_AFTER,     /* agreement_unreal_followers (phrases) */
    LXW_AGR_NEGOTIATING,      /* agreement_negotiating_words (phrases) */
    LXW_AGR_RATIFYING,        /* agreement_ratifying_words (phrases) */
    LXW_AGR_WITHDRAWING,      /* agreement_withdrawing_words (phrases) */
    LXW_AGR_LAW_NOUN,         /* agreement_law_nouns */
    LXW_AGR_STANDALONE,       /* standalone_agreement_kinds (phrases) */
    LXW_AGR_NOT_MODIFIER,     /* not_agreement_modifiers */
    LXW_AGR_VAGUE,            /* agreement_vague_modifiers */
    LXW_AGR_MAKING_VERB,      /* agreement_making_verbs */
    LXW_AGR_COMMA_GOES_ON,    /* agreement_comma_continuations */
    /* time */
    LXW_TODAY,          /* today_words (phrases) */
    LXW_YESTERDAY,      /* yesterday_words (phrases) */
    LXW_TOMORROW,       /* tomorrow_words (phrases) */
    LXW_VAGUE_TIME,     /* vague_times (phrases) */
    LXW_FUTURE_TIME,    /* future_times (phrases) */
    LXW_FUTURE_OPENER,  /* future_openers (phrases) */
    LXW_LAST,           /* past_weekday_openers */
    LXW_NEXT,           /* future_weekday_openers */
    LXW_MONTH,          /* months */
    LXW_WEEKDAY,        /* weekdays */
    LXW_CAPACITY,       /* capacity_words */
    LXW_NP_END,         /* noun_phrase_ends */
    LXW_INVERTING,      /* inverting_verbs */
    LXW_LIKEWISE,       /* likewise_markers */
    LXW_AGAIN,          /* repeat_words */
    LXW_REFERS_BACK,    /* agreement_pronouns */
    LXW_SIGNED_FOR,     /* party_prepositions */
    LXW_SIGNER_FOR,     /* signer_prepositions (phrases) */
    LXW_OCCURRED,       /* occurrence_verbs */
    LXW_SUBJECT_FILLER, /* party_subject_fillers */
    LXW_STATE_NOUN,     /* state_nouns */
    LXW_PRESSURE,       /* pressure_phrases (phrases) */
    LXW_ISSUER_HEAD,    /* issuer_heads */
    LXW_VISITING,       /* visitor_markers */
    LXW_POSTED_TO,      /* posting_prepositions */
    LXW_COMPANY_NOUN,   /* company_nouns */
    LXW_PHRASE_START,   /* internal: the word starts a longer entry of a word class */
    LXW_COUNT
} lx_wclass;

#define LXW_WORDS ((LXW_COUNT + 63) / 64)

typedef struct {
    uint64_t w[LXW_WORDS];
} lx_wset;

static inline int lx_wset_has(const lx_wset *s, lx_wclass c)
{
    return (int)((s->w[c / 64] >> (c % 64)) & 1u);
}

static inline void lx_wset_add(lx_wset *s, lx_wclass c)
{
    s->w[c / 64] |= (uint64_t)1 << (c % 64);
}

/*
 * The word classes of one lexicon entry (a word, or a phrase of a class that has them).
 */
typedef struct {
    lx_wset plain;   /* where the text is not capitalized */
    lx_wset capital; /* where it is: also the classes whose entry is written so ("May") */
    lx_wset starts;  /* classes of longer entries that start with this word */
    uint8_t month;   /* 1-12, 0: none */
    uint8_t weekday; /* 1 (Monday) to 7, 0: none */
} lx_word;

/* Lists of strings that are not matched as tokens: word endings, agreement kinds. */
typedef enum {
    LXL_ORDINAL_SUFFIXES,  /* "st", "th": after the digits of a day */
    LXL_DURATION_SUFFIXES, /* "-day": a word before a trigger that makes it a noun */
    LXL_NAMED_ONLY_KINDS,  /* "plan": kinds never described in lower case */
    LXL_MINISTRY_NAMES,    /* "Foreign Affairs": as written, not folded */
    LXL_GERUND_SUFFIXES,   /* "ing": a word that may open what an agreement does */
    LXL_TIME_PREFIXES,     /* "mid-": a word that is a time ("mid-January") */
    LXL_COUNT
} lx_list;

typedef struct {
    const char **s;
    size_t n, cap;
} lx_strlist;

/*
 * Window sizes and limits of the rules (the "params" section; every default
 * is in data/lexicon/grammar.json and explained in docs/lexicon.md).
 */
typedef enum {
    EVG_P_NEGATION_WINDOW_BEFORE_TRIGGER,
    EVG_P_PLANNED_WINDOW_BEFORE_TRIGGER,
    EVG_P_NOUN_PLANNED_WINDOW_BEFORE,
    EVG_P_NOUN_PLANNED_WINDOW_AFTER,
    EVG_P_SUBJECT_MAX_DISTANCE,
    EVG_P_NOUN_SUBJECT_MAX_DISTANCE,
    EVG_P_SUBJECT_COMMA_FREE_DISTANCE,
    EVG_P_OBJECT_MAX_SKIP,
    EVG_P_OBJECT_MAX_SKIP_LONG,
    EVG_P_JOIN_OBJECT_MAX_SKIP,
    EVG_P_COUNTERPART_MAX_SKIP,
    EVG_P_LATER_WITH_WINDOW,
    EVG_P_ADVERBIAL_MAX_WORDS,
    EVG_P_NOUN_USE_POSSESSIVE_WINDOW,
    EVG_P_REFERS_BACK_PLACE_WINDOW,
    EVG_P_RELATIVE_CLAUSE_MAX_TOKENS,
    EVG_P_RELATIVE_OBJECT_WINDOW,
    EVG_P_FRONTED_SUBJECT_WINDOW,
    EVG_P_PENDING_SPAN_SENTENCES,
    EVG_P_PRONOUN_SPAN_SENTENCES,
    EVG_P_TITLE_PLACE_MAX_WORDS,
    EVG_P_PORTFOLIO_MAX_WORDS,
    EVG_P_NAME_MAX_WORDS,
    EVG_P_AGREEMENT_MAX_MODIFIERS,
    EVG_P_AGREEMENT_MIN_MODIFIERS,
    EVG_P_AGREEMENT_COMPLEMENT_MAX_WORDS,
    EVG_P_AGREEMENT_UNREAL_WINDOW,
    EVG_P_AGREEMENT_RELATION_WINDOW,
    EVG_P_UNDATED_YEAR_SLACK_DAYS,
    EVG_P_HOME_COUNTRY_MIN_MENTIONS,
    EVG_P_TALK_SPAN_SENTENCES,
    EVG_P_LIGHT_VERB_GAP,
    EVG_P_UNNAMED_GAP,
    EVG_P_JOIN_SPAN_SENTENCES,
    EVG_P_JOIN_INVERT_GAP,
    EVG_P_LIST_LINE_TOKENS,
    EVG_P_SOUGHT_WINDOW,
    EVG_P_OBJECT_NOUN_GAP,
    EVG_P_LATER_GAP,
    EVG_P_SPEAKER_WORDS,
    EVG_P_DATELINE_LINES,
    EVG_P_DATELINE_TOKENS,
    EVG_P_COUNT
} evg_param;

/* Trigger frames: where the participants of an event are (docs/lexicon.md). */
typedef enum {
    FR_HOST,
    FR_GUEST,
    FR_MUTUAL,
    FR_VISIT,
    FR_SIGN,
    FR_NOUN,
    FR_JOIN
} lx_frame;

#define LX_MAX_CAND 4

typedef struct {
    uint64_t classes;
    uint8_t acronym; /* written in capitals in the lexicon: match capitals only */
    uint8_t ncountries;
    int16_t countries[LX_MAX_CAND]; /* candidate country indexes, first valid wins */
    int32_t org;                    /* organization index or -1 */
    uint8_t frame, evtype;          /* triggers */
    uint8_t talk;   /* a trigger of type "talk": the kind of the event it goes on from */
    uint8_t light;  /* a noun trigger only after a light verb ("held a call") */
    uint8_t appeal; /* "called on X to resign": an appeal unless "to" says a purpose */
    uint8_t
        joins_only; /* "accompanied by": joins a meeting, never makes one of its own */
    uint8_t
        people_after; /* "including": a join whose people follow it, never its subject */
    const char *kind; /* agreement kind */
} lx_phrase;

typedef struct {
    char code[4];
    const char *name;
    const char *from, *until; /* validity "YYYY-MM-DD" or NULL */
    const char *became;       /* codes of the states that followed it, space-separated */
} lx_country;

/*
 * A city of the lexicon (countries.json: a country's capitals and cities, not its
 * seats of government such as "Kremlin"): the countries it may be in, first valid
 * at the article's date wins.
 */
typedef struct {
    int16_t countries[LX_MAX_CAND];
    uint8_t ncountries;
} lx_city;

/* One term of office of the gazetteer (officials.c): who, where, when. */
typedef struct {
    int32_t official;        /* index into lx->off */
    int32_t next;            /* the official's next term, or -1 */
    int16_t country;         /* lexicon country index, -1 when the code is unknown */
    uint8_t in_office;       /* 0 for an interval out of office (ELI) */
    char start[11], end[11]; /* "YYYY-MM-DD", "" when unknown (start) or open (end) */
} lx_term;

/* One person of the gazetteer. */
typedef struct {
    const char *name;  /* as listed */
    const char *given; /* slug of the first word before the surname that is no title,
                          or NULL ("General Secretary Gorbachev") */
    int32_t first;     /* first term, -1 */
    int32_t next;      /* the next official with the same surname, -1 */
} lx_official;

typedef struct {
    const char *name;
    const char *id;                 /* "org:<slug>" */
    int16_t countries[LX_MAX_CAND]; /* where it is based, first valid wins */
    uint8_t ncountries;
} lx_org;

/* A well-known agreement (known_agreements): its name, kind, and the day it was first
 * made ("YYYY-MM-DD"; NULL: any day), before which its names mean something else. */
typedef struct {
    const char *name, *kind, *from;
} lx_known;

/*
 * The longest key, in bytes, of a phrase that text can match: its folded
 * words joined by spaces, as evg_i_lx_match() builds it from a sentence. A
 * phrase of more words may be loaded, but only its prefixes up to this
 * length are stored (they are all that text can ever reach), so a long phrase
 * costs memory linear in its length, not quadratic.
 */
#define LX_KEY_MAX 255

struct evg_lexicon {
    evg_i_arena arena;
    evg_i_strmap phrases; /* folded phrase -> index into phrase */
    lx_phrase *phrase;
    size_t nphrase, cap_phrase;
    size_t max_words;     /* longest phrase in tokens */
    evg_i_strmap abbrevs; /* folded words with their final period */
    evg_i_strmap codes;   /* alpha-3 -> country index */
    evg_i_strmap domains; /* internet country domain ("uk", "gov") -> country index */
    lx_country *country;
    size_t ncountry, cap_country;
    lx_org *org;
    size_t norg, cap_org;
    int32_t *wref; /* per phrase: its index into `word`, or -1 */
    size_t cap_wref;
    lx_word *word;
    size_t nword, cap_word;
    lx_strlist list[LXL_COUNT];
    size_t param[EVG_P_COUNT];
    lx_known *known;
    size_t nknown, cap_known;
    lx_official *off; /* the gazetteer of office holders */
    size_t noff, cap_off;
    lx_term *terms;
    size_t nterms, cap_terms;
    evg_i_strmap off_keys;     /* the file's person key -> official */
    evg_i_strmap off_surnames; /* slug of a surname -> the last official with it */
    evg_i_strmap known_names; /* a name as written, tokens joined by ' ' -> known index */
    evg_i_strmap known_first; /* the first token of such a name, as written -> 1 */
    size_t known_max_words;
    evg_i_strmap cities; /* a city's folded name, its words joined by ' ' -> city */
    lx_city *city;
    size_t ncity, cap_city;
    size_t city_max_words;
};

/*
 * The well-known agreement written at token i of `t` (case as in the lexicon:
 * "NAFTA", "New START", "Iran nuclear deal"), ending before `lim`: its length
 * in tokens (0: none) and its index in lx->known in `*out`. `buf` is scratch.
 */
size_t evg_i_lx_known_at(long *out, const evg_lexicon *lx, const char *text,
                         const evg_i_tokens *t, size_t i, size_t lim, evg_i_buf *buf);

/*
 * The longest phrase starting at token i and ending before `lim`: its length
 * in tokens (0: none), a copy in `*out`. Proper-noun classes (countries,
 * organizations) are kept only when the text is written as a name, and
 * acronyms ("UN", "WHO") only when written in capitals. When `wcls_out` is
 * not NULL it receives the word classes of the single word at i, found by the
 * same first lookup.
 */
size_t evg_i_lx_match(lx_phrase *out, lx_wset *wcls_out, const evg_lexicon *lx,
                      const evg_i_tokens *t, size_t i, size_t lim);

/* The word-class entry of the single word at token i, or NULL. */
const lx_word *evg_i_lx_word_at(const evg_lexicon *lx, const evg_i_tokens *t, size_t i);

/* Whether the word at token i is of word class c (as the text writes it). */
int evg_i_lx_word_is(const evg_lexicon *lx, const evg_i_tokens *t, size_t i, lx_wclass c);

/*
 * The longest entry of word class c starting at token i and ending at or
 * before `lim`, one word or a phrase ("as well", "this morning"): its length
 * in tokens, 0 when there is none.
 */
size_t evg_i_lx_word_phrase(const evg_lexicon *lx, const evg_i_tokens *t, size_t i,
                            size_t lim, lx_wclass c);

/* Whether `s` is one of the strings of list l ("th", "plan"). */
int evg_i_lx_in_list(const evg_lexicon *lx, lx_list l, const char *s);

/*
 * Whether folded word `w` ends in a string of list l, with more before it ("four-day").
 */
int evg_i_lx_ends_in(const evg_lexicon *lx, lx_list l, const char *w);
/* Whether w starts with an entry of list l and goes on after it. */
int evg_i_lx_begins_with(const evg_lexicon *lx, lx_list l, const char *w);

/* The phrase for exactly one folded word, or NULL. */
const lx_phrase *evg_i_lx_word(const evg_lexicon *lx, const char *folded);

/*
 * Country `c` as the state of `date`: itself while it exists, else the state
 * that it followed or that followed it, as the lexicon's "became" says (RUS in
 * 1987 is SUN); -1 stays -1.
 */
int evg_i_lx_state_at(const evg_lexicon *lx, int c, const char *date);

/*
 * The longest city of the lexicon (a capital or a city of countries.json; a seat
 * of government such as "Kremlin" is none) that tokens [i, lim) of `t` start
 * with: its length in tokens, 0 when none. Its country at `date` (NULL: any) goes
 * to `*country_out` (-1 when none): the first of its countries valid then, else
 * the state of the date ("Leningrad", a city of RUS, is in SUN in 1987). Case is
 * not compared: the caller knows the tokens are a name.
 */
size_t evg_i_lx_city_at(int *country_out, const evg_lexicon *lx, const evg_i_tokens *t,
                        size_t i, size_t lim, const char *date);

/* Read a gazetteer of office holders (docs/lexicon.md) from `text`; `src` names it. */
int evg_i_lx_add_officials(evg_lexicon *lx, const char *text, size_t len, const char *src,
                           evg_error *err);

/*
 * The country whose internet domain is the last label of the host in `addr`
 * ("https://www.mfa.gov.xx/en/1", "kremlin.ru"): ISO 3166-1 alpha-2 codes
 * and the lexicon's "domains" ("uk", "gov"); -1 when `addr` is no address or
 * its domain names no country (".com", ".int").
 */
int evg_i_lx_domain_country(const evg_lexicon *lx, const char *addr);

/* The first candidate country valid at `date` (may be NULL: any), or -1. */
int evg_i_lx_country_at(const evg_lexicon *lx, const int16_t *cands, size_t n,
                        const char *date);

#endif
