// How long a long run takes in the page, end to end: the worker's run (progress in events),
// then the page reading the trace (progress "loading"), until the first view is shown; then
// a few steps and jumps. Not a test (node --test skips this file name).
// usage: node tests/e2e/profile-run.mjs [DIST_DIR] SCRIPT_FILE
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { serveDir } from './serve.mjs';
import { launch } from './browser.mjs';

const dist = process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const script = readFileSync(process.argv[3], 'utf8');
const server = await serveDir(dist);
const browser = await launch();
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(server.url);
const tid = (id) => `[data-testid="${id}"]`;
await page.waitForSelector(tid('editor'), { timeout: 20000 });
await page.evaluate(() => localStorage.clear());
await page.fill(tid('editor'), script);
const b = Number(await page.getAttribute('.app', 'data-run'));
const load0 = loadavg()[0];
const t0 = Date.now();
await page.click(tid('run'));
let lastText = '';
let loadingAt = null;
for (;;) {
  const s = await page.evaluate((b) => ({
    done: Number(document.querySelector('.app').dataset.run) > b && document.querySelector('.app').dataset.busy === 'false',
    text: document.querySelector('[data-testid="run-progress"]')?.textContent || '',
  }), b);
  if (s.done) break;
  if (loadingAt === null && /load|读取/i.test(s.text)) loadingAt = Date.now();
  if (s.text !== lastText && process.env.VERBOSE) console.log(((Date.now() - t0) / 1000).toFixed(1), s.text);
  lastText = s.text;
  if (Date.now() - t0 > 600000) { console.log('timeout'); break; }
  await new Promise((r) => setTimeout(r, 200));
}
const total = (Date.now() - t0) / 1000;
console.log(`run+load ${total.toFixed(1)} s (run ${loadingAt ? ((loadingAt - t0) / 1000).toFixed(1) : '?'} s), load average ${load0.toFixed(2)} -> ${loadavg()[0].toFixed(2)}`);
const pos = async () => (await page.textContent(tid('position'))).split('/').map(Number);
console.log('positions', (await pos())[1]);
const timed = async (label, fn) => { const t = Date.now(); await fn(); await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))); console.log(label, ((Date.now() - t) / 1000).toFixed(2), 's'); };
for (const k of ['step-line', 'step-callback', 'step-turn']) await timed(k, () => page.click(tid(k)));
for (const f of [0.3, 0.6, 0.9]) {
  await timed(`jump to ${f}`, async () => page.locator(tid('scrubber')).fill(String(Math.floor((await pos())[1] * f))));
  await timed('  step-line', () => page.click(tid('step-line')));
  await timed('  step-back', () => page.click(tid('step-back')));
}
const out = await page.textContent(tid('console')).catch(() => '?');
console.log('console:', out.slice(0, 300));
console.log('errors', errors);
await browser.close();
await server.close();
