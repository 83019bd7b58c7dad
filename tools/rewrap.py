#!/usr/bin/env python3
"""Print correctly spaced text, one paragraph a line, hard-wrapped at WIDTH
characters a line the way pdftotext prints a word processor's page.

    tools/rewrap.py WIDTH word|char [html] < gold.txt > wrapped.txt

word: lines break between words only (HWP's default for Korean); a word
      longer than the line is put on a line of its own.
char: lines break at any character, inside words too (HWP's "글자"
      wrapping), but a number or a Latin word wraps whole; a line that
      would start with a space drops it, so a break inside a word leaves
      no trace but the line end.

html: a web page instead, each paragraph a <p> whose lines a <br> ends,
      as an article pasted into a board's editor line by line.

tools/eval.sh's "layout" measure feeds ksplit the govpress gold at page
widths other than the corpus PDFs' (about 35 Hangul a line).  Python 3
standard library only; deterministic.
"""
import html
import sys


def wrap_words(para, width):
    lines, line = [], ""
    for word in para.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = line + " " + word if line else word
    if line:
        lines.append(line)
    return lines


def ascii_word(ch):
    return ch.isascii() and ch.isalnum()


def wrap_chars(para, width):
    lines, line = [], ""
    for ch in para.strip():
        if len(line) == width:
            carry = ""
            if ascii_word(ch):  # numbers and Latin words wrap whole
                cut = len(line)
                while cut > 0 and ascii_word(line[cut - 1]):
                    cut -= 1
                if cut > 0:
                    line, carry = line[:cut], line[cut:]
            lines.append(line.rstrip(" "))
            line = carry
            if ch == " ":
                continue
        line += ch
    if line:
        lines.append(line.rstrip(" "))
    return lines


def main():
    a = sys.argv[1:]
    if len(a) not in (2, 3) or a[1] not in ("word", "char") or not a[0].isdigit() or \
            (len(a) == 3 and a[2] != "html"):
        sys.exit(__doc__.split("\n\n")[1])
    width, wrap = int(a[0]), wrap_words if a[1] == "word" else wrap_chars
    page = len(a) == 3
    out = sys.stdout
    if page:
        out.write('<!DOCTYPE html>\n<html><head><meta charset="utf-8"></head><body>'
                  '<div class="view">\n')
    for para in sys.stdin.read().split("\n"):
        if para.strip():
            lines = wrap(para, width)
            if page:
                out.write("<p>" + "<br>\n".join(html.escape(l) for l in lines) + "</p>\n")
            else:
                out.write("".join(line + "\n" for line in lines))
    if page:
        out.write("</div></body></html>\n")


if __name__ == "__main__":
    main()
