/*
 * visits.js - visits and meetings: who visited, hosted, met or called whom,
 * counted over CONSULT stories (a visit reported by five outlets counts
 * once), one row per pair of countries or organisations, most active first.
 *
 * Data: GET /api/stories?type=CONSULT (every page).  Talks are symmetric:
 * their two sides are put in name order so that "POL met UKR" and "UKR met
 * POL" fall in one row (with POL's visits to UKR).
 */
import { getAll } from './api.js';
import { actorCode, fmtNumber } from './format.js';
import { listStories } from './stories.js';
import { clear, dataTable, el, loading, showEmpty, showError } from './ui.js';

const MODES = ['visit', 'host', 'meet', 'phone', 'multilateral', 'third-party'];
const MODE_LABELS = { visit: 'Visits', host: 'Hosted', meet: 'Meetings', phone: 'Calls',
                      multilateral: 'Summits', 'third-party': 'Mediated' };

export function visitsView(root) {
    const body = el('div');
    clear(root).append(el('h2', {}, 'Visits and meetings'), body);
    let loaded = false;

    async function load() {
        loaded = true;
        loading(body, 'visits and meetings');
        let res;
        try {
            res = await getAll('api/stories', { type: 'CONSULT' }, 10000);
        } catch (err) {
            showError(body, err);
            return;
        }
        if (res.items.length === 0) {
            showEmpty(body, 'No visits or meetings yet: the store holds no CONSULT records.');
            return;
        }
        const pairs = new Map();
        for (const s of res.items) {
            let a = actorCode(s.actor) || '(unknown)';
            let b = actorCode(s.recipient) || '(unknown)';
            if (s.symmetric && b < a) [a, b] = [b, a];
            const key = `${a}\u0000${b}`;
            if (!pairs.has(key)) pairs.set(key, { a, b, counts: {}, total: 0, latest: '', stories: [] });
            const p = pairs.get(key);
            const mode = MODES.includes(s.mode) ? s.mode : 'other';
            p.counts[mode] = (p.counts[mode] || 0) + 1;
            p.total++;
            const day = (s.date && s.date.start) || s.last_seen || '';
            if (day > p.latest) p.latest = day;
            p.stories.push(s);
        }
        const rows = [...pairs.values()].sort((x, y) => y.total - x.total || y.latest.localeCompare(x.latest) ||
            x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
        const used = [...MODES, 'other'].filter((m) => rows.some((r) => r.counts[m]));
        const detail = el('section', { class: 'stories-panel', hidden: true, 'aria-live': 'polite' });
        clear(body).append(
            el('p', { class: 'hint' }, `${fmtNumber(res.items.length)} CONSULT ${res.items.length === 1 ? 'story' : 'stories'}` +
                `${res.truncated ? ' (the newest shown)' : ''}; choose a row to list them.`),
            dataTable([
                { key: 'a', label: 'Who (visitor, host, caller)' },
                { key: 'b', label: 'With whom' },
                ...used.map((m) => ({ key: m, label: MODE_LABELS[m] || 'Other', num: true,
                                      render: (r) => (r.counts[m] ? fmtNumber(r.counts[m]) : '') })),
                { key: 'total', label: 'Total', num: true, render: (r) => fmtNumber(r.total) },
                { key: 'latest', label: 'Latest' },
            ], rows, {
                caption: 'Visits, meetings and calls by pair',
                onRow: (r) => {
                    detail.hidden = false;
                    const list = el('div');
                    clear(detail).append(el('h3', { tabindex: -1 }, `${r.a} and ${r.b}`), list);
                    listStories(list, r.stories);
                    detail.querySelector('h3').focus();
                },
                rowLabel: (r) => `${r.a} and ${r.b}: ${r.total} stories`,
            }),
            detail);
    }

    return { show: () => (loaded ? null : load()) };
}
