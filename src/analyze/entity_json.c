/*
 * entity_json.c - the fields of an entity mention in the analyzer's JSON
 * Lines output (chronicle analyze): what the knowledge base says about the
 * name found.  The writer (io/writer.c) has already written the kind, the
 * text and the span; this adds, by kind:
 *
 *   actor   "name", "code", "role" (of this mention: "Russian troops" is MIL),
 *           "type" (state, person, demonym, ...)
 *   place   "name", "country"
 *   item    "name" (a system's, absent for a generic phrase), "class"
 *   source  "name", "source_kind" (media, government, igo, ngo, person; the
 *           line's "kind" is already the mention's)
 */
#include "analyze.h"
#include "kb.h"
#include "util/buf.h"

#include <string.h>

void chr_entity_mention_json(const chr_mention *m, chr_buf *b, int *first);

/* "key":"value", after a comma unless it is the line's first field; key is
 * a plain word, so it is written as it is (the value is escaped). */
static void field(chr_buf *b, int *first, const char *key, const char *val)
{
    if (!val || !*val) return;
    size_t kl = strlen(key);
    if (b->len + kl + 5 > b->cap && chr_buf_reserve(b, kl + 4) != 0) return;
    char *d = b->data + b->len;
    if (!*first) *d++ = ',';
    *first = 0;
    *d++ = '"';
    memcpy(d, key, kl);
    d += kl;
    *d++ = '"';
    *d++ = ':';
    b->len = (size_t)(d - b->data);
    chr_buf_json_str(b, val, strlen(val));
}

void chr_entity_mention_json(const chr_mention *m, chr_buf *b, int *first)
{
    const chr_entry *e = m->u.entry;
    if (!e) return;
    switch (m->kind) {
    case CHR_M_ACTOR:
        field(b, first, "name", e->name);
        field(b, first, "code", e->code);
        field(b, first, "role", chr_role_name(chr_mention_role(m)));
        field(b, first, "type", chr_entry_type_name(e->type));
        break;
    case CHR_M_PLACE:
        field(b, first, "name", e->name);
        field(b, first, "country", e->country);
        break;
    case CHR_M_ITEM:
        if (!e->generic) field(b, first, "name", e->name);
        field(b, first, "class", chr_item_class_name(e->item_class));
        break;
    case CHR_M_SOURCE:
        field(b, first, "name", e->name);
        field(b, first, "source_kind", chr_source_kind_name(chr_mention_source_kind(m)));
        break;
    }
}
