#!/bin/sh
# Hostile input through the built tool: what scrapers really hand over.
# Each case says what must happen: either a clear error naming FILE:LINE,
# or normal output; and where a file holds several documents, a good one
# before and after the hostile one comes out unharmed.
#
# Big inputs are generated into a temporary directory.  The 100 MB line
# runs only when the tool is not a sanitizer build (or when
# CHRONICLE_HOSTILE_BIG=1; CHRONICLE_HOSTILE_BIG=0 skips it), so that the
# suite stays within about a minute under AddressSanitizer too.  Commands
# that must finish in linear time run under a time limit (LIMIT seconds):
# a limit reached is a failure, not a hang.
. "$(dirname "$0")/lib.sh"

LIMIT=${CHRONICLE_HOSTILE_LIMIT:-40}
if grep -q -a __asan_init "$CHRONICLE" 2>/dev/null; then sanitized=1; else sanitized=0; fi
big=${CHRONICLE_HOSTILE_BIG:-$((1 - sanitized))}

# run with a time limit; rc 124 when it was reached
run_limited() {
    timeout "$LIMIT" "$CHRONICLE" "$@" >"$TMP/out" 2>"$TMP/err"
    r=$?
    [ $r = 124 ] && echo "no result within $LIMIT s: super-linear time?" >>"$TMP/err"
    echo $r >"$TMP/rc"
}

good() {
    printf '{"id":"%s","date":"2022-03-03","text":"Ukraine said Russian forces shelled Kharkiv on Wednesday, killing 12 civilians."}\n' "$1"
}

# The good documents g1 and g2 both came out of the last run.
neighbours_ok() { out_has '"doc_id":"g1"' && out_has '"doc_id":"g2"'; }

