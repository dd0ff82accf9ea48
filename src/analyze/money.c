/*
 * money.c - currencies written around numbers: symbols ($, €, £, ₴),
 * prefixed symbols (US$, C$, CN¥), ISO 4217 codes (USD 5 billion, 115USD,
 * 30 MUSD) and names (dollars, Swiss francs, hryvnias, cents).
 *
 * numbers.c parses the number; these matchers say whether a currency stands
 * just before it or just after it, and which ISO 4217 code it is.  Bare "$"
 * is the US dollar, bare "pounds" sterling and bare "francs" the Swiss franc:
 * the readings an English news reader takes unless the text says otherwise.
 * Obsolete national currencies (French francs, Deutsche marks, pesetas) keep
 * their former ISO codes, as archive text still names them.
 */
#include "numwords.h"

#include <pthread.h>
#include <string.h>

enum {
    CUR_PRE   = 1 << 0,   /* written before the number */
    CUR_POST  = 1 << 1,   /* written after it */
    CUR_SUB   = 1 << 2,   /* a hundredth of the unit: cents, pence, kopecks */
    CUR_GLUED = 1 << 3,   /* its tokens touch: A$ (not "a $5m deal") */
    CUR_WEIGHT = 1 << 4,  /* also a weight: "pounds of", "500-pound bomb" are not money */
    CUR_TOUCH = 1 << 5    /* only glued to the number: 50p */
};

typedef struct cur_entry {
    const char *name;     /* tokens, space separated, lower case */
    char code[4];
    uint8_t flags;
} cur_entry;

#define PRE CUR_PRE
#define POST CUR_POST
#define BOTH (CUR_PRE | CUR_POST)

