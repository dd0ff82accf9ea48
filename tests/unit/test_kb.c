/*
 * test_kb.c - the knowledge base (src/analyze/kb.c): the bundled
 * dictionaries load and say what they should, and a bad dictionary line is
 * refused with its file and line.
 *
 * Tests run from the repository root and read the bundled data as "data".
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyze/kb.h"

static chr_kb *bundled;

static int load_bundled(void **state)
{
    (void)state;
    chr_error err;
    memset(&err, 0, sizeof err);
    if (chr_kb_open_bundled(&bundled, "data", NULL, 0, &err) != CHR_OK) {
        chr_error_print(&err, stderr, "test_kb");
        return -1;
    }
    return 0;
}

static int close_bundled(void **state)
{
    (void)state;
    chr_kb_close(bundled);
    return 0;
}

/* The one entry that name finds with the given kind bit, or NULL. */
static const chr_entry *lookup(const chr_kb *kb, const char *name, unsigned kind)
{
    const chr_entry *found[8];
    size_t n = chr_kb_lookup(kb, name, found, 8);
    for (size_t i = 0; i < n; i++)
        if (found[i]->kinds & kind) return found[i];
    return NULL;
}

/* ---- the bundled dictionaries -------------------------------------------- */

static void test_every_code_of_the_contract_is_defined(void **state)
{
    (void)state;
    static const char *const codes[] = {
        "EU", "NATO", "UN", "UNHCR", "UNICEF", "WHO", "IAEA", "ICRC", "IMF", "WB",
        "OSCE", "G7", "G20", "AU", "ASEAN", "CSTO", "OPEC", "WFP", "IOM", "ICC",
        "ICJ", "WTO", "OECD", "COE", "BRICS", "SCO",
        "UKR", "RUS", "BLR", "POL", "USA", "GBR", "DEU", "FRA", "EST", "LVA", "LTU",
        "FIN", "SWE", "NOR", "TUR", "IRN", "ISR", "CHN", "MDA", "VAT"};
    for (size_t i = 0; i < sizeof codes / sizeof *codes; i++) {
        const chr_entry *e = chr_kb_code(bundled, codes[i]);
        assert_non_null(e);
        assert_string_equal(e->code, codes[i]);
        assert_ptr_equal(e->of, e);
    }
    assert_null(chr_kb_code(bundled, "XYZ"));
}

typedef struct name_case {
    const char *name;
    unsigned kind;
    const char *canonical, *code;
    int role;
} name_case;

