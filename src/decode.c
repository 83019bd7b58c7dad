/*
 * decode.c -- stage 1: raw bytes -> valid UTF-8.
 *
 * The only file that includes <iconv.h> (for UTF-16).  Invariant of
 * everything it appends to its output: valid UTF-8 without NUL bytes.
 *
 * Encodings
 *   utf-8     own validator; a UTF-8 BOM at the start is dropped.
 *   cp949     own decoder over the table of cp949_table.c (the same
 *             characters as iconv's "CP949", checked pair by pair by the
 *             unit tests; about four times faster, and without glibc's
 *             quirk of swallowing the byte after A2 E8).  Every EUC-KR /
 *             KS C 5601 label means CP949: glibc's EUC-KR turns CP949-only
 *             bytes (8C 63, 똠) into garbage without an error, CP949 is a
 *             strict superset.
 *   utf-16    iconv "UTF-16LE" / "UTF-16BE"; the BOM picks the order.
 *   auto      the bytes are kept until the end of the document, then:
 *             a BOM decides ("bom"); else valid UTF-8 ("valid-utf-8"), but
 *             where NUL bytes in it stand every other byte, UTF-16; else
 *             valid CP949 ("valid-cp949"); else UTF-16 where its code units
 *             in one byte order are nearly all Korean text's; else
 *             whichever of UTF-8 and CP949 has fewer undecodable runs (the
 *             UTF-16 guesses and this one: "best-guess"; S_utf16_order).
 *
 * Streaming: a chunk may end inside a character.  The undecoded tail (at
 * most 3 bytes) is kept and completed by the next chunk; at the end of the
 * input a cut character becomes U+FFFD.
 *
 * Bad bytes: each maximal run of undecodable bytes becomes one U+FFFD and
 * one call of the warn callback with its byte offset and length; in strict
 * mode the first one fails the document with KS_ERR_DECODE instead.  A NUL
 * byte is treated as undecodable (the text stages rely on C strings).
 */
#include <errno.h>
#include <iconv.h>
#include <string.h>

#include "internal.h"

struct ks_decoder {
    ks_encoding want;      /* what the caller asked for */
    ks_encoding active;    /* what is being decoded now */
    bool strict;
    bool started;          /* the BOM check has been done */
    iconv_t cd;            /* for utf-16, else (iconv_t)-1 */
    unsigned char tail[8]; /* an incomplete character from the last chunk */
    size_t ntail;
    uint64_t offset;       /* input bytes consumed (incl. the tail) */
    ks_buf raw;            /* auto mode: the whole input until finish */
    const char *reason;
    bool in_bad_run;       /* the previous output was a U+FFFD for a bad run */
};

#define REPLACEMENT "\xEF\xBF\xBD"

static const char *S_iconv_name(ks_encoding e)
{
    switch (e) {
    case KS_ENC_UTF16LE: return "UTF-16LE";
    case KS_ENC_UTF16BE: return "UTF-16BE";
    default: return NULL;
    }
}

static void S_close(ks_decoder *d)
{
    if (d->cd != (iconv_t)-1)
        iconv_close(d->cd);
    d->cd = (iconv_t)-1;
}

/* Start decoding with E (after auto detection or a BOM). */
static ks_status S_activate(ks_decoder *d, ks_encoding e, ks_error *err)
{
    S_close(d);
    d->active = e;
    const char *name = S_iconv_name(e);
    if (name) {
        d->cd = iconv_open("UTF-8", name);
        if (d->cd == (iconv_t)-1)
            return ks_error_set(err, KS_ERR_INTERNAL, "decode", 0, 0,
                                "iconv cannot convert from %s on this system", name);
    }
    return KS_OK;
}

ks_decoder *ks_decoder_new(ks_encoding enc, bool strict, ks_error *err)
{
    if (enc < KS_ENC_AUTO || enc > KS_ENC_UTF16) {
        ks_error_set(err, KS_ERR_ARG, "decode", 0, 0, "unknown encoding %d", (int)enc);
        return NULL;
    }
    ks_decoder *d = ks_calloc(1, sizeof *d);
    if (!d) {
        KS_NOMEM(err, "decode");
        return NULL;
    }
    d->cd = (iconv_t)-1;
    d->want = enc;
    d->strict = strict;
    ks_decoder_reset(d);
    return d;
}

