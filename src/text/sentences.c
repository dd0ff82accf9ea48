/*
 * sentences.c - split a document's tokens into sentences (step 3b of
 * text.h).  Every record Chronicle writes quotes the sentence it was read
 * from, and the analyzers look for their patterns within one sentence, so a
 * sentence cut in two loses events and two sentences glued together invent
 * them.
 *
 * The splitter is a single left-to-right pass over the tokens with a bounded
 * look-ahead, so it is linear in the length of the document.  A sentence
 * ends:
 *
 *   - always at a paragraph break (a blank line): headings, datelines and
 *     captions such as "(File Image: AP)" stand alone;
 *   - at a line break when the line has no final punctuation and the next one
 *     starts with a capital (headlines, bylines, list items), unless the line
 *     plainly goes on (it ends in a comma or a word like "the" or "of");
 *   - after . ! or ?, together with any closing quotes and brackets glued to
 *     it, when what follows can start a sentence: not a lower-case word ("?"
 *     he asked), not , ; : or a closing bracket, not text glued on without a
 *     space (U.S.-led, i.e.,).
 *
 * A full stop after an abbreviation usually does not end the sentence.
 * Titles (Mr., Gen., Lt. Col.) never do: a name follows.  Other abbreviations
 * (Feb., Inc., etc.) and initials (George W. Bush, J. R. R. Tolkien, U.S.,
 * a.m.) end it only before a word from a closed list of common sentence
 * openers ("... to the U.S. The ...") or at a line break.  An ellipsis does
 * not end a sentence (only a paragraph break after it does).  A quotation
 * closed by ?" or !" and followed by its speaker ("Why?" Makei asked.) goes
 * on into the attribution.
 */
#include "text.h"

#include <pthread.h>
#include <string.h>
#include <utf8proc.h>

/* ---- word lists ------------------------------------------------------------ */

/* Abbreviations always followed by a name: their full stop never ends a
 * sentence. */
static const char *const TITLES[] = {
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Rev", "Hon", "Pres", "Gov",
    "Sen", "Rep", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Cdr", "Sgt",
    "Cpl", "Pvt", "Adm", "Brig", "St", "Mt", "Ft", NULL
};

/* Abbreviations that may also close a sentence.  A lower-case entry matches
 * its capitalized form too ("Etc."). */
static const char *const ABBREVIATIONS[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct",
    "Nov", "Dec", "No", "Nos", "Inc", "Ltd", "Co", "Corp", "Bros", "Jr", "Sr",
    "Ave", "Blvd", "Rd", "Dept", "Fig", "Vol", "vs", "etc", "approx", "al",
    "cf", "ca", "est", "pp", "Ret", NULL
};

/* Common first words of a sentence in news prose.  After an abbreviation or
 * an initial, only these mark a new sentence: a capitalized word after
 * "U.S." is far more often a name ("U.S. President", "U.S. Army"). */
static const char *const OPENERS[] = {
    "The", "A", "An", "This", "That", "These", "Those", "There", "It", "Its",
    "He", "She", "They", "We", "You", "His", "Her", "Their", "Our", "My",
    "In", "On", "At", "As", "After", "Before", "During", "Since", "While",
    "When", "Where", "If", "Although", "Though", "Because", "But", "And",
    "Or", "So", "Yet", "However", "Meanwhile", "Moreover", "Also", "Still",
    "Now", "Then", "Today", "Yesterday", "Earlier", "Later", "Last", "Next",
    "According", "Separately", "Despite", "Under", "With", "For", "From",
    "By", "Some", "Many", "Most", "All", "Both", "Each", "Such", "Other",
    "What", "Why", "How", "Who", "Officials", "Mr", "Mrs", "Ms", NULL
};

/* Lower-case words that a line cannot end with unless the sentence goes on
 * on the next line (hard-wrapped text: "... delivered by the\nUnited
 * States ..."). */
static const char *const CONTINUERS[] = {
    "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "into", "onto", "over", "under", "about", "after", "before",
    "between", "against", "during", "and", "or", "but", "nor", "as", "that",
    "than", "its", "his", "her", "their", "our", "is", "are", "was", "were",
    "be", "been", "has", "have", "had", "will", "would", "said", "says",
    "told", "including", "near", NULL
};

