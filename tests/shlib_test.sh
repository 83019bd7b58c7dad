#!/bin/sh
# shlib_test.sh [BUILD] -- the shared library as another project meets it:
# its exported symbols are exactly the functions src/ksplit.h declares
# (src/ksplit.map; the ks_ functions the stages share stay hidden), under
# its soname; and a program compiled against <ksplit.h> and linked with
# -lksplit (tests/shlib/use.c) converts releases -- text, CP949, HWP, HTML,
# HWPX -- to the same bytes as the ksplit tool.
set -u
b=${1:-build}
so=$b/libksplit.so.1
CC=${CC:-cc}
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }

want=$(grep -o 'ks_[a-z_0-9]*(' src/ksplit.h | tr -d '(' | sort -u)
have=$(nm -D --defined-only "$so" | awk '$2 != "A" { sub(/@.*/, "", $3); print $3 }' | sort -u)
if [ "$want" = "$have" ]; then ok; else
    bad "exported symbols differ from src/ksplit.h's functions:"
    printf '%s\n' "$want" > "$b/shlib.want"; printf '%s\n' "$have" > "$b/shlib.have"
    diff "$b/shlib.want" "$b/shlib.have"
fi
soname=$(objdump -p "$so" | awk '$1 == "SONAME" { print $2 }')
[ "$soname" = libksplit.so.1 ] && ok || bad "soname is '$soname', want libksplit.so.1"

use=$b/shlib-use
if $CC -std=c11 -Wall -Wextra -Werror -Isrc -o "$use" tests/shlib/use.c -L"$b" -lksplit; then ok; else
    bad "tests/shlib/use.c does not build against $b/libksplit.so"
fi
# the program loads the shared library, not a static copy
if LD_LIBRARY_PATH=$b ldd "$use" 2>/dev/null | grep -q "libksplit.so.1 => $b/libksplit.so.1"; then ok; else
    bad "$use does not load $so"
fi
for f in samples/daegu-gwangju-lecture.txt tests/golden/seed-cp949/input.txt tests/golden/hwp-release/input.hwp \
         tests/golden/html-board-view/input.html tests/golden/hwpx-release/input.hwpx; do
    if [ ! -f "$f" ]; then
        bad "$f is missing"
        continue
    fi
    LD_LIBRARY_PATH=$b "$use" < "$f" > "$b/shlib.out" 2> "$b/shlib.err"; rc=$?
    "$b/ksplit" -q < "$f" > "$b/shlib.want.json"
    if [ $rc = 0 ] && cmp -s "$b/shlib.out" "$b/shlib.want.json"; then ok; else
        bad "$f: exit $rc, or not the JSON ksplit writes: $(head -c 200 "$b/shlib.err")"
    fi
done
echo "shlib: $pass passed, $fail failed"
[ $fail = 0 ]
