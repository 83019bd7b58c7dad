/*
 * html.c -- other input: a saved HTML page (a board view) -> text lines +
 * role hints; also format sniffing for the pipeline.
 *
 * Stage: a reader in front of stage 2.  ks_html_extract decodes the raw
 * bytes itself with decode.c (so decode.c stays the only user of iconv),
 * hands libxml2's HTML parser UTF-8, finds the article in the tree and
 * writes one line per paragraph / list item / table row / info row, each
 * with a hint (-1 or a ks_role) that ks_split obeys.
 *
 * Invariants of the output
 *   - valid UTF-8 without NUL or CR; no '\n' inside a line; every line ends
 *     in '\n' and is non-empty after trimming; one hint per line;
 *   - nothing from script, style, noscript, template, iframe, svg, form
 *     controls, nav, header, footer, aside, or an element whose id / class
 *     names boilerplate (menu, gnb, lnb, footer, share, sns, breadcrumb ...);
 *   - no recursion over the tree: every walk is iterative (parent / next
 *     pointers), so deep pages cost time, not stack; elements nested
 *     deeper than KS_HTML_DEPTH are not read (S_index), with an
 *     "html-depth" warning, never a crash;
 *   - no text cut: libxml2 runs with XML_PARSE_HUGE, since without it it
 *     cuts a text node of over 10 MB and drops what follows (and stops at
 *     256 levels, which S_index does itself).
 * Safety: HTML_PARSE_NONET | NOERROR | NOWARNING | RECOVER | IGNORE_ENC; no
 * entity loading (the HTML parser knows only the built-in named entities).
 *
 * Encoding (first that applies)
 *   1. the caller's ENC when it is not KS_ENC_AUTO ("forced");
 *   2. a BOM (the decoder's "bom");
 *   3. <meta charset=...> or http-equiv content="...; charset=..." in the
 *      first 4 KiB; EUC-KR, KS_C_5601-1987, KSC5601, x-windows-949, CP949,
 *      "korean" mean CP949 -> reason "declared".  A declaration that the
 *      bytes contradict (declared UTF-8 but invalid; declared CP949 but the
 *      bytes are valid multibyte UTF-8) gets an "encoding-mismatch" warning
 *      and detection decides:
 *        <meta charset="euc-kr"> + UTF-8 bytes -> utf-8, warning
 *   4. detection (the decoder's auto mode).
 *
 * Finding the article (content scoring plus board-view conventions)
 *   A. Prose score of a subtree: 20 per Korean sentence ending outside links
 *      ("…했다." "…입니다." "…요."; a headline's "…고친다" has no period and
 *      does not count), plus one per 10 Hangul syllables outside links.
 *      Menus are all links, so they score ~0.
 *   B. The body: from <body>, step into the child holding the most prose as
 *      long as it holds 60 % of it and leaves at most one sentence ending
 *      outside ("다음글이 없습니다." in a neighbour box); on a page without
 *      endings, as long as the rest is <= 15 %:
 *        body > div#wrap > div.content > div.board_view > div.board_view_body
 *   C. The view: the highest of the body's three nearest ancestors whose text
 *      outside the body (links excluded) stays under 1000 characters: it
 *      holds the title, info rows, attachments and neighbours.
 *   D. In the view, before the body:
 *      - the title: the last heading (h1-h6) or element whose class / id says
 *        title / tit / subject, or the cell after a 제목 label, with at least
 *        two Hangul syllables -> KS_ROLE_TITLE, doc->title;
 *          <h6 class="tc">광주 인공지능인들, AI산업 상생발전 다짐</h6> -> title
 *      - info rows: the smallest block (div, p, li, dl, tr ...) whose text
 *        has a label 작성일 / 등록일 / 게시일 / 조회수 / 담당부서 / 작성자 /
 *        연락처 and is under 300 characters -> KS_ROLE_META; dates go to
 *        meta.release_date, 담당부서 to meta.department:
 *          <span>작성일 : 2025-12-05 17:09</span><span>96</span>
 *          -> "작성일 : 2025-12-05 17:09 96" (META), release_date 2025-12-05
 *      - other lines before the body that start with a marker (- – ▸ ○ □) are
 *        KS_ROLE_SUMMARY (a board's sub-headline); plain text in the view
 *        before the title is the board's own heading and is dropped:
 *          <h3>보도자료</h3> ... <h4 class="view_title">…</h4> -> no "보도자료"
 *      - a title in a [제목][…] row is the title cell alone.
 *   E. Attachments: links whose text ends in a file extension (.hwp .hwpx
 *      .pdf .jpg .png .zip .xlsx ...), anywhere in the view -> one
 *      KS_ROLE_ATTACHMENT line per file name; the block holding them (with
 *      its "첨부파일" label and "전체 다운로드" buttons) gives no other line.
 *   F. Neighbours: in the whole page, a list item or row starting with
 *      이전글 / 다음글 / 윗글 / 아랫글, and board list tables (a header row
 *      with 제목 and 번호 or 작성일 / 등록일) -> KS_ROLE_RELATED lines;
 *      "다음글이 존재하지 않습니다" and header rows are dropped.
 *   G. Lines: p, div, li, h1-h6, tr, dt, dd, blockquote, pre ... and <br>
 *      end a line (a line with no role that a <br> ends is KS_HINT_SOFT:
 *      split rejoins such lines where the article is hard-wrapped with a
 *      <br> at every line); white space runs fold to one space; a list
 *      item gets a "- " (ul) or "N. " (ol) marker; a table row with two
 *      or more non-empty cells is one line, cells joined by " | "; a row
 *      with one non-empty cell is layout and its blocks stay lines.
 *      Nothing outside the view reaches the output except F.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "dynlib.h"
#include "meta.h"

#define KS_HTML_DEPTH 256 /* elements deeper than this are not read */

/* libxml2, loaded by ks_html_extract before any node is read */
#define LX (ks_libxml_api())

/* ---- sniffing and ks_extract (no libxml2 needed) --------------------- */

void ks_extract_free(ks_extract *x)
{
    if (!x)
        return;
    ks_buf_free(&x->text);
    ks_vec_free(&x->hints);
}

