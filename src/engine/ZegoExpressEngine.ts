// The app-facing API, named and shaped like ZEGO Express (RN/Web). It validates, keeps one
// RoomSession per room, relays driver events, and delivers every callback on a host timer turn.
import { hostClock, MAX_HOST_TIMER_MS, type Clock } from '../host/clock.js';
import { toLog, type Log, type Logger } from '../host/log.js';
import { ROOM_STATE_OF_REASON, ZegoRoomMode, ZegoRoomState, ZegoRoomStateChangedReason, ZegoUpdateType } from '../model/enums.js';
import { ZegoErrorCode } from '../model/errorCodes.js';
import type {
  IZegoEventHandler,
  ZegoRoomConfig,
  ZegoRoomLoginCallback,
  ZegoRoomLogoutCallback,
  ZegoUser,
} from '../model/types.js';
import { checkConfig, checkRoomID, checkUser, roomIDForEvents } from '../model/validation.js';
import type { LoginRequest, RoomDriver, RoomDriverEvents } from '../driver/RoomDriver.js';
import { DefaultReconnectPolicy, RETRY_WINDOW_MS, type ReconnectPolicy } from '../session/reconnectPolicy.js';
import { RoomSession, type SessionHost } from '../session/RoomSession.js';
import { Dispatcher } from './dispatcher.js';
import { Tracer, type TraceFunction } from './trace.js';

export interface ZegoEngineOptions {
  appID: number;
  driver: RoomDriver;
  /** Defaults to the host's timers and Date.now(). */
  clock?: Clock;
  roomMode?: ZegoRoomMode;
  reconnectPolicy?: ReconnectPolicy;
  /** Drives the default policy's jitter; pass a seeded one for deterministic runs. */
  random?: () => number;
  logger?: Logger;
  /** Names this engine in log lines and trace records. Default: `engine-1`, `engine-2`… in creation order. */
  id?: string;
  /** Receives a plain JSON-able record of every call, driver report, state transition and app event (docs/TRACE.md). */
  trace?: TraceFunction;
  /**
   * How long a room keeps reconnecting before it gives up (ReconnectFailed 1002053). Default ZEGO's
   * 20 minutes (RETRY_WINDOW_MS); shorten it for tests and dev sessions against the local room server.
   */
  retryWindowMs?: number;
}

let enginesCreated = 0;

function retryWindow(ms = RETRY_WINDOW_MS): number {
  // A window the host timers cannot hold (or not a number) is refused, never clamped.
  if (!(ms >= 1 && ms <= MAX_HOST_TIMER_MS)) throw new TypeError('retryWindowMs: 1 to 2^31-1 ms');
  return ms;
}

export class ZegoExpressEngine {
  /** A new engine each call: several in one process are normal (one per simulated user, say). */
  static createEngine(options: ZegoEngineOptions): ZegoExpressEngine {
    return new ZegoExpressEngine(options);
  }

  readonly roomMode: ZegoRoomMode;
  private readonly clock: Clock;
  private readonly driver: RoomDriver;
  private readonly log: Log;
  private readonly tracer: Tracer;
  private readonly dispatcher: Dispatcher;
  private readonly sessionHost: SessionHost;
  private readonly rooms = new Map<string, RoomSession>();
  private readonly legacyState = new Map<string, ZegoRoomState>();
  private handler: IZegoEventHandler | null = null;
  private destroyed = false;
  private attempts = 0;

