#!/bin/sh
# Run the conformance runner over the Recognizers-Text English specs.
#   scripts/conformance.sh BUILD_DIR SHARED_DIR [-v] [runner options...]
# Prints the pass rate per spec file and per category; exits 0 when the
# specs are not there (a checkout without ../shared).
build=${1:?usage: scripts/conformance.sh BUILD_DIR SHARED_DIR [options]}
shared=${2:?usage: scripts/conformance.sh BUILD_DIR SHARED_DIR [options]}
shift 2
specs="$shared/peers/recognizers-text/Specs"
if [ ! -d "$specs" ]; then
    echo "skipped: $shared/peers not found"
    exit 0
fi
exec "$build/conformance" "$@" "$specs"