static const cur_entry names[] = {
    /* symbols and prefixed dollar signs */
    {"$", "USD", BOTH}, {"us $", "USD", PRE}, {"u . s . $", "USD", PRE},
    {"u . s $", "USD", PRE}, {"usd $", "USD", PRE},
    {"c $", "CAD", PRE}, {"ca $", "CAD", PRE}, {"can $", "CAD", PRE}, {"cad $", "CAD", PRE},
    {"a $", "AUD", PRE | CUR_GLUED}, {"au $", "AUD", PRE}, {"aud $", "AUD", PRE},
    {"nz $", "NZD", PRE}, {"nzd $", "NZD", PRE}, {"hk $", "HKD", PRE}, {"hkd $", "HKD", PRE},
    {"s $", "SGD", PRE | CUR_GLUED}, {"sg $", "SGD", PRE}, {"sgd $", "SGD", PRE},
    {"nt $", "TWD", PRE}, {"r $", "BRL", PRE | CUR_GLUED},
    {"mex $", "MXN", PRE}, {"mx $", "MXN", PRE}, {"mxn $", "MXN", PRE},
    {"€", "EUR", BOTH}, {"£", "GBP", BOTH}, {"¥", "JPY", BOTH}, {"jp ¥", "JPY", PRE},
    {"cn ¥", "CNY", PRE | CUR_GLUED}, {"元", "CNY", POST}, {"₽", "RUB", BOTH},
    {"₴", "UAH", BOTH}, {"₹", "INR", BOTH}, {"rs", "INR", PRE}, {"rs .", "INR", PRE},
    {"₩", "KRW", BOTH}, {"₺", "TRY", BOTH}, {"₪", "ILS", BOTH}, {"₾", "GEL", BOTH},
    {"₸", "KZT", BOTH}, {"₦", "NGN", BOTH}, {"₱", "PHP", BOTH}, {"₫", "VND", BOTH},
    {"₭", "LAK", BOTH}, {"₡", "CRC", BOTH}, {"฿", "THB", BOTH}, {"₼", "AZN", BOTH},
    {"₵", "GHS", BOTH}, {"₮", "MNT", BOTH}, {"zł", "PLN", POST}, {"ரூ", "LKR", POST},
    {"¢", "USD", POST | CUR_SUB}, {"rmb", "CNY", BOTH}, {"sfr", "CHF", PRE},

    /* names */
    {"dollars", "USD", POST}, {"dollar", "USD", POST},
    {"us dollars", "USD", POST}, {"us dollar", "USD", POST},
    {"u . s . dollars", "USD", POST}, {"u . s . dollar", "USD", POST},
    {"american dollars", "USD", POST},
    {"canadian dollars", "CAD", POST}, {"canadian dollar", "CAD", POST},
    {"australian dollars", "AUD", POST}, {"australian dollar", "AUD", POST},
    {"new zealand dollars", "NZD", POST}, {"new zealand dollar", "NZD", POST},
    {"hong kong dollars", "HKD", POST}, {"hong kong dollar", "HKD", POST},
    {"singapore dollars", "SGD", POST}, {"taiwan dollars", "TWD", POST},
    {"new taiwan dollars", "TWD", POST},
    {"euros", "EUR", POST}, {"euro", "EUR", POST},
    {"pounds", "GBP", POST | CUR_WEIGHT}, {"pound", "GBP", POST | CUR_WEIGHT},
    {"pounds sterling", "GBP", POST}, {"pound sterling", "GBP", POST},
    {"sterling", "GBP", POST}, {"british pounds", "GBP", POST},
    {"egyptian pounds", "EGP", POST}, {"lebanese pounds", "LBP", POST},
    {"syrian pounds", "SYP", POST}, {"sudanese pounds", "SDG", POST},
    {"south sudanese pounds", "SSP", POST},
    {"yen", "JPY", POST}, {"japanese yen", "JPY", POST},
    {"yuan", "CNY", POST}, {"chinese yuan", "CNY", POST}, {"renminbi", "CNY", POST},
    {"roubles", "RUB", POST}, {"rouble", "RUB", POST}, {"rubles", "RUB", POST},
    {"ruble", "RUB", POST}, {"russian roubles", "RUB", POST}, {"russian rubles", "RUB", POST},
    {"belarusian roubles", "BYN", POST}, {"belarusian rubles", "BYN", POST},
    {"hryvnias", "UAH", POST}, {"hryvnia", "UAH", POST}, {"hryvnas", "UAH", POST},
    {"hryvna", "UAH", POST}, {"hryvnyas", "UAH", POST}, {"hryvnya", "UAH", POST},
    {"hryvni", "UAH", POST}, {"ukrainian hryvnias", "UAH", POST},
    {"zloty", "PLN", POST}, {"zlotys", "PLN", POST}, {"zlotych", "PLN", POST},
    {"złoty", "PLN", POST}, {"złotys", "PLN", POST}, {"polish zloty", "PLN", POST},
    {"krona", "SEK", POST}, {"kronor", "SEK", POST}, {"swedish krona", "SEK", POST},
    {"swedish kronor", "SEK", POST}, {"icelandic krona", "ISK", POST},
    {"icelandic kronur", "ISK", POST}, {"krone", "NOK", POST}, {"kroner", "NOK", POST},
    {"norwegian krone", "NOK", POST}, {"norwegian kroner", "NOK", POST},
    {"danish krone", "DKK", POST}, {"danish kroner", "DKK", POST},
    {"koruna", "CZK", POST}, {"korunas", "CZK", POST}, {"czech koruna", "CZK", POST},
    {"czech korunas", "CZK", POST}, {"czech crowns", "CZK", POST},
    {"francs", "CHF", POST}, {"franc", "CHF", POST}, {"swiss francs", "CHF", POST},
    {"swiss franc", "CHF", POST}, {"french francs", "FRF", POST},
    {"belgian francs", "BEF", POST}, {"cfa francs", "XOF", POST},
    {"lira", "TRY", POST}, {"liras", "TRY", POST}, {"turkish lira", "TRY", POST},
    {"turkish liras", "TRY", POST}, {"lire", "ITL", POST}, {"italian lire", "ITL", POST},
    {"lebanese lira", "LBP", POST}, {"syrian lira", "SYP", POST},
    {"rupees", "INR", POST}, {"rupee", "INR", POST}, {"indian rupees", "INR", POST},
    {"pakistani rupees", "PKR", POST}, {"sri lankan rupees", "LKR", POST},
    {"nepalese rupees", "NPR", POST},
    {"shekels", "ILS", POST}, {"shekel", "ILS", POST}, {"new shekels", "ILS", POST},
    {"israeli shekels", "ILS", POST},
    {"riyals", "SAR", POST}, {"riyal", "SAR", POST}, {"saudi riyals", "SAR", POST},
    {"qatari riyals", "QAR", POST}, {"yemeni rials", "YER", POST},
    {"yemeni riyals", "YER", POST}, {"rials", "IRR", POST}, {"rial", "IRR", POST},
    {"iranian rials", "IRR", POST},
    {"dirhams", "AED", POST}, {"dirham", "AED", POST}, {"uae dirhams", "AED", POST},
    {"emirati dirhams", "AED", POST}, {"moroccan dirhams", "MAD", POST},
    {"iraqi dinars", "IQD", POST}, {"jordanian dinars", "JOD", POST},
    {"kuwaiti dinars", "KWD", POST}, {"serbian dinars", "RSD", POST},
    {"lari", "GEL", POST}, {"georgian lari", "GEL", POST},
    {"tenge", "KZT", POST}, {"kazakh tenge", "KZT", POST},
    {"manat", "AZN", POST}, {"manats", "AZN", POST}, {"azerbaijani manat", "AZN", POST},
    {"drams", "AMD", POST}, {"dram", "AMD", POST}, {"armenian drams", "AMD", POST},
    {"forints", "HUF", POST}, {"forint", "HUF", POST}, {"hungarian forints", "HUF", POST},
    {"lei", "RON", POST}, {"leu", "RON", POST}, {"romanian lei", "RON", POST},
    {"moldovan lei", "MDL", POST}, {"moldovan leu", "MDL", POST},
    {"leva", "BGN", POST}, {"lev", "BGN", POST}, {"bulgarian leva", "BGN", POST},
    {"pesos", "MXN", POST}, {"peso", "MXN", POST}, {"mexican pesos", "MXN", POST},
    {"argentine pesos", "ARS", POST}, {"argentinian pesos", "ARS", POST},
    {"chilean pesos", "CLP", POST}, {"colombian pesos", "COP", POST},
    {"philippine pesos", "PHP", POST},
    {"reais", "BRL", POST}, {"brazilian reais", "BRL", POST}, {"brazilian real", "BRL", POST},
    {"rand", "ZAR", POST}, {"south african rand", "ZAR", POST},
    {"won", "KRW", POST}, {"south korean won", "KRW", POST},
    {"baht", "THB", POST}, {"ringgit", "MYR", POST}, {"rupiah", "IDR", POST},
    {"naira", "NGN", POST}, {"afghanis", "AFN", POST},
    {"guilders", "NLG", POST}, {"dutch guilders", "NLG", POST}, {"pesetas", "ESP", POST},
    {"markka", "FIM", POST}, {"finnish markka", "FIM", POST},
    {"deutschmarks", "DEM", POST}, {"deutsche marks", "DEM", POST},
    {"german marks", "DEM", POST},
    /* a hundredth of the unit */
    {"cents", "USD", POST | CUR_SUB}, {"cent", "USD", POST | CUR_SUB},
    {"euro cents", "EUR", POST | CUR_SUB},
    {"pence", "GBP", POST | CUR_SUB}, {"penny", "GBP", POST | CUR_SUB},
    {"p", "GBP", POST | CUR_SUB | CUR_TOUCH},
    {"kopecks", "RUB", POST | CUR_SUB}, {"kopeck", "RUB", POST | CUR_SUB},
    {"kopeks", "RUB", POST | CUR_SUB}, {"kopek", "RUB", POST | CUR_SUB},
};

