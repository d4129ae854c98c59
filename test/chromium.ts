// The one way the browser tests start Chromium. Where the browser is comes from scripts/chromium.sh
// (ZRB_CHROMIUM, else `chromium` on PATH), the same lookup `npm test` and `.ci/run` use; when it is
// missing, the tests fail at once with that script's message instead of waiting on a launch.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

const script = join(__dirname, '../scripts/chromium.sh');

/** The browser's path, or an Error naming the missing browser and how to install it. */
export function chromiumPath(): string {
  const r = spawnSync('bash', [script, '--find'], { encoding: 'utf8', timeout: 10_000 });
  if (r.status !== 0) throw new Error(`${r.stderr || r.error?.message || 'scripts/chromium.sh failed'}`.trim());
  return r.stdout.trim();
}

/** Headless Chromium with the given extra flags; the launch gives up after 30 s rather than hang a run. */
export function launchChromium(args: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    timeout: 30_000,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-quic',
      '--no-first-run',
      '--disable-sync',
      ...args,
    ],
  });
}
