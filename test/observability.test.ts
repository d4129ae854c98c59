// The logger (levels, context, one prefix, stacks, no tokens) and the transition trace (createEngine({ trace })
// and the bridge's `trace` events): what a developer reads when something went wrong on a device.
import { simulatorBridge } from './bridgeUnderTest';
import { consoleLogger, Log } from '../src/host/log';
import {
  SimulatedRoomService,
  VirtualClock,
  ZegoExpressEngine,
  ZegoRoomStateChangedReason as R,
  makeTestToken04,
  seededRandom,
  type RoomDriver,
  type TraceRecord,
} from '../src/index';

const sinkOf = () => {
  const lines: Array<[string, string]> = [];
  const sink = {
    debug: (m: string) => lines.push(['debug', m]),
    info: (m: string) => lines.push(['info', m]),
    warn: (m: string) => lines.push(['warn', m]),
    error: (m: string) => lines.push(['error', m]),
  };
  return { lines, sink };
};

describe('logger', () => {
  test('four levels, the prefix once, the context in brackets', () => {
    const { lines, sink } = sinkOf();
    const log = new Log(sink, { engine: 'e1' });
    log.debug('a');
    log.with({ room: 'room1' }).info('b');
    log.warn('c', undefined, { room: 'my room', attempt: 3 });
    new Log(sink).error('d');
    expect(lines).toEqual([
      ['debug', 'zego-room-bridge [engine=e1]: a'],
      ['info', 'zego-room-bridge [engine=e1 room=room1]: b'],
      ['warn', 'zego-room-bridge [engine=e1 room="my room" attempt=3]: c'],
      ['error', 'zego-room-bridge: d'],
    ]);
  });

  test('a sink without debug/info gets only warnings and errors; one that throws is ignored', () => {
    const lines: string[] = [];
    const log = new Log({
      warn: (m) => lines.push(m),
      error: () => {
        throw new Error('broken console');
      },
    });
    expect(log.debugEnabled).toBe(false);
    log.debug('x');
    log.info('y');
    log.warn('z');
    expect(() => log.error('w')).not.toThrow();
    expect(lines).toEqual(['zego-room-bridge: z']);
  });

  test('consoleLogger keeps warn and error by default, more when asked', () => {
    expect(Object.keys(consoleLogger()).sort()).toEqual(['error', 'warn']);
    expect(Object.keys(consoleLogger('debug')).sort()).toEqual(['debug', 'error', 'info', 'warn']);
    expect(Object.keys(consoleLogger('info')).sort()).toEqual(['error', 'info', 'warn']);
  });

  test("an error keeps its stack: where the app's handler threw is in the line", () => {
    const clock = new VirtualClock(0);
    const service = new SimulatedRoomService({ clock });
    const { lines, sink } = sinkOf();
    const engine = ZegoExpressEngine.createEngine({ appID: 1, driver: service.createDriver('A'), clock, logger: sink, id: 'e7' });
    function appHandlerWithABug(): never {
      throw new TypeError('app bug');
    }
    engine.setEventHandler({ onRoomStateChanged: () => appHandlerWithABug() });
    engine.loginRoom('r', { userID: 'A' });
    clock.advanceSync(1000);
    const errors = lines.filter(([level]) => level === 'error').map(([, m]) => m);
    expect(errors).toHaveLength(2); // Logining and Logined, each reported
    expect(errors[0].startsWith("zego-room-bridge [engine=e7]: the app's onRoomStateChanged threw: TypeError: app bug\n")).toBe(
      true,
    );
    expect(errors[0]).toContain('appHandlerWithABug');
    expect(errors[0]).toContain('observability.test.ts');
  });

  test('a token in a message, a cause or a context is never printed', () => {
    const token = makeTestToken04({ expireAtSec: 1_800_000_000 });
    const { lines, sink } = sinkOf();
    const log = new Log(sink, { engine: 'e1' });
    // Unregistered: caught by its Token04 shape.
    log.warn(`renew failed for ${token}`, new Error(`server said ${token}`), { room: token });
    // Registered: any string the engine was given as a token, whatever its shape.
    log.secrets.add('not-a-token04-but-secret');
    log.error('x', 'oops not-a-token04-but-secret', { room: 'r', attempt: 'not-a-token04-but-secret' });
    expect(lines).toHaveLength(2);
    for (const [, line] of lines) {
      expect(line).not.toContain(token);
      expect(line).not.toContain(token.slice(2, 40));
      expect(line).not.toContain('not-a-token04-but-secret');
    }
    expect(
      lines[0][1].startsWith('zego-room-bridge [engine=e1 room=(token)]: renew failed for (token): Error: server said (token)'),
    ).toBe(true);
  });

  test('a string too short to be a token is not scrubbed from ordinary words', () => {
    const { lines, sink } = sinkOf();
    const log = new Log(sink);
    log.secrets.add('tok');
    log.warn('token must be a non-empty string');
    expect(lines).toEqual([['warn', 'zego-room-bridge: token must be a non-empty string']]);
  });

  test("a driver whose error quotes the token: the engine's log line has the stack, not the token", () => {
    const clock = new VirtualClock(0);
    const token = 'my-app-token-1234567890';
    const { lines, sink } = sinkOf();
    const driver: RoomDriver = {
      start: () => undefined,
      stop: () => undefined,
      logout: () => undefined,
      cancelLogin: () => undefined,
      switchRoom: () => undefined,
      renewToken: () => undefined,
      login: (req) => {
        throw new Error(`rejected token ${req.token}`);
      },
    };
    const engine = ZegoExpressEngine.createEngine({ appID: 1, driver, clock, logger: sink, id: 'e2', random: seededRandom(1) });
    engine.loginRoom('r', { userID: 'A' }, { token });
    const errors = lines.filter(([level]) => level === 'error').map(([, m]) => m);
    expect(errors[0].startsWith('zego-room-bridge [engine=e2 room=r]: driver.login threw: Error: rejected token (token)\n')).toBe(
      true,
    );
    for (const [, line] of lines) expect(line).not.toContain(token);
  });

  test('with a debug sink every transition is logged with its room', () => {
    const clock = new VirtualClock(0);
    const service = new SimulatedRoomService({ clock });
    const { lines, sink } = sinkOf();
    const engine = ZegoExpressEngine.createEngine({ appID: 1, driver: service.createDriver('A'), clock, logger: sink, id: 'e3' });
    engine.loginRoom('r', { userID: 'A' });
    clock.advanceSync(1000);
    expect(lines.filter(([level]) => level === 'debug')).toEqual([
      ['debug', 'zego-room-bridge [engine=e3 room=r]: Idle --login--> Logining'],
      ['debug', 'zego-room-bridge [engine=e3 room=r]: Logining --attemptOk--> Logined'],
    ]);
  });
});

