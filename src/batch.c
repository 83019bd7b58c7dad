/*
 * batch.c -- the CLI's conversion engine: inputs (files, folders, lists,
 * JSON Lines records, standard input), parallel jobs, ordered output.
 *
 * Shape: the main thread is the producer.  It enumerates the inputs in a
 * fixed order (arguments, then --files-from; folders walked in byte order of
 * their entries) and numbers them.  Worker threads (one ks_pipeline each,
 * never shared) convert them.  Results land in a reorder window of
 * S_WINDOW slots per job, indexed by number; whichever thread completes the
 * next number to be written takes the "writer" token and writes every ready
 * result in order.
 * So:
 *   - stdout and stderr are the same bytes for every -j (messages travel
 *     with their document through the window);
 *   - memory is bounded by the window: at most S_WINDOW * jobs documents
 *     are in flight or waiting, whatever the size of the batch.
 *
 * -o DIR: each input's output is written by its worker to a temporary file
 * ".ksplit-tmp-XXXXXX" in the final directory, then renamed: a killed batch
 * leaves complete outputs and perhaps temporary files (never taken as inputs,
 * never taken for outputs by --skip-existing), never a truncated .json.
 * The output path is DIR/ + the input path as given, with "/" at the start,
 * "." components and ".." components removed lexically (so nothing is
 * written outside DIR), + ".json".  With -o, names ending in ".json" are
 * never inputs (the walk passes them by; named ones are refused) and an
 * existing output is only replaced with --overwrite, so an output never
 * replaces an input; two inputs with the same output path: the later one
 * fails.
 *
 * jansson is included here for JSON Lines input (parsing records) and for
 * the error records of --errors-as-json (correct escaping); documents are
 * rendered by the library.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "batch.h"

#define S_PROG "ksplit"
#define S_TMP_PREFIX ".ksplit-tmp-"
#define S_OUT_SUFFIX ".json"
#define S_READ_SIZE ((size_t)1 << 16)
#define S_MAX_DEPTH 256
/* Files opened ahead of their workers at most (S_open_ahead): the window
 * holds 8 per job, and at -j 256 as many descriptors would near the usual
 * limit of 1024 */
#define S_AHEAD 32
/* Reorder window, in documents per job.  2 stalled the workers behind a
 * long document (1.74x at -j 2, 155-183% CPU); 8 keeps both busy (176-198%)
 * for 4 more documents' memory per job (bench/batch.sh). */
#define S_WINDOW 8

/* The one mutable global: the signal that asked an -o batch to stop. */
static volatile sig_atomic_t S_signal;

static void S_on_signal(int sig)
{
    S_signal = sig;
}

/* ---- growable string ---------------------------------------------------- */

typedef struct {
    char *p;
    size_t len, cap;
    int failed; /* an allocation failed: the content is incomplete */
} S_sb;

static void S_sb_add(S_sb *b, const char *s, size_t n)
{
    if (b->failed || n == 0)
        return;
    if (b->len + n + 1 > b->cap) {
        /* a first add is usually a whole document: take it exactly */
        size_t cap = b->cap ? b->cap : n + 1 > 128 ? n + 1 : 128;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->len, s, n);
    b->len += n;
    b->p[b->len] = '\0';
}

static void S_sb_printf(S_sb *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        S_sb_add(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->failed = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    S_sb_add(b, big, (size_t)n);
    free(big);
}

static void S_sb_free(S_sb *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

/* ---- names -------------------------------------------------------------- */

/* Length of the valid UTF-8 sequence at S (N bytes left), or 0. */
static size_t S_utf8_len(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    uint32_t cp, min;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, cp = c & 0x1F, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, cp = c & 0x0F, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, cp = c & 0x07, min = 0x10000;
    else
        return 0;
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

/* NEW copy of S with every byte that is not valid UTF-8 replaced by U+FFFD:
 * file names are bytes, JSON strings are Unicode.  NULL on OOM. */
static char *S_utf8_clean(const char *s)
{
    S_sb b = {0};
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t k = S_utf8_len((const unsigned char *)s + i, n - i);
        if (k) {
            S_sb_add(&b, s + i, k);
            i += k;
        } else {
            S_sb_add(&b, "\xEF\xBF\xBD", 3);
            i++;
        }
    }
    if (!b.p && !b.failed && !(b.p = calloc(1, 1)))
        b.failed = 1;
    if (b.failed) {
        free(b.p);
        return NULL;
    }
    return b.p;
}

/* Append PATH for a one-line message: control bytes shown as \n, \t, \xNN
 * so a name holding a newline cannot forge a second message line. */
static void S_sb_name(S_sb *b, const char *path)
{
    for (const char *s = path; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\n')
            S_sb_add(b, "\\n", 2);
        else if (c == '\t')
            S_sb_add(b, "\\t", 2);
        else if (c < 0x20 || c == 0x7F)
            S_sb_printf(b, "\\x%02X", c);
        else
            S_sb_add(b, s, 1);
    }
}

static int S_ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* The path of PATH below the output folder, NEW: components split on '/',
 * "" and "." dropped, ".." removes the previous component or, at the start,
 * itself (as tar does).  Empty result: NULL with *EMPTY set. */
static char *S_rel_path(const char *path, int *empty)
{
    size_t n = strlen(path);
    char *out = malloc(n + 1);
    size_t len = 0;
    *empty = 0;
    if (!out)
        return NULL;
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && path[j] != '/')
            j++;
        size_t k = j - i;
        if (k == 0 || (k == 1 && path[i] == '.')) {
            /* nothing */
        } else if (k == 2 && path[i] == '.' && path[i + 1] == '.') {
            while (len > 0 && out[len - 1] != '/')
                len--;
            if (len > 0)
                len--; /* the '/' before the removed component */
        } else {
            if (len > 0)
                out[len++] = '/';
            memcpy(out + len, path + i, k);
            len += k;
        }
        i = j + 1;
    }
    out[len] = '\0';
    if (len == 0) {
        free(out);
        *empty = 1;
        return NULL;
    }
    return out;
}

/* ---- the set of output paths written in this run ------------------------ */

typedef struct {
    uint64_t *v; /* 0 = free */
    size_t cap, count;
} S_set;

static uint64_t S_hash(const char *s)
{
    uint64_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h ? h : 1;
}

/* Add H; returns 1 if added, 0 if present, -1 on OOM.  Eight bytes per
 * output: the one thing that grows with the batch (8 MB per million). */
static int S_set_add(S_set *s, uint64_t h)
{
    if ((s->count + 1) * 2 > s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 1024;
        uint64_t *v = calloc(cap, sizeof *v);
        if (!v)
            return -1;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->v[i])
                continue;
            size_t j = (size_t)(s->v[i] & (cap - 1));
            while (v[j])
                j = (j + 1) & (cap - 1);
            v[j] = s->v[i];
        }
        free(s->v);
        s->v = v;
        s->cap = cap;
    }
    size_t j = (size_t)(h & (s->cap - 1));
    while (s->v[j]) {
        if (s->v[j] == h)
            return 0;
        j = (j + 1) & (s->cap - 1);
    }
    s->v[j] = h;
    s->count++;
    return 1;
}

/* ---- slots: one document's task and result ------------------------------ */

typedef enum { SL_EMPTY = 0, SL_QUEUED, SL_RUNNING, SL_DONE } S_state;
typedef enum {
    K_FILE,   /* read PATH */
    K_MEM,    /* DATA holds the whole input (standard input) */
    K_RECORD, /* DATA holds one JSON Lines record, line LINE of PATH */
    K_NONE    /* nothing to convert: an error or a skip filled in already */
} S_kind;

