#!/bin/sh
# The store as users run it: ingest articles, ingest them again, correct
# one, merge reports of the same event from two outlets into one story, ask
# with every filter (and with filters that try to be SQL), sum, list figures,
# export, and survive being killed in the middle of an ingest.
. "$(dirname "$0")/lib.sh"

# Some cases run the tool from another directory.
CHRONICLE=$(cd "$(dirname "$CHRONICLE")" && pwd)/$(basename "$CHRONICLE")
DB="$TMP/store.db"
export CHRONICLE_DB="$TMP/unused-default.db"

# count the lines of standard output of the tool
count() { "$CHRONICLE" "$@" 2>"$TMP/err" | wc -l | tr -d ' '; }

# ---- the articles ------------------------------------------------------------
# Two outlets report the same delivery (Sunday 2022-02-27) in the same week;
# the UN's civilian toll is reported twice; a pledge with money and items; a
# sanction in another month.
cat >"$TMP/week1.jsonl" <<'EOF'
{"id":"dw-tanks","date":"2022-03-03","source":"DW","title":"Tanks for Kyiv","text":"Germany sent 50 Leopard 2 tanks to Ukraine on Sunday. Officials in Kyiv welcomed the delivery."}
{"id":"ap-aid","date":"2022-03-03","source":"AP","title":"Aid package","text":"Last week, the White House announced $350 million in military aid for Ukraine, including Javelin anti-tank missiles."}
{"id":"un-toll-1","date":"2022-03-03","source":"UN News","text":"More than 2,000 civilians have been killed in Ukraine since February 24, according to the United Nations."}
EOF
cat >"$TMP/week2.jsonl" <<'EOF'
{"id":"reuters-tanks","date":"2022-03-04","source":"Reuters","title":"Tanks","text":"Germany delivered 50 Leopard 2 tanks to Ukraine on Sunday, Reuters reported."}
{"id":"bbc-toll","date":"2022-03-06","source":"BBC","text":"More than 2,000 civilians have been killed in Ukraine since February 24, according to the United Nations."}
{"id":"politico-sanctions","date":"2022-04-10","source":"Politico","text":"The European Union imposed sanctions on Russia on Friday."}
EOF

for c in ingest query totals figures export; do
    run "$c" --help
    [ "$(rc)" = 0 ] && out_has "usage: chronicle $c"; verdict "help_of_$c"
done
run --help
out_has ingest && out_has totals && out_has figures; verdict help_lists_the_store_commands

# ---- ingest, twice ------------------------------------------------------------
run ingest --db "$DB" "$TMP/week1.jsonl"
[ "$(rc)" = 0 ] && err_has "3 new, 0 changed, 0 unchanged), extracted 3,"
verdict ingest_reports_new_documents
! err_has "documents/s"; verdict no_progress_line_when_stderr_is_not_a_terminal

"$CHRONICLE" extract "$TMP/week1.jsonl" >"$TMP/extracted" 2>/dev/null
"$CHRONICLE" export --db "$DB" >"$TMP/exported" 2>"$TMP/err"
cmp -s "$TMP/extracted" "$TMP/exported"; verdict export_gives_back_what_extract_wrote

"$CHRONICLE" query --db "$DB" --format csv >"$TMP/stories1" 2>/dev/null
"$CHRONICLE" query --db "$DB" --mentions --format csv >"$TMP/mentions1" 2>/dev/null
run ingest --db "$DB" "$TMP/week1.jsonl"
[ "$(rc)" = 0 ] && err_has "0 new, 0 changed, 3 unchanged"; verdict second_ingest_skips_unchanged_documents
err_has "extracted 0, stored 0 records"; verdict second_ingest_extracts_nothing
"$CHRONICLE" query --db "$DB" --format csv >"$TMP/stories2" 2>/dev/null
"$CHRONICLE" query --db "$DB" --mentions --format csv >"$TMP/mentions2" 2>/dev/null
"$CHRONICLE" export --db "$DB" >"$TMP/exported2" 2>/dev/null
cmp -s "$TMP/stories1" "$TMP/stories2" && cmp -s "$TMP/mentions1" "$TMP/mentions2" &&
    cmp -s "$TMP/exported" "$TMP/exported2"; verdict second_ingest_leaves_the_store_unchanged