static const name_case NAMES[] = {
    {"Britain", CHR_EK_ACTOR, "United Kingdom", "GBR", CHR_ROLE_GOV},
    {"Great Britain", CHR_EK_ACTOR, "United Kingdom", "GBR", CHR_ROLE_GOV},
    {"the UK", CHR_EK_ACTOR, "United Kingdom", "GBR", CHR_ROLE_GOV},
    {"U.K.", CHR_EK_ACTOR, "United Kingdom", "GBR", CHR_ROLE_GOV},
    {"the US", CHR_EK_ACTOR, "United States", "USA", CHR_ROLE_GOV},
    {"U.S.", CHR_EK_ACTOR, "United States", "USA", CHR_ROLE_GOV},
    {"USA", CHR_EK_ACTOR, "United States", "USA", CHR_ROLE_GOV},
    {"America", CHR_EK_ACTOR, "United States", "USA", CHR_ROLE_GOV},
    {"the Russian Federation", CHR_EK_ACTOR, "Russia", "RUS", CHR_ROLE_GOV},
    {"South Korea", CHR_EK_ACTOR, "South Korea", "KOR", CHR_ROLE_GOV},
    {"North Korea", CHR_EK_ACTOR, "North Korea", "PRK", CHR_ROLE_GOV},
    {"Czechia", CHR_EK_ACTOR, "Czech Republic", "CZE", CHR_ROLE_GOV},
    {"T\xC3\xBCrkiye", CHR_EK_ACTOR, "Turkey", "TUR", CHR_ROLE_GOV},
    {"Turkiye", CHR_EK_ACTOR, "Turkey", "TUR", CHR_ROLE_GOV},
    {"Holland", CHR_EK_ACTOR, "Netherlands", "NLD", CHR_ROLE_GOV},
    {"Moldova", CHR_EK_PLACE, "Moldova", "MDA", CHR_ROLE_GOV},
    {"Ukrainian", CHR_EK_ACTOR, "Ukrainian", "UKR", CHR_ROLE_GOV},
    {"Belarusian", CHR_EK_ACTOR, "Belarusian", "BLR", CHR_ROLE_GOV},
    {"Ukrainians", CHR_EK_ACTOR, "Ukrainians", "UKR", CHR_ROLE_CVL},
    {"the White House", CHR_EK_ACTOR, "White House", "USA", CHR_ROLE_GOV},
    {"the Kremlin", CHR_EK_ACTOR, "Kremlin", "RUS", CHR_ROLE_GOV},
    {"Number 10", CHR_EK_ACTOR, "Downing Street", "GBR", CHR_ROLE_GOV},
    {"Elysee", CHR_EK_ACTOR, "\xC3\x89lys\xC3\xA9" "e", "FRA", CHR_ROLE_GOV},
    {"Kiev", CHR_EK_ACTOR, "Kyiv", "UKR", CHR_ROLE_GOV},
    {"Brussels", CHR_EK_ACTOR, "Brussels", "BEL", CHR_ROLE_GOV},
    {"the bloc", CHR_EK_ACTOR, "European Union", "EU", CHR_ROLE_IGO},
    {"Nato", CHR_EK_ACTOR, "NATO", "NATO", CHR_ROLE_IGO},
    {"U.N.", CHR_EK_ACTOR, "United Nations", "UN", CHR_ROLE_IGO},
    {"the UN refugee agency", CHR_EK_ACTOR, "UNHCR", "UNHCR", CHR_ROLE_IGO},
    {"the Red Cross", CHR_EK_ACTOR, "International Committee of the Red Cross", "ICRC", CHR_ROLE_NGO},
    {"Group of Seven", CHR_EK_ACTOR, "G7", "G7", CHR_ROLE_IGO},
    {"Zelenskiy", CHR_EK_ACTOR, "Volodymyr Zelensky", "UKR", CHR_ROLE_GOV},
    {"Blinken", CHR_EK_ACTOR, "Antony Blinken", "USA", CHR_ROLE_GOV},
    {"Steffen Hebestreit", CHR_EK_ACTOR, "Steffen Hebestreit", "DEU", CHR_ROLE_GOV},
    {"Zaluzhny", CHR_EK_ACTOR, "Valerii Zaluzhnyi", "UKR", CHR_ROLE_MIL},
    {"Stoltenberg", CHR_EK_ACTOR, "Jens Stoltenberg", "NATO", CHR_ROLE_IGO},
    {"Erdogan", CHR_EK_ACTOR, "Recep Tayyip Erdo\xC4\x9F" "an", "TUR", CHR_ROLE_GOV},
    {"Wagner", CHR_EK_ACTOR, "Wagner Group", "RUS", CHR_ROLE_REB},
    {"the self-proclaimed Donetsk People's Republic", CHR_EK_ACTOR, "Donetsk People's Republic", "UKR", CHR_ROLE_REB},
};

static void test_names_resolve_to_their_entries(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof NAMES / sizeof *NAMES; i++) {
        const name_case *c = &NAMES[i];
        const chr_entry *e = lookup(bundled, c->name, c->kind);
        if (!e) fail_msg("no entry for '%s'", c->name);
        if (strcmp(e->name, c->canonical) != 0 || strcmp(e->code, c->code) != 0 || e->role != c->role)
            fail_msg("'%s': %s %s %s, expected %s %s %s", c->name, e->name, e->code,
                     chr_role_name(e->role), c->canonical, c->code, chr_role_name(c->role));
    }
}

