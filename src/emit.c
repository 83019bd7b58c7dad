/*
 * emit.c -- stage 4: document -> JSON (or the cleaned text).
 *
 * The JSON is written straight into the output buffer by a small writer:
 * building a jansson tree, dumping it and freeing it took 42 % of the
 * whole pipeline's instructions on the benchmark corpus, for output whose
 * shape is fixed.  The writer produces the same bytes jansson does
 * (compact: no spaces; pretty: two-space indent, ": " after keys), which
 * the golden tests check.  Strings are valid UTF-8 by the pipeline's
 * invariant (decode.c, and names cleaned in pipeline.c); the writer escapes
 * '"', '\\' and control characters, and passes everything else through.
 *
 * Field order is fixed and matches schemas/ksplit.schema.json.  Output is
 * deterministic: no timestamps, no absolute paths beyond the name given.
 * On failure (out of memory) the buffer is cut back to where the document
 * began, so no half-written object is ever left behind.
 *
 * Where each block goes (nothing is lost):
 *   TITLE       "title" (joined by split into doc->title)
 *   SUBTITLE    "subtitle"          SUMMARY   "summary" (+ "summary_markers")
 *   BODY        "body"              RESIDUE   "residue"
 *   META, ATTACHMENT  "metadata.lines" (the parsed values sit beside them)
 *   RELATED     "metadata.related" (each row keeps its "raw" text)
 */
#include <string.h>

#include "internal.h"

#define S_MAXDEPTH 8
#define S_CHUNK 65536 /* ks_doc_write hands the output over in pieces this big */

typedef struct {
    ks_buf *out;
    bool pretty;
    bool failed;
    bool io_failed;           /* SINK refused a piece */
    int depth;
    size_t count[S_MAXDEPTH]; /* values written at each open level */
    bool after_key;           /* the next value follows a key on its line */
    ks_write_fn sink;         /* ks_doc_write: where full pieces go, or NULL */
    void *ctx;
} S_w;

/* Hand what OUT holds to the sink and empty it. */
static void S_flush(S_w *w)
{
    if (w->out->len && !w->failed && w->sink(w->ctx, w->out->data, w->out->len) != 0)
        w->failed = w->io_failed = true;
    ks_buf_clear(w->out);
}