describe('trace', () => {
  function traced(
    trace: (r: TraceRecord) => void,
    logger = { warn: () => undefined, error: () => undefined } as { warn(m: string): void; error(m: string): void },
  ) {
    const clock = new VirtualClock(5_000);
    const service = new SimulatedRoomService({ clock });
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: service.createDriver('A'),
      clock,
      random: seededRandom(1),
      id: 'eA',
      trace,
      logger,
    });
    const states: Array<[number, R, number]> = [];
    engine.setEventHandler({ onRoomStateChanged: (_room, reason, code) => states.push([clock.now(), reason, code]) });
    return { clock, service, engine, states };
  }

  test('a login and a lost link: every call, driver report, transition and app event, in order, on the clock', () => {
    const records: TraceRecord[] = [];
    const { clock, service, engine } = traced((r) => records.push(r));
    engine.loginRoom('room1', { userID: 'A' }, { isUserStatusNotify: true }, () => undefined);
    clock.advanceSync(1000);
    service.setNetwork('A', false);
    clock.advanceSync(0);
    expect(records).toEqual([
      { t: 5000, engine: 'eA', kind: 'call', name: 'createEngine', args: [{ appID: 1, roomMode: 0 }] },
      {
        t: 5000,
        engine: 'eA',
        kind: 'call',
        name: 'loginRoom',
        room: 'room1',
        args: ['room1', { userID: 'A' }, { isUserStatusNotify: true }],
      },
      { t: 5000, engine: 'eA', kind: 'transition', room: 'room1', from: 'Idle', to: 'Logining', input: 'login', code: 0 },
      { t: 5000, engine: 'eA', kind: 'event', name: 'onRoomStateChanged', room: 'room1', args: ['room1', R.Logining, 0, ''] },
      { t: 5000, engine: 'eA', kind: 'event', name: 'onRoomStateUpdate', room: 'room1', args: ['room1', 1, 0, ''] },
      {
        t: 5120,
        engine: 'eA',
        kind: 'driver',
        name: 'onLoginResult',
        room: 'room1',
        args: ['room1', 1, 0, '{"room_session_id":"1"}'],
      },
      { t: 5120, engine: 'eA', kind: 'transition', room: 'room1', from: 'Logining', to: 'Logined', input: 'attemptOk', code: 0 },
      {
        t: 5120,
        engine: 'eA',
        kind: 'event',
        name: 'onRoomStateChanged',
        room: 'room1',
        args: ['room1', R.Logined, 0, '{"room_session_id":"1"}'],
      },
      {
        t: 5120,
        engine: 'eA',
        kind: 'event',
        name: 'onRoomStateUpdate',
        room: 'room1',
        args: ['room1', 2, 0, '{"room_session_id":"1"}'],
      },
      { t: 5120, engine: 'eA', kind: 'event', name: 'loginRoomCallback', room: 'room1', args: [0, '{"room_session_id":"1"}'] },
      { t: 6000, engine: 'eA', kind: 'driver', name: 'onLinkLost', room: 'room1', args: ['room1', 1, 1002051] },
      {
        t: 6000,
        engine: 'eA',
        kind: 'transition',
        room: 'room1',
        from: 'Logined',
        to: 'Reconnecting',
        input: 'linkLost',
        code: 1002051,
      },
      {
        t: 6000,
        engine: 'eA',
        kind: 'event',
        name: 'onRoomStateChanged',
        room: 'room1',
        args: ['room1', R.Reconnecting, 1002051, ''],
      },
      { t: 6000, engine: 'eA', kind: 'event', name: 'onRoomStateUpdate', room: 'room1', args: ['room1', 1, 1002051, ''] },
      // The default policy's first retry is at once: the attempt fails (no network) and the next is scheduled.
      {
        t: 6000,
        engine: 'eA',
        kind: 'transition',
        room: 'room1',
        from: 'Reconnecting',
        to: 'Reconnecting',
        input: 'retryDue',
        code: 0,
      },
      { t: 6000, engine: 'eA', kind: 'driver', name: 'onLoginResult', room: 'room1', args: ['room1', 2, 1002030, ''] },
      {
        t: 6000,
        engine: 'eA',
        kind: 'transition',
        room: 'room1',
        from: 'Reconnecting',
        to: 'Reconnecting',
        input: 'attemptRetry',
        code: 0,
      },
    ]);
    // Plain JSON: a record survives a round trip unchanged.
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
  });

  test('tokens never appear in a record: loginRoom, switchRoom, renewToken and an echoing server', () => {
    const records: TraceRecord[] = [];
    const { clock, engine } = traced((r) => records.push(r));
    const [t1, t2, t3] = [1, 2, 3].map((n) => makeTestToken04({ expireAtSec: 1_800_000_000 + n }));
    engine.loginRoom('room1', { userID: 'A' }, { token: t1 });
    clock.advanceSync(1000);
    engine.renewToken('room1', t2);
    engine.switchRoom('room1', 'room2', { token: t3 });
    engine.renewToken('room2', 'plain-secret');
    clock.advanceSync(1000);
    const json = JSON.stringify(records);
    for (const token of [t1, t2, t3, 'plain-secret']) expect(json).not.toContain(token);
    const calls = records.filter((r) => r.kind === 'call' && r.name !== 'createEngine').map((r) => [r.name, r.args]);
    expect(calls).toEqual([
      ['loginRoom', ['room1', { userID: 'A' }, { token: '(token)' }]],
      ['renewToken', ['room1', '(token)']],
      ['switchRoom', ['room1', 'room2', { token: '(token)' }]],
      ['renewToken', ['room2', '(token)']],
    ]);
  });

  test('bad input is recorded as plain JSON: no throw, no cycle, no BigInt', () => {
    const records: TraceRecord[] = [];
    const { clock, engine } = traced((r) => records.push(r));
    const cyclic: Record<string, unknown> = { userID: 'A' };
    cyclic.self = cyclic;
    engine.loginRoom(42 as unknown as string, cyclic as unknown as { userID: string }, {
      maxMemberCount: 10n as unknown as number,
    });
    clock.advanceSync(0);
    const call = records.find((r) => r.name === 'loginRoom')!;
    expect(call.room).toBeUndefined();
    const depth4 = { userID: 'A', self: { userID: 'A', self: { userID: 'A', self: { userID: 'A', self: '(…)' } } } };
    expect(call.args).toEqual([42, depth4, { maxMemberCount: '10n' }]);
    expect(JSON.parse(JSON.stringify(records))).toEqual(records);
  });

  test('a throwing trace function changes nothing the app sees and is logged once', () => {
    const plain = traced(() => undefined);
    const errors: string[] = [];
    const broken = traced(
      () => {
        throw new Error('trace bug');
      },
      { warn: () => undefined, error: (m) => errors.push(m) },
    );
    for (const { engine, clock, service } of [plain, broken]) {
      engine.loginRoom('room1', { userID: 'A' });
      clock.advanceSync(1000);
      service.setNetwork('A', false);
      clock.advanceSync(5000);
      service.setNetwork('A', true);
      clock.advanceSync(5000);
    }
    expect(broken.states).toEqual(plain.states);
    expect(broken.states.map(([, reason]) => reason)).toEqual([R.Logining, R.Logined, R.Reconnecting, R.Reconnected]);
    expect(errors).toHaveLength(1);
    expect(
      errors[0].startsWith(
        'zego-room-bridge [engine=eA]: the trace function threw (reported once; the engine goes on): Error: trace bug\n',
      ),
    ).toBe(true);
  });
});

