/*
 * hwpx.c -- other input: an HWPX file (a zip of XML) -> text lines + hints.
 *
 * Stage: a reader in front of stage 2.  ks_hwpx_extract takes the whole
 * file in memory and produces ks_extract: UTF-8 text, one line per
 * paragraph (or table row), and one role hint per line.  The pipeline then
 * runs ks_normalize and ks_split as for plain text.
 *
 * Only this file includes <zip.h>; with html.c it is the only one with
 * libxml2.  libxml2 and libzip allocate on their own; everything this file
 * hands out goes through ks_malloc / ks_buf / ks_vec.
 *
 * Invariants of the output
 *   - valid UTF-8 (libxml2 has validated it), no NUL, no CR, no '\n' inside
 *     a line; every line ends in '\n' and is non-empty after trimming;
 *   - out->hints has exactly one entry per line (-1 or a ks_role);
 *   - on error *out may hold partial text; the caller frees it either way.
 *
 * The container (OCF)
 *   "mimetype" must read application/hwp+zip when present; the text is in
 *   Contents/section0.xml, section1.xml, ... read in numeric order.  A gap
 *   in the numbers, or a section that Contents/content.hpf names but the
 *   zip lacks, is KS_ERR_FORMAT ("missing Contents/section1.xml").
 *
 * Limits (KS_ERR_LIMIT), so a zip bomb costs little:
 *   - an entry may declare at most HWPX_MAX_ENTRY (64 MiB) uncompressed;
 *   - all sections together at most HWPX_MAX_TOTAL (256 MiB);
 *   - an entry above 1 MiB may not expand more than HWPX_MAX_RATIO (1000:1);
 *   - reading stops as soon as an entry yields more than it declared;
 *   - at most HWPX_MAX_SECTIONS sections, tree depth HWPX_MAX_DEPTH.
 * XML safety: a section holding "<!DOCTYPE" or "<!ENTITY" is refused before
 * parsing (KS_ERR_FORMAT); libxml2 runs with XML_PARSE_NONET, without
 * XML_PARSE_NOENT (no substitution), without DTD loading and without
 * XML_PARSE_HUGE (so its own depth and size caps stay on), except in a
 * section longer than libxml2's text limit (10 MB), which may hold a text
 * that long: there it is on (within the section size limit; the walks
 * stop at HWPX_MAX_DEPTH themselves).
 *
 * Text rules (the paragraph text equals the corpus's gold.txt but for rule
 * 1's line breaks and tabs, see tests/hwpx_check.sh)
 *   1. A paragraph's text is the text of its hp:t elements in order;
 *      hp:nbSpace, hp:tab and hp:lineBreak -> one space (none after a
 *      space); hp:fwSpace (a fixed-width space used to letter-space logos
 *      and pad bullets) -> nothing:
 *        <hp:t>경<hp:fwSpace/>찰<hp:fwSpace/>청</hp:t>           -> 경찰청
 *        <hp:t>1,467<hp:lineBreak/>등유</hp:t>                   -> 1,467 등유
 *        <hp:t>ㅇ 1998<hp:tab/>행정고시</hp:t>                    -> ㅇ 1998 행정고시
 *      The corpus's gold.txt joins a line break or tab without a space
 *      ("일자리에 대한<hp:lineBreak/>직접적인" -> "대한직접적인"); of the
 *      154 line breaks in its 44 releases nearly all fall between words
 *      (the author ends a line where a word ends), so a space keeps the
 *      words apart; the repair stage may still join one it judges a wrap
 *      inside a word.
 *   2. Paragraphs nested in a paragraph (text boxes, footnotes, captions,
 *      tables) follow its own text, in document order; a table's caption
 *      comes before its rows.
 *   3. Header tables -- a table with a label cell such as 보도시점, 보도일시,
 *      배포, 담당 부서, 담당자, 책임자, 연락처, 보도자료 -- give one line per
 *      cell paragraph, each with hint KS_ROLE_META, so split still sees the
 *      labels:   [보도시점][2026. 4. 10.(금) 배포 즉시] -> "보도시점" / "2026. ..."
 *      Their fields go to doc->meta (see "Metadata" below).
 *   4. The title box: the first one-column table (one hp:tc per row) before
 *      any body line: row 1 -> KS_ROLE_TITLE lines (joined by a space into
 *      doc->title; a "- … -" paragraph there is SUMMARY), row 2 ->
 *      KS_ROLE_SUMMARY lines, later rows no hint (a
 *      "【관련 국정과제】" line); a logo table [ ][긴급지시][ ] is not one:
 *        [2026년 고용노동부 소관 / 제1회 추가경정예산 주요 내용][- 총 4,165억원 증액 의결 -]
 *        -> title "2026년 고용노동부 소관 제1회 추가경정예산 주요 내용"
 *   5. Other tables: a row with one non-empty cell is layout (a box): each of
 *      its paragraphs is a line.  A row with two or more non-empty cells is
 *      one line, cells joined by " | " (a cell's paragraphs joined by a space,
 *      empty cells left out):
 *        [▪총지출(a+b)][353,452][376,761] -> "▪총지출(a+b) | 353,452 | 376,761"
 *   6. Empty paragraphs give no line; shape comments ("그림입니다.") are not
 *      text and never appear.
 *
 * Metadata (only where sure; split must not overwrite what is set)
 *   release_date  the first YYYY. M. D. after 보도시점 / 보도일시 / 보도일자,
 *                 else after 배포 (same cell or the next cell of the row):
 *                   [보도시점][배포 즉시][배포][2026.4.12. 14:00] -> 2026-04-12
 *   dates         a "release" and a "distribution" entry for those cells.
 *   contacts      each header-table row with a phone number: the name is the
 *                 cell before the phone, the title the cell before the name,
 *                 the department the row's (or the last) department cell:
 *                   [과  장][최영범][(044-202-7026)] -> 최영범, 과장, 044-202-7026
 *   department    the first department paragraph that is not an organization
 *                 name (…부, …청, …처, …위원회, 국무조정실):
 *                   [담당 부서][중소벤처기업부 / 대외환경대응과] -> 대외환경대응과
 *   organization  an organization name in the first header table (the logo
 *                 cell, when it is text and not an image); else left to split.
 */
#include <limits.h>
#include <string.h>

#include "dynlib.h"
#include "meta.h"

/* libxml2 and libzip, loaded by ks_hwpx_extract before anything else */
#define LX (ks_libxml_api())
#define LZ (ks_libzip_api())

/* the limits every container reader shares (internal.h) */
#define HWPX_MAX_ENTRY ((zip_uint64_t)KS_SECTION_MAX)
#define HWPX_MAX_TOTAL ((zip_uint64_t)KS_SECTIONS_TOTAL_MAX)
#define HWPX_MAX_RATIO KS_RATIO_MAX
#define HWPX_RATIO_FLOOR ((zip_uint64_t)KS_RATIO_FLOOR)
#define HWPX_MAX_SECTIONS KS_SECTIONS_MAX
#define HWPX_MAX_DEPTH 200
#define HWPX_MIMETYPE "application/hwp+zip"
#define HWPX_DASH_SPAN 3     /* most paragraphs a broken "- … -" sub-headline spans */
#define HWPX_SUBHEAD_PCT 85u /* a title-box line this much smaller than the title is a sub-headline */

