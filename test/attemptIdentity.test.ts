// Issue 11: a driver's answer carries the attempt it answers, and its kicks, link losses and pushes the
// session they concern. Each test below replays one race that mixed up sessions of the same room, with the
// app calling in the same timer turn as a driver event still queued for the session it just ended.
import {
  LOGIN_CANCELLED_ERROR_CODE,
  VirtualClock,
  ZegoExpressEngine,
  ZegoRoomMode,
  makeTestToken04,
  seededRandom,
} from '../src/index';
import { ZegoWebDriver } from '../src/webgl/index';
import { R, U, World } from './helpers';
import { FakeWebEngine } from './webgl/fakeWebEngine';

const T0 = 1_700_000_000_000;

describe('a login is answered by its own attempt', () => {
  test('a failure queued for a login made offline does not answer the login made again in the same turn', () => {
    const w = new World();
    const [a, b] = [w.client('A'), w.client('B')];
    b.login('r');
    w.at(1000);
    a.clear();
    w.service.setNetwork('A', false);
    a.login('r'); // offline: the driver queues 1002030 for the next turn
    w.service.setNetwork('A', true);
    a.logout('r'); // same turn: the app leaves and logs in again
    a.login('r');
    w.at(3000);
    expect(a.states('r')).toEqual([
      [1000, R.Logining, 0],
      [1000, R.Logout, 0],
      [1000, R.Logining, 0],
      [1120, R.Logined, 0],
    ]);
    expect(a.of('login').map((c) => [c.t, c.code])).toEqual([
      [1000, LOGIN_CANCELLED_ERROR_CODE],
      [1120, 0],
    ]);
    expect(a.users('r')).toEqual([[1120, U.Add, ['B']]]);
  });

  test('a failure queued when the link drops under a login does not answer the login made again in the same turn', () => {
    const w = new World();
    const [a, b] = [w.client('A'), w.client('B')];
    b.login('r');
    w.at(1000);
    a.login('r');
    w.at(1050);
    a.clear();
    w.service.setNetwork('A', false); // the socket closes under the login in flight: 1002030 queued
    w.service.setNetwork('A', true);
    a.logout('r');
    a.login('r');
    w.at(3000);
    expect(a.states('r')).toEqual([
      [1050, R.Logout, 0],
      [1050, R.Logining, 0],
      [1170, R.Logined, 0],
    ]);
    expect(a.of('login').map((c) => [c.t, c.code])).toEqual([
      [1050, LOGIN_CANCELLED_ERROR_CODE],
      [1170, 0],
    ]);
    expect(a.users('r')).toEqual([[1170, U.Add, ['B']]]);
  });
});

describe('a kick of an ended session does not touch the next login', () => {
  test('the server kicks B; B logs out and in again in the same turn; the new login gets in', () => {
    const w = new World();
    const [a, b] = [w.client('A'), w.client('B')];
    a.login('r');
    b.login('r');
    w.at(1000);
    b.clear();
    w.service.kickOut('r', 'B'); // the kick is on its way to B's engine
    b.logout('r');
    b.login('r');
    w.at(3000);
    expect(b.states('r')).toEqual([
      [1000, R.Logout, 0],
      [1000, R.Logining, 0],
      [1120, R.Logined, 0],
    ]);
    expect(b.of('login').map((c) => [c.t, c.code])).toEqual([[1120, 0]]);
    expect(
      w.service
        .roomUsers('r')
        .map((u) => u.userID)
        .sort(),
    ).toEqual(['A', 'B']);
    expect(b.users('r')).toEqual([[1120, U.Add, ['A']]]);
  });
});

describe('a settled listener sees exactly who is in the room', () => {
  test("X leaves while A's host reports the network gone and A's userID logs in elsewhere: A hears X leave", () => {
    const w = new World();
    const [a, x] = [w.client('A'), w.client('X')];
    a.login('r');
    x.login('r');
    w.at(1000);
    const other = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: w.service.createDriver("A'"),
      clock: w.clock,
      roomMode: ZegoRoomMode.SingleRoom,
    });
    a.clear();
    x.logout('r');
    a.engine.setNetworkReachable(false);
    other.loginRoom('r', { userID: 'A' });
    w.at(5000);
    const others = w.service
      .roomUsers('r')
      .map((u) => u.userID)
      .filter((id) => id !== 'A');
    expect(others).toEqual([]);
    // What A's app believes: everyone it was told joined and not told left.
    const seen = new Set<string>(['X']);
    for (const [, type, users] of a.users('r'))
      for (const id of users) {
        if (type === U.Add) seen.add(id);
        else seen.delete(id);
      }
    expect(a.engine.roomPhase('r')).toBe('Logined');
    expect([...seen]).toEqual(others);
    expect(a.states('r')[0]).toEqual([1000, R.Reconnecting, 1002051]);
  });
});

describe('a kick of an ended session does not touch the next login (Web SDK driver)', () => {
  test("the Web SDK's KICKOUT queued for the login the app leaves in the same turn does not fail the new login", async () => {
    const clock = new VirtualClock(T0);
    const zg = new FakeWebEngine(clock, { t0: T0 });
    const silent = { warn: () => undefined, error: () => undefined };
    const driver = new ZegoWebDriver(zg, { network: null, logger: silent });
    const engine = ZegoExpressEngine.createEngine({ appID: 1, driver, clock, random: seededRandom(1), logger: silent });
    const states: Array<[number, R, number]> = [];
    const results: Array<[number, number]> = [];
    engine.setEventHandler({ onRoomStateChanged: (_room, reason, code) => states.push([clock.now() - T0, reason, code]) });
    const token = makeTestToken04({ expireAtSec: T0 / 1000 + 3600 });
    const flush = async () => {
      for (let i = 0; i < 10; i++) await Promise.resolve();
    };
    engine.loginRoom('r', { userID: 'u1' }, { token }, (code) => results.push([clock.now() - T0, code]));
    await flush();
    zg.resolveLogin('r');
    await clock.advance(1000);
    zg.emit('roomStateChanged', 'r', 'KICKOUT', 1002050, ''); // on its way to the driver (a setTimeout 0)
    engine.logoutRoom('r');
    engine.loginRoom('r', { userID: 'u1' }, { token }, (code) => results.push([clock.now() - T0, code]));
    await clock.advance(100);
    if (zg.hasPendingLogin('r')) zg.resolveLogin('r'); // not when the stale kick made the driver drop the new login
    await clock.advance(100);
    expect(states).toEqual([
      [0, R.Logining, 0],
      [0, R.Logined, 0],
      [1000, R.Logout, 0],
      [1000, R.Logining, 0],
      [1100, R.Logined, 0],
    ]);
    expect(results).toEqual([
      [0, 0],
      [1100, 0],
    ]);
  });
});