static unsigned char S_lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* Case-insensitive (ASCII) search of NEEDLE (lower case) in S[0..N). */
static const char *S_ifind(const char *s, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (!m || n < m)
        return NULL;
    for (size_t i = 0; i + m <= n; i++) {
        size_t k = 0;
        while (k < m && S_lower((unsigned char)s[i + k]) == (unsigned char)needle[k])
            k++;
        if (k == m)
            return s + i;
    }
    return NULL;
}

ks_format ks_sniff_format(const char *raw, size_t len)
{
    const unsigned char *s = (const unsigned char *)raw;
    if (!raw)
        return KS_FROM_TEXT;
    if (len >= 8 && memcmp(s, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0)
        return KS_FROM_HWP; /* an OLE file: the HWP reader tells an HWP 5 one */
    if (len >= 4 && memcmp(s, "PK\3\4", 4) == 0) {
        /* OCF: the first entry is "mimetype", stored, holding the type */
        size_t n = len < 512 ? len : 512;
        if (S_ifind(raw, n, "application/hwp+zip") || S_ifind(raw, n, "mimetype"))
            return KS_FROM_HWPX;
        return KS_FROM_HWPX; /* any zip: the HWPX reader gives a clear error */
    }
    size_t i = 0;
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        i = 3;
    while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
        i++;
    size_t n = len - i < 1024 ? len - i : 1024;
    const char *p = raw + i;
    static const char *const starts[] = {"<!doctype html", "<html", "<head", "<body", "<meta",
                                         "<title", "<div", "<table", "<p>", "<!--", NULL};
    for (const char *const *st = starts; *st; st++) {
        size_t m = strlen(*st);
        if (n >= m && S_ifind(p, m, *st) == p)
            return (strcmp(*st, "<!--") == 0 && !S_ifind(p, n, "<html")) ? KS_FROM_TEXT
                                                                          : KS_FROM_HTML;
    }
    return KS_FROM_TEXT;
}

/* ---- encoding ------------------------------------------------------- */

static ks_encoding S_label(const char *s, size_t n)
{
    char lab[40];
    size_t k = 0;
    while (k < n && k < sizeof lab - 1) {
        lab[k] = (char)S_lower((unsigned char)s[k]);
        k++;
    }
    lab[k] = '\0';
    if (!strcmp(lab, "utf-8") || !strcmp(lab, "utf8"))
        return KS_ENC_UTF8;
    static const char *const kr[] = {"euc-kr", "euckr", "ks_c_5601-1987", "ks_c_5601",
                                     "ksc5601", "ksc_5601", "x-windows-949", "windows-949",
                                     "cp949", "ms949", "korean", "cseuckr", "x-euc-kr",
                                     "iso-ir-149", "uhc", NULL};
    for (const char *const *p = kr; *p; p++)
        if (!strcmp(lab, *p))
            return KS_ENC_CP949;
    if (!strcmp(lab, "utf-16") || !strcmp(lab, "utf-16le") || !strcmp(lab, "utf-16be"))
        return KS_ENC_AUTO; /* a page saved as UTF-16 has a BOM; trust it */
    return KS_ENC_AUTO;
}

/* The charset declared in the first 4 KiB, or KS_ENC_AUTO; LABEL gets it. */
static ks_encoding S_declared(const char *raw, size_t len, char label[40])
{
    size_t n = len < 4096 ? len : 4096;
    const char *p = raw, *end = raw + n;
    label[0] = '\0';
    while ((p = S_ifind(p, (size_t)(end - p), "<meta")) != NULL) {
        const char *gt = memchr(p, '>', (size_t)(end - p));
        if (!gt)
            break;
        const char *cs = S_ifind(p, (size_t)(gt - p), "charset");
        if (cs) {
            const char *v = cs + 7;
            while (v < gt && (*v == ' ' || *v == '=' || *v == '"' || *v == '\''))
                v++;
            const char *e = v;
            while (e < gt && *e != '"' && *e != '\'' && *e != ' ' && *e != ';' && *e != '/')
                e++;
            size_t m = (size_t)(e - v) < 39 ? (size_t)(e - v) : 39;
            memcpy(label, v, m);
            label[m] = '\0';
            for (size_t i = 0; i < m; i++)
                if ((unsigned char)label[i] < 0x20 || (unsigned char)label[i] > 0x7E)
                    label[i] = '?';
            return S_label(v, (size_t)(e - v));
        }
        p = gt;
    }
    return KS_ENC_AUTO;
}

static bool S_has_multibyte_utf8(const char *s, size_t n)
{
    if (ks_utf8_valid_prefix((const unsigned char *)s, n) != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80)
            return true;
    return false;
}

typedef struct {
    ks_doc *doc;
    ks_status st;
} S_warn_ctx;

static void S_decode_warn(void *ctx, uint64_t offset, size_t nbytes)
{
    S_warn_ctx *w = ctx;
    if (w->st == KS_OK &&
        ks_doc_warn(w->doc, "decode", offset, 0, "%zu undecodable byte%s replaced by U+FFFD",
                    nbytes, nbytes == 1 ? "" : "s") != KS_OK)
        w->st = KS_ERR_NOMEM;
}

static ks_status S_decode(ks_doc *doc, const char *raw, size_t len, ks_encoding enc, bool strict,
                          ks_buf *utf8, ks_error *err)
{
    ks_decoder *d = NULL;
    ks_status st = KS_OK;
    bool declared = false;
    S_warn_ctx w = {doc, KS_OK};
    const unsigned char *s = (const unsigned char *)raw;
    bool bom = (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) ||
               (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF)));
    if (enc == KS_ENC_AUTO && !bom) {
        char label[40];
        ks_encoding dec = S_declared(raw, len, label);
        if (dec == KS_ENC_UTF8) {
            if (ks_utf8_valid_prefix(s, len) == len)
                enc = dec;
            else if (ks_doc_warn(doc, "encoding-mismatch", 0, 0,
                                 "the page declares %s but its bytes are not valid UTF-8",
                                 label) != KS_OK)
                goto nomem;
        } else if (dec == KS_ENC_CP949) {
            if (!S_has_multibyte_utf8(raw, len))
                enc = dec;
            else if (ks_doc_warn(doc, "encoding-mismatch", 0, 0,
                                 "the page declares %s but its bytes are UTF-8", label) != KS_OK)
                goto nomem;
        } else if (label[0] && ks_doc_warn(doc, "encoding-unknown", 0, 0,
                                           "unsupported charset \"%s\"; detecting", label) !=
                                   KS_OK) {
            goto nomem;
        }
        declared = enc != KS_ENC_AUTO;
    }
    d = ks_decoder_new(enc, strict, err);
    if (!d) {
        st = err ? err->code : KS_ERR_NOMEM;
        goto done;
    }
    st = ks_decoder_feed(d, raw ? raw : "", len, utf8, S_decode_warn, &w, err);
    if (st == KS_OK)
        st = ks_decoder_finish(d, utf8, S_decode_warn, &w, err);
    if (st != KS_OK)
        goto done;
    if (w.st != KS_OK)
        goto nomem;
    doc->encoding = ks_decoder_encoding(d);
    doc->encoding_reason = declared ? "declared" : ks_decoder_reason(d);
    goto done;
