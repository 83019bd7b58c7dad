/*
 * harness.h -- the unit tests' tiny harness.  Each test program ends with
 * KS_DONE(), which prints "N passed, N failed" and returns 1 on failure.
 */
#ifndef KSPLIT_HARNESS_H
#define KSPLIT_HARNESS_H

#include <stdio.h>
#include <string.h>

static int ks_t_pass, ks_t_fail;

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

#define KS_DONE()                                                             \
    do {                                                                      \
        printf("%d passed, %d failed\n", ks_t_pass, ks_t_fail);               \
        return ks_t_fail ? 1 : 0;                                             \
    } while (0)

#endif
