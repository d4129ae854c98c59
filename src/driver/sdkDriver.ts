// The skeleton shared by drivers of SDKs that reconnect by themselves (ZEGO Web, ZEGO's Unity SDK):
// one record per room, the engine's attempt held open until the SDK's own outcome answers it (exactly
// once, RoomDriver.ts), and the SDK's events turned into facts for the engine through a reaction table.
// A driver supplies its SDK calls (the abstract methods) and its table; this file decides nothing else.
import type { LoginRequest, RoomDriver, RoomDriverContext, RoomDriverEvents } from './RoomDriver.js';

/** What the SDK is doing for one room, as its calls and events said. */
export const SdkRoomStatus = { Idle: 0, LoggingIn: 1, LoggedIn: 2, Reconnecting: 3 } as const;
export type SdkRoomStatus = (typeof SdkRoomStatus)[keyof typeof SdkRoomStatus];

const { Idle, LoggingIn, LoggedIn, Reconnecting } = SdkRoomStatus;

/** What the driver knows about one room. */
export interface SdkRoom {
  /** The engine's latest attempt for the room: its `attemptID` is what an answer names. */
  request: LoginRequest;
  status: SdkRoomStatus;
  /** The engine waits for an onLoginResult for `request.attemptID`. */
  awaitingAnswer: boolean;
  /** The engine has been told the link is lost (by the engine's own attempt or by this driver). */
  linkLostTold: boolean;
  /** The session this room is in: the last attempt answered 0 (0 = none yet). Kicks, losses and pushes name it. */
  session: number;
  /** A reconnect outcome that came before the engine's attempt. */
  pending?: { code: number; ext: string };
  /** Stamps asynchronous SDK results and timer turns: one for an older generation is ignored. */
  generation: number;
}

/**
 * What the engine hears after a reaction. `answer`: the held attempt's result; `linkLost`: once per
 * outage; `reconnected` / `reconnectFailed`: the SDK's own reconnection ended (answers the held attempt
 * or waits for it); `kickOut`: names the session removed.
 */
export type Raise = 'answer' | 'linkLost' | 'reconnected' | 'reconnectFailed' | 'kickOut';

/**
 * One row: (SDK event or outcome, room status, code class) → (driver actions, what the engine hears,
 * next room status). The first matching row applies; an event no row matches is dropped.
 */
export interface Reaction<Event extends string, Action extends string, CodeClass extends string, Mapping extends string> {
  on: Event;
  /** The room statuses the row applies in. */
  in: readonly SdkRoomStatus[];
  /** The class of the event's code (the driver classifies it); absent = any. */
  code?: CodeClass;
  /** Only once the room has a session: before that the event is for a login the app has left. */
  session?: true;
  /** Set before the actions run; absent = unchanged. */
  next?: SdkRoomStatus;
  /** The driver's own SDK calls and bookkeeping, in order. */
  act?: readonly Action[];
  raise?: Raise;
  /** How the driver turns the SDK's code into the code the engine hears; absent = unchanged. */
  map?: Mapping;
}

/** The first row of `table` for this event, room status, code class and whether the room has a session. */
export function findReaction<Row extends Reaction<string, string, string, string>>(
  table: readonly Row[],
  event: string,
  status: SdkRoomStatus,
  codeClass: string | undefined,
  inSession: boolean,
): Row | undefined {
  return table.find(
    (r) => r.on === event && r.in.includes(status) && (r.code === undefined || r.code === codeClass) && (!r.session || inSession),
  );
}

export abstract class SdkDriver<
  Room extends SdkRoom,
  Event extends string,
  Action extends string,
  CodeClass extends string = never,
  Mapping extends string = never,
