// Issue rows 1–8: each row of the core's behaviour as exact reasons, codes, order and virtual times.
import { ZegoRoomMode, errorCodeName, makeTestToken04, LOGIN_CANCELLED_ERROR_CODE } from '../src/index';
import { R, S, U, World } from './helpers';

const MIN = 60_000;

describe('row 1: login', () => {
  test('Logining (0) at the call, Logined (0) 120 ms later with a room_session_id; then the login callback', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    expect(a.log).toEqual([]); // never inside the call
    w.at(1000);
    const states = a.of('state');
    expect(states.map((s) => [s.t, s.reason, s.code])).toEqual([
      [0, R.Logining, 0],
      [120, R.Logined, 0],
    ]);
    expect(JSON.parse(states[1].ext)).toEqual({ room_session_id: expect.any(String) });
    const cbIndex = a.log.findIndex((r) => r.cb === 'login');
    const loginedIndex = a.log.findIndex((r) => r.cb === 'state' && r.reason === R.Logined);
    expect(cbIndex).toBeGreaterThan(loginedIndex);
    expect(a.of('login')).toEqual([{ t: 120, cb: 'login', code: 0, ext: states[1].ext }]);
  });

  test('the joiner gets one Add listing the users already there; a first user gets no empty list', () => {
    const w = new World();
    const [a, b, c] = [w.client('A'), w.client('B'), w.client('C')];
    a.login('r');
    w.at(1000);
    b.login('r');
    w.at(2000);
    c.login('r');
    w.at(3000);
    expect(a.users('r')).toEqual([
      [1220, U.Add, ['B']],
      [2220, U.Add, ['C']],
    ]);
    expect(b.users('r')).toEqual([
      [1120, U.Add, ['A']],
      [2220, U.Add, ['C']],
    ]);
    expect(c.users('r')).toEqual([[2120, U.Add, ['A', 'B']]]);
  });

  test('users without isUserStatusNotify get no user updates', () => {
    const w = new World();
    const [a, b] = [w.client('A'), w.client('B')];
    a.login('r', 'A', { isUserStatusNotify: false });
    w.at(1000);
    b.login('r');
    w.at(2000);
    expect(a.users()).toEqual([]);
    expect(b.users()).toEqual([[1120, U.Add, ['A']]]);
  });
});

describe('row 2: LoginFailed', () => {
  test('a token the service rejects → LoginFailed 1002033 after one round trip, callback 1002033', () => {
    const w = new World({ verifyToken: (t) => t === 'good' });
    const a = w.client('A');
    a.login('r', 'A', { token: 'bad' });
    w.at(1000);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [120, R.LoginFailed, 1002033],
    ]);
    expect(a.of('login')).toEqual([{ t: 120, cb: 'login', code: 1002033, ext: '' }]);
  });

  test('an expired Token04 → LoginFailed 1002033', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r', 'A', { token: makeTestToken04({ expireAtSec: w.clock.now() / 1000 - 1 }) });
    w.at(1000);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [120, R.LoginFailed, 1002033],
    ]);
  });

  test('network down at login → retries, no Reconnecting, LoginFailed 1002053 when the 20-minute window ends', () => {
    const w = new World();
    const a = w.client('A');
    w.service.setNetwork('A', false);
    a.login('r');
    w.at(30 * MIN);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [20 * MIN, R.LoginFailed, 1002053],
    ]);
    expect(a.of('login')).toEqual([{ t: 20 * MIN, cb: 'login', code: 1002053, ext: '' }]);
  });

  test('network back during the first login → Logined on the next retry, without Reconnecting', () => {
    const w = new World();
    const a = w.client('A');
    w.service.setNetwork('A', false);
    a.login('r');
    w.at(5 * MIN);
    w.service.setNetwork('A', true);
    a.engine.setNetworkReachable(true);
    w.at(6 * MIN);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [5 * MIN + 120, R.Logined, 0],
    ]);
  });
});

describe('row 3: link lost and back', () => {
  test('Reconnecting 1002051 at the loss, Reconnected 0 after the network is back', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    w.at(1000);
    a.clear();
    w.service.setNetwork('A', false);
    w.at(11_000);
    w.service.setNetwork('A', true);
    a.engine.setNetworkReachable(true);
    w.at(20_000);
    expect(a.states()).toEqual([
      [1000, R.Reconnecting, 1002051],
      [11_120, R.Reconnected, 0],
    ]);
  });
});

