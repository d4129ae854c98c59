// Values at the edges through the C# API: a span the simulator cannot run is refused, never run unbounded.
using System.Linq;
using NUnit.Framework;
using UnityEngine;

namespace ZegoRoomBridge.Tests
{
    public class EdgeValueTests : TestBase
    {
        [Test]
        public void SimulatorAdvance_RefusesAnUnboundedSpan_LogsWhy_AndTimeStaysPut()
        {
            var b = Bridge.Create();
            b.Engine.LoginRoom("room1", new ZegoUser("A"), null);
            b.At(1000);
            var before = ZegoRoomSimulator.Now();
            Debug.Lines.Clear();
            foreach (var ms in new[] { 1e15, 1e300, double.NaN, double.PositiveInfinity, -1, 86_400_001 })
                Assert.That(ZegoRoomSimulator.Advance(ms), Is.NaN, "Advance(" + ms + ")");
            Assert.That(ZegoRoomSimulator.Now(), Is.EqualTo(before));
            var errors = Debug.Lines.Where(l => l.type == LogType.Error).Select(l => l.message).ToArray();
            Assert.That(errors, Has.Length.EqualTo(6));
            Assert.That(errors, Has.All.StartWith("zego-room-bridge: ZegoRoomSimulator.Advance failed (1000017): \"ms\" must be a number from 0 to 86400000 (24 h) per call"));
            Assert.That(ZegoRoomSimulator.Advance(86_400_000), Is.EqualTo(before + 86_400_000));
        }
    }
}
