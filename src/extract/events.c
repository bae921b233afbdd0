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

static void add_part(x_event *ev, int p, evg_role role)
{
    for (int k = 0; k < ev->nparts; k++)
        if (ev->part[k] == p) {
            if (ev->role[k] == EVG_ROLE_PARTICIPANT)
                ev->role[k] = role;
            return;
        }
    if (ev->nparts < X_MAX_PARTS) {
        ev->part[ev->nparts] = p;
        ev->role[ev->nparts++] = role;
    }
}

static void add_sent(x_event *ev, size_t s)
{
    for (int k = 0; k < ev->nsent; k++)
        if (ev->sent[k] == s)
            return;
    if (ev->nsent < X_MAX_EVIDENCE)
        ev->sent[ev->nsent++] = s;
}

/* Whether every participant of a is one of b's. */
static int subset(const x_event *a, const x_event *b)
{
    for (int k = 0; k < a->nparts; k++)
        if (!has_part(b, a->part[k]))
            return 0;
    return 1;
}

/* An earlier event this one reports again, or -1. */
static int same_event(const x_ctx *x, const x_event *ev)
{
    for (size_t e = x->nevents; e-- > 0;) {
        const x_event *o = &x->events[e];
        if (o->dead || o->status != ev->status ||
            in_person(o->type) != in_person(ev->type))
            continue;
        if ((o->type == EVG_EV_VISIT) != (ev->type == EVG_EV_VISIT))
            continue;
        if (o->date[0] && ev->date[0] && strcmp(o->date, ev->date) != 0)
            continue;
        if (o->nparts == ev->nparts ? subset(ev, o) : 0)
            return (int)e;
    }
    return -1;
}

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

/* Record an event (or merge it into the one it repeats); it becomes the focus. */
static int commit_event(x_ctx *x, x_event *ev)
{
    int e;

    if (ev->nparts == 0)
        return 0;
    assign_roles(x, ev);
    if (!ev->date[0] && !ev->vague) {
        /* Someone of the latest dated event takes part, or the sentence goes on from it
         * ("Subsequently, ..."): the same day, a visit's programme. */
        int goes_on = x_cls(x, x->s0) & LX_SEQUENCE;
        for (size_t f = x->nevents; f-- > 0 && !ev->date[0];) {
            const x_event *o = &x->events[f];
            if (o->dead || !o->date[0] || o->status != ev->status)
                continue;
            for (int k = 0; k < ev->nparts && !ev->date[0]; k++)
                if (goes_on || has_part(o, ev->part[k])) {
                    memcpy(ev->date, o->date, 11);
                    ev->date_source = "context";
                }
            break;
        }
    }
    if ((e = same_event(x, ev)) >= 0) {
        x_event *o = &x->events[e];
        for (int k = 0; k < ev->nparts; k++)
            add_part(o, ev->part[k], ev->role[k]);
        if (!o->date[0]) {
            memcpy(o->date, ev->date, 11);
            o->date_source = ev->date_source;
        }
        if (!o->place) {
            o->place = ev->place;
            o->place_country = ev->place_country;
        }
        add_sent(o, x->sent);
    } else {
        if (evg_i_grow((void **)&x->events, &x->cap_events, x->nevents + 1,
                       sizeof(*x->events)) < 0)
            return EVG_ENOMEM;
        x->events[x->nevents] = *ev;
        add_sent(&x->events[x->nevents], x->sent);
        e = (int)x->nevents++;
    }
    if (x->events[e].type != EVG_EV_VISIT)
        x->focus = e;
    return 1;
}

/* Fill participants from the two sides as the frame says. */
static void frame_parts(x_ctx *x, x_event *ev, lx_frame fr, const x_side *l,
                        const x_side *r, int passive)
{
    const x_side *host = l, *guest = r;
    evg_role hr = EVG_ROLE_HOST, gr = EVG_ROLE_GUEST;

    if (fr == FR_GUEST || fr == FR_VISIT)
        host = r, guest = l;
    if (passive)
        host = host == l ? r : l, guest = guest == l ? r : l;
    if (fr == FR_MUTUAL || fr == FR_NOUN || fr == FR_SIGN)
        hr = gr = EVG_ROLE_PARTICIPANT;
    for (int k = 0; k < host->n; k++)
        add_part(ev, host->p[k], hr);
    for (int k = 0; k < guest->n; k++)
        add_part(ev, guest->p[k], gr);
    (void)x;
}

