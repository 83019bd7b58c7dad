/*
 * hwp.c -- other input: an HWP 5 document (the binary format of Hancom's
 * word processor, an OLE compound file) -> the HWPX reader.
 *
 * Stage: a reader in front of stage 2, like hwpx.c.  ks_hwp_extract takes
 * the whole file in memory, reads its body's records and writes them as
 * XML in HWPX's vocabulary, which hwpx.c then reads exactly as it reads an
 * HWPX section (ks_hwpx_extract_xml): the same text rules, header tables,
 * title box and metadata, with no second set of rules to keep in step.
 *
 * The container (MS-CFB, "compound file binary")
 *   A 512-byte header, then sectors of 512 (version 3) or 4096 bytes
 *   (version 4).  The FAT chains sectors into streams; the sectors of the
 *   FAT are listed by the header's 109 DIFAT entries and, past those, by a
 *   chain of DIFAT sectors.  Streams under 4096 bytes live in the mini
 *   stream (the root entry's stream) as 64-byte mini sectors chained by
 *   the mini FAT.  The directory is a stream of 128-byte entries; the
 *   children of a storage form a binary tree through left and right
 *   sibling links.  Every sector number, chain length, entry index and
 *   size is checked against the file before it is used; a chain that loops
 *   or runs past its length is KS_ERR_FORMAT, never a hang.
 *
 * The document (HWP 5.0)
 *   "FileHeader": the signature "HWP Document File", the version (5.x)
 *   and property bits: 0 the streams are raw-deflated, 1 encrypted with a
 *   password, 2 a distribution document (its text in ViewText, encrypted).
 *   Encrypted documents are refused with a message (KS_ERR_FORMAT).
 *   "BodyText/Section0", "Section1", ...: records, each a 32-bit header
 *   (tag: bits 0-9, level: 10-19, size: 20-31, 0xFFF meaning a 32-bit size
 *   follows) and its data.  The ones read:
 *     PARA_HEADER (66)     a paragraph at level L; its records at L + 1
 *     PARA_TEXT (67)       UTF-16LE text with control characters:
 *                          10 line break, 13 paragraph end, 24 hyphen,
 *                          30 no-break space, 31 fixed-width space (one
 *                          unit each); 9 tab and the other codes 1-23 take
 *                          eight units (the code, twelve bytes, the code)
 *     PARA_LINE_SEG (69)   line segments: the first one's text height
 *     CTRL_HEADER (71)     a control of the paragraph ("tbl " a table,
 *                          others: footnotes, headers, text boxes ...)
 *     LIST_HEADER (72)     a list of paragraphs inside a control (a table
 *                          cell: its row address at byte 10), the
 *                          paragraphs following it at its own level
 *   Unknown records are skipped.
 *
 * The XML written (hwpx.c's names; every element closed, text escaped):
 *   <doc><sec><p><linesegarray><lineseg textheight="N"/></linesegarray>
 *   <t>text<lineBreak/>text<tab/><nbSpace/></t>
 *   <tbl><tr><tc><subList><p>…</p></subList></tc></tr></tbl>
 *   <ctrl><subList><p>…</p></subList></ctrl></p></sec></doc>
 *   A character XML cannot hold (a lone surrogate, U+FFFE, U+FFFF)
 *   becomes U+FFFD.
 *
 * Limits (KS_ERR_LIMIT), those of HWPX (internal.h's KS_SECTION_MAX ...):
 * a section inflates to at most 64 MiB, all of them to 256 MiB, and one
 * over 1 MiB by at most 1000:1; at most 1024 sections; record nesting at
 * most HWP_MAX_DEPTH elements deep.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "dynlib.h"

#define HWP_MAX_DEPTH 150 /* elements open at once (hwpx.c allows 200) */

#define CFB_END 0xFFFFFFFEu
#define CFB_NONE 0xFFFFFFFFu /* no sibling / child */
#define CFB_MINI_CUTOFF 4096u
#define CFB_MINI_SECTOR 64u

/* ---- the container --------------------------------------------------- */

