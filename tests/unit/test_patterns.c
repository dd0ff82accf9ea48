/*
 * test_patterns.c - the event and figure trigger files: syntax, validation
 * with FILE:LINE, and lookup.
 */
#include "testutil.h"

#include <stdlib.h>

#include "extract/patterns.h"

static chr_patterns *load(const char *text, chr_error *err, int *rc)
{
    chr_patterns *ps = NULL;
    assert_int_equal(chr_patterns_open(&ps, err), CHR_OK);
    *rc = chr_patterns_load_string(ps, "test.txt", text, strlen(text), err);
    return ps;
}

static void test_a_verb_trigger_with_its_attributes(void **state)
{
    (void)state;
    chr_error err;
    int rc;
    chr_patterns *ps = load("# comment\n\nv:deliver type=AID status=delivered recipient=to,iobj needs=aid\n",
                            &err, &rc);
    assert_int_equal(rc, CHR_OK);
    const chr_pattern *p[4];
    assert_int_equal(chr_patterns_find(ps, 'v', "Deliver", 7, p, 4), 1);
    assert_string_equal(p[0]->type, "AID");
    assert_string_equal(p[0]->status, "delivered");
    assert_int_equal(p[0]->nrecipient, 2);
    assert_int_equal(p[0]->recipient[0].slot, CHR_SLOT_PREP);
    assert_string_equal(p[0]->recipient[0].prep, "to");
    assert_int_equal(p[0]->recipient[1].slot, CHR_SLOT_IOBJ);
    assert_int_equal(p[0]->actor.slot, CHR_SLOT_SUBJ);
    assert_true(p[0]->needs & CHR_NEED_AID);
    assert_string_equal(p[0]->rule, "aid.deliver");
    assert_int_equal(chr_patterns_find(ps, 'n', "deliver", 7, p, 4), 0);
    chr_patterns_close(ps);
}

static void test_multiword_triggers_come_first(void **state)
{
    (void)state;
    chr_error err;
    int rc;
    chr_patterns *ps = load("v:hold type=CONSULT\nv:hold talk type=CONSULT mode=meet symmetric=1\n",
                            &err, &rc);
    assert_int_equal(rc, CHR_OK);
    const chr_pattern *p[4];
    assert_int_equal(chr_patterns_find(ps, 'v', "hold", 4, p, 4), 2);
    assert_int_equal(p[0]->nwords, 2);
    assert_string_equal(p[0]->words[1], "talk");
    assert_true(p[0]->symmetric);
    chr_patterns_close(ps);
}

static void test_defaults_status_occurred(void **state)
{
    (void)state;
    chr_error err;
    int rc;
    chr_patterns *ps = load("n:talk type=CONSULT\n", &err, &rc);
    const chr_pattern *p[1];
    assert_int_equal(chr_patterns_find(ps, 'n', "talk", 4, p, 1), 1);
    assert_string_equal(p[0]->status, "occurred");
    chr_patterns_close(ps);
}

typedef struct bad_case {
    const char *text;
    long line;
    const char *msg;
} bad_case;

