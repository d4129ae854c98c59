// Threads, throwing delegates, DestroyEngine, Play-session reset and pause: the Unity lifecycle in plain C#.
using System;
using System.Collections.Generic;
using System.Linq;
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
            Assert.That(seen, Is.EqualTo(new[] { "destroyed" }));
            Assert.That(b.Host.Disposed, Is.True);
            Assert.That(ZegoExpressEngine.GetEngine(), Is.Null);
            Assert.That(ZegoRoomSimulator.IsActive, Is.False);
        }

        [Test]
        public void CallsAfterDestroyEngine_ClearError1000002_CallbackAnsweredOnce_NothingThrown()
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
                kept.Tick();
            });
            Assert.That(seen, Is.EqualTo(new[] { "login 1000002", "logout 1000002" }));
            Assert.That(Errors().First(), Is.EqualTo("zego-room-bridge: LoginRoom called after DestroyEngine; error 1000002 (CommonNotLoginRoom). Call CreateEngine again."));
            Assert.That(Errors().Count(), Is.EqualTo(4));
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
