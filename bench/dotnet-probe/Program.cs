// `npm run bench`'s .NET probe. Prints one JSON line:
//   idle        bytes and time per Tick of an idle simulator engine over a host that costs nothing
//   idleNative  the same for an engine on the native driver (a ZEGO adapter that does nothing)
//   event       bytes and time per delegate call of the engine's Tick over the real core.mjs in V8
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

    /// <summary>A peer joins and leaves the engine's room; each Tick raises its onRoomUserUpdate (and count) events.</summary>
    static JObject Events()
    {
        ZegoExpressEngine.ResetStatics();
        ZegoRoomBridgeSettings.Reset();
        ZegoRoomBridgeSettings.UseSimulator = true;
        ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
        ZegoRoomBridgeSettings.Simulator.ClientId = "A";
        V8ScriptHost host = null;
        ZegoRoomBridgeSettings.ScriptHostFactory = () => host = new V8ScriptHost();
        var engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1 });
        long delivered = 0;
        engine.onRoomStateChanged = (room, reason, code, ext) => delivered++;
        engine.onRoomStateUpdate = (room, state, code, ext) => delivered++;
        engine.onRoomUserUpdate = (room, type, users, count) => delivered++;
        engine.onRoomOnlineUserCountUpdate = (room, count) => delivered++;
        engine.LoginRoom("room1", new ZegoUser("A"), new ZegoRoomConfig { isUserStatusNotify = true });
        ZegoRoomSimulator.Advance(1000);
        engine.Tick();
        var peer = JObject.Parse(host.Invoke("{\"op\":\"createEngine\",\"appID\":1,\"clientId\":\"B\"}")).Value<string>("engine");
        var login = "{\"op\":\"loginRoom\",\"engine\":\"" + peer + "\",\"roomID\":\"room1\",\"user\":{\"userID\":\"B\"},\"config\":{\"isUserStatusNotify\":true}}";
        var logout = "{\"op\":\"logoutRoom\",\"engine\":\"" + peer + "\",\"roomID\":\"room1\"}";

        long bytes = 0, events = 0;
        var clock = new Stopwatch();
        for (var round = -EventRounds / 10; round < EventRounds; round++)   // the first tenth warms up
        {
            foreach (var request in new[] { login, logout })
            {
                host.Invoke(request);
                ZegoRoomSimulator.Advance(1000);
                var before = delivered;
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                clock.Start();
                engine.Tick();
                clock.Stop();
                if (round < 0) { clock.Reset(); continue; }
                bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
                events += delivered - before;
            }
        }
        ZegoExpressEngine.DestroyEngine();
        return new JObject
        {
            ["events"] = events,
            ["bytesPerEvent"] = (double)bytes / Math.Max(1, events),
            ["usPerEvent"] = clock.Elapsed.TotalMilliseconds * 1e3 / Math.Max(1, events),
        };
    }
}
