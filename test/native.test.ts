// The "native" driver (ZEGO's Unity SDK) through the JSON boundary, with a scripted fake of its C# half:
// commands come out of bridgeDrain as `native:*` events, ZEGO's callbacks go in as `nativeEvent`.
import { simulatorBridge } from './bridgeUnderTest';
import { R } from './helpers';
const { invoke: bridgeInvoke, drain: bridgeDrain, reset: bridgeReset } = simulatorBridge();

type Ev = { engine: string; event: string; args: unknown[]; callbackId?: number };
const MIN = 60_000;
const T0 = 1_700_000_000_000;

/** One app engine on the native driver, on a virtual clock; the test plays ZEGO's side. */
class NativeRun {
  readonly engine: string;
  /** Commands for the C# adapter: [ms since T0, name without "native:", args]. */
  readonly commands: Array<[number, string, unknown[]]> = [];
  /** What the app's delegates get: [ms since T0, event, args, callbackId?]. */
  readonly app: Array<[number, string, unknown[], number?]> = [];

  constructor(roomMode = 0, appID = 1234) {
    const answer = call({ op: 'createEngine', appID, roomMode, driver: 'native', simulator: { clock: 'virtual', startMs: T0 } });
    expect(answer.ok).toBe(true);
    this.engine = answer.engine;
    this.pump();
  }

  now(): number {
    return call({ op: 'simNow' }).now - T0;
  }

  invoke(req: Record<string, unknown>): { ok: boolean; error?: number } {
    const a = call({ engine: this.engine, ...req });
    this.pump();
    return a;
  }

  /** ZEGO raises one delegate (the adapter forwards it on the main thread). */
  zego(event: string, ...args: unknown[]): { ok: boolean; error?: number } {
    return this.invoke({ op: 'nativeEvent', event, args });
  }

  /** Runs the core's due timer turns (app callbacks, retries), then moves `ms` of virtual time on. */
  advance(ms = 0): void {
    call({ op: 'simAdvance', ms: 0 });
    this.pump();
    if (ms === 0) return;
    call({ op: 'simAdvance', ms });
    this.pump();
  }

  pump(): void {
    const t = this.now();
    for (const e of JSON.parse(bridgeDrain()) as Ev[]) {
      expect(e.engine).toBe(this.engine);
      if (e.event.startsWith('native:')) this.commands.push([t, e.event.slice('native:'.length), e.args]);
      else this.app.push(e.callbackId === undefined ? [t, e.event, e.args] : [t, e.event, e.args, e.callbackId]);
    }
  }

  states(room?: string): Array<[number, number, number]> {
    return this.app
      .filter(([, ev, a]) => ev === 'onRoomStateChanged' && (room === undefined || a[0] === room))
      .map(([t, , a]) => [t, a[1] as number, a[2] as number]);
  }

  /** Logs in to `room` and has ZEGO accept it; returns the LoginRoom command's seq. */
  loggedIn(room = 'room1', token = 'tok-1'): number {
    this.invoke({
      op: 'loginRoom',
      roomID: room,
      user: { userID: 'A', userName: 'Alice' },
      config: { isUserStatusNotify: true, token },
      callbackId: 1,
    });
    const seq = this.lastCommand('loginRoom')[3] as number;
    this.zego('onRoomStateChanged', room, R.Logining, 0, '');
    this.zego('onRoomStateChanged', room, R.Logined, 0, '');
    this.zego('loginResult', room, seq, 0, '');
    this.advance();
    return seq;
  }

  lastCommand(name: string): unknown[] {
    const c = this.commands.filter(([, n]) => n === name);
    expect(c.length).toBeGreaterThan(0);
    return c[c.length - 1][2];
  }

  clear(): void {
    this.commands.length = 0;
    this.app.length = 0;
  }
}

function call(req: Record<string, unknown>) {
  return JSON.parse(bridgeInvoke(JSON.stringify(req)));
}

beforeEach(() => bridgeReset());

