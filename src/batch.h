/*
 * batch.h -- private interface between main.c (options) and batch.c (files,
 * folders, jobs, output).  Not installed; not part of libksplit.
 */
#ifndef KSPLIT_BATCH_H
#define KSPLIT_BATCH_H

#include <stddef.h>

#include "ksplit.h"

/* Exit codes, ordered by severity: the worst one seen is returned. */
enum { EXIT_DOC = 1, EXIT_USAGE = 2, EXIT_IO = 3, EXIT_INTERNAL = 4 };

/* What an input file holds. */
typedef enum {
    BATCH_IN_DOCUMENT = 0, /* each input is one document (the default) */
    BATCH_IN_JSONL         /* each line is a record {"id":..., "text"|"html":...} */
} batch_input;

/* Everything main.c decided from the command line.  main.c has already
 * rejected the combinations that make no sense (see its usage checks). */
typedef struct {
    ks_options opts;        /* flags, encoding, from; name is set per document */
    ks_render form;         /* JSON, pretty JSON or text */
    size_t chunk;           /* bytes per ks_pipeline_feed call (--chunk-size) */
    unsigned jobs;          /* worker threads, >= 1 */
    batch_input input;      /* --input-format */
    int quiet;              /* -q: no warnings, no progress line */
    int summary;            /* --summary: the closing line even without a TTY */
    int recursive;          /* -r: walk folders */
    const char *const *include; /* --include globs, NULL-terminated; NULL: defaults */
    const char *files_from; /* --files-from PATH or "-", or NULL */
    int null_sep;           /* -0: --files-from list is NUL-separated */
    const char *outdir;     /* -o DIR, or NULL: one stream on stdout */
    int skip_existing;      /* --skip-existing (with -o): keep existing outputs */
    int overwrite;          /* --overwrite (with -o): replace existing outputs */
    int errors_as_json;     /* --errors-as-json: error records in the stream */
    int fsync;              /* --fsync: fsync each output before renaming it */
} batch_opts;

/* Convert the inputs named by PATHS (NPATHS of them; "-" is standard input)
 * and by O->files_from.  With NPATHS == 0 and no files_from, standard input
 * is the one input.  Writes outputs and messages; returns the worst exit
 * code seen (0 when every document was converted).  Borrows O and PATHS. */
int batch_run(const batch_opts *o, char *const *paths, size_t npaths);

#endif
