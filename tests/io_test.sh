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
rm -f /tmp/ksplit-io.$$
echo "io: $pass passed, $fail failed"
[ $fail = 0 ]
