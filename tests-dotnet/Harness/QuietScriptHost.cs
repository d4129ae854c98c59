// A script host that costs nothing: it answers the two requests CreateEngine makes and then has nothing
// pending, ever. What an idle frame of the package costs is then the package's own code alone.
using System;

namespace ZegoRoomBridge.Tests
{
    public sealed class QuietScriptHost : IScriptHostPending
    {
        public int Invokes { get; private set; }
        public int Drains { get; private set; }
        public int Ticks { get; private set; }

        public string Invoke(string requestJson)
        {
            Invokes++;
            if (requestJson.Contains("\"op\":\"version\"")) return "{\"ok\":true,\"protocol\":" + BridgeProtocol.Version + ",\"version\":\"0.0.0-quiet\"}";
            if (requestJson.Contains("\"op\":\"createEngine\"")) return "{\"ok\":true,\"engine\":\"e1\",\"clientId\":\"A\"}";
            return "{\"ok\":true}";
        }

        public string Drain()
        {
            Drains++;
            return "[]";
        }

        public int Pending() => 0;

        public void Tick() => Ticks++;

        public void Dispose() { }
    }

    /// <summary>A ZEGO adapter that does nothing: the native engine's idle frame without ZEGO's SDK in the way.</summary>
    public sealed class QuietNativeAdapter : INativeRoomAdapter
    {
        public int Ticks { get; private set; }
        public void Execute(string command, Newtonsoft.Json.Linq.JArray args) { }
        public void Tick() => Ticks++;
        public void Dispose() { }
    }
}
