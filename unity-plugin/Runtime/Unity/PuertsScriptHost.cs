// The one PuerTS-specific file: IScriptHost over a PuerTS env, for PuerTS 2.x (JsEnv/JSObject) and
// 3.x (ScriptEnv/ScriptObject). Compiled only when com.tencent.puerts.core is installed (asmdef versionDefines).
#if ZRB_PUERTS
using System;
#if ZRB_PUERTS_3
using PuerEnv = Puerts.ScriptEnv;
#else
using PuerEnv = Puerts.JsEnv;
#endif

namespace ZegoRoomBridge
{
    public sealed class PuertsScriptHost : IScriptHost
    {
        /// <summary>Resources path of the bundle (the WebGL packer keys it the same way).</summary>
        public const string ModulePath = "ZegoRoomBridge/core.mjs";
        /// <summary>The Web SDK driver (WebGL players only): importing it registers the "web" driver with the core.</summary>
        public const string WebModulePath = "ZegoRoomBridge/webgl.mjs";

        readonly PuerEnv env;
        readonly bool ownsEnv;
        // String-only signatures: PuerTS's shared reference-type bridges cover them under IL2CPP.
        Func<string, string> invoke;
        Func<string> drain;

        /// <summary>Runs the bridge in the game's existing env; the bridge never disposes it.</summary>
        public PuertsScriptHost(PuerEnv existingEnv) : this(existingEnv, false) { }

        PuertsScriptHost(PuerEnv env, bool ownsEnv)
        {
            this.env = env ?? throw new ArgumentNullException(nameof(env));
            this.ownsEnv = ownsEnv;
            var module = env.ExecuteModule(ModulePath);   // ExecuteModule(path).Get<T> compiles in Editor (PInvoke) and IL2CPP alike
            invoke = module.Get<Func<string, string>>("bridgeInvoke");
            drain = module.Get<Func<string>>("bridgeDrain");
#if UNITY_WEBGL && !UNITY_EDITOR
            env.ExecuteModule(WebModulePath);             // imports ./core.mjs (the same module instance) and registers "web"
#endif
        }

        /// <summary>The env the bridge uses when the app hands none: WebGL's single MainEnv (never disposed), else a V8 env of its own.</summary>
        public static PuertsScriptHost CreateDefault()
        {
#if UNITY_WEBGL && !UNITY_EDITOR && ZRB_PUERTS_WEBGL
            return new PuertsScriptHost(Puerts.WebGL.MainEnv.Get(), false);
#elif ZRB_PUERTS_3 && ZRB_PUERTS_V8
            return new PuertsScriptHost(new Puerts.ScriptEnv(new Puerts.BackendV8()), true);
#else
#pragma warning disable 618 // 3.x without the v8 package: JsEnv picks an installed backend (V8, Node, QuickJS)
            return new PuertsScriptHost(new Puerts.JsEnv(), true);
#pragma warning restore 618
#endif
        }

        public string Invoke(string requestJson) => invoke(requestJson);

        public string Drain() => drain();

        public void Tick() => env.Tick();

        public void Dispose()
        {
            // Drop the JS delegates before the env goes (PuerTS crashes on delegates outliving their env).
            invoke = null;
            drain = null;
            if (ownsEnv) env.Dispose();
        }
    }
}
#endif
