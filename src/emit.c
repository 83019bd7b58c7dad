/*
 * emit.c -- stage 4: document -> JSON (or the cleaned text).
 *
 * The only file that includes <jansson.h>.  Field order is fixed (jansson
 * keeps insertion order) and matches schemas/ksplit.schema.json.  Output is
 * deterministic: no timestamps, no absolute paths beyond the name given.
 *
 * Ownership: every child is attached to its parent as soon as it is made
 * (json_object_set_new / json_array_append_new steal the reference even
 * when they fail), and only the root is freed.  A failed attachment marks
 * the whole render as out of memory.
 *
 * Where each block goes (nothing is lost):
 *   TITLE       "title" (joined by split into doc->title)
 *   SUBTITLE    "subtitle"          SUMMARY   "summary" (+ "summary_markers")
 *   BODY        "body"              RESIDUE   "residue"
 *   META, ATTACHMENT  "metadata.lines" (the parsed values sit beside them)
 *   RELATED     "metadata.related" (each row keeps its "raw" text)
 */
#include <jansson.h>
#include <string.h>

#include "internal.h"

typedef struct {
    bool failed;
} S_ctx;

static json_t *S_str(S_ctx *c, const char *s)
{
    if (!s)
        return json_null();
    json_t *v = json_string(s);
    if (!v)
        c->failed = true;
    return v;
}

static json_t *S_int(S_ctx *c, long long n)
{
    json_t *v = json_integer(n);
    if (!v)
        c->failed = true;
    return v;
}

/* When OBJ is NULL (its own allocation failed) V is attached to nothing:
 * free it here, or it leaks. */
static void S_set(S_ctx *c, json_t *obj, const char *key, json_t *v)
{
    if (!obj || !v) {
        json_decref(v);
        c->failed = true;
    } else if (json_object_set_new(obj, key, v) != 0) {
        c->failed = true;
    }
}

static void S_push(S_ctx *c, json_t *arr, json_t *v)
{
    if (!arr || !v) {
        json_decref(v);
        c->failed = true;
    } else if (json_array_append_new(arr, v) != 0) {
        c->failed = true;
    }
}

static json_t *S_obj(S_ctx *c)
{
    json_t *o = json_object();
    if (!o)
        c->failed = true;
    return o;
}

static json_t *S_arr(S_ctx *c)
{
    json_t *a = json_array();
    if (!a)
        c->failed = true;
    return a;
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

static json_t *S_stats(S_ctx *c, const ks_stats *s)
{
    json_t *o = S_obj(c);
    S_set(c, o, "nfc", S_int(c, (long long)s->nfc));
    S_set(c, o, "space_chars", S_int(c, (long long)s->space_chars));
    S_set(c, o, "zero_width", S_int(c, (long long)s->zero_width));
    S_set(c, o, "space_runs", S_int(c, (long long)s->space_runs));
    S_set(c, o, "controls", S_int(c, (long long)s->controls));
    S_set(c, o, "quote_padding", S_int(c, (long long)s->quote_padding));
    S_set(c, o, "middle_dots", S_int(c, (long long)s->middle_dots));
    S_set(c, o, "respace_removed", S_int(c, (long long)s->respace_removed));
    S_set(c, o, "respace_joined", S_int(c, (long long)s->respace_joined));
    S_set(c, o, "replaced", S_int(c, (long long)s->replaced));
    return o;
}

static json_t *S_metadata(S_ctx *c, const ks_doc *d)
{
    const ks_meta *m = &d->meta;
    json_t *o = S_obj(c);
    S_set(c, o, "organization", S_str(c, m->organization));
    S_set(c, o, "release_date", S_str(c, m->release_date));
    S_set(c, o, "department", S_str(c, m->department));
    json_t *a = S_arr(c);
    S_set(c, o, "dates", a);
    for (size_t i = 0; i < m->dates.len; i++) {
        const ks_date *x = &KS_AT(m->dates, ks_date, i);
        json_t *e = S_obj(c);
        S_push(c, a, e);
        S_set(c, e, "raw", S_str(c, x->raw));
        S_set(c, e, "iso", S_str(c, x->iso));
        S_set(c, e, "role", S_str(c, x->role ? x->role : "other"));
    }
    a = S_arr(c);
    S_set(c, o, "contacts", a);
    for (size_t i = 0; i < m->contacts.len; i++) {
        const ks_contact *x = &KS_AT(m->contacts, ks_contact, i);
        json_t *e = S_obj(c);
        S_push(c, a, e);
        S_set(c, e, "name", S_str(c, x->name));
        S_set(c, e, "title", S_str(c, x->title));
        S_set(c, e, "phone", S_str(c, x->phone));
        S_set(c, e, "email", S_str(c, x->email));
        S_set(c, e, "department", S_str(c, x->department));
    }
    a = S_arr(c);
    S_set(c, o, "attachments", a);
    for (size_t i = 0; i < m->attachments.len; i++) {
        const ks_attachment *x = &KS_AT(m->attachments, ks_attachment, i);
        json_t *e = S_obj(c);
        S_push(c, a, e);
        S_set(c, e, "name", S_str(c, x->name));
        S_set(c, e, "kind", S_str(c, x->kind ? x->kind : "other"));
    }
    a = S_arr(c);
    S_set(c, o, "related", a);
    for (size_t i = 0; i < m->related.len; i++) {
        const ks_related *x = &KS_AT(m->related, ks_related, i);
        json_t *e = S_obj(c);
        S_push(c, a, e);
        S_set(c, e, "number", x->number >= 0 ? S_int(c, x->number) : json_null());
        S_set(c, e, "title", S_str(c, x->title ? x->title : ""));
        S_set(c, e, "date", S_str(c, x->date));
        S_set(c, e, "views", x->views >= 0 ? S_int(c, x->views) : json_null());
        S_set(c, e, "has_file", json_boolean(x->has_file));
        S_set(c, e, "raw", S_str(c, x->raw ? x->raw : ""));
    }
    a = S_arr(c);
    S_set(c, o, "lines", a);
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (b->role == KS_ROLE_META || b->role == KS_ROLE_ATTACHMENT)
            S_push(c, a, S_str(c, b->text ? b->text : ""));
    }
    return o;
}

