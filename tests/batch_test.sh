#!/bin/sh
# batch_test.sh KSPLIT -- batch mode: folders, lists, jobs, -o outputs,
# interrupted runs, JSON Lines records, and every error path of issue 6.
# Runs in a temporary folder; needs python3 (JSON checks) and, for its own
# cases, GNU parallel and util-linux's script/setpriv (skipped when missing).
set -u
ks=$1
case $ks in /*) ;; *) ks=$(pwd)/$ks ;; esac
repo=$(pwd)
pass=0
fail=0
tmp=$(mktemp -d)
trap 'umount "$tmp/full" 2> /dev/null; rm -rf "$tmp"' EXIT
chmod 755 "$tmp"
cd "$tmp" || exit 1

ok() { pass=$((pass + 1)); }
bad() { echo "FAIL: $*"; fail=$((fail + 1)); }
# check GOT WANT LABEL
check() { if [ "$1" = "$2" ]; then ok; else bad "$3: got '$1', want '$2'"; fi; }
# has FILE STRING LABEL: FILE contains the fixed STRING
has() { if grep -qF -- "$2" "$1"; then ok; else bad "$3: '$2' not in $1:"; head -n 5 "$1" | cut -c1-160 | sed 's/^/    /'; fi; }
# jsonl FILE: every line of FILE is a JSON value (exit 0), else 1
jsonl() { python3 -c 'import json,sys
for l in open(sys.argv[1], "rb"): json.loads(l)' "$1" 2>/dev/null; }

seed=$repo/tests/golden/seed/input.txt
bad_utf8=$repo/tests/golden/err-strict-bad-utf8/input.txt
mkdir in in/sub in/.hidden
cp "$seed" in/a.txt
cp "$repo/tests/golden/crlf-nbsp-zero-width/input.txt" "in/sub/b c.txt"
cp "$seed" in/.hidden/h.txt
cp "$seed" in/skip.dat
printf '<html><head><title>t</title></head><body><h1>제목</h1><p>본문입니다.</p></body></html>\n' > in/sub/page.html

# ---- missing, unreadable, a folder without -r ---------------------------
"$ks" in/a.txt missing.txt > out 2> err; rc=$?
check $rc 3 "missing file: exit status"
has err "ksplit: missing.txt: No such file or directory" "missing file: message"
check "$(wc -l < out | tr -d ' ')" 1 "missing file: the other document is still converted"

cp "$seed" locked.txt
chmod 000 locked.txt
if [ "$(id -u)" = 0 ]; then
    run_locked() { setpriv --reuid=65534 --regid=65534 --clear-groups "$ks" "$@"; }
    command -v setpriv > /dev/null || run_locked() { return 99; }
else
    run_locked() { "$ks" "$@"; }
fi
run_locked locked.txt > out 2> err; rc=$?
if [ $rc != 99 ]; then
    check $rc 3 "unreadable file: exit status"
    has err "ksplit: locked.txt: Permission denied" "unreadable file: message"
fi
if [ -r /proc/self/mem ]; then # opens, then read(2) fails with EIO
    "$ks" /proc/self/mem > out 2> err; rc=$?
    check $rc 3 "read error: exit status"
    has err "read error: " "read error: message"
fi

# a folder without -r: the files in it, not its subfolders, which a note
# names (not with -q); the note is no document and no failure
"$ks" --summary in > out 2> err; rc=$?
check $rc 0 "folder without -r: exit status"
names=$(python3 -c 'import json
for l in open("out"): print(json.loads(l)["source"]["name"])' | tr '\n' ' ')
check "$names" "in/a.txt " "folder without -r: its own files only"
has err "ksplit: in: 1 subfolder skipped (use -r to convert the files in it)" "folder without -r: note"
has err "ksplit: 1 document: 1 converted, 0 failed, 0 skipped" "folder without -r: the note is no document"
"$ks" -q in > out 2> err
check "$(wc -c < err | tr -d ' ')" 0 "folder without -r, -q: no note"
check "$(wc -l < out | tr -d ' ')" 1 "folder without -r, -q: the same output"

# ---- the walk: which names, in which order --------------------------------
"$ks" -q -r in > out; rc=$?
check $rc 0 "-r: exit status"
names=$(python3 -c 'import json,sys
for l in open("out"): print(json.loads(l)["source"]["name"])' | tr '\n' ' ')
check "$names" "in/a.txt in/sub/b c.txt in/sub/page.html " "-r: hidden, *.dat skipped; byte order"
"$ks" -q -r --include '*.dat' --include '*.txt' in > out
names=$(python3 -c 'import json
for l in open("out"): print(json.loads(l)["source"]["name"])' | tr '\n' ' ')
check "$names" "in/a.txt in/skip.dat in/sub/b c.txt " "--include replaces the default list"

# ---- -j: the same bytes on stdout and stderr ------------------------------
sh "$repo/bench/make_batch_corpus.sh" corpus 120 > /dev/null
cp "$bad_utf8" corpus/000/zz-bad.txt
for j in 1 2 3; do
    "$ks" --strict --errors-as-json -r -j $j corpus > "j$j.out" 2> "j$j.err"
    echo $? > "j$j.rc"
done
cmp -s j1.out j2.out && cmp -s j1.out j3.out; check $? 0 "-j 1/2/3: identical stdout"
cmp -s j1.err j2.err && cmp -s j1.err j3.err; check $? 0 "-j 1/2/3: identical stderr"
check "$(cat j2.rc)" 1 "-j: worst exit status"
check "$(wc -l < j1.out | tr -d ' ')" 121 "-j: one line per input"
# files are opened ahead of their workers, 32 at most, and one the
# producer could not open is its worker's to open: in 48 descriptors, -j 8
# (a window of 64 documents) converts every file, the same bytes
(ulimit -n 48 && "$ks" --strict --errors-as-json -r -j 8 corpus > fd.out 2> fd.err)
check $? 1 "48 descriptors, -j 8: exit status"
cmp -s j1.out fd.out; check $? 0 "48 descriptors, -j 8: the same stdout"

# ---- -o: a mirror of the input tree ----------------------------------------
"$ks" -q -r -o o1 in; rc=$?
check $rc 0 "-o: exit status"
for f in "in/a.txt" "in/sub/b c.txt" "in/sub/page.html"; do
    if [ -f "o1/$f.json" ]; then
        "$ks" -q "$f" | cmp -s - "o1/$f.json"; check $? 0 "-o: $f.json equals the stream"
    else
        bad "-o: o1/$f.json missing"
    fi
done
check "$(find o1 -type f | wc -l | tr -d ' ')" 3 "-o: one output per input"

# ---- outputs never replace inputs, never collide, never leave OUTDIR -----
"$ks" -q -o o2 in/a.txt in/../in/a.txt > out 2> err; rc=$?
check $rc 1 "collision: exit status"
has err "ksplit: in/../in/a.txt: not converted: output o2/in/a.txt.json is already the output of an earlier input" "collision: message"
cp "$seed" in/user.json
"$ks" -q -o . in/user.json 2> err; rc=$?
check $rc 1 "a *.json input with -o: exit status"
has err "with -o an input named *.json could be replaced by an output" "a *.json input with -o: message"
# In place (-o . mirrors in/ onto itself): in/a.txt.json is an output name;
# the walk never takes *.json as an input, even with --include '*'.
printf 'precious\n' > in/a.txt.json
"$ks" -q -r --include '*' -o . in 2> err; rc=$?
check $rc 1 "existing output: exit status"
has err "not converted: output ./in/a.txt.json exists (--skip-existing keeps it, --overwrite replaces it)" "existing output: message"
check "$(cat in/a.txt.json)" precious "existing output: left alone"
test -f in/user.json.json; check $? 1 "--include '*' does not take *.json inputs with -o"
"$ks" -q -o . --overwrite in/a.txt; rc=$?
check $rc 0 "--overwrite: exit status"
"$ks" -q in/a.txt | cmp -s - in/a.txt.json; check $? 0 "--overwrite: replaced"
rm -f in/*.json in/sub/*.json
# ".." components are removed lexically: nothing is written outside OUTDIR.
mkdir -p deep/x && cp "$seed" deep/x/d.txt
(cd deep/x && "$ks" -q -o ../../o3 ../../deep/x/d.txt ../x/../../in/a.txt); rc=$?
check $rc 0 "'..' paths: exit status"
check "$(cd o3 && find . -type f | LC_ALL=C sort | tr '\n' ' ')" "./deep/x/d.txt.json ./in/a.txt.json " "'..' paths: outputs inside OUTDIR"
find . -name '*.json' ! -path './o*' > outside
check "$(wc -l < outside | tr -d ' ')" 0 "'..' paths: nothing outside OUTDIR $(cat outside)"

# ---- odd names ---------------------------------------------------------------
mkdir odd
nl='
'
ff=$(printf 'x\377y.txt')
cp "$seed" "odd/sp ace.txt"; cp "$seed" "odd/new${nl}line.txt"; cp "$seed" "odd/$ff"
cp "$seed" "odd/-dash.txt"; cp "$seed" "odd/한글.txt"
"$ks" -q -r -o o4 odd; rc=$?
check $rc 0 "odd names: exit status"
for f in "sp ace.txt" "new${nl}line.txt" "$ff" "-dash.txt" "한글.txt"; do
    test -f "o4/odd/$f.json" && jsonl "o4/odd/$f.json"; check $? 0 "odd name output: $(printf '%s' "$f" | od -An -c | tr -s ' ' | head -n 1)"
done
"$ks" -r odd > out 2> err; rc=$?
check $rc 0 "odd names, stream: exit status"
jsonl out; check $? 0 "odd names, stream: valid JSON (non-UTF-8 bytes as U+FFFD)"
has out "\"name\":\"odd/x$(printf '\357\277\275')y.txt\"" "non-UTF-8 name as U+FFFD"
"$ks" "odd/new${nl}line.txt" "missing-${nl}x" 2> err > /dev/null
has err 'ksplit: missing-\nx: No such file or directory' "a newline in a name is shown as \\n"

# ---- --files-from, -0 -----------------------------------------------------
printf 'in/a.txt\n\nin/sub/b c.txt\n' | "$ks" -q --files-from - > out; rc=$?
check $rc 0 "--files-from -: exit status"
check "$(wc -l < out | tr -d ' ')" 2 "--files-from -: two documents (blank lines skipped)"
# a list written on Windows: CRLF line ends, a CR is not part of the name
printf 'in/a.txt\r\n\r\nin/sub/b c.txt\r\n' | "$ks" -q --files-from - > out 2> err; rc=$?
check $rc 0 "--files-from with CRLF line ends: exit status"
check "$(wc -l < out | tr -d ' ')" 2 "--files-from with CRLF line ends: two documents"
printf 'odd/new\nline.txt\000odd/sp ace.txt\000' > list0
"$ks" -q --files-from list0 -0 > out; rc=$?
check $rc 0 "-0: exit status"
check "$(wc -l < out | tr -d ' ')" 2 "-0: a newline inside a name"
printf 'in/a.txt\nnope.txt\n' > list
"$ks" -q in/a.txt --files-from list > out 2> err; rc=$?
check $rc 3 "--files-from with a missing entry: exit status"
has err "ksplit: nope.txt: No such file or directory" "--files-from with a missing entry: message"
check "$(wc -l < out | tr -d ' ')" 2 "--files-from after the arguments"

# ---- --errors-as-json -----------------------------------------------------
"$ks" -q --strict --errors-as-json in/a.txt missing.txt "$bad_utf8" > out 2> err; rc=$?
check $rc 3 "--errors-as-json: worst exit status"
jsonl out; check $? 0 "--errors-as-json: every line is JSON"
got=$(python3 -c 'import json
for l in open("out"):
    r = json.loads(l)
    e = r.get("error")
    print("doc" if e is None else "%s/%s/%s/%s" % (e["code"], e.get("stage", "-"), e.get("offset", "-"), e["path"] == "missing.txt"))' | tr '\n' ' ')
check "$got" "doc io/-/-/True decode/decode/200/False " "--errors-as-json: records in input order"
has err "ksplit: missing.txt: No such file or directory" "--errors-as-json: stderr still has the message"

# ---- JSON Lines input --------------------------------------------------------
python3 - "$seed" <<'EOF'
import json, sys
t = open(sys.argv[1], encoding="utf-8").read()
with open("rec.jsonl", "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": "r1", "text": t}, ensure_ascii=False) + "\n")
    f.write("this is not json\n")
    f.write("\n")
    f.write(json.dumps({"id": 4, "body": "x"}) + "\n")
    f.write(json.dumps({"id": 5, "html": "<p>본문입니다.</p>"}, ensure_ascii=False) + "\n")
    f.write(json.dumps({"id": [6], "text": "x"}) + "\n")
    f.write(json.dumps({"text": "아이디 없는 기록"}, ensure_ascii=False) + "\n")
EOF
"$ks" -q --input-format jsonl --errors-as-json rec.jsonl > out 2> err; rc=$?
check $rc 1 "jsonl: exit status"
jsonl out; check $? 0 "jsonl: every output line is JSON"
got=$(python3 -c 'import json
for l in open("out"):
    r = json.loads(l)
    k = list(r)
    e = r.get("error")
    print("%s:%s" % (r.get("id"), k[0] if e is None else "%s@%s" % (e["code"], e["line"])))' | tr '\n' ' ')
check "$got" "r1:id None:record@2 4:record@4 5:id None:record@6 None:version " "jsonl: ids first, error records with line numbers"
has err "ksplit: rec.jsonl: line 2: not a JSON record: " "jsonl: not JSON, line number"
has err 'ksplit: rec.jsonl: line 4: record has neither "text" nor "html"' "jsonl: missing text"
"$ks" -q < "$seed" > plain.out
head -n 1 rec.jsonl | "$ks" -q --input-format jsonl > rec.out
python3 -c 'import json,sys
a = json.load(open("plain.out")); b = json.load(open("rec.out"))
i = b.pop("id")
a["source"].pop("encoding_detected_by"); b["source"].pop("encoding_detected_by")
sys.exit(0 if a == b and i == "r1" else 1)'
check $? 0 "jsonl from stdin: the same document as the text, plus the id"
head -n 1 rec.jsonl | "$ks" -q --pretty --input-format jsonl > out
python3 -c 'import json; r = json.load(open("out")); assert list(r)[:2] == ["id", "version"]'
check $? 0 "jsonl with --pretty: id spliced first"

mkdir recs && cp rec.jsonl recs/a.jsonl && cp rec.jsonl recs/b.jsonl && cp "$seed" recs/c.txt
"$ks" -q -r --input-format jsonl recs > out 2> /dev/null
check "$(wc -l < out | tr -d ' ')" 6 "jsonl -r: the records of every *.jsonl file"

# ---- --max-size --------------------------------------------------------------
# a document over the limit fails (exit 1, the offset is the limit) before it
# is held; the others in the batch are converted; every input form
size=$(wc -c < "$seed" | tr -d ' ')
python3 -c 'import sys; sys.stdout.write("보도자료 본문\n" * 400000)' > big.txt
"$ks" -q --max-size=$size "$seed" > out; check $? 0 "--max-size: a document of exactly the limit"
"$ks" -q --errors-as-json --max-size=$((size - 1)) in/a.txt in/a.txt > out 2> err; rc=$?
check $rc 1 "--max-size: exit status"
has out "{\"error\":{\"path\":\"in/a.txt\",\"code\":\"limit\",\"stage\":\"pipeline\",\"offset\":$((size - 1))," \
    "--max-size: error record"
has err "ksplit: in/a.txt: offset $((size - 1)): the document is larger than the limit of $((size - 1)) bytes" \
    "--max-size: message"
check "$(grep -c '"code":"limit"' out)" 2 "--max-size: one error record per document"
"$ks" -q --max-size=$size in/a.txt big.txt in/a.txt > out 2> /dev/null; rc=$?
check "$rc:$(wc -l < out | tr -d ' ')" "1:2" "--max-size: the other documents are converted"
# standard input: only one byte over the limit is read in
"$ks" --max-size=1K < big.txt > out 2> err; rc=$?
check "$rc:$(wc -c < out | tr -d ' ')" "1:0" "--max-size on standard input: failed, no output"
has err "ksplit: <stdin>: offset 1024: the document is larger than the limit of 1024 bytes" \
    "--max-size on standard input: message"
"$ks" -q --max-size=7M < big.txt > out 2> /dev/null; check $? 1 "--max-size=7M: 8,000,000 bytes fail"
"$ks" -q --max-size=8M < big.txt > out; check $? 0 "--max-size=8M: 8,000,000 bytes pass"
"$ks" -q --max-size=100 "$repo"/tests/fixtures/hwpx/release.hwpx > out 2> /dev/null
check $? 1 "--max-size: HWPX"
"$ks" -q --max-size=100 "$repo"/tests/fixtures/html/board-view.html > out 2> /dev/null
check $? 1 "--max-size: HTML"
printf '{"id":1,"text":"짧은 글"}\n{"id":2,"text":"이 기록의 글은 제한보다 깁니다"}\n' > lim.jsonl
"$ks" -q --input-format jsonl --max-size=20 lim.jsonl > out 2> /dev/null; rc=$?
check "$rc:$(wc -l < out | tr -d ' ')" "1:1" "--max-size: a JSON Lines record's text"
# a record line longer than any record within the limit can be (6 x 100
# bytes + 4 KiB) is not held: it fails, the records after it are read
python3 -c 'import json
print(json.dumps({"id": 1, "text": "가" * 2000}))
print(json.dumps({"id": 2, "text": "짧은 글"}, ensure_ascii=False))' > long.jsonl
"$ks" -q --input-format jsonl --errors-as-json --max-size=100 long.jsonl > out 2> err; rc=$?
check "$rc:$(wc -l < out | tr -d ' ')" "1:2" "--max-size: a long JSON Lines record"
has out '{"error":{"path":"long.jsonl","line":1,"code":"limit","message":"a record of more than 4696 bytes' \
    "--max-size: a long record's error record"
has err "ksplit: long.jsonl: line 1: a record of more than 4696 bytes: its text is over the limit of 100 bytes" \
    "--max-size: a long record's message"
has out '{"id":2,' "--max-size: the record after a long one"

# ---- usage errors -----------------------------------------------------------
for args in "-o o5" "-o o5 -" "--skip-existing in/a.txt" "-j 0 in/a.txt" "-0 in/a.txt" \
    "--input-format xml in/a.txt" "--input-format jsonl -o o5 rec.jsonl" "-o o5 --to text in/a.txt" \
    "--files-from - -" "--skip-existing --overwrite -o o5 in/a.txt" "--max-size=0 in/a.txt" \
    "--max-size=1.5M in/a.txt" "--max-size=-1 in/a.txt" "--max-size=10T in/a.txt" \
    "--from=pdf in/a.txt" "--to=xml in/a.txt" "--chunk-size=0 in/a.txt" "--chunk-size=70000 in/a.txt" \
    "--include= -r in" "--output= in/a.txt" "--encoding=latin1 in/a.txt"; do
    # shellcheck disable=SC2086
    "$ks" $args < /dev/null > out 2> err; rc=$?
    check "$rc:$(wc -l < err | tr -d ' ')" "2:2" "usage error: ksplit $args"
    has err "Try 'ksplit --help'" "usage error: ksplit $args: hint"
done
test -e o5; check $? 1 "usage errors create nothing"
"$ks" --from=pdf in/a.txt 2> err
has err "ksplit: unknown input format 'pdf' (auto, text, html, hwpx or hwp; PDF: its text, from pdftotext)" \
    "--from=pdf: what it takes"

# ---- full disk ---------------------------------------------------------------
if [ -w /dev/full ]; then
    "$ks" -q -r -j 2 corpus > /dev/full 2> err; rc=$?
    check $rc 3 "-r > /dev/full: exit status"
    check "$(grep -c 'write error' err)" 1 "-r > /dev/full: one message"
fi

# A full output device (a 256 KB tmpfs, when we may mount one): the outputs
# written are complete, no temporary file stays, the batch stops with 3.
if [ "$(id -u)" = 0 ] && mkdir full && mount -t tmpfs -o size=256k tmpfs full 2> /dev/null; then
    "$ks" -q -r -j 2 -o full/out corpus 2> err; rc=$?
    check $rc 3 "full disk with -o: exit status"
    has err "No space left on device" "full disk with -o: message"
    has err "ksplit: stopping: the output folder cannot take more files" "full disk with -o: stops"
    find full -name '*.json' > done.list
    python3 -c 'import json
for p in open("done.list").read().splitlines(): json.load(open(p, "rb"))'
    check $? 0 "full disk with -o: every .json parses"
    check "$(find full -name '.ksplit-tmp-*' | wc -l | tr -d ' ')" 0 "full disk with -o: no temporary file left"
    umount full
fi

# ---- interrupted batches -------------------------------------------------
sh "$repo/bench/make_batch_corpus.sh" big 600 > /dev/null
"$ks" -q -r -j 2 -o ref big; check $? 0 "uninterrupted -o run"
"$ks" -q -r -j 2 -o killed big &
pid=$!
i=0 # wait for the first outputs, then kill -9 part-way
while [ $i -lt 200 ] && [ "$(find killed -name '*.json' 2> /dev/null | head -n 20 | wc -l)" -lt 20 ]; do
    sleep 0.05; i=$((i + 1))
done
kill -9 $pid 2> /dev/null
wait $pid 2> /dev/null
n=$(find killed -name '*.json' | wc -l | tr -d ' ')
[ "$n" -gt 0 ] && [ "$n" -lt 600 ]; check $? 0 "SIGKILL part-way ($n of 600 written)"
find killed -name '*.json' > done.list
python3 -c 'import json,sys
for p in open("done.list").read().splitlines(): json.load(open(p, "rb"))'
check $? 0 "SIGKILL: every .json parses (no truncated output)"
find killed -type f ! -name '*.json' ! -name '.ksplit-tmp-*' > other.list
check "$(wc -l < other.list | tr -d ' ')" 0 "SIGKILL: no other files than outputs and .ksplit-tmp-*"
"$ks" -q -r --include '*' big killed > /dev/null 2>&1
"$ks" -r --skip-existing --summary -j 2 -o killed big 2> err; rc=$?
check $rc 0 "--skip-existing resume: exit status"
has err "skipped" "--skip-existing resume: summary"
has err "$n skipped" "--skip-existing resume: kept the $n complete outputs"
diff -r -x '.ksplit-tmp-*' ref killed > /dev/null; check $? 0 "resumed outputs equal an uninterrupted run's"
"$ks" -q -r --skip-existing -o killed big 2> err; rc=$?
check "$rc:$(wc -c < err | tr -d ' ')" "0:0" "--skip-existing on a complete run: nothing to do"

# SIGINT / SIGTERM: the documents in progress finish, no temporary file stays.
"$ks" -q -r -j 2 -o termed big &
pid=$!
i=0
while [ $i -lt 200 ] && [ "$(find termed -name '*.json' 2> /dev/null | head -n 20 | wc -l)" -lt 20 ]; do
    sleep 0.05; i=$((i + 1))
done
kill -TERM $pid
wait $pid 2> /dev/null; rc=$?
check $rc 143 "SIGTERM: dies of the signal"
check "$(find termed -name '.ksplit-tmp-*' | wc -l | tr -d ' ')" 0 "SIGTERM: no temporary file left"

# ---- no progress line unless stderr is a terminal; --summary ---------------
"$ks" -r corpus/001 > /dev/null 2> err
check "$(grep -c 'documents' err)" 0 "no TTY: no progress, no summary"
"$ks" -q --summary -r corpus/001 > /dev/null 2> err
has err "ksplit: 20 documents: " "--summary"
if command -v script > /dev/null; then
    script -qec "'$ks' -r -j 2 corpus > /dev/null" /dev/null > tty.out 2>&1
    has tty.out "documents: 121 converted" "TTY: summary line"
    script -qec "'$ks' -q -r corpus/001 > /dev/null" /dev/null > tty.out 2>&1
    check "$(wc -c < tty.out | tr -d ' ')" 0 "TTY with -q: silent"
    # The progress line: drawn at most every 0.1 s, so the second of three
    # documents is a pipe that brings its text 0.6 s late; the line is
    # erased before the summary, and the JSON on stdout has none of it.
    mkfifo slow.txt
    (sleep 0.6; cat "$seed" > slow.txt) &
    script -qec "'$ks' -j 1 in/a.txt slow.txt in/a.txt > tty.json" /dev/null > tty.out 2>&1
    wait
    has tty.out "$(printf '\rksplit: 2/3 documents, ')" "TTY: progress line after the slow document"
    check "$(tr '\r' '\n' < tty.out | grep -c '^  *$')" 1 "TTY: the progress line erased once"
    check "$(tr '\r' '\n' < tty.out | grep -v '^ *$' | tail -n 1)" \
        "$(tr '\r' '\n' < tty.out | grep '^ksplit: 3 documents: 3 converted, 0 failed, 0 skipped; ')" \
        "TTY: the summary comes last"
    check "$(wc -l < tty.json | tr -d ' ')" 3 "TTY: three documents on stdout"
    jsonl tty.json; check $? 0 "TTY: stdout is JSON Lines, no progress in it"
    # a missing file is one of the documents, and one error
    (sleep 0.6; cat "$seed" > slow.txt) &
    script -qec "'$ks' -j 1 missing.txt slow.txt in/a.txt > tty.json" /dev/null > tty.out 2>&1
    wait
    has tty.out "$(printf '\rksplit: 2/3 documents, ')" "TTY: a missing file counted in the total"
    has tty.out " 1 error, " "TTY: one error, not 'errors'"
    has tty.out "ksplit: 3 documents: 2 converted, 1 failed, 0 skipped; " "TTY: summary with the failure"
    script -qec "'$ks' --summary in/a.txt > /dev/null" /dev/null > tty.out 2>&1
    has tty.out "ksplit: 1 document: 1 converted" "TTY: one document, not 'documents'"
fi

# ---- GNU parallel: the map stage across machines ---------------------------
if command -v parallel > /dev/null; then
    "$ks" -q -r -j 1 corpus > serial.out
    # Files: ksplit's own order is byte order, as LC_ALL=C sort gives.
    find corpus -name '*.txt' | LC_ALL=C sort |
        parallel -k -j 2 -X --will-cite "'$ks' -q -j 1" > par.out
    cmp -s serial.out par.out; check $? 0 "GNU parallel -X over files: the same stream"
    # Records: --pipe cuts the JSON Lines stream at line ends.
    python3 - corpus > recs.jsonl <<'EOF'
import json, os, sys
root = sys.argv[1]
for d in sorted(os.listdir(root)):
    for f in sorted(os.listdir(os.path.join(root, d))):
        b = open(os.path.join(root, d, f), "rb").read()
        try:
            t = b.decode("utf-8")
        except UnicodeDecodeError:
            continue
        print(json.dumps({"id": "%s/%s" % (d, f), "text": t}, ensure_ascii=False))
EOF
    "$ks" -q -j 1 --input-format jsonl recs.jsonl > serial.out
    parallel --pipe -k -j 2 --block 200k --will-cite "'$ks' -q -j 1 --input-format jsonl" \
        < recs.jsonl > par.out
    cmp -s serial.out par.out; check $? 0 "GNU parallel --pipe over records: the same stream"
fi

echo "batch: $pass passed, $fail failed"
[ $fail = 0 ]
