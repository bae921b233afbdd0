#ifndef EVG_UTIL_DATE_H
#define EVG_UTIL_DATE_H

#include <stddef.h>

/*
 * Whether `n` bytes of `s` are a real calendar date "YYYY-MM-DD" (proleptic
 * Gregorian, years 0001-9999): 2024-02-29 is one, 2023-02-29 is not.
 */
int evg_i_date_valid(const char *s, size_t n);

/*
 * Whether `s` is a date bound of a filter: "YYYY", "YYYY-MM" or a valid
 * "YYYY-MM-DD" (query --from/--to, evg_filter). 0, or -1.
 */
int evg_i_date_bound(const char *s);

/* Days since 1970-01-01 of a valid "YYYY-MM-DD" (negative before it). */
long evg_i_date_days(const char *d);

/*
 * The whole number at the start of `s` (after blanks, with a sign), as
 * atoi() reads it but clamped to the range of int where atoi() is
 * undefined; 0 when there is none. For the fields of dates and years:
 * "2024-05-01" gives 2024, "05-01" 5, "1967" 1967. (atoi() is banned:
 * docs/design.md, "Banned calls".)
 */
int evg_i_leading_int(const char *s);

#endif
