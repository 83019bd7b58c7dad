/*
 * normalize.c -- stage 2: Unicode and white-space clean-up.
 *
 * Input: valid UTF-8 without NULs (decode.c's invariant).  Output: ks_lines,
 * one entry per input line (LF, CRLF, CR, U+0085, U+2028 and U+2029 each end
 * a line; a form feed is white space: pdftotext writes one before each
 * page's first line, and as a line end it put every later line's number
 * one further off per page), each valid NFC UTF-8 with single spaces and
 * no space at either end, with the number of its input line.  Blank lines
 * are kept, up to KS_NORM_BLANKS in a row: split never counts further, and
 * a file of newlines took 64 bytes of line records per byte (all of them
 * with KS_OPT_LINE_MODE, where each line has its output line).
 * Every change is counted in doc->stats; nothing else is altered.
 *
 * Rules, each with an example:
 *   nfc           conjoining jamo and decomposed marks are composed:
 *                 "ᄀ ᅡ" (U+1100 U+1161) -> "가".  Only lines holding a
 *                 character that is not NFC-stable are rewritten, and in
 *                 them only the short segments around such characters go
 *                 through utf8proc, so plain Hangul text costs one scan.
 *   space_chars   NBSP, U+3000, tabs, form feeds, U+2000-U+200A, U+202F,
 *                 U+205F -> " ".
 *   zero_width    U+200B-U+200D, U+2060, U+FEFF removed: "전\u200B국" -> "전국".
 *   controls      C0 (other than line ends) and C1 controls, DEL removed.
 *   space_runs    "a   b" -> "a b"; " a " -> "a".
 *   quote_padding "“ 지난" -> "“지난"; "했다 ”" -> "했다”"; "” 라며" -> "”라며",
 *                 "” 고 말했다" -> "”고 말했다".  ” 」 』 always close; ’ closes
 *                 only after an open ‘ on the line (so the apostrophe of
 *                 "’ 26년" is left alone); straight quotes, double and
 *                 single, pair by order ("'미생 '이" -> "'미생'이"; the
 *                 apostrophe of "don't" is no quote).  The space after a
 *                 closing mark goes only before a quotative particle or
 *                 case particle (고, 라고, 라며, 며, 면서, 라는, 는, 을,
 *                 를, 의 ...), never before a word.
 *   middle_dots   with KS_OPT_FOLD_DOTS only: U+2027 U+2024 U+30FB U+318D U+2219
 *                 U+22C5 U+FF65 -> U+00B7.  Off by default, because authors'
 *                 own dots are part of titles that users match on.
 */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "internal.h"

/* Blank lines kept in a row: more than split's deepest look across them
 * (KS_PAGE_GAP, 4, on either side of a page number). */
#define KS_NORM_BLANKS 8

/* Code points that are NFC-stable on their own, have combining class 0 and
 * never combine with a preceding character: text made only of these is
 * already NFC.  tests/unit/test_normalize.c checks this table against
 * utf8proc. */
static const uint32_t S_stable[][2] = {
    {0x0000, 0x02FF},   {0x2010, 0x2027},   {0x2030, 0x205E},   {0x2190, 0x22FF},
    {0x2460, 0x27BF},   {0x3000, 0x3029},   {0x3030, 0x303F},   {0x3130, 0x318F},
    {0x3200, 0x33FF},   {0x4E00, 0x9FFF},   {0xAC00, 0xD7A3},   {0xE000, 0xF8FF},
    {0xFF01, 0xFFEF},   {0xFFFD, 0xFFFD},   {0xF0000, 0x10FFFF},
};

/* Exposed for the unit test through internal linkage only. */
bool ks_nfc_stable(uint32_t cp);
bool ks_nfc_stable(uint32_t cp)
{
    if (cp < 0x300 || (cp >= 0xAC00 && cp <= 0xD7A3))
        return true;
    size_t lo = 0, hi = sizeof S_stable / sizeof S_stable[0];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cp < S_stable[mid][0])
            hi = mid;
        else if (cp > S_stable[mid][1])
            lo = mid + 1;
        else
            return true;
    }
    return false;
}