typedef struct {
    const unsigned char *p; /* the file */
    size_t len;
    size_t ssize;           /* sector size */
    uint32_t nsect;         /* whole sectors after the header */
    uint32_t *fat;          /* NEW */
    size_t nfat;
    uint32_t *minifat;      /* NEW */
    size_t nminifat;
    unsigned char *mini;    /* NEW: the mini stream */
    size_t minilen;
    unsigned char *dir;     /* NEW: the directory stream */
    size_t ndir;            /* entries */
    ks_error *err;
} S_cfb;

static uint16_t S_u16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static uint32_t S_u32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static ks_status S_bad(ks_error *err, const char *what)
{
    return ks_error_set(err, KS_ERR_FORMAT, "hwp", 0, 0, "not a readable HWP file: %s", what);
}

/* The bytes of sector N (checked by the caller: N < nsect). */
static const unsigned char *S_sector(const S_cfb *f, uint32_t n)
{
    return f->p + ((size_t)n + 1) * f->ssize;
}

/* Read the chain of regular sectors from START into a NEW buffer: SIZE
 * bytes, or, with SIZE (size_t)-1, the whole chain (the directory's). */
static ks_status S_chain(const S_cfb *f, uint32_t start, size_t size, unsigned char **out,
                         size_t *outlen)
{
    *out = NULL;
    *outlen = 0;
    bool whole = size == (size_t)-1;
    size_t cap = whole ? 0 : size;
    if (!whole && size > f->len)
        return S_bad(f->err, "a stream larger than the file");
    ks_buf b = {0};
    if (!whole && ks_buf_reserve(&b, cap) != KS_OK)
        return KS_NOMEM(f->err, "hwp");
    uint32_t s = start;
    /* a chain holds at most nsect sectors: a longer one loops */
    for (uint32_t steps = 0; whole ? s != CFB_END : b.len < size; steps++) {
        if (s >= f->nsect || s >= f->nfat || steps >= f->nsect) {
            ks_buf_free(&b);
            return S_bad(f->err, steps >= f->nsect ? "a sector chain that loops"
                                 : s == CFB_END    ? "a stream shorter than its size"
                                 : s < 0xFFFFFFFAu ? "a sector past the end of the file (cut short?)"
                                                   : "a sector chain that ends in a reserved value");
        }
        size_t take = whole ? f->ssize : size - b.len < f->ssize ? size - b.len : f->ssize;
        if (ks_buf_append(&b, (const char *)S_sector(f, s), take) != KS_OK) {
            ks_buf_free(&b);
            return KS_NOMEM(f->err, "hwp");
        }
        s = f->fat[s];
    }
    *outlen = b.len;
    *out = (unsigned char *)b.data;
    if (!*out)
        *out = (unsigned char *)ks_strdup("");
    return *out ? KS_OK : KS_NOMEM(f->err, "hwp");
}

/* Read a stream of the mini stream into a NEW buffer. */
static ks_status S_mini_chain(const S_cfb *f, uint32_t start, size_t size, unsigned char **out)
{
    *out = ks_malloc(size ? size : 1);
    if (!*out)
        return KS_NOMEM(f->err, "hwp");
    size_t got = 0;
    uint32_t s = start;
    for (size_t steps = 0; got < size; steps++) {
        if (s >= f->nminifat || steps >= f->nminifat ||
            ((size_t)s + 1) * CFB_MINI_SECTOR > f->minilen) {
            ks_free(*out);
            *out = NULL;
            return S_bad(f->err, "a mini stream chain that loops or leaves the mini stream");
        }
        size_t take = size - got < CFB_MINI_SECTOR ? size - got : CFB_MINI_SECTOR;
        memcpy(*out + got, f->mini + (size_t)s * CFB_MINI_SECTOR, take);
        got += take;
        s = f->minifat[s];
    }
    return KS_OK;
}

/* Append the FAT sector N's entries to F->fat. */
static ks_status S_add_fat_sector(S_cfb *f, uint32_t n, size_t *filled)
{
    if (n >= f->nsect)
        return S_bad(f->err, "a FAT sector outside the file");
    const unsigned char *q = S_sector(f, n);
    for (size_t i = 0; i < f->ssize / 4; i++)
        f->fat[(*filled)++] = S_u32(q + 4 * i);
    return KS_OK;
}

