#!/bin/sh
# Run each fuzz target for a while, one after the other (make fuzz).
#   fuzz/run.sh BUILD SECONDS SHARED TARGET...
# Seeds come from fuzz/seeds.py into build/fuzz-corpus/TARGET/ (made once;
# the fuzzer adds what it finds there), plus fuzz/regressions/TARGET/ and
# the target's dictionary fuzz/TARGET.dict when there is one.  Crash, leak
# and timeout inputs are minimized and copied to fuzz/regressions/TARGET/
# (named by kind and SHA-1) for tests/unit/test_fuzz_regressions.c to
# replay.  Prints one line per target: its executions, and the new
# regression files.
build=$1
seconds=$2
shared=$3
shift 3
corpus=build/fuzz-corpus
[ -d "$corpus" ] || python3 fuzz/seeds.py "$corpus" "$shared"
status=0
for t in "$@"; do
    bin=$build/fuzzers/$t
    [ -x "$bin" ] || { echo "fuzz: $bin not built" >&2; status=1; continue; }
    art=$build/fuzz-artifacts/$t
    log=$build/fuzz-logs/$t.log
    mkdir -p "$corpus/$t" "$art" "$build/fuzz-logs" "fuzz/regressions/$t"
    dict=""
    [ -f "fuzz/$t.dict" ] && dict="-dict=fuzz/$t.dict"
    # fork mode goes on after a crash, so one run can find several
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
        -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=8192 \
        -print_final_stats=1 -artifact_prefix="$art/" $dict \
        "$corpus/$t" "fuzz/regressions/$t" >"$log" 2>&1
    # executions: the last "#N" progress line of the run
    runs=$(sed -n 's/^#\([0-9]*\):* .*/\1/p' "$log" | tail -n 1)
    # Each crash input is minimized first (a regression file should show
    # the defect, not carry a whole article); the first three of a run are
    # kept, the rest stay in $art for a look by hand.
    new=""
    kept=0
    for f in "$art"/crash-* "$art"/leak-* "$art"/timeout-* "$art"/oom-*; do
        [ -f "$f" ] || continue
        [ $kept -lt 3 ] || break
        kind=$(basename "$f" | cut -d- -f1)
        min=$art/min-$kind
        rm -f "$min"
        if [ "$kind" = crash ] || [ "$kind" = leak ]; then
            "$bin" -minimize_crash=1 -max_total_time=30 -exact_artifact_path="$min" \
                "$f" >/dev/null 2>&1
        fi
        [ -s "$min" ] || cp "$f" "$min"
        sum=$(sha1sum "$min" | cut -c1-16)
        dest="fuzz/regressions/$t/$kind-$sum"
        if [ ! -f "$dest" ]; then
            mv "$min" "$dest"
            new="$new $dest"
            kept=$((kept + 1))
        fi
        rm -f "$f" "$min"
    done
    printf 'fuzz %-14s %10s executions in %ss%s\n' "$t" "${runs:-?}" "$seconds" \
        "${new:+; new regressions:$new}"
    [ -n "$new" ] && status=1
done
exit $status
