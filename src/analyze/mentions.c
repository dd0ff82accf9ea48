/*
 * mentions.c - the mention list shared by all analyzers, and the names of
 * the enumerations they fill.
 */
#include "analyze.h"

#include <stdlib.h>
#include <string.h>

chr_mention *chr_mentions_push(chr_mentions *ms, chr_arena *a, const chr_mention *m)
{
    if (ms->n == ms->cap) {
        size_t ncap = ms->cap ? ms->cap * 2 : 32;
        chr_mention *v = chr_arena_realloc(a, ms->v, ms->cap * sizeof *v, ncap * sizeof *v);
        if (!v) return NULL;
        ms->v = v;
        ms->cap = ncap;
    }
    ms->v[ms->n] = *m;
    return &ms->v[ms->n++];
}

static int cmp_mention(const void *x, const void *y)
{
    const chr_mention *a = x, *b = y;
    if (a->start != b->start) return a->start < b->start ? -1 : 1;
    if (a->end != b->end) return a->end > b->end ? -1 : 1;
    return (int)a->kind - (int)b->kind;
}

void chr_mentions_sort(chr_mentions *ms)
{
    if (ms->n > 1) qsort(ms->v, ms->n, sizeof *ms->v, cmp_mention);
}

const char *chr_qual_name(int q)
{
    static const char *names[] = {"exact", "approx", "more_than", "at_least",
                                  "less_than", "at_most", "range"};
    return q >= 0 && q <= CHR_QUAL_RANGE ? names[q] : "exact";
}

const char *chr_gran_name(int g)
{
    static const char *names[] = {"day", "week", "month", "quarter", "year", "decade"};
    return g >= 0 && g <= CHR_GRAN_DECADE ? names[g] : "day";
}

const char *chr_mention_kind_name(int k)
{
    switch (k) {
    case CHR_M_NUMBER: return "number";
    case CHR_M_MONEY: return "money";
    case CHR_M_DATE: return "date";
    case CHR_M_ACTOR: return "actor";
    case CHR_M_PLACE: return "place";
    case CHR_M_ITEM: return "item";
    case CHR_M_SOURCE: return "source";
    }
    return "unknown";
}
