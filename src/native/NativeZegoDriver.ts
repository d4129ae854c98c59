// Drives ZEGO's Unity SDK (C#, namespace ZEGO: Android, iOS, macOS, Windows players and the Editor)
// behind the core's RoomDriver contract. The SDK lives on the C# side, so this half only queues commands
// for the C# adapter and hears ZEGO's room callbacks back (protocol.ts). ZEGO's reasons and codes are
// native already and pass through; this file decides only *when* to report what, so the engine still
// owns the model: at most one answer per attempt, stale or duplicate callbacks dropped.
//
// ZEGO reconnects by itself: its Reconnecting becomes onLinkLost, and the engine's reconnect attempt
// (`login` with `reconnect: true`) is held open until ZEGO's Reconnected (0) or ReconnectFailed (its
// code). The engine's 20-minute window still ends the outage by the core's clock; whichever of the two
// ends it first wins and the other is dropped (unity-plugin/Documentation~/reference.md, "When ZEGO and
// the core disagree about the 20 minutes").
//
// Identity: LoginRoom and SwitchRoom carry the engine's attempt id; LoginRoom's callback echoes it, and the
// C# side tags every room callback of ZEGO's with the id of the room's last login command it had run when
// ZEGO raised it. A callback tagged with an earlier command's id belongs to a login the engine has left
// (ZEGO's callbacks wait for the main thread): dropped, never taken by the login that replaced it.
import type { LoginRequest, RoomDriverContext } from '../driver/RoomDriver.js';
import { SdkDriver, SdkRoomStatus, type Reaction, type SdkRoom } from '../driver/sdkDriver.js';
import { ZegoRoomMode, ZegoRoomStateChangedReason, ZegoUpdateType } from '../core.js';
import { NATIVE_COMMAND, NATIVE_EVENT } from './protocol.js';

/** Queues one command (or one app event, for ZEGO's onDebugError) for the C# side. */
export type NativeEmit = (event: string, args: unknown[]) => void;

/** ZEGO's `OnRoomStateChanged` reasons by name, and LoginRoom's own callback (`loginResult`). */
type NativeEvent = keyof typeof ZegoRoomStateChangedReason | 'loginResult';

/** `forget`: no events for the room afterwards (ZEGO has left it already). */
type NativeAction = 'forget';

/** `success`: the engine hears 0 whatever ZEGO's code (its Logined). */
type NativeMapping = 'success';

const { Idle, LoggingIn, LoggedIn, Reconnecting } = SdkRoomStatus;
const UP = [LoggedIn, Reconnecting];

/**
 * The native driver's reactions (docs/BOUNDARY.md, "The native driver"). ZEGO's codes are native already
 * and pass through. Logining has no row: the driver set it when it asked; Logout/LogoutFailed neither:
 * they answer its own LogoutRoom. LoginRoom's callback is the same outcome as Logined/LoginFailed,
 * whichever ZEGO raises first.
 */
// prettier-ignore -- a table: one row a line, columns aligned.
export const NATIVE_REACTIONS: readonly Reaction<NativeEvent, NativeAction, 'ok' | 'failed', NativeMapping>[] = [
  { on: 'Logined', in: [LoggingIn], next: LoggedIn, raise: 'answer', map: 'success' },
  { on: 'LoginFailed', in: [LoggingIn], next: Idle, raise: 'answer' },
  { on: 'loginResult', in: [LoggingIn], code: 'ok', next: LoggedIn, raise: 'answer' },
  { on: 'loginResult', in: [LoggingIn], code: 'failed', next: Idle, raise: 'answer' },
  { on: 'Reconnecting', in: UP, next: Reconnecting, raise: 'linkLost' },
  { on: 'Reconnected', in: [Reconnecting], next: LoggedIn, raise: 'reconnected' },
  { on: 'ReconnectFailed', in: UP, next: Idle, raise: 'reconnectFailed' },
  { on: 'KickOut', in: [LoggingIn, LoggedIn, Reconnecting], session: true, act: ['forget'], raise: 'kickOut' },
];

