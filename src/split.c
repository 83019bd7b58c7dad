/*
 * split.c -- stage 3: normalized lines -> blocks with roles, the title and
 * the metadata of a Korean press release (보도자료).
 *
 * Input: ks_lines from normalize.c (NFC, single spaces, trimmed, blank lines
 * kept with len 0) and optional per-line role hints from html.c / hwpx.c.
 * Output: DOC->blocks in document order, DOC->title / title_source and
 * DOC->meta.  Invariants: every non-blank input line belongs to exactly one
 * block, and every non-space character of it is either in the block's text
 * or its marker, so nothing is lost; the result depends only on the input
 * (no locale, no clock).  Time is linear in the input: each line is looked
 * at a bounded number of times and per-line tests read a bounded prefix or
 * suffix.
 *
 * Passes:
 *   1. lines -> units.  Hard-wrapped text (pdftotext) is detected from the
 *      line widths (a page of 50..120 columns, or, on stronger evidence, a
 *      narrow column or a landscape page of 32..160: S_page_width,
 *      S_odd_page); then a line is joined to the next when it is close to
 *      the page width, or the next line's first word would not have
 *      fitted after it (S_continues), and the next line does not open a
 *      new paragraph:
 *        "□ 국토교통부는 공모를 통해 총 2개 지방정부를 선정하여 개소당 최대" +
 *        "10억 원의 국비를 지원할 계획이다."  -> one unit, '\n' between.
 *      A blank line, a marker ("□", "ㅇ", "-", "1." ...), a header or contact
 *      label, or a sentence end ("...계획이다.") on a line clearly shorter than
 *      the page width starts a new paragraph.  Text that is not wrapped
 *      (one paragraph a line), or too short to tell its page width, keeps
 *      one unit per line, except where the spacing model is sure a word
 *      was cut between two lines ("…운영할 계" + "획이다."), and a web
 *      page's list items run into one line are cut apart ("… 확정됐다. ○
 *      소득 하위 …": S_split_items), and so is a page number run into a
 *      page's last line, the paragraph going on across it where the line
 *      ended in a word ("…경험할 수 - 1 -" / "" / "있도록 …": S_inline_turn).
 *      A paragraph
 *      goes on across a page turn, its page number ("- 1 -") a unit of
 *      its own: "…경험할 수" / "- 1 -" / "" / "있도록 …", or two blank
 *      lines after a line that ends open: "…대상별 진" / "" / "" /
 *      "단보고서를 …" (S_page_turn).
 *   2. units -> roles, top to bottom:
 *        header    "보도자료" / "보도시점" / "2026. 4. 10.(금) 배포 즉시" /
 *                  "배포" ... and short logo lines above them -> META
 *        title     the lines after the header up to the subtitle; a title
 *                  line that ends open ("사절단", "..., " "관련", "위한")
 *                  continues on the next line:
 *                  "범정부·기업 방산협력 사절단" + "칠레·브라질에서 K-방산
 *                  세일즈 활동" -> both TITLE
 *        summary   marked lines under the title ("- 총 4,165억원 증액 의결 -"
 *                  -> "총 4,165억원 증액 의결"), or unmarked lines under a
 *                  complete title that do not end a sentence ("재생에너지 중심
 *                  에너지 전환과 취약계층 지원에 중점") -> SUMMARY
 *        contact   "담당 부서" / "책임자" / "과 장" / "최영범" / "(044-202-7026)"
 *                  ... -> META, parsed into contacts and department
 *        attach    "붙임 1" + "답사 포스터", "... 특강1.jpg" -> ATTACHMENT
 *        listing   "번호 제목 날짜 조회 수" -> META; "567 ... 2021.12.15 31"
 *                  -> RELATED
 *        residue   page numbers "- 1 -", "끝." -> RESIDUE
 *        body      everything else, with marker and level (□ 0, ○/ㅇ/◇/◈ 1,
 *                  - ▪ ✓ 2, * ※ ▲ ↳ 3) and kind (item, heading for Ⅰ. and 󰊱)
 *   3. every unit's text is given to the respacer (observe all, then
 *      repair each), then metadata is read from the repaired blocks.
 *
 * Memory: a block's text is repaired over its source, which repair never
 * lengthens: most lie in the normalized text, which the document then
 * owns (ks_doc.store); the rest and the markers go in one chunk of exact
 * size.  The line index is freed before the blocks are made.  A large
 * document has millions of blocks; none of them is an allocation.
 */
#include <ctype.h>
#include <string.h>

#include "meta.h"

enum { Z_NONE = 0, Z_LOGO, Z_HEADER, Z_CONTACT };

/* One a line of input: 24 bytes, a large document has millions (a line
 * is at most S_LINE_MAX bytes and numbered below 2^32: ks_split). */
typedef struct {
    const char *s;
    uint32_t len;
    uint32_t lineno;
    int32_t width;  /* display columns: wide characters count 2 */
    int8_t hint;    /* -1 or a ks_role */
} S_ln;
#define S_LINE_MAX ((size_t)INT32_MAX) /* its width (2 a character at most) fits an int */
#define S_LINES_MAX (UINT32_MAX - 64ul)  /* the highest line number split takes */

/* One a line of input at worst: kept small (32 bytes), a large document
 * has millions. */
typedef struct {
    /* S_build's first pass reads the lines and leaves what the blocks
     * need where the line indices were: the line index is freed then */
    union { uint32_t first; uint32_t lineno; }; /* first line's index / its number */
    union { uint32_t last; uint32_t nlines; };  /* last line's index / lines spanned */
    union { size_t mlen; size_t srclen; }; /* bytes of marker plus its spaces
                                            * on the first line / of the text */
    uint32_t mraw;       /* bytes of the marker itself (a few) */
    uint32_t trail;      /* bytes dropped at the end of the last line (" -") */
    uint8_t role;        /* ks_role */
    uint8_t kind;        /* ks_kind */
    int8_t level;
    uint8_t zone;
    bool joinsp : 1;     /* lines are separate paragraphs: join with ' ' */
    bool forced : 1;     /* role came from a reader's hint */
    bool mspace : 1;     /* S_build: a space followed the marker */
    bool copied : 1;     /* S_build: the text is a copy in the store */
    bool alone : 1;      /* one line between blank lines (S_cells_joined) */
    bool unitcell : 1;   /* a department cell without its label (S_unlabelled_unit) */
    uint8_t label;       /* lines after the first joined by ' ', blank ones
                          * skipped: a letter-spaced label (S_spaced_label) */
} S_unit;
#define S_GONE UINT32_MAX /* a unit's first line: merged into the one before */

typedef struct {
    ks_doc *doc;
    ks_vec ln;     /* S_ln */
    ks_vec units;  /* S_unit; S_build turns them into the blocks in place */
    uint8_t *tags; /* S_build on: each block's unit's zone and S_TAG_ flags */
    int page;      /* estimated page width in columns, 0 = not wrapped */
    int soft_page; /* the same for the KS_HINT_SOFT lines of a web page */
    int margin;    /* the right margin of the text at PAGE, 0 = unknown
                    * (S_margin) */
    int soft_margin; /* the same at SOFT_PAGE */
    ks_lines *lines; /* the input: every line followed by '\n' */
    ks_respacer *rs; /* NULL with --no-respace (S_cell_lines) */
    /* S_orphan_letter: lines read so far, and for each letter item
     * ("가." … "하.", "가)" … "하)") one past the last line that starts
     * with it, 0 = none yet */
    size_t letter_read;
    size_t letter_seen[2][14];
    /* S_make_units: the first line of the unit it is growing (S_list_goes_on) */
    size_t unit_first;
} S_ctx;

#define LN(c, i) KS_AT((c)->ln, S_ln, i)
#define UN(c, i) KS_AT((c)->units, S_unit, i)
/* What the metadata still asks of a block's unit once the units are the
 * blocks (S_build): its zone (the low bits), its unitcell and alone flags. */
#define S_TAG_UNITCELL 0x10
#define S_TAG_ALONE 0x20
#define ZONE(c, b) ((c)->tags[b] & 0x0F)

/* ---- small text tests ------------------------------------------------ */

/* (S_cp and S_last_cp are asked of nearly every line: inline, which GCC
 * stopped doing for S_last_cp as this file grew, 1.8 M instructions of
 * calls on the bench's first 400 documents.) */
static inline uint32_t S_cp(const char *s, size_t len, size_t i, size_t *n)
{
    uint32_t cp;
    size_t k = ks_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    *n = k ? k : 1;
    return cp;
}

/* The display width of S[0..LEN) by decoding each character: 2 for one
 * from U+1100 up (and for bytes that are not UTF-8), else 1. */
static int S_width_slow(const char *s, size_t len)
{
    int w = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        w += S_cp(s, len, i, &n) >= 0x1100 ? 2 : 1;
        i += n;
    }
    return w;
}

/* Do the LEN bytes at U (UTF-8) start and end on a character's boundary? */
static bool S_whole_chars(const unsigned char *u, size_t len)
{
    if (len == 0)
        return true;
    if ((u[0] & 0xC0) == 0x80)
        return false;
    size_t i = len - 1, back = 0;
    while (i > 0 && back < 3 && (u[i] & 0xC0) == 0x80)
        i--, back++;
    unsigned char c = u[i];
    size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    return need == back + 1;
}

/* The display width of S[0..LEN): 2 for a character from U+1100 up
 * (Hangul, CJK, the marks), else 1.  Lines are valid UTF-8 (decode.c's
 * invariant), so each byte tells its share without decoding: a lead byte
 * from C0 adds 1, one from E2 (U+2000 up) 1 more, an ASCII byte 1, a
 * continuation byte nothing; a loop the compiler vectorises (one byte at
 * a time it was 2 % of all instructions).  E1 (U+1000-1FFF, wide from
 * U+1100) and a piece that does not start and end on a character's
 * boundary are counted by decoding. */
static int S_width(const char *s, size_t len)
{
    const unsigned char *u = (const unsigned char *)s;
    int w = 0;
    unsigned char e1 = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = u[i];
        w += (c < 0x80) + (c >= 0xC0) + (c >= 0xE2);
        e1 |= c == 0xE1;
    }
    if (e1 || !S_whole_chars(u, len))
        return S_width_slow(s, len);
    return w;
}

/* The last code point of S before trailing spaces, and its start in *AT. */
static inline uint32_t S_last_cp(const char *s, size_t len, size_t *at)
{
    while (len > 0 && s[len - 1] == ' ')
        len--;
    if (len == 0) {
        *at = 0;
        return 0;
    }
    size_t i = len - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    size_t n;
    *at = i;
    return S_cp(s, len, i, &n);
}

static bool S_ends(const char *s, size_t len, const char *suf)
{
    while (len > 0 && s[len - 1] == ' ')
        len--;
    size_t n = strlen(suf);
    return len >= n && memcmp(s + len - n, suf, n) == 0;
}

/* Does S end a sentence?  "...계획이다." "...강화했 다." "...것." "(끝)" */
static bool S_sentence_end(const char *s, size_t len)
{
    size_t at;
    uint32_t cp = S_last_cp(s, len, &at);
    while (cp && (ks_is_close_quote(cp) || cp == '"' || cp == '\'')) {
        cp = S_last_cp(s, at, &at);
    }
    if (cp == '.' || cp == '!' || cp == '?') {
        size_t at2;
        uint32_t prev = S_last_cp(s, at, &at2);
        return !ks_is_digit(prev); /* "2026." is a date, not an end */
    }
    return cp == 0xB2E4 /* 다 */ || cp == 0xD568 /* 함 */ || cp == 0xC784 /* 임 */ ||
           cp == 0xC74C /* 음 */;
}

/* Does line L end a sentence with a full stop after a syllable ("…했다.",
 * not "2026.")? */
static bool S_full_stop(const S_ln *l)
{
    size_t at, at2;
    return S_last_cp(l->s, l->len, &at) == '.' && ks_is_hangul(S_last_cp(l->s, at, &at2));
}

/* Compact copy (no spaces) of the start of S, for label tests: what
 * ks_meta_compact makes of it.  S is normalized text, whose only white
 * space is ' ' (normalize.c), so the copy skips those bytes a word at a
 * time. */
static void S_key(const char *s, size_t len, char *out, size_t cap)
{
    if (len > 96)
        len = 96;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        const char *sp = memchr(s + i, ' ', len - i);
        size_t end = sp ? (size_t)(sp - s) : len, n = end - i;
        if (o + n >= cap) { /* what fits, cut at a character's start */
            n = cap - 1 - o;
            while (n > 0 && ((unsigned char)s[i + n] & 0xC0) == 0x80)
                n--;
            memcpy(out + o, s + i, n);
            o += n;
            break;
        }
        memcpy(out + o, s + i, n);
        o += n;
        i = end + 1;
    }
    out[o] = '\0';
}

/* Copy at most CAP - 1 bytes of S[0..LEN) into OUT, NUL-terminated (a
 * character cut at the end does no harm to the prefix tests made on it). */
static void S_cstr(const char *s, size_t len, char *out, size_t cap)
{
    size_t n = len < cap - 1 ? len : cap - 1;
    memcpy(out, s, n);
    out[n] = '\0';
}

/* Does S start with P?  The label tests ask it of every line's key
 * against a dozen labels that mostly differ in their first two bytes:
 * those are compared here, before the library call. */
static bool S_prefix(const char *s, const char *p)
{
    size_t n = strlen(p);
    return n == 0 || (s[0] == p[0] && (n == 1 || s[1] == p[1]) && strncmp(s, p, n) == 0);
}

/* Is A the string B?  (The same first-bytes test as S_prefix.) */
static bool S_streq(const char *a, const char *b)
{
    return a[0] == b[0] && (a[0] == '\0' || (a[1] == b[1] && strcmp(a, b) == 0));
}

/* ---- markers --------------------------------------------------------- */

/* If S starts with a list marker, return the bytes of marker + following
 * spaces and fill *MRAW, *LEVEL, *KIND.  "□ 총 10개" -> 4 ("□ "), level 0;
 * "ㅇ회계:" -> 3, level 1; "- 총" -> 2, level 2; "1. 개요" -> 3; "①" -> 3;
 * "Ⅰ. 총지출" -> heading.  Not a marker: "2026. 4." "-1,000" "(044-".  */
static size_t S_marker(const char *s, size_t len, size_t *mraw, int *level, ks_kind *kind)
{
    size_t n, m = 0;
    if (len == 0)
        return 0;
    uint32_t cp = S_cp(s, len, 0, &n);
    int lv = -1;
    ks_kind k = KS_KIND_ITEM;
    switch (cp) {
    case 0x25A1: case 0x25A0: case 0x2610: case 0x274F: case 0x25FC: case 0x25A3:
        lv = 0; break;
    case 0x25CB: case 0x3147: case 0x25E6: case 0x25CF: case 0x274D: case 0x26AC:
    case 0x25C7: case 0x25C6: case 0x25B8: case 0x25B6: case 0x25BA: case 0x2023:
    case 0x25C8:
        lv = 1; break;
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0x25AA: case 0x2713: case 0x25CE: case 0xFFED:
    case 0xF0A7: /* ▪ in a symbol font's private-use code (Wingdings) */
        lv = 2; break;
    case 0x203B: case 0x25B2: case 0x25B4: case 0x25B3: case 0x00B7: case 0x2022:
    case 0x261E: case 0x27A2: case 0x2192: case 0x21B3: case 0x30FB: case 0x22C5:
        lv = 3; break;
    default:
        break;
    }
    if (lv >= 0) {
        m = n;
    } else if (cp == '-') {
        if (len > 1 && ks_is_digit((unsigned char)s[1]))
            return 0;
        lv = 2, m = 1;
    } else if (cp == '*') {
        while (m < len && s[m] == '*')
            m++;
        lv = 3;
    } else if (cp == 'o' && len > 1 && s[1] == ' ') {
        lv = 1, m = 1;
    } else if ((cp >= 0x2460 && cp <= 0x2473) || (cp >= 0x2776 && cp <= 0x2793)) {
        lv = 1, m = n;
    } else if (cp >= 0x2160 && cp <= 0x216B) {
        lv = 0, m = n, k = KS_KIND_HEADING;
        if (m < len && s[m] == '.')
            m++;
    } else if ((cp >= 0xE000 && cp <= 0xF8FF) || cp >= 0xF0000) {
        lv = 0, m = n, k = KS_KIND_HEADING;
    } else if (ks_is_digit(cp)) {
        size_t i = 0;
        while (i < len && i < 2 && ks_is_digit((unsigned char)s[i]))
            i++;
        if (i < len && (s[i] == '.' || s[i] == ')') &&
            (i + 1 == len || s[i + 1] == ' ') &&
            !(i + 2 < len && ks_is_digit((unsigned char)s[i + 2])))
            lv = 1, m = i + 1;
    } else if (cp == '(') {
        size_t i = 1, q = 0;
        uint32_t c2 = i < len ? S_cp(s, len, i, &q) : 0;
        if (ks_is_digit(c2) || (c2 >= 0xAC00 && c2 <= 0xD7A3 && (c2 - 0xAC00) % 588 == 0)) {
            i += ks_is_digit(c2) ? 1 : q;
            if (i < len && ks_is_digit((unsigned char)s[i]) && ks_is_digit(c2))
                i++;
            if (i < len && s[i] == ')' && (i + 1 == len || s[i + 1] == ' '))
                lv = 2, m = i + 1;
        }
    } else if (cp >= 0xAC00 && cp <= 0xD7A3 && (cp - 0xAC00) % 588 == 0 && cp <= 0xD558) {
        /* 가. 나. 다) ... : a syllable with no final consonant and a vowel ㅏ */
        if ((cp - 0xAC00) % 588 == 0 && n < len && (s[n] == '.' || s[n] == ')') &&
            n + 1 < len && s[n + 1] == ' ')
            lv = 2, m = n + 1;
    }
    if (lv < 0 || m == 0)
        return 0;
    size_t e = m;
    while (e < len && s[e] == ' ')
        e++;
    *mraw = m;
    *level = lv;
    *kind = k;
    return e;
}

/* The bytes of S's marker and the spaces after it (S_marker), 0 if none. */
static size_t S_marker_len(const char *s, size_t len)
{
    size_t r;
    int l;
    ks_kind k;
    return S_marker(s, len, &r, &l, &k);
}

static bool S_has_marker(const char *s, size_t len)
{
    return S_marker_len(s, len) > 0;
}

/* Summary markers: "- ", "◇", "▸", "ㅇ", "○" ... but not "□" or "*". */
static bool S_summary_marker(const char *s, size_t len)
{
    size_t r, n;
    int l;
    ks_kind k;
    if (!S_marker(s, len, &r, &l, &k) || k == KS_KIND_HEADING)
        return false;
    uint32_t cp = S_cp(s, len, 0, &n);
    return l == 1 || l == 2 || cp == 0x00B7 || cp == 0x2022 || cp == 0x25A0 ||
           cp == 0x25B2; /* ▲, as some cities mark their summary */
}

/* ---- labels ---------------------------------------------------------- */

static size_t S_titles_in(const char *s, size_t len);

/* KEY (compact) as an issuer and a kind word: "고용노동부보도참고자료",
 * "개인정보보호위원회보도자료" (korea.kr's viewer opens a release so):
 * the issuer's length, else 0. */
static size_t S_org_kind(const char *key)
{
    size_t n = strlen(key), kl = ks_meta_kind_suffix(key, n);
    return kl && n > kl && ks_meta_org_like(key, n - kl) ? n - kl : 0;
}

/* "보도자료" "보도참고자료" "보도 자료" "동정자료" "긴급지시", and an
 * issuer with its kind word (S_org_kind) */
static bool S_is_kind_line(const char *key)
{
    size_t n = strlen(key), kl;
    if ((n <= 8 * 3 && n >= 6 && (S_ends(key, n, "자료") || strcmp(key, "긴급지시") == 0)) ||
        S_org_kind(key) > 0)
        return true;
    /* an issuer no rule names, a member of the Assembly, a company, in
     * a dozen syllables before 보도자료 or 보도참고자료: "국회의원 홍길동
     * 보도자료" */
    return (kl = ks_meta_kind_suffix(key, n)) != 0 && n - kl <= 12 * 3 &&
           (S_ends(key, n, "보도자료") || S_ends(key, n, "보도참고자료")) &&
           !strpbrk(key, "0123456789:");
}

/* KEY (compact) past a kind word that opens it and has more after it,
 * as joined text prints the kind line run into the next one: "보도자료
 * 보도시점 …", "긴급지시 보도시점", "보도자료 개인정보보호위원회" (자료 among
 * the first six syllables); KEY itself when there is none. */
static const char *S_after_kind(const char *key)
{
    size_t n = strnlen(key, 5 * 3 + 7);
    for (size_t k = 3; k <= 5 * 3 && k + 6 < n; k += 3)
        if (memcmp(key + k, "자료", 6) == 0)
            return key + k + 6;
    if (S_prefix(key, "긴급지시") && key[12] != '\0')
        return key + 12;
    return key;
}

/* The labels of a board page's line of fields (S_board_info); the first
 * four name dates. */
static const char *const S_board_labels[] = {"작성일", "등록일", "게시일", "수정일",
                                             "작성자", "등록자", "조회수", "조회",
                                             "담당부서", "부서",   "담당자"};
#define S_BOARD_DATE_LABELS 4

/* A board page's line of fields, copied as text with its article: "작성자
 * : 주택정책과 등록일 : 2026-04-13 조회수 : 152", "작성일 : 2026-04-13
 * 17:09" (KEY is compact).  Two labelled fields ("label:"), or a date's
 * label first and a date after it. */
static bool S_board_info(const char *key)
{
    /* each colon: does a label end right before it?  (A line without
     * one is asked only for a date's label first.) */
    size_t fields = 0;
    for (const char *c = strchr(key, ':'); c && fields < 2; c = strchr(c + 1, ':'))
        for (size_t k = 0; k < sizeof S_board_labels / sizeof *S_board_labels; k++) {
            size_t n = strlen(S_board_labels[k]);
            if ((size_t)(c - key) >= n && !memcmp(c - n, S_board_labels[k], n)) {
                /* "부서" inside "담당부서" is that label's */
                if (k == 9 && (size_t)(c - key) >= n + 6 && !memcmp(c - n - 6, "담당", 6))
                    continue;
                fields++;
                break;
            }
        }
    if (fields >= 2)
        return true;
    for (size_t k = 0; k < S_BOARD_DATE_LABELS; k++)
        if (S_prefix(key, S_board_labels[k])) {
            const char *r = key + strlen(S_board_labels[k]);
            r += *r == ':';
            return r[0] >= '0' && r[0] <= '9' && r[1] >= '0' && r[1] <= '9';
        }
    return false;
}

/* A header label at the start of a line: "보도시점", "보도일시", "배포",
 * "보도시점 : 2026. 4. 12.", "배포 : 2026. 4. 10." but not "배포 즉시";
 * and a board page's line of fields (S_board_info). */
static bool S_is_header_label(const char *key)
{
    static const char *const always[] = {"보도시점", "보도일시", "보도일자", "배포일시",
                                         "배포일자", "엠바고", "누리망", "보도시각"};
    key = S_after_kind(key); /* "보도자료 보도시점 2026. 4. 10.(금)" */
    for (size_t i = 0; i < sizeof always / sizeof always[0]; i++)
        if (S_prefix(key, always[i]))
            return true;
    if (S_board_info(key))
        return true;
    const char *rest = NULL;
    if (S_prefix(key, "배포"))
        rest = key + strlen("배포");
    else if (S_prefix(key, "보도"))
        rest = key + strlen("보도");
    if (!rest)
        return false;
    if (S_prefix(rest, "일")) /* "배포일: 2026년 4월 13일" */
        rest += strlen("일");
    return *rest == '\0' || *rest == ':' || (*rest >= '0' && *rest <= '9') || *rest == '(';
}

/* Does KEY (a line without spaces) open with the label of a contact
 * table's unit, "담당 부서" or "담당 기관"? */
static bool S_unit_label(const char *key)
{
    return S_prefix(key, "담당부서") || S_prefix(key, "담당기관");
}

/* T past a unit label's four syllables, spaced or not ("담당 부서",
 * "담당기관"; S_unit_label). */
static const char *S_past_unit_label(const char *t)
{
    size_t tl = strlen(t), i = 0, n;
    for (int k = 0; k < 4 && i < tl; i += n)
        k += !ks_is_space(S_cp(t, tl, i, &n));
    return t + i;
}

/* The value on a unit label's own line (S_unit_label), after its colon
 * or, with none, after its four syllables: "담당부서 : 주택정책과", "담당
 * 부서 행정안전부 기후재난대응과" -> the unit; "" when the label is alone. */
static const char *S_unit_value(const char *t)
{
    const char *v = strchr(t, ':');
    v = v && v - t <= 24 ? v + 1 : S_past_unit_label(t);
    while (*v == ' ')
        v++;
    return v;
}

static bool S_is_contact_label(const char *key)
{
    if (S_unit_label(key) || S_prefix(key, "문의:"))
        return true;
    /* "책임자", "담당자", or a row of them as web text joins the table's
     * cells: "책임자 담당자 담당자" */
    const char *k = key;
    while (S_prefix(k, "책임자") || S_prefix(k, "담당자"))
        k += strlen("책임자");
    return k != key && *k == '\0';
}

/* A contact on one line, as cities and agencies print it: a label
 * ("문의", "담당", "연락처", "자료문의" ...) in brackets or before a colon,
 * then the unit, title, name and number: "문의: 주택정책과 홍길동
 * 02-2133-1234", "[문의] 복지정책과 주무관 김철수(☎ 062-613-1234)",
 * "※ 담당자 : 시민소통과 이영희 053-803-1234"; without the colon when
 * nothing else on the line has one ("담당부서 주택정책과 과장 홍길동
 * (044-…)").  The byte offset in
 * S[0..LEN) where the fields begin, 0 when S is no such line: a label
 * alone, a sentence that opens with the word ("문의가 많았다"), or no
 * number or address after the label. */