run ingest --quiet --db "$DB" "$TMP/week1.jsonl"
[ "$(rc)" = 0 ] && [ ! -s "$TMP/err" ]; verdict quiet_ingest_says_nothing
run ingest --force --db "$DB" "$TMP/week1.jsonl"
[ "$(rc)" = 0 ] && err_has "0 new, 3 changed, 0 unchanged), extracted 3,"
verdict forced_ingest_extracts_everything_again

# ---- stories across articles -------------------------------------------------------
run ingest --db "$DB" "$TMP/week2.jsonl"
[ "$(rc)" = 0 ] && err_has "3 new"; verdict ingest_of_more_articles

run query --db "$DB" --type AID --actor DEU --format json
[ "$(lines)" = 1 ] && out_has '"mentions":2,"documents":2' &&
    out_has '"sources":\["DW","Reuters"\]' && out_has '"date":{"start":"2022-02-27"'
verdict same_delivery_from_two_outlets_is_one_story
run query --db "$DB" --type AID --actor DEU --mentions --format json
[ "$(lines)" = 2 ] && out_has '"doc_id":"dw-tanks"' && out_has '"doc_id":"reuters-tanks"' &&
    out_has '"story":' && out_has '"published":"2022-03-04"'
verdict mentions_keep_each_document_and_sentence

run figures --db "$DB" --metric killed --format csv
[ "$(rc)" = 0 ] && [ "$(lines)" = 2 ] && out_has '^[0-9]*,figure,.*,killed,2000,more_than,.*,UKR,2022-03-03,2022-02-24,2,2,1,United Nations,2022-03-03,2022-03-06'
verdict repeated_figure_is_one_story_as_of_its_first_report

# ---- each filter -------------------------------------------------------------------
# option value: stories expected
while read -r opt val want; do
    n=$(count query --db "$DB" --format json "$opt" "$val")
    [ "$n" = "$want" ]; verdict "query_filter_${opt#--}_$val"
done <<'EOF'
--type SANCTION 1
--type aid 2
--mode embargo 1
--status pledged 1
--actor EU 1
--recipient UKR 2
--item Javelin 1
--item tank 1
--metric killed 1
--side UKR 1
--population civilians 1
--source Reuters 1
--source Politico 1
--doc ap-aid 1
--kind figure 1
--kind event 3
--since 2022-04 1
--until 2022-02-28 2
--since 2022-02-27 4
--limit 2 2
EOF
n=$(count query --db "$DB" --format json --item "Leopard 2")
[ "$n" = 1 ]; verdict query_filter_item_with_a_space
n=$(count query --db "$DB" --format json --actor DEU --status pledged)
[ "$n" = 0 ]; verdict query_filters_combine
n=$(count query --db "$DB" --mentions --format json --source "united nations")
[ "$n" = 2 ]; verdict mention_filter_by_reported_source_in_any_case

# Values that try to be SQL are only values: nothing matches, nothing changes.
before=$(count export --db "$DB")
ok_all=0
for opt in --type --mode --status --actor --recipient --item --metric --side --population \
           --source --doc; do
    for val in "UKR' OR '1'='1" "x'; DROP TABLE records; --" '"; DELETE FROM stories; --'; do
        for cmd in query figures export; do
            n=$(count "$cmd" --db "$DB" --format csv "$opt" "$val")
            [ "$n" = 1 ] || { ok_all=1; echo "  $cmd $opt $val: $n lines" >&2; }
        done
        n=$(count totals --db "$DB" --by actor --format csv "$opt" "$val")
        case $opt in --metric|--side|--population) ;; *)
            [ "$n" = 1 ] || { ok_all=1; echo "  totals $opt $val: $n lines" >&2; } ;;
        esac
    done
done
[ "$ok_all" = 0 ] && [ "$(count export --db "$DB")" = "$before" ]
verdict sql_in_any_filter_matches_nothing_and_changes_nothing

