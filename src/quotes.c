/*
 * quotes.c -- stage 3 helper: direct quotations and their speakers.
 *
 * Runs after split, when the blocks and their roles are final.  Reads the
 * BODY blocks (body paragraph k = the k-th block with role KS_ROLE_BODY) and
 * fills doc->quotes; reads the other blocks only to learn who is who (a full
 * "name title" mention in a title or summary line).  Never changes a block,
 * so no text is ever lost; a broken quotation becomes a "quote-unbalanced"
 * warning.  Linear in the text: each mark is paired once, each search is
 * bounded (a quotation spans at most QT_MAX_SPAN consecutive body blocks,
 * backward scans stop after a fixed number of words, the who-is-who list is
 * searched over its last QT_REG_WINDOW entries).  Only "quote-unbalanced"
 * warnings are added (at most QT_MAX_WARN, then one summary).  The text is
 * read as code points through a window of blocks (S_win) that the passes
 * move as they go: a large document is never held whole a second time.
 *
 * Offsets: START and END count code points in the paragraph's text, so
 * text == paragraph[start:end].  A quotation that runs over several body
 * paragraphs (a PDF line wrap) is reported in its first paragraph, with END
 * counted in the paragraphs joined by one space; its TEXT joins them the
 * same way.
 *
 * Rules, each with an example (before -> after):
 *
 * 1. Marks.  “…” and straight "…" pair by order, 「…」 and 『…』 likewise;
 *    ‘…’ is always a name or a term and is skipped.  A second “ glued to
 *    the word before it closes the first (a typo for ”); one after a space
 *    opens a new quotation and the first is reported unclosed.  Once it
 *    leaves its paragraph, a quotation may run over at most QT_MAX_SPAN
 *    body blocks and QT_MAX_SPAN_CP code points:
 *      “공사 기간 연장 길 열린다“  ->  one quotation, no warning
 *      “A …  “B”라고             ->  warning for the first “; “B” paired
 * 2. Missing closing mark.  When a reporting verb follows in the same
 *    paragraph, the quotation ends before the quotative ending, with a
 *    warning; otherwise only the warning:
 *      김 장관은 “잘 하겠다고 말했다.  ->  "잘 하겠다", cue 말했다, warning
 * 3. Speech, not a term.  The words after the closing mark decide:
 *    a quotative ending (라고 고 라며 며 면서 라면서 하며 …) makes speech
 *    when the words inside read as a sentence (end in 다/요/까/것) or run to
 *    four words or more; “…할 것”을 지시했다 (을/를 + an instruction verb)
 *    is speech; “…”라는 only before a reporting verb; a quotation standing
 *    alone (nothing but punctuation after it) only when it continues the
 *    previous quotation's sentence (that one ended in 라며, / 면서, …), or
 *    when the sentence ends on its speaker's remark (…의 말이다, 설명이다,
 *    각오다 …).  A shorter quotation (two or three words) is speech when
 *    a reporting verb follows its 라고 / 고 within four words, a person
 *    says it and no object (을/를) names what it stands for:
 *      “AI 기본사회”라는 비전      ->  not speech
 *      “…하라”는 대통령 지시        ->  not speech
 *      장관은 “…다”라며, / ○ “…하겠다.”  ->  two quotations, one speaker
 *      “…” 김영록 전남지사의 말이다   ->  김영록 / 전남지사, cue 말이다
 *      오 시장은 “시민 안전이 최우선”이라고 강조했다  ->  speech
 *      사업을 “탄소중립 선도도시”라고 소개했다  ->  not speech
 * 4. Speaker = the subject of the sentence, the nearest word before the
 *    quotation ending in 은/는/이/가 whose stem is a title (…장, …관, 대표,
 *    위원, 직무대리 …), a confirmed personal name, a "(title name)" group, or
 *    an organization (…부, …청, …원, …들).  The name is the nearest
 *    personal-name word before the title (a common surname and three or four
 *    syllables; a three-syllable word that also looks like a title or a
 *    district, "임승관" "이명구", only when no better name is near); the
 *    title is every word after the name up to the particle:
 *      정장수 대구시 시정혁신단장은 “…”  ->  정장수 / 대구시 시정혁신단장
 *      국토교통부 김연희 도시경제과장은 “…”  ->  김연희 / 도시경제과장
 *      홍보대사인 김다현은 “…”      ->  김다현 / 홍보대사 (the "인" form)
 *      광주광역시(시장 강기정)는 “…” ->  강기정 / 시장
 *      경찰청은 “…”                  ->  null / 경찰청
 *    A 관계자 has no name: the words before it name a body, not them:
 *      장혜영 정의당 의원실 관계자는 “…”  ->  null / 장혜영 정의당 의원실 관계자
 *    Nor do people who hold no post; a name with 씨, or alone as the
 *    sentence's subject, has no title:
 *      한 입주민은 “…”                ->  null / 입주민
 *      이영희 씨는 “…”, 김모(45)씨는 “…”  ->  이영희 / null, 김모 / null
 *      문재인은 … “…”라며              ->  문재인 / null
 *    With no subject before it, a subject after it whose verb reports
 *    the speech, or a title after it behind a modifier verb:
 *      “…”고 오세훈 서울시장은 말했다  ->  오세훈 / 서울시장
 *      “…”며 군은 장비를 보냈다      ->  (군 is not the speaker)
 *      “…”며 정보를 공개한 제약회사 대표  ->  null / 제약회사 대표
 * 5. Short forms repeat an earlier full mention (from any block, the most
 *    recent person that fits, with the longest title printed for them):
 *      황종우 해양수산부 장관은 … 황 장관은 “…”  ->  황종우 / 해양수산부 장관
 *      … 장관은 “…”  ->  the last named 장관, else null / 장관
 *      훙레이 중국 외교부 대변인도 “…”  ->  null / 중국 외교부 대변인 (not
 *      the last named 대변인, of another body; 도 as 은/는 after a title)
 * 6. No subject in the sentence: the previous quotation in the same
 *    sentence, else the nearest earlier speaker (a quotation or a person
 *    subject) within QT_INHERIT body paragraphs:
 *      강기정 광주시장은 “A”라며 “B”라고 말했다  ->  both 강기정
 *      이어 “…”고 덧붙였다        ->  the previous speaker
 * 7. Cue = the first reporting verb after the quotation in its sentence; a
 *    quotation joined to the next one by 라며/면서 takes the next one's:
 *      “A”라며 “B”라고 말했다       ->  cue 말했다 for both
 *      “A”고 전하면서 “B”고 말했다  ->  전하면서, 말했다
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "meta.h"

#define QT_MAX_SPAN 8      /* body blocks a quotation may run over ... */
#define QT_MAX_SPAN_CP 1000 /* ... and code points, once it leaves its block */
#define QT_BACK_WORDS 48   /* words searched back for a subject */
#define QT_INHERIT 3       /* body blocks back for an inherited speaker */
#define QT_REG_WINDOW 256  /* who-is-who entries searched per lookup */
#define QT_MAX_WARN 20     /* quote warnings per document, then one summary */
#define QT_NONE ((size_t)-1)

/* One code point of the text, in two bytes: the marks, the Hangul and
 * everything else the rules compare are in the Basic Multilingual Plane;
 * a character beyond it is U+FFFD here.  The strings handed out are read
 * back from the blocks' UTF-8 (S_string), so no character is lost. */
typedef uint16_t S_ch;

#define QT_MARK 64  /* code points between two byte-offset marks */

/* The window of code points (S_win): at least the blocks a rule can reach
 * from the one it reads (QT_MAX_SPAN + 1 back and ahead), and as many more
 * ahead as fit in QT_WINDOW code points; a document that fits is loaded
 * once, whole. */
#ifndef QT_WINDOW  /* tests/unit/test_quotes_window.c sets both very small */
#define QT_WINDOW ((size_t)1 << 20)
#define QT_WIN_REACH (QT_MAX_SPAN + 1)
#endif

/* The first window's first allocation, in code points: a document of a
 * few pages is decoded without a copy to grow it. */
#define QT_CAP0 (QT_WINDOW < 4096 ? QT_WINDOW : 4096)

/* The code points of blocks [lo, hi): a window on the text.  A large
 * document is never held whole as code points: the passes below walk it
 * in order and load the window as they go (S_miss). */
typedef struct {
    S_ch *cp;
    size_t base;    /* position of cp[0]: bstart[lo] */
    size_t len;     /* bstart[hi] - bstart[lo] */
    size_t cap;
    size_t lo, hi;
    bool failed;    /* out of memory: reads give '\n', the stage fails */
} S_win;

/* The text of all blocks, each block followed by '\n'.  Positions count
 * code points from the start of the first block. */
typedef struct {
    S_win *w;        /* mutable behind a const S_text */
    uint8_t *quoted; /* a bit per code point: inside a paired quotation */
    size_t n;
    size_t *bstart;  /* nblocks + 1 entries */
    size_t *body;    /* per block: body paragraph index or QT_NONE */
    uint8_t *has;    /* per block: QT_HAS_DQ, QT_HAS_BR (its marks) */
    size_t *mark;    /* per QT_MARK code points: the byte offset of code
                      * point k * QT_MARK in its block's text */
    size_t nblocks;
    const ks_block *blocks;
} S_text;

static S_ch S_miss(const S_text *t, size_t p);

/* The code point at position P (0 past the end). */
static inline S_ch S_at(const S_text *t, size_t p)
{
    const S_win *w = t->w;
    if (p - w->base < w->len) /* unsigned: below base wraps around */
        return w->cp[p - w->base];
    return S_miss(t, p);
}

static bool S_quoted(const S_text *t, size_t p)
{
    return (t->quoted[p / 8] >> (p % 8)) & 1u;
}

/* Mark [a, b) quoted: whole bytes between the ends' partial ones. */
static void S_set_quoted(const S_text *t, size_t a, size_t b)
{
    for (; a < b && a % 8; a++)
        t->quoted[a / 8] |= (uint8_t)(1u << (a % 8));
    if (b - a >= 8) {
        memset(t->quoted + a / 8, 0xFF, (b - a) / 8);
        a += (b - a) / 8 * 8;
    }
    for (; a < b; a++)
        t->quoted[a / 8] |= (uint8_t)(1u << (a % 8));
}

/* ---- the window ---------------------------------------------------------- */

static size_t S_block_of(const S_text *t, size_t pos);

