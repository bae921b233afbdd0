/*
 * Events: each trigger of the current sentence ("received", "held talks",
 * "visited", "signed", "a meeting was held with") finds its participants
 * among the sentence's mentions, on the side its frame says (the subject
 * hosts "received"; both sides meet in "met"). Negated triggers are dropped,
 * future ones are planned, background ones ("in 1967") ignored. A report of
 * a meeting already found (the same people, the same day) adds to it instead
 * of making another. Sentences that only refer back ("The meeting, held at
 * the General Staff, ...") add place, agreements and evidence to the event
 * in focus.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"

/* ---- events ----------------------------------------------------------- */

static int in_person(evg_event_type t)
{
    return t != EVG_EV_CALL;
}

static int has_part(const x_event *ev, int p)
{
    for (int k = 0; k < ev->nparts; k++)
        if (ev->part[k] == p)
            return 1;
    return 0;
}

/* ---- the index of recorded events --------------------------------------- */

/*
 * Every recorded event is in the chain of each person, agreement and party it
 * was given and of each sentence that reported it (x_ctx), so that the event a
 * new report repeats, or that people join, is looked for among the few events
 * that share something with it: O(1) on average per report instead of O(e).
 * The chains only grow (an event never loses a person while the article is
 * read), so they hold every event that holds a thing, and the rules below
 * test each candidate as they tested every event before.
 */

/* The index of `ev` in x->events; -1 when it is none (a report being made, the
 * pending meeting) or x is NULL. */
static long recorded(const x_ctx *x, const x_event *ev)
{
    uintptr_t p = (uintptr_t)ev, lo = x ? (uintptr_t)x->events : 0;

    if (x == NULL || x->events == NULL || p < lo || p >= lo + x->nevents * sizeof(*ev))
        return -1;
    return (long)((p - lo) / sizeof(*ev));
}

/* Event e to the head of the chain *head. */
static void chain_event(x_ctx *x, long *head, long e)
{
    if (evg_i_grow((void **)&x->elink, &x->cap_elink, x->nelink + 1, sizeof(*x->elink)) <
        0) {
        x->index_oom = 1;
        return;
    }
    x->elink[x->nelink].ev = (int)e;
    x->elink[x->nelink].next = *head;
    *head = (long)x->nelink++;
}

static void index_part(x_ctx *x, long e, int p)
{
    chain_event(x, &x->people[p].ev_chain, e);
    x->people[p].nev++;
}

/* The chain of the events of a party (its state or body), -1 when none. */
static long party_chain(const x_ctx *x, const x_party *p)
{
    int key[2] = {p->country, p->org};
    return evg_i_strmap_get(&x->party_events, (const char *)key, sizeof key);
}

static void index_party(x_ctx *x, long e, const x_party *p)
{
    int key[2] = {p->country, p->org};
    long head = party_chain(x, p);

    chain_event(x, &head, e);
    if (head >= 0 &&
        evg_i_strmap_put(&x->party_events, (const char *)key, sizeof key, head) < 0)
        x->index_oom = 1;
}

static void index_sent(x_ctx *x, long e, size_t s)
{
    if (x->sent_events == NULL) {
        if ((x->sent_events = malloc((x->toks.nsents + 1) * sizeof(long))) == NULL) {
            x->index_oom = 1;
            return;
        }
        for (size_t k = 0; k <= x->toks.nsents; k++)
            x->sent_events[k] = -1;
    }
    if (s <= x->toks.nsents)
        chain_event(x, &x->sent_events[s], e);
}

/* Recorded event e holds a date: the latest dated one of its status may be it. */
static void note_dated(x_ctx *x, long e)
{
    const x_event *ev = &x->events[e];
    if (ev->date[0] && e > x->latest_dated[ev->status == EVG_STATUS_PLANNED])
        x->latest_dated[ev->status == EVG_STATUS_PLANNED] = e;
}

/* A new recorded event e: into the chains of all it holds. */
static void index_event(x_ctx *x, long e)
{
    const x_event *ev = &x->events[e];

    for (int k = 0; k < ev->nparts; k++)
        index_part(x, e, ev->part[k]);
    for (int k = 0; k < ev->nparties; k++)
        index_party(x, e, &ev->party[k]);
    for (int k = 0; k < ev->nagr; k++)
        chain_event(x, &x->agrs[ev->agr[k]].ev_chain, e);
    for (int k = 0; k < ev->nsent; k++)
        index_sent(x, e, ev->sent[k]);
    note_dated(x, e);
}

/* The person of ev in the fewest recorded events. */
static int rarest_part(const x_ctx *x, const x_event *ev)
{
    int best = ev->part[0];
    for (int k = 1; k < ev->nparts; k++)
        if (x->people[ev->part[k]].nev < x->people[best].nev)
            best = ev->part[k];
    return best;
}

/* ---- adding to an event --------------------------------------------------- */

/* (x may be NULL for an event being made, which no index holds.) */
static void add_part(x_ctx *x, x_event *ev, int p, evg_role role)
{
    for (int k = 0; k < ev->nparts; k++)
        if (ev->part[k] == p) {
            if (ev->role[k] == EVG_ROLE_PARTICIPANT)
                ev->role[k] = role;
            return;
        }
    if (ev->nparts < X_MAX_PARTS) {
        long e = recorded(x, ev);
        ev->part[ev->nparts] = p;
        ev->role[ev->nparts++] = role;
        if (e >= 0)
            index_part(x, e, p);
    }
}

/* Add a party with its role, each state or body once (its office kept when known). */
static void add_party(x_ctx *x, x_event *ev, const x_party *p, evg_role role)
{
    for (int k = 0; k < ev->nparties; k++)
        if (x_same_party(&ev->party[k], p)) {
            if (ev->party_role[k] == EVG_ROLE_PARTICIPANT)
                ev->party_role[k] = role;
            if (ev->party[k].title == NULL)
                ev->party[k].title = p->title;
            return;
        }
    if (ev->nparties < X_MAX_PARTIES) {
        long e = recorded(x, ev);
        ev->party[ev->nparties] = *p;
        ev->party_role[ev->nparties++] = role;
        if (e >= 0)
            index_party(x, e, p);
    }
}

/* Add agreement a with relation rel unless the event has it: its index, -1 when full. */
static int add_agr(x_ctx *x, x_event *ev, int a, evg_agreement_rel rel)
{
    int k = 0;
    long e;
    while (k < ev->nagr && ev->agr[k] != a)
        k++;
    if (k < ev->nagr)
        return k;
    if (ev->nagr == X_MAX_AGR)
        return -1;
    ev->agr[k] = a;
    ev->rel[ev->nagr++] = rel;
    if ((e = recorded(x, ev)) >= 0)
        chain_event(x, &x->agrs[a].ev_chain, e);
    return k;
}

static void add_sent(x_ctx *x, x_event *ev, size_t s)
{
    long e;
    for (int k = 0; k < ev->nsent; k++)
        if (ev->sent[k] == s)
            return;
    if (ev->nsent < X_MAX_EVIDENCE) {
        ev->sent[ev->nsent++] = s;
        if ((e = recorded(x, ev)) >= 0)
            index_sent(x, e, s);
    }
}

/* Whether every participant of a is one of b's. */
static int subset(const x_event *a, const x_event *b)
{
    for (int k = 0; k < a->nparts; k++)
        if (!has_part(b, a->part[k]))
            return 0;
    return 1;
}

static int share_agreement(const x_event *a, const x_event *b);
static size_t last_sent(const x_event *ev);

/* Whether every party of a is one of b's. */
static int parties_within(const x_event *a, const x_event *b)
{
    for (int k = 0; k < a->nparties; k++) {
        int found = 0;
        for (int j = 0; j < b->nparties && !found; j++)
            found = x_same_party(&a->party[k], &b->party[j]);
        if (!found)
            return 0;
    }
    return 1;
}

/* Whether recorded event o is one that ev reports again. */
static int repeats(const x_ctx *x, const x_event *o, const x_event *ev)
{
    if (o->dead || o->status != ev->status || in_person(o->type) != in_person(ev->type))
        return 0;
    if ((o->type == EVG_EV_VISIT) != (ev->type == EVG_EV_VISIT))
        return 0;
    if (o->date[0] && ev->date[0] && strcmp(o->date, ev->date) != 0)
        return 0;
    /* "A signed the accord for X and B signed for Y": one ceremony */
    if (o->type == EVG_EV_SIGNING && ev->type == EVG_EV_SIGNING &&
        (share_agreement(o, ev) ||
         ((o->nagr == 0 || ev->nagr == 0) && x->sent - last_sent(o) <= 1)))
        return 1;
    /* "A, B and C met in Port Vell for the summit of Ardania and Belmont": the
     * states' event and the people's told in one sentence are one */
    if ((o->nparts == 0) != (ev->nparts == 0) && last_sent(o) == x->sent)
        return 1;
    /* (events of no named person: of the same parties) */
    return o->nparts == ev->nparts && subset(ev, o) &&
           (ev->nparts > 0 || (ev->nparties > 0 && parties_within(ev, o)));
}

