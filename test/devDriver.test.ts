// The dev driver on virtual time with a scripted WebSocket: what it sends, when it declares a link lost
// (a closed socket at once, a silent one two heartbeat intervals after the last frame heard), and which
// server frames reach the engine. No network: every step is exact.
import {
  VirtualClock,
  ZegoExpressEngine,
  ZegoRoomStateChangedReason as R,
  createDevDriver,
  seededRandom,
  type Clock,
  type DevWebSocketClass,
} from '../src/index';

type Listener = (event: { data?: unknown }) => void;

class ScriptedSocket {
  static made: ScriptedSocket[] = [];
  readonly sent: Array<Record<string, unknown>> = [];
  closedWith: number | undefined;
  private readonly listeners = new Map<string, Listener[]>();
  constructor(readonly url: string) {
    ScriptedSocket.made.push(this);
  }
  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text));
  }
  close(code?: number): void {
    this.closedWith = code ?? 1000;
  }
  fire(type: string, data?: unknown): void {
    for (const l of this.listeners.get(type) ?? []) l({ data });
  }
  /** The server's side: open, then welcome. */
  accept(): void {
    this.fire('open');
    this.fire('message', JSON.stringify({ t: 'welcome', v: 1, heartbeatTimeoutMs: 90000, tokenCheck: false }));
  }
  reply(message: Record<string, unknown>): void {
    this.fire('message', JSON.stringify(message));
  }
}

const INTERVAL = 5000;

/** An engine on the dev driver over scripted sockets, recording what its app sees (ms since it was made). */
function setup<C extends Clock>(clock: C, retryWindowMs?: number) {
  ScriptedSocket.made = [];
  const engine = ZegoExpressEngine.createEngine({
    appID: 7,
    clock,
    random: seededRandom(1),
    retryWindowMs,
    driver: createDevDriver({
      url: 'ws://127.0.0.1:1',
      WebSocket: ScriptedSocket as unknown as DevWebSocketClass,
      clientId: 'device-1',
    }),
    logger: { warn: () => undefined, error: () => undefined },
  });
  const seen: Array<[number, R, number]> = [];
  const users: Array<[number, string[]]> = [];
  const t0 = clock.now();
  engine.setEventHandler({
    onRoomStateChanged: (_room, reason, code) => seen.push([clock.now() - t0, reason, code]),
    onRoomUserUpdate: (_room, type, list) => users.push([type, list.map((u) => u.userID)]),
  });
  const socket = () => ScriptedSocket.made[ScriptedSocket.made.length - 1];
  return { clock, engine, seen, users, socket, t0 };
}

const virtual = () => setup(new VirtualClock(1_700_000_000_000));

/** Logs in and answers as the server would; returns the login's attempt id. */
function loggedIn(w: ReturnType<typeof virtual>): number {
  w.engine.loginRoom('room', { userID: 'u1' }, { isUserStatusNotify: true });
  w.clock.advanceSync(0);
  w.socket().accept();
  const login = w.socket().sent.find((m) => m.t === 'login')!;
  w.socket().reply({ t: 'loginResult', room: 'room', attempt: login.attempt, code: 0, ext: '', key: 11, kicked: false });
  w.clock.advanceSync(0);
  return login.attempt as number;
}

test('hello first, then the login the engine asked for (queued until welcome), with its attempt id', () => {
  const w = virtual();
  w.engine.loginRoom('room', { userID: 'u1', userName: 'One' }, { token: 'abc', isUserStatusNotify: true, maxMemberCount: 5 });
  w.clock.advanceSync(0);
  expect(w.socket().sent).toEqual([]);
  w.socket().fire('open');
  expect(w.socket().sent).toEqual([{ t: 'hello', v: 1, clientId: 'device-1', appID: 7 }]);
  w.socket().reply({ t: 'welcome', v: 1, heartbeatTimeoutMs: 90000, tokenCheck: false });
  expect(w.socket().sent[1]).toEqual({
    t: 'login',
    room: 'room',
    attempt: 1,
    userID: 'u1',
    userName: 'One',
    token: 'abc',
    maxMemberCount: 5,
    notify: true,
    reconnect: false,
  });
});

test('a heartbeat every interval while the link is up', () => {
  const w = virtual();
  loggedIn(w);
  const beats = () => w.socket().sent.filter((m) => m.t === 'hb').length;
  w.clock.advanceSync(INTERVAL - 1);
  expect(beats()).toBe(0);
  w.socket().reply({ t: 'hb' });
  w.clock.advanceSync(1);
  expect(beats()).toBe(1);
  w.socket().reply({ t: 'hb' });
  w.clock.advanceSync(INTERVAL);
  expect(beats()).toBe(2);
});