static void test_people_carry_their_state_and_years_in_office(void **state)
{
    (void)state;
    const chr_entry *e = lookup(bundled, "Antony Blinken", CHR_EK_ACTOR);
    assert_non_null(e);
    assert_int_equal(e->type, CHR_ET_PERSON);
    assert_int_equal(e->from, 2021);
    assert_int_equal(e->to, 2025);
    assert_string_equal(e->of->name, "United States");
    assert_true(e->kinds & CHR_EK_SOURCE);
    assert_int_equal(e->source_kind, CHR_SK_GOVERNMENT);
    e = lookup(bundled, "Zelensky", CHR_EK_ACTOR);
    assert_int_equal(e->from, 2019);
    assert_int_equal(e->to, 0);
    e = lookup(bundled, "Guterres", CHR_EK_SOURCE);
    assert_int_equal(e->source_kind, CHR_SK_IGO);
}

static void test_places_carry_their_country(void **state)
{
    (void)state;
    static const struct { const char *name, *canonical, *country; } places[] = {
        {"Kharkov", "Kharkiv", "UKR"}, {"Odessa", "Odesa", "UKR"},
        {"Nikolaev", "Mykolaiv", "UKR"}, {"Zaporozhye", "Zaporizhzhia", "UKR"},
        {"Artemovsk", "Bakhmut", "UKR"}, {"Lugansk", "Luhansk", "UKR"},
        {"Chernigov", "Chernihiv", "UKR"}, {"Donbass", "Donbas", "UKR"},
        {"Sevastopol", "Sevastopol", "UKR"}, {"Belgorod", "Belgorod", "RUS"},
        {"Rostov-on-Don", "Rostov-on-Don", "RUS"}, {"Rzeszow", "Rzesz\xC3\xB3w", "POL"},
        {"Chisinau", "Chisinau", "MDA"}, {"Minsk", "Minsk", "BLR"},
    };
    for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
        const chr_entry *e = lookup(bundled, places[i].name, CHR_EK_PLACE);
        if (!e) fail_msg("no place '%s'", places[i].name);
        assert_string_equal(e->name, places[i].canonical);
        assert_string_equal(e->country, places[i].country);
    }
    /* a sea is in no one state */
    const chr_entry *sea = lookup(bundled, "Black Sea", CHR_EK_PLACE);
    assert_non_null(sea);
    assert_string_equal(sea->country, "");
}

static void test_items_carry_a_class_of_the_contract(void **state)
{
    (void)state;
    static const struct { const char *name, *canonical, *cls; int generic; } items[] = {
        {"Stinger", "Stinger", "air-defence", 0},
        {"stingers missiles", "Stinger", "air-defence", 0},
        {"Javelins", "Javelin", "anti-tank", 0},
        {"NLAW", "NLAW", "anti-tank", 0},
        {"Himars", "HIMARS", "rocket-artillery", 0},
        {"M777s", "M777", "artillery", 0},
        {"Bayraktar TB2", "Bayraktar TB2", "drone", 0},
        {"Leopard 2", "Leopard 2", "tank", 0},
        {"Storm Shadow", "Storm Shadow", "missile", 0},
        {"Shahed-136", "Shahed", "drone", 0},
        {"anti-tank weapons", "anti-tank weapons", "anti-tank", 1},
        {"howitzers", "howitzers", "artillery", 1},
        {"ammunition", "ammunition", "ammunition", 1},
        {"body armour", "body armour", "protective", 1},
        {"night-vision goggles", "night-vision goggles", "protective", 1},
        {"medical supplies", "medical supplies", "medical", 1},
        {"batteries", NULL, NULL, 0},
    };
    for (size_t i = 0; i < sizeof items / sizeof *items; i++) {
        const chr_entry *e = lookup(bundled, items[i].name, CHR_EK_ITEM);
        if (!items[i].canonical) {
            assert_null(e);
            continue;
        }
        if (!e) fail_msg("no item '%s'", items[i].name);
        assert_string_equal(e->name, items[i].canonical);
        assert_string_equal(chr_item_class_name(e->item_class), items[i].cls);
        assert_int_equal(e->generic, items[i].generic);
    }
}