describe('native driver: commands to ZEGO', () => {
  test('createEngine asks for SetRoomMode + CreateEngine first, with the appID and room mode', () => {
    expect(new NativeRun(0, 1234).commands).toEqual([[0, 'createEngine', [1234, 0]]]);
    bridgeReset();
    expect(new NativeRun(1, 99).commands).toEqual([[0, 'createEngine', [99, 1]]]);
  });

  test('loginRoom: user, config with the token inside it, and a seq the callback echoes; the app hears Logining, Logined, callback 0', () => {
    const n = new NativeRun();
    n.clear();
    n.invoke({
      op: 'loginRoom',
      roomID: 'room1',
      user: { userID: 'A', userName: 'Alice' },
      config: { maxMemberCount: 8, isUserStatusNotify: true, token: 'tok-1' },
      callbackId: 5,
    });
    expect(n.commands).toEqual([
      [
        0,
        'loginRoom',
        ['room1', { userID: 'A', userName: 'Alice' }, { maxMemberCount: 8, isUserStatusNotify: true, token: 'tok-1' }, 1],
      ],
    ]);
    n.advance();
    expect(n.states()).toEqual([[0, R.Logining, 0]]);
    n.advance(300);
    n.zego('onRoomStateChanged', 'room1', R.Logining, 0, '');
    n.zego('onRoomStateChanged', 'room1', R.Logined, 0, '{"k":1}');
    n.zego('loginResult', 'room1', 1, 0, '{"k":1}'); // the same outcome a second time: dropped
    n.advance();
    expect(n.states()).toEqual([
      [0, R.Logining, 0],
      [300, R.Logined, 0],
    ]);
    expect(n.app.filter(([, ev]) => ev === 'callback')).toEqual([[300, 'callback', [0, '{"k":1}'], 5]]);
    expect(n.app.filter(([, ev]) => ev === 'onRoomStateUpdate').map(([, , a]) => a[1])).toEqual([1, 2]);
    expect(JSON.stringify(n.app)).not.toContain('tok-1');
  });

  test("no token: the config carries none (ZEGO's null), for AppSign authentication", () => {
    const n = new NativeRun();
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' } });
    expect(n.lastCommand('loginRoom')).toEqual([
      'room1',
      { userID: 'A', userName: 'A' },
      { maxMemberCount: 0, isUserStatusNotify: false },
      1,
    ]);
  });

  test('the login callback may come first: one Logined either way', () => {
    const n = new NativeRun();
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' }, config: { token: 't' } });
    n.zego('loginResult', 'room1', 1, 0, '');
    n.zego('onRoomStateChanged', 'room1', R.Logined, 0, '');
    n.advance();
    expect(n.states()).toEqual([
      [0, R.Logining, 0],
      [0, R.Logined, 0],
    ]);
  });

  test("logoutRoom → LogoutRoom(roomID); ZEGO's own Logout report is not repeated to the app", () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.invoke({ op: 'logoutRoom', roomID: 'room1', callbackId: 9 });
    n.zego('onRoomStateChanged', 'room1', R.Logout, 0, '');
    n.advance();
    expect(n.commands).toEqual([[0, 'logoutRoom', ['room1']]]);
    expect(n.states()).toEqual([[0, R.Logout, 0]]);
    expect(n.app.filter(([, ev]) => ev === 'callback')).toEqual([[0, 'callback', [0, ''], 9]]);
  });

  test('switchRoom → SwitchRoom(from, to, config with the current token); the target answers', () => {
    // The config is switchRoom's own (ZEGO: none given = defaults), with the current token when it has none.
    const n = new NativeRun();
    n.loggedIn('room1', 'tok-1');
    n.clear();
    n.invoke({ op: 'switchRoom', fromRoomID: 'room1', toRoomID: 'room2' });
    // The fourth argument is the engine's attempt id (issue 11): the login was attempt 1, the switch is attempt 2.
    expect(n.commands).toEqual([
      [0, 'switchRoom', ['room1', 'room2', { maxMemberCount: 0, isUserStatusNotify: false, token: 'tok-1' }, 2]],
    ]);
    n.zego('onRoomStateChanged', 'room1', R.Logout, 0, '');
    n.zego('onRoomStateChanged', 'room2', R.Logining, 0, '');
    n.advance(200);
    n.zego('onRoomStateChanged', 'room2', R.Logined, 0, '');
    n.advance();
    expect(n.states()).toEqual([
      [0, R.Logout, 0],
      [0, R.Logining, 0],
      [200, R.Logined, 0],
    ]);
    expect(n.states('room1')).toEqual([[0, R.Logout, 0]]);
  });

  test('switchRoom in multi-room mode: no command to ZEGO, onDebugError 1002019 (ZEGO 2.x: not available in multi-room mode)', () => {
    const n = new NativeRun(1);
    n.loggedIn('room1', 'tok-1');
    n.clear();
    n.invoke({ op: 'switchRoom', fromRoomID: 'room1', toRoomID: 'room2', config: { token: 'tok-2' } });
    n.advance();
    expect(n.commands).toEqual([]);
    expect(n.app.map(([, ev, a]) => [ev, a[0], a[1]])).toEqual([['onDebugError', 1002019, 'switchRoom']]);
  });

  test("renewToken → RenewToken(roomID, token); the core's validation comes first", () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.invoke({ op: 'renewToken', roomID: 'room1', token: 'tok-2' });
    n.invoke({ op: 'renewToken', roomID: 'nope', token: 'tok-3' });
    n.advance();
    expect(n.commands).toEqual([[0, 'renewToken', ['room1', 'tok-2']]]);
    expect(n.app).toEqual([[0, 'onDebugError', [1002002, 'renewToken', 'not logged in to room "nope"']]]);
  });

  test('destroyEngine: LogoutRoom for each room, then DestroyEngine, nothing after', () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.invoke({ op: 'destroyEngine' });
    expect(n.commands.map(([, c, a]) => [c, a])).toEqual([
      ['logoutRoom', ['room1']],
      ['destroyEngine', []],
    ]);
    expect(
      call({ op: 'nativeEvent', engine: n.engine, event: 'onRoomStateChanged', args: ['room1', R.Reconnecting, 1002051, ''] }),
    ).toMatchObject({ ok: false, error: 1000002 });
  });
});

