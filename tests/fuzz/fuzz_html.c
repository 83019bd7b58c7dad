/*
 * fuzz_html.c -- libFuzzer target for the HTML reader (ks_html_extract,
 * --from html) and the format sniffer.
 *
 * Input: byte 0 picks the encoding (low 3 bits, modulo the six ks_encoding
 * values), strict mode (bit 6) and whether the pipeline sniffs the format
 * (bit 7: KS_FROM_AUTO) or is told HTML; the rest is the page.
 * Checked:
 *   - ks_sniff_format returns one of the three formats;
 *   - ks_html_extract: an error fills *err; on success the text is valid
 *     UTF-8 without NUL and there is no hint or one hint per line, each -1
 *     or a ks_role; the document's title, if set, is clean text;
 *   - the pipeline (--from html or auto) either fails cleanly or gives a
 *     document whose JSON renders (the text stages after the reader).
 * Until src/html.c lands, run.sh builds this against src/stub_html.c,
 * which refuses every page: the target then only covers the sniffer.
 */
#include "fuzz_common.h"

/* Check the reader's output X: clean text, one hint per line (or none). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    uint8_t opt = fz_byte(&in);
    ks_encoding enc = (ks_encoding)((opt & 7) % 6);
    bool strict = (opt & 0x40) != 0;
    const char *raw = (const char *)in.p;

    ks_format f = ks_sniff_format(raw, in.n);
    fz_require(f == KS_FROM_TEXT || f == KS_FROM_HTML || f == KS_FROM_HWPX || f == KS_FROM_HWP,
               "the sniffer returns a format");

    /* The reader alone. */
    ks_error err;
    memset(&err, 0, sizeof err);
    ks_doc *doc = ks_doc_new();
    fz_require(doc != NULL, "ks_doc_new succeeds");
    ks_extract x;
    memset(&x, 0, sizeof x); /* as pipeline.c hands it over */
    ks_status st = ks_html_extract(doc, raw, in.n, enc, strict, &x, &err);
    fz_check_reader(st, doc, &x, &err, false);
    ks_extract_free(&x);
    ks_doc_free(doc);

    /* The whole pipeline. */
    ks_options opts;
    memset(&opts, 0, sizeof opts);
    opts.encoding = enc;
    opts.flags = strict ? KS_OPT_STRICT : 0;
    opts.from = (opt & 0x80) ? KS_FROM_AUTO : KS_FROM_HTML;
    memset(&err, 0, sizeof err);
    doc = NULL;
    st = ks_convert(&opts, raw, in.n, &doc, &err);
    fz_check_converted(st, doc, &err);
    return 0;
}
