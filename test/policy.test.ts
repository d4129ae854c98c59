import { DefaultReconnectPolicy, RETRY_WINDOW_MS, ZegoExpressEngine, seededRandom, type ReconnectPolicy } from '../src/index';
import { R, World } from './helpers';

describe('DefaultReconnectPolicy', () => {
  test('at once, then 0.5 s, 1 s, then 2.1 s ± 25 %', () => {
    const p = new DefaultReconnectPolicy(seededRandom(42));
    const d = Array.from({ length: 2000 }, (_, i) => p.nextRetryDelayMs({ retryCount: i, elapsedMs: 0 }));
    expect(d.slice(0, 3)).toEqual([0, 500, 1000]);
    const steady = d.slice(3);
    expect(Math.min(...steady)).toBeGreaterThanOrEqual(1575);
    expect(Math.max(...steady)).toBeLessThanOrEqual(2625);
    const mean = steady.reduce((a, b) => a + b, 0) / steady.length;
    expect(mean).toBeGreaterThan(2050);
    expect(mean).toBeLessThan(2150);
  });

  test('the same seed gives the same schedule', () => {
    const a = new DefaultReconnectPolicy(seededRandom(9));
    const b = new DefaultReconnectPolicy(seededRandom(9));
    for (let i = 0; i < 50; i++)
      expect(a.nextRetryDelayMs({ retryCount: i, elapsedMs: 0 })).toBe(b.nextRetryDelayMs({ retryCount: i, elapsedMs: 0 }));
  });

  test('the retry window is 20 minutes', () => {
    expect(RETRY_WINDOW_MS).toBe(1_200_000);
  });
});

describe('the engine and its policy', () => {
  function engineWith(w: World, policy: ReconnectPolicy) {
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: w.service.createDriver('A'),
      clock: w.clock,
      reconnectPolicy: policy,
    });
    const seen: Array<[number, number, number]> = [];
    engine.setEventHandler({ onRoomStateChanged: (_r, reason, code) => seen.push([w.now, reason, code]) });
    return { engine, seen };
  }

  test('the policy sees retryCount and elapsedMs; attempts follow its delays', () => {
    const w = new World();
    const calls: Array<[number, number, number]> = [];
    const { engine } = engineWith(w, {
      nextRetryDelayMs: (c) => {
        calls.push([w.now, c.retryCount, c.elapsedMs]);
        return 10_000;
      },
    });
    engine.loginRoom('r', { userID: 'A' });
    w.at(1000);
    w.service.setNetwork('A', false);
    w.at(31_000);
    expect(calls).toEqual([
      [1000, 0, 0],
      [11_000, 1, 10_000],
      [21_000, 2, 20_000],
      [31_000, 3, 30_000],
    ]);
  });

  test('a policy returning null ends early with ReconnectFailed 1002053', () => {
    const w = new World();
    const { engine, seen } = engineWith(w, { nextRetryDelayMs: (c) => (c.retryCount < 2 ? 1000 : null) });
    engine.loginRoom('r', { userID: 'A' });
    w.at(1000);
    w.service.setNetwork('A', false);
    w.at(60_000);
    expect(seen).toEqual([
      [0, R.Logining, 0],
      [120, R.Logined, 0],
      [1000, R.Reconnecting, 1002051],
      [3000, R.ReconnectFailed, 1002053],
    ]);
  });

  test('the window is enforced by the clock whatever the policy says (a 1-hour delay still ends at 20 min)', () => {
    const w = new World();
    const { engine, seen } = engineWith(w, { nextRetryDelayMs: () => 3_600_000 });
    engine.loginRoom('r', { userID: 'A' });
    w.at(1000);
    w.service.setNetwork('A', false);
    w.at(90 * 60_000);
    expect(seen.slice(2)).toEqual([
      [1000, R.Reconnecting, 1002051],
      [1000 + RETRY_WINDOW_MS, R.ReconnectFailed, 1002053],
    ]);
  });

  test('a throwing policy is treated as giving up, not as an exception', () => {
    const w = new World();
    const { engine, seen } = engineWith(w, {
      nextRetryDelayMs: () => {
        throw new Error('policy bug');
      },
    });
    engine.setEventHandler({ onRoomStateChanged: (_r, reason, code) => seen.push([w.now, reason, code]) });
    (engine as unknown as { log: { error: (m: string) => void } }).log.error = () => undefined;
    engine.loginRoom('r', { userID: 'A' });
    w.at(1000);
    w.service.setNetwork('A', false);
    w.at(10_000);
    expect(seen.slice(2)).toEqual([
      [1000, R.Reconnecting, 1002051],
      [1000, R.ReconnectFailed, 1002053],
    ]);
  });

  test('setNetworkReachable(true) retries at once: Reconnected one round trip after the signal', () => {
    const w = new World();
    const { engine, seen } = engineWith(w, new DefaultReconnectPolicy(seededRandom(3)));
    engine.loginRoom('r', { userID: 'A' });
    w.at(1000);
    w.service.setNetwork('A', false);
    w.at(61_000);
    w.service.setNetwork('A', true);
    w.at(61_010);
    engine.setNetworkReachable(true);
    w.at(70_000);
    expect(seen.slice(2)).toEqual([
      [1000, R.Reconnecting, 1002051],
      [61_130, R.Reconnected, 0],
    ]);
  });

  test('setNetworkReachable(false) on a logged-in room → Reconnecting at once', () => {
    const w = new World();
    const { engine, seen } = engineWith(w, new DefaultReconnectPolicy(seededRandom(3)));
    engine.loginRoom('r', { userID: 'A' });
    w.at(1000);
    engine.setNetworkReachable(false);
    w.at(5000);
    // The simulated link was fine, so the at-once retry resumes the session.
    expect(seen.slice(2)).toEqual([
      [1000, R.Reconnecting, 1002051],
      [1120, R.Reconnected, 0],
    ]);
  });

  test('a paused host (no timer turns) still ends the window on time by the clock', () => {
    const w = new World();
    const { engine, seen } = engineWith(w, new DefaultReconnectPolicy(seededRandom(3)));
    engine.loginRoom('r', { userID: 'A' });
    w.at(1000);
    w.service.setNetwork('A', false);
    w.at(2000);
    // Simulate a player paused for 30 minutes: time jumps, then timers run.
    w.at(32 * 60_000);
    expect(seen.slice(2)).toEqual([
      [1000, R.Reconnecting, 1002051],
      [1000 + RETRY_WINDOW_MS, R.ReconnectFailed, 1002053],
    ]);
  });
});
