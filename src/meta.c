/*
 * meta.c -- stage 3 helpers: the small parsers split.c uses for metadata.
 *
 * Everything here reads a borrowed byte range of valid UTF-8 and works in
 * one left-to-right pass with a bounded look-ahead per start position, so a
 * 10 MB line costs linear time.  Nothing is allocated except the NEW strings
 * of ks_meta_parse_related.
 *
 * Rules, each with an example of what it accepts:
 *   date      "2026. 4. 10.(금)" -> 2026-04-10; "2026 . 4. 13 .(월)" (broken
 *             spaces) -> 2026-04-13; "202 6. 4. 13." -> 2026-04-13;
 *             "2026년 4월 10일" -> 2026-04-10; "’26.4.13." -> 2026-04-13;
 *             "4.13.(월)" with context year 2026 -> 2026-04-13.
 *             Not a date: "1.5%", "4,165억원", "06:00".
 *   phone     "(044-202- 7026)" -> "044-202-7026"; "( 02-2100-7438)" ->
 *             "02-2100-7438"; "1588-1234" -> "1588-1234".
 *             Not a phone: "2026-04-10" (groups 4-2-2).
 *   e-mail    "(dje9350@korea .kr)" -> "dje9350@korea.kr".
 *   listing   "567 외국인 ... 받고! file 2021.12.15 31" -> number 567, title
 *             "외국인 ... 받고!", has_file, 2021-12-15, views 31.
 *   file      "... 특강1.jpg" -> kind "image", stem "... 특강".
 *   org       "고용노동부", "국가유산청", "개인정보보호위원회", "대구시" are
 *             organization-like; "지방정부", "신청", "실시" are not.
 */
#include <string.h>

#include "meta.h"

/* Decode the code point at S[I]; *N gets its byte length (1 on bad bytes). */
static uint32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
    uint32_t cp;
    size_t k = ks_utf8_decode((const unsigned char *)s + i, len - i, &cp);
    *n = k ? k : 1;
    return cp;
}

static bool is_d(const char *s, size_t len, size_t i)
{
    return i < len && s[i] >= '0' && s[i] <= '9';
}

static size_t skip_sp(const char *s, size_t len, size_t i)
{
    while (i < len && s[i] == ' ')
        i++;
    return i;
}

/* Read up to MAX digits at *I; when GAPS, single spaces between digits are
 * skipped ("202 6").  Returns the number of digits (0 = none). */
static int read_num(const char *s, size_t len, size_t *i, int max, bool gaps, int *val)
{
    int n = 0, v = 0;
    size_t p = *i;
    while (n < max) {
        if (is_d(s, len, p)) {
            v = v * 10 + (s[p] - '0');
            n++;
            p++;
            *i = p;
        } else if (gaps && n > 0 && p < len && s[p] == ' ' && is_d(s, len, p + 1)) {
            p++;
        } else {
            break;
        }
    }
    *val = v;
    return n;
}

/* True when the UTF-8 string LIT starts at S[I]; advances *I past it. */
static bool lit(const char *s, size_t len, size_t *i, const char *litstr)
{
    size_t n = strlen(litstr);
    if (*i + n <= len && memcmp(s + *i, litstr, n) == 0) {
        *i += n;
        return true;
    }
    return false;
}

/* After a day number: an optional "." and an optional "(월)" weekday. */
static size_t date_tail(const char *s, size_t len, size_t i)
{
    size_t p = skip_sp(s, len, i);
    if (p < len && s[p] == '.') {
        i = p + 1;
        p = skip_sp(s, len, i);
    }
    if (p < len && s[p] == '(') {
        size_t q = skip_sp(s, len, p + 1), n;
        if (q < len) {
            uint32_t cp = cp_at(s, len, q, &n);
            static const uint32_t days[] = {0xC6D4, 0xD654, 0xC218, 0xBAA9, 0xAE08, 0xD1A0, 0xC77C};
            for (size_t k = 0; k < sizeof days / sizeof days[0]; k++) {
                if (cp == days[k]) {
                    q = skip_sp(s, len, q + n);
                    if (q < len && s[q] == ')')
                        return q + 1;
                }
            }
        }
    }
    return i;
}

