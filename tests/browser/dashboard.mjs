/*
 * dashboard.mjs - the dashboard as a person uses it, in headless Chromium,
 * against the real `chronicle serve`.
 *
 *   node tests/browser/dashboard.mjs --tool build/chronicle --web build/web \
 *        --out build/screenshots [--docs-shot docs/dashboard.png]
 *
 * Writes a handful of dated articles of its own (aid pledged and delivered
 * in two currencies, tanks, a death toll reported by the United Nations and
 * by a prosecutor, a visit, phone calls), ingests them into a new store,
 * starts the server on a free loopback port with --web pointing at the
 * built dashboard, and checks that every view shows the store's numbers
 * (against the API's answers and against what the articles say), that the
 * event filters change the table, that a row opens its article with the
 * right sentence highlighted, that an API error is shown and that an empty
 * store says so.  Screenshots go to --out; --docs-shot also saves the aid
 * view at 1280x800.
 *
 * Prints "ok NAME" / "not ok NAME" per case and a closing
 * "browser: N passed, M failed"; exits 1 when a case failed.  Without
 * Chromium (CHROMIUM, else /usr/bin/chromium) it prints one "skip" line and
 * exits 0.  The servers it starts are stopped whatever happens.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');

/* ---- options ------------------------------------------------------------ */

function options(argv) {
    const o = { tool: 'build/chronicle', web: 'build/web', out: 'build/screenshots', docsShot: null };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const v = () => {
            if (i + 1 >= argv.length) usage(`${a} wants a value`);
            return argv[++i];
        };
        if (a === '--tool') o.tool = v();
        else if (a === '--web') o.web = v();
        else if (a === '--out') o.out = v();
        else if (a === '--docs-shot') o.docsShot = v();
        else usage(`unknown argument '${a}'`);
    }
    return o;
}

function usage(msg) {
    console.error(`dashboard.mjs: ${msg}\nusage: node tests/browser/dashboard.mjs ` +
        '[--tool CHRONICLE] [--web DIR] [--out DIR] [--docs-shot PNG]');
    process.exit(2);
}

/* ---- reporting ------------------------------------------------------------ */

let passed = 0;
let failed = 0;

function ok(name) {
    passed++;
    console.log(`ok ${name}`);
}

function notOk(name, why) {
    failed++;
    console.log(`not ok ${name}`);
    if (why) console.log(`  ${String(why).split('\n').slice(0, 8).join('\n  ')}`);
}

/* Run one case: it passes when fn returns without throwing. */
async function check(name, fn) {
    try {
        await fn();
        ok(name);
    } catch (e) {
        notOk(name, e && e.message ? e.message : e);
    }
}

function expect(cond, msg) {
    if (!cond) throw new Error(msg);
}

function same(got, want, what) {
    const g = JSON.stringify(got);
    const w = JSON.stringify(want);
    if (g !== w) throw new Error(`${what}: got ${g}, want ${w}`);
}

/* ---- the articles ------------------------------------------------------------ */

/* Each article with what it says, so the checks can compare against the
 * text itself and not only against the API. */