/* A block's TEXT (LEN bytes) as the stage reads its code points (a line break in a
 * block is a space here, a character beyond the BMP U+FFFD), then the
 * '\n' that ends it.  With OUT, stores them; with MARKS, records the byte
 * offset of every QT_MARK-th position, counting from POS; with HAS, notes
 * which quotation marks it holds.  Returns the number of code points, the
 * '\n' included. */
#define QT_HAS_DQ 1u /* “ ” " */
#define QT_HAS_BR 2u /* 「 」 『 』 */

/* The code point at S[*J] (J < LEN) as the stage reads it; moves *J past
 * it and adds its family to *H when it is a quotation mark. */
static inline uint32_t S_decode_cp(const unsigned char *s, size_t len, size_t *jp, uint8_t *h)
{
    size_t j = *jp;
    unsigned c = s[j];
    /* a syllable: no mark, no line break */
    uint32_t h3 = ks_utf8_hangul(s + j, len - j);
    if (h3) {
        *jp = j + 3;
        return h3;
    }
    if (c < 0x80) {
        *jp = j + 1;
        if (c == '"')
            *h |= QT_HAS_DQ;
        return c == '\n' ? ' ' : c;
    }
    uint32_t u;
    size_t m = ks_utf8_decode(s + j, len - j, &u);
    *jp = j + (m ? m : 1); /* U+FFFD for a bad byte; the text is valid in practice */
    if (u == 0x201C || u == 0x201D)
        *h |= QT_HAS_DQ;
    else if (u >= 0x300C && u <= 0x300F)
        *h |= QT_HAS_BR;
    return u > 0xFFFF ? 0xFFFD : u;
}

static size_t S_decode_block(const char *text, size_t len, S_ch *out, size_t pos, ks_vec *marks,
                             uint8_t *has, bool *nomem)
{
    const unsigned char *s = (const unsigned char *)text;
    size_t j = 0, n = 0;
    uint8_t h = 0;
    for (;;) {
        if (marks && (pos + n) % QT_MARK == 0 && ks_vec_push(marks, &j) != KS_OK)
            *nomem = true;
        if (j >= len)
            break;
        /* up to the next mark, or the end when none are kept: the inner
         * loops test only the bytes */
        size_t stop = marks ? n + QT_MARK - (pos + n) % QT_MARK : (size_t)-1;
        if (out)
            while (n < stop && j < len)
                out[n++] = (S_ch)S_decode_cp(s, len, &j, &h);
        else
            for (; n < stop && j < len; n++)
                (void)S_decode_cp(s, len, &j, &h);
    }
    if (has)
        *has |= h;
    if (out)
        out[n] = '\n';
    return n + 1;
}

/* Load blocks [lo, hi) into the window. */
static bool S_load(const S_text *t, size_t lo, size_t hi)
{
    S_win *w = t->w;
    size_t need = t->bstart[hi] - t->bstart[lo];
    if (need > w->cap) {
        S_ch *cp = ks_realloc(w->cp, need * sizeof *cp);
        if (!cp) {
            w->failed = true;
            return false;
        }
        w->cp = cp;
        w->cap = need;
    }
    for (size_t i = lo; i < hi; i++) {
        const char *s = t->blocks[i].text ? t->blocks[i].text : "";
        S_decode_block(s, strlen(s), w->cp + (t->bstart[i] - t->bstart[lo]), 0, NULL, NULL,
                       NULL);
    }
    w->lo = lo;
    w->hi = hi;
    w->base = t->bstart[lo];
    w->len = need;
    return true;
}

/* Make the window hold [a, b) (a < b <= n), which it does not: load the
 * blocks of [a, b), QT_WIN_REACH more on either side and as many more
 * ahead as fit in QT_WINDOW code points. */
static bool S_fit_slow(const S_text *t, size_t a, size_t b)
{
    const S_win *w = t->w;
    if (w->failed)
        return false;
    size_t nb = t->nblocks, ba = S_block_of(t, a), bb = S_block_of(t, b - 1);
    size_t lo = ba > QT_WIN_REACH ? ba - QT_WIN_REACH : 0;
    size_t hi = nb - bb > QT_WIN_REACH ? bb + QT_WIN_REACH + 1 : nb;
    while (hi < nb && t->bstart[hi + 1] - t->bstart[lo] <= QT_WINDOW)
        hi++;
    return S_load(t, lo, hi);
}

static inline bool S_fit(const S_text *t, size_t a, size_t b)
{
    const S_win *w = t->w;
    return (a - w->base < w->len && b - w->base <= w->len) || S_fit_slow(t, a, b);
}

static S_ch S_miss(const S_text *t, size_t p)
{
    if (p >= t->n)
        return 0;
    return S_fit(t, p, p + 1) ? t->w->cp[p - t->w->base] : '\n';
}

/* The code points of [a, b) (a < b <= n), valid until the window moves:
 * until the next S_at or S_ptr that reads outside it.  NULL when out of
 * memory. */
static const S_ch *S_ptr(const S_text *t, size_t a, size_t b)
{
    return S_fit(t, a, b) ? t->w->cp + (a - t->w->base) : NULL;
}

typedef struct {
    size_t open, close; /* positions of the marks (close: end when recovered) */
    bool recovered;     /* no closing mark; ended before the reporting verb */
} S_pair;

/* A full "name title" mention, found anywhere in the document.  Its name
 * and title are also kept as code points (S_ctx.names), so that a mention
 * far back is compared without the text around it. */
typedef struct {
    size_t na, nb, ta, tb, pos;
    size_t name, title; /* offsets into S_ctx.names */
} S_person;

/* A speaker: spans into the text; QT_NONE when absent. */
typedef struct {
    size_t na, nb, ta, tb;
    bool person;
    bool set;
} S_who;

typedef struct {
    ks_doc *doc;
    S_text t;
    ks_vec pairs;   /* S_pair */
    ks_vec reg;     /* S_person */
    ks_vec names;   /* S_ch: the code points of the mentions' names and titles */
    bool reg_built; /* reg is built on the first lookup (S_reg_find) */
    bool reg_failed;
    size_t nwarn;
    ks_buf scratch; /* S_string's */
} S_ctx;

/* Per quotation pushed, what the later passes need. */
typedef struct {
    size_t close_end;  /* position after the tail word */
    size_t block;
    S_who who;
    bool connective;   /* tail joins the next quotation (라며, 면서 ...) */
} S_qinfo;

/* ---- small helpers ---------------------------------------------------- */

static bool S_sep(uint32_t c)
{
    return c == '\n' || ks_is_space(c);
}

/* Does the text's [a, b) end with the UTF-8 string SUF?  Compared from the
 * end, one code point at a time against SUF's bytes: a mismatch (the
 * common case, since every word is tried against whole lists) costs one
 * step, and SUF is never decoded. */
static bool S_ends(const S_text *t, size_t a, size_t b, const char *suf)
{
    size_t i = strlen(suf);
    while (i > 0) {
        if (b == a)
            return false;
        unsigned char u[4];
        size_t n = ks_utf8_encode(S_at(t, --b), u);
        if (n > i || memcmp(suf + i - n, u, n) != 0)
            return false;
        i -= n;
    }
    return true;
}

/* Is C one of SET's characters?  SET is a literal of Hangul syllables
 * only (three bytes each), as every set below is. */
static bool S_cp_in(uint32_t c, const char *set)
{
    if (!ks_is_hangul(c))
        return false;
    unsigned char u0 = (unsigned char)(0xE0 | (c >> 12)),
                  u1 = (unsigned char)(0x80 | ((c >> 6) & 0x3F)),
                  u2 = (unsigned char)(0x80 | (c & 0x3F));
    for (const unsigned char *s = (const unsigned char *)set; *s; s += 3)
        if (s[0] == u0 && s[1] == u1 && s[2] == u2)
            return true;
    return false;
}

static bool S_is_dq_open(uint32_t c) { return c == 0x201C; }
static bool S_is_dq_close(uint32_t c) { return c == 0x201D; }
static bool S_is_br_open(uint32_t c) { return c == 0x300C || c == 0x300E; }
static bool S_is_br_close(uint32_t c) { return c == 0x300D || c == 0x300F; }

static bool S_trailing_punct(uint32_t c)
{
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' ||
           c == 0x3001 || c == 0x3002 || c == 0xFF0C;
}

/* Strip trailing punctuation from [a, *b). */
static void S_strip_punct(const S_text *t, size_t a, size_t *b)
{
    while (*b > a && S_trailing_punct(S_at(t, *b - 1)))
        (*b)--;
}

/* ---- word lists --------------------------------------------------------- */

static const char *const S_compound_surnames[] = {"남궁", "황보", "제갈", "선우", "독고",
                                                  "사공", "서문", NULL};

/* Title endings (a title ends in one of these). */
static const char *const S_title_ends[] = {
    "장", "관", "대표", "대사", "위원", "의원", "지사", "군수", "총리", "대통령", "대행",
    "대리", "수석", "교수", "박사", "이사", "고문", "대변인", "특보", "간사", "사무총장",
    "관계자", "담당자", "책임자", "참석자", "참가자", NULL};

/* Words ending like a title that are not one. */
static const char *const S_not_title[] = {
    "현장", "공장", "입장", "주장", "성장", "연장", "확장", "보장", "광장", "극장",
    "농장", "목장", "매장", "행사장", "회의장", "경기장", "운동장", "전시장", "공연장",
    "시험장", "선거장", "기관", "관계", "연관", "상관", "보관", "통관", "주관", "외관",
    "경관", "가치관", "세계관", "박물관", "도서관", "미술관", "전시관", "체육관",
    "기념관", "회관", "대사관", "영사관", "과학관", "문학관", "홍보관", "이사", NULL};

/* Endings of words that are a building or a body, not a post. */
static const char *const S_not_title_ends[] = {
    "기관", "박물관", "도서관", "미술관", "대사관", "현장", NULL};

/* Endings of nouns for people who hold no post: residents, visitors,
 * students ("한 입주민은 “…”"), the speaker's title when no name goes
 * with it. */
static const char *const S_person_ends[] = {
    "민", "객", "학생", "학부모", "상인", "업인", "국인", "노인", "장애인", "참석자",
    "참가자", "이용자", "입주자", "소비자", "근로자", "수상자", "신청자", "수강생",
    "졸업생", "전문가", NULL};

/* Organization endings (a subject that names a body, not a person). */
static const char *const S_org_ends[] = {
    "부", "청", "처", "원", "위", "회", "공사", "공단", "재단", "센터", "기관", "본부",
    "정부", "시", "도", "군", "구", "들", "단", "실", "국", "소", "은행", "기업", "연대", "당", NULL};

