/*
 * test_emit.c -- ks_doc_write against ks_doc_render: the pieces it hands
 * over put together are the rendered document, in every form; a writer
 * that refuses stops it with KS_ERR_IO; bad arguments are refused.
 *
 *   test_emit           (run from the repository root: reads samples/)
 */
#include "harness.h"

typedef struct {
    char *data;
    size_t len, cap;
    size_t pieces, biggest;
    size_t fail_at; /* refuse the piece with this 1-based number; 0 = never */
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
    sink *s = ctx;
    s->pieces++;
    if (s->fail_at && s->pieces == s->fail_at)
        return -1;
    if (s->len + len > s->cap) {
        size_t cap = (s->len + len) * 2;
        char *p = realloc(s->data, cap);
        if (!p)
            return -1;
        s->data = p;
        s->cap = cap;
    }
    memcpy(s->data + s->len, data, len);
    s->len += len;
    if (len > s->biggest)
        s->biggest = len;
    return 0;
}

/* A document of several hundred KB: the seed release's body repeated, so
 * that the output takes several pieces. */
static ks_doc *big_doc(void)
{
    size_t n = 0;
    char *seed = ks_t_slurp("samples", "daegu-gwangju-lecture.txt", &n);
    if (!seed)
        return NULL;
    size_t reps = 120, len = n * reps;
    char *text = malloc(len);
    if (!text) {
        free(seed);
        return NULL;
    }
    for (size_t i = 0; i < reps; i++)
        memcpy(text + i * n, seed, n);
    ks_options o;
    memset(&o, 0, sizeof o);
    ks_doc *doc = NULL;
    ks_error err;
    if (ks_convert(&o, text, len, &doc, &err) != KS_OK)
        doc = NULL;
    free(seed);
    free(text);
    return doc;
}

int main(void)
{
    ks_doc *doc = big_doc();
    CHECK(doc != NULL);
    if (!doc)
        KS_DONE();
    static const ks_render forms[] = {KS_RENDER_JSON, KS_RENDER_JSON_PRETTY, KS_RENDER_TEXT};
    for (size_t f = 0; f < sizeof forms / sizeof *forms; f++) {
        char *want = NULL;
        size_t wlen = 0;
        ks_error err;
        CHECK(ks_doc_render(doc, forms[f], &want, &wlen, &err) == KS_OK);
        sink s = {0};
        CHECK(ks_doc_write(doc, forms[f], sink_write, &s, &err) == KS_OK);
        KS_CHECK(want && s.len == wlen && memcmp(s.data, want, wlen) == 0,
                 "form %zu: %zu bytes written, %zu rendered", f, s.len, wlen);
        /* several pieces, none much over 64 KiB (a string longer than
         * that would be one piece of its own; the seed has none) */
        KS_CHECK(s.pieces >= 3 && s.biggest <= 65536 + 4096, "form %zu: %zu pieces, biggest %zu",
                 f, s.pieces, s.biggest);
        /* a writer that refuses the second piece: KS_ERR_IO, and what it
         * took before stays a prefix of the document */
        sink bad = {0};
        bad.fail_at = 2;
        ks_status st = ks_doc_write(doc, forms[f], sink_write, &bad, &err);
        KS_CHECK(st == KS_ERR_IO && err.code == KS_ERR_IO && !strcmp(err.stage, "emit"),
                 "form %zu: status %d", f, (int)st);
        CHECK(bad.pieces == 2 && bad.len > 0 && bad.len < wlen && !memcmp(bad.data, want, bad.len));
        free(bad.data);
        free(s.data);
        ks_free(want);
    }
    ks_error err;
    sink s = {0};
    CHECK(ks_doc_write(NULL, KS_RENDER_JSON, sink_write, &s, &err) == KS_ERR_ARG);
    CHECK(ks_doc_write(doc, KS_RENDER_JSON, NULL, &s, &err) == KS_ERR_ARG);
    CHECK(s.pieces == 0);
    ks_doc_free(doc);
    KS_DONE();
}
