#!/usr/bin/env python3
"""Write an HWP 5.0 document (Hancom binary format) from a small description.

    tools/make_hwp.py SPEC.json OUT.hwp [--v4] [--no-compress] [--flags N]
    tools/make_hwp.py TEXT.txt  OUT.hwp [--v4] [--no-compress] [--flags N]
    tools/make_hwp.py FILE.hwpx OUT.hwp [--v4] [--no-compress] [--flags N]

For the tests: it gives HWP 5 inputs whose text and structure are known.
Standard library only; the output is byte-for-byte deterministic (no
timestamps, zero CLSIDs; deflate output as produced by the local zlib).

Input
-----
A file ending in .txt: each non-empty line (UTF-8) is one paragraph, all in
one section.  A file ending in .hwpx: its sections' paragraphs and tables
(hp:p, hp:t with its line breaks, tabs and special spaces, hp:tbl / hp:tr /
hp:tc / hp:subList, the first hp:lineseg's textheight): the same release as
an HWP file (pictures, shapes and styles are not carried over).  Anything
else is read as JSON:

    {"sections": [ [BLOCK, ...], [BLOCK, ...] ]}
    BLOCK = {"p": "paragraph text"}
          | {"p": "text", "height": 1600}   first line's text height, HWPUNIT
                                            (default 1000)
          | {"table": [[CELL, CELL, ...], [CELL, ...]]}   rows of cells
    CELL  = "text"                          one paragraph
          | [BLOCK, ...]                    several paragraphs / nested tables
    (a bare string in a list of blocks is taken as {"p": string})

In text, "\\n" becomes the line-break control (WCHAR 10), "\\t" the tab
inline control, U+00A0 control 30 (bundle space), U+2007 control 31
(fixed-width space); other characters are UTF-16LE (surrogate pairs for
astral characters).  Other C0 control characters are refused.  An empty
section or cell gets one empty paragraph.

Options
-------
  --v4           CFB major version 4 (4096-byte sectors) instead of 3 (512).
  --no-compress  store DocInfo and BodyText/SectionN as is (FileHeader
                 property bit 0 clear); default: raw deflate, bit 0 set.
  --flags N      (decimal or 0x..) OR N into the FileHeader properties (2 = password-encrypted,
                 4 = distribution document; only the flag is set, the body is
                 written normally).

What is written
---------------
An OLE2 / MS-CFB compound file holding:
  FileHeader                256 bytes: "HWP Document File" (NUL-padded to 32),
                            version u32 0x05000300 (5.0.3.0), properties u32.
  DocInfo                   records DOCUMENT_PROPERTIES (section count, start
                            numbers 1) and ID_MAPPINGS (all counts 0).
  BodyText/Section0, 1 ...  one record stream per section.
  \\x05HwpSummaryInformation an OLE property set with no properties (real
                            files always have one; node-hwp needs it).

HWP records: a u32 header, tag in bits 0-9, level in bits 10-19, size in bits
20-31 (0xFFF plus a u32 size after the header when the size is >= 4095).
A paragraph at level L is PARA_HEADER(L) then PARA_TEXT, PARA_CHAR_SHAPE,
PARA_LINE_SEG at L+1; a table paragraph's text is the 8-WCHAR 'tbl '
extended control, and is followed by CTRL_HEADER(L+1), TABLE(L+2), then per
cell (row-major) LIST_HEADER(L+2) and the cell's paragraphs at L+2.
PARA_HEADER's nchars has bit 31 set on the last paragraph of a section or
cell; its control mask has bit n set for each control code n in the text
(0x800 table, 0x200 tab, 0x400 line break), as in Hancom's files.
Container: MS-CFB, streams under 4096 bytes in the mini stream (64-byte mini
sectors), sibling entries in a balanced red-black tree, FAT/DIFAT sized to
fit (DIFAT sectors past 109 FAT sectors).

Not written (a reader that needs them will not find them): the section
definition control (secd/cold) at the start of each section, face names,
char/para shapes, border fills and styles in DocInfo (ids 0/1/2 are referred
to but not defined), PrvText/PrvImage previews.
"""
import argparse
import json
import struct
import sys
import zlib

