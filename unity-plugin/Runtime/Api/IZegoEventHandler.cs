using System.Collections.Generic;

namespace ZegoRoomBridge
{
    /// <summary>
    /// As in ZEGO's Unity SDK this class only declares the delegate types; the app assigns methods to
    /// the engine's public fields (engine.onRoomStateChanged = OnRoomStateChanged).
    /// </summary>
    public class IZegoEventHandler
    {
        public delegate void OnRoomStateUpdate(string roomID, ZegoRoomState state, int errorCode, string extendedData);
        public delegate void OnRoomStateChanged(string roomID, ZegoRoomStateChangedReason reason, int errorCode, string extendedData);
        /// <summary>userCount is userList.Count.</summary>
        public delegate void OnRoomUserUpdate(string roomID, ZegoUpdateType updateType, List<ZegoUser> userList, uint userCount);
        public delegate void OnRoomOnlineUserCountUpdate(string roomID, int count);
        public delegate void OnRoomTokenWillExpire(string roomID, int remainTimeInSecond);
        public delegate void OnDebugError(int errorCode, string funcName, string info);
    }

    // Declared outside the class, as ZEGO does.
    public delegate void OnRoomLoginResult(int errorCode, string extendedData);
    public delegate void OnRoomLogoutResult(int errorCode, string extendedData);
    public delegate void IZegoDestroyCompletionCallback();
}