void ks_decoder_free(ks_decoder *d)
{
    if (!d)
        return;
    S_close(d);
    ks_buf_free(&d->raw);
    ks_free(d);
}

void ks_decoder_reset(ks_decoder *d)
{
    S_close(d);
    d->active = d->want;
    d->started = false;
    d->ntail = 0;
    d->offset = 0;
    d->in_bad_run = false;
    d->reason = d->want == KS_ENC_AUTO ? "valid-utf-8" : "forced";
    ks_buf_free(&d->raw);
}

/* One undecodable run starts at input offset OFF.  Consecutive bad bytes
 * share one U+FFFD and one warning. */
static ks_status S_bad(ks_decoder *d, uint64_t off, size_t n, unsigned byte, ks_buf *out,
                       ks_decode_warn_fn warn, void *ctx, ks_error *err)
{
    if (d->strict)
        return ks_error_set(err, KS_ERR_DECODE, "decode", off, 0,
                            "byte 0x%02X does not decode as %s", byte,
                            ks_decoder_encoding(d));
    if (d->in_bad_run)
        return KS_OK;
    d->in_bad_run = true;
    if (warn)
        warn(ctx, off, n);
    return ks_buf_append(out, REPLACEMENT, 3) == KS_OK ? KS_OK : KS_NOMEM(err, "decode");
}

/* UTF-8: copy valid runs, replace invalid bytes.  Returns the number of
 * bytes of S consumed; an incomplete character at the end is left unless
 * FINAL. */
static ks_status S_utf8(ks_decoder *d, const unsigned char *s, size_t len, uint64_t base,
                        bool final, size_t *used, ks_buf *out, ks_decode_warn_fn warn,
                        void *ctx, ks_error *err)
{
    size_t i = 0;
    ks_status st = KS_OK;
    /* NUL bytes are valid UTF-8 but not text: a valid run stops at the next
     * NUL.  Its position is cached, so a run of NULs (or of bad bytes
     * before a distant NUL) is not rescanned for every byte: linear time. */
    size_t nul_at = 0;
    bool nul_known = false;
    while (i < len) {
        if (!nul_known || nul_at < i) {
            const unsigned char *nul = memchr(s + i, 0, len - i);
            nul_at = nul ? (size_t)(nul - s) : len;
            nul_known = true;
        }
        size_t run = ks_utf8_valid_prefix(s + i, nul_at - i);
        if (run) {
            if (ks_buf_append(out, (const char *)s + i, run) != KS_OK)
                return KS_NOMEM(err, "decode");
            d->in_bad_run = false;
            i += run;
            continue;
        }
        /* s[i] starts no valid character: is it a cut one at the end? */
        if (!final && s[i] != 0) {
            unsigned c = s[i];
            size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
            if (need && len - i < need) {
                size_t k = i + 1;
                while (k < len && (s[k] & 0xC0) == 0x80)
                    k++;
                if (k == len)
                    break; /* keep as tail */
            }
        }
        if ((st = S_bad(d, base + i, 1, s[i], out, warn, ctx, err)) != KS_OK)
            return st;
        i++;
    }
    *used = i;
    return KS_OK;
}

/* Offset of the first NUL code unit (two bytes, aligned) in S[0..LEN), or
 * LEN. */
static size_t S_find_nul16(const unsigned char *s, size_t len)
{
    for (size_t i = 0; i + 1 < len; i += 2)
        if (s[i] == 0 && s[i + 1] == 0)
            return i;
    return len;
}

/* UTF-16, with iconv.  Stops before an incomplete character at the end
 * unless FINAL.  NUL units are cut out before iconv sees them (a NUL unit
 * is never part of a UTF-16 character). */
