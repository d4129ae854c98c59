// An engine on the "native" driver over the real core.mjs (V8) and the fake ZEGO SDK, on a virtual clock
// so 20 minutes replay at once. ZEGO's callbacks reach the core at the next Tick (main-thread queue).
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;
using ZegoRoomBridge.Native;

namespace ZegoRoomBridge.Tests
{
    public sealed class NativeBridge
    {
        public const double Start = Bridge.Start;
        public V8ScriptHost Host;
        public ZegoExpressEngine Engine;
        public readonly List<Rec> Log = new List<Rec>();

        /// <summary>CreateEngine as a native player does it, with the adapter registered as Unity would.</summary>
        public static NativeBridge Create(ZegoRoomMode mode = ZegoRoomMode.SingleRoom)
        {
            var b = new NativeBridge();
            ZegoNativeRoomAdapter.Register();
            // The core's clock for this engine: a virtual one, as the simulator's tests use (the native
            // driver itself takes no options).
            ZegoRoomBridgeSettings.DriverOptions["simulator"] = new Dictionary<string, object> { ["clock"] = "virtual", ["startMs"] = Start };
            ZegoRoomBridgeSettings.ScriptHostFactory = () => b.Host = new V8ScriptHost();
            ZegoExpressEngine.SetRoomMode(mode);
            b.Engine = ZegoExpressEngine.CreateEngine(new ZegoEngineProfile { appID = 1234, appSign = "sign", scenario = ZegoScenario.Default });
            b.Host.Clock = () => b.Now;
            b.Record();
            return b;
        }

        public ZEGO.FakeEngine Zego => ZEGO.FakeEngine.Current;

        public double Now => (double)Invoke(new JObject { ["op"] = "simNow" })["now"] - Start;

        public JObject Invoke(JObject req) => JObject.Parse(Host.Invoke(req.ToString(Newtonsoft.Json.Formatting.None)));

        /// <summary>A frame: ZEGO's queued callbacks reach the core, the core's due turns run, delegates are raised.</summary>
        public void Frame()
        {
            Engine.Tick();
            Invoke(new JObject { ["op"] = "simAdvance", ["ms"] = 0 });
            Engine.Tick();
        }

        /// <summary>Frames until `t` ms since Start, `step` apart.</summary>
        public void At(double t, double step = 1000)
        {
            Frame();
            while (Now < t)
            {
                Invoke(new JObject { ["op"] = "simAdvance", ["ms"] = System.Math.Min(step, t - Now) });
                Frame();
            }
        }

        void Record()
        {
            var e = Engine;
            e.onRoomStateChanged = (room, reason, code, ext) => Log.Add(new Rec { T = Now, Cb = "state", Room = room, Value = (int)reason, Code = code, Fn = ext });
            e.onRoomStateUpdate = (room, state, code, ext) => Log.Add(new Rec { T = Now, Cb = "legacy", Room = room, Value = (int)state, Code = code });
            e.onRoomUserUpdate = (room, type, users, count) => Log.Add(new Rec { T = Now, Cb = "user", Room = room, Value = (int)type, Code = (int)count, Users = users.Select(u => u.userID + "/" + u.userName).ToList() });
            e.onRoomOnlineUserCountUpdate = (room, count) => Log.Add(new Rec { T = Now, Cb = "count", Room = room, Value = count });
            e.onRoomTokenWillExpire = (room, remain) => Log.Add(new Rec { T = Now, Cb = "token", Room = room, Value = remain });
            e.onDebugError = (code, fn, info) => Log.Add(new Rec { T = Now, Cb = "debug", Code = code, Fn = fn });
        }

        public List<(double t, ZegoRoomStateChangedReason reason, int code)> States(string room) =>
            Log.Where(r => r.Cb == "state" && r.Room == room).Select(r => (r.T, (ZegoRoomStateChangedReason)r.Value, r.Code)).ToList();

        public List<string> ZegoCalls()
        {
            lock (ZEGO.ZegoExpressEngine.Calls) return ZEGO.ZegoExpressEngine.Calls.ToList();
        }
    }
}
