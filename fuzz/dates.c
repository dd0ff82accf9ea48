/*
 * dates.c - fuzz the dates analyzer: any bytes as a text, resolved against a
 * publication day, with the bundled anchor events loaded (so "since the
 * full-scale invasion" is a date).  The first input byte picks the day: none
 * (relative dates stay unresolved), the canonical 2022-03-03, or a day far
 * from it, so that arithmetic near the calendar's ends is reached too.
 */
#include "fuzz.h"

#include <limits.h>

#include "analyze/dates.h"

static chr_arena dates_arena;
static int dates_ready;

static void dates_init(void)
{
    chr_arena_init(&dates_arena, 64 * 1024);
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/anchors.txt", chr_data_dir());
    chr_error err;
    if (chr_anchors_load(path, &err) != CHR_OK) chr_error_print(&err, stderr, "fuzz");
    dates_ready = 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || size > FUZZ_MAX_LEN) return 0;
    if (!dates_ready) dates_init();
    static const int years[] = {2022, 1, 9999, 1970, 2000, 1600};
    chr_day pub;
    unsigned pick = data[0];
    if (pick % 7 == 6) pub = CHR_DAY_NONE;
    else pub = chr_day_from_ymd(years[pick % 7], 1 + (pick >> 4) % 12, 1 + (pick >> 3) % 28);
    if (pick % 7 == 0) pub = chr_day_from_ymd(2022, 3, 3);
    data++;
    size--;
    char *raw = fuzz_cstr(data, size);
    if (!raw) return 0;
    chr_text t;
    FUZZ_CHECK(chr_text_build(&t, &dates_arena, raw, size) == 0);
    chr_mentions ms = {NULL, 0, 0};
    FUZZ_CHECK(chr_dates_find(&t, pub, &dates_arena, &ms) == 0);
    fuzz_check_mentions(&t, &ms);
    for (size_t i = 0; i < ms.n; i++) {
        FUZZ_CHECK(ms.v[i].kind == CHR_M_DATE);
        if (pub == CHR_DAY_NONE && (ms.v[i].u.date.flags & CHR_DF_RELATIVE))
            FUZZ_CHECK(ms.v[i].u.date.start == CHR_DAY_NONE);
    }
    chr_arena_reset(&dates_arena);
    free(raw);
    return 0;
}
