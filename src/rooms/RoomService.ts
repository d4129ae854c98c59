// What ZEGO's room service does, once, for both transports: the in-process simulator (virtual time,
// src/simulator/) and the local room server (real sockets, src/server/). Rooms and members, resume
// before the heartbeat timeout, Add/Delete pushes to the members that asked (isUserStatusNotify),
// online counts, token-will-expire and expiry kicks, duplicate-login and server kicks, resume diffs.
// A client is a device: it keeps its member sessions (keys) across link losses, so a login with
// `reconnect` resumes. How a push or a kick reaches the client is its port's business.
import type { Clock, TimerHandle } from '../host/clock.js';
import { ZegoUpdateType } from '../model/enums.js';
import { ZegoErrorCode } from '../model/errorCodes.js';
import type { ZegoUser } from '../model/types.js';
import { readToken04Expiry } from '../token/token04.js';
import type { LoginRequest } from '../driver/RoomDriver.js';

/** A user as pushes carry it (userName "" when the app gave none). */
export interface RoomUser {
  userID: string;
  userName: string;
}

/** A push for one member session, as data: the simulator raises it as an event, the server sends it as a frame. */
export type RoomPush =
  | { type: 'userUpdate'; updateType: ZegoUpdateType; users: RoomUser[] }
  | { type: 'count'; count: number }
  | { type: 'tokenWillExpire'; remain: number };

/** How the service reaches one client. */
export interface RoomClientPort {
  /** True while this client's link is up (pushes can reach it). */
  linkUp(): boolean;
  /** The server removed member session `memberKey` while the client could hear it. */
  kickOut(roomID: string, code: number, memberKey: number): void;
  /**
   * A push for member session `memberKey`, arriving `latencyMs` from now (0: on a later turn, never
   * inside the call). `delivered` runs if and when the client receives it. The list in a user update may
   * still grow until then (same-moment changes travel as one list).
   */
  deliver(roomID: string, memberKey: number, latencyMs: number, push: RoomPush, delivered?: () => void): void;
  /** The same, now: only from a timer turn of the service's own. */
  deliverNow(roomID: string, memberKey: number, push: RoomPush): void;
}

/** The login a client asks for: the engine's LoginRequest without its attempt id (the server answers the attempt). */
export type RoomLogin = Omit<LoginRequest, 'attemptID'>;

/** What happened in a room, for a dashboard or a log; never needed for the semantics. */
export interface RoomServiceEvent {
  type: 'join' | 'resume' | 'linkDown' | 'refused' | 'kick' | 'removed';
  roomID: string;
  userID: string;
  clientId: string;
  /** The kick's code, or why a login was refused. */
  code?: number;
  /** A join by a client that was reconnecting (its app sees Reconnected, not Logined). */
  reconnect?: boolean;
}

export interface RoomServiceOptions {
  clock: Clock;
  /** Server push to other clients. Default 100 ms (T2 ≈ T1 + 100 ms on ZEGO's room connection status page). */
  notifyLatencyMs?: number;
  /** A silent member is dropped this long after its last sign of life. Default 90 s. */
  heartbeatTimeoutMs?: number;
  /**
   * Checks a token: true or 0 accepts; false rejects with 1002033; a number rejects with that code.
   * Without it any token is accepted unless a Token04 has expired.
   */
  verifyToken?: (token: string, userID: string, roomID: string) => boolean | number;
  /** How often members hear the online count (when it changed). Default 30 s, as ZEGO documents. */
  onlineCountIntervalMs?: number;
  /** Told of joins, resumes, link losses, leaves and kicks. */
  observe?: (event: RoomServiceEvent) => void;
  /**
   * User updates due within one window of this many ms go out as one list. Default 0: each moment its own
   * (the simulator's exact timelines); the local room server uses 20.
   */
  pushBatchMs?: number;
}

/** A member as the server sees it. */
export interface RoomMemberView {
  userID: string;
  userName: string;
  clientId: string;
  key: number;
  connected: boolean;
  notify: boolean;
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
  outbox?: { type: ZegoUpdateType; due: number; users: RoomUser[] };
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
  port: RoomClientPort;
  /** roomID → the member key this client holds (kept while the link is down, to resume). */
  keys: Map<string, number>;
  staleKnown: Map<string, Map<string, string>>;
}

