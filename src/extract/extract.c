/*
 * extract.c - run the extractor over a document: parse each sentence, find
 * its events and figures, keep the light coreference state between
 * sentences, then merge restatements.
 */
#include "extract/xint.h"

#include <string.h>

static void update_coreference(xsent *s)
{
    for (size_t i = s->m0; i < s->m1; i++) {
        const chr_mention *m = &s->d->ms->v[i];
        if (m->kind != CHR_M_ACTOR || !m->u.entry->code[0]) continue;
        int type = m->u.entry->type;
        if (type == CHR_ET_PERSON) s->d->last_person = m;
        else if (type != CHR_ET_DEMONYM && type != CHR_ET_PEOPLE) s->d->last_group = m;
        if (type == CHR_ET_STATE) s->d->last_state = m;
    }
}

/* Count the states named (as states, adjectives, peoples, offices, forces
 * or through their places) and keep the most named. */
static void find_topics(xdoc *d)
{
    typedef struct { const chr_mention *m; size_t n; } tally;
    tally t[64];
    size_t nt = 0;
    for (size_t i = 0; i < d->ms->n; i++) {
        const chr_mention *m = &d->ms->v[i];
        if (m->kind != CHR_M_ACTOR && m->kind != CHR_M_PLACE) continue;
        const chr_entry *e = m->u.entry;
        if (m->kind == CHR_M_ACTOR && e->type == CHR_ET_ORG) continue;
        const char *code = m->kind == CHR_M_PLACE ? e->country : e->code;
        if (!code[0] || strlen(code) != 3) continue;
        size_t k = 0;
        while (k < nt && strcmp(t[k].m->kind == CHR_M_PLACE ? t[k].m->u.entry->country
                                                          : t[k].m->u.entry->code, code) != 0)
            k++;
        if (k == nt) {
            if (nt == 64) continue;
            t[nt].m = m;
            t[nt].n = 0;
            nt++;
        }
        t[k].n++;
    }
    for (size_t i = 0; i < 4 && i < nt; i++) {
        size_t best = i;
        for (size_t j = i + 1; j < nt; j++)
            if (t[j].n > t[best].n) best = j;
        tally tmp = t[i]; t[i] = t[best]; t[best] = tmp;
        d->topics[d->ntopics++] = t[i].m;
    }
}

/* What can make sentence s hold a record, as chr_parse_sentence_if() wants
 * it (see the engine's mark_triggers for the marks): an event trigger
 * (CHR_LF_MARK1); a count word, with a number to count (MARK2); a verb
 * that needs aid, money or weapons (MARK4), with an item or money, or an
 * aid noun (MARK3) -- verb_event refuses it otherwise; the first word of a
 * trigger of several words (MARK5) with a second word of one (MARK6);
 * "is in", with a place ("Kishida is in Kyiv").  A sentence with none of
 * them is not parsed. */
static uint32_t sentence_wants(const xsent *s)
{
    uint32_t want = CHR_LF_MARK1 | CHR_WANT_MARK4_IF_MARK3 | CHR_WANT_MARK5_IF_MARK6;
    for (size_t i = s->m0; i < s->m1; i++) {
        int kind = s->d->ms->v[i].kind;
        if (kind == CHR_M_NUMBER) want |= CHR_LF_MARK2;
        else if (kind == CHR_M_PLACE) want |= CHR_WANT_BE_IN;
        else if (kind == CHR_M_ITEM || kind == CHR_M_MONEY) want |= CHR_LF_MARK4;
    }
    return want;
}

/* "There will also be ...": no trigger, but a list that goes on (x_events_sentence) */
static int opens_with_there(const chr_text *t, const chr_sentence *st)
{
    return st->tok_end > st->tok_begin && chr_tok_is(t, &t->toks[st->tok_begin], "there");
}

/* Every mark, as if the sentence held numbers, money, items and places */
#define WANT_ANY (CHR_LF_MARK1 | CHR_LF_MARK2 | CHR_LF_MARK3 | CHR_LF_MARK4 | CHR_WANT_BE_IN | \
                  CHR_WANT_MARK4_IF_MARK3 | CHR_WANT_MARK5_IF_MARK6)

int chr_extract_plan(const chr_extract_ctx *x, const chr_text *t, chr_arena *a,
                     uint32_t **sieved, uint8_t **only)
{
    *sieved = NULL;
    *only = NULL;
    if (!t->nsents) return CHR_OK;
    uint32_t *sv = chr_arena_alloc(a, t->nsents * sizeof *sv);
    uint8_t *v = chr_arena_alloc(a, t->nsents);
    if (!sv || !v) return CHR_ENOMEM;
    for (uint32_t si = 0; si < t->nsents; si++) {
        const chr_sentence *st = &t->sents[si];
        sv[si] = opens_with_there(t, st) ? CHR_WANT_ALL
                 : chr_tag_sieve(x->lexicon, t, st->tok_begin, st->tok_end);
        v[si] = (uint8_t)chr_tag_sieve_wants(sv[si], WANT_ANY);
    }
    *sieved = sv;
    *only = v;
    return CHR_OK;
}

