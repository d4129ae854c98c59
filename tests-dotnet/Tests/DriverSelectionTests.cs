// Which room driver runs, and the error when none is usable: never the simulator silently in a player.
using NUnit.Framework;
using K = ZegoRoomBridge.ZegoRoomDriverKind;

namespace ZegoRoomBridge.Tests
{
    public class DriverSelectionTests : TestBase
    {
        [TestCase(false, true, false, false, K.Web, TestName = "WebGL player → Web driver")]
        [TestCase(false, false, false, false, K.Native, TestName = "native player → native driver")]
        [TestCase(false, false, false, true, K.Native, TestName = "player ignores the Editor's Play-mode option")]
        [TestCase(false, true, false, true, K.Web, TestName = "WebGL player ignores the Editor's Play-mode option")]
        [TestCase(false, true, true, false, K.Simulator, TestName = "WebGL player with UseSimulator → simulator")]
        [TestCase(false, false, true, false, K.Simulator, TestName = "native player with UseSimulator → simulator")]
        [TestCase(true, false, false, true, K.Simulator, TestName = "Editor with the Play-mode option → simulator")]
        [TestCase(true, false, false, false, K.Native, TestName = "Editor without it → native driver")]
        [TestCase(true, true, false, false, K.Native, TestName = "Editor with WebGL flag is not a WebGL player")]
        public void Choose(bool isEditor, bool isWebGLPlayer, bool useSimulator, bool editorOption, K expected)
        {
            Assert.That(DriverSelector.Choose(isEditor, isWebGLPlayer, useSimulator, editorOption), Is.EqualTo(expected));
        }

        [Test]
        public void NativePlayerWithoutANativeDriverInTheCore_CreateEngineThrowsTheDocumentedError()
        {
            V8ScriptHost host = null;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new V8ScriptHost();
            HostHooks.EditorSimulatorPreference = () => true;   // an Editor preference must not leak into a player
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 }));
            Assert.That(ex.ErrorCode, Is.EqualTo(1000017));
            Assert.That(ex.Message, Does.StartWith("zego-room-bridge: CreateEngine failed (1000017): no usable room driver — the \"native\" driver this platform needs is not available"));
            Assert.That(ex.Message, Does.Contain("ZegoRoomBridgeSettings.UseSimulator = true"));
            Assert.That(host.Disposed, Is.True, "the JS side is released");
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
        }

        [Test]
        public void WebGLPlayerWithoutTheWebDriver_CreateEngineNamesTheWebDriver()
        {
            HostHooks.IsWebGLPlayer = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new V8ScriptHost();
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 }));
            Assert.That(ex.Message, Does.Contain("the \"web\" driver"));
        }

        [Test]
        public void EditorPlayModeOption_RunsTheSimulator()
        {
            HostHooks.IsEditor = true;
            HostHooks.EditorSimulatorPreference = () => true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new V8ScriptHost();
            var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
            Assert.That(engine.Driver, Is.EqualTo(K.Simulator));
            Assert.That(ZegoRoomSimulator.IsActive, Is.True);
        }

        [Test]
        public void NoJsRuntime_CreateEngineSaysToInstallPuerTS()
        {
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(new ZegoEngineProfile()));
            Assert.That(ex.Message, Is.EqualTo("zego-room-bridge: CreateEngine failed (1000017): no JS runtime: install PuerTS (com.tencent.puerts.core 2.x, or 3.x with .v8, .quickjs or .nodejs; .webgl for WebGL) or set ZegoRoomBridgeSettings.ScriptHostFactory"));
        }

        [Test]
        public void NullProfile_CreateEngineThrows1000017()
        {
            var ex = Assert.Throws<ZegoRoomBridgeException>(() => ZegoExpressEngine.CreateEngine(null));
            Assert.That(ex.ErrorCode, Is.EqualTo(1000017));
        }

        [Test]
        public void SimulatorControlsWithoutASimulatedEngine_LogAndDoNothing()
        {
            Assert.That(ZegoRoomSimulator.KickOut("room1"), Is.False);
            Assert.That(UnityEngine.Debug.Lines, Has.Some.Matches<(UnityEngine.LogType type, string message)>(l =>
                l.message == "zego-room-bridge: ZegoRoomSimulator.KickOut needs an engine created with the simulator (ZegoRoomBridgeSettings.UseSimulator)"));
        }
    }
}
