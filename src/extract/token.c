/*
 * Tokens and sentences. Time complexity: O(n) in the text length; each
 * word is folded once (ASCII words without a call into utf8proc).
 */
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "extract/token.h"
#include "util/utf8.h"

/* Character classes of one code point. */
enum {
    C_OTHER,
    C_SPACE,
    C_NEWLINE,
    C_LETTER,
    C_UPPER,
    C_DIGIT,
    C_APOS,
    C_HYPHEN,
    C_PERIOD
};

/* The class of each ASCII byte: most text is ASCII, so most bytes need one load. */
static const unsigned char ASCII_CLASS[128] = {
    ['\t'] = C_SPACE, ['\n'] = C_NEWLINE,
    ['\v'] = C_SPACE, ['\f'] = C_SPACE,
    ['\r'] = C_SPACE, [' '] = C_SPACE,
    ['\''] = C_APOS,  ['-'] = C_HYPHEN,
    ['.'] = C_PERIOD, ['0'] = C_DIGIT,
    ['1'] = C_DIGIT,  ['2'] = C_DIGIT,
    ['3'] = C_DIGIT,  ['4'] = C_DIGIT,
    ['5'] = C_DIGIT,  ['6'] = C_DIGIT,
    ['7'] = C_DIGIT,  ['8'] = C_DIGIT,
    ['9'] = C_DIGIT,
#define U(c) [c] = C_UPPER
#define L(c) [c] = C_LETTER
    U('A'),           U('B'),
    U('C'),           U('D'),
    U('E'),           U('F'),
    U('G'),           U('H'),
    U('I'),           U('J'),
    U('K'),           U('L'),
    U('M'),           U('N'),
    U('O'),           U('P'),
    U('Q'),           U('R'),
    U('S'),           U('T'),
    U('U'),           U('V'),
    U('W'),           U('X'),
    U('Y'),           U('Z'),
    L('a'),           L('b'),
    L('c'),           L('d'),
    L('e'),           L('f'),
    L('g'),           L('h'),
    L('i'),           L('j'),
    L('k'),           L('l'),
    L('m'),           L('n'),
    L('o'),           L('p'),
    L('q'),           L('r'),
    L('s'),           L('t'),
    L('u'),           L('v'),
    L('w'),           L('x'),
    L('y'),           L('z'),
#undef U
#undef L
};

static inline int char_class(const char *s, size_t n, size_t i, size_t *len_out)
{
    unsigned char c = (unsigned char)s[i];
    utf8proc_int32_t cp;
    utf8proc_ssize_t k;

    *len_out = 1;
    if (c < 0x80)
        return ASCII_CLASS[c]; /* 0, the default, is C_OTHER */
    k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &cp);
    if (k <= 0)
        return C_OTHER;
    *len_out = (size_t)k;
    if (cp == 0x2019 || cp == 0x02BC)
        return C_APOS;
    if (cp == 0x00A0 || cp == 0x2009 || cp == 0x202F || cp == 0x200B)
        return C_SPACE;
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
        return C_UPPER;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
        return C_LETTER;
    case UTF8PROC_CATEGORY_ND:
        return C_DIGIT;
    case UTF8PROC_CATEGORY_ZS:
        return C_SPACE;
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
        return C_NEWLINE;
    default:
        return C_OTHER;
    }
}

static int is_alnum(int c)
{
    return c == C_LETTER || c == C_UPPER || c == C_DIGIT;
}

/* "al-Sudani", "el-Sisi", "bin-Laden": one to three lower-case letters, a hyphen, a
 * capital. */
static int prefixed(const char *s, size_t n)
{
    size_t k;
    /* most words have no hyphen in their first four bytes: decided at once */
    for (k = 1; k <= 3 && k + 1 < n && s[k] != '-'; k++)
        ;
    if (k > 3 || k + 1 >= n || s[k + 1] < 'A' || s[k + 1] > 'Z')
        return 0;
    for (size_t j = 0; j < k; j++)
        if (s[j] < 'a' || s[j] > 'z')
            return 0;
    return 1;
}

/* Length and hash of a token's folded form, once it is written. */
static void fold_done(evg_i_tokens *t, evg_i_tok *tok)
{
    size_t n = t->fold.len - 1 - tok->fold;
    tok->fold_len = (uint16_t)(n < 65535 ? n : 65535);
    tok->hash = evg_i_hash(t->fold.ptr + tok->fold, n);
}

