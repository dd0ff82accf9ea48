/*
 * test_parse.c - the shallow parser: tags, verb groups, noun phrases,
 * attachments and clauses of sentences written the way news is.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "extract/parse.h"

static chr_lexicon *lx;

static int setup(void **state)
{
    (void)state;
    const char *d = getenv("CHRONICLE_DATA");
    chr_error err;
    if (chr_lexicon_open(&lx, d && *d ? d : "data", NULL, &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_parse");
        return -1;
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    chr_lexicon_close(lx);
    return 0;
}

/* ---- helpers: a parsed sentence and ways to name its parts ------------------ */

typedef struct parsed {
    chr_arena a;
    chr_text t;
    chr_parse p;
} parsed;

static parsed *parse_with(const chr_lexicon *l, const char *s)
{
    parsed *x = calloc(1, sizeof *x);
    assert_non_null(x);
    chr_arena_init(&x->a, 1 << 16);
    x->t = tu_text(&x->a, s);
    assert_int_equal(x->t.nsents, 1);
    assert_int_equal(chr_parse_sentence(l, &x->t, 0, &x->a, &x->p), CHR_OK);
    return x;
}

/* Sentences with open-class words need WordNet; where it is not installed
 * those tests are skipped (the closed-class test below runs anyway). */
static parsed *parse(const char *s)
{
    if (!chr_lexicon_has_wordnet(lx)) skip();
    return parse_with(lx, s);
}

/* What every parse must satisfy, whatever the sentence: spans inside the
 * sentence and in order, indices in range, clauses tiling the sentence. */
static void check_invariants(const chr_parse *p)
{
    uint32_t next = p->tok_begin;
    for (uint32_t i = 0; i < p->ncl; i++) {
        const chr_clause *cl = &p->clauses[i];
        assert_int_equal(cl->first, next);
        assert_true(cl->first <= cl->last);
        next = cl->last + 1;
        assert_true(cl->subj < (int32_t)p->nnp && cl->obj < (int32_t)p->nnp);
        assert_true(cl->parent < (int32_t)p->ncl && cl->frame < (int32_t)p->ncl);
        assert_true(cl->vg_first + cl->nvg <= p->nvg);
    }
    if (p->tok_end > p->tok_begin) assert_int_equal(next, p->tok_end);
    for (uint32_t i = 0; i < p->nvg; i++) {
        const chr_vgroup *g = &p->vgs[i];
        assert_true(g->first <= g->head && g->head <= g->last && g->last < p->tok_end);
        assert_true(g->obj < (int32_t)p->nnp && g->agent < (int32_t)p->nnp);
        assert_true(i == 0 || p->vgs[i - 1].last < g->first);
    }
    for (uint32_t i = 0; i < p->nnp; i++) {
        const chr_np *np = &p->nps[i];
        assert_true(np->first <= np->head && np->head <= np->last && np->last < p->tok_end);
        assert_true(np->first >= p->tok_begin);
    }
}

static void done(parsed *x)
{
    check_invariants(&x->p);
    chr_arena_free(&x->a);
    free(x);
}

/* The text of tokens first..last. */
static const char *span(parsed *x, uint32_t first, uint32_t last)
{
    const chr_token *a = &x->t.toks[first], *z = &x->t.toks[last];
    return chr_arena_strndup(&x->a, x->t.norm + a->start, z->end - a->start);
}

static const char *np_text(parsed *x, int32_t np)
{
    if (np < 0) return "(none)";
    return span(x, x->p.nps[np].first, x->p.nps[np].last);
}

/* Token index of the nth (from 0) occurrence of word w. */
static uint32_t tok(parsed *x, const char *w, int nth)
{
    for (uint32_t k = x->p.tok_begin; k < x->p.tok_end; k++)
        if (chr_tok_eq(&x->t, &x->t.toks[k], w) && nth-- == 0) return k;
    fail_msg("no token '%s'", w);
    return 0;
}

static const chr_ptag *tag(parsed *x, const char *w) { return chr_parse_tag(&x->p, tok(x, w, 0)); }

/* The verb group headed by lemma. */
static const chr_vgroup *vg(parsed *x, const char *lemma)
{
    for (uint32_t i = 0; i < x->p.nvg; i++) {
        const chr_vgroup *g = &x->p.vgs[i];
        if (g->lemma && g->lemma_len == strlen(lemma) && memcmp(g->lemma, lemma, g->lemma_len) == 0)
            return g;
    }
    fail_msg("no verb group headed by '%s'", lemma);
    return NULL;
}

static int32_t vg_index(parsed *x, const chr_vgroup *g) { return (int32_t)(g - x->p.vgs); }

static const chr_clause *clause_of(parsed *x, const chr_vgroup *g)
{
    assert_true(g->clause >= 0);
    return &x->p.clauses[g->clause];
}

static const char *vg_text(parsed *x, const chr_vgroup *g) { return span(x, g->first, g->last); }

/* The attachment whose preposition is the nth occurrence of word w. */
static const chr_pp *pp_n(parsed *x, const char *w, int nth)
{
    uint32_t k = tok(x, w, nth);
    for (uint32_t i = 0; i < x->p.npp; i++)
        if (x->p.pps[i].prep == k) return &x->p.pps[i];
    fail_msg("no attachment at '%s'", w);
    return NULL;
}

static const chr_pp *pp(parsed *x, const char *w) { return pp_n(x, w, 0); }

/* ---- voice, objects, agents --------------------------------------------------- */

static void test_active_clause_has_subject_object_and_to_recipient(void **state)
{
    (void)state;
    parsed *x = parse("Germany sent tanks to Ukraine.");
    const chr_vgroup *g = vg(x, "send");
    assert_string_equal(vg_text(x, g), "sent");
    assert_int_equal(g->tense, CHR_TENSE_PAST);
    assert_int_equal(g->voice, CHR_VOICE_ACTIVE);
    assert_true(g->flags & CHR_VGF_FINITE);
    assert_string_equal(np_text(x, g->obj), "tanks");
    const chr_clause *cl = clause_of(x, g);
    assert_string_equal(np_text(x, cl->subj), "Germany");
    assert_int_equal(cl->subj_how, CHR_SUBJ_EXPLICIT);
    assert_int_equal(cl->main_vg, vg_index(x, g));
    assert_string_equal(np_text(x, pp(x, "to")->np), "Ukraine");
    assert_int_equal(pp(x, "to")->vg, vg_index(x, g));
    done(x);
}

