#!/bin/sh
# The tool as users run it: commands, options, exit statuses and bad input.
. "$(dirname "$0")/lib.sh"

run --version
[ "$(rc)" = 0 ] && out_has "^chronicle [0-9]"; verdict version_prints_the_version

run --help
[ "$(rc)" = 0 ] && out_has extract && out_has sentences; verdict help_lists_the_commands

for c in extract sentences analyze; do
    run "$c" --help
    [ "$(rc)" = 0 ] && out_has "usage: chronicle $c"; verdict "help_of_$c"
done

run frobnicate
[ "$(rc)" = 2 ]; verdict unknown_command_is_a_usage_error
run extract --no-such-option
[ "$(rc)" = 2 ]; verdict unknown_option_is_a_usage_error
run extract --format yaml examples/kyiv-aid-2023-05-12.txt
[ "$(rc)" = 2 ]; verdict unknown_output_format_is_a_usage_error
run analyze --date 2022-02-30 examples/kyiv-aid-2023-05-12.txt
[ "$(rc)" = 2 ] && err_has "YYYY-MM-DD"; verdict impossible_date_option_is_a_usage_error

# ---- sentences ------------------------------------------------------------
cat >"$TMP/a.txt" <<'TXT'
date 2022-03-03 The U.S. sent 1,500 rifles to Kyiv on Feb. 27. Mr. Smith said so.

A heading without a full stop

The end.
TXT
run sentences "$TMP/a.txt"
[ "$(rc)" = 0 ] && [ "$(lines)" = 4 ]; verdict sentences_of_dated_text
out_has '"doc_id":"a","n":0,"span":\[0,'; verdict sentences_carry_doc_id_and_span
out_has '"text":"The U.S. sent 1,500 rifles to Kyiv on Feb. 27."'; verdict sentence_text_keeps_abbreviations
out_has '"text":"A heading without a full stop"'; verdict heading_is_its_own_sentence

# spans are byte offsets into the document text: cut them out and compare
python3 - "$TMP/out" "$TMP/a.txt" <<'PY'; verdict spans_point_into_the_text
import json, sys
raw = open(sys.argv[2], 'rb').read()
text = raw[len(b"date 2022-03-03 "):]
n = 0
for line in open(sys.argv[1], encoding='utf-8'):
    r = json.loads(line)
    s, e = r["span"]
    assert text[s:e].decode('utf-8') == r["text"], (text[s:e], r["text"])
    n += 1
assert n == 4, n
PY

if [ -f "$SHARED/examples/seed-2022-03-03.txt" ]; then
    run sentences "$SHARED/examples/seed-2022-03-03.txt"
    [ "$(rc)" = 0 ] && [ "$(lines)" = 18 ]; verdict seed_has_18_sentences
    out_has '"text":"Blinken schedules visit to the region"'; verdict seed_heading_is_a_sentence
    out_has '"text":"(File Image: AP)"'; verdict seed_closing_credit_is_a_sentence
else
    skip seed_has_18_sentences "$SHARED/examples not found"
fi

# ---- standard input ----------------------------------------------------------
printf 'date 2022-03-03 One sentence. Two sentences.' | "$CHRONICLE" sentences >"$TMP/out" 2>"$TMP/err"
[ "$(lines)" = 2 ]; verdict stdin_dated_text
printf '{"id":"x1","date":"2022-03-03","text":"Hello there. Bye."}\n' | "$CHRONICLE" sentences - >"$TMP/out" 2>"$TMP/err"
out_has '"doc_id":"x1","n":1'; verdict stdin_jsonl

# ---- bad input: reported with file and line, the rest processed -----------------
{
    printf '{"id":"d1","date":"2022-03-03","text":"First good one."}\n'
    printf '{"id":"d2","date":"2022-03-03","text":"truncated\n'
    printf '{"id":"d3","date":"2022-03-03","text":"Second good one."}\n'
} >"$TMP/bad.jsonl"
run sentences "$TMP/bad.jsonl"
[ "$(rc)" = 1 ]; verdict truncated_json_line_exits_1
err_has "^chronicle: $TMP/bad.jsonl:2: "; verdict truncated_json_line_names_file_and_line
out_has '"doc_id":"d1"' && out_has '"doc_id":"d3"'; verdict documents_around_bad_line_survive

printf 'id,date,text\nc1,2022-03-03,"unterminated\n' >"$TMP/bad.csv"
run sentences "$TMP/bad.csv"
[ "$(rc)" = 1 ] && err_has "bad.csv:2:"; verdict unterminated_csv_quote_is_reported

: >"$TMP/empty.jsonl"
run sentences "$TMP/empty.jsonl"
[ "$(rc)" = 0 ] && [ "$(lines)" = 0 ]; verdict empty_file_is_no_documents

printf 'No date header here. Just text.\n' >"$TMP/nodate.txt"
run analyze "$TMP/nodate.txt"
[ "$(rc)" = 0 ] && err_has "no date"; verdict file_without_date_is_processed_with_a_warning

printf 'date 2022-03-03 Bad \377\376 bytes here. And a \000 NUL.\n' >"$TMP/utf8.txt"
run sentences "$TMP/utf8.txt"
[ "$(rc)" = 0 ] && python3 -c "
import json,sys
for l in open('$TMP/out',encoding='utf-8'): json.loads(l)
" && out_has "Bad"; verdict invalid_utf8_is_replaced

printf 'date 2022-03-03 Line one.\r\nLine two.\r\n' >"$TMP/crlf.txt"
run sentences "$TMP/crlf.txt"
[ "$(rc)" = 0 ] && [ "$(lines)" = 2 ] && ! grep -q '\\r"' "$TMP/out"; verdict crlf_text

run sentences "$TMP/does-not-exist.jsonl"
[ "$(rc)" = 1 ] && err_has "does-not-exist.jsonl"; verdict missing_file_is_reported

# a 20 MB single line
python3 -c "
import json
print(json.dumps({'id':'big','date':'2022-03-03','text':'Word '*4000000 + 'end. Next one.'}))" >"$TMP/big.jsonl"
run sentences "$TMP/big.jsonl"
[ "$(rc)" = 0 ] && [ "$(lines)" = 2 ]; verdict twenty_megabyte_line

# ---- extract ------------------------------------------------------------------
run extract examples/kyiv-aid-2023-05-12.txt
[ "$(rc)" = 0 ]; verdict extract_runs_on_the_example
run extract --format csv examples/kyiv-aid-2023-05-12.txt
[ "$(rc)" = 0 ] && out_has "^doc_id,kind,type"; verdict extract_csv_has_a_header
