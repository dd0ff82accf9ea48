/*
 * dates.h - the dates analyzer's own interface: anchor events and the
 * conventions chr_dates_find() (analyze.h) follows.
 *
 * chr_dates_find() reads a document's tokens and appends CHR_M_DATE mentions
 * resolved against the publication day.  Most of what it knows is the
 * closed class of English calendar words (months, weekdays, ordinals), kept
 * in dates.c.  What users extend is the list of anchor events: well-known
 * events that news counts from ("since the full-scale invasion", "since the
 * annexation of Crimea").  They live in a data file (data/anchors.txt, its
 * syntax documented at its top) that the caller loads once with
 * chr_anchors_load(); without it, anchor phrases are simply not dates.
 *
 * Conventions (where English is vague, Chronicle picks one reading):
 *   - a weekday alone is the most recent one, the publication day included;
 *     in a future-tense clause (will, is scheduled to, plans to ...) it is the
 *     next one, the publication day included.  "last/this/next Friday" name
 *     the Friday of the previous/current/next Monday-to-Sunday week.
 *   - a month, month-day, season or quarter without a year is the
 *     occurrence closest to the publication day, a future one counting three
 *     times its distance unless the clause is future.  "since" always looks
 *     back.  "last March" is March of the previous year, "next March" of the
 *     next one.
 *   - early/mid/late divide a month into days 1-10, 11-20, 21-end; a year
 *     into January-April, May-August, September-December; a week into
 *     Monday-Wednesday, Tuesday-Thursday, Thursday-Sunday; a decade into
 *     years 0-3, 4-6, 7-9.  "earlier this week/month/year" runs from the
 *     period's first day to the day before publication, "later this ..."
 *     from the publication day to the period's end.
 *   - "the past week" (two weeks, month, year ...) is the stretch that ends
 *     the day before publication; "the next three days" starts the day after.
 *     Quarters are whole: "the past two quarters" are the two before the
 *     current one.
 *   - "in two weeks" is a date (publication + 14 days) unless the clause is
 *     past ("killed 100 in two weeks") or "of" follows ("in two years of
 *     war"): then it is a duration and not reported.
 *   - "the day before" / "the day after" standing alone count from the
 *     publication day; "the next day" and "two days later" count from a day
 *     the text told and are not reported.
 *   - seasons are the northern meteorological ones: spring March-May, summer
 *     June-August, autumn/fall September-November, winter December to
 *     February (winter 2022 starts in December 2022).  A season's
 *     granularity is CHR_GRAN_QUARTER (three months).
 *   - "overnight" is the night before publication: start the day before,
 *     end the publication day.
 *   - an impossible date ("February 30") yields no mention at all.
 *   - "N days/weeks/months ago" is one day (start = end) whose granularity
 *     is the unit: "three weeks ago" is precise only to the week.
 *   - numeric dates are month/day/year unless the first number cannot be a
 *     month (21/04/2016); year-first ones (2022-03-03) are year/month/day;
 *     numeric dates without a year (4/22) are not dates (fractions, scores).
 */
#ifndef CHR_DATES_H
#define CHR_DATES_H

#include <stddef.h>

#include "chronicle.h"
#include "../text/text.h"

/* Load anchor events from a file (syntax: see data/anchors.txt) and make
 * them the set chr_dates_find() uses, replacing any earlier set.  On a
 * malformed line nothing is installed and err says FILE:LINE.  Call it
 * before analyzing threads start (installing is atomic, but a set replaced
 * while in use is only freed by chr_anchors_unload()). */
int chr_anchors_load(const char *path, chr_error *err);
/* The same from text in memory; name is used in error messages. */
int chr_anchors_load_text(const char *text, size_t len, const char *name,
                          chr_error *err);
/* Drop every loaded set (when no analysis is running). */
void chr_anchors_unload(void);
/* Number of phrases in the installed set (0 when none). */
size_t chr_anchors_count(void);

/* For the analyzer: the longest anchor phrase starting at token i of t and
 * ending before token end; returns the number of tokens it covers (0 when
 * none) and stores the anchor's day in *day. */
size_t chr_anchors_match(const chr_text *t, size_t i, size_t end, chr_day *day);

#endif
