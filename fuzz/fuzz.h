/*
 * fuzz.h - what the fuzz targets share: copying the fuzzer's bytes the way
 * the library receives them, and the invariants every target checks on what
 * the library hands back.
 *
 * Each fuzz/<target>.c defines LLVMFuzzerTestOneInput for one entry point
 * of the library (a reader, the text layer, an analyzer, a data loader, the
 * whole pipeline).  A crash is a sanitizer report or a broken invariant
 * below; its input is kept in fuzz/regressions/<target>/ and replayed by
 * tests/unit/test_fuzz_regressions.c, which includes every target into one
 * program with the entry points renamed (so every name here and in the
 * targets is unique to its file, and helpers are static inline).
 *
 * FUZZ_FAIL(msg) reports a broken invariant: abort() under the fuzzer (a
 * crash it saves), a cmocka failure when the regression test defines it.
 */
#ifndef CHR_FUZZ_H
#define CHR_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chronicle.h"
#include "analyze/analyze.h"
#include "text/text.h"
#include "util/arena.h"

#ifndef FUZZ_FAIL
#define FUZZ_FAIL(msg)                                                             \
    do {                                                                           \
        fprintf(stderr, "fuzz: %s:%d: invariant broken: %s\n", __FILE__, __LINE__, \
                (msg));                                                            \
        abort();                                                                   \
    } while (0)
#endif

