// ZegoRoomBridgeSettings.Trace: the core's trace records reach OnTrace and TraceFile (JSON Lines, what
// `zego-room-bridge draw` reads) on the Tick, tokens replaced; the app's delegates are not disturbed.
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;

namespace ZegoRoomBridge.Tests
{
    public class TraceTests : TestBase
    {
        const string Token = "secret-token-0123456789";

        [Test]
        public void Trace_RecordsReachOnTraceAndTheFile_InOrder_WithoutTheToken()
        {
            var file = Path.Combine(Path.GetTempPath(), "zrb-trace-" + System.Guid.NewGuid().ToString("N") + ".jsonl");
            File.WriteAllText(file, "left from an earlier run\n");
            var records = new List<string>();
            try
            {
                var b = Bridge.Create(configure: () =>
                {
                    ZegoRoomBridgeSettings.Trace = true;
                    ZegoRoomBridgeSettings.TraceFile = file;
                    ZegoRoomBridgeSettings.OnTrace += records.Add;
                });
                b.Engine.LoginRoom("room1", new ZegoUser("A"), new ZegoRoomConfig { token = Token });
                b.At(1000);

                Assert.That(b.States("room1").Select(s => s.reason), Is.EqualTo(new[] { R.Logining, R.Logined }));
                var parsed = records.Select(JObject.Parse).ToList();
                Assert.That(parsed.Select(r => (string)r["kind"] + " " + ((string)r["name"] ?? (string)r["from"] + "→" + (string)r["to"])).Take(5), Is.EqualTo(new[]
                {
                    "call createEngine", "call loginRoom", "transition Idle→Logining", "event onRoomStateChanged", "event onRoomStateUpdate",
                }));
                Assert.That(parsed.Any(r => (string)r["kind"] == "transition" && (string)r["to"] == "Logined" && (string)r["input"] == "attemptOk"), Is.True);
                Assert.That((string)parsed[1]["args"][2]["token"], Is.EqualTo("(token)"));
                Assert.That(parsed.Select(r => (string)r["engine"]).Distinct().Count(), Is.EqualTo(1));
                Assert.That(records.Any(r => r.Contains(Token)), Is.False);
                // The file was emptied at CreateEngine and holds the same records, one per line.
                Assert.That(File.ReadAllLines(file), Is.EqualTo(records));
            }
            finally { File.Delete(file); }
        }

        [Test]
        public void TraceOff_NoRecords_AndOnTraceAloneDoesNotTurnItOn()
        {
            var records = new List<string>();
            var b = Bridge.Create(configure: () => ZegoRoomBridgeSettings.OnTrace += records.Add);
            b.Engine.LoginRoom("room1", new ZegoUser("A"));
            b.At(1000);
            Assert.That(b.States("room1").Select(s => s.reason), Is.EqualTo(new[] { R.Logining, R.Logined }));
            Assert.That(records, Is.Empty);
        }

        [Test]
        public void ThrowingOnTraceHandler_IsLogged_OtherHandlersAndDelegatesStillRun()
        {
            var records = new List<string>();
            var b = Bridge.Create(configure: () =>
            {
                ZegoRoomBridgeSettings.Trace = true;
                ZegoRoomBridgeSettings.OnTrace += _ => throw new System.InvalidOperationException("app bug");
                ZegoRoomBridgeSettings.OnTrace += records.Add;
            });
            b.Engine.LoginRoom("room1", new ZegoUser("A"));
            b.At(1000);
            Assert.That(b.States("room1").Select(s => s.reason), Is.EqualTo(new[] { R.Logining, R.Logined }));
            Assert.That(records.Count, Is.GreaterThan(5));
            var errors = UnityEngine.Debug.Lines.Where(l => l.Item1 == UnityEngine.LogType.Error).Select(l => l.Item2).ToList();
            Assert.That(errors.Count, Is.EqualTo(records.Count));
            Assert.That(errors.All(e => e.StartsWith("zego-room-bridge: the app's OnTrace threw: System.InvalidOperationException: app bug")), Is.True);
        }

        [Test]
        public void UnwritableTraceFile_LoggedOnce_RecordsStillReachOnTrace()
        {
            var records = new List<string>();
            var b = Bridge.Create(configure: () =>
            {
                ZegoRoomBridgeSettings.Trace = true;
                ZegoRoomBridgeSettings.TraceFile = Path.Combine(Path.GetTempPath(), "zrb-no-such-dir-" + System.Guid.NewGuid().ToString("N"), "t.jsonl");
                ZegoRoomBridgeSettings.OnTrace += records.Add;
            });
            b.Engine.LoginRoom("room1", new ZegoUser("A"));
            b.At(1000);
            Assert.That(records.Count, Is.GreaterThan(5));
            var errors = UnityEngine.Debug.Lines.Where(l => l.Item1 == UnityEngine.LogType.Error).Select(l => l.Item2).ToList();
            Assert.That(errors.Count, Is.EqualTo(1));
            Assert.That(errors[0], Does.StartWith("zego-room-bridge: cannot write the trace file "));
        }
    }
}
