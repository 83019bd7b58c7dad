/*
 * test_quotes.c -- unit tests for quotes.c: quotations and their speakers.
 *
 * Each case builds a ks_doc by hand (BODY blocks, sometimes a SUMMARY or
 * TITLE block), runs ks_quotes_extract and checks every field, the offsets
 * (paragraph text [start, end) in code points == text) and the warnings.
 * Also: pathological input (100k unclosed marks; its time is measured by
 * `make bench`), and every allocation made to fail in turn.
 */
#include <stdlib.h>

#include "harness.h"
#include "internal.h"

/* ---- building documents ---------------------------------------------------- */

static void add(ks_doc *d, ks_role role, const char *text)
{
    ks_block b = {0};
    b.text = ks_doc_keep(d, text, strlen(text));
    b.role = role;
    b.line = (long)d->blocks.len + 1;
    b.nlines = 1;
    if (!b.text || ks_vec_push(&d->blocks, &b) != KS_OK) {
        fprintf(stderr, "out of memory building a test document\n");
        exit(2);
    }
}

/* A document of BODY paragraphs (NULL-terminated list), quotes extracted. */
static ks_doc *run_doc(ks_doc *d)
{
    ks_error err;
    ks_status st = ks_quotes_extract(d, &err);
    KS_CHECK(st == KS_OK, "ks_quotes_extract returned %d", (int)st);
    return d;
}

static ks_doc *body(const char *const *paras)
{
    ks_doc *d = ks_doc_new();
    for (size_t i = 0; paras[i]; i++)
        add(d, KS_ROLE_BODY, paras[i]);
    return run_doc(d);
}

static size_t nwarn(const ks_doc *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->warnings.len; i++)
        n += !strcmp(KS_AT(d->warnings, ks_warning, i).code, "quote-unbalanced");
    return n;
}

/* The text of body paragraph K joined with the ones after it by one space,
 * from code point START to END (the offsets' contract). */
static char *slice(const ks_doc *d, size_t k, size_t start, size_t end)
{
    ks_buf joined = {0};
    size_t seen = 0;
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (b->role != KS_ROLE_BODY)
            continue;
        if (seen++ < k)
            continue;
        if (joined.len)
            ks_buf_putc(&joined, ' ');
        ks_buf_puts(&joined, b->text);
    }
    ks_buf out = {0};
    size_t cp = 0;
    const char *s = joined.data ? joined.data : "";
    for (size_t i = 0; s[i]; cp++) {
        size_t n = 1;
        while (((unsigned char)s[i + n] & 0xC0) == 0x80)
            n++;
        if (cp >= start && cp < end)
            ks_buf_append(&out, s + i, n);
        i += n;
    }
    ks_buf_free(&joined);
    return ks_buf_detach(&out);
}

static bool same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

/* Check quote I of D.  NAME, TITLE, CUE may be NULL (expected absent). */
static void quote(const ks_doc *d, size_t i, size_t para, const char *text, const char *name,
                  const char *title, const char *cue)
{
    KS_CHECK(i < d->quotes.len, "quote %zu missing (have %zu)", i, d->quotes.len);
    if (i >= d->quotes.len)
        return;
    const ks_quote *q = &KS_AT(d->quotes, ks_quote, i);
    KS_STREQ(q->text, text);
    KS_CHECK(same(q->name, name), "quote %zu name \"%s\", want \"%s\"", i,
             q->name ? q->name : "(null)", name ? name : "(null)");
    KS_CHECK(same(q->title, title), "quote %zu title \"%s\", want \"%s\"", i,
             q->title ? q->title : "(null)", title ? title : "(null)");
    KS_CHECK(same(q->cue, cue), "quote %zu cue \"%s\", want \"%s\"", i,
             q->cue ? q->cue : "(null)", cue ? cue : "(null)");
    KS_CHECK(q->paragraph == para, "quote %zu paragraph %zu, want %zu", i, q->paragraph, para);
    char *s = slice(d, q->paragraph, q->start, q->end);
    KS_CHECK(s && !strcmp(s, q->text), "quote %zu offsets [%zu,%zu) give \"%s\"", i, q->start,
             q->end, s ? s : "(null)");
    ks_free(s);
}

#define BODY(...) body((const char *const[]){__VA_ARGS__, NULL})

/* ---- the patterns ------------------------------------------------------------- */

