using System;
using System.Collections.Generic;
using System.IO;
using UnityEngine;

namespace ZegoRoomBridge
{
    /// <summary>Options of the simulated room service (used only when the simulator is chosen).</summary>
    public sealed class ZegoSimulatorOptions
    {
        /// <summary>Name of the simulated world; engines in one world share rooms.</summary>
        public string World = "default";
        /// <summary>This device's id in the world (null: the core picks one).</summary>
        public string ClientId;
        /// <summary>true: the world's time moves only through ZegoRoomSimulator.Advance (tests, replays).</summary>
        public bool VirtualClock;
        /// <summary>Start of a virtual clock, in ms since the Unix epoch.</summary>
        public double StartMs;
        /// <summary>Seed of the reconnect jitter, for runs that replay exactly.</summary>
        public int Seed = 1;
        /// <summary>null: the simulator's defaults (120 ms login, 100 ms push, 90 s heartbeat timeout).</summary>
        public double? LoginLatencyMs, NotifyLatencyMs, HeartbeatTimeoutMs;
    }

    /// <summary>Options of the ZEGO Web SDK driver (WebGL players); docs/WEBGL.md explains each.</summary>
    public sealed class ZegoWebOptions
    {
        /// <summary>Report Reconnecting when the browser goes offline, instead of after the Web SDK's 8-s hold.</summary>
        public bool EarlyReconnecting = true;
        /// <summary>When the Web SDK gives up (300 s), keep retrying until the native 20-minute window ends.</summary>
        public bool ExtendToRetryWindow = true;
        /// <summary>Retry a login in flight at once on the browser's online event.</summary>
        public bool RetryOnOnline = true;
        /// <summary>How long past the 8-s hold a silent Web SDK is taken to have recovered (ms).</summary>
        public double HoldGraceMs = 1000;
    }

    /// <summary>
    /// Bridge-only settings, so ZegoEngineProfile stays ZEGO's. Set them before CreateEngine; they are
    /// reset at the start of every Play session (also with domain reload off).
    /// </summary>
    public static class ZegoRoomBridgeSettings
    {
        /// <summary>Run against the simulated room service. Never chosen silently in a player build.</summary>
        public static bool UseSimulator;

        public static ZegoSimulatorOptions Simulator = new ZegoSimulatorOptions();

        /// <summary>
        /// WebGL players: the ZEGO Web SDK's server address (wss://…, from the ZEGO console). ZEGO's engine
        /// profile has none, and the Web SDK cannot start without it.
        /// </summary>
        public static string WebServer;

        public static ZegoWebOptions Web = new ZegoWebOptions();

        /// <summary>
        /// The local room server (<c>npx zego-room-bridge serve</c>) as ws://HOST:PORT or wss://…: CreateEngine runs
        /// the "dev" driver against it, so Editors, WebGL tabs and phones share rooms without a ZEGO account. Editor
        /// and development builds only: in a release build CreateEngine throws 1000017 naming this setting (it never
        /// runs there silently). Wins over UseSimulator and the Editor's Play-mode option. null or "": off.
        /// </summary>
        public static string DevServer;

        /// <summary>The dev driver's heartbeat period (ms); null: the driver's default (5 s: a silent link is noticed within 10 s).</summary>
        public static int? DevHeartbeatIntervalMs;

        /// <summary>
        /// How long a dropped room keeps retrying before ReconnectFailed (ms), with every driver (the createEngine
        /// request's retryWindowMs); null: ZEGO's 20 minutes. A shorter window is for tests and dev sessions.
        /// </summary>
        public static int? RetryWindowMs;

        /// <summary>
        /// How the bridge gets its JS runtime. null: a PuerTS env of its own (the WebGL player's single
        /// MainEnv there). Games that already run PuerTS hand theirs over:
        /// <c>ZegoRoomBridgeSettings.ScriptHostFactory = () => new PuertsScriptHost(myEnv);</c>
        /// </summary>
        public static Func<IScriptHost> ScriptHostFactory;

        /// <summary>Extra createEngine fields for the Web and native drivers (their issues define them).</summary>
        public static Dictionary<string, object> DriverOptions = new Dictionary<string, object>();

