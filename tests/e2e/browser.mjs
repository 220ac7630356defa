// Launch the system Chromium (never a downloaded browser) with the flags this machine needs.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function launch({ motion = false } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'loopscope-e2e-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 860 },
    // Screenshots right after a step must not catch a transition halfway; this also runs the
    // app's prefers-reduced-motion path.
    reducedMotion: motion ? 'no-preference' : 'reduce',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}