static void S_raw(S_w *w, const char *s, size_t n)
{
    ks_buf *b = w->out;
    if (b->len + n < b->cap) { /* the common case, without a call */
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    if (w->sink && b->len)
        S_flush(w);
    if (!w->failed && ks_buf_append(b, s, n) != KS_OK)
        w->failed = true;
}

/* One byte: the punctuation of JSON, written without a copy loop. */
static void S_char(S_w *w, char c)
{
    ks_buf *b = w->out;
    if (b->len + 1 < b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    S_raw(w, &c, 1);
}

static void S_newline(S_w *w)
{
    if (!w->pretty)
        return;
    S_raw(w, "\n", 1);
    for (int i = 0; i < w->depth; i++)
        S_raw(w, "  ", 2);
}

/* Before a value (or a key): the comma and the line break it needs. */
static void S_sep(S_w *w)
{
    if (w->after_key) {
        w->after_key = false;
        return;
    }
    if (w->depth > 0) {
        if (w->count[w->depth - 1]++)
            S_char(w, ',');
        S_newline(w);
    }
}

static void S_open(S_w *w, char c)
{
    S_sep(w);
    S_char(w, c);
    if (w->depth < S_MAXDEPTH)
        w->count[w->depth] = 0;
    w->depth++;
}

static void S_close(S_w *w, char c)
{
    w->depth--;
    if (w->depth < S_MAXDEPTH && w->count[w->depth])
        S_newline(w);
    S_char(w, c);
}

/* The bytes a JSON string escapes (and the NUL that ends S_quoted's
 * input): one table load a byte over the rest. */
static const bool S_escaped[256] = {
    [0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0A] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1,
    [0x0E] = 1, [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1, [0x1B] = 1,
    [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, ['"'] = 1, ['\\'] = 1};

static void S_quoted(S_w *w, const char *s)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = s, *p = s;
    while (!S_escaped[(unsigned char)*p])
        p++;
    ks_buf *b = w->out;
    size_t len = (size_t)(p - s);
    if (!*p && b->len + len + 2 < b->cap) { /* nothing to escape, room: one copy */
        b->data[b->len] = '"';
        memcpy(b->data + b->len + 1, s, len);
        b->len += len + 2;
        b->data[b->len - 1] = '"';
        b->data[b->len] = '\0';
        return;
    }
    S_raw(w, "\"", 1);
    for (;; p++) {
        while (!S_escaped[(unsigned char)*p])
            p++;
        unsigned char c = (unsigned char)*p;
        if (!c)
            break;
        S_raw(w, run, (size_t)(p - run));
        run = p + 1;
        char e[6] = {'\\', 0, 0, 0, 0, 0};
        size_t n = 2;
        switch (c) {
        case '"': e[1] = '"'; break;
        case '\\': e[1] = '\\'; break;
        case '\b': e[1] = 'b'; break;
        case '\f': e[1] = 'f'; break;
        case '\n': e[1] = 'n'; break;
        case '\r': e[1] = 'r'; break;
        case '\t': e[1] = 't'; break;
        default:
            e[1] = 'u'; e[2] = '0'; e[3] = '0'; e[4] = hex[c >> 4]; e[5] = hex[c & 15];
            n = 6;
        }
        S_raw(w, e, n);
    }
    S_raw(w, run, (size_t)(p - run));
    S_raw(w, "\"", 1);
}

/* K is one of the schema's names, a literal: ASCII letters and '_', no
 * byte JSON escapes, so it is copied as it is. */
static void S_key(S_w *w, const char *k)
{
    S_sep(w);
    ks_buf *b = w->out;
    size_t n = strlen(k), all = n + 3 + w->pretty;
    if (b->len + all < b->cap) { /* room: one copy (S_raw's common case) */
        char *d = b->data + b->len;
        d[0] = '"';
        memcpy(d + 1, k, n);
        d[n + 1] = '"';
        d[n + 2] = ':';
        d[n + 3] = ' '; /* pretty's; else the NUL's place */
        b->len += all;
        b->data[b->len] = '\0';
    } else {
        S_char(w, '"');
        S_raw(w, k, n);
        S_raw(w, "\": ", 2 + w->pretty);
    }
    w->after_key = true;
}

static void S_str(S_w *w, const char *k, const char *s)
{
    if (k)
        S_key(w, k);
    S_sep(w);
    if (s)
        S_quoted(w, s);
    else
        S_raw(w, "null", 4);
}

static void S_int(S_w *w, const char *k, long long n)
{
    char b[24];
    size_t i = sizeof b;
    unsigned long long u = n < 0 ? 0ULL - (unsigned long long)n : (unsigned long long)n;
    do {
        b[--i] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (n < 0)
        b[--i] = '-';
    S_key(w, k);
    S_sep(w);
    S_raw(w, b + i, sizeof b - i);
}

/* An integer, or null when N is negative (absent). */
static void S_int_or_null(S_w *w, const char *k, long long n)
{
    if (n >= 0) {
        S_int(w, k, n);
        return;
    }
    S_key(w, k);
    S_sep(w);
    S_raw(w, "null", 4);
}

static void S_bool(S_w *w, const char *k, bool v)
{
    S_key(w, k);
    S_sep(w);
    S_raw(w, v ? "true" : "false", v ? 4 : 5);
}

static void S_obj_in(S_w *w, const char *k)
{
    if (k)
        S_key(w, k);
    S_open(w, '{');
}

static void S_arr_in(S_w *w, const char *k)
{
    if (k)
        S_key(w, k);
    S_open(w, '[');
}

static const char *S_kind_name(ks_kind k)
{
    switch (k) {
    case KS_KIND_ITEM: return "item";
    case KS_KIND_HEADING: return "heading";
    case KS_KIND_TABLE_ROW: return "table_row";
    default: return "paragraph";
    }
}

static void S_stats(S_w *w, const ks_stats *s)
{
    S_obj_in(w, "normalization");
    S_int(w, "nfc", (long long)s->nfc);
    S_int(w, "space_chars", (long long)s->space_chars);
    S_int(w, "zero_width", (long long)s->zero_width);
    S_int(w, "space_runs", (long long)s->space_runs);
    S_int(w, "controls", (long long)s->controls);
    S_int(w, "quote_padding", (long long)s->quote_padding);
    S_int(w, "middle_dots", (long long)s->middle_dots);
    S_int(w, "respace_removed", (long long)s->respace_removed);
    S_int(w, "respace_joined", (long long)s->respace_joined);
    S_int(w, "replaced", (long long)s->replaced);
    S_close(w, '}');
}

static void S_metadata(S_w *w, const ks_doc *d)
{
    const ks_meta *m = &d->meta;
    S_obj_in(w, "metadata");
    S_str(w, "organization", m->organization);
    S_str(w, "release_date", m->release_date);
    S_str(w, "department", m->department);
    S_arr_in(w, "dates");
    for (size_t i = 0; i < m->dates.len; i++) {
        const ks_date *x = &KS_AT(m->dates, ks_date, i);
        S_obj_in(w, NULL);
        S_str(w, "raw", x->raw);
        S_str(w, "iso", x->iso);
        S_str(w, "role", x->role ? x->role : "other");
        S_close(w, '}');
    }
    S_close(w, ']');
    S_arr_in(w, "contacts");
    for (size_t i = 0; i < m->contacts.len; i++) {
        const ks_contact *x = &KS_AT(m->contacts, ks_contact, i);
        S_obj_in(w, NULL);
        S_str(w, "name", x->name);
        S_str(w, "title", x->title);
        S_str(w, "phone", x->phone);
        S_str(w, "email", x->email);
        S_str(w, "department", x->department);
        S_close(w, '}');
    }
    S_close(w, ']');
    S_arr_in(w, "attachments");
    for (size_t i = 0; i < m->attachments.len; i++) {
        const ks_attachment *x = &KS_AT(m->attachments, ks_attachment, i);
        S_obj_in(w, NULL);
        S_str(w, "name", x->name);
        S_str(w, "kind", x->kind ? x->kind : "other");
        S_close(w, '}');
    }
    S_close(w, ']');
    S_arr_in(w, "related");
    for (size_t i = 0; i < m->related.len; i++) {
        const ks_related *x = &KS_AT(m->related, ks_related, i);
        S_obj_in(w, NULL);
        S_int_or_null(w, "number", x->number);
        S_str(w, "title", x->title ? x->title : "");
        S_str(w, "date", x->date);
        S_int_or_null(w, "views", x->views);
        S_bool(w, "has_file", x->has_file);
        S_str(w, "raw", x->raw ? x->raw : "");
        S_close(w, '}');
    }
    S_close(w, ']');
    S_arr_in(w, "lines");
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (b->role == KS_ROLE_META || b->role == KS_ROLE_ATTACHMENT)
            S_str(w, NULL, b->text ? b->text : "");
    }
    S_close(w, ']');
    S_close(w, '}');
}

/* The blocks of ROLE as an array of strings (title, subtitle, summary). */
static void S_role_strings(S_w *w, const ks_doc *d, const char *key, ks_role role, bool markers)
{
    S_arr_in(w, key);
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (b->role == role)
            S_str(w, NULL, markers ? b->marker : b->text ? b->text : "");
    }
    S_close(w, ']');
}

static void S_document(S_w *w, const ks_doc *d)
{
    S_obj_in(w, NULL);
    S_str(w, "version", KSPLIT_SCHEMA_VERSION);
    S_obj_in(w, "source");
    S_str(w, "name", d->name);
    S_str(w, "format", d->format);
    S_str(w, "encoding", d->encoding);
    S_str(w, "encoding_detected_by", d->encoding_reason);
    S_int(w, "bytes", (long long)d->bytes);
    S_close(w, '}');
    S_str(w, "title", d->title);
    S_str(w, "title_source", d->title_source);
    S_role_strings(w, d, "subtitle", KS_ROLE_SUBTITLE, false);
    S_role_strings(w, d, "summary", KS_ROLE_SUMMARY, false);
    S_role_strings(w, d, "summary_markers", KS_ROLE_SUMMARY, true);
    S_arr_in(w, "body");
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (b->role != KS_ROLE_BODY)
            continue;
        S_obj_in(w, NULL);
        S_str(w, "text", b->text ? b->text : "");
        S_str(w, "marker", b->marker);
        S_int(w, "level", b->level);
        S_str(w, "kind", S_kind_name(b->kind));
        S_int(w, "line", b->line);
        S_close(w, '}');
    }
    S_close(w, ']');
    S_arr_in(w, "quotes");
    for (size_t i = 0; i < d->quotes.len; i++) {
        const ks_quote *q = &KS_AT(d->quotes, ks_quote, i);
        S_obj_in(w, NULL);
        S_str(w, "text", q->text ? q->text : "");
        S_obj_in(w, "speaker");
        S_str(w, "name", q->name);
        S_str(w, "title", q->title);
        S_close(w, '}');
        S_int(w, "paragraph", (long long)q->paragraph);
        S_int(w, "start", (long long)q->start);
        S_int(w, "end", (long long)q->end);
        S_str(w, "cue", q->cue);
        S_close(w, '}');
    }
    S_close(w, ']');
    S_metadata(w, d);
    S_arr_in(w, "residue");
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (b->role != KS_ROLE_RESIDUE)
            continue;
        S_obj_in(w, NULL);
        S_str(w, "text", b->text ? b->text : "");
        S_int(w, "line", b->line);
        S_close(w, '}');
    }
    S_close(w, ']');
    S_stats(w, &d->stats);
    S_arr_in(w, "warnings");
    for (size_t i = 0; i < d->warnings.len; i++) {
        const ks_warning *x = &KS_AT(d->warnings, ks_warning, i);
        S_obj_in(w, NULL);
        S_str(w, "code", x->code);
        S_str(w, "message", x->message);
        S_int(w, "offset", (long long)x->offset);
        S_int(w, "line", x->line);
        S_close(w, '}');
    }
    S_close(w, ']');
    if (d->flags & KS_OPT_EXPLAIN) {
        S_arr_in(w, "edits");
        for (size_t i = 0; i < d->edits.len; i++) {
            const ks_edit *e = &KS_AT(d->edits, ks_edit, i);
            S_obj_in(w, NULL);
            S_str(w, "rule", e->rule);
            S_int(w, "line", e->line);
            S_int_or_null(w, "block", e->block == SIZE_MAX ? -1 : (long long)e->block);
            S_int(w, "offset", (long long)e->offset);
            S_str(w, "before", e->before);
            S_str(w, "after", e->after);
            S_close(w, '}');
        }
        S_close(w, ']');
    }
    S_close(w, '}');
}