static void test_basic(void)
{
    /* name, org + title, 면서 + a later verb */
    ks_doc *d = BODY("특강 강연자로 나선 정장수 대구시 시정혁신단장은 “지난 30년간 대구를 쇠락으로 "
                     "이끈 기득권 카르텔을 타파하기 위해 공공기관 혁신을 추진했다”면서 추진 배경을 "
                     "설명했다.");
    KS_CHECK(d->quotes.len == 1, "%zu quotes", d->quotes.len);
    quote(d, 0, 0,
          "지난 30년간 대구를 쇠락으로 이끈 기득권 카르텔을 타파하기 위해 공공기관 혁신을 추진했다",
          "정장수", "대구시 시정혁신단장", "설명했다");
    KS_CHECK(nwarn(d) == 0, "%zu warnings", nwarn(d));
    ks_doc_free(d);
}

static void test_one_speaker_two_quotes(void)
{
    ks_doc *d = BODY("대구시는 행사를 열었다.",
                     "특강을 들은 강기정 광주시장은 “대구의 사례를 공유할 수 있었던 뜻깊은 "
                     "시간이었다”라며 “오늘 특강이 귀중한 모멘텀이 될 것이다”라고 말했다. 홍준표 "
                     "대구시장은 “관심을 보여줘서 감사하다”고 전하면서 “광주가 혁신을 잘 "
                     "마무리하기를 바란다”고 말했다.");
    KS_CHECK(d->quotes.len == 4, "%zu quotes", d->quotes.len);
    quote(d, 0, 1, "대구의 사례를 공유할 수 있었던 뜻깊은 시간이었다", "강기정", "광주시장",
          "말했다");
    quote(d, 1, 1, "오늘 특강이 귀중한 모멘텀이 될 것이다", "강기정", "광주시장", "말했다");
    quote(d, 2, 1, "관심을 보여줘서 감사하다", "홍준표", "대구시장", "전하면서");
    quote(d, 3, 1, "광주가 혁신을 잘 마무리하기를 바란다", "홍준표", "대구시장", "말했다");
    ks_doc_free(d);
}

static void test_title_forms(void)
{
    /* org before the name: the title is only what follows the name */
    ks_doc *d = BODY("□ 국토교통부 김연희 도시경제과장은 “도시데이터 활용이 중요한 요소가 되고 "
                     "있다”며,",
                     "ㅇ “창의적인 솔루션이 발굴되길 기대한다”고 밝혔다.");
    quote(d, 0, 0, "도시데이터 활용이 중요한 요소가 되고 있다", "김연희", "도시경제과장", "밝혔다");
    quote(d, 1, 1, "창의적인 솔루션이 발굴되길 기대한다", "김연희", "도시경제과장", "밝혔다");
    ks_doc_free(d);

    /* title before the name with 인; several title words; 이사장 is no name */
    d = BODY("○ 아울러, 국가재난안전교육원 홍보대사인 김다현은 “앞으로도 최선을 다하겠다”라고 "
             "소감을 전했다.",
             "권혁태 이사장 직무대행은 “이번 캠페인을 잘 활용하길 기대한다.”라고 밝혔다.");
    quote(d, 0, 0, "앞으로도 최선을 다하겠다", "김다현", "국가재난안전교육원 홍보대사", "전했다");
    quote(d, 1, 1, "이번 캠페인을 잘 활용하길 기대한다.", "권혁태", "이사장 직무대행", "밝혔다");
    ks_doc_free(d);

    /* a name that ends like a title (…관) or a district (…구) */
    d = BODY("임승관 질병관리청장은 “예방수칙을 지키는 것이 중요하다”고 말했다.",
             "이명구 관세청장은 “빈틈없이 지원하겠다.”고 밝혔다.");
    quote(d, 0, 0, "예방수칙을 지키는 것이 중요하다", "임승관", "질병관리청장", "말했다");
    quote(d, 1, 1, "빈틈없이 지원하겠다.", "이명구", "관세청장", "밝혔다");
    ks_doc_free(d);

    /* a name in parentheses */
    d = BODY("광주광역시(시장 강기정)는 “공공기관 혁신을 끝까지 추진하겠다”고 밝혔다.");
    quote(d, 0, 0, "공공기관 혁신을 끝까지 추진하겠다", "강기정", "시장", "밝혔다");
    ks_doc_free(d);

    /* broken spacing inside the name, and the particle set apart */
    d = BODY("□ 국민권익위 허 재우 기획조정실장 직무대리는 “청렴문화를 확산시키기 위한 "
             "것이다.”라고 말했다.",
             "□ 문영훈 국가재난안전교육원장 은 “더욱 노력하겠다”라고 밝혔다.");
    quote(d, 0, 0, "청렴문화를 확산시키기 위한 것이다.", "허재우", "기획조정실장 직무대리",
          "말했다");
    quote(d, 1, 1, "더욱 노력하겠다", "문영훈", "국가재난안전교육원장", "밝혔다");
    ks_doc_free(d);
}

