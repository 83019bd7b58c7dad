#!/usr/bin/env python3
"""variants_test.py KSPLIT -- the same text in another dress gives the same result.

Every golden case whose input is UTF-8 text and which succeeds is run again
with its input rewritten in ways a scraper or a converter rewrites text:
other line ends (CRLF, CR), other white space for its spaces (tabs, no-break
spaces, U+3000, two spaces), spaces at the ends of its lines, a BOM, NFD,
UTF-16 with and without a BOM, CP949 (where it can hold the text), a form
feed before each page's first line as pdftotext writes it, no final line
end, blank lines after the text.  The JSON must be the same as the
original's but for what describes the input itself: "source", the
"normalization" counts, the warnings' byte offsets and an "encoding-guess"
warning (UTF-16 without a BOM is a guess).  With --to text the text must be the same byte for byte.
HTML pages: CRLF line ends, upper-case tag names, &nbsp; between tags.
HWPX documents: zipped again without compression, at level 9, with the
entries after the mimetype in another order, and with the sections'
namespace under another prefix.  Also: all the text inputs converted in
one run, in order and reversed, give what each gives alone.

Python 3 standard library only.  Exit status 1 on any difference.
"""
import json
import os
import re
import shlex
import subprocess
import sys
import tempfile
import io
import random
import unicodedata
import zipfile

KS = sys.argv[1:] or ["build/ksplit"]
GOLDEN = "tests/golden"


def page_feeds(s):
    """A form feed before the first line after each page number ("- 3 -"),
    as pdftotext writes one before each page."""
    return re.sub(r"(\n- \d+ -\n\n*)(?=[^\n])", "\\1\f", s)


VARIANTS = [
    ("CRLF", lambda s: s.replace("\n", "\r\n").encode()),
    ("CR", lambda s: s.replace("\n", "\r").encode()),
    ("tabs", lambda s: s.replace(" ", "\t").encode()),
    ("no-break spaces", lambda s: s.replace(" ", "\u00a0").encode()),
    ("U+3000", lambda s: s.replace(" ", "\u3000").encode()),
    ("two spaces", lambda s: s.replace(" ", "  ").encode()),
    ("trailing spaces", lambda s: s.replace("\n", " \t\n").encode()),
    ("BOM", lambda s: ("\ufeff" + s).encode()),
    ("NFD", lambda s: unicodedata.normalize("NFD", s).encode()),
    ("UTF-16LE BOM", lambda s: s.encode("utf-16")),
    ("UTF-16BE BOM", lambda s: b"\xfe\xff" + s.encode("utf-16-be")),
    ("UTF-16LE", lambda s: s.encode("utf-16-le")),
    ("UTF-16BE", lambda s: s.encode("utf-16-be")),
    ("CP949", lambda s: s.encode("cp949")),
    ("page feeds", lambda s: page_feeds(s).encode()),
    ("no final line end", lambda s: s.rstrip("\n").encode()),
    ("blank lines after", lambda s: (s + "\n\n\n").encode()),
]


