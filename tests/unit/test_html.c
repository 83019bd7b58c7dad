/*
 * test_html.c -- unit tests for the HTML reader (html.c) and sniffing.
 *
 *   build/test_html tests/fixtures/html
 *
 * Fixtures are board pages written for ksplit (UTF-8, and CP949 copies made
 * with iconv).  Prints one line per failed check and "N passed, N failed"
 * last; exits 1 on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "harness.h"

static const char *dir;


static ks_status run_buf(const char *raw, size_t len, ks_doc **doc, ks_extract *x)
{
    ks_error err = {0};
    *doc = ks_doc_new();
    *x = (ks_extract){{0}, KS_VEC(signed char)};
    return ks_html_extract(*doc, raw, len, KS_ENC_AUTO, false, x, &err);
}

static ks_status run(const char *name, ks_doc **doc, ks_extract *x)
{
    size_t len = 0;
    char *raw = ks_t_slurp(dir, name, &len);
    /* an unreadable fixture still leaves an empty document to check, so
     * that the checks after it fail instead of reading garbage */
    bool read = raw != NULL;
    ks_status st = run_buf(read ? raw : "", len, doc, x);
    free(raw);
    return read ? st : KS_ERR_IO;
}

static const char *const boiler[] = {"로그인", "사이트맵", "시정소식", "공유하기", "Copyright",
                                     "스크립트", "스타일", "본문 바로가기", "목록",
                                     "미리보기", "전체 다운로드", "중앙로", "없습니다", NULL};

