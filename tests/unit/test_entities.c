/*
 * test_entities.c - finding actors, places, items and sources in text
 * (src/analyze/entities.c) with the bundled dictionaries.
 *
 * Each test reads like the sentence it checks: the text, then the mentions
 * expected in it as "kind|text|code or country|role or class".
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "analyze/kb.h"

static chr_kb *kb;

static int load(void **state)
{
    (void)state;
    chr_error err;
    memset(&err, 0, sizeof err);
    if (chr_kb_open_bundled(&kb, "data", NULL, 0, &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_entities");
        return -1;
    }
    return 0;
}

static int unload(void **state)
{
    (void)state;
    chr_kb_close(kb);
    return 0;
}

typedef struct found {
    chr_arena a;
    chr_text t;
    chr_mentions ms;
} found;

static void find(found *f, const chr_kb *k, const char *text)
{
    chr_arena_init(&f->a, 16 * 1024);
    f->t = tu_text(&f->a, text);
    memset(&f->ms, 0, sizeof f->ms);
    assert_int_equal(chr_entities_find(k, &f->t, &f->a, &f->ms), 0);
}

static void done(found *f) { chr_arena_free(&f->a); }

static int kind_of(const char *name)
{
    for (int k = CHR_M_ACTOR; k <= CHR_M_SOURCE; k++)
        if (strcmp(chr_mention_kind_name(k), name) == 0) return k;
    return 0;
}

/* "kind|text|code|role" for a mention, as the tables below write them:
 * actors: code and role; places: country; items: class and system name (or
 * "-" for a generic item); sources: source kind. */
static void describe(const found *f, const chr_mention *m, char *out, size_t cap)
{
    const chr_entry *e = m->u.entry;
    int len = (int)(m->end - m->start);
    const char *text = f->t.norm + m->start;
    switch (m->kind) {
    case CHR_M_ACTOR:
        snprintf(out, cap, "actor|%.*s|%s|%s", len, text, e->code, chr_role_name(chr_mention_role(m)));
        break;
    case CHR_M_PLACE:
        snprintf(out, cap, "place|%.*s|%s", len, text, e->country);
        break;
    case CHR_M_ITEM:
        snprintf(out, cap, "item|%.*s|%s|%s", len, text, chr_item_class_name(e->item_class),
                 e->generic ? "-" : e->name);
        break;
    default:
        snprintf(out, cap, "source|%.*s|%s", len, text,
                 chr_source_kind_name(chr_mention_source_kind(m)));
    }
}

/* Does f hold a mention described exactly as want? */
static const chr_mention *has(const found *f, const char *want)
{
    char buf[512];
    for (size_t i = 0; i < f->ms.n; i++) {
        describe(f, &f->ms.v[i], buf, sizeof buf);
        if (strcmp(buf, want) == 0) return &f->ms.v[i];
    }
    return NULL;
}

/* Is there any mention of this kind whose text is text? */
static int any(const found *f, const char *kind, const char *text)
{
    int k = kind_of(kind);
    for (size_t i = 0; i < f->ms.n; i++) {
        const chr_mention *m = &f->ms.v[i];
        if (m->kind == k && strlen(text) == m->end - m->start &&
            memcmp(f->t.norm + m->start, text, m->end - m->start) == 0)
            return 1;
    }
    return 0;
}

static void show(const found *f)
{
    char buf[512];
    for (size_t i = 0; i < f->ms.n; i++) {
        describe(f, &f->ms.v[i], buf, sizeof buf);
        fprintf(stderr, "    %s\n", buf);
    }
}

typedef struct expect_case {
    const char *text;
    const char *want[8];        /* mentions that must be there */
    const char *not[4];         /* "kind|text" that must not */
} expect_case;

static void run_cases(const expect_case *cases, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        found f;
        find(&f, kb, cases[i].text);
        for (size_t j = 0; j < 8 && cases[i].want[j]; j++) {
            if (!has(&f, cases[i].want[j])) {
                fprintf(stderr, "  in \"%s\" found:\n", cases[i].text);
                show(&f);
                fail_msg("missing %s", cases[i].want[j]);
            }
        }
        for (size_t j = 0; j < 4 && cases[i].not[j]; j++) {
            char kind[16];
            const char *bar = strchr(cases[i].not[j], '|');
            snprintf(kind, sizeof kind, "%.*s", (int)(bar - cases[i].not[j]), cases[i].not[j]);
            if (any(&f, kind, bar + 1)) {
                show(&f);
                fail_msg("in \"%s\": unexpected %s", cases[i].text, cases[i].not[j]);
            }
        }
        done(&f);
    }
}