static size_t S_contact_line(const char *s, size_t len)
{
    static const char *const labels[] = {"문의",     "문의처",   "담당",     "담당자",
                                         "연락처",   "담당부서", "자료문의", "보도문의",
                                         "취재문의", "기사문의", "관련문의", "사업문의"};
    static const char *const marks[] = {"※", "☞", "○", "-", "*", "▶", "■", "□", "◇", "◆", "▷", "●"};
    static const char *const opens[] = {"[", "【", "<", "(", "〔", "〈", "［"};
    static const char *const closes[] = {"]", "】", ">", ")", "〕", "〉", "］"};
    size_t i = 0;
    if (len > 200)
        return 0;
    /* most lines fail on the first two syllables: a label's come after
     * at most a mark, a space and a bracket (ten bytes) */
    size_t h = 0;
    while (h < len && h < 10 && !((unsigned char)s[h] >= 0xEA && (unsigned char)s[h] <= 0xED))
        h++;
    const char *second = NULL; /* the first two syllables of LABELS' words */
    switch (h + 6 <= len ? ks_utf8_hangul((const unsigned char *)s + h, len - h) : 0) {
    case 0xBB38: second = "의"; break; /* 문 */
    case 0xB2F4: second = "당"; break; /* 담 */
    case 0xC5F0: second = "락"; break; /* 연 */
    case 0xC790: second = "료"; break; /* 자 */
    case 0xBCF4: second = "도"; break; /* 보 */
    case 0xCDE8: second = "재"; break; /* 취 */
    case 0xAE30: second = "사"; break; /* 기 */
    case 0xAD00: second = "련"; break; /* 관 */
    case 0xC0AC: second = "업"; break; /* 사 */
    default: return 0;
    }
    if (memcmp(s + h + 3, second, 3) != 0 ||
        (!memchr(s, '@', len) && !memchr(s, '-', len) && !memchr(s, ')', len)))
        return 0; /* a number has a '-' or a bracket; an address a '@' */
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        if (len > strlen(marks[k]) && !memcmp(s, marks[k], strlen(marks[k])) &&
            s[strlen(marks[k])] == ' ') {
            i = strlen(marks[k]);
            break;
        }
    while (i < len && s[i] == ' ')
        i++;
    int br = -1; /* the bracket the label is in */
    for (size_t k = 0; k < sizeof opens / sizeof *opens && br < 0; k++)
        if (len - i > strlen(opens[k]) && !memcmp(s + i, opens[k], strlen(opens[k]))) {
            br = (int)k;
            i += strlen(opens[k]);
        }
    /* the label: at most two words, up to the colon or the bracket's end */
    size_t a = i, e = i;
    const char *end = br >= 0 ? closes[br] : ":";
    size_t el = strlen(end);
    while (e < len && e - a < 24 && !(len - e >= el && !memcmp(s + e, end, el)) &&
           !(br < 0 && len - e >= 3 && !memcmp(s + e, "：", 3)))
        e++;
    bool bare = false; /* "담당부서 주택정책과 과장 홍길동 (…)": no colon */
    if (br < 0 && (e >= len || e - a >= 24)) {
        e = a;
        while (e < len && s[e] != ' ')
            e++;
        bare = e < len;
    }
    if (e >= len || e - a >= 24 || e == a)
        return 0;
    char key[32];
    size_t kl = ks_meta_compact(s + a, e - a, key, sizeof key);
    bool label = false;
    for (size_t k = 0; k < sizeof labels / sizeof *labels && !label; k++)
        label = kl == strlen(labels[k]) && !memcmp(key, labels[k], kl);
    if (!label)
        return 0;
    i = bare ? e : e + (len - e >= el && !memcmp(s + e, end, el) ? el : 3);
    if (br >= 0 && i < len && s[i] == ':')
        i++;
    while (i < len && s[i] == ' ')
        i++;
    size_t ps, pe;
    char tmp[128];
    if (i >= len || !(ks_meta_find_phone(s + i, len - i, &ps, &pe, tmp, sizeof tmp) ||
                      ks_meta_find_email(s + i, len - i, tmp, sizeof tmp)))
        return 0;
    return i;
}

/* "붙임", "붙임 1", "붙임. 사업개요", "(붙임)", "첨부", "별첨 2" */
static bool S_is_attach_label(const char *key, bool *bare)
{
    const char *k = key;
    if (*k == '(' || *k == '[' || *k == '<')
        k++;
    if (!(S_prefix(k, "붙임") || S_prefix(k, "첨부") || S_prefix(k, "별첨")))
        return false;
    const char *r = k + strlen("붙임");
    while (*r == ')' || *r == ']' || *r == '>' || *r == '.' || *r == ':' ||
           (*r >= '0' && *r <= '9'))
        r++;
    /* "첨부파일", "붙임 자료": the label alone, the names follow */
    *bare = *r == '\0' || strcmp(r, "파일") == 0 || strcmp(r, "자료") == 0;
    /* "첨부파일" / "붙임자료" are fine; "첨부하여" is a verb in a sentence */
    return true;
}

/* ---- attachment names -------------------------------------------------- */

/* Past the attachment label at the start of raw text P, which
 * S_is_attach_label accepted on its key: brackets, the two syllables
 * (spaces between them too: "붙 임"), the punctuation after them. */
static const char *S_after_label(const char *p)
{
    while (*p == '(' || *p == '[' || *p == '<' || *p == ' ')
        p++;
    for (int syl = 0; syl < 2 && *p; syl++) {
        p++;
        while ((*p & 0xC0) == 0x80) /* the rest of the syllable */
            p++;
        while (*p == ' ' && syl == 0)
            p++;
    }
    /* ... and the word that makes the label "첨부파일", "붙임 자료" */
    const char *q = p;
    while (*q == ' ')
        q++;
    if (!strncmp(q, "파일", strlen("파일")) || !strncmp(q, "자료", strlen("자료"))) {
        const char *r = q + strlen("파일");
        if (*r == ' ' || *r == ':' || *r == ')' || *r == ']' || *r == '>' || *r == '\0')
            p = r;
    }
    while (*p == ' ' || *p == '.' || *p == ':' || *p == ')' || *p == ']' || *p == '>')
        p++;
    return p;
}

/* An item number at P: "1. ", "2) ", "3 " or "1.사업" before a name.  Its
 * value, with *END past it and the spaces after; -1 when P holds none
 * ("2026년", "1.5배", "1부" are not item numbers). */
static int S_item_number(const char *p, const char **end)
{
    int v = 0, d = 0;
    while (d < 3 && p[d] >= '0' && p[d] <= '9') {
        v = v * 10 + (p[d] - '0');
        d++;
    }
    if (d == 0 || d > 2)
        return -1;
    const char *q = p + d;
    if (*q == '.' || *q == ')') {
        q++;
        if (*q >= '0' && *q <= '9')
            return -1;
    } else if (*q != ' ' && *q != '\0') {
        return -1;
    }
    while (*q == ' ')
        q++;
    *end = q;
    return v;
}

/* Where item number N starts a new name inside S[0..LEN): the "2" of
 * " 2. " or ".2. " after "1. 개요" on the same line ("1.2.3" is no such
 * place).  LEN when there is none. */
static size_t S_next_item(const char *s, size_t len, int n)
{
    for (size_t i = 1; i + 1 < len; i++) {
        const char *e;
        if (s[i] >= '0' && s[i] <= '9' &&
            (s[i - 1] == ' ' || (s[i - 1] == '.' && i >= 2 && !(s[i - 2] >= '0' && s[i - 2] <= '9'))) &&
            S_item_number(s + i, &e) == n &&
            (s[i + 1] == '.' || s[i + 1] == ')' || s[i + 2] == '.' || s[i + 2] == ')'))
            return i;
    }
    return len;
}

/* Does S[0..LEN) end with SUF after a space, a '.' or nothing? */
static bool S_ends_word(const char *s, size_t len, const char *suf)
{
    size_t n = strlen(suf);
    return len >= n && memcmp(s + len - n, suf, n) == 0 &&
           (len == n || s[len - n - 1] == ' ' || s[len - n - 1] == '.');
}

/* Where a file size in brackets at the end of S[0..LEN) begins, after a
 * file's name and the spaces before it ("자료.hwp (125KB)" -> 8); LEN
 * when there is none. */
static size_t S_file_size_at(const char *s, size_t len)
{
    if (len < 5 || (s[len - 1] != ')' && s[len - 1] != ']'))
        return len;
    size_t e = len - 1, u = e;
    while (u > 0 && ((s[u - 1] | 0x20) >= 'a' && (s[u - 1] | 0x20) <= 'z'))
        u--;
    char unit[4] = "";
    if (e - u < 1 || e - u > 2)
        return len;
    for (size_t k = 0; k < e - u; k++)
        unit[k] = (char)(s[u + k] | 0x20);
    if (strcmp(unit, "b") && strcmp(unit, "kb") && strcmp(unit, "mb") && strcmp(unit, "gb") &&
        strcmp(unit, "k") && strcmp(unit, "m"))
        return len;
    size_t d = u;
    while (d > 0 && s[d - 1] == ' ')
        d--;
    size_t digits = d;
    while (d > 0 && ((s[d - 1] >= '0' && s[d - 1] <= '9') || s[d - 1] == '.' || s[d - 1] == ','))
        d--;
    if (d == digits || d == 0 || s[d - 1] != (s[len - 1] == ')' ? '(' : '['))
        return len;
    size_t b = d - 1;
    while (b > 0 && s[b - 1] == ' ')
        b--;
    return b > 0 && ks_meta_file_kind(s, b) ? b : len;
}

/* Is the syllable at S (three bytes) a counter of copies: 부 (copies), 매
 * (sheets), 권 (volumes)? */
static bool S_count_unit(const char *s)
{
    return memcmp(s, "부", 3) == 0 || memcmp(s, "매", 3) == 0 || memcmp(s, "권", 3) == 0;
}

/* The length of attachment name S[0..LEN) without what ends it but is no
 * part of it: the end mark ("끝.", "<끝>"), the copy count ("1부", "(2매)"), a
 * table of contents' leader and page number ("현황 ······ 20"), the
 * closing period, spaces, a cell separator and a board's file size. */
static size_t S_trim_name(const char *s, size_t len)
{
    static const char *const ends[] = {"<끝>", "(끝)", "끝.", "끝"};
    for (bool again = true; again;) {
        again = false;
        /* a board's file size after the file's name: "자료.hwp (125KB)",
         * "사진.jpg [1.2 MB]" */
        size_t z = S_file_size_at(s, len);
        if (z < len) {
            len = z;
            again = true;
        }
        while (len && (s[len - 1] == ' ' || s[len - 1] == '.' || s[len - 1] == '|'))
            len--, again = true;
        for (size_t k = 0; k < sizeof ends / sizeof *ends; k++)
            if (S_ends_word(s, len, ends[k])) {
                len -= strlen(ends[k]);
                again = true;
            }
        /* "목록 (1부)", "목록 [2부]": the count in brackets */
        if (len >= 4 && (s[len - 1] == ')' || s[len - 1] == ']')) {
            size_t b = len - 1;
            while (b && s[b - 1] == ' ')
                b--;
            if (b >= 3 && S_count_unit(s + b - 3)) {
                size_t e = b - 3, d0 = e;
                while (e && s[e - 1] >= '0' && s[e - 1] <= '9')
                    e--;
                if (e < d0 && e && (s[e - 1] == '(' || s[e - 1] == '[') &&
                    (e == 1 || s[e - 2] == ' ')) {
                    len = e - 1;
                    again = true;
                }
            }
        }
        /* "목록 1부", "사진 2매": digits and a counter, after a space */
        size_t d = len;
        if (len >= 3 && S_count_unit(s + len - 3)) {
            d = len - 3;
            size_t e = d;
            while (d && s[d - 1] >= '0' && s[d - 1] <= '9')
                d--;
            if (d < e && d && s[d - 1] == ' ') {
                len = d;
                again = true;
            }
        }
        /* "현황 ······ 20", "개요 ..... 3": a leader of three or more dots */
        d = len;
        while (d && s[d - 1] >= '0' && s[d - 1] <= '9')
            d--;
        if (d < len) {
            size_t e = d, dots = 0;
            while (e && s[e - 1] == ' ')
                e--;
            for (;;) {
                if (e && s[e - 1] == '.') {
                    e--;
                } else if (e >= 2 && (unsigned char)s[e - 2] == 0xC2 &&
                           (unsigned char)s[e - 1] == 0xB7) { /* U+00B7 */
                    e -= 2;
                } else if (e >= 3 && (unsigned char)s[e - 3] == 0xE2 &&
                           (unsigned char)s[e - 2] == 0x80 &&
                           ((unsigned char)s[e - 1] == 0xA5 || (unsigned char)s[e - 1] == 0xA6)) {
                    e -= 3; /* U+2025, U+2026 */
                } else if (e && s[e - 1] == ' ') {
                    e--;
                    continue;
                } else {
                    break;
                }
                dots++;
            }
            if (dots >= 3) {
                len = e;
                again = true;
            }
        }
    }
    return len;
}

/* Does S[0..LEN) hold at least WANT letters (Hangul syllables, ASCII
 * letters, ideographs)?  "01" and "’" left by a page layout do not, nor
 * do a table's figures ("-0.6", "(23.8)"). */
static bool S_letters(const char *s, size_t len, int want)
{
    int letters = 0;
    for (size_t i = 0; i < len && letters < want;) {
        uint32_t cp;
        size_t n = ks_utf8_decode((const unsigned char *)s + i, len - i, &cp);
        i += n ? n : 1; /* a byte that begins no character: a step all the same */
        letters += ks_is_hangul(cp) || ks_is_alpha(cp) || (cp >= 0x4E00 && cp <= 0x9FFF);
    }
    return letters >= want;
}

#define KS_ATTACH_SAME 32 /* attachments a new name is compared with */

/* Add one attachment NAME[0..LEN) to M unless M has it already (compared
 * without spaces: "감시결과" and "감시 결과" are one attachment, named once
 * in the release's list and again over its own page).  Only the first
 * KS_ATTACH_SAME are compared: a release names a few, and a text of
 * thousands of "붙임" lines stays linear. */
static ks_status S_push_attachment(ks_meta *m, const char *name, size_t len)
{
    char key[256], other[256];
    ks_meta_compact(name, len < sizeof key ? len : sizeof key, key, sizeof key);
    for (size_t k = 0; k < m->attachments.len && k < KS_ATTACH_SAME; k++) {
        const ks_attachment *a = &KS_AT(m->attachments, ks_attachment, k);
        ks_meta_compact(a->name, strnlen(a->name, sizeof other), other, sizeof other);
        if (strcmp(key, other) == 0)
            return KS_OK;
    }
    char *copy = ks_strndup(name, len);
    if (!copy)
        return KS_ERR_NOMEM;
    const char *kind = ks_meta_file_kind(copy, len);
    ks_attachment a = {copy, kind ? kind : "other"};
    if (ks_vec_push(&m->attachments, &a) != KS_OK) {
        ks_free(copy);
        return KS_ERR_NOMEM;
    }
    return KS_OK;
}

/* The attachments one ATTACHMENT line T names: "붙임 1. 개요. 2. 질의응답.
 * 끝." -> "개요", "질의응답"; "<붙임> 1. 2026년 사업 목록" -> "2026년 사업
 * 목록"; "2. 질의응답" (the list's next line) -> "질의응답"; a file name
 * as printed.  A bare label ("붙임", "첨부파일") names nothing. */
static ks_status S_add_attachments(ks_meta *m, const char *t)
{
    char key[128];
    S_key(t, strlen(t), key, sizeof key);
    bool bare = false;
    const char *p = t;
    if (S_is_attach_label(key, &bare)) {
        if (bare)
            return KS_OK; /* the name is on the next line */
        p = S_after_label(p);
    }
    if (p[0] == '-' && p[1] == ' ') /* "- 260412_제목.hwpx" */
        p += 2;
    const char *e = p;
    int n = ks_meta_file_kind(p, strlen(p)) ? -1 : S_item_number(p, &e);
    if (n >= 0)
        p = e;
    while (*p == '|' || *p == ':' || *p == ' ')
        p++;
    for (size_t len = strlen(p); len;) {
        size_t cut = n >= 0 ? S_next_item(p, len, n + 1) : len;
        size_t keep = S_trim_name(p, cut);
        if (S_letters(p, keep, 2) && S_push_attachment(m, p, keep) != KS_OK)
            return KS_ERR_NOMEM;
        if (cut == len)
            break;
        S_item_number(p + cut, &e);
        len -= (size_t)(e - p);
        p = e;
        n++;
    }
    return KS_OK;
}

/* A page number: "- 1 -", "- 12 -" (KEY is compact: "-1-"). */
static bool S_page_number(const char *key)
{
    const char *k = key;
    if (*k++ != '-')
        return false;
    int d = 0;
    while (*k >= '0' && *k <= '9')
        k++, d++;
    return d > 0 && strcmp(k, "-") == 0;
}

/* Page numbers and end marks: "- 1 -", "- 12 -", "끝.", "<끝>", "- 끝 -" */
static bool S_is_residue(const char *key)
{
    return S_page_number(key) || S_streq(key, "끝.") || S_streq(key, "<끝>") || S_streq(key, "-끝-") ||
           S_streq(key, "끝") || S_streq(key, "(끝)") || key[0] == '#';
}

/* Is unit U (its text S, LEN bytes) a page number or an end mark kept
 * as residue?  Their spaces are the form's own: the repair would make
 * "- 2 -" "-2 -" in a document whose converter spaced signs from numbers. */
static bool S_fixed_form(const S_unit *u, const char *s, size_t len)
{
    char key[16];
    if (u->role != KS_ROLE_RESIDUE || len >= sizeof key)
        return false;
    S_key(s, len, key, sizeof key);
    return S_is_residue(key);
}

/* ---- pass 1: lines -> units ------------------------------------------ */

/* Do most of the lines of text wrapped at page width BW (those near it
 * followed by a line; with SOFT, only KS_HINT_SOFT lines) end in the
 * middle of a sentence? */
static bool S_open_lines(S_ctx *c, int bw, bool soft)
{
    size_t n = 0, open = 0;
    for (size_t i = 0; i + 1 < c->ln.len; i++) {
        const S_ln *a = &LN(c, i), *b = &LN(c, i + 1);
        if (!a->len || !b->len || a->width * 10 < bw * 8 || (soft && a->hint != KS_HINT_SOFT))
            continue;
        n++;
        if (!S_sentence_end(a->s, a->len) && !S_has_marker(b->s, b->len))
            open++;
    }
    return n >= 5 && open * 100 >= n * 55;
}

#define KS_PAGE_H 200   /* widths counted apart, in columns */
#define KS_ODD_MIN 32   /* narrowest page (a narrow column) */
#define KS_ODD_MAX 160  /* widest (a landscape page) */

/* The page width of wrapped text that S_page_width's usual search (a
 * fixed window, 50..120 columns) does not find, or 0: a narrow column, a
 * landscape page, lines that straddle 50 columns.  Any width in
 * KS_ODD_MIN..KS_ODD_MAX is weighed; table cells and the last lines of
 * paragraphs crowd the narrow ones as well, so the evidence asked is
 * stronger: a window [w - w/7, w + w/16] of widths that holds a quarter
 * of the lines 30 columns wide or more, and hardly a line (one in twenty)
 * wider than it.  HIST counts the lines by width, WIDE those 30 columns
 * wide or more. */
static int S_odd_page(const size_t *hist, size_t wide)
{
    size_t below[KS_PAGE_H + 1]; /* below[k]: lines narrower than k columns */
    below[0] = 0;
    for (int k = 0; k < KS_PAGE_H; k++)
        below[k + 1] = below[k] + hist[k];
    size_t best = 0;
    int bw = 0;
    for (int w = KS_ODD_MIN; w <= KS_ODD_MAX; w++) {
        int lo = w - w / 7, hi = w + w / 16;
        size_t win = below[hi + 1] - below[lo], above = below[KS_PAGE_H] - below[hi + 1];
        if (above * 20 <= win && win * 100 >= wide * 25 && win > best)
            best = win, bw = (lo + hi) / 2;
    }
    return bw;
}

/* The right margin of text wrapped at page width PAGE, or 0 when the
 * lines do not show one: the width that all but one in twenty of the
 * lines at least half as wide as the page stay within, where that is at
 * most a quarter wider than the page (proportional type sets full lines
 * a few columns apart; a page estimate that many lines overrun says
 * nothing of where a line had to end).  HIST counts S_page_width's lines
 * by width. */
static int S_margin(const size_t *hist, int page)
{
    size_t n = 0, above = 0;
    for (int w = (page + 1) / 2; w < KS_PAGE_H; w++)
        n += hist[w];
    int m = KS_PAGE_H - 1;
    while (m > page && (above + hist[m]) * 20 <= n)
        above += hist[m--];
    return m * 4 <= page * 5 ? m : 0;
}

/* Estimate the page width of hard-wrapped text, or 0 when the text is
 * one paragraph a line.  Wrapped text has a peak of line widths, most
 * often in 50..120 columns, and most long lines end in the middle of a
 * sentence.  With SOFT, only the lines of a web page that ended at a <br>
 * (KS_HINT_SOFT) are weighed: an article hard-wrapped with a <br> at
 * every line.  *MARGIN: the right margin (S_margin) of the same lines, 0
 * when none. */
static int S_page_width(S_ctx *c, bool soft, int *margin)
{
    *margin = 0;
    enum { H = KS_PAGE_H };
    size_t hist[H] = {0}, nonblank = 0, wide = 0;
    for (size_t i = 0; i < c->ln.len; i++) {
        int w = LN(c, i).width;
        if (w == 0 || (soft && LN(c, i).hint != KS_HINT_SOFT) ||
            ks_meta_is_related(LN(c, i).s, LN(c, i).len))
            continue;
        nonblank++;
        wide += w >= 30;
        hist[w < H ? w : H - 1]++;
    }
    if (nonblank < 10)
        return 0;
    /* The full lines of proportionally set text vary by several columns
     * (66..80 in one release): count lines in a window 15 columns wide,
     * [w-10, w+4], and look for it only where body text can be.  The
     * short cells of a table make their own, narrower peak, sometimes a
     * higher one: the page is the window with hardly a line wider than it
     * (a paragraph a line has many), and a release of tables has few
     * full lines among many cells, so these are weighed against the lines
     * wide enough to be text. */
    size_t best = 0, best_wide = 0, above = 0;
    int bw = 0, bw_wide = 0;
    for (int k = 120 + 5; k < H; k++)
        above += hist[k];
    for (int w = 120; w >= 50; w--) {
        size_t win = 0;
        for (int k = w - 10; k <= w + 4; k++)
            win += hist[k];
        if (win >= best)
            best = win, bw = w - 3; /* the window's middle; the narrowest */
        if (win >= 5 && above * 10 <= win && win > best_wide)
            best_wide = win, bw_wide = w - 3;
        above += hist[w + 4];
    }
    if (bw < 50 || bw > 120 || best * 100 < nonblank * 6) {
        if (bw_wide < 50 || best_wide * 100 < wide * 15)
            bw = S_odd_page(hist, wide); /* a narrow column, a wide page ... */
        else
            bw = bw_wide;
    }
    if (!bw || !S_open_lines(c, bw, soft))
        return 0;
    *margin = S_margin(hist, bw);
    return bw;
}

#define KS_LETTER_BACK 400 /* lines searched back for a letter item's elder */

/* The letter item line L starts with: 0 for 가 … 13 for 하, *FORM 0 for
 * "가." and 1 for "가)"; -1 when none. */
static int S_letter_item(const S_ln *l, int *form)
{
    size_t n;
    uint32_t cp = S_cp(l->s, l->len, 0, &n);
    if (cp < 0xAC00 || cp > 0xD558 || (cp - 0xAC00) % 588 != 0 || n >= l->len ||
        (l->s[n] != '.' && l->s[n] != ')'))
        return -1;
    *form = l->s[n] == ')';
    return (int)((cp - 0xAC00) / 588);
}

/* Is line I's marker a Hangul letter ("나. " "다) ") with no elder: no line
 * among the KS_LETTER_BACK before it starts with the letter before it in
 * the same form?  Such a line is the end of a wrapped sentence ("…기록되었"
 * / "다. 이는 …"), not the third item of a list: "다." ends most Korean
 * sentences, and a list's "다." follows its "나.".  I must not decrease
 * from one call to the next: each line is read once. */
static bool S_orphan_letter(S_ctx *c, size_t i)
{
    int form, k;
    for (; c->letter_read < i; c->letter_read++)
        if ((k = S_letter_item(&LN(c, c->letter_read), &form)) >= 0)
            c->letter_seen[form][k] = c->letter_read + 1;
    k = S_letter_item(&LN(c, i), &form);
    if (k <= 0) /* no letter, or 가: a list's first item */
        return false;
    size_t seen = c->letter_seen[form][k - 1];
    return !seen || i - (seen - 1) > KS_LETTER_BACK;
}

/* The brackets line A leaves open; *STRAY: whether a ')' of it closes
 * none. */
static size_t S_brackets(const S_ln *a, bool *stray)
{
    size_t depth = 0;
    *stray = false;
    for (size_t k = 0; k < a->len; k++)
        if (a->s[k] == '(')
            depth++;
        else if (a->s[k] == ')' && depth > 0)
            depth--;
        else if (a->s[k] == ')')
            *stray = true;
    return depth;
}

/* Does line A end inside a bracket it opened ("…지원금 상향(100만 원")?
 * A paragraph does not end there: the next line goes on with it, even
 * one that starts like a marker ("→200만 원) ▲결혼식 …"). */
static bool S_open_bracket(const S_ln *a)
{
    bool stray;
    return S_brackets(a, &stray) > 0;
}

/* Is unit U one line that a bracket leaves unbalanced, closed without
 * being opened or opened without being closed ("朴賢姬, 50세) 기획재",
 * "지식재산처 기획조정관으로 박현희(")?  A piece of a paragraph, then,
 * that pdftotext printed apart from the rest. */
static bool S_bracket_piece(S_ctx *c, size_t u)
{
    const S_unit *x = &UN(c, u);
    if (x->first != x->last || x->first == S_GONE)
        return false;
    bool stray;
    return S_brackets(&LN(c, x->first), &stray) > 0 || stray;
}

#define KS_LIST_BACK 8 /* lines S_list_goes_on looks back over */

/* Is CP a marker that also runs a list inside a sentence ("추진된 △2035
 * NDC 수립, △재생에너지 확대, △순환경제 구현 등이며")? */
static bool S_inline_list_mark(uint32_t cp)
{
    switch (cp) {
    case 0x25B2: case 0x25B3: case 0x25B4: case 0x25B8: case 0x25B6: case 0x25BA:
    case 0x25C6: case 0x25C7:
        return true;
    default:
        return false;
    }
}

/* Does the word that ends at byte END of S (back to a space) hold an ASCII
 * digit: a number and its unit ("3인", "10만 원")? */
static bool S_word_has_digit(const char *s, size_t end)
{
    for (size_t p = end; p > 0 && s[p - 1] != ' '; p--)
        if (s[p - 1] >= '0' && s[p - 1] <= '9')
            return true;
    return false;
}

/* Does line L end in a word's modifying form, which its noun must follow
 * ("…추진된", "…위한", "…지원하는", "…추진할"): one of those syllables
 * after a syllable, in a word without digits ("3인" ends on a unit)? */
static bool S_modifier_end(const S_ln *l)
{
    size_t at, before;
    uint32_t x = S_last_cp(l->s, l->len, &at);
    switch (x) {
    case 0xB41C: /* 된 */ case 0xD55C: /* 한 */ case 0xB294: /* 는 */ case 0xC778: /* 인 */
    case 0xD560: /* 할 */ case 0xB420: /* 될 */ case 0xB358: /* 던 */
        break;
    default:
        return false;
    }
    return at > 0 && l->s[at - 1] != ' ' && ks_is_hangul(S_last_cp(l->s, at, &before)) &&
           !S_word_has_digit(l->s, at);
}

static bool S_open_end(const S_ln *a);

/* Does line J, which starts with a marker, go on with a list run inside
 * the paragraph of line I?  The marker is one such a list uses
 * (S_inline_list_mark); I does not start with it, unless I goes on with
 * the unit's first line (the wrap before an item left it there); and
 * either I ends with a comma after an item and the paragraph holds the
 * marker after a space on I or one of the lines before it (at most
 * KS_LIST_BACK, not before the unit's first), or I ends with a comma or
 * open (S_open_end, S_modifier_end) and J holds the marker again after a
 * space.  A wrap that fell before an item left its marker at a line's
 * start: "…△재생에너지 확대," / "△순환경제 구현 등이며, …" (4 of the 44
 * govpress PDF texts), "…추진된" / "△2035 NDC 수립, △재생에너지 확대, …".
 * A list the author wrote a row a line starts each row with its marker
 * ("▴A, ▴B," / "▴C, ▴D,") and stays apart, as do rows after a line that
 * ends with an amount, a colon or a sentence. */
