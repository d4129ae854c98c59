// For drivers of SDKs that reconnect by themselves (ZEGO Web, ZEGO's Unity SDK): the engine's attempt
// for a room is held open until the SDK's own outcome answers it, exactly once (RoomDriver.ts).
import type { LoginRequest, RoomDriverEvents } from './RoomDriver.js';

export interface HeldAttempt {
  /** The engine's latest attempt for the room: its `attemptID` is what an answer names. */
  req: LoginRequest;
  /** The engine waits for an onLoginResult. */
  attempt: boolean;
  /** The engine has been told the link is lost. */
  reconnecting: boolean;
  /** The session this room is in: the last attempt answered 0 (0 = none yet). Kicks, losses and pushes name it. */
  session: number;
  /** A reconnect outcome that came before the engine's attempt. */
  pending?: { code: number; ext: string };
}

/**
 * Answers the held attempt, once: 0 = in the room (the outage is over). `attemptID`: the attempt this
 * outcome is for, when it was decided earlier (an answer on a later turn); a newer attempt is not answered.
 */
export function answerAttempt(events: RoomDriverEvents, room: HeldAttempt, code: number, ext: string, attemptID = room.req.attemptID): void {
  if (!room.attempt || room.req.attemptID !== attemptID) return;
  room.attempt = false;
  if (code === 0) { room.reconnecting = false; room.session = attemptID; }
  events.onLoginResult(room.req.roomID, attemptID, code, ext);
}

/** A reconnection ended: answer the held attempt, or keep the outcome for the attempt the engine will make. */
export function settleReconnect(events: RoomDriverEvents, room: HeldAttempt, code: number, ext: string): void {
  if (room.attempt) answerAttempt(events, room, code, ext);
  else if (room.reconnecting) room.pending = { code, ext };
}

/** The outcome that came before this attempt, if any (taken once). */
export function takePending(room: HeldAttempt): { code: number; ext: string } | undefined {
  const p = room.pending;
  room.pending = undefined;
  return p;
}
