// Issue 11, defect 5: whatever a reconnect policy returns, an outage neither hangs the clock nor storms
// the service nor escapes into the app: results are sanitized in one place (retryDelayFor).
import { SimulatedRoomService, ZegoExpressEngine, RETRY_WINDOW_MS, type ReconnectPolicy } from '../src/index';
import { hostClock } from '../src/host/clock';
import { MAX_TIMER_DELAY_MS, MIN_REPEAT_RETRY_DELAY_MS } from '../src/session/reconnectPolicy';
import { R, World } from './helpers';

/** Calls the policy makes, bounded: after `limit` calls the guard ends the outage so a regression cannot hang the suite. */
function guarded(result: () => unknown, now: () => number, limit = 2000) {
  const calls: Array<[number, number]> = [];
  const policy: ReconnectPolicy = {
    nextRetryDelayMs: (c) => {
      calls.push([now(), c.retryCount]);
      return (calls.length > limit ? null : result()) as number | null;
    },
  };
  return { policy, calls };
}

/** A room logged in at 1 s on `policy`, with what the app sees and what the engine logs. */
function loggedInRoom(w: World, policy: ReconnectPolicy) {
  const errors: string[] = [];
  const engine = ZegoExpressEngine.createEngine({
    appID: 1,
    driver: w.service.createDriver('A'),
    clock: w.clock,
    reconnectPolicy: policy,
    logger: { warn: (m) => errors.push(m), error: (m) => errors.push(m) },
  });
  const seen: Array<[number, number, number]> = [];
  engine.setEventHandler({ onRoomStateChanged: (_r, reason, code) => seen.push([w.now, reason, code]) });
  engine.loginRoom('r', { userID: 'A' });
  w.at(1000);
  return { engine, seen, errors };
}

/** The same room, its link then cut by the simulated service. */
function offlineRoom(w: World, policy: ReconnectPolicy) {
  const room = loggedInRoom(w, policy);
  w.service.setNetwork('A', false);
  return room;
}

describe('a reconnect policy on virtual time never hangs the clock', () => {
  test(`"retry at once" every time: the first retry is at once, every later one at least ${100} ms apart`, () => {
    const w = new World();
    const { policy, calls } = guarded(
      () => 0,
      () => w.now,
    );
    const { seen } = offlineRoom(w, policy);
    w.at(1550);
    expect(MIN_REPEAT_RETRY_DELAY_MS).toBe(100);
    expect(calls).toEqual([
      [1000, 0],
      [1000, 1],
      [1100, 2],
      [1200, 3],
      [1300, 4],
      [1400, 5],
      [1500, 6],
    ]);
    expect(seen).toEqual([
      [0, R.Logining, 0],
      [120, R.Logined, 0],
      [1000, R.Reconnecting, 1002051],
    ]);
  });

  test('Infinity is clamped to the longest timer: no storm, and the window still ends at 20 minutes', () => {
    const w = new World();
    const { policy, calls } = guarded(
      () => Infinity,
      () => w.now,
    );
    const { seen } = offlineRoom(w, policy);
    w.at(1000 + RETRY_WINDOW_MS + 1000);
    expect(MAX_TIMER_DELAY_MS).toBe(2 ** 31 - 1);
    expect(calls).toEqual([[1000, 0]]);
    expect(seen.slice(2)).toEqual([
      [1000, R.Reconnecting, 1002051],
      [1000 + RETRY_WINDOW_MS, R.ReconnectFailed, 1002053],
    ]);
  });

  test.each([
    ['the string "500"', () => '500'],
    ['the BigInt 500n', () => BigInt(500)],
    ['NaN', () => NaN],
    ['an object', () => ({ ms: 500 })],
  ])('%s is not a delay: the outage ends as when the policy throws (ReconnectFailed 1002053 at once, one call)', (_n, result) => {
    const w = new World();
    const { policy, calls } = guarded(result, () => w.now);
    const { seen, errors } = offlineRoom(w, policy);
    w.at(5000);
    expect(calls).toEqual([[1000, 0]]);
    expect(seen.slice(2)).toEqual([
      [1000, R.Reconnecting, 1002051],
      [1000, R.ReconnectFailed, 1002053],
    ]);
    expect(errors.some((m) => m.includes('reconnect policy'))).toBe(true);
  });
});

describe('a policy result that cannot be read never escapes into the app', () => {
  test.each([
    ['a Symbol', () => Symbol('delay')],
    [
      'an object whose valueOf throws',
      () => ({
        valueOf: () => {
          throw new Error('valueOf bomb');
        },
      }),
    ],
  ])(
    '%s: setNetworkReachable(false) does not throw, and the room ends with ReconnectFailed instead of hanging in Reconnecting',
    (_n, result) => {
      const w = new World();
      const { policy } = guarded(result, () => w.now);
      const { engine, seen } = loggedInRoom(w, policy);
      expect(() => engine.setNetworkReachable(false)).not.toThrow();
      w.at(5000);
      expect(seen.slice(2)).toEqual([
        [1000, R.Reconnecting, 1002051],
        [1000, R.ReconnectFailed, 1002053],
      ]);
      expect(engine.roomPhase('r')).toBe('Idle');
    },
  );

  test('the same through a driver timer turn (the network drops and the first retry fails)', () => {
    const w = new World();
    let n = 0;
    const policy: ReconnectPolicy = { nextRetryDelayMs: () => (n++ === 0 ? 0 : (Symbol('x') as unknown as number)) };
    const { seen } = offlineRoom(w, policy);
    expect(() => w.at(5000)).not.toThrow();
    expect(seen.slice(2)).toEqual([
      [1000, R.Reconnecting, 1002051],
      [expect.any(Number), R.ReconnectFailed, 1002053],
    ]);
  });
});

describe('on host timers a long delay never fires at once', () => {
  afterEach(() => jest.useRealTimers());

  test('a delay above 2^31−1 ms (or Infinity) does not storm: one policy call in a minute', () => {
    // Jest's fake timers behave like Node and browsers: a delay above 2^31−1 ms fires after 1 ms.
    jest.useFakeTimers({ now: 1_700_000_000_000 });
    for (const huge of [2 ** 31, 3e9, Infinity]) {
      const clock = hostClock();
      const service = new SimulatedRoomService({ clock });
      let calls = 0;
      const engine = ZegoExpressEngine.createEngine({
        appID: 1,
        driver: service.createDriver('A'),
        clock,
        reconnectPolicy: {
          nextRetryDelayMs: () => {
            calls++;
            return calls > 5000 ? null : huge;
          },
        },
        logger: { warn: () => undefined, error: () => undefined },
      });
      const seen: number[] = [];
      engine.setEventHandler({ onRoomStateChanged: (_r, reason) => seen.push(reason) });
      engine.loginRoom('r', { userID: 'A' });
      jest.advanceTimersByTime(1000);
      service.setNetwork('A', false);
      jest.advanceTimersByTime(60_000);
      expect([huge, calls]).toEqual([huge, 1]);
      expect(seen).toEqual([R.Logining, R.Logined, R.Reconnecting]);
      engine.destroy();
    }
  });
});