typedef struct {
    S_state state;
    S_kind kind;
    char *path;         /* input path as given, NEW; NULL for standard input */
    char *outpath;      /* -o: the output path, NEW */
    char *data;         /* K_MEM, K_RECORD: NEW */
    size_t len;
    unsigned long line; /* K_RECORD: 1-based line in PATH */
    uint64_t bytes;     /* input size, for the progress line */
    uint64_t seq;       /* its place in the output order (set when taken) */
    int opened;         /* K_FILE: FD is PATH, opened by the producer (S_open_ahead) */
    int fd;
    /* result */
    S_sb out;    /* for stdout: the document or an error record */
    S_sb msg;    /* for stderr: warnings and errors */
    int rc;      /* exit code of this input */
    int skipped; /* --skip-existing found the output */
    int notice;  /* not a document: only MSG, a note on the walk */
    int fatal;   /* the output device is full or read-only: stop the batch */
} S_slot;

typedef struct {
    const batch_opts *o;
    pthread_mutex_t mu;
    pthread_cond_t work;  /* a slot was queued, or the producer is done */
    pthread_cond_t space; /* the window moved */
    S_slot *slots;
    size_t nslots;
    uint64_t next_seq, next_take, next_write;
    int producer_done, writing, stop;
    pthread_t *threads;
    unsigned nthreads;
    /* written by the writer-token holder only */
    int rc, out_failed, halted;
    uint64_t done, failed, skipped, bytes_done;
    double last_draw;
    size_t drawn; /* width of the progress line on screen */
    /* set before the threads start */
    const char *const *include;
    int progress;
    int total_known;
    uint64_t total, total_bytes;
    double t0;
    mode_t mode;
    int have_outdir;
    dev_t out_dev;
    ino_t out_ino;
    S_set outs; /* producer only */
} S_ctx;

static const char *const S_default_include[] = {"*.txt", "*.html", "*.htm", "*.hwpx", "*.hwp",
                                                "*.TXT", "*.HTML", "*.HTM", "*.HWPX", "*.HWP",
                                                NULL};
static const char *const S_default_include_jsonl[] = {"*.jsonl", "*.JSONL", NULL};

static int S_worst(int a, int b)
{
    return b > a ? b : a;
}

static int S_exit_for(ks_status st)
{
    switch (st) {
    case KS_OK: return 0;
    case KS_ERR_IO: return EXIT_IO;
    case KS_ERR_NOMEM:
    case KS_ERR_INTERNAL:
    case KS_ERR_UNAVAILABLE:
    case KS_ERR_ARG: return EXIT_INTERNAL;
    default: return EXIT_DOC;
    }
}

/* The "code" of an error record. */
static const char *S_code_name(ks_status st)
{
    switch (st) {
    case KS_OK: return "ok";
    case KS_ERR_NOMEM: return "nomem";
    case KS_ERR_DECODE: return "decode";
    case KS_ERR_FORMAT: return "format";
    case KS_ERR_LIMIT: return "limit";
    case KS_ERR_IO: return "io";
    case KS_ERR_ARG: return "arg";
    case KS_ERR_UNAVAILABLE: return "unavailable";
    default: return "internal";
    }
}

static double S_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The name shown in messages: PATH, "<stdin>", or "PATH: line N". */
static void S_sb_shown(S_sb *b, const S_slot *s)
{
    S_sb_add(b, S_PROG ": ", sizeof S_PROG + 1);
    if (s->path)
        S_sb_name(b, s->path);
    else
        S_sb_add(b, "<stdin>", 7);
    if (s->kind == K_RECORD)
        S_sb_printf(b, ": line %lu", s->line);
    S_sb_add(b, ": ", 2);
}

/* Record a failure of S: the message on stderr and, with --errors-as-json,
 * an error record {"id"?, "error": {path, line?, code, stage?, offset,
 * message}} in the stream.  ID may be NULL (BORROWED). */
static void S_fail(const S_ctx *c, S_slot *s, int rc, const char *code, const char *stage,
                   uint64_t offset, int show_offset, const json_t *id, const char *message)
{
    s->rc = S_worst(s->rc, rc);
    S_sb_shown(&s->msg, s);
    if (show_offset)
        S_sb_printf(&s->msg, "offset %llu: ", (unsigned long long)offset);
    S_sb_printf(&s->msg, "%s\n", message);
    if (!c->o->errors_as_json)
        return;
    s->out.len = 0; /* an error record replaces any output */
    json_t *rec = json_object(), *e = json_object();
    char *path = s->path ? S_utf8_clean(s->path) : NULL;
    char *msg = S_utf8_clean(message);
    char *text = NULL;
    int ok = rec && e && msg && (!s->path || path);
    if (ok && id)
        ok = json_object_set(rec, "id", (json_t *)id) == 0;
    if (ok)
        ok = json_object_set_new(rec, "error", e) == 0;
    e = ok ? e : (json_decref(e), NULL);
    if (ok)
        ok = json_object_set_new(e, "path", json_string(path ? path : "-")) == 0;
    if (ok && s->kind == K_RECORD)
        ok = json_object_set_new(e, "line", json_integer((json_int_t)s->line)) == 0;
    if (ok)
        ok = json_object_set_new(e, "code", json_string(code)) == 0;
    if (ok && stage && *stage)
        ok = json_object_set_new(e, "stage", json_string(stage)) == 0;
    if (ok && show_offset)
        ok = json_object_set_new(e, "offset", json_integer((json_int_t)offset)) == 0;
    if (ok)
        ok = json_object_set_new(e, "message", json_string(msg)) == 0;
    if (ok)
        text = json_dumps(rec, JSON_COMPACT | JSON_PRESERVE_ORDER);
    if (text) {
        S_sb_add(&s->out, text, strlen(text));
        S_sb_add(&s->out, "\n", 1);
        free(text);
    } else {
        s->rc = S_worst(s->rc, EXIT_INTERNAL);
        S_sb_shown(&s->msg, s);
        S_sb_add(&s->msg, "out of memory\n", 14);
    }
    json_decref(rec);
    free(path);
    free(msg);
}

static void S_fail_ks(const S_ctx *c, S_slot *s, const ks_error *err, const json_t *id)
{
    S_fail(c, s, S_exit_for(err->code), S_code_name(err->code), err->stage, err->offset,
           err->offset || err->code == KS_ERR_DECODE, id, err->message);
}

static void S_fail_errno(const S_ctx *c, S_slot *s, int errnum, const char *what)
{
    char m[300];
    if (what)
        snprintf(m, sizeof m, "%s: %s", what, strerror(errnum));
    else
        snprintf(m, sizeof m, "%s", strerror(errnum));
    S_fail(c, s, EXIT_IO, "io", NULL, 0, 0, NULL, m);
}

/* ---- writing -o outputs ------------------------------------------------- */

/* mkdir -p for the parent folders of PATH below the output folder (whose
 * name is the first BASE bytes).  Returns 0 or an errno value. */
static int S_make_parents(char *path, size_t base)
{
    for (size_t i = base + 1; path[i]; i++) {
        if (path[i] != '/')
            continue;
        path[i] = '\0';
        int r = mkdir(path, 0777);
        int e = errno;
        path[i] = '/';
        if (r != 0 && e != EEXIST)
            return e;
    }
    return 0;
}

