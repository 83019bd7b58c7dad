/*
 * stub_html.c -- stand-in for html.c until the HTML reader lands; the
 * Makefile leaves it out as soon as src/html.c exists.
 */
#include <string.h>

#include "internal.h"

void ks_extract_free(ks_extract *x)
{
    ks_buf_free(&x->text);
    ks_vec_free(&x->hints);
}

ks_format ks_sniff_format(const char *raw, size_t len)
{
    if (len >= 4 && memcmp(raw, "PK\3\4", 4) == 0)
        return KS_FROM_HWPX;
    return KS_FROM_TEXT;
}

ks_status ks_html_extract(ks_doc *doc, const char *raw, size_t len, ks_encoding enc,
                          bool strict, ks_extract *out, ks_error *err)
{
    (void)doc; (void)raw; (void)len; (void)enc; (void)strict; (void)out;
    return ks_error_set(err, KS_ERR_FORMAT, "html", 0, 0, "HTML input is not supported yet");
}