# ---- totals ------------------------------------------------------------------------------
run totals --db "$DB" --by actor --format csv
[ "$(rc)" = 0 ] && out_has '^actor,unit,total,stories,sources' &&
    out_has '^USA,USD,350000000,1,1' && out_has '^DEU,stories,1,1,2' && out_has '^DEU,items,50,1,2'
verdict totals_by_actor_count_each_story_once
run totals --db "$DB" --by item --format csv
out_has '^Leopard 2,items,50,1,2' && out_has '^Javelin,stories,1,1,1'; verdict totals_by_item
run totals --db "$DB" --by month --format csv
out_has '^2022-02,stories,2,2,' && out_has '^2022-04,stories,1,1,1'; verdict totals_by_month
run totals --db "$DB" --by recipient --format json
out_has '"recipient":"RUS","unit":"stories","total":1'; verdict totals_by_recipient_as_json
run totals --db "$DB" --by actor
out_has '^ACTOR  *UNIT  *TOTAL' && out_has '^USA  *USD  *350,000,000  *1  *1$'; verdict totals_table
run totals --db "$DB"
[ "$(rc)" = 2 ]; verdict totals_without_by_is_a_usage_error
run totals --db "$DB" --by actor --metric killed
[ "$(rc)" = 2 ] && err_has figures; verdict totals_of_figures_points_to_figures

# ---- formats --------------------------------------------------------------------------------
run query --db "$DB"
[ "$(rc)" = 0 ] && out_has '^STORY  KIND  ' && [ "$(lines)" = 5 ]; verdict query_prints_a_table
run query --db "$DB" --mentions
out_has '^STORY  DOC  ' && out_has 'Germany delivered 50 Leopard 2 tanks'; verdict mentions_table_shows_sentences
run figures --db "$DB"
out_has '^AS_OF  *METRIC' && out_has 'more than 2,000'; verdict figures_table
json_lines() {   # NAME COMMAND...: every line of the output is JSON
    name=$1
    shift
    "$CHRONICLE" "$@" --db "$DB" --format json >"$TMP/out" 2>"$TMP/err"
    python3 -c "
import json, sys
n = 0
for line in open(sys.argv[1], encoding='utf-8'):
    json.loads(line); n += 1
assert n > 0
" "$TMP/out"; verdict "json_lines_of_$name"
}
json_lines stories query
json_lines mentions query --mentions
json_lines figures figures
json_lines totals totals --by item
"$CHRONICLE" export --db "$DB" --format csv >"$TMP/out" 2>"$TMP/err"
python3 -c "
import csv, sys
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n')
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8')))
head, body = rows[0], rows[1:]
assert head[:3] == ['story', 'doc_id', 'published'], head
assert all(len(r) == len(head) for r in body)
assert len(body) == int(sys.argv[2]), len(body)
s = [r[head.index('sentence')] for r in body if r[1] == 'reuters-tanks'][0]
assert s == 'Germany delivered 50 Leopard 2 tanks to Ukraine on Sunday, Reuters reported.', s
assert b'\"Germany delivered 50 Leopard 2 tanks to Ukraine on Sunday, Reuters reported.\"' in raw
" "$TMP/out" "$(count export --db "$DB")"; verdict export_csv_is_rfc4180
run query --db "$DB" --format yaml
[ "$(rc)" = 2 ]; verdict unknown_format_is_a_usage_error
run export --db "$DB" --format table
[ "$(rc)" = 2 ]; verdict export_has_no_table
run query --db "$DB" --since 2022-13
[ "$(rc)" = 2 ] && err_has "YYYY"; verdict bad_since_is_a_usage_error
run query --db "$DB" --limit 0
[ "$(rc)" = 2 ]; verdict zero_limit_is_a_usage_error

# ---- a changed article replaces its records -------------------------------------------------
sed 's/Germany sent 50 Leopard 2 tanks/Germany sent 40 Leopard 2 tanks/' "$TMP/week1.jsonl" >"$TMP/week1b.jsonl"
run ingest --db "$DB" "$TMP/week1b.jsonl"
[ "$(rc)" = 0 ] && err_has "0 new, 1 changed, 2 unchanged), extracted 1,"
verdict corrected_article_is_changed_and_alone_extracted
run export --db "$DB" --doc dw-tanks
[ "$(rc)" = 0 ] && out_has '"value":40' && ! out_has '"value":50'; verdict corrected_article_has_new_records
[ "$(count export --db "$DB")" = "$before" ]; verdict corrected_article_keeps_the_number_of_records
run query --db "$DB" --type AID --actor DEU --format json
[ "$(lines)" = 1 ] && out_has '"mentions":2'; verdict corrected_article_stays_in_its_story