describe('row 4: KickOut', () => {
  test('the same userID from another client → the older gets KickOut 1002050 when the newer is in; no retry', () => {
    const w = new World();
    const [a, a2, b] = [w.client('A'), w.client('A-phone'), w.client('B')];
    b.login('r');
    a.login('r', 'A');
    w.at(1000);
    a.clear();
    b.clear();
    a2.login('r', 'A');
    w.at(5 * MIN);
    expect(a2.states()).toEqual([
      [1000, R.Logining, 0],
      [1120, R.Logined, 0],
    ]);
    expect(a.states()).toEqual([[1120, R.KickOut, 1002050]]);
    expect(b.users()).toEqual([]); // user A never left the room
    expect(a.engine.roomPhase('r')).toBe('Idle');
  });

  test('service.kickOut → KickOut 1002055; others hear the Delete; the app may log in again', () => {
    const w = new World();
    const [a, b] = [w.client('A'), w.client('B')];
    a.login('r');
    b.login('r');
    w.at(1000);
    a.clear();
    b.clear();
    w.service.kickOut('r', 'A');
    w.at(2000);
    expect(a.states()).toEqual([[1000, R.KickOut, 1002055]]);
    expect(b.users()).toEqual([[1100, U.Delete, ['A']]]);
    a.login('r');
    w.at(3000);
    expect(a.states().slice(1)).toEqual([
      [2000, R.Logining, 0],
      [2120, R.Logined, 0],
    ]);
  });

  test('a kick while the link is down arrives when A comes back, as KickOut (not ReconnectFailed)', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    w.at(1000);
    a.clear();
    w.service.setNetwork('A', false);
    w.service.kickOut('r', 'A');
    w.at(10_000);
    w.service.setNetwork('A', true);
    a.engine.setNetworkReachable(true);
    w.at(20_000);
    expect(a.states()).toEqual([
      [1000, R.Reconnecting, 1002051],
      [10_120, R.KickOut, 1002055],
    ]);
  });

  test('a token that expires in the room without renewToken → onRoomTokenWillExpire(30) then KickOut 1002056', () => {
    const w = new World();
    const a = w.client('A');
    const expireAtSec = (w.clock.now() + 5 * MIN) / 1000;
    a.login('r', 'A', { token: makeTestToken04({ expireAtSec }) });
    w.at(10 * MIN);
    expect(a.of('token')).toEqual([{ t: 4.5 * MIN, cb: 'token', room: 'r', remain: 30 }]);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [120, R.Logined, 0],
      [5 * MIN, R.KickOut, 1002056],
    ]);
  });

  test('renewToken before expiry keeps the user in the room', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r', 'A', { token: makeTestToken04({ expireAtSec: (w.clock.now() + 5 * MIN) / 1000 }) });
    w.at(4.6 * MIN);
    a.engine.renewToken('r', makeTestToken04({ expireAtSec: (w.clock.now() + 60 * MIN) / 1000 }));
    w.at(30 * MIN);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [120, R.Logined, 0],
    ]);
  });
});