/** [code, extendedData, kicked]: kicked = the client was removed while it could not hear it. */
export type RoomLoginAnswer = [number, string, boolean?];

export class RoomService {
  readonly clock: Clock;
  readonly notifyLatencyMs: number;
  readonly heartbeatTimeoutMs: number;
  readonly onlineCountIntervalMs: number;
  readonly pushBatchMs: number;
  private readonly verify?: (token: string, userID: string, roomID: string) => boolean | number;
  private readonly observe?: (event: RoomServiceEvent) => void;
  private readonly clients = new Map<string, Client>();
  private readonly rooms = new Map<string, Room>();
  /** Member keys removed while their client could not hear it: the code it gets when it comes back. */
  private readonly removedWhileAway = new Map<number, number>();
  private readonly byKey = new Map<number, Member>();
  private nextKey = 1;
  private nextRoomSession = 1;

  constructor(options: RoomServiceOptions) {
    if (!options || !options.clock) throw new TypeError('RoomService: options.clock is required');
    this.clock = options.clock;
    this.notifyLatencyMs = options.notifyLatencyMs ?? 100;
    this.heartbeatTimeoutMs = options.heartbeatTimeoutMs ?? 90_000;
    this.onlineCountIntervalMs = options.onlineCountIntervalMs ?? 30_000;
    this.verify = options.verifyToken;
    this.observe = options.observe;
    this.pushBatchMs = options.pushBatchMs ?? 0;
  }

  /** Connects a client (a device) to the service, or gives a known one a new port; its member sessions stay. */
  attachClient(clientId: string, port: RoomClientPort): void {
    const known = this.clients.get(clientId);
    if (known) known.port = port;
    else this.clients.set(clientId, { id: clientId, port, keys: new Map(), staleKnown: new Map() });
  }

  /** Forgets a client that holds no member session (a device gone for good); false while it holds one. */
  forgetClient(clientId: string): boolean {
    const c = this.clients.get(clientId);
    if (!c) return true;
    if (c.keys.size > 0) return false;
    this.clients.delete(clientId);
    return true;
  }

  hasClient(clientId: string): boolean {
    return this.clients.has(clientId);
  }

  /**
   * The client's link is gone (a closed socket, or silence): each member session it holds starts its
   * heartbeat timeout, measured from the last sign of life `silentForMs` ago.
   */
  linkDown(clientId: string, silentForMs = 0): void {
    const c = this.clients.get(clientId);
    if (!c) return;
    for (const [roomID, key] of c.keys) {
      const m = this.memberByKey(roomID, key);
      if (m && m.connected) this.disconnect(this.rooms.get(roomID)!, m, silentForMs);
    }
  }

  /** The member session this client holds in a room, if any. */
  memberKey(clientId: string, roomID: string): number | undefined {
    return this.clients.get(clientId)?.keys.get(roomID);
  }

  /** True while this member session is in the room with its link up (pushes reach it only then). */
  canReach(clientId: string, roomID: string, memberKey: number): boolean {
    const c = this.clients.get(clientId);
    const m = this.byKey.get(memberKey);
    return !!c && c.port.linkUp() && c.keys.get(roomID) === memberKey && !!m && m.roomID === roomID && m.connected;
  }

  /** The server-side kick API (→ KickOut 1002055); also 1002056 for a token expired in the room. */
  kickOut(roomID: string, userID: string, code: number = ZegoErrorCode.RoomManualKickedOut): boolean {
    const room = this.rooms.get(roomID);
    const m = room?.members.get(userID);
    if (!room || !m) return false;
    this.removeMember(room, m, code);
    return true;
  }

  /** Users in a room as the server sees them. */
  roomUsers(roomID: string): ZegoUser[] {
    const room = this.rooms.get(roomID);
    return room ? [...room.members.values()].map((m) => ({ ...m.user })) : [];
  }