# ---- threads, and documents read again ---------------------------------------------------------
run ingest --db "$TMP/jobs.db" --jobs 0 "$TMP/week1.jsonl"
[ "$(rc)" = 2 ] && err_has "jobs" && [ ! -f "$TMP/jobs.db" ]; verdict zero_jobs_is_a_usage_error
run ingest --db "$TMP/jobs.db" --jobs two "$TMP/week1.jsonl"
[ "$(rc)" = 2 ]; verdict jobs_wants_a_number

# One id three times in one input, its content changing and changing back,
# with other documents between: the last version is what the store keeps,
# whatever the number of threads.
python3 - "$TMP/versions.jsonl" <<'PY'
import json, sys
v1 = "Germany sent 50 Leopard 2 tanks to Ukraine on Sunday."
v2 = "Germany sent 40 Leopard 2 tanks to Ukraine on Sunday."
docs = [("dw", v1)]
docs += [(f"other-{i}", f"Poland sent {10 + i} howitzers to Ukraine on Monday.") for i in range(12)]
docs += [("dw", v2)] + [(f"more-{i}", "France sent tanks to Ukraine.") for i in range(3)]
docs += [("dw", v1)]
with open(sys.argv[1], "w") as f:
    for i, t in docs:
        f.write(json.dumps({"id": i, "date": "2022-03-03", "source": "Wire", "text": t}) + "\n")
PY
for j in 1 2 3; do
    "$CHRONICLE" ingest --jobs $j --db "$TMP/versions-$j.db" "$TMP/versions.jsonl" 2>"$TMP/err-$j"
    "$CHRONICLE" export --db "$TMP/versions-$j.db" --doc dw >"$TMP/versions-$j.out" 2>/dev/null
done
grep -q '"value":50' "$TMP/versions-1.out" && ! grep -q '"value":40' "$TMP/versions-1.out" &&
    grep -q "read 18 documents (16 new, 2 changed, 0 unchanged), extracted 18" "$TMP/err-1"
verdict repeated_id_keeps_its_last_version
for j in 1 2 3; do sed "s/versions-$j.db/versions.db/" "$TMP/err-$j" >"$TMP/said-$j"; done
cmp -s "$TMP/versions-1.out" "$TMP/versions-2.out" && cmp -s "$TMP/versions-1.out" "$TMP/versions-3.out" &&
    cmp -s "$TMP/said-1" "$TMP/said-2" && cmp -s "$TMP/said-1" "$TMP/said-3"
verdict repeated_id_gives_the_same_store_on_any_number_of_threads

# Undated documents and a malformed line are reported in input order,
# whatever the threads.
{
    printf '{"id":"u%d","text":"Germany sent tanks to Ukraine."}\n' 1 2 3 4 5 6
    printf 'this line is not JSON\n'
    printf '{"id":"u%d","text":"Germany sent tanks to Ukraine."}\n' 7 8 9
} >"$TMP/undated.jsonl"
for j in 1 2 3; do
    "$CHRONICLE" ingest --quiet --jobs $j --db "$TMP/undated-$j.db" "$TMP/undated.jsonl" 2>"$TMP/err-$j"
done
[ "$(grep -c "has no date" "$TMP/err-1")" = 9 ] && sed -n 7p "$TMP/err-1" | grep -q "undated.jsonl:7:" &&
    cmp -s "$TMP/err-1" "$TMP/err-2" && cmp -s "$TMP/err-1" "$TMP/err-3"
verdict warnings_come_in_input_order_on_any_number_of_threads

