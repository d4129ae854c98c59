// Data types and the event handler, shaped like ZEGO's RN/Web typings.
import type { ZegoRoomState, ZegoRoomStateChangedReason, ZegoUpdateType } from './enums.js';

export interface ZegoUser {
  userID: string;
  /** Defaults to `userID` (as ZEGO's `ZegoUser(userId)` constructor does). */
  userName?: string;
}

export interface ZegoRoomConfig {
  /** 0 = unlimited (default). Only the first user's value counts for a room. */
  maxMemberCount?: number;
  /** Receive `onRoomUserUpdate` for this room. Default false. */
  isUserStatusNotify?: boolean;
  /** Token04 (or another string the room service accepts). Never logged. */
  token?: string;
}

/** The app's callbacks; every member is optional. Names and arguments follow ZEGO's RN/Unity API. */
export interface IZegoEventHandler {
  onRoomStateChanged?(roomID: string, reason: ZegoRoomStateChangedReason, errorCode: number, extendedData: string): void;
  onRoomStateUpdate?(roomID: string, state: ZegoRoomState, errorCode: number, extendedData: string): void;
  onRoomUserUpdate?(roomID: string, updateType: ZegoUpdateType, userList: ZegoUser[]): void;
  onRoomOnlineUserCountUpdate?(roomID: string, count: number): void;
  onRoomTokenWillExpire?(roomID: string, remainTimeInSecond: number): void;
  onDebugError?(errorCode: number, funcName: string, info: string): void;
}

export type ZegoRoomLoginCallback = (errorCode: number, extendedData: string) => void;
export type ZegoRoomLogoutCallback = (errorCode: number, extendedData: string) => void;