static void check_board_view(const char *name, const char *encoding)
{
    ks_doc *doc;
    ks_extract x;
    CHECK(run(name, &doc, &x) == KS_OK);
    CHECK(x.text.data != NULL);
    const char *t = x.text.data ? x.text.data : "";
    CHECK(ks_t_hint_of(&x, "가나다시, 어린이 안전 지도 3만 부 배포") == KS_ROLE_TITLE);
    CHECK(doc->title && strcmp(doc->title, "가나다시, 어린이 안전 지도 3만 부 배포") == 0);
    CHECK(strcmp(doc->title_source, "html") == 0);
    CHECK(ks_t_hint_of(&x, "- 학교 주변 위험 지점 120곳 표시…QR로 신고까지") == KS_ROLE_SUMMARY);
    CHECK(ks_t_hint_of(&x, "작성일 : 2026.03.09") == KS_ROLE_META);
    CHECK(ks_t_hint_of(&x, "조회수 : 215") == KS_ROLE_META);
    CHECK(doc->meta.release_date && strcmp(doc->meta.release_date, "2026-03-09") == 0);
    CHECK(doc->meta.department && strcmp(doc->meta.department, "교통안전과") == 0);
    CHECK(ks_t_hint_of(&x, "주요 내용은 다음과 같다.") == -1);
    CHECK(ks_t_hint_of(&x, "- QR코드 신고 기능") == -1);
    CHECK(ks_t_hint_of(&x, "배포 학교 | 30곳 | 42곳") == -1);
    CHECK(ks_t_hint_of(&x, "시는 하반기에 중학교로 대상을 넓힐 계획이다.") == -1);
    CHECK(ks_t_hint_of(&x, "어린이 안전 지도 보도자료.hwpx") == KS_ROLE_ATTACHMENT);
    CHECK(ks_t_hint_of(&x, "안전지도_사진.jpg") == KS_ROLE_ATTACHMENT);
    CHECK(ks_t_hint_of(&x, "이전글 가나다시, 봄맞이 하천 정화 활동 2026-03-06") == KS_ROLE_RELATED);
    for (const char *const *b = boiler; *b; b++)
        if (strstr(t, *b)) {
            printf("  %s: boilerplate \"%s\" reached the output\n", name, *b);
            CHECK(!"boilerplate in output");
        }
    CHECK(strcmp(doc->format, "html") == 0);
    CHECK(strcmp(doc->encoding, encoding) == 0);
    CHECK(strcmp(doc->encoding_reason, "declared") == 0);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

static void test_encodings(void)
{
    check_board_view("board-view.html", "utf-8");
    check_board_view("board-view-euckr.html", "cp949");
    /* declared EUC-KR, bytes UTF-8: detection wins, with a warning */
    ks_doc *doc;
    ks_extract x;
    CHECK(run("mismatch.html", &doc, &x) == KS_OK);
    CHECK(strcmp(doc->encoding, "utf-8") == 0);
    CHECK(doc->warnings.len == 1 &&
          strcmp(KS_AT(doc->warnings, ks_warning, 0).code, "encoding-mismatch") == 0);
    CHECK(ks_t_hint_of(&x, "가나다시, 어린이 안전 지도 3만 부 배포") == KS_ROLE_TITLE);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

static void test_table_board(void)
{
    ks_doc *doc;
    ks_extract x;
    CHECK(run("table-board-euckr.html", &doc, &x) == KS_OK);
    CHECK(strcmp(doc->encoding, "cp949") == 0);
    CHECK(ks_t_hint_of(&x, "라마바군, 농촌 빈집 50채 청년 주택으로 고친다") == KS_ROLE_TITLE);
    CHECK(ks_t_hint_of(&x, "작성자 | 기획홍보실 | 등록일 | 2026-02-27") == KS_ROLE_META);
    CHECK(doc->meta.release_date && strcmp(doc->meta.release_date, "2026-02-27") == 0);
    CHECK(ks_t_hint_of(&x, "빈집정비_보도자료.pdf") == KS_ROLE_ATTACHMENT);
    CHECK(ks_t_hint_of(&x, "신청은 3월 한 달 동안 군 누리집에서 받는다.") == -1);
    CHECK(ks_t_hint_of(&x, "1024 | 라마바군, 청년 창업 공간 문 열어 | 경제과 | 2026-02-25 | 88") ==
          KS_ROLE_RELATED);
    CHECK(x.text.data && !strstr(x.text.data, "전체메뉴") && !strstr(x.text.data, "대표전화") &&
          !strstr(x.text.data, "번호 | 제목"));
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* Pathological pages: 10k nested divs, unclosed tags, NUL bytes, nothing. */
static void test_pathological(void)
{
    ks_buf b = {0};
    for (int i = 0; i < 10000; i++)
        ks_buf_puts(&b, "<div>");
    ks_buf_puts(&b, "깊은 곳의 문장이다.");
    for (int i = 0; i < 10000; i++)
        ks_buf_puts(&b, "</div>");
    if (!b.data) {
        CHECK(!"out of memory");
        return;
    }
    ks_doc *doc;
    ks_extract x;
    CHECK(run_buf(b.data, b.len, &doc, &x) == KS_OK);
    /* ksplit reads 256 levels: the text below is dropped, with a warning */
    CHECK(doc->warnings.len == 1 &&
          strcmp(KS_AT(doc->warnings, ks_warning, 0).code, "html-depth") == 0);
    ks_extract_free(&x);
    ks_doc_free(doc);
    ks_buf_clear(&b);
    for (int i = 0; i < 200; i++)
        ks_buf_puts(&b, "<div>");
    ks_buf_puts(&b, "깊은 곳의 문장이다.");
    CHECK(run_buf(b.data, b.len, &doc, &x) == KS_OK);
    CHECK(x.text.data && strstr(x.text.data, "깊은 곳의 문장이다.") != NULL);
    ks_extract_free(&x);
    ks_doc_free(doc);
    ks_buf_free(&b);

    const char bad[] = "<html><body><p>열린 태그<table><tr><td>칸<b>굵게<i>기울임</p></td>"
                       "<script>끝나지 않은 스크립트";
    CHECK(run_buf(bad, sizeof bad - 1, &doc, &x) == KS_OK);
    CHECK(x.text.data && !strstr(x.text.data, "스크립트"));
    ks_extract_free(&x);
    ks_doc_free(doc);

    const char nul[] = "<p>앞\0뒤</p>";
    CHECK(run_buf(nul, sizeof nul - 1, &doc, &x) == KS_OK);
    CHECK(x.text.data && strlen(x.text.data) == x.text.len);
    ks_extract_free(&x);
    ks_doc_free(doc);

    CHECK(run_buf("", 0, &doc, &x) == KS_OK);
    CHECK(x.text.len == 0 && x.hints.len == 0);
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* Paragraphs right under <body> (a word processor's export): the longest
 * one is not the body when a sentence stands beside it; nothing is lost. */
static void test_flat_page(void)
{
    const char page[] = "<html><body><h3>인공지능 협약 체결</h3>"
                        "<p>광주시는 이날 협약을 체결했다고 밝혔다. 지역 기업과 함께 사업을 추진한다. "
                        "예산은 10억 원이다. 협약식에는 기업 대표들이 참석했다.</p>"
                        "<p>시는 앞으로도 지원을 이어갈 계획이다.</p></body></html>";
    ks_doc *doc;
    ks_extract x;
    CHECK(run_buf(page, sizeof page - 1, &doc, &x) == KS_OK);
    CHECK(ks_t_hint_of(&x, "시는 앞으로도 지원을 이어갈 계획이다.") == -1);
    CHECK(x.text.data && strstr(x.text.data, "협약식에는 기업 대표들이 참석했다.") != NULL);
    CHECK(ks_t_hint_of(&x, "인공지능 협약 체결") >= -1); /* the split finds the title */
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* A line a page must give, and its hint; KS_T_ANY: -1 or a role (the
 * line is only to be there, as itself). */
typedef struct {
    const char *line;
    int hint;
} S_want;
#define KS_T_ANY (-7)

/* Extract PAGE and check each line WANT names (up to a NULL line). */
static void check_hints(const char *page, const S_want *want)
{
    ks_doc *doc;
    ks_extract x;
    CHECK(run_buf(page, strlen(page), &doc, &x) == KS_OK);
    for (; want->line; want++) {
        int h = ks_t_hint_of(&x, want->line);
        CHECK(want->hint == KS_T_ANY ? h >= -1 : h == want->hint);
    }
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* The page's one sentence is in its last paragraph: rule B does not take
 * that paragraph for the body, which would drop the heading and the first
 * paragraph (ten syllables of text stand beside it). */
static void test_text_beside(void)
{
    check_hints("<html><body><h3>청년 일자리 지원</h3><p>첫째 문단은 마침표가 없는 줄이다</p>"
                "<p>다른 문단이다.</p></body></html>",
                (const S_want[]){
                    {"청년 일자리 지원", KS_T_ANY},
                    {"첫째 문단은 마침표가 없는 줄이다", -1},
                    {"다른 문단이다.", -1},
                    {NULL, 0}});
}

/* Rule G's list markers ("1. " in an ordered list, counting its items
 * only, "- " in another), a <pre>'s lines, and hidden elements (a style
 * of display:none in any case, the hidden attribute) left out. */
static void test_lists_pre_hidden(void)
{
    const char page[] = "<html><body><h3>제목입니다</h3><p>본문 첫 문단이다.</p>"
                        "<ol><li>첫째 항목이다</li><!-- 주석 --><li>둘째 항목이다</li>"
                        "<li>셋째 항목이다</li></ol><ul><li>점 항목이다</li></ul>"
                        "<pre>미리 짠 첫 줄\n미리 짠 둘째 줄</pre>"
                        "<div style=\"color:red; DISPLAY: NONE\">숨긴 문장이다</div>"
                        "<div hidden>속성으로 숨긴 문장</div><p>마지막 문단이다.</p></body></html>";
    check_hints(page, (const S_want[]){{"1. 첫째 항목이다", -1},
                                       {"2. 둘째 항목이다", -1},
                                       {"3. 셋째 항목이다", -1},
                                       {"- 점 항목이다", -1},
                                       {"미리 짠 첫 줄", KS_T_ANY},
                                       {"미리 짠 둘째 줄", KS_T_ANY},
                                       {"마지막 문단이다.", -1},
                                       {NULL, 0}});
    ks_doc *doc;
    ks_extract x;
    CHECK(run_buf(page, sizeof page - 1, &doc, &x) == KS_OK);
    CHECK(x.text.data && !strstr(x.text.data, "숨긴"));
    ks_extract_free(&x);
    ks_doc_free(doc);
}

/* A line that ends at a <br> inside its block and has no role is
 * KS_HINT_SOFT, for split to rejoin where a page's article is
 * hard-wrapped; the block's last line is an ordinary one. */
static void test_soft_lines(void)
{
    check_hints("<html><body><h3>제목</h3><p>첫째 줄이다<br>둘째 줄이다</p>"
                "<p>다른 문단이다.</p></body></html>",
                (const S_want[]){
                    {"첫째 줄이다", KS_HINT_SOFT},
                    {"둘째 줄이다", -1},
                    {"다른 문단이다.", -1},
                    {NULL, 0}});
}

/* Count of non-space bytes of S[0..N). */
static size_t nonspace(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] != ' ' && s[i] != '\n';
    return k;
}

/* A paragraph of over 10 MB of text: libxml2 cuts such a text node (and
 * what follows it) unless told otherwise; every character is read, and a
 * paragraph after it too.  With 10k nested divs after it, the nesting
 * still stops at 256 levels (with the warning), in linear time. */
static void test_huge_text(void)
{
    for (int deep = 0; deep < 2; deep++) {
        ks_buf b = {0};
        ks_buf_puts(&b, "<html><body><div><p>");
        size_t words = 0;
        while (b.len < 10500000) {
            ks_buf_puts(&b, "가나다라마 ");
            words++;
        }
        ks_buf_puts(&b, "</p><p>마지막 문단이다.</p>");
        for (int i = 0; deep && i < 10000; i++)
            ks_buf_puts(&b, "<div>");
        ks_buf_puts(&b, "</div></body></html>");
        if (!b.data) {
            CHECK(!"out of memory");
            return;
        }
        ks_doc *doc;
        ks_extract x;
        CHECK(run_buf(b.data, b.len, &doc, &x) == KS_OK);
        CHECK(x.text.data && nonspace(x.text.data, x.text.len) == words * 15 + strlen("마지막문단이다."));
        CHECK(x.text.data && strstr(x.text.data, "마지막 문단이다.") != NULL);
        CHECK(doc->warnings.len == (size_t)deep);
        CHECK(!deep || strcmp(KS_AT(doc->warnings, ks_warning, 0).code, "html-depth") == 0);
        ks_extract_free(&x);
        ks_doc_free(doc);
        ks_buf_free(&b);
    }
}

static void test_sniff(void)
{
    CHECK(ks_sniff_format("<!DOCTYPE html><html>", 21) == KS_FROM_HTML);
    CHECK(ks_sniff_format("\xEF\xBB\xBF  <HTML lang=ko>", 19) == KS_FROM_HTML);
    CHECK(ks_sniff_format("<table><tr><td>x</td></tr></table>", 34) == KS_FROM_HTML);
    CHECK(ks_sniff_format("보도자료\n<제목>", strlen("보도자료\n<제목>")) == KS_FROM_TEXT);
    CHECK(ks_sniff_format("", 0) == KS_FROM_TEXT);
    CHECK(ks_sniff_format("PK\3\4", 4) == KS_FROM_HWPX);
}

static ks_status read_html(ks_doc *doc, const char *raw, size_t len, ks_extract *x,
                           ks_error *err)
{
    return ks_html_extract(doc, raw, len, KS_ENC_AUTO, false, x, err);
}

static void test_nomem(void)
{
    size_t len = 0;
    char *raw = ks_t_slurp(dir, "board-view-euckr.html", &len);
    int bad, nomem;
    ks_t_reader_nomem(read_html, raw, len, 20000, &nomem, &bad);
    CHECK(bad == 0);
    CHECK(nomem > 10);
    free(raw);
}

/* A page's empty paragraphs (<p>&nbsp;</p>, empty once normalized) do not
 * move its lines' hints: normalize keeps at most eight blank lines in a row
 * and drops the hints of those it leaves out, so the page converts to the
 * same blocks with twelve of them as without. */
static void test_blank_paragraphs(void)
{
    size_t len = 0;
    char *raw = ks_t_slurp(dir, "board-view.html", &len);
    CHECK(raw != NULL);
    if (!raw)
        return;
    const char *at = strstr(raw, "<p class=\"sub\">");
    CHECK(at != NULL);
    ks_buf page = {0};
    if (at) {
        (void)ks_buf_append(&page, raw, (size_t)(at - raw));
        for (int k = 0; k < 12; k++)
            (void)ks_buf_puts(&page, "<p>&nbsp;</p>");
        (void)ks_buf_append(&page, at, len - (size_t)(at - raw));
    }
    ks_options o = {0};
    o.from = KS_FROM_HTML;
    ks_error err = {0};
    ks_doc *a = NULL, *b = NULL;
    CHECK(ks_convert(&o, raw, len, &a, &err) == KS_OK);
    CHECK(page.data && ks_convert(&o, page.data, page.len, &b, &err) == KS_OK);
    if (a && b) {
        KS_CHECK(a->blocks.len == b->blocks.len, "blocks %zu, with the blank paragraphs %zu",
                 a->blocks.len, b->blocks.len);
        for (size_t i = 0; i < a->blocks.len && i < b->blocks.len; i++) {
            const ks_block *x = &KS_AT(a->blocks, ks_block, i), *y = &KS_AT(b->blocks, ks_block, i);
            KS_CHECK(x->role == y->role && !strcmp(x->text, y->text), "block %zu: %s / %s", i,
                     x->text, y->text);
        }
    }
    ks_doc_free(a);
    ks_doc_free(b);
    ks_buf_free(&page);
    free(raw);
}

int main(int argc, char **argv)
{
    dir = argc > 1 ? argv[1] : "tests/fixtures/html";
    test_encodings();
    test_table_board();
    test_pathological();
    test_huge_text();
    test_flat_page();
    test_text_beside();
    test_lists_pre_hidden();
    test_soft_lines();
    test_sniff();
    test_nomem();
    test_blank_paragraphs();
    KS_DONE();
}
