// End to end: run the examples in the built app (headless Chromium), step at every
// granularity and back, and check what the panels show against CPython (oracle.py) and
// against loopscope's own trace. Saves screenshots of the main states under target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveDir } from './serve.mjs';
import { launch } from './browser.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const shots = join(root, 'target', 'e2e');
const examplesDir = join(root, 'src', 'bin', 'web', 'examples');
// The repository's copy of the conformance oracle (CPython 3.11 on a virtual clock).
const ORACLE = process.env.LOOPSCOPE_ORACLE || join(root, 'tests', 'conformance', 'oracle.py');
// The gallery (the app embeds the same manifest): [{ id, cpython }] in course order.
const GALLERY = JSON.parse(readFileSync(join(examplesDir, 'gallery.json'), 'utf8'))
  .chapters.flatMap((c) => c.examples.map((e) => ({ id: e.id, cpython: e.cpython !== false })));
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

const tid = (id) => `[data-testid="${id}"]`;

async function openApp(viewport) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The page's Content-Security-Policy must never have to refuse anything the app does.
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) errors.push(m.text()); });
  if (viewport) await page.setViewportSize(viewport);
  await page.goto(server.url);
  await page.waitForSelector(tid('editor'), { timeout: 20000 });
  // Each test starts from a clean slate (the editor keeps the last script in localStorage).
  await page.evaluate(() => localStorage.clear());
  return { page, errors };
}

async function runId(page) {
  return Number(await page.getAttribute('.app', 'data-run'));
}

/** Wait until the run after `before` is loaded. */
async function waitRun(page, before) {
  await page.waitForFunction(
    (b) => Number(document.querySelector('.app').dataset.run) > b && document.querySelector('.app').dataset.busy === 'false',
    // The gallery's C10K records 10,000 clients: ~20 s on a quiet machine, more on a busy one.
    before, { timeout: 180000 });
}

async function pickExample(page, id) {
  const b = await runId(page);
  await page.selectOption(tid('gallery'), id);
  await waitRun(page, b);
}

async function runScript(page, text) {
  await page.fill(tid('editor'), text);
  const b = await runId(page);
  await page.click(tid('run'));
  await page.waitForFunction(() => document.querySelector('.app').dataset.busy === 'false', null, { timeout: 60000 });
  return b;
}

async function position(page) {
  const [p, last] = (await page.textContent(tid('position'))).split('/').map(Number);
  return { p, last };
}

/** Move the scrubber to position p. */
async function seek(page, p) {
  await page.locator(tid('scrubber')).fill(String(p));
}

async function consoleTexts(page) {
  return page.$$eval(`${tid('console-line')} .text`, (els) => els.map((e) => e.textContent));
}

function oracle(args, file) {
  return execFileSync('python3', [ORACLE, ...args, file], { encoding: 'utf8' });
}

test('every gallery example loads, runs and prints what CPython prints', { skip: !existsSync(ORACLE) && 'oracle.py not found' }, async () => {
  const { page, errors } = await openApp();
  assert.ok(GALLERY.length >= 30);
  for (const { id, cpython } of GALLERY) {
    await pickExample(page, id);
    await page.click(tid('end'));
    const got = (await page.locator(`${tid('console-line')}:not(.stderr) .text`).allTextContents()).map((l) => l + '\n').join('');
    assert.ok(got.length > 0, `${id} printed something`);
    assert.equal(await page.locator(tid('run-note')).count(), 0, `${id} was not stopped by a budget`);
    if (cpython) {
      const want = oracle([], join(examplesDir, `${id}.py`));
      assert.equal(got, want, `${id}: console at the end equals CPython's output`);
    }
  }
  assert.deepEqual(errors, []);
});

test('the gallery overlay lists every example by chapter; a card loads and runs it', async () => {
  const { page, errors } = await openApp();
  await page.click(tid('gallery-open'));
  await page.waitForSelector(tid('gallery-overlay'));
  assert.equal(await page.locator(tid('gallery-card')).count(), GALLERY.length);
  await page.screenshot({ path: join(shots, 'gallery.png'), fullPage: true });
  const b = await runId(page);
  await page.click(`${tid('gallery-card')}[data-example="semaphore"]`);
  await waitRun(page, b);
  assert.equal(await page.locator(tid('gallery-overlay')).count(), 0);
  assert.match(await page.textContent(tid('example-info')), /Semaphore/);
  assert.match(await page.inputValue(tid('editor')), /asyncio.Semaphore\(2\)/);
  // Esc closes it too.
  await page.click(tid('gallery-open'));
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(tid('gallery-overlay')).count(), 0);
  assert.deepEqual(errors, []);
});

