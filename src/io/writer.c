/*
 * writer.c - write what a processed document holds: records as JSON Lines,
 * CSV or the tab-separated CAMEO event-data layout; sentences and analyzer
 * mentions as JSON Lines for debugging.
 *
 * Spans are byte offsets into the document text (UTF-8, end exclusive).  The
 * text layer has repaired any invalid UTF-8, so every string written is valid
 * JSON.  Output is built in a buffer per document and written with one fwrite.
 */
#include "core/doc.h"
#include "util/buf.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- JSON pieces ------------------------------------------------------------ */

/* Append s[0..n): the room test inline, since most pieces are a few bytes. */
static inline void put(chr_buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap && chr_buf_reserve(b, n) != 0) return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}
#define PUT_LIT(b, lit) put((b), (lit), sizeof(lit) - 1)

/* The decimal digits of v, written backwards ending at end; returns the
 * first one. */
static char *digits_before(char *end, uint64_t v)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    return end;
}

static void put_u64(chr_buf *b, uint64_t v)
{
    char tmp[24];
    char *p = digits_before(tmp + sizeof tmp, v);
    put(b, p, (size_t)(tmp + sizeof tmp - p));
}

/* Integers below 2^53 as printf's "%.0f" writes them (-0.0 too is "-0"),
 * anything else as "%.17g" does. */
static void json_number(chr_buf *b, double v)
{
    if (!isfinite(v)) { PUT_LIT(b, "null"); return; }
    if (fabs(v) < 9007199254740992.0 && v == floor(v)) {
        char tmp[24];
        int neg = signbit(v) != 0;
        char *p = digits_before(tmp + sizeof tmp, (uint64_t)(neg ? -v : v));
        if (neg) *--p = '-';
        put(b, p, (size_t)(tmp + sizeof tmp - p));
    } else {
        chr_buf_printf(b, "%.17g", v);
    }
}

static void json_day(chr_buf *b, int *first, const char *key, chr_day day)
{
    if (day == CHR_DAY_NONE) return;
    char s[11];
    chr_day_format(day, s);
    chr_buf_json_field(b, first, key, s);
}

static void json_span(chr_buf *b, int *first, uint32_t start, uint32_t end)
{
    chr_buf_json_key(b, first, "span");
    PUT_LIT(b, "[");
    put_u64(b, start);
    PUT_LIT(b, ",");
    put_u64(b, end);
    PUT_LIT(b, "]");
}

/* The text of src-span [start,end) of the document. */
static void json_text(chr_buf *b, int *first, const char *key, const chr_doc *d,
                      uint32_t start, uint32_t end)
{
    chr_buf_json_key(b, first, key);
    chr_buf_json_str(b, d->text.src + start, end - start);
}

/* count fields inline: value, qual, max */
static void count_fields(chr_buf *b, int *first, const chr_rcount *c)
{
    chr_buf_json_key(b, first, "value");
    json_number(b, c->value);
    chr_buf_json_field(b, first, "qual", c->qual ? c->qual : "exact");
    if (c->qual && strcmp(c->qual, "range") == 0) {
        chr_buf_json_key(b, first, "max");
        json_number(b, c->max);
    }
}

static void json_count(chr_buf *b, int *first, const char *key, const chr_rcount *c)
{
    if (!c->present) return;
    chr_buf_json_key(b, first, key);
    int f = 1;
    chr_buf_putc(b, '{');
    chr_buf_json_field(b, &f, "text", c->text);
    count_fields(b, &f, c);
    chr_buf_putc(b, '}');
}

static void json_actor(chr_buf *b, int *first, const char *key, const chr_ractor *a)
{
    if (!a->code[0]) return;
    chr_buf_json_key(b, first, key);
    int f = 1;
    chr_buf_putc(b, '{');
    chr_buf_json_field(b, &f, "text", a->text);
    chr_buf_json_field(b, &f, "name", a->name);
    chr_buf_json_field(b, &f, "code", a->code);
    chr_buf_json_field(b, &f, "role", a->role);
    chr_buf_putc(b, '}');
}

