/*
 * Loading the lexicon: Debian's iso-codes country lists and our JSON word
 * lists (the JSON files in data/lexicon, embedded), then the user's files, which extend
 * or replace sections. Every phrase is tokenized exactly as article text is,
 * folded, and stored in one hash map, so matching is a few lookups per token.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "extract/lexicon.h"
#include "util/data.h"
#include "util/date.h"
#include "util/error.h"
#include "util/fileio.h"
#include "util/utf8.h"

/* Sections a lexicon file may hold besides the word classes (docs/lexicon.md). */
static const char *const SECTIONS[] = {"countries",
                                       "organizations",
                                       "agreement_kinds",
                                       "known_agreements",
                                       "heads",
                                       "royals",
                                       "modifiers",
                                       "ranks",
                                       "honorifics",
                                       "name_particles",
                                       "groups",
                                       "title_nouns",
                                       "abbreviations",
                                       "not_names",
                                       "triggers",
                                       "planned",
                                       "negation",
                                       "past_markers",
                                       "sequence",
                                       "place_nouns",
                                       "venue_heads",
                                       "national_titles",
                                       "call_markers",
                                       "third_place_markers",
                                       "light_verbs",
                                       "name_suffixes",
                                       "surname_words",
                                       "unnamed_officials",
                                       "not_person_objects",
                                       "sought",
                                       "called_off",
                                       "conditions",
                                       "purpose_verbs",
                                       "apart",
                                       "together",
                                       "gerund_openers",
                                       "first_person",
                                       "plural_heads",
                                       "quote_verbs",
                                       "months",
                                       "weekdays",
                                       "ordinal_suffixes",
                                       "duration_suffixes",
                                       "named_only_kinds",
                                       "ministry_names",
                                       "gerund_suffixes",
                                       "time_prefixes",
                                       "params"};
#define NSECTIONS (sizeof(SECTIONS) / sizeof(SECTIONS[0]))

/* Word-list sections and the class each gives its words. */
static const struct {
    const char *name;
    uint64_t cls;
} WORD_SECTIONS[] = {{"heads", LX_HEAD},
                     {"royals", LX_ROYAL | LX_HEAD},
                     {"modifiers", LX_MOD},
                     {"ranks", LX_RANK},
                     {"honorifics", LX_HONOR},
                     {"name_particles", LX_PARTICLE},
                     {"groups", LX_GROUP},
                     {"title_nouns", LX_NOUN},
                     {"planned", LX_PLANNED},
                     {"negation", LX_NEGATION},
                     {"past_markers", LX_PAST},
                     {"sequence", LX_SEQUENCE},
                     {"place_nouns", LX_PLACE_NOUN},
                     {"venue_heads", LX_VENUE},
                     {"not_names", LX_NOTNAME},
                     {"call_markers", LX_CALL_MARK},
                     {"third_place_markers", LX_THIRD_PLACE},
                     {"light_verbs", LX_LIGHT},
                     {"name_suffixes", LX_SUFFIX},
                     {"surname_words", LX_SURNAME_WORD},
                     {"unnamed_officials", LX_UNNAMED},
                     {"not_person_objects", LX_NOT_PERSON_OBJ},
                     {"sought", LX_SOUGHT},
                     {"called_off", LX_CALLED_OFF},
                     {"conditions", LX_CONDITION},
                     {"purpose_verbs", LX_PURPOSE},
                     {"apart", LX_APART},
                     {"together", LX_TOGETHER},
                     {"gerund_openers", LX_GERUND_OPENER},
                     {"first_person", LX_FIRST_PERSON},
                     {"plural_heads", LX_PLURAL_HEAD | LX_HEAD},
                     {"quote_verbs", LX_QUOTE_VERB}};

/*
 * Grammatical word classes (data/lexicon/grammar.json): the section of each and
 * whether it may hold phrases ("as well", "this morning"); the others hold words.
 */
static const struct {
    const char *name;
    lx_wclass cls;
    int phrases;
} WCLASSES[] = {{"be_forms", LXW_BE, 0},
                {"speech_verbs", LXW_SPEECH_VERB, 0},
                {"clause_openers", LXW_CLAUSE_OPENER, 0},
                {"hosting_verbs", LXW_HOSTING_VERB, 0},
                {"held_verbs", LXW_HELD, 0},
                {"delegation_leader_verbs", LXW_LEADER_VERB, 0},
                {"agreement_participles", LXW_AGREEMENT_PARTICIPLE, 0},
                {"definite_articles", LXW_THE, 0},
                {"indefinite_articles", LXW_INDEFINITE, 0},
                {"personal_pronouns", LXW_PERSONAL_PRONOUN, 0},
                {"object_or_possessive_pronouns", LXW_OBJECT_OR_POSSESSIVE, 0},
                {"object_pronoun_followers", LXW_OBJECT_FOLLOWER, 0},
                {"group_pronouns", LXW_GROUP_PRONOUN, 0},
                {"group_quantifiers", LXW_GROUP_QUANTIFIER, 0},
                {"pair_numerals", LXW_PAIR_NUMERAL, 0},
                {"group_nouns", LXW_GROUP_NOUN, 0},
                {"possessive_determiners", LXW_POSSESSIVE, 0},
                {"personal_possessives", LXW_PERSONAL_POSSESSIVE, 0},
                {"delegation_determiners", LXW_DELEGATION_DET, 0},
                {"agreement_determiners", LXW_AGREEMENT_DET, 0},
                {"superlatives", LXW_SUPERLATIVE, 0},
                {"generic_title_modifiers", LXW_GENERIC_MODIFIER, 0},
                {"ministry_heads", LXW_MINISTRY_HEAD, 0},
                {"plural_meeting_nouns", LXW_PLURAL_MEETING, 0},
                {"relative_pronouns", LXW_RELATIVE, 0},
                {"subject_relatives", LXW_SUBJECT_RELATIVE, 0},
                {"clause_barriers", LXW_CLAUSE_BARRIER, 0},
                {"relative_clause_words", LXW_RELATIVE_CLAUSE, 0},
                {"complementizers", LXW_COMPLEMENTIZER, 0},
                {"coordinators", LXW_AND, 0},
                {"list_glue", LXW_LIST_GLUE, 0},
                {"list_joiners", LXW_LIST_JOINER, 1},
                {"title_links", LXW_TITLE_LINK, 0},
                {"portfolio_links", LXW_PORTFOLIO_LINK, 0},
                {"of_links", LXW_OF, 0},
                {"agent_prepositions", LXW_AGENT, 0},
                {"counterpart_prepositions", LXW_WITH, 0},
                {"pair_prepositions", LXW_BETWEEN, 0},
                {"infinitive_markers", LXW_INFINITIVE, 0},
                {"place_prepositions", LXW_PLACE_PREP, 0},
                {"time_place_prepositions", LXW_TIME_PLACE_PREP, 0},
                {"year_prepositions", LXW_YEAR_PREP, 0},
                {"place_name_connectors", LXW_PLACE_CONNECTOR, 0},
                {"fronted_openers", LXW_FRONTED_OPENER, 0},
                {"adverbials_before_with", LXW_ADVERBIAL, 0},
                {"meeting_noun_openers", LXW_NOUN_OPENER, 0},
                {"meeting_noun_determiners", LXW_NOUN_DETERMINER, 0},
                {"agreement_name_connectors", LXW_AGR_CONNECTOR, 0},
                {"agreement_left_stops", LXW_AGR_LEFT_STOP, 0},
                {"agreement_complements", LXW_AGR_COMPLEMENT, 0},
                {"agreement_right_stops", LXW_AGR_RIGHT_STOP, 0},
                {"dangling_words", LXW_DANGLING, 0},
                {"number_words", LXW_NUMBER, 0},
                {"not_agreement_before", LXW_NOT_AGREEMENT_BEFORE, 0},
                {"not_agreement_phrases", LXW_NOT_AGREEMENT, 1},
                {"country_pair_phrases", LXW_COUNTRY_PAIR, 1},
                {"agreement_tail_prepositions", LXW_AGR_TAIL, 0},
                {"agreement_tail_words", LXW_AGR_TAIL_WORD, 1},
                {"agreement_time_nouns", LXW_AGR_TIME_NOUN, 0},
                {"body_heads", LXW_BODY_HEAD, 0},
                {"agreement_unreal_markers", LXW_AGR_UNREAL, 1},
                {"agreement_unreal_followers", LXW_AGR_UNREAL_AFTER, 1},
                {"agreement_negotiating_words", LXW_AGR_NEGOTIATING, 1},
                {"agreement_ratifying_words", LXW_AGR_RATIFYING, 1},
                {"agreement_withdrawing_words", LXW_AGR_WITHDRAWING, 1},
                {"agreement_law_nouns", LXW_AGR_LAW_NOUN, 0},
                {"standalone_agreement_kinds", LXW_AGR_STANDALONE, 1},
                {"not_agreement_modifiers", LXW_AGR_NOT_MODIFIER, 0},
                {"agreement_vague_modifiers", LXW_AGR_VAGUE, 0},
                {"agreement_making_verbs", LXW_AGR_MAKING_VERB, 0},
                {"agreement_comma_continuations", LXW_AGR_COMMA_GOES_ON, 0},
                {"today_words", LXW_TODAY, 1},
                {"yesterday_words", LXW_YESTERDAY, 1},
                {"tomorrow_words", LXW_TOMORROW, 1},
                {"vague_times", LXW_VAGUE_TIME, 1},
                {"future_times", LXW_FUTURE_TIME, 1},
                {"future_openers", LXW_FUTURE_OPENER, 1},
                {"past_weekday_openers", LXW_LAST, 0},
                {"future_weekday_openers", LXW_NEXT, 0},
                {"capacity_words", LXW_CAPACITY, 0},
                {"noun_phrase_ends", LXW_NP_END, 0},
                {"inverting_verbs", LXW_INVERTING, 0},
                {"likewise_markers", LXW_LIKEWISE, 1},
                {"repeat_words", LXW_AGAIN, 0},
                {"agreement_pronouns", LXW_REFERS_BACK, 0},
                {"party_prepositions", LXW_SIGNED_FOR, 1},
                {"signer_prepositions", LXW_SIGNER_FOR, 1},
                {"occurrence_verbs", LXW_OCCURRED, 1},
                {"party_subject_fillers", LXW_SUBJECT_FILLER, 0},
                {"state_nouns", LXW_STATE_NOUN, 0},
                {"pressure_phrases", LXW_PRESSURE, 1},
                {"issuer_heads", LXW_ISSUER_HEAD, 0},
                {"visitor_markers", LXW_VISITING, 0},
                {"posting_prepositions", LXW_POSTED_TO, 0},
                {"company_nouns", LXW_COMPANY_NOUN, 0}};
