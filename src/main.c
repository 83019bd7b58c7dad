/*
 * main.c -- the ksplit command line, using only the public API (ksplit.h).
 *
 *   ksplit [OPTIONS] [FILE...]      no FILE, or "-", reads standard input
 *
 * Each input is one document; each document becomes one JSON object on one
 * line of standard output (JSON Lines), or its cleaned text with --to text.
 * A document that fails prints "ksplit: FILE: offset N: message" on stderr
 * and nothing on stdout; the other inputs are still processed and the worst
 * exit code is returned:
 *
 *   0 ok   1 a document failed   2 usage   3 input/output   4 internal / memory
 *
 * The output does not depend on the locale: the library never consults it.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ksplit.h"

enum { EXIT_DOC = 1, EXIT_USAGE = 2, EXIT_IO = 3, EXIT_INTERNAL = 4 };

typedef struct {
    ks_options opts;
    ks_render form;
    int quiet;
    size_t chunk; /* bytes per ks_pipeline_feed call (--chunk-size) */
} cli;

static const char *S_prog = "ksplit";

static void S_usage(FILE *f)
{
    fprintf(f,
            "Usage: %s [OPTIONS] [FILE...]\n"
            "Turn Korean press releases into structured JSON (one object per line).\n"
            "With no FILE, or when FILE is -, read standard input.\n"
            "\n"
            "Input:\n"
            "  -e, --encoding=ENC   auto (default), utf-8, cp949, euc-kr, utf-16,\n"
            "                       utf-16le, utf-16be\n"
            "      --from=FORMAT    auto (default), text, html, hwpx\n"
            "      --strict         fail a document with undecodable bytes\n"
            "Processing:\n"
            "      --line-mode      every input line is one paragraph (for line-aligned\n"
            "                       sets); with --to text, one output line per input line\n"
            "      --no-respace     do not repair broken word spacing\n"
            "      --fold-dots      fold middle-dot look-alikes to U+00B7\n"
            "      --explain        list every spacing repair in the JSON (\"edits\")\n"
            "Output:\n"
            "  -t, --to=FORM        json (default) or text (the cleaned text only)\n"
            "  -p, --pretty         indent the JSON\n"
            "  -q, --quiet          no warnings on standard error\n"
            "      --schema         print the output's JSON Schema and exit\n"
            "      --chunk-size=N   feed the library N bytes at a time (for testing)\n"
            "  -h, --help           print this help and exit\n"
            "  -V, --version        print the version and exit\n"
            "\n"
            "Exit status: 0 ok, 1 a document failed, 2 usage error, 3 input/output\n"
            "error, 4 internal error or out of memory.\n",
            S_prog);
}

static int S_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "%s: ", S_prog);
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\nTry '%s --help' for more information.\n", S_prog);
    return EXIT_USAGE;
}

static int S_parse_encoding(const char *s, ks_encoding *e)
{
    static const struct {
        const char *name;
        ks_encoding enc;
    } names[] = {
        {"auto", KS_ENC_AUTO},      {"utf-8", KS_ENC_UTF8},     {"utf8", KS_ENC_UTF8},
        {"cp949", KS_ENC_CP949},    {"euc-kr", KS_ENC_CP949},   {"euckr", KS_ENC_CP949},
        {"uhc", KS_ENC_CP949},      {"ks_c_5601-1987", KS_ENC_CP949},
        {"x-windows-949", KS_ENC_CP949}, {"windows-949", KS_ENC_CP949},
        {"utf-16", KS_ENC_UTF16},   {"utf-16le", KS_ENC_UTF16LE}, {"utf-16be", KS_ENC_UTF16BE},
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        const char *a = s, *b = names[i].name;
        while (*a && *b && (*a | 0x20) == (*b | 0x20))
            a++, b++;
        if (!*a && !*b) {
            *e = names[i].enc;
            return 0;
        }
    }
    return -1;
}

