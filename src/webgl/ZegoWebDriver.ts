// Drives the ZEGO Web SDK (zego-express-engine-webrtc) behind the core's RoomDriver contract, so a
// Unity WebGL build (or any web page) gets the native room model. Every Web code goes through
// mapping.ts; this file decides only *when* to report what (docs/WEBGL.md).
//
// The Web SDK reconnects by itself: the engine's reconnect attempt (`login` with `reconnect: true`) is
// held open while the Web SDK works, and answered by its RECONNECTED or RECONNECT_FAILED. That lets a
// final failure on a reconnect (a token error) end as ReconnectFailed 1002033, and lets the engine drive
// re-logins after the Web SDK's 300-s give-up.
import type { ZegoExpressEngine as WebEngine } from 'zego-express-engine-webrtc';
import type { LoginRequest, RoomDriver, RoomDriverContext, RoomDriverEvents, TimerHandle } from '../index.js';
import { readToken04Expiry } from '../index.js';
// The logger module is small and stateless: webgl.mjs carries its own copy (its only import from the core stays the public API).
import { describeError, toLog, type Log, type Logger } from '../host/log.js';
import { answerAttempt, settleReconnect, takePending, type HeldAttempt } from '../driver/heldAttempt.js';
import { mapUpdateType, mapWebCode, versionAtLeast, WEBGL_ROOM_MAPPING as M } from './mapping.js';
import { browserNetworkWatcher, type NetworkWatcher } from './network.js';

/** The part of the Web SDK engine the driver uses (a real `ZegoExpressEngine` has all of it). */
export type WebEngineLike =
  Pick<WebEngine, 'on' | 'off' | 'loginRoom' | 'logoutRoom' | 'renewToken' | 'enableMultiRoom'>
  & Partial<Pick<WebEngine, 'switchRoom' | 'getVersion'>>;

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

type WebPhase = 'idle' | 'logining' | 'logined' | 'reconnecting';

/** What the driver knows about one room. `reconnecting`: the app has been told (by the engine or by this driver). */
interface Room extends HeldAttempt {
  /** What the Web SDK is doing for this room. */
  web: WebPhase;
  /** The Web SDK may still hold a room module for it (after a failure or a kick): log out before logging in. */
  mayHold: boolean;
  /** Stamps Web promises: one settling for an older generation is ignored. */
  gen: number;
  /** An early Reconnecting waiting out the Web SDK's hold. */
  holdTimer?: TimerHandle;
  /** The hold passed in silence; Reconnected as soon as the browser is online. */
  holdPassed: boolean;
  /** A repeated-login rejection was already handled for this attempt. */
  repeatHandled: boolean;
}

type RoomStateChanged = (roomID: string, reason: string, errorCode: number, extendedData: string) => void;

export class ZegoWebDriver implements RoomDriver {
  private ctx: RoomDriverContext | undefined;
  private readonly rooms = new Map<string, Room>();
  private readonly opts: Required<Omit<ZegoWebDriverOptions, 'network' | 'logger'>>;
  private readonly network: NetworkWatcher | null;
  private readonly log: Log;
  private unsubscribe: (() => void) | undefined;
  private online = true;
  private stopped = false;

