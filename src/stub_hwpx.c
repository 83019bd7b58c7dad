/*
 * stub_hwpx.c -- stand-in for hwpx.c until the HWPX reader lands; the
 * Makefile leaves it out as soon as src/hwpx.c exists.
 */
#include "internal.h"

ks_status ks_hwpx_extract(ks_doc *doc, const char *raw, size_t len, ks_extract *out,
                          ks_error *err)
{
    (void)doc; (void)raw; (void)len; (void)out;
    return ks_error_set(err, KS_ERR_FORMAT, "hwpx", 0, 0, "HWPX input is not supported yet");
}