static bool S_list_goes_on(const S_ctx *c, size_t i, size_t j)
{
    const S_ln *a = &LN(c, i), *b = &LN(c, j);
    size_t n, at;
    uint32_t m = S_cp(b->s, b->len, 0, &n);
    if (!S_inline_list_mark(m) || (S_cp(a->s, a->len, 0, &at) == m && i <= c->unit_first))
        return false;
    uint32_t last = S_last_cp(a->s, a->len, &at);
    unsigned char pat[5] = {' '};
    pat[1 + ks_utf8_encode(m, pat + 1)] = '\0';
    if ((last == ',' || S_open_end(a) || S_modifier_end(a)) &&
        ks_memfind(b->s + n, b->len - n, (const char *)pat))
        return true;
    if (last != ',')
        return false;
    size_t lo = c->unit_first <= i ? c->unit_first : i;
    if (i - lo > KS_LIST_BACK)
        lo = i - KS_LIST_BACK;
    for (size_t k = i + 1; k-- > lo;) {
        const S_ln *l = &LN(c, k);
        if (ks_memfind(l->s, l->len, (const char *)pat))
            return true;
    }
    return false;
}

/* Does line L end with a list's marker alone, its item on the next line
 * ("▲ 1975년생, ▲ 전주, ▲" / "전북대사대부고, …")? */
static bool S_ends_in_mark(const S_ln *l)
{
    size_t at;
    uint32_t last = S_last_cp(l->s, l->len, &at);
    return S_inline_list_mark(last) && at > 0 && l->s[at - 1] == ' ';
}

/* Can line J continue the paragraph of line I (J > I), whatever their
 * widths? */
static bool S_may_follow(S_ctx *c, size_t i, size_t j)
{
    const S_ln *a = &LN(c, i), *b = &LN(c, j);
    if (!a->len || !b->len || a->hint >= 0 || b->hint >= 0)
        return false;
    if (a->lineno == b->lineno) /* pieces of one line S_split_subtitles cut */
        return false;
    /* a bracketed label starts its own line: "【관련 국정과제】 …" */
    if (b->len >= 3 && !memcmp(b->s, "\xE3\x80\x90", 3))
        return false;
    if ((S_has_marker(b->s, b->len) &&
         !(!S_sentence_end(a->s, a->len) &&
           (S_orphan_letter(c, j) || S_open_bracket(a) || S_list_goes_on(c, i, j)))) ||
        ks_meta_is_related(a->s, a->len) ||
        ks_meta_is_related(b->s, b->len))
        return false;
    char key[128];
    S_key(b->s, b->len, key, sizeof key);
    bool bare;
    if (S_is_header_label(key) || S_is_contact_label(key) || S_is_attach_label(key, &bare) ||
        S_is_residue(key) || S_contact_line(b->s, b->len))
        return false;
    return true;
}

/* Can line I+1 continue the paragraph of line I, whatever their widths? */
static bool S_may_continue(S_ctx *c, size_t i)
{
    return S_may_follow(c, i, i + 1);
}

#define KS_JUSTIFIED_WORD 24 /* widest word of a justified line S_justified takes */

/* Are the lines from I to K (every second one: blank lines between) the
 * words of one justified line that pdftotext printed one a paragraph,
 * followed by the paragraph's next full line (K + 2)?  START: I begins a
 * paragraph (the justified line is its first), else I is the last line
 * of one cut off short.  *NEXT is that next line.
 *
 * Cut off short ("…봄(4~5월)부터 약충이" / "활동을"): a line near the page
 * width before I, I one short word that ends no sentence, two or more such
 * words (KS_JUSTIFIED_WORD wide at most) each between blank lines, and a
 * wide line after them that may continue a paragraph: the cells of a table
 * printed one a paragraph ("책임자" / "과" / "장") follow no such cut.
 * Either way the words may also be longer ("북미전력계통신뢰도공사(NERC:"),
 * and the line may begin a paragraph ("미국은" / "연방에너지규제위원회(FERC:" /
 * "Federal" / …), where together they fill most of a line (six tenths of
 * the page width, at most a tenth over it: a proportional font's Latin
 * letters are narrower or wider than half a syllable) and each holds a
 * letter, not a table's figures. */
static bool S_justified(S_ctx *c, size_t i, bool start, size_t *next)
{
    const S_ln *l = &LN(c, i);
    if (!l->len || i + 2 >= c->ln.len || LN(c, i + 1).len || !LN(c, i + 2).len ||
        (!start && (i == 0 || LN(c, i - 1).width * 10 < c->page * 8)) ||
        memchr(l->s, ' ', l->len))
        return false;
    bool short_words = !start && l->width <= KS_JUSTIFIED_WORD;
    long sum = l->width;
    size_t k = i, words = 0;
    while (k + 2 < c->ln.len && !LN(c, k + 1).len && LN(c, k + 2).len) {
        const S_ln *w = &LN(c, k + 2);
        if (w->width * 10 >= c->page * 6)
            break;
        if (memchr(w->s, ' ', w->len))
            return false;
        short_words = short_words && w->width <= KS_JUSTIFIED_WORD;
        sum += 1 + w->width;
        if (sum * 10 > c->page * 11)
            return false; /* more than a line holds: a table's cells (and
                           * each start reads no further: linear time) */
        words++;
        k += 2;
    }
    if (words < 2 || k + 2 >= c->ln.len || LN(c, k + 1).len ||
        LN(c, k + 2).width * 10 < c->page * 6 || (!short_words && sum * 10 < c->page * 6))
        return false;
    /* last, as they cost most: no word ends a sentence, each holds a
     * letter (but the short words of a cut), each line may go on with the
     * one before */
    for (size_t j = i; j <= k; j += 2) {
        const S_ln *w = &LN(c, j);
        if (S_sentence_end(w->s, w->len) || (!short_words && !S_letters(w->s, w->len, 1)) ||
            !S_may_follow(c, j, j + 2))
            return false;
    }
    *next = k + 2;
    return true;
}

/* The display width of line L's first word. */
static int S_first_word_width(const S_ln *l)
{
    const char *sp = memchr(l->s, ' ', l->len);
    return S_width(l->s, sp ? (size_t)(sp - l->s) : l->len);
}

/* Does line I end inside prose that line I+1 may go on with: I ends
 * with a Hangul syllable or a comma and holds no digit (a header's date
 * and time, a table's figures, a contact's phone number end lines on
 * purpose, however long the next line's first word)? */
static bool S_prose_break(S_ctx *c, size_t i)
{
    const S_ln *a = &LN(c, i);
    size_t at;
    if (!a->len || !LN(c, i + 1).len)
        return false;
    for (size_t k = 0; k < a->len; k++)
        if (a->s[k] >= '0' && a->s[k] <= '9')
            return false;
    uint32_t x = S_last_cp(a->s, a->len, &at);
    return ks_is_hangul(x) || x == ',';
}

/* The bytes of a field's label at S, "(신청기간) ": a bracket of two to
 * eight Hangul syllables (and spaces) and a space after it; 0 if none. */
static size_t S_field_label(const char *s, size_t len)
{
    if (len < 9 || s[0] != '(')
        return 0;
    size_t i = 1, n = 0, m;
    while (i < len && n < 8 && s[i] != ')') {
        uint32_t cp = S_cp(s, len, i, &m);
        if (!ks_is_hangul(cp) && cp != ' ')
            return 0;
        n += cp != ' ';
        i += m;
    }
    return n >= 2 && i + 1 < len && s[i] == ')' && s[i + 1] == ' ' ? i + 2 : 0;
}

/* Are lines A and B two fields of one item, the first after the item's
 * marker and the second under it: "☞ (신청기간) `26년 연중" / "(신청방법)
 * 고용노동부 고용센터 …" (a line break the author put inside the item;
 * 12 such pairs in the govpress PDF text, all one paragraph)? */
static bool S_field_lines(const S_ln *a, const S_ln *b)
{
    if (!S_field_label(b->s, b->len) || S_has_marker(b->s, b->len))
        return false;
    size_t m = S_marker_len(a->s, a->len);
    return m > 0 && S_field_label(a->s + m, a->len - m) > 0;
}

/* Is line L a subtitle whole in its dashes, "- 황종우 장관, 간담회 개최 -":
 * "- " first, " -" last and a syllable between?  It ends its unit however
 * full the line (the lead paragraph under it is another). */
static bool S_dash_wrapped(const S_ln *l)
{
    if (l->len < 7 || memcmp(l->s, "- ", 2) || !S_ends(l->s, l->len, " -"))
        return false;
    for (size_t k = 2; k + 2 < l->len; k++)
        if (ks_utf8_hangul((const unsigned char *)l->s + k, l->len - 2 - k))
            return true;
    return false;
}

/* The bytes of the connective that opens a paragraph after a sentence's
 * end at S (LEN bytes), "한편", "반면", "이와 관련", "이 밖에도", "이날", as a
 * word of its own ("한편으로" is none), or 0.  Releases begin a paragraph
 * with them: the 44 govpress originals do so 15 times and never begin a
 * sentence inside a paragraph with one. */
static size_t S_opener(const char *s, size_t len)
{
    static const char *const words[] = {"한편", "반면", "이와 관련", "이 밖에도", "이밖에도",
                                        "이날"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        size_t n = strlen(words[k]);
        if (len > n && !memcmp(s, words[k], n) && (s[n] == ' ' || s[n] == ','))
            return n;
    }
    return 0;
}

/* Does line L start with such a connective?  Then a sentence's end on a
 * full line before it is a paragraph's end, not a wrap ("…증진에
 * 기여했다." / "한편 최우수 …"). */
static bool S_opens_paragraph(const S_ln *l)
{
    return S_opener(l->s, l->len) > 0;
}

/* The heads a release names in parentheses after its issuer, in the lead:
 * "산림청(청장 박은식)은", "광주광역시(시장 강기정)는", "한국고용노동교육원(원장 …)은". */
static const char *const S_heads[] = {"장관", "차관", "청장", "처장", "위원장", "원장", "실장",
                                      "시장", "도지사", "지사", "군수", "구청장", "교육감",
                                      "이사장", "회장", "사장", "총장", "본부장", "총리"};

/* The length of a head and the space after it at P (N bytes there), or 0. */
static size_t S_head_at(const char *p, size_t n)
{
    for (size_t h = 0; h < sizeof S_heads / sizeof S_heads[0]; h++) {
        size_t hl = strlen(S_heads[h]);
        if (hl < n && !memcmp(p, S_heads[h], hl) && p[hl] == ' ')
            return hl + 1;
    }
    return 0;
}

/* Does the word that ends at S[END] (its particle cut off) name a body
 * or one who speaks for it: "고용노동부", "정부", a head ("장관", S_heads)
 * or an official ("국제경제관리관"), a bracket that names
 * the head (S_head_at: "기후에너지환경부(장관 김성환)", "(이사장 직무대행
 * 권혁태)") or an abbreviation ("(이하 ‘농식품부’)")? */
static bool S_lead_subject(const char *s, size_t end)
{
    size_t b = end;
    while (b > 0 && s[b - 1] != ' ')
        b--;
    if (end > b && s[end - 1] == ')') {
        size_t k = end - 1; /* the bracket it closes, perhaps words before */
        while (k > 0 && s[k] != '(')
            k--;
        if (s[k] != '(')
            return false;
        size_t n = end - k - 1;
        return S_head_at(s + k + 1, n) || (n > 7 && !memcmp(s + k + 1, "이하 ", 7));
    }
    size_t n = end - b;
    for (size_t h = 0; h < sizeof S_heads / sizeof S_heads[0]; h++)
        if (S_ends(s + b, n, S_heads[h]))
            return true;
    static const char *const more[] = {"정부", "관리관", "정책관", "단장"};
    for (size_t k = 0; k < sizeof more / sizeof *more; k++)
        if (S_ends(s + b, n, more[k]))
            return true;
    return ks_meta_org_like(s + b, n);
}

/* Hangul syllables in W[0..LEN), or 0 when anything else is there. */
static size_t S_syllables(const char *w, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i + 3 <= len; i += 3, n++)
        if (!ks_utf8_hangul((const unsigned char *)w + i, len - i))
            return 0;
    return len % 3 ? 0 : n;
}

/* The Hangul syllables of line A's last word (0 when it holds anything
 * else): 1 where a wrap inside a word left its first syllable ("… 김" /
 * "성환 장관은"). */
static size_t S_last_word_syllables(const S_ln *a)
{
    size_t e = a->len;
    while (e > 0 && a->s[e - 1] == ' ')
        e--;
    size_t b = e;
    while (b > 0 && a->s[b - 1] != ' ')
        b--;
    return S_syllables(a->s + b, e - b);
}

/* Does line L open with a release's lead sentence: its subject (at most
 * five words, a bracket's words counted as one) ending in 은 or 는, then
 * the day ("기후에너지환경부(장관 김성환)는 4월 13일 오전", "송미령
 * 농림축산식품부(이하 ‘농식품부’) 장관은 4월 13일(월)", "문지성 재정경제부
 * 국제경제관리관은 ‵26.4.13.(월)")?  The 44 originals start 19
 * paragraphs so; inside a paragraph it comes only after a sentence's end
 * ("…수행하였다. 사절단은 4월 6일") or a word that leaves the sentence
 * open ("…(소장 …)와 국립경주박물관(관장 …)은 오는 4월 13일"), where
 * S_continues does not ask. */
static bool S_lead_sentence(const S_ln *l)
{
    const char *s = l->s, *end = s + l->len, *w = s;
    size_t len = l->len;
    /* word by word (most lines stop at their first words: a few jumps) */
    for (int words = 0; words < 5; words++) {
        const char *sp = memchr(w, ' ', (size_t)(end - w));
        if (!sp)
            return false;
        const char *op = memchr(w, '(', (size_t)(sp - w)), *cl = memchr(w, ')', (size_t)(sp - w));
        if (cl && (!op || cl < op))
            return false; /* the line starts inside a bracket */
        if (op && !cl) { /* a bracket's words are one: "(장관 김성환)는" */
            if (!(cl = memchr(op, ')', (size_t)(end - op))) ||
                !(sp = memchr(cl, ' ', (size_t)(end - cl))))
                return false;
        }
        size_t i = (size_t)(sp - s);
        w = sp + 1;
        if (i > 0 && (s[i - 1] == '.' || s[i - 1] == ','))
            return false; /* a sentence or clause ended: the next is inside */
        /* the word before this space ends in 은 / 는, and names a body
         * or one who speaks for it */
        if (i >= 3 && (!memcmp(s + i - 3, "은", 3) || !memcmp(s + i - 3, "는", 3)) &&
            S_lead_subject(s, i - 3)) {
            size_t p = i + 1;
            if (p + 7 <= len && (!memcmp(s + p, "지난 ", 7) || !memcmp(s + p, "오는 ", 7)))
                p += 7;
            static const char *const ticks[] = {"‵", "’", "`", "'"};
            for (size_t k = 0; k < sizeof ticks / sizeof *ticks; k++)
                if (p + strlen(ticks[k]) <= len && !memcmp(s + p, ticks[k], strlen(ticks[k]))) {
                    p += strlen(ticks[k]);
                    break;
                }
            size_t d = p;
            while (d < len && d - p < 4 && s[d] >= '0' && s[d] <= '9')
                d++;
            if (d == p || d >= len)
                return false;
            if (s[d] == '.') { /* "4.13.", "26.4.13." */
                size_t e = d + 1;
                while (e < len && e - d <= 2 && s[e] >= '0' && s[e] <= '9')
                    e++;
                return e > d + 1 && e < len && s[e] == '.';
            }
            return d + 3 <= len &&
                   (!memcmp(s + d, "월", 3) || !memcmp(s + d, "일", 3) || !memcmp(s + d, "년", 3));
        }
    }
    return false;
}

/* Does line I+1 continue the paragraph of line I (wrapped text only)?
 * Yes when I is close to the page width PAGE.  Also when I is a third as
 * wide or more, ends inside prose (S_prose_break) and the first word of
 * I+1 would not have fitted after it within the right margin
 * (S_margin): wrapping between words leaves a line short by up to a
 * word, and in a narrow column that is a large part of it ("…새로 도입하는"
 * / "지역고용위기선제대응패키지사업과" at 28 characters a line).  Not after a
 * sentence's end on a line clearly short of the page width, nor where
 * I+1 cannot continue a paragraph (S_may_continue).  A line that ends
 * with a list's marker alone goes on whatever its width (S_ends_in_mark). */
static bool S_continues(S_ctx *c, size_t i, int page)
{
    const S_ln *a = &LN(c, i);
    if (i + 1 < c->ln.len && S_field_lines(a, &LN(c, i + 1)))
        return S_may_continue(c, i);
    if (S_ends_in_mark(a))
        return S_may_continue(c, i);
    /* a bracket this line opened, the next closes: "…06:00 (월요일 석" /
     * "간)" */
    bool stray;
    if (i + 1 < c->ln.len && memchr(LN(c, i + 1).s, ')', LN(c, i + 1).len) && S_open_bracket(a) &&
        (S_brackets(&LN(c, i + 1), &stray), stray))
        return S_may_continue(c, i);
    if (S_dash_wrapped(a))
        return false;
    bool stop = S_sentence_end(a->s, a->len);
    int margin = page == c->page ? c->margin : page == c->soft_page ? c->soft_margin : 0;
    if (a->width * 10 < page * 8 &&
        (stop || !margin || a->width * 3 < page || i + 1 >= c->ln.len || !S_prose_break(c, i) ||
         a->width + 1 + S_first_word_width(&LN(c, i + 1)) <= margin))
        return false;
    if (stop && (a->width * 100 < page * 92 ||
                 (i + 1 < c->ln.len && S_opens_paragraph(&LN(c, i + 1)))))
        return false;
    /* a summary's last item, a noun on a full line, before the lead */
    if (!stop && i + 1 < c->ln.len && !S_ends(a->s, a->len, ",") && !S_open_end(a) &&
        S_last_word_syllables(a) != 1 && S_lead_sentence(&LN(c, i + 1)))
        return false;
    return S_may_continue(c, i);
}

#define KS_PAGE_GAP 4    /* most blank lines on either side of a page number */
#define KS_PAGE_BLANKS 2 /* fewest blank lines that turn a page without one */

/* Does line K end open: in a word that cannot end a paragraph, a case
 * particle or 및 / 함께 after a word ("…한국관을 방문하여 K-방산을",
 * "…국방무관과 함께"), or in one syllable alone after a word, a word the
 * line's end cut ("…사업 대상별 진" / "단보고서를")?  A paragraph in a
 * release ends a sentence or a noun ("…신청 가능", "…참조"), a list with
 * 등 or 외 ("…우리은행 등"), an amount with its unit ("…529억 원"): not
 * so. */
static bool S_open_end(const S_ln *a)
{
    static const char *const open[] = {"을", "를", "의", "와", "과", "께"};
    size_t at, len = a->len;
    while (len && a->s[len - 1] == ' ')
        len--;
    uint32_t x = S_last_cp(a->s, len, &at);
    if (!ks_is_hangul(x) || at == 0)
        return false;
    if (a->s[at - 1] == ' ') { /* one syllable alone, after a word */
        size_t p = at - 1, before;
        if (x == 0xB4F1 /* 등 */ || x == 0xC678 /* 외 */ || !ks_is_hangul(S_last_cp(a->s, p, &before)))
            return false;
        return !S_word_has_digit(a->s, p); /* not a number's unit */
    }
    for (size_t k = 0; k < sizeof open / sizeof *open; k++)
        if (S_ends(a->s, len, open[k]))
            return true;
    return false;
}

/* Does the paragraph of line K go on across a page turn?  pdftotext prints
 * a page's number at the end of its text, and blank lines (or a form
 * feed) before the next page's first line: "…인문의 가치를 경험할 수" /
 * "- 1 -" / "" / "" / "있도록 공간의 경계를 …".  K must be a full line
 * that ends no sentence, followed by at most KS_PAGE_GAP blank lines, a
 * page number, at most KS_PAGE_GAP blank lines and a line that may go on
 * with K's paragraph.  Then *NUMBER is the page number's line and *NEXT
 * the next page's first line.  A page without a number turns on blank
 * lines alone, two or more (one ends a paragraph as often as a page),
 * after a line that ends open (S_open_end): then *NUMBER is 0.  A
 * sentence's end before the turn, a marker or a label after it, or a
 * single blank line and no page number keep the paragraphs apart. */
static bool S_page_turn(S_ctx *c, size_t k, size_t *number, size_t *next)
{
    const S_ln *a = &LN(c, k);
    if (!a->len || a->hint >= 0 || a->width * 10 < c->page * 8 || S_sentence_end(a->s, a->len))
        return false;
    size_t num = 0, blanks = 0, j = k + 1;
    for (; j < c->ln.len; j++) {
        const S_ln *l = &LN(c, j);
        if (!l->len) {
            if (++blanks > KS_PAGE_GAP)
                return false;
            continue;
        }
        if (num)
            break;
        char key[16];
        if (l->len < sizeof key && l->hint < 0) {
            S_key(l->s, l->len, key, sizeof key);
            if (S_page_number(key)) {
                num = j;
                blanks = 0;
                continue;
            }
        }
        if (blanks >= KS_PAGE_BLANKS && S_open_end(a))
            break; /* no number on the page */
        return false;
    }
    if (j >= c->ln.len || !S_may_follow(c, k, j))
        return false;
    *number = num;
    *next = j;
    return true;
}

/* Is the line after K the page number S_split_items cut off K's own line
 * (a residue piece of the same line; only that cut makes one)? */
static bool S_cut_page_after(const S_ctx *c, size_t k)
{
    if (k + 1 >= c->ln.len)
        return false;
    const S_ln *a = &LN(c, k), *p = &LN(c, k + 1);
    return p->hint == KS_ROLE_RESIDUE && p->lineno == a->lineno && p->s > a->s;
}

/* Does the paragraph of line K go on across a page number web text ran
 * into its line (S_split_items cut it off: the line after K, a piece of
 * K's line, residue)?  "…인문의 가치를 경험할 수 - 1 -" / "" / "있도록 공간의
 * 경계를 …", "…인문네트워크(https://inmun - 2 -" / "" / "360.culture.go.kr/…":
 * when K ends in a word (a Hangul syllable or a Latin letter) or a comma,
 * and in no sentence, and the next line after at most KS_PAGE_GAP blank lines
 * may go on with it.  A sentence's end ("…지시하였다. - 1 -"), a table's
 * figures ("747 743 744 745 - 24 -": the next page's first line is no
 * continuation of a row) or a marker after the turn keep them apart, but
 * for a bracket left open ("…상향(100만 원 - 1 -" / "" / "→200만 원) …",
 * S_open_bracket).
 * Then *NEXT is that line. */
static bool S_inline_turn(S_ctx *c, size_t k, size_t *next)
{
    const S_ln *a = &LN(c, k);
    if (!S_cut_page_after(c, k) || k + 2 >= c->ln.len || !a->len || a->hint >= 0 ||
        S_sentence_end(a->s, a->len))
        return false;
    size_t at;
    uint32_t x = S_last_cp(a->s, a->len, &at);
    if (!ks_is_hangul(x) && !ks_is_alpha(x) && x != ',')
        return false;
    size_t j = k + 2, blanks = 0;
    while (j < c->ln.len && !LN(c, j).len && blanks++ < KS_PAGE_GAP)
        j++;
    if (j >= c->ln.len || !LN(c, j).len || !S_may_follow(c, k, j))
        return false;
    *next = j;
    return true;
}

/* Is unit X a page's last line that web text ran the page's number into? */
static bool S_page_end(const S_ctx *c, const S_unit *x)
{
    return x->first == x->last && S_cut_page_after(c, x->last);
}

#define KS_CELL_WIDTH 24 /* widest line of a table cell S_cell_lines joins */
#define KS_CELL_LINES 4  /* most lines it joins */

/* Is line K one syllable of a word written down a column, one syllable a
 * line ("장" / "려" in a table's heading cell), with a line of one
 * syllable before or after it?  Its breaks are not wraps: "…이정표 제시" /
 * "장" / "려" is no "제시장".  A table cell's last syllable alone on its
 * line ("…기타개인서비" / "스") is not. */
static bool S_vertical(S_ctx *c, size_t k)
{
    if (!LN(c, k).len || LN(c, k).width > 2)
        return false;
    return (k > 0 && LN(c, k - 1).len && LN(c, k - 1).width <= 2) ||
           (k + 1 < c->ln.len && LN(c, k + 1).len && LN(c, k + 1).width <= 2);
}

/* *CUT: did the break between line K and line K+1 fall inside a word, so
 * that K+1 goes on with K's paragraph whatever their widths?  Both lines
 * are text the paragraph may hold, K ends and K+1 begins with a Hangul
 * syllable, neither is one syllable of a column (S_vertical), and the
 * model is as sure that the break is spurious as a space needs ("…운영할
 * 계" / "획이다.", not "…크게 늘" / "렸다고", where it is less sure).
 * KS_ERR_NOMEM when out of memory. */
static ks_status S_cut_word(S_ctx *c, size_t k, bool *cut)
{
    *cut = false;
    if (!c->rs || k + 1 >= c->ln.len)
        return KS_OK;
    const S_ln *a = &LN(c, k), *b = &LN(c, k + 1);
    size_t at, n;
    if (!a->len || !b->len || b->s != a->s + a->len + 1 ||
        !ks_is_hangul(S_last_cp(a->s, a->len, &at)) || !ks_is_hangul(S_cp(b->s, b->len, 0, &n)) ||
        S_vertical(c, k) || S_vertical(c, k + 1) || !S_may_continue(c, k))
        return KS_OK;
    /* the model reads the two words on each side, not the lines: a
     * paragraph a line would be scored whole once more for each line */
    const char *from = a->s + a->len, *to = b->s;
    for (int words = 0; from > a->s && words < 2; words++) {
        while (from > a->s && from[-1] == ' ')
            from--;
        while (from > a->s && from[-1] != ' ')
            from--;
    }
    for (int words = 0; to < b->s + b->len && words < 2; words++) {
        while (to < b->s + b->len && *to == ' ')
            to++;
        while (to < b->s + b->len && *to != ' ')
            to++;
    }
    return ks_respacer_wrap_inside(c->rs, from, (size_t)(to - from), cut);
}

/* *LAST: the last line of the table cell that starts at line I, whose
 * lines wrapped inside a word: pdftotext prints a cell's lines together and
 * blank lines between the cells, "과학기술정보" / "통신부(6)", "기후에너지" /
 * "환경부(8)".  Its lines are narrow and say nothing of the page width,
 * and the lines of the cells below in the same column come the same way,
 * "정책기획관" / "기획재정담당관", so the line after is taken only where the
 * break fell inside a word (S_cut_word).  I itself when there is no such
 * line.  KS_ERR_NOMEM when out of memory. */