static int S_write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t k = write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

/* Write DATA to S->outpath through a temporary file and rename(2). */
/* ks_doc_write's writer for a file: the errno of a failed write is kept. */
typedef struct {
    int fd;
    int err;
} S_fdw;

static int S_fd_write(void *ctx, const char *data, size_t len)
{
    S_fdw *w = ctx;
    w->err = S_write_all(w->fd, data, len);
    return w->err;
}

/* Write S's output file: DOC rendered in pieces as it is written (never
 * held whole) when DOC is set, else DATA[0..LEN). */
static void S_write_output(const S_ctx *c, S_slot *s, const ks_doc *doc, const char *data,
                           size_t len)
{
    const char *slash = strrchr(s->outpath, '/');
    size_t dirlen = slash ? (size_t)(slash - s->outpath) : 0;
    char *tmp = malloc(dirlen + sizeof "/" S_TMP_PREFIX "XXXXXX");
    int fd = -1, e = 0, created = 0;
    const char *what = NULL;
    if (!tmp) {
        S_fail(c, s, EXIT_INTERNAL, "nomem", NULL, 0, 0, NULL, "out of memory");
        return;
    }
    memcpy(tmp, s->outpath, dirlen);
    strcpy(tmp + dirlen, "/" S_TMP_PREFIX "XXXXXX");
    e = S_make_parents(s->outpath, strlen(c->o->outdir));
    if (e) {
        what = "cannot create its folder";
        goto done;
    }
    fd = mkstemp(tmp);
    if (fd < 0) {
        e = errno;
        what = "cannot create a temporary file";
        goto done;
    }
    created = 1;
    if (fchmod(fd, c->mode) != 0) {
        e = errno;
        what = "write error";
        goto done;
    }
    if (doc) {
        S_fdw fw = {fd, 0};
        ks_error err = {0};
        ks_status st = ks_doc_write(doc, c->o->form, S_fd_write, &fw, &err);
        if (st == KS_ERR_IO) {
            e = fw.err ? fw.err : EIO;
            what = "write error";
            goto done;
        }
        if (st != KS_OK) { /* out of memory: no half file is left */
            close(fd);
            fd = -1;
            unlink(tmp);
            created = 0;
            S_fail_ks(c, s, &err, NULL);
            goto done;
        }
    } else if ((e = S_write_all(fd, data, len)) != 0) {
        what = "write error";
        goto done;
    }
    if (c->o->fsync && fsync(fd) != 0) {
        e = errno;
        what = "write error";
        goto done;
    }
    int r = close(fd);
    fd = -1;
    if (r != 0) {
        e = errno;
        what = "write error";
        goto done;
    }
    if (rename(tmp, s->outpath) != 0) {
        e = errno;
        what = "cannot rename the temporary file";
        goto done;
    }
    created = 0; /* renamed: nothing to remove */
done:
    if (fd >= 0)
        close(fd);
    if (e) {
        if (created)
            unlink(tmp);
        s->fatal = e == ENOSPC || e == EROFS;
#ifdef EDQUOT
        s->fatal |= e == EDQUOT;
#endif
        S_sb o = {0};
        S_sb_add(&o, "output ", 7);
        S_sb_name(&o, s->outpath);
        S_sb_printf(&o, ": %s: %s", what, strerror(e));
        S_fail(c, s, EXIT_IO, "io", NULL, 0, 0, NULL, o.p ? o.p : what);
        S_sb_free(&o);
    }
    free(tmp);
}

/* ---- converting one document (worker side) ------------------------------ */

static void S_progress_clear(S_ctx *c);

