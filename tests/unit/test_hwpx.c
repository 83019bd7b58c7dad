/*
 * test_hwpx.c -- unit tests for the HWPX reader (hwpx.c).
 *
 *   build/test_hwpx tests/fixtures/hwpx
 *
 * Fixtures come from tools/make_hwpx.py.  Prints one line per failed check
 * and "N passed, N failed" last; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "harness.h"

static const char *dir;


static ks_status run(const char *name, ks_doc **doc, ks_extract *x, ks_error *err)
{
    return ks_t_read_fixture(ks_hwpx_extract, dir, name, doc, x, err);
}

static void test_release(void)
{
    ks_doc *doc;
    ks_extract x;
    ks_error err;
    CHECK(run("release.hwpx", &doc, &x, &err) == KS_OK);
    CHECK(x.text.data && x.hints.len > 0);
    /* header tables: one line per cell paragraph, META */
    CHECK(ks_t_hint_of(&x, "보도시점") == KS_ROLE_META);
    CHECK(ks_t_hint_of(&x, "담당 부서") == KS_ROLE_META);
    CHECK(ks_t_hint_of(&x, "(044-000-1234)") == KS_ROLE_META);
    /* title box */
    CHECK(ks_t_hint_of(&x, "마을 도서관 100곳,") == KS_ROLE_TITLE);
    CHECK(ks_t_hint_of(&x, "- 3월부터 토·일요일 오후 6시까지 운영 -") == KS_ROLE_SUMMARY);
    CHECK(doc->title && strcmp(doc->title, "마을 도서관 100곳, 주말에도 문을 연다") == 0);
    CHECK(strcmp(doc->title_source, "hwpx") == 0);
    /* text rules: fwSpace carries no text, tab and lineBreak are a space
     * (none after a space), runs joined */
    CHECK(ks_t_hint_of(&x, "□ 가나다부는 3월부터 전국 마을 도서관 100곳을 주말에도 운영한다고 밝혔다.") == -1);
    CHECK(ks_t_hint_of(&x, "ㅇ 운영 시간은 토·일요일 오전 10시부터 오후 6시까지이다.") == -1);
    CHECK(ks_t_hint_of(&x, "* 공휴일은 휴관") == -1);
    CHECK(ks_t_hint_of(&x, "붙임 1. 운영 도서관 목록. 2. 질의응답. 끝.") == -1);
    /* data table rows; a line break in a cell is a space */
    CHECK(ks_t_hint_of(&x, "구분 | 2025년 | 2026년") == -1);
    CHECK(ks_t_hint_of(&x, "작은도서관 연계 | - | 20곳") == -1);
    /* text box, second section, no shape comments */
    CHECK(ks_t_hint_of(&x, "상자 안의 안내 문구") == -1);
    CHECK(ks_t_hint_of(&x, "운영 도서관 목록은 누리집에서 볼 수 있다.") == -1);
    CHECK(strstr(x.text.data, "그림입니다") == NULL);
    /* metadata */
    CHECK(doc->meta.release_date && strcmp(doc->meta.release_date, "2026-03-09") == 0);
    CHECK(doc->meta.department && strcmp(doc->meta.department, "도서관정책과") == 0);
    CHECK(doc->meta.organization && strcmp(doc->meta.organization, "가나다부") == 0);
    CHECK(doc->meta.contacts.len == 2);
    if (doc->meta.contacts.len == 2) {
        const ks_contact *c0 = &KS_AT(doc->meta.contacts, ks_contact, 0);
        const ks_contact *c1 = &KS_AT(doc->meta.contacts, ks_contact, 1);
        CHECK(c0->name && strcmp(c0->name, "홍길동") == 0);
        CHECK(c0->title && strcmp(c0->title, "과장") == 0);
        CHECK(c0->phone && strcmp(c0->phone, "044-000-1234") == 0);
        CHECK(c1->name && strcmp(c1->name, "김철수") == 0);
    }
    CHECK(strcmp(doc->format, "hwpx") == 0 && strcmp(doc->encoding_reason, "hwpx") == 0);
    /* one hint per line, every line non-empty */
    size_t lines = 0;
    for (const char *p = x.text.data; *p; p++)
        lines += *p == '\n';
    CHECK(lines == x.hints.len);
    CHECK(strstr(x.text.data, "\n\n") == NULL && x.text.data[0] != '\n');
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* The title box's sub-headlines: a paragraph of the title cell set in
 * smaller type than the title, and a "- … -" broken into two paragraphs
 * (one summary line again; a whole one beside it stays as it is). */
