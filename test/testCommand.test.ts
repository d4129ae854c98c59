// `npm test` on a fresh machine: without a browser it stops at once with the command that installs one,
// and a browser test whose Chromium is missing fails with that message and lets jest exit (it used to
// leave its page server listening, and the run never ended).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The child jest below compiles and runs three files; its spawn timeout only guards against a hang.
jest.setTimeout(200_000);

const root = join(__dirname, '..');
const missing = '/nonexistent/zrb/chromium';
const installHint = 'sudo apt-get update && sudo apt-get install -y chromium fonts-dejavu-core';
let emptyBin: string;
beforeAll(() => {
  emptyBin = mkdtempSync(join(tmpdir(), 'zrb-bin-'));
});
afterAll(() => rmSync(emptyBin, { recursive: true, force: true }));

/** Runs a script with nothing but `env` in its environment: no chromium unless the test puts one there. */
const runBare = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync('/bin/bash', [join(root, script), ...args], { cwd: root, encoding: 'utf8', env, timeout: 30_000 });

describe('scripts/test-all.sh without a browser', () => {
  test('stops before building, names the missing browser and the install command, and closes with "0 passed, 1 failed"', () => {
    const r = runBare('scripts/test-all.sh', [], { PATH: emptyBin, ZRB_NO_INSTALL: '1' });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('0 passed, 1 failed\n');
    expect(r.stderr).toContain("Chromium not found: no 'chromium' on PATH.");
    expect(r.stderr).toContain('(Not installed automatically: ZRB_NO_INSTALL=1.)');
    expect(r.stderr).toContain(installHint);
    expect(r.stderr).not.toContain('command not found'); // nothing after the check ran (no npm, no build)
  });

  test('ZRB_CHROMIUM naming a missing file stops it the same way, without trying to install', () => {
    const r = runBare('scripts/test-all.sh', [], { PATH: emptyBin, ZRB_CHROMIUM: missing });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('0 passed, 1 failed\n');
    expect(r.stderr).toContain(`Chromium not found: ZRB_CHROMIUM=${missing} is not an executable file.`);
    expect(r.stderr).toContain('(Installing would not change ZRB_CHROMIUM, so nothing was installed.)');
    expect(r.stderr).not.toContain('Installing Debian');
  });
});

describe('scripts/chromium.sh finds the browser', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'zrb-chromium-'));
    writeFileSync(join(dir, 'chromium'), '#!/bin/sh\n');
    chmodSync(join(dir, 'chromium'), 0o755);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('`chromium` on PATH', () => {
    const r = runBare('scripts/chromium.sh', ['--find'], { PATH: `${emptyBin}:${dir}` });
    expect([r.status, r.stdout]).toEqual([0, `${dir}/chromium\n`]);
  });

  test('ZRB_CHROMIUM wins over PATH', () => {
    const other = join(dir, 'chromium');
    const r = runBare('scripts/chromium.sh', ['--find'], { PATH: '/usr/bin:/bin', ZRB_CHROMIUM: other });
    expect([r.status, r.stdout]).toEqual([0, `${other}\n`]);
  });
});

describe('jest with a missing browser', () => {
  test("the browser test files fail with the missing browser's name and jest exits by itself", () => {
    const files = ['test/webglRealSdk.test.ts', 'test/webglBundles.test.ts', 'test/demo.svg.test.ts'];
    const r = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--ci', '--runTestsByPath', ...files], {
      cwd: root,
      encoding: 'utf8',
      timeout: 180_000,
      env: { ...process.env, ZRB_CHROMIUM: missing },
    });
    const out = r.stdout + r.stderr;
    expect(r.signal).toBeNull(); // not killed by the hang guard
    expect(r.status).toBe(1);
    expect(out).toContain(`Chromium not found: ZRB_CHROMIUM=${missing} is not an executable file.`);
    expect(out).toContain(installHint);
    expect(out).toMatch(/Test Suites: 3 failed, 3 total/);
    expect(out).not.toMatch(/Tests: .*\d+ passed/);
    expect(out).not.toContain('Jest did not exit');
  });

  test("exiting is the tests' own doing: no --forceExit anywhere in the test command or the jest config", () => {
    const config = require('../jest.config.cjs') as Record<string, unknown>;
    expect(config.forceExit).toBeUndefined();
    expect(config.testTimeout).toBe(30_000);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    for (const command of [...Object.values(pkg.scripts), readFileSync(join(root, 'scripts/test-all.sh'), 'utf8')]) {
      expect(command).not.toMatch(/forceExit/);
    }
  });
});
