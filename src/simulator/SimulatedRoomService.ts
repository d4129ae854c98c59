// An in-process stand-in for ZEGO's room service, on virtual time: rooms, members, the 90 s
// heartbeat timeout, duplicate-login and server kicks, token expiry, online counts.
// No account, no network; a 20-minute outage replays in milliseconds.
import type { Clock, TimerHandle } from '../host/clock.js';
import { ZegoUpdateType } from '../model/enums.js';
import { ZegoErrorCode } from '../model/errorCodes.js';
import type { ZegoUser } from '../model/types.js';
import { readToken04Expiry } from '../token/token04.js';
import type { LoginRequest, RoomDriver } from '../driver/RoomDriver.js';
import { SimulatedDriver } from './SimulatedDriver.js';

export interface SimulatedRoomServiceOptions {
  clock: Clock;
  /** One login round trip. Default 120 ms (T1 ≈ T0 + 120 ms on ZEGO's room connection status page). */
  loginLatencyMs?: number;
  /** Server push to other clients. Default 100 ms (T2 ≈ T1 + 100 ms on that page). */
  notifyLatencyMs?: number;
  /** A silent member is dropped this long after its link closed. Default 90 s. */
  heartbeatTimeoutMs?: number;
  /** Return false to reject a login (→ 1002033). Tokens are otherwise accepted unless a Token04 has expired. */
  verifyToken?: (token: string, userID: string, roomID: string) => boolean;
  /** How often members hear the online count (when it changed). Default 30 s, as ZEGO documents. */
  onlineCountIntervalMs?: number;
}

interface Member {
  roomID: string;
  user: { userID: string; userName: string };
  clientId: string;
  key: number; // one login session; a resume presents it again
  connected: boolean;
  notify: boolean;
  token: string;
  heartbeatTimer?: TimerHandle;
  tokenTimers: TimerHandle[];
  known: Map<string, string>; // userID → userName this client has been told about (for resume diffs)
  lastCount: number;
  /** The push to this member still in flight, open for more users changing the same way at the same moment. */
  outbox?: { type: ZegoUpdateType; due: number; users: Array<{ userID: string; userName: string }> };
}

interface Room {
  id: string;
  sessionId: string;
  maxMemberCount: number;
  members: Map<string, Member>; // by userID
  /** Members that asked for user updates: pushes iterate these only (10,000-member rooms stay cheap). */
  listeners: Set<Member>;
  countTimer?: TimerHandle;
}

interface Client {
  id: string;
  online: boolean;
  driver: SimulatedDriver;
  /** roomID → the member key this client holds (kept while the link is down, to resume). */
  keys: Map<string, number>;
  staleKnown: Map<string, Map<string, string>>;
  loseNextResponse: boolean;
  /** Its driver was stopped (engine destroyed): the clientId may get a new driver. */
  released: boolean;
}

export class SimulatedRoomService {
  readonly clock: Clock;
  readonly loginLatencyMs: number;
  readonly notifyLatencyMs: number;
  readonly heartbeatTimeoutMs: number;
  readonly onlineCountIntervalMs: number;
  private readonly verify?: (token: string, userID: string, roomID: string) => boolean;
  private readonly clients = new Map<string, Client>();
  private readonly rooms = new Map<string, Room>();
  /** Member keys removed while their client could not hear it: the code it gets when it comes back. */
  private readonly removedWhileAway = new Map<number, number>();
  private readonly byKey = new Map<number, Member>();
  private nextKey = 1;
  private nextRoomSession = 1;

  constructor(options: SimulatedRoomServiceOptions) {
    if (!options || !options.clock) throw new TypeError('SimulatedRoomService: options.clock is required');
    this.clock = options.clock;
    this.loginLatencyMs = options.loginLatencyMs ?? 120;
    this.notifyLatencyMs = options.notifyLatencyMs ?? 100;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 90_000;
    this.onlineCountIntervalMs = options.onlineCountIntervalMs ?? 30_000;
    this.verify = options.verifyToken;
  }

  /**
   * A driver for one client (one device). Give each live engine its own; once an engine is destroyed
   * (its driver stopped) the clientId takes a new driver, and the device keeps its network state.
   */
  createDriver(clientId: string): RoomDriver {
    const before = this.clients.get(clientId);
    if (before && !before.released) throw new Error(`SimulatedRoomService: client "${clientId}" already has a driver`);
    const driver = new SimulatedDriver(this, clientId);
    this.clients.set(clientId, {
      id: clientId,
      online: before?.online ?? true,
      driver,
      keys: new Map(),
      staleKnown: new Map(),
      loseNextResponse: false,
      released: false,
    });
    return driver;
  }

