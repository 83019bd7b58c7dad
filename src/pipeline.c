/*
 * pipeline.c -- wires the stages: new / feed / finish / reset / free.
 *
 *   feed:   raw bytes -> (format sniffing) -> decode.c, chunk by chunk
 *   finish: decode.c flush -> normalize.c -> split.c (+ respace.c) ->
 *           quotes.c -> a NEW ks_doc
 *
 * Plain text with a known encoding streams through the decoder as it comes;
 * other inputs (auto encoding, HTML, HWPX, HWP) are held until the end of the
 * document, since the encoding or the format is a property of the whole.
 * Each stage's input is freed as soon as the next stage has its output, so
 * peak memory is a small multiple of the document, never of the stream.
 *
 * A document that fails leaves no half-made output: finish returns an error
 * and no doc, and the pipeline is reset for the next document.
 */
#include <string.h>

#include "internal.h"

/* Bytes looked at to tell text from HTML / HWPX / HWP. */
#define SNIFF_BYTES 1024
/* Decode warnings kept per document; the rest are counted in one warning. */
#define MAX_DECODE_WARNINGS 50

struct ks_pipeline {
    ks_options opts;
    char *name;             /* copy of opts.name */
    ks_decoder *dec;
    ks_respacer *rs;        /* NULL with KS_OPT_NO_RESPACE */
    ks_doc *doc;            /* the document being built (warnings so far) */
    ks_buf raw;             /* held input: sniffing, auto encoding, HTML, HWPX, HWP */
    ks_buf text;            /* decoded UTF-8 */
    ks_format fmt;          /* KS_FROM_AUTO until decided */
    uint64_t bytes;
    size_t decode_warnings;
    bool failed;
};

static void S_decode_warn(void *ctx, uint64_t offset, size_t nbytes)
{
    ks_pipeline *p = ctx;
    (void)nbytes;
    p->decode_warnings++;
    p->doc->stats.replaced++;
    if (p->decode_warnings <= MAX_DECODE_WARNINGS)
        (void)ks_doc_warn(p->doc, "decode", offset, 0,
                          "undecodable bytes replaced by U+FFFD");
}

/* NEW copy of NAME as valid UTF-8: a file name may hold any bytes, JSON
 * only text, so bytes that do not decode become U+FFFD. */
static char *S_utf8_name(const char *name)
{
    ks_buf b = {0};
    const unsigned char *s = (const unsigned char *)name;
    size_t len = strlen(name), i = 0;
    while (i < len) {
        size_t run = ks_utf8_valid_prefix(s + i, len - i);
        if (ks_buf_append(&b, name + i, run) != KS_OK)
            goto nomem;
        i += run;
        if (i < len) {
            if (ks_buf_put_cp(&b, 0xFFFD) != KS_OK)
                goto nomem;
            i++;
        }
    }
    return ks_buf_detach(&b);
nomem:
    ks_buf_free(&b);
    return NULL;
}

static ks_status S_start_doc(ks_pipeline *p, ks_error *err)
{
    p->doc = ks_doc_new();
    if (!p->doc)
        return KS_NOMEM(err, "pipeline");
    p->doc->flags = p->opts.flags;
    if (p->name && !(p->doc->name = ks_strdup(p->name)))
        return KS_NOMEM(err, "pipeline");
    return KS_OK;
}

ks_pipeline *ks_pipeline_new(const ks_options *opts, ks_error *err)
{
    ks_options def = {0};
    if (!opts)
        opts = &def;
    if (opts->from < KS_FROM_AUTO || opts->from > KS_FROM_HWP) {
        ks_error_set(err, KS_ERR_ARG, "pipeline", 0, 0, "unknown input format %d",
                     (int)opts->from);
        return NULL;
    }
    ks_pipeline *p = ks_calloc(1, sizeof *p);
    if (!p) {
        KS_NOMEM(err, "pipeline");
        return NULL;
    }
    p->opts = *opts;
    p->opts.name = NULL;
    if (opts->name && !(p->name = S_utf8_name(opts->name)))
        goto nomem;
    p->dec = ks_decoder_new(opts->encoding, (opts->flags & KS_OPT_STRICT) != 0, err);
    if (!p->dec)
        goto fail;
    if (!(opts->flags & KS_OPT_NO_RESPACE) && !(p->rs = ks_respacer_new()))
        goto nomem;
    if (S_start_doc(p, err) != KS_OK)
        goto fail;
    p->fmt = opts->from;
    return p;
nomem:
    KS_NOMEM(err, "pipeline");
fail:
    ks_pipeline_free(p);
    return NULL;
}

