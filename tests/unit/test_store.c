/*
 * test_store.c - the store: documents go in once, a document read again is
 * known unchanged before it is processed, changed documents replace their
 * records, mentions of the same thing across articles become one
 * story, and queries, totals and export give back what went in, whatever
 * the filters hold.
 *
 * Records are built by hand here, as the extractor would make them from the
 * sentence each document holds.  Every test works on a fresh store file in
 * its own temporary directory.
 */
#include "testutil.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/stories.h"
#include "store/store.h"

/* ---- fixtures ----------------------------------------------------------- */

typedef struct fixture {
    char dir[64];
    char path[128];
    chr_store *s;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    snprintf(f->dir, sizeof f->dir, "/tmp/chr-store-XXXXXX");
    if (!mkdtemp(f->dir)) {
        free(f);
        return -1;
    }
    snprintf(f->path, sizeof f->path, "%s/test.db", f->dir);
    chr_error err;
    if (chr_store_open(&f->s, f->path, CHR_STORE_WRITE, &err) != CHR_OK) {
        free(f);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    chr_store_close(f->s);
    char p[192];
    static const char *const ext[] = {"", "-wal", "-shm", ".other"};
    for (size_t i = 0; i < sizeof ext / sizeof *ext; i++) {
        snprintf(p, sizeof p, "%s%s", f->path, ext[i]);
        unlink(p);
    }
    rmdir(f->dir);
    free(f);
    return 0;
}

/* ---- records as the extractor makes them ---------------------------------- */

static chr_day day(const char *s) { return s ? tu_day(s) : CHR_DAY_NONE; }

static chr_record event(const char *type, const char *mode, const char *actor,
                        const char *recipient, const char *status)
{
    chr_record r;
    memset(&r, 0, sizeof r);
    r.kind = CHR_REC_EVENT;
    r.type = type;
    r.mode = mode;
    r.status = status;
    snprintf(r.actor.code, sizeof r.actor.code, "%s", actor);
    snprintf(r.recipient.code, sizeof r.recipient.code, "%s", recipient);
    r.date.start = r.date.end = CHR_DAY_NONE;
    r.as_of = r.since = CHR_DAY_NONE;
    return r;
}

static chr_record dated(chr_record r, const char *start, const char *end)
{
    r.date.present = 1;
    r.date.text = "then";
    r.date.start = day(start);
    r.date.end = day(end ? end : start);
    return r;
}

static chr_record money(chr_record r, double value, const char *currency)
{
    r.money.count.present = 1;
    r.money.count.value = value;
    r.money.count.qual = "exact";
    snprintf(r.money.currency, sizeof r.money.currency, "%s", currency);
    return r;
}

static chr_record sourced(chr_record r, const char *name)
{
    r.source.name = r.source.text = name;
    r.source.kind = "media";
    return r;
}

static chr_record figure(const char *metric, const char *population, const char *side,
                         double value, const char *as_of)
{
    chr_record r;
    memset(&r, 0, sizeof r);
    r.kind = CHR_REC_FIGURE;
    r.metric = metric;
    r.population = population;
    snprintf(r.side, sizeof r.side, "%s", side);
    r.value.present = 1;
    r.value.value = value;
    r.value.qual = "more_than";
    r.as_of = day(as_of);
    r.since = CHR_DAY_NONE;
    r.date.start = r.date.end = CHR_DAY_NONE;
    return r;
}

/* Put a one-sentence document and its records in a transaction of its
 * own; returns the outcome. */
static int put_doc(chr_store *s, const char *id, const char *date, const char *outlet,
                   const char *text, chr_record *recs, size_t n)
{
    chr_error err;
    uint32_t spans[2] = {0, (uint32_t)strlen(text)};
    chr_store_doc d = {id, date, "", outlet, "", text, strlen(text), spans, 1};
    int outcome = -1;
    for (size_t i = 0; i < n; i++) {
        recs[i].start = 0;
        recs[i].end = spans[1];
    }
    assert_int_equal(chr_store_begin(s, &err), CHR_OK);
    assert_int_equal(chr_store_put_document(s, &d, 0, &outcome, &err), CHR_OK);
    if (outcome != CHR_STORE_SAME)
        assert_int_equal(chr_store_put_records(s, recs, NULL, n, &err), CHR_OK);
    assert_int_equal(chr_store_commit(s, &err), CHR_OK);
    return outcome;
}

static chr_store_info info(chr_store *s)
{
    chr_store_info i;
    chr_error err;
    assert_int_equal(chr_store_describe(s, &i, &err), CHR_OK);
    return i;
}

/* Rows of a query, kept as copies of what the tests look at. */
typedef struct got {
    int n;
    long long story[16];
    long mentions[16], documents[16], nsources[16];
    char date_start[16][11], date_end[16][11], status[16][16], as_of[16][11];
    char first_source[16][32];
    double money[16];
} got;

static int collect(const chr_store_row *r, void *ctx)
{
    got *g = ctx;
    if (g->n >= 16) return 0;
    int i = g->n++;
    g->story[i] = r->story;
    g->mentions[i] = r->mentions;
    g->documents[i] = r->documents;
    g->nsources[i] = r->nsources;
    g->money[i] = r->has_money ? r->money : -1;
    snprintf(g->date_start[i], sizeof g->date_start[i], "%s", r->date_start);
    snprintf(g->date_end[i], sizeof g->date_end[i], "%s", r->date_end);
    snprintf(g->status[i], sizeof g->status[i], "%s", r->status);
    snprintf(g->as_of[i], sizeof g->as_of[i], "%s", r->as_of);
    snprintf(g->first_source[i], sizeof g->first_source[i], "%s",
             r->nsources ? r->sources[0] : "");
    return 0;
}

static got stories(chr_store *s, const chr_store_filter *f)
{
    got g;
    memset(&g, 0, sizeof g);
    chr_error err;
    chr_store_filter all;
    chr_store_filter_init(&all);
    assert_int_equal(chr_store_stories(s, f ? f : &all, collect, &g, &err), CHR_OK);
    return g;
}

static got mentions(chr_store *s, const chr_store_filter *f)
{
    got g;
    memset(&g, 0, sizeof g);
    chr_error err;
    assert_int_equal(chr_store_mentions(s, f, collect, &g, &err), CHR_OK);
    return g;
}

typedef struct totals_got {
    int n;
    char group[16][16], unit[16][16];
    double total[16];
    long stories[16], sources[16];
} totals_got;

static int collect_total(const chr_store_total *t, void *ctx)
{
    totals_got *g = ctx;
    if (g->n >= 16) return 0;
    int i = g->n++;
    snprintf(g->group[i], sizeof g->group[i], "%s", t->group);
    snprintf(g->unit[i], sizeof g->unit[i], "%s", t->unit);
    g->total[i] = t->total;
    g->stories[i] = t->stories;
    g->sources[i] = t->sources;
    return 0;
}

static totals_got totals(chr_store *s, chr_store_by by, const chr_store_filter *f)
{
    totals_got g;
    memset(&g, 0, sizeof g);
    chr_error err;
    chr_store_filter all;
    chr_store_filter_init(&all);
    assert_int_equal(chr_store_totals(s, by, f ? f : &all, collect_total, &g, &err), CHR_OK);
    return g;
}

/* ---- opening ------------------------------------------------------------- */

static void test_new_store_is_at_the_current_schema(void **state)
{
    fixture *f = *state;
    assert_int_equal(info(f->s).schema, CHR_STORE_SCHEMA);
    chr_store *r = NULL;
    chr_error err;
    assert_int_equal(chr_store_open(&r, f->path, CHR_STORE_READ, &err), CHR_OK);
    assert_int_equal(info(r).documents, 0);
    chr_store_close(r);
}

static void test_missing_store_cannot_be_read(void **state)
{
    fixture *f = *state;
    char path[160];
    snprintf(path, sizeof path, "%s/none.db", f->dir);
    chr_store *s = NULL;
    chr_error err;
    assert_int_equal(chr_store_open(&s, path, CHR_STORE_READ, &err), CHR_EIO);
    assert_null(s);
    assert_string_equal(err.file, path);
    assert_non_null(strstr(err.msg, "chronicle ingest"));
    assert_int_equal(access(path, F_OK), -1);
}

static void test_file_that_is_not_a_database_is_refused(void **state)
{
    fixture *f = *state;
    char path[160];
    snprintf(path, sizeof path, "%s.other", f->path);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs("date 2022-03-03 Germany sent 50 Leopard 2 tanks to Ukraine on Sunday.\n", fp);
    fclose(fp);
    for (int mode = CHR_STORE_READ; mode <= CHR_STORE_WRITE; mode++) {
        chr_store *s = NULL;
        chr_error err;
        assert_int_equal(chr_store_open(&s, path, mode, &err), CHR_EINPUT);
        assert_null(s);
        assert_non_null(strstr(err.msg, "not a Chronicle store"));
    }
}

static void test_database_of_another_program_is_refused(void **state)
{
    fixture *f = *state;
    char path[160];
    snprintf(path, sizeof path, "%s.other", f->path);
    sqlite3 *db;
    assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "CREATE TABLE recipes(name TEXT)", 0, 0, 0), SQLITE_OK);
    sqlite3_close(db);
    chr_store *s = NULL;
    chr_error err;
    assert_int_equal(chr_store_open(&s, path, CHR_STORE_WRITE, &err), CHR_EINPUT);
    assert_non_null(strstr(err.msg, "other tables"));
}

