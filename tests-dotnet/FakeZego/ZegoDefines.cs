// A fake of ZEGO's Unity SDK room API for the tests only: namespace, type and member names and signatures
// as in ZEGO's Unity API reference (docs/SOURCES.md: the 2.19 IZegoEventHandler/ZegoExpressEngine, the 3.x
// defines). ZegoEngineProfile, ZegoScenario and OnDebugError's field follow ZEGO's 3.x SDK, as the bridge's
// own ZegoTypes.cs does.
using System.Collections.Generic;

namespace ZEGO
{
    public enum ZegoRoomMode { SingleRoom = 0, MultiRoom = 1 }
    public enum ZegoRoomState { Disconnected, Connecting, Connected }
    public enum ZegoRoomStateChangedReason { Logining, Logined, LoginFailed, Reconnecting, Reconnected, ReconnectFailed, KickOut, Logout, LogoutFailed }
    public enum ZegoStreamQualityLevel { Excellent, Good, Medium, Bad, Die, Unknown }
    public enum ZegoUpdateType { Add, Delete }
    public enum ZegoScenario { General = 0, Communication = 1, Live = 2, Default = 3 }
    public enum ZegoPublishChannel { Main, Aux, Third, Fourth }
    public enum ZegoViewMode { AspectFit, AspectFill, ScaleToFill }

    public class ZegoRoomConfig
    {
        public uint maxMemberCount;
        public bool isUserStatusNotify;
        public string token;
    }

    public class ZegoUser
    {
        public string userID;
        public string userName;
        public ZegoUser(string userId) { this.userID = userId; this.userName = userId; }
        public ZegoUser() { }
    }

    public class ZegoStream { public ZegoUser user; public string streamID; public string extraInfo; }

    public class ZegoRoomExtraInfo { public string key; public string value; public ZegoUser updateUser; public ulong updateTime; }

    public class ZegoEngineProfile
    {
        public uint appID;
        public string appSign;
        public ZegoScenario scenario;
    }

    public class ZegoLogConfig
    {
        public string logPath;
        public ulong logSize;
        public ZegoLogConfig() { logPath = ""; logSize = 5 * 1024 * 1024; }
    }

    public class ZegoEngineConfig
    {
        public ZegoLogConfig logConfig;
        public Dictionary<string, string> advancedConfig;
    }

    // Media: the few types the keep-ZEGO's-media example uses (ZEGO's 3.x C# defines; fields abridged).
    public class ZegoCanvas
    {
        public System.IntPtr view;
        public ZegoViewMode viewMode;
        public int backgroundColor;
    }

    public class ZegoPlayerConfig { public string roomID; }

    public class IZegoEventHandler
    {
        public delegate void OnRoomStateUpdate(string roomID, ZegoRoomState state, int errorCode, string extendedData);
        public delegate void OnRoomStateChanged(string roomID, ZegoRoomStateChangedReason reason, int errorCode, string extendedData);
        public delegate void OnRoomUserUpdate(string roomID, ZegoUpdateType updateType, List<ZegoUser> userList, uint userCount);
        public delegate void OnRoomOnlineUserCountUpdate(string roomID, int count);
        public delegate void OnRoomStreamUpdate(string roomID, ZegoUpdateType updateType, List<ZegoStream> streamList, string extendedData);
        public delegate void OnRoomStreamExtraInfoUpdate(string roomID, List<ZegoStream> streamList);
        public delegate void OnRoomExtraInfoUpdate(string roomID, List<ZegoRoomExtraInfo> roomExtraInfoList);
        public delegate void OnRoomTokenWillExpire(string roomID, int remainTimeInSecond);
        public delegate void OnNetworkQuality(string userID, ZegoStreamQualityLevel upstreamQuality, ZegoStreamQualityLevel downstreamQuality);
        public delegate void OnDebugError(int errorCode, string funcName, string info);
    }

    public delegate void OnRoomLoginResult(int errorCode, string extendedData);
    public delegate void OnRoomLogoutResult(int errorCode, string extendedData);
    public delegate void OnRoomSetRoomExtraInfoResult(int errorCode);
    public delegate void IZegoDestroyCompletionCallback();
}