describe('row 5: logout and switch', () => {
  test('logoutRoom(id) → Logout 0 then callback 0', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    w.at(1000);
    a.clear();
    a.logout('r');
    w.at(2000);
    expect(a.log.filter((x) => x.cb !== 'legacy')).toEqual([
      { t: 1000, cb: 'state', room: 'r', reason: R.Logout, code: 0, ext: '' },
      { t: 1000, cb: 'logout', code: 0 },
    ]);
  });

  test('logoutRoom() logs out of every room (multi-room)', () => {
    const w = new World();
    const a = w.client('A', ZegoRoomMode.MultiRoom);
    a.login('r1');
    a.login('r2');
    w.at(1000);
    a.clear();
    a.logout();
    w.at(2000);
    expect(a.states()).toEqual([
      [1000, R.Logout, 0],
      [1000, R.Logout, 0],
    ]);
    expect(a.of('state').map((s) => s.room)).toEqual(['r1', 'r2']);
    expect(a.of('logout')).toEqual([{ t: 1000, cb: 'logout', code: 0 }]);
  });

  test(`logout during a login cancels it: Logout 0, the login callback gets ${LOGIN_CANCELLED_ERROR_CODE}`, () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    w.at(50);
    a.logout('r');
    w.at(1000);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [50, R.Logout, 0],
    ]);
    expect(a.of('login')).toEqual([{ t: 50, cb: 'login', code: LOGIN_CANCELLED_ERROR_CODE, ext: '' }]);
    expect(w.service.roomUsers('r')).toEqual([]);
  });

  test('single-room: logout of a room not logged in → callback 0, no event', () => {
    const w = new World();
    const a = w.client('A');
    a.logout('nope');
    w.at(10);
    expect(a.log).toEqual([{ t: 0, cb: 'logout', code: 0 }]);
  });

  test('single-room: logout of another room than the one logged in → LogoutFailed 1002002 and callback 1002002; the room stays', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    w.at(1000);
    a.clear();
    a.logout('nope');
    w.at(2000);
    expect(a.log).toEqual([
      { t: 1000, cb: 'state', room: 'nope', reason: R.LogoutFailed, code: 1002002, ext: '' },
      { t: 1000, cb: 'logout', code: 1002002 },
    ]);
    expect(a.engine.roomPhase('r')).toBe('Logined');
  });

  test('multi-room: logout of a room not logged in → LogoutFailed 1002002 and callback 1002002', () => {
    const w = new World();
    const a = w.client('A', ZegoRoomMode.MultiRoom);
    a.logout('nope');
    w.at(10);
    expect(a.log).toEqual([
      { t: 0, cb: 'state', room: 'nope', reason: R.LogoutFailed, code: 1002002, ext: '' },
      { t: 0, cb: 'logout', code: 1002002 },
    ]);
  });

  test('switchRoom → Logout(from, 0), Logining(to, 0), Logined(to, 0); others see A move', () => {
    const w = new World();
    const [a, b, c] = [w.client('A'), w.client('B'), w.client('C')];
    a.login('r1');
    b.login('r1');
    c.login('r2');
    w.at(1000);
    a.clear();
    b.clear();
    c.clear();
    a.engine.switchRoom('r1', 'r2');
    w.at(2000);
    expect(a.of('state').map((s) => [s.t, s.room, s.reason, s.code])).toEqual([
      [1000, 'r1', R.Logout, 0],
      [1000, 'r2', R.Logining, 0],
      [1120, 'r2', R.Logined, 0],
    ]);
    expect(b.users('r1')).toEqual([[1100, U.Delete, ['A']]]);
    expect(c.users('r2')).toEqual([[1220, U.Add, ['A']]]);
  });

  test('switchRoom reuses the current token when config has none', () => {
    const seen: string[] = [];
    const w = new World({
      verifyToken: (t, _u, room) => {
        seen.push(`${room}:${t}`);
        return t === 'tok';
      },
    });
    const a = w.client('A');
    a.login('r1', 'A', { token: 'tok' });
    w.at(1000);
    a.engine.switchRoom('r1', 'r2');
    w.at(2000);
    expect(seen).toEqual(['r1:tok', 'r2:tok']);
    expect(a.states('r2')).toEqual([
      [1000, R.Logining, 0],
      [1120, R.Logined, 0],
    ]);
  });

  test('multi-room: switchRoom → onDebugError(1002019), nothing changes (ZEGO: not available in multi-room mode)', () => {
    const w = new World();
    const a = w.client('A', ZegoRoomMode.MultiRoom);
    a.login('r1');
    a.login('r2');
    w.at(1000);
    a.clear();
    a.engine.switchRoom('r1', 'r3');
    w.at(2000);
    expect(a.log).toEqual([{ t: 1000, cb: 'debug', code: 1002019, fn: 'switchRoom' }]);
    expect([a.engine.roomPhase('r1'), a.engine.roomPhase('r2'), a.engine.roomPhase('r3')]).toEqual([
      'Logined',
      'Logined',
      'Idle',
    ]);
    expect(w.service.roomUsers('r3')).toEqual([]);
    expect(errorCodeName(1002019)).toBe('RoomMultiRoomSwtichRoomInvalid'); // ZEGO's name (and spelling)
  });

  test('switchRoom from a room not logged in → onDebugError(1002002), nothing changes', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r1');
    w.at(1000);
    a.clear();
    a.engine.switchRoom('nope', 'r2');
    w.at(2000);
    expect(a.log).toEqual([{ t: 1000, cb: 'debug', code: 1002002, fn: 'switchRoom' }]);
    expect(a.engine.roomPhase('r1')).toBe('Logined');
  });

  test('switchRoom to an invalid room → LoginFailed(to, code) and from stays', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r1');
    w.at(1000);
    a.clear();
    a.engine.switchRoom('r1', 'bad room');
    w.at(2000);
    expect(a.of('state')).toEqual([{ t: 1000, cb: 'state', room: 'bad room', reason: R.LoginFailed, code: 1002012, ext: '' }]);
    expect(a.engine.roomPhase('r1')).toBe('Logined');
  });
});