describe('trace through the bridge', () => {
  const { invoke: bridgeInvoke, drain: bridgeDrain, reset: bridgeReset } = simulatorBridge();
  type Ev = { engine: string; event: string; args: unknown[] };
  const call = (req: unknown) => JSON.parse(bridgeInvoke(JSON.stringify(req)));
  const drain = (): Ev[] => JSON.parse(bridgeDrain());
  beforeEach(() => bridgeReset());

  test('"trace": true queues each record as a `trace` event, in order with the engine\'s events; none without it', () => {
    const sim = { clock: 'virtual', startMs: 0 };
    const a = call({ op: 'createEngine', appID: 1, simulator: sim, clientId: 'A', trace: true }).engine;
    const b = call({ op: 'createEngine', appID: 1, clientId: 'B' }).engine;
    const token = call({ op: 'makeTestToken', expireAtSec: 3600 }).token;
    call({ op: 'loginRoom', engine: a, roomID: 'room1', user: { userID: 'A' }, config: { token }, callbackId: 1 });
    call({ op: 'loginRoom', engine: b, roomID: 'room1', user: { userID: 'B' } });
    call({ op: 'simAdvance', ms: 1000 });
    const events = drain();
    expect(events.filter((e) => e.engine === b && e.event === 'trace')).toEqual([]);
    const mine = events.filter((e) => e.engine === a);
    const records = mine.filter((e) => e.event === 'trace').map((e) => e.args[0] as TraceRecord);
    expect(records.map((r) => [r.t, r.engine, r.kind, r.name ?? `${r.from}→${r.to}`])).toEqual([
      [0, a, 'call', 'createEngine'],
      [0, a, 'call', 'loginRoom'],
      [0, a, 'transition', 'Idle→Logining'],
      [0, a, 'event', 'onRoomStateChanged'],
      [0, a, 'event', 'onRoomStateUpdate'],
      [120, a, 'driver', 'onLoginResult'],
      [120, a, 'transition', 'Logining→Logined'],
      [120, a, 'event', 'onRoomStateChanged'],
      [120, a, 'event', 'onRoomStateUpdate'],
      [120, a, 'event', 'loginRoomCallback'],
    ]);
    // Each app event's record comes before the event itself in the batch.
    const order = mine.map((e) => (e.event === 'trace' ? `trace:${(e.args[0] as TraceRecord).name ?? ''}` : e.event));
    expect(order.indexOf('trace:onRoomStateChanged')).toBeLessThan(order.indexOf('onRoomStateChanged'));
    expect(JSON.stringify(events)).not.toContain(token);
  });

  test('"trace" that is not a boolean answers 1000017 and creates nothing', () => {
    const answer = call({ op: 'createEngine', appID: 1, trace: 'yes' });
    expect(answer).toEqual({ ok: false, error: 1000017, message: '"trace" must be true or false' });
    expect(call({ op: 'loginRoom', engine: 'e1', roomID: 'r', user: { userID: 'A' } }).error).toBe(1000002);
  });
});
