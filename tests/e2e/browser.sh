#!/bin/sh
# The dashboard in headless Chromium against the real `chronicle serve`
# (tests/browser/dashboard.mjs): the tool's build directory holds the
# bundle (make web) and gets the screenshots.  Under valgrind the server
# would answer too slowly for a browser: skipped there.
: "${CHRONICLE:=build/chronicle}"
build=$(dirname "$CHRONICLE")
case $(basename "$CHRONICLE") in
*valgrind*) echo "skip browser: not under valgrind"; exit 0 ;;
esac
if ! command -v node >/dev/null 2>&1; then
    echo "skip browser: node not found (scripts/install-deps.sh installs it)"
    exit 0
fi
if [ ! -f "$build/web/index.html" ]; then
    echo "not ok browser_bundle_built"
    echo "  $build/web/index.html is missing: run make web"
    exit 1
fi
exec node tests/browser/dashboard.mjs --tool "$CHRONICLE" --web "$build/web" \
    --out "$build/screenshots"