nomem:
    st = KS_NOMEM(err, "html");
done:
    ks_decoder_free(d);
    return st;
}

/* ---- the tree: per-element facts kept in node->_private ------------- */

enum { S_R_NONE = 0, S_R_SKIP, S_R_TITLE, S_R_META, S_R_ATTACH, S_R_RELATED, S_R_BODY };

typedef struct {
    double prose;     /* rule A, non-link */
    double endings;   /* sentence endings, non-link */
    size_t text;      /* non-space bytes of text outside links */
    size_t all;       /* non-space bytes of text, links included */
    int role;         /* S_R_* mark */
    unsigned depth;   /* elements from the root, the root 1 */
    bool skip;        /* boilerplate subtree, or deeper than KS_HTML_DEPTH */
} S_info;

typedef struct {
    ks_doc *doc;
    ks_extract *out;
    ks_error *err;
    S_info *info;      /* one per element, indexed through _private */
    size_t ninfo;
    xmlNode *body;     /* rule B */
    xmlNode *view;     /* rule C */
    ks_buf line;       /* the line being built */
    signed char line_hint;
    bool line_space;   /* a space is pending */
    xmlNode *title;    /* rule D's title element, or NULL */
    bool title_passed; /* the walk has reached it */
    bool too_deep;     /* elements below KS_HTML_DEPTH were skipped */
    long deep_line;    /* the first one's line */
} S_ctx;

static S_info *S_get(const S_ctx *c, const xmlNode *n)
{
    uintptr_t k = (uintptr_t)n->_private;
    return k && k <= c->ninfo ? &c->info[k - 1] : NULL;
}

static bool S_tag(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           strcmp((const char *)n->name, name) == 0;
}

static bool S_tag_in(const xmlNode *n, const char *const *names)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    for (; *names; names++)
        if (strcmp((const char *)n->name, *names) == 0)
            return true;
    return false;
}

static const char *const S_skip_tags[] = {
    "script", "style", "noscript", "template", "iframe", "svg", "object", "embed", "canvas",
    "input", "select", "button", "textarea", "option", "nav", "header", "footer", "aside",
    "head", "map", "video", "audio", NULL};

static const char *const S_block_tags[] = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
    "table", "tbody", "thead", "tfoot", "blockquote", "pre", "section", "article", "main",
    "form", "fieldset", "figure", "figcaption", "address", "center", "caption", "hr", NULL};

/* Blocks that hold one paragraph's text (rule B does not step into one
 * that has a sentence, or ten syllables of text, beside it). */
static const char *const S_para_tags[] = {"p", "li", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
                                          "h6", "blockquote", "pre", "address", NULL};

/* Boilerplate names in id / class (ASCII, lower-cased before matching). */
static const char *const S_boiler[] = {
    "menu", "gnb", "lnb", "snb", "tnb", "footer", "share", "sns", "breadcrumb", "navi",
    "quick", "skip", "banner", "popup", "modal", "copyright", "sitemap", "search", "util",
    "login", "family", "kogl", "license", "btn", "blind", "sr-only", "satisf",
    "survey", "location", NULL};

static bool S_attr_boiler(const xmlNode *n, const char *attr)
{
    xmlChar *v = LX->xmlGetProp((xmlNodePtr)n, (const xmlChar *)attr);
    bool hit = false;
    if (!v)
        return false;
    size_t len = strlen((const char *)v);
    for (const char *const *w = S_boiler; *w && !hit; w++)
        hit = S_ifind((const char *)v, len, *w) != NULL;
    if (!hit) {
        /* "header" names a page header, unless it heads a view / board */
        const char *h = S_ifind((const char *)v, len, "header");
        if (h && !S_ifind((const char *)v, len, "view") && !S_ifind((const char *)v, len, "board") &&
            !S_ifind((const char *)v, len, "bbs") && !S_ifind((const char *)v, len, "article"))
            hit = true;
    }
    LX->xmlFree(v);
    return hit;
}

static bool S_is_skip(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    if (S_tag_in(n, S_skip_tags))
        return true;
    xmlChar *st = LX->xmlGetProp((xmlNodePtr)n, (const xmlChar *)"style");
    bool hidden = false;
    if (st) {
        size_t len = strlen((const char *)st);
        hidden = S_ifind((const char *)st, len, "display:none") ||
                 S_ifind((const char *)st, len, "display: none");
        LX->xmlFree(st);
    }
    if (hidden || LX->xmlHasProp((xmlNodePtr)n, (const xmlChar *)"hidden"))
        return true;
    return S_attr_boiler(n, "class") || S_attr_boiler(n, "id");
}

/* Next node in document order; DESCEND false skips N's subtree.  Never
 * leaves ROOT's subtree. */