# Every output line is JSON without NaN or Infinity, and every date in it is
# a real day written YYYY-MM-DD.
json_ok() {
    python3 - "$TMP/out" <<'PY'
import json, re, sys
def bad_constant(c):
    raise ValueError("not JSON: " + c)
day = re.compile(r'^(\d{4})-(\d{2})-(\d{2})$')
def real_day(s):
    m = day.match(s)
    if not m:
        return False
    y, mo, d = (int(x) for x in m.groups())
    leap = y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    dim = [31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return 1 <= mo <= 12 and 1 <= d <= dim[mo - 1]
def walk(v, key=""):
    if isinstance(v, dict):
        for k, x in v.items():
            walk(x, k)
    elif isinstance(v, list):
        for x in v:
            walk(x, key)
    elif isinstance(v, str) and key in ("start", "end", "since", "as_of"):
        assert real_day(v), (key, v)
for line in open(sys.argv[1], encoding="utf-8"):
    walk(json.loads(line, parse_constant=bad_constant))
PY
} 2>>"$TMP/err"

# The error names the file and a line: "chronicle: FILE:LINE: ...".
err_names() { grep -q "^chronicle: $1:$2: " "$TMP/err"; }

# ---- invalid and overlong UTF-8 ----------------------------------------------
# Expect: every invalid, overlong or surrogate sequence becomes U+FFFD, the
# document is processed, the output is valid UTF-8 JSON.
printf 'date 2022-03-03 Bad \377 byte, overlong \300\257 slash, surrogate \355\240\200, cut \342\202 short. Kyiv survives.\n' >"$TMP/u8.txt"
run extract "$TMP/u8.txt"
[ "$(rc)" = 0 ] && json_ok; verdict invalid_and_overlong_utf8_text_is_processed
run sentences "$TMP/u8.txt"
[ "$(rc)" = 0 ] && json_ok && out_has 'Kyiv survives' &&
    [ "$(grep -o '�' "$TMP/out" | wc -l)" -ge 4 ]; verdict invalid_utf8_sequences_become_replacement_characters

# Raw invalid bytes inside a JSON line: jansson rejects the line.  Expect:
# read with U+FFFD, or an error naming line 2; the neighbours either way.
{
    good g1
    printf '{"id":"raw","date":"2022-03-03","text":"overlong \300\257 and \377 here."}\n'
    good g2
} >"$TMP/raw.jsonl"
run sentences "$TMP/raw.jsonl"
{ [ "$(rc)" = 0 ] && out_has '"doc_id":"raw"' || { [ "$(rc)" = 1 ] && err_names "$TMP/raw.jsonl" 2; }; } &&
    neighbours_ok && json_ok; verdict invalid_utf8_in_json_line_is_reported_or_repaired

# ---- UTF-16 with a byte order mark -----------------------------------------------
# Expect: a UTF-16 file (BOM FF FE) is read as UTF-16 (its words come out),
# or refused with FILE:1: and a message that says UTF-16; never read as
# bytes, which would make every other character a NUL.
printf '\377\376' >"$TMP/u16.txt"
printf 'date 2022-03-03 Ukraine said Russian forces shelled Kharkiv.\n' |
    iconv -f UTF-8 -t UTF-16LE >>"$TMP/u16.txt"
run sentences "$TMP/u16.txt"
{ [ "$(rc)" = 0 ] && out_has 'Ukraine said Russian forces shelled Kharkiv'; } ||
    { [ "$(rc)" = 1 ] && err_names "$TMP/u16.txt" 1 && err_has 'UTF-16'; }
verdict utf16_with_bom_is_decoded_or_refused

# A UTF-8 byte order mark (as Windows tools write) is not text.
{ printf '\357\273\277'; good g1; good g2; } >"$TMP/bom.jsonl"
run sentences "$TMP/bom.jsonl"
[ "$(rc)" = 0 ] && neighbours_ok; verdict utf8_bom_before_json_lines_is_skipped

# ---- NUL bytes ---------------------------------------------------------------------
# Expect: a NUL inside the text (escaped in JSON, raw in dated text) is
# replaced and the document processed; a raw NUL that breaks a JSON line
# is an error naming that line.
{
    good g1
    printf '{"id":"nul","date":"2022-03-03","text":"Before \\u0000 after. Kyiv said 3 died."}\n'
    good g2
} >"$TMP/nul.jsonl"
run extract "$TMP/nul.jsonl"
[ "$(rc)" = 0 ] && neighbours_ok && json_ok; verdict escaped_nul_in_json_text_is_processed
run sentences "$TMP/nul.jsonl"
[ "$(rc)" = 0 ] && out_has '"doc_id":"nul"' && ! grep -q '\\u0000' "$TMP/out"
verdict escaped_nul_never_reaches_the_output
{
    good g1
    printf '{"id":"rawnul","date":"2022-03-03","text":"Raw \000 NUL"}\n'
    good g2
} >"$TMP/rawnul.jsonl"
run sentences "$TMP/rawnul.jsonl"
{ [ "$(rc)" = 0 ] || { [ "$(rc)" = 1 ] && err_names "$TMP/rawnul.jsonl" 2; }; } &&
    neighbours_ok && json_ok; verdict raw_nul_in_json_line_is_reported_with_its_line
printf 'date 2022-03-03 Raw \000 NUL\000 bytes. Kyiv said 3 died.\n' >"$TMP/nul.txt"
run extract "$TMP/nul.txt"
[ "$(rc)" = 0 ] && json_ok; verdict raw_nul_in_dated_text_is_processed

# ---- a 100 MB line ---------------------------------------------------------------------
# Expect: one 100 MB document between two good ones; all three read and
# split into sentences (3,000,000 of them for the big one).
if [ "$big" = 1 ]; then
    {
        good g1
        python3 -c "
import json, sys
sys.stdout.write(json.dumps({'id': 'huge', 'date': '2022-03-03',
                             'text': 'Kyiv said 20 people were killed. ' * 3000000}) + '\n')"
        good g2
    } >"$TMP/huge.jsonl"
    run_limited sentences "$TMP/huge.jsonl"
    [ "$(rc)" = 0 ] && neighbours_ok && [ "$(grep -c '"doc_id":"huge"' "$TMP/out")" = 3000000 ]
    verdict hundred_megabyte_line_is_read
    rm -f "$TMP/huge.jsonl"
else
    skip hundred_megabyte_line_is_read "sanitizer build (CHRONICLE_HOSTILE_BIG=1 runs it)"
fi

# ---- a million tiny documents -----------------------------------------------------------
# Expect: every one of 10^6 one-sentence documents comes out, in order.
python3 -c "
import sys
w = sys.stdout.write
for i in range(1000000):
    w('{\"id\":\"t%d\",\"date\":\"2022-03-03\",\"text\":\"Kyiv.\"}\n' % i)" >"$TMP/tiny.jsonl"
run_limited sentences "$TMP/tiny.jsonl"
[ "$(rc)" = 0 ] && [ "$(lines)" = 1000000 ] && sed -n '1p;$p' "$TMP/out" | tr '\n' ' ' |
    grep -q '"doc_id":"t0".*"doc_id":"t999999"'; verdict million_tiny_documents_all_come_out
rm -f "$TMP/tiny.jsonl"

# ---- numbers of 400 digits ------------------------------------------------------------
# Expect: a number too large for a double is not a count (analyze.h), and
# nothing prints as inf or nan; the numbers around it are found.
d400=$(python3 -c "print('9' * 400)")
{
    good g1
    printf '{"id":"n400","date":"2022-03-03","text":"Officials said %s people fled, and 300 were killed. The fund holds $%s and %s.5 tonnes."}\n' "$d400" "$d400" "$d400"
    good g2
} >"$TMP/n400.jsonl"
run analyze --kinds number,money "$TMP/n400.jsonl"
[ "$(rc)" = 0 ] && neighbours_ok && json_ok && out_has '"text":"300"' && ! out_has '9999999999'
verdict four_hundred_digit_number_is_not_a_count
run extract "$TMP/n400.jsonl"
[ "$(rc)" = 0 ] && json_ok; verdict four_hundred_digit_number_through_the_pipeline

# ---- February 30, year 0, year 99999 ------------------------------------------------
# Expect: an impossible day in the text yields no date (dates.h); as a
# publication date it is a warning naming FILE:LINE and relative dates stay
# unresolved.  Years 0 and 99999 in the text or as publication dates, and
# days counted past 9999-12-31 or before 0000-01-01, never produce a date
# that is not a real day written YYYY-MM-DD.
{
    good g1
    printf '{"id":"feb30","date":"2022-03-03","text":"On February 30 Russia said it fired. On March 1 it stopped."}\n'
    printf '{"id":"pub30","date":"2022-02-30","text":"On Monday Russia shelled Kharkiv."}\n'
    printf '{"id":"y0","date":"0000-01-01","text":"On January 1, 0 and in the year 0 Russia shelled Kharkiv on Monday. On 0000-01-01 too."}\n'
    printf '{"id":"y5","date":"99999-12-31","text":"On January 5, 99999 and on 99999-01-01 and in 99999 Russia shelled Kharkiv on Monday."}\n'
    printf '{"id":"y9","date":"9999-12-31","text":"Russia will shell Kharkiv next Monday and on January 5, 10000."}\n'
    good g2
} >"$TMP/dates.jsonl"
run analyze --kinds date "$TMP/dates.jsonl"
[ "$(rc)" = 0 ] && neighbours_ok && json_ok; verdict impossible_and_extreme_dates_analyze
! grep -q '"text":"February 30' "$TMP/out" && grep -q '"doc_id":"feb30".*"text":"March 1"' "$TMP/out"
verdict february_30_is_no_date
err_names "$TMP/dates.jsonl" 3 && grep '"doc_id":"pub30"' "$TMP/out" | grep -q unresolved
verdict february_30_publication_date_is_a_warning
err_names "$TMP/dates.jsonl" 5 && ! grep -q '"99999' "$TMP/out"; verdict year_99999_publication_date_is_a_warning
run extract "$TMP/dates.jsonl"
[ "$(rc)" = 0 ] && neighbours_ok && json_ok; verdict extreme_dates_through_the_pipeline

# ---- deeply nested JSON, duplicate keys ------------------------------------------------
# Expect: nesting deeper than the parser allows is an error naming line 2;
# the neighbours are read.
{
    good g1
    python3 -c "print('{\"id\":\"deep\",\"text\":\"x\",\"extra\":' + '[' * 100000 + ']' * 100000 + '}')"
    good g2
} >"$TMP/deep.jsonl"
run sentences "$TMP/deep.jsonl"
[ "$(rc)" = 1 ] && err_names "$TMP/deep.jsonl" 2 && neighbours_ok; verdict deeply_nested_json_is_an_error_with_its_line

# Expect: a line with a key twice is one document (one of the values), or
# an error naming line 2; the neighbours are read.
{
    good g1
    printf '{"id":"dupa","id":"dupb","date":"2022-03-03","text":"First. Second.","text":"Only. Once."}\n'
    good g2
} >"$TMP/dup.jsonl"
run sentences "$TMP/dup.jsonl"
{ { [ "$(rc)" = 0 ] && [ "$(grep -c '"doc_id":"dup[ab]"' "$TMP/out")" = 2 ]; } ||
    { [ "$(rc)" = 1 ] && err_names "$TMP/dup.jsonl" 2; }; } && neighbours_ok
verdict duplicate_keys_are_one_document_or_an_error

# ---- CSV with 100,000 columns ------------------------------------------------------------
# Expect: the wanted columns are found at the end of a 10^5-column header
# and every row is a document.
python3 -c "
import sys
n = 99997
sys.stdout.write(','.join(['c%d' % i for i in range(n)] + ['id', 'date', 'text']) + '\n')
for rid, text in (('g1', 'Kyiv said 20 people were killed.'), ('wide', 'Russia said so.'),
                  ('g2', 'Ukraine said 3 died.')):
    sys.stdout.write(','.join(['v'] * n + [rid, '2022-03-03', '\"' + text + '\"']) + '\n')
" >"$TMP/wide.csv"
run_limited sentences "$TMP/wide.csv"
[ "$(rc)" = 0 ] && neighbours_ok && out_has '"doc_id":"wide"'; verdict csv_with_100000_columns_is_read

# ---- a dictionary with a 1 MB line ---------------------------------------------------------
# Expect: dict check refuses the file, naming it and line 2, exit 1.
{
    echo '# a user dictionary'
    python3 -c "print('Testland | ' + 'x' * 1048576 + ' ; code=TST')"
} >"$TMP/dict.txt"
run dict check "$TMP/dict.txt"
[ "$(rc)" = 1 ] && err_names "$TMP/dict.txt" 2; verdict dictionary_with_a_megabyte_line_is_refused_with_its_line

# ---- one sentence of a million tokens -----------------------------------------------------
# Expect: the whole pipeline finishes (in linear time: within the limit) and
# writes valid records; the text is one sentence.  A sanitizer build runs
# ten times slower, so it gets a tenth of the tokens (linearity itself is
# counted in tests/unit/test_linear.c).
reps=166667
[ "$sanitized" = 1 ] && reps=16667
{
    good g1
    python3 -c "
import json
print(json.dumps({'id': 'long', 'date': '2022-03-03',
                  'text': 'Russian forces shelled the city and ' * $reps + 'left.'}))"
    good g2
} >"$TMP/long.jsonl"
run_limited sentences "$TMP/long.jsonl"
[ "$(rc)" = 0 ] && [ "$(grep -c '"doc_id":"long"' "$TMP/out")" = 1 ] && neighbours_ok
verdict million_token_sentence_is_one_sentence
run_limited extract "$TMP/long.jsonl"
[ "$(rc)" = 0 ] && neighbours_ok && json_ok
verdict million_token_sentence_through_the_pipeline_in_time

# Case: the same with event nouns, their phrases and relative clauses ("a
# Russian strike on the city and talks with Kyiv, which ..."), whose
# arguments are looked for around each noun.
# Expect: as above.
{
    good g1
    python3 -c "
import json
print(json.dumps({'id': 'long', 'date': '2022-03-03',
                  'text': 'a Russian strike on the city and talks with Kyiv, which began, and ' * ($reps // 2) + 'more.'}))"
    good g2
} >"$TMP/long.jsonl"
run_limited extract "$TMP/long.jsonl"
[ "$(rc)" = 0 ] && neighbours_ok && json_ok
verdict million_token_noun_sentence_through_the_pipeline_in_time
