#!/usr/bin/env python3
"""Train ksplit's broken-spacing model and write src/respace_model.c.

    tools/train_respace.py CORPUS_TRAIN_DIR [-o src/respace_model.c]

e.g.  tools/train_respace.py ../shared/corpus/train

Python 3 standard library only; deterministic (fixed seeds, sorted output):
the same corpus gives the same bytes.

What it trains on (and nothing else)
------------------------------------
CORPUS_TRAIN_DIR is the project's training corpus (one sentence or paragraph
a line, NFC, correctly spaced; see its MANIFEST.md):

  wikinews/wikinews.txt                    Korean Wikinews, CC BY 2.5
                                           (attribution: ko.wikinews.org contributors)
  nanet-book-reviews/nanet-book-reviews.txt National Assembly Library book reviews, CC BY
  unesco-ko/unesco-ko.txt                  Korean editions of UNESCO reports, CC BY-SA 3.0 IGO
  laws/laws.txt      (first 3.5 MB only)   Korean statutes, public domain (저작권법 제7조 1호)
  precedents/precedents.txt (first 2.5 MB) Supreme Court judgments, public domain (제7조 3호)

The legal sources are 84 % of the corpus; they are cut, and the other
sources' counts weighted x3, so that the model does not lean legal (statutes
write "행정안전부장관" where a press release writes "행정안전부 장관") (their lines are in a stable random document order, so a
prefix is a reproducible random subset of whole documents).  The evaluation
sets (KLUE sentences, korea.kr releases) are NOT read.  The generated file
holds only counts-derived scores keyed by hashed character n-grams, not text.

How the model works
-------------------
Text is mapped to character classes (digits -> '0', ASCII letters -> 'a',
CJK ideographs -> U+4E00, everything else itself).  For a gap between a left
token A and a right token B (tokens are what lies between spaces), keys are
built from A's last 1/2/3/6 characters and B's first 1/2/3/6 characters; a
token shorter than the window is marked at its edge (^ before A's start, $
after B's end), so "the left token is the one syllable 홍" is its own key.

Counting: in correctly spaced text, every position inside a word is a "join"
example (A = the word's start, B = its rest: exactly what a spurious space
there would show) and every real space a "space" example.  Each key's value
is its log-odds of space vs join, minus its type's average, clipped to
[-7.9, 7.9] and stored x16 in an int8.  Rare keys (seen < MIN_COUNT times)
are dropped.

Stacking: a held-out tenth of the selected lines is broken the way hard
line wraps break text (lines of 32-48 characters joined by a space, a
spurious space where a wrap falls inside a word, ASCII words kept whole),
grouped into pseudo-documents of 40 lines.  Half of its paragraphs fit a
logistic regression over the key values plus two document-evidence
features (A+B written whole vs "A B" spaced elsewhere in the document; A
plus B less a final particle written whole); the other half tune:

  - a prefilter: a second regression over the L1R1/L2/R2 keys alone, kept
    in their own small table, with a cut that lets through 99.5 % of the
    gaps the full model scores near removal (most real spaces stop there);
  - the wrap grid: spurious spaces from joined wraps fall at a near-regular
    period; grid_posterior() sums over periods PMIN..PMAX and chains of
    gaps the probability that a wrap fell on each gap, and spur_prob()
    turns that and the model's score into P(spurious);
  - four thresholds at --target precision (default 0.996; the sets ksplit
    meets are noisier than this held-out text): P(spurious) for spaces,
    the bare score for spaces (used while scoring, for the left token), the
    score for '\n' wraps, where real PDF text wraps between words about
    four times for each wrap inside one (HWP wraps Korean by word), and
    P(spurious) at a fixed width (rule 20, --line-mode: each held-out
    paragraph taken alone, as a line of a line-aligned set).

Keys live in a static open-addressing hash table (FNV-1a 64 taken one
code point a step over the key, so that a Hangul syllable costs one step,
not three; slot = low bits, 16-bit fingerprint = top bits, stored with the
int8 value in three bytes; linear probing), so a lookup is one or two probes
and loading costs nothing.  src/respace.c must build and hash keys exactly
as keys() and key_hash() do here.
"""
import argparse
import math
import os
import pickle
import random
import sys

