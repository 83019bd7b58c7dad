#!/bin/sh
# run.sh KSPLIT -- the benchmark (`make bench`): throughput against iconv,
# start-up, peak memory, a long stream of documents and the linear-time
# ratios of the pathological inputs.  Prints a table and writes it to
# build/bench.txt.  The measurements themselves are in bench/bench.py;
# this script builds bench/stream_docs.c against the library next to
# KSPLIT and checks the tools.
#
#   sh bench/run.sh build/ksplit            from the repository root
#   BENCH_QUICK=1 sh bench/run.sh build/ksplit   smaller sizes, to try it out
#   BENCH_RUNS=7 ...                        runs per median (default 5)
#
# The machine may be shared: close other work, read the load average the
# table prints, and compare instruction counts (callgrind) rather than
# times when judging a change.
set -u
ks=${1:-build/ksplit}
cd "$(dirname "$0")/.." || exit 2
[ -x "$ks" ] || { echo "bench: $ks not built (make)" >&2; exit 2; }
for tool in iconv python3 cc; do
    command -v $tool > /dev/null || { echo "bench: $tool not found" >&2; exit 2; }
done
build=$(dirname "$ks")
lib=$build/libksplit.a
[ -f "$lib" ] || { echo "bench: $lib not built" >&2; exit 2; }
mkdir -p build/bench || exit 2
stream=build/bench/stream_docs
if [ ! -x "$stream" ] || [ bench/stream_docs.c -nt "$stream" ] || [ "$lib" -nt "$stream" ]; then
    # shellcheck disable=SC2046
    ${CC:-cc} -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -pedantic -Wshadow \
        -Wstrict-prototypes -Wmissing-prototypes -O2 -Isrc -o "$stream" bench/stream_docs.c \
        "$lib" $(pkg-config --libs jansson libutf8proc) -ldl -lpthread -lm || exit 2
fi
exec "${PYTHON:-python3}" bench/bench.py "$ks" "$stream" build/bench.txt
