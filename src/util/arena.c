/*
 * arena.c - bump allocator; see arena.h.
 *
 * A reset moves the blocks to a spare list instead of freeing them: a
 * block the size of a news article's needs is above malloc's mmap
 * threshold, so freeing it and asking again for every document would
 * return its pages to the system and fault them back in, which on a
 * virtual machine costs more than the parsing that fills them.
 *
 * Under AddressSanitizer the memory nobody was handed (a block's free
 * tail, everything after a reset) is poisoned, so that a read past an
 * allocation or of a previous document's data is still reported.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define ARENA_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define ARENA_ASAN 1
#endif
#endif
#ifdef ARENA_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

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
    a->spare = NULL;
}

/* Make a block of at least n bytes the head: a spare one when one is big
 * enough, else a new one. */
static int arena_grow(chr_arena *a, size_t n)
{
    chr_arena_block **pp = &a->spare, *b;
    while ((b = *pp) && b->size < n) pp = &b->next;
    if (b) {
        *pp = b->next;
    } else {
        size_t size = a->block_size;
        if (n > size) size = n;
        b = malloc(sizeof *b + size);
        if (!b) return -1;
        b->size = size;
        POISON(b->data, size);
    }
    b->next = a->head;
    a->head = b;
    a->used = 0;
    return 0;
}

void *chr_arena_alloc(chr_arena *a, size_t n)
{
    if (n == 0) n = 1;
    if (n > SIZE_MAX - 16) return NULL;
    size_t al = ALIGN16(n);
    if (!a->head || a->head->size - a->used < al) {
        if (arena_grow(a, al) != 0) return NULL;
    }
    void *p = a->head->data + a->used;
    a->used += al;
    a->total += al;
    UNPOISON(p, n);
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
            UNPOISON(p, new_n);
            return p;
        }
    }
    void *q = chr_arena_alloc(a, new_n);
    if (q) memcpy(q, p, old_n);
    return q;
}

void chr_arena_reset(chr_arena *a)
{
    /* Every block becomes spare, up to CHR_ARENA_KEEP bytes of them; the
     * rest (what an unusually long document needed) goes back. */
    chr_arena_block *b = a->head, *keep = NULL;
    size_t kept = 0;
    for (chr_arena_block *s = a->spare; s; s = s->next) kept += s->size;
    while (b) {
        chr_arena_block *next = b->next;
        if (kept + b->size <= CHR_ARENA_KEEP) {
            POISON(b->data, b->size);
            b->next = keep;
            keep = b;
            kept += b->size;
        } else {
            free(b);
        }
        b = next;
    }
    /* the kept blocks go first: the oldest of them (the first block a
     * document took) is the first a new document takes again */
    if (keep) {
        chr_arena_block *last = keep;
        while (last->next) last = last->next;
        last->next = a->spare;
        a->spare = keep;
    }
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

chr_arena_mark chr_arena_save(const chr_arena *a)
{
    chr_arena_mark m = {a->head, a->used, a->total};
    return m;
}

void chr_arena_rewind(chr_arena *a, chr_arena_mark m)
{
    /* the blocks taken since the mark become spare again, the oldest of
     * them first in line */
    while (a->head && a->head != m.head) {
        chr_arena_block *b = a->head;
        a->head = b->next;
        POISON(b->data, b->size);
        b->next = a->spare;
        a->spare = b;
    }
    if (a->head) {
        POISON(a->head->data + m.used, a->head->size - m.used);
        a->used = m.used;
    } else {
        a->used = 0;
    }
    a->total = m.total;
}

static void free_chain(chr_arena_block *b)
{
    while (b) {
        chr_arena_block *next = b->next;
        free(b);
        b = next;
    }
}

void chr_arena_free(chr_arena *a)
{
    free_chain(a->head);
    free_chain(a->spare);
    a->head = NULL;
    a->spare = NULL;
    a->used = 0;
    a->total = 0;
}
