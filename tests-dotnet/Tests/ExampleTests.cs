// The Assets/ example as a developer runs it in the Editor with the simulator: every branch of its switch.
using System.Linq;
using System.Reflection;
using NUnit.Framework;

namespace ZegoRoomBridge.Tests
{
    public class ExampleTests : TestBase
    {
        RoomConnectionExample example;
        V8ScriptHost host;

        [SetUp]
        public void StartExample()
        {
            ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
            ZegoRoomBridgeSettings.Simulator.StartMs = Bridge.Start;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new V8ScriptHost();
            example = new RoomConnectionExample { roomID = "room1", userID = "alice" };
            typeof(RoomConnectionExample).GetMethod("Start", BindingFlags.Instance | BindingFlags.NonPublic).Invoke(example, null);
        }

        void Run(double ms)
        {
            ZegoRoomSimulator.Advance(0);
            for (double t = 0; t < ms; t += 10) { ZegoExpressEngine.TickInstance(); ZegoRoomSimulator.Advance(10); }
            ZegoExpressEngine.TickInstance();
        }

        static string[] Logged() => UnityEngine.Debug.Lines.Select(l => l.message).Where(m => m.StartsWith("[RoomConnectionExample] ")).Select(m => m.Substring(24)).ToArray();

        [Test]
        public void LogsIn_KickedBySameUser_LogsInAgain_SwitchesRooms_KickedByServer_LogsOut()
        {
            Run(1000);
            Assert.That(Logged(), Is.EqualTo(new[] { "Logining room1", "Logined room1", "LoginRoom result 0" }));
            UnityEngine.Debug.Lines.Clear();
            ZegoRoomSimulator.DuplicateLogin("room1");
            Run(1000);
            Assert.That(example.Status, Is.EqualTo("KickOut room1: the same userID logged in elsewhere (1002050)"));
            example.userID = "bob";
            example.Login();
            Run(1000);
            example.SwitchTo("room2");
            Run(1000);
            ZegoRoomSimulator.KickOut("room2");
            Run(100);
            Assert.That(example.Status, Is.EqualTo("KickOut room2: removed by your server's kick-out API (1002055)"));
            example.Login();
            Run(1000);
            example.Logout();
            Run(100);
            Assert.That(Logged().Where(l => !l.StartsWith("joined") && !l.StartsWith("left")), Is.EqualTo(new[]
            {
                "KickOut room1: the same userID logged in elsewhere (1002050)",
                "Logining room1", "Logined room1", "LoginRoom result 0",
                "Logout room1", "Logining room2", "Logined room2",
                "KickOut room2: removed by your server's kick-out API (1002055)",
                "Logining room2", "Logined room2", "LoginRoom result 0",
                "Logout room2", "LogoutRoom result 0",
            }));
        }

        [Test]
        public void ReconnectingThenReconnectFailed()
        {
            Run(1000);
            ZegoRoomSimulator.SetNetwork(false);
            Run(100);
            Assert.That(example.Status, Is.EqualTo("Reconnecting room1 (1002051)"));
            ZegoRoomSimulator.Advance(20 * 60_000);
            Run(10);
            Assert.That(example.Status, Is.EqualTo("ReconnectFailed room1 (1002053): call LoginRoom to try again"));
        }

        [Test]
        public void ReconnectingThenReconnected()
        {
            Run(1000);
            ZegoRoomSimulator.SetNetwork(false);
            Run(100);
            ZegoRoomSimulator.SetNetwork(true);
            Run(5000);
            Assert.That(example.Status, Is.EqualTo("Reconnected room1"));
        }

        [Test]
        public void LoginFailedWithAWrongToken_TheTokenBranch()
        {
            Run(1000);
            example.Logout();
            example.token = ZegoRoomSimulator.MakeTestToken(Bridge.Start / 1000 - 60);
            example.Login();
            Run(1000);
            Assert.That(example.Status, Is.EqualTo("LoginRoom result 1002033"));
            Assert.That(Logged(), Does.Contain("LoginFailed room1: the token is wrong (1002033)"));
        }

