/*
 * main.c -- the ksplit command line, using only the public API (ksplit.h).
 *
 *   ksplit [OPTIONS] [FILE|DIR...]  no FILE, or "-", reads standard input
 *
 * Each input is one document; each document becomes one JSON object on one
 * line of standard output (JSON Lines), or its cleaned text with --to text,
 * or with -o DIR one .json file per input.  This file parses the options and
 * rejects the combinations that make no sense; batch.c does the work
 * (folders, lists, JSON Lines records, jobs, ordered output).
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
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "batch.h"
#include "ksplit.h"

static const char *S_prog = "ksplit";

static void S_usage(FILE *f)
{
    fprintf(f,
            "Usage: %s [OPTIONS] [FILE|DIR...]\n"
            "Turn Korean press releases into structured JSON (one object per line).\n"
            "With no FILE, or when FILE is -, read standard input.\n"
            "\n"
            "Input:\n"
            "  -e, --encoding=ENC   auto (default), utf-8, cp949, euc-kr, utf-16,\n"
            "                       utf-16le, utf-16be\n"
            "      --from=FORMAT    auto (default), text, html, hwpx, hwp\n"
            "      --strict         fail a document with undecodable bytes\n"
            "      --max-size=SIZE  fail a document of more than SIZE bytes (suffix K, M\n"
            "                       or G: KiB, MiB, GiB) before it is held in memory\n"
            "      --input-format=F document (default: each input is one document) or\n"
            "                       jsonl (each line a record {\"id\":..., \"text\"|\"html\":...})\n"
            "Batches:\n"
            "  -r, --recursive      also convert the files in the folders' subfolders\n"
            "      --include=GLOB   names taken in folders (repeatable; default *.txt\n"
            "                       *.html *.htm *.hwpx *.hwp, or *.jsonl with jsonl input)\n"
            "      --files-from=F   also read the paths in file F (- for standard input),\n"
            "                       one a line\n"
            "  -0, --null           the --files-from list is NUL-separated\n"
            "  -o, --output=DIR     write one DIR/PATH.json per input instead of stdout\n"
            "      --skip-existing  with -o: skip inputs whose output exists (resume)\n"
            "      --overwrite      with -o: replace existing outputs (default: refuse)\n"
            "  -j, --jobs=N         convert N documents at a time (default: the cores)\n"
            "      --errors-as-json put an error record in the output for each failure\n"
            "      --summary        print a closing summary line on standard error\n"
            "      --fsync          with -o: flush each output to disk before renaming it\n"
            "Processing:\n"
            "      --line-mode      every input line is one paragraph (for line-aligned\n"
            "                       sets); with --to text, one output line per input line\n"
            "      --no-respace     do not repair broken word spacing\n"
            "      --fold-dots      fold middle-dot look-alikes to U+00B7\n"
            "      --explain        list every spacing repair in the JSON (\"edits\")\n"
            "Output:\n"
            "  -t, --to=FORM        json (default) or text (the cleaned text only)\n"
            "  -p, --pretty         indent the JSON\n"
            "  -q, --quiet          no warnings and no progress line on standard error\n"
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

/* A positive integer from 1 to MAX, or 0. */
static unsigned long S_parse_count(const char *s, unsigned long max)
{
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || s[0] == '-' || s[0] == '+' || s[0] == '\0' || v == 0 || v > max)
        return 0;
    return (unsigned long)v;
}

/* A size for --max-size: digits, then optionally K, M or G (KiB, MiB,
 * GiB); at least 1 byte, at most 2^62.  0 when *OUT is set, -1 else. */
static int S_parse_size(const char *s, uint64_t *out)
{
    char *end;
    if (!(s[0] >= '0' && s[0] <= '9'))
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return -1;
    unsigned shift = 0;
    if (*end == 'K' || *end == 'k')
        shift = 10, end++;
    else if (*end == 'M' || *end == 'm')
        shift = 20, end++;
    else if (*end == 'G' || *end == 'g')
        shift = 30, end++;
    if (*end || v == 0 || v > (UINT64_C(1) << 62) >> shift)
        return -1;
    *out = (uint64_t)v << shift;
    return 0;
}