/* Words shaped like a name that are not one. */
static const char *const S_not_name[] = {
    "이번", "지난", "우리", "정부", "한국", "최근", "전국", "이날", "이후", "이어서",
    "이에", "또한", "특히", "아울러", "오는", "현재", "향후", "전체", "기존", "신임",
    "전임", "초대", "당시", "공동", "주요", "관계자", "관련", "해당", "모든", "민간",
    "지방", "중앙", "국가", "전문가", "이외", "이상", "이하", "정책", "안전", "강화",
    "조속히", "신속히", "이들", "이러한", "우선", "한편", "그리고", "또는", "방송",
    "대구시", "부산시", "광주시", "인천시", "울산시", "세종시", "정부는", "하지만", "그러나",
    "그런데", "다만", "따라서", NULL};

/* Quotative endings glued to a closing mark. */
static const char *const S_quotative[] = {
    "라고", "이라고", "고", "라며", "이라며", "며", "면서", "라면서", "이라면서", "하며",
    "하면서", "하고", "라고도", "고도", "라구", "라고요", NULL};

/* Of those, the ones that leave the sentence open for the next quotation. */
static const char *const S_connective[] = {
    "라며", "이라며", "며", "면서", "라면서", "이라면서", "하며", "하면서", NULL};

static const char *const S_object[] = {"을", "를", NULL};
static const char *const S_modifier[] = {"라는", "이라는", "는", NULL};

/* Reporting verbs whose stem ends the word's first part. */
static const char *const S_verb_forms[] = {
    "말했", "말하", "말한", "말씀", "밝혔", "밝히", "밝힌", "전했", "전하", "전한",
    "덧붙였", "덧붙이", "덧붙인", "답했", "답하", "답한", "물었", "외쳤", NULL};

/* Verbal nouns that report speech when followed by 하다. */
static const char *const S_verb_nouns[] = {
    "강조", "당부", "지시", "설명", "주문", "요청", "부탁", "언급", "약속", "다짐",
    "촉구", "요구", "건의", "역설", "표명", "주장", "호소", "제안", "격려", "평가",
    "기대", "발언", "답변", "강변", "지적", "소개", "감사", "축하", "권고", "경고",
    "발표", "주재", "보고", "전망", "우려", "비판", "반박", "해명", "토로", "단언", NULL};

/* Nouns that close a sentence on a quotation as its speaker's words:
 * "“…” 김영록 전남지사의 말이다", "…라는 게 시의 설명이다". */
static const char *const S_remarks[] = {
    "말", "설명", "전언", "얘기", "이야기", "각오", "당부", "생각", "주장", "강조",
    "지적", "분석", "평가", "입장", "소감", "다짐", "포부", "조언", "전망", "답변", NULL};

static const char *const S_generic_verbs[] = {
    "하면서", "하며", "했다", "하였다", "한다", "하고", "했으며", "하였으며", NULL};

/* ---- compiled word lists ---------------------------------------------- */

/* The lists above are UTF-8 for reading; every word of a document is tried
 * against them, so they are decoded once (S_lists_init, under pthread_once)
 * into code points, and a word is compared from its last code point: a
 * miss costs a comparison or two.  Surnames become a bitmap of the Hangul
 * syllables. */
#define QT_WMAX 6     /* code points a listed word may have (4 now) */
#define QT_NWORDS(l) (sizeof(l) / sizeof *(l) - 1)
#define QT_POOL                                                                              \
    (QT_NWORDS(S_not_title) + QT_NWORDS(S_title_ends) + QT_NWORDS(S_not_title_ends) +       \
     QT_NWORDS(S_org_ends) + QT_NWORDS(S_not_name) + QT_NWORDS(S_quotative) +               \
     QT_NWORDS(S_connective) + QT_NWORDS(S_object) + QT_NWORDS(S_modifier) +                \
     QT_NWORDS(S_generic_verbs) + QT_NWORDS(S_compound_surnames) + QT_NWORDS(S_remarks) +  \
     QT_NWORDS(S_person_ends))

typedef struct {
    S_ch cp[QT_WMAX];  /* as the text holds them */
    size_t n;
} S_word;

typedef struct {
    const char *const *src;
    const S_word *w;
    size_t n;
} S_list;

static S_list L_not_title = {S_not_title, NULL, 0}, L_title_ends = {S_title_ends, NULL, 0},
              L_not_title_ends = {S_not_title_ends, NULL, 0}, L_org_ends = {S_org_ends, NULL, 0},
              L_not_name = {S_not_name, NULL, 0}, L_quotative = {S_quotative, NULL, 0},
              L_connective = {S_connective, NULL, 0}, L_object = {S_object, NULL, 0},
              L_modifier = {S_modifier, NULL, 0}, L_generic_verbs = {S_generic_verbs, NULL, 0},
              L_compound_surnames = {S_compound_surnames, NULL, 0},
              L_remarks = {S_remarks, NULL, 0}, L_person_ends = {S_person_ends, NULL, 0};
static S_word S_pool[QT_POOL];
/* The reporting verbs, compared from their first code point (S_verb_word),
 * in the lists' order. */
static S_word S_verb_form_w[QT_NWORDS(S_verb_forms)], S_verb_noun_w[QT_NWORDS(S_verb_nouns)];
static uint8_t S_surname_bits[(0xD7A4 - 0xAC00 + 7) / 8];
static pthread_once_t S_lists_once = PTHREAD_ONCE_INIT;

static int S_word_cmp(const void *x, const void *y)
{
    S_ch a = ((const S_word *)x)->cp[((const S_word *)x)->n - 1];
    S_ch b = ((const S_word *)y)->cp[((const S_word *)y)->n - 1];
    return (a > b) - (a < b);
}

/* SRC's code points into W (the lists are Hangul). */
static void S_word_init(S_word *w, const char *src)
{
    const unsigned char *u = (const unsigned char *)src;
    size_t len = strlen(src), j = 0;
    w->n = 0;
    while (j < len && w->n < QT_WMAX) {
        uint32_t c;
        size_t m = ks_utf8_decode(u + j, len - j, &c);
        j += m ? m : 1;
        w->cp[w->n++] = (S_ch)c;
    }
}

static void S_lists_init(void)
{
    for (size_t i = 0; i < QT_NWORDS(S_verb_forms); i++)
        S_word_init(&S_verb_form_w[i], S_verb_forms[i]);
    for (size_t i = 0; i < QT_NWORDS(S_verb_nouns); i++)
        S_word_init(&S_verb_noun_w[i], S_verb_nouns[i]);
    S_list *all[] = {&L_not_title, &L_title_ends, &L_not_title_ends, &L_org_ends, &L_not_name,
                     &L_quotative, &L_connective, &L_object, &L_modifier, &L_generic_verbs,
                     &L_compound_surnames, &L_remarks, &L_person_ends};
    size_t used = 0;
    for (size_t k = 0; k < sizeof all / sizeof *all; k++) {
        S_list *l = all[k];
        l->w = S_pool + used;
        for (size_t i = 0; l->src[i] && used < QT_POOL; i++) {  /* QT_POOL sums ALL */
            S_word_init(&S_pool[used], l->src[i]);
            used++;
            l->n++;
        }
        /* by last code point, for S_in_list's binary search */
        qsort(S_pool + (l->w - S_pool), l->n, sizeof *S_pool, S_word_cmp);
    }
    const unsigned char *u = (const unsigned char *)ks_meta_surnames;
    size_t len = strlen(ks_meta_surnames), j = 0;
    while (j < len) {
        uint32_t c;
        size_t m = ks_utf8_decode(u + j, len - j, &c);
        j += m ? m : 1;
        if (c >= 0xAC00 && c < 0xD7A4)
            S_surname_bits[(c - 0xAC00) / 8] |= (uint8_t)(1u << ((c - 0xAC00) % 8));
    }
}

/* Is the text's [a, b) one of LIST's words (WHOLE), or does it end with one? */
static bool S_in_list(const S_text *t, size_t a, size_t b, const S_list *list, bool whole)
{
    size_t n = b - a;
    if (n == 0)
        return false;
    S_ch last = S_at(t, b - 1);
    size_t lo = 0, hi = list->n;  /* the words are sorted by their last code point */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (list->w[mid].cp[list->w[mid].n - 1] < last)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < list->n && list->w[i].cp[list->w[i].n - 1] == last; i++) {
        const S_word *w = &list->w[i];
        if (whole ? w->n != n : w->n > n)
            continue;
        size_t k = 0;
        while (k + 1 < w->n && S_at(t, b - w->n + k) == w->cp[k])
            k++;
        if (k + 1 == w->n)
            return true;
    }
    return false;
}

static bool S_is_surname(uint32_t c)
{
    return c >= 0xAC00 && c < 0xD7A4 && (S_surname_bits[(c - 0xAC00) / 8] >> ((c - 0xAC00) % 8) & 1);
}

/* ---- word classes ------------------------------------------------------- */

static bool S_all_hangul(const S_text *t, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (!ks_is_hangul(S_at(t, i)))
            return false;
    return b > a;
}

static bool S_title_like(const S_text *t, size_t a, size_t b)
{
    if (b - a < 2)
        return false;
    for (size_t i = a; i < b; i++)
        if (!ks_is_hangul(S_at(t, i)) && !ks_is_digit(S_at(t, i)))
            return false;
    if (!ks_is_hangul(S_at(t, b - 1)))
        return false;
    if (!S_in_list(t, a, b, &L_title_ends, false))
        return false;
    /* "…기관", "…박물관": a building or body, not a post */
    return !S_in_list(t, a, b, &L_not_title, true) &&
           !S_in_list(t, a, b, &L_not_title_ends, false);
}

static bool S_org_like(const S_text *t, size_t a, size_t b)
{
    if (b - a < 2)
        return false;
    for (size_t i = a; i < b; i++)
        if (!ks_is_hangul(S_at(t, i)) && !ks_is_digit(S_at(t, i)) && !ks_is_alpha(S_at(t, i)) &&
            S_at(t, i) != 0x00B7)
            return false;
    return ks_is_hangul(S_at(t, b - 1)) && S_in_list(t, a, b, &L_org_ends, false);
}

/* A personal name: three or four syllables starting with a surname. */
static bool S_name_like(const S_text *t, size_t a, size_t b)
{
    size_t n = b - a;
    if (n < 3 || n > 4 || !S_all_hangul(t, a, b))
        return false;
    /* The surname test first: it is cheap and rejects most words, so the
     * long lists below are read for few of them. */
    bool surname = false;
    if (n == 4) {
        surname = S_in_list(t, a, a + 2, &L_compound_surnames, true);
    } else {
        surname = S_is_surname(S_at(t, a));
    }
    if (!surname || S_cp_in(S_at(t, b - 1), "부청처위실과팀시군구국단들관당급의에"))
        return false;
    return !S_in_list(t, a, b, &L_not_name, true) && !S_title_like(t, a, b);
}

