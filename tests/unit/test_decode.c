/*
 * test_decode.c -- unit tests for stage 1 (decode.c): detection, BOMs,
 * characters cut between chunks at every position, bad bytes, strict mode,
 * and the CP949 table against the system's iconv, pair by pair.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>

#include "harness.h"
#include "internal.h"

typedef struct {
    int calls;
    uint64_t first_offset;
} warns;

static void on_warn(void *ctx, uint64_t offset, size_t nbytes)
{
    warns *w = ctx;
    (void)nbytes;
    if (w->calls++ == 0)
        w->first_offset = offset;
}

/* Decode IN[0..LEN) fed in chunks of CHUNK bytes.  Returns a malloc'd
 * string (or NULL on error, with *ST set). */
static char *decode(ks_encoding enc, bool strict, const char *in, size_t len, size_t chunk,
                    warns *w, ks_status *st, const char **used, const char **reason)
{
    ks_error err = {0};
    ks_decoder *d = ks_decoder_new(enc, strict, &err);
    ks_buf out = {0};
    *st = KS_OK;
    for (size_t i = 0; i < len && *st == KS_OK; i += chunk) {
        size_t n = len - i < chunk ? len - i : chunk;
        *st = ks_decoder_feed(d, in + i, n, &out, on_warn, w, &err);
    }
    if (*st == KS_OK)
        *st = ks_decoder_finish(d, &out, on_warn, w, &err);
    if (used)
        *used = ks_decoder_encoding(d);
    if (reason)
        *reason = ks_decoder_reason(d);
    ks_decoder_free(d);
    if (*st != KS_OK) {
        ks_buf_free(&out);
        return NULL;
    }
    return ks_buf_detach(&out);
}

static void same_at_every_chunking(ks_encoding enc, const char *in, size_t len,
                                   const char *want, const char *label)
{
    static const size_t chunks[] = {1, 2, 3, 7, 4096};
    for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
        warns w = {0};
        ks_status st;
        char *got = decode(enc, false, in, len, chunks[k], &w, &st, NULL, NULL);
        KS_CHECK(got && !strcmp(got, want), "%s, %zu-byte chunks: got \"%s\"", label,
                 chunks[k], got ? got : "(null)");
        free(got);
    }
}

/* Every byte pair with a lead byte of 80-FF: where iconv ("CP949") makes
 * one character of the two bytes, ksplit's decoder makes the same one;
 * where it makes none, ksplit's decoder finds the lead byte undecodable. */
static void cp949_matches_iconv(void)
{
    iconv_t cd = iconv_open("UTF-8", "CP949");
    KS_CHECK(cd != (iconv_t)-1, "iconv has CP949");
    if (cd == (iconv_t)-1)
        return;
    size_t agree = 0, chars = 0;
    for (unsigned lead = 0x80; lead <= 0xFF; lead++) {
        for (unsigned trail = 0; trail <= 0xFF; trail++) {
            char in[2] = {(char)lead, (char)trail}, ref[16];
            char *ip = in, *op = ref;
            size_t il = 2, ol = sizeof ref;
            iconv(cd, NULL, NULL, NULL, NULL);
            size_t r = iconv(cd, &ip, &il, &op, &ol);
            size_t nref = sizeof ref - ol;
            ref[nref] = '\0';
            uint32_t cp = 0;
            bool one = r != (size_t)-1 && il == 0 && nref > 1 &&
                       ks_utf8_decode((const unsigned char *)ref, nref, &cp) == nref;
            warns w = {0};
            ks_status st;
            char *got = decode(KS_ENC_CP949, false, in, 2, 2, &w, &st, NULL, NULL);
            bool ok = got && (one ? !strcmp(got, ref) && w.calls == 0
                                  : !strncmp(got, "\xEF\xBF\xBD", 3) && w.first_offset == 0);
            agree += ok;
            chars += one;
            if (!ok)
                KS_CHECK(ok, "CP949 %02X %02X: iconv \"%s\" (%s), ksplit \"%s\"", lead, trail,
                         ref, one ? "one character" : "none", got ? got : "(null)");
            free(got);
        }
    }
    iconv_close(cd);
    KS_CHECK(agree == 128 * 256, "%zu of %d pairs agree", agree, 128 * 256);
    KS_CHECK(chars == 17048, "iconv made %zu characters of the pairs", chars);
}

