// Every row of the source document's reason table, reached through the C# API and the simulator controls.
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;

namespace ZegoRoomBridge.Tests
{
    public class ReasonRowTests : TestBase
    {
        const double Min = 60_000;
        Bridge b;
        readonly List<string> results = new List<string>();

        [SetUp]
        public void ClearResults() => results.Clear();

        void Login(string room = "room1", ZegoRoomConfig config = null)
        {
            b.Engine.LoginRoom(room, new ZegoUser("A"), config ?? new ZegoRoomConfig(), (code, ext) => results.Add("login " + code));
        }

        [Test]
        public void Logining0_Logined0_AndTheLoginCallbackAfterLogined()
        {
            b = Bridge.Create();
            Login();
            b.At(1000);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Logining, 0), (120.0, R.Logined, 0) }));
            Assert.That(results, Is.EqualTo(new[] { "login 0" }));
        }

        [Test]
        public void LoginFailed1002033_WrongToken()
        {
            b = Bridge.Create();
            var expired = ZegoRoomSimulator.MakeTestToken(Bridge.Start / 1000 - 60);
            Login(config: new ZegoRoomConfig { token = expired });
            b.At(1000);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Logining, 0), (120.0, R.LoginFailed, ZegoErrorCode.RoomErrorAuthenticationFailed) }));
            Assert.That(results, Is.EqualTo(new[] { "login 1002033" }));
        }

        [Test]
        public void LoginFailed1002053_NetworkTimeoutAfter20Minutes()
        {
            b = Bridge.Create();
            ZegoRoomSimulator.SetNetwork(false);
            Login();
            b.At(20 * Min - 10, step: 10_000);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Logining, 0) }));
            Assert.That(results, Is.Empty);
            b.At(20 * Min, step: 1);
            Assert.That(b.States("room1").Last(), Is.EqualTo((20 * Min, R.LoginFailed, ZegoErrorCode.RoomRetryTimeout)));
            Assert.That(results, Is.EqualTo(new[] { "login 1002053" }));
        }

        [Test]
        public void KickOut1002050_SameUserIdLoggedInElsewhere()
        {
            b = Bridge.Create();
            Login();
            b.At(1000);
            ZegoRoomSimulator.DuplicateLogin("room1");
            b.At(2000);
            Assert.That(b.States("room1").Last(), Is.EqualTo((1120.0, R.KickOut, ZegoErrorCode.RoomKickedOut)));
        }

        [Test]
        public void KickOut1002055_ServerKickOutApi()
        {
            b = Bridge.Create();
            Login();
            b.At(1000);
            Assert.That(ZegoRoomSimulator.KickOut("room1"), Is.True);
            b.At(2000);
            Assert.That(b.States("room1").Last(), Is.EqualTo((1000.0, R.KickOut, ZegoErrorCode.RoomManualKickedOut)));
            Assert.That(b.Log.Last(r => r.Cb == "legacy").Value, Is.EqualTo((int)ZegoRoomState.Disconnected));
        }

        [Test]
        public void Logout0_AndTheLogoutCallback()
        {
            b = Bridge.Create();
            Login();
            b.At(1000);
            b.Engine.LogoutRoom("room1", (code, ext) => results.Add("logout " + code));
            b.At(2000);
            Assert.That(b.States("room1").Last(), Is.EqualTo((1000.0, R.Logout, 0)));
            Assert.That(results, Is.EqualTo(new[] { "login 0", "logout 0" }));
        }

        [Test]
        public void LogoutFailed1002002_MultiRoomUnknownRoom_OtherRoomsUntouched()
        {
            b = Bridge.Create(ZegoRoomMode.MultiRoom);
            Login("r1");
            Login("r2");
            b.At(1000);
            b.Log.Clear();
            b.Engine.LogoutRoom("nope", (code, ext) => results.Add("logout " + code));
            b.At(2000);
            Assert.That(b.Log.Where(r => r.Cb == "state").Select(r => (r.Room, (R)r.Value, r.Code)),
                Is.EqualTo(new[] { ("nope", R.LogoutFailed, ZegoErrorCode.RoomRoomidIncorrect) }));
            Assert.That(results.Last(), Is.EqualTo("logout 1002002"));
            Assert.That(b.Log.Any(r => r.Cb == "legacy"), Is.False, "a failed logout changes no legacy state");
        }

        [Test]
        public void LoginCancelledByLogout_CallbackGetsTheCancelCode()
        {
            b = Bridge.Create();
            Login();
            b.Engine.LogoutRoom();
            b.At(1000);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.Logining, 0), (0.0, R.Logout, 0) }));
            Assert.That(results, Is.EqualTo(new[] { "login " + ZegoRoomBridgeDefines.LOGIN_CANCELLED_ERROR_CODE }));
        }

        [Test]
        public void TokenWillExpire_30sBefore_RenewTokenKeepsTheRoom()
        {
            b = Bridge.Create();
            var startSec = Bridge.Start / 1000;
            Login(config: new ZegoRoomConfig { token = ZegoRoomSimulator.MakeTestToken(startSec + 100) });
            b.At(1000);
            b.At(70_000, step: 1000);
            var warn = b.Log.Single(r => r.Cb == "token");
            Assert.That((warn.Room, warn.Value, warn.T), Is.EqualTo(("room1", 30, 70_000.0)));
            b.Engine.RenewToken("room1", ZegoRoomSimulator.MakeTestToken(startSec + 3600));
            b.At(200_000, step: 1000);
            Assert.That(b.States("room1").Select(s => s.reason), Is.EqualTo(new[] { R.Logining, R.Logined }));
        }
    }
}
