// One room of one engine: runs the transition table, owns the retry timers and the 20-minute window.
import type { Clock, TimerHandle } from '../host/clock.js';
import type { Log } from '../host/log.js';
import type { ZegoRoomStateChangedReason } from '../model/enums.js';
import { LOGIN_CANCELLED_ERROR_CODE, RETRYABLE_LOGIN_ERRORS, ZegoErrorCode as E } from '../model/errorCodes.js';
import type { ZegoRoomLoginCallback } from '../model/types.js';
import type { LoginRequest, RoomDriver } from '../driver/RoomDriver.js';
import { retryDelayFor, type ReconnectPolicy } from './reconnectPolicy.js';
import { TRANSITIONS, type Effect, type Input, type Phase } from './transitions.js';

/** What a session needs from its engine. */
export interface SessionHost {
  readonly clock: Clock;
  readonly driver: RoomDriver;
  readonly policy: ReconnectPolicy;
  readonly windowMs: number;
  readonly log: Log;
  /** A new attempt id, unique in this engine (RoomDriver.ts, "Identity"). */
  nextAttemptID(): number;
  emitState(roomID: string, reason: ZegoRoomStateChangedReason, errorCode: number, extendedData: string): void;
  deliverLoginResult(callback: ZegoRoomLoginCallback, errorCode: number, extendedData: string, roomID: string): void;
  /** Every row taken, for the trace and debug log. */
  transitioned(roomID: string, from: string, input: string, to: string, code: number): void;
  sessionEnded(session: RoomSession): void;
}

export class RoomSession {
  phase: Phase = 'Logout';
  private windowStart = 0;
  private windowTimer: TimerHandle | undefined;
  private retryTimer: TimerHandle | undefined;
  private failures = 0;
  /** The id of the attempt in flight: only its answer counts. */
  attemptID: number | undefined;
  /** The session the room is in: the id of the last attempt that got in. Kicks, losses and pushes must name it. */
  sessionID: number | undefined;
  /** The token the attempt in flight carries: a renewToken made meanwhile is sent once it is in. */
  private sentToken = '';
  /** Set while this session is the target of a switchRoom whose first attempt is the driver's switch. */
  private switchFrom: string | undefined;
  /** Set on the source side of switchRoom: the driver's switch does the leaving. */
  leavingBySwitch = false;
  /** The other users the app has been told are in this room: no duplicate Add, no Delete of a stranger. */
  private readonly users = new Set<string>();

  constructor(
    private readonly host: SessionHost,
    readonly request: LoginRequest,
    private loginCallback: ZegoRoomLoginCallback | undefined,
    switchFrom?: string,
  ) {
    this.switchFrom = switchFrom;
  }

  get roomID(): string { return this.request.roomID; }

  /** Active = the room is taken: logging in, logged in or reconnecting. */
  get active(): boolean { return this.phase !== 'Logout'; }

  /** Feeds one input through the table. Returns false when the table has no row for it (ignored). */
  feed(input: Input, inputCode = 0, extendedData = ''): boolean {
    const row = TRANSITIONS[this.phase][input];
    if (!row) return false;
    const from = this.phase;
    this.phase = row.next;
    const code = row.code === 'input' ? inputCode : (row.code ?? 0);
    this.host.transitioned(this.roomID, from, input, row.next, code);
    if (row.reason !== undefined) this.host.emitState(this.roomID, row.reason, code, extendedData);
    for (const effect of row.effects) this.run(effect, code, extendedData);
    return true;
  }

  /** The driver's answer to the attempt in flight (the engine checked it names that attempt). */
  attemptResult(errorCode: number, extendedData: string): void {
    const id = this.attemptID;
    if (id === undefined) return; // cancelled
    this.attemptID = undefined;
    if (errorCode === 0) {
      this.sessionID = id;
      this.feed('attemptOk', 0, extendedData);
      const token = this.request.token;
      if (token !== this.sentToken && this.phase === 'Logined') this.guard('renewToken', () => this.host.driver.renewToken(this.roomID, token));
    }
    else if (RETRYABLE_LOGIN_ERRORS.has(errorCode)) { this.failures++; this.feed('attemptRetry', errorCode); }
    else this.feed('attemptFail', errorCode, extendedData);
  }

