// Drives the ZEGO Web SDK (zego-express-engine-webrtc) behind the core's RoomDriver contract, so a
// Unity WebGL build (or any web page) gets the native room model. Every Web code goes through
// mapping.ts; this file decides only *when* to report what (docs/WEBGL.md).
//
// The Web SDK reconnects by itself: the engine's reconnect attempt (`login` with `reconnect: true`) is
// held open while the Web SDK works, and answered by its RECONNECTED or RECONNECT_FAILED. That lets a
// final failure on a reconnect (a token error) end as ReconnectFailed 1002033, and lets the engine drive
// re-logins after the Web SDK's 300-s give-up.
import type { ZegoExpressEngine as WebEngine } from 'zego-express-engine-webrtc';
import type { Logger, LoginRequest, RoomDriverContext, TimerHandle } from '../index.js';
import { describeError, readToken04Expiry, toLog, type Log } from '../index.js';
import { SdkDriver, SdkRoomStatus, type Reaction, type SdkRoom } from '../driver/sdkDriver.js';
import { mapUpdateType, mapWebCode, versionAtLeast, WEBGL_ROOM_MAPPING, type WebCodeContext } from './mapping.js';
import { browserNetworkWatcher, type NetworkWatcher } from './network.js';

/** The part of the Web SDK engine the driver uses (a real `ZegoExpressEngine` has all of it). */
export type WebEngineLike = Pick<WebEngine, 'on' | 'off' | 'loginRoom' | 'logoutRoom' | 'renewToken' | 'enableMultiRoom'> &
  Partial<Pick<WebEngine, 'switchRoom' | 'getVersion'>>;

export interface ZegoWebDriverOptions {
  /**
   * (a) Report Reconnecting on the browser's `offline` event instead of waiting for the Web SDK's
   * RECONNECTING, which it holds back 8 s. Default true (native reports the loss when it sees it).
   */
  earlyReconnecting?: boolean;
  /**
   * (b) When the Web SDK gives up a login or reconnect (1002031 at 300 s), keep the app in
   * Logining/Reconnecting and log in again until the native 20-minute window ends. Default true.
   * false = Web timing: LoginFailed/ReconnectFailed 1002053 when the Web SDK gives up.
   */
  extendToRetryWindow?: boolean;
  /** (c) On the browser's `online` event restart a login the driver has in flight at once. Default true. */
  retryOnOnline?: boolean;
  /** How long past the Web SDK's 8-s hold a silent SDK counts as "never lost the room". Default 1000 ms. */
  holdGraceMs?: number;
  /** The browser's online/offline signal; default: `window` events. `null` = none. */
  network?: NetworkWatcher | null;
  logger?: Logger;
}

/** The Web SDK's events and outcomes the table reacts to: its `roomStateChanged` reasons, and a login or switch promise settling. */
type WebEvent = 'RECONNECTING' | 'RECONNECTED' | 'RECONNECT_FAILED' | 'KICKOUT' | 'settled';

/** How a login/switch promise settled (`repeated`: the first REPEATEDLY_LOGIN rejection of this attempt). */
type WebCodeClass = 'ok' | 'resolvedFalse' | 'repeated' | 'repeatedAgain' | 'failed';

/**
 * `clearHold`: stop waiting out the Web SDK's hold; `mayHold`: the Web SDK may still hold a room module;
 * `forget`: no events for the room afterwards; `leave` / `leaveSource`: logoutRoom of the room / of the
 * room a switch left; `retry`: log in again (once per attempt).
 */
type WebAction = 'clearHold' | 'mayHold' | 'forget' | 'leave' | 'leaveSource' | 'retry';

const { Idle, LoggingIn, LoggedIn, Reconnecting } = SdkRoomStatus;
const UP = [LoggedIn, Reconnecting];

