#!/bin/sh
# run.sh -- build the libFuzzer targets and run each one (`make fuzz`).
#
#   FUZZTIME=60 sh tests/fuzz/run.sh        from the repository root
#
# Builds tests/fuzz/fuzz_*.c with clang -fsanitize=fuzzer,address,undefined
# against the library sources (src/*.c but main.c and batch.c; the stub of
# the HTML or HWPX reader while the real one is missing, as the Makefile
# does), replays every saved reproducer under tests/fuzz/regressions/TARGET/,
# then fuzzes each target for FUZZTIME seconds (default 60) with the
# dictionary tests/fuzz/ksplit.dict.  The corpus, seeded at every run from
# samples/, tests/golden/*/input.* and tests/fixtures/ (each seed prefixed
# with the option bytes the target reads first; HTML pages and HWPX sections
# are also synthesised from the text seeds), is kept in build/fuzz/corpus/
# so that later runs start where earlier ones stopped.
#
# Prints, per target, the executions, the coverage (libFuzzer's "cov" edges
# and "ft" features), the corpus size and the findings.  Exits 1 when a
# reproducer still fails or a new crash, leak, timeout or out-of-memory is
# found; a new finding is copied to tests/fuzz/regressions/TARGET/ so that
# it is replayed from then on (commit it together with the fix).
#
# Environment: FUZZTIME (seconds per target), FUZZ_TARGETS (a subset, e.g.
# "fuzz_decode fuzz_pipeline"), CLANG (default clang), FUZZ_TIMEOUT (seconds
# one input may take, default 20), FUZZ_MAXLEN (default 65536), FUZZ_CFLAGS
# (added to the build, e.g. -DKS_RS_PIECE=256 so that inputs of fuzzing
# size reach the repair of long paragraphs in pieces) with FUZZ_OUT (the
# build and corpus folder, default build/fuzz: one per set of flags).
set -u
cd "$(dirname "$0")/../.." || exit 2
FUZZTIME=${FUZZTIME:-60}
CLANG=${CLANG:-clang}
TIMEOUT=${FUZZ_TIMEOUT:-20}
MAXLEN=${FUZZ_MAXLEN:-65536}
TARGETS=${FUZZ_TARGETS:-"fuzz_decode fuzz_pipeline fuzz_html fuzz_hwpx fuzz_hwp"}
PY=${PYTHON:-python3}
out=${FUZZ_OUT:-build/fuzz}
PKGS="jansson libxml-2.0 libutf8proc libzip"

command -v "$CLANG" > /dev/null || { echo "fuzz: $CLANG not found (libFuzzer needs clang)" >&2; exit 2; }
pkg_cflags=$(pkg-config --cflags $PKGS) || exit 2
# libxml2 and libzip are loaded on first use (src/dynlib.c), not linked
pkg_libs="$(pkg-config --libs jansson libutf8proc) -ldl" || exit 2
mkdir -p "$out/obj" "$out/corpus" "$out/artifacts" || exit 2

WARN="-Wall -Wextra -pedantic -Wshadow -Wstrict-prototypes -Wmissing-prototypes"
SAN="-fsanitize=address,undefined -fno-sanitize-recover=all"
CFLAGS="-std=c11 -D_POSIX_C_SOURCE=200809L $WARN -O1 -g -fno-omit-frame-pointer $SAN $pkg_cflags -Isrc ${FUZZ_CFLAGS:-}"

# ---- build ----------------------------------------------------------------

# Library sources: as the Makefile's LIB_SRC.
srcs=""
for f in src/*.c; do
    case $f in
    src/main.c | src/batch.c) continue ;;
    src/stub_html.c) [ -f src/html.c ] && continue ;;
    src/stub_hwpx.c) [ -f src/hwpx.c ] && continue ;;
    esac
    srcs="$srcs $f"
done
[ -f src/html.c ] || echo "fuzz: src/html.c missing: fuzz_html runs against src/stub_html.c"
[ -f src/hwpx.c ] || echo "fuzz: src/hwpx.c missing: fuzz_hwpx runs against src/stub_hwpx.c"

# build/fuzz/schema_data.c as the Makefile makes build/schema_data.c.
if [ ! -f "$out/schema_data.c" ] || [ schemas/ksplit.schema.json -nt "$out/schema_data.c" ]; then
    sh tools/embed.sh ks_schema_text < schemas/ksplit.schema.json > "$out/schema_data.c" || exit 2
fi

newest_header=$(ls -t src/*.h | head -n 1)
objs=""
for f in $srcs "$out/schema_data.c"; do
    o="$out/obj/$(basename "$f" .c).o"
    objs="$objs $o"
    if [ ! -f "$o" ] || [ "$f" -nt "$o" ] || [ "$newest_header" -nt "$o" ]; then
        # The coverage instrumentation is worth nothing in the generated
        # tables (and slow to compile): instrument code only.
        cov="-fsanitize=fuzzer-no-link"
        case $f in *_model.c | */schema_data.c) cov="" ;; esac
        echo "fuzz: cc $f"
        # shellcheck disable=SC2086
        "$CLANG" $CFLAGS $cov -c -o "$o" "$f" || exit 2
    fi
