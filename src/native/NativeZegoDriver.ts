// Drives ZEGO's Unity SDK (C#, namespace ZEGO: Android, iOS, macOS, Windows players and the Editor)
// behind the core's RoomDriver contract. The SDK lives on the C# side, so this half only queues commands
// for the C# adapter and hears ZEGO's room callbacks back (protocol.ts). ZEGO's reasons and codes are
// native already and pass through; this file decides only *when* to report what, so the engine still
// owns the model: at most one answer per attempt, stale or duplicate callbacks dropped.
//
// ZEGO reconnects by itself: its Reconnecting becomes onLinkLost, and the engine's reconnect attempt
// (`login` with `reconnect: true`) is held open until ZEGO's Reconnected (0) or ReconnectFailed (its
// code). The engine's 20-minute window still ends the outage by the core's clock; whichever of the two
// ends it first wins and the other is dropped (docs/UNITY.md, "When ZEGO and the core disagree").
//
// Identity: LoginRoom and SwitchRoom carry the engine's attempt id; LoginRoom's callback echoes it, and the
// C# side tags every room callback of ZEGO's with the id of the room's last login command it had run when
// ZEGO raised it. A callback tagged with an earlier command's id belongs to a login the engine has left
// (ZEGO's callbacks wait for the main thread): dropped, never taken by the login that replaced it.
import type { LoginRequest, RoomDriver, RoomDriverContext } from '../driver/RoomDriver.js';
import { answerAttempt, settleReconnect, takePending, type HeldAttempt } from '../driver/heldAttempt.js';
import { ZegoRoomMode, ZegoRoomStateChangedReason as R, ZegoUpdateType } from '../model/enums.js';
import { NATIVE_COMMAND as C, NATIVE_EVENT as N } from './protocol.js';

/** Queues one command (or one app event, for ZEGO's onDebugError) for the C# side. */
export type NativeEmit = (event: string, args: unknown[]) => void;

/** What ZEGO's SDK is doing for one room, as its callbacks said. */
type ZegoPhase = 'idle' | 'logining' | 'logined' | 'reconnecting';

/** `reconnecting`: the engine has been told the link is lost (by ZEGO's Reconnecting). */
interface Room extends HeldAttempt {
  zego: ZegoPhase;
  /** The attempt id of the LoginRoom command in flight (0: none, or SwitchRoom, which has no callback): its callback echoes it. */
  seq: number;
  /** The attempt id of the last LoginRoom/SwitchRoom command for this room: ZEGO's callbacks for it carry it. */
  command?: number;
}

export class NativeZegoDriver implements RoomDriver {
  private ctx: RoomDriverContext | undefined;
  private readonly rooms = new Map<string, Room>();
  private stopped = false;

  constructor(private readonly emit: NativeEmit) {
    if (typeof emit !== 'function') throw new TypeError('NativeZegoDriver: pass the function that queues commands for the C# adapter');
  }

  start(context: RoomDriverContext): void {
    this.ctx = context;
    // ZEGO: SetRoomMode only before CreateEngine, so the adapter does both, in that order, first.
    this.emit(C.createEngine, [context.appID, context.roomMode]);
  }

  login(request: LoginRequest): void {
    if (this.stopped) return;
    const room = this.roomFor(request);
    room.attempt = true;
    if (!request.reconnect) room.session = 0; // a first login: no session of this room's yet
    if (request.reconnect) {
      const p = takePending(room);
      if (p) { this.answerLater(room, p.code, p.ext); return; }
      if (room.zego === 'reconnecting' || room.zego === 'logining') return; // ZEGO is on it: its outcome answers
      // ZEGO still has the room: the loss came from the host's signal, not from ZEGO. Back at once.
      if (room.zego === 'logined') { this.answerLater(room, 0, ''); return; }
    }
    this.zegoLogin(room);
  }

  cancelLogin(roomID: string): void {
    const room = this.rooms.get(roomID);
    if (!room) return;
    room.attempt = false;
    room.pending = undefined;
    room.seq = 0;
    // The engine gave up (its window, a logout): stop ZEGO's own login or reconnection too.
    if (room.zego === 'logining' || room.zego === 'reconnecting') {
      room.zego = 'idle';
      this.emit(C.logoutRoom, [roomID]);
    }
  }

