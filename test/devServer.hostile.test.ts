// Hostile clients against the local room server (docs/DEVSERVER.md, "Limits and close codes"): each is
// refused or closed with its documented close code, the server stays up (a new client still logs in),
// and two engines in another room see nothing at all. The server runs in-process on a free loopback
// port; its clock is real time that a test may move forward (JumpClock) to pass a timeout at once.
import fc from 'fast-check';
import { connect } from 'node:net';
import { DevRoomServer, type DevRoomServerOptions } from '../src/server/index';
import { ROUTES } from '../src/server/admin';
import { CLIENT_MESSAGES, DEV_CLOSE, DEV_MAX_FRAME_BYTES, DEV_PROTOCOL_VERSION, DEV_RATE_LIMIT } from '../src/dev/protocol';
import { makeTestToken04 } from '../src/token/token04';
import { ZegoRoomStateChangedReason as R, ZegoUpdateType } from '../src/index';
import { DevClient } from './support/devServer';
import { JumpClock, RawClient, waitUntil } from './support/rawClient';

jest.setTimeout(60_000);

const ADMIN_TOKEN = 'hostile-admin-token-0123456789ab';
/** Close codes a client of this server may see: the server's own, and the WebSocket layer's. */
const DOCUMENTED = new Set<number>([...Object.values(DEV_CLOSE), 1000, 1001, 1006, 1009]);

let server: DevRoomServer;
let clock: JumpClock;
let url: string;
let logLines: string[];
let calmA: DevClient;
let calmB: DevClient;
let before: { a: number; b: number; members: unknown };
const raws: RawClient[] = [];
let probes = 0;

interface MemberView {
  userID: string;
  key: number;
  connected: boolean;
}

function membersOf(room: string): MemberView[] {
  const rooms = server.state().rooms as Array<{ roomID: string; members: MemberView[] }>;
  return (rooms.find((r) => r.roomID === room)?.members ?? [])
    .map(({ userID, key, connected }) => ({ userID, key, connected }))
    .sort((x, y) => x.userID.localeCompare(y.userID));
}

function raw(): RawClient {
  const c = new RawClient(url);
  raws.push(c);
  return c;
}

/** A server with `options`, and two engines in room "calm" that have heard of each other. */
async function setUp(options: Partial<DevRoomServerOptions> = {}): Promise<void> {
  clock = new JumpClock();
  logLines = [];
  server = new DevRoomServer({ port: 0, clock, adminToken: ADMIN_TOKEN, log: (line) => logLines.push(line), ...options });
  url = (await server.start()).url;
  // A long heartbeat interval: a test that keeps this process busy must not look like a silent link.
  calmA = new DevClient('calm-a', url, { heartbeatIntervalMs: 2000 });
  calmB = new DevClient('calm-b', url, { heartbeatIntervalMs: 2000 });
  calmA.login('calm');
  await calmA.waitForState(R.Logined);
  calmB.login('calm');
  await calmB.waitForState(R.Logined);
  await calmA.waitFor((s) => s.cb === 'user' && s.type === ZegoUpdateType.Add);
  await calmB.waitFor((s) => s.cb === 'user' && s.type === ZegoUpdateType.Add);
  before = { a: calmA.seen.length, b: calmB.seen.length, members: membersOf('calm') };
}

afterEach(async () => {
  for (const c of raws.splice(0)) c.terminate();
  calmA?.destroy();
  calmB?.destroy();
  await server?.close();
});

/** The other room saw nothing, and the server still answers a new client's login. */
async function expectUntouchedAndUp(): Promise<void> {
  expect(calmA.seen.slice(before.a)).toEqual([]);
  expect(calmB.seen.slice(before.b)).toEqual([]);
  expect(membersOf('calm')).toEqual(before.members);
  const probe = raw();
  const id = `probe-${++probes}`;
  await probe.greet(id);
  probe.login(`room-${id}`, id);
  expect(await probe.next('loginResult')).toMatchObject({ t: 'loginResult', room: `room-${id}`, attempt: 1, code: 0 });
  probe.socket.close(1000);
  await probe.whenClosed();
}

/** A client that said hello (and, with `room`, logged in). */
async function greeted(clientId: string, room?: string): Promise<RawClient> {
  const c = raw();
  await c.greet(clientId);
  if (room) {
    c.login(room, clientId);
    expect(await c.next('loginResult')).toMatchObject({ code: 0 });
  }
  return c;
}

