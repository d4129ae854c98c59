using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge
{
    /// <summary>
    /// ZEGO's Unity engine API for rooms, over the TypeScript core: same static factory, same public
    /// delegate fields, same methods. Delegates are raised on the main thread during the per-frame Tick.
    /// The layers below: JsChannel (the core), DriverRequests (createEngine per driver), NativePump
    /// (ZEGO's Unity SDK), Diagnostics (the debug panel's text), BridgeLog (every log line).
    /// </summary>
    public sealed class ZegoExpressEngine
    {
        static volatile ZegoExpressEngine instance;
        /// <summary>
        /// Answers owed after DestroyEngine (its callback, 1000002 to calls on a kept reference), from any
        /// thread: delivered on the main thread by the next Tick, whether or not an engine exists then.
        /// </summary>
        static readonly MainThreadQueue afterDestroy = new MainThreadQueue();
        static ZegoRoomMode roomMode = ZegoRoomMode.SingleRoom;

        public IZegoEventHandler.OnRoomStateUpdate onRoomStateUpdate;
        public IZegoEventHandler.OnRoomStateChanged onRoomStateChanged;
        public IZegoEventHandler.OnRoomUserUpdate onRoomUserUpdate;
        public IZegoEventHandler.OnRoomOnlineUserCountUpdate onRoomOnlineUserCountUpdate;
        public IZegoEventHandler.OnRoomTokenWillExpire onRoomTokenWillExpire;
        public IZegoEventHandler.OnDebugError onDebugError;

        readonly JsChannel channel;
        readonly MainThreadQueue mainThread = new MainThreadQueue();
        readonly Dictionary<int, Delegate> resultCallbacks = new Dictionary<int, Delegate>();
        readonly Dictionary<string, string> userOfRoom = new Dictionary<string, string>();
        readonly Diagnostics diagnostics = new Diagnostics();
        int nextCallbackId = 1;
        volatile bool destroyed;
        /// <summary>ZEGO's Unity SDK behind the "native" driver; null for the other drivers.</summary>
        NativePump native;

        ZegoExpressEngine(IScriptHost host, string engineId, string clientId, ZegoRoomDriverKind driver, string world)
        {
            channel = new JsChannel(host, engineId);
            ClientId = clientId;
            Driver = driver;
            SimulatorWorld = world;
        }

        /// <summary>The room driver the core runs for this engine.</summary>
        public ZegoRoomDriverKind Driver { get; }
        internal string ClientId { get; }
        internal string SimulatorWorld { get; }
        internal bool IsDestroyed => destroyed;
        /// <summary>The last events raised while a debug panel listens (Diagnostics.Listen), newest last.</summary>
        internal IReadOnlyList<string> RecentEvents => diagnostics.RecentEvents;

        // ---- static API ------------------------------------------------------------------------------

        /// <summary>
        /// Creates the engine (or returns the existing one, as ZEGO does). Call on the main thread.
        /// Throws ZegoRoomBridgeException (1000017) when the bridge cannot run: no usable room driver,
        /// no JS runtime, or a core.mjs of another protocol — see Documentation~/reference.md.
        /// </summary>
        public static ZegoExpressEngine CreateEngine(ZegoEngineProfile profile)
        {
            if (instance != null)
            {
                BridgeLog.Warn("CreateEngine called while an engine exists; returning it (DestroyEngine first to change settings)");
                return instance;
            }
            if (profile == null) throw JsChannel.CreateFailed("profile is null");
            var settings = ZegoRoomBridgeSettings.Simulator ?? new ZegoSimulatorOptions();
            var driver = ChooseDriver();
            DriverRequests.CheckSettings(driver, HostHooks.IsEditor, HostHooks.IsDevelopmentBuild);
            if (driver == ZegoRoomDriverKind.Dev && ZegoRoomBridgeSettings.UseSimulator)
                BridgeLog.Warn("ZegoRoomBridgeSettings.DevServer and UseSimulator are both set: running the dev driver against " + ZegoRoomBridgeSettings.DevServer);
            var host = JsChannel.StartHost();
            try
            {
                JsChannel.CheckProtocol(host);
                DriverRequests.CheckAvailable(driver);
                var answer = BridgeJson.ParseAnswer(host.Invoke(BridgeJson.Serialize(DriverRequests.CreateEngine(profile, roomMode, driver, settings))));
                if (!BridgeJson.Ok(answer)) throw DriverRequests.Refused(driver, answer);
                var created = new ZegoExpressEngine(host, answer.Value<string>("engine"), answer.Value<string>("clientId"), driver, settings.World ?? "default");
                if (driver == ZegoRoomDriverKind.Native) created.native = NativePump.Attach(created.channel, created.mainThread, profile);
                instance = created;
            }
            catch
            {
                JsChannel.DisposeHost(host);
                throw;
            }
            HostHooks.StartTicking?.Invoke();
            return instance;
        }

        /// <summary>The engine CreateEngine made, or null.</summary>
        public static ZegoExpressEngine GetEngine() => instance;

        /// <summary>
        /// Logs out of every room without further callbacks and releases the JS side (the PuerTS env too,
        /// when the bridge created it). Later calls on a kept reference report 1000002. The callback comes
        /// once, on the main thread on a later Tick (ZEGO documents it as asynchronous), also when another
        /// thread destroyed the engine first; with no engine there is none ("if the singleton object has not
        /// been created or has been destroyed, you will not receive related callbacks").
        /// </summary>
        public static void DestroyEngine(IZegoDestroyCompletionCallback onDestroyCompletion = null)
        {
            var e = instance;
            if (e == null) return;
            var completion = onDestroyCompletion == null ? null : (Action)(() => CompleteDestroy(onDestroyCompletion));
            if (!e.mainThread.IsMainThread)
            {
                // Bound to the engine this thread saw: a newer one is never destroyed by it.
                e.mainThread.Post(() => DestroyOnMainThread(e, completion), completion);
                return;
            }
            DestroyOnMainThread(e, completion);
        }

        static void DestroyOnMainThread(ZegoExpressEngine e, Action completion)
        {
            if (instance == e) instance = null;
            e.Release();
            if (completion != null) afterDestroy.Post(completion);
        }

        static void CompleteDestroy(IZegoDestroyCompletionCallback callback)
        {
            try { callback(); }
            catch (Exception ex) { BridgeLog.AppError("the app's DestroyEngine callback threw", ex); }
        }

        /// <summary>Must be called before CreateEngine (ZEGO: otherwise error 1001020 and no change).</summary>
        public static void SetRoomMode(ZegoRoomMode mode)
        {
            var e = instance;
            if (e == null)
            {
                roomMode = mode;
                return;
            }
            e.mainThread.Post(() => e.RaiseDebugError(ZegoErrorCode.EngineSetRoomModeErrorTime, "SetRoomMode", "SetRoomMode must be called before CreateEngine"));
        }

        // ---- engine-level calls of ZEGO's example scripts (QuickStart, Setting) -------------------------

        /// <summary>
        /// "zego-room-bridge &lt;version&gt; (&lt;driver&gt;)": the core's version (package.json) and the room driver the
        /// engine runs — or would run, before CreateEngine: "simulator", "web", "dev", or "native ZEGO &lt;ZEGO's
        /// GetVersion()&gt;". Never throws; "unknown" when core.mjs cannot be loaded. Call on the main thread.
        /// </summary>
        public static string GetVersion()
        {
            var e = instance;
            var driver = e != null ? e.Driver : ChooseDriver();
            return "zego-room-bridge " + CoreVersion(e) + " (" + DriverVersion(driver) + ")";
        }

        /// <summary>
        /// ZEGO: before CreateEngine; later calls take effect at the next CreateEngine. Recorded; the native
        /// driver hands it to ZEGO's SetLogConfig before ZEGO's CreateEngine (and at once while it runs).
        /// </summary>
        public static void SetLogConfig(ZegoLogConfig config)
        {
            if (config == null) { BridgeLog.Error("SetLogConfig(null) ignored"); return; }
            var copy = new ZegoLogConfig { logPath = config.logPath, logSize = config.logSize };
            NativeRoomDriver.LogConfig = copy;
            if (instance != null && instance.native != null) ForwardToZego(() => NativeRoomDriver.ForwardLogConfig?.Invoke(copy), "SetLogConfig");
        }

        /// <summary>
        /// ZEGO: before CreateEngine (some keys work later; ZEGO decides). Recorded; the native driver hands it
        /// to ZEGO's SetEngineConfig before ZEGO's CreateEngine (and at once while it runs).
        /// </summary>
        public static void SetEngineConfig(ZegoEngineConfig config)
        {
            if (config == null) { BridgeLog.Error("SetEngineConfig(null) ignored"); return; }
            var copy = new ZegoEngineConfig
            {
                logConfig = config.logConfig == null ? null : new ZegoLogConfig { logPath = config.logConfig.logPath, logSize = config.logConfig.logSize },
                advancedConfig = config.advancedConfig == null ? null : new Dictionary<string, string>(config.advancedConfig),
            };
            NativeRoomDriver.EngineConfig = copy;
            if (instance != null && instance.native != null) ForwardToZego(() => NativeRoomDriver.ForwardEngineConfig?.Invoke(copy), "SetEngineConfig");
        }

        /// <summary>ZEGO's factory before 2.14.0, still in its example scripts. isTestEnv is ignored (ZEGO's profile has none).</summary>
        [Obsolete("Deprecated since ZEGO Express 2.14.0: use CreateEngine(ZegoEngineProfile profile)")]
        public static ZegoExpressEngine CreateEngine(uint appID, string appSign, bool isTestEnv, ZegoScenario scenario) =>
            CreateEngine(new ZegoEngineProfile { appID = appID, appSign = appSign, scenario = scenario });

        /// <summary>The driver the settings ask for here (DriverSelector's rule over the app's settings and the Editor's option).</summary>
        static ZegoRoomDriverKind ChooseDriver()
        {
            var editorOption = HostHooks.IsEditor && HostHooks.EditorSimulatorPreference != null && HostHooks.EditorSimulatorPreference();
            return DriverSelector.Choose(HostHooks.IsEditor, HostHooks.IsWebGLPlayer, ZegoRoomBridgeSettings.UseSimulator, editorOption,
                DriverSelector.DevServerSet(ZegoRoomBridgeSettings.DevServer));
        }

        /// <summary>The last version core.mjs answered: what a call off the main thread gets (JS is the main thread's).</summary>
        static string lastCoreVersion;

        static string CoreVersion(ZegoExpressEngine e)
        {
            if (e != null && !e.mainThread.IsMainThread) return lastCoreVersion ?? "unknown";
            // No engine: a script host of its own, just for the question (ZEGO answers GetVersion any time).
            var own = e == null || e.destroyed;
            IScriptHost host = null;
            try
            {
                host = own ? JsChannel.StartHost() : e.channel.Host;
                var version = JsChannel.AskVersion(host);
                if (version != null) lastCoreVersion = version;
                return version ?? "unknown";
            }
            catch (Exception ex)
            {
                BridgeLog.Warn("GetVersion could not ask core.mjs: " + BridgeLog.Describe(ex));
                return "unknown";
            }
            finally
            {
                if (own && host != null) JsChannel.DisposeHost(host);
            }
        }

        static string DriverVersion(ZegoRoomDriverKind driver)
        {
            if (driver != ZegoRoomDriverKind.Native) return DriverSelector.WireName(driver);
            var sdk = NativeRoomDriver.SdkVersion;
            if (sdk == null) return "native, ZEGO's Unity SDK missing";
            try { return "native ZEGO " + sdk(); }
            catch (Exception e) { return "native ZEGO unknown (" + e.GetType().Name + ")"; }
        }

        static void ForwardToZego(Action forward, string call)
        {
            try { forward(); }
            catch (Exception e) { BridgeLog.Error("ZEGO's " + call + " threw", e); }
        }

        // ---- rooms -----------------------------------------------------------------------------------

        public void LoginRoom(string roomID, ZegoUser user, ZegoRoomConfig config = null)
        {
            LoginRoom(roomID, user, config, null);
        }

        public void LoginRoom(string roomID, ZegoUser user, ZegoRoomConfig config, OnRoomLoginResult callback = null)
        {
            if (AfterDestroy("LoginRoom", callback)) return;
            if (Defer(() => LoginRoom(roomID, user, config, callback), "LoginRoom", callback)) return;
            var req = Request("loginRoom");
            req["roomID"] = roomID;
            req["user"] = BridgeJson.User(user);
            if (config != null) req["config"] = BridgeJson.Config(config);
            Send(req, "LoginRoom", callback);
            if (roomID != null && user?.userID != null) userOfRoom[roomID] = user.userID;  // for the simulator controls' default user
        }

        /// <summary>Logs out of every room ("if not logged in, will also return success").</summary>
        public void LogoutRoom(OnRoomLogoutResult callback = null)
        {
            if (AfterDestroy("LogoutRoom", callback)) return;
            if (Defer(() => LogoutRoom(callback), "LogoutRoom", callback)) return;
            Send(Request("logoutRoom"), "LogoutRoom", callback);
            userOfRoom.Clear();
        }

        /// <summary>Logs out of one room; a null roomID means every room (ZEGO RN's undefined).</summary>
        public void LogoutRoom(string roomID, OnRoomLogoutResult callback = null)
        {
            if (AfterDestroy("LogoutRoom", callback)) return;
            if (Defer(() => LogoutRoom(roomID, callback), "LogoutRoom", callback)) return;
            var req = Request("logoutRoom");
            if (roomID != null) req["roomID"] = roomID;
            Send(req, "LogoutRoom", callback);
            if (roomID == null) userOfRoom.Clear(); else userOfRoom.Remove(roomID);
        }

        public void SwitchRoom(string fromRoomID, string toRoomID, ZegoRoomConfig config = null)
        {
            if (AfterDestroy("SwitchRoom", null)) return;
            if (Defer(() => SwitchRoom(fromRoomID, toRoomID, config), "SwitchRoom", null)) return;
            var req = Request("switchRoom");
            req["fromRoomID"] = fromRoomID;
            req["toRoomID"] = toRoomID;
            if (config != null) req["config"] = BridgeJson.Config(config);
            Send(req, "SwitchRoom", null);
            if (fromRoomID != null && toRoomID != null && userOfRoom.TryGetValue(fromRoomID, out var userID) && !userOfRoom.ContainsKey(toRoomID))
            {
                userOfRoom.Remove(fromRoomID);
                userOfRoom[toRoomID] = userID;
            }
        }

        public void RenewToken(string roomID, string token)
        {
            if (AfterDestroy("RenewToken", null)) return;
            if (Defer(() => RenewToken(roomID, token), "RenewToken", null)) return;
            var req = Request("renewToken");
            req["roomID"] = roomID;
            req["token"] = token;
            Send(req, "RenewToken", null);
        }

        // ---- host side (the runner, the simulator API, tests) ----------------------------------------

        /// <summary>
        /// One frame: queued calls, JS timers, then every event since the last Tick, as delegates. An idle
        /// frame (nothing queued, nothing pending in the core) allocates nothing.
        /// </summary>
        internal void Tick()
        {
            if (!destroyed)
            {
                native?.Tick();
                mainThread.RunPending(e => BridgeLog.AppError("a queued call threw", e));
            }
            RunAfterDestroy();
            if (destroyed) return;
            channel.TickTimers();
            foreach (var ev in channel.Drain())
            {
                if (destroyed) return;  // an app delegate destroyed the engine: nothing more arrives
                // The native driver's commands go to ZEGO's SDK, in the batch's order; never to the app (they carry tokens).
                if (NativePump.IsCommand(ev)) native?.Run(ev);
                else Raise(ev);
            }
        }

        /// <summary>The runner's frame: the engine's Tick, or with no engine the answers owed after DestroyEngine.</summary>
        internal static void TickInstance()
        {
            var e = instance;
            if (e != null) e.Tick();
            else RunAfterDestroy();
        }

        static void RunAfterDestroy() => afterDestroy.RunPending(e => BridgeLog.AppError("an answer after DestroyEngine threw", e));

        /// <summary>App paused/resumed: JS timers stop with the frames; on resume the core catches up by the clock at once.</summary>
        internal void OnApplicationPause(bool paused)
        {
            if (!paused) Tick();
        }

        /// <summary>The host's reachability signal (Application.internetReachability): back online = retry now.</summary>
        internal void SetNetworkReachable(bool reachable)
        {
            // ZEGO's SDK watches the network itself and says Reconnecting; the host's signal would only add blips.
            if (Driver == ZegoRoomDriverKind.Native) return;
            if (Defer(() => SetNetworkReachable(reachable), null, null) || destroyed) return;
            var req = channel.Request("setNetworkReachable");
            req["reachable"] = reachable;
            Send(req, "SetNetworkReachable", null);
        }

        /// <summary>A request for the simulated world this engine lives in; null answer when not simulated or destroyed.</summary>
        internal JObject InvokeSimulator(JObject request)
        {
            if (destroyed || Driver != ZegoRoomDriverKind.Simulator) return null;
            request["world"] = SimulatorWorld;
            return channel.Invoke(request);
        }

        internal string UserOfRoom(string roomID) => roomID != null && userOfRoom.TryGetValue(roomID, out var u) ? u : null;

        /// <summary>Off the main thread: queues the call for the next Tick; if DestroyEngine comes first, the caller still hears 1000002.</summary>
        internal bool Defer(Action call, string fn, Delegate callback)
        {
            if (mainThread.IsMainThread) return false;
            mainThread.Post(call, fn == null ? null : (Action)(() => AnswerNotLoggedIn(fn, callback)));
            return true;
        }

        /// <summary>Start of a Play session (domain reload may be off): forget the previous session's engine.</summary>
        internal static void ResetStatics()
        {
            var e = instance;
            instance = null;
            roomMode = ZegoRoomMode.SingleRoom;
            e?.Release();
            afterDestroy.Clear();   // answers owed to the previous session's code are not this session's
            Diagnostics.Reset();
        }

        // ---- internals -------------------------------------------------------------------------------

        JObject Request(string op) => channel.Request(op);

        void Send(JObject req, string fn, Delegate callback)
        {
            if (callback != null)
            {
                var id = nextCallbackId++;
                resultCallbacks[id] = callback;
                req["callbackId"] = id;
            }
            channel.Send(req, fn, callback != null);
        }

        /// <summary>Any thread. A call on a destroyed engine: its callback gets 1000002 on a later Tick; without one, a warning now.</summary>
        bool AfterDestroy(string fn, Delegate callback)
        {
            if (!destroyed) return false;
            if (callback == null) AnswerNotLoggedIn(fn, null);
            else afterDestroy.Post(() => AnswerNotLoggedIn(fn, callback));
            return true;
        }

        /// <summary>1000002 (CommonNotLoginRoom) to the callback, or a warning when there is none (as the core's engine does).</summary>
        static void AnswerNotLoggedIn(string fn, Delegate callback)
        {
            if (callback != null) InvokeResult(callback, ZegoErrorCode.CommonNotLoginRoom, "");
            else BridgeLog.Warn(fn + " called after DestroyEngine; error " + ZegoErrorCode.CommonNotLoginRoom + " (CommonNotLoginRoom). Call CreateEngine again.");
        }

        void Release()
        {
            if (destroyed) return;
            destroyed = true;
            channel.DestroyEngine();
            if (native != null)
            {
                native.Dispose();
                native = null;
            }
            onRoomStateUpdate = null;
            onRoomStateChanged = null;
            onRoomUserUpdate = null;
            onRoomOnlineUserCountUpdate = null;
            onRoomTokenWillExpire = null;
            onDebugError = null;
            resultCallbacks.Clear();
            userOfRoom.Clear();
            // Calls other threads queued for this engine still answer (1000002, a DestroyEngine callback) on the next Tick.
            mainThread.Close(answer => afterDestroy.Post(answer));
            channel.DisposeHost();
        }

        void Raise(JObject ev)
        {
            var name = ev.Value<string>("event");
            var a = ev["args"] as JArray ?? new JArray();
            if (name == "trace") { ZegoRoomBridgeSettings.DeliverTrace(a.Count > 0 ? a[0].ToString(Newtonsoft.Json.Formatting.None) : "{}"); return; }
            diagnostics.Remember(name, a);
            switch (name)
            {
                case "onRoomStateChanged":
                    Each(onRoomStateChanged, name, a, d => d((string)a[0], (ZegoRoomStateChangedReason)(int)a[1], (int)a[2], (string)a[3]));
                    break;
                case "onRoomStateUpdate":
                    Each(onRoomStateUpdate, name, a, d => d((string)a[0], (ZegoRoomState)(int)a[1], (int)a[2], (string)a[3]));
                    break;
                case "onRoomUserUpdate":
                    Each(onRoomUserUpdate, name, a, d =>
                    {
                        var users = BridgeJson.Users(a[2]);  // a list of its own per delegate: apps may keep or change it
                        d((string)a[0], (ZegoUpdateType)(int)a[1], users, (uint)users.Count);
                    });
                    break;
                case "onRoomOnlineUserCountUpdate":
                    Each(onRoomOnlineUserCountUpdate, name, a, d => d((string)a[0], (int)a[1]));
                    break;
                case "onRoomTokenWillExpire":
                    Each(onRoomTokenWillExpire, name, a, d => d((string)a[0], (int)a[1]));
                    break;
                case "onDebugError":
                    RaiseDebugError((int)a[0], (string)a[1], (string)a[2]);
                    break;
                case "bridgeError":
                    // An event the core could not serialize (docs/BOUNDARY.md): logged; a waiting result callback gets the code.
                    BridgeLog.Error("an event was lost at the boundary (" + (int)a[0] + "): " + (string)a[2], channel.Context);
                    var lostId = ev.Value<int?>("callbackId");
                    if (lostId.HasValue && resultCallbacks.TryGetValue(lostId.Value, out var lostCb))
                    {
                        resultCallbacks.Remove(lostId.Value);
                        InvokeResult(lostCb, (int)a[0], "");
                    }
                    break;
                case "callback":
                    var id = ev.Value<int?>("callbackId") ?? 0;
                    if (resultCallbacks.TryGetValue(id, out var cb))
                    {
                        resultCallbacks.Remove(id);
                        InvokeResult(cb, (int)a[0], (string)a[1] ?? "");
                    }
                    break;
            }
        }

        void RaiseDebugError(int code, string funcName, string info)
        {
            Each(onDebugError, "onDebugError", null, d => d(code, funcName, info));
        }

        static void InvokeResult(Delegate callback, int code, string extendedData)
        {
            try
            {
                if (callback is OnRoomLoginResult login) login(code, extendedData);
                else if (callback is OnRoomLogoutResult logout) logout(code, extendedData);
            }
            catch (Exception e) { BridgeLog.AppError("the app's result callback threw", e); }
        }

        /// <summary>Each subscriber on its own: one that throws is logged (with the event's room) and the others (and later events) still run.</summary>
        void Each<T>(T handlers, string what, JArray args, Action<T> call) where T : Delegate
        {
            if (handlers == null) return;
            foreach (var one in handlers.GetInvocationList())
            {
                try { call((T)one); }
                catch (Exception e) { BridgeLog.AppError("the app's " + what + " threw", e, channel.Context.WithRoom(RoomOf(args))); }
            }
        }

        /// <summary>The room a room event is about (its first argument), or null.</summary>
        static string RoomOf(JArray args) => args != null && args.Count > 0 && args[0].Type == JTokenType.String ? (string)args[0] : null;
    }
}
