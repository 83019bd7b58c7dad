/*
 * test_split.c -- unit tests of stage 3 (split.c, meta.c): dates, phones,
 * markers and levels, board listing rows, the title from a file name, line
 * mode and the rejoining of hard-wrapped lines (harness.h counts the
 * checks).
 */
#include <stdarg.h>

#include "internal.h"
#include "meta.h"

#include "harness.h"

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}
#define STREQ(a, b) streq((a), (b))

static const char *iso_of(const char *s, int ctx)
{
    static char out[11];
    ks_date_match m;
    if (!ks_meta_find_date(s, strlen(s), 0, ctx, &m))
        return "none";
    ks_meta_iso(&m, out);
    return out;
}

static void test_dates(void)
{
    CHECK(STREQ(iso_of("2026. 4. 10.(금) 배포 즉시", 0), "2026-04-10"));
    CHECK(STREQ(iso_of("2026.04.10", 0), "2026-04-10"));
    CHECK(STREQ(iso_of("2026-04-10", 0), "2026-04-10"));
    CHECK(STREQ(iso_of("2026년 4월 10일", 0), "2026-04-10"));
    CHECK(STREQ(iso_of("(온라인) 2026 . 4. 13 .(월) 12:00", 0), "2026-04-13"));
    CHECK(STREQ(iso_of("202 6. 4. 13.(월) 12:00", 0), "2026-04-13"));
    CHECK(STREQ(iso_of("‵26.4.13.( 월) 정부서울청사", 0), "2026-04-13"));
    CHECK(STREQ(iso_of("4.13.(월) 석간", 2026), "2026-04-13"));
    CHECK(STREQ(iso_of("4.13.(월) 석간", 0), "none"));
    CHECK(STREQ(iso_of("+1.1% 증가", 2026), "none"));
    CHECK(STREQ(iso_of("06:00 (월요일 석간)", 2026), "none"));
    CHECK(STREQ(iso_of("2026. 13. 40.", 0), "none"));
    ks_date_match m;
    const char *s = "배포 : 2026. 4. 10.(금) 끝";
    CHECK(ks_meta_find_date(s, strlen(s), 0, 0, &m) &&
          strncmp(s + m.start, "2026. 4. 10.(금)", m.end - m.start) == 0 &&
          m.end - m.start == strlen("2026. 4. 10.(금)"));
    s = "’26년 예산, 2026년 제1회";
    CHECK(ks_meta_context_year(s, strlen(s)) == 2026);
}

/* ks_meta_compact drops every white space character and keeps the rest,
 * whole characters only, within its buffer. */
static void test_compact(void)
{
    char out[64];
    /* tab, NBSP, U+3000, U+2009; Hangul, a Hanja, a bullet and a line break stay */
    const char *s = "담당\t부서 :\xC2\xA0기획\xE3\x80\x80조정실\xE2\x80\x89(企) ■\n끝";
    CHECK(ks_meta_compact(s, strlen(s), out, sizeof out) == strlen("담당부서:기획조정실(企)■\n끝") &&
          STREQ(out, "담당부서:기획조정실(企)■\n끝"));
    /* a character that does not fit is left out whole */
    CHECK(ks_meta_compact("가나다", 9, out, 8) == 6 && STREQ(out, "가나"));
    CHECK(ks_meta_compact("ab 가", 6, out, 3) == 2 && STREQ(out, "ab"));
    /* bytes that are no UTF-8 (a surrogate, a cut character) are kept */
    CHECK(ks_meta_compact("\xED\xA0\x80 \xEA\xB0", 6, out, sizeof out) == 5 &&
          !memcmp(out, "\xED\xA0\x80\xEA\xB0", 6));
}

static void test_phones(void)
{
    char out[64];
    size_t a, b;
    const char *s = "(044-202- 7026)";
    CHECK(ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out) && STREQ(out, "044-202-7026"));
    s = "( 02 -2100-3081)";
    CHECK(ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out) && STREQ(out, "02-2100-3081"));
    s = "이제훈 (044-201-6350)";
    CHECK(ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out) && STREQ(out, "044-201-6350") &&
          a == strlen("이제훈 ("));
    s = "2026-04-10";
    CHECK(!ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out));
    /* the area code in brackets: three groups, the code 0 and 2-3 digits */
    s = "☎ (044) 000-2003";
    CHECK(ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out) && STREQ(out, "044-000-2003") &&
          a == strlen("☎ (") && b == strlen(s));
    s = "(02)2100-3081";
    CHECK(ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out) && STREQ(out, "02-2100-3081"));
    s = "(2025) 100-2000";  /* a year, not an area code */
    CHECK(!ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out));
    s = "(044) 2003";       /* two groups: no number */
    CHECK(!ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out));
    s = "(1) 234-5678";     /* a list number */
    CHECK(!ks_meta_find_phone(s, strlen(s), &a, &b, out, sizeof out));
    s = "(dje9350@korea .kr)";
    CHECK(ks_meta_find_email(s, strlen(s), out, sizeof out) && STREQ(out, "dje9350@korea.kr"));
}

/* ks_meta_first_date: the readers' strict form, year first */
static void test_first_date(void)
{
    static const struct {
        const char *s, *iso;  /* iso NULL: no date */
    } cases[] = {
        {"2026. 3. 9.(월) 10:00", "2026-03-09"},
        {"배포 : 2026.04.10", "2026-04-10"},
        {"2026-4-1 이후", "2026-04-01"},
        {"2026년 4월 10일(금)", "2026-04-10"},
        {"2026 / 4 / 10", "2026-04-10"},
        {"제3차 2026. 4. 10.", "2026-04-10"},     /* the first full date */
        {"12026. 1. 1.", NULL},                   /* five digits: no year */
        {"1989. 1. 1.", NULL},                    /* out of 1990-2099 */
        {"2026. 13. 1.", NULL},
        {"2026. 1. 32.", NULL},
        {"2026. 123. 1.", NULL},
        {"2026. 4.", NULL},                       /* no day */
        {"4. 10.(금)", NULL},                     /* no year */
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char iso[11] = "";
        bool found = ks_meta_first_date(cases[i].s, iso, NULL);
        KS_CHECK(cases[i].iso ? found && !strcmp(iso, cases[i].iso) : !found,
                 "\"%s\": got %s", cases[i].s, found ? iso : "none");
    }
}

static void test_related(void)
{
    ks_related r = {0};
    bool ok = false;
    const char *s = "567 외국인 친구들 주목! 선물도 받고! file 2021.12.15 31";
    CHECK(ks_meta_parse_related(s, strlen(s), &r, &ok) == KS_OK && ok);
    CHECK(r.number == 567 && r.views == 31 && r.has_file);
    CHECK(STREQ(r.title, "외국인 친구들 주목! 선물도 받고!") && STREQ(r.date, "2021-12-15"));
    ks_free(r.title);
    ks_free(r.date);
    ks_free(r.raw);
    memset(&r, 0, sizeof r);
    s = "564 서대구고속버스터미널 현장매표소 축소운영 등 안내 2020.09.16 31";
    CHECK(ks_meta_parse_related(s, strlen(s), &r, &ok) == KS_OK && ok && !r.has_file);
    ks_free(r.title);
    ks_free(r.date);
    ks_free(r.raw);
    s = "2026년 4월 10일 국회 본회의에서 31";
    CHECK(ks_meta_parse_related(s, strlen(s), &r, &ok) == KS_OK && !ok);
    CHECK(ks_meta_is_listing_header("번호 제목 날짜 조회 수", strlen("번호 제목 날짜 조회 수")));
}

static ks_doc *run(const char *text, unsigned flags)
{
    ks_options o;
    memset(&o, 0, sizeof o);
    o.flags = flags | KS_OPT_NO_RESPACE;
    ks_doc *doc = NULL;
    ks_error err;
    if (ks_convert(&o, text, strlen(text), &doc, &err) != KS_OK)
        return NULL;
    return doc;
}

/* run() on the pieces FIRST, ... (NULL-terminated) put together. */
static ks_doc *run_cat(const char *first, ...)
{
    ks_buf b = {0};
    va_list ap;
    va_start(ap, first);
    for (const char *piece = first; piece; piece = va_arg(ap, const char *))
        ks_buf_puts(&b, piece);
    va_end(ap);
    ks_doc *d = b.data ? run(b.data, 0) : NULL;
    ks_buf_free(&b);
    return d;
}

static const ks_block *find_block(const ks_doc *d, const char *prefix)
{
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (strncmp(b->text, prefix, strlen(prefix)) == 0)
            return b;
    }
    return NULL;
}

/* Contact I of D, or NULL. */
static const ks_contact *contact(const ks_doc *d, size_t i)
{
    return i < d->meta.contacts.len ? &KS_AT(d->meta.contacts, ks_contact, i) : NULL;
}

/* Contact I of D is NAME, with TITLE and PHONE (NULL: not checked). */
static void check_contact(const ks_doc *d, size_t i, const char *name, const char *title,
                          const char *phone)
{
    const ks_contact *c = contact(d, i);
    KS_CHECK(c && STREQ(c->name, name) && (!title || STREQ(c->title, title)) &&
                 (!phone || STREQ(c->phone, phone)),
             "contact %zu: %s %s %s", i, c && c->name ? c->name : "(none)",
             c && c->title ? c->title : "", c && c->phone ? c->phone : "");
}

static void test_release(void)
{
    const char *text =
        "고용노동부\n보도자료\n보도시점\n2026. 4. 10.(금) 배포 즉시\n"
        "2026년 고용노동부 소관\n제1회 추가경정예산 주요 내용\n- 총 4,165억원 증액 의결 -\n"
        "□ 총 10개 사업을 편성하였다.\n"
        "ㅇ 회계: 2,764억원\n- 국민취업지원제도\n* 본예산 대비\n① 첫째\nⅠ. 총지출\n"
        "담당 부서\n정책기획관\n책임자\n과 장\n최영범\n(044-202- 7026)\n"
        "기획재정담당관\n담당자\n사무관\n배 인\n(044-202-7034)\n붙임 1\n답사 포스터\n";
    ks_doc *d = run(text, 0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "2026년 고용노동부 소관 제1회 추가경정예산 주요 내용"));
    CHECK(STREQ(d->title_source, "text"));
    CHECK(STREQ(d->meta.release_date, "2026-04-10"));
    CHECK(STREQ(d->meta.organization, "고용노동부"));
    CHECK(STREQ(d->meta.department, "정책기획관"));
    CHECK(d->meta.contacts.len == 2);
    const ks_contact *c0 = contact(d, 0);
    const ks_contact *c1 = contact(d, 1);
    CHECK(c0 && STREQ(c0->name, "최영범") && STREQ(c0->phone, "044-202-7026") &&
          STREQ(c0->title, "과장"));
    CHECK(c1 && STREQ(c1->name, "배인") && STREQ(c1->phone, "044-202-7034"));
    const ks_block *b = find_block(d, "총 4,165억원 증액 의결");
    CHECK(b && b->role == KS_ROLE_SUMMARY && STREQ(b->text, "총 4,165억원 증액 의결"));
    b = find_block(d, "총 10개 사업");
    CHECK(b && b->role == KS_ROLE_BODY && STREQ(b->marker, "□") && b->level == 0);
    b = find_block(d, "회계:");
    CHECK(b && STREQ(b->marker, "ㅇ") && b->level == 1 && b->kind == KS_KIND_ITEM);
    b = find_block(d, "국민취업지원제도");
    CHECK(b && STREQ(b->marker, "-") && b->level == 2);
    b = find_block(d, "본예산 대비");
    CHECK(b && STREQ(b->marker, "*") && b->level == 3);
    b = find_block(d, "첫째");
    CHECK(b && STREQ(b->marker, "①"));
    b = find_block(d, "총지출");
    CHECK(b && b->kind == KS_KIND_HEADING);
    CHECK(d->meta.attachments.len == 1 &&
          STREQ(KS_AT(d->meta.attachments, ks_attachment, 0).name, "답사 포스터"));
    ks_doc_free(d);
}

/* A contact table that names the issuing office before its unit (govpress
 * 156754105): the office is the organization, the unit the department;
 * a unit that ends in "실" too ("기획조정실") is still a department. */
