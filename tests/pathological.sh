#!/bin/sh
# pathological.sh KSPLIT -- inputs built to find quadratic paths, crashes
# and lost text.  Each must finish within LIMIT seconds (default 20) with
# exit status 0 and one JSON document.  The linear-time ratios themselves
# are measured by `make bench`, not here.
set -u
ks=$1
limit=${LIMIT:-20}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0
fail=0
py=${PYTHON:-python3}
gen() { "$py" -c "import sys; sys.stdout.buffer.write($1)" > "$tmp/in"; }
run() {
    name=$1
    shift
    timeout "$limit" "$ks" -q "$@" "$tmp/in" > "$tmp/out" 2> "$tmp/err"
    rc=$?
    docs=$(wc -l < "$tmp/out")
    if [ $rc = 0 ] && [ "$docs" = 1 ]; then
        pass=$((pass + 1))
    else
        echo "FAIL $name: exit $rc, $docs documents; $(head -c 200 "$tmp/err")"
        fail=$((fail + 1))
    fi
}
gen "'가'.encode() * (10 * 1024 * 1024 // 3)";           run "10 MB without a space"
gen "('가나다 ' * 2500000).encode()[:10*1024*1024]";     run "10 MB single line"
gen "b'\\n' * 1000000";                                 run "a million blank lines"
gen "'“말했다 '.encode() * 100000";                       run "100k unclosed quotes"
gen "('황종우 해양수산부 장관은 ' + '“잘 하겠다”라며 ' * 500000 + '말했다.').encode()"; run "500k quotations in one paragraph"
gen "('있 었다 ' * (10 * 1024 * 1024 // 11)).encode()"; run "10 MB of split words, one line"
gen "'가\\n'.encode() * (10 * 1024 * 1024 // 4)";         run "10 MB of wrap marks"
gen "'□ 항목\\n'.encode() * 1000000";                    run "1M bullets"
gen "'붙임 1. 사업 개요. 2. 질의응답. 끝.\\n'.encode() * 100000"; run "100k attachment lines"
gen "('전 국에 있 었다 가나다라마바 사아자 차카타 파하 ' * 2 + '\\n').encode() * 50000"; run "50k lines in line mode" --line-mode
gen "('가나다라마바사아자차카 타파하거너더러머버서 어저처커터퍼허고노도 로모보소오조초코토포호\\n' * 20000 + '단어\\n\\n' * 200000 + '끝\\n').encode()"; run "200k words a paragraph (PDF text)"
gen "b'\\xff' * (1024 * 1024)";                         run "all 0xFF bytes"
gen "'보도자료'.encode() + b'\\xeb\\xb3'";               run "multibyte character cut at the end"
gen "b'\\x00' * 100000 + '본문'.encode()";               run "NUL bytes"
gen "b'<html><body>' + b'<div>' * 10000 + '본문'.encode() + b'</div>' * 10000"; run "HTML nested 10k deep"
gen "b'<div>' * 10000 + '본문'.encode()";                run "HTML nested 10k deep, --from text" --from text
echo "pathological: $pass passed, $fail failed"
[ $fail = 0 ]
