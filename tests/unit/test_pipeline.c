/*
 * test_pipeline.c -- the pipeline's contract around ks_options.max_bytes: a
 * document of exactly the limit converts; the chunk that takes it over
 * fails with KS_ERR_LIMIT at the limit's offset, whatever the chunking and
 * the input form (streamed text, held text, HTML); the failed document
 * refuses more input until reset, and the next document converts.  And
 * the files it does not read, told by their first bytes: each refused with
 * KS_ERR_FORMAT and a message that names it, and read as text all the same
 * with KS_FROM_TEXT.
 */
#include "harness.h"

static const char body[] = "보도자료\n행정안전부는 1일 전 국에 새 제도를 시행한다고 밝혔다.\n";

/* Feed TEXT[0..LEN) in CHUNK-byte pieces; the first failing status, and
 * in *AT the bytes fed before the failing piece. */
static ks_status feed_all(ks_pipeline *p, const char *text, size_t len, size_t chunk, size_t *at,
                          ks_error *err)
{
    *at = 0;
    while (*at < len) {
        size_t n = len - *at < chunk ? len - *at : chunk;
        ks_status st = ks_pipeline_feed(p, text + *at, n, err);
        if (st != KS_OK)
            return st;
        *at += n;
    }
    return KS_OK;
}

static void check_form(ks_encoding enc, ks_format from, const char *text, size_t len)
{
    static const size_t chunks[] = {1, 2, 3, 7, 4096};
    for (size_t c = 0; c < sizeof chunks / sizeof *chunks; c++) {
        ks_options o = {0};
        o.encoding = enc;
        o.from = from;
        ks_error err = {0};
        ks_doc *doc = NULL;
        size_t at;

        /* exactly the limit: converts */
        o.max_bytes = len;
        ks_pipeline *p = ks_pipeline_new(&o, &err);
        CHECK(p != NULL);
        if (!p)
            return;
        KS_CHECK(feed_all(p, text, len, chunks[c], &at, &err) == KS_OK, "chunk %zu: %s", chunks[c],
                 err.message);
        KS_CHECK(ks_pipeline_finish(p, &doc, &err) == KS_OK && doc, "chunk %zu: %s", chunks[c],
                 err.message);
        ks_doc_free(doc);
        doc = NULL;
        ks_pipeline_free(p);

        /* one byte less: the piece that crosses it fails, at the limit */
        o.max_bytes = len - 1;
        p = ks_pipeline_new(&o, &err);
        CHECK(p != NULL);
        if (!p)
            return;
        ks_status st = feed_all(p, text, len, chunks[c], &at, &err);
        KS_CHECK(st == KS_ERR_LIMIT, "chunk %zu: status %d", chunks[c], (int)st);
        KS_CHECK(err.offset == len - 1 && !strcmp(err.stage, "pipeline"), "chunk %zu: offset %llu",
                 chunks[c], (unsigned long long)err.offset);
        KS_CHECK(at + chunks[c] > len - 1 && at <= len - 1, "chunk %zu: failed after %zu bytes",
                 chunks[c], at);
        KS_CHECK(strstr(err.message, "limit") != NULL, "message: %s", err.message);
        /* the document is failed: more input is refused */
        CHECK(ks_pipeline_feed(p, "x", 1, &err) == KS_ERR_ARG);
        /* after a reset, the next document (within the limit) converts */
        ks_pipeline_reset(p);
        CHECK(ks_pipeline_feed(p, text, 10, &err) == KS_OK);
        CHECK(ks_pipeline_finish(p, &doc, &err) == KS_OK && doc);
        ks_doc_free(doc);
        ks_pipeline_free(p);
    }
}

/* ks_status_str: a distinct sentence for every status, and one for a
 * value no status has; ks_version: the version the CLI prints. */