static ks_status S_cell_lines(S_ctx *c, size_t i, uint32_t *last)
{
    *last = (uint32_t)i;
    if (i > 0 && LN(c, i - 1).len)
        return KS_OK;
    for (size_t k = i; k + 1 < c->ln.len && k + 1 - i < KS_CELL_LINES; k++) {
        bool cut;
        if (LN(c, k).width > KS_CELL_WIDTH || LN(c, k + 1).width > KS_CELL_WIDTH)
            break;
        if (S_cut_word(c, k, &cut) != KS_OK)
            return KS_ERR_NOMEM;
        if (!cut)
            break;
        *last = (uint32_t)(k + 1);
    }
    return KS_OK;
}

/* *LAST: the last line of the paragraph that starts at line I in a text
 * whose page width is unknown (a short release, a narrow column, one
 * paragraph a line): each line goes on with the one before only where a
 * word was cut between them (S_cut_word), so that no word is split
 * between two paragraphs.  KS_ERR_NOMEM when out of memory. */
static ks_status S_cut_lines(S_ctx *c, size_t i, uint32_t *last)
{
    *last = (uint32_t)i;
    for (bool cut = true; cut;) {
        if (S_cut_word(c, *last, &cut) != KS_OK)
            return KS_ERR_NOMEM;
        *last += cut;
    }
    return KS_OK;
}

/* Is unit X one line of the text: one line of input, or a label
 * pdftotext printed a syllable a paragraph (S_spaced_label)? */
static bool S_one_line(const S_unit *x)
{
    return x->last == x->first + x->label;
}

#define KS_LABEL_SYLLABLES 6 /* the longest label S_spaced_label takes */

/* *LAST: the last line of a letter-spaced label that starts at line I and
 * that pdftotext printed one syllable a paragraph, each between blank
 * lines: "‣ 참" / "석" / "자 : 전기위원회 위원장, …", "□ 학" / "력".  The
 * author spaced the label's syllables out to a column's width, and the
 * text says "참 석 자 :" (rule 11 of the repair keeps such spaces).  Each
 * line is one Hangul syllable (the first after a marker), one blank line
 * between two, the last one syllable alone or before " :" or ":"; a
 * marker before the label or a colon after it, and no syllable written
 * down a column (S_vertical).  False when line I starts no such label. */
static bool S_spaced_label(S_ctx *c, size_t i, size_t *last)
{
    const S_ln *l = &LN(c, i);
    size_t n, m;
    if (l->hint >= 0 || i + 2 >= c->ln.len || LN(c, i + 1).len || S_vertical(c, i))
        return false;
    m = S_marker_len(l->s, l->len);
    if (l->len - m != 3 || !ks_is_hangul(S_cp(l->s, l->len, m, &n)))
        return false;
    size_t j = i;
    bool colon = false;
    for (size_t syllables = 1; syllables < KS_LABEL_SYLLABLES && j + 2 < c->ln.len &&
                               !LN(c, j + 1).len;
         syllables++) {
        const S_ln *b = &LN(c, j + 2);
        if (b->hint >= 0 || b->len < 3 || !ks_is_hangul(S_cp(b->s, b->len, 0, &n)) ||
            S_vertical(c, j + 2))
            break;
        if (b->len == 3) {
            j += 2;
            continue;
        }
        colon = b->s[3] == ':' || (b->s[3] == ' ' && b->len > 4 && b->s[4] == ':');
        j += colon ? 2 : 0;
        break;
    }
    /* (the syllables of a table's cells come one a paragraph too, "템" /
     * "달": no marker, no colon) */
    *last = j;
    return j > i && (m > 0 || colon);
}

static ks_status S_make_units(S_ctx *c, bool line_mode)
{
    for (size_t i = 0; i < c->ln.len; i++) {
        const S_ln *l = &LN(c, i);
        if (!l->len && !line_mode)
            continue;
        S_unit u = {0};
        bool turned = false; /* went on across a page number (S_page_turn) */
        u.first = u.last = i;
        c->unit_first = i;
        u.role = KS_ROLE_BODY;
        size_t label;
        if (!line_mode && S_spaced_label(c, i, &label)) {
            u.last = (uint32_t)label;
            u.label = (uint8_t)(label - i);
        }
        if (!line_mode && l->hint >= 0 && l->hint <= KS_ROLE_RESIDUE) {
            u.role = (ks_role)l->hint;
            u.forced = true;
        } else if (!line_mode && c->page) {
            for (size_t next, number;;) {
                while (u.last + 1 < c->ln.len && S_continues(c, u.last, c->page))
                    u.last++;
                if (S_justified(c, u.last, u.last == i, &next)) {
                    u.last = next; /* the blank lines between are skipped */
                } else if (S_page_turn(c, u.last, &number, &next)) {
                    /* so is the page number: a unit of its own, below */
                    if (number)
                        LN(c, number).hint = KS_ROLE_RESIDUE;
                    u.last = next;
                    turned = true;
                } else {
                    break;
                }
            }
            if (u.last == i && S_cell_lines(c, i, &u.last) != KS_OK)
                return KS_ERR_NOMEM;
        } else if (!line_mode && c->soft_page && l->hint == KS_HINT_SOFT) {
            /* a web page's article hard-wrapped with a <br> at every
             * line: the lines of one block that ended at a <br> */
            while (u.last + 1 < c->ln.len && LN(c, u.last).hint == KS_HINT_SOFT &&
                   S_continues(c, u.last, c->soft_page))
                u.last++;
            if (u.last == i && S_cut_lines(c, i, &u.last) != KS_OK)
                return KS_ERR_NOMEM;
        } else if (!line_mode) {
            for (size_t next;;) {
                if (S_cut_lines(c, u.last, &u.last) != KS_OK)
                    return KS_ERR_NOMEM;
                if (!S_inline_turn(c, u.last, &next))
                    break;
                u.last = next; /* over a page number web text ran in */
                turned = true;
            }
        }
        u.alone = S_one_line(&u) && i > 0 && !LN(c, i - 1).len && i + 1 < c->ln.len &&
                  !LN(c, i + 1).len;
        if (ks_vec_push(&c->units, &u) != KS_OK)
            return KS_ERR_NOMEM;
        /* the page numbers the paragraph went on across */
        for (size_t k = u.first + 1; turned && k < u.last; k++) {
            if (LN(c, k).len && LN(c, k).hint == KS_ROLE_RESIDUE) {
                S_unit r = {.first = k, .last = k, .role = KS_ROLE_RESIDUE, .forced = true};
                if (ks_vec_push(&c->units, &r) != KS_OK)
                    return KS_ERR_NOMEM;
            }
        }
        i = u.last;
    }
    return KS_OK;
}

/* ---- pass 2: roles --------------------------------------------------- */

static const S_ln *S_first(S_ctx *c, size_t u)
{
    return &LN(c, UN(c, u).first);
}

static void S_set_marker(S_ctx *c, S_unit *u)
{
    const S_ln *l = &LN(c, u->first);
    size_t raw;
    int lv;
    ks_kind k;
    size_t m = S_marker(l->s, l->len, &raw, &lv, &k);
    if (m && m < l->len) {
        u->mlen = m;
        u->mraw = raw;
        u->level = lv;
        u->kind = k;
    }
}

#define KS_TITLE_LINES 4 /* most lines one title unit runs over */

/* Does a title line leave the title open, so the next line continues it?
 * "범정부·기업 방산협력 사절단" (short), "건설근로자공제회," (comma),
 * "행안부-기후부, 남원시 람천 불법공사 관련" (open word). */
static bool S_title_open(const char *s, size_t len, bool first)
{
    static const char *const open_end[] = {
        ",", "…", "...", "·", "‧", ":", "”", "’", "\"", "에서", "으로", "로", "에", "와",
        "과", "및", "의", "위한", "위해", "관련", "대상", "통해", "대한", "따른", "함께",
        "만나", "까지", "부터", "하고", "하며", "고", "를", "을"};
    for (size_t i = 0; i < sizeof open_end / sizeof open_end[0]; i++)
        if (S_ends(s, len, open_end[i]))
            return true;
    return first && S_width(s, len) < 36;
}

/* Strip the closing " -" of the "- ... -" subtitle wrapper of summary unit
 * X: "- 총 4,165억원 증액 의결 -" -> "총 4,165억원 증액 의결". */
static void S_strip_wrapper(S_ctx *c, S_unit *x)
{
    const S_ln *last = &LN(c, x->last);
    if (S_ends(last->s, last->len, "-") && last->len > 1) {
        size_t t = last->len;
        while (t > 0 && last->s[t - 1] == ' ')
            t--;
        size_t keep = t - 1;
        while (keep > 0 && last->s[keep - 1] == ' ')
            keep--;
        if (keep > (x->first == x->last ? x->mlen : 0))
            x->trail = last->len - keep;
    }
}

static bool S_title_like(const char *s, size_t len)
{
    int w = S_width(s, len);
    if (w > 160 || w < 2)
        return false;
    if (w > 90 && S_sentence_end(s, len))
        return false;
    /* a caption or a section's mark: "< 주요 특징 >", "<붙임>" */
    if (s[0] == '<' && s[len - 1] == '>')
        return false;
    return true;
}

static bool S_starts_conj(const char *s, size_t len)
{
    return (len > 4 && memcmp(s, "및 ", 4) == 0) || (len > 10 && memcmp(s, "그리고 ", 10) == 0);
}

/* What a unit is by its own text, ignoring position. */
enum { K_TEXT = 0, K_KIND, K_HLABEL, K_CLABEL, K_ATTACH, K_ATTACH_BARE, K_FILE,
       K_LISTHEAD, K_ROW, K_RESIDUE };

static void S_unlabelled_unit(S_ctx *c, size_t label);
static size_t S_title_word_at(const char *s, size_t len, size_t i);

static int S_kind_of(S_ctx *c, size_t ui)
{
    const S_ln *l = S_first(c, ui);
    char key[128];
    S_key(l->s, l->len, key, sizeof key);
    bool bare;
    if (S_is_header_label(key))
        return K_HLABEL;
    if (S_is_contact_label(key) || S_contact_line(l->s, l->len))
        return K_CLABEL;
    if (S_is_residue(key))
        return K_RESIDUE;
    if (l->width <= 160 && S_is_attach_label(key, &bare))
        return bare ? K_ATTACH_BARE : K_ATTACH;
    if (ks_meta_is_listing_header(l->s, l->len))
        return K_LISTHEAD;
    if (UN(c, ui).first == UN(c, ui).last) {
        if (ks_meta_is_related(l->s, l->len))
            return K_ROW;
        if (l->width <= 240 && ks_meta_file_kind(l->s, l->len) && !S_sentence_end(l->s, l->len))
            return K_FILE;
    }
    return K_TEXT;
}

/* The list an attachment line opens: "<붙임> 1. 사업 개요" followed by
 * "2. 질의응답", "3. 감시 결과", each numbered one more, short, and no
 * sentence.  Marks them ATTACHMENT and moves *I past them. */
static void S_attach_list(S_ctx *c, const int *kinds, size_t nu, size_t *i)
{
    char head[64];
    const S_ln *l = S_first(c, *i);
    S_cstr(l->s, l->len, head, sizeof head);
    const char *e;
    int n = S_item_number(S_after_label(head), &e);
    while (n >= 0 && *i + 1 < nu && kinds[*i + 1] == K_TEXT && !UN(c, *i + 1).forced) {
        const S_ln *nx = S_first(c, *i + 1);
        S_cstr(nx->s, nx->len, head, sizeof head);
        /* "2. 사업계획(안) (2부). 끝." ends the list, not a sentence */
        if (S_item_number(head, &e) != n + 1 || nx->width > 100 ||
            S_sentence_end(nx->s, S_trim_name(nx->s, nx->len)))
            break;
        UN(c, *i + 1).role = KS_ROLE_ATTACHMENT;
        ++*i;
        n++;
    }
}

/* Does S[0..LEN) open with a date ("2026. 4. 13.(월) …")? */
static bool S_date_led(const char *s, size_t len)
{
    ks_date_match m;
    return len > 0 && s[0] >= '0' && s[0] <= '9' && ks_meta_find_date(s, len, 0, 2000, &m) &&
           m.start == 0;
}

/* Is L a header label's value: a date, a time, a word of the release's
 * timing ("배포 즉시", "석간"), or a bracketed note? */
static bool S_value_like(const S_ln *l)
{
    if (l->width > 80)
        return false;
    ks_date_match m;
    if (ks_meta_find_date(l->s, l->len, 0, 2000, &m))
        return true;
    char key[128];
    S_key(l->s, l->len, key, sizeof key);
    /* the words of a short line: a title that says 보도 ("… 보도 관련
     * 해명", a 해명자료's) is no value */
    static const char *const words[] = {"즉시", "석간", "조간", "배포", "시점", "보도", "이후",
                                        "가능"};
    for (size_t i = 0; i < sizeof words / sizeof words[0] && l->width <= 24; i++)
        if (strstr(key, words[i]))
            return true;
    /* a time, "08:40": a narrow page wraps it off its date's line */
    for (const char *k = key; (k = strchr(k, ':')) != NULL; k++)
        if (k > key && isdigit((unsigned char)k[-1]) && isdigit((unsigned char)k[1]) &&
            isdigit((unsigned char)k[2]))
            return true;
    return key[0] == '(' || key[0] == '<';
}

/* Does line L open the lead paragraph: a subject marked with 은/는 among
 * its first words ("관세청은 중동 상황 …", "지난해는 …", "문지성
 * 재정경제부 국제경제관리관은 …"), or a bracket opened among its first
 * four words and closed by 은/는 ("질병관리청(청장 임승관)은 …",
 * "개인정보보호위원회(위원장 송경희, 이하 ‘개인정보위’)는 …")?  A word
 * such as "추진하는" or "들은" (a wrapped word's end) is no subject. */
static bool S_lead_like(const S_ln *l)
{
    static const char *const modifier[] = {"하는", "되는", "있는", "없는", "같은", "높은", "많은"};
    size_t i = 0;
    for (int w = 0; w < 4 && i < l->len; w++) {
        size_t a = i;
        while (i < l->len && l->s[i] != ' ')
            i++;
        const char *t = l->s + a;
        size_t n = i - a;
        /* a bracket opened here and closed by 은/는 further on, however
         * the line is spaced ("중소벤 처기업 부(장 관 한성 숙, 이하
         * 중기부 )는": letter-spaced PDF text) */
        const char *open = memchr(t, '(', n);
        if (open) {
            const char *close = memchr(open, ')', (size_t)(l->s + l->len - open));
            if (close) {
                size_t k = (size_t)(close - l->s) + 1;
                while (k < l->len && l->s[k] == ' ')
                    k++;
                if (k + 3 <= l->len && (!memcmp(l->s + k, "\xEC\x9D\x80", 3) ||  /* 은 */
                                        !memcmp(l->s + k, "\xEB\x8A\x94", 3)))  /* 는 */
                    return true;
            }
        }
        while (i < l->len && l->s[i] == ' ')
            i++;
        bool topic = S_ends(t, n, "은") || S_ends(t, n, "는");
        if (!topic)
            continue;
        if (n > 4 && t[n - 4] == ')')
            return true;
        /* a stem of two syllables or more as the first word, of three
         * or more after a name ("문지성 재정경제부 국제경제관리관은") */
        if (w > 2 || n < (w ? 12u : 9u))
            continue;
        bool mod = false;
        for (size_t k = 0; k < sizeof modifier / sizeof *modifier && !mod; k++)
            mod = S_ends(t, n, modifier[k]);
        bool hangul = true;
        for (size_t k = 0; k + 3 < n && hangul; k += 3) {
            uint32_t cp;
            hangul = ks_utf8_decode((const unsigned char *)t + k, n - k, &cp) == 3 &&
                     ks_is_hangul(cp);
        }
        if (!mod && hangul)
            return true;
    }
    return false;
}

/* In wrapped text a summary line that does not end a sentence runs on into
 * the lead paragraph after it ("- … 평가 변별력 강화" + "개인정보보호위원회
 * (위원장 송경희 …)는 4월 8일 …"): cut unit UI before the first of its
 * lines that opens the lead, when what follows is a paragraph (two lines
 * or more, or a sentence end).  The cut-off lines become a unit of their
 * own, after UI, with *KINDS kept in step.  Returns false on no memory. */
static bool S_cut_lead(S_ctx *c, int **kinds, size_t *nu, size_t ui)
{
    S_unit *x = &UN(c, ui);
    size_t j = x->first + 1;
    for (; j <= x->last; j++)
        if (S_lead_like(&LN(c, j)))
            break;
    if (j > x->last)
        return true;
    bool para = x->last > j;
    for (size_t k = j; k <= x->last && !para; k++)
        para = ks_memfind(LN(c, k).s, LN(c, k).len, "다.") != NULL;
    if (!para)
        return true;
    S_unit rest = *x;
    rest.first = j;
    rest.mlen = rest.mraw = 0;
    rest.role = KS_ROLE_BODY;
    int *k2 = ks_realloc(*kinds, (*nu + 1) * sizeof **kinds);
    if (!k2)
        return false;
    *kinds = k2;
    if (ks_vec_push(&c->units, &rest) != KS_OK)
        return false;
    S_unit *u = c->units.items;
    memmove(u + ui + 2, u + ui + 1, (*nu - ui - 1) * sizeof *u);
    memmove(k2 + ui + 2, k2 + ui + 1, (*nu - ui - 1) * sizeof *k2);
    u[ui].last = j - 1;
    u[ui + 1] = rest;
    k2[ui + 1] = K_TEXT;
    (*nu)++;
    return true;
}

static ks_status S_classify(S_ctx *c)
{
    size_t nu = c->units.len, i = 0;
    if (nu == 0)
        return KS_OK;
    int *kinds = ks_calloc(nu, sizeof *kinds);
    if (!kinds)
        return KS_ERR_NOMEM;
    for (size_t u = 0; u < nu; u++) {
        kinds[u] = S_kind_of(c, u);
        if (kinds[u] < 0) {
            ks_free(kinds);
            return KS_ERR_NOMEM;
        }
        /* A reader's summary line still loses its marker and wrapper. */
        S_unit *x = &UN(c, u);
        if (x->forced && x->role == KS_ROLE_SUMMARY) {
            const S_ln *l = S_first(c, u);
            if (S_summary_marker(l->s, l->len))
                S_set_marker(c, x);
            S_strip_wrapper(c, x);
        }
    }
    /* A reader's META lines get the zones the layout rules below would
     * have given them: a logo line before the first header label, header
     * lines after it, the lines from a contact label ("담당 부서",
     * "담당자") to the next header label; the date and organization rules
     * read those zones. */
    {
        bool seen_header = false, in_contact = false;
        for (size_t u = 0; u < nu; u++) {
            S_unit *x = &UN(c, u);
            if (!x->forced || x->role != KS_ROLE_META)
                continue;
            if (kinds[u] == K_HLABEL) {
                seen_header = true;
                in_contact = false;
            } else if (kinds[u] == K_CLABEL) {
                in_contact = true;
            }
            if (in_contact)
                x->zone = Z_CONTACT;
            else if (seen_header)
                x->zone = Z_HEADER;
            else if (S_first(c, u)->width <= 40)
                x->zone = Z_LOGO;
        }
    }
    /* header: a kind line or header label among the first units */
    size_t h = nu;
    for (size_t u = 0; u < nu && u < 10; u++) {
        if (UN(c, u).forced)
            continue;
        char key[128];
        S_key(S_first(c, u)->s, S_first(c, u)->len, key, sizeof key);
        if (kinds[u] == K_HLABEL || S_is_kind_line(key)) {
            h = u;
            break;
        }
    }
    bool have_header = h < nu;
    /* a board page's layout: the title, then its line of fields
     * ("작성자 : … 등록일 : …"), then the article */
    size_t board_title = nu;
    if (have_header && h >= 1 && kinds[h - 1] == K_TEXT && !UN(c, h - 1).forced) {
        char key[128];
        const S_ln *t = S_first(c, h - 1);
        S_key(S_first(c, h)->s, S_first(c, h)->len, key, sizeof key);
        if (S_board_info(key) && S_title_like(t->s, t->len) && !S_sentence_end(t->s, t->len) &&
            UN(c, h - 1).last - UN(c, h - 1).first < KS_TITLE_LINES)
            board_title = h - 1;
    }
    if (have_header) {
        for (size_t u = 0; u < h; u++) {
            S_unit *x = &UN(c, u);
            if (x->forced || u == board_title)
                continue;
            if (S_first(c, u)->width <= 40 && !S_sentence_end(S_first(c, u)->s, S_first(c, u)->len)) {
                x->role = KS_ROLE_META;
                x->zone = Z_LOGO;
            }
        }
        i = h;
        bool after_label = false, in_contact = false;
        while (i < nu) {
            S_unit *x = &UN(c, i);
            const S_ln *l = S_first(c, i);
            char key[128];
            S_key(l->s, l->len, key, sizeof key);
            if (x->forced) {
                i++;
                continue;
            }
            int zone = Z_HEADER;
            size_t ps, pe;
            char ph[64];
            if (kinds[i] == K_HLABEL) {
                after_label = true;
            } else if (!after_label && i > h && S_date_led(l->s, l->len) && l->width <= 80) {
                /* the date under a kind line, with no label: "경기도
                 * 보도자료" / "2026. 4. 13.(월) 배포 즉시 보도" */
            } else if (i > h &&
                       (kinds[i] == K_CLABEL ||
                        (in_contact && x->first == x->last && !S_sentence_end(l->s, l->len) &&
                         ks_meta_find_phone(l->s, l->len, &ps, &pe, ph, sizeof ph)))) {
                /* the contacts a city's release prints in its header,
                 * before the title: "담당부서 : 주택정책과" / "과장 : 김영수
                 * (02-2133-7000)" / "담당 : 홍길동 (02-2133-7001)" */
                zone = Z_CONTACT;
                in_contact = true;
            } else if (S_is_kind_line(key)) {
                /* "보도시점" / "동정자료" / "즉시 보도 가능": pdftotext may put
                 * the kind line between a label and its value */
            } else if (l->width <= 40 && ks_meta_org_like(key, strlen(key))) {
                zone = Z_LOGO; /* "보도자료" / "개인정보보호위원회" */
            } else if (!after_label && l->width <= 4 && !S_has_marker(l->s, l->len)) {
                zone = Z_LOGO; /* a letter of a logo before the labels: "원" */
            } else if (!(after_label && S_value_like(l))) {
                break;
            }
            x->role = KS_ROLE_META;
            x->zone = zone;
            i++;
        }
    }
    /* title */
    bool title_done = false, title_complete = false;
    {
        /* pdftotext may print a paragraph of the body (a text box, the
         * rest of a page) between the header and the title: a wrapped
         * unit of several lines (or, in web text, a line too wide for a
         * title, when a "- " subtitle follows the next) that ends a
         * sentence with a period is not a title.  It stays body, and the
         * title is the unit after it:
         * "반영되어 … 보탬이 될" / … / "다할 계획”이라고 하였다." */
        if (have_header && i + 1 < nu && kinds[i] == K_TEXT && !UN(c, i).forced &&
            ((c->page && UN(c, i).last > UN(c, i).first) ||
             (!S_title_like(S_first(c, i)->s, S_first(c, i)->len) && i + 2 < nu &&
              S_first(c, i + 2)->len > 2 && !memcmp(S_first(c, i + 2)->s, "- ", 2))) &&
            kinds[i + 1] == K_TEXT && !UN(c, i + 1).forced &&
            !S_has_marker(S_first(c, i + 1)->s, S_first(c, i + 1)->len) &&
            S_title_like(S_first(c, i + 1)->s, S_first(c, i + 1)->len)) {
            if (S_full_stop(&LN(c, UN(c, i).last))) {
                UN(c, i).role = KS_ROLE_BODY;
                S_set_marker(c, &UN(c, i));
                i++;
            }
        }
        size_t t0 = i, nt = 0;
        bool first_ok = false;
        if (board_title < nu) {
            UN(c, board_title).role = KS_ROLE_TITLE;
            const S_ln *e = &LN(c, UN(c, board_title).last);
            title_done = true;
            title_complete = !S_title_open(e->s, e->len, false);
        } else if (i < nu && kinds[i] == K_TEXT && !UN(c, i).forced) {
            const S_ln *l = S_first(c, i);
            size_t at;
            uint32_t c0 = S_cp(l->s, l->len, 0, &at);
            bool quote = ks_is_open_quote(c0) || c0 == '"';
            /* a unit of several lines that ends with a full stop is a
             * paragraph ("정부는 … 운영할 계" / "획이다."), and so is one
             * of more lines than a title runs over */
            const S_unit *x = &UN(c, i);
            /* without a header, a line that ends like a sentence is a
             * title only before a "- " subtitle, and without a full stop
             * ("… 위기의 파고를 넘는다" / "- 기후부, …": web text) */
            bool subtitled = i + 1 < nu && S_first(c, i + 1)->len > 2 &&
                             !memcmp(S_first(c, i + 1)->s, "- ", 2) &&
                             S_last_cp(l->s, l->len, &at) == 0xB2E4;
            first_ok = (quote || !S_has_marker(l->s, l->len)) && S_title_like(l->s, l->len) &&
                       (have_header || subtitled || !S_sentence_end(l->s, l->len)) &&
                       !(x->last > x->first && S_full_stop(&LN(c, x->last))) &&
                       x->last - x->first < KS_TITLE_LINES;
        }
        if (first_ok) {
            while (i < nu && nt < 4) {
                S_unit *x = &UN(c, i);
                const S_ln *l = S_first(c, i);
                const S_ln *e = &LN(c, x->last);
                x->role = KS_ROLE_TITLE;
                nt++;
                i++;
                if (i >= nu || kinds[i] != K_TEXT || UN(c, i).forced)
                    break;
                const S_ln *nx = S_first(c, i);
                if (S_has_marker(nx->s, nx->len) || !S_title_like(nx->s, nx->len))
                    break;
                /* after a title that is only short, not left open by
                 * its last word, a unit that ends a sentence with a full
                 * stop is the body's first paragraph: "청년 일자리 지원
                 * 확대" / "정부는 … 운영할 계획이다." (but "… 고용위기," /
                 * "신속한 … 빈틈없이 지원한다." is one title) */
                if (S_full_stop(&LN(c, UN(c, i).last)) && !S_title_open(e->s, e->len, false))
                    break;
                if (S_starts_conj(nx->s, nx->len))
                    continue;
                /* In wrapped text (pdftotext) a centred title runs over
                 * lines of its own: an unmarked line right before the
                 * summary bullets is the title's rest, not a summary line
                 * ("… 원가 상승 부담" / "완화를 위해 … 상생협약 체결" /
                 * "- 납품대금 …") */
                if (c->page && i + 1 < nu && kinds[i + 1] == K_TEXT && !UN(c, i + 1).forced &&
                    S_summary_marker(S_first(c, i + 1)->s, S_first(c, i + 1)->len) &&
                    !S_sentence_end(nx->s, nx->len))
                    continue;
                if (!S_title_open(e->s, e->len, i - 1 == t0) || (l != e))
                    break;
            }
            title_done = true;
            const S_ln *e = &LN(c, UN(c, i - 1).last);
            title_complete = !S_title_open(e->s, e->len, false);
        }
    }
    /* summary */
    {
        size_t ns = 0;
        uint32_t mk = 0;
        /* a reader gave the title (a board page's heading) and the page's
         * own lines after it (its fields, its files): a marked summary
         * may open the article after them */
        if (!title_done && c->doc->title && i < nu && UN(c, i).forced) {
            size_t j = i;
            while (j < nu && UN(c, j).forced)
                j++;
            if (j < nu && kinds[j] == K_TEXT &&
                S_summary_marker(S_first(c, j)->s, S_first(c, j)->len))
                i = j;
        }
        while (i < nu && ns < 8) {
            S_unit *x = &UN(c, i);
            const S_ln *l = S_first(c, i);
            const S_ln *e = &LN(c, x->last);
            if (x->forced || kinds[i] != K_TEXT)
                break;
            size_t n;
            uint32_t cp = S_cp(l->s, l->len, 0, &n);
            if (x->first == x->last && S_ends(l->s, l->len, "-") && S_width(l->s, l->len) <= 2 &&
                mk == '-') {
                /* the closing dash of "- … -" alone on its line */
                x->role = KS_ROLE_RESIDUE;
                i++;
                continue;
            }
            if (S_summary_marker(l->s, l->len) && (!mk || cp == mk)) {
                if (c->page && x->last > x->first && !S_cut_lead(c, &kinds, &nu, i)) {
                    ks_free(kinds);
                    return KS_ERR_NOMEM;
                }
                x = &UN(c, i);
                e = &LN(c, x->last);
                mk = cp;
                S_set_marker(c, x);
                x->role = KS_ROLE_SUMMARY;
                /* "- ... 대상 자" + "총 48명의 명단을 공개 -": one item */
                if (cp == '-' && !S_ends(e->s, e->len, "-") && i + 1 < nu && !UN(c, i + 1).forced &&
                    kinds[i + 1] == K_TEXT) {
                    const S_ln *nx = S_first(c, i + 1);
                    /* ... or the end of the item between it and the next:
                     * "- 장관, 추경 반영 보조금" + "대상 현장 방문" + "- …" */
                    const S_ln *nn = i + 2 < nu && UN(c, i + 2).first != S_GONE
                                         ? S_first(c, i + 2)
                                         : NULL;
                    bool between = nn && nn->len > 2 && !memcmp(nn->s, "- ", 2) &&
                                   !S_sentence_end(nx->s, nx->len);
                    if (!S_has_marker(nx->s, nx->len) &&
                        (S_ends(nx->s, nx->len, " -") || between) && nx->width <= 120 &&
                        UN(c, i + 1).first == UN(c, i + 1).last) {
                        x->last = UN(c, i + 1).last;
                        x->joinsp = true;
                        UN(c, i + 1).role = KS_ROLE_RESIDUE; /* merged, dropped below */
                        UN(c, i + 1).first = S_GONE;
                        i++;
                    }
                }
            } else if (!mk && title_done && title_complete && ns < 3 &&
                       !S_has_marker(l->s, l->len) && !S_sentence_end(e->s, e->len) &&
                       S_width(l->s, l->len) <= 200 && l->s[0] != '<' && l->s[0] != '[' &&
                       S_cp(l->s, l->len, 0, &n) != 0x3010 /* 【 */ &&
                       i + 1 < nu && !S_bracket_piece(c, i) && !S_bracket_piece(c, i + 1)) {
                /* (an unmarked line beside a piece of a paragraph is
                 * another piece: "정부는 4월 10일" / "朴賢姬, 50세) 기획재"
                 * / "지식재산처 기획조정관으로 박현희(", 156754148.pdf.txt) */
                x->role = KS_ROLE_SUMMARY;
            } else {
                break;
            }
            S_strip_wrapper(c, x);
            ns++;
            i++;
        }
    }
    /* body, contacts, attachments, listings */
    bool contact = false, listing = false;
    bool row = false; /* the contact block opened with a one-line contact */
    for (; i < nu; i++) {
        S_unit *x = &UN(c, i);
        if (x->forced || x->first == S_GONE)
            continue;
        const S_ln *l = S_first(c, i);
        int k = kinds[i];
        if (contact && k == K_RESIDUE) {
            /* a page number inside the contact block ("담당 부서 …" /
             * "- 1 -" / "과 장 … 이하녕 (044-204-7320)") does not end it */
            x->role = KS_ROLE_RESIDUE;
            continue;
        }
        if (contact) {
            /* nor does the page's last line web text ran its number into
             * (S_inline_page), when the page turned inside the block:
             * "책임자 담당자" / "또한 절실해지고 있다. - 1 -" / "- 2 -" / "과 장"
             * (156754124.joined.txt) */
            /* after a one-line contact ("문의: 주택정책과 홍길동 02-…") only
             * more contacts are the block's, not a short line of text */
            bool stay = k == K_CLABEL || (k == K_TEXT && S_page_end(c, x)) ||
                        (k == K_TEXT && !row && l->width <= 44 && S_one_line(x) &&
                         !S_sentence_end(l->s, l->len) &&
                         !(S_has_marker(l->s, l->len) && l->s[0] != '-'));
            /* web text joins a row of the table into one wide line:
             * "과 장 사무관", "최영범 (044-202-7026) 배 인 (044-202-7034)",
             * "- 기획재정담당관: 담당자 / 사무관 서민호" */
            size_t ps, pe;
            char ph[64];
            if (!stay && k == K_TEXT && S_one_line(x))
                stay = (l->s[0] == '-' && ks_memfind(l->s, l->len, ":") &&
                        ks_memfind(l->s, l->len, " / ")) ||
                       S_titles_in(l->s, l->len) > 1 ||
                       (ks_meta_find_phone(l->s, l->len, &ps, &pe, ph, sizeof ph) &&
                        !S_sentence_end(l->s, l->len));
            if (stay) {
                x->role = KS_ROLE_META;
                x->zone = Z_CONTACT;
                continue;
            }
            /* ... nor the page's last line of body text that pdftotext
             * printed into the table before the page's number: "책임자 /
             * 담당자" / "또한 절실해지고 있다." / "- 1 -" / "- 2 -" / "과 장"
             * (156754124.pdf.txt): it stays body text, and the rows after
             * the turn are the block's */
            if (k == K_TEXT && S_one_line(x) && i + 1 < nu && kinds[i + 1] == K_RESIDUE) {
                x->role = KS_ROLE_BODY;
                S_set_marker(c, x);
                continue;
            }
            contact = false;
        }
        switch (k) {
        case K_CLABEL:
            contact = true;
            row = S_contact_line(l->s, l->len) != 0;
            x->role = KS_ROLE_META;
            x->zone = Z_CONTACT;
            S_unlabelled_unit(c, i);
            continue;
        case K_HLABEL:
            if (i < 12) {
                x->role = KS_ROLE_META;
                x->zone = Z_HEADER;
                continue;
            }
            break;
        case K_LISTHEAD:
            listing = true;
            x->role = KS_ROLE_META;
            continue;
        case K_ROW:
            x->role = KS_ROLE_RELATED;
            continue;
        case K_FILE:
            x->role = KS_ROLE_ATTACHMENT;
            continue;
        case K_ATTACH:
            x->role = KS_ROLE_ATTACHMENT;
            S_attach_list(c, kinds, nu, &i);
            continue;
        case K_ATTACH_BARE:
            x->role = KS_ROLE_ATTACHMENT;
            if (i + 1 < nu && kinds[i + 1] == K_TEXT && !UN(c, i + 1).forced) {
                const S_ln *nx = S_first(c, i + 1);
                if (!S_has_marker(nx->s, nx->len) && nx->width <= 100 &&
                    !S_sentence_end(nx->s, nx->len)) {
                    UN(c, i + 1).role = KS_ROLE_ATTACHMENT;
                    i++;
                }
            }
            continue;
        case K_RESIDUE:
            x->role = KS_ROLE_RESIDUE;
            continue;
        default:
            break;
        }
        (void)listing;
        x->role = KS_ROLE_BODY;
        S_set_marker(c, x);
    }
    ks_free(kinds);
    return KS_OK;
}

