// The client side of the simulated service: one per engine. Requests take a round trip on the
// service's clock; pushes arrive only while this client's link is up. Every event names the engine's
// attempt it answers, or the session (the attempt that got in) it concerns.
import type { Clock, TimerHandle } from '../host/clock.js';
import { ZegoErrorCode } from '../model/errorCodes.js';
import type { LoginRequest, RoomDriver, RoomDriverContext, RoomDriverEvents } from '../driver/RoomDriver.js';
import type { RoomClientPort, RoomPush } from '../rooms/RoomService.js';
import type { SimulatedRoomService } from './SimulatedRoomService.js';

export class SimulatedDriver implements RoomDriver, RoomClientPort {
  private events: RoomDriverEvents | undefined;
  /** roomID → the attempt in flight: its answer's timer and id. */
  private readonly attempts = new Map<string, { timer: TimerHandle; id: number }>();
  /**
   * roomID → the server's member session made by this client's attempt `id`. `heard`: the client got the
   * answer and has not since left by a lost link or a new attempt; room pushes count only then (a client
   * ignores a room it is not in).
   */
  private readonly members = new Map<string, { key: number; id: number; heard: boolean }>();
  private stopped = false;
  private readonly clock: Clock;

  constructor(
    private readonly service: SimulatedRoomService,
    readonly clientId: string,
  ) {
    this.clock = service.clock;
  }

  start(context: RoomDriverContext): void {
    if (context.clock !== this.service.clock) {
      // The engine and the service must share one clock, or virtual time would split in two.
      throw new Error('SimulatedDriver: create the engine with the same clock as the SimulatedRoomService');
    }
    this.events = context.events;
  }

  login(request: LoginRequest): void {
    this.send(request, () => this.service.handleLogin(this.clientId, request));
  }

  switchRoom(fromRoomID: string, request: LoginRequest): void {
    this.members.delete(fromRoomID);
    this.service.handleLogout(this.clientId, fromRoomID);
    this.login(request);
  }

  cancelLogin(roomID: string): void {
    const a = this.attempts.get(roomID);
    if (a !== undefined) {
      this.clock.clearTimeout(a.timer);
      this.attempts.delete(roomID);
    }
  }

  logout(roomID: string): void {
    this.cancelLogin(roomID);
    this.members.delete(roomID);
    this.service.handleLogout(this.clientId, roomID);
  }

  renewToken(roomID: string, token: string): void {
    this.service.handleRenewToken(this.clientId, roomID, token);
  }

  stop(): void {
    this.stopped = true;
    for (const a of this.attempts.values()) this.clock.clearTimeout(a.timer);
    this.attempts.clear();
    // An env that outlives the engine (an app's own PuerTS env, WebGL's single env) may create it again.
    this.service.releaseClient(this.clientId, this);
  }

  // ---- called by the service -----------------------------------------------------------

  /** The socket closed: every attempt in flight fails at once, then every room this client is in loses its link. */
  networkDown(): void {
    for (const [roomID, a] of this.attempts) {
      this.clock.clearTimeout(a.timer);
      this.raise(0, (ev) => ev.onLoginResult(roomID, a.id, ZegoErrorCode.RoomErrorConnectFailed, ''));
    }
    this.attempts.clear();
    for (const [roomID, m] of this.members) {
      if (m.heard) this.raise(0, (ev) => ev.onLinkLost(roomID, m.id, ZegoErrorCode.RoomConnectTemporaryBroken));
      m.heard = false;
    }
  }

  /** The server removed member session `memberKey`: the kick names the attempt that made it. */
  kickOut(roomID: string, code: number, memberKey: number): void {
    const m = this.members.get(roomID);
    if (!m || m.key !== memberKey) return;
    this.members.delete(roomID);
    this.raise(0, (ev) => ev.onKickOut(roomID, m.id, code, ''));
  }

  linkUp(): boolean {
    return this.service.isOnline(this.clientId);
  }

  /**
   * A server push for one member session, named by the session the client knows it as: dropped if the
   * link is down, the session changed by then, or this client never heard that the session's login
   * succeeded (a client ignores a room it is not in).
   */
  deliver(roomID: string, memberKey: number, latencyMs: number, push: RoomPush, delivered?: () => void): void {
    this.raise(latencyMs, (ev) => {
      const id = this.reaches(roomID, memberKey);
      if (!id) return;
      delivered?.();
      raisePush(ev, roomID, id, push);
    });
  }

  /** The same, raised now: only from a timer turn of the service's own (never inside a driver call). */
  deliverNow(roomID: string, memberKey: number, push: RoomPush): void {
    const id = this.reaches(roomID, memberKey);
    if (id && !this.stopped && this.events) raisePush(this.events, roomID, id, push);
  }

  /** The session (an attempt id, never 0) a push to `memberKey` reaches; 0 when it does not. */
  private reaches(roomID: string, memberKey: number): number {
    const m = this.members.get(roomID);
    return m && m.heard && m.key === memberKey && this.service.canReach(this.clientId, roomID, memberKey) ? m.id : 0;
  }

  private send(request: LoginRequest, handle: () => [number, string, boolean?]): void {
    const { roomID, attemptID: id } = request;
    this.cancelLogin(roomID);
    // Logging in (again): until the answer, this client does not count itself in the room.
    const held = this.members.get(roomID);
    if (held) held.heard = false;
    if (!this.service.isOnline(this.clientId)) {
      // No route to the server: the attempt fails at once.
      this.raise(0, (ev) => ev.onLoginResult(roomID, id, ZegoErrorCode.RoomErrorConnectFailed, ''));
      return;
    }
    const timer = this.clock.setTimeout(() => {
      this.attempts.delete(roomID);
      if (this.stopped || !this.events) return;
      const lost = this.service.takeLostResponse(this.clientId);
      const [code, ext, kicked] = handle();
      const key = code === 0 && !kicked ? this.service.memberKey(this.clientId, roomID) : undefined;
      // The server's member session is this attempt's, whether or not the client hears so.
      if (key !== undefined) this.members.set(roomID, { key, id, heard: !lost });
      if (lost) {
        // The server did it, the client never heard: its attempt times out one more round trip later.
        const timeout = this.clock.setTimeout(() => {
          this.attempts.delete(roomID);
          if (!this.stopped && this.events) this.events.onLoginResult(roomID, id, ZegoErrorCode.RoomErrorLoginTimeout, '');
        }, this.service.loginLatencyMs);
        this.attempts.set(roomID, { timer: timeout, id });
      } else if (kicked) this.events.onKickOut(roomID, id, code, ext);
      else this.events.onLoginResult(roomID, id, code, ext);
    }, this.service.loginLatencyMs);
    this.attempts.set(roomID, { timer, id });
  }

  private raise(delayMs: number, fn: (ev: RoomDriverEvents) => void): void {
    this.clock.setTimeout(() => {
      if (!this.stopped && this.events) fn(this.events);
    }, delayMs);
  }
}

/** A push as the engine hears it. */
function raisePush(events: RoomDriverEvents, roomID: string, sessionID: number, push: RoomPush): void {
  switch (push.type) {
    case 'userUpdate':
      events.onRoomUserUpdate(
        roomID,
        sessionID,
        push.updateType,
        push.users.map((u) => ({ ...u })),
      );
      return;
    case 'count':
      events.onRoomOnlineUserCountUpdate(roomID, sessionID, push.count);
      return;
    case 'tokenWillExpire':
      events.onRoomTokenWillExpire(roomID, sessionID, push.remain);
  }
}