/* The cleaned text: every block in document order, one a line, markers
 * kept as printed. */
static void S_text(S_w *w, const ks_doc *d)
{
    bool line_mode = (d->flags & KS_OPT_LINE_MODE) != 0;
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (!line_mode && b->role == KS_ROLE_RELATED && b->text == NULL)
            continue;
        if (b->marker) {
            S_raw(w, b->marker, strlen(b->marker));
            if (b->marker_space && b->text && *b->text)
                S_raw(w, " ", 1);
        }
        if (b->text)
            S_raw(w, b->text, strlen(b->text));
        S_raw(w, "\n", 1);
    }
}

/* Render DOC into OUT, or through SINK in pieces when SINK is set. */
static ks_status S_render(const ks_doc *doc, ks_render form, ks_buf *out, ks_write_fn sink,
                          void *ctx, ks_error *err)
{
    size_t before = out->len;
    S_w w = {.out = out, .pretty = form == KS_RENDER_JSON_PRETTY, .sink = sink, .ctx = ctx};
    if (form == KS_RENDER_TEXT) {
        S_text(&w, doc);
    } else {
        S_document(&w, doc);
        S_raw(&w, "\n", 1);
    }
    if (sink)
        S_flush(&w);
    if (w.io_failed)
        return ks_error_set(err, KS_ERR_IO, "emit", 0, 0, "writing the output failed");
    if (w.failed) {
        out->len = before; /* never leave half a JSON object */
        if (out->data)
            out->data[before] = '\0';
        return KS_NOMEM(err, "emit");
    }
    return KS_OK;
}