test('stepping by callback runs the handles CPython runs, in order', { skip: !existsSync(ORACLE) && 'oracle.py not found' }, async () => {
  const { page } = await openApp();
  for (const id of ['hello', 'lock', 'wait_for', 'streams']) {
    await pickExample(page, id);
    const want = oracle(['--handles'], join(examplesDir, `${id}.py`))
      .split('\n').filter((l) => /^@\d/.test(l))
      // Addresses differ between runs of any two processes: compare without them.
      .map((l) => l.replace(/ at 0x[0-9a-f]+/g, ''));
    const got = [];
    for (let i = 0; i < 500; i++) {
      const before = await position(page);
      if (before.p >= before.last) break;
      await page.click(tid('step-callback'));
      const after = await position(page);
      if (after.p === before.p) break;
      const running = await page.$(tid('ready-running'));
      if (!running) continue; // the end of the run: no callback
      const desc = (await running.$eval('code', (e) => e.textContent)).replace(/ at 0x[0-9a-f]+/g, '');
      const clock = (await page.textContent(tid('clock'))).match(/[\d.]+/)[0];
      got.push(`@${Number(clock).toFixed(3)} ${desc}`);
    }
    assert.deepEqual(got, want, `${id}: callbacks in --handles order`);
  }
});

test('the IO panel shows each socket, its registration and what waits on it', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'streams');
  let texts = [];
  for (let i = 0; i < 200 && !texts.some((t) => t.includes('_accept_connection')); i++) {
    await page.click(tid('step-callback'));
    texts = await page.$$eval(tid('io-item'), (els) => els.map((e) => e.textContent));
  }
  assert.ok(texts.some((t) => t.includes('fd 6 READ') && t.includes('_accept_connection')
    && t.includes('listening on localhost:8888')), texts.join(' | '));
  await page.screenshot({ path: join(shots, 'io-waits.png'), fullPage: true });
  await page.click(tid('end'));
  assert.equal((await page.$$(tid('io-item'))).length, 0, 'every socket is closed at the end');
  assert.deepEqual(errors, []);
});

test('each granularity steps forward and back; panels follow the cursor', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'hello');
  await page.screenshot({ path: join(shots, 'run-start.png'), fullPage: true });
  const start = await position(page);
  assert.equal(start.p, 0);
  assert.ok(start.last > 10, `a real trace (${start.last} positions)`);

  for (const g of ['line', 'callback', 'turn', 'time']) {
    await seek(page, 0);
    await page.click(tid(`step-${g}`));
    const a = await position(page);
    assert.ok(a.p > 0, `${g} moves forward`);
    await page.click(tid(`step-${g}`));
    const b = await position(page);
    assert.ok(b.p > a.p, `${g} moves forward again`);
    // The generic back button steps at the granularity just used.
    await page.click(tid('step-back'));
    assert.equal((await position(page)).p, a.p, `${g}: back returns`);
    await page.click(tid(`step-back-${g}`));
    assert.ok((await position(page)).p < a.p, `${g}: per-granularity back`);
  }

  // Time: after the first clock move the clock reads 1.000 s and "hello" is printed then.
  await seek(page, 0);
  await page.click(tid('step-time'));
  assert.match(await page.textContent(tid('clock')), /1\.000/);
  // Two sleeping tasks: both sleeps are on the timer heap at some position.
  let sawTwoTimers = false;
  for (let p = 0; p <= start.last && !sawTwoTimers; p++) {
    await seek(page, p);
    sawTwoTimers = (await page.locator(tid('timer-item')).count()) === 2;
  }
  assert.ok(sawTwoTimers, 'both sleeps are on the timer heap at some point');
  assert.ok(await page.locator(tid('task-card')).count() >= 3, 'main + two tasks');
  await page.screenshot({ path: join(shots, 'hello-two-timers.png'), fullPage: true });

  // Line stepping: the source shows a current line.
  await page.click(tid('step-line'));
  assert.equal(await page.locator('.src-line.current').count(), 1);
  await page.screenshot({ path: join(shots, 'hello-line.png'), fullPage: true });

  // Keyboard: End, Home, arrows.
  await page.click('h1');
  await page.keyboard.press('End');
  const end = await position(page);
  assert.equal(end.p, end.last);
  await page.screenshot({ path: join(shots, 'hello-end.png'), fullPage: true });
  await page.keyboard.press('Home');
  assert.equal((await position(page)).p, 0);
  await page.keyboard.press('ArrowRight');
  assert.ok((await position(page)).p > 0);
  await page.keyboard.press('ArrowLeft');
  assert.equal((await position(page)).p, 0);
  await page.keyboard.press('?');
  assert.equal(await page.locator(tid('help-overlay')).count(), 1);
  await page.screenshot({ path: join(shots, 'help.png') });
  await page.keyboard.press('Escape');
  assert.equal(await page.locator(tid('help-overlay')).count(), 0);

  // Scrubber and timeline click.
  await page.locator(tid('scrubber')).fill(String(Math.floor(end.last / 2)));
  assert.equal((await position(page)).p, Math.floor(end.last / 2));
  const plot = await page.locator('.tl-plot').boundingBox();
  await page.mouse.click(plot.x + plot.width * 0.99, plot.y + 5);
  assert.ok((await position(page)).p > 0, 'a click on the timeline jumps');
  assert.deepEqual(errors, []);
});

