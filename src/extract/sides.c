/*
 * Who stands on each side of a trigger: the mentions of the sentence, the
 * nearest before (the subject, close to its verb and in its clause) and
 * after (the object), lists of them joined by "and" and commas, and the
 * subject after a phrase that opens the sentence ("After talks with X, Y").
 */
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"

int x_is_clause_punct(const x_ctx *x, size_t i)
{
    return x_is(x, i, ";") || x_is(x, i, ":") || x_is(x, i, "(") || x_is(x, i, ")");
}

/* Everyone a mention stands for: a person, or the people of an event ("they"). */
static void side_add_mention(const x_ctx *x, x_side *s, const x_mention *m)
{
    if (m->kind != M_GROUP) {
        x_side_add(s, m->person);
        return;
    }
    if (x->focus < 0)
        return;
    const x_event *ev = &x->events[x->focus];
    for (int k = 0; k < ev->nparts; k++)
        x_side_add(s, ev->part[k]);
}

void x_side_add(x_side *s, int p)
{
    for (int k = 0; k < s->n; k++)
        if (s->p[k] == p)
            return;
    if (p >= 0 && s->n < X_MAX_SIDE)
        s->p[s->n++] = p;
}

size_t x_sentence_mentions(const x_ctx *x, size_t *first)
{
    size_t m = x->nment;
    while (m > 0 && x->ment[m - 1].sent == x->sent)
        m--;
    *first = m;
    return x->nment;
}

/*
 * What lies between tokens a and b: 2 when it joins two mentions ("and",
 * ", and by his"), 1 for a comma alone (a list, if an "and" follows), 0 when
 * anything else does. Only commas and list_glue may lie there; a list_joiner
 * joins, a phrase one ("as well as") when a word follows it.
 */
static int coordinated(const x_ctx *x, size_t a, size_t b)
{
    int joined = 0;

    if (b <= a)
        return b == a ? 1 : 0;
    /* "the President of A, X; the Minister of B, Y; and ...": semicolons between items
     * whose titles hold commas */
    for (size_t i = a; i < b; i++) {
        if (!x_is(x, i, ",") && !x_is(x, i, ";") && !x_word(x, i, LXW_LIST_GLUE))
            return 0;
        joined |=
            x_word(x, i, LXW_LIST_JOINER) || x_phrase(x, i, b - 1, LXW_LIST_JOINER) > 1;
    }
    return joined ? 2 : x_is(x, a, ",") || x_is(x, a, ";") ? 1 : 0;
}

/*
 * A list of mentions joined by commas counts only when an "and" joins its
 * last: of the chain m[0..n) with gaps g[1..n), keep up to the last "and".
 */
static int list_length(const int *gap, int n)
{
    int last_and = 0;
    for (int k = 1; k < n; k++)
        if (gap[k] == 2)
            last_and = k;
    return last_and + 1;
}

/* Whether the word after a mention makes it a subject: "..., and X said". */
static int starts_clause(const x_ctx *x, size_t i)
{
    return i < x->s1 && x_word(x, i, LXW_CLAUSE_OPENER);
}

/* The outermost mention starting at or after `from` (a delegation wraps its leader). */
static long next_mention(const x_ctx *x, size_t from, size_t lim)
{
    size_t first, last = x_sentence_mentions(x, &first);
    long best = -1;

    for (size_t m = first; m < last; m++) {
        const x_mention *mm = &x->ment[m];
        if (mm->start < from || mm->start >= lim || !x_ment_stands(x, mm))
            continue;
        if (best < 0 || mm->start < x->ment[best].start ||
            (mm->start == x->ment[best].start && mm->end > x->ment[best].end))
            best = (long)m;
    }
    return best;
}

/* The mention ending last at or before `to` (nearest to its left). */
static long prev_mention(const x_ctx *x, size_t to, size_t lim)
{
    size_t first, last = x_sentence_mentions(x, &first);
    long best = -1;

    for (size_t m = first; m < last; m++) {
        const x_mention *mm = &x->ment[m];
        if (mm->end > to || mm->start < lim || !x_ment_stands(x, mm))
            continue;
        /* skip a leader's name inside a delegation mention: take the outer one */
        if (best < 0 || mm->end > x->ment[best].end ||
            (mm->end == x->ment[best].end && mm->start < x->ment[best].start))
            best = (long)m;
    }
    return best;
}