const ARTICLES = [
    { id: 'berlin-pledge', date: '2023-03-02', source: 'Kyiv Post', title: 'Berlin pledges more',
      text: 'Germany pledged €500 million in military aid to Ukraine on Wednesday. ' +
            'The package includes 20 Marder infantry fighting vehicles.' },
    { id: 'us-package', date: '2023-03-10', source: 'Wire', title: 'A new US package',
      text: 'The United States announced $400 million in military aid for Ukraine, including HIMARS rockets.' },
    /* Two three-byte characters before the record's sentence: its byte
     * offsets are not its character offsets. */
    { id: 'poland-tanks', date: '2023-04-05', source: 'Wire', title: 'Tanks from Poland',
      text: 'Kyiv — Ukraine’s air defence was busy overnight. Poland delivered 14 Leopard 2 tanks to Ukraine on Monday.' },
    { id: 'un-toll-april', date: '2023-04-12', source: 'UN News', title: 'Civilian toll',
      text: 'At least 8,490 civilians have been killed in Ukraine since February 24, 2022, according to the United Nations.' },
    { id: 'kyiv-toll', date: '2023-04-14', source: 'Ukrinform', title: 'The prosecutor\'s count',
      text: 'More than 9,000 civilians have been killed in Ukraine since the start of the invasion, ' +
            'Ukraine\'s prosecutor general said.' },
    { id: 'duda-visit', date: '2023-04-20', source: 'Reuters', title: 'Duda in Kyiv',
      text: 'Polish President Andrzej Duda visited Kyiv on Wednesday and met Ukrainian President Volodymyr Zelensky.' },
    { id: 'japan-eu', date: '2023-04-21', source: 'Reuters', title: 'Humanitarian and economic aid',
      text: 'Japan pledged $100 million in humanitarian aid to Ukraine on Thursday. ' +
            'The European Union provided €50 million in economic aid to Ukraine.' },
    { id: 'us-delivery', date: '2023-05-03', source: 'AP', title: 'Delivered',
      text: 'The United States delivered $300 million in military aid to Ukraine on Tuesday.' },
    { id: 'un-toll-may', date: '2023-05-10', source: 'UN News', title: 'Civilian toll rises',
      text: 'At least 8,791 civilians have been killed in Ukraine since February 24, 2022, according to the United Nations.' },
];

/* Phone calls, one a day in June, each leader every fourth day: enough
 * event mentions for more than one page of the events table. */
const CALLERS = [['French President Emmanuel Macron', 'FRA'], ['Italian Prime Minister Giorgia Meloni', 'ITA'],
                 ['British Prime Minister Rishi Sunak', 'GBR'], ['Canadian Prime Minister Justin Trudeau', 'CAN']];
const NCALLS = 24;
for (let i = 0; i < NCALLS; i++) {
    const day = `2023-06-${String(i + 1).padStart(2, '0')}`;
    ARTICLES.push({ id: `call-${day}`, date: day, source: 'Wire', title: 'A call',
                    text: `${CALLERS[i % 4][0]} spoke by phone with Ukrainian President Volodymyr Zelensky.` });
}

/* What the aid articles add up to, by currency and status. */
const AID_SUMS = {
    USD: { pledged: 400e6 + 100e6, delivered: 300e6 },
    EUR: { pledged: 500e6, delivered: 50e6 },
};
const TANKS_SENTENCE = 'Poland delivered 14 Leopard 2 tanks to Ukraine on Monday.';
const TANKS_BEFORE = 'Kyiv — Ukraine’s air defence was busy overnight. ';

/* ---- formatting as a reader expects it (en-US) ---------------------------------- */

const money = (v, cur) => new Intl.NumberFormat('en-US', { style: 'currency', currency: cur,
                                                           maximumFractionDigits: 0 }).format(v);
const num = (v) => new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(v);

/* ---- the tool and the server --------------------------------------------------------- */

function findChromium() {
    const c = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
    return c.find((p) => existsSync(p)) || null;
}

/* Start `chronicle serve` on a free loopback port (--listen 127.0.0.1:0)
 * and learn the port from the address it prints. */