/* Map a library status to an exit code. */
static int S_exit_for(ks_status st)
{
    switch (st) {
    case KS_OK: return 0;
    case KS_ERR_IO: return EXIT_IO;
    case KS_ERR_NOMEM:
    case KS_ERR_INTERNAL:
    case KS_ERR_ARG: return EXIT_INTERNAL;
    default: return EXIT_DOC;
    }
}

static int S_worst(int a, int b)
{
    /* The codes are ordered by severity: internal > I/O > usage > document. */
    return b > a ? b : a;
}

static void S_report(const char *name, const ks_error *err)
{
    if (err->offset || err->code == KS_ERR_DECODE)
        fprintf(stderr, "%s: %s: offset %llu: %s\n", S_prog, name,
                (unsigned long long)err->offset, err->message);
    else
        fprintf(stderr, "%s: %s: %s\n", S_prog, name, err->message);
}

/* Convert one input.  Returns an exit code. */
static int S_convert(cli *c, const char *path)
{
    int stdin_input = !strcmp(path, "-");
    const char *shown = stdin_input ? "<stdin>" : path;
    FILE *f = stdin_input ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: %s: %s\n", S_prog, shown, strerror(errno));
        return EXIT_IO;
    }
    ks_error err = {0};
    ks_options o = c->opts;
    o.name = stdin_input ? NULL : path;
    ks_pipeline *p = ks_pipeline_new(&o, &err);
    int rc = 0;
    ks_doc *doc = NULL;
    char *out = NULL;
    size_t outlen = 0;
    if (!p) {
        S_report(shown, &err);
        rc = S_exit_for(err.code);
        goto done;
    }
    static char buf[1 << 16];
    for (;;) {
        size_t n = fread(buf, 1, sizeof buf, f);
        for (size_t i = 0; i < n; i += c->chunk) {
            size_t k = n - i < c->chunk ? n - i : c->chunk;
            if (ks_pipeline_feed(p, buf + i, k, &err) != KS_OK) {
                S_report(shown, &err);
                rc = S_exit_for(err.code);
                goto done;
            }
        }
        if (n < sizeof buf) {
            if (ferror(f)) {
                fprintf(stderr, "%s: %s: read error: %s\n", S_prog, shown, strerror(errno));
                rc = EXIT_IO;
                goto done;
            }
            if (feof(f))
                break;
        }
    }
    if (ks_pipeline_finish(p, &doc, &err) != KS_OK) {
        S_report(shown, &err);
        rc = S_exit_for(err.code);
        goto done;
    }
    if (!c->quiet) {
        for (size_t i = 0; i < ks_doc_warning_count(doc); i++) {
            uint64_t off = 0;
            long line = 0;
            const char *w = ks_doc_warning(doc, i, NULL, &off, &line);
            if (off)
                fprintf(stderr, "%s: %s: offset %llu: warning: %s\n", S_prog, shown,
                        (unsigned long long)off, w);
            else if (line)
                fprintf(stderr, "%s: %s: line %ld: warning: %s\n", S_prog, shown, line, w);
            else
                fprintf(stderr, "%s: %s: warning: %s\n", S_prog, shown, w);
        }
    }
    if (ks_doc_render(doc, c->form, &out, &outlen, &err) != KS_OK) {
        S_report(shown, &err);
        rc = S_exit_for(err.code);
        goto done;
    }
    if (fwrite(out, 1, outlen, stdout) != outlen) {
        fprintf(stderr, "%s: write error: %s\n", S_prog, strerror(errno));
        rc = EXIT_IO;
    }
done:
    ks_free(out);
    ks_doc_free(doc);
    ks_pipeline_free(p);
    if (f && !stdin_input)
        fclose(f);
    else if (stdin_input)
        clearerr(stdin);
    return rc;
}