static void test_store_of_a_newer_chronicle_is_refused(void **state)
{
    fixture *f = *state;
    chr_store_close(f->s);
    f->s = NULL;
    sqlite3 *db;
    assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "PRAGMA user_version = 99", 0, 0, 0), SQLITE_OK);
    sqlite3_close(db);
    chr_error err;
    assert_int_equal(chr_store_open(&f->s, f->path, CHR_STORE_READ, &err), CHR_EINPUT);
    assert_non_null(strstr(err.msg, "newer"));
    assert_int_equal(chr_store_open(&f->s, f->path, CHR_STORE_WRITE, &err), CHR_EINPUT);
    assert_non_null(strstr(err.msg, "newer"));
}

static void test_documents_are_put_inside_a_transaction(void **state)
{
    fixture *f = *state;
    chr_store_doc d = {"a", "2022-03-03", "", "", "", "Text.", 5, NULL, 0};
    int outcome;
    chr_error err;
    assert_int_equal(chr_store_put_document(f->s, &d, 0, &outcome, &err), CHR_EUSAGE);
    assert_int_equal(info(f->s).documents, 0);
}

static void test_rollback_leaves_nothing_behind(void **state)
{
    fixture *f = *state;
    chr_record r = event("AID", "military", "DEU", "UKR", "delivered");
    const char *text = "Germany sent 50 Leopard 2 tanks to Ukraine on Sunday.";
    uint32_t spans[2] = {0, (uint32_t)strlen(text)};
    chr_store_doc d = {"a", "2022-03-03", "", "", "", text, strlen(text), spans, 1};
    int outcome;
    chr_error err;
    assert_int_equal(chr_store_begin(f->s, &err), CHR_OK);
    assert_int_equal(chr_store_put_document(f->s, &d, 0, &outcome, &err), CHR_OK);
    assert_int_equal(chr_store_put_records(f->s, &r, NULL, 1, &err), CHR_OK);
    assert_int_equal(chr_store_rollback(f->s), CHR_OK);
    chr_store_info i = info(f->s);
    assert_int_equal(i.documents, 0);
    assert_int_equal(i.records, 0);
    assert_int_equal(i.stories, 0);
}

/* ---- documents in and again --------------------------------------------------- */

static const char leopards[] = "Germany sent 50 Leopard 2 tanks to Ukraine on Sunday.";

static void test_same_document_twice_is_unchanged(void **state)
{
    fixture *f = *state;
    chr_record r = dated(event("AID", "military", "DEU", "UKR", "delivered"), "2022-02-27", NULL);
    assert_int_equal(put_doc(f->s, "a", "2022-03-03", "", leopards, &r, 1), CHR_STORE_NEW);
    chr_store_info before = info(f->s);
    assert_int_equal(put_doc(f->s, "a", "2022-03-03", "", leopards, &r, 1), CHR_STORE_SAME);
    chr_store_info after = info(f->s);
    assert_int_equal(after.documents, before.documents);
    assert_int_equal(after.records, 1);
    assert_int_equal(after.stories, 1);
}