  /** Called by a stopped driver: its clientId is free again (members it left behind time out as usual). */
  releaseClient(clientId: string, driver: SimulatedDriver): void {
    const c = this.clients.get(clientId);
    if (c && c.driver === driver) c.released = true;
  }

  /**
   * false: the client's link drops; both ends see a closed socket at once (the server's heartbeat
   * timer starts now). true: connectivity returns; the client notices on its next retry.
   */
  setNetwork(clientId: string, online: boolean): void {
    const c = this.client(clientId);
    if (c.online === online) return;
    c.online = online;
    if (online) return;
    c.driver.networkDown();
    for (const [roomID, key] of c.keys) {
      const m = this.memberByKey(roomID, key);
      if (m && m.connected) this.disconnect(this.rooms.get(roomID)!, m);
    }
  }

  isOnline(clientId: string): boolean {
    return this.client(clientId).online;
  }

  /** The member session this client holds in a room, if any. */
  memberKey(clientId: string, roomID: string): number | undefined {
    return this.clients.get(clientId)?.keys.get(roomID);
  }

  /** True while this member session is in the room with its link up (pushes reach it only then). */
  canReach(clientId: string, roomID: string, memberKey: number): boolean {
    const c = this.clients.get(clientId);
    const m = this.byKey.get(memberKey);
    return !!c && c.online && c.keys.get(roomID) === memberKey && !!m && m.roomID === roomID && m.connected;
  }

  /**
   * A fault: the server processes this client's next login but the answer never arrives; the client's
   * attempt times out (1002031) and it retries. (A peer SDK kicked itself with "duplicate identity" here.)
   */
  loseNextLoginResponse(clientId: string): void {
    this.client(clientId).loseNextResponse = true;
  }

  /** True once per loseNextLoginResponse: the answer to this login is lost. */
  takeLostResponse(clientId: string): boolean {
    const c = this.client(clientId);
    const lost = c.loseNextResponse;
    c.loseNextResponse = false;
    return lost;
  }

  /** The server-side kick API (→ KickOut 1002055). */
  kickOut(roomID: string, userID: string): boolean {
    const room = this.rooms.get(roomID);
    const m = room?.members.get(userID);
    if (!room || !m) return false;
    this.removeMember(room, m, ZegoErrorCode.RoomManualKickedOut);
    return true;
  }

  /** Users in a room as the server sees them. */
  roomUsers(roomID: string): ZegoUser[] {
    const room = this.rooms.get(roomID);
    return room ? [...room.members.values()].map((m) => ({ ...m.user })) : [];
  }

  // ---- called by SimulatedDriver ----------------------------------------------------------

  /**
   * A login request reaches the server (one round trip after it was sent).
   * Returns [code, extendedData, kicked]: kicked = the client was removed while it could not hear it.
   */
  handleLogin(clientId: string, req: LoginRequest): [number, string, boolean?] {
    const c = this.client(clientId);
    const now = this.clock.now();
    const prevKey = c.keys.get(req.roomID);
    if (prevKey !== undefined) {
      const removedCode = this.removedWhileAway.get(prevKey);
      if (removedCode !== undefined) {
        // Told on every reconnect until the app logs in anew: a lost answer must not let a reconnect
        // rejoin and kick the device that replaced it.
        if (req.reconnect) return [removedCode, '', true];
        this.removedWhileAway.delete(prevKey);
        c.keys.delete(req.roomID);
      }
    }
    if (this.verify && !this.verify(req.token, req.user.userID, req.roomID))
      return [ZegoErrorCode.RoomErrorAuthenticationFailed, ''];
    const expiry = readToken04Expiry(req.token);
    if (expiry !== null && expiry * 1000 <= now) return [ZegoErrorCode.RoomErrorAuthenticationFailed, ''];

    let room = this.rooms.get(req.roomID);
    const resumeKey = c.keys.get(req.roomID);
    const resumed = room && resumeKey !== undefined ? this.memberByKey(req.roomID, resumeKey) : undefined;
    if (room && resumed) {
      // Back before the heartbeat timeout: the session resumes, other members hear nothing.
      if (resumed.heartbeatTimer !== undefined) {
        this.clock.clearTimeout(resumed.heartbeatTimer);
        resumed.heartbeatTimer = undefined;
      }
      resumed.connected = true;
      resumed.notify = req.isUserStatusNotify;
      if (resumed.notify) room.listeners.add(resumed);
      else room.listeners.delete(resumed);
      this.setToken(room, resumed, req.token);
      this.sendDiff(room, resumed);
      return [0, this.loginData(room)];
    }
    if (!room) {
      room = {
        id: req.roomID,
        sessionId: String(this.nextRoomSession++),
        maxMemberCount: req.maxMemberCount,
        members: new Map(),
        listeners: new Set(),
      };
      this.rooms.set(room.id, room);
      room.countTimer = this.scheduleCounts(room);
    }
    const existing = room.members.get(req.user.userID);
    if (!existing && room.maxMemberCount > 0 && room.members.size >= room.maxMemberCount)
      return [ZegoErrorCode.RoomErrorExceedMaximumMember, ''];
    if (existing) {
      // Same userID again: the newer login wins; an older one on another client is kicked (1002050).
      this.dropMemberQuietly(room, existing, existing.clientId === clientId ? undefined : ZegoErrorCode.RoomKickedOut);
    }
    const stale = c.staleKnown.get(room.id);
    c.staleKnown.delete(room.id);
    const member: Member = {
      roomID: room.id,
      user: { ...req.user },
      clientId,
      key: this.nextKey++,
      connected: true,
      notify: req.isUserStatusNotify,
      token: req.token,
      tokenTimers: [],
      known: req.reconnect && stale ? stale : new Map(),
      lastCount: -1,
    };
    room.members.set(member.user.userID, member);
    this.byKey.set(member.key, member);
    if (member.notify) room.listeners.add(member);
    c.keys.set(room.id, member.key);
    this.setToken(room, member, req.token);
    if (!existing) {
      // Others hear the joiner one push later; the replacement of a same-userID member is no news to them.
      for (const other of room.listeners) {
        if (other !== member) this.push(other, ZegoUpdateType.Add, [member.user], room, this.notifyLatencyMs);
      }
    }
    this.sendDiff(room, member);
    return [0, this.loginData(room)];
  }