/* "items": what was given, used or destroyed, each with its count. */
static void json_items(chr_buf *b, int *f, const chr_record *r)
{
    if (!r->nitems) return;
    chr_buf_json_key(b, f, "items");
    chr_buf_putc(b, '[');
    for (size_t i = 0; i < r->nitems; i++) {
        const chr_ritem *it = &r->items[i];
        int g = 1;
        if (i) chr_buf_putc(b, ',');
        chr_buf_putc(b, '{');
        chr_buf_json_field(b, &g, "text", it->text);
        chr_buf_json_field(b, &g, "name", it->name);
        chr_buf_json_field(b, &g, "class", it->cls);
        json_count(b, &g, "count", &it->count);
        chr_buf_putc(b, '}');
    }
    chr_buf_putc(b, ']');
}

static void json_place(chr_buf *b, int *first, const char *key, const chr_rplace *p)
{
    if (!p->name && !p->text) return;
    chr_buf_json_key(b, first, key);
    int f = 1;
    chr_buf_putc(b, '{');
    chr_buf_json_field(b, &f, "text", p->text);
    chr_buf_json_field(b, &f, "name", p->name);
    chr_buf_json_field(b, &f, "country", p->country);
    chr_buf_putc(b, '}');
}

static void json_source(chr_buf *b, int *first, const chr_rsource *s)
{
    if (!s->kind) return;
    chr_buf_json_key(b, first, "source");
    int f = 1;
    chr_buf_putc(b, '{');
    chr_buf_json_field(b, &f, "text", s->text);
    chr_buf_json_field(b, &f, "name", s->name);
    chr_buf_json_field(b, &f, "kind", s->kind);
    chr_buf_putc(b, '}');
}

static void record_json(const chr_doc *d, const chr_record *r, chr_buf *b)
{
    int f = 1;
    chr_buf_putc(b, '{');
    chr_buf_json_field(b, &f, "doc_id", d->id);
    chr_buf_json_field(b, &f, "kind", r->kind == CHR_REC_EVENT ? "event" : "figure");
    if (r->kind == CHR_REC_EVENT) {
        chr_buf_json_field(b, &f, "type", r->type);
        chr_buf_json_field(b, &f, "mode", r->mode);
        chr_buf_json_field(b, &f, "cameo", r->cameo);
        chr_buf_json_field(b, &f, "status", r->status ? r->status : "occurred");
        if (r->symmetric) { chr_buf_json_key(b, &f, "symmetric"); chr_buf_puts(b, "true"); }
        json_actor(b, &f, "actor", &r->actor);
        json_actor(b, &f, "recipient", &r->recipient);
        if (r->date.present) {
            chr_buf_json_key(b, &f, "date");
            int g = 1;
            chr_buf_putc(b, '{');
            chr_buf_json_field(b, &g, "text", r->date.text);
            json_day(b, &g, "start", r->date.start);
            json_day(b, &g, "end", r->date.end);
            chr_buf_putc(b, '}');
        }
        json_place(b, &f, "location", &r->location);
        if (r->money.count.present) {
            chr_buf_json_key(b, &f, "money");
            int g = 1;
            chr_buf_putc(b, '{');
            chr_buf_json_field(b, &g, "text", r->money.count.text);
            count_fields(b, &g, &r->money.count);
            chr_buf_json_field(b, &g, "currency", r->money.currency);
            chr_buf_putc(b, '}');
        }
        json_items(b, &f, r);
        json_count(b, &f, "dead", &r->dead);
        json_count(b, &f, "injured", &r->injured);
    } else {
        chr_buf_json_field(b, &f, "metric", r->metric);
        count_fields(b, &f, &r->value);
        if (r->value.text) chr_buf_json_field(b, &f, "text", r->value.text);
        chr_buf_json_field(b, &f, "population", r->population);
        chr_buf_json_field(b, &f, "side", r->side);
        json_place(b, &f, "place", &r->place);
        json_day(b, &f, "as_of", r->as_of);
        json_day(b, &f, "since", r->since);
        json_items(b, &f, r);           /* what was destroyed */
    }
    json_source(b, &f, &r->source);
    json_text(b, &f, "sentence", d, r->start, r->end);
    json_span(b, &f, r->start, r->end);
    chr_buf_json_field(b, &f, "rule", r->rule);
    chr_buf_puts(b, "}\n");
}

/* ---- CSV and CAMEO ------------------------------------------------------------ */