/* ISO 4217 codes that news writes next to amounts ("USD 5 billion",
 * "115USD").  Codes that are also common upper-case words (ALL, TOP, CUP,
 * PEN, GEL, MAD, TRY, AMD, BAM, SOS) are left out: those currencies are
 * found by name. */
static const char codes[][4] = {
    "USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "NZD", "HKD", "SGD",
    "TWD", "KRW", "INR", "PKR", "LKR", "BDT", "NPR", "IDR", "MYR", "THB", "VND",
    "PHP", "SEK", "NOK", "DKK", "ISK", "PLN", "CZK", "HUF", "RON", "BGN", "RSD",
    "MKD", "UAH", "RUB", "BYN", "MDL", "KZT", "UZS", "KGS", "TJS", "AZN", "ILS",
    "EGP", "SAR", "AED", "QAR", "KWD", "BHD", "OMR", "JOD", "LBP", "SYP", "IQD",
    "IRR", "YER", "AFN", "BRL", "MXN", "ARS", "CLP", "COP", "VES", "ZAR", "NGN",
    "KES", "GHS", "ETB", "DZD", "TND", "LYD", "SDG", "XOF", "XAF", "XDR",
};

/* ---- the names, indexed once ------------------------------------------------ */

#define NNAMES (sizeof names / sizeof names[0])