  private constructor(options: ZegoEngineOptions) {
    if (!options || typeof options !== 'object') throw new TypeError('createEngine: options are required');
    if (!options.driver) throw new TypeError('createEngine: options.driver is required');
    this.roomMode = options.roomMode ?? ZegoRoomMode.SingleRoom;
    this.clock = options.clock ?? hostClock();
    this.driver = options.driver;
    const id = typeof options.id === 'string' && options.id ? options.id : `engine-${++enginesCreated}`;
    this.log = toLog(options.logger, { engine: id });
    const trace = typeof options.trace === 'function' ? options.trace : undefined;
    this.tracer = new Tracer(id, () => this.clock.now(), this.log, trace);
    this.dispatcher = new Dispatcher(this.clock, this.log);
    this.sessionHost = {
      clock: this.clock,
      driver: this.driver,
      policy: options.reconnectPolicy ?? new DefaultReconnectPolicy(options.random ?? Math.random),
      windowMs: retryWindow(options.retryWindowMs),
      log: this.log,
      nextAttemptID: () => ++this.attempts,
      emitState: (roomID, reason, code, ext) => this.emitState(roomID, reason, code, ext),
      deliverLoginResult: (cb, code, ext, roomID) => this.postResult('loginRoom', cb, code, ext, roomID),
      transitioned: (roomID, from, input, to, code) => this.transitioned(roomID, from, input, to, code),
      sessionEnded: (s) => {
        if (this.rooms.get(s.roomID) === s) this.rooms.delete(s.roomID);
      },
    };
    this.tracer.call('createEngine', undefined, [{ appID: options.appID, roomMode: this.roomMode }]);
    this.driver.start({
      appID: options.appID,
      roomMode: this.roomMode,
      clock: this.clock,
      events: this.traced(this.driverEvents()),
    });
  }

  setEventHandler(handler: IZegoEventHandler | null | undefined): void {
    this.handler = handler ?? null;
  }

  loginRoom(roomID: string, user: ZegoUser, config?: ZegoRoomConfig, callback?: ZegoRoomLoginCallback): void {
    const fn = 'loginRoom';
    this.log.secrets.add(config?.token);
    this.tracer.call(fn, roomID, [roomID, user, config]);
    if (this.rejectAfterDestroy(fn, callback)) return;
    const code = checkRoomID(roomID) || checkUser(user) || checkConfig(config);
    if (code !== 0) {
      this.badInputFor(roomID, code);
      this.reject(fn, code, describe(code, roomID), callback, roomID);
      return;
    }
    // Room-mode limits are about the engine, not this room: the caller hears, no state event.
    const modeCode = this.modeCheck(roomID, user);
    if (modeCode !== 0) {
      this.reject(fn, modeCode, describe(modeCode, roomID), callback, roomID);
      return;
    }
    const request = makeRequest(roomID, user, config);
    this.startSession(request, callback);
  }

  switchRoom(fromRoomID: string, toRoomID: string, config?: ZegoRoomConfig): void {
    const fn = 'switchRoom';
    this.log.secrets.add(config?.token);
    this.tracer.call(fn, toRoomID, [fromRoomID, toRoomID, config]);
    if (this.rejectAfterDestroy(fn)) return;
    // ZEGO (Unity 2.19): "When … ZEGO_ROOM_MODE_MULTI_ROOM, this function is not available": checked first, nothing changes.
    if (this.roomMode === ZegoRoomMode.MultiRoom) {
      this.debugError(
        ZegoErrorCode.RoomMultiRoomSwtichRoomInvalid,
        fn,
        'switchRoom is not available in multi-room mode: logoutRoom, then loginRoom',
      );
      return;
    }
    const fromType = typeCheck(fromRoomID);
    if (fromType !== 0) {
      this.debugError(fromType, fn, describe(fromType, fromRoomID));
      return;
    }
    const from = this.rooms.get(fromRoomID);
    const toCode = checkRoomID(toRoomID) || checkConfig(config);
    if (toCode !== 0) {
      this.badInputFor(toRoomID, toCode);
      this.debugError(toCode, fn, describe(toCode, toRoomID));
      return;
    }
    if (!from) {
      this.debugError(ZegoErrorCode.RoomRoomidIncorrect, fn, `not logged in to room "${roomIDForEvents(fromRoomID)}"`);
      return;
    }
    if (fromRoomID === toRoomID || this.rooms.has(toRoomID)) {
      this.debugError(ZegoErrorCode.RoomRoomIdHasBeenUsed, fn, `room "${toRoomID}" is already logged in`);
      return;
    }
    const token = config?.token ?? from.request.token; // ZEGO: the target reuses the current token when none is given
    const request = makeRequest(toRoomID, from.request.user, { ...config, token });
    from.feed('switchAway');
    this.startSession(request, undefined, fromRoomID);
  }

