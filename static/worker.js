// loopscope's run worker. The page (src/bin/web/runner.rs) starts it when it loads, then
// sends one "run" per script. It loads the engine (src/bin/engine: compiler, VM, runtime;
// Trunk writes it next to this file as loopscope-engine.js and loopscope-engine_bg.wasm)
// at once, so the engine downloads while the page is read. Running in a worker keeps the
// page responsive during a long simulation, lets it show progress, and lets Stop terminate
// the run. Nothing here evaluates what a message carries: scripts are text handed to the
// wasm VM.
const ready = import('./loopscope-engine.js').then(async (mod) => {
  await mod.default({ module_or_path: new URL('loopscope-engine_bg.wasm', self.location.href) });
  return mod;
});
// A failure is reported with the first run that needs the module.
ready.catch(() => {});

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type !== 'run') return;
  let mod;
  try {
    mod = await ready;
  } catch (err) {
    self.postMessage({ type: 'failed', id: m.id, error: String(err) });
    return;
  }
  const progress = (events, t) => self.postMessage({ type: 'progress', id: m.id, events, t });
  // The reply comes in parts (a JSON string, then the events as bytes) that the page reads
  // one at a time; the bytes are handed over, not copied.
  let parts;
  try {
    parts = mod.loopscope_worker_run(m.source, m.budget, progress);
  } catch (err) {
    self.postMessage({ type: 'failed', id: m.id, error: String(err) });
    return;
  }
  const buffers = parts.filter((p) => p instanceof Uint8Array).map((p) => p.buffer);
  self.postMessage({ type: 'done', id: m.id, parts }, buffers);
};
