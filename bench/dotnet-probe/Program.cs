// `npm run bench`'s .NET probe. Prints one JSON line:
//   idle        bytes and time per Tick of an idle simulator engine over a host that costs nothing
//   idleNative  the same for an engine on the native driver (a ZEGO adapter that does nothing)
//   event       bytes and time per delegate call of the engine's Tick over the real core.mjs in V8
//               (LeanV8Host: ClearScript's marshalling is in the figure, as PuerTS's would be in Unity)
// Bytes: GC.GetAllocatedBytesForCurrentThread (exact); time: Stopwatch over many frames, after a warm-up.
using System;
using System.Diagnostics;
using Newtonsoft.Json.Linq;
using ZegoRoomBridge;
using ZegoRoomBridge.Tests;

static class Probe
{
    const int IdleFrames = 2_000_000;
    const int EventRounds = 2_000;

    static void Main()
    {
        var idle = Idle(native: false);
        var idleNative = Idle(native: true);
        var perEvent = Events();
        var report = new JObject { ["idle"] = idle, ["idleNative"] = idleNative, ["event"] = perEvent };
        Console.WriteLine(report.ToString(Newtonsoft.Json.Formatting.None));
    }

    static JObject Idle(bool native)
    {
        ZegoExpressEngine.ResetStatics();
        ZegoRoomBridgeSettings.Reset();
        ZegoRoomBridgeSettings.UseSimulator = !native;
        ZegoRoomBridgeSettings.ScriptHostFactory = () => new QuietScriptHost();
        NativeRoomDriver.AdapterFactory = native ? (profile, events) => new QuietNativeAdapter() : (Func<ZegoEngineProfile, INativeRoomEvents, INativeRoomAdapter>)null;
        var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
        engine.onRoomStateChanged = (room, reason, code, ext) => { };

        for (var i = 0; i < IdleFrames / 10; i++) engine.Tick();   // warm-up: tiered JIT settles
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < IdleFrames; i++) engine.Tick();
        clock.Stop();
        bytes = GC.GetAllocatedBytesForCurrentThread() - bytes;
        ZegoExpressEngine.DestroyEngine();
        NativeRoomDriver.AdapterFactory = null;
        return new JObject
        {
            ["frames"] = IdleFrames,
            ["bytesPerFrame"] = (double)bytes / IdleFrames,
            ["nsPerFrame"] = clock.Elapsed.TotalMilliseconds * 1e6 / IdleFrames,
        };
    }

    /// <summary>The engine logs in and out of a room; each Tick raises that step's events as delegates.</summary>
    static JObject Events()
    {
        ZegoExpressEngine.ResetStatics();
        ZegoRoomBridgeSettings.Reset();
        ZegoRoomBridgeSettings.UseSimulator = true;
        ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
        ZegoRoomBridgeSettings.Simulator.ClientId = "A";
        LeanV8Host host = null;
        ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new LeanV8Host();
        var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
        long delivered = 0;
        engine.onRoomStateChanged = (room, reason, code, ext) => delivered++;
        engine.onRoomStateUpdate = (room, state, code, ext) => delivered++;
        engine.onRoomUserUpdate = (room, type, users, count) => delivered++;
        engine.onRoomOnlineUserCountUpdate = (room, count) => delivered++;
        // Every event of the batch is this engine's: its own login (Logining, Logined and the legacy
        // Connecting, Connected) and logout (Logout, Disconnected), one Tick each.
        var calls = new Action[]
        {
            () => engine.LoginRoom("room1", new ZegoUser("A"), new ZegoRoomConfig { isUserStatusNotify = true }),
            () => engine.LogoutRoom("room1"),
        };
        long bytes = 0, events = 0, hostBytes = 0;
        var clock = new Stopwatch();
        var hostTime = TimeSpan.Zero;
        for (var round = -EventRounds / 10; round < EventRounds; round++)   // the first tenth warms up
        {
            foreach (var call in calls)
            {
                call();
                ZegoRoomSimulator.Advance(1000);
                var before = delivered;
                var hostBytesBefore = host.HostBytes;
                var hostTimeBefore = host.HostTime.Elapsed;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                clock.Start();
                engine.Tick();
                clock.Stop();
                if (round < 0) { clock.Reset(); continue; }
                bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                hostBytes += host.HostBytes - hostBytesBefore;
                hostTime += host.HostTime.Elapsed - hostTimeBefore;
                events += delivered - before;
            }
        }
        ZegoExpressEngine.DestroyEngine();
        return new JObject
        {
            ["events"] = events,
            ["bytesPerEvent"] = (double)bytes / Math.Max(1, events),
            ["usPerEvent"] = clock.Elapsed.TotalMilliseconds * 1e3 / Math.Max(1, events),
            // The package's own share: the figures above less what the script host (V8, ClearScript) took.
            ["packageBytesPerEvent"] = (double)(bytes - hostBytes) / Math.Max(1, events),
            ["packageUsPerEvent"] = (clock.Elapsed - hostTime).TotalMilliseconds * 1e3 / Math.Max(1, events),
        };
    }
}
