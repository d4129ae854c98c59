// ZEGO's documented room behaviour (logoutRoom of another room, switchRoom in multi-room mode) and the
// engine lifecycle (destroy frees the simulated clientId). The rules live in the engine, so each row runs
// over the simulated driver, the Web driver (on the fake Web SDK) and the native driver (ZEGO's Unity SDK
// played by a script): the app sees the same thing and the room service or SDK is never asked.
import {
  SimulatedRoomService,
  VirtualClock,
  ZegoExpressEngine,
  ZegoRoomMode,
  ZegoRoomStateChangedReason as R,
  makeTestToken04,
  seededRandom,
  type LoginRequest,
  type RoomDriver,
  type RoomDriverContext,
} from '../src/index';
import { ZegoWebDriver } from '../src/webgl/index';
import { NativeZegoDriver } from '../src/native/NativeZegoDriver';
import { simulatorBridge } from './bridgeUnderTest';
import { FakeWebEngine } from './webgl/fakeWebEngine';
import { FakeNetwork } from './webgl/traceRunner';
const { invoke: bridgeInvoke, drain: bridgeDrain, reset: bridgeReset } = simulatorBridge();

const T0 = 1_700_000_000_000;
const silent = { warn: () => undefined, error: () => undefined };

/** What the app hears, as [ms since T0, kind, ...]. */
type AppRecord = [number, string, ...unknown[]];

interface Rig {
  engine: ZegoExpressEngine;
  app: AppRecord[];
  /** RoomDriver calls the engine made (the room service or SDK would see these). */
  driverCalls: string[];
  /** Logs in to `room` as user "A" and has the service/SDK accept it; then clears the records. */
  loggedIn(room: string): Promise<void>;
  /** Starts a login the service/SDK has not answered yet; then clears the records. */
  logining(room: string): Promise<void>;
  advance(ms: number): Promise<void>;
  now(): number;
}

/** Records the engine's driver calls, then passes them on. */
function recording(inner: RoomDriver, calls: string[]): RoomDriver {
  return {
    start: (ctx: RoomDriverContext) => inner.start(ctx),
    login: (r: LoginRequest) => {
      calls.push(`login ${r.roomID}`);
      inner.login(r);
    },
    cancelLogin: (room: string) => {
      calls.push(`cancelLogin ${room}`);
      inner.cancelLogin(room);
    },
    logout: (room: string) => {
      calls.push(`logout ${room}`);
      inner.logout(room);
    },
    switchRoom: (from: string, r: LoginRequest) => {
      calls.push(`switchRoom ${from} ${r.roomID}`);
      inner.switchRoom(from, r);
    },
    renewToken: (room: string, token: string) => {
      calls.push(`renewToken ${room}`);
      inner.renewToken(room, token);
    },
    stop: () => {
      calls.push('stop');
      inner.stop();
    },
  };
}

function makeRig(
  clock: VirtualClock,
  driver: RoomDriver,
  roomMode: ZegoRoomMode,
  accept: (room: string) => void | Promise<void>,
): Rig {
  const driverCalls: string[] = [];
  const engine = ZegoExpressEngine.createEngine({
    appID: 1,
    driver: recording(driver, driverCalls),
    clock,
    roomMode,
    random: seededRandom(3),
    logger: silent,
  });
  const app: AppRecord[] = [];
  const t = () => clock.now() - T0;
  engine.setEventHandler({
    onRoomStateChanged: (room, reason, code) => app.push([t(), 'state', room, R[reason], code]),
    onDebugError: (code, fn) => app.push([t(), 'debug', code, fn]),
  });
  const advance = (ms: number) => clock.advance(ms);
  const token = makeTestToken04({ expireAtSec: T0 / 1000 + 3600 });
  const start = async (room: string) => {
    engine.loginRoom(room, { userID: 'A' }, { token }, (code) => app.push([t(), 'login', room, code]));
    await advance(0);
  };
  const clear = () => {
    app.length = 0;
    driverCalls.length = 0;
  };
  return {
    engine,
    app,
    driverCalls,
    advance,
    now: t,
    logining: async (room) => {
      await start(room);
      clear();
    },
    loggedIn: async (room) => {
      await start(room);
      await accept(room);
      await advance(1000);
      expect(engine.roomPhase(room)).toBe('Logined');
      clear();
    },
  };
}

