/*
 * document.js - the document viewer: a dialog showing one stored article
 * (GET /api/documents/{id}) with the sentence a record came from
 * highlighted.
 *
 * The record's span is a pair of UTF-8 byte offsets into the document text;
 * format.js cuts the text at those bytes.  When the span does not fit the
 * text the viewer says so instead of highlighting the wrong words.
 */
import { getJSON } from './api.js';
import { splitByBytes } from './format.js';
import { clear, el, showError } from './ui.js';

let dialog = null;

function ensureDialog() {
    if (dialog) return dialog;
    const body = el('div', { class: 'doc-body' });
    const title = el('h2', { id: 'doc-title' }, 'Document');
    dialog = el('dialog', { id: 'doc-dialog', 'aria-labelledby': 'doc-title' },
        el('div', { class: 'doc-head' }, title,
            el('button', { type: 'button', class: 'close', onclick: () => dialog.close() }, 'Close')),
        body);
    dialog.addEventListener('click', (ev) => {
        if (ev.target === dialog) dialog.close();   /* a click on the backdrop */
    });
    document.body.append(dialog);
    return dialog;
}

/* Show document id with the byte span [start, end) highlighted; sentence is
 * the record's sentence, to check the span against. */
export async function openDocument(id, span, sentence) {
    const d = ensureDialog();
    const body = d.querySelector('.doc-body');
    const title = d.querySelector('#doc-title');
    title.textContent = 'Document';
    clear(body).append(el('p', { class: 'state loading', role: 'status' }, `Loading document ${id}…`));
    if (!d.open) d.showModal();
    let doc;
    try {
        doc = await getJSON(`api/documents/${encodeURIComponent(id)}`);
    } catch (err) {
        showError(body, err);
        return;
    }
    title.textContent = doc.title || doc.id;
    const meta = el('p', { class: 'doc-meta' },
        [doc.outlet, doc.date, `id ${doc.id}`].filter(Boolean).join(' · '));
    if (doc.url && /^https?:\/\//i.test(doc.url)) {
        meta.append(' · ', el('a', { href: doc.url, rel: 'noopener noreferrer', target: '_blank' }, 'original'));
    }
    const text = el('div', { class: 'doc-text' });
    const text_ = typeof doc.text === 'string' ? doc.text : '';
    const parts = span ? splitByBytes(text_, span[0], span[1]) : null;
    const notes = [];
    let mark = null;
    if (parts) {
        mark = el('mark', { id: 'doc-highlight' }, parts.inside);
        text.append(parts.before, mark, parts.after);
        if (sentence && parts.inside.trim() !== sentence.trim())
            notes.push('The highlighted span differs from the record\'s sentence.');
    } else {
        text.append(text_);
        if (span) notes.push(`The record's span ${span[0]}–${span[1]} does not fit this document's text.`);
    }
    clear(body).append(meta, ...notes.map((n) => el('p', { class: 'state error', role: 'alert' }, n)), text);
    if (mark) mark.scrollIntoView({ block: 'center' });
}
