// IScriptHost over the real built core.mjs in V8 (ClearScript), with the host facilities PuerTS gives
// a native env: setTimeout/clearTimeout pumped by Tick(), console routed to the (stub) Unity log.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge.Tests
{
    public sealed class V8ScriptHost : IScriptHostPending
    {
        public static readonly string CoreDirectory = Path.Combine(AppContext.BaseDirectory, "core");

        readonly V8ScriptEngine engine;
        readonly ScriptObject module;
        readonly HostTimers timers = new HostTimers();

        /// <summary>Every event drained so far (all engines), for assertions about peers the C# API does not own.</summary>
        public readonly List<(double t, JObject ev)> Drained = new List<(double, JObject)>();
        /// <summary>Stamps drained events (the simulated world's time); NaN when unset.</summary>
        public Func<double> Clock;
        public bool Disposed { get; private set; }
        public int TickCount { get; private set; }

        /// <param name="simulator">
        /// Load sim.mjs after core.mjs, as PuertsScriptHost does in the Editor (the harness stands for it);
        /// false: core.mjs alone, as a player without ZegoRoomBridgeSettings.UseSimulator.
        /// </param>
        /// <param name="native">Load native.mjs after core.mjs, as PuertsScriptHost does everywhere but a WebGL player.</param>
        /// <param name="dev">
        /// Load dev.mjs, as PuertsScriptHost does when ZegoRoomBridgeSettings.DevServer is set, with globalThis.WebSocket
        /// shaped like PuerTS's (HostWebSockets); host timers then follow the wall clock, as PuerTS's do.
        /// </param>
        public V8ScriptHost(bool simulator = true, bool native = true, bool dev = false)
        {
            engine = new V8ScriptEngine();
            engine.DocumentSettings.AccessFlags = DocumentAccessFlags.EnableFileLoading;
            engine.DocumentSettings.SearchPath = CoreDirectory;
            engine.AddHostObject("__host", timers);
            engine.Execute(@"
                globalThis.setTimeout = (fn, ms) => __host.setTimeout(fn, ms || 0);
                globalThis.clearTimeout = (id) => __host.clearTimeout(id);
                const line = (...a) => __host.log(a.map(String).join(' '));
                globalThis.console = { log: line, info: line, warn: line, error: line, debug: line };");
            engine.Execute(new DocumentInfo { Category = ModuleCategory.Standard }, "import * as m from './core.mjs'; globalThis.m = m;");
            module = (ScriptObject)engine.Script.m;
            // Each imports ./core.mjs: the same module instance, so they register "native" and "simulator" on the bridge above.
            if (native) engine.Execute(new DocumentInfo { Category = ModuleCategory.Standard }, "import './native.mjs';");
            if (simulator) engine.Execute(new DocumentInfo { Category = ModuleCategory.Standard }, "import './sim.mjs';");
            if (dev)
            {
                if (!File.Exists(Path.Combine(CoreDirectory, "dev.mjs")))
                    throw new FileNotFoundException("dev.mjs is not built (npm run build writes unity-plugin/Runtime/Resources/ZegoRoomBridge/dev.mjs)");
                WebSockets = HostWebSockets.Install(engine);
                wallClock = System.Diagnostics.Stopwatch.StartNew();
                engine.Execute(new DocumentInfo { Category = ModuleCategory.Standard }, "import './dev.mjs';");
            }
        }

        /// <summary>globalThis.WebSocket's sockets (with dev: true), else null.</summary>
        public HostWebSockets WebSockets { get; }
        System.Diagnostics.Stopwatch wallClock;

        /// <summary>A value exported by core.mjs (for the drift check).</summary>
        public object Export(string name) => module.GetProperty(name);

        public string Invoke(string requestJson) => (string)module.InvokeMethod("bridgeInvoke", requestJson);

        public string Drain()
        {
            var batch = (string)module.InvokeMethod("bridgeDrain");
            var events = JArray.Parse(batch);
            if (events.Count == 0) return batch;
            var t = Clock?.Invoke() ?? double.NaN;
            foreach (var e in events) Drained.Add((t, (JObject)e));
            return batch;
        }

        public int Pending() => Convert.ToInt32(module.InvokeMethod("bridgePending"));

        public void Tick()
        {
            TickCount++;
            if (wallClock != null) timers.Now = wallClock.Elapsed.TotalMilliseconds;
            timers.RunDue();
            WebSockets?.Poll();
        }

        /// <summary>Moves the host clock (PuerTS's timers) forward; due timers run on the next Tick.</summary>
        public void AdvanceHostTime(double ms) => timers.Now += ms;

        public void Dispose()
        {
            if (Disposed) return;
            Disposed = true;
            WebSockets?.Dispose();
            engine.Dispose();
        }

        public sealed class HostTimers
        {
            readonly SortedDictionary<(double due, int id), ScriptObject> pending = new SortedDictionary<(double, int), ScriptObject>();
            int nextId = 1;
            public double Now;

            public int setTimeout(object fn, double ms)
            {
                var id = nextId++;
                pending[(Now + Math.Max(0, ms), id)] = (ScriptObject)fn;
                return id;
            }

            public void clearTimeout(object id)
            {
                if (!(id is int n)) { if (id is double d) n = (int)d; else return; }
                var key = pending.Keys.FirstOrDefault(k => k.id == n);
                if (key.id == n) pending.Remove(key);
            }

            public void log(object message) => UnityEngine.Debug.Log("[js] " + message);

            /// <summary>Like PuerTS's timer.mjs: everything due by now, in due order; timers added meanwhile wait a Tick.</summary>
            public void RunDue()
            {
                var due = pending.Where(kv => kv.Key.due <= Now).ToList();
                foreach (var kv in due)
                {
                    if (!pending.Remove(kv.Key)) continue;
                    kv.Value.Invoke(false);
                }
            }
        }
    }
}
