/* entity_json.c - PLACEHOLDER until the knowledge base lands. */
#include "analyze.h"
#include "util/buf.h"
void chr_entity_mention_json(const chr_mention *m, chr_buf *b, int *first);
void chr_entity_mention_json(const chr_mention *m, chr_buf *b, int *first)
{
    (void)m; (void)b; (void)first;
}
