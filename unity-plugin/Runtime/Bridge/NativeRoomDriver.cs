using System;
using System.Collections.Generic;
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

        /// <summary>The adapter for a new engine, its room callbacks tagged with the attempt they belong to (AttemptTags). null as AdapterFactory's.</summary>
        internal static INativeRoomAdapter Create(ZegoEngineProfile profile, INativeRoomEvents sink)
        {
            var tags = new AttemptTags(sink);
            var adapter = AdapterFactory(profile, tags);
            return adapter == null ? null : tags.Wrap(adapter);
        }

        /// <summary>Bridge events with this prefix are the adapter's commands, never the app's.</summary>
        internal const string CommandPrefix = "native:";

        /// <summary>The reason CreateEngine gives when AdapterFactory is null (Documentation~/reference.md quotes it).</summary>
        internal const string MissingSdkReason =
            "ZEGO's Unity SDK is not in this project, or the ZegoRoomBridge.Native assembly is not compiled: import ZEGO's Unity SDK, " +
            "give it an assembly definition named ZegoExpressEngine and add ZRB_ZEGO_SDK to Scripting Define Symbols (the package's Documentation~/index.md, step 5)";
    }

    /// <summary>
    /// Echoes the core's attempt ids (docs/BOUNDARY.md, "The native driver"): each loginRoom/switchRoom
    /// command names the attempt it starts; every room callback of ZEGO's is posted with the id of the
    /// room's last such command run when ZEGO raised it, so the core can drop a callback that lagged behind
    /// a logout and a new login (it belongs to the login the app left). LoginRoom's own result carries its id already.
    /// </summary>
    internal sealed class AttemptTags : INativeRoomEvents
    {
        // Where the id goes in each room callback's args: right after ZEGO's own arguments.
        static readonly Dictionary<string, int> TagIndex = new Dictionary<string, int>
        {
            ["onRoomStateChanged"] = 4, ["onRoomUserUpdate"] = 4, ["onRoomOnlineUserCountUpdate"] = 2, ["onRoomTokenWillExpire"] = 2,
        };

        readonly INativeRoomEvents sink;
        readonly object gate = new object();   // commands run on the main thread, ZEGO calls back on its own
        readonly Dictionary<string, JToken> lastLogin = new Dictionary<string, JToken>();

        public AttemptTags(INativeRoomEvents sink) { this.sink = sink ?? throw new ArgumentNullException(nameof(sink)); }

        public INativeRoomAdapter Wrap(INativeRoomAdapter adapter) => new Tagging(this, adapter);

        public void Post(string eventName, JArray args)
        {
            if (args != null && TagIndex.TryGetValue(eventName, out var at) && args.Count == at && args[0]?.Type == JTokenType.String)
            {
                JToken id;
                lock (gate) lastLogin.TryGetValue((string)args[0], out id);
                if (id != null) args.Add(id.DeepClone());
            }
            sink.Post(eventName, args);
        }

        /// <summary>Before the command runs, so a callback ZEGO raises inside it is tagged with it already.</summary>
        void Started(string command, JArray args)
        {
            var room = command == "loginRoom" ? 0 : command == "switchRoom" ? 1 : -1;
            if (room < 0 || args == null || args.Count < 4 || args[room]?.Type != JTokenType.String || args[3]?.Type != JTokenType.Integer) return;
            lock (gate) lastLogin[(string)args[room]] = args[3];
        }

        sealed class Tagging : INativeRoomAdapter
        {
            readonly AttemptTags tags;
            readonly INativeRoomAdapter inner;
            public Tagging(AttemptTags tags, INativeRoomAdapter inner) { this.tags = tags; this.inner = inner; }
            public void Execute(string command, JArray args) { tags.Started(command, args); inner.Execute(command, args); }
            public void Tick() => inner.Tick();
            public void Dispose() => inner.Dispose();
        }
    }
}