static void test_sources_carry_their_kind(void **state)
{
    (void)state;
    static const struct { const char *name; int kind; } sources[] = {
        {"NBC News", CHR_SK_MEDIA}, {"Reuters", CHR_SK_MEDIA},
        {"the Associated Press", CHR_SK_MEDIA}, {"Anadolu News Agency", CHR_SK_MEDIA},
        {"The Kyiv Independent", CHR_SK_MEDIA}, {"TASS", CHR_SK_MEDIA},
        {"the United Nations", CHR_SK_IGO}, {"UNHCR", CHR_SK_IGO},
        {"the Red Cross", CHR_SK_NGO}, {"Amnesty International", CHR_SK_NGO},
        {"Human Rights Watch", CHR_SK_NGO}, {"the Pentagon", CHR_SK_GOVERNMENT},
        {"Vladimir Putin", CHR_SK_GOVERNMENT},
    };
    for (size_t i = 0; i < sizeof sources / sizeof *sources; i++) {
        const chr_entry *e = lookup(bundled, sources[i].name, CHR_EK_SOURCE);
        if (!e) fail_msg("no source '%s'", sources[i].name);
        assert_int_equal(e->source_kind, sources[i].kind);
    }
}

static void test_acronym_names_are_found_only_in_capitals(void **state)
{
    (void)state;
    const chr_entry *out[4];
    assert_int_equal(chr_kb_lookup(bundled, "us", out, 4), 0);
    assert_int_equal(chr_kb_lookup(bundled, "Us", out, 4), 0);
    assert_int_equal(chr_kb_lookup(bundled, "un", out, 4), 0);
    assert_int_equal(chr_kb_lookup(bundled, "who", out, 4), 0);
    assert_non_null(lookup(bundled, "WHO", CHR_EK_ACTOR));
    /* a capitalized name is not found in lower case */
    assert_null(lookup(bundled, "turkey", CHR_EK_ACTOR));
    assert_non_null(lookup(bundled, "TURKEY", CHR_EK_ACTOR));
}

static void test_a_surname_only_alias_is_not_a_plain_name(void **state)
{
    (void)state;
    /* "~Austin": found by the matcher only after "Lloyd Austin" */
    assert_null(lookup(bundled, "Austin", CHR_EK_ACTOR));
    assert_non_null(lookup(bundled, "Lloyd Austin", CHR_EK_ACTOR));
    const chr_entry *e = lookup(bundled, "Lloyd Austin", CHR_EK_ACTOR);
    assert_true(e->late >= 0);
}

static void test_names_of_enumerations_round_trip(void **state)
{
    (void)state;
    for (int r = 1; r < CHR_ROLE_COUNT; r++) {
        const char *s = chr_role_name(r);
        assert_int_equal(chr_role_parse(s, strlen(s)), r);
    }
    for (int c = 1; c < CHR_IC_COUNT; c++) {
        const char *s = chr_item_class_name(c);
        assert_int_equal(chr_item_class_parse(s, strlen(s)), c);
    }
    for (int k = 1; k < CHR_SK_COUNT; k++) {
        const char *s = chr_source_kind_name(k);
        assert_int_equal(chr_source_kind_parse(s, strlen(s)), k);
    }
    assert_string_equal(chr_role_name(0), "");
    assert_string_equal(chr_item_class_name(CHR_IC_COUNT), "");
    assert_int_equal(chr_role_parse("gov", 3), -1);
    assert_int_equal(chr_item_class_parse("air-defense", 11), -1);
    assert_int_equal(chr_source_kind_of_role(CHR_ROLE_MIL), CHR_SK_GOVERNMENT);
    assert_int_equal(chr_source_kind_of_role(CHR_ROLE_REB), CHR_SK_PERSON);
}

