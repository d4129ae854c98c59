// Issue 11, defect 7: the boundary never loses events. bridgeDrain serializes event by event: one that
// cannot be serialized becomes a bridgeError event for its engine and every other event still arrives;
// a room ID too long to be valid is refused by validation and never copied into the queue.
import { SimulatedRoomService } from '../src/index';
import { MAX_DRAIN_EVENT_CHARS } from '../src/boundary/bridge';
import { simulatorBridge } from './bridgeUnderTest';
const { invoke: bridgeInvoke, drain: bridgeDrain, reset: bridgeReset, registerDriver: registerBridgeDriver } = simulatorBridge();

type Ev = { engine: string; event: string; args: unknown[]; callbackId?: number };
const call = (o: unknown) => JSON.parse(bridgeInvoke(JSON.stringify(o)));

/** A driver (the simulator's) that, once started, queues one command whose arguments the factory chooses. */
function registerSmuggler(name: string, args: () => unknown[]) {
  registerBridgeDriver(name, (_req, ctx) => {
    const driver = new SimulatedRoomService({ clock: ctx.clock }).createDriver(ctx.clientId);
    const start = driver.start.bind(driver);
    driver.start = (c) => {
      start(c);
      ctx.emit('smuggled', args());
    };
    return driver;
  });
}