static void test_bad_lines_are_rejected_with_their_line(void **state)
{
    (void)state;
    static const bad_case cases[] = {
        {"v:send type=AID\nv:give type=AID colour=red\n", 2, "unknown attribute 'colour'"},
        {"v:send type=GIFT\n", 1, "unknown PLOVER type"},
        {"v:send type=AID status=sent\n", 1, "status"},
        {"\nv:send type=AID recipient=To\n", 2, "recipient"},
        {"x:send type=AID\n", 1, "starts with v:, n: or a:"},
        {"v:Send type=AID\n", 1, "lower case"},
        {"v:send\n", 1, "say what the trigger makes"},
        {"v:send type=AID\nv:send type=CONSULT\n", 2, "already defined at test.txt:1"},
        {"v:kill metric=dead\n", 1, "unknown metric"},
        {"v:send type=AID cameo=7x\n", 1, "CAMEO"},
        {"v:send type=AID needs=love\n", 1, "needs"},
        {"v:send type=AID rule=x\nn:caf\xc3\xa9 type=AID\n", 2, "ASCII"},
        {"v:send type=AID\ninclude\n", 2, "include wants one file"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        chr_error err;
        memset(&err, 0, sizeof err);
        int rc;
        chr_patterns *ps = load(cases[i].text, &err, &rc);
        assert_int_equal(rc, CHR_EDATA);
        assert_string_equal(err.file, "test.txt");
        assert_int_equal(err.line, cases[i].line);
        if (!strstr(err.msg, cases[i].msg)) fail_msg("case %zu: '%s' lacks '%s'", i, err.msg, cases[i].msg);
        chr_patterns_close(ps);
    }
}

static void test_an_overlong_line_is_rejected(void **state)
{
    (void)state;
    size_t n = 10000;
    char *text = malloc(n + 32);
    assert_non_null(text);
    strcpy(text, "v:send type=AID\nv:x");
    memset(text + strlen(text), 'a', n);
    text[19 + n] = '\0';
    chr_error err;
    int rc;
    chr_patterns *ps = load(text, &err, &rc);
    assert_int_equal(rc, CHR_EDATA);
    assert_int_equal(err.line, 2);
    free(text);
    chr_patterns_close(ps);
}

static void test_every_trigger_is_found_after_later_loads(void **state)
{
    (void)state;
    chr_error err;
    int rc;
    chr_patterns *ps = load("v:send type=AID\nn:talk type=CONSULT\nv:kill metric=killed\n",
                            &err, &rc);
    assert_int_equal(rc, CHR_OK);
    const char *more = "v:supply type=AID\nv:send hand type=AID\n";
    assert_int_equal(chr_patterns_load_string(ps, "more.txt", more, strlen(more), &err), CHR_OK);
    const chr_pattern *p[4];
    assert_int_equal(chr_patterns_find(ps, 'v', "SEND", 4, p, 4), 2);
    assert_int_equal(p[0]->nwords, 2);                 /* most words first */
    assert_int_equal(chr_patterns_find(ps, 'v', "supply", 6, p, 4), 1);
    assert_int_equal(chr_patterns_find(ps, 'v', "send", 4, p, 1), 1);    /* at most max */
    assert_int_equal(chr_patterns_find(ps, 'n', "send", 4, p, 4), 0);
    assert_int_equal(chr_patterns_find(ps, 'v', "sen", 3, p, 4), 0);
    assert_int_equal(chr_patterns_find(ps, 'v', "", 0, p, 4), 0);
    /* in order: by part of speech and first word */
    assert_int_equal(chr_patterns_count(ps), 5);
    for (size_t i = 1; i < chr_patterns_count(ps); i++) {
        const chr_pattern *a = chr_patterns_at(ps, i - 1), *b = chr_patterns_at(ps, i);
        assert_true(a->pos < b->pos || (a->pos == b->pos && strcmp(a->words[0], b->words[0]) <= 0));
    }
    chr_patterns_close(ps);
}

static void test_the_bundled_patterns_load(void **state)
{
    (void)state;
    chr_patterns *ps = NULL;
    chr_error err;
    assert_int_equal(chr_patterns_open(&ps, &err), CHR_OK);
    int rc = chr_patterns_load_dir(ps, "data", &err);
    if (rc != CHR_OK) fail_msg("%s:%ld: %s", err.file, err.line, err.msg);
    assert_true(chr_patterns_count(ps) > 100);
    const chr_pattern *p[8];
    size_t n = chr_patterns_find(ps, 'v', "visit", 5, p, 8);
    assert_true(n >= 1);
    assert_string_equal(p[0]->type, "CONSULT");
    assert_string_equal(p[0]->mode, "visit");
    /* "kill" is both an attack and a figure's metric */
    n = chr_patterns_find(ps, 'v', "kill", 4, p, 8);
    int metric = 0, assault = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i]->what == CHR_PAT_METRIC && strcmp(p[i]->metric, "killed") == 0) metric = 1;
        if (p[i]->what == CHR_PAT_EVENT && strcmp(p[i]->type, "ASSAULT") == 0) assault = 1;
    }
    assert_true(metric);
    assert_true(assault);
    chr_patterns_close(ps);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_verb_trigger_with_its_attributes),
        cmocka_unit_test(test_multiword_triggers_come_first),
        cmocka_unit_test(test_defaults_status_occurred),
        cmocka_unit_test(test_bad_lines_are_rejected_with_their_line),
        cmocka_unit_test(test_an_overlong_line_is_rejected),
        cmocka_unit_test(test_every_trigger_is_found_after_later_loads),
        cmocka_unit_test(test_the_bundled_patterns_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
