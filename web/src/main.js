/*
 * main.js - the dashboard's entry: asks the server how big the store is
 * (GET /api/health), then shows one view at a time (aid, figures, events,
 * visits) as tabs, each loaded the first time it is shown.  The view shown
 * is kept in the address (#aid, #figures, ...) so it can be linked.
 */
import './style.css';
import { getJSON } from './api.js';
import { aidView } from './aid.js';
import { resizeAll } from './charts.js';
import { eventsView } from './events.js';
import { figuresView } from './figures.js';
import { fmtNumber } from './format.js';
import { el, showEmpty, showError } from './ui.js';
import { visitsView } from './visits.js';

const VIEWS = [
    { id: 'aid', label: 'Aid', make: aidView },
    { id: 'figures', label: 'Figures', make: figuresView },
    { id: 'events', label: 'Events', make: eventsView },
    { id: 'visits', label: 'Visits and meetings', make: visitsView },
];

function tabs(onPick) {
    const list = document.getElementById('tabs');
    for (const v of VIEWS) {
        const b = el('button', {
            type: 'button', role: 'tab', id: `tab-${v.id}`, 'aria-controls': `view-${v.id}`,
            'aria-selected': 'false', tabindex: -1, onclick: () => onPick(v.id, true),
        }, v.label);
        list.append(b);
    }
    list.addEventListener('keydown', (ev) => {
        const i = VIEWS.findIndex((v) => document.getElementById(`tab-${v.id}`) === document.activeElement);
        if (i < 0) return;
        const step = ev.key === 'ArrowRight' ? 1 : ev.key === 'ArrowLeft' ? -1 : 0;
        if (!step) return;
        ev.preventDefault();
        const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length];
        onPick(next.id, true);
        document.getElementById(`tab-${next.id}`).focus();
    });
}

async function main() {
    const status = document.getElementById('store-status');
    const panels = document.getElementById('panels');
    let health;
    try {
        health = await getJSON('api/health');
    } catch (err) {
        status.textContent = 'The store cannot be read.';
        showError(panels, err);
        return;
    }
    status.textContent = `${fmtNumber(health.documents)} documents · ${fmtNumber(health.records)} records · ` +
        `${fmtNumber(health.stories)} stories`;
    if (!health.records) {
        showEmpty(panels, health.documents
            ? 'No records yet: the stored documents produced no events or figures.'
            : 'No records yet: the store is empty. Add articles with "chronicle ingest FILE" and reload this page.');
        return;
    }
    const made = new Map();
    const pick = (id, push) => {
        const v = VIEWS.find((x) => x.id === id) || VIEWS[0];
        for (const x of VIEWS) {
            const on = x === v;
            document.getElementById(`tab-${x.id}`).setAttribute('aria-selected', String(on));
            document.getElementById(`tab-${x.id}`).tabIndex = on ? 0 : -1;
            const panel = document.getElementById(`view-${x.id}`);
            if (panel) panel.hidden = !on;
        }
        if (!made.has(v.id)) {
            const panel = el('section', { id: `view-${v.id}`, role: 'tabpanel', 'aria-labelledby': `tab-${v.id}`, class: 'view' });
            panels.append(panel);
            made.set(v.id, v.make(panel));
        }
        if (push && location.hash !== `#${v.id}`) history.replaceState(null, '', `#${v.id}`);
        document.title = `${v.label} · Chronicle`;
        made.get(v.id).show();
        resizeAll();
    };
    tabs(pick);
    window.addEventListener('hashchange', () => pick(location.hash.slice(1), false));
    pick(location.hash.slice(1), false);
}

main();