static void test_office_department(void)
{
    static const struct {
        const char *first, *dept;
    } cases[] = {{"국무조정실", "안전환경에너지정책관실"}, {"기획조정실", "기획조정실"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_doc *d = run_cat("보도자료\n보도시점\n2026. 4. 12.(일)\n완도 화재 관련 긴급지시\n"
                            "□ 국무총리는 현장 수습에 만전을 기하라고 지시했다.\n담당 부서\n",
                            cases[k].first,
                            "\n책임자\n팀 장\n장준경\n(044-200-2363)\n안전환경에너지정책관실\n", NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        CHECK(STREQ(d->meta.department, cases[k].dept));
        ks_doc_free(d);
    }
}

/* A unit's name with a space a wrap left in it (govpress *.broken.txt:
 * 156754117, 156754105, 156754188): closed up where the spacing is
 * repaired, as printed with --no-respace; a space between two levels
 * ("국가수사본부 수사국") stays, and so does a row of titles web text
 * took for a unit. */
static void test_unit_spaces(void)
{
    static const struct {
        const char *printed, *dept;
    } cases[] = {{"혁신행정 담당관", "혁신행정담당관"},
                 {"안전환경에너지정책관 실", "안전환경에너지정책관실"},
                 {"한국고용노동 교육원", "한국고용노동교육원"},
                 {"개인정보정 책국", "개인정보정책국"},
                 {"국가수사본부 수사국", "국가수사본부 수사국"},
                 {"외교부 카리브중남미협력과", "외교부 카리브중남미협력과"},
                 {"전기위원회 사무국", "전기위원회 사무국"},
                 {"감염병정 책국 위기대응 과", "감염병정책국 위기대응과"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        for (int repair = 0; repair < 2; repair++) {
            ks_buf b = {0};
            ks_buf_puts(&b, "보도자료\n보도시점\n2026. 4. 13.(월)\n특별성과 포상 실시\n"
                            "□ 포상을 실시한다고 밝혔다.\n담당 부서\n");
            ks_buf_puts(&b, cases[k].printed);
            ks_buf_puts(&b, "\n책임자\n과 장\n홍길동\n(044-201-6721)\n");
            ks_options o;
            memset(&o, 0, sizeof o);
            o.flags = repair ? 0 : KS_OPT_NO_RESPACE;
            ks_doc *d = NULL;
            ks_error err;
            CHECK(ks_convert(&o, b.data, b.len, &d, &err) == KS_OK);
            ks_buf_free(&b);
            if (!d)
                continue;
            const char *want = repair ? cases[k].dept : cases[k].printed;
            KS_CHECK(STREQ(d->meta.department, want), "%s: %s", want,
                     d->meta.department ? d->meta.department : "(none)");
            const ks_contact *c0 = contact(d, 0);
            CHECK(c0 && STREQ(c0->department, want));
            ks_doc_free(d);
        }
    }
    /* a row of titles, cells joined: a title a contact can have, and the
     * row is no unit (govpress 156754182.joined.txt) */
    ks_doc *d = run("보도자료\n보도시점\n2026. 4. 13.(월)\n보호수준 평가 실시\n"
                    "□ 평가를 실시한다고 밝혔다.\n담당 부서\n개인정보자율보호팀\n"
                    "책임자 담당자\n팀 장 책임연구원 주임연구원\n"
                    "박보름 (061-820-2770) 이소영 (061-820-2776) 이예진 (061-820-2772)\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(d->meta.contacts.len == 3);
    for (size_t k = 0; k < d->meta.contacts.len; k++)
        CHECK(STREQ(contact(d, k)->department, "개인정보자율보호팀"));
    ks_doc_free(d);
}

/* A contact table as pdftotext prints it (govpress 156754246, 156754052):
 * "과" / "장" is the title 과장, not a department, and a two-syllable name
 * spread to the width of three ("배 인") is still a name, and so is the
 * name before an e-mail address. */
static void test_pdf_contacts(void)
{
    ks_doc *d = run("보도자료\n보도시점\n2026. 4. 13.(월)\n생활폐기물 감량 협약 체결\n"
                    "□ 기후에너지환경부는 협약을 체결했다.\n담당 부서\n\n기후에너지환경부\n\n"
                    "책임자\n\n과\n\n장\n\n황남경 (044-201-7421)\n\n생활폐기물과\n\n"
                    "담당자\n\n사무관\n\n배 인 (044-201-7422)\n\n"
                    "담당자\n\n사무관\n\n이창선 (dje9350@korea.kr)\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->meta.department, "생활폐기물과"));
    CHECK(d->meta.contacts.len == 3);
    const ks_contact *c0 = contact(d, 0);
    const ks_contact *c1 = contact(d, 1);
    const ks_contact *c2 = contact(d, 2);
    /* a contact with an address and no number (govpress 156754275) */
    CHECK(c2 && STREQ(c2->name, "이창선") && STREQ(c2->email, "dje9350@korea.kr") && !c2->phone);
    CHECK(c0 && STREQ(c0->name, "황남경") && STREQ(c0->title, "과장") &&
          STREQ(c0->department, "기후에너지환경부"));
    CHECK(c1 && STREQ(c1->name, "배인") && STREQ(c1->title, "사무관") &&
          STREQ(c1->phone, "044-201-7422") && STREQ(c1->department, "생활폐기물과"));
    ks_doc_free(d);
}

/* A contact table one cell a line (govpress 156754137, 156754252): a name
 * shaped like a unit ("박상국") between a title and its number is the
 * name, and "한국" cut off "한국고용정보원" is not one. */
static void test_contact_names(void)
{
    ks_doc *d = run("보도자료\n보도시점\n2026. 4. 13.(월)\n업무협약 체결\n"
                    "□ 두 기관은 협약을 맺는다.\n담당 부서\n국가재난안전교육원\n책임자\n과 장\n"
                    "박상국\n(041-840-6411)\n기획협력과\n담당자\n사무관\n김정근\n(041-840-6412)\n"
                    "고용지원실업급여과\n한국\n고용동향분석팀\n책임자\n팀 장\n윤정혜\n"
                    "(043-870-8203)\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(d->meta.contacts.len == 3);
    const ks_contact *c0 = contact(d, 0);
    const ks_contact *c1 = contact(d, 1);
    const ks_contact *c2 = contact(d, 2);
    CHECK(c0 && STREQ(c0->name, "박상국") && STREQ(c0->title, "과장") &&
          STREQ(c0->phone, "041-840-6411"));
    CHECK(c1 && STREQ(c1->name, "김정근") && STREQ(c1->phone, "041-840-6412"));
    CHECK(c2 && STREQ(c2->name, "윤정혜") && STREQ(c2->phone, "043-870-8203"));
    ks_doc_free(d);
    /* ... and so it is with its number on the same line, as pdftotext
     * prints it (156754137.pdf.txt: the title cut in two, "과" / "장") */
    d = run("보도자료\n보도시점\n2026. 4. 13.(월)\n업무협약 체결\n"
            "□ 두 기관은 협약을 맺는다.\n담당 부서\n\n국가재난안전교육원\n기획협력과\n\n"
            "책임자\n\n과\n\n장\n\n박상국 (041-840-6411)\n\n담당자\n\n사무관\n\n"
            "김정근 (041-840-6412)\n",
            0);
    CHECK(d && d->meta.contacts.len == 2);
    if (d) {
        check_contact(d, 0, "박상국", "과장", "041-840-6411");
        check_contact(d, 1, "김정근", "사무관", "041-840-6412");
    }
    ks_doc_free(d);
}

static void test_filename_title(void)
{
    const char *text =
        "▸ 광주시, 특강 요청\n\n▸ 특강은 이번이 처음\n\n"
        "대구시는 26일(목) 광주광역시청에서 열린 회의에 초청돼 사례를 소개했다.\n\n"
        "대구시 공공기관 혁신사례 광주서 특강1.jpg\n\n번호 제목 날짜 조회 수\n"
        "567 외국인 친구들 주목! file 2021.12.15 31\n"
        "566 대구시사회서비스원, 교통비 지원 file 2021.06.11 31\n";
    ks_doc *d = run(text, 0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "대구시 공공기관 혁신사례 광주서 특강"));
    CHECK(STREQ(d->title_source, "filename"));
    CHECK(STREQ(d->meta.organization, "대구시"));
    CHECK(d->meta.related.len == 2);
    CHECK(d->meta.attachments.len == 1 &&
          STREQ(KS_AT(d->meta.attachments, ks_attachment, 0).kind, "image"));
    size_t nsum = 0, nbody = 0;
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        nsum += b->role == KS_ROLE_SUMMARY;
        nbody += b->role == KS_ROLE_BODY;
        CHECK(!(b->role == KS_ROLE_BODY && (strstr(b->text, ".jpg") || strstr(b->text, "2021."))));
    }
    CHECK(nsum == 2 && nbody == 1);
    ks_doc_free(d);
}

static void test_line_mode(void)
{
    ks_doc *d = run("보도자료\n\n□ 첫 줄\n둘째 줄\n", KS_OPT_LINE_MODE);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(d->blocks.len == 4);
    if (d->blocks.len == 4) {
        CHECK(STREQ(KS_AT(d->blocks, ks_block, 1).text, ""));
        CHECK(STREQ(KS_AT(d->blocks, ks_block, 2).text, "□ 첫 줄"));
        for (size_t i = 0; i < 4; i++)
            CHECK(KS_AT(d->blocks, ks_block, i).role == KS_ROLE_BODY &&
                  !KS_AT(d->blocks, ks_block, i).marker);
    }
    ks_doc_free(d);
}

/* A hard-wrapped release (lines of about 70 columns that end mid-sentence):
 * HEAD (the header, title and summary lines), six wrapped □ paragraphs of
 * three lines each, then TAIL. */
/* A release's header with a one-line title, and the parts of the text
 * before the body as a NULL-terminated list. */
#define HEAD "보도자료\n보도시점 2026. 4. 10.(금)\n짧은 제목\n"
#define PARTS(...) ((const char *const[]){__VA_ARGS__, NULL})

/* HEAD's parts, six hard-wrapped paragraphs of three lines each, TAIL:
 * into B. */
static void wrapped_text(ks_buf *b, const char *const *head, const char *tail)
{
    for (; *head; head++)
        ks_buf_puts(b, *head);
    for (int p = 0; p < 6; p++) {
        ks_buf_puts(b, "□ 국토교통부는 공모를 통해 총 두 개의 지방정부를 선정하여 개소당 최대\n");
        ks_buf_puts(b, "십억 원의 국비를 지원할 계획이며 국비와 지방비를 일대일로 매칭하여\n");
        ks_buf_puts(b, "추진한다.\n");
    }
    ks_buf_puts(b, tail);
}

/* run() on wrapped_text(). */
static ks_doc *wrapped_doc(const char *const *head, const char *tail)
{
    ks_buf b = {0};
    wrapped_text(&b, head, tail);
    ks_doc *d = b.data ? run(b.data, 0) : NULL;
    ks_buf_free(&b);
    return d;
}

/* The number of blocks of role ROLE in D, and the Nth of them (or NULL). */
static size_t n_role(const ks_doc *d, ks_role role)
{
    size_t n = 0;
    for (size_t i = 0; i < d->blocks.len; i++)
        n += KS_AT(d->blocks, ks_block, i).role == role;
    return n;
}

static const ks_block *nth_role(const ks_doc *d, ks_role role, size_t nth)
{
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *k = &KS_AT(d->blocks, ks_block, i);
        if (k->role == role && nth-- == 0)
            return k;
    }
    return NULL;
}

/* wrapped_doc's "□" paragraphs in D: how many there are (*ALL) and how
 * many of them are whole, their three lines joined. */
static size_t whole_items(const ks_doc *d, size_t *all)
{
    size_t whole = 0;
    *all = 0;
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *k = &KS_AT(d->blocks, ks_block, i);
        if (k->role != KS_ROLE_BODY || !STREQ(k->marker, "□"))
            continue;
        (*all)++;
        whole += k->nlines == 3 && strstr(k->text, "최대 십억") && strstr(k->text, "매칭하여 추진한다.");
    }
    return whole;
}

static void test_wrapped(void)
{
    ks_doc *d = wrapped_doc(PARTS(HEAD), "");
    CHECK(d != NULL);
    if (!d)
        return;
    size_t items;
    CHECK(whole_items(d, &items) == 6 && items == 6);
    CHECK(STREQ(d->title, "짧은 제목"));
    ks_doc_free(d);
    /* the same paragraphs one a line are not joined */
    d = run("보도자료\n보도시점\n2026. 4. 10.(금)\n제목\n가나다 라마바사.\n아자차 카타파하.\n", 0);
    CHECK(d && d->blocks.len == 6);
    ks_doc_free(d);
}

/* HEAD, the summary lines SUMMARY, then the lead LEAD and the line that
 * goes on with it: wrapped text (wrapped_doc). */
static ks_doc *lead_doc(const char *summary, const char *lead)
{
    return wrapped_doc(
        PARTS(HEAD, summary, lead,
              "\n대전청사에서 점검회의를 열고 지원 실적을 점검하는 자리를 마련하였다.\n"),
        "");
}

/* Wrapped text whose summary lines run into the lead paragraph (govpress
 * 156754182.pdf.txt): the lead is cut off the last summary item, while a
 * summary line that wraps onto a line of its own stays one item. */
static void test_summary_lead(void)
{
    static const char *leads[] = {
        "관세청은 중동 상황 장기화에 따른 수출입 기업의 피해를 최소화하기 위해 정부",
        "질병관리청(청장 임승관)은 중증열성혈소판감소증후군을 매개하는 주요 매개체인",
        "문지성 재정경제부 국제경제관리관은 정부서울청사에서 외국인 증권투자 유치를",
        /* letter-spaced by the PDF (govpress 156754060.pdf.txt) */
        "중소벤 처기업 부(장 관 한성 숙, 이하 중기부 )는 2026년 제1차 추 가 경정 예산"};
    for (size_t t = 0; t < sizeof leads / sizeof *leads; t++) {
        ks_doc *d = lead_doc("- 첫째 요약 줄은 공공기관 개인정보 보호수준 평가계획을 확정하는 내용을\n"
                             "담아 한 줄을 넘겨 이어지는 요약 항목의 둘째 줄\n"
                             "- 실질적 보호역량 높이기 위해 사전 예방 지표 도입 및 평가 변별력 강화를\n",
                             leads[t]);
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *s1 = nth_role(d, KS_ROLE_SUMMARY, 0), *s2 = nth_role(d, KS_ROLE_SUMMARY, 1);
        CHECK(n_role(d, KS_ROLE_SUMMARY) == 2);
        CHECK(s1 && s1->nlines == 2);
        CHECK(s2 && s2->nlines == 1 && !strstr(s2->text, "은 "));
        const ks_block *lead = find_block(d, leads[t]);
        CHECK(lead && lead->role == KS_ROLE_BODY && lead->nlines == 2);
        ks_doc_free(d);
    }
}

/* Wrapped text whose last summary item, a noun on a full line, runs into
 * the lead (govpress gold rewrapped at 38 characters: 156754278,
 * 156754246, 156754275): a lead sentence, its subject a body or one who
 * speaks for it and then the day, starts a paragraph; the same words
 * after a comma, inside a bracket the line before opened, after a
 * syllable a wrap cut off or with a subject that names no body do not. */
static void test_lead_after_summary(void)
{
    static const char *leads[] = {
        "송미령 농림축산식품부(이하 ‘농식품부’) 장관은 4월 13일(월) 오후, 충남",
        "기후에너지환경부(장관 김성환)는 4월 13일 오후 한국농수산재활용사업공제조합",
        "문지성 재정경제부 국제경제관리관은 ‵26.4.13.(월) 정부서울청사에서 외국인"};
    for (size_t t = 0; t < sizeof leads / sizeof *leads; t++) {
        ks_doc *d = lead_doc("- 첫째 요약 줄은 공공기관 개인정보 보호수준 평가계획을 확정하는 내용\n"
                             "- 시설농가 등 현장 애로사항 청취 및 농가 경영안정 위한 노력 지속 추진\n",
                             leads[t]);
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *s2 = nth_role(d, KS_ROLE_SUMMARY, 1);
        KS_CHECK(n_role(d, KS_ROLE_SUMMARY) == 2 && s2 &&
                     STREQ(s2->text, "시설농가 등 현장 애로사항 청취 및 농가 경영안정 위한 노력 지속 추진"),
                 "lead %zu: %s", t, s2 ? s2->text : "(none)");
        ks_doc_free(d);
    }
    /* a summary line without a marker (govpress 156754133 rewrapped at 28
     * characters), the head named in the bracket (S_head_at) and a year
     * for the day */
    ks_doc *d = wrapped_doc(
        PARTS("보도자료\n보도시점 2026. 4. 10.(금)\n",
              "기후에너지환경부, 추가경정예산 6,162억 원 증액 및 부처별 세부 사업 내역\n확정\n",
              "재생에너지 중심 에너지 전환과 취약계층 지원에 중점을 두는 추경 예산안 확정\n",
              "기후에너지환경부(장관 김성환)는 2026년도 부처 소관 제1회 추가경정예산이 4월\n",
              "10일 오후 국회 본회의에서 의결되어 증액으로 최종 확정되었다고 밝혔다.\n"),
        "");
    CHECK(d != NULL);
    if (d) {
        const ks_block *s1 = nth_role(d, KS_ROLE_SUMMARY, 0);
        KS_CHECK(s1 && !strstr(s1->text, "김성환"), "%s", s1 ? s1->text : "(none)");
        ks_doc_free(d);
    }
    static const char *const pairs[][2] = {
        {"□ 이러한 보호전략이 더 이상 유효하지 않은 상황에서 정부와 관계기관이 함께,",
         "김성환 장관은 지난 4월 6일 국무회의에서 전력망 기술기준의 개선을 지시했다."},
        {"□ 송미령 농림축산식품부 장관과 관계자들은 회의를 마친 뒤 농식품부(이하",
         "‘농식품부’) 장관은 4월 13일 현장을 찾아 애로사항을 들었다고 밝혔다."},
        {"□ 이러한 보호전략이 더 이상 유효하지 않은 상황에서 정부가 협의한 결과, 김",
         "성환 장관은 4월 13일 현장을 찾아 애로사항을 들었다고 밝혔다."},
        {"□ 이를 위해 관계 부처와 함께 지역별 설명회를 열고 현장 목소리 청취 추진",
         "‘길 위의 인문학’ 운영기관은 4월 13일(월)부터 5월 4일(월)까지 공모한다."}};
    for (size_t t = 0; t < sizeof pairs / sizeof *pairs; t++) {
        d = wrapped_doc(PARTS(HEAD, pairs[t][0], "\n", pairs[t][1], "\n"), "");
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *k = find_block(d, pairs[t][0] + strlen("□ "));
        KS_CHECK(k && k->nlines == 2, "pair %zu: %s", t, k ? k->text : "(none)");
        ks_doc_free(d);
    }
}

/* A release of tables (govpress 156754060.pdf.txt): its table cells,
 * narrower than the page, outnumber the full lines of its few paragraphs,
 * which are still joined. */
static void test_wrapped_tables(void)
{
    ks_buf t = {0};
    for (int r = 0; r < 30; r++) {
        ks_buf_puts(&t, "공공시스템운영기관 한국산업기술기획평가원 (4)\n");
        ks_buf_puts(&t, "19,374.5\n국회\n확정\n");
    }
    ks_doc *d = t.data ? wrapped_doc(PARTS(HEAD), t.data) : NULL;
    ks_buf_free(&t);
    CHECK(d != NULL);
    if (!d)
        return;
    size_t items;
    CHECK(whole_items(d, &items) == 6 && items == 6);
    ks_doc_free(d);
}

/* A table cell of PDF text whose lines wrapped inside a word is one block
 * (govpress 156754182.pdf.txt: "과학기술정보" / "통신부(6)"); the cells of
 * one column, printed the same way, stay apart ("정책기획관" /
 * "기획재정담당관").  Without repair nothing says where a word was cut. */
static void test_wrapped_cells(void)
{
    const char *tail = "\n기관명\n\n과학기술정보\n통신부(6)\n\n한국방송통신전파진흥원, 한국연구재단\n"
                       "\n정책기획관\n기획재정담당관\n\n";
    for (int repair = 0; repair <= 1; repair++) {
        ks_buf b = {0};
        wrapped_text(&b, PARTS(HEAD), tail);
        ks_options o;
        memset(&o, 0, sizeof o);
        o.flags = repair ? 0 : KS_OPT_NO_RESPACE;
        ks_doc *d = NULL;
        ks_error err;
        CHECK(b.data && ks_convert(&o, b.data, b.len, &d, &err) == KS_OK);
        ks_buf_free(&b);
        if (!d)
            continue;
        const ks_block *cell = find_block(d, "과학기술정보");
        CHECK(cell && streq(cell->text, repair ? "과학기술정보통신부(6)" : "과학기술정보"));
        const ks_block *a = find_block(d, "정책기획관"), *c = find_block(d, "기획재정담당관");
        CHECK(a && c && streq(a->text, "정책기획관"));
        ks_doc_free(d);
    }
}

/* A letter-spaced label pdftotext printed one syllable a paragraph
 * (govpress 156754148.pdf.txt, 156754238.pdf.txt) is one block, its
 * syllables spaced as the author spaced them: "□ 성" / "명 : 박현희",
 * "□ 학" / "력", "‣ 참" / "석" / "자 : …".  Not without a marker before it
 * or a colon after it (the syllables of a table's cells, "템" / "달"), nor
 * a word written down a column ("최" / "우" / "수", then "우" / "수"). */
static void test_spaced_labels(void)
{
    const char *tail = "\n□ 성\n\n명 : 박현희\n\n□ 학\n\n력\n\n"
                       "ㅇ 전주 전북대학교 사범대학부속고등학교\n\n"
                       "‣ 참\n\n석\n\n자 : 전기위원회 위원장, 송승호 광운대 교수\n\n"
                       "템\n\n달\n\n최\n우\n수\n\n우\n수\n\n";
    ks_doc *d = wrapped_doc(PARTS(HEAD), tail);
    CHECK(d != NULL);
    if (!d)
        return;
    const ks_block *b = find_block(d, "성");
    CHECK(b && STREQ(b->text, "성 명 : 박현희") && STREQ(b->marker, "□"));
    b = find_block(d, "학");
    CHECK(b && STREQ(b->text, "학 력") && STREQ(b->marker, "□"));
    b = find_block(d, "참");
    CHECK(b && STREQ(b->text, "참 석 자 : 전기위원회 위원장, 송승호 광운대 교수") &&
          STREQ(b->marker, "‣"));
    b = find_block(d, "템");
    CHECK(b && STREQ(b->text, "템"));
    CHECK(find_block(d, "수 우") == NULL);
    ks_doc_free(d);
}

/* Hard-wrapped text too short to tell its page width (fewer than ten
 * lines): a line goes on with the one before where the model is sure a
 * word was cut between them ("운영할 계" / "획이다.", "지원 대" / "상 기업도",
 * "늘렸다" / "고 밝혔다."), so that no word is split between two
 * paragraphs; a line that ends a sentence still ends its paragraph, and a
 * word written down a column, one syllable a line ("장" / "려"), is not
 * joined to the line above it.
 * Without repair nothing says where a word was cut.  With it, the short
 * title before them does not take in the paragraph, which ends a
 * sentence with a full stop. */
static void test_cut_words(void)
{
    const char *text = "보도자료\n\n청년 일자리 지원 확대\n\n"
                       "정부는 중소기업과 협력하여 다양한 일경험 프로그램을 운영할 계\n"
                       "획이다. 이번 사업은 전국의 청년 약 3만 명을 대상으로 하며, 지원 대\n"
                       "상 기업도 두 배로 늘어난다.\n"
                       "정부는 올해 청년 일자리 지원 예산을 늘렸다\n"
                       "고 밝혔다.\n\n"
                       "범정부 협업으로 이정표 제시\n장\n려\n";
    for (int repair = 0; repair <= 1; repair++) {
        ks_options o;
        memset(&o, 0, sizeof o);
        o.flags = repair ? 0 : KS_OPT_NO_RESPACE;
        ks_doc *d = NULL;
        ks_error err;
        CHECK(ks_convert(&o, text, strlen(text), &d, &err) == KS_OK);
        if (!d)
            continue;
        CHECK(!repair || STREQ(d->title, "청년 일자리 지원 확대"));
        const ks_block *b = find_block(d, "정부는 중소기업과");
        CHECK(b && streq(b->text, repair ? "정부는 중소기업과 협력하여 다양한 일경험 프로그램을 운영할 "
                                           "계획이다. 이번 사업은 전국의 청년 약 3만 명을 대상으로 "
                                           "하며, 지원 대상 기업도 두 배로 늘어난다."
                                         : "정부는 중소기업과 협력하여 다양한 일경험 프로그램을 운영할 계"));
        const ks_block *v = find_block(d, "범정부");
        CHECK(v && streq(v->text, "범정부 협업으로 이정표 제시"));
        const ks_block *said = find_block(d, "정부는 올해");
        CHECK(said && streq(said->text, repair ? "정부는 올해 청년 일자리 지원 예산을 늘렸다고 밝혔다."
                                               : "정부는 올해 청년 일자리 지원 예산을 늘렸다"));
        ks_doc_free(d);
    }
    /* with no title line, such a paragraph is no title either */
    const char *lead = "정부는 중소기업과 협력하여 다양한 일경험 프로그램을 운영할 계\n"
                       "획이다. 이번 사업은 전국의 청년을 대상으로 한다.\n";
    ks_options o;
    memset(&o, 0, sizeof o);
    ks_doc *d = NULL;
    ks_error err;
    CHECK(ks_convert(&o, lead, strlen(lead), &d, &err) == KS_OK);
    if (!d)
        return;
    CHECK(d->title == NULL);
    const ks_block *b = find_block(d, "정부는");
    CHECK(b && b->role == KS_ROLE_BODY && strstr(b->text, "운영할 계획이다. 이번"));
    ks_doc_free(d);
}

/* Append TEXT to B wrapped at WIDTH characters a line, as a word processor
 * that breaks lines at any syllable prints it (no line starts or ends with
 * a space); to JOINED, the same lines joined by one space. */
static void wrap_at(ks_buf *b, ks_buf *joined, const char *text, size_t width)
{
    size_t n = 0;
    for (const char *p = text; *p;) {
        size_t len = 1;
        while ((p[len] & 0xC0) == 0x80)
            len++;
        if (n == width || (*p == ' ' && n + 1 == width)) {
            ks_buf_putc(b, '\n');
            ks_buf_putc(joined, ' ');
            n = 0;
            if (*p == ' ') {
                p++;
                continue;
            }
        }
        ks_buf_append(b, p, len);
        ks_buf_append(joined, p, len);
        p += len;
        n++;
    }
    ks_buf_putc(b, '\n');
}

/* Append TEXT to B wrapped between words at WIDTH characters a line at
 * most, as a word processor that breaks lines at spaces prints it. */
static void wrap_words(ks_buf *b, const char *text, size_t width)
{
    size_t n = 0; /* characters on the line so far */
    for (const char *p = text; *p;) {
        const char *e = strchr(p, ' ');
        size_t len = e ? (size_t)(e - p) : strlen(p), chars = 0;
        for (size_t i = 0; i < len; i++)
            chars += (p[i] & 0xC0) != 0x80;
        if (n && n + 1 + chars > width) {
            ks_buf_putc(b, '\n');
            n = 0;
        } else if (n) {
            ks_buf_putc(b, ' ');
            n++;
        }
        ks_buf_append(b, p, len);
        n += chars;
        p += len + (e != NULL);
    }
    ks_buf_putc(b, '\n');
}

/* Web text that ran paragraphs into one line ("…기여했다. 한편 최우수 …",
 * govpress *.joined.txt: 12 such sentences in 10 releases, each the start
 * of a paragraph of the author's) is cut before a sentence that opens
 * with a paragraph's connective; not before "한편으로", nor after a
 * number's full stop. */
static void test_joined_openers(void)
{
    ks_doc *d = run("보도자료\n\n지원 사업 확대\n\n"
                    "정부는 올해 지원 사업을 확대한다고 밝혔다. 한편 신청은 다음 달부터 받는다. "
                    "지원 규모는 작년보다 크다. 이날 설명회도 열렸다. 반면 일부 사업은 줄었다.\n"
                    "예산은 늘었다. 한편으로 집행 점검도 강화한다. 기준 연도는 2026. 이날부터 적용한다.\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    static const char *const want[] = {
        "정부는 올해 지원 사업을 확대한다고 밝혔다.", "한편 신청은 다음 달부터 받는다. 지원 규모는 작년보다 크다.",
        "이날 설명회도 열렸다.", "반면 일부 사업은 줄었다.",
        "예산은 늘었다. 한편으로 집행 점검도 강화한다. 기준 연도는 2026. 이날부터 적용한다."};
    size_t n = sizeof want / sizeof *want;
    CHECK(n_role(d, KS_ROLE_BODY) == n);
    for (size_t k = 0; k < n; k++) {
        const ks_block *b = nth_role(d, KS_ROLE_BODY, k);
        KS_CHECK(b && STREQ(b->text, want[k]), "block %zu: %s", k, b ? b->text : "(none)");
    }
    ks_doc_free(d);
}

/* Bullets the govpress originals start paragraphs with and never use
 * inside one: ◈ (a heading's diamond, level 1), ▪ ✓ ◎ ￭ (level 2), ↳
 * (level 3): each line is an item of its own, its marker kept apart from
 * the text (29, 15, 3, 3, 4 and 1 lines of the 44 originals); and ▪ in
 * Wingdings' private-use code U+F0A7 (15 lines of 156754052) is ▪, not a
 * heading as the other private-use marks are.  The middle dots ・ and ⋅
 * first on a line are bullets as · is (13 and 7 lines of the originals
 * start so, 11 and 7 of the PDF texts: a wrap does not leave one first;
 * inside a word they join its parts). */
static void test_more_markers(void)
{
    static const struct {
        const char *line, *marker, *text;
        int level;
    } cases[] = {
        {"◈ 작업 및 야외 활동 전", "◈", "작업 및 야외 활동 전", 1},
        {"▪총지출(a+b)", "▪", "총지출(a+b)", 2},
        {"✓고용유지지원금: 고용조정이 불가피한 사업주 지원", "✓", "고용유지지원금: 고용조정이 불가피한 사업주 지원", 2},
        {"◎ 작성 개요 및 이용 시 유의사항", "◎", "작성 개요 및 이용 시 유의사항", 2},
        {"￭ 인사 말씀", "￭", "인사 말씀", 2},
        {"↳ 매출액 감소 기준을 충족하지 않더라도 지원", "↳", "매출액 감소 기준을 충족하지 않더라도 지원", 3},
        {"\xEF\x82\xA7 유급휴업 휴직지원(+1만명)", "\xEF\x82\xA7", "유급휴업 휴직지원(+1만명)", 2},
        {"・1인당 25만원 내외 지원", "・", "1인당 25만원 내외 지원", 3},
        {"⋅일반회계 세출", "⋅", "일반회계 세출", 3}};
    ks_buf b = {0};
    ks_buf_puts(&b, "보도자료\n보도시점\n2026. 4. 10.(금)\n\n표지 시험\n\n");
    ks_buf_puts(&b, "정부는 지원 대상을 넓힌다고 밝혔다.\n");
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_buf_puts(&b, cases[k].line);
        ks_buf_putc(&b, '\n');
    }
    ks_doc *d = run(b.data, 0);
    ks_buf_free(&b);
    CHECK(d != NULL);
    for (size_t k = 0; d && k < sizeof cases / sizeof *cases; k++) {
        const ks_block *x = find_block(d, cases[k].text);
        KS_CHECK(x && STREQ(x->text, cases[k].text) && STREQ(x->marker, cases[k].marker) &&
                     x->level == cases[k].level && x->kind == KS_KIND_ITEM,
                 "%s", cases[k].line);
    }
    ks_doc_free(d);

    /* ▲ under the title marks its summary, as some cities write it; ※ and
     * ☞ mark notes, no summary */
    static const struct {
        const char *mark;
        bool summary;
    } sums[] = {{"▲", true}, {"◇", true}, {"※", false}, {"☞", false}};
    for (size_t k = 0; k < sizeof sums / sizeof *sums; k++) {
        d = run_cat("보도자료\n보도일시 : 2026. 4. 13.(월)\n\n청년 주거 지원 확대\n", sums[k].mark,
                    " 월세 지원 대상 2만 명으로 늘려\n\n"
                    "□ 서울시는 13일 청년 주거 지원을 확대한다고 밝혔다.\n",
                    (const char *)NULL);
        const ks_block *x = d ? find_block(d, "월세 지원") : NULL;
        KS_CHECK(x && (x->role == KS_ROLE_SUMMARY) == sums[k].summary, "%s", sums[k].mark);
        ks_doc_free(d);
    }
}

/* A subtitle whole in its dashes on a line as wide as the page ("- 황종우
 * 해양수산부 장관, 수산단체장들과 간담회 개최 -") ends there: the lead
 * paragraph under it is not its next line (govpress 156754130 and 280
 * wrapped between words at 38 characters a line). */
static void test_dash_subtitle(void)
{
    ks_doc *d = run(
        "광부\n"
        "동정자료\n"
        "보도시점\n"
        "즉시 보도 가능\n"
        "배포\n"
        "2026. 4. 13.(월)\n"
        "부산공동어시장에서\n"
        "수산분야 현장 목소리 청취\n"
        "- 황종우 해양수산부 장관, 수산단체장들과 간담회 개최 -\n"
        "황종우 해양수산부 장관은 4월 13일(월) 부산공동어시장을 찾아\n"
        "수산물 위판 현황과 현대화사업 현장을 점검하고, 수협 조합장 등\n"
        "수산단체를 만나 간담회를 가졌다.\n"
        "황 장관은 부산공동어시장 내 새벽 경매 현장을 돌아보며 수산물 위판\n"
        "동향과 TAC 등 수산자원 모니터링 업무를 살피고, 현대화사업의\n"
        "추진상황을 점검하며 관계자들의 노고를 치하하였다. 이어서 황 장관은\n"
        "어시장의 조합공동사업법인 대표 5명 등이 참석하는 간담회를 개최하고\n"
        "부산 수산단체의 주요 현안인 면세유류 지원 상향, 수출업체·영세어업인\n"
        "지원 방안 등에 대해 논의하였다.\n"
        "황 장관은 간담회에서 “부산공동어시장은 수산물 유통의 핵심지역이며,\n"
        "현대화사업을 통해 위생적인 수산물을 공급하는 중요한 시장이 될\n"
        "것”이라고 밝히며, “안전한 공사와 적기 준공을 위한 관계기관의\n"
        "협조를 당부하면서 향후 어시장이 중앙도매시장으로 전환되는 만큼 시장의\n", 0);
    const ks_block *s1 = d ? nth_role(d, KS_ROLE_SUMMARY, 0) : NULL;
    CHECK(d && n_role(d, KS_ROLE_SUMMARY) == 1 && s1 &&
          STREQ(s1->text, "황종우 해양수산부 장관, 수산단체장들과 간담회 개최"));
    const ks_block *b = d ? find_block(d, "황종우 해양수산부 장관은 4월 13일(월)") : NULL;
    CHECK(b && b->role == KS_ROLE_BODY && strstr(b->text, "간담회를 가졌다."));
    ks_doc_free(d);
}

/* Append to B the first N code points of the phrase PH repeated, then
 * "다.": a sentence of N + 2 characters. */
static void put_sentence(ks_buf *b, const char *ph, size_t n)
{
    for (const char *p = ph; n > 0; n--) {
        if (!*p)
            p = ph;
        size_t len = 1;
        while ((p[len] & 0xC0) == 0x80)
            len++;
        ks_buf_append(b, p, len);
        p += len;
    }
    ks_buf_puts(b, "다.");
}

/* A sentence that ends a full line, wrapped at any character: the next
 * line goes on with the paragraph ("…확정되었다." / "이번 추경은 …"), but
 * not when it starts with a connective that opens a paragraph ("한편",
 * "반면", "이와 관련", "이 밖에도", "이날"; govpress 156754060, 117, 182, 194,
 * 238, 250 PDF text), and "한편으로" is no such word. */
static void test_paragraph_openers(void)
{
    static const char *const next[] = {"한편 ", "반면 ", "이와 관련 ", "이 밖에도 ", "한편, ",
                                       "이날 ", "이번 ", "한편으로 "};
    static const bool opens[] = {true, true, true, true, true, true, false, false};
    static const char *const ph = "정부는 지역 일자리 위기에 대응하기 위해 사업을 추진하고 있으며 ";
    const size_t width = 34;
    for (size_t k = 0; k < sizeof next / sizeof *next; k++) {
        ks_buf para = {0}, joined = {0}, b = {0};
        put_sentence(&para, ph, 3 * width - 2);  /* three full lines */
        ks_buf_putc(&para, ' ');
        ks_buf_puts(&para, next[k]);
        ks_buf_puts(&para, "관계부처는 후속 조치를 차질 없이 이행해 나갈 계획이다.");
        ks_buf_puts(&b, "보도자료\n보도시점\n2026. 4. 10.(금)\n\n문단 시험\n\n");
        for (int r = 0; r < 2; r++) {
            ks_buf filler = {0}, fj = {0};
            put_sentence(&filler, ph, 4 * width - 10);
            wrap_at(&b, &fj, filler.data, width);
            ks_buf_putc(&b, '\n');
            ks_buf_free(&filler);
            ks_buf_free(&fj);
        }
        wrap_at(&b, &joined, para.data, width);
        ks_doc *d = b.data ? run(b.data, 0) : NULL;
        CHECK(d != NULL);
        if (d) {
            const ks_block *k1 = find_block(d, next[k]);
            const ks_block *k0 = nth_role(d, KS_ROLE_BODY, 2);
            if (opens[k])
                KS_CHECK(k1 && k0 && strncmp(k0->text, next[k], 3) && n_role(d, KS_ROLE_BODY) == 4,
                         "%s: not a paragraph of its own", next[k]);
            else
                KS_CHECK(!k1 && n_role(d, KS_ROLE_BODY) == 3 && k0 && strstr(k0->text, next[k]),
                         "%s: a paragraph of its own", next[k]);
        }
        ks_doc_free(d);
        ks_buf_free(&para);
        ks_buf_free(&joined);
        ks_buf_free(&b);
    }
}

/* A list run inside a sentence ("△A, △B, △C 등이며") whose wrap fell
 * before an item, leaving its marker at a line's start (govpress
 * 156754117, 133, 148 and 180 PDF text): the paragraph goes on.  Wrapped
 * between words at every width from 30 to 44 characters, each paragraph
 * stays one block, and some width puts an item at a line's start after a
 * line that ends with a comma.  (At a width where every line of the ▲
 * list starts with its marker, or follows a line that ends with it, the
 * lines read as rows, as the author's rows do, and that list is not
 * checked.)  A list the author wrote a row a
 * line, each row starting with its marker and as wide as the page, stays
 * apart. */
static void test_inline_list_wrap(void)
{
    static const char *const paras[] = {
        "특별성과에 선정된 10개 국정과제는 지난해 하반기부터 올해 2월까지 추진된 △2035 국가 "
        "온실가스 감축목표 수립, △재생에너지 확대, △순환경제 구현, △수도권 생활폐기물 직매립 "
        "금지 시행, △탄소중립 산업 전환 지원 등이며, 이날 포상을 받는 공로자들은 이들 "
        "국정과제를 성공적으로 이행하고 공공의 안전 및 국민 편의 증진에 기여했다.",
        "▲ 행정고시 42회, ▲ 1975년생, ▲ 전주, ▲ 전북대사대부고, ▲ 이화여대 영어영문학과, "
        "▲ 기획재정담당관, ▲ 규제개혁법무담당관, ▲ 주벨기에대사관 특허관, ▲ "
        "국제지식재산연수원 교육기획과장, ▲ 복합상표심사팀장, ▲ 특허심판원 심판관"};
    static const char *const fill =
        "정부는 올해 지역과 청년의 일자리 위기에 선제적으로 대응하기 위해 관계부처와 함께 "
        "현장의 의견을 듣고 지원 요건을 완화하며 지원 수준을 높이는 제도개선을 추진한다고 "
        "밝혔다. 이번 개선으로 더 많은 사업주와 노동자가 지원을 받을 수 있을 것으로 "
        "기대된다.";
    size_t at_start = 0, checked = 0;
    for (size_t width = 30; width <= 44; width++) {
        /* every line of the ▲ list starts with ▲, or follows one that
         * ends with it */
        bool rows = true;
        ks_buf b = {0};
        ks_buf_puts(&b, "보도자료\n보도시점\n2026. 4. 10.(금)\n\n인라인 목록 시험\n\n");
        wrap_words(&b, fill, width);
        ks_buf_putc(&b, '\n');
        for (size_t p = 0; p < 2; p++) {
            size_t from = b.len;
            wrap_words(&b, paras[p], width);
            ks_buf_putc(&b, '\n');
            for (size_t i = from + 1; i + 3 < b.len; i++) {
                if (b.data[i - 1] != '\n')
                    continue;
                bool mark = !memcmp(b.data + i, "\xE2\x96\xB3", 3) ||
                            !memcmp(b.data + i, "\xE2\x96\xB2", 3);
                at_start += mark && b.data[i - 2] == ',';
                bool lone = i >= 4 && !memcmp(b.data + i - 4, "\xE2\x96\xB2", 3);
                rows = rows && (p == 0 || mark || lone);
            }
        }
        checked += !rows;
        wrap_words(&b, fill, width);
        ks_doc *d = b.data ? run(b.data, 0) : NULL;
        ks_buf_free(&b);
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *k = nth_role(d, KS_ROLE_BODY, 1);
        KS_CHECK(k && strstr(k->text, "추진된 △2035") &&
                     strstr(k->text, "△탄소중립 산업 전환 지원 등이며") && strstr(k->text, "기여했다."),
                 "width %zu", width);
        if (!rows) {
            KS_CHECK(n_role(d, KS_ROLE_BODY) == 4, "width %zu: %zu body blocks", width,
                     n_role(d, KS_ROLE_BODY));
            k = nth_role(d, KS_ROLE_BODY, 2);
            CHECK(k && STREQ(k->marker, "▲") && strstr(k->text, "▲ 특허심판원 심판관"));
        }
        ks_doc_free(d);
    }
    KS_CHECK(at_start >= 3 && checked >= 4, "%zu at a line's start, %zu widths checked", at_start, checked);
    /* rows a line, as wide as the page's lines */
    ks_buf b = {0};
    ks_buf_puts(&b, "보도자료\n보도시점\n2026. 4. 10.(금)\n\n인라인 목록 시험\n\n");
    wrap_words(&b, fill, 36);
    ks_buf_puts(&b, "\n▴국민취업지원제도(+801억), ▴청년일자리도약장려금(+17억),\n"
                    "▴청년고용지원인프라운영(+6억), ▴청년취업진로 및 일경험(+15억),\n"
                    "▴지역산업맞춤형일자리지원(+120억)\n\n");
    wrap_words(&b, fill, 36);
    ks_doc *d = b.data ? run(b.data, 0) : NULL;
    ks_buf_free(&b);
    CHECK(d && n_role(d, KS_ROLE_BODY) == 5);
    ks_doc_free(d);
}

/* run() on HEAD followed by PARAS[0..N) each wrapped at WIDTH characters
 * (wrap_at); JOINED[p] gets paragraph p's lines joined by one space, for
 * the caller to compare and then free (joined_free). */
static ks_doc *run_wrapped(const char *head, const char *const *paras, size_t n, size_t width,
                           ks_buf *joined)
{
    ks_buf b = {0};
    ks_buf_puts(&b, head);
    for (size_t p = 0; p < n; p++)
        wrap_at(&b, &joined[p], paras[p], width);
    ks_doc *d = b.data ? run(b.data, 0) : NULL;
    ks_buf_free(&b);
    return d;
}

static void joined_free(ks_buf *joined, size_t n)
{
    for (size_t p = 0; p < n; p++)
        ks_buf_free(&joined[p]);
}

/* Check that D (consumed) has exactly N body blocks, TEXTS[0..N). */
static void check_bodies(ks_doc *d, const char *const *texts, size_t n)
{
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(n_role(d, KS_ROLE_BODY) == n);
    for (size_t p = 0; p < n; p++) {
        const ks_block *k = nth_role(d, KS_ROLE_BODY, p);
        CHECK(k && streq(k->text, texts[p]));
    }
    ks_doc_free(d);
}

/* Append the wrapped LINES of one paragraph (freed) to PAGE as a <p> whose
 * lines a <br> ends. */
static void put_br_paragraph(ks_buf *page, ks_buf *lines)
{
    ks_buf_puts(page, "<p>");
    for (size_t i = 0; lines->data && i < lines->len; i++) {
        if (lines->data[i] != '\n')
            ks_buf_putc(page, lines->data[i]);
        else if (i + 1 < lines->len)
            ks_buf_puts(page, "<br>\n");
    }
    ks_buf_puts(page, "</p>\n");
    ks_buf_free(lines);
}

/* A paragraph of long compounds: wrapped between words in a narrow
 * column, a line before one of them ends far short of the width. */
static const char *const long_compounds =
    "정부는 올해 새로 도입하는 지역고용위기선제대응패키지사업과 청년일경험확대지원프로그램을 "
    "통해 일자리 위기에 놓인 지역과 청년을 함께 돕는다. 각 사업의 세부 내용은 "
    "고용노동부누리집공지사항에서 확인할 수 있다.";

/* Text wrapped at a width a release seldom has, a narrow column (18
 * characters, 36 columns) or a landscape page (70 characters, 140
 * columns), is rejoined into its paragraphs as at the usual widths (35).
 * (Each paragraph's last line is short at every width: one that ends a
 * sentence on a full line cannot be told from one that goes on.) */
static void test_odd_widths(void)
{
    static const char *const paras[] = {
        "고용노동부는 중동전쟁으로 인한 현장의 고용위기에 신속하게 대응하기 위해 고용유지지원금의 "
        "지원요건을 완화하고 지원 수준을 높이는 제도개선을 추진한다고 밝혔다. 이번 개선으로 매출액이 "
        "감소한 사업장도 고용조정이 불가피한 경우 지원을 받을 수 있게 되었으며 지원 기간도 늘어난다.",
        "정부는 지역 청년들이 양질의 일자리를 찾을 수 있도록 일경험 프로그램을 확대하고 중소기업과 "
        "협력하여 맞춤형 훈련과정을 운영할 계획이다. 특히 청년들이 선호하는 업종을 중심으로 참여 "
        "기업을 늘리고 참여자에게는 훈련수당과 교통비를 함께 지원하여 부담을 덜어줄 예정이다.",
        "노동부 장관은 현장의 목소리를 듣고 필요한 지원이 제때 이루어질 수 있도록 관계부처와 긴밀히 "
        "협력하겠다고 강조하였다. 아울러 지방관서별로 전담창구를 설치하여 사업주와 노동자의 문의에 "
        "신속하게 답변한다.",
        "한편 정부는 이번 대책의 효과를 점검하기 위해 매월 고용동향을 분석하고 추가 지원이 필요한 "
        "업종과 지역을 발굴하여 후속 대책을 마련할 방침이다. 관련 예산은 추가경정예산을 통해 확보하였으며 "
        "상반기 안에 집행을 마칠 수 있도록 절차를 간소화하였다."};
    const size_t widths[] = {18, 35, 70};
    for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
        ks_buf joined[4] = {{0}};
        ks_doc *d = run_wrapped("보도자료\n\n고용위기 대응 지원 강화\n\n", paras, 4, widths[w], joined);
        CHECK(d != NULL);
        if (d) {
            CHECK(n_role(d, KS_ROLE_BODY) == 4);
            for (size_t p = 0; p < 4; p++) {
                const ks_block *k = nth_role(d, KS_ROLE_BODY, p);
                CHECK(k && joined[p].data && streq(k->text, joined[p].data));
            }
            ks_doc_free(d);
        }
        joined_free(joined, 4);
    }
    /* wrapped between words in a narrow column, where a line falls short
     * of the width by up to a word, and by much of it before a long
     * compound ("…새로 도입하는" / "지역고용위기선제대응패키지사업과"): the
     * next line's first word would not have fitted after it */
    const size_t word_widths[] = {20, 28};
    for (size_t w = 0; w < sizeof word_widths / sizeof *word_widths; w++) {
        ks_buf b = {0};
        ks_buf_puts(&b, "보도자료\n\n고용위기 대응 지원 강화\n\n");
        const char *const three[] = {paras[0], long_compounds, paras[1]};
        for (size_t p = 0; p < 3; p++)
            wrap_words(&b, three[p], word_widths[w]);
        check_bodies(b.data ? run(b.data, 0) : NULL, three, 3);
        ks_buf_free(&b);
    }
}

