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

static void field(chr_buf *b, int *first, const char *key, const char *val)
{
    if (!val || !*val) return;
    if (!*first) chr_buf_putc(b, ',');
    *first = 0;
    chr_buf_json_str(b, key, strlen(key));
    chr_buf_putc(b, ':');
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
