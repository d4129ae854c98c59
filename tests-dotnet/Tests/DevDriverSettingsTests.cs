// ZegoRoomBridgeSettings.DevServer: the "dev" driver (the local room server) in the Editor and development
// builds, a 1000017 naming the setting in a release build or for an address that is not ws:// / wss://, and
// the createEngine request it makes (with RetryWindowMs, which every driver gets).
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using K = ZegoRoomBridge.ZegoRoomDriverKind;

namespace ZegoRoomBridge.Tests
{
    public class DevDriverSettingsTests : TestBase
    {
        const string Url = "ws://127.0.0.1:8787";
        const string Failed = "zego-room-bridge: CreateEngine failed (1000017): ";

        static ZegoEngineProfile Profile => new ZegoEngineProfile { appID = 1, appSign = "" };

        [TestCase(true, false, false, false, TestName = "Editor with DevServer → dev")]
        [TestCase(false, false, false, false, TestName = "native player with DevServer → dev (allowed or refused later)")]
        [TestCase(false, true, false, false, TestName = "WebGL player with DevServer → dev")]
        [TestCase(false, false, true, false, TestName = "DevServer wins over UseSimulator")]
        [TestCase(true, false, false, true, TestName = "DevServer wins over the Editor's Play-mode option")]
        public void Choose_DevServerSet_IsTheDevDriver(bool isEditor, bool isWebGLPlayer, bool useSimulator, bool editorOption)
        {
            Assert.That(DriverSelector.Choose(isEditor, isWebGLPlayer, useSimulator, editorOption, true), Is.EqualTo(K.Dev));
            Assert.That(DriverSelector.Choose(isEditor, isWebGLPlayer, useSimulator, editorOption, false),
                Is.EqualTo(DriverSelector.Choose(isEditor, isWebGLPlayer, useSimulator, editorOption)), "without DevServer the rule is unchanged");
        }

        [Test]
        public void TheDevDriversWireName_IsDev_AndNullOrEmptyIsOff()
        {
            Assert.That(DriverSelector.WireName(K.Dev), Is.EqualTo("dev"));
            Assert.That(DriverSelector.DevServerSet(null), Is.False);
            Assert.That(DriverSelector.DevServerSet(""), Is.False, "an empty Inspector field");
            Assert.That(DriverSelector.DevServerSet(Url), Is.True);
        }

        [TestCase("ws://127.0.0.1:8787")]
        [TestCase("ws://192.168.1.20:8787/")]
        [TestCase("wss://dev.example.com/rooms")]
        [TestCase("WS://localhost")]
        public void AWebSocketAddress_IsAccepted(string url)
        {
            Assert.That(DriverSelector.DevServerProblem(url, true, true), Is.Null);
            Assert.That(DriverSelector.DevServerProblem(url, false, true), Is.Null, "a development build");
        }

        [TestCase("http://127.0.0.1:8787")]
        [TestCase("127.0.0.1:8787")]
        [TestCase("localhost")]
        [TestCase(" ws://127.0.0.1:8787")]
        [TestCase("ws://127.0.0.1:8787 ")]
        [TestCase("ws://")]
        [TestCase("ws:127.0.0.1")]
        [TestCase("ws://127.0.0.1:99999")]
        public void AnythingElse_IsRefusedWithTheSettingsNameAndAnExample(string url)
        {
            Assert.That(DriverSelector.DevServerProblem(url, true, true), Is.EqualTo(
                "ZegoRoomBridgeSettings.DevServer must be a ws:// or wss:// address such as \"ws://127.0.0.1:8787\" " +
                "(what `npx zego-room-bridge serve` prints), not \"" + url + "\""));
        }

        [Test]
        public void InTheEditor_CreateEngineRunsTheDevDriver_WithTheServersAddress()
        {
            HostHooks.IsEditor = true;
            HostHooks.IsDevelopmentBuild = true;
            RecordingScriptHost host = null;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new RecordingScriptHost(new QuietScriptHost());
            ZegoRoomBridgeSettings.DevServer = Url;
            var engine = ZegoExpressEngine.CreateEngine(Profile);
            Assert.That(engine.Driver, Is.EqualTo(K.Dev));
            var request = host.CreateEngineRequest;
            Assert.That((string)request["driver"], Is.EqualTo("dev"));
            Assert.That(JToken.DeepEquals(request["dev"], new JObject { ["url"] = Url }), Is.True, request.ToString());
            Assert.That(request.ContainsKey("retryWindowMs"), Is.False, "null: the core's default, ZEGO's 20 minutes");
            Assert.That(request.ContainsKey("world"), Is.False, "no simulator fields");
            Assert.That(ZegoExpressEngine.GetVersion(), Is.EqualTo("zego-room-bridge 0.0.0-quiet (dev)"));
            Assert.That(ZegoRoomSimulator.IsActive, Is.False);
        }

