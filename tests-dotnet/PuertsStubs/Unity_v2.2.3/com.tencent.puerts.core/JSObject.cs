// PuerTS 2.2.3: unity/Assets/core/upm/Runtime/Src/{Default,IL2Cpp}/JSType/JSObject.cs (not IDisposable in either).
using System;

namespace Puerts
{
    public class JSObject
    {
        internal JSObject() { }

        public T Get<T>(string key) { throw new NotSupportedException("stub"); }
    }
}