describe("native driver: ZEGO's callbacks to the app", () => {
  test("a final login failure passes through with ZEGO's code, once", () => {
    const n = new NativeRun();
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' }, config: { token: 'bad' }, callbackId: 2 });
    n.zego('onRoomStateChanged', 'room1', R.LoginFailed, 1002033, '');
    n.zego('loginResult', 'room1', 1, 1002033, '');
    n.advance(60_000);
    expect(n.states()).toEqual([
      [0, R.Logining, 0],
      [0, R.LoginFailed, 1002033],
    ]);
    expect(n.app.filter(([, ev]) => ev === 'callback')).toEqual([[0, 'callback', [1002033, ''], 2]]);
    expect(n.commands.filter(([, c]) => c === 'loginRoom')).toHaveLength(1);
  });

  test('a retryable login failure (1002030) is retried by the core: LoginRoom again, one Logined', () => {
    const n = new NativeRun();
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' }, config: { token: 't' } });
    n.zego('onRoomStateChanged', 'room1', R.LoginFailed, 1002030, '');
    n.advance(500); // the default policy's second step
    const logins = n.commands.filter(([, c]) => c === 'loginRoom');
    expect(logins.map(([t, , a]) => [t, a[3]])).toEqual([
      [0, 1],
      [500, 2],
    ]);
    n.zego('loginResult', 'room1', 1, 1002030, ''); // the first attempt's callback, late: ignored
    n.zego('onRoomStateChanged', 'room1', R.Logined, 0, '');
    n.advance();
    expect(n.states()).toEqual([
      [0, R.Logining, 0],
      [500, R.Logined, 0],
    ]);
  });

  test('seed case 1: Reconnecting 1002051 then Reconnected 0, nothing else, no command', () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.advance(1000);
    n.zego('onRoomStateChanged', 'room1', R.Reconnecting, 1002051, '');
    n.zego('onRoomStateChanged', 'room1', R.Reconnecting, 1002051, ''); // a duplicate: dropped
    n.advance(60_000);
    n.zego('onRoomStateChanged', 'room1', R.Reconnected, 0, '');
    n.advance(5 * MIN);
    expect(n.states()).toEqual([
      [1000, R.Reconnecting, 1002051],
      [61_000, R.Reconnected, 0],
    ]);
    expect(n.app.filter(([, ev]) => ev === 'onRoomStateUpdate').map(([t, , a]) => [t, a[1]])).toEqual([
      [1000, 1],
      [61_000, 2],
    ]);
    expect(n.commands).toEqual([]);
  });

  test("Reconnecting and Reconnected in one batch (before the core's retry turn): both, in order", () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.zego('onRoomStateChanged', 'room1', R.Reconnecting, 1002051, '');
    n.zego('onRoomStateChanged', 'room1', R.Reconnected, 0, '');
    n.advance();
    n.advance();
    expect(n.states()).toEqual([
      [0, R.Reconnecting, 1002051],
      [0, R.Reconnected, 0],
    ]);
  });

  test("seed case 3: ZEGO's ReconnectFailed 1002053 at 20 min arrives once, no LogoutRoom (ZEGO has left)", () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.zego('onRoomStateChanged', 'room1', R.Reconnecting, 1002051, '');
    n.advance(20 * MIN - 1);
    n.zego('onRoomStateChanged', 'room1', R.ReconnectFailed, 1002053, '');
    n.advance(1);
    n.advance(10 * MIN);
    expect(n.states()).toEqual([
      [0, R.Reconnecting, 1002051],
      [20 * MIN - 1, R.ReconnectFailed, 1002053],
    ]);
    expect(n.commands).toEqual([]);
  });

  test("ZEGO gives up before the core's window (5 min): its ReconnectFailed and code end it then", () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.zego('onRoomStateChanged', 'room1', R.Reconnecting, 1002051, '');
    n.advance(5 * MIN);
    n.zego('onRoomStateChanged', 'room1', R.ReconnectFailed, 1002053, '');
    n.advance(20 * MIN);
    expect(n.states()).toEqual([
      [0, R.Reconnecting, 1002051],
      [5 * MIN, R.ReconnectFailed, 1002053],
    ]);
  });

  test("ZEGO still reconnecting at the core's 20 min: ReconnectFailed 1002053 by the core's clock, LogoutRoom, ZEGO's late word dropped", () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.zego('onRoomStateChanged', 'room1', R.Reconnecting, 1002051, '');
    n.advance(20 * MIN);
    expect(n.states()).toEqual([
      [0, R.Reconnecting, 1002051],
      [20 * MIN, R.ReconnectFailed, 1002053],
    ]);
    expect(n.commands).toEqual([[20 * MIN, 'logoutRoom', ['room1']]]);
    n.zego('onRoomStateChanged', 'room1', R.Reconnected, 0, '');
    n.zego('onRoomStateChanged', 'room1', R.ReconnectFailed, 1002053, '');
    n.advance(MIN);
    expect(n.states()).toHaveLength(2);
  });

  test("first login: ZEGO silent for 20 min → LoginFailed 1002053 by the core's clock and LogoutRoom", () => {
    const n = new NativeRun();
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' }, config: { token: 't' }, callbackId: 4 });
    n.advance(20 * MIN);
    expect(n.states()).toEqual([
      [0, R.Logining, 0],
      [20 * MIN, R.LoginFailed, 1002053],
    ]);
    expect(n.commands.map(([t, c]) => [t, c])).toEqual([
      [0, 'createEngine'],
      [0, 'loginRoom'],
      [20 * MIN, 'logoutRoom'],
    ]);
    expect(n.app.filter(([, ev]) => ev === 'callback').map(([, , a]) => a[0])).toEqual([1002053]);
  });

  test('KickOut passes through with its code; no LogoutRoom; later reports for the room are dropped', () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.zego('onRoomStateChanged', 'room1', R.KickOut, 1002050, 'ext');
    n.zego('onRoomStateChanged', 'room1', R.KickOut, 1002050, 'ext');
    n.zego('onRoomUserUpdate', 'room1', 0, [{ userID: 'B', userName: 'B' }], 1);
    n.advance();
    expect(n.app.filter(([, ev]) => ev === 'onRoomStateChanged').map(([, , a]) => a)).toEqual([
      ['room1', R.KickOut, 1002050, 'ext'],
    ]);
    expect(n.app.filter(([, ev]) => ev === 'onRoomUserUpdate')).toEqual([]);
    expect(n.commands).toEqual([]);
  });

  test("user, count and token events pass through with ZEGO's values and order", () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.zego(
      'onRoomUserUpdate',
      'room1',
      0,
      [
        { userID: 'B', userName: 'Bob' },
        { userID: 'C', userName: 'C' },
      ],
      2,
    );
    n.zego('onRoomOnlineUserCountUpdate', 'room1', 3);
    n.zego('onRoomUserUpdate', 'room1', 1, [{ userID: 'B', userName: 'Bob' }], 1);
    n.zego('onRoomTokenWillExpire', 'room1', 30);
    n.advance();
    expect(n.app.map(([, ev, a]) => [ev, a])).toEqual([
      [
        'onRoomUserUpdate',
        [
          'room1',
          0,
          [
            { userID: 'B', userName: 'Bob' },
            { userID: 'C', userName: 'C' },
          ],
        ],
      ],
      ['onRoomOnlineUserCountUpdate', ['room1', 3]],
      ['onRoomUserUpdate', ['room1', 1, [{ userID: 'B', userName: 'Bob' }]]],
      ['onRoomTokenWillExpire', ['room1', 30]],
    ]);
  });

  test('a user update while still logging in is held back by the core, as everywhere', () => {
    const n = new NativeRun();
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' }, config: { token: 't', isUserStatusNotify: true } });
    n.zego('onRoomUserUpdate', 'room1', 0, [{ userID: 'B', userName: 'B' }], 1);
    n.advance();
    expect(n.app.filter(([, ev]) => ev === 'onRoomUserUpdate')).toEqual([]);
  });

  test("ZEGO's onDebugError passes through after the app events already posted", () => {
    const n = new NativeRun();
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' }, config: { token: 't' } });
    n.zego('onDebugError', 1002075, 'loginRoom', 'token format error');
    n.advance();
    expect(n.app.map(([, ev, a]) => [ev, a[0]])).toEqual([
      ['onRoomStateChanged', 'room1'],
      ['onRoomStateUpdate', 'room1'],
      ['onDebugError', 1002075],
    ]);
  });

  test('the host\'s "network lost" while ZEGO still has the room: Reconnecting, then Reconnected at once', () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    n.invoke({ op: 'setNetworkReachable', reachable: false });
    n.advance();
    n.advance();
    expect(n.states()).toEqual([
      [0, R.Reconnecting, 1002051],
      [0, R.Reconnected, 0],
    ]);
    expect(n.commands).toEqual([]);
  });

  test('malformed native events answer 1000017 and change nothing; a simulator engine takes none', () => {
    const n = new NativeRun();
    n.loggedIn();
    n.clear();
    expect(n.zego('onRoomStateChanged', 42, R.Reconnecting, 1002051, '')).toMatchObject({ ok: false, error: 1000017 });
    expect(n.invoke({ op: 'nativeEvent', event: 'onRoomStateChanged', args: 'room1' })).toMatchObject({
      ok: false,
      error: 1000017,
    });
    expect(n.zego('somethingNew', 'room1')).toEqual({ ok: true });
    n.advance();
    expect(n.app).toEqual([]);
    const sim = call({ op: 'createEngine', appID: 1 }).engine;
    expect(call({ op: 'nativeEvent', engine: sim, event: 'onRoomStateChanged', args: ['room1', 3, 1002051, ''] })).toMatchObject({
      ok: false,
      error: 1000017,
    });
  });
});

