/*
 * format.c - what the store's rows look like to tools: JSON Lines and CSV
 * (RFC 4180: fields quoted when they hold a comma, quote or line break,
 * quotes doubled, lines ending in CRLF), and export, which writes every
 * selected mention in the order it was stored.
 *
 * A mention in JSON Lines is the record exactly as extract printed it, with
 * "story", "published" and "outlet" put in front; export leaves even those
 * out, so that exporting a store gives back what extract wrote.
 */
#include "store/store_impl.h"
#include "util/buf.h"

#include <math.h>
#include <string.h>

static void num(chr_buf *b, double v)
{
    if (!isfinite(v)) chr_buf_puts(b, "null");
    else if (fabs(v) < 9007199254740992.0 && v == floor(v)) chr_buf_printf(b, "%.0f", v);
    else chr_buf_printf(b, "%.17g", v);
}

/* ---- JSON ------------------------------------------------------------------ */

static void jnum(chr_buf *b, int *first, const char *key, double v)
{
    chr_buf_json_key(b, first, key);
    num(b, v);
}

static void jitems(chr_buf *b, int *first, const chr_store_row *row)
{
    if (!row->nitems) return;
    chr_buf_json_key(b, first, "items");
    chr_buf_putc(b, '[');
    for (size_t i = 0; i < row->nitems; i++) {
        int f = 1;
        if (i) chr_buf_putc(b, ',');
        chr_buf_putc(b, '{');
        chr_buf_json_field(b, &f, "name", row->items[i].name);
        if (row->items[i].has_count) jnum(b, &f, "count", row->items[i].count);
        chr_buf_putc(b, '}');
    }
    chr_buf_putc(b, ']');
}

/* The slots of a row as JSON members (a story, or a mention kept without
 * its record JSON). */
static void jslots(chr_buf *b, int *f, const chr_store_row *row)
{
    chr_buf_json_field(b, f, "kind", row->kind == CHR_REC_EVENT ? "event" : "figure");
    if (row->kind == CHR_REC_EVENT) {
        chr_buf_json_field(b, f, "type", row->type);
        chr_buf_json_field(b, f, "mode", row->mode);
        chr_buf_json_field(b, f, "status", row->status);
        chr_buf_json_field(b, f, "actor", row->actor);
        chr_buf_json_field(b, f, "recipient", row->recipient);
        if (row->symmetric) {
            chr_buf_json_key(b, f, "symmetric");
            chr_buf_puts(b, "true");
        }
        if (*row->date_start) {
            int g = 1;
            chr_buf_json_key(b, f, "date");
            chr_buf_putc(b, '{');
            chr_buf_json_field(b, &g, "start", row->date_start);
            chr_buf_json_field(b, &g, "end", row->date_end);
            chr_buf_putc(b, '}');
        }
        if (row->has_money) {
            int g = 1;
            chr_buf_json_key(b, f, "money");
            chr_buf_putc(b, '{');
            jnum(b, &g, "value", row->money);
            chr_buf_json_field(b, &g, "currency", row->currency);
            chr_buf_putc(b, '}');
        }
    } else {
        chr_buf_json_field(b, f, "metric", row->metric);
        if (row->has_value) jnum(b, f, "value", row->value);
        chr_buf_json_field(b, f, "qual", row->qual);
        if (strcmp(row->qual, "range") == 0) jnum(b, f, "max", row->max);
        chr_buf_json_field(b, f, "population", row->population);
        chr_buf_json_field(b, f, "side", row->side);
        chr_buf_json_field(b, f, "as_of", row->as_of);
        chr_buf_json_field(b, f, "since", row->since);
    }
    jitems(b, f, row);
}

static void json_story(chr_buf *b, const chr_store_row *row)
{
    int f = 1;
    chr_buf_putc(b, '{');
    jnum(b, &f, "story", (double)row->story);
    jslots(b, &f, row);
    jnum(b, &f, "mentions", (double)row->mentions);
    jnum(b, &f, "documents", (double)row->documents);
    chr_buf_json_key(b, &f, "sources");
    chr_buf_putc(b, '[');
    for (long i = 0; i < row->nsources; i++) {
        if (i) chr_buf_putc(b, ',');
        chr_buf_json_str(b, row->sources[i], strlen(row->sources[i]));
    }
    chr_buf_putc(b, ']');
    chr_buf_json_field(b, &f, "first_seen", row->first_seen);
    chr_buf_json_field(b, &f, "last_seen", row->last_seen);
    chr_buf_putc(b, '}');
}