/* The latest event of a chain that ev repeats, if later than `best`. */
static long latest_repeated(const x_ctx *x, long chain, const x_event *ev, long best)
{
    for (long l = chain; l >= 0; l = x->elink[l].next)
        if (x->elink[l].ev > best && repeats(x, &x->events[x->elink[l].ev], ev))
            best = x->elink[l].ev;
    return best;
}

/*
 * The latest earlier event this one reports again, or -1. Such an event was
 * reported in this sentence or the one before, or holds ev's people (then its
 * person in fewest events), or ev's first party, or (a signing) one of its
 * agreements: the chains of those hold every candidate.
 */
static int same_event(const x_ctx *x, const x_event *ev)
{
    long best = -1;

    if (x->sent_events) {
        best = latest_repeated(x, x->sent_events[x->sent], ev, best);
        if (x->sent > 0)
            best = latest_repeated(x, x->sent_events[x->sent - 1], ev, best);
    }
    if (ev->type == EVG_EV_SIGNING)
        for (int k = 0; k < ev->nagr; k++)
            best = latest_repeated(x, x->agrs[ev->agr[k]].ev_chain, ev, best);
    if (ev->nparts > 0)
        best = latest_repeated(x, x->people[rarest_part(x, ev)].ev_chain, ev, best);
    else if (ev->nparties > 0)
        best = latest_repeated(x, party_chain(x, &ev->party[0]), ev, best);
    return (int)best;
}

/* join_target(): the meeting named before its people, not yet recorded. */
#define JOIN_PENDING (-2)

/* The event in focus for back-references: the latest meeting, call or signing. */
static int focus_event(const x_ctx *x)
{
    return x->focus;
}

/* Role of a participant met by `other`: the visitor is the guest, the other the host. */
static void assign_roles(x_ctx *x, x_event *ev)
{
    int guest = -1;

    for (int k = 0; k < ev->nparts; k++)
        if (ev->role[k] == EVG_ROLE_GUEST || x->people[ev->part[k]].leads)
            guest = k;
    if (guest < 0)
        return;
    for (int k = 0; k < ev->nparts; k++) {
        if (k == guest || x->people[ev->part[k]].leads)
            ev->role[k] = EVG_ROLE_GUEST;
        else if (ev->role[k] == EVG_ROLE_PARTICIPANT)
            ev->role[k] = EVG_ROLE_HOST;
    }
}

/* The last sentence an event was reported in. */
static size_t last_sent(const x_event *ev)
{
    size_t s = 0;
    for (int k = 0; k < ev->nsent; k++)
        if (ev->sent[k] > s)
            s = ev->sent[k];
    return s;
}

/* Whether recorded event o is one that the talk ev goes on from (talk_goes_on()). */
static int talk_of(const x_ctx *x, const x_event *o, const x_event *ev)
{
    return !o->dead && o->status == ev->status && o->type != EVG_EV_VISIT &&
           x->sent - last_sent(o) <= x_param(x, EVG_P_TALK_SPAN_SENTENCES) &&
           subset(ev, o);
}

/*
 * "The two also discussed trade": a talk whose people all took part in the
 * meeting or call in focus, reported in the sentences just before, goes on
 * from it (a call stays a call). Returns 1 when it did.
 */
static int talk_goes_on(x_ctx *x, const x_event *ev)
{
    x_event *f = NULL;

    if (!ev->talk)
        return 0;
    /* the latest event of its tense that its people took part in: among the events of
     * its person in fewest, or (no person) of the sentences of the span */
    long best = -1, span = (long)x_param(x, EVG_P_TALK_SPAN_SENTENCES);
    for (long s = (long)x->sent;
         ev->nparts == 0 && x->sent_events && s >= 0 && (long)x->sent - s <= span; s--)
        for (long l = x->sent_events[s]; l >= 0; l = x->elink[l].next)
            if (x->elink[l].ev > best && talk_of(x, &x->events[x->elink[l].ev], ev))
                best = x->elink[l].ev;
    for (long l = ev->nparts > 0 ? x->people[rarest_part(x, ev)].ev_chain : -1; l >= 0;
         l = x->elink[l].next)
        if (x->elink[l].ev > best && talk_of(x, &x->events[x->elink[l].ev], ev))
            best = x->elink[l].ev;
    if (best < 0)
        return 0;
    f = &x->events[best];
    if (!f->date[0] && ev->date[0]) {
        memcpy(f->date, ev->date, 11);
        f->date_source = ev->date_source;
        note_dated(x, best);
    }
    add_sent(x, f, x->sent);
    return 1;
}

/* Whether an event was reported in sentence `sent` (the sentence's chain). */
static int event_in_sentence(const x_ctx *x, size_t sent)
{
    for (long l = x->sent_events ? x->sent_events[sent] : -1; l >= 0;
         l = x->elink[l].next) {
        const x_event *ev = &x->events[x->elink[l].ev];
        for (int k = 0; !ev->dead && k < ev->nsent; k++)
            if (ev->sent[k] == sent)
                return 1;
    }
    return 0;
}

/* Record an event (or merge it into the one it repeats); it becomes the focus. */
static int commit_event(x_ctx *x, x_event *ev)
{
    int e;

    if (ev->nparts == 0 && ev->nparties == 0)
        return 0;
    if (talk_goes_on(x, ev))
        return 1;
    assign_roles(x, ev);
    if (!ev->date[0] && !ev->vague) {
        /* Someone of the latest dated event takes part, or the sentence goes on from it
         * ("Subsequently, ..."): the same day, a visit's programme. */
        int goes_on = x_cls(x, x->s0) & LX_SEQUENCE;
        long f = x->latest_dated[ev->status == EVG_STATUS_PLANNED];
        if (f >= 0) {
            const x_event *o = &x->events[f];
            for (int k = 0; k < ev->nparts && !ev->date[0]; k++)
                if (goes_on || has_part(o, ev->part[k])) {
                    memcpy(ev->date, o->date, 11);
                    ev->date_source = X_SOURCE_CONTEXT;
                }
        }
        /* "On 26 May Ardania and Belmont signed the accord. It was signed by A and B.":
         * the day the sentence before gives, when it tells of no event of its own */
        if (!ev->date[0] && ev->status == EVG_STATUS_REPORTED && x->sent > x->body_sent &&
            !event_in_sentence(x, x->sent - 1)) {
            char day[11];
            size_t a = x->toks.sents[x->sent - 1], b = x->toks.sents[x->sent];
            if (x_sentence_date(x, a, b, a, 0, day) > 0 &&
                (!x->date || strcmp(day, x->date) <= 0)) {
                memcpy(ev->date, day, 11);
                ev->date_source = X_SOURCE_CONTEXT;
            }
        }
    }
    if ((e = same_event(x, ev)) >= 0) {
        x_event *o = &x->events[e];
        for (int k = 0; k < ev->nparts; k++)
            add_part(x, o, ev->part[k], ev->role[k]);
        for (int k = 0; k < ev->nparties; k++)
            add_party(x, o, &ev->party[k], ev->party_role[k]);
        if (!o->date[0]) {
            memcpy(o->date, ev->date, 11);
            o->date_source = ev->date_source;
            note_dated(x, e);
        }
        if (!o->place) {
            o->place = ev->place;
            o->place_country = ev->place_country;
            o->place_city = ev->place_city;
            o->place_located = ev->place_located;
        }
        for (int a = 0; a < ev->nagr; a++)
            add_agr(x, o, ev->agr[a], ev->rel[a]);
        add_sent(x, o, x->sent);
    } else {
        if (evg_i_grow((void **)&x->events, &x->cap_events, x->nevents + 1,
                       sizeof(*x->events)) < 0)
            return EVG_ENOMEM;
        x->events[x->nevents] = *ev;
        e = (int)x->nevents++;
        index_event(x, e);
        add_sent(x, &x->events[e], x->sent);
    }
    if (x->events[e].type != EVG_EV_VISIT)
        x->focus = e;
    return 1;
}

/*
 * Which side of a trigger hosts, as the frame says: 1 the right (its object: "X
 * visited Y"), 0 the left (its subject: "X received Y"); and the roles of host and
 * guest (both participants when the frame makes no host).
 */
static int frame_host_right(lx_frame fr, int passive, evg_role *hr, evg_role *gr)
{
    int right = (fr == FR_GUEST || fr == FR_VISIT) != (passive != 0);

    *hr = EVG_ROLE_HOST, *gr = EVG_ROLE_GUEST;
    if (fr == FR_MUTUAL || fr == FR_NOUN || fr == FR_SIGN)
        *hr = *gr = EVG_ROLE_PARTICIPANT;
    return right;
}

/* Fill participants from the two sides as the frame says, the host's first. */
static void frame_parts(x_ctx *x, x_event *ev, lx_frame fr, const x_side *l,
                        const x_side *r, int passive)
{
    evg_role hr, gr;
    int right = frame_host_right(fr, passive, &hr, &gr);
    const x_side *host = right ? r : l, *guest = right ? l : r;

    for (int k = 0; k < host->n; k++)
        add_part(x, ev, host->p[k], hr);
    for (int k = 0; k < guest->n; k++)
        add_part(x, ev, guest->p[k], gr);
}