static int S_stdout_write(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

typedef struct {
    S_ctx *c;
    char *buf; /* S_READ_SIZE bytes */
} S_worker;

static ks_status S_feed(const S_ctx *c, ks_pipeline *p, const char *b, size_t n, ks_error *err)
{
    for (size_t i = 0; i < n; i += c->o->chunk) {
        size_t k = n - i < c->o->chunk ? n - i : c->o->chunk;
        ks_status st = ks_pipeline_feed(p, b + i, k, err);
        if (st != KS_OK)
            return st;
    }
    return KS_OK;
}

/* Insert "id":ID, after the opening brace of the rendered OUT (which starts
 * with {"version": in every form, indented or not).  NEW, or NULL. */
static char *S_splice_id(const char *out, size_t outlen, const json_t *id, size_t *newlen)
{
    char *idtext = json_dumps(id, JSON_ENCODE_ANY | JSON_COMPACT);
    if (!idtext)
        return NULL;
    size_t ws = 1;
    while (ws < outlen && (out[ws] == '\n' || out[ws] == ' '))
        ws++;
    /* OUT = "{" WS REST; the result: "{" WS "\"id\":" SP ID "," WS REST */
    int pretty = ws > 1;
    size_t idn = strlen(idtext), wsn = ws - 1;
    size_t len = outlen + wsn + 5 + (size_t)pretty + idn + 1;
    char *r = malloc(len + 1);
    if (r) {
        char *q = r;
        *q++ = '{';
        memcpy(q, out + 1, wsn), q += wsn;
        memcpy(q, "\"id\":", 5), q += 5;
        if (pretty)
            *q++ = ' ';
        memcpy(q, idtext, idn), q += idn;
        *q++ = ',';
        memcpy(q, out + 1, outlen - 1), q += outlen - 1;
        *q = '\0';
        *newlen = (size_t)(q - r);
    }
    free(idtext);
    return r;
}

/* With no -o and every earlier result written, take the writer token and
 * write DOC straight to standard output as it is rendered: a large
 * document's JSON (about twice its size) is never held whole, nor copied
 * into the slot.  Returns 1 when it did, 0 when DOC is to be rendered into
 * the slot and written in turn.  Were rendering to fail part way (out of
 * memory), the line written so far is ended and the error record follows
 * it. */
static int S_stream(S_worker *w, S_slot *s, const ks_doc *doc)
{
    S_ctx *c = w->c;
    pthread_mutex_lock(&c->mu);
    int mine = !c->writing && c->next_write == s->seq && !c->out_failed && !c->halted;
    if (mine)
        c->writing = 1;
    pthread_mutex_unlock(&c->mu);
    if (!mine)
        return 0;
    if (s->msg.len) { /* the warnings go first, as S_emit writes them */
        S_progress_clear(c);
        fwrite(s->msg.p, 1, s->msg.len, stderr);
        s->msg.len = 0;
    }
    ks_error err = {0};
    ks_status st = ks_doc_write(doc, c->o->form, S_stdout_write, NULL, &err);
    if (st == KS_ERR_IO) {
        c->out_failed = 1;
        S_progress_clear(c);
        fprintf(stderr, "%s: write error: %s\n", S_PROG, strerror(errno));
    } else if (st != KS_OK) {
        fputc('\n', stdout);
        S_fail_ks(c, s, &err, NULL);
    }
    pthread_mutex_lock(&c->mu);
    c->writing = 0;
    pthread_mutex_unlock(&c->mu);
    return 1;
}

static void S_convert(S_worker *w, S_slot *s)
{
    const S_ctx *c = w->c;
    ks_options o = c->o->opts;
    ks_error err = {0};
    ks_pipeline *p = NULL;
    ks_doc *doc = NULL;
    char *out = NULL, *name = NULL, *spliced = NULL;
    size_t outlen = 0;
    int fd = -1;
    json_t *rec = NULL;
    const json_t *id = NULL;
    const char *text = NULL;
    size_t textlen = 0;

    if (s->kind == K_RECORD) {
        json_error_t jerr;
        rec = json_loadb(s->data, s->len, JSON_ALLOW_NUL, &jerr);
        if (!rec) {
            char m[260];
            snprintf(m, sizeof m, "not a JSON record: %s", jerr.text);
            S_fail(c, s, EXIT_DOC, "record", NULL, 0, 0, NULL, m);
            goto done;
        }
        if (!json_is_object(rec)) {
            S_fail(c, s, EXIT_DOC, "record", NULL, 0, 0, NULL,
                   "not a JSON object: a record is {\"id\": ..., \"text\"|\"html\": ...}");
            goto done;
        }
        id = json_object_get(rec, "id");
        if (id && !json_is_string(id) && !json_is_number(id)) {
            S_fail(c, s, EXIT_DOC, "record", NULL, 0, 0, NULL,
                   "\"id\" must be a string or a number");
            goto done;
        }
        const json_t *t = json_object_get(rec, "text"), *h = json_object_get(rec, "html");
        if ((t != NULL) == (h != NULL) || !json_is_string(t ? t : h)) {
            S_fail(c, s, EXIT_DOC, "record", NULL, 0, 0, id,
                   t && h ? "record has both \"text\" and \"html\""
                   : t || h ? "\"text\" or \"html\" must be a string"
                            : "record has neither \"text\" nor \"html\"");
            goto done;
        }
        text = json_string_value(t ? t : h);
        textlen = json_string_length(t ? t : h);
        o.encoding = KS_ENC_UTF8; /* JSON strings are Unicode */
        o.from = t ? KS_FROM_TEXT : KS_FROM_HTML;
        o.name = NULL;
        s->bytes = textlen;
    } else if (s->path) {
        name = S_utf8_clean(s->path);
        if (!name) {
            S_fail(c, s, EXIT_INTERNAL, "nomem", NULL, 0, 0, NULL, "out of memory");
            goto done;
        }
        o.name = name;
    } else {
        o.name = NULL;
    }

    p = ks_pipeline_new(&o, &err);
    if (!p) {
        S_fail_ks(c, s, &err, id);
        goto done;
    }
    if (s->kind == K_RECORD || s->kind == K_MEM) {
        if (s->kind == K_MEM)
            text = s->data, textlen = s->len;
        if (S_feed(c, p, text ? text : "", textlen, &err) != KS_OK) {
            S_fail_ks(c, s, &err, id);
            goto done;
        }
    } else {
        fd = s->opened ? s->fd : open(s->path, O_RDONLY);
        s->opened = 0;
        if (fd < 0) {
            S_fail_errno(c, s, errno, NULL);
            goto done;
        }
        for (;;) {
            ssize_t n = read(fd, w->buf, S_READ_SIZE);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0) {
                S_fail_errno(c, s, errno, "read error");
                goto done;
            }
            if (n == 0)
                break;
            s->bytes += (uint64_t)n;
            if (S_feed(c, p, w->buf, (size_t)n, &err) != KS_OK) {
                S_fail_ks(c, s, &err, id);
                goto done;
            }
        }
    }
    if (ks_pipeline_finish(p, &doc, &err) != KS_OK) {
        S_fail_ks(c, s, &err, id);
        goto done;
    }
    if (!c->o->quiet) {
        for (size_t i = 0; i < ks_doc_warning_count(doc); i++) {
            uint64_t off = 0;
            long line = 0;
            const char *wm = ks_doc_warning(doc, i, NULL, &off, &line);
            S_sb_shown(&s->msg, s);
            if (off)
                S_sb_printf(&s->msg, "offset %llu: ", (unsigned long long)off);
            else if (line)
                S_sb_printf(&s->msg, "line %ld: ", line);
            S_sb_printf(&s->msg, "warning: %s\n", wm);
        }
    }
    if (!s->outpath && !id && S_stream(w, s, doc))
        goto done;
    if (s->outpath && !id) { /* written as it is rendered */
        S_write_output(c, s, doc, NULL, 0);
        goto done;
    }
    if (ks_doc_render(doc, c->o->form, &out, &outlen, &err) != KS_OK) {
        S_fail_ks(c, s, &err, id);
        goto done;
    }
    ks_doc_free(doc); /* before the output is copied: lower peak memory */
    doc = NULL;
    const char *data = out;
    if (id && c->o->form != KS_RENDER_TEXT && outlen > 1 && out[0] == '{') {
        spliced = S_splice_id(out, outlen, id, &outlen);
        if (!spliced) {
            S_fail(c, s, EXIT_INTERNAL, "nomem", NULL, 0, 0, id, "out of memory");
            goto done;
        }
        data = spliced;
    }
    if (s->outpath) {
        S_write_output(c, s, NULL, data, outlen);
    } else if (data == out && !s->out.p) {
        /* take the rendered document as it is, not a copy: the CLI leaves
         * libksplit's allocator at malloc (ks_set_alloc_funcs is never
         * called), so S_sb's realloc and free apply to it */
        s->out.p = out;
        s->out.len = outlen;
        s->out.cap = outlen + 1;
        out = NULL;
    } else {
        S_sb_add(&s->out, data, outlen);
    }
    if (s->out.failed || s->msg.failed) {
        s->rc = S_worst(s->rc, EXIT_INTERNAL);
        s->out.len = 0;
    }
done:
    if (fd >= 0)
        close(fd);
    free(spliced);
    ks_free(out);
    ks_doc_free(doc);
    ks_pipeline_free(p);
    json_decref(rec);
    free(name);
}

/* ---- the writer: results in order --------------------------------------- */

static void S_progress_clear(S_ctx *c)
{
    if (!c->drawn)
        return;
    char line[256];
    size_t n = c->drawn < sizeof line - 2 ? c->drawn : sizeof line - 2;
    line[0] = '\r';
    memset(line + 1, ' ', n);
    line[n + 1] = '\r';
    fwrite(line, 1, n + 2, stderr);
    c->drawn = 0;
}

static void S_fmt_rate(char *b, size_t n, uint64_t bytes, double secs)
{
    double mbs = secs > 0 ? (double)bytes / 1e6 / secs : 0;
    snprintf(b, n, "%.1f MB/s", mbs);
}