/* ---- dictionaries written in a test directory --------------------------------- */

typedef struct tmpdir {
    char path[64];
} tmpdir;

static void tmp_make(tmpdir *d)
{
    snprintf(d->path, sizeof d->path, "/tmp/chr_test_kb_XXXXXX");
    assert_non_null(mkdtemp(d->path));
}

static const char *tmp_write(tmpdir *d, const char *name, const char *text, size_t len)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", d->path, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fclose(f);
    return path;
}

static void tmp_remove(tmpdir *d, const char *const *names, size_t n)
{
    char path[128];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", d->path, names[i]);
        unlink(path);
    }
    rmdir(d->path);
}

/* A state every small dictionary below can refer to. */
#define HEADER "Ukraine | the Ukraine\tkind=actor,place type=state role=GOV code=UKR\n" \
               "Russia\tkind=actor,place type=state role=GOV code=RUS\n"

typedef struct bad_case {
    const char *what;
    const char *text;
    long line;
    const char *msg;        /* a piece of the message */
} bad_case;

static const bad_case BAD[] = {
    {"unknown attribute", HEADER "Kyiv\tkind=place country=UKR colour=blue\n", 3,
     "unknown attribute 'colour'"},
    {"unknown role", HEADER "Kyiv\tkind=actor code=UKR role=PRESIDENT\n", 3, "bad role"},
    {"unknown item class", HEADER "Stinger\tkind=item class=anti-air\n", 3, "bad class"},
    {"unknown kind", HEADER "Stinger\tkind=weapon class=missile\n", 3, "bad kind"},
    {"unknown source kind", HEADER "Reuters\tkind=source source=newspaper\n", 3, "bad source"},
    {"code not in capitals", HEADER "Kyiv\tkind=actor code=ukr role=GOV\n", 3, "bad code"},
    {"bad year", HEADER "Someone\tkind=actor code=UKR role=GOV from=22\n", 3, "bad from"},
    {"from after to", HEADER "Someone\tkind=actor code=UKR role=GOV from=2024 to=2020\n", 3,
     "from= is after to="},
    {"actor without code", HEADER "\n# a comment\nSomeone\tkind=actor role=GOV\n", 5, "needs code="},
    {"item without class", HEADER "Stinger\tkind=item\n", 3, "needs class="},
    {"no kind", HEADER "Stinger\n", 3, "no kind="},
    {"duplicate alias with a different code",
     HEADER "Kyiv | Kiev\tkind=place,actor role=GOV code=UKR\n"
            "Moscow | Kiev\tkind=place,actor role=GOV code=RUS\n", 4,
     "'Kiev' is already a name of Kyiv"},
    {"duplicate alias with a different class",
     HEADER "Tornado\tkind=item class=rocket-artillery\nTornado\tkind=item class=aircraft\n", 4,
     "different class"},
    {"empty name", HEADER "Kyiv || Kiev\tkind=place country=UKR\n", 3, "empty name"},
    {"surname-only first name", HEADER "~Austin\tkind=actor code=UKR role=GOV\n", 3,
     "first name is the full name"},
    {"unknown directive", HEADER "@import other.txt\n", 3, "unknown directive"},
    {"missing include", HEADER "@include no-such-file.txt\n", 3, "cannot include"},
    {"bad utf-8", HEADER "Kyiv\tkind=place country=UKR\nKi\xC3\x28v\tkind=place country=UKR\n", 4,
     "invalid UTF-8"},
    {"a NUL byte", HEADER "Ky\0iv\tkind=place country=UKR\n", 3, "invalid UTF-8"},
};