static bool valid_md(int m, int d)
{
    return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

/* After a year, at *I: SEP month SEP day, spaces allowed after each
 * separator and before the second ("2026. 4. 13", "2026-04-13"), the day
 * not followed by a digit.  Sets *M, *D and *I past the day. */
static bool read_md(const char *s, size_t len, size_t *i, char sep, int *m, int *d)
{
    size_t q = *i;
    if (q >= len || s[q] != sep)
        return false;
    q = skip_sp(s, len, q + 1);
    if (read_num(s, len, &q, 2, false, m) < 1)
        return false;
    q = skip_sp(s, len, q);
    if (q >= len || s[q] != sep)
        return false;
    q = skip_sp(s, len, q + 1);
    if (read_num(s, len, &q, 2, false, d) < 1 || is_d(s, len, q) || !valid_md(*m, *d))
        return false;
    *i = q;
    return true;
}

/* Fill OUT with the date Y-M-D that starts at P and whose day ends at I. */
static bool found(const char *s, size_t len, size_t p, size_t i, int y, int m, int d,
                  ks_date_match *out)
{
    out->year = y, out->month = m, out->day = d;
    out->start = p;
    out->end = date_tail(s, len, i);
    return true;
}

/* Try to parse a date that starts at byte P. */
static bool try_date(const char *s, size_t len, size_t p, int ctx_year, ks_date_match *out)
{
    size_t i = p, n;
    int y = 0, m = 0, d = 0;
    uint32_t cp = cp_at(s, len, p, &n);
    if (cp == '\'' || cp == '`' || cp == 0x2019 || cp == 0x2018 || cp == 0x2035 || cp == 0x2032) {
        i += n;
        if (read_num(s, len, &i, 2, false, &y) != 2 || is_d(s, len, i))
            return false;
        y += 2000;
        i = skip_sp(s, len, i);
        return read_md(s, len, &i, '.', &m, &d) && found(s, len, p, i, y, m, d, out);
    }
    int nd = read_num(s, len, &i, 4, true, &y);
    if (nd == 4) {
        if (is_d(s, len, i) || y < 1900 || y > 2099)
            return false;
        size_t q = skip_sp(s, len, i);
        if (lit(s, len, &q, "\xEB\x85\x84")) { /* 년 */
            q = skip_sp(s, len, q);
            if (read_num(s, len, &q, 2, false, &m) < 1)
                return false;
            q = skip_sp(s, len, q);
            if (!lit(s, len, &q, "\xEC\x9B\x94")) /* 월 */
                return false;
            q = skip_sp(s, len, q);
            if (read_num(s, len, &q, 2, false, &d) < 1)
                return false;
            q = skip_sp(s, len, q);
            if (!lit(s, len, &q, "\xEC\x9D\xBC") || !valid_md(m, d)) /* 일 */
                return false;
            return found(s, len, p, q, y, m, d, out);
        }
        if (q >= len || (s[q] != '.' && s[q] != '-' && s[q] != '/'))
            return false;
        return read_md(s, len, &q, s[q], &m, &d) && found(s, len, p, q, y, m, d, out);
    }
    if (nd < 1 || nd > 2 || ctx_year <= 0)
        return false;
    /* "4.13.(월)" / "4. 13." : month and day of the context year */
    i = p;
    if (read_num(s, len, &i, 2, false, &m) < 1 || is_d(s, len, i))
        return false;
    i = skip_sp(s, len, i);
    if (i >= len || s[i] != '.')
        return false;
    i = skip_sp(s, len, i + 1);
    if (read_num(s, len, &i, 2, false, &d) < 1 || is_d(s, len, i) || !valid_md(m, d))
        return false;
    size_t q = skip_sp(s, len, i);
    if (q >= len || (s[q] != '.' && s[q] != '('))
        return false;
    if (s[q] == '.' && is_d(s, len, skip_sp(s, len, q + 1)))
        return false; /* "1.5.3" version numbers */
    return found(s, len, p, i, ctx_year, m, d, out);
}

bool ks_meta_find_date(const char *s, size_t len, size_t from, int ctx_year,
                       ks_date_match *out)
{
    for (size_t i = from; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool start = (c >= '0' && c <= '9') || c == '\'' || c == '`' || c == 0xE2;
        if (!start || (i > 0 && is_d(s, len, i - 1)))
            continue;
        if (try_date(s, len, i, ctx_year, out))
            return true;
    }
    return false;
}

int ks_meta_context_year(const char *s, size_t len)
{
    for (size_t i = 0; i + 4 <= len; i++) {
        if (!is_d(s, len, i) || (i > 0 && is_d(s, len, i - 1)))
            continue;
        size_t q = i;
        int y;
        if (read_num(s, len, &q, 4, false, &y) != 4 || is_d(s, len, q) || y < 1990 || y > 2099)
            continue;
        q = skip_sp(s, len, q);
        if (q < len && (s[q] == '.' || s[q] == '-'))
            return y;
        if (lit(s, len, &q, "\xEB\x85\x84")) /* 년 */
            return y;
    }
    return 0;
}

void ks_meta_iso(const ks_date_match *m, char out[11])
{
    int y = m->year, mo = m->month, d = m->day;
    out[0] = (char)('0' + y / 1000 % 10);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[4] = '-';
    out[5] = (char)('0' + mo / 10);
    out[6] = (char)('0' + mo % 10);
    out[7] = '-';
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
    out[10] = '\0';
}

bool ks_meta_first_date(const char *s, char iso[11], ks_date_match *at)
{
    size_t len = strlen(s), from = 0;
    ks_date_match m;
    while (ks_meta_find_date(s, len, from, 0, &m)) {
        if (m.year >= 1990 && m.year <= 2099) {
            ks_meta_iso(&m, iso);
            if (at)
                *at = m;
            return true;
        }
        from = m.end > m.start ? m.end : m.start + 1;
    }
    return false;
}

/* Read a digit group at *I into OUT (appending at *O); returns its size. */
static int phone_group(const char *s, size_t len, size_t *i, char *out, size_t *o, size_t cap)
{
    int n = 0;
    while (is_d(s, len, *i) && n < 5) {
        if (*o + 1 < cap)
            out[(*o)++] = s[*i];
        (*i)++;
        n++;
    }
    return n;
}

bool ks_meta_find_phone(const char *s, size_t len, size_t *start, size_t *end, char *out,
                        size_t cap)
{
    if (cap < 2)
        return false;
    for (size_t p = 0; p < len; p++) {
        if (!is_d(s, len, p) || (p > 0 && is_d(s, len, p - 1)))
            continue;
        size_t i = p, o = 0;
        int g1 = phone_group(s, len, &i, out, &o, cap);
        if (g1 < 2 || g1 > 4)
            continue;
        size_t q = skip_sp(s, len, i);
        /* the area code in brackets, "(044) 000-2003", "(02)2100-3081": a
         * code starts with 0 and is two or three digits; then three groups
         * are needed, as after a '-' */
        bool bracket = q < len && s[q] == ')' && s[p] == '0' && g1 <= 3;
        if (q >= len || (s[q] != '-' && !bracket))
            continue;
        if (o + 1 < cap)
            out[o++] = '-';
        q = skip_sp(s, len, q + 1);
        int g2 = phone_group(s, len, &q, out, &o, cap);
        if (g2 < 3 || g2 > 4)
            continue;
        size_t r = skip_sp(s, len, q);
        if (bracket && (r >= len || s[r] != '-'))
            continue;
        if (r < len && s[r] == '-') {
            if (o + 1 < cap)
                out[o++] = '-';
            r = skip_sp(s, len, r + 1);
            int g3 = phone_group(s, len, &r, out, &o, cap);
            if (g3 != 4 || is_d(s, len, r))
                continue;
            q = r;
        } else if (!(g1 == 4 && g2 == 4 && s[p] == '1' && is_d(s, len, q) == false)) {
            continue; /* two groups only for 1588-xxxx style numbers */
        }
        out[o] = '\0';
        *start = p;
        *end = q;
        return true;
    }
    return false;
}

static bool mail_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '.' || c == '_' || c == '-' || c == '+';
}