/* The parties of the two sides (NULL: none) as the frame says, the host's first. */
static void frame_parties(x_event *ev, lx_frame fr, const x_pside *l, const x_pside *r,
                          int passive)
{
    evg_role hr, gr;
    int right = frame_host_right(fr, passive, &hr, &gr);
    const x_pside *host = right ? r : l, *guest = right ? l : r;

    for (int k = 0; host && k < host->n; k++)
        add_party(NULL, ev, &host->p[k], hr);
    for (int k = 0; guest && k < guest->n; k++)
        add_party(NULL, ev, &guest->p[k], gr);
}

/* The state of the sentence being read: its last verb's subject, for "... and met Y". */
typedef struct {
    x_side subject;
    evg_event_status status;
    int have;
    x_side object;    /* the last verb's object, for "met A and later B" */
    size_t condition; /* the sentence's first "if", "unless": x->s1 when none */
    x_side
        deferred; /* "In the presence of A, B and C signed": who joins the next event */
} clause_state;

/*
 * The date, status and place the sentence gives an event: the result of
 * x_sentence_date() (1 dated, 0 none, -1 vague).
 */
static int when_where(x_ctx *x, x_event *ev)
{
    int dr = x_sentence_date(x, x->s0, x->s1, ev->trig, ev->status == EVG_STATUS_PLANNED,
                             ev->date);
    /* A day after the article's, or "next week": not yet happened. */
    if ((dr > 0 && x->date && strcmp(ev->date, x->date) > 0) || x_says_next(x))
        ev->status = EVG_STATUS_PLANNED;
    if (dr <= 0)
        ev->date[0] = '\0';
    ev->date_source = dr > 0 ? X_SOURCE_TEXT : NULL;
    x_place p;
    x_sentence_place(x, x->s0, x->s1, &p);
    x_set_place(ev, &p);
    return dr;
}

/* Date, place, status and background of an event, then record it. */
static int finish_event(x_ctx *x, x_event *ev)
{
    /* "conferred on the telephone", "held talks by video link" */
    if (ev->type == EVG_EV_MEETING && x_class_in(x, x->s0, x->s1, LX_CALL_MARK))
        ev->type = EVG_EV_CALL;
    if (ev->status == EVG_STATUS_REPORTED && x_background(x))
        return 0;
    ev->vague = when_where(x, ev) < 0;
    ev->third_place = x_class_in(x, x->s0, x->s1, LX_THIRD_PLACE);
    return commit_event(x, ev);
}

static long light_verb_before(const x_ctx *x, size_t t);
static int unnamed_officials(const x_ctx *x, size_t from);
static int mention_starts(const x_ctx *x, size_t k);
static void open_pending(x_ctx *x, const x_event *proto);

/* Skip what may stand between a meeting noun and "with": "talks here today with". */
static size_t skip_adverbials(const x_ctx *x, size_t k)
{
    size_t lim = k + x_param(x, EVG_P_ADVERBIAL_MAX_WORDS);

    while (k < x->s1 && k < lim) {
        if (x_word(x, k, LXW_ADVERBIAL)) {
            k++;
            continue;
        }
        /* a weekday or a place name after "on" / "in" / "at": "in Port Vell" */
        if ((x->toks.toks[k].flags & EVG_TK_CAP) && k > 0 &&
            x_word(x, k - 1, LXW_TIME_PLACE_PREP)) {
            size_t from = k;
            while (k < x->s1 && (x->toks.toks[k].flags & EVG_TK_CAP) &&
                   !mention_starts(x, k))
                k++;
            if (k == from)
                break;
            continue;
        }
        /* "his first call as Chairman with": the capacity it was held in */
        if (x_word(x, k, LXW_CAPACITY) && k + 1 < x->s1 && x_is_cap(x, k + 1)) {
            for (k++; k < x->s1 && x_is_cap(x, k); k++)
                ;
            continue;
        }
        /* "a meeting and dinner with": a second name for the same event */
        if (x_word(x, k, LXW_AND) && k + 1 < x->s1 && (x_cls(x, k + 1) & LX_TRIGGER) &&
            x->mp[k + 1].frame == FR_NOUN) {
            k += 1 + x->mlen[k + 1];
            continue;
        }
        break;
    }
    return k;
}

/*
 * The side that opens with the sentence's first mention of a person (in the
 * order found) that ends by token `lim` (by_end) or starts before it.
 */
static void first_person_side(const x_ctx *x, size_t lim, int by_end, x_side *out)
{
    size_t first, last = x_sentence_mentions(x, &first);

    memset(out, 0, sizeof *out);
    for (size_t m = first; m < last; m++) {
        const x_mention *mm = &x->ment[m];
        if (mm->person >= 0 && mm->kind != M_PLACE &&
            (by_end ? mm->end <= lim : mm->start < lim)) {
            x_right_side(x, mm->start, out, 0);
            return;
        }
    }
}

/*
 * "She briefed Hart on her talks with Blum", "Following their last meeting,
 * A and B ...": the owner a possessive pronoun before a noun stands for, the
 * subject of the sentence (after a fronted phrase, the one after its comma).
 * Returns 1 when the noun has such a pronoun.
 */
static int pronoun_owner(const x_ctx *x, size_t t, size_t after, x_side *l)
{
    size_t k = t;
    while (k > x->s0 && t - k < x_param(x, EVG_P_LIGHT_VERB_GAP) &&
           !x_word(x, k - 1, LXW_POSSESSIVE) &&
           (x->toks.toks[k - 1].flags & EVG_TK_WORD) && !x_is_cap(x, k - 1) &&
           !(x_cls(x, k - 1) & (LX_TRIGGER | LX_LIGHT)))
        k--;
    if (k == x->s0 || !x_word(x, k - 1, LXW_POSSESSIVE))
        return 0;
    memset(l, 0, sizeof *l);
    x_fronted_subject(x, t, after, l);
    if (l->n == 0)
        first_person_side(x, k - 1, 0, l);
    return 1;
}

/* Who holds the talks a noun names, when "with" gives only the other side. */
static void noun_subject(x_ctx *x, size_t t, size_t after, const clause_state *cs,
                         x_side *l)
{
    memset(l, 0, sizeof *l);
    /* "X's talks with Y" */
    if (t >= x->s0 + 2 && (x->toks.toks[t - 1].flags & EVG_TK_POSS))
        x_left_side(x, t - 1, l, 0);
    if (l->n == 0 && pronoun_owner(x, t, after, l) && l->n)
        return;
    if (l->n == 0)
        x_left_side(x, t, l, x_param(x, EVG_P_NOUN_SUBJECT_MAX_DISTANCE));
    if (l->n == 0)
        x_fronted_subject(x, t, after, l);
    if (l->n == 0 && cs->have)
        *l = cs->subject;
    if (l->n == 0 && x->visitor >= 0)
        x_side_add(l, x->visitor);
}

/* Record an event like `proto` with the people of sides a and b (b may be NULL). */
static int finish_with(x_ctx *x, const x_event *proto, const x_side *a, const x_side *b)
{
    x_event ev = *proto;
    for (int k = 0; k < a->n; k++)
        add_part(x, &ev, a->p[k], EVG_ROLE_PARTICIPANT);
    for (int k = 0; b && k < b->n; k++)
        add_part(x, &ev, b->p[k], EVG_ROLE_PARTICIPANT);
    return finish_event(x, &ev);
}

/*
 * A person's counterpart may be the officials of a state ("Belmontese officials",
 * "his Belmontese counterpart"), not the state's or a body's name alone: "talks
 * with the Fund", "negotiations with Ardania" tell of no meeting of his. States
 * may meet states (`people` is the number of named people on either side).
 */
static int all_agents(const x_pside *s)
{
    for (int k = 0; k < s->n; k++)
        if (!s->p[k].agent)
            return 0;
    return 1;
}

static int people_with_states(int people, const x_pside *l, const x_pside *r)
{
    return people == 0 || (all_agents(l) && all_agents(r));
}

/*
 * A meeting noun whose sides name no person, or one: "talks between Ardania and
 * Belmont", "Ardania's foreign minister held talks with the Belmontese
 * delegation", "Ardania and Belmont held talks". `r` holds the people after "with"
 * or "between" (from token `obj`; x->s1 when there is no such word), `between`
 * says which. The subject is before the light verb ("held") or the noun.
 */
static int noun_parties(x_ctx *x, size_t t, size_t obj, const x_event *proto,
                        const x_side *r, int between)
{
    x_pside pl = {0}, pr = {0};
    x_side l = {0};
    x_event ev = *proto;
    long lv = light_verb_before(x, t);
    size_t verb = lv >= 0 ? (size_t)lv : t; /* where the subject ends */
    int sides;

    if (obj < x->s1)
        x_party_right(x, obj, &pr);
    if (!between) {
        x_left_side(x, verb, &l, x_param(x, EVG_P_NOUN_SUBJECT_MAX_DISTANCE));
        if (l.n == 0)
            x_party_left(x, verb, &pl);
    }
    if (between) /* "talks between A and B": both sides after the word */
        sides = r->n + pr.n;
    else if (obj >= x->s1) /* "A and B held talks": the subject alone, two at least */
        sides = l.n + pl.n;
    else /* "A held talks with B": one on each side */
        sides = (l.n + pl.n > 0) + (r->n + pr.n > 0);
    if (sides < 2 || l.n + r->n + pl.n + pr.n < 2 ||
        !people_with_states(l.n + r->n, &pl, &pr))
        return 0;
    frame_parties(&ev, FR_NOUN, &pl, &pr, 0);
    return finish_with(x, &ev, &l, r);
}

