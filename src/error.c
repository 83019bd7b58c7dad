/*
 * error.c -- filling ks_error, naming status codes, document warnings.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

ks_status ks_error_set(ks_error *err, ks_status code, const char *stage, uint64_t offset,
                       long line, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = code;
    snprintf(err->stage, sizeof err->stage, "%s", stage ? stage : "");
    err->offset = offset;
    err->line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

const char *ks_status_str(ks_status status)
{
    switch (status) {
    case KS_OK: return "ok";
    case KS_ERR_NOMEM: return "out of memory";
    case KS_ERR_DECODE: return "undecodable input";
    case KS_ERR_FORMAT: return "malformed input";
    case KS_ERR_LIMIT: return "input beyond a limit";
    case KS_ERR_IO: return "input/output error";
    case KS_ERR_ARG: return "invalid argument";
    case KS_ERR_INTERNAL: return "internal error";
    case KS_ERR_UNAVAILABLE: return "library unavailable";
    }
    return "unknown status";
}

const char *ks_version(void)
{
    return KSPLIT_VERSION;
}

extern const unsigned char ks_schema_text[]; /* generated from schemas/ksplit.schema.json */

const char *ks_schema(void)
{
    return (const char *)ks_schema_text;
}
