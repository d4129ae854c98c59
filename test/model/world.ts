// Plays a Session on the simulated service and records everything each engine's app would see.
import {
  ROOM_STATE_OF_REASON,
  SimulatedRoomService,
  VirtualClock,
  ZegoExpressEngine,
  ZegoRoomMode,
  ZegoRoomStateChangedReason as R,
  ZegoRoomState,
  makeTestToken04,
  seededRandom,
  type LoginRequest,
  type RoomDriver,
  type RoomDriverEvents,
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
  logins: Record<UserId, number>; // loginRoom calls that passed a callback
  downAt: Record<UserId, number[]>; // times this user's link dropped
  upAt: Record<UserId, number[]>;
  errors: string[];
  /** Driver events the engine took for a session other than the one that made the attempt or owns the session. */
  identity: string[];
  t0: number;
  /** After settling: for each listener logged in to a room, who the server has there (without itself). */
  finalRooms: Array<{ user: UserId; room: string; server: string[] }>;
}

const T0 = 1_700_000_000_000;

export function play(s: Session): Played {
  const clock = new VirtualClock(T0);
  const service = new SimulatedRoomService({ clock, verifyToken: (t) => t !== 'rejected-token' });
  const errors: string[] = [];
  const logger = {
    warn: () => undefined,
    error: (m: string) => {
      if (!m.includes("the app's")) errors.push(m);
    },
  };
  const events = { A: [], B: [], C: [] } as Record<UserId, Ev[]>;
  const downAt = { A: [], B: [], C: [] } as Record<UserId, number[]>;
  const upAt = { A: [], B: [], C: [] } as Record<UserId, number[]>;
  const logins = { A: 0, B: 0, C: 0 } as Record<UserId, number>;
  const online = { A: true, B: true, C: true } as Record<UserId, boolean>;
  const t = () => clock.now() - T0;
  const engines = {} as Record<UserId, ZegoExpressEngine>;
  const identity: string[] = [];
  /** Armed handler reactions: room → isUserStatusNotify of the login the handler makes. */
  const reactions = { A: new Map(), B: new Map(), C: new Map() } as Record<UserId, Map<string, boolean>>;
  let loginId = 0;
  const loginWithCallback = (u: UserId, room: string, config: { isUserStatusNotify: boolean; token?: string }) => {
    const id = ++loginId;
    logins[u]++;
    engines[u].loginRoom(room, { userID: u }, config, (code) => events[u].push({ t: t(), kind: 'loginCb', room, code, id }));
  };
  for (const u of USERS) {
    const e: ZegoExpressEngine = ZegoExpressEngine.createEngine({
      appID: 1,
      driver: watchIdentity(service.createDriver(u), () => e, u, t, identity),
      clock,
      logger,
      random: seededRandom(s.seed + u.charCodeAt(0)),
      roomMode: s.multiRoom.includes(u) ? ZegoRoomMode.MultiRoom : ZegoRoomMode.SingleRoom,
    });
    const log = events[u];
    e.setEventHandler({
      onRoomStateChanged: (room, reason, code) => {
        log.push({ t: t(), kind: 'state', room, reason, code });
        // A handler that logs out and back in, in the turn that delivers the event.
        const notify = reactions[u].get(room);
        if (notify === undefined) return;
        reactions[u].delete(room);
        e.logoutRoom(room);
        loginWithCallback(u, room, { isUserStatusNotify: notify });
      },
      onRoomStateUpdate: (room, state) => log.push({ t: t(), kind: 'legacy', room, state }),
      onRoomUserUpdate: (room, type, users) =>
        log.push({ t: t(), kind: 'user', room, add: type === 0, users: users.map((x) => x.userID) }),
      onRoomOnlineUserCountUpdate: (room) => log.push({ t: t(), kind: 'count', room }),
      onRoomTokenWillExpire: (room) => log.push({ t: t(), kind: 'token', room }),
      onDebugError: (code) => log.push({ t: t(), kind: 'debug', code }),
    });
    engines[u] = e;
  }
  let dup = 0;
  const dups = new Map<UserId, ZegoExpressEngine>();
  const phases: Played['phases'] = [];
  const marks: Played['marks'] = [];
  const kickAt = { A: [], B: [], C: [] } as Record<UserId, number[]>;
  const tokenExpiry = { A: {}, B: {}, C: {} } as Record<UserId, Record<string, number[]>>;
  const addExpiry = (u: UserId, room: string, at: number) => {
    (tokenExpiry[u][room] ??= []).push(at);
  };
  const token = (kind: string): string | undefined => {
    const nowSec = clock.now() / 1000;
    switch (kind) {
      case 'valid':
        return makeTestToken04({ expireAtSec: nowSec + 30 * 3600 });
      case 'expiresSoon':
        return makeTestToken04({ expireAtSec: Math.floor(nowSec) + 60 });
      case 'expired':
        return makeTestToken04({ expireAtSec: nowSec - 10 });
      case 'rejected':
        return 'rejected-token';
      default:
        return undefined;
    }
  };
  const run = (c: Cmd) => {
    switch (c.op) {
      case 'login': {
        if (c.token === 'expiresSoon') addExpiry(c.user, c.room, Math.floor(clock.now() / 1000) * 1000 + 60_000 - T0);
        loginWithCallback(c.user, c.room, { isUserStatusNotify: c.notify, token: token(c.token) });
        return;
      }
      case 'logout':
        if (c.room === null) engines[c.user].logoutRoom();
        else engines[c.user].logoutRoom(c.room);
        return;
      case 'switch': {
        // switchRoom reuses the current token, so its expiry moves with it.
        const e = engines[c.user];
        const exp = tokenExpiry[c.user][c.from];
        if (exp !== undefined && c.from !== c.to && e.roomPhase(c.from) !== 'Idle' && e.roomPhase(c.to) === 'Idle')
          for (const x of exp) addExpiry(c.user, c.to, x);
        e.switchRoom(c.from, c.to);
        return;
      }
      case 'renew':
        if (online[c.user]) tokenExpiry[c.user][c.room] = (tokenExpiry[c.user][c.room] ?? []).filter((x) => x <= t()); // offline, the renewal cannot reach the server
        engines[c.user].renewToken(c.room, token('valid')!);
        return;
      case 'netDown':
        if (online[c.user]) {
          online[c.user] = false;
          downAt[c.user].push(t());
          service.setNetwork(c.user, false);
        }
        return;
      case 'netUp':
        if (!online[c.user]) {
          online[c.user] = true;
          upAt[c.user].push(t());
          service.setNetwork(c.user, true);
        }
        if (c.signal) engines[c.user].setNetworkReachable(true);
        return;
      case 'flap':
        // A flapping network: down and up within a second, five times.
        for (let i = 0; i < 5; i++) {
          if (online[c.user]) {
            online[c.user] = false;
            downAt[c.user].push(t());
            service.setNetwork(c.user, false);
          }
          clock.advanceSync(100);
          online[c.user] = true;
          upAt[c.user].push(t());
          service.setNetwork(c.user, true);
          clock.advanceSync(100);
        }
        return;
      case 'kick':
        if (service.kickOut(c.room, c.user)) kickAt[c.user].push(t());
        return;
      case 'duplicate': {
        // One other device per user, as the scenario runner's "<user>'" lane (so failures replay exactly).
        let other = dups.get(c.user);
        if (!other) {
          other = ZegoExpressEngine.createEngine({
            appID: 1,
            driver: service.createDriver(`${c.user}'`),
            clock,
            logger,
            random: seededRandom(++dup),
          });
          dups.set(c.user, other);
        }
        other.loginRoom(c.room, { userID: c.user });
        return;
      }
      case 'loseResponse':
        service.loseNextLoginResponse(c.user);
        return;
      case 'signalDown':
        engines[c.user].setNetworkReachable(false);
        return; // the host's signal, right or wrong
      case 'advance':
        clock.advanceSync(c.ms);
        return;
      case 'sameTurn':
        for (const x of c.cmds) run(x);
        return; // no advanceSync between: one timer turn
      case 'reactRelogin':
        reactions[c.user].set(c.room, c.notify);
        return;
    }
  };
  for (const c of s.cmds) {
    try {
      run(c);
    } catch (e) {
      errors.push(`${c.op} threw: ${String(e)}`);
    }
    clock.advanceSync(0); // deliver what this command caused
    const snap = {} as Record<UserId, Record<string, string>>;
    for (const u of USERS) {
      snap[u] = {};
      for (const r of ROOMS) snap[u][r] = engines[u].roomPhase(r);
    }
    phases.push(snap);
    marks.push({ A: events.A.length, B: events.B.length, C: events.C.length });
  }
  // Settle: everyone back online, then let every window close.
  for (const u of USERS)
    if (!online[u]) {
      online[u] = true;
      upAt[u].push(t());
      service.setNetwork(u, true);
    }
  clock.advanceSync(25 * 60_000);
  void ROOM_STATE_OF_REASON;
  const finalRooms: Played['finalRooms'] = [];
  for (const u of USERS) {
    for (const r of ROOMS) {
      if (engines[u].roomPhase(r) !== 'Logined') continue;
      // Only listeners (isUserStatusNotify) are told who is there.
      const session = (engines[u] as unknown as { rooms: Map<string, { request: { isUserStatusNotify: boolean } }> }).rooms.get(
        r,
      );
      if (!session?.request.isUserStatusNotify) continue;
      finalRooms.push({
        user: u,
        room: r,
        server: service
          .roomUsers(r)
          .map((x) => x.userID)
          .filter((id) => id !== u)
          .sort(),
      });
    }
  }
  return { events, phases, marks, kickAt, tokenExpiry, logins, downAt, upAt, errors, identity, t0: T0, finalRooms };
}