bool ks_meta_find_email(const char *s, size_t len, char *out, size_t cap)
{
    const char *at = memchr(s, '@', len);
    while (at) {
        size_t a = (size_t)(at - s), b = a;
        while (b > 0 && mail_char((unsigned char)s[b - 1]))
            b--;
        size_t e = a + 1;
        for (;;) {
            if (e < len && mail_char((unsigned char)s[e]))
                e++;
            else if (e + 1 < len && s[e] == ' ' && s[e + 1] == '.')
                e++;
            else
                break;
        }
        if (b < a && e > a + 1 && memchr(s + a, '.', e - a)) {
            size_t o = 0;
            for (size_t k = b; k < e && o + 1 < cap; k++)
                if (s[k] != ' ')
                    out[o++] = s[k];
            while (o > 0 && out[o - 1] == '.')
                o--;
            out[o] = '\0';
            return o > 0;
        }
        at = a + 1 < len ? memchr(s + a + 1, '@', len - a - 1) : NULL;
    }
    return false;
}

/* The parts of a listing row, without allocating; false when S is none. */
static bool related_scan(const char *s, size_t len, long *num, long *views, bool *file,
                         size_t *tstart, size_t *tend, ks_date_match *dm)
{
    size_t i = 0;
    int nd = 0;
    *num = 0;
    while (i < len && is_d(s, len, i) && nd < 8) {
        *num = *num * 10 + (s[i] - '0');
        i++;
        nd++;
    }
    if (nd == 0 || i >= len || s[i] != ' ')
        return false;
    size_t ts = i + 1, e = len;
    while (e > ts && s[e - 1] == ' ')
        e--;
    size_t ve = e;
    long v = 0, mul = 1;
    int vn = 0;
    while (e > ts && is_d(s, len, e - 1) && vn < 10) {
        v += (s[e - 1] - '0') * mul;
        mul *= 10;
        e--;
        vn++;
    }
    if (vn == 0 || e == ve || e <= ts || s[e - 1] != ' ')
        return false;
    e--;
    size_t ds = e;
    while (ds > ts && (is_d(s, len, ds - 1) || s[ds - 1] == '.' || s[ds - 1] == '-'))
        ds--;
    if (ds == e || ds <= ts || s[ds - 1] != ' ' || !try_date(s, e, ds, 0, dm) || dm->end != e)
        return false;
    size_t te = ds - 1;
    *file = false;
    if (te >= ts + 5 && memcmp(s + te - 5, " file", 5) == 0) {
        *file = true;
        te -= 5;
    }
    while (te > ts && s[te - 1] == ' ')
        te--;
    if (te <= ts)
        return false;
    *views = v;
    *tstart = ts;
    *tend = te;
    return true;
}

