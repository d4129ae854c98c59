// The command line: malformed files, failing expectations, exit codes, --json, determinism.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, fixture, jsonLines, root } from './demoHelpers';

const tmp: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'zrb-cli-'));
  tmp.push(d);
  return d;
};
afterAll(() => {
  for (const d of tmp) rmSync(d, { recursive: true, force: true });
});

describe('malformed scenario files: exit 2 and the field at fault', () => {
  test('a step time that is not a number', () => {
    const r = cli(['run', 'test/fixtures/scenarios/malformed-step-at.json']);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'test/fixtures/scenarios/malformed-step-at.json: invalid scenario file\n  steps[1].at: expected a number\n',
    );
  });

  test('every problem in a file is listed, each with its path', () => {
    const r = cli(['run', fixture('malformed-many.json')]);
    expect(r.status).toBe(2);
    const lines = r.stderr
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.trim());
    expect(lines).toEqual([
      'colour: unknown field',
      'name: expected lower-case letters, digits and "-" (e.g. "my-case")',
      'users[0].roomMode: expected one of SingleRoom, MultiRoom',
      'steps[0].room: required by "login"',
      'steps[1].user: unknown user "C" (users: A)',
      'steps[2].at: must not be earlier than the step before (10)',
      'steps[2].do: expected one of login, logout, switchRoom, renewToken, setNetworkReachable, networkDown, networkUp, kickOut, duplicateLogin, loseLoginResponse, destroy, advance',
      'steps[3].romo: unknown field',
      'steps[3].token04: give either token or token04, not both',
      'expect[0].callbacks[0]: expected "[time] <callback> …" with a callback among onRoomStateChanged, onRoomStateUpdate, onRoomUserUpdate, onRoomOnlineUserCountUpdate, onRoomTokenWillExpire, onDebugError, loginRoomCallback, logoutRoomCallback',
    ]);
  });

  test('not JSON, or no such file', () => {
    const bad = cli(['run', fixture('not-json.json')]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/\(file\): not valid JSON/);
    const missing = cli(['run', 'no-such-file.json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('no-such-file.json: invalid scenario file\n  (file): cannot read: ENOENT\n');
  });

  test('nothing runs when one of several files is malformed', () => {
    const r = cli(['run', fixture('every-action.json'), fixture('malformed-step-at.json')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
  });
});

describe('expectations', () => {
  test('a failing expectation exits 1 with a diff: "-" expected but missing', () => {
    const r = cli(['run', fixture('failing-expectation.json')]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(
      [
        '   FAILED expect[0] failed (user B, callbacks onRoomUserUpdate):',
        '       220 onRoomUserUpdate room1 Add A',
        '     - 10100 onRoomUserUpdate room1 Delete A',
      ].join('\n'),
    );
    expect(r.stderr).toBe('zego-room-bridge: expectations failed in failing-expectation (diff above)\n');
  });

  test('with --json the result line carries the failure and the diff goes to stderr', () => {
    const r = cli(['run', fixture('failing-expectation.json'), '--json']);
    expect(r.status).toBe(1);
    const result = jsonLines(r.stdout).pop()!;
    expect(result).toMatchObject({ kind: 'result', ok: false });
    expect(result.failures![0]).toContain('- 10100 onRoomUserUpdate room1 Delete A');
    expect(r.stderr).toContain('failing-expectation: expect[0] failed');
  });

  test('a scenario using every step kind runs with its expectations holding (exit 0)', () => {
    const r = cli(['run', fixture('every-action.json'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const ev = jsonLines(r.stdout);
    expect(ev.filter((e) => e.kind === 'step').map((e) => e.action)).toEqual([
      'login',
      'login',
      'login',
      'renewToken',
      'setNetworkReachable',
      'setNetworkReachable',
      'switchRoom',
      'logout',
      'destroy',
      'login',
      'advance',
    ]);
    // After destroy, loginRoom's callback hears 1000002 (the engine's documented behaviour).
    expect(ev.find((e) => e.callback === 'loginRoomCallback' && e.t === 7000)).toMatchObject({
      errorCode: 1000002,
      errorName: 'CommonNotLoginRoom',
    });
  });
});

describe('usage', () => {
  test('--help prints the commands and the exit codes; exit 0', () => {
    const r = cli(['--help']);
    expect(r.status).toBe(0);
    for (const s of ['demo', 'run <scenario.json>', '--json', '--out DIR', '--scenario NAME', 'Exit codes:', '2  usage error'])
      expect(r.stdout).toContain(s);
  });

  test('no command, an unknown command or option, or an unknown --scenario: exit 2', () => {
    expect(cli([]).status).toBe(2);
    expect(cli(['dance']).status).toBe(2);
    expect(cli(['demo', '--colour']).status).toBe(2);
    expect(cli(['run']).status).toBe(2);
    const r = cli(['demo', '--scenario', 'bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no built-in scenario "bogus"; known: login, reconnect-back-before-90s');
  });

  test('--scenario picks built-ins by name or file name; list shows them all', () => {
    const out = tempDir();
    const r = cli(['demo', '--scenario', 'login', '--scenario', '04-reconnect-never-back', '--out', out]);
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.html', 'login.svg', 'reconnect-never-back.svg']);
    expect(cli(['list']).stdout.trim().split('\n')).toHaveLength(10);
  });
});

describe('determinism', () => {
  test('the same command twice gives the same bytes (stdout and every written file)', () => {
    const out = tempDir();
    const snap = () => {
      const r = cli(['demo', '--out', out]);
      expect(r.status).toBe(0);
      return {
        stdout: r.stdout,
        files: Object.fromEntries(
          readdirSync(out)
            .sort()
            .map((f) => [f, readFileSync(join(out, f), 'utf8')]),
        ),
      };
    };
    const first = snap();
    rmSync(out, { recursive: true, force: true });
    const second = snap();
    expect(Object.keys(first.files)).toHaveLength(11);
    expect(second).toEqual(first);
    expect(cli(['demo', '--json', '--scenario', 'reconnect-back-before-90s', '--out', out]).stdout).toBe(
      cli(['demo', '--json', '--scenario', 'reconnect-back-before-90s', '--out', out]).stdout,
    );
  });
});

describe('the schema and the checker agree', () => {
  const schema = JSON.parse(readFileSync(join(root, 'scenarios', 'scenario.schema.json'), 'utf8'));
  test('the step kinds and callback names are the same lists', () => {
    const r = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        "import { ACTIONS, CALLBACKS } from './cli/validate.mjs'; console.log(JSON.stringify({ ACTIONS, CALLBACKS }));",
      ],
      { cwd: root, encoding: 'utf8' },
    );
    const { ACTIONS, CALLBACKS } = JSON.parse(r.stdout);
    expect(schema.properties.steps.items.properties.do.enum).toEqual(ACTIONS);
    expect(schema.properties.expect.items.properties.only.items.enum).toEqual(CALLBACKS);
  });
  test('every built-in scenario points at the schema', () => {
    for (const f of readdirSync(join(root, 'scenarios')).filter((n) => /^\d+-.*\.json$/.test(n))) {
      expect(JSON.parse(readFileSync(join(root, 'scenarios', f), 'utf8')).$schema).toBe('./scenario.schema.json');
    }
  });
});