# ---------------------------------------------------------------------------
# HWP records

TAG_DOCUMENT_PROPERTIES = 16
TAG_ID_MAPPINGS = 17
TAG_PARA_HEADER = 66
TAG_PARA_TEXT = 67
TAG_PARA_CHAR_SHAPE = 68
TAG_PARA_LINE_SEG = 69
TAG_CTRL_HEADER = 71
TAG_LIST_HEADER = 72
TAG_TABLE = 77

CTRL_TBL = 0x74626C20  # 'tbl ' read as a big-endian u32; stored LE: 20 6C 62 74
CH_TAB = 9             # inline control (8 WCHARs)
CH_LINEBREAK = 10      # single WCHAR
CH_TABLE = 11          # extended control (8 WCHARs)
CH_PARA_END = 13
CH_BUNDLE_SPACE = 30   # U+00A0 in the input
CH_FIXED_SPACE = 31    # U+2007 in the input

DEFAULT_HEIGHT = 1000
LINE_SPACING = 600
SEGMENT_WIDTH = 42520  # A4 text width in HWPUNIT (1/7200 inch)
CELL_WIDTH = 8000
CELL_HEIGHT = 1000


class SpecError(Exception):
    pass


def record(tag, level, data):
    """One record: header u32 = tag | level << 10 | size << 20."""
    size = len(data)
    if size >= 0xFFF:
        # Extended size: 0xFFF in the header, the real size in a u32 after it.
        return struct.pack("<II", tag | level << 10 | 0xFFF << 20, size) + data
    return struct.pack("<I", tag | level << 10 | size << 20) + data


def encode_text(text):
    """Paragraph text -> (WCHAR bytes without the final 13, control mask).

    The control mask has bit n set for every control character n the text
    holds (as Hancom writes it: 0x200 for a tab, 0x400 for a line break,
    0x800 for a table, 1<<30 and 1<<31 for the two special spaces)."""
    out = bytearray()
    mask = 0
    for ch in text:
        cp = ord(ch)
        if ch == "\t":
            # Inline control: the code, 12 bytes (u32 tab width, then leader
            # and type bytes, all zero here), the code again = 8 WCHARs.
            out += struct.pack("<HI8xH", CH_TAB, 4000, CH_TAB)
            mask |= 1 << CH_TAB
        elif ch == "\n":
            out += struct.pack("<H", CH_LINEBREAK)
            mask |= 1 << CH_LINEBREAK
        elif ch == "\u00a0":
            out += struct.pack("<H", CH_BUNDLE_SPACE)
            mask |= 1 << CH_BUNDLE_SPACE
        elif ch == "\u2007":
            out += struct.pack("<H", CH_FIXED_SPACE)
            mask |= 1 << CH_FIXED_SPACE
        elif cp < 32:
            raise SpecError("control character U+%04X in paragraph text "
                            "(only \\n and \\t are allowed)" % cp)
        else:
            # surrogatepass: a lone surrogate from JSON ("\ud800") is written
            # as is, which lets tests build malformed UTF-16.
            out += ch.encode("utf-16-le", "surrogatepass")
    return bytes(out), mask


def para_header(level, nchars, last, mask):
    # Bit 31 of nchars marks the last paragraph of a list (section, cell).
    n = nchars | (0x80000000 if last else 0)
    # u32 nchars, u32 control mask, u16 para shape, u8 style, u8 break type,
    # u16 char shape count, u16 range tag count, u16 line align count,
    # u32 instance id: 22 bytes (the 5.0.3.0 layout; 5.0.3.2+ adds a u16).
    return record(TAG_PARA_HEADER, level,
                  struct.pack("<IIHBBHHHI", n, mask, 0, 0, 0, 1, 0, 1, 0))