static void S_progress_draw(S_ctx *c, int force)
{
    double now = S_now();
    if (!force && now - c->last_draw < 0.1)
        return;
    c->last_draw = now;
    double secs = now - c->t0;
    char line[200], rate[40], eta[40] = "";
    S_fmt_rate(rate, sizeof rate, c->bytes_done, secs);
    uint64_t n = c->done + c->failed + c->skipped;
    if (c->total_known && c->bytes_done > 0 && secs > 0.5) {
        double left = (double)(c->total_bytes > c->bytes_done ? c->total_bytes - c->bytes_done : 0);
        long s = (long)(left / ((double)c->bytes_done / secs) + 0.5);
        snprintf(eta, sizeof eta, ", ETA %ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    }
    int k;
    const char *errs = c->failed == 1 ? "error" : "errors";
    if (c->total_known)
        k = snprintf(line, sizeof line, "\r" S_PROG ": %llu/%llu documents, %s, %llu %s%s",
                     (unsigned long long)n, (unsigned long long)c->total, rate,
                     (unsigned long long)c->failed, errs, eta);
    else
        k = snprintf(line, sizeof line, "\r" S_PROG ": %llu document%s, %s, %llu %s",
                     (unsigned long long)n, n == 1 ? "" : "s", rate, (unsigned long long)c->failed,
                     errs);
    if (k < 0)
        return;
    size_t len = (size_t)k < sizeof line ? (size_t)k : sizeof line - 1;
    size_t width = len - 1;
    /* Pad over a longer previous line. */
    fwrite(line, 1, len, stderr);
    for (size_t i = width; i < c->drawn; i++)
        fputc(' ', stderr);
    c->drawn = width > c->drawn ? width : c->drawn;
}

/* Write slot S (the next in order).  Called by the writer-token holder with
 * the lock released. */
static void S_emit(S_ctx *c, S_slot *s)
{
    if (s->msg.len) {
        S_progress_clear(c);
        fwrite(s->msg.p, 1, s->msg.len, stderr);
    }
    if (s->out.len && !c->out_failed) {
        if (fwrite(s->out.p, 1, s->out.len, stdout) != s->out.len) {
            c->out_failed = 1;
            S_progress_clear(c);
            fprintf(stderr, "%s: write error: %s\n", S_PROG, strerror(errno));
        }
    }
    if (s->fatal && !c->halted) {
        /* Every later output would fail the same way: stop here, and let
         * --skip-existing resume once there is room. */
        c->halted = 1;
        S_progress_clear(c);
        fprintf(stderr, "%s: stopping: the output folder cannot take more files\n", S_PROG);
    }
    if (c->out_failed)
        c->rc = S_worst(c->rc, EXIT_IO);
    c->rc = S_worst(c->rc, s->rc);
    if (s->notice)
        ; /* a note, not a document: no count moves */
    else if (s->skipped)
        c->skipped++;
    else if (s->rc)
        c->failed++;
    else
        c->done++;
    c->bytes_done += s->bytes;
    if (c->progress)
        S_progress_draw(c, 0);
}

static void S_slot_clear(S_slot *s)
{
    if (s->opened)
        close(s->fd);
    free(s->path);
    free(s->outpath);
    free(s->data);
    S_sb_free(&s->out);
    S_sb_free(&s->msg);
    memset(s, 0, sizeof *s);
}

/* With the lock held: mark S done and, unless another thread holds the
 * writer token, write every ready result in order. */
static void S_complete(S_ctx *c, S_slot *s)
{
    s->state = SL_DONE;
    if (c->writing)
        return;
    c->writing = 1;
    for (;;) {
        S_slot *n = &c->slots[c->next_write % c->nslots];
        if (c->next_write >= c->next_seq || n->state != SL_DONE)
            break;
        pthread_mutex_unlock(&c->mu);
        S_emit(c, n);
        S_slot_clear(n);
        pthread_mutex_lock(&c->mu);
        c->next_write++;
        if (c->out_failed || c->halted)
            c->stop = 1;
        /* the producer waits for half a window (S_push): wake it then,
         * not for every document written */
        if (c->next_seq - c->next_write <= c->nslots / 2 || c->stop || S_signal)
            pthread_cond_broadcast(&c->space);
    }
    c->writing = 0;
}

/* ---- workers ------------------------------------------------------------ */

static void *S_worker_main(void *arg)
{
    S_worker *w = arg;
    S_ctx *c = w->c;
    pthread_mutex_lock(&c->mu);
    for (;;) {
        while (c->next_take == c->next_seq && !c->producer_done)
            pthread_cond_wait(&c->work, &c->mu);
        if (c->next_take == c->next_seq)
            break;
        S_slot *s = &c->slots[c->next_take % c->nslots];
        s->seq = c->next_take;
        c->next_take++;
        if (s->state != SL_QUEUED)
            continue; /* filled in by the producer already */
        s->state = SL_RUNNING;
        int stop = c->stop; /* the producer turns a signal into c->stop */
        pthread_mutex_unlock(&c->mu);
        if (stop)
            s->skipped = 1;
        else
            S_convert(w, s);
        pthread_mutex_lock(&c->mu);
        S_complete(c, s);
    }
    pthread_mutex_unlock(&c->mu);
    free(w->buf);
    free(w);
    return NULL;
}

static int S_start_worker(S_ctx *c)
{
    S_worker *w = calloc(1, sizeof *w);
    if (!w || !(w->buf = malloc(S_READ_SIZE))) {
        free(w);
        return -1;
    }
    w->c = c;
    /* Signals go to the main thread only. */
    sigset_t all, old;
    sigemptyset(&all);
    sigaddset(&all, SIGINT);
    sigaddset(&all, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &all, &old);
    int r = pthread_create(&c->threads[c->nthreads], NULL, S_worker_main, w);
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (r != 0) {
        free(w->buf);
        free(w);
        return -1;
    }
    c->nthreads++;
    return 0;
}

/* ---- the producer ------------------------------------------------------- */

/* Queue T (moved into the window; T is cleared).  DONE: T is already a
 * result (an error, a skip).  Returns -1 when the batch is stopping. */
static int S_push(S_ctx *c, S_slot *t, int done)
{
    pthread_mutex_lock(&c->mu);
    /* a full window: wait until half of it is written, so that the
     * producer and the writer meet once per half window, not once per
     * document (each meeting is a futex wake and a context switch) */
    if (c->next_seq - c->next_write >= c->nslots)
        while (c->next_seq - c->next_write > c->nslots / 2 && !c->stop && !S_signal)
            pthread_cond_wait(&c->space, &c->mu);
    if (c->stop || S_signal) {
        c->stop = 1;
        pthread_mutex_unlock(&c->mu);
        S_slot_clear(t);
        return -1;
    }
    S_slot *s = &c->slots[c->next_seq % c->nslots];
    *s = *t;
    memset(t, 0, sizeof *t);
    c->next_seq++;
    if (done) {
        S_complete(c, s);
    } else {
        s->state = SL_QUEUED;
        /* One more thread while every started one may be busy. */
        if (c->nthreads < c->o->jobs && c->next_seq - c->next_take > 0 &&
            c->nthreads < c->next_seq - c->next_write)
            S_start_worker(c);
        if (c->nthreads == 0) {
            s->kind = K_NONE;
            S_fail(c, s, EXIT_INTERNAL, "internal", NULL, 0, 0, NULL,
                   "cannot start a worker thread");
            S_complete(c, s);
        }
        pthread_cond_signal(&c->work);
    }
    pthread_mutex_unlock(&c->mu);
    return 0;
}

/* Queue an error for PATH found by the producer. */
static int S_push_error(S_ctx *c, const char *path, int rc, const char *code,
                        const char *message)
{
    S_slot t = {0};
    t.kind = K_NONE;
    t.path = path ? strdup(path) : NULL;
    S_fail(c, &t, rc, code, NULL, 0, 0, NULL, message);
    return S_push(c, &t, 1);
}

/* Queue a note on standard error about folder DIR, in its place in the
 * output order (not with -q): "ksplit: DIR: MESSAGE". */
static int S_push_notice(S_ctx *c, const char *dir, const char *message)
{
    if (c->o->quiet)
        return 0;
    S_slot t = {0};
    t.kind = K_NONE;
    t.notice = 1;
    if (!(t.path = strdup(dir)))
        return S_push_error(c, NULL, EXIT_INTERNAL, "nomem", "out of memory");
    S_sb_shown(&t.msg, &t);
    S_sb_printf(&t.msg, "%s\n", message);
    return S_push(c, &t, 1);
}

/* Refuse PATH because of its output T->outpath (WHY follows the name):
 * an "output" error record in PATH's place; T is cleared. */
static int S_refuse_output(S_ctx *c, const char *path, S_slot *t, const char *why)
{
    S_sb m = {0};
    S_sb_add(&m, "not converted: output ", 22);
    S_sb_name(&m, t->outpath);
    S_sb_add(&m, why, strlen(why));
    S_slot_clear(t);
    int r = S_push_error(c, path, EXIT_DOC, "output", m.p ? m.p : "output refused");
    S_sb_free(&m);
    return r;
}

/* Open T's file for its worker and ask for its first megabyte, where it
 * is a regular file: the producer queues files a window ahead of the
 * workers, so a folder that is not in the page cache is read while the
 * documents before it are converted, many files at a time, not one file
 * per document when its worker gets to it (the bench corpus made to
 * 21 MB, 5,257 files, from a cold cache: 1.30 s -> 1.00 s at -j 2, 0.83 s
 * from a warm one).  At most S_AHEAD files wait so.  Anything else (a missing file,
 * a FIFO) is left to the worker, to open and report as before. */
static void S_open_ahead(S_slot *t)
{
    /* not opened to be tested: opening a FIFO, even without waiting,
     * would let its writer start into a pipe about to close */
    struct stat st;
    if (stat(t->path, &st) != 0 || !S_ISREG(st.st_mode))
        return;
    int fd = open(t->path, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return;
    int fl = fcntl(fd, F_GETFL);
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || fl < 0 ||
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) != 0) {
        close(fd);
        return;
    }
    (void)posix_fadvise(fd, 0, (off_t)1 << 20, POSIX_FADV_WILLNEED);
    t->fd = fd;
    t->opened = 1;
}

static int S_add_file(S_ctx *c, const char *path)
{
    const batch_opts *o = c->o;
    S_slot t = {0};
    t.kind = K_FILE;
    if (!(t.path = strdup(path)))
        return S_push_error(c, NULL, EXIT_INTERNAL, "nomem", "out of memory");
    if (o->outdir) {
        int empty = 0;
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        if (S_ends_with(base, S_OUT_SUFFIX)) {
            S_slot_clear(&t);
            return S_push_error(c, path, EXIT_DOC, "output",
                                "not converted: with -o an input named *.json could be "
                                "replaced by an output");
        }
        char *rel = S_rel_path(path, &empty);
        if (!rel) {
            S_slot_clear(&t);
            return S_push_error(c, path, empty ? EXIT_DOC : EXIT_INTERNAL,
                                empty ? "output" : "nomem",
                                empty ? "no output name can be made from this path"
                                      : "out of memory");
        }
        size_t dl = strlen(o->outdir), rl = strlen(rel);
        t.outpath = malloc(dl + 1 + rl + sizeof S_OUT_SUFFIX);
        if (t.outpath)
            sprintf(t.outpath, "%s/%s%s", o->outdir, rel, S_OUT_SUFFIX);
        int added = t.outpath ? S_set_add(&c->outs, S_hash(rel)) : -1;
        free(rel);
        if (added < 0) {
            S_slot_clear(&t);
            return S_push_error(c, path, EXIT_INTERNAL, "nomem", "out of memory");
        }
        if (added == 0)
            return S_refuse_output(c, path, &t, " is already the output of an earlier input");
        struct stat st;
        if (lstat(t.outpath, &st) == 0 && !o->overwrite) {
            if (o->skip_existing) {
                t.kind = K_NONE;
                t.skipped = 1;
                return S_push(c, &t, 1);
            }
            return S_refuse_output(c, path, &t,
                                   " exists (--skip-existing keeps it, --overwrite replaces it)");
        }
    }
    pthread_mutex_lock(&c->mu);
    int ahead = c->next_seq - c->next_take < S_AHEAD;
    pthread_mutex_unlock(&c->mu);
    if (ahead)
        S_open_ahead(&t);
    return S_push(c, &t, 0);
}

/* Read all of standard input into a K_MEM slot. */
static int S_add_stdin(S_ctx *c)
{
    S_slot t = {0};
    S_sb b = {0};
    char buf[1 << 14];
    size_t n;
    t.kind = K_MEM;
    /* past --max-size the pipeline fails the document: one byte over is
     * all it needs to see, the rest is not held */
    uint64_t max = c->o->opts.max_bytes;
    while ((n = fread(buf, 1, sizeof buf, stdin)) > 0) {
        if (max && n > max - b.len + 1)
            n = (size_t)(max - b.len + 1);
        S_sb_add(&b, buf, n);
        if (max && b.len > max)
            break;
    }
    if (ferror(stdin)) {
        int e = errno;
        S_sb_free(&b);
        clearerr(stdin);
        S_fail_errno(c, &t, e, "read error");
        t.kind = K_NONE;
        return S_push(c, &t, 1);
    }
    clearerr(stdin);
    if (b.failed) {
        S_sb_free(&b);
        return S_push_error(c, NULL, EXIT_INTERNAL, "nomem", "out of memory");
    }
    t.data = b.p;
    t.len = b.len;
    return S_push(c, &t, 0);
}

/* Read a line of F, without its '\n', into *LINE (of *CAP bytes, grown):
 * its length, or -1 at the end of the input, -2 out of memory.  Of a line
 * longer than KEEP bytes (0: no bound) only KEEP are kept, the rest read
 * and dropped, and *OVER is set. */
static ssize_t S_read_line(FILE *f, char **line, size_t *cap, size_t keep, int *over)
{
    size_t len = 0;
    int ch, any = 0;
    *over = 0;
    while ((ch = getc_unlocked(f)) != EOF) {
        any = 1;
        if (ch == '\n')
            break;
        if (keep && len >= keep) {
            *over = 1;
            continue;
        }
        if (len + 2 > *cap) {
            size_t nc = *cap ? *cap * 2 : 4096;
            char *p = realloc(*line, nc);
            if (!p)
                return -2;
            *line = p;
            *cap = nc;
        }
        (*line)[len++] = (char)ch;
    }
    if (!any)
        return -1;
    if (!*line && !(*line = malloc(*cap = 1)))
        return -2;
    (*line)[len] = '\0';
    return (ssize_t)len;
}

/* Queue every record of the JSON Lines input F (named PATH, NULL for
 * standard input), one line at a time.  With --max-size, a line longer
 * than a record of that much text can be (six bytes a byte, \u0001, and
 * 4 KiB for the rest) fails unread, so that no more is held. */
static int S_add_records(S_ctx *c, const char *path, FILE *f)
{
    char *line = NULL;
    size_t cap = 0;
    unsigned long lineno = 0;
    ssize_t n;
    int r = 0, over;
    uint64_t max = c->o->opts.max_bytes;
    size_t keep = !max ? 0 : max > (SIZE_MAX - 4096) / 6 ? SIZE_MAX - 1 : (size_t)max * 6 + 4096;
    while (r == 0 && (n = S_read_line(f, &line, &cap, keep, &over)) >= 0) {
        lineno++;
        size_t len = (size_t)n;
        if (over) {
            S_slot t = {0};
            t.kind = K_RECORD; /* for S_fail: a record's line in the message */
            t.line = lineno;
            if (path && !(t.path = strdup(path))) {
                r = S_push_error(c, path, EXIT_INTERNAL, "nomem", "out of memory");
                break;
            }
            char m[200];
            snprintf(m, sizeof m, "a record of more than %zu bytes: its text is over the limit of "
                     "%llu bytes", keep, (unsigned long long)max);
            S_fail(c, &t, EXIT_DOC, "limit", NULL, 0, 0, NULL, m);
            t.kind = K_NONE; /* nothing to convert */
            r = S_push(c, &t, 1);
            continue;
        }
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            len--;
        size_t i = 0;
        while (i < len && (line[i] == ' ' || line[i] == '\t'))
            i++;
        if (i == len)
            continue; /* blank lines are not records */
        S_slot t = {0};
        t.kind = K_RECORD;
        t.line = lineno;
        t.len = len;
        t.data = malloc(len + 1);
        t.path = path ? strdup(path) : NULL;
        if (!t.data || (path && !t.path)) {
            S_slot_clear(&t);
            r = S_push_error(c, path, EXIT_INTERNAL, "nomem", "out of memory");
            break;
        }
        memcpy(t.data, line, len);
        t.data[len] = '\0';
        r = S_push(c, &t, 0);
    }
    if (r == 0 && n == -2)
        r = S_push_error(c, path, EXIT_INTERNAL, "nomem", "out of memory");
    else if (r == 0 && ferror(f)) {
        char m[200];
        snprintf(m, sizeof m, "read error: %s", strerror(errno));
        r = S_push_error(c, path, EXIT_IO, "io", m);
    }
    free(line);
    return r;
}

/* A file to convert: one document, or a file of JSON Lines records. */
static int S_add_regular(S_ctx *c, const char *path)
{
    if (c->o->input != BATCH_IN_JSONL)
        return S_add_file(c, path);
    FILE *f = fopen(path, "rb");
    if (!f) {
        char m[200];
        snprintf(m, sizeof m, "%s", strerror(errno));
        return S_push_error(c, path, EXIT_IO, "io", m);
    }
    int r = S_add_records(c, path, f);
    fclose(f);
    return r;
}

static int S_add_path(S_ctx *c, const char *path, int depth);

static int S_cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int S_included(const S_ctx *c, const char *name)
{
    if (c->o->outdir && S_ends_with(name, S_OUT_SUFFIX))
        return 0; /* with -o, *.json names are outputs, never inputs */
    for (const char *const *g = c->include; *g; g++)
        if (fnmatch(*g, name, FNM_PERIOD) == 0)
            return 1;
    return 0;
}

/* Walk folder DIR: its entries in byte order, hidden names (".x") skipped,
 * symbolic links not followed, regular files taken when their name matches
 * an --include glob; its subfolders with -r, and without it a note that
 * says how many were left. */
static int S_walk(S_ctx *c, const char *dir, int depth)
{
    if (depth > S_MAX_DEPTH)
        return S_push_error(c, dir, EXIT_IO, "io", "folders nested too deep");
    DIR *d = opendir(dir);
    if (!d) {
        char m[200];
        snprintf(m, sizeof m, "%s", strerror(errno));
        return S_push_error(c, dir, EXIT_IO, "io", m);
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int r = 0, oom = 0;
    size_t left = 0; /* subfolders not walked (no -r) */
    struct dirent *e;
    errno = 0;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            size_t nc = cap ? cap * 2 : 64;
            char **nn = realloc(names, nc * sizeof *nn);
            if (!nn) {
                oom = 1;
                break;
            }
            names = nn;
            cap = nc;
        }
        if (!(names[n] = strdup(e->d_name))) {
            oom = 1;
            break;
        }
        n++;
        errno = 0;
    }
    int rerr = e == NULL && !oom ? errno : 0;
    closedir(d);
    if (oom || rerr) {
        char m[200];
        snprintf(m, sizeof m, "%s", oom ? "out of memory" : strerror(rerr));
        r = S_push_error(c, dir, oom ? EXIT_INTERNAL : EXIT_IO, oom ? "nomem" : "io", m);
    }
    if (n)
        qsort(names, n, sizeof *names, S_cmp_names);
    size_t dl = strlen(dir);
    int slash = dl > 0 && dir[dl - 1] == '/';
    for (size_t i = 0; i < n && r == 0; i++) {
        size_t nl = strlen(names[i]);
        char *child = malloc(dl + 1 + nl + 1);
        if (!child) {
            r = S_push_error(c, dir, EXIT_INTERNAL, "nomem", "out of memory");
            break;
        }
        memcpy(child, dir, dl);
        if (!slash)
            child[dl] = '/';
        memcpy(child + dl + !slash, names[i], nl + 1);
        struct stat st;
        if (lstat(child, &st) != 0) {
            char m[200];
            snprintf(m, sizeof m, "%s", strerror(errno));
            r = S_push_error(c, child, EXIT_IO, "io", m);
        } else if (S_ISDIR(st.st_mode)) {
            /* Never read the outputs of this run as inputs. */
            if (c->have_outdir && st.st_dev == c->out_dev && st.st_ino == c->out_ino)
                ;
            else if (!c->o->recursive)
                left++;
            else
                r = S_add_path(c, child, depth + 1);
        } else if (S_ISREG(st.st_mode) && S_included(c, names[i])) {
            r = S_add_regular(c, child);
        }
        free(child);
    }
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    if (r == 0 && left) {
        char m[120];
        snprintf(m, sizeof m, "%zu subfolder%s skipped (use -r to convert the files in %s)", left,
                 left == 1 ? "" : "s", left == 1 ? "it" : "them");
        r = S_push_notice(c, dir, m);
    }
    return r;
}

