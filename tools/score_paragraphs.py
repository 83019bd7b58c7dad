#!/usr/bin/env python3
"""Score where ksplit's paragraphs begin and end against the author's.

    score_paragraphs.py GOLD.txt OUT.json [--show N]
    score_paragraphs.py --pairs LIST [--show N]   (LIST: lines "GOLD.txt OUT.json")

GOLD is the author's text, one paragraph a line (govpress's ID.gold.txt,
the HWPX original's paragraphs); OUT is ksplit's JSON for the same
release in another form (the PDF's text, hard-wrapped).  The paragraphs
of OUT are its title, subtitle lines, summary items and body blocks, in
that order.  The non-space characters of both are aligned (GNU diff, one
character a line), and every pair of neighbouring gold characters that
are neighbours in OUT too is a scored gap: a paragraph break in the gold,
in OUT, in both or in neither.  Characters that do not line up (page
numbers, contact tables ksplit turns into metadata, cells read in another
order) take no part, nor do gaps without a Hangul syllable on either side
(the cells of a table of figures: ksplit does not rebuild tables) or
inside ksplit's title (one field: the lines of a title in two lines are
not two paragraphs).

  kept      a break in both                        true positive
  merged    a gold break OUT does not have         false negative
  split     a break in OUT the gold does not have  false positive

The gold's own line breaks inside a paragraph (a heading the author broke
in two, a table cell's lines) count as breaks: the figures compare two
revisions of ksplit, they are not an absolute measure.  Standard library
and GNU diff only; written for ksplit's `make eval`.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile


def chars_and_breaks(paragraphs):
    """The non-space characters of PARAGRAPHS and, per character, whether a
    paragraph break follows it."""
    chars, brk = [], []
    for p in paragraphs:
        got = False
        for ch in p:
            if not ch.isspace():
                chars.append(ch)
                brk.append(False)
                got = True
        if got:
            brk[-1] = True
    return chars, brk


def hangul(ch):
    return "\uac00" <= ch <= "\ud7a3"


def align(a, b):
    """Index in A -> index in B for the characters GNU diff pairs up."""
    with tempfile.TemporaryDirectory() as d:
        fa, fb = os.path.join(d, "a"), os.path.join(d, "b")
        for f, cs in ((fa, a), (fb, b)):
            with open(f, "w", encoding="utf-8") as out:
                out.write("".join(c + "\n" for c in cs))
        r = subprocess.run(["diff", "--old-line-format=<\n", "--new-line-format=>\n",
                            "--unchanged-line-format==\n", fa, fb],
                           capture_output=True, text=True)
    if r.returncode > 1:
        sys.exit("score_paragraphs: diff failed: " + r.stderr.strip())
    m, i, j = {}, 0, 0
    for op in r.stdout.split():
        if op == "=":
            m[i] = j
            i += 1
            j += 1
        elif op == "<":
            i += 1
        else:
            j += 1
    return m


def out_paragraphs(doc):
    """OUT's paragraphs, and how many non-space characters its title has
    (the title is one field, its author's line breaks are not scored)."""
    paras = []
    if doc.get("title"):
        paras.append(doc["title"])
    paras += doc.get("subtitle") or []
    paras += doc.get("summary") or []
    for b in doc.get("body") or []:
        paras.append(((b.get("marker") or "") + " " + b.get("text", "")).strip())
    title = sum(not ch.isspace() for ch in doc.get("title") or "")
    return paras, title


def score_one(gold_path, out_path, c, show, shown):
    with open(gold_path, encoding="utf-8") as f:
        gold = f.read().split("\n")
    with open(out_path, encoding="utf-8") as f:
        doc = json.load(f)
    gc, gb = chars_and_breaks(gold)
    paras, title = out_paragraphs(doc)
    oc, ob = chars_and_breaks(paras)
    m = align(gc, oc)
    c["gold_chars"] += len(gc)
    c["aligned"] += len(m)
    for i in range(len(gc) - 1):
        j = m.get(i)
        if (j is None or m.get(i + 1) != j + 1 or not (hangul(gc[i]) or hangul(gc[i + 1]))
                or j + 1 < title):
            continue
        c["gaps"] += 1
        g, o = gb[i], ob[j]
        kind = "kept" if g and o else "merged" if g else "split" if o else None
        if not kind:
            continue
        c[kind] += 1
        if shown[0] < show and kind != "kept":
            ctx = "".join(gc[max(0, i - 12):i + 1]) + " | " + "".join(gc[i + 1:i + 13])
            print("%-7s %s: %s" % (kind, os.path.basename(gold_path), ctx), file=sys.stderr)
            shown[0] += 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", nargs="?")
    ap.add_argument("out", nargs="?")
    ap.add_argument("--pairs", help='a file of lines "GOLD.txt OUT.json"')
    ap.add_argument("--show", type=int, default=0, help="print N errors with their context")
    a = ap.parse_args()
    if a.pairs:
        with open(a.pairs, encoding="utf-8") as f:
            pairs = [l.split() for l in f if l.strip()]
    elif a.gold and a.out:
        pairs = [(a.gold, a.out)]
    else:
        ap.error("give GOLD OUT or --pairs LIST")
    c = {k: 0 for k in ("gold_chars", "aligned", "gaps", "kept", "merged", "split")}
    shown = [0]
    for g, o in pairs:
        score_one(g, o, c, a.show, shown)
    tp, fn, fp = c["kept"], c["merged"], c["split"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    print("     documents: %d" % len(pairs))
    print(" aligned_share: %.4f" % (c["aligned"] / c["gold_chars"] if c["gold_chars"] else 0))
    print("  scored gaps: %d" % c["gaps"])
    print("gold breaks kept: %d  merged: %d  split (not in gold): %d" % (tp, fn, fp))
    print("     precision: %.4f\n        recall: %.4f\n            f1: %.4f" % (p, r, f1))


if __name__ == "__main__":
    main()
