// Compile test: ZEGO's own Unity usage (ZEGO's Unity API reference and examples, docs/SOURCES.md), with only the using line
// changed from `using ZEGO;`. If this file stops compiling, the API is no longer a drop-in.
using System.Collections.Generic;
using UnityEngine;
using ZegoRoomBridge;

namespace ZegoRoomBridge.Tests.ZegoUsage
{
    public class VideoTalkLikeZegoExample
    {
        ZegoExpressEngine engine;
        public string roomID = "room1";
        public ZegoUser user = new ZegoUser("user1");
        public List<string> seen = new List<string>();

        public void InitAndLogin(uint appID, string appSign)
        {
            ZegoExpressEngine.SetRoomMode(ZegoRoomMode.SingleRoom);
            ZegoEngineProfile profile = new ZegoEngineProfile();
            profile.appID = appID;
            profile.appSign = appSign;
            profile.scenario = ZegoScenario.Default;
            engine = ZegoExpressEngine.CreateEngine(profile);
            engine = ZegoExpressEngine.GetEngine();

            engine.onRoomStateUpdate = OnRoomStateUpdate;
            engine.onRoomStateChanged = OnRoomStateChanged;
            engine.onRoomUserUpdate = OnRoomUserUpdate;
            engine.onRoomOnlineUserCountUpdate = OnRoomOnlineUserCountUpdate;
            engine.onRoomTokenWillExpire = OnRoomTokenWillExpire;
            engine.onDebugError = OnDebugError;

            ZegoRoomConfig config = new ZegoRoomConfig();
            config.isUserStatusNotify = true;
            config.maxMemberCount = 0;
            config.token = null;
            engine.LoginRoom(roomID, user, config);
            engine.LoginRoom(roomID, user);
        }

        public void LoginWithCallback(ZegoRoomConfig config)
        {
            engine.LoginRoom(roomID, user, config, (int errorCode, string extendedData) => seen.Add("login " + errorCode));
            engine.LoginRoom(roomID, user, config, OnLoginResult);
        }

        public void Others()
        {
            engine.SwitchRoom(roomID, "room2");
            engine.SwitchRoom("room2", roomID, new ZegoRoomConfig());
            engine.RenewToken(roomID, "token");
            engine.LogoutRoom(roomID);
            engine.LogoutRoom(roomID, (errorCode, extendedData) => seen.Add("logout " + errorCode));
            engine.LogoutRoom();
            engine.LogoutRoom((errorCode, extendedData) => seen.Add("logout all " + errorCode));
            ZegoExpressEngine.DestroyEngine();
            ZegoExpressEngine.DestroyEngine(() => seen.Add("destroyed"));
        }

        void OnLoginResult(int errorCode, string extendedData) { seen.Add("login " + errorCode); }
        void OnRoomStateUpdate(string roomID, ZegoRoomState state, int errorCode, string extendedData) { seen.Add("state " + state); }
        void OnRoomStateChanged(string roomID, ZegoRoomStateChangedReason reason, int errorCode, string extendedData) { seen.Add(reason + " " + errorCode); }
        void OnRoomUserUpdate(string roomID, ZegoUpdateType updateType, List<ZegoUser> userList, uint userCount) { seen.Add(updateType + " " + userCount); }
        void OnRoomOnlineUserCountUpdate(string roomID, int count) { seen.Add("count " + count); }
        void OnRoomTokenWillExpire(string roomID, int remainTimeInSecond) { seen.Add("token " + remainTimeInSecond); }
        void OnDebugError(int errorCode, string funcName, string info) { seen.Add("debug " + errorCode); }

        // The delegate types are reachable where ZEGO declares them.
        public IZegoEventHandler.OnRoomStateChanged handlerField;
        public OnRoomLoginResult loginResult;
        public OnRoomLogoutResult logoutResult;
        public IZegoDestroyCompletionCallback destroyCallback;
    }

    /// <summary>
    /// The room parts of ZEGO's Unity QuickStart and Setting example scripts: version, log and engine
    /// settings before the engine, the old four-argument factory (obsolete, warns as in ZEGO's SDK),
    /// handlers bound with '=', login and logout.
    /// </summary>
    public class QuickStartLikeZegoExample
    {
        ZegoExpressEngine engine;
        string roomID = "QuickStartRoom-1";
        public List<string> seen = new List<string>();

        public void ShowVersion()
        {
            Debug.Log("SDK version: " + ZegoExpressEngine.GetVersion());
        }

        public void SetUpBeforeCreating()
        {
            ZegoLogConfig logConfig = new ZegoLogConfig();
            logConfig.logPath = "";
            logConfig.logSize = 5 * 1024 * 1024;
            ZegoExpressEngine.SetLogConfig(logConfig);

            ZegoEngineConfig engineConfig = new ZegoEngineConfig();
            engineConfig.advancedConfig = new Dictionary<string, string>();
            engineConfig.advancedConfig["video_data_image_process_enable"] = "true";
            ZegoExpressEngine.SetEngineConfig(engineConfig);
        }

        public void CreateOldStyle(uint appID, string appSign)
        {
#pragma warning disable CS0618 // obsolete in ZEGO's SDK as here: ZEGO's script gets the same warning
            engine = ZegoExpressEngine.CreateEngine(appID, appSign, true, ZegoScenario.General);
#pragma warning restore CS0618
            engine.onRoomStateUpdate = OnRoomStateUpdate;
            engine.onRoomStateChanged = OnRoomStateChanged;
        }

        public void Login()
        {
            ZegoUser user = new ZegoUser("user1");
            user.userName = "user1";
            engine.LoginRoom(roomID, user);
        }

        public void Logout()
        {
            engine.LogoutRoom(roomID);
            ZegoExpressEngine.DestroyEngine();
        }

        void OnRoomStateUpdate(string roomID, ZegoRoomState state, int errorCode, string extendedData)
        {
            seen.Add("OnRoomStateUpdate, roomID: " + roomID + ", state: " + state + ", errorCode: " + errorCode);
        }

        void OnRoomStateChanged(string roomID, ZegoRoomStateChangedReason reason, int errorCode, string extendedData)
        {
            seen.Add("OnRoomStateChanged, roomID: " + roomID + ", reason: " + reason + ", errorCode: " + errorCode);
        }
    }
}