  logout(roomID: string): void {
    const room = this.rooms.get(roomID);
    if (!room) return;
    this.rooms.delete(roomID);
    // After LoginFailed, ReconnectFailed or KickOut ZEGO has left the room already.
    if (room.zego !== 'idle') this.emit(C.logoutRoom, [roomID]);
  }

  switchRoom(fromRoomID: string, request: LoginRequest): void {
    if (this.stopped) return;
    const from = this.rooms.get(fromRoomID);
    // ZEGO's SwitchRoom needs a logged-in source and (SDK 2.x) single-room mode; otherwise leave, then log in.
    if (!from || from.zego !== 'logined' || this.ctx?.roomMode === ZegoRoomMode.MultiRoom) {
      this.logout(fromRoomID);
      this.login(request);
      return;
    }
    this.rooms.delete(fromRoomID);
    const room = this.roomFor(request);
    room.attempt = true;
    room.session = 0;
    room.seq = 0; // SwitchRoom has no callback: onRoomStateChanged of the target answers
    room.command = request.attemptID;
    room.zego = 'logining';
    this.emit(C.switchRoom, [fromRoomID, request.roomID, configOf(request), request.attemptID]);
  }

  renewToken(roomID: string, token: string): void {
    if (this.stopped) return;
    const room = this.rooms.get(roomID);
    if (room) room.req = { ...room.req, token };
    this.emit(C.renewToken, [roomID, token]);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    this.rooms.clear();
    this.emit(C.destroyEngine, []);
  }

  /**
   * One ZEGO callback, handed over by the C# adapter on the main thread, in ZEGO's order. Throws a
   * TypeError for a malformed one (the bridge answers 1000017); unknown names are ignored.
   */
  onHostEvent(event: string, args: unknown[]): void {
    if (!Array.isArray(args)) throw new TypeError('nativeEvent: "args" must be an array');
    if (this.stopped || !this.ctx) return;
    switch (event) {
      case N.roomStateChanged:
        this.onRoomStateChanged(text(args, 0), int(args, 1), int(args, 2), optText(args, 3), args[4]);
        return;
      case N.loginResult:
        this.onLoginCallback(text(args, 0), int(args, 1), int(args, 2), optText(args, 3));
        return;
      case N.roomUserUpdate: {
        const roomID = text(args, 0);
        const type = int(args, 1) === ZegoUpdateType.Delete ? ZegoUpdateType.Delete : ZegoUpdateType.Add;
        const list = Array.isArray(args[2]) ? args[2] : [];
        const users = list.filter((u): u is { userID: unknown; userName?: unknown } => !!u && typeof u === 'object')
          .map((u) => ({ userID: String(u.userID), userName: typeof u.userName === 'string' ? u.userName : '' }));
        // ZEGO's userCount (args[3]) is the list's length; the bridge's delegate recomputes it.
        const room = this.current(roomID, args[4]);
        if (room) this.ctx.events.onRoomUserUpdate(roomID, room.session, type, users);
        return;
      }
      case N.roomOnlineUserCountUpdate: {
        const roomID = text(args, 0);
        const room = this.current(roomID, args[2]);
        if (room) this.ctx.events.onRoomOnlineUserCountUpdate(roomID, room.session, int(args, 1));
        return;
      }
      case N.roomTokenWillExpire: {
        const roomID = text(args, 0);
        const room = this.current(roomID, args[2]);
        if (room) this.ctx.events.onRoomTokenWillExpire(roomID, room.session, int(args, 1));
        return;
      }
      case N.debugError: {
        // ZEGO's own complaint passes through unchanged, after the app events the engine already posted.
        const payload = [int(args, 0), optText(args, 1), optText(args, 2)];
        this.ctx.clock.setTimeout(() => { if (!this.stopped) this.emit('onDebugError', payload); }, 0);
        return;
      }
      default:
        return;
    }
  }

