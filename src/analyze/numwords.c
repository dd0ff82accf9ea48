/*
 * numwords.c - the number lexicon: cardinal and ordinal words, scales and
 * their abbreviations, fractions, vague plurals, months, and the words around
 * numbers that tell what a number is not (percent, a.m., Article 5).
 *
 * The table is hashed once (pthread_once) into an open-addressing index that
 * is read-only afterwards, so threads share it; the key is the text layer's
 * word hash, which the tokenizer has made for every token, so a lookup
 * hashes nothing.  chr_numwords_doc() prepares a document and a token gets
 * its entry the first time the parser in numbers.c asks for it (most are
 * never asked: filters of the words that can start a number turn them
 * away), so that the parser compares classes, not strings.
 */
#include "numwords.h"

#include <pthread.h>
#include <string.h>

#define W(s, c, f, v, m) {s, c, f, v, m}

static const nw_word words[] = {
    /* cardinals */
    W("zero", NW_UNIT, 0, 0, 0), W("nought", NW_UNIT, 0, 0, 0), W("naught", NW_UNIT, 0, 0, 0),
    W("one", NW_UNIT, 0, 1, 0), W("two", NW_UNIT, 0, 2, 0), W("three", NW_UNIT, 0, 3, 0),
    W("four", NW_UNIT, 0, 4, 0), W("five", NW_UNIT, 0, 5, 0), W("six", NW_UNIT, 0, 6, 0),
    W("seven", NW_UNIT, 0, 7, 0), W("eight", NW_UNIT, 0, 8, 0), W("nine", NW_UNIT, 0, 9, 0),
    W("ten", NW_TEEN, 0, 10, 0), W("eleven", NW_TEEN, 0, 11, 0), W("twelve", NW_TEEN, 0, 12, 0),
    W("thirteen", NW_TEEN, 0, 13, 0), W("fourteen", NW_TEEN, 0, 14, 0),
    W("fifteen", NW_TEEN, 0, 15, 0), W("sixteen", NW_TEEN, 0, 16, 0),
    W("seventeen", NW_TEEN, 0, 17, 0), W("eighteen", NW_TEEN, 0, 18, 0),
    W("nineteen", NW_TEEN, 0, 19, 0),
    W("twenty", NW_TENS, 0, 20, 0), W("thirty", NW_TENS, 0, 30, 0), W("forty", NW_TENS, 0, 40, 0),
    W("fourty", NW_TENS, 0, 40, 0), W("fifty", NW_TENS, 0, 50, 0), W("sixty", NW_TENS, 0, 60, 0),
    W("seventy", NW_TENS, 0, 70, 0), W("eighty", NW_TENS, 0, 80, 0), W("ninety", NW_TENS, 0, 90, 0),
    W("hundred", NW_HUNDRED, 0, 100, 100),
    W("thousand", NW_SCALE, 0, 1e3, 1e3), W("million", NW_SCALE, 0, 1e6, 1e6),
    W("billion", NW_SCALE, 0, 1e9, 1e9), W("trillion", NW_SCALE, 0, 1e12, 1e12),
    /* South Asian English: a lakh is 100,000 and a crore 10,000,000 */
    W("lakh", NW_SCALE, 0, 1e5, 1e5), W("lakhs", NW_SCALE, NWF_PLURAL, 1e5, 1e5),
    W("crore", NW_SCALE, 0, 1e7, 1e7), W("crores", NW_SCALE, NWF_PLURAL, 1e7, 1e7),

    /* scales written after digits: 10k, 2.3bn, 350m, 10 bln */
    W("k", NW_ABBR, 0, 1e3, 1e3), W("m", NW_ABBR, 0, 1e6, 1e6),
    W("mn", NW_ABBR, NWF_SPACED, 1e6, 1e6), W("mln", NW_ABBR, NWF_SPACED, 1e6, 1e6),
    W("mil", NW_ABBR, 0, 1e6, 1e6), W("mm", NW_ABBR, 0, 1e6, 1e6),
    W("b", NW_ABBR, 0, 1e9, 1e9), W("bn", NW_ABBR, NWF_SPACED, 1e9, 1e9),
    W("bln", NW_ABBR, NWF_SPACED, 1e9, 1e9), W("tn", NW_ABBR, NWF_SPACED, 1e12, 1e12),
    W("tln", NW_ABBR, NWF_SPACED, 1e12, 1e12), W("trn", NW_ABBR, NWF_SPACED, 1e12, 1e12),

    W("dozen", NW_DOZEN, 0, 12, 12),
    W("dz", NW_DOZEN, NWF_AFTER_NUM, 12, 12), W("dzs", NW_DOZEN, NWF_AFTER_NUM, 12, 12),
    W("doz", NW_DOZEN, NWF_AFTER_NUM, 12, 12), W("dozs", NW_DOZEN, NWF_AFTER_NUM, 12, 12),

    /* vague plurals: the lower bound a reader can rely on (two of the unit),
       and the unit for "3 dozens", "5 thousands" */
    W("dozens", NW_VAGUE, NWF_PLURAL, 24, 12), W("hundreds", NW_VAGUE, NWF_PLURAL, 200, 100),
    W("thousands", NW_VAGUE, NWF_PLURAL, 2000, 1e3), W("millions", NW_VAGUE, NWF_PLURAL, 2e6, 1e6),
    W("billions", NW_VAGUE, NWF_PLURAL, 2e9, 1e9), W("trillions", NW_VAGUE, NWF_PLURAL, 2e12, 1e12),
    W("scores", NW_VAGUE, NWF_PLURAL, 40, 20), W("tens", NW_VAGUE, NWF_PLURAL, 20, 10),

    /* quantifiers before a scale: several hundred, a few thousand */
    W("several", NW_NONE, NWF_QUANT, 3, 0), W("few", NW_NONE, NWF_QUANT, 2, 0),
    W("many", NW_NONE, NWF_QUANT, 2, 0), W("couple", NW_NONE, NWF_QUANT, 2, 0),

    W("half", NW_DENOM, 0, 0.5, 2), W("halves", NW_DENOM, NWF_PLURAL, 0.5, 2),
    W("quarter", NW_DENOM, 0, 0.25, 4), W("quarters", NW_DENOM, NWF_PLURAL, 0.25, 4),

    /* ordinals; the value is the position, the scale the denominator when
       the word names a fraction (two thirds) */
    W("first", NW_ORD, 0, 1, 0), W("second", NW_ORD, 0, 2, 0),
    W("third", NW_ORD, 0, 3, 3), W("thirds", NW_ORD, NWF_PLURAL, 3, 3),
    W("fourth", NW_ORD, 0, 4, 4), W("fourths", NW_ORD, NWF_PLURAL, 4, 4),
    W("fifth", NW_ORD, 0, 5, 5), W("fifths", NW_ORD, NWF_PLURAL, 5, 5),
    W("sixth", NW_ORD, 0, 6, 6), W("sixths", NW_ORD, NWF_PLURAL, 6, 6),
    W("seventh", NW_ORD, 0, 7, 7), W("sevenths", NW_ORD, NWF_PLURAL, 7, 7),
    W("eighth", NW_ORD, 0, 8, 8), W("eighths", NW_ORD, NWF_PLURAL, 8, 8),
    W("ninth", NW_ORD, 0, 9, 9), W("ninths", NW_ORD, NWF_PLURAL, 9, 9),
    W("nineth", NW_ORD, 0, 9, 9),    /* a frequent misspelling */
    W("tenth", NW_ORD, 0, 10, 10), W("tenths", NW_ORD, NWF_PLURAL, 10, 10),
    W("eleventh", NW_ORD, 0, 11, 11), W("twelfth", NW_ORD, 0, 12, 12),
    W("thirteenth", NW_ORD, 0, 13, 13), W("fourteenth", NW_ORD, 0, 14, 14),
    W("fifteenth", NW_ORD, 0, 15, 15), W("sixteenth", NW_ORD, 0, 16, 16),
    W("seventeenth", NW_ORD, 0, 17, 17), W("eighteenth", NW_ORD, 0, 18, 18),
    W("nineteenth", NW_ORD, 0, 19, 19),
    W("twentieth", NW_ORD, 0, 20, 20), W("thirtieth", NW_ORD, 0, 30, 30),
    W("fortieth", NW_ORD, 0, 40, 40), W("fiftieth", NW_ORD, 0, 50, 50),
    W("sixtieth", NW_ORD, 0, 60, 60), W("seventieth", NW_ORD, 0, 70, 70),
    W("eightieth", NW_ORD, 0, 80, 80), W("ninetieth", NW_ORD, 0, 90, 90),
    W("hundredth", NW_ORD_SCALE, 0, 100, 100), W("hundredths", NW_ORD_SCALE, NWF_PLURAL, 100, 100),
    W("thousandth", NW_ORD_SCALE, 0, 1e3, 1e3), W("thousandths", NW_ORD_SCALE, NWF_PLURAL, 1e3, 1e3),
    W("millionth", NW_ORD_SCALE, 0, 1e6, 1e6), W("millionths", NW_ORD_SCALE, NWF_PLURAL, 1e6, 1e6),
    W("billionth", NW_ORD_SCALE, 0, 1e9, 1e9), W("billionths", NW_ORD_SCALE, NWF_PLURAL, 1e9, 1e9),
    W("trillionth", NW_ORD_SCALE, 0, 1e12, 1e12), W("trillionths", NW_ORD_SCALE, NWF_PLURAL, 1e12, 1e12),

    W("january", NW_MONTH, 0, 1, 0), W("jan", NW_MONTH, 0, 1, 0),
    W("february", NW_MONTH, 0, 2, 0), W("feb", NW_MONTH, 0, 2, 0),
    W("march", NW_MONTH, 0, 3, 0), W("mar", NW_MONTH, 0, 3, 0),
    W("april", NW_MONTH, 0, 4, 0), W("apr", NW_MONTH, 0, 4, 0),
    W("may", NW_MONTH, 0, 5, 0),
    W("june", NW_MONTH, 0, 6, 0), W("jun", NW_MONTH, 0, 6, 0),
    W("july", NW_MONTH, 0, 7, 0), W("jul", NW_MONTH, 0, 7, 0),
    W("august", NW_MONTH, 0, 8, 0), W("aug", NW_MONTH, 0, 8, 0),
    W("september", NW_MONTH, 0, 9, 0), W("sep", NW_MONTH, 0, 9, 0), W("sept", NW_MONTH, 0, 9, 0),
    W("october", NW_MONTH, 0, 10, 0), W("oct", NW_MONTH, 0, 10, 0),
    W("november", NW_MONTH, 0, 11, 0), W("nov", NW_MONTH, 0, 11, 0),
    W("december", NW_MONTH, 0, 12, 0), W("dec", NW_MONTH, 0, 12, 0),

    /* "a" stands for one before hundred, thousand, dozen ("a million") */
    W("a", NW_ARTICLE, 0, 1, 0), W("an", NW_ARTICLE, 0, 1, 0),

    /* words after a number that make it a percentage */
    W("percent", NW_NONE, NWF_PERCENT, 0, 0), W("percents", NW_NONE, NWF_PERCENT, 0, 0),
    W("percentage", NW_NONE, NWF_PERCENT, 0, 0), W("pc", NW_NONE, NWF_PERCENT, 0, 0),
    W("pct", NW_NONE, NWF_PERCENT, 0, 0),

    /* words after a number that make it a time of day */
    W("am", NW_NONE, NWF_TIME, 0, 0), W("pm", NW_NONE, NWF_TIME, 0, 0),
    W("o'clock", NW_NONE, NWF_TIME, 0, 0), W("gmt", NW_NONE, NWF_TIME, 0, 0),
    W("utc", NW_NONE, NWF_TIME, 0, 0), W("bst", NW_NONE, NWF_TIME, 0, 0),
    W("cet", NW_NONE, NWF_TIME, 0, 0), W("cest", NW_NONE, NWF_TIME, 0, 0),
    W("eet", NW_NONE, NWF_TIME, 0, 0), W("eest", NW_NONE, NWF_TIME, 0, 0),
    W("msk", NW_NONE, NWF_TIME, 0, 0), W("est", NW_NONE, NWF_TIME, 0, 0),
    W("edt", NW_NONE, NWF_TIME, 0, 0), W("pst", NW_NONE, NWF_TIME, 0, 0),
    W("pdt", NW_NONE, NWF_TIME, 0, 0),

    /* web addresses: their digits are not counts */
    W("http", NW_NONE, NWF_URL, 0, 0), W("https", NW_NONE, NWF_URL, 0, 0),
    W("www", NW_NONE, NWF_URL, 0, 0),

    /* words before a number that make it a label: Article 5, Resolution
       2334, Phase 2; and system names written with a spaced number (the
       items dictionary knows more of them; these are the frequent ones) */
    W("article", NW_NONE, NWF_DESIG, 0, 0), W("resolution", NW_NONE, NWF_DESIG, 0, 0),
    W("chapter", NW_NONE, NWF_DESIG, 0, 0), W("section", NW_NONE, NWF_DESIG, 0, 0),
    W("phase", NW_NONE, NWF_DESIG, 0, 0), W("stage", NW_NONE, NWF_DESIG, 0, 0),
    W("level", NW_NONE, NWF_DESIG, 0, 0), W("category", NW_NONE, NWF_DESIG, 0, 0),
    W("grade", NW_NONE, NWF_DESIG, 0, 0), W("flight", NW_NONE, NWF_DESIG, 0, 0),
    W("route", NW_NONE, NWF_DESIG, 0, 0), W("highway", NW_NONE, NWF_DESIG, 0, 0),
    W("room", NW_NONE, NWF_DESIG, 0, 0), W("reactor", NW_NONE, NWF_DESIG, 0, 0),
    W("channel", NW_NONE, NWF_DESIG, 0, 0), W("page", NW_NONE, NWF_DESIG, 0, 0),
    W("version", NW_NONE, NWF_DESIG, 0, 0), W("model", NW_NONE, NWF_DESIG, 0, 0),
    W("type", NW_NONE, NWF_DESIG, 0, 0), W("series", NW_NONE, NWF_DESIG, 0, 0),
    W("gate", NW_NONE, NWF_DESIG, 0, 0), W("terminal", NW_NONE, NWF_DESIG, 0, 0),
    W("platform", NW_NONE, NWF_DESIG, 0, 0), W("episode", NW_NONE, NWF_DESIG, 0, 0),
    W("season", NW_NONE, NWF_DESIG, 0, 0), W("clause", NW_NONE, NWF_DESIG, 0, 0),
    W("paragraph", NW_NONE, NWF_DESIG, 0, 0), W("step", NW_NONE, NWF_DESIG, 0, 0),
    W("tier", NW_NONE, NWF_DESIG, 0, 0), W("unit", NW_NONE, NWF_DESIG, 0, 0),
    W("block", NW_NONE, NWF_DESIG, 0, 0), W("title", NW_NONE, NWF_DESIG, 0, 0),
    W("graph", NW_NONE, NWF_DESIG, 0, 0), W("figure", NW_NONE, NWF_DESIG, 0, 0),
    W("table", NW_NONE, NWF_DESIG, 0, 0), W("chart", NW_NONE, NWF_DESIG, 0, 0),
    W("annex", NW_NONE, NWF_DESIG, 0, 0), W("appendix", NW_NONE, NWF_DESIG, 0, 0),
    W("image", NW_NONE, NWF_DESIG, 0, 0), W("photo", NW_NONE, NWF_DESIG, 0, 0),
    W("nordstream", NW_NONE, NWF_DESIG, 0, 0), W("radio", NW_NONE, NWF_DESIG, 0, 0),
    W("covid", NW_NONE, NWF_DESIG, 0, 0), W("leopard", NW_NONE, NWF_DESIG, 0, 0),
    W("challenger", NW_NONE, NWF_DESIG, 0, 0), W("merkava", NW_NONE, NWF_DESIG, 0, 0),
    W("marder", NW_NONE, NWF_DESIG, 0, 0), W("mirage", NW_NONE, NWF_DESIG, 0, 0),
    W("stream", NW_NONE, NWF_DESIG, 0, 0), W("minsk", NW_NONE, NWF_DESIG, 0, 0),
    W("falcon", NW_NONE, NWF_DESIG, 0, 0), W("soyuz", NW_NONE, NWF_DESIG, 0, 0),
    W("apollo", NW_NONE, NWF_DESIG, 0, 0), W("boeing", NW_NONE, NWF_DESIG, 0, 0),
    W("windows", NW_NONE, NWF_DESIG, 0, 0), W("iphone", NW_NONE, NWF_DESIG, 0, 0),
    W("no", NW_NONE, NWF_DESIG_CAP | NWF_ONE_DET, 0, 0), W("nos", NW_NONE, NWF_DESIG_CAP, 0, 0),
    W("number", NW_NONE, NWF_DESIG_CAP, 0, 0), W("war", NW_NONE, NWF_DESIG_CAP, 0, 0),
    W("act", NW_NONE, NWF_DESIG_CAP, 0, 0), W("class", NW_NONE, NWF_DESIG_CAP, 0, 0),

    /* periods: "over 3 years" is usually a duration, not "more than 3" */
    W("seconds", NW_NONE, NWF_DURATION, 0, 0), W("minutes", NW_NONE, NWF_DURATION, 0, 0),
    W("hours", NW_NONE, NWF_DURATION, 0, 0), W("days", NW_NONE, NWF_DURATION, 0, 0),
    W("nights", NW_NONE, NWF_DURATION, 0, 0), W("weeks", NW_NONE, NWF_DURATION, 0, 0),
    W("weekends", NW_NONE, NWF_DURATION, 0, 0), W("months", NW_NONE, NWF_DURATION, 0, 0),
    W("years", NW_NONE, NWF_DURATION, 0, 0), W("decades", NW_NONE, NWF_DURATION, 0, 0),
    W("centuries", NW_NONE, NWF_DURATION, 0, 0), W("hour", NW_NONE, NWF_DURATION, 0, 0),
    W("day", NW_NONE, NWF_DURATION | NWF_DESIG_CAP, 0, 0),   /* Day 3 of the war */
    W("week", NW_NONE, NWF_DURATION, 0, 0),
    W("month", NW_NONE, NWF_DURATION, 0, 0), W("year", NW_NONE, NWF_DURATION, 0, 0),

    /* "one" is a pronoun after these ("the one", "which one") ... */
    W("the", NW_NONE, NWF_ONE_DET, 0, 0), W("this", NW_NONE, NWF_ONE_DET, 0, 0),
    W("that", NW_NONE, NWF_ONE_DET | NWF_ONE_PRO, 0, 0), W("which", NW_NONE, NWF_ONE_DET | NWF_ONE_PRO, 0, 0),
    W("each", NW_NONE, NWF_ONE_DET, 0, 0), W("every", NW_NONE, NWF_ONE_DET, 0, 0),
    W("any", NW_NONE, NWF_ONE_DET, 0, 0), W("another", NW_NONE, NWF_ONE_DET | NWF_ONE_PRO, 0, 0),
    W("last", NW_NONE, NWF_ONE_DET, 0, 0), W("next", NW_NONE, NWF_ONE_DET, 0, 0),
    W("other", NW_NONE, NWF_ONE_DET, 0, 0), W("same", NW_NONE, NWF_ONE_DET, 0, 0),
    W("loved", NW_NONE, NWF_ONE_DET, 0, 0), W("little", NW_NONE, NWF_ONE_DET, 0, 0),
    W("young", NW_NONE, NWF_ONE_DET, 0, 0), W("such", NW_NONE, NWF_ONE_DET, 0, 0),
    W("right", NW_NONE, NWF_ONE_DET, 0, 0), W("wrong", NW_NONE, NWF_ONE_DET, 0, 0),
    W("old", NW_NONE, NWF_ONE_DET, 0, 0),
    W("big", NW_NONE, NWF_ONE_DET, 0, 0),
    /* ... and before these ("one of the", "one another", "one said") */
    W("of", NW_NONE, NWF_ONE_PRO, 0, 0), W("who", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("is", NW_NONE, NWF_ONE_PRO, 0, 0), W("was", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("has", NW_NONE, NWF_ONE_PRO, 0, 0), W("had", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("could", NW_NONE, NWF_ONE_PRO, 0, 0), W("would", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("should", NW_NONE, NWF_ONE_PRO, 0, 0), W("can", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("will", NW_NONE, NWF_ONE_PRO, 0, 0), W("might", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("must", NW_NONE, NWF_ONE_PRO, 0, 0), W("does", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("did", NW_NONE, NWF_ONE_PRO, 0, 0), W("said", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("says", NW_NONE, NWF_ONE_PRO, 0, 0), W("by", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("'s", NW_NONE, NWF_ONE_PRO, 0, 0), W("else", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("way", NW_NONE, NWF_ONE_PRO, 0, 0), W("hand", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("side", NW_NONE, NWF_ONE_PRO, 0, 0), W("thing", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("too", NW_NONE, NWF_ONE_PRO, 0, 0), W("you", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("do", NW_NONE, NWF_ONE_PRO, 0, 0), W("needs", NW_NONE, NWF_ONE_PRO, 0, 0),
    W("need", NW_NONE, NWF_ONE_PRO, 0, 0),

    /* first words of currency names (money.c has the names themselves) */
    W("dollar", NW_NONE, NWF_CURRENCY, 0, 0), W("dollars", NW_NONE, NWF_CURRENCY, 0, 0),
    W("euro", NW_NONE, NWF_CURRENCY, 0, 0), W("euros", NW_NONE, NWF_CURRENCY, 0, 0),
    W("pound", NW_NONE, NWF_CURRENCY, 0, 0), W("pounds", NW_NONE, NWF_CURRENCY, 0, 0),
    W("sterling", NW_NONE, NWF_CURRENCY, 0, 0), W("yen", NW_NONE, NWF_CURRENCY, 0, 0),
    W("yuan", NW_NONE, NWF_CURRENCY, 0, 0), W("renminbi", NW_NONE, NWF_CURRENCY, 0, 0),
    W("rmb", NW_NONE, NWF_CURRENCY, 0, 0),
    W("rouble", NW_NONE, NWF_CURRENCY, 0, 0), W("roubles", NW_NONE, NWF_CURRENCY, 0, 0),
    W("ruble", NW_NONE, NWF_CURRENCY, 0, 0), W("rubles", NW_NONE, NWF_CURRENCY, 0, 0),
    W("hryvnia", NW_NONE, NWF_CURRENCY, 0, 0), W("hryvnias", NW_NONE, NWF_CURRENCY, 0, 0),
    W("hryvna", NW_NONE, NWF_CURRENCY, 0, 0), W("hryvnas", NW_NONE, NWF_CURRENCY, 0, 0),
    W("hryvnya", NW_NONE, NWF_CURRENCY, 0, 0), W("hryvnyas", NW_NONE, NWF_CURRENCY, 0, 0),
    W("hryvni", NW_NONE, NWF_CURRENCY, 0, 0),
    W("zloty", NW_NONE, NWF_CURRENCY, 0, 0), W("zlotys", NW_NONE, NWF_CURRENCY, 0, 0),
    W("zlotych", NW_NONE, NWF_CURRENCY, 0, 0), W("złoty", NW_NONE, NWF_CURRENCY, 0, 0),
    W("złotys", NW_NONE, NWF_CURRENCY, 0, 0), W("zł", NW_NONE, NWF_CURRENCY, 0, 0),
    W("krona", NW_NONE, NWF_CURRENCY, 0, 0), W("kronor", NW_NONE, NWF_CURRENCY, 0, 0),
    W("krone", NW_NONE, NWF_CURRENCY, 0, 0), W("kroner", NW_NONE, NWF_CURRENCY, 0, 0),
    W("kronur", NW_NONE, NWF_CURRENCY, 0, 0),
    W("franc", NW_NONE, NWF_CURRENCY, 0, 0), W("francs", NW_NONE, NWF_CURRENCY, 0, 0),
    W("lira", NW_NONE, NWF_CURRENCY, 0, 0), W("liras", NW_NONE, NWF_CURRENCY, 0, 0),
    W("lire", NW_NONE, NWF_CURRENCY, 0, 0),
    W("rupee", NW_NONE, NWF_CURRENCY, 0, 0), W("rupees", NW_NONE, NWF_CURRENCY, 0, 0),
    W("shekel", NW_NONE, NWF_CURRENCY, 0, 0), W("shekels", NW_NONE, NWF_CURRENCY, 0, 0),
    W("riyal", NW_NONE, NWF_CURRENCY, 0, 0), W("riyals", NW_NONE, NWF_CURRENCY, 0, 0),
    W("rial", NW_NONE, NWF_CURRENCY, 0, 0), W("rials", NW_NONE, NWF_CURRENCY, 0, 0),
    W("dirham", NW_NONE, NWF_CURRENCY, 0, 0), W("dirhams", NW_NONE, NWF_CURRENCY, 0, 0),
    W("dinar", NW_NONE, NWF_CURRENCY, 0, 0), W("dinars", NW_NONE, NWF_CURRENCY, 0, 0),
    W("lari", NW_NONE, NWF_CURRENCY, 0, 0), W("tenge", NW_NONE, NWF_CURRENCY, 0, 0),
    W("manat", NW_NONE, NWF_CURRENCY, 0, 0), W("manats", NW_NONE, NWF_CURRENCY, 0, 0),
    W("dram", NW_NONE, NWF_CURRENCY, 0, 0), W("drams", NW_NONE, NWF_CURRENCY, 0, 0),
    W("forint", NW_NONE, NWF_CURRENCY, 0, 0), W("forints", NW_NONE, NWF_CURRENCY, 0, 0),
    W("leu", NW_NONE, NWF_CURRENCY, 0, 0), W("lei", NW_NONE, NWF_CURRENCY, 0, 0),
    W("lev", NW_NONE, NWF_CURRENCY, 0, 0), W("leva", NW_NONE, NWF_CURRENCY, 0, 0),
    W("koruna", NW_NONE, NWF_CURRENCY, 0, 0), W("korunas", NW_NONE, NWF_CURRENCY, 0, 0),
    W("peso", NW_NONE, NWF_CURRENCY, 0, 0), W("pesos", NW_NONE, NWF_CURRENCY, 0, 0),
    W("reais", NW_NONE, NWF_CURRENCY, 0, 0), W("rand", NW_NONE, NWF_CURRENCY, 0, 0),
    W("won", NW_NONE, NWF_CURRENCY, 0, 0), W("baht", NW_NONE, NWF_CURRENCY, 0, 0),
    W("ringgit", NW_NONE, NWF_CURRENCY, 0, 0), W("rupiah", NW_NONE, NWF_CURRENCY, 0, 0),
    W("naira", NW_NONE, NWF_CURRENCY, 0, 0), W("afghanis", NW_NONE, NWF_CURRENCY, 0, 0),
    W("cent", NW_NONE, NWF_CURRENCY, 0, 0), W("cents", NW_NONE, NWF_CURRENCY, 0, 0),
    W("penny", NW_NONE, NWF_CURRENCY, 0, 0), W("pence", NW_NONE, NWF_CURRENCY, 0, 0),
    W("p", NW_NONE, NWF_CURRENCY, 0, 0),
    W("kopeck", NW_NONE, NWF_CURRENCY, 0, 0), W("kopecks", NW_NONE, NWF_CURRENCY, 0, 0),
    W("kopek", NW_NONE, NWF_CURRENCY, 0, 0), W("kopeks", NW_NONE, NWF_CURRENCY, 0, 0),
    W("guilders", NW_NONE, NWF_CURRENCY, 0, 0), W("pesetas", NW_NONE, NWF_CURRENCY, 0, 0),
    W("markka", NW_NONE, NWF_CURRENCY, 0, 0), W("deutschmarks", NW_NONE, NWF_CURRENCY, 0, 0),
    /* adjectives that start a currency name */
    W("us", NW_NONE, NWF_CURRENCY, 0, 0), W("u", NW_NONE, NWF_CURRENCY, 0, 0),
    W("american", NW_NONE, NWF_CURRENCY, 0, 0), W("canadian", NW_NONE, NWF_CURRENCY, 0, 0),
    W("australian", NW_NONE, NWF_CURRENCY, 0, 0), W("new", NW_NONE, NWF_CURRENCY | NWF_ONE_DET, 0, 0),
    W("hong", NW_NONE, NWF_CURRENCY, 0, 0), W("singapore", NW_NONE, NWF_CURRENCY, 0, 0),
    W("taiwan", NW_NONE, NWF_CURRENCY, 0, 0), W("swiss", NW_NONE, NWF_CURRENCY, 0, 0),
    W("french", NW_NONE, NWF_CURRENCY, 0, 0), W("belgian", NW_NONE, NWF_CURRENCY, 0, 0),
    W("cfa", NW_NONE, NWF_CURRENCY, 0, 0), W("british", NW_NONE, NWF_CURRENCY, 0, 0),
    W("egyptian", NW_NONE, NWF_CURRENCY, 0, 0), W("lebanese", NW_NONE, NWF_CURRENCY, 0, 0),
    W("syrian", NW_NONE, NWF_CURRENCY, 0, 0), W("sudanese", NW_NONE, NWF_CURRENCY, 0, 0),
    W("south", NW_NONE, NWF_CURRENCY, 0, 0), W("japanese", NW_NONE, NWF_CURRENCY, 0, 0),
    W("chinese", NW_NONE, NWF_CURRENCY, 0, 0), W("russian", NW_NONE, NWF_CURRENCY, 0, 0),
    W("belarusian", NW_NONE, NWF_CURRENCY, 0, 0), W("ukrainian", NW_NONE, NWF_CURRENCY, 0, 0),
    W("polish", NW_NONE, NWF_CURRENCY, 0, 0), W("swedish", NW_NONE, NWF_CURRENCY, 0, 0),
    W("norwegian", NW_NONE, NWF_CURRENCY, 0, 0), W("danish", NW_NONE, NWF_CURRENCY, 0, 0),
    W("icelandic", NW_NONE, NWF_CURRENCY, 0, 0), W("czech", NW_NONE, NWF_CURRENCY, 0, 0),
    W("turkish", NW_NONE, NWF_CURRENCY, 0, 0), W("israeli", NW_NONE, NWF_CURRENCY, 0, 0),
    W("indian", NW_NONE, NWF_CURRENCY, 0, 0), W("pakistani", NW_NONE, NWF_CURRENCY, 0, 0),
    W("sri", NW_NONE, NWF_CURRENCY, 0, 0), W("nepalese", NW_NONE, NWF_CURRENCY, 0, 0),
    W("mexican", NW_NONE, NWF_CURRENCY, 0, 0), W("argentine", NW_NONE, NWF_CURRENCY, 0, 0),
    W("argentinian", NW_NONE, NWF_CURRENCY, 0, 0), W("chilean", NW_NONE, NWF_CURRENCY, 0, 0),
    W("colombian", NW_NONE, NWF_CURRENCY, 0, 0), W("philippine", NW_NONE, NWF_CURRENCY, 0, 0),
    W("brazilian", NW_NONE, NWF_CURRENCY, 0, 0), W("iraqi", NW_NONE, NWF_CURRENCY, 0, 0),
    W("jordanian", NW_NONE, NWF_CURRENCY, 0, 0), W("kuwaiti", NW_NONE, NWF_CURRENCY, 0, 0),
    W("serbian", NW_NONE, NWF_CURRENCY, 0, 0), W("saudi", NW_NONE, NWF_CURRENCY, 0, 0),
    W("qatari", NW_NONE, NWF_CURRENCY, 0, 0), W("iranian", NW_NONE, NWF_CURRENCY, 0, 0),
    W("yemeni", NW_NONE, NWF_CURRENCY, 0, 0), W("uae", NW_NONE, NWF_CURRENCY, 0, 0),
    W("emirati", NW_NONE, NWF_CURRENCY, 0, 0), W("moroccan", NW_NONE, NWF_CURRENCY, 0, 0),
    W("hungarian", NW_NONE, NWF_CURRENCY, 0, 0), W("romanian", NW_NONE, NWF_CURRENCY, 0, 0),
    W("moldovan", NW_NONE, NWF_CURRENCY, 0, 0), W("bulgarian", NW_NONE, NWF_CURRENCY, 0, 0),
    W("georgian", NW_NONE, NWF_CURRENCY, 0, 0), W("kazakh", NW_NONE, NWF_CURRENCY, 0, 0),
    W("armenian", NW_NONE, NWF_CURRENCY, 0, 0), W("azerbaijani", NW_NONE, NWF_CURRENCY, 0, 0),
    W("finnish", NW_NONE, NWF_CURRENCY, 0, 0), W("dutch", NW_NONE, NWF_CURRENCY, 0, 0),
    W("deutsche", NW_NONE, NWF_CURRENCY, 0, 0), W("german", NW_NONE, NWF_CURRENCY, 0, 0),
    W("italian", NW_NONE, NWF_CURRENCY, 0, 0), W("spanish", NW_NONE, NWF_CURRENCY, 0, 0),
};

/* ---- the index ------------------------------------------------------------ */

#define NW_HASH_BITS 11
#define NW_HASH_SIZE (1u << NW_HASH_BITS)
#define NW_MAX_LEN 24

/* 1 + position in words[] (0 = empty), and the upper half of the word's
 * hash, compared before the text so that a miss rarely touches the
 * strings.  The hash is the text layer's (chr_text_hash of the lower-case
 * bytes), which the tokenizer has already computed for every token of a
 * document.  Both arrays together stay within 12 KB, in the first cache. */
static uint16_t index_[NW_HASH_SIZE];
static uint32_t tags_[NW_HASH_SIZE];
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static void index_build(void)
{
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        size_t n = strlen(words[i].text);
        uint64_t full = chr_text_hash(words[i].text, n);
        uint32_t h = (uint32_t)full & (NW_HASH_SIZE - 1);
        /* a word listed twice keeps its first entry */
        int dup = 0;
        while (index_[h]) {
            if (strcmp(words[index_[h] - 1].text, words[i].text) == 0) { dup = 1; break; }
            h = (h + 1) & (NW_HASH_SIZE - 1);
        }
        if (!dup) {
            index_[h] = (uint16_t)(i + 1);
            tags_[h] = (uint32_t)(full >> 32);
        }
    }
}

/* Does the entry text equal low[0..n)?  Words are short: a loop beats a
 * call to memcmp. */
static int same_text(const char *entry, const char *low, size_t n)
{
    size_t k = 0;
    while (k < n && entry[k] == low[k]) k++;
    return k == n && entry[n] == '\0';
}

/* The entry of the word whose lower-case bytes (ASCII letters folded,
 * other bytes as they are) are low[0..n) and whose hash is full. */
static const nw_word *find_hashed(uint64_t full, const char *low, size_t n)
{
    if (n == 0 || n > NW_MAX_LEN) return NULL;
    uint32_t h = (uint32_t)full & (NW_HASH_SIZE - 1), tag = (uint32_t)(full >> 32);
    while (index_[h]) {
        if (tags_[h] == tag) {
            const nw_word *e = &words[index_[h] - 1];
            if (same_text(e->text, low, n)) return e;
        }
        h = (h + 1) & (NW_HASH_SIZE - 1);
    }
    return NULL;
}

const nw_word *chr_numwords_find(const char *w, size_t n)
{
    pthread_once(&index_once, index_build);
    if (n == 0 || n > NW_MAX_LEN) return NULL;
    char low[NW_MAX_LEN];
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)w[i];
        low[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    return find_hashed(chr_text_hash(low, n), low, n);
}

const nw_word chr_numwords_unseen = W("", NW_NONE, 0, 0, 0);

int chr_numwords_doc(nw_doc *d, const chr_text *t, chr_arena *a)
{
    d->t = t;
    d->k = t->toks;
    d->n = t->ntoks;
    d->lex = NULL;
    if (t->ntoks == 0) return 0;
    const nw_word **lex = chr_arena_alloc(a, t->ntoks * sizeof *lex);
    if (!lex) return -1;
    pthread_once(&index_once, index_build);
    for (size_t i = 0; i < t->ntoks; i++) lex[i] = &chr_numwords_unseen;
    d->lex = lex;
    return 0;
}

const nw_word *chr_numwords_fill(const nw_doc *d, size_t i)
{
    const chr_text *t = d->t;
    const chr_token *k = &t->toks[i];
    const nw_word *w = NULL;
    if (k->type == CHR_TOK_WORD)
        w = t->hash ? find_hashed(t->hash[i], t->lower + k->start, chr_tok_len(k))
                    : chr_numwords_find(t->norm + k->start, chr_tok_len(k));
    d->lex[i] = w;
    return w;
}

/* ---- filters ---------------------------------------------------------------- */

void chr_numwords_filter_build(nw_filter *f, int (*pass)(const nw_word *))
{
    memset(f, 0, sizeof *f);
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        if (!pass(&words[i])) continue;
        size_t b = NW_FILTER_BIT(chr_text_hash(words[i].text, strlen(words[i].text)));
        f->bits[b >> 6] |= 1ULL << (b & 63);
    }
}