static void test_short_forms(void)
{
    /* "황 장관": the full mention comes from a summary line */
    ks_doc *d = ks_doc_new();
    add(d, KS_ROLE_TITLE, "해양수산부, 부산 수산단체와 간담회");
    add(d, KS_ROLE_SUMMARY, "- 황종우 해양수산부 장관, 수산단체장들과 간담회 개최 -");
    add(d, KS_ROLE_BODY, "황 장관은 새벽 경매 현장을 돌아보았다.");
    add(d, KS_ROLE_BODY, "황 장관은 간담회에서 “부산공동어시장은 중요한 시장이 될 것”이라고 "
                         "밝히며, “관계기관의 지속적인 관리가 필요하다”고 강조하였다.");
    run_doc(d);
    KS_CHECK(d->quotes.len == 2, "%zu quotes", d->quotes.len);
    quote(d, 0, 1, "부산공동어시장은 중요한 시장이 될 것", "황종우", "해양수산부 장관", "밝히며");
    quote(d, 1, 1, "관계기관의 지속적인 관리가 필요하다", "황종우", "해양수산부 장관",
          "강조하였다");
    ks_doc_free(d);

    /* the longest title printed for the person wins */
    d = ks_doc_new();
    add(d, KS_ROLE_TITLE, "홍지선 2차관, 교통물류 관계자 회의 개최");
    add(d, KS_ROLE_BODY, "☐ 홍지선 국토교통부 2차관은 13일 회의를 개최했다.");
    add(d, KS_ROLE_BODY, "□ 홍 차관은 지방정부의 협조를 요청하였다.");
    add(d, KS_ROLE_BODY, "ㅇ 먼저, “집행관리에도 만전을 기해줄 것”을 당부하였으며,");
    run_doc(d);
    quote(d, 0, 2, "집행관리에도 만전을 기해줄 것", "홍지선", "국토교통부 2차관", "당부하였으며");
    ks_doc_free(d);

    /* a title alone: the last person so titled */
    d = BODY("윤호중 행정안전부 장관은 회의를 주재했다.",
             "장관은 “추경 예산을 신속히 집행하겠다”고 말했다.");
    quote(d, 0, 1, "추경 예산을 신속히 집행하겠다", "윤호중", "행정안전부 장관", "말했다");
    ks_doc_free(d);

    /* 김 장관 with nobody to resolve it: no name, the title */
    d = BODY("김 장관은 “현장을 챙기겠다”고 말했다.");
    quote(d, 0, 0, "현장을 챙기겠다", NULL, "장관", "말했다");
    ks_doc_free(d);
}

static void test_organization_and_after(void)
{
    ks_doc *d = BODY("경찰청은 “이번 특별단속 기간 중 종결하지 못한 사건은 계속 수사할 "
                     "예정이다.”라고 밝혔다.",
                     "이러한 이유 때문에 전문가들은 “전력감독원 신설이 시급하다”라고 강조한다.",
                     "‣ 회사 창립기념식에서 “억울하게 전보 당했다고 신고하였다”며 정보를 공개한 "
                     "제약회사 대표 송치");
    KS_CHECK(d->quotes.len == 3, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "이번 특별단속 기간 중 종결하지 못한 사건은 계속 수사할 예정이다.", NULL,
          "경찰청", "밝혔다");
    quote(d, 1, 1, "전력감독원 신설이 시급하다", NULL, "전문가들", "강조한다");
    quote(d, 2, 2, "억울하게 전보 당했다고 신고하였다", NULL, "제약회사 대표", NULL);
    ks_doc_free(d);
}

