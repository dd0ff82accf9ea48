/*
 * aid.js - the aid view: monthly totals of military, economic and
 * humanitarian aid by donor, pledged beside delivered, one chart per
 * currency (and one of story counts, for aid that names no money), the
 * items given, and the stories behind any bar.
 *
 * Data: GET /api/totals?by=month&split=actor&type=AID&status=S[&mode=M] once
 * per status shown, GET /api/totals?by=item&type=AID for the items, and
 * GET /api/stories?type=AID&actor=X&since=M&until=M for a bar's stories.
 */
import { getTotals } from './api.js';
import { colourOf, makeChart } from './charts.js';
import { fmtMoney, fmtNumber, fmtUnit, monthRange, plural } from './format.js';
import { showStories } from './stories.js';
import { clear, dataTable, el, field, loading, select, showEmpty, showError } from './ui.js';

const MODES = [['', 'All kinds'], ['military', 'Military'], ['economic', 'Economic'],
               ['humanitarian', 'Humanitarian']];
const STATUSES = [['both', 'Pledged and delivered'], ['pledged', 'Pledged'], ['delivered', 'Delivered']];
const UNDATED = '(no month)';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function aidView(root) {
    const mode = select('mode', MODES, '');
    const status = select('status', STATUSES, 'both');
    const form = el('form', { class: 'controls', 'aria-label': 'Aid filters' },
        field('Kind of aid', mode), field('Status', status));
    const summary = el('div', { class: 'summary' });
    const charts = el('div', { class: 'charts' });
    const items = el('section', { class: 'items', 'aria-labelledby': 'aid-items-h' });
    const stories = el('section', { class: 'stories-panel', id: 'aid-stories', hidden: true, 'aria-live': 'polite' });
    const body = el('div');
    clear(root).append(el('h2', {}, 'Aid to and between countries'), form, body);
    form.addEventListener('change', () => load());
    form.addEventListener('submit', (ev) => { ev.preventDefault(); load(); });

    let serial = 0;
    let loaded = false;
    async function load() {
        const mine = ++serial;
        loaded = true;
        const m = mode.value;
        const statuses = status.value === 'both' ? ['pledged', 'delivered'] : [status.value];
        loading(body, 'aid totals');
        let monthly, byItem;
        try {
            const answers = await Promise.all(statuses.map((s) =>
                getTotals({ by: 'month', split: 'actor', type: 'AID', status: s, mode: m })));
            monthly = answers.flatMap((a, i) => (a.items || []).map((r) => ({
                month: r.group || UNDATED, actor: r.split || '', unit: r.unit, total: r.total,
                stories: r.stories, sources: r.sources, status: statuses[i],
            })));
            byItem = await getTotals({
                by: 'item', type: 'AID', mode: m, status: statuses.length === 1 ? statuses[0] : '',
            });
        } catch (err) {
            if (mine === serial) showError(body, err);
            return;
        }
        if (mine !== serial) return;   /* a newer choice is loading */
        if (monthly.length === 0) {
            showEmpty(body, 'No aid records yet for this choice: nothing in the store is AID' +
                (m ? ` of kind ${m}` : '') + (statuses.length === 1 ? `, ${statuses[0]}` : '') + '.');
            return;
        }
        clear(body).append(summary, charts, items, stories);
        stories.hidden = true;
        const ctx = { mode: m, statuses, stories };
        renderSummary(summary, monthly, statuses);
        renderCharts(charts, monthly, ctx);
        renderItems(items, byItem.items || [], ctx);
    }

    return { show: () => (loaded ? null : load()) };
}

/* Units in display order: currencies by number of rows, then story counts. */
function unitsOf(rows) {
    const n = new Map();
    for (const r of rows) {
        if (r.unit === 'items') continue;
        n.set(r.unit, (n.get(r.unit) || 0) + 1);
    }
    return [...n.keys()].sort((a, b) => {
        if (a === 'stories' || b === 'stories') return a === 'stories' ? 1 : -1;
        return n.get(b) - n.get(a) || a.localeCompare(b);
    });
}

