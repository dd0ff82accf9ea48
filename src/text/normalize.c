/* normalize.c - PLACEHOLDER until the text layer lands: identity. */
#include "text.h"
int chr_normalize(chr_text *t, chr_arena *a)
{
    (void)a;
    t->norm = t->src;
    t->norm_len = t->src_len;
    t->map = NULL;
    return 0;
}
