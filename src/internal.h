/*
 * internal.h -- private types shared by the pipeline stages.  Never installed.
 *
 * The stages talk to each other only through the types here:
 *
 *   decode.c     raw bytes          -> ks_buf of valid UTF-8 (no NULs)
 *   normalize.c  UTF-8 text         -> ks_lines (NFC, clean white space, quotes)
 *   split.c      ks_lines           -> ks_doc blocks with roles + metadata
 *     respace.c    (called by split on every block's text)
 *     meta.c       dates, contacts, attachments, board listings
 *     quotes.c     quotations and speakers, after the blocks are final
 *   emit.c       ks_doc             -> JSON or text
 *   pipeline.c   wires them: new / feed / finish / free
 */
#ifndef KSPLIT_INTERNAL_H
#define KSPLIT_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ksplit.h"

/* ---- memory (mem.c) -------------------------------------------------- */

/* Every allocation goes through these, so tests can make any one fail. */
void *ks_malloc(size_t size);
void *ks_calloc(size_t n, size_t size);  /* NULL on overflow too */
void *ks_realloc(void *ptr, size_t size);
/* NEW copy of S[0..LEN) with a NUL after it, or NULL. */
char *ks_strndup(const char *s, size_t len);
char *ks_strdup(const char *s);

/* ---- errors (error.c) ------------------------------------------------ */

/* Fill *ERR (when not NULL) and return CODE.  printf-style MESSAGE. */
ks_status ks_error_set(ks_error *err, ks_status code, const char *stage, uint64_t offset,
                       long line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;
#define KS_NOMEM(err, stage) ks_error_set((err), KS_ERR_NOMEM, (stage), 0, 0, "out of memory")

/* ---- growable byte buffer (buf.c) ------------------------------------ */

/* DATA is NULL or NUL-terminated at LEN.  Zero-initialise to start. */
typedef struct {
    char *data;
    size_t len;
    size_t cap;
} ks_buf;

ks_status ks_buf_reserve(ks_buf *b, size_t extra);
ks_status ks_buf_puts(ks_buf *b, const char *s);
/* The growing paths of ks_buf_append / ks_buf_putc. */
ks_status ks_buf_append_grow(ks_buf *b, const char *s, size_t len);
ks_status ks_buf_putc_grow(ks_buf *b, char c);

/* Append S[0..LEN).  Inline: the stages append a character at a time, and
 * the common case (room left) is a copy. */
static inline ks_status ks_buf_append(ks_buf *b, const char *s, size_t len)
{
    if (len < b->cap - b->len) { /* cap == 0 (no data yet) never passes */
        if (len)
            memcpy(b->data + b->len, s, len);
        b->len += len;
        b->data[b->len] = '\0';
        return KS_OK;
    }
    return ks_buf_append_grow(b, s, len);
}

static inline ks_status ks_buf_putc(ks_buf *b, char c)
{
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return KS_OK;
    }
    return ks_buf_putc_grow(b, c);
}
/* Append code point CP as UTF-8 (CP must be a scalar value). */
ks_status ks_buf_put_cp(ks_buf *b, uint32_t cp);
void ks_buf_clear(ks_buf *b);             /* LEN = 0, keeps memory */
void ks_buf_free(ks_buf *b);              /* frees and zeroes */
/* Hand the bytes over: returns DATA (NEW; "" when empty) and zeroes B. */
char *ks_buf_detach(ks_buf *b);

/* ---- growable array of fixed-size items (buf.c) ---------------------- */

typedef struct {
    void *items;
    size_t len;
    size_t cap;
    size_t size; /* bytes per item; set before first use */
} ks_vec;

#define KS_VEC(type) ((ks_vec){NULL, 0, 0, sizeof(type)})
#define KS_AT(vec, type, i) (((type *)(vec).items)[i])

/* The growing path of ks_vec_push. */
ks_status ks_vec_push_grow(ks_vec *v, const void *item);

