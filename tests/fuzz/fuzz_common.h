/*
 * fuzz_common.h -- helpers shared by the libFuzzer targets in tests/fuzz/.
 *
 * Each target takes its options from the first bytes of the input (so the
 * fuzzer explores them like any other byte) and checks the library's
 * documented invariants; a broken invariant aborts, which libFuzzer reports
 * as a crash and saves as a reproducer.  Only static inline functions here,
 * so a target that does not use one gets no warning.
 */
#ifndef KSPLIT_FUZZ_COMMON_H
#define KSPLIT_FUZZ_COMMON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The libFuzzer entry point (declared for -Wmissing-prototypes). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The input, consumed from the front for options. */
typedef struct {
    const uint8_t *p;
    size_t n;
} fz_input;

/* Next option byte; 0 once the input is used up. */
static inline uint8_t fz_byte(fz_input *in)
{
    if (!in->n)
        return 0;
    in->n--;
    return *in->p++;
}

/* Abort with a message when an invariant is broken. */
static inline void fz_require(bool cond, const char *what)
{
    if (!cond) {
        fprintf(stderr, "fuzz: invariant broken: %s\n", what);
        abort();
    }
}

/* Chunk lengths for streaming, from a small xorshift generator seeded by
 * an input byte: lengths 0..MAX (zero-length feeds included on purpose). */
typedef struct {
    uint32_t state;
} fz_chunker;

static inline fz_chunker fz_chunker_new(uint8_t seed, size_t size)
{
    fz_chunker c = {(uint32_t)seed * 2654435761u ^ (uint32_t)size ^ 0x9E3779B9u};
    if (!c.state)
        c.state = 1;
    return c;
}

static inline size_t fz_chunk_len(fz_chunker *c, size_t max)
{
    c->state ^= c->state << 13;
    c->state ^= c->state >> 17;
    c->state ^= c->state << 5;
    /* Mostly short chunks (cut characters), sometimes long ones. */
    if ((c->state & 7) == 0)
        return (size_t)(c->state >> 8) % (max * 64 + 1);
    return (size_t)(c->state >> 8) % (max + 1);
}

/* True when S[0..LEN) is valid UTF-8 without NUL bytes: the text
 * invariant of every stage's output. */
static inline bool fz_clean_text(const char *s, size_t len)
{
    if (!len)
        return true;
    if (!s || memchr(s, '\0', len))
        return false;
    return ks_utf8_valid_prefix((const unsigned char *)s, len) == len;
}

/* An error status must come with a filled-in error struct. */
static inline void fz_check_error(ks_status st, const ks_error *err)
{
    if (st == KS_OK)
        return;
    fz_require(err->code == st, "err->code equals the returned status");
    fz_require(err->message[0] != '\0', "an error has a message");
    fz_require(memchr(err->stage, '\0', sizeof err->stage) != NULL, "err->stage is terminated");
    fz_require(memchr(err->message, '\0', sizeof err->message) != NULL,
               "err->message is terminated");
    fz_require(st != KS_ERR_INTERNAL, "no KS_ERR_INTERNAL (a broken invariant in libksplit)");
}

/* The checks a reader's result (html.c, hwpx.c) must pass: a documented
 * status, clean UTF-8 text, a hint of -1 or a ks_role per line and a clean
 * title.  EXACT (HWPX): every line ends in '\n' and has its hint; else the
 * hints may be absent (HTML) and the last line unended. */