static ks_status S_cfb_open(S_cfb *f, const unsigned char *p, size_t len, ks_error *err)
{
    memset(f, 0, sizeof *f);
    f->p = p;
    f->len = len;
    f->err = err;
    if (len < 512)
        return S_bad(err, "shorter than the compound file header");
    uint16_t major = S_u16(p + 0x1A), shift = S_u16(p + 0x1E);
    if (S_u16(p + 0x1C) != 0xFFFE || !((major == 3 && shift == 9) || (major == 4 && shift == 12)) ||
        S_u16(p + 0x20) != 6)
        return S_bad(err, "an unknown compound file version or sector size");
    f->ssize = (size_t)1 << shift;
    size_t whole = len / f->ssize;
    f->nsect = whole > 1 ? (uint32_t)((whole - 1) > UINT32_MAX - 8 ? UINT32_MAX - 8 : whole - 1) : 0;
    uint32_t nfatsect = S_u32(p + 0x2C), dir0 = S_u32(p + 0x30);
    uint32_t minifat0 = S_u32(p + 0x3C), nminifat = S_u32(p + 0x40);
    uint32_t difat = S_u32(p + 0x44), ndifat = S_u32(p + 0x48);
    if (nfatsect > f->nsect || ndifat > f->nsect || nminifat > f->nsect)
        return S_bad(err, "more FAT sectors than the file holds");
    f->fat = ks_malloc(((size_t)nfatsect ? nfatsect : 1) * (f->ssize / 4) * sizeof *f->fat);
    if (!f->fat)
        return KS_NOMEM(err, "hwp");
    size_t filled = 0;
    ks_status st = KS_OK;
    for (uint32_t i = 0; i < nfatsect && i < 109 && st == KS_OK; i++)
        st = S_add_fat_sector(f, S_u32(p + 0x4C + 4 * i), &filled);
    /* the rest from the DIFAT chain: each sector lists ssize/4 - 1 FAT
     * sectors, then the next DIFAT sector */
    uint32_t left = nfatsect > 109 ? nfatsect - 109 : 0;
    for (uint32_t d = 0; left && st == KS_OK; d++) {
        if (d >= ndifat || difat >= f->nsect)
            return S_bad(err, "a DIFAT chain shorter than the FAT it lists");
        const unsigned char *q = S_sector(f, difat);
        for (size_t i = 0; i + 1 < f->ssize / 4 && left && st == KS_OK; i++, left--)
            st = S_add_fat_sector(f, S_u32(q + 4 * i), &filled);
        difat = S_u32(q + f->ssize - 4);
    }
    if (st != KS_OK)
        return st;
    f->nfat = filled;
    size_t dirlen;
    if ((st = S_chain(f, dir0, (size_t)-1, &f->dir, &dirlen)) != KS_OK)
        return st;
    f->ndir = dirlen / 128;
    if (f->ndir == 0 || f->dir[0x42] != 5)
        return S_bad(err, "no root entry");
    /* the mini FAT and the mini stream (the root entry's stream) */
    if (nminifat) {
        unsigned char *mf;
        size_t mflen;
        if ((st = S_chain(f, minifat0, (size_t)nminifat * f->ssize, &mf, &mflen)) != KS_OK)
            return st;
        f->nminifat = mflen / 4;
        f->minifat = ks_malloc((f->nminifat ? f->nminifat : 1) * sizeof *f->minifat);
        if (!f->minifat) {
            ks_free(mf);
            return KS_NOMEM(err, "hwp");
        }
        for (size_t i = 0; i < f->nminifat; i++)
            f->minifat[i] = S_u32(mf + 4 * i);
        ks_free(mf);
        uint64_t rsize = (uint64_t)S_u32(f->dir + 0x78) | (uint64_t)S_u32(f->dir + 0x7C) << 32;
        if (f->ssize == 512)
            rsize &= 0xFFFFFFFFu; /* version 3 leaves the high half undefined */
        if (rsize > len)
            return S_bad(err, "a mini stream larger than the file");
        if (rsize && (st = S_chain(f, S_u32(f->dir + 0x74), (size_t)rsize, &f->mini,
                                   &f->minilen)) != KS_OK)
            return st;
    }
    return KS_OK;
}

static void S_cfb_free(S_cfb *f)
{
    ks_free(f->fat);
    ks_free(f->minifat);
    ks_free(f->mini);
    ks_free(f->dir);
}

