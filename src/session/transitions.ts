// Every room state transition, in one table. A row: (phase, input) → next phase, the reason the app
// sees (if any) with its code, and the effects the session carries out, in order.
// A pair that is not in the table is ignored: that is how stale or duplicate driver reports are dropped.
import { ZegoRoomStateChangedReason as R } from '../model/enums.js';
import { ZegoErrorCode as E } from '../model/errorCodes.js';

export type Phase = 'Logout' | 'Logining' | 'Logined' | 'Reconnecting';

export type Input =
  | 'login'          // app: loginRoom / the target side of switchRoom
  | 'attemptOk'      // driver: an attempt got into the room
  | 'attemptRetry'   // driver: an attempt failed because the network is not there (retry)
  | 'attemptFail'    // driver: an attempt failed for good (token, limits…)
  | 'retryDue'       // timer: the policy's delay has passed
  | 'windowEnd'      // timer/clock: the 20-minute window is over (or the policy gave up)
  | 'linkLost'       // driver, or the host says the network is gone
  | 'reachable'      // host: the network is back, try now
  | 'kickOut'        // driver: the server removed us
  | 'logout';        // app: logoutRoom / the source side of switchRoom

export type Effect =
  | 'openWindow' | 'closeWindow'
  | 'attempt' | 'scheduleRetry' | 'retryNow' | 'cancelAttempt'
  | 'driverLogout'
  | 'completeLogin'       // the login callback gets the event's code (and extendedData)
  | 'cancelLoginCallback' // the login callback gets LOGIN_CANCELLED_ERROR_CODE
  | 'end';                // the session is over; the room is free for a new loginRoom

/** `'input'` = the code the input carried (from the driver). */
export interface Transition {
  next: Phase;
  reason?: R;
  code?: number | 'input';
  effects: readonly Effect[];
}

const T = (next: Phase, reason: R | undefined, code: number | 'input' | undefined, ...effects: Effect[]): Transition =>
  ({ next, reason, code, effects });

export const TRANSITIONS: Readonly<Record<Phase, Partial<Record<Input, Transition>>>> = {
  Logout: {
    login:        T('Logining', R.Logining, 0, 'openWindow', 'attempt'),
  },
  Logining: {
    attemptOk:    T('Logined', R.Logined, 0, 'closeWindow', 'completeLogin'),
    attemptRetry: T('Logining', undefined, undefined, 'scheduleRetry'),
    attemptFail:  T('Logout', R.LoginFailed, 'input', 'closeWindow', 'completeLogin', 'end'),
    retryDue:     T('Logining', undefined, undefined, 'attempt'),
    reachable:    T('Logining', undefined, undefined, 'retryNow'),
    windowEnd:    T('Logout', R.LoginFailed, E.RoomRetryTimeout, 'cancelAttempt', 'driverLogout', 'completeLogin', 'end'),
    // Removed by the server before the app heard it was in (e.g. the same userID logged in elsewhere while
    // this login's answer was lost): a login ends in Logined, LoginFailed or Logout, so LoginFailed, with the kick's code.
    kickOut:      T('Logout', R.LoginFailed, 'input', 'cancelAttempt', 'closeWindow', 'completeLogin', 'end'),
    logout:       T('Logout', R.Logout, 0, 'cancelAttempt', 'closeWindow', 'driverLogout', 'cancelLoginCallback', 'end'),
  },
  Logined: {
    linkLost:     T('Reconnecting', R.Reconnecting, E.RoomConnectTemporaryBroken, 'openWindow', 'scheduleRetry'),
    kickOut:      T('Logout', R.KickOut, 'input', 'end'),
    logout:       T('Logout', R.Logout, 0, 'driverLogout', 'end'),
  },
  Reconnecting: {
    attemptOk:    T('Logined', R.Reconnected, 0, 'closeWindow'),
    attemptRetry: T('Reconnecting', undefined, undefined, 'scheduleRetry'),
    attemptFail:  T('Logout', R.ReconnectFailed, 'input', 'closeWindow', 'driverLogout', 'end'),
    retryDue:     T('Reconnecting', undefined, undefined, 'attempt'),
    reachable:    T('Reconnecting', undefined, undefined, 'retryNow'),
    windowEnd:    T('Logout', R.ReconnectFailed, E.RoomRetryTimeout, 'cancelAttempt', 'driverLogout', 'end'),
    kickOut:      T('Logout', R.KickOut, 'input', 'cancelAttempt', 'closeWindow', 'end'),
    logout:       T('Logout', R.Logout, 0, 'cancelAttempt', 'closeWindow', 'driverLogout', 'end'),
  },
};