  handleLogout(clientId: string, roomID: string): void {
    const c = this.client(clientId);
    const key = c.keys.get(roomID);
    c.keys.delete(roomID);
    if (key === undefined) return;
    this.removedWhileAway.delete(key);
    const room = this.rooms.get(roomID);
    const m = this.memberByKey(roomID, key);
    if (!room || !m) return;
    if (!c.online) {
      // The request cannot reach the server: the member stays until its heartbeat times out.
      return;
    }
    this.removeMember(room, m, undefined);
  }

  handleRenewToken(clientId: string, roomID: string, token: string): void {
    const c = this.client(clientId);
    const key = c.keys.get(roomID);
    const room = this.rooms.get(roomID);
    const m = key !== undefined ? this.memberByKey(roomID, key) : undefined;
    if (!c.online || !room || !m) return;
    if (this.verify && !this.verify(token, m.user.userID, roomID)) return;
    this.setToken(room, m, token);
  }

  // ---- internals -------------------------------------------------------------------------

  private client(id: string): Client {
    const c = this.clients.get(id);
    if (!c) throw new Error(`SimulatedRoomService: unknown client "${id}"`);
    return c;
  }

  private memberByKey(roomID: string, key: number): Member | undefined {
    const m = this.byKey.get(key);
    return m && m.roomID === roomID ? m : undefined;
  }

  private loginData(room: Room): string {
    return JSON.stringify({ room_session_id: room.sessionId });
  }

  private disconnect(room: Room, m: Member): void {
    m.connected = false;
    // ZEGO's room connection status page: others hear the Delete at T3 + 90 s.
    m.heartbeatTimer = this.clock.setTimeout(() => {
      m.heartbeatTimer = undefined;
      this.removeMember(room, m, undefined, 0);
    }, this.heartbeatTimeoutMs);
  }

  /** Removes a member; `kickCode` tells its client (now if connected, else when it comes back). */
  private removeMember(room: Room, m: Member, kickCode: number | undefined, deleteLatency = this.notifyLatencyMs): void {
    this.dropMemberQuietly(room, m, kickCode);
    for (const other of room.listeners) this.push(other, ZegoUpdateType.Delete, [m.user], room, deleteLatency);
    if (room.members.size === 0) {
      if (room.countTimer !== undefined) this.clock.clearTimeout(room.countTimer);
      this.rooms.delete(room.id);
    }
  }

  private dropMemberQuietly(room: Room, m: Member, kickCode: number | undefined): void {
    if (room.members.get(m.user.userID) === m) room.members.delete(m.user.userID);
    room.listeners.delete(m);
    this.byKey.delete(m.key);
    if (m.heartbeatTimer !== undefined) {
      this.clock.clearTimeout(m.heartbeatTimer);
      m.heartbeatTimer = undefined;
    }
    for (const t of m.tokenTimers) this.clock.clearTimeout(t);
    m.tokenTimers = [];
    const c = this.clients.get(m.clientId);
    if (!c || c.keys.get(room.id) !== m.key) return;
    // Removed while away, or kicked while its client was already reconnecting (the kick then names a
    // session the client has left): remember what it knew, so a reconnect that rejoins hears what changed.
    if (m.notify && (!m.connected || kickCode !== undefined)) c.staleKnown.set(room.id, m.known);
    if (kickCode === undefined) {
      c.keys.delete(room.id);
      return;
    }
    if (m.connected) {
      c.keys.delete(room.id);
      c.driver.kickOut(room.id, kickCode, m.key);
    } else {
      this.removedWhileAway.set(m.key, kickCode);
    }
  }