/* ---- the seed article's entities, in sentences of our own ----------------------- */

static const expect_case SEED[] = {
    {"The United States sent stinger missiles to Ukraine as Russian troops moved closer to Kyiv.",
     {"actor|The United States|USA|GOV", "place|The United States|USA",
      "item|stinger missiles|air-defence|Stinger", "actor|Ukraine|UKR|GOV",
      "actor|Russian troops|RUS|MIL", "place|Kyiv|UKR", "actor|Kyiv|UKR|GOV"}, {0}},
    {"According to NBC News, Washington sent more of them.",
     {"source|NBC News|media", "actor|Washington|USA|GOV"}, {0}},
    {"The Russian invasion goes on.", {"actor|Russian|RUS|GOV"}, {"actor|The Russian"}},
    {"Last week, the White House announced a package for Ukraine.",
     {"actor|the White House|USA|GOV", "source|the White House|government"}, {0}},
    {"The package includes Javelin anti-tank missiles and ammunition.",
     {"item|Javelin anti-tank missiles|anti-tank|Javelin", "item|ammunition|ammunition|-"}, {0}},
    {"The aid came under the US Foreign Assistance Act for Ukraine's defence.",
     {"actor|Ukraine|UKR|GOV"}, {"actor|US", "actor|the US", "place|US"}},
    {"Germany will supply 1,000 anti-tank weapons and 500 anti-aircraft stingers missiles.",
     {"actor|Germany|DEU|GOV", "item|anti-tank weapons|anti-tank|-",
      "item|anti-aircraft stingers missiles|air-defence|Stinger"}, {0}},
    {"Anadolu News Agency quoted the government spokesperson Steffen Hebestreit.",
     {"source|Anadolu News Agency|media", "actor|government spokesperson Steffen Hebestreit|DEU|GOV",
      "source|government spokesperson Steffen Hebestreit|government"}, {0}},
    {"The European Union will fund arms for the Ukrainian military.",
     {"actor|The European Union|EU|IGO", "actor|the Ukrainian military|UKR|MIL"}, {0}},
    {"US Secretary of State Antony Blinken will visit Belgium, Poland, Moldova, Latvia, Lithuania and Estonia.",
     {"actor|US Secretary of State Antony Blinken|USA|GOV", "actor|Belgium|BEL|GOV",
      "actor|Poland|POL|GOV", "actor|Moldova|MDA|GOV", "actor|Latvia|LVA|GOV",
      "actor|Lithuania|LTU|GOV", "actor|Estonia|EST|GOV"}, {0}},
    {"The US State Department said the trip starts in Brussels with a NATO meeting and talks with the G7.",
     {"actor|The US State Department|USA|GOV", "source|The US State Department|government",
      "place|Brussels|BEL", "actor|Brussels|BEL|GOV", "actor|NATO|NATO|IGO", "actor|the G7|G7|IGO"},
     {0}},
    {"Sanctions target Vladimir Putin and his allies.", {"actor|Vladimir Putin|RUS|GOV"}, {0}},
    {"More than 2,000 civilians were killed, according to Ukraine's Emergency Services.",
     {"actor|Ukraine's Emergency Services|UKR|GOV",
      "source|Ukraine's Emergency Services|government"}, {0}},
    {"Over a million people have fled, according to the United Nations.",
     {"actor|the United Nations|UN|IGO", "source|the United Nations|igo"}, {0}},
};

static void test_the_seed_entities_are_found_and_coded(void **state)
{
    (void)state;
    run_cases(SEED, sizeof SEED / sizeof *SEED);
}

/* ---- case ------------------------------------------------------------------------ */

