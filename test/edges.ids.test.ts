// Issue 11, defect 4: a room or user ID that is not a string is rejected by its type, never converted
// to a string, never touches a logged-in room and never throws — through the API and the JSON boundary.
import { ZegoExpressEngine, ZegoRoomMode, ZegoRoomStateChangedReason as R, seededRandom } from '../src/index';
import { simulatorBridge } from './bridgeUnderTest';
import { World } from './helpers';
const { invoke: bridgeInvoke, drain: bridgeDrain, reset: bridgeReset } = simulatorBridge();

type Seen = Array<[string, ...unknown[]]>;

function loggedInHome(mode = ZegoRoomMode.SingleRoom) {
  const w = new World();
  const engine = ZegoExpressEngine.createEngine({
    appID: 1,
    driver: w.service.createDriver('u1'),
    clock: w.clock,
    roomMode: mode,
    random: seededRandom(1),
    logger: { warn: () => undefined, error: () => undefined },
  });
  const seen: Seen = [];
  engine.setEventHandler({
    onRoomStateChanged: (room, reason, code) => seen.push(['state', room, reason, code]),
    onRoomStateUpdate: (room, state, code) => seen.push(['update', room, state, code]),
    onDebugError: (code, fn) => seen.push(['debug', code, fn]),
  });
  engine.loginRoom('home', { userID: 'u1' });
  w.at(1000);
  seen.length = 0;
  return { w, engine, seen };
}

const any = (v: unknown) => v as never;
const homeLike = ['home']; // String(['home']) === 'home'
const stringsLikeHome = { toString: () => 'home' };
const noToString = Object.create(null) as object;
const throwingToString = {
  toString: () => {
    throw new Error('toString bomb');
  },
};

describe('a room ID that is not a string never disturbs a logged-in room', () => {
  test.each([
    ['an array whose string form is the logged-in room', homeLike],
    ['an object whose toString names the logged-in room', stringsLikeHome],
  ])('loginRoom with %s: rejected by type (1002012), LoginFailed names no room, home stays Logined', (_n, id) => {
    const { w, engine, seen } = loggedInHome();
    const codes: number[] = [];
    engine.loginRoom(any(id), { userID: 'u1' }, undefined, (c) => codes.push(c));
    w.at(2000);
    expect(codes).toEqual([1002012]);
    expect(seen).toEqual([
      ['state', '', R.LoginFailed, 1002012],
      ['debug', 1002012, 'loginRoom'],
    ]);
    expect(engine.roomPhase('home')).toBe('Logined');
    // The state record of home is intact: a real logout still reports the Connected → Disconnected change.
    engine.logoutRoom('home');
    w.at(3000);
    expect(seen.slice(2)).toEqual([
      ['state', 'home', R.Logout, 0],
      ['update', 'home', 0, 0],
    ]);
  });

  test.each([
    ['an object without toString', noToString],
    ['an object whose toString throws', throwingToString],
  ])('%s never throws from loginRoom, switchRoom, logoutRoom or renewToken', (_n, id) => {
    // Single-room: in multi-room mode switchRoom is refused (1002019) before its IDs are looked at.
    const { w, engine, seen } = loggedInHome(ZegoRoomMode.SingleRoom);
    const codes: Array<[string, number]> = [];
    expect(() => engine.loginRoom(any(id), { userID: 'u1' }, undefined, (c) => codes.push(['login', c]))).not.toThrow();
    expect(() => engine.switchRoom(any(id), 'r2')).not.toThrow();
    expect(() => engine.switchRoom('home', any(id))).not.toThrow();
    expect(() => engine.logoutRoom(any(id), (c) => codes.push(['logout', c]))).not.toThrow();
    expect(() => engine.renewToken(any(id), 'tok')).not.toThrow();
    w.at(2000);
    expect(codes).toEqual([
      ['login', 1002012],
      ['logout', 1002012],
    ]);
    expect(seen).toEqual([
      ['state', '', R.LoginFailed, 1002012],
      ['debug', 1002012, 'loginRoom'],
      ['debug', 1002012, 'switchRoom'],
      ['state', '', R.LoginFailed, 1002012],
      ['debug', 1002012, 'switchRoom'],
      ['debug', 1002012, 'logoutRoom'],
      ['debug', 1002012, 'renewToken'],
    ]);
    expect(engine.roomPhase('home')).toBe('Logined');
  });

  test('multi-room logoutRoom(["home"]) is rejected by type; it never reports LogoutFailed for home, which stays logged in', () => {
    const { w, engine, seen } = loggedInHome(ZegoRoomMode.MultiRoom);
    const codes: number[] = [];
    engine.logoutRoom(any(homeLike), (c) => codes.push(c));
    w.at(2000);
    expect(codes).toEqual([1002012]);
    expect(seen).toEqual([['debug', 1002012, 'logoutRoom']]);
    expect(engine.roomPhase('home')).toBe('Logined');
  });

  test('a user ID that is not a string: 1002006 (missing: 1002005), never converted', () => {
    const { w, engine, seen } = loggedInHome();
    const codes: number[] = [];
    engine.loginRoom('r', any({ userID: noToString }), undefined, (c) => codes.push(c));
    engine.loginRoom('r', any({ userID: ['u1'] }), undefined, (c) => codes.push(c));
    engine.loginRoom('r', any({ userID: null }), undefined, (c) => codes.push(c));
    w.at(2000);
    expect(codes).toEqual([1002006, 1002006, 1002005]);
    expect(seen.filter((s) => s[0] === 'state')).toEqual([
      ['state', 'r', R.LoginFailed, 1002006],
      ['state', 'r', R.LoginFailed, 1002006],
      ['state', 'r', R.LoginFailed, 1002005],
    ]);
    expect(engine.roomPhase('home')).toBe('Logined');
  });
});