/* NFC of S[0..LEN) into OUT, touching only segments around unstable code
 * points.  Counts changed segments in *CHANGED. */
static ks_status S_nfc(const char *s, size_t len, ks_buf *out, size_t *changed, ks_error *err)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t copied = 0;   /* bytes of S already in OUT */
    size_t prev = 0;     /* start of the previous code point */
    size_t i = 0;
    while (i < len) {
        if (u[i] < 0x80) {
            prev = i++;
            continue;
        }
        uint32_t cp;
        size_t n = ks_utf8_decode(u + i, len - i, &cp);
        if (n == 0)
            n = 1; /* cannot happen after decode.c; stay safe */
        if (ks_nfc_stable(cp)) {
            prev = i;
            i += n;
            continue;
        }
        /* Segment: the previous (stable) code point, this one and every
         * following unstable one. */
        size_t start = prev < i ? prev : i;
        if (start < copied)
            start = copied;
        size_t end = i + n;
        while (end < len) {
            uint32_t c2;
            size_t n2 = ks_utf8_decode(u + end, len - end, &c2);
            if (n2 == 0 || ks_nfc_stable(c2))
                break;
            end += n2;
        }
        if (ks_buf_append(out, s + copied, start - copied) != KS_OK)
            return KS_NOMEM(err, "normalize");
        utf8proc_uint8_t *dst = NULL;
        utf8proc_ssize_t m = utf8proc_map(u + start, (utf8proc_ssize_t)(end - start), &dst,
                                          UTF8PROC_STABLE | UTF8PROC_COMPOSE);
        if (m < 0) {
            free(dst);
            if (m == UTF8PROC_ERROR_NOMEM)
                return KS_NOMEM(err, "normalize");
            /* Unassigned or invalid: keep the segment as it is. */
            if (ks_buf_append(out, s + start, end - start) != KS_OK)
                return KS_NOMEM(err, "normalize");
        } else {
            if ((size_t)m != end - start || memcmp(dst, s + start, (size_t)m) != 0)
                (*changed)++;
            ks_status st = ks_buf_append(out, (const char *)dst, (size_t)m);
            free(dst);
            if (st != KS_OK)
                return KS_NOMEM(err, "normalize");
        }
        copied = end;
        prev = end;
        i = end;
    }
    if (ks_buf_append(out, s + copied, len - copied) != KS_OK)
        return KS_NOMEM(err, "normalize");
    return KS_OK;
}

/* ---- in-line rules ---------------------------------------------------- */

/* Words that attach to a closing quotation mark: "” 라며" -> "”라며". */
static const char *const S_quote_particles[] = {
    "고", "라고", "이라고", "며", "라며", "이라며", "면서", "라면서", "이라면서", "라는",
    "이라는", "는", "은", "을", "를", "의", "에", "와", "과", "로", "으로", "도", "란",
    "이란", "라", "이라", "에서", "에게", "처럼", "보다", "만", "까지", "부터", "하고",
    "하며", "하면서", "라고도", "라고는", "고는", "라서", "이며", "이고", "이다", "다",
};
/* Prefixes that attach whatever follows them: "” 라고했다" -> "”라고했다". */
static const char *const S_quote_prefixes[] = {
    "라고", "라며", "라면서", "라는", "이라고", "이라며", "이라는", "이라면서", "면서",
};

/* Length of the word starting at S (up to a space, a quote or the end). */
static size_t S_word_len(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = ks_utf8_decode(s + i, len - i, &cp);
        if (n == 0 || !ks_is_hangul(cp))
            break;
        i += n;
    }
    return i;
}

static bool S_is_quote_particle(const unsigned char *s, size_t len)
{
    size_t w = S_word_len(s, len);
    if (w == 0)
        return false;
    for (size_t k = 0; k < sizeof S_quote_particles / sizeof *S_quote_particles; k++) {
        size_t pl = strlen(S_quote_particles[k]);
        if (pl == w && memcmp(s, S_quote_particles[k], w) == 0)
            return true;
    }
    for (size_t k = 0; k < sizeof S_quote_prefixes / sizeof *S_quote_prefixes; k++) {
        size_t pl = strlen(S_quote_prefixes[k]);
        if (pl <= w && memcmp(s, S_quote_prefixes[k], pl) == 0)
            return true;
    }
    return false;
}

