/* sentences.c - PLACEHOLDER until the text layer lands: split at . ! ? */
#include "text.h"
int chr_sentences_split(chr_text *t, chr_arena *a)
{
    t->sents = chr_arena_alloc(a, (t->ntoks + 1) * sizeof *t->sents);
    if (!t->sents) return -1;
    t->nsents = 0;
    size_t b = 0;
    for (size_t i = 0; i < t->ntoks; i++) {
        const char *p = t->norm + t->toks[i].start;
        int last = i + 1 == t->ntoks;
        if (last || (t->toks[i].type == CHR_TOK_PUNCT && (*p == '.' || *p == '!' || *p == '?'))) {
            chr_sentence *s = &t->sents[t->nsents];
            s->start = t->toks[b].start; s->end = t->toks[i].end;
            s->tok_begin = (uint32_t)b; s->tok_end = (uint32_t)i + 1; s->para = 0;
            for (size_t j = b; j <= i; j++) t->toks[j].sent = (uint32_t)t->nsents;
            t->nsents++;
            b = i + 1;
        }
    }
    return 0;
}