/* A table row from a reader joins its cells with " | ":
 * "1024 | 라마바군, 청년 창업 공간 개소 | 2026-02-20 | 88" reads as the
 * same row printed with spaces.  Writes the spaced form into OUT (CAP
 * bytes) and returns its length, or 0 when S has no cell separator or does
 * not fit. */
static size_t related_cells(const char *s, size_t len, char *out, size_t cap)
{
    if (!memchr(s, '|', len))
        return 0; /* no cells: most lines, asked of several times each */
    size_t o = 0;
    bool cells = false;
    for (size_t i = 0; i < len; i++) {
        if (i + 2 < len && s[i] == ' ' && s[i + 1] == '|' && s[i + 2] == ' ') {
            i += 2;
            cells = true;
        }
        if (o + 1 >= cap)
            return 0;
        out[o++] = s[i];
    }
    return cells ? o : 0;
}

size_t ks_meta_neighbour_label(const char *s, size_t len)
{
    static const char *const labels[] = {"이전글", "다음글", "윗글", "아랫글", "이전 글", "다음 글"};
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        size_t n = strlen(labels[k]);
        if (len >= n && memcmp(s, labels[k], n) == 0)
            return n;
    }
    return 0;
}

/* A board page's neighbour link, "이전글 광주시, 관광공사 사장 후보에 정재영씨
 * 내정 2025-12-05" or "다음글 : 제목": the title between the label (and a
 * colon or bar after it) and a date that ends the line, if one does. */
static bool related_neighbour(const char *s, size_t len, size_t *tstart, size_t *tend,
                              ks_date_match *dm, bool *dated)
{
    size_t ts = ks_meta_neighbour_label(s, len), te = len;
    if (!ts)
        return false;
    while (ts < len && (s[ts] == ' ' || s[ts] == ':' || s[ts] == '|'))
        ts++;
    while (te > ts && s[te - 1] == ' ')
        te--;
    *dated = false;
    size_t ds = te;
    while (ds > ts && (is_d(s, len, ds - 1) || s[ds - 1] == '.' || s[ds - 1] == '-'))
        ds--;
    if (ds < te && ds > ts && s[ds - 1] == ' ' && try_date(s, te, ds, 0, dm) && dm->end == te) {
        *dated = true;
        te = ds;
        while (te > ts && (s[te - 1] == ' ' || s[te - 1] == '|'))
            te--;
    }
    if (te <= ts)
        return false;
    *tstart = ts;
    *tend = te;
    return true;
}