typedef struct {
    ks_doc *doc;
    ks_extract *out;
    ks_error *err;
    const char *section;   /* entry name, for messages */
    ks_buf scratch;        /* paragraph text */
    ks_buf title;          /* title lines joined */
    signed char hint;      /* hint for lines emitted now (-1 = none) */
    bool body_seen;        /* a body paragraph outside tables has been emitted */
    int in_table;          /* tables open around the current paragraph */
    bool title_done;
    int header_tables;
    char *dept;            /* NEW: department cell of the current contact rows */
    bool have_release;     /* release date came from a 보도 label */
    uint32_t height;       /* type height of the paragraph being pushed (0: none) */
    ks_vec heights;        /* uint32_t, the type height of each line pushed */
} S_ctx;

/* ---- small string helpers (bytes; never ctype on plain char) --------- */

static bool S_is_name(const xmlNode *n, const char *local)
{
    return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, local) == 0;
}

static bool S_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Copy S[0..LEN) without spaces (ASCII and U+3000) and without a trailing
 * colon into DST (size CAP).  Returns false when it does not fit. */
static bool S_squeeze(const char *s, size_t len, char *dst, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '\t')
            continue;
        if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] == 0x80) {
            i += 2;
            continue;
        }
        if (o + 1 >= cap)
            return false;
        dst[o++] = (char)c;
    }
    while (o && dst[o - 1] == ':')
        o--;
    if (o >= 3 && memcmp(dst + o - 3, "\xEF\xBC\x9A", 3) == 0) /* fullwidth colon */
        o -= 3;
    dst[o] = '\0';
    return true;
}

static bool S_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && memcmp(s + n - m, suffix, m) == 0;
}

static bool S_in(const char *s, const char *const *set)
{
    for (; *set; set++)
        if (strcmp(s, *set) == 0)
            return true;
    return false;
}

static const char *const S_release_labels[] = {"보도시점", "보도일시", "보도일자", "보도", NULL};
static const char *const S_dist_labels[] = {"배포", "배포일시", "배포일자", "배포시점", NULL};
static const char *const S_dept_labels[] = {"담당부서", "담당기관", "담당과", "부서", "<총괄>",
                                            "<공동>", "총괄", "공동", NULL};
static const char *const S_role_labels[] = {"책임자", "담당자", "연락처", "문의", "담당", NULL};
static const char *const S_kind_labels[] = {"보도자료", "보도참고자료", "공동보도자료",
                                            "설명자료", "해명자료", "참고자료", NULL};

/* Is the squeezed cell text a header label?  Also "보도시점 : ..." inline. */
static bool S_is_label(const char *sq)
{
    if (S_in(sq, S_release_labels) || S_in(sq, S_dist_labels) || S_in(sq, S_dept_labels) ||
        S_in(sq, S_role_labels) || S_in(sq, S_kind_labels))
        return true;
    return false;
}

static bool S_label_prefix(const char *sq)
{
    static const char *const pre[] = {"보도시점:", "보도일시:", "보도일자:", "배포:",
                                      "배포일시:", NULL};
    for (const char *const *p = pre; *p; p++)
        if (strncmp(sq, *p, strlen(*p)) == 0)
            return true;
    return false;
}

/* An organization name: one word ending in 부 (not 본부), 청, 처, 위원회. */
static bool S_is_org(const char *text)
{
    if (strchr(text, ' ') || strlen(text) > 60 || strlen(text) < 6)
        return false;
    if (strcmp(text, "국무조정실") == 0)
        return true;
    if (S_ends_with(text, "본부"))
        return false;
    return S_ends_with(text, "부") || S_ends_with(text, "청") || S_ends_with(text, "처") ||
           S_ends_with(text, "위원회");
}

/* The first telephone number in S (ks_meta_find_phone's forms), written
 * to OUT as "044-000-1234". */
static bool S_find_phone(const char *s, char out[32])
{
    size_t a, b;
    return ks_meta_find_phone(s, strlen(s), &a, &b, out, 32);
}

/* ---- output --------------------------------------------------------- */

/* Push S[0..LEN) as one line with hint HINT after trimming; empty -> nothing. */
static ks_status S_push_line(S_ctx *c, const char *s, size_t len, signed char hint)
{
    while (len && (s[0] == ' ' || s[0] == '\t')) {
        s++;
        len--;
    }
    while (len && (s[len - 1] == ' ' || s[len - 1] == '\t'))
        len--;
    if (!len)
        return KS_OK;
    if (ks_buf_append(&c->out->text, s, len) != KS_OK || ks_buf_putc(&c->out->text, '\n') != KS_OK ||
        ks_vec_push(&c->out->hints, &hint) != KS_OK || ks_vec_push(&c->heights, &c->height) != KS_OK)
        return KS_NOMEM(c->err, "hwpx");
    if (hint == -1 && c->in_table == 0)
        c->body_seen = true;
    return KS_OK;
}

/* Append text content TXT, turning control characters into spaces. */
static ks_status S_put_text(ks_buf *b, const char *txt)
{
    for (const char *p = txt; *p; p++) {
        unsigned char u = (unsigned char)*p;
        if (ks_buf_putc(b, u < 0x20 || u == 0x7F ? ' ' : *p) != KS_OK)
            return KS_ERR_NOMEM;
    }
    return KS_OK;
}

/* Rule 1: the text of one hp:t. */
static ks_status S_t_text(const xmlNode *t, ks_buf *b)
{
    for (const xmlNode *k = t->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
            if (k->content && S_put_text(b, (const char *)k->content) != KS_OK)
                return KS_ERR_NOMEM;
        } else if (S_is_name(k, "nbSpace") || S_is_name(k, "lineBreak") || S_is_name(k, "tab")) {
            /* a line break or tab the author typed separates words (rule 1) */
            if ((b->len == 0 || b->data[b->len - 1] != ' ') && ks_buf_putc(b, ' ') != KS_OK)
                return KS_ERR_NOMEM;
        }
        /* fwSpace, hyphen, markpen and title marks carry no text (rule 1) */
    }
    return KS_OK;
}

static ks_status S_own_text_raw(const xmlNode *n, ks_buf *b, int depth);

/* A paragraph's own text: its hp:t elements, not those of nested paragraphs. */
static ks_status S_own_text(const xmlNode *n, ks_buf *b, int depth)
{
    return S_own_text_raw(n, b, depth);
}

static ks_status S_own_text_raw(const xmlNode *n, ks_buf *b, int depth)
{
    if (depth > HWPX_MAX_DEPTH)
        return KS_OK;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (S_is_name(k, "t")) {
            if (S_t_text(k, b) != KS_OK)
                return KS_ERR_NOMEM;
        } else if (!S_is_name(k, "p") && !S_is_name(k, "subList") && !S_is_name(k, "tbl")) {
            if (S_own_text_raw(k, b, depth + 1) != KS_OK)
                return KS_ERR_NOMEM;
        }
    }
    return KS_OK;
}