static ks_status S_iconv(ks_decoder *d, const unsigned char *s, size_t len, uint64_t base,
                         bool final, size_t *used, ks_buf *out, ks_decode_warn_fn warn,
                         void *ctx, ks_error *err)
{
    const size_t unit = 2;
    size_t pos = 0;
    ks_status st = KS_OK;
    while (pos < len) {
        size_t seg = S_find_nul16(s + pos, len - pos);
        char *in = (char *)s + pos;
        size_t left = seg;
        bool stop = false;
        while (left > 0) {
            if (ks_buf_reserve(out, left * 2 + 16) != KS_OK)
                return KS_NOMEM(err, "decode");
            char *o = out->data + out->len;
            size_t room = out->cap - out->len - 1;
            size_t before = room;
            size_t r = iconv(d->cd, &in, &left, &o, &room);
            if (before != room) {
                out->len += before - room;
                d->in_bad_run = false;
            }
            out->data[out->len] = '\0';
            if (r != (size_t)-1)
                break;
            if (errno == E2BIG)
                continue;
            size_t at = (size_t)(in - (char *)s);
            if (errno == EINVAL && !final && seg == len - pos) {
                stop = true; /* incomplete character at the end: keep as tail */
                break;
            }
            /* EILSEQ, or a character cut by a NUL or the end: skip one unit. */
            size_t skip = unit < left ? unit : left;
            if ((st = S_bad(d, base + at, skip, s[at], out, warn, ctx, err)) != KS_OK)
                return st;
            in += skip;
            left -= skip;
        }
        pos = (size_t)(in - (char *)s);
        if (stop)
            break;
        if (pos < len) {
            /* A NUL unit (or, for UTF-16, a lone last byte at the end). */
            size_t skip = unit <= len - pos ? unit : len - pos;
            if (skip < unit && !final)
                break;
            if ((st = S_bad(d, base + pos, skip, s[pos], out, warn, ctx, err)) != KS_OK)
                return st;
            pos += skip;
        }
    }
    *used = pos;
    return KS_OK;
}

/* The code point of the CP949 pair LEAD TRAIL, 0 when it is none. */
static uint32_t S_cp949_pair(unsigned lead, unsigned trail)
{
    if (lead < KS_CP949_LEAD_MIN || lead > KS_CP949_LEAD_MAX || trail < KS_CP949_TRAIL_MIN ||
        trail > KS_CP949_TRAIL_MAX)
        return 0;
    return ks_cp949_table[(lead - KS_CP949_LEAD_MIN) * KS_CP949_TRAILS + (trail - KS_CP949_TRAIL_MIN)];
}

/* CP949: ASCII bytes are copied, a lead byte and a trail byte looked up.
 * A byte that starts no character (a NUL, 80, FF, a lead whose pair is
 * not in the table) is undecodable on its own, and decoding goes on at the
 * next byte, as iconv does.  A lead byte at the end is left as the tail
 * unless FINAL. */
static ks_status S_cp949(ks_decoder *d, const unsigned char *s, size_t len, uint64_t base,
                         bool final, size_t *used, ks_buf *out, ks_decode_warn_fn warn,
                         void *ctx, ks_error *err)
{
    size_t i = 0;
    ks_status st;
    while (i < len) {
        /* room for what is left as valid text needs it (two bytes give at
         * most three; the reservation S_finish_auto made for the whole
         * input): a bad byte's U+FFFD takes more, and comes back here */
        if (ks_buf_reserve(out, (len - i) + (len - i) / 2) != KS_OK)
            return KS_NOMEM(err, "decode");
        unsigned char *o = (unsigned char *)out->data + out->len;
        const unsigned char *oend = (const unsigned char *)out->data + out->cap - 1;
        /* Most of the text: whole characters, with room for the longest
         * (three bytes) and a byte after them, so that the loop tests
         * nothing else.  It stops before anything that needs a closer
         * look (a bad byte, the last byte), which the loop below takes. */
        size_t from = i;
        while (i + 1 < len && oend - o >= 3) {
            unsigned c = s[i];
            if (c - 1u < 0x7Fu) {
                *o++ = (unsigned char)c;
                i++;
                continue;
            }
            uint32_t u = S_cp949_pair(c, s[i + 1]);
            if (!u)
                break;
            o += ks_utf8_encode(u, o);
            i += 2;
        }
        if (i != from)
            d->in_bad_run = false;
        while (i < len) {
            unsigned c = s[i];
            if (c - 1u < 0x7Fu) { /* 01-7F */
                if (o == oend)
                    break;
                *o++ = (unsigned char)c;
                i++;
                d->in_bad_run = false;
                continue;
            }
            uint32_t u = 0;
            if (c >= KS_CP949_LEAD_MIN && c <= KS_CP949_LEAD_MAX) {
                if (i + 1 == len && !final)
                    break; /* the tail */
                if (i + 1 < len)
                    u = S_cp949_pair(c, s[i + 1]);
            }
            if (u) {
                if (oend - o < (u < 0x800 ? 2 : 3))
                    break;
                o += ks_utf8_encode(u, o);
                i += 2;
                d->in_bad_run = false;
                continue;
            }
            out->len = (size_t)(o - (unsigned char *)out->data);
            out->data[out->len] = '\0';
            if ((st = S_bad(d, base + i, 1, c, out, warn, ctx, err)) != KS_OK)
                return st;
            i++;
            o = (unsigned char *)out->data + out->len;
            oend = (const unsigned char *)out->data + out->cap - 1;
        }
        out->len = (size_t)(o - (unsigned char *)out->data);
        out->data[out->len] = '\0';
        if (i + 1 == len && !final && s[i] >= KS_CP949_LEAD_MIN && s[i] <= KS_CP949_LEAD_MAX)
            break;
    }
    *used = i;
    return KS_OK;
}