/* The state of the sentence being read: its last verb's subject, for "... and met Y". */
typedef struct {
    x_side subject;
    evg_event_status status;
    int have;
} clause_state;

/* Date, place, status and background of an event, then record it. */
static int finish_event(x_ctx *x, x_event *ev)
{
    /* "conferred on the telephone", "held talks by video link" */
    if (ev->type == EVG_EV_MEETING && x_class_in(x, x->s0, x->s1, LX_CALL_MARK))
        ev->type = EVG_EV_CALL;
    if (ev->status == EVG_STATUS_REPORTED && x_background(x))
        return 0;
    int dr = x_sentence_date(x, x->s0, x->s1, ev->trig, ev->status == EVG_STATUS_PLANNED,
                             ev->date);
    /* A day after the article's, or "next week": not yet happened. */
    if ((dr > 0 && x->date && strcmp(ev->date, x->date) > 0) || x_says_next(x))
        ev->status = EVG_STATUS_PLANNED;
    if (dr <= 0)
        ev->date[0] = '\0';
    ev->date_source = dr > 0 ? "text" : NULL;
    ev->vague = dr < 0;
    ev->place = x_sentence_place(x, x->s0, x->s1, &ev->place_country);
    ev->third_place = x_class_in(x, x->s0, x->s1, LX_THIRD_PLACE);
    return commit_event(x, ev);
}

/* Skip what may stand between a meeting noun and "with": "talks here today with". */
static size_t skip_adverbials(const x_ctx *x, size_t k)
{
    size_t lim = k + x_param(x, EVG_P_ADVERBIAL_MAX_WORDS);

    while (k < x->s1 && k < lim) {
        if (x_word(x, k, LXW_ADVERBIAL)) {
            k++;
            continue;
        }
        /* a weekday or a place name after "on" / "in" / "at" */
        if ((x->toks.toks[k].flags & EVG_TK_CAP) && k > 0 &&
            x_word(x, k - 1, LXW_TIME_PLACE_PREP)) {
            k++;
            continue;
        }
        break;
    }
    return k;
}

