/*
 * Event codes of a merged meeting, for users of event data: CAMEO (Gerner,
 * Schrodt, Yilmaz et al., CAMEO codebook 1.1b3, category 04 Consult and
 * 057) and PLOVER (Open Event Data Alliance, PLOVER manual 0.7: CONSULT and
 * its modes visit / third-party / multilateral / phone; SUPPORT covers the
 * signing of an agreement; AGREE promises, such as a meeting announced for
 * later, CAMEO 03x). The mapping, case by case, is the table in
 * docs/merge.md; tests/unit/test_merge.c checks each row.
 */
#include <string.h>

#include "merge/merge.h"

typedef struct {
    const char *code, *name;
} cameo;

static const cameo INTENT = {"030", "Express intent to cooperate"};
static const cameo INTENT_MEET = {"036", "Express intent to meet or negotiate"};
static const cameo CONSULT = {"040", "Consult"};
static const cameo PHONE = {"041", "Discuss by telephone"};
static const cameo VISIT = {"042", "Make a visit"};
static const cameo HOST = {"043", "Host a visit"};
static const cameo THIRD = {"044", "Meet at a 'third' location"};
static const cameo MEDIATE = {"045", "Mediate"};
static const cameo NEGOTIATE = {"046", "Engage in negotiation"};
static const cameo SIGN = {"057", "Sign formal agreement"};

/*
 * Whether `word` (lower-case ASCII letters) occurs in `s`, ignoring ASCII
 * case. strpbrk() skips to the next possible first letter: every meeting's
 * evidence is searched, and most of it is other letters.
 */
static int has_word(const char *s, const char *word)
{
    const char first[] = {word[0], (char)(word[0] - 'a' + 'A'), '\0'};
    size_t n = strlen(word);

    for (s = s ? strpbrk(s, first) : NULL; s; s = strpbrk(s + 1, first)) {
        size_t i = 1;
        while (i < n && (s[i] | 0x20) == word[i])
            i++;
        if (i == n)
            return 1;
    }
    return 0;
}

/* Whether any report's evidence says `word`. */
static int evidence_says(const evg_i_builder *b, const evg_i_meeting *mt,
                         const char *word)
{
    for (size_t k = 0; k < mt->nreports; k++) {
        const evg_event *ev = b->r[mt->reports[k]].ev;
        for (size_t i = 0; i < ev->nevidence; i++)
            if (has_word(ev->evidence[i].text, word))
                return 1;
    }
    return 0;
}

/*
 * The participants' countries: how many differ (up to 3), whether the
 * place's country is among them, whether every participant's is known.
 */
static size_t countries(int *place_is_theirs, int *all_known, const evg_i_builder *b,
                        const evg_i_meeting *mt)
{
    const char *seen[3];
    size_t n = 0;

    *place_is_theirs = 0;
    *all_known = 1;
    for (size_t p = 0; p < mt->npeople; p++) {
        const char *cc = b->v[mt->people[p]].type == EVG_NODE_PERSON
                             ? b->v[mt->people[p]].country
                             : NULL;
        int dup = cc == NULL;
        *all_known &= cc != NULL;
        if (cc && mt->place_cc && strcmp(cc, mt->place_cc) == 0)
            *place_is_theirs = 1;
        for (size_t i = 0; i < n && !dup; i++)
            dup = strcmp(seen[i], cc) == 0;
        if (!dup && n < 3)
            seen[n++] = cc;
    }
    return n;
}

static int has_role(const evg_i_meeting *mt, int role)
{
    for (size_t p = 0; p < mt->npeople; p++)
        if (mt->roles[p] == role)
            return 1;
    return 0;
}

/* An in-person meeting that happened: where it was and who received whom. */
static void consult(evg_i_builder *b, evg_i_meeting *mt)
{
    int theirs, known;
    size_t ncc = countries(&theirs, &known, b, mt);
    const cameo *c = &CONSULT;

    /* A third location: nobody there represents its country, as far as is known. */
    if (mt->place_cc && ncc > 0 && known && !theirs) {
        c = &THIRD;
        mt->plover_mode = "third-party";
    } else if ((has_role(mt, EVG_ROLE_HOST) && has_role(mt, EVG_ROLE_GUEST)) ||
               (mt->place_cc && theirs && ncc >= 2)) {
        c = &VISIT; /* coded, as PLOVER does, with the visitor as source */
        mt->plover_mode = "visit";
    }
    if (ncc >= 3)
        mt->plover_mode = "multilateral";
    if (evidence_says(b, mt, "mediat"))
        c = &MEDIATE;
    else if (evidence_says(b, mt, "negotiat"))
        c = &NEGOTIATE;
    mt->cameo = c->code;
    mt->cameo_name = c->name;
}

void evg_i_meeting_codes(evg_i_builder *b, evg_i_meeting *mt)
{
    const cameo *c = NULL;

    mt->plover_type = "CONSULT";
    mt->plover_mode = NULL;
    if (mt->status == EVG_STATUS_PLANNED) {
        c = mt->type == EVG_EV_SIGNING ? &INTENT : &INTENT_MEET;
        mt->plover_type = "AGREE";
    } else if (mt->type == EVG_EV_SIGNING) {
        c = &SIGN;
        mt->plover_type = "SUPPORT";
    } else if (mt->type == EVG_EV_CALL) {
        c = &PHONE;
        mt->plover_mode = "phone";
    } else if (mt->type == EVG_EV_VISIT) {
        c = &VISIT;
        mt->plover_mode = "visit";
    } else {
        consult(b, mt);
        return;
    }
    mt->cameo = c->code;
    mt->cameo_name = c->name;
}

const char *evg_i_participant_cameo(const evg_i_builder *b, const evg_i_meeting *mt,
                                    size_t p)
{
    const char *cc = b->v[mt->people[p]].country;

    /*
     * A visit is a linked pair of events: the guest makes it, the host hosts
     * it. Without roles, whoever represents the country of the place hosts.
     */
    if (mt->cameo == NULL || strcmp(mt->cameo, VISIT.code) != 0 ||
        mt->type == EVG_EV_VISIT)
        return mt->cameo;
    if (mt->roles[p] == EVG_ROLE_HOST || (mt->roles[p] == EVG_ROLE_PARTICIPANT && cc &&
                                          mt->place_cc && strcmp(cc, mt->place_cc) == 0))
        return HOST.code;
    return VISIT.code;
}