#define NWCLASSES (sizeof(WCLASSES) / sizeof(WCLASSES[0]))
#define NALL (NSECTIONS + NWCLASSES)

/* Positional sections: entry k names month (weekday) k + 1. */
static const struct {
    const char *name;
    lx_wclass cls;
    size_t n;
} CALENDAR[] = {{"months", LXW_MONTH, 12}, {"weekdays", LXW_WEEKDAY, 7}};

static const char *const LIST_SECTIONS[LXL_COUNT] = {
    "ordinal_suffixes", "duration_suffixes", "named_only_kinds",
    "ministry_names",   "gerund_suffixes",   "time_prefixes"};

/* The params section: names in evg_param order. */
static const char *const PARAMS[EVG_P_COUNT] = {"negation_window_before_trigger",
                                                "planned_window_before_trigger",
                                                "noun_planned_window_before",
                                                "noun_planned_window_after",
                                                "subject_max_distance",
                                                "noun_subject_max_distance",
                                                "subject_comma_free_distance",
                                                "object_max_skip",
                                                "object_max_skip_long",
                                                "join_object_max_skip",
                                                "counterpart_max_skip",
                                                "later_with_window",
                                                "adverbial_max_words",
                                                "noun_use_possessive_window",
                                                "refers_back_place_window",
                                                "relative_clause_max_tokens",
                                                "relative_object_window",
                                                "fronted_subject_window",
                                                "pending_span_sentences",
                                                "pronoun_span_sentences",
                                                "title_place_max_words",
                                                "portfolio_max_words",
                                                "name_max_words",
                                                "agreement_max_modifiers",
                                                "agreement_min_modifiers",
                                                "agreement_complement_max_words",
                                                "agreement_unreal_window",
                                                "agreement_relation_window",
                                                "undated_year_slack_days",
                                                "home_country_min_mentions",
                                                "talk_span_sentences",
                                                "light_verb_gap",
                                                "unnamed_officials_gap",
                                                "join_span_sentences",
                                                "join_invert_gap",
                                                "list_line_tokens",
                                                "sought_window_before_trigger",
                                                "object_noun_gap",
                                                "later_gap",
                                                "speaker_max_words",
                                                "dateline_lines",
                                                "dateline_line_tokens"};

/* The largest value a parameter may take: far beyond any sentence, far from overflow. */
#define PARAM_MAX 100000

static const char *const FRAMES[] = {"host", "guest", "mutual", "visit",
                                     "sign", "noun",  "join"};

typedef struct {
    json_t *parts[NALL]; /* per section: array of the values given, in order */
    evg_lexicon *lx;
    evg_i_tokens toks;
    evg_i_buf key;
    const char *src; /* file being applied, for messages */
    evg_error *err;
    /* what a phrase longer than LX_KEY_MAX is given: text never reaches it */
    lx_phrase unreachable;
    lx_word unreachable_word;
} loader;

/* The index of a section: SECTIONS, then WCLASSES; -1 when unknown. */
static int section_index(const char *name)
{
    for (size_t i = 0; i < NSECTIONS; i++)
        if (strcmp(SECTIONS[i], name) == 0)
            return (int)i;
    for (size_t i = 0; i < NWCLASSES; i++)
        if (strcmp(WCLASSES[i].name, name) == 0)
            return (int)(NSECTIONS + i);
    return -1;
}

static int bad(loader *ld, const char *fmt, const char *a, const char *b)
{
    char text[200];
    snprintf(text, sizeof text, fmt, a, b);
    return evg_i_error_set(ld->err, EVG_EPARSE, ld->src, 0, 0, "%s", text);
}

/* ---- phrases ---------------------------------------------------------- */

static int string_list(loader *ld, json_t *arr, const char *what, const char *where)
{
    size_t i;
    json_t *v;

    if (arr == NULL)
        return 0;
    if (!json_is_array(arr))
        return bad(ld, "%s: '%s' must be an array of strings", where, what);
    json_array_foreach(arr, i, v) if (!json_is_string(v)) return bad(
        ld, "%s: '%s' must be an array of strings", where, what);
    return 0;
}

/* Add an abbreviation ("gen.") to the tokenizer's set. */
static int add_abbrev(loader *ld, const char *word)
{
    evg_i_buf f = EVG_I_BUF_INIT;
    size_t n = strlen(word);
    int rc = 0;

    if (n < 2 || word[n - 1] != '.')
        return 0;
    if (evg_i_fold(&f, word, n) < 0 ||
        evg_i_strmap_put(&ld->lx->abbrevs, f.ptr, f.len, 0) < 0)
        rc = evg_i_error_nomem(ld->err);
    evg_i_buf_free(&f);
    return rc;
}

static int is_acronym(const char *s)
{
    int letters = 0;
    for (; *s; s++) {
        if (*s >= 'a' && *s <= 'z')
            return 0;
        letters += *s >= 'A' && *s <= 'Z';
    }
    return letters >= 2;
}

/*
 * The entry of folded phrase `key`, created (with no class) when new; its
 * index, or -1 with err set when out of memory.
 */
static long entry_for(loader *ld, const char *key, size_t len)
{
    evg_lexicon *lx = ld->lx;
    long idx = evg_i_strmap_get(&lx->phrases, key, len);

    if (idx >= 0)
        return idx;
    if (evg_i_grow((void **)&lx->phrase, &lx->cap_phrase, lx->nphrase + 1,
                   sizeof(*lx->phrase)) < 0 ||
        evg_i_grow((void **)&lx->wref, &lx->cap_wref, lx->nphrase + 1,
                   sizeof(*lx->wref)) < 0 ||
        evg_i_strmap_put(&lx->phrases, key, len, (long)lx->nphrase) < 0) {
        evg_i_error_nomem(ld->err);
        return -1;
    }
    memset(&lx->phrase[lx->nphrase], 0, sizeof(*lx->phrase));
    lx->phrase[lx->nphrase].org = -1;
    lx->wref[lx->nphrase] = -1;
    return (long)lx->nphrase++;
}

/*
 * Register `text` with the given classes; returns the phrase (existing
 * entries are merged) or NULL with err set.
 */
static lx_phrase *add_phrase(loader *ld, const char *text, uint64_t cls)
{
    evg_lexicon *lx = ld->lx;
    evg_i_tokens *t = &ld->toks;
    long idx = -1;

    if (evg_i_tokenize(t, text, strlen(text), &lx->abbrevs) < 0)
        goto nomem;
    if (t->n == 0)
        return NULL;
    evg_i_buf_clear(&ld->key);
    for (size_t i = 0; i < t->n; i++) {
        if ((i && evg_i_buf_putc(&ld->key, ' ') < 0) ||
            evg_i_buf_puts(&ld->key, evg_i_tok_fold(t, i)) < 0)
            goto nomem;
        /* no sentence reaches this prefix, nor the longer ones: they are not stored */
        if (i && ld->key.len > LX_KEY_MAX) {
            idx = -1;
            break;
        }
        if ((idx = entry_for(ld, ld->key.ptr, ld->key.len)) < 0)
            return NULL;
        lx->phrase[idx].classes |= i + 1 < t->n ? LX_PREFIX : cls;
    }
    if (t->n > lx->max_words)
        lx->max_words = t->n;
    if (idx < 0) {
        memset(&ld->unreachable, 0, sizeof ld->unreachable);
        return &ld->unreachable;
    }
    if (is_acronym(text))
        lx->phrase[idx].acronym = 1;
    return &lx->phrase[idx];
nomem:
    evg_i_error_nomem(ld->err);
    return NULL;
}

