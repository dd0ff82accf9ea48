/*
 * api.js - the dashboard's only way to the server: GET requests to the JSON
 * API of `chronicle serve` (docs/api.md).
 *
 * Every failure becomes an ApiError whose message names the request and
 * carries the server's own {"error": "..."} text, so a view can show it as
 * it is instead of rendering nothing.  URLs are relative to the page, so the
 * dashboard also works below a path prefix.
 */

export class ApiError extends Error {
    constructor(path, status, message) {
        super(status ? `GET ${path} failed (${status}): ${message}`
                     : `GET ${path} failed: ${message}`);
        this.name = 'ApiError';
        this.path = path;
        this.status = status;
    }
}

/* "api/events?type=AID&..." from a path and a parameter object; empty,
 * null and undefined values are left out (the API rejects unknown or
 * malformed parameters, so nothing is sent that was not asked for). */
export function apiPath(path, params = {}) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) {
        if (v === undefined || v === null || v === '') continue;
        q.append(k, String(v));
    }
    const s = q.toString();
    return s ? `${path}?${s}` : path;
}

export async function getJSON(path, params) {
    const rel = apiPath(path, params);
    let res;
    try {
        res = await fetch(rel, { headers: { Accept: 'application/json' } });
    } catch (e) {
        throw new ApiError('/' + rel, 0, `the server cannot be reached (${e.message})`);
    }
    const text = await res.text();
    let body = null;
    try {
        body = text ? JSON.parse(text) : null;
    } catch {
        body = null;
    }
    if (!res.ok) {
        const msg = body && typeof body.error === 'string' ? body.error
                  : text ? text.slice(0, 200) : res.statusText;
        throw new ApiError('/' + rel, res.status, msg);
    }
    if (body === null || typeof body !== 'object')
        throw new ApiError('/' + rel, res.status, 'the answer is not a JSON object');
    return body;
}

/* The largest page the API gives (docs/api.md: limit at most 1000). */
export const PAGE_MAX = 1000;

/* Every item of a list endpoint, page after page, up to cap items:
 * {items, truncated} where truncated says that more exist beyond the cap. */
export async function getAll(path, params = {}, cap = 5000) {
    const items = [];
    let offset = 0;
    for (;;) {
        const limit = Math.min(PAGE_MAX, cap - items.length);
        const page = await getJSON(path, { ...params, limit, offset });
        if (!Array.isArray(page.items))
            throw new ApiError('/' + apiPath(path, params), 200, 'the answer has no "items" list');
        items.push(...page.items);
        if (!page.more || page.items.length === 0) return { items, truncated: false };
        if (items.length >= cap) return { items, truncated: true };
        offset += page.items.length;
    }
}

/* The totals endpoint answers whole up to a large bound and pages beyond
 * it; every page of one question, as one {items, ...} answer. */
export async function getTotals(params) {
    const first = await getJSON('api/totals', params);
    const items = Array.isArray(first.items) ? [...first.items] : [];
    let page = first;
    while (page.more && Array.isArray(page.items) && page.items.length > 0) {
        page = await getJSON('api/totals', { ...params, offset: items.length });
        items.push(...(page.items || []));
    }
    return { ...first, items, more: false };
}
