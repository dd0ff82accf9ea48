/*
 * days.c - calendar arithmetic on day numbers (days since 1970-01-01,
 * proleptic Gregorian), the representation every date in Chronicle uses.
 */
#include "chronicle.h"

#include <stdio.h>

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int chr_days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && is_leap(y) ? 29 : dm[m - 1];
}

/* Howard Hinnant's days_from_civil algorithm (public domain arithmetic). */
chr_day chr_day_from_ymd(int y, int m, int d)
{
    if (y < -99999 || y > 99999 || m < 1 || m > 12 || d < 1 ||
        d > chr_days_in_month(y, m))
        return CHR_DAY_NONE;
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153u * (unsigned)(m + (m > 2 ? -3 : 9)) + 2) / 5 + (unsigned)d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (chr_day)(era * 146097 + (int)doe - 719468);
}

void chr_day_to_ymd(chr_day z, int *y, int *m, int *d)
{
    z += 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int yy = (int)yoe + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned dd = doy - (153 * mp + 2) / 5 + 1;
    unsigned mm = mp < 10 ? mp + 3 : mp - 9;
    *y = yy + (mm <= 2);
    *m = (int)mm;
    *d = (int)dd;
}

int chr_day_weekday(chr_day day)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0). */
    int w = (int)((day % 7 + 7) % 7);
    return (w + 3) % 7;
}

chr_day chr_day_parse(const char *s, size_t n)
{
    if (n != 10 || s[4] != '-' || s[7] != '-') return CHR_DAY_NONE;
    int v[8], k = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7) continue;
        if (s[i] < '0' || s[i] > '9') return CHR_DAY_NONE;
        v[k++] = s[i] - '0';
    }
    int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    int m = v[4] * 10 + v[5];
    int d = v[6] * 10 + v[7];
    return chr_day_from_ymd(y, m, d);
}

void chr_day_format(chr_day day, char out[11])
{
    int y, m, d;
    if (day == CHR_DAY_NONE) { out[0] = '\0'; return; }
    chr_day_to_ymd(day, &y, &m, &d);
    /* ISO 8601 days need four-digit years; others have no such form */
    if (y < 1 || y > 9999) { out[0] = '\0'; return; }
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
}