  logoutRoom(roomID?: string | ZegoRoomLogoutCallback, callback?: ZegoRoomLogoutCallback): void {
    const fn = 'logoutRoom';
    if (typeof roomID === 'function') {
      callback = roomID;
      roomID = undefined;
    }
    this.tracer.call(fn, roomID, roomID === undefined ? [] : [roomID]);
    if (this.rejectAfterDestroy(fn, callback)) return;
    const typeCode = typeCheck(roomID);
    if (roomID !== undefined && roomID !== null && typeCode !== 0) {
      // Never converted: String(['home']) would name a logged-in room.
      this.debugError(typeCode, fn, describe(typeCode, roomID));
      this.postResult(fn, callback, typeCode, '', roomID);
      return;
    }
    if (roomID === undefined || roomID === null) {
      // ZEGO: logs out of every room; "if not logged in, will also return success".
      for (const s of [...this.rooms.values()]) s.feed('logout');
      this.postResult(fn, callback, 0, '', roomID);
      return;
    }
    const session = this.rooms.get(roomID);
    if (session) {
      session.feed('logout');
      this.postResult(fn, callback, 0, '', roomID);
      return;
    }
    // ZEGO: LogoutFailed 1002002 for a room not logged in (multi-room), and in single-room mode "if the
    // incoming roomID is different from the logged-in room name, SDK will return failure". Nowhere: success.
    if (this.roomMode === ZegoRoomMode.MultiRoom || this.rooms.size > 0) {
      this.emitState(roomIDForEvents(roomID), ZegoRoomStateChangedReason.LogoutFailed, ZegoErrorCode.RoomRoomidIncorrect, '');
      this.postResult(fn, callback, ZegoErrorCode.RoomRoomidIncorrect, '', roomID);
      return;
    }
    this.postResult(fn, callback, 0, '', roomID);
  }

  renewToken(roomID: string, token: string): void {
    const fn = 'renewToken';
    this.log.secrets.add(token);
    this.tracer.call(fn, roomID, [roomID, token === undefined ? null : '(token)']);
    if (this.rejectAfterDestroy(fn)) return;
    const typeCode = typeCheck(roomID);
    if (typeCode !== 0) {
      this.debugError(typeCode, fn, describe(typeCode, roomID));
      return;
    }
    const session = this.rooms.get(roomID);
    if (!session) {
      this.debugError(ZegoErrorCode.RoomRoomidIncorrect, fn, `not logged in to room "${roomIDForEvents(roomID)}"`);
      return;
    }
    if (typeof token !== 'string' || token.length === 0) {
      this.debugError(ZegoErrorCode.CommonIllegalParam, fn, 'token must be a non-empty string');
      return;
    }
    session.feed('renewToken', { token });
  }

  /** The host's reachability signal (Unity's Application.internetReachability, the browser's online/offline). */
  setNetworkReachable(reachable: boolean): void {
    this.tracer.call('setNetworkReachable', undefined, [reachable]);
    if (this.destroyed) return;
    for (const s of [...this.rooms.values()]) {
      if (reachable) s.feed('reachable');
      else s.feed('linkLost', { code: ZegoErrorCode.RoomConnectTemporaryBroken });
    }
  }

  /** Logs out of every room without further callbacks and releases the driver. Later calls report 1000002. */
  destroy(): void {
    if (this.destroyed) return;
    this.tracer.call('destroy', undefined, []);
    this.destroyed = true;
    for (const s of this.rooms.values()) {
      s.dispose();
      try {
        this.driver.logout(s.roomID);
      } catch {
        /* releasing anyway */
      }
    }
    this.rooms.clear();
    this.legacyState.clear();
    try {
      this.driver.stop();
    } catch (e) {
      this.log.error('driver.stop threw', e);
    }
    this.dispatcher.close();
    this.handler = null;
  }

  /** The reason-level phase of a room, for tools and tests: 'Idle' when not logged in. */
  roomPhase(roomID: string): 'Idle' | 'Logining' | 'Logined' | 'Reconnecting' {
    return this.rooms.get(roomID)?.phase ?? 'Idle';
  }

  // ---- internals ---------------------------------------------------------------------------

  /** `switchFrom`: the room switchRoom leaves; the first attempt is then the driver's switch. */
  private startSession(request: LoginRequest, callback: ZegoRoomLoginCallback | undefined, switchFrom?: string): void {
    const session = new RoomSession(this.sessionHost, request, callback);
    this.rooms.set(request.roomID, session);
    if (switchFrom === undefined) session.feed('login');
    else session.feed('switchTo', { fromRoomID: switchFrom });
  }

