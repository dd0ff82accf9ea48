/*
 * conformance.h - the runner that measures the analyzers against public
 * recognizer spec cases (Microsoft Recognizers-Text's English specs, found in
 * ../shared/peers when present).
 *
 * Each spec file is a JSON array of cases {"Input", "Results", ...}.  The
 * runner (main.c) walks a table of {file, category, checker}; a checker looks
 * at one case and says whether Chronicle's analyzers reproduce it.
 */
#ifndef CHR_CONFORMANCE_H
#define CHR_CONFORMANCE_H

#include <jansson.h>

#include "util/buf.h"

enum {
    CONF_PASS = 1,
    CONF_FAIL = 0,
    CONF_SKIP = -1      /* out of scope for news (explain why in *why) */
};

/* Check one case; on CONF_FAIL or CONF_SKIP append a one-line reason to why. */
typedef int (*conf_checker)(json_t *kase, chr_buf *why);

/* Numbers and currency (numbers.c in this folder). */
int conf_check_number(json_t *kase, chr_buf *why);
int conf_check_number_range(json_t *kase, chr_buf *why);
int conf_check_ordinal(json_t *kase, chr_buf *why);
int conf_check_currency(json_t *kase, chr_buf *why);
/* Percentages are not counts: passes when no count is reported inside one. */
int conf_check_percent(json_t *kase, chr_buf *why);

/* Dates (dates.c in this folder): extractor files check spans only, parser
 * and model files check the resolution too. */
int conf_check_date_extract(json_t *kase, chr_buf *why);
int conf_check_date_parse(json_t *kase, chr_buf *why);
int conf_check_date_model(json_t *kase, chr_buf *why);

#endif