static xmlNode *S_next(xmlNode *n, const xmlNode *root, bool descend)
{
    if (descend && n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

static bool S_inside(const xmlNode *n, const xmlNode *anc)
{
    for (; n; n = n->parent)
        if (n == anc)
            return true;
    return false;
}

static bool S_in_link(const xmlNode *n)
{
    for (n = n->parent; n; n = n->parent)
        if (S_tag(n, "a"))
            return true;
    return false;
}

/* Rule A on one text node. */
static void S_text_score(const char *s, double *prose, double *nend, size_t *nonspace)
{
    size_t n = strlen(s);
    double hangul = 0, endings = 0;
    size_t ns = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = ks_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (!k)
            k = 1;
        if (!ks_is_space(cp) && cp != ' ' && cp != '\n' && cp != '\t' && cp != '\r')
            ns += k;
        if (ks_is_hangul(cp)) {
            hangul++;
            if (cp == 0xB2E4 /* 다 */ || cp == 0xC694 /* 요 */) {
                uint32_t nx = 0;
                if (i + k < n)
                    ks_utf8_decode((const unsigned char *)s + i + k, n - i - k, &nx);
                if (nx == '.') /* a headline's "…고친다" has no period */
                    endings++;
            }
        }
        i += k;
    }
    *prose = endings * 20 + hangul / 10;
    *nend = endings;
    *nonspace = ns;
}

/* Index the elements, mark boilerplate, and sum rule A bottom-up. */
static ks_status S_index(S_ctx *c, xmlNode *root)
{
    size_t n = 0;
    for (xmlNode *k = root; k; k = S_next(k, root, true))
        if (k->type == XML_ELEMENT_NODE)
            n++;
    c->info = ks_calloc(n ? n : 1, sizeof *c->info);
    if (!c->info)
        return KS_NOMEM(c->err, "html");
    c->ninfo = n;
    size_t i = 0;
    for (xmlNode *k = root; k; k = S_next(k, root, true))
        if (k->type == XML_ELEMENT_NODE)
            k->_private = (void *)(uintptr_t)(++i);
    /* skip marks: a skipped element's whole subtree is skipped; so is
     * one deeper than KS_HTML_DEPTH (the walks below cost the depth per
     * text node: 40k levels took 24 s) */
    for (xmlNode *k = root; k;) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        if (in) {
            const S_info *up = k->parent ? S_get(c, k->parent) : NULL;
            in->depth = up ? up->depth + 1 : 1;
        }
        if (in && (S_is_skip(k) || in->depth > KS_HTML_DEPTH)) {
            in->skip = true;
            if (in->depth > KS_HTML_DEPTH && !c->too_deep) {
                c->too_deep = true;
                c->deep_line = k->line; /* libxml2 stops counting at 65535 */
            }
            k = S_next(k, root, false);
            continue;
        }
        k = S_next(k, root, true);
    }
    /* text facts, added to every non-skipped ancestor (climbing stops at
     * the first skipped one, whose subtree is not walked anyway) */
    for (xmlNode *k = root; k;) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        if (in && in->skip) {
            k = S_next(k, root, false);
            continue;
        }
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
            double prose, nend;
            size_t ns;
            S_text_score((const char *)k->content, &prose, &nend, &ns);
            bool link = S_in_link(k);
            for (xmlNode *a = k->parent; a; a = a->parent) {
                S_info *ai = a->type == XML_ELEMENT_NODE ? S_get(c, a) : NULL;
                if (!ai)
                    continue;
                ai->all += ns;
                if (!link) {
                    ai->prose += prose;
                    ai->endings += nend;
                    ai->text += ns;
                }
            }
        }
        k = S_next(k, root, true);
    }
    return KS_OK;
}

/* Rule B. */
static xmlNode *S_find_body(S_ctx *c, xmlNode *start)
{
    xmlNode *cur = start;
    for (;;) {
        S_info *ci = S_get(c, cur);
        if (!ci || ci->prose <= 0)
            return cur;
        xmlNode *best = NULL;
        double bp = -1, be = 0;
        for (xmlNode *k = cur->children; k; k = k->next) {
            S_info *ki = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
            if (ki && !ki->skip && ki->prose > bp) {
                bp = ki->prose;
                be = ki->endings;
                best = k;
            }
        }
        if (!best)
            return cur;
        double rest = ci->prose - bp;
        bool step = ci->endings > 0 ? (bp >= 0.6 * ci->prose && ci->endings - be <= 1)
                                    : rest <= 0.15 * ci->prose;
        /* one paragraph is not the body when a sentence, or ten
         * syllables of text, stand beside it (outside links):
         * <body><h3>…</h3><p>(four sentences)</p><p>(one)</p> (a page
         * exported from a word processor) keeps its last paragraph, and
         * <h3>…</h3><p>(a line with no period)</p><p>(a sentence)</p> its
         * heading and first paragraph */
        if (!step || (S_tag_in(best, S_para_tags) && (ci->endings > be || rest >= 1.0)))
            return cur;
        cur = best;
    }
}

/* Rule C. */
static xmlNode *S_find_view(S_ctx *c, xmlNode *body)
{
    xmlNode *view = body;
    S_info *bi = S_get(c, body);
    xmlNode *a = body->parent;
    for (int up = 0; up < 3 && a && a->type == XML_ELEMENT_NODE; up++, a = a->parent) {
        if (S_tag(a, "body") || S_tag(a, "html"))
            break;
        S_info *ai = S_get(c, a);
        if (!ai || !bi || ai->text - bi->text >= 1000)
            break;
        view = a;
    }
    return view;
}

/* ---- text helpers ---------------------------------------------------- */

/* All text under N (skips skipped subtrees), folded, appended to B. */
static ks_status S_flat(S_ctx *c, xmlNode *n, ks_buf *b)
{
    bool space = b->len > 0;
    for (xmlNode *k = n; k;) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        if (in && in->skip) {
            k = S_next(k, n, false);
            continue;
        }
        if (k != n && (S_tag_in(k, S_block_tags) || S_tag(k, "br") || S_tag(k, "td") ||
                       S_tag(k, "th")))
            space = true;
        if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content) {
            for (const char *p = (const char *)k->content; *p; p++) {
                unsigned char u = (unsigned char)*p;
                if (u <= 0x20 || u == 0x7F) {
                    space = true;
                    continue;
                }
                if (space && b->len && ks_buf_putc(b, ' ') != KS_OK)
                    return KS_ERR_NOMEM;
                space = false;
                if (ks_buf_putc(b, *p) != KS_OK)
                    return KS_ERR_NOMEM;
            }
        }
        k = S_next(k, n, true);
    }
    return KS_OK;
}

static bool S_has_hangul(const char *s, size_t n, int atleast)
{
    int count = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = ks_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        i += k ? k : 1;
        if (ks_is_hangul(cp) && ++count >= atleast)
            return true;
    }
    return false;
}

static const char *const S_info_labels[] = {"작성일", "등록일", "게시일", "조회수", "조회",
                                            "담당부서", "작성자", "연락처", "등록자", "담당자",
                                            "수정일", "배포일", NULL};

static bool S_has_info_label(const char *s)
{
    for (const char *const *l = S_info_labels; *l; l++)
        if (strstr(s, *l))
            return true;
    return false;
}

