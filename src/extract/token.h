#ifndef EVG_EXTRACT_TOKEN_H
#define EVG_EXTRACT_TOKEN_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/strmap.h"

/* Token flags. */
enum {
    EVG_TK_WORD = 1 << 0,    /* letters (and digits) */
    EVG_TK_NUM = 1 << 1,     /* starts with a digit */
    EVG_TK_PUNCT = 1 << 2,   /* one punctuation character (or a dash run) */
    EVG_TK_CAP = 1 << 3,     /* starts with an upper-case letter */
    EVG_TK_ALLCAPS = 1 << 4, /* two or more letters, all upper case */
    EVG_TK_PARA = 1 << 5,    /* first token of a paragraph */
    EVG_TK_SENT = 1 << 6,    /* first token of a sentence */
    EVG_TK_POSS = 1 << 7,    /* the possessive "'s" split off a word */
    EVG_TK_ABBREV = 1 << 8,  /* a word that kept its final period ("Gen.", "U.S.") */
    EVG_TK_PREFIXED = 1 << 9 /* "al-Sudani", "el-Sisi": a lower-case prefix, a capital */
};

typedef struct {
    uint32_t start, end; /* byte offsets into the text */
    uint32_t fold;       /* offset of the folded form in the token list's fold buffer */
    uint16_t flags;
    uint16_t fold_len; /* its length (up to 65535) */
    uint64_t hash;     /* evg_i_hash() of the folded form, for lexicon lookups */
} evg_i_tok;

typedef struct {
    evg_i_tok *toks;
    size_t n, cap;
    evg_i_buf fold; /* folded forms, each NUL-terminated */
    size_t *sents;  /* index of each sentence's first token; sents[nsents] == n */
    size_t nsents, cap_sents;
} evg_i_tokens;

/*
 * Split `len` bytes of UTF-8 `text` into words and punctuation, and the
 * words into sentences. `abbrevs` holds folded words that keep a final
 * period ("gen", "mr"); single letters always do ("W.", "U.S."). The
 * possessive "'s" becomes its own token. Returns 0 or EVG_ENOMEM; the list
 * is reset first and may be reused.
 */
int evg_i_tokenize(evg_i_tokens *out, const char *text, size_t len,
                   const evg_i_strmap *abbrevs);

/* The folded form of token i. */
static inline const char *evg_i_tok_fold(const evg_i_tokens *t, size_t i)
{
    return t->fold.ptr + t->toks[i].fold;
}

void evg_i_tokens_free(evg_i_tokens *t);

#endif
