/*
 * format.js - how the dashboard writes numbers, money, counts, dates and
 * actors, and how it cuts a document's text at UTF-8 byte offsets.
 *
 * Numbers are shown in full with thousands separators (en-US, the language
 * of the dashboard); chart axes use the compact form (1.2B).  Spans from the
 * store are byte offsets into the UTF-8 text while JavaScript strings count
 * UTF-16 code units, so a span is applied to the encoded bytes, never to the
 * string directly.
 */

const LOCALE = 'en-US';
const plain = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 2 });
const compact = new Intl.NumberFormat(LOCALE, { notation: 'compact', maximumFractionDigits: 1 });
const moneyFormats = new Map();

export function fmtNumber(n) {
    return typeof n === 'number' && Number.isFinite(n) ? plain.format(n) : '';
}

export function fmtCompact(n) {
    return typeof n === 'number' && Number.isFinite(n) ? compact.format(n) : '';
}

/* A currency formatter, or null for a code Intl does not know. */
function moneyFormat(currency, isCompact) {
    const key = `${currency}/${isCompact}`;
    if (!moneyFormats.has(key)) {
        let f = null;
        try {
            f = new Intl.NumberFormat(LOCALE, isCompact
                ? { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }
                : { style: 'currency', currency, maximumFractionDigits: 0 });
        } catch {
            f = null;
        }
        moneyFormats.set(key, f);
    }
    return moneyFormats.get(key);
}

/* 400000000, "USD" -> "$400,000,000"; an unknown code -> "400,000,000 XYZ". */
export function fmtMoney(value, currency, isCompact = false) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return '';
    const f = currency ? moneyFormat(currency, isCompact) : null;
    if (f) return f.format(value);
    const n = isCompact ? fmtCompact(value) : fmtNumber(value);
    return currency ? `${n} ${currency}` : n;
}

/* A total of the totals endpoint in its unit: stories, items or a currency. */
export function fmtUnit(total, unit) {
    if (unit === 'stories') return `${fmtNumber(total)} ${total === 1 ? 'story' : 'stories'}`;
    if (unit === 'items') return `${fmtNumber(total)} ${total === 1 ? 'item' : 'items'}`;
    return fmtMoney(total, unit);
}

export function plural(n, one, many) {
    return `${fmtNumber(n)} ${n === 1 ? one : many}`;
}

const QUALS = {
    approx: 'about ',
    more_than: 'more than ',
    at_least: 'at least ',
    less_than: 'fewer than ',
    at_most: 'up to ',
};

/* A count or amount with its qualifier: "more than 9,000", "1,000–2,000". */
export function fmtCount(value, qual, max, currency) {
    const f = (v) => (currency ? fmtMoney(v, currency) : fmtNumber(v));
    if (qual === 'range' && typeof max === 'number') return `${f(value)}–${f(max)}`;
    return (QUALS[qual] || '') + f(value);
}

/* The money object of a record or story: {value, currency, qual, max}. */
export function fmtMoneyObject(m) {
    if (!m || typeof m.value !== 'number') return '';
    return fmtCount(m.value, m.qual, m.max, m.currency);
}

/* Items of a record or story: [{name, class, count}] where count is a
 * number (stories) or a count object (records). */
export function fmtItems(items) {
    if (!Array.isArray(items) || items.length === 0) return '';
    return items.map((it) => {
        const name = it.name || it.class || it.text || 'item';
        const c = it.count;
        if (typeof c === 'number') return `${fmtNumber(c)} ${name}`;
        if (c && typeof c.value === 'number') return `${fmtCount(c.value, c.qual, c.max)} ${name}`;
        return name;
    }).join(', ');
}

/* A record's date object {start, end} -> "2023-04-19" or "2023-04-17 – 2023-04-23". */
export function fmtDateRange(d) {
    if (!d || !d.start) return '';
    return d.end && d.end !== d.start ? `${d.start} – ${d.end}` : d.start;
}

/* An actor: a record's {name, code} object or a story's code string. */
export function actorCode(a) {
    if (!a) return '';
    return typeof a === 'string' ? a : a.code || a.name || a.text || '';
}

export function actorLabel(a) {
    if (!a) return '';
    if (typeof a === 'string') return a;
    if (a.name && a.code && a.name !== a.code) return `${a.name} (${a.code})`;
    return a.name || a.code || a.text || '';
}

/* Who reported a record: the source named in the text, else the outlet. */
export function sourceName(rec) {
    const s = rec && rec.source;
    if (typeof s === 'string' && s) return s;
    if (s && typeof s === 'object' && (s.name || s.text)) return s.name || s.text;
    return rec && rec.outlet ? rec.outlet : '';
}

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

/* Cut text at the UTF-8 byte offsets [start, end): {before, inside, after},
 * or null when the span is outside the text or splits a character (a span
 * that does not fit this text must not highlight something else). */
export function splitByBytes(text, start, end) {
    const bytes = encoder.encode(text);
    if (!Number.isInteger(start) || !Number.isInteger(end) ||
        start < 0 || end < start || end > bytes.length)
        return null;
    const boundary = (i) => i === bytes.length || (bytes[i] & 0xc0) !== 0x80;
    if (!boundary(start) || !boundary(end)) return null;
    try {
        return {
            before: decoder.decode(bytes.subarray(0, start)),
            inside: decoder.decode(bytes.subarray(start, end)),
            after: decoder.decode(bytes.subarray(end)),
        };
    } catch {
        return null;
    }
}

/* "2023-04" for a day or month string, "" otherwise. */
export function monthOf(day) {
    return typeof day === 'string' && /^\d{4}-\d{2}/.test(day) ? day.slice(0, 7) : '';
}

/* Every month from first to last inclusive ("2023-01", "2023-02", ...). */
export function monthRange(first, last) {
    const out = [];
    let [y, m] = first.split('-').map(Number);
    const [ly, lm] = last.split('-').map(Number);
    while (y < ly || (y === ly && m <= lm)) {
        out.push(`${y}-${String(m).padStart(2, '0')}`);
        if (++m > 12) { m = 1; y++; }
        if (out.length > 1200) break;   /* a hundred years: a bad date, not data */
    }
    return out;
}
