/*
 * mem.c -- the one allocator wrapper.
 *
 * Every allocation in libksplit goes through ks_malloc / ks_realloc /
 * ks_free, so that a test can swap in an allocator that fails on the Nth
 * call and check each out-of-memory path (jansson's test_chaos idea).
 * The function pointers are the library's only process-wide state; they
 * are set once, before any object exists (see ks_set_alloc_funcs).
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void *(*S_malloc)(size_t) = malloc;
static void *(*S_realloc)(void *, size_t) = realloc;
static void (*S_free)(void *) = free;

void ks_set_alloc_funcs(void *(*malloc_fn)(size_t), void *(*realloc_fn)(void *, size_t),
                        void (*free_fn)(void *))
{
    S_malloc = malloc_fn ? malloc_fn : malloc;
    S_realloc = realloc_fn ? realloc_fn : realloc;
    S_free = free_fn ? free_fn : free;
}

void *ks_malloc(size_t size)
{
    return S_malloc(size ? size : 1);
}

void *ks_calloc(size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        return NULL;
    void *p = ks_malloc(n * size);
    if (p)
        memset(p, 0, n * size);
    return p;
}

void *ks_realloc(void *ptr, size_t size)
{
    return S_realloc(ptr, size ? size : 1);
}

void ks_free(void *ptr)
{
    if (ptr)
        S_free(ptr);
}

char *ks_strndup(const char *s, size_t len)
{
    char *p = ks_malloc(len + 1);
    if (!p)
        return NULL;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *ks_strdup(const char *s)
{
    return s ? ks_strndup(s, strlen(s)) : NULL;
}
