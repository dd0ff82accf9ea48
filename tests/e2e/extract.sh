#!/bin/sh
# Extraction as users run it: every case of extract_cases.py (a short dated
# news text and the records the contract asks for) goes through one
# `chronicle extract` run as a JSON Lines document named for the case; the
# records come back to the table to be judged, one verdict line per case.
# The same documents then go through --format csv and --format cameo, which
# must say what the JSON records say.
#
# To look at one case:
#   python3 tests/e2e/extract_cases.py text CASE | chronicle explain
. "$(dirname "$0")/lib.sh"
CASES="$(dirname "$0")/extract_cases.py"

# the tree's own data, not an installed copy
set --
[ -d data/patterns ] && set -- --data data

if ! command -v python3 >/dev/null 2>&1; then
    skip extract_cases "python3 not found"
    exit 0
fi

# py STEP ARGS: run a step of the table; a crash is a failure of its own
py() {
    step=$1
    shift
    python3 "$CASES" "$@" 2>"$TMP/pyerr" || notok "extract_cases_$step" "$(tail -n 5 "$TMP/pyerr")"
}

py selftest selftest

python3 "$CASES" docs >"$TMP/docs.jsonl" 2>"$TMP/err"; verdict extract_cases_write_their_documents

run extract "$@" "$TMP/docs.jsonl"
[ "$(rc)" = 0 ] && [ ! -s "$TMP/err" ]; verdict extract_reads_every_case_cleanly
cp "$TMP/out" "$TMP/records.jsonl"
py check check "$TMP/records.jsonl"

# explain parses every sentence; its records must be extract's, line for line
run explain "$@" "$TMP/docs.jsonl"
grep '^{"doc_id"' "$TMP/out" >"$TMP/explained.jsonl"
cmp -s "$TMP/explained.jsonl" "$TMP/records.jsonl"; verdict explain_makes_the_records_extract_makes

run extract "$@" --format csv "$TMP/docs.jsonl"
cp "$TMP/out" "$TMP/records.csv"
run extract "$@" --format cameo "$TMP/docs.jsonl"
cp "$TMP/out" "$TMP/records.tsv"
run sentences "$TMP/docs.jsonl"
cp "$TMP/out" "$TMP/sentences.jsonl"
py formats formats "$TMP/docs.jsonl" "$TMP/records.jsonl" "$TMP/records.csv" \
    "$TMP/records.tsv" "$TMP/sentences.jsonl"
exit 0