/* ---- pass 3: text, respacing, blocks --------------------------------- */

/* The length of unit U's text: its lines without the marker and the
 * trail, joined by '\n' (or ' ', JOINSP); written to DST unless NULL. */
static size_t S_unit_text(const S_ctx *c, const S_unit *u, char *dst)
{
    size_t n = 0;
    for (size_t i = u->first; i <= u->last; i++) {
        const S_ln *l = &LN(c, i);
        if ((!l->len || l->hint == KS_ROLE_RESIDUE) && i > u->first && i < u->last)
            continue; /* a blank line (S_justified) or a page number
                       * (S_page_turn) inside a unit */
        size_t a = i == u->first ? u->mlen : 0;
        size_t b = l->len - (i == u->last ? u->trail : 0);
        if (i > u->first) {
            if (dst)
                dst[n] = u->joinsp || i <= u->first + u->label ? ' ' : '\n';
            n++;
        }
        if (b > a) {
            if (dst)
                memcpy(dst + n, l->s + a, b - a);
            n += b - a;
        }
    }
    return n;
}

/* The text of unit U as it lies in the normalized text, when S_unit_text
 * would copy it unchanged: its lines follow one another there, each ended
 * by '\n' (not cut by S_split_subtitles, not joined with spaces), and it
 * skips none (a blank line, a page number S_page_turn stepped over: that
 * is a unit of its own, whose text must not lie inside this one's).  Then
 * *S and *LEN are set and no copy is needed. */
static bool S_unit_span(const S_ctx *c, const S_unit *u, const char **s, size_t *len)
{
    if (u->joinsp)
        return false;
    for (size_t i = u->first; i < u->last; i++) {
        const S_ln *l = &LN(c, i), *n = &LN(c, i + 1);
        if (n->s != l->s + l->len + 1 || l->s[l->len] != '\n' || !n->len ||
            (n->hint == KS_ROLE_RESIDUE && i + 1 < u->last))
            return false;
    }
    const S_ln *f = &LN(c, u->first), *e = &LN(c, u->last);
    const char *a = f->s + u->mlen, *b = e->s + e->len - u->trail;
    *s = a;
    *len = b > a ? (size_t)(b - a) : 0;
    return true;
}

/* ---- metadata from the blocks ---------------------------------------- */

static ks_status S_add_date(ks_meta *m, const char *s, const ks_date_match *dm, const char *role)
{
    char iso[11];
    ks_meta_iso(dm, iso);
    /* a date with its role is listed once: the HWPX reader lists the
     * header table's dates (with the cell's text, times included) before
     * the header's lines are read here, and a header may print one twice */
    for (size_t k = 0; k < m->dates.len; k++) {
        const ks_date *e = &KS_AT(m->dates, ks_date, k);
        if (strcmp(e->iso, iso) == 0 && strcmp(e->role, role) == 0)
            return KS_OK;
    }
    ks_date d = {ks_strndup(s + dm->start, dm->end - dm->start), ks_strdup(iso), role};
    if (!d.raw || !d.iso || ks_vec_push(&m->dates, &d) != KS_OK) {
        ks_free(d.raw);
        ks_free(d.iso);
        return KS_ERR_NOMEM;
    }
    return KS_OK;
}

/* Header text -> dates with roles.  The role is set by the last label seen:
 * "보도시점" release (its second date: embargo), "배포" distribution,
 * "누리망·방송" / "엠바고" embargo:  "보도시점 : 2026. 4. 12.(일) 11:00 이후
 * (4. 13.(월) 조간) / 배포 : 2026. 4. 10.(금)" -> release 2026-04-12,
 * embargo 2026-04-13, distribution 2026-04-10. */
/* Where label W (syllables, no spaces) ends when it is printed at S[AT]
 * with or without spaces between its syllables ("보도 일자", "보도시 점"),
 * 0 when it is not. */
static size_t S_label_end(const char *s, size_t len, size_t at, const char *w)
{
    size_t i = at;
    for (const char *c = w; *c;) {
        size_t n = 1;
        while (((unsigned char)c[n] & 0xC0) == 0x80)
            n++;
        if (c != w)
            while (i < len && s[i] == ' ')
                i++;
        if (len - i < n || memcmp(s + i, c, n) != 0)
            return 0;
        i += n;
        c += n;
    }
    return i;
}

static ks_status S_header_dates(ks_meta *m, const char *s, size_t len, int year,
                                const char **role, int *nrel)
{
    size_t pos = 0;
    while (pos < len) {
        /* next label position */
        size_t lab = len;
        const char *lrole = NULL;
        size_t labend = len;
        static const struct {
            const char *w;
            const char *role;
            bool needs_colon;
        } labels[] = {{"보도시점", "release", false}, {"보도일시", "release", false},
                      {"보도일자", "release", false}, {"배포일시", "distribution", false},
                      {"배포일자", "distribution", false}, {"누리망", "embargo", false},
                      {"엠바고", "embargo", false}, {"배포", "distribution", true},
                      {"보도일", "release", false}, {"배포일", "distribution", false},
                      {"보도", "release", true},
                      /* a board page's fields (S_board_info) */
                      {"작성일", "release", false}, {"등록일", "release", false},
                      {"게시일", "release", false}, {"수정일", "other", false}};
        for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
            const char *p = s + pos;
            size_t after;
            while ((p = memchr(p, labels[k].w[0], (size_t)(s + len - p))) != NULL) {
                if ((after = S_label_end(s, len, (size_t)(p - s), labels[k].w)) != 0) {
                    size_t q = after;
                    while (q < len && s[q] == ' ')
                        q++;
                    bool ok = !labels[k].needs_colon || q >= len || s[q] == ':';
                    if (ok && (size_t)(p - s) < lab) {
                        lab = (size_t)(p - s);
                        lrole = labels[k].role;
                        labend = after;
                    }
                    if (ok)
                        break;
                }
                p++;
            }
        }
        ks_date_match dm;
        size_t from = pos;
        while (from < lab && ks_meta_find_date(s, lab, from, year, &dm)) {
            const char *r = *role;
            if (strcmp(r, "release") == 0 && (*nrel)++ > 0)
                r = "embargo";
            if (S_add_date(m, s, &dm, r) != KS_OK)
                return KS_ERR_NOMEM;
            from = dm.end > dm.start ? dm.end : dm.start + 1;
        }
        if (lab >= len)
            break;
        *role = lrole;
        if (strcmp(lrole, "release") == 0)
            *nrel = 0;
        pos = labend;
    }
    return KS_OK;
}

static bool S_is_title_word(const char *k)
{
    static const char *const titles[] = {
        "과장", "팀장", "사무관", "주무관", "서기관", "연구관", "연구사", "학예연구관",
        "학예연구사", "부장", "차장", "본부장", "국장", "실장", "소령", "중령", "대령",
        "소방경", "소방령", "소방위", "경정", "경감", "총경", "검사", "외무사무관", "전문위원",
        "담당관", "사무국장", "과장직무대리", "행정관", "전문관", "계장", "센터장", "소장",
        "원장", "관장", "단장", "부단장", "교수", "주임", "위원", "연구원", "책임연구원",
        "선임연구원", "주임연구원", "수석연구원", "전임연구원", "연구위원", "대리", "사원",
        "주사", "서기", "행정사무관", "기술서기관", "부이사관", "이사관", "정책관", "팀원",
        "직무대리", "수석", "선임", "책임", "담당"};
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (S_streq(k, titles[i]))
            return true;
    return false;
}

/* The next word of S[*I..LEN), copied into W (CAP bytes; "" when it does
 * not fit); *I moves past it.  False when no word is left. */
static bool S_next_word(const char *s, size_t len, size_t *i, char *w, size_t cap)
{
    while (*i < len && s[*i] == ' ')
        (*i)++;
    size_t a = *i;
    while (*i < len && s[*i] != ' ')
        (*i)++;
    if (*i == a)
        return false;
    size_t n = *i - a < cap ? *i - a : 0;
    memcpy(w, s + a, n);
    w[n] = '\0';
    return true;
}

/* How many titles a line that holds nothing else has: "과 장 서기관
 * 사무관" (web text joins a row of the contact table; a title may be
 * spread over two one-syllable words) has 3; 0 when a word is not a
 * title. */
static size_t S_titles_in(const char *s, size_t len)
{
    size_t n = 0;
    char pend[32] = "";
    for (size_t i = 0; i < len;) {
        char w[32];
        if (!S_next_word(s, len, &i, w, sizeof w))
            break;
        if (ks_utf8_count(w, strlen(w)) == 1) { /* "과" + "장" */
            if (!pend[0]) {
                memcpy(pend, w, strlen(w) + 1);
                continue;
            }
            char both[32];
            memcpy(both, pend, strlen(pend));
            memcpy(both + strlen(pend), w, strlen(w) + 1);
            memcpy(w, both, strlen(both) + 1);
            pend[0] = '\0';
        } else if (pend[0]) {
            return 0;
        }
        if (!S_is_title_word(w))
            return 0;
        n++;
    }
    return pend[0] ? 0 : n;
}

/* A personal name: 2-4 Hangul syllables that are not a title or a unit. */
static bool S_is_name(const char *k)
{
    size_t len = strlen(k), syl = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        uint32_t cp = S_cp(k, len, i, &n);
        if (!ks_is_hangul(cp))
            return false;
        syl++;
        i += n;
    }
    if (syl < 2 || syl > 4 || S_is_title_word(k))
        return false;
    static const char *const unit_end[] = {"과", "국", "실", "팀", "부", "청", "처", "단",
                                           "센터"};
    if (syl >= 3)
        for (size_t i = 0; i < sizeof unit_end / sizeof unit_end[0]; i++)
            if (S_ends(k, len, unit_end[i]))
                return false;
    /* labels, and the words that open an organization's name a table
     * cell may cut off ("한국" / "고용정보원") */
    static const char *const labels[] = {"책임자", "담당자", "담당부서", "담당", "총괄", "협조",
                                         "공동", "참고", "붙임", "문의", "연락처", "한국",
                                         "국립", "국가", "대한"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
        if (S_streq(k, labels[i]))
            return false;
    return true;
}

typedef struct {
    char *name, *title;
} S_pending;

/* Is K a name S_is_name takes for a unit ("박상국", "…국"), three
 * syllables with a surname first, read as a name after TITLE (a title
 * just seen; NULL: none)? */
static bool S_unit_shaped_name(const char *k, const char *title)
{
    size_t kl = strlen(k);
    return title && kl == 9 && ks_utf8_count(k, kl) == 3 && ks_meta_is_surname(k, kl);
}

static void S_contact_free(ks_contact *ct)
{
    ks_free(ct->name);
    ks_free(ct->title);
    ks_free(ct->phone);
    ks_free(ct->email);
    ks_free(ct->department);
}

static ks_status S_push_contact(ks_meta *m, char *name, char *title, const char *phone,
                                const char *email, const char *dept)
{
    /* the same person at the same number, printed again (in the header
     * and at the end): one contact, with what either printing gives */
    for (size_t k = 0; name && phone && k < m->contacts.len; k++) {
        ks_contact *o = &KS_AT(m->contacts, ks_contact, k);
        if (!o->name || !o->phone || strcmp(o->name, name) || strcmp(o->phone, phone))
            continue;
        ks_free(name);
        if (!o->title)
            o->title = title;
        else
            ks_free(title);
        if ((!o->email && email && !(o->email = ks_strdup(email))) ||
            (!o->department && dept && !(o->department = ks_strdup(dept))))
            return KS_ERR_NOMEM;
        return KS_OK;
    }
    ks_contact ct = {name, title, NULL, NULL, NULL};
    if ((phone && !(ct.phone = ks_strdup(phone))) || (email && !(ct.email = ks_strdup(email))) ||
        (dept && !(ct.department = ks_strdup(dept))) || ks_vec_push(&m->contacts, &ct) != KS_OK) {
        S_contact_free(&ct);
        return KS_ERR_NOMEM;
    }
    return KS_OK;
}

/* Where the word that ends at byte END of T starts (a space or ')'
 * before it, not below BASE). */
static size_t S_word_start(const char *t, size_t base, size_t end)
{
    while (end > base && t[end - 1] != ' ' && t[end - 1] != ')')
        end--;
    return end;
}

/* Does word W (LEN bytes) end like the name of a unit: "…관", "…과",
 * "…실", "…국", "…팀", "…원", "…단", "…센터", "…TF"? */
static bool S_unit_word(const char *w, size_t len)
{
    static const char *const ends[] = {"관", "과", "실", "국", "팀", "원", "단", "센터", "TF"};
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++)
        if (S_ends(w, len, ends[k]) && len > strlen(ends[k]))
            return true;
    return false;
}

/* Does word W (LEN bytes) end like a unit or a body: S_unit_word,
 * "…공제회", "…국가수사본부", "…연구소", "…대응반" (a broken "…정책관 실"
 * too)? */
static bool S_unit_like(const char *w, size_t len)
{
    return S_unit_word(w, len) || S_ends(w, len, "회") || S_ends(w, len, "본부") ||
           S_ends(w, len, "소") || (S_ends(w, len, "반") && len > 3);
}

/* Is W[0..LEN) the office of a person named before it, "의원실",
 * "장관실", "구청장실"? */
static bool S_person_office(const char *w, size_t len)
{
    static const char *const posts[] = {"의원", "장관", "시장", "지사", "구청장", "군수",
                                        "위원장", "의장", "대표"};
    size_t n = strlen("실");
    if (len <= n || memcmp(w + len - n, "실", n) != 0)
        return false;
    for (size_t i = 0; i < sizeof posts / sizeof *posts; i++)
        if (strlen(posts[i]) == len - n && memcmp(w, posts[i], len - n) == 0)
            return true;
    return false;
}

/* Close up the spaces a wrap or a converter left inside a unit's name, in
 * place: "혁신행정 담당관" -> "혁신행정담당관", "안전환경에너지정책관 실" ->
 * "안전환경에너지정책관실".  Units are named without spaces; a space
 * stays only between two levels ("국가수사본부 수사국", "외교부
 * 카리브중남미협력과"): after a word of two syllables or more that ends
 * like a unit or a body (S_unit_like) or names an issuer
 * (ks_meta_org_like), before one of three or more.  Words that are not
 * all Hangul keep their spaces. */
static void S_close_unit_spaces(char *d)
{
    /* besides units and issuers: a province, county or district, a
     * company, a university ("경기도 …", "한국전력공사 …", "서울대 …") */
    static const char *const ends[] = {"도", "군", "구", "사", "대"};
    if (!strchr(d, ' '))
        return; /* most units: one word */
    /* a row of titles web text took for a unit ("과 장 사무관"): a title
     * before the last word, or spread over two one-syllable words, leaves
     * the text as printed (a unit may end in one: "혁신행정 담당관") */
    size_t i = 0, len = strlen(d);
    char w0[32], w1[32] = "";
    while (S_next_word(d, len, &i, w0, sizeof w0)) {
        bool last = i >= len || !d[i + strspn(d + i, " ")];
        if (!last && S_is_title_word(w0))
            return;
        if (w1[0] && ks_utf8_count(w1, strlen(w1)) == 1 && ks_utf8_count(w0, strlen(w0)) == 1) {
            char both[64];
            size_t n1 = strlen(w1);
            memcpy(both, w1, n1);
            memcpy(both + n1, w0, strlen(w0) + 1);
            if (S_is_title_word(both))
                return;
        }
        memcpy(w1, w0, sizeof w1);
    }
    char *w = d, *o = d; /* the word being copied, the write position */
    for (;;) {
        char *sp = strchr(w, ' ');
        size_t lw = sp ? (size_t)(sp - w) : strlen(w);
        memmove(o, w, lw);
        char *l = o;
        o += lw;
        if (!sp)
            break;
        char *r = sp;
        while (*r == ' ')
            r++;
        size_t lr = strcspn(r, " ");
        size_t nl = S_syllables(l, lw), nr = S_syllables(r, lr);
        bool level = nl >= 2 && (S_unit_like(l, lw) || ks_meta_org_like(l, lw));
        for (size_t k = 0; nl >= 2 && k < sizeof ends / sizeof ends[0] && !level; k++)
            level = S_ends(l, lw, ends[k]);
        if (!*r)
            break;
        /* "홍길동 의원실": a name and the office that is theirs */
        char nm[16] = "";
        if (S_person_office(r, lr) && lw < sizeof nm) {
            memcpy(nm, l, lw);
            nm[lw] = '\0';
        }
        if (!nl || !nr || (level && nr >= 3) || (nm[0] && S_is_name(nm)))
            *o++ = ' ';
        w = r;
    }
    *o = '\0';
}

/* The department a contact table's unit line T names, into OUT: the line
 * as printed ("정책기획관", "국가수사본부 수사국", "외교부 카리브중남미협력과"),
 * but of two units side by side, as web text joins a table's cells, the
 * first ("정책기획관 기획재정담당관" -> "정책기획관").  JOINED: T may be
 * a table's cells joined (see S_cells_joined), so an issuer's cell before
 * one unit is dropped ("국무조정실 안전환경에너지정책관실" ->
 * "안전환경에너지정책관실"; printed so in one cell, "외교부
 * 카리브중남미협력과" keeps it).  False for a ministry alone. */
static bool S_department_of(const char *t, bool joined, char *out, size_t cap)
{
    /* a line of fields ("- 기획재정담당관: 담당자 / 사무관 배인") names none */
    if (t[0] == '-' || strchr(t, ':') || strchr(t, '/'))
        return false;
    const char *w[4] = {NULL};
    size_t wl[4] = {0}, n = 0; /* n == 4: four words or more */
    for (const char *p = t; n < 4;) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *e = p;
        while (*e && *e != ' ')
            e++;
        w[n] = p;
        wl[n++] = (size_t)(e - p);
        p = e;
    }
    if (n == 0)
        return false;
    size_t first = 0, last = n;
    if (n < 4) {
        /* the issuer's cell joined to its unit's ("국무조정실
         * 안전환경에너지정책관실"): the issuer alone names no department */
        if (joined && n == 2 && ks_meta_org_like(w[0], wl[0]) && S_unit_word(w[1], wl[1]) &&
            !ks_meta_org_like(w[1], wl[1]))
            first = 1;
        if (last - first == 2 && S_unit_word(w[first], wl[first]) &&
            S_unit_word(w[first + 1], wl[first + 1]) && !ks_meta_org_like(w[first], wl[first]) &&
            !ks_meta_org_like(w[first + 1], wl[first + 1]))
            last = first + 1;
    }
    const char *a = w[first];
    size_t len = n < 4 ? (size_t)(w[last - 1] + wl[last - 1] - a) : strlen(a);
    while (len > 0 && a[len - 1] == ' ')
        len--;
    char key[256];
    size_t kl = ks_meta_compact(a, len, key, sizeof key);
    if (len >= cap || ks_meta_org_like(key, kl))
        return false;
    /* it ends like a unit or a body, not like a section's label ("참고") */
    if (!S_unit_like(key, kl))
        return false;
    memcpy(out, a, len);
    out[len] = '\0';
    return true;
}

/* Where the role word of a contact row begins in T ("책임자 과장 예우영 …"
 * after a space), or NULL. */
static const char *S_role_word(const char *t)
{
    static const char *const roles[] = {" 책임자 ", " 담당자 "};
    const char *best = NULL;
    for (size_t r = 0; r < sizeof roles / sizeof roles[0]; r++) {
        const char *p = strstr(t, roles[r]);
        if (p && (!best || p < best))
            best = p;
    }
    return best ? best + 1 : NULL;
}

