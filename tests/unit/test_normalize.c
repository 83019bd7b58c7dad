/*
 * test_normalize.c -- unit tests for stage 2's clean-up (normalize.c):
 * line splitting, NFC, white space, zero-width and control characters,
 * quotation-mark padding, middle dots.  Also checks normalize.c's table of
 * NFC-stable code points against utf8proc, code point by code point.
 */
#include <stdlib.h>
#include <utf8proc.h>

#include "harness.h"
#include "internal.h"

bool ks_nfc_stable(uint32_t cp);

/* Normalize one line with FLAGS; returns a malloc'd copy. */
static char *norm(const char *in, unsigned flags, ks_stats *st)
{
    ks_buf out = {0};
    ks_stats dummy = {0};
    if (ks_normalize_inline(in, strlen(in), flags, &out, st ? st : &dummy) != KS_OK)
        return NULL;
    return ks_buf_detach(&out);
}

static void case_(const char *in, const char *want)
{
    char *got = norm(in, 0, NULL);
    KS_CHECK(got && !strcmp(got, want), "\"%s\" -> \"%s\", want \"%s\"", in, got ? got : "(null)",
             want);
    ks_free(got);
}

/* ks_memfind (utf8.c), the byte search the line tests use: found at the
 * start, in the middle and at the very end; a last byte that occurs
 * before a match (and at offset 0, before the needle could fit); the
 * needle longer than the text; one byte. */
static void test_memfind(void)
{
    const char *hay = "번호 제목 번제목";
    size_t n = strlen(hay);
    CHECK(ks_memfind(hay, n, "번호") == hay);
    CHECK(ks_memfind(hay, n, "제목") == hay + strlen("번호 "));
    CHECK(ks_memfind(hay, n, "번제목") == hay + n - strlen("번제목"));
    CHECK(ks_memfind(hay, n, "목") == hay + strlen("번호 제"));
    CHECK(ks_memfind(hay, n - 1, "번제목") == NULL);  /* cut short of its end */
    CHECK(ks_memfind(hay, n, "호번") == NULL);
    CHECK(ks_memfind("ab", 2, "abc") == NULL);
    CHECK(ks_memfind("xaxab", 5, "ab") != NULL && !strcmp(ks_memfind("xaxab", 5, "ab"), "ab"));
    CHECK(ks_memfind("bab", 3, "ab") != NULL && ks_memfind("bab", 3, "ab")[-1] == 'b');
    CHECK(ks_memfind("abc", 3, "c") != NULL && *ks_memfind("abc", 3, "c") == 'c');
    CHECK(ks_memfind("abc", 3, "") == NULL);
}

/* The white-space class every stage asks per character, over every code
 * point: exactly these and no others (its range tests are a shortcut). */
static void test_is_space(void)
{
    static const uint32_t want[] = {'\t', '\v', '\f', ' ', 0xA0, 0x1680, 0x2000, 0x2001,
                                    0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
                                    0x2009, 0x200A, 0x202F, 0x205F, 0x3000};
    size_t k = 0, wrong = 0;
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        bool in = k < sizeof want / sizeof *want && want[k] == cp;
        k += in;
        wrong += ks_is_space(cp) != in;
    }
    CHECK(k == sizeof want / sizeof *want);
    CHECK(wrong == 0);
    CHECK(!ks_is_space('\n') && !ks_is_space('\r') && !ks_is_space(0x200B) && !ks_is_space(0xAC00));
}