/* One input named on the command line or in --files-from (DEPTH 0), or a
 * folder met in a walk. */
static int S_add_path(S_ctx *c, const char *path, int depth)
{
    struct stat st;
    if (depth > 0)
        return S_walk(c, path, depth);
    if (stat(path, &st) != 0) {
        char m[200];
        snprintf(m, sizeof m, "%s", strerror(errno));
        return S_push_error(c, path, EXIT_IO, "io", m);
    }
    if (S_ISDIR(st.st_mode))
        return S_walk(c, path, 1);
    return S_add_regular(c, path);
}

/* Count the documents and bytes below PATH for the progress line; the same
 * rules as S_add_path (only for arguments, not lists). */
static void S_count(S_ctx *c, const char *path, int depth)
{
    struct stat st;
    if (depth > S_MAX_DEPTH)
        return;
    if ((depth == 0 ? stat(path, &st) : lstat(path, &st)) != 0) {
        /* an argument is a document even when it cannot be read ("-",
         * or a missing file: a failure the summary counts) */
        c->total += depth == 0;
        return;
    }
    if (S_ISDIR(st.st_mode)) {
        /* a subfolder counts only with -r, and never the output folder */
        if (depth > 0 && (!c->o->recursive || (c->have_outdir && st.st_dev == c->out_dev &&
                                               st.st_ino == c->out_ino)))
            return;
        DIR *d = opendir(path);
        if (!d)
            return;
        struct dirent *e;
        size_t pl = strlen(path);
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            char *child = malloc(pl + strlen(e->d_name) + 2);
            if (!child)
                break;
            sprintf(child, "%s/%s", path, e->d_name);
            if (lstat(child, &st) == 0 &&
                (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && S_included(c, e->d_name))))
                S_count(c, child, depth + 1);
            free(child);
        }
        closedir(d);
        return;
    }
    c->total++;
    c->total_bytes += (uint64_t)st.st_size;
}

