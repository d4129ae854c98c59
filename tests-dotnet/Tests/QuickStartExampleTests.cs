// The room parts of ZEGO's QuickStart/Setting scripts (ZegoApiCompatibility.cs) run as written, on the simulator.
using System.Linq;
using NUnit.Framework;
using ZegoRoomBridge.Tests.ZegoUsage;

namespace ZegoRoomBridge.Tests
{
    public class QuickStartExampleTests : TestBase
    {
        [TearDown]
        public void ForgetTheSettings()
        {
            NativeRoomDriver.LogConfig = null;
            NativeRoomDriver.EngineConfig = null;
        }

        [Test]
        public void VersionSettingsOldFactoryLoginLogout_AsZegosScriptWritesThem()
        {
            ZegoRoomBridgeSettings.UseSimulator = true;
            ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new V8ScriptHost();
            var script = new QuickStartLikeZegoExample();

            script.ShowVersion();
            script.SetUpBeforeCreating();
            script.CreateOldStyle(1234, "sign");
            script.Login();
            ZegoRoomSimulator.Advance(1000);
            ZegoExpressEngine.TickInstance();
            var seenWhileIn = script.seen.ToArray();
            script.Logout();

            Assert.That(UnityEngine.Debug.Lines.First().message, Does.Match(@"^SDK version: zego-room-bridge \d+\.\d+\.\d+ \(simulator\)$"));
            Assert.That(NativeRoomDriver.LogConfig.logSize, Is.EqualTo(5UL * 1024 * 1024), "recorded for a native engine");
            Assert.That(NativeRoomDriver.EngineConfig.advancedConfig["video_data_image_process_enable"], Is.EqualTo("true"));
            Assert.That(seenWhileIn, Is.EqualTo(new[]
            {
                "OnRoomStateChanged, roomID: QuickStartRoom-1, reason: Logining, errorCode: 0",
                "OnRoomStateUpdate, roomID: QuickStartRoom-1, state: Connecting, errorCode: 0",
                "OnRoomStateChanged, roomID: QuickStartRoom-1, reason: Logined, errorCode: 0",
                "OnRoomStateUpdate, roomID: QuickStartRoom-1, state: Connected, errorCode: 0",
            }));
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
        }
    }
}