ks_status ks_emit(const ks_doc *doc, ks_render form, ks_buf *out, ks_error *err)
{
    return S_render(doc, form, out, NULL, NULL, err);
}

ks_status ks_doc_write(const ks_doc *doc, ks_render form, ks_write_fn write, void *ctx,
                       ks_error *err)
{
    if (!doc || !write)
        return ks_error_set(err, KS_ERR_ARG, "emit", 0, 0, "NULL document or writer");
    ks_buf b = {0};
    if (ks_buf_reserve(&b, S_CHUNK) != KS_OK)
        return KS_NOMEM(err, "emit");
    ks_status st = S_render(doc, form, &b, write, ctx, err);
    ks_buf_free(&b);
    return st;
}

ks_status ks_doc_render(const ks_doc *doc, ks_render form, char **out, size_t *outlen,
                        ks_error *err)
{
    if (!doc || !out)
        return ks_error_set(err, KS_ERR_ARG, "emit", 0, 0, "NULL document or output");
    ks_buf b = {0};
    ks_status st = ks_emit(doc, form, &b, err);
    if (st != KS_OK) {
        ks_buf_free(&b);
        *out = NULL;
        return st;
    }
    if (outlen)
        *outlen = b.len;
    *out = ks_buf_detach(&b);
    if (!*out)
        return KS_NOMEM(err, "emit");
    return KS_OK;
}
