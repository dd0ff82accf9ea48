/*
 * testutil.h - what the unit tests share: cmocka, and building the text
 * layer of a string so that a test reads like the sentence it checks.
 */
#ifndef CHR_TESTUTIL_H
#define CHR_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "chronicle.h"
#include "text/text.h"
#include "util/arena.h"

/* The text layer of s, in arena a (asserts success). */
static inline chr_text tu_text(chr_arena *a, const char *s)
{
    chr_text t;
    assert_int_equal(chr_text_build(&t, a, s, strlen(s)), 0);
    return t;
}

/* The normalized text of token i as a NUL-terminated string in a. */
static inline const char *tu_tok(chr_arena *a, const chr_text *t, size_t i)
{
    return chr_arena_strndup(a, t->norm + t->toks[i].start,
                             t->toks[i].end - t->toks[i].start);
}

/* Day number of "YYYY-MM-DD". */
static inline chr_day tu_day(const char *s) { return chr_day_parse(s, strlen(s)); }

#endif
