/*
 * build.mjs - bundles the dashboard into static files:
 *   node build.mjs OUTDIR
 * writes OUTDIR/index.html, OUTDIR/app.js and OUTDIR/app.css (minified,
 * for browsers of the last few years) and prints their sizes.  Nothing
 * here reaches the network: the packages come from node_modules (npm ci).
 */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '..', 'build', 'web'));

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await build({
    entryPoints: { app: join(here, 'src', 'main.js') },
    outdir: out,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    legalComments: 'linked',
    logLevel: 'warning',
});
copyFileSync(join(here, 'index.html'), join(out, 'index.html'));
for (const f of ['index.html', 'app.js', 'app.css']) {
    const data = readFileSync(join(out, f));
    console.log(`web: ${join(out, f)}: ${data.length} bytes, ${gzipSync(data, { level: 9 }).length} gzipped`);
}
