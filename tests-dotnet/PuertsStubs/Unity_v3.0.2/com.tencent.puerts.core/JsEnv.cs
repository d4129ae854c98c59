// PuerTS 3.0.2: unity/upms/core/Runtime/Src/JsEnv.cs, the obsolete 2.x-style wrapper. It is not a
// ScriptEnv (it holds one in the public field `env`), and with BackendType.Auto it looks backends up by
// name through reflection.
using System;

namespace Puerts
{
    [Obsolete("use ScriptEnv instead")]
    public class JsEnv : IDisposable
    {
        public Backend Backend;

        public ScriptEnv env;

        public JsEnv() { throw new NotSupportedException("stub Puerts.JsEnv()"); }

        public JsEnv(ILoader loader, int debugPort = -1) { throw new NotSupportedException("stub"); }

        public T ExecuteModule<T>(string specifier, string exportee) { throw new NotSupportedException("stub"); }

        public ScriptObject ExecuteModule(string specifier) { throw new NotSupportedException("stub"); }

        public void Tick() { throw new NotSupportedException("stub"); }

        public void Dispose() { throw new NotSupportedException("stub"); }
    }

    // Same file, no guard: empty bodies; the il2cpp generator reads calls to them as delegate-bridge declarations.
    public static class LegacyBridageConfig
    {
        public static void UsingFunc<TResult>() { throw new NotSupportedException("stub"); }
    }
}