/* Each name's token count, and the names written after a number listed by
 * their first byte (in table order, which decides ties), so that a token
 * is compared only with the names that can start with it. */
static uint8_t name_ntok[NNAMES];
static int16_t post_first[256];     /* 1 + first name of the byte, 0 none */
static int16_t post_next[NNAMES];   /* 1 + next name of the same byte, 0 none */
static pthread_once_t names_once = PTHREAD_ONCE_INIT;

static void names_index(void)
{
    int16_t *tail[256];
    for (int b = 0; b < 256; b++) tail[b] = &post_first[b];
    for (size_t x = 0; x < NNAMES; x++) {
        size_t ntok = 1;
        for (const char *p = names[x].name; *p; p++) ntok += *p == ' ';
        name_ntok[x] = (uint8_t)ntok;
        if (!(names[x].flags & CUR_POST)) continue;
        unsigned char b = (unsigned char)names[x].name[0];
        *tail[b] = (int16_t)(x + 1);
        tail[b] = &post_next[x];
    }
}

/* Codes also written in lower case next to a number ("20 usd"). */
static const char lower_ok[][4] = {"usd", "eur", "gbp", "jpy", "cny", "chf"};

static int tok_glued(const nw_doc *d, size_t i)
{
    return !(d->k[i].flags & CHR_TF_SPACE_BEFORE);
}

/* The first byte of token s, ASCII letters in lower case. */
static unsigned char first_lower(const nw_doc *d, size_t s)
{
    unsigned char first = (unsigned char)d->t->norm[d->k[s].start];
    return first >= 'A' && first <= 'Z' ? first | 0x20 : first;
}

/* Does the name (space-separated tokens) match the tokens from s on?
 * Returns the number of tokens matched, or 0. */
static size_t name_at(const nw_doc *d, size_t s, const cur_entry *e)
{
    const char *p = e->name;
    size_t j = s;
    if (s >= d->n) return 0;
    if (first_lower(d, s) != (unsigned char)p[0]) return 0;
    while (*p) {
        const char *q = strchr(p, ' ');
        size_t len = q ? (size_t)(q - p) : strlen(p);
        if (j >= d->n) return 0;
        const chr_token *k = &d->k[j];
        if (k->end - k->start != len) return 0;
        if (d->t->lower) {
            if (memcmp(d->t->lower + k->start, p, len) != 0) return 0;
        } else {
            const char *w = d->t->norm + k->start;
            for (size_t i = 0; i < len; i++) {
                unsigned char c = (unsigned char)w[i];
                if (c >= 'A' && c <= 'Z') c = (unsigned char)(c + 32);
                if (c != (unsigned char)p[i]) return 0;
            }
        }
        if (j > s && (e->flags & CUR_GLUED) && !tok_glued(d, j)) return 0;
        j++;
        p += len;
        if (*p == ' ') p++;
    }
    return j - s;
}

/* Is token i an ISO code next to a number?  mult is set to 1e6 for the
 * finance shorthand MUSD, MEUR (millions of the currency). */
static int code_at(const nw_doc *d, size_t i, char code[4], double *mult)
{
    const chr_token *k = &d->k[i];
    if (k->type != CHR_TOK_WORD) return 0;
    size_t n = k->end - k->start;
    const char *w = d->t->norm + k->start;
    int upper = (k->flags & CHR_TF_UPPER) != 0;
    *mult = 1;
    if (n == 4 && upper && w[0] == 'M') {
        w++;
        n = 3;
        *mult = 1e6;
    }
    if (n != 3) return 0;
    if (upper) {
        for (size_t c = 0; c < sizeof codes / sizeof codes[0]; c++)
            if (memcmp(w, codes[c], 3) == 0) {
                memcpy(code, codes[c], 4);
                return 1;
            }
        if (memcmp(w, "RMB", 3) == 0 && *mult == 1e6) {
            memcpy(code, "CNY", 4);
            return 1;
        }
        return 0;
    }
    if (*mult != 1) return 0;
    for (size_t c = 0; c < sizeof lower_ok / sizeof lower_ok[0]; c++)
        if (memcmp(w, lower_ok[c], 3) == 0) {
            for (int j = 0; j < 3; j++) code[j] = (char)(lower_ok[c][j] - 32);
            code[3] = '\0';
            return 1;
        }
    return 0;
}