        [Test]
        public void InAWebGLDevelopmentBuild_TheRequestCarriesTheHeartbeatAndTheRetryWindow()
        {
            HostHooks.IsWebGLPlayer = true;
            HostHooks.IsDevelopmentBuild = true;
            RecordingScriptHost host = null;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new RecordingScriptHost(new QuietScriptHost());
            ZegoRoomBridgeSettings.DevServer = "ws://192.168.1.20:8787";
            ZegoRoomBridgeSettings.DevHeartbeatIntervalMs = 1000;
            ZegoRoomBridgeSettings.RetryWindowMs = 30_000;
            Assert.That(ZegoExpressEngine.CreateEngine(Profile).Driver, Is.EqualTo(K.Dev));
            var request = host.CreateEngineRequest;
            Assert.That(JToken.DeepEquals(request["dev"], new JObject { ["url"] = "ws://192.168.1.20:8787", ["heartbeatIntervalMs"] = 1000 }), Is.True, request.ToString());
            Assert.That((int)request["retryWindowMs"], Is.EqualTo(30_000));
            Assert.That(request.ContainsKey("webServer"), Is.False, "no Web SDK fields");
        }

        [TestCase(false, TestName = "release native player: DevServer → 1000017, nothing started")]
        [TestCase(true, TestName = "release WebGL player: DevServer → 1000017, nothing started")]
        public void InAReleaseBuild_CreateEngineThrows1000017NamingTheSetting_AndStartsNothing(bool webgl)
        {
            HostHooks.IsWebGLPlayer = webgl;
            HostHooks.IsDevelopmentBuild = false;
            var hostsStarted = 0;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => { hostsStarted++; return new QuietScriptHost(); };
            ZegoRoomBridgeSettings.DevServer = Url;
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(Profile));
            Assert.That(ex.ErrorCode, Is.EqualTo(1000017));
            Assert.That(ex.Message, Is.EqualTo(Failed +
                "ZegoRoomBridgeSettings.DevServer is set (\"ws://127.0.0.1:8787\") in a release build: the dev driver (the local room server of " +
                "`npx zego-room-bridge serve`) runs only in the Editor and in development builds. Set DevServer only under " +
                "#if UNITY_EDITOR || DEVELOPMENT_BUILD, or build with Development Build checked."));
            Assert.That(hostsStarted, Is.EqualTo(0), "no JS runtime for an engine that cannot run");
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
        }