static const char *const csv_columns[] = {
    "doc_id", "kind", "type", "mode", "cameo", "status", "actor_code", "actor_role",
    "actor_text", "recipient_code", "recipient_role", "recipient_text", "date_start",
    "date_end", "date_text", "location", "location_country", "money_value",
    "money_currency", "money_qual", "items", "dead", "injured", "metric", "value",
    "qual", "max", "population", "side", "place", "as_of", "since", "source_name",
    "source_kind", "sentence", "span_start", "span_end", "rule"};

static void csv_field(chr_buf *b, const char *s, size_t n, int last)
{
    int quote = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r') { quote = 1; break; }
    if (!quote) chr_buf_append(b, s, n);
    else {
        chr_buf_putc(b, '"');
        for (size_t i = 0; i < n; i++) {
            if (s[i] == '"') chr_buf_putc(b, '"');
            chr_buf_putc(b, s[i]);
        }
        chr_buf_putc(b, '"');
    }
    chr_buf_puts(b, last ? "\r\n" : ",");
}

static void csv_str(chr_buf *b, const char *s) { csv_field(b, s ? s : "", s ? strlen(s) : 0, 0); }

static void csv_num(chr_buf *b, const chr_rcount *c, int want_max)
{
    if (!c->present || (want_max && !(c->qual && strcmp(c->qual, "range") == 0))) {
        csv_str(b, "");
        return;
    }
    chr_buf tmp = CHR_BUF_INIT;
    json_number(&tmp, want_max ? c->max : c->value);
    csv_str(b, tmp.data);
    chr_buf_free(&tmp);
}

static void csv_day(chr_buf *b, chr_day day)
{
    char s[11];
    chr_day_format(day, s);
    csv_str(b, s);
}

static void record_csv(const chr_doc *d, const chr_record *r, chr_buf *b)
{
    int ev = r->kind == CHR_REC_EVENT;
    csv_str(b, d->id);
    csv_str(b, ev ? "event" : "figure");
    csv_str(b, r->type); csv_str(b, r->mode); csv_str(b, r->cameo);
    csv_str(b, ev ? (r->status ? r->status : "occurred") : "");
    csv_str(b, r->actor.code); csv_str(b, r->actor.role); csv_str(b, r->actor.text);
    csv_str(b, r->recipient.code); csv_str(b, r->recipient.role); csv_str(b, r->recipient.text);
    csv_day(b, r->date.present ? r->date.start : CHR_DAY_NONE);
    csv_day(b, r->date.present ? r->date.end : CHR_DAY_NONE);
    csv_str(b, r->date.present ? r->date.text : "");
    csv_str(b, r->location.name); csv_str(b, r->location.country);
    csv_num(b, &r->money.count, 0);
    csv_str(b, r->money.currency);
    csv_str(b, r->money.count.present ? r->money.count.qual : "");
    /* items flattened as "name-or-class:count;..." */
    chr_buf items = CHR_BUF_INIT;
    for (size_t i = 0; i < r->nitems; i++) {
        const chr_ritem *it = &r->items[i];
        if (i) chr_buf_putc(&items, ';');
        chr_buf_puts(&items, it->name ? it->name : it->cls ? it->cls : "");
        if (it->count.present) {
            chr_buf_putc(&items, ':');
            json_number(&items, it->count.value);
        }
    }
    csv_field(b, items.data ? items.data : "", items.len, 0);
    chr_buf_free(&items);
    csv_num(b, &r->dead, 0); csv_num(b, &r->injured, 0);
    csv_str(b, r->metric);
    csv_num(b, &r->value, 0);
    csv_str(b, r->value.present ? r->value.qual : "");
    csv_num(b, &r->value, 1);
    csv_str(b, r->population); csv_str(b, r->side); csv_str(b, r->place.name);
    csv_day(b, ev ? CHR_DAY_NONE : r->as_of);
    csv_day(b, ev ? CHR_DAY_NONE : r->since);
    csv_str(b, r->source.name ? r->source.name : r->source.text);
    csv_str(b, r->source.kind);
    csv_field(b, d->text.src + r->start, r->end - r->start, 0);
    chr_buf_printf(b, "%u,%u,", r->start, r->end);
    csv_field(b, r->rule ? r->rule : "", r->rule ? strlen(r->rule) : 0, 1);
}

/* PETRARCH/Phoenix style: date, source actor, target actor, CAMEO code,
 * PLOVER type, document id, sentence id (tab-separated; figures have no
 * place in this layout and are left out). */
