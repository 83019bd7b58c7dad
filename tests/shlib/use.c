/*
 * use.c -- a program that links libksplit.so the way another project
 * would (only <ksplit.h>, -lksplit): it reads one document from standard
 * input, converts it with the default options and writes its JSON.
 * tests/shlib_test.sh compares that with what the ksplit tool writes.
 */
#include <ksplit.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    size_t len = 0, cap = 1 << 16;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(buf, cap *= 2);
            if (!grown)
                free(buf);
            buf = grown;
        }
    }
    if (!buf || ferror(stdin)) {
        fprintf(stderr, "use: cannot read standard input\n");
        free(buf);
        return 3;
    }
    ks_doc *doc = NULL;
    ks_error err;
    char *out = NULL;
    size_t outlen = 0;
    int rc = 0;
    if (ks_convert(NULL, buf, len, &doc, &err) != KS_OK ||
        ks_doc_render(doc, KS_RENDER_JSON, &out, &outlen, &err) != KS_OK) {
        fprintf(stderr, "use: %s: %s (%s)\n", err.stage, err.message, ks_status_str(err.code));
        rc = 1;
    } else if (fwrite(out, 1, outlen, stdout) != outlen) {
        rc = 3;
    }
    ks_free(out);
    ks_doc_free(doc);
    free(buf);
    return rc;
}