        [Test]
        public void ABadAddress_CreateEngineThrows1000017_AndStartsNothing()
        {
            HostHooks.IsEditor = true;
            var hostsStarted = 0;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => { hostsStarted++; return new QuietScriptHost(); };
            ZegoRoomBridgeSettings.DevServer = "http://127.0.0.1:8787";
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(Profile));
            Assert.That(ex.ErrorCode, Is.EqualTo(1000017));
            Assert.That(ex.Message, Is.EqualTo(Failed + DriverSelector.DevServerProblem("http://127.0.0.1:8787", true, true)));
            Assert.That(hostsStarted, Is.EqualTo(0));
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
        }

        [TestCase(0)]
        [TestCase(-5)]
        public void ANonPositiveHeartbeat_CreateEngineThrows1000017(int ms)
        {
            HostHooks.IsEditor = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new QuietScriptHost();
            ZegoRoomBridgeSettings.DevServer = Url;
            ZegoRoomBridgeSettings.DevHeartbeatIntervalMs = ms;
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(Profile));
            Assert.That(ex.Message, Is.EqualTo(Failed + "ZegoRoomBridgeSettings.DevHeartbeatIntervalMs must be a positive number of milliseconds, " +
                "or null for the dev driver's 5 s (it is " + ms + ")"));
        }

        [Test]
        public void DevServerAndUseSimulatorBoth_RunTheDevDriverAndSayWhy()
        {
            HostHooks.IsEditor = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new QuietScriptHost();
            ZegoRoomBridgeSettings.UseSimulator = true;
            ZegoRoomBridgeSettings.DevServer = Url;
            Assert.That(ZegoExpressEngine.CreateEngine(Profile).Driver, Is.EqualTo(K.Dev));
            Assert.That(UnityEngine.Debug.Lines, Has.Some.EqualTo((UnityEngine.LogType.Warning,
                "zego-room-bridge: ZegoRoomBridgeSettings.DevServer and UseSimulator are both set: running the dev driver against ws://127.0.0.1:8787")));
        }

        [Test]
        public void ACoreWithoutDevMjs_CreateEngineThrows1000017WithTheCoresReason_AndReleasesIt()
        {
            HostHooks.IsEditor = true;
            V8ScriptHost v8 = null;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => v8 = new V8ScriptHost();   // core, native, sim: no dev.mjs
            ZegoRoomBridgeSettings.DevServer = Url;
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(Profile));
            Assert.That(ex.ErrorCode, Is.EqualTo(1000017));
            Assert.That(ex.Message, Does.StartWith(Failed + "the core refused the dev driver (ZegoRoomBridgeSettings.DevServer = \"ws://127.0.0.1:8787\"): " +
                "driver \"dev\" is not available in this core build"));
            Assert.That(v8.Disposed, Is.True);
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
        }

        [Test]
        public void RetryWindowMs_GoesToEveryDriversRequest_AndTheCoreTakesIt()
        {
            RecordingScriptHost host = null;
            ZegoRoomBridgeSettings.UseSimulator = true;
            ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new RecordingScriptHost(new V8ScriptHost());
            ZegoRoomBridgeSettings.RetryWindowMs = 45_000;
            Assert.That(ZegoExpressEngine.CreateEngine(Profile).Driver, Is.EqualTo(K.Simulator));
            Assert.That((int)host.CreateEngineRequest["retryWindowMs"], Is.EqualTo(45_000));
            ZegoExpressEngine.DestroyEngine();

            NativeRoomDriver.AdapterFactory = (profile, events) => new QuietNativeAdapter();
            try
            {
                ZegoRoomBridgeSettings.UseSimulator = false;
                ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new RecordingScriptHost(new QuietScriptHost());
                Assert.That(ZegoExpressEngine.CreateEngine(Profile).Driver, Is.EqualTo(K.Native));
                Assert.That((int)host.CreateEngineRequest["retryWindowMs"], Is.EqualTo(45_000));
            }
            finally { NativeRoomDriver.AdapterFactory = null; }
        }

        [TestCase(0)]
        [TestCase(-1)]
        public void ANonPositiveRetryWindow_CreateEngineThrows1000017(int ms)
        {
            ZegoRoomBridgeSettings.UseSimulator = true;
            var hostsStarted = 0;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => { hostsStarted++; return new QuietScriptHost(); };
            ZegoRoomBridgeSettings.RetryWindowMs = ms;
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(Profile));
            Assert.That(ex.Message, Is.EqualTo(Failed + "ZegoRoomBridgeSettings.RetryWindowMs must be a positive number of milliseconds, " +
                "or null for ZEGO's 20 minutes (it is " + ms + ")"));
            Assert.That(hostsStarted, Is.EqualTo(0));
        }

        [Test]
        public void Reset_ClearsTheDevSettings()
        {
            ZegoRoomBridgeSettings.DevServer = Url;
            ZegoRoomBridgeSettings.DevHeartbeatIntervalMs = 1000;
            ZegoRoomBridgeSettings.RetryWindowMs = 30_000;
            HostHooks.IsDevelopmentBuild = true;
            ZegoRoomBridgeSettings.Reset();
            HostHooks.Reset();
            Assert.That(ZegoRoomBridgeSettings.DevServer, Is.Null);
            Assert.That(ZegoRoomBridgeSettings.DevHeartbeatIntervalMs, Is.Null);
            Assert.That(ZegoRoomBridgeSettings.RetryWindowMs, Is.Null);
            Assert.That(HostHooks.IsDevelopmentBuild, Is.False);
        }
    }
}
