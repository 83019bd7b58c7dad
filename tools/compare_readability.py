#!/usr/bin/python3
"""Compare ksplit's HTML reader with readability-lxml on saved pages.

    tools/compare_readability.py [PAGE_DIR] [--dump build/extract_dump]

For each PAGE_DIR/*.html (default ../shared/corpus/html) it prints:
  article   non-space characters of the article (reference: the XPath in
            REFERENCE below, written by hand for each known page; pages
            without one are compared on output size only)
  kept      article characters each tool outputs (a line / block counts when
            its text, spaces removed, occurs in the reference)
  boiler    characters each tool outputs that are not in the article
            (menus, footers, buttons, neighbours, licence lines ...)
For ksplit the body is what split sees as body: lines with no hint, the
title and summary lines; info rows, attachments and neighbour rows carry
their own hints (META / ATTACHMENT / RELATED) and are counted apart as
"structured", since they become metadata, not body text.

Needs python3-readability (Debian) and python3-lxml, hence /usr/bin/python3
(a pyenv python does not see Debian packages).  Measures, never judges.
"""
import argparse
import glob
import os
import re
import subprocess
import sys

import lxml.html
from readability import Document

# page file name -> XPath of the article (title, sub-headline, body text)
REFERENCE = {
    "gwangju-board-view.html":
        "//div[contains(@class,'board_view_head')] | //div[contains(@class,'board_view_body')]",
    "korea-kr-156753088.html": "//div[@class='content']",
}

ROLE_TITLE, ROLE_SUMMARY, ROLE_META, ROLE_RELATED, ROLE_ATTACHMENT = 1, 3, 4, 5, 6


def nospace(s):
    return re.sub(r"\s+", "", s)


def blocks_of(html_text):
    """Text blocks of an HTML fragment: one per block element / <br>."""
    root = lxml.html.fromstring(html_text)
    for bad in root.xpath("//script|//style"):
        bad.drop_tree()
    for br in root.xpath("//br"):
        br.tail = "\n" + (br.tail or "")
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag in ("p", "div", "li", "tr", "h1", "h2", "h3",
                                                   "h4", "h5", "h6", "td", "th", "dd", "dt"):
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    return [ln.strip() for ln in root.text_content().split("\n") if ln.strip()]


def score(blocks, ref):
    kept = boiler = 0
    for b in blocks:
        n = len(nospace(b))
        if ref is not None and nospace(b) in ref:
            kept += n
        else:
            boiler += n
    return kept, boiler


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("page_dir", nargs="?", default="../shared/corpus/html")
    ap.add_argument("--dump", default="build/extract_dump")
    ap.add_argument("--show", action="store_true", help="print the boilerplate blocks")
    a = ap.parse_args()
    rows = []
    for path in sorted(glob.glob(os.path.join(a.page_dir, "*.html"))):
        name = os.path.basename(path)
        raw = open(path, "rb").read()
        page = lxml.html.fromstring(raw)
        ref = None
        if name in REFERENCE:
            ref = nospace("".join(e.text_content() for e in page.xpath(REFERENCE[name])))
        # readability
        summary = Document(raw.decode("utf-8", "replace")).summary(html_partial=True)
        rb = blocks_of(summary)
        r_kept, r_boiler = score(rb, ref)
        # ksplit
        out = subprocess.run([a.dump, "html", path, "--hints"], capture_output=True,
                             text=True, check=True).stdout
        body, structured = [], []
        for line in out.splitlines():
            hint, _, text = line.partition("\t")
            (structured if int(hint) in (ROLE_META, ROLE_RELATED, ROLE_ATTACHMENT)
             else body).append(text)
        k_kept, k_boiler = score(body, ref)
        s_chars = sum(len(nospace(s)) for s in structured)
        art = len(ref) if ref is not None else 0
        rows.append((name, art, k_kept, k_boiler, s_chars, r_kept, r_boiler))
        if a.show:
            for tool, bl in (("ksplit", body), ("readability", rb)):
                for b in bl:
                    if ref is None or nospace(b) not in ref:
                        print(f"  {name} {tool} boiler: {b[:80]}")
    print(f"{'page':28} {'article':>7} | {'ksplit kept':>11} {'boiler':>6} {'structured':>10}"
          f" | {'readab. kept':>12} {'boiler':>6}")
    for name, art, kk, kb, sc, rk, rb_ in rows:
        pct = lambda x: f"{100 * x / art:5.1f}%" if art else "   n/a"
        print(f"{name:28} {art:7} | {kk:5} {pct(kk)} {kb:6} {sc:10} | {rk:6} {pct(rk)} {rb_:6}")


if __name__ == "__main__":
    sys.exit(main())