int main(void)
{
    test_memfind();
    test_is_space();
    /* White space. */
    case_("  가   나\t다  ", "가 나 다");
    case_("전\xE2\x80\x8B국", "전국");                 /* zero-width space */
    case_("a\xC2\xA0" "b\xE3\x80\x80" "c", "a b c");   /* NBSP, U+3000 */
    case_("a\x01" "b\x7F" "c", "abc");                 /* controls */

    /* Quotation marks padded by converters. */
    case_("단장은 “ 지난 30년간 추진했다 ” 면서", "단장은 “지난 30년간 추진했다”면서");
    case_("시간이었다 ” 라며 “ 오늘", "시간이었다”라며 “오늘");
    case_("감사하다 ” 고 전하면서", "감사하다”고 전하면서");
    case_("“ 기본사회 ” 를 위해", "“기본사회”를 위해");
    case_("‘ 광주광역시 공공기관장 회의 ’ 에 초청돼", "‘광주광역시 공공기관장 회의’에 초청돼");
    case_("\" 지난 \" 라고", "\"지난\"라고");
    /* Not a closing mark without an opening one: the year apostrophe,
     * whose converter's space after it goes ("25 년" is respace's). */
    case_("회계 ’ 25 년", "회계 ’25 년");
    case_("(평가일정) ’ 25. 8. 25", "(평가일정) ’25. 8. 25");
    /* with a quotation open, "’ 25년" closes it */
    case_("‘올해의 인물 ’ 25년 만에", "‘올해의 인물’ 25년 만에");
    /* Authors who quote the wrong way round (’...‘): a ‘ against the word
     * before it closes, and the ’ after ", " is theirs to space
     * (govpress 156754252). */
    case_("’식물성 유지‘, ’낙농제품‘ 제조업", "’식물성 유지‘, ’낙농제품‘ 제조업");
    /* The apostrophe of an abbreviated year, in either single mark, is
     * no quotation mark: the ‘ of "‘27년 3월" does not open one that
     * "거쳐 ’27년" would close (the space before ’ stays), while
     * "‘24시간 돌봄’" is a quotation. */
    case_("9월부터 ‘27년 3월까지 검증을 거쳐 ’27년 4월에 발표",
          "9월부터 ‘27년 3월까지 검증을 거쳐 ’27년 4월에 발표");
    case_("‘25.11월 12월 ’26.1월", "‘25.11월 12월 ’26.1월");
    /* ... whatever white space a converter put after the mark: a tab, a
     * no-break space, U+3000, a run of them, a zero-width space (a page
     * saved with tabs for spaces took "참고 ’26년" for a closing mark and
     * the respace stage joined it: "참고’26년") */
    case_("참고 ’\t26년 개요", "참고 ’26년 개요");
    case_("참고\t’\t26년\t개요", "참고 ’26년 개요");
    case_("참고 ’\u00A026년 개요", "참고 ’26년 개요");
    case_("참고 ’\u300026년 개요", "참고 ’26년 개요");
    case_("참고 ’  26년 개요", "참고 ’26년 개요");
    case_("참고 ’\u200B26년 개요", "참고 ’26년 개요");
    case_("회계 ’\t25\t년", "회계 ’25 년");
    case_("(평가일정) ’\u00A025.\u00A08. 25", "(평가일정) ’25. 8. 25");
    case_("'19.10월 전후 ‘ 돌봄 ’", "'19.10월 전후 ‘돌봄’");
    case_("‘ 24시간 돌봄 ’ 사업", "‘24시간 돌봄’ 사업");
    /* A ‘ after a bracket still opens: "(‘ 26.1)" is padded. */
    case_("(‘ 26.1)", "(‘26.1)");
    /* Straight single quotes pair by order; a mark against the word
     * before it closes, the apostrophe of "don't" is none (klue-formal:
     * a wrap before the closing mark). */
    case_("금토드라마 '미생 '이 방송 3회", "금토드라마 '미생'이 방송 3회");
    case_("' 피넛'이라는 don't '미생' '힐링캠프'", "'피넛'이라는 don't '미생' '힐링캠프'");
    /* Writers mix the marks: '...’ and ‘...' pair as well. */
    case_("'그것이 알고 싶다’에서는 '시크릿 리스트'", "'그것이 알고 싶다’에서는 '시크릿 리스트'");
    case_("‘쇼챔피언' 1위", "‘쇼챔피언' 1위");
    /* A word after a closing mark keeps its space. */
    case_("“좋다” 이어서 말했다", "“좋다” 이어서 말했다");
    case_("“좋다” 고용노동부는", "“좋다” 고용노동부는");

    /* Counting. */
    ks_stats st = {0};
    char *got = norm(" “ 가 ” 라며  나 ", 0, &st);
    KS_STREQ(got, "“가”라며 나");
    KS_CHECK(st.quote_padding == 3, "quote_padding %zu", st.quote_padding);
    KS_CHECK(st.space_runs == 3, "space_runs %zu", st.space_runs);
    ks_free(got);

    /* Words and single spaces go in one copy; what ends such a run (a
     * second space, a mark, the line's end) is handled as before. */
    st = (ks_stats){0};
    got = norm("가나 다라 ab 12  “ 마” 바 ‘사’ 아 \xE2\x80\x8B자 ", 0, &st);
    KS_STREQ(got, "가나 다라 ab 12 “마” 바 ‘사’ 아 자");
    KS_CHECK(st.space_runs == 2 && st.quote_padding == 1 && st.zero_width == 1,
             "space_runs %zu, quote_padding %zu, zero_width %zu", st.space_runs, st.quote_padding,
             st.zero_width);
    ks_free(got);

    /* Middle dots: kept by default, folded on request. */
    case_("신속‧과감", "신속‧과감");
    st = (ks_stats){0};
    got = norm("신속‧과감ㆍ소통・협치․홍보", KS_OPT_FOLD_DOTS, &st);  /* U+2024 too */
    KS_STREQ(got, "신속·과감·소통·협치·홍보");
    KS_CHECK(st.middle_dots == 4, "middle_dots %zu", st.middle_dots);
    ks_free(got);

    /* Whole documents: line ends, NFC, blank lines kept. */
    ks_doc *doc = ks_doc_new();
    ks_lines lines = {0};
    /* (a form feed is white space, not a line end: pdftotext writes one
     * before each page's first line, "…\n\f둘째 쪽", and the line is
     * the one a line-oriented tool counts) */
    const char doc_text[] = "첫 줄\r\n\xE1\x84\x80\xE1\x85\xA1 나\r\n\nb\rc\fd\n\f둘째 쪽\n끝";
    KS_CHECK(ks_normalize(doc, doc_text, sizeof doc_text - 1, &lines, NULL) == KS_OK, "normalize");
    KS_CHECK(lines.lines.len == 7, "lines %zu", lines.lines.len);
    if (lines.lines.len == 7) {
        static const char *want[] = {"첫 줄", "가 나", "", "b", "c d", "둘째 쪽", "끝"};
        for (size_t i = 0; i < 7; i++) {
            const ks_line *l = &KS_AT(lines.lines, ks_line, i);
            char *s = ks_strndup(lines.text.data + l->start, l->len);
            KS_CHECK(!strcmp(s, want[i]) && l->lineno == (long)i + 1, "line %zu: %ld \"%s\"", i,
                     l->lineno, s);
            ks_free(s);
        }
    }
    KS_CHECK(doc->stats.nfc == 1, "nfc %zu", doc->stats.nfc);
    ks_lines_free(&lines);
    ks_doc_free(doc);

    /* A run of blank lines (white space only counts as blank) is kept up
     * to eight lines; the line after it keeps its number.  Line mode keeps
     * every line: each has its output line. */
    for (int line_mode = 0; line_mode <= 1; line_mode++) {
        doc = ks_doc_new();
        doc->flags = line_mode ? KS_OPT_LINE_MODE : 0;
        lines = (ks_lines){0};
        ks_buf run = {0};
        KS_CHECK(ks_buf_append(&run, "가\n", 4) == KS_OK, "buf");
        for (int k = 0; k < 20; k++)
            KS_CHECK(ks_buf_append(&run, k % 3 ? "\n" : " \t\n", k % 3 ? 1 : 3) == KS_OK, "buf");
        KS_CHECK(ks_buf_append(&run, "나\n\n\n다", 9) == KS_OK, "buf");
        KS_CHECK(ks_normalize(doc, run.data, run.len, &lines, NULL) == KS_OK, "normalize");
        size_t want = line_mode ? 25 : 13; /* 가, 20 or 8 blank, 나, 2 blank, 다 */
        KS_CHECK(lines.lines.len == want, "line mode %d: lines %zu", line_mode, lines.lines.len);
        if (lines.lines.len == want) {
            KS_CHECK(KS_AT(lines.lines, ks_line, want - 4).lineno == 22, "line after the run: %ld",
                     KS_AT(lines.lines, ks_line, want - 4).lineno);
            KS_CHECK(KS_AT(lines.lines, ks_line, want - 1).lineno == 25, "last line: %ld",
                     KS_AT(lines.lines, ks_line, want - 1).lineno);
            KS_CHECK(KS_AT(lines.lines, ks_line, 8).len == 0 && KS_AT(lines.lines, ks_line, want - 2).len == 0,
                     "blank lines");
        }
        ks_buf_free(&run);
        ks_lines_free(&lines);
        ks_doc_free(doc);
    }

    /* A reader's hints, one an input line, follow the lines kept: the
     * hint of each kept line is its input line's (here its number). */
    {
        doc = ks_doc_new();
        lines = (ks_lines){0};
        lines.hints = KS_VEC(signed char);
        ks_buf run = {0};
        for (int k = 1; k <= 30; k++) {
            signed char h = (signed char)k;
            KS_CHECK(ks_vec_push(&lines.hints, &h) == KS_OK, "hint");
            KS_CHECK(ks_buf_puts(&run, k == 1 || k >= 28 ? "가\n" : "\xC2\xA0\n") == KS_OK, "buf");
        }
        KS_CHECK(ks_normalize(doc, run.data, run.len, &lines, NULL) == KS_OK, "normalize");
        /* 가, 8 of the 26 blank lines, 가 x 3 */
        KS_CHECK(lines.lines.len == 12 && lines.hints.len == 12, "lines %zu, hints %zu",
                 lines.lines.len, lines.hints.len);
        for (size_t i = 0; i < lines.lines.len && i < lines.hints.len; i++)
            KS_CHECK(KS_AT(lines.hints, signed char, i) == KS_AT(lines.lines, ks_line, i).lineno,
                     "line %zu: hint %d, line number %ld", i, KS_AT(lines.hints, signed char, i),
                     KS_AT(lines.lines, ks_line, i).lineno);
        ks_buf_free(&run);
        ks_lines_free(&lines);
        ks_doc_free(doc);
    }

    /* The NFC-stable table agrees with utf8proc for every code point in it:
     * combining class 0, and the code point is its own NFC. */
    size_t bad = 0, checked = 0;
    for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
        if (!ks_nfc_stable(cp) || (cp >= 0xD800 && cp <= 0xDFFF))
            continue;
        if (cp >= 0xF0000 || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0x4E00 && cp <= 0x9FFF) ||
            (cp >= 0xAC00 && cp <= 0xD7A3)) {
            if (cp % 97)
                continue; /* large uniform blocks: sample them */
        }
        checked++;
        const utf8proc_property_t *p = utf8proc_get_property((utf8proc_int32_t)cp);
        utf8proc_uint8_t src[5] = {0}, *dst = NULL;
        utf8proc_ssize_t n = utf8proc_encode_char((utf8proc_int32_t)cp, src);
        utf8proc_ssize_t m = utf8proc_map(src, n, &dst, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        bool same = m == n && !memcmp(src, dst, (size_t)n);
        free(dst);
        if (p->combining_class != 0 || !same || p->comp_exclusion) {
            if (bad++ < 5)
                fprintf(stderr, "U+%04X is not NFC-stable\n", (unsigned)cp);
        }
    }
    KS_CHECK(bad == 0, "%zu of %zu code points in the stable table are not", bad, checked);

    KS_DONE();
}
