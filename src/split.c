/*
 * split.c -- stage 3: lines -> blocks.  PLACEHOLDER: every non-blank line
 * is one body paragraph.  Replaced by the real segmenter.
 */
#include "internal.h"

ks_status ks_split(ks_doc *doc, const ks_lines *lines, ks_respacer *rs, ks_error *err)
{
    ks_buf b = {0};
    for (size_t i = 0; i < lines->lines.len; i++) {
        const ks_line *l = &KS_AT(lines->lines, ks_line, i);
        if (!l->len && !(doc->flags & KS_OPT_LINE_MODE))
            continue;
        ks_buf_clear(&b);
        ks_status st = rs ? ks_respacer_repair(rs, lines->text.data + l->start, l->len, &b,
                                               &doc->stats, doc, doc->blocks.len, l->lineno)
                          : ks_buf_append(&b, lines->text.data + l->start, l->len);
        if (st != KS_OK)
            goto nomem;
        ks_block blk = {0};
        blk.text = ks_buf_detach(&b);
        blk.line = l->lineno;
        blk.nlines = 1;
        if (!blk.text || ks_vec_push(&doc->blocks, &blk) != KS_OK) {
            ks_block_clear(&blk);
            goto nomem;
        }
    }
    ks_buf_free(&b);
    return KS_OK;
nomem:
    ks_buf_free(&b);
    return KS_NOMEM(err, "split");
}