static void test_speaker_after(void)
{
    /* the subject after the quotation, before its verb: not the last
     * speaker, and "홍 장관" is not 김민재 차관 */
    ks_doc *d = BODY("김민재 행정안전부 차관은 “재정을 신속히 집행해 달라”라고 당부했다.",
                     "“현장의 목소리를 듣겠다”고 오세훈 서울시장은 말했다.",
                     "“이번 대책으로 현장의 부담이 줄어들 것”이라고 홍 장관은 강조했다.");
    KS_CHECK(d->quotes.len == 3, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "재정을 신속히 집행해 달라", "김민재", "행정안전부 차관", "당부했다");
    quote(d, 1, 1, "현장의 목소리를 듣겠다", "오세훈", "서울시장", "말했다");
    quote(d, 2, 2, "이번 대책으로 현장의 부담이 줄어들 것", NULL, "장관", "강조했다");
    ks_doc_free(d);

    /* the quotation's tail before the subject is no name and no body:
     * "“…”이라고 복지부 장관은", "“…”이라고 복지부 관계자는" */
    d = BODY("“지역 의료를 살리는 것이 최우선”이라고 복지부 장관은 말했다.",
             "“인력 충원이 시급하다”이라고 복지부 관계자는 말했다.");
    KS_CHECK(d->quotes.len == 2, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "지역 의료를 살리는 것이 최우선", NULL, "복지부 장관", "말했다");
    quote(d, 1, 1, "인력 충원이 시급하다", NULL, "복지부 관계자", "말했다");
    ks_doc_free(d);

    /* a subject after 며 that starts a clause of its own is not the
     * speaker: the one before is */
    d = BODY("김성환 장관은 회의를 열었다.",
             "“하천 복구를 서두르겠다”며 군은 장비를 보낼 준비를 마쳤다.");
    quote(d, 0, 1, "하천 복구를 서두르겠다", "김성환", "장관", NULL);
    ks_doc_free(d);

    /* the sentence ends on the speaker's remark */
    d = BODY("“지방재정이 지역경제의 마중물이 되도록 하겠다” 김영록 전남지사의 말이다.",
             "“신청은 온라인으로만 받는다”라는 게 행정안전부의 설명이다.",
             "“농가 부담을 덜겠다” 송 장관의 각오다.");
    KS_CHECK(d->quotes.len == 3, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "지방재정이 지역경제의 마중물이 되도록 하겠다", "김영록", "전남지사", "말이다");
    quote(d, 1, 1, "신청은 온라인으로만 받는다", NULL, "행정안전부", "설명이다");
    quote(d, 2, 2, "농가 부담을 덜겠다", NULL, "장관", "각오다");
    ks_doc_free(d);

    /* nobody named: a 관계자 is one of the body named before, not the
     * person whose office it is */
    d = BODY("이에 대해 경찰 관계자는 “주민 의견을 충분히 반영하겠다”고 전했다.",
             "법안을 발의한 장혜영 정의당 의원실 관계자는 “예방의 효과가 더 크다”고 말했다.",
             "또한 관계자는 “일정을 다시 알리겠다”고 덧붙였다.");
    KS_CHECK(d->quotes.len == 3, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "주민 의견을 충분히 반영하겠다", NULL, "경찰 관계자", "전했다");
    quote(d, 1, 1, "예방의 효과가 더 크다", NULL, "장혜영 정의당 의원실 관계자", "말했다");
    quote(d, 2, 2, "일정을 다시 알리겠다", NULL, "관계자", "덧붙였다");
    ks_doc_free(d);

    /* a party is no name: the name before it is */
    d = BODY("강은미 정의당 의원은 “예방의 효과가 더 크다”고 답했다.");
    quote(d, 0, 0, "예방의 효과가 더 크다", "강은미", "정의당 의원", "답했다");
    ks_doc_free(d);
}