/* The offset of the first character at or after I in S[0..LEN) that this
 * stage keeps: zero-width characters are passed over, and with SPACES a
 * run of white space of any kind too, as the stage will write it (one
 * space or none: "’ 27년", "’\t27년", "’\u00A027년", "’  27년"). */
static size_t S_skip_blank(const unsigned char *s, size_t len, size_t i, bool spaces)
{
    while (i < len) {
        uint32_t cp = s[i];
        size_t n = cp < 0x80 ? 1 : ks_utf8_decode(s + i, len - i, &cp);
        if (!n || !(ks_is_zero_width(cp) || (spaces && ks_is_space(cp))))
            break;
        i += n;
    }
    return i;
}

/* Is the mark before S[0..LEN) the apostrophe of an abbreviated year,
 * two digits and then 년 or a dot and a digit: "’27년 4월", "‘26.1월",
 * "'19.10월" (written with either single quotation mark)?  SPACED: a
 * converter's spaces may stand after the mark and the digits too ("’ 27
 * 년", "’ 25. 8. 25").  No quotation opens or closes there ("‘24시간
 * 돌봄’" still does). */
static bool S_year_apostrophe(const unsigned char *s, size_t len, bool spaced)
{
    size_t i = S_skip_blank(s, len, 0, spaced);
    if (len - i < 3 || !ks_is_digit(s[i]) || !ks_is_digit(s[i + 1]))
        return false;
    i = S_skip_blank(s, len, i + 2, spaced);
    if (i < len && s[i] == '.') {
        i = S_skip_blank(s, len, i + 1, spaced);
        return i < len && ks_is_digit(s[i]);
    }
    return len - i >= 3 && !memcmp(s + i, "\xEB\x85\x84", 3); /* 년 */
}

/* Write the one space a run of RUN white space characters comes down to
 * (a run of more than one is counted). */
static ks_status S_put_space(ks_buf *out, size_t run, ks_stats *st)
{
    if (run > 1)
        st->space_runs++;
    return ks_buf_putc(out, ' ');
}

/* Pair index of an opening / closing mark, or -1. */
static int S_open_pair(uint32_t cp)
{
    switch (cp) {
    case 0x201C: return 0;
    case 0x2018: return 1;
    case 0x300C: return 2;
    case 0x300E: return 3;
    default: return -1;
    }
}

static int S_close_pair(uint32_t cp)
{
    switch (cp) {
    case 0x201D: return 0;
    case 0x2019: return 1;
    case 0x300D: return 2;
    case 0x300F: return 3;
    default: return -1;
    }
}

/* The length of the character at U (LEN bytes left) when it is one the
 * fast path copies as it is, a Hangul syllable or an ASCII letter or
 * digit; else 0. */
static inline size_t S_plain(const unsigned char *u, size_t len)
{
    if (!len)
        return 0;
    unsigned char c = u[0];
    if (c - 0xEAu < 4u) /* a syllable first: most characters are */
        return ks_utf8_hangul(u, len) ? 3 : 0;
    return (unsigned)((c | 0x20) - 'a') < 26u || (unsigned)(c - '0') < 10u;
}

