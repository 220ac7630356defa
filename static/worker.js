// loopscope's run worker. The page (src/bin/web/runner.rs) starts it when it loads, then
// sends one "run" per script. It loads the engine (src/bin/engine: compiler, VM, runtime;
// Trunk writes it next to this file as loopscope-engine.js and loopscope-engine_bg.wasm)
// at once, so the engine downloads while the page is read. Running in a worker keeps the
// page responsive during a long simulation, lets it show progress, and lets Stop terminate
// the run. Nothing here evaluates what a message carries: scripts are text handed to the
// wasm VM.
const ready = import('./loopscope-engine.js').then(async (mod) => {
  await mod.default({ module_or_path: new URL('loopscope-engine_bg.wasm', self.location.href) });
  mod.loopscope_set_module_source(fetchModule);
  return mod;
});

// The Python modules a script loads only by importing them (datetime, re, threading, the
// network modules, ...) are not in the engine: Trunk's post-build hook puts them in py/
// (scripts/fetched_py.py) and the engine asks for one when a script imports it
// (src/modules/fetched.rs). The import runs inside the VM's synchronous run, so the request
// is synchronous too (allowed in a worker); the engine keeps what it got, and checks that it
// is the file it was built with. A failure is thrown as an Error whose message the script's
// ImportError shows.
function fetchModule(file) {
  const where = `fetching py/${file} failed`;
  const xhr = new XMLHttpRequest();
  xhr.open('GET', new URL(`py/${file}`, self.location.href), false);
  xhr.overrideMimeType('text/plain; charset=utf-8');
  try {
    xhr.send();
  } catch (err) {
    throw new Error(`${where}: ${err && err.name === 'NetworkError' ? 'no answer (offline, or the app was opened from a file)' : String(err)}`);
  }
  if (xhr.status === 0) throw new Error(`${where}: no answer (offline, or the app was opened from a file)`);
  if (xhr.status !== 200) throw new Error(`${where}: HTTP ${xhr.status} ${xhr.statusText}`.trimEnd());
  return xhr.responseText;
}
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
