// Where a step's script time goes, by function (wasm included): a V8 sampling profile
// (50 µs) of N steps a third into the 1,000-task run, self and inclusive time per step.
// The release wasm has no function names; for names, rebuild its last two stages by hand
// from the cargo output of a release build (see scripts/lib.sh for the environment):
//   wasm-bindgen --target web --no-typescript --keep-debug --out-dir /tmp/nb \
//     --out-name loopscope-web target/web/wasm32-unknown-unknown/release/loopscope-web.wasm
//   wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
//     --enable-mutable-globals --enable-reference-types --enable-multivalue \
//     /tmp/nb/loopscope-web_bg.wasm -o /tmp/nb/opt.wasm
// then copy dist/ elsewhere, put opt.wasm in place of its *_bg.wasm and drop the
// integrity="..." attributes from its index.html. Not a test (node --test skips this name).
// usage: node tests/e2e/cpuprof-steps.mjs DIST_DIR [step-turn[,step-line,...]]
//   env: N (steps, 30), OUT=file.cpuprofile (for DevTools), TOPN, TOPI (rows shown),
//   UNDER=name (only samples with a frame whose name contains it, e.g. run_scheduler: the
//   step's own rendering without the idle work between steps)
import { serveDir } from './serve.mjs';
import { launch } from './browser.mjs';
import { writeFileSync } from 'node:fs';
const dist = process.argv[2];
const sel0 = process.argv[3] || 'step-turn';
const N = Number(process.env.N || 30);
const server = await serveDir(dist);
const browser = await launch({});
const page = await browser.newPage();
await page.goto(server.url);
const tid = (id) => `[data-testid="${id}"]`;
await page.waitForSelector(tid('editor'), { timeout: 20000 });
await page.evaluate(() => localStorage.clear());
const script = 'import asyncio\n\n\nasync def worker(i):\n    await asyncio.sleep(i % 10 / 10)\n    return i\n\n\nasync def main():\n    tasks = [asyncio.create_task(worker(i)) for i in range(1000)]\n    done = await asyncio.gather(*tasks)\n    print(sum(done))\n\n\nasyncio.run(main())\n';
await page.fill(tid('editor'), script);
const b = Number(await page.getAttribute('.app', 'data-run'));
await page.click(tid('run'));
await page.waitForFunction((b) => Number(document.querySelector('.app').dataset.run) > b && document.querySelector('.app').dataset.busy === 'false', b, { timeout: 120000 });
const last = Number((await page.textContent(tid('position'))).split('/')[1]);
await page.locator(tid('scrubber')).fill(String(Math.floor(last / 3)));
await new Promise((r) => setTimeout(r, 300));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const sels = sel0.split(',');
for (let i = 0; i < N; i++) {
  for (const s of sels) {
    await page.evaluate((sel) => new Promise((resolve) => {
      document.querySelector(sel).click();
      requestAnimationFrame(() => setTimeout(() => resolve(), 0));
    }), tid(s));
  }
}
const { profile } = await cdp.send('Profiler.stop');
if (process.env.OUT) writeFileSync(process.env.OUT, JSON.stringify(profile));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const dt = profile.timeDeltas;
const self = {}, incl = {};
const steps = N * sels.length;
for (let i = 0; i < profile.samples.length; i++) {
  const d = (dt[i + 1] ?? 0) / 1000 / steps;
  let id = profile.samples[i];
  const n = byId.get(id);
  const nm = (x) => x.callFrame.functionName || `(${x.callFrame.url.split('/').pop()}:${x.callFrame.lineNumber})`;
  if (process.env.UNDER) {
    let a = id, hit = false;
    while (a != null && !hit) { hit = nm(byId.get(a)).includes(process.env.UNDER); a = parent.get(a); }
    if (!hit) continue;
  }
  self[nm(n)] = (self[nm(n)] || 0) + d;
  const seen = new Set();
  while (id != null) {
    const k = nm(byId.get(id));
    if (!seen.has(k)) { incl[k] = (incl[k] || 0) + d; seen.add(k); }
    id = parent.get(id);
  }
}
const top = (o, k) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, v]) => `${v.toFixed(3)} ${n.slice(0, 140)}`).join('\n');
console.log('== self per step (ms)\n' + top(self, Number(process.env.TOPN || 40)));
console.log('== inclusive per step (ms)\n' + top(incl, Number(process.env.TOPI || 60)));
await browser.close();
await server.close();