/* Decode S[0..LEN) (the tail already prepended by the caller) with the
 * active encoding.  *USED: bytes consumed. */
static ks_status S_run(ks_decoder *d, const unsigned char *s, size_t len, uint64_t base,
                       bool final, size_t *used, ks_buf *out, ks_decode_warn_fn warn,
                       void *ctx, ks_error *err)
{
    if (d->active == KS_ENC_UTF8)
        return S_utf8(d, s, len, base, final, used, out, warn, ctx, err);
    if (d->active == KS_ENC_CP949)
        return S_cp949(d, s, len, base, final, used, out, warn, ctx, err);
    return S_iconv(d, s, len, base, final, used, out, warn, ctx, err);
}

/* Look for a BOM at the start of the input.  Returns its length (0 when
 * none) and sets *ENC. */
static size_t S_bom(const unsigned char *s, size_t len, ks_encoding *enc)
{
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        *enc = KS_ENC_UTF8;
        return 3;
    }
    if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        *enc = KS_ENC_UTF16LE;
        return 2;
    }
    if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        *enc = KS_ENC_UTF16BE;
        return 2;
    }
    return 0;
}

/* Feed path for a known encoding: the first bytes may hold a BOM. */
static ks_status S_feed_known(ks_decoder *d, const unsigned char *s, size_t len, bool final,
                              ks_buf *out, ks_decode_warn_fn warn, void *ctx, ks_error *err)
{
    ks_status st;
    if (!d->started) {
        /* Wait for enough bytes to see a BOM. */
        unsigned char head[8];
        size_t have = d->ntail + len < sizeof head ? d->ntail + len : sizeof head;
        memcpy(head, d->tail, d->ntail);
        memcpy(head + d->ntail, s, have - d->ntail);
        if (have < 3 && !final) {
            memcpy(d->tail, head, have);
            d->ntail = have;
            d->offset += len;
            return KS_OK;
        }
        ks_encoding bom_enc = KS_ENC_AUTO;
        size_t bom = S_bom(head, have, &bom_enc);
        d->started = true;
        ks_encoding e = d->active;
        if (e == KS_ENC_UTF16)
            e = bom && bom_enc != KS_ENC_UTF8 ? bom_enc : KS_ENC_UTF16BE;
        /* Only a BOM of the encoding being decoded is dropped. */
        bool drop = bom && bom_enc == e;
        if ((st = S_activate(d, e, err)) != KS_OK)
            return st;
        if (drop) {
            /* Skip the BOM bytes: they are in tail + s. */
            size_t skip = bom;
            size_t from_tail = skip < d->ntail ? skip : d->ntail;
            memmove(d->tail, d->tail + from_tail, d->ntail - from_tail);
            d->ntail -= from_tail;
            skip -= from_tail;
            s += skip;
            len -= skip;
            d->offset += skip;
        }
    }
    uint64_t base = d->offset - d->ntail;
    size_t used = 0;
    if (d->ntail) {
        /* Complete the cut character with the first bytes of this chunk. */
        unsigned char tmp[16];
        size_t take = len < sizeof tmp - d->ntail ? len : sizeof tmp - d->ntail;
        memcpy(tmp, d->tail, d->ntail);
        memcpy(tmp + d->ntail, s, take);
        size_t n = d->ntail + take;
        bool last = final && take == len;
        /* Decode only until the tail's character is complete. */
        size_t u = 0;
        if ((st = S_run(d, tmp, n, base, last, &u, out, warn, ctx, err)) != KS_OK)
            return st;
        if (u < d->ntail) {
            /* Still incomplete: what is left of tmp is the tail again. */
            memmove(d->tail, tmp + u, n - u);
            d->ntail = n - u;
            d->offset += len;
            return KS_OK;
        }
        used = u - d->ntail;
        base += u;
        d->ntail = 0;
        if (used == len) {
            d->offset += len;
            return KS_OK;
        }
        /* tmp decoded more than the tail's character; the rest of the
         * chunk continues after it. */
    } else {
        base = d->offset;
    }
    size_t u = 0;
    if ((st = S_run(d, s + used, len - used, base, final, &u, out, warn, ctx, err)) != KS_OK)
        return st;
    size_t rest = len - used - u;
    if (rest > sizeof d->tail)
        return ks_error_set(err, KS_ERR_INTERNAL, "decode", base + u, 0,
                            "decoder left %zu bytes undecoded", rest);
    memcpy(d->tail, s + used + u, rest);
    d->ntail = rest;
    d->offset += len;
    return KS_OK;
}