static const expect_case CASES[] = {
    /* acronyms match only in capitals */
    {"Let us hope the talks help us.", {0}, {"actor|us", "place|us"}},
    {"An un-named official and a UN official spoke.", {"actor|UN official|UN|IGO"}, {"actor|un"}},
    {"The EU and the eu-wide rules.", {"actor|The EU|EU|IGO"}, {"actor|eu"}},
    {"AP reported it first.", {"source|AP|media"}, {0}},
    {"He took a nap.", {0}, {"source|nap"}},
    /* capitalized names in all-capital headlines, not in lower case */
    {"RUSSIA ATTACKS UKRAINE", {"actor|RUSSIA|RUS|GOV", "actor|UKRAINE|UKR|GOV"}, {0}},
    {"They ate turkey and poland spring water.", {0}, {"actor|turkey", "actor|poland"}},
    /* lower-case phrases in any case */
    {"Stinger missiles, stinger missiles and STINGER missiles.",
     {"item|Stinger missiles|air-defence|Stinger", "item|stinger missiles|air-defence|Stinger",
      "item|STINGER missiles|air-defence|Stinger"}, {0}},
    {"Anti-Tank Weapons arrived.", {"item|Anti-Tank Weapons|anti-tank|-"}, {0}},
};

static void test_names_match_in_the_case_they_are_written(void **state)
{
    (void)state;
    run_cases(CASES, sizeof CASES / sizeof *CASES);
}

/* ---- items ------------------------------------------------------------------------- */

static const expect_case ITEMS[] = {
    {"Kyiv asked for more javelins.", {"item|javelins|anti-tank|Javelin"}, {0}},
    {"Britain sent NLAWs and Himars launchers arrived.",
     {"item|NLAWs|anti-tank|NLAW", "item|Himars|rocket-artillery|HIMARS"}, {0}},
    {"Four M777s and two F-16s.", {"item|M777s|artillery|M777", "item|F-16s|aircraft|F-16"}, {0}},
    {"It bought Leopard 2A6 tanks.", {"item|Leopard 2A6 tanks|tank|Leopard 2"}, {0}},
    {"The drones were Shahed-136s.", {"item|drones|drone|-", "item|Shahed-136s|drone|Shahed"}, {0}},
    {"Poland sent body armour, helmets and night-vision goggles.",
     {"item|body armour|protective|-", "item|helmets|protective|-",
      "item|night-vision goggles|protective|-"}, {0}},
    {"Trucks brought medical supplies, food and fuel.",
     {"item|medical supplies|medical|-", "item|food|food|-", "item|fuel|fuel|-"}, {0}},
    {"It pledged Patriot air defence systems and Storm Shadow missiles.",
     {"item|Patriot air defence systems|air-defence|Patriot",
      "item|Storm Shadow missiles|missile|Storm Shadow"}, {0}},
    {"Analysts at a think tank disagree.", {0}, {"item|tank", "item|think tank"}},
    {"Two rounds of talks failed.", {0}, {"item|rounds"}},
};

static void test_items_are_named_with_their_class(void **state)
{
    (void)state;
    run_cases(ITEMS, sizeof ITEMS / sizeof *ITEMS);
}

/* ---- composites: a state with a head noun, a title with a person ---------------------- */

static const expect_case COMPOSITES[] = {
    {"Russia's Defence Ministry said so.",
     {"actor|Russia's Defence Ministry|RUS|GOV", "source|Russia's Defence Ministry|government"},
     {"actor|Russia"}},
    {"The Russian Defence Ministry said so.", {"actor|The Russian Defence Ministry|RUS|GOV"}, {0}},
    {"Ukrainian civilians fled and Ukrainian soldiers stayed.",
     {"actor|Ukrainian civilians|UKR|CVL", "actor|Ukrainian soldiers|UKR|MIL"}, {0}},
    {"The German government and the German army agreed.",
     {"actor|The German government|DEU|GOV", "actor|the German army|DEU|MIL"}, {0}},
    {"The Armed Forces of Ukraine and the Ministry of Defence of Ukraine reported.",
     {"actor|The Armed Forces of Ukraine|UKR|MIL", "actor|the Ministry of Defence of Ukraine|UKR|GOV"},
     {0}},
    {"The Ministry of Defence in London said.", {"actor|The Ministry of Defence|GBR|GOV"}, {0}},
    {"NATO officials and Wagner fighters.",
     {"actor|NATO officials|NATO|IGO", "actor|Wagner fighters|RUS|REB"}, {0}},
    {"The Biden administration and Putin's troops.",
     {"actor|The Biden administration|USA|GOV", "actor|Putin's troops|RUS|MIL"}, {0}},
    {"Russian President Vladimir Putin met Mr Sunak.",
     {"actor|Russian President Vladimir Putin|RUS|GOV", "actor|Mr Sunak|GBR|GOV"}, {0}},
    {"President of Ukraine Volodymyr Zelenskyy spoke.",
     {"actor|President of Ukraine Volodymyr Zelenskyy|UKR|GOV"}, {0}},
    {"Kremlin spokesman Dmitry Peskov said.", {"actor|Kremlin spokesman Dmitry Peskov|RUS|GOV"}, {0}},
    /* a title and a person of another state do not join */
    {"The Russian ambassador Antony Blinken.",
     {"actor|The Russian ambassador|RUS|GOV", "actor|Antony Blinken|USA|GOV"}, {0}},
};

