// A script host that keeps every request it is asked, then hands it to the host inside: what C# sends
// across the boundary (the createEngine request per driver), whatever the core answers.
using System.Collections.Generic;
using System.Linq;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge.Tests
{
    public sealed class RecordingScriptHost : IScriptHostPending
    {
        readonly IScriptHostPending inner;
        public readonly List<JObject> Requests = new List<JObject>();

        public RecordingScriptHost(IScriptHostPending inner) { this.inner = inner; }

        /// <summary>The createEngine request, or null when none was made.</summary>
        public JObject CreateEngineRequest => Requests.LastOrDefault(r => (string)r["op"] == "createEngine");

        public string Invoke(string requestJson)
        {
            Requests.Add(JObject.Parse(requestJson));
            return inner.Invoke(requestJson);
        }

        public string Drain() => inner.Drain();
        public int Pending() => inner.Pending();
        public void Tick() => inner.Tick();
        public void Dispose() => inner.Dispose();
    }
}