def para_tail(level, height):
    """PARA_CHAR_SHAPE and PARA_LINE_SEG at `level` (= paragraph level + 1)."""
    recs = record(TAG_PARA_CHAR_SHAPE, level, struct.pack("<II", 0, 0))
    # One line segment: text start, vertical position, line height, text
    # height, baseline distance, line spacing, column start, segment width,
    # tag (0x00060000 as Hancom writes: first line of the column/page bits).
    seg = struct.pack("<IiiiiiiiI", 0, 0, height, height, height * 85 // 100,
                      LINE_SPACING, 0, SEGMENT_WIDTH, 0x00060000)
    return recs + record(TAG_PARA_LINE_SEG, level, seg)


def check_height(block):
    h = block.get("height", DEFAULT_HEIGHT)
    if not isinstance(h, int) or isinstance(h, bool) or not 0 < h < 1 << 30:
        raise SpecError("bad height %r" % (h,))
    return h


def text_paragraph(block, level, last):
    text = block["p"]
    if not isinstance(text, str):
        raise SpecError("\"p\" must be a string: %r" % (text,))
    height = check_height(block)
    body, mask = encode_text(text)
    nchars = len(body) // 2 + 1
    out = para_header(level, nchars, last, mask)
    if body:
        # PARA_TEXT is left out entirely for an empty paragraph (nchars 1).
        out += record(TAG_PARA_TEXT, level + 1,
                      body + struct.pack("<H", CH_PARA_END))
    return out + para_tail(level + 1, height)


def cell_blocks(cell):
    if isinstance(cell, str):
        return [{"p": cell}]
    if isinstance(cell, list):
        return cell
    raise SpecError("a cell is a string or a list of blocks: %r" % (cell,))