test('the ready queue matches the trace snapshot', async () => {
  const bin = [join(root, 'target', 'debug', 'loopscope'), join(root, 'target', 'release', 'loopscope')].find(existsSync);
  if (!bin) return;
  const trace = JSON.parse(execFileSync(bin, ['trace', '--format', 'json', join(examplesDir, 'gather.py')], { encoding: 'utf8' }));
  // Snapshots are taken at the start of loop turns: stepping by turn lands on them.
  const want = trace.snapshots.filter((s) => s.ready.length > 0).map((s) => s.ready.map((h) => h.desc));
  assert.ok(want.length > 2, 'the trace has ready queues to compare');
  const { page } = await openApp();
  await pickExample(page, 'gather');
  const seen = [];
  const { last } = await position(page);
  for (let p = 0; p <= last; p++) {
    await seek(page, p);
    const items = await page.$$eval(`${tid('ready-item')} code`, (els) => els.map((e) => e.textContent));
    if (items.length) seen.push(items);
  }
  for (const q of want) {
    assert.ok(seen.some((s) => JSON.stringify(s) === JSON.stringify(q)), `queue ${JSON.stringify(q)} shown at some step`);
  }
});

test('the main states look right: screenshots (light, dark, Chinese, phone)', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'lock');
  for (let i = 0; i < 8; i++) await page.click(tid('step-callback'));
  await page.screenshot({ path: join(shots, 'lock-light.png'), fullPage: true });
  await page.click(tid('theme')); // system -> light
  await page.click(tid('theme')); // light -> dark
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  await page.screenshot({ path: join(shots, 'lock-dark.png'), fullPage: true });
  await page.click(tid('lang'));
  assert.match(await page.textContent(tid('ready-queue')), /就绪队列/);
  await page.screenshot({ path: join(shots, 'lock-zh.png'), fullPage: true });
  // The choices persist.
  await page.reload();
  await page.waitForSelector(tid('editor'));
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.match(await page.textContent(tid('run')), /运行/);
  assert.deepEqual(errors, []);

  const phone = await openApp({ width: 390, height: 844 });
  await pickExample(phone.page, 'queue');
  for (let i = 0; i < 10; i++) await phone.page.click(tid('step-callback'));
  const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 390, `no horizontal overflow on a phone (scrollWidth ${width})`);
  await phone.page.screenshot({ path: join(shots, 'queue-phone.png'), fullPage: true });
});

test('play advances on its own and pauses; the editor indents with Tab and keeps the script', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'gather');
  await page.selectOption(tid('speed'), { label: '32×' });
  await page.click(tid('play'));
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="position"]').textContent.split('/')[0]) > 0);
  await page.click(tid('play'));
  const paused = (await position(page)).p;
  assert.ok(paused > 0, 'playing moved the cursor');
  await page.waitForTimeout(300);
  assert.equal((await position(page)).p, paused, 'paused stays put');

  await page.fill(tid('editor'), 'async def f():\npass');
  await page.focus(tid('editor'));
  await page.keyboard.press('End');
  await page.keyboard.press('Home');
  await page.keyboard.press('Tab');
  assert.equal(await page.inputValue(tid('editor')), 'async def f():\n    pass');
  await page.reload();
  await page.waitForSelector(tid('editor'));
  assert.equal(await page.inputValue(tid('editor')), 'async def f():\n    pass', 'the script survives a reload');
  assert.deepEqual(errors, []);
});

