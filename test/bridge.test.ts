// The JSON boundary the C# shim uses (docs/BOUNDARY.md), driven as C# drives it.
import { createBridge } from '../src/boundary/bridge';
import { simulatorBridge } from './bridgeUnderTest';
import { R } from './helpers';
const { invoke: bridgeInvoke, drain: bridgeDrain, reset: bridgeReset, pending: bridgePending } = simulatorBridge();

type Ev = { engine: string; event: string; args: unknown[]; callbackId?: number };
const call = (req: unknown) => JSON.parse(bridgeInvoke(JSON.stringify(req)));
const drain = (): Ev[] => JSON.parse(bridgeDrain());

beforeEach(() => bridgeReset());

describe('bridge', () => {
  test('bridgePending counts the events bridgeDrain would return: 0 on a quiet frame, 0 again once drained', () => {
    expect(bridgePending()).toBe(0);
    const a = call({ op: 'createEngine', appID: 1, simulator: { clock: 'virtual', startMs: 0 }, clientId: 'A' }).engine;
    expect(bridgePending()).toBe(0);
    call({ op: 'loginRoom', engine: a, roomID: 'room1', user: { userID: 'A' }, callbackId: 1 });
    call({ op: 'simAdvance', ms: 1000 });
    const waiting = bridgePending();
    expect(waiting).toBeGreaterThan(0);
    expect(drain()).toHaveLength(waiting);
    expect(bridgePending()).toBe(0);
    expect(bridgeDrain()).toBe('[]');
    call({ op: 'logoutRoom', engine: 'e99', callbackId: 2 }); // a refused request still queues its callback
    expect(bridgePending()).toBe(1);
  });

  test("reconnection case 3 of ZEGO's room connection status page through the boundary: Reconnecting, B's Delete at 90 s, ReconnectFailed at 20 min", () => {
    const sim = { clock: 'virtual', startMs: 0 };
    const a = call({ op: 'createEngine', appID: 1, simulator: sim, clientId: 'A' }).engine;
    const b = call({ op: 'createEngine', appID: 1, clientId: 'B' }).engine;
    call({ op: 'loginRoom', engine: b, roomID: 'room1', user: { userID: 'B' }, config: { isUserStatusNotify: true } });
    call({
      op: 'loginRoom',
      engine: a,
      roomID: 'room1',
      user: { userID: 'A', userName: 'A' },
      config: { isUserStatusNotify: true },
      callbackId: 7,
    });
    call({ op: 'simAdvance', ms: 1000 });
    const login = drain().filter((e) => e.engine === a);
    expect(login.map((e) => [e.event, e.event === 'callback' ? e.args[0] : e.args[1]])).toEqual([
      ['onRoomStateChanged', R.Logining],
      ['onRoomStateUpdate', 1],
      ['onRoomStateChanged', R.Logined],
      ['onRoomStateUpdate', 2],
      ['callback', 0],
      ['onRoomUserUpdate', 0],
    ]);
    expect(login[4].callbackId).toBe(7);
    call({ op: 'simSetNetwork', clientId: 'A', online: false });
    call({ op: 'simAdvance', ms: 25 * 60_000 });
    const events = drain().filter((e) => e.event === 'onRoomStateChanged' || e.event === 'onRoomUserUpdate');
    expect(events).toEqual([
      { engine: a, event: 'onRoomStateChanged', args: ['room1', R.Reconnecting, 1002051, ''] },
      { engine: b, event: 'onRoomUserUpdate', args: ['room1', 1, [{ userID: 'A', userName: 'A' }]] },
      { engine: a, event: 'onRoomStateChanged', args: ['room1', R.ReconnectFailed, 1002053, ''] },
    ]);
  });

  test('malformed requests answer with an error code and throw nothing', () => {
    call({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'A' });
    expect(JSON.parse(bridgeInvoke('not json'))).toEqual({ ok: false, error: 1000017, message: 'request is not a JSON object' });
    expect(JSON.parse(bridgeInvoke('[1,2]')).error).toBe(1000017);
    expect(JSON.parse(bridgeInvoke(undefined as unknown as string)).error).toBe(1000017);
    expect(call({ op: 'nope' }).error).toBe(1000017);
    expect(call({ op: 'loginRoom', engine: 'e999', roomID: 'r', user: { userID: 'A' }, callbackId: 3 })).toMatchObject({
      ok: false,
      error: 1000002,
    });
    expect(drain()).toEqual([{ engine: 'e999', event: 'callback', callbackId: 3, args: [1000002, ''] }]);
    expect(call({ op: 'createEngine', driver: 'web' })).toMatchObject({ ok: false, error: 1000017 });
    expect(call({ op: 'createEngine', roomMode: 7 })).toMatchObject({ ok: false, error: 1000017 });
  });

  test("wrong types inside a valid request go through the engine's own checks", () => {
    const e = call({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'A' }).engine;
    expect(call({ op: 'loginRoom', engine: e, roomID: 42, user: { userID: 'A' }, callbackId: 1 })).toEqual({ ok: true });
    expect(call({ op: 'loginRoom', engine: e, roomID: 'r', user: null, callbackId: 2 })).toEqual({ ok: true });
    call({ op: 'simAdvance', ms: 10 });
    const cbs = drain()
      .filter((x) => x.event === 'callback')
      .map((x) => [x.callbackId, x.args[0]]);
    expect(cbs).toEqual([
      [1, 1002012],
      [2, 1002005],
    ]);
  });

  test('calls after destroyEngine give 1000002 and no events', () => {
    const e = call({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'A' }).engine;
    call({ op: 'loginRoom', engine: e, roomID: 'r', user: { userID: 'A' } });
    call({ op: 'simAdvance', ms: 1000 });
    drain();
    expect(call({ op: 'destroyEngine', engine: e })).toEqual({ ok: true });
    expect(call({ op: 'logoutRoom', engine: e, callbackId: 5 })).toMatchObject({ ok: false, error: 1000002 });
    call({ op: 'simAdvance', ms: 1000 });
    expect(drain()).toEqual([{ engine: e, event: 'callback', callbackId: 5, args: [1000002, ''] }]);
  });

  test("simDuplicateLogin kicks the app's user with 1002050; simKickOut with 1002055", () => {
    const e = call({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'A', roomMode: 1 }).engine;
    call({ op: 'loginRoom', engine: e, roomID: 'r1', user: { userID: 'A' } });
    call({ op: 'loginRoom', engine: e, roomID: 'r2', user: { userID: 'A' } });
    call({ op: 'simAdvance', ms: 1000 });
    drain();
    call({ op: 'simDuplicateLogin', roomID: 'r1', userID: 'A' });
    expect(call({ op: 'simKickOut', roomID: 'r2', userID: 'A' })).toEqual({ ok: true, kicked: true });
    call({ op: 'simAdvance', ms: 1000 });
    const kicks = drain()
      .filter((x) => x.engine === e && x.event === 'onRoomStateChanged')
      .map((x) => x.args);
    expect(kicks).toEqual([
      ['r2', R.KickOut, 1002055, ''],
      ['r1', R.KickOut, 1002050, ''],
    ]);
  });

  test("createBridge: bridges share nothing — engine ids, queues, worlds and drivers are each bridge's own", () => {
    const other = simulatorBridge();
    const otherCall = (req: unknown) => JSON.parse(other.invoke(JSON.stringify(req)));
    const mine = call({ op: 'createEngine', clock: 'virtual', startMs: 0, clientId: 'A' }).engine;
    expect(otherCall({ op: 'createEngine', clock: 'virtual', startMs: 500, clientId: 'A' }).engine).toBe('e1');
    call({ op: 'loginRoom', engine: mine, roomID: 'r', user: { userID: 'A' }, callbackId: 1 });
    call({ op: 'simAdvance', ms: 1000 });
    expect(call({ op: 'simNow' }).now).toBe(1000);
    expect(otherCall({ op: 'simNow' }).now).toBe(500);
    expect(drain().filter((e) => e.event === 'callback')).toEqual([
      { engine: mine, event: 'callback', callbackId: 1, args: [0, '{"room_session_id":"1"}'] },
    ]);
    expect(other.drain()).toBe('[]');
    // A bare bridge has no driver at all until one registers.
    const bare = createBridge();
    expect(JSON.parse(bare.invoke('{"op":"createEngine"}'))).toMatchObject({ ok: false, error: 1000017 });
    expect(JSON.parse(bare.invoke('{"op":"simNow"}'))).toEqual({ ok: false, error: 1000017, message: 'unknown op "simNow"' });
  });

  test('the clock is a top-level createEngine field; simulator.clock/startMs are still read, top-level wins', () => {
    call({ op: 'createEngine', clock: 'virtual', startMs: 42, clientId: 'A' });
    expect(call({ op: 'simAdvance', ms: 8 })).toEqual({ ok: true, now: 50 });
    call({ op: 'createEngine', world: 'old', simulator: { clock: 'virtual', startMs: 7 }, clientId: 'B' });
    expect(call({ op: 'simNow', world: 'old' })).toEqual({ ok: true, now: 7 });
    call({
      op: 'createEngine',
      world: 'both',
      clock: 'virtual',
      startMs: 3,
      simulator: { clock: 'host', startMs: 9 },
      clientId: 'C',
    });
    expect(call({ op: 'simAdvance', world: 'both', ms: 1 })).toEqual({ ok: true, now: 4 });
    expect(call({ op: 'createEngine', world: 'bad', clock: 'fast' })).toEqual({
      ok: false,
      error: 1000017,
      message: '"clock" must be "host" or "virtual"',
    });
    expect(call({ op: 'simNow', world: 'bad' })).toEqual({ ok: false, error: 1000017, message: 'no simulated world "bad"' });
  });

  test("a native engine on the host clock gets no simulated world; on a virtual clock it shares its world's time", () => {
    expect(call({ op: 'createEngine', driver: 'native', world: 'n' })).toMatchObject({ ok: true });
    expect(call({ op: 'simNow', world: 'n' })).toEqual({ ok: false, error: 1000017, message: 'no simulated world "n"' });
    expect(call({ op: 'createEngine', driver: 'native', world: 'v', clock: 'virtual', startMs: 100 })).toMatchObject({
      ok: true,
    });
    expect(call({ op: 'simAdvance', world: 'v', ms: 5 })).toEqual({ ok: true, now: 105 });
  });
});
