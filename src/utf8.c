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

bool ks_is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\t' || cp == '\v' || cp == '\f' || cp == 0xA0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
           cp == 0x205F || cp == 0x3000;
}

bool ks_is_zero_width(uint32_t cp)
{
    return (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

bool ks_is_hangul(uint32_t cp)
{
    return cp >= 0xAC00 && cp <= 0xD7A3;
}

bool ks_is_digit(uint32_t cp)
{
    return cp >= '0' && cp <= '9';
}

bool ks_is_alpha(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
}

bool ks_is_middle_dot(uint32_t cp)
{
    return cp == 0x00B7 || cp == 0x2027 || cp == 0x30FB || cp == 0x318D || cp == 0x2219 ||
           cp == 0x22C5 || cp == 0xFF65;
}

bool ks_is_open_quote(uint32_t cp)
{
    return cp == 0x201C || cp == 0x2018 || cp == 0x300C || cp == 0x300E;
}

bool ks_is_close_quote(uint32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0x300D || cp == 0x300F;
}
