// The client side of the simulated service: one per engine. Requests take a round trip on the
// service's clock; pushes arrive only while this client's link is up.
import type { Clock, TimerHandle } from '../host/clock.js';
import { ZegoErrorCode as E } from '../model/errorCodes.js';
import type { LoginRequest, RoomDriver, RoomDriverContext, RoomDriverEvents } from '../driver/RoomDriver.js';
import type { SimulatedRoomService } from './SimulatedRoomService.js';

export class SimulatedDriver implements RoomDriver {
  private events: RoomDriverEvents | undefined;
  private readonly attempts = new Map<string, TimerHandle>();
  /**
   * Member sessions this client knows it is in: confirmed by a login answer, and not since left by a lost
   * link or a new attempt. Room pushes count only for these (a client ignores a room it is not in).
   */
  private readonly confirmed = new Set<number>();
  private stopped = false;
  private readonly clock: Clock;

  constructor(private readonly service: SimulatedRoomService, readonly clientId: string) {
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
    this.service.handleLogout(this.clientId, fromRoomID);
    this.login(request);
  }

  cancelLogin(roomID: string): void {
    const t = this.attempts.get(roomID);
    if (t !== undefined) { this.clock.clearTimeout(t); this.attempts.delete(roomID); }
  }

  logout(roomID: string): void {
    this.cancelLogin(roomID);
    this.service.handleLogout(this.clientId, roomID);
  }

  renewToken(roomID: string, token: string): void {
    this.service.handleRenewToken(this.clientId, roomID, token);
  }

  stop(): void {
    this.stopped = true;
    for (const t of this.attempts.values()) this.clock.clearTimeout(t);
    this.attempts.clear();
    // An env that outlives the engine (an app's own PuerTS env, WebGL's single env) may create it again.
    this.service.releaseClient(this.clientId, this);
  }

  // ---- called by the service -----------------------------------------------------------

  /** Every attempt in flight fails at once: the socket closed under it. */
  networkDown(): void {
    this.confirmed.clear();
    for (const roomID of [...this.attempts.keys()]) {
      this.cancelLogin(roomID);
      this.raise(0, (ev) => ev.onLoginResult(roomID, E.RoomErrorConnectFailed, ''));
    }
  }

  linkLost(): void {
    this.raise(0, (ev) => ev.onLinkLost(null, E.RoomConnectTemporaryBroken));
  }

  /** The server removed member session `memberKey`; dropped if this client has logged in anew since. */
  kickOut(roomID: string, code: number, memberKey: number): void {
    this.confirmed.delete(memberKey);
    this.raise(0, (ev) => {
      const now = this.service.memberKey(this.clientId, roomID);
      if (now === undefined || now === memberKey) ev.onKickOut(roomID, code, '');
    });
  }

  /**
   * A server push for one member session: dropped if the link is down, the session changed by then, or
   * this client never heard that the session's login succeeded (a client ignores a room it is not in).
   */
  deliver(roomID: string, memberKey: number, latencyMs: number, fn: (ev: RoomDriverEvents) => void): void {
    this.raise(latencyMs, (ev) => {
      if (this.reaches(roomID, memberKey)) fn(ev);
    });
  }

  /** The same, raised now: only from a timer turn of the service's own (never inside a driver call). */
  deliverNow(roomID: string, memberKey: number, fn: (ev: RoomDriverEvents) => void): void {
    if (!this.stopped && this.events && this.reaches(roomID, memberKey)) fn(this.events);
  }

  private reaches(roomID: string, memberKey: number): boolean {
    return this.confirmed.has(memberKey) && this.service.canReach(this.clientId, roomID, memberKey);
  }

  private send(request: LoginRequest, handle: () => [number, string, boolean?]): void {
    const { roomID } = request;
    this.cancelLogin(roomID);
    // Logging in (again): until the answer, this client does not count itself in the room.
    const held = this.service.memberKey(this.clientId, roomID);
    if (held !== undefined) this.confirmed.delete(held);
    if (!this.service.isOnline(this.clientId)) {
      // No route to the server: the attempt fails at once.
      this.raise(0, (ev) => ev.onLoginResult(roomID, E.RoomErrorConnectFailed, ''));
      return;
    }
    this.attempts.set(roomID, this.clock.setTimeout(() => {
      this.attempts.delete(roomID);
      if (this.stopped || !this.events) return;
      const lost = this.service.takeLostResponse(this.clientId);
      const [code, ext, kicked] = handle();
      if (lost) {
        // The server did it, the client never heard: its attempt times out one more round trip later.
        this.attempts.set(roomID, this.clock.setTimeout(() => {
          this.attempts.delete(roomID);
          if (!this.stopped && this.events) this.events.onLoginResult(roomID, E.RoomErrorLoginTimeout, '');
        }, this.service.loginLatencyMs));
      } else if (kicked) this.events.onKickOut(roomID, code, ext);
      else {
        const key = code === 0 ? this.service.memberKey(this.clientId, roomID) : undefined;
        if (key !== undefined) this.confirmed.add(key);
        this.events.onLoginResult(roomID, code, ext);
      }
    }, this.service.loginLatencyMs));
  }

  private raise(delayMs: number, fn: (ev: RoomDriverEvents) => void): void {
    this.clock.setTimeout(() => {
      if (!this.stopped && this.events) fn(this.events);
    }, delayMs);
  }
}