/* A contact as korea.kr's viewer prints the table, fields on one line:
 * "- 담당 부서: 기획조정실 / 책임자 과장 신지혜 / (044-205-1401)",
 * "- 기획재정담당관: 담당자 / 사무관 서민호", or with the cells joined by
 * spaces only: "담당 기관 중소벤처기업부 대외환경대응과 책임자 과장 예우영
 * (044-204-7444)".  Pushes the contact (its department, the title and name
 * of the field that holds a name, the number when there is one) and, when
 * the document has none yet, the department.  1 when T is such a line, 0
 * when not, -1 out of memory. */
static int S_field_contact(ks_meta *m, const char *t)
{
    const char *p = t;
    if (*p == '-')
        p++;
    while (*p == ' ')
        p++;
    char key[128], unit[128] = "", name[64] = "", title[64] = "", phone[64] = "";
    const char *colon = strchr(p, ':'), *fields;
    bool row = !colon || !strchr(colon, '/'); /* cells joined by spaces only */
    if (!row) {
        ks_meta_compact(p, (size_t)(colon - p), key, sizeof key);
        fields = colon + 1;
    } else {
        /* the label, the unit, then the role word opens the one field */
        const char *role = S_role_word(p);
        if (!role || strchr(p, '/'))
            return 0;
        size_t pl = strlen(p);
        ks_meta_compact(p, pl < 24 ? pl : 24, key, sizeof key);
        if (!S_unit_label(key))
            return 0;
        const char *u = S_past_unit_label(p);
        while (u < role && *u == ' ')
            u++;
        size_t ul = (size_t)(role - u);
        while (ul > 0 && u[ul - 1] == ' ')
            ul--;
        if (!ul || ul >= sizeof unit)
            return 0;
        memcpy(unit, u, ul), unit[ul] = '\0';
        fields = role;
    }
    bool label = S_unit_label(key);
    if (!label && !row && (size_t)(colon - p) < sizeof unit)
        memcpy(unit, p, (size_t)(colon - p)), unit[colon - p] = '\0';
    for (const char *f = fields; *f;) {
        const char *e = strchr(f, '/');
        size_t fl = e ? (size_t)(e - f) : strlen(f);
        size_t ps, pe;
        char w[64];
        if (ks_meta_find_phone(f, fl, &ps, &pe, phone, sizeof phone))
            fl = ps; /* the number; the words before it follow */
        if (!fl) {
            /* the number alone */
        } else if (label && !unit[0]) {
            while (fl > 0 && f[fl - 1] == ' ')
                fl--;
            while (fl > 0 && *f == ' ')
                f++, fl--;
            if (fl < sizeof unit)
                memcpy(unit, f, fl), unit[fl] = '\0';
        } else {
            /* "책임자 과장 신지혜": a title, then the name last */
            for (size_t i = 0; i < fl;) {
                if (!S_next_word(f, fl, &i, w, sizeof w))
                    break;
                if (S_is_title_word(w))
                    memcpy(title, w, strlen(w) + 1);
                else if (S_is_name(w))
                    memcpy(name, w, strlen(w) + 1);
            }
        }
        if (!e)
            break;
        f = e + 1;
    }
    while (unit[0] && unit[strlen(unit) - 1] == ' ')
        unit[strlen(unit) - 1] = '\0';
    if (!m->department && unit[0]) {
        char d[128];
        if (S_department_of(unit, row, d, sizeof d) && !(m->department = ks_strdup(d)))
            return -1;
    }
    if (!name[0])
        return 1;
    char *nm = ks_strdup(name), *tt = title[0] ? ks_strdup(title) : NULL;
    if (!nm || (title[0] && !tt)) {
        ks_free(nm);
        ks_free(tt);
        return -1;
    }
    return S_push_contact(m, nm, tt, phone[0] ? phone : NULL, NULL, unit[0] ? unit : NULL) == KS_OK
               ? 1
               : -1;
}

/* Is a unit (ALONE: between blank lines; NLINES lines long) a line of web
 * text, where a table's cells are joined with spaces: text that did not
 * wrap (no page width), one line between blank lines.  pdftotext prints
 * the cells of a column on lines of their own, HWPX and its text a cell a
 * paragraph, without blank lines. */
static bool S_cells_joined(const S_ctx *c, bool alone, long nlines)
{
    return !c->page && alone && nlines == 1;
}

/* A table's department cell printed without its "담당 부서" label, on the
 * line before the role label "책임자" that opens the contact block (web
 * text of govpress 156754155: "지식재산처 지식재산분쟁대응협력총괄과" /
 * "책임자" / "과" / "장" / …): in a document that prints no such label,
 * the unit before the label at LABEL, one short line of at most three
 * words, no marker, digit or sentence end, is the block's first cell. */
static void S_unlabelled_unit(S_ctx *c, size_t label)
{
    char key[128], unit[256];
    size_t u = label;
    while (u > 0 && (UN(c, u - 1).forced || UN(c, u - 1).first == S_GONE))
        u--;
    if (u == 0)
        return;
    S_unit *x = &UN(c, u - 1);
    const S_ln *p = S_first(c, u - 1);
    if (x->role != KS_ROLE_BODY || x->first != x->last || x->mraw || p->width > 60 ||
        p->len >= sizeof unit || S_sentence_end(p->s, p->len) || S_has_marker(p->s, p->len))
        return;
    char t[256];
    int words = 1;
    for (size_t i = 0; i < p->len; i++) {
        if (p->s[i] >= '0' && p->s[i] <= '9')
            return;
        words += p->s[i] == ' ' && i + 1 < p->len && p->s[i + 1] != ' ';
    }
    if (words > 3)
        return;
    memcpy(t, p->s, p->len);
    t[p->len] = '\0';
    if (!S_department_of(t, S_cells_joined(c, x->alone, 1), unit, sizeof unit))
        return;
    for (size_t i = 0; i < c->units.len; i++) { /* the document prints no label */
        if (UN(c, i).first == S_GONE)
            continue;
        const S_ln *l = S_first(c, i);
        S_key(l->s, l->len < 24 ? l->len : 24, key, sizeof key);
        if (S_unit_label(key) || S_prefix(key, "문의:"))
            return;
    }
    x->role = KS_ROLE_META;
    x->zone = Z_CONTACT;
    x->unitcell = true;
}

/* The fields of a one-line contact (S_contact_line), T[0..LEN) after its
 * label: each number closes a contact, with the name and title printed
 * before it and the unit printed before them, which holds for the
 * contacts after it on the line ("주택정책과 홍길동 02-2133-1234, 김철수
 * 02-2133-1235"); an address after a number is that contact's.  UNIT
 * holds the unit read last, and is where a line of more contacts after
 * it finds it ("김철수 주무관 02-2133-1235").  The first unit, levels and
 * all, is the document's department when it has none (*WANT_DEPT). */
static ks_status S_contact_row(ks_meta *m, const char *t, size_t len, char unit[128],
                               bool *want_dept)
{
    /* words that say what follows, not who */
    static const char *const skip[] = {"전화", "전화번호", "연락처", "팩스", "휴대폰", "내선",
                                       "이메일", "메일", "대표전화", "Tel", "TEL", "T"};
    char title[64] = "", name[64] = "";
    size_t base = 0, before = m->contacts.len;
    for (;;) {
        size_t ps = len - base, pe = len - base;
        char phone[64] = "", email[128] = "";
        bool hp = ks_meta_find_phone(t + base, len - base, &ps, &pe, phone, sizeof phone);
        if (!hp) {
            /* an address: after a number, that contact's; else one of its own */
            if (!ks_meta_find_email(t + base, len - base, email, sizeof email))
                break;
            if (m->contacts.len > before) {
                ks_contact *ct = &KS_AT(m->contacts, ks_contact, m->contacts.len - 1);
                if (!ct->email && !(ct->email = ks_strdup(email)))
                    return KS_ERR_NOMEM;
                break;
            }
            ps = (size_t)((const char *)memchr(t + base, '@', len - base) - (t + base));
            while (ps > 0 && t[base + ps - 1] != ' ' && t[base + ps - 1] != '(')
                ps--;
            pe = len - base;
        }
        /* the words before the number, brackets and marks read as spaces */
        char seg[256];
        size_t sl = 0;
        for (size_t k = base; k < base + ps && sl + 1 < sizeof seg; k++)
            seg[sl++] = strchr("(),/:;", t[k]) ? ' ' : t[k];
        seg[sl] = '\0';
        char run[128] = ""; /* the unit's words, in a run */
        bool in_run = false, after_name = false;
        for (size_t i = 0; i < sl;) {
            char w[64];
            if (!S_next_word(seg, sl, &i, w, sizeof w) || !w[0])
                continue;
            size_t wl = strlen(w);
            bool skipped = false;
            for (size_t k = 0; k < sizeof skip / sizeof *skip && !skipped; k++)
                skipped = S_streq(w, skip[k]);
            if (skipped || !strncmp(w, "☎", 3) || !strncmp(w, "☏", 3)) {
                in_run = false;
                continue;
            }
            bool was_name = after_name;
            after_name = false;
            if (was_name && S_person_office(w, wl)) {
                /* "홍길동 의원실": the office is the unit, and nobody in
                 * it is named */
                size_t nl = strlen(name);
                if (nl + 1 + wl < sizeof run) {
                    memcpy(run, name, nl);
                    run[nl] = ' ';
                    memcpy(run + nl + 1, w, wl + 1);
                    memcpy(unit, run, nl + 1 + wl + 1);
                }
                name[0] = '\0';
                in_run = true;
            } else if (S_is_title_word(w)) {
                memcpy(title, w, wl + 1);
                in_run = false;
            } else if (S_is_name(w)) {
                memcpy(name, w, wl + 1);
                in_run = false;
                after_name = true;
            } else if (ks_is_hangul(S_cp(w, wl, 0, &(size_t){0})) &&
                       (S_unit_like(w, wl) || ks_meta_org_like(w, wl))) {
                size_t rl = in_run ? strlen(run) : 0;
                if (rl + (rl > 0) + wl < sizeof run) {
                    if (rl)
                        run[rl++] = ' ';
                    memcpy(run + rl, w, wl + 1);
                }
                in_run = true;
                memcpy(unit, run, strlen(run) + 1);
                name[0] = '\0'; /* a name comes after its unit: "서울시 주택정책과" */
            } else {
                in_run = false;
            }
        }
        char *nm = name[0] ? ks_strdup(name) : NULL, *tl = title[0] ? ks_strdup(title) : NULL;
        if ((name[0] && !nm) || (title[0] && !tl)) {
            ks_free(nm);
            ks_free(tl);
            return KS_ERR_NOMEM;
        }
        /* (S_push_contact owns NM and TL, and frees them when it fails) */
        if (S_push_contact(m, nm, tl, hp ? phone : NULL, hp ? NULL : email,
                           unit[0] ? unit : NULL) != KS_OK)
            return KS_ERR_NOMEM;
        /* the unit as printed, levels and all ("주택정책실 주택정책과"),
         * where it is more than an issuer */
        char key[128];
        size_t kl = ks_meta_compact(unit, strlen(unit), key, sizeof key);
        if (*want_dept && unit[0] && S_unit_like(key, kl) && !ks_meta_org_like(key, kl)) {
            if (!(m->department = ks_strdup(unit)))
                return KS_ERR_NOMEM;
            *want_dept = false;
        }
        name[0] = title[0] = '\0';
        base += pe;
        if (!hp || base >= len)
            break;
    }
    return KS_OK;
}

/* Contact cells in order -> contacts.  Names wait in a queue until a phone
 * (or e-mail) arrives, so both "최영범" / "(044-202-7026)" and a column of
 * names followed by a column of phones pair up in order. */
static ks_status S_contacts(S_ctx *c, char **texts)
{
    ks_meta *m = &c->doc->meta;
    ks_status st = KS_OK;
    ks_vec q = KS_VEC(S_pending);
    size_t qhead = 0;
    char *title = NULL;
    char dept[256] = "", piece[16] = "", weak[16] = "";
    bool want_dept = c->doc->meta.department == NULL, in_block = false, in_row = false;
    char row_unit[128] = ""; /* the unit of the last one-line contact */
    for (size_t b = 0; b < c->doc->blocks.len; b++) {
        const ks_block *blk = &KS_AT(c->doc->blocks, ks_block, b);
        bool unitcell = (c->tags[b] & S_TAG_UNITCELL) != 0;
        if (blk->role != KS_ROLE_META || ZONE(c, b) != Z_CONTACT) {
            continue;
        }
        const char *t = texts[b];
        size_t tl = strlen(t);
        char key[128];
        S_key(t, tl, key, sizeof key);
        int fc = S_field_contact(m, t);
        if (fc < 0) {
            st = KS_ERR_NOMEM;
            goto done;
        }
        if (fc > 0) {
            want_dept = m->department == NULL;
            /* its unit holds for the contact lines after it: "담당부서
             * 정책기획관실 책임자 과장 …" / "담당자 사무관 이영희 (…)" */
            const ks_contact *last =
                m->contacts.len ? &KS_AT(m->contacts, ks_contact, m->contacts.len - 1) : NULL;
            if (last && last->department && strlen(last->department) < sizeof dept) {
                memcpy(dept, last->department, strlen(last->department) + 1);
                in_block = true;
            }
            continue;
        }
        /* a one-line contact, and the lines of more contacts after it */
        size_t row = S_contact_line(t, tl), rs, re;
        char ph[128];
        if (row || (in_row && (ks_meta_find_phone(t, tl, &rs, &re, ph, sizeof ph) ||
                               ks_meta_find_email(t, tl, ph, sizeof ph)))) {
            if (row) { /* the unit of the block it is in, if any */
                size_t dl = in_block ? strlen(dept) : 0;
                dl = dl < sizeof row_unit ? dl : 0;
                memcpy(row_unit, dept, dl);
                row_unit[dl] = '\0';
            }
            in_row = true;
            if ((st = S_contact_row(m, t + row, tl - row, row_unit, &want_dept)) != KS_OK)
                goto done;
            continue;
        }
        in_row = false;
        if (S_unit_label(key)) {
            in_block = true;
            dept[0] = '\0';
            /* the unit after the label on its line: "담당부서 : 주택정책과",
             * "담당 부서 행정안전부 기후재난대응과" */
            const char *v = S_unit_value(t);
            char unit[256];
            if (*v && strlen(v) < sizeof dept && S_department_of(v, false, unit, sizeof unit)) {
                memcpy(dept, v, strlen(v) + 1);
                if (want_dept) {
                    if (!(m->department = ks_strdup(unit))) {
                        st = KS_ERR_NOMEM;
                        goto done;
                    }
                    want_dept = false;
                }
            }
            continue;
        }
        if (unitcell) { /* the unit cell is read as if its label came first */
            in_block = true;
            dept[0] = '\0';
        }
        if (S_is_contact_label(key) || key[0] == '\0')
            continue;
        char held[sizeof weak]; /* WEAK lives one line: the number follows it */
        memcpy(held, weak, sizeof held);
        weak[0] = '\0';
        char phone[64], email[128];
        size_t ps, pe;
        bool hp = ks_meta_find_phone(t, tl, &ps, &pe, phone, sizeof phone);
        bool he = !hp && ks_meta_find_email(t, tl, email, sizeof email);
        /* one contact a number, or two on a line of web text that joins
         * the table's cells: "최영범 (044-202-7026) 배 인 (044-202-7034)" */
        for (size_t base = 0; hp || he;) {
            /* a name printed before the number: "이제훈 (044-201-6350)" */
            char nm[64] = "";
            size_t pre = hp ? ps : (size_t)(strchr(t, '@') - t);
            /* "이창선 (dje9350@korea.kr)": back over the address itself */
            while (!hp && pre > base && (isalnum((unsigned char)t[pre - 1]) ||
                                         strchr("._%+-", t[pre - 1])))
                pre--;
            while (pre > base && (t[pre - 1] == ' ' || t[pre - 1] == '('))
                pre--;
            if (pre > base) {
                size_t s0 = S_word_start(t, base, pre);
                /* a two-syllable name spread to the width of three: "배 인" */
                if (ks_utf8_count(t + s0, pre - s0) == 1 && s0 >= base + 2 && t[s0 - 1] == ' ') {
                    size_t s1 = S_word_start(t, base, s0 - 1);
                    if (ks_utf8_count(t + s1, s0 - 1 - s1) == 1)
                        s0 = s1;
                }
                ks_meta_compact(t + s0, pre - s0, nm, sizeof nm);
                if (!S_is_name(nm) && !S_unit_shaped_name(nm, title))
                    nm[0] = '\0';
                /* a title before the name, a colon after it: "과장 : 김영수
                 * (02-2133-7000)" */
                size_t te = s0;
                while (te > base && (t[te - 1] == ' ' || t[te - 1] == ':'))
                    te--;
                size_t ts = S_word_start(t, base, te);
                char tw[32];
                if (nm[0] && !title && te > ts && te - ts < sizeof tw) {
                    memcpy(tw, t + ts, te - ts);
                    tw[te - ts] = '\0';
                    if (S_is_title_word(tw) && !(title = ks_strdup(tw))) {
                        st = KS_ERR_NOMEM;
                        goto done;
                    }
                }
            }
            /* the name printed here, else the one held from the line
             * before, else the oldest waiting */
            const char *own = nm[0] ? nm : held[0] && qhead == q.len ? held : NULL;
            char *name = NULL, *ttl = NULL;
            if (own) {
                name = ks_strdup(own);
                if (!name) {
                    st = KS_ERR_NOMEM;
                    goto done;
                }
                ttl = title;
                title = NULL;
            } else if (qhead < q.len) {
                S_pending *p = &KS_AT(q, S_pending, qhead++);
                name = p->name;
                ttl = p->title;
                p->name = p->title = NULL;
            }
            if (name && S_push_contact(m, name, ttl, hp ? phone : NULL, he ? email : NULL,
                                       dept[0] ? dept : NULL) != KS_OK) {
                st = KS_ERR_NOMEM;
                goto done;
            }
            held[0] = '\0';
            /* the next number on the line, after this one */
            if (!hp)
                break;
            base = pe;
            size_t ns, ne;
            if (!ks_meta_find_phone(t + base, tl - base, &ns, &ne, phone, sizeof phone))
                break;
            ps = base + ns;
            pe = base + ne;
        }
        if (hp || he)
            continue;
        /* a title the PDF cut in two lines: "과" / "장" */
        size_t kl = strlen(key);
        if (ks_utf8_count(key, kl) == 1 && piece[0] && strlen(piece) + kl < sizeof piece) {
            memcpy(piece + strlen(piece), key, kl + 1);
            if (S_is_title_word(piece))
                memcpy(key, piece, strlen(piece) + 1);
            piece[0] = '\0';
        } else if (ks_utf8_count(key, kl) == 1) {
            memcpy(piece, key, kl + 1);
        } else {
            piece[0] = '\0';
        }
        if (S_is_title_word(key) || (strlen(key) <= 18 && S_ends(key, strlen(key), "직무대리"))) {
            ks_free(title);
            title = ks_strdup(key);
            if (!title) {
                st = KS_ERR_NOMEM;
                goto done;
            }
            continue;
        }
        /* a name shaped like a unit right after a title: kept for the
         * number on the next line */
        if (!S_is_name(key) && S_unit_shaped_name(key, title) && kl < sizeof weak) {
            memcpy(weak, key, kl + 1);
            continue;
        }
        if (S_is_name(key)) {
            S_pending p = {ks_strdup(key), title};
            title = NULL;
            if (!p.name || ks_vec_push(&q, &p) != KS_OK) {
                ks_free(p.name);
                ks_free(p.title);
                st = KS_ERR_NOMEM;
                goto done;
            }
            continue;
        }
        if (key[0] == '<' || key[0] == '[') /* "<총괄>" "<협조>" tags */
            continue;
        /* a row of titles, as web text joins the table's cells: "과 장
         * 서기관 사무관" (the numbers' row pairs them up) */
        if (S_titles_in(t, tl) > 1)
            continue;
        /* a unit: "정책기획관", "국가수사본부 수사국"; one syllable is a
         * title the PDF cut in two ("과" / "장"), not a unit, and a
         * sentence a page turn left in the table is none either */
        if (in_block && tl < sizeof dept && ks_utf8_count(key, strlen(key)) >= 2 &&
            !S_sentence_end(t, tl)) {
            memcpy(dept, t, tl + 1);
            char unit[256];
            if (want_dept && S_department_of(t, S_cells_joined(c, (c->tags[b] & S_TAG_ALONE) != 0,
                                                               blk->nlines),
                                             unit, sizeof unit)) {
                m->department = ks_strdup(unit);
                if (!m->department) {
                    st = KS_ERR_NOMEM;
                    goto done;
                }
                want_dept = false;
            }
        }
    }
done:
    for (size_t k = 0; k < q.len; k++) {
        ks_free(KS_AT(q, S_pending, k).name);
        ks_free(KS_AT(q, S_pending, k).title);
    }
    ks_vec_free(&q);
    ks_free(title);
    return st;
}

/* The Hangul run that ends right before byte END of S. */
static size_t S_run_before(const char *s, size_t end, size_t *start)
{
    size_t b = end;
    while (b > 0) {
        size_t i = b - 1;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        size_t n;
        if (!ks_is_hangul(S_cp(s, end, i, &n)))
            break;
        b = i;
    }
    *start = b;
    return end - b;
}

/* The organization-like word that ends before byte END of S (spaces before
 * END skipped), written without spaces into OUT.  A broken word is rejoined
 * across a space when the piece in front is at most two syllables and the
 * word so far is short ("초대 방송미디어통신위원회" stays apart):
 * "해양 수산부 장관" -> "해양수산부"; "윤호중 행정안전부 장관" -> "행정안전부". */
static bool S_org_before(const char *s, size_t end, char *out, size_t cap)
{
    while (end > 0 && (s[end - 1] == ' ' || (s[end - 1] >= '0' && s[end - 1] <= '9')))
        end--; /* "국토교통부 2차관" */
    size_t ws, wl = S_run_before(s, end, &ws);
    if (!wl)
        return false;
    size_t from = ws;
    for (int k = 0; k < 2; k++) {
        size_t n = ks_meta_compact(s + from, end - from, out, cap);
        bool org = ks_meta_org_like(out, n);
        if (from == 0 || s[from - 1] != ' ')
            break;
        size_t ps, pl = S_run_before(s, from - 1, &ps);
        if (!pl || (org && (ks_utf8_count(s + ps, pl) > 2 || ks_utf8_count(out, n) > 4)))
            break;
        from = ps;
    }
    size_t n = ks_meta_compact(s + from, end - from, out, cap);
    while (!ks_meta_org_like(out, n) && from < ws) {
        from = ws; /* fall back to the last piece */
        n = ks_meta_compact(s + from, end - from, out, cap);
    }
    return ks_meta_org_like(out, n);
}

static ks_status S_set_org(ks_meta *m, const char *s, size_t len)
{
    m->organization = ks_strndup(s, len);
    return m->organization ? KS_OK : KS_ERR_NOMEM;
}

#define KS_TOPIC_ORGS 8 /* distinct institutions S_topic_org counts */

/* The last resort: the institution the body makes its topic most often,
 * twice or more ("금융위원회는 …", "이에 금융위원회는 …" in a release whose
 * text names its issuer nowhere else).  KEY (CAP bytes) is scratch. */
static ks_status S_topic_org(S_ctx *c, char *key, size_t cap)
{
    char names[KS_TOPIC_ORGS][64];
    unsigned counts[KS_TOPIC_ORGS] = {0};
    size_t n = 0, best = 0;
    for (size_t b = 0; b < c->doc->blocks.len; b++) {
        const ks_block *blk = &KS_AT(c->doc->blocks, ks_block, b);
        if (blk->role != KS_ROLE_BODY)
            continue;
        const char *t = blk->text;
        for (const char *p = strchr(t, ' '); p; p = strchr(p + 1, ' ')) {
            size_t end = (size_t)(p - t);
            if (end < 3 || (!S_ends(t, end, "는") && !S_ends(t, end, "은")))
                continue;
            size_t ws, wl = S_run_before(t, end - 3, &ws);
            if (!wl || (ws > 0 && t[ws - 1] != ' '))
                continue;
            size_t kl = ks_meta_compact(t + ws, wl, key, cap);
            if (kl >= sizeof names[0] || !ks_meta_org_like(key, kl))
                continue;
            size_t k = 0;
            while (k < n && !S_streq(names[k], key))
                k++;
            if (k == n) {
                if (n == KS_TOPIC_ORGS)
                    continue;
                memcpy(names[n++], key, kl + 1);
            }
            if (++counts[k] > counts[best])
                best = k;
        }
    }
    return n && counts[best] >= 2 ? S_set_org(&c->doc->meta, names[best], strlen(names[best]))
                                  : KS_OK;
}

/* The issuing organization, from (in order): a logo line above the header
 * ("고용노동부"); the kind line ("고용노동부 보도참고자료"); the lead's
 * issuer with its head ("기후에너지환경부(장관 김성환)는", "광주광역시(시장
 * 강기정)는"); "황종우 해양수산부 장관은"; "고용노동부 산하 기타공공기관"
 * (the ministry of an agency); the first word of the first body paragraph
 * ("국가유산청 국립고궁박물관은", "대구시는"); a ministry-only cell of the
 * contact block; the first word of the title ("기후에너지환경부, 추가경정예산
 * ..."); the body's most frequent topic (S_topic_org). */