/* All text under N (a cell): paragraphs separated by SEP. */
static ks_status S_flat_text(const xmlNode *n, ks_buf *b, char sep, int depth)
{
    if (depth > HWPX_MAX_DEPTH)
        return KS_OK;
    for (const xmlNode *k = n->children; k; k = k->next) {
        if (k->type != XML_ELEMENT_NODE)
            continue;
        if (S_is_name(k, "p")) {
            size_t before = b->len;
            if (b->len && ks_buf_putc(b, sep) != KS_OK)
                return KS_ERR_NOMEM;
            size_t mark = b->len;
            if (S_own_text(k, b, depth + 1) != KS_OK)
                return KS_ERR_NOMEM;
            bool blank = true;
            for (size_t i = mark; i < b->len && blank; i++)
                blank = b->data[i] == ' ';
            if (blank && b->data) { /* drop an empty paragraph and its separator */
                b->len = before;
                b->data[b->len] = '\0';
            }
            if (S_flat_text(k, b, sep, depth + 1) != KS_OK)
                return KS_ERR_NOMEM;
        } else if (!S_is_name(k, "t")) {
            if (S_flat_text(k, b, sep, depth + 1) != KS_OK)
                return KS_ERR_NOMEM;
        }
    }
    return KS_OK;
}

static ks_status S_nested(S_ctx *c, const xmlNode *n, int depth);

static ks_status S_limit_depth(S_ctx *c)
{
    return ks_error_set(c->err, KS_ERR_LIMIT, "hwpx", 0, 0,
                        "%s: nesting deeper than %d levels", c->section, HWPX_MAX_DEPTH);
}

/* The type height of paragraph P: its first line's hp:lineseg textheight
 * (hundredths of a point), 0 when it has none. */
static uint32_t S_para_height(const xmlNode *p)
{
    for (const xmlNode *a = p->children; a; a = a->next) {
        if (!S_is_name(a, "linesegarray"))
            continue;
        for (const xmlNode *l = a->children; l; l = l->next) {
            if (!S_is_name(l, "lineseg"))
                continue;
            for (const xmlAttr *at = l->properties; at; at = at->next) {
                if (strcmp((const char *)at->name, "textheight") != 0 || !at->children ||
                    !at->children->content)
                    continue;
                uint32_t h = 0;
                for (const xmlChar *d = at->children->content; *d >= '0' && *d <= '9' && h < 100000; d++)
                    h = h * 10 + (uint32_t)(*d - '0');
                return h;
            }
            return 0;
        }
    }
    return 0;
}

/* Rules 1-2: one paragraph, then what is nested in it. */
static ks_status S_para(S_ctx *c, const xmlNode *p, int depth)
{
    if (depth > HWPX_MAX_DEPTH)
        return S_limit_depth(c);
    ks_buf_clear(&c->scratch);
    if (S_own_text(p, &c->scratch, depth + 1) != KS_OK)
        return KS_NOMEM(c->err, "hwpx");
    c->height = S_para_height(p);
    ks_status st = S_push_line(c, c->scratch.data ? c->scratch.data : "", c->scratch.len, c->hint);
    c->height = 0;
    if (st != KS_OK)
        return st;
    return S_nested(c, p, depth + 1);
}

/* Is the line LT (LL bytes) opened by a dash (-, –, －)? */
static bool S_dash_open(const char *lt, size_t ll)
{
    return (ll >= 1 && lt[0] == '-') || (ll >= 3 && (!strncmp(lt, "–", 3) || !strncmp(lt, "－", 3)));
}

/* Is it closed by one (" -")? */
static bool S_dash_close(const char *lt, size_t ll)
{
    return (ll >= 2 && lt[ll - 1] == '-' && lt[ll - 2] == ' ') ||
           (ll >= 4 && lt[ll - 4] == ' ' && (!strncmp(lt + ll - 3, "–", 3) || !strncmp(lt + ll - 3, "－", 3)));
}

/* A sub-headline "- … -" the author broke into paragraphs ("- 2026. 4.
 * 13.(월) … 대상자" / "총 48명의 명단을 공개 -") is one line again: from line
 * FIRST (at byte OFF of the text), a line a dash opens and leaves open is
 * joined with a space to the lines after it up to the one that closes it,
 * when one of the next HWPX_DASH_SPAN does and none opens another. */
static void S_join_dashed(S_ctx *c, size_t first, size_t off)
{
    ks_buf *t = &c->out->text;
    for (size_t ln = first; ln < c->out->hints.len; ln++) {
        char *lt = t->data + off;
        size_t ll = (size_t)(strchr(lt, '\n') - lt);
        off += ll + 1;
        if (!S_dash_open(lt, ll) || S_dash_close(lt, ll))
            continue;
        size_t n = 0, o = off; /* lines to join, the last closing */
        for (size_t k = ln + 1; k < c->out->hints.len && k <= ln + HWPX_DASH_SPAN; k++) {
            const char *kt = t->data + o;
            size_t kl = (size_t)(strchr(kt, '\n') - kt);
            o += kl + 1;
            if (S_dash_open(kt, kl))
                break;
            if (S_dash_close(kt, kl)) {
                n = k - ln;
                break;
            }
        }
        if (!n)
            continue;
        /* the '\n's after line LN and the next N - 1 become spaces */
        char *e = lt;
        for (size_t k = 0; k < n; k++) {
            e = strchr(e, '\n');
            *e = ' ';
        }
        signed char *h = c->out->hints.items;
        uint32_t *hs = c->heights.items;
        memmove(h + ln + 1, h + ln + 1 + n, (c->out->hints.len - ln - 1 - n) * sizeof *h);
        memmove(hs + ln + 1, hs + ln + 1 + n, (c->heights.len - ln - 1 - n) * sizeof *hs);
        c->out->hints.len -= n;
        c->heights.len -= n;
        off = (size_t)(strchr(lt, '\n') - t->data) + 1;
    }
}

/* ---- tables ---------------------------------------------------------- */

typedef struct {
    const xmlNode *tc;
    char *text;       /* NEW: paragraphs joined by '\n' */
    size_t row;
} S_cell;

static void S_cells_free(ks_vec *cells)
{
    for (size_t i = 0; i < cells->len; i++)
        ks_free(KS_AT(*cells, S_cell, i).text);
    ks_vec_free(cells);
}

static ks_status S_collect_cells(const xmlNode *tbl, ks_vec *cells, size_t *nrows)
{
    size_t row = 0;
    ks_buf b = {0};
    ks_status st = KS_OK;
    for (const xmlNode *tr = tbl->children; tr; tr = tr->next) {
        if (!S_is_name(tr, "tr"))
            continue;
        for (const xmlNode *tc = tr->children; tc; tc = tc->next) {
            if (!S_is_name(tc, "tc"))
                continue;
            ks_buf_clear(&b);
            if (S_flat_text(tc, &b, '\n', 0) != KS_OK) {
                st = KS_ERR_NOMEM;
                goto done;
            }
            S_cell cell = {tc, ks_strndup(b.data ? b.data : "", b.len), row};
            if (!cell.text) {
                st = KS_ERR_NOMEM;
                goto done;
            }
            if (ks_vec_push(cells, &cell) != KS_OK) {
                ks_free(cell.text);
                st = KS_ERR_NOMEM;
                goto done;
            }
        }
        row++;
    }
    *nrows = row;
done:
    ks_buf_free(&b);
    return st;
}

static bool S_cell_empty(const S_cell *cell)
{
    for (const char *p = cell->text; *p; p++)
        if (*p != ' ' && *p != '\n')
            return false;
    return true;
}

/* Squeezed form of CELL's text with '\n' removed too (labels span paragraphs
 * rarely; "담당부서\n<총괄>" still starts with a label). */
