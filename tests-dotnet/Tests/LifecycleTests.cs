// Threads, throwing delegates, DestroyEngine, Play-session reset and pause: the Unity lifecycle in plain C#.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using NUnit.Framework;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;
using LogType = UnityEngine.LogType;

namespace ZegoRoomBridge.Tests
{
    public class LifecycleTests : TestBase
    {
        readonly List<string> seen = new List<string>();

        [SetUp]
        public void ClearSeen() => seen.Clear();

        static IEnumerable<string> Errors() => UnityEngine.Debug.Lines.Where(l => l.type == LogType.Error).Select(l => l.message);
        static IEnumerable<string> Warnings() => UnityEngine.Debug.Lines.Where(l => l.type == LogType.Warning).Select(l => l.message);

        [Test]
        public void AThrowingDelegate_IsLogged_OtherSubscribersAndLaterEventsStillArrive()
        {
            var b = Bridge.Create(record: false);
            b.Engine.onRoomStateChanged = (room, reason, code, ext) => { seen.Add("first " + reason); throw new InvalidOperationException("app bug"); };
            b.Engine.onRoomStateChanged += (room, reason, code, ext) => seen.Add("second " + reason);
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null, (c, e) => throw new Exception("callback bug"));
            b.At(1000);
            Assert.That(seen, Is.EqualTo(new[] { "first Logining", "second Logining", "first Logined", "second Logined" }));
            Assert.That(Errors().Count(m => m.StartsWith("zego-room-bridge: the app's onRoomStateChanged threw: System.InvalidOperationException: app bug")), Is.EqualTo(2));
            Assert.That(Errors().Count(m => m.StartsWith("zego-room-bridge: the app's result callback threw")), Is.EqualTo(1));
            ZegoRoomSimulator.KickOut("room1");
            b.At(2000);
            Assert.That(seen.Last(), Is.EqualTo("second KickOut"));
        }

        [Test]
        public void CallsFromABackgroundThread_RunOnTheMainThreadAtTheNextTick()
        {
            var b = Bridge.Create();
            Task.Run(() => b.Engine.LoginRoom("room1", new ZegoUser("A"), null)).Wait();
            Assert.That(b.Host.Drained, Is.Empty, "nothing entered JS off the main thread");
            b.At(1000);
            Assert.That(b.States("room1").Select(s => s.reason), Is.EqualTo(new[] { R.Logining, R.Logined }));
        }