static void test_changed_document_replaces_its_records(void **state)
{
    fixture *f = *state;
    chr_record two[2] = {
        dated(event("AID", "military", "DEU", "UKR", "delivered"), "2022-02-27", NULL),
        dated(event("AID", "military", "POL", "UKR", "delivered"), "2022-02-27", NULL)};
    assert_int_equal(put_doc(f->s, "a", "2022-03-03", "",
                             "Germany and Poland sent tanks to Ukraine on Sunday.", two, 2),
                     CHR_STORE_NEW);
    assert_int_equal(info(f->s).stories, 2);
    /* The article was corrected: only Germany sent tanks. */
    chr_record one = two[0];
    assert_int_equal(put_doc(f->s, "a", "2022-03-03", "", leopards, &one, 1), CHR_STORE_CHANGED);
    chr_store_info i = info(f->s);
    assert_int_equal(i.documents, 1);
    assert_int_equal(i.records, 1);
    assert_int_equal(i.stories, 1);
    got g = stories(f->s, NULL);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.mentions[0], 1);
}

static void test_changed_document_leaves_other_mentions_of_its_stories(void **state)
{
    fixture *f = *state;
    chr_record a = event("AID", "military", "DEU", "UKR", "delivered");
    chr_record b = a;
    put_doc(f->s, "a", "2022-03-03", "", leopards, &a, 1);
    put_doc(f->s, "b", "2022-03-04", "", "Berlin has delivered tanks to Kyiv.", &b, 1);
    assert_int_equal(stories(f->s, NULL).mentions[0], 2);
    /* Article b now tells of something else: its mention leaves the story. */
    chr_record c = event("CONSULT", "visit", "DEU", "UKR", "occurred");
    put_doc(f->s, "b", "2022-03-04", "", "The German chancellor visited Kyiv.", &c, 1);
    chr_store_filter fl;
    chr_store_filter_init(&fl);
    fl.type = "AID";
    got g = stories(f->s, &fl);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.mentions[0], 1);
    assert_int_equal(g.documents[0], 1);
    assert_int_equal(info(f->s).stories, 2);
}

static void test_force_treats_an_unchanged_document_as_changed(void **state)
{
    fixture *f = *state;
    chr_record r = event("AID", "military", "DEU", "UKR", "delivered");
    put_doc(f->s, "a", "2022-03-03", "", leopards, &r, 1);
    uint32_t spans[2] = {0, (uint32_t)strlen(leopards)};
    chr_store_doc d = {"a", "2022-03-03", "", "", "", leopards, strlen(leopards), spans, 1};
    int outcome;
    chr_error err;
    assert_int_equal(chr_store_begin(f->s, &err), CHR_OK);
    assert_int_equal(chr_store_put_document(f->s, &d, 1, &outcome, &err), CHR_OK);
    assert_int_equal(outcome, CHR_STORE_CHANGED);
    assert_int_equal(chr_store_put_records(f->s, &r, NULL, 1, &err), CHR_OK);
    assert_int_equal(chr_store_commit(f->s, &err), CHR_OK);
    assert_int_equal(info(f->s).records, 1);
}

static int find(chr_store *s, const char *id, const char *date, const char *text)
{
    chr_store_doc d = {id, date, "", "", "", text, strlen(text), NULL, 0};
    int outcome = -1;
    chr_error err;
    assert_int_equal(chr_store_find_document(s, &d, &outcome, &err), CHR_OK);
    return outcome;
}

static void test_find_tells_what_putting_would_find_and_changes_nothing(void **state)
{
    fixture *f = *state;
    chr_record r = event("AID", "military", "DEU", "UKR", "delivered");
    put_doc(f->s, "a", "2022-03-03", "", leopards, &r, 1);
    chr_store_info before = info(f->s);
    assert_int_equal(find(f->s, "b", "2022-03-03", leopards), CHR_STORE_NEW);
    assert_int_equal(find(f->s, "a", "2022-03-03", leopards), CHR_STORE_SAME);
    assert_int_equal(find(f->s, "a", "2022-03-04", leopards), CHR_STORE_CHANGED);
    assert_int_equal(find(f->s, "a", "2022-03-03", "Germany sent 40 tanks."), CHR_STORE_CHANGED);
    chr_store_info after = info(f->s);
    assert_int_equal(after.documents, before.documents);
    assert_int_equal(after.records, before.records);
    assert_int_equal(after.stories, before.stories);
}

static void test_find_inside_a_transaction_sees_what_it_put(void **state)
{
    fixture *f = *state;
    uint32_t spans[2] = {0, (uint32_t)strlen(leopards)};
    chr_store_doc d = {"a", "2022-03-03", "", "", "", leopards, strlen(leopards), spans, 1};
    int outcome;
    chr_error err;
    assert_int_equal(chr_store_begin(f->s, &err), CHR_OK);
    assert_int_equal(find(f->s, "a", "2022-03-03", leopards), CHR_STORE_NEW);
    assert_int_equal(chr_store_put_document(f->s, &d, 0, &outcome, &err), CHR_OK);
    assert_int_equal(find(f->s, "a", "2022-03-03", leopards), CHR_STORE_SAME);
    assert_int_equal(chr_store_rollback(f->s), CHR_OK);
    assert_int_equal(find(f->s, "a", "2022-03-03", leopards), CHR_STORE_NEW);
}

/* Put what the text layer makes of doc (no records), as ingest would. */
static void put_input(chr_store *s, const chr_document *doc, const char *pub_override)
{
    chr_doc *d = chr_doc_new();
    chr_error err;
    int outcome;
    assert_non_null(d);
    assert_int_equal(chr_doc_process(NULL, d, doc, pub_override, CHR_STAGE_TEXT, &err), CHR_OK);
    assert_int_equal(chr_store_begin(s, &err), CHR_OK);
    assert_int_equal(chr_store_put_processed(s, d, 0, &outcome, NULL, &err), CHR_OK);
    assert_int_equal(chr_store_commit(s, &err), CHR_OK);
    chr_doc_free(d);
}