static void S_cell_squeeze(const S_cell *cell, char *dst, size_t cap)
{
    const char *nl = strchr(cell->text, '\n');
    size_t len = nl ? (size_t)(nl - cell->text) : strlen(cell->text);
    if (!S_squeeze(cell->text, len, dst, cap))
        dst[0] = '\0';
}

/* Rule 3: a label cell, small, and either before the body or holding a
 * phone number (the contact table after the lead paragraphs). */
static bool S_is_header_table(const ks_vec *cells, bool body_seen)
{
    size_t total = 0;
    bool label = false, phone = false;
    char sq[128], ph[32];
    for (size_t i = 0; i < cells->len; i++) {
        const S_cell *cell = &KS_AT(*cells, S_cell, i);
        total += strlen(cell->text);
        S_cell_squeeze(cell, sq, sizeof sq);
        if (S_is_label(sq) || S_label_prefix(sq))
            label = true;
        if (!phone && S_find_phone(cell->text, ph))
            phone = true;
    }
    return label && total < 4000 && (!body_seen || phone);
}

static ks_status S_set_str(char **field, const char *s, size_t len)
{
    if (*field)
        return KS_OK;
    *field = ks_strndup(s, len);
    return *field ? KS_OK : KS_ERR_NOMEM;
}

static ks_status S_add_date(ks_doc *doc, const char *raw, const char *iso, const char *role)
{
    ks_date d = {ks_strdup(raw), ks_strdup(iso), role};
    if (!d.raw || !d.iso || ks_vec_push(&doc->meta.dates, &d) != KS_OK) {
        ks_free(d.raw);
        ks_free(d.iso);
        return KS_ERR_NOMEM;
    }
    return KS_OK;
}

/* First paragraph of TEXT (up to '\n'), trimmed, as a NEW string. */
static char *S_first_para(const char *text)
{
    const char *e = strchr(text, '\n');
    size_t n = e ? (size_t)(e - text) : strlen(text);
    while (n && text[0] == ' ') {
        text++;
        n--;
    }
    while (n && text[n - 1] == ' ')
        n--;
    return ks_strndup(text, n);
}

/* TEXT with every space and '\n' removed, NEW. */
static char *S_nospace(const char *text)
{
    size_t n = strlen(text);
    char *o = ks_malloc(n + 1);
    if (!o)
        return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (text[i] != ' ' && text[i] != '\n')
            o[k++] = text[i];
    o[k] = '\0';
    return o;
}

/* Department, organization and dates from one cell that is not a label. */
static ks_status S_meta_department(S_ctx *c, const char *text)
{
    ks_meta *m = &c->doc->meta;
    ks_status st = KS_OK;
    ks_buf_clear(&c->scratch);
    const char *p = text;
    char *first_dept = NULL;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        char *para = ks_strndup(p, n);
        if (!para) {
            st = KS_ERR_NOMEM;
            goto done;
        }
        char *tr = para;
        while (*tr == ' ')
            tr++;
        size_t tl = strlen(tr);
        while (tl && tr[tl - 1] == ' ')
            tr[--tl] = '\0';
        if (tl) {
            if (!S_is_org(tr) && !first_dept && !(first_dept = ks_strdup(tr))) {
                st = KS_ERR_NOMEM;
            }
        }
        ks_free(para);
        if (st != KS_OK)
            goto done;
        p += n;
        if (*p == '\n')
            p++;
    }
    if (first_dept && !m->department && !(m->department = ks_strdup(first_dept))) {
        st = KS_ERR_NOMEM;
        goto done;
    }
    /* the contact's department: the whole cell, paragraphs joined */
    ks_free(c->dept);
    c->dept = ks_strdup(text);
    if (!c->dept) {
        st = KS_ERR_NOMEM;
        goto done;
    }
    for (char *q = c->dept; *q; q++)
        if (*q == '\n')
            *q = ' ';
done:
    ks_free(first_dept);
    return st;
}

/* Lines (paragraphs) in a cell's text. */
static size_t S_nlines(const char *text)
{
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == '\n';
    return n;
}

/* NEW copy of line I of TEXT with its white space removed, or NULL. */
static char *S_line_nospace(const char *text, size_t i)
{
    const char *p = text;
    while (i > 0 && (p = strchr(p, '\n')) != NULL) {
        p++;
        i--;
    }
    if (!p)
        return ks_strdup("");
    const char *e = strchr(p, '\n');
    char *line = ks_strndup(p, e ? (size_t)(e - p) : strlen(p));
    if (!line)
        return NULL;
    char *r = S_nospace(line);
    ks_free(line);
    return r;
}

/* Append CT to the document's contacts when OK (its copies were all made);
 * otherwise, or when the push fails, free what CT holds. */
static ks_status S_push_contact(ks_doc *doc, ks_contact *ct, bool ok)
{
    if (ok && ks_vec_push(&doc->meta.contacts, ct) == KS_OK)
        return KS_OK;
    ks_free(ct->name);
    ks_free(ct->title);
    ks_free(ct->phone);
    ks_free(ct->email);
    ks_free(ct->department);
    return KS_ERR_NOMEM;
}

/* K contacts from cells whose paragraphs pair up line by line: names in
 * NC, titles in TC (may be NULL, or hold another number of lines), phones
 * in PC.  KS_ERR_FORMAT (nothing added) when a line lacks a phone. */
static ks_status S_contacts_by_line(S_ctx *c, ks_doc *doc, const S_cell *nc,
                                    const S_cell *tc, const S_cell *pc, size_t k)
{
    char phone[32];
    bool titles = tc && S_nlines(tc->text) == k;
    for (size_t j = 0; j < k; j++) {
        char *line = S_line_nospace(pc->text, j);
        if (!line)
            return KS_ERR_NOMEM;
        bool ok = S_find_phone(line, phone);
        ks_free(line);
        if (!ok)
            return j == 0 ? KS_ERR_FORMAT : KS_OK;
        ks_contact ct = {NULL, NULL, NULL, NULL, NULL};
        ct.name = S_line_nospace(nc->text, j);
        ct.title = titles ? S_line_nospace(tc->text, j) : NULL;
        ct.phone = ks_strdup(phone);
        ct.department = c->dept ? ks_strdup(c->dept) : NULL;
        if (S_push_contact(doc, &ct, ct.name && (!titles || ct.title) && ct.phone &&
                                         (!c->dept || ct.department)) != KS_OK)
            return KS_ERR_NOMEM;
    }
    return KS_OK;
}