static int push(evg_i_tokens *t, size_t start, size_t end, const char *text,
                uint16_t flags)
{
    evg_i_tok *tok;
    size_t n = end - start, i;

    if (t->n == t->cap &&
        evg_i_grow((void **)&t->toks, &t->cap, t->n + 1, sizeof(*t->toks)) < 0)
        return EVG_ENOMEM;
    tok = &t->toks[t->n++];
    tok->start = (uint32_t)start;
    tok->end = (uint32_t)end;
    tok->flags = flags;
    tok->fold = (uint32_t)t->fold.len;
    /* ASCII: lower-case in place of utf8proc's folding, which it equals there, hashing
     * along the way */
    if (t->fold.cap - t->fold.len > n + 1) {
        char *out = t->fold.ptr + t->fold.len;
        uint64_t h = EVG_I_HASH_INIT;
        for (i = 0; i < n && (unsigned char)text[start + i] < 0x80; i++) {
            char c = text[start + i];
            out[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
            h = evg_i_hash_byte(h, (unsigned char)out[i]);
        }
        if (i == n) {
            out[n] = '\0';
            t->fold.len += n + 1;
            tok->fold_len = (uint16_t)(n < 65535 ? n : 65535);
            tok->hash = h;
            return 0;
        }
    }
    if (evg_i_fold(&t->fold, text + start, n) < 0 || evg_i_buf_putc(&t->fold, '\0') < 0)
        return EVG_ENOMEM;
    fold_done(t, tok);
    return 0;
}

/* Whether the folded word (without its period) keeps a final period. */
static int keeps_period(const evg_i_tokens *t, size_t i, const evg_i_strmap *abbrevs,
                        int single_letters)
{
    const char *f = evg_i_tok_fold(t, i);
    size_t n = strlen(f);
    char key[40];

    if (single_letters)
        return 1;
    if (n + 1 >= sizeof key)
        return 0;
    memcpy(key, f, n);
    key[n] = '.';
    return abbrevs && evg_i_strmap_get(abbrevs, key, n + 1) >= 0;
}

/* Scan one word starting at i; returns its end. Sets *dotted when it is "U.S"-like. */
static size_t scan_word(const char *s, size_t n, size_t i, int *dotted, int *caps,
                        int *letters)
{
    size_t seg = 0, k, j;
    int c, only_single = 1;

    *caps = 1;
    *letters = 0;
    while (i < n) {
        c = char_class(s, n, i, &k);
        if (is_alnum(c)) {
            if (c == C_LETTER)
                *caps = 0;
            if (c != C_DIGIT)
                (*letters)++;
            seg++;
            i += k;
            continue;
        }
        if (i + k >= n)
            break;
        size_t k2;
        int next = char_class(s, n, i + k, &k2);
        if ((c == C_PERIOD || s[i] == ',') && next == C_DIGIT && i > 0 &&
            s[i - 1] >= '0' && s[i - 1] <= '9') { /* 1,000 and 14.5 */
            i += k;
            seg = 2;
            continue;
        }
        if (c != C_APOS && c != C_HYPHEN && c != C_PERIOD)
            break;
        if (!is_alnum(next))
            break;
        if (c == C_APOS) { /* keep O'Brien, d'Ivoire; split the possessive 's */
            if ((s[i + k] == 's' || s[i + k] == 'S') &&
                (i + k + 1 >= n || !is_alnum(char_class(s, n, i + k + 1, &j))))
                break;
        } else if (c == C_PERIOD) { /* keep U.S and News.az; split "Baku.The" */
            if (seg != 1 && next != C_LETTER)
                break;
            only_single = only_single && seg == 1;
        }
        if (seg != 1)
            only_single = 0;
        if (c == C_HYPHEN) /* "Canada-U.S.": the part after the hyphen decides */
            only_single = 1;
        seg = 0;
        i += k;
    }
    *dotted = only_single && seg == 1;
    return i;
}

/*
 * The longest sentence, in tokens. Reading a sentence costs time in the square
 * of its length (each event looks for its date and sides across it), so text
 * without sentence ends (a table, a scraped page, a long run of words) is cut
 * into pieces of this size; a real sentence of news is far shorter.
 */
#define MAX_SENTENCE_TOKENS 256

/* Mark sentence starts; a sentence ends at . ! ? (not kept by a word) or a paragraph. */
static int split_sentences(evg_i_tokens *t, const char *s)
{
    t->nsents = 0;
    for (size_t i = 0; i < t->n; i++) {
        int start = i == 0 || (t->toks[i].flags & EVG_TK_PARA) ||
                    i - t->sents[t->nsents - 1] >= MAX_SENTENCE_TOKENS;
        if (!start) {
            const evg_i_tok *p = &t->toks[i - 1];
            char pc = s[p->start];
            int ender =
                (p->flags & EVG_TK_PUNCT) && (pc == '.' || pc == '!' || pc == '?');
            /* A closing quote right after the ender stays with its sentence. */
            start =
                ender && !((t->toks[i].flags & EVG_TK_PUNCT) &&
                           (s[t->toks[i].start] == '"' || s[t->toks[i].start] == ')'));
            if (!start && i >= 2 && (t->toks[i - 2].flags & EVG_TK_PUNCT) &&
                (p->flags & EVG_TK_PUNCT) && (pc == '"' || pc == ')')) {
                char qc = s[t->toks[i - 2].start];
                start = qc == '.' || qc == '!' || qc == '?';
            }
        }
        if (start) {
            t->toks[i].flags |= EVG_TK_SENT;
            if (evg_i_grow((void **)&t->sents, &t->cap_sents, t->nsents + 2,
                           sizeof(*t->sents)) < 0)
                return EVG_ENOMEM;
            t->sents[t->nsents++] = i;
        }
    }
    if (evg_i_grow((void **)&t->sents, &t->cap_sents, t->nsents + 1, sizeof(*t->sents)) <
        0)
        return EVG_ENOMEM;
    t->sents[t->nsents] = t->n;
    return 0;
}

int evg_i_tokenize(evg_i_tokens *t, const char *s, size_t n, const evg_i_strmap *abbrevs)
{
    size_t i = 0, k;
    int newlines = 2; /* the text starts a paragraph */

    t->n = 0;
    evg_i_buf_clear(&t->fold);
    /* Room for every folded ASCII word and its NUL, and a guess at the tokens. */
    if (evg_i_buf_grow(&t->fold, 2 * n + 16) < 0 ||
        evg_i_grow((void **)&t->toks, &t->cap, n / 4 + 16, sizeof(*t->toks)) < 0)
        return EVG_ENOMEM;
    while (i < n) {
        int c = char_class(s, n, i, &k);
        uint16_t para = 0;
        if (c == C_SPACE || c == C_NEWLINE) {
            newlines += c == C_NEWLINE;
            i += k;
            continue;
        }
        if (newlines >= 1) /* a line break starts a paragraph: bodies are one per line */
            para = EVG_TK_PARA;
        newlines = 0;
        if (is_alnum(c)) {
            int dotted, caps, letters;
            size_t end = scan_word(s, n, i, &dotted, &caps, &letters);
            uint16_t fl = EVG_TK_WORD | para;
            if (c == C_DIGIT)
                fl |= EVG_TK_NUM;
            if (c == C_UPPER)
                fl |= EVG_TK_CAP;
            if (caps && letters >= 2)
                fl |= EVG_TK_ALLCAPS;
            if (c == C_LETTER && prefixed(s + i, end - i))
                fl |= EVG_TK_PREFIXED;
            if (push(t, i, end, s, fl) < 0)
                return EVG_ENOMEM;
            if (end < n && s[end] == '.' && c != C_DIGIT &&
                keeps_period(t, t->n - 1, abbrevs, dotted)) {
                /* Re-fold with the period so "gen." matches the lexicon. */
                evg_i_tok *tok = &t->toks[t->n - 1];
                t->fold.len = tok->fold;
                end++;
                tok->end = (uint32_t)end;
                tok->flags |= EVG_TK_ABBREV;
                if (evg_i_fold(&t->fold, s + i, end - i) < 0 ||
                    evg_i_buf_putc(&t->fold, '\0') < 0)
                    return EVG_ENOMEM;
                fold_done(t, tok);
            }
            i = end;
            continue;
        }
        if (c == C_APOS && i + k < n && (s[i + k] == 's' || s[i + k] == 'S') &&
            t->n > 0 && t->toks[t->n - 1].end == i) {
            size_t j;
            if (i + k + 1 >= n || !is_alnum(char_class(s, n, i + k + 1, &j))) {
                if (push(t, i, i + k + 1, s, EVG_TK_WORD | EVG_TK_POSS) < 0)
                    return EVG_ENOMEM;
                i += k + 1;
                continue;
            }
        }
        /* Punctuation: one character, except runs of hyphens ("--"). */
        size_t end = i + k;
        if (c == C_HYPHEN)
            while (end < n && s[end] == '-')
                end++;
        if (push(t, i, end, s, EVG_TK_PUNCT | para) < 0)
            return EVG_ENOMEM;
        i = end;
    }
    return split_sentences(t, s);
}

void evg_i_tokens_free(evg_i_tokens *t)
{
    free(t->toks);
    free(t->sents);
    evg_i_buf_free(&t->fold);
    memset(t, 0, sizeof(*t));
}
