// A stand-in for the Web SDK's ZegoExpressEngine (zego-express-engine-webrtc 3.12.0), room part only.
// What it does by itself is what test/webglRealSdk.test.ts checks against the real runtime:
// room-count/repeat checks before LOGINING, LOGINING before validation, rejections before events,
// listeners on a setTimeout 0, logoutRoom cancelling a login (its promise never settles), logoutRoom
// of a never-known room throwing 1002002, and — with an unreachable server — LOGIN_FAILED 1002031 at 300 s.
// Everything that needs a ZEGO server (LOGINED, RECONNECTING, kicks…) is scripted by the traces.
import type { Clock, TimerHandle } from '../../src/index';

export type WebCall = [number, string, ...unknown[]];
type Listener = (...args: unknown[]) => void;
interface Pending {
  resolve(v: boolean): void;
  reject(e: unknown): void;
  timer?: TimerHandle;
}
type RoomPhase = 'logining' | 'logined' | 'reconnecting';

export interface FakeWebEngineOptions {
  version?: string;
  /** Logins never reach a server: each gives up at 300 s with 1002031, as the real SDK does. */
  unreachable?: boolean;
  /** Milliseconds on the clock that count as 0 in `calls`. */
  t0?: number;
}

const ERR = {
  ROOM_COUNT_EXCEED: { code: 1002001, msg: 'login rooms exceeds the upper limit' },
  ROOM_ROOMID_INCORRECT: { code: 1002002, msg: 'have not logged in with this room ID' },
  USER_ID_NULL: { code: 1002005, msg: 'user ID is empty' },
  ROOM_ID_NULL: { code: 1002011, msg: 'room ID is empty' },
  ROOM_ID_INVALID_CHARACTER: { code: 1002012, msg: 'room ID contains illegal characters' },
  DIFFERENT_USER_ID: { code: 1002018, msg: 'In multi-room mode, only the same user id can be used.' },
  LOGIN_TIMEOUT: { code: 1002031, msg: 'login timeout' },
  REPEATEDLY_LOGIN: { code: 1002056, msg: 'user repeatedly login' },
  LOGIN_BEFORE_LOGOUT_BY_SAME_ROOMID: { code: 1002064, msg: 'the roomID is used by the login room interface' },
  INPUT_PARAM: { code: 1100001, msg: 'input parm error.' },
};
const LEGACY: Record<string, string> = {
  LOGINING: 'CONNECTING',
  RECONNECTING: 'CONNECTING',
  LOGINED: 'CONNECTED',
  RECONNECTED: 'CONNECTED',
  LOGIN_FAILED: 'DISCONNECTED',
  RECONNECT_FAILED: 'DISCONNECTED',
  KICKOUT: 'DISCONNECTED',
  LOGOUT: 'DISCONNECTED',
};
const ID = /^([0-9a-zA-Z#!$%&()`'+\-;<=.>@^_~,\\*])+$/;

export class FakeWebEngine {
  readonly calls: WebCall[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  private readonly rooms = new Map<string, { phase: RoomPhase; userID: string }>();
  private readonly known = new Set<string>();
  private readonly pending = new Map<string, Pending>();
  private multiRoom = false;
  private readonly version: string;

  constructor(
    private readonly clock: Clock,
    private readonly opts: FakeWebEngineOptions = {},
  ) {
    this.version = opts.version ?? '3.12.0';
  }

  // ---- the Web SDK surface the driver uses ----

  getVersion(): string {
    return this.version;
  }

  enableMultiRoom(enable: boolean): boolean {
    this.record('enableMultiRoom', enable);
    if (this.known.size > 0) return false;
    this.multiRoom = enable;
    return true;
  }

  on(event: string, fn: Listener): boolean {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), fn]);
    return true;
  }

  off(event: string, fn?: Listener): boolean {
    this.listeners.set(event, fn ? (this.listeners.get(event) ?? []).filter((f) => f !== fn) : []);
    return true;
  }

  loginRoom(
    roomID: string,
    token: string,
    user: { userID: string; userName?: string },
    config?: { userUpdate?: boolean; maxMemberCount?: number },
  ): Promise<boolean> {
    this.record('loginRoom', roomID, tokenShape(token), user?.userID, config?.userUpdate ?? false);
    return this.startLogin(roomID, token, user);
  }

  switchRoom(
    fromRoomID: string,
    toRoomID: string,
    config: { token: string; maxMemberCount?: number; isUserStatusNotify?: boolean },
  ): Promise<boolean> {
    this.record('switchRoom', fromRoomID, toRoomID, tokenShape(config?.token));
    if (!this.rooms.has(fromRoomID)) return Promise.reject(ERR.ROOM_ROOMID_INCORRECT);
    if (fromRoomID === toRoomID || this.rooms.has(toRoomID)) return Promise.reject(ERR.LOGIN_BEFORE_LOGOUT_BY_SAME_ROOMID);
    if (!config?.token) return Promise.reject({ code: ERR.INPUT_PARAM.code, msg: `${ERR.INPUT_PARAM.msg} token is required` });
    const userID = this.rooms.get(fromRoomID)!.userID;
    this.leave(fromRoomID);
    return this.startLogin(toRoomID, config.token, { userID });
  }

  logoutRoom(roomID?: string): void {
    this.record('logoutRoom', roomID);
    if (roomID === undefined) {
      for (const id of [...this.rooms.keys()]) this.leave(id);
      return;
    }
    if (this.rooms.has(roomID)) {
      this.leave(roomID);
      return;
    }
    if (this.known.has(roomID)) {
      this.deliver('roomStateChanged', roomID, 'LOGOUT', 0, 'no room login');
      return;
    }
    throw { ...ERR.ROOM_ROOMID_INCORRECT };
  }

  renewToken(token: string, roomID?: string): boolean {
    this.record('renewToken', tokenShape(token), roomID);
    return typeof token === 'string' && token.length > 0 && (roomID === undefined || this.rooms.has(roomID));
  }

  // ---- what the traces script (the server side) ----

  /** Settles the pending login/switch of `roomID`: true = in the room (LOGINED follows), false = resolved false. */
  resolveLogin(roomID: string, value = true): void {
    const p = this.takePending(roomID);
    if (value) {
      this.rooms.get(roomID)!.phase = 'logined';
      p.resolve(true);
      this.emitState(roomID, 'LOGINED', 0, '');
    } else {
      this.rooms.delete(roomID);
      p.resolve(false);
    }
  }

  /** Rejects the pending login/switch of `roomID` with a Web code; LOGIN_FAILED follows, as in the runtime. */
  rejectLogin(roomID: string, code: number, msg = ''): void {
    const p = this.takePending(roomID);
    this.rooms.delete(roomID);
    p.reject({ code, msg });
    this.emitState(roomID, 'LOGIN_FAILED', code, msg);
  }

  /** A room event as the runtime emits it (after its own 8-s hold), delivered on a setTimeout 0. */
  emit(event: string, ...args: unknown[]): void {
    if (event === 'roomStateChanged') {
      const [roomID, reason, code, ext] = args as [string, string, number, string];
      const room = this.rooms.get(roomID);
      if (room && reason === 'RECONNECTING') room.phase = 'reconnecting';
      if (room && reason === 'RECONNECTED') room.phase = 'logined';
      if (reason === 'RECONNECT_FAILED' || reason === 'KICKOUT') this.rooms.delete(roomID);
      this.emitState(roomID, reason, code, ext);
      return;
    }
    this.deliver(event, ...args);
  }

  hasPendingLogin(roomID: string): boolean {
    return this.pending.has(roomID);
  }
  roomPhase(roomID: string): RoomPhase | undefined {
    return this.rooms.get(roomID)?.phase;
  }

  // ---- internals ----

  private startLogin(roomID: string, token: string, user: { userID: string; userName?: string }): Promise<boolean> {
    // Room-count and repeat checks come first and emit nothing (observed on 3.12.0).
    if (this.rooms.size > 0 && !this.multiRoom) return Promise.reject(ERR.ROOM_COUNT_EXCEED);
    if (this.rooms.has(roomID)) return Promise.reject(ERR.REPEATEDLY_LOGIN);
    const other = [...this.rooms.values()][0];
    if (other && user && other.userID !== user.userID) return Promise.reject(ERR.DIFFERENT_USER_ID);
    // LOGINING is emitted before the input is validated (a bad input gets LOGINING then LOGIN_FAILED).
    this.emitState(roomID, 'LOGINING', 0, '');
    const bad = !roomID
      ? ERR.ROOM_ID_NULL
      : !token
        ? { code: ERR.INPUT_PARAM.code, msg: `${ERR.INPUT_PARAM.msg} token is required` }
        : !user || !user.userID
          ? ERR.USER_ID_NULL
          : !ID.test(roomID) || !/^[^:/]*$/.test(roomID)
            ? ERR.ROOM_ID_INVALID_CHARACTER
            : undefined;
    if (bad) {
      this.emitState(roomID, 'LOGIN_FAILED', bad.code, '');
      return Promise.reject({ ...bad });
    }
    this.known.add(roomID);
    this.rooms.set(roomID, { phase: 'logining', userID: user.userID });
    return new Promise<boolean>((resolve, reject) => {
      const p: Pending = { resolve, reject };
      this.pending.set(roomID, p);
      if (this.opts.unreachable) {
        p.timer = this.clock.setTimeout(() => this.rejectLogin(roomID, ERR.LOGIN_TIMEOUT.code, ERR.LOGIN_TIMEOUT.msg), 300_000);
      }
    });
  }

  /** Logout; a login in flight is cancelled and its promise never settles (observed on 3.12.0). */
  private leave(roomID: string): void {
    const p = this.pending.get(roomID);
    if (p) {
      if (p.timer !== undefined) this.clock.clearTimeout(p.timer);
      this.pending.delete(roomID);
    }
    this.rooms.delete(roomID);
    this.emitState(roomID, 'LOGOUT', 0, '');
  }

  private takePending(roomID: string): Pending {
    const p = this.pending.get(roomID);
    if (!p) throw new Error(`fake web engine: no login in flight for room "${roomID}"`);
    if (p.timer !== undefined) this.clock.clearTimeout(p.timer);
    this.pending.delete(roomID);
    return p;
  }

  /** roomStateUpdate and roomStateChanged go out together (the driver must consume only one). */
  private emitState(roomID: string, reason: string, code: number, ext: string): void {
    this.deliver('roomStateUpdate', roomID, LEGACY[reason] ?? 'DISCONNECTED', code, ext);
    this.deliver('roomStateChanged', roomID, reason, code, ext);
  }

  /** User listeners run on a setTimeout 0, after the promise settles (runtime §2.3 point 5). */
  private deliver(event: string, ...args: unknown[]): void {
    for (const fn of this.listeners.get(event) ?? []) this.clock.setTimeout(() => fn(...args), 0);
  }

  private record(method: string, ...args: unknown[]): void {
    this.calls.push([this.clock.now() - (this.opts.t0 ?? 0), method, ...args]);
  }
}

/** Calls are recorded without tokens: only whether one was given. */
function tokenShape(token: unknown): string {
  return typeof token === 'string' && token.length > 0 ? 'token' : 'no-token';
}
