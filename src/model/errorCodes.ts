// Room error codes under the native (React Native 3.22 `ZegoErrorCode`) names, spelling kept
// (e.g. `RoomMultiRoomSwtichRoomInvalid`). Single source of truth for the generated C#.

export enum ZegoErrorCode {
  Success = 0,
  CommonNotLoginRoom = 1000002,
  CommonIllegalParam = 1000017,
  EngineSetRoomModeErrorTime = 1001020,
  RoomCountExceed = 1002001,
  RoomRoomidIncorrect = 1002002,
  RoomUserIdNull = 1002005,
  RoomUserIdInvalidCharacter = 1002006,
  RoomUserIdTooLong = 1002007,
  RoomUserNameNull = 1002008,
  RoomUserNameInvalidCharacter = 1002009,
  RoomUserNameTooLong = 1002010,
  RoomRoomidNull = 1002011,
  RoomRoomidInvalidCharacter = 1002012,
  RoomRoomidTooLong = 1002013,
  RoomRoomExtraInfoKeyEmpty = 1002014,
  RoomMultiRoomLoginUserNotSame = 1002018,
  RoomMultiRoomSwtichRoomInvalid = 1002019,
  RoomErrorConnectFailed = 1002030,
  RoomErrorLoginTimeout = 1002031,
  RoomErrorAuthenticationFailed = 1002033,
  RoomErrorExceedMaximumMember = 1002034,
  RoomErrorExceedMaximumRoomCount = 1002035,
  RoomErrorLoginMultiRoomNotOpen = 1002036,
  RoomErrorMultiRoomExceedMaximumRoomCount = 1002037,
  RoomKickedOut = 1002050,
  RoomConnectTemporaryBroken = 1002051,
  RoomDisconnect = 1002052,
  RoomRetryTimeout = 1002053,
  RoomManualKickedOut = 1002055,
  RoomTokenExpiredKickedOut = 1002056,
  RoomSessionExceptionKickedOut = 1002057,
  RoomRoomIdHasBeenUsed = 1002064,
  RoomUserInBlacklist = 1002066,
  RoomNoToken = 1002067,
  RoomTokenInnerError = 1002074,
  RoomTokenFormatError = 1002075,
  RoomTokenAppidError = 1002076,
  RoomTokenUseridError = 1002077,
  RoomTokenExpireError = 1002078,
  RoomTokenVersionError = 1002079,
  RoomTokenNoncetypeError = 1002080,
  RoomRenewTokenNoPublishAuthError = 1002082,
  RoomInnerError = 1002099,
}

/**
 * A logout (or `switchRoom`) that cancels a login still in progress completes that login's
 * callback with this code. The native SDKs document none; the ZEGO Web runtime uses 1102026
 * "cancel login" for exactly this, so apps can look it up.
 */
export const LOGIN_CANCELLED_ERROR_CODE = 1102026;

/** Login failures that mean "the network is not there (yet)": retried inside the 20-minute window. */
export const RETRYABLE_LOGIN_ERRORS: ReadonlySet<number> = new Set([
  ZegoErrorCode.RoomErrorConnectFailed,
  ZegoErrorCode.RoomErrorLoginTimeout,
  ZegoErrorCode.RoomConnectTemporaryBroken,
  ZegoErrorCode.RoomDisconnect,
]);

/** `1002050` → `"RoomKickedOut"`; unknown codes give `""`. */
export function errorCodeName(code: number): string {
  if (code === LOGIN_CANCELLED_ERROR_CODE) return 'LoginCancelled';
  const name = (ZegoErrorCode as unknown as Record<number, string | undefined>)[code];
  return typeof name === 'string' ? name : '';
}