/* Metadata from a header table (see "Metadata" at the top). */
static ks_status S_header_meta(S_ctx *c, const ks_vec *cells)
{
    ks_doc *doc = c->doc;
    ks_status st = KS_OK;
    char sq[128], iso[11], phone[32];
    char *name = NULL, *title = NULL;
    for (size_t i = 0; i < cells->len; i++) {
        const S_cell *cell = &KS_AT(*cells, S_cell, i);
        S_cell_squeeze(cell, sq, sizeof sq);
        bool is_rel = S_in(sq, S_release_labels) || strncmp(sq, "보도시점:", 13) == 0 ||
                      strncmp(sq, "보도일시:", 13) == 0;
        bool is_dist = S_in(sq, S_dist_labels) || strncmp(sq, "배포:", 7) == 0;
        if (is_rel || is_dist) {
            /* the date is in this cell (inline form) or the next one of the row */
            const char *src = NULL;
            if (ks_meta_first_date(cell->text, iso, NULL))
                src = cell->text;
            else if (i + 1 < cells->len && KS_AT(*cells, S_cell, i + 1).row == cell->row &&
                     ks_meta_first_date(KS_AT(*cells, S_cell, i + 1).text, iso, NULL))
                src = KS_AT(*cells, S_cell, i + 1).text;
            if (src) {
                char *raw = S_first_para(src);
                if (!raw)
                    goto nomem;
                st = S_add_date(doc, raw, iso, is_rel ? "release" : "distribution");
                ks_free(raw);
                if (st != KS_OK)
                    goto nomem;
                if (is_rel && !c->have_release) {
                    ks_free(doc->meta.release_date);
                    doc->meta.release_date = NULL;
                    if (S_set_str(&doc->meta.release_date, iso, 10) != KS_OK)
                        goto nomem;
                    c->have_release = true;
                } else if (S_set_str(&doc->meta.release_date, iso, 10) != KS_OK) {
                    goto nomem;
                }
            }
            continue;
        }
        if (S_is_label(sq) || S_cell_empty(cell))
            continue;
        /* the cell after a department label, or a department cell in a
         * contact row: the first non-label cell of a row that is followed by
         * a role label (책임자 / 담당자) */
        bool dept_cell = false;
        if (i > 0) {
            char psq[128];
            const S_cell *prev = &KS_AT(*cells, S_cell, i - 1);
            S_cell_squeeze(prev, psq, sizeof psq);
            if (prev->row == cell->row && S_in(psq, S_dept_labels))
                dept_cell = true;
        }
        if (!dept_cell && i + 1 < cells->len) {
            char nsq[128];
            const S_cell *next = &KS_AT(*cells, S_cell, i + 1);
            S_cell_squeeze(next, nsq, sizeof nsq);
            if (next->row == cell->row && S_in(nsq, S_role_labels))
                dept_cell = true;
        }
        if (dept_cell) {
            if (S_meta_department(c, cell->text) != KS_OK)
                goto nomem;
            continue;
        }
        if (c->header_tables == 1 && !doc->meta.organization) {
            char *first = S_first_para(cell->text);
            if (!first)
                goto nomem;
            if (S_is_org(first) && !(doc->meta.organization = ks_strdup(first))) {
                ks_free(first);
                goto nomem;
            }
            ks_free(first);
        }
        /* a contact row shows a phone number, or an e-mail address where
         * the phone would be ("(dje9350@korea.kr)") */
        char email[128] = "";
        bool has_phone = S_find_phone(cell->text, phone);
        if (!has_phone &&
            !ks_meta_find_email(cell->text, strlen(cell->text), email, sizeof email))
            continue;
        /* several people in one row, a paragraph each in the name, title
         * and phone cells ("김주봉" / "이현민" ... beside four numbers):
         * paired line by line */
        if (has_phone && i > 0 && KS_AT(*cells, S_cell, i - 1).row == cell->row) {
            const S_cell *nc = &KS_AT(*cells, S_cell, i - 1);
            const S_cell *tc = i > 1 && KS_AT(*cells, S_cell, i - 2).row == cell->row
                                   ? &KS_AT(*cells, S_cell, i - 2)
                                   : NULL;
            size_t k = S_nlines(nc->text);
            if (k >= 2 && S_nlines(cell->text) == k) {
                ks_status mst = S_contacts_by_line(c, doc, nc, tc, cell, k);
                if (mst == KS_ERR_NOMEM)
                    goto nomem;
                if (mst == KS_OK)
                    continue;
            }
        }
        /* a contact: name = the cell before, title = the one before that */
        if (i > 0 && KS_AT(*cells, S_cell, i - 1).row == cell->row) {
            const S_cell *nc = &KS_AT(*cells, S_cell, i - 1);
            S_cell_squeeze(nc, sq, sizeof sq);
            if (!S_is_label(sq) && !S_cell_empty(nc) && strlen(sq) <= 18) {
                if (!(name = S_nospace(nc->text)))
                    goto nomem;
                if (i > 1 && KS_AT(*cells, S_cell, i - 2).row == cell->row) {
                    const S_cell *tc = &KS_AT(*cells, S_cell, i - 2);
                    S_cell_squeeze(tc, sq, sizeof sq);
                    if (!S_is_label(sq) && !S_cell_empty(tc) && strlen(sq) <= 30 &&
                        !(title = S_nospace(tc->text)))
                        goto nomem;
                }
            }
        }
        ks_contact ct = {name, title, NULL, NULL, NULL};
        name = title = NULL;
        ct.phone = has_phone ? ks_strdup(phone) : NULL;
        ct.email = email[0] ? ks_strdup(email) : NULL;
        ct.department = c->dept ? ks_strdup(c->dept) : NULL;
        if (S_push_contact(doc, &ct, (!has_phone || ct.phone) && (!email[0] || ct.email) &&
                                         (!c->dept || ct.department)) != KS_OK)
            goto nomem;
    }
    return KS_OK;
nomem:
    ks_free(name);
    ks_free(title);
    return KS_NOMEM(c->err, "hwpx");
}

/* Emit every paragraph under N with hint HINT. */
static ks_status S_emit_under(S_ctx *c, const xmlNode *n, signed char hint, int depth)
{
    signed char saved = c->hint;
    c->hint = hint;
    ks_status st = S_nested(c, n, depth);
    c->hint = saved;
    return st;
}

