// Runs the bad-input table through the public API and through the JSON boundary the C# shim uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ZegoExpressEngine,
  ZegoRoomMode,
  ZegoRoomStateChangedReason as R,
  makeTestToken04,
  readToken04Expiry,
  seededRandom,
} from '../src/index';
import { simulatorBridge } from './bridgeUnderTest';
import { ROWS, type Row } from './badInput.table';
import { World } from './helpers';
const { invoke: bridgeInvoke, drain: bridgeDrain, reset: bridgeReset } = simulatorBridge();

function runRow(row: Row) {
  // Tokens are required by this service, so it rejects anything that is not a live Token04.
  const w = new World({ verifyToken: (t) => readToken04Expiry(t) !== null });
  const warnings: string[] = [];
  const engine = ZegoExpressEngine.createEngine({
    appID: 1,
    driver: w.service.createDriver('u1'),
    clock: w.clock,
    roomMode: row.mode ?? ZegoRoomMode.SingleRoom,
    random: seededRandom(1),
    logger: { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
  });
  const seen: Array<[string, ...unknown[]]> = [];
  engine.setEventHandler({
    onRoomStateChanged: (room, reason, code) => seen.push(['state', room, reason, code]),
    onDebugError: (code, fn) => seen.push(['debug', code, fn]),
  });
  const token = (sec: number) => makeTestToken04({ expireAtSec: Math.floor(w.clock.now() / 1000) + sec });
  // A logged-in room that no bad call may disturb.
  engine.loginRoom('home', { userID: 'u1' }, { token: token(3600) });
  w.at(1000);
  if (row.afterDestroy) engine.destroy();
  seen.length = 0;
  const callbacks: number[] = [];
  expect(() => row.act(engine, token, (c) => callbacks.push(c))).not.toThrow();
  w.at(5000);
  return { engine, seen, callbacks, warnings };
}

describe('bad input through the public API', () => {
  test(`the table has at least 40 rows (${ROWS.length})`, () => expect(ROWS.length).toBeGreaterThanOrEqual(40));

  test.each(ROWS.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    const { engine, seen, callbacks, warnings } = runRow(row);
    const x = row.expect;
    const events = seen.filter((s) => s[0] === 'state');
    const debugs = seen.filter((s) => s[0] === 'debug').map((s) => s[1]);
    if ('server' in x) {
      expect(events).toEqual([
        ['state', row.room, R.Logining, 0],
        ['state', row.room, R.LoginFailed, x.server],
      ]);
      expect(callbacks).toEqual([x.server]);
    } else if ('warn' in x) {
      expect(seen).toEqual([]);
      expect(warnings.some((m) => m.includes(String(x.warn)))).toBe(true);
    } else {
      if ('callback' in x) expect(callbacks).toEqual([x.callback]);
      else expect(callbacks).toEqual([]);
      const failReason = 'callback' in x && row.name.startsWith('logout') ? R.LogoutFailed : R.LoginFailed;
      expect(events).toEqual(x.event === undefined ? [] : [['state', row.room, failReason, x.event]]);
      const wantDebug =
        'callback' in x
          ? x.callback === 0 || row.afterDestroy || (failReason === R.LogoutFailed && x.event !== undefined)
            ? []
            : [x.callback]
          : [x.debug];
      expect(debugs).toEqual(wantDebug);
    }
    if (!row.afterDestroy) expect(engine.roomPhase('home')).toBe('Logined');
    for (const m of warnings) expect(m).not.toMatch(/04[A-Za-z0-9+/]{20,}/); // no token in any log line
  });

  test('docs/BAD_INPUT.md lists every row with its code', () => {
    const doc = readFileSync(join(__dirname, '../docs/BAD_INPUT.md'), 'utf8');
    for (const row of ROWS) {
      const x = row.expect as Record<string, number>;
      const code = x.server ?? x.warn ?? x.callback ?? x.debug;
      const line = doc.split('\n').find((l) => l.startsWith(`| ${row.name} |`));
      expect(line).toBeDefined();
      expect(line).toContain(String(code));
    }
  });
});

describe('bad input through the JSON boundary', () => {
  beforeEach(() => bridgeReset());
  const call = (s: string) => JSON.parse(bridgeInvoke(s));
  const engine = () =>
    call(JSON.stringify({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'u1' })).engine as string;

  test.each([
    ['not JSON', 'login(room)', 1000017],
    ['JSON null', 'null', 1000017],
    ['a JSON array', '[]', 1000017],
    ['a JSON string', '"loginRoom"', 1000017],
    ['no op', '{}', 1000017],
    ['an unknown op', '{"op":"LoginRoom"}', 1000017],
    ['loginRoom without an engine', '{"op":"loginRoom","roomID":"r","user":{"userID":"u"}}', 1000017],
    ['an engine id of the wrong type', '{"op":"loginRoom","engine":5,"roomID":"r","user":{"userID":"u"}}', 1000017],
    ['an engine never created', '{"op":"loginRoom","engine":"e404","roomID":"r","user":{"userID":"u"}}', 1000002],
    ['setNetworkReachable with a string', '{"op":"setNetworkReachable","engine":"ENGINE","reachable":"yes"}', 1000017],
    ['simAdvance on a world without a virtual clock', '{"op":"simAdvance","world":"nope","ms":5}', 1000017],
    ['createEngine with roomMode 2', '{"op":"createEngine","roomMode":2}', 1000017],
    ['createEngine with an unknown driver', '{"op":"createEngine","driver":"native-v9"}', 1000017],
    ['a truncated request', '{"op":"loginRoom","engine":"ENGINE","roomID":"r"', 1000017],
  ])('%s → ok:false with %s, nothing thrown', (_n, payload, code) => {
    const id = engine();
    let out = '';
    expect(() => {
      out = bridgeInvoke(payload.replace('ENGINE', id));
    }).not.toThrow();
    expect(JSON.parse(out)).toMatchObject({ ok: false, error: code });
  });

  test('values of the wrong type inside a request reach the engine and come back through its callbacks', () => {
    const e = engine();
    call(JSON.stringify({ op: 'loginRoom', engine: e, roomID: 'home', user: { userID: 'u1' } }));
    call(JSON.stringify({ op: 'simAdvance', ms: 1000 }));
    bridgeDrain();
    const bad = [
      { roomID: 42, user: { userID: 'u1' } },
      { roomID: 'r', user: 'u1' },
      { roomID: 'r', user: { userID: 'u1' }, config: { maxMemberCount: -1 } },
      { roomID: ['r'], user: { userID: 'u1' } },
      { roomID: 'r', user: { userID: { id: 1 } } },
    ];
    bad.forEach((b, i) =>
      expect(call(JSON.stringify({ op: 'loginRoom', engine: e, callbackId: i, ...b }))).toEqual({ ok: true }),
    );
    call(JSON.stringify({ op: 'simAdvance', ms: 1000 }));
    const evs = JSON.parse(bridgeDrain()) as Array<{ event: string; callbackId?: number; args: unknown[] }>;
    expect(evs.filter((x) => x.event === 'callback').map((x) => [x.callbackId, x.args[0]])).toEqual([
      [0, 1002012],
      [1, 1000017],
      [2, 1000017],
      [3, 1002012],
      [4, 1002006],
    ]);
    expect(evs.some((x) => x.event === 'onRoomStateChanged' && x.args[0] === 'home')).toBe(false);
  });
});