describe('row 6: onRoomStateUpdate follows the three-value state', () => {
  test('Connecting/Connected/Disconnected on every change, and only on changes', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    w.at(1000);
    w.service.setNetwork('A', false);
    w.at(2000);
    w.service.setNetwork('A', true);
    a.engine.setNetworkReachable(true);
    w.at(3000);
    a.logout('r');
    w.at(4000);
    expect(a.of('legacy').map((x) => [x.t, x.state, x.code])).toEqual([
      [0, S.Connecting, 0],
      [120, S.Connected, 0],
      [1000, S.Connecting, 1002051],
      [2120, S.Connected, 0],
      [3000, S.Disconnected, 0],
    ]);
  });

  test('a failed login from Disconnected changes nothing, so no onRoomStateUpdate', () => {
    const w = new World();
    const a = w.client('A');
    a.login('', 'A');
    w.at(10);
    expect(a.of('legacy')).toEqual([]);
    expect(a.states()).toEqual([[0, R.LoginFailed, 1002011]]);
  });
});

describe('row 7: bad input', () => {
  const cases: Array<[string, string, string, number]> = [
    ['empty room ID', '', 'A', 1002011],
    ['room ID with a space', 'a b', 'A', 1002012],
    ['room ID with "/"', 'a/b', 'A', 1002012],
    ['room ID with ":"', 'a:b', 'A', 1002012],
    ['non-ASCII room ID', 'räum', 'A', 1002012],
    ['room ID of 128 bytes', 'r'.repeat(128), 'A', 1002013],
    ['empty user ID', 'r', '', 1002005],
    ['user ID with a space', 'r', 'a b', 1002006],
    ['user ID of 64 bytes', 'r', 'u'.repeat(64), 1002007],
  ];
  test.each(cases)('%s → LoginFailed with no Logining, callback with the code', (_n, room, user, code) => {
    const w = new World();
    const a = w.client('A');
    a.login(room, user);
    w.at(1000);
    expect(a.states()).toEqual([[0, R.LoginFailed, code]]);
    expect(a.of('login')).toEqual([{ t: 0, cb: 'login', code, ext: '' }]);
  });

  test('the checks run in order: empty, characters, length — and the room before the user', () => {
    const w = new World();
    const a = w.client('A');
    a.login('x'.repeat(200) + ' ', '');
    w.at(10);
    expect(a.states()).toEqual([[0, R.LoginFailed, 1002012]]);
  });

  test('boundaries: room ID 127 bytes, user ID 63 bytes, every allowed punctuation mark are fine', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r'.repeat(127), "~!@#$%^&*()_+=-`;',.<>\\" + 'u'.repeat(40));
    w.at(1000);
    expect(a.states().map((s) => s[1])).toEqual([R.Logining, R.Logined]);
  });

  test('userName over 255 UTF-8 bytes → 1002010; userName defaults to userID', () => {
    const w = new World();
    const [a, b] = [w.client('A'), w.client('B')];
    a.engine.loginRoom('r', { userID: 'A', userName: 'é'.repeat(128) }, {}, () => undefined);
    w.at(10);
    expect(a.states()).toEqual([[0, R.LoginFailed, 1002010]]);
    b.login('r');
    w.at(1000);
    a.engine.loginRoom('r', { userID: 'A' }, { isUserStatusNotify: true });
    w.at(2000);
    expect(w.service.roomUsers('r')).toEqual([
      { userID: 'B', userName: 'B' },
      { userID: 'A', userName: 'A' },
    ]);
  });

  test('single-room: a second login (same room or another) → 1002001 to the callback only; the room is not disturbed', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    w.at(50);
    a.login('r');
    a.login('other');
    w.at(1000);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [120, R.Logined, 0],
    ]);
    expect(a.of('login').map((x) => [x.t, x.code])).toEqual([
      [50, 1002001],
      [50, 1002001],
      [120, 0],
    ]);
  });

  test("multi-room: another userID than the first room's → 1002018", () => {
    const w = new World();
    const a = w.client('A', ZegoRoomMode.MultiRoom);
    a.login('r1', 'A');
    a.login('r2', 'Z');
    w.at(1000);
    expect(a.states('r2')).toEqual([]);
    expect(a.of('login').map((x) => x.code)).toEqual([1002018, 0]);
  });

  test('bad input for a room that is logged in never disturbs it', () => {
    const w = new World();
    const a = w.client('A');
    a.login('r');
    w.at(1000);
    a.clear();
    a.login('r', '');
    w.at(2000);
    expect(a.states()).toEqual([]);
    expect(a.of('login')).toEqual([{ t: 1000, cb: 'login', code: 1002005, ext: '' }]);
    expect(a.engine.roomPhase('r')).toBe('Logined');
  });
});