/* Count the undecodable runs of S[0..LEN) as UTF-8 (no output kept). */
static size_t S_count_bad_utf8(const unsigned char *s, size_t len)
{
    size_t bad = 0, i = 0;
    while (i < len) {
        size_t run = ks_utf8_valid_prefix(s + i, len - i);
        i += run;
        if (i < len) {
            bad++;
            while (i < len && !ks_utf8_valid_prefix(s + i, len - i))
                i++;
        }
    }
    return bad + (memchr(s, 0, len) != NULL);
}

/* Is U a UTF-16 code unit that Korean text is made of: white space and
 * ASCII, Latin-1, jamo, punctuation and symbols (U+2000-U+27BF), CJK
 * punctuation and compatibility jamo (U+3000-U+33FF), hanja, syllables,
 * full-width forms? */
static bool S_korean_unit(unsigned u)
{
    if (u < 0x80)
        return u >= 0x20 || u == '\t' || u == '\n' || u == '\r';
    return (u >= 0xA0 && u <= 0xFF) || (u >= 0x1100 && u <= 0x11FF) ||
           (u >= 0x2000 && u <= 0x27BF) || (u >= 0x3000 && u <= 0x33FF) ||
           (u >= 0x4E00 && u <= 0x9FFF) || (u >= 0xAC00 && u <= 0xD7A3) ||
           (u >= 0xF900 && u <= 0xFAFF) || (u >= 0xFF00 && u <= 0xFFEF);
}

/* UTF-16 without a BOM, from the first 8 KB of S[0..LEN): the byte order,
 * or KS_ENC_AUTO when neither fits.  Taken where NUL high bytes stand on
 * one side (mostly ASCII text, which is valid UTF-8 too), or where, read
 * in one byte order, nineteen code units in twenty or more are Korean
 * text's (S_korean_unit) and, in the other, at most four in five: Korean
 * text in UTF-16 has few NUL bytes (a syllable's high byte is AC-D7),
 * while CP949 or UTF-8 read as UTF-16 gives about half such units either
 * way. */
#define KS_UTF16_PROBE 8192 /* bytes S_utf16_order reads */

