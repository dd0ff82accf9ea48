/*
 * arena.h - bump allocator owning everything made for one document.
 *
 * Every stage that works on a document allocates from that document's arena
 * and never frees; chr_arena_reset() releases it all at once when the
 * document is done.  The blocks are kept for the next document (up to a
 * bound, so that one huge document does not pin its memory for the rest of
 * a stream): a steady stream of news articles does no malloc, and touches
 * no fresh page, after warm-up.
 */
#ifndef CHR_ARENA_H
#define CHR_ARENA_H

#include <stddef.h>

typedef struct chr_arena_block chr_arena_block;

typedef struct chr_arena {
    chr_arena_block *head;   /* current block; older blocks chained behind */
    size_t used;             /* bytes used in head */
    size_t block_size;       /* default size of a new block */
    size_t total;            /* bytes handed out since the last reset */
    chr_arena_block *spare;  /* blocks kept by the last reset, for reuse */
} chr_arena;

/* Blocks kept over a reset: the first KEEP bytes' worth (a news article
 * needs a few hundred kilobytes). */
#define CHR_ARENA_KEEP ((size_t)8 << 20)

void  chr_arena_init(chr_arena *a, size_t block_size);
/* Returns NULL only when the system is out of memory. Memory is 16-aligned. */
void *chr_arena_alloc(chr_arena *a, size_t n);
void *chr_arena_calloc(chr_arena *a, size_t count, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *chr_arena_strndup(chr_arena *a, const char *s, size_t n);
char *chr_arena_strdup(chr_arena *a, const char *s);
/* Grow the most recent allocation p from old_n to new_n bytes when possible,
 * else copy; returns the (possibly moved) pointer. */
void *chr_arena_realloc(chr_arena *a, void *p, size_t old_n, size_t new_n);
/* Release everything allocated; keep blocks (up to CHR_ARENA_KEEP bytes)
 * for the allocations that follow. */
void  chr_arena_reset(chr_arena *a);

/* A point in the arena's life: chr_arena_rewind() releases what was
 * allocated after it (scratch that turned out not to be needed), so that
 * the next allocations reuse that memory while it is still in the cache.
 * Nothing allocated before the mark may grow (chr_arena_realloc) after it. */
typedef struct chr_arena_mark {
    chr_arena_block *head;
    size_t used, total;
} chr_arena_mark;

chr_arena_mark chr_arena_save(const chr_arena *a);
void  chr_arena_rewind(chr_arena *a, chr_arena_mark m);
void  chr_arena_free(chr_arena *a);

#endif