done

for t in $TARGETS; do
    [ -f "tests/fuzz/$t.c" ] || { echo "fuzz: no tests/fuzz/$t.c" >&2; exit 2; }
    bin="$out/$t"
    if [ ! -x "$bin" ] || [ "tests/fuzz/$t.c" -nt "$bin" ] || [ tests/fuzz/fuzz_common.h -nt "$bin" ] ||
        [ -n "$(find "$out/obj" -newer "$bin" -name '*.o' 2> /dev/null)" ]; then
        echo "fuzz: link $bin"
        # shellcheck disable=SC2086
        "$CLANG" $CFLAGS -fsanitize=fuzzer -Itests/fuzz -o "$bin" "tests/fuzz/$t.c" $objs \
            $pkg_libs -lpthread -lm || exit 2
    fi
done

# ---- seeds ------------------------------------------------------------------

"$PY" - "$out/corpus" $TARGETS << 'PY' || exit 2
import glob, hashlib, html, os, sys

out, targets = sys.argv[1], sys.argv[2:]
files = sorted(set(glob.glob("samples/*") + glob.glob("tests/golden/*/input.*")
                   + [f for f in glob.glob("tests/fixtures/**/*", recursive=True)]))
files = [f for f in files if os.path.isfile(f) and not f.endswith("README.md")
         and os.path.getsize(f) <= 1 << 20]
data = {f: open(f, "rb").read() for f in files}
texts = []
for f, b in data.items():
    try:
        t = b.decode("utf-8")
    except UnicodeDecodeError:
        continue
    if t.strip() and not t.lstrip().startswith("<") and "\0" not in t:
        texts.append(t)
is_zip = lambda b: b[:4] == b"PK\x03\x04"

def esc(s):
    return html.escape(s, quote=True)

def html_page(t, charset):
    lines = [l.strip() for l in t.splitlines() if l.strip()][:60]
    if not lines:
        return None
    body = "".join(
        ("<table><tr><td>%s</td><td>%s</td></tr></table>" % (esc(l[:8]), esc(l[8:]))
         if i % 7 == 3 else "<p>%s</p>" % esc(l)) for i, l in enumerate(lines[1:]))
    page = ('<!DOCTYPE html><html><head><meta charset="%s"><title>%s</title></head>'
            '<body><div class="view"><h3>%s</h3>%s</div></body></html>'
            % (charset, esc(lines[0]), esc(lines[0]), body))
    try:
        return page.encode("cp949" if charset == "euc-kr" else "utf-8")
    except UnicodeEncodeError:
        return None

def hwpx_section(t):
    lines = [l.strip() for l in t.splitlines() if l.strip()][:60]
    if not lines:
        return None
    p = lambda s: "<hp:p><hp:run><hp:t>%s</hp:t></hp:run></hp:p>" % esc(s)
    head = ("<hp:p><hp:run><hp:tbl><hp:tr><hp:tc><hp:subList>%s</hp:subList></hp:tc>"
            "<hp:tc><hp:subList>%s</hp:subList></hp:tc></hp:tr></hp:tbl></hp:run></hp:p>"
            % (p("보도시점"), p("2026. 4. 10.(금) 배포 즉시")))
    title = ("<hp:p><hp:run><hp:tbl><hp:tr><hp:tc><hp:subList>%s</hp:subList></hp:tc></hp:tr>"
             "</hp:tbl></hp:run></hp:p>" % p(lines[0]))
    body = "".join(p(l) for l in lines[1:])
    return ('<?xml version="1.0" encoding="UTF-8"?><hs:sec '
            'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
            'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">%s%s%s</hs:sec>'
            % (head, title, body)).encode()