static void test_heads_and_titles_compose_with_names(void **state)
{
    (void)state;
    run_cases(COMPOSITES, sizeof COMPOSITES / sizeof *COMPOSITES);
}

static void test_a_composite_mention_is_the_state_in_another_role(void **state)
{
    (void)state;
    found f;
    find(&f, kb, "Russian troops crossed.");
    const chr_mention *m = has(&f, "actor|Russian troops|RUS|MIL");
    assert_non_null(m);
    assert_true(m->flags & CHR_MF_COMPOSITE);
    assert_string_equal(m->u.entry->name, "Russia");
    assert_int_equal(m->u.entry->role, CHR_ROLE_GOV);
    assert_int_equal(chr_mention_role(m), CHR_ROLE_MIL);
    assert_int_equal(m->tok_begin, 0);
    assert_int_equal(m->tok_end, 2);
    done(&f);
}

/* ---- spans: "the", possessives, hyphens, suffixes, sentences -------------------------------- */

static void test_a_preceding_the_is_taken_into_the_span(void **state)
{
    (void)state;
    found f;
    find(&f, kb, "Officials at the White House and in the Kremlin.");
    const chr_mention *m = has(&f, "actor|the White House|USA|GOV");
    assert_non_null(m);
    assert_true(m->flags & CHR_MF_THE);
    assert_non_null(has(&f, "actor|the Kremlin|RUS|GOV"));
    done(&f);
    /* the article of "the Russian invasion" is the invasion's, and that of
     * "the Russia-Ukraine war" the war's */
    find(&f, kb, "the Russian invasion");
    assert_non_null(has(&f, "actor|Russian|RUS|GOV"));
    done(&f);
    find(&f, kb, "the Russia-Ukraine war and the US-led coalition");
    assert_non_null(has(&f, "actor|Russia|RUS|GOV"));
    assert_non_null(has(&f, "actor|US|USA|GOV"));
    done(&f);
}

static void test_a_possessive_is_flagged_and_left_out_of_the_span(void **state)
{
    (void)state;
    found f;
    find(&f, kb, "Ukraine's defence and Germany\xE2\x80\x99s pledge.");
    const chr_mention *m = has(&f, "actor|Ukraine|UKR|GOV");
    assert_non_null(m);
    assert_true(m->flags & CHR_MF_POSSESSIVE);
    assert_non_null(has(&f, "actor|Germany|DEU|GOV"));
    done(&f);
}

