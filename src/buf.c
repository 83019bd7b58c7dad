/*
 * buf.c -- growable byte buffer, growable array and string arena.
 *
 * Invariant: a ks_buf's DATA is NULL or NUL-terminated at LEN, so it can be
 * handed to string functions at any time.  Growth is geometric, so appends
 * are amortised O(1) and a whole document is built in linear time.
 */
#include <string.h>

#include "internal.h"

ks_status ks_buf_reserve(ks_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len - 1)
        return KS_ERR_NOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return KS_OK;
    /* A first reservation is usually the whole size (a document, a
     * line): take it exactly; later growth doubles, so appends stay
     * amortised O(1). */
    size_t cap = b->cap ? b->cap : need < 64 ? 64 : need;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = ks_realloc(b->data, cap);
    if (!p)
        return KS_ERR_NOMEM;
    b->data = p;
    b->cap = cap;
    b->data[b->len] = '\0';
    return KS_OK;
}

ks_status ks_buf_append_grow(ks_buf *b, const char *s, size_t len)
{
    if (ks_buf_reserve(b, len) != KS_OK)
        return KS_ERR_NOMEM;
    if (len)
        memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
    return KS_OK;
}

ks_status ks_buf_puts(ks_buf *b, const char *s)
{
    return ks_buf_append(b, s, strlen(s));
}

ks_status ks_buf_putc_grow(ks_buf *b, char c)
{
    return ks_buf_append_grow(b, &c, 1);
}

ks_status ks_buf_put_cp(ks_buf *b, uint32_t cp)
{
    unsigned char u[4];
    size_t n = ks_utf8_encode(cp, u);
    return ks_buf_append(b, (const char *)u, n);
}

void ks_buf_clear(ks_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void ks_buf_free(ks_buf *b)
{
    ks_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *ks_buf_detach(ks_buf *b)
{
    char *p = b->data;
    if (!p)
        p = ks_strndup("", 0);
    else if (b->cap - b->len > 16) {
        /* the caller keeps it: give back the growth slack */
        char *q = ks_realloc(p, b->len + 1);
        if (q)
            p = q;
    }
    b->data = NULL;
    b->len = b->cap = 0;
    return p;
}

ks_status ks_vec_reserve(ks_vec *v, size_t n)
{
    if (n <= v->cap)
        return KS_OK;
    if (n > SIZE_MAX / v->size)
        return KS_ERR_NOMEM;
    void *p = ks_realloc(v->items, n * v->size);
    if (!p)
        return KS_ERR_NOMEM;
    v->items = p;
    v->cap = n;
    return KS_OK;
}

ks_status ks_vec_push_grow(ks_vec *v, const void *item)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        if (cap > SIZE_MAX / v->size)
            return KS_ERR_NOMEM;
        void *p = ks_realloc(v->items, cap * v->size);
        if (!p)
            return KS_ERR_NOMEM;
        v->items = p;
        v->cap = cap;
    }
    memcpy((char *)v->items + v->len * v->size, item, v->size);
    v->len++;
    return KS_OK;
}

void ks_vec_fit(ks_vec *v)
{
    if (v->len == 0 || v->len == v->cap)
        return;
    void *p = ks_realloc(v->items, v->len * v->size);
    if (p) { /* a failed shrink keeps the larger array */
        v->items = p;
        v->cap = v->len;
    }
}

void ks_vec_free(ks_vec *v)
{
    ks_free(v->items);
    v->items = NULL;
    v->len = v->cap = 0;
}

/* ---- arena ------------------------------------------------------------ */

#define KS_ARENA_FIRST 1024    /* bytes of the first chunk */
#define KS_ARENA_CHUNK 65536   /* most bytes of a shared chunk */

struct ks_arena_chunk {
    ks_arena_chunk *next;      /* older */
    size_t used, cap;
    char data[];
};

char *ks_arena_strndup(ks_arena *a, const char *s, size_t len)
{
    if (len > SIZE_MAX / 2)
        return NULL;
    size_t need = len + 1;
    ks_arena_chunk *c = a->head;
    if (!c || c->cap - c->used < need) {
        bool own = need > KS_ARENA_CHUNK / 4;
        size_t cap = own ? need
                     : !c ? KS_ARENA_FIRST
                     : c->cap < KS_ARENA_CHUNK / 2 ? 2 * c->cap : KS_ARENA_CHUNK;
        if (cap < need)
            cap = need;
        ks_arena_chunk *n = ks_malloc(sizeof *n + cap);
        if (!n)
            return NULL;
        n->used = 0;
        n->cap = cap;
        if (own && c) {
            /* behind the chunk being filled, which stays open */
            n->next = c->next;
            c->next = n;
        } else {
            n->next = c;
            a->head = n;
        }
        c = n;
    }
    char *p = c->data + c->used;
    if (len)
        memcpy(p, s, len);
    p[len] = '\0';
    c->used += need;
    return p;
}

void ks_arena_free(ks_arena *a)
{
    for (ks_arena_chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        ks_free(c);
    }
    a->head = NULL;
}
