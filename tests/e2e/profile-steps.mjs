// Where a step's main-thread time goes with 1,000 tasks (the e2e benchmark's script and
// steps): CDP tracing of N steps per kind, self time per trace event, grouped into script /
// style / layout / prepaint / paint / layerize / commit / other, per step. Thread (CPU) time
// by default, so that a loaded machine inflates it less than wall time (WALL=1 for wall).
// Not a test (node --test skips this file name).
// usage: node tests/e2e/profile-steps.mjs [DIST_DIR] [step kind prefix]
//   env: N (steps per kind, 15), TOP=1 (top events), PRE_JS (evaluated once loaded: CSS/DOM
//   experiments without a rebuild), SHOT=file.png, SCRIPT (another script), MOTION=1 (the
//   app's animations on: the tests' browser prefers reduced motion), THIRD_ONLY=1 (skip the
//   steps from the start), ACTIONS (JSON [[label, selector or 'JS:code'], ...] instead of the
//   four steps: e.g. the cost of one text change in the ready queue), INVAL=1 (what invalidated
//   style and layout; add disabled-by-default-devtools.timeline.invalidationTracking to CATS)
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { serveDir } from './serve.mjs';
import { launch } from './browser.mjs';

const dist = process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const only = process.argv[3];
const N = Number(process.env.N || 15);
const server = await serveDir(dist);
const browser = await launch({ motion: Boolean(process.env.MOTION) });
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(server.url);
const tid = (id) => `[data-testid="${id}"]`;
await page.waitForSelector(tid('editor'), { timeout: 20000 });
await page.evaluate(() => localStorage.clear());
const script = process.env.SCRIPT || 'import asyncio\n\n\nasync def worker(i):\n    await asyncio.sleep(i % 10 / 10)\n    return i\n\n\nasync def main():\n    tasks = [asyncio.create_task(worker(i)) for i in range(1000)]\n    done = await asyncio.gather(*tasks)\n    print(sum(done))\n\n\nasyncio.run(main())\n';
await page.fill(tid('editor'), script);
const b = Number(await page.getAttribute('.app', 'data-run'));
await page.click(tid('run'));
await page.waitForFunction((b) => Number(document.querySelector('.app').dataset.run) > b && document.querySelector('.app').dataset.busy === 'false', b, { timeout: 120000 });
const position = async () => { const [p, last] = (await page.textContent(tid('position'))).split('/').map(Number); return { p, last }; };
const cdp = await page.context().newCDPSession(page);

const GROUPS = [
  ['script', /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|EvaluateScript|v8\.|V8\.|RunMicrotasks|.*GC.*|ScheduleStyleRecalculation|InvalidateLayout)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet|StyleInvalidatorInvalidationTracking)/],
  ['layout', /^(Layout|UpdateLayerTree|IntersectionObserverController|LocalFrameView::RunPostLifecycleSteps|ComputeIntersections)/],
  ['prepaint', /^(PrePaint)/],
  ['paint', /^(Paint|PaintImage|Decode)/],
  ['layerize', /^(Layerize|UpdateLayer)/],
  ['commit', /^(Commit|ProxyMain|BeginMainThreadFrame|Animation)/],
];
const group = (n) => (GROUPS.find(([, re]) => re.test(n)) || ['other'])[0];

async function traced(fn) {
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: process.env.CATS || 'devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  await fn();
  const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

function selfTimes(events) {
  // The renderer main thread of our page.
  const names = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const mains = new Set(names.map((e) => `${e.pid}:${e.tid}`));
  const evs = events.filter((e) => mains.has(`${e.pid}:${e.tid}`) && e.ph === 'X' && e.dur != null);
  evs.sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const self = {};
  const stack = [];
  let busy = 0;
  const close = (until) => {
    while (stack.length && stack[stack.length - 1].end <= until) {
      const top = stack.pop();
      self[top.name] = (self[top.name] || 0) + top.self;
    }
  };
  for (const e of evs) {
    close(e.ts);
    const d = process.env.WALL ? e.dur : (e.tdur ?? e.dur);
    const node = { name: e.name, end: e.ts + e.dur, self: d };
    if (stack.length) stack[stack.length - 1].self -= d; else if (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') busy += d;
    stack.push(node);
  }
  close(Infinity);
  return { self, busy };
}

const measure = async (sel) => page.evaluate((sel) => new Promise((resolve) => {
  const t = performance.now();
  // 'JS:...' is an experiment instead of a click (what one DOM change costs to render).
  if (sel.startsWith('JS:')) (0, eval)(sel.slice(3)); else document.querySelector(sel).click();
  requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t), 0));
}), sel);