def table_paragraph(block, level, last):
    rows = block["table"]
    if not isinstance(rows, list) or not rows:
        raise SpecError("\"table\" must be a non-empty list of rows")
    for row in rows:
        if not isinstance(row, list) or not row:
            raise SpecError("a table row must be a non-empty list of cells")
    if len(rows) > 0xFFFF or max(len(r) for r in rows) > 0xFFFF:
        raise SpecError("table too large")
    height = check_height(block)
    nrows = len(rows)
    ncols = max(len(r) for r in rows)

    # Text: the 'tbl ' extended control (code 11, the control id as a u32,
    # 8 zero bytes, code 11 = 8 WCHARs), then the paragraph end: 9 WCHARs.
    text = struct.pack("<HI8xHH", CH_TABLE, CTRL_TBL, CH_TABLE, CH_PARA_END)
    out = para_header(level, len(text) // 2, last, 1 << CH_TABLE)
    out += record(TAG_PARA_TEXT, level + 1, text)
    out += para_tail(level + 1, height)

    # CTRL_HEADER: the common object header of the table.
    # u32 ctrl id, u32 attr (0x082A2211: treat as char, etc., as Hancom),
    # i32 y, i32 x, u32 width, u32 height, i32 z-order, 4 x u16 outer
    # margins, u32 instance id, i32 "prevent page break", u16 description
    # length (0, no description) = 46 bytes.
    out += record(TAG_CTRL_HEADER, level + 1,
                  struct.pack("<IIiiIIi4HIiH", CTRL_TBL, 0x082A2211, 0, 0,
                              SEGMENT_WIDTH, nrows * CELL_HEIGHT, 0,
                              140, 140, 140, 140, 0, 0, 0))
    # TABLE: u32 attr, u16 rows, u16 cols, u16 cell spacing, 4 x u16 inner
    # margins, u16 cells per row (one per row), u16 border fill id, u16
    # valid zone count.
    out += record(TAG_TABLE, level + 2,
                  struct.pack("<IHHH4H", 4, nrows, ncols, 0, 140, 140, 140, 140)
                  + struct.pack("<%dH" % nrows, *[len(r) for r in rows])
                  + struct.pack("<HH", 1, 0))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            blocks = cell_blocks(cell) or [{"p": ""}]
            if len(blocks) > 0x7FFF:
                raise SpecError("too many paragraphs in a cell")
            # LIST_HEADER of a cell: i16 paragraph count, u32 list attr,
            # u16 (unknown, 0), then the cell: u16 column, u16 row, u16 column
            # span, u16 row span, u32 width, u32 height, 4 x u16 margins,
            # u16 border fill id, u32 width again = 38 bytes.
            out += record(TAG_LIST_HEADER, level + 2,
                          struct.pack("<hIHHHHHII4HHI", len(blocks), 0x00200000,
                                      0, c, r, 1, 1, CELL_WIDTH, CELL_HEIGHT,
                                      141, 141, 141, 141, 2, CELL_WIDTH))
            # The cell's paragraphs are siblings of the LIST_HEADER (same
            # level), not its children.
            out += paragraphs(blocks, level + 2)
    return out


def paragraphs(blocks, level):
    """A list of paragraphs (section or cell): the last one is flagged."""
    if not isinstance(blocks, list):
        raise SpecError("expected a list of blocks: %r" % (blocks,))
    if not blocks:
        blocks = [{"p": ""}]
    out = bytearray()
    for i, block in enumerate(blocks):
        last = i == len(blocks) - 1
        if isinstance(block, str):
            block = {"p": block}     # shorthand, as in a cell
        if not isinstance(block, dict):
            raise SpecError("a block is an object: %r" % (block,))
        keys = set(block)
        if keys <= {"p", "height"} and "p" in keys:
            out += text_paragraph(block, level, last)
        elif keys <= {"table", "height"} and "table" in keys:
            out += table_paragraph(block, level, last)
        else:
            raise SpecError("unknown block %r" % (block,))
    return bytes(out)


def doc_info(nsections):
    # DOCUMENT_PROPERTIES: u16 section count, 6 x u16 start numbers (page,
    # footnote, endnote, picture, table, equation), u32 list id, u32 para
    # id, u32 caret position = 26 bytes.
    props = struct.pack("<7H3I", nsections, 1, 1, 1, 1, 1, 1, 0, 0, 0)
    # ID_MAPPINGS: 18 u32 counts (bin data, 7 face name kinds, border fills,
    # char shapes, tab defs, numberings, bullets, para shapes, styles, memo
    # shapes, 2 track-change counts), all 0.
    return (record(TAG_DOCUMENT_PROPERTIES, 0, props)
            + record(TAG_ID_MAPPINGS, 0, bytes(18 * 4)))


def file_header(properties):
    return (b"HWP Document File".ljust(32, b"\0")
            + struct.pack("<II", 0x05000300, properties)).ljust(256, b"\0")


def summary_info():
    """\\x05HwpSummaryInformation: an OLE property set with one section and
    no properties (FMTID {9FA2B660-1061-11D4-B4C6-006097C09D8C})."""
    fmtid = bytes.fromhex("60B6A29F6110D411B4C6006097C09D8C")
    # byte order, version 0, system id 0, CLSID 0, one property section
    # (FMTID, offset 0x30); the section: size 8, property count 0.
    return (struct.pack("<HHI16sI", 0xFFFE, 0, 0, bytes(16), 1) + fmtid
            + struct.pack("<I", 0x30) + struct.pack("<II", 8, 0))


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)  # raw deflate, no zlib header
    return c.compress(data) + c.flush()


# ---------------------------------------------------------------------------
# MS-CFB (OLE2 compound file) writer

FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
DIFSECT = 0xFFFFFFFC
NOSTREAM = 0xFFFFFFFF
MINI_CUTOFF = 4096
MINI_SECTOR = 64


class Entry:
    def __init__(self, name, data=None, children=None, root=False):
        self.name = name
        self.data = data                # bytes for a stream
        self.children = children        # list of Entry for a storage
        self.type = 5 if root else (1 if children is not None else 2)
        self.left = self.right = self.child = NOSTREAM
        self.color = 1                  # black
        self.start = 0
        self.size = 0


