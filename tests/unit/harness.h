/*
 * harness.h -- the unit tests' tiny harness.  Each test program ends with
 * KS_DONE(), which prints "N passed, N failed" and returns 1 on failure.
 */
#ifndef KSPLIT_HARNESS_H
#define KSPLIT_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksplit.h"

#if defined(__GNUC__)
#define KS_T_UNUSED __attribute__((unused)) /* not every test counts this way */
#else
#define KS_T_UNUSED
#endif
static int ks_t_pass KS_T_UNUSED, ks_t_fail KS_T_UNUSED;

#define KS_CHECK(cond, ...)                                                   \
    do {                                                                      \
        if (cond) {                                                           \
            ks_t_pass++;                                                      \
        } else {                                                              \
            ks_t_fail++;                                                      \
            fprintf(stderr, "%s:%d: FAIL: %s: ", __FILE__, __LINE__, #cond);  \
            fprintf(stderr, __VA_ARGS__);                                     \
            fputc('\n', stderr);                                              \
        }                                                                     \
    } while (0)

/* Compare two NUL-terminated strings; shows both on failure. */
#define KS_STREQ(got, want)                                                   \
    KS_CHECK((got) && !strcmp((got), (want)), "got \"%s\", want \"%s\"",      \
             (got) ? (got) : "(null)", (want))

/* KS_CHECK with the condition itself as the message. */
#define CHECK(cond) KS_CHECK(cond, "%s", #cond)

/* The whole file DIR/NAME (at most 1 MiB), malloc'd; NULL when unreadable. */
static inline char *ks_t_slurp(const char *dir, const char *name, size_t *len)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = malloc(1 << 20);
    *len = buf ? fread(buf, 1, 1 << 20, f) : 0;
    fclose(f);
    return buf;
}

#ifdef KSPLIT_INTERNAL_H
/* The reader's hint of the line whose text is exactly LINE; -9 when there
 * is no such line, -8 when it has no hint entry. */
static inline int ks_t_hint_of(const ks_extract *x, const char *line)
{
    const char *p = x->text.data;
    size_t i = 0, n = strlen(line);
    while (p && *p) {
        const char *e = strchr(p, '\n');
        if (!e)
            break;
        if ((size_t)(e - p) == n && memcmp(p, line, n) == 0)
            return i < x->hints.len ? KS_AT(x->hints, signed char, i) : -8;
        p = e + 1;
        i++;
    }
    return -9;
}
#endif

/* A failing allocator: ks_t_chaos_arm(N) installs it, and the Nth ks_
 * allocation from then on fails; ks_t_chaos_disarm() restores malloc and
 * says whether the run reached the failure at all (false: every allocation
 * of the run has been failed once, the loop can stop). */
typedef struct {
    long fail_at, calls;
} ks_t_chaos;

static inline ks_t_chaos *ks_t_chaos_state(void)
{
    static ks_t_chaos c;
    return &c;
}

static inline void *ks_t_chaos_malloc(size_t n)
{
    ks_t_chaos *c = ks_t_chaos_state();
    return ++c->calls == c->fail_at ? NULL : malloc(n);
}

static inline void *ks_t_chaos_realloc(void *p, size_t n)
{
    ks_t_chaos *c = ks_t_chaos_state();
    return ++c->calls == c->fail_at ? NULL : realloc(p, n);
}

static inline void ks_t_chaos_arm(long n)
{
    ks_t_chaos *c = ks_t_chaos_state();
    c->fail_at = n;
    c->calls = 0;
    ks_set_alloc_funcs(ks_t_chaos_malloc, ks_t_chaos_realloc, free);
}

static inline int ks_t_chaos_disarm(void)
{
    ks_set_alloc_funcs(NULL, NULL, NULL);
    return ks_t_chaos_state()->calls >= ks_t_chaos_state()->fail_at;
}

#ifdef KSPLIT_INTERNAL_H
/* A reader (html.c, hwpx.c) as the out-of-memory loop calls it. */
typedef ks_status (*ks_t_reader)(ks_doc *doc, const char *raw, size_t len, ks_extract *x,
                                 ks_error *err);

/* Read fixture DIR/NAME with READ into a NEW *DOC and *X (the caller frees
 * both, whatever the status); KS_ERR_IO when the file cannot be read. */
static inline ks_status ks_t_read_fixture(ks_t_reader read, const char *dir, const char *name,
                                          ks_doc **doc, ks_extract *x, ks_error *err)
{
    size_t len = 0;
    char *raw = ks_t_slurp(dir, name, &len);
    *doc = ks_doc_new();
    *x = (ks_extract){{0}, KS_VEC(signed char)};
    memset(err, 0, sizeof *err);
    ks_status st = raw ? read(*doc, raw, len, x, err) : KS_ERR_IO;
    free(raw);
    return st;
}

/* Run READ over RAW with each allocation failing in turn, at most MAXN
 * runs: *NOMEM counts the runs that ended in KS_ERR_NOMEM, *BAD those that
 * ended in any other error (there must be none). */
static inline void ks_t_reader_nomem(ks_t_reader read, const char *raw, size_t len, long maxn,
                                     int *nomem, int *bad)
{
    *nomem = *bad = 0;
    for (long n = 1; raw && n < maxn; n++) {
        ks_t_chaos_arm(n);
        ks_doc *doc = ks_doc_new();
        ks_extract x = {{0}, KS_VEC(signed char)};
        ks_error err = {0};
        ks_status st = doc ? read(doc, raw, len, &x, &err) : KS_ERR_NOMEM;
        ks_extract_free(&x);
        ks_doc_free(doc);
        int reached = ks_t_chaos_disarm();
        if (st == KS_ERR_NOMEM)
            (*nomem)++;
        else if (st != KS_OK)
            (*bad)++;
        if (!reached)
            break; /* every allocation has been failed once */
    }
}
#endif

#define KS_DONE()                                                             \
    do {                                                                      \
        printf("%d passed, %d failed\n", ks_t_pass, ks_t_fail);               \
        return ks_t_fail ? 1 : 0;                                             \
    } while (0)

#endif