        [Test]
        public void DestroyEngine_ReleasesTheHost_ClearsGetEngine_CallsTheCallback()
        {
            var b = Bridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null);
            b.At(1000);
            ZegoExpressEngine.DestroyEngine(() => seen.Add("destroyed"));
            ZegoExpressEngine.TickInstance();
            Assert.That(seen, Is.EqualTo(new[] { "destroyed" }));
            Assert.That(b.Host.Disposed, Is.True);
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
            Assert.That(ZegoRoomSimulator.IsActive, Is.False);
        }

        [Test]
        public void DestroyEngineCallback_ComesOnALaterTick_NeverInsideTheCall_Once()
        {
            Bridge.Create();
            ZegoExpressEngine.DestroyEngine(() => seen.Add("destroyed"));
            Assert.That(seen, Is.Empty, "ZEGO documents the callback as asynchronous");
            ZegoExpressEngine.TickInstance();
            ZegoExpressEngine.TickInstance();
            Assert.That(seen, Is.EqualTo(new[] { "destroyed" }));
        }

        [Test]
        public void DestroyEngineWithNoEngine_NeverCallsBack()
        {
            ZegoExpressEngine.DestroyEngine(() => seen.Add("never created"));
            Bridge.Create();
            ZegoExpressEngine.DestroyEngine();
            ZegoExpressEngine.DestroyEngine(() => seen.Add("already destroyed"));
            ZegoExpressEngine.TickInstance();
            ZegoExpressEngine.TickInstance();
            Assert.That(seen, Is.Empty, "ZEGO: no engine, no callback");
        }

        [Test]
        public void CallsAfterDestroyEngine_1000002ToTheCallbackOnALaterTick_WarningWithoutOne_NothingThrown()
        {
            var b = Bridge.Create();
            var kept = b.Engine;
            ZegoExpressEngine.DestroyEngine();
            UnityEngine.Debug.Lines.Clear();
            Assert.DoesNotThrow(() =>
            {
                kept.LoginRoom("room1", new ZegoUser("A"), null, (c, e) => seen.Add("login " + c));
                kept.LogoutRoom((c, e) => seen.Add("logout " + c));
                kept.SwitchRoom("room1", "room2");
                kept.RenewToken("room1", "t");
            });
            Assert.That(seen, Is.Empty, "never inside the call");
            Assert.DoesNotThrow(() => kept.Tick());
            Assert.That(seen, Is.EqualTo(new[] { "login 1000002", "logout 1000002" }));
            Assert.That(Warnings(), Is.EqualTo(new[]
            {
                "zego-room-bridge: SwitchRoom called after DestroyEngine; error 1000002 (CommonNotLoginRoom). Call CreateEngine again.",
                "zego-room-bridge: RenewToken called after DestroyEngine; error 1000002 (CommonNotLoginRoom). Call CreateEngine again.",
            }));
            Assert.That(Errors(), Is.Empty);
        }

        // ---- DestroyEngine and other threads: real threads, ordered by Join, then Tick ----

        static void OnAnotherThread(Action call)
        {
            var thread = new Thread(() => call());
            thread.Start();
            thread.Join();
        }

        string Where() => Thread.CurrentThread.ManagedThreadId == mainThreadId ? "main" : "other";
        int mainThreadId;

        [SetUp]
        public void RememberTheMainThread() => mainThreadId = Thread.CurrentThread.ManagedThreadId;

        [Test]
        public void CallsFromAnotherThreadOnAKeptReference_AfterDestroyEngine_1000002OnTheMainThreadOnALaterTick()
        {
            var kept = Bridge.Create().Engine;
            ZegoExpressEngine.DestroyEngine();
            UnityEngine.Debug.Lines.Clear();
            OnAnotherThread(() =>
            {
                kept.LoginRoom("room1", new ZegoUser("A"), null, (c, e) => seen.Add("login " + c + " " + Where()));
                kept.LogoutRoom("room1", (c, e) => seen.Add("logout " + c + " " + Where()));
                kept.RenewToken("room1", "t");
            });
            Assert.That(seen, Is.Empty);
            ZegoExpressEngine.TickInstance();
            Assert.That(seen, Is.EqualTo(new[] { "login 1000002 main", "logout 1000002 main" }));
            Assert.That(Warnings().Count(w => w.StartsWith("zego-room-bridge: RenewToken called after DestroyEngine; error 1000002")), Is.EqualTo(1));
        }

        [Test]
        public void CallsQueuedFromAnotherThread_WhenTheMainThreadDestroysFirst_1000002OnTheMainThreadOnALaterTick()
        {
            var b = Bridge.Create();
            var kept = b.Engine;
            OnAnotherThread(() =>
            {
                kept.LoginRoom("room1", new ZegoUser("A"), null, (c, e) => seen.Add("login " + c + " " + Where()));
                kept.SwitchRoom("room1", "room2");
            });
            ZegoExpressEngine.DestroyEngine();   // before the Tick that would have run them
            Assert.That(seen, Is.Empty);
            ZegoExpressEngine.TickInstance();
            ZegoExpressEngine.TickInstance();
            Assert.That(seen, Is.EqualTo(new[] { "login 1000002 main" }));
            Assert.That(Warnings().Count(w => w.StartsWith("zego-room-bridge: SwitchRoom called after DestroyEngine; error 1000002")), Is.EqualTo(1));
            Assert.That(b.Host.Drained.Any(d => (string)d.ev["event"] == "onRoomStateChanged"), Is.False, "nothing reached the core");
        }

        [Test]
        public void DestroyEngineFromAnotherThread_DestroysOnTheMainThread_CallsBackOnceOnALaterTick()
        {
            var b = Bridge.Create();
            OnAnotherThread(() => ZegoExpressEngine.DestroyEngine(() => seen.Add("destroyed " + Where())));
            Assert.That(b.Host.Disposed, Is.False, "JS is entered on the main thread only");
            Assert.That(seen, Is.Empty);
            ZegoExpressEngine.TickInstance();
            ZegoExpressEngine.TickInstance();
            Assert.That(seen, Is.EqualTo(new[] { "destroyed main" }));
            Assert.That(b.Host.Disposed, Is.True);
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
        }

        [Test]
        public void DestroyEngineFromAnotherThread_WhenTheMainThreadDestroysFirst_StillCallsBackOnce_AndSparesTheNextEngine()
        {
            Bridge.Create();
            OnAnotherThread(() => ZegoExpressEngine.DestroyEngine(() => seen.Add("destroyed " + Where())));
            ZegoExpressEngine.DestroyEngine();
            var next = Bridge.Create(clientId: "B");
            next.Tick();
            next.Tick();
            Assert.That(seen, Is.EqualTo(new[] { "destroyed main" }));
            Assert.That(ZegoExpressEngine.GetEngine(), Is.SameAs(next.Engine));
            Assert.That(next.Engine.IsDestroyed, Is.False, "the other thread's DestroyEngine was for the engine it saw");
        }

        /// <summary>An env the app owns (its own PuerTS env, WebGL's single env): the bridge never disposes it.</summary>
        sealed class SharedEnv : IScriptHostPending
        {
            public readonly V8ScriptHost Inner = new V8ScriptHost();
            public string Invoke(string requestJson) => Inner.Invoke(requestJson);
            public string Drain() => Inner.Drain();
            public int Pending() => Inner.Pending();
            public void Tick() => Inner.Tick();
            public void Dispose() { }
        }

        [Test]
        public void CreateEngineAgain_InAJsEnvThatOutlivesTheEngine_WithTheSameSimulatorClientId()
        {
            var env = new SharedEnv();
            try
            {
                ZegoRoomBridgeSettings.UseSimulator = true;
                ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
                ZegoRoomBridgeSettings.Simulator.ClientId = "A";
                ZegoRoomBridgeSettings.ScriptHostFactory = () => env;
                var first = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
                first.LoginRoom("room1", new ZegoUser("A"), null);
                ZegoRoomSimulator.Advance(1000);
                first.Tick();
                ZegoExpressEngine.DestroyEngine();
                ZegoExpressEngine second = null;
                Assert.DoesNotThrow(() => second = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 }));
                Assert.That(second, Is.Not.SameAs(first));
                second.onRoomStateChanged = (room, reason, code, ext) => seen.Add(room + " " + reason + " " + code);
                second.LoginRoom("room1", new ZegoUser("A"), null, (c, e) => seen.Add("login " + c));
                for (var i = 0; i < 5; i++) { ZegoRoomSimulator.Advance(100); second.Tick(); }
                Assert.That(seen, Is.EqualTo(new[] { "room1 Logining 0", "room1 Logined 0", "login 0" }));
            }
            finally
            {
                ZegoExpressEngine.DestroyEngine();
                env.Inner.Dispose();
            }
        }

        /// <summary>A host written against IScriptHost alone (no pending count): it is drained every frame.</summary>
        sealed class HostWithoutPendingCount : IScriptHost
        {
            public readonly V8ScriptHost Inner = new V8ScriptHost();
            public int Drains;
            public string Invoke(string requestJson) => Inner.Invoke(requestJson);
            public string Drain() { Drains++; return Inner.Drain(); }
            public void Tick() => Inner.Tick();
            public void Dispose() => Inner.Dispose();
        }

        [Test]
        public void AnIScriptHostWithoutThePendingCount_StillDeliversEveryEvent()
        {
            var host = new HostWithoutPendingCount();
            ZegoRoomBridgeSettings.UseSimulator = true;
            ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host;
            var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
            engine.onRoomStateChanged = (room, reason, code, ext) => seen.Add(room + " " + reason + " " + code);
            engine.LoginRoom("room1", new ZegoUser("A"), null, (c, e) => seen.Add("login " + c));
            var drainsBefore = host.Drains;
            for (var i = 0; i < 5; i++) { ZegoRoomSimulator.Advance(100); engine.Tick(); }
            Assert.That(seen, Is.EqualTo(new[] { "room1 Logining 0", "room1 Logined 0", "login 0" }));
            Assert.That(host.Drains - drainsBefore, Is.EqualTo(5), "no pending count: drained every frame");
            Assert.That(UnityEngine.Debug.Lines.Where(l => l.type == UnityEngine.LogType.Error), Is.Empty);
            ZegoExpressEngine.DestroyEngine();
        }

        [Test]
        public void DestroyEngineInsideADelegate_NoFurtherEvents()
        {
            var b = Bridge.Create(record: false);
            b.Engine.onRoomStateChanged = (room, reason, code, ext) =>
            {
                seen.Add(reason.ToString());
                if (reason == R.Logining) ZegoExpressEngine.DestroyEngine();
            };
            b.Engine.onRoomStateUpdate = (room, state, code, ext) => seen.Add("legacy " + state);
            var kept = b.Engine;
            kept.LoginRoom("room1", new ZegoUser("A"), null);
            b.Flush();   // Logining, its legacy Connecting and more are in this batch: only Logining is raised
            kept.Tick();
            Assert.That(seen, Is.EqualTo(new[] { "Logining" }));
            Assert.That(b.Host.Disposed, Is.True);
        }

        [Test]
        public void CreateEngineTwice_ReturnsTheSameEngine()
        {
            var b = Bridge.Create();
            Assert.That(ZegoExpressEngine.CreateEngine(new ZegoEngineProfile()), Is.SameAs(b.Engine));
            Assert.That(ZegoExpressEngine.GetEngine(), Is.SameAs(b.Engine));
        }

        [Test]
        public void SetRoomModeAfterCreateEngine_OnDebugError1001020_ModeUnchanged()
        {
            var b = Bridge.Create();
            ZegoExpressEngine.SetRoomMode(ZegoRoomMode.MultiRoom);
            b.Engine.LoginRoom("r1", new ZegoUser("A"), null);
            b.Engine.LoginRoom("r2", new ZegoUser("A"), null, (c, e) => seen.Add("r2 " + c));
            b.At(1000);
            Assert.That(b.Log.Where(r => r.Cb == "debug").Select(r => (r.Code, r.Fn)).First(), Is.EqualTo((ZegoErrorCode.EngineSetRoomModeErrorTime, "SetRoomMode")));
            Assert.That(seen, Is.EqualTo(new[] { "r2 1002001" }), "still single-room");
        }

        [Test]
        public void PlaySessionReset_DomainReloadOff_ReleasesThePreviousEngineAndSettings()
        {
            var b = Bridge.Create();
            ZegoExpressEngine.SetRoomMode(ZegoRoomMode.MultiRoom);
            ZegoExpressEngine.ResetStatics();
            ZegoRoomBridgeSettings.Reset();
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
            Assert.That(b.Host.Disposed, Is.True);
            Assert.That(ZegoRoomBridgeSettings.UseSimulator, Is.False);
            Assert.That(ZegoRoomBridgeSettings.ScriptHostFactory, Is.Null);
        }

        [Test]
        public void ResumeAfterPause_CatchesUpAtOnce()
        {
            var b = Bridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null);
            b.Flush();
            var ticks = b.Host.TickCount;
            b.Engine.OnApplicationPause(true);
            Assert.That(b.Host.TickCount, Is.EqualTo(ticks), "paused: no timers run");
            ZegoRoomSimulator.Advance(5000);    // time went on while the app slept
            b.Engine.OnApplicationPause(false);
            Assert.That(b.States("room1").Select(s => s.reason), Is.EqualTo(new[] { R.Logining, R.Logined }));
        }

        [Test]
        public void HostTimers_ArePumpedByTick()
        {
            // The core's own host-clock world (Editor Play mode) runs on PuerTS-style timers: nothing fires without Tick.
            ZegoRoomBridgeSettings.UseSimulator = true;
            V8ScriptHost host = null;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new V8ScriptHost();
            var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
            engine.onRoomStateChanged = (room, reason, code, ext) => seen.Add(reason.ToString());
            engine.LoginRoom("room1", new ZegoUser("A"), null);
            Assert.That(seen, Is.Empty);
            engine.Tick();
            Assert.That(seen, Is.EqualTo(new[] { "Logining" }));
        }
    }
}