static int find_input(chr_store *s, const chr_document *doc, const char *pub_override)
{
    int outcome = -1;
    chr_error err;
    assert_int_equal(chr_store_find_input(s, doc, pub_override, &outcome, &err), CHR_OK);
    return outcome;
}

static void test_input_as_read_is_found_as_the_library_stores_it(void **state)
{
    fixture *f = *state;
    /* Invalid UTF-8 and a NUL byte: the store holds the repaired text, and
     * the document as read again must still count as unchanged. */
    static const char raw[] = "Kyiv \xff\xfe received aid\0 on Sunday.";
    chr_document doc = {"a", "2022-03-03", "Aid", "DW", "https://dw.example/a",
                        raw, sizeof raw - 1, "in.jsonl", 1};
    assert_int_equal(find_input(f->s, &doc, NULL), CHR_STORE_NEW);
    put_input(f->s, &doc, NULL);
    assert_int_equal(find_input(f->s, &doc, NULL), CHR_STORE_SAME);
    chr_document other = doc;
    other.title = "Aid arrives";
    assert_int_equal(find_input(f->s, &other, NULL), CHR_STORE_CHANGED);
    other = doc;
    other.text_len -= 1;
    assert_int_equal(find_input(f->s, &other, NULL), CHR_STORE_CHANGED);
}

static void test_input_is_found_with_the_date_that_overrides_its_own(void **state)
{
    fixture *f = *state;
    chr_document doc = {"a", "", "", "", "", leopards, strlen(leopards), "in.txt", 1};
    put_input(f->s, &doc, "2022-03-03");
    assert_int_equal(find_input(f->s, &doc, "2022-03-03"), CHR_STORE_SAME);
    assert_int_equal(find_input(f->s, &doc, NULL), CHR_STORE_CHANGED);
    assert_int_equal(find_input(f->s, &doc, "2022-03-04"), CHR_STORE_CHANGED);
}

/* ---- stories --------------------------------------------------------------------- */

static void test_same_delivery_in_two_articles_is_one_story(void **state)
{
    fixture *f = *state;
    chr_record a = sourced(event("AID", "military", "USA", "UKR", "delivered"), "NBC News");
    chr_record b = sourced(event("AID", "military", "USA", "UKR", "delivered"), "Reuters");
    put_doc(f->s, "a", "2022-03-03", "", "The United States delivered hundreds of Stinger "
            "missiles to Ukraine.", &a, 1);
    put_doc(f->s, "b", "2022-03-04", "", "Washington sent over 200 Stingers to Kyiv, "
            "Reuters reported.", &b, 1);
    got g = stories(f->s, NULL);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.mentions[0], 2);
    assert_int_equal(g.documents[0], 2);
    assert_int_equal(g.nsources[0], 2);
    assert_string_equal(g.first_source[0], "NBC News");
    assert_int_equal(mentions(f->s, &(chr_store_filter){.since = CHR_DAY_NONE,
                                                         .until = CHR_DAY_NONE}).n, 2);
}

/* Table: two mentions of the same event, as publication day and date
 * (NULL: undated), and whether they are one story. */
static void test_dates_decide_whether_two_mentions_are_one_story(void **state)
{
    static const struct {
        const char *pub1, *start1, *end1, *pub2, *start2, *end2;
        int one;
    } cases[] = {
        /* undated reports three days apart: the same strike */
        {"2022-03-03", NULL, NULL, "2022-03-06", NULL, NULL, 1},
        /* four days apart: another one */
        {"2022-03-03", NULL, NULL, "2022-03-07", NULL, NULL, 0},
        /* dated on different days */
        {"2022-03-03", "2022-02-27", NULL, "2022-03-03", "2022-03-01", NULL, 0},
        /* "last week" and "on Sunday" of that week */
        {"2022-03-03", "2022-02-21", "2022-02-27", "2022-03-03", "2022-02-27", NULL, 1},
        /* undated, published two days after the dated one happened */
        {"2022-03-01", "2022-02-27", NULL, "2022-03-01", NULL, NULL, 1},
        /* undated, published five days after */
        {"2022-02-27", "2022-02-27", NULL, "2022-03-04", NULL, NULL, 0},
        /* no publication date: fits any day */
        {"", NULL, NULL, "2022-03-04", "2022-03-04", NULL, 1},
        /* "in March" cannot tell which undated report of March it is */
        {"2022-04-02", "2022-03-01", "2022-03-31", "2022-03-12", NULL, NULL, 0},
        {"2022-03-12", NULL, NULL, "2022-04-02", "2022-03-01", "2022-03-31", 0},
        /* but "in March" and "on March 3" may be one */
        {"2022-04-02", "2022-03-01", "2022-03-31", "2022-03-05", "2022-03-03", NULL, 1},
        /* "at the end of July" is a date still, for an undated report */
        {"2022-08-08", "2022-07-21", "2022-07-31", "2022-07-25", NULL, NULL, 1},
        /* two vague dates: the same month, or a year and a month in it */
        {"2022-04-02", "2022-03-01", "2022-03-31", "2022-05-02", "2022-03-01", "2022-03-31", 1},
        {"2023-01-02", "2022-01-01", "2022-12-31", "2022-04-02", "2022-03-01", "2022-03-31", 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture *f = *state;
        chr_error err;
        chr_store_close(f->s);
        unlink(f->path);
        assert_int_equal(chr_store_open(&f->s, f->path, CHR_STORE_WRITE, &err), CHR_OK);
        chr_record a = event("ASSAULT", "missile", "RUS", "UKR", "occurred");
        chr_record b = a;
        if (cases[i].start1) a = dated(a, cases[i].start1, cases[i].end1);
        if (cases[i].start2) b = dated(b, cases[i].start2, cases[i].end2);
        put_doc(f->s, "a", cases[i].pub1, "", "Russian missiles struck Kharkiv.", &a, 1);
        put_doc(f->s, "b", cases[i].pub2, "", "A missile hit central Kharkiv.", &b, 1);
        if (info(f->s).stories != (cases[i].one ? 1 : 2))
            fail_msg("case %zu: expected %s", i, cases[i].one ? "one story" : "two stories");
    }
}

static void test_story_date_is_the_most_precise_reported(void **state)
{
    fixture *f = *state;
    chr_record week = dated(money(event("AID", "military", "USA", "UKR", "pledged"), 350e6,
                                  "USD"), "2022-02-21", "2022-02-27");
    chr_record sunday = dated(event("AID", "military", "USA", "UKR", "pledged"),
                              "2022-02-27", NULL);
    put_doc(f->s, "a", "2022-03-03", "", "Last week, the White House announced $350 million "
            "for Ukraine.", &week, 1);
    put_doc(f->s, "b", "2022-03-02", "", "On Sunday the United States pledged more arms to "
            "Ukraine.", &sunday, 1);
    got g = stories(f->s, NULL);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.date_start[0], "2022-02-27");
    assert_string_equal(g.date_end[0], "2022-02-27");
    assert_true(g.money[0] == 350e6);
}