#define FUZZ_CHECK(cond) \
    do {                 \
        if (!(cond)) FUZZ_FAIL(#cond); \
    } while (0)

/* FUZZ_KNOWN(cond): an invariant that a known, still open defect breaks on
 * common input.  The fuzzer does not check it (it would find that one
 * defect in most inputs and look for nothing else); the regression replay
 * does, through the input kept for the defect, until it is fixed. */
#ifndef FUZZ_KNOWN
#define FUZZ_KNOWN(cond) ((void)0)
#endif

/* Inputs longer than this are skipped: the fuzzer looks for wrong code, not
 * slow code, and long inputs only slow it down (tests/e2e/hostile.sh and
 * tests/unit/test_linear.c cover size). */
#define FUZZ_MAX_LEN (64 * 1024)

/* A NUL-terminated heap copy of data[0..n): documents and dictionary text
 * reach the library that way (chr_text_build reads raw[len]). */
static inline char *fuzz_cstr(const uint8_t *data, size_t n)
{
    char *s = malloc(n + 1);
    if (!s) return NULL;
    if (n) memcpy(s, data, n);
    s[n] = '\0';
    return s;
}

/* Whether needle occurs in data[0..n). */
static inline int fuzz_has(const uint8_t *data, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    if (k == 0 || k > n) return 0;
    for (size_t i = 0; i + k <= n; i++)
        if (data[i] == (uint8_t)needle[0] && memcmp(data + i, needle, k) == 0) return 1;
    return 0;
}

/* The text layer's promises (text.h): the document text is valid UTF-8
 * without NUL bytes; tokens lie inside the normalized text, in order and
 * without overlap; sentences are runs of tokens in order; the map takes
 * every normalized offset to a document offset, never backwards. */
static inline void fuzz_check_text(const chr_text *t)
{
    FUZZ_CHECK(t->src != NULL && t->norm != NULL);
    FUZZ_CHECK(t->src[t->src_len] == '\0');
    FUZZ_CHECK(t->norm[t->norm_len] == '\0');
    for (size_t i = 0; i < t->src_len;) {
        int adv = 0;
        int32_t cp = chr_utf8_decode(t->src + i, t->src_len - i, &adv);
        FUZZ_CHECK(cp > 0);
        FUZZ_CHECK(adv >= 1 && (size_t)adv <= t->src_len - i);
        i += (size_t)adv;
    }
    if (t->map) {
        for (size_t i = 0; i <= t->norm_len; i++) {
            FUZZ_CHECK(t->map[i] <= t->src_len);
            if (i) FUZZ_CHECK(t->map[i] >= t->map[i - 1]);
        }
        FUZZ_CHECK(t->map[t->norm_len] == t->src_len);
    } else {
        FUZZ_CHECK(t->norm_len == t->src_len);
    }
    uint32_t prev_end = 0;
    for (size_t i = 0; i < t->ntoks; i++) {
        const chr_token *k = &t->toks[i];
        FUZZ_CHECK(k->start < k->end);
        FUZZ_CHECK(k->end <= t->norm_len);
        FUZZ_CHECK(k->start >= prev_end);
        FUZZ_CHECK(k->type >= CHR_TOK_WORD && k->type <= CHR_TOK_SYM);
        FUZZ_CHECK(k->sent < t->nsents);
        prev_end = k->end;
    }
    uint32_t next_tok = 0;
    for (size_t s = 0; s < t->nsents; s++) {
        const chr_sentence *se = &t->sents[s];
        FUZZ_CHECK(se->tok_begin < se->tok_end);
        FUZZ_CHECK(se->tok_begin == next_tok);
        FUZZ_CHECK(se->tok_end <= t->ntoks);
        FUZZ_CHECK(se->start <= se->end && se->end <= t->norm_len);
        FUZZ_CHECK(se->start <= t->toks[se->tok_begin].start);
        FUZZ_CHECK(se->end >= t->toks[se->tok_end - 1].end);
        for (uint32_t k = se->tok_begin; k < se->tok_end; k++)
            FUZZ_CHECK(t->toks[k].sent == s);
        next_tok = se->tok_end;
    }
    FUZZ_CHECK(next_tok == t->ntoks);
}

/* A resolved day is one that YYYY-MM-DD can write: formatting it and
 * parsing the result gives it back (0000-01-01 to 9999-12-31). */
static inline int fuzz_day_writable(chr_day day)
{
    char s[11];
    chr_day_format(day, s);
    return chr_day_parse(s, 10) == day;
}

/* Mentions lie inside the text and cover the tokens they name. */
static inline void fuzz_check_mentions(const chr_text *t, const chr_mentions *ms)
{
    for (size_t i = 0; i < ms->n; i++) {
        const chr_mention *m = &ms->v[i];
        FUZZ_CHECK(m->kind >= CHR_M_NUMBER && m->kind <= CHR_M_SOURCE);
        FUZZ_CHECK(m->start < m->end && m->end <= t->norm_len);
        FUZZ_CHECK(m->tok_begin < m->tok_end && m->tok_end <= t->ntoks);
        /* "1,0" is one token, read as the numbers 1 and 0 whose spans are
         * parts of it: a mention inside one number token may be narrower */
        const chr_token *k0 = &t->toks[m->tok_begin], *k1 = &t->toks[m->tok_end - 1];
        if (m->tok_end - m->tok_begin == 1 && k0->type == CHR_TOK_NUM && m->start >= k0->start &&
            m->end <= k0->end) {
            FUZZ_KNOWN(k0->start >= m->start && k0->end <= m->end);
        } else {
            FUZZ_CHECK(k0->start >= m->start);
            FUZZ_CHECK(k1->end <= m->end);
        }
        if (m->kind == CHR_M_DATE) {
            const chr_daterange *d = &m->u.date;
            /* "since 2014" without a publication day: the start is known,
             * the end (that day) is not; otherwise both or neither */
            if (d->flags & CHR_DF_SINCE)
                FUZZ_CHECK(d->start != CHR_DAY_NONE || d->end == CHR_DAY_NONE);
            else
                FUZZ_CHECK((d->start == CHR_DAY_NONE) == (d->end == CHR_DAY_NONE));
            /* "since July 2022" in an article of March 2022 (or anchored on
             * an event after the publication day) runs backwards */
            /* "in 3 years" in an article of 9999, "7 years ago" in one of
             * year 1: days outside 0000-01-01..9999-12-31 are resolved */
            if (d->start != CHR_DAY_NONE) FUZZ_KNOWN(fuzz_day_writable(d->start));
            if (d->end != CHR_DAY_NONE) FUZZ_KNOWN(fuzz_day_writable(d->end));
            if (d->start != CHR_DAY_NONE && d->end != CHR_DAY_NONE) {
                if (d->flags & CHR_DF_SINCE) FUZZ_KNOWN(d->start <= d->end);
                else FUZZ_CHECK(d->start <= d->end);
            }
            FUZZ_CHECK(d->gran <= CHR_GRAN_DECADE);
        }
        if (m->kind == CHR_M_NUMBER || m->kind == CHR_M_MONEY) {
            const chr_count *c = m->kind == CHR_M_NUMBER ? &m->u.num : &m->u.money.amount;
            FUZZ_CHECK(c->value == c->value);   /* not NaN */
            FUZZ_CHECK(c->qual <= CHR_QUAL_RANGE);
        }
    }
}

#endif
