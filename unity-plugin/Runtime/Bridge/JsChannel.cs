using System;
using System.Collections.Generic;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge
{
    /// <summary>
    /// One engine's line to core.mjs (docs/BOUNDARY.md): requests in, the event batch out, the protocol
    /// check, and the host's failures turned into log lines and error answers. Main thread only.
    /// An idle frame costs one bridgePending() call and allocates nothing.
    /// </summary>
    internal sealed class JsChannel
    {
        static readonly JObject[] NoEvents = new JObject[0];

        readonly IScriptHost host;
        readonly string engineId;
        bool pendingFailed;

        public JsChannel(IScriptHost host, string engineId)
        {
            this.host = host;
            this.engineId = engineId;
            Context = new BridgeLogContext(engineId, null);
        }

        public IScriptHost Host => host;

        /// <summary>The engine id in log lines.</summary>
        public BridgeLogContext Context { get; }

        /// <summary>True once destroyEngine was sent: ZEGO's late callbacks no longer reach the core.</summary>
        public bool EngineDestroyed { get; private set; }

        // ---- before an engine exists ----------------------------------------------------------------

        /// <summary>The app's ScriptHostFactory, else PuerTS's; throws ZegoRoomBridgeException (1000017) when there is none.</summary>
        public static IScriptHost StartHost()
        {
            var factory = ZegoRoomBridgeSettings.ScriptHostFactory ?? HostHooks.DefaultScriptHost;
            if (factory == null)
                throw CreateFailed("no JS runtime: install PuerTS (com.tencent.puerts.core 2.x, or 3.x with .v8, .quickjs or .nodejs; .webgl for WebGL) or set ZegoRoomBridgeSettings.ScriptHostFactory");
            IScriptHost started;
            try { started = factory(); }
            catch (ZegoRoomBridgeException) { throw; }   // already says what is missing (e.g. no PuerTS backend)
            catch (Exception e) { throw new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, BridgeLog.Prefix + "CreateEngine failed (1000017): could not load ZegoRoomBridge/core.mjs: " + BridgeJson.Describe(e), e); }
            if (started == null) throw CreateFailed("ScriptHostFactory returned null");
            return started;
        }

        public static ZegoRoomBridgeException CreateFailed(string why) =>
            new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, BridgeLog.Prefix + "CreateEngine failed (1000017): " + why);

        /// <summary>Throws (1000017) unless core.mjs speaks this C#'s bridge protocol.</summary>
        public static void CheckProtocol(IScriptHost host)
        {
            var version = BridgeJson.ParseAnswer(host.Invoke(BridgeJson.Serialize(BridgeJson.Request("version"))));
            var protocol = version.Value<int?>("protocol");
            if (protocol != BridgeProtocol.Version)
                throw CreateFailed("core.mjs speaks bridge protocol " + (protocol?.ToString() ?? "?") + ", this C# expects " + BridgeProtocol.Version + " (rebuild core.mjs and run `npm run gen:cs`)");
        }

        /// <summary>core.mjs's version (package.json), or null when it gives none.</summary>
        public static string AskVersion(IScriptHost host)
        {
            var answer = BridgeJson.ParseAnswer(host.Invoke(BridgeJson.Serialize(BridgeJson.Request("version"))));
            return answer?.Value<string>("version");
        }

        /// <summary>Releases a host no engine owns (a failed CreateEngine, GetVersion's own); a failure is logged.</summary>
        public static void DisposeHost(IScriptHost host)
        {
            try { host.Dispose(); }
            catch (Exception e) { BridgeLog.Error("releasing the script host threw", e); }
        }

        // ---- requests ---------------------------------------------------------------------------------

        /// <summary>A request of this engine.</summary>
        public JObject Request(string op)
        {
            var req = BridgeJson.Request(op);
            req["engine"] = engineId;
            return req;
        }

        /// <summary>The core's answer; an error answer when the host failed (logged).</summary>
        public JObject Invoke(JObject request) => BridgeJson.ParseAnswer(SafeInvoke(BridgeJson.Serialize(request)));

        /// <summary>
        /// A request whose refusal has no other channel than the log (no result callback): "fn rejected (code): why".
        /// With a callbackId the core queues the code as that callback instead.
        /// </summary>
        public void Send(JObject request, string fn, bool hasCallback)
        {
            var answer = Invoke(request);
            if (!BridgeJson.Ok(answer) && !hasCallback)
                BridgeLog.Error(fn + " rejected (" + BridgeJson.ErrorOf(answer) + "): " + BridgeJson.MessageOf(answer), Context.WithRoom(request.Value<string>("roomID")));
        }

        string SafeInvoke(string json)
        {
            try { return host.Invoke(json); }
            catch (Exception e)
            {
                BridgeLog.Error("bridgeInvoke failed", e, Context);
                return null;
            }
        }

        // ---- the frame ----------------------------------------------------------------------------------

        /// <summary>Runs due JS timers; a throwing timer is logged.</summary>
        public void TickTimers()
        {
            try { host.Tick(); }
            catch (Exception e) { BridgeLog.Error("a JS timer threw", e, Context); }
        }

        /// <summary>
        /// This engine's events since the last drain, in order; none (and no allocation) when the core has
        /// nothing pending, or when the host fails (logged). A new array each time there are events, so a
        /// drain from inside an app delegate (DestroyEngine) never disturbs the batch being raised.
        /// </summary>
        public JObject[] Drain()
        {
            if (!AnythingPending()) return NoEvents;
            string batch;
            try { batch = host.Drain(); }
            catch (Exception e) { BridgeLog.Error("bridgeDrain failed", e, Context); return NoEvents; }
            if (string.IsNullOrEmpty(batch) || batch == "[]") return NoEvents;
            JArray events;
            try { events = JArray.Parse(batch); }
            catch (Exception e) { BridgeLog.Error("bridgeDrain gave no JSON array", e, Context); return NoEvents; }
            var mine = new List<JObject>(events.Count);
            foreach (var item in events)
                if (item is JObject ev && ev.Value<string>("engine") == engineId) mine.Add(ev);
            return mine.Count == 0 ? NoEvents : mine.ToArray();
        }

        /// <summary>bridgePending() &gt; 0; when the host cannot say, true (drain every frame: nothing is lost), logged once.</summary>
        bool AnythingPending()
        {
            if (pendingFailed || !(host is IScriptHostPending counting)) return true;
            try { return counting.Pending() != 0; }
            catch (Exception e)
            {
                pendingFailed = true;
                BridgeLog.Error("bridgePending failed; draining every frame from now on", e, Context);
                return true;
            }
        }

        // ---- the end -------------------------------------------------------------------------------------

        /// <summary>destroyEngine to the core (its last commands stay queued for one more drain); a failure is logged.</summary>
        public void DestroyEngine()
        {
            EngineDestroyed = true;
            try { host.Invoke(BridgeJson.Serialize(Request("destroyEngine"))); }
            catch (Exception e) { BridgeLog.Error("destroyEngine failed", e, Context); }
        }

        public void DisposeHost() => DisposeHost(host);
    }
}
