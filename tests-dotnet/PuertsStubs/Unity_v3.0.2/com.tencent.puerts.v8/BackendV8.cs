// PuerTS 3.0.2: unity/upms/v8/Runtime/Src/Backends/BackendV8.cs; the whole file is guarded, so a WebGL
// player has no BackendV8 (the package has no WebGL plugin either).
#if !UNITY_WEBGL || UNITY_EDITOR

namespace Puerts
{
    public class BackendV8 : BackendJs
    {
        public BackendV8(ILoader loader) : base(loader) { }

        public BackendV8() : this(new DefaultLoader()) { }
    }
}

#endif