static void test_money_must_agree_when_both_mentions_carry_it(void **state)
{
    fixture *f = *state;
    chr_record a = money(event("AID", "military", "USA", "UKR", "pledged"), 350e6, "USD");
    chr_record b = money(event("AID", "military", "USA", "UKR", "pledged"), 300e6, "USD");
    chr_record c = event("AID", "military", "USA", "UKR", "pledged");
    put_doc(f->s, "a", "2022-03-03", "", "The White House announced $350 million for "
            "Ukraine.", &a, 1);
    put_doc(f->s, "b", "2022-03-03", "", "Congress approved $300 million in arms for "
            "Ukraine.", &b, 1);
    assert_int_equal(info(f->s).stories, 2);
    /* Without an amount, a mention fits either; it joins the newer one. */
    put_doc(f->s, "c", "2022-03-04", "", "The United States promised more weapons to "
            "Ukraine.", &c, 1);
    assert_int_equal(info(f->s).stories, 2);
    assert_int_equal(info(f->s).records, 3);
}

static void test_talks_are_one_story_whichever_side_comes_first(void **state)
{
    fixture *f = *state;
    chr_record a = event("CONSULT", "meet", "RUS", "UKR", "occurred");
    chr_record b = event("CONSULT", "meet", "UKR", "RUS", "occurred");
    a.symmetric = b.symmetric = 1;
    put_doc(f->s, "a", "2022-03-03", "", "Russia and Ukraine held a second round of talks.",
            &a, 1);
    put_doc(f->s, "b", "2022-03-03", "", "Ukrainian and Russian negotiators met in Belarus.",
            &b, 1);
    assert_int_equal(info(f->s).stories, 1);
    /* Talks have no direction: either side is their actor. */
    chr_store_filter fl;
    chr_store_filter_init(&fl);
    fl.actor = "UKR";
    assert_int_equal(stories(f->s, &fl).n, 1);
    assert_int_equal(mentions(f->s, &fl).n, 2);
    chr_store_filter_init(&fl);
    fl.recipient = "RUS";
    assert_int_equal(stories(f->s, &fl).n, 1);
    assert_int_equal(mentions(f->s, &fl).n, 2);
    /* An aid delivery is not symmetric: the other way round is another one. */
    chr_record c = event("AID", "military", "USA", "UKR", "delivered");
    chr_record d = event("AID", "military", "UKR", "USA", "delivered");
    put_doc(f->s, "c", "2022-03-03", "", "The United States delivered arms to Ukraine.", &c, 1);
    put_doc(f->s, "d", "2022-03-03", "", "Ukraine delivered drones to the United States.",
            &d, 1);
    assert_int_equal(info(f->s).stories, 3);
    chr_store_filter_init(&fl);
    fl.actor = "UKR";
    fl.type = "AID";
    assert_int_equal(stories(f->s, &fl).n, 1);
    assert_int_equal(mentions(f->s, &fl).n, 1);
}

static void test_story_status_is_the_furthest_along(void **state)
{
    fixture *f = *state;
    chr_record a = event("AID", "military", "DEU", "UKR", "pledged");
    chr_record b = event("AID", "military", "DEU", "UKR", "delivered");
    put_doc(f->s, "a", "2022-03-03", "", "Germany will supply Ukraine with anti-tank "
            "weapons.", &a, 1);
    put_doc(f->s, "b", "2022-03-04", "", "Germany delivered the anti-tank weapons to "
            "Ukraine.", &b, 1);
    got g = stories(f->s, NULL);
    assert_int_equal(g.n, 1);
    assert_string_equal(g.status[0], "delivered");
}

static void test_figures_merge_on_metric_side_population_and_value(void **state)
{
    fixture *f = *state;
    chr_record a = sourced(figure("killed", "civilians", "UKR", 2000, "2022-03-03"),
                           "Ukraine's Emergency Services");
    chr_record b = sourced(figure("killed", "civilians", "UKR", 2000, "2022-03-05"), "BBC");
    chr_record c = figure("killed", "civilians", "UKR", 2500, "2022-03-08");
    chr_record d = figure("killed", "soldiers", "RUS", 2000, "2022-03-03");
    put_doc(f->s, "a", "2022-03-03", "", "More than 2,000 civilians have been killed, "
            "according to Ukraine's Emergency Services.", &a, 1);
    put_doc(f->s, "b", "2022-03-05", "", "Over 2,000 civilians have died so far, the BBC "
            "reported.", &b, 1);
    put_doc(f->s, "c", "2022-03-08", "", "More than 2,500 civilians have been killed.", &c, 1);
    put_doc(f->s, "d", "2022-03-03", "", "More than 2,000 Russian soldiers have been "
            "killed.", &d, 1);
    chr_store_filter fl;
    chr_store_filter_init(&fl);
    fl.kind = CHR_REC_FIGURE;
    fl.side = "ukr";
    got g = stories(f->s, &fl);
    assert_int_equal(g.n, 2);
    /* newest first; a count repeated later stands as of its first report */
    assert_string_equal(g.as_of[0], "2022-03-08");
    assert_string_equal(g.as_of[1], "2022-03-03");
    assert_int_equal(g.mentions[1], 2);
    assert_int_equal(g.nsources[1], 2);
}