/* Verbs of saying: a capitalized word after a closed quotation followed by
 * one of these is the speaker, and the sentence goes on. */
static const char *const SPEECH_VERBS[] = {
    "said", "says", "told", "added", "asked", "wrote", "tweeted", "stated",
    "explained", "noted", "insisted", "replied", "continued", "warned",
    "declared", "stressed", NULL
};

/* Every rule below matches only words equal to an entry when case is
 * ignored, so each list is first asked through a small set of the hashes of
 * its lower-case entries (the tokenizer's chr_text_hash): most words are in
 * none of them and are turned away without a string compare. */
enum { LIST_TITLES, LIST_ABBREVIATIONS, LIST_OPENERS, LIST_CONTINUERS, LIST_SPEECH_VERBS,
       NLISTS };
#define LIST_SLOTS 256

static const char *const *const LISTS[NLISTS] = {TITLES, ABBREVIATIONS, OPENERS, CONTINUERS,
                                                SPEECH_VERBS};
static uint64_t list_hashes[NLISTS][LIST_SLOTS];    /* 0: empty slot */
static pthread_once_t lists_once = PTHREAD_ONCE_INIT;

static void lists_index(void)
{
    for (int l = 0; l < NLISTS; l++) {
        for (const char *const *w = LISTS[l]; *w; w++) {
            char low[32];
            size_t n = strlen(*w);
            for (size_t i = 0; i < n; i++)
                low[i] = (char)((*w)[i] >= 'A' && (*w)[i] <= 'Z' ? (*w)[i] + 32 : (*w)[i]);
            uint64_t h = chr_text_hash(low, n);
            size_t j = (size_t)h & (LIST_SLOTS - 1);
            while (list_hashes[l][j] && list_hashes[l][j] != h) j = (j + 1) & (LIST_SLOTS - 1);
            list_hashes[l][j] = h;
        }
    }
}

/* Can token i be in list l (some entry equal to it when case is ignored)? */
static int maybe_in(const chr_text *t, size_t i, int l)
{
    if (!t->hash) return 1;
    uint64_t h = t->hash[i];
    pthread_once(&lists_once, lists_index);
    for (size_t j = (size_t)h & (LIST_SLOTS - 1); list_hashes[l][j]; j = (j + 1) & (LIST_SLOTS - 1))
        if (list_hashes[l][j] == h) return 1;
    return 0;
}

static int in_list(const chr_text *t, const chr_token *k, int l)
{
    size_t n = chr_tok_len(k);
    const char *p = chr_tok_ptr(t, k);
    if (k->type != CHR_TOK_WORD) return 0;
    if (!maybe_in(t, (size_t)(k - t->toks), l)) return 0;
    for (const char *const *list = LISTS[l]; *list; list++) {
        const char *w = *list;
        if (k->flags & CHR_TF_UPPER) {
            /* Headlines in capitals: "LT. GEN. KELLOGG". */
            if (chr_tok_is(t, k, w)) return 1;
            continue;
        }
        /* A lower-case entry also matches its capitalized form. */
        if (p[0] != w[0] && !(w[0] >= 'a' && w[0] <= 'z' && p[0] == w[0] - 32))
            continue;
        if (strncmp(p + 1, w + 1, n - 1) == 0 && w[n] == '\0') return 1;
    }
    return 0;
}

/* ---- token classes ----------------------------------------------------------- */

static int punct_char(const chr_text *t, const chr_token *k)
{
    return k->type == CHR_TOK_PUNCT ? (unsigned char)t->norm[k->start] : 0;
}

static int is_terminal(int c) { return c == '.' || c == '!' || c == '?'; }
static int is_closer(int c) { return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}'; }
static int is_opener(int c) { return c == '"' || c == '\'' || c == '(' || c == '['; }

