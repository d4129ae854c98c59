// The one PuerTS-specific file: IScriptHost over a PuerTS env, for PuerTS 2.x (JsEnv/JSObject) and
// 3.x (ScriptEnv/ScriptObject). The asmdef's versionDefines say what is installed:
//   ZRB_PUERTS          com.tencent.puerts.core, any version (nothing here compiles without it)
//   ZRB_PUERTS_2        com.tencent.puerts.core 2.x
//   ZRB_PUERTS_3        com.tencent.puerts.core 3.x
//   ZRB_PUERTS_V8       com.tencent.puerts.v8        (3.x; BackendV8, absent from WebGL players)
//   ZRB_PUERTS_QUICKJS  com.tencent.puerts.quickjs   (3.x; BackendQuickJS)
//   ZRB_PUERTS_NODEJS   com.tencent.puerts.nodejs    (3.x; BackendNodeJS)
//   ZRB_PUERTS_WEBGL    com.tencent.puerts.webgl     (2.x or 3.x; Puerts.WebGL.MainEnv, needed by WebGL players)
// PuerTS copied into Assets/ is no package, so Unity sets none of them: add to Scripting Define Symbols
// ZRB_PUERTS, ZRB_PUERTS_2 or ZRB_PUERTS_3, and for 3.x each of ZRB_PUERTS_V8 / _QUICKJS / _NODEJS /
// _WEBGL whose PuerTS folder you copied (Documentation~/puerts-setup.md). Keep PuerTS's .asmdef files:
// a package assembly can only reach PuerTS through them.
// A combination that cannot run stops the compile with an #error naming what to install or define.
#if !ZRB_PUERTS && (ZRB_PUERTS_2 || ZRB_PUERTS_3 || ZRB_PUERTS_V8 || ZRB_PUERTS_QUICKJS || ZRB_PUERTS_NODEJS || ZRB_PUERTS_WEBGL)
#error zego-room-bridge: a ZRB_PUERTS_* define is set but ZRB_PUERTS is not: add ZRB_PUERTS to Scripting Define Symbols (PuerTS copied into Assets/, see Documentation~/puerts-setup.md)
#elif ZRB_PUERTS && ZRB_PUERTS_2 && ZRB_PUERTS_3
#error zego-room-bridge: both ZRB_PUERTS_2 and ZRB_PUERTS_3 are defined: keep the one matching your PuerTS (com.tencent.puerts.core 2.x or 3.x)
#elif ZRB_PUERTS && !ZRB_PUERTS_2 && !ZRB_PUERTS_3
#error zego-room-bridge: this com.tencent.puerts.core version is not supported (2.x and 3.x are); PuerTS copied into Assets/: add ZRB_PUERTS_2 or ZRB_PUERTS_3 to Scripting Define Symbols
#elif ZRB_PUERTS_2 && (ZRB_PUERTS_V8 || ZRB_PUERTS_QUICKJS || ZRB_PUERTS_NODEJS)
#error zego-room-bridge: com.tencent.puerts.v8 / .quickjs / .nodejs are PuerTS 3.x packages but com.tencent.puerts.core is 2.x: install one PuerTS line (PuerTS copied into Assets/: ZRB_PUERTS_V8 / _QUICKJS / _NODEJS are for 3.x only)
#elif ZRB_PUERTS && UNITY_WEBGL && !UNITY_EDITOR && !ZRB_PUERTS_WEBGL
#error zego-room-bridge: a WebGL player needs PuerTS's WebGL support: install com.tencent.puerts.webgl (the same version as com.tencent.puerts.core); PuerTS copied into Assets/: also add ZRB_PUERTS_WEBGL
#elif ZRB_PUERTS_3 && !UNITY_EDITOR && !UNITY_WEBGL && !ZRB_PUERTS_V8 && !ZRB_PUERTS_QUICKJS && !ZRB_PUERTS_NODEJS
#error zego-room-bridge: PuerTS 3.x has no JS backend for this player: install com.tencent.puerts.v8 (or com.tencent.puerts.quickjs / com.tencent.puerts.nodejs); PuerTS copied into Assets/: also add ZRB_PUERTS_V8 (or ZRB_PUERTS_QUICKJS / ZRB_PUERTS_NODEJS)
#elif ZRB_PUERTS
using System;
#if ZRB_PUERTS_3
using PuerEnv = Puerts.ScriptEnv;
#else
using PuerEnv = Puerts.JsEnv;
#endif