bool ks_meta_is_related(const char *s, size_t len)
{
    long num, views;
    bool file;
    size_t ts, te;
    ks_date_match dm;
    char spaced[1024];
    size_t n = related_cells(s, len, spaced, sizeof spaced);
    if (n) {
        s = spaced;
        len = n;
    }
    bool dated = false;
    return len < 2000 && (related_scan(s, len, &num, &views, &file, &ts, &te, &dm) ||
                          (related_neighbour(s, len, &ts, &te, &dm, &dated) && dated));
}

ks_status ks_meta_parse_related(const char *s, size_t len, ks_related *out, bool *ok)
{
    long num, views;
    bool file;
    size_t ts, te;
    ks_date_match dm;
    *ok = false;
    const char *raw = s;
    size_t rawlen = len;
    char spaced[1024];
    size_t n = related_cells(s, len, spaced, sizeof spaced);
    if (n) {
        s = spaced;
        len = n;
    }
    bool dated = true;
    if (related_scan(s, len, &num, &views, &file, &ts, &te, &dm)) {
        out->number = num;
        out->views = views;
        out->has_file = file;
    } else if (related_neighbour(s, len, &ts, &te, &dm, &dated)) {
        out->number = out->views = -1;
        out->has_file = false;
    } else {
        return KS_OK;
    }
    char iso[11] = "";
    if (dated)
        ks_meta_iso(&dm, iso);
    out->title = ks_strndup(s + ts, te - ts);
    out->date = dated ? ks_strdup(iso) : NULL;
    out->raw = ks_strndup(raw, rawlen);
    if (!out->title || (dated && !out->date) || !out->raw) {
        ks_free(out->title);
        ks_free(out->date);
        ks_free(out->raw);
        out->title = out->date = out->raw = NULL;
        return KS_ERR_NOMEM;
    }
    *ok = true;
    return KS_OK;
}

size_t ks_meta_compact(const char *s, size_t len, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        /* the common characters without decoding them: ASCII, and the
         * Hangul syllables, no space */
        if (u[i] < 0x80) {
            if (u[i] != ' ' && u[i] != '\t' && u[i] != '\v' && u[i] != '\f') {
                if (o + 1 >= cap)
                    break;
                out[o++] = s[i];
            }
            i++;
            continue;
        }
        if (ks_utf8_hangul(u + i, len - i)) {
            if (o + 3 >= cap)
                break;
            out[o] = s[i];
            out[o + 1] = s[i + 1];
            out[o + 2] = s[i + 2];
            o += 3;
            i += 3;
            continue;
        }
        size_t n;
        uint32_t cp = cp_at(s, len, i, &n);
        if (!ks_is_space(cp)) {
            if (o + n >= cap)
                break;
            for (size_t k = 0; k < n; k++)  /* 1-4 bytes: no call */
                out[o + k] = s[i + k];
            o += n;
        }
        i += n;
    }
    out[o] = '\0';
    return o;
}

bool ks_meta_is_listing_header(const char *s, size_t len)
{
    if (len > 200 || !ks_memfind(s, len, "번") || !ks_memfind(s, len, "제"))
        return false; /* asked of every line: the cheap test first */
    char c[256];
    ks_meta_compact(s, len, c, sizeof c);
    return strstr(c, "번호") && strstr(c, "제목") &&
           (strstr(c, "조회") || strstr(c, "날짜") || strstr(c, "작성일") || strstr(c, "등록일"));
}

