// Per-test setup: a fresh V8 + core.mjs behind the C# API, a virtual-clock simulated world, and a
// recorder on every delegate that stamps each call with the world's time.
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge.Tests
{
    public sealed class Rec
    {
        public double T;
        public string Cb;
        public string Room;
        public int Value;   // reason, state, update type, count, remaining seconds
        public int Code;
        public string Fn;
        public List<string> Users;
        public override string ToString() => $"{T} {Cb} {Room} {Value} {Code} {Fn} {(Users == null ? "" : string.Join(",", Users))}";
    }

    public sealed class Bridge
    {
        public const double Start = 1_700_000_000_000;
        public V8ScriptHost Host;
        public ZegoExpressEngine Engine;
        public readonly List<Rec> Log = new List<Rec>();

        /// <summary>A new engine over a fresh core, simulator on a virtual clock starting at Start.</summary>
        public static Bridge Create(ZegoRoomMode mode = ZegoRoomMode.SingleRoom, string clientId = "A", bool record = true, System.Action configure = null)
        {
            var b = new Bridge();
            ZegoRoomBridgeSettings.Reset();
            ZegoRoomBridgeSettings.UseSimulator = true;
            ZegoRoomBridgeSettings.Simulator.VirtualClock = true;
            ZegoRoomBridgeSettings.Simulator.StartMs = Start;
            ZegoRoomBridgeSettings.Simulator.ClientId = clientId;
            ZegoRoomBridgeSettings.Simulator.Seed = 7;
            ZegoRoomBridgeSettings.ScriptHostFactory = () => b.Host = new V8ScriptHost();
            configure?.Invoke();
            ZegoExpressEngine.SetRoomMode(mode);
            b.Engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1, appSign = "" });
            b.Host.Clock = () => b.Now;
            if (record) b.Record(b.Engine);
            return b;
        }

        public double Now => ZegoRoomSimulator.Now() - Start;

        public void Record(ZegoExpressEngine e)
        {
            e.onRoomStateChanged = (room, reason, code, ext) => Log.Add(new Rec { T = Now, Cb = "state", Room = room, Value = (int)reason, Code = code });
            e.onRoomStateUpdate = (room, state, code, ext) => Log.Add(new Rec { T = Now, Cb = "legacy", Room = room, Value = (int)state, Code = code });
            e.onRoomUserUpdate = (room, type, users, count) => Log.Add(new Rec { T = Now, Cb = "user", Room = room, Value = (int)type, Code = (int)count, Users = users.Select(u => u.userID).ToList() });
            e.onRoomOnlineUserCountUpdate = (room, count) => Log.Add(new Rec { T = Now, Cb = "count", Room = room, Value = count });
            e.onRoomTokenWillExpire = (room, remain) => Log.Add(new Rec { T = Now, Cb = "token", Room = room, Value = remain });
            e.onDebugError = (code, fn, info) => Log.Add(new Rec { T = Now, Cb = "debug", Code = code, Fn = fn });
        }

        /// <summary>Moves the world to an absolute time since Start in steps, ticking like frames, so delegates carry their time within one step.</summary>
        public void At(double t, double step = 10)
        {
            Flush();
            while (Now < t)
            {
                ZegoRoomSimulator.Advance(System.Math.Min(step, t - Now));
                Tick();
            }
        }

        /// <summary>Runs what is due now (callbacks the core posted on a zero-delay timer turn), then a frame.</summary>
        public void Flush()
        {
            ZegoRoomSimulator.Advance(0);
            Tick();
        }

        /// <summary>One frame.</summary>
        public void Tick() => Engine.Tick();

        /// <summary>[time, reason, code] of onRoomStateChanged for a room.</summary>
        public List<(double t, ZegoRoomStateChangedReason reason, int code)> States(string room) =>
            Log.Where(r => r.Cb == "state" && r.Room == room).Select(r => (r.T, (ZegoRoomStateChangedReason)r.Value, r.Code)).ToList();

        public List<(double t, ZegoUpdateType type, string users)> Users(string room) =>
            Log.Where(r => r.Cb == "user" && r.Room == room).Select(r => (r.T, (ZegoUpdateType)r.Value, string.Join(",", r.Users))).ToList();

        // ---- a peer device in the same world, driven through the raw boundary ----

        public string CreatePeer(string clientId, int roomMode = 0) =>
            Invoke(new JObject { ["op"] = "createEngine", ["appID"] = 1, ["clientId"] = clientId, ["roomMode"] = roomMode }).Value<string>("engine");

        public JObject Invoke(JObject req) => JObject.Parse(Host.Invoke(req.ToString(Newtonsoft.Json.Formatting.None)));

        public void PeerLogin(string peer, string room, string userID) =>
            Invoke(new JObject { ["op"] = "loginRoom", ["engine"] = peer, ["roomID"] = room, ["user"] = new JObject { ["userID"] = userID }, ["config"] = new JObject { ["isUserStatusNotify"] = true } });

        /// <summary>A peer's onRoomUserUpdate events as (type, users) — the C# API only raises its own engine's.</summary>
        public List<(double t, ZegoUpdateType type, string users)> PeerUsers(string peer) =>
            Host.Drained.Where(d => (string)d.ev["engine"] == peer && (string)d.ev["event"] == "onRoomUserUpdate")
                .Select(d => (d.t, (ZegoUpdateType)(int)d.ev["args"][1], string.Join(",", d.ev["args"][2].Select(u => (string)u["userID"])))).ToList();
    }
}