int main(int argc, char **argv)
{
    enum {
        OPT_FROM = 256, OPT_STRICT, OPT_LINE_MODE, OPT_NO_RESPACE, OPT_FOLD_DOTS,
        OPT_EXPLAIN, OPT_SCHEMA, OPT_CHUNK
    };
    static const struct option longopts[] = {
        {"encoding", required_argument, NULL, 'e'},
        {"from", required_argument, NULL, OPT_FROM},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"line-mode", no_argument, NULL, OPT_LINE_MODE},
        {"no-respace", no_argument, NULL, OPT_NO_RESPACE},
        {"fold-dots", no_argument, NULL, OPT_FOLD_DOTS},
        {"explain", no_argument, NULL, OPT_EXPLAIN},
        {"to", required_argument, NULL, 't'},
        {"pretty", no_argument, NULL, 'p'},
        {"quiet", no_argument, NULL, 'q'},
        {"schema", no_argument, NULL, OPT_SCHEMA},
        {"chunk-size", required_argument, NULL, OPT_CHUNK},
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {NULL, 0, NULL, 0},
    };
    cli c = {0};
    c.form = KS_RENDER_JSON;
    c.chunk = 1 << 16;
    int pretty = 0, text = 0, opt;
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":e:t:pqhV", longopts, NULL)) != -1) {
        switch (opt) {
        case 'e':
            if (S_parse_encoding(optarg, &c.opts.encoding) != 0)
                return S_usage_error("unknown encoding '%s'", optarg);
            break;
        case OPT_FROM:
            if (!strcmp(optarg, "auto")) c.opts.from = KS_FROM_AUTO;
            else if (!strcmp(optarg, "text")) c.opts.from = KS_FROM_TEXT;
            else if (!strcmp(optarg, "html")) c.opts.from = KS_FROM_HTML;
            else if (!strcmp(optarg, "hwpx")) c.opts.from = KS_FROM_HWPX;
            else return S_usage_error("unknown input format '%s'", optarg);
            break;
        case OPT_STRICT: c.opts.flags |= KS_OPT_STRICT; break;
        case OPT_LINE_MODE: c.opts.flags |= KS_OPT_LINE_MODE; break;
        case OPT_NO_RESPACE: c.opts.flags |= KS_OPT_NO_RESPACE; break;
        case OPT_FOLD_DOTS: c.opts.flags |= KS_OPT_FOLD_DOTS; break;
        case OPT_EXPLAIN: c.opts.flags |= KS_OPT_EXPLAIN; break;
        case 't':
            if (!strcmp(optarg, "json")) text = 0;
            else if (!strcmp(optarg, "text")) text = 1;
            else return S_usage_error("unknown output form '%s' (json or text)", optarg);
            break;
        case OPT_CHUNK: {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 10);
            if (errno || *end || v == 0 || v > (1u << 16) || optarg[0] == '-')
                return S_usage_error("--chunk-size needs a number from 1 to 65536, not '%s'",
                                     optarg);
            c.chunk = (size_t)v;
            break;
        }
        case 'p': pretty = 1; break;
        case 'q': c.quiet = 1; break;
        case OPT_SCHEMA:
            fputs(ks_schema(), stdout);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_IO;
        case 'h':
            S_usage(stdout);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_IO;
        case 'V':
            printf("ksplit %s (output schema %s)\n", ks_version(), KSPLIT_SCHEMA_VERSION);
            return fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_IO;
        case ':':
            return S_usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return S_usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    c.form = text ? KS_RENDER_TEXT : pretty ? KS_RENDER_JSON_PRETTY : KS_RENDER_JSON;

    int rc = 0;
    if (optind >= argc) {
        rc = S_convert(&c, "-");
    } else {
        for (int i = optind; i < argc; i++)
            rc = S_worst(rc, S_convert(&c, argv[i]));
    }
    if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
        fprintf(stderr, "%s: write error: %s\n", S_prog, strerror(errno));
        rc = S_worst(rc, EXIT_IO);
    }
    return rc;
}