describe('bridgeDrain never loses the queue', () => {
  beforeEach(() => bridgeReset());
  afterAll(() => bridgeReset());

  test.each([
    ['a BigInt', () => [BigInt(10)]],
    [
      'a cyclic value',
      () => {
        const o: Record<string, unknown> = {};
        o.self = o;
        return [o];
      },
    ],
    [
      'a value whose toJSON throws',
      () => [
        {
          toJSON: () => {
            throw new Error('toJSON bomb');
          },
        },
      ],
    ],
  ])("an event carrying %s becomes a bridgeError for its engine; another engine's login callback still arrives", (_n, args) => {
    registerSmuggler('smuggler', args);
    const bad = call({ op: 'createEngine', driver: 'smuggler', simulator: { clock: 'virtual' }, clientId: 'S' }).engine as string;
    const good = call({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'G' }).engine as string;
    call({ op: 'loginRoom', engine: good, callbackId: 7, roomID: 'room1', user: { userID: 'G' } });
    call({ op: 'simAdvance', ms: 1000 });
    let out = '';
    expect(() => {
      out = bridgeDrain();
    }).not.toThrow();
    const evs = JSON.parse(out) as Ev[];
    expect(evs[0]).toEqual({
      engine: bad,
      event: 'bridgeError',
      args: [1000017, 'smuggled', expect.stringContaining('could not be serialized')],
    });
    expect(evs.filter((e) => e.engine === good).map((e) => [e.event, e.callbackId ?? null, e.args[0], e.args[1]])).toEqual([
      ['onRoomStateChanged', null, 'room1', 0],
      ['onRoomStateUpdate', null, 'room1', 1],
      ['onRoomStateChanged', null, 'room1', 1],
      ['onRoomStateUpdate', null, 'room1', 2],
      ['callback', 7, 0, expect.any(String)],
    ]);
    expect(bridgeDrain()).toBe('[]');
  });

  test('a bridgeError keeps the callbackId of the event it replaces, so the waiting C# callback still gets one answer', () => {
    // A driver whose login answer carries an extendedData that is not a string (a BigInt).
    registerBridgeDriver('oddext', (_req, ctx) => {
      const driver = new SimulatedRoomService({ clock: ctx.clock }).createDriver(ctx.clientId);
      const start = driver.start.bind(driver);
      driver.start = (c) =>
        start({
          ...c,
          events: { ...c.events, onLoginResult: (room, id, code) => c.events.onLoginResult(room, id, code, BigInt(1) as never) },
        });
      return driver;
    });
    const e = call({ op: 'createEngine', driver: 'oddext', simulator: { clock: 'virtual' }, clientId: 'S' }).engine as string;
    expect(call({ op: 'loginRoom', engine: e, callbackId: 3, roomID: 'r', user: { userID: 'S' } })).toEqual({ ok: true });
    call({ op: 'simAdvance', ms: 1000 });
    const evs = JSON.parse(bridgeDrain()) as Ev[];
    expect(evs.map((x) => [x.event, x.callbackId ?? null, x.args[0], x.args[1]])).toEqual([
      ['onRoomStateChanged', null, 'r', 0],
      ['onRoomStateUpdate', null, 'r', 1],
      ['bridgeError', null, 1000017, 'onRoomStateChanged'],
      ['bridgeError', null, 1000017, 'onRoomStateUpdate'],
      ['bridgeError', 3, 1000017, 'callback'],
    ]);
  });

  test(`a room ID of 2 million characters is refused with 1002013 and never echoed: every drained event stays short`, () => {
    const e = call({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'u1' }).engine as string;
    const other = call({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'u2' }).engine as string;
    const huge = 'r'.repeat(2_000_000);
    expect(
      JSON.parse(bridgeInvoke(`{"op":"loginRoom","engine":"${e}","callbackId":1,"roomID":"${huge}","user":{"userID":"u1"}}`)),
    ).toEqual({ ok: true });
    call({ op: 'loginRoom', engine: other, callbackId: 2, roomID: 'room1', user: { userID: 'u2' } });
    call({ op: 'simAdvance', ms: 1000 });
    const out = bridgeDrain();
    expect(out.length).toBeLessThan(4000);
    const evs = JSON.parse(out) as Ev[];
    expect(evs.filter((x) => x.engine === e).map((x) => [x.event, x.args[0], x.args[1], x.args[2]])).toEqual([
      ['onRoomStateChanged', '', 2, 1002013],
      ['onDebugError', 1002013, 'loginRoom', 'error 1002013 for a room ID of 2000000 characters'],
      ['callback', 1002013, '', undefined],
    ]);
    expect(evs.find((x) => x.engine === other && x.event === 'callback')).toMatchObject({
      callbackId: 2,
      args: [0, expect.any(String)],
    });
  });

  test('a boundary failure never echoes a huge engine id or op into the queue or the answer', () => {
    const huge = 'e'.repeat(1_000_000);
    const a = bridgeInvoke(`{"op":"loginRoom","engine":"${huge}","callbackId":1,"roomID":"r","user":{"userID":"u"}}`);
    const b = bridgeInvoke(`{"op":"${huge}"}`);
    expect(JSON.parse(a)).toMatchObject({ ok: false, error: 1000002 });
    expect(JSON.parse(b)).toMatchObject({ ok: false, error: 1000017 });
    expect(a.length + b.length).toBeLessThan(1500);
    expect(bridgeDrain()).toBe('[]');
  });

  test('one drain returns at most MAX_DRAIN_BATCH_CHARS characters (always at least one event); the rest stays queued for the next drain, in order', () => {
    registerSmuggler('bulky', () => ['x'.repeat(MAX_DRAIN_EVENT_CHARS - 100)]);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(call({ op: 'createEngine', driver: 'bulky', simulator: { clock: 'virtual' }, clientId: `B${i}` }).engine);
    const seen: string[] = [];
    for (let turn = 0; turn < 5; turn++) {
      const evs = JSON.parse(bridgeDrain()) as Ev[];
      seen.push(...evs.map((x) => `${turn}:${x.engine}:${x.event}:${(x.args[0] as string).length}`));
    }
    expect(seen).toEqual(ids.map((id, i) => `${i}:${id}:smuggled:${MAX_DRAIN_EVENT_CHARS - 100}`));
  });

  test('an event larger than one event may be is replaced by a bridgeError, not dropped silently', () => {
    registerSmuggler('toolarge', () => ['x'.repeat(MAX_DRAIN_EVENT_CHARS + 1)]);
    const e = call({ op: 'createEngine', driver: 'toolarge', simulator: { clock: 'virtual' }, clientId: 'T' }).engine;
    expect(JSON.parse(bridgeDrain())).toEqual([
      { engine: e, event: 'bridgeError', args: [1000017, 'smuggled', expect.stringContaining('too large')] },
    ]);
  });
});
