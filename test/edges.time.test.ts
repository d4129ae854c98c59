// Issue 11, defect 6: time values at the edges. A clock is never moved by a span that is not a finite
// number ≥ 0, simAdvance answers an error for an unreasonable span instead of running unbounded, and
// a timer longer than the host's 2^31−1 ms limit fires when it is due, not at once.
import {
  SimulatedRoomService,
  VirtualClock,
  ZegoExpressEngine,
  makeTestToken04,
  ZegoRoomStateChangedReason as R,
} from '../src/index';
import { hostClock } from '../src/host/clock';
import { MAX_SIM_ADVANCE_MS } from '../src/simulator/bridgeDriver';
import { simulatorBridge } from './bridgeUnderTest';
const { invoke: bridgeInvoke, drain: bridgeDrain, reset: bridgeReset } = simulatorBridge();

describe('a virtual clock moves only by a finite span ≥ 0', () => {
  test.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['-Infinity', -Infinity],
    ['a negative span', -1],
  ])('advanceSync(%s) throws RangeError, fires nothing and leaves now() unchanged', (_n, ms) => {
    const c = new VirtualClock(5000);
    const fired: number[] = [];
    c.setTimeout(() => fired.push(c.now()), 100);
    expect(() => c.advanceSync(ms)).toThrow(RangeError);
    expect(c.now()).toBe(5000);
    expect(fired).toEqual([]);
    c.advanceSync(100);
    expect(fired).toEqual([5100]);
  });

  test.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a negative span', -5],
  ])('advance(%s) rejects with RangeError and leaves time unchanged', async (_n, ms) => {
    const c = new VirtualClock(5000);
    const fired: number[] = [];
    c.setTimeout(() => fired.push(c.now()), 100);
    await expect(c.advance(ms)).rejects.toThrow(RangeError);
    expect(c.now()).toBe(5000);
    expect(fired).toEqual([]);
  });

  test('advanceTo a time in the past is a negative span: RangeError', async () => {
    const c = new VirtualClock(5000);
    await expect(c.advanceTo(4000)).rejects.toThrow(RangeError);
    expect(c.now()).toBe(5000);
  });
});

describe('simAdvance answers an error for a span it cannot run, and never runs unbounded', () => {
  beforeEach(() => bridgeReset());
  afterAll(() => bridgeReset());
  const call = (o: unknown) => JSON.parse(bridgeInvoke(JSON.stringify(o)));

  test.each([
    ['1e15 ms', 1e15],
    ['1e300 ms', 1e300],
    ['a negative span', -1],
    ['one ms over the bound', 24 * 3600_000 + 1],
  ])('%s: ok:false with 1000017, time unchanged, the logged-in room still logged in', (_n, ms) => {
    const e = call({ op: 'createEngine', simulator: { clock: 'virtual', startMs: 0 }, clientId: 'u1' }).engine as string;
    call({ op: 'loginRoom', engine: e, roomID: 'home', user: { userID: 'u1' } });
    call({ op: 'simAdvance', ms: 1000 });
    bridgeDrain();
    const answer = call({ op: 'simAdvance', ms });
    expect(MAX_SIM_ADVANCE_MS).toBe(24 * 3600_000);
    expect(answer).toMatchObject({ ok: false, error: 1000017 });
    expect(answer.message).toContain('86400000');
    expect(call({ op: 'simNow' })).toEqual({ ok: true, now: 1000 });
    expect(bridgeDrain()).toBe('[]');
  });

  test('a whole day in one call is allowed and ends at the right time', () => {
    call({ op: 'createEngine', simulator: { clock: 'virtual', startMs: 0 }, clientId: 'u1' });
    expect(call({ op: 'simAdvance', ms: MAX_SIM_ADVANCE_MS })).toEqual({ ok: true, now: MAX_SIM_ADVANCE_MS });
  });

  test('a world whose start is not a usable time (1e22, beyond the largest Date) is refused at createEngine', () => {
    expect(call({ op: 'createEngine', simulator: { clock: 'virtual', startMs: 1e22 } })).toMatchObject({
      ok: false,
      error: 1000017,
    });
    expect(() => new VirtualClock(1e22)).toThrow(RangeError);
    expect(() => new VirtualClock(NaN)).toThrow(RangeError);
  });

  test('a non-number span (a string, null) is refused the same way', () => {
    call({ op: 'createEngine', simulator: { clock: 'virtual', startMs: 0 }, clientId: 'u1' });
    expect(call({ op: 'simAdvance', ms: '1000' })).toMatchObject({ ok: false, error: 1000017 });
    expect(call({ op: 'simAdvance', ms: null })).toMatchObject({ ok: false, error: 1000017 });
    expect(call({ op: 'simNow' })).toEqual({ ok: true, now: 0 });
  });
});

describe('on host timers a long timer fires when due, not at once', () => {
  afterEach(() => jest.useRealTimers());

  test('a Token04 valid for 30 days gets no KickOut right after Logined (host timers cap delays at 2^31−1 ms)', () => {
    // Jest's fake timers behave like Node and browsers: a delay above 2^31−1 ms fires after 1 ms.
    jest.useFakeTimers({ now: 1_700_000_000_000 });
    const clock = hostClock();
    const service = new SimulatedRoomService({ clock, verifyToken: () => true });
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: service.createDriver('A'),
      clock,
      logger: { warn: () => undefined, error: () => undefined },
    });
    const seen: Array<[number, number]> = [];
    engine.setEventHandler({ onRoomStateChanged: (_r, reason, code) => seen.push([reason, code]) });
    const thirtyDaysSec = 30 * 24 * 3600;
    engine.loginRoom(
      'r',
      { userID: 'A' },
      { token: makeTestToken04({ expireAtSec: Math.floor(Date.now() / 1000) + thirtyDaysSec }) },
    );
    jest.advanceTimersByTime(60_000);
    expect(seen).toEqual([
      [R.Logining, 0],
      [R.Logined, 0],
    ]);
    engine.destroy();
  });

  test('a 30-day timer is chained under the limit and fires exactly when due; clearTimeout stops the chain', () => {
    jest.useFakeTimers({ now: 0 });
    const clock = hostClock();
    const thirtyDays = 30 * 24 * 3600_000;
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(Date.now()), thirtyDays);
    const cancelled = clock.setTimeout(() => fired.push(-1), thirtyDays);
    jest.advanceTimersByTime(2 ** 31); // past the first link of the chain
    clock.clearTimeout(cancelled);
    jest.advanceTimersByTime(thirtyDays - 1 - 2 ** 31);
    expect(fired).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(fired).toEqual([thirtyDays]);
    jest.advanceTimersByTime(thirtyDays);
    expect(fired).toEqual([thirtyDays]);
  });

  test('an Infinity or NaN delay on host timers fires on the next turn (as hosts do), never throws', () => {
    jest.useFakeTimers({ now: 0 });
    const clock = hostClock();
    const fired: string[] = [];
    expect(() => clock.setTimeout(() => fired.push('nan'), NaN)).not.toThrow();
    expect(() => clock.setTimeout(() => fired.push('infinity'), Infinity)).not.toThrow();
    jest.advanceTimersByTime(1);
    expect(fired).toEqual(['nan', 'infinity']);
  });
});