type RigFactory = (roomMode: ZegoRoomMode) => Rig;

const simulated: RigFactory = (roomMode) => {
  const clock = new VirtualClock(T0);
  const service = new SimulatedRoomService({ clock });
  return makeRig(clock, service.createDriver('A'), roomMode, () => undefined); // the service answers by itself
};

const web: RigFactory = (roomMode) => {
  const clock = new VirtualClock(T0);
  const zg = new FakeWebEngine(clock, { t0: T0 });
  const driver = new ZegoWebDriver(zg, { network: new FakeNetwork(), logger: silent });
  return makeRig(clock, driver, roomMode, async (room) => {
    zg.resolveLogin(room);
    await clock.advance(0);
  });
};

const native: RigFactory = (roomMode) => {
  const clock = new VirtualClock(T0);
  const commands: Array<[string, unknown[]]> = [];
  const driver = new NativeZegoDriver((event, args) => commands.push([event, args]));
  // ZEGO's Unity SDK, scripted: it accepts the login the driver asked for, as its delegates would say.
  return makeRig(clock, driver, roomMode, (room) => {
    const login = [...commands].reverse().find(([name, args]) => name === 'native:loginRoom' && args[0] === room);
    expect(login).toBeDefined();
    driver.onHostEvent('onRoomStateChanged', [room, R.Logining, 0, '']);
    driver.onHostEvent('onRoomStateChanged', [room, R.Logined, 0, '']);
    driver.onHostEvent('loginResult', [room, login![1][3], 0, '']);
  });
};

const DRIVERS: Array<[string, RigFactory]> = [
  ['simulated', simulated],
  ['web', web],
  ['native', native],
];

describe.each(DRIVERS)("ZEGO's documented behaviour, %s driver", (_name, rig) => {
  test('single-room logoutRoom of another room than the logged-in one → LogoutFailed(Y, 1002002) and callback 1002002; the room stays', async () => {
    const r = rig(ZegoRoomMode.SingleRoom);
    await r.loggedIn('X');
    r.engine.logoutRoom('Y', (code) => r.app.push([r.now(), 'logout', 'Y', code]));
    expect(r.app).toEqual([]); // never inside the call
    await r.advance(5000);
    expect(r.app).toEqual([
      [1000, 'state', 'Y', 'LogoutFailed', 1002002],
      [1000, 'logout', 'Y', 1002002],
    ]);
    expect(r.driverCalls).toEqual([]);
    expect(r.engine.roomPhase('X')).toBe('Logined');
  });

  test('single-room logoutRoom of another room while logging in → LogoutFailed(Y, 1002002) and callback 1002002; the login goes on', async () => {
    const r = rig(ZegoRoomMode.SingleRoom);
    await r.logining('X');
    r.engine.logoutRoom('Y', (code) => r.app.push([r.now(), 'logout', 'Y', code]));
    await r.advance(0);
    expect(r.app).toEqual([
      [0, 'state', 'Y', 'LogoutFailed', 1002002],
      [0, 'logout', 'Y', 1002002],
    ]);
    expect(r.driverCalls).toEqual([]);
    expect(r.engine.roomPhase('X')).toBe('Logining');
  });

  test('single-room logoutRoom when logged in nowhere → callback 0, no event', async () => {
    const r = rig(ZegoRoomMode.SingleRoom);
    r.engine.logoutRoom('Y', (code) => r.app.push([r.now(), 'logout', 'Y', code]));
    await r.advance(1000);
    expect(r.app).toEqual([[0, 'logout', 'Y', 0]]);
    expect(r.driverCalls).toEqual([]);
  });

  test('switchRoom in multi-room mode → onDebugError(1002019) and nothing changes', async () => {
    const r = rig(ZegoRoomMode.MultiRoom);
    await r.loggedIn('r1');
    await r.loggedIn('r2');
    r.engine.switchRoom('r1', 'r3');
    r.engine.switchRoom('r1', 'bad room'); // the mode is checked first: no LoginFailed for the target either
    expect(r.app).toEqual([]);
    await r.advance(5000);
    expect(r.app).toEqual([
      [2000, 'debug', 1002019, 'switchRoom'],
      [2000, 'debug', 1002019, 'switchRoom'],
    ]);
    expect(r.driverCalls).toEqual([]);
    expect([r.engine.roomPhase('r1'), r.engine.roomPhase('r2'), r.engine.roomPhase('r3')]).toEqual([
      'Logined',
      'Logined',
      'Idle',
    ]);
  });
});

