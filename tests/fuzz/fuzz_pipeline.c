/*
 * fuzz_pipeline.c -- libFuzzer target for the whole text pipeline:
 * decode -> normalize -> split (+ respace, meta, quotes) -> emit.
 *
 * Input: byte 0 holds the KS_OPT_* flags (low 5 bits: strict, line mode,
 * no respace, fold dots, explain) and, in bit 5, a size limit
 * (ks_options.max_bytes: 4 bytes plus half the document); byte 1 the
 * encoding (modulo the six ks_encoding values); byte 2 seeds the chunking;
 * the rest is the document, read as text (--from text).
 * Checked:
 *   - ks_convert (one feed) and a pipeline fed in random chunks agree on
 *     the status and on the rendered JSON, byte for byte (the streaming
 *     contract that `make stream` checks on the golden files);
 *   - the pipeline is reusable: the chunked run is its second document;
 *   - every render form (JSON, pretty JSON, text) succeeds, is
 *     NUL-terminated at *outlen, valid UTF-8 without NUL, the same bytes
 *     ks_doc_write hands over in pieces; both JSON forms
 *     parse (jansson) as one object with "version" and "body";
 *   - an error fills *err; only strict mode fails a text document, and a
 *     size limit one larger than it (KS_ERR_LIMIT at the limit's offset;
 *     fed in chunks, a strict decode error before the limit may come
 *     first).
 */
#include <jansson.h>

#include "fuzz_common.h"

/* Render DOC in FORM and check the result; returns it (NEW) for JSON. */
static char *S_render(const ks_doc *doc, ks_render form, size_t *outlen)
{
    ks_error err;
    memset(&err, 0, sizeof err);
    char *out = NULL;
    size_t len = 0;
    ks_status st = ks_doc_render(doc, form, &out, &len, &err);
    fz_check_error(st, &err);
    fz_require(st == KS_OK, "rendering a document succeeds");
    fz_require(out && out[len] == '\0' && strlen(out) == len,
               "the rendering is NUL-terminated at *outlen");
    fz_require(fz_clean_text(out, len), "the rendering is valid UTF-8 without NUL");
    fz_check_write(doc, form, out, len);
    if (form != KS_RENDER_TEXT) {
        fz_require(len > 0 && out[len - 1] == '\n', "JSON ends in a newline");
        json_error_t jerr;
        json_t *j = json_loadb(out, len, 0, &jerr);
        fz_require(j != NULL, "the JSON parses");
        fz_require(json_is_object(j) && json_object_get(j, "version") &&
                       json_object_get(j, "body"),
                   "the JSON is an object with version and body");
        json_decref(j);
        if (form == KS_RENDER_JSON)
            fz_require(memchr(out, '\n', len) == out + len - 1, "compact JSON is one line");
    }
    *outlen = len;
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    ks_options opts;
    memset(&opts, 0, sizeof opts);
    uint8_t b0 = fz_byte(&in);
    opts.flags = b0 & 0x1Fu;
    opts.encoding = (ks_encoding)(fz_byte(&in) % 6);
    opts.from = KS_FROM_TEXT;
    opts.name = (opts.flags & 1u) ? "fuzz/input.txt" : NULL;
    fz_chunker ch = fz_chunker_new(fz_byte(&in), in.n);
    bool strict = (opts.flags & KS_OPT_STRICT) != 0;
    if (b0 & 0x20u)
        opts.max_bytes = 4 + in.n / 2; /* 4: the abandoned document below */
    bool over = opts.max_bytes && in.n > opts.max_bytes;

    /* One feed. */
    ks_error err;
    memset(&err, 0, sizeof err);
    ks_doc *doc = NULL;
    ks_status st1 = ks_convert(&opts, (const char *)in.p, in.n, &doc, &err);
    fz_check_error(st1, &err);
    fz_require(over ? st1 == KS_ERR_LIMIT && err.offset == opts.max_bytes
                    : st1 == KS_OK || (strict && st1 == KS_ERR_DECODE),
               "a text document fails only in strict mode or over its size limit");
    fz_require((st1 == KS_OK) == (doc != NULL), "a document exactly when KS_OK");
    char *json1 = NULL;
    size_t len1 = 0;
    if (doc) {
        size_t n;
        ks_free(S_render(doc, KS_RENDER_TEXT, &n));
        ks_free(S_render(doc, KS_RENDER_JSON_PRETTY, &n));
        json1 = S_render(doc, KS_RENDER_JSON, &len1);
        const char *title = ks_doc_title(doc);
        fz_require(!title || fz_clean_text(title, strlen(title)), "the title is clean text");
        for (size_t i = 0; i < ks_doc_warning_count(doc); i++) {
            const char *code = NULL;
            const char *msg = ks_doc_warning(doc, i, &code, NULL, NULL);
            fz_require(msg && code, "every warning has a message and a code");
        }
        fz_require(ks_doc_warning(doc, ks_doc_warning_count(doc), NULL, NULL, NULL) == NULL,
                   "no warning past the count");
        ks_doc_free(doc);
        doc = NULL;
    }

    /* The same bytes in random chunks, as the second document of a
     * pipeline whose first document was abandoned half-way. */
    memset(&err, 0, sizeof err);
    ks_pipeline *p = ks_pipeline_new(&opts, &err);
    fz_require(p != NULL, "ks_pipeline_new succeeds");
    ks_status st2 = ks_pipeline_feed(p, "\xEB\xB3\xB4 abandoned", 4, &err);
    fz_require(st2 == KS_OK || strict, "feeding a cut character succeeds");
    ks_pipeline_reset(p);
    const char *s = (const char *)in.p;
    size_t left = in.n;
    st2 = KS_OK;
    while (left && st2 == KS_OK) {
        size_t n = fz_chunk_len(&ch, 16);
        if (n > left)
            n = left;
        st2 = ks_pipeline_feed(p, s, n, &err);
        s += n;
        left -= n;
    }
    if (st2 == KS_OK) {
        st2 = ks_pipeline_finish(p, &doc, &err);
    } else {
        /* After a failed feed, finish must refuse and hand out nothing. */
        ks_error err2;
        memset(&err2, 0, sizeof err2);
        fz_require(ks_pipeline_finish(p, &doc, &err2) != KS_OK && doc == NULL,
                   "finish after a failed feed fails");
    }
    fz_check_error(st2, &err);
    fz_require(st1 == st2 || (over && strict && st2 == KS_ERR_DECODE),
               "chunking does not change the status");
    if (doc) {
        size_t len2 = 0;
        char *json2 = S_render(doc, KS_RENDER_JSON, &len2);
        fz_require(len1 == len2 && !memcmp(json1, json2, len1),
                   "chunking does not change the JSON");
        ks_free(json2);
        ks_doc_free(doc);
    }
    ks_pipeline_free(p);
    ks_free(json1);
    return 0;
}