describe('frames the server refuses', () => {
  test('a frame over 64 KiB is closed with 1009; one of exactly 64 KiB is read', async () => {
    await setUp();
    const c = await greeted('big');
    const pad = (bytes: number) => JSON.stringify({ t: 'hb', pad: 'x'.repeat(bytes - '{"t":"hb","pad":""}'.length) });
    expect(Buffer.byteLength(pad(DEV_MAX_FRAME_BYTES))).toBe(65536);
    c.send(pad(DEV_MAX_FRAME_BYTES));
    await c.next('hb');
    c.send(pad(DEV_MAX_FRAME_BYTES + 1));
    expect(await c.whenClosed()).toEqual({ code: 1009, reason: '' });
    await expectUntouchedAndUp();
  });

  test('malformed JSON from a logged-in client: 4400 "not JSON"; its room sees a lost link, not a leave', async () => {
    await setUp();
    const c = await greeted('rough', 'rough-room');
    const key = membersOf('rough-room')[0].key;
    c.send('{"t":"hb"');
    expect(await c.whenClosed()).toEqual({ code: DEV_CLOSE.BadMessage, reason: 'not JSON' });
    // The member waits for the heartbeat timeout, as after any lost link: a reconnect would resume it.
    expect(membersOf('rough-room')).toEqual([{ userID: 'rough', key, connected: false }]);
    expect(logLines).toContain('closed a connection (4400): not JSON');
    await expectUntouchedAndUp();
  });

  test.each([
    ['an unknown message type', { t: 'shout' }, 'unknown message type "shout"'],
    ['no type', { room: 'calm' }, 'unknown message type undefined'],
    ['a JSON value that is not an object', [1, 2], 'not a JSON object'],
    ['a field missing', { t: 'logout' }, 'logout.room: missing'],
    ['an integer below its range', { t: 'login', room: 'r', attempt: 0 }, 'login.attempt: below 1'],
    ['a string over its length', { t: 'logout', room: 'r'.repeat(129) }, 'logout.room: longer than 128'],
    ['a field of the wrong kind', { t: 'renew', room: 'r', token: 5 }, 'renew.token: not a string'],
    ['hello twice', { t: 'hello', v: 1, clientId: 'again', appID: 1 }, '"hello" twice'],
  ])('%s after hello: 4400', async (_name, frame, reason) => {
    await setUp();
    const c = await greeted('bad-fields', 'bad-fields-room');
    c.send(frame as Record<string, unknown>);
    expect(await c.whenClosed()).toEqual({ code: DEV_CLOSE.BadMessage, reason });
    await expectUntouchedAndUp();
  });

  test('a message before hello: 4400', async () => {
    await setUp();
    const c = raw();
    await c.whenOpen();
    c.login('calm', 'intruder');
    expect(await c.whenClosed()).toEqual({ code: DEV_CLOSE.BadMessage, reason: '"hello" must come first' });
    expect(c.received).toEqual([]);
    await expectUntouchedAndUp();
  });

  test('another protocol version: 4426, with the version the server speaks', async () => {
    await setUp();
    const c = raw();
    await c.whenOpen();
    c.hello('future', DEV_PROTOCOL_VERSION + 1);
    expect(await c.whenClosed()).toEqual({
      code: DEV_CLOSE.VersionMismatch,
      reason: `protocol version ${DEV_PROTOCOL_VERSION + 1}; this server speaks ${DEV_PROTOCOL_VERSION}`,
    });
    await expectUntouchedAndUp();
  });

  test('a binary frame: 4400', async () => {
    await setUp();
    const c = await greeted('binary');
    c.send(Buffer.from(JSON.stringify({ t: 'hb' })));
    expect(await c.whenClosed()).toEqual({ code: DEV_CLOSE.BadMessage, reason: 'a binary frame' });
    await expectUntouchedAndUp();
  });
});