/**
 * The Web driver's reactions (docs/WEBGL.md). LOGINING/LOGINED/LOGIN_FAILED have no row: outcomes come
 * from the promises; LOGOUT/LOGOUT_FAILED neither: they answer the driver's own calls. roomStateUpdate is
 * not subscribed: it fires together with roomStateChanged and would count every change twice.
 */
// prettier-ignore -- a table: one row a line, columns aligned.
export const WEB_REACTIONS: readonly Reaction<WebEvent, WebAction, WebCodeClass, WebCodeContext>[] = [
  { on: 'RECONNECTING', in: UP, next: Reconnecting, act: ['clearHold'], raise: 'linkLost', map: 'reconnecting' },
  { on: 'RECONNECTED', in: UP, next: LoggedIn, act: ['clearHold'], raise: 'reconnected' },
  { on: 'RECONNECT_FAILED', in: UP, next: Idle, act: ['mayHold', 'clearHold'], raise: 'reconnectFailed', map: 'reconnect' },
  // Drop the Web SDK's room module too, so a later login is not refused.
  {
    on: 'KICKOUT',
    in: [LoggingIn, LoggedIn, Reconnecting],
    session: true,
    act: ['forget', 'leave'],
    raise: 'kickOut',
    map: 'kickout',
  },
  { on: 'settled', in: [LoggingIn], code: 'ok', next: LoggedIn, raise: 'answer' },
  { on: 'settled', in: [LoggingIn], code: 'resolvedFalse', next: Idle, act: ['mayHold'], raise: 'answer' },
  // The Web SDK still holds the room: leave it and try again, once.
  { on: 'settled', in: [LoggingIn], code: 'repeated', next: Idle, act: ['leaveSource', 'leave', 'retry'] },
  {
    on: 'settled',
    in: [LoggingIn],
    code: 'repeatedAgain',
    next: Idle,
    act: ['mayHold', 'leaveSource', 'leave'],
    raise: 'answer',
    map: 'login',
  },
  // A rejected switch may or may not have left the source room: make sure it is gone.
  { on: 'settled', in: [LoggingIn], code: 'failed', next: Idle, act: ['mayHold', 'leaveSource'], raise: 'answer', map: 'login' },
];

/** What the driver knows about one room, beyond the skeleton's record. */
interface WebRoom extends SdkRoom {
  /** The Web SDK may still hold a room module for it (after a failure or a kick): log out before logging in. */
  mayHold: boolean;
  /** An early Reconnecting waiting out the Web SDK's hold. */
  holdTimer?: TimerHandle;
  /** The hold passed in silence; Reconnected as soon as the browser is online. */
  holdPassed: boolean;
  /** A repeated-login rejection was already handled for this attempt. */
  repeatHandled: boolean;
  /** The room a switch in flight leaves (its rejection logs out of it too). */
  switchSource?: string;
}

type RoomStateChanged = (roomID: string, reason: string, errorCode: number, extendedData: string) => void;

export class ZegoWebDriver extends SdkDriver<WebRoom, WebEvent, WebAction, WebCodeClass, WebCodeContext> {
  private readonly opts: Required<Omit<ZegoWebDriverOptions, 'network' | 'logger'>>;
  private readonly network: NetworkWatcher | null;
  private readonly log: Log;
  private unsubscribe: (() => void) | undefined;
  private online = true;

  constructor(
    private readonly zg: WebEngineLike,
    options: ZegoWebDriverOptions = {},
  ) {
    super(WEB_REACTIONS, WEBGL_ROOM_MAPPING.reconnectingCode);
    if (!zg || typeof zg.loginRoom !== 'function' || typeof zg.on !== 'function') {
      throw new TypeError('ZegoWebDriver: pass a Web SDK ZegoExpressEngine (new ZegoExpressEngine(appID, server))');
    }
    this.opts = {
      earlyReconnecting: options.earlyReconnecting ?? true,
      extendToRetryWindow: options.extendToRetryWindow ?? true,
      retryOnOnline: options.retryOnOnline ?? true,
      holdGraceMs: options.holdGraceMs ?? 1000,
    };
    this.network = options.network === undefined ? browserNetworkWatcher() : options.network;
    this.log = toLog(options.logger);
  }

