/*
 * ksplit.h -- the one public header of libksplit.
 *
 * libksplit turns a Korean press release (plain text in UTF-8, CP949/EUC-KR or
 * UTF-16, a saved HTML board page, an HWPX or HWP 5 original) into a structured
 * document and that document into JSON that conforms to
 * schemas/ksplit.schema.json.
 *
 *     ks_pipeline *p = ks_pipeline_new(&opts, &err);
 *     while ((n = read(fd, buf, sizeof buf)) > 0)
 *         if (ks_pipeline_feed(p, buf, n, &err) != KS_OK) goto fail;
 *     ks_doc *doc;
 *     if (ks_pipeline_finish(p, &doc, &err) != KS_OK) goto fail;
 *     ks_doc_render(doc, KS_RENDER_JSON, &out, &outlen, &err);   (one string)
 *     ks_doc_write(doc, KS_RENDER_JSON, my_write, ctx, &err);    (in pieces)
 *
 * HTML, HWPX and HWP need libxml2 (and libzip, zlib), which libksplit loads
 * on first use; without them such inputs fail with KS_ERR_UNAVAILABLE.
 *
 * Conventions: every function returns a ks_status and, when ERR is not NULL,
 * fills *ERR on failure.  The library never prints, exits or aborts; running
 * out of memory is reported as KS_ERR_NOMEM.  Pointers marked BORROWED stay
 * owned by the object they came from; NEW results belong to the caller.
 * Every x_free() accepts NULL.  Objects are not shared between threads, but
 * separate objects may be used from separate threads at the same time.
 */
#ifndef KSPLIT_KSPLIT_H
#define KSPLIT_KSPLIT_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KSPLIT_VERSION "0.1.0"
/** Version of the JSON output contract; written as "version" in each document. */
#define KSPLIT_SCHEMA_VERSION "1.0"

/** Status codes.  KS_OK is zero; every other value is an error. */
typedef enum {
    KS_OK = 0,
    KS_ERR_NOMEM,    /**< an allocation failed */
    KS_ERR_DECODE,   /**< bytes that do not decode, with KS_OPT_STRICT */
    KS_ERR_FORMAT,   /**< input that is not what it claims (corrupt HTML, zip, XML,
                          HWP), an encrypted HWP document, or a PDF, another OLE
                          or a gzip file with KS_FROM_AUTO */
    KS_ERR_LIMIT,    /**< input beyond a documented limit (size, depth, ratio) */
    KS_ERR_IO,       /**< reading or writing failed (the CLI; ks_doc_write's writer) */
    KS_ERR_ARG,      /**< a caller error: bad option value, NULL where not allowed */
    KS_ERR_INTERNAL, /**< a broken invariant: a bug in libksplit */
    KS_ERR_UNAVAILABLE /**< a library loaded on first use is missing (libxml2
                            for HTML, HWPX and HWP, libzip for HWPX, zlib for
                            HWP) */
} ks_status;

/** Where an error happened; modelled on jansson's json_error_t. */
typedef struct {
    ks_status code;
    char stage[16];    /**< "decode", "normalize", "split", "emit", "html", ... */
    uint64_t offset;   /**< byte offset in the input (0 when not known) */
    long line;         /**< 1-based line in the input, 0 when not known */
    char message[200]; /**< a sentence, no trailing newline */
} ks_error;

/** Input encodings. */
typedef enum {
    KS_ENC_AUTO = 0, /**< BOM, else valid UTF-8, else valid CP949, else the best */
    KS_ENC_UTF8,
    KS_ENC_CP949,    /**< also every EUC-KR / KS C 5601 label */
    KS_ENC_UTF16LE,
    KS_ENC_UTF16BE,
    KS_ENC_UTF16     /**< UTF-16 with a BOM; big-endian without one */
} ks_encoding;

/** Input formats. */
typedef enum {
    KS_FROM_AUTO = 0, /**< chosen by content */
    KS_FROM_TEXT,
    KS_FROM_HTML,
    KS_FROM_HWPX,
    KS_FROM_HWP       /**< an HWP 5 document (OLE compound file) */
} ks_format;

/* Option bits for ks_options.flags. */
#define KS_OPT_STRICT     (1u << 0) /**< undecodable bytes fail the document */
#define KS_OPT_LINE_MODE  (1u << 1) /**< every input line is one paragraph */
#define KS_OPT_NO_RESPACE (1u << 2) /**< skip broken-spacing repair */
#define KS_OPT_FOLD_DOTS  (1u << 3) /**< fold middle-dot look-alikes to U+00B7 */
#define KS_OPT_EXPLAIN    (1u << 4) /**< record every edit (offset, before, after) */

