// The "native" driver end to end: this package's C# API → real core.mjs (V8) → ZegoNativeRoomAdapter →
// a fake of ZEGO's Unity SDK (tests-dotnet/FakeZego), and ZEGO's callbacks back out of the bridge's delegates.
using System.Linq;
using NUnit.Framework;
using ZegoRoomBridge.Native;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;
using ZR = ZEGO.ZegoRoomStateChangedReason;

namespace ZegoRoomBridge.Tests
{
    public class NativeDriverTests : TestBase
    {
        const double Min = 60_000;
        NativeBridge b;

        [SetUp]
        public void NoZegoYet()
        {
            ZEGO.ZegoExpressEngine.ResetFake();
            ForgetZegosSdk();
        }

        [TearDown]
        public void ForgetTheAdapter()
        {
            ZegoExpressEngine.DestroyEngine();
            ForgetZegosSdk();   // other tests run as a project without ZEGO's SDK
        }

        internal static void ForgetZegosSdk()
        {
            NativeRoomDriver.AdapterFactory = null;
            NativeRoomDriver.SdkVersion = null;
            NativeRoomDriver.ForwardLogConfig = null;
            NativeRoomDriver.ForwardEngineConfig = null;
            NativeRoomDriver.LogConfig = null;
            NativeRoomDriver.EngineConfig = null;
        }

        static string[] Warnings() =>
            UnityEngine.Debug.Lines.Where(l => l.type == UnityEngine.LogType.Warning).Select(l => l.message).ToArray();

        void LoggedIn(string room = "room1")
        {
            b.Engine.LoginRoom(room, new ZegoUser { userID = "A", userName = "Alice" }, new ZegoRoomConfig { isUserStatusNotify = true, token = "tok-1" }, (c, e) => { });
            b.Frame();
            b.Zego.RoomStateChanged(room, ZR.Logining, 0);
            b.Zego.RoomStateChanged(room, ZR.Logined, 0);
            b.Zego.LoginCallbacks[room](0, "");
            b.Frame();
        }

        [Test]
        public void CreateEngine_SetsZegosRoomModeBeforeCreatingItsEngine_WithTheAppsProfile()
        {
            b = NativeBridge.Create(ZegoRoomMode.MultiRoom);
            Assert.That(b.Engine.Driver, Is.EqualTo(ZegoRoomDriverKind.Native));
            Assert.That(b.ZegoCalls(), Is.EqualTo(new[] { "SetRoomMode(MultiRoom)", "CreateEngine(1234, sign, Default)" }), "ZEGO's engine exists when CreateEngine returns");
            Assert.That(ZEGO.ZegoExpressEngine.GetEngine(), Is.Not.Null);
        }