static void test_passive_with_recipient_subject_keeps_theme_and_agent(void **state)
{
    (void)state;
    parsed *x = parse("Ukraine was sent tanks by Germany.");
    const chr_vgroup *g = vg(x, "send");
    assert_string_equal(vg_text(x, g), "was sent");
    assert_int_equal(g->voice, CHR_VOICE_PASSIVE);
    assert_int_equal(g->tense, CHR_TENSE_PAST);
    assert_string_equal(np_text(x, clause_of(x, g)->subj), "Ukraine");
    assert_string_equal(np_text(x, g->obj), "tanks");
    assert_string_equal(np_text(x, g->agent), "Germany");
    done(x);
}

static void test_passive_with_theme_subject_has_by_agent(void **state)
{
    (void)state;
    parsed *x = parse("Tanks were delivered to Ukraine by Germany.");
    const chr_vgroup *g = vg(x, "deliver");
    assert_string_equal(vg_text(x, g), "were delivered");
    assert_int_equal(g->voice, CHR_VOICE_PASSIVE);
    assert_string_equal(np_text(x, clause_of(x, g)->subj), "Tanks");
    assert_int_equal(g->obj, -1);
    assert_string_equal(np_text(x, g->agent), "Germany");
    assert_string_equal(np_text(x, pp(x, "to")->np), "Ukraine");
    done(x);
}

static void test_receive_from_keeps_the_source_attachment(void **state)
{
    (void)state;
    parsed *x = parse("Ukraine received 200 missiles from the United States.");
    const chr_vgroup *g = vg(x, "receive");
    assert_string_equal(np_text(x, clause_of(x, g)->subj), "Ukraine");
    assert_string_equal(np_text(x, g->obj), "200 missiles");
    assert_true(x->p.nps[g->obj].flags & CHR_NPF_QUANT);
    assert_string_equal(np_text(x, pp(x, "from")->np), "the United States");
    assert_true(x->p.nps[pp(x, "from")->np].flags & CHR_NPF_PROPER);
    done(x);
}

static void test_bare_participle_before_by_is_a_passive_reduced_relative(void **state)
{
    (void)state;
    parsed *x = parse("Weapons supplied by Western countries reached the front line.");
    const chr_vgroup *s = vg(x, "supply");
    assert_true(s->flags & CHR_VGF_PARTICIPLE);
    assert_int_equal(s->voice, CHR_VOICE_PASSIVE);
    assert_int_equal(s->tense, CHR_TENSE_NONE);
    assert_string_equal(np_text(x, s->agent), "Western countries");
    const chr_vgroup *r = vg(x, "reach");
    assert_int_equal(r->tense, CHR_TENSE_PAST);
    assert_string_equal(np_text(x, clause_of(x, r)->subj), "Weapons");
    done(x);
}

/* ---- tense, aspect, modality, negation ------------------------------------------- */