# Per key type (TYPE_NAMES order): keys seen fewer times, or whose value is
# nearer the type's average (x SCALE), are dropped to keep the table small.
MIN_COUNT = [8, 12, 12, 16, 18, 18, 24, 16, 16, 10, 10, 8, 8]
MIN_VALUE = [3, 4, 4, 6, 8, 8, 12, 8, 8, 4, 4, 3, 3]
SCALE = 16.0
FAST_TYPES = (0, 11, 12)   # L1R1, L2, R2: the prefilter's keys, in a small table
FAST_NEAR = -1.5           # full scores the prefilter must let through
NTYPES = 13
TYPE_NAMES = ["L1R1", "L2R1", "L1R2", "L2R2", "L3R1", "L1R3", "L3R3", "L6", "R6",
              "L3", "R3", "L2", "R2"]
NDOC = 2
SOURCES = [  # (path, byte budget or None for all, count weight)
    ("wikinews/wikinews.txt", None, 3),
    ("nanet-book-reviews/nanet-book-reviews.txt", None, 3),
    ("unesco-ko/unesco-ko.txt", None, 3),
    ("laws/laws.txt", 3_500_000, 1),
    ("precedents/precedents.txt", 2_500_000, 1),
]
PMIN, PMAX, BAND = 26, 54, 2   # line-wrap periods (characters) and slack
GRID_Q = 0.5      # P(a wrap falls inside a word)
GRID_EPS = 0.02   # P(a space off the wrap grid is spurious): converters
LLR_MIN, LLR_MAX = -30.0, 12.0
WRAP_INSIDE_ODDS_INV = 4.0   # real wraps: 4 between words for 1 inside one
BLOCK = 40          # lines per block; every HOLDOUT_EVERY-th block is held out
HOLDOUT_EVERY = 10
START, END, SEP = "\x02", "\x03", "\x01"


def cls(ch):
    o = ord(ch)
    if 48 <= o <= 57:
        return "0"
    if 65 <= o <= 90 or 97 <= o <= 122:
        return "a"
    if 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF:
        return "\u4e00"
    return ch


def cmap(s):
    return "".join(cls(c) for c in s)


def lwin(a, k):
    return a[-k:] if len(a) > k else START + a


def rwin(b, k):
    return b[:k] if len(b) > k else b + END


def keys(a, b):
    """The NTYPES keys of the gap between class-mapped tokens A and B."""
    l1, l2, l3, l6 = lwin(a, 1), lwin(a, 2), lwin(a, 3), lwin(a, 6)
    r1, r2, r3, r6 = rwin(b, 1), rwin(b, 2), rwin(b, 3), rwin(b, 6)
    return ["\x10" + l1 + SEP + r1, "\x11" + l2 + SEP + r1, "\x12" + l1 + SEP + r2,
            "\x13" + l2 + SEP + r2, "\x14" + l3 + SEP + r1, "\x15" + l1 + SEP + r3,
            "\x16" + l3 + SEP + r3, "\x17" + l6 + SEP, "\x18" + SEP + r6,
            "\x19" + l3 + SEP, "\x1a" + SEP + r3, "\x1b" + l2 + SEP, "\x1c" + SEP + r2]