function renderSummary(container, rows, statuses) {
    const cards = [];
    for (const unit of unitsOf(rows)) {
        const parts = statuses.map((s) => {
            const sum = rows.filter((r) => r.unit === unit && r.status === s)
                .reduce((acc, r) => acc + r.total, 0);
            return el('div', { class: 'figure-line' }, el('span', { class: 'label' }, s),
                el('span', { class: 'value', dataset: { unit, status: s } }, fmtUnit(sum, unit)));
        });
        cards.push(el('div', { class: 'card' },
            el('h3', {}, unit === 'stories' ? 'Aid stories' : `Aid in ${unit}`), parts));
    }
    clear(container).append(...cards);
}

function renderCharts(container, rows, ctx) {
    const dated = rows.filter((r) => r.month !== UNDATED).map((r) => r.month).sort();
    const months = dated.length ? monthRange(dated[0], dated[dated.length - 1]) : [];
    if (rows.some((r) => r.month === UNDATED)) months.push(UNDATED);
    clear(container);
    if (ctx.statuses.length === 2) {
        container.append(el('p', { class: 'hint' },
            'Each month has two bars: pledged (left, light) and delivered (right, solid). ' +
            'Choose a bar, or a row of the data table, to list the stories behind it.'));
    } else {
        container.append(el('p', { class: 'hint' }, 'Choose a bar, or a row of the data table, to list the stories behind it.'));
    }
    for (const unit of unitsOf(rows)) {
        const mine = rows.filter((r) => r.unit === unit);
        const title = unit === 'stories' ? 'Number of aid stories per month, by donor'
                                         : `Aid in ${unit} per month, by donor`;
        const box = el('div', { class: 'chart', dataset: { unit } });
        const table = el('details', { class: 'chart-data' }, el('summary', {}, `Data table: ${title}`),
            dataTable([
                { key: 'month', label: 'Month' },
                { key: 'actor', label: 'Donor', render: (r) => r.actor || '(unknown)' },
                { key: 'status', label: 'Status' },
                { key: 'total', label: unit === 'stories' ? 'Stories' : `Total (${unit})`, num: true,
                  render: (r) => (unit === 'stories' ? fmtNumber(r.total) : fmtMoney(r.total, unit)) },
                { key: 'stories', label: 'Stories', num: true, render: (r) => fmtNumber(r.stories) },
                { key: 'sources', label: 'Sources', num: true, render: (r) => fmtNumber(r.sources) },
            ], [...mine].sort((a, b) => a.month.localeCompare(b.month) ||
                    a.status.localeCompare(b.status) || a.actor.localeCompare(b.actor)), {
                onRow: (r) => openBar(ctx, r.actor, r.month, r.status),
                rowLabel: (r) => `Stories: ${r.actor || 'unknown donor'}, ${r.status}, ${r.month}`,
            }));
        container.append(el('section', { class: 'chart-block', dataset: { unit } },
            el('h3', {}, title), box, table));
        drawMonthly(box, mine, months, unit, ctx, title);
    }
}

function drawMonthly(box, rows, months, unit, ctx, title) {
    const totalOf = new Map();
    for (const r of rows) totalOf.set(r.actor, (totalOf.get(r.actor) || 0) + r.total);
    const actors = [...totalOf.keys()].sort((a, b) => totalOf.get(b) - totalOf.get(a) || a.localeCompare(b));
    const both = ctx.statuses.length === 2;
    const series = [];
    for (const s of ctx.statuses) {
        for (const a of actors) {
            const cells = new Map(rows.filter((r) => r.status === s && r.actor === a).map((r) => [r.month, r]));
            if (cells.size === 0) continue;
            series.push({
                id: `${s}:${a}`,
                name: a || '(unknown)',
                type: 'bar',
                stack: s,
                barMaxWidth: 36,
                itemStyle: { color: colourOf(a || '(unknown)'), opacity: both && s === 'pledged' ? 0.5 : 1 },
                emphasis: { focus: 'series' },
                data: months.map((m) => {
                    const r = cells.get(m);
                    return r ? { value: r.total, row: r } : null;
                }),
            });
        }
    }
    const fmtAxis = (v) => (unit === 'stories' ? fmtNumber(v) : fmtMoney(v, unit, true));
    const chart = makeChart(box, {
        legend: { type: 'scroll', top: 0, data: actors.map((a) => ({ name: a || '(unknown)', itemStyle: { opacity: 1 } })) },
        grid: { left: 16, right: 16, top: 36, bottom: 8, containLabel: true },
        tooltip: {
            trigger: 'item',
            formatter: (p) => {
                const r = p.data && p.data.row;
                if (!r) return '';
                return `<strong>${esc(r.actor || '(unknown)')}</strong> · ${esc(r.status)} · ${esc(r.month)}<br>` +
                    `${esc(fmtUnit(r.total, unit))}<br>${esc(plural(r.stories, 'story', 'stories'))}, ` +
                    `${esc(plural(r.sources, 'source', 'sources'))}`;
            },
        },
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', axisLabel: { formatter: fmtAxis } },
        series,
    }, `${title}. ${rows.length} values; the data table below lists them.`);
    chart.on('click', (p) => {
        const r = p.data && p.data.row;
        if (r) openBar(ctx, r.actor, r.month, r.status);
    });
}

