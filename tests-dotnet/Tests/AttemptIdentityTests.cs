// Issue 11 on the native driver: ZEGO's room callbacks reach the core one frame late (main-thread queue),
// so the C# side tags each with the attempt id of the room's last login command it had run (AttemptTags);
// the core drops one that belongs to a login the app has since left.
using NUnit.Framework;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;
using ZR = ZEGO.ZegoRoomStateChangedReason;

namespace ZegoRoomBridge.Tests
{
    public class AttemptIdentityTests : TestBase
    {
        NativeBridge b;

        [SetUp]
        public void NoZegoYet()
        {
            ZEGO.ZegoExpressEngine.ResetFake();
            NativeRoomDriver.AdapterFactory = null;
        }

        [TearDown]
        public void ForgetTheAdapter()
        {
            ZegoExpressEngine.DestroyEngine();
            NativeRoomDriver.AdapterFactory = null;
        }

        [Test]
        public void ALoginIsAnsweredByItsOwnAttempt_ZegosLateFailureForTheLoginTheAppLeftIsDropped()
        {
            b = NativeBridge.Create();
            var results = new System.Collections.Generic.List<int>();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), new ZegoRoomConfig { token = "tok-1" }, (code, ext) => results.Add(code));
            b.Frame();
            b.Zego.RoomStateChanged("room1", ZR.Logining, 0);
            b.Zego.RoomStateChanged("room1", ZR.LoginFailed, 1002033);   // queued for the next frame
            b.Engine.LogoutRoom("room1");                                 // the same frame: leave and log in again
            b.Engine.LoginRoom("room1", new ZegoUser("A"), new ZegoRoomConfig { token = "tok-2" }, (code, ext) => results.Add(code));
            b.Frame();
            b.Zego.RoomStateChanged("room1", ZR.Logining, 0);
            b.Zego.RoomStateChanged("room1", ZR.Logined, 0);
            b.Frame();
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Logining, 0), (0.0, R.Logout, 0), (0.0, R.Logining, 0), (0.0, R.Logined, 0) }));
            Assert.That(results, Is.EqualTo(new[] { ZegoRoomBridgeDefines.LOGIN_CANCELLED_ERROR_CODE, 0 }));
        }
    }
}