test('a syntax error shows line and column and the app keeps working', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'hello');
  await runScript(page, 'import asyncio\n\nasync def main(:\n    pass\n');
  const msg = await page.textContent(tid('script-error'));
  assert.match(msg, /Line 3, column \d+/);
  // The source panel still shows the last run, and says so.
  assert.equal(await page.locator(tid('source-stale')).count(), 1);
  await page.screenshot({ path: join(shots, 'syntax-error.png'), fullPage: true });
  // The previous run is still steppable; a fixed script runs.
  await page.click(tid('step-line'));
  const b = await runScript(page, 'print("fixed")\n');
  await waitRun(page, b);
  assert.equal(await page.locator(tid('script-error')).count(), 0);
  await page.click(tid('end'));
  assert.deepEqual(await consoleTexts(page), ['fixed']);
  assert.deepEqual(errors, []);
});

test('a runtime error shows the traceback on stderr', async () => {
  const { page } = await openApp();
  const b = await runScript(page, 'import asyncio\n\nasync def main():\n    1 / 0\n\nasyncio.run(main())\n');
  await waitRun(page, b);
  await page.click(tid('end'));
  const err = await page.locator(`${tid('console-line')}.stderr`).allTextContents();
  assert.ok(err.join('').includes('ZeroDivisionError'), err.join(''));
});