/*
 * "talks between A and B", "X held a meeting with Y", "a meeting was held
 * with Y", "A and B ... during talks", "meetings with A, B and C" (one
 * meeting each). Returns the number of events recorded, or < 0.
 */
static int noun_event(x_ctx *x, size_t t, size_t te, const x_event *proto,
                      const clause_state *cs, int with_args_only)
{
    size_t k = te;
    x_side l, r;
    int made = 0, rc;

    if (k + 1 < x->s1 && x_word(x, k, LXW_BE) && x_word(x, k + 1, LXW_HELD))
        k += 2;
    /* "talks took place in Sarn on Tuesday between A and B" */
    size_t occ = x_phrase(x, k, x->s1, LXW_OCCURRED);
    k += occ;
    /* "After meeting A in Sarn, B telephoned C": a verb after all, its subject after
     * the comma */
    if (t > x->s0 && (x_cls(x, t - 1) & LX_GERUND_OPENER) && mention_starts(x, te)) {
        x_right_side(x, te, &r, 0);
        x_fronted_subject(x, t, r.end, &l);
        if (r.n == 0 || l.n == 0)
            return 0;
        return finish_with(x, proto, &l, &r);
    }
    k = skip_adverbials(x, k);
    if (k < x->s1 && x_word(x, k, LXW_BETWEEN)) {
        x_right_side(x, k + 1, &r, x_param(x, EVG_P_COUNTERPART_MAX_SKIP));
        if (r.n < 2)
            return noun_parties(x, t, k + 1, proto, &r, 1);
        return finish_with(x, proto, &r, NULL);
    }
    if (k < x->s1 && x_word(x, k, LXW_WITH)) {
        x_right_side(x, k + 1, &r, x_param(x, EVG_P_COUNTERPART_MAX_SKIP));
        if (r.n == 0 && unnamed_officials(x, k + 1)) {
            /* "held talks with a range of counterparts": the named side alone (and the
             * state of the unnamed, when the text says it) */
            noun_subject(x, t, k + 1, cs, &l);
            if (l.n == 0)
                return noun_parties(x, t, k + 1, proto, &l, 0);
            x_event ev = *proto;
            x_pside pr;
            x_party_right(x, k + 1, &pr);
            frame_parties(&ev, FR_NOUN, NULL, &pr, 0);
            return finish_with(x, &ev, &l, NULL);
        }
        if (r.n == 0)
            return noun_parties(x, t, k + 1, proto, &r, 0);
        noun_subject(x, t, r.end, cs, &l);
        int separate = x_word(x, t, LXW_PLURAL_MEETING) && r.n > 1;
        for (int q = 0; q < (separate ? r.n : 1); q++) {
            x_event ev = *proto;
            for (int a = 0; a < l.n; a++)
                add_part(x, &ev, l.p[a],
                         l.p[a] == x->visitor ? EVG_ROLE_GUEST : EVG_ROLE_PARTICIPANT);
            for (int a = separate ? q : 0; a < (separate ? q + 1 : r.n); a++)
                add_part(x, &ev, r.p[a], EVG_ROLE_PARTICIPANT);
            if (ev.nparts < 2)
                continue;
            if ((rc = finish_event(x, &ev)) < 0)
                return rc;
            made += rc;
        }
        return made;
    }
    if (with_args_only)
        return 0;
    /* "she and the Premier had set targets during talks earlier today", "A and B had a
     * long meeting" */
    x_left_side(x, t, &l, x_param(x, EVG_P_NOUN_SUBJECT_MAX_DISTANCE));
    int owned = 0;
    if (l.n < 2) /* "Following their last meeting, A and B agreed": theirs */
        owned = pronoun_owner(x, t, te, &l) && l.n >= 2;
    if (l.n >= 2 && t > x->s0 &&
        (owned || x_word(x, t - 1, LXW_NOUN_OPENER) || light_verb_before(x, t) >= 0))
        return finish_with(x, proto, &l, NULL);
    if (l.n == 0 && light_verb_before(x, t) >= 0) /* "Ardania and Belmont held talks" */
        return noun_parties(x, t, x->s1, proto, &l, 0);
    return 0;
}

/*
 * Whether the object of a visit is a place ("the graves of ...", "Baku"), not a person.
 */
static int visits_place(const x_ctx *x, size_t te)
{
    size_t k = te;
    while (k < x->s1 && (x_word(x, k, LXW_THE) || x_word(x, k, LXW_INDEFINITE)))
        k++;
    return k < x->s1 &&
           (x_cls(x, k) & (LX_PLACE_NOUN | LX_COUNTRY | LX_CAPITAL | LX_VENUE));
}

static int all_weak(const x_ctx *x, const x_side *s)
{
    for (int k = 0; k < s->n; k++)
        if (!x->people[s->p[k]].weak)
            return 0;
    return 1;
}

/* "discussed the budget in talks here with X": the counterpart after a later "with". */
static void later_with(const x_ctx *x, size_t te, x_side *r)
{
    for (size_t k = te; k < x->s1 && k < te + x_param(x, EVG_P_LATER_WITH_WINDOW); k++) {
        if (x_is(x, k, ",") || x_is_clause_punct(x, k) ||
            ((x_cls(x, k) & LX_TRIGGER) && x->mp[k].frame != FR_NOUN))
            return;
        if (x_word(x, k, LXW_WITH)) {
            x_right_side(x, k + 1, r, x_param(x, EVG_P_COUNTERPART_MAX_SKIP));
            return;
        }
    }
}

/* "the visit", "a state visit", "his meeting": a verb's form used as a noun. */
static int noun_use(const x_ctx *x, size_t t)
{
    if (t == x->s0)
        return 0;
    if (x_word(x, t - 1, LXW_NOUN_DETERMINER))
        return 1;
    /* "the German leader's four-day visit" */
    for (size_t k = t;
         k-- > x->s0 && t - k <= x_param(x, EVG_P_NOUN_USE_POSSESSIVE_WINDOW);)
        if (x->toks.toks[k].flags & EVG_TK_POSS)
            return 1;
    return evg_i_lx_ends_in(x->lx, LXL_DURATION_SUFFIXES, x_fold(x, t - 1));
}

/* Whether the sentence names a person (or refers to one); a bare capitalized pair is
 * no one yet ("Castel Ruen"). */
static int sentence_has_person(const x_ctx *x)
{
    for (size_t m = x->nment; m-- > 0 && x->ment[m].sent == x->sent;)
        if (x->ment[m].person >= 0 && x->ment[m].kind != M_PLACE &&
            !x->people[x->ment[m].person].weak)
            return 1;
    return 0;
}

/* Whether a person's mention starts at token k of the sentence. */
static int mention_starts(const x_ctx *x, size_t k)
{
    for (size_t m = x->nment; m-- > 0 && x->ment[m].sent == x->sent;)
        if (x->ment[m].start == k && x_ment_stands(x, &x->ment[m]))
            return 1;
    return 0;
}

/* Where the object of a verb ending at te starts: "met (with) ...". */
static size_t object_start(const x_ctx *x, size_t te)
{
    return te < x->s1 && x_word(x, te, LXW_WITH) ? te + 1 : te;
}

/*
 * "met with senior Ardanian officials", "received the leaders of both
 * parties": an object that names officials without naming them. The event
 * keeps its one named side (the rule book: an unnamed counterpart is no
 * participant, but the meeting is one).
 */
static int unnamed_officials(const x_ctx *x, size_t from)
{
    for (size_t k = from; k < x->s1 && k - from <= x_param(x, EVG_P_UNNAMED_GAP); k++) {
        if (mention_starts(x, k))
            return 0;
        if (x_cls(x, k) & (LX_UNNAMED | LX_HEAD))
            return 1;
        /* "provincial and territorial premiers": "and" between two adjectives */
        if (x_word(x, k, LXW_AND) && k + 2 < x->s1 && !mention_starts(x, k + 1) &&
            (x_cls(x, k + 2) & (LX_UNNAMED | LX_HEAD)))
            continue;
        /* a conjunction, preposition or verb ends the noun phrase */
        if (!(x->toks.toks[k].flags & EVG_TK_WORD) || (x_cls(x, k) & LX_TRIGGER) ||
            x_word(x, k, LXW_NP_END))
            return 0;
    }
    return 0;
}

/*
 * The object of a meeting verb in another sense: "met with criticism", "met
 * the deadline", "received a letter from", "welcomed the decision of". Its
 * noun comes before any person.
 */
static int other_sense_object(const x_ctx *x, size_t te)
{
    size_t k = object_start(x, te);
    for (size_t from = k; k < x->s1 && k - from <= x_param(x, EVG_P_OBJECT_NOUN_GAP);
         k++) {
        if (mention_starts(x, k) || x_word(x, k, LXW_NP_END) ||
            !(x->toks.toks[k].flags & EVG_TK_WORD))
            return 0;
        if (x_cls(x, k) & LX_NOT_PERSON_OBJ)
            return 1;
    }
    return 0;
}

