/*
 * stories.js - a list of stories (events told by one or more articles) and,
 * for the one a reader picks, its mentions (GET /api/stories/{id}), each
 * opening its document with the sentence highlighted.  The aid chart's bars
 * and the visits table lead here.
 */
import { getAll, getJSON } from './api.js';
import { openDocument } from './document.js';
import { actorCode, fmtDateRange, fmtItems, fmtMoneyObject, sourceName } from './format.js';
import { clear, dataTable, el, loading, showEmpty, showError } from './ui.js';

const STORY_COLUMNS = [
    { key: 'date', label: 'Date', render: (s) => fmtDateRange(s.date) || `first seen ${s.first_seen || '?'}` },
    { key: 'actor', label: 'Actor', render: (s) => actorCode(s.actor) },
    { key: 'recipient', label: 'Recipient', render: (s) => actorCode(s.recipient) },
    { key: 'mode', label: 'Mode', render: (s) => [s.type, s.mode].filter(Boolean).join(' / ') },
    { key: 'status', label: 'Status' },
    { key: 'money', label: 'Money', num: true, render: (s) => fmtMoneyObject(s.money) },
    { key: 'items', label: 'Items', render: (s) => fmtItems(s.items) },
    { key: 'sources', label: 'Sources', render: (s) => (s.sources || []).join(', ') },
    { key: 'mentions', label: 'Mentions', num: true },
];

const MENTION_COLUMNS = [
    { key: 'published', label: 'Published' },
    { key: 'doc_id', label: 'Document' },
    { key: 'source', label: 'Source', render: (m) => sourceName(m) },
    { key: 'sentence', label: 'Sentence', render: (m) => el('span', { class: 'sentence' }, m.sentence || '') },
];

/* Fetch the stories that params select (GET /api/stories) into container,
 * under heading; each row opens its mentions below the table. */
export async function showStories(container, heading, params) {
    container.hidden = false;
    clear(container).append(el('h3', { tabindex: -1 }, heading));
    const body = el('div');
    container.append(body);
    container.querySelector('h3').focus();
    loading(body, 'stories');
    let res;
    try {
        res = await getAll('api/stories', params, 1000);
    } catch (err) {
        showError(body, err);
        return;
    }
    listStories(body, res.items, res.truncated);
}

/* Stories already at hand into container. */
export function listStories(container, stories, truncated = false) {
    if (stories.length === 0) {
        showEmpty(container, 'No stories match.');
        return;
    }
    const mentions = el('div', { class: 'mentions', hidden: true });
    clear(container).append(
        el('p', { class: 'hint' }, `${stories.length}${truncated ? '+' : ''} ${stories.length === 1 ? 'story' : 'stories'}; choose one to read the articles behind it.`),
        dataTable(STORY_COLUMNS, stories, {
            caption: 'Stories',
            onRow: (s) => showMentions(mentions, s),
            rowLabel: (s) => `Story ${s.story}: ${[s.type, s.mode, actorCode(s.actor), actorCode(s.recipient)].filter(Boolean).join(' ')}`,
        }),
        mentions);
}

async function showMentions(container, story) {
    container.hidden = false;
    clear(container).append(el('h4', {}, `Story ${story.story}: the articles`));
    const body = el('div');
    container.append(body);
    loading(body, 'mentions');
    let res;
    try {
        res = await getJSON(`api/stories/${encodeURIComponent(story.story)}`);
    } catch (err) {
        showError(body, err);
        return;
    }
    const ms = Array.isArray(res.mentions) ? res.mentions : [];
    if (ms.length === 0) {
        showEmpty(body, 'This story has no mentions.');
        return;
    }
    clear(body).append(dataTable(MENTION_COLUMNS, ms, {
        caption: 'Mentions (choose one to open its document)',
        onRow: (m) => openDocument(m.doc_id, m.span, m.sentence),
        rowLabel: (m) => `Open document ${m.doc_id}`,
    }));
}
