/* utf8.c - PLACEHOLDER until the text layer lands. */
#include "text.h"
long chr_utf8_repair(chr_arena *a, const char *src, size_t len,
                     const char **out, size_t *out_len)
{
    char *p = chr_arena_strndup(a, src, len);
    if (!p) return -1;
    *out = p;
    *out_len = len;
    return 0;
}
int32_t chr_utf8_decode(const char *s, size_t n, int *adv)
{
    const unsigned char *u = (const unsigned char *)s;
    *adv = 1;
    if (n == 0) return -1;
    if (u[0] < 0x80) return u[0];
    if ((u[0] & 0xE0) == 0xC0 && n >= 2) { *adv = 2; return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F); }
    if ((u[0] & 0xF0) == 0xE0 && n >= 3) { *adv = 3; return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F); }
    if ((u[0] & 0xF8) == 0xF0 && n >= 4) { *adv = 4; return ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) | ((u[2] & 0x3F) << 6) | (u[3] & 0x3F); }
    return -1;
}