describe("native driver: ZEGO's callbacks carry the attempt they belong to (issue 11)", () => {
  test('a login is answered by its own attempt: a LoginFailed tagged with the login the app left is dropped', () => {
    const n = new NativeRun();
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' }, config: { token: 't' }, callbackId: 1 });
    const first = n.lastCommand('loginRoom')[3] as number;
    n.invoke({ op: 'logoutRoom', roomID: 'room1' });
    n.invoke({ op: 'loginRoom', roomID: 'room1', user: { userID: 'A' }, config: { token: 't' }, callbackId: 2 });
    const second = n.lastCommand('loginRoom')[3] as number;
    expect(second).toBeGreaterThan(first);
    // ZEGO's failure of the first login, raised before C# ran the second LoginRoom: tagged with the first.
    n.zego('onRoomStateChanged', 'room1', R.LoginFailed, 1002033, '', first);
    n.zego('loginResult', 'room1', first, 1002033, '');
    n.zego('onRoomStateChanged', 'room1', R.Logining, 0, '', second);
    n.advance(100);
    n.zego('onRoomStateChanged', 'room1', R.Logined, 0, '', second);
    n.advance();
    expect(n.states()).toEqual([
      [0, R.Logining, 0],
      [0, R.Logout, 0],
      [0, R.Logining, 0],
      [100, R.Logined, 0],
    ]);
    expect(n.app.filter(([, ev]) => ev === 'callback').map(([t, , a, id]) => [t, id, a[0]])).toEqual([
      [0, 1, 1102026],
      [100, 2, 0],
    ]);
  });

  test('pushes tagged with an earlier login of the room are dropped; untagged ones (an older C# side) still pass', () => {
    const n = new NativeRun();
    const first = n.loggedIn();
    n.invoke({ op: 'logoutRoom', roomID: 'room1' });
    const second = n.loggedIn();
    n.clear();
    n.zego('onRoomUserUpdate', 'room1', 0, [{ userID: 'B', userName: 'Bob' }], 1, first);
    n.zego('onRoomOnlineUserCountUpdate', 'room1', 7, first);
    n.zego('onRoomStateChanged', 'room1', R.KickOut, 1002055, '', first);
    n.zego('onRoomUserUpdate', 'room1', 0, [{ userID: 'C', userName: 'Cy' }], 1, second);
    n.zego('onRoomOnlineUserCountUpdate', 'room1', 2);
    n.advance();
    expect(n.app.map(([, ev, a]) => [ev, a[0], a[1]])).toEqual([
      ['onRoomUserUpdate', 'room1', 0],
      ['onRoomOnlineUserCountUpdate', 'room1', 2],
    ]);
    expect((n.app[0][2][2] as Array<{ userID: string }>).map((u) => u.userID)).toEqual(['C']);
    expect(n.states()).toEqual([]);
  });
});