def key_hash(k):
    """FNV-1a 64 with a code point, not a byte, for each step."""
    h = 0xCBF29CE484222325
    for c in k:
        h ^= ord(c)
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def read_sources(root):
    train, held = [], []   # held: list of blocks (pseudo-documents)
    for path, budget, weight in SOURCES:
        lines, used = [], 0
        with open(os.path.join(root, path), encoding="utf-8") as f:
            for line in f:
                line = " ".join(line.split())
                if not line:
                    continue
                used += len(line.encode("utf-8")) + 1
                if budget is not None and used > budget:
                    break
                lines.append(line)
        for bi in range(0, len(lines), BLOCK):
            blk = lines[bi:bi + BLOCK]
            if (bi // BLOCK) % HOLDOUT_EVERY == HOLDOUT_EVERY // 2:
                held.append(blk)
            else:
                train.extend((line, weight) for line in blk)
        print(f"  {path}: {len(lines)} lines", file=sys.stderr)
    return train, held


def count(lines):
    cs, cj = {}, {}
    for n, (line, weight) in enumerate(lines):
        toks = [cmap(t) for t in line.split()]
        sp, jn = [], []
        for j, w in enumerate(toks):
            for i in range(1, len(w)):
                jn.extend(keys(w[:i], w[i:]))
            if j + 1 < len(toks):
                sp.extend(keys(w, toks[j + 1]))
        for k in sp:
            cs[k] = cs.get(k, 0) + weight
        for k in jn:
            cj[k] = cj.get(k, 0) + weight
        if n % 20000 == 0:
            print(f"  counted {n} lines, {len(cs) + len(cj)} keys", file=sys.stderr)
    return cs, cj


def make_table(cs, cj):
    tot_s = [0] * NTYPES
    tot_j = [0] * NTYPES
    for k, v in cs.items():
        tot_s[ord(k[0]) - 0x10] += v
    for k, v in cj.items():
        tot_j[ord(k[0]) - 0x10] += v
    prior = [math.log(tot_s[t] / tot_j[t]) for t in range(NTYPES)]
    table = {}
    per_type = [0] * NTYPES
    for k in set(cs) | set(cj):
        t = ord(k[0]) - 0x10
        s, j = cs.get(k, 0), cj.get(k, 0)
        if s + j < MIN_COUNT[t]:
            continue
        v = math.log((s + 0.5) / (j + 0.5)) - prior[t]
        q = int(round(max(-7.9, min(7.9, v)) * SCALE))
        if abs(q) < MIN_VALUE[t]:
            continue   # near the type's average: absent means the same
        table[k] = q
        per_type[t] += 1
    for t in range(NTYPES):
        print(f"  {TYPE_NAMES[t]}: {per_type[t]} keys", file=sys.stderr)
    return table


def gap_values(table, a, b):
    return [table.get(k, 0) / SCALE for k in keys(a, b)]


def break_line(line, rng):
    """Simulate hard line wraps of width 32-48 characters joined by spaces.

    Returns the broken text and, for each space in it (by position), a pair
    (spurious, wrap): spurious when the gold has no space there, wrap when a
    line ended there.  ASCII words and numbers are wrapped whole."""
    width = rng.randint(PMIN + 6, PMAX - 6)
    room = rng.randint(1, width)
    out, wraps, n, i, pos = [], set(), len(line), 0, 0
    while i < n:
        end = i + room
        room = width
        if end >= n:
            out.append(line[i:])
            break
        j = end
        while j > i and ascii_alnum(line[j]) and ascii_alnum(line[j - 1]):
            j -= 1
        if j == i:
            j = end
        seg = line[i:j]
        if line[j] == " " or line[j - 1] == " ":
            seg = seg.rstrip(" ")
            while j < n and line[j] == " ":
                j += 1
        out.append(seg)
        pos += len(seg)
        wraps.add(pos)
        out.append(" ")
        pos += 1
        i = j
    broken = "".join(out)
    labels = {}
    gi = 0
    for bi, ch in enumerate(broken):
        if ch == " ":
            spur = gi >= len(line) or line[gi] != " "
            labels[bi] = (spur, bi in wraps)
            if not spur:
                gi += 1
        else:
            gi += 1
    return broken, labels


def ascii_alnum(ch):
    return ch.isascii() and ch.isalnum()


def doc_values(doc, a_raw, b_raw):
    """Document evidence, robust to the document's size: the joined form
    against the spaced pair elsewhere (this occurrence not counted), and
    whether A plus B without its last one or two characters (a particle or
    ending) is written whole."""
    c = doc.get
    joined = c(a_raw + b_raw, 0)
    spaced = max(0, c(a_raw + " " + b_raw, 0) - 1)
    d1 = math.log((joined + 0.5) / (spaced + 0.5))
    d2 = 0.0
    if joined == 0:
        for k in (len(b_raw) - 1, len(b_raw) - 2):
            if k >= 1 and c(a_raw + b_raw[:k], 0) > 0:
                d2 = 1.0
                break
    return [d1, d2]


def doc_count(doc, pieces):
    for i, p in enumerate(pieces):
        doc[p] = doc.get(p, 0) + 1
        if i:
            k = pieces[i - 1] + " " + p
            doc[k] = doc.get(k, 0) + 1


def samples(table, held, rng):
    """Paragraphs of the broken held-out text: (length, gaps), each gap
    (position, feature vector, spurious, wrap); pseudo-documents of BLOCK
    lines give the document evidence."""
    out = []
    for blk in held:
        broken = [break_line(line, rng) for line in blk]
        doc = {}
        for text, _ in broken:
            doc_count(doc, text.split(" "))
        for text, labels in broken:
            pieces = text.split(" ")
            gaps = []
            left, pos = pieces[0], len(pieces[0])
            for right in pieces[1:]:
                spur, wrap = labels[pos]
                if left and right and not (ascii_alnum(left[-1]) and (ascii_alnum(right[0]) or right[0] in "-+")):
                    x = gap_values(table, cmap(left), cmap(right)) + doc_values(doc, left, right)
                    gaps.append((pos, x, spur, wrap))
                elif left and right:
                    gaps.append((pos, None, spur, wrap))   # never joined; still a wrap site
                left = left + right if spur else right   # oracle: earlier fixes are right
                pos += 1 + len(right)
            out.append((len(text), gaps, text))
    return out


def grid_posterior(n, xs, llr):
    """P(a line wrap fell on gap i) for gaps at XS of a paragraph of N
    characters, summed over wrap periods PMIN..PMAX: wraps follow each other
    at P-BAND..P+BAND characters, the first within P+BAND of the start and
    the last within P+BAND of the end; a wrap gap's evidence weighs
    rho = P(text | wrap) / P(text | no wrap).  Mirrors respace.c."""
    m = len(xs)
    rho = []
    for v in llr:
        e = math.exp(v)
        rho.append(((1 - GRID_Q) + GRID_Q * e) / ((1 - GRID_EPS) + GRID_EPS * e))
    acc = [0.0] * m
    ztot = 0.0
    for p in range(PMIN, PMAX + 1):
        lo, hi = p - BAND, p + BAND
        a = [0.0] * m
        for i in range(m):
            t = 1.0 if xs[i] <= hi else 0.0
            for j in range(i - 1, -1, -1):
                d = xs[i] - xs[j]
                if d > hi:
                    break
                if d >= lo:
                    t += a[j]
            a[i] = rho[i] * t
        b = [0.0] * m
        for i in range(m - 1, -1, -1):
            t = 1.0 if n - 1 - xs[i] <= hi else 0.0
            for k in range(i + 1, m):
                d = xs[k] - xs[i]
                if d > hi:
                    break
                if d >= lo:
                    t += b[k]
            b[i] = rho[i] * t
        z = 1.0 if n <= hi else 0.0
        for i in range(m):
            if n - 1 - xs[i] <= hi:
                z += a[i]
        ztot += z
        for i in range(m):
            acc[i] += a[i] * b[i] / rho[i]
    return [v / ztot if ztot > 0 else 0.0 for v in acc]


FIXED_WMIN, FIXED_WMAX = PMIN + 6, PMAX - 6   # rule 20's widths: the simulation's
FIXED_MAX = 512                                 # longest paragraph weighed


def fixed_posterior(chars_ascii, gap_at, llr):
    """Rule 20 (respace.c's S_fixed): P(spurious) for each gap of a
    paragraph wrapped at a fixed width FIXED_WMIN..FIXED_WMAX, spaces
    counted, over every width and first-line offset that explains where
    the spaces are.  Each explanation is walked here; respace.c sums the
    same weights with a forward-backward pass over the distance to the
    next wrap.  CHARS_ASCII[k]: character k is an ASCII letter or
    digit; GAP_AT: the character index after each gap, ascending; LLR: each
    gap's model evidence.  None when nothing explains the paragraph."""
    n, ng = len(chars_ascii), len(gap_at)
    if n == 0 or n > FIXED_MAX:
        return None
    gap_of = {a: i for i, a in enumerate(gap_at)}

    def run_at(k, gap_before):
        if not chars_ascii[k] or (k > 0 and not gap_before and chars_ascii[k - 1]):
            return 0
        m = k + 1
        while m < n and chars_ascii[m] and m not in gap_of:
            m += 1
        return m - k

    def moved(wrap, o, run):
        return o if run >= 2 and o < wrap <= o + run - 1 else wrap

    post, z = [0.0] * ng, 0.0
    for w in range(FIXED_WMIN, FIXED_WMAX + 1):
        prior = 1.0 / ((FIXED_WMAX - FIXED_WMIN + 1) * w)
        for room in range(1, w + 1):
            todo = [(0, 0, room, 0.0, ())]
            while todo:
                k, o, wrap, lw, spur = todo.pop()
                alive = True
                while k < n:
                    gi = gap_of.get(k)
                    gap = gi is not None and k > 0
                    run = run_at(k, gap)
                    if gap:
                        if moved(wrap, o, run) == o:
                            todo.append((k + 1, o + 1, o + w, lw + llr[gi], spur + (gi,)))
                        wr = moved(wrap, o + 1, run)
                        if wr < o:
                            alive = False
                            break
                        if wr <= o + 1:
                            wrap = o + 1 + w
                        o += 1
                    elif k > 0 and moved(wrap, o, run) == o:
                        alive = False
                        break
                    o += 1
                    k += 1
                if alive:
                    wt = math.exp(lw) * prior
                    z += wt
                    for gi in spur:
                        post[gi] += wt
    if not z > 0:
        return None
    return [p / z for p in post]


def spur_prob(pw, v):
    """P(spurious) of a gap with log-likelihood ratio V and P(wrap) PW."""
    return pw * sigmoid(v + math.log(GRID_Q / (1 - GRID_Q))) + \
        (1 - pw) * sigmoid(v + math.log(GRID_EPS / (1 - GRID_EPS)))


def sigmoid(z):
    if z < -40:
        return 0.0
    if z > 40:
        return 1.0
    return 1.0 / (1.0 + math.exp(-z))


def fit_lr(data, iters=8, l2=1.0):
    """Newton's method for logistic regression; data: (x, y, weight)."""
    d = len(data[0][0]) + 1
    w = [0.0] * d
    for it in range(iters):
        g = [0.0] * d
        h = [[0.0] * d for _ in range(d)]
        ll = 0.0
        for x, y, wt in data:
            xx = x + [1.0]
            z = sum(wi * xi for wi, xi in zip(w, xx))
            p = sigmoid(z)
            ll += wt * (math.log(p + 1e-12) if y else math.log(1 - p + 1e-12))
            r = wt * (p - (1.0 if y else 0.0))
            s = wt * p * (1 - p)
            for i in range(d):
                xi = xx[i]
                if xi == 0.0:
                    continue
                g[i] += r * xi
                hi = h[i]
                sx = s * xi
                for k in range(i, d):
                    hi[k] += sx * xx[k]
        for i in range(d):
            g[i] += l2 * w[i]
            h[i][i] += l2
            for k in range(i):
                h[i][k] = h[k][i]
        step = solve(h, g)
        w = [wi - si for wi, si in zip(w, step)]
        print(f"  newton {it}: loglik {ll:.1f}", file=sys.stderr)
    return w


def solve(a, b):
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[piv] = m[piv], m[c]
        pv = m[c][c]
        if abs(pv) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c] != 0.0:
                f = m[r][c] / pv
                row, crow = m[r], m[c]
                for k in range(c, n + 1):
                    row[k] -= f * crow[k]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def score(w, x):
    return sum(wi * xi for wi, xi in zip(w, x)) + w[-1]