seeds = {t: [] for t in targets}
for f, b in data.items():
    if "fuzz_decode" in seeds:
        seeds["fuzz_decode"] += [b"\x00\x07" + b, b"\x01\x03" + b, b"\x02\x05" + b,
                                 b"\x05\x09" + b, b"\x41\x02" + b]
    if "fuzz_pipeline" in seeds:
        seeds["fuzz_pipeline"] += [b"\x00\x00\x07" + b, b"\x10\x00\x03" + b,
                                   b"\x04\x02\x01" + b, b"\x02\x00\x05" + b, b"\x09\x00\x0b" + b]
    if "fuzz_html" in seeds:
        seeds["fuzz_html"] += [b"\x80" + b] + ([b"\x00" + b] if b.lstrip()[:1] == b"<" else [])
    if "fuzz_hwpx" in seeds and is_zip(b):
        seeds["fuzz_hwpx"] += [b"\x00" + b, b"\x80" + b]
    if "fuzz_hwp" in seeds and b[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        seeds["fuzz_hwp"] += [b"\x00" + b, b"\x01" + b]
for i, t in enumerate(texts):
    if "fuzz_html" in seeds:
        for cs in ("utf-8", "euc-kr"):
            page = html_page(t, cs)
            if page:
                seeds["fuzz_html"] += [b"\x00" + page, b"\x80" + page]
    if "fuzz_hwpx" in seeds:
        sec = hwpx_section(t)
        if sec:
            seeds["fuzz_hwpx"] += [b"\x03" + sec, b"\x01" + sec + b"@@SECTION@@" + sec,
                                   b"\x07" + sec]
for t, items in seeds.items():
    d = os.path.join(out, t)
    os.makedirs(d, exist_ok=True)
    for s in items:
        name = os.path.join(d, "seed-" + hashlib.sha1(s).hexdigest())
        if not os.path.exists(name):
            with open(name, "wb") as fh:
                fh.write(s)
PY

# ---- replay, then fuzz ---------------------------------------------------

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
fail=0
summary=""
for t in $TARGETS; do
    bin="$out/$t"
    reg="tests/fuzz/regressions/$t"
    nreg=0
    if [ -d "$reg" ] && [ -n "$(ls "$reg")" ]; then
        nreg=$(ls "$reg" | wc -l)
        if "$bin" -timeout="$TIMEOUT" "$reg"/* > "$out/$t.replay.log" 2>&1; then
            echo "fuzz: $t: $nreg saved reproducers pass"
        else
            echo "FAIL $t: a saved reproducer fails (log: $out/$t.replay.log):"
            grep -E 'ERROR|SUMMARY|invariant|Running' "$out/$t.replay.log" | tail -n 6
            fail=1
        fi
    fi
    rm -f "$out/artifacts/$t-"*
    echo "fuzz: $t for ${FUZZTIME}s ..."
    start=$(date +%s)
    "$bin" -max_total_time="$FUZZTIME" -timeout="$TIMEOUT" -max_len="$MAXLEN" \
        -rss_limit_mb=2048 -dict=tests/fuzz/ksplit.dict -print_final_stats=1 \
        -artifact_prefix="$out/artifacts/$t-" "$out/corpus/$t" > "$out/$t.log" 2>&1
    rc=$?
    secs=$(($(date +%s) - start))
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$t.log" | tail -n 1)
    last=$(grep -E '^#[0-9]+.*cov: ' "$out/$t.log" | tail -n 1)
    cov=$(printf '%s\n' "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(printf '%s\n' "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    corp=$(printf '%s\n' "$last" | sed -n 's/.* corp: \([0-9]*\)\/.*/\1/p')
    rate=$(sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p' "$out/$t.log" | tail -n 1)
    found=0
    for a in "$out/artifacts/$t-"*; do
        [ -f "$a" ] || continue
        found=$((found + 1))
        mkdir -p "$reg"
        cp "$a" "$reg/${a##*/$t-}"
        echo "FAIL $t: new finding saved as $reg/${a##*/$t-}"
    done
    if [ $rc != 0 ] || [ $found != 0 ]; then
        echo "FAIL $t: libFuzzer exit $rc (log: $out/$t.log):"
        grep -E 'ERROR|SUMMARY|invariant|runtime error|Test unit written' "$out/$t.log" | head -n 8
        fail=1
    fi
    line=$(printf '%-14s %6ss %10s execs %7s/s  cov %6s  ft %7s  corpus %6s  findings %s  reproducers %s' \
        "$t" "$secs" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$found" "$nreg")
    echo "$line"
    summary="$summary$line
"
done
echo "---- fuzz summary (FUZZTIME=${FUZZTIME}s, load: $(uptime | sed 's/.*load average: //'))"
printf '%s' "$summary"
[ $fail = 0 ] && echo "fuzz: no findings" || echo "fuzz: FAILED"
exit $fail