void ks_pipeline_reset(ks_pipeline *p)
{
    if (!p)
        return;
    if (p->dec)
        ks_decoder_reset(p->dec);
    if (p->rs)
        ks_respacer_reset(p->rs);
    ks_buf_free(&p->raw);
    ks_buf_free(&p->text);
    ks_doc_free(p->doc);
    p->doc = NULL;
    p->fmt = p->opts.from;
    p->bytes = 0;
    p->decode_warnings = 0;
    p->failed = false;
}

void ks_pipeline_free(ks_pipeline *p)
{
    if (!p)
        return;
    ks_pipeline_reset(p);
    ks_decoder_free(p->dec);
    ks_respacer_free(p->rs);
    ks_free(p->name);
    ks_free(p);
}

/* Documents ksplit does not read, told by their first bytes: read as
 * text, they gave a page of U+FFFD and exit 0.  `--from text` still reads
 * them as text. */
static const struct {
    const char *magic;
    size_t len;
    const char *message;
} S_foreign[] = {
    {"%PDF-", 5, "a PDF file, not text: extract its text first (pdftotext FILE.pdf - | ksplit)"},
    {"\x1F\x8B", 2, "gzip-compressed data: decompress it first (zcat FILE.gz | ksplit)"},
    {"\xFD" "7zXZ\x00", 6, "xz-compressed data: decompress it first (xzcat FILE.xz | ksplit)"},
    {"\x28\xB5\x2F\xFD", 4, "zstd-compressed data: decompress it first (zstdcat FILE.zst | ksplit)"},
    {"7z\xBC\xAF\x27\x1C", 6, "a 7z archive: extract its files first"},
    {"Rar!\x1A\x07", 6, "a RAR archive: extract its files first"},
    /* the images a scraper saves beside a release: no byte of them is
     * valid at the start of UTF-8 or CP949 text, but for GIF's name */
    {"\x89PNG\r\n\x1A\n", 8, "a PNG image, not text"},
    {"\xFF\xD8\xFF", 3, "a JPEG image, not text"},
    {"GIF87a", 6, "a GIF image, not text"},
    {"GIF89a", 6, "a GIF image, not text"},
};

/* Decide the format from the held bytes and, for text, start decoding.
 * KS_ERR_FORMAT for a document of S_foreign's formats. */
static ks_status S_decide(ks_pipeline *p, ks_error *err)
{
    if (p->fmt == KS_FROM_AUTO) {
        for (size_t i = 0; i < sizeof S_foreign / sizeof *S_foreign; i++)
            if (p->raw.len >= S_foreign[i].len &&
                memcmp(p->raw.data, S_foreign[i].magic, S_foreign[i].len) == 0)
                return ks_error_set(err, KS_ERR_FORMAT, "sniff", 0, 0, "%s", S_foreign[i].message);
        p->fmt = ks_sniff_format(p->raw.data ? p->raw.data : "", p->raw.len);
    }
    if (p->fmt != KS_FROM_TEXT)
        return KS_OK;
    ks_status st = ks_decoder_feed(p->dec, p->raw.data ? p->raw.data : "", p->raw.len,
                                   &p->text, S_decode_warn, p, err);
    ks_buf_free(&p->raw);
    return st;
}

ks_status ks_pipeline_feed(ks_pipeline *p, const char *buf, size_t len, ks_error *err)
{
    if (!p || (!buf && len))
        return ks_error_set(err, KS_ERR_ARG, "pipeline", 0, 0, "NULL pipeline or buffer");
    if (p->failed)
        return ks_error_set(err, KS_ERR_ARG, "pipeline", p->bytes, 0,
                            "the document already failed; reset the pipeline");
    if (!p->doc && S_start_doc(p, err) != KS_OK)
        return KS_ERR_NOMEM;
    if (p->opts.max_bytes && len > p->opts.max_bytes - p->bytes) {
        p->failed = true;
        return ks_error_set(err, KS_ERR_LIMIT, "pipeline", p->opts.max_bytes, 0,
                            "the document is larger than the limit of %llu bytes",
                            (unsigned long long)p->opts.max_bytes);
    }
    ks_status st = KS_OK;
    p->bytes += len;
    if (p->fmt == KS_FROM_TEXT) {
        st = ks_decoder_feed(p->dec, buf, len, &p->text, S_decode_warn, p, err);
    } else {
        if (ks_buf_append(&p->raw, buf, len) != KS_OK)
            st = KS_NOMEM(err, "pipeline");
        else if (p->fmt == KS_FROM_AUTO && p->raw.len >= SNIFF_BYTES)
            st = S_decide(p, err);
    }
    if (st != KS_OK)
        p->failed = true;
    return st;
}