  /** Bad input for a login to `roomID`: LoginFailed for a room not logged in; a logged-in room is never disturbed. */
  private badInputFor(roomID: unknown, code: number): void {
    const named = roomIDForEvents(roomID);
    if (named !== '' && this.rooms.has(named)) return;
    this.emitState(named, ZegoRoomStateChangedReason.LoginFailed, code, '');
  }

  private modeCheck(roomID: string, user: ZegoUser): number {
    const active = [...this.rooms.values()];
    if (active.length === 0) return 0;
    // ZEGO: 1002001 also for "repeated calls to log in to the same room A without exiting room A".
    if (this.roomMode === ZegoRoomMode.SingleRoom || this.rooms.has(roomID)) return ZegoErrorCode.RoomCountExceed;
    if (active.some((s) => s.request.user.userID !== user.userID)) return ZegoErrorCode.RoomMultiRoomLoginUserNotSame;
    return 0;
  }

  private emitState(roomID: string, reason: ZegoRoomStateChangedReason, errorCode: number, extendedData: string): void {
    this.post('onRoomStateChanged', [roomID, reason, errorCode, extendedData], (h) =>
      h.onRoomStateChanged?.(roomID, reason, errorCode, extendedData),
    );
    const state = ROOM_STATE_OF_REASON[reason];
    if (state === null) return;
    const before = this.legacyState.get(roomID) ?? ZegoRoomState.Disconnected;
    if (state === ZegoRoomState.Disconnected) this.legacyState.delete(roomID);
    else this.legacyState.set(roomID, state);
    if (state !== before)
      this.post('onRoomStateUpdate', [roomID, state, errorCode, extendedData], (h) =>
        h.onRoomStateUpdate?.(roomID, state, errorCode, extendedData),
      );
  }

  /** Raises one app event (traced with its arguments, which are what the handler gets). */
  private post(name: string, args: unknown[], call: (h: IZegoEventHandler) => void): void {
    this.tracer.event(name, typeof args[0] === 'string' ? args[0] : undefined, args);
    this.dispatcher.post(name, () => {
      const h = this.handler;
      if (h) call(h);
    });
  }

  private postResult(
    fn: string,
    callback: ZegoRoomLogoutCallback | ZegoRoomLoginCallback | undefined,
    code: number,
    extendedData = '',
    roomID?: unknown,
  ): void {
    if (!callback) return;
    this.tracer.event(`${fn}Callback`, typeof roomID === 'string' ? roomID : undefined, [code, extendedData]);
    this.dispatcher.post(`${fn} callback`, () => callback(code, extendedData));
  }

  private transitioned(roomID: string, from: string, input: string, to: string, code: number): void {
    this.tracer.transition(roomID, from, input, to, code);
    if (this.log.debugEnabled) this.log.debug(`${from} --${input}--> ${to}${code ? ` (${code})` : ''}`, { room: roomID });
  }

  private debugError(code: number, funcName: string, info: string): void {
    this.post('onDebugError', [code, funcName, info], (h) => h.onDebugError?.(code, funcName, info));
  }

  /** A rejected call: onDebugError (always) and the result callback when there is one. */
  private reject(fn: string, code: number, info: string, callback: ZegoRoomLoginCallback | undefined, roomIDArg: unknown): void {
    this.debugError(code, fn, info);
    this.postResult(fn, callback, code, '', roomIDArg);
  }

  private rejectAfterDestroy(fn: string, callback?: ZegoRoomLoginCallback | ZegoRoomLogoutCallback): boolean {
    if (!this.destroyed) return false;
    // The dispatcher is closed; the caller still hears, once, on a timer turn.
    if (callback)
      this.clock.setTimeout(() => {
        try {
          callback(ZegoErrorCode.CommonNotLoginRoom, '');
        } catch (e) {
          this.log.error(`the app's ${fn} callback threw`, e);
        }
      }, 0);
    else this.log.warn(`${fn} called after destroy (${ZegoErrorCode.CommonNotLoginRoom})`);
    return true;
  }

