/*
 * The date a sentence speaks of, resolved against the article's date:
 * today, yesterday, tomorrow, weekday names (the last one for past events,
 * the next one for planned ones), and month-day dates ("March 31", "31
 * March 1987"). Vague spans ("last week") say so, so that nothing is
 * inherited from an earlier event. The words are data/lexicon/grammar.json's
 * (today_words, months, weekdays, ...); this file keeps the arithmetic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_internal.h"
#include "util/date.h"

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    char buf[80];
    snprintf(buf, sizeof buf, "%04ld-%02ld-%02ld", y, m, d);
    memcpy(out, buf, 10);
    out[10] = '\0';
}

/*
 * The last day a record can hold: 9999-12-31 (days since 1970-01-01). A day
 * after it ("tomorrow" in an article of that day) has no YYYY-MM-DD form,
 * so it is no date (docs/events.md: the reader refuses anything else).
 */
#define LAST_DAY 2932896L

static long parse_day(const char *date)
{
    int y = evg_i_leading_int(date), m = evg_i_leading_int(date + 5),
        d = evg_i_leading_int(date + 8);
    return days_from_civil(y, m, d);
}

/* The month (0-11) named at token i, or -1: "March", "mar.", "Sept" (grammar.json). */
static int month_of(const x_ctx *x, size_t i)
{
    if (!x_word(x, i, LXW_MONTH))
        return -1;
    return evg_i_lx_word_at(x->lx, &x->toks, i)->month - 1;
}

/* A day of the month (1-31) at token i, or 0. */
static int day_at(const x_ctx *x, size_t i, size_t end)
{
    if (i >= end || !(x->toks.toks[i].flags & EVG_TK_NUM))
        return 0;
    const char *f = x_fold(x, i);
    char *stop;
    long d = strtol(f, &stop, 10);
    if (*stop && !evg_i_lx_in_list(x->lx, LXL_ORDINAL_SUFFIXES, stop))
        return 0; /* "31st" */
    return d >= 1 && d <= 31 ? (int)d : 0;
}

static int year_at(const x_ctx *x, size_t i, size_t end)
{
    if (i >= end || !(x->toks.toks[i].flags & EVG_TK_NUM))
        return 0;
    const char *f = x_fold(x, i);
    char *stop;
    long y = strtol(f, &stop, 10);
    return *stop == '\0' && y >= 1900 && y <= 2100 ? (int)y : 0;
}

/* "March 31", "March 31, 1987", "31 March", "31 March 1987": days or -1. */
static long month_date(const x_ctx *x, size_t i, size_t end, long today, int future)
{
    int m = month_of(x, i), d = 0, y = 0;

    if (m < 0)
        return -1;
    if ((d = day_at(x, i + 1, end)) != 0) {
        size_t k = i + 2;
        if (k < end && x_is(x, k, ","))
            k++;
        y = year_at(x, k, end);
    } else if (i > 0 && (d = day_at(x, i - 1, end)) != 0) {
        y = year_at(x, i + 1, end);
    } else {
        return -1;
    }
    char ref[11];
    civil_from_days(today, ref);
    int ty = evg_i_leading_int(ref);
    long when = days_from_civil(y ? y : ty, m + 1, d);
    long slack = (long)x_param(x, EVG_P_UNDATED_YEAR_SLACK_DAYS);
    if (!y && !future && when > today + slack)
        when = days_from_civil(ty - 1, m + 1, d); /* "December 30" read in January */
    if (!y && future && when < today - slack)
        when = days_from_civil(ty + 1, m + 1, d);
    return when;
}

int x_time_at(const x_ctx *x, size_t i)
{
    if (i >= x->s1)
        return 0;
    if ((x->toks.toks[i].flags & EVG_TK_NUM) || x_word(x, i, LXW_WEEKDAY) ||
        x_word(x, i, LXW_MONTH) || x_word(x, i, LXW_LAST) || x_word(x, i, LXW_NEXT))
        return 1;
    return x_phrase(x, i, x->s1, LXW_TODAY) || x_phrase(x, i, x->s1, LXW_YESTERDAY) ||
           x_phrase(x, i, x->s1, LXW_TOMORROW) || x_phrase(x, i, x->s1, LXW_VAGUE_TIME) ||
           x_phrase(x, i, x->s1, LXW_FUTURE_TIME);
}