/* Rules 3-5 for one hp:tbl. */
static ks_status S_table(S_ctx *c, const xmlNode *tbl, int depth)
{
    ks_vec cells = KS_VEC(S_cell);
    ks_buf row = {0};
    size_t nrows = 0;
    ks_status st = KS_OK;
    if (depth > HWPX_MAX_DEPTH) {
        st = S_limit_depth(c);
        goto done;
    }
    c->in_table++;
    if (S_collect_cells(tbl, &cells, &nrows) != KS_OK)
        goto nomem;
    /* a caption (hp:caption/hp:subList/hp:p) comes before the rows */
    for (const xmlNode *k = tbl->children; k && st == KS_OK; k = k->next)
        if (k->type == XML_ELEMENT_NODE && !S_is_name(k, "tr"))
            st = S_nested(c, k, depth + 1);
    if (st != KS_OK)
        goto done;

    if (S_is_header_table(&cells, c->body_seen)) { /* rule 3 */
        c->header_tables++;
        for (size_t i = 0; i < cells.len && st == KS_OK; i++)
            st = S_emit_under(c, KS_AT(cells, S_cell, i).tc, KS_ROLE_META, depth + 1);
        if (st == KS_OK)
            st = S_header_meta(c, &cells);
        goto done;
    }

    /* count non-empty cells per row */
    bool one_column = true;
    size_t total = 0;
    for (size_t r = 0, i = 0; r < nrows; r++) {
        size_t nc = 0;
        for (; i < cells.len && KS_AT(cells, S_cell, i).row == r; i++) {
            nc++;
            total += strlen(KS_AT(cells, S_cell, i).text);
        }
        if (nc != 1)
            one_column = false;
    }

    if (!c->body_seen && !c->title_done && one_column && total > 0 && total < 800 &&
        c->hint == -1) { /* rule 4 */
        c->title_done = true;
        for (size_t i = 0; i < cells.len && st == KS_OK; i++) {
            const S_cell *cell = &KS_AT(cells, S_cell, i);
            if (S_cell_empty(cell))
                continue;
            bool is_title = cell->row == 0;
            signed char h = is_title ? KS_ROLE_TITLE : cell->row == 1 ? KS_ROLE_SUMMARY : -1;
            size_t first_line = c->out->hints.len, off = c->out->text.len;
            st = S_emit_under(c, cell->tc, h, depth + 1);
            /* title lines: a "- … -" paragraph in the title cell is a
             * sub-headline (SUMMARY), and so is one set in smaller type
             * than the title's first line ("김민석 국무총리, 완도 화재" /
             * "순직 소방관에 …" at 24 pt, "유가족 위로, …" at 15 pt);
             * the rest joins doc->title */
            if (st == KS_OK)
                S_join_dashed(c, first_line, off);
            uint32_t top = is_title && first_line < c->heights.len
                               ? KS_AT(c->heights, uint32_t, first_line) : 0;
            for (size_t ln = first_line; is_title && st == KS_OK && ln < c->out->hints.len; ln++) {
                const char *lt = c->out->text.data + off;
                size_t ll = (size_t)(strchr(lt, '\n') - lt);
                off += ll + 1;
                uint32_t th = KS_AT(c->heights, uint32_t, ln);
                if (S_dash_open(lt, ll) || (th && (uint64_t)th * 100 < (uint64_t)top * HWPX_SUBHEAD_PCT)) {
                    KS_AT(c->out->hints, signed char, ln) = KS_ROLE_SUMMARY;
                    continue;
                }
                if ((c->title.len && ks_buf_putc(&c->title, ' ') != KS_OK) ||
                    ks_buf_append(&c->title, lt, ll) != KS_OK)
                    goto nomem;
            }
        }
        goto done;
    }

    /* rule 5 */
    for (size_t r = 0, i = 0; r < nrows && st == KS_OK; r++) {
        size_t first = i, ne = 0;
        for (; i < cells.len && KS_AT(cells, S_cell, i).row == r; i++)
            ne += !S_cell_empty(&KS_AT(cells, S_cell, i));
        if (ne <= 1) {
            for (size_t k = first; k < i && st == KS_OK; k++)
                if (!S_cell_empty(&KS_AT(cells, S_cell, k)))
                    st = S_emit_under(c, KS_AT(cells, S_cell, k).tc, c->hint, depth + 1);
            continue;
        }
        ks_buf_clear(&row);
        for (size_t k = first; k < i; k++) {
            const S_cell *cell = &KS_AT(cells, S_cell, k);
            if (S_cell_empty(cell))
                continue;
            if (row.len && ks_buf_puts(&row, " | ") != KS_OK)
                goto nomem;
            const char *t = cell->text;
            size_t tl = strlen(t);
            while (tl && (t[0] == ' ' || t[0] == '\n')) {
                t++;
                tl--;
            }
            while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\n'))
                tl--;
            for (size_t j = 0; j < tl; j++)
                if (ks_buf_putc(&row, t[j] == '\n' ? ' ' : t[j]) != KS_OK)
                    goto nomem;
        }
        st = S_push_line(c, row.data ? row.data : "", row.len, c->hint);
    }
    goto done;
nomem:
    st = KS_NOMEM(c->err, "hwpx");
done:
    if (depth <= HWPX_MAX_DEPTH)
        c->in_table--;
    S_cells_free(&cells);
    ks_buf_free(&row);
    return st;
}

/* Rule 2: paragraphs and tables below N (not N's own text). */
static ks_status S_nested(S_ctx *c, const xmlNode *n, int depth)
{
    if (depth > HWPX_MAX_DEPTH)
        return S_limit_depth(c);
    for (const xmlNode *k = n->children; k; k = k->next) {
        ks_status st = KS_OK;
        if (k->type != XML_ELEMENT_NODE || S_is_name(k, "t"))
            continue;
        if (S_is_name(k, "p"))
            st = S_para(c, k, depth + 1);
        else if (S_is_name(k, "tbl"))
            st = S_table(c, k, depth + 1);
        else
            st = S_nested(c, k, depth + 1);
        if (st != KS_OK)
            return st;
    }
    return KS_OK;
}

/* ---- the container --------------------------------------------------- */

typedef struct {
    zip_uint64_t total;   /* section bytes read so far */
} S_budget;

/* Read entry IDX (named NAME) into *DATA / *LEN (NEW) within the limits. */
static ks_status S_read_entry(zip_t *z, zip_uint64_t idx, const char *name, S_budget *bud,
                              char **data, size_t *len, ks_error *err)
{
    zip_stat_t zs;
    zip_file_t *f = NULL;
    char *buf = NULL;
    ks_status st = KS_OK;
    *data = NULL;
    *len = 0;
    LZ->zip_stat_init(&zs);
    if (LZ->zip_stat_index(z, idx, 0, &zs) != 0 || !(zs.valid & ZIP_STAT_SIZE)) {
        st = ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0, "%s: unreadable zip entry", name);
        goto done;
    }
    if (zs.size > HWPX_MAX_ENTRY) {
        st = ks_error_set(err, KS_ERR_LIMIT, "hwpx", 0, 0,
                          "%s: declares %llu bytes uncompressed, above the limit of %llu",
                          name, (unsigned long long)zs.size, (unsigned long long)HWPX_MAX_ENTRY);
        goto done;
    }
    if (zs.size > HWPX_MAX_TOTAL - bud->total) {
        st = ks_error_set(err, KS_ERR_LIMIT, "hwpx", 0, 0,
                          "%s: the sections together exceed %llu bytes uncompressed", name,
                          (unsigned long long)HWPX_MAX_TOTAL);
        goto done;
    }
    if ((zs.valid & ZIP_STAT_COMP_SIZE) && zs.size > HWPX_RATIO_FLOOR &&
        zs.size / (zs.comp_size ? zs.comp_size : 1) > HWPX_MAX_RATIO) {
        st = ks_error_set(err, KS_ERR_LIMIT, "hwpx", 0, 0,
                          "%s: compression ratio above %u:1 (a zip bomb?)", name, HWPX_MAX_RATIO);
        goto done;
    }
    size_t cap = (size_t)zs.size + 1; /* one more byte shows an entry that lies */
    buf = ks_malloc(cap + 1);
    if (!buf) {
        st = KS_NOMEM(err, "hwpx");
        goto done;
    }
    f = LZ->zip_fopen_index(z, idx, 0);
    if (!f) {
        st = ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0, "%s: cannot open entry: %s", name,
                          LZ->zip_strerror(z));
        goto done;
    }
    size_t got = 0;
    while (got < cap) {
        zip_int64_t n = LZ->zip_fread(f, buf + got, cap - got);
        if (n < 0) {
            st = ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0, "%s: corrupt entry: %s", name,
                              LZ->zip_file_strerror(f));
            goto done;
        }
        if (n == 0)
            break;
        got += (size_t)n;
    }
    if (got > zs.size) {
        st = ks_error_set(err, KS_ERR_LIMIT, "hwpx", 0, 0,
                          "%s: inflates beyond its declared size of %llu bytes", name,
                          (unsigned long long)zs.size);
        goto done;
    }
    buf[got] = '\0';
    bud->total += got;
    *data = buf;
    *len = got;
    buf = NULL;
