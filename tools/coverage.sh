#!/bin/sh
# coverage.sh BUILD_DIR -- the line coverage table of src/*.c (less the
# generated tables) from the .gcda files a --coverage build left in
# BUILD_DIR (`make coverage`), run from the repository's root.  Leaves
# BUILD_DIR/SOURCE.gcov ('#####': a line that never ran) and prints one
# line per file and the total.
set -u
b=${1:-build-cov}
[ -d "$b" ] && [ -d src ] || { echo "coverage.sh: run from the repository root, after make coverage" >&2; exit 2; }
for f in src/*.c; do
    case $f in */respace_model.c|*/cp949_table.c|*/respace_lexicon.c) continue ;; esac
    [ -f "$b/$(basename "$f" .c).gcda" ] || continue
    gcov -o "$b" "$f" 2> /dev/null | awk -v f="$f" '
        $1 == "File" { want = ($2 == "\047" f "\047") }
        want && /^Lines executed:/ {
            split(substr($0, 16), a, "% of ")
            printf "%-22s %6.2f%% of %5d lines\n", f, a[1], a[2]
            exit }'
done | awk '{ print; n = $4; tot += n; hit += $2 * n / 100 }
    END { if (tot) printf "%-22s %6.2f%% of %5d lines\n", "total", 100 * hit / tot, tot }'
mv ./*.gcov "$b"/ 2> /dev/null
exit 0
