# Shared by the end-to-end scripts: run the built tool and report
# "ok NAME" / "not ok NAME" / "skip NAME" lines.
: "${CHRONICLE:=build/chronicle}"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
SHARED=${SHARED:-../shared}

ok()    { echo "ok $1"; }
notok() { echo "not ok $1"; [ -n "$2" ] && printf '  %s\n' "$2"; }
skip()  { echo "skip $1: $2"; }

# CONDITION; verdict NAME: ok when the condition (the previous command or
# && list) succeeded.
verdict() {
    if [ $? -eq 0 ]; then ok "$1"; else notok "$1" "$(head -c 600 "$TMP/err")"; fi
}

# run the tool, keeping stdout, stderr and the exit status
run() {
    "$CHRONICLE" "$@" >"$TMP/out" 2>"$TMP/err"
    echo $? >"$TMP/rc"
}
rc()       { cat "$TMP/rc"; }
out_has()  { grep -q -- "$1" "$TMP/out"; }
err_has()  { grep -q -- "$1" "$TMP/err"; }
lines()    { wc -l <"$TMP/out" | tr -d ' '; }
