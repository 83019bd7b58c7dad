/*
 * respace.c -- stage 2: broken-spacing repair.  PLACEHOLDER: turns each
 * '\n' wrap mark into a space and changes nothing else.  Replaced by the
 * model-based repair.
 */
#include "internal.h"

struct ks_respacer {
    int unused;
};

ks_respacer *ks_respacer_new(void)
{
    return ks_calloc(1, sizeof(ks_respacer));
}

void ks_respacer_free(ks_respacer *r)
{
    ks_free(r);
}

void ks_respacer_reset(ks_respacer *r)
{
    (void)r;
}

ks_status ks_respacer_observe(ks_respacer *r, const char *text, size_t len)
{
    (void)r; (void)text; (void)len;
    return KS_OK;
}

ks_status ks_respacer_repair(ks_respacer *r, const char *text, size_t len, ks_buf *out,
                             ks_stats *st, ks_doc *doc, size_t block, long line)
{
    (void)r; (void)st; (void)doc; (void)block; (void)line;
    for (size_t i = 0; i < len; i++)
        if (ks_buf_putc(out, text[i] == '\n' ? ' ' : text[i]) != KS_OK)
            return KS_ERR_NOMEM;
    return KS_OK;
}