static const char *const S_file_ext[] = {".hwp", ".hwpx", ".pdf", ".jpg", ".jpeg", ".png",
                                         ".gif", ".zip", ".xlsx", ".xls", ".docx", ".doc",
                                         ".pptx", ".ppt", ".txt", ".hwt", ".odt", ".mp4", ".csv",
                                         NULL};

/* Does TEXT (trimmed, folded) end in a file extension? */
static bool S_is_file_name(const char *s, size_t n)
{
    while (n && s[n - 1] == ' ')
        n--;
    /* "파일명.hwp (123KB)" -> look at the text before a size in brackets */
    if (n && (s[n - 1] == ')' || s[n - 1] == ']')) {
        size_t k = n;
        while (k && s[k - 1] != '(' && s[k - 1] != '[')
            k--;
        if (k && k < n && S_ifind(s + k, n - k, "b"))
            n = k - 1;
        while (n && s[n - 1] == ' ')
            n--;
    }
    for (const char *const *e = S_file_ext; *e; e++) {
        size_t m = strlen(*e);
        if (n > m && S_ifind(s + n - m, m, *e) == s + n - m)
            return true;
    }
    return false;
}

/* ---- marking (rules D-F) --------------------------------------------- */

static const char *const S_heading_tags[] = {"h1", "h2", "h3", "h4", "h5", "h6", NULL};

static bool S_attr_has(const xmlNode *n, const char *attr, const char *word)
{
    xmlChar *v = LX->xmlGetProp((xmlNodePtr)n, (const xmlChar *)attr);
    if (!v)
        return false;
    bool hit = S_ifind((const char *)v, strlen((const char *)v), word) != NULL;
    LX->xmlFree(v);
    return hit;
}

static bool S_title_like(const xmlNode *n)
{
    if (S_tag_in(n, S_heading_tags))
        return true;
    if (n->type != XML_ELEMENT_NODE)
        return false;
    static const char *const w[] = {"title", "tit", "subject", "sbj", NULL};
    for (const char *const *p = w; *p; p++)
        if ((S_attr_has(n, "class", *p) && !S_attr_has(n, "class", "subtit")) ||
            S_attr_has(n, "id", *p))
            return true;
    return false;
}

/* Rule D: the title in the view before the body. */
static ks_status S_mark_title(S_ctx *c, ks_buf *tmp)
{
    xmlNode *best = NULL;
    for (xmlNode *k = c->view; k;) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        if (k == c->body)
            break;
        if (in && in->skip) {
            k = S_next(k, c->view, false);
            continue;
        }
        bool cand = false;
        if (in && S_title_like(k)) {
            cand = true;
        } else if (in && (S_tag(k, "th") || S_tag(k, "dt"))) {
            ks_buf_clear(tmp);
            if (S_flat(c, k, tmp) != KS_OK)
                return KS_NOMEM(c->err, "html");
            if (tmp->data && strstr(tmp->data, "제목") && tmp->len < 12) {
                xmlNode *v = k->next;
                while (v && v->type != XML_ELEMENT_NODE)
                    v = v->next;
                if (v && !S_inside(v, c->body)) {
                    k = v;
                    in = S_get(c, v);
                    cand = in != NULL;
                }
            }
        }
        if (cand) {
            ks_buf_clear(tmp);
            if (S_flat(c, k, tmp) != KS_OK)
                return KS_NOMEM(c->err, "html");
            if (tmp->len < 400 && S_has_hangul(tmp->data ? tmp->data : "", tmp->len, 2) &&
                !S_has_info_label(tmp->data)) {
                best = k;
                k = S_next(k, c->view, false);
                continue;
            }
        }
        k = S_next(k, c->view, true);
    }
    if (best)
        S_get(c, best)->role = S_R_TITLE;
    c->title = best;
    return KS_OK;
}

/* Rule D (info rows) and E (attachments) in the view; F in the page. */
static ks_status S_mark_parts(S_ctx *c, xmlNode *root, ks_buf *tmp)
{
    /* info rows: smallest block before the body with a label, < 300 */
    for (xmlNode *k = c->view; k && k != c->body;) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        if (in && (in->skip || in->role)) {
            k = S_next(k, c->view, false);
            continue;
        }
        if (in && !S_inside(c->body, k) && (S_tag_in(k, S_block_tags) || S_tag(k, "span")) &&
            !S_tag(k, "table") && !S_tag(k, "tbody") && in->all < 300) {
            ks_buf_clear(tmp);
            if (S_flat(c, k, tmp) != KS_OK)
                return KS_NOMEM(c->err, "html");
            if (tmp->data && S_has_info_label(tmp->data)) {
                /* climb to the smallest block that holds it (a span row's div) */
                xmlNode *m = k;
                while (!S_tag_in(m, S_block_tags) && m->parent && m->parent != c->view)
                    m = m->parent;
                S_info *mi = S_get(c, m);
                bool has_title = false;
                for (xmlNode *t = m; t && !has_title; t = S_next(t, m, true))
                    has_title = t->type == XML_ELEMENT_NODE && S_get(c, t) &&
                                S_get(c, t)->role == S_R_TITLE;
                if (mi && !has_title && !S_inside(c->body, m)) {
                    mi->role = S_R_META;
                    k = S_next(m, c->view, false);
                    continue;
                }
            }
        }
        k = S_next(k, c->view, true);
    }
    /* attachments: the block holding file links */
    for (xmlNode *k = c->view; k;) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        if (in && (in->skip || (in->role && in->role != S_R_BODY))) {
            k = S_next(k, c->view, false);
            continue;
        }
        if (S_tag(k, "a")) {
            ks_buf_clear(tmp);
            if (S_flat(c, k, tmp) != KS_OK)
                return KS_NOMEM(c->err, "html");
            if (tmp->data && S_is_file_name(tmp->data, tmp->len)) {
                /* the attachment block: nearest ancestor block outside the
                 * body whose link text is most of its text */
                xmlNode *blk = k;
                for (xmlNode *a = k->parent; a && a != c->view && a != c->body; a = a->parent) {
                    S_info *ai = S_get(c, a);
                    if (!ai || ai->text > 200 || ai->role)
                        break;
                    blk = a;
                }
                S_get(c, blk)->role = S_R_ATTACH;
                k = S_next(blk, c->view, false);
                continue;
            }
        }
        k = S_next(k, c->view, true);
    }
    /* neighbours and board lists anywhere in the page */
    for (xmlNode *k = root; k;) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        if (in && (in->skip || in->role)) {
            k = S_next(k, root, false);
            continue;
        }
        if (k == c->body) {
            k = S_next(k, root, false);
            continue;
        }
        if (in && (S_tag(k, "li") || S_tag(k, "tr") || S_tag(k, "dl") || S_tag(k, "p") ||
                   S_tag(k, "div")) && in->all < 400) {
            ks_buf_clear(tmp);
            if (S_flat(c, k, tmp) != KS_OK)
                return KS_NOMEM(c->err, "html");
            bool hit = tmp->data && ks_meta_neighbour_label(tmp->data, tmp->len) > 0;
            if (hit && !(S_tag(k, "div") && k->children && in->all > 200)) {
                in->role = S_R_RELATED;
                k = S_next(k, root, false);
                continue;
            }
        }
        if (in && S_tag(k, "table")) {
            /* a board list: a header row naming 제목 and 번호 / 작성일 / 등록일 */
            xmlNode *th = NULL;
            for (xmlNode *t = k; t && !th; t = S_next(t, k, true))
                if (S_tag(t, "th"))
                    th = t->parent;
            if (th) {
                ks_buf_clear(tmp);
                if (S_flat(c, th, tmp) != KS_OK)
                    return KS_NOMEM(c->err, "html");
                if (tmp->data && strstr(tmp->data, "제목") &&
                    (strstr(tmp->data, "번호") || strstr(tmp->data, "작성일") ||
                     strstr(tmp->data, "등록일"))) {
                    in->role = S_R_RELATED;
                    S_get(c, th)->skip = true; /* the header row gives no line */
                    k = S_next(k, root, false);
                    continue;
                }
            }
        }
        k = S_next(k, root, true);
    }
    return KS_OK;
}