def pick_threshold(scored, target, neg_weight=1.0):
    """Lowest threshold whose removals keep precision >= TARGET, with each
    negative counted NEG_WEIGHT times (to set the prior a real text has)."""
    scored = sorted(scored, key=lambda t: -t[0])
    tp = fp = 0.0
    best = scored[0][0] + 1.0
    for s, y in scored:
        if y:
            tp += 1
        else:
            fp += neg_weight
        if tp >= 50 and tp / (tp + fp) >= target:
            best = s
    tot = sum(1 for _, y in scored if y)
    tp = sum(1 for s, y in scored if y and s >= best)
    fp = sum(1 for s, y in scored if not y and s >= best)
    return best, tp, fp, tot


def build_hash(table):
    """Slots of (16-bit fingerprint << 8 | value byte); 0 = empty (emit()
    writes each as three bytes).

    The slot index gives the low bits of the hash and the fingerprint the
    top 16, so an absent key is taken for a present one about once in
    65,536 probes: noise far below the model's own."""
    items = sorted((key_hash(k), q) for k, q in table.items())
    size = 1
    while size < len(items) / 0.75:
        size *= 2
    slots = [0] * size
    mask = size - 1
    for h, q in items:
        fp = (h >> 48) or 1
        i = h & mask
        while slots[i] and slots[i] >> 8 != fp:
            i = (i + 1) & mask
        if slots[i]:
            continue   # same fingerprint on one probe path: keep the first
        slots[i] = (fp << 8) | (q & 0xFF)
    return size, slots