  private push(
    to: Member,
    type: ZegoUpdateType,
    users: Array<{ userID: string; userName: string }>,
    room: Room,
    latency: number,
  ): void {
    if (!to.connected || !to.notify) return;
    // Changes that reach one listener at the same moment travel as one list, as a real room server batches them.
    const due = this.clock.now() + latency;
    const batch = to.outbox;
    if (batch && batch.type === type && batch.due === due) {
      for (const u of users) batch.users.push({ ...u });
      return;
    }
    const list = users.map((u) => ({ ...u }));
    to.outbox = { type, due, users: list };
    const c = this.clients.get(to.clientId)!;
    c.driver.deliver(room.id, to.key, latency, (ev, id) => {
      // `known` is what the client really received: a push lost with the link comes back in the resume diff.
      for (const u of list) {
        if (type === ZegoUpdateType.Add) to.known.set(u.userID, u.userName);
        else to.known.delete(u.userID);
      }
      ev.onRoomUserUpdate(
        room.id,
        id,
        type,
        list.map((u) => ({ ...u })),
      );
    });
    // The batch closes when it is delivered (or dropped): a later push starts a new one.
    this.clock.setTimeout(() => {
      if (to.outbox?.users === list) to.outbox = undefined;
    }, latency);
  }

  /** A (re)joined member hears who is there: the whole list on a first login, the changes on a resume. */
  private sendDiff(room: Room, m: Member): void {
    if (!m.notify) {
      m.known.clear();
      return;
    }
    const added: Array<{ userID: string; userName: string }> = [];
    const deleted: Array<{ userID: string; userName: string }> = [];
    for (const other of room.members.values()) {
      if (other !== m && !m.known.has(other.user.userID)) added.push({ ...other.user });
    }
    for (const [id, name] of m.known)
      if (room.members.get(id) === undefined || id === m.user.userID) deleted.push({ userID: id, userName: name });
    const c = this.clients.get(m.clientId)!;
    if (deleted.length > 0) {
      c.driver.deliver(room.id, m.key, 0, (ev, id) => {
        for (const u of deleted) m.known.delete(u.userID);
        ev.onRoomUserUpdate(room.id, id, ZegoUpdateType.Delete, deleted);
      });
    }
    if (added.length > 0) {
      c.driver.deliver(room.id, m.key, 0, (ev, id) => {
        for (const u of added) m.known.set(u.userID, u.userName);
        ev.onRoomUserUpdate(room.id, id, ZegoUpdateType.Add, added);
      });
    }
  }

  private setToken(room: Room, m: Member, token: string): void {
    for (const t of m.tokenTimers) this.clock.clearTimeout(t);
    m.tokenTimers = [];
    m.token = token;
    const expiry = readToken04Expiry(token);
    if (expiry === null) return;
    const now = this.clock.now();
    const expiresIn = expiry * 1000 - now;
    const c = this.clients.get(m.clientId)!;
    const warnIn = expiresIn - 30_000;
    const remain = Math.round(Math.min(30_000, expiresIn) / 1000);
    m.tokenTimers.push(
      this.clock.setTimeout(
        () => {
          if (m.connected) c.driver.deliver(room.id, m.key, 0, (ev, id) => ev.onRoomTokenWillExpire(room.id, id, remain));
        },
        Math.max(0, warnIn),
      ),
    );
    m.tokenTimers.push(
      this.clock.setTimeout(
        () => {
          // Expired in the room without renewToken: the server kicks (1002056).
          if (room.members.get(m.user.userID) === m) this.removeMember(room, m, ZegoErrorCode.RoomTokenExpiredKickedOut);
        },
        Math.max(0, expiresIn),
      ),
    );
  }

  private scheduleCounts(room: Room): TimerHandle {
    return this.clock.setTimeout(() => {
      const count = room.members.size;
      for (const m of room.members.values()) {
        if (!m.connected || m.lastCount === count) continue;
        m.lastCount = count;
        // Already on a timer turn of the server's: raise at once rather than one more timer per member.
        this.clients
          .get(m.clientId)!
          .driver.deliverNow(room.id, m.key, (ev, id) => ev.onRoomOnlineUserCountUpdate(room.id, id, count));
      }
      if (this.rooms.get(room.id) === room) room.countTimer = this.scheduleCounts(room);
    }, this.onlineCountIntervalMs);
  }
}