  // ---- the Web SDK's calls ------------------------------------------------------------------

  protected open(context: RoomDriverContext): void {
    // Multi-room must be switched on before the first loginRoom, once per lifetime (ZEGO Web docs, enableMultiRoom).
    if (context.roomMode === 1) {
      try {
        if (this.zg.enableMultiRoom(true) === false)
          this.log.warn('the Web SDK refused enableMultiRoom(true) (called after a login?)');
      } catch (e) {
        this.log.error(`enableMultiRoom threw: ${describe(e)}`);
      }
    }
    this.zg.on('roomStateChanged', this.onRoomStateChanged);
    this.zg.on('roomUserUpdate', this.onRoomUserUpdate);
    this.zg.on('roomOnlineUserCountUpdate', this.onRoomOnlineUserCountUpdate);
    this.zg.on('tokenWillExpire', this.onTokenWillExpire);
    if (this.network) {
      this.online = this.network.isOnline();
      this.unsubscribe = this.network.subscribe((online) => this.onNetwork(online));
    }
  }

  protected close(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    try {
      this.zg.off('roomStateChanged', this.onRoomStateChanged);
      this.zg.off('roomUserUpdate', this.onRoomUserUpdate);
      this.zg.off('roomOnlineUserCountUpdate', this.onRoomOnlineUserCountUpdate);
      this.zg.off('tokenWillExpire', this.onTokenWillExpire);
    } catch (e) {
      this.log.error(`the Web SDK's off threw: ${describe(e)}`);
    }
  }

  protected newRoom(request: LoginRequest): WebRoom {
    return {
      request,
      status: Idle,
      awaitingAnswer: false,
      linkLostTold: false,
      session: 0,
      generation: 0,
      mayHold: false,
      holdPassed: false,
      repeatHandled: false,
    };
  }

  protected override beginAttempt(room: WebRoom): void {
    room.repeatHandled = false;
    room.linkLostTold = room.request.reconnect;
  }

  /** The Web SDK has no AppSign path: a login without a token cannot succeed. */
  protected override refusal(request: LoginRequest): number | undefined {
    return request.token ? undefined : WEBGL_ROOM_MAPPING.noTokenCode;
  }

  protected sdkLogin(room: WebRoom): void {
    const { roomID, token, user, maxMemberCount, isUserStatusNotify } = room.request;
    if (room.mayHold) {
      room.mayHold = false;
      this.sdkLogout(roomID);
    }
    room.switchSource = undefined;
    const generation = ++room.generation;
    room.status = LoggingIn;
    this.settle(room, generation, () =>
      this.zg.loginRoom(
        roomID,
        token,
        { userID: user.userID, userName: user.userName },
        { userUpdate: isUserStatusNotify, maxMemberCount },
      ),
    );
  }

  /** logoutRoom throws 1002002 for a room the Web SDK does not hold: expected here, never surfaced. */
  protected sdkLogout(roomID: string): void {
    try {
      this.zg.logoutRoom(roomID);
    } catch (e) {
      if (codeOf(e) !== WEBGL_ROOM_MAPPING.internal.roomIdIncorrect)
        this.log.warn(`the Web SDK's logoutRoom threw: ${describe(e)}`);
    }
  }

  /** Web SDK < 3.7.0 has no switchRoom; without a token the login path answers RoomNoToken. */
  protected canSwitch(request: LoginRequest): boolean {
    return (
      typeof this.zg.switchRoom === 'function' &&
      versionAtLeast(this.version(), WEBGL_ROOM_MAPPING.switchRoomSinceVersion) &&
      !!request.token
    );
  }