        [Test]
        public void NoTokenBranch_TellsTheDeveloperAWebGLPlayerNeedsATokenAndHttps()
        {
            UnityEngine.Debug.Lines.Clear();
            example.OnRoomStateChanged("room1", ZegoRoomStateChangedReason.LoginFailed, ZegoErrorCode.RoomNoToken, "");
            Assert.That(example.Status, Is.EqualTo("LoginFailed room1: no token (1002067)"));
            var warnings = UnityEngine.Debug.Lines.Where(l => l.type == UnityEngine.LogType.Warning).Select(l => l.message).ToArray();
            Assert.That(warnings, Is.EqualTo(new[] { "[RoomConnectionExample] " + RoomConnectionExample.NoTokenHelp }));
            Assert.That(RoomConnectionExample.NoTokenHelp, Does.Contain("token server").And.Contain("Token04").And.Contain("HTTPS").And.Contain("localhost"));
        }

        [Test]
        public void LogoutFailedBranch_MultiRoomUnknownRoom()
        {
            example.OnRoomStateChanged("nope", ZegoRoomStateChangedReason.LogoutFailed, ZegoErrorCode.RoomRoomidIncorrect, "");
            Assert.That(example.Status, Is.EqualTo("LogoutFailed nope (1002002)"));
        }
    }

    public class ExampleInAPlayerTests : TestBase
    {
        [TearDown]
        public void BackToTheEditor() => UnityEngine.Application.isEditor = true;

        [Test]
        public void InAPlayerBuild_TheExampleNeverRunsTheSimulator()
        {
            UnityEngine.Application.isEditor = false;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new V8ScriptHost();
            var example = new RoomConnectionExample { roomID = "room1", userID = "alice", useSimulator = true };
            var start = typeof(RoomConnectionExample).GetMethod("Start", BindingFlags.Instance | BindingFlags.NonPublic);
            var e = Assert.Throws<TargetInvocationException>(() => start.Invoke(example, null));
            Assert.That(e.InnerException, Is.TypeOf<ZegoRoomBridgeException>());
            Assert.That(ZegoRoomBridgeSettings.UseSimulator, Is.False);
            Assert.That(e.InnerException.Message, Does.Not.Contain("simulator\" driver"));
        }

        [Test]
        public void InAWebGLPlayerWithoutTheWebDriver_TheExamplePassesItsWebServerAndSaysWhatToDo()
        {
            UnityEngine.Application.isEditor = false;
            HostHooks.IsWebGLPlayer = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new V8ScriptHost(simulator: false);   // core.mjs only: no "web" driver, as without webgl.mjs
            var example = new RoomConnectionExample { roomID = "room1", userID = "alice", webServer = "wss://webliveroom-test.example/ws" };
            var start = typeof(RoomConnectionExample).GetMethod("Start", BindingFlags.Instance | BindingFlags.NonPublic);
            var e = Assert.Throws<TargetInvocationException>(() => start.Invoke(example, null));
            var thrown = (ZegoRoomBridgeException)e.InnerException;
            Assert.That(thrown.ErrorCode, Is.EqualTo(ZegoErrorCode.CommonIllegalParam));
            Assert.That(ZegoRoomBridgeSettings.WebServer, Is.EqualTo("wss://webliveroom-test.example/ws"));
            var warnings = UnityEngine.Debug.Lines.Where(l => l.type == UnityEngine.LogType.Warning).Select(l => l.message).ToArray();
            Assert.That(warnings, Has.Length.EqualTo(1));
            Assert.That(warnings[0], Does.StartWith("[RoomConnectionExample] CreateEngine failed (1000017). On WebGL: build with the package's \"WebGL template\" sample"));
            Assert.That(warnings[0], Does.Contain("`npx zego-room-bridge webgl-sdk --out Assets/WebGLTemplates/ZegoRoomBridge`"));
            Assert.That(warnings[0], Does.EndWith("The bridge said: " + thrown.Message));
        }
    }
}
