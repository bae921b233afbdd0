#ifndef EVG_EXTRACT_LEXICON_H
#define EVG_EXTRACT_LEXICON_H

#include <stdint.h>

#include "evgraph/extract.h"
#include "extract/token.h"
#include "util/arena.h"
#include "util/strmap.h"

/* What a lexicon phrase can be (several at once: "general" is a rank and a modifier). */
enum {
    LX_COUNTRY = 1u << 0,  /* a country's name or alias */
    LX_DEMONYM = 1u << 1,  /* "Turkish", "Azerbaijani" */
    LX_CAPITAL = 1u << 2,  /* "Baku" as a metonym */
    LX_ORG = 1u << 3,      /* an organization name or alias */
    LX_HEAD = 1u << 4,     /* title head: minister, president */
    LX_ROYAL = 1u << 5,    /* king, sheikh: may take a single name */
    LX_MOD = 1u << 6,      /* title modifier: deputy, foreign */
    LX_RANK = 1u << 7,     /* colonel general */
    LX_HONOR = 1u << 8,    /* mr, dr, h.e. */
    LX_PARTICLE = 1u << 9, /* von, al, bin */
    LX_GROUP = 1u << 10,   /* delegation, guests */
    LX_NOUN = 1u << 11,    /* nouns inside titles and organization names: forces, staff */
    LX_TRIGGER = 1u << 12, /* an event trigger */
    LX_PLANNED = 1u << 13, /* will, is due to */
    LX_NEGATION = 1u << 14,
    LX_PAST = 1u << 15,     /* last year, previously */
    LX_SEQUENCE = 1u << 16, /* subsequently */
    LX_PLACE_NOUN = 1u << 17, /* grave, factory: the object of a visit that is no person */
    LX_VENUE = 1u << 18,      /* ministry, palace: heads of meeting venues */
    LX_AGREEMENT = 1u << 19,  /* treaty, declaration, memorandum of understanding */
    LX_NOTNAME = 1u << 20,    /* capitalized words that are no part of a name: The, Monday */
    LX_CALL_MARK = 1u << 21,  /* "by telephone": a meeting word used of a call */
    LX_THIRD_PLACE = 1u << 22, /* "on the sidelines of": a meeting away from both homes */
    LX_SURNAME_WORD = 1u << 25, /* "He": a word that is also a surname, after a title */
    LX_SUFFIX = 1u << 24,
    LX_UNNAMED = 1u << 26,      /* "officials", "members": officials named by no name */      /* "Jr.", "III": closes a name, is no surname */
    LX_LIGHT = 1u << 23,       /* "held", "had": a verb whose noun names the event ("held a call") */
    LX_PREFIX = 1u << 30      /* internal: the start of a longer phrase */
};

/* Trigger frames: where the participants of an event are (docs/lexicon.md). */
typedef enum { FR_HOST, FR_GUEST, FR_MUTUAL, FR_VISIT, FR_SIGN, FR_NOUN, FR_JOIN } lx_frame;

#define LX_MAX_CAND 4

typedef struct {
    uint32_t classes;
    uint8_t acronym;      /* written in capitals in the lexicon: match capitals only */
    uint8_t ncountries;
    int16_t countries[LX_MAX_CAND]; /* candidate country indexes, first valid wins */
    int32_t org;          /* organization index or -1 */
    uint8_t frame, evtype; /* triggers */
    uint8_t talk;         /* a trigger of type "talk": the kind of the event it goes on from */
    uint8_t light;        /* a noun trigger only after a light verb ("held a call") */
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
