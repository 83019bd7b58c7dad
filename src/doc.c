/*
 * doc.c -- the document model: construction, warnings, edits, getters, free.
 *
 * A ks_doc owns every string reachable from it; ks_doc_free releases all of
 * it.  Vectors hold structs by value.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

ks_doc *ks_doc_new(void)
{
    ks_doc *d = ks_calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->format = "text";
    d->encoding = "utf-8";
    d->encoding_reason = "valid-utf-8";
    d->title_source = "none";
    d->blocks = KS_VEC(ks_block);
    d->store = KS_VEC(char *);
    d->quotes = KS_VEC(ks_quote);
    d->warnings = KS_VEC(ks_warning);
    d->edits = KS_VEC(ks_edit);
    d->meta.dates = KS_VEC(ks_date);
    d->meta.contacts = KS_VEC(ks_contact);
    d->meta.attachments = KS_VEC(ks_attachment);
    d->meta.related = KS_VEC(ks_related);
    return d;
}

ks_status ks_doc_warn(ks_doc *doc, const char *code, uint64_t offset, long line,
                      const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ks_warning w = {code, ks_strdup(msg), offset, line};
    if (!w.message)
        return KS_ERR_NOMEM;
    if (ks_vec_push(&doc->warnings, &w) != KS_OK) {
        ks_free(w.message);
        return KS_ERR_NOMEM;
    }
    return KS_OK;
}

ks_status ks_doc_edit(ks_doc *doc, const char *rule, long line, size_t block, size_t offset,
                      const char *before, size_t blen, const char *after, size_t alen)
{
    ks_edit e = {rule, line, block, offset, ks_strndup(before, blen), ks_strndup(after, alen)};
    if (!e.before || !e.after || ks_vec_push(&doc->edits, &e) != KS_OK) {
        ks_free(e.before);
        ks_free(e.after);
        return KS_ERR_NOMEM;
    }
    return KS_OK;
}

char *ks_doc_keep(ks_doc *doc, const char *s, size_t len)
{
    char *p = ks_strndup(s, len);
    if (!p || ks_vec_push(&doc->store, &p) != KS_OK) {
        ks_free(p);
        return NULL;
    }
    return p;
}

void ks_doc_free(ks_doc *d)
{
    if (!d)
        return;
    ks_vec_free(&d->blocks);
    for (size_t i = 0; i < d->store.len; i++)
        ks_free(KS_AT(d->store, char *, i));
    ks_vec_free(&d->store);
    ks_vec_free(&d->quotes);
    ks_arena_free(&d->quote_strings);
    for (size_t i = 0; i < d->warnings.len; i++)
        ks_free(KS_AT(d->warnings, ks_warning, i).message);
    ks_vec_free(&d->warnings);
    for (size_t i = 0; i < d->edits.len; i++) {
        ks_free(KS_AT(d->edits, ks_edit, i).before);
        ks_free(KS_AT(d->edits, ks_edit, i).after);
    }
    ks_vec_free(&d->edits);
    ks_meta *m = &d->meta;
    ks_free(m->organization);
    ks_free(m->release_date);
    ks_free(m->department);
    for (size_t i = 0; i < m->dates.len; i++) {
        ks_free(KS_AT(m->dates, ks_date, i).raw);
        ks_free(KS_AT(m->dates, ks_date, i).iso);
    }
    ks_vec_free(&m->dates);
    for (size_t i = 0; i < m->contacts.len; i++) {
        ks_contact *c = &KS_AT(m->contacts, ks_contact, i);
        ks_free(c->name);
        ks_free(c->title);
        ks_free(c->phone);
        ks_free(c->email);
        ks_free(c->department);
    }
    ks_vec_free(&m->contacts);
    for (size_t i = 0; i < m->attachments.len; i++)
        ks_free(KS_AT(m->attachments, ks_attachment, i).name);
    ks_vec_free(&m->attachments);
    for (size_t i = 0; i < m->related.len; i++) {
        ks_related *r = &KS_AT(m->related, ks_related, i);
        ks_free(r->title);
        ks_free(r->date);
        ks_free(r->raw);
    }
    ks_vec_free(&m->related);
    ks_free(d->title);
    ks_free(d->name);
    ks_free(d);
}

const char *ks_doc_title(const ks_doc *doc)
{
    return doc ? doc->title : NULL;
}

size_t ks_doc_warning_count(const ks_doc *doc)
{
    return doc ? doc->warnings.len : 0;
}

const char *ks_doc_warning(const ks_doc *doc, size_t i, const char **code, uint64_t *offset,
                           long *line)
{
    if (!doc || i >= doc->warnings.len)
        return NULL;
    const ks_warning *w = &KS_AT(doc->warnings, ks_warning, i);
    if (code)
        *code = w->code;
    if (offset)
        *offset = w->offset;
    if (line)
        *line = w->line;
    return w->message;
}
