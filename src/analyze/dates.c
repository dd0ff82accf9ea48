/* dates.c - PLACEHOLDER until the dates analyzer lands. */
#include "analyze.h"
int chr_dates_find(const chr_text *t, chr_day pub, chr_arena *a, chr_mentions *out)
{
    (void)t; (void)pub; (void)a; (void)out;
    return 0;
}