/* A three-syllable word shaped like a name but also like a title or a
 * district ("임승관", "이명구", "이사장"): a name only when no better one
 * is near. */
static bool S_weak_name(const S_text *t, size_t a, size_t b)
{
    if (b - a != 3 || !S_all_hangul(t, a, b) || !S_is_surname(S_at(t, a)))
        return false;
    if (S_in_list(t, a, b, &L_not_name, true) || S_name_like(t, a, b))
        return false;
    return S_title_like(t, a, b) || S_cp_in(S_at(t, b - 1), "구국단");
}

/* A word that can sit inside a "org name title" group. */
static bool S_noun_like(const S_text *t, size_t a, size_t b)
{
    if (b <= a)
        return false;
    for (size_t i = a; i < b; i++)
        if (!ks_is_hangul(S_at(t, i)) && !ks_is_digit(S_at(t, i)) && !ks_is_alpha(S_at(t, i)) &&
            S_at(t, i) != 0x00B7 && S_at(t, i) != '-')
            return false;
    return !S_cp_in(S_at(t, b - 1), "을를에의로며고서게와은는만께");
}

static bool S_sentence_end(const S_text *t, size_t a, size_t b)
{
    if (b - a < 2)
        return false;
    uint32_t c = S_at(t, b - 1);
    return (c == '.' || c == '?' || c == '!') && ks_is_hangul(S_at(t, b - 2));
}

/* Does the text at A start with W (whose first code point matched)? */
static bool S_starts(const S_text *t, size_t a, const S_word *w)
{
    for (size_t k = 1; k < w->n; k++)
        if (S_at(t, a + k) != w->cp[k])
            return false;
    return true;
}

/* Is [a,b) a reporting verb form ("말했다", "강조하였다", "당부하였으며,")? */
static bool S_verb_word(const S_text *t, size_t a, size_t b, bool generic)
{
    S_strip_punct(t, a, &b);
    if (b <= a)
        return false;
    /* the word starts with a listed stem: its first code point rejects
     * nearly every entry */
    S_ch first = S_at(t, a);
    for (size_t i = 0; i < QT_NWORDS(S_verb_forms); i++) {
        const S_word *w = &S_verb_form_w[i];
        if (w->cp[0] == first && b - a >= w->n && S_starts(t, a, w))
            return true;
    }
    for (size_t i = 0; i < QT_NWORDS(S_verb_nouns); i++) {
        const S_word *w = &S_verb_noun_w[i];
        if (w->cp[0] == first && b - a > w->n && S_starts(t, a, w) &&
            S_cp_in(S_at(t, a + w->n), "했하한해할합함하였"))
            return true;
    }
    return generic && S_in_list(t, a, b, &L_generic_verbs, true);
}

/* ---- tokens -------------------------------------------------------------- */

/* The word ending at or before *POS, not below LO, skipping quoted text.
 * Sets [*a, *b) and moves *POS to *a.  False at LO or at a block break. */
static bool S_back(const S_text *t, size_t lo, size_t *pos, size_t *a, size_t *b)
{
    size_t p = *pos;
    if (p <= lo)
        return false;
    const S_ch *s = S_ptr(t, lo, p);
    if (!s)
        return false;
    while (p > lo && (ks_is_space(s[p - 1 - lo]) || S_quoted(t, p - 1)))
        p--;
    if (p <= lo || s[p - 1 - lo] == '\n')
        return false;
    *b = p;
    while (p > lo && !S_sep(s[p - 1 - lo]) && !S_quoted(t, p - 1))
        p--;
    *a = p;
    *pos = p;
    return true;
}

/* The word starting at or after *POS, below HI, skipping quoted text. */
static bool S_fwd(const S_text *t, size_t hi, size_t *pos, size_t *a, size_t *b)
{
    size_t p = *pos, p0 = p;
    if (p >= hi)
        return false;
    const S_ch *s = S_ptr(t, p0, hi);
    if (!s)
        return false;
    while (p < hi && (ks_is_space(s[p - p0]) || S_quoted(t, p)))
        p++;
    if (p >= hi || s[p - p0] == '\n')
        return false;
    *a = p;
    while (p < hi && !S_sep(s[p - p0]) && !S_quoted(t, p))
        p++;
    *b = p;
    *pos = p;
    return true;
}

static size_t S_block_of(const S_text *t, size_t pos)
{
    size_t lo = 0, hi = t->nblocks;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->bstart[mid] <= pos)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* The block that holds POS, or the last one for a position past the end
 * (a word's end after the text's last block). */
static size_t S_block_at(const S_text *t, size_t pos)
{
    return S_block_of(t, pos < t->n ? pos : t->n - 1);
}

/* End of block I's text (the position of its '\n'). */
static size_t S_bend(const S_text *t, size_t i)
{
    return t->bstart[i + 1] - 1;
}

/* ---- building the text ---------------------------------------------------- */

static ks_status S_text_build(S_ctx *c)
{
    const ks_doc *doc = c->doc;
    S_text *t = &c->t;
    size_t nb = doc->blocks.len, n = 0, k = 0;
    ks_vec marks = KS_VEC(size_t);
    bool nomem = false;
    t->nblocks = nb;
    t->blocks = doc->blocks.items;
    t->w = ks_calloc(1, sizeof *t->w);
    t->bstart = ks_calloc(nb + 1, sizeof *t->bstart);
    t->body = ks_calloc(nb + 1, sizeof *t->body);
    t->has = ks_calloc(nb + 1, 1);
    if (!t->w || !t->bstart || !t->body || !t->has)
        return KS_ERR_NOMEM;
    /* The first window is decoded on the way: a document of fewer than
     * QT_WINDOW bytes is read once, whole. */
    S_win *w = t->w;
    bool fill = true;
    for (size_t i = 0; i < nb; i++) {
        const ks_block *blk = &t->blocks[i];
        t->bstart[i] = n;
        t->body[i] = blk->role == KS_ROLE_BODY ? k++ : QT_NONE;
        const char *s = blk->text ? blk->text : "";
        size_t len = strlen(s), most = len + 1; /* code points, at most */
        if (fill && i > 0 && n + most > QT_WINDOW)
            fill = false;
        if (fill && n + most > w->cap) {
            size_t cap = w->cap * 2 > n + most ? w->cap * 2 : n + most;
            if (cap < QT_CAP0)
                cap = QT_CAP0;
            S_ch *cp = ks_realloc(w->cp, cap * sizeof *cp);
            if (!cp)
                fill = false, nomem = true;
            else
                w->cp = cp, w->cap = cap;
        }
        n += S_decode_block(s, len, fill ? w->cp + n : NULL, n, &marks, &t->has[i], &nomem);
        if (fill)
            w->hi = i + 1, w->len = n;
    }
    t->bstart[nb] = n;
    t->n = n;
    t->mark = marks.items;
    t->quoted = ks_calloc(n / 8 + 1, 1);
    if (nomem || !t->quoted)
        return KS_ERR_NOMEM;
    return KS_OK;
}

/* ---- warnings -------------------------------------------------------------- */

static ks_status S_warn(S_ctx *c, size_t pos, const char *what)
{
    if (c->nwarn > QT_MAX_WARN)
        return KS_OK;
    const S_text *t = &c->t;
    size_t b = S_block_of(t, pos);
    long line = KS_AT(c->doc->blocks, ks_block, b).line;
    c->nwarn++;
    if (c->nwarn > QT_MAX_WARN)
        return ks_doc_warn(c->doc, "quote-unbalanced", 0, line,
                           "more unbalanced quotation marks not reported");
    return ks_doc_warn(c->doc, "quote-unbalanced", 0, line,
                       "body paragraph %zu, character %zu: %s", t->body[b],
                       pos - t->bstart[b], what);
}

/* ---- pairing marks -------------------------------------------------------- */


/* Does the second “ at POS close the open quotation (a typo for ”)?  Yes
 * when it is glued to the word before it, as closing marks are:
 * "…열린다“", "…(C20)“ 업종의" (an opening mark follows a space). */
static bool S_open_as_close(const S_text *t, size_t pos)
{
    if (pos == 0)
        return false;
    uint32_t c = S_at(t, pos - 1);
    return !S_sep(c) && c != '(' && c != '[' && c != '<' && !ks_is_open_quote(c) && c != '"';
}

static ks_status S_push_pair(S_ctx *c, size_t open, size_t close, bool recovered)
{
    S_pair p = {open, close, recovered};
    return ks_vec_push(&c->pairs, &p);
}

/* No closing mark for OPEN before HI: end the quotation before a quotative
 * ending + reporting verb in the same block, else only warn. */
static ks_status S_unclosed(S_ctx *c, size_t open, size_t hi)
{
    const S_text *t = &c->t;
    size_t blk = S_block_of(t, open), end = S_bend(t, blk);
    if (hi > end)
        hi = end;
    size_t pos = open + 1, a, b, pa = 0, pb = 0;
    bool have_prev = false;
    while (S_fwd(t, hi, &pos, &a, &b)) {
        if (have_prev && S_verb_word(t, a, b, false)) {
            static const char *const before[] = {"이라고", "이라며", "이라면서", "라고",
                                                 "라며", "라면서", NULL};
            static const char *const after[] = {"다고", "다며", "다면서", NULL};
            size_t cut = QT_NONE;
            for (size_t i = 0; before[i] && cut == QT_NONE; i++)
                if (S_ends(t, pa, pb, before[i]) &&
                    pb - pa > ks_utf8_count(before[i], strlen(before[i])))
                    cut = pb - ks_utf8_count(before[i], strlen(before[i]));
            for (size_t i = 0; after[i] && cut == QT_NONE; i++)
                if (S_ends(t, pa, pb, after[i]))
                    cut = pb - ks_utf8_count(after[i], strlen(after[i])) + 1;
            if (cut != QT_NONE) {
                if (S_push_pair(c, open, cut, true) != KS_OK)
                    return KS_ERR_NOMEM;
                return S_warn(c, open, "no closing quotation mark; "
                                       "ended before the reporting verb");
            }
        }
        pa = a;
        pb = b;
        have_prev = true;
    }
    return S_warn(c, open, "no closing quotation mark; left in the text");
}

typedef struct {
    bool open;
    size_t pos, block;
} S_pstate;