describe('row 8: delivery', () => {
  test('a throwing handler is reported once and later events still arrive', () => {
    const w = new World();
    const errors: string[] = [];
    const { ZegoExpressEngine, seededRandom } = jest.requireActual('../src/index');
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: w.service.createDriver('A'),
      clock: w.clock,
      random: seededRandom(1),
      logger: { warn: () => undefined, error: (m: string) => errors.push(m) },
    });
    const seen: number[] = [];
    engine.setEventHandler({
      onRoomStateChanged: (_r: string, reason: number) => {
        seen.push(reason);
        if (reason === R.Logining) throw new Error('app bug');
      },
    });
    engine.loginRoom('r', { userID: 'A' });
    w.at(1000);
    expect(seen).toEqual([R.Logining, R.Logined]);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('app bug');
  });

  test('tokens never appear in logs', () => {
    const w = new World({ verifyToken: () => false });
    const lines: string[] = [];
    const { ZegoExpressEngine } = jest.requireActual('../src/index');
    const engine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: w.service.createDriver('A'),
      clock: w.clock,
      logger: { warn: (m: string) => lines.push(m), error: (m: string) => lines.push(m) },
    });
    engine.setEventHandler({
      onRoomStateChanged: () => {
        throw new Error('boom');
      },
    });
    const token = makeTestToken04({ expireAtSec: 1 });
    engine.loginRoom('r', { userID: 'A' }, { token });
    engine.renewToken('r', token);
    engine.destroy();
    engine.loginRoom('r', { userID: 'A' }, { token });
    w.at(1000);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).not.toContain(token);
  });
});

describe('row 7 (found by the model-based tests)', () => {
  test('multi-room: logging in to a room that is already logged in → 1002001, the room is not disturbed', () => {
    const w = new World();
    const a = w.client('A', ZegoRoomMode.MultiRoom);
    a.login('r1');
    a.login('r1');
    w.at(1000);
    expect(a.states('r1')).toEqual([
      [0, R.Logining, 0],
      [120, R.Logined, 0],
    ]);
    expect(a.of('login').map((x) => [x.t, x.code])).toEqual([
      [0, 1002001],
      [120, 0],
    ]);
  });
});

describe("a login whose answer is lost (the peers' self-inflicted duplicate-identity kick)", () => {
  test('the server keeps the session, the client times out and retries: no KickOut, others see one Add', () => {
    const w = new World();
    const [a, b] = [w.client('A'), w.client('B')];
    b.login('r');
    w.at(1000);
    b.clear();
    w.service.loseNextLoginResponse('A');
    a.login('r');
    w.at(10_000);
    // 120 ms: the server has A; 240 ms: A's attempt times out (1002031, retryable); the policy's first
    // retry after a failure is 500 ms later; in one round trip after that, at 860 ms.
    expect(a.states()).toEqual([
      [1000, R.Logining, 0],
      [1860, R.Logined, 0],
    ]);
    expect(a.of('login')).toEqual([{ t: 1860, cb: 'login', code: 0, ext: expect.any(String) }]);
    expect(b.users()).toEqual([[1220, U.Add, ['A']]]);
    expect(w.service.roomUsers('r').map((u) => u.userID)).toEqual(['B', 'A']);
  });

  test('the same on a reconnect: Reconnected, not KickOut', () => {
    const w = new World();
    const [a, b] = [w.client('A'), w.client('B')];
    a.login('r');
    b.login('r');
    w.at(1000);
    a.clear();
    b.clear();
    w.service.setNetwork('A', false);
    w.at(5000);
    w.service.setNetwork('A', true);
    w.service.loseNextLoginResponse('A');
    a.engine.setNetworkReachable(true);
    w.at(20_000);
    const s = a.states();
    expect(s[0]).toEqual([1000, R.Reconnecting, 1002051]);
    expect(s.slice(1).map((x) => x[1])).toEqual([R.Reconnected]);
    expect(b.users()).toEqual([]);
  });
});

describe('renewToken during a login', () => {
  test('a token renewed while the login is in flight reaches the server once the room is in: no expiry kick', () => {
    const w = new World();
    const a = w.client('A');
    const soon = makeTestToken04({ expireAtSec: w.clock.now() / 1000 + 60 });
    a.login('r', 'A', { token: soon });
    a.engine.renewToken('r', makeTestToken04({ expireAtSec: w.clock.now() / 1000 + 3600 }));
    w.at(10 * MIN);
    expect(a.states()).toEqual([
      [0, R.Logining, 0],
      [120, R.Logined, 0],
    ]);
    expect(a.of('token')).toEqual([]);
  });
});
