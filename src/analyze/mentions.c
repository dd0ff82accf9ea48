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

/* The order of mentions: by start, the longer first, then by kind. */
static inline int before(const chr_mention *a, const chr_mention *b)
{
    if (a->start != b->start) return a->start < b->start;
    if (a->end != b->end) return a->end > b->end;
    return a->kind < b->kind;
}

/* Every analyzer makes its mentions in text order, so the list is a few
 * sorted runs one after the other: merged pairwise, a run on the left
 * winning ties, they sort in a few passes, and stably (mentions equal in
 * that order keep the order they were made in). */
int chr_mentions_sort(chr_mentions *ms, chr_arena *a)
{
    size_t n = ms->n;
    if (n < 2) return 0;
    chr_mention *src = ms->v, *dst = NULL;
    for (;;) {
        size_t runs = 0, i = 0, out = 0;
        while (i < n) {
            size_t mid = i + 1;
            while (mid < n && !before(&src[mid], &src[mid - 1])) mid++;
            runs++;
            if (mid == n && i == 0) break;      /* sorted */
            size_t end = mid;
            if (end < n) {
                end++;
                while (end < n && !before(&src[end], &src[end - 1])) end++;
                runs++;
            }
            if (!dst) {
                dst = chr_arena_alloc(a, n * sizeof *dst);
                if (!dst) return -1;
            }
            size_t x = i, y = mid;
            while (x < mid && y < end) dst[out++] = before(&src[y], &src[x]) ? src[y++] : src[x++];
            while (x < mid) dst[out++] = src[x++];
            while (y < end) dst[out++] = src[y++];
            i = end;
        }
        if (runs <= 1) break;
        chr_mention *t = src;
        src = dst;
        dst = t;
    }
    if (src != ms->v) {
        memcpy(ms->v, src, n * sizeof *src);
    }
    return 0;
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

void chr_mentions_drop_in_money(chr_mentions *ms)
{
    size_t k = 0;
    uint32_t money_end = 0;     /* the end of the last amount met, in sorted order */
    for (size_t i = 0; i < ms->n; i++) {
        const chr_mention *m = &ms->v[i];
        if (m->kind == CHR_M_MONEY && m->end > money_end) money_end = m->end;
        else if (m->end <= money_end && m->kind >= CHR_M_ACTOR && m->kind != CHR_M_ITEM)
            continue;
        ms->v[k++] = *m;
    }
    ms->n = k;
}