describe('floods, silence and idle sockets', () => {
  test(`a burst within the rate limit is answered; a flood beyond ${DEV_RATE_LIMIT} a second is closed with 4429`, async () => {
    await setUp();
    const polite = await greeted('polite');
    for (let i = 0; i < 90; i++) polite.send({ t: 'hb' });
    await polite.until(() => polite.received.filter((m) => m.t === 'hb').length === 90, '90 heartbeats answered');
    expect(polite.closed).toBeUndefined();

    const flood = await greeted('flood', 'flood-room');
    for (let i = 0; i < 3 * DEV_RATE_LIMIT; i++) flood.send({ t: 'hb' });
    expect(await flood.whenClosed()).toEqual({ code: DEV_CLOSE.RateLimited, reason: 'more than 100 messages a second' });
    // Hello and login took two of the bucket's 100; about one more refills while the flood is read.
    const answered = flood.received.filter((m) => m.t === 'hb').length;
    expect(answered).toBeGreaterThanOrEqual(DEV_RATE_LIMIT - 2);
    expect(answered).toBeLessThan(DEV_RATE_LIMIT + 5);
    await expectUntouchedAndUp();
  });

  test('half-open TCP: a partial upgrade request, or nothing at all, is dropped (408) after the headers timeout', async () => {
    const headersTimeoutMs = 400;
    await setUp({ headersTimeoutMs });
    const { port } = new URL(url);
    const outcomes = await Promise.all(
      ['GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n', ''].map(
        (partial) =>
          new Promise<{ ms: number; reply: string }>((resolve, reject) => {
            const started = Date.now();
            let reply = '';
            const socket = connect(Number(port), '127.0.0.1', () => socket.write(partial));
            const timer = setTimeout(() => {
              socket.destroy();
              reject(new Error('a half-open connection was kept for 10 s'));
            }, 10_000);
            socket.on('data', (d) => (reply += String(d)));
            socket.on('error', () => undefined);
            socket.on('close', () => {
              clearTimeout(timer);
              resolve({ ms: Date.now() - started, reply });
            });
          }),
      ),
    );
    for (const o of outcomes) {
      expect(o.reply).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
      expect(o.ms).toBeGreaterThanOrEqual(headersTimeoutMs - 5);
      // The check runs every headersTimeout / 4 (at least 50 ms): dropped within about 1.25 × the timeout.
      expect(o.ms).toBeLessThan(headersTimeoutMs * 1.25 + 2000);
    }
    await expectUntouchedAndUp();
  });

  test('a WebSocket that never says hello is closed with 4408 once the hello timeout has passed', async () => {
    const helloTimeoutMs = 10_000;
    await setUp({ helloTimeoutMs });
    const c = raw();
    await c.whenOpen();
    const openedAt = clock.now();
    clock.jump(helloTimeoutMs - 1000);
    // A sweep after this point finds the socket younger than the timeout.
    clock.jump(1000);
    expect(await c.whenClosed(5000)).toEqual({ code: DEV_CLOSE.Silent, reason: 'no hello' });
    expect(clock.now() - openedAt).toBeGreaterThanOrEqual(helloTimeoutMs);
    await expectUntouchedAndUp();
  });

  test('2,000 idle sockets that never log in: beyond maxConnections refused (4503), the rest closed (4408); the other room sees nothing', async () => {
    const maxConnections = 1500;
    const helloTimeoutMs = 60_000;
    await setUp({ maxConnections, helloTimeoutMs });
    // The two engines hold one socket each.
    const room = maxConnections - 2;
    const idle: RawClient[] = [];
    for (let batch = 0; batch < 20; batch++) {
      const opened = Array.from({ length: 100 }, () => raw());
      idle.push(...opened);
      await Promise.all(opened.map((c) => c.until(() => c.opened || !!c.closed, 'open or refused', 20_000)));
    }
    const count = (code: number) => idle.filter((c) => c.closed?.code === code).length;
    await waitUntil(() => count(DEV_CLOSE.ServerFull) === 2000 - room, 'the refusals', 20_000);
    expect(idle.filter((c) => c.closed).every((c) => c.closed!.reason === 'server full')).toBe(true);
    expect(idle.filter((c) => !c.closed)).toHaveLength(room);

    // The hello timeout passes for every one of them at once.
    clock.jump(helloTimeoutMs);
    await waitUntil(() => idle.every((c) => c.closed), 'every idle socket closed', 20_000);
    expect(count(DEV_CLOSE.Silent)).toBe(room);
    expect(count(DEV_CLOSE.ServerFull)).toBe(2000 - room);
    expect(idle.filter((c) => c.received.length > 0)).toEqual([]);
    await expectUntouchedAndUp();
  });
});