static void test_unnamed_people(void)
{
    /* residents and visitors: no post, no name, or a name and 씨 */
    ks_doc *d = BODY("김철수 경찰청장은 “안전 점검을 강화하겠다”라고 밝혔다.",
                     "현장에 참석한 한 입주민은 “월세 부담이 줄어 다행”이라고 말했다.",
                     "행사에 참석한 이영희 씨는 “큰 도움이 됐다”고 전했다.",
                     "참여연대는 “의혹이 해소되어야 한다”며 답변을 요구했다.");
    KS_CHECK(d->quotes.len == 4, "%zu quotes", d->quotes.len);
    quote(d, 1, 1, "월세 부담이 줄어 다행", NULL, "입주민", "말했다");
    quote(d, 2, 2, "큰 도움이 됐다", "이영희", NULL, "전했다");
    quote(d, 3, 3, "의혹이 해소되어야 한다", NULL, "참여연대", "요구했다");
    ks_doc_free(d);

    /* a name with no title is the sentence's subject; a word shaped like
     * a name that ends like a verb or a profession is not */
    d = BODY("문재인은 1월 18일 자신의 트위터에 “수개표 요청에 응하지 않아서 미안합니다”라며 "
             "사과했다.",
             "김 장관은 회의를 열었다.",
             "변호사는 “소송의 의미가 크다”고 밝혔다.");
    KS_CHECK(d->quotes.len == 2, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "수개표 요청에 응하지 않아서 미안합니다", "문재인", NULL, NULL);
    quote(d, 1, 2, "소송의 의미가 크다", NULL, "장관", "밝혔다");
    ks_doc_free(d);

    /* 도 ("also") after a title; a name and its age before 씨; a title
     * after a body is not the last person named with that title in
     * another body; 보고했다 reports */
    d = BODY("박광온 민주당 대변인은 “역사 왜곡을 규탄한다”고 밝혔다.",
             "훙레이 중국 외교부 대변인도 “안중근은 항일의사이다”라고 밝혔다.",
             "오영주 중소벤처기업부 장관도 “피해 지원을 서두르겠다”고 말했다.",
             "회의에 참석한 김모(45)씨는 “대피소 안내가 부족하다”고 말했다.",
             "소방청장은 “출동 체계를 재점검했다”고 보고했다.");
    KS_CHECK(d->quotes.len == 5, "%zu quotes", d->quotes.len);
    quote(d, 1, 1, "안중근은 항일의사이다", NULL, "중국 외교부 대변인", "밝혔다");
    quote(d, 2, 2, "피해 지원을 서두르겠다", "오영주", "중소벤처기업부 장관", "말했다");
    quote(d, 3, 3, "대피소 안내가 부족하다", "김모", NULL, "말했다");
    quote(d, 4, 4, "출동 체계를 재점검했다", NULL, "소방청장", "보고했다");
    ks_doc_free(d);

    /* a party speaks as a body */
    d = BODY("유민아빠 김영오씨는 단식을 멈췄다. 이를 두고 새누리당은 “대화로 이뤄낸 성과다”라고 "
             "주장했다.");
    quote(d, 0, 0, "대화로 이뤄낸 성과다", NULL, "새누리당", "주장했다");
    ks_doc_free(d);

    /* a particle set apart is not read as the word before it standing
     * for a name: "황 장관은 이 자리에서" */
    d = BODY("황종우 해양수산부 장관은 간담회를 열었다.",
             "황 장관은 이 자리에서 “조직문화 혁신이 필요하다”고 말했다.");
    quote(d, 0, 1, "조직문화 혁신이 필요하다", "황종우", "해양수산부 장관", "말했다");
    ks_doc_free(d);
}

static void test_short_speech(void)
{
    /* a short quotation a person says, with a reporting verb */
    ks_doc *d = BODY("오세훈 서울시장은 “시민 안전이 최우선”이라고 강조했다.",
                     "이정현 대표는 “안타까운 일”이라고 언급했다.");
    KS_CHECK(d->quotes.len == 2, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "시민 안전이 최우선", "오세훈", "서울시장", "강조했다");
    quote(d, 1, 1, "안타까운 일", "이정현", "대표", "언급했다");
    ks_doc_free(d);

    /* a name for something, an organization's slogan, one word: terms */
    d = BODY("시는 이번 사업을 “탄소중립 선도도시”라고 소개했다.",
             "경찰청은 “무관용 원칙”이라고 밝혔다.", "김 장관은 “혁신”이라고 말했다.");
    KS_CHECK(d->quotes.len == 0, "%zu quotes, first \"%s\"", d->quotes.len,
             d->quotes.len ? KS_AT(d->quotes, ks_quote, 0).text : "");
    ks_doc_free(d);
}

