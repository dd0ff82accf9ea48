/*
 * stories.c - the merging rule of stories.h: merge keys, windows of days,
 * and the fold that keeps a story's core, money, status and days.
 */
#include "store/stories.h"

#include <stdio.h>
#include <string.h>

static const char *nz(const char *s) { return s ? s : ""; }

size_t chr_story_key(const chr_record *r, char *out, size_t cap)
{
    int n;
    if (r->kind == CHR_REC_EVENT) {
        const char *a = r->actor.code, *b = r->recipient.code;
        /* Talks between Russia and Ukraine are the same talks whichever
         * side an article names first. */
        if (r->symmetric && strcmp(a, b) > 0) {
            const char *t = a;
            a = b;
            b = t;
        }
        n = snprintf(out, cap, "E|%s|%s|%s|%s", nz(r->type), nz(r->mode), a, b);
    } else {
        n = snprintf(out, cap, "F|%s|%s|%s|%.17g", nz(r->metric), r->side,
                     nz(r->population), r->value.present ? r->value.value : -1.0);
    }
    if (n < 0 || (size_t)n >= cap) {
        if (cap) out[0] = '\0';
        return 0;
    }
    return (size_t)n;
}

static const char *const status_names[] = {"planned", "pledged", "occurred", "delivered"};

int chr_story_status_rank(const char *status)
{
    if (!status || !*status) return 2;
    for (int i = 0; i < 4; i++)
        if (strcmp(status, status_names[i]) == 0) return i;
    return 2;
}

const char *chr_story_status_name(int rank)
{
    return rank >= 0 && rank < 4 ? status_names[rank] : "occurred";
}

void chr_story_mention_of(const chr_record *r, chr_day pub, chr_story_mention *m)
{
    memset(m, 0, sizeof *m);
    m->kind = r->kind;
    m->pub = pub;
    m->lo = m->hi = pub;
    if (r->kind == CHR_REC_EVENT) {
        if (r->date.present && r->date.start != CHR_DAY_NONE) {
            m->dated = 1;
            m->lo = r->date.start;
            m->hi = r->date.end != CHR_DAY_NONE && r->date.end >= r->date.start
                        ? r->date.end : r->date.start;
        }
        if (r->money.count.present && r->money.currency[0]) {
            m->has_money = 1;
            m->money = r->money.count.value;
            memcpy(m->currency, r->money.currency, sizeof m->currency);
            m->currency[3] = '\0';
        }
        m->status = chr_story_status_rank(r->status);
    } else {
        if (r->as_of != CHR_DAY_NONE) m->lo = m->hi = r->as_of;
        m->status = chr_story_status_rank(NULL);
    }
}

void chr_story_window(const chr_story_mention *m, long long *lo, long long *hi)
{
    if (m->kind != CHR_REC_EVENT) {
        /* A figure repeated months later is still the same count. */
        *lo = -CHR_STORY_FAR;
        *hi = CHR_STORY_FAR;
    } else if (m->dated) {
        *lo = m->lo;
        *hi = m->hi;
    } else if (m->pub != CHR_DAY_NONE) {
        *lo = (long long)m->pub - CHR_STORY_RECENT_DAYS;
        *hi = m->pub;
    } else {
        *lo = -CHR_STORY_FAR;
        *hi = CHR_STORY_FAR;
    }
}

static chr_day day_min(chr_day a, chr_day b)
{
    if (a == CHR_DAY_NONE) return b;
    if (b == CHR_DAY_NONE) return a;
    return a < b ? a : b;
}

static chr_day day_max(chr_day a, chr_day b)
{
    if (a == CHR_DAY_NONE) return b;
    if (b == CHR_DAY_NONE) return a;
    return a > b ? a : b;
}

void chr_story_start(chr_story_state *s, const chr_story_mention *m)
{
    memset(s, 0, sizeof *s);
    s->kind = m->kind;
    s->dated = m->dated;
    chr_story_window(m, &s->lo, &s->hi);
    s->has_money = m->has_money;
    s->money = m->money;
    memcpy(s->currency, m->currency, sizeof s->currency);
    s->status = m->status;
    s->first_pub = s->last_pub = m->pub;
    s->min_day = m->lo;
    s->max_day = m->hi;
}

static int vague(long long lo, long long hi) { return hi - lo + 1 > CHR_STORY_VAGUE_DAYS; }

int chr_story_accepts(const chr_story_state *s, const chr_story_mention *m)
{
    if (s->kind != m->kind) return 0;
    if (s->has_money && m->has_money &&
        (s->money != m->money || strcmp(s->currency, m->currency) != 0))
        return 0;
    long long lo, hi;
    chr_story_window(m, &lo, &hi);
    if (lo > s->hi || hi < s->lo) return 0;
    /* Only events have dates of their own (figures are dated as_of). */
    int vague_s = s->dated && vague(s->lo, s->hi), vague_m = m->dated && vague(lo, hi);
    if (s->dated != m->dated) return !vague_s && !vague_m;
    return !(vague_s && vague_m) || (lo == s->lo && hi == s->hi);
}

void chr_story_add(chr_story_state *s, const chr_story_mention *m)
{
    long long lo, hi;
    chr_story_window(m, &lo, &hi);
    if (m->dated && !s->dated) {
        /* The first dated mention sets the story's date; the undated ones
         * before it all overlap it, which is why it was accepted. */
        s->dated = 1;
        s->lo = lo;
        s->hi = hi;
    } else if (m->dated == s->dated) {
        if (lo > s->lo) s->lo = lo;
        if (hi < s->hi) s->hi = hi;
    }
    if (!s->has_money && m->has_money) {
        s->has_money = 1;
        s->money = m->money;
        memcpy(s->currency, m->currency, sizeof s->currency);
    }
    if (m->status > s->status) s->status = m->status;
    s->first_pub = day_min(s->first_pub, m->pub);
    s->last_pub = day_max(s->last_pub, m->pub);
    s->min_day = day_min(s->min_day, m->lo);
    s->max_day = day_max(s->max_day, m->hi);
}
