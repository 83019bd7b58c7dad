/*
 * test_oom.c -- every out-of-memory path: make the Nth allocation fail.
 *
 * jansson's test_chaos idea.  A counting allocator (installed with
 * ks_set_alloc_funcs) fails exactly the Nth call of ks_malloc / ks_realloc
 * and lets every other call through.  For each input below, ks_convert and
 * then ks_doc_render (JSON, pretty JSON, text) are run for N = 1, 2, 3, ...
 * until a run finishes without reaching the Nth call.  Every run must
 *   - return KS_OK or KS_ERR_NOMEM, never another status, never crash;
 *   - with KS_ERR_NOMEM: leave *doc / *out NULL and fill the error struct;
 *   - free everything it allocated: the allocator counts live blocks, and
 *     the count must be back to zero after each run (the suite also runs
 *     under ASan and valgrind, which see the rest);
 *   - when the failure was reached but the status is KS_OK, the library
 *     swallowed an allocation failure.  That is allowed only where the loss
 *     is a warning message (ks_doc_warn's result is ignored by design in a
 *     few places); such runs are counted and listed, not failed.
 *
 * Coverage: only allocations made through ks_malloc / ks_realloc (mem.c)
 * can be made to fail here.  libxml2 (html.c, hwpx.c), libzip (hwpx.c)
 * and utf8proc (normalize.c) allocate with their own allocators, which
 * this test does not replace: their failures reach libksplit as NULL
 * returns that the stages must map to KS_ERR_NOMEM, and those paths are
 * checked by reading the code, not by this test.  jansson is covered only
 * because ks_set_alloc_funcs also points jansson's allocator at ks_malloc
 * (emit.c, json_set_alloc_funcs); if that stops, jansson's allocations
 * drop out of this test too.
 * Each JSON render that reports KS_OK is parsed back: jansson ignores a
 * failed write of an object key, so an OOM there must not yield KS_OK
 * with a key missing.
 *
 * The inputs are read from the repository (the working directory of
 * `make unit`); a missing file is a failure, not a skip.
 *
 * To reproduce one failure under a debugger or valgrind:
 *   KS_OOM_N=228 build/test_oom      runs only N=228 of every input
 */
#include <jansson.h>
#include <stdlib.h>

#include "harness.h"
#include "internal.h"

/* ---- the counting allocator -------------------------------------------- */

typedef struct {
    unsigned long calls;   /* ks_malloc / ks_realloc calls so far */
    unsigned long fail_at; /* the call that fails (1-based); 0 = none */
    bool hit;              /* the failing call happened */
    long live;             /* blocks allocated and not yet freed */
} counter;

/* The library's allocator hooks take no context pointer, so the counter is
 * a file-scope object; it belongs to this test program only. */
static counter S_c;

static void *S_malloc(size_t n)
{
    if (++S_c.calls == S_c.fail_at) {
        S_c.hit = true;
        return NULL;
    }
    void *p = malloc(n);
    if (p)
        S_c.live++;
    return p;
}

static void *S_realloc(void *p, size_t n)
{
    if (++S_c.calls == S_c.fail_at) {
        S_c.hit = true;
        return NULL;
    }
    void *q = realloc(p, n);
    if (q && !p)
        S_c.live++;
    return q;
}

static void S_free(void *p)
{
    if (p)
        S_c.live--;
    free(p);
}

static void S_arm(unsigned long fail_at)
{
    S_c.calls = 0;
    S_c.fail_at = fail_at;
    S_c.hit = false;
    S_c.live = 0;
}

/* ---- inputs -------------------------------------------------------------- */

/* A few real inputs covering the decoders (UTF-8, CP949 through iconv) and
 * the option paths.  The cost grows with the square of the allocations of
 * a run, so the list stays short: the suite also runs under ASan. */

