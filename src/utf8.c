/*
 * utf8.c -- UTF-8 decoding and code-point classes.
 *
 * The classes work on code points, never on plain chars: <ctype.h> is
 * undefined for every byte of a Hangul syllable and depends on the locale.
 */
#include "internal.h"

size_t ks_utf8_valid_prefix(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = ks_utf8_decode(s + i, len - i, &cp);
        if (!n)
            break;
        i += n;
    }
    return i;
}

size_t ks_utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

bool ks_is_middle_dot(uint32_t cp)
{
    return cp == 0x00B7 || cp == 0x2027 || cp == 0x2024 || cp == 0x30FB || cp == 0x318D ||
           cp == 0x2219 || cp == 0x22C5 || cp == 0xFF65;
}

bool ks_is_open_quote(uint32_t cp)
{
    return cp == 0x201C || cp == 0x2018 || cp == 0x300C || cp == 0x300E;
}

bool ks_is_close_quote(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F;
}

const char *ks_memfind(const char *hay, size_t n, const char *needle)
{
    size_t m = strlen(needle);
    if (m == 0 || n < m)
        return NULL;
    /* memchr to each place the needle's last byte is: in Korean text the
     * last byte of a syllable is one of 64, its first one of a handful */
    const char *end = hay + n, *p = hay + m - 1;
    while ((p = memchr(p, needle[m - 1], (size_t)(end - p))) != NULL) {
        if (memcmp(p - (m - 1), needle, m - 1) == 0)
            return p - (m - 1);
        p++;
    }
    return NULL;
}