const char *ks_meta_file_kind(const char *name, size_t len)
{
    static const struct {
        const char *ext, *kind;
    } tab[] = {
        {"jpg", "image"},        {"jpeg", "image"},       {"png", "image"},
        {"gif", "image"},        {"bmp", "image"},        {"webp", "image"},
        {"tif", "image"},        {"tiff", "image"},       {"hwp", "document"},
        {"hwpx", "document"},    {"pdf", "document"},     {"doc", "document"},
        {"docx", "document"},    {"txt", "document"},     {"ppt", "document"},
        {"pptx", "document"},    {"odt", "document"},     {"xls", "spreadsheet"},
        {"xlsx", "spreadsheet"}, {"csv", "spreadsheet"},  {"ods", "spreadsheet"},
        {"zip", "archive"},      {"7z", "archive"},       {"rar", "archive"},
        {"alz", "archive"},      {"egg", "archive"},
    };
    size_t dot = len;
    while (dot > 0 && len - dot <= 4) {
        unsigned char c = (unsigned char)name[dot - 1];
        if (c == '.')
            break;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')))
            return NULL;
        dot--;
    }
    if (dot < 2 || name[dot - 1] != '.' || dot == len)
        return NULL;
    char ext[8];
    size_t n = len - dot;
    for (size_t k = 0; k < n; k++) {
        unsigned char c = (unsigned char)name[dot + k];
        ext[k] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    ext[n] = '\0';
    for (size_t k = 0; k < sizeof tab / sizeof tab[0]; k++)
        if (strcmp(ext, tab[k].ext) == 0)
            return tab[k].kind;
    return NULL;
}

/* The bytes of file NAME before its extension (all of them when it has
 * no known one). */
static size_t file_base_len(const char *name, size_t len)
{
    size_t e = len;
    if (ks_meta_file_kind(name, len)) {
        while (e > 0 && name[e - 1] != '.')
            e--;
        if (e > 0)
            e--;
    }
    return e;
}

size_t ks_meta_file_stem(const char *name, size_t len)
{
    size_t e = file_base_len(name, len);
    size_t k = e;
    if (k > 2 && name[k - 1] == ')') {          /* "이름(1)" */
        size_t j = k - 1;
        while (j > 0 && is_d(name, len, j - 1))
            j--;
        if (j < k - 1 && j > 0 && name[j - 1] == '(')
            k = j - 1;
    }
    while (k > 0 && is_d(name, len, k - 1))
        k--;
    while (k > 0 && (name[k - 1] == ' ' || name[k - 1] == '_' || name[k - 1] == '-'))
        k--;
    return k > 0 ? k : e;
}

bool ks_meta_file_date(const char *name, size_t len, char iso[11], size_t *ndigits)
{
    size_t i = 0;
    if (len >= 2 && name[0] == '-' && name[1] == ' ')
        i = 2;
    if (i < len && (name[i] == '[' || name[i] == '('))
        i++;
    size_t d = i;
    while (is_d(name, len, d))
        d++;
    size_t n = d - i;
    if (n != 6 && n != 8)
        return false;
    int v[8] = {0};
    for (size_t k = 0; k < n; k++)
        v[k] = name[i + k] - '0';
    const int *md = v + n - 4;
    int y = n == 8 ? v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3] : 2000 + v[0] * 10 + v[1];
    int m = md[0] * 10 + md[1], day = md[2] * 10 + md[3];
    if (y < 2000 || y > 2099 || m < 1 || m > 12 || day < 1 || day > 31)
        return false;
    ks_date_match dm;
    memset(&dm, 0, sizeof dm);
    dm.year = y;
    dm.month = m;
    dm.day = day;
    ks_meta_iso(&dm, iso);
    *ndigits = n;
    return true;
}

/* The kind words a release is labelled with, longest first where one
 * ends another. */
static const char *const kind_words[] = {"보도참고자료", "보도자료", "보도참고", "참고자료",
                                         "동정자료", "설명자료", "해명자료"};

size_t ks_meta_kind_prefix(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof kind_words / sizeof kind_words[0]; k++) {
        size_t n = strlen(kind_words[k]);
        if (len >= n && memcmp(s, kind_words[k], n) == 0)
            return n;
    }
    return 0;
}

size_t ks_meta_kind_suffix(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof kind_words / sizeof kind_words[0]; k++) {
        size_t n = strlen(kind_words[k]);
        if (len >= n && memcmp(s + len - n, kind_words[k], n) == 0)
            return n;
    }
    return 0;
}

#define KS_FILE_TAG 48 /* longest bracketed tag dropped, in bytes */