def emit(path, size, slots, fsize, fslots, w, wf, fast_cut, thr_sp, thr_nl, thr_grid, thr_fixed, logpi0,
         info):
    with open(path, "w", encoding="utf-8") as f:
        f.write("/*\n * respace_model.c -- GENERATED by tools/train_respace.py; do not edit.\n")
        for line in info:
            f.write(f" * {line}\n")
        f.write(" */\n#include \"respace_model.h\"\n\n")
        f.write(f"const uint32_t ks_rsm_size = {size}u;\n")
        f.write(f"const double ks_rsm_scale = {SCALE!r};\n")
        f.write("const double ks_rsm_weight[KS_RSM_NFEAT + 1] = {\n")
        for i, wi in enumerate(w):
            name = TYPE_NAMES[i] if i < NTYPES else ("doc%d" % (i - NTYPES + 1) if i < NTYPES + NDOC else "bias")
            f.write(f"    {wi:.6f}, /* {name} */\n")
        f.write("};\n")
        f.write(f"const double ks_rsm_threshold_space = {thr_sp:.6f};\n")
        f.write(f"const double ks_rsm_threshold_wrap = {thr_nl:.6f};\n")
        f.write(f"const double ks_rsm_threshold_grid = {thr_grid:.6f};\n")
        f.write(f"const double ks_rsm_threshold_fixed = {thr_fixed:.6f};\n")
        f.write(f"const double ks_rsm_log_prior = {logpi0:.6f};\n")
        f.write(f"const int ks_rsm_pmin = {PMIN}, ks_rsm_pmax = {PMAX}, ks_rsm_band = {BAND};\n")
        f.write(f"const double ks_rsm_grid_q = {GRID_Q!r}, ks_rsm_grid_eps = {GRID_EPS!r};\n")
        f.write(f"const double ks_rsm_llr_min = {LLR_MIN!r}, ks_rsm_llr_max = {LLR_MAX!r};\n\n")
        f.write("const double ks_rsm_fast_weight[KS_RSM_NFAST + 1] = {")
        f.write(", ".join(f"{v:.6f}" for v in wf) + "};\n")
        f.write(f"const double ks_rsm_fast_cut = {fast_cut:.6f};\n")
        f.write(f"const uint32_t ks_rsm_fast_size = {fsize}u;\n\n")
        # three bytes a slot (value, fingerprint's low byte, its high byte):
        # a quarter less to read in than a uint32_t a slot
        for name, n, sl in (("ks_rsm_slots", size, slots), ("ks_rsm_fast_slots", fsize, fslots)):
            f.write(f"const uint8_t {name}[3 * {n}] = {{\n")
            for i in range(0, n, 8):
                f.write(",".join(f"{e & 0xFF},{e >> 8 & 0xFF},{e >> 16}" for e in sl[i:i + 8]) + ",\n")
            f.write("};\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("train_dir")
    ap.add_argument("-o", "--output", default="src/respace_model.c")
    ap.add_argument("--target", type=float, default=0.996,
                    help="held-out precision the thresholds aim at (default 0.996)")
    ap.add_argument("--cache", help="pickle of the counted table, reused when present (development)")
    args = ap.parse_args()
    rng = random.Random(20261129)
    if args.cache and os.path.exists(args.cache):
        with open(args.cache, "rb") as f:
            train_n, held, table = pickle.load(f)
    else:
        print("reading", file=sys.stderr)
        train, held = read_sources(args.train_dir)
        train_n = len(train)
        print(f"counting {train_n} lines", file=sys.stderr)
        cs, cj = count(train)
        table = make_table(cs, cj)
        del cs, cj, train
        if args.cache:
            with open(args.cache, "wb") as f:
                pickle.dump((train_n, held, table), f)
    print(f"  {len(table)} keys kept", file=sys.stderr)
    print("stacking", file=sys.stderr)
    paras = samples(table, held, rng)
    rng.shuffle(paras)
    half = len(paras) // 2
    fit = [g for _, gaps, _ in paras[:half] for g in gaps if g[1] is not None]
    tune = paras[half:]
    pos = [(x, True, 1.0) for _, x, y, _ in fit if y]
    neg = [(x, False) for _, x, y, _ in fit if not y]
    keep = min(len(neg), 4 * len(pos))
    wt = len(neg) / keep
    lr_data = pos + [(x, y, wt) for x, y in neg[:keep]]
    logpi0 = math.log(len(pos) / len(neg))
    print(f"  fitting on {len(pos)} spurious, {keep} of {len(neg)} real", file=sys.stderr)
    w = fit_lr(lr_data)
    # The prefilter: a logistic regression over the FAST_TYPES keys alone,
    # looked up in a table small enough to stay in cache.  A gap whose fast
    # score is below FAST_CUT keeps its space without the full model; the
    # cut lets through 99.5 % of the gaps the full model scores near or
    # above any removal threshold.
    fast_data = [([x[t] for t in FAST_TYPES], y, wt_) for x, y, wt_ in lr_data]
    wf = fit_lr(fast_data, iters=6)
    sp, grid, nl = [], [], []
    near, fast_all = [], []
    for n, gaps, _ in tune:
        for _, x, _, _ in gaps:
            if x is None:
                continue
            zf = score(wf, [x[t] for t in FAST_TYPES])
            fast_all.append(zf)
            if score(w, x) >= FAST_NEAR:
                near.append(zf)
    near.sort()
    fast_cut = near[int(len(near) * 0.005)]
    skipped = sum(1 for v in fast_all if v < fast_cut) / len(fast_all)
    print(f"  prefilter: cut {fast_cut:.3f} skips {skipped:.1%} of gaps", file=sys.stderr)
    fixed, fixed_none = [], 0
    for n, gaps, text in tune:
        zs = [score(w, x) if x is not None and score(wf, [x[t] for t in FAST_TYPES]) >= fast_cut
              else LLR_MIN for _, x, _, _ in gaps]
        llr = [max(LLR_MIN, min(LLR_MAX, z - logpi0)) for z in zs]
        pw = grid_posterior(n, [g[0] for g in gaps], llr)
        # rule 20 (--line-mode): the paragraph as one line-mode paragraph
        chars = text.replace(" ", "")
        pf = fixed_posterior([ascii_alnum(c) for c in chars], [g[0] - i for i, g in enumerate(gaps)], llr)
        if pf is None:
            fixed_none += 1
        else:
            fixed.extend((p, g[2]) for g, p in zip(gaps, pf) if g[1] is not None)
        for g, z, v, p in zip(gaps, zs, llr, pw):
            if g[1] is None:
                continue
            sp.append((z, g[2]))
            grid.append((spur_prob(p, v), g[2]))
            if g[3]:
                nl.append((z, g[2]))
    thr_fixed, tpf, fpf, totf = pick_threshold(fixed, args.target)
    print(f"  spaces at a fixed width (rule 20): threshold {thr_fixed:.4f}: removed {tpf}/{totf}, "
          f"damaged {fpf}; {fixed_none} paragraphs unexplained", file=sys.stderr)
    thr_sp, tp, fp, tot = pick_threshold(sp, args.target)
    print(f"  spaces alone: threshold {thr_sp:.3f}: removed {tp}/{tot}, damaged {fp}", file=sys.stderr)
    thr_grid, tp, fp, tot = pick_threshold(grid, args.target)
    print(f"  spaces on the wrap grid: threshold {thr_grid:.4f}: removed {tp}/{tot}, damaged {fp}",
          file=sys.stderr)
    # PDF line wraps mostly fall between words (HWP wraps Korean by word by
    # default): about one wrap in five is inside a word in real releases,
    # more than the simulation's uniform wraps; weight the rest to match.
    n_in = sum(1 for _, y in nl if y)
    neg_w = (WRAP_INSIDE_ODDS_INV * n_in) / max(1, len(nl) - n_in)
    thr_nl, tp2, fp2, tot2 = pick_threshold(nl, args.target, neg_w)
    print(f"  wraps: threshold {thr_nl:.3f}: joined {tp2}/{tot2}, damaged {fp2} of {len(nl) - tot2}",
          file=sys.stderr)
    small = {k: v for k, v in table.items() if ord(k[0]) - 0x10 in FAST_TYPES}
    big = {k: v for k, v in table.items() if ord(k[0]) - 0x10 not in FAST_TYPES}
    size, slots = build_hash(big)
    fsize, fslots = build_hash(small)
    info = [f"Trained on {train_n} lines of the ksplit training corpus (see the script's doc).",
            f"{len(table)} keys in a table of {size}; held-out: spaces removed {tp}/{tot} "
            f"with {fp} real ones, wraps joined {tp2}/{tot2} with {fp2} real ones."]
    emit(args.output, size, slots, fsize, fslots, w, wf, fast_cut, thr_sp, thr_nl, thr_grid, thr_fixed,
         logpi0, info)
    print(f"wrote {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()