/* Can token i begin a currency name at all?  (Cheap test before the table.) */
static int may_start(const nw_doc *d, size_t i)
{
    const chr_token *k = &d->k[i];
    if (k->type == CHR_TOK_SYM) return 1;
    if (k->type != CHR_TOK_WORD) return 0;
    const nw_word *w = chr_numwords_at(d, i);
    if (w && (w->flags & NWF_CURRENCY)) return 1;
    /* the rest: short words (codes, C$, Mex$, rs, sfr) and non-ASCII names */
    return k->end - k->start <= 4 || !(k->flags & CHR_TF_ASCII);
}

int chr_money_prefix(const nw_doc *d, size_t i, size_t lo, nw_currency *cur)
{
    if (i == 0 || i <= lo) return 0;
    /* every prefix ends in a symbol, a point (U.S.) or a short word written
       in capitals (USD, Rs, MAUD) or one of a few lower-case ones */
    const chr_token *last = &d->k[i - 1];
    if (last->type == CHR_TOK_NUM ||
        (last->type == CHR_TOK_PUNCT && d->t->norm[last->start] != '.'))
        return 0;
    if (last->type == CHR_TOK_WORD) {
        size_t len = last->end - last->start;
        if (len > 4) return 0;
        if (!(last->flags & (CHR_TF_UPPER | CHR_TF_CAP))) {
            static const char *const lower[] = {"rs", "rmb", "sfr", "usd", "eur", "gbp",
                                                "jpy", "cny", "chf"};
            size_t x;
            for (x = 0; x < sizeof lower / sizeof lower[0]; x++)
                if (chr_tok_eq(d->t, last, lower[x])) break;
            if (x == sizeof lower / sizeof lower[0]) return 0;
        }
    }
    size_t best = 0;
    const cur_entry *be = NULL;
    pthread_once(&names_once, names_index);
    for (size_t x = 0; x < NNAMES; x++) {
        const cur_entry *e = &names[x];
        if (!(e->flags & CUR_PRE)) continue;
        size_t ntok = name_ntok[x];
        if (ntok > i - lo || ntok <= best) continue;
        size_t s = i - ntok;
        if (first_lower(d, s) != (unsigned char)e->name[0] || !may_start(d, s)) continue;
        if (name_at(d, s, e) == ntok) {
            best = ntok;
            be = e;
        }
    }
    if (be) {
        memcpy(cur->code, be->code, 4);
        cur->mult = (be->flags & CUR_SUB) ? 0.01 : 1;
        cur->b = i - best;
        cur->e = i;
        return 1;
    }
    double mult;
    if (code_at(d, i - 1, cur->code, &mult)) {
        cur->mult = mult;
        cur->b = i - 1;
        cur->e = i;
        return 1;
    }
    return 0;
}

int chr_money_suffix(const nw_doc *d, size_t i, unsigned how, nw_currency *cur)
{
    if (i >= d->n || !may_start(d, i)) return 0;
    size_t best = 0;
    const cur_entry *be = NULL;
    pthread_once(&names_once, names_index);
    for (int x = post_first[first_lower(d, i)]; x; x = post_next[x - 1]) {
        const cur_entry *e = &names[x - 1];
        if ((e->flags & CUR_TOUCH) && !(how & NWM_GLUED)) continue;
        if ((e->flags & CUR_WEIGHT) && (how & NWM_HYPHEN)) continue;
        size_t m = name_at(d, i, e);
        if (m > best) {
            /* "pounds of flour" is a weight */
            if ((e->flags & CUR_WEIGHT) && i + m < d->n &&
                chr_tok_is(d->t, &d->k[i + m], "of"))
                continue;
            best = m;
            be = e;
        }
    }
    /* "1 $10": a sign glued to the next number is that number's */
    if (be && d->k[i].type == CHR_TOK_SYM && (be->flags & CUR_PRE) && i + best < d->n &&
        d->k[i + best].type == CHR_TOK_NUM && tok_glued(d, i + best))
        be = NULL;
    if (be) {
        memcpy(cur->code, be->code, 4);
        cur->mult = (be->flags & CUR_SUB) ? 0.01 : 1;
        cur->b = i;
        cur->e = i + best;
        return 1;
    }
    double mult;
    if (code_at(d, i, cur->code, &mult)) {
        cur->mult = mult;
        cur->b = i;
        cur->e = i + 1;
        return 1;
    }
    return 0;
}
