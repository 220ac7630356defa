// Why the slowest steps are slow (issue 6's p95): the benchmark's steps (1,000 tasks, a
// third in) under CDP tracing, each step cut out of the trace by console.timeStamp marks, and
// per step: the frame time (click to the end of the frame, as bench-steps.mjs measures it),
// the main thread's CPU time in it by group (script / style / layout / prepaint / paint /
// layerize / gc / idle work / other), the wait from the click's task to the frame's
// animation callbacks, and what ran that the step did not ask for (idle callbacks, GC,
// timers). Prints the steps slowest first (the slow tenth with all its parts) and the
// median and p95 of each column, so a tail's cause shows beside the typical step.
// Not a test (node --test skips this file name).
// usage: node tests/e2e/tail-steps.mjs [DIST_DIR] [kinds, e.g. line,callback,turn,time]
//   env: N (steps each way, 30), BACK=0 (forward only), SCRIPT, MOTION=1, WALL=1 (wall time
//   instead of thread time), TOP=1 (the slowest steps' top events), JSON=1
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { loadavg } from 'node:os';
import { serveDir } from './serve.mjs';
import { launch } from './browser.mjs';

const dist = process.argv[2] || join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');
const kinds = (process.argv[3] || 'line,callback,turn,time').split(',');
const N = Number(process.env.N || 30);
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
const b0 = Number(await page.getAttribute('.app', 'data-run'));
await page.click(tid('run'));
await page.waitForFunction((b) => Number(document.querySelector('.app').dataset.run) > b && document.querySelector('.app').dataset.busy === 'false', b0, { timeout: 180000 });
const last = Number((await page.textContent(tid('position'))).split('/')[1]);
const third = Math.floor(last / 3);
const cdp = await page.context().newCDPSession(page);

const GROUPS = [
  ['gc', /(GC|Scavenge|MarkCompact|MinorMS|Sweep|Finalize)/i],
  ['idle', /^FireIdleCallback$/],
  ['script', /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|EvaluateScript|v8\.|V8\.|RunMicrotasks|ScheduleStyleRecalculation|InvalidateLayout)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ParseAuthorStyleSheet)/],
  ['layout', /^(Layout|IntersectionObserverController|LocalFrameView::RunPostLifecycleSteps|ComputeIntersections)/],
  ['prepaint', /^(PrePaint)/],
  ['paint', /^(Paint|PaintImage|Decode)/],
  ['layerize', /^(Layerize|UpdateLayer)/],
  ['commit', /^(Commit|ProxyMain|BeginMainThreadFrame|Animation)/],
];
const group = (n) => (GROUPS.find(([, re]) => re.test(n)) || ['other'])[0];
const COLS = ['frame', 'cpu', 'wait', 'script', 'style', 'layout', 'prepaint', 'paint', 'layerize', 'commit', 'gc', 'idle', 'other', 'tasks'];

async function traced(fn) {
  const events = [];
  const onData = (d) => events.push(...d.value);
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8,disabled-by-default-v8.gc,blink.user_timing',
    transferMode: 'ReportEvents',
  });
  await fn();
  const done = new Promise((res) => cdp.once('Tracing.tracingComplete', res));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', onData);
  return events;
}

// One step, marked in the trace: 'ls-step' at the click, 'ls-end' once the frame is done.
const step = (sel) => page.evaluate((sel) => new Promise((resolve) => {
  const b = document.querySelector(sel);
  if (!b || b.disabled) { resolve(null); return; }
  console.timeStamp('ls-step');
  const t = performance.now();
  b.click();
  requestAnimationFrame(() => setTimeout(() => {
    const ms = performance.now() - t;
    console.timeStamp('ls-end');
    resolve(ms);
  }, 0));
}), sel);

const seek = async (p) => {
  await page.locator(tid('scrubber')).fill(String(p));
  await page.waitForFunction((p) => document.querySelector('[data-testid="position"]').textContent.startsWith(`${p}/`), p);
  await new Promise((r) => setTimeout(r, 200));
};

