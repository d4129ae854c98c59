// The C# half of the core's "native" driver: runs the core's commands on ZEGO's Unity SDK and hands ZEGO's
// room callbacks back to the core (docs/BOUNDARY.md, "The native driver"). Compiled only when ZEGO's SDK
// is in the project: ZegoRoomBridge.Native.asmdef needs the define ZRB_ZEGO_SDK and references ZEGO's
// assembly as "ZegoExpressEngine" (Documentation~/reference.md, "Per-platform drivers", says how to adjust both).
// It compiles against ZEGO Express Unity SDK 2.18.0 or newer (MinimumZegoSdkVersion).
using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using UnityEngine;
using Z = ZEGO;

namespace ZegoRoomBridge.Native
{
    public sealed class ZegoNativeRoomAdapter : INativeRoomAdapter
    {
        /// <summary>
        /// The oldest ZEGO Express Unity SDK this adapter compiles against: the newest member it uses,
        /// onRoomStateChanged and LoginRoom with a result callback, is "Available since: 2.18.0" in ZEGO's
        /// API reference (SetRoomMode 2.9.0, CreateEngine(ZegoEngineProfile) 2.14.0, SetLogConfig 2.3.0).
        /// Documentation~/keep-zego-media.md names the same version (a test checks).
        /// </summary>
        public const string MinimumZegoSdkVersion = "2.18.0";

        /// <summary>Makes the bridge's native players use this adapter. Unity calls it once per domain; tests call it directly.</summary>
        [RuntimeInitializeOnLoadMethod(RuntimeInitializeLoadType.AfterAssembliesLoaded)]
        public static void Register()
        {
            NativeRoomDriver.AdapterFactory = (profile, events) => new ZegoNativeRoomAdapter(profile, events);
            NativeRoomDriver.SdkVersion = Z.ZegoExpressEngine.GetVersion;
            NativeRoomDriver.ForwardLogConfig = config => Z.ZegoExpressEngine.SetLogConfig(ToZego(config));
            NativeRoomDriver.ForwardEngineConfig = config => Z.ZegoExpressEngine.SetEngineConfig(ToZego(config));
        }

        // Any code works: the core only needs a non-zero, non-retryable failure for a login ZEGO never took.
        const int InnerError = 1002099;

        readonly ZegoEngineProfile profile;
        readonly INativeRoomEvents events;
        Z.ZegoExpressEngine zego;
        bool ownsEngine;
        volatile bool disposed;

        // The bridge's handlers on ZEGO's fields: kept so Dispose removes exactly these (the app may have
        // handlers of its own there) and so each Tick can put back one the app's '=' removed.
        ZegoHandlerWatch<Z.IZegoEventHandler.OnRoomStateChanged> stateChanged;
        ZegoHandlerWatch<Z.IZegoEventHandler.OnRoomUserUpdate> userUpdate;
        ZegoHandlerWatch<Z.IZegoEventHandler.OnRoomOnlineUserCountUpdate> countUpdate;
        ZegoHandlerWatch<Z.IZegoEventHandler.OnRoomTokenWillExpire> tokenWillExpire;
        ZegoHandlerWatch<Z.IZegoEventHandler.OnDebugError> debugError;

        public ZegoNativeRoomAdapter(ZegoEngineProfile profile, INativeRoomEvents events)
        {
            this.profile = profile ?? throw new ArgumentNullException(nameof(profile));
            this.events = events ?? throw new ArgumentNullException(nameof(events));
        }

        public void Execute(string command, JArray a)
        {
            if (disposed) return;
            CheckHandlers();  // an app delegate raised earlier in this frame may have just assigned one with '='
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
                        if (code != 0) BridgeLog.Warn("ZEGO's LogoutRoom(\"" + roomID + "\") answered " + code);
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
                    BridgeLog.Warn("the ZEGO adapter does not know the command \"" + command + "\" (core.mjs newer than this C#?)");
                    return;
            }
        }

        /// <summary>Each frame: the bridge's handlers are still on ZEGO's fields (no allocation when no field changed).</summary>
        public void Tick()
        {
            if (!disposed) CheckHandlers();
        }