test('a silent link is lost exactly two intervals after the last frame heard: Reconnecting (1002051)', () => {
  const w = virtual();
  loggedIn(w);
  const lastHeard = w.clock.now() - w.t0;
  w.clock.advanceSync(2 * INTERVAL - 1);
  expect(w.seen.map(([, r]) => r)).toEqual([R.Logining, R.Logined]);
  w.clock.advanceSync(1);
  expect(w.seen.at(-1)).toEqual([lastHeard + 2 * INTERVAL, R.Reconnecting, 1002051]);
  expect(ScriptedSocket.made[0].closedWith).toBe(4408);
});

test('frames keep a link alive: no loss while the server answers heartbeats', () => {
  const w = virtual();
  loggedIn(w);
  for (let i = 0; i < 10; i++) {
    w.clock.advanceSync(INTERVAL);
    w.socket().reply({ t: 'hb' });
  }
  expect(w.seen.map(([, r]) => r)).toEqual([R.Logining, R.Logined]);
  expect(ScriptedSocket.made).toHaveLength(1);
});

test('a closed socket is a lost link at once; the first retry opens a new socket and resumes (reconnect: true)', () => {
  const w = virtual();
  loggedIn(w);
  const at = w.clock.now() - w.t0;
  w.socket().fire('close');
  w.clock.advanceSync(0);
  expect(w.seen.at(-1)).toEqual([at, R.Reconnecting, 1002051]);
  expect(ScriptedSocket.made).toHaveLength(2);
  w.socket().accept();
  const retry = w.socket().sent.find((m) => m.t === 'login')!;
  expect(retry).toMatchObject({ room: 'room', reconnect: true });
  w.socket().reply({ t: 'loginResult', room: 'room', attempt: retry.attempt, code: 0, ext: '', key: 11, kicked: false });
  w.clock.advanceSync(0);
  expect(w.seen.at(-1)).toEqual([at, R.Reconnected, 0]);
});

test('an attempt in flight when the socket closes fails with 1002030 and the engine retries', () => {
  const w = virtual();
  w.engine.loginRoom('room', { userID: 'u1' });
  w.clock.advanceSync(0);
  w.socket().fire('close');
  w.clock.advanceSync(0);
  // 1002030 is retryable: still Logining; the policy's retry (500 ms here) opens a new socket.
  expect(w.seen.map(([, r]) => r)).toEqual([R.Logining]);
  expect(ScriptedSocket.made).toHaveLength(1);
  w.clock.advanceSync(500);
  expect(ScriptedSocket.made).toHaveLength(2);
  w.socket().accept();
  expect(w.socket().sent.find((m) => m.t === 'login')).toMatchObject({ room: 'room', attempt: 2, reconnect: false });
});

test('pushes reach the engine only for the member session it holds; a stale or foreign key is dropped', () => {
  const w = virtual();
  loggedIn(w);
  w.socket().reply({ t: 'userUpdate', room: 'room', key: 99, update: 0, users: [{ userID: 'ghost', userName: 'g' }] });
  w.socket().reply({ t: 'userUpdate', room: 'room', key: 11, update: 0, users: [{ userID: 'u2', userName: 'Two' }] });
  w.clock.advanceSync(0);
  expect(w.users).toEqual([[0, ['u2']]]);
});

test('an answer for a cancelled or older attempt is dropped; a kick names the session it ends', () => {
  const w = virtual();
  const attempt = loggedIn(w);
  w.socket().reply({ t: 'loginResult', room: 'room', attempt: attempt + 100, code: 1002033, ext: '', key: 0, kicked: false });
  w.socket().reply({ t: 'kick', room: 'room', key: 12, code: 1002055 });
  w.clock.advanceSync(0);
  expect(w.seen.map(([, r]) => r)).toEqual([R.Logining, R.Logined]);
  w.socket().reply({ t: 'kick', room: 'room', key: 11, code: 1002055 });
  w.clock.advanceSync(0);
  expect(w.seen.at(-1)).toEqual([0, R.KickOut, 1002055]);
});

test('garbage or an unknown frame from the server changes nothing', () => {
  const w = virtual();
  loggedIn(w);
  for (const text of ['not json', '[]', '{"t":"surprise"}', '{"t":"kick","room":"room"}', 42]) w.socket().fire('message', text);
  w.clock.advanceSync(0);
  expect(w.seen.map(([, r]) => r)).toEqual([R.Logining, R.Logined]);
});

test('logging out of the last room sends logout and closes the socket; nothing more is sent', () => {
  const w = virtual();
  loggedIn(w);
  w.engine.logoutRoom('room');
  w.clock.advanceSync(0);
  const socket = ScriptedSocket.made[0];
  expect(socket.sent.at(-1)).toEqual({ t: 'logout', room: 'room' });
  expect(socket.closedWith).toBe(1000);
  const count = socket.sent.length;
  w.clock.advanceSync(10 * INTERVAL);
  expect(socket.sent.length).toBe(count);
  expect(w.seen.at(-1)).toEqual([0, R.Logout, 0]);
});

