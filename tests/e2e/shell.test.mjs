// End to end: serve the built dist/, open it in headless Chromium, check the shell rendered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveDir } from './serve.mjs';
import { launch } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = join(root, 'target', 'e2e');
let server;
let browser;

before(async () => {
  server = await serveDir(join(root, 'dist'));
  browser = await launch();
  mkdirSync(shots, { recursive: true });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

test('the app shell renders: header, editor, controls and every panel', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="editor"]', { timeout: 15000 });

  assert.match(await page.textContent('h1'), /loopscope/);
  assert.match(await page.inputValue('[data-testid="editor"]'), /asyncio\.run\(main\(\)\)/);
  for (const id of ['run', 'step-line', 'step-callback', 'step-turn', 'step-time', 'step-back', 'scrubber', 'clock', 'narration']) {
    assert.equal(await page.locator(`[data-testid="${id}"]`).count(), 1, `${id} present`);
  }
  for (const [id, title] of [['source', 'Source'], ['ready-queue', 'Ready queue'], ['timers', 'Timers'], ['tasks', 'Tasks'],
    ['primitives', 'Sync primitives'], ['io-waits', 'IO waits'], ['console', 'Console'], ['timeline', 'Timeline']]) {
    assert.match(await page.textContent(`[data-testid="${id}"]`), new RegExp(title), `${id} panel`);
  }
  await page.screenshot({ path: join(shots, 'shell.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('the layout holds on a phone-sized screen', async () => {
  const page = await browser.newPage();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(server.url);
  await page.waitForSelector('[data-testid="editor"]', { timeout: 15000 });
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal overflow (scrollWidth ${width})`);
  await page.screenshot({ path: join(shots, 'shell-phone.png'), fullPage: true });
});