/*
 * "called on X to resign", "called X a liar": an appeal or a name, not a
 * visit or a call, unless "to" gives its purpose ("called X to discuss").
 */
static int appeal_after(const x_ctx *x, size_t end)
{
    if (end >= x->s1)
        return 0;
    if (x_word(x, end, LXW_INDEFINITE) || x_word(x, end, LXW_THE))
        return 1;
    return x_word(x, end, LXW_INFINITIVE) && end + 1 < x->s1 &&
           !(x_cls(x, end + 1) & LX_PURPOSE) && !x_is_cap(x, end + 1);
}

/*
 * "signed the agreement", "signed it": an agreement named before is the
 * object, said with a definite article and its kind word, or a pronoun.
 */
static int refers_to_agreement(const x_ctx *x, size_t te)
{
    for (size_t k = te; k < x->s1 && k - te <= x_param(x, EVG_P_OBJECT_NOUN_GAP); k++) {
        if (x_cls(x, k) & LX_AGREEMENT)
            return k > x->s0 && x_word(x, k - 1, LXW_AGREEMENT_DET);
        if (!(x->toks.toks[k].flags & EVG_TK_WORD))
            return 0;
    }
    return te < x->s1 && x_word(x, te, LXW_REFERS_BACK);
}

/*
 * "A signed for Ardania", "signed by A on behalf of Ardania": the party each signer
 * signs for is his country, unless his title names one.
 */
static void signed_for(x_ctx *x, size_t t)
{
    for (size_t m = x->nment; m-- > 0 && x->ment[m].sent == x->sent;) {
        const x_mention *mm = &x->ment[m];
        /* the party after the name, or after the verb right after it */
        size_t k = mm->end < x->s1 && mm->end == t ? t + x->mlen[t] : mm->end, n;
        if (mm->kind != M_PERSON || mm->person < 0 || k + 1 >= x->s1 ||
            (n = x_phrase(x, k, x->s1, LXW_SIGNED_FOR)) == 0)
            continue;
        k += n;
        k += k < x->s1 && x_word(x, k, LXW_THE);
        x_person *p = &x->people[mm->person];
        if (k < x->s1 && (x_cls(x, k) & LX_COUNTRY) &&
            (p->country < 0 || p->country_inferred || p->country_implied)) {
            p->country = x_country_at(x, k);
            p->country_inferred = p->country_implied = 0;
        }
    }
}

/* Whether two events name an agreement in common. */
static int share_agreement(const x_event *a, const x_event *b)
{
    for (int i = 0; i < a->nagr; i++)
        for (int j = 0; j < b->nagr; j++)
            if (a->agr[i] == b->agr[j])
                return 1;
    return 0;
}

/*
 * "his counterpart from Ardania, Defence Minister X", "the Ardanian envoy, X": an object
 * of unnamed officials (unnamed_officials() at `from`) that then names them after a
 * comma. Fills `out` with them.
 */
static void described_person(x_ctx *x, size_t from, x_side *out)
{
    int country = -1;

    for (size_t k = from;
         k + 1 < x->s1 && k - from <= x_param(x, EVG_P_OBJECT_MAX_SKIP_LONG); k++) {
        if (mention_starts(x, k) || x_is_clause_punct(x, k) || (x_cls(x, k) & LX_TRIGGER))
            return;
        if (country < 0 && (x_cls(x, k) & (LX_COUNTRY | LX_DEMONYM)))
            country = x_country_at(x, k);
        if (x_is(x, k, ",")) {
            if (mention_starts(x, k + 1))
                x_right_side(x, k + 1, out, 0);
            /* (an official: "Purolator's adviser, Dillon, Read and Co" names a firm) */
            for (int q = 0; q < out->n; q++)
                if (!x->people[out->p[q]].official)
                    out->n = 0;
            /* "his counterpart from Ardania, X": X is of Ardania */
            for (int q = 0; q < out->n && country >= 0; q++)
                if (x->people[out->p[q]].country < 0)
                    x->people[out->p[q]].country = country;
            return;
        }
    }
}

/*
 * "Ardania's deputy foreign minister visited Belmont", "President X visited
 * Belmont": a visit to a state has it as host. A visitor who is no named
 * person is a party too (an official, a delegation; not a state's name alone,
 * which is as often a team). Whether the visit has a side.
 */
static int visit_parties(x_ctx *x, size_t t, size_t te, x_event *ev, const x_side *l)
{
    x_pside pl = {0}, pr;

    if (l->n == 0) {
        x_party_left(x, t, &pl);
        if (!x_pside_agent(&pl))
            return 0;
    }
    x_party_right(x, object_start(x, te), &pr);
    for (int k = 0; k < pr.n; k++)
        if (pr.p[k].country < 0 || pr.p[k].agent)
            pr.n = 0; /* a body or its people visited: not the state's hosting */
    frame_parties(ev, FR_VISIT, &pl, &pr, 0);
    return ev->nparts > 0 || pl.n > 0;
}

/*
 * A verb whose side names no person: the states, bodies and unnamed officials
 * there ("Ardania's foreign minister received the Belmontese delegation",
 * "Ardanian and Belmontese officials met"). Each side needs a person or a
 * party, and one of them a person or an official, unless the trigger is a
 * phrase of talks ("Ardania and Belmont held talks"): states' names alone
 * "met" and "hosted" as teams do. Returns 1 with the event filled, or 0.
 */
static int party_event(x_ctx *x, size_t t, size_t te, lx_frame fr, x_event *ev,
                       const x_side *l, const x_side *r, int passive)
{
    x_pside pl = {0}, pr = {0};

    if (l->n == 0)
        x_party_left(x, t, &pl);
    if (r->n == 0)
        x_party_right(x, passive ? te + 1 : object_start(x, te), &pr);
    int left = l->n + pl.n, right = r->n + pr.n;
    if (!(left > 0 && right > 0) && !(fr == FR_MUTUAL && left + right >= 2))
        return 0;
    if (!people_with_states(l->n + r->n, &pl, &pr))
        return 0;
    /* (a phrase as "held talks" is said of states; "met" alone of teams as well) */
    if (l->n + r->n == 0 && !x_pside_agent(&pl) && !x_pside_agent(&pr) &&
        !(fr == FR_MUTUAL && x->mlen[t] > 1))
        return 0;
    frame_parts(x, ev, fr, l, r, passive);
    frame_parties(ev, fr, &pl, &pr, passive);
    return 1;
}