/* ---- word classes ----------------------------------------------------- */

/* The word-class entry of phrase `idx`, created when new; NULL when out of memory. */
static lx_word *word_for(loader *ld, long idx)
{
    evg_lexicon *lx = ld->lx;

    if (lx->wref[idx] < 0) {
        if (evg_i_grow((void **)&lx->word, &lx->cap_word, lx->nword + 1,
                       sizeof(*lx->word)) < 0) {
            evg_i_error_nomem(ld->err);
            return NULL;
        }
        memset(&lx->word[lx->nword], 0, sizeof(*lx->word));
        lx->wref[idx] = (int32_t)lx->nword++;
    }
    return &lx->word[lx->wref[idx]];
}

/* Give folded `key` class c, everywhere or only where the text is capitalized. */
static lx_word *key_class(loader *ld, const char *key, size_t len, lx_wclass c,
                          int capital_only)
{
    long idx = entry_for(ld, key, len);
    lx_word *w = idx < 0 ? NULL : word_for(ld, idx);

    if (w == NULL)
        return NULL;
    if (!capital_only)
        lx_wset_add(&w->plain, c);
    lx_wset_add(&w->capital, c);
    return w;
}

/*
 * Add `text` to word class c (of section `sec`): one word, or a phrase when
 * the class may hold them. Written with a capital ("May") it holds only
 * where the text is capitalized. Returns its entry, with its folded form
 * in ld->key; NULL with *rc 0 for an empty text, or with *rc < 0 on error.
 */
static lx_word *add_word(loader *ld, const char *text, lx_wclass c, int phrases,
                         const char *sec, int *rc)
{
    evg_lexicon *lx = ld->lx;
    evg_i_tokens *t = &ld->toks;
    lx_word *w = NULL;

    *rc = 0;
    if (evg_i_tokenize(t, text, strlen(text), &lx->abbrevs) < 0) {
        *rc = evg_i_error_nomem(ld->err);
        return NULL;
    }
    if (t->n == 0)
        return NULL;
    if (t->n > 1 && !phrases) {
        *rc = bad(ld, "%s: '%s' is more than one word (the class holds single words)",
                  sec, text);
        return NULL;
    }
    evg_i_buf_clear(&ld->key);
    for (size_t i = 0; i < t->n; i++) {
        long idx;
        if ((i && evg_i_buf_putc(&ld->key, ' ') < 0) ||
            evg_i_buf_puts(&ld->key, evg_i_tok_fold(t, i)) < 0) {
            *rc = evg_i_error_nomem(ld->err);
            return NULL;
        }
        if (i && ld->key.len > LX_KEY_MAX) { /* as in add_phrase(): never matched */
            if (t->n > lx->max_words)
                lx->max_words = t->n;
            memset(&ld->unreachable_word, 0, sizeof ld->unreachable_word);
            return &ld->unreachable_word;
        }
        if (i + 1 == t->n)
            break;
        /* a prefix of a phrase: the first word says a phrase of class c starts there */
        if ((idx = entry_for(ld, ld->key.ptr, ld->key.len)) < 0 ||
            (i == 0 && (w = word_for(ld, idx)) == NULL)) {
            *rc = EVG_ENOMEM;
            return NULL;
        }
        lx->phrase[idx].classes |= LX_PREFIX;
        if (i == 0) {
            lx_wset_add(&w->starts, c);
            lx_wset_add(&w->plain, LXW_PHRASE_START);
            lx_wset_add(&w->capital, LXW_PHRASE_START);
        }
    }
    if ((w = key_class(ld, ld->key.ptr, ld->key.len, c,
                       (t->toks[0].flags & EVG_TK_CAP) != 0)) == NULL) {
        *rc = EVG_ENOMEM;
        return NULL;
    }
    if (t->n > lx->max_words)
        lx->max_words = t->n;
    return w;
}

/*
 * The words of a word-list section, written as an array of strings or as an
 * object {"doc": "...", "examples": [...], "words": [...]}. NULL with *rc < 0
 * when the object is malformed; an array is returned as it is (the caller
 * checks its strings).
 */
static json_t *section_words(loader *ld, const char *name, json_t *sec, int *rc)
{
    const char *key;
    json_t *v;

    *rc = 0;
    if (!json_is_object(sec))
        return sec;
    json_object_foreach(sec, key, v)
    {
        if (strcmp(key, "doc") == 0 && !json_is_string(v))
            *rc = bad(ld, "%s: \"doc\" must be a string%s", name, "");
        else if (strcmp(key, "examples") == 0)
            *rc = string_list(ld, v, "examples", name);
        else if (strcmp(key, "doc") && strcmp(key, "examples") && strcmp(key, "words"))
            *rc = bad(
                ld, "%s: unknown key '%s' (a section object holds doc, examples, words)",
                name, key);
        if (*rc < 0)
            return NULL;
    }
    if ((v = json_object_get(sec, "words")) == NULL) {
        *rc = bad(ld, "%s: a section object needs \"words\"%s", name, "");
        return NULL;
    }
    return v;
}

/*
 * The words of word-list section `name`, checked to be strings (messages
 * say they are from `where`). NULL with *rc < 0 when they are not.
 */
static json_t *section_strings(loader *ld, const char *name, const char *where,
                               json_t *sec, int *rc)
{
    json_t *words = section_words(ld, name, sec, rc);

    if (words && (*rc = string_list(ld, words, name, where)) < 0)
        return NULL;
    return words;
}

static void add_country_cand(int16_t *c, uint8_t *n, int country)
{
    for (size_t i = 0; i < *n; i++)
        if (c[i] == country)
            return;
    if (*n < LX_MAX_CAND)
        c[(*n)++] = (int16_t)country;
}

/* ---- countries -------------------------------------------------------- */

static int country_new(loader *ld, const char *code, const char *name)
{
    evg_lexicon *lx = ld->lx;
    long idx = evg_i_strmap_get(&lx->codes, code, strlen(code));

    if (idx >= 0) {
        if (name)
            lx->country[idx].name = evg_i_arena_strdup(&lx->arena, name);
        return (int)idx;
    }
    if (strlen(code) != 3)
        return bad(ld, "country code '%s' is not ISO 3166-1 alpha-3%s", code, "");
    if (evg_i_grow((void **)&lx->country, &lx->cap_country, lx->ncountry + 1,
                   sizeof(*lx->country)) < 0 ||
        evg_i_strmap_put(&lx->codes, code, 3, (long)lx->ncountry) < 0)
        return evg_i_error_nomem(ld->err);
    lx_country *c = &lx->country[lx->ncountry];
    memset(c, 0, sizeof *c);
    memcpy(c->code, code, 4);
    c->name = evg_i_arena_strdup(&lx->arena, name ? name : code);
    return (int)lx->ncountry++;
}

static int country_phrase(loader *ld, const char *text, uint64_t cls, int country)
{
    lx_phrase *p = add_phrase(ld, text, cls);
    if (p == NULL)
        return ld->err && ld->err->code == EVG_ENOMEM ? EVG_ENOMEM : 0;
    add_country_cand(p->countries, &p->ncountries, country);
    return 0;
}

/*
 * Record `text` as a city of `country`: folded and keyed as a phrase is, but
 * kept apart from the phrases matched in the text, so that a city's name
 * ("Victoria", "Split") changes nothing where it is no place.
 */
static int add_city(loader *ld, const char *text, int country)
{
    evg_lexicon *lx = ld->lx;
    evg_i_tokens *t = &ld->toks;
    long idx;

    if (evg_i_tokenize(t, text, strlen(text), &lx->abbrevs) < 0)
        return evg_i_error_nomem(ld->err);
    if (t->n == 0)
        return 0;
    evg_i_buf_clear(&ld->key);
    for (size_t i = 0; i < t->n; i++)
        if ((i && evg_i_buf_putc(&ld->key, ' ') < 0) ||
            evg_i_buf_puts(&ld->key, evg_i_tok_fold(t, i)) < 0)
            return evg_i_error_nomem(ld->err);
    if ((idx = evg_i_strmap_get(&lx->cities, ld->key.ptr, ld->key.len)) < 0) {
        if (evg_i_grow((void **)&lx->city, &lx->cap_city, lx->ncity + 1,
                       sizeof(*lx->city)) < 0 ||
            evg_i_strmap_put(&lx->cities, ld->key.ptr, ld->key.len, (long)lx->ncity) < 0)
            return evg_i_error_nomem(ld->err);
        memset(&lx->city[lx->ncity], 0, sizeof(*lx->city));
        idx = (long)lx->ncity++;
    }
    add_country_cand(lx->city[idx].countries, &lx->city[idx].ncountries, country);
    if (t->n > lx->city_max_words)
        lx->city_max_words = t->n;
    return 0;
}