static int S_produce(S_ctx *c, char *const *paths, size_t npaths)
{
    const batch_opts *o = c->o;
    int r = 0;
    if (npaths == 0 && !o->files_from) {
        if (o->input == BATCH_IN_JSONL)
            return S_add_records(c, NULL, stdin);
        return S_add_stdin(c);
    }
    for (size_t i = 0; i < npaths && r == 0; i++) {
        if (!strcmp(paths[i], "-"))
            r = o->input == BATCH_IN_JSONL ? S_add_records(c, NULL, stdin) : S_add_stdin(c);
        else
            r = S_add_path(c, paths[i], 0);
    }
    if (r != 0 || !o->files_from)
        return r;
    /* The list: one path a line (or NUL-separated); each entry is a name,
     * never an option, and "-" is a file called "-".  A line may end in
     * CRLF (a list written on Windows): the CR is the line end's, not the
     * name's; a name ending in CR can still be given with -0. */
    int use_stdin = !strcmp(o->files_from, "-");
    FILE *f = use_stdin ? stdin : fopen(o->files_from, "rb");
    if (!f) {
        char m[200];
        snprintf(m, sizeof m, "%s", strerror(errno));
        return S_push_error(c, o->files_from, EXIT_IO, "io", m);
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int sep = o->null_sep ? '\0' : '\n';
    while (r == 0 && (n = getdelim(&line, &cap, sep, f)) >= 0) {
        if (n > 0 && line[n - 1] == sep)
            line[--n] = '\0';
        if (sep == '\n' && n > 0 && line[n - 1] == '\r')
            line[--n] = '\0';
        if (n == 0)
            continue;
        if (memchr(line, '\0', (size_t)n)) {
            r = S_push_error(c, use_stdin ? NULL : o->files_from, EXIT_IO, "io",
                             "a NUL byte in a newline-separated list (use -0)");
            continue;
        }
        r = S_add_path(c, line, 0);
    }
    if (r == 0 && ferror(f)) {
        char m[200];
        snprintf(m, sizeof m, "read error: %s", strerror(errno));
        r = S_push_error(c, use_stdin ? NULL : o->files_from, EXIT_IO, "io", m);
    }
    free(line);
    if (!use_stdin)
        fclose(f);
    return r;
}

/* ---- the run ------------------------------------------------------------ */

/* mkdir -p DIR. Returns 0 or an errno value. */
static int S_mkdir_p(const char *dir)
{
    char *p = strdup(dir);
    if (!p)
        return ENOMEM;
    int e = 0;
    for (char *s = p + 1;; s++) {
        if (*s != '/' && *s != '\0')
            continue;
        char save = *s;
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST)
            e = errno;
        *s = save;
        if (!save || e)
            break;
    }
    struct stat st;
    if (!e && (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)))
        e = errno ? errno : ENOTDIR;
    free(p);
    return e;
}

