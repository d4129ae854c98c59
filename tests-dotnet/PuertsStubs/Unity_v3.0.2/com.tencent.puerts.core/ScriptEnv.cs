// PuerTS 3.0.2: two ScriptEnv classes, chosen by the same guards as here:
// unity/upms/core/Runtime/Src/PInvoke/ScriptEnv.cs (Editor, Mono, PUERTS_DISABLE_IL2CPP_OPTIMIZATION) has no
// ExecuteModule<T>; IL2Cpp/ScriptEnv.cs (IL2CPP players, Unity 2020.1+) has it.
using System;

namespace Puerts
{
#if PUERTS_DISABLE_IL2CPP_OPTIMIZATION || !ENABLE_IL2CPP
    public class ScriptEnv : IDisposable
    {
        // Reports which backend reached it: the runtime rows assert CreateDefault's choice.
        public ScriptEnv(Backend backend, int debugPort = -1) { throw new NotSupportedException("stub Puerts.ScriptEnv(" + backend.GetType().Name + ")"); }

        public ScriptObject ExecuteModule(string specifier) { throw new NotSupportedException("stub"); }

        public void Tick() { throw new NotSupportedException("stub"); }

        public void Dispose() { throw new NotSupportedException("stub"); }
    }
#endif

#if UNITY_2020_1_OR_NEWER
#if !PUERTS_DISABLE_IL2CPP_OPTIMIZATION && ENABLE_IL2CPP
    public class ScriptEnv : IDisposable
    {
        public ScriptEnv(Backend backend, int debugPort = -1) { throw new NotSupportedException("stub Puerts.ScriptEnv(" + backend.GetType().Name + ")"); }

        public T ExecuteModule<T>(string specifier, string exportee) { throw new NotSupportedException("stub"); }

        public ScriptObject ExecuteModule(string specifier) { throw new NotSupportedException("stub"); }

        public void Tick() { throw new NotSupportedException("stub"); }

        public void Dispose() { throw new NotSupportedException("stub"); }
    }
#endif
#endif
}
