// The C# API over the real core.mjs + dev.mjs in V8, with a WebSocket shaped like PuerTS's (HostWebSockets),
// against a real `zego-room-bridge serve` process on a free loopback port, next to a Node bot in the same
// room: Logining → Logined, the bot's Add, LogoutRoom → Logout. Real time, every wait bounded.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using NUnit.Framework;
using R = ZegoRoomBridge.ZegoRoomStateChangedReason;

namespace ZegoRoomBridge.Tests
{
    public class DevServerTests : TestBase
    {
        const string Room = "dotnet-dev-room";
        static readonly TimeSpan ServerStart = TimeSpan.FromSeconds(20);
        static readonly TimeSpan RoomDeadline = TimeSpan.FromSeconds(15);
        /// <summary>A frame: the loop ticks at least this often, sooner when a socket has something for JS.</summary>
        const int FrameMs = 16;

        NodeProcess server;
        NodeProcess bot;
        V8ScriptHost host;
        readonly List<string> log = new List<string>();

        [TearDown]
        public void StopProcesses()
        {
            ZegoExpressEngine.DestroyEngine();
            bot?.Dispose();
            server?.Dispose();
        }

        /// <summary>Starts `serve --port 0` and returns its ws:// address, or fails the test saying why the server did not start.</summary>
        string StartServer()
        {
            try { server = NodeProcess.StartCli("serve", "--port", "0", "--heartbeat-timeout-ms", "3000"); }
            catch (Exception e) { Assert.Fail("server did not start: could not run node (" + e.Message + ")"); }
            var ready = server.WaitForLine(new Regex(@"^listening (ws://127\.0\.0\.1:\d+)$"), ServerStart, out var why);
            if (ready == null) Assert.Fail("server did not start: " + why + "\n--- its output ---\n" + server.Output);
            return ready.Groups[1].Value;
        }

        /// <summary>Frames until <paramref name="done"/> holds; fails naming <paramref name="what"/> at the deadline.</summary>
        void TickUntil(ZegoExpressEngine engine, Stopwatch clock, Func<bool> done, string what)
        {
            while (true)
            {
                engine.Tick();
                if (done()) return;
                if (clock.Elapsed > RoomDeadline)
                {
                    Assert.Fail(what + " did not happen within " + RoomDeadline.TotalSeconds + " s.\nevents: " + string.Join(" | ", log) +
                                "\n--- server ---\n" + server.Output + "\n--- bot ---\n" + (bot?.Output ?? "(not started)"));
                }
                // The next frame: at once when a socket has queued something, else after a frame's time (timers are due by the wall clock).
                SpinWait.SpinUntil(() => host.WebSockets.Queued > 0, FrameMs);
            }
        }

        [Test]
        public void TheCSharpApi_LogsInNextToANodeBot_SeesItsAdd_AndLogsOut()
        {
            var url = StartServer();
            Assert.That(File.Exists(Path.Combine(V8ScriptHost.CoreDirectory, "dev.mjs")), Is.True,
                "dev.mjs is not built (npm run build writes unity-plugin/Runtime/Resources/ZegoRoomBridge/dev.mjs)");
            bot = NodeProcess.StartCli("bots", "--url", url, "--room", Room, "--count", "1");

            HostHooks.IsEditor = true;
            HostHooks.IsDevelopmentBuild = true;
            ZegoRoomBridgeSettings.DevServer = url;
            ZegoRoomBridgeSettings.DevHeartbeatIntervalMs = 1000;   // well inside the server's 3-s heartbeat timeout
            ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new V8ScriptHost(dev: true);
            var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1, appSign = "" });
            Assert.That(engine.Driver, Is.EqualTo(ZegoRoomDriverKind.Dev));

            var states = new List<(string room, R reason, int code)>();
            var added = new HashSet<string>();
            engine.onRoomStateChanged = (room, reason, code, ext) =>
            {
                states.Add((room, reason, code));
                log.Add("state " + room + " " + reason + " " + code);
            };
            engine.onRoomUserUpdate = (room, type, users, count) =>
            {
                log.Add("users " + room + " " + type + " " + string.Join(",", users.Select(u => u.userID)));
                if (room == Room && type == ZegoUpdateType.Add) foreach (var u in users) added.Add(u.userID);
            };

            var clock = Stopwatch.StartNew();
            engine.LoginRoom(Room, new ZegoUser { userID = "unity-1", userName = "Unity" }, new ZegoRoomConfig { isUserStatusNotify = true });
            TickUntil(engine, clock, () => states.Any(s => s.reason != R.Logining), "Logined");
            Assert.That(states, Is.EqualTo(new[] { (Room, R.Logining, 0), (Room, R.Logined, 0) }));

            TickUntil(engine, clock, () => added.Contains("bot-1"), "the bot's Add (bot-1)");
            Assert.That(added, Does.Not.Contain("unity-1"), "ZEGO lists the other users, not yourself");

            engine.LogoutRoom(Room);
            TickUntil(engine, clock, () => states.Count > 2, "Logout");
            Assert.That(states, Is.EqualTo(new[] { (Room, R.Logining, 0), (Room, R.Logined, 0), (Room, R.Logout, 0) }), string.Join(" | ", log));
        }
    }
}