/* Copy SIZE bytes from ITEM to the end. */
static inline ks_status ks_vec_push(ks_vec *v, const void *item)
{
    if (v->len < v->cap) {
        memcpy((char *)v->items + v->len * v->size, item, v->size);
        v->len++;
        return KS_OK;
    }
    return ks_vec_push_grow(v, item);
}
/* Make room for N items in all (exactly, when the count is known). */
ks_status ks_vec_reserve(ks_vec *v, size_t n);
/* Give back the room beyond LEN (after a large array is complete). */
void ks_vec_fit(ks_vec *v);
void ks_vec_free(ks_vec *v); /* frees the array only, not what items own */

/* An arena of strings that live as long as their owner and are freed
 * together: a document's quotations (a release has a handful, a page may
 * have hundreds of thousands: 500k in one paragraph peaked at 212 MB with
 * a malloc each, at 122 MB here).
 * Chunks grow from 1 KiB to KS_ARENA_CHUNK; a string larger than a
 * quarter of that gets a chunk of its own.  Zero-initialise to use. */
typedef struct ks_arena_chunk ks_arena_chunk;
typedef struct {
    ks_arena_chunk *head; /* the chunk being filled, the older ones after it */
} ks_arena;

/* A copy of S[0..LEN) with a NUL after it in A, or NULL (out of memory).
 * It stays valid until ks_arena_free(A). */
char *ks_arena_strndup(ks_arena *a, const char *s, size_t len);
/* Free every string of A; A is empty (and usable) after. */
void ks_arena_free(ks_arena *a);

/* ---- UTF-8 and code points (utf8.c) ---------------------------------- */

