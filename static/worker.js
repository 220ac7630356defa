// loopscope's run worker. The page (src/bin/web/runner.rs) starts it, sends the URLs of the
// app's own JS glue and wasm module once ("init"), then one "run" per script. Running in a
// worker keeps the page responsive during a long simulation, lets it show progress, and
// lets Stop terminate the run. Nothing here evaluates what a message carries: scripts are
// text handed to the wasm VM.
let ready = null;

self.onmessage = async (e) => {
  const m = e.data;
  if (m.type === 'init') {
    ready = import(m.js).then(async (mod) => {
      await mod.default({ module_or_path: m.wasm });
      return mod;
    });
    // A failure is reported with the first run that needs the module.
    ready.catch(() => {});
    return;
  }
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
