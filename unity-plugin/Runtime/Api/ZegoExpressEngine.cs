using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;
using UnityEngine;

namespace ZegoRoomBridge
{
    /// <summary>
    /// ZEGO's Unity engine API for rooms, over the TypeScript core: same static factory, same public
    /// delegate fields, same methods. Delegates are raised on the main thread during the per-frame Tick.
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

        const int RecentCapacity = 30;
        readonly IScriptHost host;
        readonly string engineId;
        readonly MainThreadQueue mainThread = new MainThreadQueue();
        readonly Dictionary<int, Delegate> resultCallbacks = new Dictionary<int, Delegate>();
        readonly Dictionary<string, string> userOfRoom = new Dictionary<string, string>();
        readonly List<string> recent = new List<string>();
        int nextCallbackId = 1;
        volatile bool destroyed;
        /// <summary>ZEGO's Unity SDK behind the "native" driver; null for the other drivers.</summary>
        INativeRoomAdapter native;

        ZegoExpressEngine(IScriptHost host, string engineId, string clientId, ZegoRoomDriverKind driver, string world)
        {
            this.host = host;
            this.engineId = engineId;
            ClientId = clientId;
            Driver = driver;
            SimulatorWorld = world;
        }

        /// <summary>The room driver the core runs for this engine.</summary>
        public ZegoRoomDriverKind Driver { get; }
        internal string ClientId { get; }
        internal string SimulatorWorld { get; }
        internal bool IsDestroyed => destroyed;
        /// <summary>The last events raised, newest last (for the debug panel).</summary>
        internal IReadOnlyList<string> RecentEvents => recent;

        // ---- static API ------------------------------------------------------------------------------

