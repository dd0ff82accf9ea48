/*
 * merge.c - one record per real-world event within a document.
 *
 * News restates: "The United States delivered hundreds of Stinger missiles
 * to Ukraine ... Washington sent over 200 ...".  Two events are one when
 * they agree on type, actor, recipient (either way round for symmetric
 * types) and status, and nothing they both state disagrees: mode, money,
 * date.  Two figures are one when metric and value agree.  The merged record
 * keeps the first mention's sentence and the most precise details of all.
 */
#include "extract/extract.h"

#include <string.h>

#define MERGE_WINDOW 512

static int str_eq(const char *a, const char *b)
{
    if (!a || !*a || !b || !*b) return 1;   /* one says nothing: no conflict */
    return strcmp(a, b) == 0;
}

static int same_str(const char *a, const char *b)
{
    if (!a) a = "";
    if (!b) b = "";
    return strcmp(a, b) == 0;
}

/* How precise a count is: an exact number beats a bound, which beats a
 * vague plural ("hundreds" is at_least). */
static int precision(const chr_rcount *c)
{
    if (!c->present) return 0;
    if (!c->qual || strcmp(c->qual, "exact") == 0) return 5;
    if (strcmp(c->qual, "range") == 0) return 4;
    if (strcmp(c->qual, "more_than") == 0 || strcmp(c->qual, "less_than") == 0 ||
        strcmp(c->qual, "at_most") == 0) return 3;
    if (strcmp(c->qual, "approx") == 0) return 2;
    return 1;
}

static int same_event(const chr_record *a, const chr_record *b)
{
    if (a->kind != CHR_REC_EVENT || b->kind != CHR_REC_EVENT) return 0;
    if (!same_str(a->type, b->type) || !same_str(a->status, b->status)) return 0;
    int direct = same_str(a->actor.code, b->actor.code) &&
                 str_eq(a->recipient.code, b->recipient.code);
    int swapped = (a->symmetric || b->symmetric) && same_str(a->actor.code, b->recipient.code) &&
                  same_str(a->recipient.code, b->actor.code);
    if (!direct && !swapped) return 0;
    if (!str_eq(a->mode, b->mode)) return 0;
    if (a->money.count.present && b->money.count.present &&
        (a->money.count.value != b->money.count.value ||
         strcmp(a->money.currency, b->money.currency) != 0))
        return 0;
    if (a->date.present && b->date.present &&
        (a->date.start != b->date.start || a->date.end != b->date.end))
        return 0;
    return 1;
}

static int same_figure(const chr_record *a, const chr_record *b)
{
    return a->kind == CHR_REC_FIGURE && b->kind == CHR_REC_FIGURE &&
           same_str(a->metric, b->metric) && a->value.value == b->value.value;
}

/* The same item: the same system, or a system and a generic phrase of its
 * class ("Stinger missiles" ... "the surface-to-air projectiles"). */
static int item_key_eq(const chr_ritem *a, const chr_ritem *b)
{
    if (a->name && b->name) return strcmp(a->name, b->name) == 0;
    return same_str(a->cls, b->cls);
}

/* Fold b's items into a's: the same item keeps the more precise count. */
static void merge_items(chr_record *a, const chr_record *b, chr_ritem *spare, size_t nspare)
{
    if (!b->nitems) return;
    if (!a->nitems) { a->items = b->items; a->nitems = b->nitems; return; }
    (void)spare; (void)nspare;
    /* a new item of a restatement is kept by the first mention's list */
    for (size_t j = 0; j < b->nitems; j++) {
        const chr_ritem *bj = &b->items[j];
        /* the same item by its name, else the one item of that class */
        size_t hit = a->nitems, same_class = 0;
        for (size_t i = 0; i < a->nitems && hit == a->nitems; i++)
            if ((a->items[i].name && bj->name) ? strcmp(a->items[i].name, bj->name) == 0
                                               : (!a->items[i].name && !bj->name &&
                                                  same_str(a->items[i].cls, bj->cls)))
                hit = i;
        if (hit == a->nitems) {
            for (size_t i = 0; i < a->nitems; i++)
                if (item_key_eq(&a->items[i], bj)) { same_class++; hit = i; }
            if (same_class != 1) continue;
        }
        if (precision(&bj->count) > precision(&a->items[hit].count)) a->items[hit].count = bj->count;
    }
}

static void fill(chr_record *a, const chr_record *b)
{
    if (a->kind == CHR_REC_EVENT) {
        if (!a->mode && b->mode) { a->mode = b->mode; a->cameo = b->cameo; }
        if (!a->date.present && b->date.present) a->date = b->date;
        if (!a->money.count.present && b->money.count.present) a->money = b->money;
        if (!a->location.name && b->location.name) a->location = b->location;
        if (!a->recipient.code[0] && b->recipient.code[0]) a->recipient = b->recipient;
        if (precision(&b->dead) > precision(&a->dead)) a->dead = b->dead;
        if (precision(&b->injured) > precision(&a->injured)) a->injured = b->injured;
        merge_items(a, b, NULL, 0);
    } else {
        if (precision(&b->value) > precision(&a->value)) {
            const char *t = a->value.text;
            a->value = b->value;
            if (!a->value.text) a->value.text = t;
        }
        if (!a->population && b->population) a->population = b->population;
        if (!a->side[0] && b->side[0]) memcpy(a->side, b->side, sizeof a->side);
        if (!a->place.name && b->place.name) a->place = b->place;
        if (a->as_of == CHR_DAY_NONE) a->as_of = b->as_of;
        if (a->since == CHR_DAY_NONE) a->since = b->since;
    }
    if (!a->source.kind && b->source.kind) a->source = b->source;
}

void chr_records_merge(chr_records *rs, chr_buf *trace)
{
    size_t out = 0;
    for (size_t i = 0; i < rs->n; i++) {
        chr_record *b = &rs->v[i];
        int merged = 0;
        /* a news article restates within a few hundred records; bounding
         * the look-back keeps a pathological document linear */
        size_t from = out > MERGE_WINDOW ? out - MERGE_WINDOW : 0;
        for (size_t j = from; j < out; j++) {
            chr_record *a = &rs->v[j];
            if (same_event(a, b) || same_figure(a, b)) {
                fill(a, b);
                merged = 1;
                if (trace)
                    chr_buf_printf(trace, "merge: record of sentence %u folded into the one of sentence %u (%s)\n",
                                   b->sent, a->sent, a->kind == CHR_REC_EVENT ? a->type : a->metric);
                break;
            }
        }
        if (!merged) rs->v[out++] = *b;
    }
    rs->n = out;
}