static void test_bad_lines_are_refused_with_file_and_line(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        const bad_case *c = &BAD[i];
        tmpdir d;
        tmp_make(&d);
        /* the NUL case has a NUL inside: write up to the final newline */
        size_t len = strlen(c->text);
        if (strstr(c->what, "NUL")) len = sizeof(HEADER "Ky\0iv\tkind=place country=UKR\n") - 1;
        const char *path = tmp_write(&d, "bad.txt", c->text, len);
        chr_kb *kb;
        chr_error err;
        memset(&err, 0, sizeof err);
        assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
        int rc = chr_kb_load_file(kb, path, &err);
        if (rc != CHR_EDATA) fail_msg("%s: accepted (rc %d)", c->what, rc);
        if (err.line != c->line || !strstr(err.file, "bad.txt") || !strstr(err.msg, c->msg))
            fail_msg("%s: got %s:%ld: %s", c->what, err.file, err.line, err.msg);
        chr_kb_close(kb);
        const char *names[] = {"bad.txt"};
        tmp_remove(&d, names, 1);
    }
}

static void test_a_line_over_64_kib_is_refused(void **state)
{
    (void)state;
    size_t big = 1024 * 1024;
    char *text = malloc(big + 64);
    assert_non_null(text);
    size_t n = (size_t)sprintf(text, "# a comment\n");
    memset(text + n, 'a', big);
    n += big;
    text[n++] = '\n';
    tmpdir d;
    tmp_make(&d);
    const char *path = tmp_write(&d, "long.txt", text, n);
    free(text);
    chr_kb *kb;
    chr_error err;
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_file(kb, path, &err), CHR_EDATA);
    assert_int_equal(err.line, 2);
    assert_non_null(strstr(err.msg, "longer than"));
    chr_kb_close(kb);
    const char *names[] = {"long.txt"};
    tmp_remove(&d, names, 1);
}

static void test_a_code_no_state_defines_is_refused_at_finish(void **state)
{
    (void)state;
    chr_kb *kb;
    chr_error err;
    const char *text = HEADER "\nJohn Doe\tkind=actor type=person role=GOV code=XYZ\n";
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_string(kb, "people.txt", text, strlen(text), &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_EDATA);
    assert_string_equal(err.file, "people.txt");
    assert_int_equal(err.line, 4);
    assert_non_null(strstr(err.msg, "unknown code XYZ"));
    chr_kb_close(kb);

    text = HEADER "Minsk\tkind=place country=BLR\n";
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_string(kb, "places.txt", text, strlen(text), &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_EDATA);
    assert_int_equal(err.line, 3);
    assert_non_null(strstr(err.msg, "unknown country BLR"));
    chr_kb_close(kb);
}

static void test_a_code_may_be_defined_by_a_later_file(void **state)
{
    (void)state;
    chr_kb *kb;
    chr_error err;
    const char *people = "Maia Sandu | Sandu\tkind=actor type=person role=GOV code=MDA\n";
    const char *states = "Moldova\tkind=actor,place type=state role=GOV code=MDA\n";
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_string(kb, "people", people, strlen(people), &err), CHR_OK);
    assert_int_equal(chr_kb_load_string(kb, "states", states, strlen(states), &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_OK);
    const chr_entry *e = lookup(kb, "Sandu", CHR_EK_ACTOR);
    assert_non_null(e);
    assert_string_equal(e->of->name, "Moldova");
    chr_kb_close(kb);
}

static void test_defaults_apply_to_the_lines_below_and_lines_override_them(void **state)
{
    (void)state;
    chr_kb *kb;
    chr_error err;
    const char *text = HEADER
        "@defaults kind=actor,source type=person role=GOV code=UKR\n"
        "Dmytro Kuleba | Kuleba\n"
        "Valerii Zaluzhnyi ; role=MIL\n"
        "@defaults kind=place country=RUS\n"
        "Belgorod\n";
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_string(kb, "t", text, strlen(text), &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_OK);
    const chr_entry *e = lookup(kb, "Kuleba", CHR_EK_ACTOR);
    assert_int_equal(e->role, CHR_ROLE_GOV);
    assert_int_equal(e->source_kind, CHR_SK_GOVERNMENT);
    e = lookup(kb, "Valerii Zaluzhnyi", CHR_EK_ACTOR);
    assert_int_equal(e->role, CHR_ROLE_MIL);
    assert_string_equal(e->code, "UKR");
    e = lookup(kb, "Belgorod", CHR_EK_PLACE);
    assert_string_equal(e->country, "RUS");
    assert_false(e->kinds & CHR_EK_ACTOR);
    chr_kb_close(kb);
}

