#!/usr/bin/env python3
"""Build the HWPX test fixtures from hand-written section XML.

    tools/make_hwpx.py [FIXTURE_DIR]      (default tests/fixtures/hwpx)

An HWPX file is a zip (OCF): "mimetype" first and stored, holding
application/hwp+zip; Contents/content.hpf lists the sections;
Contents/section0.xml, section1.xml ... hold the text.  This script packs
FIXTURE_DIR/src/*.xml into:

  release.hwpx          release-section0.xml + release-section1.xml
  subhead.hwpx          subhead-section0.xml: sub-headlines in the title box
  entity.hwpx           a DOCTYPE with entity declarations (must be refused)
  missing-section.hwpx  content.hpf lists section1, the zip lacks it
  gap.hwpx              section0 and section2, no section1
  corrupt.hwpx          release.hwpx with its compressed bytes damaged
  bomb.hwpx             a section whose headers declare 3.75 GiB uncompressed
  lie.hwpx              a section that inflates past the size it declares
  notmime.hwpx          a zip whose mimetype is not application/hwp+zip
  docx.hwpx             a DOCX document's parts (word/document.xml), no
                        mimetype, no section: an Office file saved as .hwpx
  plain-zip.hwpx        a zip of a text file, no mimetype, no section
  huge-text.hwpx        one paragraph of 11.2 MB (700,000 words of five
                        syllables and a space) and one after it: over libxml2's
                        default text limit
  contacts.hwpx         contacts-section0.xml: three people in one row, a
                        distribution date before the release date
  order.hwpx            release.hwpx's sections stored section1 first
  twice.hwpx            Contents/section0.xml stored twice
  malformed.hwpx        release.hwpx's section0 cut in the middle
  deep.hwpx             text under 230 nested elements (ksplit reads 200)
  many-sections.hwpx    1,025 sections (ksplit reads 1,024)

Output is deterministic (fixed timestamps).  Standard library only.
"""
import io
import os
import struct
import sys
import warnings
import zipfile

MIME = b"application/hwp+zip"
DATE = (2026, 1, 1, 0, 0, 0)


def hpf(nsec):
    items = "".join(f'<opf:item id="section{i}" href="Contents/section{i}.xml" '
                    f'media-type="application/xml"/>' for i in range(nsec))
    return ('<?xml version="1.0" encoding="UTF-8"?><opf:package '
            'xmlns:opf="http://www.idpf.org/2007/opf/"><opf:manifest>' + items +
            '</opf:manifest></opf:package>').encode()


def pack(entries, mime=MIME):
    """entries: list of (name, bytes); MIME None: no mimetype entry.
    Returns the zip bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        if mime is not None:
            zi = zipfile.ZipInfo("mimetype", DATE)
            zi.compress_type = zipfile.ZIP_STORED
            z.writestr(zi, mime)
        for name, data in entries:
            zi = zipfile.ZipInfo(name, DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)
    return buf.getvalue()


def patch_sizes(data, name, size):
    """Rewrite NAME's uncompressed size in its local and central headers."""
    out = bytearray(data)
    bname = name.encode()
    i = 0
    while True:
        i = out.find(b"PK\x03\x04", i)
        if i < 0:
            break
        n = struct.unpack_from("<H", out, i + 26)[0]
        if out[i + 30:i + 30 + n] == bname:
            struct.pack_into("<I", out, i + 22, size)
        i += 4
    i = 0
    while True:
        i = out.find(b"PK\x01\x02", i)
        if i < 0:
            break
        n = struct.unpack_from("<H", out, i + 28)[0]
        if out[i + 46:i + 46 + n] == bname:
            struct.pack_into("<I", out, i + 24, size)
        i += 4
    return bytes(out)


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/hwpx"
    src = lambda n: open(os.path.join(d, "src", n), "rb").read()
    s0, s1 = src("release-section0.xml"), src("release-section1.xml")
    out = {}
    out["release.hwpx"] = pack([("Contents/content.hpf", hpf(2)),
                                ("Contents/section0.xml", s0), ("Contents/section1.xml", s1)])
    out["subhead.hwpx"] = pack([("Contents/content.hpf", hpf(1)),
                                ("Contents/section0.xml", src("subhead-section0.xml"))])
    out["entity.hwpx"] = pack([("Contents/content.hpf", hpf(1)),
                               ("Contents/section0.xml", src("entity-section0.xml"))])
    out["missing-section.hwpx"] = pack([("Contents/content.hpf", hpf(2)),
                                        ("Contents/section0.xml", s0)])
    out["gap.hwpx"] = pack([("Contents/section0.xml", s0), ("Contents/section2.xml", s1)])
    good = bytearray(out["release.hwpx"])
    # damage the deflated bytes of section0 (past its local header)
    at = good.find(b"Contents/section0.xml") + len("Contents/section0.xml") + 40
    for k in range(at, at + 64):
        good[k] ^= 0x5A
    out["corrupt.hwpx"] = bytes(good)
    out["bomb.hwpx"] = patch_sizes(out["release.hwpx"], "Contents/section0.xml", 0xF0000000)
    out["lie.hwpx"] = patch_sizes(out["release.hwpx"], "Contents/section0.xml", 100)
    out["notmime.hwpx"] = pack([("Contents/section0.xml", s0)], mime=b"application/zip")
    out["docx.hwpx"] = pack([("[Content_Types].xml", b'<?xml version="1.0"?><Types/>'),
                             ("word/document.xml", b'<?xml version="1.0"?><w:document/>')],
                            mime=None)
    out["plain-zip.hwpx"] = pack([("release.txt", "보도자료\n".encode())], mime=None)
    huge = ('<?xml version="1.0" encoding="UTF-8"?><hs:sec '
            'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
            'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section">'
            '<hp:p><hp:run><hp:t>' + "가나다라마 " * 700000 + '</hp:t></hp:run></hp:p>'
            '<hp:p><hp:run><hp:t>마지막 문단이다.</hp:t></hp:run></hp:p></hs:sec>')
    out["huge-text.hwpx"] = pack([("Contents/content.hpf", hpf(1)),
                                  ("Contents/section0.xml", huge.encode())])
    out["contacts.hwpx"] = pack([("Contents/content.hpf", hpf(1)),
                                 ("Contents/section0.xml", src("contacts-section0.xml"))])
    out["order.hwpx"] = pack([("Contents/content.hpf", hpf(2)),
                              ("Contents/section1.xml", s1), ("Contents/section0.xml", s0)])
    with warnings.catch_warnings():  # zipfile warns of the duplicate name
        warnings.simplefilter("ignore")
        out["twice.hwpx"] = pack([("Contents/section0.xml", s0), ("Contents/section0.xml", s0)])
    out["malformed.hwpx"] = pack([("Contents/content.hpf", hpf(1)),
                                  ("Contents/section0.xml", s0[:len(s0) // 2])])
    sec = ('<?xml version="1.0" encoding="UTF-8"?><hs:sec '
           'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph" '
           'xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section">%s</hs:sec>')
    deep = sec % ("<hp:p>" + "<hp:run>" * 230 + "<hp:t>깊은 곳</hp:t>" + "</hp:run>" * 230 + "</hp:p>")
    out["deep.hwpx"] = pack([("Contents/section0.xml", deep.encode())])
    out["many-sections.hwpx"] = pack([("Contents/section%d.xml" % i, b"<s/>") for i in range(1025)])
    for name, data in out.items():
        with open(os.path.join(d, name), "wb") as f:
            f.write(data)
    print(f"wrote {len(out)} fixtures to {d}")


if __name__ == "__main__":
    main()