/* Encode scalar value CP as UTF-8 into P[0..4); returns its length. */
static inline size_t ks_utf8_encode(uint32_t cp, unsigned char *p)
{
    if (cp < 0x80) {
        p[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        p[0] = (unsigned char)(0xC0 | (cp >> 6));
        p[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        p[0] = (unsigned char)(0xE0 | (cp >> 12));
        p[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        p[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    p[0] = (unsigned char)(0xF0 | (cp >> 18));
    p[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    p[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    p[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode one scalar value at S[0..LEN).  Returns its length (1-4) and sets
 * *CP, or 0 when the bytes are not valid UTF-8 (then *CP = U+FFFD).
 * Rejects overlongs, surrogates and values above U+10FFFF.  Reads a byte
 * only after every byte before it continued the sequence, so a NUL stops
 * it whatever LEN says.  Inline: every stage calls it per character; the
 * three-byte form (Hangul, CJK, most punctuation) goes first. */
static inline size_t ks_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp)
{
    *cp = 0xFFFD;
    if (len == 0)
        return 0;
    unsigned c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (len < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        uint32_t v = ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) |
                     (uint32_t)(s[2] & 0x3F);
        if (v < 0x800 || (v >= 0xD800 && v <= 0xDFFF))
            return 0;
        *cp = v;
        return 3;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    if (len < n)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF)
        return 0;
    *cp = v;
    return n;
}

/* Length of the valid UTF-8 prefix of S[0..LEN). */
size_t ks_utf8_valid_prefix(const unsigned char *s, size_t len);
/* Number of code points in S[0..LEN) (S valid UTF-8). */
size_t ks_utf8_count(const char *s, size_t len);
/* The first NEEDLE (a C string) in HAY[0..N), or NULL (memmem is not POSIX). */
const char *ks_memfind(const char *hay, size_t n, const char *needle);

/* The classes every stage asks per character: inline. */
static inline bool ks_is_space(uint32_t cp) /* incl. NBSP, U+3000, U+2000-200A */
{
    /* Two range tests first: a syllable (above U+3000) is answered by one. */
    if (cp > 0x3000)
        return false;
    if (cp < 0xA0)
        return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f';
    return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

static inline bool ks_is_zero_width(uint32_t cp) /* U+200B-200D, U+2060, U+FEFF */
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

static inline bool ks_is_hangul(uint32_t cp) /* precomposed syllables U+AC00-D7A3 */
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* The Hangul syllable that S[0..LEN) starts with, or 0: most characters
 * of a release are one, and the stages read them with this before
 * ks_utf8_decode.  A lead byte EA-ED and two continuation bytes that give
 * U+AC00-D7A3 are valid UTF-8, so the two agree.  The three bytes' tags
 * are tested together (each continuation byte is 0-0x3F once its top bit
 * is flipped), so all three are read when LEN allows. */
static inline uint32_t ks_utf8_hangul(const unsigned char *s, size_t len)
{
    if (len < 3)
        return 0;
    unsigned x0 = s[0] - 0xEAu, x1 = s[1] ^ 0x80u, x2 = s[2] ^ 0x80u;
    if (x0 > 3u || (x1 | x2) > 0x3Fu)
        return 0;
    uint32_t v = ((x0 + 0xAu) << 12) | (x1 << 6) | x2;
    return ks_is_hangul(v) ? v : 0;
}

static inline bool ks_is_digit(uint32_t cp) /* ASCII 0-9 */
{
    return cp >= '0' && cp <= '9';
}

static inline bool ks_is_alpha(uint32_t cp) /* ASCII letters */
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

bool ks_is_middle_dot(uint32_t cp);   /* U+00B7 and its look-alikes */
bool ks_is_open_quote(uint32_t cp);   /* “ ‘ 「 『 */
bool ks_is_close_quote(uint32_t cp);  /* ” ’ 」 』 */

/* ---- decode (decode.c) ----------------------------------------------- */

typedef struct ks_decoder ks_decoder;

/* A warning found while decoding: an undecodable byte run. */
typedef void (*ks_decode_warn_fn)(void *ctx, uint64_t offset, size_t nbytes);

/* NEW decoder for ENC (KS_ENC_AUTO keeps the raw bytes until finish). */
ks_decoder *ks_decoder_new(ks_encoding enc, bool strict, ks_error *err);
void ks_decoder_free(ks_decoder *d);
void ks_decoder_reset(ks_decoder *d);
/* Decode a chunk, appending UTF-8 to OUT.  A character split across chunks
 * is completed by the next call.  Undecodable bytes become U+FFFD and call
 * WARN (or fail with KS_ERR_DECODE when strict). */
ks_status ks_decoder_feed(ks_decoder *d, const char *buf, size_t len, ks_buf *out,
                          ks_decode_warn_fn warn, void *ctx, ks_error *err);
/* End of input: flush (a cut character becomes U+FFFD). */
ks_status ks_decoder_finish(ks_decoder *d, ks_buf *out, ks_decode_warn_fn warn, void *ctx,
                            ks_error *err);
/* The CP949 table (cp949_table.c, GENERATED by tools/make_cp949.py): the
 * code point of lead byte L and trail byte T at
 * [(L - KS_CP949_LEAD_MIN) * KS_CP949_TRAILS + T - KS_CP949_TRAIL_MIN],
 * 0 where the pair is no character. */
#define KS_CP949_LEAD_MIN 0x81
#define KS_CP949_LEAD_MAX 0xFE
#define KS_CP949_TRAIL_MIN 0x41
#define KS_CP949_TRAIL_MAX 0xFE
#define KS_CP949_TRAILS (KS_CP949_TRAIL_MAX - KS_CP949_TRAIL_MIN + 1)
extern const uint16_t ks_cp949_table[(KS_CP949_LEAD_MAX - KS_CP949_LEAD_MIN + 1) * KS_CP949_TRAILS];
/* After finish: the encoding used ("utf-8", "cp949", "utf-16le", "utf-16be")
 * and how it was chosen ("bom", "valid-utf-8", "valid-cp949", "best-guess",
 * "declared", "forced").  Static strings. */
const char *ks_decoder_encoding(const ks_decoder *d);
const char *ks_decoder_reason(const ks_decoder *d);
/* Bytes consumed so far. */
uint64_t ks_decoder_offset(const ks_decoder *d);

/* ---- document model -------------------------------------------------- */

/* What a block is in the document; emit.c shows each role in its field. */
typedef enum {
    KS_ROLE_BODY = 0,
    KS_ROLE_TITLE,      /* a title line (the joined title is doc->title) */
    KS_ROLE_SUBTITLE,
    KS_ROLE_SUMMARY,
    KS_ROLE_META,       /* header or contact line used for metadata */
    KS_ROLE_RELATED,    /* a board listing row (parsed into meta.related) */
    KS_ROLE_ATTACHMENT, /* an attachment line (parsed into meta.attachments) */
    KS_ROLE_RESIDUE     /* fits nowhere; kept so nothing is lost */
} ks_role;

typedef enum {
    KS_KIND_PARAGRAPH = 0,
    KS_KIND_ITEM,      /* a list item with a marker */
    KS_KIND_HEADING,   /* a section heading (Ⅰ. 1. 󰊱 ...) */
    KS_KIND_TABLE_ROW  /* cells joined by " | " */
} ks_kind;

typedef struct {
    char *text;    /* UTF-8 in the document's text store: marker stripped, wrapped
                    * lines rejoined, repaired */
    char *marker;  /* NULL or in the text store: "□", "○", "-", "1." ... */
    uint32_t line;     /* first input line, 1-based (split counts below 2^32) */
    uint32_t nlines;   /* input lines it spans */
    int8_t level;      /* nesting: □ 0, ○/ㅇ 1, - 2, ...; 0 for plain paragraphs */
    bool marker_space; /* the input had a space between marker and text */
    uint8_t role;      /* ks_role */
    uint8_t kind;      /* ks_kind; small fields last: a large document has
                        * millions of blocks (32 bytes each) */
} ks_block;

/* A quotation; its strings are in the document's quote_strings (two may
 * be the same string: a cue shared with the next quotation). */
typedef struct {
    char *text;          /* the words inside the marks */
    char *name;          /* or NULL: the speaker's personal name */
    char *title;         /* or NULL: title or role printed with the name */
    char *cue;           /* or NULL: the reporting verb (말했다, 밝혔다 ...) */
    size_t paragraph;    /* index into the body paragraphs (role BODY only) */
    size_t start, end;   /* code-point offsets of TEXT in that paragraph */
} ks_quote;

typedef struct {
    char *raw;           /* NEW: as printed */
    char *iso;           /* NEW or NULL: YYYY-MM-DD */
    const char *role;    /* static: "release", "embargo", "distribution", "event", "other" */
} ks_date;

typedef struct {
    char *name, *title, *phone, *email, *department; /* each NEW or NULL */
} ks_contact;

typedef struct {
    char *name;          /* NEW: file name or label as printed */
    const char *kind;    /* static: "image", "document", "spreadsheet", "archive", "other" */
} ks_attachment;

typedef struct {
    long number;         /* -1 when absent */
    char *title;         /* NEW */
    char *date;          /* NEW or NULL: YYYY-MM-DD */
    long views;          /* -1 when absent */
    bool has_file;
    char *raw;           /* NEW: the row as printed */
} ks_related;

typedef struct {
    char *organization;  /* NEW or NULL */
    char *release_date;  /* NEW or NULL: YYYY-MM-DD */
    char *department;    /* NEW or NULL */
    ks_vec dates;        /* ks_date */
    ks_vec contacts;     /* ks_contact */
    ks_vec attachments;  /* ks_attachment */
    ks_vec related;      /* ks_related */
} ks_meta;

typedef struct {
    const char *code;    /* static: "decode", "encoding-guess", "quote-unbalanced" ... */
    char *message;       /* NEW */
    uint64_t offset;     /* byte offset in the input */
    long line;           /* 1-based input line, 0 when not known */
} ks_warning;

/* One change made to the text, for --explain. */
typedef struct {
    const char *rule;    /* static: "nfc", "nbsp", "quote-padding", "respace" ... */
    long line;           /* 1-based input line where it happened */
    size_t block;        /* block index, or SIZE_MAX before splitting */
    size_t offset;       /* byte offset in the block's (or line's) text */
    char *before;        /* NEW: a short context before the change */
    char *after;         /* NEW: the same context after it */
} ks_edit;

/* Counts of normalization changes; each field is one rule. */
typedef struct {
    size_t nfc;              /* code points changed by NFC */
    size_t space_chars;      /* NBSP, U+3000, tabs and other spaces -> ' ' */
    size_t zero_width;       /* zero-width characters removed */
    size_t space_runs;       /* runs of spaces collapsed, edge spaces trimmed */
    size_t controls;         /* control characters removed */
    size_t quote_padding;    /* spaces removed inside or after quotation marks */
    size_t middle_dots;      /* look-alikes folded to U+00B7 (KS_OPT_FOLD_DOTS) */
    size_t respace_removed;  /* spurious spaces removed */
    size_t respace_joined;   /* line wraps joined without a space */
    size_t replaced;         /* U+FFFD for undecodable bytes */
} ks_stats;

struct ks_doc {
    char *name;                 /* NEW or NULL: input name */
    const char *format;         /* static: "text", "html", "hwpx" */
    const char *encoding;       /* static, from the decoder */
    const char *encoding_reason;/* static, from the decoder */
    uint64_t bytes;             /* input size */
    char *title;                /* NEW or NULL */
    const char *title_source;   /* static: "text", "html", "hwpx", "filename", "none" */
    ks_vec blocks;              /* ks_block, document order */
    ks_vec store;               /* char *, OWNED: the blocks' texts and markers,
                                 * NUL-separated, one chunk a split */
    ks_vec quotes;              /* ks_quote */
    ks_arena quote_strings;     /* OWNED: the quotes' strings */
    ks_meta meta;
    ks_vec warnings;            /* ks_warning */
    ks_vec edits;               /* ks_edit, only with KS_OPT_EXPLAIN */
    ks_stats stats;
    unsigned flags;             /* KS_OPT_* the document was made with */
};

/* NEW empty document (vectors initialised), or NULL. */
ks_doc *ks_doc_new(void);
/* A copy of S[0..LEN) in DOC's store (freed with DOC), NUL-terminated; NULL
 * when out of memory.  For blocks' texts made outside split. */
char *ks_doc_keep(ks_doc *doc, const char *s, size_t len);
/* Push a warning; MESSAGE is printf-style and copied. */
ks_status ks_doc_warn(ks_doc *doc, const char *code, uint64_t offset, long line,
                      const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;
/* Push an edit (copies BEFORE/AFTER, BLEN/ALEN bytes each). */
ks_status ks_doc_edit(ks_doc *doc, const char *rule, long line, size_t block, size_t offset,
                      const char *before, size_t blen, const char *after, size_t alen);

/* ---- normalize (normalize.c) ----------------------------------------- */

/* One line of normalized text: TEXT.data[start .. start+len), no '\n'. */
typedef struct {
    size_t start;
    size_t len;
    long lineno;       /* 1-based input line */
} ks_line;

typedef struct {
    ks_buf text;       /* all lines, each followed by '\n' */
    ks_vec lines;      /* ks_line */
    ks_vec hints;      /* signed char per line (same index as LINES), or empty:
                          -1 = no hint, else the ks_role a reader (html.c,
                          hwpx.c) already knows the line has; split obeys it;
                          KS_HINT_SOFT: no role, and the line ended at a <br>
                          inside its block (html.c) */
} ks_lines;

/* The hint of a line with no role that ended at a <br> inside its block:
 * split rejoins such lines where they are hard-wrapped text. */
#define KS_HINT_SOFT (-2)

void ks_lines_free(ks_lines *l);

/* Normalize decoded UTF-8 TEXT[0..LEN) into lines: CRLF/CR -> LF, NFC,
 * spaces, zero-width and control characters, padded quotation marks,
 * (with KS_OPT_FOLD_DOTS) middle dots.  Counts go to DOC->stats, edits to
 * DOC->edits under KS_OPT_EXPLAIN.  Blank lines are kept (len 0), up to
 * eight in a row (all with KS_OPT_LINE_MODE).  OUT->hints: empty, or a
 * reader's hints, one per line of TEXT, which are kept for the lines that
 * are kept. */
ks_status ks_normalize(ks_doc *doc, const char *text, size_t len, ks_lines *out,
                       ks_error *err);

/* The in-line part of ks_normalize on one string: spaces, quote padding,
 * dots (no NFC, no line splitting).  Appends to OUT; adds counts to ST
 * (may be NULL).  Used by html.c / hwpx.c for cell text as well. */
ks_status ks_normalize_inline(const char *s, size_t len, unsigned flags, ks_buf *out,
                              ks_stats *st);

/* ---- respace (respace.c) --------------------------------------------- */

typedef struct ks_respacer ks_respacer;

/* NEW respacer over the built-in model (no I/O), or NULL. */
ks_respacer *ks_respacer_new(void);
void ks_respacer_free(ks_respacer *r);
/* Forget the evidence of the previous document. */
void ks_respacer_reset(ks_respacer *r);
/* Record TEXT[0..LEN) as evidence about the current document (words it
 * writes whole, where its lines wrap).  Call for every block before the
 * first ks_respacer_repair of that document.  TEXT may hold '\n' marks. */
ks_status ks_respacer_observe(ks_respacer *r, const char *text, size_t len);
/* Does the one '\n' mark in TEXT[0..LEN) fall inside a word, by the model
 * alone (no layout, no evidence of the document), with the confidence a
 * space must give to be removed?  Sets *INSIDE.  For the lines of a table
 * cell, whose widths say nothing (split.c); uses R's scratch only, not the
 * document's evidence.  KS_ERR_NOMEM when out of memory. */
ks_status ks_respacer_wrap_inside(ks_respacer *r, const char *text, size_t len, bool *inside);
/* Weigh TEXT[0..LEN), one paragraph of a --line-mode document, as a line
 * wrapped at a fixed width (rule 20): counts the spaces the model alone
 * would remove and those of them no fixed-width wrap can explain.  Call
 * for every paragraph after the document's last ks_respacer_observe and
 * before its first ks_respacer_repair: rule 20 then applies to the
 * document only where its spaces fit (respace.c, KS_RS_FIXED_MISFIT);
 * once enough spaces are weighed the call does nothing.
 * KS_ERR_NOMEM when out of memory. */
ks_status ks_respacer_weigh_layout(ks_respacer *r, const char *text, size_t len);

/* Do rule 14's particle lists agree with the first-syllable test that
 * screens tokens before them (respace.c)?  For test_respace. */
bool ks_respacer_particles_ok(void);
/* Repair TEXT[0..LEN): drop spurious spaces; each '\n' (a line wrap)
 * becomes ' ' or nothing.  Appends the result to OUT (never '\n').  A
 * TEXT over 64 KB is repaired in pieces cut after a sentence's end, so the
 * scratch stays bounded (respace.c, KS_RS_PIECE).
 * Adds to ST->respace_removed / respace_joined.  When DOC is not NULL and
 * has KS_OPT_EXPLAIN, records ks_edit entries for BLOCK at LINE. */
ks_status ks_respacer_repair(ks_respacer *r, const char *text, size_t len, ks_buf *out,
                             ks_stats *st, ks_doc *doc, size_t block, long line);

/* ---- split (split.c, meta.c) ----------------------------------------- */

/* Turn LINES into DOC->blocks, DOC->title and DOC->meta.  RS may be NULL
 * (no repair: '\n' wraps become ' ').  With KS_OPT_LINE_MODE every line is
 * one body paragraph, blank lines included.  LINES->lines and ->hints are
 * read first and freed (LINES->text stays to the end): the caller frees
 * LINES as usual. */
ks_status ks_split(ks_doc *doc, ks_lines *lines, ks_respacer *rs, ks_error *err);

/* ---- quotes (quotes.c) ----------------------------------------------- */

/* Find the quotations in DOC's body blocks and fill DOC->quotes; an
 * unbalanced mark becomes a warning, never lost text. */
ks_status ks_quotes_extract(ks_doc *doc, ks_error *err);

/* ---- other inputs (html.c, hwpx.c) --------------------------------- */

/* What a reader extracts: UTF-8 text, one line per paragraph / table row /
 * info row, and a role hint per line (signed char: -1 or a ks_role).  The
 * pipeline then runs ks_normalize (which keeps the line count) and ks_split
 * with the hints. */
typedef struct {
    ks_buf text;
    ks_vec hints;
} ks_extract;

void ks_extract_free(ks_extract *x);

/* Guess the format of RAW[0..LEN) from its first bytes: an OLE compound
 * file -> KS_FROM_HWP; a zip with an HWPX mimetype -> KS_FROM_HWPX; markup
 * ("<!DOCTYPE html", "<html", ...) -> KS_FROM_HTML; else KS_FROM_TEXT. */
ks_format ks_sniff_format(const char *raw, size_t len);

/* Read an HTML page (raw bytes; ENC or its own declaration decides the
 * encoding, via decode.c).  May set DOC->title / title_source ("html"),
 * DOC->meta fields, DOC->encoding*, and warnings.  No network, no entities. */
ks_status ks_html_extract(ks_doc *doc, const char *raw, size_t len, ks_encoding enc,
                          bool strict, ks_extract *out, ks_error *err);

/* Initialise libxml2 once per process, safely from any thread (html.c). */

/* Read an HWPX file (a zip of XML) held in memory.  May set DOC->meta fields
 * from the header table, DOC->title / title_source ("hwpx"). */
ks_status ks_hwpx_extract(ks_doc *doc, const char *raw, size_t len, ks_extract *out,
                          ks_error *err);

/* The limits of the container readers (hwpx.c, hwp.c), the same for both
 * so that a bomb costs little whichever it comes as: a section may inflate
 * to at most KS_SECTION_MAX bytes, all of a document's together to
 * KS_SECTIONS_TOTAL_MAX, and one above KS_RATIO_FLOOR by at most
 * KS_RATIO_MAX:1; a document has at most KS_SECTIONS_MAX sections. */
#define KS_SECTION_MAX ((uint64_t)64 << 20)
#define KS_SECTIONS_TOTAL_MAX ((uint64_t)256 << 20)
#define KS_RATIO_MAX 1000u
#define KS_RATIO_FLOOR ((uint64_t)1 << 20)
#define KS_SECTIONS_MAX 1024u

/* Put a document's N sections in order (hwpx.c, hwp.c): NUM[i] is the
 * number in the name of section i and IDX[i] its entry, carried along;
 * both are sorted by number in place.  The numbers must run 0 .. N-1, each
 * once, and N be one at least: else KS_ERR_FORMAT (stage STAGE) names the
 * first section missing or repeated as PREFIX number SUFFIX
 * ("Contents/section" 1 ".xml", "BodyText/Section" 1 ""). */
ks_status ks_sections_order(long *num, size_t *idx, size_t n, const char *stage,
                            const char *prefix, const char *suffix, ks_error *err);

/* The same reading of one section given as XML text in HWPX's vocabulary
 * (p, t, lineBreak, tab, nbSpace, tbl, tr, tc, subList, linesegarray /
 * lineseg textheight; namespaces ignored), as hwp.c writes an HWP 5
 * document's sections; SECTION names it in messages, and a title read
 * from its title box gets title_source SOURCE. */
ks_status ks_hwpx_extract_xml(ks_doc *doc, const char *xml, size_t len, const char *section,
                              const char *source, ks_extract *out, ks_error *err);

/* Read an HWP 5 document (an OLE compound file) held in memory: its
 * BodyText sections' records, turned into HWPX's vocabulary and read as
 * ks_hwpx_extract_xml reads it.  KS_ERR_FORMAT for an OLE file that is not
 * an HWP document, or one whose text is encrypted (a password, a
 * distribution document). */
ks_status ks_hwp_extract(ks_doc *doc, const char *raw, size_t len, ks_extract *out,
                         ks_error *err);

/* ---- emit (emit.c) --------------------------------------------------- */

ks_status ks_emit(const ks_doc *doc, ks_render form, ks_buf *out, ks_error *err);


#endif
