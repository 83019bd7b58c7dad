#!/bin/sh
# run_golden.sh KSPLIT [WRAPPER ARGS] -- run every golden case in tests/golden/.
# The command may be several words (tests/valgrind-ksplit.sh build/ksplit).
#
# A case is a folder tests/golden/NAME/ holding
#   input.*        the input (any extension)
#   args           optional: the command line after "ksplit", a shell fragment
#                  in which INPUT stands for the input's path (default: INPUT)
#   expected.json  the exact standard output
#   expected.rc    optional: the exit status (default 0)
#   expected.err   optional: the exact standard error (default: not checked)
#
# CHUNKS="1 2 3 7" also runs each case with --chunk-size=N for every N and
# requires byte-identical output: the streaming test.
# UPDATE=1 rewrites the expected files from the current output; read every
# diff it makes (git diff tests/golden) before committing it.
set -u
ks=$*
pass=0
fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for dir in tests/golden/*/; do
    dir=${dir%/}
    name=${dir##*/}
    input=$(ls "$dir" | grep '^input' | head -n 1)
    [ -n "$input" ] || { echo "FAIL $name: no input file"; fail=$((fail + 1)); continue; }
    args=INPUT
    [ -f "$dir/args" ] && args=$(cat "$dir/args")
    want_rc=0
    [ -f "$dir/expected.rc" ] && want_rc=$(cat "$dir/expected.rc")
    for chunk in "" ${CHUNKS:-}; do
        cmdargs=$(printf '%s' "$args" | sed "s|INPUT|'$dir/$input'|g")
        opt=""
        [ -n "$chunk" ] && opt="--chunk-size=$chunk"
        eval "$ks $opt $cmdargs" > "$tmp/out" 2> "$tmp/err"
        rc=$?
        label="$name${chunk:+ (chunks of $chunk)}"
        if [ -n "${UPDATE:-}" ] && [ -z "$chunk" ]; then
            cp "$tmp/out" "$dir/expected.json"
            if [ "$rc" != 0 ]; then echo "$rc" > "$dir/expected.rc"; else rm -f "$dir/expected.rc"; fi
            [ -f "$dir/expected.err" ] && cp "$tmp/err" "$dir/expected.err"
        fi
        ok=1
        if ! cmp -s "$tmp/out" "$dir/expected.json"; then
            echo "FAIL $label: output differs:"
            diff "$dir/expected.json" "$tmp/out" | head -n 20
            ok=0
        fi
        if [ "$rc" != "$want_rc" ]; then
            echo "FAIL $label: exit status $rc, want $want_rc"
            ok=0
        fi
        if [ -f "$dir/expected.err" ] && ! cmp -s "$tmp/err" "$dir/expected.err"; then
            echo "FAIL $label: standard error differs:"
            diff "$dir/expected.err" "$tmp/err" | head -n 10
            ok=0
        fi
        if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
    done
done
echo "golden: $pass passed, $fail failed"
[ $fail = 0 ]
