/*
 * stream_docs.c -- benchmark driver: a long stream of documents through one
 * ks_pipeline, to show that memory stays bounded however long the stream.
 *
 *   stream_docs [-e ENC] [-c CHUNK] [-t SECONDS] [--no-respace] MBYTES FILE...
 *
 * Reads the FILEs once (each one document), then feeds them round-robin
 * through a single pipeline -- CHUNK bytes per ks_pipeline_feed (default
 * 65536), ks_pipeline_finish, ks_doc_render to JSON, free -- until MBYTES
 * megabytes (10^6 bytes) of input have gone through, or SECONDS have
 * passed (-t, default no limit: a slow build still ends; the line then
 * shows how far it got).  The JSON is counted and thrown away.  Prints
 * one line:
 *
 *   docs N bytes B json J seconds S mbps M maxrss_kb R failed F
 *
 * R is getrusage's peak resident set size of the whole process, which
 * includes the FILEs held in memory (their total is printed on stderr).
 * Exit status 0, or 1 when a document failed, 2 on a usage or I/O error.
 * Uses only the public API (ksplit.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "ksplit.h"

typedef struct {
    char *data;
    size_t len;
} file;

static int S_read(const char *path, file *f)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    size_t cap = 65536;
    f->data = malloc(cap);
    f->len = 0;
    int rc = -1;
    while (f->data) {
        size_t got = fread(f->data + f->len, 1, cap - f->len, fp);
        f->len += got;
        if (got == 0) {
            rc = ferror(fp) ? -1 : 0;
            break;
        }
        if (f->len == cap) {
            char *p = realloc(f->data, cap *= 2);
            if (!p)
                break;
            f->data = p;
        }
    }
    fclose(fp);
    return rc;
}

static double S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    ks_options opts;
    memset(&opts, 0, sizeof opts);
    size_t chunk = 65536;
    double limit = 0;
    int i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--no-respace")) {
            opts.flags |= KS_OPT_NO_RESPACE;
        } else if (!strcmp(argv[i], "-t") && i + 1 < argc) {
            limit = strtod(argv[++i], NULL);
        } else if (!strcmp(argv[i], "-c") && i + 1 < argc) {
            chunk = strtoul(argv[++i], NULL, 10);
        } else if (!strcmp(argv[i], "-e") && i + 1 < argc) {
            const char *e = argv[++i];
            opts.encoding = !strcmp(e, "cp949")   ? KS_ENC_CP949
                            : !strcmp(e, "utf-8") ? KS_ENC_UTF8
                                                  : KS_ENC_AUTO;
        } else {
            break;
        }
    }
    if (argc - i < 2 || chunk == 0) {
        fprintf(stderr, "usage: stream_docs [-e ENC] [-c CHUNK] [-t SECONDS] [--no-respace] "
                        "MBYTES FILE...\n");
        return 2;
    }
    double target = strtod(argv[i++], NULL) * 1e6;
    int nfiles = argc - i;
    file *files = calloc((size_t)nfiles, sizeof *files);
    if (!files)
        return 2;
    size_t held = 0;
    for (int k = 0; k < nfiles; k++) {
        if (S_read(argv[i + k], &files[k]) != 0) {
            fprintf(stderr, "stream_docs: cannot read %s\n", argv[i + k]);
            return 2;
        }
        held += files[k].len;
    }
    fprintf(stderr, "stream_docs: %d files, %zu bytes held in memory\n", nfiles, held);

    ks_error err;
    ks_pipeline *p = ks_pipeline_new(&opts, &err);
    if (!p) {
        fprintf(stderr, "stream_docs: %s\n", err.message);
        return 2;
    }
    unsigned long long docs = 0, failed = 0, json = 0;
    double bytes = 0;
    double t0 = S_now();
    for (int k = 0; bytes < target; k = (k + 1) % nfiles) {
        const file *f = &files[k];
        ks_status st = KS_OK;
        for (size_t off = 0; off < f->len && st == KS_OK; off += chunk) {
            size_t n = f->len - off < chunk ? f->len - off : chunk;
            st = ks_pipeline_feed(p, f->data + off, n, &err);
        }
        ks_doc *doc = NULL;
        if (st == KS_OK)
            st = ks_pipeline_finish(p, &doc, &err);
        else
            ks_pipeline_reset(p);
        char *out = NULL;
        size_t outlen = 0;
        if (st == KS_OK)
            st = ks_doc_render(doc, KS_RENDER_JSON, &out, &outlen, &err);
        if (st != KS_OK)
            failed++;
        json += outlen;
        ks_free(out);
        ks_doc_free(doc);
        bytes += (double)f->len;
        docs++;
        if (limit > 0 && docs % 64 == 0 && S_now() - t0 > limit)
            break;
    }
    double secs = S_now() - t0;
    ks_pipeline_free(p);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    printf("docs %llu bytes %.0f json %llu seconds %.3f mbps %.2f maxrss_kb %ld failed %llu\n",
           docs, bytes, json, secs, secs > 0 ? bytes / 1e6 / secs : 0.0, ru.ru_maxrss, failed);
    for (int k = 0; k < nfiles; k++)
        free(files[k].data);
    free(files);
    return failed ? 1 : 0;
}