        /// <summary>
        /// Record what the engine does: every call, driver report, state transition and event, one JSON record
        /// each (tokens replaced by "(token)"; docs/TRACE.md). Read them through <see cref="OnTrace"/> or
        /// <see cref="TraceFile"/>, and draw a file with <c>npx zego-room-bridge draw trace.jsonl</c>.
        /// Read at CreateEngine. Off by default: a record costs a JSON string per transition.
        /// </summary>
        public static bool Trace;

        /// <summary>
        /// Each trace record's JSON (one line), on the main thread during the engine's Tick, before the event
        /// it describes reaches your delegates. A handler that throws is logged and the others still run.
        /// </summary>
        public static event Action<string> OnTrace;

        /// <summary>
        /// With <see cref="Trace"/>: a file that gets one record per line (JSON Lines), emptied at CreateEngine,
        /// e.g. <c>Path.Combine(Application.persistentDataPath, "zego-trace.jsonl")</c> to copy off a device.
        /// </summary>
        public static string TraceFile;

        static bool traceFileFailed;

        /// <summary>Starts a trace (empties <see cref="TraceFile"/>); the createEngine request's "trace" value.</summary>
        internal static bool BeginTrace()
        {
            traceFileFailed = false;
            if (!string.IsNullOrEmpty(TraceFile))
            {
                try { File.WriteAllText(TraceFile, ""); }
                catch (Exception e) { TraceFileFailed(e); }
            }
            return true;
        }

        /// <summary>One record from the core (a `trace` event): to the file, then to each OnTrace handler.</summary>
        internal static void DeliverTrace(string json)
        {
            if (!string.IsNullOrEmpty(TraceFile) && !traceFileFailed)
            {
                try { File.AppendAllText(TraceFile, json + "\n"); }
                catch (Exception e) { TraceFileFailed(e); }
            }
            var handlers = OnTrace;
            if (handlers == null) return;
            foreach (var one in handlers.GetInvocationList())
            {
                try { ((Action<string>)one)(json); }
                catch (Exception e) { Debug.LogError("zego-room-bridge: the app's OnTrace threw: " + e); }
            }
        }

        static void TraceFileFailed(Exception e)
        {
            // Once per trace: a full disk must not flood the log.
            traceFileFailed = true;
            Debug.LogError("zego-room-bridge: cannot write the trace file " + TraceFile + " (" + e.Message + "); records still reach OnTrace");
        }

        /// <summary>Back to the defaults (called at the start of each Play session).</summary>
        public static void Reset()
        {
            Trace = false;
            OnTrace = null;
            TraceFile = null;
            traceFileFailed = false;
            UseSimulator = false;
            Simulator = new ZegoSimulatorOptions();
            WebServer = null;
            Web = new ZegoWebOptions();
            DevServer = null;
            DevHeartbeatIntervalMs = null;
            RetryWindowMs = null;
            ScriptHostFactory = null;
            DriverOptions = new Dictionary<string, object>();
        }
    }

    /// <summary>What the Unity layer tells the plain C# engine; set at Play start by ZegoRoomBridgeRunner.</summary>
    internal static class HostHooks
    {
        public static bool IsEditor;
        public static bool IsWebGLPlayer;
        /// <summary>Debug.isDebugBuild: a development build (always true in the Editor); the dev driver runs only there.</summary>
        public static bool IsDevelopmentBuild;
        /// <summary>The PuerTS host when PuerTS is installed, else null.</summary>
        public static Func<IScriptHost> DefaultScriptHost;
        /// <summary>Starts the per-frame Tick (creates the runner object).</summary>
        public static Action StartTicking;
        /// <summary>Set by the Editor assembly: the Play-mode "simulate room service" option. Survives the Play reset.</summary>
        public static Func<bool> EditorSimulatorPreference;
        /// <summary>Set by the Editor assembly: show ZegoRoomDebugPanel when the simulator runs in Play mode.</summary>
        public static Func<bool> EditorShowDebugPanel;

        public static void Reset()
        {
            IsEditor = false;
            IsWebGLPlayer = false;
            IsDevelopmentBuild = false;
            DefaultScriptHost = null;
            StartTicking = null;
        }
    }
}