/* Directory entry I's bytes (I < ndir). */
static const unsigned char *S_entry(const S_cfb *f, uint32_t i)
{
    return f->dir + (size_t)i * 128;
}

/* Does entry E's name equal ASCII NAME (case-insensitive, as CFB compares)? */
static bool S_name_is(const unsigned char *e, const char *name)
{
    size_t n = strlen(name), bytes = S_u16(e + 0x40);
    if (bytes != 2 * (n + 1) || bytes > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        uint16_t c = S_u16(e + 2 * i);
        unsigned char a = (unsigned char)name[i];
        if (c >= 'a' && c <= 'z')
            c = (uint16_t)(c - 32);
        if (a >= 'a' && a <= 'z')
            a = (unsigned char)(a - 32);
        if (c != a)
            return false;
    }
    return true;
}

/* The children of storage PARENT, in no particular order, into KIDS (at
 * most CAP; *N of them).  The sibling tree is walked with an explicit
 * stack and each entry visited once, so a looping tree ends. */
static ks_status S_children(const S_cfb *f, uint32_t parent, uint32_t *kids, size_t cap, size_t *n)
{
    *n = 0;
    uint32_t child = S_u32(S_entry(f, parent) + 0x4C);
    if (child == CFB_NONE)
        return KS_OK;
    /* each entry is visited once and pushes two links: the stack never
     * holds more than ndir + 1 of them */
    unsigned char *seen = ks_calloc(f->ndir, 1);
    uint32_t *stack = ks_malloc((f->ndir + 2) * sizeof *stack);
    if (!seen || !stack) {
        ks_free(seen);
        ks_free(stack);
        return KS_NOMEM(f->err, "hwp");
    }
    size_t sp = 0;
    stack[sp++] = child;
    ks_status st = KS_OK;
    while (sp && st == KS_OK) {
        uint32_t e = stack[--sp];
        if (e == CFB_NONE)
            continue;
        if (e >= f->ndir || seen[e]) {
            st = S_bad(f->err, "a directory tree that loops or points outside it");
            break;
        }
        seen[e] = 1;
        if (*n < cap)
            kids[(*n)++] = e;
        const unsigned char *q = S_entry(f, e);
        stack[sp++] = S_u32(q + 0x44);
        stack[sp++] = S_u32(q + 0x48);
    }
    ks_free(seen);
    ks_free(stack);
    return st;
}

/* Entry NAME among PARENT's children: its index, or CFB_NONE. */
static ks_status S_find(const S_cfb *f, uint32_t parent, const char *name, uint32_t *found)
{
    *found = CFB_NONE;
    uint32_t *kids = ks_malloc(f->ndir * sizeof *kids);
    if (!kids)
        return KS_NOMEM(f->err, "hwp");
    size_t n;
    ks_status st = S_children(f, parent, kids, f->ndir, &n);
    for (size_t i = 0; i < n && st == KS_OK; i++)
        if (S_name_is(S_entry(f, kids[i]), name)) {
            *found = kids[i];
            break;
        }
    ks_free(kids);
    return st;
}

/* Read stream entry E into a NEW buffer. */
static ks_status S_stream(const S_cfb *f, uint32_t e, unsigned char **out, size_t *len)
{
    const unsigned char *q = S_entry(f, e);
    uint64_t size = (uint64_t)S_u32(q + 0x78) | (uint64_t)S_u32(q + 0x7C) << 32;
    if (f->ssize == 512)
        size &= 0xFFFFFFFFu; /* version 3 leaves the high half undefined */
    if (q[0x42] != 2)
        return S_bad(f->err, "a storage where a stream was expected");
    if (size > f->len)
        return S_bad(f->err, "a stream larger than the file");
    *len = (size_t)size;
    if (size < CFB_MINI_CUTOFF)
        return S_mini_chain(f, S_u32(q + 0x74), (size_t)size, out);
    size_t got;
    return S_chain(f, S_u32(q + 0x74), (size_t)size, out, &got);
}

/* ---- the sections ---------------------------------------------------- */

/* Inflate raw deflate data IN[0..LEN) into OUT (appended), within the
 * budget: *TOTAL bytes so far of all sections. */
