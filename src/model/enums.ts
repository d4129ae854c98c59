// ZEGO Express enums with ZEGO's own names and values (RN 3.22 / Unity C# defines).
// This file is the single source of truth: the C# enums are generated from it (`npm run gen:cs`).

/** Why the room connection state changed (`onRoomStateChanged`). */
export enum ZegoRoomStateChangedReason {
  Logining = 0,
  Logined = 1,
  LoginFailed = 2,
  Reconnecting = 3,
  Reconnected = 4,
  ReconnectFailed = 5,
  KickOut = 6,
  Logout = 7,
  LogoutFailed = 8,
}

/** The legacy three-value room state (`onRoomStateUpdate`). */
export enum ZegoRoomState {
  Disconnected = 0,
  Connecting = 1,
  Connected = 2,
}

export enum ZegoUpdateType {
  Add = 0,
  Delete = 1,
}

export enum ZegoRoomMode {
  SingleRoom = 0,
  MultiRoom = 1,
}

/** The legacy state that goes with each reason (seed: Logining/Reconnecting are Connecting, …). */
export const ROOM_STATE_OF_REASON: Readonly<Record<ZegoRoomStateChangedReason, ZegoRoomState | null>> = {
  [ZegoRoomStateChangedReason.Logining]: ZegoRoomState.Connecting,
  [ZegoRoomStateChangedReason.Logined]: ZegoRoomState.Connected,
  [ZegoRoomStateChangedReason.LoginFailed]: ZegoRoomState.Disconnected,
  [ZegoRoomStateChangedReason.Reconnecting]: ZegoRoomState.Connecting,
  [ZegoRoomStateChangedReason.Reconnected]: ZegoRoomState.Connected,
  [ZegoRoomStateChangedReason.ReconnectFailed]: ZegoRoomState.Disconnected,
  [ZegoRoomStateChangedReason.KickOut]: ZegoRoomState.Disconnected,
  [ZegoRoomStateChangedReason.Logout]: ZegoRoomState.Disconnected,
  // A failed logout leaves the room as it was: no legacy state change.
  [ZegoRoomStateChangedReason.LogoutFailed]: null,
};