  private run(effect: Effect, code: number, extendedData: string): void {
    const { clock, driver } = this.host;
    switch (effect) {
      case 'openWindow':
        this.windowStart = clock.now();
        this.failures = 0;
        this.windowTimer = clock.setTimeout(() => { this.windowTimer = undefined; this.feed('windowEnd'); }, this.host.windowMs);
        return;
      case 'closeWindow':
        this.clearTimers();
        this.failures = 0;
        return;
      case 'attempt':
        this.attempt();
        return;
      case 'scheduleRetry':
        this.scheduleRetry();
        return;
      case 'retryNow':
        if (this.attemptID !== undefined) return;
        if (this.retryTimer !== undefined) { clock.clearTimeout(this.retryTimer); this.retryTimer = undefined; }
        this.attempt();
        return;
      case 'cancelAttempt':
        if (this.retryTimer !== undefined) { clock.clearTimeout(this.retryTimer); this.retryTimer = undefined; }
        if (this.attemptID !== undefined) {
          this.attemptID = undefined;
          this.guard('cancelLogin', () => driver.cancelLogin(this.roomID));
        }
        return;
      case 'driverLogout':
        if (!this.leavingBySwitch) this.guard('logout', () => driver.logout(this.roomID));
        return;
      case 'completeLogin':
        this.finishCallback(code, extendedData);
        return;
      case 'cancelLoginCallback':
        this.finishCallback(LOGIN_CANCELLED_ERROR_CODE, '');
        return;
      case 'end':
        this.clearTimers();
        this.host.sessionEnded(this);
        return;
    }
  }

  /**
   * A user update from the driver, as the app may see it: only users whose presence it changes, and
   * only while logged in. Whatever a driver or SDK repeats or reorders, the app's list stays consistent.
   */
  filterUserUpdate(add: boolean, userIDs: string[]): string[] {
    if (this.phase !== 'Logined') return [];
    const changed = userIDs.filter((id) => id !== this.request.user.userID && this.users.has(id) !== add);
    for (const id of changed) { if (add) this.users.add(id); else this.users.delete(id); }
    return changed;
  }

  /** Drops every timer without telling anyone (engine destroy). */
  dispose(): void {
    this.clearTimers();
    this.phase = 'Logout';
    this.loginCallback = undefined;
  }

  private attempt(): void {
    if (this.attemptID !== undefined) return;
    // PuerTS timers stop while the player is paused: the window is checked against the clock too.
    if (this.windowExpired()) { this.feed('windowEnd'); return; }
    const id = this.host.nextAttemptID();
    this.attemptID = id;
    const from = this.switchFrom;
    this.switchFrom = undefined;
    const req: LoginRequest = { ...this.request, reconnect: this.phase === 'Reconnecting', attemptID: id };
    this.sentToken = req.token;
    const ok = this.guard(from !== undefined ? 'switchRoom' : 'login', () => {
      if (from !== undefined) this.host.driver.switchRoom(from, req);
      else this.host.driver.login(req);
    });
    // A driver that throws is treated like a network failure: retried inside the window.
    if (!ok) this.host.clock.setTimeout(() => { if (this.attemptID === id) this.attemptResult(E.RoomErrorConnectFailed, ''); }, 0);
  }

  private scheduleRetry(): void {
    const { clock, policy, windowMs } = this.host;
    const elapsedMs = clock.now() - this.windowStart;
    const delay = elapsedMs < windowMs ? retryDelayFor(policy, { retryCount: this.failures, elapsedMs }, this.host.log) : null;
    if (delay === null) {
      // The policy gave up early (or the window is over): end now, on a timer turn.
      this.retryTimer = clock.setTimeout(() => { this.retryTimer = undefined; this.feed('windowEnd'); }, 0);
      return;
    }
    this.retryTimer = clock.setTimeout(() => {
      this.retryTimer = undefined;
      this.feed(this.windowExpired() ? 'windowEnd' : 'retryDue');
    }, delay);
  }

  private windowExpired(): boolean {
    return this.windowTimer !== undefined && this.host.clock.now() - this.windowStart >= this.host.windowMs;
  }

  private finishCallback(code: number, extendedData: string): void {
    const cb = this.loginCallback;
    this.loginCallback = undefined;
    if (cb) this.host.deliverLoginResult(cb, code, extendedData, this.roomID);
  }

  private clearTimers(): void {
    const { clock } = this.host;
    if (this.windowTimer !== undefined) { clock.clearTimeout(this.windowTimer); this.windowTimer = undefined; }
    if (this.retryTimer !== undefined) { clock.clearTimeout(this.retryTimer); this.retryTimer = undefined; }
  }

  private guard(what: string, fn: () => void): boolean {
    try { fn(); return true; }
    catch (e) { this.host.log.error(`driver.${what} threw`, e, { room: this.roomID }); return false; }
  }
}

