#!/bin/sh
# bootstrap.sh [demo] -- install the Debian packages ksplit's build and tests
# need, then (with "demo") build ksplit and run it on the bundled sample.
# As root the missing packages are installed with apt-get; otherwise the
# exact apt-get line is printed and the script stops.
set -e
cd "$(dirname "$0")/.."
PKGS="make gcc libc6-dev pkg-config libjansson-dev libxml2-dev libutf8proc-dev libzip-dev
      zlib1g-dev python3 python3-jsonschema valgrind clang libclang-rt-14-dev parallel time"
missing=""
for p in $PKGS; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ]; then
        echo "bootstrap: installing:$missing"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        # shellcheck disable=SC2086
        apt-get install -y -qq --no-install-recommends $missing > /dev/null
    else
        echo "bootstrap: missing packages; run as root:"
        echo "  apt-get install -y$missing"
        exit 1
    fi
fi
if [ "${1:-}" = demo ]; then
    make --no-print-directory demo
fi