  protected sdkSwitch(fromRoomID: string, room: WebRoom): void {
    const request = room.request;
    room.repeatHandled = false;
    room.switchSource = fromRoomID;
    const generation = ++room.generation;
    room.status = LoggingIn;
    const config = {
      token: request.token,
      maxMemberCount: request.maxMemberCount,
      isUserStatusNotify: request.isUserStatusNotify,
    };
    this.settle(room, generation, () => this.zg.switchRoom!(fromRoomID, request.roomID, config));
  }

  protected sdkRenewToken(roomID: string, token: string): void {
    try {
      // The Web SDK's argument order is (token, roomID).
      if (this.zg.renewToken(token, roomID) === false) this.log.warn(`the Web SDK refused renewToken for room "${roomID}"`);
    } catch (e) {
      this.log.error(`renewToken threw: ${describe(e)}`);
    }
  }

  protected override sdkHolds(room: WebRoom): boolean {
    return room.status !== Idle || room.mayHold;
  }

  protected override release(room: WebRoom): void {
    room.holdPassed = false;
    if (room.holdTimer !== undefined) {
      this.context?.clock.clearTimeout(room.holdTimer);
      room.holdTimer = undefined;
    }
  }

  protected perform(action: WebAction, room: WebRoom): void {
    switch (action) {
      case 'clearHold':
        this.release(room);
        return;
      case 'mayHold':
        room.mayHold = true;
        return;
      case 'forget':
        this.forget(room);
        return;
      case 'leave':
        this.sdkLogout(room.request.roomID);
        return;
      case 'leaveSource':
        if (room.switchSource !== undefined) this.sdkLogout(room.switchSource);
        return;
      case 'retry':
        room.repeatHandled = true;
        room.mayHold = false;
        this.sdkLogin(room);
        return;
    }
  }

  /** Web codes mean different things in different places (mapping.ts); the 300-s give-up per option (b). */
  protected override mapCode(context: WebCodeContext | undefined, webCode: number): number {
    if (context === undefined) return webCode;
    const code = mapWebCode(context, webCode);
    return context === 'login' || context === 'reconnect' ? this.giveUp(code) : code;
  }

  /**
   * The app is told Reconnecting while the Web SDK still says the room is up. If the SDK stays silent
   * through its whole 8-s hold (+ grace) it never lost the room: Reconnected once the browser is online.
   */
  protected stillInRoom(room: WebRoom): void {
    if (room.holdTimer !== undefined || room.holdPassed) {
      if (room.holdPassed && this.online) this.backLater(room);
      return;
    }
    room.holdTimer = this.context!.clock.setTimeout(() => {
      room.holdTimer = undefined;
      if (room.status !== LoggedIn || !this.current(room, room.generation)) return;
      room.holdPassed = true;
      if (this.online) this.back(room);
    }, WEBGL_ROOM_MAPPING.reconnectingHoldMs + this.opts.holdGraceMs);
  }

  // ---- Web SDK events (already on their own timer turn: the runtime delivers them via setTimeout 0) ----

  private readonly onRoomStateChanged: RoomStateChanged = (roomID, reason, errorCode, extendedData) => {
    const room = this.live(roomID);
    if (!room) return;
    this.react(room, reason as WebEvent, undefined, errorCode, typeof extendedData === 'string' ? extendedData : '');
  };

  private readonly onRoomUserUpdate = (
    roomID: string,
    updateType: string,
    userList: Array<{ userID: string; userName?: string }>,
  ): void => {
    const room = this.live(roomID);
    if (!room) return;
    const users = (Array.isArray(userList) ? userList : []).map((u) => ({
      userID: String(u.userID),
      userName: u.userName ?? '',
    }));
    this.events.onRoomUserUpdate(roomID, room.session, mapUpdateType(updateType), users);
  };

  private readonly onRoomOnlineUserCountUpdate = (roomID: string, count: number): void => {
    const room = this.live(roomID);
    if (!room) return;
    this.events.onRoomOnlineUserCountUpdate(roomID, room.session, count);
  };