/* Put back the thousands separators a file name lost: upload forms turn
 * ',' into a space, so "9조 4,880억원" arrives as "9조 4 880억원".  A
 * space between a group of one to three digits (the number's first, or
 * one whose comma was put back) and exactly three digits with a Hangul
 * syllable after them (the unit: 억원, 명, 건) was a comma: S[0..LEN) is
 * changed in place.  "2026 100대" (four digits before) and "3 12개" (two
 * after) are left as they are. */
static void thousands_back(char *s, size_t len)
{
    for (size_t i = 1; i < len; i++) {
        if (s[i] != ' ' || !is_d(s, len, i - 1))
            continue;
        size_t d = i - 1;
        while (d > 0 && is_d(s, len, d - 1))
            d--;
        char before = d > 0 ? s[d - 1] : ' ';
        if (i - d > 3 || !(before == ' ' || before == '(' || (unsigned char)before >= 0x80))
            continue;
        /* the groups of three after it, and then the unit */
        size_t j = i;
        while (j + 3 < len && s[j] == ' ' && is_d(s, len, j + 1) && is_d(s, len, j + 2) &&
               is_d(s, len, j + 3) && !is_d(s, len, j + 4))
            j += 4;
        size_t n;
        if (j > i && j < len && ks_is_hangul(cp_at(s, len, j, &n)))
            for (size_t k = i; k < j; k += 4)
                s[k] = ',';
        i = j > i ? j : i;
    }
}

size_t ks_meta_file_title(const char *name, size_t len, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    out[0] = '\0';
    size_t e = file_base_len(name, len);
    /* '_' as a space, runs of spaces as one; a name longer than the
     * buffer is no title (and is not cut inside a character) */
    char buf[512] = {0};
    if (e >= sizeof buf)
        return 0;
    size_t n = 0;
    for (size_t i = 0; i < e && n + 1 < sizeof buf; i++) {
        char ch = name[i] == '_' ? ' ' : name[i];
        if (ch == ' ' && (n == 0 || buf[n - 1] == ' '))
            continue;
        buf[n++] = ch;
    }
    size_t a = 0, b = n;
    for (bool again = true; again && a < b;) {
        again = false;
        while (a < b && buf[a] == ' ')
            a++;
        if (b - a >= 2 && buf[a] == '-' && buf[a + 1] == ' ') { /* a list dash */
            a += 2;
            again = true;
            continue;
        }
        size_t sn;
        uint32_t sym = cp_at(buf, b, a, &sn);
        if (sym >= 0x2190 && sym <= 0x2BFF) { /* a symbol: "★260413 …" */
            a += sn;
            again = true;
            continue;
        }
        if (buf[a] == '[' || buf[a] == '(') { /* "[지식재산처]" "(즉시)" */
            char close = buf[a] == '[' ? ']' : ')';
            size_t k = a + 1;
            while (k < b && k - a <= KS_FILE_TAG && buf[k] != close && buf[k] != '(' &&
                   buf[k] != '[')
                k++;
            if (k < b && buf[k] == close && k - a <= KS_FILE_TAG && k + 1 < b) {
                a = k + 1;
                again = true;
                continue;
            }
        }
        size_t d = a;
        while (d < b && buf[d] >= '0' && buf[d] <= '9')
            d++;
        if (d > a && d < b && (buf[d] == ' ' || buf[d] == '(' || buf[d] == '[')) {
            a = d; /* a date or a number: "260412", "106" */
            again = true;
            continue;
        }
        /* a kind word, or a word that ends in one ("문체부보도자료-") */
        size_t w = a;
        while (w < b && buf[w] != ' ' && buf[w] != '-' && buf[w] != ':' && buf[w] != '(' &&
               buf[w] != '[')
            w++;
        for (size_t k = a; k < w && k - a <= 30; k++) {
            size_t kw = ks_meta_kind_prefix(buf + k, w - k);
            if (kw && k + kw == w && w < b) {
                a = w;
                while (a < b && (buf[a] == '-' || buf[a] == ':'))
                    a++;
                again = true;
                break;
            }
        }
    }
    for (bool again = true; again && a < b;) {
        again = false;
        while (b > a && buf[b - 1] == ' ')
            b--;
        if (b - a > 6 && !memcmp(buf + b - 6, "최종", 6)) {
            b -= 6;
            again = true;
            continue;
        }
        /* a kind word as the last word: "… 조문 보도자료" */
        size_t w = b;
        while (w > a && buf[w - 1] != ' ')
            w--;
        if (w > a && ks_meta_kind_prefix(buf + w, b - w) == b - w) {
            b = w;
            again = true;
            continue;
        }
        if (b > a && buf[b - 1] == ')') { /* "(기획재정담당관)" "(본문)" */
            size_t k = b - 1;
            while (k > a && b - k <= KS_FILE_TAG && buf[k - 1] != '(' && buf[k - 1] != ')')
                k--;
            if (k > a + 1 && buf[k - 1] == '(' && b - k <= KS_FILE_TAG) {
                b = k - 1;
                again = true;
            }
        }
    }
    /* a title the name holds whole in brackets: "보도자료(…)" */
    if (b - a > 2 && buf[a] == '(' && buf[b - 1] == ')' && !memchr(buf + a + 1, ')', b - a - 2))
        a++, b--;
    size_t chars = 0;
    for (size_t i = a; i < b;) {
        size_t k;
        cp_at(buf, b, i, &k);
        i += k;
        chars++;
    }
    if (chars < 8 || b - a >= cap)
        return 0;
    memcpy(out, buf + a, b - a);
    out[b - a] = '\0';
    thousands_back(out, b - a);
    return b - a;
}

