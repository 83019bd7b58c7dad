/*
 * meta.h -- private helpers of split.c for metadata: dates, phones,
 * e-mail addresses, board listing rows, attachment file names and
 * organization names.  Never installed.  Every function reads S[0..LEN)
 * (valid UTF-8, not necessarily NUL-terminated) and allocates only where it
 * says NEW.
 */
#ifndef KSPLIT_META_H
#define KSPLIT_META_H

#include "internal.h"

/* A date found in a string: the calendar value and the byte extent of the
 * text that printed it ("2026. 4. 10.(금)" with its weekday). */
typedef struct {
    int year, month, day;   /* year 0 when none printed and none known */
    size_t start, end;      /* bytes [start, end) of the printed form */
} ks_date_match;

/* Find the first date at or after byte FROM.  Forms: "2026. 4. 10.(금)",
 * "2026.04.10", "2026-04-10", "2026년 4월 10일", "’26.4.13.", and, when
 * CTX_YEAR > 0, "4.13.(월)" / "4. 13." taking the year CTX_YEAR.  Spaces
 * around the separators (and inside a broken year, "202 6.") are allowed.
 * Returns false when there is none. */
bool ks_meta_find_date(const char *s, size_t len, size_t from, int ctx_year,
                       ks_date_match *out);

/* The first four-digit year (1990-2099) printed as part of a date or with
 * 년 in S, or 0.  Used as the year of dates printed without one. */
int ks_meta_context_year(const char *s, size_t len);

/* Write "YYYY-MM-DD" (11 bytes with the NUL) into OUT. */
void ks_meta_iso(const ks_date_match *m, char out[11]);

/* The first date of S that prints its year (ks_meta_find_date's forms
 * without a context year), the year 1990-2099, written to ISO as
 * "YYYY-MM-DD": what the readers (hwpx.c, html.c) take from a labelled
 * cell or line; where it is printed in *AT unless AT is NULL.  False when
 * there is none. */
bool ks_meta_first_date(const char *s, char iso[11], ks_date_match *at);

/* Find the first telephone number ("044-202-7026", "(02 -2100-3081)",
 * "(044) 000-2003", "1588-0000"); spaces inside it are dropped in OUT
 * (NUL-terminated, CAP bytes), an area code's brackets become a '-'.
 * *START / *END get its byte extent.  False when none. */
bool ks_meta_find_phone(const char *s, size_t len, size_t *start, size_t *end, char *out,
                        size_t cap);

/* Find the first e-mail address ("lty703@korea.kr", also "dje9350@korea .kr"
 * with a broken space); written without spaces into OUT. */
bool ks_meta_find_email(const char *s, size_t len, char *out, size_t cap);

/* Parse a board listing row "567 제목 ... file 2021.12.15 31" (number,
 * title, optional "file" mark, date, views), or a neighbour link "이전글
 * 제목 2025-12-05" (title, the date when one ends it; number and views
 * -1).  On a match fills *OUT with NEW title / date (NULL when none) / raw
 * strings and returns KS_OK with *OK true; *OK false when S is neither.
 * KS_ERR_NOMEM when an allocation fails. */
ks_status ks_meta_parse_related(const char *s, size_t len, ks_related *out, bool *ok);

/* The length of the neighbour-link label S opens with ("이전글", "다음글",
 * "윗글", "아랫글", "이전 글", "다음 글"), or 0. */
size_t ks_meta_neighbour_label(const char *s, size_t len);

/* True when S is a board listing row, or a neighbour link that ends with
 * its date (the same tests, no allocation). */
bool ks_meta_is_related(const char *s, size_t len);

/* True when S is a board listing header ("번호 제목 날짜 조회 수"). */
bool ks_meta_is_listing_header(const char *s, size_t len);

/* The attachment kind of a file NAME by its extension ("image",
 * "document", "spreadsheet", "archive"), or NULL when NAME does not end in
 * a known extension. */
const char *ks_meta_file_kind(const char *name, size_t len);

/* Byte length of the name part of a file name without its extension and a
 * trailing picture number: "... 특강1.jpg" -> "... 특강". */
size_t ks_meta_file_stem(const char *name, size_t len);

/* The byte length of the kind word ("보도자료", "보도참고자료", "설명자료"
 * ...) that S opens with (ks_meta_kind_prefix) or ends with
 * (ks_meta_kind_suffix), 0 when none. */
size_t ks_meta_kind_prefix(const char *s, size_t len);
size_t ks_meta_kind_suffix(const char *s, size_t len);

/* The release date that a document's file NAME opens with, as ministries
 * name their attachments: "260412_제목.hwpx", "(20260413)보도자료-…",
 * "[260413 배포즉시] …".  Writes "YYYY-MM-DD" into ISO (11 bytes) and
 * the digits' byte length into *NDIGITS; false when NAME opens with no
 * six- or eight-digit date (a bare "0413" has no year). */
bool ks_meta_file_date(const char *name, size_t len, char iso[11], size_t *ndigits);

/* The title in a document's file NAME, into OUT (CAP bytes, NUL-ended):
 * the stem without the conventions around it: a leading list dash, a
 * date, a number, bracketed tags ("[지식재산처]", "(즉시)", "(동정)"), kind
 * words ("보도자료", "보도참고"), a closing tag ("(기획재정담당관)",
 * "(본문)"), "최종"; '_' read as a space.
 *   "- 260412 (즉시) 전남 완도군 화재 관련 긴급 지시(국토산업재난대응과).hwpx"
 *   -> "전남 완도군 화재 관련 긴급 지시"
 * Returns the title's length, 0 when fewer than four words' worth (8
 * characters) are left. */
size_t ks_meta_file_title(const char *name, size_t len, char *out, size_t cap);

/* True when S (no spaces) looks like an organization name: three or more
 * Hangul syllables ending in 부 처 청 위원회 or 시 (not 정부, 실시 ...), one
 * of the central offices named "…실" (국무조정실 ...), or a province
 * (경기도, 제주특별자치도 ...). */
bool ks_meta_org_like(const char *s, size_t len);

/* The common Korean surnames, one syllable each, in UTF-8. */
extern const char ks_meta_surnames[];

/* Does S[0..LEN) start with one of ks_meta_surnames? */
bool ks_meta_is_surname(const char *s, size_t len);

/* Copy S[0..LEN) without ASCII spaces into OUT (CAP bytes, always
 * NUL-terminated, cut at a character boundary).  Returns the length. */
size_t ks_meta_compact(const char *s, size_t len, char *out, size_t cap);

#endif