int batch_run(const batch_opts *o, char *const *paths, size_t npaths)
{
    S_ctx c;
    memset(&c, 0, sizeof c);
    c.o = o;
    c.include = o->include ? o->include
                : o->input == BATCH_IN_JSONL ? S_default_include_jsonl
                                              : S_default_include;
    c.nslots = (size_t)S_WINDOW * o->jobs;
    c.slots = calloc(c.nslots, sizeof *c.slots);
    c.threads = calloc(o->jobs, sizeof *c.threads);
    if (!c.slots || !c.threads) {
        fprintf(stderr, "%s: out of memory\n", S_PROG);
        free(c.slots);
        free(c.threads);
        return EXIT_INTERNAL;
    }
    mode_t mask = umask(0);
    umask(mask);
    c.mode = 0666 & ~mask;
    struct sigaction sa_old_int, sa_old_term;
    if (o->outdir) {
        int e = S_mkdir_p(o->outdir);
        struct stat st;
        if (e || stat(o->outdir, &st) != 0) {
            S_sb m = {0};
            S_sb_name(&m, o->outdir);
            fprintf(stderr, "%s: %s: cannot create the output folder: %s\n", S_PROG,
                    m.p ? m.p : "", strerror(e ? e : errno));
            S_sb_free(&m);
            free(c.slots);
            free(c.threads);
            return EXIT_IO;
        }
        c.have_outdir = 1;
        c.out_dev = st.st_dev;
        c.out_ino = st.st_ino;
        /* Ctrl-C or kill: finish the documents in progress (their outputs
         * complete), start no new one; a second signal kills at once. */
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = S_on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART | SA_RESETHAND;
        sigaction(SIGINT, &sa, &sa_old_int);
        sigaction(SIGTERM, &sa, &sa_old_term);
    }
    c.progress = !o->quiet && isatty(STDERR_FILENO);
    if (c.progress && !o->files_from && o->input == BATCH_IN_DOCUMENT && npaths > 0) {
        c.total_known = 1;
        for (size_t i = 0; i < npaths; i++)
            if (strcmp(paths[i], "-") != 0)
                S_count(&c, paths[i], 0);
            else
                c.total_known = 0;
    }
    if (!o->outdir && !isatty(STDOUT_FILENO))
        setvbuf(stdout, NULL, _IOFBF, 1 << 16);
    /* jansson's hash seed, set once before any thread makes an object. */
    json_object_seed(0);
    pthread_mutex_init(&c.mu, NULL);
    pthread_cond_init(&c.work, NULL);
    pthread_cond_init(&c.space, NULL);
    c.t0 = S_now();
    c.last_draw = c.t0;

    S_produce(&c, paths, npaths);

    pthread_mutex_lock(&c.mu);
    c.producer_done = 1;
    pthread_cond_broadcast(&c.work);
    pthread_mutex_unlock(&c.mu);
    for (unsigned i = 0; i < c.nthreads; i++)
        pthread_join(c.threads[i], NULL);
    /* Every slot is done now; write what is left (none when all went well). */
    pthread_mutex_lock(&c.mu);
    if (c.next_write < c.next_seq)
        S_complete(&c, &c.slots[c.next_write % c.nslots]);
    pthread_mutex_unlock(&c.mu);

    if (c.progress)
        S_progress_clear(&c);
    if (c.progress || o->summary) {
        double secs = S_now() - c.t0;
        char rate[40];
        S_fmt_rate(rate, sizeof rate, c.bytes_done, secs);
        uint64_t n = c.done + c.failed + c.skipped;
        fprintf(stderr,
                "%s: %llu document%s: %llu converted, %llu failed, %llu skipped; "
                "%.1f MB in %.1f s (%s)\n",
                S_PROG, (unsigned long long)n, n == 1 ? "" : "s", (unsigned long long)c.done,
                (unsigned long long)c.failed,
                (unsigned long long)c.skipped, (double)c.bytes_done / 1e6, secs, rate);
    }
    int rc = c.rc;
    for (size_t i = 0; i < c.nslots; i++)
        S_slot_clear(&c.slots[i]);
    free(c.slots);
    free(c.threads);
    free(c.outs.v);
    pthread_mutex_destroy(&c.mu);
    pthread_cond_destroy(&c.work);
    pthread_cond_destroy(&c.space);
    if (o->outdir) {
        sigaction(SIGINT, &sa_old_int, NULL);
        sigaction(SIGTERM, &sa_old_term, NULL);
        if (S_signal) {
            /* Die of the signal, as the caller expects, after the outputs
             * in progress were completed or removed. */
            fflush(stdout);
            signal(S_signal, SIG_DFL);
            raise(S_signal);
        }
    }
    return rc;
}
