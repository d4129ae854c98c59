// ZEGO's abstract engine with its static factory and public delegate fields (ZEGO's Unity API reference, docs/SOURCES.md), and the
// fake behind it: every call is recorded as one line, and tests raise the delegates, from any thread.
using System.Collections.Generic;
using System.Threading;

namespace ZEGO
{
    public abstract class ZegoExpressEngine
    {
        static ZegoExpressEngine engine;
        static ZegoRoomMode mode = ZegoRoomMode.SingleRoom;

        /// <summary>Every call into the SDK, in order, e.g. "LoginRoom(room1, A/Alice, max=0 notify=True token=tok-1, callback)".</summary>
        public static readonly List<string> Calls = new List<string>();
        /// <summary>The mode SetRoomMode set (what CreateEngine would use).</summary>
        public static ZegoRoomMode RoomMode => mode;

        public static ZegoExpressEngine CreateEngine(ZegoEngineProfile profile)
        {
            Record("CreateEngine(" + profile.appID + ", " + profile.appSign + ", " + profile.scenario + ")");
            if (engine == null) engine = new FakeEngine();
            return engine;
        }

        public static void DestroyEngine(IZegoDestroyCompletionCallback onDestroyCompletion = null)
        {
            Record("DestroyEngine");
            engine = null;
            onDestroyCompletion?.Invoke();
        }

        public static ZegoExpressEngine GetEngine() => engine;

        /// <summary>What GetVersion answers (a test may change it).</summary>
        public static string Version = "3.14.5";

        public static string GetVersion() => Version;

        public static void SetLogConfig(ZegoLogConfig config) => Record("SetLogConfig(" + config.logPath + ", " + config.logSize + ")");

        public static void SetEngineConfig(ZegoEngineConfig config)
        {
            var pairs = new List<string>();
            if (config.advancedConfig != null)
                foreach (var kv in config.advancedConfig) pairs.Add(kv.Key + "=" + kv.Value);
            pairs.Sort(System.StringComparer.Ordinal);
            Record("SetEngineConfig(" + string.Join(" ", pairs) + (config.logConfig == null ? "" : ", log " + config.logConfig.logPath) + ")");
        }

        [System.Obsolete("Deprecated since 2.14.0, please use CreateEngine(ZegoEngineProfile) instead")]
        public static ZegoExpressEngine CreateEngine(uint appID, string appSign, bool isTestEnv, ZegoScenario scenario) =>
            CreateEngine(new ZegoEngineProfile { appID = appID, appSign = appSign, scenario = scenario });

        public static void SetRoomMode(ZegoRoomMode mode)
        {
            Record("SetRoomMode(" + mode + ")");
            ZegoExpressEngine.mode = mode;
        }

        public abstract void LoginRoom(string roomID, ZegoUser user, ZegoRoomConfig config = null);
        public abstract void LoginRoom(string roomID, ZegoUser user, ZegoRoomConfig config, OnRoomLoginResult callback = null);
        public abstract void LogoutRoom(OnRoomLogoutResult callback = null);
        public abstract void LogoutRoom(string roomID, OnRoomLogoutResult callback = null);
        public abstract void SwitchRoom(string fromRoomID, string toRoomID, ZegoRoomConfig config = null);
        public abstract void RenewToken(string roomID, string token);
        public abstract void SetRoomExtraInfo(string roomID, string key, string value, OnRoomSetRoomExtraInfoResult onRoomSetRoomExtraInfoResult);

        // Media, with the Unity SDK's signatures: what a game keeps ZEGO's SDK for.
        public abstract void StartPublishingStream(string streamID, ZegoPublishChannel channel = ZegoPublishChannel.Main);
        public abstract void StopPublishingStream(ZegoPublishChannel channel = ZegoPublishChannel.Main);
        public abstract void StartPlayingStream(string streamId, ZegoCanvas canvas, ZegoPlayerConfig config = null);
        public abstract void StopPlayingStream(string streamID);

