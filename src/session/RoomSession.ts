// One room of one engine: runs the transition table (transitions.ts), owns the retry timers and the
// 20-minute window. Its state is its own: the engine reads it through getters and changes it by inputs.
import type { Clock, TimerHandle } from '../host/clock.js';
import type { Log } from '../host/log.js';
import type { ZegoRoomStateChangedReason } from '../model/enums.js';
import { LOGIN_CANCELLED_ERROR_CODE, RETRYABLE_LOGIN_ERRORS, ZegoErrorCode } from '../model/errorCodes.js';
import type { ZegoRoomLoginCallback } from '../model/types.js';
import type { LoginRequest, RoomDriver } from '../driver/RoomDriver.js';
import { retryDelayFor, type ReconnectPolicy } from './reconnectPolicy.js';
import { PHASE_EFFECTS, TRANSITIONS, type Effect, type Input, type Phase } from './transitions.js';

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

/** @internal What an input carries besides its name. */
export interface InputDetail {
  /** The driver's code (rows whose code is `'input'`, the login callback). */
  code?: number;
  extendedData?: string;
  /** renewToken: the new token. */
  token?: string;
  /** switchTo: the room the driver's switch leaves. */
  fromRoomID?: string;
}

/** @internal Called for every row taken, before its effects run: one place to watch the machine. */
export type TransitionObserver = (
  roomID: string,
  phase: Phase,
  input: Input,
  next: Phase,
  reason: ZegoRoomStateChangedReason | undefined,
  code: number,
) => void;

/**
 * @internal Module-wide watcher of every row taken, for the test that checks each row is reached
 * (test/machineCoverage.test.ts). Unset in the product.
 */
export const transitionProbe: { observe: TransitionObserver | undefined } = { observe: undefined };

/** Inputs one input may cause in a row (an attempt finding the window over): far above any real chain. */
const MAX_CHAINED_INPUTS = 16;

export class RoomSession {
  private current: Phase = 'Idle';
  private windowStart = 0;
  private windowTimer: TimerHandle | undefined;
  private retryTimer: TimerHandle | undefined;
  private failures = 0;
  /** The id of the attempt in flight: only its answer counts. */
  private inFlight: number | undefined;
  /** The session the room is in: the id of the last attempt that got in. Kicks, losses and pushes must name it. */
  private session: number | undefined;
  /** The token the attempt in flight carries: a renewToken made meanwhile is sent once it is in. */
  private sentToken = '';
  /** Inputs waiting for the one being run to complete. */
  private readonly queue: Array<{ input: Input; detail: InputDetail }> = [];
  private running = false;
  /** The other users the app has been told are in this room: no duplicate Add, no Delete of a stranger. */
  private readonly users = new Set<string>();
  private readonly loginRequest: LoginRequest;

  constructor(
    private readonly host: SessionHost,
    request: LoginRequest,
    private loginCallback: ZegoRoomLoginCallback | undefined,
  ) {
    this.loginRequest = { ...request };
  }

  get roomID(): string {
    return this.loginRequest.roomID;
  }

  /** The login this session makes (its token is the latest renewToken's). */
  get request(): Readonly<LoginRequest> {
    return this.loginRequest;
  }

  get phase(): Phase {
    return this.current;
  }

  /** The id of the attempt in flight, if any. */
  get attemptID(): number | undefined {
    return this.inFlight;
  }

  /** The id of the attempt that got this client into the room, once one did. */
  get sessionID(): number | undefined {
    return this.session;
  }

  /** Active = the room is taken: logging in, logged in or reconnecting. */
  get active(): boolean {
    return this.current !== 'Idle';
  }

  /**
   * Queues one input and, unless an input is being run already (this call comes from one of its
   * effects), runs the queue: every input runs to completion before the next starts.
   */
  feed(input: Input, detail: InputDetail = {}): void {
    this.queue.push({ input, detail });
    if (this.running) return;
    this.running = true;
    try {
      for (let n = 0; n < MAX_CHAINED_INPUTS && this.queue.length > 0; n++) {
        const next = this.queue.shift()!;
        this.step(next.input, next.detail);
      }
      if (this.queue.length > 0) {
        this.host.log.error(
          `more than ${MAX_CHAINED_INPUTS} inputs caused by one, dropped: ${this.queue.map((q) => q.input).join(', ')}`,
          undefined,
          { room: this.roomID },
        );
        this.queue.length = 0;
      }
    } finally {
      this.running = false;
    }
  }

  /** The driver's answer to the attempt in flight (the engine checked it names that attempt). */
  attemptResult(errorCode: number, extendedData: string): void {
    const id = this.inFlight;
    if (id === undefined) return; // cancelled
    this.inFlight = undefined;
    if (errorCode === 0) {
      this.session = id;
      this.feed('attemptOk', { code: 0, extendedData });
    } else if (RETRYABLE_LOGIN_ERRORS.has(errorCode)) {
      this.failures++;
      this.feed('attemptRetry', { code: errorCode });
    } else this.feed('attemptFail', { code: errorCode, extendedData });
  }

