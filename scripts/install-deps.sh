#!/bin/sh
# Install the Debian packages Chronicle needs to build and test, when they
# are missing.  Runs apt-get directly as root, through sudo otherwise; when
# neither is possible it prints the command to run and fails.
set -e
PKGS="gcc make pkg-config libjansson-dev libcsv-dev libutf8proc-dev libcmocka-dev libsqlite3-dev libmicrohttpd-dev zlib1g-dev iso-codes wordnet-base python3 curl"
# "install-deps.sh fuzz" (make fuzz) adds clang and its fuzzer runtime;
# "install-deps.sh bench" (make bench) the HTTP load generator wrk.
[ "${1:-}" = fuzz ] && PKGS="$PKGS clang libclang-rt-dev"
[ "${1:-}" = bench ] && PKGS="$PKGS wrk"
# The dashboard is bundled with Node and npm, and its browser test drives
# Chromium.  A Node from elsewhere (20 or later) is kept: Debian's npm would
# conflict with it.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm"
PKGS="$PKGS chromium"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "chronicle: installing Debian packages:$missing" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""
elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"
else
    echo "chronicle: run as root: apt-get install -y$missing" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q >&2
$SUDO apt-get install -y -q --no-install-recommends $missing >&2
