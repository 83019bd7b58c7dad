#!/usr/bin/env python3
"""bench.py KSPLIT STREAM_DOCS OUT -- the measurements behind `make bench`.

Run by bench/run.sh from the repository root; writes its work files under
build/bench/ and the result table to OUT (build/bench.txt) and stdout.

What it measures (issue 7; medians of several runs, all ratios from the
same run):
  throughput   a >= 20 MB corpus of CP949 documents made from the text
               samples, all stages on, one ksplit process for all files:
               MB/s, and ksplit's time / `iconv -f CP949 -t UTF-8` on the
               same bytes (the decode it cannot avoid)
  respace      the same corpus with --no-respace: the cost of the stage
  instructions the corpus's first 400 documents, -j 1, counted by callgrind
               with and without the repair (valgrind; skipped without it):
               the figure that does not move with the machine's load
  start-up     one 5 KB release: wall time and peak RSS
  model        the repair's model: its size, and what it adds to start-up
               and one release against --no-respace (its load time: the
               tables are static data, paged in as they are read)
  memory       peak RSS for a 100 MB single document (UTF-8, CP949, and
               UTF-8 on one line: one paragraph), and for a 1 GB stream of
               documents through one pipeline (bench/stream_docs)
  linear time  each pathological input of tests/pathological.sh (plus a
               zip bomb) at 1x and 10x: time(10x) / time(1x), the two sizes
               run in turn, five times each (LIN_RUNS), so that a change of
               load on the machine meets both; and the 10x runs' peak RSS
               (no target: shown so that a cost per line or per element
               is seen)

The machine is shared: the load average is printed with the figures, and
each other timing is the median of RUNS runs (BENCH_RUNS, default 5).
BENCH_QUICK=1 makes everything smaller, for trying the script out.
BENCH_COLD=1 (as root) also times the throughput corpus read from a cold
page cache, which it empties before each run.
"""
import glob
import hashlib
import io
import json
import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
import zipfile

KS, STREAM, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
WORK = "build/bench"
QUICK = os.environ.get("BENCH_QUICK") == "1"
RUNS = int(os.environ.get("BENCH_RUNS", "3" if QUICK else "5"))
CORPUS_MB = 2 if QUICK else 20
BIG_MB = 10 if QUICK else 100
STREAM_MB = 50 if QUICK else 1000
MB = 1e6
# Wall-time caps, so that a slow build still finishes in about ten minutes:
# the figure is then reported with the cap it hit.
BIG_LIMIT = int(os.environ.get("BENCH_BIG_LIMIT", "90"))
STREAM_LIMIT = int(os.environ.get("BENCH_STREAM_LIMIT", "60"))
PATH_LIMIT = int(os.environ.get("BENCH_PATH_LIMIT", "60"))
os.makedirs(WORK, exist_ok=True)
lines_out = []
results = []  # (name, value, target, ok)


def say(s=""):
    print(s, flush=True)
    lines_out.append(s)


def load():
    return open("/proc/loadavg").read().split()[0]