static void test_unnamed_source_counts_as_the_outlet(void **state)
{
    fixture *f = *state;
    chr_record a = figure("killed", "soldiers", "RUS", 7000, "2022-03-03");
    a.source.text = "A discreet report";
    a.source.kind = "unnamed";
    chr_record b = sourced(figure("killed", "soldiers", "RUS", 7000, "2022-03-04"), "AP");
    put_doc(f->s, "a", "2022-03-03", "AP", "A discreet report stated that 7,000 Russian "
            "soldiers have lost their lives.", &a, 1);
    put_doc(f->s, "b", "2022-03-04", "Reuters", "About 7,000 Russian soldiers have been "
            "killed, AP reported.", &b, 1);
    got g = stories(f->s, NULL);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.nsources[0], 1);
    assert_string_equal(g.first_source[0], "AP");
}

/* ---- queries ------------------------------------------------------------------------ */

static void fill_for_filters(chr_store *s)
{
    chr_record tanks = dated(event("AID", "military", "DEU", "UKR", "delivered"),
                             "2022-02-27", NULL);
    chr_ritem leo[1] = {{"Leopard 2 tanks", "Leopard 2", "tank", {"50", 50, 0, "exact", 1}}};
    tanks.items = leo;
    tanks.nitems = 1;
    tanks = sourced(tanks, "Der Spiegel");
    put_doc(s, "de-tanks", "2022-03-03", "DW", leopards, &tanks, 1);

    chr_record visit = dated(event("CONSULT", "visit", "USA", "POL", "planned"),
                             "2022-03-05", "2022-03-08");
    put_doc(s, "us-visit", "2022-03-03", "AP",
            "Blinken will visit Poland between March 5 and 8.", &visit, 1);

    chr_record sanction = money(event("SANCTION", "freeze", "EU", "RUS", "occurred"), 1e9, "EUR");
    put_doc(s, "eu-freeze", "2022-04-10", "Politico",
            "The EU froze 1 billion euros of Russian central bank assets.", &sanction, 1);

    chr_record killed = figure("killed", "civilians", "UKR", 2000, "2022-03-03");
    put_doc(s, "un-figure", "2022-03-03", "UN News",
            "More than 2,000 civilians have been killed, the UN said.", &killed, 1);
}

static void test_each_filter_selects_its_mentions(void **state)
{
    fixture *f = *state;
    fill_for_filters(f->s);
    static const struct {
        const char *name;
        chr_store_filter f;
        const char *since, *until;
        int n;
    } cases[] = {
        {"nothing", {.limit = 0}, NULL, NULL, 4},
        {"kind event", {.kind = CHR_REC_EVENT}, NULL, NULL, 3},
        {"kind figure", {.kind = CHR_REC_FIGURE}, NULL, NULL, 1},
        {"type in lower case", {.type = "aid"}, NULL, NULL, 1},
        {"mode", {.mode = "visit"}, NULL, NULL, 1},
        {"status", {.status = "planned"}, NULL, NULL, 1},
        {"actor", {.actor = "EU"}, NULL, NULL, 1},
        {"recipient", {.recipient = "ukr"}, NULL, NULL, 1},
        {"item by name", {.item = "leopard 2"}, NULL, NULL, 1},
        {"item by class", {.item = "tank"}, NULL, NULL, 1},
        {"metric", {.metric = "killed"}, NULL, NULL, 1},
        {"population", {.population = "civilians"}, NULL, NULL, 1},
        {"side", {.side = "UKR"}, NULL, NULL, 1},
        {"reported source", {.source = "der spiegel"}, NULL, NULL, 1},
        {"outlet", {.source = "Politico"}, NULL, NULL, 1},
        {"document", {.doc_id = "us-visit"}, NULL, NULL, 1},
        {"since: the visit, the freeze", {.limit = 0}, "2022-03-04", NULL, 2},
        {"until: the tanks, the figure", {.limit = 0}, NULL, "2022-03-04", 2},
        {"since and until in one month", {.limit = 0}, "2022-04-01", "2022-04-30", 1},
        {"two filters at once", {.actor = "DEU", .status = "pledged"}, NULL, NULL, 0},
        {"limit", {.limit = 3}, NULL, NULL, 3},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        chr_store_filter fl = cases[i].f;
        fl.since = day(cases[i].since);
        fl.until = day(cases[i].until);
        int n = mentions(f->s, &fl).n;
        if (n != cases[i].n) fail_msg("%s: %d mentions, expected %d", cases[i].name, n, cases[i].n);
        int ns = stories(f->s, &fl).n;
        if (ns != cases[i].n) fail_msg("%s: %d stories, expected %d", cases[i].name, ns, cases[i].n);
    }
}

static void test_date_filter_needs_a_mention_within_the_days(void **state)
{
    fixture *f = *state;
    chr_record a = event("ASSAULT", "aerial", "RUS", "UKR", "occurred");
    chr_record b = a;
    put_doc(f->s, "a", "2022-03-01", "", "Russian jets bombed Chernihiv.", &a, 1);
    put_doc(f->s, "b", "2022-03-04", "", "Russian aircraft bombed Chernihiv again.", &b, 1);
    assert_int_equal(info(f->s).stories, 1);
    /* The story spans March 1 to 4, but no mention is about the 2nd or 3rd. */
    chr_store_filter fl;
    chr_store_filter_init(&fl);
    fl.since = tu_day("2022-03-02");
    fl.until = tu_day("2022-03-03");
    assert_int_equal(stories(f->s, &fl).n, 0);
    assert_int_equal(mentions(f->s, &fl).n, 0);
    fl.until = tu_day("2022-03-04");
    got g = stories(f->s, &fl);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.mentions[0], 2);
    assert_int_equal(mentions(f->s, &fl).n, 1);
}

static void test_quotes_and_semicolons_in_filters_are_only_values(void **state)
{
    fixture *f = *state;
    fill_for_filters(f->s);
    static const char *const evil[] = {
        "UKR' OR '1'='1", "x'; DROP TABLE records; --", "\"; DELETE FROM stories; --",
        "' UNION SELECT * FROM documents --", "%", "_", "AID\" OR 1=1 --"};
    for (size_t i = 0; i < sizeof evil / sizeof *evil; i++) {
        const char *v = evil[i];
        chr_store_filter fs[11];
        for (int k = 0; k < 11; k++) chr_store_filter_init(&fs[k]);
        fs[0].type = v; fs[1].mode = v; fs[2].status = v; fs[3].actor = v;
        fs[4].recipient = v; fs[5].item = v; fs[6].metric = v; fs[7].population = v;
        fs[8].side = v; fs[9].source = v; fs[10].doc_id = v;
        for (int k = 0; k < 11; k++) {
            assert_int_equal(mentions(f->s, &fs[k]).n, 0);
            assert_int_equal(stories(f->s, &fs[k]).n, 0);
            assert_int_equal(totals(f->s, CHR_BY_ACTOR, &fs[k]).n, 0);
        }
    }
    chr_store_info i = info(f->s);
    assert_int_equal(i.documents, 4);
    assert_int_equal(i.records, 4);
    assert_int_equal(i.stories, 4);
}