static void test_previous_speaker(void)
{
    /* 이어 … 덧붙였다; a stand-alone quotation that continues a sentence */
    ks_doc *d = BODY("김성환 기후에너지환경부 장관은 “하천 복구를 서두르겠다”라고 말했다.",
                     "이어 “제도 이행 점검을 강화하겠다”고 덧붙였다.",
                     "□ 윤호중 행정안전부 장관은 “추경 목적을 적시에 달성하겠다”라며,",
                     "○ “특히, 지역사회 문제해결도 도모하겠다.”",
                     "- 아울러, “새로운 지역 발전 모델을 만들겠다”고 밝혔다.");
    KS_CHECK(d->quotes.len == 5, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "하천 복구를 서두르겠다", "김성환", "기후에너지환경부 장관", "말했다");
    quote(d, 1, 1, "제도 이행 점검을 강화하겠다", "김성환", "기후에너지환경부 장관", "덧붙였다");
    quote(d, 2, 2, "추경 목적을 적시에 달성하겠다", "윤호중", "행정안전부 장관", "밝혔다");
    quote(d, 3, 3, "특히, 지역사회 문제해결도 도모하겠다.", "윤호중", "행정안전부 장관",
          "밝혔다");
    quote(d, 4, 4, "새로운 지역 발전 모델을 만들겠다", "윤호중", "행정안전부 장관", "밝혔다");
    ks_doc_free(d);

    /* instructions: “…할 것”을 지시하였다 */
    d = BODY("김영훈 장관은 집행계획을 점검하며, “청년 일자리 예산이 불용되지 않도록 온 힘을 "
             "다할 것”을 지시하였다.");
    quote(d, 0, 0, "청년 일자리 예산이 불용되지 않도록 온 힘을 다할 것", "김영훈", "장관",
          "지시하였다");
    ks_doc_free(d);
}

static void test_marks(void)
{
    /* straight quotes pair by order; 「…」 */
    ks_doc *d = BODY("김영훈 장관은 \"현장을 끝까지 챙기겠다\"고 말했다.",
                     "송미령 장관은 「농가의 어려움을 덜겠다」고 밝혔다.",
                     "개인정보 보호수준 평가는 「개인정보 보호법」제11조의2에 따른 제도다.");
    KS_CHECK(d->quotes.len == 2, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "현장을 끝까지 챙기겠다", "김영훈", "장관", "말했다");
    quote(d, 1, 1, "농가의 어려움을 덜겠다", "송미령", "장관", "밝혔다");
    KS_CHECK(nwarn(d) == 0, "%zu warnings", nwarn(d));
    ks_doc_free(d);

    /* the two families' quotations in the order of the text, the
     * brackets' around the double quotes' */
    d = BODY("송미령 장관은 「농가의 어려움을 덜겠다」고 밝혔다.",
             "김영훈 장관은 \"현장을 끝까지 챙기겠다\"고 말했다.",
             "윤호중 장관은 『추경을 집행하겠다』고 말했다.");
    KS_CHECK(d->quotes.len == 3, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "농가의 어려움을 덜겠다", "송미령", "장관", "밝혔다");
    quote(d, 1, 1, "현장을 끝까지 챙기겠다", "김영훈", "장관", "말했다");
    quote(d, 2, 2, "추경을 집행하겠다", "윤호중", "장관", "말했다");
    ks_doc_free(d);

    /* ‘…’ inside “…” does not end it */
    d = BODY("김성환 기후에너지환경부 장관은 “재생원료 사용을 늘려 ‘순환경제’의 모범사례로 "
             "만들겠다”라고 밝혔다.");
    quote(d, 0, 0, "재생원료 사용을 늘려 ‘순환경제’의 모범사례로 만들겠다", "김성환",
          "기후에너지환경부 장관", "밝혔다");
    ks_doc_free(d);

    /* a quotation over three paragraphs (PDF line wraps) */
    d = BODY("김성환 기후에너지환경부 장관은 “이번 포상은 현장에서 문제를 끝까지",
             "해결한 직원들에게 드리는 응원”", "이라며, 직원들을 격려했다.");
    KS_CHECK(d->quotes.len == 1, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "이번 포상은 현장에서 문제를 끝까지 해결한 직원들에게 드리는 응원", "김성환",
          "기후에너지환경부 장관", "격려했다");
    KS_CHECK(nwarn(d) == 0, "%zu warnings", nwarn(d));
    ks_doc_free(d);

    /* corner brackets over two paragraphs: each paragraph holds one mark
     * of the pair, and each must be seen for the pair to be read */
    d = BODY("송미령 장관은 「농가의 어려움을", "덜겠다」고 밝혔다.",
             "윤호중 장관은 『추경을", "집행하겠다』고 말했다.");
    KS_CHECK(d->quotes.len == 2, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "농가의 어려움을 덜겠다", "송미령", "장관", "밝혔다");
    quote(d, 1, 2, "추경을 집행하겠다", "윤호중", "장관", "말했다");
    KS_CHECK(nwarn(d) == 0, "%zu warnings", nwarn(d));
    ks_doc_free(d);
}