/** Pipeline options; zero-initialise, then set what you need. */
typedef struct {
    unsigned flags;        /**< KS_OPT_* bits */
    ks_encoding encoding;  /**< KS_ENC_AUTO by default */
    ks_format from;        /**< KS_FROM_AUTO by default */
    const char *name;      /**< the input's name (a path) or NULL; BORROWED for
                                the call to ks_pipeline_new, which copies it */
    uint64_t max_bytes;    /**< a document of more bytes fails with KS_ERR_LIMIT
                                (at offset MAX_BYTES) before they are held;
                                0: no limit */
} ks_options;

typedef struct ks_pipeline ks_pipeline;
typedef struct ks_doc ks_doc;

/** Output forms for ks_doc_render. */
typedef enum {
    KS_RENDER_JSON = 0,   /**< one JSON object on one line, ending in "\n" */
    KS_RENDER_JSON_PRETTY,/**< the same, indented */
    KS_RENDER_TEXT        /**< the cleaned text, one paragraph a line */
} ks_render;

/** Create a pipeline.  OPTS may be NULL (all defaults).  Returns NEW, or
 *  NULL with *ERR filled in (KS_ERR_NOMEM, KS_ERR_ARG). */
ks_pipeline *ks_pipeline_new(const ks_options *opts, ks_error *err);

/** Feed LEN raw bytes of the current document; a chunk may end inside a
 *  multibyte character.  Borrows BUF.  Returns KS_OK, or an error with *ERR
 *  filled in; after an error the document is failed and only
 *  ks_pipeline_reset or ks_pipeline_free may follow. */
ks_status ks_pipeline_feed(ks_pipeline *p, const char *buf, size_t len, ks_error *err);

/** End the current document and build it.  On KS_OK *DOC is NEW (free it
 *  with ks_doc_free); on error *DOC is NULL.  Either way the pipeline is
 *  reset and ready for the next document with the same options. */
ks_status ks_pipeline_finish(ks_pipeline *p, ks_doc **doc, ks_error *err);

/** Drop the current document's input and start over. */
void ks_pipeline_reset(ks_pipeline *p);

/** Free P and everything it owns.  Accepts NULL. */
void ks_pipeline_free(ks_pipeline *p);

/** Convenience: run a whole document held in memory.  Same contract as
 *  feed + finish. */
ks_status ks_convert(const ks_options *opts, const char *buf, size_t len,
                     ks_doc **doc, ks_error *err);

/** Render DOC.  On KS_OK *OUT is a NEW NUL-terminated string (free it with
 *  ks_free) of *OUTLEN bytes; OUTLEN may be NULL. */
ks_status ks_doc_render(const ks_doc *doc, ks_render form, char **out, size_t *outlen,
                        ks_error *err);

/** Where ks_doc_write hands its output: write LEN bytes of DATA; return 0
 *  on success, anything else to stop (e.g. a wrapper around fwrite). */
typedef int (*ks_write_fn)(void *ctx, const char *data, size_t len);

/** Render DOC as ks_doc_render does, but hand the bytes to WRITE in pieces
 *  of about 64 KiB as they are made, so that a large document's output is
 *  never held whole.  KS_ERR_IO when WRITE refuses a piece.  On an error
 *  the pieces handed over before it stay written: the output may end part
 *  way through the document. */
ks_status ks_doc_write(const ks_doc *doc, ks_render form, ks_write_fn write, void *ctx,
                       ks_error *err);

/** The document's title, or NULL.  BORROWED from DOC. */
const char *ks_doc_title(const ks_doc *doc);

/** Number of warnings recorded for DOC (undecodable bytes, guessed encodings,
 *  unbalanced quotation marks...). */
size_t ks_doc_warning_count(const ks_doc *doc);

/** The Ith warning's message; NULL when I is out of range.  *CODE gets its
 *  short code ("decode", "encoding-guess", "quote-unbalanced" ...), *OFFSET
 *  its byte offset in the input and *LINE its 1-based line (0 when not
 *  known).  All BORROWED from DOC; CODE, OFFSET and LINE may be NULL. */
const char *ks_doc_warning(const ks_doc *doc, size_t i, const char **code, uint64_t *offset,
                           long *line);

/** Free DOC.  Accepts NULL. */
void ks_doc_free(ks_doc *doc);

/** The JSON Schema (2020-12) that every rendered document conforms to.
 *  A static NUL-terminated string. */
const char *ks_schema(void);

/** The library version, KSPLIT_VERSION. */
const char *ks_version(void);

/** A short English name for STATUS ("out of memory"); static. */
const char *ks_status_str(ks_status status);

/** Replace the allocator used by every libksplit function (the default is
 *  malloc/realloc/free).  The libraries it uses (libxml2, libzip, utf8proc)
 *  keep their own.  Call before creating any object; process-wide, not
 *  thread-safe.  Passing NULL for all three restores the default.  Used by
 *  the tests to make the Nth allocation fail. */
void ks_set_alloc_funcs(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t),
                        void (*free_fn)(void *));

/** Free memory that libksplit returned as NEW (strings from ks_doc_render). */
void ks_free(void *ptr);

#ifdef __cplusplus
}
#endif
#endif
