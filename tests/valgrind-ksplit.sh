#!/bin/sh
# valgrind-ksplit.sh KSPLIT ARGS... -- run ksplit under valgrind; any memory
# error or leak makes the exit status 99 (which no golden case expects).
ks=$1
shift
exec valgrind -q --suppressions="$(dirname "$0")/valgrind.supp" --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible "$ks" "$@"