static json_t *S_document(S_ctx *c, const ks_doc *d)
{
    json_t *root = S_obj(c);
    if (!root)
        return NULL;
    S_set(c, root, "version", S_str(c, KSPLIT_SCHEMA_VERSION));

    json_t *src = S_obj(c);
    S_set(c, root, "source", src);
    S_set(c, src, "name", S_str(c, d->name));
    S_set(c, src, "format", S_str(c, d->format));
    S_set(c, src, "encoding", S_str(c, d->encoding));
    S_set(c, src, "encoding_detected_by", S_str(c, d->encoding_reason));
    S_set(c, src, "bytes", S_int(c, (long long)d->bytes));

    S_set(c, root, "title", S_str(c, d->title));
    S_set(c, root, "title_source", S_str(c, d->title_source));

    json_t *subtitle = S_arr(c), *summary = S_arr(c), *summary_markers = S_arr(c);
    json_t *body = S_arr(c), *residue = S_arr(c);
    S_set(c, root, "subtitle", subtitle);
    S_set(c, root, "summary", summary);
    S_set(c, root, "summary_markers", summary_markers);
    S_set(c, root, "body", body);
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        const char *t = b->text ? b->text : "";
        if (b->role == KS_ROLE_SUBTITLE) {
            S_push(c, subtitle, S_str(c, t));
        } else if (b->role == KS_ROLE_SUMMARY) {
            S_push(c, summary, S_str(c, t));
            S_push(c, summary_markers, S_str(c, b->marker));
        } else if (b->role == KS_ROLE_BODY) {
            json_t *p = S_obj(c);
            S_push(c, body, p);
            S_set(c, p, "text", S_str(c, t));
            S_set(c, p, "marker", S_str(c, b->marker));
            S_set(c, p, "level", S_int(c, b->level));
            S_set(c, p, "kind", S_str(c, S_kind_name(b->kind)));
            S_set(c, p, "line", S_int(c, b->line));
        } else if (b->role == KS_ROLE_RESIDUE) {
            json_t *r = S_obj(c);
            S_push(c, residue, r);
            S_set(c, r, "text", S_str(c, t));
            S_set(c, r, "line", S_int(c, b->line));
        }
    }

    json_t *quotes = S_arr(c);
    S_set(c, root, "quotes", quotes);
    for (size_t i = 0; i < d->quotes.len; i++) {
        const ks_quote *q = &KS_AT(d->quotes, ks_quote, i);
        json_t *o = S_obj(c), *sp = S_obj(c);
        S_push(c, quotes, o);
        S_set(c, o, "text", S_str(c, q->text ? q->text : ""));
        S_set(c, o, "speaker", sp);
        S_set(c, sp, "name", S_str(c, q->name));
        S_set(c, sp, "title", S_str(c, q->title));
        S_set(c, o, "paragraph", S_int(c, (long long)q->paragraph));
        S_set(c, o, "start", S_int(c, (long long)q->start));
        S_set(c, o, "end", S_int(c, (long long)q->end));
        S_set(c, o, "cue", S_str(c, q->cue));
    }

    S_set(c, root, "metadata", S_metadata(c, d));
    S_set(c, root, "residue", residue);
    S_set(c, root, "normalization", S_stats(c, &d->stats));

    json_t *warnings = S_arr(c);
    S_set(c, root, "warnings", warnings);
    for (size_t i = 0; i < d->warnings.len; i++) {
        const ks_warning *w = &KS_AT(d->warnings, ks_warning, i);
        json_t *o = S_obj(c);
        S_push(c, warnings, o);
        S_set(c, o, "code", S_str(c, w->code));
        S_set(c, o, "message", S_str(c, w->message));
        S_set(c, o, "offset", S_int(c, (long long)w->offset));
        S_set(c, o, "line", S_int(c, w->line));
    }
    if (d->flags & KS_OPT_EXPLAIN) {
        json_t *edits = S_arr(c);
        S_set(c, root, "edits", edits);
        for (size_t i = 0; i < d->edits.len; i++) {
            const ks_edit *e = &KS_AT(d->edits, ks_edit, i);
            json_t *o = S_obj(c);
            S_push(c, edits, o);
            S_set(c, o, "rule", S_str(c, e->rule));
            S_set(c, o, "line", S_int(c, e->line));
            S_set(c, o, "block", e->block == SIZE_MAX ? json_null() : S_int(c, (long long)e->block));
            S_set(c, o, "offset", S_int(c, (long long)e->offset));
            S_set(c, o, "before", S_str(c, e->before));
            S_set(c, o, "after", S_str(c, e->after));
        }
    }
    return root;
}

