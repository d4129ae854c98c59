// The two directions between the core's "native" driver and its C# adapter (docs/BOUNDARY.md,
// "The native driver"). Commands go out as bridge events named `native:<command>`, drained with the
// others; ZEGO's callbacks come back as bridgeInvoke `{"op":"nativeEvent","event":…,"args":[…]}`.

/** Commands the C# adapter runs on `ZEGO.ZegoExpressEngine`, in queue order. */
export const NATIVE_COMMAND = {
  /** `[appID, roomMode]`: static SetRoomMode, then CreateEngine (the profile, with appSign, stays in C#). */
  createEngine: 'native:createEngine',
  /** `[roomID, {userID, userName}, {maxMemberCount, isUserStatusNotify, token?}, attemptID]`; the callback answers as `loginResult` with `attemptID`. */
  loginRoom: 'native:loginRoom',
  /** `[fromRoomID, toRoomID, {maxMemberCount, isUserStatusNotify, token?}, attemptID]`. */
  switchRoom: 'native:switchRoom',
  /** `[roomID]`. */
  logoutRoom: 'native:logoutRoom',
  /** `[roomID, token]`. */
  renewToken: 'native:renewToken',
  /** `[]`: unhook the delegates, DestroyEngine (when the adapter created ZEGO's engine). */
  destroyEngine: 'native:destroyEngine',
} as const;

/**
 * Events the C# adapter reports, named after ZEGO's delegates (args as ZEGO passes them). Room events end
 * with `attemptID`: the id of the room's last `loginRoom`/`switchRoom` command C# had run when ZEGO raised
 * the callback (optional: without it the driver takes the event for the room's current login).
 */
export const NATIVE_EVENT = {
  /** `[roomID, reason 0–8, errorCode, extendedData, attemptID]`. */
  roomStateChanged: 'onRoomStateChanged',
  /** `[roomID, updateType 0/1, [{userID, userName}], userCount, attemptID]`. */
  roomUserUpdate: 'onRoomUserUpdate',
  /** `[roomID, count, attemptID]`. */
  roomOnlineUserCountUpdate: 'onRoomOnlineUserCountUpdate',
  /** `[roomID, remainTimeInSecond, attemptID]`. */
  roomTokenWillExpire: 'onRoomTokenWillExpire',
  /** `[errorCode, funcName, info]`. */
  debugError: 'onDebugError',
  /** `[roomID, attemptID, errorCode, extendedData]`: LoginRoom's OnRoomLoginResult for the command with `attemptID`. */
  loginResult: 'loginResult',
} as const;