  // ---- ZEGO's callbacks -------------------------------------------------------------------------

  /**
   * The room a ZEGO callback is for, unless the engine left it (ZEGO's Logout/LogoutFailed for it, or a
   * late report) or the C# tag says it belongs to an earlier login command of the room.
   */
  private current(roomID: string, tag: unknown): Room | undefined {
    const room = this.rooms.get(roomID);
    return room && (typeof tag !== 'number' || tag === room.command) ? room : undefined;
  }

  private onRoomStateChanged(roomID: string, reason: number, code: number, ext: string, tag: unknown): void {
    const room = this.current(roomID, tag);
    if (!room) return;
    const events = this.ctx!.events;
    switch (reason) {
      case R.Logined:
        if (room.zego !== 'logining') return;
        room.zego = 'logined';
        this.answer(room, 0, ext);
        return;
      case R.LoginFailed:
        if (room.zego !== 'logining') return;
        room.zego = 'idle';
        this.answer(room, code, ext);
        return;
      case R.Reconnecting:
        if (room.zego !== 'logined' && room.zego !== 'reconnecting') return;
        room.zego = 'reconnecting';
        if (room.reconnecting) return;
        room.reconnecting = true;
        events.onLinkLost(roomID, room.session, code);
        return;
      case R.Reconnected:
        if (room.zego !== 'reconnecting') return;
        room.zego = 'logined';
        this.reconnectOutcome(room, 0, ext);
        return;
      case R.ReconnectFailed:
        if (room.zego !== 'reconnecting' && room.zego !== 'logined') return;
        room.zego = 'idle';
        if (!room.reconnecting && !room.attempt) { room.reconnecting = true; events.onLinkLost(roomID, room.session, 0); }
        this.reconnectOutcome(room, code, ext);
        return;
      case R.KickOut:
        // No session yet: the kick is for a login the app has left (the new one has not got in).
        if (room.zego === 'idle' || !room.session) return;
        this.rooms.delete(roomID);
        events.onKickOut(roomID, room.session, code, ext);
        return;
      default:
        // Logining: the driver set it when it asked. Logout / LogoutFailed: answers to its own LogoutRoom.
        return;
    }
  }

  /** LoginRoom's callback: the same outcome as Logined/LoginFailed, whichever ZEGO raises first. */
  private onLoginCallback(roomID: string, seq: number, code: number, ext: string): void {
    const room = this.rooms.get(roomID);
    if (!room || seq === 0 || room.seq !== seq || room.zego !== 'logining') return;
    room.zego = code === 0 ? 'logined' : 'idle';
    this.answer(room, code, ext);
  }

  // ---- internals ----------------------------------------------------------------------------

  private roomFor(request: LoginRequest): Room {
    let room = this.rooms.get(request.roomID);
    if (!room) {
      room = { req: request, zego: 'idle', attempt: false, reconnecting: false, session: 0, seq: 0 };
      this.rooms.set(request.roomID, room);
    }
    room.req = request;
    return room;
  }

  private zegoLogin(room: Room): void {
    const { roomID, user } = room.req;
    room.seq = room.command = room.req.attemptID;
    room.zego = 'logining';
    this.emit(C.loginRoom, [roomID, { userID: user.userID, userName: user.userName }, configOf(room.req), room.seq]);
  }

  /** A reconnection ended (0 = back): answers the engine's held attempt, or waits for it. */
  private reconnectOutcome(room: Room, code: number, ext: string): void {
    settleReconnect(this.ctx!.events, room, code, ext);
  }

  private answer(room: Room, code: number, ext: string): void {
    answerAttempt(this.ctx!.events, room, code, ext);
  }

  /** Answers raised inside a driver call wait for a timer turn (RoomDriverEvents' rule). */
  private answerLater(room: Room, code: number, ext: string): void {
    const id = room.req.attemptID;
    this.ctx!.clock.setTimeout(() => {
      if (!this.stopped && this.rooms.get(room.req.roomID) === room) answerAttempt(this.ctx!.events, room, code, ext, id);
    }, 0);
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