test('an infinite loop stops at the budget, keeps its trace, and the tab stays alive', async () => {
  const { page, errors } = await openApp();
  const t0 = Date.now();
  const b = await runScript(page, 'import asyncio\n\nasync def spin():\n    n = 0\n    while True:\n        n += 1\n        if n % 200000 == 0:\n            print(n)\n\nasyncio.run(spin())\n');
  await waitRun(page, b);
  const ms = Date.now() - t0;
  console.log(`    infinite loop stopped after ${ms} ms`);
  await page.click(tid('end'));
  assert.match(await page.textContent(tid('stopped')), /instructions/);
  assert.ok((await consoleTexts(page)).length > 0);
  // Still responsive.
  await page.click(tid('start'));
  assert.equal((await position(page)).p, 0);
  await page.screenshot({ path: join(shots, 'budget.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('a long run goes on in a worker: progress shows, the page answers, Stop keeps the previous run', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'hello');
  await page.click(tid('end'));
  const kept = await position(page);
  await page.fill(tid('editor'), 'n = 0\nwhile True:\n    n += 1\n');
  await page.click(tid('run'));
  await page.waitForFunction(
    () => /events/.test(document.querySelector('[data-testid="run-progress"]')?.textContent || ''),
    null, { timeout: 30000 });
  const first = await page.textContent(tid('run-progress'));
  // The page is not frozen: the help overlay opens and closes while the script runs.
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('?');
  await page.waitForSelector(tid('help-overlay'), { timeout: 5000 });
  await page.keyboard.press('Escape');
  await page.waitForFunction((f) => document.querySelector('[data-testid="run-progress"]')?.textContent !== f, first, { timeout: 10000 });
  await page.click(tid('stop'));
  await page.waitForFunction(() => document.querySelector('.app').dataset.busy === 'false', null, { timeout: 5000 });
  assert.match(await page.textContent(tid('run-note')), /Stopped/);
  assert.deepEqual(await position(page), kept);
  // The next run starts a fresh worker.
  const b = await runScript(page, 'print("again")\n');
  await waitRun(page, b);
  await page.click(tid('end'));
  assert.deepEqual(await consoleTexts(page), ['again']);
  assert.equal(await page.locator(tid('run-note')).count(), 0);
  assert.deepEqual(errors, []);
});

test('deep native recursion runs in the browser (large wasm stack)', async () => {
  const { page, errors } = await openApp();
  const depth = 50;
  const script = `class N:\n    def __init__(self, child):\n        self.child = child\n    def __repr__(self):\n        return 'N(' + repr(self.child) + ')'\n\n\nx = None\nfor i in range(${depth}):\n    x = N(x)\nprint(len(repr(x)))\n`;
  const b = await runScript(page, script);
  await waitRun(page, b);
  await page.click(tid('end'));
  assert.deepEqual(await consoleTexts(page), [`${depth * 3 + 4}`]);
  assert.deepEqual(errors, []);
});

test('benchmark: 1,000 concurrent tasks, per-step render time', async () => {
  const { page, errors } = await openApp();
  const script = 'import asyncio\n\n\nasync def worker(i):\n    await asyncio.sleep(i % 10 / 10)\n    return i\n\n\nasync def main():\n    tasks = [asyncio.create_task(worker(i)) for i in range(1000)]\n    done = await asyncio.gather(*tasks)\n    print(sum(done))\n\n\nasyncio.run(main())\n';
  const t0 = Date.now();
  const b = await runScript(page, script);
  await waitRun(page, b);
  console.log(`    run + replay of 1,000 tasks: ${Date.now() - t0} ms; ${(await position(page)).last} positions`);
  // Two measures per step. `frame`: from the click to the next frame after the DOM update, as
  // the page sees it (includes waiting for the display's next vsync, up to 16.7 ms at 60 Hz).
  // `work`: the main thread's busy time for the step (Chromium's TaskDuration from the
  // DevTools protocol: script, style, layout and paint), the part the 16 ms budget is about.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const measure = async (sel) => {
    const before = await metrics();
    const frame = await page.evaluate((sel) => new Promise((resolve) => {
      const t = performance.now();
      document.querySelector(sel).click();
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
    }), sel);
    const after = await metrics();
    const d = (k) => (after[k] - before[k]) * 1000;
    return { frame, work: d('TaskDuration'), script: d('ScriptDuration'), style: d('RecalcStyleDuration'), layout: d('LayoutDuration') };
  };
  const stats = {};
  const med = (xs) => { xs.sort((a, b) => a - b); return { median: xs[Math.floor(xs.length / 2)].toFixed(1), max: xs[xs.length - 1].toFixed(1) }; };
  const summary = (ms) => Object.fromEntries(['frame', 'work', 'script', 'style', 'layout'].map((k) => [k, med(ms.map((m) => m[k]))]));
  const viewMs = () => page.evaluate(() => Number(document.querySelector('.app').dataset.viewMs));
  const steps = async (label) => {
    for (const [name, sel] of [['callback fwd', tid('step-callback')], ['line fwd', tid('step-line')], ['turn fwd', tid('step-turn')], ['back', tid('step-back')]]) {
      const ms = [];
      const vs = [];
      for (let i = 0; i < 15; i++) { ms.push(await measure(sel)); vs.push(await viewMs()); }
      stats[`${label}: ${name}`] = { ...summary(ms), 'replay.view': med(vs) };
    }
  };
  // From the start (the queues fill up, panels grow) and from a third of the way in.
  await steps('start');
  await seek(page, Math.floor((await position(page)).last / 3));
  await steps('a third in');
  const jump = [];
  for (let i = 0; i < 5; i++) { jump.push(await measure(tid('end'))); jump.push(await measure(tid('start'))); }
  stats['start/end jump'] = summary(jump);
  console.log(`    per-step time (ms), 1,000 tasks:`);
  for (const [k, v] of Object.entries(stats)) console.log(`      ${k}: ${JSON.stringify(v)}`);
  await seek(page, Math.floor((await position(page)).last / 3));
  assert.ok(await page.locator(tid('task-card')).count() > 0);
  await page.screenshot({ path: join(shots, 'bench-1000.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('benchmark: a 1,000,000-step run loads and scrubs without freezing the tab', async () => {
  const { page, errors } = await openApp();
  // Two tasks counting to 125,000 with a sleep(0) every 1,000: about a million positions.
  const script = 'import asyncio\n\n\nasync def count(n):\n    total = 0\n    for i in range(n):\n        total += i\n        if i % 1000 == 0:\n            await asyncio.sleep(0)\n    return total\n\n\nasync def main():\n    print(await asyncio.gather(count(125000), count(125000)))\n\n\nasyncio.run(main())\n';
  // The page's long tasks (main thread busy for 50 ms or more) while the run goes on and its
  // trace loads: the worker runs the script, the page reads the trace a part per task.
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  const t0 = Date.now();
  const b = await runScript(page, script);
  await waitRun(page, b);
  const loadMs = Date.now() - t0;
  const { last } = await position(page);
  assert.ok(last >= 1000000, `${last} positions`);
  const long = await page.evaluate(() => window.__long.sort((a, b) => b - a));
  const scrub = [];
  for (let i = 1; i <= 10; i++) {
    const p = Math.floor(last * ((i * 7) % 10) / 10);
    const t = Date.now();
    await seek(page, p);
    scrub.push(Date.now() - t);
  }
  scrub.sort((a, b) => a - b);
  console.log(`    1,000,000 steps: ${last} positions; run + load ${loadMs} ms; longest page tasks ${JSON.stringify(long.slice(0, 3).map(Math.round))} ms; scrub median ${scrub[5]} ms, max ${scrub[9]} ms`);
  await page.click(tid('end'));
  assert.deepEqual(await consoleTexts(page), ['[7812437500, 7812437500]']);
  assert.deepEqual(errors, []);
});

// ---- Share links, embeds and the postMessage API (course pages) ----

async function openUrl(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (/Content.Security.Policy|Refused to/i.test(m.text())) errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector(tid('editor'), { timeout: 20000 }).catch(() => {});
  return { page, errors };
}

async function shareLink(page) {
  await page.click(tid('share'));
  await page.waitForSelector(tid('share-link'));
  const url = await page.inputValue(tid('share-link'));
  assert.ok(await page.inputValue(tid('embed-code')), 'an embed snippet');
  await page.click(tid('share-close'));
  assert.equal(await page.locator(tid('share-overlay')).count(), 0);
  return url;
}

test('a share link round-trips: script, step, granularity and language', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'lock');
  for (let i = 0; i < 5; i++) await page.click(tid('step-callback'));
  const at = await position(page);
  const url = await shareLink(page);
  assert.match(url, /#example=lock&step=\d+&g=callback&lang=en$/);
  const { page: p2, errors: e2 } = await openUrl(url);
  await p2.waitForFunction((want) => document.querySelector('[data-testid="position"]')?.textContent === want, `${at.p}/${at.last}`, { timeout: 30000 });
  assert.equal(await p2.inputValue(tid('editor')), await page.inputValue(tid('editor')));
  assert.equal(await p2.inputValue(tid('granularity')), 'callback');
  // Change the step and the language, share again, open again: the same view.
  await p2.click(tid('step-callback'));
  await p2.click(tid('lang'));
  const at2 = await position(p2);
  const url2 = await shareLink(p2);
  assert.match(url2, /lang=zh/);
  const { page: p3 } = await openUrl(url2);
  await p3.waitForFunction((want) => document.querySelector('[data-testid="position"]')?.textContent === want, `${at2.p}/${at2.last}`, { timeout: 30000 });
  assert.equal(await p3.getAttribute('html', 'lang'), 'zh-CN');
  assert.deepEqual([...errors, ...e2], []);
});

test('the page has a Content-Security-Policy that allows only what the app needs', () => {
  const html = readFileSync(join(root, 'dist', 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1] ?? '';
  assert.match(csp, /default-src 'self'/);
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-/);
  assert.doesNotMatch(csp, /'unsafe-eval'|script-src[^;]*unsafe-inline/);
  assert.match(csp, /object-src 'none'/);
  // The run worker fetches Python modules from py/ (its own origin) and nothing else.
  assert.match(csp, /connect-src 'self'(;|$)/);
});

test('a script of your own travels in the link, compressed', async () => {
  const { page, errors } = await openApp();
  const script = 'import asyncio\n\n# <b>not markup</b> \u2014 \u4f60\u597d\nasync def main():\n    await asyncio.sleep(0.25)\n    print("<script>alert(1)</script>")\n\nasyncio.run(main())\n';
  const b = await runScript(page, script);
  await waitRun(page, b);
  await page.click(tid('end'));
  const url = await shareLink(page);
  assert.match(url, /#code=[A-Za-z0-9_-]+&step=\d+/);
  const { page: p2, errors: e2 } = await openUrl(url);
  await p2.waitForFunction(() => document.querySelector('.app').dataset.run === '1' && document.querySelector('.app').dataset.busy === 'false', null, { timeout: 30000 });
  assert.equal(await p2.inputValue(tid('editor')), script);
  assert.deepEqual(await consoleTexts(p2), ['<script>alert(1)</script>']);
  // Rendered as text: no element came out of the script's strings.
  assert.equal(await p2.locator('b, .console script').count(), 0);
  assert.deepEqual([...errors, ...e2], []);
});

test('a malformed link says so and shows the default example; the app keeps working', async () => {
  for (const frag of ['#code=%%%', '#code=AAAA', '#step=abc', '#example=nope', '#onload=alert(1)', `#code=${'A'.repeat(200000)}`]) {
    const { page, errors } = await openUrl(server.url + frag);
    await page.waitForSelector(tid('link-error'), { timeout: 20000 });
    assert.ok((await page.textContent(tid('link-error'))).length > 20, frag);
    await page.waitForFunction(() => document.querySelector('.app').dataset.run === '1', null, { timeout: 30000 });
    assert.match(await page.inputValue(tid('editor')), /say_after/, `${frag}: the default example`);
    assert.deepEqual(errors, [], frag);
    await page.close();
  }
});

test('the embed demo page: three players, driven by postMessage from the parent only', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(server.url + 'embed-demo.html');
  const frames = () => page.frames().filter((f) => f.url().includes('embed=1'));
  await page.waitForFunction(() => document.querySelectorAll('iframe').length === 3);
  for (let i = 0; i < 50 && frames().length < 3; i++) await new Promise((r) => setTimeout(r, 200));
  assert.equal(frames().length, 3);
  for (const f of frames()) {
    await f.waitForFunction(() => document.querySelector('.app')?.dataset.run === '1', null, { timeout: 60000 });
    assert.equal(await f.locator(tid('editor')).count(), f.url().includes('editor=1') ? 1 : 0);
  }
  // The player told the host where it is.
  await page.waitForFunction(() => /\d+\/\d+/.test(document.getElementById('pos').textContent), null, { timeout: 20000 });
  const p1 = frames().find((f) => f.url().includes('example=hello'));
  const pos = async () => (await p1.textContent(tid('position'))).split('/').map(Number)[0];
  assert.equal(await pos(), 0);
  await page.click('#step');
  await p1.waitForFunction(() => document.querySelector('[data-testid="position"]').textContent.split('/')[0] !== '0');
  const stepped = await pos();
  await page.waitForFunction((s) => document.getElementById('pos').textContent.startsWith(`${s}/`), stepped);
  // A frame of another (opaque) origin posts the same command: the player ignores it.
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.setAttribute('sandbox', 'allow-scripts');
    f.srcdoc = '<script>parent.frames[0].postMessage({type: "loopscope", cmd: "goto", step: 0}, "*");<\/script>';
    document.body.appendChild(f);
  });
  await new Promise((r) => setTimeout(r, 1000));
  assert.equal(await pos(), stepped, 'a message from another origin is ignored');
  await page.click('#start');
  await p1.waitForFunction(() => document.querySelector('[data-testid="position"]').textContent.startsWith('0/'));
  // The read-only editor cannot be changed; the Chinese player speaks Chinese.
  const p3 = frames().find((f) => f.url().includes('readonly=1'));
  assert.equal(await p3.$eval(tid('editor'), (e) => e.readOnly), true);
  const p2 = frames().find((f) => f.url().includes('lang=zh'));
  assert.equal(await p2.getAttribute('html', 'lang'), 'zh-CN');
  await page.screenshot({ path: join(shots, 'embed-demo.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

// ---- Modules the engine fetches on import (src/modules/fetched.rs) ----

const DATETIME_AND_RE = 'import asyncio, datetime, re\n\nasync def main():\n    await asyncio.sleep(0.5)\n    d = datetime.date(2024, 2, 29) + datetime.timedelta(days=1)\n    print(d.isoformat(), re.sub(r"(\\d+)", r"<\\1>", "a1b22"))\n\nasyncio.run(main())\n';

/** What CPython prints for `script` (oracle.py on a virtual clock), as console lines. */
function cpythonLines(script, name) {
  const file = join(shots, name);
  writeFileSync(file, script);
  return oracle([], file).split('\n').slice(0, -1);
}

test('a script importing datetime and re fetches them once and prints what CPython prints', { skip: !existsSync(ORACLE) && 'oracle.py not found' }, async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'hello');
  const fetched = () => server.requests.filter((p) => p.startsWith('/py/'));
  const before = fetched().length;
  let b = await runScript(page, DATETIME_AND_RE);
  await waitRun(page, b);
  await page.click(tid('end'));
  assert.deepEqual(await consoleTexts(page), cpythonLines(DATETIME_AND_RE, 'fetched-modules.py'));
  const files = fetched().slice(before).map((p) => p.replace(/\.[0-9a-f]{16}\.py$/, ''));
  for (const m of ['datetime', 're', 're_parser', 're_compiler', 're_constants', 're_casefix']) {
    assert.ok(files.includes(`/py/${m}`), `${m} fetched (${files})`);
  }
  assert.equal(new Set(files).size, files.length, 'each file once');
  // The worker's engine keeps them: a second run asks for nothing.
  const after = fetched().length;
  b = await runScript(page, DATETIME_AND_RE.replace('a1b22', 'x3'));
  await waitRun(page, b);
  await page.click(tid('end'));
  assert.deepEqual(await consoleTexts(page), cpythonLines(DATETIME_AND_RE.replace('a1b22', 'x3'), 'fetched-modules-2.py'));
  assert.equal(fetched().length, after);
  assert.deepEqual(errors, []);
});

test('a module the server does not have is an ImportError saying why; the app keeps working', async () => {
  const bare = await serveDir(join(root, 'dist'), { refuse: (p) => p.startsWith('/py/') });
  try {
    const { page, errors } = await openUrl(bare.url);
    await page.evaluate(() => localStorage.clear());
    let b = await runScript(page, 'try:\n    import datetime\nexcept ImportError as e:\n    print(type(e).__name__, e)\nimport re\n');
    await waitRun(page, b);
    await page.click(tid('end'));
    const out = await consoleTexts(page);
    assert.match(out[0], /^ImportError cannot load module 'datetime': fetching py\/datetime\.[0-9a-f]{16}\.py failed: HTTP 404 Not Found$/);
    const err = (await page.locator(`${tid('console-line')}.stderr`).allTextContents()).join('\n');
    assert.match(err, /ImportError: cannot load module 're': fetching py\/re\.[0-9a-f]{16}\.py failed: HTTP 404 Not Found/);
    // A script that needs no fetched module still runs.
    b = await runScript(page, 'import asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n    print("still here")\n\nasyncio.run(main())\n');
    await waitRun(page, b);
    await page.click(tid('end'));
    assert.deepEqual(await consoleTexts(page), ['still here']);
    assert.deepEqual(errors, []);
    await page.close();
  } finally {
    await bare.close();
  }
});

// ---- Breakpoints, warnings, predict mode ----

test('loop-event and line breakpoints: next breakpoint and play stop there', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'lock');
  await page.click(`${tid('breakpoints')} summary`);
  await page.check(tid('bp-lock'));
  await page.click(tid('next-breakpoint'));
  const lockState = () => page.locator(`${tid('primitive-card')} .state`).first().textContent();
  assert.equal(await lockState(), 'locked by Task-2');
  // Play stops at the next acquisition.
  await page.click(tid('play'));
  await page.waitForFunction(() => document.querySelector('[data-testid="play"]').getAttribute('aria-pressed') === 'false', null, { timeout: 30000 });
  assert.equal(await lockState(), 'locked by Task-3');
  await page.click(tid('prev-breakpoint'));
  assert.equal(await lockState(), 'locked by Task-2');
  // A line breakpoint from the source gutter.
  await page.uncheck(tid('bp-lock'));
  await page.click(`${tid('source')} [data-line="7"] ${tid('gutter')}`);
  assert.equal(await page.locator('.src-line.bp').count(), 1);
  await page.click(tid('next-breakpoint'));
  assert.equal(await page.getAttribute(`${tid('source')} .src-line.current`, 'data-line'), '7');
  assert.deepEqual(errors, []);
});

test('pitfalls are flagged where they happen, with a fix', async () => {
  const { page, errors } = await openApp();
  for (const [id, says] of [['blocking_call', /clock moved 2\.000 s/], ['forgot_await', /save\(\) was created but never awaited/], ['unretrieved_exception', /nobody awaited it/]]) {
    await pickExample(page, id);
    assert.equal(await page.locator(tid('warning')).count(), 0, `${id}: nothing at the start`);
    await page.click(tid('end'));
    const text = (await page.locator(tid('warning')).allTextContents()).join('\n');
    assert.match(text, says, id);
    assert.match(text, /Fix:/);
  }
  await page.screenshot({ path: join(shots, 'warnings.png'), fullPage: true });
  assert.deepEqual(errors, []);
});

test('predict mode asks what comes next, with choices from the trace, and explains', async () => {
  const { page, errors } = await openApp();
  await pickExample(page, 'hello');
  await page.check(tid('predict-toggle'));
  await page.waitForSelector(tid('predict-choice'));
  assert.ok(await page.locator(tid('predict-choice')).count() >= 1);
  await page.locator(tid('predict-choice')).first().click();
  await page.waitForSelector(tid('predict-feedback'));
  const right = await page.textContent(`${tid('predict-choice')}.right code`);
  await page.click(tid('predict-show'));
  assert.equal(await page.textContent(`${tid('ready-running')} code`), right);
  // The other kind of question: what prints next.
  await page.click(tid('predict-output'));
  await page.locator(tid('predict-choice')).first().click();
  const line = await page.textContent(`${tid('predict-choice')}.right code`);
  await page.click(tid('predict-show'));
  const printed = await consoleTexts(page);
  assert.equal(printed[printed.length - 1], line);
  await page.screenshot({ path: join(shots, 'predict.png'), fullPage: true });
  assert.deepEqual(errors, []);
});
