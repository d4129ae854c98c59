// The contract between the engine (which owns the room state model) and whatever really talks to a
// room service: the embedded simulator, the ZEGO Web SDK (WebGL) or ZEGO's Unity SDK (native players).
// A driver reports facts (attempt results, link loss, kicks, pushes); the engine decides what the app sees.
//
// Identity: every attempt carries an id the engine chose (`LoginRequest.attemptID`, unique per engine).
// An answer names the attempt it answers; a kick, a link loss or a push names the session it concerns,
// that is the attempt that got this client into the room. The engine drops (debug log) any event whose
// id is not the room's current attempt or session: an event still on its way for a session the app has
// since left never reaches the session that replaced it, however late the SDK raises it.
import type { Clock } from '../host/clock.js';
import type { ZegoRoomMode, ZegoUpdateType } from '../model/enums.js';
import type { ZegoUser } from '../model/types.js';

/** One login attempt, first login or reconnect. */
export interface LoginRequest {
  roomID: string;
  user: { userID: string; userName: string };
  /** '' when the app gave none. */
  token: string;
  maxMemberCount: number;
  isUserStatusNotify: boolean;
  /** True when re-establishing a room that was logged in (the server may resume the session). */
  reconnect: boolean;
  /** Names this attempt: its `onLoginResult` carries it back; once it succeeds it names the session. */
  attemptID: number;
}

/** Events a driver raises. Raise them from a host timer turn, never synchronously inside a driver call. */
export interface RoomDriverEvents {
  /** Exactly one per `login`/`switchRoom` attempt unless it was cancelled: 0 = in the room (and `attemptID` names the session). */
  onLoginResult(roomID: string, attemptID: number, errorCode: number, extendedData: string): void;
  /** The link of session `sessionID` in this room is gone. */
  onLinkLost(roomID: string, sessionID: number, errorCode: number): void;
  /**
   * The server removed this client from the room (1002050 duplicate login, 1002055 server kick, 1002056
   * token expired). `sessionID`: the session removed, or the attempt in flight whose server session it
   * was (the simulator's lost login answer). A kick a driver cannot tie to a session it is in is dropped.
   */
  onKickOut(roomID: string, sessionID: number, errorCode: number, extendedData: string): void;
  onRoomUserUpdate(roomID: string, sessionID: number, updateType: ZegoUpdateType, userList: ZegoUser[]): void;
  onRoomOnlineUserCountUpdate(roomID: string, sessionID: number, count: number): void;
  onRoomTokenWillExpire(roomID: string, sessionID: number, remainTimeInSecond: number): void;
}

export interface RoomDriverContext {
  appID: number;
  /** Fixed for the engine's lifetime; multi-room SDKs must be told before the first login. */
  roomMode: ZegoRoomMode;
  clock: Clock;
  events: RoomDriverEvents;
}

/**
 * An SDK that reconnects by itself (ZEGO Web, ZEGO's native SDKs) answers the engine's reconnect
 * attempt (`login` with `reconnect: true`) when its own reconnection ends: 0 on RECONNECTED, the
 * failure code otherwise, with that attempt's id; the engine's 20-minute window still applies
 * (`cancelLogin`, then `logout`). A driver never relabels an outcome: one it kept for a later attempt
 * is given only to an attempt of the same room the engine made after it (sdkDriver.ts).
 */
export interface RoomDriver {
  /** Called once, before anything else. */
  start(context: RoomDriverContext): void;
  /** Start one attempt; its outcome arrives as `onLoginResult`. */
  login(request: LoginRequest): void;
  /** Abandon the attempt in flight for this room: no `onLoginResult` for it afterwards (one raised already is dropped by its id). */
  cancelLogin(roomID: string): void;
  /** Leave the room; no events for it afterwards. */
  logout(roomID: string): void;
  /** Leave `fromRoomID` and log in to `request.roomID` as one operation; outcome as `onLoginResult`. */
  switchRoom(fromRoomID: string, request: LoginRequest): void;
  renewToken(roomID: string, token: string): void;
  /** The engine is destroyed: release everything, raise nothing more. */
  stop(): void;
}