ks_status ks_normalize_inline(const char *s, size_t len, unsigned flags, ks_buf *out,
                              ks_stats *st)
{
    ks_stats dummy = {0};
    if (!st)
        st = &dummy;
    const unsigned char *u = (const unsigned char *)s;
    size_t start_len = out->len;
    size_t open[4] = {0, 0, 0, 0};
    size_t straight = 0;        /* straight double quotes seen on the line */
    bool squote = false;        /* a straight single quote is open */
    bool pending = false;       /* a space is owed before the next character */
    size_t run = 0;             /* spaces in the pending run */
    enum { NONE, OPENER, CLOSER, OTHER } last = NONE;
    bool after_word = false;    /* the last character was a letter or digit */
    size_t i = 0;
    while (i < len) {
        /* Fast path: a run of Hangul syllables and ASCII letters and
         * digits is copied as it is (no rule below touches those
         * characters), after the space owed before it when the last
         * character was an ordinary one (no rule drops that space). */
        if (!pending || last == OTHER) {
            size_t k = i, n;
            while (k < len) {
                if ((n = S_plain(u + k, len - k)) != 0) {
                    k += n;
                    continue;
                }
                /* one space between two such characters is kept as it
                 * is, too (what the slow path would write for it): a
                 * sentence goes in a few copies, not one a word */
                if (u[k] == ' ' && k > i && (n = S_plain(u + k + 1, len - k - 1)) != 0) {
                    k += 1 + n;
                    continue;
                }
                break;
            }
            if (k > i) {
                if (pending) {
                    if (S_put_space(out, run, st) != KS_OK)
                        return KS_ERR_NOMEM;
                    pending = false;
                    run = 0;
                }
                if (ks_buf_append(out, s + i, k - i) != KS_OK)
                    return KS_ERR_NOMEM;
                last = OTHER;
                after_word = true;
                i = k;
                continue;
            }
        }
        uint32_t cp;
        size_t n;
        if (u[i] < 0x80) {
            cp = u[i];
            n = 1;
        } else {
            n = ks_utf8_decode(u + i, len - i, &cp);
            if (n == 0) {
                cp = 0xFFFD;
                n = 1;
            }
        }
        if (cp == ' ' || ks_is_space(cp)) {
            if (cp != ' ')
                st->space_chars++;
            pending = true;
            run++;
            i += n;
            continue;
        }
        if (ks_is_zero_width(cp)) {
            st->zero_width++;
            i += n;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F)) {
            st->controls++;
            i += n;
            continue;
        }
        /* What kind of mark is this?  (None: an abbreviated year's
         * apostrophe.) */
        int op = S_open_pair(cp), cl = S_close_pair(cp);
        /* (spaced only where no quotation is open that the mark could
         * close: "‘올해의 인물 ’ 25년 만에" keeps its quotation) */
        bool year = (cp == 0x2018 || cp == 0x2019 || cp == '\'') &&
                    S_year_apostrophe(u + i + n, len - i - n, open[1] == 0 && !squote);
        bool is_open = false, is_close = false, single = false;
        if (year) {
            /* an ordinary character */
        } else if (cl >= 0 && (cp != 0x2019 || open[cl] > 0)) {
            is_close = true;
        } else if (op >= 0 && (cp != 0x2018 || pending || !after_word)) {
            /* a ‘ against the word before it opens nothing: authors who
             * write ’quoted‘ close with it ("’식물성 유지‘, ’낙농제품‘"),
             * and the ’ after ", " is theirs to space */
            is_open = true;
        } else if (cp == '"') {
            is_open = straight % 2 == 0;
            is_close = !is_open;
        } else if (cp == '\'') {
            /* straight single quotes pair by order as well ("'미생 '이" ->
             * "'미생'이"); an apostrophe between a Latin letter or digit
             * and a letter ("don't", "90's") is neither */
            unsigned char before =
                out->len > start_len ? (unsigned char)out->data[out->len - 1] : 0;
            bool apostrophe = !pending && before < 0x80 &&
                              (ks_is_alpha(before) || ks_is_digit(before)) && i + 1 < len &&
                              ks_is_alpha(u[i + 1]);
            single = !apostrophe;
            /* against the word before it, a mark closes; after a space
             * it opens unless one is open ("'미생 '이") */
            is_close = single && ((!pending && after_word) || squote);
            is_open = single && !is_close;
        }
        if (pending) {
            bool keep = true;
            if (last == NONE) {
                keep = false; /* leading space */
                st->space_runs++;
            } else if (last == OPENER || is_close) {
                keep = false;
                st->quote_padding++;
            } else if (last == CLOSER && S_is_quote_particle(u + i, len - i)) {
                keep = false;
                st->quote_padding++;
            }
            if (keep && S_put_space(out, run, st) != KS_OK)
                return KS_ERR_NOMEM;
            pending = false;
            run = 0;
        }
        if ((cp == 0x2019 || cp == 0x2018) && !year) /* writers mix '...’ and ‘...' */
            squote = cp == 0x2018 && is_open;
        if (single) {
            squote = is_open;
            last = is_open ? OPENER : is_close ? CLOSER : OTHER;
        } else if (is_close) {
            if (cl >= 0 && open[cl] > 0)
                open[cl]--;
            else
                straight++;
            last = CLOSER;
        } else if (is_open) {
            if (op >= 0)
                open[op]++;
            else
                straight++;
            last = OPENER;
        } else {
            last = year ? OPENER : OTHER; /* a space after "’" in "’ 27 년" goes */
        }
        after_word = ks_is_hangul(cp) || ks_is_alpha(cp) || ks_is_digit(cp);
        if ((flags & KS_OPT_FOLD_DOTS) && cp != 0xB7 && ks_is_middle_dot(cp)) {
            st->middle_dots++;
            if (ks_buf_append(out, "\xC2\xB7", 2) != KS_OK)
                return KS_ERR_NOMEM;
        } else if (ks_buf_append(out, s + i, n) != KS_OK) {
            return KS_ERR_NOMEM;
        }
        i += n;
    }
    if (pending && out->len > start_len)
        st->space_runs++; /* trailing space */
    return KS_OK;
}