  constructor(private readonly zg: WebEngineLike, options: ZegoWebDriverOptions = {}) {
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

  start(context: RoomDriverContext): void {
    this.ctx = context;
    // Multi-room must be switched on before the first loginRoom, once per lifetime (reference §1.1).
    if (context.roomMode === 1) {
      try { if (this.zg.enableMultiRoom(true) === false) this.log.warn('the Web SDK refused enableMultiRoom(true) (called after a login?)'); }
      catch (e) { this.log.error(`enableMultiRoom threw: ${describe(e)}`); }
    }
    // roomStateChanged only: roomStateUpdate fires together with it and would count every change twice.
    this.zg.on('roomStateChanged', this.onRoomStateChanged);
    this.zg.on('roomUserUpdate', this.onRoomUserUpdate);
    this.zg.on('roomOnlineUserCountUpdate', this.onRoomOnlineUserCountUpdate);
    this.zg.on('tokenWillExpire', this.onTokenWillExpire);
    if (this.network) {
      this.online = this.network.isOnline();
      this.unsubscribe = this.network.subscribe((online) => this.onNetwork(online));
    }
  }

  login(request: LoginRequest): void {
    const room = this.roomFor(request);
    room.attempt = true;
    if (!request.reconnect) room.session = 0; // a first login: no session of this room's yet
    room.repeatHandled = false;
    room.reconnecting = request.reconnect;
    if (!request.token) { this.answerLater(room, M.noTokenCode, ''); return; }
    if (request.reconnect) {
      const p = takePending(room);
      if (p) { this.answerLater(room, p.code, p.ext); return; }
      if (room.web === 'reconnecting' || room.web === 'logining') return; // the Web SDK is on it: its outcome answers
      if (room.web === 'logined') { this.holdOpen(room); return; }
    }
    this.webLogin(room);
  }

  cancelLogin(roomID: string): void {
    const room = this.rooms.get(roomID);
    if (!room) return;
    room.attempt = false;
    room.pending = undefined;
    this.clearHold(room);
    if (room.web === 'logining' || room.web === 'reconnecting') {
      room.gen++;
      room.web = 'idle';
      this.webLogout(roomID);
    }
  }

  logout(roomID: string): void {
    const room = this.rooms.get(roomID);
    if (!room) return;
    this.forget(room);
    if (room.web !== 'idle' || room.mayHold) this.webLogout(roomID);
  }

  switchRoom(fromRoomID: string, request: LoginRequest): void {
    const from = this.rooms.get(fromRoomID);
    const own = typeof this.zg.switchRoom === 'function' && versionAtLeast(this.version(), M.switchRoomSinceVersion);
    if (!own || !request.token || !from || from.web !== 'logined') {
      // Web SDK < 3.7.0 (or nothing to switch from): leave, then log in, with the same outcome reporting.
      this.logout(fromRoomID);
      this.login(request);
      return;
    }
    this.forget(from);
    const room = this.roomFor(request);
    room.attempt = true;
    room.repeatHandled = false;
    room.reconnecting = false;
    room.session = 0;
    const gen = ++room.gen;
    room.web = 'logining';
    const config = { token: request.token, maxMemberCount: request.maxMemberCount, isUserStatusNotify: request.isUserStatusNotify };
    this.settle(room, gen, () => this.zg.switchRoom!(fromRoomID, request.roomID, config), (code) => {
      // A rejected switch may or may not have left the source room: make sure it is gone.
      this.webLogout(fromRoomID);
      if (code === M.internal.repeatedlyLogin) { this.webLogout(request.roomID); return 'retry'; }
      return 'report';
    });
  }

  renewToken(roomID: string, token: string): void {
    const room = this.rooms.get(roomID);
    if (room) room.req = { ...room.req, token };
    try {
      // The Web SDK's argument order is (token, roomID).
      if (this.zg.renewToken(token, roomID) === false) this.log.warn(`the Web SDK refused renewToken for room "${roomID}"`);
    } catch (e) { this.log.error(`renewToken threw: ${describe(e)}`); }
  }

  stop(): void {
    this.stopped = true;
    for (const room of this.rooms.values()) { room.gen++; this.clearHold(room); }
    this.rooms.clear();
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    try {
      this.zg.off('roomStateChanged', this.onRoomStateChanged);
      this.zg.off('roomUserUpdate', this.onRoomUserUpdate);
      this.zg.off('roomOnlineUserCountUpdate', this.onRoomOnlineUserCountUpdate);
      this.zg.off('tokenWillExpire', this.onTokenWillExpire);
    } catch (e) { this.log.error(`the Web SDK's off threw: ${describe(e)}`); }
  }

  // ---- Web SDK events (already on their own timer turn: the runtime delivers them via setTimeout 0) ----

  private readonly onRoomStateChanged: RoomStateChanged = (roomID, reason, errorCode, extendedData) => {
    const room = this.live(roomID);
    if (!room) return;
    const ext = typeof extendedData === 'string' ? extendedData : '';
    // LOGINING/LOGINED/LOGIN_FAILED: outcomes come from the promises. LOGOUT*: the driver's own calls.
    switch (reason) {
      case 'RECONNECTING':
        if (room.web !== 'logined' && room.web !== 'reconnecting') return;
        room.web = 'reconnecting';
        this.clearHold(room);
        this.tellReconnecting(room, mapWebCode('reconnecting', errorCode));
        return;
      case 'RECONNECTED':
        if (room.web !== 'logined' && room.web !== 'reconnecting') return;
        room.web = 'logined';
        this.clearHold(room);
        if (room.reconnecting) this.reconnectOutcome(room, 0, ext);
        return;
      case 'RECONNECT_FAILED':
        if (room.web !== 'logined' && room.web !== 'reconnecting') return;
        room.web = 'idle';
        room.mayHold = true;
        this.clearHold(room);
        this.reconnectOutcome(room, this.giveUp(mapWebCode('reconnect', errorCode)), ext);
        return;
      case 'KICKOUT': {
        // No session yet: the kick is for a login the app has left (the new one has not got in).
        if (room.web === 'idle' || !room.session) return;
        this.forget(room);
        this.webLogout(roomID); // drop the Web SDK's room module so a later login is not refused
        this.ctx!.events.onKickOut(roomID, room.session, mapWebCode('kickout', errorCode), ext);
        return;
      }
      default:
        return;
    }
  };

  private readonly onRoomUserUpdate = (roomID: string, updateType: string, userList: Array<{ userID: string; userName?: string }>): void => {
    const room = this.live(roomID);
    if (!room) return;
    const users = (Array.isArray(userList) ? userList : []).map((u) => ({ userID: String(u.userID), userName: u.userName ?? '' }));
    this.ctx!.events.onRoomUserUpdate(roomID, room.session, mapUpdateType(updateType), users);
  };

  private readonly onRoomOnlineUserCountUpdate = (roomID: string, count: number): void => {
    const room = this.live(roomID);
    if (!room) return;
    this.ctx!.events.onRoomOnlineUserCountUpdate(roomID, room.session, count);
  };

  /** Web gives only the roomID; native gives the seconds left, read from the token's expiry. */
  private readonly onTokenWillExpire = (roomID: string): void => {
    const room = this.live(roomID);
    if (!room) return;
    const expireSec = readToken04Expiry(room.req.token);
    const remain = expireSec === null ? 30 : Math.max(0, Math.round(expireSec - this.ctx!.clock.now() / 1000));
    this.ctx!.events.onRoomTokenWillExpire(roomID, room.session, remain);
  };

  private onNetwork(online: boolean): void {
    if (this.stopped) return;
    this.online = online;
    for (const room of [...this.rooms.values()]) {
      if (!online) {
        // (a) The page knows now; the Web SDK would say so 8 s later, or never if it recovers in time.
        if (this.opts.earlyReconnecting && room.web === 'logined' && !room.reconnecting) {
          this.tellReconnecting(room, M.reconnectingCode);
          this.holdOpen(room);
        }
        continue;
      }
      if (room.holdPassed && room.web === 'logined') { this.reconnectOutcome(room, 0, ''); continue; }
      // (c) A login of this driver's own waiting out the Web SDK's backoff: start it again now.
      if (this.opts.retryOnOnline && room.attempt && room.web === 'logining') {
        room.gen++;
        this.webLogout(room.req.roomID);
        room.web = 'idle';
        this.webLogin(room);
      }
    }
  }

  // ---- internals ----------------------------------------------------------------------------

  private roomFor(request: LoginRequest): Room {
    let room = this.rooms.get(request.roomID);
    if (!room) {
      room = { req: request, web: 'idle', mayHold: false, attempt: false, reconnecting: false, session: 0, gen: 0, holdPassed: false, repeatHandled: false };
      this.rooms.set(request.roomID, room);
    }
    room.req = request;
    return room;
  }

  private live(roomID: string): Room | undefined {
    return this.stopped || !this.ctx ? undefined : this.rooms.get(roomID);
  }

  private webLogin(room: Room): void {
    const { roomID, token, user, maxMemberCount, isUserStatusNotify } = room.req;
    if (room.mayHold) { room.mayHold = false; this.webLogout(roomID); }
    const gen = ++room.gen;
    room.web = 'logining';
    this.settle(room, gen, () => this.zg.loginRoom(roomID, token, { userID: user.userID, userName: user.userName }, { userUpdate: isUserStatusNotify, maxMemberCount }),
      (code) => {
        if (code !== M.internal.repeatedlyLogin) return 'report';
        this.webLogout(roomID); // the Web SDK still holds the room: leave it and try again
        return 'retry';
      });
  }

  /** Runs one Web login/switch promise and turns its outcome into at most one onLoginResult. */
  private settle(room: Room, gen: number, call: () => Promise<boolean>, onReject: (webCode: number) => 'report' | 'retry'): void {
    const current = () => room.gen === gen && this.rooms.get(room.req.roomID) === room && !this.stopped;
    const fail = (err: unknown) => {
      if (!current()) return;
      room.web = 'idle';
      room.mayHold = true;
      const webCode = codeOf(err);
      if (onReject(webCode) === 'retry' && !room.repeatHandled) {
        room.repeatHandled = true;
        room.mayHold = false;
        this.webLogin(room);
        return;
      }
      this.answer(room, this.giveUp(mapWebCode('login', webCode === M.internal.repeatedlyLogin ? 1002030 : webCode)), '');
    };
    let promise: Promise<boolean>;
    try { promise = call(); }
    catch (e) { this.ctx!.clock.setTimeout(() => fail(e), 0); return; }
    Promise.resolve(promise).then((ok) => {
      if (!current()) return;
      if (ok === false) { room.web = 'idle'; room.mayHold = true; this.answer(room, M.loginResolvedFalseCode, ''); return; }
      room.web = 'logined';
      this.answer(room, 0, '');
    }, fail);
  }

  /** The Web SDK's 300-s give-up: retryable inside the window (b), or final with Web timing. */
  private giveUp(nativeCode: number): number {
    return nativeCode === 1002031 && !this.opts.extendToRetryWindow ? M.giveUpFinalCode : nativeCode;
  }

  /** Tell the engine the link is down, once per outage. */
  private tellReconnecting(room: Room, code: number): void {
    if (room.reconnecting) return;
    room.reconnecting = true;
    this.ctx!.events.onLinkLost(room.req.roomID, room.session, code);
  }

  /** A reconnect ended (0 = back). A failure while the app still thinks it is in the room gets a Reconnecting first. */
  private reconnectOutcome(room: Room, code: number, ext: string): void {
    room.holdPassed = false;
    if (!room.attempt && code !== 0) this.tellReconnecting(room, M.reconnectingCode);
    settleReconnect(this.ctx!.events, room, code, ext);
  }

  private answer(room: Room, code: number, ext: string): void {
    answerAttempt(this.ctx!.events, room, code, ext);
  }

  /** An outcome decided now for the attempt just made, answered on a timer turn (for that attempt only). */
  private answerLater(room: Room, code: number, ext: string): void {
    const gen = room.gen;
    const id = room.req.attemptID;
    this.ctx!.clock.setTimeout(() => {
      if (room.gen === gen && this.rooms.get(room.req.roomID) === room && !this.stopped) answerAttempt(this.ctx!.events, room, code, ext, id);
    }, 0);
  }

  /**
   * The app is told Reconnecting while the Web SDK still says the room is up. If the SDK stays silent
   * through its whole 8-s hold (+ grace) it never lost the room: Reconnected once the browser is online.
   */
  private holdOpen(room: Room): void {
    if (room.holdTimer !== undefined || room.holdPassed) {
      if (room.holdPassed && this.online) this.reconnectOutcomeLater(room);
      return;
    }
    const clock = this.ctx!.clock;
    room.holdTimer = clock.setTimeout(() => {
      room.holdTimer = undefined;
      if (room.web !== 'logined' || this.rooms.get(room.req.roomID) !== room || this.stopped) return;
      room.holdPassed = true;
      if (this.online) this.reconnectOutcome(room, 0, '');
    }, M.reconnectingHoldMs + this.opts.holdGraceMs);
  }

  private reconnectOutcomeLater(room: Room): void {
    const gen = room.gen;
    this.ctx!.clock.setTimeout(() => { if (room.gen === gen && room.web === 'logined') this.reconnectOutcome(room, 0, ''); }, 0);
  }

  private clearHold(room: Room): void {
    room.holdPassed = false;
    if (room.holdTimer !== undefined) { this.ctx?.clock.clearTimeout(room.holdTimer); room.holdTimer = undefined; }
  }

  private forget(room: Room): void {
    room.gen++;
    room.attempt = false;
    this.clearHold(room);
    if (this.rooms.get(room.req.roomID) === room) this.rooms.delete(room.req.roomID);
  }

  /** logoutRoom throws 1002002 for a room the Web SDK does not hold: expected here, never surfaced. */
  private webLogout(roomID: string): void {
    try { this.zg.logoutRoom(roomID); }
    catch (e) {
      if (codeOf(e) !== M.internal.roomIdIncorrect) this.log.warn(`the Web SDK's logoutRoom threw: ${describe(e)}`);
    }
  }

  private version(): string {
    try { return typeof this.zg.getVersion === 'function' ? String(this.zg.getVersion()) : ''; }
    catch { return ''; }
  }
}

function codeOf(e: unknown): number {
  const code = e && typeof e === 'object' ? (e as { code?: unknown }).code : undefined;
  return typeof code === 'number' ? code : M.loginResolvedFalseCode;
}

function describe(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e) return `${String((e as { code: unknown }).code)} ${String((e as { msg?: unknown }).msg ?? '')}`;
  return describeError(e);
}