def cfb_key(entry):
    # Sibling order: name length first, then the upper-cased name.
    return (len(entry.name.encode("utf-16-le")), entry.name.upper())


def build_tree(storage, index_of):
    """Make the storage's children a balanced binary search tree.

    The middle of the sorted run is the subtree root.  Such a tree has all
    its empty links at depth h or h+1 (h = deepest node), so colouring the
    nodes at depth h red (unless the tree is perfect) and the rest black
    gives a valid red-black tree, as MS-CFB asks."""
    kids = sorted(storage.children, key=cfb_key)
    keys = [cfb_key(k) for k in kids]
    if len(set(keys)) != len(keys):
        raise SpecError("duplicate names in storage %r" % storage.name)
    depth = {}

    def make(lo, hi, d):
        if lo >= hi:
            return NOSTREAM
        mid = (lo + hi) // 2
        depth[mid] = d
        node = kids[mid]
        node.left = make(lo, mid, d + 1)
        node.right = make(mid + 1, hi, d + 1)
        return index_of[id(node)]

    storage.child = make(0, len(kids), 0)
    if kids:
        h = max(depth.values())
        perfect = len(kids) == (1 << (h + 1)) - 1
        for i, node in enumerate(kids):
            node.color = 0 if (not perfect and depth[i] == h) else 1


def dir_entry(e):
    if e is None:  # unused entry
        return (bytes(64) + struct.pack("<HBBIII", 0, 0, 0, NOSTREAM, NOSTREAM,
                                        NOSTREAM) + bytes(16 + 4 + 16 + 4 + 8))
    name = e.name.encode("utf-16-le")
    if len(name) > 62:
        raise SpecError("CFB name too long: %r" % e.name)
    return (name.ljust(64, b"\0")
            + struct.pack("<HBBIII", len(name) + 2, e.type, e.color,
                          e.left, e.right, e.child)
            + bytes(16)                 # CLSID
            + struct.pack("<I", 0)      # state bits
            + bytes(16)                 # creation and modified times: zero
            + struct.pack("<IQ", e.start, e.size))