static void test_subheadlines(void)
{
    ks_doc *doc;
    ks_extract x;
    ks_error err;
    CHECK(run("subhead.hwpx", &doc, &x, &err) == KS_OK);
    CHECK(doc->title && strcmp(doc->title, "마을 도서관 100곳, 주말에도 문을 연다") == 0);
    CHECK(ks_t_hint_of(&x, "지역 주민 누구나 이용할 수 있도록 개방") == KS_ROLE_SUMMARY);
    CHECK(ks_t_hint_of(&x, "- 3월부터 토·일요일 오후 6시까지 운영하고 공휴일은 휴관 -") ==
          KS_ROLE_SUMMARY);
    CHECK(ks_t_hint_of(&x, "- 운영 도서관 목록은 누리집에 공개 -") == KS_ROLE_SUMMARY);
    CHECK(ks_t_hint_of(&x, "□ 가나다부는 3월부터 전국 마을 도서관 100곳을 주말에도 운영한다고 밝혔다.") == -1);
    size_t lines = 0;
    for (const char *p = x.text.data; p && *p; p++)
        lines += *p == '\n';
    CHECK(lines == 6 && lines == x.hints.len);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

static void expect_error(const char *name, ks_status want, const char *words)
{
    ks_doc *doc;
    ks_extract x;
    ks_error err;
    ks_status st = run(name, &doc, &x, &err);
    CHECK(st == want);
    CHECK(strcmp(err.stage, "hwpx") == 0);
    CHECK(strstr(err.message, words) != NULL);
    if (st != want || !strstr(err.message, words))
        printf("  %s: status %d, message \"%s\"\n", name, (int)st, err.message);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

static void test_errors(void)
{
    expect_error("corrupt.hwpx", KS_ERR_FORMAT, "corrupt");
    expect_error("bomb.hwpx", KS_ERR_LIMIT, "limit");
    expect_error("lie.hwpx", KS_ERR_LIMIT, "declared size");
    expect_error("entity.hwpx", KS_ERR_FORMAT, "entity");
    expect_error("missing-section.hwpx", KS_ERR_FORMAT, "missing Contents/section1.xml");
    expect_error("gap.hwpx", KS_ERR_FORMAT, "missing Contents/section1.xml");
    expect_error("notmime.hwpx", KS_ERR_FORMAT,
                 "not an HWPX file: its mimetype is application/zip, not application/hwp+zip");
    /* a zip with neither the mimetype nor a section: what it is, where
     * that can be told */
    expect_error("docx.hwpx", KS_ERR_FORMAT, "a DOCX document, not HWPX");
    expect_error("plain-zip.hwpx", KS_ERR_FORMAT,
                 "a zip archive, not an HWPX document (no mimetype, no Contents/section0.xml)");
    expect_error("twice.hwpx", KS_ERR_FORMAT, "Contents/section0.xml appears twice");
    expect_error("deep.hwpx", KS_ERR_LIMIT, "section0.xml: nesting deeper than 200 levels");
    expect_error("many-sections.hwpx", KS_ERR_LIMIT, "more than 1024 sections");
    /* a section cut in the middle: libxml2's message and the line it
     * stopped on (the CLI prints both after the file's name) */
    {
        ks_doc *doc;
        ks_extract x;
        ks_error err;
        CHECK(run("malformed.hwpx", &doc, &x, &err) == KS_ERR_FORMAT);
        CHECK(strncmp(err.message, "Contents/section0.xml: ", 23) == 0 && strlen(err.message) > 23);
        CHECK(err.line > 1);
        ks_extract_free(&x);
        ks_doc_free(doc);
    }
    /* not a zip at all, and nothing */
    const char junk[] = "PK\3\4 this is not really a zip archive";
    ks_doc *doc = ks_doc_new();
    ks_extract x = {{0}, KS_VEC(signed char)};
    ks_error err = {0};
    CHECK(ks_hwpx_extract(doc, junk, sizeof junk - 1, &x, &err) == KS_ERR_FORMAT);
    CHECK(ks_hwpx_extract(doc, "", 0, &x, &err) == KS_ERR_FORMAT);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* The sections are read in their numbers' order, whatever the archive's:
 * order.hwpx stores section1 first and reads as release.hwpx. */
static void test_order(void)
{
    ks_doc *d1, *d2;
    ks_extract x1, x2;
    ks_error err;
    CHECK(run("release.hwpx", &d1, &x1, &err) == KS_OK);
    CHECK(run("order.hwpx", &d2, &x2, &err) == KS_OK);
    CHECK(x1.text.data && x2.text.data && x1.text.len == x2.text.len &&
          memcmp(x1.text.data, x2.text.data, x1.text.len) == 0);
    CHECK(x1.hints.len == x2.hints.len && x1.hints.len > 0 &&
          memcmp(x1.hints.items, x2.hints.items, x1.hints.len) == 0);
    ks_extract_free(&x1);
    ks_extract_free(&x2);
    ks_doc_free(d1);
    ks_doc_free(d2);
}

/* Three people in one row of the contact table, a paragraph each in the
 * title, name and telephone cells (the third number with its area code in
 * brackets); a distribution date before the release date. */
static void test_contacts(void)
{
    ks_doc *doc;
    ks_extract x;
    ks_error err;
    CHECK(run("contacts.hwpx", &doc, &x, &err) == KS_OK);
    static const char *const want[3][3] = {{"홍길동", "과장", "044-000-2001"},
                                           {"김철수", "사무관", "044-000-2002"},
                                           {"이영희", "주무관", "044-000-2003"}};
    CHECK(doc->meta.contacts.len == 3);
    for (size_t i = 0; i < 3 && i < doc->meta.contacts.len; i++) {
        const ks_contact *ct = &KS_AT(doc->meta.contacts, ks_contact, i);
        KS_STREQ(ct->name, want[i][0]);
        KS_STREQ(ct->title, want[i][1]);
        KS_STREQ(ct->phone, want[i][2]);
        KS_STREQ(ct->department, "하천관리과");
    }
    KS_STREQ(doc->meta.release_date, "2026-03-09");
    CHECK(doc->meta.dates.len == 2);
    if (doc->meta.dates.len == 2) {
        const ks_date *d0 = &KS_AT(doc->meta.dates, ks_date, 0);
        const ks_date *d1 = &KS_AT(doc->meta.dates, ks_date, 1);
        KS_STREQ(d0->raw, "2026. 3. 8.(일) 14:00");
        KS_STREQ(d0->role, "distribution");
        KS_STREQ(d1->iso, "2026-03-09");
        KS_STREQ(d1->role, "release");
    }
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* A paragraph of 11.2 MB, over libxml2's default text limit (which would
 * refuse the section): read whole, and the paragraph after it. */
static void test_huge_text(void)
{
    ks_doc *doc;
    ks_extract x;
    ks_error err;
    CHECK(run("huge-text.hwpx", &doc, &x, &err) == KS_OK);
    size_t words = 0, n = strlen("가나다라마");
    /* not strstr in a loop: ASan's strstr reads the whole rest each call */
    for (size_t i = 0; x.text.data && i + n <= x.text.len; i++)
        if (memcmp(x.text.data + i, "가나다라마", n) == 0) {
            words++;
            i += n - 1;
        }
    CHECK(words == 700000);
    CHECK(ks_t_hint_of(&x, "마지막 문단이다.") == -1);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

static void test_sniff(void)
{
    size_t len = 0;
    char *raw = ks_t_slurp(dir, "release.hwpx", &len);
    CHECK(raw && ks_sniff_format(raw, len) == KS_FROM_HWPX);
    free(raw);
    CHECK(ks_sniff_format("보도자료", strlen("보도자료")) == KS_FROM_TEXT);
}

/* Out of memory at every allocation: a clean KS_ERR_NOMEM, never a crash. */
static void test_nomem(void)
{
    size_t len = 0;
    char *raw = ks_t_slurp(dir, "release.hwpx", &len);
    int bad, nomem;
    ks_t_reader_nomem(ks_hwpx_extract, raw, len, 5000, &nomem, &bad);
    CHECK(bad == 0);
    CHECK(nomem > 10);
    free(raw);
}

int main(int argc, char **argv)
{
    dir = argc > 1 ? argv[1] : "tests/fixtures/hwpx";
    test_release();
    test_subheadlines();
    test_errors();
    test_order();
    test_contacts();
    test_huge_text();
    test_sniff();
    test_nomem();
    KS_DONE();
}
