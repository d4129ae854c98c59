// A game that keeps ZEGO's Unity SDK for audio and video: the documented script (KeepZegoMediaExample.cs)
// runs on the native driver over the real core.mjs and the fake of ZEGO's SDK, and the page shows it verbatim.
using System.IO;
using System.Linq;
using System.Reflection;
using NUnit.Framework;
using ZegoRoomBridge.Native;
using ZR = ZEGO.ZegoRoomStateChangedReason;

namespace ZegoRoomBridge.Tests
{
    public class KeepZegoMediaTests : TestBase
    {
        RoomWithMedia script;
        V8ScriptHost host;

        [SetUp]
        public void AProjectWithZegosSdk()
        {
            ZEGO.ZegoExpressEngine.ResetFake();
            ZegoNativeRoomAdapter.Register();
            ZegoRoomBridgeSettings.DriverOptions["simulator"] = new System.Collections.Generic.Dictionary<string, object> { ["clock"] = "virtual", ["startMs"] = Bridge.Start };
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new V8ScriptHost();
            script = new RoomWithMedia();
        }

        [TearDown]
        public void NoZegoSdk()
        {
            Call("OnDestroy");
            NativeRoomDriver.AdapterFactory = null;
            NativeRoomDriver.SdkVersion = null;
        }

        void Call(string method) => typeof(RoomWithMedia).GetMethod(method, BindingFlags.Instance | BindingFlags.NonPublic).Invoke(script, null);

        /// <summary>A frame as NativeBridge plays it: ZEGO's queued callbacks in, the core's due turns (virtual clock), delegates out.</summary>
        void Frame()
        {
            ZegoExpressEngine.TickInstance();
            host.Invoke("{\"op\":\"simAdvance\",\"ms\":0}");
            ZegoExpressEngine.TickInstance();
        }

        static string[] Calls()
        {
            lock (ZEGO.ZegoExpressEngine.Calls) return ZEGO.ZegoExpressEngine.Calls.ToArray();
        }

        static string[] Logged() => UnityEngine.Debug.Lines.Select(l => l.message).ToArray();

        [Test]
        public void RoomsThroughTheBridge_MediaThroughZego_OnOneZegoEngine()
        {
            Call("Start");
            Frame();
            var zego = ZEGO.FakeEngine.Current;
            Assert.That(Calls(), Is.EqualTo(new[] { "SetRoomMode(SingleRoom)", "CreateEngine(1234567, <AppSign>, Default)", "LoginRoom(room1, user1/user1, max=0 notify=True token=null, callback)" }));

            zego.RoomStateChanged("room1", ZR.Logining, 0);
            zego.RoomStateChanged("room1", ZR.Logined, 0);
            zego.LoginCallbacks["room1"](0, "");
            Frame();
            Assert.That(Calls().Last(), Is.EqualTo("StartPublishingStream(user1-main, Main)"), "the bridge's Logined starts ZEGO's publishing");

            zego.onRoomStreamUpdate("room1", ZEGO.ZegoUpdateType.Add, new System.Collections.Generic.List<ZEGO.ZegoStream> { new ZEGO.ZegoStream { streamID = "user2-main" } }, "");
            zego.RoomStateChanged("room1", ZR.Reconnecting, 1002051);
            Frame();
            zego.RoomStateChanged("room1", ZR.Reconnected, 0);
            zego.onRoomStreamUpdate("room1", ZEGO.ZegoUpdateType.Delete, new System.Collections.Generic.List<ZEGO.ZegoStream> { new ZEGO.ZegoStream { streamID = "user2-main" } }, "");
            zego.RoomStateChanged("room1", ZR.KickOut, 1002050);
            Frame();
            Assert.That(Calls().Skip(4), Is.EqualTo(new[] { "StartPlayingStream(user2-main, canvas)", "StopPlayingStream(user2-main)", "StopPublishingStream(Main)" }));
            Assert.That(Logged().Where(l => l.StartsWith("room1 ") || l.StartsWith("login ")), Is.EqualTo(new[]
            {
                "room1 Logining 0", "room1 Logined 0", "login 0", "room1 Reconnecting 1002051", "room1 Reconnected 0", "room1 KickOut 1002050",
            }));
            Assert.That(Logged().Any(l => l.Contains("assigned with '='")), Is.False, "the script adds to ZEGO's delegates with +=");

            Call("OnDestroy");
            Assert.That(Calls().Last(), Is.EqualTo("DestroyEngine"));
            Assert.That(zego.onRoomStreamUpdate, Is.Null);
            Assert.That(host.Disposed, Is.True);
        }

        [Test]
        public void WithTheSimulator_TheScriptRunsWithoutMedia()
        {
            ZegoRoomBridgeSettings.UseSimulator = true;
            ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
            Call("Start");
            ZegoRoomSimulator.Advance(1000);
            ZegoExpressEngine.TickInstance();
            Assert.That(Logged().Where(l => l.StartsWith("room1 ") || l.StartsWith("login ")), Is.EqualTo(new[] { "room1 Logining 0", "room1 Logined 0", "login 0" }));
            Assert.That(Calls(), Is.Empty, "no ZEGO engine, no media calls");
        }

        [Test]
        public void ThePage_ShowsTheCompiledScript_AndNamesTheAdaptersMinimumZegoVersion()
        {
            var page = File.ReadAllText(RepoFile("unity-plugin/Documentation~/keep-zego-media.md"));
            var source = File.ReadAllText(RepoFile("tests-dotnet/Tests/KeepZegoMediaExample.cs")).Replace("\r\n", "\n");
            var script = source.Substring(source.IndexOf("using System.Collections.Generic;", System.StringComparison.Ordinal));
            var start = page.IndexOf("```csharp\n", System.StringComparison.Ordinal) + "```csharp\n".Length;
            Assert.That(page.Substring(start, page.IndexOf("```", start, System.StringComparison.Ordinal) - start), Is.EqualTo(script));
            Assert.That(page, Does.Contain("**ZEGO Express Unity SDK " + ZegoNativeRoomAdapter.MinimumZegoSdkVersion + " or newer**"));
        }

        /// <summary>A file of this repository, found upwards from the test binaries.</summary>
        internal static string RepoFile(string path)
        {
            var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
            for (var up = 0; dir != null && up < 8; up++, dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, path))) return Path.Combine(dir.FullName, path);
            throw new FileNotFoundException(path);
        }
    }
}