static void check_names(void)
{
    const ks_status all[] = {KS_OK, KS_ERR_NOMEM, KS_ERR_DECODE, KS_ERR_FORMAT, KS_ERR_LIMIT,
                             KS_ERR_IO, KS_ERR_ARG, KS_ERR_INTERNAL, KS_ERR_UNAVAILABLE};
    size_t n = sizeof all / sizeof all[0];
    for (size_t i = 0; i < n; i++) {
        const char *s = ks_status_str(all[i]);
        CHECK(s && *s && strcmp(s, "unknown status") != 0);
        for (size_t j = 0; j < i; j++)
            CHECK(strcmp(s, ks_status_str(all[j])) != 0);
    }
    KS_STREQ(ks_status_str(KS_OK), "ok");
    KS_STREQ(ks_status_str(KS_ERR_LIMIT), "input beyond a limit");
    KS_STREQ(ks_status_str((ks_status)99), "unknown status");
    KS_STREQ(ks_version(), KSPLIT_VERSION);
}

/* A document of a format ksplit does not read: MAGIC[0..N) then text. */
static void check_foreign(const char *magic, size_t n, const char *names)
{
    char in[64];
    memcpy(in, magic, n);
    memcpy(in + n, "보도자료", sizeof "보도자료");
    size_t len = n + sizeof "보도자료" - 1;
    ks_options o = {0};
    ks_error err = {0};
    ks_doc *doc = NULL;
    KS_CHECK(ks_convert(&o, in, len, &doc, &err) == KS_ERR_FORMAT && !doc, "%s: not refused",
             names);
    KS_CHECK(strstr(err.message, names) != NULL, "%s: message '%s'", names, err.message);
    ks_doc_free(doc);
    doc = NULL;
    o.from = KS_FROM_TEXT; /* --from text: read as text all the same */
    KS_CHECK(ks_convert(&o, in, len, &doc, &err) == KS_OK && doc, "%s as text: %s", names,
             err.message);
    ks_doc_free(doc);
}

/* A near miss is text: "GIF" and a word. */
static void check_near_miss(void)
{
    static const char gif[] = "GIF 파일 보도자료";
    ks_error err = {0};
    ks_doc *doc = NULL;
    CHECK(ks_convert(NULL, gif, sizeof gif - 1, &doc, &err) == KS_OK && doc);
    ks_doc_free(doc);
}

int main(void)
{
    check_foreign("%PDF-1.7\n", 9, "a PDF file");
    check_foreign("\x1F\x8B\x08", 3, "gzip-compressed");
    check_foreign("\xFD" "7zXZ\x00\x00", 7, "xz-compressed");
    check_foreign("\x28\xB5\x2F\xFD\x00", 5, "zstd-compressed");
    check_foreign("7z\xBC\xAF\x27\x1C\x00", 7, "a 7z archive");
    check_foreign("Rar!\x1A\x07\x01\x00", 8, "a RAR archive");
    check_foreign("\x89PNG\r\n\x1A\n\x00", 9, "a PNG image");
    check_foreign("\xFF\xD8\xFF\xE0", 4, "a JPEG image");
    check_foreign("GIF87a\x01\x00", 8, "a GIF image");
    check_foreign("GIF89a\x01\x00", 8, "a GIF image");
    check_near_miss();
    check_names();
    size_t len = strlen(body);
    check_form(KS_ENC_UTF8, KS_FROM_TEXT, body, len);   /* streamed */
    check_form(KS_ENC_AUTO, KS_FROM_AUTO, body, len);   /* held for sniffing */
    const char html[] = "<html><body><p>행정안전부는 새 제도를 시행한다고 밝혔다.</p></body></html>";
    check_form(KS_ENC_AUTO, KS_FROM_HTML, html, strlen(html));

    /* ks_convert: the same limit */
    ks_options o = {0};
    o.max_bytes = 5;
    ks_error err = {0};
    ks_doc *doc = NULL;
    CHECK(ks_convert(&o, body, len, &doc, &err) == KS_ERR_LIMIT && doc == NULL);
    CHECK(err.offset == 5);
    o.max_bytes = 0; /* no limit */
    CHECK(ks_convert(&o, body, len, &doc, &err) == KS_OK && doc);
    ks_doc_free(doc);
    KS_DONE();
}