interface NativeRoom extends SdkRoom {
  /** The attempt id of the LoginRoom command in flight (0: none, or SwitchRoom, which has no callback): its callback echoes it. */
  loginCommand: number;
  /** The attempt id of the last LoginRoom/SwitchRoom command for this room: ZEGO's callbacks for it carry it. */
  lastCommand?: number;
}

export class NativeZegoDriver extends SdkDriver<NativeRoom, NativeEvent, NativeAction, 'ok' | 'failed', NativeMapping> {
  constructor(private readonly emit: NativeEmit) {
    // A ReconnectFailed while the app still thinks it is in the room: a link loss (code 0) first.
    super(NATIVE_REACTIONS, 0);
    if (typeof emit !== 'function')
      throw new TypeError('NativeZegoDriver: pass the function that queues commands for the C# adapter');
  }

  /**
   * One ZEGO callback, handed over by the C# adapter on the main thread, in ZEGO's order. Throws a
   * TypeError for a malformed one (the bridge answers 1000017); unknown names are ignored.
   */
  onHostEvent(event: string, args: unknown[]): void {
    if (!Array.isArray(args)) throw new TypeError('nativeEvent: "args" must be an array');
    if (this.stopped || !this.context) return;
    switch (event) {
      case NATIVE_EVENT.roomStateChanged:
        this.onRoomStateChanged(text(args, 0), int(args, 1), int(args, 2), optText(args, 3), args[4]);
        return;
      case NATIVE_EVENT.loginResult:
        this.onLoginCallback(text(args, 0), int(args, 1), int(args, 2), optText(args, 3));
        return;
      case NATIVE_EVENT.roomUserUpdate: {
        const roomID = text(args, 0);
        const type = int(args, 1) === ZegoUpdateType.Delete ? ZegoUpdateType.Delete : ZegoUpdateType.Add;
        const list = Array.isArray(args[2]) ? args[2] : [];
        const users = list
          .filter((u): u is { userID: unknown; userName?: unknown } => !!u && typeof u === 'object')
          .map((u) => ({ userID: String(u.userID), userName: typeof u.userName === 'string' ? u.userName : '' }));
        // ZEGO's userCount (args[3]) is the list's length; the bridge's delegate recomputes it.
        const room = this.tagged(roomID, args[4]);
        if (room) this.events.onRoomUserUpdate(roomID, room.session, type, users);
        return;
      }
      case NATIVE_EVENT.roomOnlineUserCountUpdate: {
        const roomID = text(args, 0);
        const room = this.tagged(roomID, args[2]);
        if (room) this.events.onRoomOnlineUserCountUpdate(roomID, room.session, int(args, 1));
        return;
      }
      case NATIVE_EVENT.roomTokenWillExpire: {
        const roomID = text(args, 0);
        const room = this.tagged(roomID, args[2]);
        if (room) this.events.onRoomTokenWillExpire(roomID, room.session, int(args, 1));
        return;
      }
      case NATIVE_EVENT.debugError: {
        // ZEGO's own complaint passes through unchanged, after the app events the engine already posted.
        const payload = [int(args, 0), optText(args, 1), optText(args, 2)];
        this.context.clock.setTimeout(() => {
          if (!this.stopped) this.emit('onDebugError', payload);
        }, 0);
        return;
      }
      default:
        return;
    }
  }

  // ---- ZEGO's calls (commands for the C# adapter) ---------------------------------------------

  protected open(context: RoomDriverContext): void {
    // ZEGO: SetRoomMode only before CreateEngine, so the adapter does both, in that order, first.
    this.emit(NATIVE_COMMAND.createEngine, [context.appID, context.roomMode]);
  }

  protected close(): void {
    this.emit(NATIVE_COMMAND.destroyEngine, []);
  }

  protected newRoom(request: LoginRequest): NativeRoom {
    return { request, status: Idle, awaitingAnswer: false, linkLostTold: false, session: 0, generation: 0, loginCommand: 0 };
  }