/* The display name of an iso-codes entry: common name, or name unless inverted. */
static const char *iso_display(json_t *e)
{
    const char *common = json_string_value(json_object_get(e, "common_name"));
    const char *name = json_string_value(json_object_get(e, "name"));
    const char *official = json_string_value(json_object_get(e, "official_name"));

    if (common)
        return common;
    if (name && !strchr(name, ',') && !strchr(name, '('))
        return name;
    return official ? official : name;
}

/* Domain `d` (any case) names country c; the first to claim a domain keeps it. */
static int add_domain(loader *ld, const char *d, int c)
{
    char low[64];
    size_t n = strlen(d);

    if (n == 0 || n >= sizeof low)
        return bad(ld, "countries: domain '%s' is empty or too long%s", d, "");
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(d[i] >= 'A' && d[i] <= 'Z' ? d[i] - 'A' + 'a' : d[i]);
    if (evg_i_strmap_get(&ld->lx->domains, low, n) >= 0)
        return 0;
    return evg_i_strmap_put(&ld->lx->domains, low, n, c) < 0 ? evg_i_error_nomem(ld->err)
                                                             : 0;
}

static int load_iso(loader *ld)
{
    const evg_i_data_file *f = evg_i_data_find("iso_3166-1.json");
    json_error_t je;
    json_t *root, *arr, *e;
    size_t i;
    int rc = 0;

    if (f == NULL || (root = json_loadb(f->bytes, f->size, 0, &je)) == NULL)
        return evg_i_error_set(ld->err, EVG_EPARSE, "iso_3166-1.json", 0, 0,
                               "embedded iso-codes data unreadable");
    arr = json_object_get(root, "3166-1");
    json_array_foreach(arr, i, e)
    {
        const char *code = json_string_value(json_object_get(e, "alpha_3"));
        int c;
        if (code == NULL)
            continue;
        if ((c = country_new(ld, code, iso_display(e))) < 0) {
            rc = c;
            break;
        }
        const char *a2 = json_string_value(json_object_get(e, "alpha_2"));
        if (a2 && strlen(a2) == 2 && (rc = add_domain(ld, a2, c)) < 0)
            break;
        const char *keys[] = {"name", "common_name", "official_name"};
        for (size_t k = 0; rc == 0 && k < 3; k++) {
            const char *s = json_string_value(json_object_get(e, keys[k]));
            if (s && !strchr(s, ',') && !strchr(s, '('))
                rc = country_phrase(ld, s, LX_COUNTRY, c);
        }
        if (rc < 0)
            break;
    }
    json_decref(root);
    return rc;
}

/* Historical states (iso_3166-3) are added only when the lexicon names them. */
static int iso3_withdrawal(const char *code, const char **name_out,
                           const char **until_out, json_t **root_out)
{
    const evg_i_data_file *f = evg_i_data_find("iso_3166-3.json");
    json_error_t je;
    json_t *root, *e;
    size_t i;

    *name_out = *until_out = NULL;
    if (*root_out == NULL && f)
        *root_out = json_loadb(f->bytes, f->size, 0, &je);
    if ((root = *root_out) == NULL)
        return -1;
    json_array_foreach(json_object_get(root, "3166-3"), i, e)
    {
        if (json_is_string(json_object_get(e, "alpha_3")) &&
            strcmp(json_string_value(json_object_get(e, "alpha_3")), code) == 0) {
            *name_out = json_string_value(json_object_get(e, "name"));
            *until_out = json_string_value(json_object_get(e, "withdrawal_date"));
            return 0;
        }
    }
    return -1;
}

static int apply_country(loader *ld, json_t *e, json_t **iso3)
{
    const char *code = json_string_value(json_object_get(e, "code"));
    const char *name = json_string_value(json_object_get(e, "name"));
    /* capitals and seats of government are metonyms ("Baku said", "the Kremlin said");
     * capitals and cities are where places lie */
    static const struct {
        const char *key;
        uint64_t cls;
        int city;
    } lists[] = {{"aliases", LX_COUNTRY, 0},
                 {"demonyms", LX_DEMONYM, 0},
                 {"capitals", LX_CAPITAL, 1},
                 {"seats", LX_CAPITAL, 0},
                 {"cities", 0, 1}};
    int c, rc;

    if (!json_is_object(e) || code == NULL)
        return bad(ld, "countries: every entry needs a \"code\"%s%s", "", "");
    long known = evg_i_strmap_get(&ld->lx->codes, code, strlen(code));
    const char *hname = NULL, *huntil = NULL;
    if (known < 0 && iso3_withdrawal(code, &hname, &huntil, iso3) == 0 && name == NULL)
        name = hname;
    if ((c = country_new(ld, code, name)) < 0)
        return c;
    lx_country *ct = &ld->lx->country[c];
    const char *from = json_string_value(json_object_get(e, "from"));
    const char *until = json_string_value(json_object_get(e, "until"));
    if (from)
        ct->from = evg_i_arena_strdup(&ld->lx->arena, from);
    if (until || huntil)
        ct->until = evg_i_arena_strdup(&ld->lx->arena, until ? until : huntil);
    json_t *became = json_object_get(e, "became"), *b;
    size_t bi;
    if ((rc = string_list(ld, became, "became", code)) < 0)
        return rc;
    evg_i_buf_clear(&ld->key);
    json_array_foreach(became, bi, b) if ((bi && evg_i_buf_putc(&ld->key, ' ') < 0) ||
                                          evg_i_buf_puts(&ld->key, json_string_value(b)) <
                                              0) return evg_i_error_nomem(ld->err);
    if (ld->key.len &&
        (ct->became = evg_i_arena_strdup(&ld->lx->arena, ld->key.ptr)) == NULL)
        return evg_i_error_nomem(ld->err);
    if (name && (rc = country_phrase(ld, name, LX_COUNTRY, c)) < 0)
        return rc;
    json_t *domains = json_object_get(e, "domains"), *dv;
    size_t di;
    if ((rc = string_list(ld, domains, "domains", code)) < 0)
        return rc;
    json_array_foreach(domains, di, dv) if ((rc = add_domain(ld, json_string_value(dv),
                                                             c)) < 0) return rc;
    for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
        json_t *arr = json_object_get(e, lists[k].key), *v;
        size_t i;
        if ((rc = string_list(ld, arr, lists[k].key, code)) < 0)
            return rc;
        json_array_foreach(arr, i, v)
        {
            const char *text = json_string_value(v);
            if ((lists[k].cls && (rc = country_phrase(ld, text, lists[k].cls, c)) < 0) ||
                (lists[k].city && (rc = add_city(ld, text, c)) < 0))
                return rc;
        }
    }
    return 0;
}

/* ---- organizations, words, triggers ----------------------------------- */

static int apply_org(loader *ld, json_t *e)
{
    evg_lexicon *lx = ld->lx;
    const char *name = json_string_value(json_object_get(e, "name"));
    json_t *aliases = json_object_get(e, "aliases"), *cty = json_object_get(e, "country"),
           *v;
    evg_i_buf slug = EVG_I_BUF_INIT;
    lx_org *o;
    size_t i;
    int rc;

    if (!json_is_object(e) || name == NULL)
        return bad(ld, "organizations: every entry needs a \"name\"%s%s", "", "");
    if ((rc = string_list(ld, aliases, "aliases", name)) < 0)
        return rc;
    if (evg_i_grow((void **)&lx->org, &lx->cap_org, lx->norg + 1, sizeof(*lx->org)) < 0 ||
        evg_i_buf_puts(&slug, "org:") < 0 || evg_i_slug(&slug, name, strlen(name)) < 0) {
        evg_i_buf_free(&slug);
        return evg_i_error_nomem(ld->err);
    }
    o = &lx->org[lx->norg];
    memset(o, 0, sizeof *o);
    o->name = evg_i_arena_strdup(&lx->arena, name);
    o->id = evg_i_arena_strdup(&lx->arena, slug.ptr);
    evg_i_buf_free(&slug);
    if (!json_is_string(cty))
        json_incref(cty);
    else if ((cty = json_pack("[O]", cty)) == NULL)
        return evg_i_error_nomem(ld->err);
    json_array_foreach(cty, i, v)
    {
        long c = json_is_string(v) ? evg_i_strmap_get(&lx->codes, json_string_value(v),
                                                      strlen(json_string_value(v)))
                                   : -1;
        if (c >= 0)
            add_country_cand(o->countries, &o->ncountries, (int)c);
    }
    json_decref(cty);
    int org = (int)lx->norg++;
    lx_phrase *p = add_phrase(ld, name, LX_ORG);
    if (p)
        p->org = org;
    json_array_foreach(aliases, i, v)
    {
        if ((p = add_phrase(ld, json_string_value(v), LX_ORG)) != NULL)
            p->org = org;
        else if (ld->err && ld->err->code == EVG_ENOMEM)
            return EVG_ENOMEM;
    }
    return 0;
}

/*
 * Every key of trigger entry e is one it may hold, and every flag is true or
 * false: a misspelt flag would otherwise be dropped without a word.
 */
