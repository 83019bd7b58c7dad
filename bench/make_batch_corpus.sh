#!/bin/sh
# make_batch_corpus.sh DIR [N] -- make a batch corpus of N documents (default
# 10000) in DIR from the inputs in the repository (tests/golden/*/input.txt,
# samples/*.txt), taken round-robin, in folders of 100: DIR/000/00000.txt,
# DIR/000/00001.txt, ...  For bench/batch.sh and by hand; never committed.
set -eu
dir=${1:?usage: make_batch_corpus.sh DIR [N]}
n=${2:-10000}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
cd "$(dirname "$0")/.."
set -- tests/golden/*/input.txt samples/*.txt
nsrc=$#
d=0
while [ $((d * 100)) -lt "$n" ]; do
    mkdir -p "$dir/$(printf '%03d' "$d")"
    d=$((d + 1))
done
# One tee per source writes all of its copies: a few processes, not N.
k=0
for src in "$@"; do
    awk -v k="$k" -v s="$nsrc" -v n="$n" -v d="$dir" \
        'BEGIN { for (i = k; i < n; i += s) printf "%s/%03d/%05d.txt\n", d, int(i / 100), i }' |
        tr '\n' '\0' | xargs -0 sh -c 'tee "$@" < "$0" > /dev/null' "$src"
    k=$((k + 1))
done
echo "make_batch_corpus: $n documents from $nsrc inputs in $dir"
