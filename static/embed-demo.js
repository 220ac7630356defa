// The host side of loopscope's postMessage API (README: "Embedding"). Commands go to the
// player's window; events come back as {type: "loopscope", event, ...}. Check the source of
// every message: only the player's own frame counts.
const player = document.getElementById('p1');
const origin = new URL(player.src, location.href).origin;
const log = document.getElementById('log');
const send = (msg) => player.contentWindow.postMessage({ type: 'loopscope', ...msg }, origin);

document.getElementById('play').onclick = () => send({ cmd: 'play' });
document.getElementById('pause').onclick = () => send({ cmd: 'pause' });
document.getElementById('step').onclick = () => send({ cmd: 'step', g: 'callback' });
document.getElementById('back').onclick = () => send({ cmd: 'step', g: 'callback', back: true });
document.getElementById('start').onclick = () => send({ cmd: 'goto', step: 0 });

window.addEventListener('message', (e) => {
  if (e.source !== player.contentWindow || e.origin !== origin) return;
  const m = e.data;
  if (!m || m.type !== 'loopscope') return;
  if (m.event === 'step') document.getElementById('pos').textContent = `${m.step}/${m.last} (t=${m.t.toFixed(3)})`;
  log.textContent += `${m.event}${m.step !== undefined ? ' ' + m.step : ''}${m.last !== undefined ? '/' + m.last : ''}\n`;
  log.scrollTop = log.scrollHeight;
});
