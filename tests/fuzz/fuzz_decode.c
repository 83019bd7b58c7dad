/*
 * fuzz_decode.c -- libFuzzer target for stage 1 (decode.c).
 *
 * Input: byte 0 picks the encoding (low 3 bits, modulo the six ks_encoding
 * values) and strict mode (bit 6); byte 1 seeds the chunking; the rest is
 * the document.  The document is decoded twice: in one feed, and in chunks
 * of random length (zero-length feeds included, characters cut anywhere).
 * Checked:
 *   - the output is valid UTF-8 without NUL bytes;
 *   - both runs agree: same status, same bytes, same warnings (offset and
 *     of every undecodable run), same encoding and reason -- the streaming
 *     contract of ks_decoder_feed.  (A run's reported length is not
 *     compared: a run cut by a chunk boundary is reported when it starts,
 *     and no caller uses the length);
 *   - an error fills *err, and only strict mode fails (KS_ERR_DECODE).
 */
#include "fuzz_common.h"

#define MAX_WARN 64

typedef struct {
    size_t n;
    uint64_t off[MAX_WARN];
} warn_log;

static void S_warn(void *ctx, uint64_t offset, size_t nbytes)
{
    warn_log *w = ctx;
    (void)nbytes;
    if (w->n < MAX_WARN)
        w->off[w->n] = offset;
    w->n++;
}

typedef struct {
    ks_status st;
    ks_buf out;
    warn_log warns;
    const char *enc, *reason;
} run;

/* Decode DATA[0..SIZE); CH NULL means one feed. */
static void S_decode(ks_encoding enc, bool strict, const uint8_t *data, size_t size,
                     fz_chunker *ch, run *r)
{
    ks_error err;
    memset(&err, 0, sizeof err);
    memset(r, 0, sizeof *r);
    ks_decoder *d = ks_decoder_new(enc, strict, &err);
    fz_require(d != NULL, "ks_decoder_new succeeds");
    const char *p = (const char *)data;
    size_t left = size;
    r->st = KS_OK;
    while (r->st == KS_OK) {
        size_t n = ch ? fz_chunk_len(ch, 7) : left;
        if (n > left)
            n = left;
        r->st = ks_decoder_feed(d, p, n, &r->out, S_warn, &r->warns, &err);
        fz_require(r->out.len == 0 || r->out.data[r->out.len] == '\0',
                   "the output buffer stays NUL-terminated");
        p += n;
        left -= n;
        if (!left)
            break;
    }
    if (r->st == KS_OK) {
        r->st = ks_decoder_finish(d, &r->out, S_warn, &r->warns, &err);
        if (r->st == KS_OK)
            fz_require(ks_decoder_offset(d) == size, "every byte is consumed");
    }
    fz_check_error(r->st, &err);
    fz_require(r->st == KS_OK || (strict && r->st == KS_ERR_DECODE),
               "only strict mode fails, with KS_ERR_DECODE");
    r->enc = ks_decoder_encoding(d);
    r->reason = ks_decoder_reason(d);
    ks_decoder_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    uint8_t opt = fz_byte(&in);
    uint8_t seed = fz_byte(&in);
    ks_encoding enc = (ks_encoding)((opt & 7) % 6);
    bool strict = (opt & 0x40) != 0;
    fz_chunker ch = fz_chunker_new(seed, in.n);
    run whole, chunked;
    S_decode(enc, strict, in.p, in.n, NULL, &whole);
    S_decode(enc, strict, in.p, in.n, &ch, &chunked);

    fz_require(whole.st == chunked.st, "chunking does not change the status");
    if (whole.st == KS_OK) {
        fz_require(fz_clean_text(whole.out.data, whole.out.len),
                   "decoded text is valid UTF-8 without NUL");
        fz_require(whole.out.len == chunked.out.len &&
                       (!whole.out.len || !memcmp(whole.out.data, chunked.out.data,
                                                  whole.out.len)),
                   "chunking does not change the decoded bytes");
        fz_require(!strcmp(whole.enc, chunked.enc) && !strcmp(whole.reason, chunked.reason),
                   "chunking does not change the encoding chosen");
        fz_require(whole.warns.n == chunked.warns.n, "chunking does not change the warnings");
        for (size_t i = 0; i < whole.warns.n && i < MAX_WARN; i++)
            fz_require(whole.warns.off[i] == chunked.warns.off[i],
                       "chunking does not change a warning's offset");
        if (!in.n)
            fz_require(whole.out.len == 0, "no input, no output");
    }
    ks_buf_free(&whole.out);
    ks_buf_free(&chunked.out);
    return 0;
}
