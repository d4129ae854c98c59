// The built-in scenarios (scenarios/*.json), played by `zego-room-bridge demo --json` on the built
// package: each one's events are checked against what the source document and ZEGO's docs say.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, jsonLines, type Ev } from './demoHelpers';

const MIN = 60_000;
let out: string;
let all: Ev[];

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'zrb-demo-'));
  const r = cli(['demo', '--json', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  all = jsonLines(r.stdout);
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

const of = (scenario: string) => all.filter((e) => e.scenario === scenario);
/** [t, reason, errorCode] of onRoomStateChanged for one user (and room). */
const states = (scenario: string, user: string, room?: string) =>
  of(scenario)
    .filter((e) => e.callback === 'onRoomStateChanged' && e.user === user && (room === undefined || e.room === room))
    .map((e) => [e.t, e.reason, e.errorCode]);
const userUpdates = (scenario: string, user: string) =>
  of(scenario)
    .filter((e) => e.callback === 'onRoomUserUpdate' && e.user === user)
    .map((e) => [e.t, e.updateType, e.users]);
const mark = (scenario: string, name: string) =>
  of(scenario)
    .find((e) => e.kind === 'result')!
    .marks!.find((m) => m.name === name)!.t;

test('every built-in scenario runs and its own expectations and marks hold', () => {
  const results = all.filter((e) => e.kind === 'result');
  expect(results.map((r) => r.scenario)).toEqual([
    'login',
    'reconnect-back-before-90s',
    'reconnect-back-after-90s',
    'reconnect-never-back',
    'kickout-duplicate-login',
    'kickout-server',
    'token-login-failed',
    'token-expired-kickout',
    'switch-room',
    'multi-room-logout-failed',
  ]);
  for (const r of results) expect({ scenario: r.scenario, failures: r.failures }).toEqual({ scenario: r.scenario, failures: [] });
});

test('every callback line names the reason and the error code with their names', () => {
  const sc = all.filter((e) => e.callback === 'onRoomStateChanged');
  expect(sc.length).toBeGreaterThan(40);
  for (const e of sc) {
    expect(typeof e.reason).toBe('string');
    expect(typeof e.reasonValue).toBe('number');
    expect(e.errorName).not.toBe('');
  }
  expect(sc.find((e) => e.errorCode === 1002053)).toMatchObject({
    reason: 'ReconnectFailed',
    reasonValue: 5,
    errorName: 'RoomRetryTimeout',
  });
});

describe('login (T0, T1, T2)', () => {
  test('A gets Logining at T0 and Logined at T1 = T0 + 120 ms; B hears Add A at T2 = T1 + 100 ms', () => {
    expect(states('login', 'A')).toEqual([
      [0, 'Logining', 0],
      [120, 'Logined', 0],
    ]);
    expect(userUpdates('login', 'B')).toEqual([[220, 'Add', ['A']]]);
    expect([mark('login', 'T0'), mark('login', 'T1'), mark('login', 'T2')]).toEqual([0, 120, 220]);
  });
  test('the login callback gets 0 after Logined', () => {
    const a = of('login')
      .filter((e) => e.user === 'A' && e.kind === 'callback')
      .map((e) => e.callback);
    expect(a.indexOf('loginRoomCallback')).toBeGreaterThan(a.indexOf('onRoomStateChanged', 1));
  });
});

describe('reconnection case 1: back before the 90 s heartbeat timeout', () => {
  const S = 'reconnect-back-before-90s';
  test('A: Reconnecting 1002051 at T3, Reconnected 0 on the first retry after the network is back', () => {
    const T3 = mark(S, 'T3');
    const s = states(S, 'A').filter(([t]) => (t as number) >= T3);
    expect(s[0]).toEqual([T3, 'Reconnecting', 1002051]);
    expect(s).toHaveLength(2);
    expect(s[1][1]).toBe('Reconnected');
    const up = of(S).find((e) => e.action === 'networkUp')!.t;
    expect(s[1][0]).toBeGreaterThan(up);
    expect(s[1][0]).toBeLessThanOrEqual(up + 2625 + 120); // one steady retry (2.1 s ± 25 %) + a round trip
    expect(s[1][0]).toBeLessThan(T3 + 90_000);
  });
  test('B receives no onRoomUserUpdate at all after the join, even long after T3 + 90 s', () => {
    expect(userUpdates(S, 'B')).toEqual([[220, 'Add', ['A']]]);
    expect(of(S).find((e) => e.kind === 'result')!.end).toBeGreaterThan(mark(S, 'T3') + 90_000);
  });
});

describe('reconnection case 2: back after the 90 s heartbeat timeout', () => {
  const S = 'reconnect-back-after-90s';
  test('B: Delete A at T4 = T3 + 90 s, Add A at T6 = T5 + 100 ms', () => {
    const T3 = mark(S, 'T3'),
      T5 = mark(S, 'T5');
    expect(userUpdates(S, 'B')).toEqual([
      [220, 'Add', ['A']],
      [T3 + 90_000, 'Delete', ['A']],
      [T5 + 100, 'Add', ['A']],
    ]);
    expect(mark(S, 'T4')).toBe(T3 + 90_000);
    expect(mark(S, 'T6')).toBe(T5 + 100);
  });
  test('A: Reconnecting at T3, Reconnected at T5 (90 s < T5 - T3 < 20 min), one round trip after setNetworkReachable(true)', () => {
    const T3 = mark(S, 'T3'),
      T5 = mark(S, 'T5');
    expect(states(S, 'A').slice(2)).toEqual([
      [T3, 'Reconnecting', 1002051],
      [T5, 'Reconnected', 0],
    ]);
    expect(T5 - T3).toBeGreaterThan(90_000);
    expect(T5 - T3).toBeLessThan(20 * MIN);
    expect(T5).toBe(of(S).find((e) => e.action === 'setNetworkReachable')!.t + 120);
  });
});

describe('reconnection case 3: never back', () => {
  const S = 'reconnect-never-back';
  test('A: ReconnectFailed 1002053 exactly 20 min after the loss, then nothing', () => {
    const T3 = mark(S, 'T3');
    expect(states(S, 'A').slice(2)).toEqual([
      [T3, 'Reconnecting', 1002051],
      [T3 + 20 * MIN, 'ReconnectFailed', 1002053],
    ]);
    expect(mark(S, 'T5')).toBe(T3 + 20 * MIN);
    const afterwards = of(S).filter((e) => e.user === 'A' && e.kind === 'callback' && e.t > T3 + 20 * MIN);
    expect(afterwards).toEqual([]);
  });
  test('B: Delete A at T4 = T3 + 90 s', () => {
    expect(userUpdates(S, 'B')).toEqual([
      [220, 'Add', ['A']],
      [mark(S, 'T3') + 90_000, 'Delete', ['A']],
    ]);
  });
});

describe('kick-outs', () => {
  test('duplicate login: the older A gets KickOut 1002050 when the newer device is in; B hears nothing', () => {
    const S = 'kickout-duplicate-login';
    const T1 = mark(S, 'T1');
    expect(states(S, "A'")).toEqual([
      [T1, 'Logining', 0],
      [T1 + 120, 'Logined', 0],
    ]);
    expect(states(S, 'A').slice(2)).toEqual([[T1 + 120, 'KickOut', 1002050]]);
    expect(userUpdates(S, 'B')).toEqual([[220, 'Add', ['A']]]);
  });
  test('server kick: A gets KickOut 1002055 at once, B hears Delete A 100 ms later; A may log in again', () => {
    const S = 'kickout-server';
    const T1 = mark(S, 'T1'),
      T2 = mark(S, 'T2');
    expect(states(S, 'A').slice(2)).toEqual([
      [T1, 'KickOut', 1002055],
      [T2, 'Logining', 0],
      [T2 + 120, 'Logined', 0],
    ]);
    expect(userUpdates(S, 'B')).toEqual([
      [220, 'Add', ['A']],
      [T1 + 100, 'Delete', ['A']],
      [T2 + 220, 'Add', ['A']],
    ]);
  });
});

describe('tokens', () => {
  test('an expired Token04 or a rejected token: LoginFailed 1002033 one round trip later, callback 1002033, no retry', () => {
    const S = 'token-login-failed';
    expect(states(S, 'B')).toEqual([
      [0, 'Logining', 0],
      [120, 'LoginFailed', 1002033],
    ]);
    expect(states(S, 'A')).toEqual([
      [0, 'Logining', 0],
      [120, 'LoginFailed', 1002033],
      [3000, 'Logining', 0],
      [3120, 'Logined', 0],
    ]);
    const cbs = of(S)
      .filter((e) => e.callback === 'loginRoomCallback')
      .map((e) => [e.user, e.t, e.errorCode, e.errorName]);
    expect(cbs).toEqual([
      ['A', 120, 1002033, 'RoomErrorAuthenticationFailed'],
      ['B', 120, 1002033, 'RoomErrorAuthenticationFailed'],
      ['A', 3120, 0, 'Success'],
    ]);
  });
  test('tokens never appear in the output', () => {
    const text = JSON.stringify(of('token-login-failed')) + JSON.stringify(of('token-expired-kickout'));
    expect(text).not.toContain('a-token-the-server-rejects');
    expect(text).not.toMatch(/"04[A-Za-z0-9+/]{20,}/);
  });
  test('expiry: onRoomTokenWillExpire(30) 30 s before; without renewToken KickOut 1002056 at expiry; with it, B stays', () => {
    const S = 'token-expired-kickout';
    const will = of(S)
      .filter((e) => e.callback === 'onRoomTokenWillExpire')
      .map((e) => [e.user, e.t, e.remainTimeInSecond]);
    expect(will).toEqual([
      ['B', 299_000 - 30_000, 30],
      ['A', 300_000 - 30_000, 30],
    ]);
    expect(states(S, 'A').slice(2)).toEqual([[5 * MIN, 'KickOut', 1002056]]);
    expect(states(S, 'B')).toEqual([
      [-1000, 'Logining', 0],
      [-880, 'Logined', 0],
    ]);
    expect(userUpdates(S, 'B')).toEqual([
      [220, 'Add', ['A']],
      [5 * MIN + 100, 'Delete', ['A']],
    ]);
  });
});

test('switchRoom: Logout(room1, 0) and Logining(room2, 0) at once, Logined(room2) 120 ms later; B hears Delete, C hears Add', () => {
  const S = 'switch-room';
  const T1 = mark(S, 'T1');
  expect(
    of(S)
      .filter((e) => e.callback === 'onRoomStateChanged' && e.user === 'A' && e.t >= T1)
      .map((e) => [e.t, e.room, e.reason, e.errorCode]),
  ).toEqual([
    [T1, 'room1', 'Logout', 0],
    [T1, 'room2', 'Logining', 0],
    [T1 + 120, 'room2', 'Logined', 0],
  ]);
  expect(userUpdates(S, 'B')).toEqual([
    [220, 'Add', ['A']],
    [T1 + 100, 'Delete', ['A']],
  ]);
  expect(userUpdates(S, 'C')).toEqual([[T1 + 220, 'Add', ['A']]]);
});

test('multi-room: logoutRoom of a room not logged in → LogoutFailed 1002002 and callback 1002002; the other rooms stay', () => {
  const S = 'multi-room-logout-failed';
  const T1 = mark(S, 'T1'),
    T2 = mark(S, 'T2');
  expect(states(S, 'A', 'room3')).toEqual([[T1, 'LogoutFailed', 1002002]]);
  expect(of(S).find((e) => e.callback === 'logoutRoomCallback' && e.room === 'room3')).toMatchObject({
    t: T1,
    errorCode: 1002002,
    errorName: 'RoomRoomidIncorrect',
  });
  // A stays in room1 until the real logout: B hears the Delete only then.
  expect(userUpdates(S, 'B')).toEqual([
    [220, 'Add', ['A']],
    [T2 + 100, 'Delete', ['A']],
  ]);
  expect(states(S, 'A', 'room2')).toEqual([
    [0, 'Logining', 0],
    [120, 'Logined', 0],
  ]);
});