        [Test]
        public void LoginRoom_ReachesZegoWithTheTokenInsideItsConfig_AndZegosLoginedComesOutOnce()
        {
            Diagnostics.Listen();   // as a debug panel does: the events are kept as text, which must not hold the token
            b = NativeBridge.Create();
            var results = new System.Collections.Generic.List<int>();
            b.Engine.LoginRoom("room1", new ZegoUser { userID = "A", userName = "Alice" }, new ZegoRoomConfig { maxMemberCount = 8, isUserStatusNotify = true, token = "tok-1" }, (code, ext) => results.Add(code));
            b.Frame();
            Assert.That(b.ZegoCalls().Skip(2), Is.EqualTo(new[] { "LoginRoom(room1, A/Alice, max=8 notify=True token=tok-1, callback)" }));
            b.At(300);
            b.Zego.RoomStateChanged("room1", ZR.Logining, 0);
            b.Zego.RoomStateChanged("room1", ZR.Logined, 0, "{\"k\":1}");
            b.Zego.LoginCallbacks["room1"](0, "{\"k\":1}");
            b.Frame();
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Logining, 0), (300.0, R.Logined, 0) }));
            Assert.That(b.Log.Where(r => r.Cb == "legacy").Select(r => (ZegoRoomState)r.Value), Is.EqualTo(new[] { ZegoRoomState.Connecting, ZegoRoomState.Connected }));
            Assert.That(results, Is.EqualTo(new[] { 0 }));
            Assert.That(b.Engine.RecentEvents, Is.Not.Empty);
            Assert.That(b.Engine.RecentEvents.Any(e => e.Contains("tok-1")), Is.False, "the token never reaches the app's events");
        }

        [Test]
        public void NoToken_ZegosConfigTokenStaysNull()
        {
            b = NativeBridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser("A"));
            b.Frame();
            Assert.That(b.ZegoCalls().Last(), Is.EqualTo("LoginRoom(room1, A/A, max=0 notify=False token=null, callback)"));
        }

        [Test]
        public void LogoutSwitchAndRenew_ReachZegoWithTheRightArguments()
        {
            b = NativeBridge.Create();
            LoggedIn();
            b.Engine.RenewToken("room1", "tok-2");
            b.Engine.SwitchRoom("room1", "room2");
            b.Frame();
            b.Zego.RoomStateChanged("room1", ZR.Logout, 0);
            b.Zego.RoomStateChanged("room2", ZR.Logining, 0);
            b.Zego.RoomStateChanged("room2", ZR.Logined, 0);
            b.Frame();
            b.Engine.LogoutRoom("room2");
            b.Frame();
            Assert.That(b.ZegoCalls().Skip(3), Is.EqualTo(new[]
            {
                "RenewToken(room1, tok-2)",
                "SwitchRoom(room1, room2, max=0 notify=False token=tok-2)",   // ZEGO: the target reuses the current token
                "LogoutRoom(room2, callback)",
            }));
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Logining, 0), (0.0, R.Logined, 0), (0.0, R.Logout, 0) }));
            Assert.That(b.States("room2"), Is.EqualTo(new[] { (0.0, R.Logining, 0), (0.0, R.Logined, 0), (0.0, R.Logout, 0) }));
        }

        [Test]
        public void ZegosDelegates_FromABackgroundThread_ComeOutOnTheMainThreadWithTheSameValuesAndOrder()
        {
            b = NativeBridge.Create();
            LoggedIn();
            b.Log.Clear();
            var mainThread = System.Threading.Thread.CurrentThread.ManagedThreadId;
            var threads = new System.Collections.Generic.List<int>();
            b.Engine.onRoomUserUpdate += (room, type, users, count) => threads.Add(System.Threading.Thread.CurrentThread.ManagedThreadId);
            ZEGO.FakeEngine.OnBackgroundThread(() =>
            {
                var z = b.Zego;
                z.onRoomUserUpdate("room1", ZEGO.ZegoUpdateType.Add, new System.Collections.Generic.List<ZEGO.ZegoUser> { new ZEGO.ZegoUser { userID = "B", userName = "Bob" }, new ZEGO.ZegoUser("C") }, 2);
                z.onRoomOnlineUserCountUpdate("room1", 3);
            });
            b.Zego.onRoomUserUpdate("room1", ZEGO.ZegoUpdateType.Delete, new System.Collections.Generic.List<ZEGO.ZegoUser> { new ZEGO.ZegoUser { userID = "B", userName = "Bob" } }, 1);
            ZEGO.FakeEngine.OnBackgroundThread(() => b.Zego.onRoomTokenWillExpire("room1", 30));
            Assert.That(b.Log, Is.Empty, "nothing reaches the app off the main thread or before the next frame");
            b.Frame();
            Assert.That(b.Log.Select(r => r.ToString()), Is.EqualTo(new[]
            {
                "0 user room1 0 2  B/Bob,C/C",
                "0 count room1 3 0  ",
                "0 user room1 1 1  B/Bob",
                "0 token room1 30 0  ",
            }));
            Assert.That(threads, Is.EqualTo(new[] { mainThread, mainThread }));
        }

        [Test]
        public void ZegosOnDebugError_PassesThrough()
        {
            b = NativeBridge.Create();
            ZEGO.FakeEngine.OnBackgroundThread(() => b.Zego.onDebugError(1002075, "loginRoom", "token format error"));
            b.Frame();
            Assert.That(b.Log.Select(r => (r.Cb, r.Code, r.Fn)), Is.EqualTo(new[] { ("debug", 1002075, "loginRoom") }));
        }

        [Test]
        public void SeedCase1_ReconnectingThenReconnected_ArriveIntact()
        {
            b = NativeBridge.Create();
            LoggedIn();
            b.At(1000);
            b.Log.Clear();
            ZEGO.FakeEngine.OnBackgroundThread(() => b.Zego.RoomStateChanged("room1", ZR.Reconnecting, 1002051));
            b.At(61_000);
            ZEGO.FakeEngine.OnBackgroundThread(() => b.Zego.RoomStateChanged("room1", ZR.Reconnected, 0));
            b.At(5 * Min);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (1000.0, R.Reconnecting, 1002051), (61_000.0, R.Reconnected, 0) }));
            Assert.That(b.Log.Where(r => r.Cb == "legacy").Select(r => (r.T, (ZegoRoomState)r.Value)), Is.EqualTo(new[] { (1000.0, ZegoRoomState.Connecting), (61_000.0, ZegoRoomState.Connected) }));
            Assert.That(b.ZegoCalls().Count(c => c.StartsWith("LoginRoom") || c.StartsWith("LogoutRoom")), Is.EqualTo(1), "ZEGO reconnects by itself: no extra call");
        }

        [Test]
        public void SeedCase2_ReconnectedAfterFiveMinutes_ArrivesIntact_WithTheUsersZegoReports()
        {
            b = NativeBridge.Create();
            LoggedIn();
            b.Log.Clear();
            b.Zego.RoomStateChanged("room1", ZR.Reconnecting, 1002051);
            b.At(5 * Min);
            b.Zego.RoomStateChanged("room1", ZR.Reconnected, 0);
            b.Zego.onRoomUserUpdate("room1", ZEGO.ZegoUpdateType.Add, new System.Collections.Generic.List<ZEGO.ZegoUser> { new ZEGO.ZegoUser("B") }, 1);
            b.Frame();
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Reconnecting, 1002051), (5 * Min, R.Reconnected, 0) }));
            Assert.That(b.Log.Last().ToString(), Is.EqualTo("300000 user room1 0 1  B/B"));
        }

        [Test]
        public void SeedCase3_ZegosReconnectFailed1002053At20Minutes_ArrivesOnce_AndZegoIsNotAskedToLogOut()
        {
            b = NativeBridge.Create();
            LoggedIn();
            b.Log.Clear();
            b.Zego.RoomStateChanged("room1", ZR.Reconnecting, 1002051);
            b.At(20 * Min - 10, step: 10_000);
            // ZEGO saw the loss a frame before the core did, so its 20 minutes end a frame earlier.
            ZEGO.FakeEngine.OnBackgroundThread(() => b.Zego.RoomStateChanged("room1", ZR.ReconnectFailed, 1002053));
            b.At(25 * Min, step: 10_000);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Reconnecting, 1002051), (20 * Min - 10, R.ReconnectFailed, 1002053) }));
            Assert.That(b.Log.Where(r => r.Cb == "legacy").Select(r => (ZegoRoomState)r.Value), Is.EqualTo(new[] { ZegoRoomState.Connecting, ZegoRoomState.Disconnected }));
            Assert.That(b.ZegoCalls().Any(c => c.StartsWith("LogoutRoom")), Is.False, "ZEGO has left the room already");
        }

        [Test]
        public void SeedCase3_ZegoStillReconnectingAtTheCoresWindow_TheCoreEndsItAt20Minutes_ZegosLateWordIsDropped()
        {
            b = NativeBridge.Create();
            LoggedIn();
            b.Log.Clear();
            b.Zego.RoomStateChanged("room1", ZR.Reconnecting, 1002051);
            b.At(20 * Min, step: 10_000);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Reconnecting, 1002051), (20 * Min, R.ReconnectFailed, 1002053) }));
            Assert.That(b.ZegoCalls().Last(), Is.EqualTo("LogoutRoom(room1, callback)"), "the core stops ZEGO's reconnection");
            b.Zego.RoomStateChanged("room1", ZR.Logout, 0);
            b.Zego.RoomStateChanged("room1", ZR.ReconnectFailed, 1002053);
            b.Zego.RoomStateChanged("room1", ZR.Reconnected, 0);
            b.At(21 * Min);
            Assert.That(b.States("room1").Count, Is.EqualTo(2));
        }

        [Test]
        public void KickOut_PassesThroughWithZegosCode()
        {
            b = NativeBridge.Create();
            LoggedIn();
            b.Log.Clear();
            ZEGO.FakeEngine.OnBackgroundThread(() => b.Zego.RoomStateChanged("room1", ZR.KickOut, 1002050, "dup"));
            b.Frame();
            Assert.That(b.Log.Where(r => r.Cb == "state").Select(r => (r.Value, r.Code, r.Fn)), Is.EqualTo(new[] { ((int)R.KickOut, 1002050, "dup") }));
        }

        [Test]
        public void TheCoresValidation_AnswersBeforeZegoIsCalled()
        {
            b = NativeBridge.Create();
            var results = new System.Collections.Generic.List<int>();
            b.Engine.LoginRoom("room 1", new ZegoUser("A"), null, (code, ext) => results.Add(code));
            b.Frame();
            Assert.That(results, Is.EqualTo(new[] { 1002012 }));
            Assert.That(b.ZegoCalls().Count, Is.EqualTo(2), "ZEGO never saw the bad room ID");
        }

        [Test]
        public void HostReachability_IsLeftToZego()
        {
            b = NativeBridge.Create();
            LoggedIn();
            b.Log.Clear();
            b.Engine.SetNetworkReachable(false);
            b.At(10_000);
            Assert.That(b.Log, Is.Empty);
        }

        [Test]
        public void DestroyEngine_LogsOutOfZegoAndDestroysItsEngine_AndUnhooksItsDelegates()
        {
            b = NativeBridge.Create();
            LoggedIn();
            var zego = b.Zego;
            ZegoExpressEngine.DestroyEngine();
            Assert.That(b.ZegoCalls().Skip(3), Is.EqualTo(new[] { "LogoutRoom(room1, callback)", "DestroyEngine" }));
            Assert.That(zego.onRoomStateChanged, Is.Null);
            Assert.That(zego.onDebugError, Is.Null);
        }

        // ---- the app's '=' on ZEGO's delegate fields ----------------------------------------------------

        [Test]
        public void AppAssignsZegosOnRoomStateChangedWithEquals_TheBridgeReattaches_StillHearsReconnecting_WarnsOnce_AndTheAppsHandlerHearsToo()
        {
            b = NativeBridge.Create();
            var appHeard = new System.Collections.Generic.List<(string, ZR, int)>();
            // ZEGO's own example scripts bind like this, right after creating the engine.
            b.Zego.onRoomStateChanged = (room, reason, code, ext) => appHeard.Add((room, reason, code));
            LoggedIn();
            b.At(1000);
            b.Zego.RoomStateChanged("room1", ZR.Reconnecting, 1002051);
            b.Frame();
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Logining, 0), (0.0, R.Logined, 0), (1000.0, R.Reconnecting, 1002051) }));
            Assert.That(appHeard, Is.EqualTo(new[] { ("room1", ZR.Logining, 0), ("room1", ZR.Logined, 0), ("room1", ZR.Reconnecting, 1002051) }));
            Assert.That(Warnings(), Is.EqualTo(new[]
            {
                "zego-room-bridge: ZEGO's onRoomStateChanged was assigned with '=' (or cleared), which removed the bridge's handler; " +
                "re-attached. Add your own handlers to ZEGO's engine with '+=', or use this package's onRoomStateChanged.",
            }));

            // Assigned again: re-attached again, no second warning.
            b.Zego.onRoomStateChanged = (room, reason, code, ext) => appHeard.Add((room, reason, code));
            b.At(2000);
            b.Zego.RoomStateChanged("room1", ZR.Reconnected, 0);
            b.Frame();
            Assert.That(b.States("room1").Last(), Is.EqualTo((2000.0, R.Reconnected, 0)));
            Assert.That(appHeard.Last(), Is.EqualTo(("room1", ZR.Reconnected, 0)));
            Assert.That(Warnings().Length, Is.EqualTo(1));
        }

        [Test]
        public void AppAddsToZegosDelegatesWithPlusEquals_NoWarning_TheBridgeHearsEachEventOnce()
        {
            b = NativeBridge.Create();
            LoggedIn();
            var appHeard = 0;
            b.Zego.onRoomStateChanged += (room, reason, code, ext) => appHeard++;
            b.Frame();
            b.Zego.RoomStateChanged("room1", ZR.Reconnecting, 1002051);
            b.Frame();
            Assert.That(b.States("room1").Count(s => s.reason == R.Reconnecting), Is.EqualTo(1));
            Assert.That(appHeard, Is.EqualTo(1));
            Assert.That(Warnings(), Is.Empty);
        }

        [Test]
        public void AppClearsZegosOnDebugError_TheBridgeReattaches_WarningNamesThatField()
        {
            b = NativeBridge.Create();
            b.Zego.onDebugError = null;
            b.Frame();
            b.Zego.onDebugError(1002075, "loginRoom", "token format error");
            b.Frame();
            Assert.That(b.Log.Select(r => (r.Cb, r.Code, r.Fn)), Is.EqualTo(new[] { ("debug", 1002075, "loginRoom") }));
            Assert.That(Warnings().Single(), Does.StartWith("zego-room-bridge: ZEGO's onDebugError was assigned with '='"));
        }

        [Test]
        public void TheAdaptersPerFrameCheck_AllocatesNothingWhileNoFieldChanges()
        {
            ZegoNativeRoomAdapter.Register();
            var adapter = new ZegoNativeRoomAdapter(new ZegoEngineProfile { appID = 1 }, new NoEvents());
            adapter.Execute("createEngine", new Newtonsoft.Json.Linq.JArray { 1, 0 });
            var zego = ZEGO.FakeEngine.Current;
            adapter.Tick();   // JIT and first-call work happen here
            var before = System.GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++) adapter.Tick();
            Assert.That(System.GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));

            zego.onRoomUserUpdate += (room, type, users, count) => { };
            adapter.Tick();   // a changed field is looked at once
            before = System.GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < 1000; i++) adapter.Tick();
            Assert.That(System.GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
            Assert.That(Warnings(), Is.Empty);
            adapter.Dispose();
        }

        sealed class NoEvents : INativeRoomEvents
        {
            public void Post(string eventName, Newtonsoft.Json.Linq.JArray args) { }
        }

        // ---- engine settings, version, the old factory ---------------------------------------------------

        [Test]
        public void LogAndEngineConfig_ReachZegoBeforeItsEngineIsCreated_AndAtOnceWhileItRuns()
        {
            var advanced = new System.Collections.Generic.Dictionary<string, string> { ["b"] = "2", ["a"] = "1" };
            ZegoExpressEngine.SetEngineConfig(new ZegoEngineConfig { advancedConfig = advanced });
            ZegoExpressEngine.SetLogConfig(new ZegoLogConfig { logPath = "/logs", logSize = 1024 * 1024 });
            advanced["a"] = "changed after the call";
            b = NativeBridge.Create();
            Assert.That(b.ZegoCalls(), Is.EqualTo(new[] { "SetEngineConfig(a=1 b=2)", "SetLogConfig(/logs, 1048576)", "SetRoomMode(SingleRoom)", "CreateEngine(1234, sign, Default)" }));
            ZegoExpressEngine.SetEngineConfig(new ZegoEngineConfig { advancedConfig = new System.Collections.Generic.Dictionary<string, string> { ["c"] = "3" } });
            ZegoExpressEngine.SetLogConfig(new ZegoLogConfig());
            Assert.That(b.ZegoCalls().Skip(4), Is.EqualTo(new[] { "SetEngineConfig(c=3)", "SetLogConfig(, 5242880)" }));
        }

        [Test]
        public void GetVersion_NamesTheBridgesVersionAndZegosSdkVersion()
        {
            b = NativeBridge.Create();
            Assert.That(ZegoExpressEngine.GetVersion(), Is.EqualTo("zego-room-bridge " + PackageVersion() + " (native ZEGO 3.14.5)"));
        }

        [Test]
        public void GetVersion_BeforeCreateEngine_AsksCoreMjsWithAHostOfItsOwn_AndNamesTheDriverCreateEngineWouldChoose()
        {
            var hosts = new System.Collections.Generic.List<V8ScriptHost>();
            ZegoRoomBridgeSettings.ScriptHostFactory = () => { var h = new V8ScriptHost(); hosts.Add(h); return h; };
            Assert.That(ZegoExpressEngine.GetVersion(), Is.EqualTo("zego-room-bridge " + PackageVersion() + " (native, ZEGO's Unity SDK missing)"));
            ZegoNativeRoomAdapter.Register();
            ZEGO.ZegoExpressEngine.Version = "2.18.0";
            Assert.That(ZegoExpressEngine.GetVersion(), Is.EqualTo("zego-room-bridge " + PackageVersion() + " (native ZEGO 2.18.0)"));
            ZegoRoomBridgeSettings.UseSimulator = true;
            Assert.That(ZegoExpressEngine.GetVersion(), Is.EqualTo("zego-room-bridge " + PackageVersion() + " (simulator)"));
            Assert.That(hosts.Count, Is.EqualTo(3));
            Assert.That(hosts.All(h => h.Disposed), Is.True);
            Assert.That(ZEGO.ZegoExpressEngine.Calls, Is.Empty, "asking the version creates nothing in ZEGO's SDK");
        }

        [Test]
        public void GetVersion_WithoutAJsRuntime_SaysUnknownAndThrowsNothing()
        {
            Assert.That(ZegoExpressEngine.GetVersion(), Is.EqualTo("zego-room-bridge unknown (native, ZEGO's Unity SDK missing)"));
            Assert.That(Warnings().Single(), Does.StartWith("zego-room-bridge: GetVersion could not ask core.mjs: ZegoRoomBridgeException"));
        }

        [Test]
        public void TheObsoleteFourArgumentCreateEngine_CreatesZegosEngineWithThatAppAndScenario()
        {
            ZegoNativeRoomAdapter.Register();
            ZegoRoomBridgeSettings.DriverOptions["simulator"] = new System.Collections.Generic.Dictionary<string, object> { ["clock"] = "virtual", ["startMs"] = NativeBridge.Start };
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new V8ScriptHost();
#pragma warning disable CS0618 // ZEGO's example scripts still call it
            var engine = ZegoExpressEngine.CreateEngine(99, "sign-99", true, ZegoScenario.General);
#pragma warning restore CS0618
            Assert.That(engine.Driver, Is.EqualTo(ZegoRoomDriverKind.Native));
            Assert.That(ZEGO.ZegoExpressEngine.Calls, Is.EqualTo(new[] { "SetRoomMode(SingleRoom)", "CreateEngine(99, sign-99, General)" }));
        }

        static string PackageVersion() =>
            Newtonsoft.Json.Linq.JObject.Parse(System.IO.File.ReadAllText(KeepZegoMediaTests.RepoFile("package.json"))).Value<string>("version");

        [Test]
        public void AnEngineTheAppMadeItself_IsUsedAndLeftAlive()
        {
            ZEGO.ZegoExpressEngine.SetRoomMode(ZEGO.ZegoRoomMode.SingleRoom);
            var own = ZEGO.ZegoExpressEngine.CreateEngine(new ZEGO.ZegoEngineProfile { appID = 1234 });
            b = NativeBridge.Create();
            Assert.That(b.ZegoCalls().Count, Is.EqualTo(2), "no second SetRoomMode/CreateEngine");
            ZegoExpressEngine.DestroyEngine();
            Assert.That(ZEGO.ZegoExpressEngine.GetEngine(), Is.SameAs(own));
        }

        [Test]
        public void AHostWithoutNativeMjs_CreateEngineThrowsTheDocumentedErrorNamingNativeMjs()
        {
            V8ScriptHost host = null;
            NativeRoomDriver.AdapterFactory = (profile, events) => new QuietNativeAdapter();   // ZEGO's SDK is there; the module is not
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new V8ScriptHost(simulator: false, native: false);
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 }));
            Assert.That(ex.ErrorCode, Is.EqualTo(1000017));
            Assert.That(ex.Message, Is.EqualTo(
                "zego-room-bridge: CreateEngine failed (1000017): no usable room driver — the \"native\" driver this platform needs is not available " +
                "(driver \"native\" is not available in this core build (load native.mjs, beside core.mjs)). " +
                "To run against the simulated room service set ZegoRoomBridgeSettings.UseSimulator = true before CreateEngine " +
                "(in the Editor: Tools > Zego Room Bridge > Simulate Room Service In Play Mode)."));
            Assert.That(host.Disposed, Is.True);
        }

        [Test]
        public void WithoutZegosSdk_CreateEngineThrowsTheDocumentedError()
        {
            V8ScriptHost host = null;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new V8ScriptHost();
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 }));
            Assert.That(ex.ErrorCode, Is.EqualTo(1000017));
            Assert.That(ex.Message, Is.EqualTo(
                "zego-room-bridge: CreateEngine failed (1000017): no usable room driver — the \"native\" driver this platform needs is not available " +
                "(ZEGO's Unity SDK is not in this project, or the ZegoRoomBridge.Native assembly is not compiled: import ZEGO's Unity SDK, " +
                "give it an assembly definition named ZegoExpressEngine and add ZRB_ZEGO_SDK to Scripting Define Symbols (the package's Documentation~/index.md, step 5)). " +
                "To run against the simulated room service set ZegoRoomBridgeSettings.UseSimulator = true before CreateEngine " +
                "(in the Editor: Tools > Zego Room Bridge > Simulate Room Service In Play Mode)."));
            Assert.That(host.Disposed, Is.True);
            Assert.That(ZEGO.ZegoExpressEngine.Calls, Is.Empty);
        }

        [Test]
        public void WithoutZegosSdk_TheEditorStillRunsTheSimulator()
        {
            HostHooks.IsEditor = true;
            HostHooks.EditorSimulatorPreference = () => true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new V8ScriptHost();
            var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
            Assert.That(engine.Driver, Is.EqualTo(ZegoRoomDriverKind.Simulator));
        }
    }
}
