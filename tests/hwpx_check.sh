#!/bin/sh
# hwpx_check.sh -- the HWPX reader's text against the corpus's gold.txt.
#
#   tests/hwpx_check.sh [CORPUS_DIR] [DUMP]
#
# For every CORPUS_DIR/ID.hwpx (default ../shared/corpus/govpress) it runs
# DUMP (default build/extract_dump, built by `make build/extract_dump` or the
# command in tests/unit/README) and compares the extracted text with
# ID.gold.txt.  gold.txt has one line per paragraph, table cells included;
# the reader joins a data-table row into one line with " | ", so both sides
# are compared as a stream of words:
#   folded   every run of white space (newlines too) is one space and the
#            cell separator " | " is a space -- the spacing; a release
#            differs where its author typed a line break or tab
#            (hp:lineBreak, hp:tab), which gold.txt joins without a space
#            and the reader keeps as one (src/hwpx.c, rule 1);
#   nospace  all white space removed -- the characters and their order.
# Prints one line per mismatch, then the two counts.  Exit 1 when a file
# fails to extract or the nospace count is not complete.
CORPUS=${1:-../shared/corpus/govpress}
DUMP=${2:-build/extract_dump}
[ -x "$DUMP" ] || { echo "hwpx_check: $DUMP not built" >&2; exit 2; }
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
n=0; folded=0; nospace=0; failed=0
for f in "$CORPUS"/*.hwpx; do
    [ -e "$f" ] || continue
    id=$(basename "$f" .hwpx)
    n=$((n + 1))
    if ! "$DUMP" hwpx "$f" > "$tmp/$id.txt"; then
        failed=$((failed + 1)); continue
    fi
    r=$(python3 - "$CORPUS/$id.gold.txt" "$tmp/$id.txt" <<'PY'
import re, sys
def words(path, sep):
    s = open(path, encoding="utf-8").read()
    if sep:
        s = s.replace(" | ", " ")
    return re.sub(r"\s+", " ", s).strip()
g, o = words(sys.argv[1], False), words(sys.argv[2], True)
a = g == o
b = re.sub(r"\s", "", g) == re.sub(r"\s", "", o)
if not a:
    i = next((k for k in range(min(len(g), len(o))) if g[k] != o[k]), min(len(g), len(o)))
    sys.stderr.write("  first difference: gold %r / ours %r\n" % (g[max(0, i-25):i+25], o[max(0, i-25):i+25]))
print(int(a), int(b))
PY
) 2> "$tmp/diff"
    set -- $r
    folded=$((folded + $1)); nospace=$((nospace + $2))
    if [ "$1" != 1 ]; then echo "$id: folded text differs (nospace: $([ "$2" = 1 ] && echo same || echo differs))"; cat "$tmp/diff"; fi
done
echo "hwpx files: $n  extract failures: $failed  folded match: $folded/$n  nospace match: $nospace/$n"
[ "$failed" = 0 ] && [ "$nospace" = "$n" ]
