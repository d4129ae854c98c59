// Input checks, in the order the issue fixes: empty → characters → length (UTF-8 bytes).
import { ZegoErrorCode } from './errorCodes.js';

export const MAX_ROOM_ID_BYTES = 127;
export const MAX_USER_ID_BYTES = 63;
export const MAX_USER_NAME_BYTES = 255;

// Characters both the native SDKs and the Web runtime accept: letters, digits and
// ~!@#$%^&*()_+=-`;',.<>\  — no space, '/', ':' or anything non-ASCII.
const ID_CHARS = /^[0-9A-Za-z~!@#$%^&*()_+=\-`;',.<>\\]+$/;

/** UTF-8 byte length without TextEncoder (absent on PuerTS's native backends). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * An ID that is not a string is rejected by its type first and never converted (String(['home']) is
 * 'home'; Object.create(null) has no toString): missing → the "empty" code, any other type → the
 * "invalid character" code.
 */
function idTypeCode(id: unknown, emptyCode: number, characterCode: number): number {
  if (typeof id === 'string') return 0;
  return id === null || id === undefined ? emptyCode : characterCode;
}

/** 0 when valid. */
export function checkRoomID(roomID: unknown): number {
  if (typeof roomID !== 'string')
    return idTypeCode(roomID, ZegoErrorCode.RoomRoomidNull, ZegoErrorCode.RoomRoomidInvalidCharacter);
  if (roomID.length === 0) return ZegoErrorCode.RoomRoomidNull;
  if (!ID_CHARS.test(roomID)) return ZegoErrorCode.RoomRoomidInvalidCharacter;
  if (utf8Length(roomID) > MAX_ROOM_ID_BYTES) return ZegoErrorCode.RoomRoomidTooLong;
  return 0;
}

/**
 * The room ID as events and messages may carry it: a string no longer than a valid ID can be, else ''
 * (no room). So a value that is not a string is never converted, and a huge string is never echoed.
 */
export function roomIDForEvents(roomID: unknown): string {
  return typeof roomID === 'string' && roomID.length <= MAX_ROOM_ID_BYTES ? roomID : '';
}

export function checkUser(user: unknown): number {
  if (user == null) return ZegoErrorCode.RoomUserIdNull;
  if (typeof user !== 'object') return ZegoErrorCode.CommonIllegalParam;
  const { userID, userName } = user as { userID?: unknown; userName?: unknown };
  if (typeof userID !== 'string')
    return idTypeCode(userID, ZegoErrorCode.RoomUserIdNull, ZegoErrorCode.RoomUserIdInvalidCharacter);
  if (userID.length === 0) return ZegoErrorCode.RoomUserIdNull;
  if (!ID_CHARS.test(userID)) return ZegoErrorCode.RoomUserIdInvalidCharacter;
  if (utf8Length(userID) > MAX_USER_ID_BYTES) return ZegoErrorCode.RoomUserIdTooLong;
  if (userName != null) {
    if (typeof userName !== 'string') return ZegoErrorCode.CommonIllegalParam;
    if (utf8Length(userName) > MAX_USER_NAME_BYTES) return ZegoErrorCode.RoomUserNameTooLong;
  }
  return 0;
}

export function checkConfig(config: unknown): number {
  if (config == null) return 0;
  if (typeof config !== 'object') return ZegoErrorCode.CommonIllegalParam;
  const { maxMemberCount, isUserStatusNotify, token } = config as Record<string, unknown>;
  if (maxMemberCount != null) {
    // ZEGO's C# field is a uint: anything that is not a whole number in [0, 2^32) is illegal.
    if (
      typeof maxMemberCount !== 'number' ||
      !Number.isInteger(maxMemberCount) ||
      maxMemberCount < 0 ||
      maxMemberCount > 0xffffffff
    )
      return ZegoErrorCode.CommonIllegalParam;
  }
  if (isUserStatusNotify != null && typeof isUserStatusNotify !== 'boolean') return ZegoErrorCode.CommonIllegalParam;
  if (token != null && typeof token !== 'string') return ZegoErrorCode.CommonIllegalParam;
  return 0;
}