/** The engine's per-room state, as far as this check reads it. */
interface SessionView {
  phase: string;
  attemptID: number | undefined;
  sessionID: number | undefined;
}

/**
 * Wraps a driver to record which of the engine's room sessions made each attempt, and checks every
 * answer, kick and link loss the engine acts on (its room state changes) against that record: an answer
 * must be for the session's latest attempt, a kick or loss for one of the session's own attempts.
 */
function watchIdentity(
  driver: RoomDriver,
  engine: () => ZegoExpressEngine,
  u: UserId,
  t: () => number,
  out: string[],
): RoomDriver {
  const madeBy = new Map<number, SessionView>();
  const latest = new Map<SessionView, number>();
  const rooms = () => (engine() as unknown as { rooms: Map<string, SessionView> }).rooms;
  const note = (req: LoginRequest) => {
    const s = rooms().get(req.roomID);
    if (!s) {
      out.push(`${u}/${req.roomID} @${t()}: attempt ${req.attemptID} made with no session`);
      return;
    }
    madeBy.set(req.attemptID, s);
    latest.set(s, req.attemptID);
  };
  const acted = (room: string, run: () => void): SessionView | undefined => {
    const s = rooms().get(room);
    const before = s && [s.phase, s.attemptID, s.sessionID].join();
    run();
    return s && (rooms().get(room) !== s || [s.phase, s.attemptID, s.sessionID].join() !== before) ? s : undefined;
  };
  const own = (what: string, room: string, id: number, s: SessionView | undefined, answer: boolean) => {
    if (!s) return;
    if (madeBy.get(id) !== s) out.push(`${u}/${room} @${t()}: ${what} for attempt ${id} of another session was taken`);
    else if (answer && latest.get(s) !== id)
      out.push(`${u}/${room} @${t()}: ${what} for attempt ${id} taken though attempt ${latest.get(s)} is the latest`);
  };
  const watch = (ev: RoomDriverEvents): RoomDriverEvents => ({
    onLoginResult: (room, id, code, ext) =>
      own(
        'a login result',
        room,
        id,
        acted(room, () => ev.onLoginResult(room, id, code, ext)),
        true,
      ),
    onKickOut: (room, id, code, ext) =>
      own(
        'a kick',
        room,
        id,
        acted(room, () => ev.onKickOut(room, id, code, ext)),
        false,
      ),
    onLinkLost: (room, id, code) =>
      own(
        'a link loss',
        room,
        id,
        acted(room, () => ev.onLinkLost(room, id, code)),
        false,
      ),
    onRoomUserUpdate: (...a) => ev.onRoomUserUpdate(...a),
    onRoomOnlineUserCountUpdate: (...a) => ev.onRoomOnlineUserCountUpdate(...a),
    onRoomTokenWillExpire: (...a) => ev.onRoomTokenWillExpire(...a),
  });
  return {
    start: (context) => driver.start({ ...context, events: watch(context.events) }),
    login: (req) => {
      note(req);
      driver.login(req);
    },
    switchRoom: (from, req) => {
      note(req);
      driver.switchRoom(from, req);
    },
    cancelLogin: (room) => driver.cancelLogin(room),
    logout: (room) => driver.logout(room),
    renewToken: (room, token) => driver.renewToken(room, token),
    stop: () => driver.stop(),
  };
}

export type { RoomId };
