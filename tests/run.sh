#!/bin/sh
# Run the unit test binaries and the end-to-end scripts; print one closing
# line "tests: N passed, M failed" and exit non-zero when anything failed.
#   tests/run.sh BUILD_DIR "TEST_BINARIES"
# VALGRIND, when set, prefixes every unit test binary; CHRONICLE_E2E, when
# set, is the tool the end-to-end scripts run (a valgrind wrapper).
build=$1
bins=$2
passed=0
failed=0
failures=""
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in $bins; do
    name=$(basename "$t")
    if $VALGRIND "$t" >"$log" 2>&1; then rc=0; else rc=$?; fi
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    p=${p:-0}; f=${f:-0}
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$rc" -ne 0 ]; then
        failures="$failures $name"
        cat "$log"
    fi
    printf '%-32s %4d passed %4d failed\n' "$name" "$p" "$f"
done

# End-to-end: each script prints "ok NAME" or "not ok NAME" per case.
for s in tests/e2e/*.sh; do
    [ -f "$s" ] || continue
    [ "$(basename "$s")" = lib.sh ] && continue
    name=$(basename "$s" .sh)
    if CHRONICLE="${CHRONICLE_E2E:-$build/chronicle}" sh "$s" >"$log" 2>&1; then rc=0; else rc=$?; fi
    p=$(grep -c '^ok ' "$log")
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
    passed=$((passed + p)); failed=$((failed + f))
    if [ "$f" -ne 0 ]; then failures="$failures $name"; grep -v '^ok ' "$log"; fi
    grep '^skip ' "$log"
    printf '%-32s %4d passed %4d failed\n' "e2e/$name" "$p" "$f"
done

[ -n "$failures" ] && echo "failing:$failures"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