static ks_encoding S_utf16_order(const unsigned char *s, size_t len)
{
    if (len < 4)
        return KS_ENC_AUTO;
    /* code units read both ways, and the NUL bytes in the low and the
     * high byte of a little-endian unit */
    size_t n = (len < KS_UTF16_PROBE ? len : KS_UTF16_PROBE) / 2, m = 2 * n;
    size_t zlo = 0, zhi = 0, le = 0, be = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned lo = s[2 * i], hi = s[2 * i + 1];
        zlo += lo == 0;
        zhi += hi == 0;
        le += S_korean_unit(lo | hi << 8);
        be += S_korean_unit(lo << 8 | hi);
    }
    if (zhi * 3 > m && zlo * 20 < m)
        return KS_ENC_UTF16LE;
    if (zlo * 3 > m && zhi * 20 < m)
        return KS_ENC_UTF16BE;
    /* Korean: and a space or a line end (a NUL high byte) in fifty units,
     * far more of them than of syllables such as 가 (U+AC00, a NUL low
     * byte): CP949 has no NUL, and its syllables read a byte off as
     * UTF-16 are syllables */
    if (le * 20 >= n * 19 && be * 5 <= n * 4 && zhi * 50 >= n && zlo * 4 <= zhi)
        return KS_ENC_UTF16LE;
    if (be * 20 >= n * 19 && le * 5 <= n * 4 && zlo * 50 >= n && zhi * 4 <= zlo)
        return KS_ENC_UTF16BE;
    return KS_ENC_AUTO;
}

/* Auto mode, before any decoding: a BOM or valid UTF-8 decides (valid
 * UTF-8 with NUL bytes may be ASCII in UTF-16).  Returns KS_ENC_AUTO when
 * neither does. */
static ks_encoding S_detect_cheap(ks_decoder *d, const ks_buf *raw)
{
    const unsigned char *s = (const unsigned char *)(raw->data ? raw->data : "");
    size_t len = raw->len;
    ks_encoding e;
    if (S_bom(s, len, &e)) {
        d->reason = "bom";
        return e;
    }
    /* Valid UTF-8, allowing NUL bytes and a character cut at the very end
     * (both are reported byte by byte as the text is decoded). */
    size_t ok = ks_utf8_valid_prefix(s, len);
    if (ok < len && len - ok < 4 && s[ok] >= 0xC2 && s[ok] <= 0xF4) {
        size_t k = ok + 1;
        while (k < len && (s[k] & 0xC0) == 0x80)
            k++;
        if (k == len)
            ok = len;
    }
    if (ok == len) {
        /* (ASCII in UTF-16 is valid UTF-8 with NUL bytes; without one
         * where S_utf16_order looks, it finds no UTF-16) */
        if (memchr(s, 0, len < KS_UTF16_PROBE ? len : KS_UTF16_PROBE) &&
            (e = S_utf16_order(s, len)) != KS_ENC_AUTO) {
            d->reason = "best-guess";
            return e;
        }
        d->reason = "valid-utf-8";
        return KS_ENC_UTF8;
    }
    return KS_ENC_AUTO;
}

/* Auto mode when CP949 had CP949_BAD undecodable runs: UTF-16 without a BOM
 * (S_utf16_order), else whichever of UTF-8 and CP949 has fewer bad runs. */
static ks_encoding S_detect_guess(ks_decoder *d, const ks_buf *raw, size_t cp949_bad)
{
    const unsigned char *s = (const unsigned char *)raw->data;
    size_t len = raw->len;
    d->reason = "best-guess";
    ks_encoding e = S_utf16_order(s, len);
    if (e != KS_ENC_AUTO)
        return e;
    return S_count_bad_utf8(s, len) <= cp949_bad ? KS_ENC_UTF8 : KS_ENC_CP949;
}

/* Bad runs met while trying CP949 in auto mode, replayed if CP949 wins. */
typedef struct {
    ks_vec offsets; /* uint64_t */
    bool nomem;
} S_trial;

static void S_trial_warn(void *ctx, uint64_t offset, size_t nbytes)
{
    S_trial *t = ctx;
    (void)nbytes;
    if (ks_vec_push(&t->offsets, &offset) != KS_OK)
        t->nomem = true;
}

/* Decode RAW (the whole input) as E from the start. */
static ks_status S_decode_all(ks_decoder *d, ks_encoding e, const ks_buf *raw, ks_buf *out,
                              ks_decode_warn_fn warn, void *ctx, ks_error *err)
{
    d->active = e;
    d->offset = 0;
    d->ntail = 0;
    d->started = false;
    d->in_bad_run = false;
    return S_feed_known(d, (const unsigned char *)(raw->data ? raw->data : ""), raw->len, true,
                        out, warn, ctx, err);
}

/* Auto mode at the end of the input: choose the encoding and decode.  The
 * CP949 trial decodes straight into OUT, so valid CP949 (the common legacy
 * case) costs one iconv pass, not two. */
