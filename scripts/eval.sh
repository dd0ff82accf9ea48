#!/bin/sh
# make eval: extract records from the development gold's documents and score
# them with the shared scorer (core types, then every type).
#   scripts/eval.sh TOOL SHARED_DIR
tool=$1
shared=$2
gold=$shared/gold/dev
if [ ! -f "$gold/docs.jsonl" ] || [ ! -f "$shared/eval/score.py" ]; then
    echo "eval: skipped: $gold/docs.jsonl or $shared/eval/score.py not found"
    exit 0
fi
out=build/eval
mkdir -p "$out"
"$tool" extract "$gold/docs.jsonl" > "$out/pred.jsonl" || {
    echo "eval: chronicle extract failed" >&2; exit 1; }
echo "== core types (AID, CONSULT, SANCTION, ASSAULT) and figures"
python3 "$shared/eval/score.py" --gold "$gold/records.jsonl" --pred "$out/pred.jsonl" $EVAL_FLAGS
echo
echo "== all types"
python3 "$shared/eval/score.py" --gold "$gold/records.jsonl" --pred "$out/pred.jsonl" --types all | sed -n "2,/slot accuracy/p"