static void test_not_speech(void)
{
    ks_doc *d = BODY("“방송·미디어·통신 정책 제안해 주세요”",
                     "대구시는 ‘광주광역시 공공기관장 회의’에 초청돼 사례를 소개했다.",
                     "정부는 “AI 기본사회”라는 비전을 발표했다.",
                     "이번 포상은 “탁월한 성과를 낸 공무원에 대해 파격적 보상이 이루어지도록 "
                     "하라”는 대통령 지시에 따라 마련되었다.",
                     "한-브라질 정상회담을 계기로 “전략적 동반자 관계”로 격상된 양국",
                     "우리의 판단기준은 하나입니다.", "“지금 이 순간, 국민에게 도움이 되는가.”",
                     "적립된 “공제부금+이자” 지급");
    KS_CHECK(d->quotes.len == 0, "%zu quotes, first \"%s\"", d->quotes.len,
             d->quotes.len ? KS_AT(d->quotes, ks_quote, 0).text : "");
    KS_CHECK(nwarn(d) == 0, "%zu warnings", nwarn(d));
    ks_doc_free(d);

    /* quotation marks outside the body are not read */
    d = ks_doc_new();
    add(d, KS_ROLE_TITLE, "김 장관은 “잘 하겠다”고 말했다");
    run_doc(d);
    KS_CHECK(d->quotes.len == 0, "%zu quotes", d->quotes.len);
    ks_doc_free(d);
}

static void test_broken(void)
{
    /* missing closing mark, a reporting verb follows: recovered, warned */
    ks_doc *d = BODY("송미령 장관은 “현장을 끝까지 챙기겠다고 말했다.");
    KS_CHECK(d->quotes.len == 1, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "현장을 끝까지 챙기겠다", "송미령", "장관", "말했다");
    KS_CHECK(nwarn(d) == 1, "%zu warnings", nwarn(d));
    ks_doc_free(d);

    /* missing closing mark, no verb: warned, nothing swallowed */
    d = BODY("송미령 장관은 “현장을 끝까지 챙기", "대구시는 행사를 열었다.",
             "윤호중 장관은 “추경을 집행하겠다”고 말했다.");
    KS_CHECK(d->quotes.len == 1, "%zu quotes", d->quotes.len);
    quote(d, 0, 2, "추경을 집행하겠다", "윤호중", "장관", "말했다");
    KS_CHECK(nwarn(d) == 1, "%zu warnings", nwarn(d));
    ks_doc_free(d);

    /* an opening mark never closed: the search stops after a few blocks */
    ks_doc *e = ks_doc_new();
    add(e, KS_ROLE_BODY, "송미령 장관은 “현장을 끝까지 챙기");
    for (int i = 0; i < 20; i++)
        add(e, KS_ROLE_BODY, "대구시는 행사를 열었다.");
    add(e, KS_ROLE_BODY, "행사는 끝났다” 고");
    run_doc(e);
    KS_CHECK(e->quotes.len == 0, "%zu quotes", e->quotes.len);
    KS_CHECK(nwarn(e) == 2, "%zu warnings (unclosed + stray close)", nwarn(e));
    ks_doc_free(e);

    /* a mismatched closing mark (“…“) closes; a title, so no speech */
    d = BODY("“중동발 공사 지연, 민간 건설현장도 공기연장 길 열린다“",
             "원유 수급 차질에 직접 타격을 받는 “석유 정제품 제조업(C192), 화학제품 "
             "제조업(C20)“업종의 사업주");
    KS_CHECK(d->quotes.len == 0, "%zu quotes", d->quotes.len);
    KS_CHECK(nwarn(d) == 0, "%zu warnings", nwarn(d));
    ks_doc_free(d);

    /* a stray closing mark, an empty quotation */
    d = BODY("대구시는 행사를 열었다”.", "“”라고 말했다.");
    KS_CHECK(d->quotes.len == 0, "%zu quotes", d->quotes.len);
    KS_CHECK(nwarn(d) == 1, "%zu warnings", nwarn(d));
    ks_doc_free(d);

    /* an empty document */
    d = ks_doc_new();
    run_doc(d);
    KS_CHECK(d->quotes.len == 0 && nwarn(d) == 0, "empty document");
    ks_doc_free(d);
}

/* Characters beyond the BMP (held as U+FFFD inside the stage) come out
 * whole, at code-point offsets that count them once; more than QT_MARK
 * (64) code points before the quotation, so the walk starts at a mark. */