def write_cfb(root, major):
    shift = 9 if major == 3 else 12
    ss = 1 << shift
    per_sector = ss // 4                # u32 entries in a FAT/DIFAT sector

    # Directory order: root, then breadth first, each storage's children in
    # sibling order.
    entries = [root]
    i = 0
    while i < len(entries):
        e = entries[i]
        if e.children is not None:
            entries.extend(sorted(e.children, key=cfb_key))
        i += 1
    index_of = {id(e): n for n, e in enumerate(entries)}
    for e in entries:
        if e.children is not None:
            build_tree(e, index_of)

    streams = [e for e in entries if e.type == 2]
    small = [e for e in streams if 0 < len(e.data) < MINI_CUTOFF]
    large = [e for e in streams if len(e.data) >= MINI_CUTOFF]
    for e in streams:
        e.size = len(e.data)
        if not e.data:
            e.start = ENDOFCHAIN        # empty stream: no sectors at all

    # Mini stream: small streams in 64-byte mini sectors, chained by the
    # mini FAT.  The mini stream is itself stored as the root's stream.
    mini = bytearray()
    minifat = []
    for e in small:
        first = len(mini) // MINI_SECTOR
        n = -(-len(e.data) // MINI_SECTOR)
        e.start = first
        minifat.extend(list(range(first + 1, first + n)) + [ENDOFCHAIN])
        mini += e.data.ljust(n * MINI_SECTOR, b"\0")

    def nsec(nbytes):
        return -(-nbytes // ss)

    ndir = nsec(len(entries) * 128)
    nminifat = nsec(len(minifat) * 4)
    nmini = nsec(len(mini))
    ndata = ndir + nminifat + nmini + sum(nsec(len(e.data)) for e in large)

    # The FAT must cover every sector, its own and the DIFAT's included.
    # The header holds the first 109 FAT sector numbers; each DIFAT sector
    # holds per_sector - 1 more and the number of the next DIFAT sector.
    nfat = 1
    while True:
        ndifat = 0 if nfat <= 109 else -(-(nfat - 109) // (per_sector - 1))
        if ndata + nfat + ndifat <= nfat * per_sector:
            break
        nfat += 1

    # Sector layout: FAT, DIFAT, directory, mini FAT, mini stream, large
    # streams, each run contiguous.
    fat = [FREESECT] * (nfat * per_sector)
    nxt = 0

    def allocate(count, mark=None):
        nonlocal nxt
        first = nxt
        for s in range(first, first + count):
            fat[s] = mark if mark is not None else (
                s + 1 if s + 1 < first + count else ENDOFCHAIN)
        nxt += count
        return first if count else ENDOFCHAIN

    fat_first = allocate(nfat, FATSECT)
    difat_first = allocate(ndifat, DIFSECT)
    dir_first = allocate(ndir)
    minifat_first = allocate(nminifat)
    mini_first = allocate(nmini)
    for e in large:
        e.start = allocate(nsec(len(e.data)))
    fat_sectors = list(range(fat_first, fat_first + nfat))

    root.start = mini_first if mini else ENDOFCHAIN
    root.size = len(mini)

    def pad(b):
        return bytes(b) + bytes(-len(b) % ss)

    # Header (512 bytes; padded to a full sector in version 4).
    difat_head = fat_sectors[:109] + [FREESECT] * (109 - min(nfat, 109))
    header = (bytes.fromhex("D0CF11E0A1B11AE1") + bytes(16)
              + struct.pack("<HHHHH6x", 0x003E, major, 0xFFFE, shift, 6)
              + struct.pack("<IIIIIIIII",
                            ndir if major == 4 else 0,  # 0 in version 3
                            nfat, dir_first, 0, MINI_CUTOFF,
                            minifat_first if minifat else ENDOFCHAIN,
                            nminifat,
                            difat_first if ndifat else ENDOFCHAIN, ndifat)
              + struct.pack("<109I", *difat_head))
    assert len(header) == 512
    out = bytearray(pad(header))

    out += pad(struct.pack("<%dI" % len(fat), *fat))
    rest = fat_sectors[109:]
    for k in range(ndifat):
        chunk = rest[k * (per_sector - 1):(k + 1) * (per_sector - 1)]
        chunk += [FREESECT] * (per_sector - 1 - len(chunk))
        link = difat_first + k + 1 if k + 1 < ndifat else ENDOFCHAIN
        out += struct.pack("<%dI" % per_sector, *(chunk + [link]))
    dirs = b"".join(dir_entry(e) for e in entries)
    dirs += b"".join(dir_entry(None) for _ in range(ndir * ss // 128 - len(entries)))
    out += dirs
    if minifat:
        out += pad(struct.pack("<%dI" % len(minifat), *minifat)
                   + struct.pack("<I", FREESECT) * (-len(minifat) % per_sector))
    out += pad(mini)
    for e in large:
        out += pad(e.data)
    assert len(out) == (nxt + 1) * ss
    return bytes(out)


# ---------------------------------------------------------------------------

def _local(tag):
    return tag.rsplit("}", 1)[-1]


def _hwpx_blocks(parent):
    """The paragraphs under PARENT (an hp:subList or a section) as BLOCKs:
    each hp:p's text (hp:t, with lineBreak / tab / nbSpace / fwSpace as the
    controls they stand for), then the tables in it as table blocks."""
    out = []
    for p in parent:
        if _local(p.tag) != "p":
            continue
        text, height, tables = [], None, []

        def walk(n):
            nonlocal height
            for k in n:
                name = _local(k.tag)
                if name == "t":
                    text.append(k.text or "")
                    for c in k:
                        text.append({"lineBreak": "\n", "tab": "\t", "nbSpace": "\u00a0",
                                     "fwSpace": "\u2007"}.get(_local(c.tag), ""))
                        text.append(c.tail or "")
                elif name == "tbl":
                    rows = []
                    for tr in k:
                        if _local(tr.tag) != "tr":
                            continue
                        row = []
                        for tc in tr:
                            if _local(tc.tag) != "tc":
                                continue
                            sub = [x for x in tc if _local(x.tag) == "subList"]
                            row.append(_hwpx_blocks(sub[0]) if sub else [])
                        rows.append(row)
                    tables.append({"table": rows})
                elif name == "lineseg" and height is None:
                    height = int(k.get("textheight", "1000"))
                elif name not in ("subList", "p"):
                    walk(k)
        walk(p)
        block = {"p": "".join(text)}
        if height:
            block["height"] = height
        out.append(block)
        out.extend(tables)
    return out


def load_hwpx(path):
    """The sections of an HWPX file (Contents/section0.xml, ...) as the
    spec's sections: the same release, to be written as HWP."""
    import re
    import xml.etree.ElementTree as ET
    import zipfile
    with zipfile.ZipFile(path) as z:
        names = sorted((n for n in z.namelist() if re.fullmatch(r"Contents/section\d+\.xml", n)),
                       key=lambda n: int(re.findall(r"\d+", n)[0]))
        return [_hwpx_blocks(ET.fromstring(z.read(n))) for n in names]


def load_spec(path):
    if path.lower().endswith(".hwpx"):
        return load_hwpx(path)
    with open(path, "rb") as f:
        raw = f.read()
    if path.lower().endswith(".txt"):
        text = raw.decode("utf-8")
        if text.startswith("\ufeff"):
            text = text[1:]
        lines = [l.rstrip("\r") for l in text.split("\n")]
        return [[{"p": l} for l in lines if l.strip()]]
    spec = json.loads(raw.decode("utf-8"))
    if not isinstance(spec, dict) or not isinstance(spec.get("sections"), list):
        raise SpecError("the JSON must be an object with a \"sections\" list")
    return spec["sections"]


def make_hwp(sections, major=3, compress=True, flags=0):
    props = (1 if compress else 0) | flags
    pack = deflate if compress else (lambda b: b)
    bodies = [pack(paragraphs(sec, 0)) for sec in sections]
    root = Entry("Root Entry", root=True, children=[
        Entry("FileHeader", file_header(props)),
        Entry("DocInfo", pack(doc_info(len(sections)))),
        Entry("BodyText", children=[Entry("Section%d" % i, b)
                                    for i, b in enumerate(bodies)]),
        Entry("\x05HwpSummaryInformation", summary_info()),
    ])
    return write_cfb(root, major)


def main(argv=None):
    ap = argparse.ArgumentParser(
        description="Write an HWP 5.0 document from a JSON spec or a .txt.")
    ap.add_argument("spec", help="SPEC.json, or TEXT.txt (a paragraph a line)")
    ap.add_argument("out", help="the .hwp to write")
    ap.add_argument("--v4", action="store_true",
                    help="CFB version 4 (4096-byte sectors)")
    ap.add_argument("--no-compress", action="store_true",
                    help="store the streams uncompressed")
    ap.add_argument("--flags", type=lambda s: int(s, 0), default=0,
                    help="OR N into the FileHeader properties "
                         "(2 encrypted, 4 distribution)")
    args = ap.parse_args(argv)
    if not 0 <= args.flags <= 0xFFFFFFFF:
        ap.error("--flags must fit in a u32")
    try:
        sections = load_spec(args.spec)
        data = make_hwp(sections, 4 if args.v4 else 3,
                        not args.no_compress, args.flags)
    except (SpecError, ValueError, OSError) as e:
        print("make_hwp: %s: %s" % (args.spec, e), file=sys.stderr)
        return 1
    with open(args.out, "wb") as f:
        f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
