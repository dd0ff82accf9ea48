/*
 * figures.js - the figures view: each reported count (killed, injured,
 * displaced, ...) over time, one line per source, so that a government's
 * toll and the UN's stand side by side where they diverge.
 *
 * Data: GET /api/figures (every page), grouped here by metric; a metric's
 * menu entry asks GET /api/figures?metric=M again for that metric alone.
 * A count repeated by several articles of one source is one point.
 */
import { getAll } from './api.js';
import { openDocument } from './document.js';
import { colourOf, makeChart } from './charts.js';
import { fmtCount, fmtNumber, sourceName } from './format.js';
import { clear, dataTable, el, field, loading, select, showEmpty, showError } from './ui.js';

const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const UNATTRIBUTED = '(no source named)';
const DAY = 24 * 3600 * 1000;

export function figuresView(root) {
    const body = el('div');
    const pick = el('div', { class: 'controls' });
    clear(root).append(el('h2', {}, 'Reported figures over time'), pick, body);
    let metrics = null;

    async function load() {
        loading(body, 'figures');
        let res;
        try {
            res = await getAll('api/figures', {}, 10000);
        } catch (err) {
            showError(body, err);
            return;
        }
        const by = groupBy(res.items, (f) => f.metric || '(no metric)');
        metrics = [...by.keys()].sort((a, b) => by.get(b).length - by.get(a).length || a.localeCompare(b));
        if (metrics.length === 0) {
            clear(pick);
            showEmpty(body, 'No figures yet: no article in the store reports a count of killed, injured, displaced or the like.');
            return;
        }
        const menu = select('metric', [['', 'Every metric'],
            ...metrics.map((m) => [m, `${m} (${fmtNumber(by.get(m).length)})`])], '');
        clear(pick).append(field('Metric', menu));
        menu.addEventListener('change', () => (menu.value ? loadOne(menu.value) : render(by, res.truncated)));
        render(by, res.truncated);
    }

    async function loadOne(metric) {
        loading(body, `figures for ${metric}`);
        try {
            const res = await getAll('api/figures', { metric }, 10000);
            render(new Map([[metric, res.items]]), res.truncated);
        } catch (err) {
            showError(body, err);
        }
    }

    function render(by, truncated) {
        clear(body);
        if (truncated) body.append(el('p', { class: 'state error', role: 'status' }, 'Only the newest 10,000 figures are shown.'));
        for (const [metric, list] of by) body.append(metricBlock(metric, list));
    }

    return { show: () => (metrics ? null : load()) };
}

function groupBy(list, keyOf) {
    const m = new Map();
    for (const x of list) {
        const k = keyOf(x);
        if (!m.has(k)) m.set(k, []);
        m.get(k).push(x);
    }
    return m;
}

/* One series per source, split further by population and side only when
 * the metric mixes them (so civilians and soldiers never share a line). */
function seriesKeyOf(list) {
    const pops = new Set(list.map((f) => f.population || ''));
    const sides = new Set(list.map((f) => f.side || ''));
    return (f) => [sourceName(f) || UNATTRIBUTED,
        pops.size > 1 ? f.population || 'unspecified' : null,
        sides.size > 1 ? (f.side ? `side ${f.side}` : 'no side') : null].filter(Boolean).join(' · ');
}

function dayOf(f) {
    return f.as_of || f.published || '';
}

function metricBlock(metric, list) {
    const keyOf = seriesKeyOf(list);
    /* points: one per series, day and value; repeats counted */
    const points = new Map();
    for (const f of list) {
        const day = dayOf(f);
        if (!day || typeof f.value !== 'number') continue;
        const k = `${keyOf(f)}\u0000${day}\u0000${f.value}`;
        const p = points.get(k);
        if (p) p.reports.push(f);
        else points.set(k, { key: keyOf(f), day, f, reports: [f] });
    }
    const bySeries = groupBy([...points.values()], (p) => p.key);
    const names = [...bySeries.keys()].sort();
    const title = `${metric}: reported counts by source`;
    const box = el('div', { class: 'chart', dataset: { metric } });
    const rows = [...points.values()].sort((a, b) => b.day.localeCompare(a.day) || a.key.localeCompare(b.key));
    const section = el('section', { class: 'chart-block', dataset: { metric } },
        el('h3', {}, title), box,
        el('details', { class: 'chart-data' }, el('summary', {}, `Data table: ${title}`),
            dataTable([
                { key: 'day', label: 'As of' },
                { key: 'value', label: 'Value', num: true, render: (p) => fmtCount(p.f.value, p.f.qual, p.f.max) },
                { key: 'source', label: 'Source', render: (p) => sourceName(p.f) || UNATTRIBUTED },
                { key: 'population', label: 'Population', render: (p) => p.f.population || '' },
                { key: 'side', label: 'Side', render: (p) => p.f.side || '' },
                { key: 'since', label: 'Since', render: (p) => p.f.since || '' },
                { key: 'reports', label: 'Reports', num: true, render: (p) => fmtNumber(p.reports.length) },
                { key: 'doc', label: 'Document', render: (p) => p.f.doc_id || '' },
            ], rows, {
                onRow: (p) => openDocument(p.f.doc_id, p.f.span, p.f.sentence),
                rowLabel: (p) => `Open document ${p.f.doc_id}`,
            })));
    const series = names.map((name) => ({
        name,
        type: 'line',
        symbol: 'circle',
        symbolSize: 9,
        label: { show: points.size <= 40, position: 'top', formatter: (x) => fmtNumber(x.value[1]) },
        itemStyle: { color: colourOf(`source:${name}`) },
        lineStyle: { color: colourOf(`source:${name}`) },
        data: bySeries.get(name).sort((a, b) => a.day.localeCompare(b.day))
            .map((p) => ({ value: [p.day, p.f.value], p })),
    }));
    queueMicrotask(() => {
        const chart = makeChart(box, {
            legend: { type: 'scroll', top: 0 },
            grid: { left: 16, right: 24, top: 36, bottom: 8, containLabel: true },
            tooltip: {
                trigger: 'item',
                formatter: (x) => {
                    const p = x.data.p;
                    const f = p.f;
                    return `<strong>${esc(p.key)}</strong><br>${esc(metric)}: ${esc(fmtCount(f.value, f.qual, f.max))}` +
                        (f.population ? ` ${esc(f.population)}` : '') +
                        `<br>as of ${esc(p.day)}${f.as_of ? '' : ' (publication day)'}` +
                        (f.since ? `, since ${esc(f.since)}` : '') +
                        `<br>source: ${esc(sourceName(f) || UNATTRIBUTED)}` +
                        `<br>${esc(p.reports.length === 1 ? '1 report' : `${p.reports.length} reports`)}, first in ${esc(f.doc_id || '')}`;
                },
            },
            xAxis: {
                type: 'time',
                minInterval: DAY,
                min: (v) => v.min - 3 * DAY,
                max: (v) => v.max + 3 * DAY,
                axisLabel: { formatter: '{yyyy}-{MM}-{dd}', hideOverlap: true },
            },
            yAxis: { type: 'value', axisLabel: { formatter: (v) => fmtNumber(v) } },
            series,
        }, `${title}: ${names.length} ${names.length === 1 ? 'source' : 'sources'}, ${points.size} points; the data table below lists them.`);
        chart.on('click', (x) => x.data && openDocument(x.data.p.f.doc_id, x.data.p.f.span, x.data.p.f.sentence));
    });
    return section;
}
