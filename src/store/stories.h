/*
 * stories.h - when two records, from the same article or from two, tell of
 * the same real-world event or the same reported figure.
 *
 * This is the store's merging rule, kept apart from any database so that
 * every backend applies the same one and tests can pin it without a file.
 *
 * Events are one story when they have
 *   - the same type, mode, actor code and recipient code (for a symmetric
 *     event such as talks, either way round);
 *   - compatible dates: every mention has a window of days, and a story's
 *     windows must all overlap.  A dated mention's window is its date.  An
 *     undated mention is read as "recently", the three days before its
 *     article's publication day and that day itself; news reports what
 *     happened in the last days.  So two undated reports of the same strike
 *     published up to three days apart are one story, and an undated report
 *     joins a dated story whose date falls in its three days.  A mention with
 *     neither a date nor a publication day fits any window.  Because windows
 *     on a line that overlap pairwise share a common part, a story keeps just
 *     that common part (its core) and tests each new mention against it;
 *     the core of a story with a dated mention is drawn from dated mentions
 *     only, so the story's date is the most precise one reported.  A date
 *     known only to the month or the year (a window longer than two weeks)
 *     does not say which of its days an event was: an undated mention and
 *     such a vague one are never one story, nor are two vague ones unless
 *     they name the same span ("in 2022" and "in February 2022" tell of
 *     different things as often as of the same; docs/grouping.md);
 *   - compatible money: the same amount in the same currency, or either
 *     missing.
 * Figures are one story when they have the same metric, side, population and
 * value: a count repeated later is the same count, reported again.
 *
 * A new mention that fits several stories joins the one whose core is
 * nearest to its window, the newer one on a tie.
 */
#ifndef CHR_STORIES_H
#define CHR_STORIES_H

#include "chronicle.h"

/* A window end that is not there: far beyond any real day. */
#define CHR_STORY_FAR ((long long)1 << 40)

/* An undated mention is about the publication day and the days before it. */
#define CHR_STORY_RECENT_DAYS 3

/* A date spanning more days than this (a month, a year) is vague. */
#define CHR_STORY_VAGUE_DAYS 14

/* What merging needs to know of one mention. */
typedef struct chr_story_mention {
    int kind;               /* CHR_REC_EVENT or CHR_REC_FIGURE */
    int dated;              /* an event with its own date */
    chr_day lo, hi;         /* its date, as_of, or publication day (NONE: none) */
    chr_day pub;            /* its article's publication day, or NONE */
    int has_money;
    double money;
    char currency[4];
    int status;             /* chr_story_status_rank() of its status */
} chr_story_mention;

/* What a story keeps to decide whether the next mention joins it. */
typedef struct chr_story_state {
    int kind;
    int dated;              /* the core comes from dated mentions */
    long long lo, hi;       /* the core: the days all its mentions share */
    int has_money;
    double money;
    char currency[4];
    int status;
    chr_day first_pub, last_pub;    /* NONE when no mention has one */
    chr_day min_day, max_day;       /* the days its mentions are about; for
                                     * figures min_day is the first as_of */
} chr_story_state;

/* The merge key of a record: kind, type, mode, actor and recipient (ordered
 * when symmetric) for events; kind, metric, side, population and value for
 * figures.  Written NUL-terminated into out; returns its length, or 0 when
 * it did not fit. */
size_t chr_story_key(const chr_record *r, char *out, size_t cap);

/* The mention of record r from an article published on pub. */
void chr_story_mention_of(const chr_record *r, chr_day pub, chr_story_mention *m);

/* The window of days m may share with a story. */
void chr_story_window(const chr_story_mention *m, long long *lo, long long *hi);

/* A story made of m alone; m added to s (which must accept it). */
void chr_story_start(chr_story_state *s, const chr_story_mention *m);
int  chr_story_accepts(const chr_story_state *s, const chr_story_mention *m);
void chr_story_add(chr_story_state *s, const chr_story_mention *m);

/* How far along a status is, so that a story takes the furthest one:
 * planned < pledged < occurred < delivered; unknown statuses are occurred. */
int chr_story_status_rank(const char *status);
const char *chr_story_status_name(int rank);

#endif