/* A verb trigger: the participants on the sides its frame says. */
static int verb_event(x_ctx *x, size_t t, size_t te, lx_frame fr, x_event *ev,
                      clause_state *cs)
{
    x_side l, r;
    int passive =
        t > x->s0 && x_word(x, t - 1, LXW_BE) && te < x->s1 && x_word(x, te, LXW_AGENT);
    /* "the memorandum, signed by A and B", "was signed by A and by B": the signers */
    int signed_by = fr == FR_SIGN && te < x->s1 && x_word(x, te, LXW_AGENT);

    /* "the declaration, which was signed in 2020": the agreement is the subject */
    if (fr == FR_SIGN && t > x->s0 && x_word(x, t - 1, LXW_BE) && !signed_by)
        return 0;
    /* "X attended the summit, hosted by Y": the host of the summit X attended */
    int hosted_by = fr == FR_HOST && !passive && t > x->s0 && x_is(x, t - 1, ",") &&
                    te < x->s1 && x_word(x, te, LXW_AGENT);
    passive |= signed_by | hosted_by;
    if (noun_use(x, t))
        return 0;
    /* "talks with visiting Foreign Minister X": the visit's word is said of X, no verb */
    if (fr == FR_VISIT && t > x->s0 && mention_starts(x, te) &&
        (x_word(x, t - 1, LXW_NP_END) || x_word(x, t - 1, LXW_WITH) ||
         x_word(x, t - 1, LXW_THE) || x_word(x, t - 1, LXW_INDEFINITE)))
        return 0;
    x_left_side(x, t, &l, x_param(x, EVG_P_SUBJECT_MAX_DISTANCE));
    if (hosted_by) {
        first_person_side(x, t, 1, &l); /* the main clause's subject */
        if (x_class_in(x, x->s0, t, LX_PLANNED))
            ev->status = EVG_STATUS_PLANNED; /* "will attend the summit, hosted by Y" */
    }
    /* "X will hold talks with Y and meet Z": the subject of the verb before */
    if (cs->have && t > x->s0 && x_word(x, t - 1, LXW_AND)) {
        l = cs->subject;
        ev->status = cs->status;
    }
    /* The object comes soon after the verb; "met for an hour with X" and passive
     * agents ("attended by ministers from both countries and by X") may wait. */
    x_right_side(x, passive ? te + 1 : te, &r,
                 x->mp[t].appeal
                     ? 1
                     : x_param(x, passive || fr == FR_MUTUAL ? EVG_P_OBJECT_MAX_SKIP_LONG
                                                             : EVG_P_OBJECT_MAX_SKIP));
    if (l.n == 0)
        x_fronted_subject(x, t, r.end, &l);
    if (r.n == 0 && fr == FR_MUTUAL)
        later_with(x, te, &r);
    if (l.n) {
        cs->subject = l;
        cs->status = ev->status;
        cs->have = 1;
    }
    /* "welcomed X's initiative": X's is no object, the initiative is */
    if (r.n > 0 && x_is_poss(x, r.end) && r.end + 1 < x->s1 &&
        !(x_cls(x, r.end + 1) & LX_GROUP))
        r.n = 0;
    if (fr != FR_SIGN && fr != FR_VISIT && other_sense_object(x, te))
        return 0;
    if (x->mp[t].appeal && r.n > 0 && appeal_after(x, r.end))
        return 0;
    if (fr == FR_VISIT && (visits_place(x, te) || all_weak(x, &r)))
        r.n = 0; /* "visited the New York Stock Exchange": a place, not a person */
    if (fr == FR_VISIT && r.n == 0) {
        /*
         * a visit to a place: no counterpart; people in the object are not participants
         */
        ev->type = EVG_EV_VISIT;
        for (int k = 0; k < l.n; k++)
            add_part(x, ev, l.p[k], EVG_ROLE_GUEST);
        return visit_parties(x, t, te, ev, &l);
    }
    if (fr == FR_SIGN) {
        /* what was signed: the sentence's agreements, or "the agreement" named before */
        for (int a = 0; a < x->nsent_agr; a++)
            add_agr(x, ev, x->sent_agr[a], EVG_REL_SIGNED);
        if (ev->nagr == 0 && x->nagrs > 0 && refers_to_agreement(x, te))
            add_agr(x, ev, (int)x->nagrs - 1, EVG_REL_SIGNED);
        /* "signed a measure", "the president signs on": no agreement, no signing;
         * "the memorandum, signed by A and B" names one the text did not name; "A
         * signed for Ardania" signed the agreement the sentence before named */
        int no_object = te >= x->s1 || x_word(x, te, LXW_SIGNED_FOR) ||
                        !(x->toks.toks[te].flags & EVG_TK_WORD);
        int before = no_object && x->agr_sent > 0 && x->agr_sent >= x->sent;
        if (ev->nagr == 0 && !x_class_in(x, x->s0, x->s1, LX_AGREEMENT) && !before)
            return 0;
        if (signed_by)
            l.n = 0; /* the subject is what was signed */
        signed_for(x, t);
        for (int k = 0; k < l.n; k++)
            add_part(x, ev, l.p[k], EVG_ROLE_PARTICIPANT);
        for (int k = 0; k < r.n; k++)
            add_part(x, ev, r.p[k], EVG_ROLE_PARTICIPANT);
        if (signed_by ? r.n > 0 : l.n > 0)
            return 1;
        /* "Ardania and Belmont signed", "was signed by Ardania and Belmont": the states
         */
        x_pside ps;
        if (signed_by)
            x_party_right(x, te + 1, &ps);
        else
            x_party_left(x, t, &ps);
        frame_parties(ev, fr, &ps, NULL, 0);
        return ps.n > 0;
    }
    if (l.n == 0 && r.n >= 2 && fr == FR_MUTUAL && passive)
        l = r, r.n = 0; /* "they were met by A and B" */
    /* "met his counterpart from Ardania, Defence Minister X": the description, then the
     * name */
    size_t ob = object_start(x, te);
    int unnamed = r.n == 0 && !passive && fr != FR_VISIT && unnamed_officials(x, ob);
    if (unnamed)
        described_person(x, ob, &r);
    /* (an appeal's verb has a named object or none: "called on the government to act") */
    if (l.n >= 1 && r.n == 0 && unnamed && !x->mp[t].appeal) {
        frame_parts(x, ev, fr, &l, &r, 0); /* "met Ardanian officials" */
        x_pside pr;
        x_party_right(x, ob, &pr); /* "received Belmont's foreign minister" */
        frame_parties(ev, fr, NULL, &pr, 0);
        return 1;
    }
    if (l.n + r.n < 2 || (fr != FR_MUTUAL && (l.n == 0 || r.n == 0)))
        return x->mp[t].appeal ? 0 : party_event(x, t, te, fr, ev, &l, &r, passive);
    frame_parts(x, ev, fr, &l, &r, passive);
    cs->object = passive ? l : r;
    return 1;
}

/* Whether an event named without its people is recent enough to be joined. */
static int pending_open(const x_ctx *x)
{
    return x->has_pending &&
           x->sent - x->pending_sent <= x_param(x, EVG_P_PENDING_SPAN_SENTENCES);
}

/* "a meeting of the Group of Five" with nobody named yet: remember it for who joins. */
static void open_pending(x_ctx *x, const x_event *proto)
{
    if (proto->status == EVG_STATUS_REPORTED && x_background(x))
        return;
    /* "A and B met in Port Vell for the third Ardania-Belmont summit": the event just
     * read */
    if (x->focus >= 0 && last_sent(&x->events[x->focus]) == x->sent)
        return;
    if (pending_open(x))
        return; /* "the two-day summit" names again the talks just opened */
    x->pending = *proto;
    when_where(x, &x->pending);
    /* "X convened a meeting of the security council": X is in it */
    long lv = light_verb_before(x, proto->trig);
    if (lv >= 0) {
        x_side l;
        x_left_side(x, (size_t)lv, &l, x_param(x, EVG_P_SUBJECT_MAX_DISTANCE));
        for (int k = 0; k < l.n; k++)
            add_part(x, &x->pending, l.p[k], EVG_ROLE_PARTICIPANT);
    }
    x->has_pending = 1;
    x->pending_event = -1;
    x->pending_sent = x->sent;
}

/* Whether person p takes part in event e. */
static int event_has(const x_ctx *x, size_t e, int p)
{
    return !x->events[e].dead && has_part(&x->events[e], p);
}

/* Whether the current sentence names an in-person meeting ("the meeting", "talks"). */
static int names_meeting(const x_ctx *x)
{
    for (size_t i = x->s0; i < x->s1; i++)
        if ((x_cls(x, i) & LX_TRIGGER) && x->mp[i].evtype == EVG_EV_MEETING)
            return 1;
    return 0;
}

/*
 * The meeting people join: the first of the tense `st` that a person of
 * `subject` takes part in ("X was joined by Y" tells of the event the text
 * is about), else one named just before without its people (JOIN_PENDING),
 * else the one in focus, reported just before; -1 when there is none.
 */
static int join_target(const x_ctx *x, const x_side *subject, evg_event_status st)
{
    for (int k = 0; subject && k < subject->n; k++) {
        long first = -1; /* the first of the person's events */
        for (long l = x->people[subject->p[k]].ev_chain; l >= 0; l = x->elink[l].next) {
            long e = x->elink[l].ev;
            if ((first < 0 || e < first) && event_has(x, (size_t)e, subject->p[k]) &&
                x->events[e].type != EVG_EV_VISIT && x->events[e].status == st)
                first = e;
        }
        if (first >= 0)
            return (int)first;
    }
    int focus = x->focus >= 0 && x->events[x->focus].nsent > 0 &&
                x->sent - last_sent(&x->events[x->focus]) <=
                    x_param(x, EVG_P_JOIN_SPAN_SENTENCES);
    /* "Attending the meeting were ..." after a call told in between: the meeting */
    if (x->focus >= 0 && x->events[x->focus].type == EVG_EV_CALL && names_meeting(x)) {
        for (size_t e = x->nevents; e-- > 0;) {
            const x_event *ev = &x->events[e];
            if (ev->type == EVG_EV_CALL || ev->status != st || ev->nsent == 0)
                continue;
            if (x->sent - last_sent(ev) <= x_param(x, EVG_P_PENDING_SPAN_SENTENCES))
                return (int)e;
            break;
        }
    }
    /* the meeting told since the one named without its people is the nearer */
    if (pending_open(x) && !(focus && last_sent(&x->events[x->focus]) > x->pending_sent))
        return x->pending_event >= 0 ? x->pending_event : JOIN_PENDING;
    return focus ? x->focus : -1;
}

/* Add people to the meeting `target` of join_target(): the number of events made. */
static int join_people(x_ctx *x, const x_side *people, int target)
{
    if (target == JOIN_PENDING) {
        /* the people gather on the open meeting until there are two */
        for (int k = 0; k < people->n; k++)
            add_part(x, &x->pending, people->p[k], EVG_ROLE_PARTICIPANT);
        add_sent(x, &x->pending, x->sent);
        if (x->pending.nparts < 2)
            return 0;
        x_event open = x->pending;
        x->pending.nparts = 0;
        x->pending.nsent = 0;
        int rc = commit_event(x, &open);
        if (rc > 0)
            x->pending_event = x->focus;
        return rc;
    }
    x_event *ev = &x->events[target];
    for (int k = 0; k < people->n; k++)
        add_part(x, ev, people->p[k], EVG_ROLE_PARTICIPANT);
    add_sent(x, ev, x->sent);
    /* "C and D attended the signing in Port Vell": where the meeting was */
    if (!ev->place) {
        x_place p;
        x_sentence_place(x, x->s0, x->s1, &p);
        x_set_place(ev, &p);
    }
    return 1;
}