/* TEXT (UTF-8) converted to encoding TO by iconv into OUT (at most CAP
 * bytes), after the bytes of PREFIX (NPREFIX of them); returns the length,
 * 0 on failure. */
static size_t encode(const char *to, const char *prefix, size_t nprefix, const char *text,
                     char *out, size_t cap)
{
    iconv_t cd = iconv_open(to, "UTF-8");
    if (cd == (iconv_t)-1 || nprefix > cap)
        return 0;
    memcpy(out, prefix, nprefix);
    char *ip = (char *)text, *op = out + nprefix;
    size_t il = strlen(text), ol = cap - nprefix;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    iconv_close(cd);
    return r == (size_t)-1 || il ? 0 : cap - ol;
}

/* UTF-16 without a BOM (auto mode): Korean text, in either byte order,
 * at every chunking, and ASCII text; not CP949 whose syllables a stray
 * byte put out of step (read as UTF-16, they are syllables too). */
static void utf16_without_bom(void)
{
    static char text[4096], in[8192];
    text[0] = '\0';
    for (int i = 0; i < 6; i++)
        strcat(text, "정부는 10일 국무회의에서 가계 지원을 위한 추가경정예산안을 의결했다.\n"
                     "가격 안정 대책은 “다음 달부터 시행한다”고 밝혔다.\n");
    static const struct {
        const char *to, *enc;
    } orders[] = {{"UTF-16LE", "utf-16le"}, {"UTF-16BE", "utf-16be"}};
    for (size_t k = 0; k < 2; k++) {
        size_t n = encode(orders[k].to, "", 0, text, in, sizeof in);
        KS_CHECK(n > 0, "iconv to %s", orders[k].to);
        warns w = {0};
        ks_status st;
        const char *enc = NULL, *reason = NULL;
        char *got = decode(KS_ENC_AUTO, false, in, n, 4096, &w, &st, &enc, &reason);
        KS_CHECK(got && !strcmp(got, text), "%s without a BOM: \"%.40s\"", orders[k].to,
                 got ? got : "(null)");
        KS_CHECK(enc && !strcmp(enc, orders[k].enc) && reason && !strcmp(reason, "best-guess"),
                 "%s: %s, %s", orders[k].to, enc ? enc : "-", reason ? reason : "-");
        free(got);
        same_at_every_chunking(KS_ENC_AUTO, in, n, text, orders[k].to);
    }
    /* mostly ASCII: NUL high bytes */
    size_t n = encode("UTF-16LE", "", 0, "press release, 2026-04-10\nno. 12 (page 3 of 4)\n", in,
                      sizeof in);
    same_at_every_chunking(KS_ENC_AUTO, in, n, "press release, 2026-04-10\nno. 12 (page 3 of 4)\n",
                           "ascii utf-16le without a BOM");
    /* CP949 syllables without a space, a stray byte first: CP949 */
    text[0] = '\0';
    for (int i = 0; i < 40; i++)
        strcat(text, "대한민국정부는국민의안전을위하여");
    n = encode("CP949", "\xFF", 1, text, in, sizeof in);
    warns w = {0};
    ks_status st;
    const char *enc = NULL, *reason = NULL;
    char *got = decode(KS_ENC_AUTO, false, in, n, 4096, &w, &st, &enc, &reason);
    KS_CHECK(got && !strcmp(got + 3, text) && enc && !strcmp(enc, "cp949"),
             "cp949 out of step: %s \"%.30s\"", enc ? enc : "-", got ? got : "(null)");
    free(got);
}