/* Hard-wrapped text with no title: its first paragraph, wrapped over
 * more lines than a title runs (KS_TITLE_LINES), is body, even when it
 * ends with no full stop. */
static void test_long_first_unit(void)
{
    static const char *const paras[] = {
        "고용노동부는 중동전쟁으로 인한 현장의 고용위기에 신속하게 대응하기 위해 고용유지지원금의 "
        "지원요건을 완화하고 지원 수준을 높이는 제도개선을 추진하며, 그 주요 내용은 다음과 같다:",
        "정부는 지역 청년들이 양질의 일자리를 찾을 수 있도록 일경험 프로그램을 확대하고 중소기업과 "
        "협력하여 맞춤형 훈련과정을 운영할 계획이다.",
        "한편 정부는 이번 대책의 효과를 점검하기 위해 매월 고용동향을 분석하고 추가 지원이 필요한 "
        "업종과 지역을 발굴하여 후속 대책을 마련할 방침이다."};
    ks_buf joined[3] = {{0}};
    ks_doc *d = run_wrapped("", paras, 3, 18, joined);
    CHECK(d != NULL);
    if (d) {
        CHECK(d->title == NULL);
        const ks_block *k = nth_role(d, KS_ROLE_BODY, 0);
        CHECK(k && joined[0].data && streq(k->text, joined[0].data));
        ks_doc_free(d);
    }
    joined_free(joined, 3);
}