HTML_VARIANTS = [
    ("CRLF", lambda b: b.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")),
    ("upper-case tags", lambda b: re.sub(rb"<(/?)(html|head|body|div|p|span|table|tr|td|th|ul|li|a|br)\b",
                                          lambda m: b"<" + m.group(1) + m.group(2).upper(), b)),
    ("&nbsp; between tags", lambda b: b.replace(b"> <", b">&nbsp;<")),
]


def rezip(data, mode):
    """The HWPX DATA zipped again: MODE "stored", "deflate9", "shuffled"
    (the entries after the mimetype in another order) or "prefix" (the
    sections' hp: namespace under another prefix)."""
    src = zipfile.ZipFile(io.BytesIO(data))
    names = src.namelist()
    if mode == "shuffled":
        rest = [n for n in names if n != "mimetype"]
        random.Random(1).shuffle(rest)
        names = [n for n in names if n == "mimetype"] + rest
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for n in names:
            body = src.read(n)
            if mode == "prefix" and n.startswith("Contents/section"):
                body = re.sub(rb"(</?)hp:", rb"\1para:", body).replace(b"xmlns:hp=", b"xmlns:para=")
            stored = mode == "stored" or n == "mimetype"
            z.writestr(n, body, compress_type=zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED,
                       compresslevel=None if stored else 9)
    return out.getvalue()


HWPX_VARIANTS = [(m, lambda b, m=m: rezip(b, m)) for m in ("stored", "deflate9", "shuffled", "prefix")]


def reader_cases():
    """(name, input path, arguments, variants) of the HTML and HWPX cases
    that succeed."""
    for name in sorted(os.listdir(GOLDEN)):
        d = os.path.join(GOLDEN, name)
        inputs = [f for f in os.listdir(d) if f.startswith("input")]
        if not inputs or not inputs[0].endswith((".html", ".hwpx")):
            continue
        rc = os.path.join(d, "expected.rc")
        if os.path.exists(rc) and open(rc).read().strip() != "0":
            continue
        argf = os.path.join(d, "args")
        args = shlex.split(open(argf).read()) if os.path.exists(argf) else ["INPUT"]
        html = inputs[0].endswith(".html")
        yield name, os.path.join(d, inputs[0]), args, HTML_VARIANTS if html else HWPX_VARIANTS


def cases():
    """(name, input path, argument list with INPUT) of the text cases."""
    for name in sorted(os.listdir(GOLDEN)):
        d = os.path.join(GOLDEN, name)
        inputs = [f for f in os.listdir(d) if f.startswith("input")]
        if not inputs or not inputs[0].endswith(".txt"):
            continue
        rc = os.path.join(d, "expected.rc")
        if os.path.exists(rc) and open(rc).read().strip() != "0":
            continue
        path = os.path.join(d, inputs[0])
        try:
            text = open(path, "rb").read().decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not text.strip() or "\ufeff" in text or "\f" in text or "\r" in text:
            continue
        argf = os.path.join(d, "args")
        args = shlex.split(open(argf).read()) if os.path.exists(argf) else ["INPUT"]
        if "<" in args or "|" in args:
            continue  # a shell's redirection: the case reads standard input
        if "--encoding" in " ".join(args) or "-e" in args or "--chunk-size" in " ".join(args):
            continue
        yield name, path, text, args


def run(args, path=None):
    """Exit status and output of ksplit with ARGS, INPUT standing for PATH."""
    r = subprocess.run(KS + [path if a == "INPUT" else a for a in args], capture_output=True)
    return r.returncode, r.stdout


def comparable(out, text_mode):
    """The output less what describes the input itself: its documents,
    one a line or indented (--pretty), in order."""
    if text_mode:
        return out
    docs, text, at = [], out.decode(), 0
    decoder = json.JSONDecoder()
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at == len(text):
            return docs
        d, at = decoder.raw_decode(text, at)
        d.pop("source", None)
        d.pop("normalization", None)
        # (a warning's byte offset is the input's: a BOM or NFD moves it)
        d["warnings"] = [{k: v for k, v in w.items() if k != "offset"}
                         for w in d.get("warnings", []) if w.get("code") != "encoding-guess"]
        docs.append(d)


def main():
    fails = checks = 0
    plain = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, path, text, args in cases():
            text_mode = "--to" in args or any(a.startswith("--to=") for a in args)
            rc, base = run(args, path)
            want = comparable(base, text_mode)
            if args == ["INPUT"] or args == ["--pretty", "INPUT"]:
                plain.append((name, path, comparable(run(["INPUT"], path)[1], False)))
            for label, make in VARIANTS:
                try:
                    data = make(text)
                except UnicodeEncodeError:
                    continue  # CP949 lacks a character of it
                if data == text.encode():
                    continue  # the rewrite changes nothing here
                if label == "blank lines after" and "--line-mode" in args:
                    continue  # each line is a paragraph, a blank one too
                if label == "UTF-16LE" or label == "UTF-16BE":
                    # told from its code units only where there is text
                    # enough to tell (decode.c: a space in fifty units)
                    if len(text) < 200 or text.count(" ") * 50 < len(text):
                        continue
                vpath = os.path.join(tmp, "input.txt")
                with open(vpath, "wb") as f:
                    f.write(data)
                rc2, out = run(args, vpath)
                checks += 1
                got = comparable(out, text_mode)
                if rc2 != rc or got != want:
                    fails += 1
                    print(f"FAIL {name} ({label}): exit {rc2}, want {rc}; output differs")
        for name, path, args, variants in reader_cases():
            rc, base = run(args, path)
            want = comparable(base, False)
            data = open(path, "rb").read()
            for label, make in variants:
                vpath = os.path.join(tmp, "input" + os.path.splitext(path)[1])
                with open(vpath, "wb") as f:
                    f.write(make(data))
                rc2, out = run(args, vpath)
                checks += 1
                if rc2 != rc or comparable(out, False) != want:
                    fails += 1
                    print(f"FAIL {name} ({label}): exit {rc2}, want {rc}; output differs")
        # one run over all of them, in order and reversed: each as alone
        for order in (plain, plain[::-1]):
            rc, out = run([p for _, p, _ in order])
            docs = comparable(out, False)
            checks += 1
            alone = [d for _, _, want in order for d in want]
            if docs != alone:
                fails += 1
                print("FAIL one run over %d inputs%s differs from each alone"
                      % (len(order), " (reversed)" if order is not plain else ""))
    print(f"variants: {checks - fails} passed, {fails} failed")
    return 1 if fails else 0


if __name__ == "__main__":
    sys.exit(main())