describe('shutdown', () => {
  test('a frame still in flight when the server closes (Ctrl-C) is dropped; every client sees 1001', async () => {
    await setUp();
    const c = await greeted('leaving', 'leaving-room');
    c.send({ t: 'logout', room: 'leaving-room' });
    // In the same turn: the logout reaches a server whose rooms are gone.
    const closing = server.close();
    expect(await c.whenClosed()).toEqual({ code: DEV_CLOSE.ServerShutdown, reason: 'server shutting down' });
    await closing;
    expect(server.state().rooms).toEqual([]);
  });
});

describe('the admin API', () => {
  test('refuses every route without its token (401) and changes nothing', async () => {
    await setUp();
    const http = url.replace(/^ws:/, 'http:');
    const fill: Record<string, string[]> = {
      clients: ['client-calm-a'],
      rooms: ['calm', 'calm-a'],
    };
    const paths = ROUTES.map(({ pattern }) => {
      const values = [...(fill[pattern[0]] ?? [])];
      return pattern.map((p) => (p === '*' ? encodeURIComponent(values.shift() ?? 'x') : p)).join('/');
    });
    expect(paths).toEqual(expect.arrayContaining(['clients/client-calm-a/cut', 'rooms/calm/users/calm-a/kick', 'restart']));
    const wrong: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${ADMIN_TOKEN.slice(0, -1)}x` },
      { authorization: `Basic ${ADMIN_TOKEN}` },
      { authorization: ADMIN_TOKEN },
    ];
    const statuses: string[] = [];
    for (const headers of wrong) {
      for (const path of [...paths, 'state', 'no-such-route']) {
        for (const method of ['GET', 'POST']) {
          const res = await fetch(`${http}/api/${path}?token=nope&ms=10`, { method, headers });
          statuses.push(`${method} ${path} ${res.status} ${((await res.json()) as { error: string }).error}`);
        }
      }
    }
    expect(statuses.filter((s) => !s.endsWith(' 401 the admin token is required'))).toEqual([]);
    expect(statuses).toHaveLength(wrong.length * (paths.length + 2) * 2);
    // With the token the same API answers (the routes exist; the refusal above was the token's).
    const ok = await fetch(`${http}/api/state`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(ok.status).toBe(200);
    await ok.text();
    expect(server.state().clients).toEqual(
      expect.arrayContaining([expect.objectContaining({ clientId: 'client-calm-a', blackhole: false, delayMs: 0 })]),
    );
    await expectUntouchedAndUp();
  });
});

describe('fuzz', () => {
  const TYPES = Object.keys(CLIENT_MESSAGES);
  const FIELDS = [...new Set(TYPES.flatMap((t) => Object.keys(CLIENT_MESSAGES[t])))];
  const SPEC = Object.fromEntries(TYPES.flatMap((t) => Object.entries(CLIENT_MESSAGES[t])));
  const nowSec = Math.floor(Date.now() / 1000);
  const token = fc.oneof(
    fc.constant(''),
    fc.string({ maxLength: 40 }),
    fc.integer({ min: -60, max: 3600 }).map((dt) => makeTestToken04({ expireAtSec: nowSec + dt, salt: 'fuzz' })),
  );
  /** A value the field accepts (rooms and users from small sets, so runs meet in the same rooms). */
  const validValue = (name: string): fc.Arbitrary<unknown> => {
    const spec = SPEC[name];
    if (name === 'room')
      return fc.oneof(
        fc.constantFrom('fz-a', 'fz-b'),
        fc.string({ maxLength: 20 }).map((s) => `fz-${s}`),
      );
    if (name === 'userID') return fc.constantFrom('u1', 'u2', 'u3');
    if (name === 'token') return token;
    if (spec.kind === 'boolean') return fc.boolean();
    if (spec.kind === 'integer') return fc.integer({ min: spec.min ?? 0, max: Math.min(spec.maxValue ?? 1000, 2 ** 31 - 1) });
    return fc.string({ maxLength: Math.min(spec.max ?? 20, 20) });
  };
  /** Usually an accepted value, sometimes one at or past its bounds, sometimes anything. */
  const anyValue = (name: string): fc.Arbitrary<unknown> => {
    const spec = SPEC[name];
    const edge: fc.Arbitrary<unknown> =
      spec.kind === 'integer'
        ? fc.constantFrom((spec.min ?? 0) - 1, spec.maxValue! + 1, spec.min ?? 0, spec.maxValue!, 1.5, '1')
        : spec.kind === 'string'
          ? fc.constantFrom('x'.repeat(spec.max ?? 0), 'x'.repeat((spec.max ?? 0) + 1), 1, null)
          : fc.constantFrom(0, 'true', null);
    return fc.oneof(
      { weight: 20, arbitrary: validValue(name) },
      { weight: 1, arbitrary: edge },
      { weight: 1, arbitrary: fc.jsonValue() },
    );
  };
  const message = (types: string[], value: (name: string) => fc.Arbitrary<unknown>, missing: number) =>
    fc
      .tuple(fc.constantFrom(...types), fc.tuple(...FIELDS.map((f) => fc.option(value(f), { freq: missing, nil: undefined }))))
      .map(([t, values]) => {
        const out: Record<string, unknown> = { t };
        // The type's own fields, and now and then another type's (extra fields are ignored).
        FIELDS.forEach((f, i) => {
          if (values[i] !== undefined && (f in CLIENT_MESSAGES[t] || i % 3 === 0)) out[f] = values[i];
        });
        return JSON.stringify(out);
      });
  /** Messages the server accepts: logins, logouts, renewals and heartbeats in random order. */
  const wellFormed = message(['hb', 'login', 'login', 'logout', 'renew'], validValue, Number.MAX_SAFE_INTEGER);
  /** Known types with fields that may be missing, out of range or of any kind. */
  const typed = message([...TYPES, 'hb', 'login', 'login'], anyValue, 30);
  const frame = fc.oneof(
    { weight: 6, arbitrary: typed },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 2, arbitrary: fc.tuple(typed, fc.nat()).map(([text, cut]) => text.slice(0, cut % text.length)) },
  );
  /** Half the runs stay well-formed (deep room paths), half are hostile from some point on. */
  const run = fc.oneof(
    fc.array(wellFormed, { minLength: 1, maxLength: 20 }),
    fc
      .tuple(fc.array(wellFormed, { maxLength: 10 }), fc.array(frame, { minLength: 1, maxLength: 10 }))
      .map(([a, b]) => [...a, ...b]),
  );

  test('random frames after hello: the server closes only with documented codes and keeps serving', async () => {
    await setUp();
    let runs = 0;
    const closes: number[] = [];
    await fc.assert(
      fc.asyncProperty(run, async (frames) => {
        const id = `fuzz-${++runs}`;
        const c = new RawClient(url);
        try {
          await c.greet(id);
          for (const f of frames) c.send(f);
          // The server reads a connection's frames in order: its answer to this one means it read them all.
          c.send({ t: 'renew', room: `probe-${id}`, token: '' });
          await c.until(() => !!c.closed || c.received.some((m) => m.room === `probe-${id}`), 'the probe answered');
          if (!c.closed) {
            c.socket.close(1000);
            await c.whenClosed();
          }
          closes.push(c.closed!.code);
          expect(DOCUMENTED.has(c.closed!.code)).toBe(true);
          // Another client still logs in.
          const other = new RawClient(url);
          try {
            await other.greet(`${id}-other`);
            other.login(`other-${id}`, 'well-behaved');
            expect(await other.next('loginResult')).toMatchObject({ code: 0 });
          } finally {
            other.terminate();
          }
        } finally {
          c.terminate();
        }
      }),
      { numRuns: 200, seed: 1313, endOnFailure: true },
    );
    // The property reached both ends: connections the server closed, and ones it kept.
    expect(closes).toHaveLength(200);
    expect(closes.filter((code) => code === DEV_CLOSE.BadMessage).length).toBeGreaterThan(20);
    expect(closes.filter((code) => code === 1000).length).toBeGreaterThan(20);
    for (const line of logLines) {
      const code = Number(/^closed a connection \((\d+)\): /.exec(line)?.[1]);
      expect([line, DOCUMENTED.has(code)]).toEqual([line, true]);
    }
    await expectUntouchedAndUp();
  });
});