done:
    if (f)
        LZ->zip_fclose(f);
    ks_free(buf);
    return st;
}

/* "Contents/section12.xml" -> 12; -1 when NAME is not a section. */
static long S_section_number(const char *name)
{
    static const char pre[] = "Contents/section";
    size_t np = sizeof pre - 1;
    if (strncmp(name, pre, np) != 0)
        return -1;
    const char *p = name + np;
    long v = 0;
    int nd = 0;
    while (S_digit(*p) && nd < 6) {
        v = v * 10 + (*p - '0');
        p++;
        nd++;
    }
    if (nd == 0 || nd >= 6 || strcmp(p, ".xml") != 0 || (nd > 1 && name[np] == '0'))
        return -1;
    return v;
}

ks_status ks_sections_order(long *num, size_t *idx, size_t n, const char *stage,
                            const char *prefix, const char *suffix, ks_error *err)
{
    for (size_t i = 1; i < n; i++) { /* insertion sort: few sections */
        long v = num[i];
        size_t x = idx[i], k = i;
        for (; k && num[k - 1] > v; k--) {
            num[k] = num[k - 1];
            idx[k] = idx[k - 1];
        }
        num[k] = v;
        idx[k] = x;
    }
    for (size_t i = 0; i < n || i == 0; i++) {
        if (i > 0 && i < n && num[i] == num[i - 1])
            return ks_error_set(err, KS_ERR_FORMAT, stage, 0, 0, "%s%ld%s appears twice", prefix,
                                num[i], suffix);
        if (i >= n || num[i] != (long)i)
            return ks_error_set(err, KS_ERR_FORMAT, stage, 0, 0, "missing %s%zu%s", prefix, i,
                                suffix);
    }
    return KS_OK;
}

/* Parse one section's bytes and emit its paragraphs. */
static ks_status S_section(S_ctx *c, const char *data, size_t len)
{
    xmlParserCtxtPtr px = NULL;
    xmlDocPtr xd = NULL;
    ks_status st = KS_OK;
    if (ks_memfind(data, len, "<!DOCTYPE") || ks_memfind(data, len, "<!ENTITY")) {
        st = ks_error_set(c->err, KS_ERR_FORMAT, "hwpx", 0, 0,
                          "%s: DOCTYPE or entity declarations are not allowed", c->section);
        goto done;
    }
    if (len > INT_MAX) {
        st = ks_error_set(c->err, KS_ERR_LIMIT, "hwpx", 0, 0, "%s: too large", c->section);
        goto done;
    }
    px = LX->xmlNewParserCtxt();
    if (!px) {
        st = KS_NOMEM(c->err, "hwpx");
        goto done;
    }
    /* a section over libxml2's text limit may hold a text that long */
    int opts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA |
               (len > KS_XML_TEXT_MAX ? XML_PARSE_HUGE : 0);
    xd = LX->xmlCtxtReadMemory(px, data, (int)len, c->section, "UTF-8", opts);
    if (!xd) {
        const xmlError *xe = LX->xmlCtxtGetLastError(px);
        char msg[120] = "not well-formed XML";
        if (xe && xe->message) {
            size_t n = strlen(xe->message);
            while (n && (xe->message[n - 1] == '\n' || xe->message[n - 1] == ' '))
                n--;
            if (n >= sizeof msg)
                n = sizeof msg - 1;
            memcpy(msg, xe->message, n);
            msg[n] = '\0';
        }
        st = ks_error_set(c->err, KS_ERR_FORMAT, "hwpx", 0, xe ? xe->line : 0, "%s: %s",
                          c->section, msg);
        goto done;
    }
    if (xd->intSubset || xd->extSubset) {
        st = ks_error_set(c->err, KS_ERR_FORMAT, "hwpx", 0, 0,
                          "%s: DOCTYPE or entity declarations are not allowed", c->section);
        goto done;
    }
    xmlNodePtr root = LX->xmlDocGetRootElement(xd);
    if (!root) {
        st = ks_error_set(c->err, KS_ERR_FORMAT, "hwpx", 0, 0, "%s: no root element",
                          c->section);
        goto done;
    }
    st = S_nested(c, root, 0);
done:
    if (xd)
        LX->xmlFreeDoc(xd);
    if (px)
        LX->xmlFreeParserCtxt(px);
    return st;
}

/* What zip Z is, where it is no HWPX document: the Office Open XML kinds
 * told by their main part (a DOCX saved where an HWPX was expected), else
 * a zip of another kind. */
static const char *S_other_zip(zip_t *z)
{
    static const struct {
        const char *part, *what;
    } kinds[] = {
        {"word/document.xml", "a DOCX document, not HWPX: extract its text first"},
        {"xl/workbook.xml", "an XLSX workbook, not HWPX: extract its text first"},
        {"ppt/presentation.xml", "a PPTX presentation, not HWPX: extract its text first"},
    };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (LZ->zip_name_locate(z, kinds[i].part, 0) >= 0)
            return kinds[i].what;
    return "a zip archive, not an HWPX document (no mimetype, no Contents/section0.xml)";
}

/* Every section named in Contents/content.hpf must be in the zip. */
static ks_status S_check_manifest(zip_t *z, const long *have, size_t nhave, S_budget *bud,
                                  ks_error *err)
{
    zip_int64_t idx = LZ->zip_name_locate(z, "Contents/content.hpf", 0);
    char *data = NULL;
    size_t len = 0;
    ks_status st = KS_OK;
    if (idx < 0)
        return KS_OK;
    S_budget mb = *bud;
    st = S_read_entry(z, (zip_uint64_t)idx, "Contents/content.hpf", &mb, &data, &len, err);
    if (st != KS_OK)
        goto done;
    const char *p = data, *end = data + len;
    while ((p = ks_memfind(p, (size_t)(end - p), "Contents/section")) != NULL) {
        char name[64];
        size_t k = 0;
        while (p + k < end && k < sizeof name - 1 && p[k] != '"' && p[k] != '\'' && p[k] != '<')
            k++;
        memcpy(name, p, k);
        name[k] = '\0';
        long num = S_section_number(name);
        bool found = num < 0;
        for (size_t i = 0; i < nhave && !found; i++)
            found = have[i] == num;
        if (!found) {
            st = ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0,
                              "missing %s (listed in Contents/content.hpf)", name);
            goto done;
        }
        p += k ? k : 1;
    }
done:
    ks_free(data);
    return st;
}

/* Start C for DOC and OUT: the heights run beside the hints, and the
 * lines OUT holds already have none. */
static ks_status S_ctx_start(S_ctx *c, ks_doc *doc, ks_extract *out, ks_error *err)
{
    c->heights = KS_VEC(uint32_t);
    c->doc = doc;
    c->out = out;
    c->err = err;
    c->hint = -1;
    if (out->hints.size == 0)
        out->hints = KS_VEC(signed char);
    for (size_t i = 0; i < out->hints.len; i++)
        if (ks_vec_push(&c->heights, &c->height) != KS_OK)
            return KS_NOMEM(err, "hwpx");
    return KS_OK;
}

/* After the last section: the title box's lines as the document's title,
 * its title_source SOURCE. */
