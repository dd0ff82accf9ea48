/* numbers.c - PLACEHOLDER until the numbers analyzer lands. */
#include "analyze.h"
int chr_numbers_find(const chr_text *t, chr_arena *a, chr_mentions *out)
{
    (void)t; (void)a; (void)out;
    return 0;
}
