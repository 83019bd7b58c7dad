/*
 * quotes.c -- stage 3 helper: quotations and their speakers.  PLACEHOLDER:
 * finds none yet.
 */
#include "internal.h"

ks_status ks_quotes_extract(ks_doc *doc, ks_error *err)
{
    (void)doc; (void)err;
    return KS_OK;
}