  protected sdkLogin(room: NativeRoom): void {
    const { roomID, user } = room.request;
    room.loginCommand = room.lastCommand = room.request.attemptID;
    room.status = LoggingIn;
    this.emit(NATIVE_COMMAND.loginRoom, [
      roomID,
      { userID: user.userID, userName: user.userName },
      configOf(room.request),
      room.loginCommand,
    ]);
  }

  protected sdkLogout(roomID: string): void {
    this.emit(NATIVE_COMMAND.logoutRoom, [roomID]);
  }

  /** ZEGO's SwitchRoom needs (SDK 2.x) single-room mode. */
  protected canSwitch(): boolean {
    return this.context?.roomMode !== ZegoRoomMode.MultiRoom;
  }

  protected sdkSwitch(fromRoomID: string, room: NativeRoom): void {
    const request = room.request;
    room.loginCommand = 0; // SwitchRoom has no callback: onRoomStateChanged of the target answers
    room.lastCommand = request.attemptID;
    room.status = LoggingIn;
    this.emit(NATIVE_COMMAND.switchRoom, [fromRoomID, request.roomID, configOf(request), request.attemptID]);
  }

  protected sdkRenewToken(roomID: string, token: string): void {
    this.emit(NATIVE_COMMAND.renewToken, [roomID, token]);
  }

  protected override release(room: NativeRoom): void {
    room.loginCommand = 0;
  }

  protected perform(action: NativeAction, room: NativeRoom): void {
    if (action === 'forget') this.forget(room);
  }

  protected override mapCode(mapping: NativeMapping | undefined, code: number): number {
    return mapping === 'success' ? 0 : code;
  }

  /** ZEGO still has the room: the loss came from the host's signal, not from ZEGO. Back at once. */
  protected stillInRoom(room: NativeRoom): void {
    this.answerLater(room, 0, '');
  }

  // ---- ZEGO's callbacks -------------------------------------------------------------------------

  /**
   * The room a ZEGO callback is for, unless the engine left it (ZEGO's Logout/LogoutFailed for it, or a
   * late report) or the C# tag says it belongs to an earlier login command of the room.
   */
  private tagged(roomID: string, tag: unknown): NativeRoom | undefined {
    const room = this.rooms.get(roomID);
    return room && (typeof tag !== 'number' || tag === room.lastCommand) ? room : undefined;
  }

  private onRoomStateChanged(roomID: string, reason: number, code: number, ext: string, tag: unknown): void {
    const room = this.tagged(roomID, tag);
    const name = ZegoRoomStateChangedReason[reason] as NativeEvent | undefined;
    if (room && name !== undefined) this.react(room, name, undefined, code, ext);
  }

  /** LoginRoom's callback, for the command in flight only. */
  private onLoginCallback(roomID: string, seq: number, code: number, ext: string): void {
    const room = this.rooms.get(roomID);
    if (!room || seq === 0 || room.loginCommand !== seq) return;
    this.react(room, 'loginResult', code === 0 ? 'ok' : 'failed', code, ext);
  }
}

/** ZEGO's ZegoRoomConfig; no token field when the app gave none (ZEGO's C# default is null). */
function configOf(req: LoginRequest): Record<string, unknown> {
  const config: Record<string, unknown> = { maxMemberCount: req.maxMemberCount, isUserStatusNotify: req.isUserStatusNotify };
  if (req.token) config.token = req.token;
  return config;
}

function text(args: unknown[], i: number): string {
  const v = args[i];
  if (typeof v !== 'string') throw new TypeError(`nativeEvent: argument ${i} must be a string`);
  return v;
}
function optText(args: unknown[], i: number): string {
  const v = args[i];
  return typeof v === 'string' ? v : '';
}
function int(args: unknown[], i: number): number {
  const v = args[i];
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new TypeError(`nativeEvent: argument ${i} must be a number`);
  return v;
}