void chr_extract_plan_more(const chr_text *t, const chr_mentions *ms, uint8_t *only)
{
    for (size_t i = 0; i < ms->n; i++) {
        const chr_mention *m = &ms->v[i];
        if (m->kind != CHR_M_ITEM || m->tok_begin >= t->ntoks) continue;
        uint32_t si = t->toks[m->tok_begin].sent;
        if (si > 0 && si < t->nsents && only[si - 1]) only[si] = 1;
    }
}

int x_attack_before(const xsent *s)
{
    const chr_records *rs = s->d->out;
    if (!s->sent || !rs->n || rs->v[rs->n - 1].sent + 1 != s->sent) return 0;
    for (size_t j = rs->n; j-- > 0 && rs->v[j].sent + 1 == s->sent;)
        if (rs->v[j].kind == CHR_REC_EVENT && strcmp(rs->v[j].type, "ASSAULT") == 0 &&
            rs->v[j].nitems)
            return 1;
    return 0;
}

/* "... accused Kyiv of attacking Moscow with drones.  Three drones were
 * intercepted Sunday": a sentence naming an item right after an attack
 * with items may tell more of it (x_events_sentence), trigger or not. */
static int goes_on_attack(const xsent *s)
{
    if (!x_attack_before(s)) return 0;
    for (size_t i = s->m0; i < s->m1; i++)
        if (s->d->ms->v[i].kind == CHR_M_ITEM) return 1;
    return 0;
}

const chr_mention *x_topic(const xdoc *d, const char *code)
{
    for (size_t i = 0; i < d->ntopics; i++)
        if (strcmp(x_code(d->topics[i]), code) != 0) return d->topics[i];
    return NULL;
}

int chr_extract_doc(const chr_extract_ctx *x, const chr_text *t, const chr_mentions *ms,
                    const uint32_t *sieved, chr_day pub, chr_arena *a, chr_records *out,
                    chr_buf *trace)
{
    xdoc d;
    memset(&d, 0, sizeof d);
    d.x = x;
    d.t = t;
    d.ms = ms;
    d.pub = pub;
    d.a = a;
    d.out = out;
    d.trace = trace;
    find_topics(&d);
    size_t mi = 0;
    for (uint32_t si = 0; si < t->nsents; si++) {
        xsent s;
        memset(&s, 0, sizeof s);
        s.d = &d;
        s.sent = si;
        const chr_sentence *st = &t->sents[si];
        while (mi < ms->n && ms->v[mi].tok_begin < st->tok_begin) mi++;
        s.m0 = mi;
        size_t mj = mi;
        while (mj < ms->n && ms->v[mj].tok_begin < st->tok_end) mj++;
        s.m1 = mj;
        if (st->tok_end > st->tok_begin) {
            const chr_token *lastk = &t->toks[st->tok_end - 1];
            s.question = t->norm[lastk->start] == '?' ||
                         (st->tok_end - st->tok_begin > 1 && t->norm[lastk->start] == '"' &&
                          t->norm[t->toks[st->tok_end - 2].start] == '?');
        }
        int full = trace || opens_with_there(t, st) || goes_on_attack(&s), rc;
        if (full) {
            rc = chr_parse_sentence(x->lexicon, t, si, a, &s.p);
        } else if (sieved) {
            uint32_t want = sentence_wants(&s);
            rc = chr_tag_sieve_wants(sieved[si], want)
                 ? chr_parse_sentence_if(x->lexicon, t, si, want | CHR_WANT_SIEVED, a, &s.p)
                 : CHR_DONE;
        } else {
            rc = chr_parse_sentence_if(x->lexicon, t, si, sentence_wants(&s), a, &s.p);
        }
        if (rc == CHR_DONE) {
            update_coreference(&s);
            continue;
        }
        if (rc != CHR_OK) return CHR_ENOMEM;
        if (trace) {
            chr_buf_printf(trace, "sentence %u: ", si);
            uint32_t b = chr_text_src_offset(t, st->start), e = chr_text_src_offset(t, st->end);
            chr_buf_append(trace, t->src + b, e - b);
            chr_buf_putc(trace, '\n');
            chr_parse_dump(t, &s.p, trace);
            for (size_t i = s.m0; i < s.m1; i++) {
                const chr_mention *m = &ms->v[i];
                uint32_t mb = chr_text_src_offset(t, m->start), me = chr_text_src_offset(t, m->end);
                chr_buf_printf(trace, "  %-7s %.*s", chr_mention_kind_name(m->kind),
                               (int)(me - mb), t->src + mb);
                if (m->kind >= CHR_M_ACTOR && m->u.entry)
                    chr_buf_printf(trace, "  -> %s %s", m->u.entry->name,
                                   m->kind == CHR_M_PLACE ? m->u.entry->country : m->u.entry->code);
                chr_buf_putc(trace, '\n');
            }
            chr_buf_puts(trace, "  decisions:\n");
        }
        x_events_sentence(&s);
        x_figures_sentence(&s);
        update_coreference(&s);
    }
    chr_records_merge(out, trace);
    return CHR_OK;
}