function openBar(ctx, actor, month, status) {
    const params = { type: 'AID', status, mode: ctx.mode, actor };
    if (month !== UNDATED) {
        params.since = month;
        params.until = month;
    }
    const who = actor || 'every donor';
    showStories(ctx.stories, `Aid stories: ${who}, ${status}${ctx.mode ? `, ${ctx.mode}` : ''}, ${month}`, params);
}

function renderItems(container, rows, ctx) {
    const groups = new Map();
    for (const r of rows) {
        const g = groups.get(r.group) || { item: r.group, count: null, stories: 0, sources: 0 };
        if (r.unit === 'items') g.count = r.total;
        if (r.unit === 'stories') {
            g.stories = r.stories;
            g.sources = r.sources;
        }
        groups.set(r.group, g);
    }
    const list = [...groups.values()].filter((g) => g.item)
        .sort((a, b) => (b.count || 0) - (a.count || 0) || b.stories - a.stories || a.item.localeCompare(b.item));
    clear(container).append(el('h3', { id: 'aid-items-h' }, 'Items given or promised'));
    if (list.length === 0) {
        container.append(el('p', { class: 'state empty' }, 'No aid record of this choice names an item.'));
        return;
    }
    const counted = list.filter((g) => g.count !== null);
    if (counted.length) {
        const box = el('div', { class: 'chart chart-items', style: `height:${Math.max(160, 28 * counted.length + 60)}px` });
        container.append(box);
        const cats = counted.map((g) => g.item).reverse();
        const chart = makeChart(box, {
            grid: { left: 16, right: 48, top: 8, bottom: 8, containLabel: true },
            tooltip: {
                trigger: 'item',
                formatter: (p) => {
                    const g = p.data.g;
                    return `<strong>${esc(g.item)}</strong><br>${esc(fmtUnit(g.count, 'items'))} in ` +
                        `${esc(plural(g.stories, 'story', 'stories'))}`;
                },
            },
            xAxis: { type: 'value', axisLabel: { formatter: (v) => fmtNumber(v) } },
            yAxis: { type: 'category', data: cats },
            series: [{
                type: 'bar', name: 'Items', barMaxWidth: 22,
                itemStyle: { color: '#3a6e8f' },
                label: { show: true, position: 'right', formatter: (p) => fmtNumber(p.value) },
                data: counted.slice().reverse().map((g) => ({ value: g.count, g })),
            }],
        }, `Counted items of aid: ${counted.map((g) => `${g.item} ${fmtNumber(g.count)}`).join(', ')}.`);
        chart.on('click', (p) => p.data && openItem(ctx, p.data.g.item));
    }
    container.append(dataTable([
        { key: 'item', label: 'Item (name, else class)' },
        { key: 'count', label: 'Count', num: true, render: (g) => (g.count === null ? '—' : fmtNumber(g.count)) },
        { key: 'stories', label: 'Stories', num: true, render: (g) => fmtNumber(g.stories) },
        { key: 'sources', label: 'Sources', num: true, render: (g) => fmtNumber(g.sources) },
    ], list, {
        caption: 'Items, counted once per story at their largest reported count',
        onRow: (g) => openItem(ctx, g.item),
        rowLabel: (g) => `Stories with ${g.item}`,
    }));
}

function openItem(ctx, item) {
    const status = ctx.statuses.length === 1 ? ctx.statuses[0] : '';
    showStories(ctx.stories, `Aid stories with ${item}${status ? `, ${status}` : ''}${ctx.mode ? `, ${ctx.mode}` : ''}`,
        { type: 'AID', item, status, mode: ctx.mode });
}