namespace ZegoRoomBridge
{
    public sealed class PuertsScriptHost : IScriptHostPending
    {
        /// <summary>Resources path of the bundle (the WebGL packer keys it the same way).</summary>
        public const string ModulePath = "ZegoRoomBridge/core.mjs";
        /// <summary>The Web SDK driver (WebGL players only): importing it registers the "web" driver with the core.</summary>
        public const string WebModulePath = "ZegoRoomBridge/webgl.mjs";
        /// <summary>The simulated room service: importing it registers the "simulator" driver and its ops with the core.</summary>
        public const string SimulatorModulePath = "ZegoRoomBridge/sim.mjs";
        /// <summary>The ZEGO Unity SDK driver (every player but WebGL, and the Editor): importing it registers "native" with the core.</summary>
        public const string NativeModulePath = "ZegoRoomBridge/native.mjs";
        /// <summary>The local room server's driver: importing it registers "dev" with the core (ZegoRoomBridgeSettings.DevServer).</summary>
        public const string DevModulePath = "ZegoRoomBridge/dev.mjs";

        /// <summary>Whether a new host loads native.mjs: everywhere but a WebGL player (the Editor may run the native driver).</summary>
        public static bool LoadsNative
        {
            get
            {
#if UNITY_WEBGL && !UNITY_EDITOR
                return false;
#else
                return true;
#endif
            }
        }

        /// <summary>
        /// Whether a new host loads sim.mjs: always in the Editor (Play mode may run the simulator); in a player
        /// only when the app set ZegoRoomBridgeSettings.UseSimulator before CreateEngine, so a player never runs it unasked.
        /// </summary>
        public static bool LoadsSimulator
        {
            get
            {
#if UNITY_EDITOR
                return true;
#else
                return ZegoRoomBridgeSettings.UseSimulator;
#endif
            }
        }

        /// <summary>
        /// Whether a new host loads dev.mjs: when the app set ZegoRoomBridgeSettings.DevServer before CreateEngine, in the
        /// Editor and in development builds (a WebGL development build packs it; a release build neither packs nor loads it).
        /// </summary>
        public static bool LoadsDev
        {
            get
            {
                if (!DriverSelector.DevServerSet(ZegoRoomBridgeSettings.DevServer)) return false;
#if UNITY_EDITOR
                return true;
#else
                return UnityEngine.Debug.isDebugBuild;
#endif
            }
        }

        /// <summary>Why CreateDefault has no env: PuerTS 3.x in the Editor without a backend package (players stop at compile time).</summary>
        public const string NoBackendMessage =
            "no JS backend for PuerTS 3.x: install com.tencent.puerts.v8 (or com.tencent.puerts.quickjs / com.tencent.puerts.nodejs); " +
            "PuerTS copied into Assets/: also add ZRB_PUERTS_V8 (or ZRB_PUERTS_QUICKJS / ZRB_PUERTS_NODEJS) to Scripting Define Symbols";

        readonly PuerEnv env;
        readonly bool ownsEnv;
        // String-only signatures: PuerTS's shared reference-type bridges cover them under IL2CPP.
        Func<string, string> invoke;
        Func<string> drain;
        // An int return needs a bridge of its own under IL2CPP: the UsingFunc<int>() call below is what
        // "Generate il2cpp" reads for it (docs/BOUNDARY.md). null: a core without bridgePending (drain every frame).
        Func<int> pending;

        /// <summary>Runs the bridge in the game's existing env; the bridge never disposes it.</summary>
        public PuertsScriptHost(PuerEnv existingEnv) : this(existingEnv, false) { }