static int trigger_keys(loader *ld, json_t *e)
{
    static const char *const flags[] = {"after_light_verb", "appeal_unless_purpose",
                                        "joins_only", "people_after"};
    const char *key;
    json_t *v;

    json_object_foreach(e, key, v)
    {
        size_t f;
        if (strcmp(key, "frame") == 0 || strcmp(key, "type") == 0 ||
            strcmp(key, "words") == 0)
            continue;
        for (f = 0; f < sizeof(flags) / sizeof(flags[0]) && strcmp(flags[f], key); f++)
            ;
        if (f == sizeof(flags) / sizeof(flags[0]))
            return bad(ld,
                       "triggers: unknown key '%s' (a trigger holds frame, type, words, "
                       "after_light_verb, appeal_unless_purpose, joins_only, "
                       "people_after)%s",
                       key, "");
        if (!json_is_boolean(v))
            return bad(ld, "triggers: '%s' must be true or false%s", key, "");
    }
    return 0;
}

static int apply_trigger(loader *ld, json_t *e)
{
    const char *frame = json_string_value(json_object_get(e, "frame"));
    const char *type = json_string_value(json_object_get(e, "type"));
    json_t *words = json_object_get(e, "words"), *v;
    evg_event_type et;
    size_t i, f;
    int rc;

    if ((rc = trigger_keys(ld, e)) < 0)
        return rc;
    for (f = 0; frame && f < sizeof(FRAMES) / sizeof(FRAMES[0]); f++)
        if (strcmp(FRAMES[f], frame) == 0)
            break;
    if (frame == NULL || f == sizeof(FRAMES) / sizeof(FRAMES[0]))
        return bad(ld,
                   "triggers: frame '%s' is not host, guest, mutual, visit, sign, noun "
                   "or join%s",
                   frame ? frame : "(missing)", "");
    if (type == NULL || (strcmp(type, "meeting") && strcmp(type, "call") &&
                         strcmp(type, "signing") && strcmp(type, "talk")))
        return bad(ld, "triggers: type '%s' is not meeting, call, signing or talk%s",
                   type ? type : "(missing)", "");
    et = strcmp(type, "call") == 0      ? EVG_EV_CALL
         : strcmp(type, "signing") == 0 ? EVG_EV_SIGNING
                                        : EVG_EV_MEETING;
    if ((rc = string_list(ld, words, "words", "triggers")) < 0)
        return rc;
    json_array_foreach(words, i, v)
    {
        lx_phrase *p = add_phrase(ld, json_string_value(v), LX_TRIGGER);
        if (p == NULL && ld->err && ld->err->code == EVG_ENOMEM)
            return EVG_ENOMEM;
        if (p) {
            p->frame = (uint8_t)f;
            p->evtype = (uint8_t)et;
            p->talk = strcmp(type, "talk") == 0;
            p->light = json_is_true(json_object_get(e, "after_light_verb"));
            p->appeal = json_is_true(json_object_get(e, "appeal_unless_purpose"));
            p->joins_only = json_is_true(json_object_get(e, "joins_only"));
            p->people_after = json_is_true(json_object_get(e, "people_after"));
        }
    }
    return 0;
}

static int apply_kinds(loader *ld, json_t *obj)
{
    const char *kind;
    json_t *words, *v;
    size_t i;
    int rc;

    if (!json_is_object(obj))
        return bad(ld, "agreement_kinds must be an object of kind -> words%s%s", "", "");
    json_object_foreach(obj, kind, words)
    {
        const char *k = evg_i_arena_strdup(&ld->lx->arena, kind);
        if ((rc = string_list(ld, words, kind, "agreement_kinds")) < 0)
            return rc;
        json_array_foreach(words, i, v)
        {
            lx_phrase *p = add_phrase(ld, json_string_value(v), LX_AGREEMENT);
            if (p == NULL && ld->err && ld->err->code == EVG_ENOMEM)
                return EVG_ENOMEM;
            if (p)
                p->kind = k;
        }
    }
    return 0;
}

/* The kinds of the event record an agreement may have (docs/events.md). */
static const char *const RECORD_KINDS[] = {"declaration", "treaty",   "agreement",
                                           "memorandum",  "protocol", "accord",
                                           "plan",        "other"};

/* Token texts of `text` as written, joined by ' ', into ld->key; its token count. */
static long written_key(loader *ld, const char *text)
{
    evg_i_tokens *t = &ld->toks;

    if (evg_i_tokenize(t, text, strlen(text), &ld->lx->abbrevs) < 0)
        return evg_i_error_nomem(ld->err);
    evg_i_buf_clear(&ld->key);
    for (size_t i = 0; i < t->n; i++)
        if ((i && evg_i_buf_putc(&ld->key, ' ') < 0) ||
            evg_i_buf_put(&ld->key, text + t->toks[i].start,
                          t->toks[i].end - t->toks[i].start) < 0)
            return evg_i_error_nomem(ld->err);
    return (long)t->n;
}

/* One name of known agreement k, matched as written. */
static int add_known_name(loader *ld, const char *text, long k)
{
    evg_lexicon *lx = ld->lx;
    long n = written_key(ld, text);
    const evg_i_tok *first = &ld->toks.toks[0];

    if (n <= 0)
        return n < 0 ? (int)n : bad(ld, "known_agreements: an empty name%s%s", "", "");
    if (evg_i_strmap_put(&lx->known_names, ld->key.ptr, ld->key.len, k) < 0 ||
        evg_i_strmap_put(&lx->known_first, text + first->start, first->end - first->start,
                         1) < 0)
        return evg_i_error_nomem(ld->err);
    if ((size_t)n > lx->known_max_words)
        lx->known_max_words = (size_t)n;
    return 0;
}

/* {"name": "...", "kind": "treaty", "aliases": ["NPT", ...]}: a well-known agreement. */
static int apply_known(loader *ld, json_t *e)
{
    evg_lexicon *lx = ld->lx;
    const char *name = json_string_value(json_object_get(e, "name"));
    const char *kind = json_string_value(json_object_get(e, "kind"));
    const char *from = json_string_value(json_object_get(e, "from"));
    json_t *aliases = json_object_get(e, "aliases"), *v;
    size_t i, ok = 0;
    int rc;

    if (!json_is_object(e) || name == NULL || kind == NULL)
        return bad(ld,
                   "known_agreements: every entry needs a \"name\" and a \"kind\"%s%s",
                   "", "");
    for (i = 0; i < sizeof RECORD_KINDS / sizeof *RECORD_KINDS; i++)
        ok |= strcmp(kind, RECORD_KINDS[i]) == 0;
    if (!ok)
        return bad(ld,
                   "known_agreements: '%s': kind '%s' is not a kind of docs/events.md",
                   name, kind);
    if ((rc = string_list(ld, aliases, "aliases", name)) < 0)
        return rc;
    if (evg_i_grow((void **)&lx->known, &lx->cap_known, lx->nknown + 1,
                   sizeof(*lx->known)) < 0)
        return evg_i_error_nomem(ld->err);
    lx->known[lx->nknown].name = evg_i_arena_strdup(&lx->arena, name);
    lx->known[lx->nknown].kind = evg_i_arena_strdup(&lx->arena, kind);
    lx->known[lx->nknown].from = from ? evg_i_arena_strdup(&lx->arena, from) : NULL;
    if (from && !evg_i_date_valid(from, strlen(from)))
        return bad(ld,
                   "known_agreements: '%s': \"from\" must be a date YYYY-MM-DD, not '%s'",
                   name, from);
    if (!lx->known[lx->nknown].name || !lx->known[lx->nknown].kind)
        return evg_i_error_nomem(ld->err);
    if ((rc = add_known_name(ld, name, (long)lx->nknown)) < 0)
        return rc;
    json_array_foreach(aliases, i,
                       v) if ((rc = add_known_name(ld, json_string_value(v),
                                                   (long)lx->nknown)) < 0) return rc;
    lx->nknown++;
    return 0;
}

size_t evg_i_lx_known_at(long *out, const evg_lexicon *lx, const char *text,
                         const evg_i_tokens *t, size_t i, size_t lim, evg_i_buf *buf)
{
    const evg_i_tok *tk = t->toks;
    size_t best = 0;

    if (lx->nknown == 0 || evg_i_strmap_get(&lx->known_first, text + tk[i].start,
                                            tk[i].end - tk[i].start) < 0)
        return 0;
    evg_i_buf_clear(buf);
    for (size_t j = i; j < lim && j - i < lx->known_max_words; j++) {
        long k;
        if ((j > i && evg_i_buf_putc(buf, ' ') < 0) ||
            evg_i_buf_put(buf, text + tk[j].start, tk[j].end - tk[j].start) < 0)
            return best;
        if ((k = evg_i_strmap_get(&lx->known_names, buf->ptr, buf->len)) >= 0) {
            best = j - i + 1;
            *out = k;
        }
    }
    return best;
}