  /** The driver's reports, each traced before the engine takes it (as they are when tracing is off). */
  private traced(events: RoomDriverEvents): RoomDriverEvents {
    if (!this.tracer.on) return events;
    const tracer = this.tracer;
    const out = {} as Record<string, (...args: unknown[]) => void>;
    for (const [name, handle] of Object.entries(events) as Array<[string, (...args: unknown[]) => void]>) {
      out[name] = (...args) => {
        tracer.driver(name, args[0], args);
        handle(...args);
      };
    }
    return out as unknown as RoomDriverEvents;
  }

  private driverEvents(): RoomDriverEvents {
    // Routed by room and identity: an event for an attempt or session the room has moved on from is
    // dropped, so it cannot be taken by the session that replaced it (RoomDriver.ts, "Identity").
    // kind 0: an answer, for the attempt in flight; 1: for the session; 2 (a kick): either.
    const live = (roomID: string, id: number, kind: 0 | 1 | 2): RoomSession | undefined => {
      if (this.destroyed) return undefined;
      const s = this.rooms.get(roomID);
      if (s && ((kind !== 1 && s.attemptID === id) || (kind !== 0 && s.sessionID === id))) return s;
      this.log.debug(`stale event dropped: not the room's current attempt or session`, {
        room: roomIDForEvents(roomID),
        attempt: id,
      });
      return undefined;
    };
    return {
      onLoginResult: (roomID, id, code, ext) => live(roomID, id, 0)?.attemptResult(code, ext),
      onLinkLost: (roomID, id, code) => {
        live(roomID, id, 1)?.feed('linkLost', { code: code || ZegoErrorCode.RoomConnectTemporaryBroken });
      },
      onKickOut: (roomID, id, code, ext) => {
        live(roomID, id, 2)?.feed('kickOut', { code, extendedData: ext });
      },
      onRoomUserUpdate: (roomID, id, type, users) => {
        const session = live(roomID, id, 1);
        if (!session) return;
        const add = type !== ZegoUpdateType.Delete;
        const byId = new Map(users.map((u) => [u.userID, u]));
        const changed = session.filterUserUpdate(add, [...byId.keys()]);
        if (changed.length === 0) return;
        const list = changed.map((id) => ({ userID: id, userName: byId.get(id)!.userName || id }));
        const updateType = add ? ZegoUpdateType.Add : ZegoUpdateType.Delete;
        this.post('onRoomUserUpdate', [roomID, updateType, list], (h) => h.onRoomUserUpdate?.(roomID, updateType, list));
      },
      onRoomOnlineUserCountUpdate: (roomID, id, count) => {
        if (live(roomID, id, 1)?.phase !== 'Logined') return;
        this.post('onRoomOnlineUserCountUpdate', [roomID, count], (h) => h.onRoomOnlineUserCountUpdate?.(roomID, count));
      },
      onRoomTokenWillExpire: (roomID, id, remain) => {
        if (!live(roomID, id, 1)) return;
        this.post('onRoomTokenWillExpire', [roomID, remain], (h) => h.onRoomTokenWillExpire?.(roomID, remain));
      },
    };
  }
}

function makeRequest(roomID: string, user: ZegoUser, config?: ZegoRoomConfig): LoginRequest {
  return {
    roomID,
    user: { userID: user.userID, userName: user.userName || user.userID },
    token: config?.token ?? '',
    maxMemberCount: config?.maxMemberCount ?? 0,
    isUserStatusNotify: config?.isUserStatusNotify ?? false,
    reconnect: false,
    attemptID: 0, // each attempt gets its own (RoomSession's attempt effect)
  };
}

function describe(code: number, roomID: unknown): string {
  if (typeof roomID !== 'string')
    return `error ${code}: the room ID is ${roomID === null ? 'null' : typeof roomID}, not a string`;
  const named = roomIDForEvents(roomID);
  return named === roomID ? `error ${code} for room "${roomID}"` : `error ${code} for a room ID of ${roomID.length} characters`;
}

/** The type check of a room ID argument alone (0 for any string): what the call may look up. */
function typeCheck(roomID: unknown): number {
  return typeof roomID === 'string' ? 0 : checkRoomID(roomID);
}