static void test_a_second_line_for_a_state_adds_names_and_keeps_the_first_name(void **state)
{
    (void)state;
    chr_kb *kb;
    chr_error err;
    const char *text = "Russia\tkind=actor,place type=state role=GOV code=RUS\n"
                       "Russian Federation | RF\tkind=actor,place type=state role=GOV code=RUS\n";
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_string(kb, "t", text, strlen(text), &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_OK);
    assert_int_equal(chr_kb_nentries(kb), 1);
    const chr_entry *e = lookup(kb, "RF", CHR_EK_ACTOR);
    assert_string_equal(e->name, "Russia");
    assert_int_equal(e->naliases, 3);
    chr_kb_close(kb);
}

static void test_include_is_relative_and_loads_a_file_once(void **state)
{
    (void)state;
    tmpdir d;
    tmp_make(&d);
    const char *states = HEADER;
    tmp_write(&d, "states.txt", states, strlen(states));
    const char *main_text = "@include states.txt\n@include states.txt\n"
                            "Kyiv\tkind=place,actor role=GOV code=UKR\n";
    const char *path = tmp_write(&d, "main.txt", main_text, strlen(main_text));
    char main_path[128];
    snprintf(main_path, sizeof main_path, "%s", path);
    chr_kb *kb;
    chr_error err;
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_file(kb, main_path, &err), CHR_OK);
    char states_path[128];
    snprintf(states_path, sizeof states_path, "%s/states.txt", d.path);
    assert_int_equal(chr_kb_load_file(kb, states_path, &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_OK);
    assert_int_equal(chr_kb_nentries(kb), 3);   /* Ukraine, Russia, Kyiv */
    chr_kb_close(kb);
    const char *names[] = {"states.txt", "main.txt"};
    tmp_remove(&d, names, 2);
}

static void test_load_dir_reads_the_txt_files_in_name_order(void **state)
{
    (void)state;
    tmpdir d;
    tmp_make(&d);
    /* b.txt names Ukraine first, a.txt second: a.txt, read first, wins */
    const char *a = "Ukraine\tkind=actor,place type=state role=GOV code=UKR\n";
    const char *b = "Ukrayina | Ukraine\tkind=actor,place type=state role=GOV code=UKR\n";
    const char *notes = "this is not a dictionary | at all\n";
    tmp_write(&d, "b.txt", b, strlen(b));
    tmp_write(&d, "a.txt", a, strlen(a));
    tmp_write(&d, "notes.md", notes, strlen(notes));
    chr_kb *kb;
    chr_error err;
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_dir(kb, d.path, &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_OK);
    assert_int_equal(chr_kb_nentries(kb), 1);
    assert_string_equal(lookup(kb, "Ukrayina", CHR_EK_ACTOR)->name, "Ukraine");
    chr_kb_close(kb);
    const char *names[] = {"a.txt", "b.txt", "notes.md"};
    tmp_remove(&d, names, 3);
}