        /// <summary>Unhooks the delegates and destroys ZEGO's engine when this adapter created it. Idempotent.</summary>
        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            var e = zego;
            zego = null;
            if (e == null || stateChanged == null) return;
            stateChanged.Detach(e);
            userUpdate.Detach(e);
            countUpdate.Detach(e);
            tokenWillExpire.Detach(e);
            debugError.Detach(e);
            if (ownsEngine) Z.ZegoExpressEngine.DestroyEngine();
        }

        void CheckHandlers()
        {
            var e = zego;
            if (e == null || stateChanged == null) return;
            stateChanged.Check(e);
            userUpdate.Check(e);
            countUpdate.Check(e);
            tokenWillExpire.Check(e);
            debugError.Check(e);
        }

        void CreateEngine(Z.ZegoRoomMode mode)
        {
            zego = Z.ZegoExpressEngine.GetEngine();
            if (zego != null)
            {
                // The app made ZEGO's engine itself (for media): use it as it is, and leave it alive on destroy.
                BridgeLog.Warn("ZEGO's engine already exists; the bridge uses it (its room mode cannot change now)");
            }
            else
            {
                // ZEGO: these only before CreateEngine. The app's own calls on ZEGO's engine class, if any, came earlier.
                if (NativeRoomDriver.EngineConfig != null) Z.ZegoExpressEngine.SetEngineConfig(ToZego(NativeRoomDriver.EngineConfig));
                if (NativeRoomDriver.LogConfig != null) Z.ZegoExpressEngine.SetLogConfig(ToZego(NativeRoomDriver.LogConfig));
                Z.ZegoExpressEngine.SetRoomMode(mode);
                zego = Z.ZegoExpressEngine.CreateEngine(new Z.ZegoEngineProfile
                {
                    appID = profile.appID,
                    appSign = profile.appSign,
                    scenario = (Z.ZegoScenario)(int)profile.scenario,
                });
                ownsEngine = zego != null;
                if (zego == null) { BridgeLog.Error("ZEGO's CreateEngine returned null; every login will fail with " + InnerError); return; }
            }
            Hook(zego);
        }

        void Hook(Z.ZegoExpressEngine e)
        {
            // onRoomStateUpdate is left alone: the core derives it from the reasons, as ZEGO does, and
            // hearing both would count every change twice.
            stateChanged = new ZegoHandlerWatch<Z.IZegoEventHandler.OnRoomStateChanged>("onRoomStateChanged",
                (roomID, reason, code, ext) => Post("onRoomStateChanged", roomID, (int)reason, code, ext ?? ""),
                z => z.onRoomStateChanged, (z, d) => z.onRoomStateChanged = d);
            userUpdate = new ZegoHandlerWatch<Z.IZegoEventHandler.OnRoomUserUpdate>("onRoomUserUpdate",
                (roomID, type, users, count) => Post("onRoomUserUpdate", roomID, (int)type, Users(users), count),
                z => z.onRoomUserUpdate, (z, d) => z.onRoomUserUpdate = d);
            countUpdate = new ZegoHandlerWatch<Z.IZegoEventHandler.OnRoomOnlineUserCountUpdate>("onRoomOnlineUserCountUpdate",
                (roomID, count) => Post("onRoomOnlineUserCountUpdate", roomID, count),
                z => z.onRoomOnlineUserCountUpdate, (z, d) => z.onRoomOnlineUserCountUpdate = d);
            tokenWillExpire = new ZegoHandlerWatch<Z.IZegoEventHandler.OnRoomTokenWillExpire>("onRoomTokenWillExpire",
                (roomID, remain) => Post("onRoomTokenWillExpire", roomID, remain),
                z => z.onRoomTokenWillExpire, (z, d) => z.onRoomTokenWillExpire = d);
            debugError = new ZegoHandlerWatch<Z.IZegoEventHandler.OnDebugError>("onDebugError",
                (code, funcName, info) => Post("onDebugError", code, funcName ?? "", info ?? ""),
                z => z.onDebugError, (z, d) => z.onDebugError = d);
            stateChanged.Attach(e);
            userUpdate.Attach(e);
            countUpdate.Attach(e);
            tokenWillExpire.Attach(e);
            debugError.Attach(e);
        }

        static Z.ZegoLogConfig ToZego(ZegoLogConfig c) =>
            c == null ? null : new Z.ZegoLogConfig { logPath = c.logPath, logSize = c.logSize };

        static Z.ZegoEngineConfig ToZego(ZegoEngineConfig c) => new Z.ZegoEngineConfig
        {
            logConfig = ToZego(c.logConfig),
            advancedConfig = c.advancedConfig == null ? null : new Dictionary<string, string>(c.advancedConfig),
        };

        void LoginRoom(string roomID, JObject user, JObject config, int seq)
        {
            if (zego == null) { Post("loginResult", roomID, seq, InnerError, ""); return; }
            var zegoUser = new Z.ZegoUser { userID = user?.Value<string>("userID"), userName = user?.Value<string>("userName") };
            // The result callback answers this command only (seq): a late one for an older login is dropped by the core.
            try { zego.LoginRoom(roomID, zegoUser, Config(config), (code, ext) => Post("loginResult", roomID, seq, code, ext ?? "")); }
            catch (Exception e)
            {
                BridgeLog.Error("ZEGO's LoginRoom threw", e);
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
                BridgeLog.Error("ZEGO's SwitchRoom threw", e);
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
            BridgeLog.Error(call + " skipped: ZEGO's engine could not be created");
    }
}