static ks_status S_inflate(const ks_zlib *z, const unsigned char *in, size_t len, ks_buf *out,
                           size_t *total, const char *name, ks_error *err)
{
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    if (z->inflateInit2_(&zs, -15, ZLIB_VERSION, (int)sizeof zs) != Z_OK)
        return KS_NOMEM(err, "hwp");
    ks_status st = KS_OK;
    size_t start = out->len;
    zs.next_in = (unsigned char *)(uintptr_t)in;
    for (size_t fed = 0;;) {
        if (zs.avail_in == 0 && fed < len) {
            size_t step = len - fed < UINT_MAX ? len - fed : UINT_MAX;
            zs.next_in = (unsigned char *)(uintptr_t)(in + fed);
            zs.avail_in = (unsigned)step;
            fed += step;
        }
        if (ks_buf_reserve(out, out->len + 65536) != KS_OK) {
            st = KS_NOMEM(err, "hwp");
            break;
        }
        zs.next_out = (unsigned char *)out->data + out->len;
        zs.avail_out = 65536;
        int r = z->inflate(&zs, Z_NO_FLUSH);
        out->len += 65536 - zs.avail_out;
        size_t made = out->len - start;
        if (made > KS_SECTION_MAX || *total + made > KS_SECTIONS_TOTAL_MAX ||
            (made > KS_RATIO_FLOOR && made / KS_RATIO_MAX > len)) {
            st = ks_error_set(err, KS_ERR_LIMIT, "hwp", 0, 0,
                              "%s inflates beyond the limits (64 MiB a section, 256 MiB in all, "
                              "1000:1)", name);
            break;
        }
        if (r == Z_STREAM_END)
            break;
        if (r == Z_MEM_ERROR) {
            st = KS_NOMEM(err, "hwp");
            break;
        }
        if (r != Z_OK && !(r == Z_BUF_ERROR && zs.avail_in == 0 && fed < len)) {
            st = ks_error_set(err, KS_ERR_FORMAT, "hwp", 0, 0, "%s: %s", name,
                              r == Z_BUF_ERROR ? "compressed data cut short"
                                               : "corrupt compressed data");
            break;
        }
    }
    z->inflateEnd(&zs);
    if (out->data)
        out->data[out->len] = '\0';
    *total += out->len - start;
    return st;
}

enum { E_P, E_TBL, E_TR, E_TC, E_CTRL, E_SUB };
static const char *const S_close_tag[] = {"</p>", "</tbl>", "</tr>", "</subList></tc>", "</ctrl>",
                                          "</subList>"};

typedef struct {
    unsigned char kind;
    unsigned level; /* the record level that opened it */
    unsigned row;   /* E_TR: the row address */
} S_el;

typedef struct {
    ks_buf *xml;
    S_el stack[HWP_MAX_DEPTH];
    size_t depth;
    const char *name;
    ks_error *err;
} S_writer;

static ks_status S_put(S_writer *w, const char *s)
{
    return ks_buf_puts(w->xml, s) == KS_OK ? KS_OK : KS_NOMEM(w->err, "hwp");
}

static ks_status S_open(S_writer *w, unsigned char kind, unsigned level, unsigned row,
                        const char *tag)
{
    if (w->depth == HWP_MAX_DEPTH)
        return ks_error_set(w->err, KS_ERR_LIMIT, "hwp", 0, 0,
                            "%s: paragraphs nested deeper than %d levels", w->name, HWP_MAX_DEPTH);
    w->stack[w->depth++] = (S_el){kind, level, row};
    return S_put(w, tag);
}

static ks_status S_pop(S_writer *w)
{
    return S_put(w, S_close_tag[w->stack[--w->depth].kind]);
}

/* What a record closes (S_close). */
enum { C_PARA, C_CTRL, C_LIST };

/* Close the elements a record of kind HOW at LEVEL ends.  A paragraph
 * ends at a record of its level or above; a control and its lists (cells)
 * end at a record of their level or above, but a paragraph header at a
 * list's own level is that list's next paragraph, and a list header in
 * the same row ROW (C_LIST) keeps its row open. */