function startServer(tool, db, web) {
    return new Promise((res, rej) => {
        const child = spawn(tool, ['serve', '--db', db, '--listen', '127.0.0.1:0', '--web', web, '--threads', '2'],
                            { stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        const srv = { child, url: null, exited: null, stderr: () => err };
        srv.done = new Promise((d) => child.on('exit', (code, signal) => {
            srv.exited = { code, signal };
            d(srv.exited);
        }));
        child.stderr.setEncoding('utf8');
        child.stderr.on('data', (s) => {
            err += s;
            const m = /on (http:\/\/127\.0\.0\.1:\d+)\//.exec(err);
            if (m && !srv.url) {
                srv.url = m[1];
                res(srv);
            }
        });
        child.on('error', (e) => rej(new Error(`cannot run ${tool}: ${e.message}`)));
        srv.done.then((x) => {
            if (!srv.url) rej(new Error(`chronicle serve exited (${x.code ?? x.signal}) before listening: ${err.trim()}`));
        });
        running.add(srv);
    });
}

const running = new Set();

/* SIGTERM, then wait for the exit; SIGKILL when it does not come. */
async function stopServer(srv) {
    if (!srv || srv.exited) return srv && srv.exited;
    srv.child.kill('SIGTERM');
    let timer;
    const late = new Promise((r) => { timer = setTimeout(() => r(null), 30000); });
    const x = await Promise.race([srv.done, late]);
    clearTimeout(timer);
    if (!x) {
        srv.child.kill('SIGKILL');
        await srv.done;
        srv.exited.killed = true;
    }
    running.delete(srv);
    return srv.exited;
}

/* Whatever happens, no server outlives the test. */
process.on('exit', () => {
    for (const s of running) if (!s.exited) s.child.kill('SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
        for (const s of running) if (!s.exited) s.child.kill('SIGKILL');
        process.exit(1);
    });
}

async function api(srv, path) {
    const r = await fetch(`${srv.url}/${path}`);
    const body = await r.json();
    if (!r.ok) throw new Error(`GET /${path}: ${r.status} ${body.error || ''}`);
    return body;
}

async function apiAll(srv, path, params = {}) {
    const items = [];
    for (;;) {
        const q = new URLSearchParams({ ...params, limit: '1000', offset: String(items.length) });
        const page = await api(srv, `${path}?${q}`);
        items.push(...page.items);
        if (!page.more || page.items.length === 0) return items;
    }
}

/* The cells of a table's body rows, as text (also inside closed <details>). */
function rowsOf(page, selector) {
    return page.$$eval(`${selector} tbody tr`, (trs) =>
        trs.map((tr) => [...tr.cells].map((td) => td.textContent.trim())));
}

/* The bars (or points) an ECharts SVG draws in its plot area: paths whose
 * box is at least minH high, below the legend, as page coordinates. */
function shapesIn(page, chartSelector, { minH = 0, maxW = 1e9, maxH = 1e9 } = {}) {
    return page.$$eval(`${chartSelector} svg path`, (paths, lim) => {
        const svg = paths.length ? paths[0].ownerSVGElement.getBoundingClientRect() : null;
        return paths.map((p) => p.getBoundingClientRect())
            .filter((b) => b.height >= lim.minH && b.height <= lim.maxH && b.width > 2 &&
                           b.width <= lim.maxW && b.top > svg.top + 30)
            .map((b) => ({ x: b.left + b.width / 2, y: b.top + b.height / 2, h: b.height, w: b.width, top: b.top }));
    }, { minH, maxW, maxH });
}

/* A failed case must not leave the modal document open over the page. */
function closeDialog(page) {
    return page.evaluate(() => {
        const d = document.getElementById('doc-dialog');
        if (d && d.open) d.close();
    });
}

/* ---- the cases ------------------------------------------------------------------------ */

async function aidCases(page, srv, out, docsShot) {
    const totals = {};
    for (const status of ['pledged', 'delivered']) {
        totals[status] = (await api(srv, `api/totals?by=month&split=actor&type=AID&status=${status}`)).items;
    }
    const all = [...totals.pledged.map((r) => ({ ...r, status: 'pledged' })),
                 ...totals.delivered.map((r) => ({ ...r, status: 'delivered' }))];
    await page.goto(`${srv.url}/#aid`);
    await page.locator('#view-aid .chart-block svg').first().waitFor();

    await check('aid_one_chart_per_currency', async () => {
        const units = await page.$$eval('#view-aid .chart-block', (bs) => bs.map((b) => b.dataset.unit));
        const currencies = [...new Set(all.map((r) => r.unit).filter((u) => u !== 'stories' && u !== 'items'))];
        same([...units].sort(), [...currencies, 'stories'].sort(), 'charts');
        same([...currencies].sort(), ['EUR', 'USD'], 'currencies in the store');
        for (const u of units) {
            const bars = await shapesIn(page, `#view-aid .chart-block[data-unit="${u}"] .chart`, { minH: 3, maxW: 80 });
            expect(bars.length > 0, `the ${u} chart draws no bar`);
        }
    });

    await check('aid_summary_is_what_the_articles_say', async () => {
        for (const [cur, by] of Object.entries(AID_SUMS)) {
            for (const [status, want] of Object.entries(by)) {
                const got = (await page.locator(`#view-aid .summary [data-unit="${cur}"][data-status="${status}"]`).textContent()).trim();
                const api_ = all.filter((r) => r.unit === cur && r.status === status).reduce((a, r) => a + r.total, 0);
                same(api_, want, `API total of ${cur} ${status}`);
                same(got, money(want, cur), `${cur} ${status}`);
            }
        }
    });

    await check('aid_data_tables_match_the_api', async () => {
        for (const unit of ['USD', 'EUR', 'stories']) {
            const rows = await rowsOf(page, `#view-aid .chart-block[data-unit="${unit}"] .chart-data`);
            const want = all.filter((r) => r.unit === unit).map((r) => [r.group, r.split, r.status,
                unit === 'stories' ? num(r.total) : money(r.total, unit), num(r.stories), num(r.sources)]);
            same(rows.map((r) => r.join('|')).sort(), want.map((r) => r.join('|')).sort(), `${unit} table`);
        }
        const usd = await rowsOf(page, '#view-aid .chart-block[data-unit="USD"] .chart-data');
        expect(usd.some((r) => r.join('|') === '2023-03|USA|pledged|$400,000,000|1|1'),
               'no row for the $400 million US pledge of March 2023');
    });

    await check('aid_items_by_class', async () => {
        const api_ = (await api(srv, 'api/totals?by=item&type=AID')).items;
        const rows = await rowsOf(page, '#view-aid section.items');
        const leo = rows.find((r) => r[0] === 'Leopard 2');
        expect(leo, `no Leopard 2 row in ${JSON.stringify(rows)}`);
        same(leo[1], '14', 'Leopard 2 count');
        const counted = api_.filter((r) => r.unit === 'items');
        same(rows.filter((r) => r[1] !== '—').map((r) => `${r[0]}:${r[1]}`).sort(),
             counted.map((r) => `${r.group}:${num(r.total)}`).sort(), 'counted items');
        const names = new Set(api_.map((r) => r.group));
        same(rows.map((r) => r[0]).sort(), [...names].sort(), 'items listed');
    });

    if (docsShot || out) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: join(out, 'aid.png') });
        if (docsShot) copyFileSync(join(out, 'aid.png'), docsShot);
    }

    await check('aid_bar_click_lists_its_stories', async () => {
        /* The EUR chart's tallest bar is Germany's €500 million pledge. */
        const bars = await shapesIn(page, '#view-aid .chart-block[data-unit="EUR"] .chart', { minH: 3, maxW: 80 });
        expect(bars.length >= 2, `the EUR chart has ${bars.length} bars`);
        const top = bars.reduce((a, b) => (b.h > a.h ? b : a));
        /* point at it first: its tooltip says which bar the pointer is on */
        await page.mouse.move(top.x, top.y);
        const tip = page.locator('#view-aid .chart-block[data-unit="EUR"] .chart > div:not(:first-child)')
            .filter({ hasText: 'DEU' });
        await tip.waitFor();
        expect(/pledged/.test(await tip.textContent()), 'the tooltip of the tallest EUR bar');
        await page.mouse.click(top.x, top.y);
        const panel = page.locator('#aid-stories');
        await panel.locator('tbody tr').first().waitFor();
        const heading = await panel.locator('h3').textContent();
        expect(/DEU/.test(heading) && /pledged/.test(heading) && /2023-03/.test(heading), `heading "${heading}"`);
        const want = await apiAll(srv, 'api/stories', { type: 'AID', actor: 'DEU', status: 'pledged',
                                                       since: '2023-03', until: '2023-03' });
        const rows = await rowsOf(page, '#aid-stories');
        same(rows.length, want.length, 'stories listed');
        same(rows.map((r) => r[5]), want.map((s) => money(s.money.value, s.money.currency)), 'money of the stories');
        same(rows[0][5], '€500,000,000', 'the German pledge');
    });

    await check('story_mention_opens_its_article', async () => {
        await closeDialog(page);
        await page.locator('#aid-stories tbody tr').first().click();
        const mention = page.locator('#aid-stories .mentions tbody tr').first();
        await mention.waitFor();
        await mention.click();
        const mark = page.locator('#doc-dialog mark');
        await mark.waitFor();
        same(await mark.textContent(), 'Germany pledged €500 million in military aid to Ukraine on Wednesday.', 'highlight');
        await page.locator('#doc-dialog button.close').click();
        await page.locator('#doc-dialog').waitFor({ state: 'hidden' });
    });
    await closeDialog(page);

    await check('aid_kind_filter_changes_the_charts', async () => {
        await page.locator('#view-aid').getByLabel('Kind of aid').selectOption('humanitarian');
        await page.locator('#view-aid .summary [data-unit="USD"][data-status="pledged"]', { hasText: '$100,000,000' }).waitFor();
        const units = await page.$$eval('#view-aid .chart-block', (bs) => bs.map((b) => b.dataset.unit));
        same(units, ['USD', 'stories'], 'charts of humanitarian aid');
        const rows = await rowsOf(page, '#view-aid .chart-block[data-unit="USD"] .chart-data');
        same(rows, [['2023-04', 'JPN', 'pledged', '$100,000,000', '1', '1']], 'Japan\'s pledge alone');
        await page.locator('#view-aid').getByLabel('Kind of aid').selectOption('');
        await page.locator('#view-aid .chart-block[data-unit="EUR"] svg').waitFor();
    });
}