/* A web page whose article is hard-wrapped with a <br> at every line
 * (30 characters a line here): each <p> is one paragraph again, the
 * <br>s inside it are wraps (with repair the words they cut are whole);
 * the short lines of an address block, ended by <br>s too, stay lines. */
static void test_br_wrapped_page(void)
{
    static const char *const paras[] = {
        "고용노동부는 중동전쟁으로 인한 현장의 고용위기에 신속하게 대응하기 위해 고용유지지원금의 "
        "지원요건을 완화하고 지원 수준을 높이는 제도개선을 추진한다고 밝혔다.",
        "정부는 지역 청년들이 양질의 일자리를 찾을 수 있도록 일경험 프로그램을 확대하고 중소기업과 "
        "협력하여 맞춤형 훈련과정을 운영할 계획이다.",
        "노동부 장관은 현장의 목소리를 듣고 필요한 지원이 제때 이루어질 수 있도록 관계부처와 긴밀히 "
        "협력하겠다고 강조하였다.",
        "한편 정부는 이번 대책의 효과를 점검하기 위해 매월 고용동향을 분석하고 추가 지원이 필요한 "
        "업종과 지역을 발굴하여 후속 대책을 마련할 방침이다.",
        "아울러 지방관서별로 전담창구를 설치하여 사업주와 노동자의 문의에 신속하게 답변하고 제도 "
        "안내와 신청 절차를 돕는 상담을 강화하기로 하였다."};
    ks_buf page = {0}, joined[5] = {{0}};
    ks_buf_puts(&page, "<html><head><meta charset=\"utf-8\"></head><body><div class=\"view\">"
                       "<h3>고용위기 대응 지원 강화</h3>\n");
    for (size_t p = 0; p < 5; p++) {
        ks_buf lines = {0};
        wrap_at(&lines, &joined[p], paras[p], 30);
        put_br_paragraph(&page, &lines);
    }
    ks_buf_puts(&page, "<p>주소: 세종특별자치시 한누리대로 422<br>전화: 044-202-7026<br>"
                       "팩스: 044-202-7027</p></div></body></html>\n");
    for (int repair = 0; repair <= 1; repair++) {
        ks_options o;
        memset(&o, 0, sizeof o);
        o.flags = repair ? 0 : KS_OPT_NO_RESPACE;
        ks_doc *d = NULL;
        ks_error err;
        CHECK(page.data && ks_convert(&o, page.data, page.len, &d, &err) == KS_OK);
        if (!d)
            continue;
        for (size_t p = 0; p < 5; p++) {
            const ks_block *k = nth_role(d, KS_ROLE_BODY, p);
            CHECK(k && joined[p].data &&
                  streq(k->text, repair ? paras[p] : joined[p].data));
        }
        CHECK(find_block(d, "전화: 044-202-7026") && find_block(d, "팩스: 044-202-7027"));
        ks_doc_free(d);
    }
    ks_buf_free(&page);
    joined_free(joined, 5);
    /* wrapped between words at 28 characters, long compounds in one
     * paragraph: a <br> after a line far short of the width, where the
     * next word would not have fitted, is a wrap too */
    const char *const four[] = {paras[0], long_compounds, paras[1], paras[2]};
    ks_buf_puts(&page, "<html><head><meta charset=\"utf-8\"></head><body><div class=\"view\">"
                       "<h3>고용위기 대응 지원 강화</h3>\n");
    for (size_t p = 0; p < 4; p++) {
        ks_buf lines = {0};
        wrap_words(&lines, four[p], 28);
        put_br_paragraph(&page, &lines);
    }
    ks_buf_puts(&page, "</div></body></html>\n");
    check_bodies(page.data ? run(page.data, 0) : NULL, four, 4);
    ks_buf_free(&page);
}

/* Wrapped text whose centred title runs over two lines before the summary
 * bullets (govpress 156754194.pdf.txt): both lines are the title. */
static void test_wrapped_title(void)
{
    ks_doc *d = wrapped_doc(
        PARTS("보도자료\n보도시점 2026. 4. 9.(목)\n"
              "플라스틱 가공 중소기업 원가 상승 부담\n완화를 위해 대·중소기업 상생협약 체결\n"
              "- 납품대금 조정 및 조기지급, 납품기일 연장 등 대·중소기업 상생협력 추진\n"),
        "");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "플라스틱 가공 중소기업 원가 상승 부담 완화를 위해 대·중소기업 상생협약 체결"));
    const ks_block *s = find_block(d, "납품대금");
    CHECK(s && s->role == KS_ROLE_SUMMARY);
    ks_doc_free(d);
}

/* A line that ends inside a bracket it opened, the next line closing it:
 * one paragraph, whatever the lines' widths (govpress gold rewrapped at 28
 * characters: "2026. 4. 13.(월) 06:00 (월요일 석" / "간)" made "간)" the
 * title; pdftotext's table cells "(일시적 경영애로" / "및 재해중소기업)"). */
static void test_bracket_lines(void)
{
    ks_doc *d = wrapped_doc(
        PARTS("보도자료\n보도시점\n2026. 4. 13.(월) 06:00 (월요일 석\n간)\n배포\n2026. 4. 10.(금)\n"
              "플라스틱 가공 중소기업 원가 상승 부담 완화를 위한 상생협약 체결\n"
              "- 납품대금 조정 및 조기지급, 납품기일 연장 등 대·중소기업 상생협력 추진\n"),
        "긴급경영안정자금\n(일시적 경영애로\n및 재해중소기업)\n");
    CHECK(d != NULL);
    if (!d)
        return;
    KS_CHECK(STREQ(d->title, "플라스틱 가공 중소기업 원가 상승 부담 완화를 위한 상생협약 체결"), "%s",
             d->title ? d->title : "(none)");
    CHECK(STREQ(d->meta.release_date, "2026-04-13"));
    const ks_block *k = find_block(d, "(일시적");
    CHECK(k && STREQ(k->text, "(일시적 경영애로 및 재해중소기업)"));
    ks_doc_free(d);
}

/* Web text that joins the release's head and its table rows into long
 * lines (govpress *.joined.txt): the head is cut into title, subtitles
 * and body, the contact label glued to the last paragraph is cut off, a
 * row of titles and a row of numbers pair up, and of two units side by
 * side the first is the department. */
static void test_joined_text(void)
{
    ks_doc *d = run("보도자료 보도시점 (온라인,지면) 2026. 4. 10.(금) 즉시보도\n\n"
                    "2026년 행정안전부 추가경정예산 9조 4,880억원 확정 - 고유가 피해지원금 4조 "
                    "7,930억원 등 집행 예정 - 청년 일경험 사업 156억원 편성 □ 2026년 행정안전부 "
                    "제1회 추가경정예산이 4월 10일(금) 확정됐다. □ 우선, 고유가 피해 지원금이 "
                    "편성됐다.\n\n"
                    "○ 윤호중 행정안전부 장관은 “최선을 다하겠다”고 밝혔다. 담당 부서\n\n"
                    "정책기획관 기획재정담당관\n\n책임자 담당자\n\n과 장 사무관\n\n"
                    "최영범 (044-202-7026) 배 인 (044-202-7034)\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "2026년 행정안전부 추가경정예산 9조 4,880억원 확정"));
    CHECK(n_role(d, KS_ROLE_SUMMARY) == 2);
    const ks_block *s2 = nth_role(d, KS_ROLE_SUMMARY, 1);
    CHECK(s2 && STREQ(s2->text, "청년 일경험 사업 156억원 편성"));
    const ks_block *b = nth_role(d, KS_ROLE_BODY, 0);
    CHECK(b && STREQ(b->marker, "□") && !strncmp(b->text, "2026년 행정안전부 제1회", 31));
    CHECK(STREQ(d->meta.release_date, "2026-04-10"));
    CHECK(STREQ(d->meta.department, "정책기획관"));
    CHECK(d->meta.contacts.len == 2);
    const ks_contact *c0 = contact(d, 0);
    const ks_contact *c1 = contact(d, 1);
    CHECK(c0 && STREQ(c0->name, "최영범") && STREQ(c0->phone, "044-202-7026"));
    CHECK(c1 && STREQ(c1->name, "배인") && STREQ(c1->phone, "044-202-7034"));
    b = find_block(d, "윤호중 행정안전부");
    CHECK(b && b->role == KS_ROLE_BODY && !strstr(b->text, "담당 부서"));
    ks_doc_free(d);

    /* a title on a line of its own: a body paragraph with " - " in it is
     * not cut */
    d = run("보도자료\n보도시점 2026. 4. 10.(금)\n짧은 제목\n"
            "국토교통부는 서울 - 부산 구간의 공사를 마치고 개통식을 열었다고 밝혔다. 이번 "
            "개통으로 이동 시간이 줄어든다.\n",
            0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "짧은 제목"));
    CHECK(n_role(d, KS_ROLE_SUMMARY) == 0);
    b = find_block(d, "국토교통부는 서울 - 부산");
    CHECK(b && b->role == KS_ROLE_BODY);
    ks_doc_free(d);
}

/* The issuer named in the lead with its head in parentheses, a city's
 * too (the 광주광역시 board page: "광주광역시(시장 강기정)는"), before a
 * ministry named later with a title after it ("중소벤처기업부장관 표창"). */