/* ---- line output (rule G) ------------------------------------------- */

static ks_status S_push(S_ctx *c, const char *s, size_t len, signed char hint)
{
    while (len && s[0] == ' ') {
        s++;
        len--;
    }
    while (len && s[len - 1] == ' ')
        len--;
    if (!len)
        return KS_OK;
    if (hint == KS_ROLE_RELATED && (S_ifind(s, len, "없습니다") || S_ifind(s, len, "않습니다") || S_ifind(s, len, "없음")))
        return KS_OK;
    if (ks_buf_append(&c->out->text, s, len) != KS_OK || ks_buf_putc(&c->out->text, '\n') != KS_OK ||
        ks_vec_push(&c->out->hints, &hint) != KS_OK)
        return KS_NOMEM(c->err, "html");
    return KS_OK;
}

/* End the current line; SOFT: at a <br> inside its block (a line with no
 * role is then pushed as KS_HINT_SOFT, for split to rejoin where the
 * page's <br> lines are hard-wrapped text). */
static ks_status S_end_line(S_ctx *c, bool soft)
{
    ks_status st = KS_OK;
    signed char hint = soft && c->line_hint == -1 ? KS_HINT_SOFT : c->line_hint;
    if (c->line.len)
        st = S_push(c, c->line.data, c->line.len, hint);
    ks_buf_clear(&c->line);
    c->line_space = false;
    c->line_hint = -1;
    return st;
}

static ks_status S_flush(S_ctx *c)
{
    return S_end_line(c, false);
}

/* The hint for text at N: the nearest marked ancestor's role. */
static signed char S_hint_at(const S_ctx *c, const xmlNode *n)
{
    for (const xmlNode *a = n; a; a = a->parent) {
        const S_info *ai = a->type == XML_ELEMENT_NODE ? S_get(c, a) : NULL;
        if (!ai || !ai->role)
            continue;
        switch (ai->role) {
        case S_R_TITLE: return KS_ROLE_TITLE;
        case S_R_META: return KS_ROLE_META;
        case S_R_RELATED: return KS_ROLE_RELATED;
        case S_R_ATTACH: return KS_ROLE_ATTACHMENT;
        default: return -1;
        }
    }
    return -1;
}

static ks_status S_text(S_ctx *c, const xmlNode *k, const char *s)
{
    for (const char *p = s; *p; p++) {
        unsigned char u = (unsigned char)*p;
        if (u <= 0x20 || u == 0x7F) {
            c->line_space = true;
            continue;
        }
        if (!c->line.len)
            c->line_hint = S_hint_at(c, k);
        else if (c->line_space && ks_buf_putc(&c->line, ' ') != KS_OK)
            return KS_NOMEM(c->err, "html");
        c->line_space = false;
        if (ks_buf_putc(&c->line, *p) != KS_OK)
            return KS_NOMEM(c->err, "html");
    }
    return KS_OK;
}

/* Non-empty cells of a table row (direct td / th children). */
static size_t S_row_cells(S_ctx *c, xmlNode *tr)
{
    size_t n = 0;
    for (xmlNode *k = tr->children; k; k = k->next) {
        S_info *in = (S_tag(k, "td") || S_tag(k, "th")) ? S_get(c, k) : NULL;
        if (in && !in->skip && in->all > 0)
            n++;
    }
    return n;
}

/* One data row: cells flattened, joined by " | ". */
static ks_status S_row_line(S_ctx *c, xmlNode *tr, ks_buf *tmp)
{
    ks_buf row = {0};
    ks_status st = KS_OK;
    for (xmlNode *k = tr->children; k; k = k->next) {
        S_info *in = (S_tag(k, "td") || S_tag(k, "th")) ? S_get(c, k) : NULL;
        if (in && in->role == S_R_TITLE) { /* [제목][the title]: the title alone */
            c->title_passed = true;
            ks_buf_clear(tmp);
            if (S_flat(c, k, tmp) != KS_OK) {
                st = KS_NOMEM(c->err, "html");
                goto done;
            }
            st = S_push(c, tmp->data ? tmp->data : "", tmp->len, KS_ROLE_TITLE);
            goto done;
        }
    }
    for (xmlNode *k = tr->children; k; k = k->next) {
        S_info *in = (S_tag(k, "td") || S_tag(k, "th")) ? S_get(c, k) : NULL;
        if (!in || in->skip || in->all == 0)
            continue;
        ks_buf_clear(tmp);
        if (S_flat(c, k, tmp) != KS_OK || (row.len && ks_buf_puts(&row, " | ") != KS_OK) ||
            ks_buf_append(&row, tmp->data ? tmp->data : "", tmp->len) != KS_OK) {
            st = KS_NOMEM(c->err, "html");
            goto done;
        }
    }
    st = S_push(c, row.data ? row.data : "", row.len, S_hint_at(c, tr));
done:
    ks_buf_free(&row);
    return st;
}