static bool ends_with(const char *s, size_t len, const char *suf)
{
    size_t n = strlen(suf);
    return len >= n && memcmp(s + len - n, suf, n) == 0;
}

const char ks_meta_surnames[] =
    "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구"
    "민류나진지엄채원천방공현함변염여추도소석선설마길연위표명기반라왕금옥육맹제"
    "모탁국편용예경봉복태목형피";

bool ks_meta_is_surname(const char *s, size_t len)
{
    size_t n;
    if (!ks_is_hangul(cp_at(s, len, 0, &n)) || n != 3)
        return false;
    for (const char *p = ks_meta_surnames; *p; p += 3)
        if (memcmp(p, s, 3) == 0)
            return true;
    return false;
}

bool ks_meta_org_like(const char *s, size_t len)
{
    size_t syl = 0;
    for (size_t i = 0; i < len;) {
        size_t n;
        uint32_t cp = cp_at(s, len, i, &n);
        if (!ks_is_hangul(cp))
            return false;
        syl++;
        i += n;
    }
    if (syl < 3 || syl > 14)
        return false;
    if (ends_with(s, len, "정부") || ends_with(s, len, "요청") || ends_with(s, len, "신청") ||
        ends_with(s, len, "초청") || ends_with(s, len, "본부") || ends_with(s, len, "대부"))
        return false;
    if (ends_with(s, len, "시")) {
        if (ends_with(s, len, "광역시")) /* not "역시" ("as expected") */
            return syl <= 8;
        static const char *const not_city[] = {"실시", "개시", "게시", "표시", "지시", "제시",
                                               "감시", "일시", "동시", "당시", "즉시", "수시",
                                               "임시", "상시", "역시", "도시", "배포시"};
        for (size_t k = 0; k < sizeof not_city / sizeof not_city[0]; k++)
            if (ends_with(s, len, not_city[k]))
                return false;
        return syl <= 8;
    }
    /* the provinces, a closed list: many words end in 도 ("제도", "속도") */
    static const char *const provinces[] = {
        "경기도",   "강원도",   "강원특별자치도", "충청북도", "충청남도",        "전라북도",
        "전북특별자치도", "전라남도", "경상북도",       "경상남도", "제주특별자치도", "제주도"};
    for (size_t k = 0; k < sizeof provinces / sizeof provinces[0]; k++)
        if (len == strlen(provinces[k]) && memcmp(s, provinces[k], len) == 0)
            return true;
    /* the central offices named "…실" (Government Organization Act); any
     * other "…실" is a unit of a body: "기획조정실", "대변인실" */
    static const char *const offices[] = {"국무조정실", "국무총리비서실", "대통령비서실",
                                          "국가안보실"};
    for (size_t k = 0; k < sizeof offices / sizeof offices[0]; k++)
        if (len == strlen(offices[k]) && memcmp(s, offices[k], len) == 0)
            return true;
    return ends_with(s, len, "부") || ends_with(s, len, "처") || ends_with(s, len, "청") ||
           ends_with(s, len, "위원회");
}