        PuertsScriptHost(PuerEnv env, bool ownsEnv)
        {
            this.env = env ?? throw new ArgumentNullException(nameof(env));
            this.ownsEnv = ownsEnv;
            // ExecuteModule(path).Get<T>: 3.x's Editor (PInvoke) ScriptEnv has no ExecuteModule<T>.
            var module = env.ExecuteModule(ModulePath);
            invoke = module.Get<Func<string, string>>("bridgeInvoke");
            drain = module.Get<Func<string>>("bridgeDrain");
#if ZRB_PUERTS_2
            env.UsingFunc<int>();                         // 2.x reflection mode registers the bridge here; il2cpp mode's generator reads the call
#else
            Puerts.LegacyBridageConfig.UsingFunc<int>();  // 3.x: a no-op at run time; "Generate il2cpp" reads the call (3.x's Editor needs none)
#endif
            try { pending = module.Get<Func<int>>("bridgePending"); }
            catch (Exception) { pending = null; }        // a core.mjs without the export: Pending() says "drain"
            try
            {
#if UNITY_WEBGL && !UNITY_EDITOR
                env.ExecuteModule(WebModulePath);             // imports ./core.mjs (the same module instance) and registers "web"
#endif
                if (LoadsNative) env.ExecuteModule(NativeModulePath); // imports ./core.mjs too and registers "native"
                if (LoadsSimulator) LoadSimulator();
                if (LoadsDev) LoadDev();
            }
            catch
            {
                Dispose();   // an env of our own goes with the failed CreateEngine
                throw;
            }
        }

        // sim.mjs and dev.mjs import ./core.mjs too (the same module instance, so the same bridge) and register
        // "simulator" / "dev" (the dev driver's socket is PuerTS's WebSocket, the browser's in a WebGL player).
        void LoadSimulator() => LoadAskedFor(SimulatorModulePath, "the simulator was asked for",
            "a WebGL player packs it only with ZRB_SIMULATOR_IN_PLAYER in Scripting Define Symbols");

        void LoadDev() => LoadAskedFor(DevModulePath, "ZegoRoomBridgeSettings.DevServer is set",
            "a WebGL build packs it only as a Development Build");

        /// <summary>Loads a module the app asked for; one that is missing fails CreateEngine (1000017), naming why it may be absent.</summary>
        void LoadAskedFor(string path, string askedFor, string whenPacked)
        {
            try { env.ExecuteModule(path); }
            catch (Exception e)
            {
                throw new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam,
                    "zego-room-bridge: CreateEngine failed (1000017): " + askedFor + " but " + path + " could not be loaded" +
                    " (" + whenPacked + "): " + e.Message, e);
            }
        }

        /// <summary>
        /// The env the bridge uses when the app hands none: a WebGL player's single MainEnv (never disposed);
        /// else 2.x's JsEnv, or a 3.x ScriptEnv of its own on the first installed backend in PuerTS's own
        /// order (V8, Node.js, QuickJS). Throws ZegoRoomBridgeException (1000017) when 3.x has no backend.
        /// </summary>
        public static PuertsScriptHost CreateDefault()
        {
#if UNITY_WEBGL && !UNITY_EDITOR
            return new PuertsScriptHost(Puerts.WebGL.MainEnv.Get(), false);
#elif ZRB_PUERTS_2
            return new PuertsScriptHost(new Puerts.JsEnv(), true);
#elif ZRB_PUERTS_V8
            return new PuertsScriptHost(new Puerts.ScriptEnv(new Puerts.BackendV8()), true);
#elif ZRB_PUERTS_NODEJS
            return new PuertsScriptHost(new Puerts.ScriptEnv(new Puerts.BackendNodeJS()), true);
#elif ZRB_PUERTS_QUICKJS
            return new PuertsScriptHost(new Puerts.ScriptEnv(new Puerts.BackendQuickJS()), true);
#else
            throw new ZegoRoomBridgeException(ZegoErrorCode.CommonIllegalParam, "zego-room-bridge: CreateEngine failed (1000017): " + NoBackendMessage);
#endif
        }

        public string Invoke(string requestJson) => invoke(requestJson);

        public string Drain() => drain();

        public int Pending() => pending != null ? pending() : 1;

        public void Tick() => env.Tick();

        public void Dispose()
        {
            // Drop the JS delegates before the env goes (PuerTS crashes on delegates outliving their env).
            invoke = null;
            drain = null;
            pending = null;
            if (ownsEnv) env.Dispose();
        }
    }
}
#endif
