#!/bin/sh
# io_test.sh KSPLIT -- output errors: a full disk must give exit status 3 and
# a message, never a silent success.
set -u
ks=$1
pass=0
fail=0
check() { if [ "$1" = "$2" ]; then pass=$((pass + 1)); else echo "FAIL: $3: got $1, want $2"; fail=$((fail + 1)); fi; }
if [ -w /dev/full ]; then
    "$ks" samples/daegu-gwangju-lecture.txt > /dev/full 2>/tmp/ksplit-io.$$
    check $? 3 "write to /dev/full"
    grep -q "write error" /tmp/ksplit-io.$$; check $? 0 "message for /dev/full"
    "$ks" --help > /dev/full 2>/dev/null
    check $? 3 "--help to /dev/full"
    rm -f /tmp/ksplit-io.$$
fi
"$ks" --version | grep -q '^ksplit '; check $? 0 "--version"
"$ks" --help | grep -q '^Usage: '; check $? 0 "--help on stdout"
"$ks" < /dev/null > /tmp/ksplit-io.$$; check $? 0 "empty stdin"
# libxml2 and libzip are loaded on first use: without them an HTML or HWPX
# input fails with exit 4 and says why, and text is not affected
t=/tmp/ksplit-io.$$
KSPLIT_LIBXML2=/nonexistent/libxml2.so "$ks" tests/fixtures/html/board-view.html > $t 2> $t.err
check $? 4 "HTML without libxml2: exit status"
grep -q "board-view.html: libxml2 cannot be loaded: /nonexistent/libxml2.so" $t.err
check $? 0 "HTML without libxml2: message"
check "$(wc -c < $t | tr -d ' ')" 0 "HTML without libxml2: no output"
KSPLIT_LIBZIP=/nonexistent/libzip.so "$ks" --errors-as-json tests/fixtures/hwpx/*.hwpx > $t 2> /dev/null
check $? 4 "HWPX without libzip: exit status"
grep -q '"code":"unavailable"' $t; check $? 0 "HWPX without libzip: error record"
KSPLIT_LIBXML2=/nonexistent KSPLIT_LIBZIP=/nonexistent "$ks" -q samples/daegu-gwangju-lecture.txt > $t
check $? 0 "text needs neither library"
rm -f $t $t.err
echo "io: $pass passed, $fail failed"
[ $fail = 0 ]