/* Who holds the talks a noun names, when "with" gives only the other side. */
static void noun_subject(x_ctx *x, size_t t, size_t after, const clause_state *cs,
                         x_side *l)
{
    memset(l, 0, sizeof *l);
    /* "X's talks with Y" */
    if (t >= x->s0 + 2 && (x->toks.toks[t - 1].flags & EVG_TK_POSS))
        x_left_side(x, t - 1, l, 0);
    if (l->n == 0)
        x_left_side(x, t, l, x_param(x, EVG_P_NOUN_SUBJECT_MAX_DISTANCE));
    if (l->n == 0)
        x_fronted_subject(x, t, after, l);
    if (l->n == 0 && cs->have)
        *l = cs->subject;
    if (l->n == 0 && x->visitor >= 0)
        x_side_add(l, x->visitor);
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
    k = skip_adverbials(x, k);
    if (k < x->s1 && x_word(x, k, LXW_BETWEEN)) {
        x_right_side(x, k + 1, &r, x_param(x, EVG_P_COUNTERPART_MAX_SKIP));
        if (r.n < 2)
            return 0;
        x_event ev = *proto;
        for (int q = 0; q < r.n; q++)
            add_part(&ev, r.p[q], EVG_ROLE_PARTICIPANT);
        return finish_event(x, &ev);
    }
    if (k < x->s1 && x_word(x, k, LXW_WITH)) {
        x_right_side(x, k + 1, &r, x_param(x, EVG_P_COUNTERPART_MAX_SKIP));
        if (r.n == 0)
            return 0;
        noun_subject(x, t, r.end, cs, &l);
        int separate = x_word(x, t, LXW_PLURAL_MEETING) && r.n > 1;
        for (int q = 0; q < (separate ? r.n : 1); q++) {
            x_event ev = *proto;
            for (int a = 0; a < l.n; a++)
                add_part(&ev, l.p[a],
                         l.p[a] == x->visitor ? EVG_ROLE_GUEST : EVG_ROLE_PARTICIPANT);
            for (int a = separate ? q : 0; a < (separate ? q + 1 : r.n); a++)
                add_part(&ev, r.p[a], EVG_ROLE_PARTICIPANT);
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
    /* "she and the Premier had set targets during talks earlier today" */
    x_left_side(x, t, &l, x_param(x, EVG_P_NOUN_SUBJECT_MAX_DISTANCE));
    if (l.n >= 2 && t > x->s0 && x_word(x, t - 1, LXW_NOUN_OPENER)) {
        x_event ev = *proto;
        for (int a = 0; a < l.n; a++)
            add_part(&ev, l.p[a], EVG_ROLE_PARTICIPANT);
        return finish_event(x, &ev);
    }
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

/* A verb trigger: the participants on the sides its frame says. */
static int verb_event(x_ctx *x, size_t t, size_t te, lx_frame fr, x_event *ev,
                      clause_state *cs)
{
    x_side l, r;
    int passive =
        t > x->s0 && x_word(x, t - 1, LXW_BE) && te < x->s1 && x_word(x, te, LXW_AGENT);

    /* "the declaration, which was signed in 2020": the agreement is the subject */
    if (fr == FR_SIGN && t > x->s0 && x_word(x, t - 1, LXW_BE))
        return 0;
    if (noun_use(x, t))
        return 0;
    x_left_side(x, t, &l, x_param(x, EVG_P_SUBJECT_MAX_DISTANCE));
    /* "X will hold talks with Y and meet Z": the subject of the verb before */
    if (cs->have && t > x->s0 && x_word(x, t - 1, LXW_AND)) {
        l = cs->subject;
        ev->status = cs->status;
    }
    /* The object comes soon after the verb; "met for an hour with X" and passive
     * agents ("attended by ministers from both countries and by X") may wait. */
    x_right_side(x, passive ? te + 1 : te, &r,
                 x_param(x, passive || fr == FR_MUTUAL ? EVG_P_OBJECT_MAX_SKIP_LONG
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
    if (fr == FR_VISIT && (visits_place(x, te) || all_weak(x, &r)))
        r.n = 0; /* "visited the New York Stock Exchange": a place, not a person */
    if (fr == FR_VISIT && r.n == 0) {
        /*
         * a visit to a place: no counterpart; people in the object are not participants
         */
        ev->type = EVG_EV_VISIT;
        for (int k = 0; k < l.n; k++)
            add_part(ev, l.p[k], EVG_ROLE_GUEST);
        return l.n > 0;
    }
    if (fr == FR_SIGN) {
        if (x->nsent_agr == 0) /* "signed a measure", "the president signs on" */
            return 0;
        for (int k = 0; k < l.n; k++)
            add_part(ev, l.p[k], EVG_ROLE_PARTICIPANT);
        for (int k = 0; k < r.n; k++)
            add_part(ev, r.p[k], EVG_ROLE_PARTICIPANT);
        return l.n > 0;
    }
    if (l.n == 0 && r.n >= 2 && fr == FR_MUTUAL && passive)
        l = r, r.n = 0; /* "they were met by A and B" */
    if (l.n + r.n < 2 || (fr != FR_MUTUAL && (l.n == 0 || r.n == 0)))
        return 0;
    frame_parts(x, ev, fr, &l, &r, passive);
    return 1;
}

/* "a meeting of the Group of Five" with nobody named yet: remember it for who joins. */
static void open_pending(x_ctx *x, const x_event *proto)
{
    if (proto->status == EVG_STATUS_REPORTED && x_background(x))
        return;
    if (x->has_pending &&
        x->sent - x->pending_sent <= x_param(x, EVG_P_PENDING_SPAN_SENTENCES))
        return; /* "the two-day summit" names again the talks just opened */
    x->pending = *proto;
    int dr = x_sentence_date(x, x->s0, x->s1, proto->trig,
                             proto->status == EVG_STATUS_PLANNED, x->pending.date);
    if ((dr > 0 && x->date && strcmp(x->pending.date, x->date) > 0) || x_says_next(x))
        x->pending.status = EVG_STATUS_PLANNED;
    if (dr <= 0)
        x->pending.date[0] = '\0';
    x->pending.date_source = dr > 0 ? "text" : NULL;
    x->pending.place = x_sentence_place(x, x->s0, x->s1, &x->pending.place_country);
    x->has_pending = 1;
    x->pending_event = -1;
    x->pending_sent = x->sent;
}

/*
 * "The meeting was attended by A, B and C", "Officials arriving included A
 * and B", "X will represent the UK": the people take part in the meeting the
 * text is about: one named just before without its people, or the one in
 * focus, or else a meeting of their own.
 */
static int join_event(x_ctx *x, size_t t, size_t te, x_event *ev)
{
    x_side l, r;
    int passive =
        t > x->s0 && x_word(x, t - 1, LXW_BE) && te < x->s1 && x_word(x, te, LXW_AGENT);
    x_event *target = NULL;

    x_left_side(x, t, &l, x_param(x, EVG_P_SUBJECT_MAX_DISTANCE));
    /* "were joined (for dinner) by X" is passive too */
    passive |= x_word(x, t, LXW_BE);
    x_right_side(
        x, passive ? te + 1 : te, &r,
        x_param(x, passive ? EVG_P_OBJECT_MAX_SKIP_LONG : EVG_P_JOIN_OBJECT_MAX_SKIP));
    for (int k = 0; k < r.n; k++)
        x_side_add(&l, r.p[k]);
    if (l.n == 0)
        return 0;
    if (x->has_pending &&
        x->sent - x->pending_sent <= x_param(x, EVG_P_PENDING_SPAN_SENTENCES)) {
        if (x->pending_event < 0) {
            /* the people gather on the open meeting until there are two */
            for (int k = 0; k < l.n; k++)
                add_part(&x->pending, l.p[k], EVG_ROLE_PARTICIPANT);
            add_sent(&x->pending, x->sent);
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
        target = &x->events[x->pending_event];
    } else if (x->focus >= 0 && x->events[x->focus].nsent > 0 &&
               x->sent - x->events[x->focus].sent[x->events[x->focus].nsent - 1] <=
                   x_param(x, EVG_P_FOCUS_SPAN_SENTENCES)) {
        target = &x->events[x->focus];
    }
    if (target) {
        for (int k = 0; k < l.n; k++)
            add_part(target, l.p[k], EVG_ROLE_PARTICIPANT);
        add_sent(target, x->sent);
        return 1;
    }
    if (l.n < 2)
        return 0;
    for (int k = 0; k < l.n; k++)
        add_part(ev, l.p[k], EVG_ROLE_PARTICIPANT);
    return finish_event(x, ev);
}

/* One trigger at token t (len n): the number of events it gave, or < 0. */
static int trigger(x_ctx *x, size_t t, size_t n, int *refers_back, clause_state *cs)
{
    const lx_phrase *p = &x->mp[t];
    lx_frame fr = (lx_frame)p->frame;
    x_event ev;
    int rc;

    memset(&ev, 0, sizeof ev);
    ev.place_country = -1;
    ev.type = (evg_event_type)p->evtype;
    ev.status = EVG_STATUS_REPORTED;
    ev.trig = t;
    size_t neg = x_param(x, EVG_P_NEGATION_WINDOW_BEFORE_TRIGGER);
    size_t plan = x_param(x, EVG_P_PLANNED_WINDOW_BEFORE_TRIGGER);
    /* "did not meet", "never met", a meeting "cancelled" */
    if (x_class_in(x, t >= x->s0 + neg ? t - neg : x->s0, t, LX_NEGATION))
        return 0;
    if (x_class_in(x, t >= x->s0 + plan ? t - plan : x->s0, t, LX_PLANNED) ||
        (x_word(x, t > x->s0 ? t - 1 : t, LXW_INFINITIVE) && t > x->s0))
        ev.status = EVG_STATUS_PLANNED;
    if (fr == FR_NOUN) {
        /* "talks between A and B, scheduled for Thursday", "the summit will open" */
        size_t wa = x_param(x, EVG_P_NOUN_PLANNED_WINDOW_AFTER);
        size_t wb = x_param(x, EVG_P_NOUN_PLANNED_WINDOW_BEFORE);
        size_t after = t + n + wa < x->s1 ? t + n + wa : x->s1;
        size_t before = t > x->s0 + wb ? t - wb : x->s0;
        if (x_class_in(x, t + n, after, LX_PLANNED) ||
            x_class_in(x, before, t, LX_PLANNED))
            ev.status = EVG_STATUS_PLANNED; /* a noun has no tense: its verb's, near it */
        rc = noun_event(x, t, t + n, &ev, cs, 0);
        if (rc == 0 && t > x->s0 && x_word(x, t - 1, LXW_THE))
            *refers_back = (int)t + 1; /* where "the meeting" stands, plus one */
        else if (rc == 0)
            open_pending(x, &ev);
        return rc;
    }
    if (fr == FR_JOIN)
        return join_event(x, t, t + n, &ev);
    if ((rc = verb_event(x, t, t + n, fr, &ev, cs)) <= 0)
        return rc;
    return finish_event(x, &ev);
}

/* Attach this sentence's agreements to the event in focus. */
static void attach_agreements(x_ctx *x, const int *agr, int nagr, int signing)
{
    int f = focus_event(x);
    if (f < 0)
        return;
    x_event *ev = &x->events[f];
    for (int a = 0; a < nagr; a++) {
        int k;
        for (k = 0; k < ev->nagr && ev->agr[k] != agr[a]; k++)
            ;
        if (k == ev->nagr && ev->nagr < X_MAX_AGR) {
            ev->agr[ev->nagr] = agr[a];
            ev->rel[ev->nagr++] = signing ? EVG_REL_SIGNED : EVG_REL_REFERENCED;
        } else if (k < ev->nagr && signing) {
            ev->rel[k] = EVG_REL_SIGNED;
        }
    }
    add_sent(ev, x->sent);
}

int x_find_events(x_ctx *x)
{
    int refers_back = 0, made = 0, signing = 0, nagr = x->nsent_agr;
    const int *agr = x->sent_agr;
    clause_state cs;

    memset(&cs, 0, sizeof cs);
    for (size_t i = x->s0; i < x->s1; i++) {
        if (!(x_cls(x, i) & LX_TRIGGER))
            continue;
        size_t n = x->mlen[i];
        int rc = trigger(x, i, n, &refers_back, &cs);
        if (rc < 0)
            return rc;
        made += rc;
        if (rc > 0 && x->mp[i].frame == FR_SIGN &&
            !(i > x->s0 && x_word(x, i - 1, LXW_BE)))
            signing = 1;
        i += n - 1;
    }
    if (refers_back && !made && x->focus >= 0) {
        x_event *ev = &x->events[x->focus];
        int pc;
        /* "The meeting, held at the General Staff": a place said of the meeting itself */
        size_t at = (size_t)refers_back - 1,
               w = x_param(x, EVG_P_REFERS_BACK_PLACE_WINDOW);
        const char *place = x_sentence_place(x, at, at + w < x->s1 ? at + w : x->s1, &pc);
        if (place && !ev->place) {
            ev->place = place;
            ev->place_country = pc;
        }
        add_sent(ev, x->sent);
    }
    if (nagr > 0)
        attach_agreements(x, agr, nagr, signing);
    return 0;
}