/* Whether a meeting noun ("the talks", "the session") stands before token t. */
static int noun_before(const x_ctx *x, size_t t)
{
    for (size_t k = x->s0; k < t; k++)
        if ((x_cls(x, k) & LX_TRIGGER) && x->mp[k].frame == FR_NOUN)
            return 1;
    return 0;
}

/*
 * "Attending the talks were A and B", "Also in attendance were", "Present
 * were": where the people of an inverted join start (after its verb), or 0.
 */
static size_t inverted_at(const x_ctx *x, size_t te)
{
    for (size_t k = te; k < x->s1 && k - te <= x_param(x, EVG_P_JOIN_INVERT_GAP); k++) {
        if (x_word(x, k, LXW_INVERTING))
            return k + 1;
        if (!(x->toks.toks[k].flags & EVG_TK_WORD))
            return 0;
    }
    return 0;
}

/* Whether a comma, then a trigger, follow token k: "In the presence of A (...), B
 * signed". */
static int comma_then_trigger(const x_ctx *x, size_t k)
{
    int comma = 0;
    for (; k < x->s1; k++) {
        if (x_cls(x, k) & LX_TRIGGER)
            return comma;
        comma |= x_is(x, k, ",");
    }
    return 0;
}

/*
 * "The meeting was attended by A, B and C", "Officials arriving included A
 * and B", "X will represent the UK", "Attending the meeting were A and B",
 * "Participants included:" and a list of people, one a line: the people
 * take part in the meeting the text is about (join_target()), or else in a
 * meeting of their own.
 */
static int join_event(x_ctx *x, size_t t, size_t te, x_event *ev, clause_state *cs)
{
    x_side l, r;
    int passive =
        t > x->s0 && x_word(x, t - 1, LXW_BE) && te < x->s1 && x_word(x, te, LXW_AGENT);
    size_t inv = inverted_at(x, te);

    /* "attended a bilateral meeting with X": the meeting's noun says who met */
    for (size_t k = te; k < x->s1 && k - te <= x_param(x, EVG_P_LIGHT_VERB_GAP); k++) {
        if ((x_cls(x, k) & LX_TRIGGER) && x->mp[k].frame == FR_NOUN) {
            size_t w = k + x->mlen[k];
            if (w < x->s1 && (x_word(x, w, LXW_WITH) || x_word(x, w, LXW_BETWEEN)))
                return 0;
            break;
        }
        if (!(x->toks.toks[k].flags & EVG_TK_WORD))
            break;
    }
    if (inv)
        memset(&l, 0, sizeof l);
    else
        x_left_side(x, t, &l, x_param(x, EVG_P_SUBJECT_MAX_DISTANCE));
    /* "were joined (for dinner) by X" is passive too */
    passive |= x_word(x, t, LXW_BE);
    /* ("was co-chaired by" holds its "by": the people start right after it) */
    size_t from = inv ? inv : passive && !x_word(x, te - 1, LXW_AGENT) ? te + 1 : te;
    x_right_side(x, from, &r,
                 x_param(x, inv || passive ? EVG_P_OBJECT_MAX_SKIP_LONG
                                           : EVG_P_JOIN_OBJECT_MAX_SKIP));
    /* "were joined for the signing by X": a gathering of its own, not the talks before */
    int own = r.n > 0 && !inv && x_class_in(x, te, r.start, LX_TRIGGER);
    /* "He will be accompanied by X": people join an event of the same tense */
    evg_event_status st =
        x_class_before(x, t, x_param(x, EVG_P_PLANNED_WINDOW_BEFORE_TRIGGER),
                       LX_PLANNED) ||
                x_says_next(x)
            ? EVG_STATUS_PLANNED
            : EVG_STATUS_REPORTED;
    int target = own ? -1 : join_target(x, passive ? &l : NULL, st);
    if ((target >= 0 && x->events[target].status != st) ||
        (target == JOIN_PENDING && x->pending.status != st))
        target = -1;
    if (target == -1 && x->mp[t].joins_only)
        return 0; /* "accompanied by": a companion, not a meeting of the two */
    /* "Participants in the talks included:" and the people on the lines below */
    if (x_is(x, x->s1 - 1, ":") && r.n == 0 && target != -1) {
        x->list_target = target;
        return 0;
    }
    /* "discussed trade, including the tariffs": "including" names no one here */
    if (x->mp[t].people_after && r.n == 0)
        return 0;
    for (int k = 0; k < r.n; k++)
        x_side_add(&l, r.p[k]);
    /* "C attended the signing, as did D" */
    for (size_t k = r.n ? r.end : te, n; k + 2 < x->s1; k++)
        if ((n = x_phrase(x, k, x->s1, LXW_LIKEWISE)) > 0) {
            x_side more;
            x_right_side(x, k + n, &more, 1);
            for (int q = 0; q < more.n; q++)
                x_side_add(&l, more.p[q]);
            break;
        }
    if (l.n == 0)
        return 0;
    if (target != -1)
        return join_people(x, &l, target);
    /* "In the presence of A, B and C signed": they join the event the sentence goes on
     * to tell */
    if (t <= x->s0 + 1 && !own && r.n > 0 && comma_then_trigger(x, r.end)) {
        for (int k = 0; k < l.n; k++)
            x_side_add(&cs->deferred, l.p[k]);
        return 0;
    }
    /* "A and B attended the conference": being at the same gathering is no meeting; "The
     * talks were attended by A and B" are theirs, but "allies sanctioned include A and B"
     * names no meeting */
    if (l.n < 2 || r.n == 0 || (!own && !noun_before(x, inv ? inv : t)))
        return 0;
    for (int k = 0; k < l.n; k++)
        add_part(x, ev, l.p[k], EVG_ROLE_PARTICIPANT);
    return finish_event(x, ev);
}

/*
 * A line of a list opened by "Participants included:": a title and a name
 * ("Minister of Trade Aro Venn"), or a title alone ("The Vice President"),
 * with no event of its own. Its people join the list's meeting; any other
 * sentence closes the list. Returns 1 when the sentence was such a line.
 */
static int list_line(x_ctx *x)
{
    x_title_info ti;
    size_t first, last;
    x_side people;

    if (x->list_target == -1)
        return 0;
    memset(&people, 0, sizeof people);
    last = x_sentence_mentions(x, &first);
    for (size_t m = first; m < last; m++)
        if (x->ment[m].person >= 0 && x->ment[m].kind == M_PERSON)
            x_side_add(&people, x->ment[m].person);
    size_t s0 =
        x->s0 < x->s1 && !(x->toks.toks[x->s0].flags & EVG_TK_WORD) ? x->s0 + 1 : x->s0;
    int line = (x->toks.toks[x->s0].flags & EVG_TK_PARA) &&
               x->s1 - x->s0 <= x_param(x, EVG_P_LIST_LINE_TOKENS) &&
               !x_class_in(x, x->s0, x->s1, LX_TRIGGER) &&
               (people.n > 0 || x_title_run(x, s0, &ti) > s0);
    if (!line) {
        x->list_target = -1;
        return 0;
    }
    if (people.n > 0)
        join_people(x, &people, x->list_target);
    if (x->list_target == JOIN_PENDING && x->pending_event >= 0)
        x->list_target =
            x->pending_event; /* the list made the meeting: the rest join it */
    return 1;
}

/*
 * Whether the people on the object side of an event met the subject one by
 * one: "met separately with A and B", and calls, which are between two
 * unless the sentence says they were held together ("a trilateral call").
 */
static int apart(const x_ctx *x, const x_event *ev)
{
    if (x_class_in(x, x->s0, x->s1, LX_APART))
        return 1;
    return ev->type == EVG_EV_CALL && !x_class_in(x, x->s0, x->s1, LX_TOGETHER);
}

/* The people of `ev`, with their roles, but those of `obj` other than obj->p[keep]. */
static void parts_but(x_event *dst, const x_event *ev, const x_side *obj, int keep)
{
    dst->nparts = 0;
    for (int k = 0; k < ev->nparts; k++) {
        int drop = 0;
        for (int o = 0; o < obj->n; o++)
            drop |= o != keep && obj->p[o] == ev->part[k];
        if (!drop)
            add_part(NULL, dst, ev->part[k], ev->role[k]);
    }
}

/* One event of the subject with each person of the object side: the number made. */
static int each_apart(x_ctx *x, const x_event *ev, const x_side *obj)
{
    int made = 0, rc;

    for (int q = 0; q < obj->n; q++) {
        x_event one = *ev;
        parts_but(&one, ev, obj, q);
        if ((rc = finish_event(x, &one)) < 0)
            return rc;
        made += rc;
    }
    return made;
}

/*
 * After the object of a verb: "met A on Monday and later B" (a second
 * meeting of the subject, with B), "met A in Sarn on Monday and again in Port
 * Vell on Tuesday" (the same people again, when and where the rest says).
 * The number of events made.
 */