// Per step: self time of the main thread's events within [click, end], by group.
function analyse(events, frames) {
  const mainIds = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const main = events.filter((e) => mainIds.has(`${e.pid}:${e.tid}`));
  const marks = main.filter((e) => e.name === 'TimeStamp' && /^ls-(step|end)$/.test(e.args?.data?.message)).sort((a, b) => a.ts - b.ts);
  const windows = [];
  for (let i = 0; i + 1 < marks.length; i++) {
    if (marks[i].args.data.message === 'ls-step' && marks[i + 1].args.data.message === 'ls-end') windows.push([marks[i].ts, marks[i + 1].ts]);
  }
  const xs = main.filter((e) => e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const rows = [];
  windows.forEach(([s, e], k) => {
    const inWin = xs.filter((x) => x.ts >= s - 2000 && x.ts < e);
    // Self times (nested events: a parent's self excludes its children).
    const self = {};
    const stack = [];
    let tasks = 0;
    const close = (until) => {
      while (stack.length && stack[stack.length - 1].end <= until) {
        const top = stack.pop();
        if (top.counted) self[top.name] = (self[top.name] || 0) + top.self;
      }
    };
    for (const x of inWin) {
      close(x.ts);
      const d = process.env.WALL ? x.dur : (x.tdur ?? x.dur);
      // Only the part of the event inside the window counts (a task the click's
      // evaluate ran in starts just before the mark).
      const counted = x.ts + x.dur > s;
      const node = { name: x.name, end: x.ts + x.dur, self: d, counted };
      if (stack.length) stack[stack.length - 1].self -= d;
      else if (counted && /RunTask$/.test(x.name)) tasks++;
      stack.push(node);
    }
    close(Infinity);
    const g = {};
    for (const [n, v] of Object.entries(self)) { if (/RunTask$/.test(n)) continue; const k2 = group(n); g[k2] = (g[k2] || 0) + v / 1000; }
    // The frame's first animation callback after the click: the wait is the time from the
    // end of the click's own task to it.
    const raf = inWin.find((x) => x.name === 'FireAnimationFrame' && x.ts > s);
    const clickTask = inWin.find((x) => /RunTask$/.test(x.name) && x.ts <= s && x.ts + x.dur >= s);
    const clickEnd = clickTask ? clickTask.ts + clickTask.dur : s;
    const cpu = Object.values(g).reduce((a, v) => a + v, 0);
    const top = Object.entries(self).filter(([n]) => !/RunTask$/.test(n)).sort((a, b) => b[1] - a[1]).slice(0, 8).map(([n, v]) => `${n}=${(v / 1000).toFixed(2)}`).join(' ');
    // DUMP=1: the step's top-level tasks (start after the click, wall and thread ms, the
    // biggest event inside), to see what filled a slow step's wait.
    const dump = inWin.filter((x) => /RunTask$/.test(x.name) && x.ts + x.dur > s).map((x) => {
      const inner = inWin.filter((y) => y !== x && y.ts >= x.ts && y.ts + y.dur <= x.ts + x.dur && !/RunTask$/.test(y.name)).sort((a, b) => b.dur - a.dur)[0];
      return `+${((x.ts - s) / 1000).toFixed(1)} ${(x.dur / 1000).toFixed(1)}/${((x.tdur ?? 0) / 1000).toFixed(1)} ${inner ? inner.name : ''}`;
    }).join(' | ');
    rows.push({ i: k, frame: frames[k], cpu, wait: raf ? (raf.ts - clickEnd) / 1000 : NaN, tasks, ...g, top, dump });
  });
  return rows;
}

const q = (xs, p) => { const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)] : NaN; };
const fmt = (r) => COLS.map((c) => `${c} ${(r[c] ?? 0).toFixed(c === 'tasks' ? 0 : 1).padStart(5)}`).join(' ');

console.log(`positions ${last}; from ${third}; N=${N}; load average ${loadavg()[0].toFixed(2)}`);
const dirs = process.env.BACK === '0' ? ['forward'] : ['forward', 'back'];
for (const g of kinds) {
  await seek(0);
  for (let i = 0; i < 5; i++) await step(tid('step-line'));
  await seek(third);
  for (const dir of dirs) {
    const sel = dir === 'forward' ? tid(`step-${g}`) : tid(`step-back-${g}`);
    const frames = [];
    const events = await traced(async () => {
      for (let i = 0; i < N; i++) { const ms = await step(sel); if (ms == null) break; frames.push(ms); }
    });
    const rows = analyse(events, frames);
    const summary = (p) => Object.fromEntries(COLS.map((c) => [c, q(rows.map((r) => r[c] ?? 0), p)]));
    console.log(`== ${g} ${dir}: ${rows.length} steps, load average ${loadavg()[0].toFixed(2)}`);
    console.log(`  median ${fmt(summary(0.5))}`);
    console.log(`  p95    ${fmt(summary(0.95))}`);
    const slow = [...rows].sort((a, b) => b.frame - a.frame).slice(0, Math.max(2, Math.ceil(rows.length / 10)));
    for (const r of slow) {
      console.log(`  slow #${String(r.i).padStart(2)} ${fmt(r)}`);
      if (process.env.TOP) console.log(`          ${r.top}`);
      if (process.env.DUMP) console.log(`          ${r.dump}`);
    }
    if (process.env.JSON) console.log(JSON.stringify({ g, dir, rows }));
  }
}
if (errors.length) console.log('page errors', errors);
await browser.close();
await server.close();