static ks_status S_close(S_writer *w, int how, unsigned level, unsigned row)
{
    while (w->depth) {
        const S_el *t = &w->stack[w->depth - 1];
        bool list = t->kind == E_TR || t->kind == E_TC || t->kind == E_SUB;
        bool ends = t->level > level ||
                    (t->level == level && (t->kind == E_P || !list || how == C_CTRL ||
                                           (how == C_LIST && (t->kind != E_TR || t->row != row))));
        if (!ends)
            break;
        ks_status st = S_pop(w);
        if (st != KS_OK)
            return st;
    }
    return KS_OK;
}

/* Append code point CP to the XML, escaped; characters XML 1.0 cannot
 * hold become U+FFFD. */
static ks_status S_put_cp(S_writer *w, uint32_t cp)
{
    if (cp == '&')
        return S_put(w, "&amp;");
    if (cp == '<')
        return S_put(w, "&lt;");
    if (cp == '>')
        return S_put(w, "&gt;");
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF || cp > 0x10FFFF)
        cp = 0xFFFD;
    unsigned char u[4];
    size_t n = ks_utf8_encode(cp, u);
    return ks_buf_append(w->xml, (const char *)u, n) == KS_OK ? KS_OK : KS_NOMEM(w->err, "hwp");
}

/* PARA_TEXT: the UTF-16LE units of D[0..N) as an hp:t element. */
static ks_status S_text(S_writer *w, const unsigned char *d, size_t n)
{
    ks_status st = S_put(w, "<t>");
    size_t units = n / 2;
    for (size_t i = 0; i < units && st == KS_OK;) {
        uint32_t c = S_u16(d + 2 * i);
        if (c < 32) {
            /* 1-9, 11, 12 and 14-23 are eight units long */
            bool wide = (c >= 1 && c <= 9) || c == 11 || c == 12 || (c >= 14 && c <= 23);
            if (c == 9)
                st = S_put(w, "<tab/>");
            else if (c == 10)
                st = S_put(w, "<lineBreak/>");
            else if (c == 30)
                st = S_put(w, "<nbSpace/>");
            i += wide ? 8 : 1; /* 13 ends the paragraph; 0, 24-29, 31 carry no text */
            continue;
        }
        i++;
        if (c >= 0xD800 && c <= 0xDBFF && i < units) {
            uint32_t lo = S_u16(d + 2 * i);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                c = 0x10000 + ((c - 0xD800) << 10) + (lo - 0xDC00);
                i++;
            }
        }
        st = S_put_cp(w, c);
    }
    return st == KS_OK ? S_put(w, "</t>") : st;
}

/* Is the innermost open element a paragraph of level LEVEL - 1 (the one a
 * record at LEVEL belongs to)?  Otherwise open one there, so that no text
 * is dropped whatever the order of the records. */
static ks_status S_in_para(S_writer *w, unsigned level)
{
    if (w->depth && w->stack[w->depth - 1].kind == E_P)
        return KS_OK;
    return S_open(w, E_P, level ? level - 1 : 0, 0, "<p>");
}