static ks_status S_ctx_finish(S_ctx *c, const char *source)
{
    if (c->title.len && !c->doc->title) {
        size_t n = c->title.len;
        const char *t = c->title.data;
        while (n && *t == ' ') {
            t++;
            n--;
        }
        while (n && t[n - 1] == ' ')
            n--;
        /* fold the runs of spaces left by trimmed paragraph joins */
        ks_buf tb = {0};
        for (size_t i = 0; i < n; i++)
            if (!(t[i] == ' ' && tb.len && tb.data[tb.len - 1] == ' ') &&
                ks_buf_putc(&tb, t[i]) != KS_OK) {
                ks_buf_free(&tb);
                return KS_NOMEM(c->err, "hwpx");
            }
        if (tb.len) {
            c->doc->title = ks_buf_detach(&tb);
            if (!c->doc->title)
                return KS_NOMEM(c->err, "hwpx");
            c->doc->title_source = source;
        }
        ks_buf_free(&tb);
    }
    if (!c->out->text.data && ks_buf_reserve(&c->out->text, 0) != KS_OK)
        return KS_NOMEM(c->err, "hwpx");
    return KS_OK;
}

static void S_ctx_free(S_ctx *c)
{
    ks_free(c->dept);
    ks_vec_free(&c->heights);
    ks_buf_free(&c->scratch);
    ks_buf_free(&c->title);
}

ks_status ks_hwpx_extract(ks_doc *doc, const char *raw, size_t len, ks_extract *out,
                          ks_error *err)
{
    zip_error_t ze;
    zip_source_t *src = NULL;
    zip_t *z = NULL;
    char *data = NULL;
    size_t dlen = 0;
    long *secnum = NULL;           /* section number per entry, sorted */
    size_t *secidx = NULL;
    size_t nsec = 0;
    S_budget bud = {0};
    S_ctx c = {0};
    ks_status st = KS_OK;

    if (!doc || !out || (!raw && len))
        return ks_error_set(err, KS_ERR_ARG, "hwpx", 0, 0, "NULL argument");
    if (!ks_libzip_get(err, "hwpx") || !ks_libxml_get(err, "hwpx"))
        return KS_ERR_UNAVAILABLE;
    LZ->zip_error_init(&ze);
    doc->format = "hwpx";
    doc->encoding = "utf-8";
    doc->encoding_reason = "hwpx";
    doc->bytes = len;
    if ((st = S_ctx_start(&c, doc, out, err)) != KS_OK)
        goto done;
    src = LZ->zip_source_buffer_create(raw ? raw : "", len, 0, &ze);
    if (!src) {
        st = KS_NOMEM(err, "hwpx");
        goto done;
    }
    z = LZ->zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!z) {
        st = ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0, "not a readable zip archive: %s",
                          LZ->zip_error_strerror(&ze));
        LZ->zip_source_free(src);
        goto done;
    }

    /* mimetype */
    zip_int64_t mi = LZ->zip_name_locate(z, "mimetype", 0);
    if (mi >= 0) {
        S_budget mb = bud;
        st = S_read_entry(z, (zip_uint64_t)mi, "mimetype", &mb, &data, &dlen, err);
        if (st != KS_OK)
            goto done;
        while (dlen && (data[dlen - 1] == '\n' || data[dlen - 1] == '\r' || data[dlen - 1] == ' '))
            dlen--;
        if (dlen != strlen(HWPX_MIMETYPE) || memcmp(data, HWPX_MIMETYPE, dlen) != 0) {
            /* name the type it has, where it is a short printable one
             * ("application/vnd.oasis.opendocument.text": an ODT file) */
            bool shown = dlen > 0 && dlen <= 80;
            for (size_t i = 0; i < dlen && shown; i++)
                shown = data[i] > ' ' && data[i] < 0x7F;
            if (shown)
                st = ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0,
                                  "not an HWPX file: its mimetype is %.*s, not %s", (int)dlen,
                                  data, HWPX_MIMETYPE);
            else
                st = ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0,
                                  "not an HWPX file: mimetype is not %s", HWPX_MIMETYPE);
            goto done;
        }
        ks_free(data);
        data = NULL;
    } else if (ks_doc_warn(doc, "hwpx-mimetype", 0, 0,
                           "no mimetype entry; reading it as HWPX anyway") != KS_OK) {
        st = KS_NOMEM(err, "hwpx");
        goto done;
    }

    /* sections, in numeric order */
    zip_int64_t nent = LZ->zip_get_num_entries(z, 0);
    if (nent < 0)
        nent = 0;
    secnum = ks_calloc(HWPX_MAX_SECTIONS, sizeof *secnum);
    secidx = ks_calloc(HWPX_MAX_SECTIONS, sizeof *secidx);
    if (!secnum || !secidx) {
        st = KS_NOMEM(err, "hwpx");
        goto done;
    }
    for (zip_int64_t i = 0; i < nent; i++) {
        const char *name = LZ->zip_get_name(z, (zip_uint64_t)i, 0);
        long num = name ? S_section_number(name) : -1;
        if (num < 0)
            continue;
        if (nsec == HWPX_MAX_SECTIONS) {
            st = ks_error_set(err, KS_ERR_LIMIT, "hwpx", 0, 0, "more than %u sections",
                              HWPX_MAX_SECTIONS);
            goto done;
        }
        secnum[nsec] = num;
        secidx[nsec++] = (size_t)i;
    }
    if (nsec == 0 && mi < 0) { /* neither HWPX's mimetype nor a section */
        st = ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0, "%s", S_other_zip(z));
        goto done;
    }
    st = ks_sections_order(secnum, secidx, nsec, "hwpx", "Contents/section", ".xml", err);
    if (st != KS_OK)
        goto done;
    st = S_check_manifest(z, secnum, nsec, &bud, err);
    if (st != KS_OK)
        goto done;

    for (size_t i = 0; i < nsec; i++) {
        c.section = LZ->zip_get_name(z, secidx[i], 0);
        if (!c.section)
            c.section = "section";
        st = S_read_entry(z, secidx[i], c.section, &bud, &data, &dlen, err);
        if (st != KS_OK)
            goto done;
        st = S_section(&c, data, dlen);
        ks_free(data);
        data = NULL;
        if (st != KS_OK)
            goto done;
    }
    st = S_ctx_finish(&c, "hwpx");
done:
    if (z)
        LZ->zip_discard(z);
    LZ->zip_error_fini(&ze);
    ks_free(data);
    ks_free(secnum);
    ks_free(secidx);
    S_ctx_free(&c);
    return st;
}

ks_status ks_hwpx_extract_xml(ks_doc *doc, const char *xml, size_t len, const char *section,
                              const char *source, ks_extract *out, ks_error *err)
{
    S_ctx c = {0};
    if (!doc || !out || !xml || !section || !source)
        return ks_error_set(err, KS_ERR_ARG, "hwpx", 0, 0, "NULL argument");
    if (!ks_libxml_get(err, "hwpx"))
        return KS_ERR_UNAVAILABLE;
    ks_status st = S_ctx_start(&c, doc, out, err);
    if (st == KS_OK) {
        c.section = section;
        st = S_section(&c, xml, len);
    }
    if (st == KS_OK)
        st = S_ctx_finish(&c, source);
    S_ctx_free(&c);
    return st;
}
