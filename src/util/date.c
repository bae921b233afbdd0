#include <ctype.h>
#include <string.h>

#include "util/date.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>

int evg_i_date_valid(const char *s, size_t n)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int y, m, d;

    if (n != 10 || s[4] != '-' || s[7] != '-')
        return 0;
    for (size_t i = 0; i < 10; i++)
        if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
            return 0;
    y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = (s[8] - '0') * 10 + (s[9] - '0');
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    return 1;
}

/* H. Hinnant's days_from_civil. */
long evg_i_date_days(const char *d)
{
    long y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
    long m = (d[5] - '0') * 10 + (d[6] - '0'), day = (d[8] - '0') * 10 + (d[9] - '0');
    long era, yoe, doy, doe;

    y -= m <= 2;
    era = y / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int evg_i_date_bound(const char *s)
{
    size_t n = strlen(s);

    for (size_t i = 0; i < n; i++)
        if (!(i == 4 || i == 7 ? s[i] == '-' : isdigit((unsigned char)s[i])))
            return -1;
    if (n == 4)
        return strcmp(s, "0001") >= 0 ? 0 : -1;
    if (n == 7)
        return strncmp(s + 5, "01", 2) >= 0 && strncmp(s + 5, "12", 2) <= 0 ? 0 : -1;
    return n == 10 && evg_i_date_valid(s, n) ? 0 : -1;
}

int evg_i_leading_int(const char *s)
{
    long v;

    errno = 0;
    v = strtol(s, NULL, 10);
    return v > INT_MAX ? INT_MAX : v < INT_MIN ? INT_MIN : (int)v;
}