static inline void fz_check_reader(ks_status st, const ks_doc *doc, const ks_extract *x,
                                   const ks_error *err, bool exact)
{
    fz_check_error(st, err);
    fz_require(st != KS_ERR_ARG, "no KS_ERR_ARG for valid arguments");
    if (st != KS_OK)
        return;
    fz_require(fz_clean_text(x->text.data, x->text.len), "extracted text is clean UTF-8");
    size_t lines = 0;
    for (size_t i = 0; i < x->text.len; i++)
        lines += x->text.data[i] == '\n';
    bool ended = x->text.len == 0 || x->text.data[x->text.len - 1] == '\n';
    if (exact) {
        fz_require(ended, "every line ends in a newline");
        fz_require(x->hints.len == lines, "exactly one hint per line");
    } else {
        fz_require(x->hints.len == 0 || x->hints.len == lines + !ended, "one hint per line, or none");
    }
    for (size_t i = 0; i < x->hints.len; i++) {
        signed char h = KS_AT(x->hints, signed char, i);
        fz_require(h == KS_HINT_SOFT || (h >= -1 && h <= KS_ROLE_RESIDUE),
                   "a hint is -1, KS_HINT_SOFT or a ks_role");
    }
    fz_require(!doc->title || fz_clean_text(doc->title, strlen(doc->title)),
               "the title is clean text");
}

/* ks_doc_write's writer for fz_check_write: appends to a ks_buf. */
static inline int fz_collect(void *ctx, const char *data, size_t len)
{
    return ks_buf_append(ctx, data, len) == KS_OK ? 0 : -1;
}

/* ks_doc_write hands over, in its pieces, exactly OUT[0..LEN) as
 * ks_doc_render made it for FORM. */
static inline void fz_check_write(const ks_doc *doc, ks_render form, const char *out, size_t len)
{
    ks_buf b = {0};
    ks_error err;
    memset(&err, 0, sizeof err);
    ks_status st = ks_doc_write(doc, form, fz_collect, &b, &err);
    fz_check_error(st, &err);
    fz_require(st == KS_OK && b.len == len && (len == 0 || memcmp(b.data, out, len) == 0),
               "ks_doc_write writes what ks_doc_render renders");
    ks_buf_free(&b);
}

/* The result of ks_convert: a document exactly when KS_OK, whose JSON
 * renders as clean text, and is written the same in pieces.  Frees DOC. */
static inline void fz_check_converted(ks_status st, ks_doc *doc, const ks_error *err)
{
    fz_check_error(st, err);
    fz_require(st != KS_ERR_ARG, "no KS_ERR_ARG for valid arguments");
    fz_require((st == KS_OK) == (doc != NULL), "a document exactly when KS_OK");
    if (!doc)
        return;
    char *out = NULL;
    size_t len = 0;
    ks_error e2;
    memset(&e2, 0, sizeof e2);
    st = ks_doc_render(doc, KS_RENDER_JSON, &out, &len, &e2);
    fz_require(st == KS_OK && out && strlen(out) == len && fz_clean_text(out, len),
               "the JSON renders as clean text");
    fz_check_write(doc, KS_RENDER_JSON, out, len);
    ks_free(out);
    ks_doc_free(doc);
}

/* A container reader (hwpx.c, hwp.c) on RAW[0..LEN): its result checked
 * (every line ended and hinted), then the whole pipeline on the same bytes
 * with --from FROM. */
static inline void fz_container(ks_status (*read)(ks_doc *, const char *, size_t, ks_extract *,
                                                  ks_error *),
                                const char *raw, size_t len, ks_format from)
{
    ks_error err;
    memset(&err, 0, sizeof err);
    ks_doc *doc = ks_doc_new();
    fz_require(doc != NULL, "ks_doc_new succeeds");
    ks_extract x;
    memset(&x, 0, sizeof x); /* as pipeline.c hands it over */
    ks_status st = read(doc, raw ? raw : "", len, &x, &err);
    fz_check_reader(st, doc, &x, &err, true);
    ks_extract_free(&x);
    ks_doc_free(doc);

    ks_options opts;
    memset(&opts, 0, sizeof opts);
    opts.from = from;
    doc = NULL;
    memset(&err, 0, sizeof err);
    st = ks_convert(&opts, raw ? raw : "", len, &doc, &err);
    fz_check_converted(st, doc, &err);
}

#endif