        public IZegoEventHandler.OnRoomStateUpdate onRoomStateUpdate;
        public IZegoEventHandler.OnRoomStateChanged onRoomStateChanged;
        public IZegoEventHandler.OnRoomUserUpdate onRoomUserUpdate;
        public IZegoEventHandler.OnRoomOnlineUserCountUpdate onRoomOnlineUserCountUpdate;
        public IZegoEventHandler.OnRoomStreamUpdate onRoomStreamUpdate;
        public IZegoEventHandler.OnRoomStreamExtraInfoUpdate onRoomStreamExtraInfoUpdate;
        public IZegoEventHandler.OnRoomExtraInfoUpdate onRoomExtraInfoUpdate;
        public IZegoEventHandler.OnRoomTokenWillExpire onRoomTokenWillExpire;
        public IZegoEventHandler.OnDebugError onDebugError;

        /// <summary>Back to "SDK never used" (each test).</summary>
        public static void ResetFake()
        {
            engine = null;
            Version = "3.14.5";
            mode = ZegoRoomMode.SingleRoom;
            lock (Calls) Calls.Clear();
        }

        internal static void Record(string call)
        {
            lock (Calls) Calls.Add(call);
        }
    }

    /// <summary>The fake SDK: records calls, keeps each login's callback, and lets tests play ZEGO's callbacks.</summary>
    public sealed class FakeEngine : ZegoExpressEngine
    {
        /// <summary>The callback of the last LoginRoom per room.</summary>
        public readonly Dictionary<string, OnRoomLoginResult> LoginCallbacks = new Dictionary<string, OnRoomLoginResult>();

        public static FakeEngine Current => (FakeEngine)GetEngine();

        public override void LoginRoom(string roomID, ZegoUser user, ZegoRoomConfig config = null) => LoginRoom(roomID, user, config, null);

        public override void LoginRoom(string roomID, ZegoUser user, ZegoRoomConfig config, OnRoomLoginResult callback = null)
        {
            Record("LoginRoom(" + roomID + ", " + user.userID + "/" + user.userName + ", " + Describe(config) + (callback == null ? ")" : ", callback)"));
            LoginCallbacks[roomID] = callback;
        }

        public override void LogoutRoom(OnRoomLogoutResult callback = null) => Record("LogoutRoom()");

        public override void LogoutRoom(string roomID, OnRoomLogoutResult callback = null)
        {
            Record("LogoutRoom(" + roomID + (callback == null ? ")" : ", callback)"));
            callback?.Invoke(0, "");
        }

        public override void SwitchRoom(string fromRoomID, string toRoomID, ZegoRoomConfig config = null) =>
            Record("SwitchRoom(" + fromRoomID + ", " + toRoomID + ", " + Describe(config) + ")");

        public override void RenewToken(string roomID, string token) => Record("RenewToken(" + roomID + ", " + token + ")");

        public override void SetRoomExtraInfo(string roomID, string key, string value, OnRoomSetRoomExtraInfoResult onRoomSetRoomExtraInfoResult) =>
            Record("SetRoomExtraInfo(" + roomID + ", " + key + ")");

        public override void StartPublishingStream(string streamID, ZegoPublishChannel channel = ZegoPublishChannel.Main) =>
            Record("StartPublishingStream(" + streamID + ", " + channel + ")");

        public override void StopPublishingStream(ZegoPublishChannel channel = ZegoPublishChannel.Main) => Record("StopPublishingStream(" + channel + ")");

        public override void StartPlayingStream(string streamId, ZegoCanvas canvas, ZegoPlayerConfig config = null) =>
            Record("StartPlayingStream(" + streamId + (canvas == null ? ", no canvas" : ", canvas") + ")");

        public override void StopPlayingStream(string streamID) => Record("StopPlayingStream(" + streamID + ")");

        // ---- ZEGO's side of the story -----------------------------------------------------------------

        public void RoomStateChanged(string roomID, ZegoRoomStateChangedReason reason, int errorCode, string extendedData = "") =>
            onRoomStateChanged?.Invoke(roomID, reason, errorCode, extendedData);

        /// <summary>Runs `raise` on a thread of its own and waits for it: ZEGO's callbacks come from its threads.</summary>
        public static void OnBackgroundThread(System.Action raise)
        {
            var t = new Thread(() => raise());
            t.Start();
            t.Join();
        }

        static string Describe(ZegoRoomConfig c) =>
            c == null ? "null" : "max=" + c.maxMemberCount + " notify=" + c.isUserStatusNotify + " token=" + (c.token ?? "null");
    }
}
