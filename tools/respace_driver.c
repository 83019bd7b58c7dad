/*
 * respace_driver.c -- run the spacing repair alone, for measuring it
 * before (or without) the whole pipeline.  A development tool, not built
 * by `make`:
 *
 *   cc -std=c11 -O2 -Isrc tools/respace_driver.c build/libksplit.a \
 *      $(pkg-config --libs jansson libxml-2.0 libutf8proc libzip) -lm -o build/respace_driver
 *   build/respace_driver --lines < broken.txt > repaired.txt   one paragraph a line
 *   build/respace_driver --wraps < doc.pdf.txt > repaired.txt  lines of a block are wraps
 *
 * --wraps joins the non-blank lines of a block with '\n' marks (a blank
 * line or a line starting with a list marker starts a new block), the way
 * split.c hands wrapped lines to the repair.  The whole input is one
 * document: every block is observed before the first repair.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

static bool S_starts_block(const char *s, size_t n)
{
    static const char *const marks[] = {"□", "■", "○", "●", "◦", "ㅇ", "-", "*", "※", "▴", "▪",
                                        "◇", "◆", "☞", "▸", "•", "·", "Ⅰ", "Ⅱ", "Ⅲ", "Ⅳ",
                                        "①", "②", "③", "④", "⑤", "【", "<", "［", "[", "󰊱"};
    for (size_t i = 0; i < sizeof marks / sizeof *marks; i++) {
        size_t m = strlen(marks[i]);
        if (n >= m && memcmp(s, marks[i], m) == 0)
            return true;
    }
    return false;
}

int main(int argc, char **argv)
{
    bool wraps = argc > 1 && strcmp(argv[1], "--wraps") == 0;
    ks_buf in = {0}, out = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        if (ks_buf_append(&in, chunk, n) != KS_OK)
            return 4;
    ks_vec paras = KS_VEC(ks_buf);
    ks_buf cur = {0};
    size_t pos = 0;
    while (in.data && pos < in.len) {
        char *nl = memchr(in.data + pos, '\n', in.len - pos);
        size_t end = nl ? (size_t)(nl - in.data) : in.len;
        const char *s = in.data + pos;
        size_t len = end - pos;
        while (len && (s[len - 1] == ' ' || s[len - 1] == '\r'))
            len--;
        while (len && s[0] == ' ') {
            s++;
            len--;
        }
        if (!wraps) {
            ks_buf line = {0};
            if ((len && ks_buf_append(&line, s, len) != KS_OK) || ks_vec_push(&paras, &line) != KS_OK)
                return 4;
        } else if (len == 0 || S_starts_block(s, len)) {
            if (cur.len && ks_vec_push(&paras, &cur) != KS_OK)
                return 4;
            if (!cur.len)
                ks_buf_free(&cur);
            memset(&cur, 0, sizeof cur);
        } else if (cur.len && ks_buf_putc(&cur, '\n') != KS_OK) {
            return 4;
        }
        if (wraps && len && ks_buf_append(&cur, s, len) != KS_OK)
            return 4;
        pos = end + 1;
    }
    if (cur.len && ks_vec_push(&paras, &cur) != KS_OK)
        return 4;

    ks_respacer *r = ks_respacer_new();
    ks_stats st = {0};
    if (!r)
        return 4;
    bool nodoc = argc > 2 && strcmp(argv[2], "--no-doc") == 0;
    for (size_t i = 0; i < paras.len && !nodoc; i++) {
        ks_buf *p = &KS_AT(paras, ks_buf, i);
        if (p->len && ks_respacer_observe(r, p->data, p->len) != KS_OK)
            return 4;
    }
    for (size_t i = 0; i < paras.len; i++) {
        ks_buf *p = &KS_AT(paras, ks_buf, i);
        ks_buf_clear(&out);
        if (p->len && ks_respacer_repair(r, p->data, p->len, &out, &st, NULL, i, 0) != KS_OK)
            return 4;
        fwrite(out.data ? out.data : "", 1, out.len, stdout);
        fputc('\n', stdout);
        ks_buf_free(p);
    }
    fprintf(stderr, "removed %zu, joined %zu\n", st.respace_removed, st.respace_joined);
    ks_vec_free(&paras);
    ks_buf_free(&out);
    ks_buf_free(&in);
    ks_respacer_free(r);
    return fclose(stdout) == 0 ? 0 : 3;
}
