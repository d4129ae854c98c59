// Plays a Session on the simulated service and records everything each engine's app would see.
import {
  ROOM_STATE_OF_REASON, SimulatedRoomService, VirtualClock, ZegoExpressEngine, ZegoRoomMode, ZegoRoomStateChangedReason as R,
  ZegoRoomState, makeTestToken04, seededRandom,
} from '../../src/index';
import { ROOMS, USERS, type Cmd, type RoomId, type Session, type UserId } from './commands';

export type Ev =
  | { t: number; kind: 'state'; room: string; reason: R; code: number }
  | { t: number; kind: 'legacy'; room: string; state: ZegoRoomState }
  | { t: number; kind: 'user'; room: string; add: boolean; users: string[] }
  | { t: number; kind: 'count' | 'token'; room: string }
  | { t: number; kind: 'debug'; code: number }
  | { t: number; kind: 'loginCb'; room: string; code: number; id: number };

export interface Played {
  events: Record<UserId, Ev[]>;
  /** After each command (once callbacks for it are delivered): the engine's own view of each room. */
  phases: Array<Record<UserId, Record<string, string>>>;
  /** How many events each user had when the matching `phases` entry was taken. */
  marks: Array<Record<UserId, number>>;
  kickAt: Record<UserId, number[]>;
  /** When a token given at login expires (the server removes the member then): user → room → t. */
  tokenExpiry: Record<UserId, Record<string, number[]>>;
  logins: Record<UserId, number>;   // loginRoom calls that passed a callback
  downAt: Record<UserId, number[]>; // times this user's link dropped
  upAt: Record<UserId, number[]>;
  errors: string[];
  t0: number;
  /** After settling: for each listener logged in to a room, who the server has there (without itself). */
  finalRooms: Array<{ user: UserId; room: string; server: string[] }>;
}

const T0 = 1_700_000_000_000;

