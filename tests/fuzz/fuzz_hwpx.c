/*
 * fuzz_hwpx.c -- libFuzzer target for the HWPX reader (ks_hwpx_extract,
 * --from hwpx).
 *
 * Random bytes rarely make a zip that libzip opens, and a mutated deflate
 * stream or CRC stops at the container.  So byte 0 picks a mode:
 *   bit 0 clear  the rest is the file itself (real .hwpx seeds, zip bombs,
 *                broken central directories);
 *   bit 0 set    the rest is section XML: split at each "@@SECTION@@" into
 *                Contents/section0.xml, section1.xml, ... and packed by
 *                S_zip below into a valid zip (stored entries, right CRCs),
 *                after a "mimetype" entry; bit 1 adds Contents/content.hpf
 *                naming the sections, bit 2 names one section too many
 *                (the "missing section" error), bit 3 writes a wrong
 *                mimetype.  The fuzzer then works on the XML walker.
 * Checked: an error fills *err; on success the text is valid UTF-8 without
 * NUL, ends each line in '\n' with exactly one hint per line (-1 or a
 * ks_role), as hwpx.c promises; the pipeline's JSON renders.
 */
#include "fuzz_common.h"

#define SEP "@@SECTION@@"
#define MAX_SECTIONS 8

/* CRC-32 (IEEE, reflected), bit by bit: inputs are small. */
static uint32_t S_crc32(const unsigned char *p, size_t n)
{
    uint32_t c = 0xFFFFFFFFu;
    for (size_t i = 0; i < n; i++) {
        c ^= p[i];
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1u)));
    }
    return ~c;
}

static bool S_le(ks_buf *b, uint32_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        if (ks_buf_putc(b, (char)((v >> (8 * i)) & 0xFF)) != KS_OK)
            return false;
    return true;
}

typedef struct {
    char name[40];
    const char *data;
    size_t len;
} entry;

/* Pack ENTRIES into a zip with stored (uncompressed) members. */
static bool S_zip(const entry *e, size_t n, ks_buf *out)
{
    uint32_t offs[MAX_SECTIONS + 3];
    for (size_t i = 0; i < n; i++) {
        offs[i] = (uint32_t)out->len;
        size_t nl = strlen(e[i].name);
        uint32_t crc = S_crc32((const unsigned char *)e[i].data, e[i].len);
        if (!S_le(out, 0x04034b50u, 4) || !S_le(out, 10, 2) || !S_le(out, 0, 2) ||
            !S_le(out, 0, 2) || !S_le(out, 0, 2) || !S_le(out, 0x21, 2) ||
            !S_le(out, crc, 4) || !S_le(out, (uint32_t)e[i].len, 4) ||
            !S_le(out, (uint32_t)e[i].len, 4) || !S_le(out, (uint32_t)nl, 2) ||
            !S_le(out, 0, 2) || ks_buf_append(out, e[i].name, nl) != KS_OK ||
            ks_buf_append(out, e[i].data, e[i].len) != KS_OK)
            return false;
    }
    uint32_t cd = (uint32_t)out->len;
    for (size_t i = 0; i < n; i++) {
        size_t nl = strlen(e[i].name);
        uint32_t crc = S_crc32((const unsigned char *)e[i].data, e[i].len);
        if (!S_le(out, 0x02014b50u, 4) || !S_le(out, 20, 2) || !S_le(out, 10, 2) ||
            !S_le(out, 0, 2) || !S_le(out, 0, 2) || !S_le(out, 0, 2) || !S_le(out, 0x21, 2) ||
            !S_le(out, crc, 4) || !S_le(out, (uint32_t)e[i].len, 4) ||
            !S_le(out, (uint32_t)e[i].len, 4) || !S_le(out, (uint32_t)nl, 2) ||
            !S_le(out, 0, 2) || !S_le(out, 0, 2) || !S_le(out, 0, 2) || !S_le(out, 0, 2) ||
            !S_le(out, 0, 4) || !S_le(out, offs[i], 4) ||
            ks_buf_append(out, e[i].name, nl) != KS_OK)
            return false;
    }
    uint32_t cdlen = (uint32_t)out->len - cd;
    return S_le(out, 0x06054b50u, 4) && S_le(out, 0, 2) && S_le(out, 0, 2) &&
           S_le(out, (uint32_t)n, 2) && S_le(out, (uint32_t)n, 2) && S_le(out, cdlen, 4) &&
           S_le(out, cd, 4) && S_le(out, 0, 2);
}

/* Build the zip for the XML modes into OUT; false when out of memory. */
static bool S_build(uint8_t mode, const char *xml, size_t len, ks_buf *out, ks_buf *hpf)
{
    static const char good[] = "application/hwp+zip";
    static const char bad[] = "application/zip";
    entry e[MAX_SECTIONS + 3];
    size_t n = 0;
    strcpy(e[n].name, "mimetype");
    e[n].data = (mode & 8) ? bad : good;
    e[n].len = strlen(e[n].data);
    n++;
    size_t nsec = 0;
    const char *p = xml, *end = xml + len;
    while (nsec < MAX_SECTIONS) {
        const char *q = p;
        size_t sl = strlen(SEP);
        while (q + sl <= end && memcmp(q, SEP, sl))
            q++;
        if (q + sl > end)
            q = end;
        snprintf(e[n].name, sizeof e[n].name, "Contents/section%zu.xml", nsec);
        e[n].data = p;
        e[n].len = (size_t)(q - p);
        n++;
        nsec++;
        if (q == end)
            break;
        p = q + sl;
    }
    if (mode & 2) {
        if (ks_buf_puts(hpf, "<opf:package><opf:manifest>") != KS_OK)
            return false;
        size_t named = nsec + ((mode & 4) ? 1 : 0);
        for (size_t i = 0; i < named; i++) {
            char item[96];
            snprintf(item, sizeof item, "<opf:item href=\"Contents/section%zu.xml\"/>", i);
            if (ks_buf_puts(hpf, item) != KS_OK)
                return false;
        }
        if (ks_buf_puts(hpf, "</opf:manifest></opf:package>") != KS_OK)
            return false;
        strcpy(e[n].name, "Contents/content.hpf");
        e[n].data = hpf->data;
        e[n].len = hpf->len;
        n++;
    }
    return S_zip(e, n, out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    uint8_t mode = fz_byte(&in);
    ks_buf zip = {0}, hpf = {0};
    const char *raw = (const char *)in.p;
    size_t len = in.n;
    if (mode & 1) {
        if (!S_build(mode, raw, len, &zip, &hpf)) {
            /* the harness's own allocation failed: not a finding */
            ks_buf_free(&zip);
            ks_buf_free(&hpf);
            return 0;
        }
        raw = zip.data;
        len = zip.len;
    }

    fz_container(ks_hwpx_extract, raw, len, (mode & 0x80) ? KS_FROM_AUTO : KS_FROM_HWPX);
    ks_buf_free(&zip);
    ks_buf_free(&hpf);
    return 0;
}