  /** The user of a member session, while it exists. */
  memberUserID(memberKey: number): string | undefined {
    return this.byKey.get(memberKey)?.user.userID;
  }

  /** Every room and its members, for a dashboard. */
  snapshot(): Array<{ roomID: string; members: RoomMemberView[] }> {
    return [...this.rooms.values()].map((room) => ({
      roomID: room.id,
      members: [...room.members.values()].map((m) => ({
        userID: m.user.userID,
        userName: m.user.userName,
        clientId: m.clientId,
        key: m.key,
        connected: m.connected,
        notify: m.notify,
      })),
    }));
  }

  /** A login request reaches the server. */
  handleLogin(clientId: string, req: RoomLogin): RoomLoginAnswer {
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
    const refused = this.tokenCode(req.token, req.user.userID, req.roomID);
    if (refused !== 0) {
      this.observe?.({ type: 'refused', roomID: req.roomID, userID: req.user.userID, clientId, code: refused });
      return [refused, ''];
    }
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
      this.observe?.({ type: 'resume', roomID: room.id, userID: resumed.user.userID, clientId });
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
    this.observe?.({ type: 'join', roomID: room.id, userID: member.user.userID, clientId, reconnect: req.reconnect });
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
    if (!c.port.linkUp()) {
      // The request cannot reach the server: the member stays until its heartbeat times out.
      return;
    }
    this.removeMember(room, m, undefined);
  }

  /** A new token for a member session: 0 when taken, else why not (the member keeps its old one). */
  handleRenewToken(clientId: string, roomID: string, token: string): number {
    const c = this.client(clientId);
    const key = c.keys.get(roomID);
    const room = this.rooms.get(roomID);
    const m = key !== undefined ? this.memberByKey(roomID, key) : undefined;
    if (!c.port.linkUp() || !room || !m) return ZegoErrorCode.CommonNotLoginRoom;
    const refused = this.tokenCode(token, m.user.userID, roomID);
    if (refused !== 0) return refused;
    this.setToken(room, m, token);
    return 0;
  }

  /** The `expire token` fault: the member's token expires now (→ KickOut 1002056). */
  expireToken(roomID: string, userID: string): boolean {
    return this.kickOut(roomID, userID, ZegoErrorCode.RoomTokenExpiredKickedOut);
  }

  /** Stops every timer (the server is closing or restarting); the service is not used afterwards. */
  dispose(): void {
    for (const room of this.rooms.values()) {
      if (room.countTimer !== undefined) this.clock.clearTimeout(room.countTimer);
      for (const m of room.members.values()) {
        if (m.heartbeatTimer !== undefined) this.clock.clearTimeout(m.heartbeatTimer);
        for (const t of m.tokenTimers) this.clock.clearTimeout(t);
      }
    }
    this.rooms.clear();
    this.byKey.clear();
    this.clients.clear();
  }

  // ---- internals -------------------------------------------------------------------------

  private tokenCode(token: string, userID: string, roomID: string): number {
    if (!this.verify) return 0;
    const verdict = this.verify(token, userID, roomID);
    if (verdict === true || verdict === 0) return 0;
    return typeof verdict === 'number' ? verdict : ZegoErrorCode.RoomErrorAuthenticationFailed;
  }

  private client(id: string): Client {
    const c = this.clients.get(id);
    if (!c) throw new Error(`RoomService: unknown client "${id}"`);
    return c;
  }

  private memberByKey(roomID: string, key: number): Member | undefined {
    const m = this.byKey.get(key);
    return m && m.roomID === roomID ? m : undefined;
  }

  private loginData(room: Room): string {
    return JSON.stringify({ room_session_id: room.sessionId });
  }

  private disconnect(room: Room, m: Member, silentForMs: number): void {
    m.connected = false;
    this.observe?.({ type: 'linkDown', roomID: room.id, userID: m.user.userID, clientId: m.clientId });
    // ZEGO's room connection status page: others hear the Delete at T3 + 90 s.
    m.heartbeatTimer = this.clock.setTimeout(
      () => {
        m.heartbeatTimer = undefined;
        this.removeMember(room, m, undefined, 0);
      },
      Math.max(0, this.heartbeatTimeoutMs - silentForMs),
    );
  }

