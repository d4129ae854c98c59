// The seed's three cases, kicks and a restart through the public API: engines on the dev driver against
// a real `serve` process on loopback, with a shortened heartbeat timeout (1.5 s) and retry window (4 s).
import { ZegoRoomStateChangedReason as R, ZegoUpdateType } from '../src/index';
import { admin, DevClient, startServe, type ServeProcess } from './support/devServer';

const HEARTBEAT_TIMEOUT_MS = 1500;
const INTERVAL_MS = 300;
const WINDOW_MS = 4000;
/** Scheduling slack a loaded CI machine may add to a real-time measurement. */
const SLACK_MS = 700;

let server: ServeProcess;
const clients: DevClient[] = [];

beforeAll(async () => {
  server = await startServe(['--heartbeat-timeout-ms', String(HEARTBEAT_TIMEOUT_MS)]);
});
afterAll(async () => {
  await server.stop();
});
afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

function client(userID: string): DevClient {
  const c = new DevClient(userID, server.url, { heartbeatIntervalMs: INTERVAL_MS, retryWindowMs: WINDOW_MS });
  clients.push(c);
  return c;
}

/** A and B in `room`, each having heard of the other. */
async function twoInRoom(room: string): Promise<[DevClient, DevClient]> {
  const a = client(`${room}-a`);
  const b = client(`${room}-b`);
  a.login(room);
  await a.waitForState(R.Logined);
  b.login(room);
  await b.waitForState(R.Logined);
  await a.waitFor((s) => s.cb === 'user' && s.type === ZegoUpdateType.Add);
  await b.waitFor((s) => s.cb === 'user' && s.type === ZegoUpdateType.Add);
  return [a, b];
}