static void test_iso3166_adds_missing_states_and_names_of_known_ones(void **state)
{
    (void)state;
    tmpdir d;
    tmp_make(&d);
    const char *json =
        "{\"3166-1\": ["
        "{\"alpha_3\": \"MDA\", \"name\": \"Moldova, Republic of\", \"common_name\": \"Moldova\","
        " \"official_name\": \"Republic of Moldova\"},"
        "{\"alpha_3\": \"VAT\", \"name\": \"Holy See (Vatican City State)\"},"
        "{\"alpha_3\": \"KOR\", \"name\": \"Korea, Republic of\"},"
        "{\"alpha_3\": \"BES\", \"name\": \"Bonaire, Sint Eustatius and Saba\"}"
        "]}";
    tmp_write(&d, "iso.json", json, strlen(json));
    const char *text = "Moldova | Moldavia\tkind=actor,place type=state role=GOV code=MDA\n"
                       "@iso3166 iso.json\n"
                       "@iso3166 missing.json\n";
    const char *path = tmp_write(&d, "states.txt", text, strlen(text));
    chr_kb *kb;
    chr_error err;
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_file(kb, path, &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_OK);
    /* Moldova keeps its hand-written name and gains the official one */
    assert_string_equal(lookup(kb, "Republic of Moldova", CHR_EK_ACTOR)->name, "Moldova");
    /* new states, with names cleaned the way news writes them */
    assert_string_equal(lookup(kb, "Holy See", CHR_EK_ACTOR)->code, "VAT");
    assert_string_equal(lookup(kb, "Republic of Korea", CHR_EK_PLACE)->code, "KOR");
    /* an inverted name that does not turn back makes no entry */
    assert_null(chr_kb_code(kb, "BES"));
    chr_kb_close(kb);
    const char *names[] = {"iso.json", "states.txt"};
    tmp_remove(&d, names, 2);
}

static void test_a_finished_knowledge_base_takes_no_more_files(void **state)
{
    (void)state;
    chr_kb *kb;
    chr_error err;
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_finish(kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_string(kb, "t", HEADER, strlen(HEADER), &err), CHR_EUSAGE);
    chr_kb_close(kb);
}

static void test_a_missing_file_is_an_io_error(void **state)
{
    (void)state;
    chr_kb *kb;
    chr_error err;
    assert_int_equal(chr_kb_open(&kb, &err), CHR_OK);
    assert_int_equal(chr_kb_load_file(kb, "/nonexistent/dictionary.txt", &err), CHR_EIO);
    assert_string_equal(err.file, "/nonexistent/dictionary.txt");
    chr_kb_close(kb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        /* the bundled dictionaries */
        cmocka_unit_test(test_every_code_of_the_contract_is_defined),
        cmocka_unit_test(test_names_resolve_to_their_entries),
        cmocka_unit_test(test_people_carry_their_state_and_years_in_office),
        cmocka_unit_test(test_places_carry_their_country),
        cmocka_unit_test(test_items_carry_a_class_of_the_contract),
        cmocka_unit_test(test_sources_carry_their_kind),
        cmocka_unit_test(test_acronym_names_are_found_only_in_capitals),
        cmocka_unit_test(test_a_surname_only_alias_is_not_a_plain_name),
        cmocka_unit_test(test_names_of_enumerations_round_trip),
        /* dictionaries written by the tests */
        cmocka_unit_test(test_bad_lines_are_refused_with_file_and_line),
        cmocka_unit_test(test_a_line_over_64_kib_is_refused),
        cmocka_unit_test(test_a_code_no_state_defines_is_refused_at_finish),
        cmocka_unit_test(test_a_code_may_be_defined_by_a_later_file),
        cmocka_unit_test(test_defaults_apply_to_the_lines_below_and_lines_override_them),
        cmocka_unit_test(test_a_second_line_for_a_state_adds_names_and_keeps_the_first_name),
        cmocka_unit_test(test_include_is_relative_and_loads_a_file_once),
        cmocka_unit_test(test_load_dir_reads_the_txt_files_in_name_order),
        cmocka_unit_test(test_iso3166_adds_missing_states_and_names_of_known_ones),
        cmocka_unit_test(test_a_finished_knowledge_base_takes_no_more_files),
        cmocka_unit_test(test_a_missing_file_is_an_io_error),
    };
    return cmocka_run_group_tests(tests, load_bundled, close_bundled);
}