/* "Chancellor of the Exchequer" is British: a title that names its country. */
static int apply_national_title(loader *ld, json_t *e)
{
    const char *title = json_string_value(json_object_get(e, "title"));
    const char *code = json_string_value(json_object_get(e, "country"));
    long c = code ? evg_i_strmap_get(&ld->lx->codes, code, strlen(code)) : -1;
    lx_phrase *p;

    if (!json_is_object(e) || title == NULL || c < 0)
        return bad(
            ld,
            "national_titles: every entry needs a \"title\" and a known \"country\"%s%s",
            "", "");
    if ((p = add_phrase(ld, title, LX_HEAD)) == NULL)
        return ld->err && ld->err->code == EVG_ENOMEM ? EVG_ENOMEM : 0;
    add_country_cand(p->countries, &p->ncountries, (int)c);
    return 0;
}

/* ---- files and sections ----------------------------------------------- */

/* Record the sections of one lexicon document (replacing where it says so). */
static int collect(loader *ld, json_t *root)
{
    json_t *rep = json_object_get(root, "replace"), *v;
    const char *key;
    size_t i;

    if (!json_is_object(root))
        return bad(ld, "a lexicon file must hold a JSON object%s%s", "", "");
    if (rep && !json_is_array(rep))
        return bad(ld, "\"replace\" must be an array of section names%s%s", "", "");
    json_array_foreach(rep, i, v)
    {
        int s = json_is_string(v) ? section_index(json_string_value(v)) : -1;
        if (s < 0)
            return bad(ld, "\"replace\": unknown section '%s'%s",
                       json_is_string(v) ? json_string_value(v) : "?", "");
        json_array_clear(ld->parts[s]);
    }
    json_object_foreach(root, key, v)
    {
        int s = section_index(key);
        if (strcmp(key, "about") == 0 || strcmp(key, "replace") == 0)
            continue;
        if (s < 0)
            return bad(ld, "unknown section '%s' (see docs/lexicon.md)%s", key, "");
        /* Keep the file with the value, so that errors found later name it. */
        if (json_array_append_new(ld->parts[s], json_pack("[sO]", ld->src, v)) < 0)
            return evg_i_error_nomem(ld->err);
    }
    return 0;
}

static int collect_text(loader *ld, const char *text, size_t len, const char *src)
{
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    int rc;

    ld->src = src;
    if (root == NULL)
        return evg_i_error_set(ld->err, EVG_EPARSE, src, je.line, je.column,
                               "invalid JSON: %s", je.text);
    rc = collect(ld, root);
    json_decref(root);
    return rc;
}

static json_t *part(loader *ld, const char *name)
{
    return ld->parts[section_index(name)];
}

/* The value of one recorded [file, value] pair; names the file for messages. */
static json_t *value_of(loader *ld, json_t *pair)
{
    ld->src = json_string_value(json_array_get(pair, 0));
    return json_array_get(pair, 1);
}

/* ---- grammar: word classes, calendar, string lists, params -------------- */

/* The words of word-class section w. */
static int apply_wclass(loader *ld, size_t w, json_t *sec)
{
    const char *name = WCLASSES[w].name;
    json_t *words, *v;
    size_t i;
    int rc;

    if ((words = section_strings(ld, name, "lexicon", sec, &rc)) == NULL)
        return rc;
    json_array_foreach(words, i, v)
    {
        if (add_word(ld, json_string_value(v), WCLASSES[w].cls, WCLASSES[w].phrases, name,
                     &rc) == NULL &&
            rc < 0)
            return rc;
    }
    return 0;
}

/* Name `text` (already in ld->key) month or weekday `value` of calendar section `cal`. */
static int set_calendar(loader *ld, size_t cal, lx_word *w, unsigned value,
                        const char *text)
{
    uint8_t *slot = cal == 0 ? &w->month : &w->weekday;

    if (*slot && *slot != value)
        return bad(ld, "%s: '%s' names two different entries", CALENDAR[cal].name, text);
    *slot = (uint8_t)value;
    return 0;
}

/*
 * Months and weekdays: entry k (a word, or an array of words) names month or
 * weekday k + 1. A capitalized abbreviation may drop its period in the
 * text ("Jan", "Sept"): such words are added without it, for capitals only.
 */
static int apply_calendar(loader *ld, size_t cal, json_t *sec)
{
    const char *name = CALENDAR[cal].name;
    json_t *pos, *names, *v;
    size_t k, i;
    int rc;

    if ((pos = section_words(ld, name, sec, &rc)) == NULL)
        return rc;
    if (!json_is_array(pos) || json_array_size(pos) > CALENDAR[cal].n)
        return bad(ld,
                   "%s must be an array of %s entries, each a word or an array of words",
                   name, cal == 0 ? "12" : "7");
    json_array_foreach(pos, k, names)
    {
        json_t *one =
            json_is_string(names) ? json_pack("[O]", names) : json_incref(names);
        if (one == NULL)
            return evg_i_error_nomem(ld->err);
        rc = string_list(ld, one, name, "lexicon");
        json_array_foreach(one, i, v)
        {
            const char *text = json_string_value(v);
            lx_word *w;
            if (rc < 0)
                break;
            if ((w = add_word(ld, text, CALENDAR[cal].cls, 0, name, &rc)) == NULL)
                continue;
            if ((rc = set_calendar(ld, cal, w, (unsigned)k + 1, text)) < 0)
                break;
            if (ld->key.len > 1 && ld->key.ptr[ld->key.len - 1] == '.') {
                if ((w = key_class(ld, ld->key.ptr, ld->key.len - 1, CALENDAR[cal].cls,
                                   1)) == NULL)
                    rc = EVG_ENOMEM;
                else
                    rc = set_calendar(ld, cal, w, (unsigned)k + 1, text);
            }
        }
        json_decref(one);
        if (rc < 0)
            return rc;
    }
    return 0;
}

/*
 * String list l: strings not matched as tokens (word endings, kinds), folded
 * except ministry names, which are written into the record as they are.
 */
static int apply_list(loader *ld, lx_list l, json_t *sec)
{
    const char *name = LIST_SECTIONS[l];
    lx_strlist *list = &ld->lx->list[l];
    evg_i_buf f = EVG_I_BUF_INIT;
    json_t *words, *v;
    size_t i;
    int rc;

    if ((words = section_strings(ld, name, "lexicon", sec, &rc)) == NULL)
        return rc;
    json_array_foreach(words, i, v)
    {
        const char *text = json_string_value(v);
        evg_i_buf_clear(&f);
        if ((l == LXL_MINISTRY_NAMES ? evg_i_buf_puts(&f, text)
                                     : evg_i_fold(&f, text, strlen(text))) < 0 ||
            evg_i_grow((void **)&list->s, &list->cap, list->n + 1, sizeof(*list->s)) <
                0 ||
            (list->s[list->n] = evg_i_arena_strndup(&ld->lx->arena, f.ptr ? f.ptr : "",
                                                    f.len)) == NULL) {
            rc = evg_i_error_nomem(ld->err);
            break;
        }
        if (f.len)
            list->n++;
    }
    evg_i_buf_free(&f);
    return rc;
}

/*
 * Parameters: {"name": N} or {"name": {"value": N, "doc": "..."}}, N a whole
 * number from 0 to PARAM_MAX. `set` records which were given.
 */
static int apply_params(loader *ld, json_t *obj, unsigned char *set)
{
    const char *name, *key;
    json_t *v, *e;

    if (!json_is_object(obj))
        return bad(ld, "params must be an object of parameter names and values%s%s", "",
                   "");
    json_object_foreach(obj, name, v)
    {
        size_t p;
        for (p = 0; p < EVG_P_COUNT && strcmp(PARAMS[p], name) != 0; p++)
            ;
        if (p == EVG_P_COUNT)
            return bad(ld, "params: unknown parameter '%s' (see docs/lexicon.md)%s", name,
                       "");
        if (json_is_object(v)) {
            json_object_foreach(v, key, e)
            {
                if (strcmp(key, "doc") == 0 && !json_is_string(e))
                    return bad(ld, "params: '%s': \"doc\" must be a string%s", name, "");
                if (strcmp(key, "doc") && strcmp(key, "value"))
                    return bad(
                        ld,
                        "params: '%s': unknown key '%s' (a parameter holds value, doc)",
                        name, key);
            }
            if ((v = json_object_get(v, "value")) == NULL)
                return bad(ld, "params: '%s' needs a \"value\"%s", name, "");
        }
        if (!json_is_integer(v) || json_integer_value(v) < 0 ||
            json_integer_value(v) > PARAM_MAX) {
            char max[24];
            snprintf(max, sizeof max, "%d", PARAM_MAX);
            return bad(ld, "params: '%s' must be a whole number from 0 to %s", name, max);
        }
        ld->lx->param[p] = (size_t)json_integer_value(v);
        set[p] = 1;
    }
    return 0;
}