> implements RoomDriver {
  protected context: RoomDriverContext | undefined;
  protected readonly rooms = new Map<string, Room>();
  protected stopped = false;

  /**
   * `reactions`: the driver's table. `lostCodeBeforeFailure`: the code of the link loss told first when
   * a reconnection fails while the app still thinks it is in the room.
   */
  protected constructor(
    private readonly reactions: readonly Reaction<Event, Action, CodeClass, Mapping>[],
    private readonly lostCodeBeforeFailure: number,
  ) {}

  // ---- what each driver supplies ------------------------------------------------------------

  /** A new record for a room the driver has not seen (or has forgotten). */
  protected abstract newRoom(request: LoginRequest): Room;
  /** Hooks the SDK up; `this.context` is set already. */
  protected abstract open(context: RoomDriverContext): void;
  /** Releases the SDK; the rooms are gone already. */
  protected abstract close(): void;
  /** Asks the SDK to log in to `room.request`. */
  protected abstract sdkLogin(room: Room): void;
  /** Asks the SDK to leave the room. */
  protected abstract sdkLogout(roomID: string): void;
  /** Whether the SDK can switch from a logged-in room to this request as one operation. */
  protected abstract canSwitch(request: LoginRequest): boolean;
  /** Asks the SDK to switch; `room` is the target's record, `awaitingAnswer` already set. */
  protected abstract sdkSwitch(fromRoomID: string, room: Room): void;
  protected abstract sdkRenewToken(roomID: string, token: string): void;
  /** Runs one action of a reaction row. */
  protected abstract perform(action: Action, room: Room): void;
  /** A reconnect attempt for a room the SDK still says is up (the loss came from elsewhere). */
  protected abstract stillInRoom(room: Room): void;

  /** The engine made an attempt for `room` (first login or reconnect). */
  protected beginAttempt(_room: Room): void {}
  /** The driver refuses this attempt with a code of its own (answered on a timer turn), or undefined. */
  protected refusal(_request: LoginRequest): number | undefined {
    return undefined;
  }
  /** The attempt in flight was cancelled, or the room forgotten: drop the driver's own timers and marks. */
  protected release(_room: Room): void {}
  /** The SDK may still hold the room (so leaving it needs a call). */
  protected sdkHolds(room: Room): boolean {
    return room.status !== Idle;
  }
  /** The code the engine hears for the SDK's `code` under a row's mapping. */
  protected mapCode(_mapping: Mapping | undefined, code: number): number {
    return code;
  }

  // ---- RoomDriver -----------------------------------------------------------------------------

  start(context: RoomDriverContext): void {
    this.context = context;
    this.open(context);
  }

  login(request: LoginRequest): void {
    if (this.stopped) return;
    const room = this.roomFor(request);
    room.awaitingAnswer = true;
    if (!request.reconnect) room.session = 0; // a first login: no session of this room's yet
    this.beginAttempt(room);
    const refused = this.refusal(request);
    if (refused !== undefined) {
      this.answerLater(room, refused, '');
      return;
    }
    if (request.reconnect) {
      const pending = room.pending;
      room.pending = undefined;
      if (pending) {
        this.answerLater(room, pending.code, pending.ext);
        return;
      }
      // The SDK is on it: its own outcome answers.
      if (room.status === LoggingIn || room.status === Reconnecting) return;
      if (room.status === LoggedIn) {
        this.stillInRoom(room);
        return;
      }
    }
    this.sdkLogin(room);
  }

  cancelLogin(roomID: string): void {
    const room = this.rooms.get(roomID);
    if (!room) return;
    room.awaitingAnswer = false;
    room.pending = undefined;
    this.release(room);
    // The engine gave up (its window, a logout): stop the SDK's own login or reconnection too.
    if (room.status === LoggingIn || room.status === Reconnecting) {
      room.generation++;
      room.status = Idle;
      this.sdkLogout(roomID);
    }
  }

  logout(roomID: string): void {
    const room = this.rooms.get(roomID);
    if (!room) return;
    this.forget(room);
    if (this.sdkHolds(room)) this.sdkLogout(roomID);
  }

  switchRoom(fromRoomID: string, request: LoginRequest): void {
    if (this.stopped) return;
    const from = this.rooms.get(fromRoomID);
    if (!from || from.status !== LoggedIn || !this.canSwitch(request)) {
      // Nothing to switch from, or the SDK cannot: leave, then log in, with the same outcome reporting.
      this.logout(fromRoomID);
      this.login(request);
      return;
    }
    this.forget(from);
    const room = this.roomFor(request);
    room.awaitingAnswer = true;
    room.linkLostTold = false;
    room.session = 0;
    this.sdkSwitch(fromRoomID, room);
  }

  renewToken(roomID: string, token: string): void {
    if (this.stopped) return;
    const room = this.rooms.get(roomID);
    if (room) room.request = { ...room.request, token };
    this.sdkRenewToken(roomID, token);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    for (const room of this.rooms.values()) {
      room.generation++;
      this.release(room);
    }
    this.rooms.clear();
    this.close();
  }

  // ---- the skeleton -----------------------------------------------------------------------------

  protected get events(): RoomDriverEvents {
    return this.context!.events;
  }

  protected roomFor(request: LoginRequest): Room {
    let room = this.rooms.get(request.roomID);
    if (!room) {
      room = this.newRoom(request);
      this.rooms.set(request.roomID, room);
    }
    room.request = request;
    return room;
  }

  /** Whether `room` is still the driver's record for its room at `generation`. */
  protected current(room: Room, generation = room.generation): boolean {
    return !this.stopped && room.generation === generation && this.rooms.get(room.request.roomID) === room;
  }

  /** No events for this room afterwards. */
  protected forget(room: Room): void {
    room.generation++;
    room.awaitingAnswer = false;
    this.release(room);
    if (this.rooms.get(room.request.roomID) === room) this.rooms.delete(room.request.roomID);
  }

  /**
   * Looks the SDK event up in the table and applies the first matching row: next status, the driver's
   * actions, then what the engine hears. Returns false when no row matched (the event is dropped).
   */
  protected react(room: Room, event: Event, codeClass: CodeClass | undefined, code: number, ext: string): boolean {
    const row = findReaction(this.reactions, event, room.status, codeClass, room.session !== 0);
    if (!row) return false;
    if (row.next !== undefined) room.status = row.next;
    if (row.act) for (const action of row.act) this.perform(action, room);
    const mapped = this.mapCode(row.map, code);
    switch (row.raise) {
      case 'answer':
        this.answer(room, mapped, ext);
        break;
      case 'linkLost':
        this.tellLinkLost(room, mapped);
        break;
      case 'reconnected':
        if (room.linkLostTold) this.reconnectEnded(room, 0, ext);
        break;
      case 'reconnectFailed':
        // A failure while the app still thinks it is in the room gets a link loss first.
        if (!room.awaitingAnswer) this.tellLinkLost(room, this.lostCodeBeforeFailure);
        this.reconnectEnded(room, mapped, ext);
        break;
      case 'kickOut':
        this.events.onKickOut(room.request.roomID, room.session, mapped, ext);
        break;
      default:
        break;
    }
    return true;
  }

  /**
   * Answers the held attempt, once: 0 = in the room (the outage is over). `attemptID`: the attempt this
   * outcome is for, when it was decided earlier (an answer on a later turn); a newer attempt is not answered.
   */
  protected answer(room: Room, code: number, ext: string, attemptID = room.request.attemptID): void {
    if (!room.awaitingAnswer || room.request.attemptID !== attemptID) return;
    room.awaitingAnswer = false;
    if (code === 0) {
      room.linkLostTold = false;
      room.session = attemptID;
    }
    this.events.onLoginResult(room.request.roomID, attemptID, code, ext);
  }

  /** An outcome decided now for the attempt just made, answered on a timer turn (RoomDriverEvents' rule). */
  protected answerLater(room: Room, code: number, ext: string): void {
    const generation = room.generation;
    const attemptID = room.request.attemptID;
    this.context!.clock.setTimeout(() => {
      if (this.current(room, generation)) this.answer(room, code, ext, attemptID);
    }, 0);
  }

  /** Tell the engine the link is down, once per outage. */
  protected tellLinkLost(room: Room, code: number): void {
    if (room.linkLostTold) return;
    room.linkLostTold = true;
    this.events.onLinkLost(room.request.roomID, room.session, code);
  }

  /** A reconnection ended (0 = back): answer the held attempt, or keep the outcome for the attempt the engine will make. */
  protected reconnectEnded(room: Room, code: number, ext: string): void {
    if (room.awaitingAnswer) this.answer(room, code, ext);
    else if (room.linkLostTold) room.pending = { code, ext };
  }
}
