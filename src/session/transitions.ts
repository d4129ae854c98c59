// Every room state transition, in one table. A row: (phase, input) → next phase, the reason the app
// sees (if any) with its code, and the effects specific to that row. What every way into or out of a
// phase does is listed once, in PHASE_EFFECTS.
// A step: the reason is emitted; when the phase changes, the old phase's exit effects run, then the
// new phase's entry effects, then the row's own effects (they run in the phase the row leads to: the
// first attempt belongs to the window Logining opened). A row that stays in its phase runs only its own.
// A pair that is not in the table is ignored: that is how stale or duplicate driver reports are dropped.
// An effect that causes another input queues it: each input runs to completion before the next.
// docs/session-machine.svg is drawn from these two tables (`npm run gen:diagram`).
import { ZegoRoomStateChangedReason as R } from '../model/enums.js';
import { ZegoErrorCode as E } from '../model/errorCodes.js';

/** @internal The phase of one room's session; Idle = not logged in (the room is free). */
export type Phase = 'Idle' | 'Logining' | 'Logined' | 'Reconnecting';

/** @internal */
export type Input =
  | 'login' // app: loginRoom
  | 'switchTo' // app: switchRoom, the target room (its first attempt is the driver's switch)
  | 'attemptOk' // driver: an attempt got into the room
  | 'attemptRetry' // driver: an attempt failed because the network is not there (retry)
  | 'attemptFail' // driver: an attempt failed for good (token, limits…)
  | 'retryDue' // timer: the policy's delay has passed
  | 'windowEnd' // timer/clock: the 20-minute window is over (or the policy gave up)
  | 'linkLost' // driver, or the host says the network is gone
  | 'reachable' // host: the network is back, try now
  | 'kickOut' // driver: the server removed us
  | 'renewToken' // app: renewToken
  | 'logout' // app: logoutRoom
  | 'switchAway'; // app: switchRoom, the source room (the driver's switch does the leaving)

/** @internal */
export type Effect =
  | 'openWindow'
  | 'closeWindow'
  | 'attempt' // a login attempt (a reconnect one in Reconnecting)
  | 'switchAttempt' // the driver's switchRoom from the input's room, as the first attempt
  | 'scheduleRetry'
  | 'retryNow'
  | 'cancelAttempt'
  | 'driverLogout'
  | 'sendToken' // keep the input's token for later attempts and hand it to the driver
  | 'sendPendingToken' // a token renewed while the attempt in flight carried the old one goes out now
  | 'completeLogin' // the login callback gets the event's code (and extendedData)
  | 'cancelLoginCallback' // the login callback gets LOGIN_CANCELLED_ERROR_CODE
  | 'end'; // the session is over; the room is free for a new loginRoom

/** @internal `'input'` = the code the input carried (from the driver). */
export interface Transition {
  next: Phase;
  reason?: R;
  code?: number | 'input';
  effects: readonly Effect[];
}

/** @internal What entering and leaving a phase always does, whichever row gets there. */
export interface PhaseEffects {
  entry: readonly Effect[];
  exit: readonly Effect[];
}

/** @internal */
// prettier-ignore -- a table: one row a line, columns aligned.
export const PHASE_EFFECTS: Readonly<Record<Phase, PhaseEffects>> = {
  Idle: { entry: ['end'], exit: [] },
  Logining: { entry: ['openWindow'], exit: ['cancelAttempt', 'closeWindow'] },
  Logined: { entry: ['sendPendingToken'], exit: [] },
  Reconnecting: { entry: ['openWindow'], exit: ['cancelAttempt', 'closeWindow'] },
};

const T = (next: Phase, reason: R | undefined, code: number | 'input' | undefined, ...effects: Effect[]): Transition => ({
  next,
  reason,
  code,
  effects,
});

/** @internal */
// prettier-ignore -- a table: one row a line, columns aligned.
export const TRANSITIONS: Readonly<Record<Phase, Partial<Record<Input, Transition>>>> = {
  Idle: {
    login: T('Logining', R.Logining, 0, 'attempt'),
    switchTo: T('Logining', R.Logining, 0, 'switchAttempt'),
  },
  Logining: {
    attemptOk: T('Logined', R.Logined, 0, 'completeLogin'),
    attemptRetry: T('Logining', undefined, undefined, 'scheduleRetry'),
    attemptFail: T('Idle', R.LoginFailed, 'input', 'completeLogin'),
    retryDue: T('Logining', undefined, undefined, 'attempt'),
    reachable: T('Logining', undefined, undefined, 'retryNow'),
    windowEnd: T('Idle', R.LoginFailed, E.RoomRetryTimeout, 'driverLogout', 'completeLogin'),
    // Removed by the server before the app heard it was in (e.g. the same userID logged in elsewhere while
    // this login's answer was lost): a login ends in Logined, LoginFailed or Logout, so LoginFailed, with the kick's code.
    kickOut: T('Idle', R.LoginFailed, 'input', 'completeLogin'),
    renewToken: T('Logining', undefined, undefined, 'sendToken'),
    logout: T('Idle', R.Logout, 0, 'driverLogout', 'cancelLoginCallback'),
    switchAway: T('Idle', R.Logout, 0, 'cancelLoginCallback'),
  },
  Logined: {
    linkLost: T('Reconnecting', R.Reconnecting, E.RoomConnectTemporaryBroken, 'scheduleRetry'),
    kickOut: T('Idle', R.KickOut, 'input'),
    renewToken: T('Logined', undefined, undefined, 'sendToken'),
    logout: T('Idle', R.Logout, 0, 'driverLogout'),
    switchAway: T('Idle', R.Logout, 0),
  },
  Reconnecting: {
    attemptOk: T('Logined', R.Reconnected, 0),
    attemptRetry: T('Reconnecting', undefined, undefined, 'scheduleRetry'),
    attemptFail: T('Idle', R.ReconnectFailed, 'input', 'driverLogout'),
    retryDue: T('Reconnecting', undefined, undefined, 'attempt'),
    reachable: T('Reconnecting', undefined, undefined, 'retryNow'),
    windowEnd: T('Idle', R.ReconnectFailed, E.RoomRetryTimeout, 'driverLogout'),
    kickOut: T('Idle', R.KickOut, 'input'),
    renewToken: T('Reconnecting', undefined, undefined, 'sendToken'),
    logout: T('Idle', R.Logout, 0, 'driverLogout'),
    switchAway: T('Idle', R.Logout, 0),
  },
};