/* Participants to the right of token `from`: the first mention and those coordinated. */
void x_right_side(const x_ctx *x, size_t from, x_side *out, size_t maxskip)
{
    size_t skip = 0, i = from;
    long m;

    memset(out, 0, sizeof *out);
    /* The object starts soon after the trigger, before any clause break. */
    while (i < x->s1 && skip <= maxskip) {
        m = next_mention(x, i, i + 1);
        if (m >= 0)
            break;
        if (x_is(x, i, ",") || x_is(x, i, ".") || x_is_clause_punct(x, i))
            return;
        i++;
        skip++;
    }
    m = next_mention(x, i, i + 1);
    if (m < 0)
        return;
    long chain[X_MAX_SIDE];
    int gap[X_MAX_SIDE], n = 0;
    while (m >= 0 && n < X_MAX_SIDE) {
        chain[n++] = m;
        long next = next_mention(x, x->ment[m].end, x->s1);
        if (next < 0 || n == X_MAX_SIDE || starts_clause(x, x->ment[next].end))
            break;
        if ((gap[n] = coordinated(x, x->ment[m].end, x->ment[next].start)) == 0)
            break;
        m = next;
    }
    n = list_length(gap, n);
    out->start = x->ment[chain[0]].start;
    out->end = x->ment[chain[n - 1]].end;
    for (int k = 0; k < n; k++)
        side_add_mention(x, out, &x->ment[chain[k]]);
}

/*
 * Participants to the left of token `to`: the nearest mention, at most
 * `maxdist` tokens before and in the same clause, and those coordinated.
 */
void x_left_side(const x_ctx *x, size_t to, x_side *out, size_t maxdist)
{
    /* "X, who leaves for Moscow on Tuesday, met Y": step over the relative clause */
    if (to > x->s0 + 2 && x_is(x, to - 1, ","))
        for (size_t i = to - 1;
             i-- > x->s0 && to - i < x_param(x, EVG_P_RELATIVE_CLAUSE_MAX_TOKENS);)
            if (x_is(x, i, ",") && i + 1 < to && x_word(x, i + 1, LXW_RELATIVE)) {
                to = i;
                break;
            }
    long m = prev_mention(x, to, x->s0);

    memset(out, 0, sizeof *out);
    if (m < 0 || to - x->ment[m].end > maxdist)
        return;
    /* Not across another clause: "X said certificates meet", "X said that Y" */
    for (size_t i = x->ment[m].end; i < to; i++)
        if (x_word(x, i, LXW_CLAUSE_BARRIER) || x_is_clause_punct(x, i) ||
            x_word(x, i, LXW_SPEECH_VERB) ||
            (maxdist > x_param(x, EVG_P_SUBJECT_COMMA_FREE_DISTANCE) && x_is(x, i, ",") &&
             !(i + 1 < to && x_word(x, i + 1, LXW_SUBJECT_RELATIVE)) &&
             i > x->ment[m].end)) /* "X, Jr., held": the comma closing the name is none */
            return;
    /* Nor the object inside a relative clause: "councillors who back Mr X met Y"
     * (but "during which he discussed" has its subject right after "which") */
    for (size_t i = x->ment[m].start;
         i-- > x->s0 && x->ment[m].start - i <= x_param(x, EVG_P_RELATIVE_OBJECT_WINDOW);)
        if (x_word(x, i, LXW_RELATIVE) && x->ment[m].start - i >= 2)
            return;
    long chain[X_MAX_SIDE];
    int gap[X_MAX_SIDE], n = 0;
    while (m >= 0 && n < X_MAX_SIDE) {
        chain[n++] = m;
        long prev = prev_mention(x, x->ment[m].start, x->s0);
        if (prev < 0 || n == X_MAX_SIDE)
            break;
        if ((gap[n] = coordinated(x, x->ment[prev].end, x->ment[m].start)) == 0)
            break;
        m = prev;
    }
    /* read from the right, "A, B and C" has its "and" first: the commas before it list
     * more; without it, "X, Y met" is Y alone */
    n = n > 1 && gap[1] == 2 ? n : 1;
    out->end = x->ment[chain[0]].end;
    out->start = x->ment[chain[n - 1]].start;
    for (int k = 0; k < n; k++)
        side_add_mention(x, out, &x->ment[chain[k]]);
}

/*
 * "After talks with X, Y said": a trigger inside a phrase that opens the
 * sentence has as subject the first mention after the phrase's comma.
 */
void x_fronted_subject(const x_ctx *x, size_t t, size_t after, x_side *out)
{
    size_t c;

    memset(out, 0, sizeof *out);
    if (!x_word(x, x->s0, LXW_FRONTED_OPENER))
        return;
    /* the subject and those listed with it: "..., A and B signed"; the phrase may go on
     * between commas first ("Following their last meeting, in Sarn in May, A and B") */
    c = after > t ? after : t;
    for (int phrase = 0; phrase < 2 && out->n == 0; phrase++) {
        while (c < x->s1 && !x_is(x, c, ","))
            c++;
        if (c <= t || c + 1 >= x->s1)
            return;
        x_right_side(x, c + 1, out, (size_t)x_param(x, EVG_P_FRONTED_SUBJECT_WINDOW) - 1);
        c++;
    }
}