static ks_status S_organization(S_ctx *c, char **texts)
{
    ks_meta *m = &c->doc->meta;
    size_t nb = c->doc->blocks.len;
    char key[256];
    for (size_t b = 0; b < nb; b++) {
        if (ZONE(c, b) != Z_LOGO)
            continue;
        size_t kl = ks_meta_compact(texts[b], strlen(texts[b]), key, sizeof key);
        /* a kind word joined to the logo: "보도자료 개인정보보호위원회" */
        const char *org = S_after_kind(key);
        kl -= (size_t)(org - key);
        memmove(key, org, kl + 1);
        if (!ks_meta_org_like(key, kl))
            continue;
        /* a logo cut in two ("고용행정통계" / "노동부"): take the full name
         * when the text prints a longer one ending the same way ("고용노동부") */
        for (size_t j = 0; j < nb && ks_utf8_count(key, kl) <= 3; j++) {
            const char *t = KS_AT(c->doc->blocks, ks_block, j).text;
            for (const char *p = strstr(t, key); p; p = strstr(p + kl, key)) {
                size_t ws, wl = S_run_before(t, (size_t)(p - t) + kl, &ws);
                if (wl > kl && ks_meta_org_like(t + ws, wl))
                    return S_set_org(m, t + ws, wl);
            }
        }
        return S_set_org(m, key, kl);
    }
    /* the issuer joined to the kind line: "고용노동부 보도참고자료" */
    for (size_t b = 0; b < nb && b < 12; b++) {
        if (ZONE(c, b) != Z_HEADER)
            continue;
        ks_meta_compact(texts[b], strlen(texts[b]), key, sizeof key);
        size_t ol = S_org_kind(key);
        if (ol)
            return S_set_org(m, key, ol);
    }
    /* the lead: "광주광역시(시장 강기정)는", "고용노동부(이하 노동부)는";
     * then a title after the name: "해양수산부 장관은" */
    static const char *const heads2[] = {"장관", "차관", "청장", "처장", "위원장", "차장"};
    for (int pass = 0; pass < 2; pass++) {
        size_t seen = 0;
        for (size_t b = 0; b < nb && seen < 12; b++) {
            const ks_block *blk = &KS_AT(c->doc->blocks, ks_block, b);
            if (blk->role != KS_ROLE_BODY)
                continue;
            seen++;
            const char *t = blk->text;
            size_t tl = strlen(t);
            if (pass == 0) {
                for (const char *p = strchr(t, '('); p; p = strchr(p + 1, '(')) {
                    size_t rest = tl - (size_t)(p - t) - 1;
                    if ((S_head_at(p + 1, rest) || (rest >= 6 && !memcmp(p + 1, "이하", 6))) &&
                        S_org_before(t, (size_t)(p - t), key, sizeof key))
                        return S_set_org(m, key, strlen(key));
                }
                continue;
            }
            /* "문지성 재정경제부 국제경제관리관은": a title word ending in
             * 관 or 장 after the issuer */
            for (const char *p = strchr(t, ' '); p; p = strchr(p + 1, ' '))
                if (S_title_word_at(t, tl, (size_t)(p - t)) &&
                    S_org_before(t, (size_t)(p - t), key, sizeof key))
                    return S_set_org(m, key, strlen(key));
            const char *best = NULL;
            char bk[256] = "";
            for (size_t h = 0; h < sizeof heads2 / sizeof heads2[0]; h++) {
                const char *p = t;
                while ((p = strstr(p, heads2[h])) != NULL && (!best || p < best)) {
                    if (S_org_before(t, (size_t)(p - t), key, sizeof key)) {
                        best = p;
                        memcpy(bk, key, strlen(key) + 1);
                        break;
                    }
                    p += strlen(heads2[h]);
                }
            }
            if (best)
                return S_set_org(m, bk, strlen(bk));
        }
    }
    /* an agency "고용노동부 산하 기타공공기관" is published under its ministry */
    for (size_t b = 0; b < nb; b++) {
        const char *t = KS_AT(c->doc->blocks, ks_block, b).text;
        for (const char *p = strstr(t, "산하"); p; p = strstr(p + 1, "산하"))
            if (p > t && p[-1] == ' ' && S_org_before(t, (size_t)(p - t), key, sizeof key))
                return S_set_org(m, key, strlen(key));
    }
    for (size_t b = 0; b < nb; b++) {
        const ks_block *blk = &KS_AT(c->doc->blocks, ks_block, b);
        if (blk->role != KS_ROLE_BODY)
            continue;
        const char *t = blk->text;
        size_t e = 0;
        while (t[e] && t[e] != ' ' && t[e] != '(' && t[e] != ',')
            e++;
        size_t ws, wl = S_run_before(t, e, &ws);
        if (ws == 0 && wl > 3) {
            if (ks_meta_org_like(t, wl))
                return S_set_org(m, t, wl);
            if (S_ends(t, wl, "는") || S_ends(t, wl, "은") || S_ends(t, wl, "가") ||
                S_ends(t, wl, "이"))
                if (ks_meta_org_like(t, wl - 3))
                    return S_set_org(m, t, wl - 3);
        }
        break;
    }
    for (size_t b = 0; b < nb; b++) {
        if (ZONE(c, b) != Z_CONTACT)
            continue;
        ks_meta_compact(texts[b], strlen(texts[b]), key, sizeof key);
        const char *cell;
        size_t cl;
        if (S_prefix(key, "-담당부서:") && strchr(texts[b], ':')) {
            /* korea.kr's viewer: "- 담당 부서: 국무조정실 / 책임자 …" */
            cell = strchr(texts[b], ':') + 1;
            const char *slash = strchr(cell, '/');
            cl = slash ? (size_t)(slash - cell) : strlen(cell);
        } else if (S_unit_label(key) && *S_unit_value(texts[b])) {
            /* the unit on the label's line: "담당 부서 행정안전부 기후재난대응과" */
            cell = S_unit_value(texts[b]);
            cl = strlen(cell);
        } else if (S_unit_label(key) && b + 1 < nb &&
                   ZONE(c, b + 1) == Z_CONTACT) {
            size_t nx = b + 1;
            if (texts[nx][0] == '<' && nx + 1 < nb && ZONE(c, nx + 1) == Z_CONTACT)
                nx++; /* "<총괄>" */
            cell = texts[nx];
            cl = strlen(cell);
        } else {
            continue;
        }
        while (cl > 0 && *cell == ' ')
            cell++, cl--;
        /* the cell, else its first word: web text joins it to the unit
         * beside it ("국무조정실 안전환경에너지정책관실") */
        size_t kl = ks_meta_compact(cell, cl, key, sizeof key);
        if (ks_meta_org_like(key, kl))
            return S_set_org(m, key, kl);
        const char *sp = memchr(cell, ' ', cl);
        if (sp && (kl = ks_meta_compact(cell, (size_t)(sp - cell), key, sizeof key)) &&
            ks_meta_org_like(key, kl))
            return S_set_org(m, key, kl);
    }
    for (size_t b = 0; b < nb; b++) {
        const ks_block *blk = &KS_AT(c->doc->blocks, ks_block, b);
        if (blk->role != KS_ROLE_TITLE)
            continue;
        const char *t = blk->text;
        const char *comma = strchr(t, ',');
        if (comma) {
            size_t kl = ks_meta_compact(t, (size_t)(comma - t), key, sizeof key);
            if (ks_meta_org_like(key, kl))
                return S_set_org(m, key, kl);
        }
        break;
    }
    ks_status st = S_topic_org(c, key, sizeof key);
    if (st != KS_OK || m->organization)
        return st;
    /* an issuer only its kind line names, as printed: "국회의원 홍길동
     * 보도자료" -> "국회의원 홍길동" */
    for (size_t b = 0; b < nb && b < 12; b++) {
        if (ZONE(c, b) != Z_HEADER)
            continue;
        const char *t = texts[b];
        size_t kl = ks_meta_compact(t, strlen(t), key, sizeof key);
        if (!S_is_kind_line(key) || kl == ks_meta_kind_suffix(key, kl))
            continue;
        /* not a word of the kind: "공동 보도자료", "정정 보도자료" */
        static const char *const kinds[] = {"공동", "합동", "정정", "해명", "설명", "참고",
                                            "긴급", "추가", "수정", "배포"};
        bool kind = false;
        for (size_t k = 0; k < sizeof kinds / sizeof *kinds && !kind; k++)
            kind = S_prefix(key, kinds[k]);
        const char *p = strstr(t, "보도");
        size_t e = p ? (size_t)(p - t) : 0;
        while (e > 0 && t[e - 1] == ' ')
            e--;
        /* two words at least: a single one is a word ks_meta_org_like
         * would know were it an issuer ("제도 보도자료") */
        if (!kind && memchr(t, ' ', e) && !strpbrk(key, "<[("))
            return S_set_org(m, t, e);
        break;
    }
    return KS_OK;
}

/* The department a board page's line of fields T names (S_board_info):
 * the value of 담당부서, 부서, 작성자 or 등록자 where it is a unit
 * ("작성자 : 주택정책과 등록일 : …" -> "주택정책과"; not a person's name),
 * into OUT (CAP bytes).  False when none does. */
static bool S_board_department(const char *t, char *out, size_t cap)
{
    static const char *const who[] = {"담당부서", "부서", "작성자", "등록자"};
    for (size_t k = 0; k < sizeof who / sizeof *who; k++) {
        size_t n = strlen(who[k]);
        for (const char *p = strstr(t, who[k]); p; p = strstr(p + n, who[k])) {
            const char *v = p + n;
            while (*v == ' ')
                v++;
            if (*v != ':' || (k == 1 && p - t >= 6 && !memcmp(p - 6, "담당", 6)))
                continue;
            v++;
            /* the value's words, up to a '|' or the next field's label */
            char val[128];
            size_t vl = 0;
            for (size_t i = 0, len = strlen(v); i < len;) {
                char w[64];
                if (!S_next_word(v, len, &i, w, sizeof w) || !w[0] || w[0] == '|')
                    break;
                bool label = false;
                for (size_t b = 0; b < sizeof S_board_labels / sizeof *S_board_labels && !label; b++)
                    label = S_prefix(w, S_board_labels[b]);
                if (label || vl + strlen(w) + 2 > sizeof val)
                    break;
                if (vl)
                    val[vl++] = ' ';
                memcpy(val + vl, w, strlen(w) + 1);
                vl += strlen(w);
            }
            if (vl && S_department_of(val, false, out, cap))
                return true;
        }
    }
    return false;
}

/* A board page's fields name a number for its department, and may name
 * the person: "전화번호 | 055-211-1234", "담당자 : 홍길동" (an HTML view's
 * rows, or the fields copied as text).  One contact from the header's
 * and the contacts' lines, for a page that gave no other; its unit the
 * department. */
static ks_status S_board_contact(S_ctx *c, char **texts)
{
    static const char *const labels[] = {"전화번호", "연락처", "문의처", "전화", "문의"};
    ks_meta *m = &c->doc->meta;
    char phone[64] = "", name[64] = "";
    for (size_t b = 0; b < c->doc->blocks.len; b++) {
        const ks_block *blk = &KS_AT(c->doc->blocks, ks_block, b);
        if (blk->role != KS_ROLE_META || (ZONE(c, b) != Z_HEADER && ZONE(c, b) != Z_CONTACT))
            continue;
        const char *t = texts[b];
        size_t tl = strlen(t);
        for (size_t i = 0; i < tl;) {
            char w[64];
            if (!S_next_word(t, tl, &i, w, sizeof w))
                break;
            size_t wl = strlen(w);
            while (wl && w[wl - 1] == ':')
                w[--wl] = '\0';
            /* the next word, a '|' or ':' skipped, is the field's value */
            size_t j = i;
            char v[64] = "";
            while (S_next_word(t, tl, &j, v, sizeof v) && (S_streq(v, "|") || S_streq(v, ":")))
                ;
            if (S_streq(w, "담당자") && S_is_name(v) && !name[0])
                memcpy(name, v, strlen(v) + 1);
            for (size_t k = 0; k < sizeof labels / sizeof *labels && !phone[0]; k++) {
                size_t ps, pe;
                if (S_streq(w, labels[k]) && v[0] >= '0' && v[0] <= '9' &&
                    ks_meta_find_phone(v, strlen(v), &ps, &pe, phone, sizeof phone) && ps == 0)
                    break;
                phone[0] = '\0';
            }
        }
    }
    if (!phone[0])
        return KS_OK;
    char *nm = name[0] ? ks_strdup(name) : NULL;
    if (name[0] && !nm)
        return KS_ERR_NOMEM;
    return S_push_contact(m, nm, NULL, phone, NULL, m->department);
}

static ks_status S_metadata(S_ctx *c, char **texts, int year)
{
    ks_doc *doc = c->doc;
    ks_meta *m = &doc->meta;
    size_t nb = doc->blocks.len;
    const char *role = "other";
    int nrel = 0;
    for (size_t b = 0; b < nb; b++) {
        const ks_block *blk = &KS_AT(doc->blocks, ks_block, b);
        if (blk->role != KS_ROLE_META || ZONE(c, b) != Z_HEADER)
            continue;
        /* a header that names no label yet: a line that opens with a
         * date gives the release's ("2026. 4. 13.(월) 배포 즉시 보도") */
        bool led = strcmp(role, "other") == 0 && S_date_led(texts[b], strlen(texts[b]));
        if (led)
            role = "release";
        if (S_header_dates(m, texts[b], strlen(texts[b]), year, &role, &nrel) != KS_OK)
            return KS_ERR_NOMEM;
        if (led && strcmp(role, "release") == 0) /* no label on the line */
            role = "other";
        char key[128], unit[128];
        if (!m->department) {
            S_key(texts[b], strlen(texts[b]), key, sizeof key);
            if (S_board_info(key) && S_board_department(texts[b], unit, sizeof unit) &&
                !(m->department = ks_strdup(unit)))
                return KS_ERR_NOMEM;
        }
    }
    if (!m->release_date) {
        const char *pick = NULL;
        for (size_t k = 0; k < m->dates.len && !pick; k++)
            if (strcmp(KS_AT(m->dates, ks_date, k).role, "release") == 0)
                pick = KS_AT(m->dates, ks_date, k).iso;
        for (size_t k = 0; k < m->dates.len && !pick; k++)
            if (strcmp(KS_AT(m->dates, ks_date, k).role, "distribution") == 0)
                pick = KS_AT(m->dates, ks_date, k).iso;
        if (pick && !(m->release_date = ks_strdup(pick)))
            return KS_ERR_NOMEM;
    }
    /* A reader that read the contact table itself (hwpx.c) has filled the
     * contacts already; its lines are not parsed a second time. */
    if (m->contacts.len == 0 && S_contacts(c, texts) != KS_OK)
        return KS_ERR_NOMEM;
    if (m->contacts.len == 0 && S_board_contact(c, texts) != KS_OK)
        return KS_ERR_NOMEM;
    /* attachments and listing rows */
    for (size_t b = 0; b < nb; b++) {
        const ks_block *blk = &KS_AT(doc->blocks, ks_block, b);
        if (blk->role == KS_ROLE_RELATED) {
            ks_related r = {0};
            bool ok = false;
            if (ks_meta_parse_related(texts[b], strlen(texts[b]), &r, &ok) != KS_OK)
                return KS_ERR_NOMEM;
            if (!ok) {
                r.number = -1;
                r.views = -1;
                r.raw = ks_strdup(texts[b]);
                r.title = ks_strdup(texts[b]);
                if (!r.raw || !r.title) {
                    ks_free(r.raw);
                    ks_free(r.title);
                    return KS_ERR_NOMEM;
                }
            }
            if (ks_vec_push(&m->related, &r) != KS_OK) {
                ks_free(r.title);
                ks_free(r.date);
                ks_free(r.raw);
                return KS_ERR_NOMEM;
            }
        } else if (blk->role == KS_ROLE_ATTACHMENT) {
            if (S_add_attachments(m, blk->text) != KS_OK)
                return KS_ERR_NOMEM;
        }
    }
    /* no date in the text (korea.kr's viewer prints none): the date the
     * release's own file is named with, "260412_제목.hwpx" */
    for (size_t k = 0; k < m->attachments.len && !m->release_date; k++) {
        const ks_attachment *a = &KS_AT(m->attachments, ks_attachment, k);
        char iso[11];
        size_t nd;
        if (strcmp(a->kind, "document") != 0 || !ks_meta_file_date(a->name, strlen(a->name), iso, &nd))
            continue;
        const char *digits = a->name + strcspn(a->name, "0123456789");
        ks_date d = {ks_strndup(digits, nd), ks_strdup(iso), "release"};
        if (!d.raw || !d.iso || ks_vec_push(&m->dates, &d) != KS_OK) {
            ks_free(d.raw);
            ks_free(d.iso);
            return KS_ERR_NOMEM;
        }
        if (!(m->release_date = ks_strdup(iso)))
            return KS_ERR_NOMEM;
    }
    if (!m->organization && S_organization(c, texts) != KS_OK)
        return KS_ERR_NOMEM;
    /* the units' names are read from the header's text as printed (its
     * dates and numbers parse better so): where the spacing is repaired,
     * so are they */
    if (c->rs) {
        if (m->department)
            S_close_unit_spaces(m->department);
        for (size_t k = 0; k < m->contacts.len; k++) {
            ks_contact *ct = &KS_AT(m->contacts, ks_contact, k);
            if (ct->department)
                S_close_unit_spaces(ct->department);
        }
    }
    return KS_OK;
}

/* The bytes of a board's kind tag that opens title T, the spaces after
 * it included ("[보도자료] 서울시, …", "(보도참고) …", "<해명자료> …"); 0
 * when there is none. */
static size_t S_title_tag(const char *t)
{
    static const char *const opens[] = {"[", "(", "<", "【", "〈", "［", "〔"};
    static const char *const closes[] = {"]", ")", ">", "】", "〉", "］", "〕"};
    static const char *const words[] = {"보도참고", "보도설명", "보도", "해명", "설명"};
    for (size_t k = 0; k < sizeof opens / sizeof *opens; k++) {
        size_t ol = strlen(opens[k]);
        if (strncmp(t, opens[k], ol) != 0)
            continue;
        const char *e = strstr(t + ol, closes[k]);
        if (!e || e - t > 48)
            return 0;
        char key[64];
        ks_meta_compact(t + ol, (size_t)(e - t) - ol, key, sizeof key);
        bool kind = S_is_kind_line(key);
        for (size_t w = 0; w < sizeof words / sizeof *words && !kind; w++)
            kind = S_streq(key, words[w]);
        size_t n = (size_t)(e - t) + strlen(closes[k]);
        while (t[n] == ' ')
            n++;
        /* the title goes on after it */
        return kind && S_letters(t + n, strlen(t + n), 2) ? n : 0;
    }
    return 0;
}

/* The title without the tag S_title_tag finds before it; the tag a META
 * block of its own before the title's, so that metadata.lines keeps it. */
static ks_status S_untag_title(ks_doc *doc)
{
    size_t n = doc->title ? S_title_tag(doc->title) : 0;
    if (!n)
        return KS_OK;
    size_t i = 0;
    while (i < doc->blocks.len && KS_AT(doc->blocks, ks_block, i).role != KS_ROLE_TITLE)
        i++;
    if (i == doc->blocks.len || strncmp(KS_AT(doc->blocks, ks_block, i).text, doc->title, n) != 0)
        return KS_OK;
    ks_block tag = KS_AT(doc->blocks, ks_block, i);
    size_t tl = n;
    while (tl > 0 && tag.text[tl - 1] == ' ')
        tl--;
    tag.text = ks_doc_keep(doc, tag.text, tl);
    tag.role = KS_ROLE_META;
    tag.marker = NULL;
    tag.nlines = 1;
    if (!tag.text || ks_vec_push(&doc->blocks, &tag) != KS_OK)
        return KS_ERR_NOMEM;
    ks_block *b = &KS_AT(doc->blocks, ks_block, 0);
    memmove(b + i + 1, b + i, (doc->blocks.len - 1 - i) * sizeof *b);
    b[i] = tag;
    b[i + 1].text += n;
    memmove(doc->title, doc->title + n, strlen(doc->title + n) + 1);
    return KS_OK;
}

/* ---- the stage ------------------------------------------------------- */

static ks_status S_build(S_ctx *c, ks_respacer *rs, bool line_mode, ks_error *err)
{
    ks_doc *doc = c->doc;
    size_t nu = c->units.len;
    ks_status st = KS_OK;
    ks_buf b = {0}, title = {0};
    ks_vec hdr = KS_VEC(char *); /* header units' texts before repair, in order */
    char **src = ks_calloc(nu ? nu : 1, sizeof *src);
    if (!src) {
        st = KS_ERR_NOMEM;
        goto done;
    }
    size_t keep = 0;
    for (size_t i = 0; i < nu; i++) {
        S_unit *u = &UN(c, i);
        if (u->first == S_GONE)
            continue;
        UN(c, keep++) = *u;
    }
    c->units.len = nu = keep;
    /* Every block's text is repaired over its source, which repair never
     * lengthens: a unit that lies whole in the normalized text and ends a
     * line is read there (its '\n' takes the NUL), and the normalized text
     * becomes the document's; the others (lines joined by spaces, header
     * lines, a line S_split_subtitles cut) are copied into one store chunk
     * with the markers.  Header units also keep their text before repair:
     * the date parsers read it. */
    int year = line_mode ? 0
                         : ks_meta_context_year(c->lines->text.data ? c->lines->text.data : "",
                                                c->lines->text.len);
    size_t store_len = 0, n_in_place = 0;
    for (size_t i = 0; i < nu; i++) {
        S_unit *u = &UN(c, i);
        const char *us = NULL;
        size_t ul = 0;
        u->copied = u->zone == Z_HEADER || !S_unit_span(c, u, &us, &ul) || us[ul] != '\n';
        n_in_place += !u->copied;
        store_len += (u->mraw ? u->mraw + 1 : 0) + (u->copied ? S_unit_text(c, u, NULL) + 1 : 0);
    }
    char *store = ks_malloc(store_len ? store_len : 1);
    if (!store || ks_vec_push(&doc->store, &store) != KS_OK) {
        ks_free(store);
        st = KS_ERR_NOMEM;
        goto done;
    }
    if (n_in_place) {
        if (ks_vec_push(&doc->store, &c->lines->text.data) != KS_OK) {
            st = KS_ERR_NOMEM;
            goto done;
        }
        c->lines->text = (ks_buf){0}; /* the lines' pointers stay valid */
    }
    /* first pass: the sources, read in order by the respacer */
    size_t used = 0;
    for (size_t i = 0; i < nu; i++) {
        S_unit *u = &UN(c, i);
        const S_ln *first = &LN(c, u->first);
        if (u->mraw) {
            memcpy(store + used, first->s, u->mraw);
            store[used + u->mraw] = '\0';
            used += u->mraw + 1;
        }
        const char *us = NULL;
        size_t ul = 0;
        if (u->copied) {
            ul = S_unit_text(c, u, store + used);
            store[used + ul] = '\0';
            us = store + used;
            used += ul + 1;
        } else {
            (void)S_unit_span(c, u, &us, &ul); /* true: it was above */
        }
        if (u->zone == Z_HEADER) {
            char *h = ks_strndup(us, ul);
            if (!h || ks_vec_push(&hdr, &h) != KS_OK) {
                ks_free(h);
                st = KS_ERR_NOMEM;
                goto done;
            }
        }
        if (rs && ks_respacer_observe(rs, us, ul) != KS_OK) {
            st = KS_ERR_NOMEM;
            goto done;
        }
        src[i] = (char *)us; /* the store or the normalized text: ours */
        u->mspace = u->mlen > u->mraw;
        long from = first->lineno, to = LN(c, u->last).lineno;
        u->lineno = from;
        u->nlines = to - from + 1;
        u->srclen = ul;
    }
    ks_vec_free(&c->ln); /* every line has been read: give the index back */
    /* the blocks take the units' places (a block is no larger than a
     * unit): a document of a million short paragraphs held both arrays at
     * once; what the metadata still reads of a unit goes in TAGS */
    _Static_assert(sizeof(ks_block) <= sizeof(S_unit), "a block fits in a unit's place");
    c->tags = ks_malloc(nu ? nu : 1);
    if (!c->tags) {
        st = KS_ERR_NOMEM;
        goto done;
    }
    /* line mode: were the lines wrapped at a fixed width (respace.c's
     * rule 20)?  Every line is weighed before any is repaired. */
    for (size_t i = 0; line_mode && rs && i < nu; i++)
        if (ks_respacer_weigh_layout(rs, src[i], UN(c, i).srclen) != KS_OK) {
            st = KS_ERR_NOMEM;
            goto done;
        }
    /* second pass: each text repaired over itself; block I is written
     * where unit I was, once it is read */
    used = 0;
    for (size_t i = 0; i < nu; i++) {
        const S_unit unit = UN(c, i), *u = &unit;
        ks_block blk = {0};
        c->tags[i] = (uint8_t)(u->zone | (u->unitcell ? S_TAG_UNITCELL : 0) |
                               (u->alone ? S_TAG_ALONE : 0));
        if (u->mraw) {
            blk.marker = store + used;
            used += u->mraw + 1;
        }
        if (u->copied)
            used += u->srclen + 1;
        char *us = src[i];
        size_t rl = u->srclen;
        if (rs && !S_fixed_form(u, us, rl)) {
            ks_buf_clear(&b);
            st = ks_respacer_repair(rs, us, rl, &b, &doc->stats, doc, i, u->lineno);
            if (st != KS_OK)
                goto done;
            if (b.len > rl) {
                st = KS_ERR_INTERNAL; /* repair lengthened a text */
                goto done;
            }
            if (b.len)
                memcpy(us, b.data, b.len);
            us[b.len] = '\0';
        } else {
            /* no repair: a wrap mark becomes a space, in place */
            for (char *p = memchr(us, '\n', rl); p; p = memchr(p, '\n', rl - (size_t)(p - us)))
                *p++ = ' ';
            us[rl] = '\0';
        }
        blk.text = us;
        blk.level = u->level;
        blk.marker_space = u->mspace;
        blk.role = u->role;
        blk.kind = u->mraw ? u->kind : KS_KIND_PARAGRAPH;
        blk.line = u->lineno;
        blk.nlines = u->nlines;
        memcpy((char *)c->units.items + i * sizeof blk, &blk, sizeof blk);
        if (u->role == KS_ROLE_TITLE) {
            if ((title.len && ks_buf_putc(&title, ' ') != KS_OK) || ks_buf_puts(&title, us) != KS_OK) {
                st = KS_ERR_NOMEM;
                goto done;
            }
        }
    }
    /* the array is the document's blocks now (a document has none before
     * this stage, the only one that makes them) */
    ks_vec_free(&doc->blocks);
    doc->blocks.items = c->units.items;
    doc->blocks.cap = c->units.cap * sizeof(S_unit) / sizeof(ks_block);
    doc->blocks.len = nu;
    c->units = KS_VEC(S_unit);
    if (!line_mode) {
        /* dates and phones are read from the raw text (the parsers allow
         * broken spaces); names and units from the repaired text, which
         * SRC points to now */
        for (size_t i = 0, h = 0; i < nu; i++)
            if (ZONE(c, i) == Z_HEADER)
                src[i] = KS_AT(hdr, char *, h++);
        if ((st = S_metadata(c, src, year)) != KS_OK)
            goto done;
        if (!doc->title && title.len) {
            doc->title = ks_buf_detach(&title);
            if (!doc->title) {
                st = KS_ERR_NOMEM;
                goto done;
            }
            doc->title_source = "text";
        }
        /* (a title read by the HTML reader too) */
        if ((st = S_untag_title(doc)) != KS_OK)
            goto done;
        /* no title in the text: the release's own file ("260412_김민석
         * 국무총리, 완도 냉동창고 화재 관련 긴급지시.hwpx", as korea.kr's
         * viewer lists it), else the seed's case, a board page whose only
         * title is the picture's file name ("… 광주서 특강1.jpg") */
        for (size_t k = 0; k < doc->meta.attachments.len && !doc->title; k++) {
            const ks_attachment *a = &KS_AT(doc->meta.attachments, ks_attachment, k);
            char t[512];
            size_t tl;
            if (strcmp(a->kind, "document") != 0 ||
                !(tl = ks_meta_file_title(a->name, strlen(a->name), t, sizeof t)))
                continue;
            if (!(doc->title = ks_strndup(t, tl))) {
                st = KS_ERR_NOMEM;
                goto done;
            }
            doc->title_source = "filename";
        }
        if (!doc->title) {
            for (size_t k = 0; k < doc->meta.attachments.len; k++) {
                const ks_attachment *a = &KS_AT(doc->meta.attachments, ks_attachment, k);
                if (strcmp(a->kind, "image") != 0)
                    continue;
                size_t sl = ks_meta_file_stem(a->name, strlen(a->name));
                if (sl == 0)
                    continue;
                doc->title = ks_strndup(a->name, sl);
                if (!doc->title) {
                    st = KS_ERR_NOMEM;
                    goto done;
                }
                doc->title_source = "filename";
                break;
            }
        }
    }
done:
    for (size_t i = 0; i < hdr.len; i++)
        ks_free(KS_AT(hdr, char *, i));
    ks_vec_free(&hdr);
    ks_free(src);
    ks_buf_free(&b);
    ks_buf_free(&title);
    if (st == KS_ERR_INTERNAL)
        return ks_error_set(err, st, "split", 0, 0, "a repaired text outgrew its source");
    if (st != KS_OK)
        return KS_NOMEM(err, "split");
    return KS_OK;
}

