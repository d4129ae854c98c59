using System;
using Newtonsoft.Json.Linq;

namespace ZegoRoomBridge
{
    /// <summary>
    /// The C# half of the core's "native" driver (docs/BOUNDARY.md, "The native driver"): runs the core's
    /// commands on ZEGO's Unity SDK. Implemented by the ZegoRoomBridge.Native assembly (Runtime/Native),
    /// which compiles only when ZEGO's SDK is in the project. Called on the main thread only.
    /// </summary>
    public interface INativeRoomAdapter : IDisposable
    {
        /// <summary>One command ("createEngine", "loginRoom", "switchRoom", "logoutRoom", "renewToken", "destroyEngine"), in the core's order.</summary>
        void Execute(string command, JArray args);

        /// <summary>Once per engine Tick, before anything else: cheap checks of ZEGO's engine (no allocation when nothing changed).</summary>
        void Tick();
    }

    /// <summary>Where an adapter hands ZEGO's callbacks. Any thread: they reach the core in order, on the main thread, at the next Tick.</summary>
    public interface INativeRoomEvents
    {
        void Post(string eventName, JArray args);
    }

    /// <summary>How the engine finds the native adapter: set once per domain by ZegoRoomBridge.Native (never reset with the Play session).</summary>
    public static class NativeRoomDriver
    {
        /// <summary>
        /// Makes the adapter for a new engine: the app's profile (appSign stays in C#) and the event sink.
        /// null: this project has no ZEGO Unity SDK, so a native player's CreateEngine fails (1000017).
        /// </summary>
        public static Func<ZegoEngineProfile, INativeRoomEvents, INativeRoomAdapter> AdapterFactory;

        /// <summary>ZEGO's GetVersion(), for the bridge's GetVersion(); set with AdapterFactory.</summary>
        public static Func<string> SdkVersion;

        /// <summary>
        /// ZEGO's static SetLogConfig / SetEngineConfig, set with AdapterFactory: the bridge forwards the app's
        /// calls at once while a native engine runs (ZEGO's own timing rules then apply).
        /// </summary>
        public static Action<ZegoLogConfig> ForwardLogConfig;
        public static Action<ZegoEngineConfig> ForwardEngineConfig;

        /// <summary>What the app last passed to SetLogConfig / SetEngineConfig (copies; null = never called).
        /// The adapter hands them to ZEGO before ZEGO's CreateEngine, as ZEGO requires.</summary>
        public static ZegoLogConfig LogConfig { get; internal set; }
        public static ZegoEngineConfig EngineConfig { get; internal set; }

        /// <summary>Bridge events with this prefix are the adapter's commands, never the app's.</summary>
        internal const string CommandPrefix = "native:";

        /// <summary>The reason CreateEngine gives when AdapterFactory is null (docs/UNITY.md quotes it).</summary>
        internal const string MissingSdkReason =
            "ZEGO's Unity SDK is not in this project, or the ZegoRoomBridge.Native assembly is not compiled: import ZEGO's Unity SDK, " +
            "give it an assembly definition named ZegoExpressEngine and add ZRB_ZEGO_SDK to Scripting Define Symbols (docs/UNITY.md)";
    }
}