test('createDevDriver refuses a bad url, a bad interval and a host without WebSocket, naming each', () => {
  expect(() => createDevDriver({ url: 'http://x' })).toThrow('url must be ws://host:port');
  expect(() =>
    createDevDriver({ url: 'ws://x', WebSocket: ScriptedSocket as unknown as DevWebSocketClass, heartbeatIntervalMs: 5 }),
  ).toThrow('heartbeatIntervalMs must be an integer from 10 to 600000');
  const saved = (globalThis as { WebSocket?: unknown }).WebSocket;
  (globalThis as { WebSocket?: unknown }).WebSocket = undefined;
  try {
    expect(() => createDevDriver({ url: 'ws://x' })).toThrow('no WebSocket here');
  } finally {
    (globalThis as { WebSocket?: unknown }).WebSocket = saved;
  }
});

test('createEngine refuses a retryWindowMs the host timers cannot hold', () => {
  const driver = () => createDevDriver({ url: 'ws://x', WebSocket: ScriptedSocket as unknown as DevWebSocketClass });
  for (const bad of [0, -1, NaN, Infinity, 2 ** 31]) {
    expect(() => ZegoExpressEngine.createEngine({ appID: 1, driver: driver(), retryWindowMs: bad })).toThrow(
      'retryWindowMs: 1 to 2^31-1 ms',
    );
  }
});

test('retryWindowMs shortens the window: ReconnectFailed (1002053) exactly that long after Reconnecting', () => {
  const { clock, engine, seen } = setup(new VirtualClock(0), 30_000);
  engine.loginRoom('room', { userID: 'u1' });
  clock.advanceSync(0);
  const first = ScriptedSocket.made[0];
  first.accept();
  first.reply({ t: 'loginResult', room: 'room', attempt: 1, code: 0, ext: '', key: 1, kicked: false });
  clock.advanceSync(1000);
  first.fire('close');
  // Every later socket closes as soon as it is made (the server stays away).
  for (let i = 0; i < 200 && seen.at(-1)![1] !== R.ReconnectFailed; i++) {
    clock.advanceSync(500);
    for (const s of ScriptedSocket.made.slice(1)) if (s.closedWith === undefined) s.fire('close');
  }
  expect(seen.map(([t, r, c]) => [t, r, c])).toEqual([
    [0, R.Logining, 0],
    [0, R.Logined, 0],
    [1000, R.Reconnecting, 1002051],
    [31000, R.ReconnectFailed, 1002053],
  ]);
});

/** A host clock that, like a Unity frame after a hitch, runs every due timer only when `run(to)` is called, with now = to. */
class StallingClock {
  private current = 0;
  private timers: Array<{ at: number; fn: () => void; id: number }> = [];
  private ids = 0;
  now(): number {
    return this.current;
  }
  setTimeout(fn: () => void, ms: number): number {
    this.timers.push({ at: this.current + Math.max(0, ms), fn, id: ++this.ids });
    return this.ids;
  }
  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }
  /** Jumps to `to` and runs what fell due, earliest first, each seeing now = `to`. */
  run(to: number): void {
    this.current = to;
    for (let guard = 0; guard < 10_000; guard++) {
      const due = this.timers.filter((t) => t.at <= to).sort((x, y) => x.at - y.at || x.id - y.id)[0];
      if (!due) return;
      this.timers = this.timers.filter((t) => t !== due);
      due.fn();
    }
  }
}

function stalled() {
  const { clock, engine, seen } = setup(new StallingClock());
  engine.loginRoom('room', { userID: 'u1' });
  clock.run(0);
  const socket = ScriptedSocket.made[0];
  socket.accept();
  socket.reply({ t: 'loginResult', room: 'room', attempt: 1, code: 0, ext: '', key: 1, kicked: false });
  clock.run(0);
  return { clock, seen, socket };
}

test('a stall of the app itself (timers running 15 s late) is not a lost link when the frames were waiting behind it', () => {
  const { clock, seen, socket } = stalled();
  clock.run(3 * INTERVAL); // the watchdog, due at 10 s, runs at 15 s: a stall; it grants a grace check
  socket.reply({ t: 'hb' }); // the answers that arrived during the stall are read now
  clock.run(3 * INTERVAL + INTERVAL / 4);
  // Then the usual rhythm: a heartbeat each interval, each answered.
  for (let beat = 4; beat <= 8; beat++) {
    clock.run(beat * INTERVAL);
    socket.reply({ t: 'hb' });
  }
  expect(seen.map(([, r]) => r)).toEqual([R.Logining, R.Logined]);
  expect(socket.closedWith).toBeUndefined();
});

test('after a stall with nothing waiting, the link is lost at the grace check (a quarter interval later)', () => {
  const { clock, seen } = stalled();
  clock.run(3 * INTERVAL);
  expect(seen.map(([, r]) => r)).toEqual([R.Logining, R.Logined]);
  clock.run(3 * INTERVAL + INTERVAL / 4);
  expect(seen.at(-1)).toEqual([3 * INTERVAL + INTERVAL / 4, R.Reconnecting, 1002051]);
});