static char *S_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    size_t cap = 0, n = 0;
    for (;;) {
        if (n == cap) {
            char *p = realloc(data, cap = cap ? cap * 2 : 8192);
            if (!p)
                break;
            data = p;
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    bool bad = ferror(f) != 0;
    fclose(f);
    if (bad) {
        free(data);
        return NULL;
    }
    *len = n;
    return data;
}

typedef struct {
    const char *path;
    unsigned flags;
    ks_encoding enc;
    bool one_line; /* the file's lines joined by spaces, repeated past 64 KB */
} input;

static const input S_inputs[] = {
    {"samples/daegu-gwangju-lecture.txt", 0, KS_ENC_AUTO, false},
    {"tests/golden/seed-cp949/input.txt", KS_OPT_EXPLAIN, KS_ENC_AUTO, false},
    {"tests/golden/warn-bad-bytes-utf8/input.txt", KS_OPT_FOLD_DOTS, KS_ENC_UTF8, false},
    {"tests/golden/govpress-156754143-gold/input.txt", KS_OPT_LINE_MODE | KS_OPT_NO_RESPACE,
     KS_ENC_UTF8, false},
    /* line mode with the repair: rule 20's scratch (respace.c S_fixed) */
    {"tests/golden/govpress-156754060-broken-lines/input.txt", KS_OPT_LINE_MODE, KS_ENC_UTF8,
     false},
    /* one paragraph the repair takes in pieces (respace.c S_piece) */
    {"samples/daegu-gwangju-lecture.txt", KS_OPT_EXPLAIN, KS_ENC_UTF8, true},
    /* a city's header contacts and one-line contacts; a board page's fields */
    {"tests/golden/city-release/input.txt", 0, KS_ENC_AUTO, false},
    {"tests/golden/board-copy/input.txt", 0, KS_ENC_AUTO, false},
    /* speakers after the quotation, remarks, a 관계자 */
    {"tests/golden/quote-forms/input.txt", 0, KS_ENC_AUTO, false},
    /* a board's kind tag before the title: a META block of its own */
    {"tests/golden/title-tag/input.txt", 0, KS_ENC_AUTO, false},
    /* a board view's fields in an HTML table: its phone a contact */
    {"tests/golden/html-board-table/input.html", 0, KS_ENC_AUTO, false},
};

/* LEN bytes of BUF as one line ('\n' -> ' '), repeated past 64 KB; NEW. */
static char *S_one_line(const char *buf, size_t *len)
{
    size_t copies = 65536 / (*len + 1) + 2, n = copies * (*len + 1);
    char *out = malloc(n);
    if (!out)
        return NULL;
    for (size_t c = 0; c < copies; c++) {
        char *w = out + c * (*len + 1);
        for (size_t i = 0; i < *len; i++)
            w[i] = buf[i] == '\n' || buf[i] == '\r' ? ' ' : buf[i];
        w[*len] = ' ';
    }
    *len = n;
    return out;
}

/* ---- one run ------------------------------------------------------------- */

typedef enum { RUN_OK, RUN_NOMEM, RUN_BAD } outcome;

/* Convert and render BUF with the Nth allocation failing.  Reports a
 * broken contract through KS_CHECK and returns RUN_BAD. */
static outcome S_run(const input *in, const char *buf, size_t len, unsigned long n)
{
    ks_options opts = {0};
    opts.flags = in->flags;
    opts.encoding = in->enc;
    opts.name = in->path;
    ks_error err = {0};
    ks_doc *doc = (ks_doc *)&err; /* must be overwritten */
    outcome o = RUN_OK;
    S_arm(n);
    ks_status st = ks_convert(&opts, buf, len, &doc, &err);
    if (st == KS_OK) {
        static const ks_render forms[] = {KS_RENDER_JSON, KS_RENDER_JSON_PRETTY, KS_RENDER_TEXT};
        for (size_t k = 0; k < 3 && st == KS_OK; k++) {
            char *out = (char *)&err;
            size_t outlen = 7;
            memset(&err, 0, sizeof err);
            st = ks_doc_render(doc, forms[k], &out, &outlen, &err);
            if (st == KS_OK) {
                KS_CHECK(out && strlen(out) == outlen, "%s N=%lu: render gives a string",
                         in->path, n);
                if (out && forms[k] != KS_RENDER_TEXT) {
                    /* A render that reports success must be whole JSON.  jansson
                     * may use the counting allocator (emit.c installs
                     * ks_malloc): parse with the failure disarmed. */
                    unsigned long armed = S_c.fail_at, calls = S_c.calls;
                    S_c.fail_at = 0;
                    json_error_t jerr;
                    json_t *j = json_loadb(out, outlen, 0, &jerr);
                    KS_CHECK(j != NULL, "%s N=%lu: render %zu reports KS_OK with broken JSON: %s",
                             in->path, n, k, jerr.text);
                    json_decref(j);
                    S_c.fail_at = armed;
                    S_c.calls = calls; /* the parse's allocations are not counted */
                }
                ks_free(out);
            } else {
                KS_CHECK(out == NULL, "%s N=%lu: failed render leaves *out NULL", in->path, n);
            }
        }
    } else {
        KS_CHECK(doc == NULL, "%s N=%lu: failed convert leaves *doc NULL", in->path, n);
        doc = NULL;
    }
    ks_doc_free(doc);
    if (st == KS_ERR_NOMEM) {
        o = RUN_NOMEM;
        KS_CHECK(S_c.hit, "%s N=%lu: KS_ERR_NOMEM without a failed allocation", in->path, n);
        KS_CHECK(err.code == KS_ERR_NOMEM && err.message[0],
                 "%s N=%lu: the error struct is filled in (code %d, \"%s\")", in->path, n,
                 (int)err.code, err.message);
    } else if (st != KS_OK) {
        o = RUN_BAD;
        KS_CHECK(st == KS_OK || st == KS_ERR_NOMEM, "%s N=%lu: status %s (%s: %s)", in->path, n,
                 ks_status_str(st), err.stage, err.message);
    }
    KS_CHECK(S_c.live == 0, "%s N=%lu: %ld blocks leaked (status %s)", in->path, n, S_c.live,
             ks_status_str(st));
    if (S_c.live != 0)
        o = RUN_BAD;
    return o;
}

int main(void)
{
    const char *only = getenv("KS_OOM_N");
    unsigned long only_n = only ? strtoul(only, NULL, 10) : 0;
    ks_set_alloc_funcs(S_malloc, S_realloc, S_free);
    for (size_t i = 0; i < sizeof S_inputs / sizeof *S_inputs; i++) {
        const input *in = &S_inputs[i];
        size_t len = 0;
        char *buf = S_slurp(in->path, &len);
        KS_CHECK(buf != NULL, "cannot read %s (run from the repository root)", in->path);
        if (!buf)
            continue;
        if (in->one_line) {
            char *line = S_one_line(buf, &len);
            free(buf);
            buf = line;
            KS_CHECK(buf != NULL && len > 65536, "%s: one line of %zu bytes", in->path, len);
            if (!buf)
                continue;
        }
        if (only_n) {
            outcome o1 = S_run(in, buf, len, only_n);
            printf("%s N=%lu: %s\n", in->path, only_n,
                   o1 == RUN_OK ? "ok" : o1 == RUN_NOMEM ? "KS_ERR_NOMEM" : "broken");
            free(buf);
            continue;
        }
        /* The allocations of a run without failures: the loop's bound. */
        S_arm(0);
        outcome o = S_run(in, buf, len, 0);
        KS_CHECK(o == RUN_OK, "%s: the run without failures succeeds", in->path);
        unsigned long total = S_c.calls;
        unsigned long nomem = 0, swallowed = 0, bad = 0, n;
        char swallowed_at[160] = "";
        for (n = 1;; n++) {
            o = S_run(in, buf, len, n);
            if (!S_c.hit)
                break; /* finished before the Nth allocation: done */
            if (o == RUN_NOMEM) {
                nomem++;
            } else if (o == RUN_OK) {
                /* The failure was absorbed: a lost warning or edit. */
                if (swallowed++ < 8) {
                    size_t l = strlen(swallowed_at);
                    snprintf(swallowed_at + l, sizeof swallowed_at - l, " %lu", n);
                }
            } else {
                bad++;
            }
            if (bad >= 10)
                break; /* enough to fix; keep the log short */
        }
        printf("%-50s %5lu allocations: %5lu runs, %5lu KS_ERR_NOMEM, %lu absorbed%s%s, %lu "
               "broken\n",
               in->path, total, n - 1, nomem, swallowed, swallowed ? " at N =" : "",
               swallowed_at, bad);
        KS_CHECK(n > total, "%s: stopped at N=%lu of %lu", in->path, n, total);
        free(buf);
    }
    ks_set_alloc_funcs(NULL, NULL, NULL);
    KS_DONE();
}