static void json_mention(chr_buf *b, const chr_store_row *row, int bare)
{
    if (bare && row->json) {
        chr_buf_puts(b, row->json);
        return;
    }
    int f = 1;
    chr_buf_putc(b, '{');
    if (!bare) {
        jnum(b, &f, "story", (double)row->story);
        chr_buf_json_field(b, &f, "published", row->published);
        chr_buf_json_field(b, &f, "outlet", row->outlet);
    }
    if (row->json && row->json[0] == '{') {
        /* The stored record goes on after what was put in front of it. */
        const char *rest = row->json + 1;
        while (*rest == ' ') rest++;
        if (*rest != '}' && !f) chr_buf_putc(b, ',');
        chr_buf_puts(b, rest);
        return;
    }
    chr_buf_json_field(b, &f, "doc_id", row->doc_id);
    jslots(b, &f, row);
    if (*row->source) {
        int g = 1;
        chr_buf_json_key(b, &f, "source");
        chr_buf_putc(b, '{');
        chr_buf_json_field(b, &g, "name", row->source);
        chr_buf_json_field(b, &g, "kind", row->source_kind);
        chr_buf_putc(b, '}');
    }
    chr_buf_json_field(b, &f, "sentence", row->sentence);
    chr_buf_json_key(b, &f, "span");
    chr_buf_printf(b, "[%u,%u]", row->span_start, row->span_end);
    chr_buf_putc(b, '}');
}

void chr_store_json_row(chr_buf *b, int mentions, const chr_store_row *row)
{
    if (mentions) json_mention(b, row, 0);
    else json_story(b, row);
}

/* ---- CSV ---------------------------------------------------------------------- */

static void cfield(chr_buf *b, const char *s, size_t n)
{
    int quote = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '"' || s[i] == ',' || s[i] == '\n' || s[i] == '\r') {
            quote = 1;
            break;
        }
    if (!quote) {
        chr_buf_append(b, s, n);
        return;
    }
    chr_buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"') chr_buf_putc(b, '"');
        chr_buf_putc(b, s[i]);
    }
    chr_buf_putc(b, '"');
}

/* A field and the separator after it. */
static void cstr(chr_buf *b, const char *s)
{
    cfield(b, s ? s : "", s ? strlen(s) : 0);
    chr_buf_putc(b, ',');
}

static void cnum(chr_buf *b, int present, double v)
{
    if (present) num(b, v);
    chr_buf_putc(b, ',');
}

static void cend(chr_buf *b)
{
    if (b->len && b->data[b->len - 1] == ',') b->len--;
    chr_buf_puts(b, "\r\n");
}

static void citems(chr_buf *b, const chr_store_row *row)
{
    chr_buf t = CHR_BUF_INIT;
    for (size_t i = 0; i < row->nitems; i++) {
        if (i) chr_buf_putc(&t, ';');
        chr_buf_puts(&t, row->items[i].name);
        if (row->items[i].has_count) {
            chr_buf_putc(&t, ':');
            num(&t, row->items[i].count);
        }
    }
    cfield(b, t.data ? t.data : "", t.len);
    chr_buf_putc(b, ',');
    if (t.oom) b->oom = 1;
    chr_buf_free(&t);
}

static const char story_header[] =
    "story,kind,type,mode,status,actor,recipient,symmetric,date_start,date_end,money,"
    "currency,items,metric,value,qual,max,population,side,as_of,since,mentions,documents,"
    "sources,source_names,first_seen,last_seen\r\n";

static const char mention_header[] =
    "story,doc_id,published,outlet,kind,type,mode,status,actor,recipient,symmetric,"
    "date_start,date_end,money,currency,items,metric,value,qual,max,population,side,as_of,"
    "since,source,source_kind,sentence_n,span_start,span_end,sentence\r\n";

static void csv_slots(chr_buf *b, const chr_store_row *row)
{
    int ev = row->kind == CHR_REC_EVENT;
    cstr(b, ev ? "event" : "figure");
    cstr(b, row->type);
    cstr(b, row->mode);
    cstr(b, row->status);
    cstr(b, row->actor);
    cstr(b, row->recipient);
    cstr(b, ev ? (row->symmetric ? "true" : "false") : "");
    cstr(b, row->date_start);
    cstr(b, row->date_end);
    cnum(b, row->has_money, row->money);
    cstr(b, row->currency);
    citems(b, row);
    cstr(b, row->metric);
    cnum(b, row->has_value, row->value);
    cstr(b, row->qual);
    cnum(b, strcmp(row->qual, "range") == 0, row->max);
    cstr(b, row->population);
    cstr(b, row->side);
    cstr(b, row->as_of);
    cstr(b, row->since);
}