/* Write section D[0..N)'s records as <sec>…</sec>. */
static ks_status S_records(S_writer *w, const unsigned char *d, size_t n)
{
    ks_status st = S_put(w, "<sec>");
    size_t i = 0;
    while (st == KS_OK && i + 4 <= n) {
        uint32_t h = S_u32(d + i);
        unsigned tag = h & 0x3FF, level = (h >> 10) & 0x3FF;
        size_t size = h >> 20;
        i += 4;
        if (size == 0xFFF) {
            if (i + 4 > n)
                break;
            size = S_u32(d + i);
            i += 4;
        }
        if (size > n - i) {
            st = ks_error_set(w->err, KS_ERR_FORMAT, "hwp", 0, 0,
                              "%s: a record runs past the end of the section", w->name);
            break;
        }
        const unsigned char *r = d + i;
        i += size;
        switch (tag) {
        case 66: /* PARA_HEADER */
            if ((st = S_close(w, C_PARA, level, 0)) == KS_OK)
                st = S_open(w, E_P, level, 0, "<p>");
            break;
        case 67: /* PARA_TEXT */
            if ((st = S_in_para(w, level)) == KS_OK)
                st = S_text(w, r, size);
            break;
        case 69: /* PARA_LINE_SEG: the first segment's text height */
            if (size >= 16 && w->depth && w->stack[w->depth - 1].kind == E_P) {
                char a[96];
                snprintf(a, sizeof a, "<linesegarray><lineseg textheight=\"%u\"/></linesegarray>",
                         (unsigned)(S_u32(r + 12) & 0x7FFFFFFF));
                st = S_put(w, a);
            }
            break;
        case 71: /* CTRL_HEADER */
            if ((st = S_close(w, C_CTRL, level, 0)) == KS_OK && (st = S_in_para(w, level)) == KS_OK) {
                bool table = size >= 4 && S_u32(r) == 0x74626C20u; /* "tbl " */
                st = S_open(w, table ? E_TBL : E_CTRL, level, 0, table ? "<tbl>" : "<ctrl>");
            }
            break;
        case 72: { /* LIST_HEADER */
            unsigned row = size >= 12 ? S_u16(r + 10) : 0;
            if ((st = S_close(w, C_LIST, level, row)) != KS_OK)
                break;
            const S_el *t = w->depth ? &w->stack[w->depth - 1] : NULL;
            if (t && t->kind == E_TR)
                st = S_open(w, E_TC, level, row, "<tc><subList>");
            else if (t && t->kind == E_TBL && (st = S_open(w, E_TR, level, row, "<tr>")) == KS_OK)
                st = S_open(w, E_TC, level, row, "<tc><subList>");
            else if (!t || t->kind != E_TBL)
                st = S_open(w, E_SUB, level, 0, "<subList>");
            break;
        }
        default:
            break;
        }
    }
    while (st == KS_OK && w->depth)
        st = S_pop(w);
    return st == KS_OK ? S_put(w, "</sec>") : st;
}

