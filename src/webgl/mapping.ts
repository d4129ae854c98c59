// Web SDK (zego-express-engine-webrtc) → native room model, as plain data. The driver reads only this
// table; the C# WebGL mapping is generated from it (scripts/gen-cs.mjs), so keep it JSON-shaped.
// Codes and their Web meanings: the room error table of the Web SDK (zego-express-engine-webrtc 3.12.0)
// and ZEGO's room connection status page for Web (doc-zh.zego.im/article/12883); docs/WEBGL.md lists them.

/** Where a Web code was seen: the same number means different things in different places (docs/WEBGL.md). */
export type WebCodeContext = 'login' | 'reconnect' | 'kickout' | 'reconnecting';

// prettier-ignore -- a table: one row a line, columns aligned.
export const WEBGL_ROOM_MAPPING = {
  /** Web `roomStateChanged` reason string → native `ZegoRoomStateChangedReason` (as ZEGO's Flutter SDK maps it on Web, zegoim/zego-express-flutter-sdk). */
  reason: {
    LOGINING: 0,
    LOGINED: 1,
    LOGIN_FAILED: 2,
    RECONNECTING: 3,
    RECONNECTED: 4,
    RECONNECT_FAILED: 5,
    KICKOUT: 6,
    LOGOUT: 7,
    LOGOUT_FAILED: 8,
  },
  /** Web legacy `roomStateUpdate` state → native `ZegoRoomState` (the driver does not consume it: it fires with roomStateChanged). */
  state: {
    DISCONNECTED: 0,
    CONNECTING: 1,
    CONNECTED: 2,
  },
  /** Web `roomUserUpdate` type → native `ZegoUpdateType`. */
  updateType: {
    ADD: 0,
    DELETE: 1,
  },
  /**
   * (context, Web code) → native code. A code not listed passes through unchanged.
   * `login`: a rejected `loginRoom`/`switchRoom` promise or a LOGIN_FAILED; `reconnect`: RECONNECT_FAILED;
   * `kickout`: KICKOUT; `reconnecting`: the code a RECONNECTING carries.
   * 1002031 stays 1002031 (retryable: the engine keeps trying until its 20-minute window ends).
   */
  code: {
    login: {
      '1102016': 1002033, // TOKEN_ERROR → RoomErrorAuthenticationFailed
      '1102018': 1002033, // TOKEN_EXPIRED → RoomErrorAuthenticationFailed
      '1000017': 1002030, // NETWORK_BROKEN → RoomErrorConnectFailed (retryable; native 1000017 is "illegal param")
      '1100002': 1002030, // TIMEOUT (network) → RoomErrorConnectFailed
      '1100003': 1002030, // SOCKET_CLOSE → RoomErrorConnectFailed
      '1002031': 1002031, // LOGIN_TIMEOUT (the 300-s give-up) → RoomErrorLoginTimeout (retryable)
    },
    reconnect: {
      '1102016': 1002033,
      '1102018': 1002033,
      '1000017': 1002051, // NETWORK_BROKEN → RoomConnectTemporaryBroken (retryable)
      '1002031': 1002031,
    },
    kickout: {
      '1102018': 1002056, // TOKEN_EXPIRED kick → RoomTokenExpiredKickedOut
      '1002050': 1002050, // MULTIPLE_LOGIN_KICKOUT → RoomKickedOut
      '1002055': 1002055, // MANUAL_KICKOUT → RoomManualKickedOut
      '1002099': 1002099, // any other kick reason → RoomInnerError
    },
    reconnecting: {
      '1000017': 1002051, // NETWORK_BROKEN → RoomConnectTemporaryBroken
      '1002051': 1002051, // NETWORK_RECOVERY (heartbeat path)
    },
  },
  /** The code every native Reconnecting carries. */
  reconnectingCode: 1002051,
  /** A login promise that resolves `false` (documented as "login failed") → RoomInnerError. */
  loginResolvedFalseCode: 1002099,
  /** A WebGL login without a token: the Web SDK has no AppSign path → RoomNoToken. */
  noTokenCode: 1002067,
  /** The Web give-up (LOGIN_TIMEOUT) when the 20-minute extension is switched off → RoomRetryTimeout, final. */
  giveUpFinalCode: 1002053,
  /** Web rejection codes the driver handles itself and never reports (docs/WEBGL.md). */
  internal: {
    repeatedlyLogin: 1002056, // REPEATEDLY_LOGIN: the Web SDK still holds the room — log out, try again
    roomIdIncorrect: 1002002, // thrown by logoutRoom of a room the Web SDK does not hold
    cancelLogin: 1102026, // a login cancelled by logoutRoom
  },
  /** The Web runtime holds its first RECONNECTING back this long (Web SDK 3.12.0). */
  reconnectingHoldMs: 8000,
  /** The Web runtime gives up a login or reconnect after this long by default (Web SDK 3.12.0). */
  webGiveUpMs: 300000,
  /** The first Web SDK version with its own `switchRoom`. */
  switchRoomSinceVersion: '3.7.0',
} as const;

export type WebRoomStateReason = keyof typeof WEBGL_ROOM_MAPPING.reason;

/** The native code for a Web code seen in `context` (unlisted codes pass through). */
export function mapWebCode(context: WebCodeContext, webCode: number): number {
  const table = WEBGL_ROOM_MAPPING.code[context] as Readonly<Record<string, number>>;
  const mapped = table[String(webCode)];
  return mapped === undefined ? webCode : mapped;
}

/** `'DELETE'` → 1, anything else (`'ADD'`) → 0. */
export function mapUpdateType(webType: string): 0 | 1 {
  return webType === 'DELETE' ? WEBGL_ROOM_MAPPING.updateType.DELETE : WEBGL_ROOM_MAPPING.updateType.ADD;
}

/** True when `version` ("3.12.0", "v3.7.1") is at least `min` ("3.7.0"); false when unreadable. */
export function versionAtLeast(version: unknown, min: string): boolean {
  if (typeof version !== 'string') return false;
  const m = /(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m) return false;
  const want = min.split('.').map(Number);
  const have = [Number(m[1]), Number(m[2]), Number(m[3])];
  for (let i = 0; i < 3; i++) {
    if (have[i] !== want[i]) return have[i] > want[i];
  }
  return true;
}