static void csv_story(chr_buf *b, const chr_store_row *row)
{
    chr_buf_printf(b, "%lld,", row->story);
    csv_slots(b, row);
    chr_buf_printf(b, "%ld,%ld,%ld,", row->mentions, row->documents, row->nsources);
    chr_buf t = CHR_BUF_INIT;
    for (long i = 0; i < row->nsources; i++) {
        if (i) chr_buf_puts(&t, "; ");
        chr_buf_puts(&t, row->sources[i]);
    }
    cfield(b, t.data ? t.data : "", t.len);
    chr_buf_putc(b, ',');
    if (t.oom) b->oom = 1;
    chr_buf_free(&t);
    cstr(b, row->first_seen);
    cstr(b, row->last_seen);
    cend(b);
}

static void csv_mention(chr_buf *b, const chr_store_row *row)
{
    chr_buf_printf(b, "%lld,", row->story);
    cstr(b, row->doc_id);
    cstr(b, row->published);
    cstr(b, row->outlet);
    csv_slots(b, row);
    cstr(b, row->source);
    cstr(b, row->source_kind);
    chr_buf_printf(b, "%ld,%u,%u,", row->sent, row->span_start, row->span_end);
    cstr(b, row->sentence);
    cend(b);
}

/* ---- writing --------------------------------------------------------------------- */

static int flush(chr_buf *b, FILE *out)
{
    int rc = CHR_OK;
    if (b->oom) rc = CHR_ENOMEM;
    else if (b->len && fwrite(b->data, 1, b->len, out) != b->len) rc = CHR_EIO;
    chr_buf_free(b);
    return rc;
}

int chr_store_write_header(FILE *out, chr_store_fmt fmt, int mentions)
{
    if (fmt != CHR_STORE_CSV) return CHR_OK;
    const char *h = mentions ? mention_header : story_header;
    return fputs(h, out) == EOF ? CHR_EIO : CHR_OK;
}

int chr_store_write_row(FILE *out, chr_store_fmt fmt, int mentions, const chr_store_row *row)
{
    chr_buf b = CHR_BUF_INIT;
    if (fmt == CHR_STORE_CSV) {
        if (mentions) csv_mention(&b, row);
        else csv_story(&b, row);
    } else {
        chr_store_json_row(&b, mentions, row);
        chr_buf_putc(&b, '\n');
    }
    return flush(&b, out);
}

int chr_store_write_total_header(FILE *out, chr_store_fmt fmt, chr_store_by by)
{
    if (fmt != CHR_STORE_CSV) return CHR_OK;
    return fprintf(out, "%s,unit,total,stories,sources\r\n", chr_store_by_name(by)) < 0
               ? CHR_EIO : CHR_OK;
}

int chr_store_write_total(FILE *out, chr_store_fmt fmt, chr_store_by by, const chr_store_total *t)
{
    chr_buf b = CHR_BUF_INIT;
    if (fmt == CHR_STORE_CSV) {
        cstr(&b, t->group);
        cstr(&b, t->unit);
        cnum(&b, 1, t->total);
        chr_buf_printf(&b, "%ld,%ld", t->stories, t->sources);
        chr_buf_puts(&b, "\r\n");
    } else {
        int f = 1;
        chr_buf_putc(&b, '{');
        chr_buf_json_key(&b, &f, chr_store_by_name(by));
        chr_buf_json_str(&b, t->group, strlen(t->group));
        chr_buf_json_field(&b, &f, "unit", t->unit);
        jnum(&b, &f, "total", t->total);
        jnum(&b, &f, "stories", (double)t->stories);
        jnum(&b, &f, "sources", (double)t->sources);
        chr_buf_puts(&b, "}\n");
    }
    return flush(&b, out);
}

typedef struct export_ctx {
    FILE *out;
    chr_store_fmt fmt;
    int rc;
} export_ctx;

static int export_row(const chr_store_row *row, void *ctx)
{
    export_ctx *x = ctx;
    chr_buf b = CHR_BUF_INIT;
    if (x->fmt == CHR_STORE_CSV) csv_mention(&b, row);
    else {
        json_mention(&b, row, 1);
        chr_buf_putc(&b, '\n');
    }
    return x->rc = flush(&b, x->out);
}

int chr_store_export(chr_store *s, const chr_store_filter *f, chr_store_fmt fmt, FILE *out,
                     chr_error *err)
{
    export_ctx x = {out, fmt, CHR_OK};
    int rc = chr_store_write_header(out, fmt, 1);
    if (rc != CHR_OK) return chr_error_set(err, rc, NULL, 0, "error writing output");
    unsigned flags = CHR_ROWS_STORED | (fmt == CHR_STORE_JSONL ? CHR_ROWS_JSON : 0);
    rc = s->ops->mentions(s, f, flags, export_row, &x, err);
    if (rc != CHR_OK && x.rc != CHR_OK)
        return chr_error_set(err, x.rc, NULL, 0, "error writing output");
    return rc;
}