/* One mark at position I of block BI: open (OP), close (CL) or both. */
static ks_status S_pair_mark(S_ctx *c, S_pstate *st, size_t i, size_t bi, bool op, bool cl,
                             bool dq)
{
    const S_text *t = &c->t;
    if (st->open && bi != st->block && i - st->pos > QT_MAX_SPAN_CP) {
        if (S_unclosed(c, st->pos, t->n) != KS_OK)
            return KS_ERR_NOMEM;
        st->open = false;
    }
    if (!st->open) {
        if (op)
            *st = (S_pstate){true, i, bi};
        else if (S_warn(c, i, "closing quotation mark without an opening one") != KS_OK)
            return KS_ERR_NOMEM;
        return KS_OK;
    }
    if (cl || (dq && S_open_as_close(t, i))) {
        if (S_push_pair(c, st->pos, i, false) != KS_OK)
            return KS_ERR_NOMEM;
        st->open = false;
        return KS_OK;
    }
    if (S_unclosed(c, st->pos, i) != KS_OK)
        return KS_ERR_NOMEM;
    *st = (S_pstate){true, i, bi};
    return KS_OK;
}

/* Pair the marks of one family: DQ (“ ” ") or brackets (「 」 『 』). */
static ks_status S_pair_family(S_ctx *c, bool dq)
{
    const S_text *t = &c->t;
    S_pstate st = {false, 0, 0};
    for (size_t bi = 0; bi < t->nblocks; bi++) {
        if (st.open && (t->body[bi] == QT_NONE || bi - st.block >= QT_MAX_SPAN ||
                        t->bstart[bi] - st.pos > QT_MAX_SPAN_CP)) {
            if (S_unclosed(c, st.pos, t->n) != KS_OK)
                return KS_ERR_NOMEM;
            st.open = false;
        }
        /* a block without the family's marks is not read: the window
         * moves only to blocks with quotations */
        size_t b0 = t->bstart[bi], end = S_bend(t, bi);
        if (t->body[bi] == QT_NONE || !(t->has[bi] & (dq ? QT_HAS_DQ : QT_HAS_BR)))
            continue;
        const S_ch *s = S_ptr(t, b0, end);
        for (size_t i = b0; s && i < end; i++) {
            uint32_t u = s[i - b0];
            bool op, cl;
            /* one test for a syllable: every mark is at or below U+300F */
            if (u > 0x300F)
                continue;
            if (dq) {
                op = S_is_dq_open(u) || u == '"';
                cl = S_is_dq_close(u) || u == '"';
            } else {
                op = S_is_br_open(u);
                cl = S_is_br_close(u);
            }
            if (!op && !cl)
                continue;
            if (S_pair_mark(c, &st, i, bi, op, cl, dq) != KS_OK)
                return KS_ERR_NOMEM;
            s = S_ptr(t, b0, end); /* the window may have moved */
        }
        if (!s)
            return KS_ERR_NOMEM;
    }
    if (st.open && S_unclosed(c, st.pos, t->n) != KS_OK)
        return KS_ERR_NOMEM;
    return KS_OK;
}

/* Put the pairs in the order of their opening marks.  S_pair_family
 * pushes each family's pairs in that order (one quotation of a family is
 * open at a time), so [0, K) and [K, len) are sorted runs: they are
 * merged, in linear time, not sorted in O(n log n). */
static ks_status S_sort_pairs(ks_vec *pairs, size_t k)
{
    size_t n = pairs->len;
    if (k == 0 || k >= n)
        return KS_OK;
    S_pair *p = pairs->items;
    if (p[k - 1].open < p[k].open)
        return KS_OK; /* the runs are in order already */
    S_pair *first = ks_malloc(k * sizeof *first);
    if (!first)
        return KS_ERR_NOMEM;
    memcpy(first, p, k * sizeof *first);
    size_t i = 0, j = k, o = 0;
    while (i < k && j < n)
        p[o++] = first[i].open < p[j].open ? first[i++] : p[j++];
    while (i < k)
        p[o++] = first[i++];
    ks_free(first);
    return KS_OK;
}

/* ---- who is who ------------------------------------------------------------ */

/* Strip a trailing particle (은 는 이 가 과 와 의 을 를 도 께서 에게) and
 * punctuation from a title word. */
static void S_strip_particle(const S_text *t, size_t a, size_t *b)
{
    S_strip_punct(t, a, b);
    if (*b - a >= 3 && (S_ends(t, a, *b, "께서") || S_ends(t, a, *b, "에게")))
        *b -= 2;
    else if (*b - a >= 2 && S_cp_in(S_at(t, *b - 1), "은는이가과와의을를도"))
        (*b)--;
}

static ks_status S_reg_add(S_ctx *c, size_t na, size_t nb, size_t ta, size_t tb)
{
    const S_text *t = &c->t;
    S_person p = {na, nb, ta, tb, na, c->names.len, c->names.len + (nb - na)};
    for (size_t i = na; i < nb; i++) {
        S_ch u = S_at(t, i);
        if (ks_vec_push(&c->names, &u) != KS_OK)
            return KS_ERR_NOMEM;
    }
    for (size_t i = ta; i < tb; i++) {
        S_ch u = S_at(t, i);
        if (ks_vec_push(&c->names, &u) != KS_OK)
            return KS_ERR_NOMEM;
    }
    return ks_vec_push(&c->reg, &p);
}

/* Does the word at A follow a closing quotation mark, as the tail of a
 * quotation ("”이라고") does? */
static bool S_quote_tail(const S_text *t, size_t a)
{
    if (a == 0)
        return false;
    S_ch c = S_at(t, a - 1);
    return S_quoted(t, a - 1) || S_is_dq_close(c) || S_is_br_close(c) || c == '"';
}

/* Record every "NAME [org] TITLE" and "TITLE인 NAME" / "(TITLE NAME)"
 * mention in every block. */
static ks_status S_reg_build(S_ctx *c)
{
    const S_text *t = &c->t;
    for (size_t bi = 0; bi < t->nblocks; bi++) {
        size_t hi = S_bend(t, bi), pos = t->bstart[bi], a, b;
        size_t pa = QT_NONE, pb = 0; /* previous word */
        while (S_fwd(t, hi, &pos, &a, &b)) {
            /* the word as a name: "김다현은" "김윤덕)는" "(장관" ... */
            size_t na = a, core = b;
            S_strip_punct(t, na, &core);
            if (core - na >= 4 && S_cp_in(S_at(t, core - 1), "은는이가"))
                core--;
            while (core > na && S_at(t, core - 1) == ')')
                core--;
            if (core > na && S_at(t, na) == '(')
                na++;
            /* (a quotation's tail is no name: "”이라고 복지부 장관은") */
            bool name = !S_quote_tail(t, a) && S_name_like(t, na, core);
            if (!name && !S_quote_tail(t, a) && S_weak_name(t, na, core) && core == b)
                name = pa == QT_NONE || !S_name_like(t, pa, pb);
            if (name && core == b) {
                /* NAME followed by noun words ending in a title */
                size_t p2 = pos, wa, wb, last = QT_NONE, ta = QT_NONE;
                for (int k = 0; k < 4 && S_fwd(t, hi, &p2, &wa, &wb); k++) {
                    size_t sb = wb;
                    S_strip_particle(t, wa, &sb);
                    bool stop = sb != wb;
                    if (!S_noun_like(t, wa, sb) && !S_title_like(t, wa, sb))
                        break;
                    if (ta == QT_NONE)
                        ta = wa;
                    if (S_title_like(t, wa, sb))
                        last = sb;
                    if (stop)
                        break;
                }
                if (last != QT_NONE && S_reg_add(c, na, core, ta, last) != KS_OK)
                    return KS_ERR_NOMEM;
            }
            if (name && pa != QT_NONE) {
                /* "홍보대사인 NAME", "(장관 NAME)" */
                size_t ta = pa, tb = pb;
                for (size_t i = pa; i < pb; i++)
                    if (S_at(t, i) == '(')
                        ta = i + 1;
                if (tb - ta >= 3 && S_at(t, tb - 1) == 0xC778 /* 인 */)
                    tb--;
                if (S_title_like(t, ta, tb) && S_reg_add(c, na, core, ta, tb) != KS_OK)
                    return KS_ERR_NOMEM;
            }
            pa = a;
            pb = b;
        }
    }
    return KS_OK;
}

static const S_ch *S_name_cp(const S_ctx *c, const S_person *p)
{
    return &KS_AT(c->names, S_ch, p->name);
}

static const S_ch *S_title_cp(const S_ctx *c, const S_person *p)
{
    return &KS_AT(c->names, S_ch, p->title);
}

/* Is the text's [a, b) P's name? */
static bool S_is_name_of(const S_ctx *c, const S_person *p, size_t a, size_t b)
{
    const S_ch *x = S_name_cp(c, p);
    if (b - a != p->nb - p->na)
        return false;
    for (size_t i = 0; i < b - a; i++)
        if (S_at(&c->t, a + i) != x[i])
            return false;
    return true;
}

/* Does P's title end with the text's [a, b)? */
static bool S_title_ends_with(const S_ctx *c, const S_person *p, size_t a, size_t b)
{
    size_t n = p->tb - p->ta;
    const S_ch *x = S_title_cp(c, p);
    if (b - a > n)
        return false;
    for (size_t i = 0; i < b - a; i++)
        if (S_at(&c->t, a + i) != x[n - (b - a) + i])
            return false;
    return true;
}

/* Find the most recent mention before POS whose title ends with the text's
 * [sa, sb) and (when SUR != 0) whose name starts with SUR; or whose name
 * equals [na, nb) (when NA != QT_NONE).  Fills WHO with that name and the
 * longest title printed for it nearby. */
