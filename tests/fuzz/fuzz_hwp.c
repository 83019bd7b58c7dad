/*
 * fuzz_hwp.c -- libFuzzer target for the HWP 5 reader (ks_hwp_extract,
 * --from hwp).
 *
 * The input is the file itself.  The seeds (tests/golden/hwp-*) include
 * uncompressed documents, whose records lie in plain sectors, so that
 * mutations reach the record walker as well as the compound file's FAT,
 * mini FAT, DIFAT and directory tree; the compressed ones exercise the
 * inflate budget.  Byte 0 picks how the document is converted afterwards
 * (bit 0: --from auto instead of hwp).
 * Checked: an error fills *err; on success the text is valid UTF-8 without
 * NUL, ends each line in '\n' with exactly one hint per line (-1 or a
 * ks_role), as hwpx.c promises for what it extracts; the pipeline's JSON
 * renders.
 */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_input in = {data, size};
    uint8_t mode = fz_byte(&in);

    fz_container(ks_hwp_extract, in.p ? (const char *)in.p : "", in.n,
                 (mode & 1) ? KS_FROM_AUTO : KS_FROM_HWP);
    return 0;
}