async function stateOf(room: string, userID: string): Promise<{ key: number; connected: boolean }> {
  const state = await (
    await fetch(`${server.http}/api/state`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  ).json();
  return state.rooms
    .find((r: { roomID: string }) => r.roomID === room)
    .members.find((m: { userID: string }) => m.userID === userID);
}

test('case 1: Logining then Logined (0); each hears the other as Add', async () => {
  const [a, b] = await twoInRoom('case1');
  expect(a.states()).toEqual([
    [R.Logining, 0],
    [R.Logined, 0],
  ]);
  expect(a.users()).toEqual([[ZegoUpdateType.Add, ['case1-b']]]);
  expect(b.users()).toEqual([[ZegoUpdateType.Add, ['case1-a']]]);
});

test('case 2: a cut socket → Reconnecting (1002051) → Reconnected (0); the other member hears nothing', async () => {
  const [a, b] = await twoInRoom('case2');
  const keyBefore = (await stateOf('case2', 'case2-a')).key;
  expect(await admin(server, 'clients/client-case2-a/cut')).toBe(200);
  await a.waitForState(R.Reconnected);
  expect(a.states()).toEqual([
    [R.Logining, 0],
    [R.Logined, 0],
    [R.Reconnecting, 1002051],
    [R.Reconnected, 0],
  ]);
  // The server resumed A's member session (same key): B is told nothing now or later.
  const state = await (
    await fetch(`${server.http}/api/state`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  ).json();
  const members = state.rooms.find((r: { roomID: string }) => r.roomID === 'case2').members;
  expect(members.find((m: { userID: string }) => m.userID === 'case2-a')).toMatchObject({ key: keyBefore, connected: true });
  const afterRestart = state.events.slice(state.events.findIndex((e: { label: string }) => e.label === 'restart') + 1);
  const labels = afterRestart
    .filter((e: { roomID: string }) => e.roomID === 'case2')
    .map((e: { userID: string; label: string }) => `${e.userID} ${e.label}`);
  expect(labels).toEqual(expect.arrayContaining(['case2-a cut', 'case2-a Reconnecting', 'case2-a Reconnected']));
  expect(labels.filter((l: string) => /Logout|Delete/.test(l))).toEqual([]);
  expect(b.users()).toEqual([[ZegoUpdateType.Add, ['case2-a']]]);
});

test('case 3: a silent link (blackhole) → Reconnecting within two heartbeats; the other hears Delete after the heartbeat timeout; ReconnectFailed (1002053) at the window', async () => {
  const [a, b] = await twoInRoom('case3');
  const before = a.seen.length;
  const silentAt = a.now();
  const silentAtB = b.now();
  expect(await admin(server, 'clients/client-case3-a/blackhole')).toBe(200);
  const reconnecting = await a.waitForState(R.Reconnecting, 5000, before);
  expect(reconnecting.at - silentAt).toBeLessThanOrEqual(2 * INTERVAL_MS + SLACK_MS);
  const deleted = await b.waitFor((s) => s.cb === 'user' && s.type === ZegoUpdateType.Delete, 5000);
  // Measured from A's last sign of life, at most one heartbeat before it went silent.
  expect(deleted.at - silentAtB).toBeGreaterThanOrEqual(HEARTBEAT_TIMEOUT_MS - INTERVAL_MS - 100);
  expect(deleted.at - silentAtB).toBeLessThanOrEqual(HEARTBEAT_TIMEOUT_MS + SLACK_MS);
  expect(deleted).toMatchObject({ users: ['case3-a'] });
  const failed = await a.waitForState(R.ReconnectFailed, WINDOW_MS + 5000, before);
  expect(failed).toMatchObject({ code: 1002053 });
  expect(failed.at - reconnecting.at).toBeGreaterThanOrEqual(WINDOW_MS - 50);
  expect(failed.at - reconnecting.at).toBeLessThanOrEqual(WINDOW_MS + SLACK_MS);
  expect(a.states().slice(2)).toEqual([
    [R.Reconnecting, 1002051],
    [R.ReconnectFailed, 1002053],
  ]);
  expect(await admin(server, 'clients/client-case3-a/restore')).toBe(200);
});

test('a blackhole lifted before the heartbeat timeout: Reconnected, and the other member hears nothing', async () => {
  const [a, b] = await twoInRoom('lifted');
  const heard = b.seen.length;
  expect(await admin(server, 'clients/client-lifted-a/blackhole')).toBe(200);
  await a.waitForState(R.Reconnecting);
  expect(await admin(server, 'clients/client-lifted-a/restore')).toBe(200);
  await a.waitForState(R.Reconnected);
  expect(b.seen.slice(heard)).toEqual([]);
});

test('server kick → KickOut 1002055; the other member hears Delete', async () => {
  const [a, b] = await twoInRoom('kick');
  expect(await admin(server, 'rooms/kick/users/kick-a/kick')).toBe(200);
  await a.waitForState(R.KickOut);
  expect(a.states().at(-1)).toEqual([R.KickOut, 1002055]);
  await b.waitFor((s) => s.cb === 'user' && s.type === ZegoUpdateType.Delete);
  expect(b.users().at(-1)).toEqual([ZegoUpdateType.Delete, ['kick-a']]);
});

test('a second engine with the same userID on another device kicks the first (1002050)', async () => {
  const a = client('same-user');
  a.login('same');
  await a.waitForState(R.Logined);
  const other = new DevClient('same-user', server.url, { heartbeatIntervalMs: INTERVAL_MS, clientId: 'other-device' });
  clients.push(other);
  other.login('same');
  await other.waitForState(R.Logined);
  await a.waitForState(R.KickOut);
  expect(a.states().at(-1)).toEqual([R.KickOut, 1002050]);
});

test.each([
  ['duplicate-login', 'dup', 1002050],
  ['expire-token', 'expire', 1002056],
])('the %s fault → KickOut for that member (room %s, code %s)', async (fault, room, code) => {
  const [a] = await twoInRoom(room);
  expect(await admin(server, `rooms/${room}/users/${room}-a/${fault}`)).toBe(200);
  await a.waitForState(R.KickOut);
  expect(a.states().at(-1)).toEqual([R.KickOut, code]);
});

test('restart mid-session: every client is Reconnected within the window', async () => {
  const [a, b] = await twoInRoom('restart');
  const fromA = a.seen.length;
  const fromB = b.seen.length;
  expect(await admin(server, 'restart')).toBe(200);
  const ra = await a.waitForState(R.Reconnected, WINDOW_MS, fromA);
  const rb = await b.waitForState(R.Reconnected, WINDOW_MS, fromB);
  expect(a.states().slice(-2)).toEqual([
    [R.Reconnecting, 1002051],
    [R.Reconnected, 0],
  ]);
  expect(b.states().slice(-2)).toEqual([
    [R.Reconnecting, 1002051],
    [R.Reconnected, 0],
  ]);
  expect(ra.cb).toBe('state');
  expect(rb.cb).toBe('state');
  // The dashboard's lane says what the app saw: a reconnect the server could not resume is still Reconnected.
  const state = await (
    await fetch(`${server.http}/api/state`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  ).json();
  const afterRestart = state.events.slice(state.events.findIndex((e: { label: string }) => e.label === 'restart') + 1);
  const labels = afterRestart
    .filter((e: { userID: string; label: string }) => e.userID === 'restart-a' && !e.label.startsWith('Add'))
    .map((e: { label: string }) => e.label);
  expect(labels).toEqual(['Reconnected']);
  expect(state.events.some((e: { userID: string; label: string }) => e.userID === 'restart-a' && e.label === 'Logined')).toBe(
    true,
  );
});

test('the admin API refuses a request without its token (401) and changes nothing', async () => {
  const [a] = await twoInRoom('noauth');
  expect(await admin(server, 'rooms/noauth/users/noauth-a/kick', 'wrong-token')).toBe(401);
  const res = await fetch(`${server.http}/api/state`);
  expect(res.status).toBe(401);
  await res.text();
  const state = await (
    await fetch(`${server.http}/api/state`, { headers: { authorization: `Bearer ${server.adminToken}` } })
  ).json();
  expect(
    state.rooms
      .find((r: { roomID: string }) => r.roomID === 'noauth')
      .members.map((m: { userID: string }) => m.userID)
      .sort(),
  ).toEqual(['noauth-a', 'noauth-b']);
  expect(a.states()).toEqual([
    [R.Logining, 0],
    [R.Logined, 0],
  ]);
});
