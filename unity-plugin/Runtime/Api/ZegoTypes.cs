using System.Collections.Generic;

// ZEGO's Unity data classes with ZEGO's field names, types and defaults (ZEGO's Unity API reference), so code
// written against `using ZEGO;` compiles unchanged against `using ZegoRoomBridge;`.
namespace ZegoRoomBridge
{
    /// <summary>A user in a room. userID: up to 64 bytes of letters, digits and ~!@#$%^&amp;*()_+=-`;',.&lt;&gt;\</summary>
    public class ZegoUser
    {
        public string userID;
        public string userName;

        /// <summary>As ZEGO's: userName = userId.</summary>
        public ZegoUser(string userId)
        {
            userID = userId;
            userName = userId;
        }

        public ZegoUser() { }
    }

    /// <summary>Advanced room configuration. C# defaults, as ZEGO's class: 0 (unlimited), false, null (no token).</summary>
    public class ZegoRoomConfig
    {
        /// <summary>The maximum number of users in the room; 0 = unlimited.</summary>
        public uint maxMemberCount;
        /// <summary>Receive OnRoomUserUpdate for this room. Default false.</summary>
        public bool isUserStatusNotify;
        /// <summary>Token04 from your server; never logged by the bridge.</summary>
        public string token;
    }

    /// <summary>ZEGO's application scenarios (values as in ZEGO's 3.x C# SDK): the native driver hands it to ZEGO's CreateEngine; the other drivers ignore it.</summary>
    public enum ZegoScenario
    {
        General = 0,
        Communication = 1,
        Live = 2,
        Default = 3,
        StandardVideoCall = 4,
        HighQualityVideoCall = 5,
        StandardChatroom = 6,
        HighQualityChatroom = 7,
        Broadcast = 8,
        Karaoke = 9,
        StandardVoiceCall = 10,
    }

    /// <summary>What CreateEngine takes, as ZEGO's. Bridge-only settings live in ZegoRoomBridgeSettings.</summary>
    public class ZegoEngineProfile
    {
        public uint appID;
        public string appSign;
        public ZegoScenario scenario;
    }

    /// <summary>
    /// ZEGO's log settings (SetLogConfig), with ZEGO's C# defaults. Only ZEGO's Unity SDK writes these logs:
    /// the native driver hands them to ZEGO before its CreateEngine; the simulator and WebGL record them.
    /// </summary>
    public class ZegoLogConfig
    {
        /// <summary>Folder for ZEGO's log files; "" = the platform's default.</summary>
        public string logPath;
        /// <summary>Maximum size of one log file in bytes (ZEGO: 1 MB to 100 MB, 0 = no log); default 5 MB.</summary>
        public ulong logSize;

        public ZegoLogConfig()
        {
            logPath = "";
            logSize = 5 * 1024 * 1024;
        }
    }

    /// <summary>ZEGO's advanced engine settings (SetEngineConfig), as its C# class: no constructor, null defaults.</summary>
    public class ZegoEngineConfig
    {
        /// <summary>ZEGO deprecated this field in 2.3.0 for SetLogConfig; still forwarded as given.</summary>
        public ZegoLogConfig logConfig;
        /// <summary>ZEGO's special switches (keys from ZEGO's support); forwarded unchanged.</summary>
        public Dictionary<string, string> advancedConfig;
    }
}