static void test_lead_organization(void)
{
    static const struct {
        const char *lead, *org;
    } cases[] = {{"광주광역시(시장 강기정)는", "광주광역시"},
                 {"서울특별시(시장 오세훈)는", "서울특별시"},
                 {"산림청(청장 박은식)은", "산림청"},
                 {"고용노동부(이하 노동부)는", "고용노동부"},
                 /* a title word ending in 관 after the issuer (viewer 156754275) */
                 {"문지성 재정경제부 국제경제관리관은", "재정경제부"},
                 /* "역시" ("as expected") is no city */
                 {"올해도 역시(예년처럼)", "중소벤처기업부"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_doc *d = run_cat("인공지능인들, 상생발전 다짐\n\n▸ 인공지능인의 날 150여명 참여\n\n",
                            cases[k].lead,
                            " 5일 북구에서 인공지능인의 날 행사를 열고 지역 인공지능산업 발전에 "
                            "기여한 종사자들을 격려했다.\n\n이날 행사에는 관계자 150여명이 참석했다.\n\n"
                            "유공자 두 명이 중소벤처기업부장관 표창을 받았다.\n", NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        CHECK(STREQ(d->meta.organization, cases[k].org));
        ks_doc_free(d);
    }
}

/* A board page's neighbour links, copied as text: the label and the date
 * come off the title ("이전글 … 2025-12-05", "다음글 : … 2025.12.06"). */
static void test_neighbour_links(void)
{
    ks_doc *d = run("광주 인공지능인들, 상생발전 다짐\n\n"
                    "광주광역시(시장 강기정)는 5일 북구에서 인공지능인의 날 행사를 열고 지역 "
                    "인공지능산업 발전에 기여한 종사자들을 격려했다.\n\n"
                    "이날 행사에는 관계자 150여명이 참석했다.\n\n"
                    "이전글 광주시, 관광공사 사장 후보에 정재영씨 내정 2025-12-05\n"
                    "다음글 : 광주시, 겨울 축제 개막 2025.12.06\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(d->meta.related.len == 2);
    if (d->meta.related.len == 2) {
        const ks_related *a = &KS_AT(d->meta.related, ks_related, 0);
        const ks_related *b = &KS_AT(d->meta.related, ks_related, 1);
        CHECK(STREQ(a->title, "광주시, 관광공사 사장 후보에 정재영씨 내정") &&
              STREQ(a->date, "2025-12-05") && a->number == -1 && a->views == -1);
        CHECK(STREQ(b->title, "광주시, 겨울 축제 개막") && STREQ(b->date, "2025-12-06"));
    }
    ks_doc_free(d);
}

/* The last resort (korea.kr's DataContents page of a 금융위원회 release,
 * no header, a lead without the issuer's head): the institution the body
 * makes its topic twice or more; once is not enough. */
static void test_topic_organization(void)
{
    static const char *const body =
        "[1] 소액공모 범위 확대 : 10억원 미만 → 30억원 미만\n\n"
        "소액공모 기준은 '09년 설정된 이후 유지되고 있다. 이에 금융위원회는 기준을 확대하는 "
        "방안을 발표했다.\n\n한국거래소는 상장 심사를 맡는다.\n\n";
    static const struct {
        const char *more, *org;
    } cases[] = {{"금융위원회는 투자자 수 산정 방안을 추진한다.\n", "금융위원회"},
                 {"투자자 수 산정 방안을 추진한다.\n", NULL}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_doc *d = run_cat("중소·벤처기업 공시부담 완화 등을 위한 자본시장법 시행령 개정 추진\n\n",
                            body,
                            cases[k].more, NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        CHECK(cases[k].org ? STREQ(d->meta.organization, cases[k].org) : !d->meta.organization);
        ks_doc_free(d);
    }
}

/* The issuer in web text: a logo joined to the kind word ("보도자료
 * 개인정보보호위원회"), or the first of two contact cells joined
 * ("국무조정실 안전환경에너지정책관실"); a unit ending in 실 is no issuer. */
static void test_joined_organization(void)
{
    ks_doc *d = run("보도자료 개인정보보호위원회\n보도시점 2026. 4. 13.(월)\n제목 줄\n"
                    "□ 본문이다.\n",
                    0);
    CHECK(d && STREQ(d->meta.organization, "개인정보보호위원회"));
    ks_doc_free(d);
    /* the department: the cell as printed; in web text, where a line
     * between blank lines may be two cells joined, the unit after an
     * issuer's cell */
    static const struct {
        const char *cell, *org, *dept, *dept_web;
    } cases[] = {{"국무조정실 안전환경에너지정책관실", "국무조정실", "국무조정실 안전환경에너지정책관실",
                  "안전환경에너지정책관실"},
                 {"외교부 카리브중남미협력과", "외교부", "외교부 카리브중남미협력과", "카리브중남미협력과"},
                 {"기획조정실 기획재정담당관", NULL, "기획조정실", "기획조정실"},
                 {"법무부 검찰국 검찰과", "법무부", "법무부 검찰국 검찰과", "법무부 검찰국 검찰과"},
                 {"재난대응반", NULL, "재난대응반", "재난대응반"}};
    for (size_t k = 0; k < 2 * (sizeof cases / sizeof *cases); k++) {
        size_t c = k / 2;
        const char *sep = k % 2 ? "\n\n" : "\n";
        ks_buf b = {0};
        ks_buf_puts(&b, "보도자료\n보도시점 2026. 4. 13.(월)\n화재 관련 긴급지시\n"
                        "□ 현장 수습에 만전을 기하라고 지시했다.\n담당 부서");
        const char *rest[] = {cases[c].cell, "책임자", "팀 장", "장준경", "(044-200-2363)"};
        for (size_t r = 0; r < sizeof rest / sizeof *rest; r++) {
            ks_buf_puts(&b, sep);
            ks_buf_puts(&b, rest[r]);
        }
        ks_buf_puts(&b, "\n");
        d = b.data ? run(b.data, 0) : NULL;
        ks_buf_free(&b);
        CHECK(d != NULL);
        if (!d)
            continue;
        CHECK(cases[c].org ? STREQ(d->meta.organization, cases[c].org) : !d->meta.organization);
        CHECK(STREQ(d->meta.department, k % 2 ? cases[c].dept_web : cases[c].dept));
        ks_doc_free(d);
    }
}

/* A department cell without its "담당 부서" label before the role label
 * (web text of govpress 156754155): the department, not a body paragraph;
 * not a numbered heading there, nor where the document prints the label. */
static void test_unlabelled_unit(void)
{
    static const struct {
        const char *before, *after, *dept;
    } cases[] = {{"지식재산처 지식재산분쟁대응협력총괄과", "", "지식재산분쟁대응협력총괄과"},
                 {"3. 2025년 참진드기 발생 감시결과", "", NULL},
                 {"지식재산처 지식재산분쟁대응협력총괄과", "담당 부서\n\n정책기획관\n\n", "정책기획관"},
                 /* web text: an issuer's cell joined to its unit's (one
                  * line between blank lines, the page did not wrap) */
                 {"국무조정실 안전환경에너지정책관실", "", "안전환경에너지정책관실"}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_doc *d = run_cat("K-브랜드 정부인증제도 도입\n\n"
                            "지식재산처(처장 김용선)는 수출 중소기업 지원을 위해 추가경정예산 95억원을 "
                            "확보했다고 밝혔다.\n\n",
                            cases[k].before,
                            "\n\n책임자\n\n과\n\n장\n\n정경훈 (042-481-1500)\n\n",
                            cases[k].after, NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        CHECK(cases[k].dept ? STREQ(d->meta.department, cases[k].dept) : !d->meta.department);
        bool in_body = false;
        for (size_t i = 0; i < d->blocks.len; i++) {
            const ks_block *blk = &KS_AT(d->blocks, ks_block, i);
            in_body |= blk->role == KS_ROLE_BODY && STREQ(blk->text, cases[k].before);
        }
        CHECK(in_body == (k == 1 || k == 2));
        CHECK(d->meta.contacts.len == 1 && STREQ(contact(d, 0)->name, "정경훈"));
        ks_doc_free(d);
    }
}

/* The contact table as korea.kr's viewer prints it, fields on one line. */
/* A contact on one line after a label, as cities and agencies print it:
 * the unit, title, name and number are read from the line, each number
 * closing a contact; a sentence that opens with the label's word, or a
 * label with no number after it, is no such line. */
static void test_one_line_contacts(void)
{
    static const struct {
        const char *line, *dept, *name, *title, *phone, *email;
    } cases[] = {
        {"문의: 주택정책과 홍길동 02-2133-1234", "주택정책과", "홍길동", NULL, "02-2133-1234", NULL},
        {"문의 : 주택정책과 홍길동 (02-2133-1234)", "주택정책과", "홍길동", NULL, "02-2133-1234",
         NULL},
        {"담당: 복지정책과 팀장 김철수 ☎ 062-613-1234", "복지정책과", "김철수", "팀장",
         "062-613-1234", NULL},
        {"[문의] 시민소통과 이영희 주무관 053-803-1234", "시민소통과", "이영희", "주무관",
         "053-803-1234", NULL},
        {"※ 담당자 : 교통정책과 박민수(☏ 031-120-1234)", "교통정책과", "박민수", NULL,
         "031-120-1234", NULL},
        {"【자료문의】 복지정책과 김철수 062-613-1234, kcs@gwangju.go.kr", "복지정책과", "김철수",
         NULL, "062-613-1234", "kcs@gwangju.go.kr"},
        {"<문의> 서울시 주택정책실 주택정책과 전화 02-2133-1234", "주택정책실 주택정책과", NULL,
         NULL, "02-2133-1234", NULL},
        {"연락처: 민원실 1588-1234", "민원실", NULL, NULL, "1588-1234", NULL},
        /* a member's office: its name, not a person in it */
        {"문의: 홍길동 의원실 02-784-1234", "홍길동 의원실", NULL, NULL, "02-784-1234", NULL},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_doc *d = run_cat("서울시, 청년 주거 지원 확대\n\n",
                            "서울시는 3일 청년 주거 지원을 확대한다고 밝혔다.\n\n", cases[k].line,
                            "\n", (const char *)NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_contact *c = contact(d, 0);
        KS_CHECK(d->meta.contacts.len == 1 && c && STREQ(c->department, cases[k].dept) &&
                     (cases[k].name ? STREQ(c->name, cases[k].name) : !c->name) &&
                     (cases[k].title ? STREQ(c->title, cases[k].title) : !c->title) &&
                     STREQ(c->phone, cases[k].phone) &&
                     (cases[k].email ? STREQ(c->email, cases[k].email) : !c->email),
                 "%s: %zu contacts, the first %s %s %s", cases[k].line, d->meta.contacts.len,
                 c && c->department ? c->department : "-", c && c->name ? c->name : "-",
                 c && c->phone ? c->phone : "-");
        KS_CHECK(STREQ(d->meta.department, cases[k].dept), "%s: department %s", cases[k].line,
                 d->meta.department ? d->meta.department : "(none)");
        ks_doc_free(d);
    }

    /* two on a line: the unit holds for both */
    ks_doc *d = run("서울시는 3일 청년 주거 지원을 확대한다고 밝혔다.\n\n"
                    "※ 문의: 주택정책과 홍길동(02-2133-1234), 김철수(02-2133-1235)\n",
                    0);
    CHECK(d && d->meta.contacts.len == 2);
    if (d && d->meta.contacts.len == 2) {
        check_contact(d, 0, "홍길동", NULL, "02-2133-1234");
        check_contact(d, 1, "김철수", NULL, "02-2133-1235");
        CHECK(STREQ(contact(d, 1)->department, "주택정책과"));
    }
    ks_doc_free(d);

    /* a line of more contacts after it: the same unit */
    d = run("서울시는 3일 청년 주거 지원을 확대한다고 밝혔다.\n\n"
            "문의: 주택정책과 홍길동 02-2133-1234\n김철수 주무관 02-2133-1235\n",
            0);
    CHECK(d && d->meta.contacts.len == 2);
    if (d && d->meta.contacts.len == 2) {
        check_contact(d, 1, "김철수", "주무관", "02-2133-1235");
        CHECK(STREQ(contact(d, 1)->department, "주택정책과"));
    }
    ks_doc_free(d);

    /* the same person at the same number again: one contact, with the
     * title the second printing gives */
    d = run("서울시는 3일 청년 주거 지원을 확대한다고 밝혔다.\n\n"
            "문의: 주택정책과 홍길동 02-2133-1234\n\n"
            "※ 담당: 주택정책과 주무관 홍길동 02-2133-1234\n",
            0);
    CHECK(d && d->meta.contacts.len == 1);
    if (d && d->meta.contacts.len == 1)
        check_contact(d, 0, "홍길동", "주무관", "02-2133-1234");
    ks_doc_free(d);

    /* no such line: the word in a sentence, a label without a number */
    static const char *const not_contacts[] = {
        "문의가 많아 상담 창구를 02-2133-1234 번호로 늘렸다.",
        "문의: 주택정책과",
        "담당 공무원은 현장에 나가 있다.",
    };
    for (size_t k = 0; k < sizeof not_contacts / sizeof *not_contacts; k++) {
        d = run_cat("서울시는 3일 청년 주거 지원을 확대한다고 밝혔다.\n\n", not_contacts[k], "\n",
                    (const char *)NULL);
        KS_CHECK(d && d->meta.contacts.len == 0, "%s: %zu contacts", not_contacts[k],
                 d ? d->meta.contacts.len : 0);
        ks_doc_free(d);
    }
}

/* D's title, the summary block that opens with SUMMARY, its release date
 * and its department (NULL: none) are these. */
static void check_head(const ks_doc *d, const char *title, const char *summary, const char *date,
                       const char *dept)
{
    const ks_block *sum = find_block(d, summary);
    KS_CHECK(STREQ(d->title, title), "title %s", d->title ? d->title : "(none)");
    KS_CHECK(sum && sum->role == KS_ROLE_SUMMARY, "%s: no summary", summary);
    KS_CHECK(STREQ(d->meta.release_date, date), "date %s",
             d->meta.release_date ? d->meta.release_date : "(none)");
    KS_CHECK(dept ? STREQ(d->meta.department, dept) : !d->meta.department, "department %s",
             d->meta.department ? d->meta.department : "(none)");
}

/* A board page copied as text: the title, the board's line of fields,
 * the article.  The line is the header: its date the release date, its
 * unit the department (not a person's name); the line before it the
 * title, the summary and body after it. */
static void test_board_fields(void)
{
    static const struct {
        const char *fields, *date, *dept;
    } cases[] = {
        {"작성자 : 주택정책과   등록일 : 2026-04-13   조회수 : 152", "2026-04-13", "주택정책과"},
        {"작성일 : 2026-04-13 17:09", "2026-04-13", NULL},
        {"담당부서 : 주택정책과 | 등록일 : 2026.04.13 | 조회 : 152", "2026-04-13", "주택정책과"},
        {"작성자 : 홍길동 등록일 : 2026-04-13 조회 : 7", "2026-04-13", NULL},
        {"부서 : 서울시 주택정책과 게시일 : 2026-04-13", "2026-04-13", "서울시 주택정책과"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_doc *d = run_cat("청년 주거 지원 확대\n", cases[k].fields,
                            "\n\n- 월세 지원 대상 2만 명으로 늘려\n\n"
                            "서울시는 3일 청년 주거 지원을 확대한다고 밝혔다.\n",
                            (const char *)NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        check_head(d, "청년 주거 지원 확대", "월세 지원", cases[k].date, cases[k].dept);
        const ks_block *body = find_block(d, "서울시는 3일");
        KS_CHECK(body && body->role == KS_ROLE_BODY, "%s: body", cases[k].fields);
        ks_doc_free(d);
    }
    /* the same page as HTML: the reader gives the title and the fields;
     * a marked line opening the article is its summary */
    ks_doc *h = run("<html><head><meta charset=\"utf-8\"></head><body><table class=\"board_view\">"
                    "<tr><th>제목</th><td colspan=\"3\">청년 주거 지원 확대</td></tr>"
                    "<tr><th>작성자</th><td>주택정책과</td><th>등록일</th><td>2026-04-13</td></tr>"
                    "<tr><td colspan=\"4\"><p>- 월세 지원 대상 2만 명으로 늘려</p>"
                    "<p>서울시는 3일 청년 주거 지원을 확대한다고 밝혔다.</p></td></tr>"
                    "</table></body></html>",
                    0);
    CHECK(h && STREQ(h->title, "청년 주거 지원 확대"));
    const ks_block *hs = h ? find_block(h, "월세 지원") : NULL;
    const ks_block *hb = h ? find_block(h, "서울시는 3일") : NULL;
    CHECK(hs && hs->role == KS_ROLE_SUMMARY && hb && hb->role == KS_ROLE_BODY);
    ks_doc_free(h);

    /* one field that names no date is no such line: a title goes on */
    ks_doc *d = run("청년 주거 지원 확대\n조회수 : 152\n\n서울시는 3일 지원을 확대한다고 밝혔다.\n", 0);
    CHECK(d && !d->meta.release_date);
    ks_doc_free(d);
}

/* A city's release prints its contacts in the header, before the title:
 * the unit on its label's line, a title before a name.  The contacts are
 * read; the title and the summary after them are found. */
static void test_header_contacts(void)
{
    ks_doc *d = run("보 도 자 료\n보도일시 : 2026. 4. 13.(월) 조간\n"
                    "담당부서 : 서울시 주택정책실 주택정책과\n"
                    "과장 : 김영수 (02-2133-7000)\n담당 : 홍길동 (02-2133-7001)\n\n"
                    "서울시, 청년 월세 지원 2만 명으로 확대\n"
                    "- 소득 기준 완화하고 지원 기간 최대 12개월로 늘려\n\n"
                    "□ 서울시는 청년 월세 지원 대상을 2만 명으로 늘린다고 13일 밝혔다.\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    check_head(d, "서울시, 청년 월세 지원 2만 명으로 확대", "소득 기준", "2026-04-13",
               "서울시 주택정책실 주택정책과");
    CHECK(d->meta.contacts.len == 2);
    check_contact(d, 0, "김영수", "과장", "02-2133-7000");
    check_contact(d, 1, "홍길동", NULL, "02-2133-7001");
    CHECK(contact(d, 0) && STREQ(contact(d, 0)->department, "서울시 주택정책실 주택정책과"));
    CHECK(contact(d, 1) && STREQ(contact(d, 1)->department, "서울시 주택정책실 주택정책과"));
    ks_doc_free(d);
}

/* A header of a kind line with the issuer's name, a date with no label
 * and a one-line contact: the date is the release's, the province the
 * organization, and the title and summary follow the header. */
static void test_kind_date_header(void)
{
    ks_doc *d = run("경기도 보도자료\n2026. 4. 13.(월) 배포 즉시 보도\n"
                    "문의: 경제정책과 팀장 홍길동 031-8008-1234\n\n"
                    "경기도, 소상공인 긴급경영자금 1천억 원 지원\n\n"
                    "- 업체당 최대 2천만 원, 연 1.5% 저금리\n\n"
                    "경기도는 소상공인에게 긴급경영자금을 지원한다고 13일 밝혔다.\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    check_head(d, "경기도, 소상공인 긴급경영자금 1천억 원 지원", "업체당", "2026-04-13", "경제정책과");
    CHECK(STREQ(d->meta.organization, "경기도"));
    CHECK(d->meta.contacts.len == 1);
    check_contact(d, 0, "홍길동", "팀장", "031-8008-1234");
    ks_doc_free(d);
    /* an issuer no rule knows before 보도자료, and the labels of the date
     * printed otherwise: 보도일, 배포일, a label a wrap spaced */
    static const struct {
        const char *line, *role;
    } labels[] = {{"배포일: 2026년 4월 13일(월)", "distribution"},
                  {"보도일 : 2026. 4. 13.", "release"},
                  {"보도 일자 : 2026. 4. 13.(월)", "release"},
                  {"보도: 2026. 4. 13.(월) 조간", "release"}};
    for (size_t k = 0; k < sizeof labels / sizeof *labels; k++) {
        d = run_cat("국회의원 홍길동 보도자료\n", labels[k].line,
                    "\n\n홍길동 의원, 청년 주거 지원법 대표 발의\n\n"
                    "□ 홍길동 의원은 13일 청년 주거 지원법을 대표 발의했다고 밝혔다.\n",
                    (const char *)NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        KS_CHECK(STREQ(d->title, "홍길동 의원, 청년 주거 지원법 대표 발의"), "%s: title %s",
                 labels[k].line, d->title ? d->title : "(none)");
        /* no other line names the issuer: the kind line's, as printed */
        KS_CHECK(STREQ(d->meta.organization, "국회의원 홍길동"), "%s: organization %s",
                 labels[k].line, d->meta.organization ? d->meta.organization : "(none)");
        KS_CHECK(STREQ(d->meta.release_date, "2026-04-13") && d->meta.dates.len == 1 &&
                     STREQ(KS_AT(d->meta.dates, ks_date, 0).role, labels[k].role),
                 "%s: %s", labels[k].line, d->meta.release_date ? d->meta.release_date : "(none)");
        ks_doc_free(d);
    }
    /* a word that merely ends in 도 is no province */
    d = run("제도 보도자료\n\n속도 개선 추진\n\n제도는 개선된다고 밝혔다.\n", 0);
    CHECK(d && !STREQ(d->meta.organization, "제도"));
    ks_doc_free(d);
    /* a word of the kind is no issuer */
    d = run("공동 보도자료\n\n청년 주거 지원 확대\n\n청년 주거 지원을 확대한다.\n", 0);
    CHECK(d && !d->meta.organization);
    ks_doc_free(d);
}

/* A 해명자료: its title says 보도 ("… 보도 관련 해명"), which is no value
 * of the label above it, and its contact line has no colon. */
/* A board's kind tag before the title ("[보도자료] …") is no part of it:
 * the title without it, the tag among the metadata's lines; a bracket
 * that is no kind stays ("[서울시] …"). */
static void test_title_tag(void)
{
    static const struct {
        const char *line, *title, *tag;
    } cases[] = {
        {"[보도자료] 서울시, 청년 월세 지원 확대", "서울시, 청년 월세 지원 확대", "[보도자료]"},
        {"(보도참고) 서울시, 청년 월세 지원 확대", "서울시, 청년 월세 지원 확대", "(보도참고)"},
        {"<보도참고자료> 서울시, 청년 월세 지원 확대", "서울시, 청년 월세 지원 확대",
         "<보도참고자료>"},
        {"[서울시] 청년 월세 지원 확대", "[서울시] 청년 월세 지원 확대", NULL},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_doc *d = run_cat(cases[k].line,
                            "\n\n□ 서울시는 청년 월세 지원을 확대한다고 3일 밝혔다.\n\n"
                            "○ 지원 대상은 만 19~39세 청년이다.\n",
                            (const char *)NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        KS_CHECK(STREQ(d->title, cases[k].title), "%s: title %s", cases[k].line,
                 d->title ? d->title : "(none)");
        const ks_block *tag = find_block(d, cases[k].tag ? cases[k].tag : "[서울시]");
        if (cases[k].tag)
            CHECK(tag && tag->role == KS_ROLE_META && STREQ(tag->text, cases[k].tag));
        else
            CHECK(tag && tag->role == KS_ROLE_TITLE);
        ks_doc_free(d);
    }
}

static void test_rebuttal_header(void)
{
    ks_doc *d = run("해명자료\n보도일시 2026. 5. 7.(목) 즉시 보도\n"
                    "담당부서 주택정책과 과장 홍길동 (044-201-3301)\n\n"
                    "「청년 전세대출 중단」 보도 관련 해명\n\n[해명 내용]\n"
                    "○ 정부는 청년 전세대출을 중단할 계획이 없으며, 예산을 차질 없이 집행할 "
                    "예정임\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    KS_CHECK(STREQ(d->title, "「청년 전세대출 중단」 보도 관련 해명"), "title %s",
             d->title ? d->title : "(none)");
    CHECK(STREQ(d->meta.release_date, "2026-05-07"));
    CHECK(STREQ(d->meta.department, "주택정책과"));
    CHECK(d->meta.contacts.len == 1);
    check_contact(d, 0, "홍길동", "과장", "044-201-3301");
    ks_doc_free(d);
    /* the unit on its label's line without a colon: the department,
     * the contacts' unit and the issuer */
    d = run("보도참고자료\n보도일시 2026. 6. 11.(목) 조간\n\n여름철 폭염 대비 취약계층 보호대책 추진\n\n"
            "○ 무더위쉼터를 5만 곳으로 확대 운영한다.\n\n"
            "담당 부서 행정안전부 기후재난대응과\n책임자 과장 김영수 (044-205-5150)\n"
            "담당자 사무관 박지은 (044-205-5151)\n",
            0);
    CHECK(d != NULL);
    if (d) {
        CHECK(STREQ(d->meta.organization, "행정안전부"));
        CHECK(STREQ(d->meta.department, "행정안전부 기후재난대응과"));
        CHECK(d->meta.contacts.len == 2 &&
              STREQ(contact(d, 1)->department, "행정안전부 기후재난대응과"));
    }
    ks_doc_free(d);
    /* a short value under its label still is one */
    d = run("보도자료\n보도시점\n배포 즉시 보도\n\n청년 전세대출 지원 확대\n\n"
            "○ 정부는 청년 전세대출을 확대한다.\n",
            0);
    CHECK(d && STREQ(d->title, "청년 전세대출 지원 확대"));
    ks_doc_free(d);
}

static void test_viewer_contacts(void)
{
    ks_doc *d = run("□ 행정안전부는 추경예산을 확정했다.\n\n담당 부서\n\n"
                    "- 담당 부서: 기획조정실 / 책임자 과장 신지혜 / (044-205-1401)\n\n"
                    "- 기획재정담당관: 담당자 / 사무관 서민호\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->meta.department, "기획조정실"));
    CHECK(d->meta.contacts.len == 2);
    const ks_contact *c0 = contact(d, 0);
    const ks_contact *c1 = contact(d, 1);
    CHECK(c0 && STREQ(c0->name, "신지혜") && STREQ(c0->title, "과장") &&
          STREQ(c0->phone, "044-205-1401") && STREQ(c0->department, "기획조정실"));
    CHECK(c1 && STREQ(c1->name, "서민호") && STREQ(c1->title, "사무관") && !c1->phone &&
          STREQ(c1->department, "기획재정담당관"));
    ks_doc_free(d);

    /* the viewer's row with its cells joined by spaces only (govpress
     * 156754124.viewer.txt): the issuer's cell is no part of the department */
    d = run("□ 모집공고의 자세한 내용은 누리집을 참고한다.\n\n"
            "담당 기관 중소벤처기업부 대외환경대응과 책임자 과장 예우영 (044-204-7444)\n\n"
            "담당자 사무관 이경규 (044-204-7438)\n",
            0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->meta.department, "대외환경대응과"));
    CHECK(d->meta.contacts.len == 2);
    c0 = contact(d, 0);
    CHECK(c0 && STREQ(c0->name, "예우영") && STREQ(c0->title, "과장") &&
          STREQ(c0->phone, "044-204-7444") &&
          STREQ(c0->department, "중소벤처기업부 대외환경대응과"));
    /* the row's unit holds for the contact lines after it */
    CHECK(contact(d, 1) && STREQ(contact(d, 1)->name, "이경규") &&
          STREQ(contact(d, 1)->department, "중소벤처기업부 대외환경대응과"));
    ks_doc_free(d);

    /* a unit longer than any department (the fuzzer's case: it overran a
     * buffer): the contact without it */
    ks_buf b = {0};
    ks_buf_puts(&b, "□ 본문.\n\n담당 부서\n\n- ");
    for (int i = 0; i < 60; i++)
        ks_buf_puts(&b, "가");
    ks_buf_puts(&b, ": 책임자 / 과장 신지혜\n");
    d = b.data ? run(b.data, 0) : NULL;
    ks_buf_free(&b);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(d->meta.contacts.len == 1 && STREQ(contact(d, 0)->name, "신지혜") &&
          !contact(d, 0)->department);
    ks_doc_free(d);

    /* the issuer in the department field: the whole unit, else its first
     * word; a unit of a ministry names none */
    static const struct {
        const char *unit, *org;
    } cases[] = {{"국무조정실", "국무조정실"},
                 {"법무부 검찰국 검찰과", "법무부"},
                 {"기획조정실", NULL}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_buf_puts(&b, "□ 화재 현장 수습에 최선을 다하라고 지시했다.\n\n담당 부서\n\n- 담당 부서: ");
        ks_buf_puts(&b, cases[k].unit);
        ks_buf_puts(&b, " / 책임자 팀 장 장준경 / (044-200-2363)\n");
        d = b.data ? run(b.data, 0) : NULL;
        ks_buf_free(&b);
        CHECK(d != NULL);
        if (!d)
            continue;
        CHECK(cases[k].org ? STREQ(d->meta.organization, cases[k].org) : !d->meta.organization);
        ks_doc_free(d);
    }
}

/* A paragraph of the body that pdftotext printed between the header and
 * the title (govpress 156754278.pdf.txt): it stays body, the unit after it
 * is the title.  A two-line title that ends in "!" is still the title. */
static void test_displaced_paragraph(void)
{
    ks_doc *d = wrapped_doc(
        PARTS("보도자료\n보도시점 2026. 4. 13.(월)\n\n"
              "반영되어 중동사태로 어려움이 큰 우리 농업인들에 조금이라도 보탬이 될\n"
              "수 있어 다행”이라고 하면서, “앞으로도 현장 상황을 지속 모니터링 해나가며\n"
              "최선을 다할 계획”이라고 하였다.\n\n"
              "면세유 이용 현장 및 시설채소 생육동향 점검\n"
              "- 농림축산식품부 장관, 추경 반영 면세유 유가연동 보조금 대상 현장 방문\n\n"),
        "");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "면세유 이용 현장 및 시설채소 생육동향 점검"));
    const ks_block *b = find_block(d, "반영되어");
    CHECK(b && b->role == KS_ROLE_BODY && b->nlines == 3);
    const ks_block *s = find_block(d, "농림축산식품부 장관");
    CHECK(s && s->role == KS_ROLE_SUMMARY);
    ks_doc_free(d);

    d = wrapped_doc(PARTS("보도자료\n보도시점 2026. 4. 13.(월)\n\n"
                          "중기부, 탄소 감축 희망 공급망 내 협력기업에\n"
                          "에너지 고효율・탄소 저감 설비 구축 지원한다!\n\n"
                          "- 탄소중립 설비투자 지원 사업 공급망 트랙 지원기업 30개사 모집\n\n"),
                    "");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "중기부, 탄소 감축 희망 공급망 내 협력기업에 에너지 고효율・탄소 저감 설비 "
                          "구축 지원한다!"));
    ks_doc_free(d);
}

/* A page number inside the contact block (govpress 156754060.pdf.txt):
 * the names and phones after it are still contacts. */
static void test_contact_page_break(void)
{
    ks_doc *d = wrapped_doc(PARTS(HEAD),
                            "담당 부서\n\n기획조정실\n기획재정담당관\n\n책임자\n담당자\n\n- 1 -\n\n"
                            "과 장\n사무관\n\n이하녕 (044-204-7320)\n강해준 (044-204-7321)\n");
    CHECK(d != NULL);
    if (!d)
        return;
    bool found = false;
    for (size_t i = 0; i < d->meta.contacts.len; i++) {
        const ks_contact *k = &KS_AT(d->meta.contacts, ks_contact, i);
        if (k->name && !strcmp(k->name, "이하녕"))
            found = k->phone && !strcmp(k->phone, "044-204-7320");
    }
    CHECK(found);
    const ks_block *pg = find_block(d, "- 1 -");
    CHECK(pg && pg->role == KS_ROLE_RESIDUE);
    CHECK(find_block(d, "이하녕") == NULL || find_block(d, "이하녕")->role == KS_ROLE_META);
    ks_doc_free(d);
    /* the page's last line of body text, which pdftotext printed into the
     * table before the page's number (156754124.pdf.txt), stays body
     * text and does not end the block */
    d = wrapped_doc(PARTS(HEAD), "담당 기관\n\n중소벤처기업부\n대외환경대응과\n\n책임자\n담당자\n\n"
                                 "또한 절실해지고 있다.\n- 1 -\n\n- 2 -\n\n과 장\n\n예우영\n\n"
                                 "(044-204-7444)\n\n사무관\n\n이경규\n\n(044-204-7438)\n");
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(d->meta.contacts.len == 2);
    check_contact(d, 0, "예우영", "과장", "044-204-7444");
    check_contact(d, 1, "이경규", "사무관", "044-204-7438");
    const ks_block *line = find_block(d, "또한 절실해지고 있다.");
    CHECK(line && line->role == KS_ROLE_BODY);
    ks_doc_free(d);
}

/* Wrapped text: a "【관련 국정과제】" label after the last summary line is
 * not part of it (govpress 156754143.pdf.txt), and the closing dash of a
 * "- … -" line alone on the next line is residue (156754246.pdf.txt). */
static void test_summary_ends(void)
{
    ks_doc *d = wrapped_doc(
        PARTS(HEAD, "- 사업 선정 기관‧기업에 대한 전문가 진단 및 우수 성과기관 포상 실시 예정인\n"
                    "【관련 국정과제】 16. 국민권익을 실현하는 반부패 개혁\n"),
        "");
    CHECK(d != NULL);
    if (d) {
        const ks_block *s1 = find_block(d, "사업 선정");
        CHECK(s1 && s1->role == KS_ROLE_SUMMARY && !strstr(s1->text, "【"));
        const ks_block *lab = find_block(d, "【관련");
        CHECK(lab && lab->role != KS_ROLE_SUMMARY);
        ks_doc_free(d);
    }
    /* pdftotext printed the subtitle and what follows it as one line
     * (govpress 156754103 and 156754188.pdf.txt): a bracketed label, or a
     * lead naming a body after its head ("…교육원(원장 …)은") */
    static const char *const runs[][2] = {
        {"- 정부·기업 손잡고 K-방산의 중남미 시장 확대 본격화 【관련 국정과제】 121. 경제 안보 역량 강화\n",
         "【관련"},
        {"- 전국 5개 위탁기관 선정... 노조법 2·3조 개정 등 핵심 현안 중심 한국고용노동교육원(원장 이종선, 이하 "
         "‘교육원’)은 산업구조 대전환과 복합\n위기 시대의 노동문제에 선제적으로 대응하기 위해 과정을 연다.\n",
         "한국고용노동교육원"}};
    for (size_t t = 0; t < sizeof runs / sizeof *runs; t++) {
        d = wrapped_doc(PARTS(HEAD, runs[t][0]), "");
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *s1 = nth_role(d, KS_ROLE_SUMMARY, 0);
        const ks_block *rest = find_block(d, runs[t][1]);
        CHECK(n_role(d, KS_ROLE_SUMMARY) == 1 && s1 && !strstr(s1->text, runs[t][1]));
        CHECK(rest && rest->role != KS_ROLE_SUMMARY);
        ks_doc_free(d);
    }
    d = wrapped_doc(PARTS(HEAD, "- 기후부, 재생원료 생산 및 종량제봉투 제작 업계와 재생원료 사용 확대 협약\n"
                                "- 품질 검증부터 기술·생산 정보 공유까지 다각적인 상생협력 체계 구축\n-\n"),
                    "");
    CHECK(d != NULL);
    if (d) {
        size_t dash = 0;
        for (size_t i = 0; i < d->blocks.len; i++) {
            const ks_block *k = &KS_AT(d->blocks, ks_block, i);
            dash += k->role == KS_ROLE_RESIDUE && strchr(k->text, '-') != NULL;
        }
        CHECK(n_role(d, KS_ROLE_SUMMARY) == 2 && dash == 1);
        ks_doc_free(d);
    }
}

/* A sentence wrapped before its last syllable "다." (govpress
 * 156754238.pdf.txt) goes on: "다." is no list item without a "나." before
 * it.  A list 가. 나. 다. keeps its items, each after the one before. */
static void test_wrapped_letter(void)
{
    ks_doc *d = wrapped_doc(
        PARTS(HEAD, "□ 지난 이십 년 동안 유럽 전력망에서 발생한 가장 심각한 사고로 기록되었\n",
              "다. 이는 에너지 대전환을 가속화하고 있는 우리에게는 반면교사로 삼아야\n",
              "할 더없이 중요한 참고 사례로 남게 되었다.\n"),
        "");
    CHECK(d != NULL);
    if (d) {
        const ks_block *k = find_block(d, "지난 이십 년");
        CHECK(k && k->nlines == 3 && strstr(k->text, "기록되었 다. 이는"));
        CHECK(!find_block(d, "이는 에너지"));
        ks_doc_free(d);
    }
    d = wrapped_doc(
        PARTS(HEAD, "□ 협약 당사자는 재생원료 사용을 확대하기 위해 다음과 같이 유기적으로 협력\n",
              "가. 기후에너지환경부는 재생원료 사용 종량제봉투의 제작과 이용을 확대\n",
              "나. 한국프라스틱공업협동조합연합회는 재생원료 사용 종량제봉투의 제작\n",
              "다. 한국농수산재활용사업공제조합은 균질한 품질의 재생원료가 원활히\n"),
        "");
    CHECK(d != NULL);
    if (d) {
        const ks_block *k = find_block(d, "한국농수산");
        CHECK(k && k->marker && STREQ(k->marker, "다.") && k->nlines == 1);
        ks_doc_free(d);
    }
}

/* A wrapped subtitle whose end pdftotext ran into the next subtitle
 * (govpress 156754278.pdf.txt): "- A" / "A's end - B" / "- C" are the
 * three items A, B and C. */
static void test_summary_runin(void)
{
    ks_doc *d = wrapped_doc(
        PARTS(HEAD, "- 농림축산식품부 장관, 추경 반영 면세유 유가연동 보조금\n",
              "대상 시설농가 및 농기계 현장 방문 - 시설농가와 농기계 면세유 유가연동보조금 623억원 "
              "추경 반영\n",
              "- 시설농가 등 현장 애로사항 청취 및 농가 경영안정 위한 노력 지속\n"),
        "");
    CHECK(d != NULL);
    if (!d)
        return;
    const ks_block *s1 = nth_role(d, KS_ROLE_SUMMARY, 0), *s2 = nth_role(d, KS_ROLE_SUMMARY, 1);
    CHECK(n_role(d, KS_ROLE_SUMMARY) == 3);
    CHECK(s1 && STREQ(s1->text, "농림축산식품부 장관, 추경 반영 면세유 유가연동 보조금 대상 시설농가 및 "
                                "농기계 현장 방문"));
    CHECK(s2 && STREQ(s2->text, "시설농가와 농기계 면세유 유가연동보조금 623억원 추경 반영"));
    size_t items;
    CHECK(whole_items(d, &items) == 6 && items == 6);
    ks_doc_free(d);
}

/* A line break the author put inside an item between two of its fields
 * (govpress 156754052.pdf.txt): "☞ (신청기간) …" / "(신청방법) …" is one
 * item; not without the first field's label, nor without its marker. */
static void test_field_lines(void)
{
    static const struct {
        const char *first, *want;
    } cases[] = {
        {"☞ (신청기간) `26년 연중\n", "(신청기간) `26년 연중 (신청방법) 고용노동부 고용센터 통해 신청"},
        {"☞ 신청은 연중 받는다\n", "신청은 연중 받는다"},
        {"(신청기간) `26년 연중\n", "(신청기간) `26년 연중"}};
    for (size_t t = 0; t < sizeof cases / sizeof *cases; t++) {
        ks_doc *d = wrapped_doc(PARTS(HEAD, "\n", cases[t].first,
                                      "(신청방법) 고용노동부 고용센터 통해 신청\n\n"),
                                "");
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *k = find_block(d, cases[t].want);
        CHECK(k && STREQ(k->text, cases[t].want));
        ks_doc_free(d);
    }
}

/* pdftotext printed a lead sentence's lines apart and out of order, a
 * bracket of it cut open (govpress 156754148.pdf.txt): the unmarked lines
 * after the title are pieces of a paragraph, no summary; an unmarked line
 * before a whole paragraph is one. */
static void test_bracket_pieces(void)
{
#define KS_APPOINTED "보도자료\n보도시점 2026. 4. 10.(금)\n지식재산처, 박현희 첫 여성 기획조정관 임명\n\n"
    /* the parts after the head; the summary line wanted, or NULL for none
     * (the first part is then body) */
    const struct {
        const char *const *parts;
        const char *summary;
    } cases[] = {
        {PARTS(KS_APPOINTED, "정부는 4월 10일\n\n", "朴賢姬, 50세) 기획재\n\n",
               "지식재산처 기획조정관으로 박현희(\n\n", "정담당관을 임명했다. 이번 임명은 처음이다.\n\n"),
         NULL},
        {PARTS(KS_APPOINTED, "지식재산처 기획조정관으로 박현희(\n\n",
               "정담당관을 임명했다. 이번 임명은 처음이다.\n\n"),
         NULL},
        {PARTS(KS_APPOINTED, "여성 첫 기획조정관 임명 단행\n\n",
               "정부는 박현희(朴賢姬) 기획재정담당관을 임명했다.\n\n"),
         "여성 첫 기획조정관 임명 단행"}};
#undef KS_APPOINTED
    for (size_t t = 0; t < sizeof cases / sizeof *cases; t++) {
        ks_doc *d = wrapped_doc(cases[t].parts, "");
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *s1 = nth_role(d, KS_ROLE_SUMMARY, 0);
        if (cases[t].summary) {
            CHECK(n_role(d, KS_ROLE_SUMMARY) == 1 && s1 && STREQ(s1->text, cases[t].summary));
        } else {
            /* the first part, its blank lines off */
            char first[64];
            size_t n = strcspn(cases[t].parts[1], "\n");
            snprintf(first, sizeof first, "%.*s", (int)n, cases[t].parts[1]);
            const ks_block *k = find_block(d, first);
            CHECK(n_role(d, KS_ROLE_SUMMARY) == 0);
            CHECK(k && k->role == KS_ROLE_BODY);
        }
        ks_doc_free(d);
    }
}

/* korea.kr's viewer runs a release's subtitles into one line, "- A - B"
 * or "- A - - B" (govpress 156754151, 156754235, 156754246 .viewer.txt):
 * each is a summary item; the title before them may end in 다 without a
 * full stop.  A range ("4.13 - 5.6") is no subtitle, nor is a dash in a
 * line after the body has begun. */
static void test_viewer_subtitles(void)
{
    static const char *const heads[] = {
        "봄철 참진드기 활동 시작, 전국 감시체계 가동\n\n"
        "- 4월 13일부터 참진드기 감시 개시 - 봄철 야외활동 시 예방수칙 준수 당부\n\n",
        "종량제봉투, 재생원료 사용 확대로 공급망 위기의 파고를 넘는다\n\n"
        "- 4월 13일부터 참진드기 감시 개시 - - 봄철 야외활동 시 예방수칙 준수 당부\n\n"};
    for (size_t t = 0; t < sizeof heads / sizeof *heads; t++) {
        ks_doc *d = run_cat(heads[t],
                            "질병관리청은 참진드기 발생 감시를 4월 13일부터 11월까지 실시한다.\n\n"
                            "- 감시 지역 - 전국 26개 지역의 보건환경연구원과 협력한다\n",
                            NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *s1 = nth_role(d, KS_ROLE_SUMMARY, 0);
        const ks_block *s2 = nth_role(d, KS_ROLE_SUMMARY, 1);
        CHECK(n_role(d, KS_ROLE_SUMMARY) == 2);
        CHECK(s1 && STREQ(s1->text, "4월 13일부터 참진드기 감시 개시"));
        CHECK(s2 && STREQ(s2->text, "봄철 야외활동 시 예방수칙 준수 당부"));
        CHECK(d->title && !memcmp(d->title, heads[t], strlen(d->title)) &&
              STREQ(d->title_source, "text"));
        CHECK(find_block(d, "감시 지역 - 전국 26개 지역의 보건환경연구원과 협력한다") != NULL);
        ks_doc_free(d);
    }
    ks_doc *d = run("봄철 참진드기 활동 시작, 전국 감시체계 가동\n\n"
                    "- 참진드기 감시 기간 4.13 - 5.6 전국 보건환경연구원에서 운영\n\n"
                    "질병관리청은 참진드기 발생 감시를 실시한다.\n",
                    0);
    CHECK(d != NULL);
    if (d) {
        const ks_block *s1 = nth_role(d, KS_ROLE_SUMMARY, 0);
        CHECK(n_role(d, KS_ROLE_SUMMARY) == 1 && s1 &&
              STREQ(s1->text, "참진드기 감시 기간 4.13 - 5.6 전국 보건환경연구원에서 운영"));
        ks_doc_free(d);
    }
}

/* Web text that runs the last subtitle into a lead without a marker,
 * the lead opening with an institution (govpress 156754250, 156754256,
 * 156754190 .joined.txt): the lead is cut off the subtitle. */
static void test_joined_lead(void)
{
    static const char *const leads[] = {
        "관세청은 중동 상황 장기화에 따른 수출입 기업의 피해를 최소화하기 위해 점검 회의를 열었다.",
        "경찰청(국가수사본부)은 지난해 7월부터 특별단속을 추진한 결과를 발표하였다.",
        "건설근로자공제회(이사장 직무대행 권혁태)는 4월 13일부터 홍보 캠페인을 전개한다고 밝혔다."};
    for (size_t t = 0; t < sizeof leads / sizeof *leads; t++) {
        ks_doc *d = run_cat("보도자료 보도시점 2026. 4. 13.(월) 즉시보도\n\n"
                            "수출입기업 관세·물류 지원 현황 점검 회의 개최 - 원유·나프타 등 긴급 수요물품 "
                            "입항전 통관조치 - 운임 특례 적용을 위한 시행령 개정 ··· 운송비 상승분은 "
                            "과세가격 반영 면제 ",
                            leads[t],
                            "\n\n□ 두 번째 문단이다.\n", NULL);
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *s2 = nth_role(d, KS_ROLE_SUMMARY, 1);
        CHECK(n_role(d, KS_ROLE_SUMMARY) == 2);
        CHECK(s2 && STREQ(s2->text, "운임 특례 적용을 위한 시행령 개정 ··· 운송비 상승분은 과세가격 반영 면제"));
        const ks_block *lead = find_block(d, leads[t]);
        CHECK(lead && lead->role == KS_ROLE_BODY);
        ks_doc_free(d);
    }
    /* a subtitle that opens with one is no lead */
    ks_doc *d = run("보도자료 보도시점 2026. 4. 13.(월) 즉시보도\n\n"
                    "수출입기업 관세·물류 지원 현황 점검 회의 개최 - 관세청은 긴급 수요물품 통관 지원 "
                    "□ 관세청은 중동 상황 장기화에 따른 피해를 줄이기 위해 회의를 열었다.\n",
                    0);
    CHECK(d != NULL);
    if (d) {
        const ks_block *s1 = nth_role(d, KS_ROLE_SUMMARY, 0);
        CHECK(n_role(d, KS_ROLE_SUMMARY) == 1 && s1 && STREQ(s1->text, "관세청은 긴급 수요물품 통관 지원"));
        ks_doc_free(d);
    }
}

/* A contact table whose rows web text joined (govpress 156754287,
 * 156754180 .joined.txt): a row of labels and a row of titles name no
 * department, nor does a section's label after the table. */
static void test_joined_contact_rows(void)
{
    ks_doc *d = run("보도자료\n보도시점 2026. 4. 13.(월)\n새만금 첨단성장거점 도약 논의\n"
                    "□ 회의에서는 스무 개 과제에 대해 중점적으로 논의한다.\n담당 부서\n"
                    "책임자 담당자 담당자\n국토도시실 성장거점정책과\n과 장 사무관 주무관\n"
                    "백승호 (044-201-3684) 박예슬 (044-201-3693) 권순웅 (044-201-3698)\n참고\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->meta.department, "국토도시실"));
    CHECK(d->meta.contacts.len == 3);
    const ks_contact *k = contact(d, 2);
    CHECK(k && STREQ(k->name, "권순웅") && STREQ(k->phone, "044-201-3698"));
    ks_doc_free(d);
    d = run("보도자료\n보도시점 2026. 4. 13.(월)\n고용위기 선제 대응\n"
            "□ 점검회의를 열고 지원 실적을 점검했다.\n담당 부서\n"
            "책임자 담당자 책임자 담당자\n과 장 서기관 사무관 사무관\n"
            "최영범 (044-202-7026) 장지훈 (044-202-7027)\n참고\n",
            0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(!d->meta.department);
    CHECK(d->meta.contacts.len == 2);
    ks_doc_free(d);
}

/* The title and date of a release's own file, as ministries name it
 * (govpress *.viewer.txt), and a viewer page that gives no other. */
static void test_file_title(void)
{
    static const struct {
        const char *name, *title;
    } cases[] = {
        {"- 260412_김민석 국무총리, 완도 냉동창고 화재 관련 긴급지시.hwpx",
         "김민석 국무총리, 완도 냉동창고 화재 관련 긴급지시"},
        {"260412 (즉시) 전남 완도군 냉동창고 화재 관련 긴급 지시(국토산업재난대응과).hwpx",
         "전남 완도군 냉동창고 화재 관련 긴급 지시"},
        {"106 [지식재산처] 지식재산처, 박현희 첫 여성 기획조정관 임명.hwpx",
         "지식재산처, 박현희 첫 여성 기획조정관 임명"},
        {"(20260413)보도자료-걷고__인증하고__특별한_경험까지_명품숲길_50선_인증제.hwpx",
         "걷고 인증하고 특별한 경험까지 명품숲길 50선 인증제"},
        {"0413 1937년과 2020년 경주 월성 수습 비편들(돌비석 조각) 원래 하나였다(붙임1,2).pdf",
         "1937년과 2020년 경주 월성 수습 비편들(돌비석 조각) 원래 하나였다"},
        {"260413 보도자료(보훈부, 2026년 국외 보훈사적지 답사 참가자 모집)최종.hwpx",
         "보훈부, 2026년 국외 보훈사적지 답사 참가자 모집"},
        {"[260413 배포즉시] 개인정보 유출한 공공기관 대상 페널티 확대(자율보호정책과).hwpx",
         "개인정보 유출한 공공기관 대상 페널티 확대"},
        {"★260413 (보도자료) 제2차 외국인 증권투자 유치 자문위원회 개최.hwpx",
         "제2차 외국인 증권투자 유치 자문위원회 개최"},
        {"[0413]문체부보도자료-2026년 사회문화시설 활용 인문 프로그램 운영 사업 참여기관 공모.hwpx",
         "2026년 사회문화시설 활용 인문 프로그램 운영 사업 참여기관 공모"},
        {"260412_김민석 국무총리 완도 화재 순직 소방관 조문 보도자료.hwpx",
         "김민석 국무총리 완도 화재 순직 소방관 조문"},
        /* upload forms make a thousands separator a space: put back
         * before a unit, not in a year or another number */
        {"260410 (즉시) 2026년 행정안전부 추가경정예산 9조 4 880억원 확정(기획재정담당관).hwpx",
         "2026년 행정안전부 추가경정예산 9조 4,880억원 확정"},
        {"260410_관세 1 997 400원 환급 실시.hwpx", "관세 1,997,400원 환급 실시"},
        {"260410_전국 (4 880명) 대상 사업 공모.hwpx", "전국 (4,880명) 대상 사업 공모"},
        {"260410_정부 2026 100대 국정과제 점검 결과.hwpx", "정부 2026 100대 국정과제 점검 결과"},
        {"260410_제3차 회의 3 12개 과제 점검.hwpx", "제3차 회의 3 12개 과제 점검"},
        {"260410_2026년 예산 1 000 확정 발표 계획.hwpx", "2026년 예산 1 000 확정 발표 계획"},
        {"260413_(동정)_현장 점검.hwpx", NULL},  /* too short for a title */
        {"사진1.jpg", NULL}};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char t[256];
        size_t n = ks_meta_file_title(cases[k].name, strlen(cases[k].name), t, sizeof t);
        CHECK(cases[k].title ? n == strlen(cases[k].title) && STREQ(t, cases[k].title) : n == 0);
    }
    /* a name longer than any title: none, not a title cut inside a
     * character */
    ks_buf lb = {0};
    ks_buf_puts(&lb, "260412_");
    for (int i = 0; i < 200; i++)
        ks_buf_puts(&lb, "가");
    ks_buf_puts(&lb, ".hwpx");
    char lt[1024];
    CHECK(lb.data && ks_meta_file_title(lb.data, lb.len, lt, sizeof lt) == 0);
    ks_buf_free(&lb);
    static const struct {
        const char *name, *iso;
    } dates[] = {{"- 260412_제목.hwpx", "2026-04-12"},
                 {"(20260413)보도자료-제목.hwpx", "2026-04-13"},
                 {"[260413 배포즉시] 제목.hwpx", "2026-04-13"},
                 {"0413 제목.pdf", NULL},
                 {"261341_제목.hwpx", NULL},
                 {"2604121_제목.hwpx", NULL}};
    for (size_t k = 0; k < sizeof dates / sizeof *dates; k++) {
        char iso[11];
        size_t nd = 0;
        bool ok = ks_meta_file_date(dates[k].name, strlen(dates[k].name), iso, &nd);
        CHECK(dates[k].iso ? ok && STREQ(iso, dates[k].iso) : !ok);
    }
    ks_doc *d = run("□ 김민석 국무총리는 화재와 관련하여 긴급 지시를 내렸다.\n\n담당 부서\n\n"
                    "- 담당 부서: 국무조정실 / 책임자 팀 장 장준경 / (044-200-2363)\n\n첨부파일\n\n"
                    "- 260412_김민석 국무총리, 완도 냉동창고 화재 관련 긴급지시.hwpx\n\n"
                    "- 260412_김민석 국무총리, 완도 냉동창고 화재 관련 긴급지시.pdf\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "김민석 국무총리, 완도 냉동창고 화재 관련 긴급지시"));
    CHECK(STREQ(d->title_source, "filename"));
    CHECK(STREQ(d->meta.release_date, "2026-04-12"));
    CHECK(d->meta.attachments.len == 2 &&
          STREQ(KS_AT(d->meta.attachments, ks_attachment, 0).name,
                "260412_김민석 국무총리, 완도 냉동창고 화재 관련 긴급지시.hwpx"));
    ks_doc_free(d);
    /* the viewer's first line, the issuer and the kind, is no title; a
     * caption is none either */
    d = run("고용노동부 보도참고자료\n\n < 주요 특징 > \n\n"
            "4월 10일, 국회 본회의에서 추가경정예산이 의결되었다.\n\n첨부파일\n\n"
            "- 260410_보도참고_2026년_고용노동부_소관_제1차_추경의결_주요내용.pdf\n",
            0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->meta.organization, "고용노동부"));
    CHECK(STREQ(d->title, "2026년 고용노동부 소관 제1차 추경의결 주요내용"));
    CHECK(STREQ(d->title_source, "filename"));
    ks_doc_free(d);
}

/* The attachments a release names: one per item of a "붙임" list, on one
 * line or on several; the item number, the end mark, the copy count, a
 * table of contents' leader and a file's size dropped, a year after the
 * number kept, each attachment named once although its own page names it
 * again. */
static void test_attachment_names(void)
{
    static const struct {
        const char *text;
        const char *names[4];
    } cases[] = {
        {"붙임 1. 2026년 사업 공모 개요. 2. 질의응답. 끝.\n",
         {"2026년 사업 공모 개요", "질의응답"}},
        {"붙임 1. 토론회 개요.2. 전력망 기술기준(그리드코드) 개요. 끝.\n",
         {"토론회 개요", "전력망 기술기준(그리드코드) 개요"}},
        {"<붙임> 1. 2026년 감시지점\n2. 관련 질의응답(Q&A)\n3. 2025년 감시 결과\n\n"
         "붙임 3\n\n2025년 감시결과\n",
         {"2026년 감시지점", "관련 질의응답(Q&A)", "2025년 감시 결과"}},
        {"붙임 유물 목록 1부. 끝.\n", {"유물 목록"}},
        {"붙임 외국인 당연가입자 현황 ······ 20\n", {"외국인 당연가입자 현황"}},
        {"붙임 1 | 제1차 특별성과 선정결과\n", {"제1차 특별성과 선정결과"}},
        {"붙임 2026년 사업개요\n", {"2026년 사업개요"}},
        {"(붙 임) 1. 사업 개요\n", {"사업 개요"}},
        /* a list item that is no attachment: the count is 1.5 */
        {"붙임 1. 개요 1.5배 확대\n", {"개요 1.5배 확대"}},
        /* a bare label over a page number: no attachment named "01" */
        {"붙임 2\n01\n", {NULL}},
        /* a board's label word and the file's size after its name */
        {"첨부파일 청년주거지원.hwp (125KB)\n", {"청년주거지원.hwp"}},
        {"첨부 파일: 현장 사진.jpg [1.2 MB]\n", {"현장 사진.jpg"}},
        {"붙임자료 1. 사업 개요\n", {"사업 개요"}},
        /* a bracket after a name that is no file's is the name's */
        {"붙임 1. 예산 현황 (2KB)\n", {"예산 현황 (2KB)"}},
        /* the copy count in brackets; the list's last line ends with 끝 */
        {"붙임 1. 법률안 전문 (1부)\n     2. 사업계획(안) [2부]. 끝.\n",
         {"법률안 전문", "사업계획(안)"}},
        /* sheets and volumes are counted too; "제2권" is a name's */
        {"붙임: 1. 점검 대상 지역 목록 1부.\n      2. 현장 사진 2매.  끝.\n",
         {"점검 대상 지역 목록", "현장 사진"}},
        {"붙임 자료집 제2권\n", {"자료집 제2권"}},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        char text[512];
        snprintf(text, sizeof text, "□ 가나다부는 사업을 공모한다고 밝혔다.\n\n%s", cases[k].text);
        ks_doc *d = run(text, 0);
        CHECK(d != NULL);
        if (!d)
            continue;
        size_t n = 0;
        while (n < 4 && cases[k].names[n])
            n++;
        CHECK(d->meta.attachments.len == n);
        for (size_t i = 0; i < n && i < d->meta.attachments.len; i++) {
            const char *got = KS_AT(d->meta.attachments, ks_attachment, i).name;
            if (!STREQ(got, cases[k].names[i]))
                fprintf(stderr, "  case %zu item %zu: %s\n", k, i, got ? got : "(none)");
            CHECK(STREQ(got, cases[k].names[i]));
        }
        ks_doc_free(d);
    }
}

/* A justified line that pdftotext printed one word a paragraph (govpress
 * 156754235.pdf.txt): the words and the paragraph's next line join the
 * paragraph cut off before them; so do those of a line of long words
 * (156754238.pdf.txt), the first of a paragraph ("미국은" /
 * "연방에너지규제위원회(FERC:" / …) or after a line cut off short ("분야는" /
 * "북미전력계통신뢰도공사(NERC:" / …).  Table cells printed the same way
 * after a paragraph that ends whole, or after one that was not cut short,
 * and a table's figures, which fill a line as well, stay blocks of their
 * own. */
static void test_justified_words(void)
{
    ks_doc *d = wrapped_doc(PARTS(HEAD),
                            "□ 참진드기는 유충, 약충, 성충 단계에서 각기 다른 숙주에 기생하여 흡혈\n"
                            "하는 습성을 가짐에 따라 날씨가 따뜻해지는 봄(4~5월)부터 약충이\n"
                            "활동을\n\n시작하여\n\n여름철(6~7월)에는\n\n성충이\n\n되면서\n\n"
                            "가을철(9~11월)에는 유충으로 성장하면서 개체수가 급격히 증가하고\n"
                            "야외활동 시 접촉에 대한 주의가 필요하다.\n");
    CHECK(d != NULL);
    if (!d)
        return;
    const ks_block *b = find_block(d, "참진드기는");
    CHECK(b && strstr(b->text, "약충이 활동을 시작하여 여름철(6~7월)에는 성충이 되면서 가을철") &&
          strstr(b->text, "주의가 필요하다."));
    CHECK(find_block(d, "시작하여") == NULL);
    ks_doc_free(d);
    /* long words, and a paragraph's first line */
    d = wrapped_doc(
        PARTS(HEAD), "□ 주요국과 비교할 때 우리나라의 전력 규제ㆍ감독 체계는 규모와 전문성\n"
                     "면에서 취약하다는 평가다.\n"
                     "미국은\n\n연방에너지규제위원회(FERC:\n\nFederal\n\nEnergy\n\nRegulatory\n\n"
                     "Commission, 약 1,500명)가 전력 규제ㆍ감독을 담당하며, 전력망 안정성\n"
                     "분야는\n\n북미전력계통신뢰도공사(NERC:\n\nNorth\n\nAmerican\n\nElectric\n\n"
                     "Reliability Corporation, 약 250명), 시장감시 분야는 전력망 운영자별\n"
                     "시장감시기구가 역할을 분담한다.\n\n"
                     "133\n\n(23.8)\n\n-0.6\n\n1.4\n\n1.8\n\n-0.5\n\n2.1\n\n1.6\n\n69\n\n"
                     "(12.4)\n\n4.3\n\n4.6\n\n"
                     "기타 서비스업은 특수학교, 외국인학교 및 대안학교와 일반 교습학원을 포함\n");
    CHECK(d != NULL);
    if (!d)
        return;
    b = find_block(d, "미국은");
    CHECK(b && strstr(b->text, "미국은 연방에너지규제위원회(FERC: Federal Energy Regulatory "
                               "Commission, 약 1,500명)가") &&
          strstr(b->text, "분야는 북미전력계통신뢰도공사(NERC: North American Electric "
                          "Reliability Corporation") &&
          strstr(b->text, "분담한다."));
    CHECK(find_block(d, "Federal") == NULL && find_block(d, "North") == NULL);
    b = find_block(d, "(23.8)");
    CHECK(b && STREQ(b->text, "(23.8)"));
    ks_doc_free(d);
    /* the paragraph ends a sentence: the cells stay apart */
    static const char *const ends[] = {
        "□ 참진드기는 유충, 약충, 성충 단계에서 각기 다른 숙주에 기생하여 흡혈\n"
        "하는 습성을 가짐에 따라 날씨가 따뜻해지는 봄(4~5월)부터 약충이\n활동한다.\n",
        /* no cut: the last line is not one short word */
        "□ 참진드기는 유충, 약충, 성충 단계에서 각기 다른 숙주에 기생하여 흡혈\n"
        "하는 습성을 가짐에 따라 날씨가 따뜻해지는 봄(4~5월)부터\n"};
    for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
        ks_buf t = {0};
        ks_buf_puts(&t, ends[k]);
        ks_buf_puts(&t, "\n구분\n\n지역\n\n기관\n\n"
                        "전국 26개 지역에서 사람들과 접촉가능성이 높은 4개 환경에서 감시를\n");
        d = t.data ? wrapped_doc(PARTS(HEAD), t.data) : NULL;
        ks_buf_free(&t);
        CHECK(d != NULL);
        if (!d)
            continue;
        b = find_block(d, "지역");
        CHECK(b && STREQ(b->text, "지역"));
        ks_doc_free(d);
    }
}

/* A paragraph that runs on across a page turn: pdftotext prints the page
 * number and blank lines between its two halves (govpress
 * 156754121.pdf.txt, 156754250.pdf.txt).  The halves are one paragraph,
 * a word cut by the turn is whole again, and the page number stays a
 * residue block of its own; a sentence's end before the turn, a marker
 * after it or blank lines without a page number keep two paragraphs. */
static void test_page_turn(void)
{
    static const char *const first =
        "지역 청소년센터의 학생, 퇴근 후 동네책방에 들르는 직장인, 복지관을 오가는\n"
        "어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간의 경계를 넓히\n";
    ks_buf t = {0};
    wrapped_text(&t, PARTS(HEAD), "");
    ks_buf_puts(&t, first);
    ks_buf_puts(&t, "- 1 -\n\n\n는 것이다. 지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n");
    for (int repair = 0; repair <= 2 && t.data; repair++) {
        if (repair == 2) {
            /* no blank line around the number: the paragraph's lines
             * still follow one another in the text, the number among
             * them, and the paragraph's text must not be taken in place
             * there (a fuzzed input: the number stayed in it and the
             * repair over it cut a character in two) */
            ks_buf_clear(&t);
            wrapped_text(&t, PARTS(HEAD), "");
            ks_buf_puts(&t, first);
            ks_buf_puts(&t, "- 1 -\n는 것이다. 지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n");
        }
        ks_options o;
        memset(&o, 0, sizeof o);
        o.flags = repair ? 0 : KS_OPT_NO_RESPACE;
        ks_doc *d = NULL;
        ks_error err;
        CHECK(ks_convert(&o, t.data, t.len, &d, &err) == KS_OK);
        if (!d)
            continue;
        const ks_block *b = find_block(d, "지역 청소년센터의");
        CHECK(b && strstr(b->text, repair ? "경계를 넓히는 것이다. 지역서점" : "경계를 넓히 는 것이다. 지역서점") &&
              strstr(b->text, "늘린다.") && !strstr(b->text, "- 1 -"));
        CHECK(find_block(d, "는 것이다") == NULL);
        CHECK(n_role(d, KS_ROLE_RESIDUE) == 1);
        const ks_block *r = nth_role(d, KS_ROLE_RESIDUE, 0);
        CHECK(r && STREQ(r->text, "- 1 -") && r == b + 1);
        ks_doc_free(d);
    }
    ks_buf_free(&t);
    /* two paragraphs: the first ends a sentence, the second has a marker,
     * or nothing says a page turned */
    static const char *const apart[][2] = {
        {"어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간의 경계를 넓혔다.\n",
         "- 1 -\n\n\n지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n"},
        {"어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간의 경계를 넓히고\n",
         "- 1 -\n\n\nㅇ 지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n"},
        {"어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간의 경계를 넓히고\n",
         "\n\n지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n"}};
    for (size_t k = 0; k < sizeof apart / sizeof *apart; k++) {
        ks_buf_puts(&t, "지역 청소년센터의 학생, 퇴근 후 동네책방에 들르는 직장인, 복지관을 오가는\n");
        ks_buf_puts(&t, apart[k][0]);
        ks_buf_puts(&t, apart[k][1]);
        ks_doc *d = t.data ? wrapped_doc(PARTS(HEAD), t.data) : NULL;
        ks_buf_free(&t);
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *b = find_block(d, "지역 청소년센터의");
        CHECK(b && !strstr(b->text, "지역서점"));
        CHECK(find_block(d, "지역서점") != NULL);
        CHECK(n_role(d, KS_ROLE_RESIDUE) == (k < 2 ? 1u : 0u));
        ks_doc_free(d);
    }
}

/* A header whose time a narrow page wrapped onto a line of its own
 * ("2026. 4. 13.(월)" / "08:40"): the time is the header's, not the title
 * (govpress releases wrapped at 20 characters a line). */
static void test_header_time(void)
{
    ks_doc *d = run("보도자료\n보도시점\n2026. 4. 13.(월)\n08:40\n배포\n2026. 4. 13.(월) 06:00\n"
                    "(2026. 4. 13.(월) 석간)\n청년 일자리 지원 확대\n- 지역 청년 3만 명 대상\n"
                    "정부는 중소기업과 협력하여 다양한 일경험 프로그램을 운영할 계획이다.\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(STREQ(d->title, "청년 일자리 지원 확대"));
    CHECK(n_role(d, KS_ROLE_SUMMARY) == 1);
    CHECK(find_block(d, "08:40") && find_block(d, "08:40")->role == KS_ROLE_META);
    ks_doc_free(d);
}

/* ks_convert() with the repair on (the default options) over T's text,
 * which is freed; NULL when T is empty or the conversion fails. */
static ks_doc *run_repaired(ks_buf *t)
{
    ks_options o;
    memset(&o, 0, sizeof o);
    ks_doc *d = NULL;
    ks_error err;
    if (t->data && ks_convert(&o, t->data, t->len, &d, &err) != KS_OK)
        d = NULL;
    ks_buf_free(t);
    return d;
}

/* A page without a number: two blank lines or more after a full line
 * that ends open (a particle, one syllable a wrap cut off) turn a page;
 * one blank line, or a line that ends a noun, end a paragraph
 * (156754103.pdf.txt "…K-방산을" / "" / "" / "홍보할 수 있는", 156754143's
 * "…사업 대상별 진" / "" / "" / "단보고서를"). */
static void test_numberless_turn(void)
{
    static const struct {
        const char *last, *gap, *next;
        bool on;
    } cases[] = {
        {"어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간의 경계를\n", "\n\n",
         "넓히는 것이다. 지역서점 참여도 지난해 마흔아홉 개에서 늘린다.\n", true},
        {"어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간의 경계 넓\n", "\n\n\n",
         "히는 것이다. 지역서점 참여도 지난해 마흔아홉 개에서 늘린다.\n", true},
        {"어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간의 경계를\n", "\n",
         "넓히는 것이다. 지역서점 참여도 지난해 마흔아홉 개에서 늘린다.\n", false},
        {"어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간 경계 확장\n", "\n\n",
         "지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n", false},
        {"어르신 등이 일상에서 인문의 가치를 경험할 수 있도록 공간의 경계를\n", "\n\n",
         "ㅇ 지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n", false},
        /* a list's 등, an amount's unit: one syllable alone, ending */
        {"어르신 등이 일상에서 인문의 가치를 경험하는 도서관, 서점, 복지관 등\n", "\n\n",
         "지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n", false},
        {"어르신 등이 일상에서 인문의 가치를 경험하도록 올해 예산 529억 원\n", "\n\n",
         "지역서점 참여도 지난해 마흔아홉 개에서 올해 백 개로 늘린다.\n", false},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        ks_buf t = {0};
        wrapped_text(&t, PARTS(HEAD), "");
        ks_buf_puts(&t, "지역 청소년센터의 학생, 퇴근 후 동네책방에 들르는 직장인, 복지관을 오가는\n");
        ks_buf_puts(&t, cases[k].last);
        ks_buf_puts(&t, cases[k].gap);
        ks_buf_puts(&t, cases[k].next);
        ks_doc *d = run_repaired(&t);
        CHECK(d != NULL);
        if (!d)
            continue;
        const ks_block *b = find_block(d, "지역 청소년센터의");
        CHECK(b && (strstr(b->text, "늘린다.") != NULL) == cases[k].on);
        if (k == 1) /* the word the turn cut is whole again */
            CHECK(b && strstr(b->text, "경계 넓히는 것이다."));
        CHECK(n_role(d, KS_ROLE_RESIDUE) == 0);
        ks_doc_free(d);
    }
}

/* Web text runs a list's items into the paragraph before them; in text
 * of one paragraph a line each is cut back out before its marker (□ ○ ㅇ
 * ☞ ✓ • ※ ‣ ▸ ◈ ◇ ❍ alone, govpress *.joined.txt and *.viewer.txt: each of
 * their 21 ‣ ▸ ◈ ◇ ❍ so placed begins a line of the author's), not before
 * ▴, a circled number or a dash, which also list and count inside a
 * sentence, nor before a marker glued to a word. */
static void test_joined_items(void)
{
    ks_doc *d = run("보도자료\n\n지원 사업 확대\n\n"
                    "□ 정부는 올해 지원 사업을 확대한다고 밝혔다. ○ 지원 대상은 중소기업이며 신청은 "
                    "다음 달부터 받는다. ☞ (신청기간) 4월 중 ※ 자세한 내용은 누리집 참조\n"
                    "ㅇ 주요 사업은 ▴청년일자리도약장려금(+801억), ▴내일배움카드 등이며 4월 6 - 7일 "
                    "설명회를 연다. ✓ 설명회 자료는 ○○시 누리집에 올린다.\n"
                    "전력 거버넌스 포럼 개요 ‣ 일시ㆍ장소: 2026. 4. 14.(화) 14:00, 서울역 서울스퀘어 "
                    "‣ 참 석 자: 전기위원회 위원장, 송승호 광운대 교수\n"
                    "협약식 개요 ▸ (일시 및 장소) ’26. 4. 9(목) 10:30 ▸ (참석자) 국회, 정부\n"
                    "예방수칙을 당부하였다. ◈ 작업 및 야외 활동 전 - 작업복과 일상복 구분하여 입기 "
                    "◇ (규모) 총 4,165억원 ❍ (복지지원) 3종 7개 복지서비스 지원\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    static const struct {
        const char *marker, *text;
        long line; /* the line the piece came from */
    } want[] = {
        {"□", "정부는 올해 지원 사업을 확대한다고 밝혔다.", 5},
        {"○", "지원 대상은 중소기업이며 신청은 다음 달부터 받는다.", 5},
        {"☞", "(신청기간) 4월 중", 5},
        {"※", "자세한 내용은 누리집 참조", 5},
        {"ㅇ", "주요 사업은 ▴청년일자리도약장려금(+801억), ▴내일배움카드 등이며 4월 6 - 7일 설명회를 연다.", 6},
        {"✓", "설명회 자료는 ○○시 누리집에 올린다.", 6},
        {NULL, "전력 거버넌스 포럼 개요", 7},
        {"‣", "일시ㆍ장소: 2026. 4. 14.(화) 14:00, 서울역 서울스퀘어", 7},
        {"‣", "참 석 자: 전기위원회 위원장, 송승호 광운대 교수", 7},
        {NULL, "협약식 개요", 8},
        {"▸", "(일시 및 장소) ’26. 4. 9(목) 10:30", 8},
        {"▸", "(참석자) 국회, 정부", 8},
        {NULL, "예방수칙을 당부하였다.", 9},
        {"◈", "작업 및 야외 활동 전 - 작업복과 일상복 구분하여 입기", 9},
        {"◇", "(규모) 총 4,165억원", 9},
        {"❍", "(복지지원) 3종 7개 복지서비스 지원", 9}};
    size_t n = sizeof want / sizeof *want, nb = 0;
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (b->role != KS_ROLE_BODY)
            continue;
        CHECK(nb < n);
        if (nb < n) {
            if (!STREQ(b->text, want[nb].text))
                fprintf(stderr, "  block %zu: %s\n", nb, b->text);
            CHECK(STREQ(b->text, want[nb].text));
            CHECK(want[nb].marker ? b->marker && STREQ(b->marker, want[nb].marker) : !b->marker);
            CHECK(b->line == want[nb].line);
        }
        nb++;
    }
    CHECK(nb == n);
    ks_doc_free(d);
}

/* A page number and an end mark keep their own spaces: a table of signed
 * numbers ("-2" written whole thirty times) made the repair join "- 2 -"
 * into "-2 -" (156754252.pdf.txt, 28 page numbers). */
static void test_fixed_forms(void)
{
    ks_buf t = {0};
    ks_buf_puts(&t, "보도자료\n\n고용 동향\n\n");
    for (int i = 0; i < 30; i++)
        ks_buf_puts(&t, "증감 -2 -1 -3 -2 -4\n");
    ks_buf_puts(&t, "\n- 2 -\n\n○ 다음 쪽의 표를 본다.\n\n- 끝 -\n");
    ks_doc *d = run_repaired(&t);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(n_role(d, KS_ROLE_RESIDUE) == 2);
    const ks_block *a = nth_role(d, KS_ROLE_RESIDUE, 0), *b = nth_role(d, KS_ROLE_RESIDUE, 1);
    CHECK(a && STREQ(a->text, "- 2 -"));
    CHECK(b && STREQ(b->text, "- 끝 -"));
    /* the table's own numbers are still the repair's */
    CHECK(find_block(d, "증감 -2 -1") != NULL);
    ks_doc_free(d);
}

/* A page that turned inside the contact table, in web text that ran the
 * page's number into its last line (156754124.joined.txt): the line the
 * number closed neither ends the block nor names the contacts' unit. */
static void test_contacts_across_inline_page(void)
{
    ks_doc *d = run("보도자료\n\n탄소중립 설비 지원\n\n□ 중소기업의 설비 도입을 지원한다.\n\n"
                    "담당 부서\n\n중소벤처기업부 대외환경대응과\n\n책임자 담당자\n\n"
                    "또한 절실해지고 있다. - 1 -\n\n- 2 -\n\n과 장\n\n예우영\n\n(044-204-7444)\n\n"
                    "사무관\n\n이경규\n\n(044-204-7438)\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    CHECK(d->meta.contacts.len == 2);
    const ks_contact *c0 = contact(d, 0), *c1 = contact(d, 1);
    CHECK(c0 && STREQ(c0->name, "예우영") && STREQ(c0->phone, "044-204-7444") &&
          c0->department && STREQ(c0->department, "중소벤처기업부 대외환경대응과"));
    CHECK(c1 && STREQ(c1->name, "이경규") && STREQ(c1->phone, "044-204-7438"));
    CHECK(n_role(d, KS_ROLE_RESIDUE) == 2);
    ks_doc_free(d);
}

/* A note run into the paragraph before it after a full stop is cut out
 * as an item of its own ("… 밝혔다. * [참석] …", 156754291.joined.txt),
 * and so are the attachments ("… 밝혔다. 붙임 1. … 2. …", 156754121);
 * a note's mark spaced from its word, or after a date's dot, stays. */
static void test_joined_notes(void)
{
    ks_doc *d = run("보도자료\n\n기한 연장\n\n"
                    "□ 두 기관은 기한 연장이 가능하다고 밝혔다. * [참석] 국무총리(주재), 국토부장관 등\n"
                    "□ 사절단(이하 사절단) * 을 파견하여 활동했다.\n"
                    "□ 결과는 2026. 4. 25. * 선발자에게 알린다. 붙임 1. 사업 개요 2. 공모 포스터\n",
                    0);
    CHECK(d != NULL);
    if (!d)
        return;
    static const char *const want[][2] = {{"□", "두 기관은 기한 연장이 가능하다고 밝혔다."},
                                          {"*", "[참석] 국무총리(주재), 국토부장관 등"},
                                          {"□", "사절단(이하 사절단) * 을 파견하여 활동했다."},
                                          {"□", "결과는 2026. 4. 25. * 선발자에게 알린다."}};
    size_t n = sizeof want / sizeof *want;
    CHECK(n_role(d, KS_ROLE_BODY) == n);
    for (size_t i = 0; i < n; i++) {
        const ks_block *b = nth_role(d, KS_ROLE_BODY, i);
        CHECK(b && STREQ(b->text, want[i][1]) && b->marker && STREQ(b->marker, want[i][0]));
    }
    CHECK(d->meta.attachments.len == 2 &&
          STREQ(KS_AT(d->meta.attachments, ks_attachment, 0).name, "사업 개요") &&
          STREQ(KS_AT(d->meta.attachments, ks_attachment, 1).name, "공모 포스터"));
    ks_doc_free(d);
}

/* Web text that ran each page's number into the page's last line
 * (156754121.joined.txt "…인문의 가치를 경험할 수 - 1 -" / "" / "있도록 공간의
 * …", its address cut the same way): the number is residue, and the
 * paragraph goes on across it where the line ended in a word and no
 * sentence, or inside a bracket; after a sentence's end, or a table's
 * figures, it stops. */
static void test_inline_page_numbers(void)
{
    ks_buf t = {0};
    ks_buf_puts(&t, "보도자료\n\n인문 프로그램 공모\n\n"
                    "□ 문체부는 동네책방과 복지관에서 누구나 인문의 가치를 경험할 수 - 1 -\n\n"
                    "있도록 공간의 경계를 넓힌다고 밝혔다. 자세한 내용은 인문네트워크(https://inmun - 2 -\n\n"
                    "360.culture.go.kr/b2bc/index)에서 확인할 수 있다.\n"
                    "□ 올해 지원 규모는 지난해보다 두 배로 늘어날 예정이다. - 3 -\n\n"
                    "□ 공모는 다음 달까지 받는다.\n"
                    "▸ 가입자수 증감: (1)-12 (2)-11 (3)-9 - 4 -\n\n"
                    "구인배수는 지난달과 같다.\n"
                    "□ 주요 혜택은 대학생 장학금 상향(100만 원 - 5 -\n\n"
                    "→200만 원) 등이다.\n");
    ks_doc *d = run_repaired(&t);
    CHECK(d != NULL);
    if (!d)
        return;
    const ks_block *a = find_block(d, "문체부는"), *b = find_block(d, "올해");
    CHECK(a && STREQ(a->text, "문체부는 동네책방과 복지관에서 누구나 인문의 가치를 경험할 수 있도록 공간의 "
                              "경계를 넓힌다고 밝혔다. 자세한 내용은 인문네트워크"
                              "(https://inmun360.culture.go.kr/b2bc/index)에서 확인할 수 있다."));
    CHECK(a && a->marker && STREQ(a->marker, "□") && a->line == 5);
    CHECK(b && STREQ(b->text, "올해 지원 규모는 지난해보다 두 배로 늘어날 예정이다."));
    CHECK(find_block(d, "공모는") != NULL);
    CHECK(find_block(d, "가입자수 증감: (1)-12 (2)-11 (3)-9") != NULL);
    CHECK(find_block(d, "구인배수는") != NULL);
    /* a bracket left open goes on, whatever the next page starts with */
    const ks_block *e = find_block(d, "주요 혜택은");
    CHECK(e && STREQ(e->text, "주요 혜택은 대학생 장학금 상향(100만 원 →200만 원) 등이다."));
    CHECK(n_role(d, KS_ROLE_RESIDUE) == 5);
    for (size_t i = 0; i < 5; i++) {
        const ks_block *r = nth_role(d, KS_ROLE_RESIDUE, i);
        char want[8];
        snprintf(want, sizeof want, "- %zu -", i + 1);
        CHECK(r && STREQ(r->text, want));
    }
    ks_doc_free(d);
}

int main(void)
{
    test_dates();
    test_compact();
    test_phones();
    test_first_date();
    test_related();
    test_release();
    test_office_department();
    test_unit_spaces();
    test_lead_after_summary();
    test_bracket_lines();
    test_pdf_contacts();
    test_contact_names();
    test_joined_text();
    test_title_tag();
    test_rebuttal_header();
    test_viewer_contacts();
    test_one_line_contacts();
    test_board_fields();
    test_header_contacts();
    test_kind_date_header();
    test_lead_organization();
    test_neighbour_links();
    test_unlabelled_unit();
    test_topic_organization();
    test_joined_organization();
    test_filename_title();
    test_line_mode();
    test_wrapped();
    test_summary_lead();
    test_wrapped_tables();
    test_wrapped_cells();
    test_spaced_labels();
    test_cut_words();
    test_odd_widths();
    test_inline_list_wrap();
    test_paragraph_openers();
    test_dash_subtitle();
    test_more_markers();
    test_joined_openers();
    test_long_first_unit();
    test_br_wrapped_page();
    test_wrapped_title();
    test_displaced_paragraph();
    test_contact_page_break();
    test_summary_ends();
    test_wrapped_letter();
    test_summary_runin();
    test_viewer_subtitles();
    test_bracket_pieces();
    test_field_lines();
    test_joined_lead();
    test_joined_contact_rows();
    test_file_title();
    test_attachment_names();
    test_justified_words();
    test_page_turn();
    test_header_time();
    test_fixed_forms();
    test_numberless_turn();
    test_joined_items();
    test_inline_page_numbers();
    test_joined_notes();
    test_contacts_across_inline_page();
    KS_DONE();
}