/* The sections of data/lexicon/grammar.json and their extensions. */
static int build_grammar(loader *ld)
{
    unsigned char set[EVG_P_COUNT];
    json_t *pair;
    size_t i;
    int rc;

    for (size_t w = 0; w < NWCLASSES; w++)
        json_array_foreach(ld->parts[NSECTIONS + w], i, pair)
        {
            if ((rc = apply_wclass(ld, w, value_of(ld, pair))) < 0)
                return rc;
        }
    for (size_t c = 0; c < sizeof(CALENDAR) / sizeof(CALENDAR[0]); c++)
        json_array_foreach(part(ld, CALENDAR[c].name), i, pair)
        {
            if ((rc = apply_calendar(ld, c, value_of(ld, pair))) < 0)
                return rc;
        }
    for (int l = 0; l < LXL_COUNT; l++)
        json_array_foreach(part(ld, LIST_SECTIONS[l]), i, pair)
        {
            if ((rc = apply_list(ld, (lx_list)l, value_of(ld, pair))) < 0)
                return rc;
        }
    memset(set, 0, sizeof set);
    ld->src = "grammar.json";
    json_array_foreach(part(ld, "params"), i, pair)
    {
        if ((rc = apply_params(ld, value_of(ld, pair), set)) < 0)
            return rc;
    }
    for (size_t p = 0; p < EVG_P_COUNT; p++)
        if (!set[p])
            return bad(ld,
                       "params: '%s' has no value (grammar.json gives every default)%s",
                       PARAMS[p], "");
    return 0;
}

static int build(loader *ld)
{
    json_t *iso3 = NULL, *sec, *e, *pair;
    size_t i, k;
    int rc = 0;

    json_array_foreach(part(ld, "abbreviations"), i, pair)
    {
        if ((sec = section_strings(ld, "abbreviations", "abbreviations",
                                   value_of(ld, pair), &rc)) == NULL)
            return rc;
        json_array_foreach(sec, k, e) if ((rc = add_abbrev(ld, json_string_value(e))) <
                                          0) return rc;
    }
    if ((rc = load_iso(ld)) < 0)
        return rc;
    json_array_foreach(part(ld, "countries"), i, pair)
    {
        sec = value_of(ld, pair);
        if (!json_is_array(sec)) {
            rc = bad(ld, "'%s' must be an array of objects%s", "countries", "");
            break;
        }
        json_array_foreach(sec, k, e) if ((rc = apply_country(ld, e, &iso3)) < 0) break;
        if (rc < 0)
            break;
    }
    json_decref(iso3);
    if (rc < 0)
        return rc;
    json_array_foreach(part(ld, "organizations"), i, pair)
    {
        sec = value_of(ld, pair);
        if (!json_is_array(sec))
            return bad(ld, "'%s' must be an array of objects%s", "organizations", "");
        json_array_foreach(sec, k, e) if ((rc = apply_org(ld, e)) < 0) return rc;
    }
    for (size_t w = 0; w < sizeof(WORD_SECTIONS) / sizeof(WORD_SECTIONS[0]); w++) {
        json_array_foreach(part(ld, WORD_SECTIONS[w].name), i, pair)
        {
            if ((sec = section_strings(ld, WORD_SECTIONS[w].name, "lexicon",
                                       value_of(ld, pair), &rc)) == NULL)
                return rc;
            json_array_foreach(sec, k, e)
            {
                if (add_phrase(ld, json_string_value(e), WORD_SECTIONS[w].cls) == NULL &&
                    ld->err && ld->err->code == EVG_ENOMEM)
                    return EVG_ENOMEM;
            }
        }
    }
    json_array_foreach(part(ld, "triggers"), i, pair)
    {
        sec = value_of(ld, pair);
        if (!json_is_array(sec))
            return bad(ld, "'%s' must be an array of objects%s", "triggers", "");
        json_array_foreach(sec, k, e) if ((rc = apply_trigger(ld, e)) < 0) return rc;
    }
    json_array_foreach(part(ld, "national_titles"), i, pair)
    {
        sec = value_of(ld, pair);
        if (!json_is_array(sec))
            return bad(ld, "'%s' must be an array of objects%s", "national_titles", "");
        json_array_foreach(sec, k,
                           e) if ((rc = apply_national_title(ld, e)) < 0) return rc;
    }
    json_array_foreach(part(ld, "agreement_kinds"), i,
                       pair) if ((rc = apply_kinds(ld, value_of(ld, pair))) <
                                 0) return rc;
    json_array_foreach(part(ld, "known_agreements"), i, pair)
    {
        sec = value_of(ld, pair);
        if (!json_is_array(sec))
            return bad(ld, "'%s' must be an array of objects%s", "known_agreements", "");
        json_array_foreach(sec, k, e) if ((rc = apply_known(ld, e)) < 0) return rc;
    }
    return build_grammar(ld);
}

/* The built-in lexicon files, in the order they are applied. */
/* The built-in gazetteer of office holders (data/officials). */
#define OFFICIALS "officials_open.tsv"

static const char *const BUILTIN[] = {
    "titles.json", "countries.json", "organizations.json", "events.json", "grammar.json"};

int evg_lexicon_load(evg_lexicon **out, const char *const *paths, size_t npaths,
                     evg_error *err)
{
    loader ld;
    evg_i_buf text = EVG_I_BUF_INIT;
    int rc = 0;

    *out = NULL;
    memset(&ld, 0, sizeof ld);
    ld.err = err;
    if ((ld.lx = calloc(1, sizeof(*ld.lx))) == NULL)
        return evg_i_error_nomem(err);
    for (size_t s = 0; s < NALL; s++)
        if ((ld.parts[s] = json_array()) == NULL) {
            rc = evg_i_error_nomem(err);
            goto cleanup;
        }
    for (size_t i = 0; i < sizeof(BUILTIN) / sizeof(BUILTIN[0]); i++) {
        const evg_i_data_file *f = evg_i_data_find(BUILTIN[i]);
        if (f == NULL) {
            rc = evg_i_error_set(err, EVG_ENOTFOUND, BUILTIN[i], 0, 0,
                                 "built-in lexicon missing");
            goto cleanup;
        }
        EVG_CHECK(collect_text(&ld, f->bytes, f->size, BUILTIN[i]));
    }
    for (size_t i = 0; i < npaths; i++) {
        evg_i_buf_clear(&text);
        EVG_CHECK(evg_i_read_file(&text, paths[i], err));
        EVG_CHECK(collect_text(&ld, text.ptr ? text.ptr : "", text.len, paths[i]));
    }
    EVG_CHECK(build(&ld));
    {
        const evg_i_data_file *f = evg_i_data_find(OFFICIALS);
        if (f == NULL) {
            rc = evg_i_error_set(err, EVG_ENOTFOUND, OFFICIALS, 0, 0,
                                 "built-in gazetteer of officials missing");
            goto cleanup;
        }
        EVG_CHECK(evg_i_lx_add_officials(ld.lx, f->bytes, f->size, OFFICIALS, err));
    }
    *out = ld.lx;
    ld.lx = NULL;
cleanup:
    for (size_t s = 0; s < NALL; s++)
        json_decref(ld.parts[s]);
    evg_i_tokens_free(&ld.toks);
    evg_i_buf_free(&ld.key);
    evg_i_buf_free(&text);
    evg_lexicon_free(ld.lx);
    return rc;
}

void evg_lexicon_free(evg_lexicon *lx)
{
    if (lx == NULL)
        return;
    evg_i_strmap_free(&lx->phrases);
    evg_i_strmap_free(&lx->abbrevs);
    evg_i_strmap_free(&lx->codes);
    evg_i_strmap_free(&lx->domains);
    evg_i_strmap_free(&lx->known_names);
    evg_i_strmap_free(&lx->known_first);
    evg_i_strmap_free(&lx->cities);
    free(lx->city);
    free(lx->known);
    evg_i_strmap_free(&lx->off_keys);
    evg_i_strmap_free(&lx->off_surnames);
    free(lx->off);
    free(lx->terms);
    free(lx->phrase);
    free(lx->country);
    free(lx->org);
    free(lx->wref);
    free(lx->word);
    for (int l = 0; l < LXL_COUNT; l++)
        free(lx->list[l].s);
    evg_i_arena_free(&lx->arena);
    free(lx);
}

/* ---- matching --------------------------------------------------------- */

#define PROPER (LX_COUNTRY | LX_DEMONYM | LX_CAPITAL | LX_ORG)

const lx_phrase *evg_i_lx_word(const evg_lexicon *lx, const char *folded)
{
    long idx = evg_i_strmap_get(&lx->phrases, folded, strlen(folded));
    return idx < 0 ? NULL : &lx->phrase[idx];
}

/* Whether the text of tokens [i, j] is written like a name: capitalized, or "the X". */
static int written_as_name(const evg_i_tokens *t, size_t i, size_t j)
{
    const uint16_t caps = EVG_TK_CAP | EVG_TK_ALLCAPS;

    if (!(t->toks[i].flags & caps) && strcmp(evg_i_tok_fold(t, i), "the") != 0)
        return 0;
    for (size_t k = i; k <= j; k++)
        if (t->toks[k].flags & caps)
            return 1;
    return 0;
}

/*
 * The entries of the lexicon that start at token i, read a word at a time: the
 * key "w1 w2 ..." grows by " word", and so does its hash (the first word's from
 * the tokenizer).
 */
