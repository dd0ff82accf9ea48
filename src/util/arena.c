/*
 * arena.c - bump allocator; see arena.h.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct chr_arena_block {
    chr_arena_block *next;
    size_t size;
    /* payload follows, aligned to 16 */
    _Alignas(16) unsigned char data[];
};

#define ALIGN16(n) (((n) + 15u) & ~(size_t)15u)

void chr_arena_init(chr_arena *a, size_t block_size)
{
    a->head = NULL;
    a->used = 0;
    a->block_size = block_size ? block_size : 64 * 1024;
    a->total = 0;
}

static int arena_grow(chr_arena *a, size_t n)
{
    size_t size = a->block_size;
    if (n > size) size = n;
    chr_arena_block *b = malloc(sizeof *b + size);
    if (!b) return -1;
    b->next = a->head;
    b->size = size;
    a->head = b;
    a->used = 0;
    return 0;
}

void *chr_arena_alloc(chr_arena *a, size_t n)
{
    if (n == 0) n = 1;
    if (n > SIZE_MAX - 16) return NULL;
    n = ALIGN16(n);
    if (!a->head || a->head->size - a->used < n) {
        if (arena_grow(a, n) != 0) return NULL;
    }
    void *p = a->head->data + a->used;
    a->used += n;
    a->total += n;
    return p;
}

void *chr_arena_calloc(chr_arena *a, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) return NULL;
    void *p = chr_arena_alloc(a, count * size);
    if (p) memset(p, 0, count * size);
    return p;
}

char *chr_arena_strndup(chr_arena *a, const char *s, size_t n)
{
    char *p = chr_arena_alloc(a, n + 1);
    if (!p) return NULL;
    if (n) memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *chr_arena_strdup(chr_arena *a, const char *s)
{
    return chr_arena_strndup(a, s, strlen(s));
}

void *chr_arena_realloc(chr_arena *a, void *p, size_t old_n, size_t new_n)
{
    if (!p) return chr_arena_alloc(a, new_n);
    if (new_n <= old_n) return p;
    /* The last allocation of the head block can grow in place. */
    size_t old_al = ALIGN16(old_n ? old_n : 1);
    if (a->head && (unsigned char *)p + old_al == a->head->data + a->used &&
        new_n <= SIZE_MAX - 16) {
        size_t new_al = ALIGN16(new_n);
        if (a->head->size - (a->used - old_al) >= new_al) {
            a->used += new_al - old_al;
            a->total += new_al - old_al;
            return p;
        }
    }
    void *q = chr_arena_alloc(a, new_n);
    if (q) memcpy(q, p, old_n);
    return q;
}

void chr_arena_reset(chr_arena *a)
{
    /* Keep the oldest block of default size; free the rest. */
    chr_arena_block *keep = NULL;
    chr_arena_block *b = a->head;
    while (b) {
        chr_arena_block *next = b->next;
        if (!keep && b->size == a->block_size && next == NULL) keep = b;
        else free(b);
        b = next;
    }
    a->head = keep;
    if (keep) keep->next = NULL;
    a->used = 0;
    a->total = 0;
}

void chr_arena_free(chr_arena *a)
{
    chr_arena_block *b = a->head;
    while (b) {
        chr_arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}
