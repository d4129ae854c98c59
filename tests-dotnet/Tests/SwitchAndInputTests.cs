// SwitchRoom, multi-room, and bad input from C#: ZEGO's codes through the callbacks, nothing thrown.
using System.Collections.Generic;
using System.Linq;
using NUnit.Framework;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;

namespace ZegoRoomBridge.Tests
{
    public class SwitchAndInputTests : TestBase
    {
        Bridge b;
        readonly List<string> results = new List<string>();

        [SetUp]
        public void ClearResults() => results.Clear();

        [Test]
        public void SwitchRoom_LogoutOfTheOldRoom_LoginingAndLoginedInTheNew()
        {
            b = Bridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), new ZegoRoomConfig());
            b.At(1000);
            b.Log.Clear();
            b.Engine.SwitchRoom("room1", "room2");
            b.At(2000);
            Assert.That(b.Log.Where(r => r.Cb == "state").Select(r => (r.T, r.Room, (R)r.Value, r.Code)), Is.EqualTo(new[]
            {
                (1000.0, "room1", R.Logout, 0), (1000.0, "room2", R.Logining, 0), (1120.0, "room2", R.Logined, 0),
            }));
            // The simulator controls follow the user into the new room.
            Assert.That(ZegoRoomSimulator.KickOut("room2"), Is.True);
        }

        [Test]
        public void SwitchRoom_FromARoomNotLoggedIn_OnDebugError1002002_NoStateChange()
        {
            b = Bridge.Create();
            b.Engine.SwitchRoom("room1", "room2");
            b.At(1000);
            Assert.That(b.Log.Select(r => (r.Cb, r.Code, r.Fn)), Is.EqualTo(new[] { ("debug", ZegoErrorCode.RoomRoomidIncorrect, "switchRoom") }));
        }

        [Test]
        public void MultiRoom_TwoRoomsThenLogoutAll()
        {
            b = Bridge.Create(ZegoRoomMode.MultiRoom);
            b.Engine.LoginRoom("r1", new ZegoUser("A"), null, (c, e) => results.Add("r1 " + c));
            b.Engine.LoginRoom("r2", new ZegoUser("A"), null, (c, e) => results.Add("r2 " + c));
            b.At(1000);
            b.Engine.LogoutRoom((c, e) => results.Add("all " + c));
            b.At(2000);
            Assert.That(results, Is.EqualTo(new[] { "r1 0", "r2 0", "all 0" }));
            Assert.That(b.States("r1").Last().reason, Is.EqualTo(R.Logout));
            Assert.That(b.States("r2").Last().reason, Is.EqualTo(R.Logout));
        }

        [Test]
        public void SingleRoom_SecondLogin_1002001ToTheCallerOnly()
        {
            b = Bridge.Create();
            b.Engine.LoginRoom("r1", new ZegoUser("A"), null);
            b.Engine.LoginRoom("r2", new ZegoUser("A"), null, (c, e) => results.Add("r2 " + c));
            b.At(1000);
            Assert.That(results, Is.EqualTo(new[] { "r2 1002001" }));
            Assert.That(b.States("r2"), Is.Empty);
            Assert.That(b.Log.Single(r => r.Cb == "debug").Code, Is.EqualTo(ZegoErrorCode.RoomCountExceed));
        }

        [Test]
        public void NullUser_LoginFailed1002005_CallbackAndDebugError()
        {
            b = Bridge.Create();
            Assert.DoesNotThrow(() => b.Engine.LoginRoom("room1", null, null, (c, e) => results.Add("login " + c)));
            b.At(100);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (0.0, R.LoginFailed, ZegoErrorCode.RoomUserIdNull) }));
            Assert.That(results, Is.EqualTo(new[] { "login 1002005" }));
            Assert.That(b.Log.Single(r => r.Cb == "debug").Fn, Is.EqualTo("loginRoom"));
        }

        [Test]
        public void UserWithNullUserId_1002005()
        {
            b = Bridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser(), new ZegoRoomConfig(), (c, e) => results.Add("login " + c));
            b.At(100);
            Assert.That(results, Is.EqualTo(new[] { "login 1002005" }));
        }

        [Test]
        public void NullRoomId_LoginFailed1002011()
        {
            b = Bridge.Create();
            Assert.DoesNotThrow(() => b.Engine.LoginRoom(null, new ZegoUser("A"), null, (c, e) => results.Add("login " + c)));
            b.At(100);
            Assert.That(results, Is.EqualTo(new[] { "login 1002011" }));
            Assert.That(b.Log.First(r => r.Cb == "state").Code, Is.EqualTo(ZegoErrorCode.RoomRoomidNull));
        }

        [Test]
        public void RoomIdWithASpace_1002012_AndTooLong_1002013()
        {
            b = Bridge.Create();
            b.Engine.LoginRoom("room 1", new ZegoUser("A"), null, (c, e) => results.Add("space " + c));
            b.Engine.LoginRoom(new string('r', 128), new ZegoUser("A"), null, (c, e) => results.Add("long " + c));
            b.At(100);
            Assert.That(results, Is.EqualTo(new[] { "space 1002012", "long 1002013" }));
        }

        [Test]
        public void RenewToken_NullToken_OnDebugError1000017()
        {
            b = Bridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null);
            b.At(1000);
            b.Engine.RenewToken("room1", null);
            b.At(1100);
            Assert.That(b.Log.Where(r => r.Cb == "debug").Select(r => (r.Code, r.Fn)), Is.EqualTo(new[] { (ZegoErrorCode.CommonIllegalParam, "renewToken") }));
        }

        [Test]
        public void LogoutRoomWithNullRoomId_LogsOutOfEveryRoom()
        {
            b = Bridge.Create(ZegoRoomMode.MultiRoom);
            b.Engine.LoginRoom("r1", new ZegoUser("A"), null);
            b.Engine.LoginRoom("r2", new ZegoUser("A"), null);
            b.At(1000);
            b.Engine.LogoutRoom((string)null, (c, e) => results.Add("logout " + c));
            b.At(2000);
            Assert.That(results, Is.EqualTo(new[] { "logout 0" }));
            Assert.That(new[] { b.States("r1").Last().reason, b.States("r2").Last().reason }, Is.EqualTo(new[] { R.Logout, R.Logout }));
        }

        [Test]
        public void TheTokenIsNeverLogged()
        {
            Diagnostics.Listen();   // as a debug panel does: the events are kept as text, which must not hold the token
            b = Bridge.Create();
            var token = ZegoRoomSimulator.MakeTestToken(Bridge.Start / 1000 - 60);
            b.Engine.LoginRoom("room1", new ZegoUser("A"), new ZegoRoomConfig { token = token });
            b.At(1000);
            Assert.That(UnityEngine.Debug.Lines.Any(l => l.message.Contains(token)), Is.False);
            Assert.That(b.Engine.RecentEvents, Is.Not.Empty);
            Assert.That(b.Engine.RecentEvents.Any(l => l.Contains(token)), Is.False);
        }
    }
}