  /** Removes a member; `kickCode` tells its client (now if connected, else when it comes back). */
  private removeMember(room: Room, m: Member, kickCode: number | undefined, deleteLatency = this.notifyLatencyMs): void {
    this.dropMemberQuietly(room, m, kickCode);
    this.observe?.({
      type: kickCode === undefined ? 'removed' : 'kick',
      roomID: room.id,
      userID: m.user.userID,
      clientId: m.clientId,
      code: kickCode,
    });
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
      c.port.kickOut(room.id, kickCode, m.key);
    } else {
      this.removedWhileAway.set(m.key, kickCode);
    }
  }

  private push(to: Member, type: ZegoUpdateType, users: RoomUser[], room: Room, latency: number): void {
    if (!to.connected || !to.notify) return;
    // Changes that reach one listener at the same moment travel as one list, as a real room server batches them.
    const now = this.clock.now();
    // With a batch window, every change due in the same window travels in one list (one frame to a client
    // whose WebSocket hands over one message per frame, as PuerTS's does).
    const window = this.pushBatchMs;
    const due = window > 0 ? Math.ceil((now + latency) / window) * window : now + latency;
    const delay = due - now;
    const batch = to.outbox;
    if (batch && batch.type === type && batch.due === due) {
      for (const u of users) batch.users.push({ ...u });
      return;
    }
    const list = users.map((u) => ({ ...u }));
    to.outbox = { type, due, users: list };
    const c = this.clients.get(to.clientId)!;
    c.port.deliver(room.id, to.key, delay, { type: 'userUpdate', updateType: type, users: list }, () => {
      // `known` is what the client really received: a push lost with the link comes back in the resume diff.
      for (const u of list) {
        if (type === ZegoUpdateType.Add) to.known.set(u.userID, u.userName);
        else to.known.delete(u.userID);
      }
    });
    // The batch closes when it is delivered (or dropped): a later push starts a new one.
    this.clock.setTimeout(() => {
      if (to.outbox?.users === list) to.outbox = undefined;
    }, delay);
  }

  /** A (re)joined member hears who is there: the whole list on a first login, the changes on a resume. */
  private sendDiff(room: Room, m: Member): void {
    if (!m.notify) {
      m.known.clear();
      return;
    }
    const added: RoomUser[] = [];
    const deleted: RoomUser[] = [];
    for (const other of room.members.values()) {
      if (other !== m && !m.known.has(other.user.userID)) added.push({ ...other.user });
    }
    for (const [id, name] of m.known)
      if (room.members.get(id) === undefined || id === m.user.userID) deleted.push({ userID: id, userName: name });
    const port = this.clients.get(m.clientId)!.port;
    if (deleted.length > 0) {
      port.deliver(room.id, m.key, 0, { type: 'userUpdate', updateType: ZegoUpdateType.Delete, users: deleted }, () => {
        for (const u of deleted) m.known.delete(u.userID);
      });
    }
    if (added.length > 0) {
      port.deliver(room.id, m.key, 0, { type: 'userUpdate', updateType: ZegoUpdateType.Add, users: added }, () => {
        for (const u of added) m.known.set(u.userID, u.userName);
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
    // The port is looked up when a timer fires: a client that reconnected has a new one by then.
    const portOf = () => this.clients.get(m.clientId)?.port;
    const warnIn = expiresIn - 30_000;
    const remain = Math.round(Math.min(30_000, expiresIn) / 1000);
    m.tokenTimers.push(
      this.clock.setTimeout(
        () => {
          if (m.connected) portOf()?.deliver(room.id, m.key, 0, { type: 'tokenWillExpire', remain });
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
        this.clients.get(m.clientId)!.port.deliverNow(room.id, m.key, { type: 'count', count });
      }
      if (this.rooms.get(room.id) === room) room.countTimer = this.scheduleCounts(room);
    }, this.onlineCountIntervalMs);
  }
}