/* ---- lines -------------------------------------------------------------- */

void ks_lines_free(ks_lines *l)
{
    ks_buf_free(&l->text);
    ks_vec_free(&l->lines);
    ks_vec_free(&l->hints);
}

/* What a byte may start, for the one scan of a line (ks_normalize): a
 * line break (S_line_break), or a character that may not be NFC-stable
 * (ks_nfc_stable).  Every other byte -- ASCII, a continuation byte, the
 * leads of U+0080-02FF and of the syllables U+B000-CFFF -- is skipped
 * with one table load. */
#define S_BREAK 1u
#define S_CHECK 2u
static const unsigned char S_look[256] = {
    ['\n'] = S_BREAK, ['\r'] = S_BREAK, [0xC2] = S_BREAK,
    [0xCC] = S_CHECK, [0xCD] = S_CHECK, [0xCE] = S_CHECK, [0xCF] = S_CHECK,
    [0xD0] = S_CHECK, [0xD1] = S_CHECK, [0xD2] = S_CHECK, [0xD3] = S_CHECK,
    [0xD4] = S_CHECK, [0xD5] = S_CHECK, [0xD6] = S_CHECK, [0xD7] = S_CHECK,
    [0xD8] = S_CHECK, [0xD9] = S_CHECK, [0xDA] = S_CHECK, [0xDB] = S_CHECK,
    [0xDC] = S_CHECK, [0xDD] = S_CHECK, [0xDE] = S_CHECK, [0xDF] = S_CHECK,
    [0xE0] = S_CHECK, [0xE1] = S_CHECK, [0xE2] = S_BREAK | S_CHECK, [0xE3] = S_CHECK,
    [0xE4] = S_CHECK, [0xE5] = S_CHECK, [0xE6] = S_CHECK, [0xE7] = S_CHECK,
    [0xE8] = S_CHECK, [0xE9] = S_CHECK, [0xEA] = S_CHECK, [0xED] = S_CHECK,
    [0xEE] = S_CHECK, [0xEF] = S_CHECK, [0xF0] = S_CHECK, [0xF1] = S_CHECK,
    [0xF2] = S_CHECK, [0xF3] = S_CHECK, [0xF4] = S_CHECK,
};

/* Length of the line break at S (0 when none): \n, \r\n, \r, U+0085,
 * U+2028, U+2029.  (A form feed is white space: see the top of the file.) */
