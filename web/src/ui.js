/*
 * ui.js - small DOM helpers shared by the views: element building, data
 * tables with real header cells, and the three states a view can be in
 * besides showing data (loading, empty, failed).
 *
 * Text always goes in through textContent, never as HTML: everything shown
 * comes from news articles.
 */

/* el('td', {class: 'num', onclick: f}, 'text', child, ...) */
export function el(tag, attrs = {}, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'dataset') Object.assign(e.dataset, v);
        else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
        else if (v === true) e.setAttribute(k, '');
        else e.setAttribute(k, String(v));
    }
    append(e, children);
    return e;
}

function append(e, children) {
    for (const c of children) {
        if (c === undefined || c === null || c === false) continue;
        if (Array.isArray(c)) append(e, c);
        else e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
}

export function clear(e) {
    while (e.firstChild) e.firstChild.remove();
    return e;
}

export function loading(container, what) {
    clear(container).append(el('p', { class: 'state loading', role: 'status' }, `Loading ${what}…`));
}

export function showError(container, err) {
    clear(container).append(el('div', { class: 'state error', role: 'alert' },
        el('strong', {}, 'The dashboard could not load this view. '),
        err && err.message ? err.message : String(err)));
}

export function showEmpty(container, message) {
    clear(container).append(el('p', { class: 'state empty', role: 'status' }, message));
}

/*
 * A table: columns [{key, label, num, render(row) -> Node|string,
 * sortValue(row)}] and rows.  Options: caption, onRow(row, tr) to make rows
 * activable (click or Enter), rowLabel(row) for the accessible name of an
 * activable row, sort {key, dir} and onSort(key) to make headers sortable.
 */
export function dataTable(columns, rows, opts = {}) {
    const table = el('table', { class: 'data' + (opts.onRow ? ' clickable' : '') });
    if (opts.caption) table.append(el('caption', {}, opts.caption));
    const head = el('tr');
    for (const c of columns) {
        const th = el('th', { scope: 'col', class: c.num ? 'num' : null });
        if (opts.onSort && c.sortable !== false) {
            const dir = opts.sort && opts.sort.key === c.key ? opts.sort.dir : null;
            th.setAttribute('aria-sort', dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none');
            th.append(el('button', { type: 'button', class: 'sort', onclick: () => opts.onSort(c.key) },
                c.label, el('span', { class: 'arrow', 'aria-hidden': 'true' },
                    dir === 'asc' ? ' ▲' : dir === 'desc' ? ' ▼' : '')));
        } else {
            th.append(c.label);
        }
        head.append(th);
    }
    table.append(el('thead', {}, head));
    const body = el('tbody');
    for (const r of rows) {
        const tr = el('tr');
        for (const c of columns) {
            const v = c.render ? c.render(r) : r[c.key];
            tr.append(el('td', { class: c.num ? 'num' : null }, v === undefined || v === null ? '' : v));
        }
        if (opts.onRow) {
            tr.tabIndex = 0;
            if (opts.rowLabel) tr.setAttribute('aria-label', opts.rowLabel(r));
            tr.addEventListener('click', (ev) => {
                if (ev.target.closest('a')) return;
                opts.onRow(r, tr);
            });
            tr.addEventListener('keydown', (ev) => {
                if (ev.key === 'Enter' || ev.key === ' ') {
                    ev.preventDefault();
                    opts.onRow(r, tr);
                }
            });
        }
        body.append(tr);
    }
    table.append(body);
    return el('div', { class: 'table-wrap' }, table);
}

/* A labelled form control: label(text, control). */
export function field(text, control) {
    const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
    control.id = id;
    return el('div', { class: 'field' }, el('label', { for: id }, text), control);
}

export function select(name, options, value) {
    const s = el('select', { name });
    for (const o of options) {
        const [v, label] = Array.isArray(o) ? o : [o, o];
        s.append(el('option', { value: v, selected: v === value }, label));
    }
    return s;
}