/* A word that starts with a lower-case letter. */
static int is_lower_word(const chr_text *t, const chr_token *k)
{
    if (k->type != CHR_TOK_WORD) return 0;
    unsigned char c = (unsigned char)t->norm[k->start];
    if (c < 0x80) return c >= 'a' && c <= 'z';
    int adv;
    int32_t cp = chr_utf8_decode(t->norm + k->start, k->end - k->start, &adv);
    return cp >= 0 && utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

static int is_cap_word(const chr_token *k)
{
    return k->type == CHR_TOK_WORD && (k->flags & CHR_TF_CAP);
}

/* A token that carries on the sentence before it. */
static int continues(const chr_text *t, const chr_token *k)
{
    int c = punct_char(t, k);
    return is_lower_word(t, k) || c == ',' || c == ';' || c == ':' ||
           c == ')' || c == ']' || c == '}';
}

/* The first token at or after i past opening quotes and brackets (at most
 * three, "(' for instance), or i itself. */
static size_t content_token(const chr_text *t, size_t i)
{
    size_t j = i;
    while (j < t->ntoks && j < i + 3 && is_opener(punct_char(t, &t->toks[j]))) j++;
    return j < t->ntoks ? j : i;
}

enum { END_PERIOD, END_ELLIPSIS, END_QUESTION };
enum { ABBR_NONE, ABBR_TITLE, ABBR_OTHER };

/* How the full stop at token i is used: after a title, after another
 * abbreviation or an initial, or neither. */
static int abbreviation_before(const chr_text *t, size_t i)
{
    if (i == 0 || (t->toks[i].flags & CHR_TF_SPACE_BEFORE)) return ABBR_NONE;
    const chr_token *w = &t->toks[i - 1];
    if (w->type != CHR_TOK_WORD) return ABBR_NONE;
    int adv;
    chr_utf8_decode(t->norm + w->start, w->end - w->start, &adv);
    if ((size_t)adv == chr_tok_len(w)) {
        /* A single letter is an initial (W. in George W. Bush, S. in U.S.,
         * m. in a.m.) unless it is glued to what comes before: the s of
         * "1990s." is a plural. */
        if (i == 1 || (w->flags & CHR_TF_SPACE_BEFORE) ||
            punct_char(t, &t->toks[i - 2]) == '.' || is_opener(punct_char(t, &t->toks[i - 2])))
            return ABBR_OTHER;
        return ABBR_NONE;
    }
    if (in_list(t, w, LIST_TITLES)) return ABBR_TITLE;
    if (in_list(t, w, LIST_ABBREVIATIONS)) return ABBR_OTHER;
    return ABBR_NONE;
}

/* A closed quotation followed by its speaker: Name [Name Name] said. */
static int speaker_follows(const chr_text *t, size_t w)
{
    for (size_t j = w; j < t->ntoks && j < w + 4; j++) {
        const chr_token *k = &t->toks[j];
        if (in_list(t, k, LIST_SPEECH_VERBS) && is_lower_word(t, k)) return j > w;
        if (!is_cap_word(k)) return 0;
    }
    return 0;
}

/* Does the sentence end after the terminal cluster toks[i..q] (q inclusive)
 * of the given kind? */
static int ends_after(const chr_text *t, size_t i, size_t q, int kind)
{
    if (q + 1 >= t->ntoks) return 1;
    const chr_token *nx = &t->toks[q + 1];
    if (nx->flags & CHR_TF_PARA_BEFORE) return 1;
    if (!(nx->flags & CHR_TF_SPACE_BEFORE)) return 0;    /* U.S.-led, i.e., */
    if (continues(t, nx)) return 0;
    if (kind == END_ELLIPSIS) return 0;

    size_t w = content_token(t, q + 1);
    const chr_token *wk = &t->toks[w];
    if (is_lower_word(t, wk)) return 0;
    if (kind == END_QUESTION)
        /* "Why?" Makei asked.  After ." the quotation is a sentence of its
         * own: a report goes on with a comma ("...," Makei said). */
        return !(q > i && is_closer(punct_char(t, &t->toks[q])) && speaker_follows(t, w));

    switch (abbreviation_before(t, i)) {
    case ABBR_TITLE:
        return 0;
    case ABBR_OTHER:
        return in_list(t, wk, LIST_OPENERS) ||
               ((nx->flags & CHR_TF_LINE_BEFORE) && is_cap_word(wk));
    default:
        return 1;
    }
}

/* Does a line break before token i end the sentence?  Only reached when the
 * line did not end in final punctuation. */
static int line_ends(const chr_text *t, size_t i)
{
    const chr_token *prev = &t->toks[i - 1];
    int c = punct_char(t, prev);
    if (c == ',' || c == ';' || c == '-' || c == '(' || c == '[' || c == '/')
        return 0;
    if (prev->type == CHR_TOK_SYM && t->norm[prev->start] == '&') return 0;
    if (is_lower_word(t, prev) && in_list(t, prev, LIST_CONTINUERS)) return 0;
    /* The next line may open with a quote, a bracket or a list bullet. */
    size_t j = i;
    while (j < t->ntoks && j < i + 3) {
        const chr_token *k = &t->toks[j];
        int d = punct_char(t, k);
        int bullet = d == '-' || (k->type == CHR_TOK_SYM &&
                                  (t->norm[k->start] == '*' ||
                                   (chr_tok_len(k) == 3 &&
                                    memcmp(t->norm + k->start, "\xE2\x80\xA2", 3) == 0)));
        if (!is_opener(d) && !bullet) break;
        j++;
    }
    return j < t->ntoks && is_cap_word(&t->toks[j]);
}

/* ---- the pass ------------------------------------------------------------ */

typedef struct sbuf {
    chr_arena *a;
    chr_sentence *s;
    size_t n, cap;
} sbuf;

static int close_sentence(sbuf *sb, chr_text *t, size_t b, size_t e, uint32_t para)
{
    if (sb->n == sb->cap) {
        size_t ncap = sb->cap * 2;
        chr_sentence *ns = chr_arena_realloc(sb->a, sb->s, sb->cap * sizeof *ns,
                                             ncap * sizeof *ns);
        if (!ns) return -1;
        sb->s = ns;
        sb->cap = ncap;
    }
    chr_sentence *s = &sb->s[sb->n];
    s->start = t->toks[b].start;
    s->end = t->toks[e - 1].end;
    s->tok_begin = (uint32_t)b;
    s->tok_end = (uint32_t)e;
    s->para = para;
    for (size_t j = b; j < e; j++) t->toks[j].sent = (uint32_t)sb->n;
    sb->n++;
    return 0;
}

int chr_sentences_split(chr_text *t, chr_arena *a)
{
    size_t n = t->ntoks;
    sbuf sb = {a, NULL, 0, n / 16 + 8};
    sb.s = chr_arena_alloc(a, sb.cap * sizeof *sb.s);
    if (!sb.s) return -1;

    size_t b = 0;                    /* first token of the open sentence */
    size_t after_end = (size_t)-1;   /* token right after the last . ! ? cluster */
    uint32_t para = 0, spara = 0;

    for (size_t i = 0; i < n; i++) {
        uint16_t fl = t->toks[i].flags;
        if (i > 0 && (fl & CHR_TF_PARA_BEFORE)) para++;
        if (i > b && ((fl & CHR_TF_PARA_BEFORE) ||
                      ((fl & CHR_TF_LINE_BEFORE) && i != after_end && line_ends(t, i)))) {
            if (close_sentence(&sb, t, b, i, spara) != 0) return -1;
            b = i;
        }
        if (i == b) spara = para;

        if (!is_terminal(punct_char(t, &t->toks[i]))) continue;

        /* The cluster: . ! ? and closing quotes and brackets glued together. */
        size_t q = i;
        int dots = punct_char(t, &t->toks[i]) == '.', marks = !dots;
        while (q + 1 < n && !(t->toks[q + 1].flags & CHR_TF_SPACE_BEFORE)) {
            int c = punct_char(t, &t->toks[q + 1]);
            if (c == '.') dots++;
            else if (c == '!' || c == '?') marks++;
            else if (!is_closer(c)) break;
            q++;
        }
        int kind = marks ? END_QUESTION
                 : (dots == 2 || dots == 3) ? END_ELLIPSIS : END_PERIOD;
        after_end = q + 1;
        if (ends_after(t, i, q, kind)) {
            if (close_sentence(&sb, t, b, q + 1, spara) != 0) return -1;
            b = q + 1;
        }
        i = q;
    }
    if (b < n && close_sentence(&sb, t, b, n, spara) != 0) return -1;

    t->sents = sb.s;
    t->nsents = sb.n;
    return 0;
}
