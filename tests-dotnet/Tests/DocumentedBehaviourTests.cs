// ZEGO's documented room behaviour through the C# API, on the simulated and the native driver: the rule
// lives in the core's engine, so ZEGO's SDK (native) is never asked and the app hears the same codes.
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;
using ZR = ZEGO.ZegoRoomStateChangedReason;

namespace ZegoRoomBridge.Tests
{
    public class DocumentedBehaviourTests : TestBase
    {
        readonly List<string> results = new List<string>();

        [SetUp]
        public void NoZegoYet()
        {
            results.Clear();
            ZEGO.ZegoExpressEngine.ResetFake();
            NativeRoomDriver.AdapterFactory = null;
        }

        [TearDown]
        public void ForgetTheAdapter()
        {
            ZegoExpressEngine.DestroyEngine();
            NativeRoomDriver.AdapterFactory = null;
        }

        static IEnumerable<(string, R, int)> StateRows(IEnumerable<Rec> log) =>
            log.Where(r => r.Cb == "state").Select(r => (r.Room, (R)r.Value, r.Code));

        [Test]
        public void Simulated_SingleRoomLogoutOfAnotherRoom_LogoutFailed1002002_Callback1002002_TheRoomStays()
        {
            var b = Bridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null);
            b.At(1000);
            b.Log.Clear();
            b.Engine.LogoutRoom("room2", (code, ext) => results.Add("logout " + code));
            Assert.That(results, Is.Empty, "never inside the call");
            b.At(2000);
            Assert.That(StateRows(b.Log), Is.EqualTo(new[] { ("room2", R.LogoutFailed, ZegoErrorCode.RoomRoomidIncorrect) }));
            Assert.That(results, Is.EqualTo(new[] { "logout 1002002" }));
            Assert.That(ZegoRoomSimulator.KickOut("room1", "A"), Is.True, "the service still has A in room1");
        }

        [Test]
        public void Simulated_SwitchRoomInMultiRoomMode_OnDebugError1002019_NothingChanges()
        {
            var b = Bridge.Create(ZegoRoomMode.MultiRoom);
            b.Engine.LoginRoom("r1", new ZegoUser("A"), null);
            b.Engine.LoginRoom("r2", new ZegoUser("A"), null);
            b.At(1000);
            b.Log.Clear();
            b.Engine.SwitchRoom("r1", "r3");
            b.At(2000);
            Assert.That(b.Log.Select(r => (r.Cb, r.Code, r.Fn)), Is.EqualTo(new[] { ("debug", ZegoErrorCode.RoomMultiRoomSwtichRoomInvalid, "switchRoom") }));
            Assert.That(ZegoRoomSimulator.KickOut("r3", "A"), Is.False, "never in r3");
            Assert.That(ZegoRoomSimulator.KickOut("r1", "A"), Is.True, "still in r1");
        }

        NativeBridge NativeLoggedIn(ZegoRoomMode mode, params string[] rooms)
        {
            var b = NativeBridge.Create(mode);
            foreach (var room in rooms)
            {
                b.Engine.LoginRoom(room, new ZegoUser("A"), new ZegoRoomConfig { token = "tok-1" }, (c, e) => { });
                b.Frame();
                b.Zego.RoomStateChanged(room, ZR.Logining, 0);
                b.Zego.RoomStateChanged(room, ZR.Logined, 0);
                b.Zego.LoginCallbacks[room](0, "");
                b.Frame();
            }
            b.Log.Clear();
            return b;
        }

        [Test]
        public void Native_SingleRoomLogoutOfAnotherRoom_LogoutFailed1002002_Callback1002002_ZegoNotAsked()
        {
            var b = NativeLoggedIn(ZegoRoomMode.SingleRoom, "room1");
            var calls = b.ZegoCalls().Count;
            b.Engine.LogoutRoom("room2", (code, ext) => results.Add("logout " + code));
            b.Frame();
            Assert.That(StateRows(b.Log), Is.EqualTo(new[] { ("room2", R.LogoutFailed, ZegoErrorCode.RoomRoomidIncorrect) }));
            Assert.That(results, Is.EqualTo(new[] { "logout 1002002" }));
            Assert.That(b.ZegoCalls().Skip(calls), Is.Empty, "room1 is untouched: ZEGO hears nothing");
        }

        [Test]
        public void Native_SwitchRoomInMultiRoomMode_OnDebugError1002019_ZegoNotAsked()
        {
            var b = NativeLoggedIn(ZegoRoomMode.MultiRoom, "r1", "r2");
            var calls = b.ZegoCalls().Count;
            b.Engine.SwitchRoom("r1", "r3");
            b.Frame();
            Assert.That(b.Log.Select(r => (r.Cb, r.Code, r.Fn)), Is.EqualTo(new[] { ("debug", ZegoErrorCode.RoomMultiRoomSwtichRoomInvalid, "switchRoom") }));
            Assert.That(b.ZegoCalls().Skip(calls), Is.Empty);
        }

        [Test]
        public void Native_DestroyEngine_ZegoReleasedInTheCall_TheAppsCallbackOnALaterTick()
        {
            var b = NativeLoggedIn(ZegoRoomMode.SingleRoom, "room1");
            ZegoExpressEngine.DestroyEngine(() => results.Add("destroyed"));
            Assert.That(b.ZegoCalls().Last(), Is.EqualTo("DestroyEngine"));
            Assert.That(results, Is.Empty);
            ZegoExpressEngine.TickInstance();
            Assert.That(results, Is.EqualTo(new[] { "destroyed" }));
        }
    }
}