static int and_later(x_ctx *x, const x_event *ev, const x_side *obj, size_t t)
{
    size_t k;

    for (k = obj->end; k + 1 < x->s1 && !x_word(x, k, LXW_AND); k++)
        if (x_is_clause_punct(x, k) || (x_cls(x, k) & LX_TRIGGER) ||
            mention_starts(x, k) || k - obj->end > x_param(x, EVG_P_LATER_GAP))
            return 0;
    if (k + 1 >= x->s1)
        return 0;
    x_event again = *ev;
    if (x_word(x, k + 1, LXW_AGAIN)) {
        /* the date and place of the rest of the sentence */
        size_t from = k + 2;
        int dr = x_sentence_date(x, from, x->s1, from, ev->status == EVG_STATUS_PLANNED,
                                 again.date);
        if (dr <= 0)
            return 0; /* the same day again is the same meeting */
        again.date_source = X_SOURCE_TEXT;
        x_place p;
        x_sentence_place(x, from, x->s1, &p);
        x_set_place(&again, &p);
        again.nsent = 0;
        return commit_event(x, &again) > 0;
    }
    if (!(x_cls(x, k + 1) & LX_SEQUENCE))
        return 0;
    size_t from = k + 1 + x->mlen[k + 1];
    if (from < x->s1 && x_word(x, from, LXW_WITH))
        from++;
    x_side next;
    x_right_side(x, from, &next, 0);
    if (next.n == 0 || x_is_poss(x, next.end)) /* "and later B's chief of staff" */
        return 0;
    again.nsent = 0;
    parts_but(&again, ev, obj, -1);
    for (int q = 0; q < next.n; q++)
        add_part(x, &again, next.p[q], EVG_ROLE_PARTICIPANT);
    again.trig = t;
    return commit_event(x, &again) > 0;
}

/*
 * The light verb whose object a noun trigger at t heads ("held his first
 * call", "had a warm and productive meeting"), over at most x_param(x,
 * EVG_P_LIGHT_VERB_GAP) lower-case words: its token, or -1.
 */
static long light_verb_before(const x_ctx *x, size_t t)
{
    for (size_t k = t; k-- > x->s0 && t - k <= x_param(x, EVG_P_LIGHT_VERB_GAP) + 1;) {
        if (x_cls(x, k) & LX_LIGHT)
            return (long)k;
        const evg_i_tok *tk = &x->toks.toks[k];
        if (!(tk->flags & EVG_TK_WORD) || (tk->flags & (EVG_TK_CAP | EVG_TK_ALLCAPS)) ||
            (x_cls(x, k) & LX_TRIGGER))
            return -1;
    }
    return -1;
}

/* One trigger at token t (len n): the number of events it gave, or < 0. */
static int trigger(x_ctx *x, size_t t, size_t n, int *refers_back, clause_state *cs)
{
    const lx_phrase *p = &x->mp[t];
    lx_frame fr = (lx_frame)p->frame;
    x_event ev;
    int rc;

    /* "held a call with": "call" names an event only as the object of such a verb, or
     * with its sides after it ("a call between A and B") */
    if (p->light && light_verb_before(x, t) < 0 &&
        !(t + n < x->s1 && (x_word(x, t + n, LXW_WITH) || x_word(x, t + n, LXW_BETWEEN))))
        return 0;
    /* "A is meeting B today": the noun's form is the verb's */
    if (fr == FR_NOUN && t > x->s0 && x_word(x, t - 1, LXW_BE) &&
        mention_starts(x, t + n))
        fr = FR_MUTUAL;
    memset(&ev, 0, sizeof ev);
    ev.place_country = ev.place_located = -1;
    ev.type = (evg_event_type)p->evtype;
    ev.talk = p->talk;
    ev.status = EVG_STATUS_REPORTED;
    ev.trig = t;
    /* "did not meet", "never met", a meeting "cancelled" */
    if (x_class_before(x, t, x_param(x, EVG_P_NEGATION_WINDOW_BEFORE_TRIGGER),
                       LX_NEGATION))
        return 0;
    /* "demanded a meeting", "hoped to meet", "his refusal to sign": wished, not held */
    if (x_class_before(x, t, x_param(x, EVG_P_SOUGHT_WINDOW), LX_SOUGHT))
        return 0;
    /* "if talks fail, he will meet" */
    if (t > cs->condition)
        return 0;
    if (x_class_before(x, t, x_param(x, EVG_P_PLANNED_WINDOW_BEFORE_TRIGGER),
                       LX_PLANNED) ||
        (t > x->s0 && x_word(x, t - 1, LXW_INFINITIVE)))
        ev.status = EVG_STATUS_PLANNED;
    if (fr == FR_NOUN) {
        /* "talks between A and B, scheduled for Thursday", "the summit will open" */
        size_t wa = x_param(x, EVG_P_NOUN_PLANNED_WINDOW_AFTER);
        size_t after = t + n + wa < x->s1 ? t + n + wa : x->s1;
        if (x_class_in(x, t + n, after, LX_PLANNED) ||
            x_class_before(x, t, x_param(x, EVG_P_NOUN_PLANNED_WINDOW_BEFORE),
                           LX_PLANNED))
            ev.status = EVG_STATUS_PLANNED; /* a noun has no tense: its verb's, near it */
        rc = noun_event(x, t, t + n, &ev, cs, 0);
        if (rc == 0 && t > x->s0 && x_word(x, t - 1, LXW_THE))
            *refers_back = (int)t + 1; /* where "the meeting" stands, plus one */
        else if (rc == 0 && !p->light)
            open_pending(x, &ev);
        return rc;
    }
    if (fr == FR_JOIN)
        return join_event(x, t, t + n, &ev, cs);
    memset(&cs->object, 0, sizeof cs->object);
    if ((rc = verb_event(x, t, t + n, fr, &ev, cs)) < 0)
        return rc;
    /* "The joint commission met in Sarn on Monday. Present were A, B and C.": a meeting
     * told without its people, who may be named next */
    if (rc == 0 && fr == FR_MUTUAL && !ev.talk && !x->mp[t].appeal &&
        !sentence_has_person(x))
        open_pending(x, &ev);
    if (rc == 0)
        return 0;
    const x_side obj = cs->object;
    if (obj.n >= 2 && apart(x, &ev))
        rc = each_apart(x, &ev, &obj);
    else
        rc = finish_event(x, &ev);
    if (rc > 0 && obj.n > 0)
        rc += and_later(x, &ev, &obj, t);
    return rc;
}

/* Attach this sentence's agreements to the event in focus. */
static void attach_agreements(x_ctx *x, const int *agr, int nagr, int signing)
{
    int f = focus_event(x);
    if (f < 0)
        return;
    x_event *ev = &x->events[f];
    for (int a = 0; a < nagr; a++) {
        int k =
            add_agr(x, ev, agr[a], signing ? EVG_REL_SIGNED : x_agreement_relation(x, a));
        if (k >= 0 && signing)
            ev->rel[k] = EVG_REL_SIGNED;
    }
    add_sent(x, ev, x->sent);
}

/* Whether token i lies inside the mention of a named person (a title, an apposition). */
static int in_person_mention(const x_ctx *x, size_t i)
{
    for (size_t m = x->nment; m-- > 0 && x->ment[m].sent == x->sent;)
        if (x->ment[m].kind == M_PERSON && x->ment[m].start <= i && i < x->ment[m].end)
            return 1;
    return 0;
}

int x_find_events(x_ctx *x)
{
    int refers_back = 0, made = 0, signing = 0, nagr = x->nsent_agr;
    const int *agr = x->sent_agr;
    clause_state cs;

    memset(&cs, 0, sizeof cs);
    if (list_line(x))
        return 0;
    for (cs.condition = x->s0; cs.condition < x->s1; cs.condition++)
        if (x_cls(x, cs.condition) & LX_CONDITION)
            break;
    /* "the visit, where he was to meet X, was postponed": no trigger makes an event */
    int called_off = x_class_in(x, x->s0, x->s1, LX_CALLED_OFF);
    for (size_t i = x->s0; !called_off && i < x->s1; i++) {
        if (!(x_cls(x, i) & LX_TRIGGER))
            continue;
        /* "Special Envoy for Compact Negotiations X": a word of a title is no event */
        if (in_person_mention(x, i))
            continue;
        size_t n = x->mlen[i];
        int rc = trigger(x, i, n, &refers_back, &cs);
        if (rc < 0)
            return rc;
        if (rc > 0 && cs.deferred.n > 0 && x->focus >= 0) {
            for (int k = 0; k < cs.deferred.n; k++)
                add_part(x, &x->events[x->focus], cs.deferred.p[k], EVG_ROLE_PARTICIPANT);
            cs.deferred.n = 0;
        }
        made += rc;
        if (rc > 0 && x->mp[i].frame == FR_SIGN &&
            !(i > x->s0 && x_word(x, i - 1, LXW_BE)))
            signing = 1;
        i += n - 1;
    }
    if (refers_back && !made && x->focus >= 0) {
        x_event *ev = &x->events[x->focus];
        x_place p;
        /* "The meeting, held at the General Staff": a place said of the meeting itself */
        size_t at = (size_t)refers_back - 1,
               w = x_param(x, EVG_P_REFERS_BACK_PLACE_WINDOW);
        const char *place = x_sentence_place(x, at, at + w < x->s1 ? at + w : x->s1, &p);
        if (place && !ev->place)
            x_set_place(ev, &p);
        add_sent(x, ev, x->sent);
    }
    if (nagr > 0)
        attach_agreements(x, agr, nagr, signing);
    return x->index_oom ? EVG_ENOMEM : 0;
}