describe('the same through the JSON boundary', () => {
  beforeEach(() => bridgeReset());
  afterAll(() => bridgeReset());
  const call = (o: unknown) => JSON.parse(bridgeInvoke(JSON.stringify(o)));

  test('loginRoom / logoutRoom with ["home"] answer through callbacks and leave home logged in', () => {
    // Single-room (roomMode 0): switchRoom's IDs are checked there; multi-room refuses it first (1002019).
    const e = call({ op: 'createEngine', simulator: { clock: 'virtual' }, clientId: 'u1', roomMode: 0 }).engine as string;
    call({ op: 'loginRoom', engine: e, roomID: 'home', user: { userID: 'u1' } });
    call({ op: 'simAdvance', ms: 1000 });
    bridgeDrain();
    expect(call({ op: 'loginRoom', engine: e, callbackId: 1, roomID: ['home'], user: { userID: 'u1' } })).toEqual({ ok: true });
    expect(call({ op: 'logoutRoom', engine: e, callbackId: 2, roomID: ['home'] })).toEqual({ ok: true });
    expect(call({ op: 'switchRoom', engine: e, fromRoomID: ['home'], toRoomID: 'r2' })).toEqual({ ok: true });
    call({ op: 'simAdvance', ms: 1000 });
    const evs = JSON.parse(bridgeDrain()) as Array<{ event: string; args: unknown[]; callbackId?: number }>;
    expect(evs.map((x) => [x.event, x.callbackId ?? null, ...x.args.slice(0, 3)])).toEqual([
      ['onRoomStateChanged', null, '', R.LoginFailed, 1002012],
      ['onDebugError', null, 1002012, 'loginRoom', expect.any(String)],
      ['callback', 1, 1002012, ''],
      ['onDebugError', null, 1002012, 'logoutRoom', expect.any(String)],
      ['callback', 2, 1002012, ''],
      ['onDebugError', null, 1002012, 'switchRoom', expect.any(String)],
    ]);
  });
});
