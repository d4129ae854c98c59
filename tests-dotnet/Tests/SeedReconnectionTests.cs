// The source document's timelines through the C# delegates: users A (this engine) and B (a peer) in one room.
using System.Linq;
using NUnit.Framework;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;
using U = ZegoRoomBridge.ZegoUpdateType;

namespace ZegoRoomBridge.Tests
{
    public class SeedReconnectionTests : TestBase
    {
        const double Min = 60_000;
        Bridge b;
        string peerB;
        double t0;

        void LoggedInPair()
        {
            b = Bridge.Create(clientId: "A");
            peerB = b.CreatePeer("B");
            b.PeerLogin(peerB, "room1", "B");
            b.At(1000);
            t0 = b.Now;
            b.Engine.LoginRoom("room1", new ZegoUser("A"), new ZegoRoomConfig { isUserStatusNotify = true });
            b.At(t0 + 1000);
        }

        [Test]
        public void Login_LoginingThenLoginedAt120ms_PeerHearsAddAt220ms()
        {
            LoggedInPair();
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (t0, R.Logining, 0), (t0 + 120, R.Logined, 0) }));
            Assert.That(b.Log.Where(r => r.Cb == "legacy").Select(r => (ZegoRoomState)r.Value), Is.EqualTo(new[] { ZegoRoomState.Connecting, ZegoRoomState.Connected }));
            Assert.That(b.PeerUsers(peerB), Is.EqualTo(new[] { (t0 + 220, U.Add, "A") }));
            // A, the joiner, hears who was already there, with ZEGO's userCount argument.
            var add = b.Log.Single(r => r.Cb == "user");
            Assert.That((add.T, (U)add.Value, string.Join(",", add.Users), add.Code), Is.EqualTo((t0 + 120, U.Add, "B", 1)));
        }

        [Test]
        public void Case1_BackBeforeHeartbeatTimeout_ReconnectingThenReconnected_PeerHearsNothing()
        {
            LoggedInPair();
            b.Log.Clear();
            var peerBefore = b.PeerUsers(peerB).Count;
            var t3 = b.Now;
            ZegoRoomSimulator.SetNetwork(false);
            b.At(t3 + 60_000, step: 1000);
            ZegoRoomSimulator.SetNetwork(true);
            b.At(t3 + 89_000);
            var s = b.States("room1");
            Assert.That(s.Count, Is.EqualTo(2));
            Assert.That(s[0], Is.EqualTo((t3, R.Reconnecting, ZegoErrorCode.RoomConnectTemporaryBroken)));
            Assert.That((s[1].reason, s[1].code), Is.EqualTo((R.Reconnected, 0)));
            // Found on the next retry (steady ~2 s ± 25 %) plus one round trip.
            Assert.That(s[1].t, Is.GreaterThan(t3 + 60_000).And.LessThanOrEqualTo(t3 + 60_000 + 2500 + 120 + 10));
            b.At(t3 + 5 * Min, step: 1000);
            Assert.That(b.PeerUsers(peerB).Count, Is.EqualTo(peerBefore), "B gets no OnRoomUserUpdate at all");
            Assert.That(b.Users("room1"), Is.Empty);
        }

        [Test]
        public void Case2_BackAfterTimeout_PeerHearsDeleteAt90sAndAddAfterReconnected()
        {
            LoggedInPair();
            b.Log.Clear();
            var t3 = b.Now;
            ZegoRoomSimulator.SetNetwork(false);
            b.At(t3 + 89_990, step: 1000);
            b.At(t3 + 5 * Min, step: 10);
            Assert.That(b.PeerUsers(peerB).Last(), Is.EqualTo((t3 + 90_000, U.Delete, "A")));
            ZegoRoomSimulator.SetNetwork(true);
            b.Engine.SetNetworkReachable(true);   // the host noticed (Application.internetReachability): retry now
            b.At(t3 + 5 * Min + 1000);
            var s = b.States("room1");
            Assert.That(s, Is.EqualTo(new[] { (t3, R.Reconnecting, 1002051), (t3 + 5 * Min + 120, R.Reconnected, 0) }));
            Assert.That(b.PeerUsers(peerB).Last(), Is.EqualTo((s[1].t + 100, U.Add, "A")));
            Assert.That(b.Users("room1"), Is.Empty, "B never changed while A was away");
        }

        [Test]
        public void Case3_NeverBack_ReconnectFailed1002053AtExactly20Minutes_ThenNothing()
        {
            LoggedInPair();
            b.Log.Clear();
            var t3 = b.Now;
            ZegoRoomSimulator.SetNetwork(false);
            b.At(t3 + 20 * Min - 10, step: 5000);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (t3, R.Reconnecting, 1002051) }));
            b.At(t3 + 20 * Min, step: 1);
            Assert.That(b.States("room1"), Is.EqualTo(new[] { (t3, R.Reconnecting, 1002051), (t3 + 20 * Min, R.ReconnectFailed, ZegoErrorCode.RoomRetryTimeout) }));
            Assert.That(b.PeerUsers(peerB).Last(), Is.EqualTo((t3 + 90_000, U.Delete, "A")));
            var count = b.Log.Count;
            ZegoRoomSimulator.SetNetwork(true);
            b.Engine.SetNetworkReachable(true);
            b.At(t3 + 30 * Min, step: 60_000);
            Assert.That(b.Log.Count, Is.EqualTo(count), "nothing until the app logs in again");
        }
    }
}