# A text that is not valid UTF-8 is stored repaired; read again, it is still
# the same document and is not extracted again.
printf '{"id":"bad","date":"2022-03-03","text":"Kyiv \377\376 received aid on Sunday."}\n' >"$TMP/bad.jsonl"
"$CHRONICLE" ingest --quiet --db "$TMP/bad.db" "$TMP/bad.jsonl" 2>/dev/null
run ingest --db "$TMP/bad.db" "$TMP/bad.jsonl"
err_has "0 new, 0 changed, 1 unchanged), extracted 0,"; verdict repaired_document_read_again_is_unchanged

# --date is part of what a document is: the same date again changes nothing,
# another one changes the document.
printf 'date 2022-03-03\nGermany sent 50 Leopard 2 tanks to Ukraine on Sunday.\n' >"$TMP/sunday.txt"
"$CHRONICLE" ingest --quiet --date 2022-03-05 --db "$TMP/dated.db" "$TMP/sunday.txt" 2>/dev/null
run ingest --date 2022-03-05 --db "$TMP/dated.db" "$TMP/sunday.txt"
err_has "1 unchanged), extracted 0,"; verdict same_date_override_is_unchanged
run ingest --date 2022-03-10 --db "$TMP/dated.db" "$TMP/sunday.txt"
err_has "1 changed, 0 unchanged), extracted 1,"; verdict another_date_override_is_a_change

# ---- where the store is ------------------------------------------------------------------------
( cd "$TMP" && CHRONICLE_DB= "$CHRONICLE" ingest --quiet "$TMP/week2.jsonl" ) 2>"$TMP/err"
[ -f "$TMP/chronicle.db" ]; verdict default_store_is_chronicle_db_here
CHRONICLE_DB="$TMP/env.db" "$CHRONICLE" ingest --quiet "$TMP/week2.jsonl" 2>"$TMP/err"
[ -f "$TMP/env.db" ] && [ "$(CHRONICLE_DB="$TMP/env.db" "$CHRONICLE" export | wc -l)" -gt 0 ]
verdict chronicle_db_names_the_default_store

run query --db "$TMP/none.db"
[ "$(rc)" = 2 ] && err_has "none.db: no store here" && [ ! -f "$TMP/none.db" ]
verdict missing_store_is_a_clear_error
printf 'date 2022-03-03 Not a database at all.\n' >"$TMP/text.db"
for c in query export figures "totals --by actor"; do
    # shellcheck disable=SC2086
    run $c --db "$TMP/text.db"
    [ "$(rc)" = 2 ] && err_has "not a Chronicle store"; verdict "file_that_is_not_a_store_refused_by_$(echo "$c" | cut -d' ' -f1)"
done
run ingest --db "$TMP/text.db" "$TMP/week1.jsonl"
[ "$(rc)" = 2 ] && err_has "not a Chronicle store" && grep -q "Not a database" "$TMP/text.db"
verdict ingest_leaves_a_file_that_is_not_a_store_alone
cp "$DB" "$TMP/damaged.db"
size=$(wc -c <"$TMP/damaged.db")
dd if=/dev/zero of="$TMP/damaged.db" bs=1024 seek=2 count=$(( size / 1024 - 4 )) conv=notrunc 2>/dev/null
run export --db "$TMP/damaged.db"
rc=$(rc)
[ "$rc" = 0 ] || [ "$rc" = 2 ] && ! err_has "AddressSanitizer"; verdict damaged_store_is_an_error_not_a_crash

# ---- killed in the middle ----------------------------------------------------------------------
# Thousands of short articles; an ingest committing every 50 is killed with
# SIGKILL once something is committed, then run again: the store must equal
# one made in a single clean run.
python3 - "$TMP/many.jsonl" <<'PY'
import json, sys
actors = ["Germany", "Poland", "France", "Canada", "Norway", "Spain", "Italy", "Japan"]
items = ["Leopard 2 tanks", "Javelin missiles", "howitzers", "Stinger missiles", "drones"]
days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        d = 1 + i % 28
        text = (f"{actors[i % 8]} sent {10 + i % 90} {items[i % 5]} to Ukraine on {days[i % 7]}. "
                f"More than {1000 + i} civilians have been killed since February 24, "
                f"according to the United Nations. Officials said talks would continue.")
        f.write(json.dumps({"id": f"gen-{i:05d}", "date": f"2022-03-{d:02d}",
                            "source": "Wire", "text": text}) + "\n")