        /// <summary>
        /// Creates the engine (or returns the existing one, as ZEGO does). Call on the main thread.
        /// Throws ZegoRoomBridgeException (1000017) when the bridge cannot run: no usable room driver,
        /// no JS runtime, or a core.mjs of another protocol — see docs/UNITY.md.
        /// </summary>
        public static ZegoExpressEngine CreateEngine(ZegoEngineProfile profile)
        {
            if (instance != null)
            {
                Debug.LogWarning("zego-room-bridge: CreateEngine called while an engine exists; returning it (DestroyEngine first to change settings)");
                return instance;
            }
            if (profile == null) throw Fail("profile is null");
            var settings = ZegoRoomBridgeSettings.Simulator ?? new ZegoSimulatorOptions();
            var editorOption = HostHooks.IsEditor && HostHooks.EditorSimulatorPreference != null && HostHooks.EditorSimulatorPreference();
            var driver = DriverSelector.Choose(HostHooks.IsEditor, HostHooks.IsWebGLPlayer, ZegoRoomBridgeSettings.UseSimulator, editorOption);
            var host = StartHost();
            try
            {
                var version = BridgeJson.ParseAnswer(host.Invoke(BridgeJson.Serialize(BridgeJson.Request("version"))));
                var protocol = version.Value<int?>("protocol");
                if (protocol != BridgeProtocol.Version)
                    throw Fail("core.mjs speaks bridge protocol " + (protocol?.ToString() ?? "?") + ", this C# expects " + BridgeProtocol.Version + " (rebuild core.mjs and run `npm run gen:cs`)");
                if (driver == ZegoRoomDriverKind.Native && NativeRoomDriver.AdapterFactory == null)
                    throw new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, DriverSelector.UnavailableMessage(driver, NativeRoomDriver.MissingSdkReason));
                var req = BridgeJson.Request("createEngine");
                req["appID"] = profile.appID;
                req["roomMode"] = (int)roomMode;
                req["driver"] = DriverSelector.WireName(driver);
                if (driver == ZegoRoomDriverKind.Simulator)
                {
                    req["world"] = settings.World ?? "default";
                    if (!string.IsNullOrEmpty(settings.ClientId)) req["clientId"] = settings.ClientId;
                    req["seed"] = settings.Seed;
                    req["clock"] = settings.VirtualClock ? "virtual" : "host";
                    req["startMs"] = settings.StartMs;
                    var sim = new JObject();
                    if (settings.LoginLatencyMs.HasValue) sim["loginLatencyMs"] = settings.LoginLatencyMs.Value;
                    if (settings.NotifyLatencyMs.HasValue) sim["notifyLatencyMs"] = settings.NotifyLatencyMs.Value;
                    if (settings.HeartbeatTimeoutMs.HasValue) sim["heartbeatTimeoutMs"] = settings.HeartbeatTimeoutMs.Value;
                    req["simulator"] = sim;
                }
                else if (driver == ZegoRoomDriverKind.Web)
                {
                    req["webServer"] = ZegoRoomBridgeSettings.WebServer;
                    var web = ZegoRoomBridgeSettings.Web ?? new ZegoWebOptions();
                    req["web"] = new JObject
                    {
                        ["earlyReconnecting"] = web.EarlyReconnecting, ["extendToRetryWindow"] = web.ExtendToRetryWindow,
                        ["retryOnOnline"] = web.RetryOnOnline, ["holdGraceMs"] = web.HoldGraceMs,
                    };
                }
                if (driver != ZegoRoomDriverKind.Simulator && ZegoRoomBridgeSettings.DriverOptions != null)
                {
                    foreach (var kv in ZegoRoomBridgeSettings.DriverOptions) req[kv.Key] = BridgeJson.From(kv.Value);
                }
                var answer = BridgeJson.ParseAnswer(host.Invoke(BridgeJson.Serialize(req)));
                if (!BridgeJson.Ok(answer))
                {
                    var message = BridgeJson.MessageOf(answer);
                    throw driver == ZegoRoomDriverKind.Simulator
                        ? Fail("the core refused the simulator settings: " + message)
                        : new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, DriverSelector.UnavailableMessage(driver, message));
                }
                var created = new ZegoExpressEngine(host, answer.Value<string>("engine"), answer.Value<string>("clientId"), driver, settings.World ?? "default");
                if (driver == ZegoRoomDriverKind.Native) created.AttachNative(profile);
                instance = created;
            }
            catch
            {
                try { host.Dispose(); } catch (Exception e) { Debug.LogError("zego-room-bridge: releasing the script host threw: " + BridgeJson.Describe(e)); }
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
            catch (Exception ex) { Debug.LogError("zego-room-bridge: the app's DestroyEngine callback threw: " + ex); }
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
        /// engine runs — or would run, before CreateEngine: "simulator", "web", or "native ZEGO &lt;ZEGO's
        /// GetVersion()&gt;". Never throws; "unknown" when core.mjs cannot be loaded. Call on the main thread.
        /// </summary>
        public static string GetVersion()
        {
            var e = instance;
            var driver = e != null ? e.Driver : DriverSelector.Choose(HostHooks.IsEditor, HostHooks.IsWebGLPlayer, ZegoRoomBridgeSettings.UseSimulator,
                HostHooks.IsEditor && HostHooks.EditorSimulatorPreference != null && HostHooks.EditorSimulatorPreference());
            return "zego-room-bridge " + CoreVersion(e) + " (" + DriverVersion(driver) + ")";
        }

        /// <summary>
        /// ZEGO: before CreateEngine; later calls take effect at the next CreateEngine. Recorded; the native
        /// driver hands it to ZEGO's SetLogConfig before ZEGO's CreateEngine (and at once while it runs).
        /// </summary>
        public static void SetLogConfig(ZegoLogConfig config)
        {
            if (config == null) { Debug.LogError("zego-room-bridge: SetLogConfig(null) ignored"); return; }
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
            if (config == null) { Debug.LogError("zego-room-bridge: SetEngineConfig(null) ignored"); return; }
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
                host = own ? StartHost() : e.host;
                return VersionOf(host);
            }
            catch (Exception ex)
            {
                Debug.LogWarning("zego-room-bridge: GetVersion could not ask core.mjs: " + BridgeJson.Describe(ex));
                return "unknown";
            }
            finally
            {
                if (own && host != null)
                {
                    try { host.Dispose(); } catch (Exception ex) { Debug.LogError("zego-room-bridge: releasing the script host threw: " + BridgeJson.Describe(ex)); }
                }
            }
        }

        static string VersionOf(IScriptHost host)
        {
            var answer = BridgeJson.ParseAnswer(host.Invoke(BridgeJson.Serialize(BridgeJson.Request("version"))));
            var version = answer?.Value<string>("version");
            if (version != null) lastCoreVersion = version;
            return version ?? "unknown";
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
            catch (Exception e) { Debug.LogError("zego-room-bridge: ZEGO's " + call + " threw: " + BridgeJson.Describe(e)); }
        }

        /// <summary>The adapter's per-frame checks (its delegates still on ZEGO's engine), before this Tick's work.</summary>
        void TickNative()
        {
            if (native == null) return;
            try { native.Tick(); }
            catch (Exception e) { Debug.LogError("zego-room-bridge: the ZEGO adapter's Tick threw: " + BridgeJson.Describe(e)); }
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

        /// <summary>One frame: queued calls, JS timers, then every event since the last Tick, as delegates.</summary>
        internal void Tick()
        {
            if (!destroyed)
            {
                TickNative();
                mainThread.RunPending(e => Debug.LogError("zego-room-bridge: a queued call threw: " + e));
            }
            RunAfterDestroy();
            if (destroyed) return;
            try { host.Tick(); }
            catch (Exception e) { Debug.LogError("zego-room-bridge: a JS timer threw: " + BridgeJson.Describe(e)); }
            foreach (var ev in DrainBatch())
            {
                if (destroyed) return;  // an app delegate destroyed the engine: nothing more arrives
                // The native driver's commands go to ZEGO's SDK, in the batch's order; never to the app (they carry tokens).
                if (IsNativeCommand(ev)) RunNative(ev);
                else Raise(ev);
            }
        }

        /// <summary>This engine's events since the last drain (none when the host fails, which is logged).</summary>
        List<JObject> DrainBatch()
        {
            var mine = new List<JObject>();
            string batch;
            try { batch = host.Drain(); }
            catch (Exception e) { Debug.LogError("zego-room-bridge: bridgeDrain failed: " + BridgeJson.Describe(e)); return mine; }
            if (string.IsNullOrEmpty(batch) || batch == "[]") return mine;
            JArray events;
            try { events = JArray.Parse(batch); }
            catch (Exception e) { Debug.LogError("zego-room-bridge: bridgeDrain gave no JSON array: " + BridgeJson.Describe(e)); return mine; }
            foreach (var item in events)
                if (item is JObject ev && ev.Value<string>("engine") == engineId) mine.Add(ev);
            return mine;
        }

        // ---- the native driver (ZEGO's Unity SDK) ----------------------------------------------------

        /// <summary>Makes the adapter and runs the core's first command at once, so ZEGO's engine exists when CreateEngine returns.</summary>
        void AttachNative(ZegoEngineProfile profile)
        {
            try { native = NativeRoomDriver.Create(profile, new NativeEventSink(this)); }
            catch (Exception e)
            {
                try { host.Invoke(BridgeJson.Serialize(Request("destroyEngine"))); } catch (Exception) { /* the host is released next */ }
                throw new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, "zego-room-bridge: CreateEngine failed (1000017): the ZEGO Unity SDK adapter failed: " + BridgeJson.Describe(e), e);
            }
            if (native == null) throw Fail("NativeRoomDriver.AdapterFactory returned null");
            foreach (var ev in DrainBatch())
                if (IsNativeCommand(ev)) RunNative(ev);
        }

        static bool IsNativeCommand(JObject ev) =>
            (ev.Value<string>("event") ?? "").StartsWith(NativeRoomDriver.CommandPrefix, StringComparison.Ordinal);

        void RunNative(JObject ev)
        {
            if (native == null) return;
            var command = ev.Value<string>("event").Substring(NativeRoomDriver.CommandPrefix.Length);
            try { native.Execute(command, ev["args"] as JArray ?? new JArray()); }
            catch (Exception e) { Debug.LogError("zego-room-bridge: the ZEGO adapter's " + command + " threw: " + BridgeJson.Describe(e)); }
        }

        /// <summary>One ZEGO callback to the core (main thread, in ZEGO's order).</summary>
        void SendNativeEvent(string name, JArray args)
        {
            if (destroyed) return;
            var req = Request("nativeEvent");
            req["event"] = name;
            req["args"] = args ?? new JArray();
            var answer = BridgeJson.ParseAnswer(SafeInvoke(BridgeJson.Serialize(req)));
            if (!BridgeJson.Ok(answer))
                Debug.LogError("zego-room-bridge: the core refused ZEGO's " + name + " (" + BridgeJson.ErrorOf(answer) + "): " + BridgeJson.MessageOf(answer));
        }

        /// <summary>ZEGO may call back on any thread: every callback waits for the main thread, so their order is kept.</summary>
        sealed class NativeEventSink : INativeRoomEvents
        {
            readonly ZegoExpressEngine engine;
            public NativeEventSink(ZegoExpressEngine engine) { this.engine = engine; }
            public void Post(string eventName, JArray args) => engine.mainThread.Post(() => engine.SendNativeEvent(eventName, args));
        }

        /// <summary>The runner's frame: the engine's Tick, or with no engine the answers owed after DestroyEngine.</summary>
        internal static void TickInstance()
        {
            var e = instance;
            if (e != null) e.Tick();
            else RunAfterDestroy();
        }

        static void RunAfterDestroy() => afterDestroy.RunPending(e => Debug.LogError("zego-room-bridge: an answer after DestroyEngine threw: " + e));

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
            var req = Request("setNetworkReachable");
            req["reachable"] = reachable;
            Send(req, "SetNetworkReachable", null);
        }

        /// <summary>A request for the simulated world this engine lives in; null answer when not simulated or destroyed.</summary>
        internal JObject InvokeSimulator(JObject request)
        {
            if (destroyed || Driver != ZegoRoomDriverKind.Simulator) return null;
            request["world"] = SimulatorWorld;
            return BridgeJson.ParseAnswer(SafeInvoke(BridgeJson.Serialize(request)));
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
        }

        // ---- internals -------------------------------------------------------------------------------

        static IScriptHost StartHost()
        {
            var factory = ZegoRoomBridgeSettings.ScriptHostFactory ?? HostHooks.DefaultScriptHost;
            if (factory == null)
                throw Fail("no JS runtime: install PuerTS (com.tencent.puerts.core 2.x, or 3.x with .v8, .quickjs or .nodejs; .webgl for WebGL) or set ZegoRoomBridgeSettings.ScriptHostFactory");
            IScriptHost host;
            try { host = factory(); }
            catch (ZegoRoomBridgeException) { throw; }   // already says what is missing (e.g. no PuerTS backend)
            catch (Exception e) { throw new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, "zego-room-bridge: CreateEngine failed (1000017): could not load ZegoRoomBridge/core.mjs: " + BridgeJson.Describe(e), e); }
            if (host == null) throw Fail("ScriptHostFactory returned null");
            return host;
        }

        static ZegoRoomBridgeException Fail(string why) =>
            new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, "zego-room-bridge: CreateEngine failed (1000017): " + why);

        JObject Request(string op)
        {
            var req = BridgeJson.Request(op);
            req["engine"] = engineId;
            return req;
        }

        void Send(JObject req, string fn, Delegate callback)
        {
            if (callback != null)
            {
                var id = nextCallbackId++;
                resultCallbacks[id] = callback;
                req["callbackId"] = id;
            }
            var answer = BridgeJson.ParseAnswer(SafeInvoke(BridgeJson.Serialize(req)));
            // With a callbackId the core queues the code as that callback; otherwise the log is the only channel.
            if (!BridgeJson.Ok(answer) && callback == null)
                Debug.LogError("zego-room-bridge: " + fn + " rejected (" + BridgeJson.ErrorOf(answer) + "): " + BridgeJson.MessageOf(answer));
        }

        string SafeInvoke(string json)
        {
            try { return host.Invoke(json); }
            catch (Exception e)
            {
                Debug.LogError("zego-room-bridge: bridgeInvoke failed: " + BridgeJson.Describe(e));
                return null;
            }
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
            else Debug.LogWarning("zego-room-bridge: " + fn + " called after DestroyEngine; error " + ZegoErrorCode.CommonNotLoginRoom + " (CommonNotLoginRoom). Call CreateEngine again.");
        }

        void Release()
        {
            if (destroyed) return;
            destroyed = true;
            try { host.Invoke(BridgeJson.Serialize(Request("destroyEngine"))); }
            catch (Exception e) { Debug.LogError("zego-room-bridge: destroyEngine failed: " + BridgeJson.Describe(e)); }
            if (native != null)
            {
                // The core's last commands (LogoutRoom per room, DestroyEngine) still reach ZEGO; app events do not.
                foreach (var ev in DrainBatch())
                    if (IsNativeCommand(ev)) RunNative(ev);
                try { native.Dispose(); }
                catch (Exception e) { Debug.LogError("zego-room-bridge: releasing the ZEGO adapter threw: " + BridgeJson.Describe(e)); }
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
            try { host.Dispose(); }
            catch (Exception e) { Debug.LogError("zego-room-bridge: releasing the script host threw: " + BridgeJson.Describe(e)); }
        }

        void Raise(JObject ev)
        {
            var name = ev.Value<string>("event");
            var a = ev["args"] as JArray ?? new JArray();
            Remember(name, a);
            switch (name)
            {
                case "onRoomStateChanged":
                    Each(onRoomStateChanged, name, d => d((string)a[0], (ZegoRoomStateChangedReason)(int)a[1], (int)a[2], (string)a[3]));
                    break;
                case "onRoomStateUpdate":
                    Each(onRoomStateUpdate, name, d => d((string)a[0], (ZegoRoomState)(int)a[1], (int)a[2], (string)a[3]));
                    break;
                case "onRoomUserUpdate":
                    Each(onRoomUserUpdate, name, d =>
                    {
                        var users = BridgeJson.Users(a[2]);  // a list of its own per delegate: apps may keep or change it
                        d((string)a[0], (ZegoUpdateType)(int)a[1], users, (uint)users.Count);
                    });
                    break;
                case "onRoomOnlineUserCountUpdate":
                    Each(onRoomOnlineUserCountUpdate, name, d => d((string)a[0], (int)a[1]));
                    break;
                case "onRoomTokenWillExpire":
                    Each(onRoomTokenWillExpire, name, d => d((string)a[0], (int)a[1]));
                    break;
                case "onDebugError":
                    RaiseDebugError((int)a[0], (string)a[1], (string)a[2]);
                    break;
                case "bridgeError":
                    // An event the core could not serialize (docs/BOUNDARY.md): logged; a waiting result callback gets the code.
                    Debug.LogError("zego-room-bridge: an event was lost at the boundary (" + (int)a[0] + "): " + (string)a[2]);
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
            Each(onDebugError, "onDebugError", d => d(code, funcName, info));
        }

        static void InvokeResult(Delegate callback, int code, string extendedData)
        {
            try
            {
                if (callback is OnRoomLoginResult login) login(code, extendedData);
                else if (callback is OnRoomLogoutResult logout) logout(code, extendedData);
            }
            catch (Exception e) { Debug.LogError("zego-room-bridge: the app's result callback threw: " + e); }
        }

        /// <summary>Each subscriber on its own: one that throws is logged and the others (and later events) still run.</summary>
        static void Each<T>(T handlers, string what, Action<T> call) where T : Delegate
        {
            if (handlers == null) return;
            foreach (var one in handlers.GetInvocationList())
            {
                try { call((T)one); }
                catch (Exception e) { Debug.LogError("zego-room-bridge: the app's " + what + " threw: " + e); }
            }
        }

        void Remember(string name, JArray args)
        {
            recent.Add(name + " " + args.ToString(Newtonsoft.Json.Formatting.None));
            if (recent.Count > RecentCapacity) recent.RemoveAt(0);
        }
    }
}