/* ---- totals ------------------------------------------------------------------------- */

static int find_total(const totals_got *g, const char *group, const char *unit)
{
    for (int i = 0; i < g->n; i++)
        if (strcmp(g->group[i], group) == 0 && strcmp(g->unit[i], unit) == 0) return i;
    fail_msg("no total for %s %s", group, unit);
    return -1;
}

static void test_totals_count_a_story_once_however_often_reported(void **state)
{
    fixture *f = *state;
    chr_record a = sourced(dated(money(event("AID", "military", "USA", "UKR", "pledged"), 350e6,
                                       "USD"), "2022-02-25", NULL), "NBC News");
    chr_record b = sourced(a, "CNN");
    chr_record c = dated(money(event("AID", "economic", "USA", "UKR", "pledged"), 1e9, "EUR"),
                         "2022-03-10", NULL);
    chr_record d = dated(event("AID", "humanitarian", "USA", "MDA", "delivered"),
                         "2022-03-11", NULL);
    put_doc(f->s, "a", "2022-03-03", "", "The White House announced $350 million in arms "
            "for Ukraine.", &a, 1);
    put_doc(f->s, "b", "2022-03-04", "", "Washington has pledged $350 million of weapons "
            "to Kyiv, CNN said.", &b, 1);
    put_doc(f->s, "c", "2022-03-11", "", "The United States pledged a 1 billion euro loan "
            "to Ukraine.", &c, 1);
    put_doc(f->s, "d", "2022-03-12", "", "The United States delivered food to Moldova.", &d, 1);

    totals_got g = totals(f->s, CHR_BY_ACTOR, NULL);
    int i = find_total(&g, "USA", "stories");
    assert_true(g.total[i] == 3);
    i = find_total(&g, "USA", "USD");
    assert_true(g.total[i] == 350e6);
    assert_int_equal(g.stories[i], 1);
    assert_int_equal(g.sources[i], 2);
    i = find_total(&g, "USA", "EUR");
    assert_true(g.total[i] == 1e9);

    g = totals(f->s, CHR_BY_RECIPIENT, NULL);
    assert_true(g.total[find_total(&g, "MDA", "stories")] == 1);
    assert_true(g.total[find_total(&g, "UKR", "stories")] == 2);

    g = totals(f->s, CHR_BY_MONTH, NULL);
    assert_true(g.total[find_total(&g, "2022-02", "USD")] == 350e6);
    assert_true(g.total[find_total(&g, "2022-03", "EUR")] == 1e9);
    assert_true(g.total[find_total(&g, "2022-03", "stories")] == 2);
}

static void test_totals_of_items_take_each_item_at_its_largest_count(void **state)
{
    fixture *f = *state;
    chr_record a = event("AID", "military", "USA", "UKR", "delivered");
    chr_record b = a, c = event("AID", "military", "DEU", "UKR", "delivered");
    chr_ritem ia[2] = {{"hundreds of stinger missiles", "Stinger", "air-defence",
                        {"hundreds", 200, 0, "at_least", 1}},
                       {"ammunition", NULL, "ammunition", {NULL, 0, 0, NULL, 0}}};
    chr_ritem ib[1] = {{"over 250 Stingers", "Stinger", "air-defence",
                        {"over 250", 250, 0, "more_than", 1}}};
    chr_ritem ic[1] = {{"500 anti-aircraft stingers", "Stinger", "air-defence",
                        {"500", 500, 0, "exact", 1}}};
    a.items = ia; a.nitems = 2;
    b.items = ib; b.nitems = 1;
    c.items = ic; c.nitems = 1;
    put_doc(f->s, "a", "2022-03-03", "", "The United States delivered hundreds of Stinger "
            "missiles and ammunition to Ukraine.", &a, 1);
    put_doc(f->s, "b", "2022-03-03", "", "Washington sent over 250 Stingers to Kyiv.", &b, 1);
    put_doc(f->s, "c", "2022-03-03", "", "Germany delivered 500 anti-aircraft stingers to "
            "Ukraine.", &c, 1);
    totals_got g = totals(f->s, CHR_BY_ITEM, NULL);
    int i = find_total(&g, "Stinger", "items");
    assert_true(g.total[i] == 750);
    assert_int_equal(g.stories[i], 2);
    assert_true(g.total[find_total(&g, "ammunition", "stories")] == 1);
    g = totals(f->s, CHR_BY_ACTOR, NULL);
    assert_true(g.total[find_total(&g, "USA", "items")] == 250);
    chr_store_filter fl;
    chr_store_filter_init(&fl);
    fl.item = "stinger";
    fl.actor = "DEU";
    g = totals(f->s, CHR_BY_ACTOR, &fl);
    assert_int_equal(g.n, 2);
    assert_true(g.total[find_total(&g, "DEU", "items")] == 500);
}

/* ---- output ---------------------------------------------------------------------------- */

static char *export_all(chr_store *s, chr_store_fmt fmt)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    chr_store_filter fl;
    chr_store_filter_init(&fl);
    chr_error err;
    assert_int_equal(chr_store_export(s, &fl, fmt, out, &err), CHR_OK);
    fclose(out);
    return buf;
}