/* An institution that a lead sentence opens with, as its topic, at byte I
 * of S: " 관세청은 ", " 경찰청(국가수사본부)은 ", " 건설근로자공제회(이사장
 * 직무대행 권혁태)는 ".  A ministry, agency or committee
 * (ks_meta_org_like), or a public body by the last word of its name. */
static bool S_topic_org_at(const char *s, size_t len, size_t i)
{
    static const char *const bodies[] = {"공단", "공제회", "재단", "진흥원", "연구원", "협회"};
    size_t j = i;
    while (j + 3 <= len && ks_is_hangul(S_cp(s, len, j, &(size_t){0})))
        j += 3;
    size_t org_end;
    if (j < len && s[j] == '(') {
        const char *close = memchr(s + j, ')', len - j < 96 ? len - j : 96);
        if (!close || memchr(s + j + 1, '(', (size_t)(close - s) - j - 1))
            return false;
        size_t k = (size_t)(close - s) + 1;
        if (k + 4 > len || s[k + 3] != ' ' ||
            (memcmp(s + k, "\xEC\x9D\x80", 3) != 0 && memcmp(s + k, "\xEB\x8A\x94", 3) != 0))
            return false;
        org_end = j;
    } else if (j < len && s[j] == ' ' && j >= i + 12 &&
               (!memcmp(s + j - 3, "\xEC\x9D\x80", 3) || !memcmp(s + j - 3, "\xEB\x8A\x94", 3))) {
        org_end = j - 3; /* 은 / 는 */
    } else {
        return false;
    }
    size_t n = org_end - i;
    if (n < 9 || n > 60)
        return false;
    if (ks_meta_org_like(s + i, n))
        return true;
    for (size_t k = 0; k < sizeof bodies / sizeof bodies[0]; k++)
        if (S_ends(s + i, n, bodies[k]) && n > strlen(bodies[k]))
            return true;
    return false;
}

/* The length of " TITLE은 " at S[i..) (a space, three to eight Hangul
 * syllables ending in 관 or 장, 은 or 는, a space), or 0. */
static size_t S_title_word_at(const char *s, size_t len, size_t i)
{
    if (s[i] != ' ')
        return 0;
    size_t e = i + 1;
    while (e < len && s[e] != ' ')
        e++;
    size_t n = e - i - 1;
    if (e >= len || n < 12 || n > 27 || n % 3 != 0 || ks_utf8_count(s + i + 1, n) != n / 3)
        return 0;
    if (memcmp(s + e - 3, "은", 3) != 0 && memcmp(s + e - 3, "는", 3) != 0)
        return 0;
    if (memcmp(s + e - 6, "관", 3) != 0 && memcmp(s + e - 6, "장", 3) != 0)
        return 0;
    return e + 1 - i;
}

/* Where a body sentence starts inside line S of LEN bytes, or 0.  The
 * first body sentence of a release names its issuer in one of three ways:
 *   "산림청(청장 박은식)은 ..."            organization, head in parentheses
 *                                         (or a body named for its head:
 *                                         "한국고용노동교육원(원장 …)은")
 *   "황종우 해양수산부 장관은 ..."          name, organization, title
 *   "4월 10일, 국회 본회의에서 ..."         the date
 * or opens with the issuer as its topic (S_topic_org_at): "관세청은 …".
 * A bracketed label ("【관련 국정과제】 …") starts a line of its own too.
 * pdftotext sometimes prints the centred "- subtitle -" line and the
 * body's first line as one line, losing the closing " -":
 *   "- 지역과 함께 성장한다 산림청(청장 박은식)은 숲길을 ..." */
static size_t S_body_start(const char *s, size_t len)
{
    static const char *const titles[] = {" 장관은 ", " 차관은 ", " 청장은 ", " 처장은 ",
                                         " 위원장은 "};
    size_t best = 0;
    char key[256];
    for (size_t i = 1; i + 1 < len; i++) {
        if (best && i >= best)
            break;
        if (s[i] == '(' && s[i - 1] != ' ' && S_head_at(s + i + 1, len - i - 1)) {
            size_t ws, wl = S_run_before(s, i, &ws);
            size_t kl = wl ? ks_meta_compact(s + ws, wl, key, sizeof key) : 0;
            /* an organisation, or a body named for its head:
             * "한국고용노동교육원(원장 …", "…협회(회장 …" */
            bool named = kl >= 9 && ks_utf8_count(key, kl) == kl / 3 &&
                         !memcmp(key + kl - 3, s + i + 1, 3);
            if (wl && ws > 0 && s[ws - 1] == ' ' && (ks_meta_org_like(key, kl) || named))
                best = ws;
        }
        /* every title below opens with a space */
        for (size_t t = 0; s[i] == ' ' && t <= sizeof titles / sizeof titles[0] && !best; t++) {
            /* the listed titles, then any title word ending in 관 or 장:
             * " 국제경제관리관은 " */
            size_t tl = t < sizeof titles / sizeof titles[0] ? strlen(titles[t]) : S_title_word_at(s, len, i);
            if (!tl || i + tl > len ||
                (t < sizeof titles / sizeof titles[0] && memcmp(s + i, titles[t], tl) != 0))
                continue;
            size_t os, ol = S_run_before(s, i, &os);
            if (!ol || os < 2 || s[os - 1] != ' ' ||
                !ks_meta_org_like(key, ks_meta_compact(s + os, ol, key, sizeof key)))
                continue;
            size_t ns, nl = S_run_before(s, os - 1, &ns);
            if (ks_utf8_count(s + ns, nl) == 3 && ns > 0 && s[ns - 1] == ' ')
                best = ns;
        }
        /* an institution as the lead's topic: " 관세청은 중동 …", not a
         * subtitle's: "- 관세청은 …" */
        if (!best && s[i - 1] == ' ' && (i < 2 || s[i - 2] != '-') && S_topic_org_at(s, len, i))
            best = i;
        /* a bracketed label: " 【관련 국정과제】 …" */
        if (!best && s[i - 1] == ' ' && i + 3 <= len && !memcmp(s + i, "\xE3\x80\x90", 3))
            best = i;
        /* " 4월 10일," */
        if (!best && s[i - 1] == ' ' && s[i] >= '1' && s[i] <= '9') {
            size_t k = i;
            while (k < len && s[k] >= '0' && s[k] <= '9')
                k++;
            if (k + 3 <= len && memcmp(s + k, "월 ", 4) == 0) {
                k += 4;
                size_t d = k;
                while (k < len && s[k] >= '0' && s[k] <= '9')
                    k++;
                if (k > d && k + 3 < len && memcmp(s + k, "일", 3) == 0 &&
                    (s[k + 3] == ',' || s[k + 3] == '('))
                    best = i;
            }
        }
    }
    return best;
}

/* Insert line PIECE after line I. */
static ks_status S_insert_line(S_ctx *c, size_t i, S_ln piece)
{
    if (ks_vec_push(&c->ln, &piece) != KS_OK) /* grow, then shift into place */
        return KS_ERR_NOMEM;
    S_ln *a = c->ln.items;
    memmove(a + i + 2, a + i + 1, (c->ln.len - i - 2) * sizeof *a);
    a[i + 1] = piece;
    return KS_OK;
}

/* Insert bytes [A, E) of line WHOLE (its trailing spaces dropped) as a
 * line after line I. */
static ks_status S_insert_piece(S_ctx *c, size_t i, const S_ln *whole, size_t a, size_t e)
{
    while (e > a && whole->s[e - 1] == ' ')
        e--;
    S_ln piece = *whole;
    piece.s = whole->s + a;
    piece.len = e - a;
    piece.width = S_width(piece.s, piece.len);
    return S_insert_line(c, i, piece);
}

/* Cut line I at byte AT: it keeps [0, AT) less the spaces before AT,
 * and [AT, len) goes on a line of its own after it. */
static ks_status S_cut_line(S_ctx *c, size_t i, size_t at)
{
    S_ln *l = &LN(c, i), whole = *l;
    size_t keep = at;
    while (keep > 0 && l->s[keep - 1] == ' ')
        keep--;
    l->len = keep;
    l->width = S_width(l->s, l->len);
    return S_insert_piece(c, i, &whole, at, whole.len);
}

/* The next subtitle dash in S[from..len): a "- " after a space or after a
 * quotation mark the title ends with ("… 열린다“- 정부 …"); the index of
 * the '-', or 0. */
static size_t S_next_dash(const char *s, size_t len, size_t from)
{
    for (size_t i = from > 0 ? from : 1; i + 2 < len; i++) {
        if (s[i] != '-' || s[i + 1] != ' ')
            continue;
        if (s[i - 1] == ' ' || s[i - 1] == '"')
            return i;
        size_t at;
        uint32_t q = S_last_cp(s, i, &at);
        if (ks_is_close_quote(q) || ks_is_open_quote(q))
            return i;
    }
    return 0;
}

/* Where the next subtitle begins in a line of subtitles that begins with
 * one, "- A - B" or "- A - - B" (A's closing dash, then B's): the index of
 * B's dash, or 0.  Both must be 10 columns wide or more, and B must not
 * begin with a digit ("- 접수 4.13 - 5.6" is one). */
static size_t S_run_subtitle(const char *s, size_t len)
{
    for (size_t d = S_next_dash(s, len, 2); d; d = S_next_dash(s, len, d + 2)) {
        size_t b = d;
        if (b + 3 < len && s[b + 2] == '-' && s[b + 3] == ' ')
            b += 2; /* "… 협약 - - 품질 …" */
        if (b + 2 >= len || (s[b + 2] >= '0' && s[b + 2] <= '9'))
            continue;
        /* (widths of at most 64 bytes: a long line is not read again
         * for each subtitle cut off it) */
        if (S_width(s, d < 64 ? d : 64) >= 10 && S_width(s + b, len - b < 64 ? len - b : 64) >= 10)
            return b;
    }
    return 0;
}

/* Split a "- subtitle -" line that pdftotext ran into the body's first
 * line (see S_body_start); only near the top, where subtitles stand. */
static ks_status S_split_subtitles(S_ctx *c)
{
    bool head = true; /* no line has ended a sentence yet (S_full_stop) */
    for (size_t i = 0; i < c->ln.len && i < 30; i++) {
        S_ln *l = &LN(c, i);
        /* the end of a wrapped subtitle run into the next one: "- 장관,
         * 추경 반영 보조금" / "대상 현장 방문 - 보조금 623억원 추경 반영"
         * (govpress 156754278.pdf.txt): the next one goes on a line of
         * its own */
        if (i > 0 && l->hint < 0 && LN(c, i - 1).hint < 0 && LN(c, i - 1).len > 2 &&
            !memcmp(LN(c, i - 1).s, "- ", 2) && !S_has_marker(l->s, l->len)) {
            size_t dash = S_next_dash(l->s, l->len, 0);
            if (dash >= 8 && l->len - dash >= 12) {
                if (S_cut_line(c, i, dash) != KS_OK)
                    return KS_ERR_NOMEM;
                continue; /* the piece is looked at as a subtitle next */
            }
        }
        bool in_head = head;
        head = head && !S_full_stop(l);
        if (l->hint >= 0 || l->len < 20 || memcmp(l->s, "- ", 2) != 0)
            continue;
        /* subtitles web text ran into one line, each "- …" after the
         * one before ("- A - B", "- A - - B": korea.kr's viewer, govpress
         * 156754151, 156754235, 156754246 .viewer.txt), before the first
         * sentence: the next one goes on a line of its own */
        size_t next = in_head ? S_run_subtitle(l->s, l->len) : 0;
        if (next) {
            /* ("- A -" keeps the dash that closes it) */
            if (S_cut_line(c, i, next) != KS_OK)
                return KS_ERR_NOMEM;
            continue; /* the piece is looked at next */
        }
        if (l->s[l->len - 1] == '-')
            continue;
        size_t at = S_body_start(l->s, l->len);
        if (at < 8)
            continue;
        if (S_cut_line(c, i, at) != KS_OK)
            return KS_ERR_NOMEM;
        i++;
    }
    return KS_OK;
}

/* The first " □ " / " ☐ " / " ○ " / " ㅇ " / " ❍ " in S[from..len): where
 * a body item begins; 0 when there is none. */
static size_t S_item_start(const char *s, size_t len, size_t from)
{
    static const char *const items[] = {" □ ", " ☐ ", " ○ ", " ㅇ ", " ❍ "};
    size_t best = 0;
    for (size_t k = 0; k < sizeof items / sizeof items[0]; k++) {
        const char *p = ks_memfind(s + from, len - from, items[k]);
        if (p && (!best || (size_t)(p - s) + 1 < best))
            best = (size_t)(p - s) + 1;
    }
    return best;
}

/* Web text joins a release's head into one line: "TITLE - SUBTITLE -
 * SUBTITLE □ BODY …" or "TITLE □ BODY …" (govpress *.joined.txt).  The
 * first such line after the header is cut into the title, the "- …"
 * subtitles and the body, so that the roles below see them as pdftotext
 * prints them.  The header is the kind and label lines at the top and
 * the short lines among them (a logo, a date); a short line of anything
 * else after them is a title of its own, and nothing is cut.  Up to two
 * long lines without a dash or a body start (a paragraph printed out of
 * place) are passed over.  The title must be 16 to 160 columns wide and
 * carry no marker. */
#define KS_HEAD_SCAN 4096 /* bytes of a line S_split_runin reads */

static ks_status S_split_runin(S_ctx *c)
{
    size_t seen = 0, skipped = 0;
    bool header = false;
    for (size_t i = 0; i < c->ln.len && i < 30; i++) {
        S_ln *l = &LN(c, i);
        if (!l->len)
            continue;
        if (l->hint >= 0 || ++seen > 12)
            return KS_OK;
        char key[128];
        S_key(l->s, l->len, key, sizeof key);
        if (S_is_header_label(key) || S_is_kind_line(key)) {
            header = true;
            continue;
        }
        if (l->width <= 40) {
            /* a logo, a date or a note of the header; after the header,
             * anything else short is a title on a line of its own */
            if (!header || l->width <= 4 || S_value_like(l) || ks_meta_org_like(key, strlen(key)))
                continue;
            return KS_OK;
        }
        if (S_has_marker(l->s, l->len))
            return KS_OK;
        const char *s = l->s;
        size_t len = l->len;
        /* a head fits in the first KS_HEAD_SCAN bytes: the rest of a
         * long line is not read */
        size_t scan = len < KS_HEAD_SCAN ? len : KS_HEAD_SCAN;
        size_t dash = S_next_dash(s, scan, 1);
        size_t item = S_item_start(s, scan, 0);
        size_t body = item, bs = S_body_start(s, scan);
        if (bs && (!body || bs < body))
            body = bs;
        /* without a dash only an item marker ends the title: a body
         * start inside a sentence ("… 장관은 4월 13일 …") does not */
        size_t cut = dash && (!body || dash < body) ? dash : item && item == body ? item : 0;
        int w = cut ? S_width(s, cut) : 0;
        if (!body && scan < len)
            cut = 0; /* a dash, and no end to the last subtitle in sight */
        if (!header || !cut || w < 16 || w > 160) {
            if (++skipped > 2)
                return KS_OK;
            continue;
        }
        /* the pieces: the title before CUT, then each "- …" up to the
         * next dash or the body's start, then the body */
        size_t starts[8], n = 0;
        for (size_t at = dash; at && (!body || at < body) && n < 8;
             at = S_next_dash(s, scan, at + 2))
            starts[n++] = at;
        S_ln whole = *l;
        size_t keep = cut;
        while (keep > 0 && s[keep - 1] == ' ')
            keep--;
        l->len = keep;
        l->width = S_width(l->s, l->len);
        for (size_t k = 0; k < n; k++)
            if (S_insert_piece(c, i + k, &whole, starts[k],
                               k + 1 < n ? starts[k + 1] : body ? body : len) != KS_OK)
                return KS_ERR_NOMEM;
        return body ? S_insert_piece(c, i + n, &whole, body, len) : KS_OK;
    }
    return KS_OK;
}

/* Web text runs the contact table's first label into the line before it:
 * "… 소감을 전했다. 담당 부서" (govpress *.joined.txt).  A line that ends
 * in " 담당 부서" after more text is cut before the label.  Lines are only
 * added, so at most LIMIT of them. */
static ks_status S_split_labels(S_ctx *c, size_t limit)
{
    static const char *const labels[] = {" 담당 부서", " 담당부서"};
    for (size_t i = 0; i < c->ln.len && limit > 0; i++) {
        S_ln *l = &LN(c, i);
        if (l->hint >= 0 || l->len < 40)
            continue;
        for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
            size_t n = strlen(labels[k]);
            if (l->len <= n || memcmp(l->s + l->len - n, labels[k], n) != 0)
                continue;
            S_ln label = *l;
            label.s = l->s + l->len - n + 1;
            label.len = n - 1;
            label.width = S_width(label.s, label.len);
            l->len -= n;
            l->width = S_width(l->s, l->len);
            if (S_insert_line(c, i, label) != KS_OK)
                return KS_ERR_NOMEM;
            i++;
            limit--;
            break;
        }
    }
    return KS_OK;
}

/* The first list marker inside a line of web text at or after byte FROM
 * of S, or LEN: □ ○ ㅇ ☞ ✓ • ※ ‣ ▸ ◈ ◇ ❍ after a space and before a space
 * or a bracket ("… 밝혔다. ○ 지원 대상은", "… 생계지원 도모 ☞ (신청기간)",
 * "… 포럼 개요 ‣ 일시ㆍ장소:": each of the 21 ‣ ▸ ◈ ◇ ❍ there begins a line
 * of the gold),
 * and a note's '*' after a sentence's full stop ("… 기한 연장이 가능할 것이라고
 * 밝혔다. * [참석] 국무총리(주재), …": in govpress *.joined.txt and
 * *.viewer.txt 19 such '*' of 19 begin a line of the gold; after a
 * bracket, 7 of 9, the others a note's mark spaced from its word,
 * "사절단(이하 사절단) * 을 파견하여"), and the attachments' 붙임 after a
 * full stop ("… 밝혔다. 붙임 1. … 개요 2. …": twice in those texts, each a
 * line of the gold).  Circled numbers, ▴ and dashes are left: they also
 * count and list things inside a sentence ("▴청년일자리도약장려금(+801억),
 * ▴…", "6 - 7일"). */
static size_t S_inline_marker(const char *s, size_t len, size_t from)
{
    static const char *const marks[] = {"\xE2\x96\xA1", "\xE2\x97\x8B", "\xE3\x85\x87", "\xE2\x98\x9E",
                                        "\xE2\x9C\x93", "\xE2\x80\xA2", "\xE2\x80\xBB", "\xE2\x80\xA3",
                                        "\xE2\x96\xB8", "\xE2\x97\x88", "\xE2\x97\x87", "\xE2\x9D\x8D"};
    if (from >= len || len - from < 5) /* a space, a marker, a space or bracket */
        return len;
    for (const char *p = memchr(s + from, ' ', len - from); p;
         p = memchr(p + 1, ' ', (size_t)(s + len - p - 1))) {
        size_t i = (size_t)(p - s) + 1;
        if (i >= 3 && s[i - 2] == '.' && !(s[i - 3] >= '0' && s[i - 3] <= '9') &&
            ((i + 2 < len && s[i] == '*' && s[i + 1] == ' ') ||
             (i + 7 < len && !memcmp(s + i, "\xEB\xB6\x99\xEC\x9E\x84", 6) &&
              (s[i + 6] == ' ' || (s[i + 6] >= '1' && s[i + 6] <= '9')))))
            return i; /* a note, or the attachments (붙임), after a full stop */
        if (i >= 5 && s[i - 2] == '.' && !memcmp(s + i - 5, "\xEB\x8B\xA4", 3) &&
            S_opener(s + i, len - i))
            return i; /* "…했다. 한편 …": a paragraph web text ran in */
        if (i + 4 > len || (s[i + 3] != ' ' && s[i + 3] != '('))
            continue;
        for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
            if (!memcmp(s + i, marks[k], 3))
                return i;
    }
    return len;
}

/* The start of the page number a line of web text ends with, after its
 * page's last words: "…인문의 가치를 경험할 수 - 1 -", "…개선할 것을
 * 지시하였다. - 1 -" (a converter that ran each page's number into its
 * last line: govpress *.joined.txt, 25 times in 44 releases); LEN when
 * there is none, or nothing before it. */
static size_t S_inline_page(const char *s, size_t len)
{
    while (len && s[len - 1] == ' ')
        len--;
    if (len < 7 || s[len - 1] != '-' || s[len - 2] != ' ')
        return len;
    size_t i = len - 2, d = 0;
    while (i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' && d < 4)
        i--, d++;
    if (d == 0 || d > 3 || i < 3 || s[i - 1] != ' ' || s[i - 2] != '-' || s[i - 3] != ' ')
        return len;
    size_t at = i - 2; /* the first '-' */
    size_t e = at;
    while (e > 0 && s[e - 1] == ' ')
        e--;
    return e ? at : len;
}

/* Web text runs a list's items into the paragraph before them: "… 밝혔다.
 * ○ 지원 대상은 …", "… 도모 ☞ (신청기간) …" (govpress *.joined.txt and
 * *.viewer.txt: of the markers S_inline_marker takes inside a line that
 * line up with the gold, 173 begin one of the author's paragraphs, 2 do
 * not; 60 do not line up), and a page's number into its last line
 * (S_inline_page).  In text of one paragraph a line (no page width), each
 * line is cut before each such marker, and before its page number, which
 * becomes a residue line: the pieces are counted, then the line index is
 * built anew in one pass (no insertion per piece). */
static ks_status S_split_items(S_ctx *c)
{
    size_t extra = 0;
    for (size_t i = 0; i < c->ln.len; i++) {
        const S_ln *l = &LN(c, i);
        if (l->hint < 0) {
            for (size_t k = S_inline_marker(l->s, l->len, 0); k < l->len;
                 k = S_inline_marker(l->s, l->len, k))
                extra++;
            extra += S_inline_page(l->s, l->len) < l->len;
        }
    }
    if (!extra)
        return KS_OK;
    ks_vec out = KS_VEC(S_ln);
    if (extra > SIZE_MAX - c->ln.len || ks_vec_reserve(&out, c->ln.len + extra) != KS_OK)
        return KS_ERR_NOMEM;
    S_ln *o = out.items;
    size_t n = 0;
    for (size_t i = 0; i < c->ln.len; i++) {
        S_ln l = LN(c, i), page = l;
        size_t from = 0;
        if (l.hint < 0 && (page.len = S_inline_page(l.s, l.len)) < l.len) {
            /* the page number goes on a line of its own, as residue
             * (S_inline_turn may carry the paragraph over it) */
            page.s = l.s + page.len;
            page.len = l.len - page.len;
            page.hint = KS_ROLE_RESIDUE;
            page.width = S_width(page.s, page.len);
            l.len = (size_t)(page.s - l.s);
            while (l.len && l.s[l.len - 1] == ' ')
                l.len--;
            l.width = S_width(l.s, l.len);
        } else {
            page.len = 0;
        }
        for (size_t k = l.hint < 0 ? S_inline_marker(l.s, l.len, 0) : l.len; k < l.len;
             k = S_inline_marker(l.s, l.len, k)) {
            size_t e = k;
            while (e > from && l.s[e - 1] == ' ')
                e--;
            if (e > from) {
                S_ln piece = l;
                piece.s = l.s + from;
                piece.len = e - from;
                piece.width = S_width(piece.s, piece.len);
                o[n++] = piece;
            }
            from = k;
        }
        l.s += from;
        l.len -= from;
        if (from)
            l.width = S_width(l.s, l.len);
        o[n++] = l;
        if (page.len)
            o[n++] = page;
    }
    out.len = n;
    ks_vec_free(&c->ln);
    c->ln = out;
    return KS_OK;
}

ks_status ks_split(ks_doc *doc, ks_lines *lines, ks_respacer *rs, ks_error *err)
{
    S_ctx c = {.doc = doc, .ln = KS_VEC(S_ln), .units = KS_VEC(S_unit), .page = 0, .lines = lines,
               .rs = rs};
    ks_status st = KS_OK;
    bool line_mode = (doc->flags & KS_OPT_LINE_MODE) != 0;
    bool hints = lines->hints.len == lines->lines.len && lines->hints.len > 0;
    /* exact sizes where they are known: no doubling slack on large input
     * (S_split_subtitles may add up to 30 lines, S_split_runin 9,
     * S_split_labels 8) */
    if (ks_vec_reserve(&c.ln, lines->lines.len + 47) != KS_OK) {
        st = KS_NOMEM(err, "split");
        goto done;
    }
    for (size_t i = 0; i < lines->lines.len; i++) {
        const ks_line *l = &KS_AT(lines->lines, ks_line, i);
        /* the lines' numbers grow, so this bounds their count too (the
         * units' indices, with S_GONE and the few lines split adds) */
        if (l->len > S_LINE_MAX || l->lineno < 0 || (unsigned long)l->lineno > S_LINES_MAX) {
            if (l->len > S_LINE_MAX)
                st = ks_error_set(err, KS_ERR_LIMIT, "split", 0, l->lineno,
                                  "line %ld is longer than 2 GiB", l->lineno);
            else
                st = ks_error_set(err, KS_ERR_LIMIT, "split", 0, 0,
                                  "more than 4,294,967,231 lines");
            goto done;
        }
        S_ln x;
        x.s = lines->text.data + l->start;
        x.len = (uint32_t)l->len;
        x.lineno = (uint32_t)l->lineno;
        x.hint = hints ? KS_AT(lines->hints, signed char, i) : -1;
        x.width = S_width(x.s, x.len);
        if (ks_vec_push(&c.ln, &x) != KS_OK) {
            st = KS_NOMEM(err, "split");
            goto done;
        }
    }
    /* the line index is copied: give its memory back before the units
     * and blocks are made (a large document has millions of lines) */
    ks_vec_free(&lines->lines);
    ks_vec_free(&lines->hints);
    if (!line_mode && !hints &&
        (S_split_subtitles(&c) != KS_OK || S_split_runin(&c) != KS_OK ||
         S_split_labels(&c, 8) != KS_OK)) {
        st = KS_NOMEM(err, "split");
        goto done;
    }
    if (!line_mode && !hints) {
        c.page = S_page_width(&c, false, &c.margin);
        if (!c.page && S_split_items(&c) != KS_OK) {
            st = KS_NOMEM(err, "split");
            goto done;
        }
    } else if (!line_mode) {
        c.soft_page = S_page_width(&c, true, &c.soft_margin);
    }
    if (S_make_units(&c, line_mode) != KS_OK) {
        st = KS_NOMEM(err, "split");
        goto done;
    }
    ks_vec_fit(&c.units);
    if (!line_mode && S_classify(&c) != KS_OK) {
        st = KS_NOMEM(err, "split");
        goto done;
    }
    st = S_build(&c, rs, line_mode, err);
done:
    ks_vec_free(&c.ln);
    ks_vec_free(&c.units);
    ks_free(c.tags);
    return st;
}