export function play(s: Session): Played {
  const clock = new VirtualClock(T0);
  const service = new SimulatedRoomService({ clock, verifyToken: (t) => t !== 'rejected-token' });
  const errors: string[] = [];
  const logger = { warn: () => undefined, error: (m: string) => { if (!m.includes("the app's")) errors.push(m); } };
  const events = { A: [], B: [], C: [] } as Record<UserId, Ev[]>;
  const downAt = { A: [], B: [], C: [] } as Record<UserId, number[]>;
  const upAt = { A: [], B: [], C: [] } as Record<UserId, number[]>;
  const logins = { A: 0, B: 0, C: 0 } as Record<UserId, number>;
  const online = { A: true, B: true, C: true } as Record<UserId, boolean>;
  const t = () => clock.now() - T0;
  const engines = {} as Record<UserId, ZegoExpressEngine>;
  for (const u of USERS) {
    const e = ZegoExpressEngine.createEngine({
      appID: 1, driver: service.createDriver(u), clock, logger, random: seededRandom(s.seed + u.charCodeAt(0)),
      roomMode: s.multiRoom.includes(u) ? ZegoRoomMode.MultiRoom : ZegoRoomMode.SingleRoom,
    });
    const log = events[u];
    e.setEventHandler({
      onRoomStateChanged: (room, reason, code) => log.push({ t: t(), kind: 'state', room, reason, code }),
      onRoomStateUpdate: (room, state) => log.push({ t: t(), kind: 'legacy', room, state }),
      onRoomUserUpdate: (room, type, users) => log.push({ t: t(), kind: 'user', room, add: type === 0, users: users.map((x) => x.userID) }),
      onRoomOnlineUserCountUpdate: (room) => log.push({ t: t(), kind: 'count', room }),
      onRoomTokenWillExpire: (room) => log.push({ t: t(), kind: 'token', room }),
      onDebugError: (code) => log.push({ t: t(), kind: 'debug', code }),
    });
    engines[u] = e;
  }
  let dup = 0;
  const dups = new Map<UserId, ZegoExpressEngine>();
  let loginId = 0;
  const phases: Played['phases'] = [];
  const marks: Played['marks'] = [];
  const kickAt = { A: [], B: [], C: [] } as Record<UserId, number[]>;
  const tokenExpiry = { A: {}, B: {}, C: {} } as Record<UserId, Record<string, number[]>>;
  const addExpiry = (u: UserId, room: string, at: number) => { (tokenExpiry[u][room] ??= []).push(at); };
  const token = (kind: string): string | undefined => {
    const nowSec = clock.now() / 1000;
    switch (kind) {
      case 'valid': return makeTestToken04({ expireAtSec: nowSec + 30 * 3600 });
      case 'expiresSoon': return makeTestToken04({ expireAtSec: Math.floor(nowSec) + 60 });
      case 'expired': return makeTestToken04({ expireAtSec: nowSec - 10 });
      case 'rejected': return 'rejected-token';
      default: return undefined;
    }
  };
  const run = (c: Cmd) => {
    switch (c.op) {
      case 'login': {
        const id = ++loginId;
        logins[c.user]++;
        if (c.token === 'expiresSoon') addExpiry(c.user, c.room, Math.floor(clock.now() / 1000) * 1000 + 60_000 - T0);
        engines[c.user].loginRoom(c.room, { userID: c.user }, { isUserStatusNotify: c.notify, token: token(c.token) },
          (code) => events[c.user].push({ t: t(), kind: 'loginCb', room: c.room, code, id }));
        return;
      }
      case 'logout': if (c.room === null) engines[c.user].logoutRoom(); else engines[c.user].logoutRoom(c.room); return;
      case 'switch': {
        // switchRoom reuses the current token, so its expiry moves with it.
        const e = engines[c.user];
        const exp = tokenExpiry[c.user][c.from];
        if (exp !== undefined && c.from !== c.to && e.roomPhase(c.from) !== 'Logout' && e.roomPhase(c.to) === 'Logout') for (const x of exp) addExpiry(c.user, c.to, x);
        e.switchRoom(c.from, c.to);
        return;
      }
      case 'renew': if (online[c.user]) tokenExpiry[c.user][c.room] = (tokenExpiry[c.user][c.room] ?? []).filter((x) => x <= t()); // offline, the renewal cannot reach the server
        engines[c.user].renewToken(c.room, token('valid')!); return;
      case 'netDown': if (online[c.user]) { online[c.user] = false; downAt[c.user].push(t()); service.setNetwork(c.user, false); } return;
      case 'netUp':
        if (!online[c.user]) { online[c.user] = true; upAt[c.user].push(t()); service.setNetwork(c.user, true); }
        if (c.signal) engines[c.user].setNetworkReachable(true);
        return;
      case 'flap':
        // A flapping network: down and up within a second, five times.
        for (let i = 0; i < 5; i++) {
          if (online[c.user]) { online[c.user] = false; downAt[c.user].push(t()); service.setNetwork(c.user, false); }
          clock.advanceSync(100);
          online[c.user] = true; upAt[c.user].push(t()); service.setNetwork(c.user, true);
          clock.advanceSync(100);
        }
        return;
      case 'kick': if (service.kickOut(c.room, c.user)) kickAt[c.user].push(t()); return;
      case 'duplicate': {
        // One other device per user, as the scenario runner's "<user>'" lane (so failures replay exactly).
        let other = dups.get(c.user);
        if (!other) {
          other = ZegoExpressEngine.createEngine({ appID: 1, driver: service.createDriver(`${c.user}'`), clock, logger, random: seededRandom(++dup) });
          dups.set(c.user, other);
        }
        other.loginRoom(c.room, { userID: c.user });
        return;
      }
      case 'loseResponse': service.loseNextLoginResponse(c.user); return;
      case 'signalDown': engines[c.user].setNetworkReachable(false); return; // the host's signal, right or wrong
      case 'advance': clock.advanceSync(c.ms); return;
    }
  };
  for (const c of s.cmds) {
    try { run(c); } catch (e) { errors.push(`${c.op} threw: ${String(e)}`); }
    clock.advanceSync(0); // deliver what this command caused
    const snap = {} as Record<UserId, Record<string, string>>;
    for (const u of USERS) { snap[u] = {}; for (const r of ROOMS) snap[u][r] = engines[u].roomPhase(r); }
    phases.push(snap);
    marks.push({ A: events.A.length, B: events.B.length, C: events.C.length });
  }
  // Settle: everyone back online, then let every window close.
  for (const u of USERS) if (!online[u]) { online[u] = true; upAt[u].push(t()); service.setNetwork(u, true); }
  clock.advanceSync(25 * 60_000);
  void ROOM_STATE_OF_REASON;
  const finalRooms: Played['finalRooms'] = [];
  for (const u of USERS) {
    for (const r of ROOMS) {
      if (engines[u].roomPhase(r) !== 'Logined') continue;
      // Only listeners (isUserStatusNotify) are told who is there.
      const session = (engines[u] as unknown as { rooms: Map<string, { request: { isUserStatusNotify: boolean } }> }).rooms.get(r);
      if (!session?.request.isUserStatusNotify) continue;
      finalRooms.push({ user: u, room: r, server: service.roomUsers(r).map((x) => x.userID).filter((id) => id !== u).sort() });
    }
  }
  return { events, phases, marks, kickAt, tokenExpiry, logins, downAt, upAt, errors, t0: T0, finalRooms };
}

export type { RoomId };