/* Everything after the input is complete.  Consumes p->doc on success. */
static ks_status S_build(ks_pipeline *p, ks_error *err)
{
    ks_status st = KS_OK;
    ks_doc *doc = p->doc;
    ks_lines lines = {0};
    ks_extract x = {0};
    doc->bytes = p->bytes;
    if (p->fmt == KS_FROM_AUTO && (st = S_decide(p, err)) != KS_OK)
        goto done;
    if (p->fmt == KS_FROM_TEXT) {
        if ((st = ks_decoder_finish(p->dec, &p->text, S_decode_warn, p, err)) != KS_OK)
            goto done;
        doc->encoding = ks_decoder_encoding(p->dec);
        doc->encoding_reason = ks_decoder_reason(p->dec);
        if (!strcmp(doc->encoding_reason, "best-guess"))
            (void)ks_doc_warn(doc, "encoding-guess", 0, 0,
                              "input is neither valid UTF-8 nor valid CP949; decoded as %s",
                              doc->encoding);
        if (p->decode_warnings > MAX_DECODE_WARNINGS)
            (void)ks_doc_warn(doc, "decode", 0, 0, "%zu more undecodable byte runs not listed",
                              p->decode_warnings - MAX_DECODE_WARNINGS);
        st = ks_normalize(doc, p->text.data, p->text.len, &lines, err);
        ks_buf_free(&p->text);
    } else {
        const char *raw = p->raw.data ? p->raw.data : "";
        if (p->fmt == KS_FROM_HTML)
            st = ks_html_extract(doc, raw, p->raw.len, p->opts.encoding,
                                 (p->opts.flags & KS_OPT_STRICT) != 0, &x, err);
        else if (p->fmt == KS_FROM_HWP)
            st = ks_hwp_extract(doc, raw, p->raw.len, &x, err);
        else
            st = ks_hwpx_extract(doc, raw, p->raw.len, &x, err);
        ks_buf_free(&p->raw);
        if (st != KS_OK)
            goto done;
        lines.hints = x.hints; /* normalize keeps those of the lines it keeps */
        x.hints = (ks_vec){0};
        st = ks_normalize(doc, x.text.data ? x.text.data : "", x.text.len, &lines, err);
    }
    if (st != KS_OK)
        goto done;
    /* HWPX and HWP are the author's own text: there is no broken spacing
     * to repair, and precision comes first. */
    bool own = p->fmt == KS_FROM_HWPX || p->fmt == KS_FROM_HWP;
    if ((st = ks_split(doc, &lines, own ? NULL : p->rs, err)) != KS_OK)
        goto done;
    ks_lines_free(&lines);
    if (!(doc->flags & KS_OPT_LINE_MODE) && (st = ks_quotes_extract(doc, err)) != KS_OK)
        goto done;
done:
    ks_lines_free(&lines);
    ks_extract_free(&x);
    return st;
}

ks_status ks_pipeline_finish(ks_pipeline *p, ks_doc **doc, ks_error *err)
{
    if (doc)
        *doc = NULL;
    if (!p || !doc)
        return ks_error_set(err, KS_ERR_ARG, "pipeline", 0, 0, "NULL pipeline or output");
    ks_status st;
    if (p->failed) {
        st = ks_error_set(err, KS_ERR_ARG, "pipeline", p->bytes, 0,
                          "the document already failed");
    } else if (!p->doc && S_start_doc(p, err) != KS_OK) {
        st = KS_ERR_NOMEM;
    } else if ((st = S_build(p, err)) == KS_OK) {
        *doc = p->doc;
        p->doc = NULL;
    }
    ks_pipeline_reset(p);
    return st;
}

ks_status ks_convert(const ks_options *opts, const char *buf, size_t len, ks_doc **doc,
                     ks_error *err)
{
    if (doc)
        *doc = NULL;
    ks_pipeline *p = ks_pipeline_new(opts, err);
    if (!p)
        return err ? err->code : KS_ERR_NOMEM;
    ks_status st = ks_pipeline_feed(p, buf ? buf : "", buf ? len : 0, err);
    if (st == KS_OK)
        st = ks_pipeline_finish(p, doc, err);
    ks_pipeline_free(p);
    return st;
}