static ks_status S_finish_auto(ks_decoder *d, ks_buf *out, ks_decode_warn_fn warn, void *ctx,
                               ks_error *err)
{
    ks_buf raw = d->raw;
    d->raw = (ks_buf){0};
    ks_status st = KS_OK;
    S_trial t = {KS_VEC(uint64_t), false};
    ks_encoding e = S_detect_cheap(d, &raw);
    /* The output's size is known within a factor: UTF-8 copies, CP949's
     * two-byte Hangul becomes three bytes.  Reserving it once saves the
     * doubling's slack on large documents. */
    if (ks_buf_reserve(out, e == KS_ENC_UTF8 ? raw.len : raw.len + raw.len / 2) != KS_OK) {
        st = KS_NOMEM(err, "decode");
        goto done;
    }
    if (e == KS_ENC_AUTO) {
        size_t mark = out->len;
        bool strict = d->strict;
        d->strict = false;
        st = S_decode_all(d, KS_ENC_CP949, &raw, out, S_trial_warn, &t, err);
        d->strict = strict;
        if (st != KS_OK)
            goto done;
        if (t.nomem) {
            st = KS_NOMEM(err, "decode");
            goto done;
        }
        if (t.offsets.len == 0) {
            d->reason = "valid-cp949";
            goto done;
        }
        e = S_detect_guess(d, &raw, t.offsets.len);
        if (e == KS_ENC_CP949) {
            for (size_t i = 0; i < t.offsets.len; i++) {
                uint64_t off = KS_AT(t.offsets, uint64_t, i);
                if (strict) {
                    st = ks_error_set(err, KS_ERR_DECODE, "decode", off, 0,
                                      "byte 0x%02X does not decode as UTF-8 or CP949",
                                      (unsigned char)raw.data[off]);
                    goto done;
                }
                if (warn)
                    warn(ctx, off, 1);
            }
            goto done;
        }
        out->len = mark;
        out->data[mark] = '\0';
    }
    const char *reason = d->reason;
    st = S_decode_all(d, e, &raw, out, warn, ctx, err);
    d->reason = reason;
done:
    ks_vec_free(&t.offsets);
    ks_buf_free(&raw);
    return st;
}

ks_status ks_decoder_feed(ks_decoder *d, const char *buf, size_t len, ks_buf *out,
                          ks_decode_warn_fn warn, void *ctx, ks_error *err)
{
    if (d->want == KS_ENC_AUTO) {
        if (ks_buf_append(&d->raw, buf, len) != KS_OK)
            return KS_NOMEM(err, "decode");
        d->offset += len;
        return KS_OK;
    }
    return S_feed_known(d, (const unsigned char *)buf, len, false, out, warn, ctx, err);
}

ks_status ks_decoder_finish(ks_decoder *d, ks_buf *out, ks_decode_warn_fn warn, void *ctx,
                            ks_error *err)
{
    ks_status st;
    if (d->want == KS_ENC_AUTO) {
        if ((st = S_finish_auto(d, out, warn, ctx, err)) != KS_OK)
            return st;
    } else {
        st = S_feed_known(d, (const unsigned char *)"", 0, true, out, warn, ctx, err);
        if (st != KS_OK)
            return st;
    }
    if (d->ntail) {
        /* A character cut at the end of the input. */
        st = S_bad(d, d->offset - d->ntail, d->ntail, d->tail[0], out, warn, ctx, err);
        d->ntail = 0;
        if (st != KS_OK)
            return st;
    }
    if (!out->data && ks_buf_reserve(out, 0) != KS_OK)
        return KS_NOMEM(err, "decode");
    return KS_OK;
}

const char *ks_decoder_encoding(const ks_decoder *d)
{
    switch (d->active) {
    case KS_ENC_CP949: return "cp949";
    case KS_ENC_UTF16LE: return "utf-16le";
    case KS_ENC_UTF16BE: return "utf-16be";
    case KS_ENC_UTF16: return "utf-16be";
    default: return "utf-8";
    }
}

const char *ks_decoder_reason(const ks_decoder *d)
{
    return d->reason;
}

uint64_t ks_decoder_offset(const ks_decoder *d)
{
    return d->offset;
}