typedef struct {
    char key[LX_KEY_MAX + 1];
    size_t klen;
    uint64_t h;
} phrase_walk;

/* Add token j (i first, then each next) to the key: its entry, or -1 when none
 * is or starts with it (the walk ends). */
static inline long walk_step(phrase_walk *w, const evg_lexicon *lx, const evg_i_tokens *t,
                             size_t i, size_t j)
{
    const char *f = evg_i_tok_fold(t, j);
    size_t fl = t->toks[j].fold_len;

    if (fl == 65535 || w->klen + fl + 2 > sizeof w->key)
        return -1;
    if (j == i) {
        w->h = t->toks[i].hash;
    } else {
        w->key[w->klen++] = ' ';
        w->h = evg_i_hash_byte(w->h, ' ');
        for (size_t c = 0; c < fl; c++)
            w->h = evg_i_hash_byte(w->h, (unsigned char)f[c]);
    }
    memcpy(w->key + w->klen, f, fl);
    w->klen += fl;
    return evg_i_strmap_get_hashed(&lx->phrases, w->key, w->klen, w->h);
}

size_t evg_i_lx_match(lx_phrase *out, lx_wset *wcls_out, const evg_lexicon *lx,
                      const evg_i_tokens *t, size_t i, size_t lim)
{
    phrase_walk w;
    size_t best = 0;

    w.klen = 0;
    if (wcls_out)
        memset(wcls_out, 0, sizeof *wcls_out);
    for (size_t j = i; j < lim && j - i < lx->max_words; j++) {
        long idx;
        if ((idx = walk_step(&w, lx, t, i, j)) < 0)
            break;
        if (j == i && wcls_out && lx->wref[idx] >= 0) { /* the word's own classes */
            const lx_word *wd = &lx->word[lx->wref[idx]];
            *wcls_out = (t->toks[i].flags & EVG_TK_CAP) ? wd->capital : wd->plain;
        }
        lx_phrase p = lx->phrase[idx];
        p.classes &= ~LX_PREFIX;
        /* Names must look like names; acronyms must be written in capitals. */
        if ((p.classes & PROPER) && (p.acronym ? !(t->toks[i].flags & EVG_TK_ALLCAPS)
                                               : !written_as_name(t, i, j)))
            p.classes &= ~PROPER;
        if (p.acronym && !(t->toks[i].flags & EVG_TK_ALLCAPS))
            p.classes = 0;
        if (p.classes) {
            *out = p;
            best = j - i + 1;
        }
        if (!(lx->phrase[idx].classes & LX_PREFIX))
            break;
    }
    return best;
}

static int valid_at(const lx_country *c, const char *date)
{
    return !date || ((!c->from || strcmp(date, c->from) >= 0) &&
                     (!c->until || strcmp(date, c->until) <= 0));
}

/* Whether the space-separated `codes` hold `code`. */
static int lists_code(const char *codes, const char *code)
{
    size_t n = strlen(code);
    for (const char *p = codes; p && *p; p += strcspn(p, " "), p += *p == ' ')
        if (strncmp(p, code, n) == 0 && (p[n] == ' ' || p[n] == '\0'))
            return 1;
    return 0;
}

int evg_i_lx_state_at(const evg_lexicon *lx, int c, const char *date)
{
    if (c < 0 || valid_at(&lx->country[c], date))
        return c;
    for (size_t k = 0; k < lx->ncountry; k++) {
        const lx_country *o = &lx->country[k];
        if (!valid_at(o, date))
            continue;
        /* a state it became ("RUS" of "SUN"), or one that became it */
        if (lists_code(o->became, lx->country[c].code) ||
            lists_code(lx->country[c].became, o->code))
            return (int)k;
    }
    return c;
}

int evg_i_lx_domain_country(const evg_lexicon *lx, const char *addr)
{
    const char *host = addr, *s = strstr(addr, "://");
    size_t n, dot = 0, dots = 0;
    char low[64];

    if (s)
        host = s + 3;
    n = strcspn(host, "/?#: \t");
    /* a host name is letters, digits, hyphens and at least one dot */
    for (size_t i = 0; i < n; i++) {
        char ch = host[i];
        if (ch == '.') {
            dot = i + 1;
            dots++;
        } else if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                     (ch >= '0' && ch <= '9') || ch == '-')) {
            return -1;
        }
    }
    if (dots == 0 || n - dot == 0 || n - dot >= sizeof low || host[n] == ' ')
        return -1;
    for (size_t i = dot; i < n; i++)
        low[i - dot] =
            (char)(host[i] >= 'A' && host[i] <= 'Z' ? host[i] - 'A' + 'a' : host[i]);
    long c = evg_i_strmap_get(&lx->domains, low, n - dot);
    return c < 0 ? -1 : (int)c;
}

int evg_i_lx_country_at(const evg_lexicon *lx, const int16_t *cands, size_t n,
                        const char *date)
{
    for (size_t i = 0; i < n; i++) {
        const lx_country *c = &lx->country[cands[i]];
        if (date && c->from && strcmp(date, c->from) < 0)
            continue;
        if (date && c->until && strcmp(date, c->until) > 0)
            continue;
        return cands[i];
    }
    return -1;
}

size_t evg_i_lx_city_at(int *country_out, const evg_lexicon *lx, const evg_i_tokens *t,
                        size_t i, size_t lim, const char *date)
{
    char key[256];
    size_t klen = 0, best = 0;
    long found = -1;

    *country_out = -1;
    for (size_t j = i; j < lim && j - i < lx->city_max_words; j++) {
        size_t fl = t->toks[j].fold_len;
        long idx;
        if (fl == 65535 || klen + fl + 2 > sizeof key)
            break;
        if (j > i)
            key[klen++] = ' ';
        memcpy(key + klen, evg_i_tok_fold(t, j), fl);
        klen += fl;
        if ((idx = evg_i_strmap_get(&lx->cities, key, klen)) >= 0) {
            found = idx;
            best = j - i + 1;
        }
    }
    if (found >= 0) {
        const lx_city *c = &lx->city[found];
        int k = evg_i_lx_country_at(lx, c->countries, c->ncountries, date);
        *country_out = k >= 0 ? k : evg_i_lx_state_at(lx, c->countries[0], date);
    }
    return best;
}

/* ---- word classes ----------------------------------------------------- */

const lx_word *evg_i_lx_word_at(const evg_lexicon *lx, const evg_i_tokens *t, size_t i)
{
    long idx;

    if (t->toks[i].fold_len == 65535 ||
        (idx = evg_i_strmap_get_hashed(&lx->phrases, evg_i_tok_fold(t, i),
                                       t->toks[i].fold_len, t->toks[i].hash)) < 0 ||
        lx->wref[idx] < 0)
        return NULL;
    return &lx->word[lx->wref[idx]];
}

int evg_i_lx_word_is(const evg_lexicon *lx, const evg_i_tokens *t, size_t i, lx_wclass c)
{
    const lx_word *w = evg_i_lx_word_at(lx, t, i);
    return w && lx_wset_has((t->toks[i].flags & EVG_TK_CAP) ? &w->capital : &w->plain, c);
}

size_t evg_i_lx_word_phrase(const evg_lexicon *lx, const evg_i_tokens *t, size_t i,
                            size_t lim, lx_wclass c)
{
    phrase_walk pw;
    size_t best = 0;
    int cap = (t->toks[i].flags & EVG_TK_CAP) != 0;

    pw.klen = 0;
    for (size_t j = i; j < lim && j - i < lx->max_words; j++) {
        long idx;
        if ((idx = walk_step(&pw, lx, t, i, j)) < 0)
            break;
        const lx_word *w = lx->wref[idx] >= 0 ? &lx->word[lx->wref[idx]] : NULL;
        if (w && lx_wset_has(cap ? &w->capital : &w->plain, c))
            best = j - i + 1;
        /* no longer entry of the class starts here */
        if ((j == i && (w == NULL || !lx_wset_has(&w->starts, c))) ||
            !(lx->phrase[idx].classes & LX_PREFIX))
            break;
    }
    return best;
}

int evg_i_lx_in_list(const evg_lexicon *lx, lx_list l, const char *s)
{
    for (size_t k = 0; k < lx->list[l].n; k++)
        if (strcmp(lx->list[l].s[k], s) == 0)
            return 1;
    return 0;
}

int evg_i_lx_ends_in(const evg_lexicon *lx, lx_list l, const char *w)
{
    size_t n = strlen(w);

    for (size_t k = 0; k < lx->list[l].n; k++) {
        size_t m = strlen(lx->list[l].s[k]);
        if (n > m && strcmp(w + n - m, lx->list[l].s[k]) == 0)
            return 1;
    }
    return 0;
}

int evg_i_lx_begins_with(const evg_lexicon *lx, lx_list l, const char *w)
{
    size_t n = strlen(w);

    for (size_t k = 0; k < lx->list[l].n; k++) {
        size_t m = strlen(lx->list[l].s[k]);
        if (n > m && strncmp(w, lx->list[l].s[k], m) == 0)
            return 1;
    }
    return 0;
}