TIME_BIN = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(argv, stdin=None, limit=None):
    """Run ARGV; returns (seconds, peak RSS in KB, exit status).  After
    LIMIT seconds a watchdog kills the process group and the status is
    "timeout" (the wait itself blocks, so short times are not rounded to a
    poll).  The peak RSS comes from GNU time (-f %M) when installed: the
    rusage of a child forked from Python counts Python's own pages too."""
    fin = open(stdin, "rb") if stdin else subprocess.DEVNULL
    rssfile = os.path.join(WORK, "rss.txt")
    cmd = [TIME_BIN, "-f", "%M", "-o", rssfile] + argv if TIME_BIN else argv
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, start_new_session=True)
    killed = []
    dog = None
    if limit:
        dog = threading.Timer(limit, lambda: (killed.append(1), os.killpg(p.pid, 9)))
        dog.start()
    _, status, ru = os.wait4(p.pid, 0)
    secs = time.perf_counter() - t0
    if dog:
        dog.cancel()
    p.returncode = 0  # reaped above; keep Popen from waiting again
    if stdin:
        fin.close()
    rss = ru.ru_maxrss
    if TIME_BIN and not killed:
        try:
            rss = int(open(rssfile).read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass
    return secs, rss, "timeout" if killed else os.waitstatus_to_exitcode(status)


def median_time(argv, runs=RUNS, stdin=None):
    ts, rss, rc = [], 0, 0
    for _ in range(runs):
        t, r, rc = run_once(argv, stdin, limit=PATH_LIMIT)
        ts.append(t)
        rss = max(rss, r)
    return statistics.median(ts), rss, rc


def record(name, value, unit, target, ok):
    results.append((name, value, unit, target, ok))
    mark = "" if ok is None else ("ok" if ok else "MISSED")
    say("  %-44s %12s %-6s %-14s %s" % (name, value, unit, target, mark))


# ---- the corpus -------------------------------------------------------------

# The corpus's releases, fixed so that the figures of two revisions compare:
# a golden case added later does not join it (5a58677's govpress-156754238-pdf
# did, in a run on 74a0cbd: 4,524 documents of 17 releases, not 5,011 of 16).
CORPUS_INPUTS = [
    "samples/daegu-gwangju-lecture.txt",
] + ["tests/golden/%s/input.txt" % n for n in (
    "govpress-156754052-pdf", "govpress-156754060-broken-lines", "govpress-156754093-joined",
    "govpress-156754098-pdf", "govpress-156754103-broken", "govpress-156754130-pdf",
    "govpress-156754143-gold", "govpress-156754180-broken", "govpress-156754211-joined",
    "govpress-156754238-broken", "govpress-156754250-pdf", "govpress-156754256-viewer",
    "govpress-156754263-narrow", "govpress-156754282-pdf", "govpress-156754291-broken")]


def text_inputs():
    """The UTF-8 text releases of CORPUS_INPUTS (samples/ and golden text
    cases), each once."""
    seen, out = set(), []
    for f in CORPUS_INPUTS:
        b = open(f, "rb").read()
        try:
            b.decode("utf-8")
        except UnicodeDecodeError:
            continue
        h = hashlib.sha1(b).digest()
        if len(b) < 1000 or b"\0" in b or h in seen:
            continue
        seen.add(h)
        out.append((f, b))
    return out


def to_cp949(docs):
    """Re-encode with iconv, after the replacements tests/golden/seed-cp949
    used for the characters CP949 lacks (see samples/README.md)."""
    joined = b"\0".join(b for _, b in docs)
    for a, b in ((u"\u25b8", u"\u25b6"), (u"\u2027", u"\u00b7"), (u"\u00a0", u" ")):
        joined = joined.replace(a.encode(), b.encode())
    p = subprocess.run(["iconv", "-c", "-f", "UTF-8", "-t", "CP949"], input=joined,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    lost = len(joined.decode("utf-8")) - len(p.stdout.decode("cp949", "replace"))
    return p.stdout.split(b"\0"), lost


def make_corpus():
    docs = text_inputs()
    cp, lost = to_cp949(docs)
    d = os.path.join(WORK, "cp949")
    os.makedirs(d, exist_ok=True)
    for f in glob.glob(d + "/*.txt"):
        os.remove(f)
    files, total, i = [], 0, 0
    while total < CORPUS_MB * MB:
        b = cp[i % len(cp)]
        name = os.path.join(d, "doc%05d.txt" % i)
        open(name, "wb").write(b)
        files.append(name)
        total += len(b)
        i += 1
    cat = os.path.join(WORK, "cp949.cat")
    with open(cat, "wb") as fh:
        for f in files:
            fh.write(open(f, "rb").read())
    return docs, files, total, cat, lost


# ---- pathological inputs (tests/pathological.sh), scaled ----------------------

def zip_bomb(k):
    """An HWPX whose one section is k * 10 MB of spaces (about 10 KB deflated)."""
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/hwp+zip")
        z.writestr("Contents/section0.xml", b"<hs:sec>" + b" " * (k * 10 * 1024 * 1024))
    return bio.getvalue()


def pathological(k):
    """The inputs of tests/pathological.sh at K/10 of its size (K=10 is the
    size the test uses), and extra arguments."""
    s = k / 10
    return [
        ("10 MB without a space", ("가".encode() * int(s * 10 * 1024 * 1024 // 3)), []),
        ("10 MB single line", ("가나다 " * int(s * 2500000)).encode()[: int(s * 10 * 1024 * 1024)], []),
        ("a million blank lines", b"\n" * int(s * 1000000), []),
        ("100k unclosed quotes", "“말했다 ".encode() * int(s * 100000), []),
        ("500k quotations in one paragraph", ("황종우 해양수산부 장관은 " + "“잘 하겠다”라며 "
                                              * int(s * 500000) + "말했다.").encode(), []),
        ("10 MB of split words, one line", ("있 었다 " * int(s * 10 * 1024 * 1024 // 11)).encode(), []),
        ("10 MB of wrap marks", "가\n".encode() * int(s * 10 * 1024 * 1024 // 4), []),
        ("1M bullets", "□ 항목\n".encode() * int(s * 1000000), []),
        ("100k attachment lines", "붙임 1. 사업 개요. 2. 질의응답. 끝.\n".encode() * int(s * 100000), []),
        ("50k lines in line mode", ("전 국에 있 었다 가나다라마바 사아자 차카타 파하 " * 2 + "\n").encode()
         * int(s * 50000), ["--line-mode"]),
        ("200k words a paragraph (PDF text)",
         ("가나다라마바사아자차카 타파하거너더러머버서 어저처커터퍼허고노도 로모보소오조초코토포호\n"
          * int(s * 20000) + "단어\n\n" * int(s * 200000) + "끝\n").encode(), []),
        ("all 0xFF bytes", b"\xff" * int(s * 1024 * 1024), []),
        ("cut character at the end", "보도자료".encode() * max(1, int(s * 10)) + b"\xeb\xb3", []),
        ("NUL bytes", b"\x00" * int(s * 100000) + "본문".encode(), []),
        ("HTML nested 10k deep", b"<html><body>" + b"<div>" * int(s * 10000) + "본문".encode()
         + b"</div>" * int(s * 10000), []),
        ("HTML nested 10k deep, --from text", b"<div>" * int(s * 10000) + "본문".encode(),
         ["--from", "text"]),
        ("zip bomb (HWPX)", zip_bomb(max(1, int(s * 10))), ["--from", "hwpx"]),
    ]


# ---- main -------------------------------------------------------------------

say("ksplit benchmark  %s  (median of %d runs; load average %s at start; %s)"
    % (time.strftime("%Y-%m-%d %H:%M"), RUNS, load(), "QUICK" if QUICK else "full"))

docs, files, total, cat, lost = make_corpus()
say("corpus: %d CP949 documents, %.1f MB, from %d distinct text releases "
    "(%d characters CP949 lacks dropped by iconv -c after the seed-cp949 replacements)"
    % (len(files), total / MB, len(docs), lost))
say("")
say("  %-44s %12s %-6s %-14s %s" % ("measure", "value", "unit", "target", ""))

# throughput: one process over all files (the shell would limit a glob;
# argv holds about 3000 short names, far below ARG_MAX)
t_ks, rss_ks, rc = median_time([KS, "-q"] + files)
t_norsp, _, _ = median_time([KS, "-q", "--no-respace"] + files)
t_iconv, _, _ = median_time(["iconv", "-f", "CP949", "-t", "UTF-8"], stdin=cat)
mbps = total / MB / t_ks
record("throughput, CP949, all stages (exit %s)" % rc, "%.1f" % mbps, "MB/s", ">= 50", mbps >= 50)
record("ksplit time / iconv time", "%.2f" % (t_ks / t_iconv), "x", "<= 3",
       t_ks / t_iconv <= 3)
record("  (ksplit %.3f s, iconv %.3f s)" % (t_ks, t_iconv), "", "", "", None)
record("throughput with --no-respace", "%.1f" % (total / MB / t_norsp), "MB/s", "", None)
over = (t_ks / t_norsp - 1) * 100
record("respace cost (time with / without - 1)", "%.1f" % over, "%", "<= 30", over <= 30)


def drop_caches():
    """Empty the page cache (root only), then read KS back into it: the
    inputs alone are then read from the disk."""
    subprocess.run(["sync"])
    with open("/proc/sys/vm/drop_caches", "w") as fh:
        fh.write("3\n")
    with open(KS, "rb") as fh:
        while fh.read(1 << 20):
            pass


# From a cold page cache (BENCH_COLD=1, as root: it empties the whole
# machine's cache): a batch over an archive on disk, where reading the
# files is part of the work.  `cat` of the same files is the floor of
# reading them one at a time.
if os.environ.get("BENCH_COLD") == "1" and os.access("/proc/sys/vm/drop_caches", os.W_OK):
    cold, cat = [], []
    for _ in range(3):
        drop_caches()
        cold.append(run_once([KS, "-q"] + files)[0])
        drop_caches()
        cat.append(run_once(["cat"] + files)[0])
    tc, tcat = statistics.median(cold), statistics.median(cat)
    record("throughput from a cold page cache (median of 3)", "%.1f" % (total / MB / tc),
           "MB/s", "", None)
    record("  (ksplit %.3f s; cat of the same files %.3f s)" % (tc, tcat), "", "", "", None)


def instructions(argv):
    """Instructions ARGV executes (callgrind's count; None without
    valgrind).  Unlike a time, the count does not move with the load of a
    shared machine: the figure to compare a change by."""
    if not shutil.which("valgrind"):
        return None
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"] + argv,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    for line in r.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    return None


# the same, counted: the corpus's first INSN_DOCS documents, one job
INSN_DOCS = 40 if QUICK else 400
i_all = instructions([KS, "-q", "-j", "1"] + files[:INSN_DOCS])
i_norsp = instructions([KS, "-q", "-j", "1", "--no-respace"] + files[:INSN_DOCS])
if i_all and i_norsp:
    nbytes = sum(os.path.getsize(f) for f in files[:INSN_DOCS])
    record("instructions, first %d documents, -j 1" % INSN_DOCS, "%.1f" % (i_all / 1e6), "M", "", None)
    record("  with --no-respace", "%.1f" % (i_norsp / 1e6), "M", "", None)
    record("  per input byte; --no-respace", "%.0f; %.0f" % (i_all / nbytes, i_norsp / nbytes), "", "", None)
    record("  respace cost in instructions", "%.1f" % ((i_all / i_norsp - 1) * 100), "%", "", None)
else:
    say("  (instructions not counted: valgrind not installed)")

# start-up and one 5 KB release: hyperfine -N (no shell, no Python in the
# way) when it is installed, else our own loop minus the cost of spawning
# /bin/true from here
sample = "samples/daegu-gwangju-lecture.txt"
rss = max(run_once([KS, "-q", sample])[1] for _ in range(5))
if shutil.which("hyperfine"):
    js = os.path.join(WORK, "startup.json")
    subprocess.run(["hyperfine", "-N", "--runs", "50", "--warmup", "5", "--export-json", js,
                    "%s -q %s" % (KS, sample), "%s --version" % KS,
                    "%s -q --no-respace %s" % (KS, sample)],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    res = json.load(open(js))["results"]
    t1, tv, tn = (r["median"] * 1000 for r in res)
    how = "hyperfine -N"
else:
    # the four commands in turn, 31 rounds: a change of load meets all four
    # (run one after the other, /bin/true's median once came out above
    # ksplit's, and the start-up below zero)
    cmds = [[KS, "-q", sample], [KS, "--version"], [KS, "-q", "--no-respace", sample], ["true"]]
    ts = [[], [], [], []]
    for _ in range(31):
        for k, argv in enumerate(cmds):
            ts[k].append(run_once(argv)[0])
    t1, tv, tn, t0 = (statistics.median(t) * 1000 for t in ts)
    t1, tv, tn, how = t1 - t0, tv - t0, tn - t0, "own loop minus /bin/true, run in turn"
record("start-up + one 5 KB release, wall", "%.2f" % t1, "ms", "<= 5", t1 <= 5)
record("  (ksplit --version: %.2f ms; %s)" % (tv, how), "", "", "", None)
record("start-up + one 5 KB release, peak RSS", "%.1f" % (rss / 1024), "MB", "<= 8",
       rss / 1024 <= 8)
rv = run_once([KS, "--version"])[1]
record("  (ksplit --version peak RSS: %.1f MB)" % (rv / 1024), "", "", "", None)


def model_bytes():
    """Bytes of the repair's model in KS: its tables are static data
    (respace_model.c, respace_lexicon.c), summed from the symbol table;
    None without nm or symbols."""
    try:
        out = subprocess.run(["nm", "-S", "--defined-only", KS], capture_output=True,
                             text=True).stdout
    except OSError:
        return None
    total = 0
    for line in out.splitlines():
        f = line.split()
        if len(f) == 4 and f[3].startswith(("ks_rsm_", "ks_rsl_")):
            total += int(f[1], 16)
    return total or None


# the repair's model: no load step (static tables the kernel pages in as
# the scoring touches them), so its load time is what the repair adds to
# start-up and one release, against --no-respace in the same run
mb = model_bytes()
rn = max(run_once([KS, "-q", "--no-respace", sample])[1] for _ in range(5))
record("repair model size (static tables)", "%.2f" % (mb / MB) if mb else "?", "MB", "", None)
record("repair model load (5 KB, vs --no-respace)", "%.2f" % (t1 - tn), "ms", "", None)
record("  (peak RSS %+.1f MB; --no-respace %.2f ms, %.1f MB)"
       % ((rss - rn) / 1024, tn, rn / 1024), "", "", "", None)

# a 100 MB single document; also as one line (a web page's text squashed
# onto one line: a single paragraph of 100 MB)
def one_line(b):
    return b.replace(b"\r", b" ").replace(b"\n", b" ")


for enc, src in (("UTF-8", [b for _, b in docs]), ("CP949", to_cp949(docs)[0]),
                 ("UTF-8, one line", [one_line(b) for _, b in docs])):
    big = os.path.join(WORK, "big.txt")
    size = 0
    end = b" " if "one line" in enc else b"\n"
    with open(big, "wb") as fh:
        while size < BIG_MB * MB:
            for b in src:
                fh.write(b + end)
                size += len(b) + 1
    t, r, rc = run_once([KS, "-q", big], limit=BIG_LIMIT)
    ratio = r * 1024 / size
    record("%d MB single document (%s), peak RSS (exit %s)" % (size // MB, enc, rc),
           "%.0f" % (r / 1024), "MB", "", None)
    record("  peak RSS / document size", "%.2f" % ratio, "x", "<= 4", ratio <= 4)
    record("  time", "%.2f" % t, "s", "", None)
    os.remove(big)

# a 1 GB stream of documents through one pipeline
utf8_files = []
for i, (_, b) in enumerate(docs):
    name = os.path.join(WORK, "utf8-%03d.txt" % i)
    open(name, "wb").write(b)
    utf8_files.append(name)
p = subprocess.run([STREAM, "-t", str(STREAM_LIMIT), str(STREAM_MB)] + utf8_files
                   + files[: len(docs)],
                   stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
f = p.stdout.split()
kv = dict(zip(f[::2], f[1::2])) if p.returncode in (0, 1) and f else {}
if kv:
    mb = int(kv["maxrss_kb"]) / 1024
    got = float(kv["bytes"]) / MB
    record("%d MB stream, %s documents, peak RSS%s"
           % (got, kv["docs"], "" if got >= STREAM_MB else " (time limit: %d s)" % STREAM_LIMIT),
           "%.1f" % mb, "MB", "<= 64", mb <= 64)
    record("  stream throughput (in-process, UTF-8+CP949)", kv["mbps"], "MB/s", "", None)
    record("  failed documents", kv["failed"], "", "0", kv["failed"] == "0")
else:
    record("stream_docs failed (exit %d)" % p.returncode, "", "", "", False)

# linear time
LIN_RUNS = 3 if QUICK else 5
say("")
say("linear time: time(10x) / time(1x), target <= 12 (medians of %d runs of each, the two"
    " sizes run in turn so that both meet the same load; exit codes in brackets)" % LIN_RUNS)
small, large = pathological(1), pathological(10)
slow = []
peaks = []  # (name, 10x input bytes, peak RSS KB of its runs)
for (name, a, args), (_, b, _) in zip(small, large):
    fa, fb = os.path.join(WORK, "path-1x"), os.path.join(WORK, "path-10x")
    open(fa, "wb").write(a)
    open(fb, "wb").write(b)
    ts = {fa: [], fb: []}
    rc = {}
    peak = 0
    for _ in range(LIN_RUNS):
        for f in (fa, fb):
            t, r, rc[f] = run_once([KS, "-q"] + args + [f], limit=PATH_LIMIT)
            ts[f].append(t)
            if f == fb:
                peak = max(peak, r)
        if ts[fa][0] > 1:  # a slow build: one 10x run takes over 10 s
            break
    ta, tb = statistics.median(ts[fa]), statistics.median(ts[fb])
    rca, rcb = rc[fa], rc[fb]
    ratio = tb / ta
    record("%-33s %6.0f KB %7.3f s [%s] / %6.0f KB %7.3f s [%s]"
           % (name, len(a) / 1024, ta, rca, len(b) / 1024, tb, rcb),
           "%.1f" % ratio, "x", "<= 12", ratio <= 12)
    if ratio > 12:
        slow.append((name, a, args))
    peaks.append((name, len(b), peak))
    os.remove(fa)
    os.remove(fb)

# memory on the same inputs: no target (the 4x one is for a 100 MB
# document, above); shown so that a per-line or per-element cost is seen
say("")
say("memory on the 10x inputs: peak RSS, and over the input's size (start-up included: a"
    " small input reads high)")
for name, n, peak in peaks:
    say("  %-44s %9.0f KB in %8.1f MB  %8.1f x" % (name, n / 1024, peak / 1024, peak * 1024 / max(1, n)))

for name, a, args in slow:
    keep = os.path.join(WORK, "slow-" + "".join(c if c.isalnum() else "-" for c in name))
    open(keep, "wb").write(a)
    say("  superlinear: %s -> 1x input kept as %s (args: %s)" % (name, keep, " ".join(args)))
say("")
missed = [r[0].strip() for r in results if r[4] is False]
say("load average at end: %s; %d targets met, %d missed%s"
    % (load(), sum(1 for r in results if r[4]), len(missed),
       (": " + "; ".join(missed)) if missed else ""))
open(OUT, "w").write("\n".join(lines_out) + "\n")