  /** One row of the table: the whole of a transition happens here. A pair with no row is ignored. */
  private step(input: Input, detail: InputDetail): void {
    const from = this.current;
    const row = TRANSITIONS[from][input];
    if (!row) return;
    const code = row.code === 'input' ? (detail.code ?? 0) : (row.code ?? 0);
    transitionProbe.observe?.(this.roomID, from, input, row.next, row.reason, code);
    this.current = row.next;
    this.host.transitioned(this.roomID, from, input, row.next, code);
    if (row.reason !== undefined) this.host.emitState(this.roomID, row.reason, code, detail.extendedData ?? '');
    if (row.next !== from) {
      for (const effect of PHASE_EFFECTS[from].exit) this.run(effect, code, detail);
      for (const effect of PHASE_EFFECTS[row.next].entry) this.run(effect, code, detail);
    }
    for (const effect of row.effects) this.run(effect, code, detail);
  }

  private run(effect: Effect, code: number, detail: InputDetail): void {
    const { clock, driver } = this.host;
    switch (effect) {
      case 'openWindow':
        this.windowStart = clock.now();
        this.failures = 0;
        this.windowTimer = clock.setTimeout(() => {
          this.windowTimer = undefined;
          this.feed('windowEnd');
        }, this.host.windowMs);
        return;
      case 'closeWindow':
        this.clearTimers();
        this.failures = 0;
        return;
      case 'attempt':
        this.attempt(undefined);
        return;
      case 'switchAttempt':
        this.attempt(detail.fromRoomID);
        return;
      case 'scheduleRetry':
        this.scheduleRetry();
        return;
      case 'retryNow':
        if (this.inFlight !== undefined) return;
        if (this.retryTimer !== undefined) {
          clock.clearTimeout(this.retryTimer);
          this.retryTimer = undefined;
        }
        this.attempt(undefined);
        return;
      case 'cancelAttempt':
        if (this.retryTimer !== undefined) {
          clock.clearTimeout(this.retryTimer);
          this.retryTimer = undefined;
        }
        if (this.inFlight !== undefined) {
          this.inFlight = undefined;
          this.guard('cancelLogin', () => driver.cancelLogin(this.roomID));
        }
        return;
      case 'driverLogout':
        this.guard('logout', () => driver.logout(this.roomID));
        return;
      case 'sendToken': {
        const token = detail.token ?? this.loginRequest.token;
        this.loginRequest.token = token;
        this.guard('renewToken', () => driver.renewToken(this.roomID, token));
        return;
      }
      case 'sendPendingToken': {
        const token = this.loginRequest.token;
        if (token !== this.sentToken) this.guard('renewToken', () => driver.renewToken(this.roomID, token));
        return;
      }
      case 'completeLogin':
        this.finishCallback(code, detail.extendedData ?? '');
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
    if (this.current !== 'Logined') return [];
    const changed = userIDs.filter((id) => id !== this.loginRequest.user.userID && this.users.has(id) !== add);
    for (const id of changed) {
      if (add) this.users.add(id);
      else this.users.delete(id);
    }
    return changed;
  }

  /** Drops every timer without telling anyone (engine destroy). */
  dispose(): void {
    this.clearTimers();
    this.current = 'Idle';
    this.queue.length = 0;
    this.loginCallback = undefined;
  }

  /** One attempt: the driver's login, or its switch from `fromRoomID` (the first attempt of a switchRoom). */
  private attempt(fromRoomID: string | undefined): void {
    if (this.inFlight !== undefined) return;
    // PuerTS timers stop while the player is paused: the window is checked against the clock too.
    if (this.windowExpired()) {
      this.feed('windowEnd');
      return;
    }
    const id = this.host.nextAttemptID();
    this.inFlight = id;
    const req: LoginRequest = { ...this.loginRequest, reconnect: this.current === 'Reconnecting', attemptID: id };
    this.sentToken = req.token;
    const ok = this.guard(fromRoomID !== undefined ? 'switchRoom' : 'login', () => {
      if (fromRoomID !== undefined) this.host.driver.switchRoom(fromRoomID, req);
      else this.host.driver.login(req);
    });
    // A driver that throws is treated like a network failure: retried inside the window.
    if (!ok)
      this.host.clock.setTimeout(() => {
        if (this.inFlight === id) this.attemptResult(ZegoErrorCode.RoomErrorConnectFailed, '');
      }, 0);
  }

  private scheduleRetry(): void {
    const { clock, policy, windowMs } = this.host;
    const elapsedMs = clock.now() - this.windowStart;
    const delay = elapsedMs < windowMs ? retryDelayFor(policy, { retryCount: this.failures, elapsedMs }, this.host.log) : null;
    if (delay === null) {
      // The policy gave up early (or the window is over): end now, on a timer turn.
      this.retryTimer = clock.setTimeout(() => {
        this.retryTimer = undefined;
        this.feed('windowEnd');
      }, 0);
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
    if (this.windowTimer !== undefined) {
      clock.clearTimeout(this.windowTimer);
      this.windowTimer = undefined;
    }
    if (this.retryTimer !== undefined) {
      clock.clearTimeout(this.retryTimer);
      this.retryTimer = undefined;
    }
  }

  private guard(what: string, fn: () => void): boolean {
    try {
      fn();
      return true;
    } catch (e) {
      this.host.log.error(`driver.${what} threw`, e, { room: this.roomID });
      return false;
    }
  }
}