static void test_verb_groups_read_tense_aspect_voice_and_modal(void **state)
{
    (void)state;
    static const struct {
        const char *sentence, *lemma, *group;
        int tense, aspect, voice, modal, neg;
    } cases[] = {
        {"Blinken will be visiting Poland.", "visit", "will be visiting",
         CHR_TENSE_FUTURE, CHR_ASPECT_PROGRESSIVE, CHR_VOICE_ACTIVE, CHR_MODAL_WILL, 0},
        {"The howitzers will be delivered next month.", "deliver", "will be delivered",
         CHR_TENSE_FUTURE, 0, CHR_VOICE_PASSIVE, CHR_MODAL_WILL, 0},
        {"Five soldiers have been killed.", "kill", "have been killed",
         CHR_TENSE_PRESENT, CHR_ASPECT_PERFECT, CHR_VOICE_PASSIVE, 0, 0},
        {"Hungary did not deliver the weapons.", "deliver", "did not deliver",
         CHR_TENSE_PAST, 0, CHR_VOICE_ACTIVE, 0, 1},
        {"Germany has never sent fighter jets.", "send", "has never sent",
         CHR_TENSE_PRESENT, CHR_ASPECT_PERFECT, CHR_VOICE_ACTIVE, 0, 1},
        {"Kyiv hasn't received the funds.", "receive", "hasn't received",
         CHR_TENSE_PRESENT, CHR_ASPECT_PERFECT, CHR_VOICE_ACTIVE, 0, 1},
        {"Poland could send more tanks.", "send", "could send",
         CHR_TENSE_PRESENT, 0, CHR_VOICE_ACTIVE, CHR_MODAL_COULD, 0},
        {"The convoy was being shelled.", "shell", "was being shelled",
         CHR_TENSE_PAST, CHR_ASPECT_PROGRESSIVE, CHR_VOICE_PASSIVE, 0, 0},
        {"Russia won't withdraw its troops.", "withdraw", "won't withdraw",
         CHR_TENSE_FUTURE, 0, CHR_VOICE_ACTIVE, CHR_MODAL_WILL, 1},
        {"The bridge had been destroyed.", "destroy", "had been destroyed",
         CHR_TENSE_PAST, CHR_ASPECT_PERFECT, CHR_VOICE_PASSIVE, 0, 0},
        {"Ukraine is receiving artillery shells.", "receive", "is receiving",
         CHR_TENSE_PRESENT, CHR_ASPECT_PROGRESSIVE, CHR_VOICE_ACTIVE, 0, 0},
        {"The ministry says that talks must continue.", "continue", "must continue",
         CHR_TENSE_PRESENT, 0, CHR_VOICE_ACTIVE, CHR_MODAL_MUST, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parsed *x = parse(cases[i].sentence);
        const chr_vgroup *g = vg(x, cases[i].lemma);
        if (strcmp(vg_text(x, g), cases[i].group) != 0 || g->tense != cases[i].tense ||
            g->aspect != cases[i].aspect || g->voice != cases[i].voice ||
            g->modal != cases[i].modal || !!(g->flags & CHR_VGF_NEG) != cases[i].neg)
            fail_msg("%s: got '%s' tense %s aspect %d voice %d modal %s neg %d",
                     cases[i].sentence, vg_text(x, g), chr_tense_name(g->tense), g->aspect,
                     g->voice, chr_modal_name(g->modal), !!(g->flags & CHR_VGF_NEG));
        done(x);
    }
}

static void test_contracted_modal_on_the_subject_counts(void **state)
{
    (void)state;
    parsed *x = parse("We'll send more tanks.");
    const chr_vgroup *g = vg(x, "send");
    assert_int_equal(g->modal, CHR_MODAL_WILL);
    assert_int_equal(g->tense, CHR_TENSE_FUTURE);
    assert_true(g->flags & CHR_VGF_CLITIC);
    assert_string_equal(np_text(x, clause_of(x, g)->subj), "We'll");
    done(x);
    x = parse("They've delivered the aid.");
    g = vg(x, "deliver");
    assert_int_equal(g->aspect, CHR_ASPECT_PERFECT);
    assert_int_equal(g->tense, CHR_TENSE_PRESENT);
    done(x);
}

/* ---- complements ---------------------------------------------------------------- */

static void test_infinitival_complement_is_linked_to_its_governor(void **state)
{
    (void)state;
    parsed *x = parse("The European Union agreed to provide ammunition to Ukraine.");
    const chr_vgroup *agree = vg(x, "agree"), *provide = vg(x, "provide");
    assert_string_equal(vg_text(x, provide), "to provide");
    assert_true(provide->flags & CHR_VGF_INF);
    assert_int_equal(provide->tense, CHR_TENSE_NONE);
    assert_int_equal(agree->comp, vg_index(x, provide));
    assert_int_equal(provide->gov, vg_index(x, agree));
    assert_string_equal(np_text(x, provide->obj), "ammunition");
    assert_string_equal(np_text(x, pp_n(x, "to", 1)->np), "Ukraine");
    assert_int_equal(pp_n(x, "to", 1)->vg, vg_index(x, provide));
    /* the preposition "to" after "ammunition" is not an infinitive */
    assert_int_equal(chr_parse_tag(&x->p, tok(x, "to", 1))->tag, CHR_T_ADP);
    assert_int_equal(chr_parse_tag(&x->p, tok(x, "to", 0))->tag, CHR_T_PART);
    const chr_clause *cl = clause_of(x, agree);
    assert_string_equal(np_text(x, cl->subj), "The European Union");
    assert_int_equal(cl->main_vg, vg_index(x, agree));
    assert_int_equal(provide->clause, agree->clause);
    done(x);
}

/* An adverb may stand between an auxiliary and its verb even when the word
 * could be a verb itself ("long"); "back" is a verb too. */
static void test_adverb_between_have_and_its_participle(void **state)
{
    (void)state;
    parsed *x = parse("Italy has long backed Kyiv.");
    const chr_vgroup *back = vg(x, "back");
    assert_int_equal(back->aspect & CHR_ASPECT_PERFECT, CHR_ASPECT_PERFECT);
    assert_int_equal(chr_parse_tag(&x->p, tok(x, "long", 0))->tag, CHR_T_ADV);
    assert_string_equal(np_text(x, back->obj), "Kyiv");
    done(x);
    x = parse("Russia has more tanks than Ukraine.");
    assert_int_equal(chr_parse_tag(&x->p, tok(x, "has", 0))->tag, CHR_T_VERB);
    done(x);
}

/* After a verb's particle or a preposition, -ing with a plural noun after
 * it is a verb with its object, not a noun. */
static void test_gerund_after_a_particle_or_a_preposition(void **state)
{
    (void)state;
    parsed *x = parse("Germany ruled out sending tanks to Ukraine.");
    const chr_vgroup *send = vg(x, "send");
    assert_true(send->flags & CHR_VGF_GERUND);
    assert_string_equal(np_text(x, send->obj), "tanks");
    done(x);
    x = parse("Berlin has no intention of sending jets to Kyiv.");
    send = vg(x, "send");
    assert_true(send->flags & CHR_VGF_GERUND);
    assert_string_equal(np_text(x, send->obj), "jets");
    done(x);
    /* "of" before a noun phrase keeps the -ing a noun: "the killing of" */
    x = parse("The killing of civilians was condemned.");
    assert_int_equal(chr_parse_tag(&x->p, tok(x, "killing", 0))->tag, CHR_T_NOUN);
    done(x);
}

static void test_object_control_links_across_the_object(void **state)
{
    (void)state;
    parsed *x = parse("Zelensky urged Germany to send more tanks.");
    const chr_vgroup *urge = vg(x, "urge"), *send = vg(x, "send");
    assert_string_equal(np_text(x, urge->obj), "Germany");
    assert_int_equal(urge->comp, vg_index(x, send));
    assert_string_equal(np_text(x, send->obj), "more tanks");
    done(x);
}

static void test_gerund_complement_after_modal_verb(void **state)
{
    (void)state;
    parsed *x = parse("The allies may consider sending long-range missiles.");
    const chr_vgroup *consider = vg(x, "consider"), *send = vg(x, "send");
    assert_string_equal(vg_text(x, consider), "may consider");
    assert_int_equal(consider->modal, CHR_MODAL_MAY);
    assert_true(send->flags & CHR_VGF_GERUND);
    assert_int_equal(consider->comp, vg_index(x, send));
    assert_string_equal(np_text(x, send->obj), "long-range missiles");
    done(x);
    x = parse("Moscow denied sending troops.");
    assert_int_equal(vg(x, "deny")->comp, vg_index(x, vg(x, "send")));
    assert_false(vg(x, "deny")->flags & CHR_VGF_NEG);    /* denial is lexical */
    done(x);
}

/* ---- report frames -------------------------------------------------------------- */

static void test_report_frame_with_that_clause_and_future_in_past(void **state)
{
    (void)state;
    parsed *x = parse("Poland announced that it would supply Ukraine with fighter jets.");
    const chr_vgroup *ann = vg(x, "announce"), *sup = vg(x, "supply");
    const chr_clause *frame = clause_of(x, ann), *content = clause_of(x, sup);
    assert_int_equal(frame->report, CHR_REPORT_VERB);
    assert_string_equal(np_text(x, frame->source), "Poland");
    assert_int_equal(content->kind, CHR_CL_COMPLEMENT);
    assert_int_equal(content->frame, ann->clause);
    assert_int_equal(content->parent, ann->clause);
    assert_string_equal(np_text(x, content->subj), "it");
    assert_int_equal(sup->modal, CHR_MODAL_WOULD);
    assert_int_equal(sup->tense, CHR_TENSE_FUTURE);
    assert_string_equal(np_text(x, sup->obj), "Ukraine");
    assert_string_equal(np_text(x, pp(x, "with")->np), "fighter jets");
    assert_int_equal(pp(x, "with")->vg, vg_index(x, sup));
    done(x);
}

static void test_report_frame_without_that(void **state)
{
    (void)state;
    parsed *x = parse("The ministry said Russia would withdraw its troops.");
    const chr_vgroup *w = vg(x, "withdraw");
    const chr_clause *content = clause_of(x, w);
    assert_int_equal(content->kind, CHR_CL_COMPLEMENT);
    assert_string_equal(np_text(x, content->subj), "Russia");
    assert_int_equal(content->frame, vg(x, "say")->clause);
    assert_string_equal(np_text(x, x->p.clauses[content->frame].source), "The ministry");
    done(x);
}

static void test_quotation_followed_by_its_frame(void **state)
{
    (void)state;
    parsed *x = parse("\"We will send more,\" the minister said.");
    const chr_vgroup *send = vg(x, "send"), *say = vg(x, "say");
    const chr_clause *quote = clause_of(x, send), *frame = clause_of(x, say);
    assert_int_equal(quote->kind, CHR_CL_QUOTE);
    assert_true(quote->quoted);
    assert_int_equal(quote->frame, say->clause);
    assert_string_equal(np_text(x, quote->subj), "We");
    assert_int_equal(send->modal, CHR_MODAL_WILL);
    assert_false(frame->quoted);
    assert_int_equal(frame->report, CHR_REPORT_VERB);
    assert_string_equal(np_text(x, frame->subj), "the minister");
    assert_string_equal(np_text(x, frame->source), "the minister");
    assert_true(chr_parse_tag(&x->p, tok(x, "\"", 0))->flags & CHR_PF_QOPEN);
    assert_true(chr_parse_tag(&x->p, tok(x, "\"", 1))->flags & CHR_PF_QCLOSE);
    done(x);
}

static void test_inverted_quotation_frame_takes_the_subject_after_the_verb(void **state)
{
    (void)state;
    parsed *x = parse("\"The shelling has not stopped,\" said the governor.");
    const chr_clause *frame = clause_of(x, vg(x, "say"));
    assert_int_equal(frame->report, CHR_REPORT_VERB);
    assert_string_equal(np_text(x, frame->subj), "the governor");
    assert_int_equal(frame->subj_how, CHR_SUBJ_INVERTED);
    const chr_clause *quote = clause_of(x, vg(x, "stop"));
    assert_int_equal(quote->frame, vg(x, "say")->clause);
    assert_true(vg(x, "stop")->flags & CHR_VGF_NEG);
    done(x);
}

static void test_frame_after_a_comma_reports_the_clause_before(void **state)
{
    (void)state;
    parsed *x = parse("Russia will send more troops to the border, the ministry said.");
    const chr_clause *content = clause_of(x, vg(x, "send"));
    const chr_clause *frame = clause_of(x, vg(x, "say"));
    assert_int_equal(content->frame, vg(x, "say")->clause);
    assert_string_equal(np_text(x, frame->source), "the ministry");
    done(x);
}

static void test_according_to_makes_its_clause_report_itself(void **state)
{
    (void)state;
    parsed *x = parse("More than 2,000 civilians have been killed in the conflict, "
                      "according to Ukraine's Emergency Services.");
    const chr_vgroup *kill = vg(x, "kill");
    const chr_clause *cl = clause_of(x, kill);
    assert_int_equal(cl->report, CHR_REPORT_ACCORDING);
    assert_string_equal(np_text(x, cl->source), "Ukraine's Emergency Services");
    assert_string_equal(np_text(x, cl->subj), "More than 2,000 civilians");
    const chr_np *subj = &x->p.nps[cl->subj];
    assert_true(subj->flags & CHR_NPF_QUANT);
    assert_int_equal(subj->num, tok(x, "2,000", 0));
    assert_int_equal(subj->head, tok(x, "civilians", 0));
    assert_string_equal(vg_text(x, kill), "have been killed");
    assert_int_equal(kill->voice, CHR_VOICE_PASSIVE);
    assert_int_equal(kill->aspect, CHR_ASPECT_PERFECT);
    done(x);
}

/* ---- subjects ----------------------------------------------------------------- */

static void test_subject_with_title_skips_inserted_adverbial(void **state)
{
    (void)state;
    parsed *x = parse("US Secretary of State Antony Blinken, on Wednesday, announced that he "
                      "will be visiting Latvia, Lithuania and Estonia.");
    const chr_vgroup *ann = vg(x, "announce"), *visit = vg(x, "visit");
    const chr_clause *frame = clause_of(x, ann);
    assert_string_equal(np_text(x, frame->subj), "US Secretary of State Antony Blinken");
    assert_int_equal(x->p.nps[frame->subj].head, tok(x, "Blinken", 0));
    assert_int_equal(ann->tense, CHR_TENSE_PAST);
    assert_int_equal(frame->report, CHR_REPORT_VERB);
    const chr_clause *content = clause_of(x, visit);
    assert_string_equal(np_text(x, content->subj), "he");
    assert_int_equal(content->frame, ann->clause);
    assert_int_equal(visit->aspect, CHR_ASPECT_PROGRESSIVE);
    const chr_np *obj = &x->p.nps[visit->obj];
    assert_true(obj->flags & CHR_NPF_LIST);
    assert_int_equal(obj->nconj, 3);
    done(x);
}

static void test_fronted_adverbials_are_not_subjects(void **state)
{
    (void)state;
    static const struct { const char *sentence, *lemma, *subject; } cases[] = {
        {"Last week, Germany pledged new air defence systems.", "pledge", "Germany"},
        {"Meanwhile, on Sunday, the alliance agreed to send more troops.", "agree", "the alliance"},
        {"According to officials, Russia fired 30 missiles overnight.", "fire", "Russia"},
        {"In a statement, the White House announced new sanctions.", "announce", "the White House"},
        {"Antony Blinken, the Secretary of State, arrived in Kyiv.", "arrive", "Antony Blinken"},
        {"On Tuesday the parliament approved the loan.", "approve", "the parliament"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parsed *x = parse(cases[i].sentence);
        const char *got = np_text(x, clause_of(x, vg(x, cases[i].lemma))->subj);
        if (strcmp(got, cases[i].subject) != 0)
            fail_msg("%s: subject '%s'", cases[i].sentence, got);
        done(x);
    }
}

static void test_relative_clause_subject_is_its_antecedent(void **state)
{
    (void)state;
    parsed *x = parse("Officials praised the second round of talks which took place in Istanbul.");
    const chr_clause *rel = clause_of(x, vg(x, "take"));
    assert_int_equal(rel->kind, CHR_CL_RELATIVE);
    assert_string_equal(np_text(x, rel->subj), "talks");
    assert_int_equal(rel->subj_how, CHR_SUBJ_ANTECEDENT);
    assert_int_equal(rel->parent, vg(x, "praise")->clause);
    assert_true(chr_parse_tag(&x->p, tok(x, "which", 0))->flags & CHR_PF_REL);
    done(x);
}

static void test_object_relative_keeps_its_own_subject(void **state)
{
    (void)state;
    parsed *x = parse("The tanks that Germany sent arrived on Monday.");
    const chr_clause *rel = clause_of(x, vg(x, "send"));
    assert_int_equal(rel->kind, CHR_CL_RELATIVE);
    assert_string_equal(np_text(x, rel->subj), "Germany");
    assert_string_equal(np_text(x, rel->antecedent), "The tanks");
    /* the outer clause resumes after the relative clause */
    const chr_vgroup *arrive = vg(x, "arrive");
    assert_int_equal(arrive->tense, CHR_TENSE_PAST);
    assert_string_equal(np_text(x, clause_of(x, arrive)->subj), "The tanks");
    done(x);
}

static void test_sentence_resumes_after_a_relative_clause(void **state)
{
    (void)state;
    parsed *x = parse("The talks, which took place in Belarus, ended without an agreement.");
    const chr_clause *rel = clause_of(x, vg(x, "take"));
    assert_string_equal(np_text(x, rel->subj), "The talks");
    const chr_clause *main = clause_of(x, vg(x, "end"));
    assert_string_equal(np_text(x, main->subj), "The talks");
    assert_int_equal(main->subj_how, CHR_SUBJ_SHARED);
    done(x);
    x = parse("The second round of talks which took place late on Wednesday ended without result.");
    assert_string_equal(np_text(x, clause_of(x, vg(x, "take"))->subj), "talks");
    assert_int_equal(vg(x, "end")->tense, CHR_TENSE_PAST);
    assert_string_equal(np_text(x, clause_of(x, vg(x, "end"))->subj), "The second round");
    done(x);
}

/* ---- coordination --------------------------------------------------------------- */

static void test_coordinated_clauses_split_before_a_new_subject_and_verb(void **state)
{
    (void)state;
    parsed *x = parse("Germany sent tanks and Poland sent fighter jets.");
    assert_int_equal(x->p.nvg, 2);
    const chr_vgroup *a = &x->p.vgs[0], *b = &x->p.vgs[1];
    assert_string_equal(np_text(x, a->obj), "tanks");
    assert_false(x->p.nps[a->obj].flags & CHR_NPF_LIST);
    const chr_clause *second = clause_of(x, b);
    assert_int_equal(second->kind, CHR_CL_COORD);
    assert_string_equal(np_text(x, second->subj), "Poland");
    assert_string_equal(np_text(x, b->obj), "fighter jets");
    done(x);
}

static void test_coordinated_verbs_share_the_subject(void **state)
{
    (void)state;
    parsed *x = parse("Russian forces shelled the city and destroyed two bridges.");
    const chr_clause *second = clause_of(x, vg(x, "destroy"));
    assert_int_equal(second->kind, CHR_CL_COORD);
    assert_string_equal(np_text(x, second->subj), "Russian forces");
    assert_int_equal(second->subj_how, CHR_SUBJ_SHARED);
    assert_string_equal(np_text(x, vg(x, "destroy")->obj), "two bridges");
    done(x);
}

static void test_participle_clause_after_comma_shares_the_subject(void **state)
{
    (void)state;
    parsed *x = parse("Missiles struck Kyiv overnight, killing five people.");
    const chr_vgroup *kill = vg(x, "kill");
    const chr_clause *cl = clause_of(x, kill);
    assert_int_equal(cl->kind, CHR_CL_ADVERBIAL);
    assert_string_equal(np_text(x, cl->subj), "Missiles");
    assert_string_equal(np_text(x, kill->obj), "five people");
    done(x);
}

static void test_subordinate_clause_gets_its_own_subject(void **state)
{
    (void)state;
    parsed *x = parse("Washington delivered missiles as the Russian troops moved closer to the capital.");
    const chr_clause *adv = clause_of(x, vg(x, "move"));
    assert_int_equal(adv->kind, CHR_CL_ADVERBIAL);
    assert_string_equal(np_text(x, adv->subj), "the Russian troops");
    assert_int_equal(adv->parent, vg(x, "deliver")->clause);
    done(x);
    x = parse("Because Russia attacked the port, the exports stopped.");
    const chr_clause *first = clause_of(x, vg(x, "attack"));
    assert_int_equal(first->kind, CHR_CL_ADVERBIAL);
    assert_int_equal(first->parent, vg(x, "stop")->clause);
    assert_string_equal(np_text(x, clause_of(x, vg(x, "stop"))->subj), "the exports");
    done(x);
}

/* ---- noun phrases ---------------------------------------------------------------- */

static void test_list_of_conjuncts_is_one_phrase_with_members(void **state)
{
    (void)state;
    parsed *x = parse("Blinken will be visiting Belgium, Poland, Moldova, Latvia, Lithuania and Estonia.");
    const chr_vgroup *g = vg(x, "visit");
    int32_t l = g->obj;
    const chr_np *list = &x->p.nps[l];
    assert_true(list->flags & CHR_NPF_LIST);
    assert_int_equal(list->nconj, 6);
    assert_int_equal(list->cconj, tok(x, "and", 0));
    const char *names[] = {"Belgium", "Poland", "Moldova", "Latvia", "Lithuania", "Estonia"};
    for (uint32_t i = 0; i < 6; i++) {
        assert_string_equal(np_text(x, l + 1 + (int32_t)i), names[i]);
        assert_int_equal(x->p.nps[l + 1 + i].parent, l);
    }
    assert_int_equal(chr_parse_np_at(&x->p, tok(x, "Moldova", 0)), l);
    done(x);
}

static void test_possessive_chain_is_one_phrase(void **state)
{
    (void)state;
    parsed *x = parse("Ukraine's Emergency Services reported new casualties.");
    const chr_clause *cl = clause_of(x, vg(x, "report"));
    assert_string_equal(np_text(x, cl->subj), "Ukraine's Emergency Services");
    const chr_np *np = &x->p.nps[cl->subj];
    assert_int_equal(np->head, tok(x, "Services", 0));
    assert_int_equal(np->poss, tok(x, "'s", 0));
    assert_true(tag(x, "'s")->flags & CHR_PF_POSS);
    done(x);
}

static void test_hyphen_glued_words_form_one_modifier(void **state)
{
    (void)state;
    parsed *x = parse("Germany will supply 500 anti-aircraft missiles to Kyiv.");
    const chr_vgroup *g = vg(x, "supply");
    assert_string_equal(np_text(x, g->obj), "500 anti-aircraft missiles");
    assert_int_equal(x->p.nps[g->obj].head, tok(x, "missiles", 0));
    assert_true(tag(x, "anti")->flags & CHR_PF_GLUED);
    assert_int_equal(x->p.nvg, 1);
    done(x);
    /* a participle inside a compound is a modifier, not a verb */
    x = parse("Russian-backed separatists attacked the town.");
    assert_int_equal(x->p.nvg, 1);
    assert_string_equal(np_text(x, clause_of(x, vg(x, "attack"))->subj), "Russian-backed separatists");
    done(x);
    /* spaced hyphens are dashes, not glue */
    x = parse("The town - a rail hub - was shelled.");
    assert_false(tag(x, "town")->flags & CHR_PF_GLUED);
    done(x);
}

static void test_number_qualifiers_stay_in_the_phrase(void **state)
{
    (void)state;
    static const struct { const char *sentence, *object; } cases[] = {
        {"Washington sent over 200 missiles.", "over 200 missiles"},
        {"Russia fired at least 40 drones.", "at least 40 drones"},
        {"The fund received some $500 million.", "some $500 million"},
        {"Poland took in more than a million refugees.", "more than a million refugees"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parsed *x = parse(cases[i].sentence);
        const chr_vgroup *g = &x->p.vgs[0];
        const char *got = np_text(x, g->obj);
        if (strcmp(got, cases[i].object) != 0)
            fail_msg("%s: object '%s'", cases[i].sentence, got);
        assert_true(x->p.nps[g->obj].flags & CHR_NPF_QUANT);
        done(x);
    }
}

/* ---- tagging ----------------------------------------------------------------------- */

static void test_nouns_and_verbs_are_told_apart_by_context(void **state)
{
    (void)state;
    static const struct { const char *sentence, *word; int tag, vform; } cases[] = {
        {"The attacks killed 12 people.", "attacks", CHR_T_NOUN, 0},
        {"The attacks killed 12 people.", "killed", CHR_T_VERB, CHR_VF_PAST},
        {"Russia attacks Ukraine's ports.", "attacks", CHR_T_VERB, CHR_VF_PRES3},
        {"Russian drones hit the port.", "drones", CHR_T_NOUN, 0},
        {"Russian drones hit the port.", "hit", CHR_T_VERB, CHR_VF_PAST},
        {"NATO allies said the aid would arrive.", "allies", CHR_T_NOUN, 0},
        {"NATO allies said the aid would arrive.", "aid", CHR_T_NOUN, 0},
        {"NATO allies said the aid would arrive.", "arrive", CHR_T_VERB, CHR_VF_BASE},
        {"Their leaders share the same goals.", "share", CHR_T_VERB, CHR_VF_BASE},
        {"Russia has amassed tanks, artillery, ships and combat aircraft.", "ships", CHR_T_NOUN, 0},
        {"Putin traveled to Beijing and met with President Xi.", "met", CHR_T_VERB, CHR_VF_PAST},
        {"The mission is only keeping a core staff.", "keeping", CHR_T_VERB, CHR_VF_GERUND},
        {"The weapons came from Baltic states to Ukraine.", "states", CHR_T_NOUN, 0},
        {"Ukrainian armed forces repelled the attack.", "armed", CHR_T_ADJ, 0},
        {"Ukrainian armed forces repelled the attack.", "repelled", CHR_T_VERB, CHR_VF_PAST},
        {"The destroyed bridge was rebuilt.", "destroyed", CHR_T_ADJ, 0},
        {"Invasion fears grew over the past week.", "past", CHR_T_ADJ, 0},
        {"They want to start a conflict using someone else.", "using", CHR_T_VERB, CHR_VF_GERUND},
        {"Political will is lacking.", "will", CHR_T_NOUN, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parsed *x = parse(cases[i].sentence);
        const chr_ptag *t = tag(x, cases[i].word);
        if (t->tag != cases[i].tag || (cases[i].vform && t->vform != cases[i].vform))
            fail_msg("%s: '%s' is %s:%s", cases[i].sentence, cases[i].word,
                     chr_tag_name(t->tag), chr_vform_name(t->vform));
        done(x);
    }
}

static void test_verb_lemmas_come_with_the_tags(void **state)
{
    (void)state;
    parsed *x = parse("Troops fled as the army struck and met no resistance.");
    const chr_ptag *fled = tag(x, "fled"), *struck = tag(x, "struck"), *met = tag(x, "met");
    assert_int_equal(fled->tag, CHR_T_VERB);
    assert_int_equal(fled->lemma_len, 4);
    assert_memory_equal(fled->lemma, "flee", 4);
    assert_memory_equal(struck->lemma, "strike", 6);
    assert_memory_equal(met->lemma, "meet", 4);
    const chr_ptag *troops = tag(x, "Troops");
    assert_int_equal(troops->tag, CHR_T_NOUN);
    done(x);
}

static void test_to_is_infinitive_before_a_verb_and_preposition_before_a_noun(void **state)
{
    (void)state;
    parsed *x = parse("He went to Kyiv to meet the president.");
    assert_int_equal(chr_parse_tag(&x->p, tok(x, "to", 0))->tag, CHR_T_ADP);
    const chr_ptag *inf = chr_parse_tag(&x->p, tok(x, "to", 1));
    assert_int_equal(inf->tag, CHR_T_PART);
    assert_true(inf->flags & CHR_PF_INFTO);
    assert_string_equal(vg_text(x, vg(x, "meet")), "to meet");
    done(x);
}

static void test_capitals_mid_sentence_make_names(void **state)
{
    (void)state;
    parsed *x = parse("Talks may resume in May, officials in Kyiv said.");
    assert_int_equal(tag(x, "may")->tag, CHR_T_MODAL);
    assert_int_equal(tag(x, "May")->tag, CHR_T_PROPN);
    assert_int_equal(tag(x, "Kyiv")->tag, CHR_T_PROPN);
    assert_true(tag(x, "Kyiv")->flags & CHR_PF_CAPWORD);
    done(x);
    x = parse("The US and the EU announced new sanctions.");
    assert_int_equal(tag(x, "US")->tag, CHR_T_PROPN);   /* not the pronoun "us" */
    done(x);
}

static void test_that_is_told_apart_by_its_neighbours(void **state)
{
    (void)state;
    parsed *x = parse("Officials said that the weapons that arrived in that city were old.");
    assert_int_equal(chr_parse_tag(&x->p, tok(x, "that", 0))->tag, CHR_T_SCONJ);
    const chr_ptag *rel = chr_parse_tag(&x->p, tok(x, "that", 1));
    assert_int_equal(rel->tag, CHR_T_PRON);
    assert_true(rel->flags & CHR_PF_REL);
    assert_int_equal(chr_parse_tag(&x->p, tok(x, "that", 2))->tag, CHR_T_DET);
    done(x);
}

/* ---- robustness -------------------------------------------------------------------- */

static void test_long_run_on_sentence_parses_completely(void **state)
{
    (void)state;
    /* 30,000 coordinated clauses and no full stop: every pass must stay
       linear for this to finish at all */
    const char *unit = "Russia sent tanks, Poland delivered jets and Germany pledged guns, ";
    size_t reps = 10000, ul = strlen(unit);
    char *s = malloc(reps * ul + 1);
    assert_non_null(s);
    for (size_t i = 0; i < reps; i++) memcpy(s + i * ul, unit, ul);
    s[reps * ul] = '\0';
    parsed *x = calloc(1, sizeof *x);
    chr_arena_init(&x->a, 1 << 20);
    x->t = tu_text(&x->a, s);
    uint32_t groups = 0;
    for (uint32_t i = 0; i < x->t.nsents; i++) {
        assert_int_equal(chr_parse_sentence(lx, &x->t, i, &x->a, &x->p), CHR_OK);
        groups += x->p.nvg;
    }
    assert_int_equal(groups, 3 * reps);
    done(x);
    free(s);
}

static void test_sentence_ending_in_a_colon_opens_no_empty_clause(void **state)
{
    (void)state;
    const char *cases[] = {
        "The ministry listed the losses:",
        "The talks ended;",
        "\"We will not stop,\"",
        "He said:",
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        parsed *x = parse(cases[i]);
        assert_true(x->p.ncl >= 1);
        done(x);                /* checks that clauses tile the sentence */
    }
}

static void test_sentence_index_out_of_range_is_a_usage_error(void **state)
{
    (void)state;
    parsed *x = parse("Kyiv was quiet.");
    chr_parse p;
    assert_int_equal(chr_parse_sentence(lx, &x->t, 5, &x->a, &p), CHR_EUSAGE);
    done(x);
}

static void test_closed_class_structure_survives_without_wordnet(void **state)
{
    (void)state;
    chr_lexicon *bare;
    chr_error err;
    const char *d = getenv("CHRONICLE_DATA");
    assert_int_equal(chr_lexicon_open(&bare, d && *d ? d : "data", "/nonexistent", &err), CHR_OK);
    parsed *x = parse_with(bare, "Hungary did not deliver the weapons that Kyiv requested.");
    const chr_vgroup *g = &x->p.vgs[0];
    assert_string_equal(vg_text(x, g), "did not deliver");
    assert_true(g->flags & CHR_VGF_NEG);
    assert_int_equal(g->tense, CHR_TENSE_PAST);
    assert_int_equal(x->p.clauses[1].kind, CHR_CL_RELATIVE);
    done(x);
    x = parse_with(bare, "Poland will send jets to Ukraine.");
    assert_int_equal(vg(x, "send")->modal, CHR_MODAL_WILL);
    assert_string_equal(np_text(x, pp(x, "to")->np), "Ukraine");
    done(x);
    chr_lexicon_close(bare);
}

/* ---- sentences not worth parsing ----------------------------------------------- */

/* A lexicon whose words "send" and "meeting" carry mark 1 and "kill" mark 2. */
static chr_lexicon *marked_lexicon(void)
{
    if (!chr_lexicon_has_wordnet(lx)) skip();
    const char *d = getenv("CHRONICLE_DATA");
    chr_lexicon *m;
    chr_error err;
    assert_int_equal(chr_lexicon_open(&m, d && *d ? d : "data", NULL, &err), CHR_OK);
    const char *w[] = {"send", "meeting", "kill"};
    const uint32_t k[] = {CHR_LF_MARK1, CHR_LF_MARK1, CHR_LF_MARK2};
    assert_int_equal(chr_lexicon_mark(m, w, k, 3), CHR_OK);
    return m;
}

/* chr_parse_sentence_if() of s with want: its status; the parse, when
 * there is one, is the plain parse's. */
static int parse_if(const chr_lexicon *m, const char *s, uint32_t want)
{
    chr_arena a;
    chr_arena_init(&a, 1 << 16);
    chr_text t = tu_text(&a, s);
    assert_int_equal(t.nsents, 1);
    size_t before = a.total;
    chr_parse p, q;
    int rc = chr_parse_sentence_if(m, &t, 0, want, &a, &p);
    if (rc == CHR_DONE) {
        assert_null(p.tags);
        assert_int_equal(p.nvg + p.nnp + p.ncl, 0);
        assert_int_equal(a.total, before);      /* nothing left behind */
    } else {
        assert_int_equal(rc, CHR_OK);
        assert_int_equal(chr_parse_sentence(lx, &t, 0, &a, &q), CHR_OK);
        assert_int_equal(p.nvg, q.nvg);
        assert_int_equal(p.nnp, q.nnp);
        assert_int_equal(p.ncl, q.ncl);
        for (uint32_t k = p.tok_begin; k < p.tok_end; k++) {
            const chr_ptag *x = chr_parse_tag(&p, k), *y = chr_parse_tag(&q, k);
            assert_int_equal(x->tag, y->tag);
            assert_int_equal(x->feats, y->feats);
            assert_int_equal(x->lemma_len, y->lemma_len);
        }
    }
    chr_arena_free(&a);
    return rc;
}

static void test_a_sentence_without_wanted_words_is_not_parsed(void **state)
{
    (void)state;
    chr_lexicon *m = marked_lexicon();
    assert_int_equal(parse_if(m, "The weather was mild in the north of the country.", CHR_LF_MARK1),
                     CHR_DONE);
    /* the words in any inflection */
    assert_int_equal(parse_if(m, "Britain sent tanks to Ukraine.", CHR_LF_MARK1), CHR_OK);
    assert_int_equal(parse_if(m, "Britain is sending tanks to Ukraine.", CHR_LF_MARK1), CHR_OK);
    assert_int_equal(parse_if(m, "The meetings took place in Paris.", CHR_LF_MARK1), CHR_OK);
    assert_int_equal(parse_if(m, "SENDING TANKS WAS DISCUSSED.", CHR_LF_MARK1), CHR_OK);
    /* a word of another mark does not count, unless wanted */
    assert_int_equal(parse_if(m, "Two people were killed.", CHR_LF_MARK1), CHR_DONE);
    assert_int_equal(parse_if(m, "Two people were killed.", CHR_LF_MARK1 | CHR_LF_MARK2), CHR_OK);
    /* everything, whatever the marks */
    assert_int_equal(parse_if(m, "The weather was mild.", CHR_WANT_ALL), CHR_OK);
    chr_lexicon_close(m);
    /* a lexicon without marks parses every sentence */
    assert_int_equal(parse_if(lx, "The weather was mild.", CHR_LF_MARK1), CHR_OK);
}

static void test_be_before_in_makes_a_sentence_worth_parsing(void **state)
{
    (void)state;
    chr_lexicon *m = marked_lexicon();
    uint32_t want = CHR_LF_MARK1 | CHR_WANT_BE_IN;
    assert_int_equal(parse_if(m, "Japan's Prime Minister Fumio Kishida is in Kyiv.", want), CHR_OK);
    assert_int_equal(parse_if(m, "The ministers were in Warsaw on Monday.", want), CHR_OK);
    assert_int_equal(parse_if(m, "They're in Kyiv.", want), CHR_OK);
    assert_int_equal(parse_if(m, "He's in Moscow.", want), CHR_OK);
    assert_int_equal(parse_if(m, "Kishida is in Kyiv.", CHR_LF_MARK1), CHR_DONE);
    assert_int_equal(parse_if(m, "Kishida arrived in Kyiv.", want), CHR_DONE);
    chr_lexicon_close(m);
}

/* A trigger of two words ("hold talks") marks "hold" with mark 5 and "talk"
 * with mark 6: a sentence is worth parsing for it only where both stand. */
static void test_both_words_of_a_two_word_trigger_are_needed(void **state)
{
    (void)state;
    if (!chr_lexicon_has_wordnet(lx)) skip();
    const char *d = getenv("CHRONICLE_DATA");
    chr_lexicon *m;
    chr_error err;
    assert_int_equal(chr_lexicon_open(&m, d && *d ? d : "data", NULL, &err), CHR_OK);
    const char *w[] = {"hold", "talk"};
    const uint32_t k[] = {CHR_LF_MARK5, CHR_LF_MARK6};
    assert_int_equal(chr_lexicon_mark(m, w, k, 2), CHR_OK);
    uint32_t want = CHR_LF_MARK1 | CHR_WANT_MARK5_IF_MARK6;
    assert_int_equal(parse_if(m, "Kyiv held talks with Warsaw.", want), CHR_OK);
    assert_int_equal(parse_if(m, "The talks were held in Warsaw.", want), CHR_OK);
    assert_int_equal(parse_if(m, "Ukraine held the city for a month.", want), CHR_DONE);
    assert_int_equal(parse_if(m, "The talks ended.", want), CHR_DONE);
    /* without the pair wanted, the first word alone is not enough either */
    assert_int_equal(parse_if(m, "Kyiv held talks with Warsaw.", CHR_LF_MARK1), CHR_DONE);
    chr_lexicon_close(m);
}

static void test_dump_shows_tags_phrases_groups_and_clauses(void **state)
{
    (void)state;
    parsed *x = parse("Germany announced that it would supply tanks.");
    chr_buf b = CHR_BUF_INIT;
    chr_parse_dump(&x->t, &x->p, &b);
    assert_non_null(b.data);
    assert_non_null(strstr(b.data, "announced/VERB:past(announce)"));
    assert_non_null(strstr(b.data, "np0 \"Germany\""));
    assert_non_null(strstr(b.data, "\"would supply\" head=supply future"));
    assert_non_null(strstr(b.data, "modal=would"));
    assert_non_null(strstr(b.data, "clause1 complement"));
    assert_non_null(strstr(b.data, "frame=clause0"));
    chr_buf_free(&b);
    done(x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_active_clause_has_subject_object_and_to_recipient),
        cmocka_unit_test(test_passive_with_recipient_subject_keeps_theme_and_agent),
        cmocka_unit_test(test_passive_with_theme_subject_has_by_agent),
        cmocka_unit_test(test_receive_from_keeps_the_source_attachment),
        cmocka_unit_test(test_bare_participle_before_by_is_a_passive_reduced_relative),
        cmocka_unit_test(test_verb_groups_read_tense_aspect_voice_and_modal),
        cmocka_unit_test(test_contracted_modal_on_the_subject_counts),
        cmocka_unit_test(test_infinitival_complement_is_linked_to_its_governor),
        cmocka_unit_test(test_object_control_links_across_the_object),
        cmocka_unit_test(test_gerund_after_a_particle_or_a_preposition),
        cmocka_unit_test(test_adverb_between_have_and_its_participle),
        cmocka_unit_test(test_gerund_complement_after_modal_verb),
        cmocka_unit_test(test_report_frame_with_that_clause_and_future_in_past),
        cmocka_unit_test(test_report_frame_without_that),
        cmocka_unit_test(test_quotation_followed_by_its_frame),
        cmocka_unit_test(test_inverted_quotation_frame_takes_the_subject_after_the_verb),
        cmocka_unit_test(test_frame_after_a_comma_reports_the_clause_before),
        cmocka_unit_test(test_according_to_makes_its_clause_report_itself),
        cmocka_unit_test(test_subject_with_title_skips_inserted_adverbial),
        cmocka_unit_test(test_fronted_adverbials_are_not_subjects),
        cmocka_unit_test(test_relative_clause_subject_is_its_antecedent),
        cmocka_unit_test(test_object_relative_keeps_its_own_subject),
        cmocka_unit_test(test_sentence_resumes_after_a_relative_clause),
        cmocka_unit_test(test_coordinated_clauses_split_before_a_new_subject_and_verb),
        cmocka_unit_test(test_coordinated_verbs_share_the_subject),
        cmocka_unit_test(test_participle_clause_after_comma_shares_the_subject),
        cmocka_unit_test(test_subordinate_clause_gets_its_own_subject),
        cmocka_unit_test(test_list_of_conjuncts_is_one_phrase_with_members),
        cmocka_unit_test(test_possessive_chain_is_one_phrase),
        cmocka_unit_test(test_hyphen_glued_words_form_one_modifier),
        cmocka_unit_test(test_number_qualifiers_stay_in_the_phrase),
        cmocka_unit_test(test_nouns_and_verbs_are_told_apart_by_context),
        cmocka_unit_test(test_verb_lemmas_come_with_the_tags),
        cmocka_unit_test(test_to_is_infinitive_before_a_verb_and_preposition_before_a_noun),
        cmocka_unit_test(test_capitals_mid_sentence_make_names),
        cmocka_unit_test(test_that_is_told_apart_by_its_neighbours),
        cmocka_unit_test(test_long_run_on_sentence_parses_completely),
        cmocka_unit_test(test_sentence_ending_in_a_colon_opens_no_empty_clause),
        cmocka_unit_test(test_sentence_index_out_of_range_is_a_usage_error),
        cmocka_unit_test(test_closed_class_structure_survives_without_wordnet),
        cmocka_unit_test(test_a_sentence_without_wanted_words_is_not_parsed),
        cmocka_unit_test(test_be_before_in_makes_a_sentence_worth_parsing),
        cmocka_unit_test(test_both_words_of_a_two_word_trigger_are_needed),
        cmocka_unit_test(test_dump_shows_tags_phrases_groups_and_clauses),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