async function figuresCases(page, srv, out) {
    await page.goto(`${srv.url}/#figures`);
    await page.locator('#view-figures .chart-block[data-metric="killed"] svg').waitFor();
    const figs = await apiAll(srv, 'api/figures', { metric: 'killed' });

    await check('figures_one_series_per_source', async () => {
        const legend = await page.$$eval('#view-figures .chart-block[data-metric="killed"] svg text',
                                          (ts) => ts.map((t) => t.textContent));
        const sources = [...new Set(figs.map((f) => f.source && f.source.name))].sort();
        same(sources, ['Ukraine\'s prosecutor general', 'United Nations'], 'sources in the store');
        for (const s of sources) expect(legend.includes(s), `no series "${s}" in ${JSON.stringify(legend)}`);
    });

    await check('figures_show_each_claim', async () => {
        const rows = await rowsOf(page, '#view-figures .chart-block[data-metric="killed"] .chart-data');
        const got = rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`).sort();
        same(got, ['2023-04-12|at least 8,490|United Nations',
                   '2023-04-14|more than 9,000|Ukraine\'s prosecutor general',
                   '2023-05-10|at least 8,791|United Nations'], 'claims');
        same(rows.length, figs.length, 'one row per reported count');
    });

    await check('figure_tooltip_names_source_and_date', async () => {
        const pts = await shapesIn(page, '#view-figures .chart-block[data-metric="killed"] .chart', { minH: 4, maxH: 20, maxW: 20 });
        expect(pts.length >= 3, `${pts.length} points drawn`);
        const highest = pts.reduce((a, b) => (b.y < a.y ? b : a));   /* 9,000 */
        await page.mouse.move(highest.x, highest.y);
        const tip = page.locator('#view-figures .chart-block[data-metric="killed"] .chart > div:not(:first-child)')
            .filter({ hasText: 'as of' });
        await tip.waitFor();
        const text = await tip.textContent();
        expect(text.includes('Ukraine\'s prosecutor general') && text.includes('2023-04-14') && text.includes('more than 9,000'),
               `tooltip "${text}"`);
    });
    await page.screenshot({ path: join(out, 'figures.png'), fullPage: true });
}

async function eventsCases(page, srv, out) {
    const every = await apiAll(srv, 'api/events');
    await page.goto(`${srv.url}/#events`);
    const view = page.locator('#view-events');
    await view.locator('tbody tr').first().waitFor();

    await check('events_table_counts_every_mention', async () => {
        const count = await view.locator('.count').textContent();
        same(count.trim(), `${every.length} event mentions`, 'count line');
        /* eight in the aid, visit and meeting articles, and the calls */
        same(every.length, 8 + NCALLS, 'event mentions in the store');
    });

    await check('events_table_pages', async () => {
        const first = await rowsOf(page, '#view-events');
        same(first.length, 25, 'rows on page 1');
        await view.getByRole('button', { name: 'Next ›' }).click();
        await view.locator('.page-of', { hasText: 'Page 2' }).waitFor();
        const second = await rowsOf(page, '#view-events');
        same(first.length + second.length, every.length, 'rows on both pages');
        const want = every.map((m) => [m.type + (m.mode ? ` / ${m.mode}` : ''), m.actor.code, m.recipient ? m.recipient.code : '']
            .join('|')).sort();
        same([...first, ...second].map((r) => r.slice(0, 3).join('|')).sort(), want, 'type, actor, recipient of every row');
    });

    await check('events_sort_by_money', async () => {
        await view.getByRole('button', { name: /^Money/ }).click();
        await view.locator('th[aria-sort="descending"]', { hasText: 'Money' }).waitFor();
        const rows = await rowsOf(page, '#view-events');
        same(rows.slice(0, 5).map((r) => r[5]),
             ['€500,000,000', '$400,000,000', '$300,000,000', '$100,000,000', '€50,000,000'], 'money, largest first');
    });

    await page.screenshot({ path: join(out, 'events.png'), fullPage: true });

    await check('events_filter_changes_the_table', async () => {
        await view.getByLabel('Actor').fill('POL');
        await view.getByRole('button', { name: 'Apply' }).click();
        const want = await apiAll(srv, 'api/events', { actor: 'POL' });
        await view.locator('.count', { hasText: `${want.length} event mention` }).waitFor();
        const rows = await rowsOf(page, '#view-events');
        same(rows.length, want.length, 'rows for actor POL');
        expect(rows.length > 0 && rows.length < every.length, `${rows.length} rows of ${every.length}`);
        expect(rows.every((r) => r[1] === 'POL' || r[2] === 'POL'), 'a row without POL');
        await view.getByLabel('Status').selectOption('delivered');
        await view.getByRole('button', { name: 'Apply' }).click();
        await view.locator('.count', { hasText: /^1 event mention match/ }).waitFor();
        const one = await rowsOf(page, '#view-events');
        same(one.map((r) => r.slice(0, 7)), [['AID / military', 'POL', 'UKR', '2023-04-03', 'delivered', '', '14 Leopard 2']],
             'the delivered Polish tanks');
    });

    await check('row_opens_article_with_sentence_highlighted', async () => {
        await view.locator('tbody tr').first().click();
        const mark = page.locator('#doc-dialog mark');
        await mark.waitFor();
        same(await mark.textContent(), TANKS_SENTENCE, 'highlighted sentence');
        const before = await page.$eval('#doc-dialog .doc-text', (d) => d.firstChild.textContent);
        same(before, TANKS_BEFORE, 'text before the highlight');
        const m = (await apiAll(srv, 'api/events', { doc: 'poland-tanks' }))[0];
        same(m.sentence, TANKS_SENTENCE, 'the API\'s sentence');
        expect(m.span[0] !== TANKS_BEFORE.length, 'the span is in bytes, not characters');
        same(await page.locator('#doc-title').textContent(), 'Tanks from Poland', 'title');
        await page.screenshot({ path: join(out, 'document.png') });
        await page.keyboard.press('Escape');
        await page.locator('#doc-dialog').waitFor({ state: 'hidden' });
    });
    await closeDialog(page);

    await check('api_error_is_shown', async () => {
        await view.getByRole('button', { name: 'Clear' }).click();
        await view.locator('.count', { hasText: `${every.length} event mentions` }).waitFor();
        await view.getByLabel('Since').fill('2023-02-30');
        await view.getByRole('button', { name: 'Apply' }).click();
        const alert = view.locator('[role="alert"]');
        await alert.waitFor();
        const text = await alert.textContent();
        expect(/400/.test(text) && /since/.test(text) && /2023-02-30/.test(text), `alert "${text}"`);
        await page.screenshot({ path: join(out, 'error.png') });
    });
}

async function visitsCases(page, srv, out) {
    await page.goto(`${srv.url}/#visits`);
    const view = page.locator('#view-visits');
    await view.locator('tbody tr').first().waitFor();

    await check('visits_table_counts_stories_by_pair', async () => {
        const stories = await apiAll(srv, 'api/stories', { type: 'CONSULT' });
        const rows = await rowsOf(page, '#view-visits');
        const heads = await page.$$eval('#view-visits thead th', (ths) => ths.map((t) => t.textContent.trim()));
        const col = (name) => heads.indexOf(name);
        const pol = rows.find((r) => r[0] === 'POL' && r[1] === 'UKR');
        expect(pol, `no POL-UKR row in ${JSON.stringify(rows)}`);
        same([pol[col('Visits')], pol[col('Meetings')], pol[col('Total')]], ['1', '1', '2'], 'Duda\'s visit and meeting');
        for (const [, code] of CALLERS) {
            const r = rows.find((x) => x.slice(0, 2).sort().join() === [code, 'UKR'].sort().join());
            const want = stories.filter((s) => s.mode === 'phone' && [s.actor, s.recipient].includes(code)).length;
            expect(r, `no row for ${code}`);
            same(r[col('Calls')], String(want), `calls of ${code}`);
            same(want, NCALLS / 4, `calls of ${code} in the store`);
        }
        const total = rows.reduce((a, r) => a + Number(r[col('Total')]), 0);
        same(total, stories.length, 'every CONSULT story counted once');
    });
    await page.screenshot({ path: join(out, 'visits.png'), fullPage: true });
}

async function headerCase(page, srv) {
    await check('header_shows_the_store_size', async () => {
        const h = await api(srv, 'api/health');
        same(h.documents, ARTICLES.length, 'documents in the store');
        await page.goto(`${srv.url}/`);
        const status = page.locator('#store-status');
        await status.filter({ hasText: 'documents' }).waitFor();
        same((await status.textContent()).trim(),
             `${num(h.documents)} documents · ${num(h.records)} records · ${num(h.stories)} stories`, 'header');
    });
}

async function emptyCase(browser, tool, web, tmp, out) {
    await check('empty_store_says_no_records_yet', async () => {
        const db = join(tmp, 'empty.db');
        writeFileSync(join(tmp, 'none.jsonl'), '');
        execFileSync(tool, ['ingest', '--quiet', '--db', db, join(tmp, 'none.jsonl')]);
        const srv = await startServer(tool, db, web);
        try {
            const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
            await page.goto(`${srv.url}/`);
            const state = page.locator('#panels .state.empty');
            await state.waitFor();
            expect(/No records yet/.test(await state.textContent()), 'no "No records yet"');
            same((await page.locator('#store-status').textContent()).trim(),
                 '0 documents · 0 records · 0 stories', 'header');
            await page.screenshot({ path: join(out, 'empty.png') });
            await page.close();
        } finally {
            const x = await stopServer(srv);
            expect(x && x.code === 0, `the empty store's server exited ${JSON.stringify(x)}`);
        }
    });
}

/* ---- main ------------------------------------------------------------------------------ */

async function main() {
    const o = options(process.argv.slice(2));
    const tool = resolve(o.tool);
    const web = resolve(o.web);
    const out = resolve(o.out);
    const chromium = findChromium();
    if (!chromium && o.docsShot) {
        console.error('dashboard.mjs: Chromium not found: cannot take the screenshot (install the Debian package chromium, or set CHROMIUM)');
        return 1;
    }
    if (!chromium) {
        console.log('skip browser: Chromium not found (install the Debian package chromium, or set CHROMIUM)');
        console.log('browser: 0 passed, 0 failed');
        return 0;
    }
    for (const [what, p] of [['tool', tool], ['dashboard', join(web, 'index.html')]]) {
        if (!existsSync(p)) {
            notOk('setup', `no ${what} at ${p} (make web)`);
            console.log(`browser: ${passed} passed, ${failed} failed`);
            return 1;
        }
    }
    let playwright;
    try {
        playwright = createRequire(join(root, 'web', 'package.json'))('playwright-core');
    } catch (e) {
        notOk('setup', `playwright-core is missing (cd web && npm ci): ${e.message}`);
        console.log(`browser: ${passed} passed, ${failed} failed`);
        return 1;
    }
    mkdirSync(out, { recursive: true });
    const tmp = mkdtempSync(join(tmpdir(), 'chronicle-browser-'));
    let srv = null;
    let browser = null;
    try {
        const db = join(tmp, 'store.db');
        writeFileSync(join(tmp, 'articles.jsonl'), ARTICLES.map((a) => JSON.stringify(a)).join('\n') + '\n');
        await check('ingest_the_articles', () => {
            execFileSync(tool, ['ingest', '--quiet', '--db', db, join(tmp, 'articles.jsonl')], { stdio: 'pipe' });
        });
        srv = await startServer(tool, db, web);
        browser = await playwright.chromium.launch({ executablePath: chromium, headless: true,
                                                     args: ['--no-sandbox', '--disable-gpu'] });
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.setDefaultTimeout(30000);
        const scriptErrors = [];
        page.on('pageerror', (e) => scriptErrors.push(e.message));

        await headerCase(page, srv);
        await aidCases(page, srv, out, o.docsShot ? resolve(o.docsShot) : null);
        await figuresCases(page, srv, out);
        await eventsCases(page, srv, out);
        await visitsCases(page, srv, out);
        await check('no_script_errors', () => expect(scriptErrors.length === 0, scriptErrors.join('\n')));
        await page.close();
        await emptyCase(browser, tool, web, tmp, out);
    } catch (e) {
        notOk('run', e && e.stack ? e.stack : e);
    } finally {
        if (browser) await browser.close().catch(() => {});
        if (srv) {
            const x = await stopServer(srv);
            if (x && x.code === 0) ok('server_stops_cleanly');
            else notOk('server_stops_cleanly', `exit ${JSON.stringify(x)}: ${srv.stderr().slice(-600)}`);
        }
        rmSync(tmp, { recursive: true, force: true });
    }
    console.log(`screenshots: ${out}`);
    console.log(`browser: ${passed} passed, ${failed} failed`);
    return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e) => {
    console.log(`not ok run\n  ${e && e.stack ? e.stack : e}`);
    process.exit(1);
});