/* Emit the attachment names under N, one line each. */
static ks_status S_attachments(S_ctx *c, xmlNode *n, ks_buf *tmp)
{
    for (xmlNode *k = n; k; k = S_next(k, n, true)) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        if (!in || !S_tag(k, "a") || in->skip)
            continue;
        ks_buf_clear(tmp);
        if (S_flat(c, k, tmp) != KS_OK)
            return KS_NOMEM(c->err, "html");
        if (tmp->data && S_is_file_name(tmp->data, tmp->len)) {
            ks_status st = S_push(c, tmp->data, tmp->len, KS_ROLE_ATTACHMENT);
            if (st != KS_OK)
                return st;
        }
    }
    return KS_OK;
}

/* Is N inside something that gives output: the view, or a RELATED mark? */
static bool S_wanted(const S_ctx *c, const xmlNode *n)
{
    if (S_inside(n, c->view))
        return true;
    for (const xmlNode *a = n; a; a = a->parent) {
        const S_info *ai = a->type == XML_ELEMENT_NODE ? S_get(c, a) : NULL;
        if (ai && ai->role == S_R_RELATED)
            return true;
    }
    return false;
}

static bool S_marker_start(const char *s)
{
    static const char *const m[] = {"-", "–", "▸", "▶", "○", "□", "◦", "ㅇ", "※", NULL};
    for (const char *const *p = m; *p; p++)
        if (strncmp(s, *p, strlen(*p)) == 0)
            return true;
    return false;
}

/* Rule G over the page; only wanted parts produce lines. */
static ks_status S_emit(S_ctx *c, xmlNode *root)
{
    ks_buf tmp = {0};
    ks_status st = KS_OK;
    size_t view_start_line = 0, body_start_line = SIZE_MAX;
    bool in_view = false;
    for (xmlNode *k = root; k;) {
        S_info *in = k->type == XML_ELEMENT_NODE ? S_get(c, k) : NULL;
        bool descend = true;
        if ((in && in->skip) || (k->type == XML_ELEMENT_NODE && !S_wanted(c, k))) {
            /* skipped: not walked; unwanted: walked, a wanted part may be below */
            descend = !(in && in->skip);
            goto next;
        }
        if (k == c->view && !in_view) {
            if ((st = S_flush(c)) != KS_OK)
                goto done;
            in_view = true;
            view_start_line = c->out->hints.len;
        }
        if (k == c->title)
            c->title_passed = true;
        if (k == c->body) {
            if ((st = S_flush(c)) != KS_OK)
                goto done;
            body_start_line = c->out->hints.len;
        }
        if (in && in->role == S_R_ATTACH) {
            if ((st = S_flush(c)) != KS_OK || (st = S_attachments(c, k, &tmp)) != KS_OK)
                goto done;
            descend = false;
            goto next;
        }
        if (S_tag(k, "tr") && S_row_cells(c, k) >= 2) {
            if ((st = S_flush(c)) != KS_OK || (st = S_row_line(c, k, &tmp)) != KS_OK)
                goto done;
            descend = false;
            goto next;
        }
        if (k->type == XML_ELEMENT_NODE && (S_tag_in(k, S_block_tags) || S_tag(k, "br") ||
                                            S_tag(k, "td") || S_tag(k, "th") || S_tag(k, "img"))) {
            if ((st = S_end_line(c, S_tag(k, "br"))) != KS_OK)
                goto done;
            if (S_tag(k, "li")) {
                /* rule G: list markers */
                const char *mk = "- ";
                char num[24];
                if (S_tag(k->parent, "ol")) {
                    int idx = 1;
                    for (xmlNode *s = k->parent->children; s && s != k; s = s->next)
                        idx += S_tag(s, "li");
                    snprintf(num, sizeof num, "%d. ", idx);
                    mk = num;
                }
                ks_buf_clear(&tmp);
                if (S_flat(c, k, &tmp) != KS_OK)
                    goto nomem;
                if (tmp.len && !S_marker_start(tmp.data) && S_hint_at(c, k) == -1 &&
                    S_inside(k, c->body)) {
                    c->line_hint = -1;
                    if (ks_buf_puts(&c->line, mk) != KS_OK)
                        goto nomem;
                }
            }
        } else if ((k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) && k->content &&
                   S_wanted(c, k) &&
                   !(c->title && !c->title_passed && S_inside(k, c->view) &&
                     !S_inside(k, c->body) && S_hint_at(c, k) == -1)) {
            /* (rule D: view text before the title is the board's own heading) */
            if (S_tag(k->parent, "pre")) {
                for (const char *p = (const char *)k->content; *p; p++) {
                    if (*p == '\n') {
                        if ((st = S_flush(c)) != KS_OK)
                            goto done;
                    } else if ((st = S_text(c, k, (char[]){*p, '\0'})) != KS_OK) {
                        goto done;
                    }
                }
            } else if ((st = S_text(c, k, (const char *)k->content)) != KS_OK) {
                goto done;
            }
        }
    next:;
        xmlNode *nx = S_next(k, root, descend);
        /* leaving elements: the end of a block also ends the line */
        if (!(nx && nx->parent == k)) {
            const xmlNode *stop = nx ? nx->parent : NULL;
            for (xmlNode *a = k; a && a != stop; a = a->parent)
                if (S_tag_in(a, S_block_tags) || S_tag(a, "td") || S_tag(a, "th")) {
                    if ((st = S_flush(c)) != KS_OK)
                        goto done;
                    break;
                }
        }
        k = nx;
    }
    if ((st = S_flush(c)) != KS_OK)
        goto done;
    /* rule D: marker lines before the body are the sub-headline */
    for (size_t i = view_start_line; i < body_start_line && i < c->out->hints.len; i++) {
        signed char *h = &KS_AT(c->out->hints, signed char, i);
        if (*h >= 0)
            continue;
        const char *p = c->out->text.data;
        size_t line = 0;
        while (line < i && p) {
            p = strchr(p, '\n');
            if (p)
                p++;
            line++;
        }
        if (p && S_marker_start(p))
            *h = KS_ROLE_SUMMARY;
    }
    goto done;
nomem:
    st = KS_NOMEM(c->err, "html");
done:
    ks_buf_free(&tmp);
    return st;
}

