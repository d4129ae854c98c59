// The source document's timelines (users A and B in one room), played on the simulated service.
import { R, U, World } from './helpers';

const MIN = 60_000;

function loggedInPair() {
  const w = new World();
  const b = w.client('B');
  const a = w.client('A');
  b.login('room1');
  w.at(1000);
  b.clear();
  const T0 = w.now; // A calls LoginRoom
  a.login('room1');
  w.at(T0 + 1000);
  return { w, a, b, T0 };
}

describe("ZEGO's room connection status page: login (T0..T2)", () => {
  test('A gets Logining at T0 and Logined at T1 = T0 + 120 ms; B hears the Add at T2 = T1 + 100 ms', () => {
    const { a, b, T0 } = loggedInPair();
    expect(a.states('room1')).toEqual([
      [T0, R.Logining, 0],
      [T0 + 120, R.Logined, 0],
    ]);
    expect(b.users('room1')).toEqual([[T0 + 220, U.Add, ['A']]]);
    // A, the joiner, gets one Add listing who was already there.
    expect(a.users('room1')).toEqual([[T0 + 120, U.Add, ['B']]]);
  });
});

describe("ZEGO's room connection status page: reconnection", () => {
  test('case 1: back before the 90 s heartbeat timeout — A gets Reconnecting then Reconnected, B gets no user update', () => {
    const { w, a, b } = loggedInPair();
    a.clear();
    b.clear();
    const T3 = w.now;
    w.service.setNetwork('A', false);
    w.at(T3 + 60_000);
    w.service.setNetwork('A', true);
    w.at(T3 + 89_000);
    const s = a.states('room1');
    expect(s[0]).toEqual([T3, R.Reconnecting, 1002051]);
    expect(s).toHaveLength(2);
    expect(s[1][1]).toBe(R.Reconnected);
    expect(s[1][2]).toBe(0);
    // Found out on its next retry (steady 2.1 s ± 25 %), plus one round trip.
    expect(s[1][0]).toBeGreaterThan(T3 + 60_000);
    expect(s[1][0]).toBeLessThanOrEqual(T3 + 60_000 + 2625 + 120);
    w.at(T3 + 5 * MIN);
    expect(b.users('room1')).toEqual([]);
    expect(a.users('room1')).toEqual([]);
  });

  test("case 2: back after the timeout — B gets Delete at T3 + 90 s and Add 100 ms after A's Reconnected", () => {
    const { w, a, b } = loggedInPair();
    a.clear();
    b.clear();
    const T3 = w.now;
    w.service.setNetwork('A', false);
    w.at(T3 + 5 * MIN);
    expect(b.users('room1')).toEqual([[T3 + 90_000, U.Delete, ['A']]]);
    w.service.setNetwork('A', true);
    a.engine.setNetworkReachable(true); // the host noticed: retry at once
    w.at(T3 + 6 * MIN);
    const s = a.states('room1');
    expect(s).toEqual([
      [T3, R.Reconnecting, 1002051],
      [T3 + 5 * MIN + 120, R.Reconnected, 0],
    ]);
    const T5 = s[1][0];
    expect(b.users('room1')).toEqual([
      [T3 + 90_000, U.Delete, ['A']],
      [T5 + 100, U.Add, ['A']],
    ]);
    // B never changed while A was away, so A hears nothing new.
    expect(a.users('room1')).toEqual([]);
  });

  test('case 2: A hears the Add/Delete of what changed while it was away', () => {
    const { w, a, b } = loggedInPair();
    const c = w.client('C');
    a.clear();
    b.clear();
    const T3 = w.now;
    w.service.setNetwork('A', false);
    w.at(T3 + 100_000);
    b.logout('room1'); // B leaves while A is away
    c.login('room1'); // C joins while A is away
    w.at(T3 + 3 * MIN);
    w.service.setNetwork('A', true);
    a.engine.setNetworkReachable(true);
    w.at(T3 + 4 * MIN);
    const [, reconnected] = a.states('room1');
    expect(reconnected[1]).toBe(R.Reconnected);
    expect(a.users('room1')).toEqual([
      [reconnected[0], U.Delete, ['B']],
      [reconnected[0], U.Add, ['C']],
    ]);
  });

  test('case 3: never back — B gets Delete at T3 + 90 s, A gets ReconnectFailed 1002053 at exactly T3 + 20 min, then nothing', () => {
    const { w, a, b } = loggedInPair();
    a.clear();
    b.clear();
    const T3 = w.now;
    w.service.setNetwork('A', false);
    w.at(T3 + 40 * MIN);
    expect(a.states('room1')).toEqual([
      [T3, R.Reconnecting, 1002051],
      [T3 + 20 * MIN, R.ReconnectFailed, 1002053],
    ]);
    expect(b.users('room1')).toEqual([[T3 + 90_000, U.Delete, ['A']]]);
    expect(a.log.filter((r) => r.t > T3 + 20 * MIN)).toEqual([]);
    expect(a.engine.roomPhase('room1')).toBe('Idle');
    // Network back later: nothing happens until the app logs in again.
    w.service.setNetwork('A', true);
    a.engine.setNetworkReachable(true);
    w.at(T3 + 50 * MIN);
    expect(a.log.filter((r) => r.t > T3 + 20 * MIN)).toEqual([]);
  });
});
