#!/bin/sh
# batch.sh KSPLIT [N] [RUNS] -- batch throughput, scaling, memory and
# determinism on N documents (default 10000) made by make_batch_corpus.sh.
#   - wall time of `ksplit -r -j 1` and `-j 2`, RUNS times each (default 3),
#     interleaved; the median is reported, since other processes may share
#     the CPU (the load average is printed before and after);
#   - the same with processes instead of threads: GNU parallel -k -X running
#     `ksplit -j 1` on slices of the sorted file list (when installed);
#   - peak RSS of the whole -j 2 batch (/usr/bin/time -v);
#   - -j 1 and -j 2 streams byte-identical.
# KS_CORPUS=DIR reuses a corpus instead of making one in a temporary folder.
set -eu
ks=${1:?usage: batch.sh KSPLIT [N] [RUNS]}
n=${2:-10000}
runs=${3:-3}
case $ks in /*) ;; *) ks=$(pwd)/$ks ;; esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus=${KS_CORPUS:-$tmp/corpus}
[ -d "$corpus" ] || sh "$(dirname "$0")/make_batch_corpus.sh" "$corpus" "$n"
mb=$(du -sk "$corpus" | awk '{ printf "%.1f", $1 / 1024 }')
echo "batch: $n documents, $mb MB on disk; $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# secs LABEL CMD... -- wall seconds of CMD (stdout to $tmp/out); its CPU use
# (user + sys seconds, and the share of one core) is appended to $tmp/cpu.
secs() {
    label=$1
    shift
    /usr/bin/time -f "%e %U %S %P" -o "$tmp/t" "$@" > "$tmp/out"
    awk '{ printf "%.2f", $1 }' "$tmp/t"
    awk -v l="$label" '{ printf "%s: wall %s s, cpu %.2f s, %s of a core\n", l, $1, $2 + $3, $4 }' "$tmp/t" >> "$tmp/cpu"
}
median() { tr ' ' '\n' | grep . | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
[ -x /usr/bin/time ] || { echo "batch: needs /usr/bin/time (Debian package time)"; exit 1; }

t1s="" t2s="" tps=""
i=0
while [ $i -lt "$runs" ]; do
    t1s="$t1s $(secs "-j 1" "$ks" -q -r -j 1 "$corpus")"
    cp "$tmp/out" "$tmp/j1.out"
    t2s="$t2s $(secs "-j 2" "$ks" -q -r -j 2 "$corpus")"
    cmp -s "$tmp/out" "$tmp/j1.out" || { echo "batch: -j 2 output differs from -j 1"; exit 1; }
    if command -v parallel > /dev/null; then
        tps="$tps $(secs "GNU parallel" sh -c "find '$corpus' -name '*.txt' | LC_ALL=C sort | parallel -k -j 2 -X --will-cite '$ks -q -j 1'")"
        cmp -s "$tmp/out" "$tmp/j1.out" || echo "batch: the GNU parallel stream differs from -j 1"
    fi
    i=$((i + 1))
done
t1=$(echo "$t1s" | median)
t2=$(echo "$t2s" | median)
echo "batch: -j 1: runs$t1s s, median $t1 s ($(echo "$n $t1 $mb" | awk '{ printf "%.0f docs/s, %.2f MB/s", $1 / $2, $3 / $2 }'))"
echo "batch: -j 2: runs$t2s s, median $t2 s ($(echo "$n $t2 $mb" | awk '{ printf "%.0f docs/s, %.2f MB/s", $1 / $2, $3 / $2 }'))"
echo "batch: speed-up -j 2 / -j 1: $(echo "$t1 $t2" | awk '{ printf "%.2fx", $1 / $2 }') (target >= 1.7x)"
if [ -n "$tps" ]; then
    tp=$(echo "$tps" | median)
    echo "batch: processes (GNU parallel -j 2 -X, ksplit -j 1): runs$tps s, median $tp s, $(echo "$t1 $tp" | awk '{ printf "%.2fx", $1 / $2 }')"
fi
sed 's/^/batch:   /' "$tmp/cpu"
echo "batch: (a share of a core well under 100% for -j 1, or 200% for -j 2, means other processes had the CPU)"
echo "batch: -j 1 and -j 2 streams byte-identical: yes ($(wc -c < "$tmp/j1.out") bytes)"
/usr/bin/time -v "$ks" -q -r -j 2 "$corpus" 2> "$tmp/time" > /dev/null
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
echo "batch: peak RSS, whole -j 2 batch: $((rss / 1024)) MB (target <= 64 MB)"
/usr/bin/time -v "$ks" -q -r -j 2 -o "$tmp/o" "$corpus" 2> "$tmp/time" > /dev/null
rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tmp/time")
wall=$(awk -F': ' '/Elapsed/ { print $2 }' "$tmp/time")
echo "batch: -o DIR -j 2: $wall wall, peak RSS $((rss / 1024)) MB"
echo "batch: load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
