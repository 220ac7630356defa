// What a step changes in the DOM, counted (a MutationObserver over the app): attributes set
// (by element and attribute name), nodes added and removed (by element), text changed (by
// parent element), per step, for N steps of each kind a third into the 1,000-task run.
// Deterministic, so it shows what a change saves whatever the machine's load.
// Not a test (node --test skips this file name).
// usage: node tests/e2e/mutations-steps.mjs DIST_DIR [turn,time,...]   env: N (10), TOPM (25)
import { serveDir } from './serve.mjs';
import { launch } from './browser.mjs';
const dist = process.argv[2];
const kinds = (process.argv[3] || 'line,callback,turn,time').split(',');
const N = Number(process.env.N || 10);
const server = await serveDir(dist);
const browser = await launch({ motion: Boolean(process.env.MOTION) });
const page = await browser.newPage();
await page.goto(server.url);
const tid = (id) => `[data-testid="${id}"]`;
await page.waitForSelector(tid('editor'), { timeout: 20000 });
await page.evaluate(() => localStorage.clear());
const script = process.env.SCRIPT || 'import asyncio\n\n\nasync def worker(i):\n    await asyncio.sleep(i % 10 / 10)\n    return i\n\n\nasync def main():\n    tasks = [asyncio.create_task(worker(i)) for i in range(1000)]\n    done = await asyncio.gather(*tasks)\n    print(sum(done))\n\n\nasyncio.run(main())\n';
await page.fill(tid('editor'), script);
const b = Number(await page.getAttribute('.app', 'data-run'));
await page.click(tid('run'));
await page.waitForFunction((b) => Number(document.querySelector('.app').dataset.run) > b && document.querySelector('.app').dataset.busy === 'false', b, { timeout: 180000 });
const last = Number((await page.textContent(tid('position'))).split('/')[1]);
for (const k of kinds) {
  for (const dir of ['forward', 'back']) {
    await page.locator(tid('scrubber')).fill(String(Math.floor(last / 3)));
    await new Promise((r) => setTimeout(r, 300));
    const sel = dir === 'forward' ? tid(`step-${k}`) : tid(`step-back-${k}`);
    const out = await page.evaluate(async ({ sel, N }) => {
      const name = (el) => !el || !el.tagName ? String(el && el.nodeName) : el.tagName.toLowerCase() + (el.classList.length ? '.' + [...el.classList].filter((c) => !/^(is-new|changed|current|cut|cancelled|many|running|ready|waiting|done|failed)$/.test(c)).join('.') : '') + (el.dataset.testid ? `[${el.dataset.testid}]` : '');
      const acc = {};
      const add = (k) => { acc[k] = (acc[k] || 0) + 1 / N; };
      const mo = new MutationObserver((ms) => {
        for (const m of ms) {
          if (m.type === 'attributes') add(`attr ${name(m.target)} ${m.attributeName}`);
          else if (m.type === 'characterData') add(`text ${name(m.target.parentElement)}`);
          else { for (const n of m.addedNodes) add(`add ${name(n.nodeType === 1 ? n : n.parentElement)}${n.nodeType === 3 ? ' (text)' : ''} in ${name(m.target)}`); for (const n of m.removedNodes) add(`del ${name(n.nodeType === 1 ? n : null)}${n.nodeType === 3 ? ' (text)' : ''} in ${name(m.target)}`); }
        }
      });
      mo.observe(document.querySelector('.app'), { subtree: true, attributes: true, childList: true, characterData: true });
      for (let i = 0; i < N; i++) {
        await new Promise((resolve) => { document.querySelector(sel).click(); requestAnimationFrame(() => setTimeout(resolve, 0)); });
      }
      mo.takeRecords();
      mo.disconnect();
      return acc;
    }, { sel, N });
    const total = Object.values(out).reduce((a, v) => a + v, 0);
    console.log(`== ${k} ${dir}: ${total.toFixed(1)} mutations per step`);
    console.log(Object.entries(out).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOPM || 25)).map(([n, v]) => `  ${v.toFixed(1).padStart(6)} ${n}`).join('\n'));
  }
}
await browser.close();
await server.close();
