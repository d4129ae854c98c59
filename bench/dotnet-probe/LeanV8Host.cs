// The real core.mjs in V8 (ClearScript) with only what PuerTS's env gives it: timers pumped by Tick, the
// four exports. Unlike the tests' V8ScriptHost it keeps no record of the events, so the probe's figures
// are the core's, ClearScript's and the package's, not a test harness's.
using System.Collections.Generic;
using System.IO;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;
using ZegoRoomBridge;

sealed class LeanV8Host : IScriptHost
{
    readonly V8ScriptEngine engine = new V8ScriptEngine();
    readonly ScriptObject module;
    readonly Timers timers = new Timers();

    public LeanV8Host()
    {
        engine.DocumentSettings.AccessFlags = DocumentAccessFlags.EnableFileLoading;
        engine.DocumentSettings.SearchPath = Path.Combine(System.AppContext.BaseDirectory, "core");
        engine.AddHostObject("__host", timers);
        engine.Execute(@"
            globalThis.setTimeout = (fn, ms) => __host.setTimeout(fn, ms || 0);
            globalThis.clearTimeout = (id) => __host.clearTimeout(id);
            const none = () => {};
            globalThis.console = { log: none, info: none, warn: none, error: none, debug: none };");
        engine.Execute(new DocumentInfo { Category = ModuleCategory.Standard }, "import * as m from './core.mjs'; globalThis.m = m;");
        // The simulated room service is its own module beside the core, as in the Editor.
        engine.Execute(new DocumentInfo { Category = ModuleCategory.Standard }, "import './sim.mjs';");
        module = (ScriptObject)engine.Script.m;
    }

    /// <summary>Bytes allocated and time spent inside this host (V8, ClearScript): the probe subtracts them to get the package's share.</summary>
    public long HostBytes;
    public readonly System.Diagnostics.Stopwatch HostTime = new System.Diagnostics.Stopwatch();

    public string Invoke(string requestJson) => Measured(() => (string)module.InvokeMethod("bridgeInvoke", requestJson));
    public string Drain() => Measured(() => (string)module.InvokeMethod("bridgeDrain"));
    public int Pending() => Measured(() => System.Convert.ToInt32(module.InvokeMethod("bridgePending")));
    public void Tick() => Measured(() => { timers.RunDue(); return 0; });

    T Measured<T>(System.Func<T> call)
    {
        var before = System.GC.GetAllocatedBytesForCurrentThread();
        HostTime.Start();
        try { return call(); }
        finally
        {
            HostTime.Stop();
            HostBytes += System.GC.GetAllocatedBytesForCurrentThread() - before;
        }
    }
    public void Dispose() => engine.Dispose();

    /// <summary>Every timer due now runs on the next Tick (the probe's world runs on a virtual clock; host time stands still).</summary>
    public sealed class Timers
    {
        readonly List<(int id, ScriptObject fn)> due = new List<(int, ScriptObject)>();
        readonly List<(int id, ScriptObject fn)> running = new List<(int, ScriptObject)>();
        readonly List<(int id, double ms, ScriptObject fn)> later = new List<(int, double, ScriptObject)>();
        int nextId = 1;

        public int setTimeout(object fn, double ms)
        {
            var id = nextId++;
            if (ms <= 0) due.Add((id, (ScriptObject)fn));
            else later.Add((id, ms, (ScriptObject)fn));   // never due: host time does not move in the probe
            return id;
        }

        public void clearTimeout(object id)
        {
            var n = id is int i ? i : id is double d ? (int)d : -1;
            due.RemoveAll(t => t.id == n);
            later.RemoveAll(t => t.id == n);
        }

        public void RunDue()
        {
            if (due.Count == 0) return;
            running.Clear();
            running.AddRange(due);
            due.Clear();
            foreach (var t in running) t.fn.Invoke(false);
        }
    }
}
