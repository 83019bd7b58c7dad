/*
 * extract_dump.c -- test driver: run one reader (html.c or hwpx.c) on a
 * file and print what it extracts, one line per extracted line.
 *
 *   extract_dump hwpx|html FILE [--hints] [--meta]
 *
 * --hints prefixes each line with its hint ("-1", "4" = KS_ROLE_META ...);
 * --meta prints doc->title and the metadata fields the reader filled.
 * Used by tests/hwpx_check.sh and tools/compare_readability.py; exit 1
 * with "stage: message" on stderr when the reader fails.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t r;
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    if (ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: extract_dump hwpx|html FILE [--hints] [--meta]\n");
        return 2;
    }
    int hints = 0, meta = 0;
    for (int i = 3; i < argc; i++) {
        hints |= strcmp(argv[i], "--hints") == 0;
        meta |= strcmp(argv[i], "--meta") == 0;
    }
    size_t len = 0;
    char *raw = slurp(argv[2], &len);
    if (!raw) {
        perror(argv[2]);
        return 2;
    }
    ks_doc *doc = ks_doc_new();
    ks_extract x = {{0}, KS_VEC(signed char)};
    ks_error err = {0};
    ks_status st = strcmp(argv[1], "html") == 0
                       ? ks_html_extract(doc, raw, len, KS_ENC_AUTO, false, &x, &err)
                       : ks_hwpx_extract(doc, raw, len, &x, &err);
    int rc = 0;
    if (st != KS_OK) {
        fprintf(stderr, "%s: %s: %s\n", argv[2], err.stage, err.message);
        rc = 1;
        goto done;
    }
    size_t line = 0;
    const char *p = x.text.data ? x.text.data : "";
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        if (hints)
            printf("%d\t", line < x.hints.len ? KS_AT(x.hints, signed char, line) : -9);
        printf("%.*s\n", (int)n, p);
        p += n + (e != NULL);
        line++;
    }
    if (meta) {
        const ks_meta *m = &doc->meta;
        printf("## format=%s encoding=%s reason=%s\n", doc->format, doc->encoding,
               doc->encoding_reason);
        printf("## title=%s (%s)\n", doc->title ? doc->title : "-", doc->title_source);
        printf("## organization=%s release_date=%s department=%s\n",
               m->organization ? m->organization : "-", m->release_date ? m->release_date : "-",
               m->department ? m->department : "-");
        for (size_t i = 0; i < m->dates.len; i++)
            printf("## date %s %s [%s]\n", KS_AT(m->dates, ks_date, i).role,
                   KS_AT(m->dates, ks_date, i).iso ? KS_AT(m->dates, ks_date, i).iso : "-",
                   KS_AT(m->dates, ks_date, i).raw);
        for (size_t i = 0; i < m->contacts.len; i++) {
            const ks_contact *c = &KS_AT(m->contacts, ks_contact, i);
            printf("## contact name=%s title=%s phone=%s dept=%s\n", c->name ? c->name : "-",
                   c->title ? c->title : "-", c->phone ? c->phone : "-",
                   c->department ? c->department : "-");
        }
        for (size_t i = 0; i < m->attachments.len; i++)
            printf("## attachment %s\n", KS_AT(m->attachments, ks_attachment, i).name);
        for (size_t i = 0; i < doc->warnings.len; i++)
            printf("## warning %s: %s\n", KS_AT(doc->warnings, ks_warning, i).code,
                   KS_AT(doc->warnings, ks_warning, i).message);
    }
done:
    ks_extract_free(&x);
    ks_doc_free(doc);
    free(raw);
    return rc;
}