  /** Web gives only the roomID; native gives the seconds left, read from the token's expiry. */
  private readonly onTokenWillExpire = (roomID: string): void => {
    const room = this.live(roomID);
    if (!room) return;
    const expireSec = readToken04Expiry(room.request.token);
    const remain = expireSec === null ? 30 : Math.max(0, Math.round(expireSec - this.context!.clock.now() / 1000));
    this.events.onRoomTokenWillExpire(roomID, room.session, remain);
  };

  private onNetwork(online: boolean): void {
    if (this.stopped) return;
    this.online = online;
    for (const room of [...this.rooms.values()]) {
      if (!online) {
        // (a) The page knows now; the Web SDK would say so 8 s later, or never if it recovers in time.
        if (this.opts.earlyReconnecting && room.status === LoggedIn && !room.linkLostTold) {
          this.tellLinkLost(room, WEBGL_ROOM_MAPPING.reconnectingCode);
          this.stillInRoom(room);
        }
        continue;
      }
      if (room.holdPassed && room.status === LoggedIn) {
        this.back(room);
        continue;
      }
      // (c) A login of this driver's own waiting out the Web SDK's backoff: start it again now.
      if (this.opts.retryOnOnline && room.awaitingAnswer && room.status === LoggingIn) {
        room.generation++;
        this.sdkLogout(room.request.roomID);
        room.status = Idle;
        this.sdkLogin(room);
      }
    }
  }

  // ---- internals ----------------------------------------------------------------------------

  /** The room a Web SDK event is for, unless the driver stopped or the engine left it. */
  private live(roomID: string): WebRoom | undefined {
    return this.stopped || !this.context ? undefined : this.rooms.get(roomID);
  }

  /** Runs one Web login/switch promise and turns its outcome into a `settled` reaction (at most one answer). */
  private settle(room: WebRoom, generation: number, call: () => Promise<boolean>): void {
    const fail = (err: unknown) => {
      if (!this.current(room, generation)) return;
      const webCode = codeOf(err);
      if (webCode !== WEBGL_ROOM_MAPPING.internal.repeatedlyLogin) {
        this.react(room, 'settled', 'failed', webCode, '');
        return;
      }
      this.react(room, 'settled', room.repeatHandled ? 'repeatedAgain' : 'repeated', 1002030, '');
    };
    let promise: Promise<boolean>;
    try {
      promise = call();
    } catch (e) {
      this.context!.clock.setTimeout(() => fail(e), 0);
      return;
    }
    Promise.resolve(promise).then((ok) => {
      if (!this.current(room, generation)) return;
      if (ok === false) this.react(room, 'settled', 'resolvedFalse', WEBGL_ROOM_MAPPING.loginResolvedFalseCode, '');
      else this.react(room, 'settled', 'ok', 0, '');
    }, fail);
  }

  /** The Web SDK's 300-s give-up: retryable inside the window (b), or final with Web timing. */
  private giveUp(nativeCode: number): number {
    return nativeCode === 1002031 && !this.opts.extendToRetryWindow ? WEBGL_ROOM_MAPPING.giveUpFinalCode : nativeCode;
  }

  /** The hold passed in silence: the room was never lost. */
  private back(room: WebRoom): void {
    room.holdPassed = false;
    this.reconnectEnded(room, 0, '');
  }

  private backLater(room: WebRoom): void {
    const generation = room.generation;
    this.context!.clock.setTimeout(() => {
      if (room.generation === generation && room.status === LoggedIn) this.back(room);
    }, 0);
  }

  private version(): string {
    try {
      return typeof this.zg.getVersion === 'function' ? String(this.zg.getVersion()) : '';
    } catch {
      return '';
    }
  }
}

function codeOf(e: unknown): number {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : WEBGL_ROOM_MAPPING.loginResolvedFalseCode;
}

function describe(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e)
    return `${String((e as { code: unknown }).code)} ${String((e as { msg?: unknown }).msg ?? '')}`;
  return describeError(e);
}