const run = async (label, sel) => {
  const frames = [];
  const events = await traced(async () => { for (let i = 0; i < N; i++) frames.push(await measure(sel)); });
  const { self, busy } = selfTimes(events);
  const g = {};
  for (const [n, v] of Object.entries(self)) { const k = group(n); g[k] = (g[k] || 0) + v / 1000 / N; }
  frames.sort((a, b) => a - b);
  const commits = events.filter((e) => e.name === 'Commit').length / N;
  // Deterministic counts per step: layouts run (a forced one in script is a second), layout
  // objects laid out, elements restyled.
  const layouts = events.filter((e) => e.name === 'Layout' && e.ph === 'X');
  const counts = {
    layouts: layouts.length / N,
    laidOut: layouts.reduce((a, e) => a + (e.args?.beginData?.dirtyObjects ?? 0), 0) / N,
    restyled: events.filter((e) => e.name === 'UpdateLayoutTree').reduce((a, e) => a + (e.args?.elementCount ?? 0), 0) / N,
  };
  const top = Object.entries(self).sort((a, b) => b[1] - a[1]).slice(0, 12).map(([n, v]) => `${n}=${(v / 1000 / N).toFixed(2)}`);
  const row = { label, frameMed: frames[Math.floor(N / 2)].toFixed(1), frameMax: frames[N - 1].toFixed(1), busy: (busy / 1000 / N).toFixed(1), commits, ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v.toFixed(1))])), ...Object.fromEntries(Object.entries(g).map(([k, v]) => [k, v.toFixed(2)])) };
  console.log(JSON.stringify(row));
  if (process.env.TOP) console.log('   top self:', top.join(' '));
  // INVAL=1 (with CATS including disabled-by-default-devtools.timeline.invalidationTracking):
  // what invalidated layout and style, per step, by reason and node.
  if (process.env.INVAL) {
    const inv = {};
    for (const e of events) {
      if (!/InvalidationTracking$/.test(e.name)) continue;
      const d = e.args?.data || {};
      const k = `${e.name.replace('InvalidationTracking', '')} ${d.reason || d.invalidationList?.[0]?.classes?.join('.') || ''} ${d.nodeName || ''}`;
      inv[k] = (inv[k] || 0) + 1 / N;
    }
    console.log(Object.entries(inv).sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `   ${v.toFixed(1).padStart(5)} ${k}`).join('\n'));
  }
};
const steps = async (label) => {
  const kinds = process.env.ACTIONS ? JSON.parse(process.env.ACTIONS) : [['callback fwd', tid('step-callback')], ['line fwd', tid('step-line')], ['turn fwd', tid('step-turn')], ['back', tid('step-back')]];
  for (const [name, sel] of kinds) {
    if (only && !name.startsWith(only)) continue;
    await run(`${label}: ${name}`, sel);
  }
};
if (process.env.PRE_JS) console.log('pre:', await page.evaluate(process.env.PRE_JS));
const dom = await page.evaluate(() => document.querySelectorAll('*').length);
console.log(`positions ${(await position()).last}; DOM elements ${dom}`);
if (!process.env.THIRD_ONLY) await steps('start');
await page.locator(tid('scrubber')).fill(String(Math.floor((await position()).last / 3)));
await new Promise((r) => setTimeout(r, 300));
console.log(`DOM elements a third in: ${await page.evaluate(() => document.querySelectorAll('*').length)}`);
await steps('third');
if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT, fullPage: true });
console.log('errors', errors);
await browser.close();
await server.close();