static void test_a_hyphen_between_words_is_optional(void **state)
{
    (void)state;
    static const expect_case cases[] = {
        {"anti-tank weapons and anti tank weapons",
         {"item|anti-tank weapons|anti-tank|-", "item|anti tank weapons|anti-tank|-"}, {0}},
        {"Rostov-on-Don and Rostov on Don",
         {"place|Rostov-on-Don|RUS", "place|Rostov on Don|RUS"}, {0}},
        /* a hyphen with spaces is a dash, not part of a name */
        {"anti - tank", {0}, {"item|anti - tank"}},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

static void test_a_region_after_a_place_is_the_place_not_its_government(void **state)
{
    (void)state;
    static const expect_case cases[] = {
        {"Shelling hit the Kharkiv region and Kyiv oblast.",
         {"place|the Kharkiv region|UKR", "place|Kyiv oblast|UKR"}, {"actor|Kyiv oblast"}},
        {"Kyiv said no.", {"actor|Kyiv|UKR|GOV", "place|Kyiv|UKR"}, {0}},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

static void test_transliterations_name_the_same_place(void **state)
{
    (void)state;
    static const char *const spellings[] = {"Kiev", "Kharkov", "Odessa", "Nikolaev", "Zaporozhye",
                                            "Artemovsk", "Lugansk", "Chernigov"};
    static const char *const canonical[] = {"Kyiv", "Kharkiv", "Odesa", "Mykolaiv", "Zaporizhzhia",
                                            "Bakhmut", "Luhansk", "Chernihiv"};
    for (size_t i = 0; i < sizeof spellings / sizeof *spellings; i++) {
        char text[64];
        snprintf(text, sizeof text, "Fighting near %s.", spellings[i]);
        found f;
        find(&f, kb, text);
        int ok = 0;
        for (size_t j = 0; j < f.ms.n; j++)
            if (f.ms.v[j].kind == CHR_M_PLACE && !strcmp(f.ms.v[j].u.entry->name, canonical[i]))
                ok = 1;
        if (!ok) fail_msg("%s is not %s", spellings[i], canonical[i]);
        done(&f);
    }
}

static void test_names_with_and_without_accents(void **state)
{
    (void)state;
    static const expect_case cases[] = {
        {"Erdo\xC4\x9F" "an and Erdogan", {"actor|Erdo\xC4\x9F" "an|TUR|GOV", "actor|Erdogan|TUR|GOV"}, {0}},
        {"the \xC3\x89lys\xC3\xA9" "e and the Elysee",
         {"actor|the \xC3\x89lys\xC3\xA9" "e|FRA|GOV", "actor|the Elysee|FRA|GOV"}, {0}},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

static void test_a_mention_does_not_cross_a_sentence(void **state)
{
    (void)state;
    /* a paragraph break ends a sentence, even in the middle of a name */
    found f;
    find(&f, kb, "Then the White\n\nHouse spoke.");
    assert_false(any(&f, "actor", "the White\n\nHouse"));
    assert_int_equal(f.ms.n, 0);
    done(&f);
    find(&f, kb, "Then the White House spoke.");
    assert_true(any(&f, "actor", "the White House"));
    done(&f);
}

/* ---- surnames ---------------------------------------------------------------------------------- */

static void test_a_distinctive_surname_matches_alone(void **state)
{
    (void)state;
    static const expect_case cases[] = {
        {"Blinken said so.", {"actor|Blinken|USA|GOV", "source|Blinken|government"}, {0}},
        {"Zelenskyy and Lukashenko.", {"actor|Zelenskyy|UKR|GOV", "actor|Lukashenko|BLR|GOV"}, {0}},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
}

static void test_a_common_surname_matches_only_after_the_full_name(void **state)
{
    (void)state;
    static const expect_case cases[] = {
        {"Austin is in Texas.", {0}, {"actor|Austin"}},
        {"Lloyd Austin landed. Later Austin said more.",
         {"actor|Lloyd Austin|USA|GOV", "actor|Austin|USA|GOV"}, {0}},
        /* two Johnsons: the one named in full is meant */
        {"Boris Johnson spoke. Johnson left.", {"actor|Johnson|GBR|GOV"}, {"actor|Mike Johnson"}},
        {"Mike Johnson spoke. Johnson left.", {"actor|Johnson|USA|GOV"}, {0}},
    };
    run_cases(cases, sizeof cases / sizeof *cases);
    /* and not the other Johnson; with both named, the one named last */
    found f;
    find(&f, kb, "Mike Johnson spoke. Johnson left.");
    assert_null(has(&f, "actor|Johnson|GBR|GOV"));
    done(&f);
    find(&f, kb, "Mike Johnson met Boris Johnson. Johnson left.");
    assert_non_null(has(&f, "actor|Johnson|GBR|GOV"));
    assert_null(has(&f, "actor|Johnson|USA|GOV"));
    done(&f);
    find(&f, kb, "Boris Johnson met Mike Johnson. Johnson left.");
    assert_non_null(has(&f, "actor|Johnson|USA|GOV"));
    assert_null(has(&f, "actor|Johnson|GBR|GOV"));
    done(&f);
}

/* ---- a user's dictionary ------------------------------------------------------------------------ */

static void test_a_dictionary_loaded_from_text_is_matched(void **state)
{
    (void)state;
    const char *text =
        "Freedonia | the Freedonian Republic\tkind=actor,place type=state role=GOV code=FRE\n"
        "Freedonian\tkind=actor type=demonym role=GOV code=FRE\n"
        "troops\tkind=head role=MIL\n"
        "Rufus T. Firefly | Firefly\tkind=actor,source type=person role=GOV code=FRE\n"
        "Kazoo cannon\tkind=item class=artillery\n";
    chr_kb *mine;
    chr_error err;
    assert_int_equal(chr_kb_open(&mine, &err), CHR_OK);
    assert_int_equal(chr_kb_load_string(mine, "freedonia.txt", text, strlen(text), &err), CHR_OK);
    assert_int_equal(chr_kb_finish(mine, &err), CHR_OK);
    found f;
    find(&f, mine, "Firefly sent Freedonian troops and two Kazoo cannons to the Freedonian Republic.");
    assert_non_null(has(&f, "actor|Firefly|FRE|GOV"));
    assert_non_null(has(&f, "actor|Freedonian troops|FRE|MIL"));
    assert_non_null(has(&f, "item|Kazoo cannons|artillery|Kazoo cannon"));
    assert_non_null(has(&f, "place|the Freedonian Republic|FRE"));
    done(&f);
    chr_kb_close(mine);
}

/* A long article names the same states again and again among thousands of
 * other words: each naming is found, in whatever case it is written. */
static void test_names_repeated_through_a_long_article_are_each_found(void **state)
{
    (void)state;
    size_t cap = 200000, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    for (int i = 0; i < 3000; i++) {
        /* a new made-up word every time, and a name every tenth */
        len += (size_t)snprintf(text + len, cap - len, "zorb%dqu ", i);
        if (i % 10 == 0)
            len += (size_t)snprintf(text + len, cap - len, "%s ",
                                    i % 20 ? "Ukraine and Poland" : "UKRAINE and NATO");
    }
    found f;
    chr_arena_init(&f.a, 1 << 20);
    f.t = tu_text(&f.a, text);
    memset(&f.ms, 0, sizeof f.ms);
    assert_int_equal(chr_entities_find(kb, &f.t, &f.a, &f.ms), 0);
    size_t ukraine = 0, poland = 0, nato = 0;
    for (size_t i = 0; i < f.ms.n; i++) {
        const chr_mention *m = &f.ms.v[i];
        if (m->kind != CHR_M_ACTOR) continue;
        if (strcmp(m->u.entry->code, "UKR") == 0) ukraine++;
        if (strcmp(m->u.entry->code, "POL") == 0) poland++;
        if (strcmp(m->u.entry->code, "NATO") == 0) nato++;
    }
    assert_int_equal(ukraine, 300);
    assert_int_equal(poland, 150);
    assert_int_equal(nato, 150);
    done(&f);
    free(text);
}

static void test_text_without_names_yields_nothing(void **state)
{
    (void)state;
    found f;
    find(&f, kb, "");
    assert_int_equal(f.ms.n, 0);
    done(&f);
    find(&f, kb, "It rained all day and nobody came.");
    assert_int_equal(f.ms.n, 0);
    done(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_the_seed_entities_are_found_and_coded),
        cmocka_unit_test(test_names_match_in_the_case_they_are_written),
        cmocka_unit_test(test_items_are_named_with_their_class),
        cmocka_unit_test(test_heads_and_titles_compose_with_names),
        cmocka_unit_test(test_a_composite_mention_is_the_state_in_another_role),
        cmocka_unit_test(test_a_preceding_the_is_taken_into_the_span),
        cmocka_unit_test(test_a_possessive_is_flagged_and_left_out_of_the_span),
        cmocka_unit_test(test_a_hyphen_between_words_is_optional),
        cmocka_unit_test(test_a_region_after_a_place_is_the_place_not_its_government),
        cmocka_unit_test(test_transliterations_name_the_same_place),
        cmocka_unit_test(test_names_with_and_without_accents),
        cmocka_unit_test(test_a_mention_does_not_cross_a_sentence),
        cmocka_unit_test(test_a_distinctive_surname_matches_alone),
        cmocka_unit_test(test_a_common_surname_matches_only_after_the_full_name),
        cmocka_unit_test(test_a_dictionary_loaded_from_text_is_matched),
        cmocka_unit_test(test_names_repeated_through_a_long_article_are_each_found),
        cmocka_unit_test(test_text_without_names_yields_nothing),
    };
    return cmocka_run_group_tests(tests, load, unload);
}