int main(void)
{
    warns w = {0};
    ks_status st;
    const char *enc, *reason;
    char *got;

    /* UTF-8 with BOM; the BOM is dropped. */
    got = decode(KS_ENC_AUTO, false, "\xEF\xBB\xBF가나", 9, 4096, &w, &st, &enc, &reason);
    KS_STREQ(got, "가나");
    KS_STREQ(enc, "utf-8");
    KS_STREQ(reason, "bom");
    free(got);

    /* Valid UTF-8 without BOM. */
    got = decode(KS_ENC_AUTO, false, "보도자료", strlen("보도자료"), 4096, &w, &st, &enc, &reason);
    KS_STREQ(got, "보도자료");
    KS_STREQ(reason, "valid-utf-8");
    free(got);

    /* CP949: 똠 (8C 63) exists only in CP949, not in EUC-KR. */
    const char cp[] = "\xB4\xEB\xB1\xB8 \x8C\x63"; /* 대구 똠 */
    got = decode(KS_ENC_AUTO, false, cp, sizeof cp - 1, 4096, &w, &st, &enc, &reason);
    KS_STREQ(got, "대구 똠");
    KS_STREQ(enc, "cp949");
    KS_STREQ(reason, "valid-cp949");
    free(got);
    same_at_every_chunking(KS_ENC_CP949, cp, sizeof cp - 1, "대구 똠", "cp949");

    cp949_matches_iconv();

    /* CP949 bad bytes: a lead byte whose pair is no character is bad on
     * its own and decoding goes on at the next byte (glibc's iconv took
     * A2 E8 as one bad pair and then dropped the "A" after it). */
    const char a2e8[] = "x\xA2\xE8" "ABC";
    same_at_every_chunking(KS_ENC_CP949, a2e8, sizeof a2e8 - 1, "x\xEF\xBF\xBD" "ABC", "A2 E8");
    w = (warns){0};
    got = decode(KS_ENC_CP949, false, a2e8, sizeof a2e8 - 1, 4096, &w, &st, NULL, NULL);
    KS_CHECK(w.calls == 1 && w.first_offset == 1, "A2 E8: calls %d offset %llu", w.calls,
             (unsigned long long)w.first_offset);
    free(got);
    same_at_every_chunking(KS_ENC_CP949, "\xB0\x20" "A", 3, "\xEF\xBF\xBD A", "lead, space");
    /* a lead byte cut at the end; 80 and FF start nothing */
    same_at_every_chunking(KS_ENC_CP949, "\xB0\xA1\xB0", 3, "가\xEF\xBF\xBD", "cut lead");
    same_at_every_chunking(KS_ENC_CP949, "\x80\xB0\xA1\xFF", 4, "\xEF\xBF\xBD가\xEF\xBF\xBD",
                           "80 and FF");
    /* bad bytes take three bytes of output for one: the buffer grows */
    char alt[2000], want[4001];
    for (size_t i = 0; i < sizeof alt; i += 2) {
        alt[i] = (char)0x80;
        alt[i + 1] = 'A';
        memcpy(want + i * 2, "\xEF\xBF\xBD" "A", 4);
    }
    want[sizeof want - 1] = '\0';
    same_at_every_chunking(KS_ENC_CP949, alt, sizeof alt, want, "alternating bad bytes");

    /* UTF-16LE and BE with BOM, surrogate pair included (U+1F600). */
    const char le[] = "\xFF\xFE\x00\xAC\x41\x00\x3D\xD8\x00\xDE";
    got = decode(KS_ENC_AUTO, false, le, sizeof le - 1, 4096, &w, &st, &enc, &reason);
    KS_STREQ(got, "가A\xF0\x9F\x98\x80");
    KS_STREQ(enc, "utf-16le");
    free(got);
    same_at_every_chunking(KS_ENC_UTF16, le, sizeof le - 1, "가A\xF0\x9F\x98\x80", "utf-16 bom");
    const char be[] = "\xFE\xFF\xAC\x00\x00\x41";
    got = decode(KS_ENC_AUTO, false, be, sizeof be - 1, 4096, &w, &st, &enc, &reason);
    KS_STREQ(got, "가A");
    KS_STREQ(enc, "utf-16be");
    free(got);

    /* Bad UTF-16: a lone high surrogate, a NUL unit, a last odd byte; each
     * one U+FFFD with its offset, at every chunking; strict mode fails at
     * the first. */
    const char bad16[] = "\xFF\xFE\x00\xAC\x00\xD8\x98\xB0\x00\x00\x4C\xB2\x41";
    same_at_every_chunking(KS_ENC_UTF16, bad16, sizeof bad16 - 1,
                           "가\xEF\xBF\xBD나\xEF\xBF\xBD뉌\xEF\xBF\xBD", "bad utf-16");
    w = (warns){0};
    got = decode(KS_ENC_UTF16, false, bad16, sizeof bad16 - 1, 3, &w, &st, NULL, NULL);
    KS_CHECK(w.calls == 3 && w.first_offset == 4, "calls %d, first at %llu", w.calls,
             (unsigned long long)w.first_offset);
    free(got);
    got = decode(KS_ENC_UTF16, true, bad16, sizeof bad16 - 1, 3, &w, &st, NULL, NULL);
    CHECK(got == NULL && st == KS_ERR_DECODE);

    /* A UTF-8 character cut between chunks at every position. */
    const char *mixed = "a가\xF0\x9F\x98\x80 나ü";
    same_at_every_chunking(KS_ENC_UTF8, mixed, strlen(mixed), mixed, "utf-8");
    same_at_every_chunking(KS_ENC_AUTO, mixed, strlen(mixed), mixed, "auto");

    /* Bad bytes in forced UTF-8: one U+FFFD per run, offset reported. */
    w = (warns){0};
    got = decode(KS_ENC_UTF8, false, "ab\xFF\xFE" "cd", 6, 1, &w, &st, NULL, NULL);
    KS_STREQ(got, "ab\xEF\xBF\xBD" "cd");
    KS_CHECK(w.calls == 1, "calls %d", w.calls);
    KS_CHECK(w.first_offset == 2, "offset %llu", (unsigned long long)w.first_offset);
    free(got);

    /* Strict mode fails at the first bad byte. */
    w = (warns){0};
    got = decode(KS_ENC_UTF8, true, "abc\x80", 4, 4096, &w, &st, NULL, NULL);
    KS_CHECK(!got && st == KS_ERR_DECODE, "status %d", (int)st);

    /* A multibyte character cut at the very end. */
    w = (warns){0};
    got = decode(KS_ENC_UTF8, false, "가\xEB\x82", 5, 2, &w, &st, NULL, NULL);
    KS_STREQ(got, "가\xEF\xBF\xBD");
    KS_CHECK(w.calls == 1 && w.first_offset == 3, "calls %d offset %llu", w.calls,
             (unsigned long long)w.first_offset);
    free(got);

    /* NUL bytes are not text. */
    w = (warns){0};
    got = decode(KS_ENC_AUTO, false, "a\0b", 3, 4096, &w, &st, NULL, NULL);
    KS_STREQ(got, "a\xEF\xBF\xBD" "b");
    free(got);
    w = (warns){0};
    got = decode(KS_ENC_CP949, false, "a\0b", 3, 1, &w, &st, NULL, NULL);
    KS_STREQ(got, "a\xEF\xBF\xBD" "b");
    free(got);

    /* All 0xFF: neither UTF-8 nor CP949; still decodes, as a guess. */
    char ff[64];
    memset(ff, 0xFF, sizeof ff);
    w = (warns){0};
    got = decode(KS_ENC_AUTO, false, ff, sizeof ff, 4096, &w, &st, &enc, &reason);
    KS_CHECK(got != NULL, "all 0xFF decodes");
    KS_STREQ(reason, "best-guess");
    free(got);

    utf16_without_bom();

    /* Empty input. */
    got = decode(KS_ENC_AUTO, false, "", 0, 4096, &w, &st, NULL, NULL);
    KS_STREQ(got, "");
    free(got);

    KS_DONE();
}
