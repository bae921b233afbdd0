#ifndef EVG_EXTRACT_LEXICON_H
#define EVG_EXTRACT_LEXICON_H

#include <stdint.h>

#include "evgraph/extract.h"
#include "extract/token.h"
#include "util/arena.h"
#include "util/strmap.h"

/* What a lexicon phrase can be (several at once: "general" is a rank and a modifier). */
#define LX_COUNTRY (1ull << 0)        /* a country's name or alias */
#define LX_DEMONYM (1ull << 1)        /* "Turkish", "Azerbaijani" */
#define LX_CAPITAL (1ull << 2)        /* "Baku" as a metonym */
#define LX_ORG (1ull << 3)            /* an organization name or alias */
#define LX_HEAD (1ull << 4)           /* title head: minister, president */
#define LX_ROYAL (1ull << 5)          /* king, sheikh: may take a single name */
#define LX_MOD (1ull << 6)            /* title modifier: deputy, foreign */
#define LX_RANK (1ull << 7)           /* colonel general */
#define LX_HONOR (1ull << 8)          /* mr, dr, h.e. */
#define LX_PARTICLE (1ull << 9)       /* von, al, bin */
#define LX_GROUP (1ull << 10)         /* delegation, guests */
#define LX_NOUN (1ull << 11)          /* nouns inside titles and organization names: forces */
#define LX_TRIGGER (1ull << 12)       /* an event trigger */
#define LX_PLANNED (1ull << 13)       /* will, is due to */
#define LX_NEGATION (1ull << 14)      /* not, never */
#define LX_PAST (1ull << 15)          /* last year, previously */
#define LX_SEQUENCE (1ull << 16)      /* subsequently */
#define LX_PLACE_NOUN (1ull << 17)    /* grave, factory: the object of a visit that is no person */
#define LX_VENUE (1ull << 18)         /* ministry, palace: heads of meeting venues */
#define LX_AGREEMENT (1ull << 19)     /* treaty, declaration, memorandum of understanding */
#define LX_NOTNAME (1ull << 20)       /* capitalized words that are no part of a name: The */
#define LX_CALL_MARK (1ull << 21)     /* "by telephone": a meeting word used of a call */
#define LX_THIRD_PLACE (1ull << 22)   /* "on the sidelines of": away from both homes */
#define LX_LIGHT (1ull << 23)         /* "held", "had": a verb whose noun names the event */
#define LX_SUFFIX (1ull << 24)        /* "Jr.", "III": closes a name, is no surname */
#define LX_SURNAME_WORD (1ull << 25)  /* "He": a word that is also a surname, after a title */
#define LX_UNNAMED (1ull << 26)       /* "officials", "members": officials named by no name */
#define LX_NOT_PERSON_OBJ (1ull << 27) /* "criticism", "deadline": a meeting verb's other sense */
#define LX_SOUGHT (1ull << 28)        /* "demanded", "hoped to": a meeting wished for, not held */
#define LX_CALLED_OFF (1ull << 29)    /* "cancelled", "postponed": no event in the sentence */
#define LX_PREFIX (1ull << 30)        /* internal: the start of a longer phrase */
#define LX_CONDITION (1ull << 31)     /* "if", "unless": what follows may not happen */
#define LX_APART (1ull << 33)         /* "separately": the people met one by one */
#define LX_TOGETHER (1ull << 34)      /* "trilateral", "jointly": a call held by all at once */
#define LX_GERUND_OPENER (1ull << 35) /* "after": "after meeting X" is a verb, not a noun */
#define LX_FIRST_PERSON (1ull << 36)  /* "we", "our": the speaker, inside a quotation */
#define LX_SPEECH (1ull << 37)        /* "said", "says": tells who spoke a quotation */
#define LX_PLURAL_HEAD (1ull << 38)   /* "Presidents": a title over two names joined by "and" */
#define LX_POSS_PRONOUN (1ull << 39)  /* "his", "their": a noun's owner is the subject */
#define LX_PURPOSE (1ull << 32)       /* "discuss": "called X to discuss" is a call, not an appeal */

/* Trigger frames: where the participants of an event are (docs/lexicon.md). */
typedef enum { FR_HOST, FR_GUEST, FR_MUTUAL, FR_VISIT, FR_SIGN, FR_NOUN, FR_JOIN } lx_frame;

#define LX_MAX_CAND 4

typedef struct {
    uint64_t classes;
    uint8_t acronym;      /* written in capitals in the lexicon: match capitals only */
    uint8_t ncountries;
    int16_t countries[LX_MAX_CAND]; /* candidate country indexes, first valid wins */
    int32_t org;          /* organization index or -1 */
    uint8_t frame, evtype; /* triggers */
    uint8_t talk;         /* a trigger of type "talk": the kind of the event it goes on from */
    uint8_t light;        /* a noun trigger only after a light verb ("held a call") */
    uint8_t appeal;       /* "called on X to resign": an appeal unless "to" says a purpose */
    uint8_t joins_only;   /* "accompanied by": joins a meeting, never makes one of its own */
    const char *kind;     /* agreement kind */
} lx_phrase;

typedef struct {
    char code[4];
    const char *name;
    const char *from, *until; /* validity "YYYY-MM-DD" or NULL */
} lx_country;

typedef struct {
    const char *name;
    const char *id;                 /* "org:<slug>" */
    int16_t countries[LX_MAX_CAND]; /* where it is based, first valid wins */
    uint8_t ncountries;
} lx_org;

struct evg_lexicon {
    evg_i_arena arena;
    evg_i_strmap phrases; /* folded phrase -> index into phrase */
    lx_phrase *phrase;
    size_t nphrase, cap_phrase;
    size_t max_words;     /* longest phrase in tokens */
    evg_i_strmap abbrevs; /* folded words with their final period */
    evg_i_strmap codes;   /* alpha-3 -> country index */
    lx_country *country;
    size_t ncountry, cap_country;
    lx_org *org;
    size_t norg, cap_org;
};

/*
 * The longest phrase starting at token i and ending before `lim`: its length
 * in tokens (0: none), a copy in `*out`. Proper-noun classes (countries,
 * organizations) are kept only when the text is written as a name, and
 * acronyms ("UN", "WHO") only when written in capitals.
 */
size_t evg_i_lx_match(lx_phrase *out, const evg_lexicon *lx, const evg_i_tokens *t, size_t i,
                      size_t lim);

/* The phrase for exactly one folded word, or NULL. */
const lx_phrase *evg_i_lx_word(const evg_lexicon *lx, const char *folded);

/* The first candidate country valid at `date` (may be NULL: any), or -1. */
int evg_i_lx_country_at(const evg_lexicon *lx, const int16_t *cands, size_t n,
                        const char *date);

#endif