static void test_export_gives_back_the_records_as_put_in_stored_order(void **state)
{
    fixture *f = *state;
    const char *text = "Germany sent tanks to Ukraine. Poland sent jets to Ukraine.";
    uint32_t spans[4] = {0, 30, 31, (uint32_t)strlen(text)};
    chr_store_doc d = {"z-later-id", "2022-03-03", "", "", "", text, strlen(text), spans, 2};
    chr_record r[2] = {event("AID", "military", "DEU", "UKR", "delivered"),
                       event("AID", "military", "POL", "UKR", "delivered")};
    const char *json[2] = {"{\"doc_id\":\"z-later-id\",\"kind\":\"event\",\"n\":1}",
                           "{\"doc_id\":\"z-later-id\",\"kind\":\"event\",\"n\":2}"};
    int outcome;
    chr_error err;
    assert_int_equal(chr_store_begin(f->s, &err), CHR_OK);
    assert_int_equal(chr_store_put_document(f->s, &d, 0, &outcome, &err), CHR_OK);
    assert_int_equal(chr_store_put_records(f->s, r, json, 2, &err), CHR_OK);
    assert_int_equal(chr_store_commit(f->s, &err), CHR_OK);
    chr_record later = event("AID", "military", "FRA", "UKR", "delivered");
    put_doc(f->s, "a-earlier-id", "2022-03-01", "", "France sent guns to Ukraine.", &later, 1);
    char *out = export_all(f->s, CHR_STORE_JSONL);
    /* The document put first comes first, its records in their order; a
     * mention kept without JSON is written from its slots. */
    const char *second = strstr(out, json[1]);
    assert_ptr_equal(out, strstr(out, json[0]));
    assert_non_null(second);
    assert_non_null(strstr(second, "\"doc_id\":\"a-earlier-id\""));
    assert_non_null(strstr(second, "\"actor\":\"FRA\""));
    free(out);
}

static void test_csv_quotes_commas_quotes_and_line_breaks(void **state)
{
    fixture *f = *state;
    const char *text = "\"We will not stop,\" Zelensky said,\nas Germany sent tanks.";
    chr_record r = event("AID", "military", "DEU", "UKR", "delivered");
    put_doc(f->s, "q", "2022-03-03", "Kyiv Independent", text, &r, 1);
    char *out = export_all(f->s, CHR_STORE_CSV);
    assert_non_null(strstr(out, "\r\n"));
    assert_non_null(strstr(out, ",\"\"\"We will not stop,\"\" Zelensky said,\nas Germany sent "
                                "tanks.\"\r\n"));
    assert_non_null(strstr(out, ",Kyiv Independent,"));
    free(out);
}

/* ---- the merging rule on its own --------------------------------------------------------- */

static void test_symmetric_key_orders_the_pair(void **state)
{
    (void)state;
    chr_record a = event("CONSULT", "meet", "UKR", "RUS", "occurred");
    char k1[64], k2[64];
    a.symmetric = 1;
    chr_story_key(&a, k1, sizeof k1);
    assert_string_equal(k1, "E|CONSULT|meet|RUS|UKR");
    a.symmetric = 0;
    chr_story_key(&a, k2, sizeof k2);
    assert_string_equal(k2, "E|CONSULT|meet|UKR|RUS");
    assert_int_equal(chr_story_key(&a, k2, 8), 0);
}

static void test_undated_mention_is_about_the_three_days_before_publication(void **state)
{
    (void)state;
    chr_record r = event("ASSAULT", "aerial", "RUS", "UKR", "occurred");
    chr_story_mention m;
    long long lo, hi;
    chr_story_mention_of(&r, tu_day("2022-03-03"), &m);
    chr_story_window(&m, &lo, &hi);
    assert_int_equal(lo, tu_day("2022-02-28"));
    assert_int_equal(hi, tu_day("2022-03-03"));
    r = dated(r, "2022-02-24", NULL);
    chr_story_mention_of(&r, tu_day("2022-03-03"), &m);
    chr_story_window(&m, &lo, &hi);
    assert_int_equal(lo, tu_day("2022-02-24"));
    assert_int_equal(hi, tu_day("2022-02-24"));
}

static void test_status_ranks_from_planned_to_delivered(void **state)
{
    (void)state;
    assert_true(chr_story_status_rank("planned") < chr_story_status_rank("pledged"));
    assert_true(chr_story_status_rank("pledged") < chr_story_status_rank("occurred"));
    assert_true(chr_story_status_rank("occurred") < chr_story_status_rank("delivered"));
    assert_string_equal(chr_story_status_name(chr_story_status_rank(NULL)), "occurred");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
#define T(t) cmocka_unit_test_setup_teardown(t, setup, teardown)
        T(test_new_store_is_at_the_current_schema),
        T(test_missing_store_cannot_be_read),
        T(test_file_that_is_not_a_database_is_refused),
        T(test_database_of_another_program_is_refused),
        T(test_store_of_a_newer_chronicle_is_refused),
        T(test_documents_are_put_inside_a_transaction),
        T(test_rollback_leaves_nothing_behind),
        T(test_same_document_twice_is_unchanged),
        T(test_changed_document_replaces_its_records),
        T(test_changed_document_leaves_other_mentions_of_its_stories),
        T(test_force_treats_an_unchanged_document_as_changed),
        T(test_find_tells_what_putting_would_find_and_changes_nothing),
        T(test_find_inside_a_transaction_sees_what_it_put),
        T(test_input_as_read_is_found_as_the_library_stores_it),
        T(test_input_is_found_with_the_date_that_overrides_its_own),
        T(test_same_delivery_in_two_articles_is_one_story),
        T(test_dates_decide_whether_two_mentions_are_one_story),
        T(test_story_date_is_the_most_precise_reported),
        T(test_money_must_agree_when_both_mentions_carry_it),
        T(test_talks_are_one_story_whichever_side_comes_first),
        T(test_story_status_is_the_furthest_along),
        T(test_figures_merge_on_metric_side_population_and_value),
        T(test_unnamed_source_counts_as_the_outlet),
        T(test_each_filter_selects_its_mentions),
        T(test_date_filter_needs_a_mention_within_the_days),
        T(test_quotes_and_semicolons_in_filters_are_only_values),
        T(test_totals_count_a_story_once_however_often_reported),
        T(test_totals_of_items_take_each_item_at_its_largest_count),
        T(test_export_gives_back_the_records_as_put_in_stored_order),
        T(test_csv_quotes_commas_quotes_and_line_breaks),
        cmocka_unit_test(test_symmetric_key_orders_the_pair),
        cmocka_unit_test(test_undated_mention_is_about_the_three_days_before_publication),
        cmocka_unit_test(test_status_ranks_from_planned_to_delivered),
#undef T
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
