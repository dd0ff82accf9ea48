/*
 * test_buf.c - the output buffer (src/util/buf.c): appends, and JSON string
 * literals as every writer makes them.
 */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>

#include "util/buf.h"

/* s[0..n) as a JSON literal, in a fresh buffer that the caller frees. */
static char *json_of(const char *s, size_t n)
{
    chr_buf b = CHR_BUF_INIT;
    chr_buf_json_str(&b, s, n);
    assert_false(b.oom);
    assert_int_equal(strlen(b.data), b.len);
    return b.data;
}

typedef struct esc_case {
    const char *in, *out;
} esc_case;

/* Quotes, backslashes and control characters are escaped wherever they
 * stand: alone, in the first or last bytes, across the eight-byte steps of
 * the scan; UTF-8 and DEL pass as they are. */
static const esc_case ESCAPES[] = {
    {"", "\"\""},
    {"Kyiv", "\"Kyiv\""},
    {"\"", "\"\\\"\""},
    {"\\", "\"\\\\\""},
    {"a\nb", "\"a\\nb\""},
    {"\r\t", "\"\\r\\t\""},
    {"\x01\x1f", "\"\\u0001\\u001f\""},
    {"\x7f", "\"\x7f\""},
    {"Zelenskyy said:", "\"Zelenskyy said:\""},
    {"16 bytes exactly", "\"16 bytes exactly\""},
    {"17 bytes, no more", "\"17 bytes, no more\""},
    {"he said \"no\"", "\"he said \\\"no\\\"\""},
    {"quote at eight \"", "\"quote at eight \\\"\""},
    {"\"at the start, long", "\"\\\"at the start, long\""},
    {"ends in a newline\n", "\"ends in a newline\\n\""},
    {"\xC3\x89lys\xC3\xA9" "e and \xE2\x82\xAC" "5", "\"\xC3\x89lys\xC3\xA9" "e and \xE2\x82\xAC" "5\""},
    {"line one\nline two\nline three\\four\tfive", "\"line one\\nline two\\nline three\\\\four\\tfive\""},
};

static void test_json_strings_escape_quotes_backslashes_and_controls(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof ESCAPES / sizeof ESCAPES[0]; i++) {
        char *got = json_of(ESCAPES[i].in, strlen(ESCAPES[i].in));
        if (strcmp(got, ESCAPES[i].out) != 0)
            fail_msg("case %zu: got %s, expected %s", i, got, ESCAPES[i].out);
        free(got);
    }
}

static void test_json_string_keeps_an_escaped_nul(void **state)
{
    (void)state;
    char *got = json_of("Kyiv\0Lviv", 9);
    assert_string_equal(got, "\"Kyiv\\u0000Lviv\"");
    free(got);
}

/* One escape at every position of strings of every length up to 40: the
 * result must be the same as escaping byte by byte. */
static void test_json_escape_at_every_position_of_every_length(void **state)
{
    (void)state;
    char in[41], want[300];
    for (size_t n = 1; n <= 40; n++) {
        for (size_t at = 0; at < n; at++) {
            for (size_t k = 0; k < n; k++) in[k] = (char)('a' + k % 26);
            in[at] = at % 2 ? '"' : '\n';
            size_t w = 0;
            want[w++] = '"';
            for (size_t k = 0; k < n; k++) {
                if (in[k] == '"') { want[w++] = '\\'; want[w++] = '"'; }
                else if (in[k] == '\n') { want[w++] = '\\'; want[w++] = 'n'; }
                else want[w++] = in[k];
            }
            want[w++] = '"';
            want[w] = '\0';
            char *got = json_of(in, n);
            if (strcmp(got, want) != 0)
                fail_msg("length %zu, escape at %zu: got %s, expected %s", n, at, got, want);
            free(got);
        }
    }
}

static void test_appends_grow_the_buffer_and_keep_it_terminated(void **state)
{
    (void)state;
    chr_buf b = CHR_BUF_INIT;
    for (int i = 0; i < 1000; i++) {
        chr_buf_putc(&b, 'k');
        chr_buf_puts(&b, "yiv");
        chr_buf_append(&b, ", ", 2);
    }
    chr_buf_printf(&b, "%d dead", 12);
    assert_false(b.oom);
    assert_int_equal(b.len, 6000 + 7);
    assert_int_equal(strlen(b.data), b.len);
    assert_memory_equal(b.data, "kyiv, kyiv, ", 12);
    assert_string_equal(b.data + 6000, "12 dead");
    chr_buf_clear(&b);
    assert_int_equal(b.len, 0);
    assert_string_equal(b.data, "");
    const char *name = "a long name with \"quotes\" in it, written after a clear";
    chr_buf_json_str(&b, name, strlen(name));
    assert_string_equal(b.data, "\"a long name with \\\"quotes\\\" in it, written after a clear\"");
    chr_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_strings_escape_quotes_backslashes_and_controls),
        cmocka_unit_test(test_json_string_keeps_an_escaped_nul),
        cmocka_unit_test(test_json_escape_at_every_position_of_every_length),
        cmocka_unit_test(test_appends_grow_the_buffer_and_keep_it_terminated),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