static void test_beyond_bmp(void)
{
    ks_doc *d = BODY("𠀀 행사에는 😀 시민 100명이 참석했으며, 행사장 주변에는 𠮷 안내 부스와 체험 "
                     "공간이 마련되었다. 김민수 국장은 “𠮷野家 😀 행사가 잘 끝났다”고 말했다.",
                     "이어 김민수 국장은 “다음 행사도 𠀀",
                     "준비하겠다”고 밝혔다.");
    KS_CHECK(d->quotes.len == 2, "%zu quotes", d->quotes.len);
    quote(d, 0, 0, "𠮷野家 😀 행사가 잘 끝났다", "김민수", "국장", "말했다");
    quote(d, 1, 1, "다음 행사도 𠀀 준비하겠다", "김민수", "국장", "밝혔다");
    ks_doc_free(d);
}

/* ---- pathological input ---------------------------------------------------------- */

static void test_pathological(void)
{
    const char *mark = "“가";
    ks_buf big = {0};
    for (int i = 0; i < 100000; i++)
        ks_buf_puts(&big, mark);
    ks_doc *d = ks_doc_new();
    add(d, KS_ROLE_BODY, big.data);
    for (int i = 0; i < 100000; i++)
        add(d, KS_ROLE_BODY, "장관은 “가 나 다");
    ks_buf_free(&big);
    run_doc(d); /* its time: bench/bench.py's linear-time ratios */
    KS_CHECK(d->quotes.len == 0, "%zu quotes", d->quotes.len);
    KS_CHECK(nwarn(d) <= 21, "%zu warnings (capped)", nwarn(d));
    ks_doc_free(d);

    /* 50k closed quotations by one speaker in one paragraph */
    ks_buf many = {0};
    ks_buf_puts(&many, "황종우 해양수산부 장관은 ");
    for (int i = 0; i < 50000; i++)
        ks_buf_puts(&many, "“잘 하겠다”라며 ");
    ks_buf_puts(&many, "말했다.");
    d = ks_doc_new();
    add(d, KS_ROLE_BODY, many.data);
    ks_buf_free(&many);
    run_doc(d);
    KS_CHECK(d->quotes.len == 50000, "%zu quotes", d->quotes.len);
    ks_doc_free(d);
}

/* ---- out of memory ------------------------------------------------------------------ */

static long S_budget = -1; /* allocations left; -1 = unlimited */

static void *fail_malloc(size_t n)
{
    if (S_budget == 0)
        return NULL;
    if (S_budget > 0)
        S_budget--;
    return malloc(n);
}

static void *fail_realloc(void *p, size_t n)
{
    if (S_budget == 0)
        return NULL;
    if (S_budget > 0)
        S_budget--;
    return realloc(p, n);
}

static void test_nomem(void)
{
    int failures = 0, bad = 0;
    bool done = false;
    ks_set_alloc_funcs(fail_malloc, fail_realloc, free);
    for (long n = 0; n < 2000 && !done; n++) {
        S_budget = -1;
        ks_doc *d = ks_doc_new();
        add(d, KS_ROLE_SUMMARY, "- 황종우 해양수산부 장관, 간담회 개최 -");
        add(d, KS_ROLE_BODY, "황 장관은 “중요한 시장이 될 것”이라며 “관리가 필요하다”고 "
                             "강조하였다. 송미령 장관은 “현장을 챙기겠다고 말했다.");
        add(d, KS_ROLE_BODY, "이어 “더 노력하겠다”고 덧붙였다. “끝");
        S_budget = n;
        ks_error err;
        ks_status st = ks_quotes_extract(d, &err);
        S_budget = -1;
        if (st == KS_OK)
            done = true;
        else if (st == KS_ERR_NOMEM && err.code == KS_ERR_NOMEM)
            failures++;
        else
            bad++;
        ks_doc_free(d);
    }
    ks_set_alloc_funcs(NULL, NULL, NULL);
    KS_CHECK(done, "never succeeded");
    KS_CHECK(failures > 5 && bad == 0, "%d NOMEM failures, %d bad statuses", failures, bad);
}

int main(void)
{
    test_basic();
    test_one_speaker_two_quotes();
    test_title_forms();
    test_short_forms();
    test_organization_and_after();
    test_speaker_after();
    test_short_speech();
    test_unnamed_people();
    test_previous_speaker();
    test_marks();
    test_not_speech();
    test_broken();
    test_beyond_bmp();
    test_pathological();
    test_nomem();
    KS_DONE();
}
