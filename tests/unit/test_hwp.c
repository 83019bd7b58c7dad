/*
 * test_hwp.c -- unit tests for the HWP 5 reader (hwp.c).
 *
 *   build/test_hwp tests/fixtures/hwp
 *
 * Fixtures come from tools/make_hwp.py (tests/fixtures/hwp/src: the specs;
 * release.hwp from tests/fixtures/hwpx/release.hwpx).  Prints one line per
 * failed check and "N passed, N failed" last; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "harness.h"

static const char *dir;

static ks_status run(const char *name, ks_doc **doc, ks_extract *x, ks_error *err)
{
    return ks_t_read_fixture(ks_hwp_extract, dir, name, doc, x, err);
}

/* The release of the HWPX tests as HWP: the same lines and hints, read by
 * the same rules (but for its text box, which make_hwp.py does not write). */
static void test_release(void)
{
    ks_doc *doc;
    ks_extract x;
    ks_error err;
    CHECK(run("release.hwp", &doc, &x, &err) == KS_OK);
    CHECK(x.text.data && x.hints.len > 0);
    CHECK(ks_t_hint_of(&x, "보도시점") == KS_ROLE_META);
    CHECK(ks_t_hint_of(&x, "(044-000-1234)") == KS_ROLE_META);
    CHECK(ks_t_hint_of(&x, "마을 도서관 100곳,") == KS_ROLE_TITLE);
    CHECK(ks_t_hint_of(&x, "- 3월부터 토·일요일 오후 6시까지 운영 -") == KS_ROLE_SUMMARY);
    CHECK(doc->title && strcmp(doc->title, "마을 도서관 100곳, 주말에도 문을 연다") == 0);
    CHECK(doc->title_source && strcmp(doc->title_source, "hwp") == 0);
    CHECK(ks_t_hint_of(&x, "ㅇ 운영 시간은 토·일요일 오전 10시부터 오후 6시까지이다.") == -1);
    CHECK(ks_t_hint_of(&x, "붙임 1. 운영 도서관 목록. 2. 질의응답. 끝.") == -1);
    CHECK(ks_t_hint_of(&x, "작은도서관 연계 | - | 20곳") == -1);
    CHECK(ks_t_hint_of(&x, "운영 도서관 목록은 누리집에서 볼 수 있다.") == -1);
    CHECK(doc->meta.release_date && strcmp(doc->meta.release_date, "2026-03-09") == 0);
    CHECK(doc->meta.department && strcmp(doc->meta.department, "도서관정책과") == 0);
    CHECK(doc->meta.contacts.len == 2);
    CHECK(strcmp(doc->format, "hwp") == 0 && strcmp(doc->encoding, "utf-16le") == 0 &&
          strcmp(doc->encoding_reason, "hwp") == 0);
    size_t lines = 0;
    for (const char *p = x.text.data; *p; p++)
        lines += *p == '\n';
    CHECK(lines == x.hints.len);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* Control characters, XML's special characters, an astral character, a
 * lone surrogate, a table with a two-paragraph cell, two sections; the
 * same from a version 4 file with stored (not deflated) streams. */
static void test_text(const char *name)
{
    ks_doc *doc;
    ks_extract x;
    ks_error err;
    CHECK(run(name, &doc, &x, &err) == KS_OK);
    CHECK(x.text.data && strcmp(x.text.data, "줄 바꿈 탭 묶음고정 😀 <a&b> \xEF\xBF\xBD 끝\n"
                                             "가 | 나\n"
                                             "다 라 | 마\n"
                                             "둘째 구역\n") == 0);
    CHECK(x.hints.len == 4);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

static void expect_error(const char *name, ks_status want, const char *msg)
{
    ks_doc *doc;
    ks_extract x;
    ks_error err;
    ks_status st = run(name, &doc, &x, &err);
    CHECK(st == want);
    CHECK(strstr(err.message, msg) != NULL);
    if (st != want || !strstr(err.message, msg))
        fprintf(stderr, "  %s: status %d, \"%s\"\n", name, (int)st, err.message);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

static void test_errors(void)
{
    expect_error("bomb.hwp", KS_ERR_LIMIT, "inflates beyond the limits");
    expect_error("deep.hwp", KS_ERR_LIMIT, "nested deeper than 150 levels");
    /* not a compound file, or a cut one */
    ks_doc *doc = ks_doc_new();
    ks_extract x = {{0}, KS_VEC(signed char)};
    ks_error err = {0};
    CHECK(ks_hwp_extract(doc, "", 0, &x, &err) == KS_ERR_FORMAT);
    CHECK(strstr(err.message, "shorter than the compound file header") != NULL);
    size_t len = 0;
    char *raw = ks_t_slurp(dir, "text.hwp", &len);
    CHECK(raw != NULL);
    if (raw) {
        /* every prefix of the file: an error or the whole text, never a
         * crash (under ASan) */
        int ok = 0, failed = 0;
        for (size_t n = 0; n < len; n += 97) {
            ks_doc *d = ks_doc_new();
            ks_extract xx = {{0}, KS_VEC(signed char)};
            ks_status st = ks_hwp_extract(d, raw, n, &xx, &err);
            ok += st == KS_OK;
            failed += st == KS_ERR_FORMAT;
            ks_extract_free(&xx);
            ks_doc_free(d);
        }
        CHECK(ok + failed == (int)((len + 96) / 97));
        /* "Section1" renamed "Section0": a section twice, named as such
         * (the order of HWPX's sections is checked by the same code) */
        static const char s1[] = "S\0e\0c\0t\0i\0o\0n\0" "1"; /* UTF-16LE */
        size_t at = 0;
        while (at + sizeof s1 - 1 <= len && memcmp(raw + at, s1, sizeof s1 - 1) != 0)
            at++;
        CHECK(at + sizeof s1 - 1 <= len);
        if (at + sizeof s1 - 1 <= len) {
            raw[at + sizeof s1 - 2] = '0';
            CHECK(ks_hwp_extract(doc, raw, len, &x, &err) == KS_ERR_FORMAT);
            CHECK(strcmp(err.message, "BodyText/Section0 appears twice") == 0);
            raw[at + sizeof s1 - 2] = '1';
        }
        /* the signature gone: an OLE file, not an HWP document */
        const char *sig = ks_memfind(raw, len, "HWP Document File");
        CHECK(sig != NULL);
        if (sig) {
            raw[sig - raw] = 'X';
            CHECK(ks_hwp_extract(doc, raw, len, &x, &err) == KS_ERR_FORMAT);
            CHECK(strstr(err.message, "not an HWP 5 document") != NULL);
        }
        free(raw);
    }
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* The pipeline tells an HWP file by its first bytes and reads it without
 * the spacing repair (it is the author's text). */
static void test_sniff(void)
{
    size_t len = 0;
    char *raw = ks_t_slurp(dir, "text.hwp", &len);
    CHECK(raw && ks_sniff_format(raw, len) == KS_FROM_HWP);
    ks_doc *doc = NULL;
    ks_error err;
    CHECK(raw && ks_convert(NULL, raw, len, &doc, &err) == KS_OK);
    CHECK(doc && strcmp(doc->format, "hwp") == 0);
    ks_doc_free(doc);
    free(raw);
}

/* Out of memory at every allocation: a clean KS_ERR_NOMEM, never a crash. */
static void test_nomem(void)
{
    size_t len = 0;
    char *raw = ks_t_slurp(dir, "release.hwp", &len);
    int bad, nomem;
    ks_t_reader_nomem(ks_hwp_extract, raw, len, 5000, &nomem, &bad);
    CHECK(bad == 0);
    CHECK(nomem > 10);
    free(raw);
}

int main(int argc, char **argv)
{
    dir = argc > 1 ? argv[1] : "tests/fixtures/hwp";
    test_release();
    test_text("text.hwp");
    test_text("text-v4-stored.hwp");
    test_errors();
    test_sniff();
    test_nomem();
    KS_DONE();
}
