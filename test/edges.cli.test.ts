// Issue 11, defect 10: the CLI finishes on every file it accepts, refuses with exit 2 what it cannot run,
// never fails with exit 4 on size, treats a bad --out as a usage error, and keeps lanes unambiguous.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cli, cliPath, jsonLines, root } from './demoHelpers';

const tmp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'zrb-edges-'));
  tmp.push(d);
  return d;
};
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

function scenarioFile(body: Record<string, unknown>): string {
  const file = join(tempDir(), 'case.json');
  writeFileSync(
    file,
    JSON.stringify({ name: 'edge', users: [{ id: 'A' }], steps: [{ at: 0, user: 'A', do: 'login', room: 'r' }], ...body }),
  );
  return file;
}

/** The CLI with a time limit: a run that never finishes fails the test instead of hanging the suite. */
function boundedCli(args: string[], timeoutMs = 60_000) {
  const r = spawnSync(process.execPath, [cliPath, ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 512 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

beforeAll(() => {
  if (!existsSync(join(root, 'dist', 'index.mjs')))
    spawnSync('npm', ['run', '--silent', 'build:quiet'], { cwd: root, stdio: 'inherit' });
});

describe('every number a scenario file accepts is one the run can finish with', () => {
  test.each([
    [
      'service.onlineCountIntervalMs 0',
      { service: { onlineCountIntervalMs: 0 } },
      'service.onlineCountIntervalMs: expected a number from 1000 to 86400000',
    ],
    ['startEpochMs 1e22', { startEpochMs: 1e22 }, 'startEpochMs: expected an integer from 0 to 4102444800000'],
    [
      'a step at 1e15 ms',
      { steps: [{ at: 1e15, do: 'advance' }] },
      'steps[0].at: expected a number from -604800000 to 604800000',
    ],
    [
      'a 1e300 ms login latency',
      { service: { loginLatencyMs: 1e300 } },
      'service.loginLatencyMs: expected a number from 0 to 86400000',
    ],
    [
      'a Token04 expiring in 1e300 s',
      { steps: [{ at: 0, user: 'A', do: 'login', room: 'r', token04: { expiresInSec: 1e300 } }] },
      'steps[0].token04.expiresInSec: expected a number from -315360000 to 315360000',
    ],
    [
      'a span of 1e300 ms',
      { steps: [{ at: 0, user: 'A', do: 'login', room: 'r', mark: 'T0' }], spans: [{ label: 'x', from: 'T0', ms: 1e300 }] },
      'spans[0].ms: expected a number from 0 to 1209600000',
    ],
  ])('%s: refused with exit 2 and the field named, at once', (_n, body, message) => {
    const r = boundedCli(['run', scenarioFile(body)]);
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`  ${message}`);
  });

  test("the bounds are the schema's too", () => {
    const schema = require('../scenarios/scenario.schema.json');
    expect(schema.properties.startEpochMs.maximum).toBe(4102444800000);
    expect(schema.properties.service.properties.onlineCountIntervalMs).toMatchObject({ minimum: 1000, maximum: 86400000 });
    expect(schema.properties.steps.items.properties.at).toMatchObject({ minimum: -604800000, maximum: 604800000 });
    expect(schema.properties.steps.maxItems).toBe(100000);
  });
});

describe('size never makes the CLI fail with exit 4', () => {
  test('a file of 1,000,000 steps is refused with exit 2 (at most 100,000 steps), quickly', () => {
    const steps = Array.from({ length: 1_000_000 }, (_, i) => ({ at: i, do: 'advance' }));
    const r = boundedCli(['run', scenarioFile({ steps })]);
    expect(r.timedOut).toBe(false);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('  steps: at most 100000 steps (this file has 1000000)');
  });

  test('100,000 steps (the most a file may have) run to the end, with the pictures (--out): exit 0', () => {
    const steps = Array.from({ length: 100_000 }, (_, i) => ({ at: i * 10, do: 'advance' }));
    steps[0] = { at: 0, user: 'A', do: 'login', room: 'r' } as never;
    const out = tempDir();
    const r = boundedCli(['run', scenarioFile({ steps }), '--json', '--out', out]);
    expect(r.timedOut).toBe(false);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(jsonLines(r.stdout).pop()).toMatchObject({ kind: 'result', ok: true, end: 999_990 });
    expect(readdirSync(out).sort()).toEqual(['edge.svg', 'index.html']);
  });

  test('the timeline and the picture of 150,000 drawn events are made without a stack overflow', () => {
    const script = `
      import { renderSvg } from './cli/svg.mjs';
      import { formatTimeline } from './cli/timeline.mjs';
      const events = [];
      for (let i = 0; i < 150000; i++) events.push({ t: i, user: 'A', kind: 'step', action: 'networkDown', text: 'network down' });
      const result = { events, failures: [], marks: [], end: 150000, lanes: ['A'] };
      const scenario = { name: 'big', steps: [] };
      console.log(JSON.stringify({ svg: renderSvg(scenario, result).length > 0, text: formatTimeline(scenario, result).split('\\n').length }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({ svg: true, text: 150_006 });
  });
});

describe('--out must name a directory', () => {
  test('an existing file: exit 2 with a usage message, no stack trace', () => {
    const file = join(tempDir(), 'not-a-dir.txt');
    writeFileSync(file, 'x');
    const r = cli(['run', scenarioFile({}), '--out', file]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`zego-room-bridge: --out ${file} is not a directory`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('an empty name: exit 2, nothing written to the current directory', () => {
    const before = readdirSync(root).sort();
    const r = cli(['run', scenarioFile({}), '--out', '']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('zego-room-bridge: --out needs a directory name');
    expect(readdirSync(root).sort()).toEqual(before);
  });
});

describe('lanes stay unambiguous whatever the user names are', () => {
  test("with users A and A' declared, duplicateLogin for A logs in a new device of A, never A'", () => {
    const r = cli([
      'run',
      scenarioFile({
        users: [{ id: 'A' }, { id: "A'", userID: 'other' }],
        steps: [
          { at: 0, user: 'A', do: 'login', room: 'r' },
          { at: 0, user: "A'", do: 'login', room: 'r2' },
          { at: 1000, user: 'A', do: 'duplicateLogin', room: 'r' },
          { at: 2000, do: 'advance' },
        ],
      }),
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const ev = jsonLines(r.stdout);
    const dupStep = ev.find((e) => e.kind === 'step' && e.action === 'duplicateLogin')!;
    expect(dupStep.text).toBe(`same userID "A" logs in to r from another device (A'')`);
    const states = (user: string) =>
      ev
        .filter((e) => e.user === user && e.callback === 'onRoomStateChanged')
        .map((e) => `${e.t} ${e.room} ${e.reason} ${e.errorCode}`);
    expect(states("A'")).toEqual(['0 r2 Logining 0', '120 r2 Logined 0']);
    expect(states("A''")).toEqual(['1000 r Logining 0', '1120 r Logined 0']);
    expect(states('A')).toEqual(['0 r Logining 0', '120 r Logined 0', '1120 r KickOut 1002050']);
    expect(jsonLines(r.stdout).pop()!.kind).toBe('result');
  });
});