describe('destroy frees the simulated clientId', () => {
  const call = (req: Record<string, unknown>) => JSON.parse(bridgeInvoke(JSON.stringify(req)));
  beforeEach(() => bridgeReset());

  test('a JS env that outlives the engine: createEngine with the same clientId after destroyEngine works and logs in', () => {
    const first = call({ op: 'createEngine', clientId: 'A', simulator: { clock: 'virtual', startMs: T0 } });
    expect(first).toMatchObject({ ok: true, clientId: 'A' });
    call({ op: 'loginRoom', engine: first.engine, roomID: 'r', user: { userID: 'A' } });
    call({ op: 'simAdvance', ms: 1000 });
    expect(call({ op: 'destroyEngine', engine: first.engine })).toEqual({ ok: true });
    bridgeDrain();
    const second = call({ op: 'createEngine', clientId: 'A', simulator: { clock: 'virtual', startMs: T0 } });
    expect(second).toMatchObject({ ok: true, clientId: 'A' });
    expect(second.engine).not.toBe(first.engine);
    call({ op: 'loginRoom', engine: second.engine, roomID: 'r', user: { userID: 'A' }, callbackId: 1 });
    call({ op: 'simAdvance', ms: 1000 });
    const events = JSON.parse(bridgeDrain()) as Array<{ engine: string; event: string; args: unknown[] }>;
    expect(
      events.filter((e) => e.event === 'onRoomStateChanged').map((e) => [e.engine, e.args[0], e.args[1], e.args[2]]),
    ).toEqual([
      [second.engine, 'r', R.Logining, 0],
      [second.engine, 'r', R.Logined, 0],
    ]);
  });

  test('a clientId still in use is refused: two live engines are two devices', () => {
    const first = call({ op: 'createEngine', clientId: 'A', simulator: { clock: 'virtual', startMs: T0 } });
    expect(first.ok).toBe(true);
    expect(call({ op: 'createEngine', clientId: 'A' })).toMatchObject({ ok: false, error: 1000017 });
  });

  test('through the TypeScript API: destroy() frees the clientId for a new driver; the device stays offline if it was', async () => {
    const clock = new VirtualClock(T0);
    const service = new SimulatedRoomService({ clock });
    const first = ZegoExpressEngine.createEngine({ appID: 1, driver: service.createDriver('A'), clock, logger: silent });
    first.loginRoom('r', { userID: 'A' });
    await clock.advance(1000);
    expect(service.roomUsers('r')).toEqual([{ userID: 'A', userName: 'A' }]);
    service.setNetwork('A', false);
    first.destroy();
    const second = ZegoExpressEngine.createEngine({ appID: 1, driver: service.createDriver('A'), clock, logger: silent });
    const states: Array<[number, R, number]> = [];
    second.setEventHandler({ onRoomStateChanged: (_room, reason, code) => states.push([clock.now() - T0, reason, code]) });
    second.loginRoom('r', { userID: 'A' });
    await clock.advance(5000);
    expect(states).toEqual([[1000, R.Logining, 0]]); // still offline: retrying
    service.setNetwork('A', true);
    second.setNetworkReachable(true);
    await clock.advance(1000);
    expect(states).toEqual([
      [1000, R.Logining, 0],
      [6120, R.Logined, 0],
    ]);
    expect(service.roomUsers('r')).toEqual([{ userID: 'A', userName: 'A' }]);
  });
});
