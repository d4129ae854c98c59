// PuerTS 3.0.2: PInvoke/JSType/ScriptObject.cs is IDisposable, IL2Cpp/JSType/ScriptObject.cs is not.
using System;

namespace Puerts
{
#if PUERTS_DISABLE_IL2CPP_OPTIMIZATION || !ENABLE_IL2CPP
    public class ScriptObject : IDisposable
    {
        internal ScriptObject() { }

        public T Get<T>(string key) { throw new NotSupportedException("stub"); }

        public void Dispose() { throw new NotSupportedException("stub"); }
    }
#endif

#if UNITY_2020_1_OR_NEWER
#if !PUERTS_DISABLE_IL2CPP_OPTIMIZATION && ENABLE_IL2CPP
    public class ScriptObject
    {
        internal ScriptObject() { }

        public T Get<T>(string key) { throw new NotSupportedException("stub"); }
    }
#endif
#endif
}