/* ---- metadata from the lines (rule D) ------------------------------- */

static ks_status S_meta(S_ctx *c)
{
    ks_meta *m = &c->doc->meta;
    const char *p = c->out->text.data ? c->out->text.data : "";
    char iso[11];
    for (size_t i = 0; i < c->out->hints.len && *p; i++) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        signed char h = KS_AT(c->out->hints, signed char, i);
        if (h == KS_ROLE_TITLE && !c->doc->title) {
            if (!(c->doc->title = ks_strndup(p, n)))
                goto nomem;
            c->doc->title_source = "html";
        }
        if (h == KS_ROLE_META) {
            char *line = ks_strndup(p, n);
            if (!line)
                goto nomem;
            static const char *const dl[] = {"작성일", "등록일", "게시일", NULL};
            for (const char *const *l = dl; *l; l++) {
                const char *at = strstr(line, *l);
                ks_date_match dm;
                if (at && ks_meta_first_date(at, iso, &dm)) {
                    if (!m->release_date && !(m->release_date = ks_strdup(iso))) {
                        ks_free(line);
                        goto nomem;
                    }
                    /* the date as printed, not the row of fields it is in */
                    ks_date d = {ks_strndup(at + dm.start, dm.end - dm.start), ks_strdup(iso),
                                 "release"};
                    if (!d.raw || !d.iso || ks_vec_push(&m->dates, &d) != KS_OK) {
                        ks_free(d.raw);
                        ks_free(d.iso);
                        ks_free(line);
                        goto nomem;
                    }
                    break;
                }
            }
            const char *dp = strstr(line, "담당부서");
            if (dp && !m->department) {
                dp += strlen("담당부서");
                while (*dp == ' ' || *dp == ':' || *dp == '|')
                    dp++;
                size_t k = 0;
                while (dp[k] && dp[k] != '|' && dp[k] != '(' && !(dp[k] == ' ' && k > 0 &&
                                                                  S_has_info_label(dp + k)))
                    k++;
                /* stop at the next label */
                for (const char *const *l = S_info_labels; *l; l++) {
                    const char *nx = strstr(dp, *l);
                    if (nx && (size_t)(nx - dp) < k)
                        k = (size_t)(nx - dp);
                }
                while (k && dp[k - 1] == ' ')
                    k--;
                if (k && k < 80 && !(m->department = ks_strndup(dp, k))) {
                    ks_free(line);
                    goto nomem;
                }
            }
            ks_free(line);
        }
        p += n + (e != NULL);
    }
    return KS_OK;
nomem:
    return KS_NOMEM(c->err, "html");
}

/* ---- entry point ---------------------------------------------------- */

ks_status ks_html_extract(ks_doc *doc, const char *raw, size_t len, ks_encoding enc,
                          bool strict, ks_extract *out, ks_error *err)
{
    ks_buf utf8 = {0};
    htmlParserCtxtPtr px = NULL;
    htmlDocPtr hd = NULL;
    S_ctx c = {0};
    ks_buf tmp = {0};
    ks_status st = KS_OK;

    if (!doc || !out || (!raw && len)) {
        st = ks_error_set(err, KS_ERR_ARG, "html", 0, 0, "NULL argument");
        goto done;
    }
    if (out->hints.size == 0)
        out->hints = KS_VEC(signed char);
    doc->format = "html";
    doc->bytes = len;
    st = S_decode(doc, raw, len, enc, strict, &utf8, err);
    if (st != KS_OK)
        goto done;
    if (utf8.len > INT_MAX) {
        st = ks_error_set(err, KS_ERR_LIMIT, "html", 0, 0, "page larger than 2 GiB");
        goto done;
    }
    if (!ks_libxml_get(err, "html")) {
        st = KS_ERR_UNAVAILABLE;
        goto done;
    }
    px = LX->htmlNewParserCtxt();
    if (!px) {
        st = KS_NOMEM(err, "html");
        goto done;
    }
    /* without libxml2's limits (a text over 10 MB cut, and the page after
     * it; 256 levels): S_index keeps the depth limit itself */
    hd = LX->htmlCtxtReadMemory(px, utf8.data ? utf8.data : "", (int)utf8.len, NULL, "UTF-8",
                                HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                    HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE);
    xmlNode *root = hd ? LX->xmlDocGetRootElement(hd) : NULL;
    if (!root) {
        if (utf8.len == 0 || !hd) {
            /* nothing parseable: an empty document, not an error */
            if (!out->text.data && ks_buf_reserve(&out->text, 0) != KS_OK)
                st = KS_NOMEM(err, "html");
            goto done;
        }
        goto done;
    }
    c.doc = doc;
    c.out = out;
    c.err = err;
    c.line_hint = -1;
    if ((st = S_index(&c, root)) != KS_OK)
        goto done;
    if (c.too_deep &&
        ks_doc_warn(doc, "html-depth", 0, c.deep_line,
                    "elements nested deeper than 256 levels were dropped") != KS_OK) {
        st = KS_NOMEM(err, "html");
        goto done;
    }
    xmlNode *start = root;
    for (xmlNode *k = root->children; k; k = k->next)
        if (S_tag(k, "body"))
            start = k;
    c.body = S_find_body(&c, start);
    c.view = S_find_view(&c, c.body);
    S_get(&c, c.body)->role = S_get(&c, c.body)->role ? S_get(&c, c.body)->role : S_R_BODY;
    if ((st = S_mark_title(&c, &tmp)) != KS_OK || (st = S_mark_parts(&c, root, &tmp)) != KS_OK ||
        (st = S_emit(&c, root)) != KS_OK || (st = S_meta(&c)) != KS_OK)
        goto done;
    if (!out->text.data && ks_buf_reserve(&out->text, 0) != KS_OK)
        st = KS_NOMEM(err, "html");
done:
    if (hd) {
        /* _private held our indexes, not pointers libxml2 would free */
        LX->xmlFreeDoc(hd);
    }
    if (px)
        LX->htmlFreeParserCtxt(px);
    ks_free(c.info);
    ks_buf_free(&c.line);
    ks_buf_free(&tmp);
    ks_buf_free(&utf8);
    return st;
}