static bool S_reg_find(S_ctx *c, size_t pos, uint32_t sur, size_t sa, size_t sb, size_t na,
                       size_t nb, S_who *who)
{
    /* Most documents never look a name up: the registry, a walk over
     * every word of every block, is built for those that do.  It reads
     * only the text and the quoted bits, final before the first lookup,
     * so it comes out as it would have been built first. */
    if (!c->reg_built) {
        c->reg_built = true;
        if (S_reg_build(c) != KS_OK)
            c->reg_failed = true;
    }
    if (c->reg_failed)
        return false;
    size_t lo = 0, hi = c->reg.len;
    while (lo < hi) { /* first entry at or after POS */
        size_t mid = lo + (hi - lo) / 2;
        if (KS_AT(c->reg, S_person, mid).pos < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t end = lo, start = end > QT_REG_WINDOW ? end - QT_REG_WINDOW : 0;
    if (end == 0) /* nothing before: a later full mention still names them */
        end = c->reg.len < QT_REG_WINDOW ? c->reg.len : QT_REG_WINDOW;
    const S_person *hit = NULL;
    for (size_t i = end; i-- > start;) {
        const S_person *p = &KS_AT(c->reg, S_person, i);
        if (na != QT_NONE) {
            if (!S_is_name_of(c, p, na, nb))
                continue;
        } else {
            if (sur && S_name_cp(c, p)[0] != sur)
                continue;
            if (!S_title_ends_with(c, p, sa, sb))
                continue;
        }
        hit = p;
        break;
    }
    if (!hit)
        return false;
    const S_person *best = hit;
    size_t last = c->reg.len < start + 2 * QT_REG_WINDOW ? c->reg.len : start + 2 * QT_REG_WINDOW;
    for (size_t i = start; i < last; i++) {
        const S_person *p = &KS_AT(c->reg, S_person, i);
        if (p->nb - p->na == hit->nb - hit->na &&
            memcmp(S_name_cp(c, p), S_name_cp(c, hit), (p->nb - p->na) * sizeof(S_ch)) == 0 &&
            p->tb - p->ta > best->tb - best->ta &&
            (na != QT_NONE || S_title_ends_with(c, p, sa, sb)))
            best = p;
    }
    *who = (S_who){best->na, best->nb, best->ta, best->tb, true, true};
    return true;
}

/* ---- speakers ---------------------------------------------------------------- */

/* The word before [a, b) in the same block, or false. */
static bool S_prev_word(const S_text *t, size_t lo, size_t a, size_t *pa, size_t *pb)
{
    size_t p = a;
    return S_back(t, lo, &p, pa, pb);
}

/* The speaker a noun phrase ending in the stem [a, stem_b) names (its
 * particle taken off): a title and the name before it, a name and the
 * title before it, a short form, or an organization (not with
 * PERSON_ONLY).  Fills WHO. */
static bool S_who_of(S_ctx *c, size_t lo, size_t a, size_t stem_b, bool person_only, S_who *who)
{
    const S_text *t = &c->t;
    if (stem_b > a && S_at(t, stem_b - 1) == ')') {
        /* "광주광역시(시장 강기정)는": look for "(TITLE NAME)" */
        size_t na = a, nb = stem_b - 1, ta = QT_NONE, tb = 0, wa, wb;
        if (!S_name_like(t, na, nb) || !S_prev_word(t, lo, a, &wa, &wb))
            return false;
        for (size_t i = wa; i < wb; i++)
            if (S_at(t, i) == '(')
                ta = i + 1;
        tb = wb;
        if (ta == QT_NONE || !S_title_like(t, ta, tb))
            return false;
        *who = (S_who){na, nb, ta, tb, true, true};
        return true;
    }
    if (S_ends(t, a, stem_b, "관계자")) {
        /* nobody named: "경찰 관계자", "장혜영 정의당 의원실 관계자" (one of
         * the office, not the member); the words before that name a body */
        size_t ta = a, p = a, wa, wb;
        for (int k = 0; k < 3 && S_back(t, lo, &p, &wa, &wb); k++) {
            /* (not a quotation's tail: "“…”이라고 복지부 관계자는") */
            if (S_in_list(t, wa, wb, &L_not_name, true) || S_quote_tail(t, wa) ||
                (!S_org_like(t, wa, wb) &&
                 (S_cp_in(S_at(t, wb - 1), "해하서면고며은는이가을를의에도") ||
                  (!S_name_like(t, wa, wb) &&
                   (wb - wa < 2 || wb - wa > 4 || !S_all_hangul(t, wa, wb))))))
                break;
            ta = wa;
        }
        *who = (S_who){QT_NONE, QT_NONE, ta, stem_b, true, true};
        return true;
    }
    if (S_title_like(t, a, stem_b)) {
        /* walk back over "org" words to the nearest name */
        size_t p = a, wa, wb, first = a, weak_a = QT_NONE, weak_b = 0, weak_first = 0;
        for (int k = 0; k < 5 && S_back(t, lo, &p, &wa, &wb); k++) {
            if (S_quote_tail(t, wa))
                break; /* "“…”이라고 복지부 장관은" */
            if (S_name_like(t, wa, wb)) {
                *who = (S_who){wa, wb, first, stem_b, true, true};
                return true;
            }
            if (wb - wa == 1 && S_is_surname(S_at(t, wa))) {
                if (k > 0)
                    break;
                /* "황 장관은": the full mention given earlier */
                if (S_reg_find(c, wa, S_at(t, wa), a, stem_b, QT_NONE, 0, who))
                    return true;
                *who = (S_who){QT_NONE, QT_NONE, a, stem_b, true, true};
                return true;
            }
            if (wb - wa == 2 && S_all_hangul(t, wa, wb) && !S_title_like(t, wa, wb) &&
                !S_in_list(t, wa, wb, &L_not_name, true) && !S_org_like(t, wa, wb)) {
                /* "허 재우 실장은" (broken spacing in a name) */
                size_t xa, xb, q = wa;
                if (S_back(t, lo, &q, &xa, &xb) && xb - xa == 1 && S_is_surname(S_at(t, xa))) {
                    *who = (S_who){xa, wb, first, stem_b, true, true};
                    return true;
                }
            }
            if (weak_a == QT_NONE && S_weak_name(t, wa, wb)) {
                weak_a = wa;
                weak_b = wb;
                weak_first = first;
            }
            if (!S_noun_like(t, wa, wb))
                break;
            first = wa;
        }
        if (weak_a != QT_NONE) {
            *who = (S_who){weak_a, weak_b, weak_first, stem_b, true, true};
            return true;
        }
        /* a title with no name: the last person so titled, the body
         * before the title included ("중국 외교부 대변인" is not the last
         * named "민주당 대변인"), else the title */
        size_t ta = a, q = a, wa2, wb2;
        for (int k = 0; k < 2 && S_back(t, lo, &q, &wa2, &wb2) && S_org_like(t, wa2, wb2); k++)
            ta = wa2;
        if (S_reg_find(c, a, 0, ta, stem_b, QT_NONE, 0, who))
            return true;
        *who = (S_who){QT_NONE, QT_NONE, ta, stem_b, true, true};
        return true;
    }
    if (S_name_like(t, a, stem_b)) {
        /* "홍보대사인 김다현은", or a name known from a full mention */
        size_t wa, wb;
        if (S_prev_word(t, lo, a, &wa, &wb)) {
            size_t tb = wb;
            if (tb - wa >= 3 && S_at(t, tb - 1) == 0xC778 /* 인 */)
                tb--;
            if (S_title_like(t, wa, tb)) {
                size_t ta = wa, q = wa, xa, xb;
                if (S_back(t, lo, &q, &xa, &xb) && S_org_like(t, xa, xb))
                    ta = xa;
                *who = (S_who){a, stem_b, ta, tb, true, true};
                return true;
            }
        }
        if (S_reg_find(c, a, 0, 0, 0, a, stem_b, who))
            return true;
        /* the sentence's own subject, a name with no title: "문재인은 …
         * “…”라며"; not a word that ends like a verb, a profession or a
         * body ("모른다", "변호사", "이사회", "한림원", "차관보") */
        if (person_only || S_org_like(t, a, stem_b) ||
            S_cp_in(S_at(t, stem_b - 1), "다사회족원보요까지게고며서도만님하은는이가을를의에로와과"))
            return false;
        *who = (S_who){a, stem_b, QT_NONE, QT_NONE, true, true};
        return true;
    }
    if (stem_b - a == 1 && S_at(t, a) == 0xC528 /* 씨 */) {
        /* "이영희 씨는": the name, no title */
        size_t wa, wb;
        if (S_prev_word(t, lo, a, &wa, &wb) && S_name_like(t, wa, wb)) {
            *who = (S_who){wa, wb, QT_NONE, QT_NONE, true, true};
            return true;
        }
        return false;
    }
    if (stem_b - a >= 3 && S_at(t, stem_b - 1) == 0xC528 /* 씨 */) {
        /* "김모(45)씨는", "김모씨는": the name as printed, without the age */
        size_t nb = stem_b - 1;
        if (S_at(t, nb - 1) == ')') {
            size_t o = nb - 1;
            while (o > a && S_at(t, o) != '(')
                o--;
            nb = o;
        }
        if (nb > a && (S_name_like(t, a, nb) ||
                       (nb - a == 2 && S_is_surname(S_at(t, a)) && S_at(t, a + 1) == 0xBAA8 /* 모 */))) {
            *who = (S_who){a, nb, QT_NONE, QT_NONE, true, true};
            return true;
        }
        return false;
    }
    if (stem_b - a >= 2 && stem_b - a <= 5 && S_all_hangul(t, a, stem_b) &&
        S_in_list(t, a, stem_b, &L_person_ends, false)) {
        /* "한 입주민은": nobody named, the people they are */
        *who = (S_who){QT_NONE, QT_NONE, a, stem_b, true, true};
        return true;
    }
    if (!person_only && S_org_like(t, a, stem_b)) {
        *who = (S_who){QT_NONE, QT_NONE, a, stem_b, false, true};
        return true;
    }
    return false;
}

/* Try the word [a, b) as a sentence subject; fill WHO.  PERSON_ONLY skips
 * organizations. */
static bool S_subject(S_ctx *c, size_t lo, size_t a, size_t b, bool person_only, S_who *who)
{
    const S_text *t = &c->t;
    size_t sb = b;
    S_strip_punct(t, a, &sb);
    if (sb <= a)
        return false;
    size_t stem_a = a, stem_b;
    if (sb - a == 1 && S_cp_in(S_at(t, a), "은는이가")) {
        /* particle set apart by broken spacing: "원장 은" */
        if (!S_prev_word(t, lo, a, &stem_a, &stem_b))
            return false;
    } else if (sb - a >= 3 && S_ends(t, a, sb, "께서는")) {
        stem_b = sb - 3;
    } else if (sb - a >= 3 && S_ends(t, a, sb, "께서")) {
        stem_b = sb - 2;
    } else if (sb - a >= 2 && S_cp_in(S_at(t, sb - 1), "은는")) {
        stem_b = sb - 1;
    } else if (sb - a >= 3 && S_cp_in(S_at(t, sb - 1), "이가도")) {
        /* "장관이", "장관도": only after a title, which no word ends in */
        stem_b = sb - 1;
        if (!S_title_like(t, a, stem_b))
            return false;
    } else {
        return false;
    }
    return S_who_of(c, lo, stem_a, stem_b, person_only, who);
}

/* The subject of the sentence that holds OPEN, searched back to the
 * sentence start.  Returns the subject's position or QT_NONE. */
static size_t S_find_subject(S_ctx *c, size_t open, S_who *who)
{
    const S_text *t = &c->t;
    size_t blk = S_block_of(t, open), lo = t->bstart[blk], pos = open, a, b;
    for (int k = 0; k < QT_BACK_WORDS && S_back(t, lo, &pos, &a, &b); k++) {
        if (S_sentence_end(t, a, b))
            break;
        if (S_subject(c, lo, a, b, false, who))
            return a;
    }
    return QT_NONE;
}

/* The nearest person subject before POS, over earlier sentences and at
 * most QT_INHERIT body blocks back. */
static size_t S_find_person_before(S_ctx *c, size_t pos, S_who *who)
{
    const S_text *t = &c->t;
    size_t blk = S_block_of(t, pos), words = 0;
    for (size_t back = 0; back <= QT_INHERIT && back <= blk; back++) {
        size_t bi = blk - back;
        if (t->body[bi] == QT_NONE)
            break;
        size_t lo = t->bstart[bi], p = back ? S_bend(t, bi) : pos, a, b;
        while (words++ < 4 * QT_BACK_WORDS && S_back(t, lo, &p, &a, &b))
            if (S_subject(c, lo, a, b, true, who))
                return a;
    }
    return QT_NONE;
}

/* A speaker printed after the quotation, in the same sentence: a
 * modifier verb and then a title, "“…”며 정보를 공개한 제약회사 대표". */
static bool S_find_after(const S_ctx *c, size_t pos, S_who *who)
{
    const S_text *t = &c->t;
    size_t blk = S_block_at(t, pos), hi = S_bend(t, blk), a, b;
    bool modifier = false;
    size_t ta = QT_NONE;
    for (int k = 0; k < 10 && S_fwd(t, hi, &pos, &a, &b); k++) {
        size_t sb = b;
        S_strip_particle(t, a, &sb);
        if (modifier && S_noun_like(t, a, sb)) {
            if (ta == QT_NONE)
                ta = a;
            if (S_title_like(t, a, sb)) {
                *who = (S_who){QT_NONE, QT_NONE, ta, sb, true, true};
                size_t q = b, na, nb;
                if (sb == b && S_fwd(t, hi, &q, &na, &nb)) {
                    size_t core = nb;
                    S_strip_particle(t, na, &core);
                    if (S_name_like(t, na, core)) {
                        who->na = na;
                        who->nb = core;
                    }
                }
                return true;
            }
            if (sb != b || k > 8)
                return false;
            continue;
        }
        ta = QT_NONE;
        modifier = b - a >= 2 && S_all_hangul(t, a, b) &&
                   S_cp_in(S_at(t, b - 1), "한은던된는");
        if (S_sentence_end(t, a, b))
            return false;
    }
    return false;
}

/* ---- the tail after a quotation ------------------------------------------------ */

/* The word glued to the closing mark at CLOSE (or, when the mark ends its
 * block, the first word of the next block).  Punctuation stripped. */
static bool S_tail_word(const S_text *t, size_t close, size_t *a, size_t *b)
{
    size_t p = close + 1;
    bool next_block = false;
    if (p < t->n && S_at(t, p) == '\n' && p + 1 < t->n) {
        size_t nb = S_block_of(t, p + 1);
        if (t->body[nb] == QT_NONE)
            return false;
        p++;
        next_block = true;
    } else if (p >= t->n || S_sep(S_at(t, p))) {
        return false;
    }
    *a = p;
    while (p < t->n && !S_sep(S_at(t, p)) && !S_is_dq_open(S_at(t, p)) && S_at(t, p) != '"')
        p++;
    *b = p;
    S_strip_punct(t, *a, b);
    /* a line wrap right after the mark (PDF text): only a quotative word
     * at the start of the next block belongs to the quotation */
    return !next_block || S_in_list(t, *a, *b, &L_quotative, true) ||
           S_in_list(t, *a, *b, &L_object, true);
}

/* A reporting verb within MAXW words from POS in the same block, before
 * the next quotation and the end of the sentence; its span in *VA, *VB. */
static bool S_find_verb(const S_text *t, size_t pos, int maxw, bool generic_first, size_t *va,
                        size_t *vb)
{
    size_t blk = S_block_at(t, pos), hi = S_bend(t, blk), a, b;
    for (int k = 0; k < maxw; k++) {
        size_t before = pos;
        while (before < hi && ks_is_space(S_at(t, before)))
            before++;
        if (before < hi && S_quoted(t, before))
            return false; /* the next quotation */
        if (!S_fwd(t, hi, &pos, &a, &b))
            return false;
        if (S_verb_word(t, a, b, generic_first && k == 0)) {
            *va = a;
            *vb = b;
            S_strip_punct(t, a, vb);
            return true;
        }
        if (S_sentence_end(t, a, b))
            return false;
    }
    return false;
}

/* Words in [a, b), and whether the last one ends a sentence. */
static size_t S_words(const S_text *t, size_t a, size_t b)
{
    size_t n = 0;
    bool in = false;
    for (size_t i = a; i < b; i++) {
        bool sp = S_sep(S_at(t, i));
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

static bool S_sentence_like(const S_text *t, size_t a, size_t b)
{
    while (b > a && (S_sep(S_at(t, b - 1)) || S_trailing_punct(S_at(t, b - 1)) ||
                     S_at(t, b - 1) == 0x2026))
        b--;
    return b > a && S_cp_in(S_at(t, b - 1), "다요까죠것니네");
}

/* A subject printed after the quotation, before the reporting verb of
 * the same sentence: "“…”고 오세훈 서울시장은 말했다". */
static bool S_find_subject_after(S_ctx *c, size_t pos, S_who *who)
{
    const S_text *t = &c->t;
    size_t blk = S_block_at(t, pos), lo = t->bstart[blk],
           hi = S_bend(t, blk), a, b;
    for (int k = 0; k < 6 && S_fwd(t, hi, &pos, &a, &b); k++) {
        if (S_verb_word(t, a, b, true) || S_sentence_end(t, a, b))
            return false;
        if (S_subject(c, lo, a, b, false, who)) {
            /* and the verb is theirs: not a new clause, "“…”며 군은 …" */
            size_t va, vb;
            return S_find_verb(t, b, 3, true, &va, &vb);
        }
    }
    return false;
}

/* Is [a, b) a remark noun and a copula, "말이다", "설명이었다", "당부다"? */
static bool S_remark_word(const S_text *t, size_t a, size_t b)
{
    static const char *const copulas[] = {"이었다", "였다", "입니다", "이다", "다"};
    for (size_t i = 0; i < sizeof copulas / sizeof *copulas; i++) {
        size_t n = strlen(copulas[i]) / 3; /* Hangul: three bytes each */
        if (b - a > n && S_ends(t, a, b, copulas[i]) &&
            S_in_list(t, a, b - n, &L_remarks, true))
            return true;
    }
    return false;
}

/* The sentence after a quotation ends on its speaker's remark, the
 * speaker in the word before it: "“…” 김영록 전남지사의 말이다", "…라는
 * 게 시의 설명이다".  Fills WHO and the remark's span (the cue). */
static bool S_find_remark(S_ctx *c, size_t pos, S_who *who, size_t *va, size_t *vb)
{
    const S_text *t = &c->t;
    size_t blk = S_block_at(t, pos), lo = t->bstart[blk],
           hi = S_bend(t, blk), a, b, pa = QT_NONE, pb = 0;
    for (int k = 0; k < 6 && S_fwd(t, hi, &pos, &a, &b); k++) {
        size_t sb = b;
        S_strip_punct(t, a, &sb);
        if (pa != QT_NONE && pb - pa >= 2 && S_at(t, pb - 1) == 0xC758 /* 의 */ &&
            S_remark_word(t, a, sb) && S_who_of(c, lo, pa, pb - 1, false, who)) {
            *va = a;
            *vb = sb;
            return true;
        }
        if (S_sentence_end(t, a, b) || S_verb_word(t, a, b, false))
            return false;
        pa = a;
        pb = b;
    }
    return false;
}

/* Does the word before the mark at OPEN take an object particle, so
 * that the quotation names what it stands for ("사업을 “…”이라고 소개했다")? */
static bool S_object_before(const S_text *t, size_t open)
{
    size_t blk = S_block_of(t, open), pos = open, a, b;
    return S_back(t, t->bstart[blk], &pos, &a, &b) && b - a >= 2 &&
           S_cp_in(S_at(t, b - 1), "을를");
}

/* ---- strings out ---------------------------------------------------------------- */

/* A UTF-8 copy of [a, b) in the document's quote_strings, read from the
 * blocks' texts (the code points here stop at the BMP); line breaks become
 * spaces, or with NOSPACE every space is dropped (a name split by broken
 * spacing: "허 재우").  The walk to A starts at the nearest mark: at most
 * QT_MARK code points.  A code point that decodes is copied as its bytes,
 * which are its UTF-8 (the decoder takes no overlong form); a bad byte is
 * U+FFFD, as it reads.  Written in C's scratch buffer first. */
static char *S_string(S_ctx *c, size_t a, size_t b, bool nospace)
{
    const S_text *t = &c->t;
    ks_buf *out = &c->scratch;
    ks_buf_clear(out);
    if (a >= b)
        return ks_arena_strndup(&c->doc->quote_strings, "", 0);
    /* four bytes a position at most: the loop below writes without a test */
    if (b - a > (SIZE_MAX - 1) / 4 || ks_buf_reserve(out, 4 * (b - a)) != KS_OK)
        return NULL;
    unsigned char *o = (unsigned char *)out->data;
    size_t bi = S_block_of(t, a), i = a / QT_MARK * QT_MARK, j = 0;
    if (i >= t->bstart[bi])
        j = t->mark[a / QT_MARK];
    else
        i = t->bstart[bi];
    const unsigned char *s = (const unsigned char *)t->blocks[bi].text;
    size_t bend = S_bend(t, bi);
    for (; i < b; i++) {
        uint32_t u = '\n';
        size_t m = 0;
        const unsigned char *p = s + j;
        if (i == bend) {  /* the mark between two blocks */
            if (++bi < t->nblocks) {
                s = (const unsigned char *)t->blocks[bi].text;
                bend = S_bend(t, bi);
            }
            j = 0;
        } else if (ks_utf8_hangul(p, p[0] && p[1] ? 3 : 0)) {
            /* a syllable: copied as it is, and never a space (the text
             * ends in a NUL: where P[0] and P[1] are no NUL, P[2] can be
             * read; the block's length is not counted here, which would
             * make a long block's many strings quadratic) */
            u = 0xAC00;
            m = 3;
            j += 3;
        } else if (s[j]) {
            /* a block's text ends in a NUL, which no sequence continues
             * into: the decoder stops there, whatever length it is told */
            m = ks_utf8_decode(p, 4, &u);
            j += m ? m : 1;
        }
        if (i < a || (nospace && S_sep(u)))
            continue;
        if (u == '\n') {
            *o++ = ' ';
        } else if (m) {
            for (size_t k = 0; k < m; k++)
                *o++ = p[k];
        } else { /* U+FFFD */
            *o++ = 0xEF;
            *o++ = 0xBF;
            *o++ = 0xBD;
        }
    }
    return ks_arena_strndup(&c->doc->quote_strings, out->data, (size_t)((char *)o - out->data));
}

static ks_status S_emit(S_ctx *c, size_t ta, size_t tb, const S_who *who, size_t va, size_t vb)
{
    const S_text *t = &c->t;
    size_t blk = S_block_of(t, ta);
    ks_quote q = {0};
    q.paragraph = t->body[blk];
    q.start = ta - t->bstart[blk];
    q.end = tb - t->bstart[blk];
    /* (a string of a failed quotation stays in the arena until the
     * document is freed) */
    if (!(q.text = S_string(c, ta, tb, false)) ||
        (who->set && who->na != QT_NONE && !(q.name = S_string(c, who->na, who->nb, true))) ||
        (who->set && who->ta != QT_NONE && who->tb > who->ta &&
         !(q.title = S_string(c, who->ta, who->tb, false))) ||
        (va != QT_NONE && !(q.cue = S_string(c, va, vb, false))) ||
        ks_vec_push(&c->doc->quotes, &q) != KS_OK)
        return KS_ERR_NOMEM;
    return KS_OK;
}

/* Is there a sentence end in [a, b) (outside quotations)? */
static bool S_sentence_between(const S_text *t, size_t a, size_t b)
{
    size_t pos = a, wa, wb;
    while (pos < b) {
        size_t blk = S_block_of(t, pos), hi = S_bend(t, blk);
        if (hi > b)
            hi = b;
        if (!S_fwd(t, hi, &pos, &wa, &wb)) {
            pos = hi + 1;
            continue;
        }
        if (S_sentence_end(t, wa, wb))
            return true;
    }
    return false;
}

/* ---- the main pass --------------------------------------------------------------- */

static ks_status S_quotes(S_ctx *c, ks_vec *info)
{
    const S_text *t = &c->t;
    for (size_t i = 0; i < c->pairs.len; i++) {
        const S_pair *pr = &KS_AT(c->pairs, S_pair, i);
        size_t ta = pr->open + 1, tb = pr->close;
        while (ta < tb && S_sep(S_at(t, ta)))
            ta++;
        while (tb > ta && S_sep(S_at(t, tb - 1)))
            tb--;
        if (tb <= ta)
            continue;
        const S_qinfo *prev = info->len ? &KS_AT(*info, S_qinfo, info->len - 1) : NULL;
        size_t pblk = S_block_of(t, pr->open);
        /* rule 3: is it speech? */
        size_t wa = 0, wb = 0, va = QT_NONE, vb = 0, after = pr->close + 1;
        bool speech = false, connective = false, remark = false, short_speech = false;
        S_who who = {QT_NONE, QT_NONE, QT_NONE, QT_NONE, false, false};
        bool continues = prev && prev->connective && prev->block + 1 >= pblk &&
                         !S_sentence_between(t, prev->close_end, pr->open);
        bool sentence = S_sentence_like(t, ta, tb);
        size_t nw = S_words(t, ta, tb);
        if (pr->recovered) {
            speech = true;
            after = pr->close;
        } else if (S_tail_word(t, pr->close, &wa, &wb)) {
            after = wb;
            if (S_in_list(t, wa, wb, &L_quotative, true)) {
                speech = sentence || nw >= 4;
                connective = S_in_list(t, wa, wb, &L_connective, true);
                /* a short one, "“시민 안전이 최우선”이라고 강조했다",
                 * when a person says it (checked below) */
                short_speech = !speech && !connective && nw >= 2 &&
                               !S_object_before(t, pr->open) &&
                               S_find_verb(t, wb, 4, false, &va, &vb);
                speech = speech || short_speech;
            } else if (S_in_list(t, wa, wb, &L_object, true)) {
                speech = S_find_verb(t, wb, 2, false, &va, &vb);
            } else if (S_in_list(t, wa, wb, &L_modifier, true)) {
                speech = (sentence && S_find_verb(t, wb, 3, false, &va, &vb)) ||
                         (remark = S_find_remark(c, wb, &who, &va, &vb));
            } else if (wb == wa) {
                speech = connective = continues && (sentence || nw >= 4);
            }
        } else {
            remark = S_find_remark(c, after, &who, &va, &vb);
            speech = remark;
            if (!speech)
                speech = connective = continues && (sentence || nw >= 4);
        }
        if (!speech)
            continue;
        /* rule 7: the cue */
        if (va == QT_NONE)
            S_find_verb(t, after, 8, true, &va, &vb);
        /* rules 4-6: the speaker */
        size_t spos = remark ? after : S_find_subject(c, pr->open, &who);
        if (spos == QT_NONE && prev && prev->block + 1 >= pblk &&
            (continues || (prev->block == pblk && !S_sentence_between(t, prev->close_end,
                                                                      pr->open)))) {
            who = prev->who;
        } else if (spos == QT_NONE && !pr->recovered && wb > wa &&
                   (S_find_subject_after(c, after, &who) || S_find_after(c, after, &who))) {
            /* the speaker follows the quotation */
        } else if (spos == QT_NONE && !short_speech) {
            S_who pw;
            size_t ppos = S_find_person_before(c, pr->open, &pw);
            bool use_prev = prev && prev->block + QT_INHERIT >= pblk &&
                            (ppos == QT_NONE || prev->close_end > ppos);
            if (use_prev)
                who = prev->who;
            else if (ppos != QT_NONE)
                who = pw;
        }
        if (short_speech && !who.person)
            continue;
        if (S_emit(c, ta, tb, &who, va, vb) != KS_OK)
            return KS_ERR_NOMEM;
        S_qinfo qi = {after, S_block_of(t, tb), who, connective && va == QT_NONE};
        if (ks_vec_push(info, &qi) != KS_OK)
            return KS_ERR_NOMEM;
    }
    /* rule 7: "“A”라며 “B”라고 말했다" gives A the cue of B */
    size_t base = c->doc->quotes.len - info->len;
    for (size_t i = info->len; i-- > 1;) {
        const S_qinfo *qi = &KS_AT(*info, S_qinfo, i - 1);
        ks_quote *q = &KS_AT(c->doc->quotes, ks_quote, base + i - 1);
        const ks_quote *next = &KS_AT(c->doc->quotes, ks_quote, base + i);
        if (!q->cue && qi->connective && next->cue &&
            KS_AT(*info, S_qinfo, i).block <= qi->block + 1)
            q->cue = next->cue; /* the same string: the arena owns it */
    }
    return KS_OK;
}

/* Could TEXT hold a mark that S_pair_family pairs (“ ” " 「 」 『 』)?  The
 * bytes S_decode_block would flag, found by string search: every lead
 * byte starts a code point, valid text or not, so E2 80 9C is “ wherever
 * it is. */
static bool S_has_marks(const char *text)
{
    if (strchr(text, '"'))
        return true;
    for (const char *p = text; (p = strchr(p, 0xE2)) != NULL; p++)
        if ((unsigned char)p[1] == 0x80 && ((unsigned char)p[2] == 0x9C || (unsigned char)p[2] == 0x9D))
            return true;
    for (const char *p = text; (p = strchr(p, 0xE3)) != NULL; p++)
        if ((unsigned char)p[1] == 0x80 && (unsigned char)p[2] >= 0x8C && (unsigned char)p[2] <= 0x8F)
            return true;
    return false;
}

ks_status ks_quotes_extract(ks_doc *doc, ks_error *err)
{
    S_ctx c = {0};
    ks_vec info = KS_VEC(S_qinfo);
    ks_status st = KS_OK;
    if (!doc)
        return ks_error_set(err, KS_ERR_ARG, "quotes", 0, 0, "no document");
    /* no mark in a body paragraph: nothing to pair, warn about or read,
     * so the text is not decoded */
    bool marks = false;
    for (size_t i = 0; i < doc->blocks.len && !marks; i++) {
        const ks_block *blk = &KS_AT(doc->blocks, ks_block, i);
        marks = blk->role == KS_ROLE_BODY && blk->text && S_has_marks(blk->text);
    }
    if (!marks)
        return KS_OK;
    (void)pthread_once(&S_lists_once, S_lists_init);
    c.doc = doc;
    c.pairs = KS_VEC(S_pair);
    c.reg = KS_VEC(S_person);
    c.names = KS_VEC(S_ch);
    if ((st = S_text_build(&c)) != KS_OK)
        goto done;
    if ((st = S_pair_family(&c, true)) != KS_OK)
        goto done;
    size_t ndq = c.pairs.len;
    if ((st = S_pair_family(&c, false)) != KS_OK || (st = S_sort_pairs(&c.pairs, ndq)) != KS_OK)
        goto done;
    for (size_t i = 0; i < c.pairs.len; i++) {
        const S_pair *p = &KS_AT(c.pairs, S_pair, i);
        size_t end = p->recovered ? p->close : p->close + 1;
        S_set_quoted(&c.t, p->open, end);
    }
    /* the registry of names (S_reg_build) is built by the first lookup */
    st = S_quotes(&c, &info);
    if (st == KS_OK && c.reg_failed)
        st = KS_ERR_NOMEM;
done:
    ks_vec_free(&info);
    ks_vec_free(&c.pairs);
    ks_vec_free(&c.reg);
    ks_vec_free(&c.names);
    if (c.t.w) {
        if (c.t.w->failed && st == KS_OK)
            st = KS_ERR_NOMEM;
        ks_free(c.t.w->cp);
        ks_free(c.t.w);
    }
    ks_free(c.t.quoted);
    ks_free(c.t.bstart);
    ks_free(c.t.body);
    ks_free(c.t.has);
    ks_free(c.t.mark);
    ks_buf_free(&c.scratch);
    if (st == KS_ERR_NOMEM)
        return KS_NOMEM(err, "quotes");
    return st;
}
