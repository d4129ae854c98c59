using System;
using System.Collections.Generic;

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
        /// How the bridge gets its JS runtime. null: a PuerTS env of its own (the WebGL player's single
        /// MainEnv there). Games that already run PuerTS hand theirs over:
        /// <c>ZegoRoomBridgeSettings.ScriptHostFactory = () => new PuertsScriptHost(myEnv);</c>
        /// </summary>
        public static Func<IScriptHost> ScriptHostFactory;

        /// <summary>Extra createEngine fields for the Web and native drivers (their issues define them).</summary>
        public static Dictionary<string, object> DriverOptions = new Dictionary<string, object>();

        /// <summary>Back to the defaults (called at the start of each Play session).</summary>
        public static void Reset()
        {
            UseSimulator = false;
            Simulator = new ZegoSimulatorOptions();
            WebServer = null;
            Web = new ZegoWebOptions();
            ScriptHostFactory = null;
            DriverOptions = new Dictionary<string, object>();
        }
    }

    /// <summary>What the Unity layer tells the plain C# engine; set at Play start by ZegoRoomBridgeRunner.</summary>
    internal static class HostHooks
    {
        public static bool IsEditor;
        public static bool IsWebGLPlayer;
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
            DefaultScriptHost = null;
            StartTicking = null;
        }
    }
}