PY
"$CHRONICLE" ingest --quiet --db "$TMP/clean.db" "$TMP/many.jsonl" 2>"$TMP/err"

# The store is the same on one thread as on several: documents are stored
# in input order whichever thread extracted them.
"$CHRONICLE" ingest --quiet --jobs 1 --db "$TMP/one.db" "$TMP/many.jsonl" 2>"$TMP/err"
"$CHRONICLE" ingest --quiet --jobs 3 --db "$TMP/three.db" "$TMP/many.jsonl" 2>"$TMP/err"
same_stores=0
for cmd in export "export --format csv" "query --format csv" "query --mentions --format csv" \
           "figures --format csv" "totals --by item --format csv"; do
    for db in one three; do
        # shellcheck disable=SC2086
        "$CHRONICLE" $cmd --db "$TMP/$db.db" >"$TMP/$db.out" 2>/dev/null
    done
    # shellcheck disable=SC2086
    "$CHRONICLE" $cmd --db "$TMP/clean.db" >"$TMP/clean.out" 2>/dev/null
    { [ -s "$TMP/one.out" ] && cmp -s "$TMP/one.out" "$TMP/three.out" &&
      cmp -s "$TMP/one.out" "$TMP/clean.out"; } || { same_stores=1; echo "  $cmd differs" >&2; }
done
[ "$same_stores" = 0 ]; verdict one_thread_and_several_make_the_same_store
"$CHRONICLE" extract "$TMP/many.jsonl" >"$TMP/extracted-many" 2>/dev/null
"$CHRONICLE" export --db "$TMP/three.db" >"$TMP/three.out" 2>/dev/null
cmp -s "$TMP/extracted-many" "$TMP/three.out"; verdict threaded_ingest_exports_what_extract_writes
"$CHRONICLE" ingest --quiet --batch 50 --db "$TMP/killed.db" "$TMP/many.jsonl" 2>"$TMP/err" &
pid=$!
i=0
while [ $i -lt 600 ]; do
    n=$("$CHRONICLE" export --db "$TMP/killed.db" 2>/dev/null | wc -l)
    [ "$n" -gt 0 ] && break
    sleep 0.05
    i=$((i + 1))
done
kill -9 "$pid" 2>/dev/null
{ wait "$pid"; } 2>/dev/null
killed_rc=$?
partial=$("$CHRONICLE" export --db "$TMP/killed.db" 2>/dev/null | wc -l)
full=$("$CHRONICLE" export --db "$TMP/clean.db" 2>/dev/null | wc -l)
if [ "$killed_rc" = 137 ] && [ "$partial" -lt "$full" ]; then
    [ "$partial" -gt 0 ]; verdict killed_ingest_kept_what_it_committed
    "$CHRONICLE" ingest --quiet --db "$TMP/killed.db" "$TMP/many.jsonl" 2>"$TMP/err"
    echo "# killed after $partial of $full records were committed"
    same_as_clean() {   # NAME COMMAND...: the command's output on both stores
        name=$1
        shift
        "$CHRONICLE" "$@" --db "$TMP/killed.db" >"$TMP/k.out" 2>/dev/null
        "$CHRONICLE" "$@" --db "$TMP/clean.db" >"$TMP/c.out" 2>/dev/null
        [ -s "$TMP/c.out" ] && cmp -s "$TMP/k.out" "$TMP/c.out"
        verdict "rerun_after_kill_equals_clean_ingest_$name"
    }
    same_as_clean records export
    same_as_clean stories query --format csv
    same_as_clean mentions query --mentions --format csv
    same_as_clean totals totals --by actor --format csv
    same_as_clean figures figures --format csv
    run ingest --db "$TMP/killed.db" "$TMP/many.jsonl"
    err_has "0 new, 0 changed, 3000 unchanged), extracted 0," && err_has "holds 3000 documents"
    verdict rerun_after_kill_lost_and_doubled_nothing
else
    skip killed_ingest_kept_what_it_committed "the ingest ended (status $killed_rc) before it could be killed"
fi
