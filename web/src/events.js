/*
 * events.js - the events view: every event mention in the store, filtered
 * by the server (type, actor, recipient, status, since, until), sorted and
 * paged here; choosing a row opens its document with the sentence
 * highlighted.
 *
 * Data: GET /api/events with the filters, page after page (the API orders
 * by publication and does not sort by column, so the selected mentions are
 * fetched, up to a bound, and sorted in the page).
 */
import { getAll } from './api.js';
import { openDocument } from './document.js';
import { actorCode, fmtDateRange, fmtItems, fmtMoneyObject, fmtNumber, sourceName } from './format.js';
import { clear, dataTable, el, field, loading, select, showEmpty, showError } from './ui.js';

const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
               'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];
const STATUSES = ['occurred', 'pledged', 'delivered', 'planned'];
const PAGE = 25;
const CAP = 5000;
const DATE_PATTERN = '\\d{4}(-\\d{2}(-\\d{2})?)?';

const dayOf = (m) => (m.date && m.date.start) || m.published || '';

const COLUMNS = [
    { key: 'type', label: 'Type', render: (m) => [m.type, m.mode].filter(Boolean).join(' / '),
      sortValue: (m) => `${m.type || ''}/${m.mode || ''}` },
    { key: 'actor', label: 'Actor', render: (m) => actorCode(m.actor), sortValue: (m) => actorCode(m.actor) },
    { key: 'recipient', label: 'Recipient', render: (m) => actorCode(m.recipient), sortValue: (m) => actorCode(m.recipient) },
    { key: 'date', label: 'Date', sortValue: dayOf,
      render: (m) => fmtDateRange(m.date) ||
          el('span', { class: 'muted', title: 'no date in the text: the publication day' }, m.published || '') },
    { key: 'status', label: 'Status', sortValue: (m) => m.status || '' },
    { key: 'money', label: 'Money', num: true, render: (m) => fmtMoneyObject(m.money),
      sortValue: (m) => (m.money && typeof m.money.value === 'number' ? m.money.value : -1) },
    { key: 'items', label: 'Items', render: (m) => fmtItems(m.items),
      sortValue: (m) => fmtItems(m.items) },
    { key: 'source', label: 'Source', render: (m) => sourceName(m), sortValue: (m) => sourceName(m) },
];

export function eventsView(root) {
    const type = select('type', [['', 'Any type'], ...TYPES], '');
    const status = select('status', [['', 'Any status'], ...STATUSES], '');
    const text = (name, placeholder, extra = {}) =>
        el('input', { type: 'text', name, placeholder, autocomplete: 'off', size: 10, ...extra });
    const actor = text('actor', 'USA, EU, …', { pattern: '[A-Za-z0-9]{1,16}' });
    const recipient = text('recipient', 'UKR, …', { pattern: '[A-Za-z0-9]{1,16}' });
    const since = text('since', 'YYYY-MM-DD', { pattern: DATE_PATTERN });
    const until = text('until', 'YYYY-MM-DD', { pattern: DATE_PATTERN });
    const form = el('form', { class: 'controls', 'aria-label': 'Event filters' },
        field('Type', type), field('Actor', actor), field('Recipient', recipient),
        field('Status', status), field('Since', since), field('Until', until),
        el('div', { class: 'buttons' },
            el('button', { type: 'submit' }, 'Apply'),
            el('button', { type: 'reset' }, 'Clear')));
    const count = el('p', { class: 'count', role: 'status', 'aria-live': 'polite' });
    const body = el('div');
    clear(root).append(el('h2', {}, 'Events'), form, count, body);

    let rows = [];
    let sort = { key: 'date', dir: 'desc' };
    let page = 0;
    let serial = 0;
    let loaded = false;

    form.addEventListener('submit', (ev) => {
        ev.preventDefault();
        load();
    });
    form.addEventListener('reset', () => setTimeout(load, 0));

    async function load() {
        const mine = ++serial;
        loaded = true;
        const params = {
            type: type.value, status: status.value,
            actor: actor.value.trim(), recipient: recipient.value.trim(),
            since: since.value.trim(), until: until.value.trim(),
        };
        count.textContent = '';
        loading(body, 'events');
        let res;
        try {
            res = await getAll('api/events', params, CAP);
        } catch (err) {
            if (mine === serial) showError(body, err);
            return;
        }
        if (mine !== serial) return;
        rows = res.items;
        page = 0;
        const filtered = Object.values(params).some(Boolean);
        count.textContent = `${fmtNumber(rows.length)}${res.truncated ? '+' : ''} event ${rows.length === 1 ? 'mention' : 'mentions'}` +
            (filtered ? (rows.length === 1 && !res.truncated ? ' matches the filters' : ' match the filters') : '') + (res.truncated ? ` (the first ${fmtNumber(CAP)} are shown)` : '');
        if (rows.length === 0) {
            showEmpty(body, filtered ? 'No event matches these filters.' : 'No events yet: the store holds no event records.');
            return;
        }
        render();
    }

    function sorted() {
        const col = COLUMNS.find((c) => c.key === sort.key);
        const sign = sort.dir === 'asc' ? 1 : -1;
        return rows.map((r, i) => [r, i]).sort(([a, i], [b, j]) => {
            const x = col.sortValue(a);
            const y = col.sortValue(b);
            const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
            return c * sign || i - j;
        }).map(([r]) => r);
    }

    function render() {
        const all = sorted();
        const pages = Math.max(1, Math.ceil(all.length / PAGE));
        page = Math.min(page, pages - 1);
        const shown = all.slice(page * PAGE, page * PAGE + PAGE);
        const nav = el('nav', { class: 'pager', 'aria-label': 'Pages of events' },
            el('button', { type: 'button', disabled: page === 0, onclick: () => { page--; render(); } }, '‹ Previous'),
            el('span', { class: 'page-of' }, `Page ${page + 1} of ${pages} (rows ${fmtNumber(page * PAGE + 1)}–${fmtNumber(page * PAGE + shown.length)})`),
            el('button', { type: 'button', disabled: page >= pages - 1, onclick: () => { page++; render(); } }, 'Next ›'));
        clear(body).append(dataTable(COLUMNS, shown, {
            caption: 'Event mentions (choose a row to read its article)',
            sort,
            onSort: (key) => {
                sort = sort.key === key ? { key, dir: sort.dir === 'asc' ? 'desc' : 'asc' }
                                        : { key, dir: key === 'date' || key === 'money' ? 'desc' : 'asc' };
                page = 0;
                render();
                const th = body.querySelector(`th[aria-sort="${sort.dir === 'asc' ? 'ascending' : 'descending'}"] button`);
                if (th) th.focus();
            },
            onRow: (m) => openDocument(m.doc_id, m.span, m.sentence),
            rowLabel: (m) => `${m.type || ''} ${actorCode(m.actor)} ${actorCode(m.recipient)} ${dayOf(m)}: open document ${m.doc_id}`,
        }), nav);
    }

    return { show: () => (loaded ? null : load()) };
}