/* The cleaned text: every block in document order, one a line, markers
 * kept as printed. */
static ks_status S_text(const ks_doc *d, ks_buf *out)
{
    bool line_mode = (d->flags & KS_OPT_LINE_MODE) != 0;
    for (size_t i = 0; i < d->blocks.len; i++) {
        const ks_block *b = &KS_AT(d->blocks, ks_block, i);
        if (!line_mode && b->role == KS_ROLE_RELATED && b->text == NULL)
            continue;
        if (b->marker) {
            if (ks_buf_puts(out, b->marker) != KS_OK ||
                (b->marker_space && b->text && *b->text && ks_buf_putc(out, ' ') != KS_OK))
                return KS_ERR_NOMEM;
        }
        if ((b->text && ks_buf_puts(out, b->text) != KS_OK) || ks_buf_putc(out, '\n') != KS_OK)
            return KS_ERR_NOMEM;
    }
    return KS_OK;
}

void ks_emit_use_allocator(void)
{
    json_set_alloc_funcs(ks_malloc, ks_free);
}

/* json_dump_callback ignores the callback's result for object keys
 * (jansson 2.14 dump.c), so a failed append there would silently drop a
 * key and the render would "succeed" with broken JSON.  The failure is
 * therefore sticky and checked after the dump. */
typedef struct {
    ks_buf *out;
    bool failed;
} S_sink;

static int S_dump_cb(const char *buffer, size_t size, void *data)
{
    S_sink *k = data;
    if (k->failed || ks_buf_append(k->out, buffer, size) != KS_OK) {
        k->failed = true;
        return -1;
    }
    return 0;
}

ks_status ks_emit(const ks_doc *doc, ks_render form, ks_buf *out, ks_error *err)
{
    if (form == KS_RENDER_TEXT)
        return S_text(doc, out) == KS_OK ? KS_OK : KS_NOMEM(err, "emit");
    S_ctx c = {false};
    json_t *root = S_document(&c, doc);
    ks_status st = KS_OK;
    if (!root || c.failed) {
        st = KS_NOMEM(err, "emit");
        goto done;
    }
    size_t flags = form == KS_RENDER_JSON_PRETTY ? JSON_INDENT(2) : JSON_COMPACT;
    size_t before = out->len;
    S_sink sink = {out, false};
    if (json_dump_callback(root, S_dump_cb, &sink, flags) != 0 || sink.failed ||
        ks_buf_putc(out, '\n') != KS_OK) {
        out->len = before; /* never leave half a JSON object */
        if (out->data)
            out->data[before] = '\0';
        st = KS_NOMEM(err, "emit");
    }
done:
    json_decref(root);
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