static size_t S_line_break(const unsigned char *s, size_t len)
{
    switch (s[0]) {
    case '\n':
        return 1;
    case '\r':
        return len > 1 && s[1] == '\n' ? 2 : 1;
    case 0xC2:
        return len > 1 && s[1] == 0x85 ? 2 : 0;
    case 0xE2:
        return len > 2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9) ? 3 : 0;
    default:
        return 0;
    }
}

/* Is the character at S (LEN bytes left, S_look's S_CHECK on its first)
 * not NFC-stable?  Sets *N to its length (1 for a bad byte, U+FFFD,
 * which is stable). */
static bool S_unstable_at(const unsigned char *u, size_t len, size_t *n)
{
    /* a syllable at the edges of EA and ED (U+AC00-AFFF, D000-D7A3) */
    if (ks_utf8_hangul(u, len)) {
        *n = 3;
        return false;
    }
    uint32_t cp;
    *n = ks_utf8_decode(u, len, &cp);
    if (*n == 0)
        *n = 1;
    return !ks_nfc_stable(cp);
}

ks_status ks_normalize(ks_doc *doc, const char *text, size_t len, ks_lines *out,
                       ks_error *err)
{
    ks_status st = KS_OK;
    ks_buf nfc = {0}; /* one line's NFC form, when it needs one */
    out->lines = KS_VEC(ks_line);
    if (out->hints.size == 0)
        out->hints = KS_VEC(signed char);
    /* a reader's hints, one a line: those of the lines left out go too */
    signed char *hints = out->hints.items;
    size_t nhints = out->hints.len, kept = 0;
    if (ks_buf_reserve(&out->text, len + 1) != KS_OK)
        goto nomem;
    const unsigned char *u = (const unsigned char *)text;
    size_t begin = 0;
    long lineno = 1;
    size_t blanks = 0;     /* blank lines just before this one */
    bool unstable = false; /* the line so far holds a character not NFC-stable */
    for (size_t i = 0; i <= len;) {
        /* one scan finds the line's end and whether it needs NFC */
        while (i < len && !S_look[u[i]])
            i++;
        size_t br = 0;
        if (i < len) {
            if (S_look[u[i]] & S_BREAK)
                br = S_line_break(u + i, len - i);
            if (!br) {
                size_t n = 1;
                if ((S_look[u[i]] & S_CHECK) && !unstable)
                    unstable = S_unstable_at(u + i, len - i, &n);
                i += n;
                continue;
            }
        }
        ks_line line = {out->text.len, 0, lineno};
        /* NFC line by line, so the text is never copied whole */
        const char *ls = text + begin;
        size_t ll = i - begin;
        if (unstable) {
            unstable = false;
            ks_buf_clear(&nfc);
            if ((st = S_nfc(ls, ll, &nfc, &doc->stats.nfc, err)) != KS_OK)
                goto done;
            ls = nfc.data ? nfc.data : "";
            ll = nfc.len;
        }
        if (ks_normalize_inline(ls, ll, doc->flags, &out->text, &doc->stats) != KS_OK)
            goto nomem;
        line.len = out->text.len - line.start;
        /* a blank line past KS_NORM_BLANKS in a row is left out (not in
         * line mode: there every line has its output line) */
        bool drop = false;
        if (line.len == 0 && !(doc->flags & KS_OPT_LINE_MODE))
            drop = blanks++ >= KS_NORM_BLANKS;
        else
            blanks = 0;
        if (drop) {
            /* its number is skipped: the next line keeps its own */
        } else if (ks_buf_putc(&out->text, '\n') != KS_OK) {
            goto nomem;
        } else if (i == len && begin == len && lineno > 1) {
            /* a final line break does not start another line */
            out->text.len--, out->text.data[out->text.len] = '\0';
        } else if (ks_vec_push(&out->lines, &line) != KS_OK) {
            goto nomem;
        } else if (nhints && (size_t)lineno <= nhints) {
            hints[kept++] = hints[lineno - 1];
        }
        if (i == len)
            break;
        i += br;
        begin = i;
        lineno++;
    }
    if (nhints)
        out->hints.len = kept;
    goto done;
nomem:
    st = KS_NOMEM(err, "normalize");
done:
    ks_buf_free(&nfc);
    return st;
}