/* The default for -j: the processors online, within [1, 64]. */
static unsigned S_default_jobs(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

int main(int argc, char **argv)
{
    enum {
        OPT_FROM = 256, OPT_STRICT, OPT_LINE_MODE, OPT_NO_RESPACE, OPT_FOLD_DOTS,
        OPT_EXPLAIN, OPT_SCHEMA, OPT_CHUNK, OPT_INCLUDE, OPT_FILES_FROM, OPT_SKIP_EXISTING,
        OPT_ERRORS_AS_JSON, OPT_SUMMARY, OPT_FSYNC, OPT_INPUT_FORMAT, OPT_OVERWRITE,
        OPT_MAX_SIZE
    };
#ifdef __GLIBC__
    /* glibc raises its mmap threshold as large blocks are freed, after
     * which a large document's arrays come from the heap and stay there:
     * a 20 MB document peaked at 178 MB of RSS for 133 MB of heap.  A fixed
     * threshold hands every block of 1 MiB or more back when it is freed
     * (132 MB); small documents never reach it. */
    (void)mallopt(M_MMAP_THRESHOLD, 1 << 20);
    /* Setting the threshold also fixes the trim threshold at 128 KiB: a
     * worker's heap was handed back to the system after nearly every
     * document, each of which freed more than that (the respacer's
     * scratch and token table), and faulted in again page by page by the
     * next: 11,250 page faults in the bench corpus's 5,257 documents, a
     * sixth of the wall time (0.98 s -> 0.82 s).  Keeping up to 4 MiB free
     * per heap stops that, and is less than one large block. */
    (void)mallopt(M_TRIM_THRESHOLD, 4 << 20);
#endif
    static const struct option longopts[] = {
        {"encoding", required_argument, NULL, 'e'},
        {"from", required_argument, NULL, OPT_FROM},
        {"strict", no_argument, NULL, OPT_STRICT},
        {"max-size", required_argument, NULL, OPT_MAX_SIZE},
        {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
        {"recursive", no_argument, NULL, 'r'},
        {"include", required_argument, NULL, OPT_INCLUDE},
        {"files-from", required_argument, NULL, OPT_FILES_FROM},
        {"null", no_argument, NULL, '0'},
        {"output", required_argument, NULL, 'o'},
        {"skip-existing", no_argument, NULL, OPT_SKIP_EXISTING},
        {"overwrite", no_argument, NULL, OPT_OVERWRITE},
        {"jobs", required_argument, NULL, 'j'},
        {"errors-as-json", no_argument, NULL, OPT_ERRORS_AS_JSON},
        {"summary", no_argument, NULL, OPT_SUMMARY},
        {"fsync", no_argument, NULL, OPT_FSYNC},
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
    batch_opts b;
    memset(&b, 0, sizeof b);
    b.chunk = 1 << 16;
    b.jobs = S_default_jobs();
    /* --include globs point into argv; at most one per argument. */
    const char **include = calloc((size_t)argc + 1, sizeof *include);
    size_t ninclude = 0;
    int pretty = 0, text = 0, opt, rc;
    if (!include) {
        fprintf(stderr, "%s: out of memory\n", S_prog);
        return EXIT_INTERNAL;
    }
    opterr = 0;
    while ((opt = getopt_long(argc, argv, ":e:t:pqhVr0o:j:", longopts, NULL)) != -1) {
        switch (opt) {
        case 'e':
            if (S_parse_encoding(optarg, &b.opts.encoding) != 0) {
                rc = S_usage_error("unknown encoding '%s'", optarg);
                goto done;
            }
            break;
        case OPT_FROM:
            if (!strcmp(optarg, "auto")) b.opts.from = KS_FROM_AUTO;
            else if (!strcmp(optarg, "text")) b.opts.from = KS_FROM_TEXT;
            else if (!strcmp(optarg, "html")) b.opts.from = KS_FROM_HTML;
            else if (!strcmp(optarg, "hwpx")) b.opts.from = KS_FROM_HWPX;
            else if (!strcmp(optarg, "hwp")) b.opts.from = KS_FROM_HWP;
            else {
                rc = S_usage_error("unknown input format '%s' (auto, text, html, hwpx or hwp; "
                                   "PDF: its text, from pdftotext)", optarg);
                goto done;
            }
            break;
        case OPT_INPUT_FORMAT:
            if (!strcmp(optarg, "document")) b.input = BATCH_IN_DOCUMENT;
            else if (!strcmp(optarg, "jsonl")) b.input = BATCH_IN_JSONL;
            else {
                rc = S_usage_error("unknown --input-format '%s' (document or jsonl)", optarg);
                goto done;
            }
            break;
        case OPT_STRICT: b.opts.flags |= KS_OPT_STRICT; break;
        case OPT_MAX_SIZE:
            if (S_parse_size(optarg, &b.opts.max_bytes) != 0) {
                rc = S_usage_error("--max-size needs a size in bytes, optionally with K, M or G "
                                   "(at least 1), not '%s'", optarg);
                goto done;
            }
            break;
        case OPT_LINE_MODE: b.opts.flags |= KS_OPT_LINE_MODE; break;
        case OPT_NO_RESPACE: b.opts.flags |= KS_OPT_NO_RESPACE; break;
        case OPT_FOLD_DOTS: b.opts.flags |= KS_OPT_FOLD_DOTS; break;
        case OPT_EXPLAIN: b.opts.flags |= KS_OPT_EXPLAIN; break;
        case 'r': b.recursive = 1; break;
        case OPT_INCLUDE:
            if (!optarg[0]) {
                rc = S_usage_error("--include needs a pattern%s", "");
                goto done;
            }
            include[ninclude++] = optarg;
            break;
        case OPT_FILES_FROM: b.files_from = optarg; break;
        case '0': b.null_sep = 1; break;
        case 'o':
            if (!optarg[0]) {
                rc = S_usage_error("-o needs a folder name%s", "");
                goto done;
            }
            b.outdir = optarg;
            break;
        case OPT_SKIP_EXISTING: b.skip_existing = 1; break;
        case OPT_OVERWRITE: b.overwrite = 1; break;
        case 'j': {
            unsigned long v = S_parse_count(optarg, 256);
            if (!v) {
                rc = S_usage_error("--jobs needs a number from 1 to 256, not '%s'", optarg);
                goto done;
            }
            b.jobs = (unsigned)v;
            break;
        }
        case OPT_ERRORS_AS_JSON: b.errors_as_json = 1; break;
        case OPT_SUMMARY: b.summary = 1; break;
        case OPT_FSYNC: b.fsync = 1; break;
        case 't':
            if (!strcmp(optarg, "json")) text = 0;
            else if (!strcmp(optarg, "text")) text = 1;
            else {
                rc = S_usage_error("unknown output form '%s' (json or text)", optarg);
                goto done;
            }
            break;
        case OPT_CHUNK: {
            unsigned long v = S_parse_count(optarg, 1u << 16);
            if (!v) {
                rc = S_usage_error("--chunk-size needs a number from 1 to 65536, not '%s'",
                                   optarg);
                goto done;
            }
            b.chunk = (size_t)v;
            break;
        }
        case 'p': pretty = 1; break;
        case 'q': b.quiet = 1; break;
        case OPT_SCHEMA:
            fputs(ks_schema(), stdout);
            rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_IO;
            goto done;
        case 'h':
            S_usage(stdout);
            rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_IO;
            goto done;
        case 'V':
            printf("ksplit %s (output schema %s)\n", ks_version(), KSPLIT_SCHEMA_VERSION);
            rc = fflush(stdout) == 0 && !ferror(stdout) ? 0 : EXIT_IO;
            goto done;
        case ':':
            rc = S_usage_error("option '%s' needs a value", argv[optind - 1]);
            goto done;
        default:
            rc = S_usage_error("unknown option '%s'", argv[optind - 1]);
            goto done;
        }
    }
    b.form = text ? KS_RENDER_TEXT : pretty ? KS_RENDER_JSON_PRETTY : KS_RENDER_JSON;
    b.include = ninclude ? include : NULL;

    /* Combinations that cannot work: say so before converting anything. */
    int stdin_arg = 0;
    for (int i = optind; i < argc; i++)
        stdin_arg |= !strcmp(argv[i], "-");
    int stdin_input = stdin_arg || (optind >= argc && !b.files_from);
    rc = 0;
    if (b.outdir && stdin_input)
        rc = S_usage_error("-o writes one file per input; %s has no name to write (give "
                           "FILE or DIR arguments, or --files-from)", "standard input");
    else if (b.outdir && b.input == BATCH_IN_JSONL)
        rc = S_usage_error("-o does not apply to %s: write the stream to stdout",
                           "--input-format jsonl");
    else if (b.outdir && text)
        rc = S_usage_error("-o writes .json files; use %s without -o", "--to text");
    else if (!b.outdir && (b.skip_existing || b.overwrite || b.fsync))
        rc = S_usage_error("%s needs -o", b.skip_existing ? "--skip-existing"
                                          : b.overwrite   ? "--overwrite"
                                                          : "--fsync");
    else if (b.skip_existing && b.overwrite)
        rc = S_usage_error("%s: choose one", "--skip-existing or --overwrite");
    else if (b.null_sep && !b.files_from)
        rc = S_usage_error("%s needs --files-from", "-0");
    else if (b.files_from && !strcmp(b.files_from, "-") && stdin_arg)
        rc = S_usage_error("standard input cannot be both the --files-from list and %s",
                           "an input");
    if (rc)
        goto done;

    rc = batch_run(&b, argv + optind, (size_t)(argc - optind));
    /* batch_run reported a failed write already when the error flag is set;
     * an error that only shows when the buffer is flushed is reported here. */
    int reported = ferror(stdout);
    int bad = fflush(stdout) != 0;
    bad |= ferror(stdout) != 0;
    bad |= fclose(stdout) != 0;
    if (bad && !reported)
        fprintf(stderr, "%s: write error: %s\n", S_prog, strerror(errno));
    if (bad)
        rc = rc > EXIT_IO ? rc : EXIT_IO;
done:
    free(include);
    return rc;
}