/* The number N of a "SectionN" entry, or -1. */
static long S_section_number(const unsigned char *e)
{
    size_t bytes = S_u16(e + 0x40);
    if (bytes < 2 * 8 || bytes > 64)
        return -1;
    size_t n = bytes / 2 - 1; /* characters before the NUL */
    static const char pre[] = "Section";
    for (size_t i = 0; i < 7; i++)
        if (S_u16(e + 2 * i) != (uint16_t)pre[i])
            return -1;
    long v = 0;
    for (size_t i = 7; i < n; i++) {
        uint16_t c = S_u16(e + 2 * i);
        if (c < '0' || c > '9' || v > 100000)
            return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

/* The sections of storage BODY in numeric order into *SEC (NEW), *N of
 * them: 0, 1, ... each once (ks_sections_order). */
static ks_status S_sections(const S_cfb *f, uint32_t body, uint32_t **sec, size_t *n)
{
    *sec = NULL;
    *n = 0;
    uint32_t *kids = ks_malloc(f->ndir * sizeof *kids);
    long *num = ks_malloc(f->ndir * sizeof *num);
    size_t *idx = ks_malloc(f->ndir * sizeof *idx);
    if (!kids || !num || !idx) {
        ks_free(kids);
        ks_free(num);
        ks_free(idx);
        return KS_NOMEM(f->err, "hwp");
    }
    size_t nk, m = 0;
    ks_status st = S_children(f, body, kids, f->ndir, &nk);
    for (size_t i = 0; i < nk && st == KS_OK; i++) {
        long v = S_section_number(S_entry(f, kids[i]));
        if (v < 0)
            continue;
        if (m == KS_SECTIONS_MAX) {
            st = ks_error_set(f->err, KS_ERR_LIMIT, "hwp", 0, 0, "more than %u sections",
                              KS_SECTIONS_MAX);
            break;
        }
        num[m] = v;
        idx[m++] = kids[i];
    }
    if (st == KS_OK)
        st = ks_sections_order(num, idx, m, "hwp", "BodyText/Section", "", f->err);
    for (size_t i = 0; i < m && st == KS_OK; i++)
        kids[i] = (uint32_t)idx[i];
    ks_free(num);
    ks_free(idx);
    if (st != KS_OK) {
        ks_free(kids);
        return st;
    }
    *sec = kids;
    *n = m;
    return KS_OK;
}

ks_status ks_hwp_extract(ks_doc *doc, const char *raw, size_t len, ks_extract *out,
                         ks_error *err)
{
    if (!doc || !out || (!raw && len))
        return ks_error_set(err, KS_ERR_ARG, "hwp", 0, 0, "NULL argument");
    doc->format = "hwp";
    doc->encoding = "utf-16le";
    doc->encoding_reason = "hwp";
    doc->bytes = len;
    S_cfb f;
    unsigned char *hdr = NULL, *data = NULL;
    uint32_t *sec = NULL;
    size_t nsec = 0, hlen = 0, dlen = 0, total = 0;
    ks_buf xml = {0}, plain = {0};
    ks_status st = S_cfb_open(&f, (const unsigned char *)(raw ? raw : ""), len, err);
    uint32_t fh = CFB_NONE, body = CFB_NONE;
    if (st == KS_OK && (st = S_find(&f, 0, "FileHeader", &fh)) == KS_OK && fh == CFB_NONE)
        st = ks_error_set(err, KS_ERR_FORMAT, "hwp", 0, 0,
                          "an OLE compound file, not an HWP 5 document: extract its text first");
    if (st == KS_OK)
        st = S_stream(&f, fh, &hdr, &hlen);
    if (st == KS_OK && (hlen < 40 || memcmp(hdr, "HWP Document File", 17) != 0))
        st = ks_error_set(err, KS_ERR_FORMAT, "hwp", 0, 0,
                          "an OLE compound file, not an HWP 5 document: extract its text first");
    uint32_t props = st == KS_OK ? S_u32(hdr + 36) : 0;
    if (st == KS_OK && hdr[35] != 5)
        st = ks_error_set(err, KS_ERR_FORMAT, "hwp", 0, 0, "HWP version %u.%u: only 5.x is read",
                          hdr[35], hdr[34]);
    if (st == KS_OK && (props & 2))
        st = ks_error_set(err, KS_ERR_FORMAT, "hwp", 0, 0,
                          "the document is encrypted with a password: save it without one");
    if (st == KS_OK && (props & 4))
        st = ks_error_set(err, KS_ERR_FORMAT, "hwp", 0, 0,
                          "a distribution document (배포용 문서): its text is encrypted");
    const ks_zlib *z = NULL;
    if (st == KS_OK && (props & 1) && !(z = ks_zlib_get(err, "hwp")))
        st = KS_ERR_UNAVAILABLE;
    if (st == KS_OK && (st = S_find(&f, 0, "BodyText", &body)) == KS_OK &&
        (body == CFB_NONE || S_entry(&f, body)[0x42] != 1))
        st = ks_error_set(err, KS_ERR_FORMAT, "hwp", 0, 0, "missing BodyText");
    if (st == KS_OK)
        st = S_sections(&f, body, &sec, &nsec);
    if (st == KS_OK && ks_buf_puts(&xml, "<doc>") != KS_OK)
        st = KS_NOMEM(err, "hwp");
    for (size_t i = 0; i < nsec && st == KS_OK; i++) {
        char name[40];
        snprintf(name, sizeof name, "BodyText/Section%zu", i);
        if ((st = S_stream(&f, sec[i], &data, &dlen)) != KS_OK)
            break;
        const unsigned char *recs = data;
        size_t rlen = dlen;
        if (props & 1) {
            ks_buf_clear(&plain);
            if ((st = S_inflate(z, data, dlen, &plain, &total, name, err)) != KS_OK)
                break;
            recs = (const unsigned char *)(plain.data ? plain.data : "");
            rlen = plain.len;
        } else if ((total += dlen) > KS_SECTIONS_TOTAL_MAX) {
            st = ks_error_set(err, KS_ERR_LIMIT, "hwp", 0, 0, "sections over 256 MiB in all");
            break;
        }
        S_writer w = {.xml = &xml, .name = name, .err = err};
        st = S_records(&w, recs, rlen);
        ks_free(data);
        data = NULL;
    }
    if (st == KS_OK && ks_buf_puts(&xml, "</doc>") != KS_OK)
        st = KS_NOMEM(err, "hwp");
    ks_buf_free(&plain);
    ks_free(data);
    ks_free(hdr);
    ks_free(sec);
    S_cfb_free(&f);
    if (st == KS_OK)
        st = ks_hwpx_extract_xml(doc, xml.data, xml.len, "BodyText", "hwp", out, err);
    ks_buf_free(&xml);
    return st;
}
