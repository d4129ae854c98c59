using System;
using System.Linq;
using NUnit.Framework;
using UnityEngine;

namespace ZegoRoomBridge.Tests
{
    /// <summary>
    /// A frame where nothing happens allocates nothing in the package (a game profiling GC.Alloc sees 0 B),
    /// and debug text is built only while a panel listens. Allocation is deterministic: these are behaviour
    /// tests, not timing tests (time per frame is in `npm run bench`, docs/PERFORMANCE.md).
    /// </summary>
    public class IdleFrameTests : TestBase
    {
        const int Frames = 10_000;

        [TearDown]
        public void ForgetTheAdapter() => NativeRoomDriver.AdapterFactory = null;

        static long BytesOver(int frames, Action frame)
        {
            for (var i = 0; i < 100; i++) frame();   // first calls (static caches, JIT) are not a frame's cost
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < frames; i++) frame();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [Test]
        public void AnIdleFrame_AllocatesNothing_AndNeverAsksForTheEventString()
        {
            var host = new QuietScriptHost();
            ZegoRoomBridgeSettings.UseSimulator = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host;
            var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
            engine.onRoomStateChanged = (room, reason, code, ext) => { };

            Assert.That(BytesOver(Frames, engine.Tick), Is.EqualTo(0), "bytes allocated over " + Frames + " idle frames");
            Assert.That(BytesOver(Frames, ZegoExpressEngine.TickInstance), Is.EqualTo(0), "the runner's entry point");
            Assert.That(host.Ticks, Is.EqualTo(2 * (Frames + 100)), "JS timers still run every frame");
            Assert.That(host.Drains, Is.Zero, "bridgePending said 0: no drain, no string");
        }

        [Test]
        public void AnIdleFrame_OfANativeEngine_AllocatesNothing()
        {
            var host = new QuietScriptHost();
            var adapter = new QuietNativeAdapter();
            NativeRoomDriver.AdapterFactory = (profile, events) => adapter;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host;
            var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
            Assert.That(engine.Driver, Is.EqualTo(ZegoRoomDriverKind.Native));

            Assert.That(BytesOver(Frames, engine.Tick), Is.EqualTo(0), "bytes allocated over " + Frames + " idle frames");
            Assert.That(adapter.Ticks, Is.EqualTo(Frames + 100), "the adapter's checks still run every frame");
        }

        [Test]
        public void AfterDestroyEngine_AnIdleFrame_AllocatesNothing()
        {
            ZegoRoomBridgeSettings.UseSimulator = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => new QuietScriptHost();
            ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
            ZegoExpressEngine.DestroyEngine();

            Assert.That(BytesOver(Frames, ZegoExpressEngine.TickInstance), Is.EqualTo(0));
        }

        [Test]
        public void EventsAreKeptAsText_OnlyWhileAPanelListens()
        {
            var b = Bridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null);
            b.At(1000);
            Assert.That(b.States("room1").Select(s => s.reason), Is.EqualTo(new[] { ZegoRoomStateChangedReason.Logining, ZegoRoomStateChangedReason.Logined }));
            Assert.That(b.Engine.RecentEvents, Is.Empty, "no panel: no text");

            Diagnostics.Listen();
            b.Engine.LogoutRoom("room1");
            b.At(2000);
            Assert.That(b.Engine.RecentEvents, Is.EqualTo(new[]
            {
                "onRoomStateChanged [\"room1\",7,0,\"\"]",
                "onRoomStateUpdate [\"room1\",0,0,\"\"]",
            }));

            Diagnostics.StopListening();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null);
            b.At(3000);
            Assert.That(b.Engine.RecentEvents.Count, Is.EqualTo(2), "the panel closed: nothing more is built");
        }

        [Test]
        public void AThrowingDelegate_IsLoggedOnce_WithItsStackAndTheEngineAndRoom()
        {
            var b = Bridge.Create();
            b.Engine.onRoomStateChanged += (room, reason, code, ext) => Thrower();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null);
            b.At(1000);

            var errors = UnityEngine.Debug.Lines.Where(l => l.type == LogType.Error).Select(l => l.message).ToArray();
            Assert.That(errors.Length, Is.EqualTo(2), "Logining and Logined each threw once: " + string.Join(" || ", errors));
            var first = errors[0].Split('\n');
            Assert.That(first[0], Is.EqualTo("zego-room-bridge: the app's onRoomStateChanged threw: System.InvalidOperationException: app bug"));
            Assert.That(first.Any(line => line.Contains(nameof(Thrower))), Is.True, "the stack is kept");
            Assert.That(first.Last(), Is.EqualTo("[engine e1, room \"room1\"]"));
        }

        static void Thrower() => throw new InvalidOperationException("app bug");

        [Test]
        public void TheHostsFailure_KeepsItsStack_BehindTheSameFirstLine()
        {
            var failure = Catch(() => Thrower());
            var text = BridgeLog.Format("a JS timer threw", failure, false, new BridgeLogContext("e1", null));
            var lines = text.Split('\n');
            Assert.That(lines[0], Is.EqualTo("zego-room-bridge: a JS timer threw: InvalidOperationException: app bug"));
            Assert.That(lines.Any(l => l.Contains(nameof(Thrower))), Is.True);
            Assert.That(lines.Last(), Is.EqualTo("[engine e1]"));
            Assert.That(BridgeLog.Format("SetLogConfig(null) ignored", null, false, default), Is.EqualTo("zego-room-bridge: SetLogConfig(null) ignored"));
        }

        static Exception Catch(Action action)
        {
            try { action(); }
            catch (Exception e) { return e; }
            throw new AssertionException("did not throw");
        }
    }
}