static void tsv_clean(chr_buf *b, const char *s)
{
    for (; s && *s; s++) chr_buf_putc(b, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void record_cameo(const chr_doc *d, const chr_record *r, chr_buf *b)
{
    if (r->kind != CHR_REC_EVENT) return;
    char day[11] = "";
    chr_day when = r->date.present && r->date.start != CHR_DAY_NONE ? r->date.start : d->pub;
    chr_day_format(when, day);
    int y, m, dd;
    if (when != CHR_DAY_NONE) {
        chr_day_to_ymd(when, &y, &m, &dd);
        chr_buf_printf(b, "%04d%02d%02d", y, m, dd);
    }
    chr_buf_putc(b, '\t');
    chr_buf_printf(b, "%s%s\t", r->actor.code, r->actor.role);
    chr_buf_printf(b, "%s%s\t", r->recipient.code, r->recipient.role);
    tsv_clean(b, r->cameo);
    chr_buf_putc(b, '\t');
    tsv_clean(b, r->type);
    chr_buf_putc(b, '\t');
    tsv_clean(b, d->id);
    chr_buf_printf(b, "\t%u\n", r->sent + 1);
}

static int flush(chr_buf *b, FILE *out)
{
    int rc = CHR_OK;
    if (b->oom) rc = CHR_ENOMEM;
    else if (b->len && fwrite(b->data, 1, b->len, out) != b->len) rc = CHR_EIO;
    chr_buf_free(b);
    return rc;
}

int chr_write_records_header(chr_outfmt fmt, FILE *out)
{
    if (fmt != CHR_OUT_CSV) return CHR_OK;
    chr_buf b = CHR_BUF_INIT;
    size_t n = sizeof csv_columns / sizeof *csv_columns;
    for (size_t i = 0; i < n; i++) csv_field(&b, csv_columns[i], strlen(csv_columns[i]), i + 1 == n);
    return flush(&b, out);
}

int chr_write_records(const chr_doc *d, chr_outfmt fmt, FILE *out)
{
    chr_buf b = CHR_BUF_INIT;
    for (size_t i = 0; i < d->nrecords; i++) {
        const chr_record *r = &d->records[i];
        if (fmt == CHR_OUT_CSV) record_csv(d, r, &b);
        else if (fmt == CHR_OUT_CAMEO) record_cameo(d, r, &b);
        else record_json(d, r, &b);
    }
    return flush(&b, out);
}

/* ---- sentences and mentions ----------------------------------------------------- */

/* What every line of a document starts with: '{', its id when it has one,
 * and the key of the first field after it (key is "\"n\":" or
 * "\"kind\":\"").  Escaped once per document, copied on every line. */
static void line_head(chr_buf *h, const chr_doc *d, const char *key, size_t keylen)
{
    PUT_LIT(h, "{");
    if (d->id && *d->id) {
        PUT_LIT(h, "\"doc_id\":");
        chr_buf_json_str(h, d->id, strlen(d->id));
        PUT_LIT(h, ",");
    }
    put(h, key, keylen);
}

int chr_write_sentences(const chr_doc *d, FILE *out)
{
    chr_buf b = CHR_BUF_INIT, head = CHR_BUF_INIT;
    line_head(&head, d, "\"n\":", 4);
    chr_buf_reserve(&b, d->text.src_len + d->text.nsents * (head.len + 48));
    for (size_t i = 0; i < d->text.nsents; i++) {
        uint32_t s, e;
        chr_doc_sentence(d, i, &s, &e);
        put(&b, head.data, head.len);
        put_u64(&b, i);
        PUT_LIT(&b, ",\"span\":[");
        put_u64(&b, s);
        PUT_LIT(&b, ",");
        put_u64(&b, e);
        PUT_LIT(&b, "],\"text\":");
        chr_buf_json_str(&b, d->text.src + s, e - s);
        PUT_LIT(&b, "}\n");
    }
    if (head.oom) b.oom = 1;
    chr_buf_free(&head);
    return flush(&b, out);
}

unsigned chr_kinds_parse(const char *list)
{
    unsigned mask = 0;
    const char *p = list;
    while (*p) {
        const char *q = strchr(p, ',');
        size_t n = q ? (size_t)(q - p) : strlen(p);
        int found = 0;
        for (int k = CHR_M_NUMBER; k <= CHR_M_SOURCE; k++) {
            const char *name = chr_mention_kind_name(k);
            if (strlen(name) == n && strncmp(name, p, n) == 0) { mask |= 1u << k; found = 1; }
        }
        if (!found && n) return 0;
        p += n;
        if (*p == ',') p++;
    }
    return mask;
}

/* Entity mentions: filled by the knowledge base's writer (kb.c). */
void chr_entity_mention_json(const chr_mention *m, chr_buf *b, int *first);

/* A string field after the first: ,"key":"value" (nothing when value is
 * empty); key is the literal ,"key": */
static void put_sfield(chr_buf *b, const char *key, size_t keylen, const char *val)
{
    if (!val || !*val) return;
    put(b, key, keylen);
    chr_buf_json_str(b, val, strlen(val));
}
#define SFIELD(b, key, val) put_sfield((b), ",\"" key "\":", sizeof(key) + 3, (val))

/* ,"key":"YYYY-MM-DD" as chr_day_format() writes the day, without printf
 * for the years 1 to 9999; any other day as chr_day_format() has it (nothing
 * when it writes nothing), and nothing for CHR_DAY_NONE. */
static void put_day(chr_buf *b, const char *key, size_t keylen, chr_day day)
{
    if (day == CHR_DAY_NONE) return;
    int y, m, dd;
    chr_day_to_ymd(day, &y, &m, &dd);
    if (y < 1 || y > 9999) {
        char f[11];
        chr_day_format(day, f);
        put_sfield(b, key, keylen, f);
        return;
    }
    char s[12] = {'"', (char)('0' + y / 1000), (char)('0' + y / 100 % 10),
                  (char)('0' + y / 10 % 10), (char)('0' + y % 10), '-',
                  (char)('0' + m / 10), (char)('0' + m % 10), '-',
                  (char)('0' + dd / 10), (char)('0' + dd % 10), '"'};
    put(b, key, keylen);
    put(b, s, sizeof s);
}

int chr_write_mentions(const chr_doc *d, unsigned kinds, FILE *out)
{
    chr_buf b = CHR_BUF_INIT, head = CHR_BUF_INIT;
    const chr_text *t = &d->text;
    line_head(&head, d, "\"kind\":\"", 8);
    chr_buf_reserve(&b, d->mentions.n * (head.len + 160));
    for (size_t i = 0; i < d->mentions.n; i++) {
        const chr_mention *m = &d->mentions.v[i];
        if (!(kinds & (1u << m->kind))) continue;
        uint32_t s = chr_text_src_offset(t, m->start), e = chr_text_src_offset(t, m->end);
        /* {"doc_id":ID,"kind":KIND,"text":TEXT,"span":[S,E], then the kind's
         * fields; every key after "kind" follows a field, so takes a comma */
        put(&b, head.data, head.len);
        const char *kind = chr_mention_kind_name(m->kind);
        put(&b, kind, strlen(kind));
        PUT_LIT(&b, "\",\"text\":");
        chr_buf_json_str(&b, d->text.src + s, e - s);
        PUT_LIT(&b, ",\"span\":[");
        put_u64(&b, s);
        PUT_LIT(&b, ",");
        put_u64(&b, e);
        PUT_LIT(&b, "]");
        int f = 0;
        switch (m->kind) {
        case CHR_M_NUMBER:
        case CHR_M_MONEY: {
            const chr_count *c = m->kind == CHR_M_NUMBER ? &m->u.num : &m->u.money.amount;
            PUT_LIT(&b, ",\"value\":");
            json_number(&b, c->value);
            SFIELD(&b, "qual", chr_qual_name(c->qual));
            if (c->qual == CHR_QUAL_RANGE) {
                PUT_LIT(&b, ",\"max\":");
                json_number(&b, c->max);
            }
            if (m->kind == CHR_M_MONEY) SFIELD(&b, "currency", m->u.money.currency);
            break;
        }
        case CHR_M_DATE:
            put_day(&b, ",\"start\":", 9, m->u.date.start);
            put_day(&b, ",\"end\":", 7, m->u.date.end);
            SFIELD(&b, "granularity", chr_gran_name(m->u.date.gran));
            if (m->u.date.flags & CHR_DF_UNRESOLVED) PUT_LIT(&b, ",\"unresolved\":true");
            break;
        default:
            chr_entity_mention_json(m, &b, &f);
        }
        PUT_LIT(&b, "}\n");
    }
    if (head.oom) b.oom = 1;
    chr_buf_free(&head);
    return flush(&b, out);
}
