// The frame-time benchmark of issue 6 (a step renders in under 16 ms with 1,000 tasks): the
// built page in headless Chromium runs a script with 1,000 concurrent tasks, then for each
// granularity steps forward N times and back N times from a third of the way in, and reports
// per granularity and direction the median, p95 and worst frame time and the median time
// the position's view took to build (data-view-ms). A step's frame time is from the click
// to the end of the frame that shows it (a requestAnimationFrame callback, then a task
// queued from it: that runs once the frame's style, layout, paint and commit are done).
// Not a test (node --test skips this file name); scripts/bench-web.sh builds and runs it.
// usage: node tests/e2e/bench-steps.mjs [DIST_DIR]
//   env: N (steps each way, 30), SCRIPT (another script), JSON=1 (one JSON line per row),
//   MOTION=1 (with the app's animations: the tests' browser prefers reduced motion)
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { serveDir } from './serve.mjs';
import { launch } from './browser.mjs';

const dist = process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const N = Number(process.env.N || 30);
const WARMUP = 5;
const script = process.env.SCRIPT || 'import asyncio\n\n\nasync def worker(i):\n    await asyncio.sleep(i % 10 / 10)\n    return i\n\n\nasync def main():\n    tasks = [asyncio.create_task(worker(i)) for i in range(1000)]\n    done = await asyncio.gather(*tasks)\n    print(sum(done))\n\n\nasyncio.run(main())\n';

const server = await serveDir(dist);
const browser = await launch({ motion: Boolean(process.env.MOTION) });
const page = await browser.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(server.url);
const tid = (id) => `[data-testid="${id}"]`;
await page.waitForSelector(tid('editor'), { timeout: 20000 });
await page.evaluate(() => localStorage.clear());
await page.fill(tid('editor'), script);
const before = Number(await page.getAttribute('.app', 'data-run'));
await page.click(tid('run'));
await page.waitForFunction((b) => Number(document.querySelector('.app').dataset.run) > b
  && document.querySelector('.app').dataset.busy === 'false', before, { timeout: 180000 });
const position = async () => Number((await page.textContent(tid('position'))).split('/')[0]);
const last = Number((await page.textContent(tid('position'))).split('/')[1]);
const third = Math.floor(last / 3);

// One step: null when the button is disabled (the run's start or end). Besides the frame
// time, the step's work: the click's task (Yew renders in a microtask it queued, so a
// microtask queued after the click runs once the render and its effects are done) plus the
// frame from its animation callbacks to its end, without the wait between them for the
// display's next frame (headless Chromium draws at 60 Hz: a click lands anywhere in the
// 16.7 ms between two frames, and a trivial DOM change measures 1-16 ms click-to-frame).
const step = (sel) => page.evaluate((sel) => new Promise((resolve) => {
  const b = document.querySelector(sel);
  if (!b || b.disabled) { resolve(null); return; }
  const t = performance.now();
  let clicked = NaN;
  b.click();
  Promise.resolve().then(() => Promise.resolve()).then(() => { clicked = performance.now(); });
  requestAnimationFrame(() => {
    const raf = performance.now();
    setTimeout(() => {
      const end = performance.now();
      resolve({
        ms: end - t,
        work: (Math.min(clicked, raf) - t) + (end - raf),
        view: Number(document.querySelector('.app').dataset.viewMs),
      });
    }, 0);
  });
}), sel);

const seek = async (p) => {
  await page.locator(tid('scrubber')).fill(String(p));
  await page.waitForFunction((p) => document.querySelector('[data-testid="position"]').textContent.startsWith(`${p}/`), p);
  await new Promise((r) => setTimeout(r, 200));
};

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { n: s.length, median: at(0.5), p95: at(0.95), max: s[s.length - 1] };
};

const rows = [];
const load = () => loadavg()[0].toFixed(2);
console.log(`positions ${last}; stepping from ${third}; N=${N} each way; load average ${load()}`);
for (const g of ['line', 'callback', 'turn', 'time']) {
  // Warm up away from the measured steps (the app keeps the views of recent positions, and
  // there are only ten time steps in all).
  await seek(0);
  for (let i = 0; i < WARMUP; i++) await step(tid('step-line'));
  await seek(third);
  for (const [dir, sel] of [['forward', tid(`step-${g}`)], ['back', tid(`step-back-${g}`)]]) {
    const frames = [];
    const works = [];
    const views = [];
    const from = await position();
    for (let i = 0; i < N; i++) {
      const r = await step(sel);
      if (!r) break;
      frames.push(r.ms);
      works.push(r.work);
      views.push(r.view);
    }
    if (!frames.length) continue;
    const f = stats(frames);
    const w = stats(works);
    const row = {
      granularity: g, direction: dir, steps: f.n, from, to: await position(),
      median: +f.median.toFixed(1), p95: +f.p95.toFixed(1), max: +f.max.toFixed(1),
      workMedian: +w.median.toFixed(1), workP95: +w.p95.toFixed(1), workMax: +w.max.toFixed(1),
      viewMedian: +stats(views).median.toFixed(2), load: load(),
    };
    rows.push(row);
    if (process.env.JSON) console.log(JSON.stringify(row));
    else console.log(`${g.padEnd(8)} ${dir.padEnd(7)} ${String(f.n).padStart(3)} steps ${String(row.from).padStart(6)}→${String(row.to).padEnd(6)}`
      + ` frame median ${row.median.toFixed(1).padStart(5)} ms  p95 ${row.p95.toFixed(1).padStart(5)} ms  max ${row.max.toFixed(1).padStart(5)} ms`
      + `  work median ${row.workMedian.toFixed(1).padStart(5)} p95 ${row.workP95.toFixed(1).padStart(5)} max ${row.workMax.toFixed(1).padStart(5)}`
      + `  view ${row.viewMedian.toFixed(2)} ms  load ${row.load}`);
  }
}
const all = stats(rows.map((r) => r.median));
console.log(`worst median ${all.max.toFixed(1)} ms; load average ${load()}`);
if (errors.length) console.log('page errors', errors);
await browser.close();
await server.close();
if (errors.length) process.exit(1);
