// The C# half of the core's "native" driver: runs the core's commands on ZEGO's Unity SDK and hands ZEGO's
// room callbacks back to the core (docs/BOUNDARY.md, "The native driver"). Compiled only when ZEGO's SDK
// is in the project: ZegoRoomBridge.Native.asmdef needs the define ZRB_ZEGO_SDK and references ZEGO's
// assembly as "ZegoExpressEngine" (docs/UNITY.md, "Per-platform drivers", says how to adjust both).
using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using UnityEngine;
using Z = ZEGO;

namespace ZegoRoomBridge.Native
{
    public sealed class ZegoNativeRoomAdapter : INativeRoomAdapter
    {
        /// <summary>Makes the bridge's native players use this adapter. Unity calls it once per domain; tests call it directly.</summary>
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.AfterAssembliesLoaded)]
        public static void Register()
        {
            NativeRoomDriver.AdapterFactory = (profile, events) => new ZegoNativeRoomAdapter(profile, events);
        }

        // Any code works: the core only needs a non-zero, non-retryable failure for a login ZEGO never took.
        const int InnerError = 1002099;

        readonly ZegoEngineProfile profile;
        readonly INativeRoomEvents events;
        Z.ZegoExpressEngine zego;
        bool ownsEngine;
        volatile bool disposed;

        // Kept so Dispose removes exactly these (the app may have handlers of its own on ZEGO's engine).
        Z.IZegoEventHandler.OnRoomStateChanged stateChanged;
        Z.IZegoEventHandler.OnRoomUserUpdate userUpdate;
        Z.IZegoEventHandler.OnRoomOnlineUserCountUpdate countUpdate;
        Z.IZegoEventHandler.OnRoomTokenWillExpire tokenWillExpire;
        Z.IZegoEventHandler.OnDebugError debugError;

        public ZegoNativeRoomAdapter(ZegoEngineProfile profile, INativeRoomEvents events)
        {
            this.profile = profile ?? throw new ArgumentNullException(nameof(profile));
            this.events = events ?? throw new ArgumentNullException(nameof(events));
        }

        public void Execute(string command, JArray a)
        {
            if (disposed) return;
            switch (command)
            {
                case "createEngine":
                    CreateEngine((Z.ZegoRoomMode)(int)a[1]);
                    return;
                case "loginRoom":
                    LoginRoom((string)a[0], a[1] as JObject, a[2] as JObject, (int)a[3]);
                    return;
                case "switchRoom":
                    SwitchRoom((string)a[0], (string)a[1], a[2] as JObject);
                    return;
                case "logoutRoom":
                    if (zego == null) return;
                    var roomID = (string)a[0];
                    zego.LogoutRoom(roomID, (code, ext) =>
                    {
                        if (code != 0) Debug.LogWarning("zego-room-bridge: ZEGO's LogoutRoom(\"" + roomID + "\") answered " + code);
                    });
                    return;
                case "renewToken":
                    if (zego == null) { NoEngine("RenewToken"); return; }
                    zego.RenewToken((string)a[0], (string)a[1]);
                    return;
                case "destroyEngine":
                    Dispose();
                    return;
                default:
                    Debug.LogWarning("zego-room-bridge: the ZEGO adapter does not know the command \"" + command + "\" (core.mjs newer than this C#?)");
                    return;
            }
        }

        /// <summary>Unhooks the delegates and destroys ZEGO's engine when this adapter created it. Idempotent.</summary>
        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            var e = zego;
            zego = null;
            if (e == null) return;
            e.onRoomStateChanged -= stateChanged;
            e.onRoomUserUpdate -= userUpdate;
            e.onRoomOnlineUserCountUpdate -= countUpdate;
            e.onRoomTokenWillExpire -= tokenWillExpire;
            e.onDebugError -= debugError;
            if (ownsEngine) Z.ZegoExpressEngine.DestroyEngine();
        }

        void CreateEngine(Z.ZegoRoomMode mode)
        {
            zego = Z.ZegoExpressEngine.GetEngine();
            if (zego != null)
            {
                // The app made ZEGO's engine itself (for media): use it as it is, and leave it alive on destroy.
                Debug.LogWarning("zego-room-bridge: ZEGO's engine already exists; the bridge uses it (its room mode cannot change now)");
            }
            else
            {
                // ZEGO: SetRoomMode only before CreateEngine.
                Z.ZegoExpressEngine.SetRoomMode(mode);
                zego = Z.ZegoExpressEngine.CreateEngine(new Z.ZegoEngineProfile
                {
                    appID = profile.appID,
                    appSign = profile.appSign,
                    scenario = (Z.ZegoScenario)(int)profile.scenario,
                });
                ownsEngine = zego != null;
                if (zego == null) { Debug.LogError("zego-room-bridge: ZEGO's CreateEngine returned null; every login will fail with " + InnerError); return; }
            }
            Hook(zego);
        }

        void Hook(Z.ZegoExpressEngine e)
        {
            // onRoomStateUpdate is left alone: the core derives it from the reasons, as ZEGO does, and
            // hearing both would count every change twice.
            stateChanged = (roomID, reason, code, ext) => Post("onRoomStateChanged", roomID, (int)reason, code, ext ?? "");
            userUpdate = (roomID, type, users, count) => Post("onRoomUserUpdate", roomID, (int)type, Users(users), count);
            countUpdate = (roomID, count) => Post("onRoomOnlineUserCountUpdate", roomID, count);
            tokenWillExpire = (roomID, remain) => Post("onRoomTokenWillExpire", roomID, remain);
            debugError = (code, funcName, info) => Post("onDebugError", code, funcName ?? "", info ?? "");
            e.onRoomStateChanged += stateChanged;
            e.onRoomUserUpdate += userUpdate;
            e.onRoomOnlineUserCountUpdate += countUpdate;
            e.onRoomTokenWillExpire += tokenWillExpire;
            e.onDebugError += debugError;
        }

        void LoginRoom(string roomID, JObject user, JObject config, int seq)
        {
            if (zego == null) { Post("loginResult", roomID, seq, InnerError, ""); return; }
            var zegoUser = new Z.ZegoUser { userID = user?.Value<string>("userID"), userName = user?.Value<string>("userName") };
            // The result callback answers this command only (seq): a late one for an older login is dropped by the core.
            try { zego.LoginRoom(roomID, zegoUser, Config(config), (code, ext) => Post("loginResult", roomID, seq, code, ext ?? "")); }
            catch (Exception e)
            {
                Debug.LogError("zego-room-bridge: ZEGO's LoginRoom threw: " + e.GetType().Name + ": " + e.Message);
                Post("loginResult", roomID, seq, InnerError, "");
            }
        }

        void SwitchRoom(string fromRoomID, string toRoomID, JObject config)
        {
            // SwitchRoom has no callback: the target's onRoomStateChanged answers, so a failure to call is reported that way.
            if (zego == null) { Post("onRoomStateChanged", toRoomID, (int)Z.ZegoRoomStateChangedReason.LoginFailed, InnerError, ""); return; }
            try { zego.SwitchRoom(fromRoomID, toRoomID, Config(config)); }
            catch (Exception e)
            {
                Debug.LogError("zego-room-bridge: ZEGO's SwitchRoom threw: " + e.GetType().Name + ": " + e.Message);
                Post("onRoomStateChanged", toRoomID, (int)Z.ZegoRoomStateChangedReason.LoginFailed, InnerError, "");
            }
        }

        static Z.ZegoRoomConfig Config(JObject c)
        {
            var config = new Z.ZegoRoomConfig();
            if (c == null) return config;
            config.maxMemberCount = c.Value<uint?>("maxMemberCount") ?? 0;
            config.isUserStatusNotify = c.Value<bool?>("isUserStatusNotify") ?? false;
            config.token = c.Value<string>("token");  // absent: null, ZEGO's own default (AppSign authentication)
            return config;
        }

        static JArray Users(List<Z.ZegoUser> users)
        {
            var list = new JArray();
            if (users == null) return list;
            foreach (var u in users)
                if (u != null) list.Add(new JObject { ["userID"] = u.userID, ["userName"] = u.userName ?? "" });
            return list;
        }

        /// <summary>From ZEGO's thread, whichever it is: the sink queues it for the main thread.</summary>
        void Post(string name, params object[] args)
        {
            if (disposed) return;
            var a = new JArray();
            foreach (var v in args) a.Add(v is JToken t ? t : new JValue(v));
            events.Post(name, a);
        }

        static void NoEngine(string call) =>
            Debug.LogError("zego-room-bridge: " + call + " skipped: ZEGO's engine could not be created");
    }
}
