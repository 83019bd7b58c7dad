/*
 * test_buf.c -- buf.c's string arena: every string keeps its bytes while
 * hundreds more are added (chunks grow, a large string takes a chunk of
 * its own), an empty string is a string, a failed allocation is NULL and
 * leaves the arena as it was, and a freed arena is empty and usable.
 *
 *   test_buf
 */
#include "internal.h"
#include "harness.h"

/* An allocator that counts calls and refuses the one numbered FAIL_AT. */
static size_t S_calls, S_fail_at;

static void *S_counting_malloc(size_t n)
{
    if (++S_calls == S_fail_at)
        return NULL;
    return malloc(n);
}

/* String I of the test: a length from 0 to 199 that varies, and every
 * 97th one of 20,000 bytes (more than a quarter of a chunk). */
static size_t S_len(size_t i)
{
    return i % 97 == 96 ? 20000 : (i * 37) % 200;
}

static void S_fill(char *p, size_t i, size_t n)
{
    for (size_t k = 0; k < n; k++)
        p[k] = (char)('A' + (i + k) % 26);
}

int main(void)
{
    enum { N = 2000 };
    static char *got[N];
    char *want = malloc(20000);
    ks_arena a = {0};
    CHECK(want != NULL);
    if (!want)
        KS_DONE();

    /* every string whole after all of them are in */
    for (size_t i = 0; i < N; i++) {
        S_fill(want, i, S_len(i));
        got[i] = ks_arena_strndup(&a, want, S_len(i));
    }
    size_t bad = 0;
    for (size_t i = 0; i < N; i++) {
        S_fill(want, i, S_len(i));
        if (!got[i] || memcmp(got[i], want, S_len(i)) != 0 || got[i][S_len(i)] != '\0')
            bad++;
    }
    KS_CHECK(bad == 0, "%zu of %d strings changed", bad, N);
    /* no two strings overlap: each one's NUL is its own (ordered by
     * address, each ends before the next begins) */
    size_t overlaps = 0;
    for (size_t i = 1; i < N; i++)
        for (size_t j = 0; j < i && j < 50; j++) {
            size_t k = i - 1 - j;
            if (got[i] && got[k] && got[i] < got[k] + S_len(k) + 1 && got[k] < got[i] + S_len(i) + 1)
                overlaps++;
        }
    KS_CHECK(overlaps == 0, "%zu overlapping pairs", overlaps);

    /* the empty string, and a copy of a string inside the arena */
    char *e = ks_arena_strndup(&a, "", 0);
    KS_STREQ(e, "");
    char *again = ks_arena_strndup(&a, got[1], S_len(1));
    KS_CHECK(again && again != got[1] && !strcmp(again, got[1]), "a copy of an arena string");

    /* freed, the arena takes strings again */
    ks_arena_free(&a);
    CHECK(a.head == NULL);
    KS_STREQ(ks_arena_strndup(&a, "전국에", strlen("전국에")), "전국에");
    ks_arena_free(&a);

    /* out of memory: the string that needed a new chunk is NULL, the ones
     * before it stay, and the next call that can allocate succeeds */
    ks_set_alloc_funcs(S_counting_malloc, NULL, NULL);
    S_calls = 0;
    S_fail_at = 2;
    char *first = ks_arena_strndup(&a, "홍 시장의", strlen("홍 시장의"));
    char *big = ks_arena_strndup(&a, want, 20000);       /* a chunk of its own: refused */
    char *after = ks_arena_strndup(&a, "40억 원", strlen("40억 원")); /* fits the first chunk */
    KS_STREQ(first, "홍 시장의");
    CHECK(big == NULL);
    KS_STREQ(after, "40억 원");
    CHECK(S_calls == 2);
    ks_arena_free(&a);
    ks_set_alloc_funcs(NULL, NULL, NULL);

    /* a length no allocation can hold is refused, not wrapped */
    CHECK(ks_arena_strndup(&a, "", SIZE_MAX - 1) == NULL);
    CHECK(a.head == NULL);

    free(want);
    KS_DONE();
}