/* The day a time expression at token i names, or -1 (none) or -2 (vague). */
static long expression_at(const x_ctx *x, size_t i, size_t start, size_t end, long today,
                          int future)
{
    if (x_phrase(x, i, end, LXW_TODAY)) /* "today", "this morning" */
        return today;
    if (x_phrase(x, i, end, LXW_YESTERDAY)) /* "yesterday", "last night" */
        return today - 1;
    if (x_phrase(x, i, end, LXW_TOMORROW))
        return today + 1;
    if (x_phrase(x, i, end, LXW_VAGUE_TIME)) /* "last week" */
        return -2;
    if (x_word(x, i, LXW_WEEKDAY)) {
        long wd = evg_i_lx_word_at(x->lx, &x->toks, i)->weekday - 1; /* 0 = Monday */
        long dow = ((today % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday */
        long back = (dow - wd + 7) % 7, ahead = (wd - dow + 7) % 7;
        if (i > start && x_word(x, i - 1, LXW_LAST))
            back = back ? back : 7;
        if (i > start && x_word(x, i - 1, LXW_NEXT))
            ahead = ahead ? ahead : 7;
        return future ? today + ahead : today - back;
    }
    long when = month_date(x, i, end, today, future);
    /* "in January", "in May 2023": a month and no day, a time but no date */
    if (when == -1 && i > start && x_word(x, i, LXW_MONTH) &&
        x_word(x, i - 1, LXW_PLACE_PREP))
        return -2;
    return when;
}

static int relative_between(const x_ctx *x, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (x_word(x, i, LXW_RELATIVE_CLAUSE))
            return 1;
    return 0;
}

/*
 * Whether token i lies in a relative clause set off by commas that does not hold
 * the trigger: "A, who took office last week, met B on Tuesday".
 */
static int in_relative_clause(const x_ctx *x, size_t i, size_t start, size_t trig)
{
    size_t open = (size_t)-1;
    for (size_t k = start; k < i; k++) {
        if (x_is(x, k, ",") && k + 1 < x->s1 && x_word(x, k + 1, LXW_RELATIVE_CLAUSE))
            open = k;
        else if (x_is(x, k, ",") && open != (size_t)-1 && k > open)
            open = (size_t)-1;
    }
    if (open == (size_t)-1)
        return 0;
    size_t close = i;
    while (close < x->s1 && !x_is(x, close, ","))
        close++;
    return !(trig > open && trig < close); /* the trigger's own clause keeps its time */
}

int x_sentence_date(const x_ctx *x, size_t start, size_t end, size_t trig, int future,
                    char out[11])
{
    long today, best = -1;
    size_t best_dist = (size_t)-1;

    if (x->date == NULL)
        return 0;
    today = parse_day(x->date);
    /* the dateline's day is the day of "today" ("PORT VELL, March 6 -" in a paper of the
     * 7th) */
    if (x->dateline_date[0] && strcmp(x->dateline_date, x->date) <= 0)
        today = parse_day(x->dateline_date);
    if (start < x->dateline_end)
        start =
            x->dateline_end; /* "MOSCOW, March 31 -" dates the report, not the event */
    /* The time expression nearest the trigger speaks of its event, unless a
     * relative clause ("..., who met her yesterday") lies between them. */
    for (size_t i = start; i < end; i++) {
        long when = expression_at(x, i, start, end, today, future);
        size_t dist = i > trig ? i - trig : trig - i;
        if (when > LAST_DAY)
            when = -2; /* a time, but past any date a record can hold: vague */
        if (when != -1 && in_relative_clause(x, i, start, trig))
            continue;
        /* "..., the ministry said on Tuesday": when it was said, not when they met */
        if (when != -1 && i > start + 1 && i > trig &&
            (x_word(x, i - 1, LXW_SPEECH_VERB) || x_word(x, i - 2, LXW_SPEECH_VERB)))
            continue;
        if (when != -1 && relative_between(x, i < trig ? i : trig, i < trig ? trig : i))
            continue;
        if (when != -1 && dist < best_dist) {
            best = when;
            best_dist = dist;
        }
    }
    if (best == -2)
        return -1;
    if (best < 0)
        return 0;
    civil_from_days(best, out);
    return 1;
}

/* "19/06/2021": day, month and year in numbers (the month second unless it cannot be). */
static long numeric_date(const x_ctx *x, size_t i, size_t end)
{
    if (i + 4 >= end || !x_is(x, i + 1, "/") || !x_is(x, i + 3, "/"))
        return -1;
    int a = day_at(x, i, end), b = day_at(x, i + 2, end), y = year_at(x, i + 4, end);
    if (!a || !b || !y)
        return -1;
    if (b > 12 && a <= 12) { /* "06/19/2021" */
        int t = a;
        a = b;
        b = t;
    }
    return b <= 12 ? days_from_civil(y, b, a) : -1;
}

int x_date_at(const x_ctx *x, size_t i, size_t end, char out[11])
{
    long when;

    if (x->date == NULL)
        return 0;
    if ((when = month_date(x, i, end, parse_day(x->date), 0)) < 0 &&
        (when = numeric_date(x, i, end)) < 0)
        return 0;
    if (when > LAST_DAY)
        return 0;
    civil_from_days(when, out);
    return 1;
}
